"""RL504 removed-keras-argument: one finding per keyword, the renames (safe, re-parsed, idempotent,
composing with RL501's), no fix where the meaning changed or the layer does not take the new name,
and the table of Keras 3 layers checked against Keras 3 itself where it is installed."""
from __future__ import annotations

import importlib.util
import inspect
import os
import subprocess
import sys
import textwrap

import pytest

from regr_lint.engine.lint import lint_text
from regr_lint.engine.registry import load_rules
from regr_lint.fixes.apply import fix_text
from regr_lint.knowledge import tables
from regr_lint.lazy import cst

ALL = load_rules()
RULES = [r for r in ALL if r.code == "RL504"]
UPGRADE = [r for r in ALL if r.code in ("RL501", "RL504")]
HEAD = "import keras\nfrom keras.layers import Dense, Conv2D, Embedding\n"


def _findings(source: str, rules=RULES):
    return [f for f in lint_text(textwrap.dedent(source), "t.py", rules) if f.code == "RL504"]


def _fixed(source: str, unsafe: bool = False, rules=RULES) -> str:
    return fix_text(textwrap.dedent(source), "t.py", rules, unsafe=unsafe).text


def test_one_finding_per_keyword_at_the_keyword():
    src = HEAD + "d = Dense(output_dim=1, init='uniform', W_regularizer=r, b_regularizer=r)\n"
    found = _findings(src)
    assert [(f.line, f.col) for f in found] == [(3, 11), (3, 25), (3, 41), (3, 58)]
    assert all(f.fix is not None and f.fix.fix.safe for f in found)


def test_renames_reparse_and_a_second_fix_changes_nothing():
    src = HEAD + textwrap.dedent("""\
        model = keras.Sequential([
            Embedding(1000, 16, init="uniform", W_regularizer=None),
            Conv2D(nb_filter=8, kernel_size=3, subsample=(2, 2), border_mode="same", init="he_normal"),
            keras.layers.Flatten(),
            Dense(output_dim=1, W_constraint=None, b_constraint=None),
        ])
        model.compile(optimizer="adam", loss="mse")
        model.fit(x, y, nb_epoch=3)
        """)
    once = _fixed(src)
    cst.parse_module(once)
    assert 'Embedding(1000, 16, embeddings_initializer="uniform", embeddings_regularizer=None)' in once
    assert ('Conv2D(filters=8, kernel_size=3, strides=(2, 2), padding="same", kernel_initializer="he_normal")'
            in once)
    assert "Dense(units=1, kernel_constraint=None, bias_constraint=None)" in once
    assert "model.fit(x, y, epochs=3)" in once
    assert _findings(once) == []
    assert _fixed(once) == once


def test_fit_generator_upgrade_composes_with_rl501():
    src = HEAD + "model = keras.models.load_model('m.h5')\nmodel.fit_generator(gen, steps_per_epoch=10, nb_epoch=2)\n"
    out = _fixed(src, rules=UPGRADE)
    assert out.endswith("model.fit(gen, steps_per_epoch=10, epochs=2)\n")
    assert _fixed(out, rules=UPGRADE) == out


def test_meaning_changed_is_reported_without_a_safe_fix():
    src = HEAD + textwrap.dedent("""\
        model = keras.models.load_model("m.h5")
        model.fit_generator(gen, samples_per_epoch=1000, nb_val_samples=200, validation_data=val)
        model.evaluate(x, y, nb_epoch=1)
        p = keras.layers.MaxPooling2D((2, 2), dim_ordering=ordering)
        """)
    found = _findings(src)
    assert [f.message.split(":")[0] for f in found] == [
        "fit_generator(samples_per_epoch=...)", "fit_generator(nb_val_samples=...)",
        "evaluate(nb_epoch=...)", "MaxPooling2D(dim_ordering=...)"]
    assert all(f.fix is None for f in found)
    assert "counts batches" in found[0].message
    assert _fixed(src, unsafe=True) == textwrap.dedent(src)


