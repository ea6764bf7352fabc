"""RL503 (and one RL101 message) bugs found by a run over the TensorFlow 2.21 wheel sources.

1. A chain in a function interpreted more than once was reported once per pass.
2. "Safe" fixes wrote imports that fail on Keras 3 (sub-modules made up from the private path,
   names the public module does not have) and the hint could disagree with the fix.
3. TensorFlow's own sources importing `tensorflow.python.keras` were reported.
4. RL101 said "Remove the metrics argument" when it removed `weighted_metrics`.
"""
from __future__ import annotations

import importlib.util
import json
import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from regr_lint.engine.lint import lint_file, lint_text
from regr_lint.engine.registry import load_rules
from regr_lint.knowledge import tables
from regr_lint.knowledge.public_api import PUBLIC_NAMES, PUBLIC_SUBMODULE_NAMES, PUBLIC_SUBMODULES, exports
from regr_lint.rules.rl503_private_keras_import import PrivateKerasImport, exempt, public_exists, public_symbol

RULES = load_rules()
RL503 = next(r for r in RULES if r.code == "RL503")
ROOT = Path(__file__).resolve().parents[1]


def _rl503(source: str, path: str = "t.py"):
    return [f for f in lint_text(textwrap.dedent(source), path, RULES) if f.code == "RL503"]


# -- 1. one finding per chain, however often its function is interpreted ----------------------------

def test_chain_in_a_called_function_is_reported_once():
    findings = _rl503("""
        import keras
        def f():
          return keras.engine.input_layer.Input((4,))
        def g():
          f()
        """)
    assert [(f.line, f.col) for f in findings] == [(4, 10)]
    assert findings[0].message.startswith("`keras.engine.input_layer.Input`")  # the longest chain
    assert findings[0].fix is not None and findings[0].fix.safe


def test_chains_reported_once_when_called_many_times():
    # tensorflow/lite/python/lite.py:1649 gave three findings per chain
    findings = _rl503("""
        import keras
        def convert(model):
            return isinstance(model, (keras.src.models.Functional, keras.src.models.Sequential))
        def a(m):
            convert(m)
        def b(m):
            convert(m)
            a(m)
        """)
    assert sorted(f.message.split("`")[1] for f in findings) == [
        "keras.src.models.Functional", "keras.src.models.Sequential"]


def test_same_as_a_top_level_call():
    top = _rl503("import keras\nx = keras.engine.input_layer.Input((4,))\n")
    nested = _rl503("import keras\ndef f():\n    x = keras.engine.input_layer.Input((4,))\nf()\nf()\n")
    assert len(top) == len(nested) == 1 and top[0].message == nested[0].message


# -- 2. fixes only to names known to exist; hints never made up -----------------------------------

NO_FIX = [
    # (import, a public module the hint may name or None)
    ("from tensorflow.python.keras.utils import generic_utils", "tensorflow.keras.utils"),
    ("from tensorflow.python.keras.utils.generic_utils import to_list", None),
    ("from tensorflow.python.keras.layers import core", "tensorflow.keras.layers"),
    ("from tensorflow.python.keras.losses import mean_squared_error", "tensorflow.keras.losses"),
    ("from tensorflow.python.keras.layers.recurrent import PeepholeLSTMCell", "tensorflow.keras.layers"),
    ("from tensorflow.python.keras.layers.legacy_rnn.rnn_cell_impl import LSTMCell", None),
    ("from tensorflow.python.keras.layers.recurrent import LSTM, PeepholeLSTMCell", "tensorflow.keras.layers"),
    ("from tensorflow.python.keras.applications import resnet50", "tensorflow.keras.applications"),
    ("from tensorflow.python.keras.datasets import mnist", "tensorflow.keras.datasets"),
    ("from keras.utils.np_utils import to_categorical, probas_to_classes", None),  # Keras 1's, gone
    ("import tensorflow.python.keras.layers.core as core", "tensorflow.keras.layers"),
    ("from tensorflow.python.keras import engine", "tensorflow.keras"),
    ("from tensorflow.python.keras import Sequential, engine", "tensorflow.keras"),
]


