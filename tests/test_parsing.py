"""The engine's libcst parse skips node validation only while parsing, and builds the same tree."""
from __future__ import annotations

from pathlib import Path

import libcst as cst
import pytest

from regr_lint.input.parsing import parse_module

ROOT = Path(__file__).resolve().parent.parent
SOURCES = sorted(str(p.relative_to(ROOT)) for pattern in ("fixtures/*/*.py", "examples/*.py", "regr_lint/*.py", "regr_lint/*/*.py")
                 for p in ROOT.glob(pattern))
assert SOURCES


@pytest.mark.parametrize("path", SOURCES)
def test_same_tree_as_libcsts_own_parse(path):
    text = (ROOT / path).read_text(encoding="utf-8")
    ours, theirs = parse_module(text), cst.parse_module(text)
    assert ours.deep_equals(theirs)
    assert ours.code == text


def test_nodes_built_after_a_parse_are_validated_again():
    parse_module("x = 1\n")
    with pytest.raises(cst.CSTValidationError):
        cst.Name("not a name")


def test_a_parse_error_leaves_validation_on():
    with pytest.raises(cst.ParserSyntaxError):
        parse_module("def f(:\n")
    with pytest.raises(cst.CSTValidationError):
        cst.Name("")
