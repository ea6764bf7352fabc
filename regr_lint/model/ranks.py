"""A small rank tracker over a model's layer chain: which tensors still carry time steps or spatial
axes (rank >= 3, batch included) when a Dense head reads them.

`head_on_unflattened(model)` follows a Sequential chain in order, or a functional model back from its
outputs, and answers with the first Dense that consumes a rank >= 3 tensor made by a convolution, a
non-global pooling or a sequence-returning recurrent layer — when that Dense (and only rank-keeping
layers after it) produces the output. Anything it does not know (a Lambda, a custom layer, an op, a
nested model, attention) makes the rank unknown, and an unknown rank never reports.

`targets_are_sequences(model, facts)` and `uses_multiclass_loss(model, facts)` tell the models meant
to predict per step (sequence targets, the input as target, taggers) from the others;
`targets_are_per_sample(model, facts)` tells a multi-class head fitted on one label per sample
(one-hot labels, a label column, `load_data()` labels) from a tagger.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Optional

from regr_lint.lazy import cst

from regr_lint.model.columns import _full
from regr_lint.model.dataflow import _elsewhere_shows, _in_project_module, ancestors
from regr_lint.model.generators import directory_labels, returns_directory
from regr_lint.model.importers import fitted_by_importers
from regr_lint.model.labels import dataset_label_names
from regr_lint.model.model import KerasModel, head_of_tensor
from regr_lint.model.records import _arrays, _call_name, _const, _records, expr_key, names_in
from regr_lint.model.values import ActivationFn, Either, Func, Layer, Lit, Map, Seq, Tensor, Value

# Layers whose output keeps the rank of their input (element-wise, per-feature, or Dense on the
# last axis).
RANK_KEEPING = frozenset({
    "Dense", "Dropout", "SpatialDropout1D", "SpatialDropout2D", "SpatialDropout3D", "AlphaDropout",
    "GaussianDropout", "GaussianNoise", "ActivityRegularization", "BatchNormalization",
    "LayerNormalization", "GroupNormalization", "UnitNormalization", "Activation", "ReLU", "LeakyReLU",
    "PReLU", "ELU", "ThresholdedReLU", "Softmax", "Masking", "Identity",
})
# Convolutions: (output rank, batch included). ConvLSTM keeps its spatial axes even without
# return_sequences.
CONV_RANKS = {
    "Conv1D": 3, "Convolution1D": 3, "SeparableConv1D": 3, "SeparableConvolution1D": 3,
    "DepthwiseConv1D": 3, "Conv1DTranspose": 3, "LocallyConnected1D": 3,
    "Conv2D": 4, "Convolution2D": 4, "SeparableConv2D": 4, "SeparableConvolution2D": 4,
    "DepthwiseConv2D": 4, "Conv2DTranspose": 4, "Convolution2DTranspose": 4, "LocallyConnected2D": 4,
    "Conv3D": 5, "Convolution3D": 5, "Conv3DTranspose": 5, "Convolution3DTranspose": 5,
    "ConvLSTM1D": 3, "ConvLSTM2D": 4, "ConvLSTM3D": 5,
}
POOL_RANKS = {
    "MaxPooling1D": 3, "MaxPool1D": 3, "AveragePooling1D": 3, "AvgPool1D": 3,
    "MaxPooling2D": 4, "MaxPool2D": 4, "AveragePooling2D": 4, "AvgPool2D": 4,
    "MaxPooling3D": 5, "MaxPool3D": 5, "AveragePooling3D": 5, "AvgPool3D": 5,
}
GLOBAL_POOLS = frozenset({
    "GlobalMaxPooling1D", "GlobalMaxPool1D", "GlobalAveragePooling1D", "GlobalAvgPool1D",
    "GlobalMaxPooling2D", "GlobalMaxPool2D", "GlobalAveragePooling2D", "GlobalAvgPool2D",
    "GlobalMaxPooling3D", "GlobalMaxPool3D", "GlobalAveragePooling3D", "GlobalAvgPool3D",
})
RECURRENT = frozenset({"LSTM", "GRU", "SimpleRNN", "CuDNNLSTM", "CuDNNGRU", "RNN"})
# Layers that make a model sequence-to-sequence (or dense-prediction): its output is meant to keep
# its time steps / pixels.
SEQ2SEQ_MARKERS = frozenset({
    "TimeDistributed", "RepeatVector", "UpSampling1D", "UpSampling2D", "UpSampling3D",
    "Conv1DTranspose", "Conv2DTranspose", "Conv3DTranspose", "Convolution2DTranspose",
    "Convolution3DTranspose", "CRF",
})
# Padding / cropping / reordering: the rank stays, and so does the fact that steps remain.
SHAPE_KEEPING = frozenset({
    "ZeroPadding1D", "ZeroPadding2D", "ZeroPadding3D", "Cropping1D", "Cropping2D", "Cropping3D",
    "Permute",
})
MERGES = frozenset({"Concatenate", "Add", "Subtract", "Multiply", "Average", "Maximum", "Minimum"})


@dataclass(frozen=True)
class RankState:
    rank: Optional[int]  # batch included; None when unknown
    steps: bool = False  # made by a conv / pooling / sequence RNN and not reduced since
    dense: Optional[Layer] = None  # the first Dense that read the tensor while it had steps
    applied: Optional[Tensor] = None  # functional: that Dense's application `Dense(…)(x)`


UNKNOWN_STATE = RankState(None)


@dataclass(frozen=True)
class Unflattened:
    dense: Layer  # the first Dense on the rank >= 3 tensor: where the Flatten belongs
    applied: Optional[Tensor]  # its application (functional), None for Sequential chains
    source: str  # the kind of layer that left the steps in (Conv1D, LSTM …)
    rank: int


def _bool_arg(layer: Layer, name: str) -> Optional[bool]:
    value, arg = layer.args.get(name)
    if arg is None:
        return None if layer.args.may_pass(name) else False
    if isinstance(value, Lit) and isinstance(value.value, bool):
        return value.value
    return None


def _shape_rank(shape: Value) -> Optional[int]:
    """Rank (batch included) of a literal `shape=` / `input_shape=` / Reshape target."""
    if isinstance(shape, Seq):
        return len(shape.items) + 1
    if isinstance(shape, Lit) and isinstance(shape.value, int) and not isinstance(shape.value, bool):
        return 2
    return None


def _inner(layer: Layer) -> Optional[Layer]:
    if layer.wrapped is not None:
        return layer.wrapped
    return None


def _source_name(layer: Layer) -> str:
    inner = _inner(layer)
    return f"{layer.kind}({inner.kind})" if inner is not None else layer.kind


def transition(layer: Layer, state: RankState, first: bool = False) -> RankState:
    """The state after `layer` reads a tensor in `state`. `first`: the first layer of a Sequential
    chain, whose `input_shape=` gives the input's rank."""
    kind = layer.kind
    if first and state.rank is None:
        for key in ("input_shape", "batch_input_shape"):
            value, arg = layer.args.get(key)
            if arg is not None:
                rank = _shape_rank(value)
                if rank is not None and key == "batch_input_shape":
                    rank -= 1
                state = RankState(rank)
                break
        else:
            dim, arg = layer.args.get("input_dim")
            if arg is not None:
                state = RankState(2)
    if kind == "Bidirectional":
        inner = _inner(layer)
        if inner is None or inner.kind not in RECURRENT:
            return UNKNOWN_STATE
        merge, arg = layer.args.get("merge_mode", 1)
        if arg is not None and not (isinstance(merge, Lit) and isinstance(merge.value, str)):
            return UNKNOWN_STATE  # merge_mode=None returns a list
        return transition(inner, state)
    if kind in RECURRENT:
        if _bool_arg(layer, "return_state") is not False:
            return UNKNOWN_STATE
        seq = _bool_arg(layer, "return_sequences")
        if seq is None:
            return UNKNOWN_STATE
        return RankState(3, steps=True) if seq else RankState(2)
    if kind in CONV_RANKS:
        rank = CONV_RANKS[kind]
        if kind.startswith("ConvLSTM") and _bool_arg(layer, "return_sequences"):
            rank += 1
        return RankState(rank, steps=True)
    if kind in POOL_RANKS:
        return RankState(POOL_RANKS[kind], steps=True)
    if kind in GLOBAL_POOLS:
        return RankState(2) if _bool_arg(layer, "keepdims") is False else UNKNOWN_STATE
    if kind == "Flatten":
        return RankState(2)
    if kind == "Reshape":
        value, arg = layer.args.get("target_shape", 0)
        rank = _shape_rank(value) if arg is not None else None
        return RankState(rank) if rank is not None else UNKNOWN_STATE
    if kind == "Embedding":
        return RankState(3)
    if kind == "InputLayer":
        value, arg = layer.args.get("input_shape")
        if arg is None:
            value, arg = layer.args.get("shape")
        return RankState(_shape_rank(value)) if arg is not None else UNKNOWN_STATE
    if kind in SHAPE_KEEPING:
        return state
    if kind in RANK_KEEPING:
        if kind == "Dense" and state.steps and state.rank is not None and state.rank >= 3 \
                and state.dense is None:
            return replace(state, dense=layer)
        return state
    return UNKNOWN_STATE


