"""The two pre-checks before libcst: rule tokens on the text, rule names on CPython's AST.

A file is only parsed by libcst (`lint_source` returns its module) when some rule's tokens occur in
its text and that rule's names occur in its code; docstrings and comments never count as code.
"""
from __future__ import annotations

import ast
import os

import pytest

from regr_lint.engine.lint import lint_source
from regr_lint.engine.registry import load_rules
from regr_lint.input.vocabulary import COMPILED, MODEL, POWER, SAME_DATA, SPLAT, code_vocabulary, satisfies

RULES = load_rules()


def vocab(src: str) -> set[str]:
    return code_vocabulary(ast.parse(src))


def parsed(src: str) -> bool:
    return lint_source(src, "t.py", RULES)[1] is not None


def test_vocabulary_reads_code_not_prose():
    v = vocab('"""Call model.compile(loss="mse", metrics=["accuracy"])."""\n'
              "# model.fit(x, x)\n"
              "from keras.layers import Dense as D\n"
              "import tensorflow.keras.backend as K\n"
              "y = K.sqrt(layer(units=3, name='Sigmoid'))\n")
    assert {"keras", "layers", "Dense", "D", "tensorflow", "backend", "K", "sqrt", "layer", "units",
            "name", "Sigmoid", "sigmoid", "y"} <= v
    assert not {"compile", "fit", "accuracy", "mse", COMPILED, SAME_DATA} & v


@pytest.mark.parametrize("src,token", [
    ("m.compile(loss='mse')", COMPILED),
    ("m.compile('adam', 'mse')", COMPILED),
    ("m.compile(**cfg)", COMPILED),
    ("compile(optimizer='adam', metrics=['mae'])", COMPILED),
    ("m.fit(x, x)", SAME_DATA),
    ("m.fit(x=a.b[0], y=a.b[0])", SAME_DATA),
    ("tf.data.Dataset.from_tensor_slices((x, x))", SAME_DATA),
    ("m.fit(*data)", SPLAT),
    ("m.fit(**kw)", SPLAT),
    ("m.fit(x, x, **kw)", SAME_DATA),
    ("e = (a - b) ** 2", POWER),
    ("e **= 0.5", POWER),
])
def test_pseudo_names(src, token):
    assert token in vocab(src)


@pytest.mark.parametrize("src,token", [
    ("m.compile(jit_compile=True)", COMPILED),
    ("m.compile(optimizer='adam')", COMPILED),
    ("re.compile(pattern)", COMPILED),
    ("re.compile(pattern, re.I)", COMPILED),
    ("code = compile(source, 'x.py', 'exec')", COMPILED),
    ("m.fit(x, y)", SAME_DATA),
    ("m.fit(x[0], x[1])", SAME_DATA),
    ("tf.data.Dataset.from_tensor_slices((x, y))", SAME_DATA),
    ("e = (a - b) * 2", POWER),
])
def test_pseudo_names_absent(src, token):
    assert token not in vocab(src)


def test_satisfies_any_of_groups():
    assert satisfies(("a", ("b", "c")), {"a", "c"})
    assert not satisfies(("a", ("b", "c")), {"a"})
    assert satisfies((), set())


KERAS_DOCSTRING_ONLY = '''\
"""A Keras layer. Example:

>>> model = keras.Sequential([keras.layers.Dense(1, activation="sigmoid")])
>>> model.compile(loss="mse", metrics=["accuracy"])
>>> model.fit(x, x, steps_per_epoch=n / 32)
"""
import keras


def fit(x, y):  # compile(loss="mse") with a sigmoid
    return keras.ops.mean(x - y)
'''


def test_a_file_whose_rule_names_are_only_in_prose_is_not_parsed():
    assert not parsed(KERAS_DOCSTRING_ONLY)


def test_the_same_code_for_real_is_parsed_and_reported():
    src = ("import keras\n"
           "model = keras.Sequential([keras.layers.Dense(1, activation='sigmoid')])\n"
           "model.compile(loss='mse', metrics=['accuracy'])\n")
    findings, module = lint_source(src, "t.py", RULES)
    assert module is not None
    assert sorted(f.code for f in findings) == ["RL101", "RL102"]


