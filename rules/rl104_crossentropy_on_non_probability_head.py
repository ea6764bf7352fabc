from __future__ import annotations

from regr_lint.lazy import cst

from regr_lint.input.vocabulary import COMPILED
from regr_lint.knowledge import tables
from regr_lint.model.model import head_activations
from regr_lint.rule import Edit, Fix, Rule
from regr_lint.rules._crossentropy import attribute_prefix, crossentropy_heads, losses_module

# Activations whose outputs are never zero or negative: the categorical crossentropies (not the
# binary one) divide a head's outputs by their sum before the log, so these give a distribution
# (measured on Keras 3.15.1, both losses: softplus trains as softmax does, a linear head fails)
_POSITIVE = frozenset({"softplus", "exponential"})
PROBABILITY = {"binary_crossentropy": "sigmoid", "categorical_crossentropy": "softmax",
               "sparse_categorical_crossentropy": "softmax"}


class CrossentropyOnNonProbabilityHead(Rule):
    code = "RL104"
    name = "crossentropy-on-non-probability-head"
    summary = "Crossentropy loss on a head whose outputs are not probabilities (no sigmoid / softmax, no from_logits)"
    severity = "error"  # the model learns little or nothing
    tokens = ("keras", ("compile", "KerasRegressor", "KerasClassifier"), ("rossentropy", "bce"))
    names = (COMPILED, ("binary_crossentropy", "categorical_crossentropy", "sparse_categorical_crossentropy",
              "BinaryCrossentropy", "CategoricalCrossentropy", "SparseCategoricalCrossentropy", "bce"),)
    docs = """\
## What it does
Finds a model compiled with `binary_crossentropy`, `categorical_crossentropy` or
`sparse_categorical_crossentropy` (a string in any case, the function, or the class; in a loss list
or dict, the loss of that output) without `from_logits=True`, whose output layer is a `Dense` (also
one applied at each step through `TimeDistributed`) that does not end in a probability: no activation (linear), `relu`, `tanh`, `elu`, `selu`, `softplus`,
`softsign`, `leaky_relu`, `gelu`, `swish`/`silu` or `exponential` — also through a following
`Activation` layer or a constant. A `softplus` or `exponential` head with `categorical_crossentropy`
or `sparse_categorical_crossentropy` is not reported: those losses divide the outputs by their sum,
and outputs that are always positive make a distribution (with `binary_crossentropy`, which clips
each output into (0, 1), it is reported). Reported at the loss. A list of losses pairs with the outputs in
order only when it has as many entries as the model has outputs (a builder whose arms make different
outputs, read with the arm unknown, pairs with nothing). Not reported with `from_logits=True`, on a head
ending in sigmoid, hard_sigmoid or softmax, when the head's last layer is unknown or custom (a Lambda,
a user layer), or when the loss is a function of your own. When the `activation=` of the head names
what the arms of an `if` nothing decides (or a conditional expression) bind to different strings
(`head_act = "relu"` / `elif ...: "tanh"` / `else: None`), it is reported (at the loss) only when
every one is a non-probability activation: one arm's `sigmoid`, or a value not known there
(`cfg["act"]`), keeps it silent. A test on a string the builder is called with (`if "R" in spec:`
with `make_net(6, "32-1")`) picks its arm. A 1-unit head with `categorical_crossentropy`
is RL105's (reported alone); softmax on one unit is RL103's.

A model that is never trained by itself (no `fit` / `train_on_batch` on it) but is a part of another
model (`combined = Model(z, disc(gen(z)))`, `Sequential([gen, disc])`) is not reported: what it is
compiled with never trains it (a GAN generator compiled out of habit, trained through the combined
model). That holds for a model a builder function returns, too, when the file never trains it and
the scripts beside it that call the builder only make it a part of another model — and for a model a
class builds in an arm the scripts never take (`Gen(kind="conv")` when the `kind == "dense"` arm
compiles it) when the models they make from that class are only parts and never trained. Nor is a
model compiled and then only asked for predictions, or given trained weights by hand (`set_weights`,
`load_weights`), with no `fit` and no `evaluate` here or in the files importing it: the loss is never
computed.

A compile that a later compile of the same model replaces before anything trains with it
(`clf.compile(loss="binary_crossentropy")`, then `clf.compile(loss=BinaryCrossentropy(from_logits=True))`
and only then `clf.fit(...)`, in straight-line code with nothing between them that trains, evaluates
or is handed the model) is not judged: Keras trains with the second (RL105 reads compiles so too).
Nor is a builder's placeholder compile (`model.compile(loss="sparse_categorical_crossentropy")`, then
`return model`) when every script using the builder compiles the model again before each of its
trainings: Keras trains with the script's (RL101 and RL102 skip such a placeholder too).

## Why is this bad?
Without `from_logits=True` a crossentropy takes the model's outputs for probabilities: Keras clips
them into (0, 1) and takes their logarithm. Raw scores outside (0, 1) are clipped to a constant whose
gradient is zero, so training stalls or diverges: measured on Keras 3.15.1 / TensorFlow 2.21, a linear
head with categorical crossentropy reached accuracy 0.68 against 0.98 with softmax, its loss *rising*
from 2.33 to 8.36; ReLU and tanh heads go to NaN or chance level. Nothing fails: the model just learns
little or nothing.

## Example
```python
outputs = keras.layers.Dense(10)(x)
model.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])
```

## Use instead
End the head in the probability the loss expects:
```python
outputs = keras.layers.Dense(10, activation="softmax")(x)
```
or keep the raw scores and tell the loss so:
```python
model.compile(optimizer="adam", loss=keras.losses.CategoricalCrossentropy(from_logits=True))
```
For a 1-unit head trained on continuous targets, the loss is the mistake: use a regression loss
(`"mse"`).

## Fix safety
Unsafe: the fix replaces the loss with its class and `from_logits=True`
(`keras.losses.CategoricalCrossentropy(from_logits=True)`; on a loss object, it sets the argument).
The model then trains on its raw scores, but what `predict` returns stays scores, not probabilities,
and code reading them as probabilities must change too. No fix where the file cannot spell
`keras.losses` safely.
"""
    VALID = [
        # the classifier's first layers given its trained weights, compiled out of habit and only
        # asked for the hidden features: the loss is never computed
        """
import numpy as np
from keras.layers import Dense
from keras.models import Sequential

x = np.load("x.npy")
truncated = Sequential([Dense(64, input_shape=(784,), activation="relu")])
truncated.set_weights(np.load("first_layer.npy", allow_pickle=True))
truncated.compile(loss="categorical_crossentropy", optimizer="sgd")
features = truncated.predict(x)
""",
        # a softplus head: the categorical crossentropies divide its positive outputs by their sum
        """\
import keras

model = keras.Sequential([keras.Input((16,)), keras.layers.Dense(64, activation="relu"),
                          keras.layers.Dense(4, activation="softplus")])
model.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
""",
        # the same tagger ending each step in softmax inside TimeDistributed
        """
import numpy as np
from keras.layers import LSTM, Dense, Input, TimeDistributed
from keras.models import Model

inp = Input((25, 40))
out = TimeDistributed(Dense(8, activation="softmax"))(LSTM(128, return_sequences=True)(inp))
tagger = Model(inp, out)
tagger.compile(loss="categorical_crossentropy", optimizer="rmsprop")
tagger.fit(np.random.rand(64, 25, 40), np.eye(8)[np.random.randint(0, 8, (64, 25))])
""",
        # compiled once without from_logits, then again with it before anything trains: Keras trains
        # with the second
        """
import keras
inp = keras.Input(shape=(64,))
logit = keras.layers.Dense(1)(keras.layers.Dense(32, activation="relu")(inp))
clf = keras.Model(inp, logit)
clf.compile(loss="binary_crossentropy", optimizer="adam")
clf.summary()
clf.compile(optimizer=keras.optimizers.Adam(), loss=keras.losses.BinaryCrossentropy(from_logits=True),
            metrics=[keras.metrics.BinaryAccuracy()])
clf.fit(keras.random.normal((32, 64)), keras.ops.ones((32, 1)), epochs=1)
""",
        # the same heads ending in sigmoid
        """
import numpy as np
from tensorflow import keras
TASKS = ["toxic", "insult"]
inp = keras.Input((16,))
h = keras.layers.Dense(64, activation="relu")(inp)
outputs = []
for t in TASKS:
    outputs.append(keras.layers.Dense(1, activation="sigmoid", name=t)(h))
model = keras.Model(inp, outputs)
model.compile(optimizer="adam", loss={t: "binary_crossentropy" for t in TASKS})
model.fit(np.load("x.npy"), {t: np.load(t + ".npy") for t in TASKS})
""",
        # candidates in a list compiled by one loop, every head a softmax
        """
from tensorflow import keras
from tensorflow.keras import layers
candidates = [
    keras.Sequential([layers.Dense(128, activation="relu", input_shape=(784,)), layers.Dense(10, activation="softmax")]),
    keras.Sequential([layers.Dense(256, activation="relu", input_shape=(784,)), layers.Dense(10, activation="softmax")]),
]
for net in candidates:
    net.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])
    net.fit(x_train, y_onehot, epochs=3)
""",
        # an `elif ... is not None` on a parameter the call leaves at None is not taken: the head
        # is the softmax of the arm whose test is not known
        """
from tensorflow.keras.layers import Activation, Dense, Flatten, Input
from tensorflow.keras.models import Model
def critic(inputs, num_classes=None, num_codes=None):
    x = Flatten()(inputs)
    score = Activation("sigmoid")(Dense(1)(x))
    if num_classes:
        outs = [score, Activation("softmax")(Dense(num_classes)(x))]
    elif num_codes is not None:
        outs = [score, Activation("tanh")(Dense(num_codes)(x))]
    return Model(inputs, outs)
k = len(set(labels))
d = critic(Input((28, 28, 1)), num_classes=k)
d.compile(loss=["binary_crossentropy", "categorical_crossentropy"], optimizer="rmsprop")
""",
        # a builder method called twice: a sigmoid classifier, then a linear regressor
        """
from tensorflow.keras.models import Sequential
from tensorflow.keras.layers import Dense
class Builder:
    def make(self, activation=None):
        model = Sequential()
        model.add(Dense(1, activation=activation, input_shape=(4,)))
        return model
b = Builder()
clf = b.make(activation="sigmoid")
clf.compile(optimizer="adam", loss="binary_crossentropy")
reg = b.make(activation=None)
reg.compile(optimizer="adam", loss="mse")
""",
        # the look-alike: the nested decoder ends in sigmoid
        """
from keras.layers import Dense
from keras.models import Sequential
encoder = Sequential([Dense(32, input_dim=784, activation="relu")])
decoder = Sequential([Dense(784, input_dim=32, activation="sigmoid")])
autoencoder = Sequential([encoder, decoder])
autoencoder.compile(loss="binary_crossentropy", optimizer="adam")
autoencoder.fit(x_train, x_train, epochs=5)
""",
        # one builder, two calls: a sigmoid classifier with crossentropy, a linear regressor with mse
        """
import numpy as np
from tensorflow import keras
def build(head):
    return keras.Sequential([keras.Input((8,)), keras.layers.Dense(16, activation="relu"),
                             keras.layers.Dense(1, activation=head)])
clf = build("sigmoid")
clf.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
clf.fit(np.load("x.npy"), np.load("labels.npy"))
reg = build(None)
reg.compile(optimizer="adam", loss="mse")
reg.fit(np.load("x.npy"), np.load("prices.npy"))
""",
        # a GAN generator compiled out of habit, never trained by itself: only a part of the combined
        # model, whose head is the discriminator's sigmoid
        """
import numpy as np
from tensorflow import keras
from tensorflow.keras import layers
z = keras.Input(shape=(8,))
gen = keras.Model(z, layers.Dense(16, activation="tanh")(layers.Dense(64, activation="relu")(z)))
gen.compile(loss="binary_crossentropy", optimizer="adam")
x = keras.Input(shape=(16,))
disc = keras.Model(x, layers.Dense(1, activation="sigmoid")(layers.Dense(64, activation="relu")(x)))
disc.compile(loss="binary_crossentropy", optimizer="adam")
z_in = keras.Input(shape=(8,))
combined = keras.Model(z_in, disc(gen(z_in)))
combined.compile(loss="binary_crossentropy", optimizer="adam")
fake = gen.predict(np.random.normal(size=(32, 8)))
disc.train_on_batch(fake, np.zeros(32))
combined.train_on_batch(np.random.normal(size=(32, 8)), np.ones(32))
""",
        # probability heads, also through an Activation layer and a constant
        """
import keras
ACT = "softmax"
clf = keras.Sequential([keras.Input((8,)), keras.layers.Dense(16, activation="relu"),
                        keras.layers.Dense(3, activation=ACT)])
clf.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])
binary = keras.Sequential([keras.Input((8,)), keras.layers.Dense(1), keras.layers.Activation("sigmoid")])
binary.compile(optimizer="adam", loss="binary_crossentropy")
hard = keras.Sequential([keras.Input((8,)), keras.layers.Dense(1, activation="hard_sigmoid")])
hard.compile(optimizer="adam", loss=keras.losses.BinaryCrossentropy())
""",
        # logits with from_logits=True (the TensorFlow tutorials' way)
        """
import tensorflow as tf
model = tf.keras.Sequential([tf.keras.layers.Flatten(input_shape=(28, 28)),
                             tf.keras.layers.Dense(128, activation="relu"), tf.keras.layers.Dense(10)])
model.compile(optimizer="adam", loss=tf.keras.losses.SparseCategoricalCrossentropy(from_logits=True),
              metrics=["accuracy"])
""",
        # the head's last layer is unknown or custom; the loss is a function of the file
        """
import keras
from mylib import MyHead
a = keras.Sequential([keras.Input((8,)), keras.layers.Dense(4), MyHead()])
a.compile(optimizer="adam", loss="categorical_crossentropy")
b = keras.Sequential([keras.Input((8,)), keras.layers.Dense(4), keras.layers.Lambda(lambda t: t * 2)])
b.compile(optimizer="adam", loss="categorical_crossentropy")
def my_crossentropy(y_true, y_pred):
    return keras.ops.mean(keras.ops.square(y_true - y_pred))
c = keras.Sequential([keras.Input((8,)), keras.layers.Dense(4)])
c.compile(optimizer="adam", loss=my_crossentropy)
""",
        # a regression loss on a linear head; from_logits we cannot read
        """
import keras
flag = load_flag()
reg = keras.Sequential([keras.Input((8,)), keras.layers.Dense(1)])
reg.compile(optimizer="adam", loss="mse")
reg2 = keras.Sequential([keras.Input((8,)), keras.layers.Dense(3)])
reg2.compile(optimizer="adam", loss=keras.losses.CategoricalCrossentropy(from_logits=flag))
""",
        # a head activation picked by an `if` the call does not decide, one arm a sigmoid: some run trains
        # a probability head, so nothing is sure
        """\
import sys

import numpy as np
from tensorflow import keras


def make_net(n_in, spec):
    inp = keras.Input(shape=(n_in,))
    h = keras.layers.Dense(16, activation="relu")(inp)
    if "R" in spec:
        head_act = "relu"
    elif "S" in spec:
        head_act = "sigmoid"
    else:
        head_act = None
    return keras.Model(inp, keras.layers.Dense(1, activation=head_act)(h))


net = make_net(6, sys.argv[1])
net.compile(optimizer="adam", loss="binary_crossentropy")
net.fit(np.random.rand(64, 6), np.random.randint(0, 2, size=64), epochs=2)
""",
        # one arm's activation read from a config file: not known, so neither is the head (not the 'relu'
        # the other arm writes last)
        """\
import json
import sys

import numpy as np
from tensorflow import keras

CFG = json.load(open("config.json"))


def make_net(n_in, spec):
    inp = keras.Input(shape=(n_in,))
    h = keras.layers.Dense(16, activation="relu")(inp)
    if "C" in spec:
        head_act = CFG["head_activation"]
    else:
        head_act = "relu"
    return keras.Model(inp, keras.layers.Dense(1, activation=head_act)(h))


net = make_net(6, sys.argv[1])
net.compile(optimizer="adam", loss="binary_crossentropy")
net.fit(np.random.rand(64, 6), np.random.randint(0, 2, size=64), epochs=2)
""",
        # arms that set a different head each with its own right loss; a conditional expression picking
        # the head and the loss alike
        """\
import sys

import numpy as np
from tensorflow import keras


def make_net(n_in, task):
    inp = keras.Input(shape=(n_in,))
    h = keras.layers.Dense(16, activation="relu")(inp)
    if task == "count":
        head_act, loss = "relu", "poisson"
    elif task == "regression":
        head_act, loss = None, "mse"
    else:
        head_act, loss = None, keras.losses.BinaryCrossentropy(from_logits=True)
    net = keras.Model(inp, keras.layers.Dense(1, activation=head_act)(h))
    net.compile(optimizer="adam", loss=loss)
    return net


net = make_net(6, sys.argv[1])
net.fit(np.random.rand(64, 6), np.random.rand(64), epochs=2)
out = keras.layers.Dense(1, activation="sigmoid" if sys.argv[2] == "binary" else None)
clf = keras.Sequential([keras.Input((6,)), keras.layers.Dense(16, activation="relu"), out])
clf.compile(optimizer="adam", loss="binary_crossentropy" if sys.argv[2] == "binary" else "mse")
""",
        # `"S" not in spec` with the builder called on "32-S": the sigmoid arm runs
        """\
import numpy as np
from tensorflow import keras


def make_net(n_in, spec):
    inp = keras.Input(shape=(n_in,))
    h = keras.layers.Dense(16, activation="relu")(inp)
    if "S" not in spec:
        head_act = None
    else:
        head_act = "sigmoid"
    return keras.Model(inp, keras.layers.Dense(1, activation=head_act)(h))


net = make_net(6, "32-S")
net.compile(optimizer="adam", loss="binary_crossentropy")
net.fit(np.random.rand(64, 6), np.random.randint(0, 2, size=64), epochs=2)
""",
    ]
    INVALID = [
        # given weights, then trained on: the loss reads relu outputs as probabilities
        """
import numpy as np
from keras.layers import Dense
from keras.models import Sequential

x, y = np.load("x.npy"), np.load("y_onehot.npy")
truncated = Sequential([Dense(10, input_shape=(784,), activation="relu")])
truncated.set_weights(np.load("first_layer.npy", allow_pickle=True))
truncated.compile(loss="categorical_crossentropy", optimizer="sgd")  # expect: RL104
truncated.fit(x, y, epochs=2)
""",
        # a softplus head with the binary loss: each output is clipped into (0, 1), not normalised
        """\
import keras

model = keras.Sequential([keras.Input((16,)), keras.layers.Dense(64, activation="relu"),
                          keras.layers.Dense(4, activation="softplus")])
model.compile(optimizer="adam", loss="binary_crossentropy")  # expect: RL104
""",
        # a per-step tagger's head applied through TimeDistributed, with no activation
        """
import numpy as np
from keras.layers import LSTM, Dense, Input, TimeDistributed
from keras.models import Model

inp = Input((25, 40))
out = TimeDistributed(Dense(8))(LSTM(128, return_sequences=True)(inp))
tagger = Model(inp, out)
tagger.compile(loss="categorical_crossentropy", optimizer="rmsprop")  # expect: RL104
tagger.fit(np.random.rand(64, 25, 40), np.eye(8)[np.random.randint(0, 8, (64, 25))])
""",
        # the first compile trains (fit) before the second replaces it
        """
import keras
inp = keras.Input(shape=(64,))
logit = keras.layers.Dense(1)(keras.layers.Dense(32, activation="relu")(inp))
clf = keras.Model(inp, logit)
clf.compile(loss="binary_crossentropy", optimizer="adam")  # expect: RL104
clf.fit(keras.random.normal((32, 64)), keras.ops.ones((32, 1)), epochs=1)
clf.compile(optimizer="adam", loss=keras.losses.BinaryCrossentropy(from_logits=True))
clf.fit(keras.random.normal((32, 64)), keras.ops.ones((32, 1)), epochs=1)
""",
        # ... or is handed to a function that may train it
        """
import keras
def warm_up(model):
    model.fit(keras.random.normal((32, 64)), keras.ops.ones((32, 1)), epochs=1)
inp = keras.Input(shape=(64,))
logit = keras.layers.Dense(1)(keras.layers.Dense(32, activation="relu")(inp))
clf = keras.Model(inp, logit)
clf.compile(loss="binary_crossentropy", optimizer="adam")  # expect: RL104
warm_up(clf)
clf.compile(optimizer="adam", loss=keras.losses.BinaryCrossentropy(from_logits=True))
""",
        # the loss function imported by name: reported at the name the compile gives
        """\
import numpy as np
from keras.models import Sequential
from keras.layers import Activation, Dense
from keras.losses import binary_crossentropy
net = Sequential([Dense(12, activation="relu", input_shape=(6,)), Dense(1), Activation("tanh")])
net.compile(optimizer="adam", loss=binary_crossentropy, metrics=["accuracy"])  # expect: RL104
net.fit(np.random.rand(200, 6), np.random.rand(200) > 0.5, epochs=3)
""",
        # one linear head per task made by a loop, their losses by a dict comprehension
        """
import numpy as np
from tensorflow import keras
TASKS = ["toxic", "insult"]
inp = keras.Input((16,))
h = keras.layers.Dense(64, activation="relu")(inp)
outputs = []
for t in TASKS:
    outputs.append(keras.layers.Dense(1, name=t)(h))
model = keras.Model(inp, outputs)
model.compile(optimizer="adam", loss={t: "binary_crossentropy" for t in TASKS})  # expect: RL104
model.fit(np.load("x.npy"), {t: np.load(t + ".npy") for t in TASKS})
""",
        # candidates in a list compiled by one loop: the linear one
        """
from tensorflow import keras
from tensorflow.keras import layers
candidates = [
    keras.Sequential([layers.Dense(128, activation="relu", input_shape=(784,)), layers.Dense(10, activation="softmax")]),
    keras.Sequential([layers.Dense(256, activation="relu", input_shape=(784,)), layers.Dense(10)]),
]
for net in candidates:
    net.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])  # expect: RL104
    net.fit(x_train, y_onehot, epochs=3)
""",
        # the same builder, the `elif` arm taken: the second output is tanh
        """
from tensorflow.keras.layers import Activation, Dense, Flatten, Input
from tensorflow.keras.models import Model
def critic(inputs, num_classes=None, num_codes=None):
    x = Flatten()(inputs)
    score = Activation("sigmoid")(Dense(1)(x))
    if num_classes:
        outs = [score, Activation("softmax")(Dense(num_classes)(x))]
    elif num_codes is not None:
        outs = [score, Activation("tanh")(Dense(num_codes)(x))]
    return Model(inputs, outs)
d = critic(Input((28, 28, 1)), num_codes=2)
d.compile(loss=["binary_crossentropy", "categorical_crossentropy"],  # expect: RL104
          optimizer="rmsprop")
""",
        # the look-alike: the call that builds the classifier leaves it linear
        """
from tensorflow.keras.models import Sequential
from tensorflow.keras.layers import Dense
class Builder:
    def make(self, activation=None):
        model = Sequential()
        model.add(Dense(1, activation=activation, input_shape=(4,)))
        return model
b = Builder()
clf = b.make()
clf.compile(optimizer="adam", loss="binary_crossentropy")  # expect: RL104
reg = b.make(activation="sigmoid")
""",
        # an autoencoder stacked from two Sequential models: its head is the decoder's last layer
        """
from keras.layers import Dense
from keras.models import Sequential
encoder = Sequential()
encoder.add(Dense(32, input_dim=784, activation="relu"))
decoder = Sequential()
decoder.add(Dense(784, input_dim=32, activation="relu"))
autoencoder = Sequential()
autoencoder.add(encoder)
autoencoder.add(decoder)
autoencoder.compile(loss="binary_crossentropy", optimizer="adam")  # expect: RL104
autoencoder.fit(x_train, x_train, epochs=5)
""",
        # the look-alike: the calls swapped, each model judged on its own head and loss
        """
import numpy as np
from tensorflow import keras
def build(head):
    return keras.Sequential([keras.Input((8,)), keras.layers.Dense(16, activation="relu"),
                             keras.layers.Dense(1, activation=head)])  # expect: RL102
clf = build(None)
clf.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])  # expect: RL104
clf.fit(np.load("x.npy"), np.load("labels.npy"))
reg = build("sigmoid")
reg.compile(optimizer="adam", loss="mse")
reg.fit(np.load("x.npy"), np.load("prices.npy"))
""",
        # the same generator, part of the combined model but also trained by itself on the loss
        """
import numpy as np
from tensorflow import keras
from tensorflow.keras import layers
z = keras.Input(shape=(8,))
gen = keras.Model(z, layers.Dense(16, activation="tanh")(layers.Dense(64, activation="relu")(z)))
gen.compile(loss="binary_crossentropy", optimizer="adam")  # expect: RL104
x = keras.Input(shape=(16,))
disc = keras.Model(x, layers.Dense(1, activation="sigmoid")(x))
combined = keras.Sequential([gen, disc])
gen.train_on_batch(np.random.normal(size=(32, 8)), np.random.rand(32, 16))
""",
        """
import keras
inputs = keras.Input((8,))
x = keras.layers.Dense(16, activation="relu")(inputs)
outputs = keras.layers.Dense(10)(x)
model = keras.Model(inputs, outputs)
model.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])  # expect: RL104
""",
        """
from tensorflow.keras.models import Sequential
from tensorflow.keras.layers import Dense
from tensorflow.keras.losses import BinaryCrossentropy
model = Sequential()
model.add(Dense(32, activation="relu", input_dim=8))
model.add(Dense(1, activation="relu"))
model.compile(optimizer="adam", loss=BinaryCrossentropy(), metrics=["accuracy"])  # expect: RL104
""",
        """
import tensorflow as tf
LOSS = "Sparse_Categorical_Crossentropy"  # expect: RL104
net = tf.keras.Sequential([tf.keras.layers.Dense(64, activation="relu"), tf.keras.layers.Dense(5, activation="tanh")])
net.compile(optimizer="adam", loss=LOSS)
""",
        """
import keras
inp = keras.Input((8,))
h = keras.layers.Dense(8, activation="relu")(inp)
kind = keras.layers.Dense(3, activation="softmax", name="kind")(h)
score = keras.layers.Dense(1, name="score")(h)
model = keras.Model(inp, [kind, score])
model.compile(optimizer="adam", loss={"kind": "categorical_crossentropy",
                                      "score": "binary_crossentropy"})  # expect: RL104
""",
        # every arm of the if/elif/else picking the head's activation gives a non-probability head:
        # whichever runs, binary crossentropy clips its outputs (reported at the loss, as for one)
        """\
import sys

import numpy as np
from tensorflow import keras


def make_net(n_in, spec):
    h = inp = keras.Input(shape=(n_in,))
    h = keras.layers.Dense(16, activation="relu")(h)
    if "R" in spec:
        head_act = "relu"
    elif "T" in spec:
        head_act = "tanh"
    else:
        head_act = None
    return keras.Model(inp, keras.layers.Dense(1, activation=head_act)(h))


net = make_net(6, sys.argv[1])
net.compile(optimizer="adam", loss="binary_crossentropy")  # expect: RL104
net.fit(np.random.rand(64, 6), np.random.randint(0, 2, size=64), epochs=2)
""",
        # the builder called with a literal spec: `"S" in "32-1"` and `"logit" in ("prob", "p")` are
        # false, so the `else:` arm's linear head is the one trained
        """\
import numpy as np
from tensorflow import keras


def make_net(n_in, spec, kind="logit"):
    inp = keras.Input(shape=(n_in,))
    h = keras.layers.Dense(16, activation="relu")(inp)
    if "S" in spec:
        head_act = "sigmoid"
    elif kind in ("prob", "p"):
        head_act = "softmax"
    else:
        head_act = None
    return keras.Model(inp, keras.layers.Dense(1, activation=head_act)(h))


net = make_net(6, "32-1")
net.compile(optimizer="adam", loss="binary_crossentropy")  # expect: RL104
net.fit(np.random.rand(64, 6), np.random.randint(0, 2, size=64), epochs=2)
""",
        # a conditional expression whose two literals are both non-probability activations
        """\
import argparse

from tensorflow import keras

args = argparse.ArgumentParser().parse_args()
act = "relu" if args.positive else None
clf = keras.Sequential([keras.Input((8,)), keras.layers.Dense(16, activation="relu"),
                        keras.layers.Dense(3, activation=act)])
clf.compile(optimizer="adam", loss="categorical_crossentropy")  # expect: RL104
""",
    ]

    def check(self, facts):
        for head, loss, kind, from_logits in crossentropy_heads(facts):
            # one activation, or each one the arms of an `if` may give the head: all must be wrong
            acts = head_activations(head)
            if from_logits is not False or not acts or not tables.NON_PROBABILITY_ACTIVATIONS.issuperset(acts):
                continue
            if kind == "categorical_crossentropy" and head.units == 1:
                continue  # RL105: with one unit the loss is 0 whatever the activation
            if kind != "binary_crossentropy" and _POSITIVE.intersection(acts):
                continue  # Keras divides the outputs by their sum: positive scores make probabilities
            want = PROBABILITY[kind]
            message = (f"'{kind}' reads the outputs as probabilities, but this head {_ends(acts)}: Keras "
                       f"clips them into (0, 1) and the model learns little or nothing; end the head in "
                       f"'{want}' or pass from_logits=True")
            if head.units == 1:
                message += " (for continuous targets, use a regression loss such as 'mse')"
            yield self.report(loss.node, message, _fix(facts, loss, kind))


