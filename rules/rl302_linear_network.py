from __future__ import annotations

import re
from typing import Optional

from regr_lint.lazy import cst

from regr_lint.knowledge import tables
from regr_lint.model.dataflow import ancestors, bound_names
from regr_lint.model.importers import fitted_by_importers
from regr_lint.model.model import layer_activation
from regr_lint.model.names import dotted_name
from regr_lint.model.reconstruction import output_like_input
from regr_lint.model.records import expr_key
from regr_lint.model.trees import project_module
from regr_lint.model.values import ActivationFn, Layer, ModelRef, Seq, Tensor
from regr_lint.rule import Rule

# Layers that neither count as a nonlinearity nor stop the rule: affine at inference (batch
# normalisation, normalisation, rescaling), noise and dropout, and shape changes.
LINEAR_TRANSPARENT = tables.TRANSPARENT_LAYERS | frozenset({
    "BatchNormalization", "Normalization", "Rescaling", "InputLayer",
})
# Activation layers: allowed after the head (a trailing `Activation("softmax")`), never before it.
ACTIVATION_KINDS = frozenset({"Activation", "ReLU", "LeakyReLU", "PReLU", "ELU", "Softmax",
                              "ThresholdedReLU"})
# A model so named is meant to be linear (a baseline, a linear autoencoder / PCA).
_LINEAR_INTENT = ("linear", "pca", "logistic", "logreg", "linreg")


