"""The module index (regr_lint/project/index.py): import names to the project's files, module summaries,
names followed through re-exports and star imports. Real files in a temporary project; nothing is
imported (the tests check that too)."""
from __future__ import annotations

import os
import sys
import textwrap
from pathlib import Path

import pytest

from regr_lint.project.index import External, ProjectIndex, Resolved, summarise


def tree(root: Path, files: dict[str, str]) -> Path:
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text))
    return root


def p(root: Path, rel: str) -> str:
    return str((root / rel).resolve())


# --------------------------------------------------------------------------- flat scripts

def test_flat_scripts(tmp_path):
    tree(tmp_path, {
        "models.py": """\
            from keras.models import Sequential
            from keras.layers import Dense
            UNITS = 1
            def build(units=UNITS):
                return Sequential([Dense(units, activation="sigmoid")])
            """,
        "train.py": """\
            from models import build
            import models as m
            model = build()
            model.compile(loss="mse")
            """,
    })
    index = ProjectIndex(tmp_path, [tmp_path / "train.py"])
    train = p(tmp_path, "train.py")
    assert index.module_file("models", train) == p(tmp_path, "models.py")
    assert index.resolve("models", "build", train) == (p(tmp_path, "models.py"), "build")
    assert index.resolve("models", "UNITS", train) == Resolved(p(tmp_path, "models.py"), "UNITS")
    assert index.resolve("models", None, train) == (p(tmp_path, "models.py"), None)
    # what train.py's own `m` is, asked of train.py as a module
    assert index.resolve("train", "m", train) == (p(tmp_path, "models.py"), None)
    summary = index.summary(p(tmp_path, "models.py"))
    assert summary.keras and summary.error is None
    assert summary.binding("UNITS").kind == "constant" and summary.binding("UNITS").value == 1
    assert summary.binding("build").kind == "function" and summary.binding("build").line == 4
    # train.py imports no Keras, but the model it fits comes from a module that does
    assert not index.summary(train).keras
    assert index.uses_keras(train)
    assert index.dependencies(train) == [p(tmp_path, "models.py")]


def test_a_module_that_touches_nothing_keras(tmp_path):
    tree(tmp_path, {"io_utils.py": "import csv\ndef read(path):\n    return list(csv.reader(open(path)))\n",
                    "report.py": "from io_utils import read\nprint(read('x.csv'))\n"})
    index = ProjectIndex(tmp_path, [tmp_path])
    assert not index.uses_keras(p(tmp_path, "report.py"))


@pytest.mark.parametrize("line", ["import tensorflow as tf", "from tensorflow import keras",
                                  "import tf_keras", "import keras.backend as K",
                                  "def f():\n    from keras import layers"])
def test_keras_is_any_import_of_it(line):
    assert summarise((line + "\n").encode()).keras


def test_keras_in_a_docstring_is_not_an_import():
    assert not summarise(b'"""Built with keras."""\nimport kerastuner_like\nx = "tensorflow"\n').keras


# --------------------------------------------------------------------------- packages

def test_package_init_reexports(tmp_path):
    tree(tmp_path, {
        "utils/__init__.py": """\
            from .losses import rmse
            from .metrics import r2 as r_squared
            from . import data
            __all__ = ["rmse", "r_squared"]
            """,
        "utils/losses.py": """\
            import keras.ops as ops
            def rmse(y_true, y_pred):
                return ops.sqrt(ops.mean(ops.square(y_true - y_pred), axis=-1))
            """,
        "utils/metrics.py": "def r2(y, p):\n    return 1.0\n",
        "utils/data.py": "SCALE = 255.0\n",
        "train.py": "from utils import rmse, r_squared, data\nimport utils.losses\n",
    })
    index = ProjectIndex(tmp_path, [tmp_path / "train.py"])
    train = p(tmp_path, "train.py")
    assert index.module_file("utils", train) == p(tmp_path, "utils/__init__.py")
    assert index.module_file("utils.losses", train) == p(tmp_path, "utils/losses.py")
    assert index.resolve("utils", "rmse", train) == (p(tmp_path, "utils/losses.py"), "rmse")
    assert index.resolve("utils", "r_squared", train) == (p(tmp_path, "utils/metrics.py"), "r2")
    assert index.resolve("utils", "data", train) == (p(tmp_path, "utils/data.py"), None)
    assert index.resolve("utils.data", "SCALE", train) == (p(tmp_path, "utils/data.py"), "SCALE")
    assert index.summary(p(tmp_path, "utils/__init__.py")).all == ("rmse", "r_squared")
    assert index.uses_keras(train)
    assert set(index.imports_of(train)) == {p(tmp_path, f"utils/{m}.py")
                                            for m in ("__init__", "data", "losses")}


