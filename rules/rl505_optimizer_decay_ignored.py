from __future__ import annotations

import ast
from typing import Optional

from regr_lint.lazy import cst

from regr_lint.knowledge import tables
from regr_lint.model.dataflow import name_values
from regr_lint.model.importers import is_parameter
from regr_lint.model.values import Lit, Obj, Ref
from regr_lint.rule import Edit, Fix, Rule
from regr_lint.rules.rl502_removed_lr_argument import optimizer_keywords, spread_optimizer_keywords
from regr_lint.rules.rl503_private_keras_import import own_trees

SCHEDULE = "InverseTimeDecay"


class OptimizerDecayIgnored(Rule):
    code = "RL505"
    name = "optimizer-decay-ignored"
    summary = "Keras optimizer built with decay=: Keras 3 ignores it and trains without decay"
    severity = "error"  # Keras 3 silently trains without the decay; tf-keras raises
    tokens = ("keras", "decay")
    names = ("decay",)
    reads_partial_source = True  # judges a call or import by itself (see Rule.reads_partial_source)
    skips_unreachable = True  # a call after a `raise` in its block never runs (see Rule.skips_unreachable)
    docs = """\
## What it does
Finds a Keras optimizer (`Adam`, `SGD`, `RMSprop`, … in any import style, also a class held in a
variable, Keras 2's lowercase aliases such as `keras.optimizers.sgd`) constructed with the `decay=`
keyword, wherever the call stands (a dict of optimizers, a builder that forwards its own parameter).
The finding is at the keyword — or at the `"decay"` key of a dict written out and spread into the
optimizer (`SGD(**{"learning_rate": 0.01, "decay": 1e-6})`, `Adam(**dict(decay=1e-4))`), with no
fix there (the dict may serve other calls too).

Not reported: `weight_decay=`, a schedule's `decay_steps=` / `decay_rate=`, the legacy optimizers
(`keras.optimizers.legacy.SGD`, `adam_v2.Adam` of `keras.optimizers.adam_v2` still take `decay` where
they exist; Keras 3 cannot build them, which RL503 reports),
optimizers that are not Keras' (`tf.compat.v1.train.RMSPropOptimizer(decay=…)`, `torch.optim`),
moving averages and functions of your own with a `decay` parameter.
Code that can never run (after an unconditional `raise`, `return`, `continue` or `break` in its
block) is not reported.

## Why is this bad?
Keras 2 optimizers decayed the learning rate at every step: `lr / (1 + decay * iterations)`.
Keras 3 dropped the argument: `Adam(learning_rate=0.01, decay=1e-3)` only warns ("Argument `decay`
is no longer supported and will be ignored") and trains at a constant 0.01 — a schedule the author
tuned silently never happens, and late epochs take steps far larger than intended. The optimizers
of tf-keras (TensorFlow ≥ 2.11) raise `ValueError` instead.

Severity: error, although it looks like a deprecation: Keras 3 trains on without the schedule and
without an error, a silently different model (and tf-keras raises).

## Example
```python
opt = keras.optimizers.SGD(lr=0.01, momentum=0.9, decay=1e-6)
```

## Use instead
```python
opt = keras.optimizers.SGD(
    learning_rate=keras.optimizers.schedules.InverseTimeDecay(0.01, decay_steps=1, decay_rate=1e-6),
    momentum=0.9,
)
```

## Fix safety
Unsafe: the fix passes `learning_rate=keras.optimizers.schedules.InverseTimeDecay(<lr>,
decay_steps=1, decay_rate=<decay>)` and drops `decay=`. The schedule computes exactly Keras 2's
`lr / (1 + decay * iterations)`, but it brings back a decay that the program, run on Keras 3, no
longer has: its results change (as the author meant them to). `<lr>` is the call's
`learning_rate=`, its `lr=` (renamed `learning_rate=` as RL502 does) or its first positional
argument; without one, the class's default where Keras 2 and Keras 3 agree on it (`SGD` 0.01,
`Adam` and `RMSprop` 0.001; no fix for the others). The schedule is spelled through the module
the optimizer is read from (`tf.keras.optimizers.schedules…`) or through `keras`, with
`import keras` added when missing. No fix when the learning rate is already a schedule, when the
call passes both `lr=` and `learning_rate=` or `*args` / `**kwargs`, or for a lowercase alias
imported by name.

`decay=0` (Keras 2's default, often written out; also a name the file only ever binds to 0,
`DECAY = 0.0`) decays nothing: the fix just drops it, and that one is safe. A parameter is never
taken for 0 (`if decay is None: decay = 0.0` in a builder whose callers pass their own decay): its
decay goes into the schedule like any other.
"""
    VALID = [
        # a zero decay spread (Keras 2's default: nothing lost), a legacy optimizer's decay spread
        """\
from tensorflow import keras

ZERO = {"learning_rate": 0.01, "decay": 0.0}
opt = keras.optimizers.SGD(**ZERO)
legacy = keras.optimizers.legacy.SGD(**{"learning_rate": 0.1, "decay": 1e-3})  # noqa: RL503 (Keras 3 cannot build it)
""",
        # Keras 3 spellings, weight_decay, a schedule's decay_rate, the legacy optimizers
        """
import keras
import tensorflow as tf
schedule = keras.optimizers.schedules.ExponentialDecay(1e-2, decay_steps=1000, decay_rate=0.9)
opt = keras.optimizers.Adam(learning_rate=schedule)
adamw = keras.optimizers.AdamW(learning_rate=1e-3, weight_decay=1e-4)
legacy = tf.keras.optimizers.legacy.SGD(learning_rate=0.01, decay=1e-6)  # noqa: RL503 (tf-keras 2 only)
""",
        # optimizers of other libraries and moving averages
        """
import keras
import tensorflow as tf
import torch
rms = tf.compat.v1.train.RMSPropOptimizer(0.001, decay=0.9)
ema = tf.train.ExponentialMovingAverage(decay=0.999)
net = torch.nn.Linear(4, 1)
sgd = torch.optim.SGD(net.parameters(), lr=0.1, weight_decay=1e-4)
""",
        # functions and classes of the file with a decay parameter
        """
import keras
def step_decay(epoch, lr, drop=0.5, decay=None):
    return lr * drop ** (epoch // 10)
class Adam:
    def __init__(self, lr, decay=0.0):
        self.lr, self.decay = lr, decay
opt = Adam(0.1, decay=1e-3)
callback = keras.callbacks.LearningRateScheduler(lambda e, lr: step_decay(e, lr, decay=0.7))
""",
    ]
    INVALID = [
        # the settings dict spread into the optimizer holds the decay
        """\
from tensorflow import keras

SETTINGS = {"learning_rate": 0.01, "momentum": 0.9, "decay": 1e-6}  # expect: RL505
net = keras.Sequential([keras.Input((4,)), keras.layers.Dense(1)])
net.compile(loss="mse", optimizer=keras.optimizers.SGD(**SETTINGS))
""",
        """
from keras.models import Sequential
from keras.layers import Dense
from keras.optimizers import SGD
model = Sequential([Dense(1)])
sgd = SGD(lr=0.01, decay=1e-6, momentum=0.9, nesterov=True)  # expect: RL502, RL505
model.compile(loss="mse", optimizer=sgd)
""",
        # learning_rate=, a multi-line call, tf.keras, a module alias
        """
import tensorflow as tf
from tensorflow.keras import optimizers as opts
INIT_LR, EPOCHS = 1e-3, 50
adam = tf.keras.optimizers.Adam(learning_rate=INIT_LR, decay=INIT_LR / EPOCHS)  # expect: RL505
rms = opts.RMSprop(
    learning_rate=1e-3,
    rho=0.9,
    decay=1e-5,  # expect: RL505
)
""",
        # a builder forwarding its parameter, a dict of optimizers, a class in a variable, an alias
        """
import keras
from keras import optimizers
def make(rate, decay):
    return keras.optimizers.Adam(learning_rate=rate, decay=decay)  # expect: RL505
OPTS = {"sgd": optimizers.SGD(0.1, decay=1e-4), "adam": make(1e-3, 1e-5)}  # expect: RL505
opt_cls = keras.optimizers.Adagrad
ada = opt_cls(decay=1e-4)  # expect: RL505
old = optimizers.rmsprop(decay=1e-6)  # expect: RL505, RL503
""",
    ]

    def applies_to(self, path: str) -> bool:
        return not own_trees(path)  # Keras' and TensorFlow's own sources

    def check(self, facts):
        for kc, arg, alias in optimizer_keywords(facts, "decay"):
            cls = alias or kc.qualname.rpartition(".")[2]
            written = kc.qualname.rpartition(".")[2]
            if _is_zero(kc.args.kw["decay"][0], arg.value, kc.node, facts):
                # Keras 2's default written out: nothing to carry over, only a keyword to drop
                advice = "decay=0 decays nothing: drop it"
            else:
                advice = (f"pass learning_rate=keras.optimizers.schedules.{SCHEDULE}(lr, decay_steps=1, "
                          f"decay_rate=decay), Keras 2's lr / (1 + decay * step)")
            yield self.report(
                arg.keyword,
                f"{written}(decay=...): Keras 3 ignores decay (a warning, then a constant learning "
                f"rate) and tf-keras rejects it (ValueError); {advice}",
                _fix(facts, kc, arg, cls, alias),
            )
        for kc, key in spread_optimizer_keywords(facts, "decay"):
            value, _ = kc.args.kw["decay"]
            if type(value) is Lit and value.value == 0:
                continue  # (`"decay": 0.0` spread: Keras 2's default, nothing lost)
            yield self.report(
                key,
                f"{kc.qualname.rpartition('.')[2]}(**{{'decay': ...}}): Keras 3 ignores decay (a warning, "
                f"then a constant learning rate) and tf-keras rejects it (ValueError); pass "
                f"learning_rate=keras.optimizers.schedules.{SCHEDULE}(lr, decay_steps=1, decay_rate=decay)",
                None,
            )


