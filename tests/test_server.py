"""`regr-lint server` end to end: the server runs as a subprocess (`python -m regr_lint server`) and a
real LSP client (pytest-lsp) drives it as an editor would. One server per test module (per xdist
worker); each test works in its own project folder, so settings never leak between tests."""
from __future__ import annotations

import asyncio
import json
import subprocess
import sys
from pathlib import Path

import pytest

pytest_lsp = pytest.importorskip("pytest_lsp", reason="pytest-lsp (the test extra) is not installed")
pytest.importorskip("pygls.lsp.server", reason="pygls >= 2 (the server extra) is not installed")

from lsprotocol import types as T  # noqa: E402
from pygls.protocol import default_converter  # noqa: E402
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities  # noqa: E402
from pytest_lsp.client import DEFAULT_CLIENT_FEATURES, register_lsp_features  # noqa: E402

pytestmark = pytest.mark.asyncio(loop_scope="module")

BUG = 'import keras\nm = keras.Sequential([keras.layers.Dense(1)])\nm.compile(loss="mse", metrics=["accuracy"])\n'
# RL101 (safe fix), RL502 (safe fix), RL505 (unsafe fix) on one line
FIXABLE = ('import keras\nm = keras.Sequential([keras.layers.Dense(1)])\n'
           'm.compile(loss="mse", metrics=["accuracy"], optimizer=keras.optimizers.Adam(lr=0.1, decay=0.01))\n')
TIMEOUT = 15.0