def test_submodule_not_bound_in_init(tmp_path):
    tree(tmp_path, {"pkg/__init__.py": "", "pkg/models.py": "def build():\n    pass\n",
                    "run.py": "from pkg import models\n"})
    index = ProjectIndex(tmp_path, [tmp_path])
    assert index.resolve("pkg", "models", p(tmp_path, "run.py")) == (p(tmp_path, "pkg/models.py"), None)
    assert index.resolve("pkg", "nothing", p(tmp_path, "run.py")) is None


def test_namespace_package(tmp_path):
    # No __init__.py: the folder is still a package (PEP 420), with submodules only.
    tree(tmp_path, {"nets/resnet.py": "def build():\n    pass\n",
                    "train.py": "from nets.resnet import build\nfrom nets import resnet\n"})
    index = ProjectIndex(tmp_path, [tmp_path])
    train = p(tmp_path, "train.py")
    assert index.module_file("nets", train) is None
    assert index.resolve("nets.resnet", "build", train) == (p(tmp_path, "nets/resnet.py"), "build")
    assert index.resolve("nets", "resnet", train) == (p(tmp_path, "nets/resnet.py"), None)
    assert index.resolve("nets", "vgg", train) is None


def test_missing_module_of_a_project_package_is_unknown(tmp_path):
    tree(tmp_path, {"pkg/__init__.py": "", "examples/tensorflow/demo.py": "",
                    "train.py": "from pkg.missing import f\nimport tensorflow as tf\n"})
    index = ProjectIndex(tmp_path, [tmp_path])
    train = p(tmp_path, "train.py")
    assert index.lookup("pkg.missing", "f", train) is None  # pkg is the project's: unknown, not installed
    # a folder without __init__.py named like an installed package does not hide it
    tree(tmp_path, {"tensorflow/README.md": "", "aiohttp/src/app.py": "from aiohttp import web\n"})
    assert index.lookup("tensorflow", None, train) == External("tensorflow", None, train)
    app = p(tmp_path, "aiohttp/src/app.py")
    assert index.lookup("aiohttp", "web", app) == External("aiohttp", "web", app)


def test_helpers_below_the_scripts_folder(tmp_path):
    # K/train.py is the script (run from K/); K/utils/ is a folder of helpers importing each other as
    # `utils.x`, which only resolves from K/.
    tree(tmp_path, {"K/train.py": "from utils.cnn import fit\n",
                    "K/utils/cnn.py": "from utils.load import load_data\ndef fit():\n    pass\n",
                    "K/utils/load.py": "import keras\ndef load_data():\n    pass\n"})
    index = ProjectIndex(tmp_path, [tmp_path])
    cnn = p(tmp_path, "K/utils/cnn.py")
    assert index.resolve("utils.load", "load_data", cnn) == (p(tmp_path, "K/utils/load.py"), "load_data")
    assert index.uses_keras(p(tmp_path, "K/train.py"))


def test_package_binding_its_submodule_reexported_back(tmp_path):
    # keras.src.ops: the package binds its submodule, then a sibling's star import re-exports the
    # same name back to it (the sibling imported it from the package): a cycle that ends at the submodule.
    tree(tmp_path, {"ops/__init__.py": "from ops import utils\nfrom ops.numpy import *\n",
                    "ops/utils.py": "def shapes():\n    pass\n",
                    "ops/numpy.py": "from ops import utils\ndef add():\n    pass\n",
                    "app.py": "from ops import utils, add\n"})
    index = ProjectIndex(tmp_path, [tmp_path])
    app = p(tmp_path, "app.py")
    assert index.resolve("ops", "utils", app) == (p(tmp_path, "ops/utils.py"), None)
    assert index.resolve("ops", "add", app) == (p(tmp_path, "ops/numpy.py"), "add")


