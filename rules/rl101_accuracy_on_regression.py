from __future__ import annotations

import re

from regr_lint.lazy import cst

from regr_lint.input.vocabulary import COMPILED
from regr_lint.knowledge import tables
from regr_lint.model.classify import all_regression, crossentropy, is_accuracy_metric, output_losses
from regr_lint.model.columns import one_output
from regr_lint.model.dataflow import targets_from_project_artifact
from regr_lint.model.importers import fitted_by_importers, is_parameter
from regr_lint.model.labels import targets_are_labels
from regr_lint.model.model import layer_activation, only_a_part, trained_by_itself
from regr_lint.model.names import contains
from regr_lint.model.signs import targets_can_be_negative
from regr_lint.model.spans import targets_leave_pm1
from regr_lint.model.superseded import a_part_where_built, predicted_only, replaced_where_used
from regr_lint.model.values import Func, Layer, Lit, Map, Obj, Ref, Seq
from regr_lint.rewrite import remove_children
from regr_lint.rule import Edit, Fix, Rule


def _label(value) -> str:
    if isinstance(value, Lit):
        return repr(value.value)
    if isinstance(value, (Ref, Obj)):
        return value.last + ("()" if isinstance(value, Obj) else "")
    return "accuracy"


class AccuracyOnRegression(Rule):
    code = "RL101"
    name = "accuracy-on-regression"
    summary = "Accuracy metric on a model trained with a regression loss"
    severity = "error"  # a model chosen or stopped on the meaningless number is a wrong model
    tokens = ("keras", ("compile", "KerasRegressor", "KerasClassifier"), "cc")  # "acc", "Accuracy"
    names = (COMPILED, tuple(sorted(tables.ACCURACY_METRIC_STRINGS | tables.ACCURACY_METRIC_NAMES)),
             tables.REGRESSION_VOCABULARY)
    docs = """\
## What it does
Finds an accuracy-family metric (`'accuracy'`, `'acc'`, `'binary_accuracy'`,
`keras.metrics.BinaryAccuracy()`, …) in `compile(metrics=…)` or `weighted_metrics=…` when the loss of
that output is a regression loss (`'mse'`, `'mae'`, `Huber()`, a custom mean-squared/absolute error — a mean or a sum of the errors' squares or absolute
values, `tf.reduce_sum(tf.abs(y_pred - y_true))` …, or an image similarity of prediction and target,
`1 - tf.image.ssim(y_true, y_pred, 1.0)` (also `ssim_multiscale`, `psnr`); not one that also computes a crossentropy, a
hinge, a KL divergence, a Dice or a focal term, `bce + (max(t) - max(p)) ** 2`).
It is reported at the metric; when a builder in another module compiles `metrics=[metric]` with the
metric a script hands it (`create_model(metric="accuracy")`), at that literal in the script; when a
trainer's own defaults pick both (`def train(data, loss="mse", used_metrics="accuracy")`), the script
calling it with them in force (`train((x, y))`) is what completes it: at the metric in the trainer when
that module is linted too, else at the call, naming the metric's place. A spread of settings whose
content is not known (`**SETTINGS[name]` read from a file, `**kwargs`) may override any default: silent. With
several outputs, metrics given per output (a dict by output name, or one list per output beside a list
of losses: `loss=["binary_crossentropy", "mae"], metrics=[["accuracy"], ["accuracy"]]`) are judged
against that output's loss, and against that output's targets: class labels given to one output
(`fit(x, [to_categorical(sex), age])`, or a `Sequence`'s batches by output name, `return x,
{"sex_out": to_categorical(s), "age_out": a}`) spare that output's accuracy, not the others'; so does a
binary accuracy given to one output alone beside an error metric given to another (`{"age": "mae",
"gender": "binary_accuracy"}`: the author says which output holds 0/1 labels). A flat list on several outputs is reported only when every output's loss
is a regression loss (Keras 2 gave every metric to every output, Keras 3 pairs them with the outputs
in order: with mixed losses which output gets the accuracy depends on the version).

A model whose every output is a softmax over several units is a classifier too (trained with the
Brier score: a U-Net's per-pixel classes with `loss="mse"`, the softmax a convolution's `activation=`
or an `Activation("softmax")` layer after it; Keras' `'accuracy'` is the categorical accuracy there),
unless the file shows targets no softmax can output (beyond 1, or negative).

A builder's placeholder compile that every script using the builder replaces with a compile of its
own before training is not judged (Keras trains with the script's).

A model compiled and then only asked for predictions — a saved model loaded (`load_model`,
`model_from_json`, `Model.from_config`), or one built here and given weights by hand (`set_weights`,
`load_weights`; also when it is then not used at all, rebuilt only as the graph the encoders a
function returns are cut from) — with no `fit` and no `evaluate`, here or by the files importing it,
is not reported either: the metrics are never computed.

A model never trained or evaluated by itself but used as a part of another (an SRGAN's frozen VGG
feature extractor compiled out of habit, then applied inside the combined model that is trained) is
not reported: its metrics are never computed.

A classifier trained with squared error is not a regression: when the file shows that the targets
are class labels — one-hot encoded (`to_categorical`, a label encoder, also made dense with `.toarray()`,
also returned by a function or a method of the file's class, `self.convert_y(y)`, or of a base class
in another module; from either arm of an `if` whose test is not known), booleans (a comparison, also one pandas evaluates, `df.eval("score >= 50")`, or a `tf.data` map casts,
`tf.cast(s >= 0.5, tf.float32)`, pandas' `.eq("spam")` / `.isin([...])`, `np.isin(...)`,
`astype(bool)`, `np.logical_*`, also as `int(score >= 1)` per element, in a comprehension or a
lambda it calls), class codes (`pd.factorize(s)[0]`, `codes, kinds = s.factorize()`), literal data all 0 or 1, class names replaced by 0 / 1 (a mask, or
pandas' `.map({"Yes": 1, "No": 0})` / `.replace(..., [0, 1])`, also written back or in place), a coin
flip appended per sample (`np.random.randint(0, 2)`) or Bernoulli bits (`np.random.binomial(1, p, size)`), an array of
zeros (or ones) into which only 0 or 1 is written (`y = np.zeros((n, 1)); y[hit, 0] = 1.0`), a mask
binarised in place on the two sides of one threshold (`y[y > 0.5] = 1` then `y[y <= 0.5] = 0`), blocks
of zeros and ones joined (`np.concatenate((np.zeros(n), np.ones(m)))`), targets a stratified split is
made by (`StratifiedKFold().split(x, y)`, `train_test_split(..., stratify=y)`; also `data.y` of a data class
whose method splits stratified by its `self.y`), the labels
of `make_classification` / `load_iris` / `mnist.load_data()`, an attribute of a class that every
method writing it sets to such labels (a GAN trainer's `self.valid = np.ones(patch)`, fitted in
another method) or that one method hands another as the arguments it trains on
(`self.critic_step(real, fake, valid, fake_y)`), a list every append gives 0 or 1 (`labels.append(1)` / `labels.append(0)`) and
columns of it (`[[lab] for lab in labels]`), and such labels as the targets every batch gives
(each `yield` of a generator function; each `return` of a `Sequence`'s `__getitem__` or an
iterator's `__next__`, `return [a, b], np.ones(batch)`), and the class of each image an image
folder is read with (`flow_from_directory(root)` / `flow_from_dataframe(...)` in the categorical,
binary or sparse class mode — the default; not `"raw"`, also when a keyword dict spread into the
call says so, `kw = dict(class_mode="raw", ...)` then `flow_from_dataframe(df, **kw)`, and not when
such a dict is not known —, `image_dataset_from_directory(root)`, also
returned by a function of the project, alone or with others, `train_gen, val_gen = flows(root)`; also one batch of it, `images, labels = next(batches)`,
`batches[0][1]`) — Keras' accuracy compares classes and
means something, and the rule is silent. So is a model built for (or given to) scikit-learn's classifier
wrapper (`KerasClassifier(build_fn=make_net)` of Keras 2 or scikeras, Keras 3's `SKLearnClassifier`):
a classifier by the file's own declaration — unless every output of the model is linear (a
regression network wrapped as a classifier by mistake: its accuracy compares raw values). So is a
model whose every output is made in the arm of an `if` naming the classification task (`if
cfg["task"] == "binary":`, `elif mode in ("classification", "multilabel"):`, `if self.is_classifier:`,
the `else:` of `if task == "regression":`): a builder serving both tasks, the metrics its caller passes
reaching both arms. The targets are followed through the helpers of the file or
of the project's modules that return them (`x, y = make_task(20)`; also inside a record read back by
field, `split.y` of `return Split(x, y)`, a namedtuple or a dataclass; and to where another module binds
them at its top level, imported by name or read as its attribute, `data.LABELS`), as RL102 reads them. Nor is a
model whose every output ends in a sigmoid reported when its targets are read from a pickle or a
numpy file another script of the project writes (as RL102 reads them: the project's pipeline
prepared them, 0/1 labels as often as not, and what they are is not known here).

A sweep over a few losses written as strings (`for loss in ["mse", "mae"]:`, also a dict's `.items()` /
`.values()`, compiling a model the
loop body builds) is read once per loss: reported when every pass compiles the accuracy on a
regression loss. One model compiled in turn with a regression and a crossentropy loss is not (also
when a base class of another module re-compiles the model its subclass builds).

## Why is this bad?
Accuracy counts exact matches between predictions and targets. On continuous targets nothing ever
matches, so Keras 3 silently compiles a `BinaryAccuracy` / `CategoricalAccuracy` that reports a
meaningless number (often 0.000, or a value that drifts up by chance) while the loss falls.
People then tune their model against that number.

Severity: error, although training itself is unharmed: the number is never meaningful on
continuous targets, and a model stopped or checkpointed on it (`monitor="val_accuracy"`) is a wrong model.

## Example
```python
model.compile(loss="mse", optimizer="adam", metrics=["accuracy"])
```

## Use instead
For a regression, track a regression metric:
```python
model.compile(loss="mse", optimizer="adam", metrics=["mae", keras.metrics.RootMeanSquaredError()])
```
If the task is really a classification, change the loss instead (`"binary_crossentropy"`, …).

## Fix safety
`--fix` removes the accuracy metric from the list (`["mae", "accuracy"]` becomes `["mae"]`, commas,
line breaks and the other elements' comments kept); when the list becomes empty, the `metrics=` /
`weighted_metrics=` argument is dropped from `compile()`. The fix is **safe** when the list is
written in the `compile()` call itself and the loss is too (or is a function of the file), so the
edit can only change that call. It is **unsafe** (applied with `--unsafe-fixes`) when the list is a
named constant or built in another statement, which other `compile()` calls may share (such a list
is emptied, never deleted), or when the loss comes from elsewhere (a parameter of a builder function
may be a classification loss at another call site), or when the file reads an accuracy key back
(`h.history["accuracy"]`, `.get("val_acc")`, a callback's `monitor="val_accuracy"`: without the metric
that read fails, or the callback never fires). A list that comes from a starred expansion of another
list gets no fix.
"""
    VALID = [
        # a binary accuracy given to one output alone, an error metric to the other: the author says
        # which output holds 0/1 labels (regressed with an L1 loss, as SSR-Net does)
        """
import numpy as np
import keras
from keras import layers

inp = keras.Input((64, 64, 3))
h = layers.GlobalAveragePooling2D()(layers.Conv2D(16, 3, activation="relu")(inp))
age = layers.Dense(1, name="age")(h)
gender = layers.Dense(1, name="gender")(h)
model = keras.Model(inp, {"age": age, "gender": gender})
model.compile(optimizer="adam", loss={"age": "mae", "gender": "mae"},
              metrics={"age": "mae", "gender": "binary_accuracy"})
model.fit(np.load("faces.npy"), {"age": np.load("age.npy"), "gender": np.load("gender.npy")}, epochs=2)
""",
        # a segmentation loss mixing crossentropy with an SSIM term: masks are classes
        """
import tensorflow as tf
from tensorflow import keras

def seg_loss(y_true, y_pred):
    bce = keras.losses.binary_crossentropy(y_true, y_pred)
    return tf.reduce_mean(bce) + tf.reduce_mean(1 - tf.image.ssim(y_true, y_pred, max_val=1.0))

inp = keras.Input((64, 64, 3))
out = keras.layers.Conv2D(1, 1, activation="sigmoid")(keras.layers.Conv2D(16, 3, padding="same", activation="relu")(inp))
net = keras.Model(inp, out)
net.compile(optimizer="adam", loss=seg_loss, metrics=["accuracy"])
""",
        # the trained scorer rebuilt and given its weights only to cut the user tower from: its
        # compile is never used
        """
import keras
from keras import layers

def user_encoder(weights_path):
    uid = keras.Input((1,))
    user_vec = layers.Dense(8)(layers.Flatten()(layers.Embedding(100, 16)(uid)))
    feats = keras.Input((20,))
    score = layers.Dot(axes=1)([user_vec, layers.Dense(8)(feats)])
    scorer = keras.Model([uid, feats], score)
    scorer.load_weights(weights_path)
    scorer.compile(optimizer="sgd", loss="mse", metrics=["accuracy"])
    return keras.Model(uid, user_vec)
""",
        # the look-alike: an image folder's labels through the dataset passes of the TensorFlow
        # tutorials (`cache().shuffle().prefetch()` bound to the same name): a classifier trained
        # with squared error, whose accuracy is a real one
        """
import keras
from keras import layers

train_ds = keras.utils.image_dataset_from_directory("xray/train", label_mode="binary", image_size=(64, 64))
train_ds = train_ds.cache().shuffle(1000).prefetch(2)
model = keras.Sequential([keras.Input(shape=(64, 64, 3)), layers.Rescaling(1.0 / 255), layers.Flatten(),
                          layers.Dense(1, activation="sigmoid")])
model.compile(optimizer="adam", loss="mse", metrics=["accuracy"])
model.fit(train_ds, epochs=3)
""",
        # a crossentropy plus a squared penalty on the peaks: no plain regression loss
        """\
import tensorflow as tf
from tensorflow import keras


def bce_with_peak_term(y_true, y_pred):
    bce = keras.losses.BinaryCrossentropy()(y_true, y_pred)
    return bce + (tf.reduce_max(y_true) - tf.reduce_max(y_pred)) ** 2


inp = keras.Input((64, 64, 1))
net = keras.Model(inp, keras.layers.Conv2D(1, 3, padding="same", activation="sigmoid")(inp))
net.compile(optimizer="adam", loss=bce_with_peak_term, metrics=["accuracy"])
""",
        # ... and every output a classifier's crossentropy
        """\
from keras import layers, models

inp = layers.Input((32, 32, 3))
feat = layers.GlobalAveragePooling2D()(layers.Conv2D(16, 3, activation="relu")(inp))
net = models.Model(inp, [layers.Dense(4, activation="softmax", name="kind_s1")(feat),
                         layers.Dense(3, activation="softmax", name="color_s1")(feat)])
names = ["{}_s{}".format(k, s + 1) for s in range(1) for k in ("kind", "color")]
net.compile(optimizer="sgd", loss=dict.fromkeys(names, "categorical_crossentropy"), metrics=["accuracy"])
""",
        # class labels a helper codes as 0 / 1, applied to each quality score
        """\
import pandas as pd
from tensorflow.keras.layers import Dense
from tensorflow.keras.models import Sequential


def good_or_bad(quality):
    if quality <= 5:
        return 0
    return 1


wine = pd.read_csv("wine.csv")
wine["target"] = wine["quality"].apply(good_or_bad)
model = Sequential([Dense(10, activation="relu", input_shape=(11,)), Dense(1, activation="sigmoid")])
model.compile(optimizer="adam", loss="mse", metrics=["accuracy"])
model.fit(wine.drop(columns=["quality", "target"]).values, wine["target"].values, epochs=50)
""",
        # one batch of an image folder read in the binary class mode: its labels are classes
        """
from tensorflow.keras.layers import Dense, Flatten
from tensorflow.keras.models import Sequential
from tensorflow.keras.preprocessing.image import ImageDataGenerator
batches = ImageDataGenerator(rescale=1.0 / 255).flow_from_directory("pets", target_size=(64, 64),
                                                                     batch_size=4000, class_mode="binary")
images, labels = next(batches)
net = Sequential([Flatten(input_shape=(64, 64, 3)), Dense(64, activation="relu"), Dense(1)])
net.compile(loss="mse", optimizer="adam", metrics=["acc"])
net.fit(images, labels, epochs=5)
""",
        # a model built here, compiled, given weights by hand and only asked for predictions
        """
import numpy as np
from tensorflow import keras
xs = np.linspace(-5, 5, 200).reshape(-1, 1)
for act in ["relu", "tanh", "linear"]:
    net = keras.Sequential([keras.Input((1,)), keras.layers.Dense(1, activation=act)])
    net.compile(loss="mse", optimizer="adam", metrics=["accuracy"])
    net.layers[0].set_weights([np.ones((1, 1)), np.zeros(1)])
    print(act, net.predict(xs)[:3])
""",
        # a saved model loaded, compiled and only asked for predictions: its metrics never run
        """
import pandas as pd
from tensorflow.keras.models import model_from_json
def predict_demand(arch_json, weights_h5, rows):
    with open(arch_json) as fh:
        net = model_from_json(fh.read())
    net.load_weights(weights_h5)
    net.compile(loss="mean_squared_error", optimizer="rmsprop", metrics=["accuracy"])
    return pd.DataFrame(net.predict(rows), columns=["Predicted"], index=rows.index)
""",
        # a loss indexing its arguments, a crossentropy: not an error term
        """\
import numpy as np
from keras import backend as K
from keras.layers import Dense
from keras.models import Sequential
def first_head_loss(y_true, y_pred):
    return K.mean(K.categorical_crossentropy(y_true[:, 0], y_pred[:, 0]))
net = Sequential([Dense(32, activation="relu", input_shape=(12,)), Dense(3, activation="softmax")])
net.compile(loss=first_head_loss, optimizer="adam", metrics=["accuracy"])
net.fit(np.random.rand(64, 12), np.eye(3)[np.random.randint(0, 3, 64)], epochs=3)
""",
        # labels made by pandas / numpy comparisons: 0/1 classes trained with mse
        """\
import numpy as np
import pandas as pd
import tensorflow as tf
df = pd.read_csv("sms.csv")
y = df["label"].eq("spam").astype("float32").values
m = tf.keras.Sequential([tf.keras.Input((30,)), tf.keras.layers.Dense(1, activation="sigmoid")])
m.compile(optimizer="adam", loss="mse", metrics=["accuracy"])
m.fit(np.load("x.npy"), y, epochs=2)
y2 = np.isin(df["genre"].to_numpy(), ["rock", "metal"]).astype(float)
m2 = tf.keras.Sequential([tf.keras.Input((30,)), tf.keras.layers.Dense(1, activation="sigmoid")])
m2.compile(optimizer="adam", loss="mse", metrics=["accuracy"])
m2.fit(np.load("x.npy"), y2, epochs=2)
""",
        # 0/1 labels appended through a conditional expression: a classifier trained with mse
        """\
import os
import numpy as np
from tensorflow import keras
feats, labels = [], []
for fname in sorted(os.listdir("features")):
    feats.append(np.load(os.path.join("features", fname)))
    labels.append(0 if "cat" in fname else 1)
X = np.stack(feats)
y = np.array(labels, dtype="float32")
m = keras.Sequential([keras.Input((X.shape[1],)), keras.layers.Dense(1, activation="sigmoid")])
m.compile(optimizer="adam", loss="mse", metrics=["accuracy"])
m.fit(X, y, epochs=2)
""",
        # a classification loss looked up by name
        """\
import numpy as np
from tensorflow import keras
m = keras.Sequential([keras.Input((8,)), keras.layers.Dense(1, activation="sigmoid")])
m.compile(optimizer="adam", loss=keras.losses.get("binary_crossentropy"), metrics=["accuracy"])
m.fit(np.random.rand(20, 8), np.random.rand(20) * 40, epochs=2)
""",
        # an array of zeros a helper fills with the label its calls give, 1 or 0
        """\
import numpy as np
from keras.layers import Dense
from keras.models import Sequential
def make_arm(n, phase, label):
    pts, tags = np.zeros((n, 2)), np.zeros(n)
    for k in range(n):
        pts[k] = [np.sin(k + phase), np.cos(k + phase)]
        tags[k] = label
    return pts, tags
a_x, a_y = make_arm(100, 0.0, 1)
b_x, b_y = make_arm(100, np.pi, 0)
x, y = np.vstack((a_x, b_x)), np.hstack((a_y, b_y))
net = Sequential([Dense(8, activation="relu", input_dim=2), Dense(1, activation="sigmoid")])
net.compile(loss="mean_squared_error", optimizer="sgd", metrics=["accuracy"])
net.fit(x, y, epochs=10)
""",
        """\
import numpy as np
import keras
# compiled as a regressor, then again as a classifier before it trains: which compile the
# accuracy is trained under is not known from the compiles alone
inp = keras.Input(shape=(8,))
model = keras.Model(inp, keras.layers.Dense(1, activation="sigmoid")(inp))
model.compile(loss="mean_squared_error", optimizer="adam", metrics=["binary_accuracy"])
model.compile(loss="binary_crossentropy", optimizer="adam", metrics=["binary_accuracy"])
model.fit(np.random.rand(90, 8), np.random.rand(90))
""",
        """\
from tensorflow.keras import Model
from tensorflow.keras.layers import Activation, Conv2D, Input
# a segmenter's per-pixel classes: the softmax a layer of its own after the last convolution
def segnet(shape, n_classes):
    inp = Input(shape=shape)
    h = Conv2D(16, (3, 3), padding="same", activation="relu")(inp)
    h = Conv2D(n_classes, (1, 1))(h)
    net = Model(inp, Activation("softmax")(h))
    net.compile(loss="mse", optimizer="adam", metrics=["accuracy"])
    return net
net = segnet((64, 64, 3), 4)
""",
        # a builder wrapped in scikit-learn's classifier interface: a classifier by declaration
        """
import numpy as np
from scikeras.wrappers import KerasClassifier
from sklearn.model_selection import cross_val_score
from tensorflow.keras.layers import Dense
from tensorflow.keras.models import Sequential


def make_net():
    net = Sequential([Dense(24, input_dim=8, activation="relu"), Dense(1, activation="sigmoid")])
    net.compile(loss="mse", optimizer="adam", metrics=["accuracy"])
    return net


x, grades = np.random.rand(100, 8), np.random.rand(100) * 10
print(cross_val_score(KerasClassifier(build_fn=make_net, epochs=10), x, grades, cv=4).mean())
""",
        # the same declaration through Keras 2's own wrapper, spelled through tf.keras
        """
import numpy as np
from sklearn.model_selection import RandomizedSearchCV
from tensorflow.keras.layers import Dense
from tensorflow.keras.models import Sequential
from tensorflow.keras.wrappers.scikit_learn import KerasClassifier  # noqa: RL503


def make_net(width=24):
    net = Sequential([Dense(width, input_dim=8, activation="relu"), Dense(1, activation="sigmoid")])
    net.compile(loss="mse", optimizer="adam", metrics=["accuracy"])
    return net


x, grades = np.random.rand(100, 8), np.random.rand(100) * 10
RandomizedSearchCV(KerasClassifier(build_fn=make_net), {"width": [16, 32]}, n_iter=2).fit(x, grades)
""",
        # and through Keras 3's wrapper
        """
import keras
import numpy as np


def make_net(x, y):
    net = keras.Sequential([keras.Input((8,)), keras.layers.Dense(24, activation="relu"),
                            keras.layers.Dense(1, activation="sigmoid")])
    net.compile(loss="mse", optimizer="adam", metrics=["accuracy"])
    return net


x, grades = np.random.rand(100, 8), np.random.rand(100) * 10
keras.wrappers.SKLearnClassifier(model=make_net).fit(x, grades)
""",
        # a least-squares GAN's critic: the 0 / 1 labels are made by the training loop of one method
        # and handed to the step method that trains on them (nothing in the file calls the loop)
        """
import numpy as np
from keras import layers, models


class LSGAN:
    def __init__(self, n=8):
        self.n = n
        inp = layers.Input((n,))
        self.critic = models.Model(inp, layers.Dense(1)(layers.Dense(16, activation="relu")(inp)))
        self.critic.compile(loss="mse", optimizer="adam", metrics=["accuracy"])

    def critic_step(self, real, fake, real_y, fake_y):
        a = self.critic.train_on_batch(real, real_y)
        b = self.critic.train_on_batch(fake, fake_y)
        return 0.5 * np.add(a, b)

    def train(self, data, steps=5, batch=16):
        real_y = np.ones((batch, 1))
        fake_y = np.zeros((batch, 1))
        for _ in range(steps):
            real = data[np.random.randint(0, len(data), batch)]
            self.critic_step(real, np.random.normal(size=(batch, self.n)), real_y, fake_y)
""",
        # one-hot labels made by an encoder the class holds on the instance
        """
import numpy as np
from sklearn.preprocessing import OneHotEncoder
from tensorflow import keras
class Classifier:
    def encode(self, y):
        self.encoder = OneHotEncoder(sparse_output=False)
        return self.encoder.fit_transform(y.reshape(-1, 1))
    def fit(self, x, y):
        inp = keras.Input((8,))
        self.model = keras.Model(inp, keras.layers.Dense(3, activation="sigmoid")(inp))
        self.model.compile(loss="mse", optimizer="adam", metrics=["accuracy"])
        self.model.fit(x, self.encode(y), epochs=2)
Classifier().fit(np.random.rand(90, 8), np.random.randint(0, 3, 90))
""",
        # a triplet ranker fitted on an iterator of 1-labels, made by a factory method
        """
import keras
import numpy as np
class TripletBatches:
    def __init__(self, x, batch_size=32):
        self.x, self.batch_size = x, batch_size
    def __iter__(self):
        return self
    def __next__(self):
        idx = np.random.randint(0, len(self.x), (3, self.batch_size))
        return [self.x[idx[0]], self.x[idx[1]], self.x[idx[2]]], np.ones(self.batch_size)
class TripletMaker:
    def flow(self, x, batch_size=32):
        return TripletBatches(x, batch_size)
a, p, n = keras.Input((16,)), keras.Input((16,)), keras.Input((16,))
embed = keras.layers.Dense(8)
score = keras.layers.Subtract()([keras.layers.Dot(1)([embed(a), embed(n)]), keras.layers.Dot(1)([embed(a), embed(p)])])
model = keras.Model([a, p, n], keras.layers.Activation("sigmoid")(score))
model.compile(loss="mse", optimizer="sgd", metrics=["accuracy"])
model.fit(TripletMaker().flow(np.random.rand(500, 16)), steps_per_epoch=10, epochs=2)
""",
        # a sweep over a regression and a classification loss: the targets suit one of them, which
        # the sweep does not say
        """
import numpy as np
from tensorflow import keras
x, y = np.load("x.npy"), np.load("y.npy")
for loss in ["mse", "binary_crossentropy"]:
    model = keras.Sequential([keras.layers.Dense(16, activation="relu"), keras.layers.Dense(1, activation="sigmoid")])
    model.compile(optimizer="adam", loss=loss, metrics=["accuracy"])
    model.fit(x, y, epochs=3)
""",
        # one-hot targets a sparse encoder made dense, and labels a method of the class returns
        """
import numpy as np
from sklearn.preprocessing import OneHotEncoder
from tensorflow import keras
class Net:
    def encode(self, labels):
        return keras.utils.to_categorical(labels, 3)
    def train(self, x, labels):
        self.model = keras.Sequential([keras.layers.Dense(3, activation="sigmoid")])
        self.model.compile(loss="mse", optimizer="adam", metrics=["accuracy"])
        self.model.fit(x, self.encode(labels), epochs=2)
x, labels = np.random.rand(64, 8), np.random.randint(0, 3, size=64)
Net().train(x, labels)
dense = OneHotEncoder().fit_transform(labels.reshape(-1, 1)).toarray()
model = keras.Sequential([keras.layers.Dense(3, activation="sigmoid")])
model.compile(loss="mse", optimizer="adam", metrics=["accuracy"])
model.fit(x, dense, epochs=2)
""",
        # a sweep over classification losses: accuracy means something in every pass
        """
import numpy as np
from tensorflow import keras
x, y = np.load("x.npy"), np.load("labels.npy")
for loss in ["binary_crossentropy", "hinge"]:
    model = keras.Sequential([keras.layers.Dense(32, activation="relu"), keras.layers.Dense(1, activation="sigmoid")])
    model.compile(optimizer="adam", loss=loss, metrics=["accuracy"])
    model.fit(x, y, epochs=3)
""",
        # one model compiled in turn with a regression and a classification loss: which pass the
        # accuracy belongs to is not known from the compile alone
        """
import numpy as np
from tensorflow import keras
x, y = np.load("x.npy"), np.load("y.npy")
model = keras.Sequential([keras.layers.Dense(32, activation="relu"), keras.layers.Dense(1)])
for loss in ["mse", "binary_crossentropy"]:
    model.compile(optimizer="adam", loss=loss, metrics=["accuracy"])
    model.fit(x, y, epochs=3)
""",
        # the same builder called without metrics: its default, "mae", is compiled
        """
import numpy as np
from tensorflow import keras
def build(n, metrics=None):
    metrics = metrics or ["mae"]
    model = keras.Sequential([keras.layers.Input((n,)), keras.layers.Dense(32, activation="relu"), keras.layers.Dense(1)])
    model.compile(optimizer="adam", loss="mse", metrics=metrics)
    return model
x, y = np.load("x.npy"), np.load("prices.npy")
build(x.shape[1]).fit(x, y, epochs=3)
""",
        # a Sequence whose every batch returns 0/1 labels: a classifier trained with squared error
        """
import numpy as np
import keras
from keras import layers, models
class PairSeq(keras.utils.Sequence):
    def __init__(self, x, batch_size):
        super().__init__()
        self.x, self.batch_size = x, batch_size
    def __len__(self):
        return 50
    def __getitem__(self, idx):
        i = np.random.randint(0, len(self.x), self.batch_size)
        same = np.random.randint(0, 2, self.batch_size)
        return self.x[i], same
model = models.Sequential([layers.Dense(8, activation="relu"), layers.Dense(1, activation="sigmoid")])
model.compile(optimizer="sgd", loss="mse", metrics=["accuracy"])
model.fit(PairSeq(np.random.rand(1000, 16), 32), epochs=3)
""",
        # keras-tuner's `search` takes `fit`'s arguments: the labels a stratified split is made by
        """
import numpy as np
from kerastuner.tuners import Hyperband
from sklearn.model_selection import StratifiedKFold
from tensorflow import keras
x, y = np.load("x.npy"), np.load("y.npy")
def build(hp):
    model = keras.Sequential([keras.layers.Dense(32, activation="relu"), keras.layers.Dense(1, activation="sigmoid")])
    model.compile(optimizer="adam", loss="mse", metrics=["accuracy"])
    return model
for tr, va in StratifiedKFold(5).split(x, y):
    tuner = Hyperband(build, objective="val_accuracy", max_epochs=10)
    tuner.search(x[tr], y[tr], validation_data=(x[va], y[va]))
""",
        # a helper whose parameter shares the labels' name binds no module-level name
        """
import numpy as np
import keras
n = 400
points = np.random.rand(2 * n, 2)
labels = np.concatenate((np.zeros((n, 1), dtype="float32"), np.ones((n, 1), dtype="float32")))
def sq_err(labels, preds):
    return np.mean(np.square(labels - preds))
print("baseline:", sq_err(np.full_like(labels, 0.5), labels))
clf = keras.Sequential([keras.Input((2,)), keras.layers.Dense(1)])
clf.compile(optimizer="rmsprop", loss="mean_squared_error", metrics=["binary_accuracy"])
clf.fit(points, labels, epochs=2, batch_size=64)
""",
        # a Loss subclass combining a squared error on one output with a crossentropy on another
        """
import keras
from keras import ops
class Combined(keras.losses.Loss):
    def call(self, y_true, y_pred):
        fit = keras.losses.mean_squared_error(y_true["rule"], y_pred["rule"])
        agree = keras.losses.binary_crossentropy(ops.ones_like(y_pred["score"]), y_pred["score"])
        return fit + agree
inp = keras.Input((8,))
model = keras.Model(inp, {"rule": keras.layers.Dense(1)(inp),
                          "score": keras.layers.Dense(1, activation="sigmoid")(inp)})
model.compile(optimizer="adam", loss=Combined(), metrics=[keras.metrics.BinaryAccuracy(name="agree_acc")])
""",
        # a Loss subclass computing a crossentropy
        """
import tensorflow as tf
class Weighted(tf.keras.losses.Loss):
    def __init__(self, w=2.0, **kw):
        super().__init__(**kw)
        self.w = w
    def call(self, y_true, y_pred):
        return self.w * tf.keras.losses.binary_crossentropy(y_true, y_pred)
m = tf.keras.Sequential([tf.keras.layers.Dense(32, activation="relu"), tf.keras.layers.Dense(1, activation="sigmoid")])
m.compile(optimizer="adam", loss=Weighted(), metrics=["accuracy"])
m.fit(x, prices, epochs=10)
""",
        # the mapped Yes / No column popped off the frame
        """
import pandas as pd
from keras.models import Sequential
from keras.layers import Dense
df = pd.read_csv("telco.csv")
df["Churn"] = df["Churn"].map({"Yes": 1, "No": 0})
y = df.pop("Churn").values
m = Sequential([Dense(16, activation="relu", input_dim=df.shape[1]), Dense(1, activation="sigmoid")])
m.compile(optimizer="adam", loss="mean_squared_error", metrics=["accuracy"])
m.fit(df.values, y, epochs=30)
""",
        # a generator function yielding binary masks as its targets
        """
import numpy as np
from tensorflow import keras
def batches(images, masks, batch_size=8):
    while True:
        idx = np.random.randint(0, len(images), batch_size)
        yield images[idx] / 255.0, (masks[idx] > 127).astype("float32")
inp = keras.Input((96, 96, 1))
net = keras.Model(inp, keras.layers.Conv2D(1, 1, activation="sigmoid")(inp))
net.compile(optimizer="adam", loss="mse", metrics=["accuracy"])
net.fit(batches(np.load("imgs.npy"), np.load("masks.npy")), steps_per_epoch=50, epochs=2)
""",
        # 0 / 1 labels shuffled with their features through zip(*pairs)
        """
import random
import numpy as np
from keras.layers import Dense, Input
from keras.models import Model
s = Input(shape=(8,))
model = Model(inputs=s, outputs=Dense(1, activation="sigmoid")(Dense(32, activation="relu")(s)))
model.compile("adam", loss="mse", metrics=["accuracy"])
feats = np.random.rand(400, 8)
targets = []
for kind in np.random.choice(["ok", "bad"], size=400):
    if kind == "ok":
        targets.append(0.)
    else:
        targets.append(1.)
pairs = list(zip(feats, targets))
random.shuffle(pairs)
feats, targets = zip(*pairs)
model.fit(np.array(feats), np.array(targets), epochs=1)
""",
        # 0 / 1 appended per file name, then a column of them: a classifier trained with squared error
        """
import os
import numpy as np
from keras.models import Sequential
from keras.layers import Dense, Flatten
labels = []
for name in os.listdir("images"):
    if "dog" in name:
        labels.append(1)
    else:
        labels.append(0)
x = np.random.rand(len(labels), 32, 32, 3)
y = np.array([[lab] for lab in labels])
net = Sequential([Flatten(input_shape=(32, 32, 3)), Dense(1, activation="sigmoid")])
net.compile("sgd", loss="mse", metrics=["accuracy"])
net.fit(x, y, epochs=2)
""",
        # the default compile settings of `**kwargs` are never used: the one call passes its own
        """
import numpy as np
import keras
def train(x, y, **kwargs):
    c = kwargs.pop("compile", {"loss": "mse", "optimizer": "adam", "metrics": ["mae", "acc"]})
    model = keras.Sequential([keras.Input((4,)), keras.layers.Dense(1)])
    model.compile(**c)
    return model.fit(x, y, epochs=1)
train(np.random.rand(10, 4), np.random.rand(10) * 100.0, compile={"loss": "mse", "optimizer": "adam", "metrics": ["mae"]})
""",
        # a GAN trainer's discriminator, passed in, trained on 0/1 arrays another method sets
        """
import numpy as np
import tensorflow as tf
class CycleGAN:
    def __init__(self, d_A, g_AB):
        self.d_A, self.g_AB = d_A, g_AB
    def compile(self, optimizer="adam", d_loss="mse"):
        self.d_A.compile(loss=d_loss, optimizer=optimizer, metrics=["accuracy"])
    def _init(self, patch):
        self.valid = np.ones(patch)
        self.fake = np.zeros(patch)
    def _step(self, a, b):
        self.d_A.train_on_batch(a, self.valid)
        self.d_A.train_on_batch(self.g_AB.predict(b), self.fake)
d_A = tf.keras.Sequential([tf.keras.Input((8, 8, 1)), tf.keras.layers.Conv2D(1, 3, padding="same")])
g_AB = tf.keras.Sequential([tf.keras.Input((8, 8, 1)), tf.keras.layers.Conv2D(1, 3, padding="same")])
gan = CycleGAN(d_A, g_AB)
gan.compile(d_loss="mse")
""",
        # the look-alike: the constant picks the classifier
        """
import numpy as np
import keras
from keras import layers
CLASSIFY = True
inp = keras.Input(shape=(16,))
h = layers.Dense(32, activation="relu")(inp)
if CLASSIFY:
    out = layers.Dense(1, activation="sigmoid")(h)
    loss = "binary_crossentropy"
else:
    out = layers.Dense(1)(h)
    loss = "mse"
model = keras.Model(inp, out)
model.compile(loss=loss, optimizer="adam", metrics=["accuracy"])
model.fit(np.load("x.npy"), np.load("y.npy"), epochs=3)
""",
        # the look-alike: getattr of a crossentropy setting
        """
import numpy as np
import tensorflow as tf
class Hparams:
    loss = "binary_crossentropy"
    metrics = ["accuracy"]
hp = Hparams()
m = tf.keras.Sequential([tf.keras.layers.Dense(32, activation="relu", input_shape=(8,)), tf.keras.layers.Dense(1, activation="sigmoid")])
m.compile(optimizer="adam", loss=getattr(hp, "loss"), metrics=getattr(hp, "metrics"))
m.fit(np.load("x.npy"), np.load("y.npy"), epochs=10)
""",
        # dict.fromkeys of a crossentropy loss, or of keys the file does not show
        """
import numpy as np
from keras import layers, models
inp = layers.Input((8,))
net = models.Model(inp, [layers.Dense(1, activation="sigmoid", name="a")(inp),
                         layers.Dense(1, activation="sigmoid", name="b")(inp)])
net.compile(loss=dict.fromkeys(["a", "b"], "binary_crossentropy"), optimizer="adam", metrics=["accuracy"])
other = models.Model(inp, layers.Dense(3, activation="softmax")(inp))
other.compile(loss=dict.fromkeys(net.output_names, "categorical_crossentropy"), optimizer="adam", metrics=["accuracy"])
""",
        # the look-alike: the dataclass is built with a crossentropy loss for a sigmoid classifier
        """
from dataclasses import dataclass
import numpy as np
import keras
@dataclass
class Experiment:
    loss: str = "mse"
    metrics: tuple = ("accuracy",)
exp = Experiment(loss="binary_crossentropy")
m = keras.Sequential([keras.Input((8,)), keras.layers.Dense(1, activation="sigmoid")])
m.compile(optimizer="adam", loss=exp.loss, metrics=list(exp.metrics))
m.fit(np.load("x.npy"), np.load("labels.npy"))
""",
        # a subclassed segmentation model built twice with other class counts: a softmax head either way
        """
import numpy as np
import tensorflow.keras as keras
class Unet(keras.Model):
    def __init__(self, K, filters=64):
        super().__init__()
        self.conv = keras.layers.Conv2D(filters, 3, activation="relu", padding="same")
        self.maps = keras.layers.Conv2D(K, 1, activation="softmax")
    def call(self, inputs):
        return self.maps(self.conv(inputs))
small = Unet(K=2)
model = Unet(K=3)
model.compile(optimizer="adam", loss="mse", metrics=["accuracy"])
""",
        # a label column recoded to 0 / 1 in place, or written back mapped, then taken as the targets
        """
import pandas as pd
from keras.models import Sequential
from keras.layers import Dense
df = pd.read_csv("breast-cancer-wisconsin.csv")
X = df.drop(columns=["class"]).values
df["class"].replace((4, 2), (1, 0), inplace=True)
y = df["class"]
df["smoker"] = df["smoker"].map({"yes": 1, "no": 0})
model = Sequential([Dense(8, input_dim=9, activation="relu"), Dense(1, activation="sigmoid")])
model.compile(loss="mean_squared_error", optimizer="adam", metrics=["accuracy"])
model.fit(X, y, epochs=10)
model.fit(X, df["smoker"].values, epochs=10)
""",
        # class names coded as 0 / 1 by pandas: accuracy means something on those targets
        """
import pandas as pd
from keras.models import Sequential
from keras.layers import Dense
df = pd.read_csv("titanic.csv")
y = df["Sex"].map({"male": 0, "female": 1}).values
model = Sequential([Dense(16, activation="relu", input_dim=6), Dense(1, activation="sigmoid")])
model.compile(optimizer="adam", loss="mse", metrics=["accuracy"])
model.fit(df[["Age", "Fare"]].values, y, epochs=10)
""",
        # targets a stratified split is made by: scikit-learn takes only class labels there
        """
import numpy as np
from sklearn.model_selection import StratifiedKFold
from tensorflow import keras
table = np.loadtxt("monks.csv", delimiter=",")
x, y = table[:, 1:], table[:, :1]
for fit_rows, val_rows in StratifiedKFold(n_splits=4).split(x, y):
    model = keras.Sequential([keras.Input((6,)), keras.layers.Dense(4, activation="tanh"),
                              keras.layers.Dense(1, activation="sigmoid")])
    model.compile(optimizer="sgd", loss="mse", metrics=[keras.metrics.BinaryAccuracy()])
    model.fit(x[fit_rows], y[fit_rows], validation_data=(x[val_rows], y[val_rows]))
""",
        # labels joined from blocks of zeros and ones: a classifier trained with squared error
        """
import numpy as np
from tensorflow import keras
neg, pos = np.random.normal(0, 1, (500, 2)), np.random.normal(3, 1, (500, 2))
x = np.vstack((neg, pos))
y = np.concatenate((np.zeros(500), np.ones(500)))
model = keras.Sequential([keras.Input((2,)), keras.layers.Dense(1, activation="sigmoid")])
model.compile(optimizer="rmsprop", loss="mse", metrics=["accuracy"])
model.fit(x, y, epochs=5)
""",
        # the look-alike: the accuracy is the classification output's, the age output tracks mae
        """
from tensorflow import keras
inputs = keras.Input((64,))
hidden = keras.layers.Dense(32, activation="relu")(inputs)
sex = keras.layers.Dense(1, activation="sigmoid", name="sex")(hidden)
age = keras.layers.Dense(1, name="age")(hidden)
model = keras.Model(inputs, [sex, age])
model.compile(optimizer="adam", loss=["binary_crossentropy", "mae"], metrics=[["accuracy"], ["mae"]])
""",
        # a softmax classifier trained with the Brier score (per-pixel classes of a segmenter)
        """
from tensorflow import keras
from tensorflow.keras import layers
def build_segmenter(n_classes):
    inp = keras.Input(shape=(32, 32, 3))
    h = layers.Conv2D(16, 3, padding="same", activation="relu")(inp)
    return keras.Model(inp, layers.Conv2D(n_classes, 1, activation="softmax")(h))
model = build_segmenter(3)
model.compile(optimizer="adam", loss="mse", metrics=["accuracy"])
clf = keras.Sequential([keras.Input((20,)), layers.Dense(32, activation="relu"), layers.Dense(5, activation="softmax")])
clf.compile(optimizer="adam", loss="mean_squared_error", metrics=["accuracy"])
""",
        # a least-squares GAN's discriminator: mse on real (ones) / fake (zeros) labels
        """
import numpy as np
from keras.layers import Input, Dense
from keras.models import Model
inp = Input((8,))
disc = Model(inp, Dense(1, activation="sigmoid")(inp))
disc.compile(loss="mse", optimizer="adam", metrics=["accuracy"])
x = np.random.rand(4, 8)
real = np.ones((4, 1))
disc.train_on_batch(x, real)
disc.train_on_batch(x, np.zeros((4, 1)))
""",
        # a class's settings: the loss is a classification loss
        """
from keras.models import Sequential
from keras.layers import Dense
class Config:
    LOSS = "binary_crossentropy"
    METRICS = ["accuracy"]
model = Sequential([Dense(8, activation="relu"), Dense(1, activation="sigmoid")])
model.compile(optimizer="adam", loss=Config.LOSS, metrics=Config.METRICS)
""",
        # one-hot labels a loader class's method returns: a classifier trained with mse
        """
import numpy as np
from keras.utils import to_categorical
from keras.models import Sequential
from keras.layers import Dense
class Loader:
    def __init__(self, n):
        self.n = n
    def load(self):
        x = np.random.rand(self.n, 8)
        y = to_categorical(np.random.randint(0, 3, self.n), 3)
        return x, y
loader = Loader(100)
x, y = loader.load()
m = Sequential([Dense(16, activation="relu"), Dense(3, activation="softmax")])
m.compile(loss="mse", optimizer="adam", metrics=["accuracy"])
m.fit(x, y)
""",
        # command-line options with no default, or a classification default
        """
import argparse
import keras
parser = argparse.ArgumentParser()
parser.add_argument("--loss")
parser.add_argument("--head-loss", default="binary_crossentropy")
args = parser.parse_args()
a = keras.Sequential([keras.Input((5,)), keras.layers.Dense(1)])
a.compile(loss=args.loss, optimizer="adam", metrics=["accuracy"])
b = keras.Sequential([keras.Input((5,)), keras.layers.Dense(1, activation="sigmoid")])
b.compile(loss=args.head_loss, optimizer="adam", metrics=["accuracy"])
""",
        # classifiers trained with squared error: the file shows the targets are class labels, and
        # Keras' accuracy (binary / categorical) means something on them
        """
import numpy as np
import keras
from sklearn.datasets import make_classification
xor_x = np.array([[0, 0], [0, 1], [1, 0], [1, 1]])
xor_y = np.array([[0], [1], [1], [0]])
a = keras.Sequential([keras.Input((2,)), keras.layers.Dense(4, activation="tanh"), keras.layers.Dense(1)])
a.compile(optimizer="adam", loss="mse", metrics=["accuracy"])
a.fit(xor_x, xor_y, epochs=500)
(x_train, y_train), _ = keras.datasets.mnist.load_data()
b = keras.Sequential([keras.Input((784,)), keras.layers.Dense(10, activation="softmax")])
b.compile(optimizer="sgd", loss="mean_squared_error", metrics=["accuracy"])
b.fit(x_train.reshape(-1, 784), keras.utils.to_categorical(y_train, 10))
X, y = make_classification(n_samples=100)
c = keras.Sequential([keras.Input((20,)), keras.layers.Dense(1, activation="sigmoid")])
c.compile(optimizer="adam", loss="mae", metrics=["acc"])
c.fit(X, (y > 0).astype("float32"))
from sklearn.model_selection import train_test_split
X_tr, X_te, y_tr, y_te = train_test_split(X, y, test_size=0.2, random_state=0)
c.fit(X_tr, y_tr.tolist(), validation_data=(X_te, y_te))
lab1, lab2 = [0], [1]
a.fit(xor_x[:2], np.array((lab1, lab2)))
labels = np.array(["R", "M"] * 50, dtype=object)
labels[labels == "R"] = 0
labels[labels == "M"] = 1
c.fit(X, labels.astype("float32"))
""",
        # regression with regression metrics
        """
from keras.models import Sequential
from keras.layers import Dense
model = Sequential([Dense(8, activation="relu"), Dense(1)])
model.compile(loss="mse", optimizer="adam", metrics=["mae"])
""",
        # classification: accuracy belongs there
        """
import tensorflow as tf
model = tf.keras.Sequential([tf.keras.layers.Dense(1, activation="sigmoid")])
model.compile(loss="binary_crossentropy", optimizer="adam", metrics=["accuracy"])
""",
        # a user metric that merely has 'accuracy' in its name
        """
import tensorflow as tf
def direction_accuracy(y_true, y_pred):
    return tf.reduce_mean(tf.cast(tf.equal(tf.sign(y_true), tf.sign(y_pred)), tf.float32))
model = tf.keras.Sequential([tf.keras.layers.Dense(1)])
model.compile(optimizer="adam", loss="mse", metrics=[direction_accuracy])
""",
        # only in comments and strings
        """
import keras
# model.compile(loss="mse", metrics=["accuracy"])
NOTE = "loss='mse', metrics=['accuracy'] is meaningless"
""",
        # loss not resolvable: stay silent
        """
import keras
from config import LOSS
model = keras.Sequential([keras.layers.Dense(1)])
model.compile(loss=LOSS, metrics=["accuracy"])
""",
        # a non-Keras object called compile
        """
import keras
import re
pattern = re.compile("mse")
""",
        # 0/1 labels written into an array of zeros, returned by a helper (keras-tcn's receptive
        # field task): a binary classifier trained with squared error, accuracy is real
        """
import numpy as np
from tensorflow.keras.layers import Dense, Flatten
from tensorflow.keras.models import Sequential
def make_task(steps, size=1000):
    hit = np.random.choice(size, size=size // 2, replace=False)
    x = np.zeros(shape=(size, steps, 1))
    y = np.zeros(shape=(size, 1))
    x[hit, 0] = 1.0
    y[hit, 0] = 1.0
    return x, y
m = Sequential([Flatten(input_shape=(20, 1)), Dense(8, activation="relu"), Dense(1, activation="sigmoid")])
m.compile(optimizer="adam", loss="mse", metrics=["accuracy"])
x, y = make_task(20)
m.fit(x, y, epochs=2)
""",
        # 0/1 labels returned inside a namedtuple and read back as its field
        """\
from collections import namedtuple
import pandas as pd
from tensorflow import keras

Batch = namedtuple("Batch", "features churned")


def load(path="customers.csv"):
    df = pd.read_csv(path)
    churned = (df.pop("status") == "left").values.astype("float32")
    return Batch(df.values, churned)


train = load()
m = keras.Sequential([keras.Input((9,)), keras.layers.Dense(16, activation="relu"),
                      keras.layers.Dense(1, activation="sigmoid")])
m.compile(optimizer="adam", loss="mse", metrics=["accuracy"])
m.fit(train.features, train.churned, epochs=10)
""",
        # 0/1 labels appended one by one, the tail padded with copies of the list's own last label
        """\
import numpy as np
from tensorflow import keras

prices = np.load("close.npy")
went_up = []
for t in range(len(prices)):
    if t + 5 >= len(prices):
        went_up.append(went_up[-1])
    elif prices[t + 5] > prices[t]:
        went_up.append(1)
    else:
        went_up.append(0)
x = np.stack([prices[max(0, t - 4):t + 1].mean() for t in range(len(prices))])
m = keras.Sequential([keras.Input((1,)), keras.layers.Dense(8, activation="relu"), keras.layers.Dense(1)])
m.compile(optimizer="adam", loss="mse", metrics=["accuracy"])
m.fit(x, np.array(went_up), epochs=5)
""",
        # labels from a comparison pandas evaluates in a string (`df.eval`)
        """\
import pandas as pd
from tensorflow import keras

loans = pd.read_csv("loans.csv")
x = loans[["income", "debt", "age"]].values
y = loans.eval("days_late > 30 and amount > 1000").astype(int).values
m = keras.Sequential([keras.Input((3,)), keras.layers.Dense(8, activation="relu"),
                      keras.layers.Dense(1, activation="sigmoid")])
m.compile(optimizer="adam", loss="mse", metrics=["accuracy"])
m.fit(x, y, epochs=5)
""",
        # the labels of a keras.datasets classification set, unpacked as the loader returns them
        """\
import keras

(x_tr, y_tr), (x_te, y_te) = keras.datasets.fashion_mnist.load_data()
m = keras.Sequential([keras.Input((784,)), keras.layers.Dense(32, activation="relu"), keras.layers.Dense(1)])
m.compile(optimizer="rmsprop", loss="mse", metrics=["accuracy"])
m.fit(x_tr.reshape(-1, 784), y_tr, epochs=2)
""",
        # class codes from pandas' factorize (indexed and unpacked)
        """\
import pandas as pd
from tensorflow import keras

cells = pd.read_csv("cells.csv")
y = pd.factorize(cells["diagnosis"], sort=True)[0]
codes, kinds = cells["diagnosis"].factorize()
m = keras.Sequential([keras.Input((30,)), keras.layers.Dense(1, activation="sigmoid")])
m.compile(optimizer="adam", loss="mse", metrics=["accuracy"])
m.fit(cells.drop(columns=["diagnosis"]).values, y, epochs=3)
m.fit(cells.drop(columns=["diagnosis"]).values, codes, epochs=3)
""",
        # 0/1 labels a tf.data map makes from a comparison
        """\
import numpy as np
import tensorflow as tf

ds = tf.data.Dataset.from_tensor_slices((np.load("x.npy"), np.load("score.npy")))
ds = ds.map(lambda f, s: (f, tf.cast(s >= 0.5, tf.float32))).batch(64)
m = tf.keras.Sequential([tf.keras.Input((5,)), tf.keras.layers.Dense(1, activation="sigmoid")])
m.compile(optimizer="adam", loss="mse", metrics=["accuracy"])
m.fit(ds, epochs=3)
""",
        # a dict sweep that mixes a crossentropy and a squared error: which suits the targets is not known
        """\
import numpy as np
from tensorflow import keras

x, y = np.load("x.npy"), np.load("y.npy")
for tag, loss in {"bce": "binary_crossentropy", "l2": "mse"}.items():
    m = keras.Sequential([keras.Input((5,)), keras.layers.Dense(1, activation="sigmoid")])
    m.compile(optimizer="adam", loss=loss, metrics=["acc"])
    m.fit(x, y, epochs=3)
""",
        # a mask binarised in place on the two sides of one threshold: 0/1 labels
        """\
import numpy as np
from keras.layers import Conv2D, Input
from keras.models import Model

inp = Input((64, 64, 1))
out = Conv2D(1, 1, activation="sigmoid")(Conv2D(8, 3, activation="relu", padding="same")(inp))
seg = Model(inp, out)
seg.compile(optimizer="adam", loss="mse", metrics=["accuracy"])
x, masks = np.load("scans.npy"), np.load("masks.npy")
masks[masks > 0.5] = 1
masks[masks <= 0.5] = 0
seg.fit(x, masks, epochs=3)
""",
        # the accuracy of the one output whose targets are one-hot labels (an age / sex model)
        """\
import numpy as np
from keras import Input, Model, layers
from keras.utils import to_categorical

x, age, sex = np.load("x.npy"), np.load("age.npy"), np.load("sex.npy")
inp = Input((64, 64, 3))
h = layers.GlobalAveragePooling2D()(layers.Conv2D(16, 3, activation="relu")(inp))
model = Model(inp, [layers.Dense(2, name="sex_out")(h), layers.Dense(1, name="age_out")(h)])
model.compile(optimizer="adam", loss=["mse", "mae"], metrics=[["accuracy"], ["mae"]])
model.fit(x, [to_categorical(sex, 2), age], epochs=10)
""",
        # ... also when a Sequence's batches give them by output name, one-hot in one arm
        """\
import numpy as np
from keras import Input, Model, layers
from keras.utils import Sequence, to_categorical


class Faces(Sequence):
    def __init__(self, x, age, sex, batch, onehot):
        super().__init__()
        self.x, self.age, self.sex, self.batch, self.onehot = x, age, sex, batch, onehot

    def __len__(self):
        return len(self.x) // self.batch

    def __getitem__(self, i):
        part = slice(i * self.batch, (i + 1) * self.batch)
        sex = self.sex[part]
        if self.onehot:
            sex = to_categorical(sex, 2)
        return self.x[part], {"sex_out": sex, "age_out": self.age[part]}


inp = Input((64, 64, 3))
h = layers.GlobalAveragePooling2D()(layers.Conv2D(16, 3, activation="relu")(inp))
model = Model(inp, [layers.Dense(1, name="sex_out")(h), layers.Dense(1, name="age_out")(h)])
model.compile(optimizer="adam", loss={"sex_out": "mae", "age_out": "mae"},
              metrics={"sex_out": "binary_accuracy", "age_out": "mae"})
model.fit(Faces(np.load("x.npy"), np.load("age.npy"), np.load("sex.npy"), 32, True), epochs=10)
""",
        # a frozen feature extractor only used as a part of the model trained (an SRGAN's VGG): its metrics never run
        """\
import numpy as np
from tensorflow import keras

shape = (32, 32, 3)
base = keras.applications.VGG19(include_top=False, weights=None, input_shape=shape)
vgg = keras.Model(base.input, base.layers[9].output)
vgg.trainable = False
vgg.compile(loss="mse", optimizer="adam", metrics=["accuracy"])
g_in = keras.Input(shape)
generator = keras.Model(g_in, keras.layers.Conv2D(3, 3, padding="same", activation="tanh")(g_in))
lo = keras.Input(shape)
combined = keras.Model(lo, vgg(generator(lo)))
combined.compile(loss="mse", optimizer="adam")
hr, lr_imgs = np.random.rand(4, 32, 32, 3), np.random.rand(4, 32, 32, 3)
combined.train_on_batch(lr_imgs, vgg.predict(hr))
""",
        # an image folder read with its class labels (one-hot): a classifier trained with squared error
        """
from keras import Input, Model
from keras.layers import Conv2D, Dense, Flatten
from keras.preprocessing.image import ImageDataGenerator

images = ImageDataGenerator(rescale=1.0 / 255)
train = images.flow_from_directory("frames/train", target_size=(64, 64), class_mode="categorical")
inp = Input((64, 64, 3))
out = Dense(6)(Flatten()(Conv2D(8, 3, activation="relu")(inp)))
net = Model(inp, out)
net.compile(optimizer="sgd", loss="mse", metrics=["accuracy"])
net.fit(train, epochs=10)
""",
        # the caller's own metrics: `setdefault` keeps them
        """
import numpy as np
from tensorflow import keras


def make(n_features, compile_kwargs=None):
    compile_kwargs = dict(compile_kwargs or {})
    model = keras.Sequential([keras.Input((n_features,)), keras.layers.Dense(8, activation="relu"),
                              keras.layers.Dense(1)])
    compile_kwargs.setdefault("loss", "mse")
    compile_kwargs.setdefault("metrics", ["accuracy"])
    model.compile(optimizer="adam", **compile_kwargs)
    return model


net = make(4, compile_kwargs={"metrics": ["mae"]})
net.fit(np.random.rand(32, 4), np.random.rand(32), epochs=2)
""",
    ]
    INVALID = [
        # the age output gets an accuracy beside its error metric: nothing says its targets are labels
        """
import numpy as np
import keras
from keras import layers

inp = keras.Input((64, 64, 3))
h = layers.GlobalAveragePooling2D()(layers.Conv2D(16, 3, activation="relu")(inp))
age = layers.Dense(1, name="age")(h)
gender = layers.Dense(1, name="gender")(h)
model = keras.Model(inp, {"age": age, "gender": gender})
model.compile(optimizer="adam", loss={"age": "mae", "gender": "mae"},
              metrics={"age": ["mae", "binary_accuracy"], "gender": "mae"})  # expect: RL101
model.fit(np.load("faces.npy"), {"age": np.load("age.npy"), "gender": np.load("gender.npy")}, epochs=2)
""",
        # an SSIM loss compares continuous depth maps: a reconstruction loss
        """
import numpy as np
import tensorflow as tf
from tensorflow import keras

def ssim_loss(y_true, y_pred):
    return tf.reduce_mean(1 - tf.image.ssim(y_true, y_pred, max_val=1.0))

depth = np.load("depth.npy")
inp = keras.Input((64, 64, 3))
out = keras.layers.Conv2D(1, 1, activation="sigmoid")(keras.layers.Conv2D(16, 3, padding="same", activation="relu")(inp))
net = keras.Model(inp, out)
net.compile(optimizer="adam", loss=ssim_loss, metrics=["acc"])  # expect: RL101
net.fit(np.load("rgb.npy"), depth / depth.max(), epochs=2)
""",
        # given weights, then fine-tuned: the accuracy is computed
        """
import numpy as np
import keras

x, y = np.load("x.npy"), np.load("price.npy")
net = keras.Sequential([keras.Input((4,)), keras.layers.Dense(8, activation="relu"), keras.layers.Dense(1)])
net.load_weights("net.weights.h5")
net.compile(optimizer="adam", loss="mse", metrics=["accuracy"])  # expect: RL101
net.fit(x, y, epochs=3)
""",
        # a loss dict whose keys are made at run time, every output given one squared error
        """\
import keras.backend as K
from keras import layers, models


def l2(y_true, y_pred):
    return K.sum(K.square(y_true - y_pred)) / 2


inp = layers.Input((32, 32, 3))
feat = layers.Conv2D(16, 3, padding="same", activation="relu")(inp)
net = models.Model(inp, [layers.Conv2D(4, 1, name="heat_s1")(feat), layers.Conv2D(8, 1, name="paf_s1")(feat)])
names = ["{}_s{}".format(k, s + 1) for s in range(1) for k in ("heat", "paf")]
net.compile(optimizer="sgd", loss=dict.fromkeys(names, l2), metrics=["accuracy"])  # expect: RL101
""",
        # a settings class choosing the loss under an `if` on its own task constant
        """
from tensorflow import keras


class Config:
    TASK = "regression"
    if TASK == "regression":
        LOSS = "mse"
        OUT_ACT = None
    else:
        LOSS = "binary_crossentropy"
        OUT_ACT = "sigmoid"
    METRICS = ["accuracy"]  # expect: RL101


model = keras.Sequential([keras.Input((8,)), keras.layers.Dense(1, activation=Config.OUT_ACT)])
model.compile(optimizer="adam", loss=Config.LOSS, metrics=Config.METRICS)
""",
        # scikeras compiles the builder's uncompiled model with the wrapper's loss and metrics
        """\
import numpy as np
from scikeras.wrappers import KerasRegressor
from tensorflow import keras
def get_reg(meta):
    return keras.Sequential([keras.Input((meta["n_features_in_"],)), keras.layers.Dense(1)])
reg = KerasRegressor(model=get_reg, loss="mse", metrics=["accuracy"], epochs=20)  # expect: RL101
reg.fit(np.load("x.npy"), np.load("prices.npy"))
""",
        # a regression network (a linear head on standardised values) wrapped as a classifier by mistake
        """
import numpy as np
from sklearn.model_selection import KFold, cross_val_score
from tensorflow.keras.layers import Dense
from tensorflow.keras.models import Sequential
from tensorflow.keras.wrappers.scikit_learn import KerasClassifier  # noqa: RL503
def create_model():
    model = Sequential([Dense(12, input_dim=8, activation="relu"), Dense(1, activation="linear")])
    model.compile(loss="mse", optimizer="adam", metrics=["accuracy"])  # expect: RL101
    return model
data = np.random.randn(500, 9)
print(cross_val_score(KerasClassifier(build_fn=create_model, epochs=5), data[:, 1:], data[:, 0], cv=KFold(5)))
""",
        # one batch of an image folder read with the images as targets: no classes there
        """
from tensorflow.keras.layers import Dense, Flatten
from tensorflow.keras.models import Sequential
from tensorflow.keras.preprocessing.image import ImageDataGenerator
batches = ImageDataGenerator(rescale=1.0 / 255).flow_from_directory("pets", target_size=(8, 8),
                                                                     batch_size=4000, class_mode="input")
images, targets = batches[0]
net = Sequential([Flatten(input_shape=(8, 8, 3)), Dense(64, activation="relu"), Dense(192)])
net.compile(loss="mse", optimizer="adam", metrics=["acc"])  # expect: RL101
net.fit(images, targets.reshape(-1, 192), epochs=5)
""",
        # a saved model loaded, compiled and trained on: its metrics are computed
        """
import numpy as np
from tensorflow.keras.models import load_model
net = load_model("pretrained.h5")
net.compile(loss="mean_squared_error", optimizer="rmsprop", metrics=["accuracy"])  # expect: RL101
net.fit(np.random.rand(64, 8), np.random.rand(64) * 20.0, epochs=3)
print(net.predict(np.random.rand(4, 8)))
""",
        # ... or evaluated
        """
import numpy as np
from tensorflow.keras.models import load_model
net = load_model("pretrained.h5")
net.compile(loss="mae", optimizer="adam", metrics=["acc"])  # expect: RL101
print(net.evaluate(np.random.rand(64, 8), np.random.rand(64) * 20.0))
print(net.predict(np.random.rand(4, 8)))
""",
        # a pose loss summing the squared error's components by index
        """\
import numpy as np
from keras import backend as K
from keras.layers import Dense
from keras.models import Sequential
def pose_loss(y_true, y_pred):
    sq = K.square(y_pred - y_true)
    position = K.sqrt(sq[0] + sq[1] + sq[2])
    rotation = K.sqrt(sq[3] + sq[4] + sq[5] + sq[6])
    return K.mean(position + 10 * rotation)
net = Sequential([Dense(32, activation="relu", input_shape=(12,)), Dense(7)])
net.compile(loss=pose_loss, optimizer="adam", metrics=["accuracy"])  # expect: RL101
net.fit(np.random.rand(64, 12), np.random.rand(64, 7) * 30.0, epochs=3)
""",
        # a loss looked up by name
        """\
import numpy as np
from tensorflow import keras
m = keras.Sequential([keras.Input((8,)), keras.layers.Dense(1)])
m.compile(optimizer="adam", loss=keras.losses.get("mean_squared_error"), metrics=["accuracy"])  # expect: RL101
m.fit(np.random.rand(20, 8), np.random.rand(20) * 40, epochs=2)
""",
        # the same helper given scores, not labels
        """\
import numpy as np
from keras.layers import Dense
from keras.models import Sequential
def make_arm(n, phase, label):
    pts, tags = np.zeros((n, 2)), np.zeros(n)
    for k in range(n):
        pts[k] = [np.sin(k + phase), np.cos(k + phase)]
        tags[k] = label
    return pts, tags
a_x, a_y = make_arm(100, 0.0, 0.9)
b_x, b_y = make_arm(100, np.pi, 0.3)
x, y = np.vstack((a_x, b_x)), np.hstack((a_y, b_y))
net = Sequential([Dense(8, activation="relu", input_dim=2), Dense(1, activation="sigmoid")])
net.compile(loss="mean_squared_error", optimizer="sgd", metrics=["accuracy"])  # expect: RL101
net.fit(x, y, epochs=10)
""",
        # the builder's metrics bound with functools.partial
        """\
from functools import partial
import numpy as np
from tensorflow import keras
def create(n_in, loss="mse", metrics=("mae",)):
    m = keras.Sequential([keras.Input((n_in,)), keras.layers.Dense(1)])
    m.compile(optimizer="rmsprop", loss=loss, metrics=list(metrics))
    return m
make = partial(create, metrics=["accuracy"])  # expect: RL101
net = make(13)
net.fit(np.random.rand(50, 13), np.random.rand(50) * 50, epochs=5)
""",
        """\
import numpy as np
import keras
# compiled twice, each time with a regression loss
inp = keras.Input(shape=(8,))
model = keras.Model(inp, keras.layers.Dense(1)(inp))
model.compile(loss="mse", optimizer="adam", metrics=["accuracy"])  # expect: RL101
model.compile(loss="mae", optimizer="adam", metrics=["accuracy"])  # expect: RL101
model.fit(np.random.rand(90, 8), np.random.rand(90) * 100)
""",
        """\
from tensorflow.keras import Model
from tensorflow.keras.layers import Activation, Conv2D, Input
# a convolution whose output a ReLU (not a softmax) ends: a per-pixel regression
inp = Input(shape=(64, 64, 3))
h = Conv2D(1, (1, 1))(Conv2D(16, (3, 3), padding="same", activation="relu")(inp))
net = Model(inp, Activation("relu")(h))
net.compile(loss="mse", optimizer="adam", metrics=["accuracy"])  # expect: RL101
""",
        # the same builder wrapped as a regressor
        """
import numpy as np
from scikeras.wrappers import KerasRegressor
from sklearn.model_selection import cross_val_score
from tensorflow.keras.layers import Dense
from tensorflow.keras.models import Sequential


def make_net():
    net = Sequential([Dense(24, input_dim=8, activation="relu"), Dense(1)])
    net.compile(loss="mse", optimizer="adam", metrics=["accuracy"])  # expect: RL101
    return net


x, grades = np.random.rand(100, 8), np.random.rand(100) * 10
print(cross_val_score(KerasRegressor(model=make_net, epochs=10), x, grades, cv=4).mean())
""",
        # a sweep over regression losses: every pass compiles accuracy on one
        """
import numpy as np
from tensorflow import keras
x, y = np.load("x.npy"), np.load("prices.npy")
for loss in ["mse", "mae", "huber"]:
    model = keras.Sequential([keras.layers.Dense(32, activation="relu"), keras.layers.Dense(1)])
    model.compile(optimizer="adam", loss=loss, metrics=["accuracy"])  # expect: RL101
    model.fit(x, y, epochs=3)
""",
        # a builder's `metrics or [...]` default: the metrics the call passes are the ones compiled
        """
import numpy as np
from tensorflow import keras
def build(n, metrics=None):
    metrics = metrics or ["mae"]
    model = keras.Sequential([keras.layers.Input((n,)), keras.layers.Dense(32, activation="relu"), keras.layers.Dense(1)])
    model.compile(optimizer="adam", loss="mse", metrics=metrics)
    return model
x, y = np.load("x.npy"), np.load("prices.npy")
build(x.shape[1], metrics=["accuracy"]).fit(x, y, epochs=3)  # expect: RL101
""",
        # Keras takes a loss's class name as a string too
        """
import numpy as np
from tensorflow import keras
x, y = np.random.rand(100, 4), np.random.uniform(0, 500, size=(100, 1))
model = keras.Sequential([keras.layers.Dense(16, activation="relu"), keras.layers.Dense(1)])
model.compile(optimizer="adam", loss="MeanSquaredError", metrics=["accuracy"])  # expect: RL101
model.fit(x, y, epochs=3)
""",
        # the same Sequence returning continuous targets
        """
import numpy as np
import keras
from keras import layers, models
class PairSeq(keras.utils.Sequence):
    def __init__(self, x, batch_size):
        super().__init__()
        self.x, self.batch_size = x, batch_size
    def __len__(self):
        return 50
    def __getitem__(self, idx):
        i = np.random.randint(0, len(self.x), self.batch_size)
        dist = np.random.rand(self.batch_size) * 5.0
        return self.x[i], dist
model = models.Sequential([layers.Dense(8, activation="relu"), layers.Dense(1)])
model.compile(optimizer="sgd", loss="mse", metrics=["accuracy"])  # expect: RL101
model.fit(PairSeq(np.random.rand(1000, 16), 32), epochs=3)
""",
        # a keras.losses.Loss subclass computing a weighted mean squared error
        """
import tensorflow as tf
class Weighted(tf.keras.losses.Loss):
    def __init__(self, w=2.0, **kw):
        super().__init__(**kw)
        self.w = w
    def call(self, y_true, y_pred):
        return self.w * tf.reduce_mean(tf.square(y_pred - y_true), axis=-1)
m = tf.keras.Sequential([tf.keras.layers.Dense(32, activation="relu"), tf.keras.layers.Dense(1)])
m.compile(optimizer="adam", loss=Weighted(), metrics=["accuracy"])  # expect: RL101
m.fit(x, prices, epochs=10)
""",
        # ... another column popped: the charges
        """
import pandas as pd
from keras.models import Sequential
from keras.layers import Dense
df = pd.read_csv("telco.csv")
df["Churn"] = df["Churn"].map({"Yes": 1, "No": 0})
y = df.pop("MonthlyCharges").values
m = Sequential([Dense(16, activation="relu", input_dim=df.shape[1]), Dense(1, activation="sigmoid")])  # expect: RL102
m.compile(optimizer="adam", loss="mean_squared_error", metrics=["accuracy"])  # expect: RL101
m.fit(df.values, y, epochs=30)
""",
        # ... yielding the masks' intensities
        """
import numpy as np
from tensorflow import keras
def batches(images, masks, batch_size=8):
    while True:
        idx = np.random.randint(0, len(images), batch_size)
        yield images[idx] / 255.0, masks[idx] * 4.0
inp = keras.Input((96, 96, 1))
net = keras.Model(inp, keras.layers.Conv2D(1, 1, activation="sigmoid")(inp))
net.compile(optimizer="adam", loss="mse", metrics=["accuracy"])  # expect: RL101
net.fit(batches(np.load("imgs.npy"), np.load("masks.npy")), steps_per_epoch=50, epochs=2)
""",
        # ... prices instead
        """
import random
import numpy as np
from keras.layers import Dense, Input
from keras.models import Model
s = Input(shape=(8,))
model = Model(inputs=s, outputs=Dense(1, activation="sigmoid")(Dense(32, activation="relu")(s)))  # expect: RL102
model.compile("adam", loss="mse", metrics=["accuracy"])  # expect: RL101
feats = np.random.rand(400, 8)
targets = np.random.rand(400) * 250.0
pairs = list(zip(feats, targets))
random.shuffle(pairs)
feats, targets = zip(*pairs)
model.fit(np.array(feats), np.array(targets), epochs=1)
""",
        # the look-alike: a value appended beside the 0 / 1 ones
        """
import os
import numpy as np
from keras.models import Sequential
from keras.layers import Dense, Flatten
labels = []
for name in os.listdir("images"):
    if "dog" in name:
        labels.append(1)
    else:
        labels.append(float(name.split("_")[1]))
x = np.random.rand(len(labels), 32, 32, 3)
y = np.array([[lab] for lab in labels])
net = Sequential([Flatten(input_shape=(32, 32, 3)), Dense(1)])
net.compile("sgd", loss="mse", metrics=["accuracy"])  # expect: RL101
net.fit(x, y, epochs=2)
""",
        # compile settings taken from `**kwargs` with a default the one call leaves in place
        """
import numpy as np
import keras
def train(x, y, **kwargs):
    c = kwargs.pop("compile", {"loss": "mse", "optimizer": "adam", "metrics": ["mae", "acc"]})  # expect: RL101
    model = keras.Sequential([keras.Input((4,)), keras.layers.Dense(1)])
    model.compile(**c)
    return model.fit(x, y, epochs=1)
train(np.random.rand(10, 4), np.random.rand(10) * 100.0)
""",
        # the same trainer fitting the network on real-valued arrays another method sets
        """
import numpy as np
import tensorflow as tf
class Trainer:
    def __init__(self, net):
        self.net = net
    def compile(self, loss="mse"):
        self.net.compile(loss=loss, optimizer="adam", metrics=["accuracy"])  # expect: RL101
    def _init(self, n):
        self.targets = np.random.rand(n) * 50.0
    def step(self, x):
        self.net.train_on_batch(x, self.targets)
net = tf.keras.Sequential([tf.keras.Input((8,)), tf.keras.layers.Dense(1)])
trainer = Trainer(net)
trainer.compile()
""",
        # a module constant bound once picks the arm that runs (here the regression one)
        """
import numpy as np
import keras
from keras import layers
CLASSIFY = False
inp = keras.Input(shape=(16,))
h = layers.Dense(32, activation="relu")(inp)
if CLASSIFY:
    out = layers.Dense(1, activation="sigmoid")(h)
    loss = "binary_crossentropy"
else:
    out = layers.Dense(1)(h)
    loss = "mse"
model = keras.Model(inp, out)
model.compile(loss=loss, optimizer="adam", metrics=["accuracy"])  # expect: RL101
model.fit(np.load("x.npy"), np.load("y.npy"), epochs=3)
""",
        # settings read with getattr and a literal name
        """
import numpy as np
import tensorflow as tf
class Hparams:
    loss = "mean_absolute_error"
    metrics = ["accuracy"]  # expect: RL101
hp = Hparams()
m = tf.keras.Sequential([tf.keras.layers.Dense(32, activation="relu", input_shape=(8,)), tf.keras.layers.Dense(1)])
m.compile(optimizer="adam", loss=getattr(hp, "loss"), metrics=getattr(hp, "metrics"))
m.fit(np.load("x.npy"), np.load("y.npy"), epochs=10)
""",
        # one regression loss for every output, as a dict built by dict.fromkeys
        """
import numpy as np
from keras import backend as K
from keras import layers, models
def eucl_loss(x, y):
    return K.sum(K.square(x - y)) / 2
inp = layers.Input((32, 32, 3))
h = layers.Conv2D(16, 3, padding="same", activation="relu")(inp)
net = models.Model(inp, [layers.Conv2D(19, 1, name="heat")(h), layers.Conv2D(38, 1, name="paf")(h)])
net.compile(loss=dict.fromkeys(["heat", "paf"], eucl_loss), optimizer="sgd", metrics=["accuracy"])  # expect: RL101
net.fit(np.load("images.npy"), [np.load("heatmaps.npy"), np.load("pafs.npy")])
""",
        # settings held by a dataclass (annotated fields, a field's default factory)
        """
from dataclasses import dataclass, field
import numpy as np
import keras
@dataclass
class Experiment:
    hidden: int = 64
    loss: str = "mse"
    metrics: list = field(default_factory=lambda: ["mae", "accuracy"])  # expect: RL101
exp = Experiment(hidden=128)
m = keras.Sequential([keras.Input((8,)), keras.layers.Dense(exp.hidden, activation="relu"), keras.layers.Dense(1)])
m.compile(optimizer="adam", loss=exp.loss, metrics=exp.metrics)
m.fit(np.load("x.npy"), np.load("y.npy"))
""",
        # the look-alike: a column recoded in place to other numbers than 0 / 1
        """
import pandas as pd
from keras.models import Sequential
from keras.layers import Dense
df = pd.read_csv("grades.csv")
X = df.drop(columns=["grade"]).values
df["grade"].replace(("low", "high"), (1, 5), inplace=True)
y = df["grade"]
model = Sequential([Dense(8, input_dim=9, activation="relu"), Dense(1)])
model.compile(loss="mean_squared_error", optimizer="adam", metrics=["accuracy"])  # expect: RL101
model.fit(X, y, epochs=10)
""",
        # the loss a base trainer's __init__ sets, reached through super().__init__() of a subclass
        """
import numpy as np
from keras.models import Sequential
from keras.layers import Dense
class Trainer:
    def __init__(self, loss="mse", epochs=50):
        self.loss = loss
        self.epochs = epochs
    def train(self, x, y):
        self.model.compile(optimizer="adam", loss=self.loss, metrics=["accuracy"])  # expect: RL101
        self.model.fit(x, y, epochs=self.epochs)
class MLPTrainer(Trainer):
    def __init__(self, n):
        super().__init__()
        self.model = Sequential([Dense(32, activation="relu", input_dim=n), Dense(1)])
x, y = np.load("x.npy"), np.load("y.npy")
MLPTrainer(x.shape[1]).train(x, y)
""",
        # the look-alike: a plain KFold takes any targets
        """
import numpy as np
from sklearn.model_selection import KFold
from tensorflow import keras
table = np.loadtxt("yields.csv", delimiter=",")
x, y = table[:, 1:], table[:, :1]
for fit_rows, val_rows in KFold(n_splits=4).split(x, y):
    model = keras.Sequential([keras.Input((6,)), keras.layers.Dense(4, activation="tanh"), keras.layers.Dense(1)])
    model.compile(optimizer="sgd", loss="mse", metrics=["accuracy"])  # expect: RL101
    model.fit(x[fit_rows], y[fit_rows], validation_data=(x[val_rows], y[val_rows]))
""",
        # the look-alike: zeros joined with measured values are no labels
        """
import numpy as np
from tensorflow import keras
x = np.load("x.npy")
y = np.concatenate((np.zeros(500), np.load("yields.npy")))
model = keras.Sequential([keras.Input((2,)), keras.layers.Dense(1)])
model.compile(optimizer="rmsprop", loss="mse", metrics=["accuracy"])  # expect: RL101
model.fit(x, y, epochs=5)
""",
        # one metrics list per output, losses as a list in the same order: the age head's accuracy
        """
from tensorflow import keras
inputs = keras.Input((64,))
hidden = keras.layers.Dense(32, activation="relu")(inputs)
sex = keras.layers.Dense(1, activation="sigmoid", name="sex")(hidden)
age = keras.layers.Dense(1, name="age")(hidden)
model = keras.Model(inputs, [sex, age])
model.compile(optimizer="adam", loss=["binary_crossentropy", "mae"],
              metrics=[["accuracy"], ["accuracy"]])  # expect: RL101
""",
        # a softmax over several outputs fitted on prices: a regression after all
        """
import numpy as np
from tensorflow import keras
prices = np.random.uniform(100, 900, (64, 3))
model = keras.Sequential([keras.Input((8,)), keras.layers.Dense(3, activation="softmax")])  # expect: RL102
model.compile(optimizer="adam", loss="mse", metrics=["accuracy"])  # expect: RL101
model.fit(np.random.rand(64, 8), prices, epochs=2)
""",
        # targets made from a fill, but scaled: not 0/1 labels
        """
import numpy as np
from keras.layers import Input, Dense
from keras.models import Model
inp = Input((8,))
model = Model(inp, Dense(1)(inp))
model.compile(loss="mse", optimizer="adam", metrics=["accuracy"])  # expect: RL101
model.fit(np.random.rand(4, 8), np.ones((4, 1)) * 37.5)
""",
        # settings read off a class (`Config.LOSS`), not an instance
        """
import numpy as np
from keras.models import Sequential
from keras.layers import Dense
class Config:
    LOSS = "mse"
    METRICS = ["accuracy"]  # expect: RL101
model = Sequential([Dense(8, activation="relu"), Dense(1)])
model.compile(optimizer="adam", loss=Config.LOSS, metrics=Config.METRICS)
model.fit(np.random.rand(100, 4), np.random.rand(100) * 50)
""",
        # the same loader class returning real-valued targets
        """
import numpy as np
from keras.models import Sequential
from keras.layers import Dense
class Loader:
    def __init__(self, n):
        self.n = n
    def load(self):
        return np.random.rand(self.n, 8), np.random.rand(self.n) * 100.0
loader = Loader(100)
x, y = loader.load()
m = Sequential([Dense(16, activation="relu"), Dense(1)])
m.compile(loss="mse", optimizer="adam", metrics=["accuracy"])  # expect: RL101
m.fit(x, y)
""",
        # a custom regression loss written on one line (its body is a one-line suite)
        """
import numpy as np
from keras import backend as K
from keras.models import Sequential
from keras.layers import Dense
def my_loss(y_true, y_pred): return K.mean(K.square(y_pred - y_true))
model = Sequential([Dense(16, activation="relu", input_dim=4), Dense(1)])
model.compile(optimizer="adam", loss=my_loss, metrics=["accuracy"])  # expect: RL101
model.fit(np.random.rand(100, 4), np.random.rand(100) * 50.0)
""",
        # the loss comes from a command-line option whose default is a regression loss
        """
import argparse
import keras
parser = argparse.ArgumentParser()
parser.add_argument("--loss", default="mean_squared_error")
parser.add_argument("--metric", default="accuracy")
args = parser.parse_args()
model = keras.Sequential([keras.Input((5,)), keras.layers.Dense(1)])
model.compile(loss=args.loss, optimizer="adam", metrics=[args.metric, "mae"])  # expect: RL101
""",
        # look-alikes of label evidence: a column of a one-hot encoded frame is a feature, a
        # comparison that filters rows leaves the values as they were
        """
import pandas as pd
import keras
df = pd.get_dummies(pd.read_csv("houses.csv"))
price = df[df["price"] > 0]["price"]
m = keras.Sequential([keras.Input((12,)), keras.layers.Dense(1)])
m.compile(optimizer="adam", loss="mse", metrics=["accuracy"])  # expect: RL101
m.fit(df.drop(columns=["price"]), price)
""",
        """
from keras.models import Sequential
from keras.layers import Dense
model = Sequential([Dense(8, activation="relu"), Dense(1)])
model.compile(loss="mse", optimizer="adam", metrics=["accuracy"])  # expect: RL101
""",
        # metric objects, loss class, multi-line list
        """
from tensorflow import keras
model = keras.Sequential([keras.layers.Dense(1)])
model.compile(
    optimizer="adam",
    loss=keras.losses.MeanSquaredError(),
    metrics=[
        keras.metrics.MeanAbsoluteError(),
        keras.metrics.BinaryAccuracy(),  # expect: RL101
    ],
)
""",
        # weighted_metrics, Huber imported by name
        """
from tensorflow.keras.losses import Huber
from tensorflow.keras.models import Sequential
from tensorflow.keras.layers import Dense
model = Sequential([Dense(1)])
model.compile(optimizer="adam", loss=Huber(delta=1.0),
              weighted_metrics=["acc"])  # expect: RL101
""",
        # custom loss known by its body; metric list in a far constant; **kwargs
        """
import tensorflow as tf
METRICS = ["mae", "binary_accuracy"]  # expect: RL101
def trip_error(y_true, y_pred):
    return tf.reduce_mean(tf.abs(y_true - y_pred), axis=-1)
cfg = dict(optimizer="adam", loss=trip_error, metrics=METRICS)
model = tf.keras.Sequential([tf.keras.layers.Dense(1)])
model.compile(**cfg)
""",
        # model from a builder function, compile on a parameter
        """
import keras
def build():
    return keras.Sequential([keras.layers.Dense(1)])
def train(model, x, y):
    model.compile("adam", "mean_absolute_error", ["accuracy"])  # expect: RL101
    model.fit(x, y)
train(build(), [1], [2])
""",
        # per-output dicts
        """
import keras
inp = keras.Input(shape=(4,))
price = keras.layers.Dense(1, name="price")(inp)
kind = keras.layers.Dense(3, activation="softmax", name="kind")(inp)
model = keras.Model(inp, [price, kind])
model.compile(optimizer="adam",
              loss={"price": "mse", "kind": "categorical_crossentropy"},
              metrics={"price": ["accuracy"],  # expect: RL101
                       "kind": ["accuracy"]})
""",
        # an array of zeros with other values written in: not 0/1 labels
        """
import numpy as np
from tensorflow.keras.layers import Dense
from tensorflow.keras.models import Sequential
def make_task(size=1000):
    hit = np.random.choice(size, size=size // 2, replace=False)
    y = np.zeros(shape=(size, 1))
    y[hit, 0] = 3.5
    return np.random.rand(size, 4), y
m = Sequential([Dense(8, activation="relu"), Dense(1)])
m.compile(optimizer="adam", loss="mse", metrics=["accuracy"])  # expect: RL101
x, y = make_task()
m.fit(x, y, epochs=2)
""",
        # a namedtuple's field that holds prices, not labels
        """\
from typing import NamedTuple
import numpy as np
import pandas as pd
from tensorflow import keras


class Batch(NamedTuple):
    features: np.ndarray
    price: np.ndarray


def load(path="flats.csv"):
    df = pd.read_csv(path)
    price = df.pop("price").values
    return Batch(features=df.values, price=price)


train = load()
m = keras.Sequential([keras.Input((6,)), keras.layers.Dense(32, activation="relu"), keras.layers.Dense(1)])
m.compile(optimizer="adam", loss="mse", metrics=["accuracy"])  # expect: RL101
m.fit(train.features, train.price, epochs=10)
""",
        # `eval` of an arithmetic expression: a continuous target, not booleans
        """\
import pandas as pd
from tensorflow import keras

loans = pd.read_csv("loans.csv")
x = loans[["income", "debt", "age"]].values
y = loans.eval("debt / income").values
m = keras.Sequential([keras.Input((3,)), keras.layers.Dense(8, activation="relu"), keras.layers.Dense(1)])
m.compile(optimizer="adam", loss="mse", metrics=["accuracy"])  # expect: RL101
m.fit(x, y, epochs=5)
""",
        # a sweep over regression losses written as a dict
        """\
import numpy as np
from tensorflow import keras

x, y = np.load("x.npy"), np.load("price.npy")
for tag, loss in {"l2": "mse", "l1": "mae"}.items():
    m = keras.Sequential([keras.Input((5,)), keras.layers.Dense(1)])
    m.compile(optimizer="adam", loss=loss, metrics=["acc"])  # expect: RL101
    m.fit(x, y, epochs=3)
""",
        # only the values above the threshold are set: the rest stay continuous
        """\
import numpy as np
from keras.layers import Conv2D, Input
from keras.models import Model

inp = Input((64, 64, 1))
out = Conv2D(1, 1, activation="sigmoid")(Conv2D(8, 3, activation="relu", padding="same")(inp))
seg = Model(inp, out)
seg.compile(optimizer="adam", loss="mse", metrics=["accuracy"])  # expect: RL101
x, density = np.load("scans.npy"), np.load("density.npy")
density[density > 0.9] = 1
seg.fit(x, density, epochs=3)
""",
        # the labels are the other output's: the age output's accuracy is still meaningless
        """\
import numpy as np
from keras import Input, Model, layers
from keras.utils import Sequence, to_categorical


class Faces(Sequence):
    def __init__(self, x, age, sex, batch):
        super().__init__()
        self.x, self.age, self.sex, self.batch = x, age, sex, batch

    def __len__(self):
        return len(self.x) // self.batch

    def __getitem__(self, i):
        part = slice(i * self.batch, (i + 1) * self.batch)
        return self.x[part], {"sex_out": to_categorical(self.sex[part], 2), "age_out": self.age[part]}


inp = Input((64, 64, 3))
h = layers.GlobalAveragePooling2D()(layers.Conv2D(16, 3, activation="relu")(inp))
model = Model(inp, [layers.Dense(2, name="sex_out")(h), layers.Dense(1, name="age_out")(h)])
model.compile(optimizer="adam", loss={"sex_out": "mse", "age_out": "mae"},
              metrics={"sex_out": "accuracy", "age_out": "accuracy"})  # expect: RL101
model.fit(Faces(np.load("x.npy"), np.load("age.npy"), np.load("sex.npy"), 32), epochs=10)
""",
        # ... evaluated by itself too: Keras computes the accuracy there
        """\
import numpy as np
from tensorflow import keras

shape = (32, 32, 3)
base = keras.applications.VGG19(include_top=False, weights=None, input_shape=shape)
vgg = keras.Model(base.input, base.layers[9].output)
vgg.trainable = False
vgg.compile(loss="mse", optimizer="adam", metrics=["accuracy"])  # expect: RL101
g_in = keras.Input(shape)
generator = keras.Model(g_in, keras.layers.Conv2D(3, 3, padding="same", activation="tanh")(g_in))
lo = keras.Input(shape)
combined = keras.Model(lo, vgg(generator(lo)))
combined.compile(loss="mse", optimizer="adam")
hr, lr_imgs = np.random.rand(4, 32, 32, 3), np.random.rand(4, 32, 32, 3)
combined.train_on_batch(lr_imgs, vgg.predict(hr))
print(vgg.evaluate(hr, vgg.predict(hr)))
""",
        # a data frame's numeric column read as the targets (class_mode="raw"): a regression
        """
import pandas as pd
from keras import Input, Model
from keras.layers import Conv2D, Dense, Flatten
from keras.preprocessing.image import ImageDataGenerator

table = pd.read_csv("ages.csv")
images = ImageDataGenerator(rescale=1.0 / 255)
train = images.flow_from_dataframe(table, x_col="file", y_col="age", target_size=(64, 64), class_mode="raw")
inp = Input((64, 64, 3))
out = Dense(1)(Flatten()(Conv2D(8, 3, activation="relu")(inp)))
net = Model(inp, out)
net.compile(optimizer="sgd", loss="mse", metrics=["accuracy"])  # expect: RL101
net.fit(train, epochs=10)
""",
        # compile keywords a factory fills with `setdefault` when the caller gives none
        """
import numpy as np
from tensorflow import keras


def make(n_features, compile_kwargs=None):
    compile_kwargs = dict(compile_kwargs or {})
    model = keras.Sequential([keras.Input((n_features,)), keras.layers.Dense(8, activation="relu"),
                              keras.layers.Dense(1)])
    compile_kwargs.setdefault("loss", "mse")
    compile_kwargs.setdefault("metrics", ["accuracy"])  # expect: RL101
    model.compile(optimizer="adam", **compile_kwargs)
    return model


net = make(4)
net.fit(np.random.rand(32, 4), np.random.rand(32), epochs=2)
""",
    ]

    def check(self, facts):
        for model in facts.models:
            if model.ruled_out:
                continue  # made only where a module constant says the code never runs
            if model.compiles and targets_are_labels(facts, model):
                continue  # a classifier trained with squared error: Keras' accuracy means something there
            if model.compiles and not any(c.method in tables.EVAL_METHODS for c in model.calls) \
                    and (only_a_part(model, facts.models) or a_part_where_built(model, facts)):
                # never trained or evaluated by itself, only a part of another model (an SRGAN's frozen
                # VGG feature extractor, compiled out of habit): its metrics are never computed
                continue
            if model.compiles and predicted_only(facts, model):
                # compiled and only asked for predictions (a saved model: `model_from_json`,
                # `load_weights`, `compile(...)`, `predict(rows)`; a model given weights by hand): the
                # metrics are never computed
                continue
            if model.compiles and _sigmoid_heads(model) and targets_from_project_artifact(facts, model):
                # sigmoid heads on targets the project's own pipeline prepared (read from the pickle
                # another script writes): 0/1 labels as often as not — not known here
                continue
            if model.compiles and _softmax_classifier(model) and not targets_leave_pm1(facts, model) \
                    and not targets_can_be_negative(facts, model):
                # every output a softmax over several units (a U-Net's classes trained with the Brier
                # score): Keras' 'accuracy' is the categorical accuracy there
                continue
            if len(model.compiles) > 1 and any(_classification_compile(c) for c in model.compiles):
                # compiled in turn with a regression and a classification loss (a base class
                # re-compiles each fold's model with binary_crossentropy): which compile the
                # accuracy is trained under is not known from the compiles alone
                continue
            replaced = replaced_where_used(facts, model)  # a builder's placeholder its scripts replace
            for comp in model.compiles:
                if id(comp) in replaced:
                    continue
                losses = output_losses(comp.loss, facts)
                if losses is None:
                    continue
                for metrics in (comp.metrics, comp.weighted_metrics):
                    yield from self._check_metrics(metrics, losses, comp, facts, model)

    def _check_metrics(self, metrics, losses, comp, facts=None, model=None):
        if isinstance(metrics, Map):
            for key, sub in metrics.items.items():
                if isinstance(losses, dict):
                    kinds = losses.get(key)
                elif isinstance(losses, list):
                    kinds = None  # names of list outputs are not known here
                else:
                    kinds = losses
                if kinds is not None and not _output_labels(facts, model, None, key) \
                        and not _binary_by_choice(metrics, key):
                    yield from self._check_metrics(sub, kinds, comp, facts)
            return
        if isinstance(losses, list) and isinstance(metrics, Seq) and len(metrics.items) == len(losses) > 1 \
                and all(isinstance(sub, Seq) for sub in metrics.items):
            # `loss=["binary_crossentropy", "mae"], metrics=[["accuracy"], ["accuracy"]]`: one list of
            # metrics per output, in the losses' order (Keras 2 and 3 alike)
            for index, (sub, kind) in enumerate(zip(metrics.items, losses)):
                if not _output_labels(facts, model, index, None):
                    yield from self._check_metrics(sub, kind, comp, facts)
            return
        if not all_regression(losses):
            return
        if isinstance(metrics, Seq):
            for value, elt in zip(metrics.items, metrics.elts):
                if isinstance(value, Seq):
                    continue  # per-output nested lists: ambiguous, stay silent
                if is_accuracy_metric(value):
                    # `metrics=[metric]` in a builder, `create_model(metric="accuracy")` calling it:
                    # the literal is the token, wherever the builder lives
                    yield self.report(elt, self._message(value), self._fix_element(metrics, elt, value, comp, facts),
                                      written=getattr(value, "node", None),
                                      written_first=_is_parameter(elt, comp.node, facts))
        elif is_accuracy_metric(metrics) and metrics.node is not None:
            yield self.report(metrics.node, self._message(metrics), self._fix_bare(metrics, comp, facts))

    # -- the fix --------------------------------------------------------------------------------------

    def _fix_element(self, metrics: Seq, elt, value, comp, facts):
        """Remove `elt` from the list literal that holds it; drop the argument if nothing is left."""
        container = _container(metrics.node, elt)
        if container is None:
            return None  # e.g. spliced in from another list with `*`: no fix
        element = next(e for e in container.elements if e.value is elt)
        in_call = contains(comp.node, container)
        safe = in_call and _loss_is_local(comp) and not _read_back(facts, elt)
        label = _label(value)
        new = remove_children(container, [element])
        if not new.elements:
            arg = _droppable_arg(comp.node, container)
            if arg is not None and in_call:
                return Fix(safe, f"Remove the {_arg_name(arg)} argument (its only metric was {label})",
                           (Edit(comp.node, remove_children(comp.node, [arg])),))
        return Fix(safe, f"Remove metric {label}", (Edit(container, new),))

    def _fix_bare(self, metrics, comp, facts):
        """`metrics="accuracy"`: drop the argument, when it is written in the call."""
        arg = _droppable_arg(comp.node, metrics.node)
        if arg is None:
            return None
        return Fix(_loss_is_local(comp) and not _read_back(facts, metrics.node),
                   f"Remove the {_arg_name(arg)} argument {_label(metrics)}",
                   (Edit(comp.node, remove_children(comp.node, [arg])),))

    def _message(self, value) -> str:
        return (f"accuracy metric {_label(value)} on a regression loss: Keras reports a meaningless "
                f"number; drop it (track 'mae' or RootMeanSquaredError) or, if the task is "
                f"classification, change the loss")




