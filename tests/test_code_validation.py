"""A typo in a rule code never leaves CI green (issue 15): an unknown code or prefix on the command
line or in the configuration exits 2 with a "did you mean", and an empty `--select` is an error.
Before, such a selector was a warning followed by "All checks passed!" and exit 0."""
from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from cli_helpers import RL101_BUG, run, with_pythonpath, write
from regr_lint.input.selection import suggest


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / ".git").mkdir()
    write(tmp_path, "train.py", RL101_BUG)
    return tmp_path


def assert_refused(proc, *needles: str) -> None:
    assert proc.returncode == 2, (proc.stdout, proc.stderr)
    assert proc.stdout == "" and "All checks passed" not in proc.stderr
    for needle in needles:
        assert needle in proc.stderr, proc.stderr


@pytest.mark.parametrize("option", ["--select", "--ignore", "--extend-select"])
def test_unknown_code_on_the_command_line(project, option):
    proc = run("check", option, "RL1011", "train.py", cwd=project)
    assert_refused(proc, f"unknown rule code or prefix RL1011 in {option} (did you mean RL101?)")


def test_unknown_prefix_and_the_second_of_several(project):
    assert_refused(run("check", "--select", "RL101,RL9", "train.py", cwd=project),
                   "unknown rule code or prefix RL9 in --select")
    assert_refused(run("check", "--ignore", "XY", "train.py", cwd=project),
                   "unknown rule code or prefix XY in --ignore (no registered rule has it")


@pytest.mark.parametrize("args", [("--select", ""), ("--select", " "), ("--select", "RL101,"),
                                  ("--extend-select", ""), ("--ignore", "")])
def test_empty_selector_is_an_error(project, args):
    assert_refused(run("check", *args, "train.py", cwd=project), f"empty rule selector in {args[0]}")


@pytest.mark.parametrize("table, where", [
    ('select = ["RL1011"]', "in select"),
    ('ignore = ["RL1011"]', "in ignore"),
    ('extend-select = ["RL1011"]', "in extend-select"),
    ('per-file-ignores = { "tests/**" = ["RL1011"] }', "in per-file-ignores 'tests/**'"),
    ('severity = { RL1011 = "warning" }', "in severity"),
])
def test_unknown_code_in_the_configuration(project, table, where):
    write(project, "pyproject.toml", f"[tool.regr-lint]\n{table}\n")
    proc = run("check", "train.py", cwd=project)
    assert_refused(proc, str(project / "pyproject.toml"), f"unknown rule code or prefix RL1011 {where} "
                   f"(did you mean RL101?)")
    # --show-settings reads the same settings: the same error
    assert_refused(run("check", "--show-settings", "train.py", cwd=project), "RL1011")


def test_unknown_code_in_a_sub_projects_regr_lint_toml(project):
    write(project, "sub/regr-lint.toml", 'ignore = ["RL201"]\nselect = ["RL10"]\nextend-select = ["RL55"]\n')
    write(project, "sub/train.py", RL101_BUG)
    assert_refused(run("check", ".", cwd=project), str(project / "sub" / "regr-lint.toml"),
                   "RL55 in extend-select")


def test_valid_selectors_still_work(project):
    write(project, "pyproject.toml", '[tool.regr-lint]\nselect = ["RL1", "RL201"]\nignore = ["RL10"]\n'
          'extend-select = ["ALL"]\n')
    proc = run("check", "--select", "rl101", "--ignore", "RL5", "--extend-select", "RL0", "train.py", cwd=project)
    assert proc.returncode == 1 and "RL101" in proc.stdout, proc.stderr


@pytest.mark.slow  # installs nothing, but two runs loading a rule pack
def test_a_rule_pack_code_is_known_only_with_the_pack(project, tmp_path_factory):
    pack = tmp_path_factory.mktemp("pack")
    write(pack, "zz_rules.py", textwrap.dedent("""\
        from regr_lint.rule import Rule

        class Every(Rule):
            code = "ZZ700"
            name = "every-file"
            summary = "reports the first statement"
            tokens = ()

            def check(self, facts):
                yield self.report(facts.module.body[0], "first")
        """))
    write(pack, "zz_rules-0.1.dist-info/METADATA", "Metadata-Version: 2.1\nName: zz-rules\nVersion: 0.1\n")
    write(pack, "zz_rules-0.1.dist-info/entry_points.txt", "[regr_lint.rules]\nZZ700 = zz_rules:Every\n")
    proc = run("check", "--select", "ZZ7", "train.py", cwd=project, env=with_pythonpath(pack))
    assert proc.returncode == 1 and "ZZ700" in proc.stdout, proc.stderr
    # the pack not installed: its code is a typo as far as this run can tell
    assert_refused(run("check", "--select", "ZZ7", "train.py", cwd=project), "ZZ7 in --select")


def test_suggestions():
    codes = ["RL000", "RL101", "RL102", "RL201", "RL503"]
    assert suggest("RL1011", codes) == "RL101"
    assert suggest("RLL101", codes) == "RL101"
    assert suggest("R201", codes) == "RL201"
    assert suggest("RL6", codes) in ("RL1", "RL2", "RL5", "RL0")  # a prefix is offered a prefix
    assert suggest("XYZ900", codes) is None
