"""One walk over a module's statements that gives each expression an abstract value and records the
Keras facts (models, layers, compiles, trainings) it meets.

It visits statements and the expressions they hold — not every node — and resolves names from the
file's own imports and bindings, so Keras is recognised in any import style and a user's own `Dense`
is not. What it cannot resolve is UNKNOWN, and rules stay silent on UNKNOWN.
"""
from __future__ import annotations

import os

from typing import NamedTuple, Optional

from regr_lint.lazy import cst

from regr_lint.knowledge import tables
from regr_lint.model import trees
from regr_lint.model.frame import (BAD_LITERAL, Frame, compared, contained, literal_of, members_of, same_value,
                                   written_members)
from regr_lint.model.model import KerasFacts, KerasModel, head_of_chain
from regr_lint.model.names import (canonical, dotted_name, is_layer_path, is_private, missing_export,
                                   missing_module)
from regr_lint.model.project_imports import ProjectImports
from regr_lint.model.trees import project_module
from regr_lint.model.tasks import declared_task
from regr_lint.model.values import (
    UNKNOWN, Args, ClassV, Either, Func, Instance, Lit, Map, ModelRef, ModuleV, Obj, OneOf, Ref, Scope, Seq, Tensor,
    Value, is_builder, one_of_settings, setting_options,
)
# the interpreter's parts, one room each: expressions, calls, model building (and project_imports')
from regr_lint.model.building import ModelBuilding
from regr_lint.model.calls import MINMAX, STANDARD, Calls, output_range
from regr_lint.model.expressions import Expressions

INLINE_BUDGET = 400  # inlined calls per file, so a pathological file cannot blow up


# How deep one file's analysis follows the project modules it imports into their imports of other
# project modules (train.py -> models.py -> config.py).
PROJECT_LEVELS = 2


def module_scope(path: str, project, levels: int = 0) -> Optional[tuple["Scope", bool, tuple, tuple]]:
    """(the top-level scope of project module `path`, whether it reaches Keras, the project modules
    read for it, the Keras modules it star-imports), its top level read once per process, version of
    the file and `levels` by an interpreter of its own, shared by every file that imports it: its functions run in the
    importing file's interpreter when called there. It follows its own imports of project modules
    `levels` deep (models.py's `from config import HEAD_ACT`); deeper ones stay unknown. The key
    holds `levels`, so what a module binds never depends on which file imported it first."""
    try:
        stat = os.stat(path)
    except OSError:
        return None
    key = (path, stat.st_mtime_ns, stat.st_size, levels)
    if key not in trees._SCOPES:
        trees._SCOPES[key] = None  # while it is read: an import cycle back to it finds nothing
        module = project_module(path)
        if module is not None:
            reader = Interpreter(module, path, project)
            reader.foreign_code = reader.own_foreign = 1  # its trainings and data flow are not the importer's
            reader.origin = path
            reader.levels = levels
            scope = Scope(origin=path)
            reader.exec_block(module.body, scope, Frame())
            stars = tuple(b for b in reader.facts.star_imports if b == "keras" or b.startswith("keras."))
            trees._SCOPES[key] = (scope, reader.facts.has_keras, tuple(reader.facts.project_modules), stars)
    return trees._SCOPES[key]


_IMPORT_ERRORS = frozenset({"ImportError", "ModuleNotFoundError"})


def _private_import(base: str, names: list) -> Optional[str]:
    """What `from <base> import <names>` reaches that RL503 reports: the module or a name that is a
    Keras internal, else a module or name that the public Keras 3 module does not export."""
    private = next((p for p in [base, *names] if is_private(p)), None)
    return private or missing_module(base) or next((p for p in names if missing_export(p)), None)


def _main_guard(test) -> Optional[bool]:
    """True for `__name__ == "__main__"` (either side), False for `!=`, None for any other test."""
    if type(test) is not cst.Comparison or len(test.comparisons) != 1:
        return None
    compare = test.comparisons[0]
    sides = (test.left, compare.comparator)
    if type(compare.operator) not in (cst.Equal, cst.NotEqual) \
            or not any(type(s) is cst.Name and s.value == "__name__" for s in sides) \
            or not any(type(s) is cst.SimpleString and literal_of(s) == "__main__" for s in sides):
        return None
    return type(compare.operator) is cst.Equal


def _names_imported(stmts) -> list:
    """The names the import statements among `stmts` bind (`import tensorflow as tf`: tf;
    `import keras.layers`: keras; `from tensorflow import keras`: keras)."""
    out = []
    for stmt in stmts:
        for small in stmt.body if type(stmt) is cst.SimpleStatementLine else ():
            if type(small) is cst.Import or type(small) is cst.ImportFrom and type(small.names) is not cst.ImportStar:
                for alias in small.names:
                    if alias.asname is not None and type(alias.asname.name) is cst.Name:
                        out.append(alias.asname.name.value)
                    else:
                        name = alias.name
                        while type(name) is cst.Attribute:
                            name = name.value
                        if type(name) is cst.Name:
                            out.append(name.value)
    return out


def _import_fallback(handler, body) -> bool:
    """The handler catches a failed import: `except ImportError` / `ModuleNotFoundError` (or a tuple
    naming one), or a bare `except:` / `except Exception:` around a body of imports only."""
    kind = handler.type
    if kind is not None:
        names = [e.value for e in kind.elements] if type(kind) is cst.Tuple else [kind]
        caught = {n.value if type(n) is cst.Name else n.attr.value if type(n) is cst.Attribute else None for n in names}
        if caught & _IMPORT_ERRORS:
            return True
        if not caught <= {"Exception", "BaseException"}:
            return False
    return all(type(stmt) is cst.SimpleStatementLine and all(
        type(small) in (cst.Import, cst.ImportFrom, cst.Pass) for small in stmt.body) for stmt in body)


def _settings_iterated(stmt, iterated: Value) -> list:
    """The literals a `for` over a short literal list binds its target to one by one (`for loss in
    ["mse", "mae"]`, `for act in ("relu", "sigmoid")`: a sweep over losses or activations, each pass
    compiling or building with one; `for units, act in [(64, "relu"), (1, "sigmoid")]`: tuples of
    settings unpacked per pass); [] for anything else (the body then runs once, the target unknown)."""
    if not isinstance(iterated, Seq) or not 0 < len(iterated.items) <= 8:
        return []
    items = iterated.items
    if all(is_builder(v) for v in items) and type(stmt.target) is cst.Name or type(stmt.target) is cst.Tuple \
            and len(stmt.target.elements) == 2 and type(stmt.target.elements[1].value) is cst.Name and all(
                type(v) is Seq and len(v.items) == 2 and type(v.items[0]) is Lit and is_builder(v.items[1])
                for v in items):
        # `for make in (build, partial(build, head="sigmoid"))`, `for name, make in BUILDERS.items()`:
        # a sweep over builders, each pass building (and fitting) its own model
        return list(items)
    if type(stmt.target) is cst.Tuple:
        # `for units, act in [(64, "relu"), (1, "sigmoid")]:` — a list of layer (or run) settings
        # written out, unpacked per pass: the body runs once for each, in order
        width = len(stmt.target.elements)
        if not all(type(v) is Seq and len(v.items) == width and all(
                type(x) is Lit and (x.value is None or isinstance(x.value, (str, int, float))) for x in v.items)
                for v in items) or not all(type(e.value) is cst.Name for e in stmt.target.elements):
            return []
        strings = [x for v in items for x in v.items if isinstance(x.value, str)]
    elif type(stmt.target) is cst.Name and all(type(v) is Lit and isinstance(v.value, str) for v in items):
        strings = items
    elif type(stmt.target) is cst.Name and all(
            type(v) is Map and v.any is None and v.items and all(
                type(x) is Lit and (x.value is None or isinstance(x.value, (str, int, float))) for x in v.items.values())
            for v in items):
        # `for spec in [{"units": 64, "activation": "relu"}, {"units": 1}]: Dense(**spec)` — layer
        # settings written as keyword dicts, one per pass
        strings = [x for v in items for x in v.items.values() if isinstance(x.value, str)]
    else:
        return []
    kinds = {v.value.lower() in tables.REGRESSION_LOSS_STRINGS for v in strings
             if v.value.lower() in tables.REGRESSION_LOSS_STRINGS or v.value.lower() in _OTHER_LOSS_STRINGS}
    # `for loss in ["mse", "binary_crossentropy"]`: the targets suit one of them, which is not
    # known here; read once, the loss unknown
    return list(items) if len(kinds) < 2 else []