def test_a_broken_keras_file_is_still_reported_whatever_the_names():
    findings, _ = lint_source("import keras\ndef f(:\n", "t.py", RULES)
    assert [f.code for f in findings] == ["RL000"]


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_every_invalid_example_passes_its_rules_pre_checks(rule):
    # The example tests would fail too, but this names the gate that dropped the file.
    for src in rule.INVALID:
        assert all((t in src) if isinstance(t, str) else any(x in src for x in t) for t in rule.tokens)
        assert satisfies(rule.names, vocab(src)), src


def _reference_vocabulary(tree: ast.AST) -> set[str]:
    """The same vocabulary the slow, obvious way (ast.walk over every node): the oracle."""
    from regr_lint.input import vocabulary as v
    out: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Name):
            out.add(node.id)
        elif isinstance(node, ast.Attribute):
            out.add(node.attr)
        elif isinstance(node, ast.keyword) and node.arg:
            out.add(node.arg)
            if node.arg in v.KEYWORD_ONLY_NAMES:
                out.add(node.arg + "=")
        elif isinstance(node, ast.Constant) and isinstance(node.value, str) and len(node.value) <= 64:
            out |= {node.value, node.value.lower()}
        elif isinstance(node, ast.alias):
            out |= set(node.name.split(".")) | ({node.asname} if node.asname else set())
        elif isinstance(node, ast.ImportFrom) and node.module:
            out |= set(node.module.split("."))
            if "applications" in node.module.split(".") and node.module.split(".")[0] in v.KERAS_NAMES:
                out.add(MODEL)
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            out.add(node.name)
            if isinstance(node, ast.ClassDef) and any(v._last_name(b) in v.tables.MODEL_CLASSES for b in node.bases):
                out.add(MODEL)
        elif isinstance(node, ast.Call):
            if v._makes_or_uses_a_model(node):
                out.add(MODEL)
            if getattr(node.func, "attr", getattr(node.func, "id", None)) == "compile" and v._compiles_a_loss(node):
                out.add(COMPILED)
            if v._same_data(node):
                out.add(v._same_data(node))
        elif isinstance(node, (ast.BinOp, ast.AugAssign)) and isinstance(node.op, ast.Pow):
            out.add(POWER)
    return out


def _real_sources():
    import glob
    import os
    import sysconfig
    from pathlib import Path
    root = Path(__file__).resolve().parent.parent
    mine = [str(p) for pattern in ("fixtures/*/*.py", "examples/*.py", "regr_lint/**/*.py", "rules/*.py")
            for p in root.glob(pattern)]
    stdlib = sorted(glob.glob(os.path.join(sysconfig.get_paths()["stdlib"], "*.py")))[:150]
    return mine + stdlib


@pytest.mark.slow
def test_vocabulary_walk_matches_the_obvious_walk_on_real_code():
    compared = 0
    for path in _real_sources():
        try:
            tree = ast.parse(open(path, encoding="utf-8").read())
        except (SyntaxError, UnicodeDecodeError, ValueError):
            continue
        assert code_vocabulary(tree) == _reference_vocabulary(tree), path
        compared += 1
    assert compared > 100


def _split_strings(tree: ast.AST, text: str) -> set[str]:
    """Constants a text does not show as written: f-string parts, strings written in parts or with
    escapes (`"\\u03c0"`)."""
    out = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.JoinedStr):
            out |= {c.value for c in ast.walk(node) if isinstance(c, ast.Constant) and isinstance(c.value, str)}
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            written = ast.get_source_segment(text, node) or ""
            if "\\" in written or written.count(written[:1]) > 2 and written[:3] not in ('"""', "'''"):
                out.add(node.value)
    return out | {s.lower() for s in out}


