"""RL301 (rank tracker, seq2seq evidence, the Flatten fix) and RL401 (which functions are losses,
what their bodies compute) beyond the rules' own VALID / INVALID examples."""
from __future__ import annotations

import ast
import textwrap

import libcst as cst
import pytest

from regr_lint.engine.lint import lint_text
from regr_lint.engine.registry import load_rules
from regr_lint.fixes.apply import fix_text
from regr_lint.model import build_facts
from regr_lint.model.losses import loss_functions
from regr_lint.model.ranks import head_on_unflattened

RULES = load_rules()
ONLY = {code: [r for r in RULES if r.code == code] for code in ("RL301", "RL401")}


def _lines(source: str, code: str) -> list[int]:
    return [f.line for f in lint_text(textwrap.dedent(source), "t.py", ONLY[code])]


def _fixed(source: str) -> str:
    result = fix_text(textwrap.dedent(source), "t.py", ONLY["RL301"], unsafe=True)
    ast.parse(result.text)
    assert result.findings == [], result.findings
    return result.text


# ---------------------------------------------------------------- RL301: the tracker
@pytest.mark.parametrize("middle, reported", [
    ("LSTM(8, return_sequences=True)", True),
    ("LSTM(8)", False),
    ("LSTM(8, return_sequences=False)", False),
    ("Bidirectional(GRU(8, return_sequences=True))", True),
    ("Bidirectional(GRU(8, return_sequences=True), merge_mode=None)", False),
    ("LSTM(8, return_sequences=True, return_state=True)", False),
    ("Conv1D(8, 3)", True),
    ("MaxPooling1D(2)", True),
    ("GlobalMaxPooling1D()", False),
    ("GlobalAveragePooling1D(keepdims=True)", False),
    ("Reshape((80,))", False),
    ("Reshape((10, 8))", False),
    ("Lambda(lambda t: t[:, -1])", False),
])
def test_rank_after_one_layer(middle, reported):
    source = f"""
    from keras.models import Sequential
    from keras.layers import *
    model = Sequential([Input(shape=(10, 8)), {middle}, Dropout(0.1), Dense(1)])
    """
    assert bool(_lines(source, "RL301")) is reported


def test_hidden_dense_per_step_then_flatten_is_silent():
    assert _lines("""
    import keras
    inp = keras.Input(shape=(20, 3))
    x = keras.layers.Conv1D(8, 3)(inp)
    x = keras.layers.Dense(4)(x)
    x = keras.layers.Flatten()(x)
    model = keras.Model(inp, keras.layers.Dense(1)(x))
    """, "RL301") == []


def test_merge_of_two_step_tensors_keeps_the_steps():
    assert _lines("""
    import keras
    inp = keras.Input(shape=(20, 3))
    a = keras.layers.Conv1D(8, 3, padding="same")(inp)
    b = keras.layers.LSTM(8, return_sequences=True)(inp)
    x = keras.layers.Concatenate()([a, b])
    out = keras.layers.Dense(1)(x)
    model = keras.Model(inp, out)
    """, "RL301") == [7]


def test_subclassed_model():
    assert _lines("""
    import tensorflow as tf
    class Net(tf.keras.Model):
        def __init__(self):
            super().__init__()
            self.rnn = tf.keras.layers.GRU(16, return_sequences=True)
            self.head = tf.keras.layers.Dense(1)
        def call(self, x):
            return self.head(self.rnn(x))
    model = Net()
    """, "RL301") == [7]


@pytest.mark.parametrize("targets", [
    "Y = np.load('y.npy').reshape(-1, 30, 1)",
    "Y = np.expand_dims(np.load('y.npy'), -1)",
    "Y = X[:, 1:]",
    "Y = pad_sequences(tags, maxlen=30)",
])
def test_sequence_targets_are_silent(targets):
    assert _lines(f"""
    import numpy as np
    from keras.models import Sequential
    from keras.layers import LSTM, Dense
    from keras.preprocessing.sequence import pad_sequences
    X = np.load("x.npy")
    {targets}
    model = Sequential([LSTM(8, input_shape=(30, 1), return_sequences=True), Dense(1)])
    model.compile(loss="mse", optimizer="adam")
    model.fit(X, Y)
    """, "RL301") == []


