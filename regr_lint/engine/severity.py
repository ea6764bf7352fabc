"""How serious a finding is: `error` (the code crashes, or silently trains a wrong model) or
`warning` (the code may be deliberate).

Each rule declares its default (`Rule.severity`; a rule pack's rule without one is an error); a
project can override it per code or prefix in `[tool.regr-lint.severity]`, the most specific
selector winning as in `select` / `ignore`:

    [tool.regr-lint.severity]
    RL5 = "warning"        # every RL5xx rule
    RL501 = "error"        # but this one stays an error

The run assigns each finding its severity after the cache (regr_lint.cli), so a changed table
never needs new cache entries and can never be served a stale one. Editors and the language
server map it with `lsp_severity`.
"""
from __future__ import annotations

import dataclasses
import functools
from typing import Iterable, Mapping

from regr_lint.engine.finding import Finding
from regr_lint.input.selection import matches, specificity

ERROR = "error"
WARNING = "warning"
SEVERITIES = (ERROR, WARNING)
DEFAULT = ERROR

# LSP's DiagnosticSeverity: 1 Error, 2 Warning (3 Information, 4 Hint are not used).
_LSP = {ERROR: 1, WARNING: 2}


def declared(rule: object) -> str:
    """A rule's own default severity; a missing or unrecognised value (a rule pack written before
    severities, or a typo in one) counts as an error, so nothing it finds is played down."""
    value = getattr(rule, "severity", DEFAULT)
    return value if value in SEVERITIES else DEFAULT


def resolve(code: str, default: str, table: Mapping[str, str]) -> str:
    """The severity of `code`: the value of the most specific selector of `table` matching it (a
    tie cannot happen: a table's keys are unique), else `default`."""
    best, chosen = -1, default
    for selector, severity in table.items():
        if matches(selector, code) and specificity(selector) > best:
            best, chosen = specificity(selector), severity
    return chosen


class Severities:
    """Severity per code for one configuration: the rules' defaults with a project's table on top."""

    def __init__(self, defaults: Mapping[str, str], table: Mapping[str, str] | None = None):
        self.defaults = dict(defaults)
        self.table = dict(table or {})
        self._memo: dict[str, str] = {}

    def of(self, code: str) -> str:
        hit = self._memo.get(code)
        if hit is None:
            hit = self._memo[code] = resolve(code, self.defaults.get(code, DEFAULT), self.table)
        return hit

    def apply(self, findings: Iterable[Finding]) -> list[Finding]:
        return [f if f.severity == self.of(f.code) else dataclasses.replace(f, severity=self.of(f.code))
                for f in findings]


@functools.lru_cache(maxsize=1)
def _registry_defaults() -> dict[str, str]:
    from regr_lint.engine.registry import load_registry

    return {lr.rule.code: declared(lr.rule) for lr in load_registry()}


def default_of(code: str) -> str:
    """The default severity of a registered rule's code (an unknown code: error)."""
    return _registry_defaults().get(code, DEFAULT)


def assign(findings: Iterable[Finding], config: object = None) -> list[Finding]:
    """`findings` (straight from the engine) with their severities for a file whose settings are
    `config` (a regr_lint.input.config.Config; None: the rules' defaults) — what a run does, for callers
    that lint outside it (the language server)."""
    return Severities(_registry_defaults(), getattr(config, "severity", None)).apply(findings)


def lsp_severity(finding: Finding) -> int:
    """LSP DiagnosticSeverity of a finding: 1 (Error) or 2 (Warning). A finding the run has not
    assigned a severity yet (straight from the engine) gets its rule's default."""
    return _LSP.get(finding.level, 1)
