"""Targets prepared in another module of the project: what a function or a method of a project
module returns and what a name imported from one is bound to, read in that module as if it were
linted on its own; the arrays an instance of a project class holds; and the modules beside this
one that import it and fit the models it builds (their targets are the model's)."""
from __future__ import annotations

import contextlib
import os
import stat
from typing import Optional

from regr_lint.lazy import cst

from regr_lint.model.compat import statements
from regr_lint.model.frame import BAD_LITERAL, compared, literal_of
from regr_lint.model.model import KerasFacts
from regr_lint.model.names import dotted_name, method_kind
from regr_lint.model.trainers import rebound
from regr_lint.model.records import (_PEEL_FUNCS, _PEEL_METHODS, _call_name, _changes_range, _item, _records,
                                     last_assigned)
from regr_lint.project.link import project_imports


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
    fdef = _top_function_in(other.module, defined)
    returns = [(i, value) for i, kind, value in other_records.get(defined, ()) if kind == "assign"]
    return (other, *_decided(other, fdef, call, other_records, returns))


def _passed_literals(fdef, call: cst.Call) -> dict:
    """{parameter: the literal the call passes it} for the parameters of `fdef` the function never
    rebinds; {} when a `*` / `**` spread makes the binding unknown."""
    if fdef is None or any(a.star for a in call.args):
        return {}
    params = [p.name.value for p in (*fdef.params.posonly_params, *fdef.params.params)]
    passed: dict = {}
    for k, arg in enumerate(call.args):
        name = arg.keyword.value if arg.keyword is not None else params[k] if k < len(params) else None
        literal = isinstance(arg.value, (cst.SimpleString, cst.Integer, cst.Float))
        value = literal_of(arg.value) if literal else BAD_LITERAL
        if name is not None and value is not BAD_LITERAL and not rebound(fdef, {name}):
            passed[name] = value  # (a parameter the function rebinds is no longer what was passed)
    return passed


def _decided(other: KerasFacts, fdef, call: cst.Call, records: dict, returns: list) -> tuple[dict, list]:
    """(`records`, `returns`) without what the arms of `fdef`'s `if`s the call's literals rule out
    wrote: `scale_targets(y, method="standard")` does not run the `scaler = MinMaxScaler()` of `if
    method == "minmax":`, `draw_samples("2d")` not the `return u, np.sin(u)` of `if case == "1d":`
    (the function was read on its own, every arm run: `other.arms` holds each arm's records). Both
    as they are when nothing is decided; all the returns when the literals rule out every one."""
    passed = _passed_literals(fdef, call)
    if not passed:
        return records, returns
    out_arms = set()
    stack = [fdef.body]
    while stack:
        node = stack.pop()
        if isinstance(node, cst.If):
            taken = _test_value(node.test, passed)
            if taken is not None:
                out_arms.add((id(node), 1 if taken else 0))
        if isinstance(node, (cst.FunctionDef, cst.ClassDef, cst.Lambda)) and node is not fdef:
            continue
        if isinstance(node, (cst.BaseSuite, cst.BaseCompoundStatement, cst.Else)):
            stack.extend(node.children)
    ranges = [(first, end) for stmt, arm, first, end in other.arms if (stmt, arm) in out_arms]
    if not ranges:
        return records, returns

    def run(i: int) -> bool:
        return not any(first <= i < end for first, end in ranges)

    kept = [(i, v) for i, v in returns if run(i)]
    return {name: [r for r in recs if run(r[0])] for name, recs in records.items()}, kept or returns


def _test_value(test, passed: dict):
    """True / False for `param == "lit"` (either side; also `<`, `>=` … with the parameter on the
    left) with the parameter's value passed as a literal; None when the test is anything else."""
    if not isinstance(test, cst.Comparison) or len(test.comparisons) != 1:
        return None
    op, left, right = test.comparisons[0].operator, test.left, test.comparisons[0].comparator
    if isinstance(right, cst.Name) and isinstance(op, (cst.Equal, cst.NotEqual)):
        left, right = right, left  # `"1d" == case`
    if not isinstance(left, cst.Name) or left.value not in passed \
            or not isinstance(right, (cst.SimpleString, cst.Integer, cst.Float)):
        return None
    return compared(passed[left.value], type(op), literal_of(right))


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
    else:
        made = _made_by(func.value, at, records)
        if made is None or not isinstance(made.func, cst.Name):
            return None
        cls = made.func.value
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


