"""Turning the paths on the command line into the files to lint."""
from __future__ import annotations

import fnmatch
import os
from typing import Callable, Iterable, Union

from regr_lint.input.pathmatch import PathMatcher, prepare
from regr_lint.input.source import SourceError, read_bytes

# Never worth walking into: tool caches, build output, installed packages.
SKIP_DIRS = frozenset({
    ".git", ".hg", ".svn", ".venv", "venv", "build", "dist", "node_modules", "__pycache__",
    ".tox", ".nox", ".mypy_cache", ".pytest_cache", ".ruff_cache", ".eggs", ".regr_lint_cache", ".cache",
    ".ipynb_checkpoints",  # Jupyter's autosaved copies: every finding twice
    # installed packages, also in a virtualenv committed without its pyvenv.cfg (older virtualenvs
    # wrote none) or a PEP 582 folder: never the project's own code
    "site-packages", "__pypackages__",
})
SKIP_DIR_GLOBS = ("*.egg-info",)
SOURCE_SUFFIXES = (".py", ".ipynb")


# The `exclude` patterns in force in a directory (each project has its own), or one set for all.
Excludes = Union[PathMatcher, Callable[[str], PathMatcher]]


def _excludes(exclude: Excludes) -> Callable[[str], PathMatcher]:
    return exclude if callable(exclude) else (lambda directory: exclude)


class DiscoveryError(Exception):
    """A path given on the command line does not exist."""


def _skip_dir(path: str, name: str) -> bool:
    return (
        name in SKIP_DIRS
        or any(fnmatch.fnmatchcase(name, g) for g in SKIP_DIR_GLOBS)
        # Any virtualenv, whatever its name.
        or os.path.isfile(os.path.join(path, "pyvenv.cfg"))
    )


class GitIgnore:
    """The `.gitignore` files that apply below one directory, shallowest first (a deeper file's
    patterns, and a later pattern in a file, win, as in git; `!` re-includes). Patterns are the
    gitignore syntax of regr_lint/input/pathmatch.py; each file's patterns are relative to its directory.
    Also read: `.git/info/exclude` of the repository. Not read: git's global excludes file."""

    def __init__(self, layers: tuple = (), warnings: list | None = None):
        self.layers = layers  # ((base directory, [Pattern, ...]), ...)
        self.warnings = warnings  # messages about patterns git ignores too (shared with enter()'s)

    @staticmethod
    def _load(path: str, base: str, warnings: list | None = None) -> tuple | None:
        try:
            # read_bytes: a FIFO or a link to /dev/zero named .gitignore must not hang the walk either
            lines = read_bytes(path).decode("utf-8", errors="replace").splitlines()
        except SourceError:
            return None
        # A line starting with "\#" is a pattern for names starting with "#" (the escape is parsed).
        matcher = PathMatcher(lines, base)
        if warnings is not None:
            for index, raw, why in matcher.problems:
                shown = os.path.relpath(path)
                shown = path if shown.startswith(os.pardir) else shown
                warnings.append(f"{shown}:{index + 1}: pattern {raw.strip()!r} "
                                f"matches nothing ({why})")
        return (matcher.base, matcher.patterns) if matcher.patterns else None

    def enter(self, directory: str, has_gitignore: bool) -> "GitIgnore":
        """The rules below `directory` (which holds a .gitignore when `has_gitignore`)."""
        if not has_gitignore:
            return self
        layer = self._load(os.path.join(directory, ".gitignore"), directory, self.warnings)
        return GitIgnore(self.layers + (layer,), self.warnings) if layer else self

    @classmethod
    def for_root(cls, root: str, warnings: list | None = None) -> "GitIgnore":
        """The rules in force at `root`: those of its git repository's top and of every directory
        from there down to `root` (the root's own .gitignore included)."""
        here = os.path.abspath(root)
        chain = [here]
        top = None
        probe = here
        while True:
            if os.path.exists(os.path.join(probe, ".git")):
                top = probe
                break
            parent = os.path.dirname(probe)
            if parent == probe:
                break
            probe = parent
            chain.append(probe)
        if top is None:
            chain = [here]  # not in a repository: only the walked directories' own files
        layers = []
        if top is not None:
            exclude = cls._load(os.path.join(top, ".git", "info", "exclude"), top, warnings)
            if exclude:
                layers.append(exclude)
        for directory in reversed(chain):
            layer = cls._load(os.path.join(directory, ".gitignore"), directory, warnings)
            if layer:
                layers.append(layer)
        return cls(tuple(layers), warnings)

    def ignored(self, path: str, is_dir: bool) -> bool:
        if not self.layers:
            return False
        full = os.path.abspath(path)
        state = False
        for base, patterns in self.layers:
            rel = os.path.relpath(full, base).replace(os.sep, "/")
            if rel == "." or rel.startswith("../"):
                continue
            rel, name = prepare(rel)
            for p in patterns:
                if p.negated == state and p.matches_prepared(rel, name, is_dir):
                    state = not p.negated
        return state


