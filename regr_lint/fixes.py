"""Applying the fixes rules offer with their findings.

One pass: lint, choose the applicable fixes whose edits do not overlap one already chosen (sorted
order: the first finding wins), splice each edit's new code into the file's text at the place the
engine gave it (the same edits JSON output reports; imports they need go after the docstring and
`from __future__` imports), and check that the result still parses (libcst and CPython). Only the
bytes of the edits change: libcst does not write back every file as it read it, so the module is
never rendered whole, and an edit libcst's positions cannot place exactly in the text is refused.
A pass that yields a file which does not parse is retried fix by fix; the fixes that break it are
dropped and reported. Then the new text is linted again and fixed again, like ruff, until nothing
applicable remains or after MAX_PASSES passes.

Writing is all-or-nothing: a temporary file in the same folder, then `os.replace`, keeping the file's
encoding (PEP 263 cookie), UTF-8 BOM, mode, and line endings (new code uses the module's own newline).
"""
from __future__ import annotations

import ast
import codecs
import dataclasses
import difflib
import io
import os
import re
import sys
import tokenize
from dataclasses import dataclass, field
from typing import Callable, Iterable, Optional, Sequence

from regr_lint.lazy import cst

from regr_lint.bindings import NameBindings
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


# -- where libcst's positions are in the file ----------------------------------------------------------

_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+\Z")


def split_lines(text: str) -> list[str]:
    """`text`'s lines with their endings, split where Python and libcst's positions split them
    (`\r\n`, `\r`, `\n`; not at the form feeds or `\x1c`… `str.splitlines` also splits at)."""
    return _LINE.findall(text)


class TextMap:
    """Positions in libcst's code for a module (what its PositionProvider counts in) to positions in
    the file's text. libcst does not write back every file it parses as it was (a form feed at a
    line's start, a blank backslash-continuation line, a CR-only file's last line ending are lost), so
    where the two differ, lines are aligned: a span maps to the file only if every line it touches
    is one both have, unchanged and in sequence. Lines are 1-based, columns 0-based."""

    def __init__(self, code: str, text: str) -> None:
        self.text_lines = split_lines(text)
        self.code_lines = self.text_lines
        self.blocks: Optional[list[tuple[int, int, int]]] = None  # identity when None
        if code == text:
            return
        self.code_lines = code_lines = split_lines(code)
        last = self.text_lines[-1] if self.text_lines else ""
        if code_lines and not code_lines[-1].endswith(("\r", "\n")) and last.rstrip("\r\n") == code_lines[-1]:
            code_lines[-1] = last  # (the ending libcst dropped is after every position it gives)
        self.blocks = _align(code_lines, self.text_lines)

    def _block(self, index: int) -> Optional[tuple[int, int, int]]:
        for block in self.blocks or ():
            if block[0] <= index < block[0] + block[2]:
                return block
        return None

    def span(self, start: tuple[int, int], end: tuple[int, int]) -> Optional[tuple[tuple[int, int], tuple[int, int]]]:
        """The file's span for libcst's `start`..`end` (exclusive), or None when it cannot be placed exactly."""
        if self.blocks is None:
            return start, end
        first = start[0] - 1
        # an end at a line's first column is the end of the line before it
        last = end[0] - 2 if end[1] == 0 and end[0] > start[0] else end[0] - 1
        if start == end and start[1] == 0:
            block = self._block(first) or self._block(first - 1)
            if block is None:
                return None
            line = block[1] + (first - block[0]) + 1
            return (line, 0), (line, 0)
        block = self._block(first)
        if block is None or not block[0] <= last < block[0] + block[2]:
            return None
        shift = block[1] - block[0]
        return (start[0] + shift, start[1]), (end[0] + shift, end[1])

    def line(self, number: int) -> int:
        """The file's line for libcst's line `number` (1-based), where findings are reported and
        `# noqa` is read. A line libcst changed (a form feed dropped) keeps the shift of the lines
        before it."""
        if self.blocks is None:
            return number
        shift = 0
        for block in self.blocks:
            if block[0] > number - 1:
                break
            shift = block[1] - block[0]
        return number + shift

    def end(self) -> tuple[int, int]:
        """Where the file's text ends."""
        lines = self.text_lines
        if not lines:
            return 1, 0
        if lines[-1].endswith(("\r", "\n")):
            return len(lines) + 1, 0
        return len(lines), len(lines[-1])


