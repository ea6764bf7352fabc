from __future__ import annotations

import dataclasses

from regr_lint.input.vocabulary import COMPILED
from regr_lint.knowledge import tables
from regr_lint.model.classify import REGRESSION, head_loss
from regr_lint.model.importers import written_by_caller
from regr_lint.model.model import head_activations, only_a_part, written_activation
from regr_lint.model.superseded import a_part_where_built
from regr_lint.model.signs import targets_can_be_negative
from regr_lint.rule import Fix, Rule
from regr_lint.rules.rl102_bounded_output_on_regression import linear_head_fix

# Final activations whose outputs are never negative.
NON_NEGATIVE_ACTIVATIONS = {"relu": "[0, inf)", "softplus": "(0, inf)", "exponential": "(0, inf)"}


def _ends(acts: tuple) -> str:
    """`'relu': predictions live in [0, inf)`, or so for each activation the arms of an `if` may give."""
    if len(acts) == 1:
        return f"'{acts[0]}': predictions live in {NON_NEGATIVE_ACTIVATIONS[acts[0]]}"
    each = ", ".join(f"'{a}' {NON_NEGATIVE_ACTIVATIONS[a]}" for a in acts[:-1])
    return f"{each} or '{acts[-1]}' {NON_NEGATIVE_ACTIVATIONS[acts[-1]]}, whichever arm of the `if` choosing it " \
           f"runs: predictions are never negative"


def drop_activation_fix(node) -> Fix | None:
    fix = linear_head_fix(node)
    if fix is not None and fix.message == "drop the bounded activation":
        fix = dataclasses.replace(fix, message="drop the activation")
    return fix


