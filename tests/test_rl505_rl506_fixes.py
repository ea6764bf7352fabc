"""RL505's InverseTimeDecay fix (alone and composed with RL502's lr= rename) and RL506's fixes by head:
each result re-parses, is what Keras 2 computed, and a second pass changes nothing."""
from __future__ import annotations

import ast
import textwrap

import pytest

from regr_lint.engine.lint import lint_text
from regr_lint.engine.registry import load_rules
from regr_lint.fixes.apply import fix_text

ALL = load_rules()
RL505 = [r for r in ALL if r.code == "RL505"]
RL506 = [r for r in ALL if r.code == "RL506"]


def _fixed(source: str, rules=ALL, unsafe: bool = True) -> str:
    text = fix_text(textwrap.dedent(source), "t.py", rules, unsafe=unsafe).text
    ast.parse(text)
    again = fix_text(text, "t.py", rules, unsafe=unsafe)
    assert again.text == text and not again.changed, "a second --fix changed the file"
    return text


def _findings(source: str, rules):
    return lint_text(textwrap.dedent(source), "t.py", rules)


SCHEDULE = "keras.optimizers.schedules.InverseTimeDecay"


@pytest.mark.parametrize("call,expected", [
    # lr= before decay= (RL502 comes first) and after it (RL505 comes first): the same result
    ("SGD(lr=0.01, decay=1e-6, momentum=0.9)",
     f"SGD(learning_rate={SCHEDULE}(0.01, decay_steps=1, decay_rate=1e-6), momentum=0.9)"),
    ("SGD(decay=1e-6, momentum=0.9, lr=0.01)",
     f"SGD(momentum=0.9, learning_rate={SCHEDULE}(0.01, decay_steps=1, decay_rate=1e-6))"),
    ("SGD(learning_rate=rate, decay=rate / epochs)",
     f"SGD(learning_rate={SCHEDULE}(rate, decay_steps=1, decay_rate=rate / epochs))"),
    ("SGD(0.05, 0.9, decay=1e-3)", f"SGD({SCHEDULE}(0.05, decay_steps=1, decay_rate=1e-3), 0.9)"),
    # no learning rate: the class's default, where the decay keyword was
    ("SGD(momentum=0.9, decay=1e-4, nesterov=True)",
     f"SGD(momentum=0.9, learning_rate={SCHEDULE}(0.01, decay_steps=1, decay_rate=1e-4), nesterov=True)"),
    # decay=0 decays nothing: dropped (and lr= renamed by RL502)
    ("SGD(lr=0.1, decay=0.0)", "SGD(learning_rate=0.1)"),
])
def test_rl505_fix_composes_with_rl502(call, expected):
    head = "import keras\nfrom keras.optimizers import SGD\n"
    assert _fixed(head + f"opt = {call}\n") == head + f"opt = {expected}\n"


def test_rl505_fix_alone_renames_lr_too():
    src = "import keras\nopt = keras.optimizers.Adam(lr=1e-3, decay=1e-5)\n"
    assert _fixed(src, RL505) == (
        "import keras\nopt = keras.optimizers.Adam(learning_rate=keras.optimizers.schedules.InverseTimeDecay("
        "1e-3, decay_steps=1, decay_rate=1e-5))\n")


def test_rl505_spells_the_schedule_through_the_optimizer_module_or_adds_import_keras():
    src = "import tensorflow as tf\nopt = tf.keras.optimizers.RMSprop(learning_rate=1e-3, decay=1e-5)\n"
    assert "tf.keras.optimizers.schedules.InverseTimeDecay(1e-3, decay_steps=1, decay_rate=1e-5)" in _fixed(src)
    src = "from tensorflow.keras import optimizers as opts\nopt = opts.Adam(learning_rate=1e-3, decay=1e-5)\n"
    assert "opts.schedules.InverseTimeDecay(" in _fixed(src)
    src = '"""Train."""\nfrom tensorflow.keras.optimizers import Adam\nopt = Adam(learning_rate=1e-3, decay=1e-5)\n'
    assert _fixed(src) == ('"""Train."""\nimport keras\nfrom tensorflow.keras.optimizers import Adam\n'
                           f"opt = Adam(learning_rate={SCHEDULE}(1e-3, decay_steps=1, decay_rate=1e-5))\n")
    src = "from tensorflow import keras\nfrom keras.optimizers import Adam\nopt = Adam(learning_rate=1e-3, decay=1e-5)\n"
    assert _fixed(src).count("import keras") == 1  # `from tensorflow import keras` already binds it


def test_rl505_lowercase_alias_becomes_the_class():
    src = "from keras import optimizers\nopt = optimizers.adam(decay=1e-4, lr=0.01)\n"
    assert _fixed(src) == ("from keras import optimizers\nopt = optimizers.Adam(learning_rate=optimizers.schedules."
                           "InverseTimeDecay(0.01, decay_steps=1, decay_rate=1e-4))\n")


