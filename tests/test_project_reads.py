"""What the analysis of a file reads of its project: a package's __init__.py re-exporting a library is
not read for `from pkg import submodule` or for `pkg.Name` it re-exports (the name is read where it is
defined), and the findings stay those of reading it. Real files in a temporary project."""
from __future__ import annotations

import os
import textwrap
from pathlib import Path

from cli_helpers import codes, run, write

from regr_lint.input.parsing import parse_module
from regr_lint.model import build_facts
from regr_lint.project import link as project_link

PACKAGE = {
    "pyproject.toml": "[project]\nname = 'p'\n",
    # the package re-exports every module (as autokeras/__init__.py does)
    "zoo/__init__.py": "from zoo.heavy import Heavy\nfrom zoo.nets import build_regressor\n",
    "zoo/heavy.py": """\
        from tensorflow import keras


        class Heavy:
            def fit(self, x, y):
                return keras.Sequential([keras.layers.Dense(1)])
    """,
    "zoo/nets.py": """\
        from tensorflow import keras


        def build_regressor(n_features=8):
            return keras.Sequential([keras.layers.Dense(64, activation="relu", input_shape=(n_features,)),
                                     keras.layers.Dense(1, activation="sigmoid")])
    """,
}
TRAIN_SUBMODULE = """\
    import numpy as np

    from zoo import nets

    model = nets.build_regressor()
    model.compile(optimizer="adam", loss="mse")
    model.fit(np.random.rand(100, 8), np.random.rand(100) * 300.0, epochs=5)
"""
TRAIN_PACKAGE_ATTRIBUTE = """\
    import numpy as np

    import zoo

    model = zoo.build_regressor()
    model.compile(optimizer="adam", loss="mse")
    model.fit(np.random.rand(100, 8), np.random.rand(100) * 300.0, epochs=5)
"""


def _project(tmp_path: Path, train: str) -> Path:
    for rel, text in {**PACKAGE, "train.py": train}.items():
        write(tmp_path, rel, textwrap.dedent(text))
    return tmp_path / "train.py"


def _read_for(path: Path) -> list[str]:
    """The project modules the analysis of `path` read, relative to its folder."""
    project_link.forget()
    text = path.read_text()
    facts = build_facts(parse_module(text), str(path), text, project_link.project_for(str(path)))
    return sorted(os.path.relpath(p, path.parent) for p in facts.project_modules)


def test_a_submodule_imported_from_its_package_is_read_without_the_package(tmp_path):
    train = _project(tmp_path, TRAIN_SUBMODULE)
    assert _read_for(train) == [os.path.join("zoo", "nets.py")]
    # the pre-check reads the same modules' text
    project_link.forget()
    modules = project_link._imported_modules(str(train), train.read_text())
    assert [os.path.relpath(m, tmp_path) for m in modules] == [os.path.join("zoo", "nets.py")]


def test_a_name_a_package_reexports_is_read_where_it_is_defined(tmp_path):
    train = _project(tmp_path, TRAIN_PACKAGE_ATTRIBUTE)
    assert _read_for(train) == [os.path.join("zoo", "nets.py")]


def test_findings_through_a_submodule_or_a_package_attribute_are_those_of_reading_the_package(tmp_path):
    for train in (TRAIN_SUBMODULE, TRAIN_PACKAGE_ATTRIBUTE):
        _project(tmp_path, train)
        res = run("check", "--no-cache", "train.py", cwd=tmp_path)
        assert res.returncode == 1 and codes(res.stdout) == ["RL102"], res.stdout + res.stderr
        assert "(at zoo/nets.py:6)" in res.stdout.replace(os.sep, "/"), res.stdout


def test_a_package_binding_the_name_itself_is_still_read(tmp_path):
    # `from zoo import nets` where zoo/__init__.py binds `nets` to something else: the package decides
    train = _project(tmp_path, TRAIN_SUBMODULE)
    write(tmp_path, "zoo/__init__.py", "from zoo import heavy as nets\n")
    assert _read_for(train) == [os.path.join("zoo", "heavy.py")]
    res = run("check", "--no-cache", "train.py", cwd=tmp_path)
    assert res.returncode == 0, res.stdout