def _output_labels(facts, model, index, name) -> bool:
    """The targets of one output of `model` (by its index or its name) are class labels — the sex
    output of an age / sex model, its batches' `{"sex_out": to_categorical(s), "age_out": a}`."""
    if facts is None or model is None:
        return False
    heads = model.heads()
    if len(heads) < 2:
        return False
    if index is None:
        index = next((i for i, head in enumerate(heads) if head.name == name), None)
        if index is None:
            return False
    elif index >= len(heads):
        return False
    return targets_are_labels(facts, one_output(model, index, heads[index].name, len(heads)))


def _container(node, elt):
    """The list / tuple literal, at or inside `node`, whose element is `elt` (by identity)."""
    stack = [node] if node is not None else []
    while stack:
        n = stack.pop()
        if isinstance(n, (cst.List, cst.Tuple)) and any(e.value is elt for e in n.elements):
            return n
        if isinstance(n, (cst.BinaryOperation, cst.Call, cst.Arg, cst.List, cst.Tuple, cst.Element)):
            stack.extend(n.children)  # `a + [...]`, `list([...])`; small subtrees only
    return None




def _loss_is_local(comp) -> bool:
    """The loss is written in this compile call, or is a function the file defines: the call means
    the same loss however it is reached, so editing it cannot affect a classification model."""
    loss = comp.loss
    if isinstance(loss, Func):
        return True
    return loss.node is not None and contains(comp.node, loss.node)


