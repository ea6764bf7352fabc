"""The verifier for real on TensorFlow (marked `tensorflow`; skipped only where TF is not installed —
CI installs it): every rule confirmed, deterministic key numbers, readable plots, and the failure
paths (a failed check, a hanging program) reported instead of hanging the CLI."""
from __future__ import annotations

import importlib.util
import json
import os
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


def verify(*args, cwd=REPO, timeout=600, env=None):
    return subprocess.run([sys.executable, "-m", "regr_lint", "verify", *args], cwd=cwd,
                          capture_output=True, text=True, timeout=timeout,
                          env=None if env is None else {**os.environ, **env})


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


def test_planted_fixtures_and_tensorflow_are_not_run_unless_named(tmp_path):
    """`verify` runs the package's own fixture programs in a worker that imports nothing from the
    working directory (nor from PYTHONPATH, as under `python -I`); `--fixtures DIR` runs DIR's."""
    markers = tmp_path / "markers"
    markers.mkdir()
    for where in ("cwd", "on_path"):
        for package in ("tensorflow", "keras", "numpy"):
            init = (tmp_path if where == "cwd" else tmp_path / where) / package / "__init__.py"
            init.parent.mkdir(parents=True)
            init.write_text(f"open({str(markers / f'{where}-{package}')!r}, 'w').close()\n")
    program = f"open({str(markers / 'planted-fixture')!r}, 'w').close()\nRESULT = {{'x': 1}}\n"
    (tmp_path / "fixtures" / "RL202").mkdir(parents=True)
    for side in ("bad", "fixed"):
        (tmp_path / "fixtures" / "RL202" / f"{side}.py").write_text(program)
    (tmp_path / "fixtures" / "RL202" / "symptom.toml").write_text(
        'rule = "RL202"\nsymptom = "planted"\n[bad]\nchecks = ["True"]\n[fixed]\nchecks = ["True"]\n')

    proc = verify("--rule", "RL202", "--report", str(tmp_path / "r.json"), cwd=tmp_path,
                  env={"PYTHONPATH": str(tmp_path / "on_path")})
    assert proc.returncode == 0, proc.stdout + proc.stderr
    report = json.loads((tmp_path / "r.json").read_text())["rules"]
    assert list(report) == ["RL202"] and report["RL202"]["confirmed"]
    assert report["RL202"]["symptom"].startswith("a step count from a true division")
    assert sorted(p.name for p in markers.iterdir()) == []

    # Named on purpose (here relative to where verify runs), that folder's programs are what runs.
    proc = verify("--rule", "RL202", "--fixtures", "fixtures", cwd=tmp_path)
    assert proc.returncode == 1, proc.stdout + proc.stderr  # the planted bad.py has no RL202 bug
    assert "the linter does not report RL202 on bad.py" in proc.stdout
    assert sorted(p.name for p in markers.iterdir()) == ["planted-fixture"]
