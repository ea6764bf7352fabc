from __future__ import annotations

import ast
from typing import Optional

from regr_lint.lazy import cst

from regr_lint.model.classify import crossentropy
from regr_lint.model.importers import class_models_by_importers, fitted_by_importers
from regr_lint.model.model import layer_activation, layer_units, part_uses, trained_by_itself
from regr_lint.model.names import canonical
from regr_lint.model.names import dotted_name
from regr_lint.model.ranks import (ONE_STEP, RECURRENT, head_on_unflattened, targets_are_per_sample,
                                   targets_are_rank_one, targets_are_sequences, uses_multiclass_loss)
from regr_lint.model.values import Map, Seq
from regr_lint.rule import Edit, Fix, Rule


class DenseOnUnflattened(Rule):
    code = "RL301"
    name = "dense-on-unflattened"
    summary = "Dense head on a Conv / pooling / return_sequences output: one prediction per time step"
    severity = "error"  # one prediction per time step, not per sample: a wrong model
    tokens = ("keras", "Dense", ("Conv", "Pooling", "return_sequences"))
    names = ("Dense",)
    docs = """\
## What it does
Finds a model whose output is computed by `Dense` layers applied directly to a tensor that still has
time steps or spatial axes (rank 3 or more, batch included): the output of a `Conv1D` / `Conv2D` /
`Conv3D`, of a non-global pooling layer, or of a recurrent layer with `return_sequences=True`
(also inside `Bidirectional`), with no `Flatten`, global pooling, `Reshape` or final non-sequence
recurrent layer in between. It follows a small rank tracker over Sequential chains and functional
graphs, and reports once per output of the model, at the first `Dense` on its way that reads the unflattened
tensor (two heads on one `return_sequences` output are two findings). Layers
added in a loop whose body branches (`if i == 0: … elif i == n_layers - 1: … else: …`, the stacked
recurrent template) are judged on every arm that may run in the last iteration: reported only when
each of them leaves steps for the head — in a Sequential chain and in a functional graph alike
(`if i == n - 1: h = GlobalMaxPooling1D()(h) else: h = MaxPooling1D(2)(h)`). A model that is never
compiled or trained by itself and is used inside another model, its output going on into more layers
(a ConvNeXt-style block, `Sequential([DepthwiseConv2D(7), LayerNormalization(), Dense(4 * c),
Dense(c)])` added to its input), is not judged alone: its Dense layers act per position by design, and
the model it is a part of is judged; one whose output is the other model's output is its head.

A model never compiled, trained only by a loop of its own over its `trainable_variables`
(`tape.gradient(loss, embedder.trainable_variables)`: a TimeGAN's embedder and recovery networks) is
not judged either: what that loop compares its output with is not read.

Sequence-to-sequence models are never reported: heads wrapped in `TimeDistributed`, encoder-decoders
with `RepeatVector` (or its tensor-op form, `ops.repeat(ops.expand_dims(h, 1), steps, axis=1)`, also inside a
`Lambda`), upsampling decoders, models
that take inputs of any length (`input_shape=(None, n_chars)`, or token ids of any length an `Embedding`
reads, `Input(shape=(None,))`: taken for sequence-to-sequence, since
the per-sample targets such a model would need are rarely visible; also when the inputs reach the
Dense through a model handed in, `trunk([nodes, pairs])`), models that take one step (`Input((1,
102))`: a spectrum fed as one step of 102 channels, whose one prediction is the sample's; also a
class or builder of this module that the scripts importing it build so) unless the targets are shown
to be 1-D (see below), and models whose targets the file builds as sequences
(`pad_sequences`, windows sliced per step, a 3-D reshape, a 2-D reshape to as many steps as each
input sample has (`y.reshape(-1, T)` beside `Input(shape=(T, 3))`, a builder given `T`, or the
input array's `x.shape[1]` where `x = a.reshape(n, T, 3)`: Keras brings `(n, T)` targets and
`(n, T, 1)` predictions to one rank; under a one-unit head any second axis written but 1 or -1, as
`(n, B)` targets fail in the loss unless B is T), an array made with three or more axes
(`np.zeros((n, T, 1))`, `np.random.rand(n, h, w, 1) * 10`) or literal nested lists, blocks of rows
appended per sample as the inputs are (`outputs.append(frame[frame.day == d][cols].values)` beside
`inputs.append(frame[frame.day == d0][feats].values)`), one value per series of several stacked as
the steps of each sample (`ys.append([a[i + w], b[i + w]])` beside `xs.append([a[i:i + w], b[i:i +
w]])`), or the input
itself; read through the rows of a cross-validation fold, `y[tr]` in `for tr, va in kf.split(x)`)
— also a model trained on a dataset when the file's `dataset.map(f)` returns per-step
labels (`labels = window[:, 1:, :]`, as the TensorFlow time-series tutorial does; of a dataset of
windows not yet batched, `ds.window(n).flat_map(…).map(lambda w: (w[:-1], w[1:]))`), also when that
`map` is in a project module the file reads (a `WindowGenerator` in windows.py) or the model's
builder is fitted on such a dataset by the scripts that import it, and a model another module's code
the file runs trains on such targets there (a patch critic's `train_on_batch(x, np.ones((b, 16, 16, 1)))`). A multi-class head (a softmax over several units, or a categorical loss — also a
loss function of the file returning one, or the loss the scripts importing the builder compile it with) over steps is
taken for a per-token tagger and left alone, and so is a model every compile trains with binary
crossentropy (of a builder, every compile of the scripts importing it) (a sigmoid score per position: a PatchGAN discriminator's real / fake per patch, a
segmentation mask, whose labels are often built from the model's own output shape), unless the
file shows one label per sample for every `fit`: a `to_categorical` / `np.eye(k)[…]` one-hot of labels, `get_dummies`, a `LabelBinarizer`
transform, a `(samples, classes)` array (`np.zeros((n, k))`, `np.eye(n, k)`), a flat list of literal labels
(`[0, 2, 1]`; a list of arrays, one per output of the model, is not one), the labels of a
directory iterator (`flow_from_directory`, `image_dataset_from_directory`; also one a data module's function returns, also through a name it binds first and its `prefetch` / `cache` / `shuffle`), a label column
(`df["label"]`, `data[:, -1]`, `df[187]` of a frame read without a header; also shifted to start at
0, `df["activity"].values - 1`, recoded per row, `df["sentiment"].map({"neg": 0, "pos": 1})`, or
thresholded row by row, `(df["label"] > 0)`, `.gt(0)`, `np.where(c > 0, 1, 0)`), one label per group of
rows (`df.groupby("window")["label"].max()`), one number appended per sample (`labels.append(0 if
"normal" in path else 1)`), or the labels of a `keras.datasets` `load_data()` — also as a
project module's function returns them (`x, y = load()`, data.py returning `x, to_categorical(labels,
k)`), or as a script hands them to another module's function that fits the model (`train(x, y)`, also
`train([x, y, vx, vy])` taken apart there by `x, y, vx, vy = data`). Over rank-3 steps,
where taggers live, a one-hot counts only when what it encodes is itself shown to be per sample
(`to_categorical(np.load(...))` may encode a tagger's 2-D tags); over images any one-hot will do. Whatever the
tracker cannot follow (a `Lambda`, a custom layer, attention, a tensor op) keeps it silent. Of a model
with several outputs, one that the model's own layers go on to use (an attention gate multiplied
into the features and also returned, to look at) or one no entry of a dict of losses trains is not
a prediction head.

A model that takes one step per sample is reported when every target it is fitted on is shown to be
1-D, one number per sample: a frame's column (`pd.read_csv(p)["price"]`, `df.iloc[:, 0]`,
`df.values[:, -1]`), a flattening (`y.ravel()`, `y.reshape(-1)`), a 1-D draw or range
(`rng.uniform(8, 14, size=n)`), or a list of scalars appended one per sample (`ys.append(data[i +
w, 0])`, as the many LSTM tutorials that reshape their windows to `(n, 1, look_back)` do). Its
predictions are `(n, 1, 1)`; Keras brings targets and predictions to one rank only when they are one
rank apart, so `(n,)` targets are broadcast against them to `(n, 1, n)` and every prediction is
trained towards the mean of the batch's targets. Targets kept as a column (`(n, 1)`, also a reshape
to it anywhere the file binds them) are one per sample as they should be, and are not reported.

## Why is this bad?
`Dense` acts on the last axis only. On a `(batch, steps, features)` tensor it predicts one value per
time step, so the model's output is `(batch, steps, 1)` while the targets are `(batch, 1)`. With a
regression loss Keras does not complain: the loss broadcasts the targets over the steps and trains
every step, which sees only its own part of the input, to predict the same number, and `predict()`
returns a sequence of predictions per sample instead of one. The validation loss ends far worse than
the same network with a `Flatten` or a global pooling. (With a classification head and one label
per sample, Keras stops at `fit()` with a shape error instead, or trains every position on the
image's label.)

## Example
```python
model = Sequential()
model.add(LSTM(64, input_shape=(30, 4), return_sequences=True))
model.add(Dropout(0.2))
model.add(Dense(1))
```

## Use instead
Reduce the steps before the head: a final recurrent layer without `return_sequences`, a `Flatten`,
or a global pooling:
```python
model = Sequential()
model.add(LSTM(64, input_shape=(30, 4), return_sequences=True))
model.add(Dropout(0.2))
model.add(Flatten())
model.add(Dense(1))
```
If the model should predict one value per step, wrap the head in `TimeDistributed` and give it
per-step targets.

## Fix safety
The fix inserts a `Flatten()` before the reported `Dense` (a new element of a Sequential list, a new
`model.add(...)` statement, or `Dense(...)(Flatten()(x))` in a functional model), spelled the way the
file spells `Dense`. It is unsafe: it changes the model's weights and output shape, and a global
pooling or `return_sequences=False` may be the better choice. No fix is offered where the file binds
the name it would write (`Flatten`, or the file's alias of it) to anything but Keras' `Flatten`.
"""
    VALID = [
        # an encoder-decoder forecaster: the decoder starts from the encoder's states and runs over
        # the horizon's known inputs, one prediction per forecast step
        """
import numpy as np
import keras
import tensorflow as tf
from keras import layers

HORIZON, PAST = 12, 48
ds = tf.data.Dataset.from_tensor_slices(np.load("table.npy").astype("float32"))
ds = ds.window(PAST + HORIZON, shift=1, drop_remainder=True).flat_map(lambda w: w.batch(PAST + HORIZON))
ds = ds.map(lambda w: ((w[:-HORIZON], w[-HORIZON:, -2:]), w[-HORIZON:, 0])).batch(32)
past = keras.Input((PAST, 5))
_, h, c = layers.LSTM(32, return_state=True)(past)
known = keras.Input((HORIZON, 2))
steps = layers.LSTM(32, return_sequences=True)(known, initial_state=[h, c])
forecast = layers.Dense(1)(layers.Dense(16, activation="relu")(steps))
model = keras.Model([past, known], forecast)
model.compile(optimizer="adam", loss="mae")
model.fit(ds, epochs=2)
""",
        # per-step windows joined with np.stack: the array np.array would make, one window per sample
        """\
import numpy as np
from tensorflow import keras

flow = np.loadtxt("traffic.csv", delimiter=",")
xs, ys = [], []
for i in range(len(flow) - 96):
    xs.append(flow[i:i + 48])
    ys.append(flow[i + 1:i + 49, :1])
x, y = np.stack(xs), np.stack(ys, axis=0)
model = keras.Sequential([keras.Input((48, flow.shape[1])), keras.layers.LSTM(64, return_sequences=True),
                          keras.layers.Dense(1)])
model.compile(optimizer="adam", loss="mse")
model.fit(x, y, epochs=3)
""",
        # per-step targets: each sample's window of steps held in a name, then appended
        """\
import numpy as np
from tensorflow import keras


def cut_windows(table, steps, n_out):
    xs, ys = [], []
    for start in range(0, len(table) - steps, steps):
        x_in = table[start:start + steps, :-n_out]
        y_in = table[start:start + steps, -n_out:]
        xs.append(x_in)
        ys.append(y_in)
    return np.array(xs), np.array(ys)


x, y = cut_windows(np.loadtxt("moisture.csv", delimiter=","), 48, 1)
model = keras.Sequential([keras.Input((48, x.shape[2])), keras.layers.LSTM(32, return_sequences=True),
                          keras.layers.Dense(1)])
model.compile(optimizer="adam", loss="mae")
model.fit(x, y, epochs=5)
""",
        """\
import numpy as np
from tensorflow.keras.models import Sequential
from tensorflow.keras.layers import InputLayer, LSTM, Dense
# per-day targets of whole station records: the input's steps as the input array's shape[1]
table = np.random.rand(3650, 5)
y_tr = table[:, 0].reshape(10, 365)
x_tr = table[:, 1:].reshape(10, 365, 4)
def build(n_out):
    return Sequential([InputLayer(input_shape=(x_tr.shape[1], x_tr.shape[2])), LSTM(8, return_sequences=True),
                       Dense(n_out)])
net = build(int(input()))
net.compile(loss="mae", optimizer="adam")
net.fit(x_tr, y_tr, epochs=2)
""",
        """\
import numpy as np
from tensorflow import keras
# (probes, record_length) targets against a one-unit head over steps: per-step (any other length
# but the steps' would fail in the loss)
def train(frame, probes, record_length, steps, features):
    y = frame.pop("moisture").to_numpy().reshape(len(probes), record_length)
    x = np.stack(np.split(frame.to_numpy(), len(probes)))
    net = keras.Sequential([keras.layers.InputLayer(input_shape=(steps, features)),
                            keras.layers.LSTM(8, return_sequences=True), keras.layers.Dense(1)])
    net.compile(loss="mae", optimizer="adam")
    net.fit(x, y, epochs=2)
""",
        # a character model reading token ids of any length: one prediction per step
        """
import tensorflow as tf
net = tf.keras.Sequential([
    tf.keras.layers.Embedding(50, 16, input_shape=(None,)),
    tf.keras.layers.GRU(64, return_sequences=True),
    tf.keras.layers.Dense(50),
])
""",
        # ... the same through the functional API
        """
from tensorflow import keras
ids = keras.Input(shape=(None,))
h = keras.layers.LSTM(64, return_sequences=True)(keras.layers.Embedding(50, 16)(ids))
model = keras.Model(ids, keras.layers.Dense(50)(h))
model.compile(optimizer="adam", loss="mse")
""",
        # two per-token heads of one model (a tagger and a decoder), their targets given as a list:
        # a list of arrays, one per output, is not a flat list of labels
        """
import numpy as np
from keras.layers import Input, Embedding, GRU, Bidirectional, Dense
from keras.models import Model
doc = Input(shape=(None,))
question = Input(shape=(None,))
embed = Embedding(50, 16, mask_zero=True)
tags = Dense(2, activation="softmax")(Bidirectional(GRU(16, return_sequences=True))(embed(doc)))
words = Dense(50, activation="softmax")(GRU(16, return_sequences=True)(embed(question)))
model = Model([doc, question], [tags, words])
model.compile(loss=["sparse_categorical_crossentropy", "sparse_categorical_crossentropy"], optimizer="adam")
d = np.random.randint(1, 50, (4, 12))
q = np.random.randint(1, 50, (4, 6))
model.train_on_batch([d, q], [np.expand_dims(d % 2, -1), np.expand_dims(np.roll(q, -1, axis=1), -1)])
""",
        # a builder, and the function that trains what it builds with per-step weights
        """
from tensorflow import keras
def get_model(steps, feats):
    inputs = keras.layers.Input(shape=(steps, feats))
    x = keras.layers.Bidirectional(keras.layers.LSTM(32, return_sequences=True))(inputs)
    return keras.Model(inputs, keras.layers.Dense(1)(keras.layers.Dense(16, activation="selu")(x)))
def train(x_train, y_train, weights):
    model = get_model(x_train.shape[1], x_train.shape[2])
    model.compile(optimizer="adam", loss="mae", sample_weight_mode="temporal")  # noqa: RL504
    model.fit(x_train, y_train, sample_weight=weights, epochs=1)
    return model
""",
        # one target per step: the targets reshaped to (breaths, T) where each input sample is (T, 3),
        # then split per fold by index (a ventilator-pressure k-fold loop)
        """
import numpy as np
import tensorflow as tf
from sklearn.model_selection import KFold
T = 80
raw = np.load("breaths.npy")
x = raw[:, :3].reshape(-1, T, 3)
y = raw[:, 3].reshape(-1, T)
for fold, (tr, va) in enumerate(KFold(n_splits=5).split(x, y)):
    inp = tf.keras.layers.Input(shape=(T, 3))
    h = tf.keras.layers.Bidirectional(tf.keras.layers.LSTM(64, return_sequences=True))(inp)
    model = tf.keras.Model(inp, tf.keras.layers.Dense(1)(h))
    model.compile(optimizer="adam", loss="mae")
    x_train, y_train = x[tr], y[tr]
    model.fit(x_train, y_train, validation_data=(x[va], y[va]), epochs=1)
""",
        # a per-pixel linear head (a 1x1 projection) on targets made per pixel, scaled
        """
import numpy as np
from tensorflow import keras
from tensorflow.keras import layers
rgb = np.random.rand(32, 64, 64, 3)
depth = np.random.rand(32, 64, 64, 1) * 10.0
inp = keras.Input(shape=(64, 64, 3))
feat = layers.Conv2D(32, 3, padding="same", activation="relu")(inp)
net = keras.Model(inp, layers.Dense(1)(feat))
net.compile(optimizer="adam", loss="mae")
net.fit(rgb, depth, epochs=2)
""",
        # a functional graph built in a loop: the last block (the `if` arm) pools globally
        """
from keras import layers, models
def build(n_blocks=4, vocab=1000, seq_len=64):
    inp = layers.Input((seq_len,))
    h = layers.Embedding(vocab, 32)(inp)
    for i in range(n_blocks):
        h = layers.Conv1D(32, 3, padding="same", activation="relu")(h)
        if i == n_blocks - 1:
            h = layers.GlobalMaxPooling1D()(h)
        else:
            h = layers.MaxPooling1D(2)(h)
    out = layers.Dense(1)(layers.Dense(16, activation="relu")(h))
    model = models.Model(inp, out)
    model.compile(optimizer="adam", loss="mse")
    return model
""",
        # an attention gate the model multiplies into its features, also returned as an output to
        # look at (no loss trains it): the prediction head reads the LSTM's last state
        """
import keras
from keras import layers
inp = keras.Input((64, 4))
feats = layers.MaxPooling1D(2)(layers.Conv1D(16, 3, padding="same", activation="relu")(inp))
att = layers.Activation("sigmoid", name="att")(layers.Dense(1)(layers.MaxPooling1D(2)(inp)))
h = layers.LSTM(16)(layers.Multiply()([feats, att]))
out = layers.Dense(1, name="bp")(h)
model = keras.Model(inp, [out, att])
model.compile(optimizer="adam", loss={"bp": "mse"})
""",
        # a decoder repeating its vector over the steps with a tensor op (RepeatVector written out)
        """
import keras
import numpy as np
from keras import layers, ops
class TrajectoryDecoder(keras.Model):
    def __init__(self, steps, features):
        super().__init__()
        self.steps = steps
        self.proj = layers.Dense(64, activation="relu")
        self.lstm = layers.LSTM(64, return_sequences=True)
        self.out = layers.Dense(features)
    def call(self, inputs):
        seq = ops.repeat(ops.expand_dims(self.proj(inputs), axis=1), self.steps, axis=1)
        return self.out(self.lstm(seq))
model = TrajectoryDecoder(50, 17)
model.compile(optimizer="adam", loss="mse")
model.fit(np.load("params.npy"), np.load("trajectories.npy"), epochs=1)
""",
        # a loss function of the file returning a categorical loss (TensorFlow's character RNN tutorial)
        """
import numpy as np
import tensorflow as tf
def build_model(vocab_size):
    return tf.keras.Sequential([
        tf.keras.layers.Embedding(vocab_size, 256),
        tf.keras.layers.GRU(1024, return_sequences=True),
        tf.keras.layers.Dense(vocab_size),
    ])
def loss(labels, logits):
    return tf.keras.losses.sparse_categorical_crossentropy(labels, logits, from_logits=True)
model = build_model(65)
model.compile(optimizer="adam", loss=loss)
model.fit(np.load("x.npy"), np.load("next_chars.npy"), epochs=1)
""",
        # a PatchGAN discriminator trained with squared error on one target per patch, the patch
        # shape held by the instance
        """
import numpy as np
from keras.layers import Input, Conv2D, Dense
from keras.models import Model
class GAN:
    def __init__(self):
        self.disc_patch = (16, 16, 1)
        inp = Input(shape=(64, 64, 3))
        x = Conv2D(32, 3, strides=4, padding="same")(inp)
        self.discriminator = Model(inp, Dense(1, activation="sigmoid")(x))
        self.discriminator.compile(loss="mse", optimizer="adam")
    def train(self, imgs, batch_size=8):
        valid = np.ones((batch_size,) + self.disc_patch)
        self.discriminator.train_on_batch(imgs, valid)
GAN().train(np.random.rand(8, 64, 64, 3))
""",
        # per-step targets made with their shape written out: a per-step discriminator's labels
        """
import numpy as np
import tensorflow as tf
critic = tf.keras.Sequential([
    tf.keras.layers.LSTM(32, input_shape=(30, 1), return_sequences=True),
    tf.keras.layers.Dense(1),
])
critic.compile(loss="mse", optimizer="sgd")
critic.train_on_batch(np.random.randn(128, 30, 1), np.ones((128, 30, 1)))
critic.fit(np.random.rand(128, 30, 1), np.random.normal(size=(128, 30, 1)), epochs=1)
""",
        # a loop of recurrent layers whose last one (the `elif` arm) returns one vector: the arms are
        # listed first / last / middle, but the last iteration runs the `elif`
        """
from tensorflow import keras
from tensorflow.keras import layers
def stacked(n_layers, steps, feats):
    model = keras.Sequential()
    for i in range(n_layers):
        if i == 0:
            model.add(layers.GRU(32, return_sequences=True, input_shape=(steps, feats)))
        elif i == n_layers - 1:
            model.add(layers.GRU(32, return_sequences=False))
        else:
            model.add(layers.GRU(32, return_sequences=True))
        model.add(layers.Dropout(0.2))
    model.add(layers.Dense(1))
    model.compile(loss="mse", optimizer="adam")
    return model
""",
        # per-step targets: (samples, steps, classes), and an iterator that yields no labels
        """
import numpy as np
import keras
y_tags = np.zeros((500, 98, 7))
tagger = keras.Sequential([keras.Input((100, 1)), keras.layers.Conv1D(32, 3),
                           keras.layers.Dense(7, activation="softmax")])
tagger.compile(optimizer="adam", loss="categorical_crossentropy")
tagger.fit(np.random.rand(500, 100, 1), y_tags)
from keras.preprocessing.image import ImageDataGenerator
images = ImageDataGenerator().flow_from_directory("data", class_mode=None)
seg = keras.Sequential([keras.Input((64, 64, 3)), keras.layers.Conv2D(8, 3),
                        keras.layers.Dense(4, activation="softmax")])
seg.compile(optimizer="adam", loss="categorical_crossentropy")
seg.fit(images)
""",
        # a character model TensorFlow Federated trains with a categorical loss of its own (never
        # compiled): a per-token classifier
        """
import tensorflow as tf
import tensorflow_federated as tff


def char_model():
    net = tf.keras.Sequential()
    net.add(tf.keras.layers.Embedding(input_dim=12, output_dim=16, input_length=8))
    net.add(tf.keras.layers.LSTM(32, return_sequences=True))
    net.add(tf.keras.layers.Dense(12))
    return net


def model_fn():
    return tff.learning.models.from_keras_model(
        keras_model=char_model(), input_spec=None,
        loss=tf.keras.losses.SparseCategoricalCrossentropy(from_logits=True))


process = tff.learning.algorithms.build_weighted_fed_avg(
    model_fn, client_optimizer_fn=lambda: tf.keras.optimizers.SGD(learning_rate=0.1))
""",
        # per-step targets packed into a list with the inputs, unpacked in the training function
        """
import numpy as np
from sklearn.model_selection import train_test_split
from keras.models import Sequential
from keras.layers import LSTM, Dense

X = np.expand_dims(np.load("noisy.npy"), axis=2)
Y = np.expand_dims(np.load("clean.npy"), axis=2)
Dataset = [X, Y]


def train(Dataset):
    [x, y] = Dataset
    x_tr, x_va, y_tr, y_va = train_test_split(x, y, test_size=0.3)
    model = Sequential([LSTM(32, input_shape=(256, 1), return_sequences=True), Dense(1)])
    model.compile(loss="mse", optimizer="adam")
    model.fit(x_tr, y_tr, validation_data=(x_va, y_va), epochs=5)


train(Dataset)
""",
        # one step of 102 channels (a spectrum fed as one step): its one prediction is the sample's
        """
import numpy as np
import keras
from keras import layers

inp = keras.Input((1, 102))
h = layers.Conv1D(8, 3, padding="same", activation="relu")(inp)
h = layers.Dense(20, activation="relu")(h)
model = keras.Model(inp, layers.Dense(1)(h))
model.compile(loss="mse", optimizer="adam")
model.fit(np.random.rand(300, 1, 102), np.random.uniform(8.0, 14.0, size=(300, 1)))
""",
        # the look-alike: one step per sample, a frame's column made a column again, (n, 1)
        """
import numpy as np
import pandas as pd
import keras
from keras import layers

table = pd.read_csv("spectra.csv")
y = table["moisture"].values
y = y.reshape(-1, 1)
inp = keras.Input((1, 102))
h = layers.Conv1D(8, 3, padding="same", activation="relu")(inp)
model = keras.Model(inp, layers.Dense(1)(h))
model.compile(loss="mse", optimizer="adam")
model.fit(np.load("x.npy"), y, epochs=20)
""",
        # the look-alike: a mask thresholded per position, a sigmoid per step under binary crossentropy
        """
import numpy as np
from keras.models import Sequential
from keras.layers import Conv1D, Dense, Input

signal = np.load("signal.npy")
model = Sequential([Input(shape=(187, 1)), Conv1D(16, 5, padding="same", activation="relu"),
                    Dense(1, activation="sigmoid")])
model.compile(optimizer="adam", loss="binary_crossentropy")
model.fit(signal, (np.load("spikes.npy") > 0.5).astype("float32"), epochs=10)
""",
        # the look-alike: 0 / 1 flags appended per step of each clip (a list per clip): a mask per step
        """
import numpy as np
import tensorflow as tf

clips, masks = [], []
for path in sorted(tf.io.gfile.glob("clips/*.npy")):
    clip = np.load(path)
    clips.append(clip)
    masks.append([1 if v > 0.5 else 0 for v in clip[:, 0]])
model = tf.keras.Sequential([tf.keras.layers.LSTM(32, return_sequences=True, input_shape=(30, 3)),
                             tf.keras.layers.Dense(1, activation="sigmoid")])
model.compile(optimizer="adam", loss="binary_crossentropy")
model.fit(np.array(clips), np.array(masks), epochs=5)
""",
        # the look-alike: one step per sample, targets of a rank the file does not show
        """
import numpy as np
from keras.models import Sequential
from keras.layers import LSTM, Dense

x, y = np.load("x.npy"), np.load("y.npy")
model = Sequential([LSTM(4, input_shape=(1, 3), return_sequences=True), Dense(1)])
model.compile(loss="mse", optimizer="adam")
model.fit(x.reshape(-1, 1, 3), y, epochs=10)
""",
        # inputs of any length read by a model handed in (a pretrained trunk), then per position
        """
import tensorflow as tf
from tensorflow.keras import layers as L


def make_regressor(trunk, n_feat, n_edge):
    node = tf.keras.Input(shape=(None, n_feat))
    pair = tf.keras.Input(shape=(None, None, n_edge))
    h = trunk([node, pair])
    h = L.Conv1D(32, 3, padding="same", activation="relu")(h)
    model = tf.keras.Model(inputs=[node, pair], outputs=L.Dense(3)(h))
    model.compile(optimizer="adam", loss="mse")
    return model
""",
        # per-step targets in an array allocated with np.ndarray((n, steps, k)) and filled per sample
        """
import numpy as np
import keras
beats, pressures = np.load("beats.npy"), np.load("bp.npy")
X = np.ndarray((len(beats), 10, 300), dtype=float)
Y = np.ndarray((len(pressures), 10, 2), dtype=float)
for i in range(len(beats)):
    X[i], Y[i] = beats[i], pressures[i]
net = keras.Sequential([keras.Input((10, 300)), keras.layers.GRU(64, return_sequences=True),
                        keras.layers.Dense(2)])
net.compile(optimizer="adam", loss="mse")
net.fit(X, Y, epochs=5)
""",
        # a per-step forecaster whose tf.data pipeline cuts per-step labels (the TensorFlow
        # time-series tutorial's WindowGenerator): output and labels are both (batch, steps, 1)
        """
import keras
import tensorflow as tf
class Windows:
    def __init__(self, width):
        self.width = width
        self.labels_slice = slice(1, width + 1)
    def split(self, window):
        inputs = window[:, : self.width, :]
        labels = window[:, self.labels_slice, :]
        return inputs, labels
    def make(self, data):
        ds = keras.utils.timeseries_dataset_from_array(data, None, sequence_length=self.width + 1)
        return ds.map(self.split)
def compile_and_fit(model, windows, data):
    model.compile(loss="mse", optimizer="adam")
    return model.fit(windows.make(data), epochs=20)
lstm_model = keras.Sequential([keras.layers.LSTM(32, return_sequences=True), keras.layers.Dense(1)])
""",
        # Conv1D -> GlobalAveragePooling1D -> Dense and Conv -> pooling -> Flatten -> Dense
        """
from keras.models import Sequential
from keras.layers import Conv1D, MaxPooling1D, GlobalAveragePooling1D, Flatten, Dense
a = Sequential()
a.add(Conv1D(64, 3, activation="relu", input_shape=(128, 3)))
a.add(GlobalAveragePooling1D())
a.add(Dense(1))
b = Sequential([Conv1D(64, 2, activation="relu", input_shape=(128, 3)), MaxPooling1D(2),
                Flatten(), Dense(50, activation="relu"), Dense(1)])
b.compile(optimizer="adam", loss="mse")
""",
        # CNN-LSTM hybrid whose last LSTM returns one vector
        """
import tensorflow as tf
from tensorflow.keras import layers
model = tf.keras.Sequential([
    layers.Input(shape=(96, 8)),
    layers.Conv1D(32, 5, activation="relu", padding="causal"),
    layers.MaxPooling1D(2),
    layers.LSTM(64, return_sequences=True),
    layers.LSTM(32),
    layers.Dense(16, activation="relu"),
    layers.Dense(1),
])
model.compile(optimizer="adam", loss="huber")
""",
        # TimeDistributed head: a sequence-to-sequence model
        """
from keras.models import Sequential
from keras.layers import LSTM, Dense, TimeDistributed, RepeatVector
model = Sequential()
model.add(LSTM(100, input_shape=(30, 1)))
model.add(RepeatVector(7))
model.add(LSTM(100, return_sequences=True))
model.add(TimeDistributed(Dense(1)))
model.compile(loss="mse", optimizer="adam")
""",
        # a POS tagger: per-token softmax over the tags
        """
from tensorflow.keras.layers import Bidirectional, Dense, Embedding, LSTM
from tensorflow.keras.models import Sequential
from tensorflow.keras.preprocessing.sequence import pad_sequences
X = pad_sequences(token_ids, maxlen=60)
Y = pad_sequences(tag_ids, maxlen=60)
model = Sequential()
model.add(Embedding(20000, 128))
model.add(Bidirectional(LSTM(64, return_sequences=True)))
model.add(Dense(17, activation="softmax"))
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
model.fit(X, Y)
""",
        # attention over a return_sequences output, reduced before the head
        """
import tensorflow as tf
from tensorflow.keras import layers
inp = layers.Input(shape=(50, 6))
states = layers.LSTM(64, return_sequences=True)(inp)
scores = layers.Dense(1, activation="tanh")(states)
weights = layers.Softmax(axis=1)(scores)
context = layers.Lambda(lambda t: tf.reduce_sum(t[0] * t[1], axis=1))([states, weights])
out = layers.Dense(1)(context)
model = tf.keras.Model(inp, out)
model.compile(optimizer="adam", loss="mse")
""",
        # per-step targets: windows of the series, one target per input step
        """
import numpy as np
from keras.models import Sequential
from keras.layers import LSTM, Dense
xs, ys = [], []
for i in range(len(series) - 24):
    xs.append(series[i:i + 24])
    ys.append(series[i + 1:i + 25])
X, Y = np.array(xs)[..., None], np.array(ys)
model = Sequential([LSTM(32, input_shape=(24, 1), return_sequences=True), Dense(1)])
model.compile(optimizer="adam", loss="mse")
model.fit(X, Y)
""",
        # hidden Dense per step, then Flatten
        """
import keras
inp = keras.Input(shape=(64, 64, 3))
x = keras.layers.Conv2D(16, 3, activation="relu")(inp)
x = keras.layers.Dense(8, activation="relu")(x)
x = keras.layers.Flatten()(x)
out = keras.layers.Dense(1)(x)
model = keras.Model(inp, out)
""",
        # a tagger fed one-hot tags of padded sequences: a multi-class head per step is meant
        """
from keras.models import Sequential
from keras.layers import LSTM, Dense, Embedding
from keras.utils import to_categorical
from keras.preprocessing.sequence import pad_sequences
X = pad_sequences(words, maxlen=50)
y = to_categorical(pad_sequences(tags, maxlen=50), num_classes=9)
model = Sequential()
model.add(Embedding(5000, 64))
model.add(LSTM(64, return_sequences=True))
model.add(Dense(9, activation="softmax"))
model.compile(loss="categorical_crossentropy", optimizer="adam")
model.fit(X, y)
""",
        # a multi-class head over steps with targets the file does not show: silent
        """
from keras.models import Sequential
from keras.layers import LSTM, Dense
model = Sequential()
model.add(LSTM(64, return_sequences=True, input_shape=(50, 9)))
model.add(Dense(6, activation="softmax"))
model.compile(loss="categorical_crossentropy", optimizer="adam")
model.fit(X, Y)
""",
        # seq2seq on literal 3-D targets
        """
import numpy as np
from keras.models import Sequential
from keras.layers import LSTM, Dense
X = np.array([[[0.1], [0.2], [0.3]], [[0.2], [0.3], [0.4]]])
Y = np.array([[[0.2], [0.3], [0.4]], [[0.3], [0.4], [0.5]]])
model = Sequential()
model.add(LSTM(8, return_sequences=True, input_shape=(3, 1)))
model.add(Dense(1))
model.compile(loss="mse", optimizer="adam")
model.fit(X, Y)
""",
        # return_sequences decided by a parameter: unknown, silent
        """
from keras.models import Sequential
from keras.layers import LSTM, Dense
def build(seq):
    model = Sequential()
    model.add(LSTM(32, input_shape=(10, 2), return_sequences=seq))
    model.add(Dense(1))
    return model
""",
        # A tagger's tags loaded from disk and one-hot encoded: nothing shows one label per sample.
        """
import numpy as np
from keras.models import Sequential
from keras.layers import LSTM, Dense
from keras.utils import to_categorical
tags = np.load("tags.npy")
model = Sequential([LSTM(64, return_sequences=True, input_shape=(40, 100)), Dense(9, activation="softmax")])
model.compile(loss="categorical_crossentropy", optimizer="adam")
model.fit(X, to_categorical(tags, 9))
""",
        # a PatchGAN discriminator: one real / fake score per patch, binary crossentropy, labels
        # made elsewhere from the model's output shape (idealo/image-super-resolution)
        """
from tensorflow.keras.layers import Conv2D, Dense, Input, LeakyReLU
from tensorflow.keras.models import Model
from tensorflow.keras.optimizers import Adam
class PatchDiscriminator:
    def __init__(self, size=64):
        hr = Input(shape=(size, size, 3))
        x = LeakyReLU(0.2)(Conv2D(32, 3, strides=2, padding="same")(hr))
        x = LeakyReLU(0.2)(Conv2D(64, 3, strides=2, padding="same")(x))
        x = LeakyReLU(0.2)(Dense(128)(x))
        out = Dense(1, activation="sigmoid")(x)
        self.model = Model(hr, out)
        self.model.compile(loss="binary_crossentropy", optimizer=Adam(2e-4, 0.5), metrics=["accuracy"])
""",
        # windows cut by tf.data and split per step before batching: the labels are the next steps
        """\
import numpy as np
import tensorflow as tf

load = np.load("load_kw.npy").astype("float32").reshape(-1, 1)
ds = tf.data.Dataset.from_tensor_slices(load).window(25, shift=1, drop_remainder=True)
ds = ds.flat_map(lambda win: win.batch(25)).map(lambda win: (win[:-1], win[1:])).shuffle(500).batch(64)
m = tf.keras.Sequential([tf.keras.layers.Input((24, 1)), tf.keras.layers.GRU(16, return_sequences=True),
                         tf.keras.layers.Dense(1)])
m.compile(optimizer="adam", loss="mse")
m.fit(ds, epochs=3)
""",
        # the same windows, a step of the pipeline per statement
        """\
import numpy as np
import tensorflow as tf

load = np.load("load_kw.npy").astype("float32").reshape(-1, 1)
ds = tf.data.Dataset.from_tensor_slices(load)
ds = ds.window(25, shift=1, drop_remainder=True)
ds = ds.flat_map(lambda win: win.batch(25))
ds = ds.map(lambda win: (win[:-1], win[1:]))
ds = ds.shuffle(500).batch(64)
m = tf.keras.Sequential([tf.keras.layers.Input((24, 1)), tf.keras.layers.GRU(16, return_sequences=True),
                         tf.keras.layers.Dense(1)])
m.compile(optimizer="adam", loss="mse")
m.fit(ds, epochs=3)
""",
        # an encoder-decoder repeating the encoder's state with a tensor op inside a Lambda
        """\
import numpy as np
import keras
from keras import layers, ops

inp = keras.Input((48, 3))
state = layers.LSTM(32)(inp)
steps = layers.Lambda(lambda t: ops.repeat(ops.expand_dims(t, 1), 12, axis=1))(state)
dec = layers.LSTM(32, return_sequences=True)(steps)
model = keras.Model(inp, layers.Dense(1)(dec))
model.compile(optimizer="adam", loss="mse")
model.fit(np.load("x.npy"), np.load("y.npy"), epochs=3)
""",
        # a ConvNeXt-style block: a Sequential whose Dense layers act per position, used inside
        # the model, its output added to its input; the model pools before its head
        """\
import keras
from keras import layers


def block(x, c):
    mlp = keras.Sequential([layers.DepthwiseConv2D(7, padding="same"), layers.LayerNormalization(),
                            layers.Dense(4 * c), layers.Activation("gelu"), layers.Dense(c)])
    return layers.Add()([x, mlp(x)])


inp = keras.Input((32, 32, 3))
h = block(block(layers.Conv2D(48, 4, strides=4)(inp), 48), 48)
out = layers.Dense(10, activation="softmax")(layers.GlobalAveragePooling2D()(h))
model = keras.Model(inp, out)
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
""",
        # one-hot rows of an array indexed by an integer: per-step tags, not a column
        """\
import numpy as np
from tensorflow.keras.layers import Conv1D, Dense
from tensorflow.keras.models import Sequential
from tensorflow.keras.utils import to_categorical

tags = np.load("tags.npy")
x = np.load("tokens.npy")
y = to_categorical(tags[187], 5)
net = Sequential([Conv1D(32, 5, activation="relu", padding="same", input_shape=(187, 1)),
                  Dense(5, activation="softmax")])
net.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])
net.fit(x, y, epochs=3)
""",
        # per-step tags shifted to start at 0: a sequence of labels per sample, a tagger
        """\
import numpy as np
from keras.layers import LSTM, Dense
from keras.models import Sequential
from keras.preprocessing.sequence import pad_sequences

x = np.load("tokens.npy")
tags = pad_sequences(np.load("tags.npy", allow_pickle=True), maxlen=50) - 1
model = Sequential([LSTM(64, return_sequences=True, input_shape=(50, 32)),
                    Dense(9, activation="softmax")])
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
model.fit(x, tags, epochs=10)
""",
        # the keywords a splat may pass include return_sequences: the last layer may not return steps
        """
import numpy as np
from keras.models import Sequential
from keras.layers import LSTM, Dense
def build(units, window, n_features):
    model = Sequential()
    for i, n in enumerate(units):
        extra = {"return_sequences": True} if i < len(units) - 1 else {}
        model.add(LSTM(n, input_shape=(window, n_features), **extra))
    model.add(Dense(1))
    return model
model = build((64, 32), 30, 5)
model.compile(loss="mse", optimizer="adam")
model.fit(np.random.rand(8, 30, 5), np.random.rand(8), epochs=2)
""",
        # per-step networks trained only by a GradientTape loop of their own (a TimeGAN's embedder and
        # recovery): what the loop compares them with is not read
        """
import numpy as np
import tensorflow as tf
from tensorflow import keras


def recurrent(units, out_dim):
    return keras.Sequential([keras.layers.GRU(units, return_sequences=True),
                             keras.layers.Dense(out_dim, activation="sigmoid")])


embedder, recovery = recurrent(24, 24), recurrent(24, 5)
optimizer = keras.optimizers.Adam()
series = np.random.rand(64, 30, 5).astype("float32")
for batch in tf.data.Dataset.from_tensor_slices(series).batch(16):
    with tf.GradientTape() as tape:
        rebuilt = recovery(embedder(batch))
        loss = tf.reduce_mean(tf.square(batch - rebuilt))
    weights = embedder.trainable_variables + recovery.trainable_variables
    optimizer.apply_gradients(zip(tape.gradient(loss, weights), weights))
""",
        # two series stacked as the two steps of each sample, one next value for each: per-step
        """
import numpy as np
from keras.layers import LSTM, Bidirectional, Dense
from keras.models import Sequential

train_curve, val_curve = list(np.random.rand(200)), list(np.random.rand(200))
xs, ys = [], []
for i in range(len(train_curve) - 8):
    xs.append([train_curve[i:i + 8], val_curve[i:i + 8]])
    ys.append([train_curve[i + 8], val_curve[i + 8]])
net = Sequential([Bidirectional(LSTM(32, return_sequences=True)), Dense(1)])
net.compile(loss="mean_squared_error", optimizer="adam")
net.fit(np.array(xs), np.array(ys), epochs=3)
""",
        # inputs and targets appended as blocks of rows one day selects from the same frame: per-step
        """
import numpy as np
import pandas as pd
from tensorflow import keras

bars = pd.read_csv("bars.csv")
days = sorted(bars["day"].unique())
inputs, outputs = [], []
for prev, cur in zip(days[:-1], days[1:]):
    inputs.append(bars[bars.day == prev][["open", "high", "low", "close"]].values)
    outputs.append(bars[bars["day"] == cur][["high", "low"]].values)
x, y = np.array(inputs), np.array(outputs)
net = keras.Sequential([keras.Input((x.shape[1], 4)), keras.layers.LSTM(48, return_sequences=True),
                        keras.layers.Dense(2)])
net.compile(optimizer="adam", loss="mse")
net.fit(x, y, epochs=10)
""",
    ]
    INVALID = [
        # no decoder started from an encoder's states: the head reads every step of the past
        """
import numpy as np
import keras
from keras import layers

past = keras.Input((48, 5))
steps = layers.LSTM(32, return_sequences=True)(past)
forecast = layers.Dense(1)(steps)  # expect: RL301
model = keras.Model(past, forecast)
model.compile(optimizer="adam", loss="mae")
model.fit(np.load("past.npy"), np.load("next_value.npy").reshape(-1), epochs=2)
""",
        # windows of inputs joined with np.stack, but one next value per sample as the target
        """
import numpy as np
from tensorflow import keras

flow = np.loadtxt("traffic.csv", delimiter=",")
xs, ys = [], []
for i in range(len(flow) - 49):
    xs.append(flow[i:i + 48])
    ys.append(flow[i + 48, 0])
x, y = np.stack(xs), np.stack(ys)
model = keras.Sequential([keras.Input((48, flow.shape[1])), keras.layers.LSTM(64, return_sequences=True),
                          keras.layers.Dense(1)])  # expect: RL301
model.compile(optimizer="adam", loss="mse")
model.fit(x, y, epochs=3)
""",
        # two series stacked as steps, but one target per sample (the first series' next value)
        """
import numpy as np
from keras.layers import LSTM, Bidirectional, Dense
from keras.models import Sequential

train_curve, val_curve = list(np.random.rand(200)), list(np.random.rand(200))
xs, ys = [], []
for i in range(len(train_curve) - 8):
    xs.append([train_curve[i:i + 8], val_curve[i:i + 8]])
    ys.append(train_curve[i + 8])
net = Sequential([Bidirectional(LSTM(32, return_sequences=True)), Dense(1)])  # expect: RL301
net.compile(loss="mean_squared_error", optimizer="adam")
net.fit(np.array(xs), np.array(ys), epochs=3)
""",
        # a per-step softmax over a sentiment recoded per row (`.map({...})`): one label per sample
        """\
import pandas as pd
from tensorflow import keras
from tensorflow.keras import layers
from tensorflow.keras.utils import to_categorical
df = pd.read_csv("tweets.csv")
y = to_categorical(df["sentiment"].map({"negative": 0, "neutral": 1, "positive": 2}).values, 3)
tokens = keras.Input((120,), dtype="int32")
h = layers.Bidirectional(layers.LSTM(64, return_sequences=True))(layers.Embedding(20000, 128)(tokens))
model = keras.Model(tokens, layers.Dense(3, activation="softmax")(h))  # expect: RL301
model.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])
model.fit(pd.read_pickle("x.pkl"), y, epochs=3)
""",
        """\
import numpy as np
from tensorflow import keras
# one target per sample, made a column with -1 (one per sample, not one per step)
def train(x, y, steps, features):
    y = y.reshape(len(y), -1)
    net = keras.Sequential([keras.layers.InputLayer(input_shape=(steps, features)),
                            keras.layers.LSTM(8, return_sequences=True),
                            keras.layers.Dense(1)])  # expect: RL301
    net.compile(loss="mae", optimizer="adam")
    net.fit(x, y, epochs=2)
""",
        # a one-hot of a label column read straight from the frame a CSV read returns
        """
import numpy as np
import pandas as pd
from tensorflow import keras
from tensorflow.keras.utils import to_categorical
x = np.load("tokens.npy")
labels = pd.read_csv("news.csv")["label"].values
inp = keras.Input((200,))
h = keras.layers.LSTM(64, return_sequences=True)(keras.layers.Embedding(20000, 64)(inp))
out = keras.layers.Dense(4, activation="softmax")(h)  # expect: RL301
m = keras.Model(inp, out)
m.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])
m.fit(x, to_categorical(labels, 4), epochs=3)
""",
        # a softmax over steps fitted on a flat literal list: one label per sample
        """
import numpy as np
from keras.layers import Input, LSTM, Dense
from keras.models import Model
inp = Input(shape=(10, 4))
out = Dense(3, activation="softmax")(LSTM(8, return_sequences=True)(inp))  # expect: RL301
model = Model(inp, out)
model.compile(loss="sparse_categorical_crossentropy", optimizer="adam")
model.fit(np.random.rand(4, 10, 4), np.array([0, 2, 1, 1]), epochs=2)
""",
        # one target per breath (a (breaths, 1) reshape) under a per-step head, split per fold
        """
import numpy as np
import tensorflow as tf
from sklearn.model_selection import KFold
T = 80
raw = np.load("breaths.npy")
x = raw[:, :3].reshape(-1, T, 3)
y = raw[::T, 3].reshape(-1, 1)
for fold, (tr, va) in enumerate(KFold(n_splits=5).split(x, y)):
    inp = tf.keras.layers.Input(shape=(T, 3))
    h = tf.keras.layers.Bidirectional(tf.keras.layers.LSTM(64, return_sequences=True))(inp)
    model = tf.keras.Model(inp, tf.keras.layers.Dense(1)(h))  # expect: RL301
    model.compile(optimizer="adam", loss="mae")
    model.fit(x[tr], y[tr], validation_data=(x[va], y[va]), epochs=1)
""",
        # one-hot labels per sample, shifted to start at 0 first
        """
import numpy as np
import pandas as pd
from tensorflow.keras.utils import to_categorical
from tensorflow.keras.models import Sequential
from tensorflow.keras.layers import Conv1D, MaxPooling1D, Dense
df = pd.read_csv("labels.csv")
X = np.load("windows.npy")
y = to_categorical(df["activity"].values - 1, 6)
model = Sequential()
model.add(Conv1D(64, 3, activation="relu", input_shape=(128, 9)))
model.add(MaxPooling1D(2))
model.add(Dense(100, activation="relu"))  # expect: RL301
model.add(Dense(6, activation="softmax"))
model.compile(loss="categorical_crossentropy", optimizer="adam", metrics=["accuracy"])
model.fit(X, y, epochs=15)
""",
        # rank-3 branches merged by the functional `layers.concatenate`
        """
import numpy as np
from tensorflow.keras import layers, Model
X, y = np.load("w.npy"), np.load("rul.npy")
inp = layers.Input(shape=(128, 6))
a = layers.Conv1D(32, 5, padding="same", activation="relu")(inp)
b = layers.LSTM(32, return_sequences=True)(inp)
m = layers.concatenate([a, b])
out = layers.Dense(1)(m)  # expect: RL301
model = Model(inp, out)
model.compile(optimizer="adam", loss="mse")
model.fit(X, y, epochs=5)
""",
        # one-hot labels per sample, split by train_test_split
        """
import numpy as np
import pandas as pd
from sklearn.model_selection import train_test_split
from tensorflow import keras
from tensorflow.keras import layers
X = np.load("X.npy"); df = pd.read_csv("d.csv")
y = keras.utils.to_categorical(df["label"].values, 4)
X_tr, X_te, y_tr, y_te = train_test_split(X, y)
m = keras.Sequential([layers.Input((50, 8)), layers.LSTM(32, return_sequences=True),
                      layers.Dense(4, activation="softmax")])  # expect: RL301
m.compile(optimizer="adam", loss="categorical_crossentropy")
m.fit(X_tr, y_tr)
""",
        # the same loop whose every arm leaves steps for the head
        """
from keras import layers, models
def build(n_blocks=4, vocab=1000, seq_len=64):
    inp = layers.Input((seq_len,))
    h = layers.Embedding(vocab, 32)(inp)
    for i in range(n_blocks):
        h = layers.Conv1D(32, 3, padding="same", activation="relu")(h)
        if i == n_blocks - 1:
            h = layers.MaxPooling1D(4)(h)
        else:
            h = layers.MaxPooling1D(2)(h)
    out = layers.Dense(1)(layers.Dense(16, activation="relu")(h))  # expect: RL301
    model = models.Model(inp, out)
    model.compile(optimizer="adam", loss="mse")
    return model
""",
        # the look-alike: a second output per step that nothing inside the model uses, trained
        """
import keras
from keras import layers
inp = keras.Input((64, 4))
seq = layers.LSTM(16, return_sequences=True)(inp)
out = layers.Dense(1, name="bp")(layers.LSTM(16)(seq))
aux = layers.Dense(1, name="aux")(seq)  # expect: RL301
model = keras.Model(inp, [out, aux])
model.compile(optimizer="adam", loss={"bp": "mse", "aux": "mse"})
""",
        # the look-alike: a loss function of the file returning a regression loss
        """
import numpy as np
import tensorflow as tf
def build_model(vocab_size):
    return tf.keras.Sequential([
        tf.keras.layers.Embedding(vocab_size, 256),
        tf.keras.layers.GRU(1024, return_sequences=True),
        tf.keras.layers.Dense(1),  # expect: RL301
    ])
def loss(labels, logits):
    return tf.keras.losses.huber(labels, logits)
model = build_model(65)
model.compile(optimizer="adam", loss=loss)
model.fit(np.load("x.npy"), np.load("prices.npy"), epochs=1)
""",
        # the look-alike: one target per sample, its shape written out
        """
import numpy as np
import tensorflow as tf
critic = tf.keras.Sequential([
    tf.keras.layers.LSTM(32, input_shape=(30, 1), return_sequences=True),
    tf.keras.layers.Dense(1),  # expect: RL301
])
critic.compile(loss="mse", optimizer="sgd")
critic.train_on_batch(np.random.randn(128, 30, 1), np.ones((128, 1)))
""",
        # per-sample labels from a directory iterator and from a (samples, classes) array
        """
import numpy as np
import keras
from keras.preprocessing.image import ImageDataGenerator
train = ImageDataGenerator(rescale=1 / 255).flow_from_directory("data/train", target_size=(64, 64))
net = keras.Sequential([keras.Input((64, 64, 3)), keras.layers.Conv2D(32, 3, activation="relu"),
                        keras.layers.MaxPooling2D(2), keras.layers.Dense(3, activation="softmax")])  # expect: RL301
net.compile(optimizer="adam", loss="categorical_crossentropy")
net.fit(train, epochs=5)
y_train = np.zeros((500, 7))
tagger = keras.Sequential([keras.Input((100, 1)), keras.layers.Conv1D(32, 3),
                           keras.layers.Dense(7, activation="softmax")])  # expect: RL301
tagger.compile(optimizer="adam", loss="categorical_crossentropy")
tagger.fit(np.random.rand(500, 100, 1), y_train)
""",
        # the look-alike: the map keeps one step per window (`w[:, -1, 0]`), one target per sample
        """
import keras
def split(window):
    return window[:, :-1, :], window[:, -1, 0]
ds = keras.utils.timeseries_dataset_from_array(series, None, sequence_length=25).map(split)
model = keras.Sequential([keras.Input((24, 5)), keras.layers.LSTM(32, return_sequences=True),
                          keras.layers.Dense(1)])  # expect: RL301
model.compile(loss="mse", optimizer="adam")
model.fit(ds, epochs=2)
""",
        # a loop whose every arm returns sequences: whichever runs last, the head reads steps
        """
from tensorflow import keras
from tensorflow.keras import layers
def stacked(n_layers, steps, feats):
    model = keras.Sequential()
    for i in range(n_layers):
        if i == 0:
            model.add(layers.LSTM(32, return_sequences=True, input_shape=(steps, feats)))
        elif i == n_layers - 1:
            model.add(layers.LSTM(32, return_sequences=True))
        else:
            model.add(layers.LSTM(32, return_sequences=True))
    model.add(layers.Dense(1))  # expect: RL301
    model.compile(loss="mse", optimizer="adam")
    return model
""",
        # Sequential .add: stacked LSTMs with return_sequences and Dropout before the head
        """
from tensorflow.keras.models import Sequential
from tensorflow.keras.layers import LSTM, Dense, Dropout
model = Sequential()
model.add(LSTM(128, input_shape=(45, 4), return_sequences=True))
model.add(LSTM(64, return_sequences=True))
model.add(Dropout(0.2))
model.add(Dense(1))  # expect: RL301
model.compile(loss="mean_squared_error", optimizer="adam")
model.fit(X, y, epochs=20)
""",
        # a list, Conv1D then pooling, two Dense layers: reported at the first
        """
import keras
from keras import layers
model = keras.Sequential([
    keras.Input(shape=(100, 3)),
    layers.Conv1D(32, 3, activation="relu"),
    layers.MaxPooling1D(2),
    layers.Dense(16, activation="relu"),  # expect: RL301
    layers.Dense(1),
])
model.compile(optimizer="adam", loss="mae")
""",
        # functional, Bidirectional
        """
import tensorflow as tf
inp = tf.keras.Input(shape=(30, 5))
h = tf.keras.layers.Bidirectional(tf.keras.layers.LSTM(32, return_sequences=True))(inp)
h = tf.keras.layers.Dropout(0.3)(h)
out = tf.keras.layers.Dense(1)(h)  # expect: RL301
model = tf.keras.Model(inputs=inp, outputs=out)
model.compile(optimizer="adam", loss="mse")
""",
        # Conv2D binary image classifier without Flatten, one label per image (its folder's class)
        """
from keras.models import Sequential
from keras.layers import Conv2D, MaxPooling2D, Dense, Activation
from keras.preprocessing.image import ImageDataGenerator
train = ImageDataGenerator(rescale=1 / 255).flow_from_directory("data/train", class_mode="binary")
model = Sequential()
model.add(Conv2D(32, (3, 3), input_shape=(64, 64, 3)))
model.add(Activation("relu"))
model.add(MaxPooling2D(pool_size=(2, 2)))
model.add(Dense(1))  # expect: RL301
model.add(Activation("sigmoid"))
model.compile(loss="binary_crossentropy", optimizer="rmsprop")
model.fit(train, epochs=5)
""",
        # a Conv1D binary classifier without Flatten: np.eye(n, 1) is one label per sample
        """
import numpy as np
from keras.models import Sequential
from keras.layers import Conv1D, Dense, MaxPooling1D
x = np.empty([24, 30, 1])
labels = np.eye(24, 1)
model = Sequential()
model.add(Conv1D(64, 3, activation="relu", input_shape=(30, 1)))
model.add(MaxPooling1D(pool_size=4))
model.add(Dense(1, activation="sigmoid"))  # expect: RL301
model.compile(loss="binary_crossentropy", optimizer="adam", metrics=["accuracy"])
model.fit(x, labels, batch_size=24, epochs=20)
""",
        # the same head under a regression loss: reported without evidence of the targets
        """
from keras.models import Sequential
from keras.layers import Conv2D, MaxPooling2D, Dense
model = Sequential()
model.add(Conv2D(32, (3, 3), activation="relu", input_shape=(64, 64, 3)))
model.add(MaxPooling2D(pool_size=(2, 2)))
model.add(Dense(1, activation="sigmoid"))  # expect: RL301, RL102
model.compile(loss="mse", optimizer="rmsprop")
""",
        # image classifier: Conv2D -> pooling -> Conv2D -> softmax head, one-hot labels per image
        """
import numpy as np
from keras.models import Sequential
from keras.layers import Conv2D, MaxPooling2D, Dense
from keras.utils import to_categorical
y = to_categorical(np.load("labels.npy"), 43)
model = Sequential()
model.add(Conv2D(32, (5, 5), activation="relu", input_shape=(32, 32, 3)))
model.add(MaxPooling2D(pool_size=(2, 2)))
model.add(Conv2D(64, (3, 3), activation="relu"))
model.add(Dense(43, activation="softmax"))  # expect: RL301
model.compile(loss="categorical_crossentropy", optimizer="adam")
model.fit(x, y, epochs=15)
""",
        # Keras 1 positional kernel, softmax as a separate layer, labels of keras.datasets
        """
from keras.datasets import mnist
from keras.models import Sequential
from keras.layers import Convolution2D, MaxPooling2D, Dense, Activation
(X_train, y_train), (X_test, y_test) = mnist.load_data()
model = Sequential()
model.add(Convolution2D(15, 7, 7, input_shape=(28, 28, 1)))
model.add(MaxPooling2D(pool_size=(2, 2)))
model.add(Dense(10))  # expect: RL301
model.add(Activation("softmax"))
model.compile(loss="sparse_categorical_crossentropy", optimizer="adam")
model.fit(X_train, y_train)
""",
        # Conv1D in a list, a label column as targets
        """
import pandas as pd
from tensorflow import keras
from tensorflow.keras import layers
df = pd.read_csv("signals.csv")
model = keras.Sequential([
    layers.Conv1D(32, 3, activation="relu", input_shape=(100, 1)),
    layers.MaxPooling1D(2),
    layers.Dense(5, activation="softmax"),  # expect: RL301
])
model.compile(loss="sparse_categorical_crossentropy", optimizer="adam")
model.fit(X, df["label"].values)
""",
        # stacked LSTMs with return_sequences, a softmax head and np.eye one-hot labels
        """
import numpy as np
from keras.models import Sequential
from keras.layers import LSTM, Dense
Y = np.eye(6)[df["activity"].values]
model = Sequential()
model.add(LSTM(64, return_sequences=True, input_shape=(128, 9)))
model.add(LSTM(32, return_sequences=True))
model.add(Dense(6, activation="softmax"))  # expect: RL301
model.compile(loss="categorical_crossentropy", optimizer="adam")
model.fit(X, Y)
""",
        # GRU in a builder function
        """
from keras.models import Model
from keras.layers import Input, GRU, Dense
def build(steps, feats):
    x = Input(shape=(steps, feats))
    h = GRU(64, return_sequences=True)(x)
    y = Dense(1, activation="linear")(h)  # expect: RL301
    return Model(x, y)
model = build(24, 3)
model.compile(optimizer="adam", loss="mse")
""",
        # the same windows, the label the window's last step only: one target per sample
        """\
import numpy as np
import tensorflow as tf

load = np.load("load_kw.npy").astype("float32").reshape(-1, 1)
ds = tf.data.Dataset.from_tensor_slices(load).window(25, shift=1, drop_remainder=True)
ds = ds.flat_map(lambda win: win.batch(25)).map(lambda win: (win[:-1], win[-1])).batch(64)
m = tf.keras.Sequential([tf.keras.layers.Input((24, 1)), tf.keras.layers.GRU(16, return_sequences=True),
                         tf.keras.layers.Dense(1)])  # expect: RL301
m.compile(optimizer="adam", loss="mse")
m.fit(ds, epochs=3)
""",
        # a step of the pipeline per statement, the label the window's last step only
        """\
import numpy as np
import tensorflow as tf

load = np.load("load_kw.npy").astype("float32").reshape(-1, 1)
ds = tf.data.Dataset.from_tensor_slices(load)
ds = ds.window(25, shift=1, drop_remainder=True)
ds = ds.flat_map(lambda win: win.batch(25))
ds = ds.map(lambda win: (win[:-1], win[-1]))
ds = ds.batch(64)
m = tf.keras.Sequential([tf.keras.layers.Input((24, 1)), tf.keras.layers.GRU(16, return_sequences=True),
                         tf.keras.layers.Dense(1)])  # expect: RL301
m.compile(optimizer="adam", loss="mse")
m.fit(ds, epochs=3)
""",
        # the same kind of Sequential, but its output is the model's output: a per-position head
        """\
import numpy as np
import keras
from keras import layers

trunk = keras.Sequential([layers.Conv2D(16, 3, activation="relu"), layers.Dense(1)])  # expect: RL301
inp = keras.Input((32, 32, 3))
model = keras.Model(inp, trunk(inp))
model.compile(optimizer="adam", loss="mse")
model.fit(np.load("x.npy"), np.load("ages.npy"), epochs=3)
""",
        # the labels are the last column of a frame read without a header (`df[187]`), one-hot
        """\
import pandas as pd
from tensorflow.keras.layers import Conv1D, Dense, MaxPooling1D
from tensorflow.keras.models import Sequential
from tensorflow.keras.utils import to_categorical

beats = pd.read_csv("mitbih_train.csv", header=None)
x = beats.iloc[:, :187].values.reshape(-1, 187, 1)
y = to_categorical(beats[187].values, 5)
net = Sequential([Conv1D(32, 5, activation="relu", input_shape=(187, 1)), MaxPooling1D(2),
                  Dense(5, activation="softmax")])  # expect: RL301
net.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])
net.fit(x, y, epochs=3)
""",
        # one target per sample kept as a column of width 1 (`table[:, -1:]`): not a shift of steps
        """\
import numpy as np
from keras.layers import LSTM, Conv1D, Dense
from keras.models import Sequential

table = np.load("lagged_table.npy")
inputs, target = table[:, :-1], table[:, -1:]
inputs = inputs.reshape((inputs.shape[0], 24, 3))
net = Sequential([Conv1D(16, 3, padding="causal", activation="relu", input_shape=(24, 3)),
                  LSTM(8, return_sequences=True), Dense(1)])  # expect: RL301
net.compile(loss="mae", optimizer="adam")
net.fit(inputs, target, epochs=3)
""",
        # 1-based activity ids read from a label column and shifted to start at 0: one label per sample
        """\
import numpy as np
import pandas as pd
from keras.layers import LSTM, Dense
from keras.models import Sequential

x = np.load("windows.npy")
y = pd.read_csv("activities.csv")["activity"].values - 1
model = Sequential([LSTM(64, return_sequences=True, input_shape=(128, 9)),
                    Dense(6, activation="softmax")])  # expect: RL301
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
model.fit(x, y, epochs=10)
""",
        # the recurrent class a module constant picks in a conditional expression
        """
from keras.layers import GRU, LSTM, Dense, Input
from keras.models import Sequential
CELL = "lstm"
cell = LSTM if CELL == "lstm" else GRU
model = Sequential([Input((30, 5))])
model.add(cell(64, return_sequences=True))
model.add(Dense(1))  # expect: RL301
model.compile(loss="mse", optimizer="adam")
""",
        # a splat that passes only the first layer's input shape: the stack still returns steps
        """
import numpy as np
from keras.models import Sequential
from keras.layers import LSTM, Dense
def build(units, window, n_features):
    model = Sequential()
    for i, n in enumerate(units):
        kwargs = {"input_shape": (window, n_features)} if i == 0 else {}
        model.add(LSTM(n, return_sequences=True, **kwargs))
    model.add(Dense(1))  # expect: RL301
    return model
model = build((64, 32), 30, 5)
model.compile(loss="mse", optimizer="adam")
model.fit(np.random.rand(8, 30, 5), np.random.rand(8), epochs=2)
""",
        # its weights are read, but it is fitted by Keras on one target per sample
        """
import numpy as np
from tensorflow import keras


def recurrent(units, out_dim):
    return keras.Sequential([keras.Input((30, 5)), keras.layers.GRU(units, return_sequences=True),
                             keras.layers.Dense(out_dim)])  # expect: RL301


net = recurrent(24, 1)
print(sum(int(np.prod(v.shape)) for v in net.trainable_variables))
net.compile(optimizer="adam", loss="mse")
net.fit(np.random.rand(64, 30, 5), np.random.rand(64), epochs=2)
""",
        # the targets looked up per day in another table, the inputs a block of rows: not shown per step
        """
import numpy as np
import pandas as pd
from tensorflow import keras

bars = pd.read_csv("bars.csv")
labels = pd.read_csv("labels.csv")
days = sorted(bars["day"].unique())
inputs, outputs = [], []
for day in days:
    inputs.append(bars[bars.day == day][["open", "high", "low", "close"]].values)
    outputs.append(labels[labels.day == day]["next_close"].values)
x, y = np.array(inputs), np.array(outputs)
net = keras.Sequential([keras.Input((x.shape[1], 4)), keras.layers.LSTM(48, return_sequences=True),
                        keras.layers.Dense(1)])  # expect: RL301
net.compile(optimizer="adam", loss="mse")
net.fit(x, y, epochs=10)
""",
        # one step per sample (windows reshaped to (n, 1, look_back)) but 1-D targets, one scalar
        # appended per window: (n, 1, 1) predictions against (n,) targets broadcast to (n, 1, n)
        """
import numpy as np
import pandas as pd
from keras.models import Sequential
from keras.layers import LSTM, Dense

series = pd.read_csv("prices.csv")[["close"]].values.astype("float32")


def windows(data, look_back=1):
    xs, ys = [], []
    for i in range(len(data) - look_back - 1):
        xs.append(data[i:(i + look_back), 0])
        ys.append(data[i + look_back, 0])
    return np.array(xs), np.array(ys)


look_back = 3
train_x, train_y = windows(series, look_back)
train_x = np.reshape(train_x, (train_x.shape[0], 1, train_x.shape[1]))
model = Sequential()
model.add(LSTM(4, input_shape=(1, look_back), return_sequences=True))
model.add(Dense(1))  # expect: RL301
model.compile(loss="mean_squared_error", optimizer="adam")
model.fit(train_x, train_y, epochs=100, batch_size=1)
""",
        # one step of 102 channels, and a frame's column as the targets
        """
import numpy as np
import pandas as pd
import keras
from keras import layers

table = pd.read_csv("spectra.csv")
y = table["moisture"].values
inp = keras.Input((1, 102))
h = layers.Conv1D(8, 3, padding="same", activation="relu")(inp)
model = keras.Model(inp, layers.Dense(1)(h))  # expect: RL301
model.compile(loss="mse", optimizer="adam")
model.fit(np.load("x.npy"), y, epochs=20)
""",
        # a label column binarised row by row (`> 0`, `.gt(0)`, `np.where(…, 1, 0)`) is still one label
        # per sample: a sigmoid per position under binary crossentropy cannot be a mask here
        """
import numpy as np
import pandas as pd
from keras.models import Sequential
from keras.layers import Conv1D, Dense, Input

beats = pd.read_csv("beats.csv")
x = beats.drop(columns=["label"]).values.reshape(-1, 187, 1)
model = Sequential([Input(shape=(187, 1)), Conv1D(16, 5, activation="relu"),
                    Dense(1, activation="sigmoid")])  # expect: RL301
model.compile(optimizer="adam", loss="binary_crossentropy")
model.fit(x, (beats["label"] > 0).astype("float32").values, epochs=10)
model.fit(x, beats["label"].gt(0).astype(int).values, epochs=10)
model.fit(x, np.where(beats["label"].values > 0, 1.0, 0.0), epochs=10)
""",
        # one label per window of rows (a group's maximum), and one 0 / 1 appended per clip
        """
import numpy as np
import pandas as pd
import tensorflow as tf

rows = pd.read_csv("sensor_rows.csv")
x = rows[["ax", "ay", "az"]].values.reshape(-1, 30, 3)
y = rows.groupby("window_id")["fall"].max().values
clips, flags = [], []
for path in sorted(tf.io.gfile.glob("clips/*.npy")):
    clips.append(np.load(path))
    flags.append(0 if "normal" in path else 1)
model = tf.keras.Sequential([tf.keras.layers.LSTM(32, return_sequences=True, input_shape=(30, 3)),
                             tf.keras.layers.Dense(1, activation="sigmoid")])  # expect: RL301
model.compile(optimizer="adam", loss="binary_crossentropy")
model.fit(x, y, epochs=5)
model.fit(np.array(clips), np.array(flags), epochs=5)
""",
    ]

    def check(self, facts):
        reported = set()
        # (a builder read on its own and run for its callers makes one model per run of one
        # construction: judged alike)
        uses = {}
        for model in facts.models:
            uses.setdefault(id(model.node), set()).add(_part_use(model, facts.models))
        inner = {node for node, seen in uses.items() if seen == {"inner"} or seen == {"inner", None}}
        heads = [(model, *head_on_unflattened(model)) for model in facts.models
                 if id(model.node) not in inner and not model.ruled_out]
        # A builder read on its own and run for a caller makes two models of one graph: the caller's
        # per-step targets (or a TimeDistributed / seq2seq reading) speak for the layers of both.
        per_step = {id(hit.dense.node) for model, found, seq2seq in heads if found
                    and (seq2seq is True or targets_are_sequences(model, facts)) for hit in found}
        for model, found, seq2seq in heads:
            if not found or seq2seq is True or all(id(hit.dense.node) in per_step for hit in found):
                continue  # (a model trained on per-step targets has every hit of it in per_step)
            if seq2seq == ONE_STEP and not _rank_one_targets(model, facts):
                continue  # one step per sample: its one prediction is the sample's, as the targets keep it
            if _built_as_sequence_model_by_importers(model, facts):
                continue
            found = [hit for hit in found if id(hit.dense.node) not in per_step]
            # A multi-class head over steps is taken for a per-token tagger unless the file shows
            # one label per sample (then Keras fails at fit() or the model is silently mis-shaped).
            per_sample = None
            # Over rank-3 steps (where per-token taggers live) a one-hot must encode labels the file
            # shows to be one per sample; over images any one-hot of labels will do.
            strict = any(hit.rank == 3 for hit in found)
            if uses_multiclass_loss(model, facts) or _binary_classifier(model, facts) \
                    or any(h.activation == "softmax" and h.units != 1 for h in model.heads()):
                per_sample = _per_sample_targets(model, facts, strict)
                if not per_sample:
                    # Dense(n_tags) + Activation('softmax'): a per-token classifier; a sigmoid per
                    # position under binary crossentropy: a PatchGAN discriminator, a mask
                    continue
            for hit in found:
                if id(hit.dense.node) in reported:
                    continue
                if _multiclass_softmax(hit.dense):
                    if per_sample is None:
                        per_sample = _per_sample_targets(model, facts, strict)
                    if not per_sample:
                        continue
                reported.add(id(hit.dense.node))
                yield self.report(hit.dense.node, _message(hit, seq2seq == ONE_STEP), _fix(facts.module, hit, facts))


