"""Reading across the project's own modules (issue "See the whole project", first step): names imported
from a project module resolve to what it defines, a file that reaches Keras only through a project
module is analysed, and its cached result follows edits of the modules it imports. Real CLI runs on
small projects; findings whose token lies in another module are not reported yet (see README)."""
from __future__ import annotations

import textwrap

from cli_helpers import codes, run, write

UTILS = textwrap.dedent("""\
    \"\"\"Common imports: `from utils import *` at the top of every script.\"\"\"
    import numpy as np
    from keras.layers import Dense
    from keras.models import Sequential
    from keras.optimizers import Adam
""")
TRAIN_STAR = textwrap.dedent("""\
    from utils import *
    from config import LEARNING_RATE

    model = Sequential()
    model.add(Dense(1, input_dim=4))
    model.compile(optimizer=Adam(lr=LEARNING_RATE), loss="mse")
""")


def test_a_script_reaching_keras_through_a_star_import_is_analysed(tmp_path):
    write(tmp_path, "pyproject.toml", "[project]\nname = 'p'\n")
    write(tmp_path, "utils.py", UTILS)
    write(tmp_path, "config.py", "LEARNING_RATE = 1e-3\n")
    write(tmp_path, "train.py", TRAIN_STAR)
    res = run("check", "--no-cache", "train.py", cwd=tmp_path)
    assert res.returncode == 1 and codes(res.stdout) == ["RL502"], res.stdout + res.stderr
    assert res.stdout.startswith("train.py:6:")


def test_a_name_from_a_module_that_is_not_the_projects_stays_unknown(tmp_path):
    # `utils` is not a file of this project: nothing is guessed (a user's `Adam` could be anything)
    write(tmp_path, "pyproject.toml", "[project]\nname = 'p'\n")
    write(tmp_path, "config.py", "LEARNING_RATE = 1e-3\n")
    write(tmp_path, "train.py", TRAIN_STAR)
    res = run("check", "--no-cache", "train.py", cwd=tmp_path)
    assert res.returncode == 0 and res.stdout == "", res.stdout


LOSSES = textwrap.dedent("""\
    from keras import backend as K


    def rmse(y_true, y_pred):
        return K.sqrt(K.mean(K.square(y_pred - y_true)))
""")
LOSSES_CLASSIFICATION = textwrap.dedent("""\
    from keras import backend as K


    def rmse(y_true, y_pred):
        return K.mean(K.binary_crossentropy(y_true, y_pred))
""")
TRAIN_PKG = textwrap.dedent("""\
    import keras

    from .losses import rmse

    model = keras.Sequential([keras.Input((4,)), keras.layers.Dense(1)])
    model.compile(optimizer="adam", loss=rmse, metrics=["accuracy"])
""")


def test_a_loss_imported_from_a_sibling_module_is_classified_there(tmp_path):
    write(tmp_path, "pyproject.toml", "[project]\nname = 'p'\n")
    write(tmp_path, "src/pkg/__init__.py", "")
    write(tmp_path, "src/pkg/losses.py", LOSSES)
    write(tmp_path, "src/pkg/train.py", TRAIN_PKG)
    res = run("check", "--no-cache", "src/pkg/train.py", cwd=tmp_path)
    assert codes(res.stdout) == ["RL101"], res.stdout + res.stderr
    assert res.stdout.startswith("src/pkg/train.py:6:")


def test_editing_an_imported_module_relints_the_importer(tmp_path):
    write(tmp_path, "pyproject.toml", "[project]\nname = 'p'\n")
    write(tmp_path, "src/pkg/__init__.py", "")
    losses = write(tmp_path, "src/pkg/losses.py", LOSSES)
    write(tmp_path, "src/pkg/train.py", TRAIN_PKG)
    first = run("check", "src/pkg/train.py", cwd=tmp_path)
    assert codes(first.stdout) == ["RL101"]
    losses.write_text(LOSSES_CLASSIFICATION)  # no longer a regression loss: accuracy means something
    second = run("check", "src/pkg/train.py", cwd=tmp_path)
    assert codes(second.stdout) == [], second.stdout  # not the cached result of the old losses.py
    losses.write_text(LOSSES)
    third = run("check", "src/pkg/train.py", cwd=tmp_path)
    assert codes(third.stdout) == ["RL101"]


def test_an_import_cycle_ends(tmp_path):
    write(tmp_path, "pyproject.toml", "[project]\nname = 'p'\n")
    write(tmp_path, "a.py", "from b import *\nimport keras\nLOSS = 'mse'\n")
    write(tmp_path, "b.py", "from a import *\nOPTIMIZER = 'adam'\n")
    write(tmp_path, "train.py", "import keras\nfrom a import LOSS\nfrom b import OPTIMIZER\n"
                                "m = keras.Sequential([keras.Input((2,)), keras.layers.Dense(1)])\n"
                                "m.compile(optimizer=OPTIMIZER, loss=LOSS, metrics=['accuracy'])\n")
    res = run("check", "--no-cache", ".", cwd=tmp_path)
    assert res.returncode == 1 and codes(res.stdout) == ["RL101"], res.stdout + res.stderr


def test_the_names_a_from_import_brings_in_are_read_off_the_text():
    from regr_lint.project.link import _named_modules

    text = textwrap.dedent("""\
        from mypkg import (losses as L,  # ours
                           metrics)
        from . import data, models
        from utils import plots \\
            , nets
        import numpy as np, config
    """)
    assert _named_modules(text) == [("mypkg", 0, ("losses", "metrics")), (None, 1, ("data", "models")),
                                    ("utils", 0, ("plots", "nets")), ("numpy", 0, ()), ("config", 0, ())]


def test_editing_a_submodule_imported_from_its_package_relints_the_importer(tmp_path):
    write(tmp_path, "pyproject.toml", "[project]\nname = 'p'\n")
    write(tmp_path, "mypkg/__init__.py", "")
    losses = write(tmp_path, "mypkg/losses.py", LOSSES)
    write(tmp_path, "train.py", TRAIN_PKG.replace("from .losses import rmse", "from mypkg import losses")
          .replace("loss=rmse", "loss=losses.rmse"))
    first = run("check", "train.py", cwd=tmp_path)
    assert codes(first.stdout) == ["RL101"], first.stdout + first.stderr
    losses.write_text(LOSSES_CLASSIFICATION)
    second = run("check", "train.py", cwd=tmp_path)
    assert codes(second.stdout) == [], second.stdout  # not the cached result of the old losses.py
