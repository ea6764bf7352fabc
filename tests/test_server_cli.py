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
    assert "needs pygls >= 2, which is not installed" in proc.stderr
    assert "pip install 'pygls>=2' lsprotocol" in proc.stderr and "Traceback" not in proc.stderr
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


@pytest.mark.slow  # a virtualenv and a pip install
def test_server_with_pygls_1_says_it_is_too_old(tmp_path):
    # pygls 1.x has another API: a clear message, not an ImportError from deep inside
    import venv
    from pathlib import Path

    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    py = env_dir / "bin" / "python"
    install = subprocess.run([str(py), "-m", "pip", "install", "-q", "pygls<2", "click>=8.0", "libcst>=1.1"],
                             capture_output=True, text=True, timeout=600)
    if install.returncode != 0 and ("Could not find" in install.stderr or "No matching" in install.stderr):
        pytest.skip(f"pygls 1.x cannot be installed here: {install.stderr.strip()[-200:]}")
    assert install.returncode == 0, install.stderr
    repo = Path(__file__).resolve().parents[1]
    proc = subprocess.run([str(py), "-m", "regr_lint", "server"], capture_output=True, text=True, timeout=60,
                          env={"PYTHONPATH": str(repo), "PATH": "/usr/bin:/bin"}, stdin=subprocess.DEVNULL)
    assert proc.returncode == 2, proc.stderr
    assert "needs pygls >= 2, and pygls 1." in proc.stderr and "pip install 'pygls>=2'" in proc.stderr
