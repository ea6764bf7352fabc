from __future__ import annotations

from regr_lint.lazy import cst

from regr_lint.input.vocabulary import COMPILED
from regr_lint.knowledge import tables
from regr_lint.model.classify import REGRESSION, head_loss
from regr_lint.model.columns import one_output
from regr_lint.model.dataflow import (targets_from_project_artifact, targets_one_hot, targets_sum_to_one,
                                      targets_unit_scaled)
from regr_lint.model.importers import trained_by_hand_only, written_by_caller
from regr_lint.model.labels import targets_are_labels
from regr_lint.model.model import head_activations, only_a_part, written_activation
from regr_lint.model.signs import targets_can_be_negative
from regr_lint.model.spans import targets_leave_pm1, targets_outside_unit, targets_within_unit
from regr_lint.model.superseded import a_part_where_built, replaced_where_used
from regr_lint.rule import Edit, Fix, Rule


def linear_head_fix(node) -> Fix | None:
    """`activation="sigmoid"` -> `activation=None`; `Activation("sigmoid")` -> `Activation("linear")`;
    `tf.nn.sigmoid(x)` -> `x`."""
    if isinstance(node, cst.Arg):
        value = node.value
        if isinstance(value, cst.Name) and value.value not in tables.BOUNDED_ACTIVATIONS:
            # `activation=act`: a builder's parameter or a sweep's loop variable; the value is
            # chosen elsewhere, and this argument also serves the settings that are not bounded
            return None
        return Fix(False, "make the head linear (activation=None)",
                   (Edit(value, cst.Name("None")),))
    if isinstance(node, cst.Call) and node.args:
        first = node.args[0]
        if isinstance(first.value, cst.SimpleString) or first.keyword is not None and first.keyword.value == "activation":
            return Fix(False, 'make the head linear (Activation("linear"))',
                       (Edit(first.value, cst.SimpleString('"linear"')),))
        if first.keyword is None and len(node.args) == 1:
            return Fix(False, "drop the bounded activation", (Edit(node, first.value),))
    return None


def _targets_fit(act: str, facts, model) -> bool:
    """The file shows targets a head ending in `act` may rightly be trained on (or that make it
    another rule's story)."""
    if act in tables.UNIT_INTERVAL_ACTIVATIONS and not targets_outside_unit(facts, model) and (
            targets_unit_scaled(facts, model) or targets_from_project_artifact(facts, model)
            or targets_within_unit(facts, model)):
        return True  # (values the file writes out beyond [0, 1] outweigh a scaling's look)
    if act != "tanh" and targets_are_labels(facts, model):
        return True  # 0/1 class labels: a classifier trained with squared error fits in (0, 1)
    if act == "tanh" and (not targets_leave_pm1(facts, model) or targets_unit_scaled(facts, model)):
        return True  # targets in [-1, 1] are tanh's own range: reported only on evidence they leave it
    if act == "softmax" and targets_one_hot(facts, model):
        return True  # a classifier trained with a regression loss: not this rule's story
    if act == "softmax" and not targets_leave_pm1(facts, model) and not targets_can_be_negative(facts, model):
        # a softmax over several units with a squared error is a classifier trained with the Brier
        # score (a U-Net's per-pixel classes) unless the file shows targets no softmax can output
        # (beyond 1, or negative)
        return True
    # a distribution per sample (y / y.sum(axis=1)): exactly softmax's range
    return act == "softmax" and targets_sum_to_one(facts, model)


def _ends(acts: tuple) -> str:
    """`'sigmoid': predictions can never leave (0, 1)`, or so for each activation the arms of an
    `if` may give the head."""
    def bound(act: str) -> str:
        return tables.BOUNDED_ACTIVATIONS[act] + (" and sum to 1" if act == "softmax" else "")

    if len(acts) == 1:
        return f"'{acts[0]}': predictions can never leave {bound(acts[0])}"
    each = ", ".join(f"'{a}' {bound(a)}" for a in acts[:-1]) + f" or '{acts[-1]}' {bound(acts[-1])}"
    return f"{each}, whichever arm of the `if` choosing it runs: predictions can never leave that range"


