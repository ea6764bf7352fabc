from __future__ import annotations

import re

from regr_lint.lazy import cst

from regr_lint.model.dataflow import name_values
from regr_lint.model.importers import imported_binding
from regr_lint.model.records import _records
from regr_lint.model.steps import STEP_ARGUMENTS, step_arguments
from regr_lint.model.values import Div, Obj
from regr_lint.rule import Edit, Fix, Rule

# numpy's rounding functions: of a float (a true division) they return a numpy float, which Keras 3
# cannot take as a step count either ('numpy.float64' object cannot be interpreted as an integer).
NUMPY_ROUNDING = frozenset({"numpy.ceil", "numpy.floor", "numpy.round", "numpy.around", "numpy.round_",
                            "numpy.rint", "numpy.trunc", "numpy.fix"})


class FractionalSteps(Rule):
    code = "RL202"
    name = "fractional-steps"
    summary = "steps_per_epoch / validation_steps / steps given by a true division (a float)"
    severity = "error"  # Keras 3 raises TypeError
    # judges a call by its own step count: a name unread code may bind is unknown, so silent
    reads_partial_source = True
    # A step count by keyword, or by position in Keras 2's *_generator methods.
    tokens = ("keras", "/", ("steps", "_generator"))
    names = (tuple(sorted({kw for args in STEP_ARGUMENTS.values() for kw, _ in args}
                          | {m for m in STEP_ARGUMENTS if m.endswith("_generator")})),
             tuple(sorted(STEP_ARGUMENTS)))
    docs = """\
## What it does
Finds `steps_per_epoch=`, `validation_steps=` or `steps=` of `fit`, `evaluate`, `predict`,
`fit_generator`, `evaluate_generator` or `predict_generator` given by a true division —
`n / batch_size`, `x.shape[0] / bs`, `len(x) / bs`, `train_generator.samples / batch_size`, also
with an int added (`n / bs + 1`) or times a factor (`n / bs * ratio`, reported and rounded as a whole)
— written in the call or held in a variable (or returned by a function of the file, also a lambda held in a
name, `steps_of = lambda n: n / BATCH`), with no `int()`,
`math.ceil()`, `math.floor()` or `//` around it — or only numpy's rounding around it
(`np.ceil(n / bs)`, `np.floor`, `np.round`, `np.around`, `np.rint`, `np.trunc`, `np.fix`, numpy
recognised through the file's imports). The finding is at the division. A floor division of a
float written in the argument (`steps_per_epoch=250000. // batch_size`, `float(n) // bs`, a true
division's `(n / bs) // workers`, a product with a float, `len(df) * 0.8 // bs`, also a float held in a constant, `len(df) * TRAIN_FRAC // bs` with `TRAIN_FRAC = 0.8` here or in a config module, also
`cfg.TRAIN_FRAC` of `import config as cfg`) is a float too (`1250.0`) and is reported the same way; `//` of
ints is not.

Divisions in other arguments (`epochs=`, `validation_split=`, `class_weight=`, a schedule's
`decay_steps=`) are not reported.

## Why is this bad?
In Python 3 `/` always gives a float (`1000 / 32 == 31.25`), and a step count must be an integer.
Keras 3 raises `TypeError: 'float' object cannot be interpreted as an integer` when the epoch
starts. Keras 2 kept stepping while `step < 31.25`, i.e. it silently ran 32 steps: code that
"worked" for years breaks on upgrade. numpy's rounding does not help: `np.ceil(1000 / 32)` is
`numpy.float64(32.0)`, and Keras 3 raises `TypeError: 'numpy.float64' object cannot be interpreted
as an integer` the same way (Python's `math.ceil`, `round(x)` and `int()` give an int).

## Example
```python
model.fit(train_ds, steps_per_epoch=len(x_train) / batch_size, epochs=10)
```

## Use instead
Round explicitly — up to see every sample (what Keras 2 did), down to see only full batches:
```python
model.fit(train_ds, steps_per_epoch=math.ceil(len(x_train) / batch_size), epochs=10)
# or: steps_per_epoch=len(x_train) // batch_size, int(np.ceil(len(x_train) / batch_size))
```

## Fix safety
Safe: the fix wraps the division in `math.ceil(...)` (adding `import math` when needed), which is
the number of steps Keras 2 ran for the same value. When the division is held in a variable that
other code reads too, or returned by a function, the same fix rounds it for those readers as well,
and it is unsafe.

Where the file binds the name `math` to anything but the module (a variable, a parameter, a loop or
`with` target, `import numpy as math`, `from m import math`, a star import …, in any scope), `math`
would not be the module there: the fix writes `-(-a // b)` instead, which needs no name and is
`math.ceil(a / b)` for the integer counts and batch sizes steps are made of (with a float operand it
is that ceiling as a float, as many steps as Keras 2 ran).

For `np.ceil(...)` and the other numpy roundings the fix wraps the call in `int(...)`: the same
number of steps, as an int. Safe when the call is the argument itself or a variable only the step
argument reads; unsafe otherwise (the other readers get an int too). No fix when the file binds
`int` to anything else, in any scope (a star import counts), or when the numpy call passes more
than the value (`np.round(x, 1)`: `int()` would cut 31.3 to 31, where Keras 2 ran 32 steps).

For a floor division of a float written in the argument (`250000. // bs`) the fix wraps it in
`int(...)`: the same count, as an int. Safe; no fix when the file binds `int` to anything else.
"""
    VALID = [
        # the product rounded to an int before the floor division: an int
        """\
import pandas as pd
from tensorflow import keras
BATCH = 32
df = pd.read_csv("train.csv")
m = keras.Sequential([keras.Input((4,)), keras.layers.Dense(1)])
m.compile(optimizer="adam", loss="mse")
m.fit(df.values, df.values[:, 0], steps_per_epoch=int(len(df) * 0.8) // BATCH, epochs=2)
""",
        # a step count a dataclass's __post_init__ computes from its fields
        """\
from dataclasses import dataclass
import tensorflow as tf
from tensorflow import keras
@dataclass
class Cfg:
    n_train: int = 50000
    batch_size: int = 128
    def __post_init__(self):
        self.steps_per_epoch = self.n_train // self.batch_size
cfg = Cfg()
ds = tf.data.Dataset.from_tensor_slices((tf.zeros((50000, 8)), tf.zeros((50000, 1)))).batch(128).repeat()
net = keras.Sequential([keras.Input((8,)), keras.layers.Dense(1)])
net.compile(optimizer="adam", loss="mse")
net.fit(ds, epochs=3, steps_per_epoch=cfg.steps_per_epoch)
""",
        """\
from tensorflow import keras
import numpy as np
x, y = np.zeros((256, 4)), np.zeros(256)
workers, bs = 2, 8
model = keras.Sequential([keras.Input((4,)), keras.layers.Dense(1)])
model.compile(optimizer="adam", loss="mse")
model.fit(x, y, steps_per_epoch=len(x) // bs // workers, validation_data=(x, y),
          validation_steps=int((len(x) / bs) // workers))
""",
        # ... rounded as a whole
        """
import math
import numpy as np
from keras.models import Sequential
from keras.layers import Dense
x, y = np.random.rand(1000, 8), np.random.rand(1000)
def batches(size=32):
    while True:
        i = np.random.randint(0, len(x), size)
        yield x[i], y[i]
net = Sequential([Dense(1, input_shape=(8,))])
net.compile(optimizer="adam", loss="mse")
net.fit(batches(), steps_per_epoch=math.ceil(len(x) / 32 * 0.5), epochs=10)
net.fit(batches(), steps_per_epoch=int(len(x) / 32 * 2), epochs=10)
""",
        # the look-alike: the quotient rounded up, then one more step
        """
import math
import keras
model = keras.Sequential([keras.layers.Dense(1)])
model.compile(loss="mse", optimizer="adam")
model.fit(train_gen, steps_per_epoch=math.ceil(len(train_ids) / batch_size) + 1,
          validation_data=val_gen, validation_steps=len(val_ids) // batch_size + 1)
""",
        # rounded every way the contract names
        """
import math
import tensorflow as tf
model = tf.keras.Sequential([tf.keras.layers.Dense(1)])
model.compile(optimizer="adam", loss="mse")
steps = len(x) // bs
model.fit(ds, steps_per_epoch=steps, validation_data=val_ds,
          validation_steps=math.ceil(len(x_val) / bs), epochs=5)
model.evaluate(test_ds, steps=int(n_test / bs))
model.predict(test_ds, steps=math.floor(n_test / bs))
""",
        # divisions in arguments that are not step counts
        """
import keras
n_total, n_pos = len(y), int(y.sum())
class_weight = {0: n_total / (2.0 * (n_total - n_pos)), 1: n_total / (2.0 * n_pos)}
schedule = keras.optimizers.schedules.ExponentialDecay(1e-3, decay_steps=n_total / 64, decay_rate=0.9)
model = keras.Sequential([keras.layers.Dense(1, activation="sigmoid")])
model.compile(optimizer=keras.optimizers.Adam(learning_rate=schedule), loss="binary_crossentropy")
model.fit(x, y, epochs=int(30 / 2), validation_split=n_val / n_total, class_weight=class_weight)
""",
        # the variable held a division once, but is rounded before use
        """
import math
from keras.models import load_model
model = load_model("net.keras")
steps = n_samples / batch_size
steps = math.ceil(steps)
model.fit(gen, steps_per_epoch=steps, epochs=3)
""",
        # not a Keras model: a class of the file with its own fit()
        """
import keras
class Trainer:
    def fit(self, data, steps_per_epoch):
        return data, steps_per_epoch
Trainer().fit(data, steps_per_epoch=n / bs)
""",
        # numpy's rounding made an int; Python's own rounding; numpy's result converted
        """
import math
import numpy as np
import keras
model = keras.Sequential([keras.layers.Dense(1)])
model.compile(loss="mse", optimizer="adam")
model.fit(gen, steps_per_epoch=int(np.ceil(n / bs)), validation_steps=math.ceil(n_val / bs), epochs=2)
model.evaluate(gen, steps=round(n_test / bs))
model.predict(gen, steps=np.ceil(n_test / bs).astype(int))
model.predict(gen, steps=np.int64(np.floor(n_test / bs)))
""",
        # a `ceil` of the file's own, or of another library, is not numpy's
        """
import keras
from mylib import floor
def ceil(x):
    return -(-x // 1)
model = keras.models.load_model("m.keras")
model.fit(gen, steps_per_epoch=ceil(n / bs), validation_steps=floor(n_val / bs), epochs=2)
""",
        # a floor division of ints is an int
        """
from tensorflow import keras
model = keras.Sequential([keras.Input((10,)), keras.layers.Dense(1)])
model.compile(optimizer="adam", loss="mse")
model.fit(gen, steps_per_epoch=250000 // 200, validation_steps=int(5000. // 200), epochs=1)
""",
        # integer constants multiplied in: an int count
        """\
import pandas as pd
import tensorflow as tf

REPEATS = 2
BATCH = 64
df = pd.read_csv("loans.csv")
ds = tf.data.Dataset.from_tensor_slices((df.values, df.pop("amount").values)).repeat().batch(BATCH)
m = tf.keras.Sequential([tf.keras.Input((6,)), tf.keras.layers.Dense(1)])
m.compile(optimizer="adam", loss="mse")
m.fit(ds, epochs=3, steps_per_epoch=len(df) * REPEATS // BATCH)
""",
        # the same lambda with a floor division of ints
        """\
import tensorflow as tf

BATCH = 96
per_epoch = lambda n: n // BATCH
model = tf.keras.models.load_model("warm.keras")
ds = tf.data.Dataset.range(10).batch(BATCH).repeat()
model.fit(ds, epochs=3, steps_per_epoch=per_epoch(50000))
""",
    ]
    INVALID = [
        # a product with a float literal, floor-divided: still a float
        """\
import pandas as pd
from tensorflow import keras
BATCH = 32
df = pd.read_csv("train.csv")
m = keras.Sequential([keras.Input((4,)), keras.layers.Dense(1)])
m.compile(optimizer="adam", loss="mse")
m.fit(df.values, df.values[:, 0], steps_per_epoch=len(df) * 0.8 // BATCH, epochs=2)  # expect: RL202
""",
        # a step count a dataclass declares as a field its __post_init__ computes
        """\
from dataclasses import dataclass, field
@dataclass
class Cfg:
    n_train: int = 50000
    batch_size: int = 128
    steps_per_epoch: float = field(init=False)
    def __post_init__(self):
        self.steps_per_epoch = self.n_train / self.batch_size  # expect: RL202
def train(model, ds):
    cfg = Cfg()
    model.fit(ds, epochs=3, steps_per_epoch=cfg.steps_per_epoch)
import tensorflow as tf
from tensorflow import keras
net = keras.Sequential([keras.Input((8,)), keras.layers.Dense(1)])
net.compile(optimizer="adam", loss="mse")
train(net, tf.data.Dataset.from_tensor_slices((tf.zeros((10, 8)), tf.zeros((10, 1)))).batch(2).repeat())
""",
        # a step count a dataclass's __post_init__ computes from its fields
        """\
from dataclasses import dataclass
import tensorflow as tf
from tensorflow import keras
@dataclass
class Cfg:
    n_train: int = 50000
    batch_size: int = 128
    def __post_init__(self):
        self.steps_per_epoch = self.n_train / self.batch_size  # expect: RL202
cfg = Cfg()
ds = tf.data.Dataset.from_tensor_slices((tf.zeros((50000, 8)), tf.zeros((50000, 1)))).batch(128).repeat()
net = keras.Sequential([keras.Input((8,)), keras.layers.Dense(1)])
net.compile(optimizer="adam", loss="mse")
net.fit(ds, epochs=3, steps_per_epoch=cfg.steps_per_epoch)
""",
        """\
from tensorflow import keras
import numpy as np
x, y = np.zeros((256, 4)), np.zeros(256)
workers, bs = 2, 8
model = keras.Sequential([keras.Input((4,)), keras.layers.Dense(1)])
model.compile(optimizer="adam", loss="mse")
model.fit(x, y, steps_per_epoch=len(x) / bs // workers, validation_data=(x, y),  # expect: RL202
          validation_steps=(len(x) / bs) // workers)  # expect: RL202
""",
        # a true division times a factor is a float too
        """
import numpy as np
from keras.models import Sequential
from keras.layers import Dense
x, y = np.random.rand(1000, 8), np.random.rand(1000)
ratio = 0.5
def batches(size=32):
    while True:
        i = np.random.randint(0, len(x), size)
        yield x[i], y[i]
net = Sequential([Dense(1, input_shape=(8,))])
net.compile(optimizer="adam", loss="mse")
net.fit(batches(), steps_per_epoch=len(x) / 32 * ratio, epochs=10)  # expect: RL202
""",
        # bounded below by an int, the quotient is still a float
        """
import numpy as np
from tensorflow import keras
X = np.load("X.npy"); bs = 32
def batches():
    while True:
        yield X[:bs], X[:bs, 0]
m = keras.Sequential([keras.layers.Dense(1)])
m.compile(optimizer="adam", loss="mse")
m.fit(batches(), steps_per_epoch=max(1, len(X) / bs))  # expect: RL202
""",
        # a true division plus or minus an int is still a float
        """
import keras
model = keras.Sequential([keras.layers.Dense(1)])
model.compile(loss="mse", optimizer="adam")
model.fit(train_gen, steps_per_epoch=len(train_ids) / batch_size + 1,  # expect: RL202
          validation_data=val_gen, validation_steps=1 + len(val_ids) / batch_size)  # expect: RL202
""",
        # numpy's rounding of a division, in any import style, through a variable; no fix for
        # np.round(x, 1) (int() would cut)
        """
import numpy as np
import numpy
from numpy import ceil as np_ceil
from keras.models import Sequential
from keras.layers import Dense
model = Sequential([Dense(1)])
model.compile(loss="mse", optimizer="adam")
model.fit(train_gen,
          steps_per_epoch=np.ceil(len(train_samples) / BATCH_SIZE),  # expect: RL202
          validation_data=val_gen,
          validation_steps=numpy.floor(len(val_samples) / BATCH_SIZE),  # expect: RL202
          epochs=5)
test_steps = np_ceil(n_test / BATCH_SIZE)  # expect: RL202
model.evaluate(test_gen, steps=test_steps)
model.predict(test_gen, steps=np.round(n_test / BATCH_SIZE, 1))  # expect: RL202
""",
        # `int` is bound in this file: reported, no fix
        """
import numpy as np
import keras
int = lambda x: x
model = keras.Sequential([keras.layers.Dense(1)])
model.compile(loss="mse")
model.fit(ds, steps_per_epoch=np.ceil(n / bs), epochs=3)  # expect: RL202
""",
        """
import tensorflow as tf
model = tf.keras.Sequential([tf.keras.layers.Dense(1)])
model.compile(optimizer="adam", loss="mse")
model.fit(train_ds, steps_per_epoch=len(x_train) / batch_size, epochs=10)  # expect: RL202
""",
        # through a variable: reported at the division; validation_steps on a continuation line
        """
from keras.models import Sequential
from keras.layers import Dense
model = Sequential([Dense(8, activation="relu"), Dense(1)])
model.compile(loss="mae", optimizer="rmsprop")
train_steps = x_train.shape[0] / BATCH  # expect: RL202
history = model.fit(train_ds,
                    steps_per_epoch=train_steps,
                    validation_data=val_ds,
                    validation_steps=x_val.shape[0] / BATCH,  # expect: RL202
                    epochs=20)
""",
        # fit_generator on a parameter, positional steps_per_epoch; evaluate(steps=…)
        """
import keras
def train(model, train_generator, batch_size):
    model.fit_generator(train_generator,  # expect: RL501
                        train_generator.samples / batch_size,  # expect: RL202
                        epochs=5)
    model.evaluate(test_ds, steps=n_test / batch_size)  # expect: RL202
""",
        # by position only: the text never says "steps"
        """
import keras
model = keras.Sequential([keras.layers.Dense(1)])
model.compile(loss="mse")
model.fit_generator(gen, len(x) / 32, 5)  # expect: RL202, RL501
""",
        # self.model, a predict on a loaded model
        """
from tensorflow import keras
class Job:
    def __init__(self, path):
        self.model = keras.models.load_model(path)
    def score(self, ds, n):
        return self.model.predict(ds, steps=n / 32)  # expect: RL202
""",
        # a floor division of a float literal is a float (1250.0): Keras 3 raises TypeError
        """
from tensorflow import keras
batch_size = 200
model = keras.Sequential([keras.Input((10,)), keras.layers.Dense(1)])
model.compile(optimizer="adam", loss="mse")
model.fit(gen, steps_per_epoch=(250000. // batch_size), epochs=1,  # expect: RL202
          validation_data=gen, validation_steps=(5000. // batch_size))  # expect: RL202
""",
        # a float fraction held in a constant, multiplied in and floor-divided
        """\
import pandas as pd
import tensorflow as tf

VAL_SHARE = 0.2
BATCH = 64
df = pd.read_csv("loans.csv")
ds = tf.data.Dataset.from_tensor_slices((df.values, df.pop("amount").values)).repeat().batch(BATCH)
m = tf.keras.Sequential([tf.keras.Input((6,)), tf.keras.layers.Dense(1)])
m.compile(optimizer="adam", loss="mse")
m.fit(ds, epochs=3, steps_per_epoch=len(df) * (1 - VAL_SHARE) // BATCH)  # expect: RL202
""",
        # the division in a lambda held in a name, called for the argument
        """\
import tensorflow as tf

BATCH = 96
per_epoch = lambda n: n / BATCH  # expect: RL202
model = tf.keras.models.load_model("warm.keras")
ds = tf.data.Dataset.range(10).batch(BATCH).repeat()
model.fit(ds, epochs=3, steps_per_epoch=per_epoch(50000))
""",
    ]

    def check(self, facts):
        seen = set()
        for model in facts.models:
            for call in model.calls:
                for name, value, arg in step_arguments(call):
                    found = _problem(facts, name, value, arg)
                    if found is None or id(found[0]) in seen:
                        continue
                    seen.add(id(found[0]))
                    yield self.report(*found)


