from __future__ import annotations

from regr_lint.lazy import cst

from regr_lint.knowledge import tables
from regr_lint.knowledge.public_api import PUBLIC_NAMES
from regr_lint.model.importers import is_parameter
from regr_lint.rule import Edit, Fix, Rule

# Submodules of keras.optimizers whose classes keep Keras 2's OptimizerV2, which still takes `lr`
# (and which Keras 3 does not have at all): not this rule's business.
LEGACY_MODULES = frozenset({"legacy", "optimizer_v1", "optimizer_v2", "schedules"})


LOWERCASE_ALIASES = tables.LOWERCASE_OPTIMIZERS


def optimizer_keywords(facts, keyword: str):
    """(the Keras call, its `keyword=` argument, the Keras 2 lowercase alias's class name or None)
    for each Keras optimizer the file builds with that keyword written out, each argument once."""
    for kc, arg, alias, key in _optimizer_keywords(facts, keyword):
        if key is arg.keyword:
            yield kc, arg, alias


def spread_optimizer_keywords(facts, keyword: str):
    """(the Keras call, where the dict spread into it writes `keyword`) for each Keras optimizer
    the file builds from a dict written out with that key (`SGD(**{"lr": 0.01})`, `Adam(**kw)` with
    `kw = dict(lr=1e-3)`), each key once: reported there, with no fix (the dict may serve other
    calls too)."""
    for kc, arg, _alias, key in _optimizer_keywords(facts, keyword):
        if key is not arg.keyword:
            yield kc, key


def _optimizer_keywords(facts, keyword: str):
    seen = set()
    for kc in facts.keras_calls:
        if keyword not in kc.args.kw or keyword in kc.own:
            continue  # (a subclass whose own `__init__` takes it by name: Keras never sees it)
        alias = lowercase_alias(kc.qualname)
        if alias is None and not is_optimizer_class(kc.qualname):
            continue
        _value, arg = kc.args.kw[keyword]
        if arg is None:
            continue
        key = arg.keyword if arg.keyword is not None and arg.keyword.value == keyword \
            else kc.args.spread_key(keyword) if arg.star == "**" else None
        if key is None or id(key) in seen:
            continue
        seen.add(id(key))
        yield kc, arg, alias, key


def lowercase_alias(qualname: str) -> "str | None":
    """`keras.optimizers.adam` -> `Adam`, the Keras 3 class it stood for; None for anything else."""
    parts = qualname.split(".")
    if parts[:2] != ["keras", "optimizers"] or len(parts) != 3:
        return None
    cls = LOWERCASE_ALIASES.get(parts[2])
    return cls if cls in PUBLIC_NAMES["keras.optimizers"] else None


def is_optimizer_class(qualname: str) -> bool:
    """keras.optimizers.Adam, keras.optimizers.experimental.AdamW, keras.optimizers.adam.Adam
    (keras.src.…) — not the legacy OptimizerV2 classes, schedules or functions (get, serialize)."""
    parts = qualname.split(".")
    if parts[:2] != ["keras", "optimizers"] or len(parts) not in (3, 4):
        return False
    if not parts[-1][:1].isupper():
        return False
    if len(parts) == 4:
        module = parts[2]
        return module not in LEGACY_MODULES and not module.endswith(("_v1", "_v2"))
    return True


