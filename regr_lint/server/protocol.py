"""The LSP side of `regr-lint server` (pygls >= 2, lsprotocol).

Diagnostics on open, on change (debounced: DEBOUNCE seconds after the last keystroke, the latest
text wins) and on save, for Python files and for notebook documents (LSP 3.17 notebook sync: each
cell's findings are published on that cell's URI). Lints run on one worker thread, so the server
keeps answering while a file is linted; a result whose document changed meanwhile is dropped.

Code actions: each finding's quick fix (unsafe ones labelled so), "Add `# noqa: CODE`", and
`source.fixAll.regr-lint` (the fixer's safe fixes; unsafe ones too when the project's settings say
`unsafe-fixes = true`). Hover on a code in a `# noqa:` comment shows the rule's documentation and
its Verified evidence (what `regr-lint rule CODE` prints).

Settings are re-read when a pyproject.toml / regr-lint.toml is saved in the editor or changes on
disk (workspace/didChangeWatchedFiles, registered when the client allows it)."""
from __future__ import annotations

import asyncio
import logging
import os
import sys
import traceback
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Optional
from urllib.parse import unquote

from lsprotocol import types as T
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path

from regr_lint import __version__
from regr_lint.output.formats.sarif import rule_help_uri
from regr_lint.server.analysis import CONFIG_FILES, Edit, Linter, Result, lines_of, severity

NAME = "regr-lint"
FIX_ALL = "source.fixAll.regr-lint"
DEBOUNCE = 0.3  # seconds
LSP_SEVERITY = {"error": T.DiagnosticSeverity.Error, "warning": T.DiagnosticSeverity.Warning}
PYTHON_SUFFIXES = (".py", ".pyi")

log = logging.getLogger(__name__)


def lsp_severity(name: str) -> T.DiagnosticSeverity:
    return LSP_SEVERITY.get(name, T.DiagnosticSeverity.Error)


@dataclass(frozen=True)
class Snapshot:
    """What is linted: a Python document's text, or a notebook's code cells (cell URI, text)."""

    uri: str
    path: str
    text: str = ""
    cells: Optional[tuple] = None
    version: Optional[int] = None

    @property
    def cell_texts(self) -> list[str]:
        return [t for _, t in self.cells or ()]


# ---------------------------------------------------------------------- positions

def _encoding(server: LanguageServer) -> str:
    enc = server.workspace.position_encoding
    return str(getattr(enc, "value", enc) or "utf-16").lower()


def _units(line: str, col: int, enc: str) -> int:
    """Code-point column `col` of `line` in the client's units."""
    prefix = line.rstrip("\r\n")[:max(col, 0)]
    if enc == "utf-8":
        return len(prefix.encode("utf-8", "surrogatepass"))
    if enc == "utf-32":
        return len(prefix)
    return len(prefix.encode("utf-16-le", "surrogatepass")) // 2


def _code_points(line: str, units: int, enc: str) -> int:
    """The client's column `units` of `line` as a code-point column."""
    if enc == "utf-32":
        return units
    seen = 0
    for i, ch in enumerate(line.rstrip("\r\n")):
        if seen >= units:
            return i
        seen += len(ch.encode("utf-8", "surrogatepass")) if enc == "utf-8" else (2 if ord(ch) > 0xFFFF else 1)
    return len(line.rstrip("\r\n"))


def _position(lines: list[str], line: int, col: int, enc: str) -> T.Position:
    if line >= len(lines):
        return T.Position(line=len(lines), character=0) if col <= 0 or not lines else \
            T.Position(line=len(lines) - 1, character=_units(lines[-1], len(lines[-1]), enc))
    body = lines[max(line, 0)].rstrip("\r\n")
    if col > len(body) and len(body) < len(lines[max(line, 0)]):
        # past the line's end, into its line break: in LSP, that is the start of the next line
        return T.Position(line=max(line, 0) + 1, character=0)
    return T.Position(line=max(line, 0), character=_units(lines[line], col, enc))


def _range(lines: list[str], edit: Edit, enc: str) -> T.Range:
    return T.Range(start=_position(lines, edit.line, edit.col, enc),
                   end=_position(lines, edit.end_line, edit.end_col, enc))