def _built_as_sequence_model_by_importers(model, facts) -> bool:
    """The scripts importing this module build the model (by the class whose method makes it, or the
    builder) with what makes per-step output the sample's own — inputs of any length, or of one step
    (`PlainConv(input_shape=(1, 102))`): read here, its input shape was a parameter."""
    readings = class_models_by_importers(facts, model) or fitted_by_importers(facts, model, trained=False)
    return bool(readings) and all(_sequence_marked(theirs, other) for other, theirs in readings)


def _sequence_marked(model, facts) -> bool:
    marker = head_on_unflattened(model)[1]
    return marker is True or marker == ONE_STEP and not targets_are_rank_one(model, facts)


def _part_use(model, models: list) -> Optional[str]:
    """"inner" when `model` is never compiled or trained by itself and is used only inside other
    models, its output going on into more layers (a ConvNeXt-style block, `Sequential([
    DepthwiseConv2D(...), Dense(4 * c), Dense(c)])` added to its input): its Dense layers act per
    position by design, and the model it is a part of is judged; "own" when it is compiled or
    trained, or is another model's output (its head); None when no other model uses it."""
    if model.compiles or trained_by_itself(model):
        return "own"
    if model.tape_trained:
        # trained only by a loop of its own over its `trainable_variables` (a GAN's embedder and
        # recovery networks): what that loop compares its output with is not read here
        return "inner"
    uses = list(part_uses(model, models))
    return "own" if any(uses) else "inner" if uses else None


