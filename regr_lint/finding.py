"""What a rule reports, after the engine has placed it in the file."""
from __future__ import annotations

from dataclasses import dataclass, field


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

    def as_dict(self) -> dict:
        return {
            "path": self.path,
            "line": self.line,
            "column": self.col,
            "end_line": self.end_line,
            "end_column": self.end_col,
            "code": self.code,
            "name": self.name,
            "message": self.message,
        }