class LinearNetwork(Rule):
    code = "RL302"
    name = "linear-network"
    summary = "Hidden Dense layers without an activation: the network collapses into one linear map"
    severity = "warning"  # it trains, and a linear model may be what is meant
    tokens = ("keras", "Dense")
    names = ("Dense",)
    docs = """\
## What it does
Finds a Sequential model (a list, or `.add()` calls) or a functional chain of layers in which every
hidden `Dense` — each `Dense` before the final one, at least one of them — has no activation (or
`activation=None` / `"linear"`), and nothing nonlinear sits anywhere before the head. It reports once
per model, at the first hidden `Dense`.

Only layers it knows are linear may sit between the input and the head: `Dense` without an
activation, `Dropout` and the other dropout / noise layers, `BatchNormalization`, `Normalization`,
`Rescaling`, `Flatten`, `Reshape`, `Input` / `InputLayer`. Anything else keeps it silent: an activation
layer (`Activation`, `ReLU`, `LeakyReLU`, `PReLU`, `ELU`, `Softmax`) before the head, a hidden
`activation=` other than linear (or one it cannot resolve, such as a function parameter), a
convolution, recurrent or attention layer, `Embedding`, `Lambda`, a custom layer, a nested model,
a merge, or any `keras.ops` / TensorFlow op between layers. What the head does after the last `Dense`
(sigmoid, softmax, a trailing `Activation`) does not matter. Also silent: a model used as a part of
another model (the outer model may add the nonlinearity: a layer of it, called on its tensors, or
held by a subclassed `keras.Model` or a custom `Layer` as `self.inner`, in this module or another; also a builder's model a script importing it uses so), a model trained with its input as target
or whose output is as wide as its input, of more than one value (a linear autoencoder is PCA, on purpose — and so is the encoder cut from it, `Model(x, z)`; one value in and one out is a regression;
so is a square model every `fit` of which pairs inputs and targets of separate origins, two arrays
of the file's own neither computed from the other nor from a common source), and a model whose
variable, `name=` or builder function says it is meant to be linear (`linear_model`, `build_pca`,
`logistic`; also a builder in another module, and the name a script gives what a builder returns,
`linear_model = build(n)`), and a model the file's top level builds only to show it (`net.summary()`,
`plot_model(net)`, nothing else done with it: a walkthrough of shapes, never compiled, trained or
handed anywhere), and a model built only in the arm of an `if` a module constant rules out (`SMALL =
False`, then `if SMALL == True:`: that code never runs). Test modules of a test suite (`*_test.py` / `test_*.py` holding pytest or unittest
tests, also `def test_…` functions that assert with no import of pytest) are skipped: their models are
small fixtures that exercise an API.

## Why is this bad?
A composition of affine maps is one affine map: `W2 (W1 x + b1) + b2 = W x + b`. Without an
activation between them, any number of hidden `Dense` layers add parameters and training time but
no capacity: the network can fit nothing a single `Dense` (linear or logistic regression) cannot.
Training runs without an error and the loss falls, but it stops at the linear model's error.

Severity: warning. The program trains without complaint, and several linear layers may be meant
(a factorised linear model) in ways the rule cannot always see.

## Example
```python
model = Sequential()
model.add(Dense(64, input_dim=8))
model.add(Dense(64))
model.add(Dense(1))
model.compile(optimizer="adam", loss="mse")
```

## Use instead
Give the hidden layers a nonlinear activation:
```python
model = Sequential()
model.add(Dense(64, input_dim=8, activation="relu"))
model.add(Dense(64, activation="relu"))
model.add(Dense(1))
model.compile(optimizer="adam", loss="mse")
```
If a linear model is meant, use a single `Dense` layer.

## Fix safety
No fix is offered: which activation fits (relu, tanh, gelu …) is the author's choice, and it changes
the model.
"""
    VALID = [
        # a linear autoencoder (its input shape written as a bare number) and the encoder cut from it
        """
from tensorflow.keras.layers import Dense, Input
from tensorflow.keras.models import Model

def make_autoencoder(width, code):
    x = Input(width)
    z = Dense(code)(Dense(24)(x))
    y = Dense(width)(Dense(24)(z))
    return Model(x, y), Model(x, z)

def embed(table, code=3):
    ae, enc = make_autoencoder(len(table.columns), code)
    ae.compile(optimizer="adam", loss="mse")
    z = (table - table.mean()) / table.std()
    ae.fit(z, z, epochs=5)
    return enc.predict(z)
""",
        # the variant without activations lies in the arm a module constant rules out: never built
        """
import numpy as np
from keras.layers import Dense, Input
from keras.models import Model

SMALL = False
x, y = np.random.rand(256, 64), np.random.rand(256)
if SMALL == True:
    inp = Input(shape=(64,))
    out = Dense(1)(Dense(16)(Dense(16)(inp)))
    net = Model(inp, out)
else:
    inp = Input(shape=(64,))
    out = Dense(1)(Dense(16, activation="relu")(Dense(16, activation="relu")(inp)))
    net = Model(inp, out)
net.compile(optimizer="adam", loss="mse")
net.fit(x, y, epochs=2)
""",
        # built only to print its summary: a walkthrough of shapes, never compiled, trained or used
        """\
import numpy as np
from tensorflow.keras.layers import Dense
from tensorflow.keras.models import Sequential

feats = np.array([range(50), range(100, 150), range(7, 57)]).T
net = Sequential()
net.add(Dense(6, input_dim=3))
net.add(Dense(4))
net.add(Dense(2))
net.summary()
""",
        # the hidden activation drawn from a search space, set to None only for "identity" in an `if`
        # the call's settings do not take: the layer is not known to be linear
        """
import numpy as np
from tensorflow import keras


def objective(cfg):
    if cfg["act"] == "identity":
        cfg["act"] = None
    net = keras.Sequential()
    net.add(keras.layers.Dense(cfg["units"], activation=cfg["act"], input_shape=(4,)))
    net.add(keras.layers.Dense(1))
    net.compile(loss="mse", optimizer="adam")
    x = np.random.uniform(-3, 3, size=(256, 4))
    return net.fit(x, -(x ** 2).sum(axis=1), epochs=5, verbose=0).history["loss"][-1]


if __name__ == "__main__":
    print(objective({"units": 16, "act": "relu"}))
""",
        # as wide out as in, trained on the next rows of the same frame: a linear model of the data
        # reproducing (a step of) it, PCA-like
        """
import pandas as pd
from keras.layers import Dense
from keras.models import Sequential
frame = pd.read_csv("sensors.csv")
now = frame[["a", "b", "c"]].values[:-1]
later = frame[["a", "b", "c"]].values[1:]
net = Sequential([Dense(16, input_dim=3), Dense(16), Dense(3)])
net.compile(loss="mse", optimizer="adam")
net.fit(now, later, epochs=10)
""",
        # a functional model held by a subclassed model, run in its `call` (a part of that model)
        """
from keras import layers, Model
class Wrapper(Model):
    def __init__(self):
        super().__init__()
        inp = layers.Input(shape=(64,))
        out = layers.Dense(1)(layers.Dense(8)(inp))
        self.inner = Model(inputs=inp, outputs=out)
    def call(self, inputs):
        return self.inner(inputs)
""",
        # an autoencoder whose widths are one parameter (AutoRec: sadelcarpio/recommender-systems@15b3bd95a84f)
        """
from keras import layers, Model
def build(m, k):
    inp = layers.Input(shape=(m,))
    hidden = layers.Dense(units=k)(inp)
    return Model(inputs=inp, outputs=layers.Dense(m)(hidden))
class AutoRec(Model):
    def __init__(self, m, k):
        super().__init__()
        self.inp = layers.Input(shape=(m,))
        self.hidden = layers.Dense(units=k)(self.inp)
        self.out = layers.Dense(m, activation="relu")(self.hidden)
        self.model = Model(inputs=self.inp, outputs=self.out)
    def call(self, inputs):
        return self.model(inputs)
""",
        # comprehensions of hidden layers with an activation, or one that comes from the loop
        """
import keras
from keras.layers import Dense
stack = keras.Sequential([keras.Input(shape=(8,))] + [Dense(64, activation="relu") for _ in range(3)] + [Dense(1)])
hidden = [Dense(n, activation=a) for n, a in zip((128, 64), ("relu", "tanh"))]
deep = keras.Sequential([keras.Input(shape=(8,)), *hidden, Dense(1)])
""",
        # hidden layers with relu; a linear head is what a regression wants
        """
from keras.models import Sequential
from keras.layers import Dense
model = Sequential()
model.add(Dense(64, input_dim=8, activation="relu"))
model.add(Dense(64, activation="relu"))
model.add(Dense(1))
model.compile(optimizer="adam", loss="mse")
""",
        # one hidden layer nonlinear is enough: the stack no longer collapses
        """
import keras
model = keras.Sequential([
    keras.Input(shape=(8,)),
    keras.layers.Dense(64),
    keras.layers.Dense(32, activation="tanh"),
    keras.layers.Dense(1),
])
""",
        # separate activation layers between linear Dense layers
        """
from tensorflow.keras import Sequential
from tensorflow.keras.layers import Dense, Activation, LeakyReLU, PReLU, ReLU, ELU, BatchNormalization
a = Sequential([Dense(64, input_shape=(8,)), Activation("relu"), Dense(1)])
b = Sequential([Dense(64, input_shape=(8,)), BatchNormalization(), LeakyReLU(0.1), Dense(1)])
c = Sequential([Dense(64, input_shape=(8,)), PReLU(), Dense(1)])
d = Sequential([Dense(64, input_shape=(8,)), ReLU(), Dense(32), ELU(), Dense(1)])
""",
        # a single Dense: linear / logistic regression, no hidden layer
        """
import tensorflow as tf
normalizer = tf.keras.layers.Normalization(axis=-1)
model = tf.keras.Sequential([normalizer, tf.keras.layers.Dense(1)])
clf = tf.keras.Sequential([tf.keras.layers.Dense(1, activation="sigmoid", input_shape=(4,))])
model.compile(optimizer="adam", loss="mse")
""",
        # a nonlinearity the rule cannot see through: Lambda, custom layer, Conv, RNN, Embedding
        """
import keras
from keras import layers, ops

class Scale(layers.Layer):
    def call(self, x):
        return x * 2.0

a = keras.Sequential([layers.Dense(64, input_shape=(8,)), layers.Lambda(lambda t: t ** 2), layers.Dense(1)])
b = keras.Sequential([layers.Dense(64, input_shape=(8,)), Scale(), layers.Dense(1)])
c = keras.Sequential([layers.Conv1D(16, 3, input_shape=(20, 1)), layers.Flatten(), layers.Dense(8), layers.Dense(1)])
d = keras.Sequential([layers.Embedding(1000, 16), layers.Flatten(), layers.Dense(16), layers.Dense(1)])
e = keras.Sequential([layers.LSTM(32, input_shape=(10, 3)), layers.Dense(16), layers.Dense(1)])
""",
        # functional: an op between the layers, a tf.nn activation, an attention block
        """
import tensorflow as tf
from tensorflow import keras
inp = keras.Input(shape=(8,))
h = keras.layers.Dense(64)(inp)
h = tf.nn.relu(h)
out = keras.layers.Dense(1)(h)
m1 = keras.Model(inp, out)
g = keras.layers.Dense(64)(inp)
g = keras.ops.square(g)
m2 = keras.Model(inp, keras.layers.Dense(1)(g))
seq = keras.Input(shape=(10, 8))
att = keras.layers.MultiHeadAttention(2, 8)(seq, seq)
flat = keras.layers.Flatten()(att)
m3 = keras.Model(seq, keras.layers.Dense(1)(keras.layers.Dense(16)(flat)))
""",
        # the activation comes from a parameter: unknown, silent
        """
from keras.models import Sequential
from keras.layers import Dense
def build(act):
    model = Sequential()
    model.add(Dense(64, input_dim=8, activation=act))
    model.add(Dense(1))
    return model
""",
        # a linear autoencoder (PCA) trained to reproduce its input, and a model named linear
        """
from keras.models import Sequential
from keras.layers import Dense
ae = Sequential([Dense(2, input_shape=(10,)), Dense(10)])
ae.compile(optimizer="adam", loss="mse")
ae.fit(X, X, epochs=50)
bottleneck = Sequential([Dense(3, input_shape=(20,)), Dense(20)])
bottleneck.compile(optimizer="adam", loss="mse")
linear_model = Sequential([Dense(16, input_shape=(10,)), Dense(1)])
linear_model.compile(optimizer="adam", loss="mse")
""",
        # a linear Sequential used as a block of a larger model, and a pretrained base
        """
import keras
from keras import layers
proj = keras.Sequential([layers.Dense(64), layers.Dense(32)])
inp = keras.Input(shape=(16,))
out = layers.Dense(1)(layers.Activation("relu")(proj(inp)))
model = keras.Model(inp, out)
base = keras.applications.MobileNetV2(include_top=False, pooling="avg")
x = layers.Dense(128)(base.output)
head = keras.Model(base.input, layers.Dense(10, activation="softmax")(x))
""",
        # a merge of two branches: not followed, silent
        """
import keras
from keras import layers
a = keras.Input(shape=(4,))
b = keras.Input(shape=(4,))
h = layers.Concatenate()([layers.Dense(8)(a), layers.Dense(8)(b)])
out = layers.Dense(1)(layers.Dense(8)(h))
model = keras.Model([a, b], out)
""",
        # the builder is called with "relu"; an activation layer added under a condition
        """
from keras.models import Sequential
from keras.layers import Dense, Activation
def build(act=None):
    model = Sequential()
    model.add(Dense(64, input_dim=8, activation=act))
    model.add(Dense(1))
    return model
model = build("relu")
other = Sequential()
other.add(Dense(64, input_dim=8))
if use_relu:
    other.add(Activation("relu"))
other.add(Dense(1))
""",
    ]
    INVALID = [
        # the same shape regressing one value: not an autoencoder, and its feature extractor neither
        """
from tensorflow.keras.layers import Dense, Input
from tensorflow.keras.models import Model

def make_regressor(width):
    x = Input(width)
    h = Dense(24)(x)  # expect: RL302
    y = Dense(1)(Dense(24)(h))
    return Model(x, y), Model(x, h)

def fit(table, target):
    net, features = make_regressor(len(table.columns))
    net.compile(optimizer="adam", loss="mse")
    net.fit(table, target, epochs=5)
    return features.predict(table)
""",
        # the constant picks the arm without activations
        """
import numpy as np
from keras.layers import Dense, Input
from keras.models import Model

SMALL = True
x, y = np.random.rand(256, 64), np.random.rand(256)
if SMALL == True:
    inp = Input(shape=(64,))
    out = Dense(1)(Dense(16)(Dense(16)(inp)))  # expect: RL302
    net = Model(inp, out)
else:
    inp = Input(shape=(64,))
    out = Dense(1)(Dense(16, activation="relu")(Dense(16, activation="relu")(inp)))
    net = Model(inp, out)
net.compile(optimizer="adam", loss="mse")
net.fit(x, y, epochs=2)
""",
        # a Sequential subclass adding linear layers to itself
        """\
from keras.layers import Dense
from keras.models import Sequential


class Surrogate(Sequential):
    def __init__(self, n_in):
        super().__init__()
        self.add(Dense(32, input_dim=n_in))  # expect: RL302
        self.add(Dense(32))
        self.add(Dense(1))
        self.compile(loss="mse", optimizer="adam")
""",
        # shown, then handed to a training helper of another library
        """\
import numpy as np
from tensorflow.keras.layers import Dense
from tensorflow.keras.models import Sequential

from lab_utils import train_and_report

net = Sequential()
net.add(Dense(6, input_dim=3))  # expect: RL302
net.add(Dense(4))
net.add(Dense(2))
net.summary()
train_and_report(net, np.random.rand(10, 3), np.random.rand(10, 2))
""",
        # as wide out as in, but fitted on targets of their own: a regression, not an autoencoder
        """
import numpy as np
from keras.layers import Dense
from keras.models import Sequential
feats = np.array([range(10), range(21, 31), range(201, 211)]).T
outs = np.array([range(1, 11), range(10, 0, -1), range(9, -1, -1)]).T
net = Sequential()
net.add(Dense(16, input_dim=3))  # expect: RL302
net.add(Dense(16))
net.add(Dense(3))
net.compile(loss="mse", optimizer="adam")
net.fit(feats, outs, epochs=100, batch_size=1)
""",
        # the look-alike: held by a plain class, which only trains it
        """
from keras import layers, Model
class Trainer:
    def __init__(self):
        inp = layers.Input(shape=(64,))
        out = layers.Dense(1)(layers.Dense(8)(inp))  # expect: RL302
        self.inner = Model(inputs=inp, outputs=out)
""",
        # the look-alike: the output's width is another parameter than the input's
        """
from keras import layers, Model
def build(m, k, n):
    inp = layers.Input(shape=(m,))
    hidden = layers.Dense(units=k)(inp)  # expect: RL302
    return Model(inputs=inp, outputs=layers.Dense(n)(hidden))
""",
        # hidden layers made by a list comprehension, concatenated or unpacked into the Sequential
        """
import keras
from keras.layers import Dense
stack = keras.Sequential([keras.Input(shape=(8,))] + [Dense(64) for _ in range(3)] + [Dense(1)])  # expect: RL302
hidden = [Dense(n) for n in (128, 64)]  # expect: RL302
deep = keras.Sequential([keras.Input(shape=(8,)), *hidden, Dense(1)])
""",
        # .add chain, softmax head: the hidden layers collapse into logistic regression
        """
from keras.models import Sequential
from keras.layers import Dense
model = Sequential()
model.add(Dense(128, input_dim=784))  # expect: RL302
model.add(Dense(64))
model.add(Dense(10, activation="softmax"))
model.compile(loss="categorical_crossentropy", optimizer="sgd", metrics=["accuracy"])
""",
        # a list with explicit linear activations, Dropout in between
        """
from tensorflow import keras
model = keras.Sequential([
    keras.layers.Dense(64, activation="linear", input_shape=(13,)),  # expect: RL302
    keras.layers.Dropout(0.2),
    keras.layers.Dense(32, activation=None),
    keras.layers.Dense(1),
])
model.compile(optimizer="adam", loss="mse")
""",
        # functional chain with BatchNormalization and Dropout
        """
import tensorflow as tf
from tensorflow.keras import layers
inputs = tf.keras.Input(shape=(8,))
h = layers.Dense(256)(inputs)  # expect: RL302
h = layers.BatchNormalization()(h)
h = layers.Dropout(0.2)(h)
h = layers.Dense(128)(h)
outputs = layers.Dense(1)(h)
model = tf.keras.Model(inputs, outputs)
model.compile(optimizer="adam", loss="mae")
""",
        # Normalization / Rescaling / Flatten in front, a trailing Activation as the head
        """
import keras
from keras import layers
norm = layers.Normalization()
model = keras.Sequential()
model.add(keras.Input(shape=(28, 28)))
model.add(layers.Rescaling(1.0 / 255))
model.add(layers.Flatten())
model.add(layers.Dense(100))  # expect: RL302
model.add(layers.Dense(10))
model.add(layers.Activation("softmax"))
model.compile(loss="sparse_categorical_crossentropy", optimizer="adam")
""",
        # hidden layers added in a loop: reported at the Dense in the loop
        """
from keras.models import Sequential
from keras.layers import Dense, InputLayer
model = Sequential()
model.add(InputLayer(input_shape=(20,)))
for units in [128, 64, 32]:
    model.add(Dense(units))  # expect: RL302
model.add(Dense(1, activation="sigmoid"))
model.compile(loss="binary_crossentropy", optimizer="adam")
""",
        # layers bound to variables before .add(), a model held by an object
        """
import tensorflow as tf
from keras.models import Sequential
from keras.layers import Dense
model = Sequential()
layer1 = Dense(30, input_shape=(784,))  # expect: RL302
model.add(layer1)
layer2 = Dense(10)
model.add(layer2)
model.compile(loss="mse", optimizer="sgd")

class Net:
    def __init__(self, n):
        self.model = tf.keras.Sequential()
        self.model.add(tf.keras.layers.Dense(64, input_shape=(n,)))  # expect: RL302
        self.model.add(tf.keras.layers.Dense(32))
        self.model.add(tf.keras.layers.Dense(1))
        self.model.compile(loss="mse", optimizer="adam")
""",
    ]

    def check(self, facts):
        if _unit_test_module(facts):
            return
        reported: set = set()
        nested = _nested_models(facts)
        halves = None
        for model in facts.models:
            if id(model) in nested or model.ruled_out:
                continue
            if model.kind == "functional":
                if halves is None:
                    halves = _autoencoder_layers(facts)
                if model.outputs and all(isinstance(t, Tensor) and t.producer is not None
                                         and id(t.producer) in halves.get(id(_chain_back(t)[0]), ()) for t in model.outputs):
                    continue  # the encoder (or decoder) cut from a linear autoencoder: PCA's projection, on purpose
            if model.kind == "sequential":
                chains = [_sequential_chain(model.layers)]
            elif model.kind == "functional":
                chains = [_functional_chain(t) for t in model.outputs]
            else:
                continue
            for hidden in chains:
                if not hidden or id(hidden[0].node) in reported:
                    continue
                if _autoencoder(model, facts) or _named_linear(model, facts) or _held_by_subclassed_model(model, facts) \
                        or _nested_by_importers(model, facts) or _only_shown(model, facts):
                    break
                reported.add(id(hidden[0].node))
                yield self.report(hidden[0].node, _message(len(hidden)))