def test_literal_dim_ordering_has_an_unsafe_fix_only():
    src = HEAD + "c = Conv2D(8, 3, dim_ordering='th')\n"
    [f] = _findings(src)
    assert f.fix is not None and not f.fix.fix.safe
    assert _fixed(src) == src
    fixed = _fixed(src, unsafe=True)
    assert fixed.endswith("c = Conv2D(8, 3, data_format='channels_first')\n")
    assert _findings(fixed) == []


def test_no_fix_when_the_new_name_is_there_or_kwargs_may_hold_it():
    for line in ("d = Dense(8, init='uniform', kernel_initializer='zeros')\n",
                 "d = Dense(8, init='uniform', **opts)\n",
                 "d = keras.layers.Highway(init='uniform')\n",
                 "d = keras.layers.SeparableConv2D(8, 3, init='uniform')\n"):
        [f] = _findings(HEAD + line)
        assert f.fix is None, line


def test_not_keras_not_reported():
    src = textwrap.dedent("""\
        import keras
        from sklearn.cluster import KMeans
        from sklearn.decomposition import NMF
        class Dense(keras.layers.Layer):
            def __init__(self, output_dim, init="uniform", **kwargs):
                super().__init__(**kwargs)
        class Net:
            def fit(self, x, nb_epoch=1):
                return x
        layer = Dense(output_dim=4, init="normal")
        km = KMeans(n_clusters=3, init="random").fit(x)
        nmf = NMF(init="nndsvd")
        cfg = dict(nb_epoch=3, border_mode="same")
        Net().fit(x, nb_epoch=3)
        emb = keras.layers.Embedding(input_dim=10, output_dim=4)
        """)
    assert _findings(src) == []


def test_table_is_data_and_every_rename_target_is_in_the_layer_table():
    assert set(tables.REMOVED_ARGUMENT_REASONS) == {
        k for t in (tables.REMOVED_LAYER_ARGUMENTS, tables.REMOVED_MODEL_ARGUMENTS, tables.REMOVED_COMPILE_ARGUMENTS,
                    *tables.REMOVED_LAYER_KEYWORDS.values()) for k, v in t.items() if v is None}
    targets = {v for v in tables.REMOVED_LAYER_ARGUMENTS.values() if v} | {
        v for m in tables.REMOVED_ARGUMENT_LAYER_RENAMES.values() for v in m.values() if v}
    assert targets <= set(tables.KERAS3_LAYERS_TAKING)
    # a layer's own Keras 1 keywords are renamed only to what that layer takes in Keras 3
    for layer, keywords in tables.REMOVED_LAYER_KEYWORDS.items():
        for new in filter(None, keywords.values()):
            assert layer in tables.KERAS3_LAYERS_TAKING[new], (layer, new)