# A marker weaker than sequence-to-sequence: the model takes one step per sample (`Input((1, F))`),
# so its one prediction per step is the sample's — when the targets keep that axis. Against 1-D
# targets, `(n,)` beside `(n, 1, 1)` predictions, Keras does not bring the two to one rank (it does
# for a rank apart, not two) and the loss broadcasts to `(n, 1, n)`: every prediction against
# every target.
ONE_STEP = "one step"


def _stronger(a, b):
    """Of two markers, the one that says more: sequence-to-sequence (True), one step, none (False)."""
    return True if a is True or b is True else ONE_STEP if ONE_STEP in (a, b) else False


def _variable_steps(shape: Value, batch: bool = False, tokens: bool = False):
    """`shape=(None, F)`: inputs of any length — a model built to map a sequence to a sequence
    (no Flatten could follow its steps): True. `tokens`: the ids an Embedding reads, `shape=(None,)`.
    `shape=(1, F)`: one step, whose one prediction is the sample's (a spectrum fed as one step of
    102 channels): ONE_STEP."""
    if not isinstance(shape, Seq):
        return False
    items = shape.items[1:] if batch else shape.items
    if not tokens and len(items) == 2 and isinstance(items[0], Lit) and items[0].value == 1 \
            and type(items[0].value) is int:
        return ONE_STEP
    return len(items) >= (1 if tokens else 2) and isinstance(items[0], Lit) and items[0].value is None


_INPUT_KEYS = ("input_shape", "shape", "batch_input_shape", "batch_shape")  # a layer's inputs declared


def _input_of(item: Value, tokens: bool = False):
    """The first item of a Sequential chain declares inputs of any length (`tokens`: an Embedding
    reads them, or is that item)."""
    if isinstance(item, Tensor):
        return _variable_steps(item.shape, tokens=tokens)
    if isinstance(item, Layer):
        tokens = tokens or item.kind == "Embedding"
        for key in _INPUT_KEYS:
            value, arg = item.args.get(key)
            if arg is not None:
                return _variable_steps(value, batch=key.startswith("batch"), tokens=tokens)
    return False


def _embeds(item: Value) -> bool:
    return isinstance(item, Layer) and item.kind == "Embedding"


def _makes_steps(layer: Layer) -> bool:
    kind = layer.kind if layer.kind != "Bidirectional" or layer.wrapped is None else layer.wrapped.kind
    return kind in CONV_RANKS or kind in POOL_RANKS or kind in RECURRENT


def _is_marker(layer: Value) -> bool:
    return isinstance(layer, Layer) and (layer.kind in SEQ2SEQ_MARKERS or (
        layer.wrapped is not None and layer.wrapped.kind in SEQ2SEQ_MARKERS) or _repeats(layer))


def _decodes_from_states(tensor: Tensor) -> bool:
    """`LSTM(32, return_sequences=True)(future, initial_state=[h, c])`: a decoder started from an
    encoder's states and run over steps of its own (a horizon's known inputs) — one prediction per
    decoder step is what a sequence-to-sequence model is built for."""
    node = tensor.node
    return type(node) is cst.Call and any(a.keyword is not None and a.keyword.value == "initial_state" for a in node.args)


def _repeats(layer: Layer) -> bool:
    """`Lambda(lambda t: ops.repeat(ops.expand_dims(t, 1), steps, axis=1))`: a RepeatVector written
    as a tensor op inside a Lambda."""
    if layer.kind != "Lambda" or not layer.args.pos:
        return False
    fn = layer.args.pos[0][1].value
    stack = [fn.body] if isinstance(fn, cst.Lambda) else []
    while stack:
        node = stack.pop()
        if isinstance(node, cst.Call) and isinstance(node.func, cst.Attribute) \
                and node.func.attr.value in ("repeat", "tile", "repeat_elements"):
            return True
        if not isinstance(node, cst.Lambda):
            stack.extend(node.children)
    return False


# ---------------------------------------------------------------- Sequential
_MAX_ORDERS = 16


def _final_iterations(model: KerasModel) -> list[list]:
    """The orders of `model.layers` in which each loop that adds layers in more than one arm of an
    `if` / `match` runs a given combination of arms last: the layers of the other arms move before
    them (they ran in earlier iterations). [] when no loop branches; [[]] (no order to trust) when
    there are too many combinations."""
    placed = model.placed
    if not placed:
        return []
    # per loop: the arm path (the marks after the loop's own) of each layer added in it
    paths: dict = {}
    for item in model.layers:
        marks = placed.get(id(item))
        if not marks:
            continue
        for i, mark in enumerate(marks):
            if mark[0] == "loop":
                paths.setdefault(mark, set()).add(tuple(m for m in marks[i + 1:] if m[0] != "loop"))
    choices = []
    for loop, seen in paths.items():
        leaves = [p for p in seen if p and not any(q != p and q[:len(p)] == p for q in seen)]
        if len(leaves) > 1:
            choices.append((loop, leaves))
    if not choices:
        return []
    combos: list[list] = [[]]
    for loop, leaves in choices:
        combos = [c + [(loop, leaf)] for c in combos for leaf in leaves]
        if len(combos) > _MAX_ORDERS:
            return [[]]
    orders = []
    for combo in combos:
        layers = list(model.layers)
        for loop, leaf in combo:
            inside = [x for x in layers if loop in placed.get(id(x), ())]
            if not inside:
                continue
            ids = {id(x) for x in inside}

            def runs_last(x, loop=loop, leaf=leaf) -> bool:
                marks = placed[id(x)]
                arms = dict(m for m in marks[marks.index(loop) + 1:] if m[0] != "loop")
                return all(arms.get(key, arm) == arm for key, arm in leaf)
            first = next(i for i, x in enumerate(layers) if id(x) in ids)
            rest = [x for x in layers[first:] if id(x) not in ids]
            inside = [x for x in inside if not runs_last(x)] + [x for x in inside if runs_last(x)]
            layers = layers[:first] + inside + rest
        orders.append(layers)
    return orders


def _sequential(layers: list) -> tuple[RankState, Optional[str], bool]:
    state, source, marker, declared = UNKNOWN_STATE, None, False, False
    for i, item in enumerate(layers):
        if isinstance(item, Tensor):  # keras.Input(shape=…) inside the list
            marker = _stronger(marker, i == 0 and _input_of(item, tokens=len(layers) > 1 and _embeds(layers[1])))
            declared = True
            state = RankState(_shape_rank(item.shape)) if item.shape is not None else UNKNOWN_STATE
            continue
        if not isinstance(item, Layer):
            state = UNKNOWN_STATE
            continue
        # the first layer declaring an input shape says what the data is, also after a Dense that
        # declares none (`Dense(8)`, then `GRU(16, input_shape=(1, n))`: one step per sample)
        marker = _stronger(marker, _is_marker(item) or (not declared and _input_of(item)))
        declared = declared or any(item.args.get(key)[1] is not None for key in (*_INPUT_KEYS, "input_dim"))
        state = transition(item, state, first=(i == 0))
        if state.steps and _makes_steps(item):
            source = _source_name(item)
    return state, source, marker


