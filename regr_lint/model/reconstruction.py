"""Reconstruction models (autoencoders, denoisers): whose output is shaped like their input, and
training pairs whose input is a corrupted copy of their target (`fit(noisy(x), x)`)."""
from __future__ import annotations

import re
from typing import Optional

from regr_lint.lazy import cst

from regr_lint.model.dataflow import ancestors
from regr_lint.model.model import KerasFacts, KerasModel, int_value, producers
from regr_lint.model.records import expr_key, names_in
from regr_lint.model.values import UNKNOWN, ActivationFn, Layer, Lit, ModelRef, Seq, Tensor, Value

# Layers that keep the shape of what they are given.
_SHAPE_KEEPING = frozenset({
    "Dropout", "SpatialDropout1D", "SpatialDropout2D", "SpatialDropout3D", "AlphaDropout",
    "GaussianDropout", "GaussianNoise", "ActivityRegularization", "Activation", "Softmax", "ReLU",
    "LeakyReLU", "PReLU", "ELU", "ThresholdedReLU", "BatchNormalization", "LayerNormalization",
})
_CONV = re.compile(r"^(?:Conv|Convolution|SeparableConv|SeparableConvolution|Deconvolution)([123])D"
                   r"(?:Transpose)?$")
_RECURRENT = frozenset({"LSTM", "GRU", "SimpleRNN", "CuDNNLSTM", "CuDNNGRU"})
# numpy / tf / Keras draws, by their last name (`rng.normal`, `np.random.randn`, `random.gauss`)
_DRAWS = frozenset({"normal", "randn", "rand", "uniform", "binomial", "standard_normal", "poisson",
                    "gauss", "laplace", "random_normal", "random_uniform", "truncated_normal"})
_CORRUPT_WORDS = ("nois", "corrupt", "degrad", "distort", "blur", "dirty", "damag")


def input_shape(model: KerasModel) -> Optional[list]:
    """The model's (single) input shape without the batch axis, as ints or None per axis."""
    first = model.layers[0] if model.kind == "sequential" and model.layers else None
    if isinstance(first, Layer) and not first.args.has("input_shape") and first.kind not in ("InputLayer", "Embedding") \
            and int_value(first.args.get("input_dim")[0]) is not None:
        return [int_value(first.args.get("input_dim")[0])]
    return _ints(_written_shape(model))


def _written_shape(model: KerasModel) -> Value:
    """The value the model's (single) input shape is written as: an `Input`'s shape, the first
    layer's `input_shape=`, an `InputLayer`'s `shape=`; None when not written so."""
    if model.kind == "sequential" and model.layers:
        first = model.layers[0]
        if isinstance(first, Tensor):
            return first.shape
        if isinstance(first, Layer):
            if first.args.has("input_shape"):
                return first.args.get("input_shape")[0]
            if first.kind == "InputLayer":
                return first.args.get("shape")[0]
        return None
    if model.kind == "functional" and len(model.inputs) == 1 and isinstance(model.inputs[0], Tensor):
        given = model.inputs[0]
        scalar = _scalar_shape(given.node)
        if scalar is not None and not isinstance(given.shape, Seq):
            # `Input(width)`: tf.keras 2 took a bare number for a one-axis shape
            return Seq([given.shape if isinstance(given.shape, Lit) else UNKNOWN], None, [scalar])
        return given.shape
    return None


def _scalar_shape(node) -> Optional[cst.BaseExpression]:
    """The expression of an `Input(...)` call's shape when it is written as one number or a name
    for one (`Input(8)`, `Input(width)`, `Input(n_features)`) — not a name that may hold a whole
    shape (`Input(input_shape)`, `Input(img_size)`); None otherwise."""
    if type(node) is not cst.Call or not node.args:
        return None
    first = node.args[0]
    if first.keyword is not None and first.keyword.value != "shape" or first.star:
        return None
    value = first.value
    if type(value) is cst.Integer:
        return value
    if type(value) is cst.Name and not any(word in value.value.lower() for word in ("shape", "size", "dims")):
        return value
    return None


def _ints(shape: Value) -> Optional[list]:
    if isinstance(shape, Lit) and int_value(shape) is not None:
        return [shape.value]
    if isinstance(shape, Seq) and shape.items:
        return [int_value(v) if not (isinstance(v, Lit) and v.value is None) else None for v in shape.items]
    return None


