"""TorchFix-style checker fixtures: each `tests/fixtures/checker/x.py` is linted and its text output
must equal `x.txt` beside it (the file names as they are written there)."""
from __future__ import annotations

from pathlib import Path

import pytest

from regr_lint.engine.lint import lint_file
from regr_lint.engine.registry import load_rules

HERE = Path(__file__).parent / "fixtures" / "checker"
RULES = load_rules()


@pytest.mark.parametrize("source", sorted(HERE.glob("*.py")), ids=lambda p: p.stem)
def test_checker_fixture(source: Path):
    expected = source.with_suffix(".txt").read_text(encoding="utf-8").splitlines()
    findings = lint_file(str(source), RULES, display_path=source.name)
    assert [f"{f.path}:{f.line}:{f.col}: {f.code} {f.message}" for f in findings] == expected
