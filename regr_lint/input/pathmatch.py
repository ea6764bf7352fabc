"""gitignore-style patterns (`exclude`, `per-file-ignores`), relative to the directory of the config file.

Supported, with git's wildmatch semantics: `*` and `?` (never a `/`), `[abc]`, `[!a-z]`, `[[:alpha:]]`,
`\\` escapes, `**` as a whole path segment (any number of directories; elsewhere it is a `*`), a
trailing `/` (directories only), a `/` inside or at the start (anchored to the base directory;
otherwise the pattern matches the file's name at any depth), and `!` to re-include (the last
matching pattern wins, as in git).

A pattern git cannot use (an unclosed `[`, an unknown `[:class:]`, a trailing `\\`) matches nothing,
as in git, and is listed in `PathMatcher.problems`; so is a range such as `[z-a]`, which git accepts
but which matches no character. Paths and patterns are compared byte by byte, as git does.

Matching never backtracks exponentially: a pattern with more than one `*` or `**` runs as a set of
positions advanced one character at a time (time proportional to the path's length times the
pattern's), the others as a regular expression.
"""
from __future__ import annotations

import os
import re
import string
from typing import Callable, Iterable

LIT, ANY, CLASS, STAR, DSTAR, DSTAR_SLASH = range(6)
_UNBOUNDED = (STAR, DSTAR, DSTAR_SLASH)

# git's wildmatch character classes (ASCII, as git's own ctype).
_NAMED = {
    "alnum": string.ascii_letters + string.digits, "alpha": string.ascii_letters, "blank": " \t",
    "cntrl": "".join(map(chr, range(32))) + "\x7f", "digit": string.digits,
    "graph": "".join(map(chr, range(33, 127))), "lower": string.ascii_lowercase,
    "print": "".join(map(chr, range(32, 127))), "punct": string.punctuation, "space": " \t\n\r\f\v",
    "upper": string.ascii_uppercase, "xdigit": string.hexdigits,
}


class PatternError(ValueError):
    """A pattern git would not use; the message is for the user."""


def _parse_class(pat: str, i: int, problems: list[str]) -> tuple[tuple, int]:
    """The bracket expression starting at pat[i] == "[", as wildmatch.c reads it: (token, index after
    it). Raises PatternError when git gives up on the whole pattern."""
    i += 1
    negated = pat[i:i + 1] in ("!", "^")
    if negated:
        i += 1
    chars: set[str] = set()
    ranges: list[tuple[str, str]] = []
    prev = ""
    first = True
    while True:
        if i >= len(pat):
            raise PatternError("unclosed [")
        c = pat[i]
        if c == "]" and not first:
            i += 1
            break
        first = False
        if c == "\\":
            i += 1
            if i >= len(pat):
                raise PatternError("unclosed [")
            prev = pat[i]
            chars.add(prev)
        elif c == "-" and prev and i + 1 < len(pat) and pat[i + 1] != "]":
            i += 1
            end = pat[i]
            if end == "\\":
                i += 1
                if i >= len(pat):
                    raise PatternError("unclosed [")
                end = pat[i]
            if prev <= end:
                ranges.append((prev, end))
            else:
                problems.append(f"the range {prev}-{end} is empty")
            prev = ""
        elif c == "[" and pat[i + 1:i + 2] == ":":
            close = pat.find("]", i + 2)
            if close < 0:
                raise PatternError("unclosed [")
            if pat[close - 1] != ":" or close - 1 < i + 2:
                prev = "["  # no ":]": a plain "["
                chars.add("[")
            else:
                name = pat[i + 2:close - 1]
                if name not in _NAMED:
                    raise PatternError(f"unknown character class [:{name}:]")
                chars.update(_NAMED[name])
                prev = ""
                i = close
        else:
            prev = c
            chars.add(c)
        i += 1
    chars.discard("/")
    ranges_t = tuple(ranges)

    def test(ch: str) -> bool:
        return (ch in chars or any(lo <= ch <= hi for lo, hi in ranges_t)) != negated

    body = "".join(re.escape(ch) for ch in sorted(chars)) + "".join(
        f"{re.escape(lo)}-{re.escape(hi)}" for lo, hi in ranges_t)
    if negated:
        regex = f"[^/{body}]"
    else:
        regex = f"(?!/)[{body}]" if body else "(?!)"
    return (CLASS, test, regex), i


def parse(pat: str, problems: list[str] | None = None) -> list[tuple]:
    """The tokens of a pattern (without its `!`, leading and trailing `/`)."""
    problems = [] if problems is None else problems
    tokens: list[tuple] = []
    i = 0
    while i < len(pat):
        c = pat[i]
        if c == "*":
            j = i
            while j < len(pat) and pat[j] == "*":
                j += 1
            whole_segment = j - i >= 2 and (i == 0 or pat[i - 1] == "/") and (j == len(pat) or pat[j] == "/")
            if not whole_segment:
                token = (STAR,)
            elif j < len(pat):
                token, j = (DSTAR_SLASH,), j + 1  # "**/": no directory, or any number of them
            else:
                token = (DSTAR,)
            last = tokens[-1][0] if tokens else None
            # "**/**/" is "**/", "**/**" is "**": fewer states, same language.
            if last == DSTAR_SLASH and token[0] in (DSTAR_SLASH, DSTAR):
                tokens[-1] = token
            elif not (last == token[0] == STAR):
                tokens.append(token)
            i = j
        elif c == "?":
            tokens.append((ANY,))
            i += 1
        elif c == "[":
            token, i = _parse_class(pat, i, problems)
            tokens.append(token)
        elif c == "\\":
            if i + 1 >= len(pat):
                raise PatternError("a trailing \\ escapes nothing")
            tokens.append((LIT, pat[i + 1]))
            i += 2
        else:
            tokens.append((LIT, c))
            i += 1
    return tokens


