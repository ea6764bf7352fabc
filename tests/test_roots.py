"""Project roots: each file's settings and cache come from its own project, whatever the cwd.

Real CLI runs in subprocesses; every tree lives under pytest's tmp_path, which has no
pyproject.toml, regr-lint.toml or .git above it."""
from __future__ import annotations

import pytest

from cli_helpers import CLEAN, RL101_BUG, codes, run, write
from regr_lint.input.config import Projects

# RL101 (line 4) and RL201 (line 5) in one file: which of the two a run reports shows which
# project's `select` was applied to the file.
TWO_RULES = RL101_BUG + "model.fit(x_train, x_train, validation_data=(x_test, y_test))\n"
CACHE = ".regr_lint_cache"


def found(stdout: str) -> dict[str, set[str]]:
    """{path as printed: {codes}} of text output."""
    out: dict[str, set[str]] = {}
    for line in stdout.splitlines():
        if line.strip():
            path, rest = line.split(":", 1)
            out.setdefault(path, set()).add(line.split(": ", 1)[1].split()[0])
    return out


@pytest.fixture
def mono(tmp_path):
    """A monorepo: a/ configured in pyproject.toml, b/ in regr-lint.toml, a loose file at the top."""
    root = tmp_path / "mono"
    (root / ".git").mkdir(parents=True)  # the git top level (a directory named .git is all it takes)
    write(root, "a/pyproject.toml", '[project]\nname = "a"\n\n[tool.regr-lint]\nselect = ["RL1"]\n'
                                    'exclude = ["legacy/"]\n')
    write(root, "b/regr-lint.toml", 'select = ["RL2"]\nper-file-ignores = { "tests/**" = ["ALL"] }\n')
    for rel in ("a/train.py", "a/legacy/old.py", "b/train.py", "b/tests/t.py", "top.py"):
        write(root, rel, TWO_RULES)
    return root


def test_other_cwd_honours_the_projects_settings(tmp_path):
    proj = tmp_path / "proj"
    write(proj, "pyproject.toml", '[tool.regr-lint]\nignore = ["RL101"]\nexclude = ["skip.py"]\n')
    write(proj, "src/train.py", TWO_RULES)
    write(proj, "skip.py", TWO_RULES)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    res = run("check", str(proj), cwd=elsewhere)
    assert res.returncode == 1
    assert found(res.stdout) == {str(proj / "src" / "train.py"): {"RL201"}}
    # the cache is the project's, not the cwd's
    assert (proj / CACHE).is_dir() and not (elsewhere / CACHE).exists()
    # a file named explicitly from elsewhere: the same settings
    res = run("check", str(proj / "src" / "train.py"), str(proj / "skip.py"), cwd=elsewhere)
    assert found(res.stdout) == {str(proj / "src" / "train.py"): {"RL201"}}


def test_monorepo_sub_projects_keep_their_own_settings(mono):
    res = run("check", ".", cwd=mono)
    assert res.returncode == 1, res.stderr
    assert found(res.stdout) == {
        "a/train.py": {"RL101"},  # a: select RL1; a/legacy excluded
        "b/train.py": {"RL201"},  # b: select RL2; b/tests per-file-ignored
        "top.py": {"RL101", "RL201"},  # the git top level's project: defaults
    }
    # one cache per project root: a/, b/ and the git top level (top.py)
    assert (mono / "a" / CACHE).is_dir() and (mono / "b" / CACHE).is_dir() and (mono / CACHE).is_dir()
    # run from inside one sub-project, naming the other: each still gets its own
    res = run("check", ".", "../b", cwd=mono / "a")
    assert found(res.stdout) == {"train.py": {"RL101"}, "../b/train.py": {"RL201"}}
    # a warm run gives the same output
    assert run("check", ".", cwd=mono).stdout == run("check", ".", "--no-cache", cwd=mono).stdout


def test_monorepo_parallel_run_is_the_same(mono):
    for i in range(10):  # enough files for a worker pool in each sub-project
        write(mono, f"a/m{i}.py", TWO_RULES)
        write(mono, f"b/m{i}.py", TWO_RULES)
    serial = run("check", "--jobs", "1", "--no-cache", ".", cwd=mono)
    parallel = run("check", "--jobs", "2", ".", cwd=mono)
    assert parallel.stdout == serial.stdout
    assert len(found(serial.stdout)) == 2 + 20 + 1
    assert all(c == {"RL101"} for p, c in found(serial.stdout).items() if p.startswith("a/"))
    assert all(c == {"RL201"} for p, c in found(serial.stdout).items() if p.startswith("b/"))