def _align(a: list[str], b: list[str], window: int = 4) -> list[tuple[int, int, int]]:
    """The runs of equal lines, (i, j, n): a[i:i+n] == b[j:j+n], in order. libcst only drops, joins or
    changes a line here and there, so a walk that re-synchronises within a few lines finds them in
    linear time (difflib's matcher is quadratic on files with many equal lines, blank ones)."""
    blocks: list[list[int]] = []
    i = j = 0
    while i < len(a) and j < len(b):
        if a[i] != b[j]:
            i, j = _resync(a, b, i, j, window)
            continue
        if blocks and blocks[-1][0] + blocks[-1][2] == i and blocks[-1][1] + blocks[-1][2] == j:
            blocks[-1][2] += 1
        else:
            blocks.append([i, j, 1])
        i, j = i + 1, j + 1
    return [(x, y, n) for x, y, n in blocks]


def _resync(a: list[str], b: list[str], i: int, j: int, window: int) -> tuple[int, int]:
    if b[j].rstrip("\r\n").strip(" \t\x0c") == "\\":
        return i, j + 1  # a line that is only a backslash continuation: libcst drops it
    # the nearest lines that agree again (blank ones agree anywhere: with the two after them too); at
    # equal distance a changed line (as many lines skipped on both sides) first
    for total in range(1, 2 * window + 1):
        for di in sorted(range(max(0, total - window), min(total, window) + 1), key=lambda d: abs(2 * d - total)):
            x, y = i + di, j + total - di
            if x < len(a) and y < len(b) and a[x] == b[y] and (a[x].strip() or a[x + 1:x + 3] == b[y + 1:y + 3]):
                return x, y
    return i + 1, j + 1


def line_starts(text: str) -> list[int]:
    """The offset in `text` where each line starts, and one past the last line: `text`'s length."""
    starts = [0]
    for line in split_lines(text):
        starts.append(starts[-1] + len(line))
    return starts


# -- one pass -------------------------------------------------------------------------------------------

def _subtree_ids(node: cst.CSTNode) -> set[int]:
    ids, stack = set(), [node]
    while stack:
        n = stack.pop()
        ids.add(id(n))
        stack.extend(n.children)
    return ids


def render(module: cst.Module, fixes: Sequence[Fix]) -> str:
    """The module with `fixes` applied by libcst and rendered whole: what splicing the fixes' placed
    edits into a file libcst round-trips gives (the tests compare the two); never used to write a
    file, since libcst does not round-trip every file."""
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


def _key(code: str, fx: Fix) -> tuple:
    mod = cst.Module([])
    parts = []
    for e in fx.edits:
        new = "" if is_removal(e.replacement) else _code(mod, e.replacement)
        parts.append((_code(mod, e.node), new))
    return (code, fx.message, tuple(parts), tuple(fx.imports))


def _code(mod: cst.Module, node: object) -> str:
    try:
        if isinstance(node, cst.FlattenSentinel):
            return "".join(mod.code_for_node(n) for n in node.nodes)
        return mod.code_for_node(node)  # type: ignore[arg-type]
    except Exception:  # noqa: BLE001 - a node a rule built badly: its type is all that can be said
        return f"<unwritable {type(node).__name__}>"


def splice(text: str, edits: Iterable[tuple[int, int, str]]) -> str:
    """`text` with each (start, end, content) edit made (offsets in `text`; edits never overlap, and
    the same insertion twice, say two fixes' `import math`, is made once). Nothing else changes."""
    out, pos = [], 0
    for start, end, content in _ordered(edits):
        out.append(text[pos:start])
        out.append(content)
        pos = end
    out.append(text[pos:])
    return "".join(out)


