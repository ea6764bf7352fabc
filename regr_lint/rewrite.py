"""Building the nodes a fix replaces others with: removing children of a comma-separated sequence
tidily, and the imports a fix needs. Used by rules (to describe a fix) and by the engine (to place
it); below both, it imports only libcst."""
from __future__ import annotations

import dataclasses
from typing import Callable, Iterable, Optional

from regr_lint.lazy import cst


def is_removal(replacement: object) -> bool:
    return replacement is cst.RemovalSentinel.REMOVE


def remove_children(parent: cst.CSTNode, victims: Iterable[cst.CSTNode]) -> cst.CSTNode:
    """`parent` without the `victims` among its children (list / tuple / dict / set elements, call
    arguments, import names …), keeping the commas and line breaks tidy: `["mae", "accuracy"]` ->
    `["mae"]`, `f(a, b)` -> `f(a)`, a multi-line list keeps its layout and the comments of what stays."""
    return _remove(parent, parent, {id(v) for v in victims})


def _remove(original: cst.CSTNode, updated: cst.CSTNode, ids: set[int]) -> cst.CSTNode:
    changes: dict = {}
    for f in dataclasses.fields(original):
        value = getattr(original, f.name)
        if not isinstance(value, (list, tuple)) or not value:
            continue
        drop = {i for i, child in enumerate(value) if id(child) in ids}
        if drop:
            changes.update(_tidy(updated, f.name, list(getattr(updated, f.name)), drop))
    return updated.with_changes(**changes) if changes else updated


def _closing(parent: cst.CSTNode, kept: list) -> Optional[tuple[object, Callable]]:
    """The whitespace before the closing bracket of `parent` and a function that replaces it."""
    if isinstance(parent, cst.Call) and kept and isinstance(kept[-1], cst.Arg):
        last = kept[-1]
        return last.whitespace_after_arg, lambda ws: {"args": kept[:-1] + [last.with_changes(whitespace_after_arg=ws)]}
    for name in ("rbracket", "rbrace"):
        br = getattr(parent, name, None)
        if br is not None and hasattr(br, "whitespace_before"):
            return br.whitespace_before, lambda ws, n=name, b=br: {n: b.with_changes(whitespace_before=ws)}
    rpar = getattr(parent, "rpar", None)
    if isinstance(parent, (cst.Tuple, cst.ImportFrom)) and rpar:
        last = rpar if isinstance(parent, cst.ImportFrom) else rpar[-1]
        if isinstance(parent, cst.ImportFrom):
            return last.whitespace_before, lambda ws: {"rpar": last.with_changes(whitespace_before=ws)}
        return last.whitespace_before, lambda ws: {"rpar": list(rpar[:-1]) + [last.with_changes(whitespace_before=ws)]}
    return None


def _tidy(parent: cst.CSTNode, fname: str, elems: list, drop: set[int]) -> dict:
    n = len(elems)
    kept = [e for i, e in enumerate(elems) if i not in drop]
    changes: dict = {fname: kept}
    if not kept or (n - 1) not in drop or not hasattr(elems[-1], "comma"):
        # Removing a first or middle element: the previous comma now leads to the next element.
        return changes
    # The last element went: the new last one takes over its trailing comma (or lack of one) ...
    tail = elems[-1]
    last = kept[-1]
    own = last.comma.whitespace_after if isinstance(last.comma, cst.Comma) else None
    new_last = last.with_changes(comma=tail.comma)
    if isinstance(last, cst.Arg):
        new_last = new_last.with_changes(whitespace_after_arg=tail.whitespace_after_arg)
    kept[-1] = new_last
    # ... and if a line break followed it, that line (with its comment) now ends before the bracket.
    tail_comma = tail.comma
    if isinstance(own, cst.ParenthesizedWhitespace) and isinstance(tail_comma, cst.Comma) \
            and isinstance(tail_comma.whitespace_after, cst.ParenthesizedWhitespace):
        # `f(\n  a,  # a\n  b,  # b\n)`: the line break before `)` follows the trailing comma
        ws = tail_comma.whitespace_after.with_changes(first_line=own.first_line, empty_lines=[])
        kept[-1] = new_last.with_changes(comma=tail_comma.with_changes(whitespace_after=ws))
    elif isinstance(own, cst.ParenthesizedWhitespace):
        closing = _closing(parent, kept)
        if closing is not None:
            ws, put = closing
            if isinstance(ws, cst.ParenthesizedWhitespace):
                changes.update(put(ws.with_changes(first_line=own.first_line, empty_lines=[])))
            elif own.first_line.comment is not None:
                changes.update(put(own.with_changes(empty_lines=[])))
    return changes


def imports_module(module: cst.Module, name: str) -> bool:
    """Whether a top-level `import name` (or `import name.sub`) binds `name` in the module."""
    for stmt in module.body:
        if not isinstance(stmt, cst.SimpleStatementLine):
            continue
        for small in stmt.body:
            if isinstance(small, cst.Import):
                for alias in small.names:
                    if alias.asname is None:
                        dotted = cst.Module([]).code_for_node(alias.name)
                        if dotted == name or dotted.startswith(name + "."):
                            return True
    return False


def import_index(module: cst.Module) -> int:
    """Where new imports go: after the module docstring and the `from __future__` imports."""
    i = 0
    body = module.body
    if body and _is_docstring(body[0]):
        i = 1
    while i < len(body) and isinstance(body[i], cst.SimpleStatementLine) and all(
            isinstance(s, cst.ImportFrom) and isinstance(s.module, cst.Name) and s.module.value == "__future__"
            for s in body[i].body):
        i += 1
    return i


def _is_docstring(stmt: cst.CSTNode) -> bool:
    return (isinstance(stmt, cst.SimpleStatementLine) and len(stmt.body) == 1
            and isinstance(stmt.body[0], cst.Expr)
            and isinstance(stmt.body[0].value, (cst.SimpleString, cst.ConcatenatedString)))


def import_statement(name: str) -> cst.SimpleStatementLine:
    return cst.SimpleStatementLine([cst.Import([cst.ImportAlias(cst.parse_expression(name))])])


def add_imports(module: cst.Module, names: Iterable[str]) -> cst.Module:
    missing = []
    for name in names:
        if name not in missing and not imports_module(module, name):
            missing.append(name)
    if not missing:
        return module
    at = import_index(module)
    body = list(module.body)
    body[at:at] = [import_statement(name) for name in missing]
    return module.with_changes(body=body)
