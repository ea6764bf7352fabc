"""One file through the pipeline: text -> parse (once) -> KerasFacts -> rules -> placed, suppressed findings."""
from __future__ import annotations

import ast
import contextlib
import dataclasses
import os
import re
import sys
import warnings
from typing import Collection, Iterable, Sequence

from regr_lint.lazy import cst

from regr_lint.engine.finding import Finding, FixInfo
from regr_lint.engine.noqa import filter_noqa
from regr_lint.engine.unread import may_change as unread_changes
from regr_lint.input import notebook
from regr_lint.input.normalise import expand_indentation
from regr_lint.input.parsing import parse_module
from regr_lint.input.source import SourceError, read_text
from regr_lint.input.textmap import TextMap
from regr_lint.input.vocabulary import KERAS_NAMES, code_vocabulary, satisfies, shares_a_part, token_in
from regr_lint.model import build_facts
from regr_lint.model.compat import unreachable
from regr_lint.model.names import dotted_name
from regr_lint.model.trees import is_kept, keep_module
from regr_lint.project.link import (
    Vocabularies, importable, remember_vocabulary,
    imported_tokens, imported_vocabulary, imports_keras_through_project, links_project_modules, project_for,
)
from regr_lint.rewrite import import_index, import_statement, imports_module, is_removal
from regr_lint.rule import Fix, Report, Rule

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
    if path.endswith(".ipynb") or shown.endswith(".ipynb"):
        return lint_notebook(text, shown, rules)
    masked = notebook.databricks_masked(text) if text.startswith(("# Databricks", "\ufeff# Databricks")) else None
    if masked is not None:
        # a Databricks notebook's source with `%pip` / `!` lines: linted with them masked, as a
        # notebook's cells are; no fix is offered (`--fix` rewrites the file as Python parses it)
        return [dataclasses.replace(f, fix=None) for f in lint_text(masked, shown, rules)]
    return lint_text(text, shown, rules)


def lint_notebook(text: str, path: str, rules: Sequence[Rule]) -> list[Finding]:
    """A notebook's code cells, linted as one source; findings carry their cell and in-cell line."""
    if not text.strip():
        return []  # an empty placeholder file has nothing to check, as an empty .py file has not
    try:
        nb = notebook.load(text)
    except notebook.NotebookError as exc:
        return [parse_error(path, str(exc))]
    if nb.language not in ("python", "python3", "ipython", "ipython3"):
        return []  # an R or Julia notebook (its kernel's language, from its metadata): not Python to check
    found = lint_text(nb.text, path, rules)
    if len(nb.cells) > 1 and any(f.code == PARSE_ERROR for f in found):
        found = _without_broken_cells(nb, path, rules) or found
    out = []
    for f in found:
        if f.reported_from:  # its token is in another module: only its placement here is in cells
            out.append(dataclasses.replace(f, via=_in_cells(nb, f.via) if f.via is not None else None))
        else:
            out.append(_in_cells(nb, f))
    return out


def _without_broken_cells(nb, path: str, rules: Sequence[Rule]) -> list[Finding] | None:
    """Jupyter runs each cell by itself: a cell that does not parse alone (an exercise left
    unfinished, a line indented where no IPython dedents it) is reported, and the other cells are
    read without what it holds past its error (see notebook.without_unread): the findings of the
    rules whose findings code left unread cannot make wrong (`Rule.reads_partial_source`) are kept,
    those of the other rules where the unread lines change nothing their statement's story reads
    (see unread.may_change); a finding in the broken cell itself is not reported. No fix is
    offered: --fix rewrites a notebook through a parse of all its cells, and a fix's safety (the
    names it may write, what object it renames a method of) is judged on the whole notebook. None
    when no cell fails alone, every cell does, the others still do not parse together, or a broken
    cell may bind any name (a star import)."""
    broken = {}
    for i, (_, masked) in enumerate(nb.cells):
        try:
            _cpython_parse("\n".join(masked) + "\n", want_tree=False)
        except SyntaxError as err:
            # the cell's own line numbers, the message's too ("on line 5"): the joined cells' as
            # every other parse error's are, which _in_cells puts back into the cell's numbering
            msg = _ON_LINE.sub(lambda m: f"on line {int(m.group(1)) + nb.starts[i] - 1}", err.msg)
            broken[i] = parse_error(path, f"syntax error: {msg}", err.lineno or 1, err.offset or 1)
        except (RecursionError, MemoryError, ValueError):
            return None
    if not broken or len(broken) == len(nb.cells):
        return None
    read = notebook.without_unread(nb, {i: f.line for i, f in broken.items()})
    if read is None:
        return None
    try:
        rest = lint_text(read.text, path, rules)
    except NotAnalysed:
        return None
    if any(f.code == PARSE_ERROR for f in rest):
        return None
    unread = [(nb.starts[i], nb.starts[i] + len(nb.cells[i][1])) for i in broken]
    here = [f if not f.reported_from else f.via for f in rest]  # (its place in this notebook, if any)
    # A rule that follows data across statements also judges by what it does not see (the targets
    # never scaled, the model given no other head): its findings stand where the unread lines change
    # nothing the finding's statement reads (see unread.may_change)
    partial = {r.code for r in rules if r.reads_partial_source}
    judged = {at.line for f, at in zip(rest, here) if f.code not in partial and at is not None}
    stands = _unchanged(read, judged)
    rest = [dataclasses.replace(f, fix=None) for f, at in zip(rest, here)
            if (at is None or not any(start <= at.line < end for start, end in unread))
            and (f.code in partial or at is not None and at.line in stands)]
    errors = [dataclasses.replace(f, line=f.line + nb.starts[i] - 1, end_line=max(f.end_line, f.line) + nb.starts[i] - 1)
              for i, f in broken.items()]
    return sorted(errors + rest, key=lambda f: (f.line, f.col, f.code))


