"""`--format full`: like ruff's full output — the finding line, the source line(s) it points at with
the reported range underlined (`^~~~`), and `help: <fix>` when the finding offers a fix.

    train.py:4:54: RL101 [*] accuracy metric 'accuracy' on a regression loss: …
      |
    4 | model.compile(loss="mse", optimizer="adam", metrics=["accuracy"])
      |                                                      ^~~~~~~~~~
      |
      = help: Remove metric 'accuracy'
"""
from __future__ import annotations

from typing import Sequence, TextIO

import click

from regr_lint.engine.finding import Finding
from regr_lint.output.formats.source import Sources
from regr_lint.output.report import text_line

MAX_LINES = 6  # a longer range shows its first and last lines only


def _blank(prefix: str) -> str:
    """Spaces as wide as `prefix`, keeping its tabs so the underline lines up in a terminal."""
    return "".join(c if c == "\t" else " " for c in prefix)


def _underline(text: str, start: int, end: int, first: bool) -> str:
    """Columns [start, end) (0-based) of `text`: `^` at the finding's first character, `~` after;
    an empty range (RL000's position) gets one caret."""
    end = max(end, start + 1)
    return _blank(text[:start]) + ("^" if first else "~") + "~" * (end - start - 1)


def _snippet(f: Finding, lines: list[str]) -> list[tuple[int, str, str]]:
    """(shown line number, source line, underline) for each line of the reported range."""
    last = f.end_line if f.end_line >= f.line else f.line
    rows = []
    for n in range(f.line, last + 1):
        if n > len(lines):
            break
        text = lines[n - 1]
        start = f.col - 1 if n == f.line else len(text) - len(text.lstrip())
        end = f.end_col - 1 if n == last and f.end_line >= f.line else len(text)
        shown = f.cell_line + (n - f.line) if f.cell else n
        rows.append((shown, text, _underline(text, start, end, n == f.line)))
    if len(rows) > MAX_LINES:
        rows = rows[: MAX_LINES // 2] + [(0, "...", "")] + rows[-(MAX_LINES // 2):]
    return rows


def write_full(findings: Sequence[Finding], out: TextIO, sources: Sources, color: bool = False,
               unsafe: bool = False) -> None:
    for i, f in enumerate(findings):
        if i:
            out.write("\n")
        out.write(text_line(f, color, unsafe) + "\n")
        rows = _snippet(f, sources.lines(f.path))
        width = max((len(str(n)) for n, _, _ in rows), default=1)
        gutter = " " * width + " |"
        if rows:
            out.write(gutter + "\n")
            for n, text, mark in rows:
                out.write(f"{str(n) if n else '':>{width}} | {text}".rstrip() + "\n")
                if mark.strip():
                    mark = click.style(mark, fg="red", bold=True) if color else mark
                    out.write(f"{gutter} {mark}\n")
            out.write(gutter + "\n")
        if f.fix is not None:
            out.write(f"{' ' * width} = help: {f.fix.fix.message}\n")
