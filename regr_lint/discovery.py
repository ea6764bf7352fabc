"""Turning the paths on the command line into the files to lint."""
from __future__ import annotations

import fnmatch
import os
from typing import Iterable

from regr_lint.pathmatch import PathMatcher

# Never worth walking into: tool caches, build output, installed packages.
SKIP_DIRS = frozenset({
    ".git", ".hg", ".svn", ".venv", "venv", "build", "dist", "node_modules", "__pycache__",
    ".tox", ".nox", ".mypy_cache", ".pytest_cache", ".ruff_cache", ".eggs", ".regr_lint_cache", ".cache",
})
SKIP_DIR_GLOBS = ("*.egg-info",)
SOURCE_SUFFIXES = (".py", ".ipynb")


class DiscoveryError(Exception):
    """A path given on the command line does not exist."""


def _skip_dir(path: str, name: str) -> bool:
    return (
        name in SKIP_DIRS
        or any(fnmatch.fnmatchcase(name, g) for g in SKIP_DIR_GLOBS)
        # Any virtualenv, whatever its name.
        or os.path.isfile(os.path.join(path, "pyvenv.cfg"))
    )


def _walk(root: str, exclude: PathMatcher) -> Iterable[str]:
    for dirpath, dirnames, filenames in os.walk(root):
        # Pruning in place keeps os.walk out of skipped trees entirely.
        dirnames[:] = [
            d for d in dirnames
            if not _skip_dir(os.path.join(dirpath, d), d)
            and not exclude.match_self(os.path.join(dirpath, d), True)
        ]
        for name in filenames:
            path = os.path.join(dirpath, name)
            if name.endswith(SOURCE_SUFFIXES) and not exclude.match_self(path, False):
                yield os.path.normpath(path)


def discover(paths: Iterable[str], exclude: PathMatcher) -> list[str]:
    """Files to lint, sorted and without duplicates.

    A file named explicitly is linted whatever its suffix, unless the configured `exclude` covers it:
    pre-commit passes files one by one, and must still respect the project's excludes.
    """
    found: set[str] = set()
    for given in paths:
        if not os.path.exists(given):
            raise DiscoveryError(f"{given}: no such file or directory")
        if exclude.match(given, os.path.isdir(given)):
            continue
        if os.path.isdir(given):
            found.update(_walk(given, exclude))
        else:
            found.add(os.path.normpath(given))
    return sorted(found)
