"""`[tool.regr-lint]` in pyproject.toml, and how the command line overrides it."""
from __future__ import annotations

import textwrap

import pytest

from cli_helpers import CLEAN, RL101_BUG, codes, run, write
from regr_lint.input.pathmatch import PathMatcher
from regr_lint.input.selection import Layer, resolve

TWO_RULES = RL101_BUG + "model.fit(x_train, x_train, validation_data=(x_test, y_test))\n"


def pyproject(root, body: str):
    write(root, "pyproject.toml", "[project]\nname = 'demo'\n\n[tool.regr-lint]\n" + textwrap.dedent(body))


@pytest.fixture
def proj(tmp_path):
    write(tmp_path, "two.py", TWO_RULES)
    write(tmp_path, "clean.py", CLEAN)
    return tmp_path


def test_config_select(proj):
    pyproject(proj, 'select = ["RL2"]\n')
    assert set(codes(run("check", cwd=proj).stdout)) == {"RL201"}


def test_config_ignore(proj):
    pyproject(proj, 'ignore = ["RL101"]\n')
    found = set(codes(run("check", cwd=proj).stdout))
    assert "RL201" in found and "RL101" not in found


def test_config_extend_select_on_top_of_select(proj):
    pyproject(proj, 'select = ["RL101"]\nextend-select = ["RL201"]\n')
    assert set(codes(run("check", cwd=proj).stdout)) == {"RL101", "RL201"}


def test_cli_select_overrides_config(proj):
    pyproject(proj, 'select = ["RL2"]\nignore = ["RL101"]\n')
    assert set(codes(run("check", "--select", "RL101", cwd=proj).stdout)) == {"RL101"}


def test_cli_ignore_adds_to_config(proj):
    pyproject(proj, 'select = ["RL101", "RL201"]\n')
    assert set(codes(run("check", "--ignore", "RL2", cwd=proj).stdout)) == {"RL101"}


def test_cli_extend_select_adds_to_config(proj):
    pyproject(proj, 'select = ["RL101"]\n')
    assert set(codes(run("check", "--extend-select", "RL201", cwd=proj).stdout)) == {"RL101", "RL201"}


def test_config_found_from_a_subdirectory(proj):
    pyproject(proj, 'select = ["RL2"]\n')
    write(proj, "sub/deeper/two.py", TWO_RULES)
    res = run("check", ".", cwd=proj / "sub" / "deeper")
    assert set(codes(res.stdout)) == {"RL201"}


def test_pyproject_without_section_is_passed_over(proj):
    pyproject(proj, 'select = ["RL2"]\n')
    write(proj, "sub/pyproject.toml", "[project]\nname = 'inner'\n")
    write(proj, "sub/two.py", TWO_RULES)
    assert set(codes(run("check", ".", cwd=proj / "sub").stdout)) == {"RL201"}


def test_explicit_config(proj, tmp_path_factory):
    elsewhere = tmp_path_factory.mktemp("cfg")
    pyproject(elsewhere, 'select = ["RL101"]\n')
    res = run("check", "--config", str(elsewhere / "pyproject.toml"), "two.py", cwd=proj)
    assert set(codes(res.stdout)) == {"RL101"}


def test_explicit_config_is_not_stopped_by_a_broken_pyproject_it_overrides(proj, tmp_path_factory):
    # a templated pyproject.toml in a sub-folder: without --config it is an error (exit 2); with
    # --config every file takes that file's settings and the template stops nothing
    elsewhere = tmp_path_factory.mktemp("cfg")
    pyproject(elsewhere, 'select = ["RL101"]\n')
    write(proj, "tmpl/pyproject.toml", "[project]\nname = {{ cookiecutter.name }}\n")
    without = run("check", ".", cwd=proj)
    assert without.returncode == 2 and "invalid TOML" in without.stderr
    res = run("check", "--config", str(elsewhere / "pyproject.toml"), ".", cwd=proj)
    assert res.returncode == 1 and set(codes(res.stdout)) == {"RL101"}, res.stdout + res.stderr


def test_explicit_config_missing_exit_2(proj):
    res = run("check", "--config", "nope.toml", cwd=proj)
    assert res.returncode == 2 and "nope.toml" in res.stderr


@pytest.mark.parametrize("body, needle", [
    ('select = "RL1"\n', "select"),
    ('select = ["RL1"\n', "invalid TOML"),
    ('select = ["R-1"]\n', "R-1"),
    ('selekt = ["RL1"]\n', "selekt"),
    ('per-file-ignores = ["x"]\n', "per-file-ignores"),
    ('exclude = [1]\n', "exclude"),
])
def test_malformed_config_exit_2(proj, body, needle):
    pyproject(proj, body)
    res = run("check", cwd=proj)
    assert res.returncode == 2
    assert "pyproject.toml" in res.stderr and needle in res.stderr
    assert "Traceback" not in res.stderr and res.stdout == ""


# -- exclude -----------------------------------------------------------------------------------------

def test_exclude_directory_and_glob(proj):
    pyproject(proj, 'exclude = ["generated/", "legacy/**/old_*.py"]\n')
    write(proj, "generated/two.py", TWO_RULES)
    write(proj, "legacy/a/b/old_two.py", TWO_RULES)
    write(proj, "legacy/a/b/new_two.py", TWO_RULES)
    res = run("check", "--select", "RL101", cwd=proj)
    paths = sorted({line.split(":")[0] for line in res.stdout.splitlines()})
    assert paths == ["legacy/a/b/new_two.py", "two.py"]


