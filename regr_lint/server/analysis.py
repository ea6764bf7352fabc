"""What the language server says about a document, in the linter's own terms (no LSP types here).

A document is linted as `regr-lint check --stdin-filename PATH` lints it: the settings of PATH's own
project (its select / ignore / per-file-ignores / exclude), the project index of PATH's project root,
and the buffer's text, not the disk's. A notebook's code cells are joined and linted as the CLI lints
an .ipynb (regr_lint.input.notebook); each finding keeps its cell.

Positions here are 0-based lines and code-point columns of the text they belong to (a cell's own
text for a notebook); `protocol` turns them into the client's units.

Everything here runs on the server's one lint thread: the engine changes process-wide state (the
recursion limit, the size limit of source files) and the project memos are plain dicts."""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Optional

from regr_lint.engine import crossmodule
from regr_lint.engine.finding import Finding
from regr_lint.engine.lint import PARSE_ERROR, NotAnalysed, lint_notebook, lint_text
from regr_lint.engine.noqa import noqa_lines
from regr_lint.engine.registry import load_registry
from regr_lint.engine.severity import assign as severity_assign
from regr_lint.fixes.add_noqa import _with_noqa
from regr_lint.fixes.apply import applicable, fix_text
from regr_lint.input import notebook
from regr_lint.input.config import Config, ConfigError, Projects
from regr_lint.input.selection import Layer, matches
from regr_lint.input.source import configure as configure_source
from regr_lint.project import link as project_link
from regr_lint.run.settings import RuleSettings
from regr_lint.verify.report import rule_documentation

# Lines end where the engine's line numbers say they do (\r\n, \r or \n; not str.splitlines' \f …).
_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$")
_NOQA_CODES = re.compile(r"#\s*noqa:\s*(?P<codes>[A-Z]+[0-9]+(?:[\s,]+[A-Z]+[0-9]+)*)", re.IGNORECASE)
_CODE = re.compile(r"[A-Z]+[0-9]+", re.IGNORECASE)
CONFIG_FILES = ("pyproject.toml", "regr-lint.toml")


def lines_of(text: str) -> list[str]:
    """The lines of `text`, endings kept, numbered as the engine numbers them."""
    return _LINE.findall(text)


def severity(finding: Finding, rule: object = None) -> str:
    """'error' or 'warning': the finding's own (assigned from its project's `severity` table when
    the lint finishes), else its rule's default, else 'error'. The one place the server reads one."""
    return getattr(finding, "severity", None) or getattr(rule, "severity", None) or "error"


@dataclass(frozen=True)
class Edit:
    """Replace [line:col, end_line:end_col) of a text (0-based lines, code points) with `text`;
    `cell` (1-based among the notebook's linted code cells) names the cell's text, 0 the document."""

    line: int
    col: int
    end_line: int
    end_col: int
    text: str
    cell: int = 0


@dataclass
class Result:
    """A lint of one document (or notebook): its findings, and what code actions need."""

    findings: list[Finding] = field(default_factory=list)
    problem: Optional[str] = None  # the settings cannot be read: said to the user, nothing linted
    note: Optional[str] = None  # linted nothing, and why (excluded, not analysed): for the log
    unsafe: bool = False  # the project's `unsafe-fixes = true`
    context: Optional["Context"] = None


@dataclass
class Context:
    path: str
    config: Config
    rules: list
    ignored: list[str]

    def keep(self, f: Finding) -> bool:
        return not any(matches(s, f.code) for s in self.ignored)