@pytest.mark.parametrize("targets, reported", [
    # Over steps a one-hot must encode labels shown to be one per sample: np.load() may hold a
    # tagger's 2-D tags.
    ("Y = to_categorical(np.load('labels.npy'), 6)", False),
    ("Y = to_categorical(df['activity'].values, 6)", True),
    ("Y = np.eye(6)[data[:, -1].astype(int)]", True),
    ("Y = np.eye(6)[np.load('labels.npy')]", False),  # over steps: a tagger's 2-D tags one-hot encoded?
    ("Y = pd.get_dummies(df['activity']).values", True),
    ("Y = df['activity'].values", True),
    ("Y = data[:, -1]", True),
    ("Y = df.iloc[:, 0]", True),
    ("(x_tr, Y), (x_te, y_te) = keras.datasets.reuters.load_data()", True),
    ("lb = LabelBinarizer()\n    Y = lb.fit_transform(df['activity'])", True),
    ("Y = tf.one_hot(np.load('labels.npy'), 6)", False),  # over steps: a tagger's 2-D tags one-hot encoded?
    ("Y = enc.fit_transform(df['activity'])", False),  # enc: unknown
    ("Y = np.load('labels.npy')", False),  # unknown rank: a tagger is possible
    ("Y = np.array([to_categorical(t, 6) for t in tags])", False),  # one-hot per token
    ("Y = to_categorical(pad_sequences(tags, maxlen=30), 6)", False),
    ("Y = np.eye(6)[pad_sequences(tags, maxlen=30)]", False),
    ("Y = to_categorical(np.load('t.npy').reshape(-1, 30, 1), 6)", False),
    ("Y = np.array([[[0, 1], [1, 0]], [[1, 0], [0, 1]]])", False),  # literal per-step targets
])
def test_multiclass_head_over_steps_needs_per_sample_targets(targets, reported):
    source = f"""
    import numpy as np
    import pandas as pd
    import keras
    import tensorflow as tf
    from sklearn.preprocessing import LabelBinarizer
    from keras.models import Sequential
    from keras.layers import LSTM, Dense
    from keras.utils import to_categorical
    from keras.preprocessing.sequence import pad_sequences
    {targets}
    model = Sequential([LSTM(8, input_shape=(30, 9), return_sequences=True), Dense(6, activation="softmax")])
    model.compile(loss="categorical_crossentropy", optimizer="adam")
    model.fit(X, Y)
    """
    assert bool(_lines(source, "RL301")) is reported


@pytest.mark.parametrize("targets, reported", [
    ("Y = to_categorical(np.load('labels.npy'), 43)", True),  # a Dense head on images: per-pixel tagging is not a thing
    ("Y = np.load('labels.npy')", False),
])
def test_multiclass_head_over_images_takes_any_one_hot_of_labels(targets, reported):
    source = f"""
    import numpy as np
    from keras.models import Sequential
    from keras.layers import Conv2D, MaxPooling2D, Dense
    from keras.utils import to_categorical
    {targets}
    model = Sequential()
    model.add(Conv2D(32, (5, 5), activation="relu", input_shape=(32, 32, 3)))
    model.add(MaxPooling2D(pool_size=(2, 2)))
    model.add(Dense(43, activation="softmax"))
    model.compile(loss="categorical_crossentropy", optimizer="adam")
    model.fit(X, Y)
    """
    assert bool(_lines(source, "RL301")) is reported


def test_multiclass_head_needs_every_fit_per_sample():
    assert _lines("""
    from keras.models import Sequential
    from keras.layers import LSTM, Dense
    from keras.utils import to_categorical
    model = Sequential([LSTM(8, input_shape=(30, 9), return_sequences=True), Dense(6, activation="softmax")])
    model.compile(loss="categorical_crossentropy", optimizer="adam")
    model.fit(X, to_categorical(labels, 6))
    model.fit(X2, Y2)
    """, "RL301") == []


def test_windows_unpacked_from_a_helper_keep_their_own_shapes():
    # xs gets windows (inputs), ys one value per window: the targets are per sample.
    assert _lines("""
    import numpy as np
    from keras.models import Sequential
    from keras.layers import LSTM, Dense
    def windows(a, n):
        xs, ys = [], []
        for i in range(len(a) - n):
            xs.append(a[i:i + n])
            ys.append(a[i + n])
        return np.array(xs), np.array(ys)
    X, y = windows(np.load("s.npy"), 30)
    model = Sequential([LSTM(8, input_shape=(30, 1), return_sequences=True), Dense(1)])
    model.compile(loss="mse", optimizer="adam")
    model.fit(X, y)
    """, "RL301") == [12]


def test_variable_length_input_and_autoencoder_are_silent():
    assert _lines("""
    import keras
    model = keras.Sequential([keras.layers.SimpleRNN(20, return_sequences=True, input_shape=[None, 1]),
                              keras.layers.Dense(1)])
    ae = keras.Sequential([keras.layers.LSTM(8, input_shape=(30, 2), return_sequences=True),
                           keras.layers.Dense(2)])
    ae.compile(loss="mse", optimizer="adam")
    ae.fit(x, x)
    """, "RL301") == []


