"""CI formats: `github` (workflow commands, shown as annotations) and `gitlab` (Code Quality JSON).

Both give paths relative to the repository root (the git top level above the cwd, else the cwd),
which is what GitHub and GitLab resolve them against. Notebook findings use the line within the
code cell and say which cell in the message."""
from __future__ import annotations

import json
from typing import Sequence, TextIO

from regr_lint.engine.finding import Finding
from regr_lint.output.formats.source import Sources, display_path, fingerprints, repo_root


def _message(f: Finding) -> str:
    return f"cell {f.cell}: {f.message}" if f.cell else f.message


def _lines(f: Finding) -> tuple[int, int]:
    if f.cell:
        return f.cell_line, max(f.cell_end_line, f.cell_line)
    return f.line, max(f.end_line, f.line)


def escape_data(text: str) -> str:
    """GitHub's escaping of a workflow command's message."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """GitHub's escaping of a workflow command's property values."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def gitlab_severity(f: Finding) -> str:
    """GitLab Code Quality's scale is info / minor / major / critical / blocker: an error is "major"
    ("blocker" for a file nothing could be checked in, RL000), a warning "minor"."""
    if f.level == "warning":
        return "minor"
    return "blocker" if f.code == "RL000" else "major"


def write_github(findings: Sequence[Finding], out: TextIO) -> None:
    """`::error file=…,line=…,col=…,endLine=…,endColumn=…,title=CODE::message` per finding
    (`::warning …` for a warning)."""
    root = repo_root()
    for f in findings:
        line, end_line = _lines(f)
        props = {"file": display_path(f.path, root), "line": line, "col": f.col}
        if (f.end_line, f.end_col) > (f.line, f.col):
            props.update(endLine=end_line, endColumn=f.end_col)
        props["title"] = f.code
        head = ",".join(f"{k}={escape_property(str(v))}" for k, v in props.items())
        out.write(f"::{f.level} {head}::{escape_data(_message(f))}\n")  # ::error / ::warning


def write_gitlab(findings: Sequence[Finding], out: TextIO, sources: Sources) -> None:
    """A GitLab Code Quality report: a JSON list of issues."""
    root = repo_root()
    issues = []
    for f, fingerprint in zip(findings, fingerprints(findings, sources, root)):
        begin, end = _lines(f)
        issues.append({
            "description": f"{f.code}: {_message(f)}",
            "check_name": f.code,
            "fingerprint": fingerprint,
            "severity": gitlab_severity(f),
            "location": {"path": display_path(f.path, root), "lines": {"begin": begin, "end": end}},
        })
    json.dump(issues, out, indent=2)
    out.write("\n")