def _message(hit, one_step: bool = False) -> str:
    recurrent = hit.source.rstrip(")").rpartition("(")[2] in RECURRENT
    remedy = "add Flatten() before it, or drop return_sequences=True from the last recurrent layer" \
        if recurrent else "add Flatten() or a global pooling layer before it"
    if one_step:
        return (f"Dense applied to the rank-{hit.rank} output of {hit.source}: with one step per sample the "
                f"predictions keep a steps axis of 1, and against 1-D targets the loss broadcasts them to "
                f"(n, 1, n), every prediction against every target; {remedy}")
    return (f"Dense applied to the rank-{hit.rank} output of {hit.source}: the model predicts one value "
            f"per time step / position, not one per sample; {remedy} (TimeDistributed if per-step "
            f"output is meant)")


def _rank_one_targets(model, facts) -> bool:
    """`targets_are_rank_one`, for a builder's model the scripts importing it train: in every one of
    them."""
    if model.compiles or model.trainings:
        return targets_are_rank_one(model, facts)
    theirs = fitted_by_importers(facts, model)
    return bool(theirs) and all(targets_are_rank_one(mine, other) for other, mine in theirs)


def _per_sample_targets(model, facts, strict: bool) -> bool:
    """`targets_are_per_sample`, for a builder's model the scripts importing it train: in every one
    of them."""
    if model.compiles or model.trainings:
        return targets_are_per_sample(model, facts, strict)
    theirs = fitted_by_importers(facts, model)
    return bool(theirs) and all(targets_are_per_sample(mine, other, strict) for other, mine in theirs)