def _made_by(node, at: int, records: dict) -> Optional[cst.Call]:
    """The call that made what `node` holds: `ds` bound once before `at` (0: anywhere in the file)
    to a call; or `self.data` that every write recorded sets to the constructor's parameter `data`,
    itself bound once to a call (`Experiment(SalesData()).run()`: the parameter's one binding is the
    argument of the one construction). None otherwise."""
    key = node.value if isinstance(node, cst.Name) else None
    if isinstance(node, cst.Attribute) and isinstance(node.value, cst.Name) and node.value.value == "self":
        writes = {r[2].value if r[1] == "assign" and isinstance(r[2], cst.Name) else None
                  for r in records.get(f"self.{node.attr.value}", ()) if r[0] < at or not at}
        key = writes.pop() if len(writes) == 1 else None
    if key is None:
        return None
    bound = [r for r in records.get(key, ()) if r[0] < at or not at]
    if len(bound) != 1 or bound[0][1] != "assign" or not isinstance(bound[0][2], cst.Call):
        return None
    return bound[0][2]


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
    if found is None and isinstance(func, cst.Attribute) and isinstance(func.value, cst.Attribute) and facts.path:
        # `import data.scaling`, then `data.scaling.to_unit(y)`: the function of that submodule
        module = dotted_name(func.value)
        found = _imported_function(facts.path, module, func.attr.value) if module else None
    if found is None:
        return None
    path, defined = found
    if _top_function(path, defined) is None and isinstance(func, cst.Attribute) \
            and isinstance(func.value, cst.Name) and facts.path:
        # `import rentals`, then `rentals.prepare()` of a package re-exporting it (`from .datasets
        # import *` in its __init__.py): where the name is defined
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
    `utils.normalize`, also `data.scaling.normalize` of `import data.scaling` with `name` dotted), read
    from its summary: a data module read for what it returns (its facts
    made without following its imports) still reads the helper it returns the value of, one more
    module away. None when not a project module's."""
    from regr_lint.project.link import project_for

    project = project_for(path)
    if project is None:
        return None
    top, dot, _ = name.partition(".")
    try:
        binding = project.summary(path).binding(top)
        if binding is None or binding.conditional:
            return None
        if dot and attr is not None and binding.kind == "import" and binding.module == top:
            # `data.scaling.normalize` of `import data.scaling` (which binds `data`, unaliased)
            resolved = project.resolve(name, attr, path, 0)
        elif dot:
            return None
        elif attr is None and binding.kind == "from":
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


def _top_function_in(module, name: str):
    for stmt in module.body if module is not None else ():
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
    from regr_lint.project.link import project_text

    # (the loop's `tape.gradient(...)` in this file, or in the project module whose code read the
    # model's variables for it)
    return any(m.tape_trained and ("gradient" in f.text or any("gradient" in (project_text(p) or "") for p in m.tape_modules))
               for f, m in ((facts, model), *readings))


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


def written_by_caller(layer, arg, written, facts: KerasFacts) -> bool:
    """The layer's `activation=` argument `arg` names a parameter of the builder it is in
    (`activation=head`) and the literal `written` is not that parameter's default: the literal a
    caller hands over is the finding's token wherever it is written — also in a third module, a
    config's `HEAD = "sigmoid"` the script passes on."""
    value = arg.value if isinstance(arg, cst.Arg) else None
    if not isinstance(value, cst.Name) or layer is None or written is None:
        return False
    fdef = _enclosing_function(layer.node, facts)
    if fdef is None:
        return False
    params = {p.name.value: p for p in (*fdef.params.posonly_params, *fdef.params.params, *fdef.params.kwonly_params)}
    return value.value in params and params[value.value].default is not written


