"""Reliability of real runs in an unfriendly world (real CLI subprocesses, no mocks):

- `--fix` loses nothing: permissions, owner and symlinks are kept, and a run killed with SIGKILL
  part-way leaves every file either as it was or fully fixed (never half-written);
- concurrent runs sharing one result cache print what an uncached run prints; a truncated entry or a
  stray temporary file in the cache is ignored and the entry rebuilt;
- a 50,000-line file is linted and its findings reported;
- a file deleted during a run, an unreadable file and an unreadable directory each get a clear
  message naming the path while the other files are linted, and never a traceback.

Exit codes decided here: a file that vanished after discovery, or that cannot be read, is RL000 (a
finding: exit 1, as README's RL000 row says: "cannot be read … the run goes on"); a directory that
cannot be listed is an error on stderr and exit 2, like a missing path on the command line: its files
were never seen, so the run is incomplete.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from cli_helpers import CLEAN, RL101_BUG, SYNTAX_ERROR, codes, run, unprivileged_cli, write
from regr_lint.engine.lint import lint_text
from regr_lint.engine.registry import load_registry
from regr_lint.input.discovery import discover
from regr_lint.input.pathmatch import PathMatcher
from regr_lint.run.cache import Cache, fingerprint
from regr_lint.run.parallel import lint_paths

CLI = [sys.executable, "-m", "regr_lint"]
REGISTRY = load_registry()
RULES = [lr.rule for lr in REGISTRY]
TMP_SUFFIX = ".regr-lint.tmp"  # regr_lint/input/files.py: the temporary file beside the one being written

# Four fixes over two passes (RL502 and RL101 safe; RL501 and RL202 unsafe, RL202 adds `import math`).
FIXABLE = """\
import keras
from keras.layers import Dense

