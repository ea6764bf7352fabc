"""KerasFacts: the plain data every rule reads (models, compiles, trainings, layers, loss functions)."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from regr_lint.lazy import cst

from regr_lint.knowledge import tables
from regr_lint.model.values import (
    UNKNOWN, ActivationFn, Args, Layer, Lit, ModelRef, Obj, OneOf, Ref, Seq, Tensor, Value, setting_options,
)


@dataclass(eq=False)
class Compile:
    node: cst.Call
    loss: Value
    metrics: Value
    weighted_metrics: Value
    optimizer: Value
    # recorded while a function ran on its own (its parameters unknown, as a class's __init__ runs
    # where the class is defined): what it left unknown, a run with a call's arguments may know
    provisional: bool = False
    # (the call, the function it ran) when the compile is made directly in a function a call ran
    # (`describe(clf)` whose body runs `model.compile(...)`); None when several calls ran it, or none
    site: Optional[tuple] = None


@dataclass(eq=False)
class Training:
    """A call that trains or checks the model on (x, y): fit, fit_generator, train_on_batch, evaluate."""
    node: cst.Call
    method: str
    x: Value
    y: Value
    x_node: Optional[cst.CSTNode]
    y_node: Optional[cst.CSTNode]
    validation: list = field(default_factory=list)  # [(x_node, y_node)]
    # the expressions a dataset's `.map()` function returns as its targets (y_node is then None)
    mapped: tuple = ()
    mapped_origin: Optional[str] = None  # the project module `mapped` lie in, when not `origin`
    # the project module x_node / y_node lie in (a dataset another module made); None: this file
    origin: Optional[str] = None
    at: int = -1  # len(facts.assignments) when the call was met: the data flow reads names as they were then
    # lifted from another module's method that fits on one parameter twice (`fit(x, x)` in an
    # autoencoder's wrapper): the targets are this file's data, but whether training on the input
    # is right is that module's to answer (RL201 leaves it)
    callee_pair: bool = False
    # made by code running in a function (not the file's top level): its names may be parameters
    in_function: bool = False
    # len(facts.assignments) each later time the same call ran (a method read on its own first,
    # then called by another method with arguments: `critic_step(real, fake, valid, fake_y)`): the
    # parameters the call bound are read there too (see labels.targets_are_labels)
    reruns: list = field(default_factory=list)
    # the call of this file that ran the other module's function making its data (`make_ds(data)`)
    made_by: Optional[cst.Call] = None
    # how many times `model.pop()` had run when the call was met: a training before the model's
    # last layers were removed trained another architecture (an autoencoder's decoder, dropped for
    # a classifier head on the pretrained encoder)
    pops: int = 0
    # a Sequential's layer count when the call was met: layers added after it (a classifier stacked
    # on a pretrained autoencoder) make another architecture than the one it trained
    layer_count: int = -1
    # (index, name, count): only that output's targets are asked about (see columns.one_output),
    # for batches a generator or a Sequence gives (`return x, {"sex": s, "age": a}`)
    output: Optional[tuple] = None


@dataclass(eq=False)
class MethodCall:
    """Any call made on a model (`model.fit(...)`, `self.model.fit_generator(...)`), with its args."""
    method: str
    node: cst.Call
    args: Args


@dataclass(eq=False)
class MethodRead:
    """A method of Keras 2's read on a model, not called (`self.fit_generator = self.model.fit_generator`,
    `getattr(model, "fit_generator")`): Keras 3 raises AttributeError where it is read."""
    method: str
    node: cst.CSTNode  # the Attribute, or the getattr Call


@dataclass(eq=False)
class KerasCall:
    """A call to anything resolved into Keras (`Adam(lr=…)`, `keras.layers.Dense(…)`)."""
    qualname: str
    node: cst.Call
    args: Args
    raw: str = ""
    # the project module whose code makes the call (a function of it this file runs), None: this file
    home: Optional[str] = None
    # the construction of a layer subclass whose `__init__` hands its `**kwargs` to Keras' (`MyConv(
    # nb_filter=64)`): the keywords that `__init__` takes by name itself, which Keras never sees
    own: frozenset = frozenset()


@dataclass(eq=False)
class Head:
    """What one output of a model ends in, seen from its loss."""
    activation: Optional[str]  # lower-case name, 'linear', or None when unknown
    activation_node: Optional[cst.CSTNode]  # the activation Arg / Activation call to report at
    layer: Optional[Layer]  # the layer that computes the values (Dense …), if known
    units: Optional[int]
    name: Optional[str] = None  # the output's name= (for per-output losses)
    # The activation a layer of its own applies after a layer whose head is not judged (a
    # convolution, then `Activation("softmax")`: a segmenter's per-pixel classes). Classifier
    # evidence only: `activation` stays None, so rules judging a head's range stay silent.
    applied: Optional[str] = None


@dataclass(eq=False)
class KerasModel:
    kind: str  # sequential | functional | subclass | loaded | opaque
    node: Optional[cst.CSTNode]
    layers: list = field(default_factory=list)  # Sequential: layers in order
    outputs: list = field(default_factory=list)  # functional / subclass: output Tensors
    inputs: list = field(default_factory=list)
    compiles: list = field(default_factory=list)
    trainings: list = field(default_factory=list)
    # Trainings in another project module's function this file hands the model to (`train(model, x)`
    # in a trainer.py): their arguments are that module's names, not this file's data flow, so only
    # rules that judge a call by itself (RL201's `fit(x, x)`) read them.
    foreign_trainings: list = field(default_factory=list)
    pops: int = 0  # how many times `model.pop()` ran (see Training.pops)
    # id() of the layer calls that end one arm of an `if` nothing decides, another arm of which ends
    # the model in another head (see Interpreter._arm_layers): a head there is not known
    undecided: set = field(default_factory=set)
    cls: object = None  # the ClassV of a subclassed model
    # the model Keras hands a callback as `self.model`: a Keras model whatever the file calls on it
    keras_given: bool = False
    # its `trainable_variables` / `trainable_weights` are read: a custom loop (`tape.gradient(loss,
    # model.trainable_variables)`) may be what trains it, with a loss of its own
    tape_trained: bool = False
    # the project modules whose code, run for this file, read them (`train(model, ds)` of a
    # train_loop.py taking `tape.gradient(loss, model.trainable_variables)`)
    tape_modules: set = field(default_factory=set)
    # Where its construction node lies, as the interpreter met it: built while a function ran
    # (`in_function`), and `home`, the project module of that function when it is another module's
    # (None: this file) — the builder module whose importers may be what fits it.
    in_function: bool = False
    home: Optional[str] = None
    # id() of the ClassDef whose method made it (0: none): the models a class makes, whichever arm
    owner: int = 0
    calls: list = field(default_factory=list)  # MethodCall, every method called on the model
    reads: list = field(default_factory=list)  # MethodRead, a generator method read without a call
    # Sequential: id(layer) -> where its `add` ran, for a layer added inside a loop: the enclosing
    # ("loop", id) and (id(if / match), arm) marks, outermost first. Within a loop the order the
    # layers are listed in is not the order they ran in (which arm runs last is unknown).
    placed: dict = field(default_factory=dict)
    # made only in the arm of an `if` a module constant rules out (`SMALL = False`, then `if SMALL:
    # model = ...`): that code never runs, so the rules judging what a model is built of and trained
    # with pass it by; the API rules still read it (its removed calls are still there to see)
    ruled_out: bool = False

    def heads(self, depth: int = 0) -> list[Head]:
        if self.kind == "sequential":
            head = head_of_chain(list(reversed(self.layers))) if self.layers else None
            if head is None or head.layer is not None and id(head.layer.node) in self.undecided:
                return []
            return [head]
        return [head_of_tensor(t, depth) for t in self.outputs]

    def input_width_node(self) -> Optional[cst.CSTNode]:
        """The expression the last dimension of the model's (single) input is written as
        (`X.shape[1]` in `Input(shape=(X.shape[1],))`), when its shape is a tuple written out."""
        dims = self.input_shape_nodes()
        return dims[-1] if dims else None

    def input_shape_nodes(self) -> list:
        """The expressions of the dimensions of the model's (single) input (`(T, 3)`: `T`, `3`), when
        its shape is a tuple written out; [] otherwise."""
        shape = self.input_shape()
        return list(shape.elts) if shape is not None else []

    def input_shape(self) -> Optional[Seq]:
        """The shape of the model's (single) input when written out as a tuple (its `elts` the
        expressions, its `items` their values), else None."""
        shape = None
        if self.kind == "sequential" and self.layers:
            first = self.layers[0]
            if isinstance(first, Tensor):
                shape = first.shape
            elif isinstance(first, Layer):
                shape = first.args.get("shape")[0] if first.kind == "InputLayer" and not first.args.has(
                    "input_shape") else first.args.get("input_shape")[0]
        elif len(self.inputs) == 1 and isinstance(self.inputs[0], Tensor):
            shape = self.inputs[0].shape
        return shape if isinstance(shape, Seq) and len(shape.elts) == len(shape.items) else None

    def input_width(self) -> Optional[int]:
        """The last dimension of the model's (single) input, when written as a literal."""
        if self.kind == "sequential" and self.layers:
            first = self.layers[0]
            if isinstance(first, Tensor):
                return _last_dim(first.shape)
            if isinstance(first, Layer):
                if first.kind == "InputLayer":
                    return _last_dim(first.args.get("input_shape")[0] if first.args.has("input_shape")
                                     else first.args.get("shape")[0])
                # Embedding's input_dim is a vocabulary size, not a feature width
                dim = first.args.get("input_dim")[0] if first.kind != "Embedding" else None
                if isinstance(dim, Lit) and isinstance(dim.value, int):
                    return dim.value
                return _last_dim(first.args.get("input_shape")[0])
            return None
        if len(self.inputs) == 1 and isinstance(self.inputs[0], Tensor):
            return _last_dim(self.inputs[0].shape)
        return None