_OTHER_LOSS_STRINGS = frozenset({*tables.CROSSENTROPY_STRINGS, "hinge", "squared_hinge", "categorical_hinge",
                                 "kld", "kl_divergence", "kullback_leibler_divergence", "poisson",
                                 "cosine_similarity"})


class Interpreter(Expressions, Calls, ModelBuilding, ProjectImports):
    def __init__(self, module: cst.Module, path: str = "", project=None):
        self.facts = KerasFacts(module)
        # The project's module index (regr_lint.project.index.ProjectIndex), to follow imports of the
        # project's own modules; None: the file alone.
        self.path = path
        # the file and its folder as absolute paths (the index's answers are): asked at every import
        self.file = os.path.abspath(path) if path else ""
        self.folder = os.path.dirname(self.file)
        self.project = project
        self.foreign: dict[str, Optional[Scope]] = {}  # module path -> its top-level scope (None: loading)
        # a module read even past MAX_PROJECT_MODULES: the builder whose importers this reading serves
        self.must_read: Optional[str] = None
        # module path -> the Keras modules it star-imports (`from keras.layers import *` in common.py):
        # names they bring in reach the files importing it
        self.foreign_stars: dict[str, tuple] = {}
        self.brought: set[tuple[str, str]] = set()  # (module, `a.b` written here) in project_imports
        # > 0 while another module's code runs: its training calls and parameter bindings are not
        # this file's evidence about targets (they are read where that module is linted)
        self.foreign_code = 0
        self.own_foreign = 0  # foreign_code of this interpreter's own top level (1: a module reader)
        self.origin: Optional[str] = None  # the module this interpreter reads for importers (None: the file)
        # What another module's top level made (a model, an instance of a class), as this file's own
        # copy: id(theirs) -> (theirs, ours), and id(ours) -> (ours, ours). See `_adopt`.
        self.adopted: dict[int, tuple[Value, Value]] = {}
        # id(instance) -> {attribute: value} its constructions set so far, and the constructing
        # calls already run (see `_construct`)
        self.constructed: dict[int, dict[str, Value]] = {}
        self.constructions: set[int] = set()
        # How many levels of project imports are followed: the linted file's imports, and theirs.
        self.levels = PROJECT_LEVELS
        self.module_scope = Scope()
        self.budget = INLINE_BUDGET
        self.depth = 0
        # > 0 while an arm the call's arguments rule out is read (see `_read_dead_arm`)
        self.dead = 0
        # > 0 while a loop's body runs again for another model it iterates over (see `_models_iterated`)
        self.replay = 0
        self.active: set[int] = set()  # functions being inlined (recursion guard)
        self.running: list[Optional[str]] = []  # the module (None: this file) of each function running
        # the ClassDef (None: a plain function) of each method running: where a model is made
        self.owners: list = []
        self.pending: list[tuple[Func, Optional[Instance]]] = []
        # Another module's functions this file's code calls, innermost last: (the depth its body runs
        # at, {parameter: the argument's expression at the call here}, that call).
        self.lifts: list[tuple[int, dict, cst.Call, cst.FunctionDef]] = []
        self.classifying = 0  # inside an arm of an `if` naming a classification task (model.tasks)
        self.stored_cache: dict = {}  # model.trainers.stored_parameters, by class and __init__
        self.read_classes: set[int] = set()  # project modules' classes whose methods were queued
        self.analyzed: set[int] = set()
        # The loops and the arms of `if` / `match` statements the statement running lies in (see
        # KerasModel.placed): ("loop", id(node)) and (id(node), arm index), outermost first.
        self.arms: list[tuple] = []
        self.returns: dict[int, Value] = {}  # id(FunctionDef) -> merged return value (standalone run)
        # (id(construction node), the calls running it) -> model: a builder called twice (`build("sigmoid")`
        # for a classifier, `build(None)` for a regressor) makes two models, each compiled and fitted
        # where its own call put it. A model a method builds is one per construction node, as the
        # instances of a class are one (their constructions merged: see `_construct`); so is a
        # subclass's model.
        self.models: dict[tuple, KerasModel] = {}
        self.model_ids: set[int] = set()  # id() of every model made here (kept alive by self.models)
        # id() of the call each running function was called by (0: run on its own; None: a method,
        # run for an instance)
        self.call_chain: list[Optional[int]] = []
        # (call, fdef) of each function running now, innermost last (call None: run on its own)
        self.invocations: list[tuple] = []
        self.layer_ids: set[int] = set()
        self.standalone = 0  # > 0 while a function runs on its own (its parameters unknown)
        self.lambdas: set[int] = set()  # id() of the lambdas whose body was read
        self._bindings: Optional[set] = None  # the names bound once, at the top level (_bound_once)
        # (model an `if`'s body bound to a name or `self.<attr>`, the model its `else` bound there)
        self.alternatives: list = []
        self.link_ids: set[tuple[int, int]] = set()
        self.keras_call_ids: set = set()  # id(call), and (id(call), qualname) of a Keras class called
        # argparse: the defaults each parser declares (id(parser Obj) -> {dest: Value}), and the
        # parser each parsed namespace came from (id(namespace Obj) -> id(parser Obj))
        self.cli_defaults: dict[int, dict[str, Value]] = {}
        # id() of those defaults: a value the command line can change, never taken for the one the
        # code will run with (see `_option`); each is kept alive by its table
        self.cli_values: set[int] = set()
        self.namespaces: dict[int, int] = {}

    # ---------------------------------------------------------------- driver
    def _read_module(self, path: str):
        """Project module `path`'s top level as read one level shallower than this file (see
        module_scope); None when it cannot be read."""
        return module_scope(path, self.project, self.levels - 1)

    def run(self) -> KerasFacts:
        self.exec_block(self.facts.module.body, self.module_scope, Frame())
        # Every function and method also runs once on its own (parameters unknown), so code that is
        # never called from this file is still read.
        while self.pending:
            func, inst = self.pending.pop(0)
            if id(func.fdef) in self.analyzed:
                continue
            self.analyzed.add(id(func.fdef))
            self.returns[id(func.fdef)] = self.invoke(func, Args(), None, inst, standalone=True)
        self._finish_subclass_models()
        for model in self.facts.models:
            if not model.compiles and id(model.node) in self.facts.wrapper_compiles:
                model.compiles.append(self.facts.wrapper_compiles[id(model.node)])
        for mine, other in self.alternatives:
            # only when both end alike (a deeper or shallower backbone for one task); heads that
            # differ say the branch picks the task (a sigmoid classifier or a linear regressor), and
            # what the names the `if` binds then hold (the loss, the targets) is the other arm's
            if not mine.trainings and _same_heads(mine, other):
                if not mine.compiles:  # (a builder that compiles its own model keeps that compile)
                    mine.compiles.extend(other.compiles)
                mine.trainings.extend(other.trainings)
        return self.facts

    def _sequential_lengths(self, scope: "Scope") -> dict:
        """{id(model): (model, its layer count)} for the Sequential models `scope` holds."""
        return {id(m): (m, len(m.layers)) for m in self._model_slots(scope).values() if m.kind == "sequential"}

    def _arm_layers(self, stmt: cst.If, scope: "Scope", frame: Frame, start: dict, middle: dict) -> None:
        """`if ACTIVE == "conv": model.add(...) ... elif ...: model.add(...)`: both arms added layers
        to the same Sequential model, one after the other. A constant deciding the test (a module's,
        or a config module's) keeps the layers of the arm it picks; otherwise, when the arms end in
        different heads, which one the model ends in is not known (KerasModel.undecided)."""
        for key, (model, first) in start.items():
            mid = middle[key][1] if key in middle else first
            body, other = model.layers[first:mid], model.layers[mid:]
            if not body or not other:
                continue
            picked = self._option(stmt.test, scope, frame, constants=True)
            if picked is True:
                del model.layers[mid:]
            elif picked is False:
                del model.layers[first:mid]
            else:
                mine, theirs = head_of_chain(list(reversed(body))), head_of_chain(list(reversed(other)))
                if (mine.activation, mine.units) != (theirs.activation, theirs.units) and theirs.layer is not None:
                    model.undecided.add(id(theirs.layer.node))

    @staticmethod
    def _model_slots(scope: "Scope") -> dict:
        """{("name", n) / ("self", attr): the KerasModel it holds} in `scope` (and on its `self`)."""
        slots = {("name", name): value.model for name, value in scope.vars.items() if type(value) is ModelRef}
        me = scope.vars.get("self")
        if type(me) is Instance:
            slots.update({("self", attr): value.model for attr, value in me.attrs.items() if type(value) is ModelRef})
        return slots

    # ---------------------------------------------------------------- statements
    def exec_block(self, stmts, scope: Scope, frame: Frame) -> None:
        for i, stmt in enumerate(stmts):
            try:
                self.exec_stmt(stmt, scope, frame)
            except RecursionError:
                continue
            if frame.returned:
                # `if policy: ...; return net` with `policy=True`: what follows never runs in this
                # call; it is still read for the API mistakes it holds, as a dead arm is
                if i + 1 < len(stmts):
                    self._read_dead_arm(stmts[i + 1:], scope, frame)
                return

    def exec_stmt(self, stmt: cst.CSTNode, scope: Scope, frame: Frame) -> None:
        # Dispatch on the exact node type: libcst's node classes are ABCs, and each isinstance
        # that fails goes through ABCMeta.__instancecheck__ (a Python call); the chains of them cost
        # 0.7 of 19 billion instructions on the training corpus. Parsed trees hold only libcst's
        # own concrete classes (none of the types compared here has a subclass).
        kind = type(stmt)
        if kind is cst.SimpleStatementLine:
            for small in stmt.body:
                self.exec_small(small, scope, frame)
        elif kind is cst.FunctionDef:
            self.eval_defaults(stmt, scope)
            func = Func(stmt, scope, stmt)
            scope.vars[stmt.name.value] = func
            for decorator in reversed(stmt.decorators):
                # `@register("mlp")`: a decorator of the file or the project runs with the function
                # (what it does with it, a registry's `REGISTRY[name] = fn`, is read); the name
                # keeps the function unless the decorator returns another of the file's functions
                applied = self.eval(decorator.decorator, scope, frame)
                if type(applied) is not Func:
                    break
                wrapped = self.invoke(applied, Args(pos=[(func, None)]), None, None)
                if type(wrapped) is not Func:
                    break
            if scope.origin is None:  # another module's functions are read when they are called
                self.pending.append((func, None))
        elif kind is cst.ClassDef:
            self.exec_class(stmt, scope)
        elif kind is cst.If:
            self.eval(stmt.test, scope, frame)
            taken = self._option(stmt.test, scope, frame)
            entry = dict(scope.vars) if taken is None else None
            # the arm a module constant picks (`SMALL = False` then `if SMALL:`): both arms are still
            # read, but the models the other arm makes are marked as never built (KerasModel.ruled_out)
            picked = self._option(stmt.test, scope, frame, constants=True) if entry is not None else None
            frame.uncertain += taken is None
            task = declared_task(stmt.test)
            start = self._sequential_lengths(scope) \
                if taken is None and stmt.orelse is not None and not frame.loops else None
            try:
                if taken is not False:
                    self.classifying += task is True
                    made = len(self.facts.models)
                    try:
                        self.exec_arm((id(stmt), 0), stmt.body.body, scope, frame)
                    finally:
                        self.classifying -= task is True
                    if picked is False:
                        _rule_out(self.facts.models[made:])
                else:
                    self._read_dead_arm(stmt.body.body, scope, frame)
                body = dict(scope.vars) if taken is None else None
                middle = self._sequential_lengths(scope) if start is not None else None
                if stmt.orelse is not None and (taken is True or frame.returned):
                    self._read_dead_arm((stmt.orelse,), scope, frame)
                before = self._model_slots(scope) if taken is None and stmt.orelse is not None else None
                if stmt.orelse is not None and taken is not True and not frame.returned:
                    # `if task == "regression": ... else:`: the other task's arm (not an `elif`'s,
                    # whose own test says which)
                    other = task is False and type(stmt.orelse) is cst.Else
                    self.classifying += other
                    made = len(self.facts.models)
                    try:
                        self.exec_arm((id(stmt), 1), (stmt.orelse,), scope, frame)
                    finally:
                        self.classifying -= other
                    if picked is True:
                        _rule_out(self.facts.models[made:])
            finally:
                frame.uncertain -= taken is None
            if stmt.orelse is not None and taken is not True and not frame.returned:
                if before and not self.dead and picked is None:
                    # `if big: model = Model(a) else: model = Model(b)`: what the name holds after the
                    # `if` is either model; the one the body made is compiled and fitted as the other
                    # (not when a module constant picks the arm: `SMALL = False`, then the name holds
                    # what the other arm made, see _join_settings)
                    after = self._model_slots(scope)
                    self.alternatives.extend((old, after[slot]) for slot, old in before.items()
                                             if slot in after and after[slot] is not old)
                if start and not self.dead:
                    self._arm_layers(stmt, scope, frame, start, middle)
            if entry is not None:
                # both arms were read (a module constant's dead arm too: its API mistakes are still
                # there to see), and the settings either may bind are joined — to the arm a module
                # constant picks (`IDENTITY = False`, a notebook's `#@param` default), else to unknown
                _join_settings(entry, body, scope.vars, picked, stmt if frame.loops else None)
        elif kind is cst.Else:
            self.exec_block(stmt.body.body, scope, frame)
        elif kind is cst.For:
            first = len(self.facts.assignments)
            try:
                self._exec_for(stmt, scope, frame)
            finally:
                if len(self.facts.assignments) > first:
                    self.facts.loops.append((stmt, first, len(self.facts.assignments)))
        elif kind is cst.While:
            self.exec_arm(("loop", id(stmt)), stmt.body.body, scope, frame)
            if stmt.orelse is not None:
                self.exec_stmt(stmt.orelse, scope, frame)
        elif kind is cst.With:
            for item in stmt.items:
                value = self.eval(item.item, scope, frame)
                if item.asname is not None:
                    self.bind(item.asname.name, UNKNOWN if not isinstance(value, Instance) else value, scope, frame)
            self.exec_block(stmt.body.body, scope, frame)
        elif kind is cst.Try or kind is cst.TryStar:
            frame.uncertain += 1  # a `return` in its body may not be reached (the handlers run instead)
            try:
                self.exec_block(stmt.body.body, scope, frame)
                imported = _names_imported(stmt.body.body) if stmt.handlers else ()
                for handler in stmt.handlers:
                    # `except ImportError: keras = None`: the fallback for a package that is not
                    # installed; the code linted runs where it is, so what the body imported stays
                    kept = {name: scope.vars[name] for name in imported if name in scope.vars} \
                        if _import_fallback(handler, stmt.body.body) else None
                    self.exec_block(handler.body.body, scope, frame)
                    if kept:
                        scope.vars.update(kept)
                if stmt.orelse is not None:
                    self.exec_stmt(stmt.orelse, scope, frame)
            finally:
                frame.uncertain -= 1
            if stmt.finalbody is not None:
                self.exec_block(stmt.finalbody.body.body, scope, frame)
        elif kind is cst.Match:
            frame.uncertain += 1
            try:
                for i, case in enumerate(stmt.cases):
                    self.exec_arm((id(stmt), i), case.body.body, scope, frame)
            finally:
                frame.uncertain -= 1
        elif kind is cst.IndentedBlock:
            self.exec_block(stmt.body, scope, frame)
        elif isinstance(stmt, cst.BaseSmallStatement):
            # the body of a one-line compound statement (`if ok: model.fit(x, y)`): a
            # SimpleStatementSuite holds small statements where an IndentedBlock holds lines
            self.exec_small(stmt, scope, frame)

    def _exec_for(self, stmt: cst.For, scope: Scope, frame: Frame) -> None:
        iterated = self.eval(stmt.iter, scope, frame)
        if self._records_flow(scope):
            self.facts.fold_indices.update(_fold_names(stmt))
        models = self._models_iterated(stmt, iterated)
        sweep = not models and _settings_iterated(stmt, iterated)
        models = models or sweep
        if models:
            # `for net in [small, big]:` / `for name, m in models.items():` — a few models
            # compiled and fitted by one loop body; `for loss in ["mse", "mae"]:` — a sweep over
            # a few settings: the body runs once for each
            for k, item in enumerate(models):
                self.bind(stmt.target, item, scope, frame)
                self.replay += k > 0  # (the data flow records the body's assignments once)
                if sweep:
                    # a model the body builds is one model per setting (see model_for): each
                    # is compiled and fitted with its own, none left merged into unknown
                    self.call_chain.append(hash(("sweep", id(stmt), k)))
                try:
                    self.exec_arm(("loop", id(stmt)), stmt.body.body, scope, frame)
                finally:
                    self.replay -= k > 0
                    if sweep:
                        self.call_chain.pop()
            self.bind(stmt.target, UNKNOWN, scope, frame)
        else:
            self.bind(stmt.target, UNKNOWN, scope, frame)
            if self._records_flow(scope):
                self._record_dict_items(stmt)
            self.exec_arm(("loop", id(stmt)), stmt.body.body, scope, frame)
        if stmt.orelse is not None:
            self.exec_stmt(stmt.orelse, scope, frame)

    def exec_arm(self, mark: tuple, stmts, scope: Scope, frame: Frame) -> None:
        """`stmts` run as one arm of an `if` / `match` (`mark` = (id(node), arm index)) or as a loop's
        body (`mark` = ("loop", id(node))): see `self.arms` and `Frame.loops`."""
        loop = mark[0] == "loop"
        self.arms.append(mark)
        frame.loops += loop
        first = len(self.facts.assignments)
        try:
            self.exec_block(stmts, scope, frame)
        finally:
            self.arms.pop()
            frame.loops -= loop
        if not loop and len(self.facts.assignments) > first:
            self.facts.arms.append((mark[0], mark[1], first, len(self.facts.assignments)))

    def _record_dict_items(self, stmt: cst.For) -> None:
        """`for name, y in targets.items():` / `for y in targets.values():` over a dict the file filled
        by one statement (`targets[c] = scaler.fit_transform(df[[c]])`, in a loop): the data flow reads
        the loop's value as what that statement stores."""
        it, target = stmt.iter, stmt.target
        if type(it) is not cst.Call or it.args or type(it.func) is not cst.Attribute \
                or type(it.func.value) not in (cst.Name, cst.Call) or it.func.attr.value not in ("items", "values"):
            return
        if it.func.attr.value == "items":
            if type(target) is not cst.Tuple or len(target.elements) != 2:
                return
            target = target.elements[1].value
        if type(target) is not cst.Name:
            return
        if type(it.func.value) is cst.Call:
            # `for name, y in targets(df).items():` — a value of the dict the function returns
            self.facts.assignments.append(([target], it.func.value))
            return
        name = it.func.value.value
        stored = []
        for targets, value in self.facts.assignments:
            if any(_names_base(t) == name for t in targets):
                if len(targets) == 1 and type(targets[0]) is cst.Name and (
                        type(value) is cst.Dict and not value.elements
                        or type(value) is cst.Call and type(value.func) is cst.Name and value.func.value == "dict"
                        and not value.args):
                    continue  # `targets = {}` first
                if len(targets) == 1 and type(targets[0]) is cst.Name and (
                        type(value) is cst.Dict and value.elements or type(value) is cst.DictComp):
                    # `targets = {"h": h / h.max()}`, `{c: df[c] / df[c].max() for c in cols}`: the
                    # loop's value is one of its values (the data flow reads the display whole)
                    stored.append(value)
                    continue
                if len(targets) != 1 or type(targets[0]) is not cst.Subscript or type(targets[0].value) is not cst.Name:
                    return  # bound or changed otherwise: not only what those writes store
                stored.append(value)
        if len({id(v) for v in stored}) == 1:
            self.facts.assignments.append(([target], stored[0]))

    @staticmethod
    def _models_iterated(stmt, iterated: Value) -> list:
        """What a `for` (or a comprehension's `for`) binds its target to, one value per pass, when it
        iterates over a few Keras models: a list / tuple of them (`for net in candidates`), a dict's
        values (`for m in models.values()`) or its items (`for name, m in models.items()`: (name,
        model) pairs; `Calls` turns a dict of models into those lists), or the rows of
        `enumerate(models)` / `zip(names, models)`. [] otherwise: the target is
        unknown and the body runs once."""
        if not isinstance(iterated, Seq) or not 0 < len(iterated.items) <= 8:
            return []
        items = iterated.items
        if all(type(v) is ModelRef for v in items):
            return list(items)
        width = len(stmt.target.elements) if type(stmt.target) is cst.Tuple else 0
        if width and all(type(v) is Seq and len(v.items) == width for v in items) and any(
                all(type(v.items[k]) is ModelRef for v in items) for k in range(width)):
            # (name, model) pairs of `models.items()`, the rows of `enumerate(models)` / `zip(names,
            # models)`: the model in the same place in each
            return list(items)
        return []

    def _dict_comprehension(self, node: cst.DictComp, scope: Scope, frame: Frame) -> Value:
        """`{t: "binary_crossentropy" for t in TASKS}` over a few known strings (or `{name: load_model(p)
        for name, p in PATHS.items()}` over a dict of them): the dict it builds, one entry per pass
        (a multi-output model's losses by head name, models by name). Over a few models (`{k:
        m.predict(x) for k, m in models.items()}`) the value runs once per model. Anything else (a
        filter, nested loops, keys not the loop's own strings) is not known, save models made alike
        under keys not known here (`{n: load_model(p) for n, p in paths}`): each entry one of them."""
        comp = node.for_in
        iterated = self.eval(comp.iter, scope, frame)
        inner = Scope(scope)
        plain = not comp.ifs and comp.inner_for_in is None
        passes = _settings_iterated(comp, iterated) if plain and type(node.key) is cst.Name else []
        target = comp.target
        if type(target) is cst.Tuple:
            target = target.elements[0].value  # `{name: ... for name, path in PATHS.items()}`
        keys = [one if type(comp.target) is cst.Name else one.items[0] for one in passes] \
            if type(target) is cst.Name and type(node.key) is cst.Name and target.value == node.key.value else []
        if keys and all(type(k) is Lit for k in keys):
            items = {}
            for one, key in zip(passes, keys):
                self.bind(comp.target, one, inner, frame)
                items[key.value] = self.eval(node.value, inner, frame)
            return Map(items, node)
        models = self._models_iterated(comp, iterated) if plain else []
        for k, one in enumerate(models):
            self.bind(comp.target, one, inner, frame)
            self.replay += k > 0
            try:
                self.eval(node.key, inner, frame)
                self.eval(node.value, inner, frame)
            finally:
                self.replay -= k > 0
        if models:
            return UNKNOWN
        self.bind(comp.target, UNKNOWN, inner, frame)
        self.eval(node.key, inner, frame)
        value = self.eval(node.value, inner, frame)
        return Map({}, node, any=value) if type(value) is ModelRef else UNKNOWN

    def _read_dead_arm(self, stmts, scope: Scope, frame: Frame) -> None:
        """The arm of an `if` the call's arguments rule out (`if legacy:` with `train(legacy=False)`)
        is still code of the file: the Keras calls it makes, and the methods it calls on models made
        elsewhere, are recorded (a removed API is a mistake wherever the call stands). Nothing else
        it does counts: its bindings go to a scope of its own, it compiles, fits, builds and runs
        nothing, and records no assignment for the data flow."""
        self.dead += 1
        try:
            self.exec_block(stmts, Scope(scope),
                            Frame(function=frame.function, params=frame.params, rebound=set(frame.rebound),
                                  loops=frame.loops))
        finally:
            self.dead -= 1

    def _option(self, test: cst.BaseExpression, scope: Scope, frame: Frame, constants: bool = False) -> Optional[bool]:
        """Whether the `if` runs its body, when its test is a parameter of the function running (or
        `not` one) that the call gave a literal and the body has not bound again, outside any loop of
        the body (`get_model(disease=False)` then `if disease: outputs.append(...)`); None otherwise:
        both arms are read."""
        if self.origin is not None and not frame.params:
            main = _main_guard(test)
            if main is not None:  # read for importers: on import `__name__` is the module's name
                return not main
        # `if gpus > 1:` / `if mode == "train":` with `build(gpus=0)`: the parameter against a literal
        # (`if "R" in spec:` / `if mode in ("a", "b"):`: a literal looked for in it, it in literals)
        test, negate, compare = _split_test(test)
        if type(test) is cst.Attribute and type(test.value) is cst.Name and not frame.loops \
                and frame.params and test.value.value in frame.params and test.value.value not in frame.rebound:
            # `if not self.regression:` in a constructor (or a method it calls) run with a call's
            # arguments: the attribute as the construction set it (`Net(1, regression=True)`), the
            # same value `Dense(self.nb_classes)` is read with
            owner = scope.vars.get(test.value.value)
            value = owner.attrs.get(test.attr.value) if type(owner) is Instance else None
        elif constants and type(test) is cst.Attribute and type(test.value) is cst.Name and not frame.loops \
                and type(self.eval(test.value, scope, frame)) is ModuleV:
            # `if config.USE_GRU:` / `LSTM if config.CELL == "lstm" else GRU`: a constant a project
            # module binds, as read after its top level ran
            value = self.eval(test, scope, frame)
        elif frame.loops or type(test) is not cst.Name:
            return None
        elif frame.params and test.value in frame.settled and scope.vars.get(test.value) is frame.settled[test.value]:
            value = frame.settled[test.value]  # a local the arguments decide (`as_classes = mode == "c"`)
        elif frame.params and test.value in frame.params:
            if test.value in frame.rebound:
                return None
            value = scope.vars.get(test.value)
        elif constants and scope.origin is None and (test.value not in scope.vars or scope is self.module_scope):
            # `IDENTITY = False` once at the module's top level, then `if IDENTITY:` (there or in a
            # function): the arm the constant picks
            value = self.module_scope.vars.get(test.value) if self._bound_once(test.value) else None
        else:
            return None
        if id(value) in self.cli_values:  # an argparse default: the command line may set it
            return None
        return _test_outcome(value, negate, compare)

    def _bound_once(self, name: str) -> bool:
        """`name` is bound by exactly one statement of the linted module, a plain top-level
        assignment (nothing in a function, a loop, an `if`, a `global` rebinding, an import)."""
        if self._bindings is None:
            # one walk of the module for every name asked about
            from regr_lint.model.compat import statements

            counts: dict[str, int] = {}
            for stmt in statements(self.facts.module):  # functions' and classes' bodies included
                for bound in _bound_names(stmt):
                    counts[bound] = counts.get(bound, 0) + 1
            top = {t.target.value for stmt in self.facts.module.body if type(stmt) is cst.SimpleStatementLine
                   for small in stmt.body if type(small) is cst.Assign
                   for t in small.targets if type(t.target) is cst.Name}
            self._bindings = {n for n, c in counts.items() if c == 1 and n in top}
        return name in self._bindings

    def _records_flow(self, scope: Scope) -> bool:
        """Whether what the statement running binds is this file's data flow: not another module's
        code, not an arm the call rules out, not a loop's body run again for another model."""
        return scope.origin is None and not self.dead and not self.replay

    def exec_small(self, small: cst.BaseSmallStatement, scope: Scope, frame: Frame) -> None:
        kind = type(small)  # exact type, as in exec_stmt
        if kind is cst.Assign:
            value = self.eval(small.value, scope, frame)
            for target in small.targets:
                self.bind(target.target, value, scope, frame)
            if self._records_flow(scope):
                self.facts.assignments.append(([t.target for t in small.targets], small.value))
        elif kind is cst.AnnAssign:
            if scope.origin is None:
                self._annotation(small.annotation, scope)
            if small.value is not None:
                value = self.eval(small.value, scope, frame)
                self.bind(small.target, value, scope, frame)
                if self._records_flow(scope):
                    self.facts.assignments.append(([small.target], small.value))
        elif kind is cst.AugAssign:
            value = self.eval(small.value, scope, frame)
            old = self.eval(small.target, scope, frame)
            if type(small.operator) is cst.AddAssign and isinstance(old, Seq) and isinstance(value, Seq):
                self.bind(small.target, Seq(old.items + value.items, old.node, old.elts + value.elts), scope, frame)
            else:
                self.bind(small.target, UNKNOWN, scope, frame)
            if self._records_flow(scope):
                self.facts.assignments.append(([small.target], small))
        elif kind is cst.Assert:
            if scope.origin is None:  # `assert isinstance(m, keras.engine.training.Model)` (RL503)
                self.eval(small.test, scope, frame)
        elif kind is cst.Expr:
            self.eval(small.value, scope, frame)
            value = small.value
            # (`xs.append(x), ys.append(y)`: a tuple of appends in one statement)
            grows = [e.value for e in value.elements] if type(value) is cst.Tuple else [value]
            if all(type(c) is cst.Call and type(c.func) is cst.Attribute
                   and c.func.attr.value in ("append", "extend", "insert") for c in grows):
                # `ys.append(scaled[i, 0])`: ys now holds values computed from `scaled`
                if self._records_flow(scope):
                    self.facts.assignments.extend(([c.func.value], c) for c in grows)
            elif type(value) is cst.Call and type(value.func) is cst.Attribute and self._records_flow(scope) \
                    and type(value.func.value) in (cst.Name, cst.Subscript) and any(
                        a.keyword is not None and a.keyword.value == "inplace" and type(a.value) is cst.Name
                        and a.value.value == "True" for a in value.args):
                # `df["class"].replace((4, 2), (1, 0), inplace=True)`: a write of what the call returns
                self.facts.assignments.append(([value.func.value], value))
        elif kind is cst.Return:
            frame.returns.append(self.eval(small.value, scope, frame) if small.value is not None else Lit(None))
            if not self.dead and not frame.uncertain and not frame.loops and frame.function is not None:
                frame.returned = True
            if small.value is not None and frame.function is not None and self._records_flow(scope):
                # `data = prepare(df)` inherits what `prepare` returns (scaled or not)
                if self.call_chain and self.call_chain[-1] is not None:
                    self.facts.return_runs[len(self.facts.assignments)] = self.call_chain[-1]
                self.facts.assignments.append(([frame.function], small.value))
        elif kind is cst.Import:
            private = None
            for alias in small.names:
                dotted = dotted_name(alias.name)
                if dotted is None:
                    continue
                if private is None:
                    private = dotted if is_private(dotted) else missing_module(dotted)
                if self._import_project_module(alias, dotted, small, scope):
                    continue
                if alias.asname is not None and type(alias.asname.name) is cst.Name:
                    scope.vars[alias.asname.name.value] = Ref(canonical(dotted), raw=dotted)
                else:
                    head = dotted.split(".")[0]
                    scope.vars[head] = Ref(canonical(head), raw=head)
                if canonical(dotted).split(".")[0] in ("keras", "tensorflow"):
                    # TensorFlow code reaches Keras as tf.keras without importing it by name
                    self.facts.has_keras = True
            if private is not None and not any(n is small for n, _ in self.facts.private_imports):
                self.facts.private_imports.append((small, private))
        elif kind is cst.ImportFrom:
            self.exec_import_from(small, scope)

    def exec_import_from(self, node: cst.ImportFrom, scope: Scope) -> None:
        if self._import_project_names(node, scope):
            return
        if node.relative or node.module is None:
            return
        base = dotted_name(node.module)
        if base is None:
            return
        base_c = canonical(base)
        if base_c.split(".")[0] in ("keras", "tensorflow") or any(
            canonical(f"{base}.{a.name.value}") .startswith("keras")
            for a in (node.names if type(node.names) is not cst.ImportStar else ())
            if type(a.name) is cst.Name
        ):
            self.facts.has_keras = True
        names = [] if type(node.names) is cst.ImportStar else \
            [f"{base}.{a.name.value}" for a in node.names if type(a.name) is cst.Name]
        private = _private_import(base, names)
        if private is not None and not any(n is node for n, _ in self.facts.private_imports):
            self.facts.private_imports.append((node, private))
            if private in names:
                # `from keras.layers import (Input, ..., merge)`: the name is the token, on its own
                # line in a parenthesised import
                self.facts.private_names[id(node)] = next(
                    a.name for a in node.names if type(a.name) is cst.Name and f"{base}.{a.name.value}" == private)
        if type(node.names) is cst.ImportStar:
            self.facts.star_imports.append(base_c)
            return
        for alias in node.names:
            if type(alias.name) is not cst.Name:
                continue
            local = alias.asname.name.value if alias.asname is not None and type(alias.asname.name) is cst.Name \
                else alias.name.value
            scope.vars[local] = Ref(canonical(f"{base}.{alias.name.value}"), raw=f"{base}.{alias.name.value}")

    def exec_class(self, cdef: cst.ClassDef, scope: Scope) -> None:
        bases = [self.eval(b.value, scope, Frame()) for b in cdef.bases]
        cls = ClassV(cdef, bases, scope, cdef)
        for base in bases:
            if isinstance(base, Ref) and base.is_keras:
                if base.last in tables.MODEL_CLASSES:
                    cls.is_model = True
                elif base.last == "Layer" or is_layer_path(base.qualname):
                    cls.is_layer = True
            elif isinstance(base, ClassV):
                cls.is_model = cls.is_model or base.is_model
                cls.is_layer = cls.is_layer or base.is_layer
        cls.instance = Instance(cls, {}, cdef)
        # Inherit attributes set by a base class of the same file (its __init__ ran already).
        for base in bases:
            if isinstance(base, ClassV) and base.instance is not None:
                for k, v in base.instance.attrs.items():
                    cls.instance.attrs.setdefault(k, v)
        scope.vars[cdef.name.value] = cls
        class_scope = Scope(scope)
        methods = []
        aliases: dict[str, Func] = {}
        for stmt, undecided in _class_body(cdef.body.body, lambda test: _class_test(test, class_scope.vars)):
            if type(stmt) is cst.FunctionDef:
                self.eval_defaults(stmt, class_scope)
                methods.append(Func(stmt, scope, stmt))
                class_scope.vars[stmt.name.value] = methods[-1]  # the class body sees its earlier defs
            elif type(stmt) is cst.SimpleStatementLine:
                # class-level constants (`activation = 'tanh'`, a dataclass's `loss: str = "mse"`) are
                # visible as self.attr; the class's own override what a base class set
                for small in stmt.body:
                    if type(small) in (cst.Import, cst.ImportFrom):
                        # `from keras import optimizers` in the class body: `self.optimizers.SGD(...)`
                        before = dict(class_scope.vars)
                        self.exec_small(small, class_scope, Frame())
                        for name, value in class_scope.vars.items():
                            if before.get(name) is not value:
                                cls.instance.attrs[name] = cls.consts[name] = value
                        continue
                    if type(small) is cst.Assign:
                        targets = [t.target for t in small.targets]
                    elif type(small) is cst.AnnAssign and small.value is not None:
                        targets = [small.target]
                    else:
                        continue
                    value = self.eval(_field_default(small.value), class_scope, Frame())
                    for target in targets:
                        if type(target) is cst.Name and undecided \
                                and _settings_differ(cls.consts.get(target.value), value):
                            # one setting before, another in an arm not known to run: either
                            value = UNKNOWN
                        if type(target) is cst.Name and type(value) is Func and any(value is m for m in methods):
                            aliases[target.value] = value  # `fit_generator = fit`: a method under another name
                        elif type(target) is cst.Name:
                            cls.instance.attrs[target.value] = value
                            cls.consts[target.value] = value
                            # what the rest of the class body reads (`N = len(CLASSES)`), not its methods
                            class_scope.vars[target.value] = value
        # __init__ / build first: they set the attributes the other methods read.
        order = sorted(methods, key=lambda f: (f.fdef.name.value not in ("__init__", "build"),
                                               f.fdef.name.value != "__init__"))
        for func in order:  # its own methods override the ones inherited from a base class
            cls.instance.attrs["__method__" + func.fdef.name.value] = func
        for alias, func in aliases.items():
            cls.instance.attrs["__method__" + alias] = func
        for func in order[:1] if order and order[0].fdef.name.value == "__init__" else []:
            self.analyzed.add(id(func.fdef))
            self.returns[id(func.fdef)] = self.invoke(func, Args(), None, cls.instance, standalone=True)
        for func in order if scope.origin is None else ():
            self.pending.append((func, cls.instance))
        if scope.origin is None:
            # Methods a base class of a project module defines run with this class's instance too:
            # its `train()` calling `self.model.fit_generator(...)` on the model this subclass builds.
            own = {f.fdef.name.value for f in order}
            for name, method in list(cls.instance.attrs.items()):
                if name.startswith("__method__") and isinstance(method, Func) and name[10:] not in own \
                        and getattr(method.scope, "origin", None) is not None:
                    self.pending.append((method, cls.instance))

    def eval_defaults(self, fdef: cst.FunctionDef, scope: Scope) -> None:
        """Default values run once, where the function is defined (`def train(opt=Adam(lr=0.1))`):
        the Keras calls they make are recorded. What a call binds them to is evaluated again there."""
        params = fdef.params
        for param in (*params.posonly_params, *params.params, *params.kwonly_params):
            if param.default is not None:
                self.eval(param.default, scope, Frame())
        if scope.origin is None:
            # annotations name what they name (`m: keras.engine.training.Model`): a chain into Keras'
            # internals there is one too (RL503), though nothing calls it
            for param in (*params.posonly_params, *params.params, *params.kwonly_params):
                self._annotation(param.annotation, scope)
            self._annotation(fdef.returns, scope)

    def _annotation(self, annotation: Optional[cst.Annotation], scope: Scope) -> None:
        if annotation is not None and type(annotation.annotation) in (cst.Attribute, cst.Subscript, cst.BinaryOperation):
            self.eval(annotation.annotation, scope, Frame())

    # ---------------------------------------------------------------- binding
    def bind(self, target: cst.BaseExpression, value: Value, scope: Scope, frame: Frame) -> None:
        if type(target) is cst.Name:
            scope.vars[target.value] = value
            if frame.params:
                frame.rebound.add(target.value)
                if type(value) is Lit and not frame.uncertain and not frame.loops \
                        and target.value not in frame.params:
                    frame.settled[target.value] = value
                else:
                    frame.settled.pop(target.value, None)
        elif type(target) in (cst.Tuple, cst.List):
            elements = target.elements
            if isinstance(value, Seq) and len(value.items) == len(elements) and not any(
                type(e) is cst.StarredElement for e in elements
            ):
                for elt, item in zip(elements, value.items):
                    self.bind(elt.value, item, scope, frame)
            else:
                for elt in elements:
                    self.bind(elt.value, UNKNOWN, scope, frame)
        elif type(target) is cst.Attribute:
            base = self.eval(target.value, scope, frame)
            if isinstance(base, Instance) and not self.dead:
                base.attrs[target.attr.value] = value
            elif isinstance(base, Obj) and base.qualname == "types.SimpleNamespace":
                # `cfg.units = 8` after `cfg = SimpleNamespace(units=1)`: not known here which one
                # a later read gets (the namespace may be another module's, read by others too)
                base.args.kw[target.attr.value] = (UNKNOWN, None)
        elif type(target) is cst.Subscript:
            base = self.eval(target.value, scope, frame)
            if isinstance(base, Map) and len(target.slice) == 1 and not self.dead:
                key = self.eval(getattr(target.slice[0].slice, "value", None), scope, frame) \
                    if type(target.slice[0].slice) is cst.Index else UNKNOWN
                if isinstance(key, Lit):
                    if frame.uncertain and _settings_differ(base.items.get(key.value), value):
                        # `if cfg["act"] == "identity": cfg["act"] = None` in an arm not known to
                        # run: the item holds either setting (as a name would, _join_settings)
                        value = one_of_settings(base.items[key.value], value) or UNKNOWN
                    base.items[key.value] = value
                else:
                    base.any = value if base.any is None or same_value(base.any, value) else UNKNOWN
        elif type(target) is cst.StarredElement:
            self.bind(target.value, UNKNOWN, scope, frame)


