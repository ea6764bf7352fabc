"""Whether the targets a model is trained on take both signs (RL106's evidence, and RL102's that
targets leave [-1, 1] for a tanh head): standardised or centred values, returns and differences, sin
/ cos, zero-mean noise, literal data and draws below 0, affine arithmetic that keeps both signs — on
the targets, the names they are cut from, the columns of a frame, or in the project module that makes
them. Built on the recorded assignments and spans of `records` and `spans` (which never import this module)."""
from __future__ import annotations

import math
import re
from typing import Optional

from regr_lint.lazy import cst

from regr_lint.model.columns import (_SIGN_PEEL_METHODS, _column_key, _column_list, _kept_frame, _keyed_return,
                                     _literal_frame_column, _output_targets, _popped_column, column_origins,
                                     read_column)
from regr_lint.model.dataflow import _elsewhere_shows, _mapping_module
from regr_lint.model.draws import (_INF, _NORMAL_DRAWS, _RANDOM_MODULES, _draw_span, _literal_numbers, _zero_mean_draw,
                                   _zero_noise, noise_scale)
from regr_lint.model.generators import _generator_call, _generator_targets, cut_targets, passed_targets
from regr_lint.model.importers import (_imported_function, _instance_attribute, _returned_items, _returns,
                                       _top_function, _top_function_in, attribute_parts, fitted_by_importers,
                                       imported_binding, parameter_sources, wrapper_targets)
from regr_lint.model.model import KerasFacts
from regr_lint.model.records import (_PEEL_FUNCS, _PEEL_METHODS, _call_name, _const, _dotted_tail, _own_attribute,
                                     _records, _string_value, last_assigned)
from regr_lint.model.scaling import (_MAXISH, _MEAN_WORDS, _STD_WORDS, clip_bounds, imported_scaler_range,
                                     named_statistic)
from regr_lint.model.spans import (_STD, _independent, _own_attribute_value, _scalar_of, _span, _stdish, _written_whole,
                                   instance_attribute_unpacked)


def _returns_of(fdef: cst.FunctionDef) -> list:
    """The `return` statements of `fdef`'s own body (not of functions or classes defined in it)."""
    out, stack = [], [fdef.body]
    while stack:
        node = stack.pop()
        if isinstance(node, cst.Return):
            out.append(node)
        elif not isinstance(node, (cst.FunctionDef, cst.ClassDef, cst.Lambda)) and not isinstance(node, cst.BaseExpression):
            stack.extend(node.children)
    return out


_MEANISH = frozenset({"mean", "nanmean", "reduce_mean", "average", "median", "nanmedian"})


_MINISH = frozenset({"min", "amin", "nanmin", "reduce_min"})


_RETURNS = frozenset({"pct_change", "diff", "ediff1d"})


_LOGS = frozenset({"log", "log10", "log2"})


def targets_can_be_negative(facts: KerasFacts, model, output: Optional[tuple] = None) -> bool:
    """True when the file shows that the targets `model` is trained on take negative values:
    standardised (StandardScaler, `(y - y.mean()) / y.std()`), min-max scaled to a range below 0,
    returns (`pct_change()`, `diff()`, log of a ratio), sin / cos, zero-mean noise, make_regression
    targets, literal data or draws below 0 — directly or through the series they are cut from.
    `output` = (index, name, count) of one output of a multi-output model: only its own targets (the
    item of a `[y1, y2]` list, the `name` key of a dict) count; targets that cannot be told apart
    give no answer. A model compiled here and trained nowhere in the file: as a script beside it that
    fits it shows."""
    from regr_lint.knowledge.tables import TRAIN_METHODS

    if not any(t.method in TRAIN_METHODS for t in model.trainings):
        if output is None and any(standardised or _signed(y, at, other, _records(other), 0)
                                  for other, y, at, standardised in wrapper_targets(facts, model)):
            return True  # fitted through a scikit-learn wrapper (`KerasRegressor(model=build).fit(X, y)`)
        return any(targets_can_be_negative(other, theirs, output)
                   for other, theirs in fitted_by_importers(facts, model))
    if _elsewhere_shows(facts, model, lambda other, part: targets_can_be_negative(other, part, output)):
        return True
    records = _records(facts)
    for t in model.trainings:
        passed = passed_targets(facts, t) if output is None or output[2] == 1 else set()
        if passed:
            # another module's function cut them from what this file passes it (a standardised series)
            at = t.at if t.at >= 0 else len(facts.assignments)
            if all(_signed(cst.Name(name), at, facts, records, 0) for name in passed):
                return True
        mapped = cut_targets(t.mapped, output) if t.method in TRAIN_METHODS and t.mapped else None
        if mapped:
            # a tf.data pipeline's `.map()` standardising them (`lambda x, y: (x, (y - mu) / sd)`, also
            # under the output's name, `(x, {"delay": (y["delay"] - mu) / sd})`), read where the
            # pipeline is made
            home = _mapping_module(facts, t)
            if home is not None:
                theirs, at = _records(home), t.at if home is facts and t.at >= 0 else len(home.assignments)
                if all(_signed(y, at, home, theirs, 0) for y in mapped):
                    return True
        if t.method in TRAIN_METHODS and t.y_node is None and not t.mapped:
            # a generator's every `yield x, np.sin(t)`, a `Sequence`'s `__getitem__` returns (one
            # output's item of them, `yield x, {"late": a, "delay": z}`)
            found = _generator_targets(facts, t, classes=True)
            if found is not None and output is not None and output[2] > 1:
                found = (found[0], cut_targets(found[1], output))  # [] when they cannot be told apart
            if found is not None and found[1]:
                other, targets = found
                theirs = _records(other)
                if all(_signed(y, len(other.assignments), other, theirs, 0) for y in targets):
                    return True
                call = _generator_call(facts, t) if other is not facts else None
                if call is not None:
                    # another module's generator yielding targets cut from what this file passes it
                    # (`yield xs, np.array([series[i + T] for i in idx])` of `gen(load_z, 48)`)
                    at = t.at if t.at >= 0 else len(facts.assignments)
                    sources = [parameter_sources(call, y, facts, records) for y in targets]
                    if all(sources) and all(_signed(a, at, facts, records, 0) for args in sources for a in args):
                        return True
        if t.method in TRAIN_METHODS and t.origin is not None and t.made_by is not None and t.y_node is not None \
                and (output is None or output[2] == 1):
            # a dataset another module's function makes of what this file passes it (`make_ds(data)`
            # cutting `targets=data[T:, 0]`): read from the argument, here
            at = t.at if t.at >= 0 else len(facts.assignments)
            args = parameter_sources(t.made_by, t.y_node, facts, records)
            if args and all(_signed(a, at, facts, records, 0) for a in args):
                return True
        if t.method not in TRAIN_METHODS or t.y_node is None or t.origin is not None:
            continue
        y = t.y_node if output is None or output[2] == 1 else _output_targets(t.y_node, *output)
        if y is None:
            continue
        at = t.at if t.at >= 0 else len(facts.assignments)
        if _signed(y, at, facts, records, 0):
            return True
        span = _safe_span(y, at, facts, records)
        if span is not None and span.exact and -_INF < span.lo < 0:
            return True
        ends = _affine_exact(y, at, records, 0)
        if ends is not None and ends[0] < 0:
            return True
        held = _instance_attribute(y, at, facts, records)  # `ds.y` set by a data class's methods
        if held is not None:
            other = held[0]
            theirs = _records(other)
            if all(_signed(value, len(other.assignments), other, theirs, 1) for value in held[1]):
                return True
        unpacked = instance_attribute_unpacked(y, at, facts, records)  # `self.y, self.stats = norm(...)`
        if unpacked is not None:
            other, (i, _, value) = unpacked
            if _sign_unpack(*value, i, other, _records(other), 1):
                return True
    return False