def _unit_test_module(facts) -> bool:
    """A test suite's module (`*_test.py` / `test_*.py` with pytest / unittest test cases): its
    models are tiny fixtures that exercise an API, not networks meant to learn."""
    name = facts.path.replace("\\", "/").rpartition("/")[2]
    if not (name.startswith("test_") or name.endswith(("_test.py", "_tests.py")) or name == "conftest.py"):
        return False
    text = facts.text or ""
    if "def test" not in text:
        return False
    # pytest collects `def test_…` functions that assert, with no import of pytest needed
    return any(word in text for word in ("pytest", "unittest", "TestCase")) or bool(
        _PYTEST_FUNCTION.search(text) and _ASSERT.search(text))


_PYTEST_FUNCTION = re.compile(r"^def test_\w*\(", re.M)
_ASSERT = re.compile(r"^[ \t]+assert\b", re.M)


def _message(n: int) -> str:
    layers = "hidden Dense layer has" if n == 1 else f"{n} hidden Dense layers have"
    return (f"the {layers} no activation and nothing nonlinear sits before the head: the network "
            f"collapses into a single linear map (linear / logistic regression); give the hidden "
            f"layers an activation such as 'relu'")


def _linear_dense(layer: Layer) -> bool:
    act, _ = layer_activation(layer)
    return act == "linear"


