"""The interpreter's calls: Keras constructors and methods, builtins, the file's and the project's
functions run with their call's arguments (`invoke`), classes constructed, data helpers whose
results carry target evidence. A mixin of the Interpreter, whose state `Interpreter.__init__` sets."""
from __future__ import annotations

from typing import Optional

from regr_lint.lazy import cst

from regr_lint.knowledge import tables
from regr_lint.model.frame import Frame, find_method, merge_returns, same_value, tensors_in
from regr_lint.model.model import Compile, KerasCall, KerasModel
from regr_lint.model.names import canonical, dotted_name, is_layer_path, method_kind
from regr_lint.model.trainers import stored_parameters, trains_on
from regr_lint.model.values import (
    UNKNOWN, ActivationFn, Args, ClassV, DataPair, Div, Func, Instance, Lambda, Layer, Lit, Map, Method, ModelRef,
    OneOf, ModuleV, Obj, Ref, Scope, Seq, Tensor, Value, is_builder, joined_star, keras_init,
)


MAX_DEPTH = 4  # nested inlined calls of the file's own functions
# (`Dataset.zip((xs, ys))` pairs two datasets element by element: an (x, y) source alike)
DATASET_CTORS = frozenset({"tensorflow.data.Dataset.from_tensor_slices", "tensorflow.data.Dataset.from_tensors",
                           "tensorflow.data.Dataset.zip"})
TIMESERIES_CTORS = frozenset({"keras.utils.timeseries_dataset_from_array",
                              "keras.preprocessing.timeseries_dataset_from_array"})
DATASET_KEEP = frozenset({"shuffle", "batch", "repeat", "prefetch", "cache", "take", "skip", "unbatch",
                          "padded_batch", "with_options", "shard", "apply", "rebatch", "filter"})
STRATIFIED_SPLITS = frozenset({"StratifiedKFold", "StratifiedShuffleSplit", "RepeatedStratifiedKFold",
                               "StratifiedGroupKFold"})
MINMAX = "sklearn.preprocessing.MinMaxScaler"
QUANTILE = "sklearn.preprocessing.QuantileTransformer"  # its default output: uniform over [0, 1]
# keras.layers' functional merges and the layer each makes
MERGE_FUNCTIONS = {"concatenate": "Concatenate", "add": "Add", "subtract": "Subtract", "multiply": "Multiply",
                   "average": "Average", "maximum": "Maximum", "minimum": "Minimum"}
# talos' hyperparameter scan (`Scan(x, y, params, model)`): see Calls._talos_scan
_TALOS_SCANS = frozenset({"talos.Scan", "talos.scan.Scan.Scan"})
# keras-tuner's tuners: `search(...)` takes `fit`'s arguments (see Interpreter._tuner_search)
TUNERS = frozenset({"RandomSearch", "Hyperband", "BayesianOptimization", "GridSearch"})
TUNER_ROOTS = frozenset({"keras_tuner", "kerastuner"})
STANDARD = "sklearn.preprocessing.StandardScaler"


# what these return is whatever object was saved (a fitted scaler, a normaliser of the project)
_UNPICKLERS = frozenset({"pickle.load", "pickle.loads", "joblib.load", "dill.load", "cloudpickle.load"})


def _param_names(params: cst.Parameters) -> frozenset:
    return frozenset(p.name.value for p in (*params.posonly_params, *params.params, *params.kwonly_params))


def _rejects(fdef: cst.FunctionDef, args: Args, bound: bool) -> bool:
    """Whether Python refuses the call before running `fdef`: a keyword no parameter takes and no
    `**kwargs` (a subclass's override without the base's `fine_tune=` its caller passes), or more
    positional arguments than it has parameters and no `*args`. A decorated function's signature is
    its decorator's: never refused."""
    params = fdef.params
    if fdef.decorators or args.star or type(params.star_kwarg) is cst.Param:
        return False
    named = {p.name.value for p in (*params.params, *params.kwonly_params)}
    if any(k not in named for k in args.kw):
        return True
    positional = len(params.posonly_params) + len(params.params) - bound
    return type(params.star_arg) is not cst.Param and len(args.pos) > positional


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


def _map_function(fn: Value) -> Optional[tuple]:
    """(its parameters, their positional names, what each of its returns gives) of the function given
    to a dataset's `.map()` (a lambda's body is its one return); None for anything else. Read once
    per `.map()` by the questions below."""
    if type(fn) is Lambda:
        params, returned = fn.node.params, [fn.node.body]
    elif type(fn) is Func:
        params, returned = fn.fdef.params, _returned_values(fn)
    else:
        return None
    return params, [p.name.value for p in (*params.posonly_params, *params.params)], returned


def _picked_parts(read: Optional[tuple], n: int) -> Optional[tuple[int, int]]:
    """(i, j) when the function given to the `.map()` of a dataset of `n` items (n > 2) takes them
    as n parameters and returns two of them as they are (`lambda i, f, b: (f, b)`, or a function's
    one `return f, b`); else None. `read`: what `_map_function` read of it."""
    if n < 3 or read is None:
        return None
    params, names, returned = read
    if params.star_arg not in (None, cst.MaybeSentinel.DEFAULT) or params.kwonly_params or params.star_kwarg:
        return None
    body = returned[0] if len(returned) == 1 else None
    if len(names) != n or type(body) is not cst.Tuple or len(body.elements) != 2 \
            or not all(type(e) is cst.Element and type(e.value) is cst.Name and e.value.value in names
                       for e in body.elements):
        return None
    return names.index(body.elements[0].value.value), names.index(body.elements[1].value.value)


def _given_items(node, names: list, nodes: list, depth: int = 0):
    """`node`, a target a `.map()` function returns, with each of its parameters (`names`) that it
    reads replaced by the dataset item it stands for (`nodes`, in order; None: left as it is),
    through arithmetic, calls' arguments, subscripts and displays only — what the value is made of,
    not new code."""
    if depth > 12:
        return node
    kind = type(node)
    if kind is cst.Name:
        if node.value in names:
            item = nodes[names.index(node.value)] if names.index(node.value) < len(nodes) else None
            return item if item is not None else node
        return node
    again = lambda n: _given_items(n, names, nodes, depth + 1)  # noqa: E731
    if kind is cst.BinaryOperation:
        return node.with_changes(left=again(node.left), right=again(node.right))
    if kind is cst.UnaryOperation:
        return node.with_changes(expression=again(node.expression))
    if kind is cst.Call:
        return node.with_changes(args=[a.with_changes(value=again(a.value)) for a in node.args])
    if kind is cst.Subscript:
        return node.with_changes(value=again(node.value))
    if kind is cst.Attribute:
        return node.with_changes(value=again(node.value))
    if kind is cst.Dict:
        return node.with_changes(elements=[e.with_changes(value=again(e.value)) if type(e) is cst.DictElement else e
                                           for e in node.elements])
    if kind in (cst.Tuple, cst.List):
        return node.with_changes(elements=[e.with_changes(value=again(e.value)) for e in node.elements])
    return node