def _safe_span(node, at, facts, records):
    try:
        return _span(node, at, facts, records, 0)
    except (ArithmeticError, ValueError):  # literals too large for a float: no answer
        return None


def _signed(node, at: int, facts, records: dict, depth: int) -> bool:
    """The values certainly take both signs: the structure says so, or their span does."""
    if _sign_struct(node, at, facts, records, depth):
        return True
    span = _safe_span(node, at, facts, records)
    if span is not None and span.exact and -_INF < span.lo < 0 < span.hi < _INF:
        return True
    ends = _affine_exact(node, at, records, 0)
    return ends is not None and ends[0] < 0 < ends[1]


def _affine_exact(node, at: int, records: dict, depth: int):
    """(lo, hi) that the values reach, for an affine map of a draw / range with literal bounds
    (`x = np.linspace(-5, 5, 100)`, `y = 3 * x + 2`) read through names; None otherwise."""
    if depth > 16:
        return None
    if isinstance(node, cst.Name):
        found = last_assigned(records, node.value, at)
        return _affine_exact(found[1], found[0], records, depth + 1) if found else None
    if isinstance(node, cst.Subscript):
        return _affine_exact(node.value, at, records, depth + 1)
    if isinstance(node, cst.UnaryOperation) and isinstance(node.operator, cst.Minus):
        inner = _affine_exact(node.expression, at, records, depth + 1)
        return None if inner is None else (-inner[1], -inner[0])
    if isinstance(node, cst.BinaryOperation):
        op = node.operator
        lconst, rconst = _const(node.left), _const(node.right)
        if rconst is not None:
            inner, c, const_left = _affine_exact(node.left, at, records, depth + 1), rconst, False
        elif lconst is not None and not isinstance(op, cst.Divide):
            inner, c, const_left = _affine_exact(node.right, at, records, depth + 1), lconst, True
        else:
            return None
        if inner is None:
            return None
        lo, hi = inner
        if isinstance(op, cst.Add):
            return (lo + c, hi + c)
        if isinstance(op, cst.Subtract):
            return (c - hi, c - lo) if const_left else (lo - c, hi - c)
        if isinstance(op, cst.Multiply) and c != 0:
            return (min(lo * c, hi * c), max(lo * c, hi * c))
        if isinstance(op, cst.Divide) and c != 0:
            return (min(lo / c, hi / c), max(lo / c, hi / c))
        return None
    if isinstance(node, cst.Call):
        name = _call_name(node)
        if isinstance(node.func, cst.Attribute) and name in _PEEL_METHODS:
            return _affine_exact(node.func.value, at, records, depth + 1)
        args = [a for a in node.args if a.keyword is None and not a.star]
        if name in ("array", "asarray", "float32", "float64", "reshape", "squeeze", "expand_dims",
                    "convert_to_tensor", "constant") and args:
            return _affine_exact(args[0].value, at, records, depth + 1)
        if isinstance(node.func, cst.Attribute) and name in ("uniform", "randint", "integers", "linspace", "arange") \
                and (name in ("linspace", "arange") or _dotted_tail(node.func.value) in _RANDOM_MODULES):
            try:
                span = _draw_span(name, node)
            except (ArithmeticError, ValueError, TypeError):
                return None
            if span is not None and span.exact and -_INF < span.lo <= span.hi < _INF:
                return (span.lo, span.hi)
    return None