class ReluHeadOnSignedTargets(Rule):
    code = "RL106"
    name = "relu-head-on-signed-targets"
    summary = "Regression head ends in relu / softplus / exponential while the targets can be negative"
    severity = "error"  # negative targets cannot be predicted: a wrong model
    tokens = ("keras", ("compile", "KerasRegressor", "KerasClassifier"), ("relu", "ReLU", "Relu", "RELU", "softplus", "Softplus", "exponential", "Exponential"))
    names = (COMPILED, tuple(sorted(NON_NEGATIVE_ACTIVATIONS)), tables.REGRESSION_VOCABULARY)
    docs = """\
## What it does
Finds a model trained with a regression loss whose final layer has activation `relu`, `softplus`
or `exponential` (as `activation=` in any spelling, `keras.activations.x`, or a trailing
`Activation('x')` layer; a builder's `activation=head` in another module is reported at the literal
the script hands it, or where a config module writes what the script hands on; a model never trained
by itself but used as a part of another is judged through the outer model's compile, not its own; a `Dense` head, as RL102 judges it — not a convolutional or recurrent output
layer) while the same file shows that the targets it is fitted on take negative values:

- standardised targets — `StandardScaler` (also as the last step of a scikit-learn pipeline,
  `make_pipeline(SimpleImputer(), StandardScaler())`), `scale`, `zscore` (also through pandas' `.pipe(zscore)`), `(y - y.mean()) / y.std()` (also in pandas' spelling, `s.sub(s.mean()).div(s.std())`, and with
  statistics computed unless the caller gives them, `self.mu = y.mean() if mu is None else mu`), centred
  on their group's mean (`y - df.groupby(g)[c].transform("mean")`), centred
  targets divided by any one number (`(y - y.mean()) / y.max()`) (also in a
  `tf.data` pipeline's `.map()`, `lambda x, y: (x, (y - mu) / sd)`, also under the output's name,
  `(x, {"delay": (y["delay"] - mu) / sd})`, and over a dataset of three or more items; of a model of
  several outputs, its own item of what a generator or `Sequence` gives, `yield x, {"late": a, "delay": z}`),
  `y -= y.mean()`; statistics written down as constants count when their names say what they are
  (`(y - Y_MEAN) / Y_STD`, `y - cfg.mu`, from a config module too: a mean named `mean`, `mu`, `avg`;
  a spread `std`, `sd`, `sigma`), not other constants (`(y - LOW) / SPAN` is a min-max scaling; a
  mean written as 0 centres nothing) — or a standardised series / table the targets are cut from (windows built in a
  loop or a helper — also a helper or a generator of another module the script passes the standardised series to,
  `x, y = cut((s - s.mean()) / s.std(), 24)`, `fit(batches(load_z, 48))` —, `keras.utils.timeseries_dataset_from_array(..., targets=...)`, a column of a
  standardised frame — read as `df["y"]`, `df.pop("y")` or through a constant naming it, `df[TARGET]`
  (also with other columns by a list, `df[["dx", "dy"]]`: negative when one of them can be); a
  column a function writes on the frame it returns, `df = load(path)` with `df["y"] = …` in `load` (also
  with its rows cleaned in the same expression, `add_target(raw).dropna()`; also a
  loader of another module — also one item of a tuple it returns, `df, stats = load(path)` —, or a frame
  a data module binds, read by name or as the module's attribute, `D.FRAME["ret"]`; a column named by a
  config module's constant, `df[config.TARGET]`; other columns a loop writes one per pass, `for c in
  FEATURES: df[c] = …` over a list of names, or by keys built from text, `df["lag%d" % k]`,
  `df[f"lag{k}"]`, `df["lag{}".format(k)]`, leave it as it was), or assigns in a function or lambda piped over it,
  `.pipe(add_target)` —, or the whole frame standardised in place — `df[df.columns] = …`, `df[:] = …`,
  `df.iloc[:, :] = …` — and read back as `df.values`);
- `MinMaxScaler(feature_range=(-1, 1))` (any range below 0; also a range held in a name, bound here or
  in a config module, `feature_range=Y_RANGE`) on the targets;
- `make_regression(...)` targets (also as a helper of the project returns them, `return make_regression(...)`);
- `sin` / `cos` targets (unless the argument provably stays where the function has one sign);
- returns: `pct_change()`, `diff()`, the log of a ratio (`np.log(p / p.shift(1))`, `np.log(np.divide(p, p.shift(1)))`), `log(a) - log(b)`;
- the same per group of a frame: `df.groupby("shop")["sales"].transform(lambda g: (g - g.mean()) /
  g.std())`, `df.groupby("ticker")["close"].pct_change()` and columns shifted from them; a series
  piped through a function of the file that centres any value (`df["y"].pipe(standardize)`);
- zero-mean noise (numpy's `normal(0, s, n)`, `randn`, Laplace / logistic draws around 0; TensorFlow's `tf.random.normal(shape)` with its default mean), literal data (also a column written in `pd.DataFrame({"y": [...]})`) or draws below 0, and affine arithmetic that keeps both signs (a zero-mean draw shifted by less than two of its deviations, `3.0 * X[:, 0] + 1.0` with `X` standard normal; values that take both signs plus zero-mean noise of any
  scale, `np.sin(t) + noise * rng.standard_normal(n)` with `noise` a parameter); such
  targets clipped on both sides of 0 (`np.clip(z, -3, 3)`) keep them too.

The same operations on the features only, targets read from a file and left as they are (prices,
counts), and MinMaxScaler's default range are not evidence: without evidence it is silent.
A model fitted through a scikit-learn regressor wrapper (`KerasRegressor(model=build).fit(X, y)`,
`cross_val_score(KerasRegressor(model=build), X, y)`, also at the end of a pipeline or inside a
`GridSearchCV`, here or in a script beside the builder's module) is judged by the targets the wrapper
is given — standardised ones when a `TransformedTargetRegressor(..., transformer=StandardScaler())`
wraps it. So is a model a method of another module's class fits on the data a script hands it
(`Reconstructor().fit(rows)`, the method fitting on its parameter, also on the parts of it a
`train_test_split(rows)` at the top of the method makes, or on the items of a list the script writes
out, `train([x, y])` with `x, y = data` there; or on what its constructor stored from the script's
arguments, unchanged — a Flower client's `fit`, which the framework calls, running
`self.net.fit(self.feats, self.target)`): by what the script passes. When the model is trained on a dataset another module of the project makes (`train_ds` of
data.py, a window dataset its function returns), that module's code is the evidence; so it is for
targets another module binds at its top level and the file imports by name or reads as the module's attribute (`D.Y` of `import data as D`; `from data import X, Y`
with `Y = StandardScaler().fit_transform(...)` in data.py), and for a scaler a data module imports
from a third module that binds it at its top level (`TARGET_SCALER = StandardScaler()` in utils.py). The
field of a record a function returns (`data.y` of `return Data(x, y)`, a namedtuple or a dataclass) is
that field's value. Targets an
instance holds (`self.y = StandardScaler().fit_transform(...)`, `self.y, self.stats =
utils.normalize(y)` in its constructor; `self.y = raw` then `self.y -= self.y.mean()`: the last of a method's writes in a row) are read where they are set, as RL102 reads them, and so are the
targets every batch of a generator gives (`yield t, np.sin(t)`) or a `Sequence`'s `__getitem__` returns
(also standardised with statistics the instance keeps, `(self.y[s] - self.mu) / self.sd`; also the
`__getitem__` a subclass inherits from a base class of the same file, returning what its
`super().__init__(x, (y - y.mean()) / y.std())` set). Centred in place then divided (`self.y -=
self.y.mean()`, `self.y /= self.y.std()`) is still centred, also in the methods of an object made in a
chain (`Demand(path).load().center()`: the last method of the chain writing `self.y` decides). A
target scaler chosen by an `if` nothing decides (a `MinMaxScaler()` on one arm and a `StandardScaler()`
on the other, picked by a command-line option or by a helper's `method` parameter read on its own)
is no evidence; a module constant deciding the test picks its arm, and so does the literal a script
passes that parameter (`scale_targets(y, method="standard")` in another module).
A head whose `activation=` names what the arms of an `if` nothing decides (or a conditional
expression) bind to different strings (`act = "relu"` / `else: act = "softplus"`) is reported, at
that argument, only when every one is non-negative: one arm's `None`, or a value not known there,
keeps it silent.

## Why is this bad?
A relu output is never below 0, softplus and exponential outputs never reach 0. Every negative
target is predicted as 0 (or a little above), and a relu unit pushed below 0 gets no gradient at
all, so it can die for good: about half of a standardised target is unreachable, and the model
trains without an error while its predictions pile up at 0.

## Example
```python
y = StandardScaler().fit_transform(y)
model.add(Dense(1, activation="relu"))
model.compile(loss="mse", optimizer="adam")
model.fit(x, y)
```

## Use instead
A linear head (Keras' default) for targets that can be negative:
```python
model.add(Dense(1))
```
Keep relu / softplus on the output only for targets that are non-negative as they are fed to `fit`.

## Fix safety
Unsafe: the fix drops the activation (`activation=None`, or `Activation("linear")`), which changes
what the model computes; it is applied only with `--unsafe-fixes`.
"""
    VALID = [
        # two outputs fed by a tf.data map: the relu head's own key holds counts as read; only the
        # other (linear) head's targets are standardised
        """
import numpy as np
import tensorflow as tf
from tensorflow import keras

x = np.load("x.npy")
visits, temp = np.load("visits.npy"), np.load("temp.npy")
mu, sd = temp.mean(), temp.std()
ds = tf.data.Dataset.from_tensor_slices((x, {"visits": visits, "temp": temp})).map(
    lambda f, t: (f, {"visits": t["visits"], "temp": (t["temp"] - mu) / sd})).batch(64)
inp = keras.Input((8,))
h = keras.layers.Dense(32, activation="relu")(inp)
visits_out = keras.layers.Dense(1, activation="relu", name="visits")(h)
temp_out = keras.layers.Dense(1, name="temp")(h)
model = keras.Model(inp, {"visits": visits_out, "temp": temp_out})
model.compile(optimizer="adam", loss={"visits": "mse", "temp": "mse"})
model.fit(ds, epochs=5)
""",
        # the look-alike: the same frame's standardised column is a feature; the target column is the
        # prices themselves
        """
import numpy as np
import pandas as pd
from tensorflow import keras

px = pd.read_csv("prices.csv")["close"]
z = (px - px.mean()) / px.std()
frame = pd.DataFrame({"z": z.shift(1), "y": px}).dropna()
model = keras.Sequential([keras.layers.Input((1,)), keras.layers.Dense(8, activation="relu"),
                          keras.layers.Dense(1, activation="relu")])
model.compile(optimizer="adam", loss="mse")
model.fit(frame[["z"]].to_numpy(), frame["y"].to_numpy(), epochs=5)
""",
        # the look-alike: the next price itself (`close.shift(-1)`), and a later slice of the prices
        # plus a cost: never below 0
        """
import numpy as np
import pandas as pd
from tensorflow.keras import Sequential
from tensorflow.keras.layers import Dense

close = pd.read_csv("prices.csv")["close"]
y_next = close.shift(-1).dropna().to_numpy()
prices = close.to_numpy()
y_cost = prices[1:] + 0.05
net = Sequential([Dense(16, activation="relu"), Dense(1, activation="relu")])
net.compile(optimizer="adam", loss="mse")
net.fit(np.load("x_next.npy"), y_next, epochs=2)
net.fit(np.load("x_cost.npy"), y_cost, epochs=2)
""",
        # the look-alike: TensorFlow's uniform draw above 0 (minval=0.5): non-negative targets
        """
import tensorflow as tf

n = 4096
x = tf.random.uniform((n, 5), minval=-1.0, maxval=1.0)
y = tf.random.uniform((n, 1), minval=0.5, maxval=3.0)
model = tf.keras.Sequential([tf.keras.layers.Input(shape=(5,)), tf.keras.layers.Dense(16, activation="relu"),
                             tf.keras.layers.Dense(1, activation="relu")])
model.compile(optimizer="adam", loss="mse")
model.fit(x, y, epochs=20, batch_size=64)
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
net = models.Sequential([layers.Dense(32, activation="relu"), layers.Dense(1, activation="relu")])
net.compile(optimizer="adam", loss="mse")
net.fit(feats, kwh, epochs=10)
""",
        # the frame's literal target column is never negative (its other column is)
        """\
import pandas as pd
from keras.models import Sequential
from keras.layers import Dense
data = pd.DataFrame({"x": [-0.1, 0.4, -0.9, 1.3], "y": [2.5, 1.1, 0.3, 1.2]})
model = Sequential([Dense(8, activation="relu", input_dim=1), Dense(1, activation="relu")])
model.compile(loss="mse", optimizer="adam")
model.fit(data[["x"]].values, data["y"].values, epochs=5)
""",
        # a loop's f-string column may be the target itself (`f"target{suffix}"` with suffix ""):
        # what it writes there is not known
        """\
import pandas as pd
from tensorflow import keras
px = pd.read_csv("SPY.csv")
px["target"] = px["Adj Close"].pct_change().shift(-1)
for suffix in SUFFIXES:
    px[f"target{suffix}"] = px["Adj Close"].rolling(5).mean()
m = keras.Sequential([keras.Input((4,)), keras.layers.Dense(1, activation="relu")])
m.compile(optimizer="adam", loss="mse")
m.fit(px[["a", "b", "c", "d"]].values, px["target"].values, epochs=50)
""",
        # the subclass rescales what its base set, after super().__init__: targets in [0, 1]
        """\
import math
import numpy as np
from tensorflow import keras
from tensorflow.keras.utils import Sequence
class BaseSeq(Sequence):
    def __init__(self, x, y, bs=32):
        self.x, self.y, self.bs = x, y, bs
    def __len__(self):
        return math.ceil(len(self.x) / self.bs)
    def __getitem__(self, i):
        sl = slice(i * self.bs, (i + 1) * self.bs)
        return self.x[sl], self.y[sl]
class ZSeq(BaseSeq):
    def __init__(self, x, y, bs=32):
        super().__init__(x, (y - y.mean()) / y.std(), bs)
class UnitSeq(ZSeq):
    def __init__(self, x, y, bs=32):
        super().__init__(x, y, bs)
        self.y = (y - y.min()) / (y.max() - y.min())
x, y = np.load("x.npy"), np.load("y.npy")
m = keras.Sequential([keras.Input((8,)), keras.layers.Dense(1, activation="relu")])
m.compile(optimizer="adam", loss="mse")
m.fit(UnitSeq(x, y), epochs=10)
""",
        # every feature column standardised by a loop variable; the popped target is not
        """\
import pandas as pd
from tensorflow import keras
df = pd.read_csv("train.csv")
for col in ["rooms", "area"]:
    df[col] = (df[col] - df[col].mean()) / df[col].std()
y = df.pop("PRICE").values
net = keras.Sequential([keras.Input((df.shape[1],)), keras.layers.Dense(1, activation="relu")])
net.compile(optimizer="adam", loss="mse")
net.fit(df.values, y, epochs=50)
""",
        # a Sequence min-max scaling with bounds its constructor keeps on the instance
        """\
import math
import numpy as np
import keras
class Batches(keras.utils.PyDataset):
    def __init__(self, x, y, batch_size=32, **kwargs):
        super().__init__(**kwargs)
        self.x, self.y, self.bs = x, y, batch_size
        self.a, self.b = y.min(), y.max()
    def __len__(self):
        return math.ceil(len(self.x) / self.bs)
    def __getitem__(self, i):
        sl = slice(i * self.bs, (i + 1) * self.bs)
        return self.x[sl], (self.y[sl] - self.a) / (self.b - self.a)
x, y = np.load("x.npy"), np.load("y.npy")
net = keras.Sequential([keras.Input((x.shape[1],)), keras.layers.Dense(64, activation="relu"),
                        keras.layers.Dense(1, activation="relu")])
net.compile(optimizer="adam", loss="mse")
net.fit(Batches(x, y), epochs=15)
""",
        # ... of one sign only
        """
import numpy as np
import keras
def wave_batches(bs=64):
    while True:
        t = np.random.uniform(0, 20, size=(bs, 1))
        yield t, np.sin(t) ** 2
m = keras.Sequential([keras.Input((1,)), keras.layers.Dense(32, activation="relu"),
                      keras.layers.Dense(1, activation="softplus")])
m.compile(optimizer="adam", loss="mse")
m.fit(wave_batches(), steps_per_epoch=100, epochs=5)
""",
        # standardised targets clipped at 0: none is negative
        """
import numpy as np
import pandas as pd
import keras
df = pd.read_csv("wait_times.csv")
y = df.pop("wait").values
y = np.clip((y - y.mean()) / y.std(), 0, 3)
m = keras.Sequential([keras.Input((df.shape[1],)), keras.layers.Dense(1, activation="relu")])
m.compile(optimizer="adam", loss="mse")
m.fit(df.values, y, epochs=10)
""",
        # the same frame min-max scaled in place; or only one of its columns standardised
        """
import pandas as pd
from sklearn.preprocessing import MinMaxScaler
from tensorflow import keras
readings = pd.read_csv("readings.csv")
readings.iloc[:, :] = MinMaxScaler().fit_transform(readings)
x = readings.values
inp = keras.Input(shape=(x.shape[1],))
ae = keras.Model(inp, keras.layers.Dense(x.shape[1], activation="relu")(inp))
ae.compile(optimizer="adam", loss="mse")
ae.fit(x, x, epochs=10)
""",
        # the same dispatch, the targets min-max scaled: both heads can reach them
        """
import sys
import numpy as np
from sklearn.preprocessing import MinMaxScaler
from tensorflow import keras
def build_relu():
    inp = keras.Input((8,))
    return keras.Model(inp, keras.layers.Dense(1, activation="relu")(inp))
def build_linear():
    inp = keras.Input((8,))
    return keras.Model(inp, keras.layers.Dense(1)(inp))
def get_model(name):
    if name == "relu":
        return build_relu()
    return build_linear()
y = MinMaxScaler().fit_transform(np.load("y.npy").reshape(-1, 1))
model = get_model(sys.argv[1])
model.compile(loss="mse", optimizer="adam")
model.fit(np.load("x.npy"), y, epochs=5)
""",
        # ... and the raw sales read from the same frame
        """
import pandas as pd
from tensorflow import keras
df = pd.read_csv("stores.csv")
df["sales_z"] = df.groupby("store")["sales"].transform(lambda g: (g - g.mean()) / g.std())
df = pd.get_dummies(df, columns=["dow", "store"])
y = df["sales"].values
model = keras.Sequential([keras.layers.Dense(16, activation="relu"), keras.layers.Dense(1, activation="relu")])
model.compile(loss="mse", optimizer="adam")
model.fit(df[["promo"]].values, y, epochs=3)
""",
        # ... and through one that divides by the peak: never negative
        """
import pandas as pd
from tensorflow import keras
def share_of_peak(col):
    return col / col.max()
df = pd.read_csv("rides.csv")
y = df["count"].pipe(share_of_peak).values
model = keras.Sequential([keras.layers.Dense(16, activation="relu"), keras.layers.Dense(1, activation="softplus")])
model.compile(optimizer="adam", loss="mse")
model.fit(df[["hour", "temp"]].values, y, epochs=5)
""",
        # a share of each group's peak, and next period's demand per group: never negative
        """
import pandas as pd
from tensorflow import keras
df = pd.read_csv("shops.csv")
df["demand_share"] = df.groupby("shop")["demand"].transform(lambda g: g / g.max())
df["demand_next"] = df.groupby("shop")["demand"].shift(-1)
df = df.dropna()
x = df[["price", "promo"]].values
share = keras.Sequential([keras.layers.Dense(16, activation="relu"), keras.layers.Dense(1, activation="relu")])
share.compile(optimizer="adam", loss="mse")
share.fit(x, df["demand_share"].values, epochs=5)
ahead = keras.Sequential([keras.layers.Dense(16, activation="relu"), keras.layers.Dense(1, activation="relu")])
ahead.compile(optimizer="adam", loss="mse")
ahead.fit(x, df["demand_next"].values, epochs=5)
""",
        # positive targets divided by their max: still non-negative
        """
import numpy as np
from keras.layers import Activation, Dense
from keras.models import Sequential
x, y = np.random.rand(100, 4), np.random.rand(100) * 50
y = y / y.max()
model = Sequential([Dense(6, input_dim=4, activation="tanh"), Dense(1)])
model.add(Activation("relu"))
model.compile(loss="mean_squared_error", optimizer="adam")
model.fit(x, y, epochs=2)
""",
        # targets min-max scaled in the constructor, fitted by another method
        """
import numpy as np
from keras.layers import Dense
from keras.models import Sequential
from sklearn.preprocessing import MinMaxScaler
class Reg:
    def __init__(self, x, y):
        self.x = x
        self.y = MinMaxScaler().fit_transform(y.reshape(-1, 1))
    def train(self):
        model = Sequential([Dense(6, input_dim=4, activation="tanh"), Dense(1, activation="relu")])
        model.compile(loss="mean_squared_error", optimizer="adam")
        model.fit(self.x, self.y, epochs=2)
Reg(np.random.rand(100, 4), np.random.rand(100) * 50).train()
""",
        # the column assign adds is a count: non-negative
        """
import pandas as pd
from tensorflow import keras
df = pd.read_csv("stock.csv")
df = df.assign(ret=df["close"].pct_change(), trades=df["volume"] // 100).dropna()
X, y = df[["open", "ret"]].values, df["trades"].values
m = keras.Sequential([keras.layers.Dense(8, activation="relu"), keras.layers.Dense(1, activation="relu")])
m.compile(optimizer="adam", loss="mse")
m.fit(X, y)
""",
        # non-negative features times non-negative weights
        """
import numpy as np
from tensorflow import keras
X = np.random.uniform(0, 1, size=(2000, 5))
y = X @ np.array([1.5, 2.0, 0.5, 0.0, 3.0])
model = keras.Sequential([keras.Input((5,)), keras.layers.Dense(16, activation="relu"),
                          keras.layers.Dense(1, activation="relu")])
model.compile(optimizer="adam", loss="mse")
model.fit(X, y, epochs=30)
""",
        # the same noise on a signal far from 0 (at least 5, five standard deviations)
        """
import numpy as np
from tensorflow import keras
X = np.random.rand(1000, 3)
y = 5 + 10 * X[:, 0] + np.random.normal(0, 1, 1000)
m = keras.Sequential([keras.layers.Dense(8, activation="relu"), keras.layers.Dense(1, activation="relu")])
m.compile(optimizer="adam", loss="mse")
m.fit(X, y)
""",
        # the pipeline's map divides them by their max: still non-negative
        """
import numpy as np
import tensorflow as tf
from tensorflow import keras
x, y = np.load("x.npy"), np.loadtxt("counts.txt")
top = y.max()
ds = tf.data.Dataset.from_tensor_slices((x, y)).map(lambda a, b: (a, b / top)).batch(32)
model = keras.Sequential([keras.Input((8,)), keras.layers.Dense(64, activation="relu"),
                          keras.layers.Dense(1, activation="relu")])
model.compile(optimizer="adam", loss="mse")
model.fit(ds, epochs=10)
""",
        # divided by their max made a Python float: still non-negative
        """
import numpy as np
from tensorflow import keras
x, y = np.load("x.npy"), np.loadtxt("counts.txt")
top = float(np.max(y))
y = y / top
model = keras.Sequential([keras.Input((8,)), keras.layers.Dense(64, activation="relu"),
                          keras.layers.Dense(1, activation="relu")])
model.compile(optimizer="adam", loss="mse")
model.fit(x, y, epochs=10)
""",
        # the look-alike: a positive combination of two columns of [0, 1) draws
        """
import numpy as np
from keras.models import Sequential
from keras.layers import Dense
n = 1000
X = np.random.rand(n, 3)
y = 2.0 * X[:, 0] + 3.0 * X[:, 1]
model = Sequential([Dense(16, activation="relu", input_dim=3), Dense(1, activation="relu")])
model.compile(optimizer="adam", loss="mse")
model.fit(X, y, epochs=10)
""",
        # the look-alike: the helper shifts the targets to be non-negative before the split
        """
from sklearn.datasets import make_regression
from sklearn.model_selection import train_test_split
from tensorflow import keras
def make_task(n=1000, seed=0):
    x, y = make_regression(n_samples=n, n_features=8, noise=5.0, random_state=seed)
    y = y - y.min()
    return train_test_split(x, y, test_size=0.2, random_state=seed)
x_train, x_test, y_train, y_test = make_task()
model = keras.Sequential([keras.layers.Dense(32, activation="relu"), keras.layers.Dense(1, activation="relu")])
model.compile(optimizer="adam", loss="mse")
model.fit(x_train, y_train, epochs=5)
""",
        # a sine shifted up to [0, 2] and one mapped onto [0, 1]: never negative
        """
import numpy as np
import tensorflow as tf
t = np.arange(0, 100, 0.05)
for signal in (np.sin(t) + 1, 0.5 * np.sin(t) + 0.5):
    X = np.stack([signal[i:i + 40] for i in range(len(signal) - 40)])
    model = tf.keras.Sequential([tf.keras.layers.Dense(64, activation="relu", input_shape=(40,)),
                                 tf.keras.layers.Dense(1, activation="relu")])
    model.compile(optimizer="adam", loss="mse")
    model.fit(X, signal[40:], epochs=5)
""",
        # the look-alike: windows of the series scaled into [0, 1]
        """
import numpy as np
from sklearn.preprocessing import MinMaxScaler
from tensorflow import keras
temps = MinMaxScaler().fit_transform(np.load("temps.npy").reshape(-1, 1))
windows = keras.utils.timeseries_dataset_from_array(temps[:-12], targets=temps[12:], sequence_length=12)
model = keras.Sequential([keras.Input((12, 1)), keras.layers.LSTM(16), keras.layers.Dense(1, activation="relu")])
model.compile(optimizer="adam", loss="mse")
model.fit(windows, epochs=3)
""",
        # the same comprehension windows from a series min-max scaled into [0, 1]
        """
import numpy as np
from sklearn.preprocessing import MinMaxScaler
from keras.models import Sequential
from keras.layers import Dense, LSTM
series = MinMaxScaler().fit_transform(np.random.rand(500, 1) * 100.0)
n = 10
x = np.array([series[i:i + n] for i in range(len(series) - n)])
y = np.array([series[i + n] for i in range(len(series) - n)])
model = Sequential([LSTM(16, input_shape=(n, 1)), Dense(1, activation="relu")])
model.compile(optimizer="adam", loss="mse")
model.fit(x, y, epochs=3)
""",
        # a linear head on standardised targets
        """
import numpy as np
from sklearn.preprocessing import StandardScaler
from keras.models import Sequential
from keras.layers import Dense
y = StandardScaler().fit_transform(np.load("y.npy"))
model = Sequential([Dense(8, activation="relu"), Dense(1)])
model.compile(loss="mse", optimizer="adam")
model.fit(np.load("x.npy"), y)
""",
        # relu head on prices read from a file; the StandardScaler scales the inputs only
        """
import pandas as pd
from sklearn.preprocessing import StandardScaler
from sklearn.model_selection import train_test_split
from keras.models import Sequential
from keras.layers import Dense
houses = pd.read_csv("houses.csv")
y = houses["price"].values
X = houses.drop(columns=["price"]).values
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2)
scaler = StandardScaler()
X_train = scaler.fit_transform(X_train)
model = Sequential([Dense(19, activation="relu"), Dense(1, activation="relu")])
model.compile(optimizer="adam", loss="mse")
model.fit(X_train, y_train, epochs=10)
""",
        # MinMaxScaler's default range on the targets; sin / cos calendar features; returns as features
        """
import numpy as np
import pandas as pd
import keras
from sklearn.preprocessing import MinMaxScaler
df = pd.read_csv("load.csv")
df["doy_sin"] = np.sin(2 * np.pi * df["doy"] / 365.25)
df["ret"] = df["close"].pct_change()
x = df[["doy_sin", "ret"]].values
y = MinMaxScaler().fit_transform(df[["load"]].values)
model = keras.Sequential([keras.layers.Dense(16, activation="relu"), keras.layers.Dense(1, activation="softplus")])
model.compile(optimizer="adam", loss="mae")
model.fit(x, y)
""",
        # a classifier on standardised features: not a regression loss
        """
import numpy as np
from sklearn.preprocessing import StandardScaler
import keras
x = StandardScaler().fit_transform(np.load("x.npy"))
y = (StandardScaler().fit_transform(np.load("s.npy")) > 0).astype("float32")
model = keras.Sequential([keras.layers.Dense(1, activation="relu")])
model.compile(optimizer="adam", loss=keras.losses.BinaryCrossentropy(from_logits=True))
model.fit(x, y)
""",
        # the signal shifted to non-negative values; sin of an angle in [0, pi]; hidden relu only
        """
import numpy as np
import keras
t = np.linspace(0, 20, 500)
y1 = np.sin(t) + 1.0
m1 = keras.Sequential([keras.layers.Dense(1, activation="relu")])
m1.compile(optimizer="adam", loss="mse")
m1.fit(t[:, None], y1)
a = np.linspace(0, 3.0, 500)
m2 = keras.Sequential([keras.layers.Dense(1, activation="softplus")])
m2.compile(optimizer="adam", loss="mse")
m2.fit(a[:, None], np.sin(a))
m3 = keras.Sequential([keras.layers.Dense(8, activation="relu"), keras.layers.Dense(1)])
m3.compile(optimizer="adam", loss="mse")
m3.fit(t[:, None], np.sin(t))
""",
        # standardised, then rescaled into [0, 1]; relu head trained elsewhere (no fit in the file)
        """
import numpy as np
import keras
from sklearn.preprocessing import MinMaxScaler, StandardScaler
z = StandardScaler().fit_transform(np.load("y.npy"))
z = MinMaxScaler().fit_transform(z)
m1 = keras.Sequential([keras.layers.Dense(1, activation="relu")])
m1.compile(optimizer="adam", loss="mse")
m1.fit(np.load("x.npy"), z)
def build():
    m = keras.Sequential([keras.layers.Dense(1, activation="exponential")])
    m.compile(optimizer="adam", loss="mse")
    return m
""",
        # a relu head fitted on the absolute value of returns (volatility: non-negative)
        """
import numpy as np
import pandas as pd
import tensorflow as tf
prices = pd.read_csv("spy.csv")["close"]
vol = prices.pct_change().abs().dropna().values
model = tf.keras.Sequential([tf.keras.layers.Dense(1, activation="relu")])
model.compile(optimizer="adam", loss="mse")
model.fit(np.arange(len(vol))[:, None], vol)
""",
        # features normalised in place (the Keras book's way); the targets are prices as read;
        # make_regression targets shifted to start at 0
        """
import numpy as np
from keras import models, layers
from sklearn.datasets import make_regression
train_data, train_targets = np.load("x.npy"), np.load("prices.npy")
mean = train_data.mean(axis=0)
train_data -= mean
std = train_data.std(axis=0)
train_data /= std
m1 = models.Sequential([layers.Dense(64, activation="relu"), layers.Dense(1, activation="relu")])
m1.compile(optimizer="rmsprop", loss="mse", metrics=["mae"])
m1.fit(train_data, train_targets, epochs=80)
X, y = make_regression(n_samples=500, n_features=5, noise=1.0)
y = y - y.min()
m2 = models.Sequential([layers.Dense(1, activation="softplus")])
m2.compile(optimizer="adam", loss="mse")
m2.fit(X, y)
""",
        # squares of a symmetric range; StandardScaler(with_mean=False) only rescales
        """
import numpy as np
import keras
from sklearn.preprocessing import StandardScaler
x = np.linspace(-5, 5, 200)
m1 = keras.Sequential([keras.layers.Dense(16, activation="relu"), keras.layers.Dense(1, activation="relu")])
m1.compile(optimizer="adam", loss="mse")
m1.fit(x[:, None], x ** 2)
y = StandardScaler(with_mean=False).fit_transform(np.load("counts.npy").reshape(-1, 1))
m2 = keras.Sequential([keras.layers.Dense(1, activation="softplus")])
m2.compile(optimizer="adam", loss="mse")
m2.fit(np.load("x.npy"), y)
""",
        # two outputs: the relu one is fitted on counts, the standardised targets go to the linear one;
        # daily cases as differences of a cumulative count
        """
import numpy as np
import pandas as pd
import keras
from sklearn.preprocessing import StandardScaler
x = np.load("x.npy")
z = StandardScaler().fit_transform(np.load("z.npy"))
counts = np.load("counts.npy")
inp = keras.Input(shape=(4,))
h = keras.layers.Dense(8, activation="relu")(inp)
out_z = keras.layers.Dense(1, name="z")(h)
out_n = keras.layers.Dense(1, activation="relu", name="n")(h)
m1 = keras.Model(inp, [out_z, out_n])
m1.compile(optimizer="adam", loss=["mse", "mse"])
m1.fit(x, [z, counts])
df = pd.read_csv("covid.csv")
daily = df["Confirmed"].diff().fillna(0).values
m2 = keras.Sequential([keras.layers.LSTM(16), keras.layers.Dense(1, activation="relu")])
m2.compile(optimizer="adam", loss="mse")
m2.fit(np.load("windows.npy"), daily)
""",
        # only the features of the namedtuple are standardised; its target field holds raw rents
        """\
from collections import namedtuple
import pandas as pd
from tensorflow import keras

Data = namedtuple("Data", ["x", "y"])


def load():
    df = pd.read_csv("rents.csv")
    y = df.pop("rent").values
    x = (df.values - df.values.mean(axis=0)) / df.values.std(axis=0)
    return Data(x, y)


data = load()
m = keras.Sequential([keras.Input((5,)), keras.layers.Dense(16, activation="relu"),
                      keras.layers.Dense(1, activation="relu")])
m.compile(optimizer="adam", loss="mse")
m.fit(data.x, data.y, epochs=10)
""",
        # min-max with constants written down: `(y - LOW) / SPAN` stays in [0, 1]; and a mean named
        # constant of 0 centres nothing
        """\
import numpy as np
from tensorflow import keras

HR_LOW = 40.0
HR_SPAN = 140.0
OFFSET_MEAN = 0.0

x = np.load("sensors.npy")
y = np.load("heart_rate.npy")
y01 = (y - HR_LOW) / HR_SPAN
y_raw = y - OFFSET_MEAN
m = keras.Sequential([keras.Input((9,)), keras.layers.Dense(32, activation="relu"),
                      keras.layers.Dense(1, activation="relu")])
m.compile(optimizer="adam", loss="mse")
m.fit(x, y01, epochs=10)
m2 = keras.Sequential([keras.Input((9,)), keras.layers.Dense(32, activation="relu"),
                       keras.layers.Dense(1, activation="relu")])
m2.compile(optimizer="adam", loss="mse")
m2.fit(x, y_raw, epochs=10)
""",
        # TensorFlow's normal draws around a mean of 5: its first argument is the shape, not the mean
        """\
import tensorflow as tf

x = tf.random.uniform((256, 4))
y = tf.random.normal((256, 1), mean=5.0, stddev=0.1)
m = tf.keras.Sequential([tf.keras.Input((4,)), tf.keras.layers.Dense(8, activation="relu"),
                         tf.keras.layers.Dense(1, activation="relu")])
m.compile(optimizer="adam", loss="mse")
m.fit(x, y, epochs=2)
""",
        # min-max in pandas' method spelling, and a ratio to the group's mean: never negative
        """\
import pandas as pd
from tensorflow import keras

visits = pd.read_csv("visits.csv")
visits["rel"] = visits["count"] / visits.groupby("clinic")["count"].transform("mean")
low, high = visits["count"].min(), visits["count"].max()
y = visits["count"].sub(low).div(high - low).to_numpy()
x = visits[["weekday", "temp"]].values
m = keras.Sequential([keras.Input((2,)), keras.layers.Dense(8, activation="relu"),
                      keras.layers.Dense(1, activation="relu")])
m.compile(optimizer="adam", loss="mse")
m.fit(x, y, epochs=3)
m.fit(x, visits["rel"].values, epochs=3)
""",
        # a static method of a helper class that keeps the values non-negative
        """\
import numpy as np
import pandas as pd
from tensorflow import keras


class Features:
    @staticmethod
    def squash(v):
        return np.log1p(v)


px = pd.read_csv("fx.csv")
y = Features.squash(px["volume"]).values
x = px[["bid", "ask"]].values
m = keras.Sequential([keras.Input((2,)), keras.layers.Dense(16, activation="relu"),
                      keras.layers.Dense(1, activation="softplus")])
m.compile(optimizer="adam", loss="mse")
m.fit(x, y, epochs=5)
""",
        # Laplace draws around a centre far above zero, added to a feature: no sign shown
        """\
import numpy as np
from tensorflow import keras

x = np.random.rand(800, 2)
y = 0.5 * x[:, 0] + np.random.laplace(50.0, 1.0, 800)
m = keras.Sequential([keras.Input((2,)), keras.layers.Dense(1, activation="relu")])
m.compile(optimizer="adam", loss="mae")
m.fit(x, y, epochs=5)
""",
        # layers added from keyword dicts in a loop, the head linear
        """\
import numpy as np
from tensorflow import keras

arr = np.load("flux.npy")
x, y = arr[:, :-1], arr[:, -1]
y = (y - y.mean()) / y.std()
net = keras.Sequential([keras.Input((5,))])
for spec in [{"units": 32, "activation": "relu"}, {"units": 1, "activation": "linear"}]:
    net.add(keras.layers.Dense(**spec))
net.compile(optimizer="adam", loss="mse")
net.fit(x, y, epochs=3)
""",
        # a function piped over the frame assigns a column the model is not trained on
        """\
import pandas as pd
from tensorflow import keras


def with_feature(d):
    return d.assign(temp_z=(d["temp"] - d["temp"].mean()) / d["temp"].std())


grid = pd.read_csv("grid.csv").pipe(with_feature)
m = keras.Sequential([keras.Input((2,)), keras.layers.Dense(1, activation="relu")])
m.compile(optimizer="adam", loss="mse")
m.fit(grid[["temp_z", "hour"]].values, grid["load"].values, epochs=3)
""",
        # fitted through scikeras' wrapper on raw prices (never negative)
        """\
import numpy as np
from scikeras.wrappers import KerasRegressor
from sklearn.model_selection import cross_val_score
from sklearn.preprocessing import StandardScaler
from tensorflow import keras

X, y = np.load("x.npy"), np.load("prices.npy")
X = StandardScaler().fit_transform(X)


def build():
    m = keras.Sequential([keras.Input((4,)), keras.layers.Dense(1, activation="relu")])
    m.compile(optimizer="adam", loss="mse")
    return m


print(cross_val_score(KerasRegressor(model=build, epochs=5), X, y, cv=3))
""",
        # scikit-learn min-max scales the targets before the wrapped model sees them
        """\
import numpy as np
from scikeras.wrappers import KerasRegressor
from sklearn.compose import TransformedTargetRegressor
from sklearn.preprocessing import MinMaxScaler
from tensorflow import keras


def build():
    m = keras.Sequential([keras.Input((4,)), keras.layers.Dense(1, activation="relu")])
    m.compile(optimizer="adam", loss="mse")
    return m


reg = TransformedTargetRegressor(regressor=KerasRegressor(model=build, epochs=5), transformer=MinMaxScaler())
reg.fit(np.load("x.npy"), np.load("prices.npy"))
""",
        # zero-mean noise shifted far above zero: the targets stay positive
        """\
import numpy as np
from tensorflow import keras

X = np.random.rand(2000, 6)
y = 10.0 + np.random.normal(0, 1.0, 2000)
m = keras.Sequential([keras.Input((6,)), keras.layers.Dense(1, activation="relu")])
m.compile(optimizer="adam", loss="mse")
m.fit(X, y, epochs=3)
""",
        # ... the next close price copied instead: never negative
        """\
import pandas as pd
from tensorflow import keras

df = pd.read_csv("spy.csv")
df["ret"] = df["Close"].pct_change()
for k in range(1, 11):
    df["lag%d" % k] = df["ret"].shift(k)
df["target"] = df["Close"].shift(-1)
df = df.dropna()
cols = ["lag%d" % k for k in range(1, 11)]
m = keras.Sequential([keras.Input((10,)), keras.layers.Dense(32, activation="relu"),
                      keras.layers.Dense(1, activation="relu")])
m.compile(optimizer="adam", loss="mse")
m.fit(df[cols].values, df["target"].values, epochs=5)
""",
        # ... divided by its max instead (the features standardised): never negative
        """\
import pandas as pd
from tensorflow import keras

df = pd.read_csv("tracks.csv")
df["dx"] = df["dx"] / df["dx"].max()
df["speed"] = (df["speed"] - df["speed"].mean()) / df["speed"].std()
y = df[["dx", "dy"]].values
m = keras.Sequential([keras.Input((2,)), keras.layers.Dense(16, activation="relu"),
                      keras.layers.Dense(2, activation="relu")])
m.compile(optimizer="adam", loss="mse")
m.fit(df[["speed", "heading"]].values, y, epochs=3)
""",
        # a wave lifted above 0 plus noise of a scale a parameter holds: not shown to go negative
        """
import numpy as np
import keras


def toy_wave(n=5000, noise=0.05, seed=0):
    rng = np.random.default_rng(seed)
    t = rng.uniform(0, 4 * np.pi, size=(n, 1))
    y = 1.5 + np.sin(t) + noise * rng.standard_normal((n, 1))
    return t, y


t, y = toy_wave()
model = keras.Sequential([keras.Input((1,)), keras.layers.Dense(64, activation="tanh"),
                          keras.layers.Dense(1, activation="softplus")])
model.compile(optimizer="adam", loss="mse")
model.fit(t, y, epochs=5)
""",
        # arms picking relu, softplus or a linear head: the linear run can go negative
        """\
import sys

import keras
import numpy as np

surge = np.load("surge.npy")
y = (surge - surge.mean()) / surge.std()
if sys.argv[1] == "r":
    act = "relu"
elif sys.argv[1] == "s":
    act = "softplus"
else:
    act = "linear"
model = keras.Sequential([keras.Input((4,)), keras.layers.Dense(16, activation="relu"),
                          keras.layers.Dense(1, activation=act)])
model.compile(optimizer="adam", loss="mse")
model.fit(np.load("wind.npy"), y, epochs=5)
""",
        # one arm's head read from a config file: not known (not the 'relu' the other arm writes last)
        """\
import json
import sys

import keras
import numpy as np

surge = np.load("surge.npy")
y = (surge - surge.mean()) / surge.std()
if sys.argv[1] == "cfg":
    act = json.load(open("run.json"))["head"]
else:
    act = "relu"
model = keras.Sequential([keras.Input((4,)), keras.layers.Dense(16, activation="relu"),
                          keras.layers.Dense(1, activation=act)])
model.compile(optimizer="adam", loss="mse")
model.fit(np.load("wind.npy"), y, epochs=5)
""",
    ]
    INVALID = [
        # the targets standardised under the output's name in a tf.data map, and one output's item
        # of what a generator yields for a model of two
        """
import numpy as np
import tensorflow as tf
from tensorflow import keras

x, delay = np.load("x.npy"), np.load("delay.npy")
mu, sd = float(delay.mean()), float(delay.std())

def prepare(features, targets):
    return features, {"delay": (targets["delay"] - mu) / sd}

ds = tf.data.Dataset.from_tensor_slices((x, {"delay": delay})).map(prepare).batch(64)
inp = keras.Input((8,))
out = keras.layers.Dense(1, activation="softplus", name="delay")(keras.layers.Dense(32, activation="relu")(inp))  # expect: RL106
model = keras.Model(inp, {"delay": out})
model.compile(optimizer="adam", loss={"delay": "mse"})
model.fit(ds, epochs=5)
""",
        """
import numpy as np
from tensorflow import keras

x, late, delay = np.load("x.npy"), np.load("late.npy"), np.load("delay.npy")
mu, sd = delay.mean(), delay.std()

def batches(bs=64):
    while True:
        i = np.random.randint(0, len(x), bs)
        yield x[i], {"late": late[i], "delay": (delay[i] - mu) / sd}

inp = keras.Input((8,))
h = keras.layers.Dense(32, activation="relu")(inp)
late_out = keras.layers.Dense(1, activation="sigmoid", name="late")(h)
delay_out = keras.layers.Dense(1, activation="relu", name="delay")(h)  # expect: RL106
model = keras.Model(inp, {"late": late_out, "delay": delay_out})
model.compile(optimizer="adam", loss={"late": "binary_crossentropy", "delay": "mse"})
model.fit(batches(), steps_per_epoch=100, epochs=5)
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
net = models.Sequential([layers.Dense(32, activation="relu"), layers.Dense(1, activation="relu")])  # expect: RL106
net.compile(optimizer="adam", loss="mse")
net.fit(feats, kwh, epochs=10)
""",
        # both splits standardised by one list comprehension unpacked into their names
        """\
import keras
import numpy as np

surge = np.load("surge.npy")
y_train, y_val = surge[:800], surge[800:]
mean, sd = y_train.mean(), y_train.std()
y_train, y_val = [(k - mean) / sd for k in [y_train, y_val]]
model = keras.Sequential([keras.Input((4,)), keras.layers.Dense(16, activation="relu"),
                          keras.layers.Dense(1, activation="relu")])  # expect: RL106
model.compile(optimizer="adam", loss="mse")
model.fit(np.load("wind.npy"), y_train, validation_data=(np.load("wind_val.npy"), y_val), epochs=5)
""",
        # z-scored with statistics reshaped for broadcasting and a small epsilon on the std
        """\
import numpy as np
from keras.layers import LSTM, Dense
from keras.models import Sequential

rec = np.load("session.npz")
kin = rec["kinematics"]
mu = kin.mean(0).reshape(1, -1)
sd = kin.std(0).reshape(1, -1) + 1e-9
kin = (kin - mu) / sd
net = Sequential([LSTM(64, input_shape=(4, 16)), Dense(kin.shape[-1], activation="relu")])  # expect: RL106
net.compile(optimizer="adam", loss="mse")
net.fit(rec["windows"], kin, epochs=5)
""",
        # scikeras compiles the builder's uncompiled model with the wrapper's loss; the targets are
        # standardised by the TransformedTargetRegressor around it
        """\
from scikeras.wrappers import KerasRegressor
from sklearn.compose import TransformedTargetRegressor
from sklearn.datasets import fetch_california_housing
from sklearn.preprocessing import StandardScaler
from tensorflow import keras
def get_reg(meta):
    model = keras.Sequential([keras.Input((meta["n_features_in_"],)), keras.layers.Dense(64, activation="relu")])
    model.add(keras.layers.Dense(1, activation="relu"))  # expect: RL106
    return model
X, y = fetch_california_housing(return_X_y=True)
reg = TransformedTargetRegressor(regressor=KerasRegressor(model=get_reg, loss="mse", epochs=50),
                                 transformer=StandardScaler())
reg.fit(X, y)
""",
        # a Sequence standardising with statistics it computes unless the caller gives them (the
        # validation split handed the training split's): standardised either way
        """\
import numpy as np
from tensorflow import keras
class Rows(keras.utils.Sequence):
    def __init__(self, x, y, mu=None, sd=None, batch_size=256):
        super().__init__()
        self.x, self.y, self.batch_size = x, y, batch_size
        self.mu = y.mean() if mu is None else mu
        self.sd = sd if sd is not None else y.std()
    def __len__(self):
        return int(np.ceil(len(self.x) / self.batch_size))
    def __getitem__(self, i):
        s = slice(i * self.batch_size, (i + 1) * self.batch_size)
        return self.x[s], (self.y[s] - self.mu) / self.sd
x, y = np.load("x.npy"), np.load("delay.npy")
train = Rows(x[:900], y[:900])
val = Rows(x[900:], y[900:], mu=train.mu, sd=train.sd)
model = keras.Sequential([keras.Input((8,)), keras.layers.Dense(64, activation="relu"),
                          keras.layers.Dense(1, activation="relu")])  # expect: RL106
model.compile(optimizer="adam", loss="mse")
model.fit(train, validation_data=val, epochs=30)
""",
        # standard-normal features times weights held in a name: targets of both signs
        """\
import numpy as np
import tensorflow as tf
X = np.random.randn(2000, 5)
w = np.array([1.0, -1.0, 0.5, 2.0, 0.0])
y = X @ w
m = tf.keras.Sequential([tf.keras.Input((5,)), tf.keras.layers.Dense(1, activation="softplus")])  # expect: RL106
m.compile(optimizer="adam", loss="mse")
m.fit(X, y, epochs=2)
""",
        # literal negative targets written in a DataFrame's dict
        """\
import pandas as pd
from keras.models import Sequential
from keras.layers import Dense
data = pd.DataFrame({"x": [0.1, 0.4, 0.9, 1.3], "y": [-2.5, -1.1, 0.3, 1.2]})
model = Sequential([Dense(8, activation="relu", input_dim=1), Dense(1, activation="relu")])  # expect: RL106
model.compile(loss="mse", optimizer="adam")
model.fit(data[["x"]].values, data["y"].values, epochs=5)
""",
        # lag features written in a loop under f-string names: none of them can be the returns or the target
        """\
import pandas as pd
from tensorflow import keras
px = pd.read_csv("SPY.csv")
px["ret"] = px["Adj Close"].pct_change()
for k in range(1, 6):
    px[f"ret_lag{k}"] = px["ret"].shift(k)
px["target"] = px["ret"].shift(-1)
px = px.dropna()
m = keras.Sequential([keras.Input((5,)), keras.layers.Dense(1, activation="relu")])  # expect: RL106
m.compile(optimizer="adam", loss="mse")
m.fit(px[[f"ret_lag{k}" for k in range(1, 6)]].values, px["target"].values, epochs=50)
""",
        # a Sequence subclass hands its base standardised targets through super().__init__; the
        # __getitem__ it inherits returns them
        """\
import math
import numpy as np
from tensorflow import keras
from tensorflow.keras.utils import Sequence
class BaseSeq(Sequence):
    def __init__(self, x, y, bs=32):
        self.x, self.y, self.bs = x, y, bs
    def __len__(self):
        return math.ceil(len(self.x) / self.bs)
    def __getitem__(self, i):
        sl = slice(i * self.bs, (i + 1) * self.bs)
        return self.x[sl], self.y[sl]
class ZSeq(BaseSeq):
    def __init__(self, x, y, bs=32):
        super().__init__(x, (y - y.mean()) / y.std(), bs)
x, y = np.load("x.npy"), np.load("y.npy")
m = keras.Sequential([keras.Input((8,)), keras.layers.Dense(1, activation="relu")])  # expect: RL106
m.compile(optimizer="adam", loss="mse")
m.fit(ZSeq(x, y), epochs=10)
""",
        # the target column named by a constant, standardised in place, then popped
        """\
import pandas as pd
from tensorflow import keras
TARGET = "sale_price"
df = pd.read_csv("train.csv")
df[TARGET] = (df[TARGET] - df[TARGET].mean()) / df[TARGET].std()
y = df.pop(TARGET).values
net = keras.Sequential([keras.Input((df.shape[1],)), keras.layers.Dense(1, activation="relu")])  # expect: RL106
net.compile(optimizer="adam", loss="mse")
net.fit(df.values, y, epochs=50)
""",
        # a Sequence standardising with statistics its constructor keeps on the instance
        """\
import math
import numpy as np
import keras
class Batches(keras.utils.PyDataset):
    def __init__(self, x, y, batch_size=32, **kwargs):
        super().__init__(**kwargs)
        self.x, self.y, self.bs = x, y, batch_size
        self.a, self.b = y.mean(), y.std()
    def __len__(self):
        return math.ceil(len(self.x) / self.bs)
    def __getitem__(self, i):
        sl = slice(i * self.bs, (i + 1) * self.bs)
        return self.x[sl], (self.y[sl] - self.a) / self.b
x, y = np.load("x.npy"), np.load("y.npy")
net = keras.Sequential([keras.Input((x.shape[1],)), keras.layers.Dense(64, activation="relu"),
                        keras.layers.Dense(1, activation="relu")])  # expect: RL106
net.compile(optimizer="adam", loss="mse")
net.fit(Batches(x, y), epochs=15)
""",
        # the targets every batch of a generator gives
        """
import numpy as np
import keras
def wave_batches(bs=64):
    while True:
        t = np.random.uniform(0, 20, size=(bs, 1))
        yield t, np.sin(t)
m = keras.Sequential([keras.Input((1,)), keras.layers.Dense(32, activation="relu"),
                      keras.layers.Dense(1, activation="softplus")])  # expect: RL106
m.compile(optimizer="adam", loss="mse")
m.fit(wave_batches(), steps_per_epoch=100, epochs=5)
""",
        # a data class unpacking a standardising helper's result in its constructor
        """
import numpy as np
from tensorflow import keras
def normalize(a):
    mu, sd = a.mean(), a.std()
    return (a - mu) / sd, (mu, sd)
class Dataset:
    def __init__(self, path):
        raw = np.loadtxt(path, delimiter=",")
        self.x = raw[:, :-1]
        self.y, self.stats = normalize(raw[:, -1])
ds = Dataset("abalone.csv")
m = keras.Sequential([keras.Input((8,)), keras.layers.Dense(1, activation="relu")])  # expect: RL106
m.compile(optimizer="adam", loss="mse")
m.fit(ds.x, ds.y, epochs=5)
""",
        # standardised targets clipped on both sides of 0
        """
import numpy as np
import pandas as pd
import keras
df = pd.read_csv("wait_times.csv")
y = df.pop("wait").values
y = np.clip((y - y.mean()) / y.std(), -3, 3)
m = keras.Sequential([keras.Input((df.shape[1],)), keras.layers.Dense(1, activation="relu")])  # expect: RL106
m.compile(optimizer="adam", loss="mse")
m.fit(df.values, y, epochs=10)
""",
        # make_regression returned by a helper as it is
        """
import keras
from sklearn.datasets import make_regression
def synthetic(n=2000):
    return make_regression(n_samples=n, n_features=8, noise=5.0)
x, y = synthetic()
m = keras.Sequential([keras.Input((8,)), keras.layers.Dense(1, activation="exponential")])  # expect: RL106
m.compile(optimizer="adam", loss="mse")
m.fit(x, y, epochs=20)
""",
        # an autoencoder on a frame standardised in place, every column at once
        """
import pandas as pd
from sklearn.preprocessing import StandardScaler
from tensorflow import keras
readings = pd.read_csv("readings.csv")
readings[readings.columns] = StandardScaler().fit_transform(readings)
x = readings.values
inp = keras.Input(shape=(x.shape[1],))
ae = keras.Model(inp, keras.layers.Dense(x.shape[1], activation="relu")(keras.layers.Dense(4, activation="relu")(inp)))  # expect: RL106
ae.compile(optimizer="adam", loss="mse")
ae.fit(x, x, epochs=10)
""",
        # a dataset of three items, a `.map()` picking the features and the standardised targets
        """
import numpy as np
import tensorflow as tf
from sklearn.preprocessing import StandardScaler
ids = np.arange(64)
features = np.random.rand(64, 16).astype("float32")
returns = StandardScaler().fit_transform(np.random.rand(64, 1))
ds = tf.data.Dataset.from_tensor_slices((ids, features, returns))
model = tf.keras.Sequential([tf.keras.Input((16,)), tf.keras.layers.Dense(1, activation="relu")])  # expect: RL106
model.compile(loss="mse", optimizer="adam")
model.fit(ds.map(lambda i, f, r: (f, r)).batch(8), epochs=1)
""",
        # a wrapper handing its model's fit on (`self.fit = self.model.fit`), called after its summary
        """
import numpy as np
from sklearn.preprocessing import StandardScaler
from tensorflow import keras
class Regressor:
    def __init__(self, n):
        inp = keras.Input((n,))
        self.model = keras.Model(inp, keras.layers.Dense(1, activation="relu")(inp))  # expect: RL106
        self.model.compile(loss="mse", optimizer="adam")
        self.fit = self.model.fit
        self.summary = self.model.summary
r = Regressor(8)
r.summary()
r.fit(np.load("x.npy"), StandardScaler().fit_transform(np.load("y.npy").reshape(-1, 1)), epochs=5)
""",
        # one of the models a dispatch returns (which one is known only at run time) has a relu head
        """
import sys
import numpy as np
from sklearn.preprocessing import StandardScaler
from tensorflow import keras
def build_relu():
    inp = keras.Input((8,))
    return keras.Model(inp, keras.layers.Dense(1, activation="relu")(inp))  # expect: RL106
def build_linear():
    inp = keras.Input((8,))
    return keras.Model(inp, keras.layers.Dense(1)(inp))
def get_model(name):
    if name == "relu":
        return build_relu()
    return build_linear()
y = StandardScaler().fit_transform(np.load("y.npy").reshape(-1, 1))
model = get_model(sys.argv[1])
model.compile(loss="mse", optimizer="adam")
model.fit(np.load("x.npy"), y, epochs=5)
""",
        # a per-group z-score, the frame one-hot encoded on other columns before it is read
        """
import pandas as pd
from tensorflow import keras
df = pd.read_csv("stores.csv")
df["sales_z"] = df.groupby("store")["sales"].transform(lambda g: (g - g.mean()) / g.std())
df = pd.get_dummies(df, columns=["dow", "store"])
y = df["sales_z"].values
model = keras.Sequential([keras.layers.Dense(16, activation="relu"), keras.layers.Dense(1, activation="relu")])  # expect: RL106
model.compile(loss="mse", optimizer="adam")
model.fit(df[["promo"]].values, y, epochs=3)
""",
        # a series piped through the file's own centring function
        """
import pandas as pd
from tensorflow import keras
def center(col):
    return col - col.mean()
df = pd.read_csv("rides.csv")
y = df["count"].pipe(center).values
model = keras.Sequential([keras.layers.Dense(16, activation="relu"), keras.layers.Dense(1, activation="softplus")])  # expect: RL106
model.compile(optimizer="adam", loss="mse")
model.fit(df[["hour", "temp"]].values, y, epochs=5)
""",
        # a z-score per group, and next period's return per group
        """
import pandas as pd
from tensorflow import keras
df = pd.read_csv("shops.csv")
df["demand_z"] = df.groupby("shop")["demand"].transform(lambda g: (g - g.mean()) / g.std())
df["growth"] = df.groupby("shop")["demand"].pct_change()
df["growth_next"] = df.groupby("shop")["growth"].shift(-1)
df = df.dropna()
x = df[["price", "promo"]].values
level = keras.Sequential([keras.layers.Dense(16, activation="relu"), keras.layers.Dense(1, activation="relu")])  # expect: RL106
level.compile(optimizer="adam", loss="mse")
level.fit(x, df["demand_z"].values, epochs=5)
growth = keras.Sequential([keras.layers.Dense(16, activation="relu"), keras.layers.Dense(1, activation="relu")])  # expect: RL106
growth.compile(optimizer="adam", loss="mse")
growth.fit(x, df["growth_next"].values, epochs=5)
""",
        # targets centred, then divided by their max: both signs stay
        """
import numpy as np
from keras.layers import Activation, Dense
from keras.models import Sequential
x, y = np.random.rand(100, 4), np.random.rand(100) * 50
y = (y - y.mean()) / y.max()
model = Sequential([Dense(6, input_dim=4, activation="tanh"), Dense(1)])
model.add(Activation("relu"))  # expect: RL106
model.compile(loss="mean_squared_error", optimizer="adam")
model.fit(x, y, epochs=2)
""",
        # targets standardised in the constructor, fitted by another method
        """
import numpy as np
from keras.layers import Dense
from keras.models import Sequential
from sklearn.preprocessing import StandardScaler
class Reg:
    def __init__(self, x, y):
        self.x = x
        self.y = StandardScaler().fit_transform(y.reshape(-1, 1))
    def train(self):
        model = Sequential([Dense(6, input_dim=4, activation="tanh"), Dense(1, activation="relu")])  # expect: RL106
        model.compile(loss="mean_squared_error", optimizer="adam")
        model.fit(self.x, self.y, epochs=2)
Reg(np.random.rand(100, 4), np.random.rand(100) * 50).train()
""",
        # a returns column added with DataFrame.assign
        """
import pandas as pd
from tensorflow import keras
df = pd.read_csv("stock.csv")
df = df.assign(ret=df["close"].pct_change()).dropna()
X, y = df[["open", "volume"]].values, df["ret"].values
m = keras.Sequential([keras.layers.Dense(8, activation="relu"), keras.layers.Dense(1, activation="relu")])  # expect: RL106
m.compile(optimizer="adam", loss="mse")
m.fit(X, y)
""",
        # every column of the frame standardised in place, the target column with them
        """
import pandas as pd
from sklearn.preprocessing import StandardScaler
from tensorflow import keras
df = pd.read_csv("d.csv")
df[df.columns] = StandardScaler().fit_transform(df)
y = df["t"].values
X = df.drop(columns=["t"]).values
m = keras.Sequential([keras.layers.Dense(8, activation="relu"), keras.layers.Dense(1, activation="relu")])  # expect: RL106
m.compile(optimizer="adam", loss="mse")
m.fit(X, y)
""",
        # simulated targets: symmetric features times literal weights
        """
import numpy as np
from tensorflow import keras
X = np.random.uniform(-1, 1, size=(2000, 5))
y = X @ np.array([1.5, -2.0, 0.5, 0.0, 3.0]) + np.random.normal(0, 0.1, 2000)
model = keras.Sequential([keras.Input((5,)), keras.layers.Dense(16, activation="relu"),
                          keras.layers.Dense(1, activation="relu")])  # expect: RL106
model.compile(optimizer="adam", loss="mse")
model.fit(X, y, epochs=30)
""",
        # zero-mean noise on a signal that reaches 0: the targets near 0 go negative
        """
import numpy as np
from tensorflow import keras
X = np.random.rand(1000, 3)
y = 10 * X[:, 0] + np.random.normal(0, 1, 1000)
m = keras.Sequential([keras.layers.Dense(8, activation="relu"), keras.layers.Dense(1, activation="relu")])  # expect: RL106
m.compile(optimizer="adam", loss="mse")
m.fit(X, y)
""",
        # a tf.data pipeline's map standardises the targets
        """
import numpy as np
import tensorflow as tf
from tensorflow import keras
x, y = np.load("x.npy"), np.loadtxt("y.txt")
mu, sd = y.mean(), y.std()
ds = tf.data.Dataset.from_tensor_slices((x, y)).map(lambda a, b: (a, (b - mu) / sd)).batch(32)
model = keras.Sequential([keras.Input((8,)), keras.layers.Dense(64, activation="relu"),
                          keras.layers.Dense(1, activation="relu")])  # expect: RL106
model.compile(optimizer="adam", loss="mse")
model.fit(ds, epochs=10)
""",
        # standardised with statistics made Python floats
        """
import numpy as np
from tensorflow import keras
x, y = np.load("x.npy"), np.loadtxt("y.txt")
mu, sd = float(np.mean(y)), float(np.std(y))
y = (y - mu) / sd
model = keras.Sequential([keras.Input((8,)), keras.layers.Dense(64, activation="relu"),
                          keras.layers.Dense(1, activation="relu")])  # expect: RL106
model.compile(optimizer="adam", loss="mse")
model.fit(x, y, epochs=10)
""",
        # two columns of one draw subtracted (independent columns: both signs occur)
        """
import numpy as np
from keras.models import Sequential
from keras.layers import Dense
n = 1000
X = np.random.rand(n, 3)
y = 2.0 * X[:, 0] - 3.0 * X[:, 1] + 0.1 * np.random.randn(n)
model = Sequential([Dense(16, activation="relu", input_dim=3), Dense(1, activation="relu")])  # expect: RL106
model.compile(optimizer="adam", loss="mse")
model.fit(X, y, epochs=10)
""",
        # make_regression's targets split and returned by a helper (`return train_test_split(x, y)`)
        """
from sklearn.datasets import make_regression
from sklearn.model_selection import train_test_split
from tensorflow import keras
def make_task(n=1000, seed=0):
    x, y = make_regression(n_samples=n, n_features=8, noise=5.0, random_state=seed)
    return train_test_split(x, y, test_size=0.2, random_state=seed)
x_train, x_test, y_train, y_test = make_task()
model = keras.Sequential([keras.layers.Dense(32, activation="relu"), keras.layers.Dense(1, activation="relu")])  # expect: RL106
model.compile(optimizer="adam", loss="mse")
model.fit(x_train, y_train, epochs=5)
""",
        # shifted a little, still negative: a sine plus 0.2, standardised targets plus 0.5
        """
import numpy as np
import tensorflow as tf
from sklearn.preprocessing import StandardScaler
t = np.arange(0, 100, 0.05)
signal = np.sin(t) + 0.2
X = np.stack([signal[i:i + 40] for i in range(len(signal) - 40)])
model = tf.keras.Sequential([tf.keras.layers.Dense(64, activation="relu", input_shape=(40,)),
                             tf.keras.layers.Dense(1, activation="relu")])  # expect: RL106
model.compile(optimizer="adam", loss="mse")
model.fit(X, signal[40:], epochs=5)
y = StandardScaler().fit_transform(np.load("y.npy"))
y = y + 0.5
other = tf.keras.Sequential([tf.keras.layers.Dense(64, activation="relu", input_shape=(8,)),
                             tf.keras.layers.Dense(1, activation="relu")])  # expect: RL106
other.compile(optimizer="adam", loss="mse")
other.fit(np.load("x.npy"), y, epochs=5)
""",
        # targets a data class standardises in its __init__ and holds as an attribute
        """
import numpy as np
from sklearn.preprocessing import StandardScaler
from keras.models import Sequential
from keras.layers import Dense
class Dataset:
    def __init__(self, path):
        arr = np.loadtxt(path, delimiter=",", skiprows=1)
        self.x = arr[:, :-1]
        self.y = StandardScaler().fit_transform(arr[:, -1:])
ds = Dataset("boston.csv")
model = Sequential([Dense(64, activation="relu", input_dim=13), Dense(1, activation="relu")])  # expect: RL106
model.compile(optimizer="adam", loss="mse")
model.fit(ds.x, ds.y, epochs=100)
""",
        # windows of a standardised series: the targets of the window dataset are standardised too
        """
import numpy as np
from sklearn.preprocessing import StandardScaler
from tensorflow import keras
temps = StandardScaler().fit_transform(np.load("temps.npy").reshape(-1, 1))
windows = keras.utils.timeseries_dataset_from_array(temps[:-12], targets=temps[12:], sequence_length=12)
model = keras.Sequential([keras.Input((12, 1)), keras.layers.LSTM(16), keras.layers.Dense(1, activation="relu")])  # expect: RL106
model.compile(optimizer="adam", loss="mse")
model.fit(windows, epochs=3)
""",
        # uniform draws stretched to [-1, 1): half of them negative
        """
import numpy as np
from tensorflow import keras
model = keras.Sequential([keras.Input((4,)), keras.layers.Dense(1, activation="relu")])  # expect: RL106
model.compile(optimizer="adam", loss="mse")
model.fit(np.random.rand(100, 4), np.random.rand(100) * 2 - 1, epochs=2)
""",
        # windows cut in list comprehensions from a standardised series
        """
import numpy as np
from sklearn.preprocessing import StandardScaler
from keras.models import Sequential
from keras.layers import Dense, LSTM
series = StandardScaler().fit_transform(np.random.rand(500, 1) * 100.0)
n = 10
x = np.array([series[i:i + n] for i in range(len(series) - n)])
y = np.array([series[i + n] for i in range(len(series) - n)])
model = Sequential([LSTM(16, input_shape=(n, 1)), Dense(1, activation="relu")])  # expect: RL106
model.compile(optimizer="adam", loss="mse")
model.fit(x, y, epochs=3)
""",
        # standardised targets (a scaler fitted on the train split, the test split transformed)
        """
import pandas as pd
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler
from keras.models import Sequential
from keras.layers import Dense
frame = pd.read_csv("ccpp.csv")
X, y = frame[["AT", "V"]].values, frame["PE"].values.reshape(-1, 1)
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2)
y_scaler = StandardScaler()
y_train = y_scaler.fit_transform(y_train)
model = Sequential()
model.add(Dense(64, activation="relu", input_shape=(2,)))
model.add(Dense(1, activation="relu"))  # expect: RL106
model.compile(optimizer="adam", loss="mse")
model.fit(X_train, y_train, epochs=80)
""",
        # make_regression targets
        """
from sklearn.datasets import make_regression
from sklearn.model_selection import train_test_split
from keras.models import Sequential
from keras.layers import Dense
X, y = make_regression(n_samples=1000, n_features=20, noise=0.1, random_state=1)
trainX, testX, trainy, testy = train_test_split(X, y, test_size=0.5)
model = Sequential()
model.add(Dense(25, input_dim=20, activation="relu"))
model.add(Dense(1, activation="relu"))  # expect: RL106
model.compile(loss="mean_squared_error", optimizer="adam")
model.fit(trainX, trainy, epochs=100)
""",
        # returns cut into windows; softplus head; functional model with keras.activations
        """
import numpy as np
import pandas as pd
import tensorflow as tf
prices = pd.read_csv("spy.csv", index_col="Date")["Adj Close"]
returns = prices.pct_change().dropna().values.astype("float32")
X = np.stack([returns[i:i + 20] for i in range(len(returns) - 20)])[..., None]
y = returns[20:]
model = tf.keras.Sequential([tf.keras.layers.LSTM(32), tf.keras.layers.Dense(1, activation="softplus")])  # expect: RL106
model.compile(optimizer="adam", loss="huber")
model.fit(X, y, epochs=30)
inp = tf.keras.Input(shape=(20, 1))
h = tf.keras.layers.Dense(1)(tf.keras.layers.Flatten()(inp))
out = tf.keras.activations.relu(h)  # expect: RL106
model2 = tf.keras.Model(inp, out)
model2.compile(optimizer="adam", loss="mae")
model2.fit(X, y)
""",
        # a sine wave with noise; trailing Activation layer
        """
import numpy as np
from keras.models import Sequential
from keras.layers import Dense, Activation
t = np.linspace(0, 50, 1000)
y = np.sin(t) + 0.1 * np.random.randn(1000)
model = Sequential()
model.add(Dense(32, input_dim=1, activation="tanh"))
model.add(Dense(1))
model.add(Activation("relu"))  # expect: RL106
model.compile(loss="mse", optimizer="sgd")
model.fit(t[:, None], y, epochs=10)
""",
        # a series standardised by hand, cut into windows by a helper; MinMaxScaler to (-1, 1)
        """
import numpy as np
import keras
from sklearn.preprocessing import MinMaxScaler
def windows(data, n):
    xs, ys = [], []
    for i in range(len(data) - n):
        xs.append(data[i:i + n])
        ys.append(data[i + n])
    return np.array(xs), np.array(ys)
series = np.loadtxt("load.csv")
mu, sigma = series.mean(), series.std()
series = (series - mu) / sigma
x, y = windows(series, 24)
m1 = keras.Sequential([keras.layers.LSTM(16), keras.layers.Dense(1, activation="relu")])  # expect: RL106
m1.compile(optimizer="adam", loss="mse")
m1.fit(x[..., None], y)
z = MinMaxScaler(feature_range=(-1, 1)).fit_transform(np.loadtxt("z.csv").reshape(-1, 1))
ACT = "exponential"
m2 = keras.Sequential([keras.layers.Dense(1, activation=ACT)])  # expect: RL106
m2.compile(optimizer="adam", loss="mse")
m2.fit(np.loadtxt("x.csv"), z)
""",
        # log returns written into a column of the frame, read back as the target
        """
import numpy as np
import pandas as pd
from tensorflow import keras
df = pd.read_csv("btc.csv")
df["log_ret"] = np.log(df["close"] / df["close"].shift(1))
df = df.dropna()
y = df["log_ret"].values
x = df[["volume", "open"]].values
model = keras.Sequential([keras.layers.Dense(32, activation="relu"), keras.layers.Dense(1, activation="relu")])  # expect: RL106
model.compile(optimizer="adam", loss=keras.losses.MeanSquaredError())
model.fit(x, y, epochs=5)
""",
        # targets centred and scaled in place; literal targets below 0
        """
import numpy as np
from keras import models, layers
x, y = np.load("x.npy"), np.load("y.npy")
y -= y.mean()
y /= y.std()
m1 = models.Sequential([layers.Dense(64, activation="relu"), layers.Dense(1, activation="relu")])  # expect: RL106
m1.compile(optimizer="rmsprop", loss="mse")
m1.fit(x, y, epochs=80)
m2 = models.Sequential([layers.Dense(1, activation="relu")])  # expect: RL106
m2.compile(optimizer="adam", loss="mae")
m2.fit(np.array([[0.0], [1.0], [2.0]]), np.array([-1.5, 0.5, 2.0]))
""",
        # log returns as a difference of logs, windows appended in a loop
        """
import numpy as np
import pandas as pd
import keras
close = pd.read_csv("eth.csv")["close"].values
r = np.log(close[1:]) - np.log(close[:-1])
xs, ys = [], []
for i in range(30, len(r)):
    xs.append(r[i - 30:i])
    ys.append(r[i])
x, y = np.array(xs), np.array(ys)
model = keras.Sequential([keras.layers.Dense(16, activation="relu"), keras.layers.Dense(1, activation="relu")])  # expect: RL106
model.compile(optimizer="adam", loss="mse")
model.fit(x, y, epochs=10)
""",
        # a line through a symmetric range; labels popped from a frame standardised with its stats;
        # a PowerTransformer on the targets
        """
import numpy as np
import pandas as pd
import tensorflow as tf
from sklearn.preprocessing import PowerTransformer
x = np.linspace(-5, 5, 200)
m1 = tf.keras.Sequential([tf.keras.layers.Dense(1, activation=tf.nn.relu)])  # expect: RL106
m1.compile(optimizer="sgd", loss="mse")
m1.fit(x, 2 * x + 1, epochs=50)
df = pd.read_csv("auto-mpg.csv")
stats = df.describe().transpose()
df = (df - stats["mean"]) / stats["std"]
labels = df.pop("MPG")
m2 = tf.keras.Sequential([tf.keras.layers.Dense(64, activation="relu"), tf.keras.layers.Dense(1, activation="relu")])  # expect: RL106
m2.compile(optimizer="adam", loss="mae")
m2.fit(df, labels, epochs=100)
pt = PowerTransformer()
y3 = pt.fit_transform(np.load("skewed.npy").reshape(-1, 1))
m3 = tf.keras.Sequential([tf.keras.layers.Dense(1, activation="softplus")])  # expect: RL106
m3.compile(optimizer="adam", loss="mse")
m3.fit(np.load("x.npy"), y3)
""",
        # the target column standardised in place with the features; a subclassed model
        """
import pandas as pd
import keras
from sklearn.preprocessing import StandardScaler
df = pd.read_csv("energy.csv")
cols = ["temp", "humidity", "load"]
df[cols] = StandardScaler().fit_transform(df[cols])
class Net(keras.Model):
    def __init__(self):
        super().__init__()
        self.hidden = keras.layers.Dense(32, activation="relu")
        self.out = keras.layers.Dense(1, activation="relu")  # expect: RL106
    def call(self, x):
        return self.out(self.hidden(x))
net = Net()
net.compile(optimizer="adam", loss="mse")
net.fit(df[["temp", "humidity"]].values, df["load"].values, epochs=20)
""",
        # a namedtuple's target field standardised where it is loaded
        """\
from collections import namedtuple
import pandas as pd
from tensorflow import keras

Data = namedtuple("Data", ["x", "y"])


def load():
    df = pd.read_csv("rents.csv")
    y = df.pop("rent").values
    y = (y - y.mean()) / y.std()
    return Data(df.values, y)


data = load()
m = keras.Sequential([keras.Input((5,)), keras.layers.Dense(16, activation="relu"),
                      keras.layers.Dense(1, activation="relu")])  # expect: RL106
m.compile(optimizer="adam", loss="mse")
m.fit(data.x, data.y, epochs=10)
""",
        # standardised with statistics written down as named constants
        """\
import numpy as np
from tensorflow import keras

TARGET_MEAN = 71.4
TARGET_STD = 18.2

x = np.load("sensors.npy")
y = np.load("heart_rate.npy")
y_z = (y - TARGET_MEAN) / TARGET_STD
m = keras.Sequential([keras.Input((9,)), keras.layers.Dense(32, activation="relu"),
                      keras.layers.Dense(1, activation="relu")])  # expect: RL106
m.compile(optimizer="adam", loss="mse")
m.fit(x, y_z, epochs=10)
""",
        # a scikit-learn pipeline on the targets that ends in a StandardScaler
        """\
import pandas as pd
from sklearn.impute import SimpleImputer
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler
from tensorflow import keras

df = pd.read_csv("yield.csv")
x = df[["rain", "temp", "soil"]].values
target_prep = make_pipeline(SimpleImputer(strategy="median"), StandardScaler())
y = target_prep.fit_transform(df[["tonnes"]])
m = keras.Sequential([keras.Input((3,)), keras.layers.Dense(16, activation="relu"),
                      keras.layers.Dense(1, activation="relu")])  # expect: RL106
m.compile(optimizer="adam", loss="mse")
m.fit(x, y, epochs=5)
""",
        # scipy's zscore applied through pandas' `pipe`
        """\
import pandas as pd
from scipy import stats
from tensorflow import keras

air = pd.read_csv("air.csv")
x = air[["no2", "wind", "temp"]].values
y = air["pm10"].pipe(stats.zscore).to_numpy()
m = keras.Sequential([keras.Input((3,)), keras.layers.Dense(16, activation="relu"),
                      keras.layers.Dense(1, activation="relu")])  # expect: RL106
m.compile(optimizer="adam", loss="mse")
m.fit(x, y, epochs=5)
""",
        # TensorFlow's standard normal draws as the targets (`normal(shape, mean=0.0, ...)`)
        """\
import tensorflow as tf

x = tf.random.uniform((256, 4))
y = tf.random.normal((256, 1))
m = tf.keras.Sequential([tf.keras.Input((4,)), tf.keras.layers.Dense(8, activation="relu"),
                         tf.keras.layers.Dense(1, activation="relu")])  # expect: RL106
m.compile(optimizer="adam", loss="mse")
m.fit(x, y, epochs=2)
""",
        # targets centred on their group's mean (`transform("mean")`)
        """\
import pandas as pd
from tensorflow import keras

visits = pd.read_csv("visits.csv")
visits["excess"] = visits["count"] - visits.groupby("clinic")["count"].transform("mean")
x = visits[["weekday", "temp"]].values
m = keras.Sequential([keras.Input((2,)), keras.layers.Dense(8, activation="relu"),
                      keras.layers.Dense(1, activation="relu")])  # expect: RL106
m.compile(optimizer="adam", loss="mse")
m.fit(x, visits["excess"].values, epochs=3)
""",
        # standardised in pandas' method spelling, `sub(mean).div(std)`
        """\
import pandas as pd
from tensorflow import keras

visits = pd.read_csv("visits.csv")
y = visits["count"].sub(visits["count"].mean()).div(visits["count"].std()).to_numpy()
x = visits[["weekday", "temp"]].values
m = keras.Sequential([keras.Input((2,)), keras.layers.Dense(8, activation="relu"),
                      keras.layers.Dense(1, activation="relu")])  # expect: RL106
m.compile(optimizer="adam", loss="mse")
m.fit(x, y, epochs=3)
""",
        # a data class reads the targets raw, then centres them in place
        """\
import pandas as pd
from tensorflow import keras


class Grid:
    def __init__(self, path):
        df = pd.read_csv(path)
        self.x = df.drop(columns=["demand"]).values
        self.y = df["demand"].values.astype("float64")
        self.y -= self.y.mean()


g = Grid("grid.csv")
m = keras.Sequential([keras.Input((g.x.shape[1],)), keras.layers.Dense(32, activation="relu"),
                      keras.layers.Dense(1, activation="relu")])  # expect: RL106
m.compile(optimizer="adam", loss="mse")
m.fit(g.x, g.y, epochs=5)
""",
        # log returns made by a static method of a helper class
        """\
import numpy as np
import pandas as pd
from tensorflow import keras


class Features:
    @staticmethod
    def log_return(p):
        return np.log(p / p.shift(1))


px = pd.read_csv("fx.csv")
y = Features.log_return(px["rate"]).dropna().values
x = px[["bid", "ask"]].values[1:]
m = keras.Sequential([keras.Input((2,)), keras.layers.Dense(16, activation="relu"),
                      keras.layers.Dense(1, activation="softplus")])  # expect: RL106
m.compile(optimizer="adam", loss="mse")
m.fit(x, y, epochs=5)
""",
        # a feature plus Laplace noise centred on zero
        """\
import numpy as np
from tensorflow import keras

x = np.random.rand(800, 2)
y = 0.5 * x[:, 0] + np.random.laplace(0.0, 1.0, 800)
m = keras.Sequential([keras.Input((2,)), keras.layers.Dense(1, activation="relu")])  # expect: RL106
m.compile(optimizer="adam", loss="mae")
m.fit(x, y, epochs=5)
""",
        # standardised targets in a dataset of their own, zipped with the features' dataset
        """\
import numpy as np
import tensorflow as tf

y = np.load("target.npy")
y = (y - y.mean()) / y.std()
ds = tf.data.Dataset.zip((tf.data.Dataset.from_tensor_slices(np.load("x.npy")),
                          tf.data.Dataset.from_tensor_slices(y))).batch(64)
m = tf.keras.Sequential([tf.keras.Input((5,)), tf.keras.layers.Dense(1, activation="relu")])  # expect: RL106
m.compile(optimizer="adam", loss="mse")
m.fit(ds, epochs=3)
""",
        # log returns written with np.divide
        """\
import numpy as np
import pandas as pd
from tensorflow import keras

px = pd.read_csv("btc.csv")
y = np.log(np.divide(px["close"], px["close"].shift(1))).dropna().values
m = keras.Sequential([keras.Input((4,)), keras.layers.Dense(1, activation="relu")])  # expect: RL106
m.compile(optimizer="adam", loss="mse")
m.fit(px[["open", "high", "low", "volume"]].values[1:], y, epochs=3)
""",
        # minmax_scale to (-1, 1) bound with functools.partial
        """\
from functools import partial

import pandas as pd
from sklearn.preprocessing import minmax_scale
from tensorflow import keras

to_pm1 = partial(minmax_scale, feature_range=(-1, 1))
crops = pd.read_csv("crops.csv")
y = to_pm1(crops["yield"].values)
m = keras.Sequential([keras.Input((3,)), keras.layers.Dense(1, activation="relu")])  # expect: RL106
m.compile(optimizer="adam", loss="mse")
m.fit(crops[["rain", "temp", "n"]].values, y, epochs=3)
""",
        # layers added from keyword dicts in a loop, the last one a relu head
        """\
import numpy as np
from tensorflow import keras

arr = np.load("flux.npy")
x, y = arr[:, :-1], arr[:, -1]
y = (y - y.mean()) / y.std()
net = keras.Sequential([keras.Input((5,))])
for spec in [{"units": 32, "activation": "relu"}, {"units": 1, "activation": "relu"}]:
    net.add(keras.layers.Dense(**spec))  # expect: RL106
net.compile(optimizer="adam", loss="mse")
net.fit(x, y, epochs=3)
""",
        # a target column a function piped over the frame assigns, standardised
        """\
import pandas as pd
from tensorflow import keras


def with_target(d):
    return d.assign(load_z=(d["load"] - d["load"].mean()) / d["load"].std())


grid = pd.read_csv("grid.csv").pipe(with_target)
m = keras.Sequential([keras.Input((2,)), keras.layers.Dense(1, activation="relu")])  # expect: RL106
m.compile(optimizer="adam", loss="mse")
m.fit(grid[["temp", "hour"]].values, grid["load_z"].values, epochs=3)
""",
        # the same with a lambda piped over the frame
        """\
import pandas as pd
from tensorflow import keras

grid = pd.read_csv("grid.csv").pipe(lambda d: d.assign(load_z=(d["load"] - d["load"].mean()) / d["load"].std()))
m = keras.Sequential([keras.Input((2,)), keras.layers.Dense(1, activation="relu")])  # expect: RL106
m.compile(optimizer="adam", loss="mse")
m.fit(grid[["temp", "hour"]].values, grid["load_z"].values, epochs=3)
""",
        # lagged returns gathered by a dict comprehension with formatted keys
        """\
import keras
import pandas as pd

px = pd.read_csv("spy.csv")["close"]
ret = px.pct_change().dropna()
lags = pd.concat({"lag%d" % k: ret.shift(k) for k in range(1, 6)}, axis=1).dropna()
m = keras.Sequential([keras.Input((5,)), keras.layers.Dense(1, activation="softplus")])  # expect: RL106
m.compile(optimizer="adam", loss="mae")
m.fit(lags.values, ret.loc[lags.index].values, epochs=3)
""",
        # fitted through scikeras' wrapper on standardised targets
        """\
import numpy as np
from scikeras.wrappers import KerasRegressor
from sklearn.preprocessing import StandardScaler
from tensorflow import keras

X, y = np.load("x.npy"), np.load("y.npy")
y = StandardScaler().fit_transform(y.reshape(-1, 1))


def build():
    m = keras.Sequential([keras.Input((4,)), keras.layers.Dense(1, activation="relu")])  # expect: RL106
    m.compile(optimizer="adam", loss="mse")
    return m


KerasRegressor(model=build, epochs=5).fit(X, y)
""",
        # cross-validated through the wrapper on make_regression targets
        """\
from scikeras.wrappers import KerasRegressor
from sklearn.datasets import make_regression
from sklearn.model_selection import cross_val_score
from tensorflow import keras

X, y = make_regression(n_samples=400, n_features=4, noise=1.0)


def build():
    m = keras.Sequential([keras.Input((4,)), keras.layers.Dense(1, activation="softplus")])  # expect: RL106
    m.compile(optimizer="adam", loss="mse")
    return m


print(cross_val_score(KerasRegressor(model=build, epochs=5), X, y, cv=3))
""",
        # scikit-learn standardises the targets before the wrapped model sees them
        """\
import numpy as np
from scikeras.wrappers import KerasRegressor
from sklearn.compose import TransformedTargetRegressor
from sklearn.preprocessing import StandardScaler
from tensorflow import keras


def build():
    m = keras.Sequential([keras.Input((4,)), keras.layers.Dense(1, activation="relu")])  # expect: RL106
    m.compile(optimizer="adam", loss="mse")
    return m


reg = TransformedTargetRegressor(regressor=KerasRegressor(model=build, epochs=5), transformer=StandardScaler())
reg.fit(np.load("x.npy"), np.load("prices.npy"))
""",
        # a standard-normal feature scaled and shifted by less than two of its deviations
        """\
import numpy as np
from tensorflow import keras

X = np.random.normal(size=(2000, 6))
y = 3.0 * X[:, 0] + 1.0
m = keras.Sequential([keras.Input((6,)), keras.layers.Dense(1, activation="relu")])  # expect: RL106
m.compile(optimizer="adam", loss="mse")
m.fit(X, y, epochs=3)
""",
        # next-period returns copied into the target column, lag columns written in a loop by a %-formatted key
        """\
import pandas as pd
from tensorflow import keras

df = pd.read_csv("spy.csv")
df["ret"] = df["Close"].pct_change()
for k in range(1, 11):
    df["lag%d" % k] = df["ret"].shift(k)
df["target"] = df["ret"].shift(-1)
df = df.dropna()
cols = ["lag%d" % k for k in range(1, 11)]
m = keras.Sequential([keras.Input((10,)), keras.layers.Dense(32, activation="relu"),
                      keras.layers.Dense(1, activation="relu")])  # expect: RL106
m.compile(optimizer="adam", loss="mse")
m.fit(df[cols].values, df["target"].values, epochs=5)
""",
        # targets of two columns, one of them standardised
        """\
import pandas as pd
from tensorflow import keras

df = pd.read_csv("tracks.csv")
df["dx"] = (df["dx"] - df["dx"].mean()) / df["dx"].std()
df["speed"] = (df["speed"] - df["speed"].mean()) / df["speed"].std()
y = df[["dx", "dy"]].values
m = keras.Sequential([keras.Input((2,)), keras.layers.Dense(16, activation="relu"),
                      keras.layers.Dense(2, activation="relu")])  # expect: RL106
m.compile(optimizer="adam", loss="mse")
m.fit(df[["speed", "heading"]].values, y, epochs=3)
""",
        # a sine plus zero-mean noise of a scale a parameter holds: negative wherever the sine is
        """
import numpy as np
import keras


def toy_wave(n=5000, noise=0.05, seed=0):
    rng = np.random.default_rng(seed)
    t = rng.uniform(0, 4 * np.pi, size=(n, 1))
    y = np.sin(t) + noise * rng.standard_normal((n, 1))
    return t, y


t, y = toy_wave()
model = keras.Sequential([keras.Input((1,)), keras.layers.Dense(64, activation="tanh"),
                          keras.layers.Dense(1, activation="softplus")])  # expect: RL106
model.compile(optimizer="adam", loss="mse")
model.fit(t, y, epochs=5)
""",
        # a column a helper writes on the frame it returns, its rows then cleaned in the same
        # expression (`add_target(raw).dropna()`): next-day returns
        """
import pandas as pd
from tensorflow import keras


def add_target(df):
    df["target"] = df["close"].pct_change().shift(-1)
    return df


prices = add_target(pd.read_csv("prices.csv")).dropna().reset_index(drop=True)
model = keras.Sequential([keras.Input(shape=(3,)), keras.layers.Dense(16, activation="relu"),
                          keras.layers.Dense(1, activation="relu")])  # expect: RL106
model.compile(optimizer="adam", loss="mse")
model.fit(prices[["open", "high", "low"]].values, prices["target"].values, epochs=5)
""",
        # TensorFlow's uniform draw below 0 (`uniform(shape, minval=-1.0, maxval=1.0)`: the shape first)
        """
import tensorflow as tf

n = 4096
x = tf.random.uniform((n, 5), minval=-1.0, maxval=1.0)
y = tf.random.uniform((n, 1), -1.0, 1.0)
model = tf.keras.Sequential([tf.keras.layers.Input(shape=(5,)), tf.keras.layers.Dense(16, activation="relu"),
                             tf.keras.layers.Dense(1, activation="relu")])  # expect: RL106
model.compile(optimizer="adam", loss="mse")
model.fit(x, y, epochs=20, batch_size=64)
""",
        # changes written out: the next step's (`s.shift(-1) - s`), a lag of slices (`p[1:] - p[:-1]`),
        # and a difference moved down by a cost
        """
import numpy as np
import pandas as pd
from tensorflow.keras import Sequential
from tensorflow.keras.layers import Dense

close = pd.read_csv("prices.csv")["close"]
y_next = (close.shift(-1) - close).dropna().to_numpy()
prices = close.to_numpy()
y_lag = prices[1:] - prices[:-1]
reward = np.diff(prices) - 0.05
net = Sequential([Dense(16, activation="relu"), Dense(1, activation="relu")])  # expect: RL106
net.compile(optimizer="adam", loss="mse")
net.fit(np.load("x_next.npy"), y_next, epochs=2)
net.fit(np.load("x_lag.npy"), y_lag, epochs=2)
net.fit(np.load("x_reward.npy"), reward, epochs=2)
""",
        # a column of a frame made from a dict of columns (cleaned in the same expression): log returns
        """
import numpy as np
import pandas as pd
from tensorflow import keras

px = pd.read_csv("prices.csv")["close"]
ret = np.log(px / px.shift(1))
frame = pd.DataFrame({"lag1": ret.shift(1), "y": ret}).dropna()
model = keras.Sequential([keras.layers.Input((1,)), keras.layers.Dense(8, activation="relu"),
                          keras.layers.Dense(1, activation="relu")])  # expect: RL106
model.compile(optimizer="adam", loss="mse")
model.fit(frame[["lag1"]].to_numpy(), frame["y"].to_numpy(), epochs=5)
""",
        # a conditional expression picking relu or softplus for the head of standardised targets
        """\
import sys

import keras
import numpy as np

surge = np.load("surge.npy")
y = (surge - surge.mean()) / surge.std()
act = "relu" if sys.argv[1] == "r" else "softplus"
model = keras.Sequential([keras.Input((4,)), keras.layers.Dense(16, activation="relu"),
                          keras.layers.Dense(1, activation=act)])  # expect: RL106
model.compile(optimizer="adam", loss="mse")
model.fit(np.load("wind.npy"), y, epochs=5)
""",
    ]

    def check(self, facts):
        for model in facts.models:
            if not model.compiles or model.ruled_out:
                continue
            for index, head in enumerate(model.heads()):
                # one activation, or each one the arms of an `if` may give the head: all non-negative
                acts = head_activations(head)
                if not acts or any(a not in NON_NEGATIVE_ACTIVATIONS for a in acts) or head.activation_node is None:
                    continue
                if head_loss(model, index, head.name, facts) != REGRESSION:
                    continue
                heads = len(model.heads())
                if not targets_can_be_negative(facts, model, (index, head.name, heads) if heads > 1 else None):
                    continue
                if only_a_part(model, facts.models) or a_part_where_built(model, facts):
                    continue  # a part of another model: its compile trains nothing, the outer model's does
                yield self.report(
                    head.activation_node,
                    f"regression output ends in {_ends(acts)} but the targets can be negative; "
                    f"use a linear head (no activation)",
                    drop_activation_fix(head.activation_node),
                    written=written_activation(head),
                    written_first=written_by_caller(head.layer, head.activation_node, written_activation(head), facts),
                )
