from __future__ import annotations

from regr_lint.lazy import cst

from regr_lint.knowledge import tables
from regr_lint.model.compat import user_method, version_guarded
from regr_lint.rule import Edit, Fix, Rule

ATTRIBUTE_ERROR = frozenset({"AttributeError"})  # what Keras 3 raises for a removed method
RENAMED = {"fit_generator": "fit", "evaluate_generator": "evaluate", "predict_generator": "predict"}

# Keras 2's positional parameters that mean the same in every Keras 2 release (later ones moved):
# fit_generator(generator, steps_per_epoch, epochs, verbose, callbacks, validation_data,
# validation_steps, …); evaluate_generator / predict_generator(generator, steps, …).
POSITIONAL = {
    "fit_generator": ("generator", "steps_per_epoch", "epochs", "verbose", "callbacks",
                      "validation_data", "validation_steps"),
    "evaluate_generator": ("generator", "steps"),
    "predict_generator": ("generator", "steps"),
}
# What the Keras 3 replacement accepts (fit() has no **kwargs; evaluate() rejects unknown ones).
ACCEPTED = {
    "fit": frozenset({"x", "y", "batch_size", "epochs", "verbose", "callbacks", "validation_split",
                      "validation_data", "shuffle", "class_weight", "sample_weight", "initial_epoch",
                      "steps_per_epoch", "validation_steps", "validation_batch_size",
                      "validation_freq"}),
    "evaluate": frozenset({"x", "y", "batch_size", "verbose", "sample_weight", "steps", "callbacks",
                           "return_dict"}),
    "predict": frozenset({"x", "batch_size", "verbose", "steps", "callbacks"}),
}
# Keras 2's data-loading options: Keras 3 moved them onto the PyDataset.
LOADER_OPTIONS = frozenset({"workers", "use_multiprocessing", "max_queue_size"})


