"""Which names a file binds, in any scope, read off CPython's tree: what a fix may write.

A fix that introduces a name (`math.ceil(...)` with an added `import math`, `int(...)`, `Flatten()`)
must not write one the file binds to something else anywhere — a parameter, a loop target, an
`import numpy as math`, a star import. One walk indexes every binding by name; rules ask through
`KerasFacts.name_bindings()` (one parse per file, and only for files a rule builds such a fix for),
the fixer through `NameBindings.of_text()` for the text of each pass.
"""
from __future__ import annotations

import ast
import warnings
from typing import Optional

Binding = tuple  # (node, the import's alias or None)


def python_tree(text: str) -> Optional[ast.Module]:
    """CPython's tree of `text`, or None when this Python cannot parse it."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return ast.parse(text)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return None


class NameBindings:
    """Everything in a file that binds each name, in any scope: assignments and `del`, loop, `with`,
    `except` and comprehension targets, `:=`, parameters, definitions, `global` / `nonlocal`,
    `match` captures, type parameters, imports; a star import may bind anything and counts for
    every name."""

    def __init__(self, tree: ast.AST) -> None:
        self._by_name: dict[str, list[Binding]] = {}
        self._stars: list[Binding] = []
        add = self._add
        for node in ast.walk(tree):
            if isinstance(node, ast.Name):
                if not isinstance(node.ctx, ast.Load):
                    add(node.id, node, None)
            elif isinstance(node, ast.arg):
                add(node.arg, node, None)
            elif isinstance(node, (ast.Import, ast.ImportFrom)):
                for alias in node.names:
                    if alias.name == "*":
                        self._stars.append((node, alias))
                    else:
                        add(alias.asname or alias.name.partition(".")[0], node, alias)
            elif isinstance(node, (ast.Global, ast.Nonlocal)):
                for name in node.names:
                    add(name, node, None)
            elif isinstance(node, ast.MatchMapping):
                if node.rest:
                    add(node.rest, node, None)
            elif isinstance(getattr(node, "name", None), str) and not isinstance(node, ast.alias):
                # def, class, except … as, match … as / *rest, type parameters
                add(node.name, node, None)

    def _add(self, name: str, node: ast.AST, alias: Optional[ast.alias]) -> None:
        self._by_name.setdefault(name, []).append((node, alias))

    @classmethod
    def of_text(cls, text: str) -> Optional["NameBindings"]:
        """The index of `text`, or None when this Python cannot parse it (then every name counts as
        taken: callers stay silent)."""
        tree = python_tree(text)
        return None if tree is None else cls(tree)

    def of(self, name: str) -> list[Binding]:
        """What binds `name` (star imports included)."""
        return self._by_name.get(name, []) + self._stars

    def module_is_free(self, module: str) -> bool:
        """Whether `module`'s name can be used for the module: nothing binds it to anything else (so
        a new top-level `import module` is seen, unshadowed, everywhere)."""
        return all(isinstance(node, ast.Import) and alias is not None and alias.asname is None
                   and (alias.name == module or alias.name.startswith(module + "."))
                   for node, alias in self.of(module))
