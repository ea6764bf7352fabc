"""One walk over a module's statements that gives each expression an abstract value and records the
Keras facts (models, layers, compiles, trainings) it meets.

It visits statements and the expressions they hold — not every node — and resolves names from the
file's own imports and bindings, so Keras is recognised in any import style and a user's own `Dense`
is not. What it cannot resolve is UNKNOWN, and rules stay silent on UNKNOWN.
"""
from __future__ import annotations

import os

from dataclasses import dataclass, field
from typing import Optional

from regr_lint.lazy import cst

from regr_lint import tables
from regr_lint.facts.model import Compile, KerasCall, KerasFacts, KerasModel, MethodCall, Training
from regr_lint.facts import trees
from regr_lint.facts.trees import project_module
from regr_lint.facts.names import canonical, dotted_name, is_layer_path, is_private, method_kind
from regr_lint.facts.project_imports import ProjectImports, own_copy, star_ref
from regr_lint.facts.values import (
    UNKNOWN, ActivationFn, Args, ClassV, DataPair, Div, Either, Func, Instance, Lambda, Layer, Lit, Map, ModelRef, OneOf,
    ModuleV, Obj, Ref, Scope, Seq, Tensor, Value,
)

MAX_DEPTH = 4  # nested inlined calls of the file's own functions
INLINE_BUDGET = 400  # inlined calls per file, so a pathological file cannot blow up
DATASET_CTORS = frozenset({"tensorflow.data.Dataset.from_tensor_slices", "tensorflow.data.Dataset.from_tensors"})
TIMESERIES_CTORS = frozenset({"keras.utils.timeseries_dataset_from_array",
                              "keras.preprocessing.timeseries_dataset_from_array"})
DATASET_KEEP = frozenset({"shuffle", "batch", "repeat", "prefetch", "cache", "take", "skip", "unbatch",
                          "padded_batch", "with_options", "shard", "apply", "rebatch"})
STRATIFIED_SPLITS = frozenset({"StratifiedKFold", "StratifiedShuffleSplit", "RepeatedStratifiedKFold",
                               "StratifiedGroupKFold"})
MINMAX = "sklearn.preprocessing.MinMaxScaler"
QUANTILE = "sklearn.preprocessing.QuantileTransformer"  # its default output: uniform over [0, 1]
# keras.layers' functional merges and the layer each makes
MERGE_FUNCTIONS = {"concatenate": "Concatenate", "add": "Add", "subtract": "Subtract", "multiply": "Multiply",
                   "average": "Average", "maximum": "Maximum", "minimum": "Minimum"}
# keras-tuner's tuners: `search(...)` takes `fit`'s arguments (see Interpreter._tuner_search)
TUNERS = frozenset({"RandomSearch", "Hyperband", "BayesianOptimization", "GridSearch"})
TUNER_ROOTS = frozenset({"keras_tuner", "kerastuner"})
STANDARD = "sklearn.preprocessing.StandardScaler"


# How deep one file's analysis follows the project modules it imports into their imports of other
# project modules (train.py -> models.py -> config.py).
PROJECT_LEVELS = 2


_BAD = object()
_LITERALS: dict = {}


def _literal(node) -> object:
    """The value of a string or number literal; `_BAD` when it has none. libcst computes it with
    ast.literal_eval (a compile per call); the same few literals recur thousands of times in a run
    (`"relu"`, `1`, `"same"`), so each text is evaluated once per process."""
    key = (type(node), node.value)
    found = _LITERALS.get(key, _LITERALS)
    if found is _LITERALS:
        try:
            found = node.evaluated_value
        except Exception:  # noqa: BLE001 - odd escapes in user strings
            found = _BAD
        if len(_LITERALS) > 65536:
            _LITERALS.clear()
        _LITERALS[key] = found
    return found


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


# libcst's comparison operators by class name (names, not classes: this module is imported by runs
# that never load libcst, see regr_lint/lazy.py)
_COMPARISONS = {"GreaterThan": lambda a, b: a > b, "LessThan": lambda a, b: a < b,
                "GreaterThanEqual": lambda a, b: a >= b, "LessThanEqual": lambda a, b: a <= b,
                "Equal": lambda a, b: a == b, "NotEqual": lambda a, b: a != b}


def _compared(left: object, operator: type, right: object) -> Optional[bool]:
    """`left <op> right` for two numbers (bools excepted), or two strings compared for equality;
    None when that is not known."""
    name = operator.__name__
    numbers = all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in (left, right))
    strings = isinstance(left, str) and isinstance(right, str) and name in ("Equal", "NotEqual")
    if right is _BAD or not (numbers or strings) or name not in _COMPARISONS:
        return None
    return _COMPARISONS[name](left, right)


# what these return is whatever object was saved (a fitted scaler, a normaliser of the project)
_UNPICKLERS = frozenset({"pickle.load", "pickle.loads", "joblib.load", "dill.load", "cloudpickle.load"})


def _strings_iterated(stmt, iterated: Value) -> list:
    """The strings a `for` over a short literal list binds its target to one by one (`for loss in
    ["mse", "mae"]`, `for act in ("relu", "sigmoid")`: a sweep over losses or activations, each pass
    compiling or building with one); [] for anything else (the body then runs once, the target
    unknown)."""
    if type(stmt.target) is not cst.Name or not isinstance(iterated, Seq) or not 0 < len(iterated.items) <= 8:
        return []
    items = iterated.items
    if not all(type(v) is Lit and isinstance(v.value, str) for v in items):
        return []
    kinds = {v.value.lower() in tables.REGRESSION_LOSS_STRINGS for v in items
             if v.value.lower() in tables.REGRESSION_LOSS_STRINGS or v.value.lower() in _OTHER_LOSS_STRINGS}
    # `for loss in ["mse", "binary_crossentropy"]`: the targets suit one of them, which is not
    # known here; read once, the loss unknown
    return list(items) if len(kinds) < 2 else []


_OTHER_LOSS_STRINGS = frozenset({*tables.CROSSENTROPY_STRINGS, "hinge", "squared_hinge", "categorical_hinge",
                                 "kld", "kl_divergence", "kullback_leibler_divergence", "poisson",
                                 "cosine_similarity"})


def _param_names(params: cst.Parameters) -> frozenset:
    return frozenset(p.name.value for p in (*params.posonly_params, *params.params, *params.kwonly_params))


@dataclass
class Frame:
    returns: list = field(default_factory=list)
    function: Optional[cst.Name] = None  # the name of the function whose body runs
    # The parameters of that function when it runs with a call's arguments (empty at a top level,
    # or when it runs on its own), those its body has bound again so far, and the loops of its
    # body running: see `_option`.
    params: frozenset = frozenset()
    rebound: set = field(default_factory=set)
    loops: int = 0
    # > 0 while an arm runs that the call's arguments do not decide (an `if` of unknown test, a
    # `try`, a `match`): a `return` there may not be taken
    uncertain: int = 0
    # a `return` ran on the path the arguments decide: the rest of the body is dead for this run
    returned: bool = False