@pytest.mark.slow
def test_text_vocabulary_holds_the_code_vocabulary_on_real_code():
    """What the modules a file imports stand for is read off their text (no parse): it must miss
    nothing the parse-level vocabulary holds, but for strings written in parts and escapes."""
    from regr_lint.input.vocabulary import text_vocabulary

    compared = 0
    for path in _real_sources():
        try:
            text = open(path, encoding="utf-8").read()
            tree = ast.parse(text)
        except (SyntaxError, UnicodeDecodeError, ValueError):
            continue
        missing = code_vocabulary(tree) - text_vocabulary(text) - {"*"}
        if missing:  # (source segments are slow to find: only asked about for what is missing)
            missing -= _split_strings(tree, text)
        assert not missing, (path, sorted(missing)[:10])
        compared += 1
    assert compared > 100


@pytest.mark.parametrize("src, token", [
    ("model.compile(optimizer='adam', loss='mse')\n", COMPILED),
    ("model.fit(x, x)\n", SAME_DATA),
    ("e = (a - b) ** 2\n", POWER),
    ("x = 'Accuracy'\n", "accuracy"),
])
def test_text_vocabulary_pseudo_names(src, token):
    from regr_lint.input.vocabulary import text_vocabulary

    assert token in text_vocabulary(src)


def test_text_vocabulary_leaves_out_prose():
    from regr_lint.input.vocabulary import text_vocabulary

    vocab = text_vocabulary('"""Call fit_generator() on it."""\n# sigmoid here\nx = 1\n')
    assert "fit_generator" not in vocab and "sigmoid" not in vocab and "x" in vocab


def test_an_import_shown_in_a_docstring_is_not_followed(tmp_path):
    """setup.py's `import pkg` must not read the backends pkg's docstring shows how to import."""
    from regr_lint.project import link as project_link

    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'p'\n")
    (tmp_path / "pkg").mkdir()
    (tmp_path / "pkg" / "__init__.py").write_text(
        '"""Use it as:\n\nfrom pkg import heavy as backend\n"""\nfrom pkg import light\n')
    (tmp_path / "pkg" / "heavy.py").write_text("import keras\n")
    (tmp_path / "pkg" / "light.py").write_text("X = 1\n")
    setup = tmp_path / "setup.py"
    setup.write_text("import pkg\n")
    project_link.forget()
    try:
        read = project_link._imported_modules(str(setup), setup.read_text())
    finally:
        project_link.forget()
    names = sorted(os.path.relpath(p, tmp_path) for p in read)
    assert names == [os.path.join("pkg", "__init__.py"), os.path.join("pkg", "light.py")]


def test_imports_are_read_off_the_text_as_is_unless_a_string_may_show_one():
    """Emptying every string costs as much as the rest of the pre-check: done only when a triple-quoted
    string holds a line that starts like an import."""
    from regr_lint.project.link import _named_modules, _without_strings

    plain = '"""Models."""\nimport keras\nfrom models import build  # the builder\nx = "from a import b"\n'
    assert _without_strings(plain)[0] is plain
    shown = '"""Use it as:\n\n    from pkg import heavy\n"""\nfrom pkg import light\n'
    assert [m for m, _, names in _named_modules(shown, code=True)] == ["pkg"]
    assert _named_modules(shown, code=True)[0][2] == ("light",)
    unclosed = "'''\nimport heavy\n"
    assert _named_modules(unclosed, code=True) == []
    # a string of one kind of triple quote holds the other kind: the pairing follows the first
    mixed = "x = '''a \"\"\" b'''\nimport real\n\"\"\"\nimport shown\n\"\"\"\n"
    assert [m for m, _, _ in _named_modules(mixed, code=True)] == ["real"]