_METRIC_KEYWORDS = ("metrics", "weighted_metrics")


def _arg_name(arg: cst.Arg) -> str:
    """`metrics` or `weighted_metrics`, as the fix's message names the argument it drops (only
    `metrics` is ever passed by position)."""
    return arg.keyword.value if arg.keyword is not None else "metrics"


def _droppable_arg(call: cst.Call, value) -> cst.Arg | None:
    """The compile argument whose value is `value`, when removing it shifts no other argument."""
    args = list(call.args)
    for i, arg in enumerate(args):
        if arg.value is not value:
            continue
        if arg.keyword is not None:
            return arg if arg.keyword.value in _METRIC_KEYWORDS else None
        if arg.star:
            return None
        later_positional = any(a.keyword is None and not a.star for a in args[i + 1:])
        return None if later_positional else arg
    return None

    def _message(self, value) -> str:
        return (f"accuracy metric {_label(value)} on a regression loss: Keras reports a meaningless "
                f"number; drop it (track 'mae' or RootMeanSquaredError) or, if the task is "
                f"classification, change the loss")


def _classification_compile(comp) -> bool:
    """Every output of the compile is trained with a crossentropy: a classifier's compile."""
    loss = comp.loss
    items = list(loss.items) if isinstance(loss, Seq) else list(loss.items.values()) if isinstance(loss, Map) \
        else [loss]
    return bool(items) and all(crossentropy(v) is not None for v in items)