def _hidden_of(chain: list) -> Optional[list]:
    """`chain` in input-to-output order. The hidden Dense layers (input first) when every one is
    linear and nothing else before the head is anything but a known linear layer; None otherwise."""
    heads = [i for i, item in enumerate(chain) if isinstance(item, Layer) and item.kind == "Dense"]
    if len(heads) < 2:
        return None
    head = heads[-1]
    for item in chain[head + 1:]:
        if isinstance(item, ActivationFn):
            continue
        if not isinstance(item, Layer) or not (item.kind in LINEAR_TRANSPARENT or item.kind in ACTIVATION_KINDS):
            return None
    hidden = []
    for i, item in enumerate(chain[:head]):
        if isinstance(item, Tensor) and item.is_input and i == 0:
            continue
        if not isinstance(item, Layer):
            return None
        if item.kind == "Dense":
            if not _linear_dense(item):
                return None
            hidden.append(item)
        elif item.kind not in LINEAR_TRANSPARENT:
            return None
    return hidden


def _sequential_chain(layers: list) -> Optional[list]:
    if not layers:
        return None
    return _hidden_of(list(layers))


def _functional_chain(tensor) -> Optional[list]:
    """Walk back from an output along single-input layers to a Keras Input."""
    chain: list = []
    for _ in range(256):
        if not isinstance(tensor, Tensor):
            return None
        if tensor.producer is None:
            if not tensor.is_input or tensor.inputs:
                return None
            break
        producer = tensor.producer
        if isinstance(producer, ActivationFn):
            chain.append(producer)
        elif isinstance(producer, Layer) and producer.wrapped is None:
            chain.append(producer)
        else:
            return None  # an op, a nested model, a wrapper
        if len(tensor.inputs) != 1:
            return None
        tensor = tensor.inputs[0]
    else:
        return None
    return _hidden_of(list(reversed(chain)))


