"""`--write-baseline FILE` / `--baseline FILE`: adopt regr-lint on an existing code base by
recording today's findings and reporting only new ones afterwards.

A finding is identified by the fingerprint SARIF and GitLab output already carry
(regr_lint.output.formats.source.fingerprints): rule code, path relative to the repository root, the
stripped text of the reported line, and its occurrence among findings sharing those three. So a
baselined finding stays baselined when lines are inserted or removed above it (or the file is
linted from another directory of the repository), and becomes new when its own line changes.

The file (JSON, written atomically, entries sorted so it diffs well under version control):

    {
      "version": 1,
      "tool": "regr-lint",
      "findings": [
        {"path": "src/train.py", "code": "RL101", "fingerprint": "9f0c…",
         "line": 12, "message": "accuracy metric …"}      # line and message: for people only
      ]
    }

Matching counts fingerprints (a multiset): a fingerprint listed twice covers two findings, never a
third. An entry of a file the run linted that no finding matches "no longer occurs" (fixed, or its
line edited); so does one whose file is gone. Entries of files the run did not lint (pre-commit
passes only the changed files) are neither matched nor counted.
"""
from __future__ import annotations

import json
import os
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Sequence

from regr_lint.engine.finding import Finding
from regr_lint.input.files import write_atomic
from regr_lint.output.formats.source import Sources, display_path, fingerprints, repo_root

VERSION = 1
_MAX_BYTES = 256 * 1024 * 1024  # a baseline is findings: anything this large is not one


class BaselineError(Exception):
    """The baseline file cannot be used; the message is for the user."""


@dataclass(frozen=True)
class Entry:
    path: str
    code: str
    fingerprint: str
    line: int = 0
    message: str = ""

    def as_dict(self) -> dict:
        return {"path": self.path, "code": self.code, "fingerprint": self.fingerprint,
                "line": self.line, "message": self.message}


@dataclass(frozen=True)
class Outcome:
    findings: list[Finding]  # those not in the baseline: what the run reports
    baselined: int  # findings the baseline covers
    gone: list[Entry]  # entries of linted (or deleted) files that no finding matches any more


def entries(findings: Sequence[Finding], sources: Sources, root: Path | None = None) -> list[Entry]:
    root = root or repo_root()
    return [Entry(display_path(f.path, root), f.code, fp, f.cell_line if f.cell else f.line, f.message)
            for f, fp in zip(findings, fingerprints(findings, sources, root))]


def dump(items: Iterable[Entry]) -> str:
    ordered = sorted(items, key=lambda e: (e.path, e.line, e.code, e.fingerprint))
    doc = {"version": VERSION, "tool": "regr-lint", "findings": [e.as_dict() for e in ordered]}
    return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"


def write(path: str, findings: Sequence[Finding], sources: Sources) -> int:
    """Record `findings` in `path`; returns how many."""
    items = entries(findings, sources)
    try:
        write_atomic(path, dump(items).encode("utf-8"), make_dirs=True)
    except OSError as exc:
        raise BaselineError(f"cannot write the baseline {path}: {exc.strerror or exc}") from None
    return len(items)


def load(path: str) -> list[Entry]:
    """Read a baseline file; anything but what `write` writes is a BaselineError."""
    def bad(why: str) -> BaselineError:
        return BaselineError(f"{path}: not a regr-lint baseline: {why} (write one with --write-baseline {path})")

    try:
        if os.path.getsize(path) > _MAX_BYTES:
            raise bad("the file is too large")
        with open(path, "rb") as fh:
            data = fh.read()
    except FileNotFoundError:
        raise BaselineError(f"{path}: baseline file not found (write it with --write-baseline {path})") from None
    except OSError as exc:
        raise BaselineError(f"{path}: cannot read the baseline: {exc.strerror or exc}") from None
    try:
        doc = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise bad(f"invalid JSON ({exc})") from None
    if not isinstance(doc, dict) or "version" not in doc or not isinstance(doc.get("findings"), list):
        raise bad('expected an object with "version" and "findings"')
    if doc["version"] != VERSION:
        raise bad(f"version {doc['version']!r} (this regr-lint reads version {VERSION})")
    out = []
    for i, item in enumerate(doc["findings"]):
        if not (isinstance(item, dict) and all(isinstance(item.get(k), str) for k in ("path", "code", "fingerprint"))):
            raise bad(f"findings[{i}] needs string \"path\", \"code\" and \"fingerprint\"")
        line = item.get("line", 0)
        out.append(Entry(item["path"], item["code"], item["fingerprint"],
                         line if type(line) is int else 0, str(item.get("message", ""))))
    return out


def apply(baseline: Sequence[Entry], findings: Sequence[Finding], sources: Sources,
          linted: Iterable[str]) -> Outcome:
    """Drop the findings `baseline` covers; `linted`: the files of the run (as given)."""
    root = repo_root()
    left = Counter(e.fingerprint for e in baseline)
    kept: list[Finding] = []
    baselined = 0
    for f, fp in zip(findings, fingerprints(findings, sources, root)):
        if left[fp] > 0:
            left[fp] -= 1
            baselined += 1
        else:
            kept.append(f)
    seen = {display_path(p, root) for p in linted}
    gone = []
    for e in baseline:
        if left[e.fingerprint] > 0 and (e.path in seen or not (root / e.path).exists()):
            left[e.fingerprint] -= 1
            gone.append(e)
    return Outcome(kept, baselined, gone)