# ---------------------------------------------------------------- functional
class _Graph:
    def __init__(self) -> None:
        self.memo: dict[int, tuple[RankState, Optional[str]]] = {}
        self.marker = False
        self.budget = 2000

    def state(self, value: Value, depth: int = 0) -> tuple[RankState, Optional[str]]:
        if not isinstance(value, Tensor) or depth > 200 or self.budget <= 0:
            return UNKNOWN_STATE, None
        self.budget -= 1
        key = id(value)
        if key in self.memo:
            return self.memo[key]
        self.memo[key] = (UNKNOWN_STATE, None)  # cycle guard
        result = self._compute(value, depth)
        self.memo[key] = result
        return result

    def _inputs(self, tensor: Tensor) -> list:
        out = []
        for item in tensor.inputs:
            if isinstance(item, Seq):
                out.extend(item.items)
            else:
                out.append(item)
        return out

    def _compute(self, tensor: Tensor, depth: int) -> tuple[RankState, Optional[str]]:
        producer = tensor.producer
        if producer is None:
            if tensor.is_input:
                self.marker = _stronger(self.marker, _variable_steps(tensor.shape))
            if tensor.is_input and tensor.shape is not None:
                return RankState(_shape_rank(tensor.shape)), None
            return UNKNOWN_STATE, None
        inputs = self._inputs(tensor)
        if _embeds(producer) and inputs and isinstance(inputs[0], Tensor) and inputs[0].is_input \
                and _variable_steps(inputs[0].shape, tokens=True):
            self.marker = True  # token ids of any length (`Input(shape=(None,))`) embedded
        if isinstance(producer, Either):
            # the arms of an `if` in a loop: steps are left only when every arm leaves them
            states = [self.state(item, depth + 1) for item in inputs]
            if any(s.rank is None for s, _ in states):
                return UNKNOWN_STATE, None
            return next(((s, src) for s, src in states if not s.steps), states[0])
        if isinstance(producer, ActivationFn):
            return self.state(inputs[0], depth + 1) if len(inputs) == 1 else (UNKNOWN_STATE, None)
        if not isinstance(producer, Layer):
            node = tensor.node
            if isinstance(node, cst.Call) and isinstance(node.func, cst.Attribute) \
                    and node.func.attr.value in ("repeat", "tile", "repeat_elements"):
                self.marker = True  # `ops.repeat(ops.expand_dims(h, 1), steps, axis=1)`: a RepeatVector
            for item in inputs:  # still look for markers upstream
                self.state(item, depth + 1)
            return UNKNOWN_STATE, None
        self.marker = _stronger(self.marker, _is_marker(producer) or _decodes_from_states(tensor))
        states = [self.state(item, depth + 1) for item in inputs]
        if producer.kind in MERGES:
            ranks = {s.rank for s, _ in states}
            if len(states) >= 2 and len(ranks) == 1 and None not in ranks:
                steps = [(s, src) for s, src in states if s.steps]
                if steps and len(steps) == len(states):
                    return RankState(steps[0][0].rank, steps=True), steps[0][1]
                return RankState(ranks.pop()), None
            return UNKNOWN_STATE, None
        if len(states) != 1:
            return UNKNOWN_STATE, None
        before, source = states[0]
        after = transition(producer, before)
        if after.steps and _makes_steps(producer):
            source = _source_name(producer)
        if after.dense is producer and before.dense is None:
            after = replace(after, applied=tensor)
        return after, source


def head_on_unflattened(model: KerasModel) -> tuple[list[Unflattened], object]:
    """(findings, seq2seq): the Dense heads reading rank >= 3 tensors with steps, and whether the
    model holds a layer that marks it sequence-to-sequence (TimeDistributed, RepeatVector,
    upsampling …) or takes inputs of any length (`shape=(None, F)`): True; ONE_STEP when it only
    takes one step per sample (`shape=(1, F)`); False."""
    found: list[Unflattened] = []
    if model.kind == "sequential":
        state, source, marker = _sequential(model.layers)
        if state.steps and state.dense is not None and state.rank is not None:
            # Layers added in a loop whose body branches (`if i == 0: … elif i == n - 1: … else: …`)
            # are listed arm after arm, but which arm ran last is unknown: the head is judged on
            # each order the loop may end in, and reported only when every one gives it steps.
            for order in _final_iterations(model):
                other, _, _ = _sequential(order)
                if not (other.steps and other.dense is state.dense and other.rank is not None):
                    return found, marker
            found.append(Unflattened(state.dense, None, source or "?", state.rank))
        return found, marker
    if model.kind in ("functional", "subclass"):
        graph = _Graph()
        seen = set()
        skipped = _untrained_outputs(model) | _consumed(model.outputs) if len(model.outputs) > 1 else set()
        for out in model.outputs:
            if id(out) in skipped:
                # an output no loss trains, or one the model's own layers go on to use (an attention
                # gate returned beside the prediction, to look at): not a prediction head
                continue
            state, source = graph.state(out)
            if state.steps and state.dense is not None and state.rank is not None \
                    and id(state.dense) not in seen:
                seen.add(id(state.dense))
                found.append(Unflattened(state.dense, state.applied, source or "?", state.rank))
        return found, graph.marker
    return found, False




def _consumed(outputs: list) -> set:
    """id() of the tensors among the graph behind `outputs` that another layer of it takes as input."""
    seen: set = set()
    used: set = set()
    stack = list(outputs)
    while stack and len(seen) < 4096:
        tensor = stack.pop()
        if not isinstance(tensor, Tensor) or id(tensor) in seen:
            continue
        seen.add(id(tensor))
        for inp in tensor.inputs:
            for item in (inp.items if isinstance(inp, Seq) else (inp,)):
                if isinstance(item, Tensor):
                    used.add(id(item))
                    stack.append(item)
    return used


def _untrained_outputs(model: KerasModel) -> set:
    """id() of the outputs of `model` whose name every compile's dict of losses leaves out (no loss
    trains them); empty unless every compile gives a dict of losses."""
    maps = [c.loss for c in model.compiles]
    if not maps or not all(isinstance(m, Map) for m in maps):
        return set()
    out = set()
    for tensor in model.outputs:
        name = head_of_tensor(tensor).name
        if isinstance(name, str) and all(name not in m.items for m in maps):
            out.add(id(tensor))
    return out


# ---------------------------------------------------------------- what the model is trained on
_MULTICLASS_LOSSES = frozenset({
    "categorical_crossentropy", "sparse_categorical_crossentropy", "CategoricalCrossentropy",
    "SparseCategoricalCrossentropy", "CategoricalFocalCrossentropy", "categorical_focal_crossentropy",
    "ctc", "CTC", "categorical_hinge", "CategoricalHinge", "kld", "kl_divergence", "KLDivergence",
})


def uses_multiclass_loss(model: KerasModel, facts) -> bool:
    """A categorical loss: a per-step softmax classifier (a tagger) compiled this way cannot hide
    the bug — Keras refuses mismatched class shapes — and is most often meant per step."""
    def multi(value) -> bool:
        if isinstance(value, Lit) and isinstance(value.value, str):
            return value.value.lower() in {n.lower() for n in _MULTICLASS_LOSSES}
        if isinstance(value, Seq):
            return any(multi(v) for v in value.items)
        if isinstance(value, Map):
            return any(multi(v) for v in value.items.values())
        if isinstance(value, Func):
            return _returns_multiclass_loss(value.fdef)
        last = getattr(value, "qualname", "").rpartition(".")[2]
        return last in _MULTICLASS_LOSSES
    if not model.compiles:
        # a builder compiled by the scripts that import it (`compile(loss="sparse_categorical_crossentropy")`)
        return any(multi(c.loss) for _, theirs in fitted_by_importers(facts, model, trained=False)
                   for c in theirs.compiles)
    return any(multi(c.loss) for c in model.compiles)


def _returns_multiclass_loss(fdef) -> bool:
    """A loss function of the file whose every `return` is a categorical loss of Keras' (`def
    loss(labels, logits): return sparse_categorical_crossentropy(labels, logits, from_logits=True)`)."""
    from regr_lint.model.compat import statements
    from regr_lint.model.names import dotted_name

    returns = [s for s in statements(fdef.body) if isinstance(s, cst.Return)]
    if not returns:
        return False
    for ret in returns:
        value = ret.value
        if isinstance(value, cst.Call) and isinstance(value.func, cst.Call):
            value = value.func  # `SparseCategoricalCrossentropy(from_logits=True)(labels, logits)`
        name = dotted_name(value.func) if isinstance(value, cst.Call) else None
        if name is None or name.rpartition(".")[2] not in _MULTICLASS_LOSSES:
            return False
    return True


def targets_are_sequences(model: KerasModel, facts) -> bool:
    """True when the file shows the model is trained on per-step targets: its input as the target,
    targets made by `pad_sequences` or from windows of steps cut per sample, or targets that are
    themselves given three axes (a reshape, an added trailing axis, a slice along the steps axis);
    also `compile(sample_weight_mode='temporal')`. Targets the file does not show are not
    sequences."""
    if model.foreign_trainings and _elsewhere_shows(
            facts, model, lambda other, part: targets_are_sequences(part, other), foreign=True):
        # trained by another module's code this file runs (`job.train(images)`, whose method fits
        # on `np.ones((b, 16, 16, 1))` made there): its evidence, read in that module
        return True
    for call in model.calls:
        mode, _ = call.args.get("sample_weight_mode")
        if call.method == "compile" and isinstance(mode, Lit) and mode.value == "temporal":
            return True
    ys = []
    for t in model.trainings:
        kx, ky = _code(t.x_node), _code(t.y_node)
        if kx is not None and kx == ky:
            return True  # fit(x, x): an autoencoder
        if t.y_node is not None:
            ys.append(t.y_node)
        ys.extend(y for _, y in t.validation if y is not None)
    if not ys:
        # Trained on a dataset (or elsewhere): the file's tf.data pipelines may show per-step labels;
        # a model its builder's importers fit, as they train it
        return _dataset_sequences(facts) or not model.trainings and any(
            targets_are_sequences(theirs, other) for other, theirs in fitted_by_importers(facts, model))
    flow = _Bindings(facts)
    shape = model.input_shape()
    steps = (shape.elts[0], shape.items[0]) if shape is not None and len(shape.elts) == 2 else None
    heads = model.heads()
    one_unit = bool(heads) and all(h.units == 1 for h in heads)
    if any(_shaped_as_sequence(kind, node, flow) or _steps_per_sample(node, steps, flow, one_unit)
           for kind, node in flow.chain(ys)):
        return True
    if any(_padded(node) for node in flow.origins(ys)):
        return True
    # `x, y = windows(series)` of a data module: the targets as that module shapes them
    names = set().union(*(names_in(node) for _, node in flow.chain(ys) if node is not None))
    return _in_project_module(facts, ancestors(facts, names), _sequence_item, passed=False)