def _nested_models(facts) -> set:
    """id() of the models used as a part of another model: a layer of a Sequential chain, called
    on a tensor of another model's graph (branches and merges included), or held by a subclassed
    model's instance (its `call` runs it)."""
    out = set()
    seen: set = set()
    for model in facts.models:
        for item in model.layers:
            if isinstance(item, ModelRef):
                out.add(id(item.model))
        instance = getattr(getattr(model, "cls", None), "instance", None) if model.kind == "subclass" else None
        for held in (instance.attrs.values() if instance is not None else ()):
            if isinstance(held, ModelRef):  # `self.inner = Model(inp, out)` of a subclassed model
                out.add(id(held.model))
        stack = list(model.outputs)
        while stack and len(seen) < 4096:
            value = stack.pop()
            if isinstance(value, Seq):
                stack.extend(value.items)
                continue
            if not isinstance(value, Tensor) or id(value) in seen:
                continue
            seen.add(id(value))
            if isinstance(value.producer, ModelRef):
                out.add(id(value.producer.model))
            stack.extend(value.inputs)
    return out


def _bound_names(model, facts) -> list:
    return [key for targets, value in facts.assignments if value is model.node
            for key in (expr_key(t) for t in targets) if key]


# what a model only shown calls: its layers listed, counted, drawn (no training, no use)
_SHOWN = frozenset({"summary", "count_params", "get_config", "to_json", "build", "add"})