def _binary_classifier(model, facts) -> bool:
    """Every compile of the model trains every output with binary crossentropy: a classifier, which
    over positions scores each one (a PatchGAN discriminator's real / fake per patch, a mask) — for a
    builder compiled by the scripts that import it, every compile of theirs."""
    compiles = model.compiles or [c for _, theirs in fitted_by_importers(facts, model) for c in theirs.compiles]
    if not compiles:
        return False
    for comp in compiles:
        loss = comp.loss
        items = list(loss.items) if isinstance(loss, Seq) else \
            list(loss.items.values()) if isinstance(loss, Map) else [loss]
        if not items or any((crossentropy(v) or (None,))[0] != "binary_crossentropy" for v in items):
            return False
    return True


def _multiclass_softmax(layer) -> bool:
    """Dense(n_tags, activation='softmax') over steps is a per-token classifier (a tagger)."""
    act, _ = layer_activation(layer)
    units = layer_units(layer)
    return act == "softmax" and units != 1


# ---------------------------------------------------------------- the fix
def _path_to(root: cst.CSTNode, target: cst.CSTNode) -> Optional[list]:
    """Ancestors of `target` (root first, target last), found by identity."""
    stack = [(root, 0)]
    path: list = []
    while stack:
        node, depth = stack.pop()
        del path[depth:]
        path.append(node)
        if node is target:
            return path
        stack.extend((child, depth + 1) for child in reversed(node.children))
    return None


