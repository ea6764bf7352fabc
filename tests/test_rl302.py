"""RL302 (linear-network) beyond the rule's own VALID / INVALID examples: where it reports, that it
offers no fix, and the files and models it leaves alone."""
from __future__ import annotations

import textwrap

from regr_lint.engine.lint import lint_text
from regr_lint.engine.registry import load_rules
from regr_lint.fixes.apply import fix_text

ONLY = [r for r in load_rules() if r.code == "RL302"]

LINEAR = """\
import keras
from keras import layers
model = keras.Sequential([
    keras.Input(shape=(8,)),
    layers.Dense(64),
    layers.Dropout(0.1),
    layers.Dense(64),
    layers.Dense(1),
])
model.compile(optimizer="adam", loss="mse")
"""


def _lines(source: str, path: str = "t.py") -> list[int]:
    return [f.line for f in lint_text(textwrap.dedent(source), path, ONLY)]


def test_reported_once_at_the_first_hidden_dense():
    assert _lines(LINEAR) == [5]
    [finding] = lint_text(LINEAR, "t.py", ONLY)
    assert "2 hidden Dense layers" in finding.message


def test_no_fix_is_offered():
    result = fix_text(LINEAR, "t.py", ONLY, unsafe=True)
    assert result.text == LINEAR
    assert [f.line for f in result.findings] == [5]


def test_a_test_suite_module_is_skipped_but_a_script_named_like_one_is_not():
    suite = "import pytest\n" + LINEAR + "\ndef test_fit():\n    model.fit(x, y)\n"
    assert _lines(suite, "keras/src/models/sequential_test.py") == []
    assert _lines(suite, "tests/test_models.py") == []
    assert _lines(LINEAR, "test_model.py") == [5]  # a training script, no test cases in it
    assert _lines(suite, "train.py") == [6]


def test_functional_chain_with_a_trailing_activation_is_reported():
    source = """\
    import tensorflow as tf
    inp = tf.keras.Input(shape=(4,))
    h = tf.keras.layers.Dense(16, activation="linear")(inp)
    h = tf.keras.layers.Dense(3)(h)
    out = tf.nn.softmax(h)
    model = tf.keras.Model(inp, out)
    """
    assert _lines(source) == [3]


def test_unknown_layers_and_activations_keep_it_silent():
    for hidden in ('layers.Dense(64, activation=ACT)', "layers.Dense(64, **kwargs)",
                   "layers.LayerNormalization()", "layers.Masking()", "some_layer",
                   'layers.Activation("linear")', "layers.TimeDistributed(layers.Dense(4))"):
        source = LINEAR.replace("layers.Dropout(0.1)", hidden)
        assert _lines(source) == [], hidden


def test_a_model_reused_inside_another_is_silent():
    source = """\
    import keras
    from keras import layers
    body = keras.Sequential([layers.Dense(32), layers.Dense(16)])
    a = keras.Input(shape=(8,))
    b = keras.Input(shape=(8,))
    merged = layers.Concatenate()([body(a), body(b)])
    out = layers.Dense(1, activation="sigmoid")(layers.Dense(8, activation="relu")(merged))
    model = keras.Model([a, b], out)
    """
    assert _lines(source) == []


def test_a_pytest_module_needs_no_import_of_pytest_but_an_evaluation_script_is_not_one():
    # pytest collects `def test_…` functions that assert: no `import pytest` in the module
    suite = LINEAR + "\n\ndef test_fit():\n    hist = model.fit(x, y)\n    assert 'loss' in hist.history\n"
    assert _lines(suite, "tests/test_training.py") == []
    # a script named test_*.py that evaluates a model in a `def test(...)` asserts nothing
    script = LINEAR + "\n\ndef test_model(m, x_test, y_test):\n    return m.evaluate(x_test, y_test)\n"
    assert _lines(script, "test_model.py") == [5]