def _client() -> LanguageClient:
    """pytest-lsp's client, recording every publishDiagnostics (with its version) and every
    registration the server asks for."""
    client = LanguageClient(converter_factory=default_converter)
    register_lsp_features(client, {k: v for k, v in DEFAULT_CLIENT_FEATURES.items()
                                   if k != T.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS})
    client.published = []
    client.registrations = []

    @client.feature(T.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    def publish(params: T.PublishDiagnosticsParams) -> None:
        client.diagnostics[params.uri] = params.diagnostics
        client.published.append(params)

    @client.feature(T.CLIENT_REGISTER_CAPABILITY)
    def register(params: T.RegistrationParams) -> None:
        client.registrations.extend(params.registrations)

    return client


@pytest_lsp.fixture(scope="module", config=ClientServerConfig(
    server_command=[sys.executable, "-m", "regr_lint", "server"], client_factory=_client))
async def client(lsp_client: LanguageClient):
    caps = client_capabilities("visual-studio-code")
    caps.notebook_document = T.NotebookDocumentClientCapabilities(
        synchronization=T.NotebookDocumentSyncClientCapabilities(execution_summary_support=False))
    result = await lsp_client.initialize_session(T.InitializeParams(capabilities=caps))
    lsp_client.server_caps = result.capabilities
    yield
    await lsp_client.shutdown_session()


# ---------------------------------------------------------------------- helpers

def _uri(path: Path) -> str:
    return path.resolve().as_uri()


def _open(client, path: Path, text: str, version: int = 1, language: str = "python") -> str:
    uri = _uri(path)
    client.text_document_did_open(T.DidOpenTextDocumentParams(
        text_document=T.TextDocumentItem(uri=uri, language_id=language, version=version, text=text)))
    return uri


def _change(client, uri: str, text: str, version: int) -> None:
    client.text_document_did_change(T.DidChangeTextDocumentParams(
        text_document=T.VersionedTextDocumentIdentifier(uri=uri, version=version),
        content_changes=[T.TextDocumentContentChangeWholeDocument(text=text)]))


async def _published(client, uri: str, check=lambda p: True, after: int = 0) -> T.PublishDiagnosticsParams:
    """The first diagnostics published for `uri` (from the `after`-th notification on) that pass
    `check`; fails after TIMEOUT seconds."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + TIMEOUT
    while True:
        for p in client.published[after:]:
            if p.uri == uri and check(p):
                return p
        if loop.time() > deadline:
            got = [(p.uri, p.version, [d.code for d in p.diagnostics]) for p in client.published[after:]]
            raise AssertionError(f"no matching diagnostics for {uri}; published: {got}")
        await asyncio.sleep(0.02)


def _codes(p: T.PublishDiagnosticsParams) -> list[str]:
    return sorted(str(d.code) for d in p.diagnostics)


def _offset(text: str, pos: T.Position) -> int:
    lines = text.splitlines(keepends=True)
    return sum(len(ln) for ln in lines[:pos.line]) + pos.character  # the test texts are ASCII


def _apply(text: str, edits: list[T.TextEdit]) -> str:
    """What an editor does with a WorkspaceEdit's TextEdits (all against the same text)."""
    for e in sorted(edits, key=lambda e: (e.range.start.line, e.range.start.character), reverse=True):
        text = text[:_offset(text, e.range.start)] + e.new_text + text[_offset(text, e.range.end):]
    return text


async def _actions(client, uri: str, text: str, only=None) -> list[T.CodeAction]:
    n = len(text.splitlines())
    whole = T.Range(start=T.Position(line=0, character=0), end=T.Position(line=n, character=0))
    return await client.text_document_code_action_async(T.CodeActionParams(
        text_document=T.TextDocumentIdentifier(uri=uri), range=whole,
        context=T.CodeActionContext(diagnostics=[], only=only)))


# ---------------------------------------------------------------------- diagnostics

async def test_capabilities_and_settings_watchers(client):
    caps = client.server_caps
    assert caps.text_document_sync.save is not None
    assert caps.notebook_document_sync is not None
    assert caps.hover_provider
    assert "source.fixAll.regr-lint" in caps.code_action_provider.code_action_kinds
    await asyncio.sleep(0)  # the registration request follows `initialized`
    for _ in range(200):
        if client.registrations:
            break
        await asyncio.sleep(0.02)
    globs = [w["globPattern"] for r in client.registrations for w in r.register_options["watchers"]]
    assert "**/pyproject.toml" in globs and "**/regr-lint.toml" in globs


async def test_open_lints_the_unsaved_buffer(client, tmp_path):
    (tmp_path / "my project").mkdir()
    path = tmp_path / "my project" / "train.py"  # a space: %20 in the URI
    path.write_text("x = 1\n")  # the disk is clean; the buffer holds the bug
    uri = _open(client, path, BUG)
    p = await _published(client, uri)
    assert _codes(p) == ["RL101"] and p.version == 1
    d = p.diagnostics[0]
    assert d.source == "regr-lint"
    assert d.severity == T.DiagnosticSeverity.Error
    assert (d.range.start.line, d.range.start.character, d.range.end.character) == (2, 31, 41)
    assert d.code_description.href.startswith("https://") and "#" in d.code_description.href
    assert d.data["name"] == "accuracy-on-regression"
    assert d.data["fix"]["applicability"] == "safe" and d.data["fix"]["edits"]


async def test_columns_are_in_the_clients_units(client, tmp_path):
    # VS Code counts UTF-16 code units: an emoji before the finding is two of them, one code point
    text = BUG.replace('metrics=["accuracy"]', 'optimizer="adam" if "\U0001F600" else "sgd", metrics=["accuracy"]')
    uri = _open(client, tmp_path / "train.py", text)
    d = (await _published(client, uri)).diagnostics[0]
    python_col = text.splitlines()[2].index("'accuracy'".replace("'", '"'))
    assert (d.range.start.character, d.range.end.character) == (python_col + 1, python_col + 11)
    actions = await _actions(client, uri, text, only=[T.CodeActionKind.QuickFix])
    noqa = next(a for a in actions if a.title.startswith("Add `# noqa"))
    edit = noqa.edit.changes[uri][0]
    assert edit.range.end.character == len(text.splitlines()[2]) + 1  # the whole line, in UTF-16


@pytest.mark.slow  # a lint of ~2 s of CPU
async def test_the_server_answers_while_a_long_lint_runs(client, tmp_path):
    one = ('m{i} = keras.Sequential([keras.layers.Dense(8, activation="relu"), keras.layers.Dense(1)])\n'
           'm{i}.compile(loss="mse", metrics=["accuracy"])\n')
    big = _open(client, tmp_path / "big.py", "import keras\n" + "".join(one.format(i=i) for i in range(400)))
    small = _open(client, tmp_path / "small.py", "x = 1  # noqa: RL101\n", language="python")
    hover = await client.text_document_hover_async(T.HoverParams(
        text_document=T.TextDocumentIdentifier(uri=small), position=T.Position(line=0, character=17)))
    assert hover is not None and "RL101" in hover.contents.value
    assert not any(p.uri == big for p in client.published)  # the hover did not wait for the lint
    assert len((await _published(client, big)).diagnostics) == 400


async def test_changes_are_debounced_and_the_latest_text_wins(client, tmp_path):
    uri = _open(client, tmp_path / "train.py", BUG)
    await _published(client, uri, lambda p: p.version == 1)  # libcst is loaded: a lint takes ~0.05 s
    mark = len(client.published)
    # keystrokes 0.1 s apart (the debounce is 0.3 s): a lint of each would have had time to run
    _change(client, uri, BUG.replace('"accuracy"', '"mae"'), 2)
    await asyncio.sleep(0.1)
    _change(client, uri, BUG, 3)
    await asyncio.sleep(0.1)
    _change(client, uri, FIXABLE, 4)
    p = await _published(client, uri, lambda p: p.version == 4, after=mark)
    assert _codes(p) == ["RL101", "RL502", "RL505"]
    await asyncio.sleep(0.5)
    versions = [q.version for q in client.published[mark:] if q.uri == uri]
    assert versions == [4], versions


async def test_save_publishes_at_once(client, tmp_path):
    path = tmp_path / "train.py"
    path.write_text("x = 1\n")
    uri = _open(client, path, "x = 1\n")
    await _published(client, uri, lambda p: p.version == 1)
    mark = len(client.published)
    _change(client, uri, BUG, 2)
    path.write_text(BUG)
    client.text_document_did_save(T.DidSaveTextDocumentParams(text_document=T.TextDocumentIdentifier(uri=uri)))
    p = await _published(client, uri, after=mark)
    assert p.version == 2 and _codes(p) == ["RL101"]
    # a save with nothing changed still answers (the editor asked to see the findings now)
    mark = len(client.published)
    client.text_document_did_save(T.DidSaveTextDocumentParams(text_document=T.TextDocumentIdentifier(uri=uri)))
    p = await _published(client, uri, after=mark)
    assert _codes(p) == ["RL101"]


async def test_an_untitled_buffer_is_linted(client):
    uri = "untitled:Untitled-1"
    client.text_document_did_open(T.DidOpenTextDocumentParams(
        text_document=T.TextDocumentItem(uri=uri, language_id="python", version=1, text=BUG)))
    assert _codes(await _published(client, uri)) == ["RL101"]


async def test_broken_file_gets_rl000_and_the_server_keeps_serving(client, tmp_path):
    uri = _open(client, tmp_path / "broken.py", "import keras\ndef f(:\n    pass\n")
    p = await _published(client, uri)
    assert _codes(p) == ["RL000"] and p.diagnostics[0].range.start.line == 1
    other = _open(client, tmp_path / "train.py", BUG)
    assert _codes(await _published(client, other)) == ["RL101"]
    hover = await client.text_document_hover_async(T.HoverParams(
        text_document=T.TextDocumentIdentifier(uri=uri), position=T.Position(line=0, character=0)))
    assert hover is None


async def test_settings_change_relints_open_files(client, tmp_path):
    config = tmp_path / "pyproject.toml"
    config.write_text('[tool.regr-lint]\nignore = []\nper-file-ignores = { "legacy_*.py" = ["RL101"] }\n')
    uri = _open(client, tmp_path / "train.py", BUG)
    legacy = _open(client, tmp_path / "legacy_train.py", BUG)
    assert _codes(await _published(client, uri)) == ["RL101"]
    assert _codes(await _published(client, legacy)) == []  # per-file-ignores apply
    # the file changes on disk: the editor's file watcher says so
    mark = len(client.published)
    config.write_text('[tool.regr-lint]\nignore = ["RL101"]\n')
    client.workspace_did_change_watched_files(T.DidChangeWatchedFilesParams(changes=[
        T.FileEvent(uri=_uri(config), type=T.FileChangeType.Changed)]))
    assert _codes(await _published(client, uri, after=mark)) == []
    assert _codes(await _published(client, legacy, after=mark)) == []
    # the file is edited and saved in the editor
    mark = len(client.published)
    config_uri = _open(client, config, config.read_text(), language="toml")
    config.write_text('[tool.regr-lint]\nselect = ["RL1"]\n')
    client.text_document_did_save(T.DidSaveTextDocumentParams(text_document=T.TextDocumentIdentifier(uri=config_uri)))
    assert _codes(await _published(client, uri, after=mark)) == ["RL101"]


async def test_severity_follows_the_rule_and_the_projects_table(client, tmp_path):
    # RL302 (a network with no nonlinearity) is a warning by default; the project makes RL101 one too
    linear = ('import keras\nm = keras.Sequential([keras.Input((4,)), keras.layers.Dense(8), keras.layers.Dense(1)])\n'
              'm.compile(loss="mse", metrics=["accuracy"])\n')
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "pyproject.toml").write_text('[tool.regr-lint.severity]\nRL101 = "warning"\n')
    (tmp_path / "a" / "pyproject.toml").write_text("[tool.regr-lint]\n")
    by_default = {str(d.code): d.severity for d in (await _published(client, _open(client, tmp_path / "a" / "t.py",
                                                                                      linear))).diagnostics}
    overridden = {str(d.code): d.severity for d in (await _published(client, _open(client, tmp_path / "b" / "t.py",
                                                                                      linear))).diagnostics}
    assert by_default == {"RL101": T.DiagnosticSeverity.Error, "RL302": T.DiagnosticSeverity.Warning}
    assert overridden == {"RL101": T.DiagnosticSeverity.Warning, "RL302": T.DiagnosticSeverity.Warning}