class RemovedLrArgument(Rule):
    code = "RL502"
    name = "removed-lr-argument"
    summary = "Keras optimizer constructed with lr= instead of learning_rate="
    severity = "error"  # ValueError on Keras 3; tf-keras trains at the default rate
    tokens = ("keras", ("lr=", "lr =", "'lr'", '"lr"'))
    names = ("lr",)
    reads_partial_source = True  # judges a call or import by itself (see Rule.reads_partial_source)
    skips_unreachable = True  # a call after a `raise` in its block never runs (see Rule.skips_unreachable)
    docs = """\
## What it does
Finds a Keras optimizer (`Adam`, `SGD`, `RMSprop`, … in any import style, also a class held in a
variable, handed through a constructor's parameter, picked from a dict of optimizer classes, or
drawn from a talos search grid, `params["optimizer"](lr=...)` with `{"optimizer": [Adam, Nadam]}`)
constructed with the `lr=` keyword (also bound by `functools.partial(Adam, lr=…)`), wherever
the call stands (`optimizer or Adam(lr=…)`, a conditional expression, a dict value or list element,
a function's default argument; also a parameter whose default is a Keras optimizer class,
`def compile_model(self, optimizer=keras.optimizers.Adam, lr=1e-3)` calling `optimizer(lr=lr)`,
when no call of the file gives it: any caller's choice of a Keras class fails alike). Keras 2's lowercase aliases (`keras.optimizers.adam(lr=…)`, `sgd`,
`rmsprop`, `adagrad`, `adadelta`, `adamax`, `nadam`, also brought in by `from keras.optimizers import *`)
are reported too, and so is `optimizers.Adam(lr=…)` after `from keras import *` (the package binds
its submodules). The finding is at the keyword. A dict written out with an `"lr"` key and spread into
the optimizer (`SGD(**{"lr": 0.01})`, `Adam(**kw)` with `kw = dict(lr=1e-3, beta_1=0.9)`) is
reported at the key, with no fix (the dict may serve other calls too).

Variables and parameters named `lr`, other keywords that contain it (`min_lr=` of
`ReduceLROnPlateau`) and optimizers of other libraries (`torch.optim.Adam(params, lr=…)`) are not
reported, nor are the legacy OptimizerV2 classes (`tf.keras.optimizers.legacy.Adam`,
`adam_v2.Adam` after `from keras.optimizers import adam_v2`), which still map `lr` to the learning
rate: where they exist `lr=` works (tf-keras 2.21 with TF_USE_LEGACY_KERAS=1:
`tf.keras.optimizers.legacy.Adam(lr=0.05)` trains at 0.05), and where they do not the program fails
before training either way, which RL503 reports — the import of a module such as
`keras.optimizers.adam_v2`, or, for `keras.optimizers.legacy`, whose import Keras 3 keeps, the class
(its Keras 3 stub raises an ImportError naming tf-keras when built).
Code that can never run (after an unconditional `raise`, `return`, `continue` or `break` in its
block) is not reported.

## Why is this bad?
`lr` was renamed `learning_rate` in Keras 2.3. Keras 3 rejects it:
`ValueError: Argument(s) not recognized: {'lr': 0.1}`. The optimizers of tf-keras (TensorFlow ≥
2.11, and `tf_keras` today) are worse: they log a warning, drop the value and train at the default
learning rate (0.001 for Adam and RMSprop, 0.01 for SGD) — the tuning the author did never happens.
Measured with tf-keras 2.21.0: `tf_keras.optimizers.Adam(lr=0.05)` logs "`lr` is deprecated in
TF-Keras optimizer" and its `learning_rate` is 0.001. The lowercase aliases were Keras 2's alone
(`adam = Adam` in `keras/optimizers.py`): Keras 3 and tf.keras have no `keras.optimizers.adam`, an
`AttributeError` before `lr` is even read.

## Example
```python
model.compile(optimizer=keras.optimizers.Adam(lr=1e-4), loss="mse")
```

## Use instead
```python
model.compile(optimizer=keras.optimizers.Adam(learning_rate=1e-4), loss="mse")
```

## Fix safety
Safe: the fix renames the keyword to `learning_rate`, the value it always meant. No fix when the
call also passes `learning_rate=` (or `**kwargs` that may hold it): which of the two values is
meant is for the author to say. Unsafe when the class is held in a parameter of the function making
the call (`optimizer(lr=lr)`): a caller may hand it a class of its own that takes `lr`.

For a lowercase alias written as an attribute (`keras.optimizers.adam(lr=…)`, `optimizers.sgd(…)`)
the fix also writes the class the alias stood for (`keras.optimizers.Adam(learning_rate=…)`, the
same object in Keras 2): safe. An alias imported by name (`from keras.optimizers import adam`) is
reported with no fix: the import has to change too (RL503 reports it: an ImportError on Keras 3), and
other code may use it.
"""
    VALID = [
        # an "lr" key spread into a function of the project's own and into a torch optimizer
        """\
import torch
from tensorflow import keras

TORCH_KW = {"lr": 0.01, "momentum": 0.9}


def make_adam(lr, clip=1.0):
    return keras.optimizers.Adam(learning_rate=lr, clipnorm=clip)


opt = make_adam(**{"lr": 3e-4})
torch_opt = torch.optim.SGD(torch.nn.Linear(4, 1).parameters(), **TORCH_KW)
""",
        # a project optimizer whose own constructor takes lr and hands Keras learning_rate
        """
from keras.optimizers import Adam


class WarmAdam(Adam):
    def __init__(self, lr=1e-3, warmup=100, **kwargs):
        super().__init__(learning_rate=lr, **kwargs)
        self.warmup = warmup


opt = WarmAdam(lr=3e-4)
""",
        # an optimizer class read by a literal name, given Keras 3's keyword
        """\
from tensorflow import keras
def make_adam(lr):
    return getattr(keras.optimizers, "Adam")(learning_rate=lr)
""",
        # one arm is not a Keras optimizer (the project's own class takes lr=)
        """
from keras.optimizers import RMSprop
class Graves:
    def __init__(self, lr):
        self.lr = lr
def compile_q(net, graves, alpha):
    opt_cls = Graves if graves else RMSprop
    net.compile(loss="mse", optimizer=opt_cls(lr=alpha))
""",
        """
import keras
lr = 1e-4
opt = keras.optimizers.Adam(learning_rate=lr)
reduce = keras.callbacks.ReduceLROnPlateau(monitor="val_loss", factor=0.5, min_lr=1e-6)
def build(lr=1e-3):
    model = keras.Sequential([keras.layers.Dense(1)])
    model.compile(optimizer=keras.optimizers.SGD(lr, momentum=0.9), loss="mse")
    return model
model = build(lr=lr)
""",
        # PyTorch's optimizers take lr
        """
import keras
import torch
net = torch.nn.Linear(4, 1)
opt = torch.optim.Adam(net.parameters(), lr=1e-3)
sched = torch.optim.lr_scheduler.StepLR(opt, step_size=10)
""",
        # a class of the file and a schedule
        """
import tensorflow as tf
class Adam:
    def __init__(self, lr):
        self.lr = lr
opt = Adam(lr=0.1)
schedule = tf.keras.optimizers.schedules.ExponentialDecay(1e-2, decay_steps=1000, decay_rate=0.9)
""",
        # inside expressions, a lowercase alias or a lowercase look-alike of the file's own: no lr
        """
import keras
from keras import optimizers
def adam(lr):
    return optimizers.Adam(learning_rate=lr)
def make(optimizer=None, rate=1e-3):
    return optimizer or keras.optimizers.Adam(learning_rate=rate)
def train(model, opt=keras.optimizers.SGD(learning_rate=0.01, momentum=0.9)):
    model.compile(optimizer=opt, loss="mse")
opts = {"adam": adam(lr=1e-3), "sgd": optimizers.SGD(learning_rate=0.1)}
by_name = keras.optimizers.get("adam")
""",
        # the project's own optimizer first, Keras' only where it is missing: which one runs is unknown
        """
try:
    from trainer_utils.optim import Adam
except ImportError:
    from tensorflow.keras.optimizers import Adam
opt = Adam(lr=0.01)
""",
        # a parameter whose default is a class of the project's own
        """
import tensorflow as tf
class Annealed:
    def __init__(self, lr=0.01):
        self.lr = lr
class Trainer:
    def __init__(self, model):
        self.model = model
    def compile_model(self, optimizer=Annealed, lr=0.001):
        self.model.compile(loss="mse", optimizer=optimizer(lr=lr))
""",
        # a talos scan whose optimizer classes take learning_rate=
        """
import numpy as np
import talos
from keras.layers import Dense
from keras.models import Sequential
from keras.optimizers import Adam, RMSprop


def trial(x_train, y_train, x_val, y_val, params):
    net = Sequential([Dense(params["width"], activation="relu", input_dim=x_train.shape[1]), Dense(1)])
    net.compile(optimizer=params["optimizer"](learning_rate=params["lr"]), loss="mse")
    history = net.fit(x_train, y_train, validation_data=[x_val, y_val], epochs=params["epochs"], verbose=0)
    return history, net


grid = {"width": [16, 64], "lr": [1e-3, 1e-2], "epochs": [30], "optimizer": [Adam, RMSprop]}
features = np.random.rand(300, 6)
talos.Scan(x=features, y=features.sum(axis=1), params=grid, model=trial, experiment_name="grid")
""",
        # a class read from the optimizers module's namespace, given learning_rate=
        """
import keras.optimizers as optimizers
from keras import Sequential, layers

model = Sequential([layers.Input((20,)), layers.Dense(20, activation="softplus")])
model.compile(loss="poisson", optimizer=optimizers.__dict__["RMSprop"](learning_rate=1e-3, clipvalue=5.0))
""",
    ]
    INVALID = [
        # settings written as a dict and spread into the optimizer: the key is the keyword
        """\
from tensorflow import keras

SGD_SETTINGS = {"lr": 0.005, "momentum": 0.9}  # expect: RL502
adam_kw = dict(lr=1e-3, beta_1=0.9)  # expect: RL502
net = keras.Sequential([keras.Input((64,)), keras.layers.Dense(1)])
net.compile(loss="mse", optimizer=keras.optimizers.SGD(**SGD_SETTINGS))
fine_tune = keras.optimizers.Adam(**adam_kw)
""",
        # the optimizers module a star import of the package brings in
        """\
from keras import *
from keras.layers import Dense, Input

inp = Input(shape=(16,))
net = Model(inp, Dense(1)(Dense(64, activation="relu")(inp)))
net.compile(optimizer=optimizers.Adam(lr=0.001), loss="mae")  # expect: RL502
""",
        # a project subclass whose constructor hands what it does not name to Adam's
        """
from tensorflow import keras


class WarmupAdam(keras.optimizers.Adam):
    def __init__(self, warmup_steps=1000, **kwargs):
        super().__init__(**kwargs)
        self.warmup_steps = warmup_steps


opt = WarmupAdam(warmup_steps=500, lr=1e-3)  # expect: RL502
""",
        # a settings class importing Keras under a condition in its body
        """
class NetSettings:
    use_net = True
    rate = 1e-3
    if use_net:
        import keras
        opt = keras.optimizers.Adam(lr=rate)  # expect: RL502
""",
        # a project subclass of Adam with no constructor of its own: Adam's takes lr=; also picked
        # from a dict of optimizer classes
        """
from keras.optimizers import Adam, Nadam


class ClippedAdam(Adam):
    def apply_gradients(self, grads_and_vars, **kwargs):
        return super().apply_gradients([(g * 0.5, v) for g, v in grads_and_vars], **kwargs)


opt = ClippedAdam(lr=1e-3)  # expect: RL502


def make(name, rate):
    return {"nadam": Nadam, "clipped": ClippedAdam}[name](lr=rate)  # expect: RL502
""",
        # the keyword bound by functools.partial is the optimizer's
        """\
import functools
from tensorflow import keras
make_opt = functools.partial(keras.optimizers.Adam, lr=1e-3)  # expect: RL502
m = keras.Sequential([keras.Input((8,)), keras.layers.Dense(1)])
m.compile(optimizer=make_opt(), loss="mse")
""",
        # the optimizer class a construction hands an agent, which hands it on to its critic's
        # constructor: that construction runs with those arguments, not only where the class is defined
        """\
from tensorflow.keras.models import Model
from tensorflow.keras.layers import Input, Dense
from tensorflow.keras.optimizers import Adam
class CriticNet:
    def __init__(self, n_in, lr, optimizer):
        x_in = Input((n_in,))
        self.net = Model(inputs=x_in, outputs=Dense(1)(x_in))
        self.net.compile(loss="mse", optimizer=optimizer(lr=lr))  # expect: RL502
class Trader:
    def __init__(self, n_in=10, lr=1e-4, optimizer=Adam):
        self.optimizer = optimizer
        self.critic = CriticNet(n_in, lr=lr, optimizer=self.optimizer)
agent = Trader(n_in=10, lr=1e-5, optimizer=Adam)
""",
        # an optimizer class read by a literal name
        """\
from tensorflow import keras
def make_adam(lr):
    return getattr(keras.optimizers, "Adam")(lr=lr)  # expect: RL502
""",
        # Keras imported in a class body, used through self
        """\
class PairScorer(object):
    from keras.models import Sequential
    from keras.layers import Dense
    from keras import optimizers
    def build(self, dim):
        model = self.Sequential([self.Dense(1, input_dim=dim)])
        sgd = self.optimizers.SGD(lr=0.01, momentum=0.9)  # expect: RL502
        model.compile(loss="mse", optimizer=sgd)
        return model
""",
        # Keras 2's lowercase alias brought in by a star import
        """
from keras.models import Sequential
from keras.layers import Dense
from keras.optimizers import *
q_net = Sequential([Dense(64, activation="relu", input_shape=(8,)), Dense(3)])
q_net.compile(sgd(lr=0.2), "mse")  # expect: RL502
""",
        # in an arm the only call rules out: the code is still there to fail once the flag is set
        """
from tensorflow import keras
def get_optimizer(use_sgd=False):
    if use_sgd:
        return keras.optimizers.SGD(lr=0.1, momentum=0.9)  # expect: RL502
    return keras.optimizers.Adam(learning_rate=1e-3)
opt = get_optimizer()
""",
        # a Keras optimizer class either way a conditional expression goes
        """
from keras.optimizers import RMSprop, Adam
def compile_q(net, use_adam, alpha):
    opt_cls = RMSprop if not use_adam else Adam
    net.compile(loss="mse", optimizer=opt_cls(lr=alpha))  # expect: RL502
""",
        # in the arm a notebook's form constant leaves off: the line still fails once the flag is set
        """
import tensorflow as tf
do_fine_tuning = False  #@param {type:"boolean"}
model = tf.keras.Sequential([tf.keras.layers.Dense(10, activation="softmax")])
if do_fine_tuning:
    model.compile(optimizer=tf.keras.optimizers.SGD(lr=0.002, momentum=0.9),  # expect: RL502
                  loss="sparse_categorical_crossentropy", metrics=["accuracy"])
else:
    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
""",
        # optimizers a registry of lambdas builds
        """
from keras import optimizers
OPTIMIZERS = {
    "adam": lambda lr: optimizers.Adam(lr=lr),  # expect: RL502
    "fine": lambda lr: optimizers.Adam(learning_rate=lr),
}
make = lambda: optimizers.RMSprop(lr=0.01)  # expect: RL502
""",
        # star imports of several Keras modules: `Adam` is the optimizer, not a layer
        """
from keras.models import *
from keras.layers import *
from keras.optimizers import *
def unet():
    inputs = Input((256, 256, 1))
    model = Model(inputs, Conv2D(1, 1, activation="sigmoid")(inputs))
    model.compile(optimizer=Adam(lr=1e-4), loss="binary_crossentropy")  # expect: RL502
    return model
""",
        """
from keras.models import Sequential
from keras.layers import Dense
from keras.optimizers import Adam
model = Sequential([Dense(1)])
model.compile(loss="mse", optimizer=Adam(lr=1e-4))  # expect: RL502
""",
        # fully qualified through tf, a module alias, a multi-line call
        """
import tensorflow as tf
from tensorflow.keras import optimizers as opts
rms = tf.keras.optimizers.RMSprop(lr=1e-4)  # expect: RL502
sgd = opts.SGD(
    momentum=0.9,
    lr=0.01,  # expect: RL502
    nesterov=True,
)
""",
        # a class in a variable, a dict of classes, an attribute value
        """
import keras
OPTIMIZERS = {"adam": keras.optimizers.Adam, "sgd": keras.optimizers.SGD}
def make(name, rate):
    return OPTIMIZERS[name](lr=rate)  # expect: RL502
opt_cls = keras.optimizers.Adagrad
opt = opt_cls(lr=0.05)  # expect: RL502
class Net:
    def __init__(self):
        self.learning_rate = 0.05
        self.opt = keras.optimizers.SGD(lr=self.learning_rate)  # expect: RL502
""",
        # inside expressions: `or`, a conditional, a dict value, a default argument, a list element
        """
import keras
from keras.optimizers import Adam, SGD
def make(optimizer=None):
    return optimizer or Adam(lr=0.001)  # expect: RL502
opt = Adam(lr=1e-3) if use_adam else SGD(lr=0.01, momentum=0.9)  # expect: RL502, RL502
OPTS = {"adam": Adam(lr=1e-3), "sgd": SGD(lr=0.1)}  # expect: RL502, RL502
def train(model, opt=keras.optimizers.RMSprop(lr=1e-3)):  # expect: RL502
    model.compile(optimizer=opt, loss="mse")
candidates = [Adam(lr=1e-4), keras.optimizers.Nadam(lr=2e-3)]  # expect: RL502, RL502
class Trainer:
    def __init__(self, optimizer=SGD(lr=0.01)):  # expect: RL502
        self.optimizer = optimizer
""",
        # Keras 2's lowercase aliases: fixed to the class where written as an attribute
        """
import tensorflow as tf
from keras import optimizers
from keras.optimizers import adam  # expect: RL503
def build(model, learning_rate):
    model.compile(loss="mse", optimizer=optimizers.adam(lr=learning_rate))  # expect: RL502
sgd = optimizers.sgd(lr=0.01, momentum=0.9)  # expect: RL502
rms = tf.keras.optimizers.rmsprop(lr=1e-3)  # expect: RL502
opt = adam(lr=1e-3)  # expect: RL502
""",
        # both given: reported, no fix
        """
import tf_keras
opt = tf_keras.optimizers.Adam(learning_rate=1e-3, lr=1e-2)  # expect: RL502
""",
        # `keras = None` where TensorFlow is not installed: the code runs where it is
        """
try:
    import tensorflow as tf
    from tensorflow import keras
except ImportError:
    tf = None
    keras = None
opt = keras.optimizers.Adam(lr=1e-3)  # expect: RL502
""",
        # a parameter whose default is a Keras optimizer class, called with lr=
        """
import tensorflow
class Trainer:
    def __init__(self, model):
        self.model = model
    def compile_model(self, loss="mse", optimizer=tensorflow.keras.optimizers.Adam, lr=0.001):
        self.model.compile(loss=loss, optimizer=optimizer(lr=lr))  # expect: RL502
""",
        # a talos scan: the model function runs with one draw of the grid, its optimizer a Keras class
        """
import numpy as np
import talos
from keras.layers import Dense
from keras.models import Sequential
from keras.optimizers import Adam, RMSprop


def trial(x_train, y_train, x_val, y_val, params):
    net = Sequential([Dense(params["width"], activation="relu", input_dim=x_train.shape[1]), Dense(1)])
    net.compile(optimizer=params["optimizer"](lr=params["lr"]), loss="mse")  # expect: RL502
    history = net.fit(x_train, y_train, validation_data=[x_val, y_val], epochs=params["epochs"], verbose=0)
    return history, net


grid = {"width": [16, 64], "lr": [1e-3, 1e-2], "epochs": [30], "optimizer": [Adam, RMSprop]}
features = np.random.rand(300, 6)
talos.Scan(x=features, y=features.sum(axis=1), params=grid, model=trial, experiment_name="grid")
""",
        # a class read from the optimizers module's namespace by name
        """
import keras.optimizers as optimizers
from keras import Sequential, layers

model = Sequential([layers.Input((20,)), layers.Dense(20, activation="softplus")])
model.compile(loss="poisson", optimizer=optimizers.__dict__["RMSprop"](lr=1e-3, clipvalue=5.0))  # expect: RL502
""",
    ]

    def check(self, facts):
        for kc, arg, alias in optimizer_keywords(facts, "lr"):
            fix = None
            renamable = "learning_rate" not in kc.args.kw and not kc.args.star
            if alias is not None:
                func = kc.node.func
                if renamable and isinstance(func, cst.Attribute) and func.attr.value != alias:
                    # `keras.optimizers.adam(lr=…)` -> `keras.optimizers.Adam(learning_rate=…)`
                    fix = Fix(safe=True, message=f"use {alias}(learning_rate=...)",
                              edits=(Edit(func.attr, cst.Name(alias)), Edit(arg.keyword, cst.Name("learning_rate"))))
                lower = kc.qualname.rpartition(".")[2]
                yield self.report(
                    arg.keyword,
                    f"{lower}(lr=...): Keras 3 has neither the Keras 2 alias keras.optimizers.{lower} "
                    f"(AttributeError) nor lr (ValueError); use keras.optimizers.{alias}(learning_rate=...)",
                    fix,
                )
                continue
            if renamable:
                # a class a parameter holds (`optimizer(lr=lr)`, `optimizer=Adam` its default): a
                # caller may hand it a class of its own, so the rename is offered as unsafe
                held = isinstance(kc.node.func, cst.Name) and is_parameter(kc.node.func.value, kc.node, facts)
                fix = Fix(safe=not held, message="rename lr= to learning_rate=",
                          edits=(Edit(arg.keyword, cst.Name("learning_rate")),))
            yield self.report(
                arg.keyword,
                f"{kc.qualname.rpartition('.')[2]}(lr=...): Keras 3 rejects lr (ValueError) and "
                f"tf-keras ignores it, training at the default learning rate; use learning_rate=",
                fix,
            )
        for kc, key in spread_optimizer_keywords(facts, "lr"):
            yield self.report(
                key,
                f"{kc.qualname.rpartition('.')[2]}(**{{'lr': ...}}): Keras 3 rejects lr (ValueError) and "
                f"tf-keras ignores it, training at the default learning rate; use the key learning_rate",
                None,
            )
