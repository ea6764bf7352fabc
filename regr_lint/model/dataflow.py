"""Whole-file, flow-insensitive data-flow questions, answered lazily from the recorded assignments:
which names a value was computed from, which names hold targets scaled into [0, 1], and whether
two expressions name the same data."""
from __future__ import annotations

import contextlib
import dataclasses

import math
import os
import re
import stat
from typing import Iterable, Optional

from regr_lint.lazy import cst

from regr_lint.model.compat import statements
from regr_lint.model.model import KerasFacts
from regr_lint.model.names import dotted_name, method_kind
from regr_lint.project.link import project_imports

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
            if isinstance(cur.value, cst.Name) and cur.value.value in ("self", "cls"):
                out.add(f"{cur.value.value}.{cur.attr.value}")  # and on that attribute of the instance
        elif isinstance(cur, cst.Subscript):
            stack.append(cur.value)  # `y[:n_train]` holds values of y, none of n_train's
        elif isinstance(cur, (cst.Lambda, cst.SimpleString, cst.Integer, cst.Float)):
            continue
        else:
            stack.extend(cur.children)
    return out


def _targets_with_sources(targets: list, value: cst.CSTNode, returns: Optional[dict] = None
                          ) -> Iterable[tuple[str, cst.CSTNode]]:
    """(name, the part of the value it came from) for each name bound by an assignment. `returns`:
    {function of the file: what its returns recorded so far return}, for `xs, ys = load(...)` where
    every return of `load` is a tuple of that length (ys is its second item, not the whole call:
    the images it scales are not the targets it returns)."""
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
            elif isinstance(value, cst.Call) and isinstance(value.func, cst.Name) and returns \
                    and returns.get(value.func.value) and all(
                        isinstance(r, cst.Tuple) and len(r.elements) == len(elts)
                        and not any(isinstance(e, cst.StarredElement) for e in r.elements)
                        for r in returns[value.func.value]) \
                    and not any(isinstance(e, cst.StarredElement) for e in target.elements):
                for i, elt in enumerate(elts):
                    for returned in returns[value.func.value]:
                        yield from _targets_with_sources([elt], returned.elements[i].value)
            else:
                for elt in elts:
                    yield from _targets_with_sources([elt], value)
        elif isinstance(target, (cst.Attribute, cst.Subscript)):
            base = target.value
            while isinstance(base, (cst.Attribute, cst.Subscript)):
                if isinstance(base, cst.Attribute) and isinstance(base.value, cst.Name) \
                        and base.value.value in ("self", "cls"):
                    break
                base = base.value
            if isinstance(base, cst.Attribute):
                yield f"{base.value.value}.{base.attr.value}", value  # `self.x[i] = …`: that attribute
            elif isinstance(target, cst.Attribute) and isinstance(base, cst.Name) and base.value in ("self", "cls"):
                # `self.x = MinMaxScaler().fit_transform(feats)`: that attribute, not the instance
                yield f"{base.value}.{target.attr.value}", value
            elif isinstance(base, cst.Name):
                yield base.value, value
        elif isinstance(target, cst.StarredElement):
            yield from _targets_with_sources([target.value], value)


def _saved_here(node, facts: KerasFacts) -> list:
    """What the file itself saves under the literal path `node` loads (`np.load("a.npy")` after
    `np.save("a.npy", arousal)`: [arousal]; also a slice of it, `np.load("a.npy")[:100]`); [] for
    anything else."""
    for _ in range(4):
        if isinstance(node, cst.Subscript):
            node = node.value
        elif isinstance(node, cst.Call) and isinstance(node.func, cst.Attribute) and node.func.attr.value in _PEEL_METHODS:
            node = node.func.value
    if not isinstance(node, cst.Call) or _call_name(node) != "load" or not isinstance(node.func, cst.Attribute) \
            or _dotted_tail(node.func.value) not in ("np", "numpy") or not node.args \
            or not isinstance(node.args[0].value, cst.SimpleString):
        return []
    saves = facts._cache.get("dataflow_saves")
    if saves is None:
        saves = facts._cache["dataflow_saves"] = {}
        if "save(" in (facts.text or ""):
            for call in _calls_in(facts.module):
                if _call_name(call) == "save" and isinstance(call.func, cst.Attribute) \
                        and _dotted_tail(call.func.value) in ("np", "numpy") and len(call.args) >= 2 \
                        and isinstance(call.args[0].value, cst.SimpleString) and not call.args[1].star:
                    saves.setdefault(_string_value(call.args[0].value), []).append(call.args[1].value)
    return saves.get(_string_value(node.args[0].value), [])


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
    normalised: set[str] = set()  # rows that sum to 1: `y / y.sum(axis=1, keepdims=True)`
    plain_values: dict[str, list] = {}
    returned: dict[str, list] = {}
    appended: dict[str, list] = {}  # list name -> whether each value appended to it lies in [0, 1]
    # name -> index of the last write of a part of it with a value not known to lie in [0, 1]
    # (`returns = np.zeros(n)`, then `returns[t] = running`: no longer all zeros)
    spoiled: dict[str, int] = {}
    made_at: dict[str, int] = {}  # name -> index of its last plain assignment
    # frame -> the columns scaled into [0, 1] by name (`df["height"] = df["height"] / max_h`), for
    # the frames only such writes scale (see `_other_column`); None once any other write scales it
    columns_scaled: dict[str, Optional[set]] = {}
    for at, (targets, value) in enumerate(facts.assignments):
        grows = len(targets) == 1 and isinstance(targets[0], cst.Name) and isinstance(value, cst.Call) \
            and isinstance(value.func, cst.Attribute) and value.func.value is targets[0]
        if grows:
            # `labels.append((v - lo) / (hi - lo))`: one element scaled (the list, when every one is)
            item = value.args[0].value if value.func.attr.value == "append" and len(value.args) == 1 else None
            appended.setdefault(targets[0].value, []).append(
                item is not None and is_unit_scaling(item, facts, plain_values))
        if isinstance(value, cst.AugAssign):
            name_parts = list(_targets_with_sources([value.target], value.value))
            for name, part in name_parts:
                derived.setdefault(name, set()).update(names_in(part))
                if isinstance(value.operator, cst.DivideAssign) and _maxish(value.value, plain_values, 0):
                    scaled.add(name)
                if isinstance(value.operator, cst.DivideAssign) and _own_sum(value.target, value.value):
                    scaled.add(name)
                    normalised.add(name)
            continue
        for target in targets:
            if isinstance(target, cst.Attribute) and expr_key(target):
                # `self.max_y = np.max(y)`: what an attribute holds, for a division by it
                plain_values.setdefault(expr_key(target), []).append(value)
            elif isinstance(target, cst.Subscript) and isinstance(target.value, cst.Name) \
                    and isinstance(value, cst.BaseExpression):
                # only a number known to lie outside [0, 1] (a name: any value the file gives it);
                # what else is written may be 0 / 1 too (`x[i] = np.sum(one_hots, axis=0)`)
                if any(isinstance(v, (int, float)) and not 0 <= v <= 1 for v in literal_values(value, plain_values)):
                    spoiled[target.value.value] = at
            elif isinstance(target, cst.Name):
                made_at[target.value] = at
        for target in targets:
            if isinstance(target, cst.Name) and isinstance(value, cst.BaseExpression):
                returned.setdefault(target.value, []).append(value)  # (a function's returns: recorded as its name)
        for name, part in _targets_with_sources(targets, value, returned):
            if not _changes_range(part):
                derived.setdefault(name, set()).update(names_in(part))
                for saved in _saved_here(part, facts):
                    # `np.save("a.npy", arousal)`, then `y = np.load("a.npy")`: the values saved
                    derived[name].update(names_in(saved))
                    if is_unit_scaling(saved, facts, plain_values):
                        scaled.add(name)
            if not grows:  # (an append gives an element, not what the name holds)
                plain_values.setdefault(name, []).append(part)
            if is_unit_scaling(part, facts, plain_values):
                column = _column_key(targets[0]) if len(targets) == 1 and isinstance(targets[0], cst.Subscript) \
                    and isinstance(targets[0].value, cst.Name) and targets[0].value.value == name else None
                if column is not None and columns_scaled.get(name, set()) is not None and (
                        name in columns_scaled or name not in scaled):
                    columns_scaled.setdefault(name, set()).add(column)
                elif name in columns_scaled:
                    columns_scaled[name] = None
                scaled.add(name)
            if _calls_any(part, _ONE_HOT):
                onehot.add(name)
            if _normalising(part):
                normalised.add(name)
    for name, each in appended.items():
        made = plain_values.get(name, [])
        if each and all(each) and any(isinstance(v, cst.List) and not v.elements for v in made) and all(
                isinstance(v, cst.List) and not v.elements or name in names_in(v) and not _changes_range(v)
                for v in made):
            # an empty list only ever given scaled elements (then copied or reordered:
            # `labels = np.asarray(labels)`, `labels = labels[idx]`)
            scaled.add(name)
    scaled -= {name for name, at in spoiled.items() if at > made_at.get(name, -1)}
    facts._cache["dataflow"] = (derived, scaled, onehot, normalised)
    facts._cache["dataflow_columns_scaled"] = {k: v for k, v in columns_scaled.items() if v and k in scaled}
    facts._cache["dataflow_values"] = plain_values
    return derived, scaled, onehot, normalised


def literal_values(node, values: dict) -> list:
    """The number `node` is, or, for a name, the number each value the file gives it is (a helper's
    parameter its calls give 1 and 0); None for what is not a literal number; [] for a name never
    given one."""
    given = values.get(node.value, []) if isinstance(node, cst.Name) else [node]
    return [_const(v) for v in given]


def name_values(facts: KerasFacts) -> dict:
    """{name: every value the file assigns to it} (what `is_unit_scaling` reads a max through)."""
    _graph(facts)
    return facts._cache["dataflow_values"]


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


_JOINS = frozenset({"concatenate", "stack", "hstack", "vstack", "column_stack", "dstack", "concat"})


def unit_scaled_names(facts: KerasFacts) -> set[str]:
    return _graph(facts)[1]


def is_unit_scaling(node: cst.CSTNode, facts: KerasFacts, values: Optional[dict] = None,
                    calls: bool = True) -> bool:
    """`scaler.fit_transform(y)` with a [0, 1] MinMaxScaler, `y / y.max()`, `(y - lo) / (hi - lo)`
    with hi a max, `x / 255.`: the value itself (not a shifted or stretched copy) lands in [0, 1].
    With `values` (what the file's names hold, `name_values`), also a call of a function of the file
    every `return` of which is such a value (`self._scale(y)` returning `val / self.max_y`)."""
    values = values or {}
    if calls and isinstance(node, cst.Call) and values:
        func = node.func
        name = func.value if isinstance(func, cst.Name) else func.attr.value \
            if isinstance(func, cst.Attribute) and isinstance(func.value, cst.Name) and func.value.value == "self" else None
        returns = values.get(name, []) if name else []
        if returns and all(is_unit_scaling(part, facts, values, False) or _names_unit_scaled(part, facts, values)
                           for part in returns):
            return True
    for _ in range(6):
        if isinstance(node, cst.Subscript):
            node = node.value  # `scaler.transform(v).reshape(1, -1)[0]`: an element keeps the range
            continue
        if isinstance(node, cst.Attribute) and node.attr.value in ("values", "T"):
            node = node.value  # `(df["price"] / max_price).values`
            continue
        if isinstance(node, cst.ListComp):
            node = node.elt  # `[(v - lo) / (hi - lo) for v in vals]`: every element
            continue
        if isinstance(node, cst.DictComp):
            node = node.value  # `{c: df[c] / df[c].max() for c in cols}`: every value
            continue
        if isinstance(node, (cst.Tuple, cst.List)) and node.elements and not any(
                isinstance(e, cst.StarredElement) for e in node.elements):
            # `boxes.append((x0 / w, y0 / h, x1 / w, y1 / h))`: every element is
            return all(is_unit_scaling(e.value, facts, values, calls) for e in node.elements)
        if isinstance(node, cst.Dict):
            # `{"h": h / h.max()}`, read back by key or `.items()`: every value is
            return bool(node.elements) and all(
                isinstance(e, cst.DictElement) and is_unit_scaling(e.value, facts, values, calls) for e in node.elements)
        if isinstance(node, cst.Call):
            if id(node) in facts.opaque_transforms:
                # what an object another module makes does: known when it is a scaler bound there
                imported = imported_scaler_range(node, facts, _records(facts))
                return imported is None or imported == (0.0, 1.0) or imported == (0, 1)
            if id(node) in facts.scaling_calls:
                return True
            if _unit_call(node):
                return True
            if id(node) in facts.range_calls and facts.range_calls[id(node)] is None:
                # a scaler whose range the interpreter could not read (`feature_range=RANGE`,
                # imported from a config module): read where it is bound
                rng = imported_scaler_range(node, facts, _records(facts))
                if isinstance(rng, tuple) and 0 <= min(rng) and max(rng) <= 1:
                    return True
            # peel `.astype(…)`, `.reshape(…)`, `np.array(…)`
            if isinstance(node.func, cst.Attribute) and node.func.attr.value in ("astype", "reshape", "values", "to_numpy", "squeeze", "flatten", "ravel"):
                node = node.func.value
                continue
            if node.args and _call_name(node) in ("array", "asarray", "float32", "reshape", "squeeze", "DataFrame"):
                node = node.args[0].value
                continue
            if node.args and _call_name(node) in _JOINS and isinstance(node.args[0].value, (cst.List, cst.Tuple)):
                node = node.args[0].value  # `np.concatenate([xs / w, ys / h])`: every part is
                continue
            lam = node.args[0].value if len(node.args) == 1 and node.args[0].keyword is None else None
            if isinstance(node.func, cst.Attribute) and node.func.attr.value in ("pipe", "transform", "apply") \
                    and isinstance(lam, cst.Lambda) and len(lam.params.params) == 1:
                # `df["t"].pipe(lambda s: s / s.max())`: what the function makes of any series, by its
                # own structure (its parameter is not a name of the file's spelled alike)
                param = lam.params.params[0].name.value
                return is_unit_scaling(lam.body, facts, {k: v for k, v in values.items() if k != param}, calls)
            return False
        if isinstance(node, cst.BinaryOperation) and _logistic(node):
            return True
        if isinstance(node, cst.BinaryOperation) and isinstance(node.operator, cst.Divide):
            return _maxish(node.right, values, 0) or _own_sum(node.left, node.right) \
                or _min_max_form(node.left, node.right, values) or _ptp_form(node.left, node.right)
        # 0/1 labels: `(price > median)`, `np.where(cond, 1, 0)`
        return isinstance(node, cst.Comparison)
    return False


def _names_unit_scaled(node, facts: KerasFacts, values: dict) -> bool:
    """`return val` after `val = np.log(val) / self.max_log_y`: a name every value the file's
    statements give it lands in [0, 1] (what a call binds to it as a parameter comes first in
    the function, and is not what it returns once the body bound it again)."""
    if not isinstance(node, cst.Name):
        return False
    given = [value for i, (targets, value) in enumerate(facts.assignments) if i not in facts.param_flows
             and not isinstance(value, cst.AugAssign)
             and any(isinstance(t, cst.Name) and t.value == node.value for t in targets)]
    return bool(given) and all(is_unit_scaling(part, facts, values, False) for part in given)


_QUANTILES = frozenset({"percentile", "nanpercentile", "quantile", "nanquantile"})


def _ptp_form(numerator, denominator) -> bool:
    """`(y - y.min()) / np.ptp(y)`, `/ y.ptp()`: min-max scaling with the range as numpy's peak to peak
    of the same values whose minimum is subtracted."""
    if not (isinstance(numerator, cst.BinaryOperation) and isinstance(numerator.operator, cst.Subtract)
            and isinstance(numerator.right, cst.Call) and _call_name(numerator.right) in ("min", "amin", "nanmin")
            and isinstance(denominator, cst.Call) and _call_name(denominator) == "ptp"):
        return False
    code = cst.Module([]).code_for_node

    def of(call):  # `y.min()` / `np.min(y)`: the values it is taken of
        func = call.func
        if isinstance(func, cst.Attribute) and not (isinstance(func.value, cst.Name) and func.value.value in ("np", "numpy")):
            return code(func.value).strip() if not call.args else None
        return code(call.args[0].value).strip() if len(call.args) == 1 else None
    low, span = of(numerator.right), of(denominator)
    return low is not None and low == span == code(numerator.left).strip()


def _min_max_form(numerator, denominator, values: dict) -> bool:
    """`(y - Y_MIN) / (Y_MAX - Y_MIN)`, `(y - lo) / (hi - lo)`: min-max scaling written out, the same
    low bound subtracted above and below (the bounds are the author's statement of the range) — not
    between percentiles (`np.percentile(y, 2)`, `np.percentile(y, 98)`: the tails stay outside)."""
    if not (isinstance(numerator, cst.BinaryOperation) and isinstance(numerator.operator, cst.Subtract)
            and isinstance(denominator, cst.BinaryOperation) and isinstance(denominator.operator, cst.Subtract)):
        return False
    code = cst.Module([]).code_for_node
    low = code(numerator.right).strip()
    if low != code(denominator.right).strip() or code(denominator.left).strip() == low:
        return False
    for bound in (numerator.right, denominator.left):
        parts = values.get(bound.value, []) if isinstance(bound, cst.Name) else [bound]
        if any(_calls_any(part, _QUANTILES) for part in parts):
            return False
    return True