class BoundedOutputOnRegression(Rule):
    code = "RL102"
    name = "bounded-output-on-regression"
    summary = "Regression head ends in sigmoid / tanh / softmax, so predictions cannot reach the targets"
    severity = "error"  # predictions cannot reach the targets: a wrong model
    tokens = ("keras", ("compile", "KerasRegressor", "KerasClassifier"), ("igmoid", "tanh", "oftmax"))
    names = (COMPILED, tuple(sorted(set(tables.BOUNDED_ACTIVATIONS) | set(tables.ACTIVATION_LAYERS))),
             tables.REGRESSION_VOCABULARY)
    docs = """\
## What it does
Finds a model whose final layer has activation `sigmoid`, `hard_sigmoid`, `tanh` or `softmax` (as
`activation=` in any spelling, `keras.activations.x`, `tf.nn.x`, or a trailing `Activation('x')`
layer) while it is trained with a regression loss. When the activation is a parameter of a builder
in another module (`activation=head`) and a script writes it (`build(6, head="sigmoid")`, or binds it with
`functools.partial(build, head="sigmoid")`), it is
reported at that literal in the script (or where a config module writes the literal the script hands
on, `build(6, head=cfg.HEAD)`: there). A model used as the last layer of another (added to a
`Sequential`, or applied last in a functional model, `Model(inp, head(base(inp)))`) ends the outer
model in its own final layer; such a part, never trained by itself, is not judged on a compile of its
own (one made out of habit trains nothing: the outer model's compile does). The final layer judged is a `Dense` (or an `Activation`
after one): a convolutional, recurrent or custom output layer — an image-to-image model's per-pixel
head — is not, its targets being images or masks whose scaling loaders usually do out of sight.
A sweep over a few head activations written as strings (`for act in ["linear", "sigmoid"]:` building
`Dense(1, activation=act)` in the loop body) is read once per activation: the bounded pass is
reported, whatever the order. So is a loop over a list of settings written out, unpacked per pass
(`for units, act in [(64, "relu"), (1, "sigmoid")]: model.add(Dense(units, activation=act))`).
A model compiled but trained only by a loop of the project's own (`tape.gradient(loss,
model.trainable_variables)`, also in the function of another module a script hands it to,
`train(scorer(n), ds)`; no `fit` / `train_on_batch` in the file or in a script beside its builder's
module) is not judged: the loss it is compiled with trains nothing.

It stays silent for sigmoid / hard_sigmoid heads when the same file scales the regression targets
into [0, 1] — the targets themselves: a frame's other columns scaled by name (`df["height"] =
df["height"] / max_h`) say nothing about targets read from another of its columns (`df["age"]`, `df.pop("age")`; also in a data module, or
a loader that returns the frame, `df = load(path)`: its column read where the loader writes it) — (a `MinMaxScaler` with the default range — or a [0, 1] range held in a name, also one a config module
binds, `feature_range=Y_RANGE`; also as the last step of a scikit-learn pipeline, or
`minmax_scale` applied through pandas' `.pipe` or bound by `functools.partial` —, a column made so by `df.assign(t=lambda d: d.t / d.t.max())`, or a `QuantileTransformer` with its default
uniform output, applied to the targets or to the series they
are cut from, min-max scaling written out, `(y - lo) / (hi - lo)` or `(y - y.min()) / np.ptp(y)` (also in
a lambda piped over the series, `s.pipe(lambda v: v / v.max())`), coordinates divided by the extent of
the image they lie in (`(h, w) = img.shape[:2]`, then `x0 / w`, also inside an appended tuple or
joined, `np.concatenate([xs / w, ys / h])`),
percentile ranks (`rank(pct=True)`), `np.interp(t, (lo, hi), (0, 1))` (its output stays between the values it
maps onto), beta draws, a logistic function of them
(`1 / (1 + np.exp(-v))`, `scipy.special.expit(v)`, `tf.sigmoid(v)`), or a divide by their max (also by
each group's, `df.groupby(g)[c].transform("max")`), also
by a name or attribute holding it, `y / max_y` — also a max written down as a constant named so, `Y_MAX =
560.0`, `cfg.PRICE_MAX` —, and
through a helper's parameter the call passes them to or leaves to a default naming them (`def train(m,
data=pixels)` called as `train(ae)`), through a method of the file returning them so, `self._scale(y)` (also through a name it returns,
`val = np.log(val) / self.max_log; return val`), or stored in a dict by one
statement (or a dict display or comprehension, `{"h": h / h.max()}`) and read back by a loop over its items, `for c, y in targets.items()`; for a model trained on a generator, also the targets it
yields, `yield x, boxes[i:j] / boxes.max()` (or divided by a parameter the call passes a max, `batches(x, y,
y.max())`, also a generator of another module), or a `Sequence`'s `__getitem__` returns (also one a subclass
inherits from a base class of the same file; also a generator `tf.data.Dataset.from_generator` runs); for one trained on a `tf.data` pipeline, the targets
its `.map()` function returns, `return image, box / tf.reduce_max(box)`, also divided by a name
holding their max, `y / max_price`; the targets of a dataset, window dataset, `Sequence` or generator
another module of the project makes, read in that module, also when held in a variable before
`fit`; targets another module binds at its top level, imported by name (`from data import X, Y`)
or read as the module's attributes (`import data as D`, `D.Y`),
read where they are bound; targets a data module's function scales with a helper of a third module
(`y = to_unit(raw)`, `to_unit` returning `v / v.max()` in scaling.py; also called in the data module's
`return`, `return x, to_unit(raw)`); the targets a data class holds, `ds.y`, as its methods set `self.y` (the last of the writes one method makes in a row, `self.y = raw` then `self.y /= self.y.max()`; also an object made in one chain,
`Dataset().load(path)` with `load` returning `self`, or several, `Counts(root).load().normalise()`:
the last method of the chain writing `self.y` decides); the field of a record a function returns
(`split.y` of `return Split(x, y)`, a namedtuple or a dataclass: that field's value, not the other
fields'); targets whose every value the file writes in [0, 1] (literal data,
`np.array([0.1, 0.5, 0.9])`, or a column mapped to literal values, `df["tone"].map({"poor": 0.0,
"good": 1.0})`); and targets drawn in
[0, 1) — `np.random.rand(n)`, `np.random.uniform(0, 1, n)`, also saved by the file and loaded back
(`np.save("a.npy", y)`, then `np.load("a.npy")`); for a model fitted out of sight, a
`TransformedTargetRegressor(..., transformer=MinMaxScaler())` in the file (or in a script beside the builder's module that wraps the builder in it); targets a `transform` /
`fit_transform` of a class of the project (also of an object a data module imports from a third
module, `TARGET_SCALER.fit_transform(y)`, unless that module binds it to a `StandardScaler()` or a
`MinMaxScaler` at its top level: then it is read as that scaler), or of an unpickled object, made:
its effect on the range is not known), and for sigmoid
heads whose targets are read from a pickle (`pickle.load`, `joblib.load`, `pd.read_pickle`) or a
numpy file (`np.load`) when another script of the project writes files of that kind (`pickle.dump`,
`to_pickle`, `np.save`, in its code: a commented-out line writes nothing) — or from a database
table (`pd.read_sql(query, con)`) when another script of the project fills one (`frame.to_sql(...)`), or from a
CSV file read by a literal name another script of the project writes (`pd.read_csv("prepared.csv")` beside
a `frame.to_csv("prepared.csv")`) when that script scales something into [0, 1] and standardises nothing (a
CSV no script of the project names in a `to_csv`, or one a `StandardScaler` script writes, is judged as before;
the writing script may be a notebook beside the reader or at the project's root):
the project's own pipeline prepared them, in a script whose output reaches
this one only through a file, and how it scaled them is not known (a pickle no file of the project
writes — a downloaded dataset — is judged as before, and so is a file read by a literal name that
no writing script names, `np.load("ages.npy")` beside a script saving only `"features.npy"`; a
generator's targets are judged by the files they, not its inputs, come from — also another module's
generator's, cut from what this file passes it: `window_generator(np.load("flows.npy"), 32)`),
and when a rescaling layer (a `Lambda`, `Rescaling`, …)
follows the bounded unit; `feature_range=(-1, 1)` does not exempt them. A model trained on a
generator or `Sequence` whose targets the file cannot follow is exempt by any [0, 1] scaling in the
file (it might be of the targets) — but not when the batches are written out and that scaling is
only of their inputs: `imgs = np.stack(...) / 255.0` then `yield imgs, counts[i]` (or `return imgs,
np.asarray(self.counts[s])`) trains on raw counts. Targets it can follow are judged as targets passed to
`fit` are, whatever else the file scales: rows of an array a generator yields (a module-level one, or
the argument the call passes its parameter: `yield x[i], y[i]` of `batches(x, y_std)`), and what a
`Sequence`'s constructor sets the attribute its batches read (also one output's item of several,
`return batch, {"steer": self.steer[s], ...}`; not when another method rewrites it, `normalise()`).
Nor is a sigmoid / softmax
head reported when the file shows the targets are class labels (one-hot, booleans, literal 0/1
data, a classification dataset's labels, as RL101 reads them): that is a classifier trained with
squared error, and its targets lie where the head can reach. Targets normalised per row to sum to 1
(`y / y.sum(axis=1, keepdims=True)`, `values /= values.sum()`: a histogram or distribution per
sample) lie in [0, 1] and exempt sigmoid heads, and softmax heads too: a distribution is what a
softmax outputs.

The loss must be a regression loss: Keras' own, or a custom function that compares `y_pred` with
`y_true` (or elementwise forms of them): a mean of the square, the absolute value or the cosh
(log-cosh) of their difference. A custom loss that transforms both before comparing them
(`cumsum` as in an earth mover's distance, `sort`, an FFT, a matrix product) is a distance of its
own and is not read as a regression loss; so is one that also computes a crossentropy, a hinge, a
KL divergence, a Dice or a focal term (`bce + (max(t) - max(p)) ** 2`).

A **softmax** head over several units trained with a squared error is most often a classifier
trained with the Brier score (a U-Net's per-pixel classes with `loss="mse"`): it is reported only
when the file shows targets no softmax can output (values beyond 1 as for tanh below, or negative
ones).

Targets in [-1, 1] (steering angles, returns, series scaled with `feature_range=(-1, 1)`) are what
a tanh head is for, so a **tanh** head is reported only when the file shows its targets leave
[-1, 1]: standardised (`StandardScaler`, `scale`, `zscore`, `(y - y.mean()) / y.std()`, `s.sub(s.mean()).div(s.std())`, `(df - stats["mean"]) / stats["std"]` with the statistics `describe()` gives, pandas' `s.transform(lambda v: (v - v.mean()) / v.std())`, also with
statistics written down as constants named for them, `(y - Y_MEAN) / Y_STD`, `cfg.mu`, `SIGMA`), min-max
scaled to a range wider than (-1, 1), literal data, numpy draws (`uniform(0, 100, …)`, `randint`, `rand(n)`, Poisson or exponential draws of a mean from 1 up)
or affine arithmetic on them with values beyond 1 (also with zero-mean noise added, sums of independent draws, or
something never negative added, `uniform(0, 100, n) + x.sum(axis=1)`) — on the targets or the series they are cut
from (also by a helper of another module the script passes them to), or a column of a frame standardised in place (`df[df.columns] = StandardScaler().fit_transform(df)`,
then `df["y"]`), or held by a data class whose methods standardise them (`ds.y`, `self.y =
StandardScaler().fit_transform(...)` in its constructor), as they are at the `fit`, as every `yield` of the generator it is fitted on gives them (also in a dict keyed by the one
output's name, `yield x, {"load": (y - mu) / sd}`), as a `Sequence` it is fitted on gives that output's
(`self.steer = (steer - steer.mean()) / steer.std()`, then `return batch, {"steer": self.steer[s], ...}`), or
as a `tf.data` pipeline's `.map()` returns them (`lambda x, y: (x, (y - mean) / std)`, in the file or in the module making the dataset). With no evidence either way it is silent.

A target scaler chosen by an `if` nothing decides (`if opts.norm == "minmax": scaler =
MinMaxScaler() else: scaler = StandardScaler()` on a command-line option, or in a helper of another
module read on its own, its `method` parameter unknown there) is neither an exemption nor evidence
for either head; a module constant deciding the test (`NORM = "standard"`) picks its arm, and so
does the literal a script passes the helper's parameter (`scale_targets(y, method="minmax")`).

Targets a script hands the constructor of another module's class that stores them unchanged
(`self.feats, self.target = feats, target`, written nowhere else in the class) and fits the model
on them in a method the script — or a framework: a Flower client's `fit` — calls
(`self.net.fit(self.feats, self.target)`, also `x, y = self.data` of a pair the script writes
out) are read as the script passes them, for either exemption or evidence. A pipeline of records (`make_csv_dataset`
without `label_name`, `from_tensor_slices(dict(frame))`) whose `.map()` function makes each record
an (x, y) pair (`return feats, row["price"] / PRICE_MAX`) trains on the targets that function
returns. A head made in the arm of an `if` naming the classification task (`if cfg["task"] ==
"binary":`, `elif mode in ("classification", "multilabel"):`, `if self.is_classifier:`, the `else:` of
`if task == "regression":`) is a classifier's, whatever loss the builder's caller passes for both
arms: a sigmoid or softmax head there is not reported (a tanh head is judged as always). A test
naming no task (`if wide:`) or the regression task exempts nothing. Variants added to one `Sequential`
model in the arms of an `if` (`if ACTIVE == "conv": model.add(...) elif ACTIVE == "lstm": ...`) are
read as the constant deciding the test picks them (the module's own, or a config module's); when
nothing decides it and the arms end in different heads, which head the model has is not known, and
nothing is reported on it. A model name an `if` binds to one builder's model in each arm (`model =
mlp(6, n_out)` / `else: model = wide_mlp(6, n_out)`) is compiled and trained as either when both end
in the same activation and width (also a width neither knows, `Dense(n_out)` in both): each is reported.
A head whose `activation=` names what the arms of an `if` nothing decides (or a conditional
expression) bind to different strings (`head = "sigmoid"` / `else: head = "tanh"`) is reported, at
that argument, only when every one is bounded and the targets fit none of them; one arm's `None`, or a
value not known there (`cfg["head"]`), keeps it silent. A test on a string the builder is called with
(`if "S" in spec:` with `build("32-S")`) picks its arm.

A builder's placeholder compile (`net.compile(loss="mse")`, then `return net`) that every script
using the builder replaces with a compile of its own before training is not the loss the head is
judged by (`net.compile(loss="binary_crossentropy")` in train.py: a classifier).

## Why is this bad?
A sigmoid can only output values in (0, 1), tanh in (-1, 1), softmax values that sum to 1. Targets
outside that range can never be predicted: the loss flattens at a high value while the model looks
like it trains, and predictions saturate at the bound.

## Example
```python
model.add(Dense(1, activation="sigmoid"))
model.compile(loss="mse", optimizer="adam")
```

## Use instead
A linear head (Keras' default) for unbounded targets:
```python
model.add(Dense(1))
model.compile(loss="mse", optimizer="adam")
```
or scale the targets into the head's range (`MinMaxScaler()` for sigmoid,
`MinMaxScaler(feature_range=(-1, 1))` for tanh) and invert the scaling on predictions.

## Fix safety
Unsafe: the fix makes the head linear (`activation=None`, or `Activation("linear")`), which changes
what the model computes; whether the targets are meant to be bounded is the author's decision, so
it is applied only with `--unsafe-fixes`. No fix is offered when the activation is a name chosen
elsewhere (`activation=act`: a builder's parameter, a sweep's loop variable): the argument serves the
unbounded settings too.
"""
    VALID = [
        # the [0, 1]-scaled images reach fit() as a helper's default argument, the call leaving it
        """
import numpy as np
import keras

raw = np.random.randint(0, 256, size=(256, 784)).astype("float32")
pixels = raw / 255.0


def train(model, data=pixels):
    model.fit(data, data, epochs=2)
    return model


inp = keras.Input((784,))
code = keras.layers.Dense(32, activation="relu")(inp)
ae = keras.Model(inp, keras.layers.Dense(784, activation="sigmoid")(code))
ae.compile(optimizer="adam", loss="mse")
train(ae)
""",
        # each age divided by the cap it was clipped to, the quotient cast to a Python float
        """
import numpy as np
import keras

MAX_AGE = 90
ages = []
for name in ["23_a.jpg", "41_b.jpg"]:
    a = min(int(name.split("_")[0]), MAX_AGE)
    ages.append(float(a / MAX_AGE))
y = np.array(ages)
x = np.random.rand(len(y), 8)
model = keras.Sequential([keras.Input((8,)), keras.layers.Dense(16, activation="relu"),
                          keras.layers.Dense(1, activation="sigmoid")])
model.compile(optimizer="adam", loss="mse")
model.fit(x, y, epochs=2)
""",
        # a generator feeding two outputs: the sigmoid head's own targets are min-max scaled where
        # they are yielded
        """
import numpy as np
from tensorflow import keras

x, late, price = np.load("x.npy"), np.load("late.npy"), np.load("price.npy")
lo, hi = price.min(), price.max()

def batches(bs=64):
    while True:
        i = np.random.randint(0, len(x), bs)
        yield x[i], {"late": late[i], "price": (price[i] - lo) / (hi - lo)}

inp = keras.Input((8,))
h = keras.layers.Dense(32, activation="relu")(inp)
late_out = keras.layers.Dense(1, activation="sigmoid", name="late")(h)
price_out = keras.layers.Dense(1, activation="sigmoid", name="price")(h)
model = keras.Model(inp, {"late": late_out, "price": price_out})
model.compile(optimizer="adam", loss={"late": "binary_crossentropy", "price": "mse"})
model.fit(batches(), steps_per_epoch=100, epochs=5)
""",
        # the look-alike: a critic's soft labels, 0.9 and 0.1 with a little jitter, inside (0, 1)
        """
import numpy as np
from tensorflow import keras

inp = keras.Input((8,))
judge = keras.Model(inp, keras.layers.Dense(1, activation="sigmoid")(keras.layers.Dense(8, activation="relu")(inp)))
judge.compile(loss="mse", optimizer="adam")
n = 16
judge.train_on_batch(np.random.rand(n, 8), np.ones(n) * 0.9 + np.random.uniform(-0.02, 0.02, n))
judge.train_on_batch(np.random.rand(n, 8), np.ones(n) * 0.1 + np.random.uniform(-0.02, 0.02, n))
""",
        # the look-alike: targets mapped onto [0, 1] by `np.interp` (its output stays between the values
        # it maps onto)
        """
import numpy as np
import pandas as pd
from tensorflow.keras import Sequential
from tensorflow.keras.layers import Dense, Input

table = pd.read_csv("crop_yield.csv")
x = table[["rain_mm", "temp_c"]].to_numpy("float32")
t = table["tonnes_per_ha"].to_numpy("float32")
y = np.interp(t, (t.min(), t.max()), (0.0, 1.0))
model = Sequential([Input((2,)), Dense(32, activation="relu"), Dense(1, activation="sigmoid")])
model.compile(optimizer="adam", loss="mse")
model.fit(x, y, epochs=100)
""",
        # a polynomial of uniform columns that stays inside [0, 0.5]: a tanh head reaches it
        """\
import numpy as np
from tensorflow import keras

rng = np.random.default_rng(0)
x = rng.uniform(0, 1, size=(5000, 10))
y = 0.3 * x[:, 0] + 0.2 * np.square(x[:, 1])
net = keras.Sequential([keras.Input((10,)), keras.layers.Dense(1, activation="tanh")])
net.compile(optimizer="adam", loss="mse")
net.fit(x, y, epochs=30)
""",
        # the target scaler is chosen on the command line: either arm may run, neither says where the
        # targets land
        """\
import argparse

import pandas as pd
from keras import layers, models
from sklearn.preprocessing import MinMaxScaler, StandardScaler

parser = argparse.ArgumentParser()
parser.add_argument("--norm", default="minmax")
opts = parser.parse_args()

frame = pd.read_csv("load.csv")
feats = frame.drop(columns=["kwh"]).values
if opts.norm == "minmax":
    scaler = MinMaxScaler()
else:
    scaler = StandardScaler()
kwh = scaler.fit_transform(frame[["kwh"]].values)
net = models.Sequential([layers.Dense(32, activation="relu"), layers.Dense(1, activation="sigmoid")])
net.compile(optimizer="adam", loss="mse")
net.fit(feats, kwh, epochs=10)
""",
        # targets whose every value is written in [0, 1]: a grade mapped to fractions, literal data
        """\
import numpy as np
import pandas as pd
from keras import layers, models

reviews = pd.read_csv("reviews.csv")
quality = reviews["tone"].map({"poor": 0.0, "fair": 0.5, "good": 1.0})
rater = models.Sequential([layers.Input((2,)), layers.Dense(16, activation="relu"),
                           layers.Dense(1, activation="sigmoid")])
rater.compile(optimizer="adam", loss="mse")
rater.fit(reviews[["f1", "f2"]].values, quality.values, epochs=3)

probe = models.Sequential([layers.Input((1,)), layers.Dense(1, activation="sigmoid")])
probe.compile(optimizer="adam", loss="mse")
probe.fit(np.array([[0.0], [1.0], [2.0]]), np.array([0.1, 0.5, 0.9]), epochs=3)
""",
        # word2vec's skip-gram pairs: the labels skipgrams gives are 0 / 1 (a context word or a
        # negative sample), iterated over per document
        """
import numpy as np
from keras import layers, models
from keras.preprocessing.sequence import skipgrams

docs = [[1, 4, 2, 7, 3], [5, 2, 9, 1]]
skip_grams = [skipgrams(ids, vocabulary_size=10, window_size=2) for ids in docs]
word, ctx = layers.Input((1,)), layers.Input((1,))
emb = layers.Embedding(10, 8)
dot = layers.Dot(axes=-1)([layers.Flatten()(emb(word)), layers.Flatten()(emb(ctx))])
w2v = models.Model([word, ctx], layers.Dense(1, activation="sigmoid")(dot))
w2v.compile(optimizer="rmsprop", loss="mean_squared_error")
for i, elem in enumerate(skip_grams):
    first, second = zip(*elem[0])
    labels = np.array(elem[1], dtype="int32")
    w2v.train_on_batch([np.array(first), np.array(second)], labels)
couples, tags = skipgrams(docs[0], 10, window_size=2)
for pairs, marks in skip_grams:
    w2v.train_on_batch([np.array([p[0] for p in pairs]), np.array([p[1] for p in pairs])], np.array(marks))
w2v.fit([np.array([c[0] for c in couples]), np.array([c[1] for c in couples])], np.array(tags))
""",
        # a config edited before the rebuild (the head made linear): not the template's head
        """\
import keras
import numpy as np
template = keras.Sequential([keras.Input((6,)), keras.layers.Dense(32, activation="relu"),
                             keras.layers.Dense(1, activation="sigmoid")])
config = template.get_config()
config["layers"][-1]["config"]["activation"] = "linear"
regressor = keras.Sequential.from_config(config)
regressor.compile(optimizer="adam", loss="mse")
regressor.fit(np.random.rand(300, 6), np.random.rand(300) * 250.0, epochs=5)
""",
        # a data class whose `__init__` sets a placeholder and whose `load()` scales the targets
        """\
import keras
import pandas as pd
from sklearn.preprocessing import MinMaxScaler
class TabularData:
    def __init__(self):
        self.x = None
        self.y = None
    def load(self, path):
        df = pd.read_csv(path)
        self.y = MinMaxScaler().fit_transform(df.pop("kwh").values.reshape(-1, 1))
        self.x = df.values
        return self
ds = TabularData().load("usage.csv")
m = keras.Sequential([keras.Input((5,)), keras.layers.Dense(1, activation="sigmoid")])
m.compile(optimizer="adam", loss="mse")
m.fit(ds.x, ds.y, epochs=20)
""",
        # a function returning a dict of targets each divided by its max, read by `.items()`
        """\
import keras
import pandas as pd
COLS = ["height", "weight", "reach"]
def targets(df):
    return {c: df[c] / df[c].max() for c in COLS}
df = pd.read_csv("athletes.csv")
for name, y in targets(df).items():
    m = keras.Sequential([keras.Input((4,)), keras.layers.Dense(1, activation="sigmoid")])
    m.compile(optimizer="adam", loss="mse")
    m.fit(df.drop(columns=COLS).values, y, epochs=10)
""",
        # min-max scaling written with numpy's peak to peak
        """\
import numpy as np
import pandas as pd
from tensorflow import keras
df = pd.read_csv("concrete.csv")
y = df.iloc[:, -1].values
y = (y - y.min()) / np.ptp(y)
m = keras.Sequential([keras.Input((8,)), keras.layers.Dense(1, activation="sigmoid")])
m.compile(optimizer="adam", loss="mae")
m.fit(df.iloc[:, :-1].values, y, epochs=2)
""",
        # percentile ranks, and beta draws: targets in [0, 1]
        """\
import numpy as np
import pandas as pd
from tensorflow import keras
df = pd.read_csv("listings.csv")
y = df["price"].rank(pct=True).values.astype("float32")
m = keras.Sequential([keras.Input((5,)), keras.layers.Dense(1, activation="sigmoid")])
m.compile(optimizer="adam", loss="mse")
m.fit(df[["beds", "baths", "sqft", "lat", "lon"]].values, y, epochs=2)
y2 = np.random.beta(2.0, 5.0, 3000)
m2 = keras.Sequential([keras.Input((2,)), keras.layers.Dense(1, activation="sigmoid")])
m2.compile(optimizer="adam", loss="mse")
m2.fit(np.random.rand(3000, 2), y2, epochs=2)
""",
        # rare events, Poisson of mean 0.2, under a tanh head: nothing certain beyond 1
        """\
import numpy as np
from tensorflow import keras
X = np.random.rand(1000, 4)
Y = np.random.poisson(0.2, size=1000)
m = keras.Sequential([keras.Input((4,)), keras.layers.Dense(1, activation="tanh")])
m.compile(optimizer="adam", loss="mse")
m.fit(X, Y, epochs=2)
""",
        # the same loop of settings, ending in a linear head
        """\
import numpy as np
from tensorflow.keras.models import Sequential
from tensorflow.keras.layers import Dense
LAYERS = [(64, "sigmoid"), (1, None)]
model = Sequential()
model.add(Dense(128, activation="relu", input_shape=(4,)))
for units, act in LAYERS:
    model.add(Dense(units, activation=act))
model.compile(optimizer="adam", loss="mse")
model.fit(np.load("x.npy"), np.load("price.npy"), epochs=2)
""",
        # targets scaled by their max, kept in a dict display and read back by a loop over its items
        """\
import numpy as np
from tensorflow import keras
X, h = np.load("x.npy"), np.load("h.npy")
targets = {"h": h / h.max()}
for name, y in targets.items():
    m = keras.Sequential([keras.Input((2,)), keras.layers.Dense(1, activation="sigmoid")])
    m.compile(optimizer="adam", loss="mse")
    m.fit(X, y, epochs=2)
""",
        # a data object whose loading method scales `self.y` and returns `self`, made in one chain
        """\
import pandas as pd
from tensorflow import keras
class Dataset:
    def load(self, path):
        df = pd.read_csv(path)
        y = df["occupancy"].values
        self.x = df[["hour", "temp"]].values
        self.y = y / y.max()
        return self
ds = Dataset().load("rooms.csv")
m = keras.Sequential([keras.Input((2,)), keras.layers.Dense(1, activation="sigmoid")])
m.compile(optimizer="adam", loss="mse")
m.fit(ds.x, ds.y, epochs=2)
""",
        # a weighted sum of independent draws that stays within [0, 0.7]
        """\
import numpy as np
from tensorflow import keras
a = np.random.uniform(0, 10, 2000)
b = np.random.uniform(0, 10, 2000)
y = 0.05 * a + 0.02 * b
m = keras.Sequential([keras.Input((2,)), keras.layers.Dense(1, activation="tanh")])
m.compile(optimizer="adam", loss="mse")
m.fit(np.stack([a, b], axis=1), y, epochs=50)
""",
        # the model applied last ends without an activation
        """\
import numpy as np
from tensorflow import keras
base = keras.Sequential([keras.Input((8,)), keras.layers.Dense(16, activation="sigmoid")])
head = keras.Sequential([keras.Input((16,)), keras.layers.Dense(1)])
inp = keras.Input((8,))
model = keras.Model(inp, head(base(inp)))
model.compile(optimizer="adam", loss="mse")
model.fit(np.load("x.npy"), np.load("prices.npy") * 1000.0, epochs=5)
""",
        # layers made by a functools.partial factory for the hidden ones; the head is linear
        """\
from functools import partial
import numpy as np
from tensorflow import keras
Hidden = partial(keras.layers.Dense, activation="sigmoid")
y = np.load("prices.npy") * 1000.0
m = keras.Sequential([keras.Input((8,)), Hidden(16), Hidden(16), keras.layers.Dense(1)])
m.compile(optimizer="adam", loss="mse")
m.fit(np.load("x.npy"), y, epochs=5)
""",
        # a draw within (0, 0.5) plus a sum of non-negative draws: nothing certain beyond 1
        """\
import numpy as np
from tensorflow import keras
x = np.random.rand(1000, 5) * 0.1
y = np.random.uniform(0, 0.5, 1000) + x.sum(axis=1)
m = keras.Sequential([keras.Input((5,)), keras.layers.Dense(1, activation="tanh")])
m.compile(optimizer="adam", loss="mse")
m.fit(x, y, epochs=10)
""",
        # the target column is divided by its max too
        """\
import pandas as pd
from tensorflow import keras
df = pd.read_csv("ages.csv")
df["height"] = df["height"] / df["height"].max()
df["age"] = df["age"] / df["age"].max()
y = df["age"].values
m = keras.Sequential([keras.Input((2,)), keras.layers.Dense(1, activation="sigmoid")])
m.compile(optimizer="adam", loss="mse")
m.fit(df[["height", "weight"]].values, y, epochs=20)
""",
        # Keras' from_config builds the subclass with the config it is given: no activation on the head
        """\
import keras
import numpy as np
from sklearn.preprocessing import StandardScaler
class Net(keras.Model):
    def __init__(self, units=64, head="tanh", **kwargs):
        super().__init__(**kwargs)
        self.h = keras.layers.Dense(units, activation="relu")
        self.o = keras.layers.Dense(1, activation=head)
    def call(self, x):
        return self.o(self.h(x))
y = StandardScaler().fit_transform(np.load("y.npy"))
net = Net.from_config({"units": 32, "head": None})
net.compile(optimizer="adam", loss="mse")
net.fit(np.load("x.npy"), y, epochs=10)
""",
        # a tanh head on targets a Sequence min-max scales in its constructor
        """\
import math
import numpy as np
from tensorflow import keras
class Batches(keras.utils.Sequence):
    def __init__(self, x, y, bs=32):
        super().__init__()
        self.x, self.bs = x, bs
        self.y = (y - y.min()) / (y.max() - y.min())
    def __len__(self):
        return math.ceil(len(self.x) / self.bs)
    def __getitem__(self, i):
        return self.x[i * self.bs:(i + 1) * self.bs], self.y[i * self.bs:(i + 1) * self.bs]
x, y = np.load("x.npy"), np.load("y.npy")
m = keras.Sequential([keras.Input((x.shape[1],)), keras.layers.Dense(1, activation="tanh")])
m.compile(optimizer="adam", loss="mse")
m.fit(Batches(x, y), epochs=10)
""",
        # an array of zeros given logistic values only
        """\
import numpy as np
from tensorflow import keras
def update(critic, states, rewards, gamma=0.99):
    returns = np.zeros(len(rewards))
    running = 0.0
    for t in reversed(range(len(rewards))):
        running = rewards[t] + gamma * running
        returns[t] = 1.0 / (1.0 + np.exp(-running))
    critic.fit(states, returns, epochs=1, verbose=0)
critic = keras.Sequential([keras.Input((4,)), keras.layers.Dense(1, activation="sigmoid")])
critic.compile(optimizer="adam", loss="mse")
update(critic, np.random.rand(10, 4), np.random.rand(10) * 5)
""",
        # a builder under a timing decorator of the file that returns a wrapper: the name keeps the builder
        """\
import time
import pandas as pd
from tensorflow import keras
def timed(fn):
    def wrapper(*args, **kwargs):
        start = time.time()
        out = fn(*args, **kwargs)
        print(time.time() - start)
        return out
    return wrapper
@timed
def build_mlp(n):
    return keras.Sequential([keras.Input((n,)), keras.layers.Dense(1)])
df = pd.read_csv("insurance.csv")
y = df.pop("charges").values
net = build_mlp(df.shape[1])
net.compile(optimizer="adam", loss="mse")
net.fit(df.values, y, epochs=50)
""",
        # targets squashed by a logistic function written out: every one lies in (0, 1)
        """
import numpy as np
import pandas as pd
from keras import layers, models
table = pd.read_csv("guides.csv")
table["score"] = [1 - 1 / (1 + np.exp(-4.0 * (v + 0.2))) for v in table["lfc"].to_list()]
inp = layers.Input(shape=(120,))
net = models.Model(inp, layers.Dense(1, activation="sigmoid")(layers.Dense(64, activation="relu")(inp)))
net.compile(optimizer="adam", loss="mse")
net.fit(np.random.rand(len(table), 120), table["score"].values, epochs=20)
""",
        # ... or by scipy's expit
        """
import numpy as np
from scipy.special import expit
from keras import layers, models
lfc = np.loadtxt("lfc.txt")
inp = layers.Input(shape=(120,))
net = models.Model(inp, layers.Dense(1, activation="sigmoid")(inp))
net.compile(optimizer="adam", loss="mse")
net.fit(np.random.rand(len(lfc), 120), expit(-lfc), epochs=20)
""",
        # one-hot labels from one arm of an `if` whose test is not known (the other arm uses an
        # encoder given as a parameter): the targets may be labels, so the rule stays silent
        """
import numpy as np
from keras import layers, models
from sklearn.preprocessing import OneHotEncoder


def to_targets(y, encoder=None):
    if y.ndim == 1:
        y = OneHotEncoder(sparse_output=False).fit_transform(y.reshape(-1, 1))
    else:
        y = encoder.transform(y)
    return y


names = np.random.choice(["cat", "dog", "fox"], 100)
inp = layers.Input(shape=(20,))
model = models.Model(inp, layers.Dense(3, activation="sigmoid")(inp))
model.compile(loss="mse", optimizer="adam")
model.fit(np.random.rand(100, 20), to_targets(names), epochs=3)
""",
        # min-max scaling written out per score, appended one by one (then made an array)
        """
import numpy as np
from keras import layers, models
lo, hi = 2.0, 12.0
labels = []
for line in open("scores.txt"):
    labels.append((float(line) - lo) / (hi - lo))
labels = np.asarray(labels)
inp = layers.Input(shape=(20,))
model = models.Model(inp, layers.Dense(1, activation="sigmoid")(layers.Dense(32, activation="relu")(inp)))
model.compile(loss="mean_squared_error", optimizer="adam")
model.fit(np.random.rand(len(labels), 20), labels, epochs=3)
""",
        # ... or in a list comprehension
        """
import numpy as np
from keras import layers, models
vals = [float(line) for line in open("scores.txt")]
lo, hi = min(vals), max(vals)
y = np.array([(v - lo) / (hi - lo) for v in vals])
inp = layers.Input(shape=(20,))
model = models.Model(inp, layers.Dense(1, activation="sigmoid")(inp))
model.compile(loss="mse", optimizer="adam")
model.fit(np.random.rand(len(y), 20), y, epochs=3)
""",
        # targets in [0, 1) the notebook saves, then loads back (rishi02102017/Speech_Understanding_Project)
        """
import numpy as np
from keras import layers, models
x = np.random.rand(200, 8)
np.save("arousal.npy", np.random.uniform(0, 1, size=200))
y = np.load("arousal.npy")[:150]
model = models.Sequential([layers.Input((8,)), layers.Dense(16, activation="relu"), layers.Dense(1, activation="sigmoid")])
model.compile(optimizer="adam", loss="mse")
model.fit(x[:150], y, epochs=2)
""",
        # ... or one unpickled when the file does not fit a new one
        """
import pickle
import numpy as np
from tensorflow import keras
class Normalizer:
    def __init__(self, data):
        self.lo, self.hi = np.nanmin(data, axis=0), np.nanmax(data, axis=0)
    def transform(self, data):
        return np.multiply(data - self.lo, 1.0 / (self.hi - self.lo))
def read(path, fresh):
    raw = np.loadtxt(path)
    if fresh:
        norm = Normalizer(raw)
    else:
        with open("norm.pkl", "rb") as f:
            norm = pickle.load(f)
    raw = norm.transform(raw)
    return raw[0], raw[1:]
header, data = read("learn.txt", False)
model = keras.Sequential([keras.layers.Dense(2, activation="elu"), keras.layers.Dense(data.shape[1], activation="sigmoid")])
model.compile(loss="mse", optimizer="adam")
model.fit(data, data, epochs=3)
""",
        # an autoencoder on data a normaliser class of the file transforms: what it does to the range
        # is not known here (feranick/DataML)
        """
import numpy as np
from tensorflow import keras
class Normalizer:
    def __init__(self, data):
        self.lo, self.hi = np.nanmin(data, axis=0), np.nanmax(data, axis=0)
    def transform(self, data):
        return np.multiply(data - self.lo, 1.0 / (self.hi - self.lo))
def read(path):
    raw = np.loadtxt(path)
    return raw[0], Normalizer(raw[1:]).transform(raw[1:])
header, data = read("learn.txt")
model = keras.Sequential([keras.layers.Dense(2, activation="elu"), keras.layers.Dense(data.shape[1], activation="sigmoid")])
model.compile(loss="mse", optimizer="adam")
model.fit(data, data, epochs=3)
""",
        # scikit-learn min-max scales the targets the wrapped model is fitted on
        """
import numpy as np
from scikeras.wrappers import KerasRegressor
from sklearn.compose import TransformedTargetRegressor
from sklearn.preprocessing import MinMaxScaler
from tensorflow import keras
def make_net():
    net = keras.Sequential([keras.layers.Dense(16, activation="relu"), keras.layers.Dense(1, activation="sigmoid")])
    net.compile(optimizer="adam", loss="mse")
    return net
reg = TransformedTargetRegressor(regressor=KerasRegressor(make_net, epochs=5), transformer=MinMaxScaler())
reg.fit(np.load("x.npy"), np.load("prices.npy"))
""",
        # targets drawn uniformly from [0, 1): a sigmoid's own range
        """
import numpy as np
from keras import layers, models
x, y = np.random.rand(200, 8), np.random.uniform(0, 1, size=200)
model = models.Sequential([layers.Input((8,)), layers.Dense(16, activation="relu"), layers.Dense(1, activation="sigmoid")])
model.compile(optimizer="adam", loss="mse")
model.fit(x, y, epochs=2)
""",
        # ... with the scores divided by their max where they are fitted
        """
import numpy as np
from tensorflow import keras
def load(paths):
    images, scores = [], []
    for p in paths:
        images.append(np.load(p + ".npy").ravel() / 255.0)
        scores.append([float(open(p + ".txt").read())])
    return images, scores
images, scores = load(["a", "b"])
x, y = np.array(images), np.array(scores) / np.max(scores)
model = keras.Sequential([keras.layers.Dense(32, activation="relu"), keras.layers.Dense(1, activation="sigmoid")])
model.compile(optimizer="adam", loss="mse")
model.fit(x, y, epochs=3)
""",
        # targets a method scales into (0, 1] through a local name it returns; two classes keep
        # their max alike
        """
import numpy as np
from keras.layers import Dense
from keras.models import Sequential
class Net:
    def __init__(self, x, sales, more):
        self.max_log = max(np.max(np.log(sales)), np.max(np.log(more)))
        self.model = Sequential([Dense(64, activation="relu", input_dim=8), Dense(1, activation="sigmoid")])
        self.model.compile(loss="mae", optimizer="adam")
        self.model.fit(x, self.scaled(sales), epochs=2)
    def scaled(self, val):
        val = np.log(val) / self.max_log
        return val
class WideNet:
    def __init__(self, x, sales, more):
        self.max_log = max(np.max(np.log(sales)), np.max(np.log(more)))
        self.model = Sequential([Dense(256, activation="relu", input_dim=8), Dense(1, activation="sigmoid")])
        self.model.compile(loss="mae", optimizer="adam")
        self.model.fit(x, self.scaled(sales), epochs=2)
    def scaled(self, val):
        val = np.log(val) / self.max_log
        return val
Net(np.random.rand(64, 8), np.random.uniform(1, 5000, 64), np.random.uniform(1, 5000, 64))
WideNet(np.random.rand(64, 8), np.random.uniform(1, 5000, 64), np.random.uniform(1, 5000, 64))
""",
        # the same frame min-max scaled into (-1, 1) in place: tanh's own range
        """
import pandas as pd
from sklearn.preprocessing import MinMaxScaler
from tensorflow import keras
frame = pd.read_csv("plant.csv")
frame[frame.columns] = MinMaxScaler(feature_range=(-1, 1)).fit_transform(frame[frame.columns])
x, y = frame.drop(columns=["power"]).values, frame["power"].values
model = keras.Sequential([keras.layers.Dense(32, activation="relu"), keras.layers.Dense(1, activation="tanh")])
model.compile(optimizer="adam", loss="mse")
model.fit(x, y, epochs=3)
""",
        # a sweep over hidden activations: the head is linear in every pass
        """
import numpy as np
from tensorflow import keras
x, y = np.load("x.npy"), np.load("prices.npy") * 1000.0
for act in ["relu", "tanh", "sigmoid"]:
    model = keras.Sequential([keras.layers.Dense(32, activation=act), keras.layers.Dense(1)])
    model.compile(optimizer="adam", loss="mse")
    model.fit(x, y, epochs=3)
""",
        # one scaler per target column, kept in a dict; each target is that scaler's [0, 1] output
        """
import numpy as np
import pandas as pd
from sklearn.preprocessing import MinMaxScaler
from tensorflow import keras
df = pd.read_csv("air_quality.csv")
X = MinMaxScaler().fit_transform(df[["temp", "rh"]].values)
targets, scalers = {}, {}
for col in ["CO", "NOx"]:
    scalers[col] = MinMaxScaler()
    targets[col] = scalers[col].fit_transform(df[[col]].values)
for col, y in targets.items():
    model = keras.Sequential([keras.layers.Dense(32, activation="relu"), keras.layers.Dense(1, activation="sigmoid")])
    model.compile(optimizer="adam", loss="mse")
    model.fit(X, y, epochs=30, verbose=0)
""",
        # divided by their max, then taken as an array
        """
import pandas as pd
from tensorflow import keras
df = pd.read_csv("p.csv")
max_price = df["price"].max()
y = (df["price"] / max_price).values
model = keras.Sequential([keras.Input((3,)), keras.layers.Dense(8, activation="relu"), keras.layers.Dense(1, activation="sigmoid")])
model.compile(optimizer="adam", loss="mse")
model.fit(df[["a", "b", "c"]].values, y, epochs=5)
""",
        # a QuantileTransformer's default output is uniform over [0, 1]
        """
import pandas as pd
from sklearn.preprocessing import QuantileTransformer
from tensorflow import keras
df = pd.read_csv("p.csv")
y = QuantileTransformer().fit_transform(df[["price"]]).ravel()
model = keras.Sequential([keras.Input((3,)), keras.layers.Dense(8, activation="relu"), keras.layers.Dense(1, activation="sigmoid")])
model.compile(optimizer="adam", loss="mse")
model.fit(df[["a", "b", "c"]].values, y, epochs=5)
""",
        # every target a loop stores in a dict is min-max scaled; another loop fits one model per target
        """
import numpy as np
import pandas as pd
from sklearn.preprocessing import MinMaxScaler
from tensorflow import keras
df = pd.read_csv("d.csv"); X = np.load("X.npy")
targets = {}
for c in ["a", "b"]:
    targets[c] = MinMaxScaler().fit_transform(df[[c]])
for c, y in targets.items():
    m = keras.Sequential([keras.layers.Dense(8, activation="relu"), keras.layers.Dense(1, activation="sigmoid")])
    m.compile(optimizer="adam", loss="mse")
    m.fit(X, y)
""",
        # the target column is cut from a frame built over MinMaxScaler's output
        """
import pandas as pd
from sklearn.preprocessing import MinMaxScaler
from tensorflow import keras
df = pd.read_csv("d.csv")
df2 = pd.DataFrame(MinMaxScaler().fit_transform(df), columns=df.columns)
y = df2["price"].values
X = df2.drop(columns=["price"]).values
m = keras.Sequential([keras.layers.Dense(8, activation="relu"), keras.layers.Dense(1, activation="sigmoid")])
m.compile(optimizer="adam", loss="mse")
m.fit(X, y)
""",
        # keras-tuner fits the model `build(hp)` returns on `search`'s arguments: churn labels, a
        # classifier trained with squared error
        """
import keras_tuner as kt
import pandas as pd
from tensorflow import keras
df = pd.read_csv("churn.csv")
x, y = df.drop(columns=["churned"]).values, (df["churned"] == "yes").astype(int).values
def build(hp):
    model = keras.Sequential([keras.layers.Dense(hp.Int("units", 16, 64, step=16), activation="relu"),
                              keras.layers.Dense(1, activation="sigmoid")])
    model.compile(optimizer="adam", loss="mse")
    return model
tuner = kt.RandomSearch(build, objective="val_loss", max_trials=5)
tuner.search(x, y, epochs=10, validation_split=0.2)
""",
        # the arm the call rules out compiles with a regression loss: only the arm taken counts
        """
from keras.models import Sequential
from keras.layers import Dense
def compile_for(model, regression=False):
    if regression:
        model.compile(loss="mse", optimizer="adam")
    else:
        model.compile(loss="binary_crossentropy", optimizer="adam", metrics=["accuracy"])
model = Sequential([Dense(8, activation="relu", input_dim=4), Dense(1, activation="sigmoid")])
compile_for(model)
model.fit(x, labels, epochs=3)
""",
        # a data class divides the whole array by its max; a method called on the construction
        # returns slices of it
        """
import numpy as np
from tensorflow import keras
class Energies:
    def __init__(self, path):
        raw = np.load(path)
        self.normalized = raw / np.amax(raw)
    def pairs(self):
        x = self.normalized[:, :, 0].reshape(-1, 1)
        y = self.normalized[:, :, 1].reshape(-1, 1)
        return x, y
x_train, y_train = Energies("cells.npy").pairs()
inp = keras.Input(shape=(1,))
model = keras.Model(inp, keras.layers.Dense(1, activation="sigmoid")(inp))
model.compile(loss="mean_squared_error", optimizer="adam")
model.fit(x_train, y_train, epochs=2)
""",
        # a normalization after the sigmoid: the output is no longer bounded
        """
import numpy as np
from keras.models import Sequential
from keras.layers import BatchNormalization, Dense
model = Sequential([Dense(16, activation="relu", input_shape=(8,)), Dense(1, activation="sigmoid"),
                    BatchNormalization()])
model.compile(optimizer="adam", loss="mse")
model.fit(np.random.rand(100, 8), np.random.rand(100) * 300.0, epochs=2)
""",
        # the loss an `if` on a flag picks: a crossentropy on one path, a regression loss on the other (either may run)
        """
import sys
import numpy as np
from keras.layers import Dense, Input
from keras.models import Model
DISEASE = len(sys.argv) > 1
inp = Input((64,))
out = Dense(14, activation="sigmoid", name="disease")(Dense(32, activation="relu")(inp))
model = Model(inp, out)
LOSS = "mae"
if DISEASE:
    LOSS = "binary_crossentropy"
else:
    LOSS = "mae"
model.compile(optimizer="adam", loss=LOSS)
model.fit(np.load("x.npy"), np.load("y.npy"), epochs=3)
""",
        # the look-alike: a line that stays inside [-1, 1] before a little noise is added
        """
import numpy as np
import tensorflow as tf
x = np.random.uniform(0, 10, 500).astype("float32")
noise = np.random.normal(0, 1.0, 500).astype("float32")
y = 0.05 * x + 0.1 * noise
model = tf.keras.Sequential([tf.keras.layers.Dense(10, activation="tanh", input_shape=(1,)),
                             tf.keras.layers.Dense(1, activation="tanh")])
model.compile(optimizer="sgd", loss="mean_squared_error")
model.fit(x, y, epochs=500, verbose=0)
""",
        # the look-alike: the `if` picks the task (a sigmoid classifier on labels, a linear regressor)
        """
import numpy as np
from keras.layers import Dense
from keras.models import Sequential
task = input()
if task == "cls":
    model = Sequential([Dense(16, activation="relu", input_dim=4), Dense(1, activation="sigmoid")])
    y = np.random.randint(0, 2, size=100)
else:
    model = Sequential([Dense(16, activation="relu", input_dim=4), Dense(1)])
    y = np.random.rand(100) * 1000
model.compile(optimizer="adam", loss="mse")
model.fit(np.random.rand(100, 4), y)
""",
        # a Sequence whose __getitem__ returns the boxes divided by an attribute holding their max
        """
import math
import numpy as np
from tensorflow.keras import layers, models
from tensorflow.keras.utils import Sequence
class BoxSequence(Sequence):
    def __init__(self, images, boxes, batch_size=16):
        super().__init__()
        self.images, self.boxes, self.batch_size = images, boxes, batch_size
        self.box_max = float(boxes.max())
    def __len__(self):
        return math.ceil(len(self.images) / self.batch_size)
    def __getitem__(self, i):
        s = slice(i * self.batch_size, (i + 1) * self.batch_size)
        return self.images[s] / 255.0, self.boxes[s] / self.box_max
model = models.Sequential([layers.Input(shape=(64, 64, 3)), layers.Conv2D(32, 3, activation="relu"),
                           layers.GlobalAveragePooling2D(), layers.Dense(4, activation="sigmoid")])
model.compile(optimizer="adam", loss="mse")
model.fit(BoxSequence(np.load("images.npy"), np.load("boxes.npy")), epochs=30)
""",
        # the look-alike: the generator divides the targets by their largest magnitude
        """
import numpy as np
from keras.models import Sequential
from keras.layers import Dense
def batches(x, y, bs=32):
    mu, sd = y.mean(), y.std()
    while True:
        idx = np.random.randint(0, len(x), bs)
        yield x[idx], y[idx] / np.abs(y).max()
x, y = np.load("x.npy"), np.load("y.npy")
m = Sequential([Dense(16, activation="relu", input_dim=4), Dense(1, activation="tanh")])
m.compile(optimizer="adam", loss="mse")
m.fit(batches(x, y), steps_per_epoch=len(x) // 32, epochs=10)
""",
        # min-max scaling written out, `(y - lo) / (hi - lo)`, in a CSV dataset's .map() and at the fit
        """
import numpy as np
import tensorflow as tf
from tensorflow import keras
Y_MIN, Y_MAX = 0.0, 500.0
def _scale(x, y):
    return x, (y - Y_MIN) / (Y_MAX - Y_MIN)
ds = tf.data.experimental.make_csv_dataset(["aqi.csv"], batch_size=32, label_name="aqi").map(_scale)
m = keras.Sequential([keras.layers.Dense(32, activation="relu"), keras.layers.Dense(1, activation="sigmoid")])
m.compile(optimizer="adam", loss="mse")
m.fit(ds, epochs=5)
y = np.loadtxt("aqi.csv")
lo, hi = y.min(), 500.0
m.fit(np.loadtxt("x.csv"), (y - lo) / (hi - lo), epochs=5)
""",
        # a builder serving both tasks: the sigmoid head is made only in the arm of the `if` naming
        # the classification task, whatever loss the regression caller passes through
        """
from keras import layers, models
import numpy as np
def build(cfg, loss):
    inp = layers.Input(shape=(cfg["n_in"],))
    h = layers.Dense(32, activation="relu")(inp)
    if cfg["task"] == "regression":
        out = layers.Dense(1)(h)
    elif cfg["task"] in ("binary", "multilabel"):
        out = layers.Dense(cfg["n_out"], activation="sigmoid")(h)
    else:
        raise ValueError(cfg["task"])
    net = models.Model(inp, out)
    net.compile(optimizer="adam", loss=loss)
    return net
def build_head(n_in, regression=True):
    net = models.Sequential([layers.Input((n_in,)), layers.Dense(16, activation="relu")])
    if regression:
        net.add(layers.Dense(1))
    else:
        net.add(layers.Dense(1, activation="sigmoid"))
    net.compile(optimizer="adam", loss="mse")
    return net
x, y = np.load("x.npy"), np.load("y.npy")
build({"n_in": 8, "task": TASK}, "mse").fit(x, y, epochs=5)
build_head(8, regression=IS_REG).fit(x, y, epochs=5)
""",
        # min-max scaling with bounds computed unless the caller gives them: in [0, 1] either way
        """
import numpy as np
from tensorflow import keras
def scale(y, lo=None, hi=None):
    lo = y.min() if lo is None else lo
    hi = hi or y.max()
    return (y - lo) / (hi - lo)
x, y = np.load("x.npy"), np.load("prices.npy")
m = keras.Sequential([keras.Input((8,)), keras.layers.Dense(1, activation="sigmoid")])
m.compile(optimizer="adam", loss="mse")
m.fit(x, scale(y), epochs=5)
""",
        # Bernoulli bits (one trial per draw) as targets, made by a generator: 0/1 labels
        """
import numpy as np
from tensorflow import keras
def batches(n):
    while True:
        bits = np.random.binomial(n=1, p=0.5, size=(n, 32))
        yield bits + np.random.normal(0, 0.1, (n, 32)), bits[:, :8]
m = keras.Sequential([keras.Input((32,)), keras.layers.Dense(8, activation="sigmoid")])
m.compile(optimizer="adam", loss="mse")
m.fit(batches(100), steps_per_epoch=10, epochs=2)
""",
        # variants added to one Sequential model in the arms of an `if`: the module constant picks the
        # linear one (the sigmoid arm never runs); a flag nothing decides leaves the head unknown
        """
import numpy as np
from keras.layers import Conv1D, Dense, Flatten, LSTM
from keras.models import Sequential
ACTIVE = "lstm"
x, y = np.load("x.npy"), np.load("counts.npy")
model = Sequential()
if ACTIVE == "lstm":
    model.add(LSTM(32, input_shape=(3, 8)))
    model.add(Dense(8))
else:
    model.add(Conv1D(64, 2, activation="relu", input_shape=(3, 8)))
    model.add(Flatten())
    model.add(Dense(8, activation="sigmoid"))
model.compile(loss="mae", optimizer="adam")
model.fit(x, y, epochs=30)
other = Sequential([LSTM(32, input_shape=(3, 8))])
if np.random.rand() > 0.5:
    other.add(Dense(8))
else:
    other.add(Dense(8, activation="sigmoid"))
other.compile(loss="mae", optimizer="adam")
other.fit(x, y, epochs=30)
""",
        # a sub-model compiled out of habit and only trained as the head of an outer model, whose own
        # compile (a crossentropy) is what trains it
        """
import numpy as np
from keras.layers import Dense, Input
from keras.models import Model
def value_head(width):
    inp = Input((width,))
    return Model(inp, Dense(1, activation="sigmoid")(Dense(32, activation="relu")(inp)))
feats = Input((16,))
head = value_head(16)
head.compile(loss="mae", optimizer="adam")
outer = Model(feats, head(Dense(16, activation="relu")(feats)))
outer.compile(loss="binary_crossentropy", optimizer="adam")
outer.fit(np.load("x.npy"), np.load("success.npy"), epochs=5)
""",
        # a generator yielding its targets keyed by the one output's name: Bernoulli bits, labels
        """
import numpy as np
from tensorflow import keras
def batches(n):
    while True:
        bits = np.random.binomial(n=1, p=0.5, size=(n, 32))
        yield {"signal": bits + np.random.normal(0, 0.1, (n, 32))}, {"decoded": bits[:, :8]}
inp = keras.Input((32,), name="signal")
m = keras.Model(inp, keras.layers.Dense(8, activation="sigmoid", name="decoded")(inp))
m.compile(optimizer="adam", loss="mse")
m.fit(batches(100), steps_per_epoch=10, epochs=2)
""",
        # a dataset of records (dicts of columns: a CSV read without `label_name`, a frame's columns)
        # that a .map() makes (x, y) pairs of, the targets divided by their max there
        """
import pandas as pd
import tensorflow as tf
PRICE_MAX = 750000.0
def parse(row):
    return tf.stack([row["sqft"], row["beds"]]), row["price"] / PRICE_MAX
rows = tf.data.experimental.make_csv_dataset("listings-*.csv", batch_size=1, num_epochs=1)
net = tf.keras.Sequential([tf.keras.Input((2,)), tf.keras.layers.Dense(1, activation="sigmoid")])
net.compile(optimizer="adam", loss="mse")
net.fit(rows.unbatch().map(parse).batch(256), epochs=10)
frame = pd.read_csv("houses.csv")
table = tf.data.Dataset.from_tensor_slices(dict(frame))
net.fit(table.map(lambda r: (tf.stack([r["sqft"], r["beds"]]), r["price"] / frame["price"].max())), epochs=10)
""",
        # targets divided by a name or an attribute holding their max, also through a method that
        # returns them so (entron/entity-embedding-rossmann@39b137968f75)
        """
import numpy as np
from keras.models import Sequential
from keras.layers import Dense, Activation
class Net:
    def __init__(self, x_train, y_train):
        self.top = np.max(np.log(y_train))
        self.model = Sequential([Dense(16, activation="relu", input_dim=4), Dense(1)])
        self.model.add(Activation("sigmoid"))
        self.model.compile(loss="mean_absolute_error", optimizer="adam")
        self.model.fit(x_train, self._scale(y_train), epochs=1)
    def _scale(self, val):
        return np.log(val) / self.top
Net(np.random.rand(100, 4), np.random.uniform(10, 1000, size=(100,)))
y = np.random.uniform(10, 1000, size=(100,))
top_y = np.max(y)
flat = Sequential([Dense(16, activation="relu", input_dim=4), Dense(1, activation="sigmoid")])
flat.compile(loss="mse", optimizer="adam")
flat.fit(np.random.rand(100, 4), y / top_y, epochs=1)
""",
        # the same Sequence handed the ages divided by their max
        """
import numpy as np
import keras
from keras.layers import Dense, Input
from keras.models import Model
class DataGen(keras.utils.Sequence):
    def __init__(self, x, y, batch_size):
        super().__init__()
        self.x, self.y, self.batch_size = x, y, batch_size
    def __len__(self):
        return len(self.x) // self.batch_size
    def __getitem__(self, i):
        s = slice(i * self.batch_size, (i + 1) * self.batch_size)
        return self.x[s], self.y[s]
x = np.random.rand(64, 8)
ages = np.random.uniform(1, 90, size=(64, 1))
inp = Input((8,))
model = Model(inp, Dense(1, activation="sigmoid")(inp))
model.compile(optimizer="adam", loss="mean_squared_error")
train = DataGen(x, ages / ages.max(), 16)
model.fit(train, epochs=1)
""",
        # a discriminator trained with squared error on literal 0/1 labels joined from repeated lists
        """
import numpy as np
from keras.models import Model
from keras.layers import Input, Dense, Activation
inputs = Input((8,))
d = Model(inputs=[inputs], outputs=[Activation("sigmoid")(Dense(1)(inputs))])
d.compile(loss="mse", optimizer="rmsprop")
BATCH_SIZE = 32
y = np.array([1] * BATCH_SIZE + [0] * BATCH_SIZE)
d.train_on_batch(np.random.rand(2 * BATCH_SIZE, 8), y)
""",
        # a builder's arm chosen by comparing its parameter with a literal: the regression arm runs
        """
import numpy as np
from keras.models import Sequential
from keras.layers import Dense
def build(kind="regression", n_outputs=1):
    model = Sequential([Dense(32, activation="relu", input_dim=4)])
    if kind == "regression" and n_outputs >= 1:
        model.add(Dense(n_outputs))
    if kind == "regression":
        model.add(Dense(1))
    else:
        model.add(Dense(1, activation="sigmoid"))
    return model
m = build("regression")
m.compile(optimizer="adam", loss="mse")
m.fit(np.load("x.npy"), np.load("prices.npy"), epochs=5)
""",
        # a dataset's map function divides the targets by their max, held in a name of the file
        """
import pandas as pd
import tensorflow as tf
df = pd.read_csv("diamonds.csv")
features = df[["carat", "depth"]].values.astype("float32")
labels = df["price"].values.astype("float32")
max_price = labels.max()
def scale(x, y):
    return x, y / max_price
ds = tf.data.Dataset.from_tensor_slices((features, labels)).map(scale).batch(256)
lam = tf.data.Dataset.from_tensor_slices((features, labels)).map(lambda a, b: (a, b / max_price)).batch(256)
model = tf.keras.Sequential([tf.keras.layers.Dense(64, activation="relu"), tf.keras.layers.Dense(1, activation="sigmoid")])
model.compile(optimizer="adam", loss="mae")
model.fit(ds, epochs=20)
model.fit(lam, epochs=20)
""",
        # tanh on a sine of amplitude one half: inside (-1, 1)
        """
import numpy as np
from keras.models import Sequential
from keras.layers import Dense, SimpleRNN
t = np.linspace(0, 60, 3000)
wave = 0.5 * np.sin(t)
windows = np.array([wave[i:i + 30] for i in range(len(wave) - 30)]).reshape(-1, 30, 1)
rnn = Sequential([SimpleRNN(32, input_shape=(30, 1)), Dense(1, activation="tanh")])
rnn.compile(optimizer="adam", loss="mse")
rnn.fit(windows, wave[30:], epochs=10)
""",
        # a subclass overrides its base model's `call`: its own head is the one trained
        """
import numpy as np
import keras
class Base(keras.Model):
    def __init__(self):
        super().__init__()
        self.h = keras.layers.Dense(32, activation="relu")
        self.prob = keras.layers.Dense(1, activation="sigmoid")
        self.value = keras.layers.Dense(1)
    def call(self, x):
        return self.prob(self.h(x))
class Regressor(Base):
    def call(self, x):
        return self.value(self.h(x))
model = Regressor()
model.compile(optimizer="adam", loss="mse")
model.fit(np.load("x.npy"), np.load("prices.npy"), epochs=5)
""",
        # the same subclass built linear, and one built two ways (which head a model gets is unknown)
        """
import numpy as np
import tensorflow as tf
class MLP(tf.keras.Model):
    def __init__(self, out_activation=None):
        super().__init__()
        self.h = tf.keras.layers.Dense(64, activation="relu")
        self.o = tf.keras.layers.Dense(1, activation=out_activation)
    def call(self, x):
        return self.o(self.h(x))
class Net(tf.keras.Model):
    def __init__(self, head="linear"):
        super().__init__()
        self.o = tf.keras.layers.Dense(1, activation=head)
    def call(self, x):
        return self.o(x)
model = MLP()
model.compile(optimizer="adam", loss="mse")
model.fit(np.load("x.npy"), np.load("house_prices.npy"), epochs=5)
a, b = Net("sigmoid"), Net()
b.compile(optimizer="adam", loss="mse")
b.fit(np.load("x.npy"), np.load("house_prices.npy"), epochs=5)
""",
        # the same shapes built linear: no keyword reaches the head, or only ones it does not read
        """
import numpy as np
import tensorflow as tf
class Base(tf.keras.Model):
    def __init__(self, out_activation=None, **kwargs):
        super().__init__(**kwargs)
        self.h = tf.keras.layers.Dense(64, activation="relu")
        self.o = tf.keras.layers.Dense(1, activation=out_activation)
    def call(self, x):
        return self.o(self.h(x))
class Regressor(Base):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)
def head(units=1, activation=None, **kwargs):
    return tf.keras.layers.Dense(units, activation=activation, **kwargs)
def build(n_in=4, **kwargs):
    inp = tf.keras.Input(shape=(n_in,))
    return tf.keras.Model(inp, head(**kwargs)(tf.keras.layers.Dense(32, activation="relu")(inp)))
model = Regressor(name="reg")
model.compile(optimizer="adam", loss="mse")
model.fit(np.load("x.npy"), np.load("house_prices.npy"), epochs=5)
other = build(name="out", kernel_initializer="zeros")
other.compile(optimizer="adam", loss="mse")
other.fit(np.load("x.npy"), np.load("house_prices.npy"), epochs=5)
""",
        # targets a data class scales in its __init__ and holds as an attribute
        """
import numpy as np
from sklearn.preprocessing import MinMaxScaler
from keras.models import Sequential
from keras.layers import Dense
class Dataset:
    def __init__(self, path):
        arr = np.loadtxt(path, delimiter=",", skiprows=1)
        self.x = arr[:, :-1]
        self.y = MinMaxScaler().fit_transform(arr[:, -1:])
ds = Dataset("boston.csv")
model = Sequential([Dense(64, activation="relu", input_dim=13), Dense(1, activation="sigmoid")])
model.compile(optimizer="adam", loss="mse")
model.fit(ds.x, ds.y, epochs=100)
""",
        # class names coded as 0 / 1 by pandas (map, replace, apply): a classifier trained with squared error
        """
import pandas as pd
from keras.models import Sequential
from keras.layers import Dense
df = pd.read_csv("churn.csv")
churn = df["Churn"].map({"Yes": 1, "No": 0}).values
sonar = df["Class"].replace(["M", "R"], [0, 1]).values
smoker = df["smoker"].apply(lambda v: 1 if v == "yes" else 0)
model = Sequential([Dense(16, activation="relu", input_dim=8), Dense(1, activation="sigmoid")])
model.compile(optimizer="adam", loss="mean_squared_error")
model.fit(df[["a", "b"]].values, churn, epochs=30)
model.fit(df[["a", "b"]].values, sonar, epochs=30)
model.fit(df[["a", "b"]].values, smoker, epochs=30)
""",
        # 0/1 labels drawn per sample and collected into a list (a classifier trained with squared error)
        """
import numpy as np
from keras.models import Sequential
from keras.layers import Dense
states, actions = [], []
for _ in range(500):
    states.append(np.random.rand(4))
    actions.append(np.random.randint(0, 2))
coins = np.array([np.random.choice([0, 1]) for _ in range(500)])
model = Sequential([Dense(24, input_shape=(4,), activation="relu"), Dense(1, activation="sigmoid")])
model.compile(loss="mean_squared_error", optimizer="adam", metrics=["binary_accuracy"])
model.fit(np.array(states), np.array(actions), epochs=10)
model.fit(np.array(states), coins, epochs=10)
""",
        # a tf.data pipeline whose map function scales the boxes by their max: it trains on [0, 1]
        """
import numpy as np
import tensorflow as tf
from tensorflow import keras
boxes = np.load("boxes.npy")
def prep(path, box):
    return tf.io.decode_png(tf.io.read_file(path)), box / tf.reduce_max(box)
ds = tf.data.Dataset.from_tensor_slices((np.load("paths.npy"), boxes)).map(prep).batch(16)
model = keras.Sequential([keras.Input((64, 64, 3)), keras.layers.Flatten(), keras.layers.Dense(4, activation="sigmoid")])
model.compile(optimizer="adam", loss="mse")
model.fit(ds, epochs=2)
""",
        # a generator that yields the boxes divided by their max: the targets it trains on are in [0, 1]
        """
import numpy as np
from tensorflow import keras
imgs, boxes = np.load("imgs.npy"), np.load("boxes.npy")
def batches(bs):
    while True:
        for i in range(0, len(imgs), bs):
            yield imgs[i:i + bs] / 255.0, boxes[i:i + bs] / boxes.max()
model = keras.Sequential([keras.Input((64, 64, 3)), keras.layers.Flatten(), keras.layers.Dense(4, activation="sigmoid")])
model.compile(optimizer="adam", loss="mse")
model.fit(batches(16), steps_per_epoch=10, epochs=2)
""",
        # softmax heads over several units with a squared error and no evidence the targets leave
        # [-1, 1]: classifiers trained with the Brier score, or votes shared out over the set
        """
import numpy as np
from tensorflow import keras
votes = np.load("votes.npy")
y = votes / np.load("weights.npy").sum()
model = keras.Sequential([keras.Input((64,)), keras.layers.Dense(10, activation="softmax")])
model.compile(optimizer="adam", loss="mse")
model.fit(np.random.rand(256, 64), y)
clf = keras.Sequential([keras.Input((20,)), keras.layers.Dense(5, activation="softmax")])
clf.compile(optimizer="adam", loss="mean_squared_error")
""",
        # an optional classification head the call leaves out (`disease_enabled=False`): never built
        """
import numpy as np
from keras import Input, Model
from keras.layers import Dense
def get_model(disease_enabled=False, bounded=True):
    inp = Input(shape=(32,))
    h = Dense(64, activation="relu")(inp)
    outputs = [Dense(1, name="age")(h)]
    if disease_enabled:
        outputs.append(Dense(14, activation="sigmoid", name="disease")(h))
    if not bounded:
        return Model(inputs=inp, outputs=outputs)
    return Model(inputs=inp, outputs=outputs)
model = get_model(disease_enabled=False)
model.compile("adam", loss="mae")
model.fit(np.random.rand(200, 32), np.random.uniform(0, 240, (200, 1)), epochs=2)
""",
        # uniform draws stretched to [-1, 1) for a tanh head, a single draw scaled (no array of
        # values to say where they lie), draws in [0, 1) for a sigmoid head
        """
import numpy as np
from tensorflow import keras
x = np.random.rand(100, 4)
tanh_net = keras.Sequential([keras.Input((4,)), keras.layers.Dense(1, activation="tanh")])
tanh_net.compile(optimizer="adam", loss="mse")
tanh_net.fit(x, np.random.rand(100) * 2 - 1, epochs=2)
tanh_net.fit(x, np.full(100, np.random.rand() * 80), epochs=2)
sig_net = keras.Sequential([keras.Input((4,)), keras.layers.Dense(1, activation="sigmoid")])
sig_net.compile(optimizer="adam", loss="mse")
sig_net.fit(x, np.random.random(100), epochs=2)
""",
        # two outputs, the sigmoid one fitted on targets scaled into [0, 1] (a list, in output order)
        """
import numpy as np
from sklearn.preprocessing import MinMaxScaler
from keras import layers, Model
inp = layers.Input(shape=(8,))
h = layers.Dense(16, activation="relu")(inp)
share = layers.Dense(1, activation="sigmoid")(h)
age = layers.Dense(1)(h)
model = Model(inp, [share, age])
y_share = MinMaxScaler().fit_transform(np.random.rand(100, 1) * 1000)
y_age = np.random.rand(100) * 80
model.compile(optimizer="adam", loss=["mse", "mae"])
model.fit(np.random.rand(100, 8), [y_share, y_age], epochs=2)
""",
        # targets clipped into [0, 1] (after a robust min-max scaling; or by the array's own method)
        """
import numpy as np
from tensorflow.keras import layers, Model
def robust_minmax(seq):
    lo, hi = np.percentile(seq, 2), np.percentile(seq, 98)
    return np.clip((seq - lo) / (hi - lo), 0.0, 1.0)
y = robust_minmax(np.random.rand(100) * 300)
z = (np.random.rand(100) * 3 - 1).clip(0, 1)
inp = layers.Input(shape=(4,))
out = layers.Dense(1, activation="sigmoid")(layers.Dense(8, activation="relu")(inp))
model = Model(inp, out)
model.compile(optimizer="adam", loss="mse")
model.fit(np.random.rand(100, 4), y, epochs=2)
other = Model(inp, out)
other.compile(optimizer="adam", loss="mse")
other.fit(np.random.rand(100, 4), z, epochs=2)
""",
        # the loss a callable class compiles with differs between its two constructions: unknown
        """
from tensorflow import keras
class Net:
    def __init__(self, loss):
        self.loss = loss
    def __call__(self):
        m = keras.Sequential([keras.Input((4,)), keras.layers.Dense(1, activation="sigmoid")])
        m.compile(optimizer="adam", loss=self.loss)
        return m
classifier = Net("binary_crossentropy")
regressor = Net("mse")
model = classifier()
""",
        # a static builder given a linear head by its caller
        """
from tensorflow import keras
class Nets:
    @staticmethod
    def build(n_features, act="sigmoid"):
        return keras.Sequential([keras.Input((n_features,)), keras.layers.Dense(1, activation=act)])
model = Nets.build(4, act="linear")
model.compile(optimizer="adam", loss="mse")
""",
        # targets MinMax-scaled, reshaped and indexed, then windowed: still in [0, 1]
        """
import numpy as np
import pandas as pd
from sklearn.preprocessing import MinMaxScaler
from keras.models import Sequential
from keras.layers import Dense, LSTM
df = pd.read_csv("flow.csv")
scaler = MinMaxScaler(feature_range=(0, 1)).fit(df["flow"].values.reshape(-1, 1))
flow = scaler.transform(df["flow"].values.reshape(-1, 1)).reshape(1, -1)[0]
rows = np.array([flow[i - 12: i + 1] for i in range(12, len(flow))])
x, y = rows[:, :-1].reshape(-1, 12, 1), rows[:, -1]
model = Sequential([LSTM(64, input_shape=(12, 1)), Dense(1, activation="sigmoid")])
model.compile(loss="mse", optimizer="rmsprop")
model.fit(x, y, epochs=10)
""",
        # a classifier trained with squared error on 0/1 labels: the sigmoid fits its targets
        """
import numpy as np
import keras
x = np.random.rand(400, 2)
y = np.logical_xor(x[:, 0] > 0.5, x[:, 1] > 0.5).astype("float32")
m = keras.Sequential([keras.Input((2,)), keras.layers.Dense(8, activation="relu"),
                      keras.layers.Dense(1), keras.layers.Activation("sigmoid")])
m.compile(optimizer="adam", loss="mse")
m.fit(x, y, epochs=20)
""",
        """
from keras.models import Sequential
from keras.layers import Dense
model = Sequential([Dense(8, activation="relu"), Dense(1)])
model.compile(loss="mse", optimizer="adam")
""",
        # targets scaled into [0, 1] with MinMaxScaler
        """
import numpy as np
from sklearn.preprocessing import MinMaxScaler
from keras.models import Sequential
from keras.layers import Dense
y = np.load("y.npy").reshape(-1, 1)
y = MinMaxScaler().fit_transform(y)
model = Sequential([Dense(8, activation="relu"), Dense(1, activation="sigmoid")])
model.compile(loss="mse", optimizer="adam")
model.fit(np.load("x.npy"), y)
""",
        # the scaled targets reach fit() through a helper's parameters
        """
import numpy as np
from sklearn.preprocessing import MinMaxScaler
from keras.models import Sequential
from keras.layers import Dense
def train(model, features, targets):
    model.fit(features, targets, epochs=3)
m = Sequential([Dense(8, activation="relu"), Dense(1, activation="sigmoid")])
m.compile(loss="mse", optimizer="adam")
train(m, np.load("x.npy"), MinMaxScaler().fit_transform(np.load("y.npy")))
""",
        # a rescaling layer after the sigmoid
        """
import tensorflow as tf
from tensorflow.keras import layers
inp = layers.Input(shape=(4,))
unit = layers.Dense(1, activation="sigmoid")(inp)
out = layers.Lambda(lambda t: t * 500000.0)(unit)
model = tf.keras.Model(inp, out)
model.compile(optimizer="adam", loss="mse")
""",
        # classification with sigmoid
        """
import keras
model = keras.Sequential([keras.layers.Dense(1, activation="sigmoid")])
model.compile(optimizer="adam", loss="binary_crossentropy")
""",
        # tanh with nothing in the file saying the targets leave [-1, 1] (steering angles read from a log)
        """
import csv
import numpy as np
from tensorflow.keras.models import Sequential
from tensorflow.keras.layers import Dense, Flatten
images, angles = [], []
with open("driving_log.csv") as f:
    for row in csv.reader(f):
        images.append(np.load(row[0]))
        angles.append(float(row[3]))
        angles.append(-float(row[3]))
model = Sequential([Flatten(), Dense(50, activation="relu"), Dense(1, activation="tanh")])
model.compile(loss="mse", optimizer="adam")
model.fit(np.array(images), np.array(angles), epochs=5)
""",
        # tanh on a series scaled into (-1, 1), cut into windows; the class wrapper with no targets
        """
import numpy as np
from sklearn.preprocessing import MinMaxScaler
from keras import models, layers
data = MinMaxScaler(feature_range=(-1, 1)).fit_transform(np.loadtxt("close.csv").reshape(-1, 1))
xs, ys = [], []
for i in range(48, len(data)):
    xs.append(data[i - 48:i, 0])
    ys.append(data[i, 0])
xs, ys = np.array(xs)[..., None], np.array(ys)
model = models.Sequential([layers.GRU(32), layers.Dense(1, activation="tanh")])
model.compile(optimizer="adam", loss="mean_squared_error")
model.fit(xs, ys, epochs=50)
class Net:
    def __init__(self, n):
        self.activation = "tanh"
        self.model = models.Sequential()
        self.model.add(layers.Dense(n, activation=self.activation))
        self.model.compile(optimizer="sgd", loss="mean_squared_error")
""",
        # tanh look-alikes: standardised inputs only, features standardised in place, targets
        # standardised then rescaled into (-1, 1), literal targets inside [-1, 1]
        """
import numpy as np
import pandas as pd
import keras
from sklearn.preprocessing import MinMaxScaler, StandardScaler
df = pd.read_csv("robot.csv")
cols = ["a", "b", "c"]
df[cols] = StandardScaler().fit_transform(df[cols])
x = StandardScaler().fit_transform(df[cols].values)
y = df["angle"].values
m1 = keras.Sequential([keras.layers.Dense(1, activation="tanh")])
m1.compile(optimizer="adam", loss="mse")
m1.fit(x, y)
z = StandardScaler().fit_transform(df[["torque"]])
z = MinMaxScaler(feature_range=(-1, 1)).fit_transform(z)
m2 = keras.Sequential([keras.layers.Dense(1, activation="tanh")])
m2.compile(optimizer="adam", loss="mse")
m2.fit(x, z)
m3 = keras.Sequential([keras.layers.Dense(1, activation="tanh")])
m3.compile(optimizer="adam", loss="mse")
m3.fit(x[:3], np.array([[0.5], [-0.25], [0.9]]))
""",
        # a user function called Dense
        """
import keras
def Dense(n, activation=None):
    return keras.layers.Dense(n)
model = keras.Sequential([Dense(1, activation="sigmoid")])
model.compile(optimizer="adam", loss="mse")
""",
        # earth mover's distance between score histograms (NIMA): the loss compares cumulative sums,
        # not y_pred with y_true, so it is no regression loss; softmax is the right head
        """
import numpy as np
from tensorflow import keras
from tensorflow.keras import backend as K
def emd(y_true, y_pred):
    cdf_true = K.cumsum(y_true, axis=-1)
    cdf_pred = K.cumsum(y_pred, axis=-1)
    return K.mean(K.sqrt(K.mean(K.square(cdf_true - cdf_pred), axis=-1)))
inp = keras.Input(shape=(64,))
out = keras.layers.Dense(10, activation="softmax")(inp)
model = keras.Model(inp, out)
model.compile(optimizer="adam", loss=emd)
model.fit(np.random.rand(256, 64), np.random.rand(256, 10))
""",
        # targets normalised per row to sum to 1: every entry is in [0, 1], a distribution for softmax
        """
import numpy as np
from tensorflow import keras
votes = np.random.randint(0, 50, size=(256, 10)).astype("float32")
y = votes / votes.sum(axis=1, keepdims=True)
model = keras.Sequential([keras.Input((64,)), keras.layers.Dense(10, activation="softmax")])
model.compile(optimizer="adam", loss="mse")
model.fit(np.random.rand(256, 64), y)
""",
        # the same, normalised in place
        """
import numpy as np
from tensorflow import keras
values = np.load("scores.npy")
values /= values.sum(axis=-1, keepdims=True)
model = keras.Sequential([keras.Input((64,)), keras.layers.Dense(10, activation="softmax")])
model.compile(optimizer="adam", loss="mse")
model.fit(np.load("x.npy"), values)
""",
        # the target column made in [0, 1] by `assign` (a lambda of the frame), then read by name
        """\
import pandas as pd
from tensorflow import keras

trips = pd.read_csv("trips.csv").assign(share=lambda d: (d.fare - d.fare.min()) / (d.fare.max() - d.fare.min()))
x = trips[["km", "minutes"]].values
y = trips["share"].values
m = keras.Sequential([keras.Input((2,)), keras.layers.Dense(16, activation="relu"),
                      keras.layers.Dense(1, activation="sigmoid")])
m.compile(optimizer="adam", loss="mse")
m.fit(x, y, epochs=5)
""",
        # a pipeline on the targets that ends in a MinMaxScaler: in [0, 1]
        """\
import pandas as pd
from sklearn.impute import SimpleImputer
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import MinMaxScaler
from tensorflow import keras

df = pd.read_csv("yield.csv")
x = df[["rain", "temp", "soil"]].values
y = Pipeline([("fill", SimpleImputer()), ("unit", MinMaxScaler())]).fit_transform(df[["tonnes"]])
m = keras.Sequential([keras.Input((3,)), keras.layers.Dense(16, activation="relu"),
                      keras.layers.Dense(1, activation="sigmoid")])
m.compile(optimizer="adam", loss="mse")
m.fit(x, y, epochs=5)
""",
        # scikit-learn's minmax_scale applied through pandas' `pipe`: in [0, 1]
        """\
import pandas as pd
from sklearn.preprocessing import minmax_scale
from tensorflow import keras

air = pd.read_csv("air.csv")
x = air[["no2", "wind", "temp"]].values
y = air["pm10"].pipe(minmax_scale).to_numpy()
m = keras.Sequential([keras.Input((3,)), keras.layers.Dense(16, activation="relu"),
                      keras.layers.Dense(1, activation="sigmoid")])
m.compile(optimizer="adam", loss="mse")
m.fit(x, y, epochs=5)
""",
        # the target column itself scaled by name, then popped
        """\
import pandas as pd
from tensorflow import keras

cars = pd.read_csv("cars.csv")
cars["price"] = cars["price"] / cars["price"].max()
price = cars.pop("price").values
m = keras.Sequential([keras.Input((cars.shape[1],)), keras.layers.Dense(16, activation="relu"),
                      keras.layers.Dense(1, activation="sigmoid")])
m.compile(optimizer="adam", loss="mse")
m.fit(cars.values, price, epochs=5)
""",
        # a data class reads the targets raw, then divides them by their max: the last write counts
        """\
import pandas as pd
from tensorflow import keras


class Grid:
    def __init__(self, path):
        df = pd.read_csv(path)
        self.x = df.drop(columns=["demand"]).values
        self.y = df["demand"].values.astype("float64")
        self.y = self.y / self.y.max()


g = Grid("grid.csv")
m = keras.Sequential([keras.Input((g.x.shape[1],)), keras.layers.Dense(32, activation="relu"),
                      keras.layers.Dense(1, activation="sigmoid")])
m.compile(optimizer="adam", loss="mse")
m.fit(g.x, g.y, epochs=5)
""",
        # a tf.data pipeline filtered, then mapped to targets divided by their max
        """\
import pandas as pd
import tensorflow as tf

lots = pd.read_csv("lots.csv")
TOP = lots["price"].max()
ds = tf.data.Dataset.from_tensor_slices((lots[["bids", "views"]].values, lots["price"].values))
ds = ds.filter(lambda x, y: y > 0).map(lambda x, y: (x, y / TOP)).batch(32)
m = tf.keras.Sequential([tf.keras.Input((2,)), tf.keras.layers.Dense(1, activation="sigmoid")])
m.compile(optimizer="adam", loss="mse")
m.fit(ds, epochs=3)
""",
        # each row divided by its group's max (`transform("max")`): in [0, 1]
        """\
import pandas as pd
from tensorflow import keras

shops = pd.read_csv("shops.csv")
y = (shops["sales"] / shops.groupby("shop")["sales"].transform("max")).values
m = keras.Sequential([keras.Input((3,)), keras.layers.Dense(1, activation="sigmoid")])
m.compile(optimizer="adam", loss="mse")
m.fit(shops[["promo", "dow", "holiday"]].values, y, epochs=3)
""",
        # scikit-learn's minmax_scale bound with functools.partial, then applied to the targets
        """\
from functools import partial

import pandas as pd
from sklearn.preprocessing import minmax_scale
from tensorflow import keras

to_unit = partial(minmax_scale, feature_range=(0, 1))
crops = pd.read_csv("crops.csv")
y = to_unit(crops["yield"].values)
m = keras.Sequential([keras.Input((3,)), keras.layers.Dense(1, activation="sigmoid")])
m.compile(optimizer="adam", loss="mse")
m.fit(crops[["rain", "temp", "n"]].values, y, epochs=3)
""",
        # box corners divided by the image's width / height (read off its shape): in [0, 1]
        """\
import cv2
import numpy as np
from tensorflow import keras

images, boxes = [], []
for line in open("boxes.csv"):
    path, x0, y0, x1, y1 = line.strip().split(",")
    img = cv2.imread(path)
    (h, w) = img.shape[:2]
    images.append(cv2.resize(img, (128, 128)))
    boxes.append((float(x0) / w, float(y0) / h, float(x1) / w, float(y1) / h))
x = np.array(images, dtype="float32") / 255.0
y = np.array(boxes, dtype="float32")
m = keras.Sequential([keras.Input((128, 128, 3)), keras.layers.Flatten(), keras.layers.Dense(4, activation="sigmoid")])
m.compile(optimizer="adam", loss="mse")
m.fit(x, y, epochs=3)
""",
        # min-max scaling written in a lambda piped over the target column
        """\
import numpy as np
import pandas as pd
from tensorflow import keras

hotel = pd.read_csv("hotel.csv")
occ = hotel["occupancy"].pipe(lambda s: (s - s.min()) / np.ptp(s)).values
m = keras.Sequential([keras.Input((3,)), keras.layers.Dense(1, activation="sigmoid")])
m.compile(optimizer="adam", loss="mse")
m.fit(hotel[["dow", "month", "rate"]].values, occ, epochs=3)
""",
        # a generator run by tf.data's from_generator yields targets divided by their max
        """\
import numpy as np
import tensorflow as tf

X = np.load("x.npy")
T = np.load("t.npy")
top = T.max()


def rows():
    for x, t in zip(X, T):
        yield x, t / top


ds = tf.data.Dataset.from_generator(rows, output_signature=(tf.TensorSpec((4,)), tf.TensorSpec(()))).batch(32)
m = tf.keras.Sequential([tf.keras.Input((4,)), tf.keras.layers.Dense(1, activation="sigmoid")])
m.compile(optimizer="adam", loss="mse")
m.fit(ds, epochs=3)
""",
        # a tf.data map divides the targets by their max, written down as a named constant
        """\
import numpy as np
import tensorflow as tf

Y_MAX = 560.0
x, y = np.load("x.npy"), np.load("fares.npy")
ds = tf.data.Dataset.from_tensor_slices((x, y)).map(lambda a, b: (a, b / Y_MAX)).batch(64)
m = tf.keras.Sequential([tf.keras.Input((9,)), tf.keras.layers.Dense(1, activation="sigmoid")])
m.compile(optimizer="adam", loss="mse")
m.fit(ds, epochs=3)
""",
        # compiled, but trained only by a GradientTape loop of its own: the compiled loss trains nothing
        """\
import tensorflow as tf
from tensorflow import keras


def build():
    inp = keras.Input((784,))
    h = keras.layers.Dense(64, activation="relu")(inp)
    m = keras.Model(inp, keras.layers.Dense(784, activation="sigmoid")(h))
    m.compile(optimizer="adam", loss="mse")
    return m


ae = build()
opt = keras.optimizers.Adam(1e-3)
for x in load_batches():
    with tf.GradientTape() as tape:
        loss = tf.reduce_mean(tf.square(x - ae(x, training=True)))
    grads = tape.gradient(loss, ae.trainable_variables)
    opt.apply_gradients(zip(grads, ae.trainable_variables))
""",
        # ... scaled into [-1, 1] by the data class: the tanh head's own range
        """\
import numpy as np
from sklearn.preprocessing import MinMaxScaler
from tensorflow import keras


class Table:
    def __init__(self, path):
        raw = np.load(path)
        self.x = raw[:, :-1]
        self.y = MinMaxScaler(feature_range=(-1, 1)).fit_transform(raw[:, -1:])


data = Table("rows.npy")
m = keras.Sequential([keras.Input((7,)), keras.layers.Dense(1, activation="tanh")])
m.compile(optimizer="adam", loss="mse")
m.fit(data.x, data.y, epochs=3)
""",
        # a Sequence scaling its images and its targets (in its constructor)
        """
import numpy as np
import pandas as pd
from keras import layers, models
from keras.utils import Sequence


class Batches(Sequence):
    def __init__(self, paths, counts):
        super().__init__()
        self.paths = paths
        self.counts = counts / counts.max()

    def __len__(self):
        return len(self.paths) // 16

    def __getitem__(self, i):
        sl = slice(i * 16, (i + 1) * 16)
        imgs = np.stack([np.load(p) for p in self.paths[sl]]) / 255.0
        return imgs, np.asarray(self.counts[sl])


meta = pd.read_csv("counts.csv")
m = models.Sequential([layers.Input((64, 64, 3)), layers.GlobalAveragePooling2D(),
                       layers.Dense(1, activation="sigmoid")])
m.compile(optimizer="adam", loss="mse")
m.fit(Batches(meta["path"].values, meta["count"].values), epochs=5)
""",
        # a generator scaling its images, given targets the script scaled
        """
import numpy as np
import pandas as pd
from keras import layers, models


def batches(paths, counts):
    while True:
        i = np.random.randint(0, len(paths), 16)
        imgs = np.stack([np.load(p) for p in paths[i]]) / 255.0
        yield imgs, counts[i]


meta = pd.read_csv("counts.csv")
ys = meta["count"].values / meta["count"].max()
m = models.Sequential([layers.Input((64, 64, 3)), layers.GlobalAveragePooling2D(),
                       layers.Dense(1, activation="sigmoid")])
m.compile(optimizer="adam", loss="mse")
m.fit(batches(meta["path"].values, ys), steps_per_epoch=50, epochs=5)
""",
        # a generator appending each batch's targets after dividing them by the image's extent
        """
import numpy as np
from keras import layers, models


def batches(records):
    while True:
        xs, ys = [], []
        for img, box in records:
            h, w = img.shape[:2]
            xs.append(img / 255.0)
            pts = np.asarray(box, dtype="float32")
            ys.append(np.concatenate([pts[:, 0] / w, pts[:, 1] / h]))
        yield np.array(xs), np.array(ys)


records = np.load("records.npy", allow_pickle=True)
m = models.Sequential([layers.Input((64, 64, 3)), layers.GlobalAveragePooling2D(),
                       layers.Dense(2, activation="sigmoid")])
m.compile(optimizer="adam", loss="mse")
m.fit(batches(records), steps_per_epoch=50, epochs=5)
""",
        # a Sequence dividing its targets by a maximum on the way to its return
        """
import numpy as np
from keras import layers, models
from keras.utils import Sequence


class AgeBatches(Sequence):
    def __init__(self, images, ages, top=None):
        super().__init__()
        self.images, self.ages = images, ages
        self.top = top if top is not None else float(ages.max())

    def __len__(self):
        return len(self.images) // 32

    def __getitem__(self, i):
        x = self.images[i * 32:(i + 1) * 32] / 255.0
        y = self.ages[i * 32:(i + 1) * 32] / self.top
        return x, y


m = models.Sequential([layers.Input((64, 64, 3)), layers.GlobalAveragePooling2D(),
                       layers.Dense(1, activation="sigmoid")])
m.compile(optimizer="adam", loss="mae")
m.fit(AgeBatches(np.load("faces.npy"), np.load("ages.npy")), epochs=5)
""",
        # a splat that may pass the head's activation: which one is not known
        """
import sys
import pandas as pd
from keras.models import Sequential
from keras.layers import Dense
def build(n_features, hidden=64, head="sigmoid"):
    return Sequential([Dense(hidden, activation="relu", input_shape=(n_features,)),
                       Dense(1, activation=head)])
opts = {"hidden": 128} if "--big" in sys.argv else {"hidden": 32, "head": "linear"}
df = pd.read_csv("houses.csv")
model = build(8, **opts)
model.compile(loss="mse", optimizer="adam")
model.fit(df.drop(columns="price").values, df["price"].values, epochs=5)
""",
        # a sweep over builders, the bounded one fitted on targets scaled into [0, 1] like the rest
        """
import functools
from sklearn.datasets import load_diabetes
from tensorflow import keras
def build(n_in, head="linear", width=32):
    return keras.Sequential([keras.layers.Input((n_in,)),
                             keras.layers.Dense(width, activation="relu"),
                             keras.layers.Dense(1, activation=head)])
x, y = load_diabetes(return_X_y=True)
y01 = (y - y.min()) / (y.max() - y.min())
for make in (build, functools.partial(build, head="sigmoid"), functools.partial(build, width=128)):
    model = make(x.shape[1])
    model.compile(optimizer="adam", loss="mse")
    model.fit(x, y01, epochs=5)
""",
        # landmark coordinates joined after each is divided by the image's extent along its axis
        """
import json

import cv2
import numpy as np
from tensorflow.keras import layers, models

images, targets = [], []
for rec in json.load(open("landmarks.json")):
    img = cv2.imread(rec["path"])
    (h, w) = img.shape[:2]
    pts = np.array(rec["points"], dtype="float32").reshape(-1, 2)
    images.append(cv2.resize(img, (128, 128)) / 255.0)
    targets.append(np.concatenate([pts[:, 0] / w, pts[:, 1] / h]))
x, y = np.array(images), np.array(targets)
inp = layers.Input((128, 128, 3))
out = layers.Dense(y.shape[1], activation="sigmoid")(layers.Flatten()(inp))
net = models.Model(inp, out)
net.compile(optimizer="adam", loss="mse")
net.fit(x, y, epochs=5)
""",
        # a tf.data map scales the labels into [-1, 1]: what a tanh head is for
        """
import pandas as pd
import tensorflow as tf

frame = pd.read_csv("housing.csv").dropna()
labels = frame.pop("median_house_value").values.astype("float32")
lo, hi = labels.min(), labels.max()
ds = tf.data.Dataset.from_tensor_slices((frame.values.astype("float32"), labels))
ds = ds.shuffle(1000).map(lambda f, y: (f, (y - lo) / (hi - lo) * 2.0 - 1.0)).batch(64)
model = tf.keras.Sequential([tf.keras.Input((frame.shape[1],)), tf.keras.layers.Dense(32, activation="relu"),
                             tf.keras.layers.Dense(1, activation="tanh")])
model.compile(optimizer="adam", loss="mse")
model.fit(ds, epochs=10)
""",
        # a registry of builders picked by a required option, the series min-max scaled first
        """
import argparse

import numpy as np
import pandas as pd
from keras.layers import LSTM, Dense, Input
from keras.models import Sequential


def recurrent(steps):
    return Sequential([Input((steps, 1)), LSTM(32), Dense(1, activation="sigmoid")])


def dense(steps):
    return Sequential([Input((steps, 1)), Dense(32, activation="relu"), Dense(1)])


BUILDERS = {"lstm": recurrent, "mlp": dense}
parser = argparse.ArgumentParser()
parser.add_argument("--net", choices=sorted(BUILDERS), required=True)
opts = parser.parse_args()
flow = pd.read_csv("traffic.csv")["flow"].values.astype("float32")
flow = (flow - flow.min()) / (flow.max() - flow.min())
x = np.array([flow[i - 12:i] for i in range(12, len(flow))])[..., None]
net = BUILDERS[opts.net](12)
net.compile(loss="mse", optimizer="adam")
net.fit(x, flow[12:], epochs=10)
""",
        # a data class whose method splits stratified by its `self.y`: class labels, fitted as `data.y`
        """
import numpy as np
from sklearn.model_selection import StratifiedKFold
from tensorflow import keras


class Monk:
    def __init__(self, path):
        table = np.loadtxt(path, dtype=int)
        self.x, self.y = table[:, 1:].astype("float32"), table[:, :1]

    def folds(self, k=5):
        return StratifiedKFold(n_splits=k, shuffle=True).split(self.x, self.y)


data = Monk("monks-1.train")
net = keras.Sequential([keras.Input((data.x.shape[1],)), keras.layers.Dense(4, activation="tanh"),
                        keras.layers.Dense(1, activation="sigmoid")])
net.compile(optimizer="sgd", loss="mse")
for tr, va in data.folds():
    net.fit(data.x[tr], data.y[tr], validation_data=(data.x[va], data.y[va]), epochs=20)
""",
        # a Sequence giving two outputs' targets, the sigmoid one's divided by its max in the constructor
        # (beside an input scaling)
        """
import numpy as np
import pandas as pd
from tensorflow import keras
from tensorflow.keras import layers


class Drives(keras.utils.Sequence):
    def __init__(self, csv_path, batch_size=32):
        log = pd.read_csv(csv_path)
        self.frames = log["frame"].tolist()
        speed = log["speed"].to_numpy("float32")
        self.speed = speed / speed.max()
        self.steer = log["steering"].to_numpy("float32")
        self.batch_size = batch_size

    def __len__(self):
        return len(self.frames) // self.batch_size

    def __getitem__(self, i):
        s = slice(i * self.batch_size, (i + 1) * self.batch_size)
        batch = np.stack([np.load(p) for p in self.frames[s]]) / 255.0
        return batch, {"steer": self.steer[s], "speed": self.speed[s]}


inp = keras.Input(shape=(66, 200, 3))
h = layers.GlobalAveragePooling2D()(layers.Conv2D(24, 5, strides=2, activation="relu")(inp))
steer = layers.Dense(1, name="steer")(h)
speed = layers.Dense(1, activation="sigmoid", name="speed")(h)
model = keras.Model(inp, [steer, speed])
model.compile(optimizer="adam", loss={"steer": "mse", "speed": "mse"})
model.fit(Drives("log.csv"), epochs=5)
""",
        # the same, scaled by a method of the class the constructor calls
        """
import numpy as np
import pandas as pd
from tensorflow import keras
from tensorflow.keras import layers


class Drives(keras.utils.Sequence):
    def __init__(self, csv_path, batch_size=32):
        log = pd.read_csv(csv_path)
        self.frames = log["frame"].tolist()
        speed = log["speed"].to_numpy("float32")
        self.speed = self._unit(speed)
        self.steer = log["steering"].to_numpy("float32")
        self.batch_size = batch_size

    def _unit(self, v):
        return v / v.max()

    def __len__(self):
        return len(self.frames) // self.batch_size

    def __getitem__(self, i):
        s = slice(i * self.batch_size, (i + 1) * self.batch_size)
        batch = np.stack([np.load(p) for p in self.frames[s]]) / 255.0
        return batch, {"steer": self.steer[s], "speed": self.speed[s]}


inp = keras.Input(shape=(66, 200, 3))
h = layers.GlobalAveragePooling2D()(layers.Conv2D(24, 5, strides=2, activation="relu")(inp))
steer = layers.Dense(1, name="steer")(h)
speed = layers.Dense(1, activation="sigmoid", name="speed")(h)
model = keras.Model(inp, [steer, speed])
model.compile(optimizer="adam", loss={"steer": "mse", "speed": "mse"})
model.fit(Drives("log.csv"), epochs=5)
""",
        # the same, scaled by another method run before the fit: the constructor's raw values are not what
        # the batches read
        """
import numpy as np
import pandas as pd
from tensorflow import keras
from tensorflow.keras import layers


class Drives(keras.utils.Sequence):
    def __init__(self, csv_path, batch_size=32):
        log = pd.read_csv(csv_path)
        self.frames = log["frame"].tolist()
        speed = log["speed"].to_numpy("float32")
        self.speed = speed
        self.steer = log["steering"].to_numpy("float32")
        self.batch_size = batch_size

    def normalise(self):
        self.speed = self.speed / self.speed.max()

    def __len__(self):
        return len(self.frames) // self.batch_size

    def __getitem__(self, i):
        s = slice(i * self.batch_size, (i + 1) * self.batch_size)
        batch = np.stack([np.load(p) for p in self.frames[s]]) / 255.0
        return batch, {"steer": self.steer[s], "speed": self.speed[s]}


inp = keras.Input(shape=(66, 200, 3))
h = layers.GlobalAveragePooling2D()(layers.Conv2D(24, 5, strides=2, activation="relu")(inp))
steer = layers.Dense(1, name="steer")(h)
speed = layers.Dense(1, activation="sigmoid", name="speed")(h)
model = keras.Model(inp, [steer, speed])
model.compile(optimizer="adam", loss={"steer": "mse", "speed": "mse"})
train = Drives("log.csv")
train.normalise()
model.fit(train, epochs=5)
""",
        # the same, scaled per batch in __getitem__
        """
import numpy as np
import pandas as pd
from tensorflow import keras
from tensorflow.keras import layers


class Drives(keras.utils.Sequence):
    def __init__(self, csv_path, batch_size=32):
        log = pd.read_csv(csv_path)
        self.frames = log["frame"].tolist()
        speed = log["speed"].to_numpy("float32")
        self.speed = speed
        self.top = speed.max()
        self.steer = log["steering"].to_numpy("float32")
        self.batch_size = batch_size

    def __len__(self):
        return len(self.frames) // self.batch_size

    def __getitem__(self, i):
        s = slice(i * self.batch_size, (i + 1) * self.batch_size)
        batch = np.stack([np.load(p) for p in self.frames[s]]) / 255.0
        return batch, {"steer": self.steer[s], "speed": self.speed[s] / self.top}


inp = keras.Input(shape=(66, 200, 3))
h = layers.GlobalAveragePooling2D()(layers.Conv2D(24, 5, strides=2, activation="relu")(inp))
steer = layers.Dense(1, name="steer")(h)
speed = layers.Dense(1, activation="sigmoid", name="speed")(h)
model = keras.Model(inp, [steer, speed])
model.compile(optimizer="adam", loss={"steer": "mse", "speed": "mse"})
model.fit(Drives("log.csv"), epochs=5)
""",
        # the same with a tf.data .map() function scaling that output's targets by a max constant
        """
import pandas as pd
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers

SPEED_MAX = 40.0
log = pd.read_csv("log.csv")


def parse(path, steer, speed):
    img = tf.cast(tf.io.decode_png(tf.io.read_file(path)), tf.float32) / 255.0
    return img, {"steer": steer, "speed": speed / SPEED_MAX}


ds = tf.data.Dataset.from_tensor_slices((log["frame"].values, log["steering"].values, log["speed"].values))
ds = ds.map(parse).batch(32)
inp = keras.Input(shape=(66, 200, 3))
h = layers.GlobalAveragePooling2D()(layers.Conv2D(24, 5, strides=2, activation="relu")(inp))
steer = layers.Dense(1, name="steer")(h)
speed = layers.Dense(1, activation="sigmoid", name="speed")(h)
model = keras.Model(inp, [steer, speed])
model.compile(optimizer="adam", loss={"steer": "mse", "speed": "mse"})
model.fit(ds, epochs=5)
""",
        # a generator yielding rows of its parameter, passed targets divided by their max
        """
import numpy as np
from keras import layers, models

x = np.load("x.npy")
y = np.load("y.npy")
y_unit = y / y.max()


def batches(feats, targets, bs=64):
    while True:
        idx = np.random.randint(0, len(feats), bs)
        xb = feats[idx] / 255.0
        yield xb, targets[idx]


m = models.Sequential([layers.Input((32,)), layers.Dense(16, activation="relu"),
                       layers.Dense(1, activation="sigmoid")])
m.compile(optimizer="adam", loss="mse")
m.fit(batches(x, y_unit), steps_per_epoch=50, epochs=5)
""",
        # a generator scaling each batch's targets in a local of its own: left to the file's [0, 1] scalings
        """
import numpy as np
from keras import layers, models

x = np.load("x.npy")
y = np.load("y.npy")


def batches(bs=64):
    while True:
        idx = np.random.randint(0, len(x), bs)
        xb = x[idx] / 255.0
        yb = y[idx] / 40.0
        yield xb, yb


m = models.Sequential([layers.Input((32,)), layers.Dense(16, activation="relu"),
                       layers.Dense(1, activation="sigmoid")])
m.compile(optimizer="adam", loss="mse")
m.fit(batches(), steps_per_epoch=50, epochs=5)
""",
        # a one-output Sequence standardising in its constructor, squashed into [-1, 1] by a method run before the fit
        """
import numpy as np
import pandas as pd
from tensorflow import keras
from tensorflow.keras import layers


class Drives(keras.utils.Sequence):
    def __init__(self, csv_path, batch_size=32):
        log = pd.read_csv(csv_path)
        self.frames = log["frame"].tolist()
        steer = log["steering"].to_numpy("float32")
        self.steer = (steer - steer.mean()) / steer.std()
        self.batch_size = batch_size

    def squash(self):
        self.steer = self.steer / np.abs(self.steer).max()

    def __len__(self):
        return len(self.frames) // self.batch_size

    def __getitem__(self, i):
        s = slice(i * self.batch_size, (i + 1) * self.batch_size)
        return np.stack([np.load(p) for p in self.frames[s]]) / 255.0, self.steer[s]


train = Drives("log.csv")
train.squash()
inp = keras.Input(shape=(66, 200, 3))
h = layers.GlobalAveragePooling2D()(layers.Conv2D(24, 5, strides=2, activation="relu")(inp))
model = keras.Model(inp, layers.Dense(1, activation="tanh")(h))
model.compile(optimizer="adam", loss="mse")
model.fit(train, epochs=5)
""",
        # a conditional expression picking a sigmoid or a linear head: one run is linear, nothing is sure
        """\
import sys

import numpy as np
from tensorflow import keras

rng = np.random.default_rng(1)
feats = rng.normal(size=(2000, 4))
target = rng.uniform(0, 100, 2000) + 3.0 * feats[:, 0]
head = "sigmoid" if sys.argv[1] == "bounded" else None
net = keras.Sequential([keras.Input((4,)), keras.layers.Dense(32, activation="relu"),
                        keras.layers.Dense(1, activation=head)])
net.compile(optimizer="adam", loss="mse")
net.fit(feats, target, epochs=50)
""",
        # arms picking sigmoid or hard_sigmoid on targets min-max scaled into [0, 1]: both fit
        """\
import sys

import numpy as np
from sklearn.preprocessing import MinMaxScaler
from tensorflow import keras

rng = np.random.default_rng(1)
feats = rng.normal(size=(2000, 4))
target = MinMaxScaler().fit_transform((rng.uniform(0, 100, 2000) + 3.0 * feats[:, 0]).reshape(-1, 1))
if sys.argv[1] == "s":
    head = "sigmoid"
else:
    head = "hard_sigmoid"
net = keras.Sequential([keras.Input((4,)), keras.layers.Dense(1, activation=head)])
net.compile(optimizer="adam", loss="mse")
net.fit(feats, target, epochs=50)
""",
        # one arm's head read from a config file: not known (not the 'sigmoid' the other arm writes last)
        """\
import json
import sys

import numpy as np
from tensorflow import keras

rng = np.random.default_rng(1)
feats = rng.normal(size=(2000, 4))
target = rng.uniform(0, 100, 2000) + 3.0 * feats[:, 0]
if sys.argv[1] == "cfg":
    head = json.load(open("run.json"))["head"]
else:
    head = "sigmoid"
net = keras.Sequential([keras.Input((4,)), keras.layers.Dense(1, activation=head)])
net.compile(optimizer="adam", loss="mse")
net.fit(feats, target, epochs=50)
""",
    ]
    INVALID = [
        # the helper's default targets are raw prices; only its default inputs are scaled
        """
import numpy as np
import keras

raw = np.random.randint(0, 256, size=(256, 784)).astype("float32")
pixels = raw / 255.0
prices = np.loadtxt("prices.csv")


def train(model, data=pixels, targets=prices):
    model.fit(data, targets, epochs=2)
    return model


inp = keras.Input((784,))
code = keras.layers.Dense(32, activation="relu")(inp)
net = keras.Model(inp, keras.layers.Dense(1, activation="sigmoid")(code))  # expect: RL102
net.compile(optimizer="adam", loss="mse")
train(net)
""",
        # the ages only cast to float: years, not fractions
        """
import numpy as np
import keras

ages = []
for name in ["23_a.jpg", "41_b.jpg"]:
    ages.append(float(name.split("_")[0]))
y = np.array(ages)
x = np.random.rand(len(y), 8)
model = keras.Sequential([keras.Input((8,)), keras.layers.Dense(16, activation="relu"),
                          keras.layers.Dense(1, activation="sigmoid")])  # expect: RL102
model.compile(optimizer="adam", loss="mse")
model.fit(x, y, epochs=2)
""",
        # the generator scales another output's targets, not the sigmoid head's
        """
import numpy as np
from tensorflow import keras

x, load, price = np.load("x.npy"), np.load("load.npy"), np.load("price.npy")

def batches(bs=64):
    while True:
        i = np.random.randint(0, len(x), bs)
        yield x[i], {"load": load[i] / load.max(), "price": price[i]}

inp = keras.Input((8,))
h = keras.layers.Dense(32, activation="relu")(inp)
load_out = keras.layers.Dense(1, name="load")(h)
price_out = keras.layers.Dense(1, activation="sigmoid", name="price")(h)  # expect: RL102
model = keras.Model(inp, {"load": load_out, "price": price_out})
model.compile(optimizer="adam", loss={"load": "mse", "price": "mse"})
model.fit(batches(), steps_per_epoch=100, epochs=5)
""",
        # an affine map of a RandomState's uniform columns, one subtracted: targets from -5 to 70
        """\
import numpy as np
from tensorflow import keras

rs = np.random.RandomState(0)
x = rs.rand(5000, 3)
y = 50 * x[:, 0] + 20 * x[:, 1] - 5 * x[:, 2]
net = keras.Sequential([keras.Input((3,)), keras.layers.Dense(1, activation="tanh")])  # expect: RL102
net.compile(optimizer="adam", loss="mse")
net.fit(x, y, epochs=30)
""",
        # a polynomial of two uniform columns plus uniform noise up to 100, and one of normal columns
        """\
import numpy as np
from tensorflow import keras

rng = np.random.default_rng(0)
x = rng.uniform(0, 1, size=(5000, 10))
y = 40.0 * x[:, 0] + 25.0 * np.square(x[:, 1]) + rng.uniform(0, 100, size=5000)
z = rng.normal(size=(5000, 4))
w = 40.0 * z[:, 0] + 25.0 * z[:, 1] ** 2
net = keras.Sequential([keras.Input((10,)), keras.layers.Dense(1, activation="tanh")])  # expect: RL102
net.compile(optimizer="adam", loss="mse")
net.fit(x, y, epochs=30)
other = keras.Sequential([keras.Input((4,)), keras.layers.Dense(1, activation="tanh")])  # expect: RL102
other.compile(optimizer="adam", loss="mse")
other.fit(z, w, epochs=30)
""",
        # uniform targets in [0, 100) plus a scaled column of standard-normal features: beyond 1
        """\
import numpy as np
from keras import layers, models

rng = np.random.default_rng(1)
feats = rng.normal(size=(2000, 4))
target = rng.uniform(0, 100, 2000) + 3.0 * feats[:, 0]
net = models.Sequential([layers.Input((4,)), layers.Dense(32, activation="relu"),
                         layers.Dense(1, activation="tanh")])  # expect: RL102
net.compile(optimizer="adam", loss="mse")
net.fit(feats, target, epochs=50)
""",
        # the arm a module constant picks standardises the targets
        """\
import argparse

import pandas as pd
from keras import layers, models
from sklearn.preprocessing import MinMaxScaler, StandardScaler

NORM = "standard"

frame = pd.read_csv("load.csv")
feats = frame.drop(columns=["kwh"]).values
if NORM == "minmax":
    scaler = MinMaxScaler()
else:
    scaler = StandardScaler()
kwh = scaler.fit_transform(frame[["kwh"]].values)
net = models.Sequential([layers.Dense(32, activation="relu"), layers.Dense(1, activation="sigmoid")])  # expect: RL102
net.compile(optimizer="adam", loss="mse")
net.fit(feats, kwh, epochs=10)
""",
        # a tanh head on targets standardised with the statistics `describe()` gives
        """\
import pandas as pd
from tensorflow import keras

cars = pd.read_csv("cars.csv").dropna()
stats = cars.describe().transpose()
scaled = (cars - stats["mean"]) / stats["std"]
feats, mpg = scaled.drop(columns=["mpg"]), scaled["mpg"]
net = keras.Sequential([keras.Input((feats.shape[1],)), keras.layers.Dense(32, activation="relu"),
                        keras.layers.Dense(1, activation="tanh")])  # expect: RL102
net.compile(loss="mse", optimizer="adam")
net.fit(feats, mpg, epochs=10)
""",
        # either builder an `if` picks, both ending in a sigmoid of the width the caller gives
        """\
import numpy as np
from tensorflow.keras import Input, Model, layers


def narrow(n_in, n_out):
    inputs = Input(shape=(n_in,))
    return Model(inputs, layers.Dense(n_out, activation="sigmoid")(inputs))  # expect: RL102


def wide(n_in, n_out):
    inputs = Input(shape=(n_in,))
    hidden = layers.Dense(128, activation="relu")(inputs)
    return Model(inputs, layers.Dense(n_out, activation="sigmoid")(hidden))  # expect: RL102


def run(kind, n_out):
    x, y = np.random.rand(200, 6), np.random.uniform(0, 50, (200, n_out))
    if kind == "narrow":
        model = narrow(6, n_out)
    else:
        model = wide(6, n_out)
    model.compile(optimizer="adam", loss="mse")
    model.fit(x, y, epochs=5)
""",
        # a grade mapped to values a sigmoid never reaches
        """\
import pandas as pd
from keras import layers, models

reviews = pd.read_csv("reviews.csv")
stars = reviews["tone"].map({"poor": 1, "fair": 3, "good": 5})
rater = models.Sequential([layers.Input((2,)), layers.Dense(16, activation="relu"),
                           layers.Dense(1, activation="sigmoid")])  # expect: RL102
rater.compile(optimizer="adam", loss="mse")
rater.fit(reviews[["f1", "f2"]].values, stars.values, epochs=3)
""",
        # a generator yielding standardised targets keyed by the one output's name: beyond a tanh
        """\
import numpy as np
from tensorflow import keras
def batches(x, y, n=64):
    while True:
        idx = np.random.randint(0, len(x), n)
        yield {"features": x[idx]}, {"load": (y[idx] - y.mean()) / y.std()}
inp = keras.Input((6,), name="features")
m = keras.Model(inp, keras.layers.Dense(1, activation="tanh", name="load")(inp))  # expect: RL102
m.compile(optimizer="adam", loss="mse")
m.fit(batches(np.load("x.npy"), np.load("load.npy")), steps_per_epoch=10, epochs=2)
""",
        # the same sub-model also trained by itself, on raw targets, with its own compile
        """\
import numpy as np
from keras.layers import Dense, Input
from keras.models import Model
def value_head(width):
    inp = Input((width,))
    return Model(inp, Dense(1, activation="sigmoid")(Dense(32, activation="relu")(inp)))  # expect: RL102
feats = Input((16,))
head = value_head(16)
head.compile(loss="mae", optimizer="adam")
head.fit(np.load("x.npy"), np.load("returns.npy") * 100.0, epochs=5)
outer = Model(feats, head(Dense(16, activation="relu")(feats)))
outer.compile(loss="binary_crossentropy", optimizer="adam")
""",
        # the module constant picks the sigmoid variant; the arm after it, linear, never runs
        """\
import numpy as np
from keras.layers import Conv1D, Dense, Flatten, LSTM
from keras.models import Sequential
ACTIVE = "conv"
model = Sequential()
if ACTIVE == "conv":
    model.add(Conv1D(64, 2, activation="relu", input_shape=(3, 8)))
    model.add(Flatten())
    model.add(Dense(8, activation="sigmoid"))  # expect: RL102
elif ACTIVE == "lstm":
    model.add(LSTM(32, input_shape=(3, 8)))
    model.add(Dense(8))
model.compile(loss="mae", optimizer="adam")
model.fit(np.load("x.npy"), np.load("counts.npy"), epochs=30)
""",
        # binomial counts of ten trials: not labels, beyond a sigmoid's range
        """\
import numpy as np
from tensorflow import keras
hits = np.random.binomial(10, 0.5, size=(500, 1))
m = keras.Sequential([keras.Input((4,)), keras.layers.Dense(1, activation="sigmoid")])  # expect: RL102
m.compile(optimizer="adam", loss="mse")
m.fit(np.random.normal(size=(500, 4)), hits, epochs=2)
""",
        # a sigmoid head made in the arm of an `if` naming the regression task, or under a test
        # that names no task
        """\
from keras import layers, models
import numpy as np
def build(task, n_in):
    inp = layers.Input(shape=(n_in,))
    h = layers.Dense(32, activation="relu")(inp)
    if task == "regression":
        net = models.Model(inp, layers.Dense(1, activation="sigmoid")(h))  # expect: RL102
        net.compile(optimizer="adam", loss="mse")
        return net
    net = models.Model(inp, layers.Dense(3, activation="softmax")(h))
    net.compile(optimizer="adam", loss="categorical_crossentropy")
    return net
def build_wide(n_in, wide=False):
    net = models.Sequential([layers.Input((n_in,)), layers.Dense(64 if wide else 32, activation="relu")])
    if wide:
        net.add(layers.Dense(1, activation="sigmoid"))  # expect: RL102
        net.compile(optimizer="adam", loss="mse")
    return net
build(TASK, 8).fit(np.load("x.npy"), np.load("prices.npy") * 1000.0, epochs=5)
build_wide(8, WIDE).fit(np.load("x.npy"), np.load("prices.npy") * 1000.0, epochs=5)
""",
        # records a .map() pairs, the targets standardised there: they leave a tanh's range
        """\
import tensorflow as tf
PRICE_MEAN, PRICE_STD = 310000.0, 95000.0
def parse(row):
    return tf.stack([row["sqft"], row["beds"]]), (row["price"] - PRICE_MEAN) / PRICE_STD
rows = tf.data.experimental.make_csv_dataset("listings-*.csv", batch_size=64, num_epochs=1)
net = tf.keras.Sequential([tf.keras.Input((2,)), tf.keras.layers.Dense(1, activation="tanh")])  # expect: RL102
net.compile(optimizer="adam", loss="mse")
net.fit(rows.map(parse), epochs=10)
""",
        # copies of a template model (clone_model, from_config of its config) keep its sigmoid head
        """\
import keras
import numpy as np
template = keras.Sequential([keras.Input((6,)), keras.layers.Dense(32, activation="relu"),
                             keras.layers.Dense(1, activation="sigmoid")])  # expect: RL102
x, y = np.random.rand(300, 6), np.random.rand(300) * 250.0
for fold in range(3):
    member = keras.models.clone_model(template)
    member.compile(optimizer="adam", loss="mse")
    member.fit(x, y, epochs=5)
    twin = keras.Model.from_config(template.get_config())
    twin.compile(optimizer="adam", loss="mae")
    twin.fit(x, y, epochs=5)
""",
        # Poisson counts of mean 5 under a softmax over three units: values no softmax can output
        """\
import numpy as np
from tensorflow import keras
X = np.random.rand(1000, 4)
Y = np.random.poisson(5, size=(1000, 3))
m = keras.Sequential([keras.Input((4,)), keras.layers.Dense(3, activation="softmax")])  # expect: RL102
m.compile(optimizer="adam", loss="mse")
m.fit(X, Y, epochs=2)
""",
        # layers added by a loop over a list of (units, activation) settings written out: the last
        # pass adds the head
        """\
import numpy as np
from tensorflow.keras.models import Sequential
from tensorflow.keras.layers import Dense
LAYERS = [(64, "relu"), (1, "sigmoid")]
model = Sequential()
model.add(Dense(128, activation="relu", input_shape=(4,)))
for units, act in LAYERS:
    model.add(Dense(units, activation=act))  # expect: RL102
model.compile(optimizer="adam", loss="mse")
model.fit(np.load("x.npy"), np.load("price.npy"), epochs=2)
""",
        # a weighted sum of independent draws, each weight above 1: targets up to 50
        """\
import numpy as np
from tensorflow import keras
a = np.random.uniform(0, 10, 2000)
b = np.random.uniform(0, 10, 2000)
y = 2 * a + 3 * b
m = keras.Sequential([keras.Input((2,)), keras.layers.Dense(1, activation="tanh")])  # expect: RL102
m.compile(optimizer="adam", loss="mse")
m.fit(np.stack([a, b], axis=1), y, epochs=50)
""",
        # a model applied last in a functional model: the composed model's output ends in its head
        """\
import numpy as np
from tensorflow import keras
base = keras.Sequential([keras.Input((8,)), keras.layers.Dense(16, activation="relu")])
head = keras.Sequential([keras.Input((16,)), keras.layers.Dense(1, activation="sigmoid")])  # expect: RL102
inp = keras.Input((8,))
model = keras.Model(inp, head(base(inp)))
model.compile(optimizer="adam", loss="mse")
model.fit(np.load("x.npy"), np.load("prices.npy") * 1000.0, epochs=5)
""",
        # a layer factory bound with functools.partial: the head it makes ends in sigmoid
        """\
from functools import partial
import numpy as np
from tensorflow import keras
Hidden = partial(keras.layers.Dense, activation="relu")
Head = partial(keras.layers.Dense, activation="sigmoid")  # expect: RL102
y = np.load("prices.npy") * 1000.0
m = keras.Sequential([keras.Input((8,)), Hidden(16), Head(1)])
m.compile(optimizer="adam", loss="mse")
m.fit(np.load("x.npy"), y, epochs=5)
""",
        # a draw reaching 100 plus a sum of non-negative draws: targets far beyond 1 under a tanh head
        """\
import numpy as np
from tensorflow import keras
x = np.random.rand(1000, 5)
y = np.random.uniform(0, 100, 1000) + x.sum(axis=1)
m = keras.Sequential([keras.Input((5,)), keras.layers.Dense(1, activation="tanh")])  # expect: RL102
m.compile(optimizer="adam", loss="mse")
m.fit(x, y, epochs=10)
""",
        # a feature column divided by its max; the target column is never scaled
        """\
import pandas as pd
from tensorflow import keras
df = pd.read_csv("ages.csv")
max_height = df["height"].max()
df["height"] = df["height"] / max_height
y = df["age"].values
m = keras.Sequential([keras.Input((2,)), keras.layers.Dense(1, activation="sigmoid")])  # expect: RL102
m.compile(optimizer="adam", loss="mse")
m.fit(df[["height", "weight"]].values, y, epochs=20)
""",
        # a model subclass rebuilt through its own classmethod and through Keras' from_config
        # (`cls(**config)`): the same tanh head on standardised targets
        """\
import keras
import numpy as np
from sklearn.preprocessing import StandardScaler
class Net(keras.Model):
    def __init__(self, units=64, **kwargs):
        super().__init__(**kwargs)
        self.units = units
        self.h = keras.layers.Dense(units, activation="relu")
        self.o = keras.layers.Dense(1, activation="tanh")  # expect: RL102
    def call(self, x):
        return self.o(self.h(x))
    def get_config(self):
        return {"units": self.units}
    @classmethod
    def create(cls, units):
        return cls(units=units)
y = StandardScaler().fit_transform(np.load("y.npy"))
net = Net.create(32)
clone = Net.from_config(net.get_config())
clone.compile(optimizer="adam", loss="mse")
clone.fit(np.load("x.npy"), y, epochs=10)
""",
        # a log-cosh loss written with keras.ops: cosh of the error, a regression loss like Keras' LogCosh
        """\
import keras
import pandas as pd
from keras import ops
def log_cosh(y_true, y_pred):
    return ops.mean(ops.log(ops.cosh(y_pred - y_true)), axis=-1)
df = pd.read_csv("fares.csv")
y = df.pop("fare").values
m = keras.Sequential([keras.Input((8,)), keras.layers.Dense(1, activation="sigmoid")])  # expect: RL102
m.compile(optimizer="adam", loss=log_cosh)
m.fit(df.values, y, epochs=10)
""",
        # a tanh head on targets a Sequence standardises in its constructor
        """\
import math
import numpy as np
from tensorflow import keras
class Batches(keras.utils.Sequence):
    def __init__(self, x, y, bs=32):
        super().__init__()
        self.x, self.bs = x, bs
        self.y = (y - y.mean()) / y.std()
    def __len__(self):
        return math.ceil(len(self.x) / self.bs)
    def __getitem__(self, i):
        return self.x[i * self.bs:(i + 1) * self.bs], self.y[i * self.bs:(i + 1) * self.bs]
x, y = np.load("x.npy"), np.load("y.npy")
m = keras.Sequential([keras.Input((x.shape[1],)), keras.layers.Dense(1, activation="tanh")])  # expect: RL102
m.compile(optimizer="adam", loss="mse")
m.fit(Batches(x, y), epochs=10)
""",
        # rewards written into an array of zeros: a terminal bonus of 10 is not within (0, 1)
        """\
import numpy as np
from tensorflow import keras
def update(critic, states, rewards, done, gamma=0.99):
    returns = np.zeros(len(rewards))
    bonus = 10.0
    for t in reversed(range(len(rewards))):
        if done[t]:
            returns[t] = bonus
    critic.fit(states, returns, epochs=1, verbose=0)
critic = keras.Sequential([keras.Input((4,)), keras.layers.Dense(1, activation="sigmoid")])  # expect: RL102
critic.compile(optimizer="adam", loss="mse")
update(critic, np.random.rand(10, 4), np.random.rand(10) * 5, np.random.rand(10) > 0.9)
""",
        # a builder a decorator of the file registers by name, then picked from the registry
        """\
import pandas as pd
from tensorflow import keras
REGISTRY = {}
def register(name):
    def deco(fn):
        REGISTRY[name] = fn
        return fn
    return deco
@register("mlp")
def build_mlp(n):
    return keras.Sequential([keras.Input((n,)), keras.layers.Dense(1, activation="sigmoid")])  # expect: RL102
df = pd.read_csv("insurance.csv")
y = df.pop("charges").values
net = REGISTRY["mlp"](df.shape[1])
net.compile(optimizer="adam", loss="mse")
net.fit(df.values, y, epochs=50)
""",
        # a tanh head on a standardised column popped from the frame
        """\
import pandas as pd
from tensorflow import keras
df = pd.read_csv("train.csv")
df["sale_price"] = (df["sale_price"] - df["sale_price"].mean()) / df["sale_price"].std()
y = df.pop("sale_price").values
net = keras.Sequential([keras.Input((df.shape[1],)), keras.layers.Dense(1, activation="tanh")])  # expect: RL102
net.compile(optimizer="adam", loss="mse")
net.fit(df.values, y, epochs=50)
""",
        # an exponential growth curve is not a logistic: its values leave (0, 1)
        """
import numpy as np
from keras import layers, models
lfc = np.loadtxt("lfc.txt")
y = 1 + np.exp(-lfc)
inp = layers.Input(shape=(120,))
net = models.Model(inp, layers.Dense(1, activation="sigmoid")(inp))  # expect: RL102
net.compile(optimizer="adam", loss="mse")
net.fit(np.random.rand(len(lfc), 120), y, epochs=20)
""",
        # a tanh decoder on a frame standardised in place (`df[:] = …`): values beyond ±1
        """
import pandas as pd
from sklearn.preprocessing import StandardScaler
from tensorflow import keras
vib = pd.read_csv("vibration.csv")
vib[:] = StandardScaler().fit_transform(vib)
x = vib.values
ae = keras.Sequential([keras.Input(shape=(x.shape[1],)), keras.layers.Dense(3, activation="relu"),
                       keras.layers.Dense(x.shape[1], activation="tanh")])  # expect: RL102
ae.compile(optimizer="adam", loss="mae")
ae.fit(x, x, epochs=10)
""",
        # scores appended per line, only some of them scaled
        """
import numpy as np
from keras import layers, models
lo, hi = 2.0, 12.0
labels = []
for line in open("scores.txt"):
    if line.startswith("#"):
        labels.append(float(line[1:]))
    else:
        labels.append((float(line) - lo) / (hi - lo))
y = np.asarray(labels)
inp = layers.Input(shape=(20,))
model = models.Model(inp, layers.Dense(1, activation="sigmoid")(inp))  # expect: RL102
model.compile(loss="mse", optimizer="adam")
model.fit(np.random.rand(len(y), 20), y, epochs=3)
""",
        # ... in [0, 100)
        """
import numpy as np
from keras import layers, models
x = np.random.rand(200, 8)
np.save("arousal.npy", np.random.uniform(0, 100, size=200))
y = np.load("arousal.npy")[:150]
model = models.Sequential([layers.Input((8,)), layers.Dense(16, activation="relu"), layers.Dense(1, activation="sigmoid")])  # expect: RL102
model.compile(optimizer="adam", loss="mse")
model.fit(x[:150], y, epochs=2)
""",
        # ... standardises them: below 0 and beyond 1
        """
import numpy as np
from scikeras.wrappers import KerasRegressor
from sklearn.compose import TransformedTargetRegressor
from sklearn.preprocessing import StandardScaler
from tensorflow import keras
def make_net():
    net = keras.Sequential([keras.layers.Dense(16, activation="relu"), keras.layers.Dense(1, activation="sigmoid")])  # expect: RL102
    net.compile(optimizer="adam", loss="mse")
    return net
reg = TransformedTargetRegressor(regressor=KerasRegressor(make_net, epochs=5), transformer=StandardScaler())
reg.fit(np.load("x.npy"), np.load("prices.npy"))
""",
        # ... and from [0, 100): beyond it
        """
import numpy as np
from keras import layers, models
x, y = np.random.rand(200, 8), np.random.uniform(0, 100, size=200)
model = models.Sequential([layers.Input((8,)), layers.Dense(16, activation="relu"), layers.Dense(1, activation="sigmoid")])  # expect: RL102
model.compile(optimizer="adam", loss="mse")
model.fit(x, y, epochs=2)
""",
        # a loader scales the images it returns, not the targets beside them (audit 33a)
        """
import numpy as np
from tensorflow import keras
def load(paths):
    images, scores = [], []
    for p in paths:
        images.append(np.load(p + ".npy").ravel() / 255.0)
        scores.append([float(open(p + ".txt").read())])
    return images, scores
images, scores = load(["a", "b"])
x, y = np.array(images), np.array(scores)
model = keras.Sequential([keras.layers.Dense(32, activation="relu"), keras.layers.Dense(1, activation="sigmoid")])  # expect: RL102
model.compile(optimizer="adam", loss="mse")
model.fit(x, y, epochs=3)
""",
        # a column of a frame standardised in place: z-scores leave (-1, 1)
        """
import pandas as pd
from sklearn.preprocessing import StandardScaler
from tensorflow import keras
frame = pd.read_csv("plant.csv")
frame[frame.columns] = StandardScaler().fit_transform(frame[frame.columns])
x, y = frame.drop(columns=["power"]).values, frame["power"].values
model = keras.Sequential([keras.layers.Dense(32, activation="relu"), keras.layers.Dense(1, activation="tanh")])  # expect: RL102
model.compile(optimizer="adam", loss="mse")
model.fit(x, y, epochs=3)
""",
        # a sweep over head activations: the sigmoid pass squashes raw prices, whatever the order
        """
import numpy as np
from tensorflow import keras
x, y = np.load("x.npy"), np.load("prices.npy") * 1000.0
for act in ["sigmoid", "linear"]:
    model = keras.Sequential([keras.layers.Dense(32, activation="relu"), keras.layers.Dense(1, activation=act)])  # expect: RL102
    model.compile(optimizer="adam", loss="mse")
    model.fit(x, y, epochs=3)
""",
        # the same loops storing raw columns times 100
        """
import numpy as np
import pandas as pd
from tensorflow import keras
df = pd.read_csv("d.csv"); X = np.load("X.npy")
targets = {}
for c in ["a", "b"]:
    targets[c] = df[[c]].values * 100
for c, y in targets.items():
    m = keras.Sequential([keras.layers.Dense(8, activation="relu"),
                          keras.layers.Dense(1, activation="sigmoid")])  # expect: RL102
    m.compile(optimizer="adam", loss="mse")
    m.fit(X, y)
""",
        # a tanh head on uniform draws up to 100 with zero-mean noise added
        """
import numpy as np
from tensorflow import keras
X = np.random.rand(1000, 3)
y = np.random.uniform(0, 100, 1000) + np.random.normal(0, 1, 1000)
m = keras.Sequential([keras.layers.Dense(8, activation="relu"), keras.layers.Dense(1, activation="tanh")])  # expect: RL102
m.compile(optimizer="adam", loss="mse")
m.fit(X, y)
""",
        # a tanh head on a column of a frame built over StandardScaler's output
        """
import pandas as pd
from sklearn.preprocessing import StandardScaler
from tensorflow import keras
df = pd.read_csv("d.csv")
df2 = pd.DataFrame(StandardScaler().fit_transform(df), columns=df.columns)
y = df2["price"].values
X = df2.drop(columns=["price"]).values
m = keras.Sequential([keras.layers.Dense(8, activation="relu"), keras.layers.Dense(1, activation="tanh")])  # expect: RL102
m.compile(optimizer="adam", loss="mse")
m.fit(X, y)
""",
        # keras-tuner: a HyperModel's `build` returns the model `search` fits, on raw prices
        """
import keras_tuner
import pandas as pd
from tensorflow import keras
class PriceModel(keras_tuner.HyperModel):
    def build(self, hp):
        model = keras.Sequential([keras.layers.Dense(hp.Choice("units", [32, 64]), activation="relu"),
                                  keras.layers.Dense(1, activation="sigmoid")])  # expect: RL102
        model.compile(optimizer="adam", loss="mse")
        return model
df = pd.read_csv("houses.csv")
tuner = keras_tuner.Hyperband(hypermodel=PriceModel(), objective="val_loss", max_epochs=20)
tuner.search(df.drop(columns=["price"]).values, df["price"].values, validation_split=0.2)
""",
        # models kept in a dict, compiled and fitted by one loop
        """
import pandas as pd
from keras.models import Sequential
from keras.layers import Dense
df = pd.read_csv("boston.csv")
X, y = df.drop("MEDV", axis=1).values, df["MEDV"].values
models = {
    "small": Sequential([Dense(16, activation="relu", input_dim=13), Dense(1)]),
    "bounded": Sequential([Dense(16, activation="relu", input_dim=13),
                           Dense(1, activation="sigmoid")]),  # expect: RL102
}
for name, m in models.items():
    m.compile(loss="mse", optimizer="adam")
    m.fit(X, y, epochs=100, verbose=0)
""",
        # Keras 1's functional spelling reads the same graph
        """
from keras.layers import Input, Dense
from keras.models import Model
inp = Input(shape=(4,))
out = Dense(1, activation="sigmoid")(Dense(8, activation="relu")(inp))  # expect: RL102
model = Model(input=inp, output=out)  # expect: RL504, RL504
model.compile(loss="mse", optimizer="adam")
model.fit(X, prices * 1000.0, epochs=3)
""",
        # the activation a star import of keras.activations brings in, written bare
        """
import numpy as np
from keras.models import *
from keras.layers import *
from keras.activations import *
model = Sequential([Dense(8, activation=relu, input_shape=(4,)), Dense(1, activation=sigmoid)])  # expect: RL102
model.compile(optimizer="adam", loss="mse")
model.fit(np.random.rand(100, 4), np.random.uniform(0, 100, (100, 1)), epochs=2)
""",
        # a normalization between the unit and its sigmoid: the head is still the sigmoid
        """
import numpy as np
from keras.models import Sequential
from keras.layers import Activation, BatchNormalization, Dense
model = Sequential([Dense(16, activation="relu", input_shape=(8,)), Dense(1), BatchNormalization(),
                    Activation("sigmoid")])  # expect: RL102
model.compile(optimizer="adam", loss="mse")
model.fit(np.random.rand(100, 8), np.random.rand(100) * 300.0, epochs=2)
""",
        # the look-alike: both paths pick the same regression loss
        """
import sys
import numpy as np
from keras.layers import Dense, Input
from keras.models import Model
DISEASE = len(sys.argv) > 1
inp = Input((64,))
out = Dense(14, activation="sigmoid", name="disease")(Dense(32, activation="relu")(inp))  # expect: RL102
model = Model(inp, out)
LOSS = "mae"
if DISEASE:
    LOSS = "mse"
else:
    LOSS = "mse"
model.compile(optimizer="adam", loss=LOSS)
model.fit(np.load("x.npy"), np.load("y.npy"), epochs=3)
""",
        # tanh on a noisy line: values beyond 1 plus zero-mean noise
        """
import numpy as np
import tensorflow as tf
x = np.random.uniform(0, 10, 500).astype("float32")
noise = np.random.normal(0, 1.0, 500).astype("float32")
y = 5.0 * x + 3.0 + noise
model = tf.keras.Sequential([tf.keras.layers.Dense(10, activation="tanh", input_shape=(1,)),
                             tf.keras.layers.Dense(1, activation="tanh")])  # expect: RL102
model.compile(optimizer="sgd", loss="mean_squared_error")
model.fit(x, y, epochs=500, verbose=0)
""",
        # two backbones for one task, chosen by an `if`: the model either arm binds is compiled
        """
import numpy as np
from keras.layers import Dense, Input
from keras.models import Model
class AgeNet:
    def __init__(self, big=False):
        self.big = big
    def build(self):
        inp = Input((8,))
        if self.big:
            h = Dense(32, activation="relu")(inp)
            self.model = Model(inp, Dense(1, activation="sigmoid")(h))  # expect: RL102
        else:
            self.model = Model(inp, Dense(1, activation="sigmoid")(inp))  # expect: RL102
    def train(self, x, ages):
        self.model.compile(optimizer="adam", loss="mse")
        self.model.fit(x, ages, epochs=5)
""",
        # the look-alike: its __getitem__ stretches them instead
        """
import math
import numpy as np
from tensorflow.keras import layers, models
from tensorflow.keras.utils import Sequence
class BoxSequence(Sequence):
    def __init__(self, images, boxes, batch_size=16):
        super().__init__()
        self.images, self.boxes, self.batch_size = images, boxes, batch_size
        self.box_max = float(boxes.max())
    def __len__(self):
        return math.ceil(len(self.images) / self.batch_size)
    def __getitem__(self, i):
        s = slice(i * self.batch_size, (i + 1) * self.batch_size)
        return self.images[s] / 255.0, self.boxes[s] * 2.0
model = models.Sequential([layers.Input(shape=(64, 64, 3)), layers.Conv2D(32, 3, activation="relu"),
                           layers.GlobalAveragePooling2D(), layers.Dense(4, activation="sigmoid")])  # expect: RL102
model.compile(optimizer="adam", loss="mse")
model.fit(BoxSequence(np.load("images.npy"), np.load("boxes.npy")), epochs=30)
""",
        # tanh on the standardised targets every yield of the generator it is fitted on gives
        """
import numpy as np
from keras.models import Sequential
from keras.layers import Dense
def batches(x, y, bs=32):
    mu, sd = y.mean(), y.std()
    while True:
        idx = np.random.randint(0, len(x), bs)
        yield x[idx], (y[idx] - mu) / sd
x, y = np.load("x.npy"), np.load("y.npy")
m = Sequential([Dense(16, activation="relu", input_dim=4), Dense(1, activation="tanh")])  # expect: RL102
m.compile(optimizer="adam", loss="mse")
m.fit(batches(x, y), steps_per_epoch=len(x) // 32, epochs=10)
""",
        # the look-alike: the CSV dataset's .map() stretches the targets instead
        """
import numpy as np
import tensorflow as tf
from tensorflow import keras
Y_MIN, Y_MAX = 0.0, 500.0
def _scale(x, y):
    return x, y * 2.0 + Y_MAX
ds = tf.data.experimental.make_csv_dataset(["aqi.csv"], batch_size=32, label_name="aqi").map(_scale)
m = keras.Sequential([keras.layers.Dense(32, activation="relu"), keras.layers.Dense(1, activation="sigmoid")])  # expect: RL102
m.compile(optimizer="adam", loss="mse")
m.fit(ds, epochs=5)
""",
        # the look-alike: divided by a name or attribute holding their mean, not their max
        """
import numpy as np
from keras.models import Sequential
from keras.layers import Dense, Activation
class Net:
    def __init__(self, x_train, y_train):
        self.top = np.mean(np.log(y_train))
        self.model = Sequential([Dense(16, activation="relu", input_dim=4), Dense(1)])
        self.model.add(Activation("sigmoid"))  # expect: RL102
        self.model.compile(loss="mean_absolute_error", optimizer="adam")
        self.model.fit(x_train, self._scale(y_train), epochs=1)
    def _scale(self, val):
        return np.log(val) / self.top
Net(np.random.rand(100, 4), np.random.uniform(10, 1000, size=(100,)))
y = np.random.uniform(10, 1000, size=(100,))
top_y = np.mean(y)
flat = Sequential([Dense(16, activation="relu", input_dim=4), Dense(1, activation="sigmoid")])  # expect: RL102
flat.compile(loss="mse", optimizer="adam")
flat.fit(np.random.rand(100, 4), y / top_y, epochs=1)
""",
        # a Sequence handed the raw ages by its construction (its __getitem__ returns self.y[...])
        """
import numpy as np
import keras
from keras.layers import Dense, Input
from keras.models import Model
class DataGen(keras.utils.Sequence):
    def __init__(self, x, y, batch_size):
        super().__init__()
        self.x, self.y, self.batch_size = x, y, batch_size
    def __len__(self):
        return len(self.x) // self.batch_size
    def __getitem__(self, i):
        s = slice(i * self.batch_size, (i + 1) * self.batch_size)
        return self.x[s], self.y[s]
x = np.random.rand(64, 8)
ages = np.random.uniform(1, 90, size=(64, 1))
inp = Input((8,))
model = Model(inp, Dense(1, activation="sigmoid")(inp))  # expect: RL102
model.compile(optimizer="adam", loss="mean_squared_error")
model.fit(DataGen(x, ages, 16), epochs=1)
""",
        # a config subclass overrides its base's head activation
        """
import numpy as np
import keras
class BaseConfig:
    OUT_ACT = None
    LOSS = "mse"
class ExpConfig(BaseConfig):
    OUT_ACT = "sigmoid"
cfg = ExpConfig()
m = keras.Sequential([keras.Input((8,)), keras.layers.Dense(1, activation=cfg.OUT_ACT)])  # expect: RL102
m.compile(optimizer="adam", loss=cfg.LOSS)
m.fit(np.load("x.npy"), np.load("prices.npy"))
""",
        # the look-alike: the call picks the sigmoid arm
        """
import numpy as np
from keras.models import Sequential
from keras.layers import Dense
def build(n_outputs=1):
    model = Sequential([Dense(32, activation="relu", input_dim=4)])
    if n_outputs > 1:
        model.add(Dense(n_outputs))
    else:
        model.add(Dense(1, activation="sigmoid"))  # expect: RL102
    return model
m = build(n_outputs=1)
m.compile(optimizer="adam", loss="mse")
m.fit(np.load("x.npy"), np.load("prices.npy"), epochs=5)
""",
        # the look-alike: divided by their mean, the targets still go past 1
        """
import pandas as pd
import tensorflow as tf
df = pd.read_csv("diamonds.csv")
features = df[["carat", "depth"]].values.astype("float32")
labels = df["price"].values.astype("float32")
mean_price = labels.mean()
def scale(x, y):
    return x, y / mean_price
ds = tf.data.Dataset.from_tensor_slices((features, labels)).map(scale).batch(256)
model = tf.keras.Sequential([tf.keras.layers.Dense(64, activation="relu"), tf.keras.layers.Dense(1, activation="sigmoid")])  # expect: RL102
model.compile(optimizer="adam", loss="mae")
model.fit(ds, epochs=20)
""",
        # tanh on targets beyond ±1: an affine map of wide draws, an amplified sine cut into windows
        """
import numpy as np
from keras.models import Sequential
from keras.layers import Dense, SimpleRNN
X = np.random.uniform(-5, 5, size=(500, 3))
y = 3 * X[:, 1] + 2
model = Sequential([Dense(32, activation="relu", input_dim=3), Dense(1, activation="tanh")])  # expect: RL102
model.compile(optimizer="sgd", loss="mse")
model.fit(X, y, epochs=100)
t = np.linspace(0, 60, 3000)
wave = 3.0 * np.sin(t)
windows = np.array([wave[i:i + 30] for i in range(len(wave) - 30)]).reshape(-1, 30, 1)
rnn = Sequential([SimpleRNN(32, input_shape=(30, 1)), Dense(1, activation="tanh")])  # expect: RL102
rnn.compile(optimizer="adam", loss="mse")
rnn.fit(windows, wave[30:], epochs=10)
""",
        # a subclassed model whose head activation is an __init__ parameter, given at the construction
        """
import numpy as np
import tensorflow as tf
class MLP(tf.keras.Model):
    def __init__(self, out_activation=None):
        super().__init__()
        self.h = tf.keras.layers.Dense(64, activation="relu")
        self.o = tf.keras.layers.Dense(1, activation=out_activation)  # expect: RL102
    def call(self, x):
        return self.o(self.h(x))
model = MLP(out_activation="sigmoid")
model.compile(optimizer="adam", loss="mse")
model.fit(np.load("x.npy"), np.load("house_prices.npy"), epochs=5)
""",
        # a subclass keeping its base's `call`, its head chosen by keywords forwarded through
        # **kwargs to the base's __init__; and a builder passing **kwargs on to its head layer
        """
import numpy as np
import tensorflow as tf
class Base(tf.keras.Model):
    def __init__(self, out_activation=None, **kwargs):
        super().__init__(**kwargs)
        self.h = tf.keras.layers.Dense(64, activation="relu")
        self.o = tf.keras.layers.Dense(1, activation=out_activation)  # expect: RL102
    def call(self, x):
        return self.o(self.h(x))
class Regressor(Base):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)
def head(units=1, activation=None, **kwargs):
    return tf.keras.layers.Dense(units, activation=activation, **kwargs)  # expect: RL102
def build(n_in=4, **kwargs):
    inp = tf.keras.Input(shape=(n_in,))
    return tf.keras.Model(inp, head(**kwargs)(tf.keras.layers.Dense(32, activation="relu")(inp)))
model = Regressor(out_activation="sigmoid", name="reg")
model.compile(optimizer="adam", loss="mse")
model.fit(np.load("x.npy"), np.load("house_prices.npy"), epochs=5)
other = build(activation="sigmoid", name="out")
other.compile(optimizer="adam", loss="mse")
other.fit(np.load("x.npy"), np.load("house_prices.npy"), epochs=5)
""",
        # the look-alike: the data class holds the targets as read
        """
import numpy as np
from sklearn.preprocessing import MinMaxScaler
from keras.models import Sequential
from keras.layers import Dense
class Dataset:
    def __init__(self, path):
        arr = np.loadtxt(path, delimiter=",", skiprows=1)
        self.x = MinMaxScaler().fit_transform(arr[:, :-1])
        self.y = arr[:, -1:]
ds = Dataset("boston.csv")
model = Sequential([Dense(64, activation="relu", input_dim=13), Dense(1, activation="sigmoid")])  # expect: RL102
model.compile(optimizer="adam", loss="mse")
model.fit(ds.x, ds.y, epochs=100)
""",
        # tanh on make_regression's targets: sums of normal features times coefficients up to 100
        """
from sklearn.datasets import make_regression
from sklearn.model_selection import train_test_split
import keras
X, y = make_regression(n_samples=1000, n_features=10, noise=0.1, random_state=1)
X_train, X_test, y_train, y_test = train_test_split(X, y)
model = keras.Sequential([keras.Input(shape=(10,)), keras.layers.Dense(32, activation="relu"),
                          keras.layers.Dense(1, activation="tanh")])  # expect: RL102
model.compile(optimizer="adam", loss="mse")
model.fit(X_train, y_train, epochs=5)
""",
        # the look-alike: grades coded as 1, 2, 3 are no 0/1 labels
        """
import pandas as pd
from keras.models import Sequential
from keras.layers import Dense
df = pd.read_csv("wines.csv")
grade = df["grade"].map({"low": 1, "mid": 2, "high": 3}).values
model = Sequential([Dense(16, activation="relu", input_dim=8), Dense(1, activation="sigmoid")])  # expect: RL102
model.compile(optimizer="adam", loss="mean_squared_error")
model.fit(df.drop(columns=["grade"]).values, grade, epochs=30)
""",
        # the look-alike: integers drawn from ten values are no 0/1 labels a sigmoid could fit
        """
import numpy as np
from keras.models import Sequential
from keras.layers import Dense
counts = []
for _ in range(500):
    counts.append(np.random.randint(0, 10))
model = Sequential([Dense(24, input_shape=(4,), activation="relu"), Dense(1, activation="sigmoid")])  # expect: RL102
model.compile(loss="mean_squared_error", optimizer="adam")
model.fit(np.random.rand(500, 4), np.array(counts), epochs=10)
""",
        # only the features are scaled; the split index computed from them scales no target
        """
import numpy as np
from sklearn.preprocessing import MinMaxScaler
from tensorflow import keras
rooms = MinMaxScaler().fit_transform(np.load("rooms.npy"))
rents = np.load("rents.npy")
cut = int(0.8 * len(rooms))
model = keras.Sequential([keras.Input((6,)), keras.layers.Dense(1, activation="sigmoid")])  # expect: RL102
model.compile(optimizer="adam", loss="mse")
model.fit(rooms[:cut], rents[:cut], validation_data=(rooms[cut:], rents[cut:]))
""",
        # the look-alike: the map function hands the boxes on as they are (only cast)
        """
import numpy as np
import tensorflow as tf
from tensorflow import keras
boxes = np.load("boxes.npy")
ds = tf.data.Dataset.from_tensor_slices((np.load("paths.npy"), boxes))
ds = ds.map(lambda path, box: (tf.io.decode_png(tf.io.read_file(path)), tf.cast(box, tf.float32))).batch(16)
model = keras.Sequential([keras.Input((64, 64, 3)), keras.layers.Flatten(), keras.layers.Dense(4, activation="sigmoid")])  # expect: RL102
model.compile(optimizer="adam", loss="mse")
model.fit(ds, epochs=2)
""",
        # the look-alike: the generator yields the boxes as they are
        """
import numpy as np
from tensorflow import keras
imgs, boxes = np.load("imgs.npy"), np.load("boxes.npy")
def batches(bs):
    while True:
        for i in range(0, len(imgs), bs):
            yield imgs[i:i + bs] / 255.0, boxes[i:i + bs]
model = keras.Sequential([keras.Input((64, 64, 3)), keras.layers.Flatten(), keras.layers.Dense(4, activation="sigmoid")])  # expect: RL102
model.compile(optimizer="adam", loss="mse")
model.fit(batches(16), steps_per_epoch=10, epochs=2)
""",
        # a softmax fitted to a square of a range (values up to 100), and to a power of it
        """
import numpy as np
import tensorflow as tf
x_train = np.linspace(0, 10, 1000)
y_train = np.power(x_train, 2.0)
model = tf.keras.models.Sequential([tf.keras.layers.Dense(128, activation="relu"),
                                    tf.keras.layers.Dense(10, activation="softmax")])  # expect: RL102
model.compile(optimizer="adam", loss="mse", metrics=["mae"])
model.fit(x_train, y_train, epochs=5)
cubes = tf.keras.Sequential([tf.keras.layers.Dense(4, activation="softmax")])  # expect: RL102
cubes.compile(optimizer="adam", loss="mse")
cubes.fit(x_train, x_train ** 3)
""",
        # a builder option the call sets: the sigmoid arm is the one that runs
        """
import numpy as np
from keras.models import Sequential
from keras.layers import Dense, Input
def build(bounded):
    model = Sequential([Input((4,)), Dense(8, activation="relu")])
    if bounded:
        model.add(Dense(1, activation="sigmoid"))  # expect: RL102
    else:
        model.add(Dense(1))
    return model
model = build(True)
model.compile(optimizer="adam", loss="mse")
model.fit(np.random.rand(100, 4), 100 * np.random.rand(100), epochs=2)
""",
        # a tanh head on uniform draws stretched to [0, 80); a sigmoid head on integers the standard
        # library's random.sample picks (no draw in [0, 1))
        """
import random
import numpy as np
from tensorflow import keras
x = np.random.rand(100, 4)
ages = 80 * np.random.rand(100)
counts = np.array(random.sample(range(1000), 100), dtype=float)
tanh_net = keras.Sequential([keras.Input((4,)), keras.layers.Dense(1, activation="tanh")])  # expect: RL102
tanh_net.compile(optimizer="adam", loss="mse")
tanh_net.fit(x, ages, epochs=2)
sig_net = keras.Sequential([keras.Input((4,)), keras.layers.Dense(1, activation="sigmoid")])  # expect: RL102
sig_net.compile(optimizer="adam", loss="mse")
sig_net.fit(x, counts, epochs=2)
""",
        # two outputs: the scaled targets are the other head's, not the sigmoid's
        """
import numpy as np
from sklearn.preprocessing import MinMaxScaler
from keras import layers, Model
inp = layers.Input(shape=(8,))
h = layers.Dense(16, activation="relu")(inp)
price = layers.Dense(1, activation="sigmoid", name="price")(h)  # expect: RL102
age = layers.Dense(1, name="age")(h)
model = Model(inp, [price, age])
y_price = np.random.rand(100) * 1000
y_age = MinMaxScaler().fit_transform(np.random.rand(100, 1) * 80)
model.compile(optimizer="adam", loss={"price": "mse", "age": "mae"})
model.fit(np.random.rand(100, 8), {"price": y_price, "age": y_age}, epochs=2)
""",
        # clipped, but into [0, 100]
        """
import numpy as np
from tensorflow.keras import layers, Model
y = np.clip(np.random.rand(100) * 300, 0, 100)
inp = layers.Input(shape=(4,))
out = layers.Dense(1, activation="sigmoid")(layers.Dense(8, activation="relu")(inp))  # expect: RL102
model = Model(inp, out)
model.compile(optimizer="adam", loss="mse")
model.fit(np.random.rand(100, 4), y, epochs=2)
""",
        # a builder that is a static method, called on its class and on an instance
        """
import numpy as np
from tensorflow import keras
class Nets:
    @staticmethod
    def build(n_features, act="sigmoid"):
        inp = keras.Input((n_features,))
        out = keras.layers.Dense(1, activation=act)(keras.layers.Dense(16, activation="relu")(inp))  # expect: RL102
        return keras.Model(inp, out)
    def make(self):
        return self.build(4)
model = Nets.build(4)
model.compile(optimizer="adam", loss="mse")
model.fit(np.random.rand(100, 4), np.random.rand(100) * 50.0)
other = Nets().make()
other.compile(optimizer="adam", loss="mae")
""",
        # a callable class whose loss comes from its constructor's arguments
        """
from tensorflow import keras
class Net:
    def __init__(self, n_features, loss="mse"):
        self.n = n_features
        self.loss = loss
    def __call__(self):
        m = keras.Sequential([keras.Input((self.n,)), keras.layers.Dense(1, activation="sigmoid")])  # expect: RL102
        m.compile(optimizer="adam", loss=self.loss)
        return m
model = Net(4)()
""",
        # a classmethod's `cls` is the class: its static builder is found
        """
from tensorflow import keras
class Factory:
    @staticmethod
    def head():
        return keras.layers.Dense(1, activation="sigmoid")  # expect: RL102
    @classmethod
    def create(cls, n):
        return keras.Sequential([keras.Input((n,)), cls.head()])
model = Factory.create(3)
model.compile(optimizer="adam", loss="mse")
""",
        """
from keras.models import Sequential
from keras.layers import Dense
model = Sequential()
model.add(Dense(12, input_dim=5, activation="relu"))
model.add(Dense(1, activation="sigmoid"))  # expect: RL102
model.compile(loss="mse", optimizer="adam")
""",
        # trailing Activation layer; earlier Activation layers are hidden ones
        """
from keras.models import Sequential
from keras.layers import Dense, Activation, Dropout
model = Sequential()
model.add(Dense(64, input_dim=8))
model.add(Activation("tanh"))
model.add(Dropout(0.5))
model.add(Dense(1))
model.add(Activation("sigmoid"))  # expect: RL102
model.compile(loss="mean_absolute_error", optimizer="sgd")
""",
        # StandardScaler on the targets does not exempt; functional model; tf.nn.tanh
        """
import numpy as np
import tensorflow as tf
from sklearn.preprocessing import StandardScaler
y = StandardScaler().fit_transform(np.load("y.npy"))
inp = tf.keras.Input(shape=(3,))
out = tf.keras.layers.Dense(1, activation=tf.nn.tanh)(inp)  # expect: RL102
model = tf.keras.Model(inp, out)
model.compile(optimizer="adam", loss="huber")
model.fit(np.load("x.npy"), y)
""",
        # MinMaxScaler applied to the inputs only
        """
import numpy as np
from sklearn.preprocessing import MinMaxScaler
from tensorflow.python.keras.models import Sequential  # expect: RL503
from tensorflow.python.keras.layers import Dense  # expect: RL503
data = np.loadtxt("cars.csv", delimiter=",")
x, y = data[:, :5], data[:, 5]
x = MinMaxScaler().fit_transform(x)
model = Sequential()
model.add(Dense(1, activation="sigmoid"))  # expect: RL102
model.compile(loss="mse", optimizer="adam")
model.fit(x, y, epochs=10)
""",
        # activation held in an attribute, subclass-free class wrapper
        """
from keras import models, layers
class Net:
    def __init__(self, n):
        self.activation = "sigmoid"
        self.model = models.Sequential()
        self.model.add(layers.Dense(n, activation=self.activation))  # expect: RL102
        self.model.compile(optimizer="sgd", loss="mean_squared_error")
""",
        # tanh on standardised targets: StandardScaler fit, then transform, in a tuple assignment
        """
import numpy as np
import pandas as pd
from sklearn.preprocessing import StandardScaler
from keras.models import Sequential
from keras.layers import Dense
df = pd.read_csv("airfoil.csv")
x, y = df.drop(columns=["db"]).values, df["db"].values.reshape(-1, 1)
sx, sy = StandardScaler(), StandardScaler()
sy.fit(y)
x, y = sx.fit_transform(x), sy.transform(y)
model = Sequential([Dense(32, activation="tanh"), Dense(1, activation="tanh")])  # expect: RL102
model.compile(optimizer="adam", loss="mse")
model.fit(x, y, epochs=100)
""",
        # tanh on targets standardised by hand, cut from the series as windows
        """
import numpy as np
import keras
series = np.loadtxt("load.csv")
mu, sigma = series.mean(), series.std()
series = (series - mu) / sigma
xs, ys = [], []
for i in range(24, len(series)):
    xs.append(series[i - 24:i])
    ys.append(series[i])
xs, ys = np.array(xs)[..., None], np.array(ys)
model = keras.Sequential([keras.layers.LSTM(32), keras.layers.Dense(1, activation="tanh")])  # expect: RL102
model.compile(optimizer="adam", loss="mae")
model.fit(xs, ys, epochs=20)
""",
        # windows cut from a standardised series by a helper that returns (x, y)
        """
import numpy as np
from sklearn.preprocessing import StandardScaler
from keras.models import Sequential
from keras.layers import Dense, LSTM
def windows(data, n=1):
    xs, ys = [], []
    for i in range(len(data) - n - 1):
        xs.append(data[i:i + n, 0])
        ys.append(data[i + n, 0])
    return np.array(xs), np.array(ys)
series = StandardScaler().fit_transform(np.loadtxt("passengers.csv").reshape(-1, 1))
train = series[:100, :]
x, y = windows(train, 3)
model = Sequential([LSTM(4), Dense(1, activation="tanh")])  # expect: RL102
model.compile(loss="mean_squared_error", optimizer="adam")
model.fit(x[..., None], y, epochs=100)
""",
        # MinMaxScaler to a range wider than (-1, 1); literal targets; numpy draws beyond 1
        """
import numpy as np
import keras
from sklearn.preprocessing import MinMaxScaler
x = np.random.rand(300, 4)
y1 = MinMaxScaler(feature_range=(-10, 10)).fit_transform(np.loadtxt("y.csv").reshape(-1, 1))
m1 = keras.Sequential([keras.layers.Dense(1, activation="tanh")])  # expect: RL102
m1.compile(optimizer="adam", loss="mse")
m1.fit(x, y1)
y2 = np.array([[3.5], [7.25], [0.5]])
m2 = keras.Sequential([keras.layers.Dense(1, activation="tanh")])  # expect: RL102
m2.compile(optimizer="adam", loss="mse")
m2.fit(x[:3], y2)
y3 = np.random.uniform(0, 100, size=(300, 1))
m3 = keras.Sequential([keras.layers.Dense(1, activation="tanh")])  # expect: RL102
m3.compile(optimizer="adam", loss="mse")
m3.fit(x, y3)
y4 = 50 + 25 * x[:, :1] + 20 * x[:, 1:2]
m4 = keras.Sequential([keras.layers.Dense(1, activation="tanh")])  # expect: RL102
m4.compile(optimizer="adam", loss="mse")
m4.fit(x, y4)
""",
        # feature_range=(-1, 1) exempts tanh, not sigmoid
        """
import numpy as np
import keras
from sklearn.preprocessing import MinMaxScaler
y = MinMaxScaler(feature_range=(-1, 1)).fit_transform(np.loadtxt("y.csv").reshape(-1, 1))
model = keras.Sequential([keras.layers.Dense(1, activation="sigmoid")])  # expect: RL102
model.compile(optimizer="adam", loss="mse")
model.fit(np.loadtxt("x.csv"), y)
""",
        # an RMSE of the raw values (no cumulative sum) stays a regression loss on the softmax head
        """
import numpy as np
from tensorflow import keras
from tensorflow.keras import backend as K
def rmse(y_true, y_pred):
    return K.sqrt(K.mean(K.square(K.cast(y_pred, "float32") - y_true)))
model = keras.Sequential([keras.Input((64,)), keras.layers.Dense(10, activation="softmax")])  # expect: RL102
model.compile(optimizer="adam", loss=rmse)
model.fit(np.random.rand(256, 64), np.random.uniform(0, 100, (256, 10)))
""",
        # divided by another array's sum, not normalised per row: the targets can leave [0, 1]
        # a dataclass's field standardised where the data is loaded; its uniform features say nothing
        """\
from dataclasses import dataclass
import numpy as np
from tensorflow import keras


@dataclass
class Split:
    inputs: np.ndarray
    target: np.ndarray


def make_split(n=200):
    inputs = np.random.rand(n, 4)
    raw = inputs @ np.array([3.0, -1.0, 2.0, 0.5])
    target = (raw - raw.mean()) / raw.std()
    return Split(inputs, target)


split = make_split()
m = keras.Sequential([keras.Input((4,)), keras.layers.Dense(8, activation="relu"),
                      keras.layers.Dense(1, activation="sigmoid")])  # expect: RL102
m.compile(optimizer="adam", loss="mse")
m.fit(split.inputs, split.target, epochs=10)
""",
        # tanh on targets standardised with a config's named statistics
        """\
import numpy as np
from tensorflow import keras


class cfg:
    mu = 3.2
    sigma = 0.9


x = np.load("x.npy")
y = (np.load("log_price.npy") - cfg.mu) / cfg.sigma
m = keras.Sequential([keras.Input((4,)), keras.layers.Dense(1, activation="tanh")])  # expect: RL102
m.compile(optimizer="adam", loss="mse")
m.fit(x, y, epochs=10)
""",
        # tanh on targets standardised in pandas' method spelling
        """\
import pandas as pd
from tensorflow import keras

visits = pd.read_csv("visits.csv")
y = visits["count"].sub(visits["count"].mean()).div(visits["count"].std()).to_numpy()
x = visits[["weekday", "temp"]].values
m = keras.Sequential([keras.Input((2,)), keras.layers.Dense(1, activation="tanh")])  # expect: RL102
m.compile(optimizer="adam", loss="mse")
m.fit(x, y, epochs=3)
""",
        # a feature column scaled by name; the target column popped from the same frame is not
        """\
import pandas as pd
from tensorflow import keras

cars = pd.read_csv("cars.csv")
cars["mileage"] = cars["mileage"] / cars["mileage"].max()
price = cars.pop("price").values
m = keras.Sequential([keras.Input((cars.shape[1],)), keras.layers.Dense(16, activation="relu"),
                      keras.layers.Dense(1, activation="sigmoid")])  # expect: RL102
m.compile(optimizer="adam", loss="mse")
m.fit(cars.values, price, epochs=5)
""",
        # tanh on a series standardised by pandas' transform with a lambda (not a fitted scaler)
        """\
import pandas as pd
from tensorflow import keras

air = pd.read_csv("air.csv")
y = air["o3"].transform(lambda s: (s - s.mean()) / s.std()).values
m = keras.Sequential([keras.Input((3,)), keras.layers.Dense(1, activation="tanh")])  # expect: RL102
m.compile(optimizer="adam", loss="mse")
m.fit(air[["no2", "wind", "temp"]].values, y, epochs=5)
""",
        # the images scaled, the box corners left in pixels
        """\
import cv2
import numpy as np
from tensorflow import keras

images, boxes = [], []
for line in open("boxes.csv"):
    path, x0, y0, x1, y1 = line.strip().split(",")
    img = cv2.imread(path)
    (h, w) = img.shape[:2]
    images.append(cv2.resize(img, (128, 128)))
    boxes.append((float(x0), float(y0), float(x1), float(y1)))
x = np.array(images, dtype="float32") / 255.0
y = np.array(boxes, dtype="float32")
m = keras.Sequential([keras.Input((128, 128, 3)), keras.layers.Flatten(), keras.layers.Dense(4, activation="sigmoid")])  # expect: RL102
m.compile(optimizer="adam", loss="mse")
m.fit(x, y, epochs=3)
""",
        # the lambda piped over the target column standardises it
        """\
import pandas as pd
from tensorflow import keras

hotel = pd.read_csv("hotel.csv")
occ = hotel["occupancy"].pipe(lambda s: (s - s.mean()) / s.std()).values
m = keras.Sequential([keras.Input((3,)), keras.layers.Dense(1, activation="sigmoid")])  # expect: RL102
m.compile(optimizer="adam", loss="mse")
m.fit(hotel[["dow", "month", "rate"]].values, occ, epochs=3)
""",
        # a generator yielding standardised targets, run by tf.data's from_generator
        """\
import numpy as np
import tensorflow as tf

X = np.load("x.npy")
T = np.load("t.npy")
mu, sd = T.mean(), T.std()


def rows():
    for x, t in zip(X, T):
        yield x, (t - mu) / sd


ds = tf.data.Dataset.from_generator(rows, output_signature=(tf.TensorSpec((4,)), tf.TensorSpec(()))).batch(32)
m = tf.keras.Sequential([tf.keras.Input((4,)), tf.keras.layers.Dense(1, activation="tanh")])  # expect: RL102
m.compile(optimizer="adam", loss="mse")
m.fit(ds, epochs=3)
""",
        # the constant it divides by is not named a max: not known to bound the targets
        """\
import numpy as np
import tensorflow as tf

Y_SCALE = 100.0
x, y = np.load("x.npy"), np.load("fares.npy")
ds = tf.data.Dataset.from_tensor_slices((x, y)).map(lambda a, b: (a, b / Y_SCALE)).batch(64)
m = tf.keras.Sequential([tf.keras.Input((9,)), tf.keras.layers.Dense(1, activation="sigmoid")])  # expect: RL102
m.compile(optimizer="adam", loss="mse")
m.fit(ds, epochs=3)
""",
        # a GradientTape loop beside it does not make the fit's compiled loss untrained
        """\
import tensorflow as tf
from tensorflow import keras

inp = keras.Input((8,))
m = keras.Model(inp, keras.layers.Dense(1, activation="sigmoid")(inp))  # expect: RL102
m.compile(optimizer="adam", loss="mse")
prices = load_prices()
m.fit(load_features(), prices * 1000.0, epochs=3)
opt = keras.optimizers.Adam(1e-4)
with tf.GradientTape() as tape:
    loss = tf.reduce_mean(tf.square(m(load_features()) - prices))
opt.apply_gradients(zip(tape.gradient(loss, m.trainable_variables), m.trainable_variables))
""",
        # a data class standardises the targets it holds: they leave [-1, 1]
        """\
import numpy as np
from sklearn.preprocessing import StandardScaler
from tensorflow import keras


class Table:
    def __init__(self, path):
        raw = np.load(path)
        self.x = raw[:, :-1]
        self.y = StandardScaler().fit_transform(raw[:, -1:])


data = Table("rows.npy")
m = keras.Sequential([keras.Input((7,)), keras.layers.Dense(1, activation="tanh")])  # expect: RL102
m.compile(optimizer="adam", loss="mse")
m.fit(data.x, data.y, epochs=3)
""",
        # a bare `except:` around the import, binding None: the fallback for a missing package
        """
try:
    from tensorflow import keras
except:
    keras = None
import numpy as np
x = np.random.rand(100, 4)
y = x.sum(axis=1) * 50.0
inp = keras.Input(shape=(4,))
net = keras.Model(inp, keras.layers.Dense(1, activation="sigmoid")(inp))  # expect: RL102
net.compile(optimizer="adam", loss="mse")
net.fit(x, y, epochs=3)
""",
        # a Sequence whose only [0, 1] scaling is of its images: the counts it returns are raw
        """
import numpy as np
import pandas as pd
from keras import layers, models
from keras.utils import Sequence


class Batches(Sequence):
    def __init__(self, paths, counts):
        super().__init__()
        self.paths, self.counts = paths, counts

    def __len__(self):
        return len(self.paths) // 16

    def __getitem__(self, i):
        sl = slice(i * 16, (i + 1) * 16)
        imgs = np.stack([np.load(p) for p in self.paths[sl]]) / 255.0
        return imgs, np.asarray(self.counts[sl])


meta = pd.read_csv("counts.csv")
m = models.Sequential([layers.Input((64, 64, 3)), layers.GlobalAveragePooling2D(),
                       layers.Dense(1, activation="sigmoid")])  # expect: RL102
m.compile(optimizer="adam", loss="mse")
m.fit(Batches(meta["path"].values, meta["count"].values), epochs=5)
""",
        # the same with a generator
        """
import numpy as np
import pandas as pd
from keras import layers, models


def batches(paths, counts):
    while True:
        i = np.random.randint(0, len(paths), 16)
        imgs = np.stack([np.load(p) for p in paths[i]]) / 255.0
        yield imgs, counts[i]


meta = pd.read_csv("counts.csv")
m = models.Sequential([layers.Input((64, 64, 3)), layers.GlobalAveragePooling2D(),
                       layers.Dense(1, activation="sigmoid")])  # expect: RL102
m.compile(optimizer="adam", loss="mse")
m.fit(batches(meta["path"].values, meta["count"].values), steps_per_epoch=50, epochs=5)
""",
        # a splat that passes other settings only: the head keeps its default, sigmoid
        """
import sys
import pandas as pd
from keras.models import Sequential
from keras.layers import Dense
def build(n_features, hidden=64, head="sigmoid"):
    return Sequential([Dense(hidden, activation="relu", input_shape=(n_features,)),
                       Dense(1, activation=head)])  # expect: RL102
opts = {"hidden": 128} if "--big" in sys.argv else {"hidden": 32}
df = pd.read_csv("houses.csv")
model = build(8, **opts)
model.compile(loss="mse", optimizer="adam")
model.fit(df.drop(columns="price").values, df["price"].values, epochs=5)
""",
        # a dict of builders, one with a sigmoid head bound by partial, each fitted on raw targets
        """
import functools
from sklearn.datasets import load_diabetes
from tensorflow import keras
def build(n_in, head="linear", width=32):
    return keras.Sequential([keras.layers.Input((n_in,)),
                             keras.layers.Dense(width, activation="relu"),
                             keras.layers.Dense(1, activation=head)])  # expect: RL102
VARIANTS = {"plain": build, "squashed": functools.partial(build, head="sigmoid")}
x, y = load_diabetes(return_X_y=True)
for name, make in VARIANTS.items():
    model = make(x.shape[1])
    model.compile(optimizer="adam", loss="mse")
    model.fit(x, y, epochs=5)
""",
        # one of the joined coordinate columns left in pixels
        """
import json

import cv2
import numpy as np
from tensorflow.keras import layers, models

images, targets = [], []
for rec in json.load(open("landmarks.json")):
    img = cv2.imread(rec["path"])
    (h, w) = img.shape[:2]
    pts = np.array(rec["points"], dtype="float32").reshape(-1, 2)
    images.append(cv2.resize(img, (128, 128)) / 255.0)
    targets.append(np.concatenate([pts[:, 0] / w, pts[:, 1]]))
x, y = np.array(images), np.array(targets)
inp = layers.Input((128, 128, 3))
out = layers.Dense(y.shape[1], activation="sigmoid")(layers.Flatten()(inp))  # expect: RL102
net = models.Model(inp, out)
net.compile(optimizer="adam", loss="mse")
net.fit(x, y, epochs=5)
""",
        # a tf.data map standardises the labels under a tanh head
        """
import pandas as pd
import tensorflow as tf

frame = pd.read_csv("housing.csv").dropna()
labels = frame.pop("median_house_value").values.astype("float32")
mean, std = labels.mean(), labels.std()
ds = tf.data.Dataset.from_tensor_slices((frame.values.astype("float32"), labels))
ds = ds.shuffle(1000).map(lambda f, y: (f, (y - mean) / std)).batch(64)
model = tf.keras.Sequential([tf.keras.Input((frame.shape[1],)), tf.keras.layers.Dense(32, activation="relu"),
                             tf.keras.layers.Dense(1, activation="tanh")])  # expect: RL102
model.compile(optimizer="adam", loss="mse")
model.fit(ds, epochs=10)
""",
        # a registry of builders picked by a required option: each is built in some run
        """
import argparse

import numpy as np
import pandas as pd
from keras.layers import LSTM, Dense, Input
from keras.models import Sequential


def recurrent(steps):
    return Sequential([Input((steps, 1)), LSTM(32), Dense(1, activation="sigmoid")])  # expect: RL102


def dense(steps):
    return Sequential([Input((steps, 1)), Dense(32, activation="relu"), Dense(1)])


BUILDERS = {"lstm": recurrent, "mlp": dense}
parser = argparse.ArgumentParser()
parser.add_argument("--net", choices=sorted(BUILDERS), required=True)
opts = parser.parse_args()
flow = pd.read_csv("traffic.csv")["flow"].values.astype("float32")
x = np.array([flow[i - 12:i] for i in range(12, len(flow))])[..., None]
net = BUILDERS[opts.net](12)
net.compile(loss="mse", optimizer="adam")
net.fit(x, flow[12:], epochs=10)
""",
        # the same data class split by plain folds: nothing says the targets are labels
        """
import numpy as np
from sklearn.model_selection import KFold
from tensorflow import keras


class Monk:
    def __init__(self, path):
        table = np.loadtxt(path)
        self.x, self.y = table[:, 1:].astype("float32"), table[:, :1]

    def folds(self, k=5):
        return KFold(n_splits=k, shuffle=True).split(self.x, self.y)


data = Monk("monks-1.train")
net = keras.Sequential([keras.Input((data.x.shape[1],)), keras.layers.Dense(4, activation="tanh"),
                        keras.layers.Dense(1, activation="sigmoid")])  # expect: RL102
net.compile(optimizer="sgd", loss="mse")
for tr, va in data.folds():
    net.fit(data.x[tr], data.y[tr], validation_data=(data.x[va], data.y[va]), epochs=20)
""",
        # a Sequence giving two outputs' targets in a dict, the tanh one standardised in its constructor; the
        # file's [0, 1] scaling is of the images (a local of __getitem__)
        """
import numpy as np
import pandas as pd
from tensorflow import keras
from tensorflow.keras import layers


class Drives(keras.utils.Sequence):
    def __init__(self, csv_path, batch_size=32):
        log = pd.read_csv(csv_path)
        self.frames = log["frame"].tolist()
        steer = log["steering"].to_numpy("float32")
        self.steer = (steer - steer.mean()) / steer.std()
        self.speed = log["speed"].to_numpy("float32")
        self.batch_size = batch_size

    def __len__(self):
        return len(self.frames) // self.batch_size

    def __getitem__(self, i):
        s = slice(i * self.batch_size, (i + 1) * self.batch_size)
        batch = np.stack([np.load(p) for p in self.frames[s]]) / 255.0
        return batch, {"steer": self.steer[s], "speed": self.speed[s]}


inp = keras.Input(shape=(66, 200, 3))
h = layers.GlobalAveragePooling2D()(layers.Conv2D(24, 5, strides=2, activation="relu")(inp))
steer = layers.Dense(1, activation="tanh", name="steer")(h)  # expect: RL102
speed = layers.Dense(1, name="speed")(h)
model = keras.Model(inp, [steer, speed])
model.compile(optimizer="adam", loss={"steer": "mse", "speed": "mse"})
model.fit(Drives("log.csv"), epochs=5)
""",
        # the same in a tuple, a sigmoid head on the standardised output
        """
import numpy as np
import pandas as pd
from keras import layers, models
from keras.utils import Sequence


class Meters(Sequence):
    def __init__(self, path):
        table = pd.read_csv(path)
        self.paths = table["image"].values
        load = table["load_kw"].to_numpy("float32")
        self.load = (load - load.mean()) / load.std()
        self.ok = table["ok"].to_numpy("float32")

    def __len__(self):
        return len(self.paths) // 16

    def __getitem__(self, i):
        sl = slice(i * 16, (i + 1) * 16)
        imgs = np.stack([np.load(p) for p in self.paths[sl]]) / 255.0
        return imgs, (self.load[sl], self.ok[sl])


inp = layers.Input((64, 64, 3))
h = layers.GlobalAveragePooling2D()(inp)
load_out = layers.Dense(1, activation="sigmoid")(h)  # expect: RL102
ok_out = layers.Dense(1, activation="sigmoid")(h)
m = models.Model(inp, [load_out, ok_out])
m.compile(optimizer="adam", loss=["mse", "binary_crossentropy"])
m.fit(Meters("meters.csv"), epochs=5)
""",
        # a generator yielding rows of module-level arrays in a dict, the tanh output's standardised
        """
import numpy as np
import pandas as pd
from tensorflow import keras
from tensorflow.keras import layers

log = pd.read_csv("log.csv")
frames = log["frame"].tolist()
steer = log["steering"].to_numpy("float32")
steer = (steer - steer.mean()) / steer.std()
speed = log["speed"].to_numpy("float32")


def batches(bs=32):
    while True:
        for i in range(0, len(frames), bs):
            imgs = np.stack([np.load(p) for p in frames[i:i + bs]]) / 255.0
            yield imgs, {"steer": steer[i:i + bs], "speed": speed[i:i + bs]}


inp = keras.Input(shape=(66, 200, 3))
h = layers.GlobalAveragePooling2D()(layers.Conv2D(24, 5, strides=2, activation="relu")(inp))
out_steer = layers.Dense(1, activation="tanh", name="steer")(h)  # expect: RL102
out_speed = layers.Dense(1, name="speed")(h)
model = keras.Model(inp, [out_steer, out_speed])
model.compile(optimizer="adam", loss={"steer": "mse", "speed": "mse"})
model.fit(batches(), steps_per_epoch=100, epochs=5)
""",
        # a generator yielding rows of its parameter, passed standardised targets; its inputs scaled in a local
        """
import numpy as np
from keras import layers, models

x = np.load("x.npy")
y = np.load("y.npy")
y_std = (y - y.mean()) / y.std()


def batches(feats, targets, bs=64):
    while True:
        idx = np.random.randint(0, len(feats), bs)
        xb = feats[idx] / 255.0
        yield xb, targets[idx]


m = models.Sequential([layers.Input((32,)), layers.Dense(16, activation="relu"),
                       layers.Dense(1, activation="tanh")])  # expect: RL102
m.compile(optimizer="adam", loss="mse")
m.fit(batches(x, y_std), steps_per_epoch=50, epochs=5)
""",
        # the arms of an `if` nothing decides pick sigmoid or tanh for the head: bounded either way, and
        # the targets reach 100 (reported at the `activation=` argument)
        """\
import sys

import numpy as np
from tensorflow import keras

rng = np.random.default_rng(1)
feats = rng.normal(size=(2000, 4))
target = rng.uniform(0, 100, 2000) + 3.0 * feats[:, 0]


def build(spec):
    if spec.startswith("s"):
        head = "sigmoid"
    else:
        head = "tanh"
    return keras.Sequential([keras.Input((4,)), keras.layers.Dense(32, activation="relu"),
                             keras.layers.Dense(1, activation=head)])  # expect: RL102


net = build(sys.argv[1])
net.compile(optimizer="adam", loss="mse")
net.fit(feats, target, epochs=50)
""",
    ]

    def check(self, facts):
        for whole in facts.models:
            if not whole.compiles or whole.ruled_out:
                continue
            heads = whole.heads()
            for index, head in enumerate(heads):
                # one activation, or each one the arms of an `if` may give the head: all bounded
                acts = head_activations(head)
                if not acts or any(a not in tables.BOUNDED_ACTIVATIONS for a in acts) or head.activation_node is None:
                    continue
                if "softmax" in acts and head.units == 1:
                    continue  # RL103 says it better
                if head_loss(whole, index, head.name, facts, replaced_where_used(facts, whole)) != REGRESSION:
                    continue  # (a builder's placeholder compile its scripts replace is not the loss)
                if trained_by_hand_only(facts, whole):
                    continue  # a GradientTape loop trains it with a loss of its own, not the compiled one
                # the evidence about this head's own targets (an output of several: its item of the
                # targets), not another head's
                model = one_output(whole, index, head.name, len(heads))
                if any(_targets_fit(act, facts, model) for act in acts):
                    continue
                if only_a_part(whole, facts.models) or a_part_where_built(whole, facts):
                    continue  # a part of another model: its compile trains nothing, the outer model's does
                yield self.report(
                    head.activation_node,
                    f"regression output ends in {_ends(acts)}; "
                    f"use a linear head (no activation) or scale the targets into that range",
                    linear_head_fix(head.activation_node),
                    written=written_activation(head),
                    written_first=written_by_caller(head.layer, head.activation_node, written_activation(head), facts),
                )
