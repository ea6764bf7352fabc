"""The hook as users get it: the real `pre-commit try-repo` against a snapshot of this working tree."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from cli_helpers import CLEAN, RL101_AT, RL101_BUG, write

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent
GIT = shutil.which("git")
IGNORE = shutil.ignore_patterns(".git", ".venv*", "venv", "__pycache__", "*.egg-info", "build", "dist",
                                ".pytest_cache", ".regr_lint_cache")


def git(*args: str, cwd: Path) -> str:
    return subprocess.run([GIT, *args], cwd=cwd, check=True, capture_output=True, text=True).stdout


def _git_env() -> dict:
    env = dict(os.environ)
    env.update(GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@example.invalid",
               GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@example.invalid")
    return env


def snapshot(dest: Path) -> Path:
    """This working tree, committed: try-repo installs the repo at a commit, and uncommitted or untracked
    files (or a repo without any commit yet) would otherwise be left out."""
    try:
        files = git("ls-files", "-co", "--exclude-standard", "-z", cwd=ROOT).split("\0")
    except subprocess.CalledProcessError:  # not a git checkout (an unpacked archive)
        shutil.copytree(ROOT, dest, ignore=IGNORE)
    else:
        for rel in filter(None, files):
            if (ROOT / rel).is_file():
                (dest / rel).parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(ROOT / rel, dest / rel)
    init_repo(dest, commit=True)
    return dest


def init_repo(path: Path, commit: bool = False) -> None:
    path.mkdir(parents=True, exist_ok=True)
    git("init", "-q", cwd=path)
    git("config", "user.name", "t", cwd=path)
    git("config", "user.email", "t@example.invalid", cwd=path)
    git("add", "-A", cwd=path)
    if commit:
        git("commit", "-q", "-m", "snapshot", cwd=path)


def try_repo(hook_repo: Path, target: Path, home: Path) -> subprocess.CompletedProcess:
    env = _git_env()
    env["PRE_COMMIT_HOME"] = str(home)
    env.pop("PYTHONPATH", None)
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", "try-repo", str(hook_repo), "regr-lint", "--all-files",
         "--show-diff-on-failure", "--color", "never"],
        cwd=target, env=env, capture_output=True, text=True, timeout=900,
    )


@pytest.mark.skipif(GIT is None, reason="git is not installed: pre-commit needs it")
def test_pre_commit_hook(tmp_path):
    hook_repo = snapshot(tmp_path / "hook")
    home = tmp_path / "pc-home"

    buggy = tmp_path / "buggy"
    write(buggy, "train.py", RL101_BUG)
    write(buggy, "notes.txt", "not python, not passed to the hook\n")
    init_repo(buggy)
    res = try_repo(hook_repo, buggy, home)
    out = res.stdout + res.stderr
    assert res.returncode == 1, out
    assert "train.py:%d:%d: RL101" % RL101_AT in out
    assert "notes.txt" not in out  # types_or keeps non-Python files away from the hook

    clean = tmp_path / "clean"
    write(clean, "train.py", CLEAN)
    init_repo(clean)
    res = try_repo(hook_repo, clean, home)
    assert res.returncode == 0, res.stdout + res.stderr
    assert "Passed" in res.stdout
