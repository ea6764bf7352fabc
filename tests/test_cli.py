"""The command line, end to end: real subprocesses, real files."""
from __future__ import annotations

import json
import re

import pytest

from cli_helpers import CLEAN, RL101_AT, RL101_BUG, SYNTAX_ERROR, codes, run, with_pythonpath, write

ANSI = re.compile(r"\x1b\[")

# Two different rule families in one file, so that prefix selection has something to choose between.
TWO_RULES = RL101_BUG + "model.fit(x_train, x_train, validation_data=(x_test, y_test))\n"


@pytest.fixture
def project(tmp_path):
    write(tmp_path, "bug.py", RL101_BUG)
    write(tmp_path, "clean.py", CLEAN)
    return tmp_path


# -- exit codes and the text format ------------------------------------------------------------------

def test_findings_exit_1_and_text_line(project):
    res = run("check", "bug.py", cwd=project)
    assert res.returncode == 1, res.stderr
    line, col = RL101_AT
    assert res.stdout.startswith(f"bug.py:{line}:{col}: RL101 ")
    assert len(res.stdout.splitlines()) == 1


def test_clean_exit_0(project):
    res = run("check", "clean.py", cwd=project)
    assert res.returncode == 0, res.stdout + res.stderr
    assert res.stdout == ""
    assert "All checks passed!" in res.stderr
    assert "1 file checked" in res.stderr


def test_exit_zero(project):
    res = run("check", "--exit-zero", "bug.py", cwd=project)
    assert res.returncode == 0
    assert codes(res.stdout) == ["RL101"]


def test_summary_goes_to_stderr_not_stdout(project):
    res = run("check", ".", cwd=project)
    assert "Found 1 error." in res.stderr
    assert "2 files checked" in res.stderr
    assert "Found" not in res.stdout and "checked" not in res.stdout


def test_no_colour_when_piped(project):
    res = run("check", ".", cwd=project)
    assert not ANSI.search(res.stdout) and not ANSI.search(res.stderr)


def test_console_script_and_module_agree(project):
    a = run("check", ".", cwd=project)
    b = run("check", ".", cwd=project, script=True)
    assert (a.returncode, a.stdout) == (b.returncode, b.stdout)


def test_version(tmp_path):
    from regr_lint import __version__

    res = run("--version", cwd=tmp_path, script=True)
    assert res.returncode == 0
    assert __version__ in res.stdout


def test_output_sorted_by_path_line_col_code(tmp_path):
    # Two findings per file, files written in reverse order of their names.
    two = RL101_BUG + 'model.compile(loss="mae", metrics=["acc"])\n'
    for name in ("z.py", "sub/b.py", "a.py"):
        write(tmp_path, name, two)
    res = run("check", ".", cwd=tmp_path)
    keys = []
    for out in res.stdout.splitlines():
        path, line, col, rest = out.split(":", 3)
        keys.append((path, int(line), int(col), rest.split()[0]))
    assert len(keys) == 6
    assert keys == sorted(keys)
    assert [k[0] for k in keys[::2]] == ["a.py", "sub/b.py", "z.py"]


# -- selection ---------------------------------------------------------------------------------------

@pytest.fixture
def two_rules(tmp_path):
    write(tmp_path, "two.py", TWO_RULES)
    found = set(codes(run("check", "two.py", cwd=tmp_path).stdout))
    if not {"RL101", "RL201"} <= found:
        pytest.fail(f"fixture should trigger RL101 and RL201, got {sorted(found)}")
    return tmp_path


@pytest.mark.slow
def test_select_exact(two_rules):
    res = run("check", "--select", "RL201", "two.py", cwd=two_rules)
    assert set(codes(res.stdout)) == {"RL201"}


@pytest.mark.slow
def test_select_prefix(two_rules):
    res = run("check", "--select", "RL1", "two.py", cwd=two_rules)
    found = set(codes(res.stdout))
    assert "RL101" in found and all(c.startswith("RL1") for c in found)


@pytest.mark.slow
def test_select_comma_separated_and_lowercase(two_rules):
    res = run("check", "--select", "rl101,RL201", "two.py", cwd=two_rules)
    assert set(codes(res.stdout)) == {"RL101", "RL201"}