def _overlaps(a: T.Range, b: T.Range) -> bool:
    def key(p: T.Position) -> tuple:
        return (p.line, p.character)
    return not (key(a.end) < key(b.start) or key(b.end) < key(a.start))


# ---------------------------------------------------------------------- the server

class RegrLintServer(LanguageServer):
    def __init__(self) -> None:
        super().__init__(
            NAME, __version__,
            text_document_sync_kind=T.TextDocumentSyncKind.Incremental,
            notebook_document_sync=T.NotebookDocumentSyncOptions(
                notebook_selector=[T.NotebookDocumentFilterWithCells(
                    cells=[T.NotebookCellLanguage(language="python")], notebook="*")],
                save=True),
        )
        self.linter = Linter()
        # One thread: the engine sets process-wide state (recursion limit, size limit) per lint.
        self.lint_thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="regr-lint")
        self.pending: dict[str, asyncio.Task] = {}
        self.results: dict[str, tuple[Snapshot, Result]] = {}
        self.problems_shown: set[str] = set()
        # pygls keys its documents by the unquoted URI; diagnostics go to the URI as the client
        # spelled it (a folder with a space in its name: %20), so the open ones are kept here.
        self.opened: dict[str, str] = {}

    # -- what is open

    def _document(self, uri: str):
        return self.workspace.text_documents.get(unquote(uri))

    def notebook_of(self, uri: str) -> Optional[str]:
        """The notebook URI a cell URI belongs to (None: not a cell)."""
        nb = self.workspace.get_notebook_document(cell_uri=uri)
        return nb.uri if nb is not None else None

    def snapshot(self, uri: str) -> Optional[Snapshot]:
        nb = self.workspace.get_notebook_document(notebook_uri=uri)
        if nb is not None:
            cells = []
            for cell in nb.cells:
                if cell.kind != T.NotebookCellKind.Code:
                    continue
                doc = self._document(cell.document)
                if doc is None or (doc.language_id or "python") != "python":
                    continue
                cells.append((cell.document, doc.source))
            return Snapshot(uri, _path(uri), cells=tuple(cells), version=nb.version)
        doc = self._document(uri)
        if doc is None or self.notebook_of(uri) is not None:
            return None
        path = _path(uri)
        if doc.language_id != "python" and not path.endswith(PYTHON_SUFFIXES):
            return None
        return Snapshot(uri, path, doc.source, version=doc.version)

    def open_targets(self) -> list[str]:
        return list(self.opened.values())

    # -- linting

    def schedule(self, uri: str, delay: float = 0.0, again: bool = False) -> None:
        """Lint `uri` after `delay` seconds (a newer call replaces a pending one); `again`: publish
        even when the text was linted already (a save says "show me now")."""
        old = self.pending.pop(uri, None)
        if old is not None:
            old.cancel()
        self.pending[uri] = asyncio.get_running_loop().create_task(self._lint_later(uri, delay, again))

    async def _lint_later(self, uri: str, delay: float, again: bool) -> None:
        if delay:
            await asyncio.sleep(delay)
        try:
            await self.current(uri, publish_known=again)
        except asyncio.CancelledError:
            raise
        except Exception as exc:  # noqa: BLE001 - a crash in one lint must not stop the server
            self._internal_error(uri, exc)

    async def current(self, uri: str, publish_known: bool = False) -> Optional[tuple[Snapshot, Result]]:
        """The lint of the document's text as it is now (from the last lint when it still is)."""
        snap = self.snapshot(uri)
        if snap is None:
            return None
        known = self.results.get(uri)
        if known is not None and known[0] == snap:
            if publish_known:
                self.publish(*known)
            return known
        result = await asyncio.get_running_loop().run_in_executor(self.lint_thread, self._compute, snap)
        if self.snapshot(uri) == snap:  # else a newer text is on its way: only its findings show
            self.results[uri] = (snap, result)
            self.publish(snap, result)
        return snap, result

    def _compute(self, snap: Snapshot) -> Result:
        if snap.cells is not None:
            return self.linter.lint_cells(snap.path, snap.cell_texts)
        return self.linter.lint_python(snap.path, snap.text)

    def _internal_error(self, uri: str, exc: Exception) -> None:
        detail = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
        print(detail, file=sys.stderr)
        self.window_log_message(T.LogMessageParams(
            type=T.MessageType.Error, message=f"regr-lint: internal error on {uri}: {type(exc).__name__}: {exc}"))

    # -- diagnostics

    def publish(self, snap: Snapshot, result: Result) -> None:
        if result.problem and result.problem not in self.problems_shown:
            self.problems_shown.add(result.problem)
            self.window_show_message(T.ShowMessageParams(type=T.MessageType.Error,
                                                         message=f"regr-lint: {result.problem}"))
        if result.note:
            self.window_log_message(T.LogMessageParams(type=T.MessageType.Log, message=result.note))
        if snap.cells is None:
            self.text_document_publish_diagnostics(T.PublishDiagnosticsParams(
                uri=snap.uri, version=snap.version, diagnostics=self.diagnostics(snap, result)))
            return
        for i, (cell_uri, _) in enumerate(snap.cells, 1):
            self.text_document_publish_diagnostics(T.PublishDiagnosticsParams(
                uri=cell_uri, diagnostics=self.diagnostics(snap, result, cell=i)))

    def diagnostics(self, snap: Snapshot, result: Result, cell: int = 0) -> list[T.Diagnostic]:
        lines = lines_of(snap.cell_texts[cell - 1] if cell else snap.text)
        enc = _encoding(self)
        return [self.diagnostic(f, lines, enc) for f in result.findings if f.cell == cell]

    def diagnostic(self, f, lines: list[str], enc: str) -> T.Diagnostic:
        line = (f.cell_line if f.cell else f.line) - 1
        end_line = ((f.cell_end_line if f.cell else f.end_line) or line + 1) - 1
        span = Edit(line, f.col - 1, end_line, (f.end_col or f.col) - 1, "")
        lr = self.linter.rules_by_code.get(f.code)
        return T.Diagnostic(
            range=_range(lines, span, enc),
            message=f.message,
            severity=lsp_severity(severity(f, lr.rule if lr else None)),
            code=f.code,
            code_description=T.CodeDescription(href=rule_help_uri(f.code)),
            source=NAME,
            data={"name": f.name, "fix": f.fix.as_dict() if f.fix is not None else None},
        )

    # -- settings

    async def reload(self) -> None:
        """Re-read every project's settings, then lint every open document again."""
        await asyncio.get_running_loop().run_in_executor(self.lint_thread, self.linter.reload)
        self.results.clear()
        self.problems_shown.clear()
        for uri in self.open_targets():
            self.schedule(uri)

    # -- code actions

    async def code_actions(self, params: T.CodeActionParams) -> list[T.CodeAction]:
        uri = params.text_document.uri
        target = self.notebook_of(uri) or uri
        got = await self.current(target)
        if got is None:
            return []
        snap, result = got
        cell = 0
        if snap.cells is not None:
            cell = next((i for i, (u, _) in enumerate(snap.cells, 1) if u == uri), 0)
            if not cell:
                return []
        only = [str(getattr(k, "value", k)) for k in (params.context.only or [])]
        wants_quick = not only or any(T.CodeActionKind.QuickFix.value.startswith(k) for k in only)
        wants_all = not only or any(FIX_ALL == k or FIX_ALL.startswith(k + ".") for k in only)
        enc = _encoding(self)
        actions: list[T.CodeAction] = []
        if wants_quick:
            lines = lines_of(snap.cell_texts[cell - 1] if cell else snap.text)
            for f in result.findings:
                if f.cell != cell:
                    continue
                diag = self.diagnostic(f, lines, enc)
                if not _overlaps(diag.range, params.range):
                    continue
                if Linter.fixable(f, unsafe=True):
                    unsafe = "" if f.fix.safe else " (unsafe)"
                    actions.append(T.CodeAction(
                        title=f"{f.code}: {f.fix.fix.message}{unsafe}", kind=T.CodeActionKind.QuickFix,
                        diagnostics=[diag], is_preferred=f.fix.safe,
                        edit=self.workspace_edit(snap, Linter.fix_edits(f), enc)))
                noqa = Linter.noqa_edit(f, snap.text, snap.cell_texts if snap.cells is not None else None)
                if noqa is not None:
                    actions.append(T.CodeAction(
                        title=f"Add `# noqa: {f.code}`", kind=T.CodeActionKind.QuickFix, diagnostics=[diag],
                        edit=self.workspace_edit(snap, [noqa], enc)))
        if wants_all and any(Linter.fixable(f, result.unsafe) for f in result.findings):
            which = "safe and unsafe fixes" if result.unsafe else "safe fixes"
            action = T.CodeAction(title=f"regr-lint: fix all ({which})", kind=FIX_ALL, data={"uri": target})
            if not only and self._resolves_edits():
                # Asked for every action (a cursor move in VS Code): the fixer's passes run only
                # if this one is chosen (codeAction/resolve).
                actions.append(action)
            else:
                edit = await self.fix_all_edit(snap, result)
                if edit is not None:
                    action.edit = edit
                    actions.append(action)
        return actions

    def _resolves_edits(self) -> bool:
        td = self.client_capabilities.text_document
        support = td.code_action.resolve_support if td is not None and td.code_action is not None else None
        return support is not None and "edit" in support.properties

    async def fix_all_edit(self, snap: Snapshot, result: Result) -> Optional[T.WorkspaceEdit]:
        loop = asyncio.get_running_loop()
        if snap.cells is not None:
            edits = await loop.run_in_executor(self.lint_thread, self.linter.fix_all_cells, snap.cell_texts, result)
        else:
            edits = await loop.run_in_executor(self.lint_thread, self.linter.fix_all_python, snap.text, result)
        return self.workspace_edit(snap, edits, _encoding(self)) if edits else None

    async def resolve(self, action: T.CodeAction) -> T.CodeAction:
        uri = (action.data or {}).get("uri") if isinstance(action.data, dict) else None
        if action.kind == FIX_ALL and uri and action.edit is None:
            got = await self.current(uri)
            if got is not None:
                action.edit = await self.fix_all_edit(*got) or T.WorkspaceEdit(changes={})
        return action

    def workspace_edit(self, snap: Snapshot, edits: list[Edit], enc: str) -> T.WorkspaceEdit:
        changes: dict[str, list[T.TextEdit]] = {}
        for e in edits:
            if snap.cells is not None:
                if not 1 <= e.cell <= len(snap.cells):
                    continue
                uri, text = snap.cells[e.cell - 1]
            else:
                uri, text = snap.uri, snap.text
            changes.setdefault(uri, []).append(
                T.TextEdit(range=_range(lines_of(text), e, enc), new_text=e.text))
        return T.WorkspaceEdit(changes=changes)

    # -- hover

    def hover(self, params: T.HoverParams) -> Optional[T.Hover]:
        doc = self._document(params.text_document.uri)
        if doc is None:
            return None
        text = doc.source
        lines = lines_of(text)
        line = params.position.line
        if not 0 <= line < len(lines):
            return None
        col = _code_points(lines[line], params.position.character, _encoding(self))
        docs = self.linter.hover(text, line, col)
        if docs is None:
            return None
        return T.Hover(contents=T.MarkupContent(kind=T.MarkupKind.Markdown, value=docs))


