"""Where a finding whose token lies in another project module is reported (regr_lint.engine.crossmodule):
at the token when the run lints that module, once per run whatever found it (serial, worker pool,
cache); else in the linted file at the use of the name that brings it in, naming `path:line`; each
placement obeys its own file's `# noqa` and per-file settings. Real CLI runs on small projects."""
from __future__ import annotations

import json
import textwrap

from cli_helpers import codes, run, write

MODELS = textwrap.dedent("""\
    from keras.layers import Dense
    from keras.models import Sequential


    def build_model(n_features):
        model = Sequential()
        model.add(Dense(32, activation="relu", input_dim=n_features))
        model.add(Dense(1, activation="sigmoid"))
        return model
""")
HEAD_LINE = 8
HEAD_COL = MODELS.splitlines()[HEAD_LINE - 1].index("activation=") + 1
TRAIN = textwrap.dedent("""\
    import numpy as np
    from models import build_model

    x = np.random.rand(100, 4)
    y = np.random.rand(100) * 1000.0
    model = build_model(4)
    model.compile(optimizer="adam", loss="mse")
    model.fit(x, y, epochs=5)
""")
BUILD_LINE = 6


def project(tmp_path, models=MODELS, **scripts):
    write(tmp_path, "pyproject.toml", "[project]\nname = 'p'\n")
    write(tmp_path, "models.py", models)
    for name, text in (scripts or {"train": TRAIN}).items():
        write(tmp_path, f"{name}.py", text)


def lines(stdout: str) -> list[str]:
    """`path:line:col: CODE` of each text-format line (the message left out)."""
    out = []
    for line in stdout.splitlines():
        if line.strip():
            where, rest = line.split(": ", 1)
            out.append(f"{where}: {rest.split()[0]}")
    return out


def test_reported_once_at_the_token_when_both_files_are_linted(tmp_path):
    project(tmp_path)
    res = run("check", "--no-cache", ".", cwd=tmp_path)
    assert res.returncode == 1, res.stderr
    assert lines(res.stdout) == [f"models.py:{HEAD_LINE}:{HEAD_COL}: RL102"], res.stdout


def test_reported_in_the_linted_file_with_a_pointer_when_only_it_is_linted(tmp_path):
    project(tmp_path)
    res = run("check", "--no-cache", "train.py", cwd=tmp_path)
    assert res.returncode == 1, res.stderr
    assert lines(res.stdout) == [f"train.py:{BUILD_LINE}:9: RL102"], res.stdout
    assert f"(at models.py:{HEAD_LINE})" in res.stdout


def test_two_scripts_finding_the_same_head_report_it_once(tmp_path):
    evaluate = TRAIN.replace('loss="mse"', 'loss="mae"')
    project(tmp_path, train=TRAIN, evaluate=evaluate)
    res = run("check", "--no-cache", ".", cwd=tmp_path)
    assert lines(res.stdout) == [f"models.py:{HEAD_LINE}:{HEAD_COL}: RL102"], res.stdout
    # each script alone: reported in it
    res = run("check", "--no-cache", "evaluate.py", "train.py", cwd=tmp_path)
    assert lines(res.stdout) == [f"evaluate.py:{BUILD_LINE}:9: RL102", f"train.py:{BUILD_LINE}:9: RL102"], \
        res.stdout


def test_worker_pool_and_warm_cache_report_what_a_serial_run_does(tmp_path):
    # enough scripts for a worker pool (regr_lint.run.parallel.MIN_PARALLEL), each finding the head
    scripts = {f"train{i}": TRAIN for i in range(10)}
    project(tmp_path, **scripts)
    serial = run("check", "--no-cache", "--jobs", "1", ".", cwd=tmp_path)
    pooled = run("check", "--no-cache", "--jobs", "2", ".", cwd=tmp_path)
    cold = run("check", "--jobs", "2", ".", cwd=tmp_path)
    warm = run("check", "--jobs", "2", ".", cwd=tmp_path)
    assert lines(serial.stdout) == [f"models.py:{HEAD_LINE}:{HEAD_COL}: RL102"], serial.stdout
    assert serial.stdout == pooled.stdout == cold.stdout == warm.stdout
    # from the cache, only one script linted: its own placement
    one = run("check", "train3.py", cwd=tmp_path)
    assert lines(one.stdout) == [f"train3.py:{BUILD_LINE}:9: RL102"], one.stdout


def test_editing_the_other_module_is_seen_through_the_cache(tmp_path):
    project(tmp_path)
    assert run("check", "train.py", cwd=tmp_path).returncode == 1
    write(tmp_path, "models.py", MODELS.replace('activation="sigmoid"', "activation=None"))
    res = run("check", "train.py", cwd=tmp_path)
    assert res.returncode == 0 and res.stdout == "", res.stdout


def test_noqa_at_the_token_suppresses_it_in_every_run(tmp_path):
    noqa = MODELS.replace('activation="sigmoid"))', 'activation="sigmoid"))  # noqa: RL102')
    project(tmp_path, models=noqa)
    for args in ([".", "--no-cache"], ["train.py", "--no-cache"]):
        res = run("check", *args, cwd=tmp_path)
        assert res.returncode == 0 and res.stdout == "", (args, res.stdout)


