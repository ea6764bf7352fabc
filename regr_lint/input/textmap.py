"""Text, not trees: the file's lines as Python and libcst count them, the map from libcst's positions
to the file's own text (libcst does not write every file back as it read it), and splicing edits
into the text. The lowest stage: it imports nothing of regr-lint's."""
from __future__ import annotations

import re
from typing import Iterable, Optional


_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+\Z")


def split_lines(text: str) -> list[str]:
    """`text`'s lines with their endings, split where Python and libcst's positions split them
    (`\r\n`, `\r`, `\n`; not at the form feeds or `\x1c`… `str.splitlines` also splits at)."""
    return _LINE.findall(text)


class TextMap:
    """Positions in libcst's code for a module (what its PositionProvider counts in) to positions in
    the file's text. libcst does not write back every file it parses as it was (a form feed at a
    line's start, a blank backslash-continuation line, a CR-only file's last line ending are lost), so
    where the two differ, lines are aligned: a span maps to the file only if every line it touches
    is one both have, unchanged and in sequence. Lines are 1-based, columns 0-based."""

    def __init__(self, code: str, text: str) -> None:
        self.text_lines = split_lines(text)
        self.code_lines = self.text_lines
        self.blocks: Optional[list[tuple[int, int, int]]] = None  # identity when None
        if code == text:
            return
        self.code_lines = code_lines = split_lines(code)
        last = self.text_lines[-1] if self.text_lines else ""
        if code_lines and not code_lines[-1].endswith(("\r", "\n")) and last.rstrip("\r\n") == code_lines[-1]:
            code_lines[-1] = last  # (the ending libcst dropped is after every position it gives)
        self.blocks = _align(code_lines, self.text_lines)

    def _block(self, index: int) -> Optional[tuple[int, int, int]]:
        for block in self.blocks or ():
            if block[0] <= index < block[0] + block[2]:
                return block
        return None

    def span(self, start: tuple[int, int], end: tuple[int, int]) -> Optional[tuple[tuple[int, int], tuple[int, int]]]:
        """The file's span for libcst's `start`..`end` (exclusive), or None when it cannot be placed exactly."""
        if self.blocks is None:
            return start, end
        first = start[0] - 1
        # an end at a line's first column is the end of the line before it
        last = end[0] - 2 if end[1] == 0 and end[0] > start[0] else end[0] - 1
        if start == end and start[1] == 0:
            block = self._block(first) or self._block(first - 1)
            if block is None:
                return None
            line = block[1] + (first - block[0]) + 1
            return (line, 0), (line, 0)
        block = self._block(first)
        if block is None or not block[0] <= last < block[0] + block[2]:
            return None
        shift = block[1] - block[0]
        return (start[0] + shift, start[1]), (end[0] + shift, end[1])

    def line(self, number: int) -> int:
        """The file's line for libcst's line `number` (1-based), where findings are reported and
        `# noqa` is read. A line libcst changed (a form feed dropped) keeps the shift of the lines
        before it."""
        if self.blocks is None:
            return number
        shift = 0
        for block in self.blocks:
            if block[0] > number - 1:
                break
            shift = block[1] - block[0]
        return number + shift

    def end(self) -> tuple[int, int]:
        """Where the file's text ends."""
        lines = self.text_lines
        if not lines:
            return 1, 0
        if lines[-1].endswith(("\r", "\n")):
            return len(lines) + 1, 0
        return len(lines), len(lines[-1])


def _align(a: list[str], b: list[str], window: int = 4) -> list[tuple[int, int, int]]:
    """The runs of equal lines, (i, j, n): a[i:i+n] == b[j:j+n], in order. libcst only drops, joins or
    changes a line here and there, so a walk that re-synchronises within a few lines finds them in
    linear time (difflib's matcher is quadratic on files with many equal lines, blank ones)."""
    blocks: list[list[int]] = []
    i = j = 0
    while i < len(a) and j < len(b):
        if a[i] != b[j]:
            i, j = _resync(a, b, i, j, window)
            continue
        if blocks and blocks[-1][0] + blocks[-1][2] == i and blocks[-1][1] + blocks[-1][2] == j:
            blocks[-1][2] += 1
        else:
            blocks.append([i, j, 1])
        i, j = i + 1, j + 1
    return [(x, y, n) for x, y, n in blocks]


def _resync(a: list[str], b: list[str], i: int, j: int, window: int) -> tuple[int, int]:
    if b[j].rstrip("\r\n").strip(" \t\x0c") == "\\":
        return i, j + 1  # a line that is only a backslash continuation: libcst drops it
    # the nearest lines that agree again (blank ones agree anywhere: with the two after them too); at
    # equal distance a changed line (as many lines skipped on both sides) first
    for total in range(1, 2 * window + 1):
        for di in sorted(range(max(0, total - window), min(total, window) + 1), key=lambda d: abs(2 * d - total)):
            x, y = i + di, j + total - di
            if x < len(a) and y < len(b) and a[x] == b[y] and (a[x].strip() or a[x + 1:x + 3] == b[y + 1:y + 3]):
                return x, y
    return i + 1, j + 1


def line_starts(text: str) -> list[int]:
    """The offset in `text` where each line starts, and one past the last line: `text`'s length."""
    starts = [0]
    for line in split_lines(text):
        starts.append(starts[-1] + len(line))
    return starts


def splice(text: str, edits: Iterable[tuple[int, int, str]]) -> str:
    """`text` with each (start, end, content) edit made (offsets in `text`; edits never overlap, and
    the same insertion twice, say two fixes' `import math`, is made once). Nothing else changes."""
    out, pos = [], 0
    for start, end, content in _ordered(edits):
        out.append(text[pos:start])
        out.append(content)
        pos = end
    out.append(text[pos:])
    return "".join(out)


def _ordered(edits: Iterable[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    out, inserted = [], set()
    for start, end, content in sorted(edits, key=lambda e: (e[0], e[1])):
        if start == end:
            if (start, content) in inserted:
                continue
            inserted.add((start, content))
        out.append((start, end, content))
    return out