@pytest.mark.slow
def test_ignore_prefix(two_rules):
    res = run("check", "--ignore", "RL1", "two.py", cwd=two_rules)
    found = set(codes(res.stdout))
    assert "RL201" in found and not any(c.startswith("RL1") for c in found)


@pytest.mark.slow
def test_more_specific_selector_wins(two_rules):
    res = run("check", "--ignore", "RL", "--select", "RL101", "two.py", cwd=two_rules)
    assert set(codes(res.stdout)) == {"RL101"}
    res = run("check", "--select", "ALL", "--ignore", "RL101", "two.py", cwd=two_rules)
    assert "RL101" not in codes(res.stdout) and "RL201" in codes(res.stdout)


@pytest.mark.slow
def test_extend_select_adds_to_select(two_rules):
    res = run("check", "--select", "RL101", "--extend-select", "RL2", "two.py", cwd=two_rules)
    assert set(codes(res.stdout)) == {"RL101", "RL201"}


@pytest.mark.slow
def test_nothing_selected_exit_0(two_rules):
    res = run("check", "--ignore", "ALL", "two.py", cwd=two_rules)
    assert res.returncode == 0 and res.stdout == ""


def test_invalid_selector_exit_2(project):
    res = run("check", "--select", "RL-1", "bug.py", cwd=project)
    assert res.returncode == 2
    assert "RL-1" in res.stderr


def test_unknown_selector_is_an_error(project):
    # It used to warn and pass: a typo must not leave CI green (tests/test_code_validation.py).
    res = run("check", "--select", "ZZ9", "bug.py", cwd=project)
    assert res.returncode == 2 and res.stdout == ""
    assert "unknown rule code or prefix ZZ9 in --select" in res.stderr


# -- json --------------------------------------------------------------------------------------------

def test_json_schema(project):
    from regr_lint import __version__

    res = run("check", "--format", "json", ".", cwd=project)
    assert res.returncode == 1
    doc = json.loads(res.stdout)
    assert doc["version"] == 1
    assert doc["tool"] == {"name": "regr-lint", "version": __version__}
    [f] = doc["findings"]
    assert set(f) == {"path", "line", "column", "end_line", "end_column", "code", "name", "message", "severity",
                      "fix"}
    assert (f["path"], f["line"], f["column"], f["code"]) == ("bug.py", *RL101_AT, "RL101")
    assert f["name"] and f["message"]
    assert (f["end_line"], f["end_column"]) > (f["line"], f["column"])
    assert "Found 1 error" in res.stderr


def test_json_empty(project):
    res = run("check", "--format", "json", "clean.py", cwd=project)
    assert res.returncode == 0
    assert json.loads(res.stdout)["findings"] == []


# -- discovery ---------------------------------------------------------------------------------------

def test_default_path_is_cwd(project):
    res = run("check", cwd=project)
    assert res.returncode == 1
    assert codes(res.stdout) == ["RL101"]
    assert "2 files checked" in res.stderr


@pytest.mark.parametrize("skipped", [
    ".git", ".venv", "venv", "build", "dist", "node_modules", "__pycache__", ".tox", ".nox",
    ".mypy_cache", ".eggs", "pkg.egg-info", "some_env", ".ipynb_checkpoints",
    ".env/lib/python3.9/site-packages", "__pypackages__",
])
def test_skipped_directories(tmp_path, skipped):
    write(tmp_path, f"{skipped}/lib/bug.py", RL101_BUG)
    if skipped == "some_env":  # any virtualenv, whatever its name, is known by its pyvenv.cfg
        write(tmp_path, "some_env/pyvenv.cfg", "home = /usr/bin\n")
    write(tmp_path, "main.py", CLEAN)
    res = run("check", ".", cwd=tmp_path)
    assert res.returncode == 0, res.stdout
    assert "1 file checked" in res.stderr


@pytest.mark.slow
def test_non_python_files_skipped_in_dirs_but_linted_when_named(tmp_path):
    write(tmp_path, "train.txt", RL101_BUG)
    assert run("check", ".", cwd=tmp_path).returncode == 0
    res = run("check", "train.txt", cwd=tmp_path)
    assert res.returncode == 1 and res.stdout.startswith("train.txt:4:")


