"""Targets a training gets from what makes its batches rather than as an array: what a generator
yields, what a `Sequence`'s `__getitem__` or a `tf.data` pipeline gives each batch, the labels a
directory iterator makes of its folders, and the names a training passes to the function that
makes its batches (`fit(batches(x, y))`)."""
from __future__ import annotations

import dataclasses
from typing import Optional

from regr_lint.lazy import cst

from regr_lint.model.columns import _output_targets
from regr_lint.model.compat import _nodes, statements
from regr_lint.model.importers import (_argument_for, _class_def, _imported_function, _method_in, _module_facts,
                                       _returns, _top_function, _top_function_in, project_function)
from regr_lint.model.model import KerasFacts
from regr_lint.model.records import _call_name, _records, last_assigned, names_in
from regr_lint.model.values import written_keys


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
    if found is not None and training.output is None and found[1] and all(_one_entry(t) is not None for t in found[1]):
        # `yield {"input_1": a, "input_2": b}, {"model_output": bits}` for a model of one output: the
        # dict's one value is the targets
        return found[0], [_one_entry(t) for t in found[1]]
    if found is None or training.output is None:
        return found
    # one output's item of each batch's targets (`return x, {"sex_out": s, "age_out": a}`); all of
    # them when one cannot be cut so
    cut = [_output_targets(target, *training.output) for target in found[1]]
    return (found[0], cut) if all(c is not None for c in cut) else found


def sequence_output_targets(facts: KerasFacts, training) -> Optional[tuple]:
    """(the facts of the module it is written in, the expression) a training cut to one output of
    several (`training.output`) gets from a `Sequence`: what its `__init__` sets the attribute that
    output's item of each batch reads (`self.steer = (steer - steer.mean()) / steer.std()` for
    `return x, {"steer": self.steer[s], ...}`), as a one-output `Sequence`'s targets are read (see
    `building._sequence_targets`); None when not so."""
    from regr_lint.model.building import _sequence_targets
    from regr_lint.model.values import Instance

    if training.output is None or type(training.x) is not Instance or training.x_node is None:
        return None
    found = _sequence_targets(training.x, _making_call(facts, training, training.x_node), training.output)
    if found is None:
        return None
    other = facts if found[1] is None else _module_facts(found[1])
    return (other, found[0]) if other is not None else None


def yielded_arrays(facts: KerasFacts, training) -> Optional[list]:
    """[(the facts of the module it is read in, the expression)] for each `yield` of the generator
    function a training runs (cut to its output, see `_generator_targets`) whose targets are rows of
    one array the function never binds: a module-level one of its module (`yield imgs, {"steer":
    steer[i:j], ...}`), read there, or one of its parameters (`yield x[i], y[i]`), read as the
    argument the call passes it. None when one is anything else (a local it fills or computes per
    batch, arithmetic on the rows)."""
    from regr_lint.model.trainers import rebound

    call = _generator_call(facts, training)
    found = _generator_targets(facts, training) if call is not None else None
    fdef = _top_function_in(facts.module, call.func.value) if found is not None else None
    if fdef is None and found is not None and found[0] is not facts:
        named = project_function(facts, call)
        fdef = _top_function(found[0].path, named[1]) if named is not None else None
    if fdef is None or not all(any(n is t for n in _nodes(fdef)) for t in found[1]):
        return None  # (yielded by another function its `from_generator` runs)
    params = {p.name.value for p in (*fdef.params.posonly_params, *fdef.params.params, *fdef.params.kwonly_params)}
    spread = {p.name.value for p in (fdef.params.star_arg, fdef.params.star_kwarg) if isinstance(p, cst.Param)}
    out = []
    for target in found[1]:
        node = target
        while isinstance(node, cst.Subscript):
            node = node.value  # its rows (what indexes them is no value of theirs)
        if not isinstance(node, cst.Name) or node.value in spread or rebound(fdef, {node.value}):
            return None
        arg = _argument_for(call, fdef, node.value, False) if node.value in params else target
        if arg is None:
            return None  # (left to its default, or spread from `*args`)
        out.append((facts if node.value in params else found[0], arg))
    return out


def _one_entry(target) -> Optional[cst.BaseExpression]:
    """The value of a dict display of one string key (`{"model_output": y}`), else None."""
    if isinstance(target, cst.Dict) and len(target.elements) == 1 and isinstance(target.elements[0], cst.DictElement) \
            and isinstance(target.elements[0].key, cst.SimpleString):
        return target.elements[0].value
    return None


def cut_targets(targets: list, output: Optional[tuple]) -> list:
    """The targets each batch gives (what a `.map()` function returns, what a generator yields) cut
    down to one output (`output` = (index, name, count), see `columns.one_output`): its item of a list
    or its key of a dict for one output of several, a dict's one value for a model of one output; []
    when one of them cannot be cut so."""
    if output is not None and output[2] > 1:
        cut = [_output_targets(y, *output) for y in targets]
    else:
        cut = [_one_entry(y) if isinstance(y, cst.Dict) else y for y in targets]
    return cut if all(c is not None for c in cut) else []


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
        return dataset_origin(value, records, i)
    return all(directory_labels(made(i, value), records, i) for i, value in found[2])


def directory_labels(node, records: Optional[dict] = None, at: int = 1 << 30) -> bool:
    """`gen.flow_from_directory(dir, class_mode="categorical")`, `image_dataset_from_directory(dir)`:
    one class label per image (unless the mode is None / "input": no labels, or the image itself).
    A mode a `**kw` spread may hold is read from the dict the name was last bound to (`kw =
    dict(class_mode="raw", ...)`, with the file's `records` before `at`); unknown otherwise: no labels
    known."""
    if not isinstance(node, cst.Call):
        return False
    func = node.func
    name = func.attr.value if isinstance(func, cst.Attribute) else func.value if isinstance(func, cst.Name) else None
    if name not in _DIRECTORY_ITERATORS:
        return False
    keyword, default = _DIRECTORY_ITERATORS[name]
    mode = next((a.value for a in node.args if a.keyword is not None and a.keyword.value == keyword), None)
    for spread in (a.value for a in node.args if a.star == "**") if mode is None else ():
        held = last_assigned(records, spread.value, at) if isinstance(spread, cst.Name) and records else None
        written = written_keys(held[1], complete=True) if held is not None else None
        if written is None:
            return False  # (`**common`, not known: the mode may be "raw")
        mode = written.get(keyword, (None, mode))[1]
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


def dataset_origin(node, records: dict, at: int):
    """The call that made a dataset, through the methods that pass its elements on and the names
    they were bound to (`ds = image_dataset_from_directory(root)`, `ds = ds.cache().prefetch(2)`, then
    `fit(ds)`: the first call), the file's `records` read before assignment `at`; the last value
    reached otherwise."""
    for _ in range(16):
        if isinstance(node, cst.Call) and isinstance(node.func, cst.Attribute) \
                and node.func.attr.value in _DATASET_PASSES:
            node = node.func.value
        elif isinstance(node, cst.Name):
            bound = last_assigned(records, node.value, at)
            if bound is None:
                return node
            at, node = bound
        else:
            return node
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