def _problem(facts, name: str, value, arg: cst.Arg):
    """(the division to report, the message, the fix) when the step count is a float, else None."""
    rounded = _numpy_rounded(value)
    if rounded is not None:  # np.ceil(n / bs): reported at the division, fixed around the call
        div = rounded.args.pos[0][0].node
        text = facts.module.code_for_node(rounded.node).strip()
        return div, (f"{name}={_short(text)} is a numpy float: Keras 3 raises TypeError "
                     f"('numpy.float64' object cannot be interpreted as an integer); wrap it in "
                     f"int(...) or use {_PYTHON_ROUNDING.get(rounded.last, 'round')}(...)"), \
            _int_fix(rounded.node, _only_use(facts, rounded.node, arg), _int_is_free(facts))
    floor = _float_floor_division(arg.value, facts)
    if floor is not None:  # 250000. // bs is 1250.0, a float
        text = facts.module.code_for_node(floor).strip()
        return floor, (f"{name}={_short(text)} is a floor division of a float, itself a float: Keras 3 "
                       f"raises TypeError ('float' object cannot be interpreted as an integer); wrap it "
                       f"in int(...) or divide ints"), \
            _int_wrap_fix(floor, arg.value is floor, _int_is_free(facts))
    if not isinstance(value, Div) or value.node is None:
        return None
    text = facts.module.code_for_node(value.node).strip()
    if value.product:
        fix = _ceil_product_fix(value.node, _only_use(facts, value.node, arg)) if _math_is_free(facts) else None
        return value.node, (f"{name}={_short(text)} is a true division times a factor, a float: Keras 3 "
                            f"raises TypeError ('float' object cannot be interpreted as an integer); "
                            f"round it with math.ceil(...)"), fix
    return value.node, (f"{name}={_short(text)} is a true division, a float: Keras 3 raises "
                        f"TypeError ('float' object cannot be interpreted as an integer); round it "
                        f"with math.ceil(...) or use //"), \
        _ceil_fix(value.node, _only_use(facts, value.node, arg), _math_is_free(facts))