def _fix(facts, kc, decay_arg, cls: str, alias: Optional[str]) -> Optional[Fix]:
    call = kc.node
    if kc.args.star or any(a.star for a in call.args):
        return None
    func = call.func
    edits = []
    if alias is not None:
        if not isinstance(func, cst.Attribute):
            return None  # `from keras.optimizers import adam`: the import has to change too
        if func.attr.value != alias:
            edits.append(Edit(func.attr, cst.Name(alias)))
    decay_value, _ = kc.args.kw["decay"]
    if _is_zero(decay_value, decay_arg.value, kc.node, facts):
        return Fix(safe=True, message="drop decay=0 (it decays nothing)",
                   edits=tuple(edits) + (Edit(decay_arg, cst.RemovalSentinel.REMOVE),))
    if "lr" in kc.args.kw and "learning_rate" in kc.args.kw:
        return None
    lr_value, lr_arg = kc.args.get("learning_rate", 0) if "lr" not in kc.args.kw else kc.args.kw["lr"]
    if lr_arg is not None and (lr_arg.star or _is_schedule(lr_value, lr_arg.value)):
        return None
    spelled = _schedules_module(facts, func, kc.qualname)
    if spelled is None:
        return None
    prefix, imports = spelled
    initial = lr_arg.value if lr_arg is not None else None
    if initial is None:
        default = tables.OPTIMIZER_DEFAULT_LEARNING_RATE.get(cls)
        if default is None:
            return None
        initial = cst.Float(default)
    tight = cst.AssignEqual(whitespace_before=cst.SimpleWhitespace(""), whitespace_after=cst.SimpleWhitespace(""))
    schedule = cst.Call(
        func=cst.parse_expression(f"{prefix}.{SCHEDULE}"),
        args=[cst.Arg(initial),
              cst.Arg(cst.Integer("1"), keyword=cst.Name("decay_steps"), equal=tight),
              cst.Arg(decay_arg.value, keyword=cst.Name("decay_rate"), equal=tight)],
    )
    if lr_arg is None:
        # the decay keyword becomes the learning rate, where it stands
        edits.append(Edit(decay_arg, decay_arg.with_changes(keyword=cst.Name("learning_rate"), value=schedule)))
    else:
        edits.append(Edit(lr_arg.value, schedule))
        if lr_arg.keyword is not None and lr_arg.keyword.value == "lr":
            edits.append(Edit(lr_arg.keyword, cst.Name("learning_rate")))
        edits.append(Edit(decay_arg, cst.RemovalSentinel.REMOVE))
    return Fix(safe=False, message=f"decay the learning rate with {SCHEDULE}(lr, decay_steps=1, decay_rate=decay)",
               edits=tuple(edits), imports=imports)