def test_stdin_filename_uses_the_settings_of_the_file_it_names(mono):
    res = run("check", "--stdin-filename", "b/new.py", cwd=mono, stdin=TWO_RULES)
    assert found(res.stdout) == {"b/new.py": {"RL201"}}
    res = run("check", "--stdin-filename", "a/new.py", cwd=mono, stdin=TWO_RULES)
    assert found(res.stdout) == {"a/new.py": {"RL101"}}
    # from another directory, with an absolute name
    res = run("check", "--stdin-filename", str(mono / "b" / "new.py"), cwd=mono.parent, stdin=TWO_RULES)
    assert set(codes(res.stdout)) == {"RL201"}
    # that project's excludes and per-file-ignores too
    res = run("check", "--stdin-filename", "a/legacy/new.py", cwd=mono, stdin=TWO_RULES)
    assert (res.returncode, res.stdout) == (0, "")
    res = run("check", "--stdin-filename", "b/tests/new.py", cwd=mono, stdin=TWO_RULES)
    assert (res.returncode, res.stdout) == (0, "")
    assert not (mono / "b" / CACHE).exists()  # standard input is never cached


def test_config_option_overrides_for_every_file(mono, tmp_path):
    write(tmp_path, "ci/regr-lint.toml", 'ignore = ["RL201"]\n')
    res = run("check", "--config", str(tmp_path / "ci" / "regr-lint.toml"), ".", cwd=mono)
    # every file (a/legacy and b/tests included: their projects' settings are not read) gets RL101 only
    assert found(res.stdout) == {p: {"RL101"} for p in
                                 ("a/legacy/old.py", "a/train.py", "b/tests/t.py", "b/train.py", "top.py")}
    # the cache goes beside the file --config names, as before
    assert (tmp_path / "ci" / CACHE).is_dir() and not (mono / "a" / CACHE).exists()
    # a pyproject.toml named by --config: its [tool.regr-lint] table
    res = run("check", "--config", "a/pyproject.toml", "b", cwd=mono, )
    assert found(res.stdout) == {"b/tests/t.py": {"RL101"}, "b/train.py": {"RL101"}}


@pytest.mark.parametrize("where", ["top", "sub"])
def test_underscore_table_is_an_error(tmp_path, where):
    base = tmp_path if where == "top" else tmp_path / "sub"
    write(base, "pyproject.toml", '[tool.regr_lint]\nselect = ["RL2"]\n')
    write(tmp_path, "sub/train.py", TWO_RULES)
    res = run("check", ".", cwd=tmp_path)
    assert res.returncode == 2 and res.stdout == ""
    assert "[tool.regr_lint]" in res.stderr and "[tool.regr-lint]" in res.stderr
    assert str(base / "pyproject.toml") in res.stderr
    # beside a correct table, too: not one of them silently dropped
    write(base, "pyproject.toml", '[tool.regr-lint]\nselect = ["RL1"]\n[tool.regr_lint]\nselect = ["RL2"]\n')
    assert run("check", ".", cwd=tmp_path).returncode == 2
    assert run("check", "--stdin-filename", "sub/x.py", cwd=tmp_path, stdin=CLEAN).returncode == 2


def test_regr_lint_toml_top_level_keys(tmp_path):
    write(tmp_path, "regr-lint.toml", 'select = ["RL2"]\n')
    write(tmp_path, "train.py", TWO_RULES)
    assert found(run("check", cwd=tmp_path).stdout) == {"train.py": {"RL201"}}
    assert (tmp_path / CACHE).is_dir()
    # the pyproject.toml spelling inside regr-lint.toml is refused, not ignored
    write(tmp_path, "regr-lint.toml", '[tool.regr-lint]\nselect = ["RL2"]\n')
    res = run("check", cwd=tmp_path)
    assert res.returncode == 2 and "top level" in res.stderr
    write(tmp_path, "regr-lint.toml", 'selct = ["RL2"]\n')
    res = run("check", cwd=tmp_path)
    assert res.returncode == 2 and "unknown key(s) in regr-lint.toml: selct" in res.stderr
    write(tmp_path, "regr-lint.toml", 'select = "RL2"\n')
    res = run("check", cwd=tmp_path)
    assert res.returncode == 2 and "select must be a list of strings" in res.stderr


def test_regr_lint_toml_wins_over_pyproject_in_the_same_directory(tmp_path):
    write(tmp_path, "regr-lint.toml", 'select = ["RL2"]\n')
    write(tmp_path, "pyproject.toml", '[tool.regr-lint]\nselect = ["RL1"]\n')
    write(tmp_path, "train.py", TWO_RULES)
    res = run("check", cwd=tmp_path)
    assert found(res.stdout) == {"train.py": {"RL201"}}
    assert "regr-lint.toml is used" in res.stderr and res.stderr.count("warning:") == 1


def test_a_configured_parent_wins_over_a_nearer_bare_pyproject(tmp_path):
    write(tmp_path, "regr-lint.toml", 'select = ["RL2"]\n')
    write(tmp_path, "pkg/pyproject.toml", '[project]\nname = "pkg"\n')
    write(tmp_path, "pkg/train.py", TWO_RULES)
    res = run("check", ".", cwd=tmp_path / "pkg")
    assert found(res.stdout) == {"train.py": {"RL201"}}
    assert (tmp_path / CACHE).is_dir() and not (tmp_path / "pkg" / CACHE).exists()