@pytest.mark.parametrize("src", [
    "import keras\nopt = keras.optimizers.Adam(learning_rate=keras.optimizers.schedules.ExponentialDecay(0.1, 10, 0.9), decay=1e-4)\n",
    "import keras\nopt = keras.optimizers.Adam(lr=0.1, learning_rate=0.1, decay=1e-4)\n",
    "import keras\ndef make(decay, **kw):\n    return keras.optimizers.Adam(decay=decay, **kw)\n",
    "import keras\nopt = keras.optimizers.Nadam(decay=1e-4)\n",  # Keras 2's default was 0.002, Keras 3's 0.001
    "from keras.optimizers import adam\nopt = adam(learning_rate=0.1, decay=1e-4)\n",
    "import keras\nfrom keras.optimizers import Adam\nkeras = None\nopt = Adam(learning_rate=0.1, decay=1e-4)\n",
])
def test_rl505_reported_without_fix(src):
    [f] = [f for f in _findings(src, RL505)]
    assert f.fix is None


def test_rl505_fix_is_unsafe_and_decay_zero_is_safe():
    [f] = _findings("import keras\nopt = keras.optimizers.SGD(learning_rate=0.1, decay=1e-3)\n", RL505)
    assert not f.fix.fix.safe and (f.line, f.col) == (2, 47)
    assert "InverseTimeDecay" in f.message
    [f] = _findings("import keras\nopt = keras.optimizers.SGD(learning_rate=0.1, decay=0)\n", RL505)
    assert f.fix.fix.safe
    # Keras 2's default written out: the message says what the fix does, no schedule to carry over
    assert "decay=0 decays nothing: drop it" in f.message and "InverseTimeDecay" not in f.message


HEAD = """\
import keras
from keras.layers import Dense, Input
model = keras.Sequential([Input((4,)), Dense(8, activation="relu"), Dense({units}, activation="{act}")])
model.compile(optimizer="adam", loss="{loss}")
"""


def test_rl506_softmax_head_takes_the_argmax_and_imports_numpy_when_missing():
    head = HEAD.format(units=3, act="softmax", loss="sparse_categorical_crossentropy")
    assert _fixed(head + "c = model.predict_classes(x, batch_size=8)\n") == \
        "import numpy\n" + head + "c = numpy.argmax(model.predict(x, batch_size=8), axis=-1)\n"
    assert _fixed("import numpy as np\n" + head + "c = model.predict_classes(x)\n") == \
        "import numpy as np\n" + head + "c = np.argmax(model.predict(x), axis=-1)\n"


def test_rl506_sigmoid_unit_is_thresholded():
    head = HEAD.format(units=1, act="sigmoid", loss="binary_crossentropy")
    assert _fixed(head + "print(model.predict_classes(x)[:5])\n") == \
        head + 'print((model.predict(x) > 0.5).astype("int32")[:5])\n'


def test_rl506_predict_proba_is_predict():
    head = HEAD.format(units=1, act="sigmoid", loss="binary_crossentropy")
    assert _fixed(head + "p = model.predict_proba(x)\n") == head + "p = model.predict(x)\n"
    assert _fixed(head + "p = model.predict_proba(x)\n", unsafe=False) == head + "p = model.predict_proba(x)\n"


@pytest.mark.parametrize("src", [
    HEAD.format(units=1, act="linear", loss="mse") + "c = model.predict_classes(x)\n",
    HEAD.format(units=4, act="sigmoid", loss="binary_crossentropy") + "c = model.predict_classes(x)\n",
    "import keras\nmodel = keras.models.load_model('m.h5')\nc = model.predict_classes(x)\n",
    "import keras\ndef label(net, x):\n    return net.predict_classes(x)\n",
])
def test_rl506_unknown_head_has_no_fix(src):
    [f] = _findings(src, RL506)
    assert f.fix is None


def test_rl506_parameter_predict_proba_needs_keras_evidence():
    src = "import keras\ndef score(clf, x, y):\n    clf.fit(x, y)\n    return clf.predict_proba(x)\n"
    assert _findings(src, RL506) == []
    src = "import keras\ndef score(net, x, y):\n    net.train_on_batch(x, y)\n    return net.predict_proba(x)\n"
    assert [f.line for f in _findings(src, RL506)] == [4]
    src = "import keras\ndef score(net, x, y):\n    print(net.evaluate(x, y))\n    return net.predict_proba(x)\n"
    assert [f.line for f in _findings(src, RL506)] == [4]


def test_rl505_a_parameter_set_to_zero_when_none_is_not_dropped_as_zero():
    # the builder's own run sees decay = 0.0, but callers pass their own (`make(decay=args.decay)`):
    # the decay is carried into the schedule, never dropped as "decays nothing"
    src = textwrap.dedent("""\
        import keras


        def make(decay=None, learning_rate=0.001):
            if decay is None:
                decay = 0.0
            return keras.optimizers.Adam(learning_rate=learning_rate, decay=decay)
        """)
    [finding] = _findings(src, RL505)
    assert "decays nothing" not in finding.message
    assert f"learning_rate={SCHEDULE}(learning_rate, decay_steps=1, decay_rate=decay)" in _fixed(src, RL505)


def test_rl505_a_name_only_ever_bound_to_zero_is_dropped():
    src = "import keras\nDECAY = 0.0\nopt = keras.optimizers.Adam(learning_rate=0.01, decay=DECAY)\n"
    [finding] = _findings(src, RL505)
    assert "decays nothing" in finding.message
    assert _fixed(src, RL505) == "import keras\nDECAY = 0.0\nopt = keras.optimizers.Adam(learning_rate=0.01)\n"