@pytest.mark.parametrize("source,module", [
    ("from tensorflow.python.keras.datasets import imdb", "tensorflow.keras.datasets"),
    ("from tensorflow.python.keras.datasets import boston_housing, mnist", "tensorflow.keras.datasets"),
    ("from tensorflow.python.keras.applications import resnet50", "tensorflow.keras.applications"),
])
def test_a_public_submodule_is_named_not_denied(source, module):
    """A module Keras 3 still has publicly (`tensorflow.keras.datasets.imdb`) is named as there, not
    said to have no public twin; no fix (what the file uses of a module is not checked)."""
    [finding] = _rl503(source + "\n")
    assert finding.fix is None and "no public twin" not in finding.message
    assert f"from `{module}`, its public module" in finding.message


@pytest.mark.parametrize("source,module", NO_FIX, ids=[s for s, _ in NO_FIX])
def test_no_fix_without_a_known_target(source, module):
    [finding] = _rl503(source + "\n")
    assert finding.fix is None  # no unsafe fix either: the rewritten import would fail
    dotted = [h for h in re.findall(r"`([\w.]+)`", finding.message.split(";", 1)[1]) if "." in h]
    # the hint names the public module only when the private module maps to it as a whole, and
    # never a sub-module of its own making (tensorflow.keras.utils.generic_utils, ….rnn_cell_impl)
    assert dotted == ([module] if module else [])


FIXED = [
    ("from tensorflow.python.keras.layers import Dense, LSTM", "tensorflow.keras.layers"),
    ("from tensorflow.python.keras.layers.recurrent import LSTM, GRU", "tensorflow.keras.layers"),
    ("from tensorflow.python.keras.layers.serialization import deserialize", "tensorflow.keras.layers"),
    ("from tensorflow.python.keras.losses import MeanSquaredError", "tensorflow.keras.losses"),
    ("from tensorflow.python.keras.metrics import RootMeanSquaredError", "tensorflow.keras.metrics"),
    ("from tensorflow.python.keras.utils import to_categorical", "tensorflow.keras.utils"),
    ("from tensorflow.python.keras.models import Sequential as Seq", "tensorflow.keras.models"),
    # TensorFlow's bundled Keras as a whole: its top-level names and public sub-modules
    ("from tensorflow.python.keras import Sequential, Model", "tensorflow.keras"),
    ("from tensorflow.python.keras import layers, backend as K", "tensorflow.keras"),
    ("from tensorflow_core.python.keras import Input", "tensorflow.keras"),
    ("from keras.layers.core import Dense, Activation", "keras.layers"),
    ("from keras.engine.topology import InputSpec, Layer", "keras.layers"),
    # Keras 2's `keras.engine` package re-exported its topology's and training's names
    ("from keras.engine import InputLayer, Layer", "keras.layers"),
    ("from keras.engine.topology import InputLayer", "keras.layers"),
    ("from keras.engine import Input, Model", "keras"),
    ("from keras.utils.np_utils import to_categorical", "keras.utils"),
    ("from tensorflow.keras.utils.np_utils import to_categorical", "tensorflow.keras.utils"),
    ("from keras.utils.np_utils import to_categorical, normalize", "keras.utils"),
    ("from keras.utils.data_utils import get_file", "keras.utils"),
    ("from keras.utils.data_utils import Sequence", "keras.utils"),
    ("from keras.utils.generic_utils import Progbar, CustomObjectScope", "keras.utils"),
    ("from keras.utils.layer_utils import get_source_inputs", "keras.utils"),
]


@pytest.mark.parametrize("source,home", FIXED, ids=[s for s, _ in FIXED])
def test_safe_fix_and_hint_agree(source, home):
    [finding] = _rl503(source + "\n")
    assert finding.fix is not None and finding.fix.safe
    assert finding.fix.fix.message == f"import from `{home}`"
    assert finding.message.endswith(f"; use `{home}`")
    names = [n.split(" as ")[0].strip() for n in source.split(" import ", 1)[1].split(",")]
    assert all(public_exists(f"{home}.{n}") for n in names)