def _class_body(body, decide, depth: int = 0, undecided: bool = False):
    """(statement, whether it lies in an arm not known to run) for the statements of a class body in
    order, with the simple statements of its `if` / `try` blocks (`if enabled: import keras; opt =
    keras.optimizers.Adam(lr=rate)`): settings a class holds under a condition are its own. An `if`
    whose test `decide` answers (a constant of the class body, `if TASK == "regression":`) gives
    the arm it picks only; `decide` is asked when the generator reaches the statement, after what
    the class body bound before it."""
    for stmt in body:
        kind = type(stmt)
        if kind is cst.If and depth < 3:
            taken = decide(stmt.test)
            orelse = stmt.orelse
            blocks = []
            if taken is not False:
                blocks.append((stmt.body, undecided or taken is None))
            if taken is not True and orelse is not None:
                if type(orelse) is cst.If:
                    # `elif`: decided in turn, once the arms before it are settled
                    yield from _class_body((orelse,), decide, depth, undecided or taken is None)
                else:
                    blocks.append((orelse.body, undecided or taken is None))
            for block, unsure in blocks:
                inner = block.body if type(block) is cst.IndentedBlock else ()
                yield from ((s, u) for s, u in _class_body(inner, decide, depth + 1, unsure)
                            if type(s) is cst.SimpleStatementLine)
        elif kind is cst.Try and depth < 3:
            blocks = [stmt.body, *(h.body for h in stmt.handlers),
                      *(b.body for b in (stmt.orelse, stmt.finalbody) if b is not None)]
            for block in blocks:
                inner = block.body if type(block) is cst.IndentedBlock else ()
                yield from ((s, u) for s, u in _class_body(inner, decide, depth + 1, True)
                            if type(s) is cst.SimpleStatementLine)
        else:
            yield stmt, undecided