# what rounds the same way to a Python int
_PYTHON_ROUNDING = {"ceil": "math.ceil", "floor": "math.floor", "trunc": "math.trunc", "fix": "math.trunc"}


def _numpy_rounded(value) -> "Obj | None":
    """`np.ceil(n / bs)` (any of numpy's rounding functions, however imported) of a true division."""
    if not isinstance(value, Obj) or value.qualname not in NUMPY_ROUNDING or not isinstance(value.node, cst.Call):
        return None
    if not value.args.pos or not isinstance(value.args.pos[0][0], Div) or value.args.pos[0][0].node is None:
        return None
    return value


def _int_is_free(facts) -> bool:
    """Whether `int` is the builtin everywhere in the file: nothing binds the name, in any scope."""
    names = facts.name_bindings()
    return names is not None and not names.of("int")


def _int_fix(call: cst.Call, only_use: bool, int_is_free: bool) -> "Fix | None":
    """`int(np.ceil(n / bs))`: the integer Keras 2 ran as many steps as. None when `int` is not the
    builtin here, or when the call passes more than the value (`np.round(x, 1)`: int() would cut)."""
    if not int_is_free or len(call.args) != 1 or call.args[0].keyword is not None or call.args[0].star:
        return None
    wrapped = cst.Call(func=cst.Name("int"), args=[cst.Arg(_bare(call))], lpar=call.lpar, rpar=call.rpar)
    how = "wrap it in int(...)"
    if only_use:
        return Fix(safe=True, message=how, edits=(Edit(call, wrapped),))
    return Fix(safe=False, message=f"{how} (this also makes it an int for the other code that reads it)",
               edits=(Edit(call, wrapped),))