def _ends(acts: tuple) -> str:
    """How the head ends, for the message: `has no activation`, `ends in 'relu'`, or each activation
    the arms of an `if` may give it."""
    named = [f"'{a}'" for a in acts if a != "linear"] + (["no activation"] if "linear" in acts else [])
    if len(named) == 1:
        return "has no activation" if acts == ("linear",) else f"ends in {named[0]}"
    return f"ends in {', '.join(named[:-1])} or {named[-1]}, whichever arm of the `if` choosing it runs"


def _fix(facts, loss, kind: str):
    how = "pass from_logits=True (the outputs stay raw scores)"
    node = loss.node
    if isinstance(node, cst.Call):
        args = [a for a in node.args if not (a.keyword is not None and a.keyword.value == "from_logits")]
        if any(a.keyword is None for a in args) or any(a.star for a in args):
            return None  # a positional from_logits=False we would have to find and replace
        new = node.with_changes(args=[*args, _logits_arg()])
        return Fix(False, how, (Edit(node, new),))
    prefix = attribute_prefix(node)
    imports: tuple = ()
    if prefix is None:
        spelled = losses_module(facts)
        if spelled is None:
            return None
        prefix, imports = spelled
    new = cst.Call(func=cst.parse_expression(f"{prefix}.{_class(kind)}"), args=[_logits_arg()])
    return Fix(False, how, (Edit(node, new),), imports=imports)


def _class(kind: str) -> str:
    return tables.CROSSENTROPY_CLASS_OF[kind]


def _logits_arg():
    return cst.Arg(value=cst.Name("True"), keyword=cst.Name("from_logits"),
                   equal=cst.AssignEqual(whitespace_before=cst.SimpleWhitespace(""),
                                         whitespace_after=cst.SimpleWhitespace("")))
