"""One output's targets and a frame's columns: which output of a training with several the
evidence is about (`one_output`), which column of a frame the targets are (`df["y"]`, `df.pop("y")`)
and where its values came from — the last write to it, the frame a file or a project function read
it from (`column_origins`)."""
from __future__ import annotations

import dataclasses
import re
from typing import Optional

from regr_lint.lazy import cst

from regr_lint.model.compat import statements
from regr_lint.model.importers import (_imported_function, _imported_source, _module_facts, _returned_items,
                                       _returned_part, _returns, _top_function, _top_function_in, imported_binding)
from regr_lint.model.model import KerasFacts
from regr_lint.model.records import _PEEL_METHODS, _call_name, _records, _string_value, last_assigned


# ---------------------------------------------------------------- one output's targets
# (whether targets are class labels: facts/labels.py; whether they take both signs: facts/signs.py)

# pandas / numpy methods that keep the values (and so their signs) as they are
_SIGN_PEEL_METHODS = _PEEL_METHODS | {"dropna", "fillna", "ffill", "bfill", "interpolate", "shift",
                                      "to_frame", "to_list", "tolist"}


def one_output(model, index: int, name: Optional[str], count: int):
    """`model` with each training's targets cut down to output `index` (named `name`) of `count` —
    the item of `fit(x, [y1, y2])`, the `name` key of `fit(x, {"price": y1, ...})` — so the evidence
    about one head's targets is not another head's. `model` itself when it has one output, or when a
    training's targets cannot be told apart (then every output's evidence counts, as before)."""
    if count <= 1:
        return model
    from regr_lint.knowledge.tables import TRAIN_METHODS

    trainings = []
    for t in model.trainings:
        if t.method in TRAIN_METHODS and t.y_node is not None:
            y = _output_targets(t.y_node, index, name, count)
            if y is None:
                return model
            t = dataclasses.replace(t, y_node=y)
        elif t.method in TRAIN_METHODS:
            t = dataclasses.replace(t, output=(index, name, count))  # cut where its batches are made
        trainings.append(t)
    return dataclasses.replace(model, trainings=trainings)  # the same model, its trainings cut down


def _output_targets(y, index: int, name: Optional[str], count: int):
    if isinstance(y, (cst.List, cst.Tuple)) and len(y.elements) == count \
            and not any(isinstance(e, cst.StarredElement) for e in y.elements):
        return y.elements[index].value
    if isinstance(y, cst.Dict) and name is not None:
        for element in y.elements:
            if isinstance(element, cst.DictElement) and isinstance(element.key, cst.SimpleString) \
                    and element.key.raw_value == name:
                return element.value
    return None


def _popped_column(node) -> Optional[str]:
    """'class' for `df.pop("class")` on a plain name (or `df.pop(TARGET)`, see `_key_of`); None
    otherwise."""
    if not isinstance(node, cst.Call) or not isinstance(node.func, cst.Attribute) or node.func.attr.value != "pop" \
            or not isinstance(node.func.value, cst.Name) or len(node.args) != 1:
        return None
    return _key_of(node.args[0].value)


def _column_key(node: cst.Subscript) -> Optional[str]:
    """'ret' for `df["ret"]` / `df['ret']` on a plain name (or `df[TARGET]`, see `_key_of`); None
    otherwise."""
    if not isinstance(node.value, cst.Name) or len(node.slice) != 1:
        return None
    index = node.slice[0].slice
    return _key_of(index.value) if isinstance(index, cst.Index) else None


def _keyed_return(node: cst.Subscript, at: int, facts, records: dict):
    """`d["y"]` where `d = load()` of a project module (or of this file) returning a dict literal:
    (facts, records, [(index, the value under "y")]) as `_returned_items` gives them; else None."""
    key = _column_key(node)
    return _returned_part(node.value, ("key", key), at, facts, records) if key is not None else None


def _key_of(node) -> Optional[str]:
    """A column's key: the text of a string literal, or a constant's name (`df[TARGET]`, upper case by
    convention: one column wherever the file writes it; never the text of another key, so a file
    mixing `df[TARGET]` and `df["price"]` links nothing)."""
    if isinstance(node, cst.SimpleString):
        return _string_value(node)
    if isinstance(node, cst.Name) and node.value.isupper():
        return "\0" + node.value
    if isinstance(node, cst.Attribute) and isinstance(node.value, cst.Name) and node.attr.value.isupper():
        return "\0" + node.attr.value  # `df[config.TARGET]`: the constant of a config module, by name
    return None


