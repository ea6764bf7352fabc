"""The verifier for real on TensorFlow (marked `tensorflow`; skipped only where TF is not installed —
CI installs it): every rule confirmed, deterministic key numbers, readable plots, and the failure
paths (a failed check, a hanging program) reported instead of hanging the CLI."""
from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

pytestmark = [
    pytest.mark.tensorflow,
    pytest.mark.skipif(importlib.util.find_spec("tensorflow") is None,
                       reason="TensorFlow is not installed (pip install 'regr-lint[verify]')"),
]
REPO = Path(__file__).resolve().parents[1]


def verify(*args, cwd=REPO, timeout=600):
    return subprocess.run([sys.executable, "-m", "regr_lint", "verify", *args], cwd=cwd,
                          capture_output=True, text=True, timeout=timeout)


def test_every_rule_confirmed_twice_with_identical_numbers_and_plots(tmp_path):
    reports = []
    for run in (1, 2):
        report = tmp_path / f"run{run}.json"
        plots = tmp_path / f"plots{run}"
        proc = verify("--report", str(report), "--plots", str(plots))
        assert proc.returncode == 0, proc.stdout + proc.stderr
        data = json.loads(report.read_text())
        assert data["rules"] and all(r["confirmed"] for r in data["rules"].values())
        reports.append({code: (r["bad"], r["fixed"]) for code, r in data["rules"].items()})
        for code in data["rules"]:
            png = plots / f"{code}.png"
            assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and png.stat().st_size > 20_000
    assert reports[0] == reports[1]
    assert {"RL101", "RL102", "RL103", "RL201"} <= set(reports[0])


def test_failed_check_and_timeout_are_reported_not_hung(tmp_path):
    ok_program = "RESULT = {'x': [1.0, 2.0]}\nprint('ran')\n"
    (tmp_path / "XX001").mkdir()
    (tmp_path / "XX001" / "bad.py").write_text(ok_program)
    (tmp_path / "XX001" / "fixed.py").write_text("import time\ntime.sleep(600)\n")
    (tmp_path / "XX001" / "symptom.toml").write_text(textwrap.dedent("""
        rule = "XX001"
        symptom = "a made-up symptom"
        [bad]
        checks = ["max(x) > 5"]
        [fixed]
        checks = ["True"]
    """))
    proc = verify("--fixtures", str(tmp_path), "--timeout", "20", timeout=300)
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "check failed: max(x) > 5" in proc.stdout
    assert "fixed.py did not run: timed out after 20 s" in proc.stdout
