"""What a rule reports, after the engine has placed it in the file."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional


@dataclass(frozen=True)
class FixInfo:
    """A finding's fix: the rule's `Fix` (with its libcst nodes, for `--fix`) and the edits it makes,
    placed in the file (1-based lines and columns, exclusive end), for JSON output and editors."""

    fix: object  # regr_lint.rule.Fix
    edits: tuple = ()  # ({"line", "column", "end_line", "end_column", "content"}, ...)

    @property
    def safe(self) -> bool:
        return bool(self.fix.safe)

    def as_dict(self) -> dict:
        return {
            "applicability": "safe" if self.safe else "unsafe",
            "message": self.fix.message,
            "edits": [dict(e) for e in self.edits],
        }


@dataclass(frozen=True, order=True)
class Finding:
    path: str
    line: int  # 1-based
    col: int  # 1-based
    code: str
    message: str = field(compare=False)
    name: str = field(default="", compare=False)
    end_line: int = field(default=0, compare=False)
    end_col: int = field(default=0, compare=False)
    # First and last line of the statement that holds the finding: a `# noqa` on either suppresses it.
    stmt_line: int = field(default=0, compare=False)
    stmt_end_line: int = field(default=0, compare=False)
    # The fix the rule offers, if any (never part of comparisons, sorting or hashing).
    fix: Optional[FixInfo] = field(default=None, compare=False, repr=False)
    # Notebooks: the code cell (1-based, among code cells) and the lines within it; `line` /
    # `end_line` stay the lines of the joined code cells, so findings sort in notebook order.
    cell: int = field(default=0, compare=False)
    cell_line: int = field(default=0, compare=False)
    cell_end_line: int = field(default=0, compare=False)
    # A finding whose token lies in another project module than the file being linted: `path` is
    # that module's absolute path, `reported_from` the linted file, and `via` the same finding in
    # the linted file, at the use of the name that brings the other module's part in, its message
    # naming where the token is (None: a `# noqa` there suppresses it). Which of the two a run
    # reports depends on whether it lints that module too (regr_lint.engine.crossmodule.resolve).
    reported_from: str = field(default="", compare=False)
    via: Optional["Finding"] = field(default=None, compare=False, repr=False)
    # "error" or "warning" (regr_lint.engine.severity): the rule's default with the file's project's
    # `severity` table on top, assigned by the run after linting (and after the cache, so a changed
    # table is never served stale). "" until then: readers fall back on the rule's default.
    severity: str = field(default="", compare=False)

    @property
    def level(self) -> str:
        """The severity, the rule's default when the run has not assigned one."""
        if self.severity:
            return self.severity
        from regr_lint.engine.severity import default_of

        return default_of(self.code)

    def as_dict(self) -> dict:
        doc = {
            "path": self.path,
            "line": self.cell_line if self.cell else self.line,
            "column": self.col,
            "end_line": self.cell_end_line if self.cell else self.end_line,
            "end_column": self.end_col,
            "code": self.code,
            "name": self.name,
            "message": self.message,
            "severity": self.level,
            "fix": self.fix.as_dict() if self.fix is not None else None,
        }
        if self.cell:
            doc["cell"] = self.cell
        return doc

    def location(self) -> str:
        """`line:col`, or ruff's notebook form `cell C:line:col` with the line within the cell."""
        if self.cell:
            return f"cell {self.cell}:{self.cell_line}:{self.col}"
        return f"{self.line}:{self.col}"