def _only_shown(model, facts) -> bool:
    """A model the file's top level builds and only shows (`net.summary()`, `plot_model(net)`):
    never compiled, trained or used anywhere — a shapes walkthrough, not a network meant to learn.
    Every use of its name in the file's text is one of those calls or a binding of it."""
    if model.in_function or model.home is not None or model.compiles or model.trainings \
            or model.foreign_trainings or not model.calls or any(c.method not in _SHOWN for c in model.calls) \
            or not any(c.method != "add" for c in model.calls):
        return False
    names = _bound_names(model, facts)
    text = facts.text or facts.module.code
    if not names or any(not re.fullmatch(r"[A-Za-z_]\w*", name) for name in names):
        return False
    for name in names:
        word = re.escape(name)
        uses = len(re.findall(rf"(?<![\w.]){word}\b", text))
        shown = len(re.findall(rf"(?<![\w.]){word}\s*\.\s*(?:{'|'.join(sorted(_SHOWN))})\s*\(", text)) \
            + len(re.findall(rf"(?<![\w.]){word}\s*=(?!=)", text)) \
            + len(re.findall(rf"plot_model\(\s*{word}\b", text))
        if uses != shown:
            return False
    return True


def _autoencoder_layers(facts) -> dict:
    """id() of each functional autoencoder's input tensor (see `_autoencoder`) -> id() of the
    layers its outputs are made through: a model cut from the same input at one of them is its
    encoder."""
    out: dict = {}
    for model in facts.models:
        if model.kind != "functional" or model.ruled_out or not _autoencoder(model, facts):
            continue
        for tensor in model.outputs:
            start, producers = _chain_back(tensor)
            if start is not None:
                out.setdefault(id(start), set()).update(producers)
    return out