def test_src_layout(tmp_path):
    tree(tmp_path, {
        "pyproject.toml": "[project]\nname = 'proj'\n",
        "src/proj/__init__.py": "",
        "src/proj/models.py": "import tensorflow as tf\ndef build():\n    return tf.keras.Sequential()\n",
        "src/proj/train.py": "from proj.models import build\n",
        "scripts/fit.py": "from proj.models import build\n",
    })
    # Linting only scripts/: proj is still found, under the root's src/.
    index = ProjectIndex(tmp_path, [tmp_path / "scripts"])
    for importer in ("src/proj/train.py", "scripts/fit.py"):
        assert index.resolve("proj.models", "build", p(tmp_path, importer)) == \
            (p(tmp_path, "src/proj/models.py"), "build")
    assert index.uses_keras(p(tmp_path, "scripts/fit.py"))
    assert "proj.models" in index.modules()


# --------------------------------------------------------------------------- relative imports

def test_relative_imports_of_several_levels(tmp_path):
    tree(tmp_path, {
        "app/__init__.py": "LOSS = 'mse'\n",
        "app/config.py": "METRICS = ['mae', 'mse']\nEPOCHS, BATCH = 10, 32\n",
        "app/models/__init__.py": "from .heads import head\n",
        "app/models/heads.py": "def head(units):\n    pass\n",
        "app/training/__init__.py": "",
        "app/training/loops/__init__.py": "",
        "app/training/loops/fit.py": """\
            from . import helpers
            from .helpers import step
            from .. import training_utils
            from ...config import METRICS
            from ...models import head
            from ... import LOSS
            from ...config import EPOCHS, BATCH
            """,
        "app/training/loops/helpers.py": "def step():\n    pass\n",
        "app/training/training_utils.py": "",
    })
    index = ProjectIndex(tmp_path, [tmp_path / "app"])
    fit = p(tmp_path, "app/training/loops/fit.py")
    assert index.module_file(None, fit, 1) == p(tmp_path, "app/training/loops/__init__.py")
    assert index.module_file("helpers", fit, 1) == p(tmp_path, "app/training/loops/helpers.py")
    assert index.module_file(None, fit, 3) == p(tmp_path, "app/__init__.py")
    assert index.resolve(None, "helpers", fit, 1) == (p(tmp_path, "app/training/loops/helpers.py"), None)
    assert index.resolve("helpers", "step", fit, 1) == (p(tmp_path, "app/training/loops/helpers.py"), "step")
    assert index.resolve(None, "training_utils", fit, 2) == (p(tmp_path, "app/training/training_utils.py"), None)
    assert index.resolve("config", "METRICS", fit, 3) == (p(tmp_path, "app/config.py"), "METRICS")
    assert index.resolve("models", "head", fit, 3) == (p(tmp_path, "app/models/heads.py"), "head")
    assert index.resolve(None, "LOSS", fit, 3) == (p(tmp_path, "app/__init__.py"), "LOSS")
    config = index.summary(p(tmp_path, "app/config.py"))
    assert config.binding("METRICS").value == ["mae", "mse"]
    assert (config.binding("EPOCHS").value, config.binding("BATCH").value) == (10, 32)
    # the same names, read from fit.py's own bindings
    assert index.resolve("app.training.loops.fit", "head", fit) == (p(tmp_path, "app/models/heads.py"), "head")
    # beyond the filesystem's root: nothing
    assert index.module_file("x", fit, 99) is None


# --------------------------------------------------------------------------- star imports

def test_star_imports(tmp_path):
    tree(tmp_path, {
        "lib/__init__.py": "from .losses import *\nfrom .layers import *\n",
        "lib/losses.py": """\
            from .base import *
            import keras
            def rmse(y, p):
                pass
            def _private(y, p):
                pass
            """,
        "lib/base.py": "def mae(y, p):\n    pass\n",
        "lib/layers.py": """\
            __all__ = ["Head"]
            class Head:
                pass
            class NotExported:
                pass
            """,
        "train.py": "from lib import *\nfrom lib import rmse\n",
    })
    index = ProjectIndex(tmp_path, [tmp_path / "train.py"])
    train = p(tmp_path, "train.py")
    assert index.resolve("lib", "rmse", train) == (p(tmp_path, "lib/losses.py"), "rmse")
    assert index.resolve("lib", "mae", train) == (p(tmp_path, "lib/base.py"), "mae")  # two stars deep
    assert index.resolve("lib", "Head", train) == (p(tmp_path, "lib/layers.py"), "Head")
    assert index.resolve("lib", "NotExported", train) is None  # not in layers' __all__
    assert index.resolve("lib", "_private", train) is None  # the underscore rule
    # train.py's own star import, read from train.py as a module
    assert index.resolve("train", "mae", train) == (p(tmp_path, "lib/base.py"), "mae")
    assert index.uses_keras(train)


