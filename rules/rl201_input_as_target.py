from __future__ import annotations

from regr_lint.lazy import cst

from regr_lint.input.vocabulary import SAME_DATA, SPLAT
from regr_lint.knowledge import tables
from regr_lint.model.dataflow import bound_names
from regr_lint.model.reconstruction import output_like_input, trains_on_corrupted_pairs
from regr_lint.model.records import expr_key
from regr_lint.rule import Edit, Fix, Rule


def swapped_name(train_x: str, val_x: str, val_y: str) -> str | None:
    """`x_train` beside a `(x_test, y_test)` pair -> `y_train`: the part in which the validation
    input and target names differ, swapped in the training input's name."""
    prefix = 0
    while prefix < min(len(val_x), len(val_y)) and val_x[prefix] == val_y[prefix]:
        prefix += 1
    suffix = 0
    while suffix < min(len(val_x), len(val_y)) - prefix and val_x[-1 - suffix] == val_y[-1 - suffix]:
        suffix += 1
    dx, dy = val_x[prefix:len(val_x) - suffix], val_y[prefix:len(val_y) - suffix]
    if not dx or not dy or train_x.count(dx) != 1:
        return None
    return train_x.replace(dx, dy)


class InputAsTarget(Rule):
    code = "RL201"
    name = "input-as-target"
    summary = "Supervised model trained with its input as the target"
    severity = "error"  # the model learns the identity, not the task
    tokens = ("keras", ("fit", "train_on_batch"))
    names = (tuple(sorted(tables.TRAIN_METHODS)), (SAME_DATA, SPLAT))
    docs = """\
## What it does
Finds a training call fed the same expression as input and target — `fit(x, x)`,
`fit_generator(gen.flow(x, x))`, `ImageDataGenerator().flow(x, x)`,
`Dataset.from_tensor_slices((x, x))`, `Dataset.zip((ds, ds))`, `train_on_batch(x, x)`, the same array conversion written twice
(`fit(np.array(seqs), np.array(seqs))`) — when the same file shows that the model
is supervised: its validation data or `evaluate()` pair the input with a different target, or its
output cannot reproduce the input (a softmax classifier, or a Dense head narrower than the input).

Autoencoders, denoisers and VAEs are never reported: a model whose output is shaped like its input
(a decoder ending in a convolution with the input's channels, a Reshape to the input's shape, a
Dense as wide as the flat input — a literal width, or the very expression the input's shape is
written with, `Dense(X.shape[1], activation="softmax")` after `Input(shape=(X.shape[1],))`, whatever
its activation, also less or plus a term (`Dense(R.shape[1] - side_cols)`, an AutoRec decoder) — or, TimeDistributed, as its features per step, an LSTM returning
sequences of the input's features), and a model the file also trains, validates or evaluates on a
corrupted copy of the target (`fit(x_noisy, x)` with `x_noisy = np.clip(x + f * np.random.normal(…),
0, 1)`, through a function of the file or so named). Per model: another model of the same file fitted
`(x, x)` is judged on its own.
A fit whose own validation data, written in the call, pairs its input with itself too (`fit(x, x,
validation_data=(v, v))`) is an autoencoder's fit by its own account, whatever the model is trained
on elsewhere (a trainer whose other arm fits the same model parameter on labels) — not a validation
dataset cut from the same pipeline as the training one (the same mistake twice).
A different validation target that the model is also fed as input (`fit(small, big)` beside
`fit(big, big)`) is data like the input, not a label.
A fit on the input made before `model.pop()` took the model's last layer off (stacked-autoencoder
pre-training, the decoder then replaced by a classifier head: also in a builder of another module
returning the popped encoder), or before more layers were added to the `Sequential` (a classifier
stacked on the reconstruction), is not judged: it trained another architecture.

## Why is this bad?
The model learns to reproduce its input instead of predicting the target. Depending on shapes Keras
raises, or it broadcasts and trains silently: the training loss falls while the validation loss on
the real targets stays high.

## Example
```python
model.fit(x_train, x_train, validation_data=(x_test, y_test))
```

## Use instead
```python
model.fit(x_train, y_train, validation_data=(x_test, y_test))
```

## Fix safety
Unsafe, and offered only when the file shows the target variable: with a `(x_test, y_test)`
validation or evaluate pair beside `fit(x_train, x_train)`, the target becomes `y_train` when that
name is bound in the file. Which variable holds the targets is finally the author's call, so it is
applied only with `--unsafe-fixes`.
"""
    VALID = [
        # the base class's fine-tuning passes `fine_tune=True` to a `fit_model` the autoencoder
        # subclass overrides without it: that call raises before any fit, the override fits (x, x)
        """
import sys
import numpy as np
from keras.layers import Dense, LSTM, RepeatVector
from keras.models import Model, Sequential, load_model
class Pipeline:
    def fine_tune(self, path):
        base = load_model(path)
        self.model = Model(base.input, Dense(3, activation="softmax")(base.output))
        self.model.compile(optimizer="adam", loss="categorical_crossentropy")
        self.fit_model(fine_tune=True)
    def fit_model(self, fine_tune=False):
        self.model.fit(self.x, self.y, epochs=2 if fine_tune else 10)
    def run(self, mode, path=None):
        if mode == "train":
            self.setup()
            self.fit_model()
        else:
            self.fine_tune(path)
class SignalAutoencoder(Pipeline):
    def setup(self):
        self.model = Sequential([LSTM(32, input_shape=(50, 3)), RepeatVector(50),
                                 LSTM(32, return_sequences=True), Dense(3)])
        self.model.compile(optimizer="adam", loss="mse")
    def fit_model(self):
        self.model.fit(self.x, self.x, epochs=5, validation_split=0.1)
pipe = SignalAutoencoder()
pipe.x, pipe.y = np.load("signals.npy"), np.load("wear_onehot.npy")
pipe.run(sys.argv[1])
""",
        # stacked-autoencoder pre-training, then a classifier stacked on the reconstruction (no pop)
        """
import numpy as np
from keras.layers import Dense, Dropout
from keras.models import Sequential
x, rooms = np.random.rand(200, 40), np.eye(4)[np.random.randint(0, 4, 200)]
net = Sequential()
net.add(Dense(16, input_dim=40, activation="relu"))
net.add(Dense(40, activation="relu"))
net.compile(optimizer="adam", loss="mse")
net.fit(x, x, epochs=3)
net.add(Dropout(0.2))
net.add(Dense(4, activation="softmax"))
net.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])
net.fit(x, rooms, epochs=3)
""",
        # stacked-autoencoder pre-training: fitted on its input, the decoder popped off, a classifier
        # head added and trained on labels
        """
import numpy as np
from keras.layers import Dense, Dropout
from keras.models import Sequential
x, labels = np.random.rand(200, 64), np.eye(5)[np.random.randint(0, 5, 200)]
net = Sequential([Dense(32, input_dim=64, activation="relu"), Dense(64, activation="relu")])
net.compile(optimizer="adam", loss="mse")
net.fit(x, x, epochs=3)
net.pop()
net.add(Dropout(0.2))
net.add(Dense(5, activation="softmax"))
net.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])
net.fit(x, labels, validation_split=0.2, epochs=3)
""",
        # a decoder as wide as the input, both written `X.shape[1]`, validated on other data than
        # its input: still an autoencoder
        """\
import numpy as np
from tensorflow import keras
X, X_val, y_val = np.load("x.npy"), np.load("x_val.npy"), np.load("y_val.npy")
inp = keras.Input(shape=(X.shape[1],))
out = keras.layers.Dense(X.shape[1])(keras.layers.Dense(8, activation="relu")(inp))
model = keras.Model(inp, out)
model.compile(optimizer="adam", loss="mse")
model.fit(X, X, epochs=30, validation_data=(X_val, y_val))
""",
        # a softmax decoder as wide as the flat input, both widths written `X.shape[1]`: an autoencoder
        """
import numpy as np
from keras.layers import Dense, Input
from keras.models import Model
X = np.random.rand(500, 36)
inp = Input(shape=(X.shape[1],))
out = Dense(X.shape[1], activation="softmax")(Dense(8, activation="relu")(inp))
ae = Model(inp, out)
ae.compile(optimizer="adam", loss="binary_crossentropy")
ae.fit(X, X, epochs=3)
""",
        # the pair spread into fit: x and y are its two elements, not one array twice
        """
import numpy as np
from tensorflow import keras
x = np.random.rand(100, 8)
y = x.sum(axis=1, keepdims=True)
train = (x, y)
model = keras.Sequential([keras.Input(shape=(8,)), keras.layers.Dense(1)])
model.compile(loss="mse", optimizer="adam")
model.fit(*train, validation_data=(x, y), epochs=2)
""",
        # an autoencoder
        """
from keras.layers import Input, Dense
from keras.models import Model
inp = Input(shape=(784,))
code = Dense(32, activation="relu")(inp)
out = Dense(784, activation="sigmoid")(code)
ae = Model(inp, out)
ae.compile(optimizer="adam", loss="binary_crossentropy")
ae.fit(x_train, x_train, validation_data=(x_test, x_test))
""",
        # a denoiser through tf.data
        """
import tensorflow as tf
ds = tf.data.Dataset.from_tensor_slices((x, x)).map(lambda a, b: (a + 0.1, b)).batch(32)
model = tf.keras.Sequential([tf.keras.layers.Conv2D(1, 3, padding="same")])
model.compile(optimizer="adam", loss="mse")
model.fit(ds, epochs=3)
""",
        # proper supervised training
        """
import keras
model = keras.Sequential([keras.layers.Dense(10, activation="softmax")])
model.compile(loss="categorical_crossentropy", optimizer="adam")
model.fit(x_train, y_train, validation_data=(x_test, y_test))
""",
        # a denoiser: trained on clean pairs, then on (x + noise, x) — its validation pair differs
        """
import numpy as np
import keras
model = keras.models.load_model("denoiser.keras")
x = np.load("clean.npy")
x_val = np.load("clean_val.npy")
x_in = x + 0.2 * np.random.normal(size=x.shape)
x_val_in = np.clip(x_val + 0.2 * np.random.normal(size=x_val.shape), 0.0, 1.0)
model.fit(x, x, epochs=5)
model.fit(x_in, x, validation_data=(x_val_in, x_val), epochs=20)
""",
        # the noise is added by a function of the file, from a named draw
        """
import numpy as np
import keras
rng = np.random.default_rng(0)
def jitter(batch, scale=0.1):
    eps = rng.normal(0.0, scale, batch.shape)
    return batch + eps
model = keras.models.load_model("denoiser.keras")
train, test = np.load("train.npy"), np.load("test.npy")
test_in = jitter(test)
model.train_on_batch(train, train)
model.evaluate(test_in, test)
""",
        # (noisy, clean) pairs read from disk, named so
        """
import numpy as np
import keras
model = keras.models.load_model("dae.keras")
x_train, x_train_noisy = np.load("x.npy"), np.load("x_noisy.npy")
x_test, x_test_noisy = np.load("xt.npy"), np.load("xt_noisy.npy")
model.fit(x_train, x_train, epochs=5)
model.fit(x_train_noisy, x_train, validation_data=(x_test_noisy, x_test))
""",
        # a convolutional autoencoder: the decoder ends with the input's channels
        """
import keras
from keras import layers
model = keras.Sequential([
    layers.Input(shape=(32, 32, 3)),
    layers.Conv2D(16, 3, strides=2, padding="same", activation="relu"),
    layers.Conv2DTranspose(16, 3, strides=2, padding="same", activation="relu"),
    layers.Conv2D(3, 3, padding="same"),
    layers.Activation("sigmoid"),
])
model.compile(optimizer="adam", loss="binary_crossentropy")
val_in, val_clean = load_pairs("val")
model.fit(x, x, validation_data=(val_in, val_clean))
""",
        # a dense decoder reshaped to the input's shape, through an encoder and a decoder model
        """
import keras
from keras import layers
inp = keras.Input(shape=(28, 28, 1))
encoder = keras.Model(inp, layers.Dense(32, activation="relu")(layers.Flatten()(inp)))
code = keras.Input(shape=(32,))
decoder = keras.Model(code, layers.Reshape((28, 28, 1))(layers.Dense(784, activation="sigmoid")(code)))
ae = keras.Model(inp, decoder(encoder(inp)))
ae.compile(optimizer="adam", loss="binary_crossentropy")
ae.fit(x_train, x_train, epochs=10)
holes, full = inpainting_pairs(x_test)
ae.evaluate(holes, full)
""",
        # a sequence autoencoder: per-step Dense as wide as the input's features
        """
import keras
from keras import layers
model = keras.Sequential([
    layers.LSTM(64, input_shape=(30, 4)),
    layers.RepeatVector(30),
    layers.LSTM(64, return_sequences=True),
    layers.TimeDistributed(layers.Dense(4)),
])
model.compile(optimizer="adam", loss="mse")
model.fit(windows, windows, validation_data=(shifted_windows, target_windows))
""",
        # an LSTM autoencoder: the last recurrent layer returns sequences of the input's features
        """
from keras.models import Model
from keras.layers import Input, LSTM, RepeatVector
inputs = Input(shape=(10, 3))
decoded = RepeatVector(10)(LSTM(32)(inputs))
decoded = LSTM(3, return_sequences=True)(decoded)
seq_ae = Model(inputs, decoded)
seq_ae.compile(optimizer="adam", loss="mse")
seq_ae.fit(seqs, seqs, validation_data=(seqs_in, seqs_out))
""",
        # the other target is itself fed to the model as an input: data like the input
        """
import keras
model = build_model()
model.fit(train, train, validation_data=(test, test))
model.fit(train_small, train, validation_data=(test_small, test))
""",
        # sklearn's fit is not Keras
        """
import keras
from sklearn.preprocessing import StandardScaler
scaler = StandardScaler()
scaler.fit(x, x)
""",
        # two datasets zipped as (input, target)
        """\
import numpy as np
import tensorflow as tf

w = tf.data.Dataset.from_tensor_slices(np.load("windows.npy"))
t = tf.data.Dataset.from_tensor_slices(np.load("next.npy"))
vx, vy = np.load("vx.npy"), np.load("vy.npy")
m = tf.keras.Sequential([tf.keras.Input((48, 1)), tf.keras.layers.GlobalMaxPooling1D(), tf.keras.layers.Dense(1)])
m.compile(optimizer="adam", loss="mse")
m.fit(tf.data.Dataset.zip((w, t)).batch(32), validation_data=(vx, vy), epochs=5)
""",
        # a trainer whose arms fit the model it is given as an autoencoder or on labels: the
        # autoencoder arm validates on its input too
        """\
import keras


def train(model, data, kind, epochs=5):
    if kind == "auto":
        return model.fit(data.x_tr, data.x_tr, epochs=epochs, validation_data=(data.x_va, data.x_va))
    return model.fit(data.x_tr, data.y_tr, epochs=epochs, validation_data=(data.x_va, data.y_va))
""",
        # an AutoRec decoder as wide as its input less the side features appended to it (none here)
        """\
import numpy as np
from tensorflow import keras


def autorec(R, hidden, side_cols=0):
    inp = keras.Input(shape=(R.shape[1],))
    h = keras.layers.Dense(hidden, activation="selu")(inp)
    return keras.Model(inp, keras.layers.Dense(R.shape[1] - side_cols, activation="selu")(h))


train, valid = np.load("ratings_train.npy"), np.load("ratings_valid.npy")
ae = autorec(train, 64)
ae.compile(optimizer="adam", loss="mse")
ae.fit(train, train, epochs=3, validation_data=(train, valid))
""",
    ]
    INVALID = [
        # the classifier put on the pretrained encoder is the one fitted on its input
        """\
import numpy as np
from keras.layers import Dense
from keras.models import Sequential
x, labels = np.random.rand(200, 64), np.eye(5)[np.random.randint(0, 5, 200)]
net = Sequential([Dense(32, input_dim=64, activation="relu"), Dense(64, activation="relu")])
net.compile(optimizer="adam", loss="mse")
net.fit(x, x, epochs=3)
net.pop()
net.add(Dense(5, activation="softmax"))
net.compile(optimizer="adam", loss="categorical_crossentropy")
net.fit(x, x, validation_data=(x[:20], labels[:20]), epochs=3)  # expect: RL201
""",
        # the same array conversion written twice: the input is the target
        """\
import numpy as np
from tensorflow import keras
seqs = np.load("padded.npy").tolist()
labels = keras.utils.to_categorical(np.load("topic.npy"), 5)
model = keras.Sequential([keras.Input((100,)), keras.layers.Embedding(5000, 32),
                          keras.layers.GlobalAveragePooling1D(), keras.layers.Dense(5, activation="softmax")])
model.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])
model.fit(np.array(seqs), np.array(seqs), epochs=5)  # expect: RL201
model.evaluate(np.array(seqs), labels)
""",
        # a softmax head of another width than the input's `X.shape[1]`: a classifier fitted on its input
        """
import numpy as np
from keras.layers import Dense, Input
from keras.models import Model
X = np.random.rand(500, 36)
y = np.random.randint(0, 4, 500)
inp = Input(shape=(X.shape[1],))
out = Dense(len(set(y)), activation="softmax")(Dense(8, activation="relu")(inp))
clf = Model(inp, out)
clf.compile(optimizer="adam", loss="categorical_crossentropy")
clf.fit(X, X, epochs=3)  # expect: RL201
""",
        # a denoiser beside a regressor: the exemption is the denoiser's, not the file's
        """
import numpy as np
from keras.models import Sequential
from keras.layers import Dense
x_train, x_test, y_test = np.load("x.npy"), np.load("xt.npy"), np.load("yt.npy")
x_train_noisy = np.clip(x_train + 0.3 * np.random.normal(size=x_train.shape), 0.0, 1.0)
dae = Sequential([Dense(64, activation="relu", input_dim=784), Dense(784, activation="sigmoid")])
dae.compile(optimizer="adam", loss="binary_crossentropy")
dae.fit(x_train_noisy, x_train, epochs=10, validation_data=(x_test, x_test))
reg = Sequential([Dense(64, activation="relu", input_dim=784), Dense(1)])
reg.compile(optimizer="adam", loss="mse")
reg.fit(x_train, x_train, epochs=10, validation_data=(x_test, y_test))  # expect: RL201
""",
        """
from tensorflow import keras
model = keras.Sequential([
    keras.layers.Input(shape=(784,)),
    keras.layers.Dense(10, activation="softmax"),
])
model.compile(loss="categorical_crossentropy", optimizer="rmsprop")
model.fit(x_train, x_train,  # expect: RL201
          validation_data=(x_test, y_test))
""",
        """
import tensorflow as tf
train_ds = (tf.data.Dataset.from_tensor_slices((train_x, train_x))  # expect: RL201
            .shuffle(1000).batch(32))
val_ds = tf.data.Dataset.from_tensor_slices((val_x, val_y)).batch(32)
model = tf.keras.Sequential([tf.keras.layers.Dense(1, activation="sigmoid")])
model.compile(optimizer="adam", loss="binary_crossentropy")
model.fit(train_ds, validation_data=val_ds, epochs=10)
""",
        # a classifier checked on noisy inputs: the noise is added to the input, not to the target
        """
import numpy as np
import keras
model = keras.Sequential([keras.Input(shape=(784,)), keras.layers.Dense(10, activation="softmax")])
model.compile(optimizer="adam", loss="categorical_crossentropy")
x_test_noisy = x_test + 0.3 * np.random.normal(size=x_test.shape)
model.fit(x_train, x_train, validation_data=(x_test, y_test))  # expect: RL201
model.evaluate(x_test_noisy, y_test)
""",
        # one feature in, one value out: a regression whose output happens to match the input
        """
import keras
model = keras.Sequential([keras.layers.Dense(1, input_shape=(1,))])
model.compile(optimizer="sgd", loss="mse")
model.fit(xs, xs, epochs=100, validation_data=(xs_val, ys_val))  # expect: RL201
""",
        # a CNN with a one-unit head on grayscale images: the unit is not a channel
        """
import keras
from keras import layers
model = keras.Sequential([
    layers.Input(shape=(64, 64, 1)),
    layers.Conv2D(16, 3, activation="relu"),
    layers.GlobalAveragePooling2D(),
    layers.Dense(1, activation="sigmoid"),
])
model.compile(optimizer="adam", loss="binary_crossentropy")
model.fit(scans, scans, validation_data=(val_scans, val_labels))  # expect: RL201
""",
        # a segmentation head: a convolution, but with class channels, not the input's
        """
import keras
from keras import layers
inp = keras.Input(shape=(128, 128, 3))
h = layers.Conv2D(32, 3, padding="same", activation="relu")(inp)
out = layers.Conv2D(21, 1, activation="softmax")(h)
model = keras.Model(inp, out)
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
model.fit(images, images, validation_data=(val_images, val_masks))  # expect: RL201
""",
        """
from keras.preprocessing.image import ImageDataGenerator
from keras.models import Sequential
from keras.layers import Dense, Flatten
model = Sequential([Flatten(input_shape=(32, 32, 3)), Dense(1)])
model.compile(loss="mse", optimizer="rmsprop")
datagen = ImageDataGenerator()
model.fit_generator(datagen.flow(x_train, x_train, batch_size=32))  # expect: RL201, RL501
model.evaluate(x_test, y_test)
""",
        # a dataset zipped with itself as (input, target), validated on other targets
        """\
import numpy as np
import tensorflow as tf

w = tf.data.Dataset.from_tensor_slices(np.load("windows.npy"))
vx, vy = np.load("vx.npy"), np.load("vy.npy")
m = tf.keras.Sequential([tf.keras.Input((48, 1)), tf.keras.layers.GlobalMaxPooling1D(), tf.keras.layers.Dense(1)])
m.compile(optimizer="adam", loss="mse")
m.fit(tf.data.Dataset.zip((w, w)).batch(32), validation_data=(vx, vy), epochs=5)  # expect: RL201
""",
        # the same trainer, its input-as-target arm validated on the labels
        """\
import keras


def train(model, data, kind, epochs=5):
    if kind == "auto":
        return model.fit(data.x_tr, data.x_tr, epochs=epochs, validation_data=(data.x_va, data.y_va))  # expect: RL201
    return model.fit(data.x_tr, data.y_tr, epochs=epochs, validation_data=(data.x_va, data.y_va))
""",
        # a windowed dataset whose targets are its own data, split into training and validation
        """\
import numpy as np
import tensorflow as tf

prices = np.load("btc.npy").astype("float32")
ds = tf.keras.utils.timeseries_dataset_from_array(data=prices, targets=prices, sequence_length=7, batch_size=128)  # expect: RL201
train_ds, test_ds = ds.take(20), ds.skip(20)
inp = tf.keras.Input((7,))
model = tf.keras.Model(inp, tf.keras.layers.Dense(1)(tf.keras.layers.Dense(64, activation="relu")(inp)))
model.compile(loss="mae", optimizer="adam")
model.fit(train_ds, epochs=3, validation_data=test_ds)
""",
    ]

    def check(self, facts):
        for model in facts.models:
            suspects = []
            for t in model.trainings + model.foreign_trainings:
                if t.method not in tables.TRAIN_METHODS or t.callee_pair:
                    continue  # (a method of another module fitting on its input twice: its own to answer)
                if t.pops < model.pops or model.kind == "sequential" and 0 <= t.layer_count < len(model.layers):
                    # pre-training before `pop()` took the decoder off, or before a classifier was
                    # stacked on the reconstruction: another architecture
                    continue
                kx, ky = expr_key(t.x_node), expr_key(t.y_node)
                if (kx is not None and kx == ky or _same_array(t.x_node, t.y_node)) and not _validates_alike(t):
                    suspects.append(t)
            if not suspects or output_like_input(model) or trains_on_corrupted_pairs(facts, model):
                continue  # an autoencoder, or a denoiser
            if self._supervised(model):
                for t in suspects:
                    yield self.report(
                        t.y_node,
                        "the model is trained with its input as the target, but the file shows it "
                        "is supervised (its validation/evaluate targets or its output differ from "
                        "the input); pass the targets",
                        self._fix(facts, model, t),
                    )

    @staticmethod
    def _fix(facts, model, training):
        if not isinstance(training.y_node, cst.Name):
            return None
        names = bound_names(facts)
        for t in model.trainings:
            pairs = list(t.validation) + ([(t.x_node, t.y_node)] if t.method in tables.EVAL_METHODS else [])
            for vx, vy in pairs:
                if isinstance(vx, cst.Name) and isinstance(vy, cst.Name) and vx.value != vy.value:
                    target = swapped_name(training.y_node.value, vx.value, vy.value)
                    if target and target in names:
                        return Fix(False, f"train on `{target}`", (Edit(training.y_node, cst.Name(target)),))
        return None

    @staticmethod
    def _supervised(model) -> bool:
        # What the model is fed as input: a target that is also fed as input is data like the
        # input (an image-to-image model), not evidence of other targets.
        trainings = model.trainings + model.foreign_trainings
        inputs = {expr_key(t.x_node) for t in trainings}
        inputs |= {expr_key(vx) for t in trainings for vx, _ in t.validation}
        inputs |= {expr_key(c.args.get("x", 0)[1].value) for c in model.calls
                   if c.method in tables.PREDICT_METHODS and c.args.get("x", 0)[1] is not None}
        for t in trainings:
            pairs = list(t.validation)
            if t.method in tables.EVAL_METHODS:
                pairs.append((t.x_node, t.y_node))
            for x_node, y_node in pairs:
                kx, ky = expr_key(x_node), expr_key(y_node)
                if kx is not None and ky is not None and kx != ky and ky not in inputs:
                    return True
        width, width_node = model.input_width(), model.input_width_node()
        for head in model.heads():
            if width_node is not None and head.layer is not None and head.layer.kind == "Dense":
                units = head.layer.args.get("units", 0)[1]
                if units is not None and units.value.deep_equals(width_node):
                    # `Dense(X.shape[1], ...)` after `Input(shape=(X.shape[1],))`: as wide as the
                    # flat input, whatever squashes it (a softmax decoder reconstructs a histogram)
                    continue
            if head.activation == "softmax" and head.units != 1:
                return True
            if head.layer is not None and head.layer.kind == "Dense" and head.units is not None \
                    and width is not None and head.units < width:
                return True
        return False