MODELS = ('import keras\n\n\ndef build_model():\n    return keras.Sequential([keras.layers.Dense(8, activation="relu"), '
          'keras.layers.Dense(1, activation="{}")])\n')
TRAIN = 'from models import build_model\n\nmodel = build_model()\nmodel.compile(loss="mse", optimizer="adam")\n'


async def test_project_modules_are_read_and_a_save_there_relints_the_importers(client, tmp_path):
    (tmp_path / "pyproject.toml").write_text("")
    models = tmp_path / "models.py"
    models.write_text(MODELS.format("sigmoid"))
    (tmp_path / "train.py").write_text(TRAIN)  # a file on disk has a project (as with --stdin-filename)
    uri = _open(client, tmp_path / "train.py", TRAIN)
    p = await _published(client, uri)
    assert _codes(p) == ["RL102"] and "models.py:5" in p.diagnostics[0].message  # the head is in models.py
    models_uri = _open(client, models, models.read_text())
    await _published(client, models_uri)
    mark = len(client.published)
    models.write_text(MODELS.format("linear"))  # the editor saved models.py
    _change(client, models_uri, MODELS.format("linear"), 2)
    client.text_document_did_save(T.DidSaveTextDocumentParams(text_document=T.TextDocumentIdentifier(uri=models_uri)))
    assert _codes(await _published(client, uri, after=mark)) == []