def output_like_input(model: KerasModel) -> bool:
    """True when an output of the model is shaped like its input: it ends in a convolution with
    the input's channels (over the input's spatial axes), a Reshape to the input's shape, a Dense
    as wide as the flat input (of more than one value) or, TimeDistributed, as a sequence's features, or a
    recurrent layer returning sequences of the input's features."""
    shape = input_shape(model)
    if not shape:
        return False
    names = _input_names(model) if None in shape else None
    return any(_ends_like(chain, shape, 0, names) for chain in _output_chains(model))


def _input_names(model: KerasModel) -> Optional[list]:
    """The names the input shape is written with, per axis (`Input(shape=(m,))` in a builder of
    `m`): an output layer given the same name is as wide, whatever the caller passes."""
    value = _written_shape(model)
    if isinstance(value, Seq) and value.elts and len(value.elts) == len(value.items):
        # a name, or the expression itself (`X.shape[1]`): an output layer given the same is as wide
        return [e.value if type(e) is cst.Name else e if type(e) in (cst.Subscript, cst.Attribute) else None
                for e in value.elts]
    if isinstance(value, Lit) and type(value.node) is cst.Name:
        return [value.node.value]
    return None


def _named_like(layer: Layer, keyword: str, index: int, name) -> bool:
    """The layer's argument is written with the name `name` (an input axis's), or is the very
    expression the axis is written with (`X.shape[1]`)."""
    arg = layer.args.get(keyword, index)[1]
    if name is None or arg is None:
        return False
    value = arg.value
    if type(value) is cst.BinaryOperation and type(value.operator) in (cst.Subtract, cst.Add):
        # `R.shape[1] - side_cols`: the input's width less the side features appended to it (an
        # AutoRec decoder reconstructing the ratings part)
        value = value.left
    if isinstance(name, str):
        return type(value) is cst.Name and value.value == name
    return value.deep_equals(name)


def _output_chains(model: KerasModel) -> list:
    if model.kind == "sequential":
        return [list(reversed(model.layers))]
    return [producers(t) for t in model.outputs]


def _ends_like(chain: list, shape: list, depth: int = 0, names: Optional[list] = None) -> bool:
    last = names[-1] if names else None
    for item in chain:
        if isinstance(item, ActivationFn):
            continue
        if isinstance(item, ModelRef) and depth < 3:
            # `Model(inp, decoder(encoder(inp)))`: the output is what the inner model ends in
            return any(_ends_like(c, shape, depth + 1, names) for c in _output_chains(item.model))
        if not isinstance(item, Layer):
            return False
        if item.kind in _SHAPE_KEEPING:
            continue
        layer = item.wrapped if item.kind == "TimeDistributed" and item.wrapped is not None else item
        if layer.kind == "Reshape":
            return _ints(layer.args.get("target_shape", 0)[0]) == shape and None not in shape
        match = _CONV.match(layer.kind)
        if match:
            filters = int_value(layer.args.get("filters", 0)[0]) or int_value(layer.args.get("nb_filter")[0])
            return len(shape) == int(match.group(1)) + 1 and (
                filters is not None and filters == shape[-1] or _named_like(layer, "filters", 0, last))
        if layer.kind in _RECURRENT:
            # LSTM(features, return_sequences=True) closing a sequence autoencoder
            seqs = layer.args.get("return_sequences")[0]
            units = int_value(layer.args.get("units", 0)[0])
            return len(shape) == 2 and isinstance(seqs, Lit) and seqs.value is True \
                and units is not None and units == shape[-1]
        if layer.kind == "Dense":
            units = int_value(layer.args.get("units", 0)[0]) or int_value(layer.args.get("output_dim", 0)[0])
            if units is None:
                # `Dense(m)` closing `Input(shape=(m,))`: as wide, whatever `m` is
                steps = 2 if item.kind == "TimeDistributed" else 1
                return len(shape) == steps and _named_like(layer, "units", 0, last)
            flat = 1
            for dim in shape:
                flat = flat * dim if dim is not None and flat is not None else None
            if item.kind == "TimeDistributed":  # per step, on a (steps, features) input
                return len(shape) == 2 and units == shape[-1]
            # as wide as the flat input; one unit on one feature is a regression, not a decoder
            return flat is not None and flat > 1 and units == flat
        return False
    return False