def _sequence_item(other, item, depth: int = 0) -> bool:
    """An item a project module's function returns is per-step targets, read in that module — or in
    a third whose function that module's returns (`x, y = cut_windows(values, steps)` in prep.py,
    then `return x, y`: the windows as windows.py cuts them)."""
    flow = _Bindings(other)
    if any(_shaped_as_sequence(kind, node, flow) for kind, node in flow.chain([item])) \
            or any(_padded(node) for node in flow.origins([item])):
        return True
    if depth >= 2:
        return False
    names = set().union(*(names_in(node) for _, node in flow.chain([item]) if node is not None))
    return _in_project_module(other, ancestors(other, names),
                              lambda third, found: _sequence_item(third, found, depth + 1), passed=False)


def _dataset_sequences(facts) -> bool:
    """A `dataset.map(f)` in the file whose `f` returns (inputs, labels) with per-step labels
    (`window[:, 1:, :]`, `features[:, self.labels_slice, :]`): the way tf.data builds the targets of
    a sequence-to-sequence model (the TensorFlow time-series tutorial's WindowGenerator)."""
    key = "ranks.dataset_sequences"
    if key not in facts._cache:
        facts._cache[key] = _maps_to_sequences(facts.module) or any(
            _module_maps_to_sequences(path) for path in facts.project_modules)
    return facts._cache[key]


_MODULE_SEQUENCES: dict = {}  # id(tree) -> (tree, answer): the project modules' trees, once each


def _module_maps_to_sequences(path: str) -> bool:
    """The same, in a project module this file's analysis read (a `WindowGenerator` in windows.py
    whose dataset the script fits): its tree as kept for the run, never parsed again here."""
    from regr_lint.model.trees import parsed_module

    tree = parsed_module(path)
    if tree is None:
        return False
    known = _MODULE_SEQUENCES.get(id(tree))
    if known is None or known[0] is not tree:
        known = _MODULE_SEQUENCES[id(tree)] = (tree, _maps_to_sequences(tree))
        if len(_MODULE_SEQUENCES) > 256:
            _MODULE_SEQUENCES.pop(next(iter(_MODULE_SEQUENCES)))
    return known[1]


def _maps_to_sequences(module) -> bool:
    functions: dict = {}
    mapped: list = []
    # name -> [(order, value)]: each plain `ds = …` in source order, bound once its value was walked
    # (`ds = ds.window(…)`, then `ds = ds.flat_map(…)`: a pipeline written a step per statement)
    bound: dict = {}
    order = 0
    stack = [module]
    while stack:
        node = stack.pop()
        if type(node) is tuple:
            bound.setdefault(node[0], []).append((order, node[1]))
            order += 1
            continue
        if isinstance(node, cst.FunctionDef):
            functions.setdefault(node.name.value, []).append(node)
        elif isinstance(node, cst.Call) and isinstance(node.func, cst.Attribute) \
                and node.func.attr.value == "map" and node.args and node.args[0].keyword is None:
            mapped.append((node.args[0].value, _maps_windows(node.func.value, bound)))
        elif isinstance(node, cst.Assign) and len(node.targets) == 1 and isinstance(node.targets[0].target, cst.Name):
            stack.append((node.targets[0].target.value, node.value))
        stack.extend(reversed(node.children))
    for fn, windows in mapped:
        if isinstance(fn, cst.Lambda):
            if _sequence_labels(fn.body, {}, windows):
                return True
            continue
        name = fn.value if isinstance(fn, cst.Name) else fn.attr.value if isinstance(fn, cst.Attribute) else None
        for fdef in functions.get(name, ()):
            assigned: dict = {}
            returns: list = []
            _body_facts(fdef.body, assigned, returns)
            if any(_sequence_labels(value, assigned, windows) for value in returns):
                return True
    return False


def _maps_windows(receiver, bound: Optional[dict] = None) -> bool:
    """The dataset a `.map` is called on holds one window per element, not yet batched
    (`ds.window(49, shift=1).flat_map(lambda w: w.batch(49))`, also a step per statement through
    the names `bound` records before it): its first axis is the steps."""
    before = 1 << 30
    for _ in range(64):
        if isinstance(receiver, cst.Name) and bound:
            earlier = [(order, value) for order, value in bound.get(receiver.value, ()) if order < before]
            if not earlier:
                return False
            before, receiver = earlier[-1]
            continue
        if not isinstance(receiver, cst.Call) or not isinstance(receiver.func, cst.Attribute):
            return False
        method = receiver.func.attr.value
        if method in ("batch", "padded_batch", "unbatch", "rebatch"):
            return False
        if method in ("window", "flat_map"):
            return True
        receiver = receiver.func.value
    return False


def _body_facts(node, assigned: dict, returns: list) -> None:
    """The values a function assigns to plain names, and what it returns (nested defs left out)."""
    for child in node.children:
        if isinstance(child, (cst.FunctionDef, cst.ClassDef, cst.Lambda)):
            continue
        if isinstance(child, cst.Return) and child.value is not None:
            returns.append(child.value)
        elif isinstance(child, cst.Assign):
            for target in child.targets:
                if isinstance(target.target, cst.Name):
                    assigned.setdefault(target.target.value, []).append(child.value)
        _body_facts(child, assigned, returns)


def _sequence_labels(value, assigned: dict, windows: bool = False) -> bool:
    """(inputs, labels) whose labels keep the steps axis (`windows`: of an element that is one
    window, its first axis the steps)."""
    if not isinstance(value, cst.Tuple) or len(value.elements) < 2:
        return False
    labels = value.elements[1].value
    candidates = assigned.get(labels.value, []) if isinstance(labels, cst.Name) else [labels]
    return any(_keeps_steps(c) or windows and _window_steps(c) for c in candidates)


def _window_steps(node) -> bool:
    """`w[1:]`, `w[1:, :]` of one window keep its steps; `w[-1]` picks one, and `w[-3:]` keeps the
    last few (a horizon, not one target per input step)."""
    if not isinstance(node, cst.Subscript) or not isinstance(node.slice[0].slice, cst.Slice):
        return False
    lower = node.slice[0].slice.lower
    return not (isinstance(lower, cst.UnaryOperation) and isinstance(lower.operator, cst.Minus))


def _keeps_steps(node) -> bool:
    """`w[:, 1:, :]`, `w[:, self.labels_slice, :]` keep three axes; `w[:, -1, 0]` picks one step."""
    if isinstance(node, cst.Subscript) and len(node.slice) >= 3:
        return not any(isinstance(e.slice, cst.Index) and _int_literal(e.slice.value) for e in node.slice)
    return _shaped_as_sequence("assign", node)


def _code(node) -> Optional[str]:
    if node is None:
        return None
    return "".join(cst.Module([]).code_for_node(node).split())