def _chain_back(tensor) -> tuple:
    """(the Keras Input a single-input chain of layers starts from, id() of the layers and activations
    along it) walking back from `tensor`; (None, …) when the chain does not reach one Input."""
    producers: set = set()
    for _ in range(256):
        if not isinstance(tensor, Tensor):
            return None, producers
        if tensor.producer is None:
            return (tensor if tensor.is_input and not tensor.inputs else None), producers
        if len(tensor.inputs) != 1:
            return None, producers
        producers.add(id(tensor.producer))
        tensor = tensor.inputs[0]
    return None, producers


def _autoencoder(model, facts) -> bool:
    """Trained to reproduce its input, `fit(x, x)`, or shaped to (its output as wide as its input):
    a linear autoencoder is PCA on purpose — unless every fit pairs inputs and targets of separate
    origins (`fit(feats, outs)`, each its own array, neither computed from the other nor from a
    common source): then it maps inputs to other values, a regression that happens to be square."""
    for training in model.trainings:
        kx, ky = expr_key(training.x_node), expr_key(training.y_node)
        if kx is not None and kx == ky:
            return True
    if not output_like_input(model):
        return False
    fits = [t for t in model.trainings if t.method in tables.TRAIN_METHODS]
    return not fits or not all(_separate_origins(facts, t.x_node, t.y_node) for t in fits)