_SUMS = frozenset({"sum", "nansum", "reduce_sum"})


def _normalising(node) -> bool:
    """`y / y.sum(axis=1, keepdims=True)` (under `.astype(…)` and the like)."""
    for _ in range(4):
        if isinstance(node, cst.Call) and isinstance(node.func, cst.Attribute) \
                and node.func.attr.value in ("astype", "reshape", "squeeze"):
            node = node.func.value
            continue
        if isinstance(node, cst.Call) and node.args and _call_name(node) in ("array", "asarray", "float32"):
            node = node.args[0].value
            continue
        break
    return isinstance(node, cst.BinaryOperation) and isinstance(node.operator, cst.Divide) \
        and _own_sum(node.left, node.right)


def _own_sum(numerator, denominator) -> bool:
    """`y / y.sum(axis=1, keepdims=True)`, `y / np.sum(y, axis=-1, keepdims=True)`, `v /= v.sum()`:
    counts or weights normalised to sum to 1 (a histogram per row), so every entry lies in [0, 1]."""
    key = expr_key(numerator)
    if key is None or not isinstance(denominator, cst.Call) or _call_name(denominator) not in _SUMS:
        return False
    func = denominator.func
    if isinstance(func, cst.Attribute) and expr_key(func.value) == key:
        return True  # the method: `y.sum(...)`
    args = [a for a in denominator.args if a.keyword is None and not a.star]
    return bool(args) and expr_key(args[0].value) == key


def _unit_draw(node: cst.Call) -> bool:
    """`np.random.rand(n)`, `rng.random(n)`, `random.random()`: uniform draws in [0, 1). (The standard
    library's `random.sample(population, k)` picks from its population: no draw of this kind.)"""
    func = node.func
    if isinstance(func, cst.Attribute) and func.attr.value == "uniform" \
            and _dotted_tail(func.value) in ("np.random", "numpy.random", "rng", "random"):
        # `np.random.uniform(0, 1, n)` (also `uniform(size=n)`): literal bounds inside [0, 1]
        span = _draw_span("uniform", node)
        return span is not None and 0 <= span.lo and span.hi <= 1
    if not isinstance(func, cst.Attribute) or func.attr.value not in _UNIT_DRAWS:
        return False
    module = _dotted_tail(func.value)
    return module in ("np.random", "numpy.random") or module in ("random", "rng") and func.attr.value == "random"


def _logistic(node: cst.BinaryOperation) -> bool:
    """`1 / (1 + np.exp(-k * v))` and `1 - 1 / (1 + exp(z))`: a logistic function written out, whose
    values lie in (0, 1) whatever it squashes."""
    op = node.operator
    if isinstance(op, cst.Subtract):
        return _const(node.left) == 1 and isinstance(node.right, cst.BinaryOperation) and _logistic(node.right)
    if not isinstance(op, cst.Divide) or _const(node.left) != 1:
        return False
    below = node.right
    if not isinstance(below, cst.BinaryOperation) or not isinstance(below.operator, cst.Add):
        return False
    return any(_const(one) == 1 and isinstance(other, cst.Call) and _call_name(other) == "exp"
               for one, other in ((below.left, below.right), (below.right, below.left)))


# `tf.sigmoid(v)`, `tf.math.sigmoid(v)`, `K.sigmoid(v)`: the logistic of a library whose name it is
_SIGMOID_OWNERS = frozenset({"tf", "math", "nn", "K", "backend", "ops", "activations", "torch", "special"})


def clip_bounds(node: cst.Call) -> tuple:
    """(the array, its low bound, its high bound) of `np.clip(a, lo, hi)`, `a.clip(lo, hi)` or
    `tf.clip_by_value(t, lo, hi)`, the bounds as numbers (None when not literal)."""
    positional = [a.value for a in node.args if a.keyword is None and not a.star]
    method = isinstance(node.func, cst.Attribute) and _call_name(node) == "clip" \
        and _dotted_tail(node.func.value) not in ("np", "numpy", "tf", "K", "ops", "keras.ops", "backend")
    source = node.func.value if method else (positional[0] if positional else None)
    positional = positional if method else positional[1:]  # a function's first argument is the array
    keywords = {a.keyword.value: a.value for a in node.args if a.keyword is not None}
    lo = next((keywords[k] for k in ("a_min", "min", "lower", "clip_value_min") if k in keywords),
              positional[0] if positional else None)
    hi = next((keywords[k] for k in ("a_max", "max", "upper", "clip_value_max") if k in keywords),
              positional[1] if len(positional) > 1 else None)
    lo, hi = (_const(lo), _const(hi)) if lo is not None and hi is not None else (None, None)
    return source, lo, hi


def _unit_call(node: cst.Call) -> bool:
    """Calls whose result lies in [0, 1] by construction."""
    name = _call_name(node)
    if name in ("ones", "zeros", "ones_like", "zeros_like"):
        return True
    if name == "expit" or name == "sigmoid" and isinstance(node.func, cst.Attribute) \
            and _dotted_tail(node.func.value).rpartition(".")[2] in _SIGMOID_OWNERS:
        return True  # scipy.special.expit(v), tf.sigmoid(v): the logistic function
    if _unit_draw(node):
        return True
    if name == "beta" and isinstance(node.func, cst.Attribute) and _dotted_tail(node.func.value) in _RANDOM_MODULES:
        return True  # `np.random.beta(a, b, n)`: draws in [0, 1]
    if name == "rank" and any(a.keyword is not None and a.keyword.value == "pct" and isinstance(a.value, cst.Name)
                              and a.value.value == "True" for a in node.args):
        return True  # `df["price"].rank(pct=True)`: percentile ranks in (0, 1]
    if name in ("clip", "clip_by_value"):
        # `np.clip(y, 0, 1)`, `y.clip(0.0, 1.0)`, `tf.clip_by_value(t, 0, 1)`: bounds inside [0, 1]
        _, lo, hi = clip_bounds(node)
        return lo is not None and hi is not None and 0 <= lo <= hi <= 1
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
        if name in ("float", "float32", "float64") and len(node.args) == 1 and not node.args[0].star:
            return _maxish(node.args[0].value, values, depth + 1)  # `float(boxes.max())`
        if name == "transform" and len(node.args) == 1 and isinstance(node.args[0].value, cst.SimpleString):
            return _string_value(node.args[0].value) == "max"  # `df.groupby("store")["sales"].transform("max")`
        return name in _MAXISH
    if isinstance(node, cst.BinaryOperation) and isinstance(node.operator, cst.Subtract):
        return _maxish(node.left, values, depth + 1)
    if isinstance(node, (cst.Float, cst.Integer)):
        try:
            return node.evaluated_value == 255
        except Exception:  # noqa: BLE001
            return False
    if _image_extent(node):
        return True  # `x0 / image.shape[1]`: a coordinate inside the image, over its width
    if isinstance(node, (cst.Name, cst.Attribute)):
        # a name or attribute holding a max (`max_y = np.max(y)`, `self.max_log_y = max(...)`), or
        # an image's extent (`(h, w) = image.shape[:2]`, then `x0 / w`)
        parts = values.get(expr_key(node), []) if isinstance(node, cst.Attribute) else values.get(node.value, [])
        # (one node recorded twice when its function ran twice: once with each call's arguments)
        parts = list({id(p): p for p in parts}.values())
        if len(parts) <= 1 and named_statistic(node, _MAX_WORDS, (None, parts[0]) if parts else None):
            return True  # a max written down as a named constant: `Y_MAX = 560.0`, `cfg.PRICE_MAX`
        # (every value it is given a max: two classes of the file setting `self.max_log_y` alike)
        return 0 < len(parts) <= 4 and all(_maxish(p, values, depth + 1) for p in parts)
    return False


def _image_extent(node) -> bool:
    """`image.shape[1]`, `img.shape[:2]`: an array's extent along its first axes (a box corner or a
    pixel coordinate divided by it lies in [0, 1])."""
    return isinstance(node, cst.Subscript) and isinstance(node.value, cst.Attribute) \
        and node.value.attr.value == "shape" and len(node.slice) == 1


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


# Files a project's pipeline hands from one script to the next: how each kind is read (a call
# through one of these modules' `load`, or pandas' `read_pickle`) and written (as another module's
# text spells the call).
_ARTIFACT_READERS = {**dict.fromkeys(("pickle", "cPickle", "_pickle", "dill", "joblib"), "pickle"),
                     "np": "numpy", "numpy": "numpy"}
_ARTIFACT_WRITES = {"pickle": ("pickle.dump(", "cPickle.dump(", "dill.dump(", "joblib.dump(", ".to_pickle("),
                    "numpy": ("np.save(", "np.savez(", "np.savez_compressed(", "numpy.save(", "numpy.savez(")}


def targets_from_project_artifact(facts: KerasFacts, model) -> bool:
    """The targets `model` is fitted on are read from a pickle (`pickle.load(f)`, `joblib.load`,
    `pd.read_pickle`) or a numpy file (`np.load`) and another file of the project writes files of
    that kind (`pickle.dump`, `to_pickle`, `np.save`): they were prepared by the project's own
    pipeline, in a script whose output reaches this one only through a file — how it scaled them is
    not known here."""
    from regr_lint.knowledge.tables import TRAIN_METHODS

    ys = _target_nodes(model)
    yielded = [(t, found) for t in model.trainings if t.method in TRAIN_METHODS and t.y_node is None
               for found in [_generator_targets(facts, t)] if found is not None]
    if ys:
        kinds = _artifact_kinds(facts, ancestors(facts, set().union(*(names_in(y) for y in ys))))
    elif yielded and len(yielded) == len([t for t in model.trainings if t.method in TRAIN_METHODS]):
        # trained on generator functions whose yields are known: the files their targets come from
        kinds = {}
        for training, (other, targets) in yielded:
            upstream = ancestors(other, set().union(*(names_in(y) for y in targets)))
            _merge_kinds(kinds, _artifact_kinds(other, upstream))
            if other is not facts:
                # another module's generator cutting its targets from a parameter: the files what this
                # file passes there is read from (`window_generator(np.load("flows.npy"), 32)`)
                passed = _passed_for(facts, training, other, upstream)
                if passed:
                    _merge_kinds(kinds, _artifact_kinds(facts, ancestors(facts, passed)))
    elif not _has_targets(model):
        # trained on a generator, a `Sequence`, a dataset: what it yields comes from the files this
        # module or the one making it reads (`self.labels = pickle.load(...)` in a Sequence's __init__)
        kinds = _artifact_kinds(facts)
        for other in _source_modules(facts, model):
            _merge_kinds(kinds, _artifact_kinds(other))
    else:
        return False
    return bool(kinds) and any(_project_writes(facts.path, kind, stems) for kind, stems in kinds.items())


def _merge_kinds(into: dict, more: dict) -> None:
    for kind, stems in more.items():
        into[kind] = None if stems is None or into.get(kind, set()) is None else into.get(kind, set()) | stems


def _artifact_kinds(facts: KerasFacts, upstream: Optional[set] = None) -> dict:
    """{kind of file ("pickle", "numpy"): the stems of the file names read (`np.load("y_train.npy")`:
    "y_train"), None when a name is not a literal} for the files the values assigned to `upstream`
    names (every assignment of the file when None) are read from."""
    kinds: dict = {}
    for targets, value in facts.assignments:
        if not isinstance(value, cst.BaseExpression) or upstream is not None and not any(
                isinstance(t, cst.Name) and t.value in upstream or isinstance(t, (cst.Tuple, cst.List))
                and names_in(t) & upstream for t in targets):
            continue
        for call in _calls_in(value):
            func = call.func
            if not isinstance(func, cst.Attribute):
                continue
            if func.attr.value == "read_pickle":
                kind = "pickle"
            elif func.attr.value in ("load", "loads") and isinstance(func.value, cst.Name) \
                    and func.value.value in _ARTIFACT_READERS:
                kind = _ARTIFACT_READERS[func.value.value]
            else:
                continue
            _merge_kinds(kinds, {kind: _read_stem(call)})
    return kinds


def _read_stem(call: cst.Call) -> Optional[set]:
    """{the stem of the file name} a loading call reads (`np.load("data/y.npy")`, `pickle.load(open(
    "y.pkl", "rb"))`); None when it is not a literal."""
    arg = call.args[0].value if call.args and not call.args[0].star else None
    if isinstance(arg, cst.Call) and isinstance(arg.func, cst.Name) and arg.func.value == "open" and arg.args:
        arg = arg.args[0].value
    if not isinstance(arg, cst.SimpleString):
        return None
    try:
        name = arg.evaluated_value
    except Exception:  # noqa: BLE001 - odd escapes
        return None
    if not isinstance(name, str):
        return None
    stem = os.path.splitext(os.path.basename(name.replace("\\", "/")))[0]
    return {stem} if stem else None


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


def _project_writes(path: str, kind: str, stems: Optional[set] = None) -> bool:
    """Whether a Python file of `path`'s project other than `path` writes files of `kind` — with
    `stems` (the names of the files read, known), one whose text names one of them (`np.save(
    "y_train", y)`, `out = "y_train.npy"`): scripts writing other files prepared other data."""
    from regr_lint.project.link import project_files_calling, project_text, without_comment_lines

    here = os.path.abspath(path) if path else ""
    others = project_files_calling(path, _ARTIFACT_WRITES[kind]) - {here} if path else frozenset()
    if others and stems is not None:
        others = frozenset(o for o in others if _may_write(without_comment_lines(project_text(o) or ""), kind, stems))
    if others:
        # a cached result of `path` holds while these still write such files (see modules_read_beside)
        _ARTIFACTS_READ.setdefault(here, set()).update(others)
        if len(_ARTIFACTS_READ) > 4096:
            _ARTIFACTS_READ.pop(next(iter(_ARTIFACTS_READ)))
    return bool(others)


# Where a writer names its file: numpy's savers and `.to_pickle` take it first; pickle's and
# joblib's dump take a handle (or a name) second, the handle from an `open(...)`.
_NAMED_FIRST = {"numpy": ("np.save(", "np.savez(", "np.savez_compressed(", "numpy.save(", "numpy.savez("),
                "pickle": (".to_pickle(", "open(")}


def _may_write(text: str, kind: str, stems: set) -> bool:
    """Whether a script's text may write one of the files `stems` names: a string literal holds the
    name as a word (`"y_train.npy"`, `'data/y_train'`), or a file it writes is named by an
    expression (`np.save(f"{name}.npy", a)`, `open(path, "wb")`)."""
    for stem in stems:
        if re.search(r"[\"'][^\"'\n]*(?<!\w)" + re.escape(stem) + r"(?!\w)[^\"'\n]*[\"']", text):
            return True
    return any(m.group(1) not in "\"'" for call in _NAMED_FIRST[kind]
               for m in re.finditer(re.escape(call) + r"\s*(\S)", text))


_ARTIFACTS_READ: dict = {}  # linted file -> the project files whose writing of pickles / arrays exempted it


def targets_unit_scaled(facts: KerasFacts, model) -> bool:
    """True when the targets `model` is trained on are scaled into [0, 1] in this file (a
    MinMaxScaler with the default range, or a divide by their max), directly or upstream — or in the
    project module whose function returns them."""
    if _mapped_unit_scaled(facts, model) or _elsewhere_shows(facts, model, targets_unit_scaled, foreign=True):
        return True
    ys = _target_nodes(model)
    scaled = unit_scaled_names(facts)
    for passed in map(lambda t: passed_targets(facts, t), model.trainings):
        upstream = ancestors(facts, passed) if passed else set()
        if upstream and (upstream & scaled or _in_project_module(facts, upstream, _unit_scaled_deep(0))):
            return True  # another module's function cut them from a series this file (or its data module) scaled
    if ys and _parameter_targets(facts, model) and (
            _importers_show(facts, model, targets_unit_scaled)
            or model.home is not None and _importers_show(facts, model, targets_unit_scaled, callers=True)):
        # fitted on a function's parameters (`def train(self, x, y): self.model.fit(x, y)`): the
        # targets are what the scripts beside it pass — beside the builder's module, or beside this
        # one when the model comes from another module's builder
        return True
    if not ys and not _has_targets(model):
        # Trained elsewhere, or on a generator: any [0, 1] scaling in the file might be of the
        # targets (also the targets a generator yields, `yield x, boxes[i:j] / boxes.max()`); stay
        # silent — and in the project module that makes the generator or `Sequence` it is trained
        # on. So do the modules beside it that build this model and fit it, when each fit's
        # targets are.
        return bool(scaled or facts.scaling_calls) and not _only_inputs_scaled(facts, model, scaled) \
            or _yields_unit_scaled(facts) \
            or any(_scales_anything(other) for other in _source_modules(facts, model)) \
            or _importers_show(facts, model, targets_unit_scaled) \
            or _declared_by_importers(facts, model, "unit_target_nodes") \
            or any(_yields_over_passed_max(facts, t) for t in model.trainings) \
            or any(not standardised and _y_unit_scaled(y, other, _records(other), unit_scaled_names(other))
                   for other, y, _, standardised in wrapper_targets(facts, model))
    records = _records(facts)
    return any(_y_unit_scaled(y, facts, records, scaled) for y in ys)


