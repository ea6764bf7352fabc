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
                    and len(value.args) * 2 == len(elts):
                # x_tr, x_te, y_tr, y_te = train_test_split(x, y): each pair comes from one input
                for i, elt in enumerate(elts):
                    yield from _targets_with_sources([elt], value.args[i // 2].value)
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