def _column_writes(facts: KerasFacts) -> dict:
    """{(assignment index, frame name): (columns, value)} for `df["col"] = …` assignments (and those
    writing every column: `df[df.columns] = …`, `df[:] = …`)."""
    cached = facts._cache.get("dataflow_columns")
    if cached is not None:
        return cached
    out: dict = {}
    records = _records(facts)
    looped: list = []
    for i, (targets, value) in enumerate(facts.assignments):
        if isinstance(value, cst.AugAssign):
            continue
        for target in targets:
            whole = _whole_frame(target)
            if whole is not None:
                out[(i, whole)] = (_EVERY_COLUMN, value)  # df[:] = …, df.iloc[:, :] = …
            elif isinstance(target, cst.Subscript):
                column = _column_key(target)
                if column is not None:
                    out[(i, target.value.value)] = ({column}, value)
                elif isinstance(target.value, cst.Name) and len(target.slice) == 1 \
                        and isinstance(target.slice[0].slice, cst.Index):
                    key = target.slice[0].slice.value
                    columns = _column_list(key, i, records)
                    if columns:  # df[["a", "target"]] = scaler.fit_transform(df[["a", "target"]])
                        out[(i, target.value.value)] = (columns, value)
                    elif isinstance(key, cst.Attribute) and key.attr.value == "columns" \
                            and isinstance(key.value, cst.Name) and key.value.value == target.value.value:
                        out[(i, target.value.value)] = (_EVERY_COLUMN, value)  # df[df.columns] = …
                    elif (like := _key_like(key)) is not None:
                        out[(i, target.value.value)] = (like, value)  # df[f"lag{k}"] = …
                    elif isinstance(key, cst.Name):
                        looped.append((i, target, key.value, value))
    for i, target, name, value in looped:
        # `for c in FEATURES: df[c] = df[c] / df[c].abs().max()`: the columns a loop over a list of
        # column names writes, one per pass (the innermost loop over `name` the write was made in)
        loops = [(end - first, stmt) for stmt, first, end in facts.loops
                 if first <= i < end and isinstance(stmt.target, cst.Name) and stmt.target.value == name]
        columns = _names_iterated(min(loops, key=lambda found: found[0])[1].iter, facts, records) if loops else None
        if columns:
            out[(i, target.value.value)] = (columns, value)
    facts._cache["dataflow_columns"] = out
    return out


def _names_iterated(it, facts: KerasFacts, records: dict):
    """The column names a `for` runs over: a literal list of strings, or a name / a config module's
    attribute bound to one (`config.FEATURES`); None otherwise."""
    columns = _column_list(it, len(facts.assignments), records)
    if columns is None and isinstance(it, cst.Attribute) and isinstance(it.value, cst.Name):
        bound = imported_binding(facts, it.value.value, it.attr.value)
        columns = _column_list(bound[1], 0, {}) if bound is not None else None
    elif columns is None and isinstance(it, cst.Name) and it.value not in records:
        bound = imported_binding(facts, it.value)
        columns = _column_list(bound[1], 0, {}) if bound is not None else None
    return columns


def _whole_frame(target) -> Optional[str]:
    """The frame `df[:] = …`, `df.iloc[:, :] = …` / `df.loc[:, :] = …` writes every cell of."""
    if not isinstance(target, cst.Subscript) or not all(
            isinstance(e.slice, cst.Slice) and _full(e.slice) for e in target.slice):
        return None
    base = target.value
    if isinstance(base, cst.Attribute) and base.attr.value in ("iloc", "loc"):
        base = base.value
    return base.value if isinstance(base, cst.Name) else None


def _full(s: cst.Slice) -> bool:
    """`:` — a slice taking everything along its axis."""
    return s.lower is None and s.upper is None and s.step is None


class _EveryColumn:
    """The columns `df[df.columns] = …` writes: all of them."""

    def __contains__(self, column) -> bool:
        return True


_EVERY_COLUMN = _EveryColumn()


class _ColumnsLike:
    """The columns a key built from text writes (`df[f"ret_lag{k}"] = …`, `df["lag%d" % k]`,
    `df["lag{}".format(k)]`, `df["lag_" + str(k)]` in a loop): those its literal text fits,
    `ret_lag…`; never a literal column it cannot spell (`"ret"`, `"target"`), maybe any
    constant-named one."""

    def __init__(self, pattern: str):
        self.pattern = re.compile(pattern, re.S)

    def __contains__(self, column) -> bool:
        return column.startswith("\0") or bool(self.pattern.fullmatch(column))