def test_no_files_found_warns_and_names_the_folders_never_walked_into(tmp_path):
    write(tmp_path, "dist/train.py", RL101_BUG)
    res = run("check", ".", cwd=tmp_path)
    assert res.returncode == 0
    assert "no Python files found under the given path(s) (dist/ never walked into" in res.stderr
    named = run("check", "dist", cwd=tmp_path)  # named, it is linted
    assert named.returncode == 1 and "no Python files found" not in named.stderr


def test_missing_path_exit_2_and_the_other_paths_still_linted(project):
    res = run("check", "bug.py", "nope.py", cwd=project)
    assert res.returncode == 2
    assert "nope.py: no such file or directory" in res.stderr
    assert res.stdout.startswith("bug.py:")


# -- files that cannot be linted ---------------------------------------------------------------------

def test_syntax_error_is_rl000_and_run_continues(tmp_path):
    write(tmp_path, "a_broken.py", SYNTAX_ERROR)
    write(tmp_path, "b_bug.py", RL101_BUG)
    res = run("check", ".", cwd=tmp_path)
    assert res.returncode == 1
    lines = res.stdout.splitlines()
    assert lines[0].startswith("a_broken.py:") and " RL000 syntax error" in lines[0]
    assert lines[1].startswith("b_bug.py:%d:%d: RL101 " % RL101_AT)
    assert "Traceback" not in res.stderr


def test_undecodable_bytes_is_rl000(tmp_path):
    write(tmp_path, "latin.py", b"import keras\nname = '\xff\xfe caf\xe9'\n")
    res = run("check", "latin.py", cwd=tmp_path)
    assert res.returncode == 1
    assert codes(res.stdout) == ["RL000"]
    assert "Traceback" not in res.stderr


def test_stray_bytes_in_comments_are_linted_but_never_rewritten(tmp_path):
    # the file compiles (comments are not decoded): its findings stand, but a fix would write the
    # comment's bytes back changed, so the file is left as it is and the run says why
    data = b"# r\xe9gression (\xe8\xe1\xf1)\nfrom keras.optimizers import Adam\nopt = Adam(lr=0.01)\n"
    write(tmp_path, "train.py", data)
    res = run("check", "train.py", cwd=tmp_path)
    assert res.returncode == 1 and codes(res.stdout) == ["RL502"]
    fixed = run("check", "--fix", "train.py", cwd=tmp_path)
    assert "stray bytes in its comments" in fixed.stderr and "Traceback" not in fixed.stderr
    assert (tmp_path / "train.py").read_bytes() == data


# -- stdin -------------------------------------------------------------------------------------------

def test_stdin_filename(tmp_path):
    res = run("check", "--stdin-filename", "pkg/train.py", cwd=tmp_path, stdin=RL101_BUG)
    assert res.returncode == 1
    assert res.stdout.startswith("pkg/train.py:%d:%d: RL101 " % RL101_AT)
    clean = run("check", "--stdin-filename", "train.py", cwd=tmp_path, stdin=CLEAN)
    assert clean.returncode == 0 and clean.stdout == ""


def test_stdin_with_paths_is_usage_error(project):
    res = run("check", "--stdin-filename", "x.py", "bug.py", cwd=project, stdin=CLEAN)
    assert res.returncode == 2


# -- rules / rule ------------------------------------------------------------------------------------

def test_rules_table(tmp_path):
    res = run("rules", cwd=tmp_path)
    assert res.returncode == 0
    header, *rows = res.stdout.splitlines()
    assert header.split() == ["CODE", "NAME", "SEVERITY", "SUMMARY", "PACKAGE"]
    listed = [r.split()[0] for r in rows]
    assert listed == sorted(listed)
    assert {"RL101", "RL102", "RL103", "RL201"} <= set(listed)
    rl101 = next(r for r in rows if r.startswith("RL101 "))
    assert "accuracy" in rl101 and rl101.rstrip().endswith("regr-lint")


def test_rule_docs(tmp_path):
    res = run("rule", "RL101", cwd=tmp_path)
    assert res.returncode == 0
    first = res.stdout.splitlines()[0]
    assert "RL101" in first and "accuracy" in first
    assert "## What it does" in res.stdout