def test_noqa_at_the_bring_in_site_suppresses_it_there_only(tmp_path):
    train = TRAIN.replace("model = build_model(4)", "model = build_model(4)  # noqa: RL102")
    project(tmp_path, train=train)
    res = run("check", "--no-cache", "train.py", cwd=tmp_path)
    assert res.returncode == 0 and res.stdout == "", res.stdout
    res = run("check", "--no-cache", ".", cwd=tmp_path)  # at the token, models.py's own noqa counts
    assert lines(res.stdout) == [f"models.py:{HEAD_LINE}:{HEAD_COL}: RL102"], res.stdout


def test_per_file_ignores_of_the_tokens_file_apply_at_the_token(tmp_path):
    project(tmp_path)
    write(tmp_path, "pyproject.toml",
          "[project]\nname = 'p'\n[tool.regr-lint.per-file-ignores]\n\"models.py\" = [\"RL102\"]\n")
    res = run("check", "--no-cache", ".", cwd=tmp_path)
    assert res.returncode == 0 and res.stdout == "", res.stdout


def test_per_file_ignores_of_the_importing_file_apply_at_the_bring_in_site(tmp_path):
    # pre-commit passes only train.py: the finding lands there, so train.py's settings decide
    project(tmp_path)
    write(tmp_path, "pyproject.toml",
          "[project]\nname = 'p'\n[tool.regr-lint.per-file-ignores]\n\"train.py\" = [\"RL102\"]\n")
    for cache in (["--no-cache"], []):  # a fresh run, then one filling and one hitting the cache
        for _ in range(1 if cache else 2):
            res = run("check", *cache, "train.py", cwd=tmp_path)
            assert res.returncode == 0 and res.stdout == "", res.stdout
    res = run("check", "--no-cache", ".", cwd=tmp_path)  # at the token, models.py's settings count
    assert lines(res.stdout) == [f"models.py:{HEAD_LINE}:{HEAD_COL}: RL102"], res.stdout


def test_a_mistake_wholly_inside_the_other_module_stays_its_own(tmp_path):
    # models.py compiles its own sigmoid head with mse: models.py's finding, reported when it is
    # linted and not again at every script that calls the builder
    models = MODELS.replace("    return model\n", '    model.compile(optimizer="adam", loss="mse")\n    return model\n')
    assert models != MODELS
    train = "from models import build_model\nimport numpy as np\nmodel = build_model(4)\n" \
            "model.fit(np.random.rand(8, 4), np.random.rand(8) * 9.0)\n"
    project(tmp_path, models=models, train=train)
    res = run("check", "--no-cache", ".", cwd=tmp_path)
    assert lines(res.stdout) == [f"models.py:{HEAD_LINE}:{HEAD_COL}: RL102"], res.stdout
    res = run("check", "--no-cache", "train.py", cwd=tmp_path)
    assert res.returncode == 0 and res.stdout == "", res.stdout


def test_json_output_names_the_tokens_file(tmp_path):
    project(tmp_path)
    res = run("check", "--no-cache", "--format", "json", ".", cwd=tmp_path)
    assert res.stdout.strip(), res.stderr
    doc = json.loads(res.stdout)["findings"]
    assert [(d["path"], d["line"], d["code"]) for d in doc] == [("models.py", HEAD_LINE, "RL102")]
    assert doc[0]["fix"] is None  # no fix is offered for a finding found from another file


