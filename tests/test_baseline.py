"""`--write-baseline FILE` / `--baseline FILE` (issue 15): adopting regr-lint on an existing code
base. Through the real CLI in a subprocess, on edits that move, change and fix baselined code."""
from __future__ import annotations

import json
import re
import textwrap
from pathlib import Path

import pytest

from cli_helpers import run, write
from regr_lint.engine.finding import Finding
from regr_lint.output import baseline as bl
from regr_lint.output.formats.source import Sources

# Two findings: RL503 on line 3 (a warning) and RL101 on line 5.
TRAIN = textwrap.dedent("""\
    from keras.models import Sequential
    from keras.layers import Dense
    from keras.layers.core import Flatten
    model = Sequential([Dense(8, activation="relu"), Flatten(), Dense(1)])
    model.compile(loss="mse", optimizer="adam", metrics=["accuracy"])
    """)
COMPILE = 'model.compile(loss="mse", optimizer="adam", metrics=["accuracy"])\n'


def repo(tmp_path: Path, source: str = TRAIN) -> Path:
    (tmp_path / ".git").mkdir()
    write(tmp_path, "src/train.py", source)
    return tmp_path


def write_baseline(root: Path, *paths: str, cwd: Path | None = None) -> dict:
    proc = run("check", "--write-baseline", str(root / "baseline.json"), *(paths or (".",)), cwd=cwd or root)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == ""  # the findings are recorded, not printed
    return json.loads((root / "baseline.json").read_text())


def check(root: Path, *args: str, cwd: Path | None = None, stdin: str | None = None):
    return run("check", "--no-cache", "--baseline", str(root / "baseline.json"), *(args or (".",)),
               cwd=cwd or root, stdin=stdin)


def counts(stderr: str) -> tuple[int, int]:
    """(findings baselined, baseline entries that no longer occur) from the run's summary."""
    m = re.search(r"(\d+) findings? in the baseline \(.*?\) not shown; (\d+) baseline entr(?:y|ies) no longer occurs?",
                  stderr)
    assert m, stderr
    return int(m.group(1)), int(m.group(2))


# --- the file ------------------------------------------------------------------------------------

