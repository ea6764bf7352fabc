"""libcst's parse, without validating each node its own parser has just built.

Every libcst node checks its fields in `__post_init__` (whitespace by regular expression, commas,
parentheses …): useful for nodes built by hand, redundant for the tree the native parser builds from
a grammar it already enforced; libcst's own comment on `CSTNode.__post_init__` says as much. It is a
fifth of a parse. The check is switched off only for the duration of `parse_module`, so the nodes a
fix builds are still validated; `fixes.py` re-parses every fixed source with libcst's plain parser.

Python's cyclic garbage collector is off while a tree is built (`without_gc`): a parse allocates tens
of thousands of nodes, none of them garbage and none in a cycle, and each few hundred allocations
would otherwise start a collection that walks them again; those collections were a sixth of a run
once the modules a run reads for their importers stayed in memory (every full collection walks
them too).
"""
from __future__ import annotations

import contextlib
import gc

from regr_lint.lazy import cst


def _unchecked(self) -> None:
    return None


@contextlib.contextmanager
def without_gc():
    """No cyclic garbage collection inside (reference counting still frees what is dropped)."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()


# Trees parsed for a project module a linted file imports (regr_lint.model.interpreter), by their
# text: a project's modules import one another, so most of the modules a run reads for their
# importers are linted later in the same run, and then that parse is this tree, not a second one
# (also when the module is linted alone to learn what it reports by itself). A libcst tree is
# immutable: one tree serves them all, and the nodes a finding names are the same objects in each.
_SHARED: dict[str, "cst.Module"] = {}
_MAX_SHARED = 64
_MAX_SHARED_CHARS = 4 * 1024 * 1024  # a tree costs about thirty times its source in memory


def share(text: str, module: "cst.Module") -> None:
    """Keep `module` (the tree of `text`) for the next `parse_module(text)` (the oldest kept go
    first, past a few dozen trees or a few MB of source)."""
    _SHARED[text] = module
    while len(_SHARED) > _MAX_SHARED or len(_SHARED) > 1 and sum(map(len, _SHARED)) > _MAX_SHARED_CHARS:
        _SHARED.pop(next(iter(_SHARED)))


def parse_module(text: str) -> cst.Module:
    """`libcst.parse_module(text)`, the same tree, built without re-validating each node (or the
    tree `share` kept for this text)."""
    if _SHARED:
        shared = _SHARED.get(text)
        if shared is not None:
            return shared
    from libcst._nodes.base import CSTNode  # here, not at import: libcst loads on first use

    checked = CSTNode.__dict__.get("__post_init__")
    if checked is None or checked is _unchecked:  # a libcst that validates elsewhere; or re-entered
        return cst.parse_module(text)
    CSTNode.__post_init__ = _unchecked
    try:
        with without_gc():
            return cst.parse_module(text)
    finally:
        CSTNode.__post_init__ = checked
