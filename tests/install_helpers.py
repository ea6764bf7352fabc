"""What the install tests share: a copy of this checkout as a user would clone it, clean virtualenvs,
and the README's own snippets (the tests run what the README says, so the two cannot drift)."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
GIT = shutil.which("git")
IGNORE = shutil.ignore_patterns(".git", ".venv*", "venv", "__pycache__", "*.egg-info", "build", "dist",
                                ".pytest_cache", ".regr_lint_cache")
GIT_IDENTITY = {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.invalid",
                "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.invalid"}


def clean_env(venv: Path | None = None, **extra: str) -> dict:
    """The environment a user's shell would give: no PYTHONPATH or PYTHONHOME leaking this checkout or
    the test venv in, no VIRTUAL_ENV of the test run; `venv`'s bin first on PATH when given."""
    env = {k: v for k, v in os.environ.items()
           if k not in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV", "PIP_REQUIRE_VIRTUALENV", "NO_COLOR",
                        "FORCE_COLOR", "PRE_COMMIT_HOME")}
    test_bin = str(Path(sys.executable).parent)
    path = [p for p in env.get("PATH", "").split(os.pathsep) if p and p != test_bin]
    if venv is not None:
        path.insert(0, str(venv / "bin"))
        env["VIRTUAL_ENV"] = str(venv)
    env["PATH"] = os.pathsep.join(path)
    env.update(GIT_IDENTITY)
    env.update(extra)
    return env


def sh(cmd, *, cwd: Path, env: dict, timeout: float = 900, check: bool = False,
       shell: bool = False) -> subprocess.CompletedProcess:
    proc = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout, shell=shell,
                          executable="/bin/bash" if shell else None)
    if check and proc.returncode != 0:
        raise AssertionError(f"{cmd!r} exited {proc.returncode}\n{proc.stdout[-3000:]}\n{proc.stderr[-3000:]}")
    return proc


def new_venv(path: Path) -> Path:
    """A clean virtualenv (the base interpreter's, never the test venv's packages)."""
    subprocess.run([sys.executable, "-m", "venv", str(path)], check=True, capture_output=True, timeout=300)
    return path


def snapshot(dest: Path, commit: bool = False) -> Path:
    """This working tree as a clone would have it (tracked and untracked-but-not-ignored files), so a
    build never writes build/ or *.egg-info into the checkout and uncommitted work is what is tested."""
    try:
        files = subprocess.run([GIT, "ls-files", "-co", "--exclude-standard", "-z"], cwd=ROOT, check=True,
                               capture_output=True, text=True).stdout.split("\0") if GIT else None
    except subprocess.CalledProcessError:  # not a git checkout (an unpacked archive)
        files = None
    if files is None:
        shutil.copytree(ROOT, dest, ignore=IGNORE)
    else:
        for rel in filter(None, files):
            if (ROOT / rel).is_file():
                (dest / rel).parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(ROOT / rel, dest / rel)
    if commit:
        git_commit_all(dest)
    return dest


def git_commit_all(path: Path) -> str:
    """`git init` + commit everything; the commit's id."""
    path.mkdir(parents=True, exist_ok=True)
    env = clean_env()
    for args in (["init", "-q", "-b", "main"], ["add", "-A"], ["commit", "-q", "--allow-empty", "-m", "snapshot"]):
        sh([GIT, *args], cwd=path, env=env, check=True)
    return sh([GIT, "rev-parse", "HEAD"], cwd=path, env=env, check=True).stdout.strip()


def readme_section(heading: str) -> str:
    """The text of the README section under `heading` (a whole `## ...` / `### ...` line), up to the
    next heading of the same or a higher level."""
    text = README.read_text(encoding="utf-8")
    level = len(heading) - len(heading.lstrip("#"))
    lines = text.splitlines()
    try:
        start = lines.index(heading)
    except ValueError:
        raise AssertionError(f"README.md has no {heading!r} heading") from None
    out = []
    in_code = False
    for line in lines[start + 1:]:
        if line.startswith("```"):
            in_code = not in_code
        m = re.match(r"(#+) ", line)
        if m and not in_code and len(m.group(1)) <= level:
            break
        out.append(line)
    return "\n".join(out)


def code_blocks(section: str, lang: str | None = None) -> list[str]:
    """The fenced code blocks of a README section (``` + language), optionally only one language."""
    blocks = re.findall(r"^```([\w-]*)\n(.*?)^```", section, flags=re.M | re.S)
    return [body for fence, body in blocks if lang is None or fence == lang]