class Linter:
    """The settings (re-read by `reload` when a configuration file changes) and the lints."""

    def __init__(self) -> None:
        self.registry = load_registry()
        self.rules_by_code = {lr.rule.code: lr for lr in self.registry}
        self.reload()

    def reload(self) -> None:
        self.projects = Projects()
        self.settings = RuleSettings(self.registry, Layer())
        project_link.forget()

    def context(self, path: str) -> Context:
        """The settings of `path`'s project (raises ConfigError)."""
        config = self.projects.for_file(path).config
        rules, dropped = self.settings.for_config(config)
        return Context(path, config, rules, dropped + config.ignored_codes(path))

    def _start(self, path: str) -> tuple[Optional[Context], Result]:
        try:
            ctx = self.context(path)
        except ConfigError as exc:
            return None, Result(problem=str(exc))
        if ctx.config.exclude.match(path):
            return None, Result(note=f"{path}: excluded by {ctx.config.path}", context=ctx)
        configure_source(ctx.config.max_file_size)
        # Each lint reads the project afresh: modules change on disk while the server runs.
        project_link.forget()
        return ctx, Result(unsafe=ctx.config.unsafe_fixes, context=ctx)

    def _finish(self, ctx: Context, found: list[Finding], result: Result) -> Result:
        # One file is linted: a finding whose token lies in another module is shown where this
        # file brings it in (as `check FILE` does), and per-file ignores apply to what is shown.
        placed = crossmodule.resolve([f for f in found if f.reported_from or ctx.keep(f)], [ctx.path])
        result.findings = severity_assign([f for f in placed if ctx.keep(f)], ctx.config)
        return result

    def lint_python(self, path: str, text: str) -> Result:
        ctx, result = self._start(path)
        if ctx is None:
            return result
        try:
            found = lint_text(text, path, ctx.rules)
        except NotAnalysed as exc:
            result.note = str(exc)
            return result
        return self._finish(ctx, found, result)

    def lint_cells(self, path: str, cells: list[str]) -> Result:
        ctx, result = self._start(path)
        if ctx is None:
            return result
        try:
            found = lint_notebook(notebook_json(cells), path, ctx.rules)
        except NotAnalysed as exc:
            result.note = str(exc)
            return result
        return self._finish(ctx, found, result)

    # ------------------------------------------------------------------ code actions

    def fix_all_python(self, text: str, result: Result) -> list[Edit]:
        """The fixer's edits of `text` (safe fixes, and unsafe ones when the project enables
        them), as `check --fix` makes them."""
        ctx = result.context
        if ctx is None or not any(self.fixable(f, result.unsafe) for f in result.findings):
            return []
        configure_source(ctx.config.max_file_size)
        project_link.forget()
        fixed = fix_text(text, ctx.path, ctx.rules, unsafe=result.unsafe, keep=ctx.keep)
        starts = _starts(text)
        return [Edit(*_at(starts, a), *_at(starts, b), new) for a, b, new in fixed.edits]

    def fix_all_cells(self, cells: list[str], result: Result) -> list[Edit]:
        """As `fix_all_python`, for a notebook's cells: each changed cell replaced whole."""
        ctx = result.context
        if ctx is None or not any(self.fixable(f, result.unsafe) for f in result.findings):
            return []
        configure_source(ctx.config.max_file_size)
        project_link.forget()

        def fix_source(source: str):
            fixed = fix_text(source, ctx.path, ctx.rules, unsafe=result.unsafe, keep=ctx.keep)
            return fixed.text, fixed.fixed

        try:
            new, count = notebook.fix_notebook(notebook_json(cells), fix_source)
        except (notebook.NotebookError, ValueError):
            return []
        if not count:
            return []
        out = []
        for i, (old, now) in enumerate(zip(cells, _code_sources(new)), 1):
            if old != now:
                last = lines_of(old)
                end = (len(last), 0) if old.endswith(("\n", "\r")) or not last else \
                    (len(last) - 1, len(last[-1]))
                out.append(Edit(0, 0, *end, now, cell=i))
        return out

    @staticmethod
    def fixable(f: Finding, unsafe: bool) -> bool:
        return f.fix is not None and applicable(f.fix.fix, unsafe)

    @staticmethod
    def fix_edits(f: Finding) -> list[Edit]:
        """A finding's own fix, as the engine placed it (in its cell for a notebook)."""
        if f.fix is None:
            return []
        return [Edit(e["line"] - 1, e["column"] - 1, e["end_line"] - 1, e["end_column"] - 1, e["content"],
                     e.get("cell", 0)) for e in f.fix.edits]

    @staticmethod
    def noqa_edit(f: Finding, text: str, cells: Optional[list[str]] = None) -> Optional[Edit]:
        """The `# noqa: CODE` edit `check --add-noqa` would make for `f` (merged into the line's
        own noqa), on the last line of its statement. None for RL000, for a line a noqa of its own
        covers already, and in a notebook for a masked IPython line (the comment would become the
        magic's argument)."""
        if f.code == PARSE_ERROR:
            return None
        number = f.stmt_end_line or f.line
        if cells is None:
            lines = lines_of(text)
            if not 1 <= number <= len(lines):
                return None
            line, have, cell, n = lines[number - 1], noqa_lines(text).get(number), 0, number
        else:
            nb = notebook.load(notebook_json(cells))
            cell, n = nb.locate(number)
            original, masked = nb.cells[cell - 1]
            if not 1 <= n <= len(original) or masked[n - 1] != original[n - 1][nb.shift(cell, n):]:
                return None
            line, have = original[n - 1], noqa_lines(nb.text).get(number)
        new = _with_noqa(line, {f.code}, have)
        if new is None:
            return None
        body = line.rstrip("\r\n")
        return Edit(n - 1, 0, n - 1, len(body), new.rstrip("\r\n"), cell)

    def hover(self, text: str, line: int, col: int) -> Optional[str]:
        """The documentation of the rule whose code is under (line, col) in a `# noqa: …` comment."""
        lines = lines_of(text)
        if not 0 <= line < len(lines) or "noqa" not in lines[line].lower():
            return None
        if line + 1 not in noqa_lines(text):
            return None  # "noqa" in a string, not a comment
        body = lines[line].rstrip("\r\n")
        for m in _NOQA_CODES.finditer(body):
            for c in _CODE.finditer(m.group("codes")):
                start, end = m.start("codes") + c.start(), m.start("codes") + c.end()
                if start <= col <= end:
                    lr = self.rules_by_code.get(c.group().upper())
                    return rule_documentation(lr) if lr is not None else None
        return None


def notebook_json(cells: list[str]) -> str:
    """A notebook holding `cells` as its code cells (what the engine reads of an .ipynb)."""
    return json.dumps({"cells": [{"cell_type": "code", "metadata": {}, "source": c} for c in cells],
                       "metadata": {}, "nbformat": 4, "nbformat_minor": 5})


def _code_sources(text: str) -> list[str]:
    data = json.loads(text)
    return ["".join(c["source"]) if isinstance(c["source"], list) else c["source"]
            for c in data["cells"] if c.get("cell_type") == "code"]


def _starts(text: str) -> list[int]:
    out, pos = [], 0
    lines = lines_of(text)
    for ln in lines:
        out.append(pos)
        pos += len(ln)
    if not lines or lines[-1].endswith(("\n", "\r")):
        out.append(pos)  # the empty line after a final line break
    return out


def _at(starts: list[int], offset: int) -> tuple[int, int]:
    """(line, column) of a code-point offset (0-based both)."""
    lo, hi = 0, len(starts) - 1
    while lo < hi:  # the last start at or before `offset`
        mid = (lo + hi + 1) // 2
        if starts[mid] <= offset:
            lo = mid
        else:
            hi = mid - 1
    return lo, offset - starts[lo]
