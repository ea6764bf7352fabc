"""Writing findings: `text` for people and editors, `json` for tools, `--statistics`, and the
summary. The other formats (`full`, `sarif`, `github`, `gitlab`) are in regr_lint.output.formats.

JSON schema (version 1), written to stdout as one object:

    {
      "version": 1,                                   # bumped on any incompatible change
      "tool": {"name": "regr-lint", "version": "0.2.0"},
      "findings": [                                   # sorted by path, line, column, code
        {
          "path": "train.py",                         # as discovered / given on the command line
          "line": 4, "column": 57,                    # 1-based start of the reported token
          "end_line": 4, "end_column": 67,            # 1-based, exclusive end column
          "code": "RL101",
          "name": "accuracy-on-regression",           # the rule's kebab-case name
          "message": "...",
          "severity": "error" | "warning",            # the rule's default, or the project's
                                                      #   [tool.regr-lint.severity] override
          "cell": 3,                                  # notebooks only: the code cell (1-based, among
                                                      #   code cells); line / end_line are then the
                                                      #   lines within that cell
          "fix": null | {                             # the fix the rule offers (--fix applies it)
            "applicability": "safe" | "unsafe",       # unsafe: only with --unsafe-fixes
            "message": "Remove metric 'accuracy'",
            "edits": [                                # non-overlapping, in file order; positions
              {"line": 4, "column": 53,               #   as above, in the file as it is now:
               "end_line": 4, "end_column": 72,       #   replace [start, end) with content
               "content": "[\"mae\"]"}              #   ("" deletes; start == end inserts)
                                                      # notebooks: each edit also has its "cell";
                                                      #   its lines are within that cell
            ]
          }
        }
      ]
    }

Fields are only ever added within a version; removing or changing one bumps `version`.

The summary (`Found N errors.` / `All checks passed!`, what was fixed or is fixable, and the number
of files checked) goes to stderr in every format, so stdout stays machine-readable.
"""
from __future__ import annotations

import json
import re
from collections import Counter
from typing import Sequence, TextIO

import click

from regr_lint import __version__
from regr_lint.engine.finding import Finding
from regr_lint.fixes.apply import applicable
from regr_lint.input.files import write_atomic

FORMATS = ("text", "full", "json", "sarif", "github", "gitlab")
SCHEMA_VERSION = 1


_SURROGATE = re.compile("[\ud800-\udfff]")


def escape_surrogates(text: str) -> str:
    """`text` without lone surrogates, which no UTF-8 output can hold: a file name that is not
    UTF-8 (b"caf\\xe9.py", decoded by Python as "caf\\udce9.py") is shown as `caf\\xe9.py`, as
    Python's backslashreplace shows bytes; any other lone surrogate as `\\udXXX`."""
    if text.isascii():
        return text

    def one(m: re.Match) -> str:
        n = ord(m.group())
        return f"\\x{n - 0xDC00:02x}" if 0xDC80 <= n <= 0xDCFF else f"\\u{n:04x}"

    return _SURROGATE.sub(one, text)


def text_line(f: Finding, color: bool = False, unsafe: bool = False) -> str:
    """`path:line:col: CODE message`; `CODE [*] message` when --fix would fix it (in this mode); a
    warning says so after its code, `CODE (warning) message` (an error, the usual case, says
    nothing more: the line keeps ruff's shape, and editors' `%f:%l:%c: %m` patterns still match)."""
    warning = f.level == "warning"
    path = click.style(f.path, bold=True) if color else f.path
    code = click.style(f.code, bold=True, fg="yellow" if warning else "red") if color else f.code
    if warning:
        code += " " + (click.style("(warning)", fg="yellow") if color else "(warning)")
    mark = ""
    if f.fix is not None and applicable(f.fix.fix, unsafe):
        mark = (click.style("[*]", fg="cyan") if color else "[*]") + " "
    return f"{path}:{f.location()}: {code} {mark}{f.message}"


def write_text(findings: Sequence[Finding], out: TextIO, color: bool, unsafe: bool = False) -> None:
    for f in findings:
        out.write(text_line(f, color, unsafe) + "\n")