class Interpreter(ProjectImports):
    def __init__(self, module: cst.Module, path: str = "", project=None):
        self.facts = KerasFacts(module)
        # The project's module index (regr_lint.project.ProjectIndex), to follow imports of the
        # project's own modules; None: the file alone.
        self.path = path
        # the file and its folder as absolute paths (the index's answers are): asked at every import
        self.file = os.path.abspath(path) if path else ""
        self.folder = os.path.dirname(self.file)
        self.project = project
        self.foreign: dict[str, Optional[Scope]] = {}  # module path -> its top-level scope (None: loading)
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
        self.pending: list[tuple[Func, Optional[Instance]]] = []
        # Another module's functions this file's code calls, innermost last: (the depth its body runs
        # at, {parameter: the argument's expression at the call here}, that call).
        self.lifts: list[tuple[int, dict, cst.Call, cst.FunctionDef]] = []
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
        self.layer_ids: set[int] = set()
        self.standalone = 0  # > 0 while a function runs on its own (its parameters unknown)
        self.lambdas: set[int] = set()  # id() of the lambdas whose body was read
        self._bindings: Optional[set] = None  # the names bound once, at the top level (_bound_once)
        # (model an `if`'s body bound to a name or `self.<attr>`, the model its `else` bound there)
        self.alternatives: list = []
        self.link_ids: set[tuple[int, int]] = set()
        self.keras_call_ids: set[int] = set()
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
        for mine, other in self.alternatives:
            # only when both end alike (a deeper or shallower backbone for one task); heads that
            # differ say the branch picks the task (a sigmoid classifier or a linear regressor), and
            # what the names the `if` binds then hold (the loss, the targets) is the other arm's
            if not mine.compiles and not mine.trainings and _same_heads(mine, other):
                mine.compiles.extend(other.compiles)
                mine.trainings.extend(other.trainings)
        return self.facts

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
            if scope.origin is None:  # another module's functions are read when they are called
                self.pending.append((func, None))
        elif kind is cst.ClassDef:
            self.exec_class(stmt, scope)
        elif kind is cst.If:
            self.eval(stmt.test, scope, frame)
            taken = self._option(stmt.test, scope, frame)
            entry = dict(scope.vars) if taken is None else None
            frame.uncertain += taken is None
            try:
                if taken is not False:
                    self.exec_arm((id(stmt), 0), stmt.body.body, scope, frame)
                else:
                    self._read_dead_arm(stmt.body.body, scope, frame)
                body = dict(scope.vars) if taken is None else None
                if stmt.orelse is not None and (taken is True or frame.returned):
                    self._read_dead_arm((stmt.orelse,), scope, frame)
                before = self._model_slots(scope) if taken is None and stmt.orelse is not None else None
                if stmt.orelse is not None and taken is not True and not frame.returned:
                    self.exec_arm((id(stmt), 1), (stmt.orelse,), scope, frame)
            finally:
                frame.uncertain -= taken is None
            if stmt.orelse is not None and taken is not True and not frame.returned:
                if before and not self.dead:
                    # `if big: model = Model(a) else: model = Model(b)`: what the name holds after the
                    # `if` is either model; the one the body made is compiled and fitted as the other
                    after = self._model_slots(scope)
                    self.alternatives.extend((old, after[slot]) for slot, old in before.items()
                                             if slot in after and after[slot] is not old)
            if entry is not None:
                # both arms were read (a module constant's dead arm too: its API mistakes are still
                # there to see), and the settings either may bind are joined — to the arm a module
                # constant picks (`IDENTITY = False`, a notebook's `#@param` default), else to unknown
                _join_settings(entry, body, scope.vars, self._option(stmt.test, scope, frame, constants=True),
                               stmt if frame.loops else None)
        elif kind is cst.Else:
            self.exec_block(stmt.body.body, scope, frame)
        elif kind is cst.For:
            iterated = self.eval(stmt.iter, scope, frame)
            if self._records_flow(scope):
                self.facts.fold_indices.update(_fold_names(stmt))
            models = self._models_iterated(stmt, iterated, scope)
            sweep = not models and _strings_iterated(stmt, iterated)
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
                for handler in stmt.handlers:
                    self.exec_block(handler.body.body, scope, frame)
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
                or type(it.func.value) is not cst.Name or it.func.attr.value not in ("items", "values"):
            return
        if it.func.attr.value == "items":
            if type(target) is not cst.Tuple or len(target.elements) != 2:
                return
            target = target.elements[1].value
        if type(target) is not cst.Name:
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
                if len(targets) != 1 or type(targets[0]) is not cst.Subscript or type(targets[0].value) is not cst.Name:
                    return  # bound or changed otherwise: not only what those writes store
                stored.append(value)
        if len({id(v) for v in stored}) == 1:
            self.facts.assignments.append(([target], stored[0]))

    def _models_iterated(self, stmt, iterated: Value, scope: Scope) -> list:
        """What a `for` binds its target to, one value per pass, when it iterates over a few Keras
        models: a list / tuple of them (`for net in candidates`), a dict's values (`for m in
        models.values()`) or its items (`for name, m in models.items()`: (name, model) pairs).
        [] otherwise: the target is unknown and the body runs once."""
        it = stmt.iter
        models: list = list(iterated.items) if isinstance(iterated, Seq) else []
        binds = models
        if type(it) is cst.Call and type(it.func) is cst.Attribute and not it.args \
                and it.func.attr.value in ("values", "items") and type(it.func.value) is cst.Name:
            owner = scope.lookup(it.func.value.value)  # (a name: already evaluated with the call)
            if isinstance(owner, Map):
                models = binds = list(owner.items.values())
                if it.func.attr.value == "items":
                    if type(stmt.target) is not cst.Tuple or len(stmt.target.elements) != 2:
                        return []
                    binds = [Seq([Lit(k) if isinstance(k, str) else UNKNOWN, v], None, [None, None])
                             for k, v in owner.items.items()]
        if not 1 < len(models) <= 8 or not all(type(v) is ModelRef for v in models):
            return []
        return binds

    def _dict_comprehension(self, node: cst.DictComp, scope: Scope, frame: Frame) -> Value:
        """`{t: "binary_crossentropy" for t in TASKS}` over a few known strings: the dict it builds,
        one entry per string (a multi-output model's losses by head name). Anything else (a filter,
        nested loops, keys not the strings themselves) is not known."""
        comp = node.for_in
        iterated = self.eval(comp.iter, scope, frame)
        keys = _strings_iterated(comp, iterated) if not comp.ifs and comp.inner_for_in is None \
            and type(node.key) is cst.Name and type(comp.target) is cst.Name \
            and node.key.value == comp.target.value else []
        inner = Scope(scope)
        if not keys:
            self.bind(comp.target, UNKNOWN, inner, frame)
            self.eval(node.key, inner, frame)
            self.eval(node.value, inner, frame)
            return UNKNOWN
        items = {}
        for key in keys:
            inner.vars[comp.target.value] = key
            items[key.value] = self.eval(node.value, inner, frame)
        return Map(items, node)

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
        negate = False
        if type(test) is cst.UnaryOperation and type(test.operator) is cst.Not:
            test, negate = test.expression, True
        compare = None
        if type(test) is cst.Comparison and len(test.comparisons) == 1:
            # `if gpus > 1:` / `if mode == "train":` with `build(gpus=0)`: the parameter against a literal
            compare, test = test.comparisons[0], test.left
        if type(test) is cst.Attribute and type(test.value) is cst.Name and not frame.loops \
                and frame.params and test.value.value in frame.params and test.value.value not in frame.rebound:
            # `if not self.regression:` in a constructor (or a method it calls) run with a call's
            # arguments: the attribute as the construction set it (`Net(1, regression=True)`), the
            # same value `Dense(self.nb_classes)` is read with
            owner = scope.vars.get(test.value.value)
            value = owner.attrs.get(test.attr.value) if type(owner) is Instance else None
        elif frame.loops or type(test) is not cst.Name:
            return None
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
        if type(value) is not Lit or not isinstance(value.value, (bool, int, float, str, type(None))) \
                or id(value) in self.cli_values:  # an argparse default: the command line may set it
            return None
        if compare is None:
            return bool(value.value) != negate
        if type(compare.operator) in (cst.Is, cst.IsNot) and type(compare.comparator) is cst.Name \
                and compare.comparator.value == "None":
            # `elif num_codes is not None:` with `build(num_codes=None)` or the default left
            return ((value.value is None) == (type(compare.operator) is cst.Is)) != negate
        other = _literal(compare.comparator) if type(compare.comparator) in (cst.Integer, cst.Float, cst.SimpleString) \
            else _BAD
        outcome = _compared(value.value, type(compare.operator), other)
        return None if outcome is None else outcome != negate

    def _bound_once(self, name: str) -> bool:
        """`name` is bound by exactly one statement of the linted module, a plain top-level
        assignment (nothing in a function, a loop, an `if`, a `global` rebinding, an import)."""
        if self._bindings is None:
            # one walk of the module for every name asked about
            from regr_lint.facts.compat import statements

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
                if private is None and is_private(dotted):
                    private = dotted
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
        private = next((p for p in [base, *names] if is_private(p)), None)
        if private is not None and not any(n is node for n, _ in self.facts.private_imports):
            self.facts.private_imports.append((node, base if is_private(base) else private))
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
        for stmt in cdef.body.body:
            if type(stmt) is cst.FunctionDef:
                self.eval_defaults(stmt, class_scope)
                methods.append(Func(stmt, scope, stmt))
                class_scope.vars[stmt.name.value] = methods[-1]  # the class body sees its earlier defs
            elif type(stmt) is cst.SimpleStatementLine:
                # class-level constants (`activation = 'tanh'`, a dataclass's `loss: str = "mse"`) are
                # visible as self.attr; the class's own override what a base class set
                for small in stmt.body:
                    if type(small) is cst.Assign:
                        targets = [t.target for t in small.targets]
                    elif type(small) is cst.AnnAssign and small.value is not None:
                        targets = [small.target]
                    else:
                        continue
                    value = self.eval(_field_default(small.value), class_scope, Frame())
                    for target in targets:
                        if type(target) is cst.Name and type(value) is Func and any(value is m for m in methods):
                            aliases[target.value] = value  # `fit_generator = fit`: a method under another name
                        elif type(target) is cst.Name:
                            cls.instance.attrs[target.value] = value
                            cls.consts[target.value] = value
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

    # ---------------------------------------------------------------- binding
    def bind(self, target: cst.BaseExpression, value: Value, scope: Scope, frame: Frame) -> None:
        if type(target) is cst.Name:
            scope.vars[target.value] = value
            if frame.params:
                frame.rebound.add(target.value)
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
        elif type(target) is cst.Subscript:
            base = self.eval(target.value, scope, frame)
            if isinstance(base, Map) and len(target.slice) == 1 and not self.dead:
                key = self.eval(getattr(target.slice[0].slice, "value", None), scope, frame) \
                    if type(target.slice[0].slice) is cst.Index else UNKNOWN
                if isinstance(key, Lit):
                    base.items[key.value] = value
                else:
                    base.any = value if base.any is None or _same_value(base.any, value) else UNKNOWN
        elif type(target) is cst.StarredElement:
            self.bind(target.value, UNKNOWN, scope, frame)

    # ---------------------------------------------------------------- expressions
    def eval(self, node: Optional[cst.BaseExpression], scope: Scope, frame: Frame) -> Value:
        if node is None:
            return UNKNOWN
        kind = type(node)  # exact type, as in exec_stmt
        if kind is cst.Name:
            name = node.value
            if name in ("True", "False", "None"):
                return Lit({"True": True, "False": False, "None": None}[name], node)
            found = scope.lookup(name)
            if found is None:
                return self._star_name(name, node)
            if type(found) is ModelRef or type(found) is Instance:
                return self._adopt(found)
            return found
        if kind is cst.Attribute:
            return self.eval_attribute(node, scope, frame)
        if kind is cst.Call:
            return self.eval_call(node, scope, frame)
        if kind is cst.SimpleString:
            value = _literal(node)
            return Lit(value, node) if isinstance(value, str) else UNKNOWN
        if kind is cst.ConcatenatedString:
            try:
                value = node.evaluated_value
            except Exception:  # noqa: BLE001 - odd escapes in user strings
                return UNKNOWN
            return Lit(value, node) if isinstance(value, str) else UNKNOWN
        if kind is cst.Integer or kind is cst.Float:
            value = _literal(node)
            return Lit(value, node) if value is not _BAD else UNKNOWN
        if kind is cst.List or kind is cst.Tuple:
            return self.eval_sequence(node, scope, frame)
        if kind is cst.Dict:
            return self.eval_dict(node, scope, frame)
        if kind is cst.UnaryOperation:
            operand = self.eval(node.expression, scope, frame)
            if type(node.operator) is cst.Minus and isinstance(operand, Lit) \
                    and isinstance(operand.value, (int, float)) and not isinstance(operand.value, bool):
                return Lit(-operand.value, node)
            return UNKNOWN
        if kind is cst.BinaryOperation:
            return self.eval_binop(node, scope, frame)
        if kind is cst.Subscript:
            return self.eval_subscript(node, scope, frame)
        if kind is cst.NamedExpr:
            value = self.eval(node.value, scope, frame)
            self.bind(node.target, value, scope, frame)
            return value
        if kind is cst.IfExp:
            body = self.eval(node.body, scope, frame)
            orelse = self.eval(node.orelse, scope, frame)
            # `n / bs if n else None`: a branch that divides is a true division wherever it is taken
            divides = next((v for v in (body, orelse) if isinstance(v, Div)), None)
            if divides is not None:
                return divides
            if type(body) is Ref and type(orelse) is Ref and all(
                    r.qualname.startswith("keras.optimizers.") and r.last[:1].isupper() for r in (body, orelse)):
                # `opt = RMSprop if plain else Adam`: a Keras optimizer class either way; what the
                # optimizer rules read (its keywords) does not depend on which
                return body
            return UNKNOWN
        if kind is cst.DictComp:
            return self._dict_comprehension(node, scope, frame)
        if kind is cst.ListComp or kind is cst.SetComp or kind is cst.GeneratorExp:
            inner = Scope(scope)
            comp = node.for_in
            while comp is not None:
                self.eval(comp.iter, inner, frame)
                self.bind(comp.target, UNKNOWN, inner, frame)
                comp = comp.inner_for_in
            elt = self.eval(node.elt, inner, frame)
            if kind is cst.ListComp and type(elt) is Layer:
                # `[Dense(64) for _ in range(3)]`: layers made alike, one standing for them all (the
                # loop's own values unknown), as the Dense a loop adds to a Sequential does
                return Seq([elt], node, [node.elt])
            return UNKNOWN
        if kind is cst.BooleanOperation:
            # `optimizer or Adam(lr=1e-3)`: both operands run (for the calls they make); the value is
            # the one a known left operand picks (`metrics or ["mae"]` with `metrics=["accuracy"]`
            # given, or None left), else not known
            left = self.eval(node.left, scope, frame)
            right = self.eval(node.right, scope, frame)
            truth = _truth(left)
            if truth is None:
                return UNKNOWN
            return (left if truth else right) if type(node.operator) is cst.Or else (right if truth else left)
        if kind is cst.Comparison:
            self.eval(node.left, scope, frame)
            for target in node.comparisons:
                self.eval(target.comparator, scope, frame)
            return UNKNOWN
        if kind is cst.Set:
            for element in node.elements:
                self.eval(element.value, scope, frame)
            return UNKNOWN
        if kind is cst.Lambda:
            if type(node.body) is cst.Call and id(node) not in self.lambdas:
                # `"adam": lambda lr: optimizers.Adam(lr=lr)`: the Keras call it makes is read once,
                # its parameters unknown, as a function's body is when it runs on its own
                self.lambdas.add(id(node))
                inner = Scope(scope)
                for param in (*node.params.posonly_params, *node.params.params, *node.params.kwonly_params):
                    inner.vars[param.name.value] = UNKNOWN
                self.eval(node.body, inner, Frame(function=frame.function, loops=frame.loops))
            return Lambda(node)
        if kind is cst.Await:
            self.eval(node.expression, scope, frame)
        elif kind is cst.Yield and scope.origin is None:
            self.facts.yields.append(node)  # what a generator of the file trains on (facts.dataflow)
        return UNKNOWN

    def _star_name(self, name: str, node: cst.CSTNode) -> Value:
        found = star_ref(name, [b for b in self.facts.star_imports if b == "keras" or b.startswith("keras.")], node)
        if type(found) is Ref and found.qualname in tables.REMOVED_KERAS_HINTS and not self.foreign_code \
                and not any(n is node for n, _ in self.facts.private_chains):
            # `Merge(...)` after `from keras.layers import *`: a Keras 1 name Keras 3 no longer has
            # (RL503 reports it where it is used: the star import names nothing)
            self.facts.private_chains.append((node, found.qualname))
        return found

    def eval_attribute(self, node: cst.Attribute, scope: Scope, frame: Frame) -> Value:
        return self._attribute_of(self.eval(node.value, scope, frame), node.attr.value, node)

    def _attribute_of(self, base: Value, attr: str, node) -> Value:
        """`base.attr`, `node` the expression that reads it (an Attribute, or `getattr(base, "attr")`)."""
        if type(base) is OneOf:  # `create_classifier(name).model`: each object's, when all are known
            return _merge_returns([self._attribute_of(option, attr, node) for option in base.options])
        if isinstance(base, Ref):
            if type(node) is not cst.Attribute:
                return UNKNOWN  # `getattr(keras.layers, name)`: no chain to name
            base_raw = base.raw or base.qualname
            raw = f"{base_raw}.{attr}"
            self._note_private_chain(node, node.value, base_raw, raw)
            return Ref(canonical(f"{base.qualname}.{attr}"), node, raw)
        if isinstance(base, Instance):
            found = base.attrs.get(attr)
            if found is None:
                # `self.model = self.build_network`, a @property: reading it runs it
                method = base.attrs.get("__method__" + attr)
                if isinstance(method, Func) and any(
                        type(d.decorator) is cst.Name and d.decorator.value == "property"
                        for d in method.fdef.decorators):
                    return self.invoke(method, Args(), None, base)
                return UNKNOWN
            if type(found) is ModelRef or type(found) is Instance:
                found = base.attrs[attr] = self._adopt(found)
            return found
        if isinstance(base, ModuleV):
            return self._module_attribute(base, attr, node)
        if type(base) is ClassV:
            # `Config.LOSS`: what the class body (or a base class's) binds; a static method
            found = _class_const(base, attr)
            if found is None:
                method = _find_method(base, attr)
                found = method if method is not None and method_kind(method.fdef) == "staticmethod" else None
            if found is None:
                return UNKNOWN
            return found if getattr(base.scope, "origin", None) == self.origin else self._adopt(own_copy(found))
        if isinstance(base, Obj) and id(base) in self.namespaces:
            # `args.loss`: the default the parser declares (what the program runs with unless told)
            return self.cli_defaults.get(self.namespaces[id(base)], {}).get(attr, UNKNOWN)
        if isinstance(base, ModelRef):
            if attr == "output":
                return Tensor(base, [], node)
            if attr in ("input", "inputs"):
                return Tensor(None, [], node, is_input=True)
        return UNKNOWN

    def _note_private_chain(self, node, base_node, base_raw: str, raw: str) -> None:
        """Record each attribute chain into Keras internals once, as its outermost attribute:
        `keras.engine.input_layer.Input` is one chain, whatever its length, and however many times
        the function holding it is interpreted (a later pass meets the chain's inner attributes
        again, after its outermost one is recorded)."""
        if not is_private(raw):
            return
        chains = self.facts.private_chains
        for i, (known, _) in enumerate(chains):
            if any(inner is node for inner in _attribute_spine(known)):
                return  # this attribute, or one the chain goes on from, is recorded already
            if known is base_node:
                chains[i] = (node, raw)  # the chain goes on: keep its outermost attribute
                return
        if not is_private(base_raw):
            chains.append((node, raw))

    def eval_sequence(self, node, scope: Scope, frame: Frame) -> Value:
        items, elts, exact = [], [], True
        for element in node.elements:
            value = self.eval(element.value, scope, frame)
            if type(element) is cst.StarredElement:
                if isinstance(value, Seq):
                    items.extend(value.items)
                    elts.extend(value.elts)
                else:
                    exact = False
                continue
            items.append(value)
            elts.append(element.value)
        return Seq(items, node, elts) if exact else UNKNOWN

    def eval_dict(self, node: cst.Dict, scope: Scope, frame: Frame) -> Value:
        items, exact = {}, True
        for element in node.elements:
            if type(element) is cst.StarredDictElement:
                value = self.eval(element.value, scope, frame)
                if isinstance(value, Map):
                    items.update(value.items)
                else:
                    exact = False
                continue
            key = self.eval(element.key, scope, frame)
            value = self.eval(element.value, scope, frame)
            if isinstance(key, Lit):
                items[key.value] = value
            else:
                exact = False
        return Map(items, node) if exact else UNKNOWN

    def eval_binop(self, node: cst.BinaryOperation, scope: Scope, frame: Frame) -> Value:
        left = self.eval(node.left, scope, frame)
        right = self.eval(node.right, scope, frame)
        if type(node.operator) is cst.Add and isinstance(left, Seq) and isinstance(right, Seq):
            return Seq(left.items + right.items, node, left.elts + right.elts)
        for side in (left, right):
            if isinstance(side, Tensor):
                return Tensor(UNKNOWN, [side], node)
        if type(node.operator) is cst.Divide:
            return Div(node)
        if type(node.operator) is cst.Multiply and (type(left) is Div or type(right) is Div):
            return Div(node, product=True)  # `n / bs * k`: a float times a factor is a float
        # `n / bs + 1` is a float too; the quotient rounded up plus the int is what it rounds up to
        if type(left) is Div and type(right) is Lit and type(right.value) is int \
                and type(node.operator) in (cst.Add, cst.Subtract):
            return left
        if type(right) is Div and type(left) is Lit and type(left.value) is int and type(node.operator) is cst.Add:
            return right
        if isinstance(left, Lit) and isinstance(right, Lit) and type(left.value) in (int, float) \
                and type(right.value) in (int, float):
            try:
                if type(node.operator) is cst.Multiply:
                    return Lit(left.value * right.value, node)
                if type(node.operator) is cst.Add:
                    return Lit(left.value + right.value, node)
                if type(node.operator) is cst.Subtract:
                    return Lit(left.value - right.value, node)
                if type(node.operator) is cst.FloorDivide and right.value:
                    return Lit(left.value // right.value, node)
            except (OverflowError, TypeError):
                return UNKNOWN
        return UNKNOWN

    def eval_subscript(self, node: cst.Subscript, scope: Scope, frame: Frame) -> Value:
        base = self.eval(node.value, scope, frame)
        if len(node.slice) == 1 and type(node.slice[0].slice) is cst.Index:
            key = self.eval(node.slice[0].slice.value, scope, frame)
            if isinstance(base, Map) and isinstance(key, Lit):
                return base.items.get(key.value, base.any if base.any is not None and not base.items else UNKNOWN)
            if isinstance(base, Map) and not base.items and base.any is not None:
                return base.any  # `scalers[col]`, every one of them made alike
            if isinstance(base, Map) and base.items:
                # OPTIMIZERS[name]: a dict whose values are all Keras classes of one module
                values = list(base.items.values())
                if all(isinstance(v, Ref) and v.is_keras for v in values) \
                        and len({v.qualname.rpartition(".")[0] for v in values}) == 1:
                    return values[0]
            if isinstance(base, Seq) and isinstance(key, Lit) and isinstance(key.value, int):
                try:
                    return base.items[key.value]
                except IndexError:
                    return UNKNOWN
        if isinstance(base, Tensor):
            return Tensor(UNKNOWN, [base], node)
        return UNKNOWN

    def eval_args(self, call: cst.Call, scope: Scope, frame: Frame) -> Args:
        args = Args()
        for arg in call.args:
            value = self.eval(arg.value, scope, frame)
            if arg.star == "**":
                if isinstance(value, Map):
                    for k, v in value.items.items():
                        if isinstance(k, str):
                            args.kw[k] = (v, arg)
                else:
                    args.star = True
            elif arg.star == "*":
                if isinstance(value, Seq):
                    args.pos.extend((v, arg) for v in value.items)
                else:
                    args.star = True
            elif arg.keyword is not None:
                args.kw[arg.keyword.value] = (value, arg)
            else:
                args.pos.append((value, arg))
        return args

    # ---------------------------------------------------------------- calls
    def eval_call(self, call: cst.Call, scope: Scope, frame: Frame) -> Value:
        func = call.func
        if type(func) is cst.Attribute:
            inherited = self._super_method(func, scope, frame)
            if inherited is not None:  # `super().__init__(**kw)`: the base class's method, on this instance
                return self.invoke(inherited[0], self.eval_args(call, scope, frame), call, inherited[1])
            recv = self.eval(func.value, scope, frame)
            args = self.eval_args(call, scope, frame)
            if recv is UNKNOWN and func.attr.value == "fromkeys" and type(func.value) is cst.Name \
                    and func.value.value == "dict" and scope.lookup("dict") is None:
                return _from_keys(args, call)
            return self.call_method(recv, func.attr.value, args, call, func.value, scope, frame)
        callee = self.eval(func, scope, frame)
        args = self.eval_args(call, scope, frame)
        if callee is UNKNOWN and type(func) is cst.Name and scope.lookup(func.value) is None:
            if func.value == "getattr":
                return self._getattr(args, call)
            builtin = self.call_builtin(func.value, args, call)
            if builtin is not None:
                return builtin
        return self.call_value(callee, args, call, scope, frame)

    def _getattr(self, args: Args, call: cst.Call) -> Value:
        """`getattr(hp, "loss")`, `getattr(cfg, "METRICS", ["mae"])`: the attribute a literal name
        reads, as `hp.loss` would (never the default: an attribute this file does not see set may
        still be)."""
        if args.star or args.kw or len(args.pos) not in (2, 3):
            return UNKNOWN
        name = args.pos[1][0]
        if type(name) is not Lit or not isinstance(name.value, str):
            return UNKNOWN
        return self._attribute_of(args.pos[0][0], name.value, call)

    def _super_method(self, func: cst.Attribute, scope: Scope, frame: Frame) -> Optional[tuple]:
        """(the method, the instance) `super().<method>` / `super(Cls, self).<method>` names inside a
        method running for an instance of a class of the project: the first definition of it in the
        bases of the class whose method runs. None otherwise (a Keras base's own method: unknown)."""
        sup = func.value
        if type(sup) is not cst.Call or type(sup.func) is not cst.Name or sup.func.value != "super" \
                or frame.function is None or scope.lookup("super") is not None:
            return None
        inst = scope.lookup(sup.args[1].value.value) if len(sup.args) == 2 and type(sup.args[1].value) is cst.Name \
            else scope.lookup("self")
        if type(inst) is not Instance:
            return None
        owner = _owner_of(inst.cls, frame.function)
        if owner is None:
            return None
        for base in owner.bases:
            if isinstance(base, ClassV):
                found = _find_method(base, func.attr.value)
                if found is not None:
                    return found, inst
        return None

    @staticmethod
    def call_builtin(name: str, args: Args, call: cst.Call) -> Optional[Value]:
        if name == "dict" and not args.pos and not args.star:
            return Map({k: v for k, (v, _) in args.kw.items()}, call)
        if name in ("list", "tuple") and len(args.pos) == 1 and isinstance(args.pos[0][0], Seq):
            src = args.pos[0][0]
            return Seq(list(src.items), call, list(src.elts))
        if name in ("max", "min") and len(args.pos) >= 2 and not args.star and not args.kw:
            # `max(1, len(x) / bs)`: a true division bounded by an int is still that float (the
            # bound is what it is only when the quotient falls short of it)
            divs = [v for v, _ in args.pos if type(v) is Div]
            if len(divs) == 1 and all(type(v) is Div or type(v) is Lit and type(v.value) is int for v, _ in args.pos):
                return divs[0]
        return None

    def call_method(self, recv: Value, meth: str, args: Args, call: cst.Call, recv_node, scope, frame) -> Value:
        if meth in ("transform", "fit_transform") and (
                recv is UNKNOWN or isinstance(recv, Instance) and not recv.cls.is_model
                or isinstance(recv, Obj) and recv.qualname in _UNPICKLERS):
            # a normaliser of the project's own, or one unpickled: what it does to the range is not
            # known (see KerasFacts.opaque_transforms)
            self.facts.opaque_transforms.add(id(call))
        if type(recv) is OneOf:
            # `classifier = create_classifier(name, ...)`, then `classifier.fit(x, y)`: the method of
            # whichever object the dispatch returned, each run on these arguments
            return _merge_returns([self.call_method(option, meth, args, call, recv_node, scope, frame)
                                   if option is not UNKNOWN else UNKNOWN for option in recv.options])
        if isinstance(recv, ModuleV):  # `models.build_model(4)`: the function that module defines
            return self.call_value(self._module_attribute(recv, meth, call.func), args, call, scope, frame)
        if isinstance(recv, Ref):
            raw = f"{recv.raw or recv.qualname}.{meth}"
            self._note_private_chain(call.func, recv_node, recv.raw or recv.qualname, raw)
            return self.call_value(Ref(canonical(f"{recv.qualname}.{meth}"), call.func, raw), args, call, scope, frame)
        if isinstance(recv, Instance):
            attr = recv.attrs.get(meth)
            if attr is None:
                method = recv.attrs.get("__method__" + meth)
                if isinstance(method, Func):
                    # `b.make(activation="sigmoid")` then `b.make(activation=None)`: a method called from
                    # outside its class builds one model per call, as a function does; on `self` it
                    # keeps the instance's one model
                    outside = not (type(recv_node) is cst.Name and recv_node.value == "self")
                    return self.invoke(method, args, call, recv, per_call=outside)
                if meth in tables.MODEL_METHODS and recv.cls.is_model:
                    return self.model_method(self._self_model(recv), meth, args, call)
                return self._tensor_passthrough(args, call)
            if attr is UNKNOWN and meth in tables.MODEL_METHODS and self.facts.has_keras:
                held = _delegated_model(recv, meth)
                if held is not None:
                    # `self.fit = self.model.fit` in the wrapper's __init__: `t.fit(...)` is its model's
                    return self.model_method(held.model, meth, args, call)
                model = ModelRef(self.model_for(recv_node, "opaque"), recv_node)
                self.bind(recv_node, model, scope, frame)
                return self.model_method(model.model, meth, args, call)
            return self.call_value(attr, args, call, scope, frame)
        if isinstance(recv, ModelRef):
            return self.model_method(recv.model, meth, args, call)
        if isinstance(recv, ClassV) and not (recv.is_model or recv.is_layer):
            # `Builder.build(4)`: a static or class method (or a function the class holds, called
            # with its `self` spelled out)
            method = _find_method(recv, meth)
            if method is not None:
                classmethod = method_kind(method.fdef) == "classmethod"
                return self.invoke(method, args, call, recv.instance if classmethod else None)
            return self._tensor_passthrough(args, call)
        if isinstance(recv, DataPair):
            if meth in DATASET_KEEP:
                return recv
            if meth == "map":
                picked = _picked_parts(args.get("map_func", 0)[0], len(recv.parts))
                if picked is not None:
                    # `ds.map(lambda i, f, b: (f, b))`: two of the dataset's items, as they were made
                    (x, x_node), (y, y_node) = recv.parts[picked[0]], recv.parts[picked[1]]
                    return DataPair(x, y, x_node, y_node, recv.kind, call, origin=recv.origin)
                targets = _mapped_targets(args.get("map_func", 0)[0])
                if targets:
                    return DataPair(recv.x, UNKNOWN, recv.x_node, None, recv.kind, call, targets, recv.origin)
                return DataPair(recv.x, recv.y, recv.x_node, recv.y_node, recv.kind, call, recv.targets, recv.origin)
            return UNKNOWN
        if isinstance(recv, Obj) and recv.qualname == "argparse.ArgumentParser":
            if meth == "add_argument":
                self._cli_default(recv, args)
            elif meth == "parse_args":
                namespace = Obj("argparse.Namespace", Args(), call)
                self.namespaces[id(namespace)] = id(recv)
                return namespace
            return UNKNOWN
        if isinstance(recv, Obj):
            if recv.last == "ImageDataGenerator" and recv.is_keras and meth == "flow":
                return self._pair(args, call, "flow")
            if meth == "search" and recv.last in TUNERS and recv.qualname.split(".")[0] in TUNER_ROOTS:
                return self._tuner_search(recv, args, call)
            if meth in ("fit_transform", "transform") and _scales_into_unit(recv):
                self.facts.scaling_calls.add(id(call))
            if meth in ("fit_transform", "transform") and recv.qualname in (MINMAX, STANDARD):
                self.facts.range_calls[id(call)] = _output_range(recv.qualname, recv.args)
            if meth == "split" and recv.last in STRATIFIED_SPLITS:
                self._stratified(args.get("y", 1)[1])
            if meth == "fit" and recv.qualname == STANDARD:
                return recv  # StandardScaler().fit(y).transform(y)
            if meth == "fit" and _scales_into_unit(recv):
                return recv  # MinMaxScaler().fit(y).transform(y)
            if meth in tables.MODEL_METHODS and self.facts.has_keras and not recv.is_keras \
                    and recv.qualname.split(".")[0] not in tables.NON_KERAS_ROOTS and _rebindable(recv_node):
                model = ModelRef(self.model_for(recv_node, "opaque"), recv_node)
                self.bind(recv_node, model, scope, frame)
                return self.model_method(model.model, meth, args, call)
            return self._tensor_passthrough(args, call)
        if isinstance(recv, Map) and meth in ("get", "pop") and args.pos and not args.star \
                and isinstance(args.pos[0][0], Lit) and not args.kw:
            return self._map_get(recv, "get" if self.dead else meth, args)
        if isinstance(recv, Seq) and meth in ("append", "extend") and args.pos:
            if self.dead:
                return Lit(None)  # (a list of the live code is not changed by a dead arm)
            value, arg = args.pos[0]
            if meth == "append":
                recv.items.append(value)
                recv.elts.append(arg.value)
            elif isinstance(value, Seq):
                recv.items.extend(value.items)
                recv.elts.extend(value.elts)
            return Lit(None)
        if isinstance(recv, Tensor):
            return Tensor(UNKNOWN, [recv], call)
        placeholder = isinstance(recv, Lit) and recv.value is None  # `self.model = None`, set later
        if (recv is UNKNOWN or placeholder) and meth in tables.MODEL_METHODS and meth != "add" \
                and self.facts.has_keras and _rebindable(recv_node):
            # A parameter, a `self.model` set elsewhere, a model from another module: judged by the
            # calls made on it.
            model = ModelRef(self.model_for(recv_node, "opaque"), recv_node)
            self.bind(recv_node, model, scope, frame)
            return self.model_method(model.model, meth, args, call)
        return self._tensor_passthrough(args, call)

    def _tuner_search(self, tuner: Obj, args: Args, call: cst.Call) -> Value:
        """`tuner.search(x, y, epochs=…)`: keras-tuner fits every model its hypermodel builds on
        those arguments, as `fit` would — a training of the model `build(hp)` returns (a function, or
        a `HyperModel`'s `build` method), its hyperparameters unknown."""
        hyper = tuner.args.get("hypermodel", 0)[0]
        hp = Args(pos=[(UNKNOWN, None)])
        if isinstance(hyper, Func):
            built = self.invoke(hyper, hp, call, None)
        elif isinstance(hyper, Instance) and isinstance(hyper.attrs.get("__method__build"), Func):
            built = self.invoke(hyper.attrs["__method__build"], hp, call, hyper)
        else:
            return UNKNOWN
        if isinstance(built, ModelRef):
            self.model_method(built.model, "fit", args, call)
        return UNKNOWN

    @staticmethod
    def _map_get(recv: Map, meth: str, args: Args) -> Value:
        """`d.get("k", default)` / `d.pop("k", default)`: the value held under a literal key. Only the
        `**kwargs` of a call whose every argument is known holds no other key, so only there does a
        missing key give the default (`kwargs.pop("compile", {...})` in a function called without
        it); a `pop` there also takes the key out (what `**kwargs` passes on next lacks it)."""
        key = args.pos[0][0].value
        complete = type(recv.node) is cst.Param
        if key in recv.items:
            value = recv.items[key]
            if meth == "pop" and complete:
                del recv.items[key]
            return value
        if complete and len(args.pos) == 2:
            return args.pos[1][0]
        if complete and meth == "get" and len(args.pos) == 1:
            return Lit(None)
        return UNKNOWN

    def _cli_default(self, parser: Obj, args: Args) -> None:
        """`parser.add_argument("--loss", default="mse")`: dest `loss` defaults to "mse". An option
        declared twice, or with a default that is not known, is unknown."""
        names = [v.value for v, _ in args.pos if isinstance(v, Lit) and isinstance(v.value, str)]
        if args.star or not names:
            return
        dest_value, dest_arg = args.get("dest")
        if dest_arg is not None:
            if not (isinstance(dest_value, Lit) and isinstance(dest_value.value, str)):
                return
            dest = dest_value.value
        else:
            long = [n for n in names if n.startswith("--")]
            dest = (long[0] if long else names[0]).lstrip("-").replace("-", "_")
        default, default_arg = args.get("default")
        table = self.cli_defaults.setdefault(id(parser), {})
        if dest in table or default_arg is None or default is UNKNOWN:
            table[dest] = UNKNOWN
        else:
            table[dest] = default
            self.cli_values.add(id(default))

    def _self_model(self, inst: Instance) -> KerasModel:
        return self.model_for(inst.cls.cdef, "subclass", cls=inst.cls)

    def call_value(self, callee: Value, args: Args, call: cst.Call, scope: Scope, frame: Frame) -> Value:
        if isinstance(callee, Ref):
            return self.call_ref(callee, args, call)
        if isinstance(callee, Layer):
            return self.apply_layer(callee, args, call)
        if isinstance(callee, ModelRef):
            inp = args.get("inputs", 0)[0]
            return Tensor(callee, [inp], call)
        if isinstance(callee, Func):
            return self.invoke(callee, args, call, None)
        if isinstance(callee, Instance):
            # `Net(4)()`: an object of a (non-Keras) class with `__call__`
            method = callee.attrs.get("__method____call__")
            if isinstance(method, Func):
                return self.invoke(method, args, call, callee)
            return self._tensor_passthrough(args, call)
        if isinstance(callee, ClassV):
            self._read_methods(callee)
            if callee.is_model:
                if callee.instance is not None:
                    # `MLP(out_activation="sigmoid")`: its layers are what `__init__` makes of the
                    # call's arguments (and its defaults), read by `call`
                    self._construct(self._adopt(callee.instance), args, call)
                return ModelRef(self.model_for(callee.cdef, "subclass", cls=callee), call)
            if callee.is_layer:
                keras_base = _keras_init(callee)
                if keras_base is not None and id(call) not in self.keras_call_ids:
                    # `MyDense(1, init="uniform")` of a subclass with no `__init__` of its own: Keras'
                    # layer takes the arguments (and rejects what Keras 3 removed)
                    self.keras_call_ids.add(id(call))
                    self.facts.keras_calls.append(KerasCall(keras_base.qualname, call, args, keras_base.raw,
                                                            self.running[-1] if self.running else None))
                return self.new_layer("custom", args, call, callee.cdef.name.value)
            if callee.instance is None:
                return UNKNOWN
            inst = self._adopt(callee.instance)
            self._construct(inst, args, call)
            return inst
        return self._tensor_passthrough(args, call)

    def _construct(self, inst: Instance, args: Args, call: cst.Call) -> None:
        """`Trainer(4, loss="mse")`: its `__init__` runs with the call's arguments (and its
        defaults), so `self.loss` is "mse" — not only once with unknown parameters. A class is one
        instance here: where two constructions set an attribute differently, it is unknown."""
        if self.dead:
            return
        init = inst.attrs.get("__method____init__")
        if not isinstance(init, Func):
            fields = _dataclass_fields(inst.cls.cdef)
            if fields and id(call) not in self.constructions:
                # `Experiment(hidden=128)`: the generated __init__ sets each field given, by name or in order
                self.constructions.add(id(call))
                given = {**{f: v for f, (v, _) in zip(fields, args.pos)}, **{k: v for k, (v, _) in args.kw.items()}}
                built = self.constructed.setdefault(id(inst), {})
                for name in fields:
                    value = UNKNOWN if args.star else given.get(name, inst.cls.consts.get(name, UNKNOWN))
                    if name in built and not _agrees(built[name], value):
                        value = UNKNOWN
                    inst.attrs[name] = built[name] = value
            return
        if id(call) in self.constructions:
            return  # this construction again (its function called once more): what it sets is known
        self.constructions.add(id(call))  # the call is a node of a kept tree: its id stays its own
        self.invoke(init, args, call, inst)
        built = self.constructed.setdefault(id(inst), {})
        for name, value in inst.attrs.items():
            if name.startswith("__method__"):
                continue
            if name in built and not _agrees(built[name], value):
                # the same layer made with other arguments (`Conv2D(K, 1, activation="softmax")` for
                # K=2 and K=3) is still that layer: only the arguments that differ are unknown
                value = inst.attrs[name] = _merged_layer(built[name], value) or UNKNOWN
            built[name] = value

    def _read_methods(self, cls: ClassV) -> None:
        """A class of a project module instantiated here: its methods (a model's `call`, a wrapper's
        own `fit_generator`) are read in this file's analysis, once, as the file's own methods are."""
        if getattr(cls.scope, "origin", None) is None or cls.instance is None or id(cls) in self.read_classes:
            return
        self.read_classes.add(id(cls))
        keras_class = cls.is_model or cls.is_layer
        for stmt in cls.cdef.body.body:
            if type(stmt) is cst.FunctionDef and (keras_class or stmt.name.value == "__init__"):
                method = cls.instance.attrs.get("__method__" + stmt.name.value)
                if isinstance(method, Func) and method.fdef is stmt:
                    self.pending.append((method, self._adopt(cls.instance)))

    def _tensor_passthrough(self, args: Args, call: cst.Call) -> Value:
        for value, _ in args.pos:
            if isinstance(value, Tensor):
                return Tensor(UNKNOWN, [value], call)
        return UNKNOWN

    def call_ref(self, ref: Ref, args: Args, call: cst.Call) -> Value:
        q, last = ref.qualname, ref.last
        if ref.is_keras:
            if id(call) not in self.keras_call_ids:
                self.keras_call_ids.add(id(call))
                self.facts.keras_calls.append(KerasCall(q, call, args, ref.raw, self.running[-1] if self.running else None))
            if self.dead and (last in tables.MODEL_CLASSES or last in ("Model", "Functional", "Sequential")
                              or last in tables.MODEL_LOADERS):
                return UNKNOWN
            if last == "Sequential":
                model = self.model_for(call, "sequential")
                layers = args.get("layers", 0)[0]
                if isinstance(layers, Seq):
                    for item in layers.items:
                        self.add_layer(model, item)
                return ModelRef(model, call)
            if last in ("Model", "Functional"):
                inputs, outputs = args.get("inputs", 0)[0], args.get("outputs", 1)[0]
                if not args.has("outputs", 1) and args.has("output"):
                    # Keras 1's `Model(input=x, output=y)` (RL504 reports the keywords): the same graph
                    inputs, outputs = args.get("input")[0], args.get("output")[0]
                if outputs is UNKNOWN and not args.has("outputs", 1) and not args.has("output"):
                    # Keras' own model whose layers are not read here (`Model(**parts)`): like a
                    # loaded one, not an object of unknown type
                    return ModelRef(self.model_for(call, "loaded"), call)
                model = self.model_for(call, "functional")
                model.outputs = _tensors(outputs)
                model.inputs = _tensors(inputs)
                return ModelRef(model, call)
            if last in tables.MODEL_LOADERS or (q.startswith("keras.applications.") and last[:1].isupper()):
                return ModelRef(self.model_for(call, "loaded"), call)
            if last == "multi_gpu_model":
                # Keras 2's data-parallel twin shares the template's layers and weights: compiled and
                # fitted, it is that model trained (RL501 on its fit_generator, RL503 on the import)
                template = args.get("model", 0)[0]
                return ModelRef(template.model, call) if isinstance(template, ModelRef) else UNKNOWN
            if last in tables.INPUT_FUNCS:
                shape = args.get("shape", 0)[0]
                if not args.has("shape", 0):
                    shape = args.get("batch_shape")[0]
                return Tensor(None, [], call, is_input=True, shape=shape)
            if last in MERGE_FUNCTIONS and q.startswith("keras.layers.") and args.pos:
                # `layers.concatenate([a, b])`: the merge layer made and applied to its inputs at once
                layer = self.new_layer(MERGE_FUNCTIONS[last], Args(kw={k: v for k, v in args.kw.items()
                                                                        if k != "inputs"}), call, q)
                return self.apply_layer(layer, Args(pos=[args.pos[0]]), call)
            if is_layer_path(q):
                layer = self.new_layer(last, args, call, q)
                if last in ("Bidirectional", "TimeDistributed"):
                    inner = args.get("layer", 0)[0]
                    layer.wrapped = inner if isinstance(inner, Layer) else None
                return layer
            if q in TIMESERIES_CTORS:
                # windows of `data`, each with the target `targets` holds for it
                data, da = args.get("data", 0)
                targets, ta = args.get("targets", 1)
                if da is None or ta is None or type(targets) is Lit and targets.value is None:
                    return UNKNOWN
                return DataPair(data, targets, da.value, ta.value, "dataset", call, origin=self._here())
            if q.startswith(("keras.activations.", "keras.ops.", "keras.backend.")) and args.pos \
                    and isinstance(args.pos[0][0], Tensor):
                if last.lower() in tables.BOUNDED_ACTIVATIONS or q.startswith("keras.activations."):
                    return Tensor(ActivationFn(last.lower(), call), [args.pos[0][0]], call)
                return Tensor(UNKNOWN, [args.pos[0][0]], call)
            return Obj(q, args, call)
        if q in DATASET_CTORS:
            return self._pair(args, call, "dataset", tuple_arg=True)
        if q == "tensorflow.data.experimental.make_csv_dataset" and args.has("label_name") and not args.star:
            # (features, label) batches of a CSV column: its targets are what a `.map()` makes of them
            return DataPair(UNKNOWN, UNKNOWN, None, None, "dataset", call, origin=self._here())
        if q.startswith("tensorflow.") and args.pos and isinstance(args.pos[0][0], Tensor):
            if any(q == f"{m}.{last}" for m in tables.TF_ACTIVATION_MODULES) \
                    and last.lower() in tables.BOUNDED_ACTIVATIONS:
                return Tensor(ActivationFn(last.lower(), call), [args.pos[0][0]], call)
            return Tensor(UNKNOWN, [args.pos[0][0]], call)
        if q.rpartition(".")[2] == "train_test_split":
            _, stratify = args.get("stratify")
            self._stratified(stratify)
        if q == "sklearn.preprocessing.minmax_scale" and _unit_range(args, pos=1):
            self.facts.scaling_calls.add(id(call))
        if last in ("KerasClassifier", "SKLearnClassifier") and q.split(".")[0] in ("scikeras", "keras", "tensorflow"):
            self._declared_classifier(args)
        if q == "sklearn.compose.TransformedTargetRegressor":
            transformer = args.get("transformer")[0]
            if isinstance(transformer, Obj) and _scales_into_unit(transformer):
                # the targets of the model it wraps (`regressor=KerasRegressor(build)`) are scaled
                # into [0, 1] by scikit-learn, out of sight
                self.facts.scaling_calls.add(id(call))
        if q in ("sklearn.preprocessing.minmax_scale", "sklearn.preprocessing.scale", "scipy.stats.zscore"):
            self.facts.range_calls[id(call)] = _output_range(q, args, pos=1)
        passthrough = self._tensor_passthrough(args, call)
        return passthrough if passthrough is not UNKNOWN else Obj(q, args, call)

    def _declared_classifier(self, args: Args) -> None:
        """`KerasClassifier(build_fn=make_net)` (Keras 2's and scikeras' wrappers, Keras 3's
        `SKLearnClassifier(model=...)`): the models the function builds, or the model given, are
        classifiers by declaration (their targets class labels, whatever loss they compile)."""
        built = args.get("build_fn")[0]
        if built is UNKNOWN or built is None:
            built = args.get("model", 0)[0]
        if isinstance(built, ModelRef):
            self.facts.classifier_nodes.add(id(built.model.node))
        elif isinstance(built, Func):
            stack = [built.fdef.body]
            while stack:
                node = stack.pop()
                if type(node) is cst.Call:
                    self.facts.classifier_nodes.add(id(node))
                stack.extend(node.children)

    def _pair(self, args: Args, call: cst.Call, kind: str, tuple_arg: bool = False) -> Value:
        if tuple_arg:
            value, arg = args.get("tensors", 0)
            if isinstance(value, Seq) and len(value.items) == 2 and type(arg.value if arg else None) is cst.Tuple:
                return DataPair(value.items[0], value.items[1], value.elts[0], value.elts[1], kind, call,
                                origin=self._here())
            if isinstance(value, Seq) and 2 < len(value.items) <= 8 and len(value.elts) == len(value.items) \
                    and type(arg.value if arg else None) is cst.Tuple:
                return DataPair(UNKNOWN, UNKNOWN, None, None, kind, call, origin=self._here(),
                                parts=tuple(zip(value.items, value.elts)))
            return UNKNOWN
        x, xa = args.get("x", 0)
        y, ya = args.get("y", 1)
        if xa is None or ya is None:
            return UNKNOWN
        return DataPair(x, y, xa.value, ya.value, kind, call, origin=self._here())

    def _stratified(self, arg) -> None:
        """`train_test_split(..., stratify=y)`, `StratifiedKFold(...).split(x, y)`: scikit-learn takes only
        class labels there, so `y` is labels (facts.dataflow)."""
        if arg is not None and not arg.star and type(arg.value) is cst.Name and not self.foreign_code:
            self.facts.stratified.add(arg.value.value)

    def _here(self) -> Optional[str]:
        """The project module whose code runs now (its function called from here, or its top level
        a module reader runs); None for the linted file's own code."""
        return self.running[-1] if self.running else self.origin

    # ---------------------------------------------------------------- layers and models
    def new_layer(self, kind: str, args: Args, call: cst.Call, qualname: str) -> Layer:
        layer = Layer(kind, args, call, qualname)
        units = args.get("units", 0)[1]
        if self.dead and (units is None or type(units.value) is not cst.Integer):
            # a layer of an arm the call's arguments rule out (`if self.regression: ... else:
            # Dense(self.nb_classes, activation="softmax")` with `Net(1, regression=True)`) holds
            # values of a path that never runs; one written with its unit count is a mistake wherever
            # it stands
            return layer
        if id(call) not in self.layer_ids:
            self.layer_ids.add(id(call))
            self.facts.layers.append(layer)
        return layer

    def link(self, layer: Value, prev: Value) -> None:
        if isinstance(layer, Layer) and isinstance(prev, Layer):
            key = (id(layer.node), id(prev.node))
            if key not in self.link_ids:
                self.link_ids.add(key)
                self.facts.links.append((layer, prev))

    def apply_layer(self, layer: Layer, args: Args, call: cst.Call) -> Tensor:
        inp = args.get("inputs", 0)[0]
        if isinstance(inp, Tensor) and isinstance(inp.producer, Layer):
            self.link(layer, inp.producer)
        return Tensor(layer, [inp], call)

    def add_layer(self, model: KerasModel, item: Value) -> None:
        if isinstance(item, (Layer, ModelRef)) or (isinstance(item, Tensor) and item.is_input):
            if model.layers and isinstance(item, Layer):
                prev = next((p for p in reversed(model.layers) if not (isinstance(p, Layer) and p.kind in tables.TRANSPARENT_LAYERS)), None)
                self.link(item, prev)
            model.layers.append(item)
            if self.arms and any(mark[0] == "loop" for mark in self.arms):
                model.placed[id(item)] = tuple(self.arms)
        else:
            model.layers.append(UNKNOWN)

    def model_for(self, node: cst.CSTNode, kind: str, cls: Optional[ClassV] = None) -> KerasModel:
        """One KerasModel per construction site, also when a builder function is run again. A method
        run on an instance (None in the chain) keeps one model per site for the instance; a builder
        it calls makes one per call site below it (`board_net(shape, policy=True)` in one test
        method, `board_net(shape)` in another: two models, not one whose layers the last run wrote)."""
        chain = self.call_chain
        if None in chain:
            chain = chain[len(chain) - chain[::-1].index(None):]
        key = (id(node),) if kind == "subclass" else (id(node), *chain)
        model = self.models.get(key)
        if model is None:
            model = KerasModel(kind, node)
            model.cls = cls
            if self.running:
                model.in_function, model.home = True, self.running[-1]
            self.models[key] = model
            self.model_ids.add(id(model))
            self.facts.models.append(model)
        elif kind == "sequential":
            model.layers = []  # the builder runs again: its .add() calls refill the chain
            model.placed = {}
        return model

    def model_method(self, model: KerasModel, meth: str, args: Args, call: cst.Call) -> Value:
        if not any(c.node is call for c in model.calls):
            model.calls.append(MethodCall(meth, call, args))
        if self.dead:
            return UNKNOWN
        if meth == "add":
            self.add_layer(model, args.get("layer", 0)[0])
        elif meth == "compile":
            loss = args.get("loss", 1)[0]
            if args.star and not args.has("loss", 1):
                loss = UNKNOWN
            new = Compile(call, loss, args.get("metrics", 2)[0], args.get("weighted_metrics")[0],
                          args.get("optimizer", 0)[0], provisional=self.standalone > 0)
            at = next((i for i, c in enumerate(model.compiles) if c.node is call), None)
            if at is None:
                model.compiles.append(new)
            else:
                model.compiles[at] = _rerun_compile(model.compiles[at], new)
        elif (meth in tables.TRAIN_METHODS or meth in tables.EVAL_METHODS) and not self.foreign_code:
            seen = next((t for t in model.trainings if t.node is call), None)
            if seen is None:
                model.trainings.append(self.training(meth, args, call))
            elif seen.in_function and len(seen.reruns) < 8 and self.depth > 0:
                seen.reruns.append(len(self.facts.assignments))
        elif (meth in tables.TRAIN_METHODS or meth in tables.EVAL_METHODS) and self.foreign_code > self.own_foreign:
            if not any(t.node is call for t in model.foreign_trainings):
                theirs = self.training(meth, args, call)
                if theirs.origin is None:
                    theirs.origin = self._here()  # its x / y are that module's nodes
                model.foreign_trainings.append(theirs)
            self._lift_training(model, meth, args, call)
        return UNKNOWN

    def _lift_training(self, model: KerasModel, meth: str, args: Args, call: cst.Call) -> None:
        """`fc.fit(x, prices)` here, whose method (another module's) runs `self.model.fit(x, y)` on
        its own parameters untouched: the model is trained on this file's `x` and `prices`, a
        training of this file at that call (its targets are this file's data flow). Only one call
        deep, only when both data arguments are parameters the method never rebinds."""
        if not self.lifts or meth not in tables.TRAIN_METHODS or meth.endswith("_generator") \
                or self.foreign_code != self.own_foreign + 1:
            return
        depth, sites, site, fdef = self.lifts[-1]
        if depth != self.depth:
            return
        theirs = self.training(meth, args, call)
        x, y = theirs.x_node, theirs.y_node
        if not (type(x) is cst.Name and type(y) is cst.Name and x.value in sites and y.value in sites):
            return
        validation = [(sites[vx.value], sites[vy.value]) for vx, vy in theirs.validation
                      if type(vx) is cst.Name and type(vy) is cst.Name
                      and vx.value in sites and vy.value in sites]
        names = {x.value, y.value} | {n.value for pair in theirs.validation for n in pair if type(n) is cst.Name}
        if _rebound(fdef, names) or any(t.node is site for t in model.trainings):
            return
        ours = Training(site, meth, theirs.x, theirs.y, sites[x.value], sites[y.value], validation)
        ours.at = theirs.at
        ours.callee_pair = x.value == y.value  # `fit(images, images)` there
        ours.in_function = depth > 1  # where the call that ran that method stands
        model.trainings.append(ours)

    def training(self, meth: str, args: Args, call: cst.Call) -> Training:
        xname = "generator" if meth.endswith("_generator") else "x"
        x, xa = args.get(xname, 0)
        y, ya = args.get("y", 1) if not meth.endswith("_generator") else (UNKNOWN, None)
        x_node, y_node = (xa.value if xa else None), (ya.value if ya else None)
        if xa is not None and xa is ya:
            # `fit(*train)` with `train = (x_train, y_train)`: both spread from one expression, which
            # is neither the inputs nor the targets
            x_node = y_node = None
        mapped: tuple = ()
        origin = None
        if isinstance(x, DataPair) and ya is None:
            x_node, y_node, x, y, mapped, origin = x.x_node, x.y_node, x.x, x.y, x.targets, x.origin
        elif isinstance(x, Instance) and ya is None and x_node is not None:
            # `fit(DataGen(x, ages, 16))`: the targets are what the construction hands the attribute
            # its `__getitem__` returns as targets, or what its `__init__` makes of it there
            found = _sequence_targets(x, self._construction(x_node))
            if found is not None:
                y_node, origin = found[0], found[1] if found[1] is not None else origin
        t = Training(call, meth, x, y, x_node, y_node, mapped=mapped, origin=origin)
        t.at = len(self.facts.assignments)
        t.in_function = self.depth > 0
        val = args.get("validation_data")[0]
        if isinstance(val, Seq) and len(val.items) >= 2 and val.elts:
            t.validation.append((val.elts[0], val.elts[1]))
        elif isinstance(val, DataPair):
            t.validation.append((val.x_node, val.y_node))
        return t

    def _construction(self, node) -> Optional[cst.Call]:
        """The call that made what `node` holds: the node itself, or the last call bound to its name."""
        if type(node) is cst.Call:
            return node
        if type(node) is cst.Name:
            for targets, value in reversed(self.facts.assignments):
                if any(type(t) is cst.Name and t.value == node.value for t in targets):
                    return value if type(value) is cst.Call else None
        return None

    def _finish_subclass_models(self) -> None:
        for model in self.facts.models:
            cls = getattr(model, "cls", None)
            if model.kind != "subclass" or cls is None:
                continue
            method = _find_method(cls, "call")
            if method is not None:
                ret = self.returns.get(id(method.fdef), UNKNOWN)
                if cls.instance is not None and not any(
                        type(s) is cst.FunctionDef and s.name.value == "call" for s in cls.cdef.body.body):
                    # `call` inherited (class Regressor(Base) with only its own __init__): it ran
                    # on the base class's instance; this model's layers are the ones its own
                    # construction made
                    ret = self.invoke(method, Args(), None, cls.instance, standalone=True)
                model.outputs = _tensors(ret)

    # ---------------------------------------------------------------- functions
    def invoke(self, func: Func, args: Args, call: Optional[cst.Call], inst: Optional[Instance],
               standalone: bool = False, per_call: bool = False) -> Value:
        if self.dead:
            return UNKNOWN  # (its body is read when it runs for a call of its own, or on its own)
        fdef = func.fdef
        if inst is not None and fdef.decorators:
            kind = method_kind(fdef)
            if kind == "staticmethod":
                inst = None  # no `self`: every argument is a parameter
            elif kind == "classmethod":
                inst = inst.cls  # `cls` is the class
        if not standalone:
            if self.depth >= MAX_DEPTH or self.budget <= 0 or id(fdef) in self.active:
                return self._tensor_passthrough(args, call) if call is not None else UNKNOWN
            self.budget -= 1
        self.depth += 1
        self.standalone += standalone
        self.active.add(id(fdef))
        foreign = getattr(func.scope, "origin", None) is not None
        lifted = foreign and call is not None and not standalone and self.foreign_code == self.own_foreign
        if lifted:  # this file's code calls into another module's: where its parameters come from here
            self.lifts.append((self.depth, _call_site_nodes(fdef.params, args, inst), call, fdef))
        self.foreign_code += foreign
        self.running.append(getattr(func.scope, "origin", None))
        self.call_chain.append(None if inst is not None and not per_call
                               else 0 if standalone or call is None else id(call))
        try:
            scope = Scope(func.scope)
            self.bind_params(fdef.params, args, scope, inst, standalone)
            frame = Frame(function=fdef.name, params=frozenset() if standalone else _param_names(fdef.params))
            self.exec_block(fdef.body.body if type(fdef.body) is cst.IndentedBlock else fdef.body.body,
                            scope, frame)
            if not standalone:
                # Read with real arguments: a later standalone run (parameters unknown) would only
                # overwrite what this one learnt about the models it builds.
                self.analyzed.add(id(fdef))
            return _merge_returns(frame.returns)
        finally:
            self.depth -= 1
            self.standalone -= standalone
            self.active.discard(id(fdef))
            self.foreign_code -= foreign
            self.running.pop()
            self.call_chain.pop()
            if lifted:
                self.lifts.pop()

    def _param_flow(self, param: cst.Param, arg: Optional[cst.Arg]) -> None:
        # `train(m, x_s, y_s)` binds y = y_s: the data-flow queries follow that edge.
        if arg is not None and not arg.star and not self.foreign_code:
            self.facts.param_flows.add(len(self.facts.assignments))
            self.facts.assignments.append(([param.name], arg.value))

    def bind_params(self, params: cst.Parameters, args: Args, scope: Scope, inst: Optional[Value],
                    standalone: bool) -> None:
        """`inst`: what the first parameter is bound to (the instance; the class of a classmethod)."""
        positional = list(params.posonly_params) + list(params.params)
        offset = 0
        if inst is not None and positional:
            scope.vars[positional[0].name.value] = inst
            positional = positional[1:]
        for i, param in enumerate(positional):
            name = param.name.value
            if standalone:
                scope.vars[name] = UNKNOWN
            elif i + offset < len(args.pos):
                scope.vars[name] = args.pos[i + offset][0]
                self._param_flow(param, args.pos[i + offset][1])
            elif name in args.kw:
                scope.vars[name] = args.kw[name][0]
                self._param_flow(param, args.kw[name][1])
            elif param.default is not None and not args.star:
                scope.vars[name] = self.eval(param.default, scope.parent or scope, Frame())
            else:
                scope.vars[name] = UNKNOWN
        for param in params.kwonly_params:
            name = param.name.value
            if not standalone and name in args.kw:
                scope.vars[name] = args.kw[name][0]
            elif not standalone and param.default is not None and not args.star:
                scope.vars[name] = self.eval(param.default, scope.parent or scope, Frame())
            else:
                scope.vars[name] = UNKNOWN
        for star in (params.star_arg, params.star_kwarg):
            if type(star) is cst.Param:
                scope.vars[star.name.value] = UNKNOWN
        rest = params.star_kwarg
        if type(rest) is cst.Param and not standalone and not args.star:
            # every argument of the call is known: `**kwargs` holds the keywords no parameter took,
            # and passes them on (`super().__init__(**kwargs)`, `Dense(1, **kwargs)`)
            named = {p.name.value for p in (*positional, *params.kwonly_params)}
            scope.vars[rest.name.value] = Map({k: v for k, (v, _) in args.kw.items() if k not in named}, rest)


def _call_site_nodes(params: cst.Parameters, args: Args, inst: Optional[Instance]) -> dict:
    """{parameter name: the expression the call passes it}, for arguments written one by one (none
    when a `*args` / `**kwargs` spread makes the order unknown)."""
    if args.star:
        return {}
    positional = list(params.posonly_params) + list(params.params)
    if inst is not None and positional:
        positional = positional[1:]
    out = {}
    for i, param in enumerate(positional):
        name = param.name.value
        arg = args.pos[i][1] if i < len(args.pos) else args.kw[name][1] if name in args.kw else None
        if arg is not None and not arg.star:
            out[name] = arg.value
    for param in params.kwonly_params:
        arg = args.kw[param.name.value][1] if param.name.value in args.kw else None
        if arg is not None and not arg.star:
            out[param.name.value] = arg.value
    return out


# Calls that hand a tensor on with its values unchanged: `tf.cast(y, tf.float32)` in a `.map()`
# function still returns the dataset's own targets.
_SAME_VALUES = frozenset({"cast", "convert_to_tensor", "reshape", "expand_dims", "squeeze", "identity",
                          "ensure_shape"})


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


def _picked_parts(fn: Value, n: int) -> Optional[tuple[int, int]]:
    """(i, j) when the function given to the `.map()` of a dataset of `n` items (n > 2) takes them
    as n parameters and returns two of them as they are (`lambda i, f, b: (f, b)`); else None."""
    if n < 3 or type(fn) is not Lambda:
        return None
    params = fn.node.params
    if params.star_arg not in (None, cst.MaybeSentinel.DEFAULT) or params.kwonly_params or params.star_kwarg:
        return None
    names = [p.name.value for p in (*params.posonly_params, *params.params)]
    body = fn.node.body
    if len(names) != n or type(body) is not cst.Tuple or len(body.elements) != 2 \
            or not all(type(e) is cst.Element and type(e.value) is cst.Name and e.value.value in names
                       for e in body.elements):
        return None
    return names.index(body.elements[0].value.value), names.index(body.elements[1].value.value)


def _mapped_targets(fn: Value) -> tuple:
    """The expressions the function given to a dataset's `.map()` returns as targets (the second item
    of every `return x, y` of its body, or of a lambda's tuple), when at least one of them is not the
    target it was given (its second parameter, maybe cast or reshaped): () when they all are, or the
    function or any of its returns is not of that shape (then what it trains on stays what the
    dataset was made of)."""
    if type(fn) is Lambda:
        params, returned = fn.node.params, [fn.node.body]
    elif type(fn) is Func:
        params, returned = fn.fdef.params, []
        stack = list(fn.fdef.body.body) if type(fn.fdef.body) is cst.IndentedBlock else [fn.fdef.body]
        while stack:
            node = stack.pop()
            if type(node) is cst.Return:
                returned.append(node.value)
            elif not isinstance(node, (cst.FunctionDef, cst.ClassDef, cst.BaseExpression)):
                stack.extend(node.children)  # statements only: a return is never inside an expression
    else:
        return ()
    names = [p.name.value for p in (*params.posonly_params, *params.params)]
    if len(names) != 2 or not returned:
        return ()
    targets = []
    for value in returned:
        if type(value) is not cst.Tuple or len(value.elements) != 2 \
                or type(value.elements[1]) is not cst.Element:
            return ()
        targets.append(value.elements[1].value)
    given = names[1]

    def same(node) -> bool:
        for _ in range(4):
            if type(node) is cst.Name:
                return node.value == given
            if type(node) is not cst.Call or not node.args or node.args[0].keyword is not None:
                return False
            func = node.func
            last = func.attr.value if type(func) is cst.Attribute else func.value if type(func) is cst.Name else ""
            if last not in _SAME_VALUES:
                return False
            node = node.args[0].value
        return False
    return () if all(same(t) for t in targets) else tuple(targets)


def _rebound(fdef: cst.FunctionDef, names: set) -> bool:
    """Whether the body of `fdef` assigns any of `names` (then a parameter is not the caller's value)."""
    stack: list = [fdef.body]
    while stack:
        node = stack.pop()
        targets: list = []
        if type(node) is cst.AssignTarget:
            targets = [node.target]
        elif type(node) in (cst.AugAssign, cst.AnnAssign, cst.For, cst.CompFor):
            targets = [node.target]
        elif type(node) is cst.NamedExpr:
            targets = [node.target]
        elif type(node) is cst.AsName:
            targets = [node.name]
        elif type(node) in (cst.Global, cst.Nonlocal, cst.Del):
            return True
        for target in targets:
            pending = [target]
            while pending:
                t = pending.pop()
                if type(t) is cst.Name and t.value in names:
                    return True
                if type(t) in (cst.Tuple, cst.List):
                    pending.extend(e.value for e in t.elements)
                elif type(t) is cst.StarredElement:
                    pending.append(t.value)
        stack.extend(node.children)
    return False


def _attribute_spine(node):
    """`node` and the attributes it is built on: `a.b.c`, `a.b`, `a`."""
    while type(node) is cst.Attribute:
        yield node
        node = node.value
    yield node


def _same_value(a: Value, b: Value) -> bool:
    if a is b:
        return True
    if isinstance(a, Lit) and isinstance(b, Lit):
        return a.value == b.value and type(a.value) is type(b.value)
    if isinstance(a, (Ref, Obj)) and isinstance(b, type(a)):
        return a.qualname == b.qualname and a.node is b.node
    if isinstance(a, Seq) and isinstance(b, Seq):
        return len(a.items) == len(b.items) and all(_same_value(x, y) for x, y in zip(a.items, b.items))
    if isinstance(a, Func) and isinstance(b, Func):
        return a.fdef is b.fdef
    return False


def _truth(value: Value) -> Optional[bool]:
    """Whether a literal or a list / dict of known length is truthy; None when not known."""
    if type(value) is Lit and isinstance(value.value, (bool, int, float, str, type(None))):
        return bool(value.value)
    if type(value) is Seq:
        return bool(value.items)
    if type(value) is Map:
        return bool(value.items)
    return None


def _names_base(target) -> Optional[str]:
    """The name an assignment target binds or changes (`d`, `d[k]`, `d.attr`), else None."""
    while type(target) in (cst.Subscript, cst.Attribute):
        target = target.value
    return target.value if type(target) is cst.Name else None


def _keras_init(cls: ClassV, depth: int = 0) -> Optional[Ref]:
    """The Keras class whose `__init__` a construction of `cls` runs: its Keras base, when neither it
    nor a base class of the project between them defines `__init__` (one Keras base only); None
    otherwise."""
    if depth > 8 or any(type(s) is cst.FunctionDef and s.name.value == "__init__" for s in cls.cdef.body.body):
        return None
    found = [b for b in cls.bases if isinstance(b, Ref) and b.is_keras]
    inner = [b for b in cls.bases if isinstance(b, ClassV)]
    if len(found) + len(inner) != 1:
        return None
    return found[0] if found else _keras_init(inner[0], depth + 1)


def _rerun_compile(old: Compile, new: Compile) -> Compile:
    """The same compile() run again (a builder called from several places): what differs between
    the runs is not known — except what a run with unknown parameters left unknown, which a run with
    a call's arguments knows (`__init__(self, loss=rmse)` read where the class is defined, then for
    `Regressor(5)`). A new record: another module's scope may share the old one."""
    merged = Compile(old.node, UNKNOWN, UNKNOWN, UNKNOWN, UNKNOWN, old.provisional and new.provisional)
    for name in ("loss", "metrics", "weighted_metrics", "optimizer"):
        a, b = getattr(old, name), getattr(new, name)
        if _same_value(a, b) or b is UNKNOWN and new.provisional:
            setattr(merged, name, a)
        elif a is UNKNOWN and old.provisional:
            setattr(merged, name, b)
    return merged


def _field_default(value: cst.BaseExpression) -> cst.BaseExpression:
    """A dataclass field's default: `field(default=x)` and `field(default_factory=lambda: x)` are x."""
    if type(value) is cst.Call and (dotted_name(value.func) or "").rpartition(".")[2] == "field":
        for arg in value.args:
            if arg.keyword is not None and arg.keyword.value == "default":
                return arg.value
            if arg.keyword is not None and arg.keyword.value == "default_factory" and type(arg.value) is cst.Lambda:
                return arg.value.body
    return value


def _dataclass_fields(cdef: cst.ClassDef) -> list[str]:
    """The fields of a `@dataclass` class, in order (its annotated class-level names); [] otherwise."""
    # `@dataclass`, `@dataclasses.dataclass`, `@dataclass(frozen=True)`
    if not any((dotted_name(d.decorator.func if type(d.decorator) is cst.Call else d.decorator) or "")
               .rpartition(".")[2] == "dataclass" for d in cdef.decorators):
        return []
    body = cdef.body.body if type(cdef.body) is cst.IndentedBlock else ()
    return [small.target.value for stmt in body if type(stmt) is cst.SimpleStatementLine
            for small in stmt.body if type(small) is cst.AnnAssign and type(small.target) is cst.Name]


def _merged_layer(a: Value, b: Value) -> Optional[Layer]:
    """Layers `a` and `b`, made by the same call with other arguments, as one whose differing
    arguments are unknown; None when they are not two makings of one layer."""
    if type(a) is not Layer or type(b) is not Layer or a.node is not b.node or a.kind != b.kind \
            or len(a.args.pos) != len(b.args.pos) or set(a.args.kw) != set(b.args.kw) or a.wrapped or b.wrapped:
        return None
    pos = [(x if _same_value(x, y) else UNKNOWN, arg) for (x, arg), (y, _) in zip(a.args.pos, b.args.pos)]
    kw = {k: (v if _same_value(v, b.args.kw[k][0]) else UNKNOWN, arg) for k, (v, arg) in a.args.kw.items()}
    return Layer(a.kind, Args(pos, kw, a.args.star or b.args.star), a.node, a.qualname)


def _agrees(a: Value, b: Value) -> bool:
    """Whether two constructions left an attribute the same (the same model counts as the same)."""
    if type(a) is ModelRef and type(b) is ModelRef:
        return a.model is b.model
    return _same_value(a, b)


def _class_const(cls: ClassV, name: str, depth: int = 0) -> Optional[Value]:
    if name in cls.consts:
        return cls.consts[name]
    for base in cls.bases if depth < 8 else ():
        if isinstance(base, ClassV):
            found = _class_const(base, name, depth + 1)
            if found is not None:
                return found
    return None


def _owner_of(cls: ClassV, function: cst.Name, depth: int = 0) -> Optional[ClassV]:
    """The class among `cls` and its bases whose body defines the method named by `function` (the
    name node of the running FunctionDef)."""
    if depth > 16:
        return None
    body = cls.cdef.body.body if type(cls.cdef.body) is cst.IndentedBlock else ()
    if any(type(stmt) is cst.FunctionDef and stmt.name is function for stmt in body):
        return cls
    for base in cls.bases:
        if isinstance(base, ClassV):
            found = _owner_of(base, function, depth + 1)
            if found is not None:
                return found
    return None


def _sequence_targets(inst: Instance, call: Optional[cst.Call]) -> Optional[tuple]:
    """(the targets a `Sequence` trains on, the project module that expression is in, None for this
    file): every `return` of its `__getitem__` gives `self.<attr>[...]` as its second item, and its
    `__init__` sets `self.<attr>` once — to one of its parameters (`self.x, self.y = x, y`): the
    expression `call`, its construction, passes there; to anything else (`self.y =
    scaler.fit_transform(y)`): that expression. None when not so."""
    from regr_lint.facts.compat import statements

    getitem, init = _find_method(inst.cls, "__getitem__"), _find_method(inst.cls, "__init__")
    if call is None or getitem is None or init is None or any(a.star for a in call.args):
        return None
    attrs = set()
    for stmt in statements(getitem.fdef.body):
        if type(stmt) is cst.Return:
            item = stmt.value.elements[1].value if type(stmt.value) is cst.Tuple and len(stmt.value.elements) == 2 \
                else None
            while type(item) is cst.Subscript:
                item = item.value
            if type(item) is not cst.Attribute or type(item.value) is not cst.Name or item.value.value != "self":
                return None
            attrs.add(item.attr.value)
    if len(attrs) != 1:
        return None
    attr = attrs.pop()
    sources = set()
    for stmt in statements(init.fdef.body):
        if type(stmt) not in (cst.Assign, cst.AugAssign, cst.AnnAssign):
            continue
        pairs = []
        for target in ([t.target for t in stmt.targets] if type(stmt) is cst.Assign else [stmt.target]):
            if type(target) is cst.Tuple and type(stmt.value) is cst.Tuple \
                    and len(target.elements) == len(stmt.value.elements):
                pairs += [(t.value, v.value) for t, v in zip(target.elements, stmt.value.elements)]
            else:
                pairs.append((target, stmt.value if type(stmt) is not cst.AugAssign else None))
        for target, value in pairs:
            if type(target) is cst.Attribute and type(target.value) is cst.Name and target.value.value == "self" \
                    and target.attr.value == attr:
                sources.add(value)
    if len(sources) != 1 or None in sources:
        return None
    value = sources.pop()
    params = init.fdef.params
    positional = [p.name.value for p in (*params.posonly_params, *params.params)][1:]
    own = set(positional) | {p.name.value for p in params.kwonly_params}
    if type(value) is not cst.Name or value.value not in own:
        # made in __init__ — of nothing the caller passes (`self.y = scaler.fit_transform(y)` reads a
        # parameter: its names are __init__'s, not the data flow's of the module) — or a local of it
        stack, mentioned = [value], False
        while stack and not mentioned:
            node = stack.pop()
            mentioned = type(node) is cst.Name and node.value in own
            stack.extend(node.children)
        origin = getattr(inst.cls.scope, "origin", None)
        # (in a project module's class, a transform of a parameter, `scaler.fit_transform(y)`, is read
        # there: that module's top level rarely holds a namesake; this file's often does)
        keep = type(value) is not cst.Name and (not mentioned or origin is not None and type(value) is cst.Call)
        return (value, origin) if keep else None
    param = value.value
    for i, arg in enumerate(a for a in call.args if a.keyword is None):
        if i < len(positional) and positional[i] == param:
            return arg.value, None
    found = next((a.value for a in call.args if a.keyword is not None and a.keyword.value == param), None)
    return (found, None) if found is not None else None


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
    if type(value) is Seq and value.items and all(type(v) is Lit for v in value.items):
        return tuple((type(v.value), v.value) for v in value.items)
    return None


def _join_settings(entry: dict, body: dict, after: dict, picked: Optional[bool] = None,
                   loop_if: Optional[cst.If] = None) -> None:
    """After an `if` whose arm is not known (both were read, one after the other): a name holding
    a literal setting on one path and another literal on the other (`LOSS = "binary_crossentropy"`
    in the body, `"mae"` in the `else` or before the `if`) holds either: unknown, not the last one
    written. Names bound to anything else keep the last value (models, layers, data: what the arms
    build is read as before). With `picked` (the arm a module constant chooses), every name holds
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
        mine, theirs = _settled(body_path), _settled(else_path)
        if mine is not None and theirs is not None and mine != theirs:
            after[name] = UNKNOWN


def _same_heads(a: KerasModel, b: KerasModel) -> bool:
    """Both models' outputs end in the same known activations and widths, in order."""
    try:
        ha, hb = a.heads(), b.heads()
    except RecursionError:
        return False
    key = [(h.activation, h.units) for h in ha]
    return bool(key) and key == [(h.activation, h.units) for h in hb] \
        and all(act is not None and units is not None for act, units in key)


def _from_keys(args: Args, call: cst.Call) -> Value:
    """`dict.fromkeys(["heat", "paf"], eucl_loss)`: a per-output loss dict, each key the one value."""
    if args.star or args.kw or not 1 <= len(args.pos) <= 2:
        return UNKNOWN
    keys = args.pos[0][0]
    if not isinstance(keys, Seq) or not all(isinstance(k, Lit) and isinstance(k.value, (str, int)) for k in keys.items):
        return UNKNOWN
    value = args.pos[1][0] if len(args.pos) == 2 else Lit(None)
    return Map({k.value: value for k in keys.items}, call)


def _find_method(cls: ClassV, name: str) -> Optional[Func]:
    if cls.instance is not None:
        found = cls.instance.attrs.get("__method__" + name)
        if isinstance(found, Func):
            return found
    for base in cls.bases:
        if isinstance(base, ClassV):
            found = _find_method(base, name)
            if found is not None:
                return found
    return None


def _tensors(value: Value) -> list:
    if isinstance(value, Tensor):
        return [value]
    if isinstance(value, Seq):
        return [v if isinstance(v, Tensor) else UNKNOWN for v in value.items]
    if isinstance(value, Map):
        return [v if isinstance(v, Tensor) else UNKNOWN for v in value.items.values()]
    return []


def _delegated_model(inst: Instance, meth: str) -> Optional[ModelRef]:
    """The model an instance of a wrapper class hands `meth` to: its class assigns
    `self.<meth> = self.<attr>.<meth>` and the instance holds a model in `<attr>`."""
    stack = [inst.cls.cdef.body]
    while stack:
        node = stack.pop()
        if type(node) is cst.Assign and len(node.targets) == 1:
            target, value = node.targets[0].target, node.value
            if type(target) is cst.Attribute and target.attr.value == meth and type(target.value) is cst.Name \
                    and type(value) is cst.Attribute and value.attr.value == meth \
                    and type(value.value) is cst.Attribute and type(value.value.value) is cst.Name \
                    and value.value.value.value == target.value.value:
                held = inst.attrs.get(value.value.attr.value)
                return held if type(held) is ModelRef else None
        elif not isinstance(node, cst.BaseExpression):
            stack.extend(node.children)
    return None


def _merge_returns(returns: list) -> Value:
    values = [r for r in returns if not (isinstance(r, Lit) and r.value is None)]
    if not values:
        return Lit(None) if returns else UNKNOWN
    first = values[0]
    if all(v is first for v in values):
        return first
    if all(isinstance(v, ModelRef) for v in values) and len({id(v.model) for v in values}) == 1:
        return first
    if len(values) == 1:
        return first
    known = [v for v in values if v is not UNKNOWN]
    if len(values) <= MAX_ALTERNATIVES and known and (all(type(v) is Instance for v in known) or all(
            type(v) is ModelRef for v in known)):
        # a dispatch returning one of several objects of the project, or one of several models (some
        # maybe not known: what a method does on the known ones happens in the runs that pick them)
        options = tuple({id(getattr(v, "model", v)): v for v in known}.values())
        return OneOf(options + ((UNKNOWN,) if len(known) < len(values) else ()))
    return UNKNOWN


# How many objects a dispatch may return for a method called on what it returns to run on each (a
# benchmark script's `create_classifier(name)` picks one of ten).
MAX_ALTERNATIVES = 12


def _unit_range(args: Args, pos: Optional[int] = 0) -> bool:
    """MinMaxScaler() / minmax_scale(): the default feature_range is (0, 1)."""
    value, arg = args.get("feature_range", pos)
    if arg is None:
        return not args.star
    if isinstance(value, Seq) and len(value.items) == 2 and all(isinstance(v, Lit) for v in value.items):
        return [v.value for v in value.items] == [0, 1]
    return False


def _scales_into_unit(scaler: Obj) -> bool:
    """A scaler whose output lies in [0, 1]: MinMaxScaler with its default range, QuantileTransformer
    with its default uniform output."""
    return scaler.qualname == MINMAX and _unit_range(scaler.args) \
        or scaler.qualname == QUANTILE and _uniform_output(scaler.args)


def _uniform_output(args: Args) -> bool:
    """QuantileTransformer(): `output_distribution="uniform"` (the default) maps into [0, 1]."""
    value, arg = args.get("output_distribution")
    if arg is None:
        return not args.star
    return isinstance(value, Lit) and value.value == "uniform"


def _output_range(qualname: str, args: Args, pos: Optional[int] = 0):
    """Where a scaler puts the values: (lo, hi) of a min-max scaling with a literal range, "standard"
    for a standardisation (mean 0, std 1: values leave [-1, 1]), None when not known."""
    if qualname.endswith(("StandardScaler", ".scale", "zscore")):
        value, arg = args.get("with_std")
        if args.star or arg is not None and not (isinstance(value, Lit) and value.value is True):
            return None
        return "standard"
    value, arg = args.get("feature_range", pos)
    if arg is None:
        return None if args.star else (0, 1)
    if isinstance(value, Seq) and len(value.items) == 2 and all(
            isinstance(v, Lit) and isinstance(v.value, (int, float)) and not isinstance(v.value, bool)
            for v in value.items):
        return (value.items[0].value, value.items[1].value)
    return None


def _rebindable(node: cst.BaseExpression) -> bool:
    return type(node) in (cst.Name, cst.Attribute)