class RemovedGeneratorApi(Rule):
    code = "RL501"
    name = "removed-generator-api"
    summary = "fit_generator / evaluate_generator / predict_generator were removed in Keras 3"
    severity = "error"  # AttributeError on Keras 3
    tokens = ("keras", ("fit_generator", "evaluate_generator", "predict_generator"))
    names = (tuple(sorted(tables.GENERATOR_METHODS)),)
    reads_partial_source = True  # judges a call or import by itself (see Rule.reads_partial_source)
    skips_unreachable = True  # a call after a `raise` in its block never runs (see Rule.skips_unreachable)
    docs = """\
## What it does
Finds `fit_generator(…)`, `evaluate_generator(…)` and `predict_generator(…)` called on a Keras model:
one the file builds, one loaded with `load_model`, `self.model`, or a model that arrives as a
parameter in a file that imports Keras. A function or method of your own with one of these names is
not reported: called on an object of a class of the file that defines it (a `def`, a static one, or
a class-level alias such as `fit_generator = fit`, also when the class subclasses `keras.Model`), or
on an object of unknown type while a class of the file, or of a project module it reads, defines it
(not when that object was taken from a `.model` attribute: `net = self.model` is the wrapped model),
or while any module of the project defines a method of that name and the object is not named for a
model (`self.model_manager.fit_generator(...)` in a runner handed a project's wrapper; `self.model`,
`model`, `net = trainer.model` stay Keras' — except a plain name, `seq2seq_model`, in a file whose text never
names Keras or TensorFlow: a runner module given the project's object). A `self.model = None` placeholder
set later counts as a model, like one set elsewhere. A `keras.Model` subclass that does
not define it is still Keras and is reported, and so is `super().fit_generator(…)` in an override
of the method when no base class of the project defines it (the call reaches Keras' own). Code written for both Keras versions is not reported:
a call under `if hasattr(model, "fit_generator")` (either branch, or such a conditional expression;
also that test held in a name, `HAS_GEN = hasattr(model, "fit_generator")`, or written
`getattr(model, "fit_generator", None)`),
under a test of a `__version__` or of TensorFlow's `tf.version.VERSION` (also held in a module flag, `NEW_KERAS = keras.__version__ >= "2"`, or numbers unpacked from one, `MAJOR, MINOR = map(int, …)`, also bound inside the `try:` that imports Keras, here or imported from a module of the project — `from compat import NEW_KERAS`, `from compat import *` or `import compat` and `compat.NEW_KERAS` —, or in an attribute set once to one, `self.legacy_api = keras.__version__ < "2.1"`; also after such a test
whose block does the work and returns, `if NEW_KERAS: return model.predict(gen)`, but not after one that
raises). When the test comes out the same for every Keras 3 (3.0 to 3.15, beside TensorFlow 2.15 to
2.21), only the branch Keras 3 skips is exempt: under `if int(keras.__version__[0]) > 1:` (Keras 1
against 2) the call runs on Keras 3 and is reported. Nor is a call in a `try:` whose handler catches `AttributeError` (or a bare
`except:` / `except Exception:` that binds no error and does the work another way), or in such a
handler when the `try:` body does the same work with Keras 2's API (`try: model.fit(gen, …)` /
`except AttributeError: model.fit_generator(gen, …)`: the old call is the fallback). The finding
is at the method name.
The method read without a call is reported too — `self.fit_generator = self.model.fit_generator`
in a constructor, `fg = model.fit_generator`, `getattr(model, "fit_generator")` without a default —
on a receiver known to be a model by the same standards (built, loaded, a Keras model subclass's
`self`, or one of unknown type named for a model: `self.model`, `model`, `base_model`) and with the
same exemptions (the file's own method, `hasattr` and version tests, a `try:` catching
`AttributeError`). Keras 3 raises where the method is read, so calling what was read (`fg(gen)`) is
no second finding. An object of unknown type not named for a model (`obj.fit_generator`,
`self.engine.evaluate_generator`) is not reported.
Code that can never run (after an unconditional `raise`, `return`, `continue` or `break` in its
block) is not reported.

## Why is this bad?
Keras 2.1 made `fit`, `evaluate` and `predict` accept generators and `Sequence`s; the `*_generator`
methods were deprecated then and are gone in Keras 3: the call, or a mere read of the method (an
alias kept in a constructor), raises
`AttributeError: 'Sequential' object has no attribute 'fit_generator'` before anything trains.

## Example
```python
model.fit_generator(train_gen, steps_per_epoch=100, epochs=10, validation_data=val_gen)
preds = model.predict_generator(test_gen, steps=20)
```

## Use instead
```python
model.fit(train_gen, steps_per_epoch=100, epochs=10, validation_data=val_gen)
preds = model.predict(test_gen, steps=20)
```

## Fix safety
Safe: the fix renames the method (`fit_generator` → `fit`, `evaluate_generator` → `evaluate`,
`predict_generator` → `predict`), passes `generator=` as `x=` and turns positional arguments after
the generator into keywords (`fit_generator(gen, 100, 10)` → `fit(gen, steps_per_epoch=100,
epochs=10)`: positionally `fit` would read them as `y` and `batch_size`). On an object of unknown type
(a parameter, an attribute set in another module) the same fix is unsafe: it may be a wrapper of
the project whose own `fit` takes other arguments.
When the call passes `workers=`, `use_multiprocessing=` or `max_queue_size=`, which Keras 3's
`fit` / `evaluate` / `predict` reject, the fix also drops them and is unsafe (parallel loading now
belongs to a `keras.utils.PyDataset(workers=…)`). No fix is offered when the call passes other
arguments the replacement does not take, positional arguments whose meaning changed across Keras 2
releases, or `*args` / `**kwargs`. No fix is offered for a method read without a call (an alias):
whether it should read `fit` or go is the project's choice, and callers of the alias may pass
arguments `fit` rejects.
"""
    VALID = [
        # a class of the file's own with a `from_config` of its own: not a Keras model
        """
class Runner:
    @classmethod
    def from_config(cls, config):
        return cls()
    def evaluate_generator(self, batches, steps):
        return 0.0
runner = Runner.from_config({"steps": 3})
runner.evaluate_generator(iter([]), 3)
""",
        # the file's own class names its `fit` `fit_generator` too (a class-level alias)
        """
from tensorflow import keras
class Runner:
    def __init__(self, model):
        self.model = model
    def fit(self, gen, steps, epochs=1):
        return self.model.fit(gen, steps_per_epoch=steps, epochs=epochs)
    fit_generator = fit
Runner(keras.Sequential([keras.layers.Dense(1)])).fit_generator(None, 10)
""",
        # super() reaching a project base that defines the method, or a class that is no model
        """\
import tensorflow as tf


class Base(tf.keras.Model):
    def fit_generator(self, gen, **kwargs):
        return self.fit(gen, **kwargs)


class Child(Base):
    def fit_generator(self, gen, **kwargs):
        return super().fit_generator(gen, **kwargs)


class Loader:
    def fit_generator(self, gen):
        return gen


class Cached(Loader):
    def fit_generator(self, gen):
        return super().fit_generator(gen)
""",
        # the Keras 3 spelling
        """
import keras
model = keras.Sequential([keras.layers.Dense(1)])
model.compile(optimizer="adam", loss="mse")
model.fit(train_gen, steps_per_epoch=100, epochs=10)
model.predict(test_gen, steps=20)
""",
        # a function of the file called fit_generator
        """
import keras
def fit_generator(model, gen, epochs):
    for _ in range(epochs):
        for xb, yb in gen:
            model.train_on_batch(xb, yb)
model = keras.Sequential([keras.layers.Dense(1)])
model.compile(optimizer="adam", loss="mse")
fit_generator(model, batches(), 3)
""",
        # a class of the file that defines the method (also a Keras Model subclass)
        """
import keras
class Trainer:
    def fit_generator(self, gen):
        return list(gen)
class Net(keras.Model):
    def call(self, x):
        return x
    def predict_generator(self, gen, steps):
        return [self.predict(b) for b, _ in zip(gen, range(steps))]
Trainer().fit_generator(batches())
net = Net()
net.predict_generator(batches(), 4)
""",
        # an object of unknown type whose class in this file has the method
        """
import keras
class Trainer:
    def __init__(self, model):
        self.model = model
    def fit_generator(self, gen, steps):
        return self.model.fit(gen, steps_per_epoch=steps)
def run(trainer, gen):
    return trainer.fit_generator(gen, 100)
""",
        # a wrapper's class-level alias and a static method of that name, on objects of unknown type
        """
import keras
class Wrapper:
    def __init__(self):
        self.model = keras.Sequential([keras.layers.Dense(1)])
    def fit(self, gen, steps):
        return self.model.fit(gen, steps_per_epoch=steps)
    fit_generator = fit
class Loader:
    @staticmethod
    def predict_generator(gen, steps):
        return list(gen)[:steps]
w = Wrapper()
w.fit_generator(batches(), 10)
def run(obj, gen):
    obj.fit_generator(gen, 3)
    return obj.predict_generator(gen, 3)
""",
        # code written for both Keras versions: the old call runs only where it exists
        """
import keras
model = keras.models.load_model("m.keras")
if hasattr(model, "fit_generator"):
    model.fit_generator(gen, steps_per_epoch=10)
else:
    model.fit(gen, steps_per_epoch=10)
preds = model.predict_generator(gen, 5) if hasattr(model, "predict_generator") else model.predict(gen, steps=5)
try:
    model.evaluate_generator(gen, 5)
except (AttributeError, TypeError):
    model.evaluate(gen, steps=5)
if keras.__version__.startswith("2."):
    model.fit_generator(gen, 10)
""",
        # only in comments and strings
        """
import keras
# model.fit_generator(train_gen, steps_per_epoch=100)
HINT = "fit_generator was removed in Keras 3"
""",
        # an early return under a version test: the call after it is the other arm
        """\
import keras

KERAS3 = keras.__version__.startswith("3")


def score(model, batches, n):
    if KERAS3:
        return model.evaluate(batches, steps=n)
    return model.evaluate_generator(batches, steps=n)
""",
        # fit on a generator first, Keras 2's fit_generator as the fallback in the handler
        """\
from keras.layers import Dense
from keras.models import Sequential


def batches():
    while True:
        yield None, None


net = Sequential([Dense(8, activation="relu", input_dim=4), Dense(1)])
net.compile(loss="mae", optimizer="sgd")
try:
    net.fit(batches(), steps_per_epoch=10, epochs=3)
except AttributeError:
    net.fit_generator(batches(), steps_per_epoch=10, epochs=3)
""",
        # version tests in other spellings: a flag made of a number bound in the `try:` that imports
        # Keras and in its fallback, numbers bound by unpacking, TensorFlow's public version
        # constant, a `hasattr` held in a name, a `getattr` with a default
        """\
try:
    import keras
    KERAS_MAJOR = int(keras.__version__.split(".")[0])
except ImportError:
    from tensorflow import keras
    KERAS_MAJOR = 2
import tensorflow as tf

LEGACY = KERAS_MAJOR < 3
MAJOR, MINOR = map(int, keras.__version__.split(".")[:2])

model = keras.models.load_model("m.keras")
if LEGACY:
    model.fit_generator(gen, steps_per_epoch=10)
if (MAJOR, MINOR) < (2, 1):
    model.evaluate_generator(gen, 5)
if tf.version.VERSION < "2.1":
    model.predict_generator(gen, 5)
HAS_GENERATORS = hasattr(model, "fit_generator")
if HAS_GENERATORS:
    model.fit_generator(gen, steps_per_epoch=10)
if callable(getattr(model, "predict_generator", None)):
    model.predict_generator(gen, 5)
""",
        # a version flag set on the instance in __init__
        """\
import keras


class Trainer:
    def __init__(self, model):
        self.model = model
        self.legacy_api = keras.__version__ < "2.1"

    def train(self, gen, epochs):
        if self.legacy_api:
            return self.model.fit_generator(gen, steps_per_epoch=100, epochs=epochs)
        return self.model.fit(gen, steps_per_epoch=100, epochs=epochs)
""",
        # Keras 2's methods read only where the model has them (a hasattr test, a getattr with a
        # default, a try catching AttributeError), Keras 3's own aliased, a wrapper of the file whose
        # own fit_generator is read
        """\
import keras


class Trainer:
    def __init__(self, model):
        self.model = model
        self.fit = self.model.fit
        if hasattr(self.model, "fit_generator"):
            self.fit_generator = self.model.fit_generator
        self.predict_generator = getattr(self.model, "predict_generator", self.model.predict)
        try:
            self.evaluate_generator = self.model.evaluate_generator
        except AttributeError:
            self.evaluate_generator = self.model.evaluate


class Runner:
    def fit_generator(self, gen, steps):
        return list(gen)[:steps]


def train(model, gen):
    step = model.fit_generator
    return step(gen, 10)


run = Runner().fit_generator
""",
        # Keras 2's methods read under a version test, after an early return under one, after a raise
        """\
import keras

LEGACY = keras.__version__.startswith("2.")
model = keras.models.load_model("m.keras")
if LEGACY:
    fg = model.fit_generator
fp = model.predict_generator if keras.__version__ < "2.1" else model.predict


def evaluator(model):
    if not LEGACY:
        return model.evaluate
    return model.evaluate_generator


def trainer(model):
    raise NotImplementedError("use fit")
    return model.fit_generator
""",
        # generator methods read on objects of unknown type, not named for a model
        """\
import keras


def hooks(obj, trainer):
    return obj.fit_generator, trainer.predict_generator


class Session:
    def __init__(self, engine):
        self.engine = engine
        self.evaluate_generator = self.engine.evaluate_generator
""",
        # after the function's `return`: never runs
        """\
import keras

model = keras.models.load_model("m.keras")


def train(gen):
    return model.fit(gen, epochs=3)
    model.fit_generator(gen, steps_per_epoch=10, epochs=3)
""",
    ]
    INVALID = [
        # a model rebuilt from another's config is a Keras model like a loaded one
        """
import keras
def batches():
    while True:
        yield None
base = keras.applications.ResNet50(weights=None)
model = keras.models.Model.from_config(base.get_config())
model.compile(loss="categorical_crossentropy", optimizer="sgd", metrics=["accuracy"])
score = model.evaluate_generator(batches(), 20)  # expect: RL501
""",
        # the data-parallel twin of Keras 2's multi_gpu_model is the template model
        """
import numpy as np
from keras.layers import Dense, Input
from keras.models import Model
from keras.utils import multi_gpu_model  # expect: RL503
def batches(x, y):
    while True:
        yield x, y
inp = Input((4,))
net = Model(inp, Dense(1)(inp))
twin = multi_gpu_model(net, gpus=2)
twin.compile(optimizer="adam", loss="mse")
twin.fit_generator(batches(np.zeros((8, 4)), np.zeros(8)), steps_per_epoch=10)  # expect: RL501
""",
        # under a command-line flag whose default is off: the flag can turn it on
        """
import argparse
from keras import layers, models
def run(use_generator, batches):
    model = models.Sequential([layers.Input((8,)), layers.Dense(1)])
    model.compile(optimizer="adam", loss="mse")
    if use_generator:
        model.fit_generator(batches, steps_per_epoch=10)  # expect: RL501
parser = argparse.ArgumentParser()
parser.add_argument("--use-generator", action="store_true", default=False)
args = parser.parse_args()
run(args.use_generator, None)
""",
        # a `None` placeholder set later, and a wrapper's own fit_generator calling the one it wraps
        """
import keras
class Base:
    model = None
    def train(self, gen):
        return self.model.fit_generator(gen, steps_per_epoch=10)  # expect: RL501
class Wrapper:
    def __init__(self, model):
        self.model = model
    def fit_generator(self, gen):
        net = self.model
        net.compile(optimizer="adam", loss="mse")
        return net.fit_generator(gen, steps_per_epoch=10)  # expect: RL501
""",
        # look-alikes of a guard: hasattr of another name, a handler that does not catch AttributeError
        """
import keras
model = keras.models.load_model("m.keras")
if hasattr(model, "fit"):
    model.fit_generator(gen, steps_per_epoch=10)  # expect: RL501
try:
    model.predict_generator(gen, 5)  # expect: RL501
except ValueError:
    pass
""",
        """
from keras.models import Sequential
from keras.layers import Dense
model = Sequential([Dense(8, activation="relu"), Dense(1)])
model.compile(loss="mse", optimizer="adam")
model.fit_generator(train_gen, steps_per_epoch=100, epochs=10)  # expect: RL501
loss = model.evaluate_generator(val_gen, steps=10)  # expect: RL501
""",
        # self.model in a class method, multi-line call
        """
from tensorflow.keras.callbacks import EarlyStopping
class Trainer(object):
    def __init__(self, model):
        self.model = model
    def run(self, train_batches, val_batches):
        self.model.compile(loss="mse", optimizer="adam")
        return self.model.fit_generator(train_batches,  # expect: RL501
                                        steps_per_epoch=200,
                                        validation_data=val_batches,
                                        callbacks=[EarlyStopping(patience=3)],
                                        epochs=5)
""",
        # a loaded model, a parameter model, a method chained on its own line
        """
from tensorflow import keras
model = keras.models.load_model("net.h5")
preds = model.predict_generator(test_gen, steps=20)  # expect: RL501
def evaluate(net, gen):
    return (net
            .evaluate_generator(gen, 10))  # expect: RL501
""",
        # a wrapper method of the same name forwarding to the Keras model
        """
import keras
class Wrapper:
    def __init__(self, model):
        self.model = model
    def fit_generator(self, gen, **kwargs):
        return self.model.fit_generator(gen, **kwargs)  # expect: RL501
""",
        # a version test that raises for old versions leaves the call after it to Keras 3
        """\
import keras


def score(model, batches, n):
    if keras.__version__ < "2.4":
        raise RuntimeError("needs Keras 2.4 or later")
    return model.evaluate_generator(batches, steps=n)  # expect: RL501
""",
        # the handler evaluates where the try body fits: no fallback, a call that fails on Keras 3
        """\
from keras.layers import Dense
from keras.models import Sequential


def batches():
    while True:
        yield None, None


net = Sequential([Dense(8, activation="relu", input_dim=4), Dense(1)])
net.compile(loss="mae", optimizer="sgd")
try:
    net.fit(batches(), steps_per_epoch=10, epochs=3)
except AttributeError:
    net.evaluate_generator(batches(), steps=10)  # expect: RL501
""",
        # an override of the method whose body calls Keras' own through super(): gone in Keras 3
        """\
import tensorflow as tf


class Clipped(tf.keras.Model):
    def fit_generator(self, gen, steps_per_epoch=None, **kwargs):
        return super(Clipped, self).fit_generator(  # expect: RL501
            gen, steps_per_epoch=steps_per_epoch, **kwargs)
""",
        # a wrapper keeping Keras 2's method names and handing each call on to the Keras models it
        # holds (given by a builder function, one of a list, or each of a list in turn): their own
        # method, gone in Keras 3 — the wrapper's own `fit_generator`, called on it, is not reported
        """import numpy as np
import keras


class Ensemble:
    def __init__(self, member_fn, n):
        self.members = [member_fn() for _ in range(n)]
        self.trunk = member_fn()

    def fit_generator(self, gen, epochs=1, **kw):
        for i in range(len(self.members)):
            self.members[i].fit_generator(gen, epochs=epochs, **kw)  # expect: RL501

    def evaluate_generator(self, gen, steps=None):
        return [m.evaluate_generator(gen, steps=steps) for m in self.members]  # expect: RL501

    def predict_generator(self, gen, steps=None):
        feats = self.trunk.predict_generator(gen, steps=steps)  # expect: RL501
        outs = []
        for _, member in enumerate(self.members):
            outs.append(member.predict_generator(gen, steps=steps))  # expect: RL501
        return np.mean(outs, axis=0), feats


def member():
    net = keras.Sequential([keras.Input((4,)), keras.layers.Dense(1)])
    net.compile(optimizer="adam", loss="mse")
    return net


ens = Ensemble(member, 3)
ens.fit_generator(iter([]), epochs=2, steps_per_epoch=10)
ens.predict_generator(iter([]), steps=3)
""",
        # a wrapper in a module of its own: what it holds is not known here, but a method handing the
        # call of its own name on to an attribute of the instance (one item of it, each item in turn)
        # is delegating to the models it wraps
        """\
import keras


class Committee(object):
    def __init__(self, nets):
        self.nets = list(nets)
        self.head = self.nets[0]

    def fit_generator(self, batches, **kw):
        for k, net in enumerate(self.nets):
            net.fit_generator(batches, **kw)  # expect: RL501

    def evaluate_generator(self, batches, steps=None):
        return self.nets[0].evaluate_generator(batches, steps=steps)  # expect: RL501

    def predict_generator(self, batches, steps=None):
        return self.head.predict_generator(batches, steps=steps)  # expect: RL501
""",
        # a call in an f-string's field is made like any other
        """import numpy as np
import tensorflow as tf

model = tf.keras.Sequential([tf.keras.Input((4,)), tf.keras.layers.Dense(1)])
model.compile(optimizer="adam", loss="mse")
batches = iter([(np.zeros((8, 4)), np.zeros((8, 1)))])
print(f"validation loss: {model.evaluate_generator(batches, steps=1):.4f}")  # expect: RL501
""",
        # a version test that separates Keras 1 from 2: Keras 3 (3 > 1) takes the branch written
        # for Keras 2, whose generator method it lacks (the other branch it never runs)
        """\
import keras

NEWER_THAN_1 = int(keras.__version__.split(".")[0]) > 1


def train_on_batches(model, batches, epochs, steps):
    if NEWER_THAN_1:
        model.fit_generator(batches, epochs=epochs, steps_per_epoch=steps)  # expect: RL501
    else:
        model.fit_generator(batches, nb_epoch=epochs, samples_per_epoch=steps)
""",
        # ... and TensorFlow 1 against 2: Keras 3's TensorFlow is a 2.x, the `else:` runs
        """\
import tensorflow as tf

model = tf.keras.models.load_model("m.keras")
if tf.version.VERSION.startswith("1."):
    model.fit_generator(gen, steps_per_epoch=10)
else:
    model.fit_generator(gen, steps_per_epoch=10, epochs=3)  # expect: RL501
""",
        # look-alikes of a guard held in a name: hasattr of another method, a setting on the instance
        """\
import keras

model = keras.models.load_model("m.keras")
HAS_FIT = hasattr(model, "fit")
if HAS_FIT:
    model.fit_generator(gen, steps_per_epoch=10)  # expect: RL501


class Trainer:
    def __init__(self, legacy):
        self.legacy_api = legacy

    def train(self, gen):
        if self.legacy_api:
            return model.fit_generator(gen, steps_per_epoch=10)  # expect: RL501
        return model.fit(gen, steps_per_epoch=10)
""",
        # Keras 2's methods read, not called: the read raises on Keras 3 (in the constructor that keeps
        # an alias, before any call), and is the one finding when what it read is called later
        """\
import keras
from keras import layers


class PairNet:
    def __init__(self, dim):
        inp = keras.Input((dim,))
        self.model = keras.Model(inp, layers.Dense(1, activation="sigmoid")(inp))
        self.model.compile(loss="binary_crossentropy", optimizer="adam")
        self.fit_generator = self.model.fit_generator  # expect: RL501
        self.fit = self.model.fit


class Wrapper:
    def __init__(self, model):
        self.model = model
        self.predict_generator = self.model.predict_generator  # expect: RL501


class Net(keras.Model):
    def call(self, x):
        return x

    def train(self, gen):
        step = self.fit_generator  # expect: RL501
        return step(gen, steps_per_epoch=3)


model = keras.models.load_model("m.keras")
fg = model.fit_generator  # expect: RL501
fg(batches, steps_per_epoch=10)
score = getattr(model, "evaluate_generator")(batches, 5)  # expect: RL501
""",
        # look-alike of code that never runs: the `return` is in an `if` arm, the call after the `if`
        """\
import keras

model = keras.models.load_model("m.keras")


def train(gen, epochs):
    if epochs <= 0:
        return None
    return model.fit_generator(gen, steps_per_epoch=10, epochs=epochs)  # expect: RL501
""",
    ]

    def check(self, facts):
        seen = set()
        for model in facts.models:
            for call in model.calls:
                if call.method not in tables.GENERATOR_METHODS or id(call.node) in seen:
                    continue
                func = call.node.func
                if not isinstance(func, cst.Attribute) or user_method(facts, model, call):
                    continue  # the file's own method of that name (also on an object of unknown type)
                if id(call.node) in version_guarded(facts, tables.GENERATOR_METHODS, ATTRIBUTE_ERROR):
                    continue  # written for both Keras versions: the old call runs only where it exists
                seen.add(id(call.node))
                new = RENAMED[call.method]
                yield self.report(
                    func.attr,
                    f"Model.{call.method}() was removed in Keras 3 (AttributeError); "
                    f"{new}() takes the generator: call {new}(...)",
                    _fix(call.node, call.method, sure=model.kind != "opaque"),
                )
            yield from self._reads(facts, model, seen)

    def _reads(self, facts, model, seen: set):
        """`self.fit_generator = self.model.fit_generator`: the read raises, before any call. No fix:
        what the alias should become (`self.model.fit`, or nothing) is the project's choice."""
        for read in model.reads:
            if id(read.node) in seen or user_method(facts, model, read):
                continue
            if id(read.node) in version_guarded(facts, tables.GENERATOR_METHODS, ATTRIBUTE_ERROR):
                continue
            seen.add(id(read.node))
            at = read.node.attr if type(read.node) is cst.Attribute else read.node.args[1].value
            new = RENAMED[read.method]
            yield self.report(at, f"Model.{read.method} was removed in Keras 3: reading it raises AttributeError; "
                                  f"{new} takes the generator")


