from __future__ import annotations

from typing import Optional

from regr_lint.lazy import cst

from regr_lint.input.vocabulary import layer_keyword
from regr_lint.knowledge import tables
from regr_lint.knowledge.public_api import PUBLIC_NAMES
from regr_lint.model.compat import user_method, version_guarded
from regr_lint.model.names import is_layer_path
from regr_lint.model.records import _const
from regr_lint.rule import Edit, Fix, Rule

_LAYER_OLD = tuple(sorted(tables.REMOVED_LAYER_ARGUMENTS))
_MODEL_OLD = tuple(sorted(set(tables.REMOVED_MODEL_ARGUMENTS) - tables.KEYWORD_ONLY_ARGUMENTS))
# `Model(input=…)`: "input" / "output" as keywords only (the names alone are in every Keras file);
# so are a layer family's own Keras 1 keywords (`p=`, `mode=`, `bias=`), Keras 2's `workers=` and
# compile()'s
_KEYWORDS = set(tables.REMOVED_MODEL_CLASS_ARGUMENTS) | tables.KEYWORD_ONLY_ARGUMENTS
_CLASS_OLD = tuple(sorted(f"{k}=" for k in _KEYWORDS))
_CLASS_TEXT = _CLASS_OLD + tuple(sorted(f"{k} =" for k in _KEYWORDS))
# a layer family's own keywords: the layer named in the text, the layer given the keyword in the code
_FAMILY_TEXT = tuple(sorted(tables.REMOVED_CLASS_KEYWORDS))
_FAMILY = tuple(sorted(layer_keyword(layer, keyword) for layer, keywords in tables.REMOVED_CLASS_KEYWORDS.items()
                       for keyword in keywords))
_MODEL_CALLS = tables.TRAIN_METHODS | tables.EVAL_METHODS | tables.PREDICT_METHODS | {"compile"}


def layer_rename(layer: str, old: str) -> "tuple[bool, Optional[str]]":
    """(removed, new keyword or None) for keyword `old` on the Keras layer class `layer`."""
    if old in tables.KERAS3_LAYER_KEEPS.get(layer, ()):
        return False, None
    own = tables.REMOVED_LAYER_KEYWORDS.get(layer, {})
    if old not in own and old not in tables.REMOVED_LAYER_ARGUMENTS:
        return False, None
    renames = tables.REMOVED_ARGUMENT_LAYER_RENAMES.get(layer, {})
    new = own[old] if old in own else renames[old] if old in renames else tables.REMOVED_LAYER_ARGUMENTS[old]
    if new is not None and layer not in tables.KERAS3_LAYERS_TAKING.get(new, ()):
        new = None  # a Keras 1 layer Keras 3 lacks, or one that never took the new name
    return True, new


