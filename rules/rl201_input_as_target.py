from __future__ import annotations

from regr_lint.lazy import cst

from regr_lint import tables
from regr_lint.facts.dataflow import bound_names, expr_key
from regr_lint.rule import Edit, Fix, Rule
from regr_lint.vocabulary import SAME_DATA


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
    tokens = ("keras", ("fit", "train_on_batch"))
    names = (tuple(sorted(tables.TRAIN_METHODS)), SAME_DATA)
    docs = """\
## What it does
Finds a training call fed the same expression as input and target — `fit(x, x)`,
`fit_generator(gen.flow(x, x))`, `ImageDataGenerator().flow(x, x)`,
`Dataset.from_tensor_slices((x, x))`, `train_on_batch(x, x)` — when the same file shows that the model
is supervised: its validation data or `evaluate()` pair the input with a different target, or its
output cannot reproduce the input (a softmax classifier, or a Dense head narrower than the input).

Autoencoders, denoisers and VAEs (input as target everywhere, output shaped like the input) are never
reported.

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
        # sklearn's fit is not Keras
        """
import keras
from sklearn.preprocessing import StandardScaler
scaler = StandardScaler()
scaler.fit(x, x)
""",
    ]
    INVALID = [
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
    ]

    def check(self, facts):
        for model in facts.models:
            suspects = []
            for t in model.trainings:
                if t.method not in tables.TRAIN_METHODS:
                    continue
                kx, ky = expr_key(t.x_node), expr_key(t.y_node)
                if kx is not None and kx == ky:
                    suspects.append(t)
            if suspects and self._supervised(model):
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
        for t in model.trainings:
            pairs = list(t.validation)
            if t.method in tables.EVAL_METHODS:
                pairs.append((t.x_node, t.y_node))
            for x_node, y_node in pairs:
                kx, ky = expr_key(x_node), expr_key(y_node)
                if kx is not None and ky is not None and kx != ky:
                    return True
        width = model.input_width()
        for head in model.heads():
            if head.activation == "softmax" and head.units != 1:
                return True
            if head.layer is not None and head.layer.kind == "Dense" and head.units is not None \
                    and width is not None and head.units < width:
                return True
        return False
