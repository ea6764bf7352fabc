"""Whole-file, flow-insensitive data-flow questions, answered lazily from the recorded assignments:
which names a value was computed from (the assignment graph), and whether the targets a model is
trained on are scaled into [0, 1], one-hot or rows summing to one — in the file, in the project
module that makes them, or prepared by a script of the project that hands them over in a file.
The rooms below it: `records` (recorded assignments, names), `importers` (project modules and
their importers), `columns` (one output's targets, frame columns), `generators` (batches' targets),
`draws` (random draws' bounds), `scaling` (values scaled into [0, 1]); `spans` (where target values
lie) is built on it."""
from __future__ import annotations

import dataclasses
import os
import re
from typing import Iterable, Optional

from regr_lint.lazy import cst

from regr_lint.model.columns import _RAW_FRAME_READERS, _column_key, _popped_column, column_origins, read_column
from regr_lint.model.draws import _unit_draw
from regr_lint.model.generators import (_batch_targets, _from_generator, _generator_call, _generator_targets,
                                        _passed_for, cut_targets, passed_targets, sequence_output_targets,
                                        yielded_arrays)
from regr_lint.model.importers import (_READ_BESIDE, _argument_for, _callee, _declared_by_importers,
                                       _instance_attribute, _method_in, _module_facts, _nodes_along, _project_items,
                                       _steps_in_functions, _top_function, attribute_parts, fitted_by_importers,
                                       imported_binding, project_function, wrapper_targets)
from regr_lint.model.model import KerasFacts
from regr_lint.model.records import (_PEEL_METHODS, _arrays, _call_name, _calls_any, _calls_in, _changes_range, _const,
                                     _dotted_tail, _records, _string_value, expr_key, last_assigned, names_in)
from regr_lint.model.scaling import _maxish, _normalising, _own_sum, is_unit_scaling
from regr_lint.model.trainers import self_attribute, stored_parameters


# one-hot encoders: their targets are class indicators, not regression values.
_ONE_HOT = frozenset({"to_categorical", "one_hot", "get_dummies", "LabelBinarizer", "OneHotEncoder",
                      "label_binarize"})


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


# Files a project's pipeline hands from one script to the next: how each kind is read (a call
# through one of these modules' `load`, or pandas' `read_pickle`) and written (as another module's
# text spells the call). A database table one script fills (`frame.to_sql("targets", con)`) and
# another reads (`pd.read_sql(query, con)`) is such a hand-over too; its reader names a query, not a
# file, so any writer of the project counts.
_ARTIFACT_READERS = {**dict.fromkeys(("pickle", "cPickle", "_pickle", "dill", "joblib"), "pickle"),
                     "np": "numpy", "numpy": "numpy"}
_SQL_READERS = frozenset({"read_sql", "read_sql_query", "read_sql_table"})
_ARTIFACT_WRITES = {"pickle": ("pickle.dump(", "cPickle.dump(", "dill.dump(", "joblib.dump(", ".to_pickle("),
                    "numpy": ("np.save(", "np.savez(", "np.savez_compressed(", "numpy.save(", "numpy.savez("),
                    "sql": (".to_sql(",), "csv": (".to_csv(",)}