def _is_zero(value, node, call, facts) -> bool:
    """`decay=0` written out, or a name the file only ever binds to 0 (`DECAY = 0.0`) — never a
    parameter of the function making the optimizer `call`: a builder's `decay` set to 0 when its caller
    passes None holds whatever other callers pass (`make_optimizer(decay=args.decay)`), and the
    interpreter's value is one run's."""
    if isinstance(node, cst.Name):
        values = name_values(facts).get(node.value)
        if not values or is_parameter(node.value, call, facts) or not all(
                isinstance(v, (cst.Integer, cst.Float)) and _is_zero(None, v, call, facts) for v in values):
            return False
        return isinstance(value, Lit) and isinstance(value.value, (int, float)) \
            and not isinstance(value.value, bool) and value.value == 0
    if isinstance(node, (cst.Integer, cst.Float)):
        try:
            return float(node.evaluated_value) == 0.0
        except (TypeError, ValueError):
            return False
    return False


def _is_schedule(value, node) -> bool:
    """The learning rate is already a schedule (a Keras LearningRateSchedule, or unknown callable)."""
    if isinstance(value, (Obj, Ref)):
        q = value.qualname
        return "schedule" in q.lower() or q.rpartition(".")[2].endswith("Decay")
    if isinstance(node, cst.Call):
        name = node.func.attr.value if isinstance(node.func, cst.Attribute) else \
            node.func.value if isinstance(node.func, cst.Name) else ""
        return name.endswith(("Decay", "Schedule")) or "schedule" in name.lower()
    return False