def _unchanged(read: "notebook.Unread", lines: set) -> set:
    """The lines among `lines` whose statements the unread lines change nothing of (see
    unread.may_change); none when the cells read do not parse for CPython."""
    if not lines:
        return set()
    with recursion_budget():
        try:
            changes = unread_changes(_cpython_parse(read.text), read.cells)
            return {line for line in lines if not changes(line)}
        except (SyntaxError, RecursionError, MemoryError, ValueError):
            return set()


def _in_cells(nb, f: Finding) -> Finding:
    cell, line = nb.locate(f.line)
    _, end = nb.locate(max(f.end_line, f.line))
    fix = None
    if f.fix is not None:
        # Its edits in the notebook's own coordinates (cell, line within it); a fix that cannot
        # be written into the cells' sources is not offered.
        edits = [nb.cell_edit(e) for e in f.fix.edits]
        if all(e is not None for e in edits):
            fix = FixInfo(f.fix.fix, tuple(edits))
    end_cell, _ = nb.locate(max(f.end_line, f.line))
    message = f.message
    if f.code == "RL000":
        # CPython's message counts lines of the joined cells ("after function definition on line
        # 158"): in the cells' own numbering, as the finding's place is
        message = _ON_LINE.sub(lambda m: _cell_line(nb, int(m.group(1)), cell), message)
    return dataclasses.replace(f, message=message, cell=cell, cell_line=line, cell_end_line=end, fix=fix,
                               col=f.col + nb.shift(cell, line),
                               end_col=f.end_col + nb.shift(end_cell, end) if f.end_col else f.end_col)


_ON_LINE = re.compile(r"\bon line (\d+)\b")


def _cell_line(nb, line: int, cell: int) -> str:
    """"on line L" for line `line` of the joined cells, "on line L of cell C" outside `cell`."""
    at, in_cell = nb.locate(line)
    return f"on line {in_cell}" if at == cell else f"on line {in_cell} of cell {at}"


# CPython's parser admits expressions nested up to ~1000 levels; libcst's codegen and the facts
# walker spend a few Python frames per level, so they get room beyond the default limit of 1000.
RECURSION_LIMIT = 12000


# How deeply nested an expression may be before a file is refused (RL000). Python's own compiler
# refuses a few thousand; libcst needs ~0.15 s for 1000 and goes quadratic beyond.
AST_NESTING_LIMIT = 1000


def lint_text(text: str, path: str, rules: Sequence[Rule]) -> list[Finding]:
    return lint_source(text, path, rules)[0]


def lint_source(text: str, path: str, rules: Sequence[Rule], unplaced: list | None = None
                ) -> tuple[list[Finding], cst.Module | None]:
    """The findings and the parsed module their fixes' nodes belong to (None when not parsed).
    A fix whose edits cannot be placed exactly in `text` is not offered (the finding has no fix);
    with `unplaced`, (finding, the rule's Fix, why) is appended there for each."""
    old_limit = sys.getrecursionlimit()
    try:
        return _lint_text(text, path, rules, unplaced)
    finally:
        sys.setrecursionlimit(old_limit)


@contextlib.contextmanager
def recursion_budget():
    """The recursion limit linting runs under (see `_cpython_parse`), for code that walks the same
    trees outside `lint_source`: the fixer checks and re-parses what it wrote."""
    old_limit = sys.getrecursionlimit()
    sys.setrecursionlimit(max(RECURSION_LIMIT, _stack_depth() + RECURSION_LIMIT))
    try:
        yield
    finally:
        sys.setrecursionlimit(old_limit)


def _stack_depth() -> int:
    depth, frame = 0, sys._getframe()
    while frame is not None:
        depth += 1
        frame = frame.f_back
    return depth


def _cpython_parse(text: str, want_tree: bool = True) -> ast.Module | None:
    """ast.parse with a nesting budget that does not depend on how deep the caller's stack is.
    Without `want_tree` (only whether the file is well formed matters) the source is compiled to
    bytecode instead, which builds no Python objects for the tree: a third of the cost. Compiling
    never runs the code; its warnings (`"is" with a literal` …) are not the linter's to print."""
    sys.setrecursionlimit(_stack_depth() + AST_NESTING_LIMIT)
    try:
        if want_tree:
            return ast.parse(text)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            compile(text, "<linted file>", "exec", dont_inherit=True)
        return None
    finally:
        sys.setrecursionlimit(max(RECURSION_LIMIT, _stack_depth() + RECURSION_LIMIT))