@pytest.mark.parametrize("marker", ["pyproject", "git", "git-file", "none"])
def test_cache_folder_lands_at_the_project_root(tmp_path, marker):
    root = tmp_path / "root"
    if marker == "pyproject":
        write(root, "pyproject.toml", '[project]\nname = "x"\n')  # no [tool.regr-lint]: defaults
    elif marker == "git":
        (root / ".git").mkdir(parents=True)
    elif marker == "git-file":
        write(root, ".git", "gitdir: /somewhere/else\n")  # a worktree or submodule
    write(root, "deep/er/train.py", RL101_BUG)
    cwd = root / "deep" / "er"
    res = run("check", ".", cwd=cwd)
    assert codes(res.stdout) == ["RL101"]
    expected = cwd if marker == "none" else root  # no project at all: the current directory, as before
    assert (expected / CACHE).is_dir()
    assert not any(p != expected / CACHE for p in tmp_path.rglob(CACHE))
    # `clean` from the same place finds it
    assert run("clean", cwd=cwd).returncode == 0 and not (expected / CACHE).exists()


def test_clean_takes_paths(mono):
    run("check", ".", cwd=mono)
    res = run("clean", "a", "b/train.py", cwd=mono)
    assert res.returncode == 0
    assert not (mono / "a" / CACHE).exists() and not (mono / "b" / CACHE).exists()
    assert (mono / CACHE).is_dir()


def test_show_settings(mono):
    res = run("check", "--show-settings", "b/tests/t.py", cwd=mono)
    assert res.returncode == 0 and res.stderr == ""
    out = res.stdout
    assert f"project root: {mono / 'b'} (the nearest directory with a regr-lint.toml)" in out
    assert f"settings from: {mono / 'b' / 'regr-lint.toml'}\n" in out
    assert f"cache: {mono / 'b' / CACHE}\n" in out
    assert 'select = ["RL2"]' in out and 'per-file-ignores = {"tests/**": ["ALL"]}' in out
    assert "excluded: no" in out and "rules enabled for this file: (none)" in out
    res = run("check", "--show-settings", str(mono / "a" / "legacy" / "old.py"), "--extend-select", "RL201",
              cwd=mono.parent)
    out = res.stdout
    assert f"settings from: {mono / 'a' / 'pyproject.toml'} [tool.regr-lint]" in out
    assert "excluded: yes" in out and "command line: --extend-select RL201" in out
    enabled = out.split("rules enabled for this file: ")[1].split(", ")
    assert "RL101" in enabled and "RL201" in [e.strip() for e in enabled] and "RL301" not in enabled
    res = run("check", "--show-settings", "top.py", cwd=mono)
    assert f"project root: {mono} (the nearest directory with a .git)" in res.stdout
    assert "settings from: none (default settings)" in res.stdout
    res = run("check", "--show-settings", "top.py", "--config", "b/regr-lint.toml", cwd=mono)
    assert f"settings from: {mono / 'b' / 'regr-lint.toml'} (--config)" in res.stdout


def test_show_files(mono):
    write(mono, "b/notes.txt", "not python\n")
    write(mono, "b/nb.ipynb", '{"cells": [], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}')
    res = run("check", "--show-files", ".", cwd=mono)
    assert res.returncode == 0
    # sorted; a/legacy is excluded by a's settings; nothing is linted, no cache is made
    assert res.stdout.splitlines() == ["a/train.py", "b/nb.ipynb", "b/tests/t.py", "b/train.py", "top.py"]
    assert not list(mono.rglob(CACHE))
    res = run("check", "--show-files", cwd=mono / "a")
    assert res.stdout.splitlines() == ["train.py"]


def test_each_directory_is_looked_at_once(tmp_path):
    """Memoised: resolving every file of a tree reads each directory's markers once."""
    write(tmp_path, "pyproject.toml", "[tool.regr-lint]\n")
    dirs = [tmp_path / f"p{i}" / f"q{j}" for i in range(5) for j in range(5)]
    for d in dirs:
        write(d, "x.py", "")

    class Counting(Projects):
        def __init__(self):
            super().__init__(cwd=str(tmp_path))
            self.seen: list[str] = []

        def _marks(self, d):
            self.seen.append(d)
            return super()._marks(d)

    projects = Counting()
    for d in dirs:
        for _ in range(3):
            assert projects.for_file(str(d / "x.py")).root == str(tmp_path)
    assert sorted(projects.seen) == sorted(set(projects.seen))
    assert len(projects.seen) == len(dirs) + 5 + 1  # every q, every p, the root; nothing above it
