from __future__ import annotations

from regr_lint.lazy import cst

from regr_lint.input.vocabulary import COMPILED
from regr_lint.rule import Edit, Fix, Rule
from regr_lint.rules._crossentropy import crossentropy_heads


class CategoricalCrossentropyOnOneUnit(Rule):
    code = "RL105"
    name = "categorical-crossentropy-on-one-unit"
    summary = "categorical_crossentropy on a 1-unit head is 0 from the first batch: nothing is learned"
    severity = "error"  # the loss is 0 from the first batch: nothing is learned
    tokens = ("keras", ("compile", "KerasRegressor", "KerasClassifier"), ("ategorical_crossentropy", "ategoricalCrossentropy"))
    names = (COMPILED, ("categorical_crossentropy", "CategoricalCrossentropy"))
    docs = """\
## What it does
Finds a model compiled with `categorical_crossentropy` (the string in any case, the function or the
class; in a loss list or dict, the loss of that output) whose output is a `Dense` layer with one
unit, whatever its activation except softmax (softmax on one unit is RL103's, reported alone) and
whatever `from_logits` says. Reported at the loss. A model compiled and then only asked for
predictions (or given trained weights by hand), never trained or evaluated, is not reported: the
loss is never computed. Nor is a compile that a later compile of the same model replaces before
anything trains — also one a helper makes on the model it is handed and trains nothing with
(`describe(clf)` compiling to list the layers, then `clf.compile(...)` and `clf.fit(...)`).

## Why is this bad?
Categorical crossentropy sums `-y · log(p)` over the classes after normalising the predictions over
the last axis. With one unit there is one class: the normalised prediction is always 1.0 and the loss
is exactly 0.0 from the first batch, so no gradient reaches the model. Measured on Keras 3.15.1 /
TensorFlow 2.21: the loss is 0.0 every epoch and the predicted class is constant (accuracy = the share
of the majority class); a regression head trained this way has R² −12.3. Keras 3 only warns.

## Example
```python
model.add(Dense(1, activation="sigmoid"))
model.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])
```

## Use instead
A binary target on one sigmoid unit takes the binary loss:
```python
model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
```
For several classes, one unit per class with softmax and one-hot targets; for a continuous target, a
regression loss (`"mse"`) and no activation.

## Fix safety
Unsafe, and offered only on a sigmoid head: the fix names the binary loss (`"binary_crossentropy"`,
`….losses.binary_crossentropy`, `….losses.BinaryCrossentropy(…)`), which is right for 0/1 targets but
changes what is trained.
"""
    VALID = [
        # a helper compiles the model it is handed only to list its layers; the script recompiles
        # before the fit, which trains with the script's loss
        """
import numpy as np
import keras


def describe(model):
    model.compile(optimizer="adam", loss="categorical_crossentropy")
    return [(layer.name, layer.count_params()) for layer in model.layers]


x = np.random.rand(128, 20).astype("float32")
y = (x.sum(axis=1) > 10).astype("float32")
clf = keras.Sequential([keras.Input((20,)), keras.layers.Dense(16, activation="relu"), keras.layers.Dense(1)])
print(describe(clf))
clf.compile(optimizer="adam", loss=keras.losses.BinaryCrossentropy(from_logits=True))
clf.fit(x, y, epochs=2)
""",
        # the head and the loss chosen by two `if`s on one flag the call's argument decides
        """
import numpy as np
from tensorflow.keras import Sequential
from tensorflow.keras.layers import Dense, Flatten, Input


def run(mode, n_classes=8):
    x = np.random.rand(64, 40, 16)
    as_classes = mode == "classification"
    if as_classes:
        head = Dense(n_classes, activation="softmax")
        y = np.eye(n_classes)[np.random.randint(0, n_classes, 64)]
    else:
        head = Dense(1, activation="elu")
        y = np.random.uniform(60, 180, 64)
    model = Sequential([Input((40, 16)), Flatten(), Dense(32, activation="elu"), head])
    if as_classes:
        model.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])
    else:
        model.compile(optimizer="adam", loss="mse", metrics=["mae"])
    model.fit(x, y, epochs=2)


if __name__ == "__main__":
    run("regression")
""",
        # a builder returning early when its flag is set: the one-unit head is the other call's
        """
from keras.models import Sequential
from keras.layers import Dense


def build(policy=False):
    net = Sequential([Dense(32, activation="relu", input_shape=(8,))])
    if policy:
        net.add(Dense(10, activation="softmax"))
        return net
    net.add(Dense(1, activation="tanh"))
    return net


policy_net = build(policy=True)
policy_net.compile("sgd", "categorical_crossentropy")
""",
        """
import keras
clf = keras.Sequential([keras.Input((8,)), keras.layers.Dense(3, activation="softmax")])
clf.compile(optimizer="adam", loss="categorical_crossentropy")
binary = keras.Sequential([keras.Input((8,)), keras.layers.Dense(1, activation="sigmoid")])
binary.compile(optimizer="adam", loss="binary_crossentropy")
sparse = keras.Sequential([keras.Input((8,)), keras.layers.Dense(4)])
sparse.compile(optimizer="adam", loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True))
""",
        # the unit count is not known
        """
import keras
n = read_config()["classes"]
m = keras.Sequential([keras.Input((8,)), keras.layers.Dense(n, activation="sigmoid")])
m.compile(optimizer="adam", loss="categorical_crossentropy")
""",
        # the unit count set again after the SimpleNamespace was made: not known here
        """\
from types import SimpleNamespace

from tensorflow import keras

CFG = SimpleNamespace(n_classes=1, hidden=64)
CFG.n_classes = 5
net = keras.Sequential([keras.Input((8,)), keras.layers.Dense(CFG.hidden, activation="relu"),
                        keras.layers.Dense(CFG.n_classes, activation="softmax")])
net.compile(optimizer="adam", loss="categorical_crossentropy")
""",
    ]
    INVALID = [
        # the same helper called again after the script's compile: its compile is the one trained
        """
import numpy as np
import keras


def describe(model):
    model.compile(optimizer="adam", loss="categorical_crossentropy")  # expect: RL105
    return len(model.layers)


x = np.random.rand(128, 20).astype("float32")
y = (x.sum(axis=1) > 10).astype("float32")
clf = keras.Sequential([keras.Input((20,)), keras.layers.Dense(16, activation="relu"), keras.layers.Dense(1)])
describe(clf)
clf.compile(optimizer="adam", loss=keras.losses.BinaryCrossentropy(from_logits=True))
describe(clf)
clf.fit(x, y, epochs=2)
""",
        # a helper that compiles the model it is handed and trains it: its compile is trained with
        """
import numpy as np
import keras


def prepare(model, x, y):
    model.compile(optimizer="adam", loss="categorical_crossentropy")  # expect: RL105
    model.fit(x, y, epochs=1)


x = np.random.rand(128, 20).astype("float32")
y = (x.sum(axis=1) > 10).astype("float32")
clf = keras.Sequential([keras.Input((20,)), keras.layers.Dense(16, activation="relu"), keras.layers.Dense(1)])
prepare(clf, x, y)
clf.compile(optimizer="adam", loss=keras.losses.BinaryCrossentropy(from_logits=True))
clf.fit(x, y, epochs=2)
""",
        # Keras 1's unit count
        """
from keras.models import Sequential
from keras.layers import Dense
model = Sequential()
model.add(Dense(16, input_dim=8, activation="relu"))
model.add(Dense(output_dim=1, activation="linear"))  # expect: RL504
model.compile(loss="categorical_crossentropy", optimizer="adam")  # expect: RL105
""",
        """
from keras.models import Sequential
from keras.layers import Dense
model = Sequential()
model.add(Dense(12, input_dim=8, activation="relu"))
model.add(Dense(1, activation="sigmoid"))
model.compile(loss="categorical_crossentropy", optimizer="adam", metrics=["accuracy"])  # expect: RL105
""",
        """
import tensorflow as tf
inp = tf.keras.Input((8,))
out = tf.keras.layers.Dense(1)(tf.keras.layers.Dense(8, activation="relu")(inp))
model = tf.keras.Model(inp, out)
model.compile(optimizer="adam", loss=tf.keras.losses.CategoricalCrossentropy(from_logits=True))  # expect: RL105
""",
        # RL105 alone on a linear head (not RL104 too); softmax on one unit is RL103 alone
        """
import keras
lin = keras.Sequential([keras.Input((8,)), keras.layers.Dense(1)])
lin.compile(optimizer="adam", loss="categorical_crossentropy")  # expect: RL105
m = keras.Sequential([keras.Input((8,)), keras.layers.Dense(1, activation="softmax")])  # expect: RL103
m.compile(optimizer="adam", loss="categorical_crossentropy")
""",
        # the unit count held in a SimpleNamespace of settings
        """\
from types import SimpleNamespace

from tensorflow import keras

CFG = SimpleNamespace(n_classes=1, hidden=64)
net = keras.Sequential([keras.Input((8,)), keras.layers.Dense(CFG.hidden, activation="relu"),
                        keras.layers.Dense(CFG.n_classes, activation="sigmoid")])
net.compile(optimizer="adam", loss="categorical_crossentropy")  # expect: RL105
""",
    ]

    def check(self, facts):
        for head, loss, kind, _ in crossentropy_heads(facts):
            if kind != "categorical_crossentropy" or head.units != 1 or head.activation == "softmax":
                continue
            yield self.report(
                loss.node,
                "categorical_crossentropy over a single unit is 0.0 from the first batch (one class: "
                "the normalised prediction is always 1.0), so nothing is learned; use "
                "'binary_crossentropy' for a 0/1 target, one unit per class with softmax for several "
                "classes, a regression loss for a continuous target",
                _fix(loss.node) if head.activation == "sigmoid" else None,
            )


def _fix(node):
    how = "use binary_crossentropy (the sigmoid unit's loss)"
    if isinstance(node, cst.SimpleString):
        quote = node.quote
        prefix = node.prefix
        return Fix(False, how, (Edit(node, cst.SimpleString(f"{prefix}{quote}binary_crossentropy{quote}")),))
    func = node.func if isinstance(node, cst.Call) else node
    if isinstance(func, cst.Attribute) and func.attr.value in ("categorical_crossentropy", "CategoricalCrossentropy"):
        new = "binary_crossentropy" if func.attr.value.islower() else "BinaryCrossentropy"
        return Fix(False, how, (Edit(func.attr, cst.Name(new)),))
    return None