def test_star_import_then_definition_and_back(tmp_path):
    tree(tmp_path, {
        "a.py": "def loss():\n    pass\n",
        "b.py": "from a import *\ndef loss():\n    pass\n",   # b's own loss wins
        "c.py": "def loss():\n    pass\nfrom a import *\n",   # a's loss wins
    })
    index = ProjectIndex(tmp_path, [tmp_path])
    assert index.resolve("b", "loss", p(tmp_path, "b.py")) == (p(tmp_path, "b.py"), "loss")
    assert index.resolve("c", "loss", p(tmp_path, "c.py")) == (p(tmp_path, "a.py"), "loss")


def test_star_import_of_an_installed_module_is_passed_over(tmp_path):
    tree(tmp_path, {"m.py": "def rmse():\n    pass\nfrom keras.losses import *\n"})
    index = ProjectIndex(tmp_path, [tmp_path])
    # What keras' star import binds is not read (site-packages never are): rmse stays m's own.
    assert index.resolve("m", "rmse", p(tmp_path, "m.py")) == (p(tmp_path, "m.py"), "rmse")


# --------------------------------------------------------------------------- cycles and depth

def test_cycles_end_unknown(tmp_path):
    tree(tmp_path, {
        "a.py": "from b import x\nfrom b import *\n",
        "b.py": "from a import x\nfrom a import *\n",
        "c.py": "from c import me\n",
        "pkg/__init__.py": "from . import pkg_self\nfrom .pkg_self import *\n",
        "pkg/pkg_self.py": "from pkg import *\nfrom . import *\n",
        "user.py": "from a import x\nimport pkg\n",
    })
    index = ProjectIndex(tmp_path, [tmp_path])
    a = p(tmp_path, "a.py")
    assert index.resolve("a", "x", a) is None
    assert index.resolve("b", "nothing", a) is None
    assert index.resolve("c", "me", a) is None
    assert index.resolve("pkg", "anything", a) is None
    assert set(index.dependencies(p(tmp_path, "user.py"))) == {
        p(tmp_path, "a.py"), p(tmp_path, "b.py"), p(tmp_path, "pkg/__init__.py"), p(tmp_path, "pkg/pkg_self.py")}
    assert not index.uses_keras(p(tmp_path, "user.py"))


def test_long_reexport_chains_are_bounded(tmp_path):
    from regr_lint.project.index import MAX_DEPTH

    files = {f"m{i}.py": f"from m{i + 1} import name\n" for i in range(MAX_DEPTH + 10)}
    files[f"m{MAX_DEPTH + 10}.py"] = "name = 1\n"
    files["short0.py"] = "from short1 import name\n"
    files["short1.py"] = "name = 'mse'\n"
    tree(tmp_path, files)
    index = ProjectIndex(tmp_path, [tmp_path])
    assert index.resolve("m0", "name", p(tmp_path, "m0.py")) is None
    assert index.resolve("short0", "name", p(tmp_path, "short0.py")) == (p(tmp_path, "short1.py"), "name")


# --------------------------------------------------------------------------- shadowing

def test_a_name_shadowed_by_a_later_definition(tmp_path):
    tree(tmp_path, {
        "losses.py": """\
            from keras.losses import mean_squared_error as rmse
            def rmse(y_true, y_pred):
                return 0
            LOSS = "mse"
            LOSS = "mae"
            METRICS = ["mae"]
            METRICS += ["mse"]
            def build():
                pass
            build = wrap(build)
            """,
    })
    index = ProjectIndex(tmp_path, [tmp_path])
    losses = p(tmp_path, "losses.py")
    summary = index.summary(losses)
    assert summary.binding("rmse").kind == "function" and summary.binding("rmse").line == 2
    assert summary.binding("LOSS").value == "mae"
    assert summary.binding("METRICS").kind == "assign"  # changed in place: not the literal any more
    assert summary.binding("build").kind == "assign" and summary.binding("build").line == 10
    assert index.resolve("losses", "rmse", losses) == (losses, "rmse")


def test_definition_shadowed_by_a_later_import(tmp_path):
    tree(tmp_path, {"m.py": "def mse():\n    pass\nfrom keras.losses import mse\n"})
    index = ProjectIndex(tmp_path, [tmp_path])
    m = p(tmp_path, "m.py")
    assert index.lookup("m", "mse", m) == External("keras.losses", "mse", m)
    assert index.resolve("m", "mse", m) is None


