"""`regr-lint check --add-noqa`: silence every current finding with a `# noqa: CODE` comment, so a
team can adopt the linter on an old code base and see only new problems.

The comment goes on the last line of the statement that holds the finding — the noqa rules accept it
there, and the end of a statement is never inside a string literal. An existing `# noqa: X` comment
gets the new codes merged in; a bare `# noqa` already covers everything."""
from __future__ import annotations

import re
from collections import defaultdict
from typing import Iterable

from regr_lint.finding import Finding
from regr_lint.files import read_snapshot, write_source
from regr_lint.fixes import encode_like
from regr_lint.noqa import ALL, noqa_lines
from regr_lint.source import decode, read_bytes

_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$")
_NOQA = re.compile(r"#\s*noqa:\s*[A-Z]+[0-9]+(?:[\s,]+[A-Z]+[0-9]+)*", re.IGNORECASE)


def add_noqa(path: str, findings: Iterable[Finding]) -> int:
    """Add the directives for `findings` (all in `path`) and write the file; return how many lines
    got a new or extended directive."""
    wanted: dict[int, set[str]] = defaultdict(set)
    for f in findings:
        if f.code != "RL000" and not f.cell:
            wanted[f.stmt_end_line or f.line].add(f.code)
    if not wanted:
        return 0
    data, snap = read_snapshot(path, read_bytes)
    text = decode(data)
    lines = _LINE.findall(text)
    existing = noqa_lines(text)
    changed = 0
    for number, codes in sorted(wanted.items()):
        if not 1 <= number <= len(lines):
            continue
        have = existing.get(number)
        if have is ALL or (have and codes <= have):
            continue
        line = lines[number - 1]
        body = line.rstrip("\r\n")
        ending = line[len(body):]
        if have:
            merged = ", ".join(sorted(have | codes))
            body = _NOQA.sub(f"# noqa: {merged}", body, count=1)
        else:
            body = f"{body}  # noqa: {', '.join(sorted(codes))}"
        lines[number - 1] = body + ending
        changed += 1
    if changed:
        write_source(path, encode_like(data, "".join(lines)), snap)
    return changed