def is_parameter(name: str, node, facts: KerasFacts) -> bool:
    """`name` is a parameter of the innermost function `node` is in, in this file or a project module
    it reads (a builder's `metric`, `decay`): its value comes from the callers' arguments."""
    fdef = _enclosing_function(node, facts)
    return fdef is not None and name in {p.name.value for p in (*fdef.params.posonly_params, *fdef.params.params,
                                                                   *fdef.params.kwonly_params)}


def _enclosing_function(node, facts: KerasFacts) -> Optional[cst.FunctionDef]:
    """The innermost function `node` is in, in this file or a project module it reads."""
    from regr_lint.model.trees import parsed_module

    for tree in [facts.module, *(parsed_module(p) for p in facts.project_modules)]:
        steps = _steps_in_functions(tree, node) if tree is not None else None
        if steps is None:
            continue
        functions = [n for n in _nodes_along(tree, steps) if isinstance(n, cst.FunctionDef)]
        return functions[-1] if functions else None
    return None


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


# folders beside a project's packages that hold the scripts running them (not its tests: what a
# test fits a model on says nothing of the data it is meant for)
_SCRIPT_FOLDERS = ("scripts", "script", "bin", "tools", "experiments", "train", "training", "run", "runs", "jobs")


def _importers(facts: KerasFacts, here: str, project) -> list[str]:
    """The modules of `here`'s folder that import it — and, for a module of a package, of the folders
    holding the package (`train.py` beside `nets/`, importing `nets.models`; beside `pkg/`, importing
    `pkg.age.models.net`), four levels up at most, and of a scripts folder beside the topmost
    (`scripts/train.py`) — (at most MAX_IMPORTERS), memoised per file."""
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
    # the scripts of a folder of their own beside the package (`scripts/train.py` running
    # `from pkg.lstm import LSTMForecaster` from the project's root)
    folders += [os.path.join(folders[-1], name) for name in _SCRIPT_FOLDERS
                if os.path.join(folders[-1], name) != folder]
    names = []
    for place in folders:
        try:
            names += [os.path.join(place, name) for name in sorted(os.listdir(place))]
        except OSError:
            continue
    # a package whose __init__.py re-exports the module (`from .nets import pulse_net`): a script
    # importing the name from the package (`from survey import pulse_net`) imports the module too
    wanted, stems = {here}, [stem.encode()]
    init = os.path.join(folder, "__init__.py")
    if stem != "__init__" and os.path.isfile(init):
        try:
            if here in project_imports(init):
                wanted.add(init)
                # (`from . import build` in a module of the package names neither)
                stems += [os.path.basename(folder).encode(), b"from . import"]
        except (OSError, ValueError, SyntaxError, RecursionError):
            pass
    for candidate in names:
        name = os.path.basename(candidate)
        # (a notebook beside it too: the project's scripts are often notebooks importing `src/`)
        if not name.endswith((".py", ".ipynb")) or candidate in wanted or len(found) >= MAX_IMPORTERS:
            continue
        try:
            info = os.stat(candidate)
            if not stat.S_ISREG(info.st_mode) or info.st_size > _SIBLING_BYTES:
                continue  # a fifo or a device named *.py is never opened (it could block the run)
            with open(candidate, "rb") as fh:
                text = fh.read()
                if not any(s in text for s in stems):
                    continue  # cannot import it: not worth reading its imports
            if wanted & set(project_imports(candidate)):  # read off its text, as the pre-check does
                found.append(candidate)
        except (OSError, ValueError, SyntaxError, RecursionError):
            continue
    memo[here] = found
    return found


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
    own = _call_name(call)
    for i, value in returns:
        if len(returns) > 1 and isinstance(value, cst.Call) and isinstance(value.func, cst.Name) \
                and value.func.value == own:
            continue  # `return standardize(np.array(values))`: the function again, on its input made an array
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