def test_conditional_bindings_are_marked(tmp_path):
    summary = summarise(b"try:\n    import tensorflow as tf\nexcept ImportError:\n    tf = None\n"
                        b"if True:\n    UNITS = 4\n")
    assert [(b.kind, b.value, b.conditional) for b in summary.bindings_of("tf")] == \
        [("import", None, True), ("constant", None, True)]
    assert summary.binding("UNITS").conditional and summary.binding("UNITS").value == 4
    assert summary.keras


# --------------------------------------------------------------------------- outside the project

def test_installed_package_is_not_resolved(tmp_path):
    # numpy and click are installed here, and the project has nothing of that name.
    tree(tmp_path, {"train.py": "import numpy as np\nfrom click import command\nimport os.path\n"})
    index = ProjectIndex(tmp_path, [tmp_path])
    train = p(tmp_path, "train.py")
    for name in ("numpy", "click", "os.path", "os", "keras"):
        assert index.module_file(name, train) is None
    assert index.resolve("click", "command", train) is None
    assert index.lookup("click", "command", train) == External("click", "command", train)
    assert index.lookup("train", "np", train) == External("numpy", None, train)
    assert index.imports_of(train) == []


def test_virtualenvs_and_skipped_folders_are_never_read(tmp_path):
    tree(tmp_path, {
        ".venv/pyvenv.cfg": "home = /usr/bin\n",
        ".venv/lib/python3.12/site-packages/helpers.py": "def f():\n    pass\n",
        "env/pyvenv.cfg": "home = /usr/bin\n",   # a virtualenv whatever its name
        "env/tools.py": "def f():\n    pass\n",
        "build/lib/pkg/__init__.py": "",
        "build/lib/pkg/models.py": "def f():\n    pass\n",
        "site-packages/vendored.py": "",
        "train.py": "import helpers\nimport env.tools\nimport build.lib.pkg.models\nimport vendored\n",
        # a package that happens to be named like build output is a package (pip has one)
        "ops/__init__.py": "", "ops/build/__init__.py": "", "ops/build/tracker.py": "class Tracker:\n    pass\n",
    })
    index = ProjectIndex(tmp_path, [tmp_path])
    train = p(tmp_path, "train.py")
    for name in ("helpers", "env.tools", "build.lib.pkg.models", "vendored", "site-packages.vendored"):
        assert index.module_file(name, train) is None, name
    assert index.resolve("ops.build.tracker", "Tracker", train) == (p(tmp_path, "ops/build/tracker.py"), "Tracker")
    assert index.modules()["ops.build.tracker"] == p(tmp_path, "ops/build/tracker.py")
    assert all(".venv" not in f and "env" + os.sep not in f and "lib" not in f
               for f in index.modules().values())


def test_a_project_below_a_skipped_folder_name_still_works(tmp_path):
    # Only folders below the project's root are skipped: the root itself may be under build/ or .cache/.
    root = tree(tmp_path / "build" / ".cache" / "proj", {"m.py": "X = 1\n", "t.py": "from m import X\n"})
    index = ProjectIndex(root, [root / "t.py"])
    assert index.resolve("m", "X", p(root, "t.py")) == (p(root, "m.py"), "X")


def test_linted_directory_outside_the_root(tmp_path):
    tree(tmp_path, {"proj/pyproject.toml": "", "elsewhere/helpers.py": "H = 1\n",
                    "elsewhere/run.py": "from helpers import H\n"})
    index = ProjectIndex(tmp_path / "proj", [tmp_path / "elsewhere"])
    assert index.resolve("helpers", "H", None) == (p(tmp_path, "elsewhere/helpers.py"), "H")


# --------------------------------------------------------------------------- broken modules

def test_broken_module(tmp_path):
    tree(tmp_path, {"broken.py": "import keras\ndef f(:\n    pass\n",
                    "undecodable.py": "",
                    "train.py": "from broken import f\nfrom undecodable import g\nimport broken\n"})
    (tmp_path / "undecodable.py").write_bytes(b"# -*- coding: no-such-codec -*-\nx = 1\n")
    index = ProjectIndex(tmp_path, [tmp_path])
    broken = index.summary(p(tmp_path, "broken.py"))
    assert broken.error.startswith("syntax error:") and "line 2" in broken.error
    assert broken.bindings == () and not broken.keras
    assert "decode" in index.summary(p(tmp_path, "undecodable.py")).error
    assert "cannot read" in index.summary(p(tmp_path, "missing.py")).error
    train = p(tmp_path, "train.py")
    assert index.resolve("broken", "f", train) is None
    assert index.resolve("undecodable", "g", train) is None
    assert index.resolve("broken", None, train) == (p(tmp_path, "broken.py"), None)
    assert not index.uses_keras(train)