class RemovedKerasArgument(Rule):
    code = "RL504"
    name = "removed-keras-argument"
    summary = "Keras 1/2 keyword argument that Keras 3 rejects (nb_epoch=, init=, border_mode= …)"
    severity = "error"  # Keras 3 raises ValueError / TypeError
    tokens = ("keras", _LAYER_OLD + _MODEL_OLD + _CLASS_TEXT + _FAMILY_TEXT)
    names = (_LAYER_OLD + _MODEL_OLD + _CLASS_OLD + _FAMILY,)
    reads_partial_source = True  # judges a call or import by itself (see Rule.reads_partial_source)
    skips_unreachable = True  # a call after a `raise` in its block never runs (see Rule.skips_unreachable)
    docs = """\
## What it does
Finds the Keras 1 keyword arguments that Keras 2 renamed and Keras 3 no longer accepts, on Keras
calls as the semantic model resolves them: on a `keras.layers` class (any import style, also a class
held in a variable) `init=`, `border_mode=`, `subsample=`, `output_dim=`, `nb_filter=`,
`W_regularizer=`, `b_regularizer=`, `W_constraint=`, `b_constraint=`, `nb_row=` / `nb_col=` (one
`kernel_size=` since Keras 2) and `dim_ordering=`, and
Keras 2's `batch_input_shape=` (Keras 3 layers take no batch size; `InputLayer` still does, and
`Input` calls it `batch_shape=`: a safe rename there); on a
model's `fit` / `fit_generator` / `evaluate` / `predict` … (a model the file builds or loads,
`self.model`, a model passed in as a parameter; also its `fit` / `evaluate` bound to a name first,
`fit_fn = self.model.fit`, then `fit_fn(ds, workers=4)`) `nb_epoch=`, `samples_per_epoch=`,
`nb_val_samples=`, `evaluate_generator` / `predict_generator`'s `val_samples=`, `max_q_size=`,
`nb_worker=` and `pickle_safe=`, Keras 0's `show_accuracy=`, and Keras 2's `workers=`, `use_multiprocessing=`
and `max_queue_size=` (on `fit` / `evaluate` / `predict`; on the `*_generator` methods RL501's rewrite
drops them); on a model's `compile` Keras 0's `class_mode=` / `theano_mode=`, Keras 2's
`sample_weight_mode=` / `target_tensors=`, tf.keras 2's `experimental_run_tf_function=`,
`distribute=`, `pss_evaluation_shards=`, `experimental_steps_per_execution=` (→ `steps_per_execution=`)
and TensorFlow 1's `options=` / `run_metadata=` (Keras 3's `compile` takes no `**kwargs`: TypeError;
tf-keras 2 still takes the tf.keras 2 ones and `sample_weight_mode=`); on the functional `Model` class `input=` and
`output=`. The Keras 1 keywords of one family of layers are judged on that family only (`p=` of
`Dropout` and its kin → `rate=`, `sigma=` of `GaussianNoise` → `stddev=`, the recurrent layers'
`inner_init=`, `inner_activation=`, `U_regularizer=`, `dropout_W=`, `dropout_U=`, `consume_less=`,
`forget_bias_init=`, the 1-D pooling layers' `pool_length=` / `stride=`, `UpSampling1D(length=)`,
`Conv1D`'s `filter_length=` / `subsample_length=`, `bias=` → `use_bias=` on `Dense` and the
convolutions, `BatchNormalization`'s `mode=`, `beta_init=`, `gamma_init=`): elsewhere those words are
ordinary keywords (`RandomFlip(mode=...)`). The keywords a subclass's `__init__` passes on to the Keras
class it extends count as that class's (`class Board(TensorBoard)` calling `super().__init__(log_dir,
write_grads=True)`). Keras 2's callbacks too: `ModelCheckpoint(period=)` and `save_format=` (tf.keras
2 took it into `**kwargs` and ignored it; Keras 3 raises TypeError),
`TensorBoard(batch_size=)`, `write_grads=`, `embeddings_layer_names=`, `embeddings_data=` (Keras 3
rejects them), and `ReduceLROnPlateau(epsilon=)`, which Keras 3 does not reject but drops with its
other keyword arguments, so the plateau threshold silently stays `min_delta=1e-4` (tf-keras 2 read
`epsilon=` as `min_delta=`, its name since Keras 2.1.6) — unless it is written as that very value
(`epsilon=1e-4`: nothing changes). And Keras 2's `Nadam(schedule_decay=)` (Keras 3
rejects it; `lr=` and `decay=` are RL502's and RL505's). One finding per keyword, at the keyword. The
old → new tables are data (`regr_lint.knowledge.tables.REMOVED_LAYER_ARGUMENTS`, `REMOVED_LAYER_KEYWORDS`,
`REMOVED_MODEL_ARGUMENTS`, `REMOVED_MODEL_CLASS_ARGUMENTS`, `REMOVED_CALLBACK_KEYWORDS`).

Not reported: the same keywords on a function or class of your own (also a subclass of a Keras
layer whose `__init__` takes them — one whose `__init__(self, **kwargs)` hands the rest to Keras'
own, `super().__init__(**kwargs)`, passes Keras every keyword it does not name: those are reported), on scikit-learn (`KMeans(init="k-means++")`), `dict(...)` or
argparse, a method of the file's own class named `fit` (one that can take the keywords the call
passes: a parameter `model` of a class whose own `evaluate(self, data, model)` would reject
`workers=` is Keras' model), and the Keras 3 names that look alike
(`Embedding(output_dim=…)` and `InputLayer(batch_input_shape=…)`, which Keras 3 still takes,
`kernel_initializer=`, `padding=`,
`strides=`). Nor is code written for both Keras versions: a call under a test of a `__version__` or of `tf.version.VERSION` (also imported by name, `from keras import __version__ as
KERAS_VERSION`, or held in a module flag, `NEW_KERAS = keras.__version__ >= "2"` or numbers unpacked from one, `MAJOR, MINOR = map(int, …)` (also bound inside the `try:` that imports Keras), here or imported from a module of the project — `from compat import NEW_KERAS`, `from compat import *` or `import compat` and `compat.NEW_KERAS`, also in a helper of another module the model is handed to —, or in an attribute set once to one, `self.legacy_api = keras.__version__ < "2"`;
also after such a test whose block does the work and returns)
(either branch, unless the test comes out the same for every Keras 3: then the branch Keras 3 runs is
reported, `else: model.fit(x, y, nb_epoch=3)` after `if keras.__version__[0] == "2":`) or in a `try:` whose handler catches the `TypeError` / `ValueError` Keras 3 raises
(or is a bare `except:` / `except Exception:` that binds no error and does the work another way,
`except: Model(inputs=x, outputs=y)`), or in such a handler when the `try:` body makes the same call
with the new arguments (`try: fit(x, y, epochs=3)` / `except TypeError: fit(x, y, nb_epoch=3)`: the
old call is the fallback).

Keras 1 keywords written as the keys of a dict literal that is spread into a layer call
(`Conv2D(32, (3, 3), **CONV_KW)` with `CONV_KW = {"border_mode": "same", "init": "he_normal"}`, here
or in a config module; `Dense(10, **{"init": "glorot_uniform"})`) are reported at the key: Keras 3
rejects them as it rejects the keyword written out — each dict a layer call of a helper is given by
its callers (`Dense(units, **params)` run once with `{"init": …}` and once with another). No fix is
offered there (the dict may be spread into other calls too). A dict spread into a function of the project's own is not read.
Code that can never run (after an unconditional `raise`, `return`, `continue` or `break` in its
block) is not reported.

## Why is this bad?
Keras 2 renamed these arguments and kept the old names working for a while through its legacy
interfaces, with a warning; Keras 3 dropped them. Measured on Keras 3.15.1:
`model.fit(x, y, nb_epoch=1)` raises `TypeError: … got an unexpected keyword argument 'nb_epoch'`
and `Dense(1, init="uniform")` raises `ValueError: Unrecognized keyword arguments passed to Dense:
{'init': 'uniform'}` — the script stops before it trains.

## Example
```python
model.add(Convolution2D(24, (5, 5), subsample=(2, 2), border_mode="valid", init="he_normal"))
model.add(Dense(output_dim=1, W_regularizer=l2(0.01)))
model.fit(x, y, nb_epoch=50, batch_size=16)
```

## Use instead
```python
model.add(Convolution2D(24, (5, 5), strides=(2, 2), padding="valid", kernel_initializer="he_normal"))
model.add(Dense(units=1, kernel_regularizer=l2(0.01)))
model.fit(x, y, epochs=50, batch_size=16)
```

## Fix safety
Safe: the fix is the exact rename Keras 2 itself made (`nb_epoch` → `epochs`, `init` →
`kernel_initializer`, `border_mode` → `padding`, `subsample` → `strides`, `output_dim` → `units`,
`nb_filter` → `filters`, `W_`/`b_regularizer` → `kernel_`/`bias_regularizer`, `W_`/`b_constraint` →
`kernel_`/`bias_constraint`, `Model(input=, output=)` → `Model(inputs=, outputs=)`; on `Embedding`
`init` → `embeddings_initializer` and `W_…` →
`embeddings_…`, on `PReLU` `init` → `alpha_initializer`, `ReduceLROnPlateau(epsilon=)` → `min_delta=`,
`compile(experimental_steps_per_execution=)` → `steps_per_execution=`,
the value tf-keras 2 gave it). It is offered only where the Keras 3 layer
takes the new name (`regr_lint.knowledge.tables.KERAS3_LAYERS_TAKING`, read from Keras 3) and `nb_epoch` only on
`fit` / `fit_generator`; not when the call already passes the new name or `**kwargs` that may hold it.
Separable and depthwise convolutions (two initializers where there was one) and Keras 1 layers that
Keras 3 lacks are reported without a fix. A convolution given Keras 1's kernel by position, one
number per axis (`Convolution2D(32, 3, 3, border_mode="same")`: Keras 1's nb_row, nb_col), gets its
kernel written as one size too (`Convolution2D(32, (3, 3), padding="same")`), and the message says
so: Keras 3 reads the third positional argument as `strides=`, and renaming only the keyword would
turn the error into a layer that silently strides 3 pixels at a time. With more Keras 1 arguments by
position after the kernel (`init`, `activation` …) the fix is unsafe and leaves them as they are. On a model method of an object whose type the file does
not show (a function's `model` parameter, an attribute set in another module) the rename is unsafe:
the object may be a project wrapper whose own `fit_generator(..., nb_epoch=)` keeps Keras 2's name.

Reported with no safe fix, where the meaning changed: `samples_per_epoch=`, `nb_val_samples=` and
`val_samples=` counted samples, their replacements `steps_per_epoch=` / `validation_steps=` / `steps=`
count batches (RL501's rewrite of such a call to `evaluate` / `predict` is withheld too: it would
keep a keyword Keras 3 rejects);
`max_q_size=` / `nb_worker=` / `pickle_safe=` became Keras 2's `max_queue_size=` / `workers=` /
`use_multiprocessing=`, which
Keras 3's `fit` no longer takes either;
`dim_ordering=` became `data_format=` with other values. For a literal `dim_ordering="tf"` / `"th"`
an unsafe fix writes `data_format="channels_last"` / `"channels_first"` (weights saved from a Theano
model also had their kernels flipped: check them).
"""
    VALID = [
        # save_format= of a callback of the project's own; Keras 3's ModelCheckpoint without it
        """
import tensorflow as tf


class Saver(tf.keras.callbacks.Callback):
    def __init__(self, path, save_format="h5"):
        super().__init__()
        self.path, self.save_format = path, save_format


cbs = [Saver("m.h5", save_format="h5"), tf.keras.callbacks.ModelCheckpoint("w.weights.h5", save_weights_only=True)]
""",
        # `val_samples` as a name, and as a keyword of the project's own helper (not a model method)
        """
from keras.models import load_model


def predict_all(model, data, val_samples=None):
    return model.predict(data[:val_samples], batch_size=50)


net = load_model("net.keras")
val_samples = 500
score = net.evaluate(x_val, y_val, steps=val_samples // 50)
guess = predict_all(net, x_val, val_samples=val_samples)
""",
        # the look-alike: `epsilon=` written as min_delta's own default — dropped, and nothing changes
        """
from keras.callbacks import ReduceLROnPlateau

plateau = ReduceLROnPlateau(monitor="val_loss", factor=0.5, patience=3, epsilon=0.0001)
""",
        # Keras 1 keywords only where a version flag, bound inside the import's `try:`, says Keras 1
        """\
try:
    import keras
    OLD_KERAS = int(keras.__version__[0]) <= 1
    from keras.layers import GRU, Dense
    from keras.models import Sequential
except ImportError:
    print("keras missing")


def fit_decoder(x, y, units=32, epochs=5):
    net = Sequential()
    if OLD_KERAS:
        net.add(GRU(units, input_shape=x.shape[1:], dropout_W=0.1))
    else:
        net.add(GRU(units, input_shape=x.shape[1:], dropout=0.1))
    net.add(Dense(y.shape[1]))
    net.compile(loss="mse", optimizer="rmsprop")
    if OLD_KERAS:
        net.fit(x, y, nb_epoch=epochs)
    else:
        net.fit(x, y, epochs=epochs)
    return net
""",
        # Keras 3 keywords spread from a dict; Keras 1 names spread into a function of the file's own
        """
from keras.layers import Conv2D
CONV_KW = {"padding": "same", "kernel_initializer": "he_normal"}
OLD = {"init": "he_normal", "border_mode": "same"}
def block(filters, init="he_normal", border_mode="same"):
    return Conv2D(filters, (3, 3), padding=border_mode, kernel_initializer=init)
layers = [Conv2D(32, (3, 3), **CONV_KW), block(64, **OLD)]
""",
        # Keras 1 keywords under a test of the version imported under another name
        """\
from keras import __version__ as KERAS_VERSION
from keras.layers import Dense
def dense(units, **kw):
    if KERAS_VERSION[0] == "1":
        return Dense(output_dim=units, **kw)
    return Dense(units, **kw)
""",
        # their Keras 3 names
        """
from keras.callbacks import ModelCheckpoint, ReduceLROnPlateau
checkpoint = ModelCheckpoint("best.keras", monitor="val_loss", save_best_only=True, save_freq="epoch")
plateau = ReduceLROnPlateau(monitor="val_loss", factor=0.5, patience=3, min_delta=0.001)
""",
        # DeepChem's model wraps a Keras model: its own fit takes nb_epoch=
        """
import deepchem as dc
import tensorflow as tf
net = tf.keras.Sequential([tf.keras.layers.Dense(256, activation="relu"), tf.keras.layers.Dense(1)])
wrapper = dc.models.KerasModel(net, dc.models.losses.L2Loss())
tasks, splits, transformers = dc.molnet.load_lipo(featurizer="ECFP")
wrapper.fit(splits[0], nb_epoch=30)
""",
        # the subclass's own __init__ takes `init` and hands Keras the Keras 3 name
        """
from tensorflow import keras
class Doubled(keras.layers.Dense):
    def __init__(self, units, init="glorot_uniform", **kwargs):
        super().__init__(units, kernel_initializer=init, **kwargs)
    def call(self, x):
        return super().call(x) * 2.0
m = keras.Sequential([keras.layers.Dense(4, activation="relu"), Doubled(1, init="uniform")])
""",
        # a version test held in a module flag: either arm is code for its own Keras
        """
import keras
NEW_KERAS = int(keras.__version__.split(".")[0]) >= 2
def hidden(units, reg=None):
    if NEW_KERAS:
        return keras.layers.Dense(units, kernel_regularizer=reg)
    else:
        return keras.layers.Dense(units, W_regularizer=reg, init="he_normal")
def train(net, x, y):
    if not NEW_KERAS:
        net.fit(x, y, nb_epoch=10)
    else:
        net.fit(x, y, epochs=10)
net = keras.Sequential([keras.Input((4,)), hidden(8), keras.layers.Dense(1)])
net.compile(loss="mse", optimizer="adam")
train(net, x, y)
""",
        # a layer family's Keras 1 words are ordinary keywords on other layers and on your own
        """
import keras
from keras import layers
flip = layers.RandomFlip(mode="horizontal")
crop = layers.RandomCrop(8, 8)
drop = layers.Dropout(rate=0.5)
class Noisy(layers.Layer):
    def __init__(self, p=0.1, **kwargs):
        super().__init__(**kwargs)
        self.p = p
noisy = Noisy(p=0.3)
""",
        # Keras 3's batch shape on an Input; InputLayer still reads Keras 2's batch_input_shape
        """
import keras
inp = keras.Input(batch_shape=(32, 10, 1))
first = keras.layers.InputLayer(batch_input_shape=(32, 10, 1))
cell = keras.layers.LSTM(16, stateful=True)(inp)
""",
        # Keras 2's names; `input=` on a function of one's own; Input(...)'s own keywords
        """
import keras
def build(input=None, output=None):
    return input, output
inp = keras.Input(shape=(4,))
model = keras.Model(inputs=inp, outputs=keras.layers.Dense(1)(inp))
pair = build(input=1, output=2)
model.fit(X, Y, epochs=3)
""",
        # the Keras 3 names, Embedding's output_dim (still Keras 3's)
        """
import keras
from keras.layers import Conv1D, Dense, Embedding, GlobalMaxPooling1D
model = keras.Sequential([
    Embedding(input_dim=1000, output_dim=64),
    Conv1D(32, 3, strides=2, padding="same", kernel_initializer="he_normal"),
    GlobalMaxPooling1D(),
    Dense(units=1, kernel_regularizer=keras.regularizers.l2(0.01)),
])
model.compile(optimizer="adam", loss="mse")
model.fit(x, y, epochs=10)
""",
        # user functions, user classes and a user layer subclass with the same keywords
        """
import keras
import numpy as np
class Block:
    def __init__(self, init="glorot_uniform", output_dim=8):
        self.init = init
class MyDense(keras.layers.Layer):
    def __init__(self, output_dim, init="uniform", **kwargs):
        super().__init__(**kwargs)
        self.output_dim = output_dim
def train(model, x, y, nb_epoch=10, samples_per_epoch=None):
    return model.fit(x, y, epochs=nb_epoch)
block = Block(init="zeros", output_dim=4)
layer = MyDense(output_dim=16, init="normal")
model = keras.Sequential([keras.layers.Dense(1)])
history = train(model, x, y, nb_epoch=40, samples_per_epoch=20000)
""",
        # scikit-learn, dict, argparse, a variable named nb_epoch
        """
import argparse
import keras
from sklearn.cluster import KMeans
nb_epoch = 20
bands = KMeans(n_clusters=4, init="k-means++", n_init=10).fit_predict(x)
config = dict(nb_epoch=5, border_mode="same", init="uniform")
parser = argparse.ArgumentParser()
parser.add_argument("--nb_epoch", type=int, default=nb_epoch)
model = keras.models.load_model("m.keras")
model.fit(x, y, epochs=nb_epoch)
""",
        # code written for both Keras versions: the old keyword runs only on the old Keras
        """
import keras
model = keras.models.load_model("m.h5")
if keras.__version__.startswith("1."):
    model.fit(x, y, nb_epoch=10)
else:
    model.fit(x, y, epochs=10)
try:
    layer = keras.layers.Dense(8, init="uniform")
except (TypeError, ValueError):
    layer = keras.layers.Dense(8, kernel_initializer="uniform")
""",
        # Keras 2's and 3's convolutions: a kernel size, then strides, by position (no Keras 1 keyword)
        """
from tensorflow import keras
down = keras.layers.Conv2D(64, 3, 2, padding="same")
patches = keras.layers.Conv2D(128, 4, 4)
""",
        # a class of the file with its own fit(nb_epoch=...), called on an object of unknown type
        """
import keras
class Trainer:
    def fit(self, x, y, nb_epoch=1):
        return x
def run(trainer, x, y):
    return trainer.fit(x, y, nb_epoch=3)
Trainer().fit(x, y, nb_epoch=2)
""",
        # the new keyword first, Keras 1's as the fallback in the handler
        """\
import numpy as np
from keras.layers import Dense
from keras.models import Sequential

net = Sequential([Dense(8, activation="relu", input_dim=4), Dense(1)])
net.compile(loss="mae", optimizer="sgd")
try:
    net.fit(np.load("x.npy"), np.load("y.npy"), epochs=30, verbose=0)
except TypeError:
    net.fit(np.load("x.npy"), np.load("y.npy"), nb_epoch=30, verbose=0)
""",
        # ... and the keyword its own __init__ names (then hands Keras the Keras 3 name): not Keras'
        """
from keras.layers import Conv1D, Embedding, Dense, GlobalMaxPooling1D
from keras.models import Sequential
class WideConv1D(Conv1D):
    def __init__(self, nb_filter, filter_length=3, **kwargs):
        super().__init__(filters=nb_filter * 2, kernel_size=filter_length, **kwargs)
model = Sequential([Embedding(4000, 50), WideConv1D(nb_filter=32, filter_length=5, padding="same"), GlobalMaxPooling1D(), Dense(1)])
""",
        # ... and a subclass that takes what it hands on apart first: Keras gets another dict
        """
from keras.layers import Conv1D, Embedding, Dense, GlobalMaxPooling1D
from keras.models import Sequential
class KeptConv1D(Conv1D):
    def __init__(self, **kwargs):
        width = kwargs.pop("nb_filter", 32)
        super().__init__(filters=width, kernel_size=3, **kwargs)
model = Sequential([Embedding(4000, 50), KeptConv1D(nb_filter=64), GlobalMaxPooling1D(), Dense(1)])
""",
        # the class's own evaluate, which takes the keyword: its call is not Keras'
        """
from tensorflow import keras
class Runner:
    def evaluate(self, x, y, workers=1):
        return sum(x) / workers
def score(runner, x, y):
    return runner.evaluate(x, y, workers=4)
""",
        # a method of the file's own class bound to a name: its own keywords
        """
import numpy as np


class Runner:
    def fit(self, x, y, epochs=1, workers=1):
        return [np.mean(x) for _ in range(epochs * workers)]


run = Runner().fit
run(np.random.rand(8, 5), np.random.rand(8), epochs=2, workers=4)
""",
        # subclasses of Keras classes passing Keras 3's names to their constructor; a class of the
        # file whose base takes `period=` / `init=` itself
        """
from keras.callbacks import ModelCheckpoint
from keras.layers import Dense


class EveryEpoch(ModelCheckpoint):
    def __init__(self, path, period=5):
        super().__init__(path, save_freq="epoch")
        self.period = period


class Base:
    def __init__(self, period=1, init=None):
        self.period, self.init = period, init


class Scheduler(Base):
    def __init__(self):
        super().__init__(period=3, init="zeros")


class WideDense(Dense):
    def __init__(self, units, **kwargs):
        super().__init__(units * 2, kernel_initializer="glorot_uniform", **kwargs)
""",
        # Keras 1 keywords under version numbers bound by unpacking, or a flag set on the instance
        """\
import keras

MAJOR, MINOR = (int(v) for v in keras.__version__.split(".")[:2])


class Trainer:
    def __init__(self, model):
        self.model = model
        self.legacy_api = keras.__version__ < "2"

    def train(self, x, y, epochs):
        if self.legacy_api:
            return self.model.fit(x, y, nb_epoch=epochs)
        return self.model.fit(x, y, epochs=epochs)


def hidden(units):
    if MAJOR < 2:
        return keras.layers.Dense(units, init="he_normal")
    return keras.layers.Dense(units, kernel_initializer="he_normal")
""",
        # compile()'s removed keywords are judged on a model's compile only: the data generator's
        # class_mode=, a compile of the file's own class, Keras 3's steps_per_execution=
        """\
import keras
from keras.preprocessing.image import ImageDataGenerator


class Pipeline:
    def compile(self, options=None, class_mode="binary"):
        return options, class_mode


train = ImageDataGenerator(rescale=1 / 255).flow_from_directory("data", class_mode="binary")
Pipeline().compile(options={"jit": True}, class_mode="categorical")
model = keras.Sequential([keras.Input((4,)), keras.layers.Dense(1, activation="sigmoid")])
model.compile(optimizer="adam", loss="binary_crossentropy", steps_per_execution=8)
model.fit(train, epochs=1)
""",
        # after a `continue` in the loop's block: never runs
        """\
import keras

model = keras.models.load_model("m.keras")
for x, y in shards:
    model.fit(x, y, epochs=1)
    continue
    model.fit(x, y, nb_epoch=1)
""",
    ]
    INVALID = [
        # a callback subclass handing its constructions' keywords to Keras' own
        """\
import numpy as np
from keras import layers, models
from keras.callbacks import ModelCheckpoint


class SaveTemplate(ModelCheckpoint):
    def __init__(self, template, **kwargs):
        super().__init__(**kwargs)
        self.template = template


net = models.Sequential([layers.Input((4,)), layers.Dense(8, activation="relu"), layers.Dense(1)])
net.compile(optimizer="adam", loss="mse")
ckpt = SaveTemplate(template=net, filepath="w.h5", period=1)  # expect: RL504
net.fit(np.zeros((8, 4)), np.zeros((8, 1)), epochs=2, callbacks=[ckpt])
""",
        # one helper call site constructing each layer class it is handed, with its Keras 1 keys
        """\
from keras.layers import Convolution1D, Dropout, MaxPooling1D


def add_layer(model, layer_class, layer_args):
    model.add(layer_class(**layer_args))


def conv_block(model, width, seq_len):
    add_layer(model, Convolution1D, {"nb_filter": 64, "filter_length": width})  # expect: RL504 RL504
    add_layer(model, MaxPooling1D, {"pool_length": seq_len - width + 1})  # expect: RL504
    add_layer(model, Dropout, {"p": 0.5})  # expect: RL504
""",
        # Keras 1 keywords as the keys of a dict written out and spread into the layers
        """\
from keras.layers import Conv2D, Dense, Flatten
from keras.models import Sequential
CONV_KW = {"border_mode": "same", "activation": "relu"}  # expect: RL504
model = Sequential([Conv2D(32, (3, 3), input_shape=(28, 28, 1), **CONV_KW), Flatten(),
                    Dense(10, activation="softmax", **{"init": "glorot_uniform"})])  # expect: RL504
""",
        """
from keras.optimizers import Nadam
opt = Nadam(learning_rate=0.002, schedule_decay=0.004)  # expect: RL504
""",
        # Keras 2's callback keywords
        """
from keras.callbacks import ModelCheckpoint, ReduceLROnPlateau
checkpoint = ModelCheckpoint("best.h5", monitor="val_loss", save_best_only=True, period=5)  # expect: RL504
plateau = ReduceLROnPlateau(monitor="val_loss", factor=0.5, patience=3, epsilon=0.001)  # expect: RL504
""",
        # a layer subclass with no __init__ of its own: Keras' Dense takes the arguments
        """
from tensorflow import keras
class Doubled(keras.layers.Dense):
    def call(self, x):
        return super().call(x) * 2.0
m = keras.Sequential([keras.layers.Dense(4, activation="relu"), Doubled(1, init="uniform")])  # expect: RL504
""",
        # in an arm the only call rules out
        """
import keras
def train(model, x, y, legacy=False):
    if legacy:
        model.fit(x, y, nb_epoch=10)  # expect: RL504
    else:
        model.fit(x, y, epochs=10)
net = keras.Sequential([keras.Input((4,)), keras.layers.Dense(1)])
net.compile(loss="mse", optimizer="adam")
train(net, x, y)
""",
        # Keras 0's show_accuracy= on fit / evaluate
        """
import numpy as np
from keras.models import Sequential
from keras.layers import Dense
model = Sequential([Dense(1, activation="sigmoid", input_dim=4)])
model.compile(loss="binary_crossentropy", optimizer="sgd", metrics=["accuracy"])
model.fit(np.load("x.npy"), np.load("y.npy"), epochs=5, show_accuracy=True)  # expect: RL504
score = model.evaluate(np.load("xt.npy"), np.load("yt.npy"), show_accuracy=True)  # expect: RL504
""",
        # Keras 2's loading options on fit / predict; on fit_generator they are RL501's rewrite to drop
        """
import keras
model = keras.Sequential([keras.layers.Dense(1)])
model.compile(optimizer="adam", loss="mse")
model.fit(batches, epochs=3, workers=4, use_multiprocessing=True)  # expect: RL504
scores = model.predict(frames, max_queue_size=20)  # expect: RL504
model.fit_generator(batches, steps_per_epoch=100, workers=4)  # expect: RL501
""",
        # Keras 1 keywords of one layer family: dropout's p, the recurrent layers' own, 1-D pooling's
        """
from keras.models import Sequential
from keras.layers import LSTM, Dropout, MaxPooling1D, Conv1D, BatchNormalization
model = Sequential([
    Conv1D(32, filter_length=3, input_shape=(100, 8)),  # expect: RL504
    MaxPooling1D(pool_length=2),  # expect: RL504
    BatchNormalization(mode=0),  # expect: RL504
    LSTM(64, dropout_W=0.2, dropout_U=0.2),  # expect: RL504, RL504
    Dropout(p=0.5),  # expect: RL504
])
""",
        # Keras 2's batch_input_shape on a stateful LSTM (a class passed in), on an Input
        """
from keras.models import Sequential
from keras.layers import LSTM, Dense, Input
def build(cell, steps, features):
    model = Sequential()
    model.add(cell(32, stateful=True, batch_input_shape=(1, steps, features)))  # expect: RL504
    model.add(Dense(1))
    return model
model = build(LSTM, 10, 1)
inp = Input(batch_input_shape=(1, 10, 1))  # expect: RL504
""",
        # tf.keras 2's Input took it through **kwargs; Keras 3's raises TypeError
        """
import tensorflow.keras as keras
reservoir = keras.Sequential([keras.Input(batch_input_shape=(8, None, 1)), keras.layers.Dense(1)])  # expect: RL504
""",
        # Keras 1's functional Model keywords and generator queue settings
        """
from keras.layers import Input, Dense
from keras.models import Model
inp = Input(shape=(4,))
model = Model(input=inp, output=Dense(1)(inp))  # expect: RL504, RL504
model.compile(loss='mse', optimizer='adam')
model.fit(X, Y, epochs=3, max_q_size=10, pickle_safe=True)  # expect: RL504, RL504
""",
        # Keras 1's worker count of the generator methods
        """
from keras.layers import Input, Dense
from keras.models import Model
inp = Input(shape=(4,))
model = Model(inputs=inp, outputs=Dense(1)(inp))
model.compile(loss='mse', optimizer='adam')
model.fit_generator(batches(), steps_per_epoch=100, epochs=3,  # expect: RL501
                    nb_worker=4)  # expect: RL504
""",
        """
from keras.models import Sequential
from keras.layers import Dense
model = Sequential()
model.add(Dense(12, input_dim=8, init='uniform', activation='relu'))  # expect: RL504
model.add(Dense(1, init='uniform'))  # expect: RL504
model.compile(loss='mse', optimizer='adam')
model.fit(X, Y, nb_epoch=150, batch_size=10)  # expect: RL504
""",
        # two keywords on one line are two findings; fit_generator's sample counts
        """
from keras.models import Sequential
from keras.layers import Convolution2D, Flatten, Dense
model = Sequential()
model.add(Convolution2D(24, 5, 5, subsample=(2, 2), border_mode='valid', activation='relu'))  # expect: RL504, RL504
model.add(Flatten())
model.add(Dense(output_dim=1, W_regularizer=l2(0.001), b_constraint=maxnorm(3)))  # expect: RL504, RL504, RL504
model.compile(loss='mse', optimizer='adam')
model.fit_generator(train_generator,  # expect: RL501
                    samples_per_epoch=len(train_samples),  # expect: RL504
                    validation_data=validation_generator,
                    nb_val_samples=len(validation_samples),  # expect: RL504
                    nb_epoch=3)  # expect: RL504
""",
        # tf.keras, a class in a variable, nb_filter / dim_ordering, Embedding's own renames, self.model
        """
import tensorflow as tf
from tensorflow.keras import layers
conv = layers.Conv2D
c = conv(nb_filter=32, kernel_size=3, dim_ordering='tf')  # expect: RL504, RL504
e = tf.keras.layers.Embedding(1000, 64, init='uniform')  # expect: RL504
class Wrapper:
    def __init__(self, model):
        self.model = model
    def train(self, x, y):
        self.model.fit(x, y, nb_epoch=5, verbose=0)  # expect: RL504
def evaluate(net, x, y):
    return net.evaluate(x, y, nb_epoch=1)  # expect: RL504
""",
        # Keras 1's kernel by position beside a Keras 1 keyword: the fix writes the kernel too
        """
from keras.layers import Convolution2D, Conv2D
a = Convolution2D(32, 3, 3, border_mode='same', input_shape=(28, 28, 1))  # expect: RL504
b = Convolution2D(nb_filters, nb_conv, nb_conv, init='he_normal')  # expect: RL504
c = Conv2D(64, (3, 3), 2, border_mode='same')  # expect: RL504
""",
        # a Keras 1 layer Keras 3 lacks, a separable convolution: reported without a fix
        """
from keras.layers import AtrousConvolution2D, SeparableConv2D, LSTM  # expect: RL503
a = AtrousConvolution2D(16, 3, 3, border_mode='same')  # expect: RL504
from keras.layers import Convolution2D
c = Convolution2D(24, nb_row=5, nb_col=5, activation='relu')  # expect: RL504, RL504
s = SeparableConv2D(16, (3, 3), init='he_normal')  # expect: RL504
r = LSTM(output_dim=32, return_sequences=True)  # expect: RL504
""",
        # Keras 1's sample count of evaluate_generator / predict_generator (steps= counts batches)
        """
from keras.layers import Dense
from keras.models import Sequential
net = Sequential([Dense(16, activation="relu", input_dim=8), Dense(1)])
net.compile(loss="mae", optimizer="adam")
score = net.evaluate_generator(batches(feats, price, 50), val_samples=500)  # expect: RL501, RL504
guess = net.predict_generator(rows(feats, 50),  # expect: RL501
                              val_samples=len(feats))  # expect: RL504
""",
        # a handler that does other work than the try body: its old keyword fails on Keras 3
        """\
import numpy as np
from keras.layers import Dense
from keras.models import Sequential

net = Sequential([Dense(8, activation="relu", input_dim=4), Dense(1)])
net.compile(loss="mae", optimizer="sgd")
try:
    rows = int(open("rows.txt").read())
except ValueError:
    net.fit(np.load("x.npy"), np.load("y.npy"), nb_epoch=30, verbose=0)  # expect: RL504
""",
        # a layer subclass whose __init__ hands its **kwargs to Keras' own: Keras takes what it does not name
        """
from keras.layers import Conv1D, Embedding, Dense, GlobalMaxPooling1D
from keras.models import Sequential
class MaskedConv1D(Conv1D):
    def __init__(self, **kwargs):
        self.supports_masking = True
        super(MaskedConv1D, self).__init__(**kwargs)
model = Sequential([Embedding(4000, 50), MaskedConv1D(nb_filter=64, filter_length=3), GlobalMaxPooling1D(), Dense(1)])  # expect: RL504 RL504
""",
        # a method of the same name that could not take the keyword: the model handed in is Keras'
        """
from tensorflow import keras
class Sizer:
    def evaluate(self, x, y, model):
        return model.evaluate(x, y, workers=8)  # expect: RL504
""",
        # the model's fit bound to a name first, then called with Keras 2's workers=
        """
import numpy as np
from tensorflow import keras
model = keras.Sequential([keras.Input((5,)), keras.layers.Dense(1)])
model.compile(optimizer="adam", loss="mse")
fit_fn = model.fit
fit_fn(np.random.rand(8, 5), np.random.rand(8), epochs=2, workers=4)  # expect: RL504
""",
        # tf.keras 2 dropped save_format= into **kwargs; Keras 3's ModelCheckpoint rejects it
        """
import os
from tensorflow.keras.callbacks import ModelCheckpoint


def checkpoint(out_dir):
    return ModelCheckpoint(filepath=os.path.join(out_dir, "pose_ep{epoch:03d}.h5"), save_weights_only=True,
                           save_format="h5")  # expect: RL504
""",
        # a subclass's `__init__` passing Keras 2 keywords on to the Keras class's own
        """
from keras.callbacks import ModelCheckpoint
from keras.layers import Dense


class EveryFew(ModelCheckpoint):
    def __init__(self, path, every=5):
        super().__init__(path, period=every)  # expect: RL504


class WideDense(Dense):
    def __init__(self, units, **kwargs):
        super(WideDense, self).__init__(units * 2, init="glorot_uniform", **kwargs)  # expect: RL504
""",
        # one helper spreading each caller's dict of keywords into one layer call: each dict's key
        """
from keras.layers import Dense
from keras.models import Sequential


class Regressor:
    def __init__(self, n_in, width=8):
        self.model = Sequential()
        self.hidden = {"activation": "tanh", "init": "uniform"}  # expect: RL504
        self.last = {"activation": "linear", "init": "uniform"}  # expect: RL504
        self.model.add(Dense(width, input_shape=(n_in,), activation="tanh"))
        self.stack(width, self.hidden)
        self.stack(1, self.last)
        self.model.compile(optimizer="adam", loss="mse")

    def stack(self, units, params):
        self.model.add(Dense(units, **params))
""",
        # Keras 1's keyword in the branch of a version test that Keras 3 takes (3 is not 2)
        """\
import keras

model = keras.models.load_model("m.keras")
if keras.__version__[0] == "2":
    model.fit(x, y, epochs=3)
else:
    model.fit(x, y, nb_epoch=3)  # expect: RL504
""",
        # Keras 0/1/2 and tf.keras 2 keywords of compile(): Keras 3's takes no **kwargs (TypeError)
        """\
import keras

model = keras.Sequential([keras.Input((8,)), keras.layers.Dense(1, activation="sigmoid")])
model.compile(loss="binary_crossentropy", optimizer="adam", class_mode="binary")  # expect: RL504
model.compile(optimizer="adam", loss="mse", sample_weight_mode="temporal")  # expect: RL504
model.compile(optimizer="adam", loss="mse", experimental_steps_per_execution=4)  # expect: RL504
model.fit(x, y, epochs=2)
""",
        # look-alike of code that never runs: the `try:` body raises, its handler runs
        """\
import keras

model = keras.models.load_model("m.keras")
try:
    raise RuntimeError("no checkpoint to resume from")
except RuntimeError:
    model.fit(x, y, nb_epoch=3)  # expect: RL504
""",
    ]

    def check(self, facts):
        seen: set = set()
        for kc in facts.keras_calls:
            if kc.qualname.rpartition(".")[2] == "Model" and not is_layer_path(kc.qualname):
                # Keras 1's `Model(input=x, output=y)`
                found = list(_old_keywords(kc.node, tables.REMOVED_MODEL_CLASS_ARGUMENTS, seen))
                if found and id(kc.node) not in _guarded(facts):
                    for arg in found:
                        seen.add(id(arg))
                        old = arg.keyword.value
                        yield self._report(arg, f"Model({old}=...)", tables.REMOVED_MODEL_CLASS_ARGUMENTS[old], kc.args)
                continue
            module, _, name = kc.qualname.rpartition(".")
            table = tables.API_CLASS_KEYWORDS.get(module.replace(".callbacks.callbacks", ".callbacks"), {}).get(name)
            if table is not None:  # a callback's or an optimizer's own Keras 2 keywords
                yield from self._class_keywords(kc, name, table, seen, facts)
                continue
            if not is_layer_path(kc.qualname) and kc.qualname != "keras.Input":  # keras.Input = keras.layers.Input
                continue
            layer = kc.qualname.rpartition(".")[2]
            found = [arg for arg in (*_old_keywords(kc.node, tables.REMOVED_LAYER_ARGUMENTS, seen),
                                     *_old_keywords(kc.node, tables.REMOVED_LAYER_KEYWORDS.get(layer, {}), seen))
                     if arg.keyword.value not in kc.own]  # (what a subclass's own `__init__` takes)
            if kc.args.spread and id(kc.node) not in _guarded(facts):
                yield from self._splatted(kc, layer, seen)
            if not found or id(kc.node) in _guarded(facts):
                continue
            # the kernel by position is Keras 1's only beside a keyword Keras 2 no longer took
            # (`batch_input_shape=` is Keras 2's too: `Conv2D(8, 3, 2, batch_input_shape=s)` strides 2)
            kernel = _positional_kernel(kc.node, layer) \
                if any(arg.keyword.value not in _KERAS2_TOO for arg in found) else None
            for arg in found:
                old = arg.keyword.value
                removed, new = layer_rename(layer, old)
                if not removed:
                    continue
                seen.add(id(arg))
                declared = tables.REMOVED_LAYER_KEYWORDS.get(layer, {}).get(old, tables.REMOVED_LAYER_ARGUMENTS.get(old))
                if new is None and declared is not None:
                    yield self.report(arg.keyword, f"{layer}({old}=...): Keras 3 rejects {old}=; "
                                      + _layer_hint(layer, old) + _kernel_note(kernel), None)
                    continue
                yield self._report(arg, f"{layer}({old}=...)", new, kc.args, layer, kernel=kernel)
        for model in facts.models:
            for call in model.calls:
                # (a call by name: the model's method bound to it first, `fit_fn = self.model.fit`)
                if call.method not in _MODEL_CALLS or not isinstance(call.node.func, (cst.Attribute, cst.Name)):
                    continue
                table = tables.REMOVED_COMPILE_ARGUMENTS if call.method == "compile" \
                    else tables.REMOVED_MODEL_ARGUMENTS
                found = list(_old_keywords(call.node, table, seen))
                if not found or user_method(facts, model, call) or id(call.node) in _guarded(facts):
                    continue
                for arg in found:
                    old = arg.keyword.value
                    if old in tables.GENERATOR_ONLY_ARGUMENTS and call.method.endswith("_generator"):
                        continue  # Keras 2 took it there; RL501's rewrite to fit() drops it
                    new = table[old]
                    if old == "nb_epoch" and call.method not in tables.EPOCHS_METHODS:
                        new = None
                    seen.add(id(arg))
                    yield self._report(arg, f"{call.method}({old}=...)", new, call.args,
                                       sure=model.kind != "opaque")

    def _class_keywords(self, kc, name: str, table: dict, seen: set, facts):
        """`ModelCheckpoint(period=5)`, `Nadam(schedule_decay=...)`: rejected by Keras 3;
        `ReduceLROnPlateau(epsilon=0.01)`: taken and dropped (a safe rename to the keyword it meant)."""
        # (what a subclass's own `__init__` takes, `SaveEvery(path, period=5)`, Keras never sees)
        found = [arg for arg in _old_keywords(kc.node, table, seen) if arg.keyword.value not in kc.own]
        if not found or id(kc.node) in _guarded(facts):
            return
        for arg in found:
            old, new = arg.keyword.value, table[arg.keyword.value]
            seen.add(id(arg))
            default = tables.KERAS3_DEFAULTS.get(new)
            if (name, old) in tables.IGNORED_CALLBACK_KEYWORDS and default is not None and _const(arg.value) == default:
                continue  # `epsilon=1e-4`: dropped, and min_delta's default is that value — nothing changes
            reason = tables.CALLBACK_KEYWORD_REASONS[(name, old)]
            if (name, old) not in tables.IGNORED_CALLBACK_KEYWORDS:
                yield self.report(arg.keyword, f"{name}({old}=...): Keras 3 rejects {old}=; {reason}", None)
                continue
            fix = Fix(safe=True, message=f"rename {old}= to {new}=", edits=(Edit(arg.keyword, cst.Name(new)),)) \
                if not kc.args.star and new not in kc.args.kw else None
            yield self.report(arg.keyword, f"{name}({old}=...): Keras 3 ignores {old}= ({reason})", fix)

    def _splatted(self, kc, layer: str, seen: set):
        """`Conv2D(32, 3, **CONV_KW)` with `CONV_KW = {"border_mode": "same", "init": "he_normal"}`
        written out (here or in a config module): each Keras 1 key is a keyword Keras 3 rejects,
        reported at the key. No fix: the dict may be splatted into other calls too."""
        for old in kc.args.spread:
            if old in kc.own:
                continue
            removed, new = layer_rename(layer, old)
            key = kc.args.spread_key(old)
            if not removed or key is None or id(key) in seen:
                continue
            seen.add(id(key))
            if new is not None:
                renamed = tables.RENAMED_ARGUMENT_HINTS.get(old, "Keras 2 renamed it {new}=").format(new=new)
                yield self.report(key, f"{layer}(**{{{old!r}: ...}}): Keras 3 rejects {old}=; {renamed}", None)
            else:
                hint = tables.REMOVED_ARGUMENT_REASONS.get(old) or _layer_hint(layer, old)
                yield self.report(key, f"{layer}(**{{{old!r}: ...}}): Keras 3 rejects {old}=; {hint}", None)

    def _report(self, arg: cst.Arg, what: str, new: Optional[str], args, layer: Optional[str] = None,
                sure: bool = True, kernel: Optional[tuple] = None):
        """`sure`: the call is certainly Keras' own; on a method of an object of unknown type (a
        parameter, an attribute set elsewhere) a rename is unsafe: it may be a project wrapper whose
        own `fit_generator(..., nb_epoch=)` takes Keras 2's name. `kernel`: the call's Keras 1 kernel
        axes by position (`_positional_kernel`), which a fix writes as one kernel size too: renaming
        only the keyword would turn an error into a convolution that strides without a word."""
        old = arg.keyword.value
        reason = tables.REMOVED_ARGUMENT_REASONS.get(old)
        fix = None
        free = not args.star
        note = _kernel_note(kernel)
        if new is not None:
            if free and new not in args.kw:
                fix = _with_kernel(Fix(safe=sure, message=f"rename {old}= to {new}=",
                                       edits=(Edit(arg.keyword, cst.Name(new)),)), kernel)
            renamed = tables.RENAMED_ARGUMENT_HINTS.get(old, "Keras 2 renamed it {new}=").format(new=new)
            return self.report(arg.keyword, f"{what}: Keras 3 rejects {old}=; {renamed}{note}", fix)
        if old == "dim_ordering":
            if free and "data_format" not in args.kw and layer in tables.KERAS3_LAYERS_TAKING["data_format"]:
                fix = _with_kernel(_dim_ordering_fix(arg), kernel)
        hint = reason or "no Keras 3 keyword takes its place here: remove it or use the Keras 3 argument it meant"
        return self.report(arg.keyword, f"{what}: Keras 3 rejects {old}=; {hint}{note}", fix)