def _ordered(edits: Iterable[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    out, inserted = [], set()
    for start, end, content in sorted(edits, key=lambda e: (e[0], e[1])):
        if start == end:
            if (start, content) in inserted:
                continue
            inserted.add((start, content))
        out.append((start, end, content))
    return out


def _offsets(starts: list[int], finding: Finding) -> Optional[list[tuple[int, int, str]]]:
    """The finding's placed edits as offsets in the text whose `line_starts` are `starts`."""
    out = []
    for e in finding.fix.edits:
        start = _offset(starts, e["line"], e["column"])
        end = _offset(starts, e["end_line"], e["end_column"])
        if start is None or end is None or end < start:
            return None
        out.append((start, end, e["content"]))
    return out


def _offset(starts: list[int], line: int, column: int) -> Optional[int]:
    if not 1 <= line <= len(starts) or column < 1:
        return None
    offset = starts[line - 1] + column - 1
    return offset if offset <= starts[min(line, len(starts) - 1)] else None


def _overlap(edits: list[tuple[int, int, str]], taken: list[tuple[int, int, str]]) -> bool:
    for a, b, content in edits:
        for c, d, other in taken:
            if (a < d and c < b) or (a == b and c < a < d) or (c == d and a < c < b):
                return True
    return False


def apply_pass(text: str, candidates: Sequence[Finding], on_drop: Callable[[Finding, str], None],
               made: Optional[list] = None) -> tuple[Optional[str], list[Finding]]:
    """Apply the non-overlapping `candidates` (in order) to `text`: (new text, the fixes applied).
    Only the bytes of their edits change: each edit's code goes into the text at its place."""
    starts = line_starts(text)
    chosen: list[tuple[Finding, list]] = []
    taken: list[tuple[int, int, str]] = []
    for f in candidates:
        edits = _offsets(starts, f)
        if edits is None or any(_overlap([e], edits[:i]) for i, e in enumerate(edits)):
            on_drop(f, "cannot apply: its edits do not fit the file")
            continue
        if _overlap(edits, taken):
            continue  # overlaps a fix already chosen: the next pass gets it
        chosen.append((f, edits))
        taken.extend(edits)
    if not chosen:
        return None, []
    code, problem = _try(text, [e for _, e in chosen])
    if problem is None:
        if made is not None:
            made.extend(e for _, edits in chosen for e in edits)
        return code, [f for f, _ in chosen]
    # Something breaks the file: find which, one fix at a time.
    good: list[tuple[Finding, list]] = []
    code = None
    for f, edits in chosen:
        attempt, problem = _try(text, [e for _, e in good] + [edits])
        if problem is None:
            good.append((f, edits))
            code = attempt
        else:
            on_drop(f, problem)
    if made is not None:
        made.extend(e for _, edits in good for e in edits)
    return code, [f for f, _ in good]


def _try(text: str, edits: list[list[tuple[int, int, str]]]) -> tuple[str, Optional[str]]:
    code = splice(text, [e for group in edits for e in group])
    return code, parse_problem(code)


def _carry(kept: list[tuple[int, int, int]], edits: list[tuple[int, int, str]]) -> list[tuple[int, int, int]]:
    """The stretches of the original text still unchanged, (start, end, where they are in the current
    text), after `edits` (offsets in the current text) are made."""
    edits = _ordered(edits)
    out = []
    for o, oe, c in kept:
        pieces = [(c, c + oe - o)]
        for a, b, _ in edits:
            nxt = []
            for s, e in pieces:
                if a == b:
                    nxt.extend([(s, a), (a, e)] if s < a < e else [(s, e)])
                else:
                    nxt.extend(p for p in ((s, min(e, a)), (max(s, b), e)) if p[0] < p[1])
            pieces = nxt
        for s, e in pieces:
            shift = sum(len(content) - (b - a) for a, b, content in edits if b <= s)
            out.append((o + s - c, o + e - c, s + shift))
    return out


def _edits_from(kept: list[tuple[int, int, int]], text: str, new: str) -> list[tuple[int, int, str]]:
    """The edits, in offsets of `text`, that make `new` of it: what lies between the unchanged stretches."""
    out = []
    prev_o = prev_c = 0
    for o, oe, c in kept + [(len(text), len(text), len(new))]:
        if o > prev_o or c > prev_c:
            out.append((prev_o, o, new[prev_c:c]))
        prev_o, prev_c = oe, c + oe - o
    return out


# -- the loop -------------------------------------------------------------------------------------------

@dataclass
class FixResult:
    text: str  # the fixed source (the input when nothing was fixed)
    findings: list[Finding]  # what remains, placed in `text`
    fixed: int = 0  # fixes applied
    dropped: list[str] = field(default_factory=list)  # "path: fix for RL101 dropped: …"
    applied: list = field(default_factory=list)  # (code, name) of every fix applied, for --show-fixes
    # What changed, as (start, end, new text) edits of the input (offsets in the input `text`), all
    # passes together: every byte of the input outside them is in `text` as it was.
    edits: list = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return self.fixed > 0


def fix_text(text: str, path: str, rules: Sequence[Rule], *, unsafe: bool = False,
             keep: Callable[[Finding], bool] = lambda f: True, max_passes: int = MAX_PASSES) -> FixResult:
    """Lint `text` and apply its applicable fixes until none is left (at most `max_passes` passes).
    Runs under the recursion budget linting has, so a file nested as deeply as linting accepts is
    fixed, not dropped."""
    from regr_lint.engine import recursion_budget

    with recursion_budget():
        return _fix_text(text, path, rules, unsafe, keep, max_passes)


def _fix_text(text: str, path: str, rules: Sequence[Rule], unsafe: bool, keep: Callable[[Finding], bool],
              max_passes: int) -> FixResult:
    from regr_lint.engine import lint_source

    result = FixResult(text, [])
    banned: set[tuple] = set()

    def drop(f: Finding, why: str, fix: Optional[Fix] = None) -> None:
        banned.add(_key(f.code, fix or f.fix.fix))
        result.dropped.append(f"{path}: fix for {f.code} dropped: {why}")

    current = text
    kept = [(0, len(text), 0)]
    findings: Optional[list[Finding]] = None
    for _ in range(max_passes):
        unplaced: list = []
        found, module = lint_source(current, path, rules, unplaced)
        findings = [f for f in found if keep(f)]
        for f, fix, why in unplaced:
            if keep(f) and applicable(fix, unsafe) and _key(f.code, fix) not in banned:
                drop(f, why, fix)
        candidates = [f for f in findings if f.fix is not None and applicable(f.fix.fix, unsafe)
                      and _key(f.code, f.fix.fix) not in banned]
        candidates = _unshadowed(candidates, current, drop)
        if not candidates or module is None:
            break
        dropped_before = len(result.dropped)
        applied_edits: list = []
        new, applied = apply_pass(current, candidates, drop, applied_edits)
        if not applied or new is None or new == current:
            if applied and new == current:
                for f in applied:  # a fix that changes nothing would loop for ever
                    banned.add(_key(f.code, f.fix.fix))
                continue
            if len(result.dropped) > dropped_before:
                continue  # the broken fixes are set aside: the others may apply now
            break
        result.fixed += len(applied)
        result.applied.extend((f.code, f.name) for f in applied)
        kept = _carry(kept, applied_edits)
        current = new
        findings = None
    if findings is None:
        found, _ = lint_source(current, path, rules)
        findings = [f for f in found if keep(f)]
    result.text = current
    result.findings = findings
    result.edits = _edits_from(kept, text, current) if current != text else []
    return result


def _unshadowed(candidates: list[Finding], text: str, drop: Callable) -> list[Finding]:
    """The candidates whose `imports` name their module wherever the file is: a fix that adds
    `import math` and writes `math.ceil(...)` where `math` is a variable would break the program."""
    if not any(f.fix.fix.imports for f in candidates):
        return candidates
    names = NameBindings.of_text(text)
    out = []
    for f in candidates:
        taken = [m for m in f.fix.fix.imports
                 if names is None or not names.module_is_free(m.partition(".")[0])]
        if taken:
            drop(f, f"`{taken[0].partition('.')[0]}` is bound to something else in this file")
        else:
            out.append(f)
    return out


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