def test_null_bytes_and_deep_nesting_do_not_crash():
    assert summarise(b"x = 1\0\n").error
    assert summarise(b"x = " + b"(" * 5000 + b")" * 5000 + b"\n").error


# --------------------------------------------------------------------------- caching

def test_summaries_are_computed_once_per_content(tmp_path):
    same = "import keras\nLOSS = 'mse'\n"
    tree(tmp_path, {"a/losses.py": same, "b/losses.py": same, "c.py": "X = 1\n"})
    index = ProjectIndex(tmp_path, [tmp_path])
    first = index.summary(p(tmp_path, "a/losses.py"))
    assert index.summary(p(tmp_path, "b/losses.py")) is first
    index.summary(p(tmp_path, "c.py"))
    index.summary(p(tmp_path, "c.py"))
    assert index.parsed == 2


def test_summaries_on_disk(tmp_path):
    tree(tmp_path, {"m.py": "import keras\nLOSS = 'mse'\nW = (1, 2.5, None, b'x', {'a': [1j]})\n"
                            "__all__ = ['LOSS']\nfrom .x import *\ndef f():\n    import tf_keras\n"})
    cache = tmp_path / ".regr_lint_cache"
    fresh = ProjectIndex(tmp_path, [tmp_path], cache_dir=str(cache)).summary(p(tmp_path, "m.py"))
    warm = ProjectIndex(tmp_path, [tmp_path], cache_dir=str(cache))
    assert warm.summary(p(tmp_path, "m.py")) == fresh and warm.parsed == 0
    assert warm.summary(p(tmp_path, "m.py")).binding("W").value == (1, 2.5, None, b"x", {"a": [1j]})
    # a corrupt entry is a miss, recomputed
    for entry in cache.rglob("*.json"):
        entry.write_text("{not json")
    again = ProjectIndex(tmp_path, [tmp_path], cache_dir=str(cache))
    assert again.summary(p(tmp_path, "m.py")) == fresh and again.parsed == 1
    # an edit is a new entry, not a stale hit
    (tmp_path / "m.py").write_text("LOSS = 'mae'\n")
    edited = ProjectIndex(tmp_path, [tmp_path], cache_dir=str(cache)).summary(p(tmp_path, "m.py"))
    assert edited.binding("LOSS").value == "mae" and not edited.keras


def test_nothing_is_imported(tmp_path):
    tree(tmp_path, {"boom.py": "raise SystemExit('imported!')\nX = 1\n",
                    "t.py": "from boom import X\n"})
    index = ProjectIndex(tmp_path, [tmp_path])
    assert index.resolve("boom", "X", p(tmp_path, "t.py")) == (p(tmp_path, "boom.py"), "X")
    assert "boom" not in sys.modules


def test_a_tree_given_is_not_parsed_again(tmp_path):
    import ast

    tree(tmp_path, {"m.py": "import keras\nUNITS = 8\n"})
    data = (tmp_path / "m.py").read_bytes()
    index = ProjectIndex(tmp_path, [tmp_path])
    summary = index.summary(p(tmp_path, "m.py"), data=data, tree=ast.parse(data))
    assert (index.computed, index.parsed) == (1, 0)
    assert summary == ProjectIndex(tmp_path).summary(p(tmp_path, "m.py"))
    assert summary.binding("UNITS").value == 8 and summary.keras


def test_summaries_are_not_written_through_a_link(tmp_path):
    tree(tmp_path, {"proj/m.py": "X = 1\n"})
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "proj" / ".regr_lint_cache").symlink_to(tmp_path / "elsewhere")
    index = ProjectIndex(tmp_path / "proj", cache_dir=str(tmp_path / "proj" / ".regr_lint_cache"))
    assert index.summary(p(tmp_path, "proj/m.py")).binding("X").value == 1
    assert not list((tmp_path / "elsewhere").iterdir())


def test_constants_kept_and_data_left_out():
    summary = summarise(("BIG = [" + ", ".join(["1"] * 1000) + "]\nINF = 1e999\nLR = 1e-3\n"
                         "CFG = {'loss': 'mse', 'units': (64, 1)}\n").encode())
    assert summary.binding("BIG").kind == "assign" and summary.binding("BIG").value is None
    assert summary.binding("INF").kind == "assign"
    assert summary.binding("LR").value == 1e-3
    assert summary.binding("CFG").value == {"loss": "mse", "units": (64, 1)}
    assert "*" not in summarise(b"from x import *\nY = 1\n").defines()