def _path(uri: str) -> str:
    return to_fs_path(uri) or uri


def make_server() -> RegrLintServer:
    server = RegrLintServer()

    @server.feature(T.INITIALIZED)
    def initialized(ls: RegrLintServer, params: T.InitializedParams) -> None:
        caps = ls.client_capabilities.workspace
        watched = caps.did_change_watched_files if caps is not None else None
        if watched is not None and watched.dynamic_registration:
            # Settings live in files the editor may never open: ask it to say when they change.
            options = T.DidChangeWatchedFilesRegistrationOptions(watchers=[
                T.FileSystemWatcher(glob_pattern=f"**/{name}") for name in CONFIG_FILES])
            ls.client_register_capability(
                T.RegistrationParams(registrations=[T.Registration(
                    id="regr-lint-settings", method=T.WORKSPACE_DID_CHANGE_WATCHED_FILES,
                    register_options=options)]),
                callback=lambda *_: None)

    @server.feature(T.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: RegrLintServer, params: T.DidOpenTextDocumentParams) -> None:
        ls.opened[unquote(params.text_document.uri)] = params.text_document.uri
        ls.schedule(params.text_document.uri)

    @server.feature(T.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: RegrLintServer, params: T.DidChangeTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri, DEBOUNCE)

    @server.feature(T.TEXT_DOCUMENT_DID_SAVE, T.SaveOptions(include_text=False))
    async def did_save(ls: RegrLintServer, params: T.DidSaveTextDocumentParams) -> None:
        uri = params.text_document.uri
        if os.path.basename(_path(uri)) in CONFIG_FILES:
            await ls.reload()
            return
        ls.schedule(uri, again=True)
        if ls.snapshot(uri) is not None:
            # Other open files may read this module (a head built here, compiled there): what they
            # say may have changed with what is now on disk.
            for other in ls.open_targets():
                if other != uri and ls.results.pop(other, None) is not None:
                    ls.schedule(other, DEBOUNCE)

    @server.feature(T.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: RegrLintServer, params: T.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        ls.opened.pop(unquote(uri), None)
        task = ls.pending.pop(uri, None)
        if task is not None:
            task.cancel()
        if ls.results.pop(uri, None) is not None:
            ls.text_document_publish_diagnostics(T.PublishDiagnosticsParams(uri=uri, diagnostics=[]))

    @server.feature(T.NOTEBOOK_DOCUMENT_DID_OPEN)
    def nb_open(ls: RegrLintServer, params: T.DidOpenNotebookDocumentParams) -> None:
        ls.opened[unquote(params.notebook_document.uri)] = params.notebook_document.uri
        ls.schedule(params.notebook_document.uri)

    @server.feature(T.NOTEBOOK_DOCUMENT_DID_CHANGE)
    def nb_change(ls: RegrLintServer, params: T.DidChangeNotebookDocumentParams) -> None:
        uri = params.notebook_document.uri
        closed = (params.change.cells.structure.did_close or []) if params.change.cells and \
            params.change.cells.structure else []
        for cell in closed:  # a deleted cell keeps no stale findings
            ls.text_document_publish_diagnostics(T.PublishDiagnosticsParams(uri=cell.uri, diagnostics=[]))
        ls.schedule(uri, DEBOUNCE)

    @server.feature(T.NOTEBOOK_DOCUMENT_DID_SAVE)
    def nb_save(ls: RegrLintServer, params: T.DidSaveNotebookDocumentParams) -> None:
        ls.schedule(params.notebook_document.uri, again=True)

    @server.feature(T.NOTEBOOK_DOCUMENT_DID_CLOSE)
    def nb_close(ls: RegrLintServer, params: T.DidCloseNotebookDocumentParams) -> None:
        uri = params.notebook_document.uri
        ls.opened.pop(unquote(uri), None)
        task = ls.pending.pop(uri, None)
        if task is not None:
            task.cancel()
        ls.results.pop(uri, None)
        for cell in params.cell_text_documents:
            ls.text_document_publish_diagnostics(T.PublishDiagnosticsParams(uri=cell.uri, diagnostics=[]))

    @server.feature(T.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    async def watched(ls: RegrLintServer, params: T.DidChangeWatchedFilesParams) -> None:
        await ls.reload()

    @server.feature(T.TEXT_DOCUMENT_CODE_ACTION, T.CodeActionOptions(
        code_action_kinds=[T.CodeActionKind.QuickFix, FIX_ALL], resolve_provider=True))
    async def code_action(ls: RegrLintServer, params: T.CodeActionParams) -> list[T.CodeAction]:
        return await ls.code_actions(params)

    @server.feature(T.CODE_ACTION_RESOLVE)
    async def code_action_resolve(ls: RegrLintServer, params: T.CodeAction) -> T.CodeAction:
        return await ls.resolve(params)

    @server.feature(T.TEXT_DOCUMENT_HOVER)
    def hover(ls: RegrLintServer, params: T.HoverParams) -> Optional[T.Hover]:
        return ls.hover(params)

    return server


def serve() -> None:
    """Serve on stdin / stdout until the client says exit."""
    out = sys.stdout.buffer
    # The protocol owns stdout: anything else printed (a warning from deep inside) goes to stderr.
    sys.stdout = sys.stderr
    logging.basicConfig(level=logging.WARNING, stream=sys.stderr)
    make_server().start_io(sys.stdin.buffer, out)