async def test_excluded_files_get_no_diagnostics(client, tmp_path):
    (tmp_path / "regr-lint.toml").write_text('exclude = ["generated/"]\n')
    (tmp_path / "generated").mkdir()
    uri = _open(client, tmp_path / "generated" / "train.py", BUG)
    kept = _open(client, tmp_path / "train.py", BUG)
    assert _codes(await _published(client, kept)) == ["RL101"]
    assert _codes(await _published(client, uri)) == []


async def test_broken_settings_are_said_and_lint_nothing(client, tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.regr-lint]\nselect = "RL1"\n')
    uri = _open(client, tmp_path / "train.py", BUG)
    assert _codes(await _published(client, uri)) == []
    for _ in range(200):
        if any("must be a list of strings" in m.message for m in client.messages):
            break
        await asyncio.sleep(0.02)
    assert any("must be a list of strings" in m.message and m.type == T.MessageType.Error for m in client.messages)


# ---------------------------------------------------------------------- code actions

async def _relinted(client, uri: str, text: str, version: int) -> list[str]:
    mark = len(client.published)
    _change(client, uri, text, version)
    return _codes(await _published(client, uri, lambda p: p.version == version, after=mark))


async def test_each_quick_fix_applied_leaves_no_finding(client, tmp_path):
    uri = _open(client, tmp_path / "train.py", FIXABLE)
    assert _codes(await _published(client, uri)) == ["RL101", "RL502", "RL505"]
    actions = await _actions(client, uri, FIXABLE, only=[T.CodeActionKind.QuickFix])
    fixes = {a.diagnostics[0].code: a for a in actions if not a.title.startswith("Add `# noqa")}
    assert set(fixes) == {"RL101", "RL502", "RL505"}
    assert fixes["RL505"].title.endswith("(unsafe)") and not fixes["RL502"].title.endswith("(unsafe)")
    assert fixes["RL502"].is_preferred and not fixes["RL505"].is_preferred
    version = 1
    for code, action in sorted(fixes.items()):
        version += 1
        fixed = _apply(FIXABLE, action.edit.changes[uri])
        left = await _relinted(client, uri, fixed, version)
        assert code not in left, (code, fixed)


