"""The recorded assignments of a file, and the syntax every data-flow question reads them with:
what a name held at its last assignment before a statement (an item of a tuple, a field of a record
or a named tuple included), which names an expression reads, a call's name, a literal number, and
the text key under which two expressions name the same data. The base of the data-flow modules:
it imports none of them."""
from __future__ import annotations

from typing import Iterable, Optional

from regr_lint.lazy import cst

from regr_lint.model.model import KerasFacts
from regr_lint.model.names import dotted_name


# numpy / pandas calls that give back the values they are passed (as another dtype, shape or container):
# what flows through them is what they were given
_PEEL_METHODS = frozenset({"astype", "reshape", "squeeze", "flatten", "ravel", "to_numpy", "copy", "transpose",
                           "toarray", "todense"})  # (the last two: a sparse matrix made dense, values kept)
_PEEL_FUNCS = frozenset({"array", "asarray", "float32", "float64", "squeeze", "expand_dims", "reshape", "DataFrame",
                         "concatenate", "stack", "vstack", "hstack", "column_stack", "atleast_2d",
                         "convert_to_tensor", "constant"})


def names_in(node: cst.CSTNode) -> set[str]:
    out: set[str] = set()
    stack = [node]
    while stack:
        cur = stack.pop()
        if isinstance(cur, cst.Name):
            out.add(cur.value)
        elif isinstance(cur, cst.Attribute):
            stack.append(cur.value)  # `data.values` depends on data, not on `values`
            if isinstance(cur.value, cst.Name) and cur.value.value in ("self", "cls"):
                out.add(f"{cur.value.value}.{cur.attr.value}")  # and on that attribute of the instance
        elif isinstance(cur, cst.Subscript):
            stack.append(cur.value)  # `y[:n_train]` holds values of y, none of n_train's
        elif isinstance(cur, (cst.Lambda, cst.SimpleString, cst.Integer, cst.Float)):
            continue
        else:
            stack.extend(cur.children)
    return out


def _arrays(call: cst.Call) -> list:
    """The arrays train_test_split is given (its positional arguments; the options are keywords)."""
    return [a for a in call.args if a.keyword is None and not a.star]


def _call_name(call: cst.Call) -> Optional[str]:
    func = call.func
    if isinstance(func, cst.Attribute):
        return func.attr.value
    if isinstance(func, cst.Name):
        return func.value
    return None


def _changes_range(node: cst.CSTNode) -> bool:
    """`y = scaled[:, 0] * 100` no longer lives where `scaled` did: arithmetic at the top of a value
    (after peeling calls and subscripts that keep values as they are) cuts the range lineage."""
    for _ in range(6):
        if isinstance(node, cst.BinaryOperation):
            return True
        if isinstance(node, cst.Subscript):
            node = node.value
        elif isinstance(node, cst.Call) and isinstance(node.func, cst.Attribute) \
                and node.func.attr.value in ("astype", "reshape", "squeeze", "flatten", "ravel", "to_numpy", "copy"):
            node = node.func.value
        elif isinstance(node, cst.Call) and _call_name(node) in ("array", "asarray", "float32", "reshape", "squeeze", "expand_dims", "concatenate", "stack", "DataFrame"):
            if not node.args:
                return False
            node = node.args[0].value
        else:
            return False
    return False


def _calls_any(node: cst.CSTNode, names: frozenset) -> bool:
    return any(_call_name(call) in names for call in _calls_in(node))


def _int(node):
    try:
        return node.evaluated_value if isinstance(node, (cst.Integer, cst.Float)) else None
    except Exception:  # noqa: BLE001
        return None


def _dotted_tail(node) -> str:
    parts = []
    while isinstance(node, cst.Attribute):
        parts.append(node.attr.value)
        node = node.value
    if isinstance(node, cst.Name):
        parts.append(node.value)
    return ".".join(reversed(parts))