def _walk(root: str, exclude_in: Callable[[str], PathMatcher], gitignore: GitIgnore | None = None,
          errors: list | None = None, warnings: list | None = None) -> Iterable[str]:
    rules: dict[str, GitIgnore] = {}

    def unreadable(exc: OSError) -> None:
        # os.walk skips a directory it cannot list; its files were not linted, so say which.
        if errors is not None:
            errors.append(f"{os.path.normpath(exc.filename or root)}: cannot read directory: "
                          f"{exc.strerror or exc}")

    for dirpath, dirnames, filenames in os.walk(root, onerror=unreadable):
        ignore = None
        if gitignore is not None:
            # A directory's rules: its parent's plus its own .gitignore (the root's: see for_root).
            parent = rules.pop(dirpath, None)
            ignore = gitignore if parent is None else parent.enter(dirpath, ".gitignore" in filenames)
        # A directory's entries are matched against the excludes of the project the directory is in.
        exclude = exclude_in(dirpath)
        # Pruning in place keeps os.walk out of skipped trees entirely.
        dirnames[:] = [
            d for d in dirnames
            if not _skip_dir(os.path.join(dirpath, d), d)
            and not exclude.match_self(os.path.join(dirpath, d), True)
            and not (ignore is not None and ignore.ignored(os.path.join(dirpath, d), True))
        ]
        if ignore is not None:
            for d in dirnames:
                rules[os.path.join(dirpath, d)] = ignore
        for name in filenames:
            path = os.path.join(dirpath, name)
            if name.endswith(SOURCE_SUFFIXES) and not exclude.match_self(path, False) \
                    and not (ignore is not None and ignore.ignored(path, False)):
                if os.path.islink(path) and not os.path.exists(path):
                    # A dangling link (a checkout of a repository whose link points at a file it does
                    # not hold) is no file to lint: skipped with a word, as a missing given path is
                    # an error; never an RL000 on code nobody can read.
                    if warnings is not None:
                        warnings.append(f"{os.path.normpath(path)}: skipped: a symbolic link to "
                                        f"{_link_target(path)}, which does not exist")
                    continue
                yield os.path.normpath(path)


def _link_target(path: str) -> str:
    try:
        return os.readlink(path)
    except OSError:
        return "a file"


def discover(paths: Iterable[str], exclude: Excludes, respect_gitignore: bool = False,
             missing: list | None = None, errors: list | None = None,
             warnings: list | None = None) -> list[str]:
    """Files to lint, sorted and without duplicates.

    With `respect_gitignore`, directory walks skip what the `.gitignore` files of the walked
    directories and of their git repository ignore (see GitIgnore); files named explicitly are
    linted anyway, and so are the contents of an explicitly named directory that is itself ignored.

    A file named explicitly is linted whatever its suffix, unless the configured `exclude` covers it:
    pre-commit passes files one by one, and must still respect the project's excludes.
    `exclude` is one PathMatcher for every path, or a function giving the one in force in a
    directory: a path given is matched against those of its own directory (a given directory:
    its own), a walked entry against those of the directory that holds it.

    A directory that cannot be listed (no permission, removed mid-walk) is skipped and described in
    `errors` ("DIR: cannot read directory: REASON"), when given, for the caller to report.
    A symbolic link found by a walk whose target does not exist is skipped and described in
    `warnings`. A `.gitignore` pattern git cannot use (`[]`, an unclosed `[`) is passed over, as git does, and
    described in `warnings` when given.
    """
    exclude_in = _excludes(exclude)
    found: set[str] = set()
    for given in paths:
        if not os.path.exists(given):
            if missing is None:
                raise DiscoveryError(f"{given}: no such file or directory")
            missing.append(given)  # reported by the caller; the other paths are still linted
            continue
        is_dir = os.path.isdir(given)
        if exclude_in(given if is_dir else os.path.dirname(given) or ".").match(given, is_dir):
            continue
        if is_dir:
            found.update(_walk(given, exclude_in,
                               GitIgnore.for_root(given, warnings) if respect_gitignore else None, errors,
                               warnings))
        else:
            found.add(os.path.normpath(given))
    return sorted(found)