def _flatten_ref(module: cst.Module, dense_func: cst.BaseExpression):
    """(expression naming Flatten in the file's style, extra edits) or None."""
    if isinstance(dense_func, cst.Attribute):
        return dense_func.with_changes(attr=cst.Name("Flatten")), ()
    if not isinstance(dense_func, cst.Name):
        return None
    dense_import = None
    for node in _walk_imports(module):
        if isinstance(node.names, cst.ImportStar):
            continue
        module_name = dotted_name(node.module)
        if module_name is None:
            continue
        for alias in node.names:
            local = alias.asname.name.value if alias.asname is not None else dotted_name(alias.name)
            if dotted_name(alias.name) == "Flatten" and canonical(module_name).startswith("keras"):
                return cst.Name(local), ()
            if local == dense_func.value:
                dense_import = node
    if dense_import is None:
        star = any(isinstance(n.names, cst.ImportStar) and canonical(dotted_name(n.module) or "").startswith("keras.layers")
                   for n in _walk_imports(module))
        return (cst.Name("Flatten"), ()) if star else None
    # `from … import Dense` gains `Flatten`: the last imported name becomes two. (Parenthesised
    # import lists are left alone: the engine's placement does not handle their parentheses yet.)
    if dense_import.lpar is not None:
        return None
    last = dense_import.names[-1]
    pair = [last.with_changes(comma=cst.Comma(whitespace_after=cst.SimpleWhitespace(" "))),
            cst.ImportAlias(cst.Name("Flatten"))]
    return cst.Name("Flatten"), (Edit(last, cst.FlattenSentinel(pair)),)