def test_rule_lowercase_code(tmp_path):
    assert run("rule", "rl101", cwd=tmp_path).returncode == 0


def test_unknown_rule_exit_2(tmp_path):
    res = run("rule", "RL999", cwd=tmp_path)
    assert res.returncode == 2
    assert "RL999" in res.stderr


# -- robustness: rules that crash, plugins that do not load ------------------------------------------

def _fake_dist(site, name: str, entry_points: str, modules: dict[str, str]) -> dict:
    """A hand-made installed distribution (dist-info + modules): enough for importlib.metadata."""
    info = site / f"{name}-1.0.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {name}\nVersion: 1.0\n")
    (info / "entry_points.txt").write_text("[regr_lint.rules]\n" + entry_points)
    for mod, src in modules.items():
        (site / f"{mod}.py").write_text(src)
    return with_pythonpath(site)


CRASHING_RULE = '''
from regr_lint.rule import Rule

class Crashes(Rule):
    code = "ZZ901"
    name = "crashes"
    summary = "Raises on files that mention boom."
    tokens = ("keras",)

    def check(self, facts):
        if "boom" in facts.module.code:
            raise RuntimeError("rule exploded")
        return []
'''


def test_crashing_rule_reports_and_continues(tmp_path):
    env = _fake_dist(tmp_path / "site", "crashpack", "ZZ901 = crashpack_rules:Crashes\n",
                     {"crashpack_rules": CRASHING_RULE})
    proj = tmp_path / "proj"
    write(proj, "a.py", RL101_BUG + "# boom\n")
    write(proj, "b.py", RL101_BUG)
    res = run("check", ".", cwd=proj, env=env)
    assert res.returncode == 2
    assert "a.py: internal error in regr-lint: RuntimeError: rule exploded" in res.stderr
    assert res.stdout.startswith("b.py:%d:%d: RL101 " % RL101_AT)
    assert "Traceback" not in res.stderr


def test_broken_plugin_warns_once_and_the_rest_runs(tmp_path):
    env = _fake_dist(tmp_path / "site", "brokenpack",
                     "ZZ902 = brokenpack_missing:Nope\nZZ903 = brokenpack_rules:NotARule\n",
                     {"brokenpack_rules": "class NotARule:\n    pass\n"})
    write(tmp_path / "proj", "bug.py", RL101_BUG)
    res = run("check", ".", cwd=tmp_path / "proj", env=env)
    assert res.returncode == 1
    assert codes(res.stdout) == ["RL101"]
    assert res.stderr.count("ZZ902") == 1 and "brokenpack" in res.stderr
    assert res.stderr.count("ZZ903") == 1


def test_duplicate_code_first_wins(tmp_path):
    dup = CRASHING_RULE.replace('"ZZ901"', '"RL101"').replace("Crashes", "Impostor")
    env = _fake_dist(tmp_path / "site", "duppack", "RL101 = duppack_rules:Impostor\n",
                     {"duppack_rules": dup})
    res = run("rules", cwd=tmp_path, env=env)
    assert res.returncode == 0
    assert "RL101" in res.stderr and "already provided" in res.stderr
    rl101 = [r for r in res.stdout.splitlines() if r.startswith("RL101 ")]
    assert len(rl101) == 1 and rl101[0].rstrip().endswith("regr-lint")


@pytest.mark.slow
def test_parse_errors_survive_a_narrow_select_but_not_an_ignore(tmp_path):
    # The file holds every token RL101 needs, so it is parsed even when only RL101 is selected.
    write(tmp_path, "broken.py", RL101_BUG + SYNTAX_ERROR)
    assert codes(run("check", "--select", "RL101", ".", cwd=tmp_path).stdout) == ["RL000"]
    res = run("check", "--ignore", "RL000", ".", cwd=tmp_path)
    assert res.returncode == 0 and res.stdout == ""


def test_dash_reads_stdin(tmp_path):
    res = run("check", "-", cwd=tmp_path, stdin=RL101_BUG)
    assert res.returncode == 1 and res.stdout.startswith("-:%d:%d: RL101 " % RL101_AT)