def targets_from_project_artifact(facts: KerasFacts, model) -> bool:
    """The targets `model` is fitted on are read from a pickle (`pickle.load(f)`, `joblib.load`,
    `pd.read_pickle`) or a numpy file (`np.load`) and another file of the project writes files of
    that kind (`pickle.dump`, `to_pickle`, `np.save`): they were prepared by the project's own
    pipeline, in a script whose output reaches this one only through a file — how it scaled them is
    not known here."""
    from regr_lint.knowledge.tables import TRAIN_METHODS

    if not any(t.method in TRAIN_METHODS for t in model.trainings):
        # a builder's model the scripts beside it fit (`model.fit(batches())` in train.py on a
        # generator of loader.py reading `np.load("out_dev_0.npy")`): as each of them reads it
        return _importers_show(facts, model, targets_from_project_artifact)
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
    """{kind of file ("pickle", "numpy", "sql", "csv"): the stems of the file names read (`np.load("y_train.npy")`:
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
            elif func.attr.value in _SQL_READERS:
                _merge_kinds(kinds, {"sql": None})
                continue
            elif func.attr.value == "read_csv":
                # a table read by a literal name only: a CSV named otherwise is as likely downloaded
                stems = _read_stem(call)
                if stems is not None:
                    _merge_kinds(kinds, {"csv": stems})
                continue
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


def _project_writes(path: str, kind: str, stems: Optional[set] = None) -> bool:
    """Whether a Python file of `path`'s project other than `path` writes files of `kind` — with
    `stems` (the names of the files read, known), one whose text names one of them (`np.save(
    "y_train", y)`, `out = "y_train.npy"`): scripts writing other files prepared other data."""
    from regr_lint.project.link import project_files_calling, project_text, without_comment_lines

    here = os.path.abspath(path) if path else ""
    others = project_files_calling(path, _ARTIFACT_WRITES[kind]) - {here} if path else frozenset()
    if others and stems is not None:
        others = frozenset(o for o in others if _may_write(without_comment_lines(project_text(o) or ""), kind, stems))
    if others and kind == "csv":
        # a table is the commonest file of all, raw ones included: only a writer that scales into
        # [0, 1] and standardises nothing prepared it for this head
        others = frozenset(o for o in others if _prepares_unit(o))
    if others:
        # a cached result of `path` holds while these still write such files (see modules_read_beside)
        _ARTIFACTS_READ.setdefault(here, set()).update(others)
        if len(_ARTIFACTS_READ) > 4096:
            _ARTIFACTS_READ.pop(next(iter(_ARTIFACTS_READ)))
    return bool(others)


def _prepares_unit(path: str) -> bool:
    """Project script `path` scales something into [0, 1] (a MinMaxScaler, a divide by a max, uniform
    draws) and standardises nothing (`StandardScaler`)."""
    other = _module_facts(path)
    if other is None or any(r == "standard" for r in other.range_calls.values()):
        return False
    return bool(unit_scaled_names(other) or other.scaling_calls) or _draws_unit(other)


def _draws_unit(facts: KerasFacts) -> bool:
    """The script fills data with uniform draws in [0, 1) (`np.random.uniform(0, 1, n)`)."""
    for _, value in facts.assignments:
        for call in _calls_in(value) if isinstance(value, cst.BaseExpression) else ():
            if call.args and _unit_draw(call):
                return True
    return False


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
    return any(m.group(1) not in "\"'" for call in _NAMED_FIRST.get(kind, ())
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
    traced = _traced_batch_targets(facts, model) if not ys and not _has_targets(model) else None
    if traced is not None:
        # the batches' targets traced to where they are made: judged as targets passed to `fit` are,
        # not by whatever else the file scales (`batch = np.stack(...) / 255.0`, their inputs)
        return any(_y_unit_scaled(y, other, _records(other), unit_scaled_names(other)) for other, y in traced)
    if not ys and not _has_targets(model) and model.trainings and all(
            _generator_reads_raw(facts, t) for t in model.trainings):
        # a `Sequence` / generator whose every batch's targets are a column of a table read raw
        # (`rows["mos"].values` of `self.table = pd.read_csv(path)`): the [0, 1] scaling beside
        # them is the images' (`images / 255.0`), not theirs
        return False
    if not ys and not _has_targets(model):
        # Trained elsewhere, or on a generator: any [0, 1] scaling in the file might be of the
        # targets (also the targets a generator yields, `yield x, boxes[i:j] / boxes.max()`); stay
        # silent — and in the project module that makes the generator or `Sequence` it is trained
        # on. So do the modules beside it that build this model and fit it, when each fit's
        # targets are.
        return bool(scaled or facts.scaling_calls) and not _only_inputs_scaled(facts, model, scaled) \
            or _yields_unit_scaled(facts) or any(_generator_unit_scaled(facts, t) for t in model.trainings) \
            or any(_scales_anything(other) for other in _source_modules(facts, model)) \
            or _importers_show(facts, model, targets_unit_scaled) \
            or _declared_by_importers(facts, model, "unit_target_nodes") \
            or any(_yields_over_passed_max(facts, t) for t in model.trainings) \
            or any(not standardised and _y_unit_scaled(y, other, _records(other), unit_scaled_names(other))
                   for other, y, _, standardised in wrapper_targets(facts, model))
    records = _records(facts)
    return any(_y_unit_scaled(y, facts, records, scaled) for y in ys)


def _traced_batch_targets(facts: KerasFacts, model) -> Optional[list]:
    """[(module facts, expression)]: the targets each training of `model` gets from a `Sequence` (one
    output's of several: see `generators.sequence_output_targets`) or a generator function yielding
    rows of an array (`generators.yielded_arrays`), traced to where they are made; None when one
    training's cannot be traced so."""
    from regr_lint.knowledge.tables import TRAIN_METHODS

    found = []
    for t in model.trainings:
        if t.method in TRAIN_METHODS:
            one = sequence_output_targets(facts, t)
            many = [one] if one is not None else yielded_arrays(facts, t) if t.y_node is None and not t.mapped else None
            if not many:
                return None
            found += many
    return found or None


def _batch_targets_of(facts: KerasFacts, training):
    """(the facts of its module, the targets each batch gives) of the generator or `Sequence` a
    training runs on (one output's item of them: see columns.one_output); None when unknown."""
    from regr_lint.knowledge.tables import TRAIN_METHODS

    if training.method not in TRAIN_METHODS or training.y_node is not None or training.mapped:
        return None
    found = _generator_targets(facts, training, classes=True)
    return found if found is not None and found[1] else None


def _generator_unit_scaled(facts: KerasFacts, training) -> bool:
    """Every batch of the training's generator or `Sequence` gives its targets scaled into [0, 1] —
    also one output's of several, `yield x, {"late": a, "price": (p - lo) / (hi - lo)}` (the file's
    batches at large are read by `_yields_unit_scaled`, which a dict of targets leaves unread)."""
    found = _batch_targets_of(facts, training)
    if found is None:
        return False
    other, targets = found
    values = name_values(other)
    return all(is_unit_scaling(y, other, values) for y in targets)


def _generator_reads_raw(facts: KerasFacts, training) -> bool:
    """The targets of every batch the training's generator or `Sequence` gives are read raw from a
    table (see `_read_raw`)."""
    found = _batch_targets_of(facts, training)
    if found is None:
        return False
    other, targets = found
    theirs = _records(other)
    return all(_read_raw(y, len(other.assignments), theirs) for y in targets)


def _read_raw(node, at: int, records: dict, depth: int = 0) -> bool:
    """`node` is a column of a table a reader made, cut by rows only and not changed since:
    `rows["mos"].values` where `rows = self.table.iloc[a:b]` and `self.table = pd.read_csv(path)`."""
    if depth > 8:
        return False
    while True:
        if isinstance(node, cst.Attribute) and node.attr.value in ("values", "iloc", "loc"):
            node = node.value
        elif isinstance(node, cst.Call) and isinstance(node.func, cst.Attribute) and not node.args \
                and node.func.attr.value in ("to_numpy", "copy"):
            node = node.func.value
        elif isinstance(node, cst.Subscript):
            node = node.value  # a column by name, or rows by position / slice
        else:
            break
    if isinstance(node, cst.Call):
        return _call_name(node) in _RAW_FRAME_READERS
    key = node.value if isinstance(node, cst.Name) else f"self.{node.attr.value}" \
        if isinstance(node, cst.Attribute) and isinstance(node.value, cst.Name) and node.value.value == "self" else None
    bound = [r for r in records.get(key, ()) if r[0] < at] if key else []
    return bool(bound) and all(kind == "assign" and value is not None and _read_raw(value, i, records, depth + 1)
                               for i, kind, value in bound)


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
            mapped = cut_targets(t.mapped, t.output)  # (one output's item: see columns.one_output)
            if mapped and all(is_unit_scaling(y, home, values) for y in mapped):
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
            before = [r for r in _records(facts).get(node.value, ()) if r[0] < at]
            # (`tr, va = make_flows()`: one of what the call returns, made in its module)
            node = found[1] if found else before[-1][2][0] if before and before[-1][1] == "unpack" else None
        if isinstance(node, cst.Call):
            node = _from_generator(node)  # `fit(make_ds().repeat())`: the function making it
        if isinstance(node, cst.Call) and isinstance(node.func, cst.Name) and node.func.value in functions:
            paths.append(functions[node.func.value][0])
    return [other for other in map(_module_facts, dict.fromkeys(paths)) if other is not None]


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
        stored = self_attribute(t.y_node) if t.origin is None else None
        if stored is not None:
            # `self.net.fit(self.feats, self.target)` in a method of a class whose `__init__` stores
            # its parameter `target` there untouched (a Flower client): what constructions pass
            if not _stored_by_constructor(facts, t.node, stored):
                return False
            continue
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


def _stored_by_constructor(facts: KerasFacts, node, attr: str) -> bool:
    """`node` lies in a method of a class of this file (not its `__init__`) whose `__init__` stores one
    of its parameters in `attr` ("self.target") and nothing else in the class writes it."""
    from types import SimpleNamespace

    steps = _steps_in_functions(facts.module, node)
    along = _nodes_along(facts.module, steps) if steps is not None else []
    classes = [n for n in along if isinstance(n, cst.ClassDef)]
    functions = [n for n in along if isinstance(n, cst.FunctionDef)]
    init = _method_in(classes[-1], "__init__") if classes else None
    if init is None or not functions or functions[-1].name.value == "__init__":
        return False
    # (bases of the project that write it too are not followed: a base class's `self.target = …`
    # is as rare as it is hard to see, and would leave the attribute what the construction passed)
    return attr in stored_parameters(SimpleNamespace(cdef=classes[-1], bases=()), init, {})


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