model = keras.Sequential([keras.Input(shape=(8,)), Dense(16, activation="relu"), Dense(1)])
model.compile(optimizer=keras.optimizers.Adam(lr=0.01), loss="mse", metrics=["mae", "accuracy"])
model.fit_generator(gen, steps_per_epoch=n / 32, epochs=3)
"""


def _fixed_version(tmp: Path, source: str = FIXABLE) -> bytes:
    """What a complete `check --fix --unsafe-fixes` run makes of `source`."""
    ref = write(tmp, "reference/m.py", source)
    res = run("check", "--fix", "--unsafe-fixes", "--no-cache", str(ref), cwd=tmp)
    assert res.returncode == 0, res.stderr
    data = ref.read_bytes()
    assert data != source.encode() and b"accuracy" not in data and b"import math" in data
    return data


def _strays(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*") if p.name.endswith(TMP_SUFFIX))


def _checked(stderr: str) -> int:
    m = re.search(r"(\d+) files? checked", stderr)
    assert m, stderr
    return int(m.group(1))


# -- --fix keeps what it does not fix ----------------------------------------------------------------------

@pytest.mark.slow
def test_fix_keeps_mode_owner_and_symlinks(tmp_path):
    fixed = _fixed_version(tmp_path)
    tree = tmp_path / "tree"
    modes = {"m640.py": 0o640, "m600.py": 0o600, "m751.py": 0o751, "m444.py": 0o444, "m2750.py": 0o2750}
    for name, mode in modes.items():
        os.chmod(write(tree, name, FIXABLE), mode)
    root = os.geteuid() == 0
    owners = {"mine.py": (os.geteuid(), os.getegid())}
    if root:  # root fixing someone else's file must not take it over
        owners.update({"nobody.py": (65534, 65534), "group.py": (0, 65534)})
    for name, (uid, gid) in owners.items():
        path = write(tree, name, FIXABLE)
        os.chown(path, uid, gid)
        os.chmod(path, 0o640)
    target = write(tree, "real/target.py", FIXABLE)
    link = tree / "link.py"
    link.symlink_to(Path("real") / "target.py")

    res = run("check", "--fix", "--unsafe-fixes", "--no-cache", "link.py", *modes, *owners, cwd=tree)
    assert res.returncode == 0, res.stderr
    for name, mode in modes.items():
        assert (tree / name).read_bytes() == fixed, name
        assert stat.S_IMODE((tree / name).stat().st_mode) == mode, (name, oct(mode))
    for name, owner in owners.items():
        st = (tree / name).stat()
        assert (tree / name).read_bytes() == fixed
        assert ((st.st_uid, st.st_gid), stat.S_IMODE(st.st_mode)) == (owner, 0o640), name
    assert link.is_symlink() and os.readlink(link) == str(Path("real") / "target.py")
    assert target.read_bytes() == fixed
    assert _strays(tree) == []


@pytest.mark.slow
def test_sigkill_mid_fix_leaves_every_file_old_or_new(tmp_path):
    """`check --fix` over 200 copies, killed with SIGKILL once the 1st file, then about a third, had
    been replaced, and once (after a tenth) while a temporary file was visible: every file is byte for byte the
    original or the fully fixed version (each kill must catch a partial state: some fixed, some not);
    a temporary file that survives a kill is never linted; a second run finishes the job and removes it."""
    n = 200
    fixed = _fixed_version(tmp_path)
    original = FIXABLE.encode()
    tree = tmp_path / "tree"
    files = [tree / f"m{i:03d}.py" for i in range(n)]  # sorted: the order --fix goes through them

    def reset() -> None:
        if tree.exists():
            shutil.rmtree(tree)
        tree.mkdir()
        for p in files:
            p.write_bytes(original)

    report = {}
    for point in ("first", "third", "temp-file"):
        for attempt in range(1, 11):
            reset()
            inode = {p: p.stat().st_ino for p in files}
            watched = {"first": files[0], "third": files[n // 3], "temp-file": files[n // 10]}[point]
            proc = subprocess.Popen(CLI + ["check", "--fix", "--unsafe-fixes", "--no-cache", "."], cwd=tree,
                                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            deadline = time.monotonic() + 120
            try:
                while proc.poll() is None and time.monotonic() < deadline:
                    if watched.stat().st_ino != inode[watched] and (
                            point != "temp-file" or any(name.endswith(TMP_SUFFIX) for name in os.listdir(tree))):
                        break
                    time.sleep(0.0005)
            finally:
                proc.send_signal(signal.SIGKILL)
                proc.wait(timeout=60)
            states = []
            for p in files:
                data = p.read_bytes()
                assert data in (original, fixed), f"{p.name} is neither the original nor the fixed file"
                states.append(data == fixed)
            strays = _strays(tree)
            if 0 < sum(states) < n and (point != "temp-file" or strays):
                report[point] = (sum(states), [s.name for s in strays], attempt)
                break
        else:
            if point != "temp-file":
                pytest.fail(f"no partial state caught when killing at the {point} point in 10 runs")
            # (a kill inside the write window is a matter of timing: not caught this time)
    assert "first" in report and "third" in report, report
    # Fixed files were done in order, and the rest is intact (checked above, byte for byte).
    assert report["first"][0] >= 1 and report["third"][0] >= n // 3
    # The state after the last kill: a second run fixes what remains, and the temporary files (if any
    # survived) are not linted but removed: their process is gone (regr_lint.input.files.sweep).
    strays = {p: p.read_bytes() for p in _strays(tree)}
    again = subprocess.run(CLI + ["check", "--fix", "--unsafe-fixes", "--no-cache", "--show-fixes", "."], cwd=tree,
                           capture_output=True, text=True, timeout=300)
    assert again.returncode == 0, again.stderr
    assert _checked(again.stderr) == n and not any(p.name in again.stderr for p in strays)
    assert all(p.read_bytes() == fixed for p in files)
    assert _strays(tree) == []
    print(f"SIGKILL states (files fixed, stray temporary files): {report}")


# -- the shared result cache ------------------------------------------------------------------------------

CACHE = ".regr_lint_cache"
RL102_BUG = RL101_BUG.replace('Dense(1)', 'Dense(1, activation="sigmoid")').replace('"accuracy"', '"mae"')


@pytest.fixture
def tree(tmp_path):
    """About 50 files under a project root (pyproject.toml): bugs, clean and non-Keras files, a syntax
    error, identical copies; enough for concurrent runs to overlap."""
    write(tmp_path, "pyproject.toml", "[tool.regr-lint]\n")
    for i in range(30):
        write(tmp_path, f"pkg/bug{i:02d}.py", RL101_BUG + f"# variant {i}\n")
    for i in range(10):
        write(tmp_path, f"pkg/sub/sig{i:02d}.py", RL102_BUG + "\n" * i)
    for i in range(4):
        write(tmp_path, f"clean{i}.py", CLEAN + f"# {i}\n")
    for i in range(4):
        write(tmp_path, f"copy{i}.py", RL101_BUG)
    write(tmp_path, "broken.py", SYNTAX_ERROR)
    write(tmp_path, "plain.py", "import numpy as np\n")
    return tmp_path


def _entries(root: Path) -> list[Path]:
    return sorted((root / CACHE).glob("v*/*/*.json"))


def _cache_is_sound(root: Path) -> None:
    """Every entry is whole JSON under its own key; no temporary file is left behind."""
    for entry in _entries(root):
        doc = json.loads(entry.read_bytes())
        assert doc["key"] == entry.parent.name + entry.stem, entry
    assert _strays(root / CACHE) == []


# (cwd relative to the tree, extra arguments): two settings, two working directories, serial and
# parallel linting, all sharing the project cache at the tree's root.
RUNS = [
    (".", ("--jobs", "2", "--format", "json", "--unsafe-fixes")),
    (".", ("--jobs", "2", "--select", "RL101")),
    ("pkg", ("--jobs", "1",)),
]


def _cache_contents(root: Path) -> dict:
    return {str(p.relative_to(root)): p.read_bytes() for p in _entries(root)}


@pytest.mark.slow
def test_concurrent_runs_sharing_a_cache_match_an_uncached_run(tree):
    """The runs of RUNS, started together, three rounds (cold, warm, cold): each prints what it prints
    uncached, and the shared cache ends up exactly as the same runs one after the other leave it."""
    expected = []
    for cwd, args in RUNS:
        res = run("check", "--no-cache", *args, ".", cwd=tree / cwd)
        assert res.returncode == 1
        expected.append((1, res.stdout))
    assert not (tree / CACHE).exists()
    for cwd, args in RUNS:
        assert run("check", *args, ".", cwd=tree / cwd).stdout == expected[RUNS.index((cwd, args))][1]
    serial = _cache_contents(tree)
    assert serial
    for round_ in range(3):
        if round_ % 2 == 0:
            assert run("clean", cwd=tree).returncode == 0  # a cold race; odd rounds start warm
        procs = [subprocess.Popen(CLI + ["check", *args, "."], cwd=tree / cwd, stdout=subprocess.PIPE,
                                  stderr=subprocess.PIPE, text=True) for cwd, args in RUNS]
        outs = [p.communicate(timeout=300) for p in procs]
        for (cwd, args), p, (out, err), want in zip(RUNS, procs, outs, expected):
            assert "Traceback" not in err, err
            assert (p.returncode, out) == want, (round_, cwd, args)
        _cache_is_sound(tree)
        assert _cache_contents(tree) == serial, round_
        assert not (tree / "pkg" / CACHE).exists()


@pytest.mark.slow
def test_truncated_entries_and_stray_temp_files_are_ignored_and_rebuilt(tree):
    good = run("check", "--format", "json", ".", cwd=tree)
    assert good.returncode == 1
    entries = {p: p.read_bytes() for p in _entries(tree)}
    assert len(entries) > 30
    # A writer that died half-way (truncated entries), and one killed before its rename (a stray
    # temporary file beside the entry, named as regr_lint/input/files.py names them).
    for i, (entry, data) in enumerate(entries.items()):
        entry.write_bytes(data[: [len(data) // 2, 1, len(data) - 1][i % 3]])
        if i % 5 == 0:
            (entry.parent / f".{entry.name}.x1y2z3{TMP_SUFFIX}").write_bytes(data[:7])
    again = run("check", "--format", "json", ".", cwd=tree)
    assert (again.returncode, again.stdout, again.stderr) == (good.returncode, good.stdout, good.stderr)
    # rebuilt: each entry whole again, byte for byte what the first run wrote
    assert {p: p.read_bytes() for p in _entries(tree)} == entries
    warm = run("check", "--format", "json", ".", cwd=tree)
    assert warm.stdout == good.stdout


@pytest.mark.slow
def test_an_unusable_cache_directory_is_skipped(tree):
    want = run("check", "--no-cache", ".", cwd=tree)
    (tree / CACHE).write_text("not a directory\n")  # a file where the cache should be
    res = run("check", ".", cwd=tree)
    assert (res.returncode, res.stdout) == (want.returncode, want.stdout) and "Traceback" not in res.stderr
    assert (tree / CACHE).read_text() == "not a directory\n"
    (tree / CACHE).unlink()
    run("check", ".", cwd=tree)
    entry = _entries(tree)[0]
    entry.unlink()
    entry.mkdir()  # an entry that is a directory: a miss, and it cannot be replaced
    res = run("check", ".", cwd=tree)
    assert (res.returncode, res.stdout) == (want.returncode, want.stdout) and "Traceback" not in res.stderr


# -- a very large file ------------------------------------------------------------------------------------

def _large_keras_file(n_lines: int, rl101_at: int, rl102_at: int) -> tuple[str, list[tuple[str, int]]]:
    lines = ["import keras", "from keras import layers", ""]
    expected = []
    i = 0
    while len(lines) + 10 <= n_lines:
        head = "layers.Dense(1)"
        metrics = '["mae"]'
        if i == rl102_at:
            head = 'layers.Dense(1, activation="sigmoid")'
            expected.append(("RL102", len(lines) + 5))
        if i == rl101_at:
            metrics = '["mae", "accuracy"]'
            expected.append(("RL101", len(lines) + 7))
        lines += [f"def build_model_{i}(units={i % 7 + 1}):",
                  "    model = keras.Sequential([",
                  "        keras.Input(shape=(8,)),",
                  '        layers.Dense(units * 4, activation="relu"),',
                  f"        {head},",
                  "    ])",
                  f'    model.compile(optimizer="adam", loss="mse", metrics={metrics})',
                  "    return model",
                  "",
                  ""]
        i += 1
    lines += [""] * (n_lines - len(lines))
    return "\n".join(lines) + "\n", sorted(expected, key=lambda e: e[1])


@pytest.mark.slow
def test_a_50000_line_file_is_linted(tmp_path):
    """5,000 model-building functions, two of them wrong: the real CLI reports exactly those two.
    (About 30 s of CPU: libcst's parse and position pass, and the facts, are linear but not cheap.)"""
    source, expected = _large_keras_file(50_000, rl101_at=1234, rl102_at=3210)
    assert source.count("\n") == 50_000 and len(expected) == 2
    write(tmp_path, "big.py", source)
    res = subprocess.run(CLI + ["check", "--no-cache", "big.py"], cwd=tmp_path, capture_output=True, text=True,
                         timeout=900)
    assert res.returncode == 1, res.stderr
    assert "Traceback" not in res.stderr
    found = [(line.split(": ")[1].split()[0], int(line.split(":")[1])) for line in res.stdout.splitlines()]
    assert found == expected
    assert "1 file checked" in res.stderr


def test_large_file_generator_is_right():
    """The generator of the test above, checked small and fast: its expected findings are what the
    engine reports, so the slow test's expectation is not a guess."""
    source, expected = _large_keras_file(300, rl101_at=5, rl102_at=20)
    assert source.count("\n") == 300
    assert [(f.code, f.line) for f in lint_text(source, "big.py", RULES)] == expected


# -- files that vanish or cannot be read ------------------------------------------------------------------

GONE = "cannot read file: No such file or directory"


@pytest.mark.parametrize("args", [("--jobs", "1"), ("--jobs", "2"), ("--jobs", "2", "--show-source"),
                                  ("--format", "sarif"), ("--fix",)])
@pytest.mark.slow
def test_a_dangling_symlink_the_walk_lists_is_skipped_in_every_mode(tmp_path, args):
    """A dangling symlink is listed by the directory walk but holds no file: skipped with a warning
    (never an RL000), the rest linted, in every output mode and with workers."""
    for i in range(10):
        write(tmp_path, f"f{i}.py", RL101_BUG)
    (tmp_path / "gone.py").symlink_to("deleted-meanwhile.py")
    res = run("check", "--no-cache", *args, ".", cwd=tmp_path)
    assert res.returncode == (0 if "--fix" in args else 1), res.stderr
    assert "Traceback" not in res.stderr and "internal error" not in res.stderr
    assert "warning: gone.py: skipped: a symbolic link to deleted-meanwhile.py" in res.stderr
    if "--format" in args:
        results = json.loads(res.stdout)["runs"][0]["results"]
        assert not any(r["ruleId"] == "RL000" for r in results)
        assert sum(r["ruleId"] == "RL101" for r in results) == 10
        return
    assert "RL000" not in res.stdout
    if "--fix" in args:
        assert all((tmp_path / f"f{i}.py").read_text() != RL101_BUG for i in range(10))
        assert "10 fixed" in res.stderr
    else:
        assert sum(line.startswith("f") and " RL101 " in line for line in res.stdout.splitlines()) == 10


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_file_that_vanished_after_discovery(tmp_path, jobs):
    """A file deleted between discovery and linting (the walk listed it, it is gone when opened):
    RL000 for it, the rest linted, with or without workers."""
    from regr_lint.run.parallel import lint_paths

    files = [str(write(tmp_path, f"f{i}.py", RL101_BUG)) for i in range(10)]
    gone = write(tmp_path, "gone.py", RL101_BUG)
    gone.unlink()  # after "discovery": the list below still names it
    results = lint_paths(files + [str(gone)], RULES, jobs=jobs)
    assert [f.code for f in results[-1]] == ["RL000"] and GONE in results[-1][0].message
    assert all([f.code for f in r] == ["RL101"] for r in results[:-1])


@pytest.mark.parametrize("jobs", [1, 2])
def test_lint_paths_with_a_path_deleted_after_discovery(tmp_path, jobs):
    """The real internal functions: discover() the tree, delete a file, lint_paths() the list."""
    for i in range(12):
        write(tmp_path, f"f{i:02d}.py", RL101_BUG + f"# {i}\n")
    files = discover([str(tmp_path)], PathMatcher([], str(tmp_path)))
    assert len(files) == 12
    os.unlink(files[5])
    cache = Cache(str(tmp_path), fingerprint(RULES, {lr.rule.code: lr.package for lr in REGISTRY}))
    for _ in range(2):  # cold, then warm cache
        results = lint_paths(files, RULES, cache, jobs=jobs)
        assert [[f.code for f in r] for r in results] == [["RL101"]] * 5 + [["RL000"]] + [["RL101"]] * 6
        assert results[5][0].path == files[5] and results[5][0].message == GONE


@pytest.mark.slow
def test_files_deleted_while_the_cli_runs(tmp_path):
    """A real race: 300 files, the last 40 (in the order they are linted) deleted while `check` runs.
    The delay adapts until a deletion lands after discovery and before the file is read; then those
    files are RL000 "No such file or directory", the others are linted, exit 1, no traceback."""
    n, last = 300, 40
    names = [f"m{i:03d}.py" for i in range(n)]
    delay, outcome = 0.6, None
    for attempt in range(12):
        shutil.rmtree(tmp_path / "tree", ignore_errors=True)
        tree = tmp_path / "tree"
        for name in names:
            write(tree, name, RL101_BUG)
        proc = subprocess.Popen(CLI + ["check", "--no-cache", "--jobs", "1", "."], cwd=tree, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True)
        time.sleep(delay)
        for name in names[-last:]:
            (tree / name).unlink()
        out, err = proc.communicate(timeout=300)
        assert "Traceback" not in err and "internal error" not in err, err
        checked = _checked(err)
        vanished = [line for line in out.splitlines() if GONE in line]
        if checked < n:  # (some) deleted before the walk saw them: later
            delay *= 1.5
        elif vanished:
            outcome = (proc.returncode, out, vanished)
            break
        else:  # all linted before the deletion: sooner
            delay /= 2
    assert outcome, "no deletion landed between discovery and linting in 12 runs"
    code, out, vanished = outcome
    assert code == 1
    for line in vanished:
        assert line.split(":")[0] in names[-last:] and line.endswith(f"RL000 {GONE}")
    linted = {line.split(":")[0] for line in out.splitlines() if " RL101 " in line}
    assert linted | {line.split(":")[0] for line in vanished} == set(names)
    assert set(names[:-last]) <= linted


@pytest.mark.unprivileged
@pytest.mark.slow
def test_unreadable_file_and_directory(tmp_path):
    """chmod 000 on a file and on a directory (run as 'nobody' when we are root, who ignores it): the
    file is RL000 naming it, the directory an error naming it (exit 2), everything else is linted
    and fixed, no traceback."""
    if os.geteuid() == 0:
        argv, user, why = unprivileged_cli()
        if why:
            pytest.skip(why)
        base = Path(tempfile.mkdtemp(prefix="regr-lint-perms-"))  # pytest's tmp_path is private to root
        os.chmod(base, 0o755)
    else:
        argv, user, base = CLI, {}, tmp_path
    tree = base / "tree"
    secret = tree / "secret.py"
    try:
        write(tree, "good.py", RL101_BUG)
        write(tree, "open/ok.py", RL101_BUG)
        write(tree, "secret.py", RL101_BUG)
        write(tree, "locked/inner.py", RL101_BUG)
        if user:
            for path in [tree, *tree.rglob("*")]:
                os.chown(path, user["user"], user["group"])  # the user's own tree, with holes in it
        os.chmod(secret, 0o000)
        os.chmod(tree / "locked", 0o000)

        def check(*args: str) -> subprocess.CompletedProcess:
            res = subprocess.run(argv + ["check", *args], cwd=tree, capture_output=True, text=True, timeout=300,
                                 **user)
            assert "Traceback" not in res.stderr and "internal error" not in res.stderr, res.stderr
            return res

        res = check(".")
        assert res.returncode == 2, res.stderr
        assert "regr-lint: error: locked: cannot read directory: Permission denied" in res.stderr
        assert codes(res.stdout) == ["RL101", "RL101", "RL000"]
        assert [line.split(":")[0] for line in res.stdout.splitlines()] == ["good.py", "open/ok.py", "secret.py"]
        assert "secret.py:1:1: RL000 cannot read file: Permission denied" in res.stdout
        assert "3 files checked" in res.stderr
        again = check(".")  # the cache (written by that user) changes nothing
        assert (again.returncode, again.stdout, again.stderr) == (res.returncode, res.stdout, res.stderr)
        # Named explicitly: the file alone is a finding (exit 1), the directory alone an error (exit 2).
        res = check("secret.py", "good.py")
        assert res.returncode == 1 and codes(res.stdout) == ["RL101", "RL000"]
        res = check("locked")
        assert res.returncode == 2 and res.stdout == ""
        assert "regr-lint: error: locked: cannot read directory: Permission denied" in res.stderr
        # --fix fixes what it can read and says what it cannot.
        res = check("--fix", ".")
        assert res.returncode == 2 and "locked: cannot read directory" in res.stderr
        assert codes(res.stdout) == ["RL000"] and "2 fixed" in res.stderr
        assert "accuracy" not in (tree / "good.py").read_text() and "accuracy" not in (tree / "open/ok.py").read_text()
        os.chmod(secret, 0o644)
        os.chmod(tree / "locked", 0o755)
        assert secret.read_text() == RL101_BUG and (tree / "locked/inner.py").read_text() == RL101_BUG
    finally:
        for path in (secret, tree / "locked"):
            if path.exists():
                os.chmod(path, 0o755)
        if base != tmp_path:
            shutil.rmtree(base, ignore_errors=True)
