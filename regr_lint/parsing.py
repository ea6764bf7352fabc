"""libcst's parse, without validating each node its own parser has just built.

Every libcst node checks its fields in `__post_init__` (whitespace by regular expression, commas,
parentheses …): useful for nodes built by hand, redundant for the tree the native parser builds from
a grammar it already enforced; libcst's own comment on `CSTNode.__post_init__` says as much. It is a
fifth of a parse. The check is switched off only for the duration of `parse_module`, so the nodes a
fix builds are still validated; `fixes.py` re-parses every fixed source with libcst's plain parser.
"""
from __future__ import annotations

from regr_lint.lazy import cst


def _unchecked(self) -> None:
    return None


def parse_module(text: str) -> cst.Module:
    """`libcst.parse_module(text)`, the same tree, built without re-validating each node."""
    from libcst._nodes.base import CSTNode  # here, not at import: libcst loads on first use

    checked = CSTNode.__dict__.get("__post_init__")
    if checked is None or checked is _unchecked:  # a libcst that validates elsewhere; or re-entered
        return cst.parse_module(text)
    CSTNode.__post_init__ = _unchecked
    try:
        return cst.parse_module(text)
    finally:
        CSTNode.__post_init__ = checked
