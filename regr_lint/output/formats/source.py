"""What the richer formats need besides the findings: the source lines they point at, paths
relative to the repository root, and stable fingerprints."""
from __future__ import annotations

import hashlib
import os
from collections import Counter
from pathlib import Path
from typing import Sequence

from regr_lint.engine.finding import Finding
from regr_lint.input.notebook import NotebookError, load
from regr_lint.input.source import SourceError, read_text
from regr_lint.output.report import escape_surrogates


class Sources:
    """The lines of each reported file, read once (notebooks: the joined code cells, the text the
    findings' `line` numbers refer to). Unreadable files, and everything when `enabled` is False
    (standard input), have no lines — unless `texts` gives a path's content as it was linted (the
    text read from standard input)."""

    def __init__(self, enabled: bool = True, texts: dict[str, str | None] | None = None) -> None:
        self.enabled = enabled
        self._lines: dict[str, list[str]] = {}
        for path, text in (texts or {}).items():
            if text is not None:
                self._lines[path] = self._split(path, text)

    def lines(self, path: str) -> list[str]:
        if path not in self._lines:
            self._lines[path] = self._read(path) if self.enabled else []
        return self._lines[path]

    @classmethod
    def _read(cls, path: str) -> list[str]:
        try:
            text = read_text(path)
        except (SourceError, OSError):
            return []
        return cls._split(path, text)

    @staticmethod
    def _split(path: str, text: str) -> list[str]:
        try:
            if path.endswith(".ipynb"):
                text = load(text).text
        except NotebookError:
            return []
        return text.splitlines()

    def line(self, path: str, number: int) -> str | None:
        lines = self.lines(path)
        return lines[number - 1] if 0 < number <= len(lines) else None


def repo_root(start: str | None = None) -> Path:
    """The git top level (the nearest folder above the cwd holding `.git`), else the cwd."""
    cwd = Path(start or os.getcwd()).resolve()
    for folder in (cwd, *cwd.parents):
        if (folder / ".git").exists():
            return folder
    return cwd


def repo_path(path: str, root: Path) -> str | None:
    """`path` relative to `root`, with `/` separators; None when it lies outside `root`."""
    try:
        return Path(os.path.abspath(path)).relative_to(root).as_posix()
    except ValueError:
        return None


def display_path(path: str, root: Path) -> str:
    """The repository-relative path, or the path as given when it lies outside the repository
    (a name that is not UTF-8 escaped, as output.escape_surrogates does)."""
    return escape_surrogates(repo_path(path, root) or Path(path).as_posix())


def fingerprints(findings: Sequence[Finding], sources: Sources, root: Path) -> list[str]:
    """One stable hash per finding: rule code, repository path, the stripped text of the reported
    line and the occurrence index among findings sharing those three. Moving the code up or down
    keeps the fingerprint; editing the reported line changes it."""
    seen: Counter = Counter()
    out = []
    for f in findings:
        key = (f.code, display_path(f.path, root), (sources.line(f.path, f.line) or "").strip())
        out.append(hashlib.sha256("\0".join((*key, str(seen[key]))).encode()).hexdigest()[:32])
        seen[key] += 1
    return out
