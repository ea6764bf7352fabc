from regr_lint.facts.classify import all_regression, is_accuracy_metric, output_losses
from regr_lint.facts.values import Lit, Map, Obj, Ref, Seq
from regr_lint.rule import Rule


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
    tokens = ("keras", "compile", "cc")  # "acc", "Accuracy"
    docs = """\
## What it does
Finds an accuracy-family metric (`'accuracy'`, `'acc'`, `'binary_accuracy'`,
`keras.metrics.BinaryAccuracy()`, …) in `compile(metrics=…)` or `weighted_metrics=…` when the loss of
that output is a regression loss (`'mse'`, `'mae'`, `Huber()`, a custom mean-squared/absolute error …).

## Why is this bad?
Accuracy counts exact matches between predictions and targets. On continuous targets nothing ever
matches, so Keras 3 silently compiles a `BinaryAccuracy` / `CategoricalAccuracy` that reports a
meaningless number (often 0.000, or a value that drifts up by chance) while the loss falls.
People then tune their model against that number.

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
No automatic fix yet.
"""
    VALID = [
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
    ]
    INVALID = [
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
    ]

    def check(self, facts):
        for model in facts.models:
            for comp in model.compiles:
                losses = output_losses(comp.loss, facts)
                if losses is None:
                    continue
                for metrics in (comp.metrics, comp.weighted_metrics):
                    yield from self._check_metrics(metrics, losses)

    def _check_metrics(self, metrics, losses):
        if isinstance(metrics, Map):
            for key, sub in metrics.items.items():
                if isinstance(losses, dict):
                    kinds = losses.get(key)
                elif isinstance(losses, list):
                    kinds = None  # names of list outputs are not known here
                else:
                    kinds = losses
                if kinds is not None:
                    yield from self._check_metrics(sub, kinds)
            return
        if not all_regression(losses):
            return
        if isinstance(metrics, Seq):
            for value, elt in zip(metrics.items, metrics.elts):
                if isinstance(value, Seq):
                    continue  # per-output nested lists: ambiguous, stay silent
                if is_accuracy_metric(value):
                    yield self.report(elt, self._message(value))
        elif is_accuracy_metric(metrics) and metrics.node is not None:
            yield self.report(metrics.node, self._message(metrics))

    def _message(self, value) -> str:
        return (f"accuracy metric {_label(value)} on a regression loss: Keras reports a meaningless "
                f"number; drop it (track 'mae' or RootMeanSquaredError) or, if the task is "
                f"classification, change the loss")