def _last_dim(shape: Value) -> Optional[int]:
    if isinstance(shape, Seq) and shape.items:
        last = shape.items[-1]
        if isinstance(last, Lit) and isinstance(last.value, int):
            return last.value
    if isinstance(shape, Lit) and isinstance(shape.value, int):
        return shape.value
    return None


def activation_name(value: Value) -> Optional[str]:
    """'sigmoid' for 'Sigmoid', keras.activations.sigmoid, tf.nn.sigmoid …; None when unknown."""
    if isinstance(value, Lit):
        if value.value is None:
            return "linear"
        return value.value.lower() if isinstance(value.value, str) else None
    if isinstance(value, Ref):
        q = value.qualname
        if q.startswith("keras.activations.") or any(
            q == f"{m}.{value.last}" for m in tables.TF_ACTIVATION_MODULES
        ):
            return value.last.lower()
        return None
    if isinstance(value, Layer) and value.kind in tables.ACTIVATION_LAYERS:
        return tables.ACTIVATION_LAYERS[value.kind]
    if isinstance(value, Obj) and value.last in tables.ACTIVATION_LAYERS:
        return tables.ACTIVATION_LAYERS[value.last]
    return None


def int_value(value: Value) -> Optional[int]:
    if isinstance(value, Lit) and isinstance(value.value, int) and not isinstance(value.value, bool):
        return value.value
    return None