_PRINTF = re.compile(r"%[-+ #0]*(?:\d+|\*)?(?:\.(?:\d+|\*))?[diouxXeEfFgGcrsa%]")


def _key_like(key) -> Optional[_ColumnsLike]:
    """`_ColumnsLike` of a column key built from literal text, None for any other key (or one whose
    text is all placeholders, which could spell any column)."""
    if isinstance(key, cst.FormattedString) and key.prefix.lower() == "f":
        parts = [(isinstance(p, cst.FormattedStringText), p.value if isinstance(p, cst.FormattedStringText) else "")
                 for p in key.parts]
    elif isinstance(key, cst.BinaryOperation) and isinstance(key.operator, cst.Modulo) \
            and isinstance(key.left, cst.SimpleString) and isinstance(key.left.evaluated_value, str):
        text = key.left.evaluated_value
        parts, last = [], 0
        for m in _PRINTF.finditer(text):
            parts += [(True, text[last:m.start()]), (m.group() == "%%", "%" if m.group() == "%%" else "")]
            last = m.end()
        parts.append((True, text[last:]))
    elif isinstance(key, cst.Call) and isinstance(key.func, cst.Attribute) and key.func.attr.value == "format" \
            and isinstance(key.func.value, cst.SimpleString) and isinstance(key.func.value.evaluated_value, str):
        parts = []
        for i, piece in enumerate(re.split(r"\{[^{}]*\}", key.func.value.evaluated_value)):
            parts += [(False, ""), (True, piece)] if i else [(True, piece)]
    elif isinstance(key, cst.BinaryOperation) and isinstance(key.operator, cst.Add) \
            and isinstance(key.left, cst.SimpleString) and isinstance(key.left.evaluated_value, str):
        parts = [(True, key.left.evaluated_value), (False, "")]
    else:
        return None
    if not any(literal and text for literal, text in parts):
        return None
    return _ColumnsLike("".join(re.escape(text) if literal else ".*" for literal, text in parts))


def _column_list(node, at: int, records: dict, depth: int = 0):
    """{"a", "b"} for a literal list of column names, or a name last bound to one."""
    if isinstance(node, cst.Name) and depth < 4:
        found = last_assigned(records, node.value, at)
        return _column_list(found[1], found[0], records, depth + 1) if found else None
    if isinstance(node, (cst.List, cst.Tuple)) and node.elements \
            and all(isinstance(e, cst.Element) and isinstance(e.value, cst.SimpleString) for e in node.elements):
        return {e.value.raw_value for e in node.elements}
    return None


def _dummies_source(node, column: str):
    """The frame `pd.get_dummies(df, columns=["shop", "dow"])` encodes, for a column it leaves as it
    was (`"sales_z"`); `node` itself otherwise."""
    if not isinstance(node, cst.Call) or _call_name(node) != "get_dummies" or not node.args \
            or node.args[0].keyword is not None or node.args[0].star or not isinstance(node.args[0].value, cst.Name):
        return node
    listed = next((a.value for a in node.args if a.keyword is not None and a.keyword.value == "columns"), None)
    names = {e.value.raw_value for e in listed.elements if isinstance(e.value, cst.SimpleString)} \
        if isinstance(listed, (cst.List, cst.Tuple)) and all(isinstance(e.value, cst.SimpleString) for e in listed.elements) \
        else None
    return node.args[0].value if names is not None and column not in names else node


def _column_origin(frame: str, column: str, at: int, facts, records: dict):
    """Where `df["y"]` as it was at `at` comes from: ("write", i, value, columns) — the last write to
    that column (`df["y"] = …`, or `df[df.columns] = …` writing every column); ("given", i, value) —
    a `df = df.assign(y=…)`; ("frame", i, value) — the frame's value, every column alike (through
    methods that keep the columns, `dropna()` …, and `pd.get_dummies` of other columns, back to the
    frame it came from); None when it changed in a way not followed."""
    writes = _column_writes(facts)
    for _ in range(24):
        for i, kind, value in reversed([r for r in records.get(frame, ()) if r[0] < at]):
            if (i, frame) in writes:
                names, written = writes[(i, frame)]
                if column not in names:
                    continue  # other columns
                return "write", i, written, names
            if kind != "assign" or value is None:
                return None
            peeled = _frame_source(value, column)
            if peeled[0] == "frame":
                peeled = _piped_source(value, column, facts) or peeled  # `df = raw.pipe(add_target)`
            if peeled[0] == "given":
                return "given", i, peeled[1]
            if peeled[0] == "frame":
                return "frame", i, value
            frame, at = peeled[1], i  # `df = df.dropna()`: the column on the frame it came from
            break
        else:
            return None
    return None