def test_import_of_a_submodule_depends_on_its_package(tmp_path):
    tree(tmp_path, {"pkg/__init__.py": "import keras\n", "pkg/sub.py": "", "t.py": "import pkg.sub\n"})
    index = ProjectIndex(tmp_path, [tmp_path])
    assert index.imports_of(p(tmp_path, "t.py")) == [p(tmp_path, "pkg/__init__.py"), p(tmp_path, "pkg/sub.py")]
    assert index.uses_keras(p(tmp_path, "t.py"))


@pytest.mark.parametrize("guard", ['__name__ == "__main__"', "'__main__' == __name__"])
def test_main_guard_never_runs_on_import(guard):
    summary = summarise(f"class Table:\n    pass\nif {guard}:\n    from rich.table import Table\n"
                        f"    UNITS = 3\n".encode())
    assert summary.binding("Table").kind == "class" and summary.binding("UNITS") is None
    assert summary.keras is False and [i.module for i in summary.imports] == ["rich.table"]


def test_imports_of_a_tree_given_summarise_nothing(tmp_path):
    import ast

    tree(tmp_path, {"pkg/__init__.py": "", "pkg/sub.py": "", "t.py": "from pkg import sub\nimport keras\n"})
    index = ProjectIndex(tmp_path, [tmp_path])
    given = ast.parse((tmp_path / "t.py").read_bytes())
    assert index.imports_of(p(tmp_path, "t.py"), given) == [p(tmp_path, "pkg/__init__.py"), p(tmp_path, "pkg/sub.py")]
    assert (index.computed, index.parsed) == (0, 0)  # the linted file's own imports: no summary of it


def test_a_relative_import_resolves_from_each_importing_folder(tmp_path):
    """`resolve` keeps its answers per importing folder: `from .heads import head` in two packages
    names two modules, however many files of each ask."""
    tree(tmp_path, {
        "a/__init__.py": "",
        "a/heads.py": "def head():\n    pass\n",
        "a/one.py": "from .heads import head\n",
        "a/two.py": "from .heads import head\n",
        "b/__init__.py": "",
        "b/heads.py": "def head():\n    pass\n",
        "b/one.py": "from .heads import head\n",
    })
    index = ProjectIndex(tmp_path, [tmp_path])
    for importer, owner in [("a/one.py", "a"), ("b/one.py", "b"), ("a/two.py", "a"), ("b/one.py", "b")]:
        assert index.resolve("heads", "head", p(tmp_path, importer), 1) == \
            (p(tmp_path, f"{owner}/heads.py"), "head"), importer
    assert index.resolve("heads", "missing", p(tmp_path, "a/one.py"), 1) is None


def test_the_trees_kept_for_importers_stay_within_their_byte_bound(tmp_path, monkeypatch):
    # Project modules' trees are kept for the run up to a total of source bytes, the oldest let go
    # first; the total is kept as trees come and go (a broken module keeps no tree and counts nothing).
    from regr_lint.model import trees

    for name, value in (("_MODULES", {}), ("_SCOPES", {}), ("_KEPT_IDS", set()), ("_KEPT_SIZE", [0]),
                        ("_KEPT_BYTES", 500)):
        monkeypatch.setattr(trees, name, value)
    paths = []
    for i in range(6):
        path = tmp_path / f"m{i}.py"
        path.write_text(f"VALUE_{i} = {i}\n" + "# padding\n" * 15)  # 165 bytes each
        paths.append(str(path))
    broken = tmp_path / "broken.py"
    broken.write_text("def (:\n")
    for path in paths[:3] + [str(broken)] + paths[3:]:
        trees.project_module(path)
        kept = {k: v for k, v in trees._MODULES.items() if v is not None}
        assert trees._KEPT_SIZE[0] == sum(k[2] for k in kept) <= 500
    held = [k[0] for k, v in trees._MODULES.items() if v is not None]
    assert held == paths[3:], held  # the last three: 495 bytes
    assert trees.parsed_module(paths[0]) is None and trees.parsed_module(paths[5]) is not None