def active_rules(text: str, rules: Sequence[Rule], path: str = "", keras: bool = False,
                 imported: Collection[str] = ()) -> list[Rule]:
    """The cheap pre-check: the rules that apply to the path and whose tokens occur in the text
    (no parse needed to know). `keras`: the file reaches Keras through a project module, so the
    token "keras" counts as present; `imported`: the tokens found in the sources of the project
    modules it imports, where a token may be instead (a model built in models.py, compiled here)."""
    searched = _searched(text)

    def found(tok: str) -> bool:
        known = searched.get(tok)
        if known is None:
            known = searched[tok] = token_in(tok, text)
        return known

    def has(tok: str) -> bool:
        return found(tok) or (keras and tok == "keras") or tok in imported

    def own(tok) -> bool:
        # "keras" counts as the file's own when the project modules it imports bring Keras in
        # (train.py compiling what models.build() returns with losses.rmse names no Keras)
        return (found(tok) or tok == "keras" and "keras" in imported) if isinstance(tok, str) \
            else any(found(t) for t in tok)

    # With imported sources, the file itself must hold one of a rule's tokens: a finding that
    # concerns this file has a part here (the model a trainer module fits, the `compile` of a model
    # built elsewhere). A package's __init__.py re-exporting Keras code holds none: the modules it
    # names report their own.
    return [r for r in rules if r.applies_to(path) and all(
        has(tok) if isinstance(tok, str) else any(has(t) for t in tok) for tok in r.tokens)
        and (not imported or any(own(tok) for tok in r.tokens))]


_SEARCHED: list = [None, {}]  # the text last asked about, {token: whether it occurs in it}


def _searched(text: str) -> dict:
    """{token: whether it occurs in `text`}, filled as tokens are asked about: the pre-checks ask
    several times about the file being linted, each token is searched once."""
    if _SEARCHED[0] is not text:
        _SEARCHED[:] = [text, {}]
    return _SEARCHED[1]


# What `needs_parse` found for the file it was last asked about, taken (once) by that file's lint
# right after: the modules it imports are not scanned twice. Never reused later (an imported module
# may have changed on disk since).
_ACTIVE: dict = {}


def _project_active(text: str, rules: Sequence[Rule], path: str, keep: bool = False) -> list[Rule]:
    """`active_rules`, with the tokens of the project modules the file imports when its own text
    leaves some rule out."""
    key = (path, text, tuple(map(id, rules)))
    known = _ACTIVE.pop(key, None)
    _ACTIVE.clear()
    if known is None:
        known = _project_active_of(text, rules, path)
    if keep:
        _ACTIVE[key] = known
    return list(known)


def _project_active_of(text: str, rules: Sequence[Rule], path: str) -> list[Rule]:
    active = active_rules(text, rules, path)
    wider = [r for r in rules if r not in active and r.reads_other_modules]
    if path and wider and "import" in text:
        imported = imported_tokens(path, text)
        if imported:
            found = set(map(id, active_rules(text, wider, path, imported=imported)))
            return [r for r in rules if r in active or id(r) in found]
    return active


def _once(ask):
    """`ask`, asked at most once: a pre-check's second question costs nothing."""
    answer = []

    def once():
        if not answer:
            answer.append(ask())
        return answer[0]
    return once


def needs_parse(text: str, rules: Sequence[Rule], path: str = "") -> bool:
    """Whether linting `text` parses it at all: some rule's tokens occur in it or in the project
    modules it imports, or it mentions Keras (then CPython's parse checks it is well formed, for
    RL000), or one of the project modules it star-imports does (`from utils import *`), or it holds
    the rules' words but does not compile (see `_broken_with_rule_words`)."""
    if "keras" in text or _project_active(text, rules, path, keep=True):
        return True
    return bool(path) and bool(active_rules(text, rules, path, keras=True)) \
        and (imports_keras_through_project(path, text) or _broken_with_rule_words(text))


# Calls only a Keras model takes: a module naming no Keras that makes them trains a model it is handed
_TRAINER_WORDS = re.compile(r"\.(?:fit_generator|train_on_batch|predict_classes|evaluate_generator|predict_generator)\("
                            r"|\bnb_epoch\s*=|\.fit\([^()\n]*\bepochs\s*=|\.compile\([^()\n]*\bloss\s*=")


def _broken_with_rule_words(text: str) -> bool:
    """A file naming no Keras but training a model it is handed (`model.fit_generator(...)`,
    `nb_epoch=`: a trainer module given the script's model) that does not compile: what the project
    would have read of it is unknown, so it is parsed, for RL000. Compiled only, never run."""
    if not _TRAINER_WORDS.search(text):
        return False
    try:
        _cpython_parse(text, want_tree=False)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return True
    return False


