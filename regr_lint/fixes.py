"""Applying the fixes rules offer with their findings.

One pass: lint, choose the applicable fixes whose edits do not overlap one already chosen (sorted
order: the first finding wins), replace their nodes by identity in one libcst transformer, add the
imports they need, and check that the result still parses (libcst and CPython). A pass that yields a
file which does not parse is retried fix by fix; the fixes that break it are dropped and reported.
Then the new text is linted again and fixed again, like ruff, until nothing applicable remains or
after MAX_PASSES passes.

Writing is all-or-nothing: a temporary file in the same folder, then `os.replace`, keeping the file's
encoding (PEP 263 cookie), UTF-8 BOM, mode, and line endings (libcst writes every line ending it
read; new code uses the module's own newline).
"""
from __future__ import annotations

import ast
import codecs
import dataclasses
import difflib
import io
import os
import sys
import tokenize
from dataclasses import dataclass, field
from typing import Callable, Iterable, Optional, Sequence

from regr_lint.lazy import cst

from regr_lint.files import write_atomic  # noqa: F401 - re-exported for callers
from regr_lint.finding import Finding
from regr_lint.rule import Fix, Rule

MAX_PASSES = 10


def is_removal(replacement: object) -> bool:
    return replacement is cst.RemovalSentinel.REMOVE


def applicable(fix: Optional[Fix], unsafe: bool) -> bool:
    """Whether `fix` is applied (and shown as fixable) in this mode."""
    return fix is not None and bool(fix.edits or fix.imports) and (fix.safe or unsafe)


# -- removing elements from comma-separated sequences, tidily -----------------------------------------

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


# -- one pass -------------------------------------------------------------------------------------------

def _subtree_ids(node: cst.CSTNode) -> set[int]:
    ids, stack = set(), [node]
    while stack:
        n = stack.pop()
        ids.add(id(n))
        stack.extend(n.children)
    return ids


def render(module: cst.Module, fixes: Sequence[Fix]) -> str:
    replace: dict[int, object] = {}
    remove: set[int] = set()
    for fx in fixes:
        for edit in fx.edits:
            if is_removal(edit.replacement):
                remove.add(id(edit.node))
            else:
                replace[id(edit.node)] = edit.replacement
    from regr_lint.edits import ApplyEdits  # a libcst class: built when first needed

    new = module.visit(ApplyEdits(replace, remove)) if (replace or remove) else module
    new = add_imports(new, [name for fx in fixes for name in fx.imports])
    return new.code


def parse_problem(code: str) -> Optional[str]:
    """Why `code` cannot be used as a Python file (None when both libcst and CPython parse it)."""
    try:
        cst.parse_module(code)
    except Exception as exc:  # noqa: BLE001 - ParserSyntaxError, RecursionError …
        return f"result would not parse ({type(exc).__name__})"
    try:
        ast.parse(code)
    except (SyntaxError, ValueError, RecursionError, MemoryError) as exc:
        return f"result would not parse ({type(exc).__name__}: {getattr(exc, 'msg', exc)})"
    return None


def _key(finding: Finding) -> tuple:
    fx = finding.fix.fix
    mod = cst.Module([])
    parts = []
    for e in fx.edits:
        new = "" if is_removal(e.replacement) else _code(mod, e.replacement)
        parts.append((_code(mod, e.node), new))
    return (finding.code, fx.message, tuple(parts), tuple(fx.imports))


def _code(mod: cst.Module, node: object) -> str:
    try:
        if isinstance(node, cst.FlattenSentinel):
            return "".join(mod.code_for_node(n) for n in node.nodes)
        return mod.code_for_node(node)  # type: ignore[arg-type]
    except Exception:  # noqa: BLE001
        return repr(node)


def apply_pass(module: cst.Module, candidates: Sequence[Finding], on_drop: Callable[[Finding, str], None]
               ) -> tuple[Optional[str], list[Finding]]:
    """Apply the non-overlapping `candidates` (in order) to `module`: (new code, the fixes applied)."""
    chosen: list[Finding] = []
    claimed: set[int] = set()
    for f in candidates:
        ids: set[int] = set()
        for edit in f.fix.fix.edits:
            ids |= _subtree_ids(edit.node)
        if ids & claimed:
            continue  # overlaps a fix already chosen: the next pass gets it
        chosen.append(f)
        claimed |= ids
    if not chosen:
        return None, []
    code, problem = _try(module, [f.fix.fix for f in chosen])
    if problem is None:
        return code, chosen
    # Something breaks the file: find which, one fix at a time.
    good: list[Finding] = []
    code = None
    for f in chosen:
        attempt, problem = _try(module, [g.fix.fix for g in good] + [f.fix.fix])
        if problem is None:
            good.append(f)
            code = attempt
        else:
            on_drop(f, problem)
    return code, good


