"""The editor setups in editors/, run for real in headless Neovim and batch Emacs when those
editors are installed (skipped, with the reason, where they are not)."""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
EDITORS = REPO / "editors"
BUG = 'import keras\nm = keras.Sequential([keras.layers.Dense(1)])\nm.compile(loss="mse", metrics=["accuracy"])\n'


def _env():
    env = dict(os.environ)
    env["PATH"] = str(Path(sys.executable).parent) + os.pathsep + env.get("PATH", "")
    return env


@pytest.mark.skipif(shutil.which("nvim") is None, reason="Neovim is not installed")
def test_neovim_quickfix_from_the_unsaved_buffer(tmp_path):
    path = tmp_path / "train.py"
    path.write_text("x = 1\n")  # on disk: clean; the buffer below holds the bug
    out = tmp_path / "qf.txt"
    script = (f"source {EDITORS / 'regr_lint.vim'}", "%d", f"call setline(1, {json.dumps(BUG.splitlines())})",
              "RegrLint",
              f"call writefile(map(getqflist(), {{_, e -> e.lnum . ':' . e.col . ':' . e.text}}), '{out}')",
              "qa!")
    cmd = ["nvim", "--headless", "-u", "NONE"] + [a for c in script for a in ("-c", c)] + [str(path)]
    subprocess.run(cmd, cwd=tmp_path, env=_env(), timeout=60, check=True, capture_output=True)
    entries = out.read_text().splitlines()
    assert len(entries) == 1 and re.match(r"3:\d+:\s*RL101 ", entries[0]), entries


@pytest.mark.skipif(shutil.which("emacs") is None, reason="Emacs is not installed")
def test_emacs_flymake_backend(tmp_path):
    path = tmp_path / "train.py"
    path.write_text(BUG)
    probe = ('(regr-lint-flymake (lambda (diags &rest _) (dolist (d diags) (princ (format "%d %s\\n" '
             '(line-number-at-pos (flymake-diagnostic-beg d)) (flymake-diagnostic-text d))))))')
    proc = subprocess.run(["emacs", "--batch", "-Q", "-l", str(EDITORS / "regr-lint-flymake.el"), str(path),
                           "--eval", probe], cwd=tmp_path, env=_env(), timeout=60, capture_output=True, text=True)
    lines = [l for l in proc.stdout.splitlines() if l.strip()]
    assert len(lines) == 1 and lines[0].startswith("3 RL101 "), proc.stdout + proc.stderr


def test_vscode_problem_matcher_reads_the_text_format(tmp_path):
    # VS Code cannot run here; its problem-matcher regexp is checked against real output instead.
    tasks = json.loads((EDITORS / "vscode" / "tasks.json").read_text())
    pattern = tasks["tasks"][0]["problemMatcher"]["pattern"]
    (tmp_path / "train.py").write_text(BUG)
    proc = subprocess.run([sys.executable, "-m", "regr_lint", "check", "--exit-zero", "train.py"],
                          cwd=tmp_path, capture_output=True, text=True, env=_env())
    m = re.match(pattern["regexp"], proc.stdout.splitlines()[0])
    assert m and m.group(pattern["file"]) == "train.py" and m.group(pattern["code"]) == "RL101"
    assert m.group(pattern["line"]) == "3"