def _only_inputs_scaled(facts: KerasFacts, model, scaled: set) -> bool:
    """Every training of `model` runs a generator or `Sequence` of this file whose batches are
    written out (`yield imgs, counts[i]`, `return imgs, np.asarray(self.counts[s])`), and the file's
    only [0, 1] scaling is of their inputs (`imgs = np.stack(...) / 255.0`): the targets are not
    what it scaled. (A scaler's call leaves it open: which values it was fitted on is not read here.)"""
    from regr_lint.knowledge.tables import TRAIN_METHODS

    trainings = [t for t in model.trainings if t.method in TRAIN_METHODS]
    if not scaled or not trainings:
        return False
    batches = _batch_tuples(facts)
    chosen = []
    for training in trainings:
        found = _generator_targets(facts, training, classes=True)
        if found is None or found[0] is not facts:
            return False
        for target in found[1]:
            pair = next((b for b in batches if b.elements[1].value is target), None)
            if pair is None:
                return False
            chosen.append(pair)
    return _inputs_scaled_only(facts, scaled, chosen)


def _batch_tuples(facts: KerasFacts) -> list:
    """The (inputs, targets, …) tuples the file's generators yield and its `__getitem__`s return."""
    values = name_values(facts)
    return [v for v in [y.value for y in facts.yields] + list(values.get("__getitem__", ()))
            if isinstance(v, cst.Tuple) and len(v.elements) >= 2]


def _inputs_scaled_only(facts: KerasFacts, scaled: set, batches: list) -> bool:
    """The names `scaled` (what the file scales into [0, 1]) all feed the inputs of `batches`, and
    none feeds their targets, which are read without arithmetic (`ages[i] / 100.0` is some scaling
    of their own, judged as before)."""
    if not batches or facts.scaling_calls:
        return False
    values = name_values(facts)
    inputs: set = set()
    for pair in batches:
        target = pair.elements[1].value
        upstream = ancestors(facts, names_in(target))
        if _arithmetic_in(target) or upstream & scaled \
                or any(_arithmetic_in(v) or _empty_container(v) for name in upstream for v in values.get(name, ())):
            # (`y = self.ages[s] / self.max_age`: arithmetic on the way; `ys = []` then
            # `ys.append(pts / w)`: what was appended is not read here)
            return False
        inputs |= ancestors(facts, names_in(pair.elements[0].value))
    return scaled <= inputs


def _empty_container(node) -> bool:
    """`[]`, `()`, `{}`, `list()`, `dict()`: a value filled later, by `append` and the like."""
    if type(node) in (cst.List, cst.Tuple, cst.Dict, cst.Set):
        return not node.elements
    return type(node) is cst.Call and not node.args and type(node.func) is cst.Name \
        and node.func.value in ("list", "dict", "tuple", "set")


def _arithmetic_in(node) -> bool:
    stack = [node]
    while stack:
        cur = stack.pop()
        if type(cur) is cst.BinaryOperation:
            return True
        stack.extend(cur.children)
    return False


def _y_unit_scaled(y, facts: KerasFacts, records: dict, scaled: set) -> bool:
    """Targets node `y` (what a training of this file is fitted on) is scaled into [0, 1]."""
    parts = attribute_parts(y, len(facts.assignments), facts, records) if isinstance(y, cst.Attribute) else None
    if parts is not None:
        # `data.Y_TRAIN` of `import data`, `split.y` of a record a function returns: read where
        # it is made (that field's argument, not every name the function returns: `Split(x, y)`
        # with uniform features `x` says nothing about `y`)
        return all(_unit_scaled_item(parts[0], item) for _, item in parts[2])
    read = _target_column(y, records, len(facts.assignments))
    origins = column_origins(read[0], read[1], read[2], facts, records) if read is not None else None
    if origins and origins[0][0] is facts and origins[0][2][0] == "given" and is_unit_scaling(origins[0][2][2], facts, name_values(facts)):
        return True  # `df = df.assign(t=lambda d: d.dur / d.dur.max())`, then `df["t"]`
    if origins and all(other is not facts for other, _, _ in origins):
        # `df = load(path)` (or `from data import DF`): the column read where the frame is made
        if all(_unit_scaled_item(other, origin[2]) for other, _, origin in origins):
            return True  # `df["t"] = df["t"] / df["t"].max()` there
        if all(origin[0] in ("write", "given") or origin[0] == "frame" and isinstance(origin[2], cst.Call)
               and _call_name(origin[2]) in _RAW_FRAME_READERS for _, _, origin in origins):
            return False  # written otherwise, or read raw: the module's scaling of other columns says nothing
    upstream = ancestors(facts, names_in(y))
    if is_unit_scaling(y, facts, name_values(facts)) or upstream & scaled - _other_column(y, facts, records) \
            or _in_project_module(facts, upstream, _unit_scaled_deep(0)):
        return True
    held = _instance_attribute(y, len(facts.assignments), facts, records)
    return held is not None and all(_unit_scaled_item(held[0], value) for value in held[1])


def _other_column(y, facts: KerasFacts, records: dict) -> set:
    """{frame} when targets `y` are a column of `frame` read by name (`df["age"].values`, also through
    a name bound to it) and the only scaling of that frame the file does is of other columns by name
    (`df["height"] = df["height"] / max_h`): those writes say nothing about the targets."""
    by_frame = facts._cache.get("dataflow_columns_scaled")
    if not by_frame:
        return set()
    read = _target_column(y, records, len(facts.assignments))
    return {read[0]} if read is not None and read[0] in by_frame and read[1] not in by_frame[read[0]] else set()


def _target_column(y, records: dict, at: int) -> Optional[tuple]:
    """(frame, column, the index it is read at) when targets `y` are a column of a frame read by name
    (`df["age"].values`, also through names bound to it); None otherwise."""
    node = y
    for _ in range(6):
        while isinstance(node, cst.Attribute) and node.attr.value in ("values", "T") \
                or isinstance(node, cst.Call) and isinstance(node.func, cst.Attribute) \
                and node.func.attr.value in ("to_numpy", "astype", "reshape", "copy", "ravel", "flatten"):
            node = node.value if isinstance(node, cst.Attribute) else node.func.value
        if isinstance(node, cst.Name):
            found = last_assigned(records, node.value, at)
            if found is None:
                return None
            at, node = found
            continue
        break
    if isinstance(node, cst.Call):
        column = _popped_column(node)  # `df.pop("weight")`
        return (node.func.value.value, column, at) if column is not None else None
    read = read_column(node)  # `df["ret"]`, `D.FRAME["ret"]`
    return (*read, at) if read is not None else None


def _instance_attribute(y, at: int, facts: KerasFacts, records: dict):
    """`ds.y` where `ds = Dataset(...)` is the one binding of `ds` before `at` and `Dataset` a class of
    this file or of a project module: (the facts of its module, every value its methods assign to
    `self.y`); None when unknown or never assigned. The arrays a data class holds are what its
    `__init__` made of them (`self.y = scaler.fit_transform(arr[:, -1:])`)."""
    found = _instance_class(y, at, facts, records)
    if found is None:
        return None
    cdef, other, attr = found

    def mine(t) -> bool:
        return isinstance(t, cst.Attribute) and t.attr.value == attr and isinstance(t.value, cst.Name) \
            and t.value.value == "self"

    values = []
    for method in (s for s in cdef.body.body if isinstance(s, cst.FunctionDef)):
        top = {id(line) for line in method.body.body} if isinstance(method.body, cst.IndentedBlock) else set()
        writes = []  # (written at the method's top level, the value)
        for stmt in statements(method.body):  # its statements, never an expression
            if isinstance(stmt, cst.SimpleStatementLine):
                for small in stmt.body:
                    if isinstance(small, cst.Assign) and any(mine(t.target) for t in small.targets) \
                            or isinstance(small, cst.AnnAssign) and small.value is not None and mine(small.target):
                        writes.append((id(stmt) in top, small.value))
                    elif isinstance(small, cst.AugAssign) and mine(small.target):
                        writes.append((id(stmt) in top, _augmented_value(small, other)))
        if writes and all(at_top for at_top, _ in writes):
            # one after another in the method (`self.y = raw`, then `self.y -= self.y.mean()`):
            # the last one is what it holds
            values.append(writes[-1][1])
        else:
            values.extend(value for _, value in writes if value is not None)
    # `self.y = None` in `__init__`, set for real by `load()`: the placeholder holds no targets
    real = [v for v in values if v is not None and not (isinstance(v, cst.Name) and v.value == "None")]
    return (other, real) if real else None


_AUGMENTED = {"AddAssign": "Add", "SubtractAssign": "Subtract", "MultiplyAssign": "Multiply",
              "DivideAssign": "Divide"}


def _augmented_value(node: "cst.AugAssign", facts: KerasFacts):
    """`self.y -= self.y.mean()` read as the value it leaves, `self.y - self.y.mean()` (a node made
    once and kept with the facts: analyses key what they learn by node ids); None for another
    operator."""
    made = facts._cache.setdefault("augmented_values", {})
    if id(node) not in made:
        op = _AUGMENTED.get(type(node.operator).__name__)
        made[id(node)] = (node, None if op is None else
                          cst.BinaryOperation(left=node.target, operator=getattr(cst, op)(), right=node.value))
    return made[id(node)][1]


def _instance_class(y, at: int, facts: KerasFacts, records: dict):
    """(the class's ClassDef, the facts of its module, the attribute) for `ds.y` where `ds =
    Dataset(...)` is the one binding of `ds` before `at` and `Dataset` a class of this file or of a
    project module; None otherwise."""
    while isinstance(y, cst.Subscript):
        y = y.value
    if not isinstance(y, cst.Attribute) or not isinstance(y.value, cst.Name):
        return None
    bound = [r for r in records.get(y.value.value, ()) if r[0] < at]
    if len(bound) != 1 or bound[0][1] != "assign" or not isinstance(bound[0][2], cst.Call):
        return None
    made, chained = bound[0][2], None
    if isinstance(made.func, cst.Attribute) and isinstance(made.func.value, cst.Call):
        # `ds = Dataset().load(path)` where `load` sets `self.y` and returns `self`
        made, chained = made.func.value, made.func.attr.value
    if not isinstance(made.func, cst.Name):
        return None
    cls, other = made.func.value, facts
    cdef = _class_def(facts.module, cls)
    if cdef is None:
        found = facts._cache.get("project_classes", {}).get(cls)
        if found is None or found[0] == facts.path:
            return None
        from regr_lint.model.trees import project_module

        cdef, other = _class_def(project_module(found[0]), found[1]), _module_facts(found[0])
    if cdef is None or other is None or not isinstance(cdef.body, cst.IndentedBlock):
        return None
    if chained is not None and not _returns_self(_method_in(cdef, chained)):
        return None
    return cdef, other, y.attr.value


def _returns_self(fdef) -> bool:
    """Every `return` of method `fdef` (there is one at least) gives `self` back."""
    if fdef is None:
        return False
    found, stack = [], [fdef.body]
    while stack:
        node = stack.pop()
        if isinstance(node, cst.Return):
            found.append(node)
        elif not isinstance(node, (cst.FunctionDef, cst.Lambda, cst.ClassDef)):
            stack.extend(node.children)
    return bool(found) and all(isinstance(r.value, cst.Name) and r.value.value == "self" for r in found)


def instance_attribute_unpacked(y, at: int, facts: KerasFacts, records: dict):
    """`ds.y` where the data class's constructor sets it by unpacking a call (`self.y, self.stats =
    normalize(raw[:, -1])`): (the facts of the class's module, the record (index, "unpack", (call, k,
    n, inner))); None otherwise (see `_own_attribute_value`)."""
    found = _instance_class(y, at, facts, records)
    if found is None:
        return None
    _, other, attr = found
    record = _self_attribute_record(f"self.{attr}", other, _records(other))
    return (other, record) if record is not None and record[1] == "unpack" else None


def _class_def(module, name: str):
    """The top-level `class name` of `module`, or None."""
    for stmt in module.body if module is not None else ():
        if isinstance(stmt, cst.ClassDef) and stmt.name.value == name:
            return stmt
    return None


def _mapped_unit_scaled(facts: KerasFacts, model) -> bool:
    """A training of `model` on a dataset whose `.map()` function returns its targets scaled into
    [0, 1] (`return img, box / tf.reduce_max(box)`), in this file or in the project module that
    builds the dataset."""
    from regr_lint.knowledge.tables import TRAIN_METHODS

    if not any(t.method in TRAIN_METHODS and t.mapped for t in model.trainings):
        return False
    for t in model.trainings:
        if t.method not in TRAIN_METHODS or not t.mapped:
            continue
        # what the names of the module that maps hold (`max_price = df["price"].max()` beside
        # `ds.map(lambda x, y: (x, y / max_price))`)
        home = _mapping_module(facts, t)
        if home is not None:
            values = name_values(home)
            if all(is_unit_scaling(y, home, values) for y in t.mapped):
                return True
    return False


def _mapping_module(facts: KerasFacts, training) -> Optional[KerasFacts]:
    """The facts of the module whose code made the dataset a training maps: this file's, or the
    data module's whose function built it — or the module of the `.map()` function itself when it is
    another (`ds.map(standardize)` with standardize imported); None when that module cannot be read."""
    if training.mapped_origin is not None:
        return _module_facts(training.mapped_origin)
    return facts if training.origin is None or training.origin == facts.path else _module_facts(training.origin)


def _yields_unit_scaled(facts: KerasFacts) -> bool:
    """A generator of the file yields (x, y) pairs whose y is scaled into [0, 1] where it is yielded
    (`yield x, y / y.max()`), or a `Sequence`'s `__getitem__` returns them so (`return
    self.images[s] / 255.0, self.boxes[s] / self.box_max`)."""
    values = name_values(facts)
    return any(is_unit_scaling(batch.elements[1].value, facts, values) for batch in _batch_tuples(facts))


def _target_nodes(model):
    """The targets of `model`'s trainings that are nodes of this file."""
    from regr_lint.knowledge.tables import TRAIN_METHODS

    return [t.y_node for t in model.trainings if t.method in TRAIN_METHODS and t.y_node is not None
            and t.origin is None]


def _has_targets(model) -> bool:
    """Some training of `model` names its targets, here or in the module that made its dataset."""
    from regr_lint.knowledge.tables import TRAIN_METHODS

    return any(t.method in TRAIN_METHODS and t.y_node is not None for t in model.trainings)


class _Part:
    """`model` as the project module its dataset comes from sees it: only the trainings on that
    module's data, read with that module's assignments (at their end: the dataset is made there)."""

    def __init__(self, model, trainings: list):
        self._model = model
        self.trainings = trainings

    def __getattr__(self, name: str):
        return getattr(self._model, name)


def _elsewhere_shows(facts: KerasFacts, model, question, foreign: bool = False) -> bool:
    """`question(module facts, model)` holds in a project module that made a dataset `model` is
    trained on (`ds = tf.data.Dataset.from_tensor_slices((images, boxes))` in data.py, fitted here):
    its targets are that module's names, so its evidence answers for them. `foreign` (the questions
    that exempt): also for a model trained only by another module's code this file runs
    (`monk.train()`, whose method fits on its own `self.y_train`), in that module."""
    from regr_lint.knowledge.tables import TRAIN_METHODS

    groups: dict[str, list] = {}
    extra = model.foreign_trainings if foreign and not any(t.method in TRAIN_METHODS for t in model.trainings) else []
    for t in [*model.trainings, *extra]:
        if t.method in TRAIN_METHODS and t.origin is not None and t.y_node is not None:
            groups.setdefault(t.origin, []).append(dataclasses.replace(t, origin=None, at=-1))
    project = facts._cache.get("project") if foreign else None
    for origin, trainings in groups.items():
        other = _module_facts(origin)
        if other is not None and question(other, _Part(model, trainings)):
            return True
        # read with its own imports followed, as when it is linted: its evidence may lie in another
        # module (labels a method it inherits from a base class there returns: sktime-dl's
        # `self.convert_y(y)`); asked only when the cheaper reading finds none, and only for the
        # questions that exempt, which more evidence can only silence
        other = _module_facts(origin, project) if project is not None else None
        if other is not None and question(other, _Part(model, trainings)):
            return True
    return False