# frame methods that keep the columns they do not drop, with their values (a 0/1 column stays one)
_FRAME_KEEP = frozenset({"reset_index", "sort_index", "sort_values", "assign", "drop", "copy", "sample", "head",
                         "tail", "set_index"})


def _frame_source(value, column: str) -> tuple:
    """What a frame's value `value` makes of its column `column`: ("given", node) — a `.assign(column=…)`
    gives it (a lambda's body for `assign(y=lambda d: …)`); ("name", frame) — the column of the frame
    named so, kept through methods that keep columns (`dropna()`, `reset_index()`, `drop(columns=…)` …,
    row slices `df.iloc[:cut]`, `pd.get_dummies` of other columns); ("frame", value) otherwise."""
    inner = value
    for _ in range(32):
        if isinstance(inner, cst.Call) and _call_name(inner) == "assign":
            # `df = df.assign(ret=df["close"].pct_change())`, `assign(d=lambda d: d.t.diff())`
            given = next((a.value for a in inner.args if a.keyword is not None and a.keyword.value == column), None)
            if given is not None:
                return "given", given.body if isinstance(given, cst.Lambda) else given
        step = _kept_step(inner)
        if step is None:
            break
        inner = step
    inner = _dummies_source(inner, column)
    return ("name", inner.value) if isinstance(inner, cst.Name) else ("frame", value)


def _kept_step(node):
    """One step down a frame's value through what keeps its columns: a row slice (`df.iloc[:cut]`: some
    rows, every column) or a method that keeps them (`dropna()`, `reset_index()`, `assign(…)` …); None
    at anything else."""
    if isinstance(node, cst.Subscript) and isinstance(node.value, cst.Attribute) \
            and node.value.attr.value in ("iloc", "loc") and len(node.slice) == 1 \
            and isinstance(node.slice[0].slice, cst.Slice):
        return node.value.value
    if isinstance(node, cst.Call) and isinstance(node.func, cst.Attribute) \
            and _call_name(node) in _SIGN_PEEL_METHODS | _FRAME_KEEP:
        return node.func.value
    return None


def _kept_frame(value):
    """The frame `value` keeps the columns of, through what `_frame_source` reads through
    (`add_target(raw).dropna().reset_index()`: `add_target(raw)`)."""
    for _ in range(32):
        step = _kept_step(value)
        if step is None:
            break
        value = step
    return value


_RAW_FRAME_READERS = frozenset({"read_csv", "read_excel", "read_parquet", "read_json", "read_table", "read_feather",
                                "read_sql", "read_sql_query", "read_sql_table"})


def _piped_source(value, column: str, facts) -> Optional[tuple]:
    """("given", node) when frame `value` is `….pipe(add_target)` and every return of that function
    (of this module, or imported from another by name) gives `column` by an `.assign(column=…)`
    (`return df.assign(target=lambda d: d.close.pct_change(5))`); None otherwise. Read by its
    structure alone: its parameter is any frame."""
    if not isinstance(value, cst.Call) or _call_name(value) != "pipe" or not isinstance(value.func, cst.Attribute) \
            or len(value.args) != 1 or value.args[0].keyword is not None:
        return None
    fn = value.args[0].value
    if isinstance(fn, cst.Lambda) and len(fn.params.params) == 1:
        peeled = _frame_source(fn.body, column)  # `.pipe(lambda d: d.assign(y=…))`
        return peeled if peeled[0] == "given" else None
    if not isinstance(fn, cst.Name):
        return None
    name = fn.value
    fdef = _top_function_in(facts.module, name)
    if fdef is None and facts.path:
        found = _imported_function(facts.path, name)
        fdef = _top_function(*found) if found is not None else None
    if fdef is None:
        return None
    given = []
    for stmt in statements(fdef.body):
        if isinstance(stmt, (cst.FunctionDef, cst.ClassDef)):
            return None  # (returns of functions defined inside it would be taken for its own)
        if isinstance(stmt, cst.Return):
            peeled = _frame_source(stmt.value, column) if stmt.value is not None else ("frame", None)
            if peeled[0] != "given":
                return None
            given.append(peeled[1])
    return ("given", given[0]) if len(given) == 1 else None


