from __future__ import annotations

from regr_lint.lazy import cst

from regr_lint.knowledge import tables
from regr_lint.model.importers import written_by_caller
from regr_lint.model.model import layer_activation, layer_units, units_written, written_activation, written_layer_activation
from regr_lint.model.values import Seq, Tensor
from regr_lint.rule import Edit, Fix, Rule


def sigmoid_fix(node) -> Fix | None:
    """`activation="softmax"` -> `activation="sigmoid"`; `Activation("softmax")` likewise."""
    target = node.value if isinstance(node, cst.Arg) else (
        node.args[0].value if isinstance(node, cst.Call) and node.args else None)
    if target is None:
        return None
    return Fix(False, "use a sigmoid unit", (Edit(target, cst.SimpleString('"sigmoid"')),))


class SoftmaxOnOneUnit(Rule):
    code = "RL103"
    name = "softmax-on-one-unit"
    summary = "softmax over a single unit always outputs 1.0"
    severity = "error"  # the output is a constant: nothing is learned
    tokens = ("keras", "oftmax", "Dense")
    names = ("Dense", ("softmax", "Softmax"))
    docs = """\
## What it does
Finds `Dense(1, activation='softmax')`, or `Dense(1)` followed by `Activation('softmax')` (also with
a `BatchNormalization` / `LayerNormalization` between them), anywhere in a file (output head or
hidden layer); the unit count may be held in a constant (also the length of a list written out,
`len(TARGET_COLS)`). When the unit count is an argument (`Dense(
self.nb_classes, activation="softmax")`), the arm holding the softmax must be one the call's
arguments can run: `Net(nb_classes=1, regression=True)` with `if not self.regression:` around the
softmax is silent. A softmax written with its unit count (`Dense(1, activation="softmax")`) is reported
wherever it stands. A softmax whose unit count is a setting (`Dense(N_MIX, activation="softmax")`) and
whose output is joined with others into one tensor (`Concatenate()([mus, sigmas, weights])`: a mixture
density network's mixture weights; also in a helper returning the joined tensor that no model of the
file is built from) is not: with one component, its weight is 1.0, as it should be.
A builder whose head's units and activation are parameters is read per call, also when another
module defines it (`build_net(activation="linear", output_shape=2)` for one model, then
`build_net(activation="softmax", output_shape=1)` for another): the call making the one-unit softmax
is reported (at the caller's `"softmax"` when the builder is another module's — also when the builder
is called once, and where a config module writes the literal the caller hands on —, else at the head).

## Why is this bad?
Softmax normalises over the last axis. With one unit that axis has one element, so the output is the
constant 1.0 whatever the input: the gradient is zero, the loss never changes, and a binary
classifier built this way predicts the positive class for every sample.

## Example
```python
out = Dense(1, activation="softmax")(h)
```

## Use instead
For a binary classifier, a sigmoid unit:
```python
out = Dense(1, activation="sigmoid")(h)
```
or two units with softmax and a categorical loss; for a regression, no activation.

## Fix safety
Unsafe: the fix turns the activation into `"sigmoid"` — right for a binary classifier, but it
changes what the model computes (a regression wants no activation at all), so it is applied only
with `--unsafe-fixes`.
"""
    VALID = [
        # a mixture density head in a helper no model of this file is built from: its one-component
        # mixture weight joined with the means and scales
        """
from tensorflow.keras import layers
N_MIX = 1
def mdn_head(h):
    mus = layers.Dense(N_MIX, name="mus")(h)
    sigmas = layers.Dense(N_MIX, activation="softplus", name="sigmas")(h)
    weights = layers.Dense(N_MIX, activation="softmax", name="pis")(h)
    return layers.Concatenate()([mus, sigmas, weights])
""",
        # an attention's one score per time step, normalised over the time axis
        """\
import tensorflow as tf
class BahdanauAttention(tf.keras.Model):
    def __init__(self, units):
        super().__init__()
        self.W1 = tf.keras.layers.Dense(units)
        self.W2 = tf.keras.layers.Dense(units)
        self.V = tf.keras.layers.Dense(1)
    def call(self, query, values):
        score = self.V(tf.nn.tanh(self.W1(values) + self.W2(tf.expand_dims(query, 1))))
        attention_weights = tf.nn.softmax(score, axis=1)
        return tf.reduce_sum(attention_weights * values, axis=1), attention_weights
attention_layer = BahdanauAttention(10)
context, weights = attention_layer(tf.random.uniform((64, 32)), tf.random.uniform((64, 16, 32)))
""",
        # a builder called twice: a softmax over three classes, a linear regression head of one unit
        """\
from tensorflow import keras
def build(activation="linear", units=1):
    inputs = keras.Input((16,))
    hidden = keras.layers.Dense(32, activation="relu")(inputs)
    return keras.Model(inputs, keras.layers.Dense(units, activation=activation)(hidden))
kind = build(activation="softmax", units=3)
size = build(activation="linear", units=1)
kind.compile(optimizer="adam", loss="categorical_crossentropy")
size.compile(optimizer="adam", loss="mse")
""",
        # three classes counted from the list of their names
        """\
from tensorflow import keras
CLASSES = ["cat", "dog", "bird"]
m = keras.Sequential([keras.Input((8,)), keras.layers.Dense(len(CLASSES), activation="softmax")])
m.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])
""",
        # a normalization between two units and their softmax
        """
from tensorflow.keras.models import Sequential
from tensorflow.keras.layers import Activation, BatchNormalization, Dense, Flatten
model = Sequential([Flatten(input_shape=(32, 32, 3)), Dense(8, activation="relu"), Dense(2),
                    BatchNormalization(), Activation("softmax")])
model.compile(loss="categorical_crossentropy", optimizer="adam", metrics=["accuracy"])
""",
        """
import keras
out = keras.layers.Dense(1, activation="sigmoid")
probs = keras.layers.Dense(2, activation="softmax")
""",
        """
import keras
TEMPLATE = "Dense(1, activation='softmax')"
# keras.layers.Dense(1, activation="softmax")
""",
        """
import keras
N = 3
head = keras.layers.Dense(N, activation="softmax")
""",
        # a mixture density network with one component: its mixture weight is 1.0, joined with the
        # means and scales into the output a custom loss takes apart
        """
from tensorflow import keras
N_MIX = 1
def mdn_nll(y_true, params):
    return keras.ops.mean(params)
inp = keras.Input(shape=(8,))
h = keras.layers.Dense(32, activation="relu")(inp)
mus = keras.layers.Dense(N_MIX)(h)
sigmas = keras.layers.Dense(N_MIX, activation="softplus")(h)
weights = keras.layers.Dense(N_MIX, activation="softmax")(h)
net = keras.Model(inp, keras.layers.Concatenate()([mus, sigmas, weights]))
net.compile(optimizer="adam", loss=mdn_nll)
""",
        # the unit count a module constant picks: three classes
        """
from tensorflow import keras
N_CLASSES = 3
REGRESSION = False
units = 1 if REGRESSION else N_CLASSES
m = keras.Sequential([keras.Input((8,)), keras.layers.Dense(units, activation="softmax")])
m.compile(optimizer="adam", loss="categorical_crossentropy")
""",
    ]
    INVALID = [
        # a class constant computed from another one above it in the class body
        """
from keras import layers, models


class Settings:
    CLASSES = ["defect"]
    N_CLASSES = len(CLASSES)


net = models.Sequential([layers.Input((16,)), layers.Dense(Settings.N_CLASSES, activation="softmax")])  # expect: RL103
""",
        # a builder called twice: its second model's head is one unit under a softmax
        """\
from tensorflow import keras
def build(activation="linear", units=1):
    inputs = keras.Input((16,))
    hidden = keras.layers.Dense(32, activation="relu")(inputs)
    return keras.Model(inputs, keras.layers.Dense(units, activation=activation)(hidden))  # expect: RL103
steering = build(activation="linear", units=2)
gear = build(activation="softmax", units=1)
gear.compile(optimizer="adam", loss="binary_crossentropy")
""",
        # the unit count is the length of a list of target columns written out: one
        """\
from tensorflow import keras
TARGET_COLS = ["fraud"]
N_OUT = len(TARGET_COLS)
m = keras.Sequential([keras.Input((8,)), keras.layers.Dense(N_OUT, activation="softmax")])  # expect: RL103
m.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
""",
        # an arm the call rules out, written with its unit count: a mistake wherever it stands
        """
from keras.layers import Dense, Input
from keras.models import Sequential
def build(regression=False):
    model = Sequential([Input((8,)), Dense(16, activation="relu")])
    if regression:
        model.add(Dense(1))
    else:
        model.add(Dense(1, activation="softmax"))  # expect: RL103
    return model
build(regression=True)
""",
        # Keras 1's unit count
        """
from keras.models import Sequential
from keras.layers import Dense
clf = Sequential()
clf.add(Dense(8, input_dim=8, activation="relu"))
clf.add(Dense(output_dim=1, activation="softmax"))  # expect: RL504, RL103
clf.compile(loss="binary_crossentropy", optimizer="adam")
""",
        # a normalization between the unit and its softmax: still one unit
        """
from tensorflow.keras.models import Sequential
from tensorflow.keras.layers import Activation, BatchNormalization, Dense, Flatten
model = Sequential([Flatten(input_shape=(32, 32, 3)), Dense(64, activation="relu"), Dense(1),
                    BatchNormalization(), Activation("softmax")])  # expect: RL103
model.compile(loss="binary_crossentropy", optimizer="adam", metrics=["accuracy"])
""",
        """
from keras.layers import Dense, Input
from keras.models import Model
N_CLASSES = 1
inp = Input(shape=(10,))
out = Dense(N_CLASSES, activation="softmax")(inp)  # expect: RL103
model = Model(inp, out)
model.compile(loss="binary_crossentropy", optimizer="adam")
""",
        """
from keras.models import Sequential
from keras.layers import Dense, Activation
model = Sequential()
model.add(Dense(1))
model.add(Activation("softmax"))  # expect: RL103
model.compile(loss="mse", optimizer="adam")
""",
        """
import tensorflow as tf
weights = tf.keras.layers.Dense(units=1, activation=tf.nn.softmax)  # expect: RL103
""",
        # written with its unit count, joined or not
        """
from tensorflow import keras
inp = keras.Input(shape=(8,))
mus = keras.layers.Dense(1)(inp)
weights = keras.layers.Dense(1, activation="softmax")(inp)  # expect: RL103
net = keras.Model(inp, keras.layers.concatenate([mus, weights]))
""",
        # a setting of one unit as the model's own output: a constant head
        """
from tensorflow import keras
N_MIX = 1
inp = keras.Input(shape=(8,))
weights = keras.layers.Dense(N_MIX, activation="softmax")(inp)  # expect: RL103
net = keras.Model(inp, [keras.layers.Dense(1)(inp), weights])
""",
        # the unit count a module constant picks: one
        """
from tensorflow import keras
BINARY = True
units = 1 if BINARY else 4
m = keras.Sequential([keras.Input((8,)), keras.layers.Dense(units, activation="softmax")])  # expect: RL103
m.compile(optimizer="adam", loss="binary_crossentropy")
""",
    ]

    def check(self, facts):
        joined = None
        reported: set = set()
        for layer in facts.layers:
            if layer.kind != "Dense" or layer_units(layer) != 1:
                continue
            act, node = layer_activation(layer)
            if act == "softmax" and node is not None:
                if not units_written(layer.args):
                    joined = _joined_outputs(facts) if joined is None else joined
                    if id(layer.node) in joined or id(layer.node) in facts.joined_layers:
                        continue
                reported.add(id(node))
                written = written_layer_activation(layer, node)
                yield self.report(node, self._message(), sigmoid_fix(node), written=written,
                                  written_first=written_by_caller(layer, node, written, facts))
        # A builder called twice makes its layers twice (`build(activation="linear", units=2)`, then
        # `build(activation="softmax", units=1)`): the file's layers list each construction once, as
        # its first call made it; the heads of the models each call made are read too.
        for model in facts.models:
            if model.ruled_out:
                continue  # made only where a module constant says the code never runs
            for head in model.heads():
                layer = head.layer
                if layer is None or layer.kind != "Dense" or layer_units(layer) != 1:
                    continue
                # the Dense's own `activation=` (a softmax applied after it, `tf.nn.softmax(score,
                # axis=1)` over an attention's time steps, normalises another axis)
                act, node = layer_activation(layer)
                if act == "softmax" and node is not None and node is head.activation_node and id(node) not in reported:
                    reported.add(id(node))
                    written = written_activation(head)
                    yield self.report(node, self._message(), sigmoid_fix(node), written=written,
                                      written_first=written_by_caller(layer, node, written, facts))
        before = {id(layer.node): prev for layer, prev in facts.links}
        for layer, prev in facts.links:
            act, node = layer_activation(layer)
            if act != "softmax" or layer.kind == "Dense" or node is None:
                continue
            for _ in range(4):  # `Dense(1)`, `BatchNormalization()`, `Activation("softmax")`: still one unit
                if prev.kind not in tables.NORMALIZATION_LAYERS or id(prev.node) not in before:
                    break
                prev = before[id(prev.node)]
            if prev.kind == "Dense" and layer_units(prev) == 1 and layer_activation(prev)[0] == "linear":
                yield self.report(node, self._message(), sigmoid_fix(node))

    @staticmethod
    def _message() -> str:
        return ("softmax over a single unit always outputs 1.0; use 'sigmoid' for a binary output "
                "(or 2 units with softmax), no activation for a regression")


def _joined_outputs(facts) -> set:
    """id() of the construction nodes of the layers whose output is joined with other tensors into
    one (`Concatenate()([mus, sigmas, weights])`, `keras.ops.concatenate([...])`) in a model's
    graph: one part of a structured output, which a custom loss takes apart."""
    out: set = set()
    seen: set = set()
    stack = [t for model in facts.models for t in model.outputs]
    while stack:
        tensor = stack.pop()
        if not isinstance(tensor, Tensor) or id(tensor) in seen:
            continue
        seen.add(id(tensor))
        for inp in tensor.inputs:
            parts = inp.items if isinstance(inp, Seq) else [inp]
            if isinstance(inp, Seq) and len(parts) > 1:
                out.update(id(p.producer.node) for p in parts
                           if isinstance(p, Tensor) and p.producer is not None and getattr(p.producer, "node", None) is not None)
            stack.extend(p for p in parts if isinstance(p, Tensor))
    return out