def _lint_text(text: str, path: str, rules: Sequence[Rule], unplaced: list | None = None
               ) -> tuple[list[Finding], cst.Module | None]:
    active = _project_active(text, rules, path)
    if not active and "keras" not in text:
        active = active_rules(text, rules, path, keras=True) if path else []
        if not active or not imports_keras_through_project(path, text) and not _broken_with_rule_words(text):
            # The cheap pre-check (needs_parse): nothing here can concern any rule, so it is never
            # parsed — unless Keras arrives through a project module (`from utils import *`), or it
            # holds the rules' words and does not compile (RL000 below).
            return [], None
    if "\x00" in text:
        # CPython refuses a NUL byte anywhere in source (a ValueError before 3.12, then a SyntaxError
        # that libcst does not share: a NUL in a comment or a string would otherwise go unreported).
        # Reported at 1:1 as CPython does; the message says where the first one is.
        before = text[:text.index("\x00")]
        line = len(re.findall(r"\r\n|\r|\n", before)) + 1
        col = len(before) - max(before.rfind("\n"), before.rfind("\r"))
        return [parse_error(path, f"syntax error: source code cannot contain null bytes "
                                  f"(the first at line {line}, column {col})")], None
    # CPython's own parser goes first (about a tenth of libcst's time): it bounds the nesting that
    # reaches libcst, whose native parser is quadratic on, and can overflow the C stack with,
    # thousands of nested operands. Parsing to an AST never runs the code.
    tree = None
    try:
        tree = _cpython_parse(text, want_tree=bool(active))
        cpython_error = None
    except SyntaxError as err:
        if "too many nested" in (err.msg or ""):
            return [parse_error(path, f"syntax error: {err.msg}", err.lineno or 1, err.offset or 1)], None
        cpython_error = err  # maybe only newer syntax than this interpreter's: let libcst decide
    except (RecursionError, MemoryError) as exc:
        return [parse_error(path, f"cannot parse: nested too deeply for Python's parser ({type(exc).__name__})")], None
    except ValueError as exc:  # null bytes on Python < 3.12
        return [parse_error(path, f"cannot parse: {exc}")], None
    if tree is not None and any(r.names for r in active):
        # The second pre-check: the identifiers a rule needs must occur in code, not only in
        # docstrings or comments (a walk of CPython's tree costs a twentieth of libcst's parse) —
        # here or in the project modules it imports, where its imported names are defined.
        vocab = code_vocabulary(tree)
        if path and importable(path):
            remember_vocabulary(path, text, vocab)
        # The vocabularies of the modules it imports only matter when its own leaves a rule's
        # names unmet (with them met here, every rule would keep its place either way).
        short = any(not r.names or not satisfies(r.names, vocab) for r in active)
        imported = imported_vocabulary(path, text) if path and short else None
        if imported:
            own, vocab = vocab, Vocabularies((vocab, *imported.parts))
            keras_imported = any(not part.isdisjoint(KERAS_NAMES) for part in imported.parts)
            links = _once(lambda tree=tree: links_project_modules(path, tree))  # bound now: `tree` is deleted below
            # a rule that reads only the file itself (RL503's import paths) is judged on its own code
            active = [r for r in active if satisfies(r.names, own) or r.reads_other_modules
                      and satisfies(r.names, vocab) and shares_a_part(r.names, own, keras_imported, links)]
        else:
            active = [r for r in active if satisfies(r.names, vocab)]
    del tree
    if not active and cpython_error is None:
        # A Keras file no rule points at: CPython's parse (a tenth of libcst's cost) is enough to
        # say it is well formed; a broken one still goes on to get its RL000.
        return [], None
    columns = None  # set when the text analysed is not the file's own (see regr_lint.input.normalise)
    try:
        module = parse_module(text)
    except cst.ParserSyntaxError as exc:
        if cpython_error is not None:
            return [_syntax_error(path, exc, cpython_error)], None
        # CPython compiles this file, so it is no syntax error: libcst refuses only its tab
        # indentation. Analysed with that indentation expanded; no fix is offered (a fix would be
        # computed on other text).
        normalised = expand_indentation(text)
        try:
            if normalised is None:
                raise exc
            text, columns = normalised
            module = parse_module(text)
        except (cst.ParserSyntaxError, RecursionError, MemoryError, ValueError) as again:
            raise NotAnalysed(path, f"libcst cannot read this file ({_first_line(again)})") from None
    except (RecursionError, MemoryError, ValueError) as exc:
        return [parse_error(path, f"cannot parse: {type(exc).__name__}: {exc}")], None
    if columns is None and path and importable(path):
        keep_module(path, text, module)
    try:
        facts = build_facts(module, path, text, project_for(path))
    except RecursionError:
        return [], module  # absurdly deep code: nothing can be said with confidence
    reports: list[tuple[Rule, Report]] = []
    seen: set[tuple[str, int]] = set()
    for rule in active:
        try:
            found = list(rule.check(facts))
        except RecursionError:
            continue
        if found and rule.skips_unreachable:
            dead = unreachable(facts)
            found = [rep for rep in found if id(rep.node) not in dead]
        for rep in found:
            key = (rule.code, id(rep.node))
            if key not in seen:
                seen.add(key)
                reports.append((rule, rep))
    if path and columns is None and is_kept(module):
        # Only for a tree kept for the run anyway (this entry must not keep a tree alive): entries
        # whose tree was let go are dropped with it.
        for stale in [p for p, (tree, *_) in _REPORTS.items() if not is_kept(tree)]:
            del _REPORTS[stale]
        _REPORTS[os.path.abspath(path)] = (module, frozenset((rule.code, id(rep.node)) for rule, rep in reports),
                                           frozenset())
    if reports and _REPORTS:
        # A node of a module the run linted already, which reported it there: not this file's to
        # place (known by identity, before computing any position — a full pass over the file).
        reports = [(rule, rep) for rule, rep in reports if not _reported_elsewhere(path, module, rule.code, rep.node)]
    if not reports:
        return [], module
    elsewhere: list = []  # reports whose node lies in a project module the file imports
    try:
        own: list = []  # reports placed at their own node, one of this tree's
        placed = list(_place(module, path, reports, text, None if columns else unplaced, elsewhere, own))
        entry = _REPORTS.get(os.path.abspath(path)) if path else None
        if entry is not None and entry[0] is module:  # what it reports on nodes of its own tree
            _REPORTS[os.path.abspath(path)] = entry[:2] + (frozenset((rule.code, id(rep.node)) for rule, rep in own),)
        if elsewhere and not _OWN_ONLY:
            placed += _place_elsewhere(module, path, text, elsewhere, facts, rules)
    except RecursionError:
        return [parse_error(path, "cannot analyse: nested too deeply to compute positions")], None
    if columns is not None:
        def moved(f: Finding) -> Finding:
            return dataclasses.replace(f, col=columns.column(f.line, f.col - 1) + 1,
                                       end_col=columns.column(f.end_line, f.end_col - 1) + 1, fix=None)
        placed = [moved(f) if not f.reported_from else
                  dataclasses.replace(f, via=moved(f.via) if f.via is not None else None) for f in placed]
        module = None
    local = filter_noqa([f for f in placed if not f.reported_from], text)
    return sorted(local) + [f for f in placed if f.reported_from], module