def _class_test(test, names: dict) -> Optional[bool]:
    """Whether an `if` in a class body runs its body, when its test reads a constant the class
    body bound before it (`TASK = "regression"`, then `if TASK == "regression":`); None otherwise."""
    subject, negate, compare = _split_test(test)
    return _test_outcome(names.get(subject.value) if type(subject) is cst.Name else None, negate, compare)


def _split_test(test) -> tuple:
    """(what an `if` test reads, whether it is negated, the one comparison it makes of it or None):
    `not flag`, `mode == "train"`, `num_codes is not None`."""
    negate = False
    if type(test) is cst.UnaryOperation and type(test.operator) is cst.Not:
        test, negate = test.expression, True
    compare = None
    if type(test) is cst.Comparison and len(test.comparisons) == 1:
        compare, test = test.comparisons[0], test.left
        if type(compare.operator) in (cst.In, cst.NotIn) and written_members(test) is not None \
                and type(compare.comparator) in (cst.Name, cst.Attribute):
            # `"R" in spec`: the test reads the name on the right, looking for the literal in it
            return compare.comparator, negate, _Holds(compare.operator, test)
    return test, negate, compare


class _Holds(NamedTuple):
    """A test `<literal> in <what the test reads>` (`operator` In or NotIn), see _split_test."""
    operator: object
    item: object