def write_statistics(findings: Sequence[Finding], out: TextIO, unsafe: bool = False, as_json: bool = False) -> None:
    """`--statistics`: one row per rule, `  3  RL101  accuracy-on-regression  [*]`, most frequent
    first (`[*]` when --fix, in this mode, can fix some of them); with `--format json`, a list of
    {"code", "name", "count", "fixable"} (fixable: how many)."""
    counts = Counter(f.code for f in findings)
    names = {f.code: f.name for f in findings}
    fixable = Counter(f.code for f in findings if f.fix is not None and applicable(f.fix.fix, unsafe))
    order = sorted(counts, key=lambda c: (-counts[c], c))
    if as_json:
        rows = [{"code": c, "name": names[c], "count": counts[c], "fixable": fixable[c]} for c in order]
        json.dump(rows, out, indent=2)
        out.write("\n")
        return
    width = max((len(str(n)) for n in counts.values()), default=1)
    code_width = max((len(c) for c in counts), default=0)
    name_width = max((len(names[c]) for c in counts), default=0)
    for c in order:
        row = f"{counts[c]:>{width + 2}}  {c:<{code_width}}  {names[c]:<{name_width}}  {'[*]' if fixable[c] else ''}"
        out.write(row.rstrip() + "\n")


def write_output_file(path: str, text: str) -> None:
    """`--output-file`: written all at once, the folder created if needed (`text` comes from
    formats.write_findings, lone surrogates already escaped)."""
    write_atomic(path, text.encode("utf-8"), make_dirs=True)


def _escaped(doc: dict) -> dict:
    # json.dump would write a lone surrogate as "\\udce9", which strict JSON readers refuse.
    doc.update(path=escape_surrogates(doc["path"]), message=escape_surrogates(doc["message"]))
    return doc


def write_json(findings: Sequence[Finding], out: TextIO) -> None:
    doc = {
        "version": SCHEMA_VERSION,
        "tool": {"name": "regr-lint", "version": __version__},
        "findings": [_escaped(f.as_dict()) for f in findings],
    }
    json.dump(doc, out, indent=2)
    out.write("\n")


def _n(count: int, word: str, plural: str = "s") -> str:
    return f"{count} {word}{plural if count != 1 else ''}"


def summary(n_findings: int, n_files: int, *, fixed: int | None = None, fixable: int = 0, hidden: int = 0,
            unsafe: bool = False, warnings: int = 0) -> str:
    """`fixed` is None unless --fix ran; then `n_findings` is what remains. `warnings`: how many of
    the `n_findings` are warnings (without any, ruff's wording: every finding an "error")."""
    total = n_findings + (fixed or 0)
    split = f"{_n(n_findings - warnings, 'error')}, {_n(warnings, 'warning')}"
    if total == 0:
        lines = ["All checks passed!"]
    elif fixed is not None and warnings:
        lines = [f"Found {_n(total, 'problem')} ({fixed} fixed, {n_findings} remaining: {split})."]
    elif fixed is not None:
        lines = [f"Found {_n(total, 'error')} ({fixed} fixed, {n_findings} remaining)."]
    elif warnings:
        lines = [f"Found {_n(total, 'problem')} ({split})."]
    else:
        lines = [f"Found {_n(total, 'error')}."]
    if fixable:
        how = "--fix --unsafe-fixes options" if unsafe else "--fix option"
        lines.append(f"[*] {fixable} fixable with the {how}.")
    if hidden:
        lines.append(f"({_n(hidden, 'hidden fix', 'es')} can be enabled with the --unsafe-fixes option.)")
    lines.append(f"{_n(n_files, 'file')} checked.")
    return "\n".join(lines)


def diff_summary(would_fix: int, remaining: int, n_files: int) -> str:
    """--diff: what --fix would fix, and what it would leave."""
    head = f"Would fix {_n(would_fix, 'error')}" if would_fix else "No errors would be fixed"
    return f"{head} ({remaining} remaining).\n{_n(n_files, 'file')} checked."