def _is_float(node, facts=None) -> bool:
    """A float literal (`250000.`, `1e5`), `float(...)` or a true division (`n / bs`), under
    parentheses or a unary minus; with `facts`, also a name every value of which is a float literal
    (`TRAIN_FRAC = 0.8`, here or in the config module it is imported from by name, also read as
    that module's attribute, `config.TRAIN_FRAC`)."""
    if isinstance(node, cst.UnaryOperation) and isinstance(node.operator, (cst.Minus, cst.Plus)):
        return _is_float(node.expression, facts)
    if isinstance(node, cst.Float):
        return True
    if isinstance(node, cst.BinaryOperation) and isinstance(node.operator, cst.Divide):
        return True
    if isinstance(node, cst.BinaryOperation) and isinstance(node.operator, (cst.Multiply, cst.Add, cst.Subtract)):
        # `len(df) * 0.8`: a float times anything
        return _is_float(node.left, facts) or _is_float(node.right, facts)
    if isinstance(node, cst.Name) and facts is not None:
        return _float_constant(node.value, facts)
    if isinstance(node, cst.Attribute) and isinstance(node.value, cst.Name) and facts is not None:
        # `config.TRAIN_FRAC` of `import config`: what that module's top level binds
        found = imported_binding(facts, node.value.value, node.attr.value)
        return found is not None and isinstance(found[1], cst.Float)
    return isinstance(node, cst.Call) and isinstance(node.func, cst.Name) and node.func.value == "float"