class NotAnalysed(Exception):
    """A file CPython compiles (so no RL000) that the linter cannot read: said on stderr, never
    cached, never reported as a finding."""

    def __init__(self, path: str, reason: str):
        super().__init__(f"{path}: not analysed: {reason}")
        self.path, self.reason = path, reason


def _first_line(exc: BaseException) -> str:
    text = str(getattr(exc, "message", "") or exc) or type(exc).__name__
    return text.strip().splitlines()[0] if text.strip() else type(exc).__name__


def _syntax_error(path: str, exc: cst.ParserSyntaxError, cpython_error: SyntaxError | None) -> Finding:
    # CPython words errors the way users know them ("Missing parentheses in call to 'print'") and
    # points at the right token; libcst's message is the fallback.
    if cpython_error is not None:
        err = cpython_error
        return parse_error(path, f"syntax error: {err.msg}", err.lineno or 1, err.offset or 1)
    m = re.search(r"error at (\d+):(\d+)", exc.message)
    line, col = (int(m.group(1)), int(m.group(2)) + 1) if m else (exc.raw_line, exc.raw_column + 1)
    return parse_error(path, f"syntax error: {exc.message}", line, col)


def _place(module: cst.Module, path: str, reports: list[tuple[Rule, Report]], text: str = "",
           unplaced: list | None = None, elsewhere: list | None = None, own: list | None = None
           ) -> Iterable[Finding]:
    # Positions are computed only for files that report something (PositionProvider is a full codegen pass).
    from libcst.metadata import MetadataWrapper, ParentNodeProvider, PositionProvider

    wrapper = MetadataWrapper(module, unsafe_skip_copy=True)
    positions = wrapper.resolve(PositionProvider)
    # Parents only when a fix removes a node or replaces an argument / element: its edit is then
    # described as the parent's new text (the commas around it change).
    removes = any(_via_parent(e) for _, rep in reports if rep.fix for e in rep.fix.edits)
    parents = wrapper.resolve(ParentNodeProvider) if removes else {}
    spans = _statement_spans(module, positions)
    # Fixes are placed in the file's own text: libcst's positions count in the code it writes, which
    # is the text itself unless libcst does not round-trip this file (see TextMap).
    # Findings are placed there too, or a `# noqa` on the finding's real line would miss it.
    where = TextMap(module.code, text) if reports else None
    line_of = where.line if where is not None else (lambda n: n)
    for rule, rep in reports:
        rng = positions.get(rep.node)
        if rng is not None:
            if own is not None:
                own.append((rule, rep))
        elif rep.written is not None:
            # the node is a builder's parameter in another module; the value was written here, in
            # the call that handed it over: this file's mistake, reported where it is written (no fix:
            # the rule's fix edits the other module)
            rng = positions.get(rep.written)
            if rng is not None or rep.written_first:
                # (written in a third module, `create_model(metric=cfg.METRIC)`: the literal there
                # is the token, placed like any node of another module)
                rep = dataclasses.replace(rep, node=rep.written, fix=None)
        if rng is None:
            if elsewhere is not None:
                elsewhere.append((rule, rep))
            continue
        line = rng.start.line
        stmt = _innermost(spans, line)
        info, why = None, ""
        if rep.fix is not None:
            try:
                info, why = _fix_info(module, rep.fix, positions, parents, where, spans)
            except Exception as exc:  # noqa: BLE001 - a replacement node a rule built badly
                why = f"cannot apply: {type(exc).__name__}: {exc}"
        finding = Finding(
            path, line_of(line), rng.start.column + 1, rule.code, rep.message, rule.name,
            line_of(rng.end.line), rng.end.column + 1,
            line_of(stmt[0] if stmt else line), line_of(stmt[1] if stmt else line), info,
        )
        if why and unplaced is not None:
            unplaced.append((finding, rep.fix, why))
        yield finding


# ----------------------------------------------------------------- findings in another module

_OWN_ONLY = False  # set while a module is linted alone to learn what it reports by itself
# path -> (the tree its last lint analysed, {(code, id(node))} of what it reported, the same for the
# nodes of that tree only — its own findings, not those it placed for another module): a finding an
# importer makes on a node of that tree is that module's own when its lint made it too — known
# without computing any position. The tree is kept alongside, so the ids stay its nodes'.
_REPORTS: dict = {}
_OWN: dict = {}  # (path, mtime, size, rule codes) -> {(code, line, col)} that module reports alone


