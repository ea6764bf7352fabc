"""RL202's int(...) fix of numpy's rounding, RL502's fix of the Keras 2 lowercase optimizer aliases."""
from __future__ import annotations

import textwrap

from regr_lint.engine.lint import lint_text
from regr_lint.engine.registry import load_rules
from regr_lint.fixes.apply import fix_text

RULES = [r for r in load_rules() if r.code in ("RL202", "RL502")]
HEAD = ("import numpy as np\nimport keras\nmodel = keras.Sequential([keras.layers.Dense(1)])\n"
        "model.compile(loss='mse')\n")


def _findings(source: str):
    return lint_text(textwrap.dedent(source), "t.py", RULES)


def _fixed(source: str, unsafe: bool = False) -> str:
    return fix_text(textwrap.dedent(source), "t.py", RULES, unsafe=unsafe).text


def test_rl202_numpy_ceil_in_the_call_is_wrapped_in_int_safely():
    src = HEAD + "model.fit(ds, steps_per_epoch=np.ceil(n / bs), epochs=2)\n"
    [f] = _findings(src)
    assert f.fix.fix.safe and "numpy.float64" in f.message
    assert _fixed(src) == HEAD + "model.fit(ds, steps_per_epoch=int(np.ceil(n / bs)), epochs=2)\n"


def test_rl202_numpy_rounding_read_elsewhere_is_unsafe():
    src = HEAD + "steps = np.floor(n / bs)\nprint(steps)\nmodel.fit(ds, steps_per_epoch=steps)\n"
    [f] = _findings(src)
    assert not f.fix.fix.safe
    assert _fixed(src) == src
    assert "steps = int(np.floor(n / bs))\n" in _fixed(src, unsafe=True)


def test_rl202_no_int_fix_when_int_is_bound_or_the_call_has_more_arguments():
    for tail in ("def f(int):\n    return int\nmodel.fit(ds, steps_per_epoch=np.ceil(n / bs))\n",
                 "from numpy import *\nmodel.fit(ds, steps_per_epoch=np.ceil(n / bs))\n",
                 "model.fit(ds, steps_per_epoch=np.round(n / bs, 1))\n"):
        [f] = _findings(HEAD + tail)
        assert f.fix is None


def test_rl502_lowercase_alias_attribute_is_fixed_to_the_class():
    src = "from keras import optimizers\nopt = optimizers.adam(lr=0.01, beta_1=0.8)\n"
    [f] = _findings(src)
    assert f.fix.fix.safe and "AttributeError" in f.message
    assert _fixed(src) == "from keras import optimizers\nopt = optimizers.Adam(learning_rate=0.01, beta_1=0.8)\n"


def test_rl502_lowercase_alias_by_name_or_with_learning_rate_has_no_fix():
    for src in ("from keras.optimizers import sgd\nopt = sgd(lr=0.01)\n",
                "import keras\nopt = keras.optimizers.nadam(lr=0.01, learning_rate=0.1)\n"):
        [f] = _findings(src)
        assert f.fix is None


def test_rl502_default_argument_is_reported_once():
    src = ("from keras.optimizers import Adam\n"
           "def train(model, opt=Adam(lr=1e-3)):\n    model.compile(optimizer=opt, loss='mse')\n"
           "train(m)\ntrain(m2)\n")
    [f] = _findings(src)
    assert f.line == 2