def test_imports_inside_match_cases_are_found_and_a_match_statement_does_not_break_the_summary():
    # a match statement has no `body` of its own: its statements are its cases'
    summary = summarise(textwrap.dedent("""\
        def pick(kind):
            match kind:
                case "keras":
                    import keras
                case _:
                    from . import fallback
        """).encode())
    assert summary.error is None
    assert [(i.module, i.level, i.names) for i in summary.imports] == [(None, 0, ("keras",)), (None, 1, ("fallback",))]
    assert summary.keras


# --------------------------------------------------------------------------- sys.path edits

def test_a_folder_a_notebook_appends_to_sys_path_is_searched_last(tmp_path):
    # No project marker: the root is the notebook's own folder, and `data_processing` lies two
    # folders up, where only the notebook's own `sys.path.append("../../")` puts it.
    import json

    nb = {"cells": [{"cell_type": "code", "metadata": {}, "outputs": [], "execution_count": None,
                     "source": ["import sys\n", "sys.path.append(\"../../\")\n",
                                "from data_processing.cycles import Handler\n"]}],
          "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
    tree(tmp_path, {"data_processing/__init__.py": "", "data_processing/cycles.py": "class Handler:\n    pass\n",
                    "experiments/soc/utils.py": "U = 1\n"})
    (tmp_path / "experiments/soc/train.ipynb").write_text(json.dumps(nb, indent=1))
    soc = tmp_path / "experiments" / "soc"
    index = ProjectIndex(soc, [soc / "train.ipynb"])
    notebook = p(tmp_path, "experiments/soc/train.ipynb")
    assert index.module_file("data_processing.cycles", notebook) == p(tmp_path, "data_processing/cycles.py")
    assert index.resolve("data_processing.cycles", "Handler", notebook) == (
        p(tmp_path, "data_processing/cycles.py"), "Handler")
    # the folder's own modules still come first
    assert index.module_file("utils", notebook) == p(tmp_path, "experiments/soc/utils.py")


def test_without_the_sys_path_edit_the_folder_above_is_not_searched(tmp_path):
    tree(tmp_path, {"data_processing/__init__.py": "", "data_processing/cycles.py": "X = 1\n",
                    "experiments/soc/train.py": "import sys\nfrom data_processing.cycles import X\n"})
    soc = tmp_path / "experiments" / "soc"
    index = ProjectIndex(soc, [soc / "train.py"])
    assert index.module_file("data_processing.cycles", p(tmp_path, "experiments/soc/train.py")) is None


@pytest.mark.parametrize("edit, expected", [
    ('sys.path.append("../../")', "."),
    ("sys.path.insert(0, '..')", "a"),
    ('sys.path.append(os.path.abspath(".."))', "a"),
    ('sys.path.append(os.path.join(os.path.dirname(__file__), "..", ".."))', "."),
    ("sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))", "a"),
    ("sys.path.append(str(Path(__file__).resolve().parents[2]))", "."),
    ('sys.path.append(str(Path(__file__).parent.parent / "lib"))', "a/lib"),
    ('x = 1; sys.path.insert(0, "..")  # the helpers', "a"),  # after another statement
    ("sys.path.append(os.getcwd() + '/..')", None),  # a concatenation: not worked out
    ("sys.path.append(os.environ['PROJECT'])", None),
    ('sys.path.append("/nonexistent/folder")', None),
])
def test_the_paths_a_sys_path_edit_names(tmp_path, edit, expected):
    from regr_lint.project.search_path import added_folders

    tree(tmp_path, {"a/b/run.py": f"import os, sys\nfrom pathlib import Path\n{edit}\n", "a/lib/x.py": ""})
    found = added_folders(str(tmp_path / "a" / "b"), ["run.py"])
    assert found == ([] if expected is None else [str((tmp_path / expected).resolve())])


def test_a_notebook_cell_stored_as_one_string_is_read(tmp_path):
    import json

    from regr_lint.project.search_path import added_folders

    nb = {"cells": [{"cell_type": "markdown", "metadata": {}, "source": "sys.path.append('../nowhere')"},
                    {"cell_type": "code", "metadata": {}, "outputs": [], "execution_count": None,
                     "source": "import sys; sys.path.append('../lib')\nimport prep\n"}],
          "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
    tree(tmp_path, {"lib/prep.py": "", "nowhere/x.py": ""})
    (tmp_path / "notebooks").mkdir()
    (tmp_path / "notebooks" / "fit.ipynb").write_text(json.dumps(nb))  # not indented: one line
    assert added_folders(str(tmp_path / "notebooks"), ["fit.ipynb"]) == [str((tmp_path / "lib").resolve())]