def _reported_elsewhere(path: str, module: cst.Module, code: str, node) -> bool:
    """Whether another module's lint in this run reported `code` on `node` (a node of its tree; two
    files of the same text share one tree, whose nodes are each file's own)."""
    here = os.path.abspath(path)
    return any(p != here and tree is not module and (code, id(node)) in own and is_kept(tree)
               for p, (tree, _, own) in _REPORTS.items())


def _place_elsewhere(module: cst.Module, path: str, text: str, reports: list[tuple[Rule, Report]],
                     facts, rules: Sequence[Rule]) -> list[Finding]:
    """Findings whose node lies in a project module this file imports (the sigmoid head `build_model`
    in models.py adds, found wrong by the `loss="mse"` here). Each is placed at its token in that
    module, with `via`: the same finding here, at the first use of the imported name whose
    definition holds the token (else the import), its message naming the token's place. A finding
    that module reports when linted alone is its own, not this file's: left out. `# noqa` is read in
    each file for its own placement."""
    from libcst.metadata import MetadataWrapper, PositionProvider

    from regr_lint.model.trees import project_module
    from regr_lint.project.link import project_root

    def positions_of(mpath):
        other = project_module(mpath)
        if other is None:
            return None
        known = _POSITIONS.get(mpath)
        if known is None or known[0] is not other:
            known = _POSITIONS[mpath] = (other, MetadataWrapper(other, unsafe_skip_copy=True).resolve(PositionProvider))
            if len(_POSITIONS) > 64:  # positions are heavy: a few tens of modules' worth per process
                _POSITIONS.pop(next(iter(_POSITIONS)))
        return known

    def own(mpath, code, node) -> bool:
        known = _REPORTS.get(mpath)
        return known is not None and known[0] is project_module(mpath) and (code, id(node)) in known[1]

    paths = list(dict.fromkeys([p for p, _, _ in facts.project_imports] + facts.project_modules))
    here = None  # this module's positions, statement spans and text map: only when needed
    out = []
    for rule, rep in reports:
        if any(own(mpath, rule.code, rep.node) for mpath in paths):
            continue  # that module reports it when linted (already in this run, or alone)
        found = next((mpath for mpath in paths if _holds(mpath, rep.node)), None)
        if found is None:
            continue  # a node of no module this file imports (cannot happen today): nothing to say
        mpath = found
        _own_findings(mpath, rules)  # its lint alone records what it reports (in _REPORTS)
        if own(mpath, rule.code, rep.node):
            continue
        if any(_own_findings(between, rules) is not None and own(between, rule.code, rep.node)
               for between in paths if between != mpath):
            # complete in a module this file reads it through (trainer.py compiles with the metrics
            # of the config.py it imports): that module's, reported when it is linted
            continue
        other, pos = positions_of(mpath)
        rng = pos[rep.node]
        if (rule.code, rng.start.line, rng.start.column + 1) in _own_findings(mpath, rules):
            continue
        spans = _statement_spans(other, pos)
        stmt = _innermost(spans, rng.start.line) or (rng.start.line, rng.start.line)
        token = Finding(mpath, rng.start.line, rng.start.column + 1, rule.code, rep.message, rule.name,
                        rng.end.line, rng.end.column + 1, stmt[0], stmt[1], reported_from=path)
        if not filter_noqa([token], other.code):
            continue
        if here is None:
            wrapper = MetadataWrapper(module, unsafe_skip_copy=True)
            positions = wrapper.resolve(PositionProvider)
            where = TextMap(module.code, text)
            here = (positions, _statement_spans(module, positions), where.line)
        positions, own_spans, line_of = here
        via = None
        anchor = _bring_in(facts, module, mpath, rng, pos)
        at = positions.get(anchor) if anchor is not None else None
        if at is not None:
            root = project_root(path) or os.path.dirname(os.path.abspath(path))
            shown = os.path.relpath(mpath, root).replace(os.sep, "/")
            s = _innermost(own_spans, at.start.line) or (at.start.line, at.start.line)
            via = Finding(path, line_of(at.start.line), at.start.column + 1, rule.code,
                          f"{rep.message} (at {shown}:{rng.start.line})", rule.name,
                          line_of(at.end.line), at.end.column + 1, line_of(s[0]), line_of(s[1]))
            via = next(iter(filter_noqa([via], text)), None)
        out.append(dataclasses.replace(token, via=via))
    return out


_POSITIONS: dict = {}  # module path -> (its parsed module, positions): once per process and version
_NODES: dict = {}  # module path -> (its parsed module, ids of its nodes)


def _holds(mpath: str, node) -> bool:
    """Whether `node` is a node of project module `mpath`'s tree (never parsing it: a module whose
    tree was never read holds none of the nodes an analysis saw). A walk over the tree, a fraction
    of computing its positions."""
    from regr_lint.model.trees import parsed_module

    tree = parsed_module(mpath)
    if tree is None:
        return False
    known = _NODES.get(mpath)
    if known is None or known[0] is not tree:
        ids, stack = set(), [tree]
        while stack:
            n = stack.pop()
            ids.add(id(n))
            stack.extend(n.children)
        known = _NODES[mpath] = (tree, ids)
        if len(_NODES) > 64:
            _NODES.pop(next(iter(_NODES)))
    return id(node) in known[1]


