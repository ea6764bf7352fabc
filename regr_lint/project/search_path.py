"""The folders a folder's scripts and notebooks put on their own import search path.

A notebook in `experiments/soc/` that runs `sys.path.append("../../")` and then imports
`data_processing.cycles` finds the package two folders up, which no entry of the project's search
path names when the project has no marker above it (a downloaded archive: no `.git`, no
`pyproject.toml`). Without it the data module stays unknown, and a rule that needs to see what it
does to the targets (RL301's per-step targets, RL102's scaling) speaks without that evidence.

Read off the text (no parse of the file, nothing run; a notebook's code cells taken from its JSON),
on a line of its own or after a semicolon: `sys.path.append(...)` and `sys.path.insert(i, ...)`
whose argument is a path this module can work out — a literal, `__file__`
and `os.getcwd()` / `Path.cwd()` under `os.path` functions (`abspath`, `dirname`, `join`,
`normpath`, `realpath`) and `pathlib.Path` steps (`.parent`, `.parents[k]`, `.resolve()`, `/`).
A relative path is taken from the file's folder: a notebook's working directory, and a script's
when it is run from there. Whatever else the argument is (an environment variable, a setting) adds
nothing.
"""
from __future__ import annotations

import ast
import json
import os
import re
from typing import Optional

# a statement editing sys.path: at the start of a line, or after another statement and a semicolon
# (`import sys; sys.path.append("../src")`)
_EDIT = re.compile(r"(?:^|;)[ \t]*(sys\.path\.(?:append|insert)\(.*)$", re.M)
_OS_PATH = frozenset({"abspath", "normpath", "realpath", "expanduser"})
_PATH_KEEPS = frozenset({"resolve", "absolute", "expanduser"})
MAX_BYTES = 8 * 1024 * 1024  # a notebook with outputs larger than this is not searched


def added_folders(folder: str, names) -> list[str]:
    """The existing folders that the `.py` / `.ipynb` files `names` of `folder` add to sys.path, in
    the order met."""
    out: list[str] = []
    for name in names:
        if not name.endswith((".py", ".ipynb")):
            continue
        path = os.path.join(folder, name)
        try:
            if os.path.getsize(path) > MAX_BYTES:
                continue
            with open(path, "rb") as handle:
                data = handle.read()
        except OSError:
            continue
        if b"sys.path" not in data:
            continue
        text = _notebook_code(data) if name.endswith(".ipynb") else data.decode("utf-8", "replace")
        for match in _EDIT.finditer(text):
            found = _argument_folder(match.group(1), path)
            if found is not None and found not in out and os.path.isdir(found):
                out.append(found)
    return out


def _notebook_code(data: bytes) -> str:
    """The code cells of a notebook, one after another (a cell's source a list of lines or one
    string); "" when it is not one."""
    try:
        cells = json.loads(data).get("cells", [])
    except (ValueError, AttributeError):
        return ""
    parts = []
    for cell in cells if isinstance(cells, list) else ():
        if isinstance(cell, dict) and cell.get("cell_type") == "code":
            source = cell.get("source", "")
            parts.append("".join(source) if isinstance(source, list) else str(source))
    return "\n".join(parts)


def _argument_folder(line: str, path: str) -> Optional[str]:
    """The folder the edit at the start of `line` adds (what follows it on the line — another
    statement after a semicolon, a comment — left out), or None."""
    tree = None
    for end in [len(line)] + [i for i, ch in enumerate(line) if ch in ";#"]:
        try:
            tree = ast.parse(line[:end].strip(), mode="eval")
            break
        except (SyntaxError, ValueError):
            continue
    if tree is None:
        return None
    call = tree.body
    if not isinstance(call, ast.Call) or call.keywords or not isinstance(call.func, ast.Attribute):
        return None
    args = call.args
    if call.func.attr == "insert":
        if len(args) != 2:
            return None
        args = args[1:]
    if len(args) != 1:
        return None
    value = _path_of(args[0], path, 0)
    if value is None:
        return None
    if not os.path.isabs(value):
        value = os.path.join(os.path.dirname(path), value)
    return os.path.normpath(os.path.abspath(value))


def _path_of(node: ast.expr, path: str, depth: int) -> Optional[str]:
    """The path `node` computes, relative paths as written; None when not known."""
    if depth > 12:
        return None
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return os.path.expanduser(node.value) if node.value else None
    if isinstance(node, ast.Name) and node.id == "__file__":
        return path
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Div):  # Path(...) / "src"
        left, right = _path_of(node.left, path, depth + 1), _path_of(node.right, path, depth + 1)
        return os.path.join(left, right) if left is not None and right is not None else None
    if isinstance(node, ast.Attribute):
        if node.attr == "parent":
            inner = _path_of(node.value, path, depth + 1)
            return _parent(inner) if inner is not None else None
        return None
    if isinstance(node, ast.Subscript) and isinstance(node.value, ast.Attribute) and node.value.attr == "parents" \
            and isinstance(node.slice, ast.Constant) and type(node.slice.value) is int and 0 <= node.slice.value < 8:
        inner = _path_of(node.value.value, path, depth + 1)
        for _ in range(node.slice.value + 1):
            inner = _parent(inner) if inner is not None else None
        return inner
    if not isinstance(node, ast.Call) or node.keywords:
        return None
    func, args = node.func, node.args
    name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
    if name in ("getcwd", "cwd") and not args:
        return os.curdir
    if name in ("str", "Path", "PurePath", "fspath", *_OS_PATH) and len(args) == 1:
        return _path_of(args[0], path, depth + 1)
    if name in _PATH_KEEPS and isinstance(func, ast.Attribute) and not args:  # Path(__file__).resolve()
        return _path_of(func.value, path, depth + 1)
    if name == "dirname" and len(args) == 1:
        inner = _path_of(args[0], path, depth + 1)
        return _parent(inner) if inner is not None else None
    if name == "join" and args:
        parts = [_path_of(a, path, depth + 1) for a in args]
        return os.path.join(*parts) if all(p is not None for p in parts) else None
    return None


def _parent(value: str) -> str:
    """The folder above `value` as written (`..` up from a relative path that has no parent left)."""
    value = value.rstrip("/\\") or value
    if value in (os.curdir, ""):
        return os.pardir
    if os.path.basename(value) == os.pardir:
        return os.path.join(value, os.pardir)
    head = os.path.dirname(value)
    return head or os.curdir
