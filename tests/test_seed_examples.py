"""The two Stack Overflow questions the project started from, rebuilt in examples/: every mistake
they hold is reported, at the right token, and the clean twin stays clean."""
from __future__ import annotations

from pathlib import Path

from regr_lint.engine.lint import lint_file
from regr_lint.engine.registry import load_rules

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
RULES = load_rules()


def found(name: str):
    return sorted((f.code, f.line) for f in lint_file(str(EXAMPLES / name), RULES))


def test_conv1d_seed():
    assert found("conv1d_coordinates.py") == [
        ("RL101", 31), ("RL102", 28), ("RL301", 26), ("RL502", 31), ("RL503", 19)]


def test_alexnet_seed():
    assert found("alexnet_rmse.py") == [
        ("RL101", 32), ("RL201", 39), ("RL202", 41), ("RL401", 21), ("RL501", 39)]


def test_clean_example():
    assert found("clean_regression.py") == []