def test_the_imported_modules_are_searched_for_a_token_only_when_asked_again_after_an_edit(tmp_path):
    """The token pre-check reads each imported module once per run (a snapshot of the disk) and
    searches it only for the tokens it is asked about; a module --fix rewrites is read again."""
    from regr_lint.project import link as project_link

    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'p'\n")
    models = tmp_path / "models.py"
    models.write_text("import keras\nHEAD = 'sigmoid'\n")
    train = tmp_path / "train.py"
    train.write_text("from models import HEAD\n")
    project_link.forget()
    try:
        found = project_link.imported_tokens(str(train), train.read_text())
        assert "igmoid" in found and "keras" in found and "oftmax" not in found
        searched = next(asked for path, (_, asked) in project_link._FOUND.items() if path.endswith("models.py"))
        assert set(searched) == {"igmoid", "keras", "oftmax"}
        models.write_text("import keras\nHEAD = 'softmax'  # an edit of another length\n")
        stale = project_link.imported_tokens(str(train), train.read_text())
        assert "igmoid" in stale and "oftmax" not in stale  # the run's snapshot, not a stat per ask
        project_link.rewritten(str(models))  # what the CLI calls after writing a fixed file
        again = project_link.imported_tokens(str(train), train.read_text())
        assert "oftmax" in again and "igmoid" not in again
        assert not project_link.imported_tokens(str(tmp_path / "other.py"), "x = 1\n")
    finally:
        project_link.forget()


# -- what a file must hold itself to be analysed for a mistake its imported modules complete ----------

@pytest.mark.parametrize("src", [
    "model = keras.Sequential([layer])",
    "m = Model(inputs, outputs)",
    "inp = keras.Input((4,))",
    "m = keras.models.load_model('m.keras')",
    "net = keras.applications.ResNet50(weights=None)",
    "from keras.applications import ResNet50",
    "class Net(keras.Model):\n    pass",
    "model.fit(x, y)",
    "clf.predict(x)",
    "model.compile(optimizer='adam')",
    "model.predict_classes(x)",
])
def test_a_model_made_or_used_is_a_pseudo_name(src):
    assert MODEL in vocab(src)


@pytest.mark.parametrize("src", [
    "import keras\ncb = keras.callbacks.EarlyStopping(patience=3)",
    "from keras import backend as K\nK.clear_session()",
    "pattern = re.compile(r'x')",
    "from keras_tuner.applications import HyperResNet",
    "class Param(hyperparameter.HyperParameter):\n    pass",
    "x = applications",  # named, not called
])
def test_no_model_without_one_made_or_used(src):
    assert MODEL not in vocab(src)


def test_a_file_whose_text_says_keras_only_inside_other_names_is_not_parsed():
    # RL503's internal paths all start at keras / tensorflow / tf_keras, named in code
    assert not parsed("import keras_tuner\nfrom keras_tuner.engine import tuner_utils\n\ntuner_utils.run()\n")
    findings, module = lint_source("from keras.engine import Layer\n", "t.py", RULES)
    assert module is not None and [f.code for f in findings] == ["RL503"]


MODELS_WITH_A_WHOLE_MISTAKE = """\
import keras


def build():
    model = keras.Sequential([keras.Input((4,)), keras.layers.Dense(1, activation="sigmoid")])
    model.compile(optimizer="adam", loss="mse", metrics=["accuracy"])
    return model
"""


def _project(tmp_path, files: dict[str, str]):
    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'p'\n")
    for name, text in files.items():
        (tmp_path / name).write_text(text)


def _parsed_in_project(tmp_path, name: str) -> bool:
    from regr_lint.project import link as project_link
    from regr_lint.model import trees

    project_link.forget()
    trees._MODULES.clear()
    try:
        path = str(tmp_path / name)
        return lint_source((tmp_path / name).read_text(), path, RULES)[1] is not None
    finally:
        project_link.forget()


@pytest.mark.parametrize("name, text", [
    # Keras' utilities only: no model here, the mistake is models.py's own
    ("callbacks.py", "import keras\nfrom models import build\n\n"
                     "def callbacks():\n    return [keras.callbacks.EarlyStopping(patience=3)]\n"),
    # a project's class and helpers, no Keras, no model handed on
    ("params.py", "from models import build\nfrom helpers import Base, check\n\n"
                  "class Param(Base):\n    def __init__(self, **kwargs):\n        super().__init__(**kwargs)\n"
                  "        check(self.value)\n"),
    # a splat is no same-data part: `fit(x, x)` would be
    ("forward.py", "from models import build\nfrom helpers import run\n\n"
                   "def go(*args, **kwargs):\n    return run(*args, **kwargs)\n"),
    # a project call given another's result, neither module making a model
    ("plumbing.py", "from helpers import check, load\n\ncheck(load('x.npy'))\n"),
])
def test_a_file_holding_no_part_of_its_imports_mistake_is_not_parsed(tmp_path, name, text):
    _project(tmp_path, {"models.py": MODELS_WITH_A_WHOLE_MISTAKE,
                        "helpers.py": "import keras\n\nclass Base:\n    pass\n\n"
                                      "def check(x):\n    return x\n\ndef load(p):\n    return p\n\n"
                                      "def run(*a, **k):\n    return keras.ops.mean(a)\n",
                        name: text})
    assert not _parsed_in_project(tmp_path, name)


