"""gitignore-style patterns (`exclude`, `per-file-ignores`), relative to the directory of the config file.

Supported: `*`, `?`, `[abc]`, `**` (any number of directories), a trailing `/` (directories only), a
`/` inside or at the start (anchored to the base directory; otherwise the pattern matches at any depth),
and `!` to re-include (the last matching pattern wins, as in git).
"""
from __future__ import annotations

import os
import re
from typing import Iterable


def _translate(pat: str) -> str:
    out, i = [], 0
    while i < len(pat):
        c = pat[i]
        if pat.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif pat.startswith("**", i):
            out.append(".*")
            i += 2
        elif c == "*":
            out.append("[^/]*")
            i += 1
        elif c == "?":
            out.append("[^/]")
            i += 1
        elif c == "[" and "]" in pat[i + 1:]:
            end = pat.index("]", i + 2 if pat[i + 1:i + 2] in ("!", "^") else i + 1)
            body = pat[i + 1:end]
            if body[:1] in ("!", "^"):
                body = "^" + body[1:]
            out.append("[" + body.replace("\\", "\\\\") + "]")
            i = end + 1
        else:
            out.append(re.escape(c))
            i += 1
    return "".join(out)


class Pattern:
    def __init__(self, raw: str):
        pat = raw.strip()
        self.raw = raw
        self.negated = pat.startswith("!")
        if self.negated:
            pat = pat[1:]
        self.dir_only = pat.endswith("/")
        pat = pat.rstrip("/")
        anchored = "/" in pat
        pat = pat.lstrip("/")
        prefix = "" if anchored else "(?:.*/)?"
        self.regex = re.compile(prefix + _translate(pat) + r"\Z")

    def matches(self, rel: str, is_dir: bool) -> bool:
        if self.dir_only and not is_dir:
            return False
        return self.regex.match(rel) is not None


class PathMatcher:
    """A list of patterns applied to paths below `base` (paths elsewhere match by their trailing parts)."""

    def __init__(self, patterns: Iterable[str], base: str):
        self.patterns = [Pattern(p) for p in patterns if p.strip() and not p.strip().startswith("#")]
        self.base = os.path.abspath(base)

    def __bool__(self) -> bool:
        return bool(self.patterns)

    def relative(self, path: str) -> str:
        full = os.path.abspath(path)
        try:
            rel = os.path.relpath(full, self.base)
        except ValueError:  # another drive on Windows
            rel = os.pardir
        if rel == os.pardir or rel.startswith(os.pardir + os.sep):
            # Outside the base: anchored patterns cannot match, unanchored ones still match by name.
            rel = full.lstrip(os.sep)
        return rel.replace(os.sep, "/")

    def match_self(self, path: str, is_dir: bool) -> bool:
        """Whether the path itself matches (its parent directories are not looked at)."""
        rel = self.relative(path)
        return rel != "." and self._match_rel(rel, is_dir)

    def _match_rel(self, rel: str, is_dir: bool) -> bool:
        hit = False
        for p in self.patterns:
            if p.negated == hit and p.matches(rel, is_dir):
                hit = not p.negated
        return hit

    def match(self, path: str, is_dir: bool = False) -> bool:
        """Whether the path or any directory above it (up to the base) matches."""
        rel = self.relative(path)
        if rel == ".":  # the base directory itself: `.*` must not exclude the whole project
            return False
        parts = rel.split("/")
        for n in range(1, len(parts)):
            if self._match_rel("/".join(parts[:n]), True):
                return True
        return self._match_rel(rel, is_dir)