def _test_outcome(value, negate: bool, compare) -> Optional[bool]:
    """Whether the test `_split_test` took apart holds for `value` (a literal, or what `in` looks
    through); None when unknown."""
    found = None
    if type(compare) is _Holds:  # `"R" in spec` with `build("RT-1")`
        found = contained(written_members(compare.item), members_of(value))
    elif compare is not None and type(compare.operator) in (cst.In, cst.NotIn):  # `mode in ("a", "b")`
        found = contained(value.value, written_members(compare.comparator)) if type(value) is Lit else None
    if compare is not None and type(compare.operator) in (cst.In, cst.NotIn):
        return None if found is None else (found == (type(compare.operator) is cst.In)) != negate
    if type(value) is not Lit or not isinstance(value.value, (bool, int, float, str, type(None))):
        return None
    if compare is None:
        return bool(value.value) != negate
    if type(compare.operator) in (cst.Is, cst.IsNot) and type(compare.comparator) is cst.Name \
            and compare.comparator.value == "None":
        # `elif num_codes is not None:` with `build(num_codes=None)` or the default left
        return ((value.value is None) == (type(compare.operator) is cst.Is)) != negate
    literal = type(compare.comparator) in (cst.Integer, cst.Float, cst.SimpleString)
    other = literal_of(compare.comparator) if literal else BAD_LITERAL
    if type(compare.comparator) is cst.Name and compare.comparator.value in ("True", "False") \
            and isinstance(value.value, bool) and type(compare.operator) in (cst.Equal, cst.NotEqual, cst.Is, cst.IsNot):
        # `if SMALL == True:` / `if SMALL is False:` of a flag
        same = value.value is (compare.comparator.value == "True")
        return (same == (type(compare.operator) in (cst.Equal, cst.Is))) != negate
    outcome = compared(value.value, type(compare.operator), other)
    return None if outcome is None else outcome != negate


