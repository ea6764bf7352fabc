"""`regr-lint server` without its extra: a clear message and exit 2, not a traceback."""
from __future__ import annotations

import subprocess
import sys

import pytest


def test_server_without_pygls_says_how_to_install_it():
    # pygls made unimportable in the child (None in sys.modules is how Python spells "not there")
    code = ("import sys; sys.modules['pygls'] = None; sys.modules['pygls.lsp'] = None; "
            "sys.modules['pygls.lsp.server'] = None; from regr_lint.cli import main; main(['server'])")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 2, proc.stderr
    assert "pygls" in proc.stderr and "pip install 'regr-lint[server]'" in proc.stderr
    assert proc.stdout == ""


@pytest.mark.slow  # two CLI runs
def test_unsafe_fixes_setting_must_be_a_boolean(tmp_path):
    # `unsafe-fixes` is the project's say on what the editor's fix-all applies; a typo in it is an
    # error (exit 2), as every other setting's
    (tmp_path / "regr-lint.toml").write_text('unsafe-fixes = "yes"\n')
    (tmp_path / "train.py").write_text("x = 1\n")
    proc = subprocess.run([sys.executable, "-m", "regr_lint", "check", "train.py"], cwd=tmp_path,
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 2 and "unsafe-fixes must be true or false" in proc.stderr, proc.stderr
    (tmp_path / "regr-lint.toml").write_text("unsafe-fixes = true\n")
    proc = subprocess.run([sys.executable, "-m", "regr_lint", "check", "train.py"], cwd=tmp_path,
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