async def test_add_noqa_merges_with_an_existing_one(client, tmp_path):
    text = BUG.replace('metrics=["accuracy"])', 'metrics=["accuracy"])  # noqa: E501')
    uri = _open(client, tmp_path / "train.py", text)
    assert _codes(await _published(client, uri)) == ["RL101"]
    actions = await _actions(client, uri, text)
    noqa = [a for a in actions if a.title == "Add `# noqa: RL101`"]
    assert len(noqa) == 1
    fixed = _apply(text, noqa[0].edit.changes[uri])
    assert fixed.splitlines()[2].endswith("# noqa: E501, RL101")
    assert await _relinted(client, uri, fixed, 2) == []


async def test_fix_all_applies_safe_fixes_only_by_default(client, tmp_path):
    uri = _open(client, tmp_path / "train.py", FIXABLE)
    await _published(client, uri)
    actions = await _actions(client, uri, FIXABLE, only=["source.fixAll"])
    assert [a.kind for a in actions] == ["source.fixAll.regr-lint"]
    fixed = _apply(FIXABLE, actions[0].edit.changes[uri])
    assert await _relinted(client, uri, fixed, 2) == ["RL505"]  # the unsafe one stays


async def test_fix_all_among_all_actions_is_resolved_only_when_chosen(client, tmp_path):
    uri = _open(client, tmp_path / "train.py", FIXABLE)
    await _published(client, uri)
    actions = await _actions(client, uri, FIXABLE)  # no `only`: what a cursor move asks for
    fix_all = [a for a in actions if a.kind == "source.fixAll.regr-lint"]
    assert len(fix_all) == 1 and fix_all[0].edit is None  # VS Code resolves edits: none computed yet
    resolved = await client.code_action_resolve_async(fix_all[0])
    fixed = _apply(FIXABLE, resolved.edit.changes[uri])
    assert await _relinted(client, uri, fixed, 2) == ["RL505"]


async def test_fix_all_applies_unsafe_fixes_when_the_project_enables_them(client, tmp_path):
    (tmp_path / "regr-lint.toml").write_text("unsafe-fixes = true\n")
    uri = _open(client, tmp_path / "train.py", FIXABLE)
    await _published(client, uri)
    actions = await _actions(client, uri, FIXABLE, only=["source.fixAll.regr-lint"])
    assert len(actions) == 1 and "unsafe" in actions[0].title
    fixed = _apply(FIXABLE, actions[0].edit.changes[uri])
    assert await _relinted(client, uri, fixed, 2) == []


# ---------------------------------------------------------------------- hover

async def test_hover_on_a_noqa_code_shows_the_rule_docs_with_evidence(client, tmp_path):
    text = "import keras\nopt = keras.optimizers.Adam(learning_rate=0.1)  # noqa: RL101, RL502\n"
    uri = _open(client, tmp_path / "train.py", text)
    col = text.splitlines()[1].index("RL502") + 2
    hover = await client.text_document_hover_async(T.HoverParams(
        text_document=T.TextDocumentIdentifier(uri=uri), position=T.Position(line=1, character=col)))
    assert hover is not None and hover.contents.kind == T.MarkupKind.Markdown
    shown = subprocess.run([sys.executable, "-m", "regr_lint", "rule", "RL502"], capture_output=True,
                           text=True, check=True).stdout
    assert hover.contents.value.strip() == shown.strip()
    assert "## Verified" in hover.contents.value
    elsewhere = await client.text_document_hover_async(T.HoverParams(
        text_document=T.TextDocumentIdentifier(uri=uri), position=T.Position(line=1, character=3)))
    assert elsewhere is None


# ---------------------------------------------------------------------- notebooks