def test_a_notebook_brings_the_head_in(tmp_path):
    project(tmp_path)
    cells = [TRAIN.splitlines(keepends=True)[:3], TRAIN.splitlines(keepends=True)[3:]]
    nb = {"cells": [{"cell_type": "code", "metadata": {}, "execution_count": None, "outputs": [],
                     "source": src} for src in cells],
          "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
    (tmp_path / "train.py").unlink()
    write(tmp_path, "explore.ipynb", json.dumps(nb))
    res = run("check", "--no-cache", "explore.ipynb", cwd=tmp_path)
    assert lines(res.stdout) == ["explore.ipynb:cell 2:3:9: RL102"], res.stdout
    res = run("check", "--no-cache", ".", cwd=tmp_path)
    assert lines(res.stdout) == [f"models.py:{HEAD_LINE}:{HEAD_COL}: RL102"], res.stdout


CONFIG = 'LOSS = "mse"\nMETRICS = ["accuracy"]\n'
SCRIPT_MODULES = textwrap.dedent("""\
    import numpy as np
    import config as cfg
    {import_line}

    model = {call}(4)
    model.compile(optimizer="adam", loss=cfg.LOSS, metrics=cfg.METRICS)
    model.fit(np.random.rand(10, 4), np.random.rand(10) * 100.0)
""")


def package_project(tmp_path, import_line: str, call: str):
    """The builder in pkg/nets.py, re-exported by pkg/__init__.py; the loss and metrics in config.py;
    the script imports modules (`import config as cfg`) or the package's re-export."""
    write(tmp_path, "pyproject.toml", "[project]\nname = 'p'\n")
    write(tmp_path, "config.py", CONFIG)
    write(tmp_path, "pkg/__init__.py", "from .nets import build_model\n")
    write(tmp_path, "pkg/nets.py", MODELS)
    write(tmp_path, "train.py", SCRIPT_MODULES.format(import_line=import_line, call=call))


def test_module_imports_and_package_reexports_are_followed(tmp_path):
    metrics_col = CONFIG.splitlines()[1].index('"accuracy"') + 1
    for import_line, call in (("from pkg import build_model", "build_model"),
                              ("import pkg.nets", "pkg.nets.build_model"),
                              ("import pkg.nets as nets", "nets.build_model")):
        package_project(tmp_path, import_line, call)
        res = run("check", "--no-cache", ".", cwd=tmp_path)
        assert lines(res.stdout) == [f"config.py:2:{metrics_col}: RL101",
                                     f"pkg/nets.py:{HEAD_LINE}:{HEAD_COL}: RL102"], (import_line, res.stdout)
        # only the script: at the names that bring each part in, `cfg.METRICS` and the builder call
        res = run("check", "--no-cache", "train.py", cwd=tmp_path)
        metrics_at = SCRIPT_MODULES.splitlines()[5].index("cfg.METRICS") + 1
        assert lines(res.stdout) == [f"train.py:5:9: RL102", f"train.py:6:{metrics_at}: RL101"], \
            (import_line, res.stdout)
        assert f"(at pkg/nets.py:{HEAD_LINE})" in res.stdout and "(at config.py:2)" in res.stdout


def test_a_module_import_that_is_not_the_projects_stays_unknown(tmp_path):
    # no config.py in the project: `cfg.LOSS` is unknown, nothing is guessed
    write(tmp_path, "pyproject.toml", "[project]\nname = 'p'\n")
    write(tmp_path, "models.py", MODELS)
    write(tmp_path, "train.py", SCRIPT_MODULES.format(import_line="from models import build_model",
                                                      call="build_model"))
    res = run("check", "--no-cache", ".", cwd=tmp_path)
    assert res.returncode == 0 and res.stdout == "", res.stdout


NETS = textwrap.dedent("""\
    import keras
    from keras import layers


    class Net(keras.Model):
        def __init__(self):
            super().__init__()
            self.hidden = layers.Dense(32, activation="relu")
            self.out = layers.Dense(1, activation="sigmoid")

        def call(self, x):
            return self.out(self.hidden(x))


    class Trainer:
        \"\"\"A wrapper with its own fit_generator: not Keras' removed method.\"\"\"

        def __init__(self, model):
            self.model = model

        def fit_generator(self, gen, steps):
            return self.model.fit(gen, steps_per_epoch=steps)
""")


def test_a_model_subclass_from_another_module_is_read_with_its_call(tmp_path):
    write(tmp_path, "pyproject.toml", "[project]\nname = 'p'\n")
    write(tmp_path, "nets.py", NETS)
    write(tmp_path, "train.py", "import numpy as np\nfrom nets import Net, Trainer\nmodel = Net()\n"
                                'model.compile(optimizer="adam", loss="mse")\n'
                                "Trainer(model).fit_generator(iter([]), 10)\n"
                                "model.fit(np.random.rand(10, 4), np.random.rand(10) * 100.0)\n")
    res = run("check", "--no-cache", ".", cwd=tmp_path)
    col = NETS.splitlines()[8].index("activation=") + 1
    assert lines(res.stdout) == [f"nets.py:9:{col}: RL102"], res.stdout  # and no RL501


def test_constants_a_builder_imports_from_a_third_module_are_read(tmp_path):
    # train.py -> models.py -> config.py (two levels): the head's activation is config's constant
    write(tmp_path, "pyproject.toml", "[project]\nname = 'p'\n")
    write(tmp_path, "config.py", 'HEAD_ACT = "sigmoid"\nN_OUT = 1\n')
    models = MODELS.replace("from keras.models import Sequential\n",
                            "from keras.models import Sequential\nfrom config import HEAD_ACT, N_OUT\n") \
        .replace('Dense(1, activation="sigmoid")', "Dense(N_OUT, activation=HEAD_ACT)")
    write(tmp_path, "models.py", models)
    write(tmp_path, "train.py", TRAIN)
    res = run("check", "--no-cache", ".", cwd=tmp_path)
    col = models.splitlines()[HEAD_LINE].index("activation=") + 1
    assert lines(res.stdout) == [f"models.py:{HEAD_LINE + 1}:{col}: RL102"], res.stdout
    # three levels: config's value comes from a fourth module, beyond the bound: unknown, silent
    write(tmp_path, "defaults.py", 'ACT = "sigmoid"\n')
    write(tmp_path, "config.py", "from defaults import ACT as HEAD_ACT\nN_OUT = 1\n")
    res = run("check", "--no-cache", ".", cwd=tmp_path)
    assert res.returncode == 0 and res.stdout == "", res.stdout


BASE = textwrap.dedent("""\
    class BaseNetwork:
        def __init__(self, name):
            self.name = name

        def train(self, gen, steps, epochs):
            return self.model.fit_generator(gen, steps_per_epoch=steps, epochs=epochs)
""")


def test_a_base_class_in_another_module_trains_the_model_its_subclass_builds(tmp_path):
    write(tmp_path, "pyproject.toml", "[project]\nname = 'p'\n")
    write(tmp_path, "networks/__init__.py", "")
    write(tmp_path, "networks/base.py", BASE)
    write(tmp_path, "networks/nvidia.py", textwrap.dedent("""\
        from keras.models import Sequential
        from keras.layers import Dense, Flatten
        from networks.base import BaseNetwork


        class Nvidia(BaseNetwork):
            def __init__(self):
                super().__init__("nvidia")
                self.model = self.network

            @property
            def network(self):
                model = Sequential([Flatten(), Dense(1)])
                model.compile(optimizer="adam", loss="mse")
                return model
    """))
    col = BASE.splitlines()[5].index("fit_generator") + 1
    res = run("check", "--no-cache", ".", cwd=tmp_path)
    assert lines(res.stdout) == [f"networks/base.py:6:{col}: RL501"], res.stdout
    res = run("check", "--no-cache", "networks/nvidia.py", cwd=tmp_path)
    assert lines(res.stdout) == ["networks/nvidia.py:6:14: RL501"], res.stdout
    assert "(at networks/base.py:6)" in res.stdout


def test_a_fit_inside_a_trainer_that_imports_no_keras_is_judged_by_itself(tmp_path):
    # RL201 reads a fit(x, x) made in another module's function on the model handed to it; the
    # same trainer fitting an autoencoder is fine
    write(tmp_path, "pyproject.toml", "[project]\nname = 'p'\n")
    write(tmp_path, "trainer.py", "def train(model, images):\n    model.fit(images, images, epochs=5)\n")
    main = textwrap.dedent("""\
        import numpy as np
        from keras import Input, Sequential
        from keras.layers import Dense
        from trainer import train

        x = np.load("digits.npy").reshape(-1, 784)
        model = Sequential([Input((784,)), Dense(128, activation="relu"), Dense(10, activation="softmax")])
        model.compile(optimizer="adam", loss="categorical_crossentropy")
        train(model, x)
    """)
    write(tmp_path, "main.py", main)
    res = run("check", "--no-cache", ".", cwd=tmp_path)
    assert lines(res.stdout) == ["trainer.py:2:23: RL201"], res.stdout
    write(tmp_path, "main.py", main.replace('Dense(128, activation="relu"), Dense(10, activation="softmax")',
                                            'Dense(32, activation="relu"), Dense(784, activation="sigmoid")'))
    res = run("check", "--no-cache", ".", cwd=tmp_path)
    assert res.returncode == 0 and res.stdout == "", res.stdout


# A project exported without pyproject.toml, configuration or .git, its imports rooted at src/
# (`PYTHONPATH=src python src/trainer/train.py`): the root is the folder above src/.
SRC_BUILDER = textwrap.dedent("""\
    from tensorflow import keras


    def build(n_features):
        inp = keras.Input(shape=(n_features,))
        out = keras.layers.Dense(1, activation="{act}")(keras.layers.Dense(16, activation="relu")(inp))
        return keras.Model(inp, out)
""")
SRC_TRAIN = textwrap.dedent("""\
    import numpy as np

    from handlers.model_builder import build

    model = build(4)
    model.compile(optimizer="adam", loss="mse")
    model.fit(np.random.rand(100, 4), 1000.0 * np.random.rand(100, 1), epochs=1)
""")


def test_imports_rooted_at_src_without_a_project_marker(tmp_path):
    write(tmp_path, "src/handlers/model_builder.py", SRC_BUILDER.format(act="sigmoid"))
    write(tmp_path, "src/trainer/train.py", SRC_TRAIN)
    res = run("check", "--no-cache", ".", cwd=tmp_path)
    assert lines(res.stdout) == ["src/handlers/model_builder.py:6:33: RL102"], res.stdout + res.stderr
    res = run("check", "--no-cache", "src/trainer/train.py", cwd=tmp_path)
    assert lines(res.stdout) == ["src/trainer/train.py:5:9: RL102"], res.stdout + res.stderr
    assert "(at src/handlers/model_builder.py:6)" in res.stdout


def test_imports_rooted_at_src_without_a_project_marker_valid_linear_head(tmp_path):
    write(tmp_path, "src/handlers/model_builder.py", SRC_BUILDER.format(act="linear"))
    write(tmp_path, "src/trainer/train.py", SRC_TRAIN)
    res = run("check", "--no-cache", ".", cwd=tmp_path)
    assert lines(res.stdout) == [], res.stdout + res.stderr


# A repository unpacked from an archive (no .git, pyproject.toml or configuration), run from its top
# (`python -m app.train`): app/ and lib/ have no __init__.py (namespace packages). The folder the run
# lints is where its absolute imports start.
LIB_TRAIN = SRC_TRAIN.replace("from handlers.model_builder import build", "from lib.models import build")


def test_an_unmarked_project_imports_from_the_linted_folder(tmp_path):
    write(tmp_path, "repo/lib/models.py", SRC_BUILDER.format(act="sigmoid"))
    write(tmp_path, "repo/app/train.py", LIB_TRAIN)
    res = run("check", "--no-cache", ".", cwd=tmp_path / "repo")
    assert lines(res.stdout) == ["lib/models.py:6:33: RL102"], res.stdout + res.stderr
    res = run("check", "--no-cache", "repo", cwd=tmp_path)
    assert lines(res.stdout) == ["repo/lib/models.py:6:33: RL102"], res.stdout + res.stderr
    # linting the folder app/ alone: `lib.models` is no module of it (Python run from there would
    # not find it either)
    res = run("check", "--no-cache", "app", cwd=tmp_path / "repo")
    assert lines(res.stdout) == [], res.stdout + res.stderr


def test_an_unmarked_project_imports_from_the_linted_folder_valid_linear_head(tmp_path):
    write(tmp_path, "repo/lib/models.py", SRC_BUILDER.format(act="linear"))
    write(tmp_path, "repo/app/train.py", LIB_TRAIN)
    res = run("check", "--no-cache", ".", cwd=tmp_path / "repo")
    assert lines(res.stdout) == [], res.stdout + res.stderr


NAMESPACE_TRAIN = SRC_TRAIN.replace("from handlers.model_builder import build", "from CycleGAN.models import build")


def test_an_unmarked_file_imports_from_above_the_folder_its_import_names(tmp_path):
    # `from CycleGAN.models import build` in CycleGAN/train.py: the import names a folder the file
    # lies in, so it starts above it (also when only that file is linted, from anywhere)
    write(tmp_path, "repo/CycleGAN/models.py", SRC_BUILDER.format(act="sigmoid"))
    write(tmp_path, "repo/CycleGAN/train.py", NAMESPACE_TRAIN)
    res = run("check", "--no-cache", "CycleGAN/train.py", cwd=tmp_path / "repo")
    assert lines(res.stdout) == ["CycleGAN/train.py:5:9: RL102"], res.stdout + res.stderr
    assert "(at models.py:6)" in res.stdout, res.stdout
    res = run("check", "--no-cache", "CycleGAN", cwd=tmp_path / "repo")
    assert lines(res.stdout) == ["CycleGAN/models.py:6:33: RL102"], res.stdout + res.stderr
    write(tmp_path, "repo/CycleGAN/models.py", SRC_BUILDER.format(act="linear"))
    res = run("check", "--no-cache", "CycleGAN/train.py", cwd=tmp_path / "repo")
    assert lines(res.stdout) == [], res.stdout + res.stderr


COMPILING_BUILDER = SRC_BUILDER.replace("    return keras.Model(inp, out)\n", """\
    model = keras.Model(inp, out)
    model.compile(optimizer="adam", loss="mse")
    return model
""")
assert "compile" in COMPILING_BUILDER
SCALED_TRAIN = textwrap.dedent("""\
    import numpy as np
    from sklearn.preprocessing import MinMaxScaler

    from lib.models import build

    model = build(4)
    model.fit(np.random.rand(100, 4), MinMaxScaler().fit_transform(np.random.rand(100, 1) * 1000.0), epochs=1)
""")


def test_a_repository_exported_below_a_src_folder_imports_from_the_linted_folder(tmp_path):
    # src/repo/ (an archive unpacked into a folder of sources): the unmarked root is the folder
    # above src/, and the repository linted from its top is where its imports start — so the
    # builder's own reading finds the script that fits its sigmoid head on min-max scaled targets
    write(tmp_path, "src/repo/lib/models.py", COMPILING_BUILDER.format(act="sigmoid"))
    write(tmp_path, "src/repo/train.py", SCALED_TRAIN)
    res = run("check", "--no-cache", ".", cwd=tmp_path / "src" / "repo")
    assert lines(res.stdout) == [], res.stdout + res.stderr
    write(tmp_path, "src/repo/train.py", SCALED_TRAIN.replace("MinMaxScaler().fit_transform(", "np.log1p("))
    res = run("check", "--no-cache", ".", cwd=tmp_path / "src" / "repo")
    assert lines(res.stdout) == ["lib/models.py:6:33: RL102"], res.stdout + res.stderr


def test_a_marked_project_does_not_import_from_a_linted_folder_above_it(tmp_path):
    # repo/ has a pyproject.toml: its root is repo/, whatever folder above it is linted, so
    # `CycleGAN.models` (beside repo/, not in it) is not its module
    write(tmp_path, "CycleGAN/models.py", SRC_BUILDER.format(act="sigmoid"))
    write(tmp_path, "repo/pyproject.toml", "[project]\nname = 'p'\n")
    write(tmp_path, "repo/train.py", NAMESPACE_TRAIN)
    res = run("check", "--no-cache", "repo", "CycleGAN", cwd=tmp_path)
    assert lines(res.stdout) == [], res.stdout + res.stderr


def test_the_cache_tells_runs_of_other_linted_folders_apart(tmp_path):
    # a result cached by `check .` (lib/models.py read for app/train.py) is not the answer for
    # `check app`, where that import resolves to nothing; and the other way round
    write(tmp_path, "repo/lib/models.py", SRC_BUILDER.format(act="sigmoid"))
    write(tmp_path, "repo/app/train.py", LIB_TRAIN)
    repo = tmp_path / "repo"
    for _ in range(2):
        assert lines(run("check", ".", cwd=repo).stdout) == ["lib/models.py:6:33: RL102"]
        assert lines(run("check", "app", cwd=repo).stdout) == []


def test_an_unmarked_project_imports_from_the_linted_folder_in_worker_processes(tmp_path):
    # enough files for a worker pool (parallel.MIN_PARALLEL): the workers search the linted folder too
    write(tmp_path, "repo/lib/models.py", SRC_BUILDER.format(act="sigmoid"))
    for i in range(9):
        write(tmp_path, f"repo/app/train{i}.py", LIB_TRAIN)
    res = run("check", "--no-cache", "--jobs", "2", ".", cwd=tmp_path / "repo")
    assert lines(res.stdout) == ["lib/models.py:6:33: RL102"], res.stdout + res.stderr
    assert "10 files checked" in res.stdout + res.stderr, res.stdout + res.stderr


TOP_LEVEL_MODEL = textwrap.dedent("""\
    from tensorflow import keras

    model = keras.Sequential([keras.Input((4,)), keras.layers.Dense(8, activation="relu"),
                              keras.layers.Dense(1, activation="{act}")])
""")
TOP_LEVEL_TRAIN = textwrap.dedent("""\
    import numpy as np
    from model import model

    x = np.random.rand(100, 4)
    y = np.random.rand(100) * 50.0
    model.compile(optimizer="adam", loss="mse")
    model.fit(x, y, epochs=5)
""")


def test_a_model_made_at_another_modules_top_level_is_compiled_and_fitted_here(tmp_path):
    # `from model import model`: the object model.py's top level made, compiled and fitted by the
    # script (it was unknown there: no finding in either file)
    write(tmp_path, "pyproject.toml", "[project]\nname = 'p'\n")
    write(tmp_path, "model.py", TOP_LEVEL_MODEL.format(act="sigmoid"))
    write(tmp_path, "train.py", TOP_LEVEL_TRAIN)
    col = TOP_LEVEL_MODEL.splitlines()[3].index("activation=") + 1
    res = run("check", "--no-cache", ".", cwd=tmp_path)
    assert lines(res.stdout) == [f"model.py:4:{col}: RL102"], res.stdout + res.stderr
    res = run("check", "--no-cache", "train.py", cwd=tmp_path)
    assert lines(res.stdout) == ["train.py:6:1: RL102"], res.stdout + res.stderr
    assert "(at model.py:4)" in res.stdout
    # `import model as m` ... `m.model.fit(...)`: the same object
    write(tmp_path, "train.py", TOP_LEVEL_TRAIN.replace("from model import model", "import model as m")
          .replace("model.compile", "m.model.compile").replace("model.fit", "m.model.fit"))
    res = run("check", "--no-cache", "train.py", cwd=tmp_path)
    assert codes(res.stdout) == ["RL102"], res.stdout + res.stderr


def test_a_model_made_at_another_modules_top_level_valid_look_alikes(tmp_path):
    write(tmp_path, "pyproject.toml", "[project]\nname = 'p'\n")
    write(tmp_path, "model.py", TOP_LEVEL_MODEL.format(act="linear"))
    write(tmp_path, "train.py", TOP_LEVEL_TRAIN)
    res = run("check", "--no-cache", ".", cwd=tmp_path)
    assert res.returncode == 0 and lines(res.stdout) == [], res.stdout + res.stderr
    # the sigmoid head on targets the script scales into [0, 1]
    write(tmp_path, "model.py", TOP_LEVEL_MODEL.format(act="sigmoid"))
    write(tmp_path, "train.py", TOP_LEVEL_TRAIN.replace(
        "y = np.random.rand(100) * 50.0\n",
        "from sklearn.preprocessing import MinMaxScaler\n"
        "y = MinMaxScaler().fit_transform((np.random.rand(100) * 50.0).reshape(-1, 1))\n"))
    res = run("check", "--no-cache", ".", cwd=tmp_path)
    assert res.returncode == 0 and lines(res.stdout) == [], res.stdout + res.stderr


def test_what_one_script_does_to_an_imported_object_is_not_seen_by_the_next(tmp_path):
    # Project modules are read once per run and shared by their importers: a.py setting `t.model`
    # on the trainer it imports must not be what b.py's `t.model` is when b.py is linted next in
    # the same process (b.py's fit went to a.py's model, and its finding was lost).
    write(tmp_path, "pyproject.toml", "[project]\nname = 'p'\n")
    write(tmp_path, "trainer.py", "from tensorflow import keras\n\n\nclass Trainer:\n"
                                  "    def __init__(self, epochs=5):\n        self.epochs = epochs\n")
    write(tmp_path, "a.py", "from tensorflow import keras\nfrom trainer import Trainer\n\nt = Trainer()\n"
                            "t.model = keras.Sequential([keras.Input((4,)), keras.layers.Dense(1)])\n")
    write(tmp_path, "b.py", textwrap.dedent("""\
        import numpy as np
        from trainer import Trainer

        x = np.random.rand(100, 4)
        x_val, y_val = np.random.rand(20, 4), np.random.rand(20)
        t = Trainer()
        t.model.compile(optimizer="adam", loss="mse")
        t.model.fit(x, x, validation_data=(x_val, y_val), epochs=t.epochs)
    """))
    alone = run("check", "--no-cache", "--jobs", "1", "b.py", cwd=tmp_path)
    assert lines(alone.stdout) == ["b.py:8:16: RL201"], alone.stdout + alone.stderr
    after = run("check", "--no-cache", "--jobs", "1", "a.py", "b.py", cwd=tmp_path)
    assert lines(after.stdout) == lines(alone.stdout), after.stdout + after.stderr


LOADER = textwrap.dedent("""\
    import numpy as np
    from sklearn.preprocessing import MinMaxScaler


    class DataLoader:
        def __init__(self, path):
            self.path = path

        def get_train(self):
            y = np.load(self.path).reshape(-1, 1)
            y = MinMaxScaler().fit_transform(y)
            x = np.load("x.npy")
            return x, y
""")
LOADER_TRAIN = textwrap.dedent("""\
    from data import DataLoader
    from keras.models import Sequential
    from keras.layers import Dense, LSTM

    loader = DataLoader("y.npy")
    x, y = loader.get_train()
    m = Sequential()
    m.add(LSTM(32, input_shape=(10, 1)))
    m.add(Dense(1, activation="sigmoid"))
    m.compile(loss="mse", optimizer="adam")
    m.fit(x, y, epochs=5)
""")


def test_targets_a_project_classs_method_returns_are_read_in_its_module(tmp_path):
    # VALID: `x, y = loader.get_train()` — the method scales the targets into [0, 1] in data.py
    write(tmp_path, "pyproject.toml", "[project]\nname = 'p'\n")
    write(tmp_path, "data.py", LOADER)
    write(tmp_path, "train.py", LOADER_TRAIN)
    res = run("check", "--no-cache", ".", cwd=tmp_path)
    assert res.returncode == 0 and lines(res.stdout) == [], res.stdout + res.stderr
    # INVALID: the same method without the scaler
    write(tmp_path, "data.py", LOADER.replace("        y = MinMaxScaler().fit_transform(y)\n", ""))
    res = run("check", "--no-cache", ".", cwd=tmp_path)
    assert lines(res.stdout) == ["train.py:9:16: RL102"], res.stdout + res.stderr


WRAPPER = textwrap.dedent("""\
    from tensorflow.keras.layers import Dense, LSTM
    from tensorflow.keras.models import Sequential


    class StockModel:
        def __init__(self, seq_length):
            self.model = self.build_model((seq_length, 1))

        def build_model(self, input_shape):
            model = Sequential()
            model.add(LSTM(32, input_shape=input_shape))
            model.add(Dense(1, activation="sigmoid"))
            model.compile(optimizer="adam", loss="mean_squared_error")
            return model

        def train(self, x_train, y_train, epochs=20):
            self.model.fit(x_train, y_train, epochs=epochs)
""")
WRAPPER_DATA = textwrap.dedent("""\
    import numpy as np
    from sklearn.preprocessing import MinMaxScaler


    class Prices:
        def preprocess(self, prices):
            scaler = MinMaxScaler(feature_range=(0, 1))
            scaled = scaler.fit_transform(prices.reshape(-1, 1))
            return scaled, scaler

        def windows(self, data, n):
            x, y = [], []
            for i in range(len(data) - n):
                x.append(data[i:i + n])
                y.append(data[i + n])
            return np.array(x), np.array(y)
""")
WRAPPER_MAIN = textwrap.dedent("""\
    import numpy as np
    from data import Prices
    from model import StockModel


    def main():
        prices = Prices()
        raw = np.random.rand(500) * 300.0
        scaled, scaler = prices.preprocess(raw)
        x, y = prices.windows(scaled, 10)
        stock_model = StockModel(10)
        stock_model.train(x, y, epochs=4)
""")


def test_a_wrapper_fitting_its_parameters_is_judged_on_what_the_script_passes(tmp_path):
    # model.py fits the model on `train`'s own parameters; main.py passes windows cut (by a method
    # of data.py) from prices scaled into [0, 1] (by another method there): the sigmoid head fits
    write(tmp_path, "pyproject.toml", "[project]\nname = 'p'\n")
    write(tmp_path, "model.py", WRAPPER)
    write(tmp_path, "data.py", WRAPPER_DATA)
    write(tmp_path, "main.py", WRAPPER_MAIN)
    for args in ((".",), ("model.py",), ("main.py",)):
        res = run("check", "--no-cache", *args, cwd=tmp_path)
        assert res.returncode == 0 and lines(res.stdout) == [], (args, res.stdout + res.stderr)
    # the windows cut from the raw prices: a mistake, at the head in model.py
    write(tmp_path, "main.py", WRAPPER_MAIN.replace("prices.windows(scaled, 10)", "prices.windows(raw, 10)"))
    col = WRAPPER.splitlines()[11].index("activation=") + 1
    res = run("check", "--no-cache", ".", cwd=tmp_path)
    assert lines(res.stdout) == [f"model.py:12:{col}: RL102"], res.stdout + res.stderr


def test_a_mistake_the_importer_completes_is_reported_there_when_only_it_is_linted(tmp_path):
    # models.py's relu head is wrong only because train.py standardises the targets (signed): with
    # pre-commit passing only train.py, the finding is train.py's, pointing at the head
    write(tmp_path, "pyproject.toml", "[project]\nname = 'p'\n")
    write(tmp_path, "models.py", textwrap.dedent("""\
        from keras.models import Sequential
        from keras.layers import Dense

        def build(n):
            m = Sequential([Dense(32, activation="relu", input_dim=n), Dense(1, activation="relu")])
            m.compile(loss="mse", optimizer="adam")
            return m
    """))
    write(tmp_path, "train.py", textwrap.dedent("""\
        import numpy as np
        from sklearn.preprocessing import StandardScaler
        from models import build

        x = np.random.rand(200, 8)
        y = StandardScaler().fit_transform(np.random.rand(200, 1) * 100)
        model = build(8)
        model.fit(x, y, epochs=3)
    """))
    res = run("check", "--no-cache", "train.py", cwd=tmp_path)
    assert lines(res.stdout) == ["train.py:7:9: RL106"], res.stdout + res.stderr
    assert "(at models.py:5)" in res.stdout
    for args in ((".",), ("models.py",)):
        res = run("check", "--no-cache", *args, cwd=tmp_path)
        assert lines(res.stdout) == ["models.py:5:73: RL106"], (args, res.stdout + res.stderr)


def test_two_tokens_brought_in_at_one_place_are_two_findings(tmp_path):
    # trainer.py's one call holds two removed arguments: linted alone, main.py reports both at the
    # line that hands the model over, each naming its own token
    write(tmp_path, "pyproject.toml", "[project]\nname = 'p'\n")
    write(tmp_path, "trainer.py", "class Trainer:\n    def __init__(self, model):\n        self.model = model\n\n"
                                  "    def train(self, gen, n):\n"
                                  "        return self.model.fit_generator(gen, samples_per_epoch=n, nb_epoch=5)\n")
    write(tmp_path, "main.py", "from keras.models import Sequential\nfrom keras.layers import Dense\n"
                               "from trainer import Trainer\n\n"
                               "model = Sequential([Dense(8, activation='relu', input_shape=(4,)), Dense(1)])\n"
                               "model.compile(optimizer='adam', loss='mse')\nTrainer(model).train(gen(), 1000)\n")
    res = run("check", "--no-cache", "main.py", cwd=tmp_path)
    assert lines(res.stdout) == ["main.py:7:1: RL501", "main.py:7:1: RL504", "main.py:7:1: RL504"], \
        res.stdout + res.stderr
    assert "samples_per_epoch" in res.stdout and "nb_epoch" in res.stdout
    whole = run("check", "--no-cache", ".", cwd=tmp_path)
    assert lines(whole.stdout) == ["trainer.py:6:27: RL501", "trainer.py:6:46: RL504", "trainer.py:6:67: RL504"], \
        whole.stdout + whole.stderr


TRAIN_CONFIG = textwrap.dedent("""\
    TRAIN = {
        "learning_rate": 1e-3,
        "loss": "mean_squared_error",
        "metrics": ["mae", "accuracy"],
    }
""")
TRAINER = textwrap.dedent("""\
    from keras.optimizers import Adam

    from config import TRAIN


    class Trainer:
        def __init__(self, model):
            self.model = model

        def compile(self):
            opt = Adam(learning_rate=TRAIN["learning_rate"])
            self.model.compile(optimizer=opt, loss=TRAIN["loss"],
                               metrics=TRAIN["metrics"])
            return self

        def fit(self, x, y):
            self.model.fit(x, y, epochs=5)
""")
LINEAR = MODELS.replace('activation="sigmoid"', "activation=None")
TRAIN_WITH_TRAINER = textwrap.dedent("""\
    import numpy as np
    from models import build_model
    from trainer import Trainer

    x, y = np.load("x.npy"), np.load("y.npy")
    Trainer(build_model(x.shape[1])).compile().fit(x, y)
""")


def test_a_mistake_complete_in_a_module_between_is_that_modules(tmp_path):
    # trainer.py compiles with config.py's metrics: linted by itself it reports the accuracy metric,
    # so train.py (which reads config.py only through trainer.py) does not report it again
    project(tmp_path, models=LINEAR, train=TRAIN_WITH_TRAINER)
    write(tmp_path, "config.py", TRAIN_CONFIG)
    write(tmp_path, "trainer.py", TRAINER)
    res = run("check", "--no-cache", "train.py", cwd=tmp_path)
    assert res.returncode == 0 and res.stdout == "", res.stdout
    # trainer.py and train.py linted together: once, in trainer.py, at the subscript bringing the
    # metrics in (not the learning rate's `TRAIN[...]` read two lines before it)
    res = run("check", "--no-cache", "train.py", "trainer.py", cwd=tmp_path)
    metrics = TRAINER.splitlines()[12]
    assert lines(res.stdout) == [f"trainer.py:13:{metrics.index('TRAIN') + 1}: RL101"], res.stdout
    assert "(at config.py:4)" in res.stdout


def test_a_builder_picked_from_a_registry_dict_is_reported_at_the_pick(tmp_path):
    registry = MODELS + '\n\ndef build_linear(n_features):\n    return Sequential([Dense(1, input_dim=n_features)])\n' \
        '\n\nMODELS = {"linear": build_linear, "bounded": build_model}\n'
    train = TRAIN.replace("from models import build_model", "from models import MODELS").replace(
        "model = build_model(4)", 'build = MODELS["bounded"]\nmodel = build(4)')
    project(tmp_path, models=registry, train=train)
    res = run("check", "--no-cache", "train.py", cwd=tmp_path)
    assert lines(res.stdout) == [f"train.py:{BUILD_LINE}:9: RL102"], res.stdout
    assert f"(at models.py:{HEAD_LINE})" in res.stdout