@pytest.mark.parametrize("source,written", [
    ("import keras\nx = keras.engine.input_layer.Input((4,))\n", "keras.Input"),
    ("import tensorflow as tf\nx = tf.keras.layers.core.Dense(1)\n", "tf.keras.layers.Dense"),
    ("import tensorflow as tf\nx = tf.keras.engine.input_layer.Input((4,))\n", "tf.keras.Input"),
    ("from tensorflow import keras\nx = keras.engine.input_layer.Input((4,))\n", "keras.Input"),
])
def test_chain_fix_and_hint_agree(source, written):
    [finding] = _rl503(source)
    assert finding.fix.safe and finding.fix.fix.message == f"use `{written}`"
    assert finding.message.endswith(f"; use `{written}`")


def test_chain_to_a_name_keras3_lacks_has_no_fix():
    [finding] = _rl503("import tensorflow as tf\nc = tf.keras.layers.core.PeepholeLSTMCell\n")
    assert finding.fix is None
    assert "`tensorflow.keras.layers` is its public module" in finding.message


def test_every_table_target_is_a_known_public_name():
    for private, target in tables.PUBLIC_SYMBOLS.items():
        assert public_exists(target), (private, target)
    for private, public in tables.PUBLIC_MODULES.items():
        assert public == "tensorflow.keras" or public.startswith(("keras.", "tensorflow.keras.")), private
    for module in PUBLIC_NAMES:
        assert module == "keras" or module.startswith(("keras.", "tensorflow.keras")), module
        assert not any(n.startswith("_") for n in PUBLIC_NAMES[module])


def test_removed_hints_name_only_what_keras3_has():
    for path, hint in tables.REMOVED_KERAS_HINTS.items():
        for name in re.findall(r"`([\w.]+)`", hint):
            if name.startswith(("keras.", "tensorflow.keras.")):
                assert public_exists(name) or name in PUBLIC_NAMES, (path, name)  # a name, or a module
            elif path.startswith("keras.layers.") and name[0].isalpha() and name not in ("merge", "Merge"):
                assert public_exists(f"keras.layers.{name}"), (path, name)


@pytest.mark.parametrize("source,words", [
    ("from keras.layers import Input, merge\n", ["`keras.layers.concatenate`", "`keras.layers.Concatenate`"]),
    ("from keras.layers import Merge\n", ["`keras.layers.Concatenate`"]),
    ("import keras\nj = keras.layers.merge([a, b], mode='concat')\n", ["`keras.layers.concatenate`"]),
    ("from keras.utils.visualize_util import plot\n", ["`keras.utils.plot_model`"]),
    ("from keras.wrappers.scikit_learn import KerasRegressor\n", ["`scikeras`", "`keras.wrappers.SKLearnRegressor`"]),
    # the same names spelled through tf.keras, whose public API never exported them
    ("from tensorflow.keras.layers import merge\n", ["`keras.layers.concatenate`"]),
    ("from tensorflow.keras.layers import Input, Merge\n", ["`keras.layers.Concatenate`"]),
    ("import tensorflow as tf\nj = tf.keras.layers.merge([a, b], mode='concat')\n", ["`keras.layers.concatenate`"]),
    ("from tensorflow.keras.utils import visualize_util\n", ["`tensorflow.keras.utils.plot_model`"]),
])
def test_removed_keras_names_hint_the_keras3_way(source, words):
    [finding] = _rl503(source)
    assert finding.fix is None and all(w in finding.message for w in words)
    assert "use `keras.layers`" not in finding.message  # not a module that has no `merge`


def test_public_symbol_only_returns_known_names():
    privates = list(tables.PUBLIC_SYMBOLS) + [
        f"{m}.{n}" for m in tables.PUBLIC_MODULES for n in ("Dense", "LSTM", "to_list", "core", "Foo")]
    for path in privates:
        target = public_symbol(path)
        assert target is None or public_exists(target), path