@pytest.mark.tensorflow
def test_keras3_layer_table_matches_keras3():
    keras = pytest.importorskip("keras")
    if not keras.__version__.startswith("3."):
        pytest.skip("needs Keras 3")
    for keyword, layers in tables.KERAS3_LAYERS_TAKING.items():
        for name in layers:
            target = getattr(keras.layers, name)  # a class, or a function (Input)
            params = inspect.signature(target if inspect.isfunction(target) else target.__init__).parameters
            assert keyword in params, (name, keyword)
    for name, kept in tables.KERAS3_LAYER_KEEPS.items():
        params = inspect.signature(getattr(keras.layers, name).__init__).parameters
        for keyword in kept - set(params):
            # read from **kwargs (InputLayer's batch_input_shape): taken without an error
            getattr(keras.layers, name)(**{keyword: (2, 3)})
        assert kept <= set(params) or "kwargs" in params, name
    with pytest.raises(ValueError, match="batch_input_shape"):
        keras.layers.LSTM(4, batch_input_shape=(2, 3, 1))
    # each layer's own Keras 1 keywords: Keras 3 rejects every one of them
    first = {"Dense": (4,), "SimpleRNN": (4,), "GRU": (4,), "LSTM": (4,), "ConvLSTM2D": (4, 3), "Conv1D": (4, 3),
             "Convolution1D": (4, 3), "Conv2D": (4, 3), "Convolution2D": (4, 3), "Conv3D": (4, 3),
             "Convolution3D": (4, 3), "SeparableConv2D": (4, 3), "SeparableConvolution2D": (4, 3),
             "Conv2DTranspose": (4, 3), "Dropout": (0.5,), "SpatialDropout1D": (0.5,), "SpatialDropout2D": (0.5,),
             "SpatialDropout3D": (0.5,), "GaussianDropout": (0.5,), "GaussianNoise": (0.1,)}
    for name, keywords in tables.REMOVED_LAYER_KEYWORDS.items():
        params = set(inspect.signature(getattr(keras.layers, name).__init__).parameters)
        for old in keywords:
            assert old not in params, (name, old)
            with pytest.raises((TypeError, ValueError)):
                getattr(keras.layers, name)(*first.get(name, ()), **{old: 1})
    # no other Keras 3 layer takes a removed keyword
    for name in dir(keras.layers):
        cls = getattr(keras.layers, name)
        if inspect.isclass(cls) and issubclass(cls, keras.layers.Layer):
            params = set(inspect.signature(cls.__init__).parameters)
            assert params & set(tables.REMOVED_LAYER_ARGUMENTS) <= tables.KERAS3_LAYER_KEEPS.get(name, set()), name


KERAS1_SCRIPT = """\
import numpy as np
from keras.models import Sequential
from keras.layers import Convolution2D, MaxPooling2D, Flatten, Dense, Embedding, LSTM, PReLU
from keras.layers import BatchNormalization, Conv1D, Dropout, GaussianNoise, MaxPooling1D
from keras.regularizers import l2
from keras.constraints import max_norm

rng = np.random.default_rng(0)
x = rng.normal(size=(64, 8, 8, 1)).astype("float32")
y = rng.normal(size=(64, 1)).astype("float32")
model = Sequential()
model.add(Convolution2D(4, 3, 3, border_mode="same", input_shape=(8, 8, 1)))
model.add(Convolution2D(nb_filter=4, kernel_size=3, subsample=(1, 1), border_mode="same", init="he_normal",
                        W_regularizer=l2(0.01), b_regularizer=l2(0.01), W_constraint=max_norm(3),
                        b_constraint=max_norm(3), dim_ordering="tf"))
model.add(MaxPooling2D((2, 2), border_mode="valid", dim_ordering="tf"))
model.add(Flatten())
model.add(Dense(output_dim=8, init="uniform"))
model.add(PReLU(init="zeros"))
model.add(Dense(1))
model.compile(optimizer="adam", loss="mse")
model.fit(x, y, nb_epoch=2, batch_size=16, verbose=0)
t = rng.integers(0, 50, size=(64, 5))
m2 = Sequential([Embedding(50, 8, init="uniform", W_regularizer=l2(0.01), W_constraint=max_norm(2)),
                 Conv1D(8, filter_length=2, subsample_length=1, bias=True),
                 MaxPooling1D(pool_length=2, stride=1), BatchNormalization(beta_init="zeros", gamma_init="ones"),
                 LSTM(output_dim=4, init="glorot_uniform", inner_init="orthogonal", inner_activation="sigmoid",
                      dropout_W=0.1, dropout_U=0.1),
                 Dropout(p=0.2), GaussianNoise(sigma=0.1), Dense(1, bias=True)])
m2.compile(optimizer="adam", loss="mse")
m2.fit(t, y, nb_epoch=1, verbose=0)
print("TRAINED")
print("KERNEL", model.layers[0].kernel_size, model.layers[0].strides)
"""