@pytest.mark.parametrize("text", [
    "from models import build\nfrom trainer import train\n\ntrain(build(), 'x.npy')\n",
    "from models import build\nfrom trainer import train\n\nmodel = build()\ntrain(model, 'x.npy')\n",
    "import models\nimport trainer\n\nclass Run:\n    def __init__(self):\n        self.net = models.build()\n"
    "        trainer.train(self.net, 'x.npy')\n",
    "from models import build\nfrom trainer import train_with\n\ntrain_with(build, 'x.npy')\n",
    "from models import build\n\nmodel = build()\nmodel.fit(x, y)\n",
    "from models import *\nfrom trainer import train\n\ntrain(thing, 'x.npy')\n",
])
def test_a_file_handing_a_project_model_on_is_parsed(tmp_path, text):
    _project(tmp_path, {"models.py": MODELS_WITH_A_WHOLE_MISTAKE,
                        "trainer.py": "def train(model, path):\n    return model.fit_generator(path)\n\n"
                                      "def train_with(make, path):\n    return make().fit(path)\n",
                        "main.py": text})
    assert _parsed_in_project(tmp_path, "main.py")


def test_names_common_as_identifiers_count_as_keywords_only():
    # RL504's `Model(input=x, output=y)`: `layer.input` / `self.output` in every Keras file must not
    # make it parse them (the run on the keras sdist parsed far more files, and peaked at 441 MB)
    assert "input=" not in vocab("x = layer.input\ny = self.output\n")
    assert {"input=", "output="} <= vocab("m = Model(input=a, output=b)\n")
    assert not parsed("import keras\nx = layer.input\ny = model.output\nz = keras.Model(inputs=x, outputs=y)\n")
    assert parsed("import keras\nz = keras.Model(input=x, output=y)\n")


def test_a_layer_familys_keyword_is_looked_for_with_its_layer():
    # `mode=`, `p=`, `bias=` are everyday keywords (half of Keras' own sources pass `mode=`): a file
    # is parsed for RL504's Keras 1 keywords only when that layer is given one
    everyday = ("import keras\n"
                "x = keras.ops.pad(t, [[0, 1]], mode='constant')\n"
                "flip = keras.layers.RandomFlip(mode='horizontal')\n"
                "drop = keras.layers.Dropout(rate=0.5)\n")
    assert not parsed(everyday)
    assert {"Dropout", "mode"} <= vocab(everyday) and "Dropout(p=" not in vocab(everyday)
    keras1 = "import keras\ndrop = keras.layers.Dropout(p=0.5)\n"
    assert "Dropout(p=" in vocab(keras1)
    findings, module = lint_source(keras1, "t.py", RULES)
    assert module is not None and [f.code for f in findings] == ["RL504"]


def test_keywords_a_subclass_passes_its_keras_base_are_that_class_s():
    # `write_grads=` is TensorBoard's own Keras 2 keyword: given through `super().__init__` in a
    # subclass, the file is still one RL504 must read
    src = ("from keras.callbacks import TensorBoard\n"
           "class Board(TensorBoard):\n"
           "    def __init__(self, log_dir):\n"
           "        super().__init__(log_dir, write_grads=True)\n")
    assert "TensorBoard(write_grads=" in vocab(src)
    assert [f.code for f in lint_source(src, "t.py", RULES)[0]] == ["RL504"]