def read_column(node) -> Optional[tuple]:
    """(frame, column) for a column read by key: `df["ret"]` (the frame a name), or `D.FRAME["ret"]`
    of `import data as D` (the frame (module name, attribute)); None otherwise."""
    column = _column_key(node) if isinstance(node, cst.Subscript) else None
    if column is not None:
        return node.value.value, column
    if not isinstance(node, cst.Subscript) or not isinstance(node.value, cst.Attribute) \
            or not isinstance(node.value.value, cst.Name) or len(node.slice) != 1 \
            or not isinstance(node.slice[0].slice, cst.Index):
        return None
    column = _key_of(node.slice[0].slice.value)
    return None if column is None else ((node.value.value.value, node.value.attr.value), column)


def column_origins(frame, column: str, at: int, facts, records: dict) -> Optional[list]:
    """[(facts, records, origin)]: `_column_origin` of `df["y"]`, read through a function that made the
    frame (`df = load(path)`, a function of this file or of a project module, `return
    df.dropna()` after `df["y"] = …` there): the origin of that column in each of its returns, read
    with the facts of the module that defines it. None when one of them is not known."""
    unpacked = [r for r in records.get(frame, ()) if r[0] < at]
    if unpacked and unpacked[-1][1] == "unpack" and not isinstance(frame, tuple):
        # `df, stats = load(path)`: the frame a function returns as one item of a tuple
        i, _, (call, k, n, inner) = unpacked[-1]
        found = _returned_items(call, ((k, n),) + inner, i, facts, records) if isinstance(call, cst.Call) else None
        if found is None or not found[2]:
            return None
        other, theirs, items = found
        out = []
        for j, item in items:
            peeled = _frame_source(item, column)
            origin = ("given", j, peeled[1]) if peeled[0] == "given" else \
                _column_origin(peeled[1], column, j, other, theirs) if peeled[0] == "name" else None
            if origin is None:
                return None
            out.append((other, theirs, origin))
        return out
    if isinstance(frame, tuple) or frame not in records:
        # `from features import DF` and `DF["target"]` (or `D.DF["target"]` of `import features as D`,
        # `frame` then (module name, attribute)): the column as the module's top level leaves it
        found = _imported_source(facts, *frame) if isinstance(frame, tuple) else _imported_source(facts, frame)
        other = _module_facts(found[0]) if found is not None else None
        if other is None:
            return None
        origin = _column_origin(found[1], column, len(other.assignments), other, _records(other))
        return None if origin is None else [(other, _records(other), origin)]
    origin = _column_origin(frame, column, at, facts, records)
    made = _kept_frame(origin[2]) if origin is not None and origin[0] == "frame" else None
    if not isinstance(made, cst.Call):
        return None if origin is None else [(facts, records, origin)]
    # (`add_target(raw).dropna()`: the frame the function returns, its columns kept)
    found = _returns(made, origin[1], facts, records)
    if found is None or not found[2]:
        return [(facts, records, origin)]
    other, theirs, returns = found
    out = []
    for i, value in returns:
        peeled = _frame_source(value, column) if value is not None else ("frame", None)
        if peeled[0] == "frame" and value is not None:
            peeled = _piped_source(value, column, other) or peeled
        if peeled[0] == "given":
            out.append((other, theirs, ("given", i, peeled[1])))
            continue
        inner = _column_origin(peeled[1], column, i, other, theirs) if peeled[0] == "name" else None
        if inner is None:
            return [(facts, records, origin)]  # the frame as a whole, as before
        out.append((other, theirs, inner))
    return out


def _literal_frame_column(value, column: str):
    """The data `pd.DataFrame({"x": [...], "y": [...]})` (a dict display as its first argument, keys
    written as strings) gives `column`; None for any other frame."""
    if not isinstance(value, cst.Call) or _call_name(value) != "DataFrame" or not value.args \
            or value.args[0].keyword is not None or not isinstance(value.args[0].value, cst.Dict):
        return None
    for element in value.args[0].value.elements:
        if not isinstance(element, cst.DictElement) or not isinstance(element.key, cst.SimpleString):
            return None  # `**more`: what the frame holds is not all written here
        if _string_value(element.key) == column:
            return element.value
    return None