def test_head_on_unflattened_names_the_source():
    module = cst.parse_module(textwrap.dedent("""
    import keras
    m = keras.Sequential([keras.layers.Conv1D(4, 3, input_shape=(9, 1)), keras.layers.MaxPooling1D(),
                          keras.layers.LSTM(4, return_sequences=True), keras.layers.Dense(1)])
    """))
    (model,) = build_facts(module).models
    found, seq2seq = head_on_unflattened(model)
    assert not seq2seq and [(h.source, h.rank) for h in found] == [("LSTM", 3)]


# ---------------------------------------------------------------- RL301: the fix
def test_fix_add_chain_imports_flatten_and_adds_a_statement():
    out = _fixed("""
    from tensorflow.keras.models import Sequential
    from tensorflow.keras.layers import LSTM, Dense
    model = Sequential()
    model.add(LSTM(8, input_shape=(10, 2), return_sequences=True))
    # the head
    model.add(Dense(1))
    """)
    assert "from tensorflow.keras.layers import LSTM, Dense, Flatten\n" in out
    assert "# the head\nmodel.add(Flatten())\nmodel.add(Dense(1))\n" in out


def test_fix_list_element_follows_the_files_spelling():
    out = _fixed("""
    import keras
    from keras import layers
    model = keras.Sequential([
        keras.Input(shape=(100, 3)),
        layers.Conv1D(32, 3),
        layers.Dense(1),
    ])
    """)
    assert "    layers.Conv1D(32, 3),\n    layers.Flatten(),\n    layers.Dense(1),\n" in out


def test_fix_functional_wraps_the_input():
    out = _fixed("""
    import tensorflow as tf
    inp = tf.keras.Input(shape=(30, 5))
    h = tf.keras.layers.GRU(4, return_sequences=True)(inp)
    out = tf.keras.layers.Dense(1)(h)
    model = tf.keras.Model(inp, out)
    """)
    assert "out = tf.keras.layers.Dense(1)(tf.keras.layers.Flatten()(h))" in out


def test_fix_reuses_an_imported_flatten():
    out = _fixed("""
    from keras.models import Sequential
    from keras.layers import Conv2D, Dense, Flatten
    model = Sequential([Conv2D(4, 3, input_shape=(8, 8, 1)), Dense(1)])
    """)
    assert "Sequential([Conv2D(4, 3, input_shape=(8, 8, 1)), Flatten(), Dense(1)])" in out
    assert out.count("Flatten") == 2


# ---------------------------------------------------------------- RL401
def test_losses_and_metrics_are_found_where_keras_gets_them():
    module = cst.parse_module(textwrap.dedent("""
    import keras
    from keras.utils import get_custom_objects
    def a(y_true, y_pred): return y_pred
    def b(y_true, y_pred): return y_pred
    def c(y_true, y_pred): return y_pred
    def d(y_true, y_pred): return y_pred
    def unused(y_true, y_pred): return y_pred
    model = keras.Sequential([keras.layers.Dense(1)])
    model.compile(loss=a, metrics={"out": [b]})
    keras.models.load_model("m.keras", custom_objects={"c": c})
    get_custom_objects()["d"] = d
    """))
    names = sorted(f.name.value for f in loss_functions(build_facts(module)))
    assert names == ["a", "b", "c", "d"]


@pytest.mark.parametrize("body, reported", [
    ("return K.sqrt(K.mean(K.square(y_pred - y_true), axis=-1))", True),
    ("return K.sqrt(K.mean(K.square(y_pred - y_true), axis=(-1,)))", True),
    ("return K.sqrt(K.mean(K.square(y_pred - y_true), axis=-1) + K.epsilon())", True),
    ("return K.mean((y_pred - y_true) ** 2, axis=-1) ** 0.5", True),
    ("return tf.sqrt(tf.reduce_mean(tf.math.squared_difference(y_true, y_pred), axis=-1))", True),
    ("e = y_pred - y_true\n        m = K.mean(e * e, axis=-1)\n        return K.sqrt(m)", True),
    ("return K.sqrt(K.mean(K.square(y_pred - y_true)))", False),
    ("return K.sqrt(K.mean(K.square(y_pred - y_true), axis=0))", False),
    ("return K.sqrt(K.sum(K.square(y_pred - y_true), axis=-1))", False),
    ("return K.sqrt(K.mean(K.square(y_pred - K.mean(y_pred)), axis=-1))", False),
    ("return math.sqrt(K.mean(K.square(y_pred - y_true), axis=-1))", False),
])
def test_per_sample_root(body, reported):
    source = f"""
    import math
    import tensorflow as tf
    from tensorflow.keras import backend as K
    def metric(y_true, y_pred):
        {body}
    model = tf.keras.Sequential([tf.keras.layers.Dense(1)])
    model.compile(optimizer="adam", loss="mse", metrics=[metric])
    """
    assert bool(_lines(source, "RL401")) is reported
