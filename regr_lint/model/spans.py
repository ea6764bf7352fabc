"""Where target values lie: a sound span of the values an expression holds (RL101's and RL102's
evidence that targets leave [-1, 1]), followed through the names they are cut from, the project
functions that return them, the columns of a frame and the generators that yield them."""
from __future__ import annotations

import math
from typing import Optional

from regr_lint.lazy import cst

from regr_lint.model.columns import (_EVERY_COLUMN, _column_writes, _kept_frame, _keyed_return,
                                     _literal_frame_column, _popped_column, column_origins, read_column)
from regr_lint.model.dataflow import _elsewhere_shows, _in_project_module, _mapping_module, ancestors, name_values
from regr_lint.model.draws import (Span, _INF, _RANDOM_MODULES, _draw, _draw_span, _literal_numbers, _unit_draw,
                                   _zero_noise, generator_object, noise_scale)
from regr_lint.model.generators import _generator_call, _generator_targets, cut_targets
from regr_lint.model.importers import (_instance_attribute, _instance_class, _returned_items, _returns, attribute_parts,
                                       fitted_by_importers, parameter_sources, wrapper_targets)
from regr_lint.model.model import KerasFacts
from regr_lint.model.records import (_PEEL_FUNCS, _PEEL_METHODS, _call_name, _const, _dotted_tail, _records,
                                     _string_value, _unzipped, expr_key, last_assigned, names_in)
from regr_lint.model.scaling import _STD_WORDS, _unit_call, imported_scaler_range, named_statistic


# ---------------------------------------------------------------- where target values lie
# Read flow-sensitively over the recorded assignments: a name is what its last assignment before
# the training call made it (appends to a list since then included). Only what the model can follow
# gives an answer (scalers, standardising, literal data, numpy draws, affine arithmetic on those);
# anything else is unknown, and unknown is never evidence.

_STD = frozenset({"std", "nanstd", "reduce_std"})


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
                    spans = [_span(y, there, home, theirs, 0) for y in cut_targets(t.mapped, t.output)]
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


def targets_outside_unit(facts: KerasFacts, model) -> bool:
    """True when some training of `model` in this file has targets whose values are known and leave
    [0, 1] (`np.array([[150], [1050]]) / 100`): what a divide writes, whatever its divisor says."""
    return any(span is not None and (span.wide or span.exact and (span.lo < 0 or span.hi > 1))
               for span in _own_target_spans(facts, model))


def targets_within_unit(facts: KerasFacts, model) -> bool:
    """True when every training of `model` in this file names its targets and their span is known to
    lie in [0, 1]: literal data (`np.array([0.2, 0.9])`), a column mapped to literal values
    (`df["grade"].map({"poor": 0.0, "good": 1.0})`) — a sigmoid's own range."""
    spans = _own_target_spans(facts, model, every=True)
    return bool(spans) and all(span is not None and not span.wide and 0 <= span.lo and span.hi <= 1
                               for span in spans)


def _own_target_spans(facts: KerasFacts, model, every: bool = False) -> list:
    """The span of the targets of each training of `model` whose targets are nodes of this file (None
    where unknown); with `every`, [] unless every training is such."""
    from regr_lint.knowledge.tables import TRAIN_METHODS

    trainings = [t for t in model.trainings if t.method in TRAIN_METHODS]
    own = [t for t in trainings if t.y_node is not None and t.origin is None]
    if every and len(own) != len(trainings):
        return []
    records = _records(facts)
    spans = []
    for t in own:
        try:
            spans.append(_span(t.y_node, t.at if t.at >= 0 else len(facts.assignments), facts, records, 0))
        except (ArithmeticError, ValueError):  # literals too large for a float: no answer
            spans.append(None)
    return spans


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
    if isinstance(node, cst.IfExp):  # `1.0 if won else 0.0`: either arm's values
        return _union([_span(arm, at, facts, records, depth + 1) for arm in (node.body, node.orelse)])
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


def instance_attribute_unpacked(y, at: int, facts: KerasFacts, records: dict):
    """`ds.y` where the data class's constructor sets it by unpacking a call (`self.y, self.stats =
    normalize(raw[:, -1])`): (the facts of the class's module, the record (index, "unpack", (call, k,
    n, inner))); None otherwise (see `_own_attribute_value`)."""
    found = _instance_class(y, at, facts, records)
    if found is None:
        return None
    _, other, attr, _ = found
    record = _self_attribute_record(f"self.{attr}", other, _records(other))
    return (other, record) if record is not None and record[1] == "unpack" else None