def _regex(tokens: list[tuple]) -> str:
    parts = {ANY: "[^/]", STAR: "[^/]*", DSTAR: ".*", DSTAR_SLASH: "(?:.*/)?"}
    return "".join(re.escape(t[1]) if t[0] == LIT else t[2] if t[0] == CLASS else parts[t[0]]
                   for t in tokens) + r"\Z"


def _automaton(tokens: list[tuple]) -> Callable[[str], bool]:
    """A matcher that keeps the set of pattern positions reachable after each character."""
    n = len(tokens)
    closure = []
    for i in range(n + 1):
        j = i
        while j < n and tokens[j][0] in _UNBOUNDED:
            j += 1
        closure.append(frozenset(range(i, j + 1)))

    # Every run of literal characters must occur in the text: most paths fail that cheap test.
    runs, run = [], ""
    for tok in tokens + [(ANY,)]:
        if tok[0] == LIT:
            run += tok[1]
        elif run:
            runs.append(run)
            run = ""

    def match(text: str) -> bool:
        if not all(r in text for r in runs):
            return False
        states = closure[0]
        for ch in text:
            nxt: set[int] = set()
            for i in states:
                if i == n:
                    continue
                if i < 0 or tokens[i][0] == DSTAR_SLASH:
                    # Inside a "**/" (state -1 - i, which has no way out but a "/"), or entering it.
                    i = i if i >= 0 else -1 - i
                    nxt.add(-1 - i)
                    if ch == "/":
                        nxt |= closure[i + 1]
                    continue
                tok = tokens[i]
                kind = tok[0]
                if kind == LIT:
                    if ch == tok[1]:
                        nxt |= closure[i + 1]
                elif kind == STAR:
                    if ch != "/":
                        nxt |= closure[i]
                elif kind == DSTAR:
                    nxt |= closure[i]
                elif ch != "/" and (kind == ANY or tok[1](ch)):
                    nxt |= closure[i + 1]
            if not nxt:
                return False
            states = nxt
        return n in states

    return match


def _as_bytes(text: str) -> str:
    """git matches bytes: `?` is one byte of "é", and a file name that is not UTF-8 is its bytes. One
    character per byte (latin-1) lets patterns and paths be compared that way."""
    return text if text.isascii() else text.encode("utf-8", "surrogateescape").decode("latin-1")


def _never(text: str) -> bool:
    return False


class Pattern:
    def __init__(self, raw: str):
        pat = raw.strip()
        rest = raw.lstrip()[len(pat):]
        if rest.startswith(" ") and (len(pat) - len(pat.rstrip("\\"))) % 2:
            pat += " "  # "name\ ": git keeps a trailing space escaped with a backslash
        self.raw = raw
        self.negated = pat.startswith("!")
        if self.negated:
            pat = pat[1:]
        # One trailing and one leading "/" are syntax, as in git (`b//` is "b/", a directory).
        self.dir_only = pat.endswith("/")
        pat = pat[:-1] if self.dir_only else pat
        # With a "/" (other than the trailing one) the pattern is anchored and matches the whole
        # relative path; without, it matches the last component (the name) at any depth.
        self.anchored = "/" in pat
        pat = _as_bytes(pat[1:] if pat.startswith("/") else pat)
        self.problems: list[str] = []  # why git would not use it, or why it matches nothing
        try:
            tokens = parse(pat, self.problems)
        except PatternError as exc:
            self.problems.append(str(exc))
            self._match = _never
            return
        if sum(t[0] in _UNBOUNDED for t in tokens) <= 1:
            self._match = re.compile(_regex(tokens), re.DOTALL).match
        else:
            self._match = _automaton(tokens)

    def matches(self, rel: str, is_dir: bool) -> bool:
        rel = _as_bytes(rel)
        return self.matches_prepared(rel, rel.rpartition("/")[2], is_dir)

    def matches_prepared(self, rel: str, name: str, is_dir: bool) -> bool:
        """`matches` for a path already through `prepare` (done once for all the patterns)."""
        if self.dir_only and not is_dir:
            return False
        return bool(self._match(rel if self.anchored else name))


def prepare(rel: str) -> tuple[str, str]:
    """(the relative path, its last component) as the patterns compare them."""
    rel = _as_bytes(rel)
    return rel, rel.rpartition("/")[2]


class PathMatcher:
    """A list of patterns applied to paths below `base` (paths elsewhere match by their trailing parts).

    `problems` lists (index in `patterns`, pattern, reason) for each pattern git would ignore or
    that matches nothing; with `strict`, the first one raises PatternError instead."""

    def __init__(self, patterns: Iterable[str], base: str, strict: bool = False):
        self.patterns = []
        self.problems: list[tuple[int, str, str]] = []
        for index, raw in enumerate(patterns):
            if not raw.strip() or raw.strip().startswith("#"):
                continue
            p = Pattern(raw)
            if p.problems:
                if strict:
                    raise PatternError(f"invalid pattern {raw!r}: {'; '.join(p.problems)}")
                self.problems.append((index, raw, "; ".join(p.problems)))
            self.patterns.append(p)
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
        rel, name = prepare(rel)
        for p in self.patterns:
            if p.negated == hit and p.matches_prepared(rel, name, is_dir):
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