def _fix(call: cst.Call, method: str, sure: bool = True):
    """`sure`: the receiver is known to be a Keras model (built, loaded or subclassed here); on an
    object of unknown type (a parameter, an attribute set elsewhere) the rename is unsafe: it may be
    a wrapper of the project whose own `fit` takes other arguments."""
    new = RENAMED[method]
    func = call.func
    edits = [Edit(func.attr, func.attr.with_changes(value=new))]
    dropped = False
    names = POSITIONAL[method]
    index = 0
    for arg in call.args:
        if arg.star:
            return None
        if arg.keyword is None:
            if index >= len(names):
                return None
            if index > 0:
                edits.append(Edit(arg, arg.with_changes(
                    keyword=cst.Name(names[index]),
                    equal=cst.AssignEqual(cst.SimpleWhitespace(""), cst.SimpleWhitespace("")))))
            index += 1
            continue
        key = arg.keyword.value
        if key == "generator":
            edits.append(Edit(arg.keyword, arg.keyword.with_changes(value="x")))
        elif key in LOADER_OPTIONS:
            edits.append(Edit(arg, cst.RemovalSentinel.REMOVE))
            dropped = True
        elif key not in ACCEPTED[new]:
            return None
    if dropped:
        return Fix(safe=False, message=f"call {new}(...) and drop the workers / multiprocessing "
                                       f"options Keras 3 moved onto PyDataset", edits=tuple(edits))
    return Fix(safe=sure, message=f"call {new}(...)", edits=tuple(edits))