def _binop_span(node: cst.BinaryOperation, at, facts, records, depth):
    op = node.operator
    if isinstance(op, cst.Divide) and _stdish(node.right, at, records, 0):
        return Span(-_INF, _INF, wide=True)  # (y - y.mean()) / y.std()
    if isinstance(op, (cst.Multiply, cst.Divide)):
        scale = noise_scale(node, at, records)
        if scale is not None and scale >= 3:
            # `40.0 * x[:, 0]` of standard-normal `x`: a zero-mean draw whose most values leave ±1
            return Span(-_INF, _INF, wide=True)
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
        if known.wide and known.lo == -_INF and known.hi == _INF and _never_negative(other, at, facts, records, depth + 1):
            # `40 * x[:, 0] + 25 * np.square(x[:, 1])`: unbounded values beyond ±1, plus something
            # never negative, still leave [-1, 1]
            return Span(-_INF, _INF, wide=True)
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
    if isinstance(node, cst.BinaryOperation):
        op, lconst, rconst = node.operator, _const(node.left), _const(node.right)
        if isinstance(op, cst.Power):
            return isinstance(rconst, int) and rconst % 2 == 0  # `x ** 2`
        if isinstance(op, (cst.Multiply, cst.Divide)) and (rconst is not None and rconst > 0
                                                           or lconst is not None and lconst > 0
                                                           and isinstance(op, cst.Multiply)):
            return _never_negative(node.left if rconst is not None else node.right, at, facts, records, depth + 1)
        if isinstance(op, cst.Add):
            return _never_negative(node.left, at, facts, records, depth + 1) \
                and _never_negative(node.right, at, facts, records, depth + 1)
        return False
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


_MODULE_NAMES = frozenset({"np", "numpy", "math", "tf", "tensorflow", "scipy", "pd", "pandas"})


def _independent(left, right) -> bool:
    """The two operands name no common data (`x` and `noise`), or are distinct literal columns of
    one array (`X[:, 0]` and `X[:, 1]`): their values vary independently."""
    if _draw(left) or _draw(right):
        # a call of a random generator draws values of its own: separate from the other side's
        # (`uniform(0, 100, n) + normal(0, 1, n)`, `10 * X[:, 0] + np.random.normal(0, 1, n)`)
        return True
    # (the modules whose functions both call, `np`, are no data they share)
    lnames, rnames = names_in(left) - _MODULE_NAMES, names_in(right) - _MODULE_NAMES
    if not lnames or not rnames:
        return False
    if lnames.isdisjoint(rnames):
        return True
    lcols, rcols = _columns(left), _columns(right)
    # (`50 * x[:, 0] + 20 * x[:, 1] - 5 * x[:, 2]`: sums of distinct literal columns of one array)
    return bool(lcols) and bool(rcols) and lcols.isdisjoint(rcols) \
        and lnames == rnames == {a for a, _ in lcols | rcols}


_ELEMENTWISE = frozenset({"square", "abs", "absolute", "exp", "log", "log1p", "sqrt", "sin", "cos", "tanh"})


def _columns(node, depth: int = 0) -> Optional[set]:
    """{(array, column)} of a sum or difference of scaled literal columns of arrays (`2.0 * X[:, 0]
    - X[:, 1]`), else None."""
    if isinstance(node, cst.BinaryOperation) and isinstance(node.operator, (cst.Add, cst.Subtract)) and depth < 8:
        left, right = _columns(node.left, depth + 1), _columns(node.right, depth + 1)
        return left | right if left is not None and right is not None else None
    col = _column(node)
    return {col} if col is not None else None