def _separate_origins(facts, x, y) -> bool:
    """`x` and `y` are names of the file's own whose values share no name the file binds."""
    if not isinstance(x, cst.Name) or not isinstance(y, cst.Name) or x.value == y.value:
        return False
    bound = bound_names(facts)
    if x.value not in bound or y.value not in bound:
        return False
    return not (ancestors(facts, {x.value}) & ancestors(facts, {y.value}) & bound)


def _named_linear(model, facts) -> bool:
    """The model's variable, `name=` or builder function says it is meant to be linear."""
    names = []
    node = model.node
    if isinstance(node, cst.Call):
        for arg in node.args:
            if arg.keyword is not None and arg.keyword.value == "name" and isinstance(arg.value, cst.SimpleString):
                names.append(arg.value.value)
    names.extend(_bound_names(model, facts))
    home = project_module(model.home) if model.home is not None else facts.module  # the builder's module
    builders = _enclosing_functions(home, node) if home is not None else []
    names.extend(builders)
    # the names this file, or the scripts beside the builder's module, give its result
    # (`linear_model = build(n)`)
    readers = [facts] + ([other for other, _ in _read_by_importers(model, facts)] if builders else [])
    names.extend(key for reader in readers for targets, value in reader.assignments
                 if isinstance(value, cst.Call) and _callee_name(value.func) in builders
                 for key in (expr_key(t) for t in targets) if key)
    return any(word in name.lower() for name in names for word in _LINEAR_INTENT)


def _callee_name(func) -> str:
    """`build` for `build(...)`, `models.build(...)`."""
    if isinstance(func, cst.Attribute):
        return func.attr.value
    return func.value if isinstance(func, cst.Name) else ""


def _nested_by_importers(model, facts) -> bool:
    """A builder's model that a script importing the builder uses as a part of its own model
    (`base = create_base_network(...)`, then `base(input_a)`, `base(input_b)` in a siamese model)."""
    return any(id(theirs) in _nested_models(other) for other, theirs in _read_by_importers(model, facts))


def _read_by_importers(model, facts) -> list:
    """`fitted_by_importers(trained=False)`, once per model (its name and its nesting both ask)."""
    known = facts._cache.setdefault("rl302_importers", {})
    if id(model) not in known:
        known[id(model)] = fitted_by_importers(facts, model, trained=False)
    return known[id(model)]


def _held_by_subclassed_model(model, facts) -> bool:
    """`self.inner = Model(inp, out)` in a method of a `keras.Model` (or `keras.layers.Layer`)
    subclass: a part of that model or layer, whose `call` may add the nonlinearity (also when the
    file never builds it)."""
    if model.home is not None and model.owner and not model.trainings:
        # made by a method of another module's class (`Gate(16)` here, `self.mlp = Sequential(...)`
        # in its `__init__` there), never trained by itself
        from regr_lint.model.compat import statements
        from regr_lint.model.trees import project_module

        module = project_module(model.home)
        owner = next((s for s in statements(module) if isinstance(s, cst.ClassDef) and id(s) == model.owner),
                     None) if module is not None else None
        return owner is not None and _keras_subclass(owner)
    if not any(key.startswith("self.") for key in _bound_names(model, facts)):
        return False
    stack = [(facts.module, None)]
    while stack:
        node, cls = stack.pop()
        if node is model.node:
            return cls is not None and _keras_subclass(cls)
        if isinstance(node, cst.ClassDef):
            cls = node
        stack.extend((child, cls) for child in node.children)
    return False


def _keras_subclass(cls: cst.ClassDef) -> bool:
    return any((dotted_name(base.value) or "").rsplit(".", 1)[-1] in ("Model", "Layer") for base in cls.bases)


def _enclosing_functions(module: cst.Module, target) -> list:
    """Names of the functions and classes whose body holds `target` (found by identity)."""
    stack = [(module, ())]
    while stack:
        node, names = stack.pop()
        if node is target:
            return list(names)
        if isinstance(node, (cst.FunctionDef, cst.ClassDef)):
            names = names + (node.name.value,)
        stack.extend((child, names) for child in node.children)
    return []