def test_exclude_applies_to_files_named_explicitly(proj):
    # pre-commit passes every staged file by name: the project's excludes must still hold.
    pyproject(proj, 'exclude = ["two.py"]\n')
    res = run("check", "two.py", "clean.py", cwd=proj)
    assert res.returncode == 0 and res.stdout == ""
    assert "1 file checked" in res.stderr


def test_exclude_is_relative_to_the_config_file(proj):
    pyproject(proj, 'exclude = ["/sub/skip"]\n')
    write(proj, "sub/skip/two.py", TWO_RULES)
    write(proj, "sub/keep/skip/two.py", TWO_RULES)  # anchored: only <config dir>/sub/skip
    res = run("check", "--select", "RL101", ".", cwd=proj / "sub")
    assert {line.split(":")[0] for line in res.stdout.splitlines()} == {"keep/skip/two.py"}


def test_exclude_applies_to_stdin_filename(proj):
    pyproject(proj, 'exclude = ["gen/"]\n')
    res = run("check", "--stdin-filename", "gen/x.py", cwd=proj, stdin=TWO_RULES)
    assert res.returncode == 0 and res.stdout == ""


# -- per-file-ignores --------------------------------------------------------------------------------

def test_per_file_ignores(proj):
    pyproject(proj, '[tool.regr-lint.per-file-ignores]\n"tests/**" = ["RL1"]\n"notebook_*.py" = ["ALL"]\n')
    write(proj, "tests/unit/two.py", TWO_RULES)
    write(proj, "notebook_1.py", TWO_RULES)
    res = run("check", cwd=proj)
    by_path: dict[str, set] = {}
    for line in res.stdout.splitlines():
        by_path.setdefault(line.split(":")[0], set()).add(codes(line)[0])
    assert set(by_path) == {"two.py", "tests/unit/two.py"}
    assert {"RL101", "RL201"} <= by_path["two.py"]
    assert "RL201" in by_path["tests/unit/two.py"] and "RL101" not in by_path["tests/unit/two.py"]


def test_per_file_ignores_leaves_exit_0_when_all_ignored(proj):
    pyproject(proj, '[tool.regr-lint.per-file-ignores]\n"two.py" = ["RL"]\n')
    res = run("check", cwd=proj)
    assert res.returncode == 0 and res.stdout == ""


# -- the pieces underneath ---------------------------------------------------------------------------

CODES = ["RL101", "RL102", "RL103", "RL201", "XY900"]


@pytest.mark.parametrize("layers, expected", [
    ([], CODES),
    ([Layer(select=["RL1"])], ["RL101", "RL102", "RL103"]),
    ([Layer(select=["RL1"], ignore=["RL102"])], ["RL101", "RL103"]),
    ([Layer(select=["RL102"], ignore=["RL1"])], ["RL102"]),
    ([Layer(select=["RL101"], ignore=["RL101"])], []),  # a tie goes to ignore
    ([Layer(select=["ALL"], ignore=["RL"])], ["XY900"]),
    ([Layer(ignore=["RL1"]), Layer(ignore=["RL2"])], ["XY900"]),
    ([Layer(select=["RL2"], ignore=["RL101"]), Layer(select=["RL101"])], ["RL101"]),
    ([Layer(select=["RL101"]), Layer(extend_select=["XY"])], ["RL101", "XY900"]),
    ([Layer(select=[])], []),
])
def test_resolve(layers, expected):
    assert sorted(resolve(CODES, layers)) == expected


@pytest.mark.parametrize("pattern, path, is_dir, hit", [
    ("build/", "build", True, True),
    ("build/", "build", False, False),
    ("build/", "a/build/x.py", False, True),
    ("*.py", "a/b/c.py", False, True),
    ("/top.py", "top.py", False, True),
    ("/top.py", "a/top.py", False, False),
    ("a/*.py", "a/x.py", False, True),
    ("a/*.py", "a/b/x.py", False, False),
    ("a/**/x.py", "a/x.py", False, True),
    ("a/**/x.py", "a/b/c/x.py", False, True),
    ("a/**", "a/b/c/x.py", False, True),
    ("data_[0-9].py", "data_7.py", False, True),
    ("?.py", "ab.py", False, False),
])
def test_pathmatch(tmp_path, pattern, path, is_dir, hit):
    assert PathMatcher([pattern], str(tmp_path)).match(str(tmp_path / path), is_dir) is hit


def test_pathmatch_never_excludes_the_base_itself(tmp_path):
    m = PathMatcher([".*"], str(tmp_path))
    assert not m.match(str(tmp_path), True)
    assert m.match(str(tmp_path / ".hidden" / "x.py"))
    assert not m.match(str(tmp_path / "visible.py"))


def test_pathmatch_negation(tmp_path):
    m = PathMatcher(["gen/*.py", "!gen/keep.py"], str(tmp_path))
    assert m.match(str(tmp_path / "gen/x.py"))
    assert not m.match(str(tmp_path / "gen/keep.py"))


def test_excluded_stdin_is_echoed_back_unchanged_with_fix(proj):
    # An editor pipes the buffer through `--fix`: for an excluded path it must get its text back
    # byte for byte (CRLF and a fixable bug included), not an empty buffer.
    pyproject(proj, 'exclude = ["gen/"]\n')
    source = TWO_RULES.replace("\n", "\r\n")
    res = run("check", "--fix", "--stdin-filename", "gen/x.py", cwd=proj, stdin=source)
    assert res.returncode == 0 and res.stdout == source
    fixed = run("check", "--fix", "--stdin-filename", "src/x.py", cwd=proj, stdin=source)
    assert fixed.stdout != source and "accuracy" not in fixed.stdout