def test_baseline_file(tmp_path):
    root = repo(tmp_path)
    write(root, "a_first.py", TRAIN)
    doc = write_baseline(root)
    assert doc["version"] == 1 and doc["tool"] == "regr-lint"
    entries = doc["findings"]
    # relative to the repository root, sorted by path then line, one entry per finding
    assert [(e["path"], e["line"], e["code"]) for e in entries] == [
        ("a_first.py", 3, "RL503"), ("a_first.py", 5, "RL101"), ("src/train.py", 3, "RL503"),
        ("src/train.py", 5, "RL101")]
    assert all(set(e) == {"path", "code", "fingerprint", "line", "message"} for e in entries)
    # the fingerprint is SARIF's partialFingerprints (one implementation)
    log = json.loads(run("check", "--format", "sarif", "--no-cache", ".", cwd=root).stdout)
    sarif = {(r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"], r["ruleId"]):
             r["partialFingerprints"]["regrLint/v1"] for r in log["runs"][0]["results"]}
    assert {(e["path"], e["code"]): e["fingerprint"] for e in entries} == sarif


@pytest.mark.slow  # three or more CLI runs
def test_a_run_with_the_baseline_reports_only_new_findings(tmp_path):
    root = repo(tmp_path)
    write_baseline(root)
    proc = check(root)
    assert proc.returncode == 0 and proc.stdout == "", proc.stderr
    assert "All checks passed!" in proc.stderr and counts(proc.stderr) == (2, 0)
    # a new mistake in another file is reported, the baselined ones are not
    write(root, "src/new.py", TRAIN)
    proc = check(root, "--format", "json")
    assert proc.returncode == 1
    assert {(f["path"], f["code"]) for f in json.loads(proc.stdout)["findings"]} == {
        ("src/new.py", "RL503"), ("src/new.py", "RL101")}
    assert counts(proc.stderr) == (2, 0)


# --- edits: move, change, fix ----------------------------------------------------------------------

def test_lines_inserted_above_stay_baselined(tmp_path):
    root = repo(tmp_path)
    write_baseline(root)
    lines = TRAIN.splitlines(keepends=True)
    write(root, "src/train.py", "import os\n\n# training\n" + "".join(lines[:4]) + "\n\n" + lines[4])
    proc = check(root)
    assert proc.returncode == 0 and proc.stdout == "", proc.stderr
    assert counts(proc.stderr) == (2, 0)


def test_a_changed_line_is_a_new_finding(tmp_path):
    root = repo(tmp_path)
    write_baseline(root)
    write(root, "src/train.py", TRAIN.replace('metrics=["accuracy"]', 'metrics=["mae", "accuracy"]'))
    proc = check(root)
    assert proc.returncode == 1
    assert [line.split(": ", 1)[1].split()[0] for line in proc.stdout.splitlines()] == ["RL101"]
    assert counts(proc.stderr) == (1, 1)  # RL503 still baselined; the old RL101 entry is gone


def test_a_fixed_finding_is_reported_as_no_longer_occurring(tmp_path):
    root = repo(tmp_path)
    write_baseline(root)
    write(root, "src/train.py", TRAIN.replace('metrics=["accuracy"]', 'metrics=["mae"]'))
    proc = check(root)
    assert proc.returncode == 0 and proc.stdout == ""
    assert counts(proc.stderr) == (1, 1)
    assert "update it: --write-baseline" in proc.stderr


@pytest.mark.slow  # three or more CLI runs
def test_duplicate_identical_findings_are_counted(tmp_path):
    root = repo(tmp_path, TRAIN + COMPILE)  # the same finding twice: same code, path and line text
    doc = write_baseline(root)
    assert [e["code"] for e in doc["findings"]].count("RL101") == 2
    write(root, "src/train.py", TRAIN + COMPILE + COMPILE)  # a third: new
    proc = check(root)
    assert proc.returncode == 1 and len(proc.stdout.splitlines()) == 1 and "RL101" in proc.stdout
    assert counts(proc.stderr) == (3, 0)
    write(root, "src/train.py", TRAIN)  # one left: one entry no longer occurs
    proc = check(root)
    assert proc.returncode == 0 and counts(proc.stderr) == (2, 1)


def test_matching_counts_fingerprints():
    # A fingerprint listed twice covers two findings, never a third.
    findings = [Finding("x.py", n, 1, "RL101", "m") for n in (1, 2, 3)]
    texts = {"x.py": "a\na\na\n"}
    entries = bl.entries(findings, Sources(texts=texts))
    assert len({e.fingerprint for e in entries}) == 3  # occurrence 0, 1, 2 of the same line text
    twice = [entries[0], entries[0]]
    out = bl.apply(twice, findings, Sources(texts=texts), ["x.py"])
    assert out.baselined == 1 and len(out.findings) == 2 and len(out.gone) == 1
    out = bl.apply(entries[:2], findings, Sources(texts=texts), ["x.py"])
    assert out.baselined == 2 and out.findings == [findings[2]] and out.gone == []


# --- where it runs from ------------------------------------------------------------------------

@pytest.mark.slow  # three or more CLI runs
def test_from_a_subdirectory_and_on_standard_input(tmp_path):
    root = repo(tmp_path)
    write_baseline(root)
    proc = check(root, "train.py", cwd=root / "src")  # paths are the repository's, whatever the cwd
    assert proc.returncode == 0 and counts(proc.stderr) == (2, 0)
    proc = check(root, "--stdin-filename", "src/train.py", stdin=TRAIN)  # an editor's buffer
    assert proc.returncode == 0 and proc.stdout == "" and counts(proc.stderr) == (2, 0)
    proc = check(root, "--stdin-filename", "src/train.py", stdin="\n\n" + TRAIN.replace('["accuracy"]', '["acc"]'))
    assert proc.returncode == 1 and "RL101" in proc.stdout and counts(proc.stderr) == (1, 1)


@pytest.mark.slow  # three or more CLI runs
def test_files_not_linted_are_not_counted_gone(tmp_path):
    root = repo(tmp_path)
    write(root, "src/other.py", TRAIN)
    write_baseline(root)
    # pre-commit passes only the changed files: the other file's entries are neither used nor gone
    proc = check(root, "src/train.py")
    assert proc.returncode == 0 and counts(proc.stderr) == (2, 0)
    (root / "src" / "other.py").unlink()  # a deleted file's entries no longer occur
    proc = check(root, "src/train.py")
    assert proc.returncode == 0 and counts(proc.stderr) == (2, 2)


# --- errors ------------------------------------------------------------------------------------

@pytest.mark.parametrize("content, message", [
    (None, "baseline file not found"),
    ("{not json", "not a regr-lint baseline: invalid JSON"),
    ("[]", 'expected an object with "version" and "findings"'),
    ('{"version": 2, "findings": []}', "version 2 (this regr-lint reads version 1)"),
    ('{"version": 1, "findings": [{"path": "a.py", "code": "RL101"}]}', 'findings[0] needs string'),
    (b"\xff\xfe", "invalid JSON"),
])
def test_a_missing_or_broken_baseline_exits_2(tmp_path, content, message):
    root = repo(tmp_path)
    if content is not None:
        write(root, "baseline.json", content)
    proc = check(root)
    assert proc.returncode == 2 and proc.stdout == ""
    assert "baseline.json" in proc.stderr and message in proc.stderr


@pytest.mark.parametrize("args, message", [
    (("--baseline", "b.json", "--write-baseline", "b.json"), "--baseline and --write-baseline cannot be combined"),
    (("--write-baseline", "b.json", "--fix"), "--write-baseline works on files only"),
    (("--write-baseline", "b.json", "--stdin-filename", "x.py"), "--write-baseline works on files only"),
])
def test_write_baseline_usage_errors(tmp_path, args, message):
    root = repo(tmp_path)
    write(root, "b.json", '{"version": 1, "findings": []}')
    proc = run("check", *args, "src" if "--stdin-filename" not in args else "-", cwd=root, stdin="")
    assert proc.returncode == 2 and message in proc.stderr
    assert json.loads((root / "b.json").read_text()) == {"version": 1, "findings": []}  # untouched
