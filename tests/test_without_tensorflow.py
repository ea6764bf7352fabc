"""In a fresh virtualenv with regr-lint but none of the verify extras: `check` works and `verify`
exits 2 with the exact install command. (Real venv, real pip: marked slow.)"""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


@pytest.mark.slow
def test_check_works_and_verify_exits_2_without_tensorflow(tmp_path):
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    py = venv / "bin" / "python"
    install = subprocess.run([str(py), "-m", "pip", "install", "-q", "-e", str(REPO)],
                             capture_output=True, text=True, timeout=900)
    assert install.returncode == 0, install.stderr[-2000:]
    probe = subprocess.run([str(py), "-c", "import importlib.util as u; print(u.find_spec('tensorflow'))"],
                           capture_output=True, text=True)
    assert probe.stdout.strip() == "None"
    lint = venv / "bin" / "regr-lint"
    check = subprocess.run([str(lint), "check", "examples"], cwd=REPO, capture_output=True, text=True)
    assert check.returncode == 1 and " RL101 " in check.stdout, check.stderr
    ver = subprocess.run([str(lint), "verify"], cwd=REPO, capture_output=True, text=True)
    assert ver.returncode == 2
    assert "pip install 'regr-lint[verify]'" in ver.stderr