def _returned_values(fn: Func) -> list:
    """What each `return` of a function's own body gives (never inside an expression)."""
    returned = []
    stack = list(fn.fdef.body.body) if type(fn.fdef.body) is cst.IndentedBlock else [fn.fdef.body]
    while stack:
        node = stack.pop()
        if type(node) is cst.Return:
            returned.append(node.value)
        elif not isinstance(node, (cst.FunctionDef, cst.ClassDef, cst.BaseExpression)):
            stack.extend(node.children)  # statements only: a return is never inside an expression
    return returned


def _mapped_targets(read: Optional[tuple], records: bool = False, count: int = 2) -> tuple:
    """The expressions the function given to a dataset's `.map()` returns as targets (the second item
    of every `return x, y` of its body, or of a lambda's tuple), when at least one of them is not the
    target it was given (its second parameter, maybe cast or reshaped): () when they all are, or the
    function or any of its returns is not of that shape (then what it trains on stays what the
    dataset was made of). `records`: the dataset's elements are single records (dicts of columns),
    the function takes one and makes the (x, y) pair of it (`return feats, row["price"] / MAX`).
    `count`: the items of each element (three or more: `(feats, price, seg)`, the function takes them
    all and makes the targets of them, `return x, {"price": price / MAX, "seg": seg}`). `read`: what
    `_map_function` read of the function."""
    if read is None:
        return ()
    _, names, returned = read
    if len(names) != (1 if records else count) or not returned:
        return ()
    targets = []
    for value in returned:
        if type(value) is not cst.Tuple or len(value.elements) != 2 \
                or type(value.elements[1]) is not cst.Element:
            return ()
        targets.append(value.elements[1].value)
    if records:
        return tuple(targets)
    if count > 2:
        # a parameter returned as it is was picked (see _picked_parts), not made here
        return () if any(type(t) is cst.Name and t.value in names for t in targets) else tuple(targets)
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


def _sequential_class(cls: ClassV, depth: int = 0) -> bool:
    """The class derives from Keras' `Sequential` (through classes of the project too) and neither it
    nor a project base between them defines `call`."""
    if depth > 8 or any(type(s) is cst.FunctionDef and s.name.value == "call" for s in cls.cdef.body.body):
        return False
    return any(isinstance(b, Ref) and b.is_keras and b.qualname.rpartition(".")[2] == "Sequential"
               or isinstance(b, ClassV) and _sequential_class(b, depth + 1) for b in cls.bases)


def _forwarding_init(cls: ClassV) -> Optional[tuple[Ref, frozenset]]:
    """(its Keras base, the parameters its `__init__` names) for a subclass (a layer, an optimizer) whose `__init__`
    takes `**kwargs` and hands them, untouched, to the Keras base's (`super().__init__(**kwargs)`,
    also `super(Cls, self).__init__(...)`, at the top of its body): the keywords a construction passes
    that `__init__` does not name reach Keras. None otherwise."""
    init = next((s for s in cls.cdef.body.body if type(s) is cst.FunctionDef and s.name.value == "__init__"), None)
    bases = [b for b in cls.bases if isinstance(b, Ref) and b.is_keras]
    if init is None or len(bases) != 1 or len(cls.bases) != 1 or type(init.params.star_kwarg) is not cst.Param:
        return None
    kwargs = init.params.star_kwarg.name.value
    # `kwargs` read only where it is handed on: a dict it pops from, filters (`dense_kw, kwargs =
    # split(kwargs)`) or updates first reaches Keras changed
    uses, stack = 0, [init.body]
    while stack:
        node = stack.pop()
        uses += type(node) is cst.Name and node.value == kwargs
        stack.extend(node.children)
    if uses != 1:
        return None
    for stmt in init.body.body if type(init.body) is cst.IndentedBlock else ():
        if type(stmt) is not cst.SimpleStatementLine:
            continue
        for small in stmt.body:
            call = small.value if type(small) is cst.Expr else None
            if type(call) is not cst.Call or type(call.func) is not cst.Attribute or call.func.attr.value != "__init__" \
                    or type(call.func.value) is not cst.Call or type(call.func.value.func) is not cst.Name \
                    or call.func.value.func.value != "super":
                continue
            if any(a.star == "**" and type(a.value) is cst.Name and a.value.value == kwargs for a in call.args):
                params = init.params
                named = {p.name.value for p in (*params.posonly_params, *params.params, *params.kwonly_params)}
                return bases[0], frozenset(named)
    return None


# scikit-learn's functions that fit an estimator on (X, y) they are given, and its searches
_CROSS_VALIDATIONS = frozenset(f"sklearn.model_selection.{f}" for f in (
    "cross_val_score", "cross_val_predict", "cross_validate", "learning_curve", "validation_curve",
    "permutation_test_score"))
_SEARCHES = frozenset({"GridSearchCV", "RandomizedSearchCV", "HalvingGridSearchCV", "HalvingRandomSearchCV"})


def _final_estimator(value: Value) -> Value:
    """The estimator a scikit-learn pipeline ends in (`make_pipeline(StandardScaler(), net)`,
    `Pipeline([("scale", ...), ("net", net)])`), or `value` itself."""
    if isinstance(value, Obj) and value.qualname in ("sklearn.pipeline.make_pipeline", "sklearn.pipeline.Pipeline"):
        if value.qualname.endswith("make_pipeline"):
            return value.args.pos[-1][0] if value.args.pos and not value.args.star else UNKNOWN
        steps = value.args.get("steps", 0)[0]
        last = steps.items[-1] if isinstance(steps, Seq) and steps.items else None
        return last.items[1] if isinstance(last, Seq) and len(last.items) == 2 else UNKNOWN
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
    pos = [(x if same_value(x, y) else UNKNOWN, arg) for (x, arg), (y, _) in zip(a.args.pos, b.args.pos)]
    kw = {k: (v if same_value(v, b.args.kw[k][0]) else UNKNOWN, arg) for k, (v, arg) in a.args.kw.items()}
    return Layer(a.kind, Args(pos, kw, **joined_star(a.args, b.args)), a.node, a.qualname)


def _agrees(a: Value, b: Value) -> bool:
    """Whether two constructions left an attribute the same (the same model counts as the same)."""
    if type(a) is ModelRef and type(b) is ModelRef:
        return a.model is b.model
    return same_value(a, b)


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


def _from_keys(args: Args, call: cst.Call) -> Value:
    """`dict.fromkeys(["heat", "paf"], eucl_loss)`: a per-output loss dict, each key the one value."""
    if args.star or args.kw or not 1 <= len(args.pos) <= 2:
        return UNKNOWN
    keys = args.pos[0][0]
    value = args.pos[1][0] if len(args.pos) == 2 else Lit(None)
    if not isinstance(keys, Seq) or not all(isinstance(k, Lit) and isinstance(k.value, (str, int)) for k in keys.items):
        # keys made at run time (`["{}_s{}".format(k, s) for s in ...]`): every one of them holds the value
        return Map({}, call, any=value) if value is not UNKNOWN else UNKNOWN
    return Map({k.value: value for k in keys.items}, call)


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