def test_no_keras_or_tensorflow_import_at_lint_time(tmp_path):
    src = tmp_path / "m.py"
    src.write_text("from tensorflow.python.keras.layers import Dense\nimport keras\n"
                   "x = keras.engine.input_layer.Input((4,))\n")
    code = ("import sys, json\nfrom regr_lint.engine.lint import lint_file\nfrom regr_lint.engine.registry import load_rules\n"
            f"f = lint_file({str(src)!r}, load_rules())\n"
            "print(json.dumps([len(f), sorted(m for m in sys.modules if m.split('.')[0] in ('keras', 'tensorflow'))]))\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    count, loaded = json.loads(out.stdout.strip().splitlines()[-1])
    assert count == 2 and loaded == []


@pytest.mark.tensorflow
@pytest.mark.skipif(importlib.util.find_spec("keras") is None or importlib.util.find_spec("tensorflow") is None,
                    reason="Keras 3 and TensorFlow are not installed")
def test_public_names_match_installed_keras():
    """Where Keras 3 is installed: every name in the table (and so every fix target) exists, and
    every table target imports (in a subprocess: the test process stays free of TensorFlow)."""
    targets = sorted(set(tables.PUBLIC_SYMBOLS.values()))
    code = textwrap.dedent("""\
        import importlib, json, sys
        import keras
        if not keras.__version__.startswith("3."):
            print(json.dumps("skip")); sys.exit()
        table, targets, submodules, exports = json.load(sys.stdin)
        bad = [f"{m}.{n}" for m, names in table.items() for n in names
               if not hasattr(importlib.import_module(m), n)]
        bad += [f"{m}.{n} (module)" for m, names in submodules.items() for n in names
                if not isinstance(importlib.import_module(f"{m}.{n}"), type(sys))]
        # `exports`: everything each module recorded whole has, and nothing more
        import pkgutil
        for m, names in exports.items():
            module = importlib.import_module(m)
            have = {n for n in dir(module) if not n.startswith("_")}
            have |= {i.name for i in pkgutil.iter_modules(getattr(module, "__path__", []))
                     if not i.name.startswith("_")}
            bad += [f"{m}: {sorted(have ^ set(names))}"] if have != set(names) else []
        for t in targets:
            m, _, n = t.rpartition(".")
            try:
                exec(f"from {m} import {n}", {})
            except ImportError:
                bad.append(t)
        print(json.dumps(bad))
        """)
    table = {m: sorted(n) for m, n in PUBLIC_NAMES.items()}
    submodules = {m: sorted(n) for m, n in PUBLIC_SUBMODULES.items()}
    whole = {m: sorted(exports(m)) for m in {*PUBLIC_NAMES, *PUBLIC_SUBMODULE_NAMES}}
    out = subprocess.run([sys.executable, "-c", code], input=json.dumps([table, targets, submodules, whole]),
                         capture_output=True,
                         text=True, timeout=600, env={**os.environ, "TF_CPP_MIN_LOG_LEVEL": "3"})
    assert out.returncode == 0, out.stderr[-2000:]
    result = json.loads(out.stdout.strip().splitlines()[-1])
    if result == "skip":
        pytest.skip("the table was read from Keras 3")
    assert result == []


# -- 3. a package's own sources may use its own internals ------------------------------------------

TF_IMPORTS = "from tensorflow.python.keras import backend\nfrom tensorflow.python.keras.layers import Dense\n"
KERAS_SRC = "import keras\nx = (keras.src.models.Functional, keras.src.models.Sequential)\n"
KERAS2_IMPORTS = "from keras.engine.topology import Layer\nfrom keras.utils.layer_utils import print_summary\n"


@pytest.mark.parametrize("path,source,count", [
    # TensorFlow's bundled Keras 2, its generated API files, the rest of its Python sources
    ("tensorflow/python/keras/layers/recurrent.py", TF_IMPORTS, 0),
    ("tensorflow/_api/v2/compat/v1/nn/rnn_cell/__init__.py", TF_IMPORTS, 0),
    ("tensorflow/python/layers/core.py", TF_IMPORTS, 0),
    ("site-packages/tensorflow/python/training/learning_rate_decay.py", TF_IMPORTS, 0),
    # ... but not for Keras' internals
    ("tensorflow/lite/python/lite.py", KERAS_SRC, 2),
    ("tensorflow/python/saved_model/load.py", "import keras.optimizers.optimizer_v2 as _\n", 1),
    # Keras' own sources may use any Keras code base's internals (TensorFlow's copy of Keras 2 too)
    ("keras/src/models/model.py", KERAS_SRC, 0),
    ("keras/api/_tf_keras/keras/legacy/__init__.py", "from keras.legacy import saving as saving\n", 0),
    ("keras/src/models/model.py", TF_IMPORTS, 0),
    ("tf_keras/src/engine/training.py", "from tf_keras.src.engine import base_layer\n", 0),
    ("tf_keras/src/engine/training.py", KERAS_SRC, 0),
    # Keras 1 / 2's own modules straight under keras/ (a copy vendored into a repository)
    ("vendor/keras-master/keras/models.py", KERAS2_IMPORTS, 0),
    ("keras/engine/topology.py", KERAS2_IMPORTS, 0),
    ("keras-convlstm/keras/utils/visualize_util.py", KERAS2_IMPORTS, 0),
    # ... not its tests/keras/ folder, where a fork's own scripts sit beside the tests
    ("keras-convlstm/tests/keras/layers/my_cnn.py", KERAS2_IMPORTS, 2),
    # a user's project is never exempt, whatever it is called
    ("keras_examples/engine/train.py", KERAS2_IMPORTS, 2),
    ("tutorials/keras_demo/models.py", KERAS2_IMPORTS, 2),
    ("train.py", TF_IMPORTS, 2),
    ("my_tensorflow/python_scripts/train.py", TF_IMPORTS, 2),
    ("tensorflow_models/keras_src/train.py", KERAS_SRC, 2),
    ("projects/tensorflow/examples/train.py", TF_IMPORTS, 2),
])
def test_own_internals_exemption(tmp_path, path, source, count):
    assert len(_rl503(source, path)) == count
    # the same from a real file, with any working directory (the path is made absolute)
    file = tmp_path / path
    file.parent.mkdir(parents=True, exist_ok=True)
    file.write_text(source)
    assert len([f for f in lint_file(str(file), RULES) if f.code == "RL503"]) == count


def test_owners():
    # `tensorflow.keras.…` is Keras reached through TensorFlow: TensorFlow's tree does not own it
    assert not exempt("tensorflow/python/x.py", "tensorflow.keras.layers.core.Dense")
    assert exempt("tensorflow/python/x.py", "tensorflow.python.keras.engine")
    assert not exempt("tensorflow/python/x.py", "keras.src.models")
    assert exempt("keras/src/x.py", "keras.src.models")
    assert exempt("keras/src/x.py", "tensorflow.keras.engine")
    assert not exempt("train.py", "keras.src.models")


def test_exemption_does_not_depend_on_the_working_directory(tmp_path, monkeypatch):
    tree = tmp_path / "tensorflow" / "python" / "keras"
    tree.mkdir(parents=True)
    (tree / "m.py").write_text(TF_IMPORTS)
    (tmp_path / "user.py").write_text(TF_IMPORTS)
    for cwd, path in ((tmp_path, "tensorflow/python/keras/m.py"), (tree, "m.py")):
        monkeypatch.chdir(cwd)
        assert _rl503(TF_IMPORTS, path) == []
    monkeypatch.chdir(tree)
    assert len(_rl503(TF_IMPORTS, "../../../user.py")) == 2


@pytest.mark.parametrize("path,applies", [
    ("keras/src/models/model.py", False), ("keras/api/layers/__init__.py", False),
    ("tf_keras/src/engine/training.py", False),
    ("tensorflow/python/keras/models.py", True),  # keras.src is still reported there
    ("tensorflow/_api/v2/__init__.py", True), ("train.py", True), ("", True),
])
def test_applies_to_skips_only_where_nothing_could_be_reported(path, applies):
    assert RL503.applies_to(path) is applies
    # skipped only where every internal RL503 knows is exempt
    assert applies or all(exempt(path, p) for p in tables.PRIVATE_KERAS_PREFIXES)
    assert not applies or any(not exempt(path, p) for p in tables.PRIVATE_KERAS_PREFIXES)


def test_applies_to_follows_the_tables(monkeypatch):
    monkeypatch.setattr(tables, "PRIVATE_KERAS_PREFIXES", tables.PRIVATE_KERAS_PREFIXES + ("other.keras",))
    rule = PrivateKerasImport()
    assert rule.applies_to("keras/src/a.py")  # `other.keras` has no owner: it could be reported anywhere


# -- 4. RL101 names the argument it removes ---------------------------------------------------------

HEAD = "import keras\nmodel = keras.Sequential([keras.layers.Dense(1)])\n"


@pytest.mark.parametrize("call,message", [
    ('model.compile(loss="mse", weighted_metrics=["acc"])',
     "Remove the weighted_metrics argument (its only metric was 'acc')"),
    ('model.compile(loss="mse", weighted_metrics="acc")', "Remove the weighted_metrics argument 'acc'"),
    ('model.compile(loss="mse", metrics=["acc"])', "Remove the metrics argument (its only metric was 'acc')"),
    ('model.compile("adam", "mse", ["accuracy"])',
     "Remove the metrics argument (its only metric was 'accuracy')"),
    ('model.compile(loss="mse", weighted_metrics=["mae", "acc"])', "Remove metric 'acc'"),
])
def test_rl101_fix_message_names_the_argument(call, message):
    [finding] = [f for f in lint_text(HEAD + call + "\n", "t.py", RULES) if f.code == "RL101"]
    assert finding.fix.fix.message == message


@pytest.mark.parametrize("source", [
    "from tensorflow.keras.utils import np_utils\n",
    "import tensorflow.keras.utils.np_utils\n",
    "import tensorflow as tf\ny = tf.keras.utils.np_utils.to_categorical(labels)\n",
])
def test_np_utils_through_tf_keras_is_reported(source):
    """tf.keras never exported np_utils (Keras 1/2 keras.utils.np_utils): reported through tf.keras too."""
    [finding] = _rl503(source)
    assert "tensorflow.keras.utils.np_utils" in finding.message


def test_public_tf_keras_utils_are_not_reported():
    assert _rl503("from tensorflow.keras.utils import to_categorical, plot_model\n"
                  "from tensorflow.keras.layers import concatenate, Concatenate\n") == []


GONE_FROM_KERAS3 = ("keras.utils.training_utils", "keras.utils.multi_gpu_utils", "keras.utils.multi_gpu_model",
                    "keras.objectives", "keras.applications.mobilenetv2",
                    "keras.applications.imagenet_utils._obtain_input_shape", "keras.layers.AtrousConvolution1D",
                    "keras.layers.AtrousConvolution2D", "keras.layers.AtrousConv1D", "keras.layers.AtrousConv2D",
                    "keras.layers.Deconvolution2D", "keras.layers.Deconvolution3D", "keras.layers.Deconv2D",
                    "keras.layers.Deconv3D", "keras.layers.CuDNNLSTM", "keras.layers.CuDNNGRU", "keras.layers.Highway",
                    "keras.utils.test_utils",
                    "keras.layers.MaxoutDense", "keras.layers.TimeDistributedDense", "keras.models.Graph")


@pytest.mark.parametrize("path", GONE_FROM_KERAS3)
def test_keras_1_and_2_names_gone_from_keras3_are_reported(path):
    module, _, name = path.rpartition(".")
    [finding] = _rl503(f"from {module} import {name}\n")
    assert f"`{path}` is gone from Keras 3" in finding.message, finding.message


@pytest.mark.tensorflow
def test_the_names_reported_as_gone_are_gone_from_keras3():
    keras = pytest.importorskip("keras")
    if not keras.__version__.startswith("3."):
        pytest.skip("needs Keras 3")
    import importlib
    for path in GONE_FROM_KERAS3:
        try:
            importlib.import_module(path)
        except ImportError:
            module, _, name = path.rpartition(".")
            try:
                found = getattr(importlib.import_module(module), name, None)
            except ImportError:
                found = None
            assert found is None, path
        else:
            raise AssertionError(f"{path} imports on Keras {keras.__version__}")
    # and what the hints name instead is there
    importlib.import_module("keras.applications.mobilenet_v2")


@pytest.mark.parametrize("source,hint", [
    # a module imported from a private package: its own public twin (CyberZHG/keras-bert's notebook)
    ("from tensorflow.python import keras\n", "use `tensorflow.keras`"),
    # tf.keras 2's experimental namespace: the module's names live in keras.layers now
    ("from tensorflow.keras.layers.experimental import preprocessing\n",
     "the names of `preprocessing` are in `tensorflow.keras.layers`: import them from there"),
    ("from keras.layers.experimental.preprocessing import Rescaling\n", "use `keras.layers`"),
])
def test_a_module_imported_from_a_private_package_is_pointed_home(source, hint):
    [finding] = lint_text(source, "t.py", [RL503])
    assert finding.message.endswith(hint), finding.message


@pytest.mark.parametrize("source", [
    "import tensorflow as tf\nx = tf.contrib.keras.preprocessing.image.random_rotation(img, 10)\n",
    "from tensorflow.contrib.keras.python.keras.layers import Dense\n",
])
def test_tf_contrib_keras_is_named_as_tensorflow_1s_alias_not_an_internal(source):
    [finding] = _rl503(source)
    assert "TensorFlow 1's tf.contrib alias of Keras" in finding.message
    assert "internal" not in finding.message


def test_renamed_mobilenetv2_module_hint_reads_as_a_sentence():
    [finding] = _rl503("from keras.applications.mobilenetv2 import MobileNetV2\n")
    assert "renamed keras.applications.mobilenet_v2 after" in finding.message


def test_a_projects_own_sub_package_named_keras_is_not_keras_own_source(tmp_path):
    # `mylab/keras/__init__.py` beside `mylab/__init__.py` imports the real Keras (Keras is a
    # top-level package): its Keras 2 imports are reported like any project module's
    (tmp_path / "mylab" / "keras").mkdir(parents=True)
    (tmp_path / "mylab" / "__init__.py").write_text("")
    module = tmp_path / "mylab" / "keras" / "__init__.py"
    module.write_text(KERAS2_IMPORTS)
    assert len([f for f in lint_file(str(module), RULES) if f.code == "RL503"]) == 2
    # ... while a vendored Keras 2 tree (keras/ at the top of its folder) keeps its exemption
    vendored = tmp_path / "vendor" / "keras" / "__init__.py"
    vendored.parent.mkdir(parents=True)
    vendored.write_text(KERAS2_IMPORTS)
    assert not [f for f in lint_file(str(vendored), RULES) if f.code == "RL503"]


def test_keras2_models_reexport_of_input_is_gone_and_fixed_to_keras_input():
    # Keras 3's keras.models has Model, Sequential and the loaders, no Input (audit 41a)
    [imported] = _rl503("from keras.models import Input, Model\n")
    assert "is gone from Keras 3" in imported.message and imported.message.endswith("use `keras.Input`")
    [chain] = _rl503("import keras\nx = keras.models.Input((3,))\n")
    assert chain.fix is not None and chain.fix.safe
    assert not _rl503("from keras.models import Model, Sequential, load_model\n")


def test_keras_3s_private_tf_keras_package_is_called_private_not_gone():
    [private] = _rl503("from keras._tf_keras.keras.layers import Dense\n")
    assert "private package of Keras behind `tf.keras`" in private.message and "gone" not in private.message
    [gone] = _rl503("from keras.api._v2.keras import layers\n")
    assert "moved or is gone in Keras 3" in gone.message