def corrupted_pair(facts: KerasFacts, x_node, y_node) -> bool:
    """True when the input `x_node` is a corrupted copy of the target `y_node`: computed from it
    with random noise added or multiplied in (directly, through names, or through a function of
    the file), through a helper named for noise (`add_noise(x)`), or named so (`x_noisy` beside
    `x`)."""
    kx, ky = expr_key(x_node), expr_key(y_node)
    if x_node is None or ky is None or kx == ky:
        return False
    if isinstance(x_node, cst.Name) and isinstance(y_node, cst.Name):
        # `x_train_noisy` / `noisy_x_train` beside `x_train`
        tokens = x_node.value.split("_")
        kept = [t for t in tokens if not any(w in t.lower() for w in _CORRUPT_WORDS)]
        if len(kept) < len(tokens) and "_".join(kept) == y_node.value:
            return True
    y_names = names_in(y_node)
    x_names = names_in(x_node)
    if not y_names or not y_names <= ancestors(facts, x_names):
        return False
    upstream = ancestors(facts, x_names) - ancestors(facts, y_names)
    parts = [x_node] + [part for targets, part in _bindings(facts) if targets & upstream]
    random_names = _random_names(facts) - ancestors(facts, y_names)
    functions = _functions(facts)
    for part in parts:
        if _corrupts(part, random_names, functions, facts):
            return True
    return False


def _bindings(facts: KerasFacts) -> list:
    cached = facts._cache.get("reconstruction.bindings")
    if cached is None:
        cached = []
        for targets, value in facts.assignments:
            names = set()
            for t in targets if not isinstance(value, cst.AugAssign) else [value.target]:
                names |= names_in(t) if not isinstance(t, cst.Name) else {t.value}
            part = value.value if isinstance(value, cst.AugAssign) else value
            cached.append((names, part))
        facts._cache["reconstruction.bindings"] = cached
    return cached


def _call_last(call: cst.Call) -> str:
    func = call.func
    if isinstance(func, cst.Attribute):
        return func.attr.value
    return func.value if isinstance(func, cst.Name) else ""


def _is_draw(call: cst.Call) -> bool:
    func, parts = call.func, []
    while isinstance(func, cst.Attribute):
        parts.append(func.attr.value)
        func = func.value
    if isinstance(func, cst.Name):
        parts.append(func.value)
    return bool(parts) and (parts[0] in _DRAWS or "random" in parts[1:] or "noise" in parts[0].lower())


def _calls(node: cst.CSTNode):
    stack = [node]
    while stack:
        cur = stack.pop()
        if isinstance(cur, cst.Call):
            yield cur
        if isinstance(cur, (cst.SimpleString, cst.FormattedString)):
            continue
        stack.extend(cur.children)


def _random_names(facts: KerasFacts) -> set:
    cached = facts._cache.get("reconstruction.random")
    if cached is None:
        cached = set()
        for names, part in _bindings(facts):
            if any(_is_draw(c) for c in _calls(part)):
                cached |= names
        facts._cache["reconstruction.random"] = cached
    return cached


def _functions(facts: KerasFacts) -> dict:
    cached = facts._cache.get("reconstruction.functions")
    if cached is None:
        cached = {}
        stack = list(facts.module.body)
        while stack:
            node = stack.pop()
            if isinstance(node, cst.FunctionDef):
                cached.setdefault(node.name.value, []).append(node)
            if isinstance(node, (cst.SimpleStatementLine, cst.BaseExpression)):
                continue
            stack.extend(node.children)
        facts._cache["reconstruction.functions"] = cached
    return cached


def _noisy_binop(node: cst.CSTNode, random_names: set) -> bool:
    """`x + f * np.random.normal(…)`, `x * mask` with a random mask: an operand holds a draw."""
    stack = [node]
    while stack:
        cur = stack.pop()
        if isinstance(cur, (cst.SimpleString, cst.FormattedString)):
            continue
        if isinstance(cur, cst.BinaryOperation) and isinstance(cur.operator, (cst.Add, cst.Subtract, cst.Multiply)):
            for side in (cur.left, cur.right):
                if any(_is_draw(c) for c in _calls(side)) or names_in(side) & random_names:
                    return True
        stack.extend(cur.children)
    return False


def _corrupts(part: cst.CSTNode, random_names: set, functions: dict, facts: KerasFacts) -> bool:
    if _noisy_binop(part, random_names):
        return True
    for call in _calls(part):
        name = _call_last(call)
        if any(w in name.lower() for w in _CORRUPT_WORDS):
            return True
        for fdef in functions.get(name, ()):
            if _noisy_binop(fdef.body, random_names):
                return True
    return False


def trains_on_corrupted_pairs(facts: KerasFacts, model) -> bool:
    """True when `model` is trained, validated or evaluated on (corrupted x, x): a denoiser. Per model:
    another model of the file fitted (x, x) is judged on its own."""
    return any(corrupted_pair(facts, x_node, y_node) for t in model.trainings
               for x_node, y_node in [(t.x_node, t.y_node)] + list(t.validation))
