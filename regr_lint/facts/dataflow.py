"""Whole-file, flow-insensitive data-flow questions, answered lazily from the recorded assignments:
which names a value was computed from, which names hold targets scaled into [0, 1], and whether
two expressions name the same data."""
from __future__ import annotations

from typing import Iterable, Optional

from regr_lint.lazy import cst

from regr_lint.facts.model import KerasFacts

_MAXISH = frozenset({"max", "amax", "nanmax", "reduce_max"})
# numpy draws that land in [0, 1) by construction: targets made this way need no scaling.
_UNIT_DRAWS = frozenset({"rand", "random", "random_sample", "ranf", "sample"})
# one-hot encoders: their targets are class indicators, not regression values.
_ONE_HOT = frozenset({"to_categorical", "one_hot", "get_dummies", "LabelBinarizer", "OneHotEncoder",
                      "label_binarize"})


def names_in(node: cst.CSTNode) -> set[str]:
    out: set[str] = set()
    stack = [node]
    while stack:
        cur = stack.pop()
        if isinstance(cur, cst.Name):
            out.add(cur.value)
        elif isinstance(cur, cst.Attribute):
            stack.append(cur.value)  # `data.values` depends on data, not on `values`
        elif isinstance(cur, (cst.Lambda, cst.SimpleString, cst.Integer, cst.Float)):
            continue
        else:
            stack.extend(cur.children)
    return out


