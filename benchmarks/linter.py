"""What the benchmark scripts share: finding the `regr-lint` they measure."""
from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path


def find_linter() -> str | None:
    """The `regr-lint` console script of the interpreter running us, else the one on PATH."""
    bindir = Path(sys.executable).parent  # not resolved: a venv's python is often a symlink
    for name in ("regr-lint", "regr-lint.exe"):
        candidate = bindir / name
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return str(candidate)
    return shutil.which("regr-lint")