class _Bindings:
    """What the file binds to each name: values, parts of unpacked tuples (also of what its own
    functions return), and what it appends to lists."""

    def __init__(self, facts) -> None:
        self.returns: dict[str, list] = {}
        self.bound: dict[str, list] = {}
        self.folds = facts.fold_indices
        for targets, value in facts.assignments:
            if isinstance(value, cst.AugAssign):
                continue
            if isinstance(value, cst.Call) and isinstance(value.func, cst.Attribute) \
                    and value.func.attr.value in ("append", "extend", "insert"):
                base = value.func.value
                if isinstance(base, cst.Name) and value.args:
                    self.bound.setdefault(base.value, []).append(("append", value.args[-1].value))
                continue
            for target in targets:
                if isinstance(target, cst.Name):
                    self.bound.setdefault(target.value, []).append(("value", value))
                    self.returns.setdefault(target.value, []).append(value)
                elif isinstance(target, cst.Attribute) and isinstance(target.value, cst.Name):
                    # `self.disc_patch = (16, 16, 1)`: read where a shape names it
                    self.bound.setdefault(expr_key(target), []).append(("value", value))
                elif isinstance(target, (cst.Tuple, cst.List)):
                    size = len(target.elements)
                    for i, elt in enumerate(target.elements):
                        if isinstance(elt.value, cst.Name):
                            self.bound.setdefault(elt.value.value, []).append(("item", (value, i, size)))

    def values(self, name: str) -> list:
        out = []
        for kind, value in self.bound.get(name, ()):
            if kind == "item":
                out.extend(("value", part) for part in self._element(*value))
            else:
                out.append((kind, value))
        return out

    def items(self, name: str) -> list:
        """[(value, index, size)]: each unpacking that bound `name` to a part of `value`."""
        return [item for kind, item in self.bound.get(name, ()) if kind == "item"]

    def _element(self, value, index: int, size: int, depth: int = 0) -> list:
        """The index-th part of a value unpacked into `size` names; the whole value when unknown."""
        if isinstance(value, cst.Name) and depth < 4:
            # `[x, y] = dataset` with `dataset = [X, Y]` (or what a function returns, a parameter its
            # caller's argument): the parts of what the name holds
            held = [v for kind, v in self.bound.get(value.value, ()) if kind == "value" and v is not value]
            if held and all(isinstance(v, (cst.Tuple, cst.List, cst.Call, cst.Name)) for v in held):
                parts = [p for v in held for p in self._element(v, index, size, depth + 1)]
                if parts and all(p not in held for p in parts):
                    return parts
        if isinstance(value, (cst.Tuple, cst.List)) and len(value.elements) == size:
            return [value.elements[index].value]
        if isinstance(value, cst.Call) and isinstance(value.func, cst.Name) and value.func.value in self.returns:
            parts = [ret.elements[index].value for ret in self.returns[value.func.value]
                     if isinstance(ret, (cst.Tuple, cst.List)) and len(ret.elements) == size]
            if parts:
                return parts
        if isinstance(value, cst.Call) and _call_name(value) == "train_test_split" \
                and not any(a.star for a in value.args) and len(_arrays(value)) * 2 == size:
            # `X_tr, X_te, y_tr, y_te = train_test_split(X, y)`: each pair of parts is one array split
            return [_arrays(value)[index // 2].value]
        return [value]

    def chain(self, nodes: list, limit: int = 64) -> list:
        """The targets and the values they are copies of (`y = np.array(ys)`, `y_tr = y[:n]`,
        `y = y.astype(...)`): expressions whose shape is the targets' shape."""
        out, seen, todo = [], set(), list(nodes)
        while todo and len(out) < limit:
            node = todo.pop(0)
            if id(node) in seen:
                continue
            seen.add(id(node))
            out.append(("value", node))
            inner = _same_shape_source(node)
            if inner is None and isinstance(node, cst.Subscript) and len(node.slice) == 1 \
                    and isinstance(node.slice[0].slice, cst.Index) and isinstance(node.slice[0].slice.value, cst.Name) \
                    and node.slice[0].slice.value.value in self.folds:
                inner = node.value  # `y[tr]`: the rows of one fold, each as shaped as before
            if isinstance(inner, cst.Name):
                for kind, value in self.values(inner.value):
                    if kind == "value":
                        todo.append(value)
                    else:
                        out.append((kind, value))  # ys.append(…): one element of the targets
            elif inner is not None:
                todo.append(inner)
        return out

    def origins(self, nodes: list, limit: int = 200) -> list:
        """Every expression the targets are computed from, a few levels up."""
        from regr_lint.model.records import names_in

        out, seen, todo, names_seen = [], set(), list(nodes), set()
        while todo and len(out) < limit:
            node = todo.pop(0)
            if id(node) in seen:
                continue
            seen.add(id(node))
            out.append(node)
            for name in names_in(node) - names_seen:
                names_seen.add(name)
                todo.extend(value for _, value in self.values(name))
        return out


_COPIES = frozenset({"array", "asarray", "astype", "float32", "copy", "to_numpy", "squeeze",
                     "convert_to_tensor", "constant"})


def _same_shape_source(node):
    """What `node` copies without changing its rank, if anything."""
    if isinstance(node, cst.Call):
        func = node.func
        name = func.attr.value if isinstance(func, cst.Attribute) else func.value if isinstance(func, cst.Name) else None
        if name == "stack" and isinstance(func, cst.Attribute) \
                and _dotted_root(func.value) in ("np", "numpy", "tf", "tensorflow"):
            # np.stack(ys) of equal-shaped items is the array np.array(ys) makes (the axis only moves
            # where the new axis goes): the same rank. Not a DataFrame's .stack(), which pivots.
            return node.args[0].value if node.args else None
        if name in _COPIES:
            if isinstance(func, cst.Attribute) and _dotted_root(func.value) not in ("np", "numpy", "tf", "tensorflow"):
                return func.value  # y.astype(...)
            return node.args[0].value if node.args else None
        return None
    if isinstance(node, cst.Attribute) and node.attr.value == "values":
        return node.value
    if isinstance(node, cst.Subscript) and len(node.slice) == 1 and isinstance(node.slice[0].slice, cst.Slice):
        return node.value  # y[:split]
    if isinstance(node, cst.Name):
        return node
    return None


def _shaped_as_sequence(kind: str, node, flow: Optional["_Bindings"] = None) -> bool:
    """Targets given three or more axes: `y.reshape(-1, T, 1)`, `np.expand_dims(y, -1)`,
    `y[..., None]`, `y[:, :, None]`, the steps axis sliced (`x[:, 1:]`, next-step targets), or one
    window of steps per sample (`ys.append(series[i + 1:i + n + 1])`, a comprehension of windows)."""
    if kind == "append":
        if isinstance(node, cst.Name) and flow is not None:
            # `y_in = table[s:s + steps, -n:]`, then `ys.append(y_in)`: the window the name holds
            held = flow.bound.get(node.value, ())
            return bool(held) and all(k == "value" and _window(v) for k, v in held)
        return _window(node) or flow is not None and (_blocks_alike(node, flow) or _one_per_window(node, flow))
    if isinstance(node, cst.ListComp):
        return _window(node.elt)
    if isinstance(node, (cst.List, cst.Tuple)):
        return _literal_depth(node) >= 3  # [[[0, 1], [1, 0]], …]: literal per-step targets
    if isinstance(node, cst.BinaryOperation) and kind != "append":
        # `np.random.rand(n, h, w, 1) * 10.0`: arithmetic keeps the axes of the array a call makes
        # (only a call's: `x[:, :3, 0] * 100` indexes three axes to make two)
        return any(isinstance(side, cst.Call) and _shaped_as_sequence(kind, side, flow)
                   for side in (node.left, node.right))
    if isinstance(node, cst.Call):
        func = node.func
        name = func.attr.value if isinstance(func, cst.Attribute) else func.value if isinstance(func, cst.Name) else None
        if name == "expand_dims":
            return True
        if name == "reshape" and _reshape_rank(node) >= 3:
            return True
        return name == "pad_sequences" or _made_with_rank(name, node, flow) >= 3
    if isinstance(node, cst.Subscript):
        if len(node.slice) >= 3:
            return True
        if len(node.slice) == 2:
            first, second = node.slice[0].slice, node.slice[1].slice
            if isinstance(first, cst.Index) and isinstance(first.value, cst.Ellipsis) \
                    and isinstance(second, cst.Index) and _none_axis(second.value):
                return True
            if isinstance(first, cst.Slice) and isinstance(second, cst.Slice) and _full(first) \
                    and not _full(second) and _plain_shift(second):
                return True
    return False


_SHAPED = frozenset({"ones", "zeros", "empty", "full", "ndarray"})  # numpy / TensorFlow fills taking a shape first
_SIZED = frozenset({"normal", "uniform", "random", "random_sample", "integers", "randint", "binomial",
                    "choice", "standard_normal"})  # draws taking size= (or shape=)
_DIMS = frozenset({"rand", "randn"})  # np.random.rand(d0, d1, d2)


def _made_with_rank(name: Optional[str], call: cst.Call, flow: Optional["_Bindings"] = None) -> int:
    """How many axes an array made by `call` has when its shape is written out: `np.ones((n, T, 1))`,
    `np.zeros(shape=(n, T, k))`, `np.random.rand(n, T, 1)`, `rng.normal(size=(n, T, 1))`, also
    `np.ones((n,) + self.disc_patch)` with the patch a tuple the file binds; 0 unknown."""
    keywords = {a.keyword.value: a.value for a in call.args if a.keyword is not None}
    positional = [a.value for a in call.args if a.keyword is None and not a.star]
    if name in _DIMS:
        return len(positional) if len(positional) == len(call.args) else 0
    shape = keywords.get("shape") if name in _SHAPED or name in _SIZED else None
    if name in _SHAPED and shape is None and positional:
        shape = positional[0]
    if name in _SIZED and shape is None:
        shape = keywords.get("size")
    return _shape_length(shape, flow) or 0


def _shape_length(shape, flow: Optional["_Bindings"], depth: int = 0) -> Optional[int]:
    if isinstance(shape, (cst.Tuple, cst.List)):
        return len(shape.elements) if not any(isinstance(e, cst.StarredElement) for e in shape.elements) else None
    if isinstance(shape, cst.BinaryOperation) and isinstance(shape.operator, cst.Add) and depth < 4:
        left, right = _shape_length(shape.left, flow, depth + 1), _shape_length(shape.right, flow, depth + 1)
        return left + right if left is not None and right is not None else None
    key = expr_key(shape) if isinstance(shape, (cst.Name, cst.Attribute)) else None
    bound = flow.bound.get(key, ()) if flow is not None and key is not None else ()
    # bound by one statement (which may have run more than once): that tuple
    if bound and depth < 4 and all(kind == "value" and value is bound[0][1] for kind, value in bound):
        return _shape_length(bound[0][1], flow, depth + 1)
    return None


def targets_are_per_sample(model: KerasModel, facts, strict: bool = False) -> bool:
    """True when every target the model is fitted on is shown to hold one label per sample: a
    `to_categorical` / `one_hot` / `np.eye(k)[…]` one-hot of labels, `get_dummies` /
    `label_binarize` / a `LabelBinarizer`, `OneHotEncoder` or `LabelEncoder` transform, a label
    column (`df["label"]`, `data[:, -1]`, `df.iloc[:, 0]`), or the labels of a `keras.datasets`
    `load_data()`. Checked after `targets_are_sequences`: evidence of per-step targets wins.

    `strict` (a head over rank-3 steps, where per-token taggers live): a one-hot counts only when
    what it encodes is itself shown to be one label per sample (a label column, dataset labels, an
    encoder's output); `to_categorical(np.load("tags.npy"))` may be a tagger's 2-D tags."""
    if not model.trainings:
        return False
    flow = _Bindings(facts)
    labels = dataset_label_names(facts)
    for t in model.trainings:
        y = t.y_node
        if y is None:
            # fit(iterator): a directory iterator labels each image with its folder's class
            if t.x_node is None or not any(kind == "value" and (
                    directory_labels(node, _records(facts)) or returns_directory(node, facts) or type(node) is cst.Name and any(
                        returns_directory(call, facts, index, size) for call, index, size in flow.items(node.value)))
                    for kind, node in flow.chain([t.x_node])):
                return False
            continue
        chain = flow.chain([y])
        # (`labels.append(0 if "normal" in path else 1)`: one number per sample appended)
        if not any(kind == "value" and _per_sample(node, flow, labels, strict)
                   or kind == "append" and _scalar(node) and not isinstance(node, cst.Subscript) for kind, node in chain) \
                and not (t.origin is None and _in_project_module(facts, ancestors(facts, names_in(y)),
                                                                  lambda other, item: _per_sample_in(other, item, strict),
                                                                  passed=False)):
            return False
    return True


def targets_are_rank_one(model: KerasModel, facts) -> bool:
    """True when every target the model is fitted on is shown to be a 1-D array, one number per
    sample (`(n,)`): a frame's column (`pd.read_csv(p)["price"]`, `df.iloc[:, 0]`, `df.values[:,
    -1]`), a flattening (`y.ravel()`, `y.reshape(-1)`), a 1-D draw or range (`rng.uniform(size=n)`,
    `np.arange(n)`), a flat literal list, or a list of scalars appended one per sample
    (`ys.append(data[i + w, 0])`) — here or in the project module whose function returns it
    (`x, y = windows(series)`). Every value the file binds the targets to must say so: one reshape
    to `(n, 1)` anywhere they are bound, or a value not read, and it is not shown."""
    if not model.trainings:
        return False
    flow = _Bindings(facts)
    for t in model.trainings:
        if t.y_node is None or not _rank_one_chain(t.y_node, flow, facts):
            return False
    return True


def _rank_one_chain(y, flow: "_Bindings", facts=None) -> bool:
    shown, todo, seen = False, [y], set()
    while todo:
        node = todo.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if _rank_one(node, flow):
            shown = True
            continue
        if isinstance(node, cst.Name):
            bound = flow.bound.get(node.value, ())
            if not bound:
                return False  # a parameter, a loop variable: not read
            returned = False  # bound to what a function of another module returns
            for kind, value in bound:
                if kind == "append":
                    if not _scalar(value):
                        return False
                    shown = True
                    continue
                parts = flow._element(*value) if kind == "item" else [value]
                for part in parts:
                    if isinstance(part, cst.Call) and _call_name(part) not in flow.returns \
                            and _same_shape_source(part) is None and not _rank_one(part, flow):
                        returned = True
                    else:
                        todo.append(part)
            if returned:
                if facts is None or not _in_project_module(
                        facts, {node.value}, lambda other, item: _rank_one_chain(item, _Bindings(other)), passed=False):
                    return False
                shown = True
            continue
        if isinstance(node, (cst.List, cst.Tuple)) and not node.elements:
            continue  # `ys = []`, filled by the appends read with it
        inner = _same_shape_source(node)
        if inner is None:
            return False
        todo.append(inner)
    return shown


_FLATTENERS = frozenset({"ravel", "flatten"})
_RANGES = frozenset({"arange", "linspace"})


def _rank_one(node, flow: "_Bindings") -> bool:
    if isinstance(node, cst.Call):
        name = _call_name(node)
        positional = [a.value for a in node.args if a.keyword is None and not a.star]
        if name in _FLATTENERS and isinstance(node.func, cst.Attribute) and not node.args:
            return True
        if name == "reshape":
            dims = _reshape_dims(node)
            return len(dims) == 1 and not isinstance(dims[0], (cst.Tuple, cst.List))
        if name in _RANGES and isinstance(node.func, cst.Attribute) and _dotted_root(node.func) in ("np", "numpy"):
            return True
        if name in _DIMS:
            return len(positional) == 1 == len(node.args) and _count(positional[0], flow)
        if name in _SIZED:
            size = next((a.value for a in node.args if a.keyword is not None and a.keyword.value == "size"), None)
            return size is not None and _count(size, flow)
        if name in ("array", "asarray") and positional and isinstance(positional[0], (cst.List, cst.Tuple)):
            return bool(positional[0].elements) and _flat_literals(positional[0])
        return False
    if isinstance(node, cst.Subscript):
        if len(node.slice) == 1 and isinstance(node.slice[0].slice, cst.Index) \
                and isinstance(node.slice[0].slice.value, cst.SimpleString):
            return _frame(node.value, flow)  # df["price"]: a column, a Series
        if len(node.slice) == 2:
            first, second = node.slice[0].slice, node.slice[1].slice
            if isinstance(first, cst.Slice) and _full(first) and isinstance(second, cst.Index) \
                    and _int_literal(second.value):
                # df.iloc[:, 0], df.values[:, -1]: one column of a table (of an array of unknown
                # rank, `a[:, 0]` keeps every axis but one)
                base = node.value
                if isinstance(base, cst.Attribute) and base.attr.value == "iloc":
                    return True
                return _frame(base, flow)
    return False


def _frame(node, flow: "_Bindings") -> bool:
    """`node` holds a table (2-D): a frame a pandas reader makes, or its `.values`."""
    return any(kind == "value" and isinstance(n, cst.Call) and _call_name(n) in _FRAME_READERS
               for kind, n in flow.chain([node]))


def _count(node, flow: "_Bindings") -> bool:
    """A number of samples, not a shape: an int literal, `len(x)`, `x.shape[0]`, or a name bound to
    one of those once."""
    if isinstance(node, cst.Name):
        bound = flow.values(node.value)
        if len(bound) != 1 or bound[0][0] != "value":
            return False
        node = bound[0][1]
    if isinstance(node, cst.Integer):
        return True
    if isinstance(node, cst.Call) and isinstance(node.func, cst.Name) and node.func.value == "len":
        return True
    return isinstance(node, cst.Subscript) and isinstance(node.value, cst.Attribute) \
        and node.value.attr.value == "shape" and len(node.slice) == 1 and isinstance(node.slice[0].slice, cst.Index) \
        and isinstance(node.slice[0].slice.value, cst.Integer)


def _scalar(node) -> bool:
    """One number per append: a numeric literal, `float(…)` / `int(…)`, or an array read at one
    row and one column (`data[i + w, 0]`)."""
    if isinstance(node, cst.IfExp):
        return _scalar(node.body) and _scalar(node.orelse)  # `0 if "normal" in path else 1`
    if isinstance(node, cst.UnaryOperation) and isinstance(node.operator, cst.Minus):
        node = node.expression
    if isinstance(node, (cst.Integer, cst.Float)):
        return True
    if isinstance(node, cst.Call) and isinstance(node.func, cst.Name) and node.func.value in ("float", "int"):
        return True
    return isinstance(node, cst.Subscript) and len(node.slice) == 2 \
        and all(isinstance(s.slice, cst.Index) and not _none_axis(s.slice.value)
                and not isinstance(s.slice.value, cst.Ellipsis) for s in node.slice)


def _per_sample_in(other, item, strict: bool) -> bool:
    """`item`, a value a project module's function returns (`return x, to_categorical(labels, 5)`),
    holds one label per sample there."""
    flow = _Bindings(other)
    labels = dataset_label_names(other)
    return any(kind == "value" and _per_sample(node, flow, labels, strict) for kind, node in flow.chain([item]))


_ONE_HOT = frozenset({"to_categorical", "get_dummies", "label_binarize", "one_hot"})
_ENCODERS = frozenset({"LabelBinarizer", "LabelEncoder", "OneHotEncoder"})


def _label_encoder(node, flow: "_Bindings") -> bool:
    """`LabelBinarizer()` / `OneHotEncoder(...)`, directly or through the one name bound to it."""
    if isinstance(node, cst.Name):
        values = flow.values(node.value)
        return len(values) == 1 and values[0][0] == "value" and _label_encoder_call(values[0][1])
    return _label_encoder_call(node)


def _label_encoder_call(node) -> bool:
    if not isinstance(node, cst.Call):
        return False
    func = node.func
    name = func.attr.value if isinstance(func, cst.Attribute) else func.value if isinstance(func, cst.Name) else None
    return name in _ENCODERS


_ARRAY_MAKERS = frozenset({"zeros", "ones", "empty", "full", "ndarray"})


_FRAME_READERS = frozenset({"read_csv", "read_excel", "read_parquet", "read_json", "read_table", "read_feather",
                            "read_pickle", "DataFrame"})


def _per_sample(node, flow: "_Bindings", labels: set, strict: bool = False) -> bool:
    while isinstance(node, cst.BinaryOperation) and isinstance(node.operator, (cst.Add, cst.Subtract)) \
            and _int_literal(node.right):
        node = node.left  # `df["activity"].values - 1`: 1-based class ids shifted to start at 0
    while isinstance(node, cst.Attribute) and node.attr.value == "values" or isinstance(node, cst.Call) \
            and isinstance(node.func, cst.Attribute) and (node.func.attr.value == "to_numpy" and not node.args
                                                          or _recoded(node)):
        # `df["label"].values`; `df["sentiment"].map({"neg": 0, "pos": 1})`: each row's class recoded
        node = node.value if isinstance(node, cst.Attribute) else node.func.value
        node = _thresholded(node) or node
    inner = _thresholded(node)
    if inner is not None:
        return _per_sample(inner, flow, labels, strict)
    if _grouped_column(node):
        return True
    if isinstance(node, cst.Name):
        return node.value in labels
    if isinstance(node, (cst.List, cst.Tuple)):
        return _flat_literals(node)  # [0, 1, 2, …]: one label per sample
    if isinstance(node, cst.Call):
        func = node.func
        name = func.attr.value if isinstance(func, cst.Attribute) else func.value if isinstance(func, cst.Name) else None
        if name in _ARRAY_MAKERS and node.args and isinstance(node.args[0].value, (cst.Tuple, cst.List)) \
                and node.args[0].keyword is None and len(node.args[0].value.elements) == 2:
            return True  # np.zeros((n, k)): a (samples, classes) target
        if name == "eye" and len([a for a in node.args if a.keyword is None and not a.star]) == 2:
            return True  # np.eye(n, k): an (n, k) array, one row per sample
        if name in ("array", "asarray") and node.args and isinstance(node.args[0].value, (cst.List, cst.Tuple)):
            return _flat_literals(node.args[0].value)
        if name in ("fit_transform", "transform") and isinstance(func, cst.Attribute) \
                and _label_encoder(func.value, flow):
            return True  # LabelBinarizer().fit_transform(labels): one row per sample
        if name in _ONE_HOT and node.args:
            # to_categorical of padded / windowed / 3-D labels is a per-step one-hot
            arg = node.args[0].value
            return not any(_shaped_as_sequence(k, n) for k, n in flow.chain([arg])) \
                and not any(_padded(n) for n in flow.origins([arg])) \
                and (not strict or _encodes_labels(arg, flow, labels))
        return False
    if isinstance(node, cst.Subscript):
        if isinstance(node.value, cst.Call) and len(node.slice) == 1:  # np.eye(k)[labels]
            func = node.value.func
            name = func.attr.value if isinstance(func, cst.Attribute) else func.value if isinstance(func, cst.Name) else None
            index = node.slice[0].slice
            if name in ("eye", "identity") and isinstance(index, cst.Index):
                return not any(_shaped_as_sequence(k, n) for k, n in flow.chain([index.value])) \
                    and not any(_padded(n) for n in flow.origins([index.value])) \
                    and (not strict or _encodes_labels(index.value, flow, labels))
            if name not in _FRAME_READERS:
                return False  # (a column of the frame a read returns, `pd.read_csv(p)["label"]`: below)
        if len(node.slice) == 1:  # df["label"]
            index = node.slice[0].slice
            if isinstance(index, cst.Index) and isinstance(index.value, cst.Integer):
                # `df[187]` of a frame read without a header (a column, where an array's `[187]` is
                # a row): its label column
                return any(kind == "value" and isinstance(n, cst.Call) and _call_name(n) in _FRAME_READERS
                           for kind, n in flow.chain([node.value]))
            return isinstance(index, cst.Index) and isinstance(index.value, cst.SimpleString)
        if len(node.slice) == 2:  # data[:, -1], df.iloc[:, 0]
            first, second = node.slice[0].slice, node.slice[1].slice
            return isinstance(first, cst.Slice) and _full(first) and isinstance(second, cst.Index) \
                and _int_literal(second.value)
    return False


_AGGREGATES = frozenset({"max", "min", "first", "last", "median", "mean", "sum", "agg", "aggregate"})


def _grouped_column(node) -> bool:
    """`df.groupby("window")["label"].max()`: one value of a column per group, the sample a window
    of rows makes."""
    if not (isinstance(node, cst.Call) and isinstance(node.func, cst.Attribute)
            and node.func.attr.value in _AGGREGATES):
        return False
    column = node.func.value
    return isinstance(column, cst.Subscript) and len(column.slice) == 1 \
        and isinstance(column.slice[0].slice, cst.Index) and isinstance(column.slice[0].slice.value, cst.SimpleString) \
        and isinstance(column.value, cst.Call) and _call_name(column.value) == "groupby"


_COMPARE_METHODS = frozenset({"gt", "ge", "lt", "le", "eq", "ne"})


def _thresholded(node):
    """What a comparison with a number binarises, row by row: `df["label"] > 0`,
    `df["label"].gt(0)`, `np.where(df["label"] > 0, 1, 0)` — each row's label made 0 / 1; None for
    anything else."""
    if isinstance(node, cst.Comparison) and len(node.comparisons) == 1 \
            and _const(node.comparisons[0].comparator) is not None and not isinstance(
                node.comparisons[0].operator, (cst.In, cst.NotIn, cst.Is, cst.IsNot)):
        return node.left
    if isinstance(node, cst.Call) and isinstance(node.func, cst.Attribute):
        name = node.func.attr.value
        if name in _COMPARE_METHODS and len(node.args) == 1 and node.args[0].keyword is None \
                and _const(node.args[0].value) is not None:
            return node.func.value
        if name == "where" and _dotted_root(node.func) in ("np", "numpy") and len(node.args) == 3 \
                and all(a.keyword is None and not a.star for a in node.args) \
                and _const(node.args[1].value) is not None and _const(node.args[2].value) is not None:
            return _thresholded(node.args[0].value)
    return None


def _recoded(call: cst.Call) -> bool:
    """`.map({...})` / `.replace({...})` with a dict written out, `.astype(...)`: the same rows, each
    value recoded."""
    name = call.func.attr.value
    if name == "astype":
        return True
    return name in ("map", "replace") and len(call.args) == 1 and isinstance(call.args[0].value, cst.Dict)


def _encodes_labels(arg, flow: "_Bindings", labels: set) -> bool:
    """Whether the value a one-hot encodes is shown to be one label per sample (not one-hot itself)."""
    while isinstance(arg, cst.BinaryOperation) and isinstance(arg.operator, (cst.Add, cst.Subtract)) \
            and _int_literal(arg.right):
        arg = arg.left  # `df["label"].values - 1`: the labels shifted to start at 0
    return any(kind == "value" and _per_sample(n, flow, labels) and not _is_one_hot(n)
               for kind, n in flow.chain([arg]))


def _is_one_hot(node) -> bool:
    if isinstance(node, cst.Call):
        func = node.func
        name = func.attr.value if isinstance(func, cst.Attribute) else func.value if isinstance(func, cst.Name) else None
        return name in _ONE_HOT
    return isinstance(node, cst.Subscript) and isinstance(node.value, cst.Call)


def _int_literal(node) -> bool:
    if isinstance(node, cst.UnaryOperation) and isinstance(node.operator, cst.Minus):
        node = node.expression
    return isinstance(node, cst.Integer)


def _flat_literals(node) -> bool:
    """`[0, 1, 2]`, `("cat", "dog")`: a flat list of literal labels. A list of arrays
    (`[tags, next_words]`, the targets of a model with two outputs) is not one."""
    return bool(node.elements) and all(
        isinstance(e.value, (cst.Integer, cst.Float, cst.SimpleString))
        or isinstance(e.value, cst.UnaryOperation) and isinstance(e.value.expression, (cst.Integer, cst.Float))
        for e in node.elements)


def _literal_depth(node) -> int:
    depth = 0
    while isinstance(node, (cst.List, cst.Tuple)) and node.elements:
        depth += 1
        node = node.elements[0].value
    return depth


def _plain_shift(s: cst.Slice) -> bool:
    """`1:` / `:-1`: a shift by one step, not a choice of columns (`[:, 1:4]` keeps its meaning), nor
    one column kept as an axis of 1 (`[:, -1:]`, `[:, :1]`: one target per sample)."""
    if (s.lower is None) == (s.upper is None) or s.step is not None:
        return False
    bound = s.lower if s.lower is not None else s.upper
    one = isinstance(bound, cst.UnaryOperation) and isinstance(bound.operator, cst.Minus) \
        and isinstance(bound.expression, cst.Integer) and bound.expression.value == "1"
    return not (s.lower is not None and one or s.upper is not None and isinstance(bound, cst.Integer)
                and bound.value == "1")


def _padded(node) -> bool:
    """pad_sequences anywhere upstream: token sequences."""
    stack = [node]
    while stack:
        cur = stack.pop()
        if isinstance(cur, cst.Call):
            func = cur.func
            name = func.attr.value if isinstance(func, cst.Attribute) else func.value if isinstance(func, cst.Name) else None
            if name == "pad_sequences":
                return True
        if isinstance(cur, (cst.Lambda, cst.SimpleString)):
            continue
        stack.extend(cur.children)
    return False


def _row_block(node) -> Optional[tuple]:
    """(the frame, the column) of the rows of a frame one value of a column selects, as an array
    (`frame[frame["day"] == d][cols].values`, `df[df.day == d].values`): a block of rows per sample."""
    for _ in range(4):
        if isinstance(node, cst.Attribute) and node.attr.value == "values":
            node = node.value
        elif isinstance(node, cst.Call) and isinstance(node.func, cst.Attribute) and node.func.attr.value == "to_numpy" \
                and not node.args:
            node = node.func.value
        elif isinstance(node, cst.Subscript) and len(node.slice) == 1 and isinstance(node.slice[0].slice, cst.Index) \
                and isinstance(node.slice[0].slice.value, (cst.List, cst.Name, cst.SimpleString)) \
                and isinstance(node.value, cst.Subscript):
            node = node.value  # the columns kept: `[cols]`
        else:
            break
    if not isinstance(node, cst.Subscript) or len(node.slice) != 1 or not isinstance(node.slice[0].slice, cst.Index):
        return None
    test, frame = node.slice[0].slice.value, expr_key(node.value)
    if not isinstance(test, cst.Comparison) or len(test.comparisons) != 1 \
            or not isinstance(test.comparisons[0].operator, cst.Equal) or frame is None:
        return None
    column = test.left
    if isinstance(column, cst.Subscript) and expr_key(column.value) == frame and len(column.slice) == 1 \
            and isinstance(column.slice[0].slice, cst.Index) and isinstance(column.slice[0].slice.value, cst.SimpleString):
        return frame, column.slice[0].slice.value.evaluated_value
    if isinstance(column, cst.Attribute) and expr_key(column.value) == frame:
        return frame, column.attr.value
    return None


def _blocks_alike(node, flow: "_Bindings") -> bool:
    """`outputs.append(frame[frame.day == cur][out_cols].values)` beside `inputs.append(frame[frame.day
    == prev][in_cols].values)`: targets appended as blocks of rows a column's value selects, as the
    inputs are — each sample a run of rows, the model's per-step output one per row (a single row
    looked up per sample, `ages.append(df[df.id == i]["age"].values)` beside images, is not this)."""
    block = _row_block(node)
    if block is None:
        return False
    return any(kind == "append" and value is not node and _row_block(value) == block
               for values in flow.bound.values() for kind, value in values)


def _one_per_window(node, flow: "_Bindings") -> bool:
    """`ys.append([a[i + w], b[i + w]])` beside `xs.append([a[i:i + w], b[i:i + w]])`: several series
    stacked as the steps of each input sample, and one target per series — one per step."""
    if not isinstance(node, (cst.List, cst.Tuple)) or len(node.elements) < 2 \
            or any(isinstance(e, cst.StarredElement) or _window(e.value) for e in node.elements):
        return False
    size = len(node.elements)
    return any(kind == "append" and isinstance(value, (cst.List, cst.Tuple)) and len(value.elements) == size
               and all(not isinstance(e, cst.StarredElement) and _window(e.value) for e in value.elements)
               for values in flow.bound.values() for kind, value in values)


def _window(node) -> bool:
    """`series[i:i + n]`, `data[i + 1:i + n + 1, 0]`: a run of steps cut per sample."""
    return isinstance(node, cst.Subscript) and bool(node.slice) \
        and isinstance(node.slice[0].slice, cst.Slice) \
        and node.slice[0].slice.lower is not None and node.slice[0].slice.upper is not None


def _reshape_rank(call: cst.Call) -> int:
    """How many axes `y.reshape(n, t, 1)`, `y.reshape((n, t, 1))`, `np.reshape(y, (n, t, 1))` give."""
    return len(_reshape_dims(call))


def _reshape_dims(call: cst.Call) -> list:
    """The expressions of the dimensions a reshape call gives (see `_reshape_rank`)."""
    args = [a for a in call.args if not a.star and (a.keyword is None or a.keyword.value in ("newshape", "shape"))]
    func = call.func
    if isinstance(func, cst.Name) or (isinstance(func, cst.Attribute)
                                      and _dotted_root(func.value) in ("np", "numpy", "tf", "tensorflow", "ops", "K")):
        args = args[1:]  # reshape(y, shape)
    if len(args) == 1 and isinstance(args[0].value, (cst.Tuple, cst.List)):
        return [e.value for e in args[0].value.elements]
    return [a.value for a in args]


def _steps_per_sample(node, steps: Optional[tuple], flow: "_Bindings", one_unit: bool = False) -> bool:
    """`y.reshape(-1, T)` where each sample of the model's input is `(T, features)` (`steps`: the
    expression of T and its value): one target per step of each sample (Keras brings `(n, T)`
    targets and `(n, T, 1)` predictions to one rank). T is the same expression, or the same int
    (`STEPS = 80` here, `Input(shape=(steps, n))` in the builder it is passed to), or the input
    array's `x.shape[1]` where `x` is a reshape giving T. Under a one-unit head (`one_unit`) any
    written second axis but 1 (or -1, which may be 1) is T: `(n, B)` targets against `(n, T, 1)`
    predictions fail in the loss unless B is T (a ValueError when the shapes are compared)."""
    if steps is None or not isinstance(node, cst.Call) or _call_name(node) != "reshape":
        return False
    dims = _reshape_dims(node)
    if len(dims) != 2:
        return False
    expr, value = steps
    if _code(dims[1]) == _code(expr) or any(_code(dims[1]) == _code(t) for t in _shape_axis(expr, flow)):
        return True
    if one_unit and _not_one(dims[1], flow):
        return True
    if not (isinstance(value, Lit) and type(value.value) is int and value.value > 1):
        return False
    dim = dims[1]
    if isinstance(dim, cst.Name):
        bound = flow.values(dim.value)
        dim = bound[0][1] if len(bound) == 1 and bound[0][0] == "value" else None
    return isinstance(dim, cst.Integer) and dim.evaluated_value == value.value


def _not_one(dim, flow: "_Bindings") -> bool:
    """A reshape's axis written as something other than 1 or -1 (a name bound to either counts as
    it): `record_length`, `T`, `80`."""
    if isinstance(dim, cst.Name):
        bound = flow.values(dim.value)
        if len(bound) == 1 and bound[0][0] == "value":
            dim = bound[0][1]
    if isinstance(dim, cst.UnaryOperation) and isinstance(dim.operator, cst.Minus) \
            and isinstance(dim.expression, cst.Integer):
        return False  # -1: whatever is left, which may be 1
    if isinstance(dim, cst.Integer):
        return dim.evaluated_value > 1
    return isinstance(dim, (cst.Name, cst.Attribute, cst.Subscript, cst.Call, cst.BinaryOperation))


def _shape_axis(expr, flow: "_Bindings") -> list:
    """`x.shape[1]` where the file binds `x` to one reshape (`x = table.reshape(n, T, 4)`): that
    reshape's expression of axis 1 (`T`); [] otherwise."""
    if not (isinstance(expr, cst.Subscript) and len(expr.slice) == 1 and isinstance(expr.slice[0].slice, cst.Index)
            and isinstance(expr.slice[0].slice.value, cst.Integer) and isinstance(expr.value, cst.Attribute)
            and expr.value.attr.value == "shape" and isinstance(expr.value.value, cst.Name)):
        return []
    bound = flow.values(expr.value.value.value)
    if len(bound) != 1 or bound[0][0] != "value" or not isinstance(bound[0][1], cst.Call):
        return []
    call, axis = bound[0][1], expr.slice[0].slice.value.evaluated_value
    if _call_name(call) != "reshape":
        return []
    dims = _reshape_dims(call)
    return [dims[axis]] if 0 < axis < len(dims) else []


def _none_axis(node) -> bool:
    return (isinstance(node, cst.Name) and node.value == "None") or \
        (isinstance(node, cst.Attribute) and node.attr.value == "newaxis")


def _dotted_root(node) -> Optional[str]:
    while isinstance(node, cst.Attribute):
        node = node.value
    return node.value if isinstance(node, cst.Name) else None