def _layer_hint(layer: str, old: str) -> str:
    usual = tables.REMOVED_LAYER_ARGUMENTS[old]
    if layer not in PUBLIC_NAMES.get("keras.layers", ()):
        return f"Keras 2 renamed it {usual}= (and Keras 3 has no {layer} layer)"
    return f"Keras 2 renamed it {usual}= on most layers, but Keras 3's {layer} takes other arguments: see its signature"


def _positional_kernel(call: cst.Call, layer: str) -> Optional[tuple]:
    """(the arguments, whether they and the filters are all the call passes by position) when a
    convolution of a call with Keras 1 keywords gets its kernel Keras 1's way, one positional argument
    per axis (`Convolution2D(32, 3, 3, border_mode="same")`), else None. A kernel written as a tuple,
    or a `kernel_size=` / `strides=` keyword, is Keras 2's form: its positional third is strides."""
    axes = tables.KERAS1_POSITIONAL_KERNEL.get(layer)
    if axes is None:
        return None
    positional = []
    for arg in call.args:
        if arg.keyword is None:
            if arg.star:
                return None
            positional.append(arg)
        elif arg.keyword.value in ("kernel_size", "strides"):
            return None
    kernel = tuple(positional[1:axes + 1])
    if len(kernel) < axes or any(type(a.value) in (cst.Tuple, cst.List) for a in kernel):
        return None
    return kernel, len(positional) == axes + 1