def _fold_names(loop: cst.For) -> tuple:
    """The two names `for tr, va in kf.split(x)` (or `for k, (tr, va) in enumerate(kf.split(x))`)
    binds to the index arrays of a cross-validation fold; () for any other loop."""
    it, target = loop.iter, loop.target
    if type(it) is cst.Call and type(it.func) is cst.Name and it.func.value == "enumerate" and it.args \
            and type(target) is cst.Tuple and len(target.elements) == 2:
        it, target = it.args[0].value, target.elements[1].value
    if type(it) is cst.Call and type(it.func) is cst.Attribute and it.func.attr.value == "split" and it.args \
            and not any(type(a.value) in (cst.SimpleString, cst.FormattedString) for a in it.args) \
            and type(target) in (cst.Tuple, cst.List) and len(target.elements) == 2 \
            and all(type(e.value) is cst.Name for e in target.elements):
        return tuple(e.value.value for e in target.elements)
    return ()


def _names_base(target) -> Optional[str]:
    """The name an assignment target binds or changes (`d`, `d[k]`, `d.attr`), else None."""
    while type(target) in (cst.Subscript, cst.Attribute):
        target = target.value
    return target.value if type(target) is cst.Name else None


def _field_default(value: cst.BaseExpression) -> cst.BaseExpression:
    """A dataclass field's default: `field(default=x)` and `field(default_factory=lambda: x)` are x."""
    if type(value) is cst.Call and (dotted_name(value.func) or "").rpartition(".")[2] == "field":
        for arg in value.args:
            if arg.keyword is not None and arg.keyword.value == "default":
                return arg.value
            if arg.keyword is not None and arg.keyword.value == "default_factory" and type(arg.value) is cst.Lambda:
                return arg.value.body
    return value


