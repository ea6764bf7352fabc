"""Jupyter notebooks: code cells joined, IPython syntax masked with lines kept, findings reported in
ruff's `path:cell C:L:col:` form, malformed notebooks as RL000, --fix rewriting only the fixed cells."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from regr_lint.engine.lint import lint_file
from regr_lint.engine.registry import load_rules
from regr_lint.input.notebook import fix_notebook, load

RULES = load_rules()


def notebook(*cells) -> str:
    out = []
    for kind, src in cells:
        cell = {"cell_type": kind, "metadata": {}, "source": src.splitlines(keepends=True)}
        if kind == "code":
            cell.update(execution_count=None, outputs=[])
        out.append(cell)
    return json.dumps({"cells": out, "metadata": {}, "nbformat": 4, "nbformat_minor": 5}, indent=1)


NB = notebook(
    ("markdown", "# Housing\nmodel.compile(loss='mse', metrics=['accuracy'])"),
    ("code", "%matplotlib inline\n!pip install keras\nimport keras"),
    ("code", "%%bash\necho model.compile(loss='mse', metrics=['accuracy'])"),
    ("code", "m = keras.Sequential([keras.layers.Dense(1)])\nif True:\n    %time x = 1\nm.compile(loss='mse',\n          metrics=['accuracy'])"),
)


def test_masking_keeps_every_line():
    src = load(NB)
    assert src.text.count("\n") == 3 + 2 + 5
    assert src.starts == [1, 4, 6]
    assert src.locate(9) == (3, 4)


def test_findings_carry_cell_and_line(tmp_path):
    path = tmp_path / "nb.ipynb"
    path.write_text(NB)
    [f] = lint_file(str(path), RULES)
    assert (f.code, f.cell, f.cell_line, f.line) == ("RL101", 3, 5, 10)
    assert f.as_dict()["cell"] == 3 and f.as_dict()["line"] == 5


@pytest.mark.slow
def test_cli_text_form_and_discovery(tmp_path):
    path = tmp_path / "nb.ipynb"
    path.write_text(NB)
    before = path.read_bytes()
    proc = subprocess.run([sys.executable, "-m", "regr_lint", "check", str(tmp_path)],
                          capture_output=True, text=True)
    assert proc.returncode == 1
    assert proc.stdout.startswith(f"{path}:cell 3:5:")
    diff = subprocess.run([sys.executable, "-m", "regr_lint", "check", "--diff", str(path)],
                          capture_output=True, text=True)
    assert diff.returncode == 1 and "metrics=[" in diff.stdout and path.read_bytes() == before


def test_malformed_notebook_is_rl000(tmp_path):
    for name, text in (("broken.ipynb", "{not json"), ("nocells.ipynb", '{"metadata": {}}')):
        path = tmp_path / name
        path.write_text(text)
        [f] = lint_file(str(path), RULES)
        assert f.code == "RL000" and "not a notebook" in f.message


def test_fix_rewrites_only_the_fixed_cell_and_keeps_everything_else(tmp_path):
    cells = json.loads(NB)["cells"]
    cells[1]["outputs"] = [{"output_type": "stream", "name": "stdout", "text": ["ok\n"]}]
    cells[1]["execution_count"] = 7
    cells[3]["source"] = ["m = keras.Sequential([keras.layers.Dense(1)])\n",
                          "m.compile(loss='mse', metrics=['mae', 'accuracy'])"]
    doc = {"cells": cells, "metadata": {"kernelspec": {"name": "python3"}}, "nbformat": 4, "nbformat_minor": 5}
    path = tmp_path / "nb.ipynb"
    path.write_text(json.dumps(doc, indent=1, ensure_ascii=False) + "\n")
    proc = subprocess.run([sys.executable, "-m", "regr_lint", "check", "--fix", str(path)],
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    after = json.loads(path.read_text())
    changed = [i for i, (a, b) in enumerate(zip(doc["cells"], after["cells"])) if a != b]
    assert changed == [3]
    assert "".join(after["cells"][3]["source"]).endswith("metrics=['mae'])")
    assert after["cells"][1]["outputs"] == cells[1]["outputs"] and after["metadata"] == doc["metadata"]
    # everything but the fixed line is byte-identical
    old_lines, new_lines = json.dumps(doc, indent=1).splitlines(), path.read_text().splitlines()
    assert len(old_lines) == len(new_lines)
    assert sum(a != b for a, b in zip(old_lines, new_lines)) == 1
    again = subprocess.run([sys.executable, "-m", "regr_lint", "check", "--fix", str(path)],
                           capture_output=True, text=True)
    assert again.returncode == 0 and json.loads(path.read_text()) == after


# -- --fix keeps the file's bytes outside the changed cells' source -------------------------------------

FIXED_LINE = ("m.compile(loss='mse', metrics=['mae', 'accuracy'])  # d\u00e9j\u00e0 vu",
              "m.compile(loss='mse', metrics=['mae'])  # d\u00e9j\u00e0 vu")


def _styled(indent, ensure_ascii: bool, newline: str) -> str:
    doc = {"cells": [
        {"cell_type": "markdown", "metadata": {}, "source": ["# Caf\u00e9 prices\n", "r\u00e9gression"]},
        {"cell_type": "code", "execution_count": 1, "metadata": {}, "outputs": [],
         "source": ["import keras\n", "m = keras.Sequential([keras.layers.Dense(1)])  # \u00e9\n", FIXED_LINE[0]]},
        {"cell_type": "code", "execution_count": None, "metadata": {}, "outputs": [], "source": "x = 1"},
    ], "metadata": {"kernelspec": {"name": "python3"}}, "nbformat_minor": 5, "nbformat": 4}
    return json.dumps(doc, indent=indent, ensure_ascii=ensure_ascii).replace("\n", newline) + newline


@pytest.mark.parametrize("indent,ensure_ascii,newline,bom", [
    (1, False, "\n", ""), ("\t", True, "\r\n", ""), (2, True, "\n", ""), (4, False, "\r\n", ""),
    (1, False, "\r\n", "\ufeff"),
], ids=["jupyter", "tabs-ascii-crlf", "two-ascii", "four-crlf", "bom-crlf"])
def test_fix_changes_only_the_fixed_line_of_the_cell(tmp_path, indent, ensure_ascii, newline, bom):
    text = bom + _styled(indent, ensure_ascii, newline)
    old, new = (json.dumps(line, ensure_ascii=ensure_ascii) for line in FIXED_LINE)
    assert text.count(old) == 1
    path = tmp_path / "nb.ipynb"
    path.write_bytes(text.encode())
    proc = subprocess.run([sys.executable, "-m", "regr_lint", "check", "--fix", "--no-cache", str(path)],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert path.read_bytes() == text.replace(old, new).encode()


def test_fix_keeps_a_bom_and_cells_it_did_not_touch():
    text = "\ufeff" + _styled(1, True, "\n")

    def fix_source(source):
        return source.replace("metrics=['mae', 'accuracy']", "metrics=['mae']").replace("x = 1", "x = 2"), 2

    new, fixed = fix_notebook(text, fix_source)
    old_line, new_line = (json.dumps(line) for line in FIXED_LINE)
    assert fixed == 2
    assert new == text.replace(old_line, new_line).replace('"source": "x = 1"', '"source": "x = 2"')


def test_fix_writes_a_list_source_that_grows_in_the_list_s_layout():
    text = _styled("\t", False, "\r\n")

    def fix_source(source):
        return source.replace("import keras\n", "import keras\nimport math\n", 1), 1

    new, _ = fix_notebook(text, fix_source)
    assert new == text.replace('\t\t\t\t"import keras\\n",\r\n',
                               '\t\t\t\t"import keras\\n",\r\n\t\t\t\t"import math\\n",\r\n')
    assert json.loads(new)["cells"][1]["source"][:2] == ["import keras\n", "import math\n"]


@pytest.mark.parametrize("text", [
    '{"cells": [], "metadata": ' + "[" * 100000 + "]" * 100000 + "}",
    "[" * 100000,
    json.dumps({"cells": [{"cell_type": "code", "source": ["import keras\n", 5, None, {"a": 1}]}]}),
    json.dumps({"cells": [{"cell_type": "code", "source": [["import keras"]]}]}),
], ids=["deep-metadata", "deep-unclosed", "numbers-in-source", "list-in-source"])
def test_deep_or_odd_json_is_rl000_for_lint_and_fix(tmp_path, text):
    path = tmp_path / "odd.ipynb"
    path.write_text(text)
    for args in (["check"], ["check", "--fix"]):
        proc = subprocess.run([sys.executable, "-m", "regr_lint", *args, "--no-cache", str(path)],
                              capture_output=True, text=True, timeout=120)
        assert proc.returncode == 1, proc.stderr
        assert " RL000 " in proc.stdout and "not a notebook" in proc.stdout, proc.stdout
        assert "Traceback" not in proc.stderr and "internal error" not in proc.stderr, proc.stderr
    assert path.read_text() == text


def test_fix_keeps_a_list_source_s_trailing_empty_string(tmp_path):
    """Notebooks written by jupytext (keras-io's among them) end a cell's source list with "": a fix
    elsewhere in the cell keeps it."""
    doc = {"cells": [{"cell_type": "code", "execution_count": None, "metadata": {}, "outputs": [],
                      "source": ["import keras\n", "def build():\n",
                                 "    opt = keras.optimizers.Adam(lr=5e-5)\n", "    return opt\n", ""]}],
           "metadata": {}, "nbformat": 4, "nbformat_minor": 0}
    text = json.dumps(doc, indent=1) + "\n"
    path = tmp_path / "nb.ipynb"
    path.write_text(text)
    proc = subprocess.run([sys.executable, "-m", "regr_lint", "check", "--fix", "--no-cache", str(path)],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert path.read_text() == text.replace("Adam(lr=5e-5)", "Adam(learning_rate=5e-5)")


# -- IPython syntax is masked where IPython sees it, nowhere else (tests/test_ipython_syntax.py) ----------

IPY = notebook(
    ("code", "pip install transformers"),
    ("code", "import keras\nprint(\n    \"Using %d samples\"\n    % (len(keras.__version__),)\n)"),
    ("code", "files = !ls\n!ls \\\n  -la\nkeras.Sequential?\nif files:\n    t = %time 1"),
    ("code", "m = keras.Sequential([keras.layers.Dense(1)])\nm.compile(loss='mse', metrics=['mae', 'accuracy'])"),
)


def test_ipython_syntax_jupyter_runs_is_not_rl000(tmp_path):
    path = tmp_path / "nb.ipynb"
    path.write_text(IPY)
    assert [f.code for f in lint_file(str(path), RULES)] == ["RL101"]


def test_automagic_in_a_cell_of_several_lines_is_rl000(tmp_path):
    """IPython runs `pip install x` without `%` only when it is the cell's one line; in a longer cell
    Jupyter raises SyntaxError too."""
    path = tmp_path / "nb.ipynb"
    path.write_text(notebook(("code", "pip install datasets\npip install nltk"), ("code", "import keras")))
    [f] = lint_file(str(path), RULES)
    assert (f.code, f.cell, f.cell_line) == ("RL000", 1, 1)


def test_a_statement_timed_by_a_line_magic_is_checked(tmp_path):
    # IPython runs `%time stmt`: its mistakes are found, at their columns in the cell; a `%timeit`
    # with options is not read
    path = tmp_path / "nb.ipynb"
    path.write_text(notebook(
        ("code", "import keras\nm = keras.Sequential([keras.Input((4,)), keras.layers.Dense(1)])"),
        ("code", "%time m.compile(optimizer='adam', loss='mse', metrics=['accuracy'])\n"
                 "%timeit -n 1 m.compile(loss='mse', metrics=['acc'])")))
    found = [(f.code, f.cell, f.cell_line, f.col) for f in lint_file(str(path), RULES)]
    col = "%time m.compile(optimizer='adam', loss='mse', metrics=['accuracy'])".index("'accuracy'") + 1
    assert found == [("RL101", 2, 1, col)], found


NB3 = json.dumps({"nbformat": 3, "nbformat_minor": 0, "metadata": {}, "worksheets": [{"cells": [
    {"cell_type": "markdown", "source": ["# Housing"]},
    {"cell_type": "code", "language": "python", "outputs": [],
     "input": ["from keras.optimizers import Adam\n", "opt = Adam(lr=0.1)"]}]}]})


def test_an_nbformat3_notebook_is_linted_and_never_rewritten(tmp_path):
    # cells in `worksheets`, code in `input` (Jupyter upgrades it when it opens it): linted as its
    # cells; no fix is offered, and --fix / --add-noqa leave the file as it was
    path = tmp_path / "old.ipynb"
    path.write_text(NB3)
    [f] = lint_file(str(path), RULES)
    assert (f.code, f.cell, f.cell_line, f.col, f.fix) == ("RL502", 1, 2, 12, None), f
    fixed = _cli("--fix", str(path))
    assert "nbformat 3 notebook is not rewritten" in fixed.stderr and path.read_text() == NB3, fixed.stderr
    _cli("--add-noqa", str(path))
    assert path.read_text() == NB3


def test_rl000_message_counts_lines_in_cells(tmp_path):
    # CPython says "after function definition on line 6" of the joined cells: line 2 of cell 2 here
    path = tmp_path / "nb.ipynb"
    path.write_text(notebook(("code", "import keras\nx = 1\ny = 2\nz = 3"),
                             ("code", "# build\ndef build(n):\nreturn n")))
    [f] = lint_file(str(path), RULES)
    assert (f.code, f.cell, f.cell_line) == ("RL000", 2, 3), f
    assert f.message.endswith("after function definition on line 2") and "of cell" not in f.message, f.message
    # a cell that does not parse by itself, after cells of other lengths (audit 31c): its own numbering
    path.write_text(notebook(("code", "import keras"), ("code", "x = 1"), ("code", "y = 2"),
                             ("code", "class A:\n    def f(self):\n        return 1\n\n    def g(self):\n"
                                      "        ###\n\n    def h(self):\n        return 2\n")))
    [f] = lint_file(str(path), RULES)
    assert (f.code, f.cell) == ("RL000", 4), f
    assert f.message.endswith("after function definition on line 5") and "of cell" not in f.message, f.message
    path.write_text(notebook(("code", "import keras\ndef build(n):"), ("code", "return n")))
    [f] = lint_file(str(path), RULES)
    assert f.cell == 2 and "on line 2 of cell 1" in f.message, f


def test_fix_restores_ipython_lines_as_written():
    def fix_source(source):
        return source.replace("metrics=['mae', 'accuracy']", "metrics=['mae']"), 1

    new, fixed = fix_notebook(IPY, fix_source)
    assert fixed == 1 and new == IPY.replace("metrics=['mae', 'accuracy']", "metrics=['mae']")

    def touch_all(source):  # a fix in a cell with masked lines gives them back as written
        return source.replace("import keras\n", "import keras  # k\n").replace("if files:", "if files:  # f"), 2

    new, _ = fix_notebook(IPY, touch_all)
    cells = [json.loads(new)["cells"][i]["source"] for i in (1, 2)]
    assert "".join(cells[0]) == ("import keras  # k\nprint(\n    \"Using %d samples\"\n"
                                 "    % (len(keras.__version__),)\n)")
    assert "".join(cells[1]) == "files = !ls\n!ls \\\n  -la\nkeras.Sequential?\nif files:  # f\n    t = %time 1"


def test_fix_restores_look_alike_masked_lines_or_refuses():
    """`%cd x` and `!cd x` in one cell come back as each was written; a masked line that reads like
    another line of its cell (a comment `#%ls` next to `%ls`) makes the fix refuse, never guess."""
    from regr_lint.input.notebook import NotebookError

    def fix_source(source):
        return source.replace("metrics=['mae', 'accuracy']", "metrics=['mae']"), 1

    cell = "%cd data\n!cd data\nm.compile(loss='mse', metrics=['mae', 'accuracy'])"
    text = notebook(("code", cell))
    new, _ = fix_notebook(text, fix_source)
    assert new == text.replace("metrics=['mae', 'accuracy']", "metrics=['mae']")
    with pytest.raises(NotebookError):
        fix_notebook(notebook(("code", "%ls\n#%ls\n" + cell)), fix_source)


FIXABLE = notebook(
    ("markdown", "# Optimizer"),
    ("code", "%pip install keras\nfrom tensorflow import keras"),
    ("code", "model = keras.Sequential()\n%time x = 1\nopt = keras.optimizers.Adam(lr=5e-5)\n"
             "model.compile(optimizer=opt, loss='mse')"),
    ("code", "sgd = keras.optimizers.SGD(\n    lr=0.1)"),
)


def _cli(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "regr_lint", "check", "--no-cache", *args],
                          capture_output=True, text=True, cwd=cwd)


def _apply(source: str, edits: list[dict]) -> str:
    lines = source.split("\n")
    starts = [sum(len(x) + 1 for x in lines[:i]) for i in range(len(lines))]
    for e in sorted(edits, key=lambda e: (e["line"], e["column"]), reverse=True):
        a = starts[e["line"] - 1] + e["column"] - 1
        b = starts[e["end_line"] - 1] + e["end_column"] - 1
        source = source[:a] + e["content"] + source[b:]
    return source


def test_fixable_finding_in_a_notebook_is_listed_as_fixable_with_cell_edits(tmp_path):
    """[*], the fixable count and JSON `fix` agree with --fix; edits are cell-relative (with `cell`)."""
    path = tmp_path / "nb.ipynb"
    path.write_text(FIXABLE)
    text = _cli(str(path))
    assert text.stdout.count("RL502 [*]") == 2, text.stdout
    assert "2 fixable with the --fix option" in text.stderr
    found = json.loads(_cli("--format", "json", str(path)).stdout)["findings"]
    assert [(f["cell"], f["line"]) for f in found] == [(2, 3), (3, 2)]
    cells = [c for c in json.loads(FIXABLE)["cells"] if c["cell_type"] == "code"]
    expected = ["".join(c["source"]) for c in cells]
    for f in found:
        assert f["fix"]["applicability"] == "safe"
        assert {e["cell"] for e in f["fix"]["edits"]} == {f["cell"]}
        expected[f["cell"] - 1] = _apply(expected[f["cell"] - 1], f["fix"]["edits"])
    assert "keras.optimizers.Adam(learning_rate=5e-5)" in expected[1]
    fixed = _cli("--fix", "--show-fixes", str(path))
    assert "2 × RL502" in fixed.stderr
    written = [c for c in json.loads(path.read_text())["cells"] if c["cell_type"] == "code"]
    assert ["".join(c["source"]) for c in written] == expected


SEQ = ("from tensorflow.keras.models import Sequential\nfrom tensorflow.keras.layers import LSTM, Dense\n"
       "model = Sequential()\nmodel.add(LSTM(128, input_shape=(45, 4), return_sequences=True))\n")


@pytest.mark.parametrize("cells", [
    # a statement replaced at the end of a cell without a final newline (the joined text's separator)
    (SEQ + "# the head\nmodel.add(Dense(1))", "model.compile(loss='mse', optimizer='adam')"),
    # a masked magic among the replaced statement's leading lines comes back as written
    (SEQ + "%time x = 1\nmodel.add(Dense(1))\n", "model.compile(loss='mse', optimizer='adam')"),
    # an added import goes into the first code cell, after its masked magic
    ("%pip install x\nimport tensorflow as tf", "model = tf.keras.Sequential([tf.keras.layers.Dense(1)])\n"
     "model.compile(optimizer='adam', loss='mse')\nmodel.fit(ds, steps_per_epoch=len(x) / bs, epochs=10)"),
])
def test_json_edits_applied_to_the_cells_give_what_fix_writes(tmp_path, cells):
    path = tmp_path / "nb.ipynb"
    path.write_text(notebook(*(("code", c) for c in cells)))
    found = json.loads(_cli("--format", "json", str(path)).stdout)["findings"]
    assert found and all(f["fix"] for f in found)
    expected = list(cells)
    for f in found:
        for e in f["fix"]["edits"]:
            expected[e["cell"] - 1] = _apply(expected[e["cell"] - 1], [e])
    assert expected != list(cells)
    _cli("--fix", "--unsafe-fixes", str(path))  # RL301's fix is unsafe
    assert ["".join(c["source"]) for c in json.loads(path.read_text())["cells"]] == expected


def test_add_noqa_in_a_notebook_goes_into_the_cell_source_once(tmp_path):
    path = tmp_path / "nb.ipynb"
    src = notebook(
        ("code", "from tensorflow import keras\n%time opt0 = keras.optimizers.Adam(lr=1.0)"),
        ("code", "opt = keras.optimizers.Adam(lr=5e-5)\nsgd = keras.optimizers.SGD(\n    lr=0.1)  # noqa: RL999\n"),
    )
    path.write_bytes(src.encode())
    first = _cli("--add-noqa", str(path))
    assert first.returncode == 0 and "Added 3 noqa directives." in first.stderr, first.stderr
    new = path.read_bytes().decode()
    before, after = src.splitlines(keepends=True), new.splitlines(keepends=True)
    changed = [(a, b) for a, b in zip(before, after) if a != b]
    # the statement a `%time` runs is checked, and its line takes a noqa as any other
    assert len(before) == len(after) and [b for _, b in changed] == [
        '    "%time opt0 = keras.optimizers.Adam(lr=1.0)  # noqa: RL502"\n',
        '    "opt = keras.optimizers.Adam(lr=5e-5)  # noqa: RL502\\n",\n',
        '    "    lr=0.1)  # noqa: RL502, RL999\\n"\n']
    second = _cli("--add-noqa", str(path))
    assert "Added 0 noqa directives." in second.stderr
    assert path.read_bytes().decode() == new
    assert _cli(str(path)).returncode == 0


def test_a_cell_that_does_not_parse_is_reported_and_the_other_cells_are_read(tmp_path):
    # Jupyter runs each cell by itself: an exercise cell left unfinished (or a line no IPython
    # dedents) is RL000 at that cell, and the mistakes of the other cells are still found — with no
    # fix offered, as --fix rewrites a notebook through a parse of all its cells
    path = tmp_path / "nb.ipynb"
    path.write_text(notebook(
        ("code", "from tensorflow import keras\nfrom keras.optimizers import RMSprop"),
        ("code", "model = keras.Sequential()\nmodel.add(\n    ..."),
        ("code", "print(model)\n print(1)"),
        ("code", "model.compile(optimizer=RMSprop(lr=1e-4), loss='mse')")))
    found = [(f.code, f.cell, f.cell_line, f.fix is None) for f in lint_file(str(path), RULES)]
    assert found == [("RL000", 2, 2, True), ("RL000", 3, 2, True), ("RL502", 4, 1, True)], found
    before = path.read_text()
    _cli("--fix", str(path))
    assert path.read_text() == before
    # every cell broken: one RL000, as before
    path.write_text(notebook(("code", "import keras\nmodel.add(\n"), ("code", "print(1)\n print(2)")))
    assert [f.code for f in lint_file(str(path), RULES)] == ["RL000"]


# A notebook whose imports cell has a typo (`else:x`, then an unexpected indent): KeiLongW/
# battery-state-estimation's experiment notebooks. Jupyter runs the other cells by themselves.
TYPO_IN_IMPORTS = (
    ("code", "import numpy as np\nfrom tensorflow import keras\n\nLOCAL = False\nif LOCAL:\n"
             "    data_path = '../'\nelse:x\n    data_path = '/content/drive/cells/'\n"),
    ("code", "x = np.random.rand(512, 3)\ny = x @ np.array([0.5, -0.2, 0.1])\nprint(data_path)"),
    ("code", "opt = keras.optimizers.Adam(lr=3e-5)\n"
             "model = keras.Sequential([keras.Input(shape=(3,)), keras.layers.Dense(1)])\n"
             "model.compile(optimizer=opt, loss='huber', metrics=['accuracy'])\nmodel.fit(x, y, epochs=3)"),
)


def _found(path, text):
    path.write_text(text)
    return [(f.code, f.cell, f.cell_line, f.col) for f in lint_file(str(path), RULES)]


def test_a_broken_cell_holding_the_imports_hides_no_keras_api_finding_of_the_others(tmp_path):
    # RL000 where it was, and the other cells read with the broken cell's lines before its error as
    # written (its imports); what it binds past its error (`data_path`, printed) is nothing the
    # model's targets are made from: RL101, which follows the data from cell to cell, stands too
    path = tmp_path / "soc.ipynb"
    path.write_text(notebook(*TYPO_IN_IMPORTS))
    found = lint_file(str(path), RULES)
    assert [(f.code, f.cell, f.cell_line, f.col, f.fix) for f in found] == [
        ("RL000", 1, 8, 4, None), ("RL502", 3, 1, 29, None), ("RL101", 3, 3, 53, None)], found
    assert found[0].message == "syntax error: unexpected indent"
    # the typo fixed, every rule runs and the fix is offered
    fixed = [(c[0], c[1].replace("else:x", "else:")) for c in TYPO_IN_IMPORTS]
    path.write_text(notebook(*fixed))
    assert [(f.code, f.cell, f.fix is not None) for f in lint_file(str(path), RULES)] == [
        ("RL502", 3, True), ("RL101", 3, True)]


def test_rules_that_follow_data_across_statements_run_only_when_the_unread_lines_bind_nothing(tmp_path):
    path = tmp_path / "nb.ipynb"
    cells = [("code", "import keras\nimport numpy as np\nx = np.random.rand(64, 3)\ny = x.sum(1)"),
             ("code", "plot(y\ny = (y > 1.5).astype(int)"),  # (the cell that made y classes, unfinished)
             ("code", "m = keras.Sequential([keras.Input((3,)), keras.layers.Dense(1)])\n"
                      "m.compile(loss='mse', metrics=['accuracy'])\nm.fit(x, y)")]
    # past the error `y` may be rebound (here: made classes): RL101 does not run
    assert _found(path, notebook(*cells)) == [("RL000", 2, 1, 5)]
    # (without that cell: RL101 reads the targets, as they are written)
    assert [c for c, *_ in _found(path, notebook(cells[0], cells[2]))] == ["RL101"]
    # the classes made before the error are read as written: RL101 runs and is silent
    assert _found(path, notebook(cells[0], ("code", "y = (y > 1.5).astype(int)\nplot(y"), cells[2])) == [
        ("RL000", 2, 2, 5)]
    # a name bound past the error that no other line reads (a `def` cut short): every rule runs
    assert [c for c, *_ in _found(path, notebook(cells[0], ("code", "def time_se"), cells[2]))] == ["RL000", "RL101"]
    # nothing bound past the error: every rule runs on the other cells (no fix offered)
    found = lint_file(str(path), RULES) if path.write_text(notebook(cells[0], ("code", "print(y.mean()"),
                                                                   cells[2])) else []
    assert [(f.code, f.cell, f.fix) for f in found] == [("RL000", 2, None), ("RL101", 3, None)], found


def test_what_a_broken_cell_may_bind_past_its_error_is_unknown(tmp_path):
    # the lines past the error are not read, but the names they may bind are taken as unknown (an
    # optimizer of the notebook's own that takes lr) and the methods they may define as the
    # notebook's own (a `predict_classes` of a wrapper class, called on a parameter)
    path = tmp_path / "nb.ipynb"
    head = ("code", "import keras\nfrom keras.optimizers import Adam")
    use = ("code", "opt = Adam(lr=0.1)\ndef classes(m, x):\n    return m.predict_classes(x)")
    for unread in ("class Adam:\n    def __init__(self, lr):\n        self.lr = lr",
                   "Adam, SGD = make_optimizers()", "for Adam in [MyAdam]:\n    pass", "import mylib.opt as Adam"):
        assert _found(path, notebook(head, ("code", "show(\n" + unread), use))[1:] == [("RL506", 3, 3, 14)], unread
    wrapper = "class Wrapper:\n    def predict_classes(self, x):\n        return x"
    assert _found(path, notebook(head, ("code", "show(\n" + wrapper), use))[1:] == [("RL502", 3, 1, 12)]
    # a name read there, not bound, stays what it was
    assert _found(path, notebook(head, ("code", "show(\nprint(Adam, keras)"), use))[1:] == [
        ("RL502", 3, 1, 12), ("RL506", 3, 3, 14)]
    # a star import there may bind any name: only the RL000
    assert _found(path, notebook(head, ("code", "show(\nfrom mylib import *"), use)) == [("RL000", 2, 1, 5)]


# A broken cell's unread lines may change what a data-flow rule judges by its absence: the targets
# never scaled, the model given no other head, never compiled again. Its findings stand only where
# those lines touch nothing the finding's statement is made of (regr_lint.engine.unread).
_DATA = "import keras\nimport numpy as np\nx = np.random.rand(64, 3)\ny = x.sum(1) * 50"
_SIGMOID = ("m = keras.Sequential([keras.Input((3,)), keras.layers.Dense(8, activation='relu'),\n"
            "                       keras.layers.Dense(1, activation='sigmoid')])")
_TRAIN = "m.compile(loss='mse')\nm.fit(x, y)"
_ACCURACY = ("m = keras.Sequential([keras.Input((3,)), keras.layers.Dense(1)])\n"
             "m.compile(loss='mse', metrics=['accuracy'])")
_FUNCTIONAL = ("inp = keras.Input((3,))\nh = keras.layers.Dense(8, activation='relu')(inp)\n"
               "out = keras.layers.Dense(1, activation='sigmoid')(h)\nfm = keras.Model(inp, out)")


@pytest.mark.parametrize("cells", [
    (_DATA, _SIGMOID, "m.add(keras.layers.Dense(1)", _TRAIN),  # a linear head added after the sigmoid
    (_DATA, _SIGMOID, "np.divide(y, y.max(), out=y", _TRAIN),  # the targets scaled into (0, 1) in place
    (_DATA, _FUNCTIONAL, "np.divide(y, y.max(), out=y", "fm.compile(loss='mse')\nfm.fit(x, y)"),
    (_DATA, _SIGMOID, "plot(y\ny = y / y.max()", _TRAIN),  # rescaled past the error
    (_DATA, _SIGMOID, "m = keras.Sequential([keras.Input((3,)), keras.layers.Dense(1)]", _TRAIN),  # rebuilt
    (_DATA, _ACCURACY, "m.compile(loss='binary_crossentropy', metrics=['accuracy']", "m.fit(x, y)"),  # recompiled
    (_DATA + "\ndef scale(a):\n    a /= a.max()", _SIGMOID, "scale(y", _TRAIN),  # a function that scales
    (_DATA + "\ndef scale_targets():\n    y[:] = y / y.max()", _SIGMOID, "scale_targets(", _TRAIN),
    (_DATA, _SIGMOID + "\ndef train():\n    m.compile(loss='mse')\n    m.fit(x, y)", "y = y / y.max(", "train()"),
    (_DATA, _SIGMOID + "\nm.compile(loss='mse')", "y = y / y.max(", "for epoch in range(2):\n    m.fit(x, y)"),
])
def test_a_broken_cell_that_may_change_the_model_or_its_targets_silences_the_data_flow_rules(tmp_path, cells):
    assert [code for code, *_ in _found(tmp_path / "nb.ipynb", notebook(*[("code", c) for c in cells]))] == ["RL000"]


@pytest.mark.parametrize("cells,code", [
    # a loop variable bound past the error, bound again by every later loop before it is read
    ((_DATA, _ACCURACY, "for i in range(len(data_))", "m.fit(x, y)\nfor i in range(3):\n    print(i)"), "RL101"),
    # a name bound there and read later, but nothing the model or its targets are made from
    ((_DATA, _SIGMOID, "import os\nplot_path = os.path.join('out', 'loss.png'", _TRAIN + "\nprint(plot_path)"),
     "RL102"),
    ((_DATA, _FUNCTIONAL, "import os\nplot_path = os.path.join('out', 'loss.png'",
      "fm.compile(loss='mse')\nfm.fit(x, y)\nprint(plot_path)"), "RL102"),
    # only read there (what is printed or plotted), or another model changed
    ((_DATA, _SIGMOID + "\n" + _TRAIN, "print(y.mean(), m.summary()\nplt.plot(m.history.history['loss']"), "RL102"),
    ((_DATA, _SIGMOID + "\nm2 = keras.Sequential([keras.Input((3,))])", "m2.add(keras.layers.Dense(1)", _TRAIN),
     "RL102"),
    # RL202 judges the call by its own step count: the model rebound later takes nothing from it
    ((_DATA + "\nm = keras.Sequential([keras.Input((3,)), keras.layers.Dense(1)])",
      "m.compile('adam', 'mse')\nm.fit(x, y, steps_per_epoch=len(x) / 8)", "m = <Your code here!>",
      "m.compile('adam', 'mse')"), "RL202"),
])
def test_the_data_flow_findings_a_broken_cell_cannot_change_stand(tmp_path, cells, code):
    found = lint_file(str(tmp_path / "nb.ipynb"), RULES) if (tmp_path / "nb.ipynb").write_text(
        notebook(*[("code", c) for c in cells])) else []
    assert sorted(f.code for f in found) == sorted(["RL000", code]) and all(f.fix is None for f in found), found
    assert next(f.cell for f in found if f.code == code) == 2


def test_several_broken_cells_each_rl000_and_masked_ipython_is_no_broken_cell(tmp_path):
    path = tmp_path / "nb.ipynb"
    assert _found(path, notebook(
        ("code", "!pip install keras\n%matplotlib inline\nimport keras"),
        ("code", "def build(:\n    pass"),
        ("code", "opt = keras.optimizers.SGD(lr=0.1, decay=1e-6)"),
        ("code", "for i in range(3)\n    print(i)"),
        ("code", "m = keras.Sequential()\nm.predict_classes(x)"))) == [
        ("RL000", 2, 1, 11), ("RL502", 3, 1, 28), ("RL505", 3, 1, 36), ("RL000", 4, 1, 18), ("RL506", 5, 2, 3)]
    # IPython's own syntax masked (as always): no cell is broken, every rule runs, fixes are offered
    path.write_text(notebook(
        ("code", "!pip install keras\n%matplotlib inline\nimport keras\nimport numpy as np\n"
                 "x = np.random.rand(64, 3)\ny = x.sum(1)"),
        ("code", "m = keras.Sequential([keras.Input((3,)), keras.layers.Dense(1)])\n"
                 "m.compile(optimizer=keras.optimizers.Adam(lr=1e-3), loss='mse', metrics=['accuracy'])")))
    found = lint_file(str(path), RULES)
    assert [(f.code, f.fix is not None) for f in found] == [("RL502", True), ("RL101", True)], found


def test_a_python_file_with_a_syntax_error_is_still_only_rl000(tmp_path):
    path = tmp_path / "train.py"
    path.write_text("import keras\nopt = keras.optimizers.Adam(lr=0.1)\ndef build(:\n    pass\n")
    assert [(f.code, f.line) for f in lint_file(str(path), RULES)] == [("RL000", 3)]


def test_fix_leaves_a_notebook_with_a_broken_cell_as_it_was_and_noqa_still_counts(tmp_path):
    # no fix is offered beside a broken cell: the fix's safety (the names it writes, what the
    # object it renames a method of is) is judged on the whole notebook, and a fixed notebook
    # must still parse; JSON gives each finding with its cell
    path = tmp_path / "nb.ipynb"
    path.write_text(notebook(*TYPO_IN_IMPORTS))
    before = path.read_bytes()
    proc = _cli("--fix", "--format", "json", str(path))
    assert path.read_bytes() == before and proc.returncode == 1, proc.stderr
    assert [(f["code"], f["cell"], f["line"], f["fix"]) for f in json.loads(proc.stdout)["findings"]] == [
        ("RL000", 1, 8, None), ("RL502", 3, 1, None), ("RL101", 3, 3, None)]
    noqa = [(k, v.replace("Adam(lr=3e-5)", "Adam(lr=3e-5)  # noqa: RL502")) for k, v in TYPO_IN_IMPORTS]
    assert _found(path, notebook(*noqa)) == [("RL000", 1, 8, 4), ("RL101", 3, 3, 53)]


@pytest.mark.slow
def test_a_broken_cell_through_the_cache_stdin_sarif_and_add_noqa(tmp_path):
    path = tmp_path / "nb.ipynb"
    text = notebook(*TYPO_IN_IMPORTS)
    path.write_text(text)
    cold = subprocess.run([sys.executable, "-m", "regr_lint", "check", str(path)], capture_output=True, text=True,
                          cwd=tmp_path)
    warm = subprocess.run([sys.executable, "-m", "regr_lint", "check", str(path)], capture_output=True, text=True,
                          cwd=tmp_path)
    assert (tmp_path / ".regr_lint_cache").is_dir()
    assert cold.stdout == warm.stdout and [line.split(": ")[1].split()[0] for line in warm.stdout.splitlines()] == [
        "RL000", "RL502", "RL101"], warm.stdout
    piped = subprocess.run([sys.executable, "-m", "regr_lint", "check", "--no-cache", "--stdin-filename", "nb.ipynb",
                            "-"], input=text, capture_output=True, text=True, cwd=tmp_path)
    assert piped.stdout == cold.stdout.replace(str(path), "nb.ipynb"), piped.stdout
    sarif = json.loads(_cli("--format", "sarif", str(path)).stdout)
    assert [(r["ruleId"], r["properties"]["cell"]) for r in sarif["runs"][0]["results"]] == [
        ("RL000", 1), ("RL502", 3), ("RL101", 3)]
    _cli("--add-noqa", str(path))  # into the cell that parses; the broken one is left as it was
    cells = [c for c in json.loads(path.read_text())["cells"]]
    assert cells[0]["source"] == json.loads(text)["cells"][0]["source"]
    assert "".join(cells[2]["source"]).startswith("opt = keras.optimizers.Adam(lr=3e-5)  # noqa: RL502\n")
    assert [line.split(": ")[1].split()[0] for line in _cli(str(path)).stdout.splitlines()] == ["RL000"]


def test_an_empty_notebook_file_is_silent_a_broken_one_is_rl000(tmp_path):
    path = tmp_path / "exploration.ipynb"
    path.write_text("\n")
    assert lint_file(str(path), RULES) == []
    path.write_text("{not json")
    assert [f.code for f in lint_file(str(path), RULES)] == ["RL000"]


# A Databricks notebook exported as a .py file: its cells parted by `# COMMAND ----------`, magics
# written raw in a cell (`%pip install`) where Databricks' IPython kernel runs them.
DATABRICKS = """\
# Databricks notebook source
# MAGIC %md # Train the surrogate

# COMMAND ----------

%pip install mlflow==2.13.0

# COMMAND ----------

import numpy as np
from tensorflow import keras

x = np.random.rand(128, 6)
y = 40.0 * x[:, 0] + 3.0
model = keras.Sequential([keras.Input((6,)), keras.layers.Dense(1)])
model.compile(optimizer="adam", loss="mae", metrics=["accuracy"])
model.fit(x, y, epochs=2)
"""


def test_databricks_source_is_linted_with_its_magics_masked(tmp_path):
    path = tmp_path / "train.py"
    path.write_text(DATABRICKS)
    found = lint_file(str(path), RULES)
    assert [(f.line, f.code) for f in found] == [(16, "RL101")]
    assert found[0].fix is None  # --fix would parse the file as Python: nothing is offered


def test_the_same_magic_without_the_databricks_header_is_a_syntax_error(tmp_path):
    path = tmp_path / "train.py"
    path.write_text(DATABRICKS.split("\n", 1)[1])
    assert [f.code for f in lint_file(str(path), RULES)] == ["RL000"]


@pytest.mark.slow
def test_databricks_source_check_reports_and_fix_leaves_it_byte_for_byte(tmp_path):
    path = tmp_path / "train.py"
    path.write_bytes(DATABRICKS.replace("\n", "\r\n").encode())
    proc = subprocess.run([sys.executable, "-m", "regr_lint", "check", "--no-cache", str(path)],
                          capture_output=True, text=True)
    assert proc.returncode == 1 and "train.py:16:" in proc.stdout and "RL101" in proc.stdout, proc.stdout
    assert "RL000" not in proc.stdout and "fixable" not in proc.stdout
    fixed = subprocess.run([sys.executable, "-m", "regr_lint", "check", "--no-cache", "--fix", str(path)],
                           capture_output=True, text=True)
    assert fixed.returncode == 1, fixed.stdout + fixed.stderr
    assert path.read_bytes() == DATABRICKS.replace("\n", "\r\n").encode()


def test_a_cell_whose_first_line_is_indented_more_than_the_rest_is_read_as_ipython_8_ran_it(tmp_path):
    # IPython 8 (and Colab's 7) strip the first line's indentation from every line that starts with
    # it; IPython 9 cannot run such a cell, but the notebooks saved with them ran
    path = tmp_path / "nb.ipynb"
    path.write_text(notebook(
        ("code", "from tensorflow import keras\nmodel = keras.Sequential([keras.Input((8,))])"),
        ("code", "    model.add(keras.layers.Dense(1))\n    \nmodel.compile(loss='mse', metrics=['accuracy'])"),
        ("code", " %%time\n\nmodel.fit(x, y, epochs=2)")))
    found = [(f.code, f.cell, f.cell_line) for f in lint_file(str(path), RULES)]
    assert found == [("RL101", 2, 3)], found


def test_a_notebook_whose_kernel_runs_another_language_is_not_read_as_python(tmp_path):
    # an R notebook using R's keras (`model %>% compile(loss = "mse", metrics = "accuracy")`)
    cells = ["library(keras)", "model %>% compile(loss = 'mse', optimizer = 'adam', metrics = c('accuracy'))",
             "history <- model %>% fit(x, y, epochs = 30)"]
    doc = json.loads(notebook(*(("code", c) for c in cells)))
    doc["metadata"] = {"kernelspec": {"display_name": "R", "language": "R", "name": "ir"},
                       "language_info": {"name": "R"}}
    path = tmp_path / "anomaly.ipynb"
    path.write_text(json.dumps(doc))
    assert lint_file(str(path), RULES) == []
    # the same cells in a Python notebook are Python that does not parse: RL000
    doc["metadata"] = {"kernelspec": {"name": "python3", "language": "python"}}
    path.write_text(json.dumps(doc))
    assert {f.code for f in lint_file(str(path), RULES)} == {"RL000"}