def layer_units(layer: Layer) -> Optional[int]:
    if not layer.args.has("units", 0) and layer.kind in tables.KERAS3_LAYERS_TAKING["units"]:
        return int_value(layer.args.get("output_dim")[0])  # Keras 1's name (RL504 reports it)
    return int_value(layer.args.get("units", 0)[0])


def units_written(args) -> bool:
    """The unit count is written as a number in the call (`Dense(1, ...)`, Keras 1's `output_dim=1`),
    not held in a name: a mistake in it is one wherever the layer stands."""
    arg = args.get("units", 0)[1]
    if arg is None:
        arg = args.get("output_dim")[1]
    return arg is not None and type(arg.value) is cst.Integer


def layer_activation(layer: Layer) -> tuple[Optional[str], Optional[cst.CSTNode]]:
    """(activation, node to report) for a layer; Dense without activation= is 'linear'."""
    if layer.kind == "Activation":
        value, arg = layer.args.get("activation", 0)
        return activation_name(value), layer.node
    if layer.kind in tables.ACTIVATION_LAYERS:
        axis, arg = layer.args.get("axis", 0)
        if arg is not None and not (isinstance(axis, Lit) and axis.value == -1):
            return None, None  # Softmax(axis=1) over time steps is attention, not a unit softmax
        return tables.ACTIVATION_LAYERS[layer.kind], layer.node
    if layer.args.may_pass("activation"):
        return None, None
    # Dense(units, activation, …) also takes the activation by position.
    value, arg = layer.args.get("activation", 1 if layer.kind == "Dense" else None)
    if arg is None:
        return "linear", None
    return activation_name(value), arg


