from __future__ import annotations

from regr_lint.lazy import cst

from regr_lint import tables
from regr_lint.facts.classify import REGRESSION, head_loss
from regr_lint.facts.dataflow import targets_one_hot, targets_unit_scaled
from regr_lint.rule import Edit, Fix, Rule
from regr_lint.vocabulary import COMPILED


def linear_head_fix(node) -> Fix | None:
    """`activation="sigmoid"` -> `activation=None`; `Activation("sigmoid")` -> `Activation("linear")`;
    `tf.nn.sigmoid(x)` -> `x`."""
    if isinstance(node, cst.Arg):
        return Fix(False, "make the head linear (activation=None)",
                   (Edit(node.value, cst.Name("None")),))
    if isinstance(node, cst.Call) and node.args:
        first = node.args[0]
        if isinstance(first.value, cst.SimpleString) or first.keyword is not None and first.keyword.value == "activation":
            return Fix(False, 'make the head linear (Activation("linear"))',
                       (Edit(first.value, cst.SimpleString('"linear"')),))
        if first.keyword is None and len(node.args) == 1:
            return Fix(False, "drop the bounded activation", (Edit(node, first.value),))
    return None


class BoundedOutputOnRegression(Rule):
    code = "RL102"
    name = "bounded-output-on-regression"
    summary = "Regression head ends in sigmoid / tanh / softmax, so predictions cannot reach the targets"
    tokens = ("keras", "compile", ("igmoid", "tanh", "oftmax"))
    names = (COMPILED, tuple(sorted(set(tables.BOUNDED_ACTIVATIONS) | set(tables.ACTIVATION_LAYERS))),
             tables.REGRESSION_VOCABULARY)
    docs = """\
## What it does
Finds a model whose final layer has activation `sigmoid`, `hard_sigmoid`, `tanh` or `softmax` (as
`activation=` in any spelling, `keras.activations.x`, `tf.nn.x`, or a trailing `Activation('x')`
layer) while it is trained with a regression loss.

It stays silent for sigmoid / hard_sigmoid heads when the same file scales the regression targets
into [0, 1] (a `MinMaxScaler` with the default range applied to the targets or to the series they
are cut from, or a divide by their max), and when a rescaling layer (a `Lambda`, `Rescaling`, …)
follows the bounded unit.

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
or scale the targets into [0, 1] with `MinMaxScaler()` and invert the scaling on predictions.

## Fix safety
Unsafe: the fix makes the head linear (`activation=None`, or `Activation("linear")`), which changes
what the model computes; whether the targets are meant to be bounded is the author's decision, so
it is applied only with `--unsafe-fixes`.
"""
    VALID = [
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
        # a user function called Dense
        """
import keras
def Dense(n, activation=None):
    return keras.layers.Dense(n)
model = keras.Sequential([Dense(1, activation="sigmoid")])
model.compile(optimizer="adam", loss="mse")
""",
    ]
    INVALID = [
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
        self.activation = "tanh"
        self.model = models.Sequential()
        self.model.add(layers.Dense(n, activation=self.activation))  # expect: RL102
        self.model.compile(optimizer="sgd", loss="mean_squared_error")
""",
    ]

    def check(self, facts):
        for model in facts.models:
            if not model.compiles:
                continue
            for index, head in enumerate(model.heads()):
                act = head.activation
                if act not in tables.BOUNDED_ACTIVATIONS or head.activation_node is None:
                    continue
                if act == "softmax" and head.units == 1:
                    continue  # RL103 says it better
                if head_loss(model, index, head.name, facts) != REGRESSION:
                    continue
                if act in tables.UNIT_INTERVAL_ACTIVATIONS and targets_unit_scaled(facts, model):
                    continue
                if act == "softmax" and targets_one_hot(facts, model):
                    continue  # a classifier trained with a regression loss: not this rule's story
                bound = tables.BOUNDED_ACTIVATIONS[act] + (" and sum to 1" if act == "softmax" else "")
                yield self.report(
                    head.activation_node,
                    f"regression output ends in '{act}': predictions can never leave {bound}; "
                    f"use a linear head (no activation) or scale the targets into that range",
                    linear_head_fix(head.activation_node),
                )