def _own_findings(path: str, rules: Sequence[Rule]) -> set:
    """What project module `path` reports when linted by itself, as {(code, line, col)}; once per
    version of the file and set of rules per process."""
    global _OWN_ONLY
    try:
        st = os.stat(path)
    except OSError:
        return set()
    key = (path, st.st_mtime_ns, st.st_size, tuple(r.code for r in rules))
    known = _OWN.get(key)
    if known is None:
        from regr_lint.model.importers import by_itself

        _OWN_ONLY = True
        try:
            with by_itself():  # not reading its importers: a mistake they complete is theirs too
                found = lint_file(path, rules)
        except Exception:  # noqa: BLE001 - whatever stops that module's lint, it reported nothing
            found = []
        finally:
            _OWN_ONLY = False
        known = _OWN[key] = {(f.code, f.line, f.col) for f in found}
        if len(_OWN) > 256:
            _OWN.pop(next(iter(_OWN)))
    return known


def _bring_in(facts, module: cst.Module, mpath: str, rng, pos) -> cst.CSTNode | None:
    """Where this file brings in the part of project module `mpath` that holds `rng`: the first use
    of an imported name whose definition (function, class, constant) contains `rng` (also when a
    package re-exports it, or it reaches this file through another module), else the first import
    of that module, else the first import of a project module (through which it was read)."""
    from regr_lint.model.values import Map

    names, imports, others, keys = set(), [], [], {}
    for ipath, node, bound in facts.project_imports:
        (imports if ipath == mpath else others).append(node)
        for local, value in bound.items():
            vnode = getattr(value, "node", None)
            defined = pos.get(vnode) if vnode is not None else None
            if defined is not None and _contains(defined, rng):
                names.add(local)
                key = _key_holding(vnode, rng, pos)
                if key is not None:
                    keys[local] = key
            elif type(value) is Map:  # a registry: MODELS = {"bounded": build_bounded, ...}
                key = next((k for k, item in value.items.items() if type(k) is str
                            and _contains_at(pos, getattr(item, "fdef", None) or getattr(item, "node", None), rng)),
                           None)
                if key is not None:
                    names.add(local)
                    keys[local] = key
    if names:
        use = _first_use(module, names, keys)
        if use is not None:
            return use
    return (imports or others or [None])[0]


def _contains_at(pos, node, rng) -> bool:
    defined = pos.get(node) if node is not None else None
    return defined is not None and _contains(defined, rng)


def _key_holding(vnode, rng, pos) -> str | None:
    """The key of the dict literal `vnode` whose value holds `rng` (`TRAIN = {"metrics": [...]}`)."""
    if type(vnode) is not cst.Dict:
        return None
    for element in vnode.elements:
        value = pos.get(getattr(element, "value", None))
        if type(getattr(element, "key", None)) is cst.SimpleString and value is not None and _contains(value, rng):
            return element.key.evaluated_value
    return None


def _first_use(module: cst.Module, names: set, keys: dict | None = None) -> cst.CSTNode | None:
    """The first use of one of `names`; for a name in `keys`, the first `name["key"]` that picks the
    part holding the token (`metrics=TRAIN["metrics"]`, not the `TRAIN["lr"]` read before it) when
    there is one."""
    if keys:
        picked: list = []

        class Picks(cst.CSTVisitor):
            def visit_Subscript(self, node) -> bool:
                index = node.slice[0].slice if len(node.slice) == 1 else None
                if not picked and type(node.value) is cst.Name and node.value.value in keys \
                        and type(index) is cst.Index and type(index.value) is cst.SimpleString \
                        and index.value.evaluated_value == keys[node.value.value]:
                    picked.append(node)
                return not picked

        module.visit(Picks())
        if picked:
            return picked[0]
    found: list = []

    class Uses(cst.CSTVisitor):
        def visit_Import(self, node) -> bool:
            return False

        def visit_ImportFrom(self, node) -> bool:
            return False

        def visit_Call(self, node) -> bool:
            if not found and isinstance(node.func, cst.Name) and node.func.value in names:
                found.append(node)
            return not found

        def visit_Attribute(self, node) -> bool:
            if not found and dotted_name(node) in names:  # `cfg.METRICS`, `pkg.nets.build_model`
                found.append(node)
                return False
            node.value.visit(self)  # `cfg.build_model` is not a use of an imported `build_model`
            return False

        def visit_Name(self, node) -> bool:
            if not found and node.value in names:
                found.append(node)
            return False

    module.visit(Uses())
    return found[0] if found else None


def _via_parent(edit) -> bool:
    """Edits described as their parent's new text: removals (the commas around them change) and
    replacements of nodes whose code carries their separator (call arguments, list elements …)."""
    if isinstance(edit.node, cst.BaseStatement):
        return False
    return is_removal(edit.replacement) or hasattr(edit.node, "comma")


def _contains(outer, inner) -> bool:
    return (outer.start.line, outer.start.column) <= (inner.start.line, inner.start.column) \
        and (inner.end.line, inner.end.column) <= (outer.end.line, outer.end.column)