def head_activations(head: Head) -> tuple:
    """The activations a head may end in: its own when known; when its Dense's `activation=` holds one
    of a few literals the arms of an `if` bind (`head_act = "relu"` / `"tanh"` / `None`, see
    values.one_of_settings), each one's; () when any is not known. A rule judging the head answers
    only when every one gives the same answer."""
    if head.activation is not None:
        return (head.activation,)
    layer, arg = head.layer, head.activation_node
    if layer is None or layer.kind != "Dense" or not isinstance(arg, cst.Arg):
        return ()
    value, given = layer.args.get("activation", 1)
    options = setting_options(value) if given is arg and type(value) is OneOf else None
    names = [activation_name(o) for o in options or ()]
    return tuple(dict.fromkeys(names)) if names and None not in names else ()


def written_activation(head: Head) -> Optional[cst.CSTNode]:
    """Where the head's activation string is written when the `activation=` argument holds a name
    bound elsewhere (`activation=head_activation`, a builder's parameter: `build(6,
    head_activation="sigmoid")`); None when it is written in that argument or not a string."""
    return written_layer_activation(head.layer, head.activation_node)


def written_layer_activation(layer: Optional[Layer], arg) -> Optional[cst.CSTNode]:
    """`written_activation` for a layer and its `activation=` argument `arg`."""
    if not isinstance(arg, cst.Arg) or layer is None:
        return None
    value = layer.args.get("activation", 1 if layer.kind == "Dense" else None)[0]
    node = getattr(value, "node", None)
    return node if isinstance(value, Lit) and node is not None and node is not arg.value else None


def _name_of(layer: Optional[Layer]) -> Optional[str]:
    if layer is None:
        return None
    value = layer.args.get("name")[0]
    return value.value if isinstance(value, Lit) and isinstance(value.value, str) else None


def head_of_chain(chain: list, depth: int = 0) -> Head:
    """Head of a layer sequence given last-first (Sequential) — transparent layers skipped. A
    Sequential model added as a layer (`autoencoder.add(decoder)`) ends in its own last layer."""
    activation, act_node, name = None, None, None
    for item in chain:
        if isinstance(item, Tensor):  # an Input() inside Sequential([...])
            break
        if type(item) is ModelRef and item.model.kind == "sequential" and item.model.layers and depth < 8:
            inner = head_of_chain(list(reversed(item.model.layers)), depth + 1)
            if activation is None:
                return inner
            if inner.activation == "linear":  # `Activation("sigmoid")` after a nested linear head
                return Head(activation, act_node, inner.layer, inner.units, name)
            return Head(None, None, inner.layer, None, name)
        if not isinstance(item, Layer):
            return Head(None, None, None, None, name)
        if item.kind in tables.TRANSPARENT_LAYERS or activation is not None and item.kind in tables.NORMALIZATION_LAYERS:
            continue
        name = name or _name_of(item)
        if item.kind == "TimeDistributed" and item.wrapped is not None and item.wrapped.kind == "Dense":
            # `TimeDistributed(Dense(n_tags))`: the Dense applied at each step is the head
            item = item.wrapped
        if item.kind == "Activation" or item.kind in tables.ACTIVATION_LAYERS:
            if activation is None:
                activation, act_node = layer_activation(item)
                if activation is None:
                    return Head(None, None, None, None, name)
            continue
        if item.kind == "Dense":
            own, own_node = layer_activation(item)
            if activation is None:
                return Head(own, own_node, item, layer_units(item), name)
            if own == "linear":
                return Head(activation, act_node, item, layer_units(item), name)
            return Head(None, None, item, layer_units(item), name)
        # Conv, recurrent, Lambda, custom layers: not a head we judge.
        return Head(None, None, item, None, name, applied=activation)
    return Head(None, None, None, None, name)