def expr_key(node: Optional[cst.CSTNode]) -> Optional[str]:
    """A text key naming the same data for Name / Attribute / Subscript chains; None otherwise."""
    if isinstance(node, cst.Name):
        return node.value
    if isinstance(node, cst.Attribute):
        base = expr_key(node.value)
        return f"{base}.{node.attr.value}" if base else None
    if isinstance(node, cst.Subscript):
        base = expr_key(node.value)
        if base is None:
            return None
        code = cst.Module([]).code_for_node
        return f"{base}[{', '.join(code(e.slice).strip() for e in node.slice)}]"
    return None


def _calls_in(node: cst.CSTNode) -> Iterable[cst.Call]:
    """The calls in `node` (itself included), the bodies of lambdas left out."""
    stack = [node]
    while stack:
        cur = stack.pop()
        if isinstance(cur, cst.Call):
            yield cur
        if isinstance(cur, (cst.Lambda, cst.SimpleString, cst.Integer, cst.Float, cst.Name)):
            continue
        stack.extend(cur.children)


def _records(facts: KerasFacts) -> dict:
    cached = facts._cache.get("dataflow_records")
    if cached is not None:
        return cached
    out: dict[str, list] = {}
    for i, (targets, value) in enumerate(facts.assignments):
        if isinstance(value, cst.Call) and len(targets) == 1 and isinstance(value.func, cst.Attribute) \
                and value.func.value is targets[0]:  # `ys.append(v)` recorded against ys
            if isinstance(targets[0], cst.Name):
                out.setdefault(targets[0].value, []).append((i, "append", value))
            continue
        if isinstance(value, cst.AugAssign):
            if isinstance(value.target, cst.Name):
                out.setdefault(value.target.value, []).append((i, "aug", value))
            continue
        value = _computed_default(value)
        for target in targets:
            _record_target(target, value, i, out)
    facts._cache["dataflow_records"] = out
    return out


def _computed_default(value):
    """`y.mean() if mu is None else mu` (also `mu if mu is not None else y.mean()`, `mu or
    y.mean()`): the value computed when the caller gives none — what a caller gives in its place is
    the same kind of thing (a validation split handed the training split's statistics). `value`
    itself otherwise."""
    if isinstance(value, cst.IfExp) and isinstance(value.test, cst.Comparison) and len(value.test.comparisons) == 1:
        test, target = value.test, value.test.comparisons[0]
        if isinstance(test.left, cst.Name) and isinstance(target.comparator, cst.Name) \
                and target.comparator.value == "None":
            given = test.left.value
            if isinstance(target.operator, cst.Is) and isinstance(value.orelse, cst.Name) \
                    and value.orelse.value == given:
                return value.body
            if isinstance(target.operator, cst.IsNot) and isinstance(value.body, cst.Name) \
                    and value.body.value == given:
                return value.orelse
    if isinstance(value, cst.BooleanOperation) and isinstance(value.operator, cst.Or) \
            and isinstance(value.left, cst.Name) and not isinstance(value.right, cst.Name):
        return value.right
    return value


def last_assigned(records: dict, name: str, at: int) -> Optional[tuple[int, "cst.BaseExpression"]]:
    """(index, value) of what `name` was last bound to before assignment `at`, when that was a plain
    assignment of a known value; None when it was last appended to, augmented, unpacked from an
    unknown, or never bound. The records' most asked question: a value followed back one step."""
    last = None
    for r in records.get(name, ()):
        if r[0] < at:
            last = r
    if last is None or last[1] != "assign" or last[2] is None:
        return None
    return last[0], last[2]


def arm_alternatives(facts: KerasFacts, recs: list, at: int) -> list:
    """For a name whose last write before `at` lies in an arm of an `if` / `match` that ended before
    `at`: the records as each other arm of that statement leaves them (its own writes after those
    from before the statement). [] otherwise, and for appends: a list appended to in both arms
    holds what both appended (`_name_labels` reads every append)."""
    last = recs[-1][0]
    out = []
    if recs[-1][1] != "assign":
        return out
    by_stmt = facts._cache.get("arms_by_stmt")
    if by_stmt is None:
        by_stmt = facts._cache["arms_by_stmt"] = {}
        for stmt, arm, first, end in facts.arms:
            by_stmt.setdefault(stmt, []).append((arm, first, end))
    for stmt, arm, first, end in facts.arms:
        if not first <= last < end or end > at:
            continue
        siblings = [(a, f, e) for a, f, e in by_stmt[stmt] if a != arm and e <= at]
        if not siblings:
            continue
        start = min(first, *(f for _, f, _ in siblings))
        for _, f, e in siblings:
            alternative = [r for r in recs if r[0] < start or f <= r[0] < e]
            if alternative and alternative[-1][0] != last and alternative[-1][1] == "assign":
                out.append(alternative)
    return out