def _targets_with_sources(targets: list, value: cst.CSTNode) -> Iterable[tuple[str, cst.CSTNode]]:
    """(name, the part of the value it came from) for each name bound by an assignment."""
    for target in targets:
        if isinstance(target, cst.Name):
            yield target.value, value
        elif isinstance(target, (cst.Tuple, cst.List)):
            elts = [e.value for e in target.elements]
            if isinstance(value, (cst.Tuple, cst.List)) and len(value.elements) == len(elts):
                for elt, part in zip(elts, value.elements):
                    yield from _targets_with_sources([elt], part.value)
            elif isinstance(value, cst.Call) and _call_name(value) == "train_test_split" \
                    and len(_arrays(value)) * 2 == len(elts):
                # x_tr, x_te, y_tr, y_te = train_test_split(x, y, test_size=…): each pair from one input
                for i, elt in enumerate(elts):
                    yield from _targets_with_sources([elt], _arrays(value)[i // 2].value)
            else:
                for elt in elts:
                    yield from _targets_with_sources([elt], value)
        elif isinstance(target, (cst.Attribute, cst.Subscript)):
            base = target.value
            while isinstance(base, (cst.Attribute, cst.Subscript)):
                base = base.value
            if isinstance(base, cst.Name):
                yield base.value, value
        elif isinstance(target, cst.StarredElement):
            yield from _targets_with_sources([target.value], value)


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


def _graph(facts: KerasFacts):
    cached = facts._cache.get("dataflow")
    if cached is not None:
        return cached
    derived: dict[str, set[str]] = {}
    scaled: set[str] = set()
    onehot: set[str] = set()
    plain_values: dict[str, list] = {}
    for targets, value in facts.assignments:
        if isinstance(value, cst.AugAssign):
            name_parts = list(_targets_with_sources([value.target], value.value))
            for name, part in name_parts:
                derived.setdefault(name, set()).update(names_in(part))
                if isinstance(value.operator, cst.DivideAssign) and _maxish(value.value, plain_values, 0):
                    scaled.add(name)
            continue
        for name, part in _targets_with_sources(targets, value):
            if not _changes_range(part):
                derived.setdefault(name, set()).update(names_in(part))
            plain_values.setdefault(name, []).append(part)
            if is_unit_scaling(part, facts, plain_values):
                scaled.add(name)
            if _calls_any(part, _ONE_HOT):
                onehot.add(name)
    facts._cache["dataflow"] = (derived, scaled, onehot)
    return derived, scaled, onehot


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
        elif isinstance(node, cst.Call) and _call_name(node) in ("array", "asarray", "float32", "reshape", "squeeze", "expand_dims", "concatenate", "stack"):
            if not node.args:
                return False
            node = node.args[0].value
        else:
            return False
    return False


def _calls_any(node: cst.CSTNode, names: frozenset) -> bool:
    stack = [node]
    while stack:
        cur = stack.pop()
        if isinstance(cur, cst.Call) and _call_name(cur) in names:
            return True
        if isinstance(cur, (cst.Lambda, cst.SimpleString)):
            continue
        stack.extend(cur.children)
    return False


def ancestors(facts: KerasFacts, names: set[str]) -> set[str]:
    derived = _graph(facts)[0]
    seen = set(names)
    todo = list(names)
    while todo:
        for parent in derived.get(todo.pop(), ()):
            if parent not in seen:
                seen.add(parent)
                todo.append(parent)
    return seen


def unit_scaled_names(facts: KerasFacts) -> set[str]:
    return _graph(facts)[1]


def is_unit_scaling(node: cst.CSTNode, facts: KerasFacts, values: Optional[dict] = None) -> bool:
    """`scaler.fit_transform(y)` with a [0, 1] MinMaxScaler, `y / y.max()`, `(y - lo) / (hi - lo)`
    with hi a max, `x / 255.`: the value itself (not a shifted or stretched copy) lands in [0, 1]."""
    values = values or {}
    for _ in range(4):
        if isinstance(node, cst.Call):
            if id(node) in facts.scaling_calls:
                return True
            if _unit_call(node):
                return True
            # peel `.astype(…)`, `.reshape(…)`, `np.array(…)`
            if isinstance(node.func, cst.Attribute) and node.func.attr.value in ("astype", "reshape", "values", "to_numpy", "squeeze", "flatten", "ravel"):
                node = node.func.value
                continue
            if node.args and _call_name(node) in ("array", "asarray", "float32", "reshape", "squeeze"):
                node = node.args[0].value
                continue
            return False
        if isinstance(node, cst.BinaryOperation) and isinstance(node.operator, cst.Divide):
            return _maxish(node.right, values, 0)
        # 0/1 labels: `(price > median)`, `np.where(cond, 1, 0)`
        return isinstance(node, cst.Comparison)
    return False


def _unit_call(node: cst.Call) -> bool:
    """Calls whose result lies in [0, 1] by construction."""
    name = _call_name(node)
    if name in ("ones", "zeros", "ones_like", "zeros_like"):
        return True
    if isinstance(node.func, cst.Attribute) and name in _UNIT_DRAWS \
            and _dotted_tail(node.func.value) in ("random", "np.random", "numpy.random", "rng"):
        return True
    if name in ("randint", "where") and len(node.args) >= 3:
        lits = [_int(a.value) for a in node.args[:3]]
        if name == "randint":
            return lits[0] == 0 and lits[1] in (1, 2)
        return {lits[1], lits[2]} <= {0, 1}
    return False


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


def _maxish(node: cst.CSTNode, values: dict, depth: int) -> bool:
    if depth > 4:
        return False
    if isinstance(node, cst.Call):
        name = _call_name(node)
        return name in _MAXISH
    if isinstance(node, cst.BinaryOperation) and isinstance(node.operator, cst.Subtract):
        return _maxish(node.left, values, depth + 1)
    if isinstance(node, (cst.Float, cst.Integer)):
        try:
            return node.evaluated_value == 255
        except Exception:  # noqa: BLE001
            return False
    if isinstance(node, cst.Name):
        parts = values.get(node.value, [])
        return len(parts) == 1 and _maxish(parts[0], values, depth + 1)
    return False


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


def targets_unit_scaled(facts: KerasFacts, model) -> bool:
    """True when the targets `model` is trained on are scaled into [0, 1] in this file (a
    MinMaxScaler with the default range, or a divide by their max), directly or upstream."""
    ys = _target_nodes(model)
    scaled = unit_scaled_names(facts)
    if not ys:
        # Trained elsewhere: any [0, 1] scaling in the file might be of the targets; stay silent.
        return bool(scaled) or bool(facts.scaling_calls)
    for y in ys:
        if is_unit_scaling(y, facts) or ancestors(facts, names_in(y)) & scaled:
            return True
    return False


def _target_nodes(model):
    from regr_lint.tables import TRAIN_METHODS

    return [t.y_node for t in model.trainings if t.method in TRAIN_METHODS and t.y_node is not None]


def targets_one_hot(facts: KerasFacts, model) -> bool:
    """True when the targets `model` is trained on are one-hot class indicators."""
    onehot = _graph(facts)[2]
    for y in _target_nodes(model):
        if _calls_any(y, _ONE_HOT) or ancestors(facts, names_in(y)) & onehot:
            return True
    return False


def bound_names(facts: KerasFacts) -> set[str]:
    """Every name the file assigns (any scope)."""
    return set(_graph(facts)[0]) | {name for targets, _ in facts.assignments
                                    for t in targets if isinstance(t, cst.Name) for name in [t.value]}


# ---------------------------------------------------------------- where target values lie
# Read flow-sensitively over the recorded assignments: a name is what its last assignment before
# the training call made it (appends to a list since then included). Only what the model can follow
# gives an answer (scalers, standardising, literal data, numpy draws, affine arithmetic on those);
# anything else is unknown, and unknown is never evidence.

_STD = frozenset({"std", "nanstd", "reduce_std"})
_PEEL_METHODS = frozenset({"astype", "reshape", "squeeze", "flatten", "ravel", "to_numpy", "copy", "transpose"})
_PEEL_FUNCS = frozenset({"array", "asarray", "float32", "float64", "squeeze", "expand_dims", "reshape",
                         "concatenate", "stack", "vstack", "hstack", "column_stack", "atleast_2d",
                         "convert_to_tensor", "constant"})
_RANDOM_MODULES = ("random", "np.random", "numpy.random", "rng", "tf.random", "keras.random")
_INF = float("inf")


class Span:
    """A sound bound [lo, hi] on the values; `exact`: the values come close to both bounds; `wide`:
    some values are certainly outside [-1, 1]; `keep`: a slice of the data keeps exact / wide."""
    __slots__ = ("lo", "hi", "exact", "wide", "keep")

    def __init__(self, lo, hi, exact=False, wide=None, keep=True):
        self.lo, self.hi, self.exact, self.keep = lo, hi, exact, keep
        self.wide = (lo > 1 or hi < -1 or exact and (lo < -1 or hi > 1)) if wide is None else wide


def targets_leave_pm1(facts: KerasFacts, model) -> bool:
    """True when the file shows that the targets `model` is trained on have values outside [-1, 1]:
    standardised (StandardScaler, `(y - m) / y.std()`), min-max scaled to a wider range, literal
    data or numpy draws with magnitudes beyond 1, directly or through the names they are cut from."""
    from regr_lint.tables import TRAIN_METHODS

    records = _records(facts)
    for t in model.trainings:
        if t.method not in TRAIN_METHODS or t.y_node is None:
            continue
        at = t.at if t.at >= 0 else len(facts.assignments)
        try:
            span = _span(t.y_node, at, facts, records, 0)
        except (ArithmeticError, ValueError):  # literals too large for a float: no answer
            continue
        if span is not None and span.wide:
            return True
    return False


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
        for target in targets:
            _record_target(target, value, i, out)
    facts._cache["dataflow_records"] = out
    return out


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
        else:
            starred = any(isinstance(e, cst.StarredElement) for e in target.elements)
            for k, elt in enumerate(elts):
                if isinstance(elt, cst.Name) and not starred and isinstance(value, cst.Call):
                    # `x, y = make_windows(series)`: the k-th item of what the function returns
                    out.setdefault(elt.value, []).append((i, "unpack", (value, k, len(elts))))
                else:
                    _record_target(elt, None, i, out)  # unpacked from something not followed
    else:
        base = target
        while isinstance(base, (cst.Attribute, cst.Subscript, cst.StarredElement)):
            base = base.value
        if isinstance(base, cst.Name):
            out.setdefault(base.value, []).append((i, "assign", None))  # changed in part: unknown


def _lookup(name: str, before: int, facts, records: dict, depth: int):
    recs = [r for r in records.get(name, ()) if r[0] < before]
    if not recs:
        return None
    appended = []
    while recs and recs[-1][1] == "append":
        appended.append(recs.pop())
    parts = []
    for i, _, call in appended:
        arg = call.args[-1].value if call.args else None
        parts.append(_span(arg, i, facts, records, depth + 1) if arg is not None else None)
    if recs:
        i, kind, value = recs[-1]
        if kind == "aug":
            parts.append(_aug_span(value, i, facts, records, depth))
        elif kind == "unpack":
            parts.append(_unpack_span(*value, i, facts, records, depth))
        else:
            parts.append(_span(value, i, facts, records, depth + 1) if value is not None else None)
    return _union(parts)


def _unpack_span(call: cst.Call, k: int, n: int, at: int, facts, records, depth):
    """Item k of a tuple a function of this file returns, when every return it ran so far says so."""
    if not isinstance(call.func, cst.Name) or call.func.value not in records:
        return None
    returns = [value for i, kind, value in records[call.func.value] if i < at and kind == "assign"]
    if not returns or not all(isinstance(v, cst.Tuple) and len(v.elements) == n
                              and not any(isinstance(e, cst.StarredElement) for e in v.elements)
                              for v in returns):
        return None
    spans = [_span(v.elements[k].value, i, facts, records, depth + 1)
             for i, kind, v in records[call.func.value] if i < at and kind == "assign"]
    return Span(-_INF, _INF, wide=True) if all(p is not None and p.wide for p in spans) else None


def _aug_span(node: cst.AugAssign, at: int, facts, records, depth):
    if isinstance(node.operator, cst.DivideAssign) and _stdish(node.value, at, records, 0):
        return Span(-_INF, _INF, wide=True)
    return None


def _union(parts: list):
    if any(p is not None and p.wide for p in parts):
        return Span(-_INF, _INF, wide=True)
    known = [p for p in parts if p is not None]
    if not parts or len(known) < len(parts):
        return None
    if len(known) == 1:
        return known[0]
    return Span(min(p.lo for p in known), max(p.hi for p in known), wide=False)


def _span(node, at: int, facts, records: dict, depth: int):
    if node is None or depth > 24:
        return None
    memo = facts._cache.setdefault("dataflow_spans", {})
    key = (id(node), at)
    if key not in memo:  # names read back through chains of assignments are shared: evaluate once
        memo[key] = _span_of(node, at, facts, records, depth)
    return memo[key]


def _span_of(node, at: int, facts, records: dict, depth: int):
    if isinstance(node, cst.Name):
        return _lookup(node.value, at, facts, records, depth + 1)
    if isinstance(node, cst.Subscript):
        inner = _span(node.value, at, facts, records, depth + 1)
        if inner is None or inner.keep:
            return inner
        return Span(inner.lo, inner.hi)
    if isinstance(node, cst.Attribute):
        if node.attr.value in ("values", "T"):
            return _span(node.value, at, facts, records, depth + 1)
        return None
    if isinstance(node, (cst.List, cst.Tuple, cst.Integer, cst.Float, cst.UnaryOperation)):
        values = _literal_numbers(node, [])
        if values is not None:
            if not values:
                return Span(_INF, -_INF, exact=True, wide=False)
            return Span(min(values), max(values), exact=True, wide=any(abs(v) > 1 for v in values), keep=False)
        if isinstance(node, cst.UnaryOperation) and isinstance(node.operator, cst.Minus):
            inner = _span(node.expression, at, facts, records, depth + 1)
            return None if inner is None else Span(-inner.hi, -inner.lo, inner.exact, inner.wide, inner.keep)
        return None
    if isinstance(node, cst.BinaryOperation):
        return _binop_span(node, at, facts, records, depth)
    if isinstance(node, cst.Call):
        return _call_span(node, at, facts, records, depth)
    return None


def _literal_numbers(node, out: list, limit: int = 10000):
    if isinstance(node, (cst.Integer, cst.Float)):
        value = _int(node)
        if value is None:
            return None
        out.append(value)
        return out
    if isinstance(node, cst.UnaryOperation) and isinstance(node.operator, cst.Minus) \
            and isinstance(node.expression, (cst.Integer, cst.Float)):
        value = _int(node.expression)
        if value is None:
            return None
        out.append(-value)
        return out
    if isinstance(node, (cst.List, cst.Tuple)) and len(out) < limit:
        for elt in node.elements:
            if isinstance(elt, cst.StarredElement) or _literal_numbers(elt.value, out, limit) is None:
                return None
        return out
    return None


def _binop_span(node: cst.BinaryOperation, at, facts, records, depth):
    op = node.operator
    if isinstance(op, cst.Divide) and _stdish(node.right, at, records, 0):
        return Span(-_INF, _INF, wide=True)  # (y - y.mean()) / y.std()
    left = _span(node.left, at, facts, records, depth + 1)
    right = _span(node.right, at, facts, records, depth + 1)
    if left is None or right is None:
        return None
    lconst, rconst = _const(node.left), _const(node.right)
    exact = (left.exact and rconst is not None) or (right.exact and lconst is not None)
    keep = left.keep and right.keep
    if isinstance(op, cst.Add):
        return Span(left.lo + right.lo, left.hi + right.hi, exact, keep=keep)
    if isinstance(op, cst.Subtract):
        return Span(left.lo - right.hi, left.hi - right.lo, exact, keep=keep)
    if isinstance(op, cst.Multiply):
        ends = [0.0 if 0 in (a, b) else a * b for a in (left.lo, left.hi) for b in (right.lo, right.hi)]
        return Span(min(ends), max(ends), exact, keep=keep)
    if isinstance(op, cst.Divide) and rconst is not None and rconst != 0:
        ends = (left.lo / rconst, left.hi / rconst)
        return Span(min(ends), max(ends), left.exact, keep=keep)
    return None


def _const(node):
    if isinstance(node, (cst.Integer, cst.Float)):
        return _int(node)
    if isinstance(node, cst.UnaryOperation) and isinstance(node.operator, cst.Minus):
        value = _const(node.expression)
        return None if value is None else -value
    return None


def _stdish(node, at: int, records: dict, depth: int) -> bool:
    if depth > 4:
        return False
    if isinstance(node, cst.Call):
        return _call_name(node) in _STD
    if isinstance(node, cst.Name):
        recs = [r for r in records.get(node.value, ()) if r[0] < at]
        return bool(recs) and recs[-1][1] == "assign" and _stdish(recs[-1][2], recs[-1][0], records, depth + 1)
    return False


def _call_span(node: cst.Call, at, facts, records, depth):
    if id(node) in facts.range_calls:
        scaled = facts.range_calls[id(node)]
        if scaled == "standard":
            return Span(-_INF, _INF, wide=True)
        if isinstance(scaled, tuple):
            return Span(min(scaled), max(scaled), exact=True)
        return None
    if id(node) in facts.scaling_calls or _unit_call(node):
        return Span(0, 1)
    name = _call_name(node)
    func = node.func
    if isinstance(func, cst.Attribute) and name in _PEEL_METHODS:
        return _span(func.value, at, facts, records, depth + 1)
    args = [a for a in node.args if a.keyword is None and not a.star]
    if name in _PEEL_FUNCS and args:
        first = args[0].value
        if name in ("concatenate", "stack", "vstack", "hstack", "column_stack") \
                and isinstance(first, (cst.List, cst.Tuple)) and _literal_numbers(first, []) is None:
            return _union([_span(e.value, at, facts, records, depth + 1) for e in first.elements
                           if not isinstance(e, cst.StarredElement)] or [None])
        return _span(first, at, facts, records, depth + 1)
    if isinstance(func, cst.Attribute) and _dotted_tail(func.value) in _RANDOM_MODULES or \
            name in ("linspace", "arange") and isinstance(func, cst.Attribute):
        return _draw_span(name, node)
    if name in ("tanh", "sin", "cos"):
        return Span(-1, 1)
    if isinstance(func, cst.Name) and func.value in records:
        # `y = prepare(df)`: what the function returns, when every return it ran so far agrees
        spans = [_span(value, i, facts, records, depth + 1) for i, kind, value in records[func.value]
                 if i < at and kind == "assign" and value is not None]
        if spans and all(p is not None and p.wide for p in spans):
            return Span(-_INF, _INF, wide=True)
        return None
    return None


def _draw_span(name, node: cst.Call):
    """numpy / random draws and ranges with literal bounds."""
    lits = []
    for arg in node.args:
        if arg.keyword is not None or arg.star:
            break
        lits.append(_const(arg.value))
    kw = {a.keyword.value: _const(a.value) for a in node.args if a.keyword is not None}
    if name == "uniform":
        lo = kw.get("low", lits[0] if lits else 0.0 if "low" not in kw else None)
        hi = kw.get("high", lits[1] if len(lits) > 1 else 1.0 if "high" not in kw else None)
        if lo is None or hi is None:
            return None
        return Span(min(lo, hi), max(lo, hi), exact=True)
    if name in ("randint", "integers") and lits and lits[0] is not None:
        high = kw.get("high", lits[1] if len(lits) > 1 else None)
        lo, hi = (lits[0], high) if high is not None else (0, lits[0])
        return Span(lo, hi - 1, exact=True) if hi - 1 >= lo else None
    if name == "normal":
        loc = kw.get("loc", lits[0] if lits else 0.0)
        if loc is not None and abs(loc) > 1:
            return Span(-_INF, _INF, wide=True)
        return None
    if name == "linspace" and len(lits) >= 2 and None not in lits[:2]:
        return Span(min(lits[:2]), max(lits[:2]), exact=True)
    if name == "arange" and lits and None not in lits and "step" not in kw:
        lo, hi = (0, lits[0]) if len(lits) == 1 else (lits[0], lits[1])
        step = lits[2] if len(lits) > 2 else 1
        if not step or hi <= lo:
            return None
        return Span(lo, hi - step if step > 0 else hi, exact=True)
    return None


# ---------------------------------------------------------------- targets that are class labels
# A model trained with a regression loss on class labels is a classifier trained with squared error:
# its accuracy metric is Keras' binary / categorical accuracy and means something, and a sigmoid or
# softmax head fits its 0/1 targets. Read flow-sensitively like the spans above; only what the file
# shows counts (a label column read from a file is not evidence).

_LABEL_CALLS = frozenset({"to_categorical", "one_hot", "label_binarize", "logical_and", "logical_or",
                          "logical_xor", "logical_not"})
_LABEL_ENCODERS = frozenset({"LabelEncoder", "LabelBinarizer", "OneHotEncoder", "MultiLabelBinarizer"})
# (x, y) generators whose y is class labels, and the datasets whose load_data() gives labels
_LABEL_GENERATORS = frozenset({"make_classification", "make_multilabel_classification", "make_blobs",
                               "make_moons", "make_circles", "make_gaussian_quantiles", "make_hastie_10_2",
                               "load_iris", "load_digits", "load_breast_cancer", "load_wine"})
_LABEL_DATASETS = frozenset({"mnist", "fashion_mnist", "cifar10", "cifar100", "imdb", "reuters"})


def targets_are_labels(facts: KerasFacts, model) -> bool:
    """True when the file shows that targets `model` is trained on are class labels: one-hot encoded
    (`to_categorical`, `get_dummies` of a column, a label encoder), booleans (a comparison, `astype(bool)`,
    `np.logical_*`), literal data all 0 or 1, or the y of a classification generator / dataset
    (`make_classification`, `load_iris`, `mnist.load_data()`), directly or through the names they
    are cut from."""
    from regr_lint.tables import TRAIN_METHODS

    records = _records(facts)
    for t in model.trainings:
        if t.method not in TRAIN_METHODS or t.y_node is None:
            continue
        at = t.at if t.at >= 0 else len(facts.assignments)
        if _labels(t.y_node, at, facts, records, 0):
            return True
    return False


def _labels(node, at: int, facts, records: dict, depth: int) -> bool:
    if node is None or depth > 24:
        return False
    if isinstance(node, cst.Name):
        recs = [r for r in records.get(node.value, ()) if r[0] < at]
        if not recs:
            return False
        i, kind, value = recs[-1]
        if kind == "append":
            call = value
            return bool(call.args) and _labels(call.args[-1].value, i, facts, records, depth + 1)
        if kind == "unpack":
            call, k, n = value
            return _call_name(call) in _LABEL_GENERATORS and n == 2 and k == 1
        if kind == "assign" and value is not None:
            return _labels(value, i, facts, records, depth + 1)
        return _bound_to_dataset_labels(node.value, facts) or _labels_by_mask(node.value, facts.assignments[i])
    if isinstance(node, cst.Subscript):
        if any(isinstance(getattr(e.slice, "value", None), cst.SimpleString) for e in node.slice):
            return False  # a column picked by name: a one-hot frame's other columns are features
        return _labels(node.value, at, facts, records, depth + 1)
    if isinstance(node, cst.Attribute):
        if node.attr.value in ("values", "T"):
            return _labels(node.value, at, facts, records, depth + 1)
        if node.attr.value == "target" and isinstance(node.value, cst.Name):
            recs = [r for r in records.get(node.value.value, ()) if r[0] < at and r[1] == "assign"]
            return bool(recs) and isinstance(recs[-1][2], cst.Call) and _call_name(recs[-1][2]) in _LABEL_GENERATORS
        return False
    if isinstance(node, cst.Comparison):
        return True
    if isinstance(node, (cst.List, cst.Tuple)):
        values = _literal_numbers(node, [])
        if values is not None:
            return bool(values) and set(values) <= {0, 1}
        # np.array((label1, label2, …)): rows that are themselves labels
        return bool(node.elements) and not any(isinstance(e, cst.StarredElement) for e in node.elements) \
            and all(_labels(e.value, at, facts, records, depth + 1) or _const(e.value) in (0, 1)
                    for e in node.elements)
    if isinstance(node, cst.Call):
        name = _call_name(node)
        func = node.func
        if name in _LABEL_CALLS or name == "get_dummies":
            return True
        if name == "astype" and isinstance(func, cst.Attribute):
            if node.args and _is_bool_type(node.args[0].value):
                return True
            return _labels(func.value, at, facts, records, depth + 1)
        if name in ("fit_transform", "transform") and isinstance(func, cst.Attribute) \
                and _is_label_encoder(func.value, at, records):
            return True
        if name == "where" and len(node.args) == 3 and all(_const(a.value) in (0, 1) for a in node.args[1:]):
            return True
        if isinstance(func, cst.Attribute) and (name in _PEEL_METHODS or name == "tolist"):
            return _labels(func.value, at, facts, records, depth + 1)
        args = [a for a in node.args if a.keyword is None and not a.star]
        if name in _PEEL_FUNCS and args and name not in ("concatenate", "stack", "vstack", "hstack", "column_stack"):
            return _labels(args[0].value, at, facts, records, depth + 1)
        if isinstance(func, cst.Name) and func.value in records:
            # `y = step(x)`: what the function returns, when every return it ran so far is labels
            returns = [(i, value) for i, kind, value in records[func.value] if i < at and kind == "assign"]
            return bool(returns) and all(value is not None and _labels(value, i, facts, records, depth + 1)
                                         for i, value in returns)
    return False


def _labels_by_mask(name: str, assignment) -> bool:
    """`y[y == "R"] = 0`: class names replaced by 0 / 1 through a mask that compares with a string."""
    targets, value = assignment
    if _const(value) not in (0, 1):
        return False
    for target in targets:
        if isinstance(target, cst.Subscript) and isinstance(target.value, cst.Name) and target.value.value == name:
            for element in target.slice:
                index = getattr(element.slice, "value", None)
                if isinstance(index, cst.Comparison) and any(
                        isinstance(c.comparator, cst.SimpleString) for c in index.comparisons):
                    return True
    return False


def _is_bool_type(node) -> bool:
    if isinstance(node, cst.Name):
        return node.value == "bool"
    if isinstance(node, cst.Attribute):
        return node.attr.value in ("bool", "bool_")
    if isinstance(node, cst.SimpleString):
        return node.evaluated_value in ("bool", "bool_", "?")
    return False


def _is_label_encoder(node, at: int, records: dict) -> bool:
    """`LabelEncoder()` or a name last assigned one."""
    if isinstance(node, cst.Name):
        recs = [r for r in records.get(node.value, ()) if r[0] < at and r[1] == "assign"]
        node = recs[-1][2] if recs else None
    return isinstance(node, cst.Call) and _call_name(node) in _LABEL_ENCODERS


def _bound_to_dataset_labels(name: str, facts: KerasFacts) -> bool:
    """`(x, y), (x_test, y_test) = mnist.load_data()`: `name` is a label array of such a dataset."""
    for targets, value in facts.assignments:
        if not (isinstance(value, cst.Call) and _call_name(value) == "load_data"
                and isinstance(value.func, cst.Attribute) and _dotted_tail(value.func.value).rpartition(".")[2]
                in _LABEL_DATASETS):
            continue
        for target in targets:
            if not isinstance(target, (cst.Tuple, cst.List)):
                continue
            for pair in target.elements:
                inner = pair.value
                if isinstance(inner, (cst.Tuple, cst.List)) and len(inner.elements) == 2 \
                        and isinstance(inner.elements[1].value, cst.Name) and inner.elements[1].value.value == name:
                    return True
    return False