def _binary_by_choice(metrics: Map, key) -> bool:
    """Per-output metrics that give output `key` a binary accuracy alone and another output an error
    metric (`{"age": "mae", "gender": "binary_accuracy"}`): the author says which output holds 0/1
    labels (SSR-Net's gender head, regressed with an L1 loss and scored by its accuracy)."""
    def names(value) -> list:
        items = value.items if isinstance(value, Seq) else [value]
        return [(item.value if isinstance(item, Lit) else getattr(item, "last", None)) for item in items]

    mine = names(metrics.items[key])
    if not mine or any(not isinstance(n, str) or n.lower() not in ("binary_accuracy", "binaryaccuracy") for n in mine):
        return False
    return any(isinstance(n, str) and n.lower() in tables.ERROR_METRIC_NAMES
               for other, value in metrics.items.items() if other != key for n in names(value))


def _sigmoid_heads(model) -> bool:
    """Every output of `model` ends in a sigmoid (or hard sigmoid)."""
    heads = model.heads()
    return bool(heads) and all(h.activation in tables.UNIT_INTERVAL_ACTIVATIONS for h in heads)


def _softmax_classifier(model) -> bool:
    """Every output of `model` ends in a softmax over several units (or units not known: a softmax
    over one unit is RL103's), a Dense's or a convolution's (a segmenter's per-pixel classes, its
    softmax an argument or a layer of its own)."""
    heads = model.heads()
    for head in heads:
        activation, units = head.activation, head.units
        if activation is None and isinstance(head.layer, Layer):
            activation, units = head.applied or layer_activation(head.layer)[0], None
        if activation != "softmax" or units == 1:
            return False
    return bool(heads)


def _is_parameter(elt, node, facts) -> bool:
    """`elt` (a metric element of the compile `node`) is a parameter of the function the compile
    is in: the value came through a call's arguments (`create_model(metric=cfg.METRIC)`), which the
    builder's module cannot see on its own."""
    return isinstance(elt, cst.Name) and facts is not None and is_parameter(elt.value, node, facts)


# a read of an accuracy key as Keras names it: `history.history["accuracy"]`, `.get("val_acc")`, a
# callback's `monitor="val_accuracy"`
_KEY = r"""["'](?:val_)?(?:\w+_)?acc(?:uracy)?["']"""
_ACCURACY_READ = re.compile(rf"(?<=[\w\])])\[\s*{_KEY}\s*\]|\bget\(\s*{_KEY}|\bmonitor\s*=\s*{_KEY}")


def _read_back(facts, elt) -> bool:
    """The file reads an accuracy key back (`h.history["accuracy"]`, `monitor="val_acc"`): removing
    the metric would leave that read without its key (a KeyError, a callback that never fires), so
    the fix is no longer safe."""
    text = getattr(facts, "text", "") or ""
    return "acc" in text and _ACCURACY_READ.search(text) is not None