def _instance_attribute(y, at: int, facts: KerasFacts, records: dict):
    """`ds.y` where `ds = Dataset(...)` is the one binding of `ds` before `at` and `Dataset` a class of
    this file or of a project module: (the facts of its module, every value its methods assign to
    `self.y`); None when unknown or never assigned. The arrays a data class holds are what its
    `__init__` made of them (`self.y = scaler.fit_transform(arr[:, -1:])`)."""
    found = _instance_class(y, at, facts, records)
    if found is None:
        return None
    cdef, other, attr, chained = found

    def mine(t) -> bool:
        return isinstance(t, cst.Attribute) and t.attr.value == attr and isinstance(t.value, cst.Name) \
            and t.value.value == "self"

    by_method = {}  # method name -> what it leaves in `self.<attr>`: [values]
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
                        # (`self.y /= self.y.std()` right after `self.y -= self.y.mean()`: of what
                        # the write before it left, when both stand in a row at the method's top)
                        before = writes[-1][1] if writes and writes[-1][0] and id(stmt) in top else None
                        writes.append((id(stmt) in top, _augmented_value(small, other, before)))
        if writes and all(at_top for at_top, _ in writes):
            # one after another in the method (`self.y = raw`, then `self.y -= self.y.mean()`):
            # the last one is what it holds
            by_method[method.name.value] = (True, [writes[-1][1]])
        elif writes:
            by_method[method.name.value] = (False, [value for _, value in writes if value is not None])
    # `Counts(root).load().normalise()`: the last method of the chain that writes it decides (when it
    # surely does: not only in an `if` of its own)
    last = next((name for name in reversed(chained) if name in by_method), None)
    values = by_method[last][1] if last is not None and by_method[last][0] \
        else [v for _, found in by_method.values() for v in found]
    # `self.y = None` in `__init__`, set for real by `load()`: the placeholder holds no targets
    real = [v for v in values if v is not None and not (isinstance(v, cst.Name) and v.value == "None")]
    return (other, real) if real else None


_AUGMENTED = {"AddAssign": "Add", "SubtractAssign": "Subtract", "MultiplyAssign": "Multiply",
              "DivideAssign": "Divide"}


def _augmented_value(node: "cst.AugAssign", facts: KerasFacts, before=None):
    """`self.y -= self.y.mean()` read as the value it leaves, `self.y - self.y.mean()` — with `before`
    (what the write just before it left), that value's: `(raw - raw.mean()) / self.y.std()` (a node
    made once and kept with the facts: analyses key what they learn by node ids); None for another
    operator."""
    made = facts._cache.setdefault("augmented_values", {})
    key = (id(node), id(before))
    if key not in made:
        op = _AUGMENTED.get(type(node.operator).__name__)
        left = before if isinstance(before, cst.BaseExpression) else node.target
        made[key] = (node, before, None if op is None else
                     cst.BinaryOperation(left=left, operator=getattr(cst, op)(), right=node.value))
    return made[key][2]


def _instance_class(y, at: int, facts: KerasFacts, records: dict):
    """(the class's ClassDef, the facts of its module, the attribute, the methods a chain ran on the
    new instance in order) for `ds.y` where `ds = Dataset(...)` (or `Dataset(...).load()`) is the
    one binding of `ds` before `at` and `Dataset` a class of this file or of a project module; None
    otherwise."""
    while isinstance(y, cst.Subscript):
        y = y.value
    for _ in range(3):
        if not isinstance(y, cst.Name):
            break
        # `features, targets = wine.x, wine.y`, then `fit(features, targets)`: the attribute copied
        found = last_assigned(records, y.value, at)
        if found is None or not isinstance(found[1], (cst.Attribute, cst.Name)):
            return None
        at, y = found
    if not isinstance(y, cst.Attribute) or at <= 0:
        return None
    made, chained = _made_by(y.value, at, records), []
    if made is None:
        return None
    while isinstance(made.func, cst.Attribute) and isinstance(made.func.value, cst.Call) and len(chained) < 4:
        # `ds = Dataset().load(path)` where `load` sets `self.y` and returns `self` (also
        # `Counts(root).load().normalise()`: each method in turn)
        made, chained = made.func.value, [made.func.attr.value, *chained]
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
    if not all(_returns_self(_method_in(cdef, method)) for method in chained):
        return None
    return cdef, other, y.attr.value, tuple(chained)


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


def _class_def(module, name: str):
    """The top-level `class name` of `module`, or None."""
    for stmt in module.body if module is not None else ():
        if isinstance(stmt, cst.ClassDef) and stmt.name.value == name:
            return stmt
    return None
