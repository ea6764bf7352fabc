"""One file through the pipeline: text -> parse (once) -> KerasFacts -> rules -> placed, suppressed findings."""
from __future__ import annotations

import ast
import re
import sys
from typing import Iterable, Sequence

import libcst as cst
from libcst.metadata import MetadataWrapper, PositionProvider

from regr_lint.facts import build_facts
from regr_lint.finding import Finding
from regr_lint.noqa import filter_noqa
from regr_lint.rule import Report, Rule
from regr_lint.source import SourceError, read_text

PARSE_ERROR = "RL000"
PARSE_ERROR_NAME = "parse-error"


def parse_error(path: str, message: str, line: int = 1, col: int = 1) -> Finding:
    return Finding(path, max(line, 1), max(col, 1), PARSE_ERROR, message, PARSE_ERROR_NAME, max(line, 1), max(col, 1))


def lint_file(path: str, rules: Sequence[Rule], *, display_path: str | None = None,
              text: str | None = None) -> list[Finding]:
    """Lint one file (or `text` as if it were that file). Never raises for a bad file: RL000 instead."""
    shown = display_path or path
    if text is None:
        try:
            text = read_text(path)
        except SourceError as exc:
            return [parse_error(shown, str(exc))]
    return lint_text(text, shown, rules)


# CPython's parser admits expressions nested up to ~1000 levels; libcst's codegen and the facts
# walker spend a few Python frames per level, so they get room beyond the default limit of 1000.
RECURSION_LIMIT = 12000


# How deeply nested an expression may be before a file is refused (RL000). Python's own compiler
# refuses a few thousand; libcst needs ~0.15 s for 1000 and goes quadratic beyond.
AST_NESTING_LIMIT = 1000


def lint_text(text: str, path: str, rules: Sequence[Rule]) -> list[Finding]:
    old_limit = sys.getrecursionlimit()
    try:
        return _lint_text(text, path, rules)
    finally:
        sys.setrecursionlimit(old_limit)


def _stack_depth() -> int:
    depth, frame = 0, sys._getframe()
    while frame is not None:
        depth += 1
        frame = frame.f_back
    return depth


def _cpython_parse(text: str) -> None:
    """ast.parse with a nesting budget that does not depend on how deep the caller's stack is."""
    sys.setrecursionlimit(_stack_depth() + AST_NESTING_LIMIT)
    try:
        ast.parse(text)
    finally:
        sys.setrecursionlimit(max(RECURSION_LIMIT, _stack_depth() + RECURSION_LIMIT))


def _lint_text(text: str, path: str, rules: Sequence[Rule]) -> list[Finding]:
    active = [r for r in rules if all(tok in text for tok in r.tokens)]
    if not active:
        # The cheap pre-check: nothing here can concern any rule, so the file is never parsed.
        return []
    # CPython's own parser goes first (about a tenth of libcst's time): it bounds the nesting that
    # reaches libcst, whose native parser is quadratic on, and can overflow the C stack with,
    # thousands of nested operands. Parsing to an AST never runs the code.
    try:
        _cpython_parse(text)
        cpython_error = None
    except SyntaxError as err:
        if "too many nested" in (err.msg or ""):
            return [parse_error(path, f"syntax error: {err.msg}", err.lineno or 1, err.offset or 1)]
        cpython_error = err  # maybe only newer syntax than this interpreter's: let libcst decide
    except (RecursionError, MemoryError) as exc:
        return [parse_error(path, f"cannot parse: nested too deeply for Python's parser ({type(exc).__name__})")]
    except ValueError as exc:  # null bytes on Python < 3.12
        return [parse_error(path, f"cannot parse: {exc}")]
    try:
        module = cst.parse_module(text)
    except cst.ParserSyntaxError as exc:
        return [_syntax_error(path, exc, cpython_error)]
    except (RecursionError, MemoryError, ValueError) as exc:
        return [parse_error(path, f"cannot parse: {type(exc).__name__}: {exc}")]
    try:
        facts = build_facts(module)
    except RecursionError:
        return []  # absurdly deep code: nothing can be said with confidence
    reports: list[tuple[Rule, Report]] = []
    seen: set[tuple[str, int]] = set()
    for rule in active:
        try:
            found = list(rule.check(facts))
        except RecursionError:
            continue
        for rep in found:
            key = (rule.code, id(rep.node))
            if key not in seen:
                seen.add(key)
                reports.append((rule, rep))
    if not reports:
        return []
    try:
        placed = list(_place(module, path, reports))
    except RecursionError:
        return [parse_error(path, "cannot analyse: nested too deeply to compute positions")]
    return sorted(filter_noqa(placed, text))


def _syntax_error(path: str, exc: cst.ParserSyntaxError, cpython_error: SyntaxError | None) -> Finding:
    # CPython words errors the way users know them ("Missing parentheses in call to 'print'") and
    # points at the right token; libcst's message is the fallback.
    if cpython_error is not None:
        err = cpython_error
        return parse_error(path, f"syntax error: {err.msg}", err.lineno or 1, err.offset or 1)
    m = re.search(r"error at (\d+):(\d+)", exc.message)
    line, col = (int(m.group(1)), int(m.group(2)) + 1) if m else (exc.raw_line, exc.raw_column + 1)
    return parse_error(path, f"syntax error: {exc.message}", line, col)


def _place(module: cst.Module, path: str, reports: list[tuple[Rule, Report]]) -> Iterable[Finding]:
    # Positions are computed only for files that report something (PositionProvider is a full codegen pass).
    positions = MetadataWrapper(module, unsafe_skip_copy=True).resolve(PositionProvider)
    spans = _statement_spans(module, positions)
    for rule, rep in reports:
        rng = positions.get(rep.node)
        if rng is None:
            continue
        line = rng.start.line
        stmt = _innermost(spans, line)
        yield Finding(
            path, line, rng.start.column + 1, rule.code, rep.message, rule.name,
            rng.end.line, rng.end.column + 1,
            stmt[0] if stmt else line, stmt[1] if stmt else line,
        )


def _statement_spans(module: cst.Module, positions) -> list[tuple[int, int]]:
    spans = []
    stack: list[cst.CSTNode] = list(module.body)
    while stack:
        node = stack.pop()
        rng = positions.get(node)
        if isinstance(node, cst.SimpleStatementLine):
            if rng:
                spans.append((rng.start.line, rng.end.line))
        elif isinstance(node, cst.BaseCompoundStatement):
            body = getattr(node, "body", None)
            inner = getattr(body, "body", ())
            if isinstance(inner, (list, tuple)):
                stack.extend(inner)
            if rng:
                # The header alone (`if …:`, `def f(…):`) is the statement for findings that sit in it.
                hdr_end = positions[body].start.line if body in positions else rng.start.line
                spans.append((rng.start.line, hdr_end))
            for extra in ("orelse", "finalbody"):
                sub = getattr(node, extra, None)
                if sub is not None:
                    stack.append(sub)
            for handler in getattr(node, "handlers", ()) or ():
                stack.append(handler)
        elif isinstance(node, (cst.Else, cst.Finally, cst.ExceptHandler, cst.If)):
            stack.extend(getattr(node.body, "body", ()))
        elif isinstance(node, cst.IndentedBlock):
            stack.extend(node.body)
    return spans


def _innermost(spans: list[tuple[int, int]], line: int) -> tuple[int, int] | None:
    best = None
    for start, end in spans:
        if start <= line <= end and (best is None or end - start < best[1] - best[0]):
            best = (start, end)
    return best
