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
import difflib
import io
import sys
import tokenize
from dataclasses import dataclass, field
from typing import Callable, Optional, Sequence

from regr_lint.lazy import cst

from regr_lint.engine.finding import Finding
from regr_lint.input.textmap import _ordered, line_starts, splice
from regr_lint.model.bindings import NameBindings
from regr_lint.rewrite import add_imports, is_removal
from regr_lint.rule import Fix, Rule

MAX_PASSES = 10


def applicable(fix: Optional[Fix], unsafe: bool) -> bool:
    """Whether `fix` is applied (and shown as fixable) in this mode."""
    return fix is not None and bool(fix.edits or fix.imports) and (fix.safe or unsafe)


# -- removing elements from comma-separated sequences, tidily -----------------------------------------

# -- where libcst's positions are in the file ----------------------------------------------------------

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
    from regr_lint.engine.lint import recursion_budget

    with recursion_budget():
        return _fix_text(text, path, rules, unsafe, keep, max_passes)


def _fix_text(text: str, path: str, rules: Sequence[Rule], unsafe: bool, keep: Callable[[Finding], bool],
              max_passes: int) -> FixResult:
    from regr_lint.engine.lint import lint_source

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
    try:
        encoding, bom = encoding_of(original)
        original.decode(encoding)
    except (SyntaxError, UnicodeDecodeError, LookupError):
        # read with its stray bytes replaced (input.source.decode): writing the text back would
        # change them
        raise WriteError("the file does not decode as its encoding (stray bytes in its comments): "
                         "not rewritten") from None
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