def _bound_names(stmt) -> list:
    """The names a statement binds (assignment targets, loop / with / except targets, imports,
    function and class names, `global` declarations)."""
    kind = type(stmt)
    names: list = []

    def add(target) -> None:
        if type(target) is cst.Name:
            names.append(target.value)
        elif type(target) in (cst.Tuple, cst.List):
            for element in target.elements:
                add(element.value)
        elif type(target) is cst.StarredElement:
            add(target.value)

    if kind is cst.Assign:
        for t in stmt.targets:
            add(t.target)
    elif kind in (cst.AnnAssign, cst.AugAssign):
        add(stmt.target)
    elif kind in (cst.For,):
        add(stmt.target)
    elif kind in (cst.FunctionDef, cst.ClassDef):
        names.append(stmt.name.value)
    elif kind is cst.Global:
        names.extend(n.name.value for n in stmt.names)
    elif kind in (cst.Import, cst.ImportFrom) and type(getattr(stmt, "names", None)) in (list, tuple):
        for alias in stmt.names:
            bound = alias.asname.name if alias.asname is not None else alias.name
            if type(bound) is cst.Name:
                names.append(bound.value)
    elif kind is cst.With:
        for item in stmt.items:
            if item.asname is not None:
                add(item.asname.name)
    return names