def _walk_imports(module: cst.Module):
    stack = [module]
    while stack:
        node = stack.pop()
        if isinstance(node, cst.ImportFrom) and node.module is not None and not node.relative:
            yield node
        elif isinstance(node, (cst.BaseExpression,)):
            continue
        else:
            stack.extend(node.children)




def _only_keras_flatten(facts, name: str) -> bool:
    """Whether every binding of `name` in the file (any scope) is Keras' `Flatten` imported from a
    keras module (or a star import from one): the name a fix writes must mean that layer everywhere."""
    names = facts.name_bindings()
    if names is None:
        return False
    return all(isinstance(node, ast.ImportFrom) and alias is not None and not node.level and node.module
               and canonical(node.module).startswith("keras") and alias.name in ("Flatten", "*")
               for node, alias in names.of(name))


def _fix(module: cst.Module, hit, facts=None) -> Optional[Fix]:
    dense_call = hit.dense.node
    if not isinstance(dense_call, cst.Call):
        return None
    style = _flatten_ref(module, dense_call.func)
    if style is None:
        return None
    flatten, extra = style
    if isinstance(flatten, cst.Name) and facts is not None and not _only_keras_flatten(facts, flatten.value):
        return None  # the name is something else somewhere in the file (a variable, another import …)
    flatten_call = cst.Call(func=flatten)
    if hit.applied is not None:
        # functional: Dense(…)(Flatten()(x))
        app = hit.applied.node
        if not isinstance(app, cst.Call) or not app.args or app.args[0].keyword is not None \
                or app.args[0].star:
            return None
        x = app.args[0].value
        wrapped = cst.Call(func=flatten_call, args=[cst.Arg(x)])
        return Fix(False, "insert Flatten() before the Dense head", (Edit(x, wrapped),) + extra)
    path = _path_to(module, dense_call)
    if path is None or len(path) < 2:
        return None
    parent = path[-2]
    if isinstance(parent, cst.Element) and len(path) >= 3 and isinstance(path[-3], (cst.List, cst.Tuple)):
        # Sequential([... , Dense(1)]): a new element before it
        new = cst.Element(flatten_call, comma=cst.Comma(whitespace_after=_element_gap(path[-3], parent)))
        return Fix(False, "insert Flatten() before the Dense head",
                   (Edit(parent, cst.FlattenSentinel([new, parent])),) + extra)
    # model.add(Dense(1)): a new model.add(Flatten()) statement before it
    if isinstance(parent, cst.Arg) and len(path) >= 5 and isinstance(path[-3], cst.Call) \
            and isinstance(path[-3].func, cst.Attribute) and path[-3].func.attr.value == "add" \
            and isinstance(path[-4], cst.Expr) and path[-4].value is path[-3]:
        add_call = path[-3]
        statement = cst.Expr(add_call.with_changes(args=[cst.Arg(flatten_call)]))
        line = path[-5]
        if isinstance(line, cst.SimpleStatementLine) and len(line.body) == 1:
            new_line = cst.SimpleStatementLine([statement], leading_lines=line.leading_lines)
            return Fix(False, "insert model.add(Flatten()) before the Dense head",
                       (Edit(line, cst.FlattenSentinel([new_line, line.with_changes(leading_lines=())])),) + extra)
        return Fix(False, "insert model.add(Flatten()) before the Dense head",
                   (Edit(path[-4], cst.FlattenSentinel([statement, path[-4]])),) + extra)
    return None


def _element_gap(seq, element) -> cst.BaseParenthesizableWhitespace:
    """The whitespace that follows the comma before `element`, so the new element sits on its own
    line in a one-per-line list and inline otherwise."""
    elements = list(seq.elements)
    index = next(i for i, e in enumerate(elements) if e is element)
    if index > 0 and isinstance(elements[index - 1].comma, cst.Comma):
        return elements[index - 1].comma.whitespace_after
    lbracket = getattr(seq, "lbracket", None) or (seq.lpar[0] if getattr(seq, "lpar", None) else None)
    after = getattr(lbracket, "whitespace_after", None)
    return after if after is not None else cst.SimpleWhitespace(" ")
