"""`# noqa` and `# noqa: RL101,RL102` comments, honoured on the reported line or on the first or last
line of the statement that holds the finding."""
from __future__ import annotations

import io
import re
import tokenize
from typing import Iterable

from regr_lint.engine.finding import Finding

_NOQA = re.compile(r"#\s*noqa(?::\s*(?P<codes>[A-Z]+[0-9]+(?:[\s,]+[A-Z]+[0-9]+)*))?", re.IGNORECASE)
ALL = frozenset({"*"})
_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$")


def noqa_lines(text: str) -> dict[int, frozenset[str]]:
    """line -> codes suppressed there ({"*"} for a bare noqa). Only real comments count, not strings."""
    if "noqa" not in text.lower():
        return {}
    found: dict[int, frozenset[str]] = {}
    # Lines end at \r\n, \r or \n, as for the parser that numbers the findings; tokenize (and
    # StringIO's readline) would see an old Mac file's lone-\r lines as one line.
    lines = _LINE.findall(text)
    try:
        comments = [
            (tok.start[0], tok.string)
            for tok in tokenize.generate_tokens(io.StringIO("".join(ln.rstrip("\r\n") + "\n" for ln in lines)).readline)
            if tok.type == tokenize.COMMENT
        ]
    except (tokenize.TokenError, SyntaxError, IndentationError):
        # Unterminated constructs: fall back to a plain scan of the lines.
        comments = [(i, line[line.index("#"):]) for i, line in enumerate(lines, 1) if "#" in line]
    for line, comment in comments:
        m = _NOQA.search(comment)
        if not m:
            continue
        codes = m.group("codes")
        found[line] = ALL if not codes else frozenset(c.upper() for c in re.split(r"[\s,]+", codes) if c)
    return found


def _suppressed(codes: frozenset[str] | None, code: str) -> bool:
    return codes is not None and (codes is ALL or "*" in codes or code in codes)


def filter_noqa(findings: Iterable[Finding], text: str) -> list[Finding]:
    findings = list(findings)
    if not findings:
        return findings
    lines = noqa_lines(text)
    if not lines:
        return findings
    kept = []
    for f in findings:
        candidates = {f.line, f.stmt_line or f.line, f.stmt_end_line or f.line}
        if any(_suppressed(lines.get(n), f.code) for n in candidates):
            continue
        kept.append(f)
    return kept
