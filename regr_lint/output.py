"""Writing findings: `text` for people and editors, `json` for tools.

JSON schema (version 1), written to stdout as one object:

    {
      "version": 1,                                   # bumped on any incompatible change
      "tool": {"name": "regr-lint", "version": "0.1.0"},
      "findings": [                                   # sorted by path, line, column, code
        {
          "path": "train.py",                         # as discovered / given on the command line
          "line": 4, "column": 57,                    # 1-based start of the reported token
          "end_line": 4, "end_column": 67,            # 1-based, exclusive end column
          "code": "RL101",
          "name": "accuracy-on-regression",           # the rule's kebab-case name
          "message": "..."
        }
      ]
    }

The summary (`Found N errors.` / `All checks passed!` and the number of files checked) goes to stderr
in both formats, so stdout stays machine-readable.
"""
from __future__ import annotations

import json
from typing import Sequence, TextIO

import click

from regr_lint import __version__
from regr_lint.finding import Finding

FORMATS = ("text", "json")
SCHEMA_VERSION = 1


def write_text(findings: Sequence[Finding], out: TextIO, color: bool) -> None:
    for f in findings:
        path = click.style(f.path, bold=True) if color else f.path
        code = click.style(f.code, bold=True, fg="red") if color else f.code
        out.write(f"{path}:{f.line}:{f.col}: {code} {f.message}\n")


def write_json(findings: Sequence[Finding], out: TextIO) -> None:
    doc = {
        "version": SCHEMA_VERSION,
        "tool": {"name": "regr-lint", "version": __version__},
        "findings": [f.as_dict() for f in findings],
    }
    json.dump(doc, out, indent=2)
    out.write("\n")


def summary(n_findings: int, n_files: int) -> str:
    head = "All checks passed!" if n_findings == 0 else f"Found {n_findings} error{'s' if n_findings != 1 else ''}."
    return f"{head}\n{n_files} file{'s' if n_files != 1 else ''} checked."