def only_a_part(model: "KerasModel", models: list) -> bool:
    """`model` is never trained by itself (no fit / train_on_batch on it, here or in a module it is
    handed to) but is a part of another model (`combined = Model(z, disc(gen(z)))`,
    `Sequential([gen, disc])`): what it is compiled with never trains it (a GAN generator's
    `compile(loss="binary_crossentropy")` that only `predict` follows)."""
    if trained_by_itself(model):
        return False
    return next(part_uses(model, models), None) is not None


def trained_by_itself(model: "KerasModel") -> bool:
    return any(t.method in tables.TRAIN_METHODS for t in (*model.trainings, *model.foreign_trainings)) \
        or any(c.method in tables.TRAIN_METHODS for c in model.calls)


def part_uses(model: "KerasModel", models: list):
    """For each place another of `models` uses `model` as a part, whether it is that model's head
    there: the last layer of a Sequential, or applied to make one of its outputs."""
    for other in models:
        if other is model:
            continue
        for k, item in enumerate(other.layers):
            if type(item) is ModelRef and item.model is model:
                yield k == len(other.layers) - 1
        outputs = {id(t) for t in other.outputs}
        stack, seen = list(other.outputs), set()
        while stack and len(seen) < 2000:
            tensor = stack.pop()
            if not isinstance(tensor, Tensor) or id(tensor) in seen:
                continue
            seen.add(id(tensor))
            if type(tensor.producer) is ModelRef and tensor.producer.model is model:
                yield id(tensor) in outputs
            for item in tensor.inputs:
                stack.extend(item.items if type(item) is Seq else (item,))


def producers(tensor: Value, limit: int = 64) -> list:
    """The producers along a tensor's first-input chain, last first."""
    out = []
    while isinstance(tensor, Tensor) and limit > 0:
        limit -= 1
        if tensor.producer is None:
            break
        out.append(tensor.producer)
        tensor = tensor.inputs[0] if tensor.inputs else None
    return out


def head_of_tensor(tensor: Value, depth: int = 0) -> Head:
    found = producers(tensor)
    if found and type(found[0]) is ModelRef and depth < 4:
        # `Model(inp, decoder(encoder(inp)))`: a model applied last ends the output in its own head
        inner = found[0].model.heads(depth + 1)
        if len(inner) == 1:
            return inner[0]
    chain = []
    for p in found:
        if isinstance(p, ActivationFn):
            # tf.nn.sigmoid(x) behaves like an Activation layer at the end of the chain.
            chain.append(Layer("Activation", Args(pos=[(Lit(p.activation), None)]), p.node))
        elif isinstance(p, Layer):
            chain.append(p)
        else:
            chain.append(UNKNOWN)
            break
    if not chain:
        return Head(None, None, None, None)
    return head_of_chain(chain)


