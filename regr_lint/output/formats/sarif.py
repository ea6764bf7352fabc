"""`--format sarif`: SARIF 2.1.0 (one run), as GitHub code scanning and other SARIF viewers read it.

Paths are relative to the repository root (the git top level above the cwd, else the cwd) under
`uriBaseId: "%SRCROOT%"`; `partialFingerprints` keep a result's identity when lines move; fixable
findings carry their `fixes` (not for notebooks: their edits are in the joined code cells)."""
from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Sequence, TextIO
from urllib.parse import quote

from regr_lint import __version__
from regr_lint.engine.finding import Finding
from regr_lint.engine.severity import declared, default_of
from regr_lint.output.formats.source import Sources, fingerprints, repo_path, repo_root

# The one place the documentation's address is written; rules link to their section of it.
DOCS_URL = "https://github.com/regr-lint/regr-lint/blob/main/README.md"
SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
FINGERPRINT_KEY = "regrLint/v1"
SRCROOT = "%SRCROOT%"


def rule_help_uri(code: str) -> str:
    return f"{DOCS_URL}#what-it-catches"


def _descriptor(code: str, rule=None) -> dict:
    name = getattr(rule, "name", "") or code
    summary = getattr(rule, "summary", "") or name
    docs = (getattr(rule, "docs", "") or "").strip() or summary
    return {
        "id": code,
        "name": name,
        "shortDescription": {"text": summary},
        "fullDescription": {"text": docs},
        "help": {"text": docs, "markdown": docs},
        "helpUri": rule_help_uri(code),
        # the rule's own default; a result's `level` is its severity in the file's project
        "defaultConfiguration": {"level": declared(rule) if rule is not None else default_of(code)},
    }


def _artifact(path: str, root: Path) -> dict:
    rel = repo_path(path, root)
    if rel is None:  # outside the repository: an absolute file URI
        return {"uri": Path(path).resolve().as_uri()}
    return {"uri": quote(os.fsencode(rel)), "uriBaseId": SRCROOT}  # a non-UTF-8 name: its bytes, %-encoded


def _region(line: int, col: int, end_line: int, end_col: int) -> dict:
    region = {"startLine": line, "startColumn": col}
    if (end_line, end_col) > (line, col):  # else an insertion point: the start alone
        region.update(endLine=end_line, endColumn=end_col)
    return region


def _fixes(f: Finding, artifact: dict) -> list:
    if f.fix is None or f.cell:
        return []
    replacements = [{"deletedRegion": {"startLine": e["line"], "startColumn": e["column"],
                                       "endLine": e["end_line"], "endColumn": e["end_column"]},
                     "insertedContent": {"text": e["content"]}} for e in f.fix.edits]
    if not replacements:
        return []
    return [{"description": {"text": f.fix.fix.message},
             "artifactChanges": [{"artifactLocation": dict(artifact), "replacements": replacements}],
             "properties": {"applicability": "safe" if f.fix.safe else "unsafe"}}]


def _result(f: Finding, index: int, fingerprint: str, root: Path) -> dict:
    artifact = _artifact(f.path, root)
    location = {"physicalLocation": {"artifactLocation": artifact,
                                     "region": _region(f.line, f.col, f.end_line, f.end_col)}}
    result = {
        "ruleId": f.code,
        "ruleIndex": index,
        "level": f.level,  # SARIF's "error" / "warning" are regr-lint's severities
        "message": {"text": f.message},
        "locations": [location],
        "partialFingerprints": {FINGERPRINT_KEY: fingerprint},
    }
    fixes = _fixes(f, artifact)
    if fixes:
        result["fixes"] = fixes
    if f.cell:  # the region's lines are those of the joined code cells
        result["properties"] = {"cell": f.cell, "cellLine": f.cell_line, "cellEndLine": f.cell_end_line}
    return result


def write_sarif(findings: Sequence[Finding], out: TextIO, sources: Sources, rules: Sequence = ()) -> None:
    root = repo_root()
    by_code = {r.code: r for r in rules}
    codes = sorted(set(by_code) | {f.code for f in findings})
    index = {code: i for i, code in enumerate(codes)}
    prints = fingerprints(findings, sources, root)
    log = {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "regr-lint",
                "version": __version__,
                "semanticVersion": __version__,
                "informationUri": DOCS_URL,
                "rules": [_descriptor(code, by_code.get(code)) for code in codes],
            }},
            "originalUriBaseIds": {SRCROOT: {"uri": root.as_uri().rstrip("/") + "/"}},
            "columnKind": "unicodeCodePoints",
            "results": [_result(f, index[f.code], fp, root) for f, fp in zip(findings, prints)],
        }],
    }
    json.dump(log, out, indent=2)
    out.write("\n")
