"""The transformer that applies a fix's edits: nodes replaced or removed by identity.

Its own module because it subclasses a libcst class, which would load libcst (see regr_lint/lazy.py)
when regr_lint.fixes.apply is imported; it is imported where a fix is applied or described.
"""
from __future__ import annotations

from regr_lint.lazy import cst

from regr_lint.rewrite import _remove


class ApplyEdits(cst.CSTTransformer):
    """Replace nodes by identity (`replace`: id -> new node) and remove others (`remove`: ids)."""

    def __init__(self, replace: dict[int, object], remove: set[int]) -> None:
        super().__init__()
        self.replace = replace
        self.remove = remove
        # The nodes to remove, as they are after their own children were transformed: their parent
        # drops them (and tidies the commas) when it is left.
        self.doomed: set[int] = set()
        # ids are only unique among live objects: hold the doomed nodes so no later node can be
        # allocated at a freed one's address and be dropped in its place.
        self._alive: list = []

    def on_leave(self, original_node, updated_node):
        new = self.replace.get(id(original_node))
        if new is not None:
            return new
        if id(original_node) in self.remove:
            self.doomed.add(id(updated_node))
            self._alive.append(updated_node)
            return updated_node
        if self.doomed:
            return _remove(updated_node, updated_node, self.doomed)
        return updated_node


# -- imports the fixes need -----------------------------------------------------------------------------