async def test_notebook_cells_get_their_own_diagnostics_and_fixes(client, tmp_path):
    nb_uri = _uri(tmp_path / "train.ipynb")
    cells = [("import keras\n%matplotlib inline", T.NotebookCellKind.Code),
             ("# Training", T.NotebookCellKind.Markup),
             ('m = keras.Sequential([keras.layers.Dense(1)])\nm.compile(loss="mse", metrics=["accuracy"])',
              T.NotebookCellKind.Code)]
    docs = [T.TextDocumentItem(uri=f"{nb_uri}#cell{i}", language_id="python" if kind == T.NotebookCellKind.Code
                               else "markdown", version=1, text=text) for i, (text, kind) in enumerate(cells)]
    client.notebook_document_did_open(T.DidOpenNotebookDocumentParams(
        notebook_document=T.NotebookDocument(uri=nb_uri, notebook_type="jupyter-notebook", version=1, cells=[
            T.NotebookCell(kind=kind, document=doc.uri) for (_, kind), doc in zip(cells, docs)]),
        cell_text_documents=docs))
    first = await _published(client, docs[0].uri)
    third = await _published(client, docs[2].uri)
    assert _codes(first) == [] and _codes(third) == ["RL101"]
    assert third.diagnostics[0].range.start.line == 1  # the line within the cell
    assert not any(p.uri == docs[1].uri for p in client.published)  # markdown is not linted
    actions = await _actions(client, docs[2].uri, cells[2][0], only=[T.CodeActionKind.QuickFix])
    fix = next(a for a in actions if a.diagnostics[0].code == "RL101" and not a.title.startswith("Add"))
    assert list(fix.edit.changes) == [docs[2].uri]
    fixed = _apply(cells[2][0], fix.edit.changes[docs[2].uri])
    mark = len(client.published)
    client.notebook_document_did_change(T.DidChangeNotebookDocumentParams(
        notebook_document=T.VersionedNotebookDocumentIdentifier(uri=nb_uri, version=2),
        change=T.NotebookDocumentChangeEvent(cells=T.NotebookDocumentCellChanges(text_content=[
            T.NotebookDocumentCellContentChanges(
                document=T.VersionedTextDocumentIdentifier(uri=docs[2].uri, version=2),
                changes=[T.TextDocumentContentChangeWholeDocument(text=fixed)])]))))
    assert _codes(await _published(client, docs[2].uri, after=mark)) == []
    # fix-all and noqa work across the cells too
    actions = await _actions(client, docs[2].uri, fixed)
    assert not [a for a in actions if a.kind == "source.fixAll.regr-lint"]  # nothing left to fix


def _open_notebook(client, path: Path, sources: list[str]) -> list[str]:
    nb_uri = _uri(path)
    docs = [T.TextDocumentItem(uri=f"{nb_uri}#cell{i}", language_id="python", version=1, text=text)
            for i, text in enumerate(sources)]
    client.notebook_document_did_open(T.DidOpenNotebookDocumentParams(
        notebook_document=T.NotebookDocument(uri=nb_uri, notebook_type="jupyter-notebook", version=1, cells=[
            T.NotebookCell(kind=T.NotebookCellKind.Code, document=d.uri) for d in docs]),
        cell_text_documents=docs))
    return [d.uri for d in docs]


def _change_cell(client, nb_uri: str, cell_uri: str, text: str, version: int) -> None:
    client.notebook_document_did_change(T.DidChangeNotebookDocumentParams(
        notebook_document=T.VersionedNotebookDocumentIdentifier(uri=nb_uri, version=version),
        change=T.NotebookDocumentChangeEvent(cells=T.NotebookDocumentCellChanges(text_content=[
            T.NotebookDocumentCellContentChanges(
                document=T.VersionedTextDocumentIdentifier(uri=cell_uri, version=version),
                changes=[T.TextDocumentContentChangeWholeDocument(text=text)])]))))


async def test_notebook_fix_all_and_noqa_edit_the_right_cell(client, tmp_path):
    first, second = FIXABLE.split("m.compile")
    second = "m.compile" + second.rstrip("\n")
    path = tmp_path / "train.ipynb"
    cells = _open_notebook(client, path, [first.rstrip("\n"), second])
    assert _codes(await _published(client, cells[1])) == ["RL101", "RL502", "RL505"]
    actions = await _actions(client, cells[1], second, only=["source.fixAll.regr-lint"])
    assert len(actions) == 1 and list(actions[0].edit.changes) == [cells[1]]
    fixed = _apply(second, actions[0].edit.changes[cells[1]])
    mark = len(client.published)
    _change_cell(client, _uri(path), cells[1], fixed, 2)
    assert _codes(await _published(client, cells[1], after=mark)) == ["RL505"]  # safe fixes only
    actions = await _actions(client, cells[1], fixed, only=[T.CodeActionKind.QuickFix])
    noqa = next(a for a in actions if a.title == "Add `# noqa: RL505`")
    with_noqa = _apply(fixed, noqa.edit.changes[cells[1]])
    assert with_noqa.endswith("  # noqa: RL505")
    mark = len(client.published)
    _change_cell(client, _uri(path), cells[1], with_noqa, 3)
    assert _codes(await _published(client, cells[1], after=mark)) == []
