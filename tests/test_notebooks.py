"""Jupyter notebooks: code cells joined, IPython syntax masked with lines kept, findings reported in
ruff's `path:cell C:L:col:` form, malformed notebooks as RL000, --fix rewriting only the fixed cells."""
from __future__ import annotations

import json
import subprocess
import sys

from regr_lint.engine import lint_file
from regr_lint.notebook import load
from regr_lint.registry import load_rules

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