def _sign_struct(node, at: int, facts, records: dict, depth: int) -> bool:
    if node is None or depth > 24:
        return False
    memo = facts._cache.setdefault("dataflow_signs", {})
    key = (id(node), at)
    if key not in memo:
        memo[key] = False  # a name read back through itself gives no evidence
        memo[key] = _sign_of(node, at, facts, records, depth)
    return memo[key]


def _sign_of(node, at: int, facts, records: dict, depth: int) -> bool:
    if isinstance(node, cst.Name):
        return _sign_lookup(node.value, at, facts, records, depth + 1)
    if isinstance(node, cst.Subscript):
        keyed = _keyed_return(node, at, facts, records)
        if keyed is not None:
            other, theirs, items = keyed
            return all(_signed(item, i, other, theirs, depth + 1) for i, item in items)
        read = read_column(node)  # `df["ret"]`, `D.FRAME["ret"]` of `import data as D`
        if read is not None:
            return _sign_column(*read, at, facts, records, depth + 1)
        listed = _columns_listed(node, at, records)
        if listed is not None:
            # `df[["dx", "dy"]]`: targets of several columns, negative when one of them can be
            return any(_sign_column(listed[0], column, at, facts, records, depth + 1) for column in listed[1])
        grouped = _grouped_column(node)
        if grouped is not None:
            # `prices.groupby("ticker")["ret"]`: that column's values, group by group
            return _sign_column(*grouped, at, facts, records, depth + 1)
        if isinstance(node.value, cst.Call) and _call_name(node.value) == "make_regression" \
                and len(node.slice) == 1 and isinstance(node.slice[0].slice, cst.Index) \
                and _const(node.slice[0].slice.value) == 1:
            return _make_regression_signed(node.value)
        return _sign_struct(node.value, at, facts, records, depth + 1)  # a slice or a window keeps both signs
    if isinstance(node, cst.Attribute):
        if node.attr.value in ("values", "T", "iloc", "loc", "array"):
            return _sign_struct(node.value, at, facts, records, depth + 1)
        held = _own_attribute_value(node, facts, records)
        if held is None:
            parts = attribute_parts(node, at, facts, records)  # `data.Y_TRAIN`, `split.y`
            return parts is not None and all(_signed(item, i, parts[0], parts[1], depth + 1) for i, item in parts[2])
        i, kind, value = held
        return _sign_unpack(*value, i, facts, records, depth) if kind == "unpack" \
            else _signed(value, i, facts, records, depth + 1)
    if isinstance(node, (cst.List, cst.Tuple)):
        if _literal_numbers(node, []) is not None:
            return False  # literal data: its span answers
        return any(_signed(e.value, at, facts, records, depth + 1) for e in node.elements
                   if not isinstance(e, cst.StarredElement))
    if isinstance(node, cst.UnaryOperation) and isinstance(node.operator, cst.Minus):
        return _signed(node.expression, at, facts, records, depth + 1)
    if isinstance(node, (cst.ListComp, cst.GeneratorExp)):
        # windows cut in a comprehension: `[series[i + n] for i in range(...)]` is cut from `series`;
        # `[v for v in series]` is `series`'s values
        loop = node.for_in
        if isinstance(node.elt, cst.Name) and isinstance(loop.target, cst.Name) \
                and node.elt.value == loop.target.value and loop.inner_for_in is None:
            return _sign_struct(loop.iter, at, facts, records, depth + 1)
        return _sign_struct(node.elt, at, facts, records, depth + 1)
    if isinstance(node, cst.BinaryOperation):
        return _sign_binop(node, at, facts, records, depth)
    if isinstance(node, cst.Call):
        return _sign_call(node, at, facts, records, depth)
    return False


def _columns_listed(node: cst.Subscript, at: int, records: dict) -> Optional[tuple[str, list]]:
    """("df", ["dx", "dy"]) for `df[["dx", "dy"]]` (or a name last bound to such a list) on a plain
    name; None otherwise."""
    if not isinstance(node.value, cst.Name) or len(node.slice) != 1 or not isinstance(node.slice[0].slice, cst.Index):
        return None
    columns = _column_list(node.slice[0].slice.value, at, records)
    return (node.value.value, sorted(columns)) if columns else None


def _grouped_column(node: cst.Subscript) -> Optional[tuple[str, str]]:
    """("prices", "ret") for `prices.groupby(...)["ret"]` on a plain name; None otherwise."""
    call = node.value
    if not isinstance(call, cst.Call) or not isinstance(call.func, cst.Attribute) \
            or call.func.attr.value != "groupby" or not isinstance(call.func.value, cst.Name):
        return None
    column = _column_key(node.with_changes(value=call.func.value))
    return None if column is None else (call.func.value.value, column)


def _sign_column(frame: str, column: str, at: int, facts, records: dict, depth: int) -> bool:
    """`df["ret"]` as it was at `at` (see columns' `_column_origin`): the last write to that
    column, a `df.assign(ret=…)`, or the whole frame's value (a standardised frame: every column)."""
    origins = column_origins(frame, column, at, facts, records) if depth <= 24 else None
    return bool(origins) and all(_sign_origin(other, theirs, origin, column, depth) for other, theirs, origin in origins)


