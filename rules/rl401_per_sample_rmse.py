from regr_lint.input.vocabulary import COMPILED, POWER
from regr_lint.model.losses import (MEAN, PER_SAMPLE_MSE_NAMES, REGISTRARS, SQRT, SUM, WRAPPERS, loss_functions,
                                    per_sample_sqrts)
from regr_lint.model.losses import POWER as POWER_CALLS
from regr_lint.rule import Rule


class PerSampleRmse(Rule):
    code = "RL401"
    name = "per-sample-rmse"
    summary = "Custom RMSE loss/metric takes the root per sample, so Keras reports the MAE"
    severity = "error"  # the reported (or minimised) quantity is the MAE, not the RMSE
    tokens = ("keras", ("mean", "mse", "MSE", "sum"), ("sqrt", "0.5"))
    # Only a function the file hands to Keras counts (see regr_lint/model/losses.py).
    names = ((COMPILED, "custom_objects", "get_custom_objects", "register_keras_serializable", "Loss")
             + tuple(sorted(REGISTRARS | WRAPPERS)),
             tuple(sorted(SQRT | POWER_CALLS)) + (POWER,), tuple(sorted(MEAN | SUM | PER_SAMPLE_MSE_NAMES)))
    docs = """\
## What it does
Finds a custom loss or metric that returns `sqrt(mean(square(y_pred - y_true), axis=-1))`, or the
root of Keras' own `mse` / `mean_squared_error` function (`K.sqrt(mse(y_true, y_pred))`: that
function is the mean over the last axis; the `MeanSquaredError` class, which averages the batch too,
is not), or of a function of the module's own that computes the same per-sample mean
(`mse(y_true, y_pred) ** 0.5` under `def mse(...): return K.mean(K.square(...), axis=-1)`) — with
the backend (`K.*`, `from keras import backend`), `tf.*` / `tf.math.*`, `keras.ops.*` or numpy, the
axis by keyword or by position — `-1` or any axis that is not the batch's (`axis=1` over a sequence
output's positions, as the widely copied MCRMSE does, `axis=[1, 2]`; `axis=0` is over the batch,
and `-2` may be on a 2-D output, so neither is reported) — spread over several lines or through intermediate variables; the
square may be `** 2` or `squared_difference`, the difference `subtract(a, b)` (or times a mask,
`(y_pred - y_true) * keep`), the mean written out as a sum over the same axis divided by a count
(`K.sum(K.square(e), axis=-1) / 30.0`, or `/ reduce_sum(keep, axis=-1)`, the labelled keypoints a
mask keeps), the root `** 0.5`, and a small constant may be added
under the root (also one held in a name, `+ EPS`, `+ eps`, or by an object or a module, `+ self.eps`,
`+ cfg.EPSILON`); the axis may be a module constant (`axis=TARGET_AXIS`) or a parameter's default
(`def rmse(y_true, y_pred, axis=-1)`: Keras passes the two tensors only).

A function counts as a loss or metric when the file gives it to Keras: in
`compile(loss=…, metrics=…, weighted_metrics=…)`, in `custom_objects`, through
`get_custom_objects()` (for both, also a dict built from a list of the functions, `{f.__name__: f for f in fns}`)
or `@register_keras_serializable`, or as the `call` of a `keras.losses.Loss`
subclass (also a function that `call`, or a loss function, hands `y_true` and `y_pred` to and returns
what it gives, `return rmse(y_true, y_pred)`, also times or over a constant, `rmse(t, p) / self.scale`:
an nRMSE is still a root per sample), a method of an object handed over bound (`metrics=[scores.nrmse]`,
`loss=self.rmse`) — also through a variable, a builder's parameter or a wrapper class's constructor default
that a construction leaves in place (`def __init__(self, loss=rmse)` … `compile(loss=self.loss)`,
`Regressor(5)`), or picked by name from a registry (`[METRIC_FNS[n] for n in NAMES]` over a list of
names), or one of a few candidates a setting picks (`LOSSES[run_settings["loss"]]` over `[rmse_loss,
"mse", ...]`, or a dict of them: every function among them is trained with in some run). An RMSE without an axis (over the whole batch), a root of a sum, or the same expression
outside a loss or metric (an RMSNorm layer, a numpy evaluation helper) is not reported. Nor is a
root over differences of transformed targets and predictions (`cumsum`, `sort`, an FFT, a matrix
product …: an earth mover's distance between histograms takes the root per sample by definition):
only a squared difference of `y_true` and `y_pred` themselves, or elementwise forms of them (a cast,
a reshape, a slice, arithmetic), is read as a per-sample RMSE.

## Why is this bad?
With `axis=-1` the square root is taken for each sample separately, and Keras then averages the
per-sample values over the batch. For a model with one output, `sqrt(mean(e², axis=-1))` of a single
number is `|e|`: the "RMSE" is exactly the mean absolute error, never the root mean squared error.
With several outputs it is the mean of per-sample RMSEs, which still understates the RMSE. As a
loss it trains for the MAE; as a metric it reports the wrong number under the RMSE's name.

## Example
```python
from keras import backend as K

def rmse(y_true, y_pred):
    return K.sqrt(K.mean(K.square(y_pred - y_true), axis=-1))

model.compile(optimizer="adam", loss="mse", metrics=[rmse])
```

## Use instead
Keras' streaming metric, which takes the root of the mean over all samples:
```python
model.compile(optimizer="adam", loss="mse", metrics=[keras.metrics.RootMeanSquaredError()])
```
or, in a custom function, the root of the mean over every axis:
```python
def rmse(y_true, y_pred):
    return K.sqrt(K.mean(K.square(y_pred - y_true)))
```

## Fix safety
No automatic fix. Dropping the axis gives the batch RMSE, but a metric is then averaged over
batches (still not the epoch's RMSE) and a loss changes what the model is trained for; the right
replacement (`RootMeanSquaredError()` as a metric, `mse` as a loss, or an RMSE over all axes) is
the author's choice.
"""
    VALID = [
        # the axis a parameter's default leaves to the whole batch, and a module constant over the batch
        """\
import tensorflow as tf

BATCH_AXIS = 0


def rmse(y_true, y_pred, axis=None):
    return tf.sqrt(tf.reduce_mean(tf.square(y_pred - y_true), axis=axis))


def colwise(y_true, y_pred):
    return tf.reduce_mean(tf.sqrt(tf.reduce_mean(tf.square(y_true - y_pred), axis=BATCH_AXIS)))


net = tf.keras.Sequential([tf.keras.Input((8,)), tf.keras.layers.Dense(2)])
net.compile(optimizer="adam", loss=rmse, metrics=[colwise])
""",
        # the root of each column's mean over the batch (axis=0), then averaged: a column-wise RMSE
        """\
import tensorflow as tf


def column_rmse(y_true, y_pred):
    colwise = tf.reduce_mean(tf.square(y_true - y_pred), axis=0)
    return tf.reduce_mean(tf.sqrt(colwise))


m = tf.keras.Sequential([tf.keras.Input((107, 4)), tf.keras.layers.Dense(3)])
m.compile(optimizer="adam", loss="mse", metrics=[column_rmse])
""",
        # a Loss subclass whose call hands its arguments to an RMSE over the whole batch
        """\
import keras
from keras import ops
def rmse(y_true, y_pred):
    return ops.sqrt(ops.mean(ops.square(y_pred - y_true)))
class RMSELoss(keras.losses.Loss):
    def call(self, y_true, y_pred):
        return rmse(y_true, y_pred)
m = keras.Sequential([keras.Input((8,)), keras.layers.Dense(1)])
m.compile(optimizer="adam", loss=RMSELoss())
""",
        # the registry holds a per-sample RMSE, but the names the comprehension reads pick only "mae"
        """\
import numpy as np
import tensorflow as tf
def rmse(y_true, y_pred):
    return tf.sqrt(tf.reduce_mean(tf.square(y_true - y_pred), axis=-1))
METRIC_FNS = {"rmse": rmse, "mae": "mae"}
m = tf.keras.Sequential([tf.keras.Input((8,)), tf.keras.layers.Dense(1)])
m.compile(optimizer="adam", loss="mse", metrics=[METRIC_FNS[n] for n in ["mae"]])
m.fit(np.load("x.npy"), np.load("y.npy"), epochs=10)
""",
        # a helper of the module taking the absolute error: no RMSE
        """\
import numpy as np
from tensorflow import keras
from tensorflow.keras import backend as K
def _err(y_true, y_pred):
    return K.abs(y_pred - y_true)
def rmse(y_true, y_pred):
    return K.sqrt(K.mean(_err(y_true, y_pred), axis=-1))
m = keras.Sequential([keras.Input((8,)), keras.layers.Dense(1)])
m.compile(optimizer="adam", loss=rmse)
m.fit(np.random.rand(20, 8), np.random.rand(20), epochs=2)
""",
        # the module's own mse helper averages over every axis: the root is the batch RMSE
        """
import keras
from keras import backend as K
def mse(y_true, y_pred):
    return K.mean(K.square(y_pred - y_true))
def rmse(y_true, y_pred):
    return mse(y_true, y_pred) ** 0.5
model = keras.Sequential([keras.Input((8,)), keras.layers.Dense(1)])
model.compile("adam", loss="mse", metrics=[rmse])
""",
        # the look-alike: the list registered holds no per-sample root; the one beside it is never given to Keras
        """
import tensorflow.keras.backend as K
from tensorflow.keras.losses import mse
from tensorflow.keras.utils import get_custom_objects
def rmse(y_true, y_pred):
    return K.sqrt(mse(y_true, y_pred))
def mae(y_true, y_pred):
    return K.mean(K.abs(y_pred - y_true), axis=-1)
registered = [mae]
get_custom_objects().update({f.__name__: f for f in registered})
""",
        # the look-alike: tf.math.subtract of the predictions and their own mean (a spread, no error)
        """
import tensorflow as tf
def spread(y_true, y_pred):
    dev = tf.math.subtract(y_pred, tf.reduce_mean(y_pred))
    return tf.sqrt(tf.reduce_mean(tf.square(dev), axis=-1))
model = tf.keras.Sequential([tf.keras.Input((8,)), tf.keras.layers.Dense(1)])
model.compile("adam", loss="mse", metrics=[spread])
""",
        # the loss class averages the batch as well: its root is the RMSE
        """
import keras
from keras import backend as K
def rmse(y_true, y_pred):
    return K.sqrt(keras.losses.MeanSquaredError()(y_true, y_pred))
model = keras.Sequential([keras.Input((8,)), keras.layers.Dense(1)])
model.compile("adam", loss="mse", metrics=[rmse])
""",
        # RMSE over the whole batch (no axis)
        """
from keras import backend as K
from keras.models import Sequential
from keras.layers import Dense
def rmse(y_true, y_pred):
    return K.sqrt(K.mean(K.square(y_pred - y_true)))
model = Sequential([Dense(1)])
model.compile(optimizer="adam", loss="mse", metrics=[rmse])
""",
        # root of a sum, not of a mean
        """
import tensorflow as tf
def l2_error(y_true, y_pred):
    return tf.sqrt(tf.reduce_sum(tf.square(y_true - y_pred), axis=-1))
model = tf.keras.Sequential([tf.keras.layers.Dense(3)])
model.compile(optimizer="adam", loss=l2_error)
""",
        # an RMSNorm layer: a root of a mean of squares that is not a loss
        """
import keras
from keras import layers, ops
class RMSNorm(layers.Layer):
    def call(self, x):
        return x * ops.rsqrt(ops.mean(ops.square(x), axis=-1, keepdims=True) + 1e-6)
def norm(a, b):
    return ops.sqrt(ops.mean(ops.square(a - b), axis=-1))
model = keras.Sequential([layers.Dense(16), RMSNorm(), layers.Dense(1)])
model.compile(optimizer="adam", loss="mse", metrics=[keras.metrics.RootMeanSquaredError()])
""",
        # a numpy evaluation helper, never given to Keras
        """
import numpy as np
import keras
def rmse(y_true, y_pred):
    return np.sqrt(np.mean(np.square(y_pred - y_true), axis=-1))
model = keras.Sequential([keras.layers.Dense(1)])
model.compile(optimizer="adam", loss="mse")
print(rmse(y_test, model.predict(x_test)).mean())
""",
        # axis over the batch: the RMSE of each output
        """
import tensorflow as tf
def rmse(y_true, y_pred):
    return tf.sqrt(tf.reduce_mean(tf.square(y_pred - y_true), axis=0))
model = tf.keras.Sequential([tf.keras.layers.Dense(1)])
model.compile(optimizer="adam", loss="mse", metrics=[rmse])
""",
        # an earth mover's distance: the per-sample root over differences of cumulative sums is the
        # distance's definition (one per histogram, then the batch mean), not a botched RMSE
        """
from tensorflow import keras
from tensorflow.keras import backend as K
def emd(y_true, y_pred):
    cdf_true = K.cumsum(y_true, axis=-1)
    cdf_pred = K.cumsum(y_pred, axis=-1)
    return K.mean(K.sqrt(K.mean(K.square(cdf_true - cdf_pred), axis=-1)))
model = keras.Sequential([keras.Input((64,)), keras.layers.Dense(10, activation="softmax")])
model.compile(optimizer="adam", loss=emd)
""",
    ]
    INVALID = [
        # the small constant held by the loss object, the axis a module constant or a parameter's default
        """\
import tensorflow as tf

import config as cfg

TARGET_AXIS = 1


class RMSELoss(tf.keras.losses.Loss):
    def __init__(self, eps=1e-7, name="rmse"):
        super().__init__(name=name)
        self.eps = eps

    def call(self, y_true, y_pred):
        mse = tf.reduce_mean(tf.square(y_true - y_pred), axis=-1)
        return tf.sqrt(mse + self.eps)  # expect: RL401


def rmse(y_true, y_pred):
    return tf.sqrt(tf.reduce_mean(tf.square(y_pred - y_true), axis=TARGET_AXIS) + cfg.EPSILON)  # expect: RL401


def rmse_axis(y_true, y_pred, axis=-1):
    return tf.sqrt(tf.reduce_mean(tf.square(y_pred - y_true), axis=axis))  # expect: RL401


net = tf.keras.Sequential([tf.keras.Input((8,)), tf.keras.layers.Dense(1)])
net.compile(optimizer="adam", loss=RMSELoss(), metrics=[rmse, rmse_axis])
""",
        # the small constant under the root held in a module constant
        """\
import numpy as np
import tensorflow as tf
EPS = 1e-7
def rmse(y_true, y_pred):
    return tf.sqrt(tf.reduce_mean(tf.square(y_true - y_pred), axis=-1) + EPS)  # expect: RL401
m = tf.keras.Sequential([tf.keras.Input((3,)), tf.keras.layers.Dense(1)])
m.compile(optimizer="adam", loss=rmse)
m.fit(np.load("x.npy"), np.load("y.npy"), epochs=2)
""",
        # a Loss subclass whose call hands y_true and y_pred to a per-sample RMSE function
        """\
import keras
from keras import ops
def rmse(y_true, y_pred):
    return ops.sqrt(ops.mean(ops.square(y_pred - y_true), axis=-1))  # expect: RL401
class RMSELoss(keras.losses.Loss):
    def call(self, y_true, y_pred):
        return rmse(y_true, y_pred)
m = keras.Sequential([keras.Input((8,)), keras.layers.Dense(1)])
m.compile(optimizer="adam", loss=RMSELoss())
""",
        # a registry of metric functions read by name through a comprehension over a list of names
        """\
import numpy as np
import tensorflow as tf
def rmse(y_true, y_pred):
    return tf.sqrt(tf.reduce_mean(tf.square(y_true - y_pred), axis=-1))  # expect: RL401
METRIC_FNS = {"rmse": rmse, "mae": "mae"}
NAMES = ["rmse", "mae"]
m = tf.keras.Sequential([tf.keras.Input((8,)), tf.keras.layers.Dense(1)])
m.compile(optimizer="adam", loss="mse", metrics=[METRIC_FNS[n] for n in NAMES])
m.fit(np.load("x.npy"), np.load("y.npy"), epochs=10)
""",
        # the square taken by a helper of the module
        """\
import numpy as np
from tensorflow import keras
from tensorflow.keras import backend as K
def _err(y_true, y_pred):
    return K.square(y_pred - y_true)
def rmse(y_true, y_pred):
    return K.sqrt(K.mean(_err(y_true, y_pred), axis=-1))  # expect: RL401
m = keras.Sequential([keras.Input((8,)), keras.layers.Dense(1)])
m.compile(optimizer="adam", loss=rmse)
m.fit(np.random.rand(20, 8), np.random.rand(20), epochs=2)
""",
        # given to Keras through `custom_objects` built from a list of the functions
        """
from keras import backend as K
from keras.models import load_model
def rmse(y_true, y_pred):
    return K.sqrt(K.mean(K.square(y_pred - y_true), axis=-1))  # expect: RL401
fns = [rmse]
model = load_model("m.h5", custom_objects={f.__name__: f for f in fns})
""",
        # the module's own per-sample mse helper under the root
        """
import keras
from keras import backend as K
def mse(y_true, y_pred):
    return K.mean(K.square(y_pred - y_true), axis=-1)
def rmse(y_true, y_pred):
    return mse(y_true, y_pred) ** 0.5  # expect: RL401
def rmse_k(y_true, y_pred):
    return K.sqrt(mse(y_true, y_pred))  # expect: RL401
model = keras.Sequential([keras.Input((8,)), keras.layers.Dense(1)])
model.compile("adam", loss="mse", metrics=[rmse, rmse_k])
""",
        # registered through a dict built from a list of the functions
        """
import tensorflow.keras.backend as K
from tensorflow.keras.losses import mse
from tensorflow.keras.utils import get_custom_objects
def rmse(y_true, y_pred):
    return K.sqrt(mse(y_true, y_pred))  # expect: RL401
def mae(y_true, y_pred):
    return K.mean(K.abs(y_pred - y_true), axis=-1)
all_metrics = [rmse, mae]
get_custom_objects().update(dict([(f.__name__, f) for f in all_metrics]))
""",
        # the difference through tf.math.subtract
        """
import tensorflow as tf
def rmse(y_true, y_pred):
    err = tf.math.subtract(y_pred, y_true)
    return tf.sqrt(tf.reduce_mean(tf.square(err), axis=-1))  # expect: RL401
model = tf.keras.Sequential([tf.keras.Input((8,)), tf.keras.layers.Dense(1)])
model.compile("adam", loss="mse", metrics=[rmse])
""",
        """
import keras
import tensorflow as tf
from keras import backend as K
from keras.losses import mse
def rmse(y_true, y_pred):
    return K.sqrt(mse(y_true, y_pred))  # expect: RL401
def rmse_tf(y_true, y_pred):
    return tf.sqrt(keras.losses.mean_squared_error(y_true, y_pred))  # expect: RL401
model = keras.Sequential([keras.Input((8,)), keras.layers.Dense(1)])
model.compile("adam", loss="mse", metrics=[rmse, rmse_tf])
""",
        """
from keras import backend as K
from keras.models import Sequential
from keras.layers import Dense
def rmse(y_true, y_pred):
    return K.sqrt(K.mean(K.square(y_pred - y_true), axis=-1))  # expect: RL401
model = Sequential([Dense(8, activation="relu"), Dense(1)])
model.compile(optimizer="adam", loss="mse", metrics=[rmse])
""",
        # `from keras import backend`, multi-line, used as the loss
        """
from keras import backend
from keras.layers import Dense, Input
from keras.models import Model
def rmse_loss(y_true, y_pred):
    return backend.sqrt(  # expect: RL401
        backend.mean(backend.square(y_pred - y_true), axis=-1)
    )
inp = Input(shape=(8,))
model = Model(inp, Dense(1)(inp))
model.compile(optimizer="adam", loss=rmse_loss)
""",
        # positional axis
        """
from keras import backend as K
import keras
def rmse(y_true, y_pred):
    return K.sqrt(K.mean(K.square(y_pred - y_true), -1))  # expect: RL401
model = keras.Sequential([keras.layers.Dense(3)])
model.compile(loss="mse", optimizer="adam", metrics=["mae", rmse])
""",
        # intermediate variables, tf.math, registered in custom_objects
        """
import tensorflow as tf
def root_mean_squared_error(y_true, y_pred):
    err = y_pred - y_true
    mse = tf.math.reduce_mean(tf.math.square(err), axis=-1)
    return tf.math.sqrt(mse)  # expect: RL401
model = tf.keras.models.load_model("model.h5",
                                   custom_objects={"root_mean_squared_error": root_mean_squared_error})
""",
        # keras.ops in a metric
        """
import keras
from keras import ops
def rmse(y_true, y_pred):
    return ops.sqrt(ops.mean(ops.square(y_true - y_pred), axis=-1))  # expect: RL401
model = keras.Sequential([keras.layers.Dense(1)])
model.compile(optimizer="adam", loss="mse", metrics=[rmse])
""",
        # numpy inside a metric, registered with get_custom_objects
        """
import numpy as np
from tensorflow.keras.utils import get_custom_objects
def rmse(y_true, y_pred):
    return np.sqrt(np.mean(np.square(y_pred - y_true), axis=-1))  # expect: RL401
get_custom_objects().update({"rmse": rmse})
""",
        # an elementwise form of y_true (a cast) is still y_true: the root is a per-sample RMSE
        """
from tensorflow import keras
from tensorflow.keras import backend as K
def rmse(y_true, y_pred):
    target = K.cast(y_true, "float32")
    return K.sqrt(K.mean(K.square(y_pred - target), axis=-1))  # expect: RL401
model = keras.Sequential([keras.Input((64,)), keras.layers.Dense(1)])
model.compile(optimizer="adam", loss="mse", metrics=[rmse])
""",
        # the root written as a power of one half, `K.pow(m, 0.5)`
        """\
from keras import backend as K
from tensorflow import keras


def root_mse(y_true, y_pred):
    return K.pow(K.mean(K.square(y_pred - y_true), axis=-1), 0.5)  # expect: RL401


m = keras.Sequential([keras.Input((3,)), keras.layers.Dense(1)])
m.compile(optimizer="adam", loss=root_mse)
""",
    ]

    INVALID += [
        # MCRMSE over a sequence output: the mean over the positions (axis=1) keeps each sample's own
        # root, per column
        """\
import tensorflow as tf


def mcrmse(y_true, y_pred):
    colwise = tf.reduce_mean(tf.square(y_true - y_pred), axis=1)
    return tf.reduce_mean(tf.sqrt(colwise), axis=1)  # expect: RL401


m = tf.keras.Sequential([tf.keras.Input((107, 4)), tf.keras.layers.Dense(3)])
m.compile(optimizer="adam", loss=mcrmse)
""",
        # the mean written out as a sum over a count: of the 30 outputs, or of the keypoints a mask
        # keeps labelled
        """import tensorflow as tf
from tensorflow.keras import backend as K


def rmse(y_true, y_pred):
    return K.sqrt(K.sum(K.square(y_pred - y_true), axis=-1) / 30.0)  # expect: RL401


def masked_rmse(y_true, y_pred):
    keep = tf.cast(y_true >= 0, tf.float32)
    per_sample = tf.reduce_sum(tf.square((y_pred - y_true) * keep), axis=-1) / tf.reduce_sum(keep, axis=-1)
    return tf.sqrt(per_sample)  # expect: RL401


m = tf.keras.Sequential([tf.keras.Input((96, 96, 1)), tf.keras.layers.Flatten(), tf.keras.layers.Dense(30)])
m.compile(optimizer="adam", loss=masked_rmse, metrics=[rmse])
""",
    ]
    VALID += [
        # the look-alike: Keras' mse of one column (`y[:, i]`, a vector over the batch): its mean over
        # the last axis is the batch's, and the root is that column's RMSE
        """\
import tensorflow as tf
from tensorflow.keras.losses import mean_squared_error


def rmse_u(y_true, y_pred):
    return tf.sqrt(mean_squared_error(y_true[:, 0], y_pred[:, 0]))


m = tf.keras.Sequential([tf.keras.Input((16,)), tf.keras.layers.Dense(2)])
m.compile(optimizer="adam", loss="mse", metrics=[rmse_u])
""",
        # the look-alike: summed over every axis, the batch's too, over the count of every entry —
        # one root of the batch's mean, an RMSE
        """import tensorflow as tf
from tensorflow.keras import backend as K


def rmse(y_true, y_pred):
    return K.sqrt(K.sum(K.square(y_pred - y_true)) / tf.cast(tf.size(y_true), tf.float32))


m = tf.keras.Sequential([tf.keras.Input((16,)), tf.keras.layers.Dense(30)])
m.compile(optimizer="adam", loss="mse", metrics=[rmse])
""",
    ]

    INVALID += [
        # a metric returning a per-sample RMSE scaled by a constant (an nRMSE): still a root per sample
        """\
import numpy as np
import tensorflow as tf


def per_sample_rmse(y_true, y_pred):
    return tf.sqrt(tf.reduce_mean(tf.square(y_true - y_pred), axis=-1))  # expect: RL401


def nrmse(y_true, y_pred):
    return per_sample_rmse(y_true, y_pred) / 1.0


m = tf.keras.Sequential([tf.keras.Input((48,)), tf.keras.layers.Dense(24)])
m.compile(optimizer="adam", loss="mse", metrics=[nrmse])
m.fit(np.load("x.npy"), np.load("y.npy"), epochs=5)
""",
        # a bound method of a plain class handed to compile, scaling what it delegates to
        """\
import numpy as np
import tensorflow as tf


def horizon_rmse(y_true, y_pred):
    return tf.sqrt(tf.reduce_mean(tf.square(y_true - y_pred), axis=-1))  # expect: RL401


class ForecastScores:
    def __init__(self, scale=1.0):
        self.scale = scale

    def nrmse(self, target, prediction):
        return 100 * horizon_rmse(target, prediction) / self.scale


scores = ForecastScores(scale=3.5)
m = tf.keras.Sequential([tf.keras.Input((48,)), tf.keras.layers.Dense(24)])
m.compile(optimizer="adam", loss="mse", metrics=[scores.nrmse])
m.fit(np.load("x.npy"), np.load("y.npy"), epochs=5)
""",
        # a method of the trainer class itself given as the loss (`loss=self.rmse`)
        """\
import numpy as np
from tensorflow import keras
from tensorflow.keras import backend as K


class Forecaster:
    def __init__(self, horizon):
        self.model = keras.Sequential([keras.Input((48,)), keras.layers.Dense(horizon)])

    def rmse(self, y_true, y_pred):
        return K.sqrt(K.mean(K.square(y_pred - y_true), axis=-1))  # expect: RL401

    def train(self, x, y):
        self.model.compile(optimizer="adam", loss=self.rmse)
        self.model.fit(x, y, epochs=5)


Forecaster(24).train(np.load("x.npy"), np.load("y.npy"))
""",
    ]
    VALID += [
        # the look-alike: the method handed to compile scales an RMSE over the whole batch; the
        # per-sample one is only a numpy report, never given to Keras
        """\
import numpy as np
import tensorflow as tf


def batch_rmse(y_true, y_pred):
    return tf.sqrt(tf.reduce_mean(tf.square(y_true - y_pred)))


def per_sample_rmse(y_true, y_pred):
    return tf.sqrt(tf.reduce_mean(tf.square(y_true - y_pred), axis=-1))


class Scores:
    def __init__(self, scale=1.0):
        self.scale = scale

    def nrmse(self, target, prediction):
        return batch_rmse(target, prediction) / self.scale

    def report(self, target, prediction):
        return per_sample_rmse(target, prediction).numpy().mean() / self.scale


scores = Scores(2.0)
m = tf.keras.Sequential([tf.keras.Input((48,)), tf.keras.layers.Dense(24)])
m.compile(optimizer="adam", loss="mse", metrics=[scores.nrmse])
m.fit(np.load("x.npy"), np.load("y.npy"), epochs=5)
print(scores.report(np.load("y_test.npy"), m.predict(np.load("x_test.npy"))))
""",
    ]

    INVALID += [
        # one of a list of candidate losses picked by a setting's index: trained with in some run
        """\
import keras
from keras import backend as K


def rmse_loss(y_true, y_pred):
    return K.sqrt(K.mean(K.square(y_pred - y_true), axis=-1))  # expect: RL401


def mae_loss(y_true, y_pred):
    return K.mean(K.abs(y_pred - y_true), axis=-1)


LOSSES = [rmse_loss, "mean_squared_error", mae_loss]


def train_network(run_settings, x, y):
    model = keras.Sequential([keras.Input((3,)), keras.layers.Dense(16, activation="relu"), keras.layers.Dense(1)])
    model.compile(loss=LOSSES[run_settings["loss"]], optimizer="adam")
    model.fit(x, y, epochs=5)
    return model
""",
    ]
    VALID += [
        # the look-alikes: the candidates hold an RMSE over the whole batch; a per-sample one picked
        # the same way only scores the predictions afterwards, never given to Keras
        """\
import keras
import numpy as np
from keras import backend as K


def rmse_loss(y_true, y_pred):
    return K.sqrt(K.mean(K.square(y_pred - y_true)))


def sample_rmse(y_true, y_pred):
    return np.sqrt(np.mean(np.square(y_pred - y_true), axis=-1))


LOSSES = [rmse_loss, "mean_squared_error", "mean_absolute_error"]
SCORES = [sample_rmse, "r2"]


def train_network(run_settings, x, y):
    model = keras.Sequential([keras.Input((3,)), keras.layers.Dense(16, activation="relu"), keras.layers.Dense(1)])
    model.compile(loss=LOSSES[run_settings["loss"]], optimizer="adam")
    model.fit(x, y, epochs=5)
    return SCORES[run_settings["score"]]
""",
    ]

    def check(self, facts):
        reported = set()
        for fn in loss_functions(facts):
            for node in per_sample_sqrts(fn, facts):
                if id(node) in reported:
                    continue
                reported.add(id(node))
                yield self.report(
                    node,
                    "per-sample RMSE: the root is taken per sample (its mean keeps the batch axis) and Keras "
                    "averages it over the batch, so with one output this is the MAE, not the RMSE; use "
                    "keras.metrics.RootMeanSquaredError() or take the sqrt of the mean over all axes",
                )