def _own_attribute(target) -> Optional[str]:
    """The key the records keep a plain name under, or an attribute of the instance (`self.y`, as
    `names_in` names it); None for anything else."""
    if isinstance(target, cst.Name):
        return target.value
    if isinstance(target, cst.Attribute) and isinstance(target.value, cst.Name) \
            and target.value.value in ("self", "cls"):
        return f"{target.value.value}.{target.attr.value}"
    return None


def _record_target(target, value, i: int, out: dict) -> None:
    if isinstance(target, cst.Name):
        out.setdefault(target.value, []).append((i, "assign", value))
    elif isinstance(target, (cst.Tuple, cst.List)):
        elts = [e.value for e in target.elements]
        if isinstance(value, (cst.Tuple, cst.List)) and len(value.elements) == len(elts) \
                and not any(isinstance(e, cst.StarredElement) for e in target.elements):
            for elt, part in zip(elts, value.elements):
                _record_target(elt, part.value, i, out)
        elif isinstance(value, cst.Call) and _call_name(value) == "train_test_split" \
                and len(_arrays(value)) * 2 == len(elts) and not any(a.star for a in value.args):
            for k, elt in enumerate(elts):
                _record_target(elt, _arrays(value)[k // 2].value, i, out)
        elif (parts := _comprehended(value, len(elts))) is not None:
            # `y_tr, y_va = [(k - mu) / sd for k in [y_tr, y_va]]`: each item, the element made of it
            for elt, part in zip(elts, parts):
                _record_target(elt, part, i, out)
        else:
            starred = any(isinstance(e, cst.StarredElement) for e in target.elements)
            if isinstance(value, cst.Name) and out.get(value.value):
                # `dataset = make_dataset(a, b)`, then `[x, y] = dataset`: the call the name holds
                last = out[value.value][-1]
                value = last[2] if last[1] == "assign" and isinstance(last[2], cst.Call) else value
            stars = [k for k, e in enumerate(target.elements) if isinstance(e, cst.StarredElement)]
            for k, elt in enumerate(elts):
                if not starred and isinstance(value, cst.Call):
                    # `x, y = make_windows(series)`: the k-th item of what the function returns
                    _record_unpack(elt, value, ((k, len(elts)),), i, out)
                elif len(stars) == 1 and k != stars[0] and isinstance(value, cst.Call):
                    # `x, y, *_ = process(path)`: item k of a tuple of at least len - 1 items (a
                    # negative length), counted from the end after the star
                    _record_unpack(elt, value, ((k if k < stars[0] else k - len(elts), 1 - len(elts)),), i, out)
                else:
                    _record_target(elt, None, i, out)  # unpacked from something not followed
    else:
        key = _own_attribute(target)
        if key is not None:
            # `self.mu = y.mean()`: what the instance's attribute holds from here on (read as a name
            # is, `(self.y[s] - self.mu) / self.sd`)
            out.setdefault(key, []).append((i, "assign", value))
        base = target
        while isinstance(base, (cst.Attribute, cst.Subscript, cst.StarredElement)):
            base = base.value
        if isinstance(base, cst.Name):
            out.setdefault(base.value, []).append((i, "assign", None))  # changed in part: unknown


def _comprehended(value, size: int) -> Optional[list]:
    """The items of `[f(k) for k in [a, b]]` (one plain `for` over a literal list of `size` items, no
    `if`): `f(a)`, `f(b)` — the element with the loop name replaced by each item; None otherwise."""
    if not isinstance(value, cst.ListComp) or value.for_in.inner_for_in is not None or value.for_in.ifs \
            or not isinstance(value.for_in.target, cst.Name) \
            or not isinstance(value.for_in.iter, (cst.List, cst.Tuple)):
        return None
    items = value.for_in.iter.elements
    if len(items) != size or any(isinstance(e, cst.StarredElement) for e in items):
        return None
    name = value.for_in.target.value
    return [_substitute(value.elt, name, item.value) for item in items]


def _substitute(node, name: str, item):
    """`node` with the plain name `name` (not an attribute's, nor a keyword's) replaced by `item`."""
    class Substitute(cst.CSTTransformer):
        def leave_Name(self, original, updated):
            return item if original.value == name else updated

        def leave_Attribute(self, original, updated):
            return updated.with_changes(attr=original.attr)

        def leave_Arg(self, original, updated):
            return updated.with_changes(keyword=original.keyword)

    return node.visit(Substitute())


def _record_unpack(target, call: cst.Call, path: tuple, i: int, out: dict) -> None:
    """An "unpack" record (call, k, n, inner): `target` is item k of the n-tuple `call` returns (n < 0:
    of at least -n items, k < 0 counted from the end: `x, *_, y = load()`), and
    `inner` the ((k, n), …) steps further down for a nested target (`(x_tr, y_tr), (x_te, y_te) =
    load()`)."""
    key = _own_attribute(target)
    if key is not None:
        (k, n), inner = path[0], path[1:]
        out.setdefault(key, []).append((i, "unpack", (call, k, n, inner)))
        if not isinstance(target, cst.Name):
            out.setdefault(target.value.value, []).append((i, "assign", None))  # the instance changed in part
    elif isinstance(target, (cst.Tuple, cst.List)) and len(path) < 4 \
            and not any(isinstance(e, cst.StarredElement) for e in target.elements):
        elts = [e.value for e in target.elements]
        for k, elt in enumerate(elts):
            _record_unpack(elt, call, path + ((k, len(elts)),), i, out)
    else:
        _record_target(target, None, i, out)


def _record_fields(call: cst.Call, facts, records: dict) -> Optional[list]:
    """The field names of the record class `call` constructs, when the module defines it as one whose
    fields are its constructor's parameters in order: `Split = namedtuple("Split", ["x", "y"])`,
    `class Split(NamedTuple)` or a `@dataclass` with annotated fields; None otherwise."""
    if not isinstance(call.func, cst.Name):
        return None
    name = call.func.value
    made = last_assigned(records, name, 1 << 30)
    if made is not None and isinstance(made[1], cst.Call) and _call_name(made[1]) == "namedtuple":
        spec = made[1].args[1].value if len(made[1].args) >= 2 and made[1].args[1].keyword is None else None
        if isinstance(spec, cst.SimpleString):
            text = _string_value(spec)
            return text.replace(",", " ").split() if text is not None else None
        if isinstance(spec, (cst.List, cst.Tuple)) and all(isinstance(e.value, cst.SimpleString) for e in spec.elements):
            fields = [_string_value(e.value) for e in spec.elements]
            return None if None in fields else fields
        return None
    if name in records:
        return None  # bound by an assignment of this module: no class statement
    cdefs = [s for s in facts.module.body if isinstance(s, cst.ClassDef) and s.name.value == name]
    if len(cdefs) != 1:
        return None
    cdef = cdefs[0]
    # a dataclass with base classes has their fields first: its own body does not give the order
    record = any((dotted_name(b.value) or "").rsplit(".", 1)[-1] == "NamedTuple" for b in cdef.bases) or not cdef.bases \
        and any((dotted_name(d.decorator.func if isinstance(d.decorator, cst.Call) else d.decorator) or "")
                .rsplit(".", 1)[-1] == "dataclass" for d in cdef.decorators)
    if not record or any(isinstance(s, cst.FunctionDef) and s.name.value == "__init__" for s in cdef.body.body):
        return None
    return [line.body[0].target.value for line in cdef.body.body
            if isinstance(line, cst.SimpleStatementLine) and isinstance(line.body[0], cst.AnnAssign)
            and isinstance(line.body[0].target, cst.Name)]


def _record_argument(call: cst.Call, fields: list, field: object):
    """The argument of record construction `call` (fields `fields`) that fills `field` (a name, or a
    position); None when unsure (starred arguments, a field left to its default)."""
    if any(a.star for a in call.args):
        return None
    position = field if isinstance(field, int) else fields.index(field) if field in fields else None
    if position is None:
        return None
    for i, arg in enumerate(call.args):
        if arg.keyword is None and i == position or arg.keyword is not None and arg.keyword.value == fields[position]:
            return arg.value
    return None


def _item(returned, path: tuple, facts=None, records: Optional[dict] = None):
    """The item at `path` ((position, length), …; ("key", k) of a dict literal, ("field", f) of a
    record class) of a returned tuple (or list); None when the return is not one of that shape. A record
    (`return Split(x, y)`, a namedtuple) is unpacked like the tuple of its fields."""
    for k, n in path:
        fields = _record_fields(returned, facts, records) if isinstance(returned, cst.Call) and records is not None else None
        if k == "field" or fields is not None and isinstance(k, int):
            if fields is None or isinstance(k, int) and len(fields) != n:
                return None
            returned = _record_argument(returned, fields, n if k == "field" else k)
            if returned is None:
                return None
            continue
        if k == "key":
            # `return {"x": feats, "y": scaled}` read as `d["y"]`: the value under that literal key
            if not isinstance(returned, cst.Dict):
                return None
            found = [e.value for e in returned.elements if isinstance(e, cst.DictElement)
                     and isinstance(e.key, cst.SimpleString) and _string_value(e.key) == n]
            if len(found) != 1 or any(not isinstance(e, cst.DictElement) for e in returned.elements):
                return None
            returned = found[0]
            continue
        if isinstance(returned, cst.Call) and _call_name(returned) == "train_test_split" \
                and len(_arrays(returned)) * 2 == n and not any(a.star for a in returned.args):
            # `return train_test_split(x, y, test_size=0.2)`: items 2i and 2i + 1 are splits of array i
            returned = _arrays(returned)[k // 2].value
            continue
        if not isinstance(returned, (cst.Tuple, cst.List)) or (len(returned.elements) != n if n >= 0 else
                                                                len(returned.elements) < -n) \
                or any(isinstance(e, cst.StarredElement) for e in returned.elements):
            return None  # (`return [x, y]` unpacks as the tuple would; n < 0: at least -n items)
        returned = returned.elements[k].value
    return returned


def _string_value(node: cst.SimpleString) -> Optional[str]:
    try:
        value = node.evaluated_value
    except Exception:  # noqa: BLE001 - odd escapes
        return None
    return value if isinstance(value, str) else None


def _unzipped(call: cst.Call, k: int, n: int, inner: tuple, at: int, records: dict):
    """`xs, ys = zip(*pairs)` where `pairs = list(zip(feats, labels))` (shuffled in place or not):
    (the record index, the k-th array zipped) — `labels` for k = 1; None otherwise."""
    if inner or not isinstance(call.func, cst.Name) or call.func.value != "zip" or len(call.args) != 1 \
            or call.args[0].star != "*" or not isinstance(call.args[0].value, cst.Name):
        return None
    found = last_assigned(records, call.args[0].value.value, at)
    if not found or not isinstance(found[1], cst.Call):
        return None
    i, made = found
    if isinstance(made.func, cst.Name) and made.func.value == "list" and len(made.args) == 1 \
            and isinstance(made.args[0].value, cst.Call):
        made = made.args[0].value
    if not isinstance(made.func, cst.Name) or made.func.value != "zip" or len(made.args) != n \
            or any(a.star or a.keyword is not None for a in made.args):
        return None
    return i, made.args[k].value


def _const(node):
    if isinstance(node, (cst.Integer, cst.Float)):
        return _int(node)
    if isinstance(node, cst.UnaryOperation) and isinstance(node.operator, cst.Minus):
        value = _const(node.expression)
        return None if value is None else -value
    return None