def _source_modules(facts: KerasFacts, model) -> list:
    """The facts of the project modules that make what `model` is trained on when it names no
    targets: the class of a `Sequence` instance, the function a generator comes from."""
    from regr_lint.model.values import Instance
    from regr_lint.knowledge.tables import TRAIN_METHODS

    paths = []
    functions = facts._cache.get("project_functions", {})
    for t in model.trainings:
        if t.method not in TRAIN_METHODS or t.y_node is not None:
            continue
        if isinstance(t.x, Instance):
            origin = getattr(t.x.cls.scope, "origin", None)
            if origin:
                paths.append(origin)
        node = t.x_node
        if isinstance(node, cst.Name):
            # `gen = batches(x, y)` first, then `fit(gen, ...)`: the call that made it
            at = t.at if t.at >= 0 else len(facts.assignments)
            found = last_assigned(_records(facts), node.value, at)
            node = found[1] if found else None
        if isinstance(node, cst.Call):
            node = _from_generator(node)  # `fit(make_ds().repeat())`: the function making it
        if isinstance(node, cst.Call) and isinstance(node.func, cst.Name) and node.func.value in functions:
            paths.append(functions[node.func.value][0])
    return [other for other in map(_module_facts, dict.fromkeys(paths)) if other is not None]


def passed_targets(facts: KerasFacts, training) -> set[str]:
    """The names of this file a training's targets are cut from when another module's function made
    its dataset from its parameters (`make_windows(series, 24)` in train.py, whose
    `timeseries_dataset_from_array(..., targets=series[n:])` is in windows.py): the arguments this
    file passes to the parameters the targets name; empty when not known."""
    from regr_lint.knowledge.tables import TRAIN_METHODS

    if training.method not in TRAIN_METHODS or training.origin is None or training.y_node is None \
            or training.origin == facts.path or not training.node.args:
        return set()
    # fit(make_windows(series, 24)), or a name bound to that call (x_node is the dataset's own, there)
    made = _making_call(facts, training, training.node.args[0].value)
    if made is None:
        return set()
    other = _module_facts(training.origin)
    return _passed_for(facts, training, other, names_in(training.y_node), call=made) if other is not None else set()


def _yields_over_passed_max(facts: KerasFacts, training) -> bool:
    """The training runs on a generator of a project module that yields its targets divided by one
    of its parameters (`yield x[i], y[i] / y_max`), and this file passes that parameter a max
    (`batches(x, y, y.max())`, `top = y.max()` first)."""
    call = _generator_call(facts, training)
    found = project_function(facts, call) if call is not None else None
    fdef = _top_function(found[0].path, found[1]) if found is not None else None
    given = _batch_targets(found[0], fdef, cst.Yield) if fdef is not None and not any(a.star for a in call.args) \
        else None
    if not given:
        return False
    params = {p.name.value for p in (*fdef.params.posonly_params, *fdef.params.params)}
    values = name_values(facts)
    for target in given[1]:
        if not (isinstance(target, cst.BinaryOperation) and isinstance(target.operator, cst.Divide)
                and isinstance(target.right, cst.Name) and target.right.value in params):
            return False
        arg = _argument_for(call, fdef, target.right.value, False)
        if arg is None or not _maxish(arg, values, 0):
            return False
    return True


def _scales_anything(other: KerasFacts) -> bool:
    """The project module making a model's batches scales something into [0, 1] — not only the
    inputs of the batches it writes out (`imgs / 255.0` beside raw counts)."""
    scaled = unit_scaled_names(other)
    return bool(scaled or other.scaling_calls) and not _inputs_scaled_only(other, scaled, _batch_tuples(other)) \
        or _yields_unit_scaled(other)


def _importers_show(facts: KerasFacts, model, holds, callers: bool = False) -> bool:
    """The scripts beside `model`'s module that fit it (`fitted_by_importers`) exist, and in each of
    them `holds(their facts, their model)`. `callers`: the scripts beside this file instead, which
    call the method of it that fits the model on its parameters (`Compressor().train(x, x_val)`
    running `self.net.fit(x, x)`) — read one hop away from the linted file too, never further."""
    if not callers:
        fitted = fitted_by_importers(facts, model)
        return bool(fitted) and all(holds(other, theirs) for other, theirs in fitted)
    if _CALLERS[0]:
        return False
    _CALLERS[0] = True
    try:
        fitted = fitted_by_importers(facts, model, callers=True)
        return bool(fitted) and all(holds(other, theirs) for other, theirs in fitted)
    finally:
        _CALLERS[0] = False


_CALLERS = [False]  # set while the callers of a method that fits on its parameters are read


def _parameter_targets(facts: KerasFacts, model) -> bool:
    """Every training of `model` takes its targets as a bare parameter of the function it is in, never
    bound in this file (a wrapper method's `fit(x, y)`): what they are is known only where that
    function is called from."""
    from regr_lint.knowledge.tables import TRAIN_METHODS

    records = _records(facts)
    trainings = [t for t in model.trainings if t.method in TRAIN_METHODS and t.y_node is not None]
    for t in trainings:
        if t.origin is not None or not isinstance(t.y_node, cst.Name) or records.get(t.y_node.value):
            return False
        steps = _steps_in_functions(facts.module, t.node)
        if steps is None:
            return False
        functions = [n for n in _nodes_along(facts.module, steps) if isinstance(n, cst.FunctionDef)]
        params = functions[-1].params if functions else None
        if params is None or t.y_node.value not in {
                p.name.value for p in (*params.posonly_params, *params.params, *params.kwonly_params)}:
            return False
    return bool(trainings)


def targets_one_hot(facts: KerasFacts, model) -> bool:
    """True when the targets `model` is trained on are one-hot class indicators."""
    if _elsewhere_shows(facts, model, targets_one_hot, foreign=True):
        return True
    onehot = _graph(facts)[2]
    for y in _target_nodes(model):
        upstream = ancestors(facts, names_in(y))
        if _calls_any(y, _ONE_HOT) or upstream & onehot or _in_project_module(facts, upstream, _one_hot_item):
            return True
    return False


def targets_sum_to_one(facts: KerasFacts, model) -> bool:
    """True when the targets `model` is trained on are normalised per row to sum to 1 (counts or
    weights divided by their own sum: a histogram per sample, what a softmax head outputs), in this
    file or in the project module whose function returns them."""
    if _elsewhere_shows(facts, model, targets_sum_to_one, foreign=True):
        return True
    if not _has_targets(model):  # fitted in the modules that import its builder: read there
        return _importers_show(facts, model, targets_sum_to_one)
    normalised = _graph(facts)[3]
    for y in _target_nodes(model):
        upstream = ancestors(facts, names_in(y))
        if _normalising(y) or upstream & normalised or _in_project_module(facts, upstream, _normalised_item):
            return True
    return False


def _normalised_item(other: KerasFacts, item) -> bool:
    return _normalising(item) or bool(ancestors(other, names_in(item)) & _graph(other)[3])


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
_PEEL_METHODS = frozenset({"astype", "reshape", "squeeze", "flatten", "ravel", "to_numpy", "copy", "transpose",
                           "toarray", "todense"})  # (the last two: a sparse matrix made dense, values kept)