def _try(module: cst.Module, fixes: list[Fix]) -> tuple[Optional[str], Optional[str]]:
    try:
        code = render(module, fixes)
    except Exception as exc:  # noqa: BLE001 - a bad replacement node from a rule
        return None, f"cannot apply: {type(exc).__name__}: {exc}"
    return code, parse_problem(code)


# -- the loop -------------------------------------------------------------------------------------------

@dataclass
class FixResult:
    text: str  # the fixed source (the input when nothing was fixed)
    findings: list[Finding]  # what remains, placed in `text`
    fixed: int = 0  # fixes applied
    dropped: list[str] = field(default_factory=list)  # "path: fix for RL101 dropped: …"
    applied: list = field(default_factory=list)  # (code, name) of every fix applied, for --show-fixes

    @property
    def changed(self) -> bool:
        return self.fixed > 0


def fix_text(text: str, path: str, rules: Sequence[Rule], *, unsafe: bool = False,
             keep: Callable[[Finding], bool] = lambda f: True, max_passes: int = MAX_PASSES) -> FixResult:
    """Lint `text` and apply its applicable fixes until none is left (at most `max_passes` passes)."""
    from regr_lint.engine import lint_source

    result = FixResult(text, [])
    banned: set[tuple] = set()

    def drop(f: Finding, why: str) -> None:
        banned.add(_key(f))
        result.dropped.append(f"{path}: fix for {f.code} dropped: {why}")

    current = text
    findings: Optional[list[Finding]] = None
    for _ in range(max_passes):
        found, module = lint_source(current, path, rules)
        findings = [f for f in found if keep(f)]
        candidates = [f for f in findings if f.fix is not None and applicable(f.fix.fix, unsafe)
                      and _key(f) not in banned]
        if not candidates or module is None:
            break
        dropped_before = len(result.dropped)
        new, applied = apply_pass(module, candidates, drop)
        if not applied or new is None or new == current:
            if applied and new == current:
                for f in applied:  # a fix that changes nothing would loop for ever
                    banned.add(_key(f))
                continue
            if len(result.dropped) > dropped_before:
                continue  # the broken fixes are set aside: the others may apply now
            break
        result.fixed += len(applied)
        result.applied.extend((f.code, f.name) for f in applied)
        current = new
        findings = None
    if findings is None:
        found, _ = lint_source(current, path, rules)
        findings = [f for f in found if keep(f)]
    result.text = current
    result.findings = findings
    return result


# -- files ----------------------------------------------------------------------------------------------

class WriteError(Exception):
    pass


def encoding_of(data: bytes) -> tuple[str, bool]:
    """(codec to encode the text with, whether the file starts with a UTF-8 BOM)."""
    encoding, _ = tokenize.detect_encoding(io.BytesIO(data).readline)
    bom = data.startswith(codecs.BOM_UTF8)
    if encoding == "utf-8-sig":
        encoding = "utf-8"
    return encoding, bom


def encode_like(original: bytes, text: str) -> bytes:
    """`text` as bytes in the original file's encoding, with its BOM when it had one."""
    encoding, bom = encoding_of(original)
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError as exc:
        raise WriteError(f"the fixed text cannot be encoded as {encoding}: {exc.reason}") from None
    return (codecs.BOM_UTF8 if bom else b"") + data


def unified_diff(path: str, old: str, new: str) -> str:
    lines = difflib.unified_diff(old.splitlines(keepends=True), new.splitlines(keepends=True),
                                 fromfile=path, tofile=path)
    out = []
    for line in lines:
        if not line.endswith(("\n", "\r")):
            line += "\n\\ No newline at end of file\n"
        out.append(line)
    return "".join(out)


def warn(message: str) -> None:
    print(message, file=sys.stderr)
