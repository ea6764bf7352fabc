"""Whether an expression scales values into [0, 1]: min-max and peak-to-peak forms, a division by
a max or by an own sum, a logistic, a clip, a scaler of the project whose range is [0, 1], calls in
[0, 1] by construction. The assignment graph of `dataflow.py` keeps with it which names hold such
values."""
from __future__ import annotations

import re
from typing import Optional

from regr_lint.lazy import cst

from regr_lint.model.draws import _RANDOM_MODULES, _literal_numbers, _unit_draw
from regr_lint.model.importers import imported_binding
from regr_lint.model.model import KerasFacts
from regr_lint.model.records import (_call_name, _calls_any, _const, _dotted_tail, _int, _records, _string_value,
                                     arm_alternatives, expr_key, last_assigned)


_MAXISH = frozenset({"max", "amax", "nanmax", "reduce_max"})


_JOINS = frozenset({"concatenate", "stack", "hstack", "vstack", "column_stack", "dstack", "concat"})


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
            if node.args and _call_name(node) in ("array", "asarray", "float", "float32", "float64", "reshape", "squeeze",
                                                  "DataFrame"):  # (`float(age / MAX_AGE)` keeps the value)
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
    if name == "interp" and len(node.args) >= 3 and all(a.keyword is None and not a.star for a in node.args[:3]) \
            and isinstance(node.args[2].value, (cst.Tuple, cst.List)):
        # `np.interp(t, (lo, hi), (0, 1))`: the output lies between the smallest and largest of the
        # values it maps onto (clamped there outside the input range)
        onto = _literal_numbers(node.args[2].value, [])
        return bool(onto) and 0 <= min(onto) and max(onto) <= 1
    if name in ("randint", "where") and len(node.args) >= 3:
        lits = [_int(a.value) for a in node.args[:3]]
        if name == "randint":
            return lits[0] == 0 and lits[1] in (1, 2)
        return {lits[1], lits[2]} <= {0, 1}
    return False


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
        # the top of the scale written as a literal at the divide: `stars / 5.0`, `pixels / 255`,
        # `percent / 100` (as `Y_MAX = 560.0` is one written as a constant named so — a constant named
        # otherwise, `PRICE_STD = 95000.0`, is no max); 255 also through a name. A power of ten from
        # a thousand up changes units (`price / 1000.0`, prices in k$), it states no top
        try:
            value = node.evaluated_value
            return value == 255 or depth == 0 and value > 1 and not _units(value)
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


def _units(value) -> bool:
    """1e3, 1e4, 1e6, …: a divisor that changes units or magnitude (thousands, millions)."""
    if value < 1000:
        return False
    while value >= 10 and value % 10 == 0:
        value /= 10
    return value == 1


def _image_extent(node) -> bool:
    """`image.shape[1]`, `img.shape[:2]`: an array's extent along its first axes (a box corner or a
    pixel coordinate divided by it lies in [0, 1])."""
    return isinstance(node, cst.Subscript) and isinstance(node.value, cst.Attribute) \
        and node.value.attr.value == "shape" and len(node.slice) == 1


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
        if found is not None and any(not (alt[-1][2] is not None and alt[-1][2].deep_equals(found[1]))
                                     for alt in arm_alternatives(facts, records[held.value], 1 << 30)):
            return None  # `MinMaxScaler()` in one arm of an `if`, `StandardScaler()` in the other
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
        elif isinstance(rng, cst.Attribute) and isinstance(rng.value, cst.Name) and rng.value.value not in theirs:
            # `feature_range=cfg.Y_RANGE` of `import config as cfg`: what that module binds
            bound = imported_binding(owner, rng.value.value, rng.attr.value)
            rng = bound[1] if bound is not None else None
        values = _literal_numbers(rng, []) if isinstance(rng, (cst.Tuple, cst.List)) else None
        return tuple(values) if values is not None and len(values) == 2 else None
    return None
