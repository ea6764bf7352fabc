"""Speed at scale: the result cache, parallel runs and .gitignore in directory walks (real CLI runs)."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from cli_helpers import CLEAN, RL101_BUG, SYNTAX_ERROR, codes, run, write

CACHE = ".regr_lint_cache"

RL102_BUG = RL101_BUG.replace('Dense(1)', 'Dense(1, activation="sigmoid")').replace('"accuracy"', '"mae"')
NOT_KERAS = "import numpy as np\nx = np.zeros(3)\n"


def _notebook(*cells: str) -> str:
    return json.dumps({"cells": [{"cell_type": "code", "metadata": {}, "outputs": [], "execution_count": None,
                                  "source": c.splitlines(keepends=True)} for c in cells],
                       "metadata": {}, "nbformat": 4, "nbformat_minor": 5}, indent=1)


def _entries(root: Path) -> list[Path]:
    return sorted((root / CACHE).glob("v*/*/*.json"))


@pytest.fixture
def tree(tmp_path):
    """~20 files: bugs, clean files, non-Keras files, a syntax error, a notebook, identical copies."""
    for i in range(6):
        write(tmp_path, f"pkg/bug{i}.py", RL101_BUG + f"# variant {i}\n")
    for i in range(4):
        write(tmp_path, f"pkg/sub/sig{i}.py", RL102_BUG + "\n" * i)
    for i in range(4):
        write(tmp_path, f"clean{i}.py", CLEAN)
    for i in range(3):
        write(tmp_path, f"other/plain{i}.py", NOT_KERAS)
    write(tmp_path, "broken.py", SYNTAX_ERROR)
    write(tmp_path, "nb.ipynb", _notebook("import numpy as np", RL101_BUG))
    write(tmp_path, "copy_a.py", RL101_BUG)
    write(tmp_path, "copy_b.py", RL101_BUG)
    return tmp_path


def _check(root: Path, *args: str) -> subprocess.CompletedProcess:
    return run("check", "--jobs", "1", *args, cwd=root)


@pytest.mark.slow
def test_hit_gives_the_same_output_as_a_miss(tree):
    cold = _check(tree, "--format", "json", "--unsafe-fixes")
    assert cold.returncode == 1
    entries = _entries(tree)
    assert entries
    warm = _check(tree, "--format", "json", "--unsafe-fixes")
    assert (warm.returncode, warm.stdout, warm.stderr) == (cold.returncode, cold.stdout, cold.stderr)
    uncached = _check(tree, "--format", "json", "--unsafe-fixes", "--no-cache")
    assert uncached.stdout == cold.stdout
    text_cold, text_warm = _check(tree, "--no-cache"), _check(tree)
    assert (text_warm.stdout, text_warm.stderr) == (text_cold.stdout, text_cold.stderr)
    assert "[*]" in text_warm.stdout
    # Entries are per contents: identical files share one. Files that mention Keras get one even
    # when no rule's tokens occur in them (CPython's parse checks them: dearer than a lookup);
    # files that mention neither Keras nor any rule's tokens get none.
    keras_files = 6 + 4 + 1 + 1 + 1 + 1  # bugs, sigmoids, notebook, one copy, the clean ones, broken
    assert len(_entries(tree)) == keras_files


def test_cache_is_tagged_and_git_ignored(tree):
    _check(tree)
    tag = (tree / CACHE / "CACHEDIR.TAG").read_text()
    assert tag.startswith("Signature: 8a477f597d28d172789f06886806bc55")
    assert (tree / CACHE / ".gitignore").read_text().splitlines()[-1] == "*"


@pytest.mark.slow
def test_editing_a_file_invalidates(tree):
    first = _check(tree)
    assert "pkg/bug0.py:" in first.stdout
    (tree / "pkg/bug0.py").write_text(CLEAN)
    second = _check(tree)
    assert "pkg/bug0.py:" not in second.stdout
    assert second.stdout == _check(tree, "--no-cache").stdout


@pytest.mark.slow
def test_select_and_config_invalidate(tree):
    both = _check(tree)
    assert {"RL101", "RL102"} <= set(codes(both.stdout))
    only = _check(tree, "--select", "RL102")
    assert set(codes(only.stdout)) - {"RL000"} == {"RL102"}
    assert only.stdout == _check(tree, "--select", "RL102", "--no-cache").stdout
    write(tree, "pyproject.toml", '[tool.regr-lint]\nselect = ["RL101"]\n')
    configured = _check(tree)
    assert set(codes(configured.stdout)) - {"RL000"} == {"RL101"}
    assert configured.stdout == _check(tree, "--no-cache").stdout
    (tree / "pyproject.toml").write_text('[tool.regr-lint]\nignore = ["RL101"]\n')
    out = _check(tree).stdout
    assert "RL101" not in codes(out) and "RL102" in codes(out)
    (tree / "pyproject.toml").write_text('[tool.regr-lint]\nper-file-ignores = { "pkg/**" = ["RL101"] }\n')
    out = _check(tree).stdout
    assert "pkg/bug0.py" not in out and "copy_a.py:" in out
    assert out == _check(tree, "--no-cache").stdout


@pytest.mark.slow
def test_corrupt_entries_are_misses(tree):
    good = _check(tree)
    entries = _entries(tree)
    for i, entry in enumerate(entries):
        entry.write_bytes([b"", b"{not json", b'{"key": "x"}', b'[1, 2]', b'\x00\xff'][i % 5])
    again = _check(tree)
    assert (again.returncode, again.stdout, again.stderr) == (good.returncode, good.stdout, good.stderr)
    # A right key with a malformed finding is a miss too.
    entry = _entries(tree)[0]
    doc = json.loads(entry.read_text())
    doc["findings"] = [{"line": "x"}]
    entry.write_text(json.dumps(doc))
    assert _check(tree).stdout == good.stdout


def test_no_cache_writes_nothing(tree):
    res = _check(tree, "--no-cache")
    assert res.returncode == 1
    assert not (tree / CACHE).exists()


@pytest.mark.slow
def test_stdin_and_fix_are_not_cached(tree):
    res = run("check", "--stdin-filename", "x.py", cwd=tree, stdin=RL101_BUG)
    assert codes(res.stdout) == ["RL101"]
    assert not (tree / CACHE).exists()
    run("check", "--diff", ".", cwd=tree)
    assert not (tree / CACHE).exists()


@pytest.mark.slow
def test_clean_removes_the_cache(tree):
    _check(tree)
    assert (tree / CACHE).is_dir()
    res = run("clean", cwd=tree)
    assert res.returncode == 0 and not (tree / CACHE).exists()
    assert run("clean", cwd=tree).returncode == 0


def test_cache_lives_at_the_config_root(tree):
    write(tree, "pyproject.toml", "[tool.regr-lint]\n")
    _check(tree / "pkg", ".")
    assert (tree / CACHE).is_dir() and not (tree / "pkg" / CACHE).exists()


@pytest.mark.slow
def test_concurrent_runs_share_the_cache(tree):
    cmd = [sys.executable, "-m", "regr_lint", "check", "--jobs", "2", "."]
    procs = [subprocess.Popen(cmd, cwd=tree, stdout=subprocess.PIPE, stderr=subprocess.PIPE) for _ in range(4)]
    outs = [p.communicate(timeout=120) for p in procs]
    assert [p.returncode for p in procs] == [1] * 4
    assert len({o for o in outs}) == 1
    assert outs[0][0].decode() == _check(tree, "--no-cache").stdout
    assert not list((tree / CACHE).rglob("*.regr-lint.tmp"))  # files.write_atomic's temporary names


@pytest.mark.slow
def test_parallel_output_is_identical_to_serial(tree):
    for fmt in ("json", "text"):
        serial = run("check", "--no-cache", "--jobs", "1", "--format", fmt, ".", cwd=tree)
        parallel = run("check", "--no-cache", "--jobs", "2", "--format", fmt, ".", cwd=tree)
        assert (parallel.returncode, parallel.stdout, parallel.stderr) == \
            (serial.returncode, serial.stdout, serial.stderr)
    assert "broken.py:2:" in serial.stdout and "RL000" in serial.stdout
    assert any(line.startswith("nb.ipynb:cell 2:") for line in serial.stdout.splitlines())
    cached = run("check", "--jobs", "2", ".", cwd=tree)
    assert cached.stdout == run("check", "--jobs", "2", ".", cwd=tree).stdout == \
        run("check", "--no-cache", "--jobs", "1", ".", cwd=tree).stdout


@pytest.mark.slow
def test_parallel_crash_is_reported_for_that_file(tree, tmp_path_factory):
    from test_cli import CRASHING_RULE, _fake_dist

    env = _fake_dist(tmp_path_factory.mktemp("site"), "crashpack", "ZZ901 = crashpack_rules:Crashes\n",
                     {"crashpack_rules": CRASHING_RULE})
    write(tree, "pkg/bug3.py", RL101_BUG + "# boom\n")
    res = run("check", "--jobs", "2", ".", cwd=tree, env=env)
    assert res.returncode == 2
    assert "pkg/bug3.py: internal error in regr-lint: RuntimeError: rule exploded" in res.stderr
    assert "pkg/bug3.py:" not in res.stdout and "pkg/bug4.py:" in res.stdout
    assert res.stderr.count("internal error in regr-lint") == 1


@pytest.mark.slow
def test_gitignored_files_are_skipped(tree):
    (tree / ".git").mkdir()
    write(tree, ".gitignore", "copy_*.py\n/other/\n")
    write(tree, "pkg/.gitignore", "bug[0-4].py\n!bug2.py\n")
    listed = lambda res: {line.split(":")[0] for line in res.stdout.splitlines()}  # noqa: E731
    walked = _check(tree)
    assert listed(walked) == {"broken.py", "nb.ipynb", "pkg/bug2.py", "pkg/bug5.py"} | \
        {f"pkg/sub/sig{i}.py" for i in range(4)}
    assert "17 files checked" not in walked.stderr
    everything = _check(tree, "--no-respect-gitignore")
    assert {"copy_a.py", "pkg/bug0.py"} <= listed(everything)
    # Named explicitly, an ignored file is still linted.
    assert listed(_check(tree, "copy_a.py", "pkg/bug0.py")) == {"copy_a.py", "pkg/bug0.py"}
    # The repository's .gitignore applies when a subdirectory is walked.
    sub = _check(tree, "pkg")
    assert listed(sub) == {"pkg/bug2.py", "pkg/bug5.py"} | {f"pkg/sub/sig{i}.py" for i in range(4)}
    write(tree, "pkg/sub/deeper/x.py", RL101_BUG)
    write(tree, "pkg/sub/.gitignore", "deeper/\n")
    assert "pkg/sub/deeper/x.py" not in listed(_check(tree, "pkg"))


_LOADS_LIBCST = """
import sys
from regr_lint.cli import main
sys.argv = ["regr-lint", "check", *sys.argv[1:]]
try:
    main()
except SystemExit as exit:
    code = exit.code
print("libcst loaded:", "libcst._nodes" in sys.modules, "exit:", code, file=sys.stderr)
"""


def _libcst_loaded(root: Path, *args: str) -> str:
    proc = subprocess.run([sys.executable, "-c", _LOADS_LIBCST, *args], cwd=root, capture_output=True,
                          text=True, timeout=120)
    return proc.stderr.strip().splitlines()[-1]


@pytest.mark.slow
def test_runs_that_parse_nothing_never_load_libcst(tree):
    # libcst is half of start-up: a warm run and a run over files no rule concerns skip it
    # (regr_lint/lazy.py); a cold run over Keras files does load it, so the probe is not vacuous.
    assert _libcst_loaded(tree, "--jobs", "1") == "libcst loaded: True exit: 1"
    assert _libcst_loaded(tree, "--jobs", "1") == "libcst loaded: False exit: 1"
    assert _libcst_loaded(tree, "--no-cache", "other") == "libcst loaded: False exit: 0"