def _schedules_module(facts, func, qualname: str) -> Optional[tuple[str, tuple]]:
    """(`keras.optimizers.schedules` as this file can spell it, the imports that needs), or None."""
    names = facts.name_bindings()
    if names is None:
        return None
    head = _head(func.value) if isinstance(func, cst.Attribute) else None
    if head is not None and qualname.count(".") == 2 and func.attr.value == qualname.rpartition(".")[2] \
            and names.of(head) and all(isinstance(node, (ast.Import, ast.ImportFrom)) for node, _ in names.of(head)):
        # `tf.keras.optimizers.Adam`, `optimizers.SGD`, `opts.RMSprop`: the module it is read from
        return f"{cst.Module([]).code_for_node(func.value)}.schedules", ()
    keras_bindings = names.of("keras")
    if keras_bindings and names.module_is_free("keras"):
        return "keras.optimizers.schedules", ("keras",)
    if keras_bindings and all(isinstance(node, ast.ImportFrom) and node.module == "tensorflow" and alias is not None
                              and alias.name == "keras" and alias.asname is None
                              for node, alias in keras_bindings):
        return "keras.optimizers.schedules", ()  # `from tensorflow import keras`
    for tf in ("tf", "tensorflow"):
        bindings = names.of(tf)
        if bindings and all(isinstance(node, ast.Import) and alias is not None and alias.name == "tensorflow"
                            and (alias.asname or "tensorflow") == tf for node, alias in bindings):
            return f"{tf}.keras.optimizers.schedules", ()
    if not keras_bindings:
        return "keras.optimizers.schedules", ("keras",)
    return None


def _head(node) -> Optional[str]:
    """`tf` for `tf.keras.optimizers`; None unless the node is a dotted name."""
    while isinstance(node, cst.Attribute):
        node = node.value
    return node.value if isinstance(node, cst.Name) else None
