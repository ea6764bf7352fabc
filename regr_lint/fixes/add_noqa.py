"""`regr-lint check --add-noqa`: silence every current finding with a `# noqa: CODE` comment, so a
team can adopt the linter on an old code base and see only new problems.

The comment goes on the last line of the statement that holds the finding — the noqa rules accept it
there, and the end of a statement is never inside a string literal. An existing `# noqa: X` comment
gets the new codes merged in; a bare `# noqa` already covers everything.

In a notebook the comment goes into the cell's source line (only the `source` of the cells that
change is rewritten, see regr_lint.input.notebook); a masked IPython line (`!pip install …`) gets none, as
the comment would become the magic's argument."""
from __future__ import annotations

import re
from collections import defaultdict
from typing import Iterable

from regr_lint.engine.finding import Finding
from regr_lint.engine.noqa import ALL, noqa_lines
from regr_lint.fixes.apply import encode_like
from regr_lint.input.files import read_snapshot, write_source
from regr_lint.input.source import SourceError, decode, read_bytes

_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$")
_NOQA = re.compile(r"#\s*noqa:\s*[A-Z]+[0-9]+(?:[\s,]+[A-Z]+[0-9]+)*", re.IGNORECASE)


def add_noqa(path: str, findings: Iterable[Finding]) -> int:
    """Add the directives for `findings` (all in `path`) and write the file; return how many lines
    got a new or extended directive."""
    wanted: dict[int, set[str]] = defaultdict(set)
    notebook = path.endswith(".ipynb")
    for f in findings:
        if f.code != "RL000" and (notebook or not f.cell):
            wanted[f.stmt_end_line or f.line].add(f.code)
    if not wanted:
        return 0
    data, snap = read_snapshot(path, read_bytes)
    if notebook:
        return _add_noqa_notebook(path, data, snap, wanted)
    text = decode(data)
    lines = _LINE.findall(text)
    existing = noqa_lines(text)
    changed = 0
    for number, codes in sorted(wanted.items()):
        if not 1 <= number <= len(lines):
            continue
        line = _with_noqa(lines[number - 1], codes, existing.get(number))
        if line is not None:
            lines[number - 1] = line
            changed += 1
    if changed:
        write_source(path, encode_like(data, "".join(lines)), snap)
    return changed


def _with_noqa(line: str, codes: set[str], have) -> str | None:
    """`line` with a directive for `codes` (None when the one it has covers them already)."""
    if have is ALL or (have and codes <= have):
        return None
    body = line.rstrip("\r\n")
    ending = line[len(body):]
    if have:
        merged = ", ".join(sorted(have | codes))
        body = _NOQA.sub(f"# noqa: {merged}", body, count=1)
    else:
        body = f"{body}  # noqa: {', '.join(sorted(codes))}"
    return body + ending


def _add_noqa_notebook(path: str, data: bytes, snap, wanted: dict[int, set[str]]) -> int:
    """`wanted` holds lines of the joined code cells (the findings' own); each directive goes into
    its cell's source line."""
    from regr_lint.input import notebook

    try:
        text = data.decode("utf-8")  # a BOM stays in the text and is written back
        nb = notebook.load(text)
    except (UnicodeDecodeError, notebook.NotebookError) as exc:
        raise SourceError(f"cannot read notebook: {exc}") from None
    existing = noqa_lines(nb.text)
    changes: dict[int, dict[int, str]] = defaultdict(dict)
    for number, codes in sorted(wanted.items()):
        cell, n = nb.locate(number)
        original, masked = nb.cells[cell - 1]
        if not 1 <= n <= len(original) or masked[n - 1] != original[n - 1][nb.shift(cell, n):] \
                and not notebook.timed(original[n - 1], masked[n - 1]):
            continue  # a masked magic: the comment would become its argument (the statement of a
            # `%time` line takes it as its own comment)
        line = _with_noqa(original[n - 1], codes, existing.get(number))
        if line is not None:
            changes[cell][n] = line
    changed = sum(len(lines) for lines in changes.values())
    if changed:
        try:
            new = notebook.set_lines(text, changes)
        except notebook.NotebookError as exc:
            raise SourceError(str(exc)) from None
        write_source(path, new.encode("utf-8"), snap)
    return changed