def _column(node):
    """(array name, column index) of `X[:, k]` inside a scaled term (`2.0 * X[:, 0]`), else None."""
    while isinstance(node, cst.BinaryOperation) and isinstance(node.operator, (cst.Multiply, cst.Divide, cst.Power)) \
            or isinstance(node, cst.Call) and _call_name(node) in _ELEMENTWISE and len(node.args) == 1:
        # (`25.0 * np.square(X[:, 1])`, `X[:, 2] ** 2`: a function of that column alone)
        if isinstance(node, cst.Call):
            node = node.args[0].value
            continue
        node = node.right if _const(node.left) is not None and not isinstance(node.operator, cst.Power) \
            else node.left if _const(node.right) is not None else None
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
    if isinstance(node, cst.Subscript) and len(node.slice) == 1 and isinstance(node.slice[0].slice, cst.Index) \
            and isinstance(node.slice[0].slice.value, cst.SimpleString):
        return _string_value(node.slice[0].slice.value) in _STD  # `stats["std"]` of `frame.describe()`
    if isinstance(node, cst.BinaryOperation) and isinstance(node.operator, cst.Add):
        # `std + 1e-8`: a std kept off zero
        return any(_const(b) is not None and 0 < _const(b) < 1e-2 and _stdish(a, at, records, depth + 1)
                   for a, b in ((node.left, node.right), (node.right, node.left)))
    return False


def _scalar_of(call: cst.Call):
    """`x` of `float(x)` / `x.item()` (a statistic made a Python number keeps its meaning), else None."""
    func = call.func
    if isinstance(func, cst.Name) and func.value == "float" and len(call.args) == 1 and not call.args[0].star \
            and call.args[0].keyword is None:
        return call.args[0].value
    if isinstance(func, cst.Attribute) and func.attr.value == "item" and not call.args:
        return func.value
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
    if isinstance(func, cst.Attribute) and func.attr.value == "map" and len(node.args) == 1 \
            and node.args[0].keyword is None and isinstance(node.args[0].value, cst.Dict):
        # `s.map({"poor": 0.0, "good": 1.0})`: pandas gives each value the dict's (NaN for the rest)
        values = [e.value for e in node.args[0].value.elements if isinstance(e, cst.DictElement)]
        numbers = _literal_numbers(cst.List([cst.Element(v) for v in values]), []) \
            if values and len(values) == len(node.args[0].value.elements) else None
        return Span(min(numbers), max(numbers)) if numbers else None
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
    name = _call_name(node)
    if name in ("ones", "zeros", "ones_like", "zeros_like") and isinstance(node.func, cst.Attribute):
        # `np.ones(n) * 0.9 + jitter`: every value is the one number (a soft label's sum stays near it)
        one = 1.0 if name.startswith("ones") else 0.0
        return Span(one, one, exact=True)
    if id(node) in facts.scaling_calls or _unit_call(node):
        return Span(0, 1)
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
            parts = [_span(e.value, at, facts, records, depth + 1) for e in first.elements
                     if not isinstance(e, cst.StarredElement)] or [None]
            joined = _union(parts)
            if joined is not None and not joined.wide and all(p is not None and p.exact for p in parts):
                # every part's values are in the join: it comes close to each part's bounds
                return Span(joined.lo, joined.hi, exact=True)
            return joined
        return _span(first, at, facts, records, depth + 1)
    if name in ("full", "full_like") and isinstance(func, cst.Attribute) \
            and _dotted_tail(func.value) in ("np", "numpy", "tf", "tensorflow"):
        # `np.full(n, -1.0)`: every value is the fill value
        fill = next((a.value for a in node.args if a.keyword is not None and a.keyword.value == "fill_value"), None)
        if fill is None and len(args) >= 2:
            fill = args[1].value
        return _span(fill, at, facts, records, depth + 1) if fill is not None else None
    if isinstance(func, cst.Attribute) and (_dotted_tail(func.value) in _RANDOM_MODULES
                                            or generator_object(func.value, at, records)) or \
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
        written = _literal_frame_column(_kept_frame(origin[2]), column)
        if written is not None:  # `pd.DataFrame({"x": [...], "y": [-2.5, 1.2]})`: that column's data
            return _span(written, origin[1], facts, records, depth + 1)
    found = _span(origin[2], origin[1], facts, records, depth + 1)
    if found is None or found.keep or origin[0] == "given" \
            or origin[0] == "write" and isinstance(origin[3], set) and len(origin[3]) == 1:
        return found  # `df["y"] = …`: the column is that value; a scaler's output scales every column
    return Span(found.lo, found.hi)  # one part of a frame's values, or of literal data written to several