def _pandas_transform(args: Args) -> bool:
    """`s.transform(lambda v: …)`, `.transform("mean")`, `.transform(np.log)`: pandas' transform,
    given the function to apply — not a fitted scaler's, given the data."""
    first = args.pos[0][0] if args.pos else None
    return isinstance(first, (Lambda, Func)) or isinstance(first, Lit) and isinstance(first.value, str) \
        or isinstance(first, Ref) and first.qualname.split(".")[0] == "numpy"


# scaling functions whose output range `output_range` reads from their arguments
_RANGE_FUNCTIONS = frozenset({"sklearn.preprocessing.minmax_scale", "sklearn.preprocessing.scale", "scipy.stats.zscore"})


def output_range(qualname: str, args: Args, pos: Optional[int] = 0):
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


def _held_item(node: cst.BaseExpression) -> bool:
    """`self.members[i]`, `models[k]`: one item (not a slice) of what a name or an attribute holds."""
    return type(node) is cst.Subscript and _rebindable(node.value) and len(node.slice) == 1 \
        and type(node.slice[0].slice) is cst.Index


class Calls:

    # ---------------------------------------------------------------- calls
    def eval_call(self, call: cst.Call, scope: Scope, frame: Frame) -> Value:
        func = call.func
        if type(func) is cst.Attribute:
            inherited = self._super_method(func, scope, frame)
            if inherited is not None:  # `super().__init__(**kw)`: the base class's method, on this instance
                return self.invoke(inherited[0], self.eval_args(call, scope, frame), call, inherited[1])
            keras_base = self._keras_super_init(func, scope, frame)
            if keras_base is not None:
                # `super().__init__(log_dir, write_grads=True)` in a subclass of Keras' TensorBoard:
                # Keras' own constructor takes those arguments (and rejects what Keras 3 removed)
                args = self.eval_args(call, scope, frame)
                if id(call) not in self.keras_call_ids:
                    self.keras_call_ids.add(id(call))
                    self.facts.keras_calls.append(KerasCall(keras_base.qualname, call, args, keras_base.raw,
                                                            self.running[-1] if self.running else None))
                return Lit(None)
            removed = self._keras_super_removed(func, scope, frame)
            if removed is not None:
                # `super().fit_generator(gen)` in a model subclass's own `fit_generator`: Keras' method,
                # which Keras 3 removed — the override does not keep it alive
                return self.model_method(self._self_model(removed), func.attr.value,
                                         self.eval_args(call, scope, frame), call)
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

    def _super_owner(self, func: cst.Attribute, scope: Scope, frame: Frame) -> Optional[tuple]:
        """(the class whose method runs, the instance) for `super().<method>` / `super(Cls,
        self).<method>` inside a method running for an instance of a class of the project; None
        otherwise."""
        sup = func.value
        if type(sup) is not cst.Call or type(sup.func) is not cst.Name or sup.func.value != "super" \
                or frame.function is None or scope.lookup("super") is not None:
            return None
        inst = scope.lookup(sup.args[1].value.value) if len(sup.args) == 2 and type(sup.args[1].value) is cst.Name \
            else scope.lookup("self")
        if type(inst) is not Instance:
            return None
        owner = _owner_of(inst.cls, frame.function)
        return (owner, inst) if owner is not None else None

    def _keras_super_init(self, func: cst.Attribute, scope: Scope, frame: Frame) -> Optional[Ref]:
        """The Keras class whose `__init__` a `super().__init__(...)` runs: the one base, a Keras
        class, of the class whose method makes the call. None otherwise."""
        found = self._super_owner(func, scope, frame) if func.attr.value == "__init__" else None
        bases = found[0].bases if found is not None else ()
        return bases[0] if len(bases) == 1 and isinstance(bases[0], Ref) and bases[0].is_keras else None

    def _keras_super_removed(self, func: cst.Attribute, scope: Scope, frame: Frame) -> Optional[Instance]:
        """The instance, when `super().<method>` names a model method Keras 3 removed
        (`fit_generator`, `predict_classes`) inside a method of a Keras model subclass: asked after
        `_super_method` found no project base defining it, so the call reaches Keras' own. None
        otherwise."""
        if func.attr.value not in tables.GENERATOR_METHODS | tables.REMOVED_MODEL_METHODS:
            return None
        found = self._super_owner(func, scope, frame)
        return found[1] if found is not None and found[1].cls.is_model else None

    def _super_method(self, func: cst.Attribute, scope: Scope, frame: Frame) -> Optional[tuple]:
        """(the method, the instance) `super().<method>` / `super(Cls, self).<method>` names inside a
        method running for an instance of a class of the project: the first definition of it in the
        bases of the class whose method runs. None otherwise (a Keras base's own method: unknown)."""
        found = self._super_owner(func, scope, frame)
        if found is None:
            return None
        owner, inst = found
        for base in owner.bases:
            if isinstance(base, ClassV):
                found = find_method(base, func.attr.value)
                if found is not None:
                    return found, inst
        return None

    @staticmethod
    def call_builtin(name: str, args: Args, call: cst.Call) -> Optional[Value]:
        if name == "dict" and not args.pos and not args.star:
            return Map({k: v for k, (v, _) in args.kw.items()}, call)
        if name == "dict" and len(args.pos) == 1 and not args.star and type(args.pos[0][0]) is Map \
                and args.pos[0][0].any is None:
            # `dict(compile_kwargs or {})`, `dict(base, lr=1e-3)`: a copy, with the keywords over it
            return Map({**args.pos[0][0].items, **{k: v for k, (v, _) in args.kw.items()}}, call)
        if name == "len" and len(args.pos) == 1 and not args.kw and not args.star and type(args.pos[0][0]) is Seq:
            # `N_OUT = len(TARGET_COLS)` of a list written out: its length (a list appended to in a
            # loop the interpreter read once holds one item standing for many: not counted)
            src = args.pos[0][0]
            if isinstance(src.node, (cst.List, cst.Tuple)) and len(src.items) == len(src.node.elements) \
                    and not any(isinstance(e, cst.StarredElement) for e in src.node.elements):
                return Lit(len(src.items), call)
        if name in ("list", "tuple") and len(args.pos) == 1 and isinstance(args.pos[0][0], Seq):
            src = args.pos[0][0]
            return Seq(list(src.items), call, list(src.elts))
        if name in ("enumerate", "zip"):
            return _model_rows(name, args, call)
        if name in ("max", "min") and len(args.pos) >= 2 and not args.star and not args.kw:
            # `max(1, len(x) / bs)`: a true division bounded by an int is still that float (the
            # bound is what it is only when the quotient falls short of it)
            divs = [v for v, _ in args.pos if type(v) is Div]
            if len(divs) == 1 and all(type(v) is Div or type(v) is Lit and type(v.value) is int for v, _ in args.pos):
                return divs[0]
        return None

    def call_method(self, recv: Value, meth: str, args: Args, call: cst.Call, recv_node, scope, frame) -> Value:
        if meth in ("transform", "fit_transform") and not _pandas_transform(args) and (
                recv is UNKNOWN or isinstance(recv, Instance) and not recv.cls.is_model
                or isinstance(recv, Obj) and recv.qualname in _UNPICKLERS
                or isinstance(recv, (Ref, Obj)) and not recv.is_keras
                and recv.qualname.split(".")[0] not in tables.NON_KERAS_ROOTS):
            # a normaliser of the project's own (also one imported from a module not read here,
            # `from utils import TARGET_SCALER`), or one unpickled: what it does to the range is not
            # known (see KerasFacts.opaque_transforms)
            self.facts.opaque_transforms.add(id(call))
        if meth == "pipe" and args.pos and isinstance(args.pos[0][0], Ref) and args.pos[0][0].qualname in _RANGE_FUNCTIONS:
            # `df["y"].pipe(zscore)`: the function applied to the series (pipe's other arguments its own)
            self._range_call(args.pos[0][0].qualname, args, call)
        if type(recv) is OneOf:
            # `classifier = create_classifier(name, ...)`, then `classifier.fit(x, y)`: the method of
            # whichever object the dispatch returned, each run on these arguments
            return merge_returns([self.call_method(option, meth, args, call, recv_node, scope, frame)
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
            method = find_method(recv, meth)
            if method is not None:
                classmethod = method_kind(method.fdef) == "classmethod"
                return self.invoke(method, args, call, recv.instance if classmethod else None)
            return self._tensor_passthrough(args, call)
        if isinstance(recv, ClassV) and recv.is_model:
            # a model subclass's own factory (`Net.create(32)`, `Net.from_config(cfg)`), or Keras'
            # `Model.from_config`, which builds a subclass as `cls(**config)`
            method = find_method(recv, meth)
            kind = method_kind(method.fdef) if method is not None else None
            if kind is not None:
                return self.invoke(method, args, call, recv.instance if kind == "classmethod" else None)
            if meth == "from_config" and method is None and len(args.pos) + len(args.kw) == 1 and not args.star:
                config = args.get("config", 0)[0]
                unpacked = Args(kw={k: (v, None) for k, v in config.items.items() if isinstance(k, str)}) \
                    if isinstance(config, Map) and config.any is None else Args(star=True)
                return self.call_value(recv, unpacked, call, scope, frame)
        if isinstance(recv, DataPair):
            if meth in DATASET_KEEP:
                return recv
            if meth == "map":
                fn = args.get("map_func", 0)[0]
                read = _map_function(fn)
                picked = _picked_parts(read, len(recv.parts))
                if picked is not None:
                    # `ds.map(lambda i, f, b: (f, b))`: two of the dataset's items, as they were made
                    (x, x_node), (y, y_node) = recv.parts[picked[0]], recv.parts[picked[1]]
                    return DataPair(x, y, x_node, y_node, recv.kind, call, origin=recv.origin, made_by=recv.made_by)
                targets = _mapped_targets(read, records=recv.kind == "records", count=max(2, len(recv.parts)))
                if targets:
                    home = fn.scope.origin if type(fn) is Func else None
                    if home == recv.origin and recv.kind != "records":
                        # the dataset's own items where the function hands them on (`{"ret": r}`,
                        # `(t - mu) / sd` of the parameter `t`): read as what the dataset was made of
                        nodes = [n for _, n in recv.parts] if recv.parts else [recv.x_node, recv.y_node]
                        targets = tuple(_given_items(t, read[1], nodes) for t in targets)
                    kind = "dataset" if recv.kind == "records" else recv.kind
                    return DataPair(recv.x, UNKNOWN, recv.x_node, None, kind, call, targets, recv.origin,
                                    targets_origin=home if home != recv.origin else None, made_by=recv.made_by)
                if recv.kind == "records":
                    return UNKNOWN  # what the records become is not known
                return DataPair(recv.x, recv.y, recv.x_node, recv.y_node, recv.kind, call, recv.targets, recv.origin,
                                targets_origin=recv.targets_origin, made_by=recv.made_by)
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
            if meth == "fit":
                self._wrapper_fit(recv, args.get("y", 1)[1])
            if meth == "search" and recv.last in TUNERS and recv.qualname.split(".")[0] in TUNER_ROOTS:
                return self._tuner_search(recv, args, call)
            # a pipeline outputs what its last step does (`make_pipeline(SimpleImputer(), StandardScaler())`)
            scaler = _final_estimator(recv)
            if isinstance(scaler, Obj) and meth in ("fit_transform", "transform") and _scales_into_unit(scaler):
                self.facts.scaling_calls.add(id(call))
            if isinstance(scaler, Obj) and meth in ("fit_transform", "transform") and scaler.qualname in (MINMAX, STANDARD):
                self.facts.range_calls[id(call)] = output_range(scaler.qualname, scaler.args)
            if meth == "split" and recv.last in STRATIFIED_SPLITS:
                self._stratified(args.get("y", 1)[1])
            if meth == "fit" and isinstance(scaler, Obj) and (scaler.qualname == STANDARD or _scales_into_unit(scaler)):
                return recv  # StandardScaler().fit(y).transform(y), MinMaxScaler's, a pipeline's
            if meth in tables.MODEL_METHODS and self.facts.has_keras and not recv.is_keras \
                    and recv.qualname.split(".")[0] not in tables.NON_KERAS_ROOTS and _rebindable(recv_node):
                model = ModelRef(self.model_for(recv_node, "opaque"), recv_node)
                self.bind(recv_node, model, scope, frame)
                return self.model_method(model.model, meth, args, call)
            return self._tensor_passthrough(args, call)
        if isinstance(recv, Map) and meth == "setdefault" and len(args.pos) == 2 and not args.kw and not args.star \
                and isinstance(args.pos[0][0], Lit) and recv.any is None:
            # `compile_kwargs.setdefault("metrics", ["accuracy"])`: the value under the key from now on
            key = args.pos[0][0].value
            if self.dead:
                return recv.items.get(key, args.pos[1][0])
            return recv.items.setdefault(key, args.pos[1][0])
        if isinstance(recv, Map) and meth in ("get", "pop") and args.pos and not args.star \
                and isinstance(args.pos[0][0], Lit) and not args.kw:
            return self._map_get(recv, "get" if self.dead else meth, args)
        if isinstance(recv, Map) and meth in ("items", "values") and not args.pos and not args.kw and not args.star:
            entries = _map_entries(recv, meth)
            if entries is not None:
                return Seq(entries, call, [None] * len(entries))
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
                and self.facts.has_keras and (_rebindable(recv_node) or _held_item(recv_node)):
            # A parameter, a `self.model` set elsewhere, a model from another module, one of a list
            # of them (`self.members[i]`): judged by the calls made on it.
            model = ModelRef(self.model_for(recv_node, "opaque"), recv_node)
            if _rebindable(recv_node):
                self.bind(recv_node, model, scope, frame)
            return self.model_method(model.model, meth, args, call)
        return self._tensor_passthrough(args, call)

    def _talos_scan(self, args: Args, call: cst.Call) -> Value:
        """`talos.Scan(x, y, params=p, model=fn)`: talos runs `fn(x, y, x_val, y_val, params)` once per
        draw of `p`, a dict of lists of choices. Run here once with `x` and `y` and each setting one of
        its choices — known when it has one, a Keras optimizer class when all its choices are (what
        the optimizer rules read does not depend on which), else unknown."""
        model_fn, space = args.get("model", 3)[0], args.get("params", 2)[0]
        if not isinstance(model_fn, Func) or not isinstance(space, Map) or space.any is not None:
            return UNKNOWN
        drawn = {}
        for key, choices in space.items.items():
            options = choices.items if type(choices) is Seq else [choices]
            alike = len(options) == 1 or options and all(type(o) is Ref and o.is_optimizer_class for o in options)
            drawn[key] = options[0] if alike else UNKNOWN
        given = [args.get("x", 0), args.get("y", 1), args.get("x_val"), args.get("y_val")]
        self.invoke(model_fn, Args(pos=[*given, (Map(drawn, space.node), None)]), call, None)
        return UNKNOWN

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
        return self._class_model(inst.cls)

    def _class_model(self, cls: ClassV) -> KerasModel:
        """The model a class of Keras models makes: a subclass's — or a `Sequential`'s, when the class
        derives from `Sequential` and defines no `call` (`class Autopilot(Sequential)` adding its
        layers to itself in `__init__`: its layers are what `self.add` gives, in order)."""
        model = self.model_for(cls.cdef, "subclass", cls=cls)
        if model.kind == "subclass" and _sequential_class(cls):
            model.kind = "sequential"
        return model

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
        if type(callee) is OneOf and all(is_builder(o) for o in callee.options):
            # `REGISTRY[args.model](12)`: each builder the choice may pick, run on these arguments
            return merge_returns([self.call_value(o, args, call, scope, frame) for o in callee.options])
        if type(callee) is Method:  # `fit_fn = self.model.fit`, then `fit_fn(ds, workers=4)`
            return self.model_method(callee.model.model, callee.name, args, call)
        if type(callee) is Lambda and callee.scope is not None:
            return self._call_lambda(callee, args, call)
        if type(callee) is Obj and callee.qualname == "functools.partial" and callee.args.pos \
                and (isinstance(callee.args.pos[0][0], Func) or type(callee.args.pos[0][0]) is Ref
                     and (callee.args.pos[0][0].is_keras or callee.args.pos[0][0].qualname in _RANGE_FUNCTIONS)):
            # `make = partial(build, head_act="sigmoid")`, then `make()`: the function runs with the
            # arguments bound first and the call's after them; `Head = partial(Dense, activation=
            # "sigmoid")`, then `Head(1)`: that layer
            bound = callee.args
            merged = Args(pos=bound.pos[1:] + args.pos, kw={**bound.kw, **args.kw}, **joined_star(bound, args))
            if type(bound.pos[0][0]) is Ref:
                return self.call_ref(bound.pos[0][0], merged, call)
            return self.invoke(bound.pos[0][0], merged, call, None)
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
                return ModelRef(self._class_model(callee), call)
            if callee.is_layer:
                self._keras_base_call(callee, args, call, "")
                return self.new_layer("custom", args, call, callee.cdef.name.value)
            self._keras_base_call(callee, args, call, ("keras.optimizers.", "keras.callbacks."))
            if callee.instance is None:
                return UNKNOWN
            inst = self._adopt(callee.instance)
            self._construct(inst, args, call)
            return inst
        return self._tensor_passthrough(args, call)

    def _keras_base_call(self, cls: ClassV, args: Args, call: cst.Call, prefix) -> None:
        """`MyDense(1, init="uniform")` / `ClippedAdam(lr=1e-3)` / `SaveEvery(filepath=p, period=5)` of
        a project subclass (of a Keras class under `prefix`, a string or a tuple of them) with no
        `__init__` of its own, or one whose `__init__(self, ...,
        **kwargs)` hands what it does not name to its Keras base's (`super().__init__(**kwargs)`):
        Keras' class takes those arguments, and rejects what Keras 3 removed — a call of it."""
        base, own = keras_init(cls), frozenset()
        if base is None:
            base, own = _forwarding_init(cls) or (None, frozenset())
        if base is None or not base.qualname.startswith(prefix) or id(call) in self.keras_call_ids:
            return
        self.keras_call_ids.add(id(call))
        self.facts.keras_calls.append(KerasCall(base.qualname, call, args, base.raw,
                                                self.running[-1] if self.running else None, own))

    def _range_call(self, qualname: str, args: Args, call: cst.Call) -> None:
        """`minmax_scale(y)` / `zscore(y)` (the data first, the function's own arguments after): where
        the call puts the values, and whether that is [0, 1]."""
        span = self.facts.range_calls[id(call)] = output_range(qualname, args, pos=1)
        if isinstance(span, tuple) and 0 <= min(span) and max(span) <= 1:
            self.facts.scaling_calls.add(id(call))

    def _call_lambda(self, fn: Lambda, args: Args, call: cst.Call) -> Value:
        """`steps_of(50000)` with `steps_of = lambda n: n / BATCH`: its body, its parameters bound to
        the call's arguments (positional, or by name), in the scope it closes over."""
        params = fn.node.params
        if args.star or isinstance(params.star_arg, cst.Param) \
                or params.star_kwarg is not None or params.posonly_params \
                or self.depth >= MAX_DEPTH or self.budget <= 0:
            return self._tensor_passthrough(args, call)
        self.budget -= 1
        inner = Scope(fn.scope)
        plain = list(params.params)
        for k, param in enumerate(plain + list(params.kwonly_params)):
            name = param.name.value
            given = args.pos[k][0] if k < len(plain) and k < len(args.pos) else args.kw.get(name, (None,))[0]
            inner.vars[name] = given if given is not None else UNKNOWN
        self.depth += 1
        try:
            return self.eval(fn.node.body, inner, Frame())
        finally:
            self.depth -= 1

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
                post = inst.attrs.get("__method____post_init__")
                if isinstance(post, Func):
                    # the generated __init__ ends in it: `self.steps = self.n / self.batch_size`
                    # read with this construction's fields
                    self.invoke(post, Args(), call, inst)
                    self._settle(inst, merged=frozenset(fields))
            return
        # A construction inside a function running on its own (`CriticNet(n, optimizer=self.optimizer)`
        # in an `__init__` read where its class is defined, its parameters unknown) does not stand
        # for the ones the function's calls make with their arguments (`Trader(optimizer=Adam)`):
        # those run too, and what it set is not merged into what they set.
        key = ("standalone", id(call)) if self.standalone else id(call)
        if key in self.constructions:
            return  # this construction again (its function called once more): what it sets is known
        self.constructions.add(key)  # the call is a node of a kept tree: its id stays its own
        self.invoke(init, args, call, inst)
        if not self.standalone:
            self._settle(inst)
            self._run_trainers(inst, init, args, call)

    def _run_trainers(self, inst: Instance, init: Func, args: Args, call: cst.Call) -> None:
        """`SiteClient(build_net(n), feats, target)` here, of another module's (non-Keras) class whose
        method runs `self.net.fit(self.feats, self.target)` on what its `__init__` stored from its
        parameters untouched — a Flower client's `fit`, which the framework calls, not this file:
        that method runs now, and the model is trained on this file's `feats` and `target`, a
        training at the construction (Building._lift_training)."""
        cls = inst.cls
        if getattr(cls.scope, "origin", None) is None or cls.is_model or cls.is_layer \
                or self.foreign_code != self.own_foreign or args.star:
            return
        stored = stored_parameters(cls, init.fdef, self.stored_cache)
        if not stored:
            return
        given = _call_site_nodes(init.fdef.params, args, inst)
        sites = {attr: given[param] for attr, param in stored.items() if param in given}
        for name, method in list(inst.attrs.items()):
            if name.startswith("__method__") and name != "__method____init__" and isinstance(method, Func) \
                    and trains_on(method.fdef, sites):
                self.invoke(method, Args(), call, inst, stored=sites)

    def _settle(self, inst: Instance, merged: frozenset = frozenset()) -> None:
        """What this construction set, merged with what the instance's earlier constructions set
        (`merged`: attributes this construction already merged, a dataclass's fields, which its
        `__post_init__` may then set: `steps = field(init=False)`)."""
        built = self.constructed.setdefault(id(inst), {})
        for name, value in inst.attrs.items():
            if name.startswith("__method__"):
                continue
            if name in merged:
                built[name] = value
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
            if type(value) is Seq and value.items and all(isinstance(v, Tensor) for v in value.items):
                # `trunk([nodes, pairs])`, a model handed in: a tensor of those, its shape unknown
                # (what it is made from still tells the rank analysis which inputs it reads)
                return Tensor(UNKNOWN, [value], call)
        return UNKNOWN

    def call_ref(self, ref: Ref, args: Args, call: cst.Call) -> Value:
        q, last = ref.qualname, ref.last
        if q in _TALOS_SCANS:
            return self._talos_scan(args, call)
        if q == "functools.partial" and args.pos and type(args.pos[0][0]) is Ref and args.pos[0][0].is_keras \
                and id(call) not in self.keras_call_ids:
            # `partial(keras.optimizers.Adam, lr=1e-3)`: the keywords written here are the class's
            # (the rules on removed keywords point at them, whether the partial is called or not)
            inner = args.pos[0][0]
            self.keras_call_ids.add(id(call))
            bound = Args(args.pos[1:], dict(args.kw), args.star, args.star_keys)
            self.facts.keras_calls.append(KerasCall(inner.qualname, call, bound,
                                                    inner.raw, self.running[-1] if self.running else None))
        if last in ("KerasRegressor", "KerasClassifier") and q.split(".")[0] == "scikeras" and args.has("loss") \
                and not self.dead:
            # scikeras compiles the model its builder returns uncompiled with the wrapper's own
            # `loss=` / `metrics=` (`KerasRegressor(model=get_reg, loss="mse")`)
            built: set = set()
            self._built_by(args, built)
            compiled = Compile(call, args.get("loss")[0], args.get("metrics")[0], args.get("weighted_metrics")[0],
                               args.get("optimizer")[0])
            for node_id in built:
                self.facts.wrapper_compiles.setdefault(node_id, compiled)
        if last == "from_keras_model" and q.split(".")[0] == "tensorflow_federated" and args.has("loss") \
                and not self.dead:
            # TensorFlow Federated trains the Keras model it is handed with its own `loss=` (the
            # model is never compiled): `tff.learning.from_keras_model(keras_model=m, loss=...)`
            given = args.get("keras_model", 0)[0]
            if type(given) is ModelRef:
                self.facts.wrapper_compiles.setdefault(id(given.model.node), Compile(
                    call, args.get("loss")[0], args.get("metrics")[0], None, None))
        if last in ("KerasClassifier", "SKLearnClassifier") and q.split(".")[0] in ("scikeras", "keras", "tensorflow"):
            # scikeras', Keras 2's `wrappers.scikit_learn` (also through tf.keras) and Keras 3's
            # `wrappers.SKLearnClassifier`: the models the builder given makes are classifiers by declaration
            self._built_by(args, self.facts.classifier_nodes)
        if ref.is_keras:
            # once per call site and class: `layer_class(**layer_args)` in a helper run for each
            # class it is handed (`add_layer(model, MaxPooling1D, {"pool_length": 4})`)
            # — and once per dict a `**` spreads into it (`Dense(units, **params)` in a helper given
            # another dict of keywords by each call)
            site = (id(call), q, tuple(sorted({id(made) for made in args.spread.values()})))
            if site not in self.keras_call_ids:
                self.keras_call_ids.add(site)
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
                model.outputs = tensors_in(outputs)
                model.inputs = tensors_in(inputs)
                return ModelRef(model, call)
            if last in tables.MODEL_LOADERS or (q.startswith("keras.applications.") and last[:1].isupper()) \
                    or (last == "from_config" and q.rsplit(".", 2)[-2] in tables.MODEL_CLASSES):
                # `keras.Model.from_config(config)`: a model rebuilt from a config, like a loaded one —
                # of the same layers when it is a copy (`clone_model(base)`, `from_config(base.get_config())`)
                model = self.model_for(call, "loaded")
                if last in ("clone_model", "from_config"):
                    self.copy_architecture(model, last, args)
                return ModelRef(model, call)
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
                return DataPair(data, targets, da.value, ta.value, "dataset", call, origin=self._here(),
                                made_by=self._lifted_call())
            if q.startswith(("keras.activations.", "keras.ops.", "keras.backend.")) and args.pos \
                    and isinstance(args.pos[0][0], Tensor):
                if last.lower() in tables.BOUNDED_ACTIVATIONS or q.startswith("keras.activations."):
                    return Tensor(ActivationFn(last.lower(), call), [args.pos[0][0]], call)
                return Tensor(UNKNOWN, [args.pos[0][0]], call)
            return Obj(q, args, call)
        if q in DATASET_CTORS:
            return self._pair(args, call, "dataset", tuple_arg=True)
        if q == "tensorflow.data.experimental.make_csv_dataset" and not args.star:
            # (features, label) batches of a CSV column: its targets are what a `.map()` makes of them;
            # without `label_name`, dicts of every column, which a `.map()` makes (x, y) pairs of
            return DataPair(UNKNOWN, UNKNOWN, None, None, "dataset" if args.has("label_name") else "records", call,
                            origin=self._here())
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
        if q == "sklearn.compose.TransformedTargetRegressor":
            transformer = args.get("transformer")[0]
            if isinstance(transformer, Obj) and _scales_into_unit(transformer):
                # the targets of the model it wraps (`regressor=KerasRegressor(build)`) are scaled
                # into [0, 1] by scikit-learn, out of sight
                self.facts.scaling_calls.add(id(call))
                regressor = _final_estimator(args.get("regressor", 0)[0])
                if isinstance(regressor, Obj) and regressor.last in ("KerasRegressor", "SKLearnRegressor"):
                    self._built_by(regressor.args, self.facts.unit_target_nodes)  # read by its builder's module
        if q in _RANGE_FUNCTIONS:
            self._range_call(q, args, call)  # (also called through a `partial` of it)
        if q in _CROSS_VALIDATIONS:
            # `cross_val_score(KerasRegressor(model=build), X, y, cv=5)`: the model is fitted on `y`
            self._wrapper_fit(args.get("estimator", 0)[0], args.get("y", 2)[1])
        passthrough = self._tensor_passthrough(args, call)
        return passthrough if passthrough is not UNKNOWN else Obj(q, args, call)

    def _wrapper_fit(self, estimator: Value, target: Optional[cst.Arg]) -> None:
        """A scikit-learn regressor wrapper of Keras (also at the end of a pipeline, or searched by
        `GridSearchCV`) fitted on the targets `target` passes: recorded for the models its builder
        makes (KerasFacts.wrapper_fits)."""
        if isinstance(estimator, Obj) and estimator.last in _SEARCHES:
            estimator = estimator.args.get("estimator", 0)[0]
        standardised = False
        if isinstance(estimator, Obj) and estimator.qualname == "sklearn.compose.TransformedTargetRegressor":
            # the wrapped model is fitted on the targets the transformer makes: standardised ones
            # are known to be centred; what another transformer makes of them is not known here
            transformer = _final_estimator(estimator.args.get("transformer")[0])
            if not (isinstance(transformer, Obj) and transformer.qualname == STANDARD):
                return
            standardised = True
            estimator = estimator.args.get("regressor", 0)[0]
        estimator = _final_estimator(estimator)
        if target is None or target.star or self.dead or self.foreign_code \
                or not isinstance(estimator, Obj) or estimator.last not in ("KerasRegressor", "SKLearnRegressor") \
                or estimator.qualname.split(".")[0] not in ("scikeras", "keras", "tensorflow"):
            return
        built: set = set()
        self._built_by(estimator.args, built)
        for node in built:
            self.facts.wrapper_fits.setdefault(node, []).append(
                (target.value, len(self.facts.assignments), standardised))

    def _built_by(self, args: Args, into: set) -> None:
        """The models a scikit-learn wrapper of Keras builds (`KerasClassifier(build_fn=make_net)`,
        Keras 2's and scikeras' wrappers, Keras 3's `SKLearnClassifier(model=...)`): the model
        given, or every construction in the function given, into `into` (`classifier_nodes`:
        classifiers by declaration, their targets class labels whatever loss they compile)."""
        built = args.get("build_fn")[0]
        if built is UNKNOWN or built is None:
            built = args.get("model", 0)[0]
        if isinstance(built, ModelRef):
            into.add(id(built.model.node))
        elif isinstance(built, Func):
            stack = [built.fdef.body]
            while stack:
                node = stack.pop()
                if type(node) is cst.Call:
                    into.add(id(node))
                stack.extend(node.children)

    def _pair(self, args: Args, call: cst.Call, kind: str, tuple_arg: bool = False) -> Value:
        if tuple_arg:
            value, arg = args.get("tensors", 0)
            node = arg.value if arg is not None and not arg.star else None
            if type(node) is cst.Dict or type(node) is cst.Call and type(node.func) is cst.Name \
                    and node.func.value == "dict":
                # `from_tensor_slices(dict(frame))`: one record (a dict of columns) per row
                return DataPair(UNKNOWN, UNKNOWN, None, None, "records", call, origin=self._here())
            if isinstance(value, Seq) and len(value.items) == 2 and type(arg.value if arg else None) is cst.Tuple:
                return DataPair(value.items[0], value.items[1], value.elts[0], value.elts[1], kind, call,
                                origin=self._here(), made_by=self._lifted_call())
            if isinstance(value, Seq) and 2 < len(value.items) <= 8 and len(value.elts) == len(value.items) \
                    and type(arg.value if arg else None) is cst.Tuple:
                return DataPair(UNKNOWN, UNKNOWN, None, None, kind, call, origin=self._here(),
                                parts=tuple(zip(value.items, value.elts)))
            return UNKNOWN
        x, xa = args.get("x", 0)
        y, ya = args.get("y", 1)
        if xa is None or ya is None:
            return UNKNOWN
        return DataPair(x, y, xa.value, ya.value, kind, call, origin=self._here(), made_by=self._lifted_call())

    def _stratified(self, arg) -> None:
        """`train_test_split(..., stratify=y)`, `StratifiedKFold(...).split(x, y)`: scikit-learn takes only
        class labels there, so `y` is labels (facts.dataflow)."""
        if arg is None or arg.star or self.foreign_code:
            return
        if type(arg.value) is cst.Name:
            self.facts.stratified.add(arg.value.value)
        elif type(arg.value) is cst.Attribute and type(arg.value.value) is cst.Name and arg.value.value.value == "self":
            # `StratifiedKFold(k).split(self.x, self.y)` in a data class's method: what it holds
            self.facts.stratified.add(f"self.{arg.value.attr.value}")

    def _lifted_call(self) -> Optional[cst.Call]:
        """The call of the linted file whose run of another module's function is running now, when
        that function itself (not one it calls in turn) runs: its parameters are that call's
        arguments."""
        if len(self.lifts) == 1 and self.lifts[-1][0] == self.depth:
            return self.lifts[-1][2]
        return None

    def _here(self) -> Optional[str]:
        """The project module whose code runs now (its function called from here, or its top level
        a module reader runs); None for the linted file's own code."""
        return self.running[-1] if self.running else self.origin

    # ---------------------------------------------------------------- functions
    def invoke(self, func: Func, args: Args, call: Optional[cst.Call], inst: Optional[Instance],
               standalone: bool = False, per_call: bool = False, stored: Optional[dict] = None) -> Value:
        """`stored`: {"self.x": this file's expression} for what the construction `call` handed the
        instance's attributes (see _run_trainers)."""
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
            if call is not None and _rejects(fdef, args, inst is not None):
                return UNKNOWN  # the call raises TypeError before its body runs
            if self.depth >= MAX_DEPTH or self.budget <= 0 or id(fdef) in self.active:
                return self._tensor_passthrough(args, call) if call is not None else UNKNOWN
            self.budget -= 1
        self.depth += 1
        self.standalone += standalone
        self.active.add(id(fdef))
        foreign = getattr(func.scope, "origin", None) is not None
        lifted = foreign and call is not None and not standalone and self.foreign_code == self.own_foreign
        if lifted:  # this file's code calls into another module's: where its parameters come from here
            self.lifts.append((self.depth, {**_call_site_nodes(fdef.params, args, inst), **(stored or {})}, call, fdef))
        self.foreign_code += foreign
        self.running.append(getattr(func.scope, "origin", None))
        owner = inst.cls if isinstance(inst, Instance) else inst if type(inst) is ClassV else None
        self.owners.append(owner.cdef if owner is not None else None)
        self.call_chain.append(None if inst is not None and not per_call
                               else 0 if standalone or call is None else id(call))
        self.invocations.append((None if standalone else call, fdef))
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
            return merge_returns(frame.returns)
        finally:
            self.depth -= 1
            self.standalone -= standalone
            self.active.discard(id(fdef))
            self.foreign_code -= foreign
            self.running.pop()
            self.owners.pop()
            self.call_chain.pop()
            self.invocations.pop()
            if lifted:
                self.lifts.pop()

    def _param_flow(self, param: cst.Param, arg: Optional[cst.Arg]) -> None:
        # `train(m, x_s, y_s)` binds y = y_s: the data-flow queries follow that edge.
        if arg is not None and not arg.star and not self.foreign_code:
            self._flow_edge(param, arg.value)

    def _flow_edge(self, param: cst.Param, value: cst.BaseExpression) -> None:
        self.facts.param_flows.add(len(self.facts.assignments))
        self.facts.assignments.append(([param.name], value))

    def _bind_default(self, param: cst.Param, scope: Scope) -> Value:
        """A parameter the call leaves to its default: `def train(m, data=pixels)` called as
        `train(ae)` binds data = pixels, for the values and for the data-flow queries alike (a helper
        fitting on its default is fitted on what the default names)."""
        if not self.foreign_code and type(param.default) in (cst.Name, cst.Attribute):
            self._flow_edge(param, param.default)
        return self.eval(param.default, scope.parent or scope, Frame())

    def _standalone_default(self, param: cst.Param, scope: Scope) -> Value:
        """What a parameter holds when its function runs on its own (no call gives it): unknown —
        except a Keras optimizer class as its default (`optimizer=keras.optimizers.Adam`), which any
        caller's choice would be too: what the body calls it with (`optimizer(lr=lr)`) is judged."""
        if param.default is None or type(param.default) not in (cst.Name, cst.Attribute):
            return UNKNOWN
        value = self.eval(param.default, scope.parent or scope, Frame())
        return value if type(value) is Ref and value.is_optimizer_class else UNKNOWN

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
                scope.vars[name] = self._standalone_default(param, scope)
            elif i + offset < len(args.pos):
                scope.vars[name] = args.pos[i + offset][0]
                self._param_flow(param, args.pos[i + offset][1])
            elif name in args.kw:
                scope.vars[name] = args.kw[name][0]
                self._param_flow(param, args.kw[name][1])
            elif param.default is not None and not args.may_pass(name):
                scope.vars[name] = self._bind_default(param, scope)
            else:
                scope.vars[name] = UNKNOWN
        for param in params.kwonly_params:
            name = param.name.value
            if not standalone and name in args.kw:
                scope.vars[name] = args.kw[name][0]
            elif not standalone and param.default is not None and not args.may_pass(name):
                scope.vars[name] = self._bind_default(param, scope)
            else:
                scope.vars[name] = self._standalone_default(param, scope) if standalone else UNKNOWN
        for star in (params.star_arg, params.star_kwarg):
            if type(star) is cst.Param:
                scope.vars[star.name.value] = UNKNOWN
        rest = params.star_kwarg
        if type(rest) is cst.Param and not standalone and not args.star:
            # every argument of the call is known: `**kwargs` holds the keywords no parameter took,
            # and passes them on (`super().__init__(**kwargs)`, `Dense(1, **kwargs)`)
            named = {p.name.value for p in (*positional, *params.kwonly_params)}
            scope.vars[rest.name.value] = Map({k: v for k, (v, _) in args.kw.items() if k not in named}, rest)


def _model_rows(name: str, args: Args, call: cst.Call) -> Optional[Seq]:
    """`enumerate(models)` / `zip(names, models)` over a list of a few Keras models: the rows it
    yields, (index, model) / (name, model) pairs, so that a loop over them binds each model as a
    loop over the list does (`for i, m in enumerate(members): m.predict_proba(x)`). None for any
    other: what it yields stays unknown."""
    given = [v for v, _ in args.pos]
    if args.star or not given or not all(type(v) is Seq for v in given) \
            or not any(v.items and all(type(i) is ModelRef for i in v.items) for v in given):
        return None
    if name == "enumerate":
        start = args.kw.get("start", (Lit(0), None))[0]
        if len(given) != 1 or set(args.kw) - {"start"} or type(start) is not Lit or type(start.value) is not int:
            return None
        given = [Seq([Lit(start.value + k) for k in range(len(given[0].items))]), given[0]]
    elif args.kw:
        return None
    rows = [Seq(list(row), None, [None] * len(row)) for row in zip(*(v.items for v in given))]
    return Seq(rows, call, [None] * len(rows))


def _map_entries(recv: Map, meth: str) -> Optional[list]:
    """What `d.values()` / `d.items()` iterate over, in order, when `d` is a few literal settings
    (`{"l2": "mse", "l1": "mae"}`: a sweep written as a dict), builders (`{"wide": build, "bounded":
    partial(build, head="sigmoid")}`) or Keras models (`{"cnn": a, "mlp": b}`, or models made alike
    under keys not known here — `{n: load_model(p) for n, p in ...}` — one standing for them all);
    None for any other dict. An item is a (key, value) pair, the key unknown when it is not a string."""
    if recv.any is None and 0 < len(recv.items) <= 8 and all(isinstance(k, str) for k in recv.items) \
            and (all(type(v) is Lit for v in recv.items.values())
                 or all(type(v) is ModelRef for v in recv.items.values())
                 or all(is_builder(v) for v in recv.items.values())):
        pairs = [(Lit(k), v) for k, v in recv.items.items()]
    elif not recv.items and type(recv.any) is ModelRef:
        pairs = [(UNKNOWN, recv.any)]
    else:
        return None
    return [v if meth == "values" else Seq([k, v], None, [None, None]) for k, v in pairs]