def _sign_origin(facts, records: dict, origin: tuple, column: str, depth: int) -> bool:
    if origin[0] == "frame":
        written = _literal_frame_column(_kept_frame(origin[2]), column)
        if written is not None:  # `pd.DataFrame({"lag": r.shift(1), "y": r}).dropna()`: that column's data
            return _signed(written, origin[1], facts, records, depth + 1)
        return _sign_struct(origin[2], origin[1], facts, records, depth + 1)
    return _signed(origin[2], origin[1], facts, records, depth + 1)


def _sign_lookup(name: str, before: int, facts, records: dict, depth: int) -> bool:
    if name not in records and depth < 8:
        # `from data import Y`: what data.py's top level binds it to, read there
        found = imported_binding(facts, name)
        if found is not None:
            other, value = found
            return _signed(value, len(other.assignments), other, _records(other), depth + 1)
    recs = [r for r in records.get(name, ()) if r[0] < before]
    while recs and recs[-1][1] == "append":  # values appended since the last assignment
        i, _, call = recs.pop()
        if call.args and _signed(call.args[-1].value, i, facts, records, depth + 1):
            return True
    if not recs:
        return False
    i, kind, value = recs[-1]
    if kind == "assign" and value is None:
        # `df[df.columns] = StandardScaler().fit_transform(df)`: every column written, the frame is
        # that value (a write of some columns leaves the frame's other values unknown)
        value = _written_whole(facts, i, name)
    if kind == "aug":
        return _sign_aug(name, value, i, facts, records, depth)
    if kind == "unpack":
        return _sign_unpack(*value, i, facts, records, depth)
    return value is not None and _signed(value, i, facts, records, depth + 1)


def _sign_aug(name: str, node: cst.AugAssign, at: int, facts, records, depth) -> bool:
    op = node.operator
    if isinstance(op, cst.SubtractAssign) and _meanish(node.value, at, records, 0):
        return True  # y -= y.mean()
    if isinstance(op, (cst.DivideAssign, cst.MultiplyAssign)) and _positive_scale(node.value, at, records):
        return _sign_lookup(name, at, facts, records, depth + 1)  # y /= y.std() keeps the signs
    return False


