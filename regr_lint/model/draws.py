"""What literal numbers and random draws give: the bounds of a numpy / random draw or range (`Span`,
the bound every span of `spans.py` is, defined here because `scaling.py` — below spans.py — needs a
uniform draw's bounds), uniform draws in [0, 1), and zero-mean noise with its scale."""
from __future__ import annotations

from typing import Optional

from regr_lint.lazy import cst

from regr_lint.model.records import _call_name, _const, _dotted_tail, _int, last_assigned


# numpy draws that land in [0, 1) by construction: targets made this way need no scaling.
_UNIT_DRAWS = frozenset({"rand", "random", "random_sample", "ranf", "sample"})


# what a draw is called on (`np.random.normal(...)`, `rng.uniform(...)`)
_RANDOM_MODULES = ("random", "np.random", "numpy.random", "rng", "tf.random", "keras.random")
_INF = float("inf")


# draws symmetric about a centre: normal ones, and the heavier-tailed Laplace / logistic / Student's t /
# Cauchy (`laplace(loc, scale, n)`: centred on zero unless `loc` says otherwise)
_NORMAL_DRAWS = frozenset({"randn", "normal", "standard_normal", "laplace", "logistic", "standard_t",
                           "standard_cauchy"})


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


class Span:
    """A sound bound [lo, hi] on the values; `exact`: the values come close to both bounds; `wide`:
    some values are certainly outside [-1, 1]; `keep`: a slice of the data keeps exact / wide."""
    __slots__ = ("lo", "hi", "exact", "wide", "keep")

    def __init__(self, lo, hi, exact=False, wide=None, keep=True):
        self.lo, self.hi, self.exact, self.keep = lo, hi, exact, keep
        self.wide = (lo > 1 or hi < -1 or exact and (lo < -1 or hi > 1)) if wide is None else wide


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


def _zero_noise(node, at: int, records: dict, depth: int, any_scale: bool = False) -> bool:
    """`np.random.normal(0, s, n)`, `rng.standard_normal(n) * 0.1`, `noise` bound to one: a zero-mean
    normal draw (scaled by a constant, cast). `any_scale`: also scaled by anything (`noise *
    rng.standard_normal(n)` with `noise` a parameter): symmetric about 0 still, or all 0."""
    if depth > 6:
        return False
    if isinstance(node, cst.Name):
        found = last_assigned(records, node.value, at)
        return bool(found) and _zero_noise(found[1], found[0], records, depth + 1, any_scale)
    if isinstance(node, cst.Subscript):
        # a column (or rows) of a zero-mean draw (`3.0 * x[:, 0]` with `x = rng.normal(size=(n, 4))`),
        # never a mask's pick (`z[z > 0]`)
        return all(isinstance(e.slice, cst.Slice) or isinstance(e.slice, cst.Index) and _int(e.slice.value) is not None
                   for e in node.slice) and _zero_noise(node.value, at, records, depth + 1, any_scale)
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


def _draw(node) -> bool:
    """A call of numpy's (or another generator's) random draws, scaled by constants (`5 * rng.normal(…)`)."""
    while isinstance(node, cst.BinaryOperation) and isinstance(node.operator, (cst.Multiply, cst.Divide)):
        node = node.right if _const(node.left) is not None else node.left if _const(node.right) is not None else None
    return isinstance(node, cst.Call) and isinstance(node.func, cst.Attribute) \
        and _dotted_tail(node.func.value) in _RANDOM_MODULES


_GENERATORS = frozenset({"RandomState", "default_rng", "Generator", "Random"})


def generator_object(node, at: int, records: dict) -> bool:
    """A name bound to a random generator (`rs = np.random.RandomState(seed)`, `gen =
    np.random.default_rng(0)`): its draws are numpy's."""
    if not isinstance(node, cst.Name):
        return False
    found = last_assigned(records, node.value, at)
    return found is not None and isinstance(found[1], cst.Call) and _call_name(found[1]) in _GENERATORS


def _draw_span(name, node: cst.Call):
    """numpy / random draws and ranges with literal bounds."""
    lits = []
    for arg in node.args:
        if arg.keyword is not None or arg.star:
            break
        lits.append(_const(arg.value))
    kw = {a.keyword.value: _const(a.value) for a in node.args if a.keyword is not None}
    if name == "uniform" and isinstance(node.func, cst.Attribute) \
            and _dotted_tail(node.func.value) in ("tf.random", "keras.random"):
        # TensorFlow's and Keras' `uniform(shape, minval=0.0, maxval=1.0)`: the shape comes first
        lo = kw.get("minval", lits[1] if len(lits) > 1 else 0.0 if "minval" not in kw else None)
        hi = kw.get("maxval", lits[2] if len(lits) > 2 else 1.0 if "maxval" not in kw else None)
        if lo is None or hi is None:
            return None
        return Span(min(lo, hi), max(lo, hi), exact=True)
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
    if name in ("rand", "random", "random_sample", "ranf"):
        return Span(0, 1, exact=True)  # `rng.rand(n, 3)`, `np.random.random(n)`: uniform over [0, 1)
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