@pytest.mark.tensorflow
@pytest.mark.slow
@pytest.mark.skipif(importlib.util.find_spec("tensorflow") is None, reason="needs TensorFlow")
def test_every_rename_runs_on_keras3(tmp_path):
    """Each keyword of the table, fixed (dim_ordering with --unsafe-fixes), trains on Keras 3."""
    fixed = _fixed(KERAS1_SCRIPT, unsafe=True)
    assert _findings(fixed) == [] and _fixed(fixed, unsafe=True) == fixed
    script = tmp_path / "k1.py"
    script.write_text(fixed)
    run = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=600,
                         env={**os.environ, "KERAS_BACKEND": "tensorflow"})
    assert run.returncode == 0 and "TRAINED" in run.stdout, run.stderr[-2000:]
    # Keras 1's Convolution2D(4, 3, 3): a 3x3 kernel moved one pixel at a time, as Keras 1 read it
    assert "KERNEL (3, 3) (1, 1)" in run.stdout, run.stdout


def test_a_model_methods_rename_is_unsafe_on_an_object_of_unknown_type():
    # `model` is a parameter: a project wrapper's own fit_generator(..., nb_epoch=) may be what it
    # calls, and renaming the keyword would break that call
    src = "import keras\ndef train(model, gen):\n    return model.fit_generator(gen, 4, nb_epoch=2)\n"
    [f] = _findings(src)
    assert f.fix is not None and not f.fix.fix.safe
    assert _fixed(src) == src
    assert "epochs=2" in _fixed(src, unsafe=True)
    built = "import keras\nm = keras.Sequential([keras.layers.Dense(1)])\nm.fit(x, y, nb_epoch=2)\n"
    [f] = _findings(built)
    assert f.fix is not None and f.fix.fix.safe
    # Keras 1's Model(input=, output=) is Keras' own model, its layers unread: still certain
    keras1 = "from keras.models import Model\nm = Model(input=a, output=b)\nm.fit(x, y, nb_epoch=2)\n"
    assert [f.fix.fix.safe for f in _findings(keras1)] == [True, True, True]


def test_keras1_positional_kernel_is_fixed_with_the_keyword():
    # Convolution2D(32, 3, 3): Keras 1's nb_row, nb_col; Keras 3 reads the second 3 as strides=, so
    # renaming border_mode= alone would make the error a convolution that strides without a word
    src = "from keras.layers import Convolution2D, Conv2D\nc = Convolution2D(32, 3, 3, subsample=(2, 2), border_mode='same')\n"
    found = _findings(src)
    assert len(found) == 2 and all("kernel_size=(3, 3)" in f.message and f.fix.fix.safe for f in found)
    fixed = _fixed(src)
    assert fixed.endswith("c = Convolution2D(32, (3, 3), strides=(2, 2), padding='same')\n")
    assert _findings(fixed) == [] and _fixed(fixed) == fixed
    three = "from keras.layers import Convolution3D\nc = Convolution3D(8, k, k, k, init='he_normal')\n"
    assert _fixed(three).endswith("c = Convolution3D(8, (k, k, k), kernel_initializer='he_normal')\n")
    # Keras 1's init by position after the kernel: Keras 3 would read it as padding=; no safe rewrite
    more = "from keras.layers import Convolution2D\nc = Convolution2D(32, 3, 3, 'he_normal', border_mode='same')\n"
    [f] = _findings(more)
    assert "kernel_size=(3, 3)" in f.message and not f.fix.fix.safe
    assert _fixed(more) == more
    # Keras 2's forms: a tuple kernel, strides= or kernel_size= by keyword: the positional third is strides
    for call in ("Conv2D(32, (3, 3), 2, border_mode='same')", "Conv2D(32, 3, strides=2, border_mode='same')",
                 "Conv2D(32, kernel_size=3, border_mode='same')"):
        [f] = _findings("from keras.layers import Conv2D\nc = " + call + "\n")
        assert "kernel_size=(" not in f.message
        assert _fixed("from keras.layers import Conv2D\nc = " + call + "\n").count("padding='same'") == 1