def _sign_unpack(call: cst.Call, k: int, n: int, inner: tuple, at: int, facts, records, depth) -> bool:
    if inner and _call_name(call) in ("make_regression", "train_test_split"):
        return False
    if _call_name(call) == "make_regression":
        return k == 1 and _make_regression_signed(call)
    if _call_name(call) == "train_test_split":
        # `x_tr, x_te, y_tr, y_te = train_test_split(x, y, test_size=0.2)`: item k comes from array k // 2
        arrays = [a for a in call.args if a.keyword is None]
        if any(a.star for a in arrays) or len(arrays) * 2 != n:
            return False
        return _signed(arrays[k // 2].value, at, facts, records, depth + 1)
    returned = _returns(call, at, facts, records) if not inner and n == 2 else None
    if returned is not None and returned[2] and all(
            isinstance(v, cst.Call) and _call_name(v) == "make_regression" for _, v in returned[2]):
        # `def synthetic(): return make_regression(...)`, then `x, y = synthetic()`
        return k == 1 and all(_make_regression_signed(v) for _, v in returned[2])
    found = _returned_items(call, ((k, n),) + inner, at, facts, records)
    if found is None:
        return False
    other, theirs, items = found
    if all(_signed(item, i, other, theirs, depth + 1) for i, item in items):
        return True
    if other is facts or len(items) != 1:
        return False
    # `x, y = make_windows(standardised, 48)` of windowing.py: the targets are cut from the series
    # the call passes, read here
    return any(_signed(arg, at, facts, records, depth + 1)
               for arg in parameter_sources(call, items[0][1], facts, records))


def _make_regression_signed(call: cst.Call) -> bool:
    """make_regression's targets are a linear map of standard-normal features: both signs, unless a
    large (or unknown) `bias=` shifts them."""
    for arg in call.args:
        if arg.star:
            return False
        if arg.keyword is not None and arg.keyword.value == "bias":
            bias = _const(arg.value)
            return bias is not None and abs(bias) <= 100
    return len([a for a in call.args if a.keyword is None]) < 7  # bias is the 7th positional


def _same_code(a, b) -> bool:
    empty = cst.Module([])
    return empty.code_for_node(a) == empty.code_for_node(b)


def _lagged_slices(left, right) -> bool:
    """`a[1:] - a[:-1]`, `a[k:] - a[:-k]`: one series against itself a few steps before."""
    if not (isinstance(left, cst.Subscript) and isinstance(right, cst.Subscript)
            and len(left.slice) == 1 and len(right.slice) == 1):
        return False
    ls, rs = left.slice[0].slice, right.slice[0].slice
    if not (isinstance(ls, cst.Slice) and isinstance(rs, cst.Slice) and ls.step is None and rs.step is None):
        return False
    return ls.lower is not None and ls.upper is None and rs.lower is None and rs.upper is not None \
        and _same_code(left.value, right.value)


def _sign_binop(node: cst.BinaryOperation, at, facts, records, depth) -> bool:
    op, left, right = node.operator, node.left, node.right
    if isinstance(op, cst.Subtract) and _const(right) is not None and 0 < _const(right):
        factor = _unit_factor(left, at, facts, records)
        if factor is not None and _const(right) < factor:
            return True  # min-max scaled to [0, k], then shifted down: `scaled * 2 - 1`, `scaled - 0.5`
    if isinstance(op, cst.Subtract):
        if _meanish(right, at, records, 0):
            return True  # centred: y - y.mean()
        if isinstance(right, cst.Call) and _call_name(right) == "shift":
            return True  # a difference: close - close.shift(1)
        if isinstance(left, cst.Call) and _call_name(left) == "shift" and isinstance(left.func, cst.Attribute) \
                and _same_code(left.func.value, right):
            return True  # the next step's change: close.shift(-1) - close
        if _lagged_slices(left, right):
            return True  # a difference: prices[1:] - prices[:-1]
        if _is_log(left) and _is_log(right):
            return True  # log(a) - log(b): a log return
    if isinstance(op, (cst.Add, cst.Subtract)):
        if _const(right) is not None or _const(left) is not None:
            # a constant shift keeps values unbounded below negative (`ys + 0.5`, ys standardised);
            # bounded ones are judged by their span (`np.sin(t) + 0.2`)
            varying = left if _const(right) is not None else right
            shift = _const(right) if _const(right) is not None else _const(left)
            if varying is left and (shift > 0) == isinstance(op, cst.Subtract) and shift != 0 \
                    and _signed(left, at, facts, records, depth + 1):
                return True  # moved down (`np.diff(prices) - cost`): values below 0 stay below 0
            scale = noise_scale(varying, at, records)
            if scale is not None and abs(shift) < 2 * scale:
                return True  # a zero-mean draw shifted by less than two of its deviations: `randn(n) + 0.5`
            span = _safe_span(varying, at, facts, records)
            return span is not None and span.lo == -_INF and _signed(varying, at, facts, records, depth + 1)
        if _independent(left, right):
            # zero-centred normal noise on values that reach 0 (`10 * X[:, 0] + np.random.normal(0, 1, n)`,
            # X uniform in [0, 1)): the values near 0 take negative ones
            for signal, noise in ((left, right), (right, left)):
                if _zero_noise(noise, at, records, 0):
                    span = _safe_span(signal, at, facts, records)
                    if span is not None and span.exact and span.lo <= 0 < span.hi:
                        return True
                elif _zero_noise(noise, at, records, 0, any_scale=True) \
                        and _signed(signal, at, facts, records, depth + 1):
                    # noise of a scale not known (`np.sin(t) + noise * rng.standard_normal(n)`, `noise`
                    # a parameter), symmetric about 0, on values that take both signs themselves:
                    # where they are negative, the sum is as often as not
                    return True
        return _signed(left, at, facts, records, depth + 1) and _signed(right, at, facts, records, depth + 1)
    if isinstance(op, cst.Multiply):
        if _nonzero_const(right):
            return _signed(left, at, facts, records, depth + 1)
        if _nonzero_const(left):
            return _signed(right, at, facts, records, depth + 1)
        return False
    if isinstance(op, cst.MatrixMultiply):
        return _signed_product(left, right, at, facts, records, depth)
    if isinstance(op, cst.Divide) and (_nonzero_const(right) or _positive_scale(right, at, records)
                                       or _reduction(right, at, records, _MAXISH, 0)):
        # values of both signs divided by one number keep both signs, whatever its own sign
        # (`(y - y.mean()) / y.max()`)
        return _signed(left, at, facts, records, depth + 1)
    return False


def _signed_product(data, weights, at: int, facts, records: dict, depth: int) -> bool:
    """`X @ w`: features taking both signs symmetrically (uniform draws over [-a, a],
    standard-normal ones) times literal weights not all zero take both signs (also weights held in
    a name bound once to them, `w = np.array([1.0, -1.0])`)."""
    if isinstance(weights, cst.Name):
        found = last_assigned(records, weights.value, at)
        weights = found[1] if found else None
    values = _literal_numbers(weights, []) if isinstance(weights, (cst.List, cst.Tuple)) else None
    if values is None and isinstance(weights, cst.Call) and _call_name(weights) in ("array", "asarray") \
            and weights.args and isinstance(weights.args[0].value, (cst.List, cst.Tuple)):
        values = _literal_numbers(weights.args[0].value, [])
    if not values or not any(values):
        return False
    span = _safe_span(data, at, facts, records)
    return span is not None and span.exact and -_INF < span.lo < 0 < span.hi < _INF and span.lo == -span.hi \
        or _zero_noise(data, at, records, 0)


def _unit_factor(node, at: int, facts, records: dict):
    """k when `node` is min-max scaled data times k (exactly reaching 0 and k); None otherwise."""
    k = 1.0
    if isinstance(node, cst.BinaryOperation) and isinstance(node.operator, cst.Multiply):
        if _const(node.right) is not None:
            k, node = _const(node.right), node.left
        elif _const(node.left) is not None:
            k, node = _const(node.left), node.right
        else:
            return None
    elif isinstance(node, cst.BinaryOperation) and isinstance(node.operator, cst.Divide) \
            and _const(node.right) is not None:
        d = _const(node.right)
        if d == 0:
            return None
        k, node = 1.0 / d, node.left
    if k <= 0:
        return None
    return float(k) if _exact_unit(node, at, facts, records, 0) else None


def _exact_unit(node, at: int, facts, records: dict, depth: int) -> bool:
    """Min-max scaled into [0, 1]: a default MinMaxScaler, or `(y - y.min()) / (y.max() - y.min())`."""
    if depth > 8:
        return False
    if isinstance(node, cst.Call):
        if id(node) in facts.scaling_calls or facts.range_calls.get(id(node)) == (0, 1):
            return True
        if isinstance(node.func, cst.Attribute) and _call_name(node) in _PEEL_METHODS:
            return _exact_unit(node.func.value, at, facts, records, depth + 1)
        return False
    if isinstance(node, cst.BinaryOperation) and isinstance(node.operator, cst.Divide):
        return isinstance(node.left, cst.BinaryOperation) and isinstance(node.left.operator, cst.Subtract) \
            and _reduction(node.left.right, at, records, _MINISH, 0) \
            and _reduction(node.right, at, records, frozenset(), 0, spread=True)
    if isinstance(node, cst.Name):
        found = last_assigned(records, node.value, at)
        return bool(found) and _exact_unit(found[1], found[0], facts, records, depth + 1)
    return False


def _nonzero_const(node) -> bool:
    value = _const(node)
    return value is not None and value != 0


# methods that change an array's shape or type, not its values
_SHAPE_ONLY = frozenset({"reshape", "astype", "squeeze", "flatten", "ravel"})


def _positive_scale(node, at: int, records: dict, depth: int = 0) -> bool:
    """A spread to divide by: a non-zero constant, a std, a max - min (also `std + eps`, and a name
    bound to one of them)."""
    if _nonzero_const(node) or _stdish(node, at, records, 0) or _reduction(node, at, records, _STD, 0):
        return True
    if isinstance(node, cst.Name) and depth < 3:
        found = last_assigned(records, node.value, at)
        if found is not None and _positive_scale(found[1], found[0], records, depth + 1):
            return True  # `sd = y.std(0).reshape(1, -1) + 1e-9`, then `/ sd`
    if isinstance(node, cst.BinaryOperation) and isinstance(node.operator, cst.Add):
        for a, b in ((node.left, node.right), (node.right, node.left)):
            if _const(b) is not None and _const(b) > 0 and _positive_scale(a, at, records, depth + 1):
                return True  # std + eps
    if isinstance(node, cst.BinaryOperation) and isinstance(node.operator, cst.Subtract):
        return _reduction(node.left, at, records, _MAXISH, 0) and _reduction(node.right, at, records, _MINISH, 0)
    if isinstance(node, cst.Name):
        return _reduction(node, at, records, frozenset(), 0, spread=True)
    return False


def _meanish(node, at: int, records: dict, depth: int) -> bool:
    return _reduction(node, at, records, _MEANISH, depth)


def _reduction(node, at: int, records: dict, names: frozenset, depth: int, spread: bool = False) -> bool:
    """`y.mean()`, `np.mean(y, axis=0)`, or a name last bound to one (`spread`: a max - min)."""
    if depth > 4:
        return False
    if isinstance(node, cst.Call):
        inner = _scalar_of(node)
        if inner is None and isinstance(node.func, cst.Attribute) and node.func.attr.value in _SHAPE_ONLY:
            inner = node.func.value  # `y.mean(0).reshape(1, -1)`: the same statistic, reshaped
        if inner is not None:
            return _reduction(inner, at, records, names, depth + 1, spread)
        if _call_name(node) == "transform" and isinstance(node.func, cst.Attribute) and len(node.args) == 1:
            # `df.groupby("shop")["sales"].transform("mean")`: each row's group statistic
            how = node.args[0].value
            word = _string_value(how) if isinstance(how, cst.SimpleString) else \
                how.attr.value if isinstance(how, cst.Attribute) else how.value if isinstance(how, cst.Name) else None
            return word in names
        return _call_name(node) in names
    if isinstance(node, cst.Subscript) and len(node.slice) == 1 and isinstance(node.slice[0].slice, cst.Index) \
            and isinstance(node.slice[0].slice.value, cst.SimpleString):
        return node.slice[0].slice.value.raw_value in names  # train_stats["mean"], stats["std"]
    if spread and isinstance(node, cst.BinaryOperation) and isinstance(node.operator, cst.Subtract):
        return _reduction(node.left, at, records, _MAXISH, depth + 1) \
            and _reduction(node.right, at, records, _MINISH, depth + 1)
    if isinstance(node, (cst.Name, cst.Attribute)):
        key = _own_attribute(node)  # a name, or an attribute of the instance (`self.mu = y.mean()`)
        found = last_assigned(records, key, at) if key is not None else None
        if found and _reduction(found[1], found[0], records, names, depth + 1, spread):
            return True
        # a statistic written down as a named constant (`(y - Y_MEAN) / Y_STD`, from a config module)
        words = _MEAN_WORDS if names is _MEANISH else _STD_WORDS if names is _STD else None
        return words is not None and named_statistic(node, words, found)
    return False


def _bounds(node, at: int, records: dict, depth: int):
    """(lo, hi) bounding the values of a sin / cos argument, when literals, pi and linspace / arange /
    uniform / rand with literal bounds tell it through + - * /; None when unknown."""
    if depth > 12:
        return None
    if isinstance(node, (cst.Integer, cst.Float)) or isinstance(node, cst.UnaryOperation) \
            and isinstance(node.operator, cst.Minus) and isinstance(node.expression, (cst.Integer, cst.Float)):
        value = _const(node)
        return None if value is None else (value, value)
    if isinstance(node, cst.Attribute) and node.attr.value == "pi" and _dotted_tail(node.value) in ("np", "numpy", "math", "tf", "torch"):
        return (math.pi, math.pi)
    if isinstance(node, cst.UnaryOperation) and isinstance(node.operator, cst.Minus):
        inner = _bounds(node.expression, at, records, depth + 1)
        return None if inner is None else (-inner[1], -inner[0])
    if isinstance(node, cst.Name):
        found = last_assigned(records, node.value, at)
        return _bounds(found[1], found[0], records, depth + 1) if found else None
    if isinstance(node, cst.Subscript):
        return _bounds(node.value, at, records, depth + 1)
    if isinstance(node, cst.BinaryOperation) and isinstance(node.operator, (cst.Add, cst.Subtract, cst.Multiply, cst.Divide)):
        left = _bounds(node.left, at, records, depth + 1)
        right = _bounds(node.right, at, records, depth + 1)
        if left is None or right is None:
            return None
        op = node.operator
        if isinstance(op, cst.Add):
            return (left[0] + right[0], left[1] + right[1])
        if isinstance(op, cst.Subtract):
            return (left[0] - right[1], left[1] - right[0])
        if isinstance(op, cst.Divide):
            if right[0] <= 0 <= right[1]:
                return None
            right = (1 / right[1], 1 / right[0])
        ends = [a * b for a in left for b in right]
        return (min(ends), max(ends))
    if isinstance(node, cst.Call):
        name = _call_name(node)
        if isinstance(node.func, cst.Attribute) and name in _PEEL_METHODS:
            return _bounds(node.func.value, at, records, depth + 1)
        if name in ("rand", "random", "random_sample") and isinstance(node.func, cst.Attribute) \
                and _dotted_tail(node.func.value) in _RANDOM_MODULES:
            return (0.0, 1.0)
        if name in ("linspace", "arange", "uniform") and isinstance(node.func, cst.Attribute):
            pos = [a.value for a in node.args if a.keyword is None and not a.star]
            kw = {a.keyword.value: a.value for a in node.args if a.keyword is not None}
            if name == "uniform":
                lo = kw.get("low", pos[0] if pos else None)
                hi = kw.get("high", pos[1] if len(pos) > 1 else None)
                if lo is None and hi is None and not node.args:
                    return (0.0, 1.0)
            elif name == "arange" and len(pos) == 1 and not kw:
                lo, hi = cst.Integer("0"), pos[0]
            else:
                lo = kw.get("start", pos[0] if pos else None)
                hi = kw.get("stop", pos[1] if len(pos) > 1 else None)
            if lo is None or hi is None:
                return None
            a, b = _bounds(lo, at, records, depth + 1), _bounds(hi, at, records, depth + 1)
            if a is None or b is None:
                return None
            return (min(a[0], b[0]), max(a[1], b[1]))
    return None


_MONOTONE_WORDS = re.compile(r"cum|total|confirmed|death|recovered|cases|count|time|date|epoch|index")


_NOT_CENTRED = re.compile(r"with_(mean|centering)\s*=\s*(False|0|None)")


# scikit-learn transformers whose output is centred (so has both signs) unless told otherwise
_CENTRING = {"PowerTransformer": ("standardize", True), "RobustScaler": ("with_centering", True),
             "QuantileTransformer": ("output_distribution", "normal")}


def _centring_transformer(node, at: int, records: dict, depth: int, facts=None) -> bool:
    if depth > 4:
        return False
    if isinstance(node, cst.Call) and isinstance(node.func, cst.Attribute) and _call_name(node) == "fit":
        return _centring_transformer(node.func.value, at, records, depth + 1, facts)  # Scaler().fit(y).transform(y)
    if isinstance(node, cst.Name):
        found = last_assigned(records, node.value, at)
        if not found and facts is not None and node.value not in records:
            # `TARGET_SCALER = StandardScaler()` in utils.py, imported by name: read where it is made
            imported = imported_binding(facts, node.value)
            return imported is not None and _centring_transformer(
                imported[1], len(imported[0].assignments), _records(imported[0]), depth + 1, imported[0])
        return bool(found) and _centring_transformer(found[1], found[0], records, depth + 1, facts)
    if not isinstance(node, cst.Call) or _call_name(node) not in _CENTRING:
        return False
    keyword, wanted = _CENTRING[_call_name(node)]
    for arg in node.args:
        if arg.star:
            return False
        if arg.keyword is not None and arg.keyword.value == keyword:
            value = arg.value
            if isinstance(value, cst.Name) and value.value in ("True", "False"):
                return (value.value == "True") is wanted
            if isinstance(value, cst.SimpleString):
                return value.raw_value == wanted
            return False
    return wanted is True  # the default centres; QuantileTransformer's default is uniform


def _is_log(node) -> bool:
    return isinstance(node, cst.Call) and _call_name(node) in _LOGS


def _sign_call(node: cst.Call, at, facts, records, depth) -> bool:
    if facts.range_calls.get(id(node)) is not None:
        scaled = facts.range_calls[id(node)]
        if scaled == "standard":
            # centred, unless some scaler in the file is told not to (the call site does not say which)
            return not _NOT_CENTRED.search(facts.text or facts.module.code)
        return isinstance(scaled, tuple) and min(scaled) < 0 < max(scaled)
    name = _call_name(node)
    func = node.func
    args = [a for a in node.args if a.keyword is None and not a.star]
    if name in ("fit_transform", "transform") and isinstance(func, cst.Attribute):
        imported = imported_scaler_range(node, facts, records)
        if imported == "standard" or isinstance(imported, tuple) and min(imported) < 0 < max(imported):
            return True  # `TARGET_SCALER.fit_transform(y)`, a StandardScaler another module makes
        if _centring_transformer(func.value, at, records, 0, facts):
            return True  # PowerTransformer / RobustScaler / QuantileTransformer(output_distribution="normal")
    column = _popped_column(node) if name == "pop" else None
    if column is not None:  # labels = frame.pop("target"), frame.pop(TARGET)
        return _sign_column(func.value.value, column, at, facts, records, depth + 1)
    if name in _RETURNS:
        # returns / differences: pct_change(), diff(), np.diff(y) — but differences of a running
        # total (daily cases from cumulative counts) or of timestamps are never negative
        source = func.value if isinstance(func, cst.Attribute) and _dotted_tail(func.value) not in (
            "np", "numpy") else (args[0].value if args else None)
        return source is not None and not _MONOTONE_WORDS.search(cst.Module([]).code_for_node(source).lower())
    ratio = None
    if name in _LOGS and args and isinstance(args[0].value, cst.BinaryOperation) \
            and isinstance(args[0].value.operator, cst.Divide):
        ratio = args[0].value.right
    elif name in _LOGS and args and isinstance(args[0].value, cst.Call) and _call_name(args[0].value) in ("divide", "true_divide") \
            and len(args[0].value.args) == 2 and not any(a.star or a.keyword for a in args[0].value.args):
        ratio = args[0].value.args[1].value  # `np.log(np.divide(close, close.shift(1)))`
    if ratio is not None and _const(ratio) is None and not _reduction(ratio, at, records, _MINISH, 0):
        return True  # log of a ratio: np.log(close / close.shift(1)) (not of a ratio to the minimum)
    if name in ("sin", "cos") and args:
        bounds = _bounds(args[0].value, at, records, 0)
        if bounds is None:
            return True
        lo, hi = (0.0, math.pi) if name == "sin" else (-math.pi / 2, math.pi / 2)
        return not (lo <= bounds[0] and bounds[1] <= hi)  # the argument stays where it has one sign
    if name == "make_regression":
        return False  # the (X, y) pair itself: only its second item is the targets
    if name in ("clip", "clip_by_value"):
        # `np.clip(z, -3, 3)`, `z.clip(-3, 3)`: bounds on both sides of 0 keep both signs
        source, lo, hi = clip_bounds(node)
        return source is not None and lo is not None and hi is not None and lo < 0 < hi \
            and _signed(source, at, facts, records, depth + 1)
    if isinstance(func, cst.Attribute) and name in _NORMAL_DRAWS \
            and _dotted_tail(func.value) in _RANDOM_MODULES:
        return _zero_mean_draw(node)  # zero-mean noise (a normal draw around another centre: no sign shown)
    if isinstance(func, cst.Attribute) and name in _SIGN_PEEL_METHODS:
        return _sign_struct(func.value, at, facts, records, depth + 1)
    if name in ("from_tensor_slices", "from_tensors") and args and not isinstance(args[0].value, (cst.Tuple, cst.List, cst.Dict)):
        return _signed(args[0].value, at, facts, records, depth + 1)  # a dataset of one array: its values
    method_arg = node.args[0].value if len(node.args) == 1 and node.args[0].keyword is None \
        and not node.args[0].star and isinstance(func, cst.Attribute) else None
    if name in ("sub", "subtract") and method_arg is not None and _meanish(method_arg, at, records, 0):
        return True  # pandas' `s.sub(s.mean())`: centred
    if name in ("div", "divide", "truediv") and method_arg is not None \
            and (_positive_scale(method_arg, at, records) or _reduction(method_arg, at, records, _MAXISH, 0)):
        return _signed(func.value, at, facts, records, depth + 1)  # `….div(s.std())` keeps both signs
    if isinstance(func, cst.Attribute) and name == "pipe" and len(args) == 1 and isinstance(args[0].value, cst.Name):
        # `df["cnt"].pipe(standardize)`: what the file's one-parameter function makes of any value,
        # by the structure of its every return (`return (s - s.mean()) / s.std()`)
        fdef, own = _top_function_in(facts.module, args[0].value.value), True
        if fdef is None and facts.path:
            # imported from a project module (`from utils import standardize`): read there, by its
            # structure alone (none of this file's names is its module's)
            found = _imported_function(facts.path, args[0].value.value)
            fdef, own = (_top_function(*found) if found is not None else None), False
        params = fdef.params.params if fdef is not None else ()
        if fdef is None or len(params) != 1 or fdef.params.posonly_params or fdef.params.kwonly_params \
                or isinstance(fdef.params.star_arg, cst.Param) or fdef.params.star_kwarg is not None:
            return False
        masked = {k: v for k, v in records.items() if k != params[0].name.value} if own else {}
        returns = [r.value for r in _returns_of(fdef)]
        return bool(returns) and all(r is not None and _sign_struct(r, at, facts, masked, depth + 1) for r in returns)
    if isinstance(func, cst.Attribute) and name in ("transform", "apply", "pipe", "map") and len(args) == 1 \
            and isinstance(args[0].value, cst.Lambda) and len(args[0].value.params.params) == 1:
        # `groupby("store")["sales"].transform(lambda s: (s - s.mean()) / s.std())`: what the
        # function makes of every group, by its own structure (its parameter is any group: not
        # a name of the file's that happens to be spelled alike)
        param = args[0].value.params.params[0].name.value
        return _sign_struct(args[0].value.body, at, facts, {k: v for k, v in records.items() if k != param},
                            depth + 1)
    if (name in _PEEL_FUNCS or name in ("DataFrame", "Series")) and args:
        # np.array(ys), np.concatenate([a, b]), pd.DataFrame(scaled, columns=…): the same values
        return _sign_struct(args[0].value, at, facts, records, depth + 1)
    found = _returns(node, at, facts, records)
    if found is not None:
        # `y = prepare(df)`: what the function returns, when every return it ran so far agrees
        other, other_records, returns = found
        returns = [(i, value) for i, value in returns if value is not None]
        return bool(returns) and all(_signed(v, i, other, other_records, depth + 1) for i, v in returns)
    return False