# Keywords Keras 3 rejects that Keras 2 still took: no sign of Keras 1's positional kernel
_KERAS2_TOO = frozenset({"batch_input_shape"})


def _kernel_note(kernel: Optional[tuple]) -> str:
    if kernel is None:
        return ""
    shown = ", ".join(_code(a.value) for a in kernel[0])
    return (f" (and {shown} by position are Keras 1's kernel size, one number per axis: Keras 3 reads the"
            f" second as strides=, so write kernel_size=({shown}))")


def _code(node: cst.CSTNode) -> str:
    return cst.Module(body=()).code_for_node(node)


def _with_kernel(fix: Optional[Fix], kernel: Optional[tuple]) -> Optional[Fix]:
    """`fix`, also writing the positional kernel axes as one tuple (`32, 3, 3` -> `32, (3, 3)`). With
    more Keras 1 arguments by position after them (`init`, `activation` …), which Keras 3 reads as
    others, no rewrite is certain: the fix is then unsafe and leaves them as they are."""
    if fix is None or kernel is None:
        return fix
    axes, only = kernel
    if not only:
        return Fix(safe=False, message=fix.message + " (check the arguments given by position: Keras 1's)",
                   edits=fix.edits)
    edits = (Edit(axes[0].value, cst.Tuple([cst.Element(a.value) for a in axes])),
             *(Edit(a, cst.RemovalSentinel.REMOVE) for a in axes[1:]))
    shown = ", ".join(_code(a.value) for a in axes)
    return Fix(safe=fix.safe, message=f"{fix.message} and write the kernel as ({shown})",
               edits=fix.edits + edits)


def _old_keywords(call: cst.Call, table: dict, seen: set):
    for arg in call.args:
        if arg.keyword is not None and arg.keyword.value in table and id(arg) not in seen:
            yield arg


def _dim_ordering_fix(arg: cst.Arg) -> Optional[Fix]:
    """dim_ordering="tf" -> data_format="channels_last" (unsafe), for a literal value."""
    value = arg.value
    if not isinstance(value, cst.SimpleString):
        return None
    new_value = tables.DIM_ORDERING_VALUES.get(value.evaluated_value)
    if new_value is None:
        return None
    quote = value.quote
    return Fix(safe=False, message=f"use data_format={quote}{new_value}{quote}",
               edits=(Edit(arg.keyword, cst.Name("data_format")),
                      Edit(value, cst.SimpleString(f"{quote}{new_value}{quote}"))))


# Keras 3 rejects a removed keyword with TypeError (model methods) or ValueError (layers); code that
# catches them, or tests a `__version__`, is written for both versions.
REJECTIONS = frozenset({"TypeError", "ValueError"})


def _guarded(facts) -> set:
    return version_guarded(facts, frozenset(), REJECTIONS)
