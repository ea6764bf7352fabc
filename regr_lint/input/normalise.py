"""Tab indentation expanded to spaces, for files CPython compiles but libcst's tokenizer refuses.

CPython accepts a tab-indented block inside a space-indented module when the indentation is
consistent within the block (it measures columns with tabs to the next multiple of 8, and checks
the same nesting with tabs counted as 1). libcst compares indentation as text and refuses such a
file. The engine then analyses this normalised text: the leading whitespace of each logical line
that holds a tab (or a form feed) is replaced by the spaces CPython's tokenizer measures, a line
that is only a backslash continuation becomes blank, and nothing else changes
(continuation lines, strings and comments inside brackets keep their text; no line is added or
removed), so a finding's line is the same and its column maps back through `ColumnMap`.
"""
from __future__ import annotations

import ast
import io
import tokenize
from typing import Optional

TABSIZE = 8


def _width(indent: str) -> int:
    """The column CPython's tokenizer gives the end of `indent` (tabs to the next multiple of 8;
    a form feed resets the column)."""
    col = 0
    for ch in indent:
        if ch == "\t":
            col = (col // TABSIZE + 1) * TABSIZE
        elif ch == "\f":
            col = 0
        else:
            col += 1
    return col


class ColumnMap:
    """Columns on the normalised text -> columns on the original, line by line (0-based columns)."""

    def __init__(self) -> None:
        self.lines: dict[int, tuple[str, int]] = {}  # line -> (original indent, its width in spaces)

    def column(self, line: int, col: int) -> int:
        entry = self.lines.get(line)
        if entry is None:
            return col
        indent, width = entry
        if col >= width:
            return col - width + len(indent)
        for i in range(len(indent)):  # a column inside the indentation: the character that covers it
            if _width(indent[:i + 1]) > col:
                return i
        return len(indent)


def expand_indentation(text: str) -> Optional[tuple[str, ColumnMap]]:
    """The text with the tab-holding indentation of logical-line starts expanded to spaces, and the
    column map back; None when there is nothing to expand or the text cannot be tokenized."""
    original = text
    text = _blank_continuation_lines(text)
    lines = io.StringIO(text, newline="").readlines()  # the lines tokenize sees (not str.splitlines)
    starts: set[int] = set()  # 1-based lines where a logical line (or a comment-only line) starts
    depth = 0
    fresh = True  # the next token begins a logical line
    try:
        for tok in tokenize.generate_tokens(io.StringIO(text, newline="").readline):
            kind = tok.type
            if kind in (tokenize.NEWLINE, tokenize.NL):
                fresh = depth == 0
                continue
            if kind in (tokenize.INDENT, tokenize.DEDENT, tokenize.ENDMARKER) or kind == tokenize.ENCODING:
                continue
            if fresh:
                starts.add(tok.start[0])
                fresh = False
            if kind == tokenize.OP and tok.string in "([{":
                depth += 1
            elif kind == tokenize.OP and tok.string in ")]}":
                depth = max(depth - 1, 0)
    except (tokenize.TokenError, IndentationError, SyntaxError, ValueError):
        return None
    columns = ColumnMap()
    out = list(lines)
    for n in sorted(starts):
        if n > len(lines):
            continue
        line = lines[n - 1]
        indent = line[:len(line) - len(line.lstrip(" \t\f"))]
        if "\t" not in indent and "\f" not in indent:
            continue  # (a form feed resets CPython's column count; libcst may not follow it either)
        width = _width(indent)
        out[n - 1] = " " * width + line[len(indent):]
        columns.lines[n] = (indent, width)
    if not columns.lines and text == original:
        return None
    return "".join(out), columns


def _blank_continuation_lines(text: str) -> str:
    """`text` with each line that is only a backslash continuation made blank (CPython joins it to
    the next line, so it holds nothing; the tokenizers of libcst and of the `tokenize` module then
    miss the next line's indent). Kept only when CPython reads both texts as the same program: a
    backslash line inside a string is not a continuation."""
    lines = io.StringIO(text, newline="").readlines()
    changed = False
    for n, line in enumerate(lines):
        body = line.rstrip("\r\n")
        if body.strip(" \t\f") == "\\":
            lines[n] = body.replace("\\", " ") + line[len(body):]
            changed = True
    if not changed:
        return text
    blanked = "".join(lines)
    try:
        same = ast.dump(ast.parse(text)) == ast.dump(ast.parse(blanked))
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        same = False
    return blanked if same else text