@dataclass(eq=False)
class KerasFacts:
    module: cst.Module
    path: str = ""  # the file as given on the command line (rules that care about where it lives)
    text: str = ""  # its source, for cheap "does the file even mention X" checks before a walk
    has_keras: bool = False
    models: list = field(default_factory=list)  # KerasModel, in creation order
    layers: list = field(default_factory=list)  # every Layer created anywhere
    # (layer, previous layer) pairs along Sequential chains and functional applications
    links: list = field(default_factory=list)
    loss_functions: dict = field(default_factory=dict)  # FunctionDef -> "regression" | "other"
    star_imports: list = field(default_factory=list)  # canonical modules of `from … import *`
    keras_calls: list = field(default_factory=list)  # KerasCall, every call into Keras
    # Keras internals the file reaches: import statements and the outermost attribute chains,
    # as (node, dotted path as written)
    private_imports: list = field(default_factory=list)
    # id(ImportFrom) -> the imported name that makes it private, when the module is public (RL503's token)
    private_names: dict = field(default_factory=dict)
    # (attribute, path) of each chain into Keras internals, and to a name a public Keras 3 module
    # lacks (`tf.keras.experimental`, recorded at that name) (RL503)
    private_chains: list = field(default_factory=list)
    # Every assignment in the file as (targets, value node), in walk order; read lazily by the
    # data-flow queries (facts.dataflow) so files that never ask pay nothing.
    assignments: list = field(default_factory=list)
    # indexes into `assignments` of a parameter bound by a call (`train(m, x_s, y_s)` binds y = y_s):
    # the function's own name, not the module's (a module-level fit does not read them)
    param_flows: set = field(default_factory=set)
    # id() of the model constructions a scikit-learn classifier wrapper builds or wraps
    # (`KerasClassifier(build_fn=make_net)`): classifiers by the file's own declaration
    classifier_nodes: set = field(default_factory=set)
    # id() of the layer calls made in an arm of an `if` naming a classification task
    # (`if cfg["task"] == "binary": out = Dense(1, activation="sigmoid")(h)`: see model.tasks)
    classifying_layers: set = field(default_factory=set)
    # id() of a construction a scikeras wrapper's builder makes -> the Compile the wrapper's own
    # `loss=` / `metrics=` make of it (a model its builder returns uncompiled)
    wrapper_compiles: dict = field(default_factory=dict)
    # id() of the layer calls whose outputs a merge layer joins with others (see RL103)
    joined_layers: set = field(default_factory=set)
    # id() of the model constructions a `TransformedTargetRegressor` scaling into [0, 1] trains
    # through its regressor (`regressor=KerasRegressor(model=make_net), transformer=MinMaxScaler()`)
    unit_target_nodes: set = field(default_factory=set)
    # id() of a model construction a scikit-learn regressor wrapper builds -> [(the targets node,
    # len(assignments) then, whether a TransformedTargetRegressor standardises them first)] it is
    # fitted on through the wrapper (`KerasRegressor(model=build).fit(X, y)`,
    # `cross_val_score(KerasRegressor(model=build), X, y)`): a training out of the file's sight
    wrapper_fits: dict = field(default_factory=dict)
    # (id() of an `if` / `match`, arm index, first, end) for each arm the interpreter ran: the records
    # of `assignments[first:end]` are that arm's, so a name read after the statement is one of its
    # arms' last writes, not only the last one in walk order (see records.arm_alternatives)
    arms: list = field(default_factory=list)
    # (a `for` statement, first, end) for each loop the interpreter ran: `assignments[first:end]`
    # were made in its body (`for c in FEATURES: df[c] = …` writes the columns it runs over)
    loops: list = field(default_factory=list)
    yields: list = field(default_factory=list)  # the `yield` expressions of the file's code that ran
    stratified: set = field(default_factory=set)  # names a split of the file's code is stratified by
    # names a loop over a cross-validation split binds to index arrays (`for tr, va in kf.split(x)`,
    # `for fold, (tr, va) in enumerate(skf.split(x, y))`): `y[tr]` is rows of y
    fold_indices: set = field(default_factory=set)
    scaling_calls: set = field(default_factory=set)  # id() of calls that scale into [0, 1]
    # id() of `transform` / `fit_transform` calls of the project's own classes (a `Normalizer` of
    # the file) or of objects not known (`pickle.load(f).transform(y)`): what they do to the range
    # is not known, so they may scale into [0, 1] (RL102's exemption stays silent on them; they are
    # never evidence of anything)
    opaque_transforms: set = field(default_factory=set)
    range_calls: dict = field(default_factory=dict)  # id() of scaler calls -> (lo, hi) | "standard" | None
    # index in `assignments` of a function's `return` record -> id() of the call whose run of the
    # function made it (0: the function read on its own, its parameters unknown)
    return_runs: dict = field(default_factory=dict)
    # The project modules the file imports names from, as (module path, the ImportFrom node,
    # {local name: value bound}): a finding whose node lies in one of them is placed there, or at the
    # use of the name that brings it in.
    project_imports: list = field(default_factory=list)
    project_modules: list = field(default_factory=list)  # paths of every project module read
    # project modules it imports but did not read (past MAX_PROJECT_MODULES): what they hold is unknown
    unread_modules: set = field(default_factory=set)
    _cache: dict = field(default_factory=dict)

    def name_bindings(self):
        """What binds each name in this file (regr_lint.model.bindings.NameBindings), or None when this
        Python cannot parse it. CPython's tree is built once, on the first rule that asks."""
        if "name-bindings" not in self._cache:
            from regr_lint.model.bindings import NameBindings

            self._cache["name-bindings"] = NameBindings.of_text(self.text or self.module.code)
        return self._cache["name-bindings"]