def _same_array(x_node, y_node) -> bool:
    """`fit(np.array(seqs), np.array(seqs))`: the same array made twice from one name (an array
    conversion of it written out twice)."""
    if not (isinstance(x_node, cst.Call) and isinstance(y_node, cst.Call) and x_node.deep_equals(y_node)):
        return False
    func = x_node.func
    name = func.attr.value if isinstance(func, cst.Attribute) else func.value if isinstance(func, cst.Name) else None
    return name in ("array", "asarray", "float32") and len(x_node.args) >= 1 \
        and isinstance(x_node.args[0].value, (cst.Name, cst.Attribute))


def _validates_alike(training) -> bool:
    """The fit's own validation data, written in the call, pairs its input with itself too (`fit(x, x,
    validation_data=(v, v))`): an autoencoder's fit by its own account, whatever else the model is
    trained on (a trainer whose other arm fits the same model parameter on labels). Not a validation
    dataset cut from the same pipeline as the training one (`timeseries_dataset_from_array(data=p,
    targets=p)` split by `take` / `skip`): the same mistake twice."""
    given = next((a.value for a in getattr(training.node, "args", ())
                  if a.keyword is not None and a.keyword.value == "validation_data"), None)
    if not isinstance(given, (cst.Tuple, cst.List)) or len(given.elements) < 2:
        return False
    vx, vy = given.elements[0].value, given.elements[1].value
    return expr_key(vx) is not None and expr_key(vx) == expr_key(vy) or _same_array(vx, vy)