_PEEL_FUNCS = frozenset({"array", "asarray", "float32", "float64", "squeeze", "expand_dims", "reshape", "DataFrame",
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
    data or numpy draws with magnitudes beyond 1, directly or through the names they are cut from;
    for a model compiled here and trained nowhere in the file, in a script beside it that fits it."""
    from regr_lint.knowledge.tables import TRAIN_METHODS

    if not any(t.method in TRAIN_METHODS for t in model.trainings):
        for other, y, at, standardised in wrapper_targets(facts, model):
            # fitted through a scikit-learn wrapper: the targets the wrapper is given
            if standardised:
                return True
            try:
                span = _span(y, at, other, _records(other), 0)
            except (ArithmeticError, ValueError):
                span = None
            if span is not None and span.wide:
                return True
        return any(targets_leave_pm1(other, theirs) for other, theirs in fitted_by_importers(facts, model))
    if _elsewhere_shows(facts, model, targets_leave_pm1):
        return True
    records = _records(facts)
    for t in model.trainings:
        if t.method in TRAIN_METHODS and t.y_node is None and t.origin is None and _generator_yields_wide(facts, t):
            return True
        if t.method in TRAIN_METHODS and t.origin is not None and t.made_by is not None and t.y_node is not None:
            # a dataset another module's function makes of what this file passes it: the argument
            at = t.at if t.at >= 0 else len(facts.assignments)
            try:
                spans = [_span(a, at, facts, records, 0) for a in parameter_sources(t.made_by, t.y_node, facts, records)]
            except (ArithmeticError, ValueError):
                spans = []
            if spans and all(p is not None and p.wide for p in spans):
                return True
        if t.method in TRAIN_METHODS and t.mapped:
            # a tf.data pipeline's `.map()` standardising them (`lambda x, y: (x, (y - mu) / sd)`),
            # read where the pipeline is made
            home = _mapping_module(facts, t)
            if home is not None:
                theirs, there = _records(home), t.at if home is facts and t.at >= 0 else len(home.assignments)
                try:
                    spans = [_span(y, there, home, theirs, 0) for y in t.mapped]
                except (ArithmeticError, ValueError):
                    spans = []
                if spans and all(p is not None and p.wide for p in spans):
                    return True
        if t.method not in TRAIN_METHODS or t.y_node is None or t.origin is not None:
            continue
        at = t.at if t.at >= 0 else len(facts.assignments)
        try:
            span = _span(t.y_node, at, facts, records, 0)
        except (ArithmeticError, ValueError):  # literals too large for a float: no answer
            continue
        if span is not None and span.wide:
            return True
        if span is None and _in_project_module(facts, ancestors(facts, names_in(t.y_node)), _wide_item, passed=False):
            return True  # `x, y = dm.train_data()`, returning targets data.py standardised
        if span is None and _held_wide(t.y_node, at, facts, records):
            return True  # `ds.y` of a data class whose methods standardise `self.y`
    return False


def _held_wide(y, at: int, facts: KerasFacts, records: dict) -> bool:
    """`ds.y` (also `ds.y.values`) of a data class (this file's or a project module's) whose methods
    set `self.y` to values beyond [-1, 1] — each value they assign, or the item of the call a
    constructor unpacks into it — read where the class is."""
    while isinstance(y, cst.Attribute) and y.attr.value in ("values", "T"):
        y = y.value
    try:
        held = _instance_attribute(y, at, facts, records)
        if held is not None:
            other, theirs = held[0], _records(held[0])
            spans = [_span(value, len(other.assignments), other, theirs, 1) for value in held[1]]
            return bool(spans) and all(p is not None and p.wide for p in spans)
        unpacked = instance_attribute_unpacked(y, at, facts, records)
        if unpacked is not None:
            other, (i, _, value) = unpacked
            span = _unpack_span(*value, i, other, _records(other), 1)
            return span is not None and span.wide
    except (ArithmeticError, ValueError):
        return False
    return False


def _wide_item(other: KerasFacts, item) -> bool:
    """`item`, what a project module's function returns, has values beyond [-1, 1] there."""
    try:
        span = _span(item, len(other.assignments), other, _records(other), 0)
    except (ArithmeticError, ValueError):
        return False
    return span is not None and span.wide


def _generator_yields_wide(facts: KerasFacts, training) -> bool:
    """`fit(batches(x, y))` where every `yield` of the generator function `batches` (of this file or
    a project module) gives targets whose values leave [-1, 1] (`yield x[i], (y[i] - mu) / sd`); or
    every return of a `Sequence`'s `__getitem__` does (`return self.x[s], self.y[s]`, `self.y`
    standardised in its constructor)."""
    found = _generator_targets(facts, training, classes=True)
    if found is None:
        return False
    other, targets = found
    records = _records(other)
    for target in targets:
        try:
            span = _span(target, len(other.assignments), other, records, 0)
        except (ArithmeticError, ValueError):
            return False
        if span is None or not span.wide:
            return other is not facts and _yields_passed_wide(facts, training, targets)
    return True


def _yields_passed_wide(facts: KerasFacts, training, targets: list) -> bool:
    """Another module's generator yields targets cut from what this file passes it (`yield xs,
    np.array([series[i + T] for i in idx])` of `gen(load_z, 48)`), and those arguments have values
    beyond [-1, 1] here."""
    call = _generator_call(facts, training)
    if call is None:
        return False
    records = _records(facts)
    at = training.at if training.at >= 0 else len(facts.assignments)
    sources = [parameter_sources(call, y, facts, records) for y in targets]
    try:
        spans = [_span(a, at, facts, records, 0) for args in sources for a in args]
    except (ArithmeticError, ValueError):
        return False
    return all(sources) and all(p is not None and p.wide for p in spans)


def _generator_targets(facts: KerasFacts, training, classes: bool = False):
    """(the facts of its module, the targets each `yield` gives) of the generator function a training
    runs (`fit(batches(x, y))`, or `gen = batches(x, y)` first), of this file or a project module;
    None when unknown or a `yield` is not an (inputs, targets, …) tuple. With `classes`, else the
    targets each `return` of a `Sequence`'s `__getitem__` / an iterator's `__next__` gives (see
    `_batch_method`). Once per training (the rules asking about labels, spans and artifacts share it)."""
    known = facts._cache.setdefault("generator_targets", {})
    key = (id(training.node), classes)
    if key not in known:
        whole = training if training.output is None else dataclasses.replace(training, output=None)
        found = _generator_targets(facts, whole) if classes else None
        known[key] = found if found is not None else _find_generator_targets(facts, training, classes)
    found = known[key]
    if found is None or training.output is None:
        return found
    # one output's item of each batch's targets (`return x, {"sex_out": s, "age_out": a}`); all of
    # them when one cannot be cut so
    cut = [_output_targets(target, *training.output) for target in found[1]]
    return (found[0], cut) if all(c is not None for c in cut) else found


def _generator_call(facts: KerasFacts, training) -> Optional[cst.Call]:
    """The call of a function by name that makes what a training runs on (`fit(batches(x, y))`, or
    `gen = batches(x, y)` first), else None."""
    node = _making_call(facts, training, training.x_node)
    node = _from_generator(node) if node is not None else None
    return node if node is not None and isinstance(node.func, cst.Name) else None


_DATASET_PASSES = frozenset({"batch", "shuffle", "prefetch", "repeat", "cache", "take", "skip", "padded_batch"})


_DIRECTORY_ITERATORS = {"flow_from_directory": ("class_mode", "categorical"),
                        "flow_from_dataframe": ("class_mode", "categorical"),
                        "image_dataset_from_directory": ("label_mode", "int")}


def returns_directory(node, facts, index: Optional[int] = None, size: int = 0) -> bool:
    """`train = datasets()` of a data module whose every return is a directory iterator with labels
    (`return image_dataset_from_directory(root, label_mode="categorical")`); with `index`, the part
    of each return a tuple unpacking takes (`train, val, names = datasets()`)."""
    if not isinstance(node, cst.Call):
        return False
    found = _returns(node, len(facts.assignments), facts, _records(facts))
    if found is None or not found[2]:
        return False
    records = found[1]

    def made(i, value):
        if index is not None:
            if type(value) not in (cst.Tuple, cst.List) or len(value.elements) != size:
                return None
            value = value.elements[index].value
        # `ds = image_dataset_from_directory(...)`, `ds = ds.prefetch(2)`, then `return ds`
        for _ in range(8):
            if isinstance(value, cst.Call) and isinstance(value.func, cst.Attribute) \
                    and value.func.attr.value in _DATASET_PASSES:  # they hand the (image, label) pairs on
                value = value.func.value
            elif isinstance(value, cst.Name):
                bound = last_assigned(records, value.value, i)
                if bound is None:
                    return value
                i, value = bound
            else:
                return value
        return value
    return all(directory_labels(made(i, value)) for i, value in found[2])


def directory_labels(node) -> bool:
    """`gen.flow_from_directory(dir, class_mode="categorical")`, `image_dataset_from_directory(dir)`:
    one class label per image (unless the mode is None / "input": no labels, or the image itself)."""
    if not isinstance(node, cst.Call):
        return False
    func = node.func
    name = func.attr.value if isinstance(func, cst.Attribute) else func.value if isinstance(func, cst.Name) else None
    if name not in _DIRECTORY_ITERATORS:
        return False
    keyword, default = _DIRECTORY_ITERATORS[name]
    mode = next((a.value for a in node.args if a.keyword is not None and a.keyword.value == keyword), None)
    if mode is None:
        return default is not None
    return isinstance(mode, cst.SimpleString) and mode.evaluated_value in ("categorical", "binary", "sparse", "int")


def dataset_source(node: cst.Call) -> cst.Call:
    """The call under the dataset methods that pass the elements on (`make().batch(32).prefetch(2)`:
    `make()`), or `node` itself."""
    while isinstance(node.func, cst.Attribute) and node.func.attr.value in _DATASET_PASSES \
            and isinstance(node.func.value, cst.Call):
        node = node.func.value
    return node


def _from_generator(node: cst.Call) -> cst.Call:
    """The call of the generator function `tf.data.Dataset.from_generator(rows, ...)` runs (`rows()`,
    with the arguments its `args=` tuple gives), under dataset methods that pass the elements on
    (`.batch(32)`, `.shuffle(...)`); `node` itself otherwise."""
    inner = dataset_source(node)
    if _call_name(inner) != "from_generator" or not inner.args or inner.args[0].keyword is not None \
            or not isinstance(inner.args[0].value, cst.Name):
        # `make_ds().repeat()`: the function making the dataset
        return inner if isinstance(inner.func, cst.Name) else node
    given = next((a.value for a in inner.args if a.keyword is not None and a.keyword.value == "args"), None)
    if given is not None and not isinstance(given, (cst.Tuple, cst.List)):
        return node
    return cst.Call(func=inner.args[0].value, args=[cst.Arg(e.value) for e in given.elements] if given is not None else [])


def _making_call(facts: KerasFacts, training, node) -> Optional[cst.Call]:
    """`node` when it is a call, or the call a name it is was last bound to before the training
    (`gen = batches(x, y)`, then `fit(gen)`), else None."""
    if isinstance(node, cst.Name):
        at = training.at if training.at >= 0 else len(facts.assignments)
        found = last_assigned(_records(facts), node.value, at)
        node = found[1] if found else None
    return node if isinstance(node, cst.Call) else None


def _passed_for(facts: KerasFacts, training, other: KerasFacts, upstream: set, call=None) -> set[str]:
    """The names of this file the call making a training's generator (a function of project module
    `other`) passes to those of its parameters in `upstream` (`call`: that call, when known)."""
    call = call if call is not None else _generator_call(facts, training)
    found = project_function(facts, call) if call is not None else None
    fdef = _top_function(other.path, found[1]) if found is not None and found[0] is other else None
    if fdef is None:
        return set()
    out: set[str] = set()
    for param in (*fdef.params.posonly_params, *fdef.params.params):
        arg = _argument_for(call, fdef, param.name.value, False) if param.name.value in upstream else None
        if arg is not None:
            out |= names_in(arg)
    return out


def _find_generator_targets(facts: KerasFacts, training, classes: bool = False):
    node = _generator_call(facts, training)
    if node is None:
        # `model.fit(TripletMaker().flow(x))`: an object of a project class a factory method made
        found = _instance_batch_method(facts, training.x) if classes else None
        return _batch_targets(*found, cst.Return) if found is not None else None
    other, fdef = facts, _top_function_in(facts.module, node.func.value)
    batches = cst.Yield
    if fdef is None:
        found = project_function(facts, node)
        if found is not None:
            other, fdef = found[0], _top_function(found[0].path, found[1])
        else:
            found = _batch_method(facts, node.func.value) if classes else None
            if found is None:
                return None
            (other, fdef), batches = found, cst.Return
    found = _batch_targets(other, fdef, batches)
    if found is None and batches is cst.Yield and fdef is not None:
        # `def dataset(): return tf.data.Dataset.from_generator(wave, ...)`: the generator it runs,
        # a function of the same module, when every return runs the same one
        runs = {_from_generator(r.value).func.value for r in statements(fdef.body)
                if isinstance(r, cst.Return) and isinstance(r.value, cst.Call)
                and isinstance(_from_generator(r.value).func, cst.Name) and _from_generator(r.value) is not r.value}
        generator = _top_function_in(other.module, runs.pop()) if len(runs) == 1 else None
        found = _batch_targets(other, generator, cst.Yield) if generator is not None else None
    return found


def _batch_targets(other: KerasFacts, fdef, batches):
    """(other, the targets each `batches` statement — a yield, or a return — of `fdef` gives)."""
    given, stack = [], [fdef.body] if fdef is not None else []
    while stack:
        cur = stack.pop()
        if isinstance(cur, batches):
            given.append(cur)
        elif not isinstance(cur, (cst.FunctionDef, cst.Lambda, cst.ClassDef)):
            stack.extend(cur.children)
    targets = []
    for batch in given:
        value = batch.value
        if not isinstance(value, cst.Tuple) or len(value.elements) < 2:
            return None
        targets.append(value.elements[1].value)
    return (other, targets) if targets else None


_BATCH_METHODS = ("__getitem__", "__next__")


def _instance_batch_method(facts: KerasFacts, value):
    """(the facts of its module, the method) giving the batches of `value`, an object of a class of
    the file or of a project module (wherever the call that made it was written); None otherwise."""
    from regr_lint.model.trees import project_module
    from regr_lint.model.values import Instance

    if type(value) is not Instance:
        return None
    origin = getattr(value.cls.scope, "origin", None)
    other = facts if origin is None else _module_facts(origin)
    if other is None or origin is not None and project_module(origin) is None:
        return None
    for method in _BATCH_METHODS:
        fdef = _method_in(value.cls.cdef, method)
        if fdef is not None:
            return other, fdef
    return None


def _batch_method(facts: KerasFacts, name: str):
    """(the facts of its module, the method) of the class `name` (of this file, or imported from a
    project module) that gives a training its batches: `__getitem__`, else `__next__`, its own or a
    base class's (of the same module or imported from another); None when there is none."""
    from regr_lint.model.trees import project_module

    path, module, cls = facts.path, facts.module, name
    if _class_def(module, name) is None:
        found = facts._cache.get("project_classes", {}).get(name)
        if found is None or found[0] == facts.path:
            return None
        path, module, cls = found[0], project_module(found[0]), found[1]
    chain = list(_class_chain(module, cls, path))
    for method in _BATCH_METHODS:
        for where, cdef in chain:
            fdef = _method_in(cdef, method)
            if fdef is not None:
                other = facts if where == facts.path else _module_facts(where)
                return (other, fdef) if other is not None else None
    return None


def _class_chain(module, name: str, path: str, depth: int = 0):
    """(module path, ClassDef): the top-level `class name` of `module` (at `path`), then its bases,
    nearest first — top-level classes of the same module, or imported from another project module
    (`class ZSeq(BaseSeq)`: the `__getitem__` it inherits is BaseSeq's, reading the `self.y` its
    `super().__init__(x, scaled_y)` set)."""
    from regr_lint.model.trees import project_module

    cdef = _class_def(module, name)
    if cdef is None or depth > 4:
        return
    yield path, cdef
    for base in cdef.bases:
        if isinstance(base.value, cst.Name) and base.value.value != name:
            if _class_def(module, base.value.value) is not None:
                yield from _class_chain(module, base.value.value, path, depth + 1)
            elif path:
                found = _imported_function(path, base.value.value)
                if found is not None and found[0] != path:
                    yield from _class_chain(project_module(found[0]), found[1], found[0], depth + 1)


def _top_function_in(module, name: str):
    for stmt in module.body if module is not None else ():
        if isinstance(stmt, cst.FunctionDef) and stmt.name.value == name:
            return stmt
    return None


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
        else:
            starred = any(isinstance(e, cst.StarredElement) for e in target.elements)
            for k, elt in enumerate(elts):
                if not starred and isinstance(value, cst.Call):
                    # `x, y = make_windows(series)`: the k-th item of what the function returns
                    _record_unpack(elt, value, ((k, len(elts)),), i, out)
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


def _record_unpack(target, call: cst.Call, path: tuple, i: int, out: dict) -> None:
    """An "unpack" record (call, k, n, inner): `target` is item k of the n-tuple `call` returns, and
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
    record class) of a returned tuple; None when the return is not a tuple of that shape. A record
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
        if not isinstance(returned, cst.Tuple) or len(returned.elements) != n \
                or any(isinstance(e, cst.StarredElement) for e in returned.elements):
            return None
        returned = returned.elements[k].value
    return returned


def _string_value(node: cst.SimpleString) -> Optional[str]:
    try:
        value = node.evaluated_value
    except Exception:  # noqa: BLE001 - odd escapes
        return None
    return value if isinstance(value, str) else None


def _keyed_return(node: cst.Subscript, at: int, facts, records: dict):
    """`d["y"]` where `d = load()` of a project module (or of this file) returning a dict literal:
    (facts, records, [(index, the value under "y")]) as `_returned_items` gives them; else None."""
    key = _column_key(node)
    return _returned_part(node.value, ("key", key), at, facts, records) if key is not None else None


def attribute_parts(node: cst.Attribute, at: int, facts, records: dict):
    """What an attribute read `a.b` holds, read where it is made, as `_returned_items` gives it
    ((facts, records, [(index, value)])): `data.Y_TRAIN` where `import data` binds a project module
    (what its top level binds), `split.y` where `split = load()` returns a record (`Split(x, y)`, a
    namedtuple or a dataclass: the argument filling `y`); None otherwise."""
    if isinstance(node.value, cst.Name) and node.value.value not in records:
        bound = imported_binding(facts, node.value.value, node.attr.value)
        return None if bound is None else (bound[0], _records(bound[0]), [(len(bound[0].assignments), bound[1])])
    return _returned_part(node.value, ("field", node.attr.value), at, facts, records)


def _returned_part(holder, step: tuple, at: int, facts, records: dict):
    """The part `step` (("key", k), ("field", f)) of what the call last bound to name `holder`
    before `at` returns, as `_returned_items` gives it; None when `holder` is not such a name."""
    if not isinstance(holder, cst.Name):
        return None
    found = last_assigned(records, holder.value, at)
    if not found or not isinstance(found[1], cst.Call):
        return None
    return _returned_items(found[1], (step,), found[0], facts, records)


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
            value = value if value is not None else _written_whole(facts, i, name)
            parts.append(_span(value, i, facts, records, depth + 1) if value is not None else None)
    return _union(parts)


def _written_whole(facts: KerasFacts, i: int, frame: str):
    """What assignment `i` writes to every column of `frame` (`df[df.columns] = …`, `df[:] = …`):
    the frame's value from there on; None for a write of some columns (the others stay unknown)."""
    write = _column_writes(facts).get((i, frame))
    return write[1] if write is not None and write[0] is _EVERY_COLUMN else None


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


def _unpack_span(call: cst.Call, k: int, n: int, inner: tuple, at: int, facts, records, depth):
    """Item k (and `inner` further down) of a tuple a function returns (of this file, or of a project
    module: read there), when every return it ran so far says so."""
    if not inner and _call_name(call) == "make_regression":
        # its targets: standard-normal features times coefficients drawn from [0, 100), summed
        return Span(-_INF, _INF, wide=True) if k == 1 and n >= 2 else None
    zipped = _unzipped(call, k, n, inner, at, records)
    if zipped is not None:
        return _span(zipped[1], zipped[0], facts, records, depth + 1)
    found = _returned_items(call, ((k, n),) + inner, at, facts, records)
    if found is None:
        return None
    other, theirs, items = found
    spans = [_span(item, i, other, theirs, depth + 1) for i, item in items]
    if all(p is not None and p.wide for p in spans):
        return Span(-_INF, _INF, wide=True)
    if other is not facts and len(items) == 1 and spans[0] is None:
        # `x, y = make_windows(standardised, 48)` of windowing.py: cut from the series passed here
        passed = [_span(arg, at, facts, records, depth + 1) for arg in parameter_sources(call, items[0][1], facts, records)]
        if passed and all(p is not None and p.wide for p in passed):
            return Span(-_INF, _INF, wide=True)
    return None


# ---------------------------------------------------------------- targets prepared in a project module
# `x_tr, x_te, y_tr, y_te, scaler = load()` with `load` imported from the project's data.py: the targets
# are what load returns, and what they are (standardised, scaled into [0, 1]) is read in data.py, as
# if that module were linted on its own (its own imports of the project stay unknown: one level).

_MODULE_FACTS: dict = {}


def _returns(call: cst.Call, at: int, facts: KerasFacts, records: dict):
    """What the function `call` names returns: (the facts and records to read the values with, [(index,
    returned value)]). A function of this file: its returns recorded before `at`; a function of a
    project module (`load(...)` imported by name, `data.load(...)` through `import data`): every
    return it has there. None when the callee is neither."""
    if isinstance(call.func, cst.Name) and call.func.value in records:
        name = call.func.value
        runs = [(i, value) for i, kind, value in records[name] if i < at and kind == "assign"]
        # the returns of this very call's run, when it ran with its arguments (`return
        # make_windows(scaled, n)` in a data module): not those of the function read on its own
        mine = [(i, value) for i, value in runs if facts.return_runs.get(i) == id(call)]
        return facts, records, mine or runs
    found = project_function(facts, call)
    if found is None:
        return _method_returns(call, at, facts, records)
    other, defined = found
    other_records = _records(other)
    return other, other_records, [(i, value) for i, kind, value in other_records.get(defined, ()) if kind == "assign"]


def _method_returns(call: cst.Call, at: int, facts: KerasFacts, records: dict):
    """What the method `call` runs returns (see `_method_of`), read in its module. None when unknown."""
    found = _method_of(call, at, facts, records)
    if found is None:
        return None
    other, _ = found
    method = call.func.attr.value
    if other is facts:
        # run where it is called (inlined): its returns are recorded before the call's own record
        return facts, records, [(i, value) for i, kind, value in records.get(method, ()) if i < at and kind == "assign"]
    other_records = _records(other)
    return other, other_records, [(i, value) for i, kind, value in other_records.get(method, ()) if kind == "assign"]


def _method_of(call: cst.Call, at: int, facts: KerasFacts, records: dict):
    """(the facts of its module, the FunctionDef) of the method `loader.load()` runs, where
    `loader = Loader(...)` is the only binding of `loader` before the call (`at`; 0: in the file) and
    `Loader` a class of this file or of a project module that defines `load`. None otherwise."""
    func = call.func
    if not isinstance(func, cst.Attribute):
        return None
    static = False
    if isinstance(func.value, cst.Call) and isinstance(func.value.func, cst.Name):
        cls = func.value.func.value  # `Loader(path).load()`
    elif isinstance(func.value, cst.Name) and func.value.value not in records:
        cls, static = func.value.value, True  # `Returns.log_ret(p)`: a static or class method on its class
    elif isinstance(func.value, cst.Name):
        bound = [r for r in records.get(func.value.value, ()) if r[0] < at or not at]  # at 0: anywhere
        if len(bound) != 1 or bound[0][1] != "assign" or not isinstance(bound[0][2], cst.Call) \
                or not isinstance(bound[0][2].func, cst.Name):
            return None
        cls = bound[0][2].func.value
    else:
        return None
    method = func.attr.value
    own = _class_method(facts.module, cls, method)
    if own is not None:
        return (facts, own) if not static or method_kind(own) in ("staticmethod", "classmethod") else None
    found = facts._cache.get("project_classes", {}).get(cls)
    if found is None and static and not facts.project_imports and facts.path:
        # a module read on its own (a data module): the class it imports by name, from its summary
        found = _imported_function(facts.path, cls)
    if found is None or found[0] == facts.path:
        return None
    from regr_lint.model.trees import project_module

    fdef = _class_method(project_module(found[0]), found[1], method)
    if fdef is not None and static and method_kind(fdef) not in ("staticmethod", "classmethod"):
        return None
    other = _module_facts(found[0]) if fdef is not None else None
    return (other, fdef) if other is not None else None


def _callee(call: cst.Call, facts: KerasFacts, records: dict):
    """(the facts of the project module, the FunctionDef, whether a method) of the project function or
    method `call` runs; None when it is unknown or this file's."""
    found = project_function(facts, call)
    if found is not None:
        fdef = _top_function(found[0].path, found[1])
        return (found[0], fdef, False) if fdef is not None else None
    found = _method_of(call, 0, facts, records)
    if found is None or found[0] is facts:
        return None
    return found[0], found[1], True


def parameter_sources(call: cst.Call, item, facts: KerasFacts, records: dict) -> list:
    """The arguments of `call` (a project function's) whose values `item`, what it returns, is cut
    from: its parameters `item` reads as data — sliced, appended, stacked, reshaped, not used as an
    index or a count (`ys.append(series[i + T])`: `series`, not `T`) — read through the function's
    own plain assignments and appends. [] when the callee is unknown or none is found."""
    found = _callee(call, facts, records)
    if found is None:
        return []
    other, fdef, method = found
    theirs = _records(other)
    params = {p.name.value for p in (*fdef.params.posonly_params, *fdef.params.params)}
    seen: set = set()
    sources: set = set()

    def walk(node, depth: int) -> None:
        if node is None or depth > 12:
            return
        if isinstance(node, cst.Name):
            name = node.value
            if name in seen:
                return
            seen.add(name)
            if name in params and name not in theirs:
                sources.add(name)
                return
            for _, kind, value in theirs.get(name, ()):
                if kind == "append" and isinstance(value, cst.Call) and value.args:
                    walk(value.args[-1].value, depth + 1)
                elif kind == "assign" and value is not None and not _changes_range(value):
                    walk(value, depth + 1)
        elif isinstance(node, cst.Subscript):
            walk(node.value, depth + 1)  # the array cut, not the index
        elif isinstance(node, cst.Attribute) and node.attr.value in ("values", "T"):
            walk(node.value, depth + 1)
        elif isinstance(node, (cst.ListComp, cst.GeneratorExp)):
            walk(node.elt, depth + 1)  # `[series[i + T] for i in idx]`: each element cut from `series`
        elif isinstance(node, cst.Call):
            name = _call_name(node)
            if isinstance(node.func, cst.Attribute) and name in _PEEL_METHODS:
                walk(node.func.value, depth + 1)
            elif name in _PEEL_FUNCS and node.args:
                first = node.args[0].value
                for part in (first.elements if isinstance(first, (cst.List, cst.Tuple)) else ()):
                    walk(part.value, depth + 1)
                walk(first, depth + 1)

    walk(item, 0)
    out = []
    for name in sorted(sources):
        arg = _argument_for(call, fdef, name, method)
        if arg is not None:
            out.append(arg)
    return out


def _argument_for(call: cst.Call, fdef: cst.FunctionDef, name: str, method: bool):
    """The expression `call` passes for parameter `name` of `fdef`; None when not written one by one."""
    for arg in call.args:
        if arg.keyword is not None and arg.keyword.value == name:
            return arg.value
    positional = [a for a in call.args if a.keyword is None]
    if any(a.star for a in call.args):
        return None
    params = [p.name.value for p in (*fdef.params.posonly_params, *fdef.params.params)]
    if method and method_kind(fdef) != "staticmethod":
        params = params[1:]
    k = params.index(name) if name in params else len(positional)
    return positional[k].value if k < len(positional) else None


def _class_method(module, cls: str, method: str):
    """The `def method` of the top-level `class cls` of `module`, or None."""
    return _method_in(_class_def(module, cls), method)


def _method_in(cdef, method: str):
    """The `def method` of class `cdef` itself (not its bases), or None."""
    if cdef is not None and isinstance(cdef.body, cst.IndentedBlock):
        for inner in cdef.body.body:
            if isinstance(inner, cst.FunctionDef) and inner.name.value == method:
                return inner
    return None


def project_function(facts: KerasFacts, call: cst.Call) -> Optional[tuple[KerasFacts, str]]:
    """(the facts of the project module defining the function `call` calls, its name there), or None:
    not a function of a project module (imported by name, or an attribute of a module imported whole),
    or its module cannot be read."""
    func = call.func
    if isinstance(func, cst.Name):
        found = facts._cache.get("project_functions", {}).get(func.value)
    elif isinstance(func, cst.Attribute) and isinstance(func.value, cst.Name) \
            and func.value.value in facts._cache.get("project_module_names", {}):
        found = (facts._cache["project_module_names"][func.value.value], func.attr.value)
    else:
        found = None
    if found is None and facts._cache.get("project") is None and facts.path:
        if isinstance(func, cst.Name):
            found = _imported_function(facts.path, func.value)
        elif isinstance(func, cst.Attribute) and isinstance(func.value, cst.Name):
            found = _imported_function(facts.path, func.value.value, func.attr.value)
    if found is None:
        return None
    path, defined = found
    if path == facts.path or _top_function(path, defined) is None:
        return None
    other = _module_facts(path)
    return (other, defined) if other is not None else None


def _imported_function(path: str, name: str, attr: Optional[str] = None) -> Optional[tuple[str, str]]:
    """(module file, name there) of a function project module `path` imports by name (`from labels
    import make_labels`), or of `attr` of a project module it imports whole (`import utils`, then
    `utils.normalize`), read from its summary: a data module read for what it returns (its facts
    made without following its imports) still reads the helper it returns the value of, one more
    module away. None when not a project module's."""
    from regr_lint.project.link import project_for

    project = project_for(path)
    if project is None:
        return None
    try:
        binding = project.summary(path).binding(name)
        if binding is None or binding.conditional:
            return None
        if attr is None and binding.kind == "from":
            resolved = project.resolve(binding.module, binding.attr, path, binding.level)
        elif attr is not None and binding.kind == "import" and binding.module:
            resolved = project.resolve(binding.module, attr, path, 0)
        else:
            return None
    except (OSError, ValueError, RecursionError, SyntaxError):
        return None
    return (resolved.path, resolved.name) if resolved is not None and resolved.name else None


def _top_function(path: str, name: str):
    """The top-level `def name` of project module `path`, or None."""
    from regr_lint.model.trees import project_module

    tree = project_module(path)
    for stmt in tree.body if tree is not None else ():
        if isinstance(stmt, cst.FunctionDef) and stmt.name.value == name:
            return stmt
    return None


def _module_facts(path: str, project=None, must_read: Optional[str] = None) -> Optional[KerasFacts]:
    """The facts of project module `path` read as a file of its own, once per process and version of
    the file. Without `project`, what it imports from other project modules stays unknown (a data
    module read for the targets it returns); with it, its imports are followed as when it is linted
    (a script that imports the builder of the model it fits), and `must_read` is read even past the
    modules one analysis reads."""
    from regr_lint.model import build_facts
    from regr_lint.model.trees import project_module

    module = project_module(path)  # parsed once per version of the file, shared with the interpreter
    if module is None:
        return None
    key = (path, id(module), project is not None, must_read)
    if key not in _MODULE_FACTS:
        from regr_lint.input.source import SourceError, read_code

        try:
            # its text too, as a linted file's facts have: the token checks that spare a walk of the
            # tree (a registry, `hasattr` guards) need it, and without it the name bindings and the
            # centring check would generate the module's code again from its tree
            text = read_code(path)
        except (SourceError, OSError):
            text = ""
        try:
            other = build_facts(module, path, text, project=project, must_read=must_read)
            other._cache["reading_importer"] = True  # it does not read its own importers in turn
        except Exception:  # noqa: BLE001 - another module that cannot be read is unknown, never this file's error
            other = None
        # the module is kept with its facts: the key's id stays its own while the entry lives
        _MODULE_FACTS[key] = (module, other)
        if len(_MODULE_FACTS) > 64:
            _MODULE_FACTS.pop(next(iter(_MODULE_FACTS)))
    return _MODULE_FACTS[key][1]


# A model built and compiled by a builder function of this module and fitted by the scripts beside it
# (`model = build_and_compile(n)` in train.py): its targets are theirs. Only the modules of the same
# folder that import this one are read, at most MAX_IMPORTERS of them, each once per process.
MAX_IMPORTERS = 8
_SIBLING_BYTES = 1 << 20


_BY_ITSELF = [False]  # set while a module is analysed by itself (see `by_itself`)


@contextlib.contextmanager
def by_itself():
    """Inside, no module reads the scripts that import it (`fitted_by_importers` finds none): what
    a module reports by itself, the test of whether an importer's finding is that module's own
    mistake or one its importer completes (a relu head that only the importer's standardised
    targets make wrong)."""
    before = _BY_ITSELF[0]
    _BY_ITSELF[0] = True
    try:
        yield
    finally:
        _BY_ITSELF[0] = before


def fitted_by_importers(facts: KerasFacts, model, trained: bool = True, callers: bool = False) -> list:
    """[(facts of a module that imports the module whose function builds `model` and sits beside it,
    its reading of `model`)] for each such module that trains it; [] when there is no project, the
    model is not built in a function, or nothing beside its module fits it. The builder's module is
    this file, or the project module of a function this file imports (`model = build()`, then only a
    predict here). `trained=False`: every reading of `model` by such a module, fitted there or not
    (a siamese script calling the builder's model on two inputs of its own)."""
    from regr_lint.knowledge.tables import TRAIN_METHODS

    found = _importers_reading(facts, model, callers)
    if found is None:
        return []
    twin, readings = found
    out = []
    for other in readings:
        # (trained there, or by another module's code it runs: `GanTrainer(disc).train(...)`)
        out += [(other, theirs) for theirs in other.models
                if theirs.node is twin and (not trained or any(t.method in TRAIN_METHODS
                                                               for t in (*theirs.trainings, *theirs.foreign_trainings)))]
    return out


def trained_by_hand_only(facts: KerasFacts, model) -> bool:
    """No Keras training method trains `model` (here, or in a script beside its builder's module),
    and a loop of the file's own updates its variables (`tape.gradient(loss,
    model.trainable_variables)`, here or in such a script): the loss it is compiled with trains
    nothing, the loop's own does."""
    from regr_lint.knowledge.tables import TRAIN_METHODS

    if any(t.method in TRAIN_METHODS for t in (*model.trainings, *model.foreign_trainings)):
        return False
    readings = fitted_by_importers(facts, model, trained=False)
    if any(t.method in TRAIN_METHODS for _, theirs in readings
           for t in (*theirs.trainings, *theirs.foreign_trainings)):
        return False
    return any(m.tape_trained and "gradient" in f.text for f, m in ((facts, model), *readings))


def declared_classifier_by_importers(facts: KerasFacts, model) -> bool:
    """A script beside the module whose function builds `model` hands that function to scikit-learn's
    classifier wrapper (`KerasClassifier(model=make_net)` in tune.py, make_net in nets.py)."""
    return _declared_by_importers(facts, model, "classifier_nodes")


def wrapper_targets(facts: KerasFacts, model) -> list:
    """[(facts, the targets node, the index they are read at, whether a TransformedTargetRegressor
    standardises them)] for each fit of `model` through a
    scikit-learn regressor wrapper (`KerasRegressor(model=build).fit(X, y)`, `cross_val_score(...,
    X, y)`): in this file, or in a script beside the builder's module that wraps the builder."""
    out = [(facts, *fit) for fit in facts.wrapper_fits.get(id(model.node), ())]
    found = _importers_reading(facts, model, False) if not out else None
    if found is not None:
        twin, readings = found
        for other in readings:
            out += [(other, *fit) for fit in other.wrapper_fits.get(id(twin), ())]
    return out


def class_models_by_importers(facts: KerasFacts, model) -> list:
    """[(facts of a script beside this module, its model)] for every model the scripts make from the
    class whose method builds `model` (`Gen(kind="conv").net`, when `model` is the net the class's
    other arm builds, `if kind == "dense": self.net = self.dense_net()`): what the project does with
    that class's models, when it never makes this one. [] when unknown."""
    if not model.owner or model.home is not None:
        return []
    found = _importers_reading(facts, model, False)
    if found is None:
        return []
    twin, readings = found
    if twin is not model.node:
        return []  # the importers read another parse of this file: its classes are other nodes
    out = []
    for other in readings:
        out += [(other, theirs) for theirs in other.models if theirs.owner == model.owner]
    return out


def _declared_by_importers(facts: KerasFacts, model, declared: str) -> bool:
    """A script beside the module whose function builds `model` declares it one of `declared` (a
    set of construction ids of KerasFacts: `classifier_nodes`, `unit_target_nodes`)."""
    found = _importers_reading(facts, model, False)
    if found is None:
        return False
    twin, readings = found
    return any(id(twin) in getattr(other, declared) for other in readings)


def _importers_reading(facts: KerasFacts, model, callers: bool):
    """(the node the importers' reading of `model`'s construction is, the facts of each importer
    that could be read) for `fitted_by_importers`; None when no importer can read it."""
    from regr_lint.model.trees import project_module

    project = facts._cache.get("project")
    if project is None or not facts.path or model.node is None \
            or facts._cache.get("reading_importer") and not callers or not model.in_function or _BY_ITSELF[0]:
        return None  # a model made at a module's top level is that module's own to fit
    if callers and model.home is not None:
        # the scripts beside this file that call its method fitting another module's model: they
        # read that module from the very parse the node is in
        path, twin = os.path.abspath(facts.path), model.node
        importers = _importers(facts, path, project)
    elif model.home is not None:
        # built by another module's function this file called: the importers read that module from
        # the very parse the node is in
        path, twin = os.path.abspath(model.home), model.node
        importers = _importers(facts, path, project)
    else:
        path = os.path.abspath(facts.path)
        importers = _importers(facts, path, project)  # cheap: asked first, the walk below is not
        if not importers:
            return None
        tree = project_module(path)
        if tree is facts.module:
            twin = model.node  # this file's parse is the one kept for its importers
        else:  # the importers read another parse of it (an editor's buffer is linted): the same steps
            steps = _steps_in_functions(facts.module, model.node)
            try:
                twin = _nodes_along(tree, steps)[-1]
            except (IndexError, AttributeError, TypeError):
                return None
    if importers:
        # what a cache entry of this file must also follow: the scripts read and what they import
        _READ_BESIDE.setdefault(os.path.abspath(facts.path), (project, set()))[1].update(importers)
        if len(_READ_BESIDE) > 4096:
            _READ_BESIDE.pop(next(iter(_READ_BESIDE)))
    readings = []
    for importer in importers:
        other = _module_facts(importer, project)
        if other is not None and path in other.unread_modules:
            # a script importing more modules than one analysis reads, this one among the last
            # (`elif kind == "bigru": import bigru` in a long chain): read again with it, or what
            # it does with the model (its targets scaled) would stay unknown while the builder's
            # own compile is known
            other = _module_facts(importer, project, must_read=path)
        if other is not None:
            readings.append(other)
    return twin, readings


_READ_BESIDE: dict = {}


def modules_read_beside(path: str) -> list[str]:
    """The project modules the last analysis of `path` read that it does not import: the scripts
    beside a builder module that fit its model, and the modules they import; the scripts whose
    pickles or arrays its targets are read from (`targets_from_project_artifact`). A cached result of
    `path` is valid only while these are unchanged too (editing `data.py` changes what `models.py`'s
    sigmoid head is judged on). Asked only when a result is cached: a run without a cache never
    follows the scripts' imports."""
    project, importers = _READ_BESIDE.get(os.path.abspath(path), (None, ()))
    read = set(importers) | _ARTIFACTS_READ.get(os.path.abspath(path), set())
    for importer in list(importers):  # and the scripts calling a method of theirs (one hop more)
        read.update(_READ_BESIDE.get(os.path.abspath(importer), (None, ()))[1])
    for importer in importers:
        try:
            read.update(project.dependencies(importer))
        except (OSError, ValueError, SyntaxError, RecursionError):
            pass
    return sorted(read)


def is_parameter(name: str, node, facts: KerasFacts) -> bool:
    """`name` is a parameter of the innermost function `node` is in, in this file or a project module
    it reads (a builder's `metric`, `decay`): its value comes from the callers' arguments."""
    from regr_lint.model.trees import parsed_module

    for tree in [facts.module, *(parsed_module(p) for p in facts.project_modules)]:
        steps = _steps_in_functions(tree, node) if tree is not None else None
        if steps is None:
            continue
        functions = [n for n in _nodes_along(tree, steps) if isinstance(n, cst.FunctionDef)]
        if not functions:
            return False
        params = functions[-1].params
        return name in {p.name.value for p in (*params.posonly_params, *params.params, *params.kwonly_params)}
    return False


def _steps_in_functions(module, node) -> Optional[tuple]:
    """The steps from `module` (an index into its body, then child positions) to `node`, looked for in
    its top-level functions and classes only (a builder's model is made in a function)."""
    for i, stmt in enumerate(module.body):
        if isinstance(stmt, (cst.FunctionDef, cst.ClassDef)):
            steps = _steps_to(stmt, node)
            if steps is not None:
                inner = _nodes_along(stmt, steps)
                return (i,) + steps if any(isinstance(n, cst.FunctionDef) for n in [stmt, *inner]) else None
    return None


def _steps_to(root, target) -> Optional[tuple]:
    """The child positions leading from `root` to `target` (the same node in two parses of one text
    sits at the same steps); None when `target` is not under `root`."""
    if root is None:
        return None
    stack = [(root, ())]
    while stack:
        node, steps = stack.pop()
        if node is target:
            return steps
        stack.extend((child, steps + (i,)) for i, child in enumerate(node.children))
    return None


def _nodes_along(root, steps: tuple) -> list:
    """The nodes met following `steps` down from `root` (`root` itself not included); from a Module,
    the first step is an index into its body."""
    if root is None:
        raise AttributeError("no tree")
    out, node = [], root
    for k, i in enumerate(steps):
        node = node.body[i] if k == 0 and isinstance(node, cst.Module) else node.children[i]
        out.append(node)
    return out


def _importers(facts: KerasFacts, here: str, project) -> list[str]:
    """The modules of `here`'s folder that import it — and, for a module of a package, of the folders
    holding the package (`train.py` beside `nets/`, importing `nets.models`; beside `pkg/`, importing
    `pkg.age.models.net`), four levels up at most — (at most MAX_IMPORTERS), memoised per file."""
    memo = facts._cache.setdefault("importers", {})
    if here in memo:
        return memo[here]
    folder, stem = os.path.split(here)
    stem = os.path.splitext(stem)[0]
    found: list[str] = []
    folders = [folder]
    # a folder without __init__.py is a namespace package when an import root holds it (`from
    # models.net import build` in main.py beside models/): its importers are looked for there too
    roots = set(getattr(project, "search", ()) or ())
    while len(folders) < 5:
        parent = os.path.dirname(folders[-1])
        if parent == folders[-1] or not (os.path.isfile(os.path.join(folders[-1], "__init__.py"))
                                         or os.path.normpath(parent) in roots):
            break
        folders.append(parent)
    names = []
    for place in folders:
        try:
            names += [os.path.join(place, name) for name in sorted(os.listdir(place))]
        except OSError:
            continue
    for candidate in names:
        name = os.path.basename(candidate)
        # (a notebook beside it too: the project's scripts are often notebooks importing `src/`)
        if not name.endswith((".py", ".ipynb")) or candidate == here or len(found) >= MAX_IMPORTERS:
            continue
        try:
            info = os.stat(candidate)
            if not stat.S_ISREG(info.st_mode) or info.st_size > _SIBLING_BYTES:
                continue  # a fifo or a device named *.py is never opened (it could block the run)
            with open(candidate, "rb") as fh:
                if stem.encode() not in fh.read():
                    continue  # cannot import it: not worth reading its imports
            if here in project_imports(candidate):  # read off its text, as the pre-check does
                found.append(candidate)
        except (OSError, ValueError, SyntaxError, RecursionError):
            continue
    memo[here] = found
    return found


def _in_project_module(facts: KerasFacts, names: set[str], holds, depth: int = 0, passed: bool = True) -> bool:
    """One of `names` (the targets and the names they come from) is an item of what a project
    module's function or a project class's method returns — by position, `x_tr, x_te, y_tr, y_te =
    load()`, or whole, `y = load_targets()` — and `holds(module facts, item)` there; or the item
    comes from a parameter of that function and what this file passes for it holds
    (`x, y = loader.windows(scaled, 10)`, `scaled` scaled here or returned scaled by another) — not
    with `passed=False`."""
    records = _records(facts)
    for name in names:
        if name not in records:
            # `from data import X, Y`: what the module that defines it binds at its top level
            found = imported_binding(facts, name)
            if found is not None and holds(*found):
                return True
        for i, kind, value in records.get(name, ()):
            if kind == "unpack":
                call, k, n, inner = value
                path = ((k, n),) + inner
            elif kind == "assign" and isinstance(value, cst.Call):
                call, path = value, ()
            else:
                continue
            found = _project_items(call, path, facts, records, i)
            if found is None:
                continue
            if any(holds(found[0], item) for _, item in found[2]):
                return True
            # (`passed=False` for evidence that reports: any parameter the item derives from would
            # do there, a window length as well as the data)
            if passed and depth < 2 and _passed_in(call, found, facts, records, holds, depth):
                return True
    return False


def _imported_source(facts: KerasFacts, name: str, attr: Optional[str] = None) -> Optional[tuple]:
    """(the path of the project module `name` is imported from, the name it has there) for `from data
    import DF as frame` (or `import data` with `attr`); None when not imported so."""
    found = None
    for source, node, bound in facts.project_imports:
        if attr is not None:
            # `utils.TARGET_SCALER` of `import utils`: the module bound whole
            if name in bound and type(bound[name]).__name__ == "ModuleV":
                found = (bound[name].path, attr)
                break
            continue
        if name not in bound or not isinstance(node, cst.ImportFrom) or isinstance(node.names, cst.ImportStar):
            continue
        original = next((a.name.value for a in node.names if isinstance(a.name, cst.Name) and (
            a.asname.name.value if a.asname is not None and isinstance(a.asname.name, cst.Name)
            else a.name.value) == name), None)
        found = (source, original) if original is not None else None
        break
    if found is None and not facts.project_imports and facts.path:
        # a module read on its own, for what it returns (its imports not followed): from its summary
        found = _imported_function(facts.path, name, attr)
    return found


def imported_binding(facts: KerasFacts, name: str, attr: Optional[str] = None):
    """(the facts of the project module `name` is imported from by name, the value its top level last
    binds that name to: `Y = MinMaxScaler().fit_transform(...)` for `from data import X, Y`), or None:
    not imported so, bound in a way not followed (unpacked, in a loop or a branch), or unreadable."""
    found = _imported_source(facts, name, attr)
    if found is not None:
        source, original = found
        other = _module_facts(source)
        if other is None:
            return None
        value = _top_level_values(other).get(original)
        return (other, value) if value is not None else None
    return None


def _top_level_values(facts: KerasFacts) -> dict:
    """{name: the value the module's top level last binds it to by a plain assignment}, None for a
    name last changed in place, annotated, or (re)bound in a branch, a loop, a function or a class —
    one pass over the module's statements, kept with its facts."""
    known = facts._cache.get("top_level_values")
    if known is not None:
        return known
    values: dict = {}
    for stmt in facts.module.body:
        if isinstance(stmt, cst.SimpleStatementLine):
            for small in stmt.body:
                if isinstance(small, cst.Assign) and len(small.targets) == 1 and isinstance(small.targets[0].target, cst.Name):
                    values[small.targets[0].target.value] = small.value
                elif isinstance(small, (cst.AugAssign, cst.AnnAssign)) and isinstance(small.target, cst.Name):
                    values[small.target.value] = None  # changed in place, or annotated: not followed
        else:
            for bound in _bound_in(stmt):
                values[bound.value] = None
    facts._cache["top_level_values"] = values
    return values


def _bound_in(stmt):
    """The names a compound top-level statement binds anywhere in it (over-approximated)."""
    if isinstance(stmt, (cst.FunctionDef, cst.ClassDef)):
        yield stmt.name
        return
    stack = [stmt]
    while stack:
        node = stack.pop()
        if isinstance(node, cst.Name):
            yield node
        elif not isinstance(node, (cst.FunctionDef, cst.ClassDef, cst.Lambda)):
            stack.extend(node.children)


def _passed_in(call: cst.Call, found, facts: KerasFacts, records: dict, holds, depth: int) -> bool:
    """An item `found` lists derives from a parameter of the function `call` runs, and the argument
    this file passes for it holds here (or in the project module whose function returned it)."""
    callee = _callee(call, facts, records)
    if callee is None:
        return False
    other, fdef, method = callee
    params = {p.name.value for p in (*fdef.params.posonly_params, *fdef.params.params, *fdef.params.kwonly_params)}
    for _, item in found[2]:
        for name in ancestors(other, names_in(item)) & params:
            arg = _argument_for(call, fdef, name, method)
            if arg is None:
                continue
            if holds(facts, arg) or _in_project_module(facts, ancestors(facts, names_in(arg)), holds, depth + 1):
                return True
    return False


def _project_items(call: cst.Call, path: tuple, facts: KerasFacts, records: dict, at: int = 0):
    """`_returned_items` of a project module's function or a class's method (run before record `at`
    when it is this file's) — not of a function of this file, which the file's own questions read."""
    if isinstance(call.func, cst.Name) and call.func.value in records:
        return None
    return _returned_items(call, path, at, facts, records)


def _returned_items(call: cst.Call, path: tuple, at: int, facts: KerasFacts, records: dict, depth: int = 0):
    """(facts, records, [(index, item)]): the item at `path` ((position, length), …; () for the
    whole value) of every return of the function `call` calls (`_returns`), read with the facts of
    the module that defines it — through a return of another call of that module (`def
    load_train(): return load("train")`); None when the callee is unknown or a return is not a
    tuple of that shape."""
    found = _returns(call, at, facts, records)
    if found is None:
        return None
    facts, records, returns = found
    items = []
    for i, value in returns:
        item = _item(value, path, facts, records)
        if item is None and path:
            alike = _items_alike(value, i, records)
            if alike:
                # `train, test = prepare(raw)` where prepare returns a list each item of which is
                # made alike (`out.append(scaler.transform(part))`, `[scaler.transform(p) for p in
                # parts]`): any item is such a value
                items.extend((i, part) for part in alike)
                continue
        if item is None and path and isinstance(value, cst.Call) and depth < 3:
            inner = _returned_items(value, path, i, facts, records, depth + 1)
            if inner is not None and inner[0] is not facts and len(returns) == 1:
                return inner  # `return cut_windows(table, n)` of a third module: read where it returns them
            if inner is None or inner[0] is not facts:
                return None
            items.extend(inner[2])
            continue
        items.append((i, item))
    if not items or any(item is None for _, item in items):
        return None
    return facts, records, items


def _items_alike(value, at: int, records: dict) -> list:
    """The expressions every item of the list `value` is made by: a list comprehension's element,
    or the appends to a name bound to `[]` (its only other binding) before `at`; [] otherwise."""
    if isinstance(value, cst.ListComp):
        return [value.elt]
    if not isinstance(value, cst.Name):
        return []
    recs = [r for r in records.get(value.value, ()) if r[0] < at]
    appends = [r[2] for r in recs if r[1] == "append"]
    made = [r for r in recs if r[1] != "append"]
    if not appends or len(made) != 1 or made[0][1] != "assign" or not isinstance(made[0][2], cst.List) \
            or made[0][2].elements:
        return []
    return [call.args[0].value for call in appends if len(call.args) == 1 and not call.args[0].star]


def _unit_scaled_item(other: KerasFacts, item) -> bool:
    if is_unit_scaling(item, other, name_values(other)):
        return True
    # (a frame's other columns scaled by name say nothing about a target column read from it)
    scaled = unit_scaled_names(other) - _other_column(item, other, _records(other))
    return bool(ancestors(other, names_in(item)) & scaled)


def _unit_scaled_deep(depth: int):
    """`_unit_scaled_item`, also through a project module's function that the module holding the item
    calls in turn (data.py's `y = to_unit(raw)` with `to_unit` in scaling.py: `return v / v.max()`),
    two modules deep at most — an exemption: more reading can only silence."""
    def holds(other: KerasFacts, item) -> bool:
        if _unit_scaled_item(other, item):
            return True
        if depth >= 2:
            return False
        if isinstance(item, cst.Call):
            # `return x, reader.to_unit(y, prompt)`: what that function returns, read where it is
            found = _project_items(item, (), other, _records(other), len(other.assignments))
            if found is not None and found[2] and all(_unit_scaled_deep(depth + 1)(found[0], part)
                                                      for _, part in found[2]):
                return True
        return _in_project_module(other, ancestors(other, names_in(item)), _unit_scaled_deep(depth + 1), passed=False)
    return holds


def _one_hot_item(other: KerasFacts, item) -> bool:
    return _calls_any(item, _ONE_HOT) or bool(ancestors(other, names_in(item)) & _graph(other)[2])


def _aug_span(node: cst.AugAssign, at: int, facts, records, depth):
    if isinstance(node.operator, cst.DivideAssign) and _stdish(node.value, at, records, 0):
        return Span(-_INF, _INF, wide=True)
    return None


def _union(parts: list):
    if len(parts) == 1:
        return parts[0]  # one definition: its own bounds (`x = np.linspace(0, 10, n)`, then `x ** 2`)
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
        keyed = _keyed_return(node, at, facts, records)
        if keyed is not None:
            other, theirs, items = keyed
            return _union([_span(item, i, other, theirs, depth + 1) for i, item in items])
        read = read_column(node)
        if read is not None:
            found = _span_column(*read, at, facts, records, depth + 1)
            if found is not None or isinstance(read[0], str):
                return found  # (`D.FRAME["ret"]` not known there: read as any subscript of D.FRAME)
        inner = _span(node.value, at, facts, records, depth + 1)
        if inner is None or inner.keep:
            return inner
        return Span(inner.lo, inner.hi)
    if isinstance(node, cst.Attribute):
        if node.attr.value in ("values", "T"):
            return _span(node.value, at, facts, records, depth + 1)
        held = _own_attribute_value(node, facts, records)
        if held is None:
            parts = attribute_parts(node, at, facts, records)  # `data.Y_TRAIN`, `split.y`
            return None if parts is None else _union([_span(item, i, parts[0], parts[1], depth + 1)
                                                      for i, item in parts[2]])
        i, kind, value = held
        return _unpack_span(*value, i, facts, records, depth) if kind == "unpack" \
            else _span(value, i, facts, records, depth + 1)
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


def _own_attribute_value(node: cst.Attribute, facts, records: dict):
    """`self.y`, set once in the class's methods: (record index, "assign", the value) for
    `self.y = scaler.fit_transform(...)`, (record index, "unpack", its record) for `self.x, self.y,
    self.scaler = load()`; None when it is set more than once, or never."""
    if not isinstance(node.value, cst.Name) or node.value.value != "self":
        return None
    return _self_attribute_record(expr_key(node), facts, records)


def _self_attribute_record(key: str, facts, records: dict):
    """`_own_attribute_value` of the attribute the records keep under `key` (`self.y`)."""
    unpacked = [r for r in records.get(key, ()) if r[1] == "unpack"]
    if unpacked and all(kind == "unpack" and value[0] is unpacked[-1][2][0] and value[1:] == unpacked[-1][2][1:]
                        for _, kind, value in unpacked):
        return unpacked[-1]  # one statement, run again (a constructor read where its class is, then called)
    parts = list({id(p): p for p in name_values(facts).get(key, [])}.values())
    if len(parts) == 1 and not unpacked:
        return len(facts.assignments), "assign", parts[0]
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
    if isinstance(op, (cst.Add, cst.Subtract)) and (left is None) != (right is None) \
            and _independent(node.left, node.right):
        # `5 * x + 3 + noise`: zero-centred normal noise added to values certainly beyond ±1
        known, other = (left, node.right) if left is not None else (right, node.left)
        if known.wide and _zero_noise(other, at, records, 0):
            return Span(-_INF, _INF, wide=True)
    if isinstance(op, cst.Add) and (left is None) != (right is None):
        # `np.random.uniform(0, 100, n) + x.sum(axis=1)`: values that come close to 100, plus
        # something never negative, still leave [-1, 1]
        known, other = (left, node.right) if left is not None else (right, node.left)
        if known.exact and known.hi > 1 and _never_negative(other, at, facts, records, depth + 1):
            return Span(known.lo, _INF, wide=True, keep=False)
    if left is None or right is None:
        return None
    lconst, rconst = _const(node.left), _const(node.right)
    # values certainly outside [-1, 1] stay there when scaled up (`votes * 2`, `y / 0.5`) — with
    # their bounds, when they come close to both (`2 * uniform(0, 10, n)`: [0, 20], to be summed)
    if isinstance(op, cst.Multiply) and (left.wide and rconst is not None and abs(rconst) >= 1
                                         or right.wide and lconst is not None and abs(lconst) >= 1) \
            or isinstance(op, cst.Divide) and left.wide and rconst is not None and 0 < abs(rconst) <= 1:
        known, factor = (left, rconst) if rconst is not None else (right, lconst)
        if isinstance(op, cst.Divide):
            factor = 1 / factor
        if known.exact and abs(known.lo) < _INF and abs(known.hi) < _INF:
            ends = (known.lo * factor, known.hi * factor)
            return Span(min(ends), max(ends), exact=True, wide=True, keep=known.keep)
        return Span(-_INF, _INF, wide=True)
    exact = (left.exact and rconst is not None) or (right.exact and lconst is not None)
    # a scalar constant is no array a slice could cut the extremes out of: the other side decides
    keep = (left.keep or lconst is not None) and (right.keep or rconst is not None)
    if isinstance(op, (cst.Add, cst.Subtract)) and (
            left.wide and left.lo == -_INF and left.hi == _INF and rconst is not None
            or right.wide and right.lo == -_INF and right.hi == _INF and lconst is not None):
        return Span(-_INF, _INF, wide=True)  # unbounded values beyond ±1, shifted: `3 * x + 2` still leaves it
    if isinstance(op, (cst.Add, cst.Subtract)) and lconst is None and rconst is None \
            and _independent(node.left, node.right):
        # two arrays of separate draws or columns (`5 * x + 3 + noise`, `2 * X[:, 0] - 3 * X[:, 1]`):
        # every pair of values occurs, so the sum comes close to both its bounds; zero-centred noise
        # added to values certainly beyond ±1 leaves most of them there
        if (left.exact and left.wide and right.lo == -_INF and right.hi == _INF
                or right.exact and right.wide and left.lo == -_INF and left.hi == _INF):
            return Span(-_INF, _INF, wide=True)
        exact = exact or left.exact and right.exact
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
    if isinstance(op, cst.Power) and rconst is not None:
        return _power_span(left, rconst)
    return None


_NEVER_NEGATIVE_OF = frozenset({"sum", "mean", "max", "min", "cumsum", "nansum", "nanmean", "median"})


def _never_negative(node, at: int, facts, records: dict, depth: int) -> bool:
    """Whether every value of `node` is known to be at least 0: a span from 0 up, a sum / mean /
    extreme of such values (`x.sum(axis=1)`, `np.mean(x, axis=1)`), or an abs / square / exp."""
    if depth > 12:
        return False
    span = _span(node, at, facts, records, depth + 1)
    if span is not None:
        return span.lo >= 0
    if isinstance(node, cst.Call):
        name = _call_name(node)
        if name in ("abs", "absolute", "square", "exp") and node.args:
            return True
        if name in _NEVER_NEGATIVE_OF:
            inner = node.func.value if isinstance(node.func, cst.Attribute) and not (
                isinstance(node.func.value, cst.Name) and node.func.value.value in ("np", "numpy")) \
                else (node.args[0].value if node.args else None)
            return inner is not None and _never_negative(inner, at, facts, records, depth + 1)
    return False


def _zero_noise(node, at: int, records: dict, depth: int, any_scale: bool = False) -> bool:
    """`np.random.normal(0, s, n)`, `rng.standard_normal(n) * 0.1`, `noise` bound to one: a zero-mean
    normal draw (scaled by a constant, cast). `any_scale`: also scaled by anything (`noise *
    rng.standard_normal(n)` with `noise` a parameter): symmetric about 0 still, or all 0."""
    if depth > 6:
        return False
    if isinstance(node, cst.Name):
        found = last_assigned(records, node.value, at)
        return bool(found) and _zero_noise(found[1], found[0], records, depth + 1, any_scale)
    if isinstance(node, cst.BinaryOperation) and isinstance(node.operator, (cst.Multiply, cst.Divide)):
        if _const(node.right) is not None or any_scale:
            if _zero_noise(node.left, at, records, depth + 1, any_scale):
                return True
        return isinstance(node.operator, cst.Multiply) and (_const(node.left) is not None or any_scale) \
            and _zero_noise(node.right, at, records, depth + 1, any_scale)
    if not isinstance(node, cst.Call) or not isinstance(node.func, cst.Attribute):
        return False
    name = node.func.attr.value
    if name in ("astype", "reshape"):
        return _zero_noise(node.func.value, at, records, depth + 1, any_scale)
    return _zero_mean_draw(node)


def noise_scale(node, at: int, records: dict, depth: int = 0) -> Optional[float]:
    """The scale (standard deviation for a normal draw) of a zero-mean draw — `np.random.normal(0, 2,
    n)`, `np.random.randn(n, 3)`, `3.0 * X[:, 0]` with `X` such a draw, `noise` bound to one — or
    None when `node` is not one or its scale is not written as a number."""
    if depth > 6:
        return None
    if isinstance(node, cst.Name):
        found = last_assigned(records, node.value, at)
        return noise_scale(found[1], found[0], records, depth + 1) if found else None
    if isinstance(node, cst.Subscript):
        return noise_scale(node.value, at, records, depth + 1)  # a column of a draw: the same scale
    if isinstance(node, cst.BinaryOperation) and isinstance(node.operator, (cst.Multiply, cst.Divide)):
        factor, inner = (node.right, node.left) if _const(node.right) is not None else (node.left, node.right)
        k = _const(factor)
        if k is None or k == 0 or isinstance(node.operator, cst.Divide) and factor is not node.right:
            return None
        scale = noise_scale(inner, at, records, depth + 1)
        return None if scale is None else scale * abs(k if isinstance(node.operator, cst.Multiply) else 1 / k)
    if not isinstance(node, cst.Call) or not isinstance(node.func, cst.Attribute) or not _zero_mean_draw(node):
        return None
    name = node.func.attr.value
    if name in ("normal", "laplace", "logistic"):
        keywords = {a.keyword.value: a.value for a in node.args if a.keyword is not None}
        positional = [a.value for a in node.args if a.keyword is None]
        if _dotted_tail(node.func.value) in ("tf.random", "keras.random"):
            given = keywords.get("stddev", positional[2] if len(positional) > 2 else None)
        else:
            given = keywords.get("scale", positional[1] if len(positional) > 1 else None)
        scale = 1.0 if given is None else _const(given)
        return float(scale) if scale is not None and scale > 0 else None
    return 1.0  # randn, standard_normal


def _zero_mean_draw(node: cst.Call) -> bool:
    """`np.random.normal(0, s, n)`, `np.random.randn(n)`, `rng.standard_normal(n)`: a normal draw
    centred on zero (a `normal` whose `loc` is not zero is not)."""
    func = node.func
    if not isinstance(func, cst.Attribute) or func.attr.value not in _NORMAL_DRAWS \
            or _dotted_tail(func.value) not in _RANDOM_MODULES:
        return False
    if func.attr.value in ("normal", "laplace", "logistic"):
        args = [a for a in node.args if not a.star]
        if len(args) != len(node.args):
            return False
        keywords = {a.keyword.value: a.value for a in args if a.keyword is not None}
        positional = [a.value for a in args if a.keyword is None]
        if _dotted_tail(func.value) in ("tf.random", "keras.random"):
            # TensorFlow's and Keras' `normal(shape, mean=0.0, stddev=1.0)`: the shape comes first
            loc = keywords.get("mean", positional[1] if len(positional) > 1 else None)
        else:
            loc = keywords.get("loc", positional[0] if positional else None)
        return loc is None or _const(loc) == 0
    return True


def _independent(left, right) -> bool:
    """The two operands name no common data (`x` and `noise`), or are distinct literal columns of
    one array (`X[:, 0]` and `X[:, 1]`): their values vary independently."""
    if _draw(left) and _draw(right):
        return True  # two calls of a random generator: separate draws (`uniform(0, 100, n) + normal(0, 1, n)`)
    lnames, rnames = names_in(left), names_in(right)
    if not lnames or not rnames:
        return False
    if lnames.isdisjoint(rnames):
        return True
    lcol, rcol = _column(left), _column(right)
    return lcol is not None and rcol is not None and lcol[0] == rcol[0] and lcol[1] != rcol[1] \
        and lnames == rnames == {lcol[0]}


def _draw(node) -> bool:
    """A call of numpy's (or another generator's) random draws, scaled by constants (`5 * rng.normal(…)`)."""
    while isinstance(node, cst.BinaryOperation) and isinstance(node.operator, (cst.Multiply, cst.Divide)):
        node = node.right if _const(node.left) is not None else node.left if _const(node.right) is not None else None
    return isinstance(node, cst.Call) and isinstance(node.func, cst.Attribute) \
        and _dotted_tail(node.func.value) in _RANDOM_MODULES


def _column(node):
    """(array name, column index) of `X[:, k]` inside a scaled term (`2.0 * X[:, 0]`), else None."""
    while isinstance(node, cst.BinaryOperation) and isinstance(node.operator, (cst.Multiply, cst.Divide)):
        node = node.right if _const(node.left) is not None else node.left if _const(node.right) is not None else None
    if not isinstance(node, cst.Subscript) or not isinstance(node.value, cst.Name) or len(node.slice) != 2:
        return None
    first, second = node.slice[0].slice, node.slice[1].slice
    if not isinstance(first, cst.Slice) or first.lower is not None or first.upper is not None \
            or not isinstance(second, cst.Index) or _const(second.value) is None:
        return None
    return node.value.value, _const(second.value)


def _power_span(base: "Span", exponent: float):
    """`x ** p` / `np.power(x, p)` for non-negative x and p >= 1: a monotone map of the span."""
    if base.lo < 0 or exponent < 1 or base.hi == _INF:
        return None
    try:
        return Span(base.lo ** exponent, base.hi ** exponent, base.exact, keep=base.keep)
    except (OverflowError, ValueError):
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
        inner = _scalar_of(node)
        return _stdish(inner, at, records, depth + 1) if inner is not None else _call_name(node) in _STD
    if isinstance(node, cst.Name):
        found = last_assigned(records, node.value, at)
        return bool(found) and _stdish(found[1], found[0], records, depth + 1) or named_statistic(node, _STD_WORDS, found)
    if isinstance(node, cst.Attribute):
        return named_statistic(node, _STD_WORDS, None)
    return False


# The words of a name that say it holds a statistic of the data (`Y_MEAN`, `mu`, `targetStd`,
# `cfg.SIGMA`): statistics computed elsewhere and written down as constants, in a config module or
# passed as parameters. Min-max constants (`LO`, `RANGE`) are not among them: `(y - LO) / RANGE` is
# a min-max scaling into [0, 1], which these names never describe.
_MEAN_WORDS = frozenset({"mean", "mu", "avg", "average"})
_STD_WORDS = frozenset({"std", "sd", "sigma", "stdev", "stddev"})
_MAX_WORDS = frozenset({"max", "maximum"})


def named_statistic(node, words: frozenset, found) -> bool:
    """`node` (a name, or an attribute `cfg.Y_MEAN` / `self.mu`) is named as one of `words` and holds
    a value that may be it: a non-zero literal (`MU = 41.7`), or a value bound out of sight (imported,
    a parameter, unpacked from a call, another module's attribute) — `found`, its last plain binding
    here (None: none). A name bound to any other expression is judged by that expression."""
    name = node.value if isinstance(node, cst.Name) else node.attr.value if isinstance(node, cst.Attribute) else None
    if name is None or not {w.lower() for w in re.findall(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])", name)} & words:
        return False
    if found is None:
        return True
    value = _const(found[1])
    return value is not None and value != 0


def _scalar_of(call: cst.Call):
    """`x` of `float(x)` / `x.item()` (a statistic made a Python number keeps its meaning), else None."""
    func = call.func
    if isinstance(func, cst.Name) and func.value == "float" and len(call.args) == 1 and not call.args[0].star \
            and call.args[0].keyword is None:
        return call.args[0].value
    if isinstance(func, cst.Attribute) and func.attr.value == "item" and not call.args:
        return func.value
    return None


def imported_scaler_range(node: cst.Call, facts, records: dict):
    """"standard", or the (lo, hi) range, of `X.fit_transform(...)` / `X.transform(...)` where `X` is
    imported by name from a project module whose top level binds it to a scikit-learn scaler
    (`TARGET_SCALER = StandardScaler()` in utils.py, used by a data module read on its own); None
    otherwise."""
    func = node.func
    if not isinstance(func, cst.Attribute) or func.attr.value not in ("fit_transform", "transform"):
        return None
    held = func.value
    owner, theirs = facts, records  # the module the scaler is made in, and its records
    if isinstance(held, cst.Call):
        found = (facts, held)  # `MinMaxScaler(feature_range=RANGE).fit_transform(y)`
    elif isinstance(held, cst.Name) and held.value in records:
        bound = last_assigned(records, held.value, 1 << 30)
        found = (facts, bound[1]) if bound is not None else None
    elif isinstance(held, cst.Name):
        found = imported_binding(facts, held.value)
    elif isinstance(held, cst.Attribute) and isinstance(held.value, cst.Name) and held.value.value not in records:
        found = imported_binding(facts, held.value.value, held.attr.value)  # `utils.TARGET_SCALER`
    else:
        return None
    if found is not None and found[0] is not facts:
        owner, theirs = found[0], _records(found[0])
    made = found[1] if found is not None else None
    if not isinstance(made, cst.Call) or any(a.star for a in made.args):
        return None
    kw = {a.keyword.value: a.value for a in made.args if a.keyword is not None}
    if _call_name(made) == "StandardScaler" and not made.args:
        return "standard"  # (with_mean=False, any argument: not known to centre)
    if _call_name(made) == "MinMaxScaler" and all(a.keyword is not None for a in made.args) and set(kw) <= {"feature_range"}:
        rng = kw.get("feature_range")
        if rng is None:
            return (0.0, 1.0)
        if isinstance(rng, cst.Name):
            # a range held in a name: bound here, or imported from a config module
            bound = last_assigned(theirs, rng.value, 1 << 30) if rng.value in theirs else imported_binding(owner, rng.value)
            rng = bound[1] if bound is not None else None
        values = _literal_numbers(rng, []) if isinstance(rng, (cst.Tuple, cst.List)) else None
        return tuple(values) if values is not None and len(values) == 2 else None
    return None


def _call_span(node: cst.Call, at, facts, records, depth):
    func = node.func
    if _call_name(node) in ("from_tensor_slices", "from_tensors") and len(node.args) == 1 \
            and not isinstance(node.args[0].value, (cst.Tuple, cst.List, cst.Dict)):
        return _span(node.args[0].value, at, facts, records, depth + 1)  # a dataset of one array: its values
    if isinstance(func, cst.Attribute) and func.attr.value in ("transform", "apply", "pipe", "map") and len(node.args) == 1 \
            and isinstance(node.args[0].value, cst.Lambda) and len(node.args[0].value.params.params) == 1:
        # `s.transform(lambda v: (v - v.mean()) / v.std())`: what the function makes of any series,
        # by its own structure (its parameter is not a name of the file's spelled alike)
        param = node.args[0].value.params.params[0].name.value
        return _span(node.args[0].value.body, at, facts, {k: v for k, v in records.items() if k != param}, depth + 1)
    if isinstance(node.func, cst.Attribute) and node.func.attr.value in ("div", "divide", "truediv") \
            and len(node.args) == 1 and node.args[0].keyword is None and _stdish(node.args[0].value, at, records, 0):
        return Span(-_INF, _INF, wide=True)  # `s.sub(s.mean()).div(s.std())`, pandas' spelling
    if facts.range_calls.get(id(node)) is None:
        imported = imported_scaler_range(node, facts, records)
        if imported == "standard":
            return Span(-_INF, _INF, wide=True)
        if isinstance(imported, tuple):
            return Span(min(imported), max(imported), exact=True)
    if id(node) in facts.range_calls:
        scaled = facts.range_calls[id(node)]
        if scaled == "standard":
            return Span(-_INF, _INF, wide=True)
        if isinstance(scaled, tuple):
            return Span(min(scaled), max(scaled), exact=True)
        return None
    if node.args and _unit_draw(node):
        # an array of uniform draws in [0, 1) (a size given): its values come close to both ends,
        # so `np.random.rand(n) * 80` is a span of about [0, 80]
        return Span(0, 1, exact=True)
    if id(node) in facts.scaling_calls or _unit_call(node):
        return Span(0, 1)
    name = _call_name(node)
    func = node.func
    if isinstance(func, cst.Attribute) and name in _PEEL_METHODS:
        return _span(func.value, at, facts, records, depth + 1)
    column = _popped_column(node) if name == "pop" else None
    if column is not None:  # y = df.pop("price"): that column as it was then
        return _span_column(func.value.value, column, at, facts, records, depth + 1)
    if name in ("power", "square") and isinstance(func, cst.Attribute) and node.args \
            and _dotted_tail(func.value) in ("np", "numpy"):
        exponent = 2 if name == "square" else _const(node.args[1].value) if len(node.args) > 1 else None
        base = _span(node.args[0].value, at, facts, records, depth + 1)
        return _power_span(base, exponent) if base is not None and exponent is not None else None
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
    if name in ("sin", "cos") and args:
        # over a full period of an argument whose values are known (`t = np.arange(0, 100, 0.05)`)
        # a sine reaches both -1 and 1
        inner = _span(args[0].value, at, facts, records, depth + 1)
        full = inner is not None and inner.exact and inner.hi - inner.lo >= 2 * math.pi
        return Span(-1, 1, exact=full)
    if name in ("tanh", "sin", "cos"):
        return Span(-1, 1)
    found = _returns(node, at, facts, records)
    if found is not None:
        # `y = prepare(df)`: what the function returns, when every return it ran so far agrees
        other, other_records, returns = found
        spans = [_span(value, i, other, other_records, depth + 1) for i, value in returns if value is not None]
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
    if name in ("poisson", "exponential"):
        # counts of mean `lam`, waiting times of mean `scale`: from a mean of 1 up, many of the
        # draws lie beyond 1 (none below 0)
        mean = kw.get("lam" if name == "poisson" else "scale", lits[0] if lits else 1.0)
        if mean is not None and mean >= 1:
            return Span(0, _INF, wide=True)
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


# ---------------------------------------------------------------- one output's targets
# (whether targets are class labels: facts/labels.py; whether they take both signs: facts/signs.py)

# draws symmetric about a centre: normal ones, and the heavier-tailed Laplace / logistic / Student's t /
# Cauchy (`laplace(loc, scale, n)`: centred on zero unless `loc` says otherwise)
_NORMAL_DRAWS = frozenset({"randn", "normal", "standard_normal", "laplace", "logistic", "standard_t",
                           "standard_cauchy"})
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
        if isinstance(inner, cst.Subscript) and isinstance(inner.value, cst.Attribute) \
                and inner.value.attr.value in ("iloc", "loc") and len(inner.slice) == 1 \
                and isinstance(inner.slice[0].slice, cst.Slice):
            inner = inner.value.value  # `df.iloc[:cut]`: some rows, every column
            continue
        if not isinstance(inner, cst.Call) or not isinstance(inner.func, cst.Attribute) \
                or _call_name(inner) not in _SIGN_PEEL_METHODS | _FRAME_KEEP:
            break
        if _call_name(inner) == "assign":
            # `df = df.assign(ret=df["close"].pct_change())`, `assign(d=lambda d: d.t.diff())`
            given = next((a.value for a in inner.args if a.keyword is not None and a.keyword.value == column), None)
            if given is not None:
                return "given", given.body if isinstance(given, cst.Lambda) else given
        inner = inner.func.value
    inner = _dummies_source(inner, column)
    return ("name", inner.value) if isinstance(inner, cst.Name) else ("frame", value)


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
    if origin is None or origin[0] != "frame" or not isinstance(origin[2], cst.Call):
        return None if origin is None else [(facts, records, origin)]
    found = _returns(origin[2], origin[1], facts, records)
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


def _span_column(frame: str, column: str, at: int, facts, records: dict, depth: int):
    """The span of `df["y"]` as it was at `at` (see `_column_origin`; also through a function that
    made the frame, `column_origins`)."""
    origins = column_origins(frame, column, at, facts, records) if depth <= 24 else None
    if origins is None:
        return None
    if len(origins) != 1:
        return _union([_origin_span(*found, column, depth) for found in origins])
    return _origin_span(*origins[0], column, depth)


def _origin_span(facts, records: dict, origin: tuple, column: str, depth: int):
    if origin[0] == "frame":
        written = _literal_frame_column(origin[2], column)
        if written is not None:  # `pd.DataFrame({"x": [...], "y": [-2.5, 1.2]})`: that column's data
            return _span(written, origin[1], facts, records, depth + 1)
    found = _span(origin[2], origin[1], facts, records, depth + 1)
    if found is None or found.keep or origin[0] == "given" \
            or origin[0] == "write" and isinstance(origin[3], set) and len(origin[3]) == 1:
        return found  # `df["y"] = …`: the column is that value; a scaler's output scales every column
    return Span(found.lo, found.hi)  # one part of a frame's values, or of literal data written to several