def test_a_package_a_script_puts_on_sys_path_is_read_without_a_project_marker(tmp_path):
    # No pyproject.toml and no .git (a downloaded archive): the script's folder is its root, and the
    # package one folder up is found only through its own `sys.path.append("../")`. There the
    # targets are scaled into [0, 1], so the sigmoid head is right.
    loader = """\
        import numpy as np
        from sklearn.preprocessing import MinMaxScaler


        def load(path):
            data = np.loadtxt(path, delimiter=",")
            y = MinMaxScaler().fit_transform(data[:, -1:])
            return data[:, :3], y
    """
    script = """\
        import sys

        sys.path.append("../")

        from tensorflow import keras

        from cells.loader import load

        x, y = load("cells.csv")
        model = keras.Sequential([keras.Input((3,)), keras.layers.Dense(16, activation="relu"),
                                  keras.layers.Dense(1, activation="sigmoid")])
        model.compile(optimizer="adam", loss="mse")
        model.fit(x, y, epochs=2)
    """
    write(tmp_path, "proj/cells/__init__.py", "")
    write(tmp_path, "proj/cells/loader.py", textwrap.dedent(loader))
    write(tmp_path, "proj/experiments/train.py", textwrap.dedent(script))
    done = run("check", "--no-cache", "proj/experiments/train.py", cwd=tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    # (linted alone, as pre-commit passes a changed file.) Without its sys.path edit the script
    # cannot import the package: the scaling is unknown there, and the head is reported
    write(tmp_path, "proj/experiments/train.py", textwrap.dedent(script).replace('sys.path.append("../")\n', ""))
    done = run("check", "--no-cache", "proj/experiments/train.py", cwd=tmp_path)
    assert codes(done.stdout) == ["RL102"], done.stdout + done.stderr


def _notebook(*cells: str) -> str:
    import json

    return json.dumps({"cells": [{"cell_type": "code", "metadata": {}, "outputs": [], "execution_count": None,
                                  "source": textwrap.dedent(cell).splitlines(keepends=True)} for cell in cells],
                       "metadata": {"kernelspec": {"language": "python", "name": "python3"}},
                       "nbformat": 4, "nbformat_minor": 5}, indent=1)


def test_a_notebook_beside_a_builder_module_is_one_of_the_scripts_that_fit_its_model(tmp_path):
    # src/nets.py compiles a sigmoid head with mse; the notebook that fits it scales the targets into
    # [0, 1] first. Linting the builder alone (pre-commit passes the changed file) reads the
    # notebook as it reads a script beside it: no RL102. Without the scaling, RL102.
    builder = """\
        from tensorflow import keras


        def quality_net(n_in):
            net = keras.Sequential([keras.Input((n_in,)), keras.layers.Dense(16, activation="relu"),
                                    keras.layers.Dense(1, activation="sigmoid")])
            net.compile(optimizer="adam", loss="mse")
            return net
    """
    load = "import pandas as pd\nfrom sklearn.preprocessing import MinMaxScaler\nfrom src.nets import quality_net\n"
    fit_scaled = """\
        table = pd.read_csv("wine.csv")
        y = MinMaxScaler().fit_transform(table[["quality"]])
        model = quality_net(11)
        model.fit(table.drop(columns="quality").values, y, epochs=5)
    """
    write(tmp_path, "pyproject.toml", "[project]\nname = 'w'\n")
    write(tmp_path, "src/nets.py", textwrap.dedent(builder))
    write(tmp_path, "explore.ipynb", _notebook(load, fit_scaled))
    done = run("check", "--no-cache", "src/nets.py", cwd=tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    write(tmp_path, "explore.ipynb", _notebook(load, fit_scaled.replace(
        'MinMaxScaler().fit_transform(table[["quality"]])', 'table["quality"].values')))
    done = run("check", "--no-cache", "src/nets.py", cwd=tmp_path)
    assert codes(done.stdout) == ["RL102"], done.stdout + done.stderr