def _settled(value) -> Optional[tuple]:
    """A literal setting's comparable form (`"mse"`, `0.5`, `["mae", "accuracy"]`), else None."""
    if type(value) is Lit:
        return (type(value.value), value.value)
    options = setting_options(value) if type(value) is OneOf else None
    if options is not None:  # a join of literals (one_of_settings)
        return ("one of", frozenset((type(o.value), o.value) for o in options))
    if type(value) is Seq and value.items and all(type(v) is Lit for v in value.items):
        return tuple((type(v.value), v.value) for v in value.items)
    if type(value) is Obj and value.qualname in (MINMAX, STANDARD):
        # `scaler = MinMaxScaler()` on one path, `StandardScaler()` on the other (a helper's
        # `method` argument): where the data lands is a setting too
        return ("scaler", output_range(value.qualname, value.args))
    return None


def _setting_or_unknown(a, b) -> bool:
    """One path leaves a scalar literal setting (or one of a few), the other an unknown value."""
    return a is UNKNOWN and setting_options(b) is not None or b is UNKNOWN and setting_options(a) is not None


def _settings_differ(a, b) -> bool:
    """Two literal settings that differ (`"mse"` on one path, `"mae"` on the other): what a name,
    an item or a class constant holds after an `if` not known to run is either (see _join_settings;
    a class constant: unknown). Anything
    else (models, layers, data) keeps the last value."""
    mine, theirs = _settled(a), _settled(b)
    return mine is not None and theirs is not None and mine != theirs


def _rule_out(models: list) -> None:
    """Mark the models an arm a module constant rules out made (see KerasModel.ruled_out)."""
    for model in models:
        model.ruled_out = True


def _join_settings(entry: dict, body: dict, after: dict, picked: Optional[bool] = None,
                   loop_if: Optional[cst.If] = None) -> None:
    """After an `if` whose arm is not known (both were read, one after the other): a name holding
    a literal setting on one path and another literal on the other (`LOSS = "binary_crossentropy"`
    in the body, `"mae"` in the `else` or before the `if`) holds either, not the last one written:
    one of those scalar literals (values.one_of_settings), or unknown (a list on one path, a literal
    and an unknown value). Names bound to anything else keep the last value (models, layers, data:
    what the arms build is read as before). With `picked` (the arm a module constant chooses), every name holds
    what that arm leaves. `loop_if`: the `if` lies in a loop's body, and a name its arms bind to two
    tensors holds either (see values.Either): which arm the last iteration runs is not known."""
    # only the names an arm rebound (values compare by identity: a C-level set difference)
    changed = {name for name, _ in after.items() - entry.items()} | {name for name, _ in body.items() - entry.items()}
    for name in changed:
        value = after.get(name)
        if value is None:
            continue
        body_path = body.get(name, entry.get(name))
        else_path = value if value is not body.get(name) else entry.get(name)
        if body_path is None or else_path is None or body_path is else_path:
            continue
        if picked is not None:  # what the picked arm leaves, whatever it is
            after[name] = body_path if picked else else_path
            continue
        if loop_if is not None and type(body_path) is Tensor and type(else_path) is Tensor:
            after[name] = Tensor(Either(), [body_path, else_path], loop_if)
            continue
        if _settings_differ(body_path, else_path):
            # `head_act = "relu"` / `"tanh"` / `None` in an if/elif/else: one of those literals
            after[name] = one_of_settings(body_path, else_path) or UNKNOWN
        elif _setting_or_unknown(body_path, else_path):
            # `head_act = cfg["act"]` on one path, `"relu"` on the other: not the literal written last
            after[name] = UNKNOWN


def _same_heads(a: KerasModel, b: KerasModel) -> bool:
    """Both models' outputs end in the same known activations, in order, and the same widths — or
    widths neither knows (`Dense(n_out)` in both builders, given the same argument)."""
    try:
        ha, hb = a.heads(), b.heads()
    except RecursionError:
        return False
    key = [(h.activation, h.units) for h in ha]
    return bool(key) and key == [(h.activation, h.units) for h in hb] and all(act is not None for act, _ in key)