def _fix_info(module: cst.Module, fix: Fix, positions, parents, where: TextMap, spans
              ) -> tuple[FixInfo | None, str]:
    """(the fix with its edits placed in the file, "") or (None, why it cannot be placed: "" when an
    edit's node is not in this module, which no fix can be expected to handle)."""
    from libcst.metadata import CodeRange

    from regr_lint.edits import ApplyEdits
    groups: list[list] = []  # [parent, its range, {id: replacement}, {ids removed}]
    direct = []  # (node, range, replacement)
    for edit in fix.edits:
        rng = positions.get(edit.node)
        if rng is None:
            return None, ""
        if _via_parent(edit):
            parent = parents.get(edit.node)
            if parent is None or positions.get(parent) is None:
                return None, ""
            group = next((g for g in groups if g[0] is parent), None)
            if group is None:
                group = [parent, positions[parent], {}, set()]
                groups.append(group)
            if is_removal(edit.replacement):
                group[3].add(id(edit.node))
            else:
                group[2][id(edit.node)] = edit.replacement
        else:
            direct.append((edit.node, rng, edit.replacement))
    # An edit inside a parent that is rewritten anyway goes into that rewrite (edits never overlap).
    groups.sort(key=lambda g: (g[1].start.line, g[1].start.column, -g[1].end.line, -g[1].end.column))
    merged: list[list] = []
    for g in groups:
        outer = next((m for m in merged if _contains(m[1], g[1])), None)
        if outer is None:
            merged.append(g)
        else:
            outer[2].update(g[2])
            outer[3].update(g[3])
    for node, rng, replacement in list(direct):
        outer = next((m for m in merged if _contains(m[1], rng)), None)
        if outer is not None:
            outer[2][id(node)] = replacement
            direct.remove((node, rng, replacement))
    for parent, rng, replace, remove in merged:
        direct.append((parent, rng, parent.visit(ApplyEdits(replace, remove))))
    code_lines = where.code_lines
    placed = []  # (start, end, content): libcst's lines (1-based) and columns (0-based)
    for node, rng, replacement in direct:
        if isinstance(getattr(node, "lpar", None), (list, tuple)) and node.lpar \
                and not isinstance(node, cst.BaseStatement):
            # the parentheses are part of the node's code, not of its position
            first, last = positions.get(node.lpar[0]), positions.get(node.rpar[-1])
            if first is None or last is None:
                return None, ""
            rng = CodeRange(first.start, last.end)
        if isinstance(node, cst.BaseStatement):
            # Statements are replaced as whole lines: their leading comment lines, the trailing
            # comment and newline belong to them, and nested ones are indented.
            start = rng.start.line - len(node.leading_lines)
            content = "" if is_removal(replacement) else _statements_code(
                module, replacement, _line(code_lines, rng.start.line)[:rng.start.column])
            placed.append(((start, 0), (rng.end.line + 1, 0), content))
        elif isinstance(replacement, (cst.FlattenSentinel, cst.CSTNode)):
            # Continuation lines are indented relative to the enclosing block, as in the module.
            # (the statement that holds the edit is the one that starts last before it)
            starts = [a for a, b in spans if a <= rng.start.line <= b]
            line = _line(code_lines, max(starts) if starts else rng.start.line)
            indent = line[:len(line) - len(line.lstrip(" \t"))]
            placed.append(((rng.start.line, rng.start.column), (rng.end.line, rng.end.column),
                           _statements_code(module, replacement, indent)))
        else:
            return None, ""
    edits = []
    for start, end, content in placed:
        span = where.span(start, end)
        if span is None:
            return None, "libcst does not write this part of the file back as it is"
        edits.append(_edit(span, content))
    missing = [name for name in dict.fromkeys(fix.imports) if not imports_module(module, name)]
    if missing:
        at = import_index(module)
        prefix = ""
        if at < len(module.body):
            stmt = module.body[at]
            # before the statement's own leading blank / comment lines, as the fix inserts it
            line = positions[stmt].start.line - len(getattr(stmt, "leading_lines", ()))
            span = where.span((line, 0), (line, 0))
            if span is None:
                return None, "libcst does not write this part of the file back as it is"
            point = span[0]
        else:
            # after everything (the module's header comments and docstring): the file's end
            point = where.end()
            if point[1]:
                prefix = module.default_newline
        for name in missing:
            edits.append(_edit((point, point), prefix + module.code_for_node(import_statement(name))))
            prefix = ""
    edits.sort(key=lambda e: (e["line"], e["column"]))
    return FixInfo(fix, tuple(edits)), ""


def _line(lines: list[str], lineno: int) -> str:
    return lines[lineno - 1].rstrip("\r\n") if 0 < lineno <= len(lines) else ""
def _statements_code(module: cst.Module, replacement: object, indent: str) -> str:
    """The code of `replacement` (a node or a FlattenSentinel) as the module writes it inside a block
    indented by `indent` (statements get the indent; an expression's continuation lines too)."""
    from libcst._nodes.internal import CodegenState

    nodes = replacement.nodes if isinstance(replacement, cst.FlattenSentinel) else [replacement]
    state = CodegenState(default_indent=module.default_indent, default_newline=module.default_newline)
    if indent:
        state.indent_tokens.append(indent)
    for node in nodes:
        node._codegen(state)
    return "".join(state.tokens)


def _edit(span, content: str) -> dict:
    (line, column), (end_line, end_column) = span
    return {"line": line, "column": column + 1, "end_line": end_line, "end_column": end_column + 1,
            "content": content}


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