CALLBACKS = """\
from tensorflow.keras.callbacks import ModelCheckpoint, ReduceLROnPlateau, TensorBoard
cbs = [ModelCheckpoint("w.h5", monitor="val_loss", period=5),
       ReduceLROnPlateau(monitor="val_loss", factor=0.5, epsilon=0.001),
       TensorBoard(log_dir="logs", write_grads=True, batch_size=32, embeddings_layer_names=["emb"])]
"""


def test_callback_keywords_keras3_dropped_are_reported_at_the_keyword():
    found = _findings(CALLBACKS)
    assert [(f.line, f.message.split(":")[0]) for f in found] == [
        (2, "ModelCheckpoint(period=...)"), (3, "ReduceLROnPlateau(epsilon=...)"),
        (4, "TensorBoard(write_grads=...)"), (4, "TensorBoard(batch_size=...)"),
        (4, "TensorBoard(embeddings_layer_names=...)")]
    assert "ignores epsilon=" in found[1].message and "rejects period=" in found[0].message


def test_reduce_lr_on_plateau_epsilon_is_renamed_min_delta_safely():
    fixed = _fixed(CALLBACKS)
    assert "ReduceLROnPlateau(monitor=\"val_loss\", factor=0.5, min_delta=0.001)" in fixed
    assert "period=5" in fixed and "write_grads=True" in fixed  # no Keras 3 keyword takes their place
    # ... not when min_delta= is given too
    both = "import keras\ncb = keras.callbacks.ReduceLROnPlateau(epsilon=0.01, min_delta=0.1)\n"
    assert _fixed(both) == both and len(_findings(both)) == 1


def test_callback_keywords_only_on_keras_callbacks():
    own = textwrap.dedent("""\
        import keras
        class ModelCheckpoint:
            def __init__(self, path, period=1):
                self.period = period
        cb = ModelCheckpoint("w.h5", period=5)
        ok = [keras.callbacks.ModelCheckpoint("w.keras", save_freq="epoch"),
              keras.callbacks.ReduceLROnPlateau(min_delta=0.001), keras.callbacks.TensorBoard(log_dir="logs")]
        """)
    assert _findings(own) == []


@pytest.mark.tensorflow
def test_callback_table_matches_keras3():
    keras = pytest.importorskip("keras")
    if not keras.__version__.startswith("3."):
        pytest.skip("needs Keras 3")
    first = {"ModelCheckpoint": ("w.keras",)}
    classes = [(keras.callbacks, tables.REMOVED_CALLBACK_KEYWORDS), (keras.optimizers, tables.REMOVED_OPTIMIZER_KEYWORDS)]
    for module, name, keywords in [(m, n, k) for m, table in classes for n, k in table.items()]:
        cls = getattr(module, name)
        params = set(inspect.signature(cls.__init__).parameters)
        for old, new in keywords.items():
            assert old not in params, (name, old)
            assert new is None or new in params, (name, new)
            if (name, old) in tables.IGNORED_CALLBACK_KEYWORDS:
                # taken into **kwargs and dropped: the callback keeps its default
                callback = cls(*first.get(name, ()), **{old: 0.123})
                assert getattr(callback, new) != 0.123
            else:
                with pytest.raises((TypeError, ValueError)):
                    cls(*first.get(name, ()), **{old: 1})


def test_a_keras2_stride_by_position_is_not_read_as_keras1_kernel():
    # `batch_input_shape=` is Keras 2's too: beside it, Conv2D(8, 3, 2) is filters, kernel, strides
    [finding] = _findings("""
        import tensorflow as tf
        net = tf.keras.Sequential([tf.keras.layers.Conv2D(8, 3, 2, padding="same", batch_input_shape=(32, 16, 16, 1))])
    """)
    assert "batch_input_shape" in finding.message and "kernel size" not in finding.message
    # with a keyword only Keras 1 took, the positional 3, 3 are its kernel axes
    found = _findings("""
        from keras.layers import Convolution2D
        conv = Convolution2D(32, 3, 3, border_mode="same", batch_input_shape=(8, 28, 28, 1))
    """)
    assert found and all("kernel" in f.message for f in found if "border_mode" in f.message)