def _float_constant(name: str, facts) -> bool:
    values = name_values(facts).get(name)
    if values is None:
        found = imported_binding(facts, name) if name not in _records(facts) else None
        values = [found[1]] if found is not None else []
    return bool(values) and all(isinstance(v, cst.Float) for v in values)


def _float_floor_division(node, facts=None) -> "cst.BinaryOperation | None":
    """`250000. // batch_size`, written in the argument: `//` of a float is a float (1250.0)."""
    if isinstance(node, cst.BinaryOperation) and isinstance(node.operator, cst.FloorDivide) \
            and (_is_float(node.left, facts) or _is_float(node.right, facts)
                 or _float_floor_division(node.left, facts) is not None):
        return node
    return None


def _int_wrap_fix(node: cst.BaseExpression, only_use: bool, int_is_free: bool) -> "Fix | None":
    """`int(250000. // bs)`: the same count, as an int. Safe when the expression is the argument."""
    if not int_is_free or not only_use:
        return None
    wrapped = cst.Call(func=cst.Name("int"), args=[cst.Arg(_bare(node))], lpar=node.lpar, rpar=node.rpar)
    return Fix(safe=True, message="wrap it in int(...)", edits=(Edit(node, wrapped),))


def _short(text: str, limit: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _bare(node: cst.CSTNode) -> cst.CSTNode:
    return node.with_changes(lpar=[], rpar=[]) if getattr(node, "lpar", None) else node


def _only_use(facts, div: cst.BaseExpression, arg: cst.Arg) -> bool:
    """Whether rounding the division (or `np.ceil(...)` call) changes nothing but this step argument:
    it is the argument itself, or a variable assigned from it appears nowhere else in the file."""
    if arg.value is div:
        return True
    if not isinstance(arg.value, cst.Name):
        return False  # returned by a function, held in a dict …: other callers may read it
    name = arg.value.value
    for targets, value in facts.assignments:
        if value is div:
            if len(targets) != 1 or not isinstance(targets[0], cst.Name) or targets[0].value != name:
                return False
            break
    else:
        return False
    key = ("rl202-code",)
    if key not in facts._cache:
        facts._cache[key] = facts.module.code
    # every mention that is not followed by `=` (the assignment, `steps_per_epoch=` keywords) reads it
    reads = re.findall(rf"(?<![\w.]){re.escape(name)}\b(?!\s*=[^=])", facts._cache[key])
    return len(reads) == 1


def _math_is_free(facts) -> bool:
    names = facts.name_bindings()
    return names is not None and names.module_is_free("math")


def _paren(node: cst.BaseExpression) -> cst.BaseExpression:
    """`node` as an operand of unary minus and `//` (atoms and calls need no parentheses)."""
    if getattr(node, "lpar", None) or isinstance(node, (cst.Name, cst.Attribute, cst.Subscript, cst.Call,
                                                        cst.Integer, cst.Float)):
        return node
    return node.with_changes(lpar=[cst.LeftParen()], rpar=[cst.RightParen()])


def _ceil_product_fix(product: cst.BinaryOperation, only_use: bool) -> Fix:
    """`math.ceil(n / bs * k)`: as many steps as Keras 2 ran for the float (it stopped at the first
    step count not below it)."""
    ceil = cst.Call(func=cst.Attribute(cst.Name("math"), cst.Name("ceil")), args=[cst.Arg(_bare(product))],
                    lpar=product.lpar, rpar=product.rpar)
    how = "wrap it in math.ceil(...)"
    if only_use:
        return Fix(safe=True, message=how, edits=(Edit(product, ceil),), imports=("math",))
    return Fix(safe=False, message=f"{how} (this also rounds the value for the other code that reads it)",
               edits=(Edit(product, ceil),), imports=("math",))


def _ceil_fix(div: cst.BinaryOperation, only_use: bool, math_is_free: bool = True) -> Fix:
    if math_is_free:
        ceil = cst.Call(func=cst.Attribute(cst.Name("math"), cst.Name("ceil")), args=[cst.Arg(_bare(div))],
                        lpar=div.lpar, rpar=div.rpar)
        how, imports = "wrap the division in math.ceil(...)", ("math",)
    else:
        # `math` means something else in this file: the ceiling without a name, -(-a // b)
        floor = cst.BinaryOperation(cst.UnaryOperation(cst.Minus(), _paren(div.left)), cst.FloorDivide(),
                                    _paren(div.right))
        ceil = cst.UnaryOperation(cst.Minus(), floor.with_changes(lpar=[cst.LeftParen()], rpar=[cst.RightParen()]),
                                  lpar=div.lpar, rpar=div.rpar)
        how, imports = "round the division up with -(-a // b) (`math` is another name in this file)", ()
    if only_use:
        return Fix(safe=True, message=how, edits=(Edit(div, ceil),), imports=imports)
    return Fix(safe=False, message=f"{how} (this also rounds the value for the other code that reads it)",
               edits=(Edit(div, ceil),), imports=imports)
