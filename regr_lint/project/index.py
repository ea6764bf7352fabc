"""The project's own modules: which file an import names, and what each module defines and imports.

Groundwork for reading across modules (issue 14). Given a project root and the paths being linted,
`ProjectIndex` maps import names to the project's files the way Python's import system would find
them on the project's own search path — never in site-packages, a virtualenv, or a folder discovery
skips — and summarises each module from CPython's `ast`: its top-level names (functions, classes,
constants with literal values, imports), what it imports anywhere, and whether it uses Keras.
Nothing is ever imported or executed.

The search path, in the order Python would search it for a file run as a script or with `-m`:

1. the importing file's own directory (a script's `sys.path[0]`);
2. the directory above the importing file's outermost package (`python -m pkg.train` from there);
3. the project root, and `<root>/src` when it exists (a src/ layout);
4. the linted paths' directories (a linted directory itself, a linted file's directory).

A module name is found in the first entry holding it, as `name.py` or `name/__init__.py`, with
intermediate directories as packages (an `__init__.py` is not required: namespace packages).
Relative imports resolve from the importing file's directory, one level up per extra dot.

Summaries are computed once per run per content (keyed by the SHA-256 of the file's bytes: two
identical files share one), and, when a cache directory is given, stored there as JSON so that a
later run reads them back instead of parsing. A summary holds no path: relative imports are kept
as (module, level) and resolved from whichever file has those contents.

Name resolution (`lookup`, `resolve`) follows a name through re-exports (`from .losses import
rmse` in `__init__.py`), aliases (`import x as y`), star imports (`from .x import *`, honouring
`__all__` and the underscore rule) and submodules (`from pkg import sub`), the last top-level
binding winning, as at run time. Cycles end the chain and at most MAX_DEPTH hops are followed;
whatever cannot be resolved is None, never a guess.
"""
from __future__ import annotations

import ast
import hashlib
import json
import os
import sys
import warnings
from dataclasses import dataclass, field
from typing import Iterable, NamedTuple, Optional

from regr_lint.input.discovery import _skip_dir
from regr_lint.input.files import write_atomic
from regr_lint.input.parsing import without_gc
from regr_lint.input.source import SourceError, decode, read_bytes
from regr_lint.project.search_path import added_folders

# Importing any of these (or a submodule) is using Keras.
KERAS_MODULES = frozenset({"keras", "tensorflow", "tf_keras"})
# Hops through re-exports / star imports / aliases before a name is given up as unknown.
MAX_DEPTH = 24
# Never part of the project, whatever the search path says: installed packages.
_INSTALLED = frozenset({"site-packages", "dist-packages"})
SUMMARY_FORMAT = 1  # bump when ModuleSummary's fields or their meaning change
SUMMARY_DIR = f"modules-v{SUMMARY_FORMAT}"


# --------------------------------------------------------------------------- summaries

@dataclass(frozen=True)
class Binding:
    """One top-level binding of a name, in source order.

    kind: "function", "class", "constant" (an assignment of a literal: `value` holds it), "assign"
    (any other assignment, `del`, a loop / `with` target …), "import" (`import module` /
    `import a.b as name`: `module` is the module bound), "from" (`from module import name`:
    `module`, `level`, `attr` the imported attribute), "star" (`from module import *`: the name is
    "*"; which names it binds is known only from `module`).
    `conditional`: inside a top-level `if` / `try` / `with` / loop body, so maybe never run.
    """

    name: str
    kind: str
    line: int
    end_line: int
    value: object = None
    module: Optional[str] = None
    level: int = 0
    attr: Optional[str] = None
    conditional: bool = False


class Import(NamedTuple):
    """One import anywhere in a module. `import a.b, c`: module None, level 0, names the modules
    ("a.b", "c"). `from <dots>module import x, y`: level the number of dots, module None for
    `from . import x`, names the imported attributes ("*" for a star import)."""

    module: Optional[str]
    level: int
    names: tuple
    line: int


@dataclass(frozen=True)
class ModuleSummary:
    """What one module's contents define and import. `error` says why it could not be read or
    parsed (then it defines nothing)."""

    digest: str
    bindings: tuple = ()  # Binding, in source order
    imports: tuple = ()  # Import, in source order
    stars: tuple = ()  # (module, level) of top-level `from module import *`, in source order
    all: Optional[tuple] = None  # __all__ when it is a literal list / tuple of strings
    keras: bool = False  # imports keras / tensorflow / tf_keras (or a submodule) itself
    error: Optional[str] = None
    _last: dict = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        for b in self.bindings:
            self._last[b.name] = b

    def binding(self, name: str) -> Optional[Binding]:
        """The last top-level binding of `name` (the one in force after the module has run)."""
        return self._last.get(name)

    def bindings_of(self, name: str) -> list[Binding]:
        """Every top-level binding of `name`, in source order (a conditional import and its
        fallback: both)."""
        return [b for b in self.bindings if b.name == name]

    def defines(self) -> dict[str, Binding]:
        """Every top-level name, with its last binding (star imports, whose names are not known
        from this module alone, left out)."""
        return {name: b for name, b in self._last.items() if b.kind != "star"}

    def exported(self, name: str) -> bool:
        """Whether `from this import *` binds `name` (when this module binds it)."""
        if self.all is not None:
            return name in self.all
        return not name.startswith("_")


def summarise(data: bytes, tree: Optional[ast.Module] = None) -> ModuleSummary:
    """The summary of a module with these bytes. Never raises for a bad module. `tree`: CPython's
    tree of these bytes when the caller has it already (the engine parses every Keras file): the
    parse is most of a summary's cost."""
    digest = hashlib.sha256(data).hexdigest()
    if tree is None:
        try:
            text = decode(data)
        except SourceError as exc:
            return ModuleSummary(digest, error=str(exc))
        try:
            with warnings.catch_warnings(), without_gc():
                warnings.simplefilter("ignore")
                tree = ast.parse(text)
        except SyntaxError as exc:
            return ModuleSummary(digest, error=f"syntax error: {exc.msg} (line {exc.lineno})")
        except (ValueError, RecursionError, MemoryError) as exc:
            return ModuleSummary(digest, error=f"cannot parse: {type(exc).__name__}: {exc}")
    bindings: list[Binding] = []
    stars: list[tuple] = []
    all_names: list = [None]
    _top_level(tree.body, False, bindings, stars, all_names)
    imports = _imports(tree)
    keras = any(imp.level == 0 and (imp.module or "").partition(".")[0] in KERAS_MODULES
                or imp.level == 0 and imp.module is None
                and any(n.partition(".")[0] in KERAS_MODULES for n in imp.names)
                for imp in imports)
    return ModuleSummary(digest, tuple(bindings), tuple(imports), tuple(stars),
                         None if all_names[0] is None else tuple(all_names[0]), keras)


# The statements that hold statements: the only ones the walk for imports goes into.
_COMPOUND = frozenset({ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.If, ast.For, ast.AsyncFor,
                       ast.While, ast.With, ast.AsyncWith, ast.Try, getattr(ast, "TryStar", ast.Try),
                       ast.Match})


def _imports(tree: ast.Module) -> list[Import]:
    """Every import statement, at any depth: only statement lists are walked (imports are
    statements), never expressions, which is most of a tree."""
    out: list[Import] = []
    stack = [tree.body]
    while stack:
        for node in stack.pop():
            kind = type(node)
            if kind is ast.Import:
                # `module` None: each name in `names` is a module imported in full.
                out.append(Import(None, 0, tuple(a.name for a in node.names), node.lineno))
            elif kind is ast.ImportFrom:
                out.append(Import(node.module, node.level or 0, tuple(a.name for a in node.names),
                                  node.lineno))
            elif kind in _COMPOUND:
                if kind is not ast.Match:  # a match statement's statements are its cases' bodies
                    stack.append(node.body)
                for attr in ("orelse", "finalbody"):
                    block = getattr(node, attr, None)
                    if block:
                        stack.append(block)
                for sub in getattr(node, "handlers", None) or getattr(node, "cases", None) or ():
                    stack.append(sub.body)
    out.sort(key=lambda i: i.line)
    return out


# A literal longer than this (lines) or a container with more elements is data, not a setting: not
# evaluated, not stored (an embedded array would cost time and cache space on every run).
_MAX_LITERAL_LINES = 40
_MAX_LITERAL_ELEMENTS = 256


def _literal(node: Optional[ast.expr]) -> tuple[bool, object]:
    """(True, the value) when `node` is a literal of reasonable size, else (False, None)."""
    if node is None or (node.end_lineno or node.lineno) - node.lineno > _MAX_LITERAL_LINES:
        return False, None
    size = len(node.keys) if isinstance(node, ast.Dict) else len(getattr(node, "elts", ()) or ())
    if size > _MAX_LITERAL_ELEMENTS:
        return False, None
    try:
        value = ast.literal_eval(node)
    except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
        return False, None
    return (True, value) if _round_trips(value) else (False, None)


def _round_trips(value: object) -> bool:
    """Whether repr(value) reads back as the value (how summaries are stored): `1e999` is inf,
    whose repr is no literal."""
    if isinstance(value, float):
        return value == value and value not in (float("inf"), float("-inf"))
    if isinstance(value, complex):
        return _round_trips(value.real) and _round_trips(value.imag)
    if isinstance(value, dict):
        return all(_round_trips(k) and _round_trips(v) for k, v in value.items())
    if isinstance(value, (list, tuple, set, frozenset)):
        return all(_round_trips(v) for v in value)
    return True


def _targets(target: ast.expr) -> Iterable[ast.Name]:
    if isinstance(target, ast.Name):
        yield target
    elif isinstance(target, (ast.Tuple, ast.List)):
        for elt in target.elts:
            yield from _targets(elt.value if isinstance(elt, ast.Starred) else elt)


def _is_main_guard(test: ast.expr) -> bool:
    return (isinstance(test, ast.Compare) and len(test.ops) == 1 and isinstance(test.ops[0], ast.Eq)
            and {type(test.left), type(test.comparators[0])} == {ast.Name, ast.Constant}
            and {getattr(test.left, "id", None), getattr(test.comparators[0], "id", None)} >= {"__name__"}
            and "__main__" in (getattr(test.left, "value", None), getattr(test.comparators[0], "value", None)))


def _top_level(body: list, conditional: bool, out: list, stars: list, all_names: list) -> None:
    for node in body:
        line, end = node.lineno, getattr(node, "end_lineno", None) or node.lineno

        def bind(name: str, kind: str, **kw) -> None:
            out.append(Binding(name, kind, line, end, conditional=conditional, **kw))

        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            bind(node.name, "function")
        elif isinstance(node, ast.ClassDef):
            bind(node.name, "class")
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.asname:
                    bind(alias.asname, "import", module=alias.name)
                else:  # `import a.b.c` binds `a`, the top package
                    top = alias.name.partition(".")[0]
                    bind(top, "import", module=top)
        elif isinstance(node, ast.ImportFrom):
            for alias in node.names:
                if alias.name == "*":
                    stars.append((node.module, node.level or 0))
                    # A star import's names are resolved lazily; its place in the order matters.
                    bind("*", "star", module=node.module, level=node.level or 0)
                else:
                    bind(alias.asname or alias.name, "from", module=node.module, level=node.level or 0,
                         attr=alias.name)
        elif isinstance(node, (ast.Assign, ast.AnnAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            value = node.value
            if isinstance(node, ast.AnnAssign) and value is None:
                continue  # `x: int` binds nothing
            for target in targets:
                if isinstance(target, ast.Name):
                    ok, lit = _literal(value)
                    if target.id == "__all__" and ok and isinstance(lit, (list, tuple)) \
                            and all(isinstance(s, str) for s in lit):
                        all_names[0] = list(lit)
                    bind(target.id, "constant" if ok else "assign", value=lit)
                elif isinstance(target, (ast.Tuple, ast.List)) and isinstance(value, (ast.Tuple, ast.List)) \
                        and len(target.elts) == len(value.elts) \
                        and not any(isinstance(e, ast.Starred) for e in target.elts + value.elts):
                    for t, v in zip(target.elts, value.elts):  # `A, B = 1, "x"`
                        for name in _targets(t):
                            ok, lit = _literal(v) if isinstance(t, ast.Name) else (False, None)
                            bind(name.id, "constant" if ok else "assign", value=lit)
                else:
                    for name in _targets(target):
                        bind(name.id, "assign")
        elif isinstance(node, ast.AugAssign):
            if isinstance(node.target, ast.Name):
                name = node.target.id
                ok, lit = _literal(node.value)
                if name == "__all__" and all_names[0] is not None and ok and isinstance(lit, (list, tuple)):
                    all_names[0] = all_names[0] + [s for s in lit if isinstance(s, str)]
                bind(name, "assign")  # a constant changed in place is no longer the literal
        elif isinstance(node, ast.Delete):
            for target in node.targets:
                for name in _targets(target):
                    bind(name.id, "assign")
        elif isinstance(node, (ast.For, ast.AsyncFor, ast.With, ast.AsyncWith)):
            for target in ([node.target] if hasattr(node, "target") else
                           [i.optional_vars for i in node.items if i.optional_vars is not None]):
                for name in _targets(target):
                    bind(name.id, "assign")
            _top_level(node.body, True, out, stars, all_names)
            _top_level(getattr(node, "orelse", []), True, out, stars, all_names)
        elif isinstance(node, ast.If) and _is_main_guard(node.test):
            # `if __name__ == "__main__":` never runs when the module is imported; its imports
            # (often of the module's own names, for a demo) would shadow the real definitions.
            _top_level(node.orelse, True, out, stars, all_names)
        elif isinstance(node, (ast.If, ast.While)):
            _top_level(node.body, True, out, stars, all_names)
            _top_level(node.orelse, True, out, stars, all_names)
        elif isinstance(node, ast.Try) or type(node).__name__ == "TryStar":
            _top_level(node.body, True, out, stars, all_names)
            for handler in node.handlers:
                if handler.name:
                    bind(handler.name, "assign")
                _top_level(handler.body, True, out, stars, all_names)
            _top_level(node.orelse, True, out, stars, all_names)
            _top_level(node.finalbody, True, out, stars, all_names)
        elif type(node).__name__ == "TypeAlias":
            bind(node.name.id, "assign")
        # Walrus targets and match captures at top level are rare enough to leave unknown.


# --------------------------------------------------------------------------- summaries on disk

def _dump(summary: ModuleSummary) -> bytes:
    def binding(b: Binding) -> list:
        return [b.name, b.kind, b.line, b.end_line, repr(b.value) if b.kind == "constant" else None,
                b.module, b.level, b.attr, b.conditional]

    return json.dumps({
        "digest": summary.digest,
        "bindings": [binding(b) for b in summary.bindings],
        "imports": [[i.module, i.level, list(i.names), i.line] for i in summary.imports],
        "stars": [list(s) for s in summary.stars],
        "all": None if summary.all is None else list(summary.all),
        "keras": summary.keras, "error": summary.error,
    }, separators=(",", ":")).encode()


def _load(data: bytes, digest: str) -> Optional[ModuleSummary]:
    """The summary stored in `data`, or None when it is not exactly what _dump writes."""
    try:
        doc = json.loads(data)
        if doc["digest"] != digest:
            return None
        bindings = []
        for name, kind, line, end, value, module, level, attr, cond in doc["bindings"]:
            bindings.append(Binding(name, kind, int(line), int(end),
                                    ast.literal_eval(value) if value is not None else None,
                                    module, int(level), attr, bool(cond)))
        return ModuleSummary(
            digest, tuple(bindings),
            tuple(Import(m, int(lv), tuple(n), int(ln)) for m, lv, n, ln in doc["imports"]),
            tuple((m, int(lv)) for m, lv in doc["stars"]),
            None if doc["all"] is None else tuple(doc["all"]), bool(doc["keras"]), doc["error"])
    except (ValueError, KeyError, TypeError, SyntaxError, RecursionError, MemoryError):
        return None


# --------------------------------------------------------------------------- the index

class Resolved(NamedTuple):
    """Where an imported name is defined: `path`, the module's file, and `name`, the top-level name
    there (None: the name is the module itself, e.g. `from pkg import submodule`)."""

    path: str
    name: Optional[str]


class External(NamedTuple):
    """A name that leads out of the project: `module` is the absolute module it is imported from,
    `attr` the attribute of it (None: the module itself). `via` is the project file that imports it."""

    module: str
    attr: Optional[str]
    via: str


def _stat_sig(path: str) -> str:
    try:
        st = os.stat(path)
    except OSError:
        return "?"
    return f"{st.st_size}:{st.st_mtime_ns}"


_STDLIB = frozenset(getattr(sys, "stdlib_module_names", ())) | {"__future__"}


def _norm(path: str) -> str:
    return os.path.normpath(os.path.abspath(path))


def folder_of(path: str) -> str:
    """The folder `module_file_in` takes for a file at `path`."""
    return os.path.dirname(_norm(path))


class ProjectIndex:
    """The modules of the project at `root`, for imports made by the `linted` paths' files.

    `cache_dir`: where to keep summaries between runs, in `<cache_dir>/modules-v<format>/`: the
    result cache's folder (`.regr_lint_cache`, which `regr-lint clean` removes whole) is meant;
    None keeps them in memory only. A summary on disk is keyed by the file's SHA-256, the format,
    the Python version and this module's own file (size, mtime).
    """

    def __init__(self, root: str, linted: Iterable[str] = (), cache_dir: Optional[str] = None,
                 climb: bool = False):
        self.root = _norm(root)
        # A root no project marker set (the importing file's own folder): an absolute import whose
        # first name is a folder the file lies in (`from cbrain.imports import *` in
        # `cbrain/legacy/run.py`) is also looked for above that folder, as Python run from there would.
        self.climb = climb
        roots = [self.root]
        src = os.path.join(self.root, "src")
        if os.path.isdir(src):
            roots.append(src)
        for given in linted:
            given = _norm(given)
            roots.append(given if os.path.isdir(given) else os.path.dirname(given))
        self.search = list(dict.fromkeys(roots))
        self.cache_dir = cache_dir
        # What a stored summary also depends on: what this Python parses, and this module's code
        # (an edit of an editable install changes summaries without a format bump).
        self._salt = f"{SUMMARY_FORMAT}:{sys.version_info[:2]}:{_stat_sig(__file__)}"
        self._by_digest: dict[str, ModuleSummary] = {}
        self._by_path: dict[str, ModuleSummary] = {}
        self._found: dict[tuple, Optional[str]] = {}
        self._probed: dict[str, bool] = {}  # path -> is a file (or, for folders, a folder)
        self._resolved: dict[tuple, Optional[Resolved]] = {}
        self._skip: dict[str, bool] = {}
        self._paths: dict[str, list] = {}
        self._imports_of: dict[tuple, tuple] = {}  # (path, leave_out) -> files
        self._keras: dict[str, bool] = {}
        # Summaries computed this run (not found in memory or on disk), and of those, the files
        # this index parsed itself (no tree given).
        self.computed = 0
        self.parsed = 0

    # ----------------------------------------------------------------- finding files

    def _skipped(self, directory: str) -> bool:
        """Whether `directory`, a folder descended into while resolving a module name, is one that
        cannot hold project modules: an installed-packages folder, a virtualenv, or a folder
        discovery skips (tool caches, build output) unless it is a package itself
        (`pip/_internal/operations/build/__init__.py`: build output is never one). Only folders
        below a search root are asked: the root itself may well sit below a `build/` or `.cache/`."""
        known = self._skip.get(directory)
        if known is None:
            name = os.path.basename(directory)
            known = name in _INSTALLED or os.path.isfile(os.path.join(directory, "pyvenv.cfg")) or (
                _skip_dir(directory, name) and not os.path.isfile(os.path.join(directory, "__init__.py")))
            self._skip[directory] = known
        return known

    def _search_path(self, here: Optional[str]) -> list[str]:
        """Where an absolute import made in a file of folder `here` is looked for."""
        if here is None:
            return self.search
        known = self._paths.get(here)
        if known is not None:
            return known
        top = here
        while os.path.isfile(os.path.join(top, "__init__.py")) and os.path.dirname(top) != top:
            top = os.path.dirname(top)
        # Last, the folders between the file and the root: a helper in `K/utils/cnn.py` importing
        # `utils.load` is run from `K/` by a script there, which no other entry names.
        ancestors = []
        probe = os.path.dirname(top)
        while probe.startswith(self.root + os.sep) and probe != top:
            ancestors.append(probe)
            probe = os.path.dirname(probe)
        # A script's own folder is its sys.path[0]; a package's module is never run that way
        # (pip/_vendor/rich/abc.py importing the standard `abc` does not import itself).
        first = [here] if top == here else []
        # Last of all, the folders the folder's scripts and notebooks append to sys.path themselves
        # (`sys.path.append("../../")` before `from data_processing import ...`)
        added = [f for f in added_folders(here, self._listing(here)) if not self._skipped(f)] if first else []
        known = self._paths[here] = list(dict.fromkeys(first + [top] + self.search + ancestors + added))
        return known

    def _listing(self, folder: str) -> list[str]:
        try:
            return sorted(os.listdir(folder))
        except OSError:
            return []

    def _module_in(self, base: str, parts: list[str]) -> Optional[str]:
        """The file of module `parts` below directory `base`: `a/b.py` or `a/b/__init__.py`."""
        directory = base
        for part in parts[:-1]:
            directory = os.path.join(directory, part)
            if not self._is(directory, os.path.isdir) or self._skipped(directory):
                return None
        leaf = os.path.join(directory, parts[-1])
        package = os.path.join(leaf, "__init__.py")
        if self._is(package, os.path.isfile) and not self._skipped(leaf):
            return package
        module = leaf + ".py"
        return module if self._is(module, os.path.isfile) else None

    def _is(self, path: str, test) -> bool:
        """`test(path)` (isfile / isdir), once per path for the index's life: the same candidates
        (`<base>/numpy.py`, `<base>/numpy/__init__.py` …) are probed for every folder that imports
        the name. One snapshot of the disk, as `_found` is."""
        known = self._probed.get(path)
        if known is None:
            known = self._probed[path] = test(path)
        return known

    def _relative_base(self, here: Optional[str], level: int) -> Optional[str]:
        """The folder `level` dots name from a file in folder `here`."""
        base = here
        for _ in range(level - 1):
            parent = os.path.dirname(base)
            if parent == base:
                return None
            base = parent
        return base

    def module_file(self, import_name: Optional[str], importing_file: Optional[str] = None,
                    level: int = 0) -> Optional[str]:
        """The project file of module `import_name` as imported from `importing_file` with `level`
        leading dots (0: absolute), or None when it is not one of the project's modules (an
        installed package, the standard library, a namespace package's directory, nothing)."""
        if level and importing_file is None:
            return None
        return self._find(import_name, os.path.dirname(_norm(importing_file)) if importing_file else None,
                          level)

    def module_file_in(self, import_name: Optional[str], folder: str, level: int = 0) -> Optional[str]:
        """`module_file` for a file in `folder` (absolute, normalised: `folder_of`): a caller asking
        for each import of one file normalises its path once."""
        return self._find(import_name, folder, level)

    def _find(self, import_name: Optional[str], here: Optional[str], level: int) -> Optional[str]:
        """module_file for a file in the (normalised) folder `here`: what it finds depends only on
        the importing file's folder, so files side by side share the answers."""
        key = (import_name, here, level)
        try:
            return self._found[key]
        except KeyError:
            pass
        parts = [p for p in (import_name or "").split(".") if p]
        found = None
        if level:
            base = self._relative_base(here, level)
            if base is not None:
                if parts:
                    found = self._module_in(base, parts)
                else:
                    init = os.path.join(base, "__init__.py")
                    found = init if self._is(init, os.path.isfile) else None
        elif parts:
            for base in self._search_path(here):
                found = self._module_in(base, parts)
                if found is not None:
                    break
            if found is None and self.climb and here is not None:
                folder = here
                for _ in range(16):
                    parent = os.path.dirname(folder)
                    if parent == folder:
                        break
                    if os.path.basename(folder) == parts[0]:
                        found = self._module_in(parent, parts)
                        if found is not None:
                            break
                    folder = parent
            if found is None and here is not None and parts[0] not in _STDLIB \
                    and os.path.isfile(os.path.join(here, "__init__.py")):
                # Last, a module beside the file in a package folder: a script run from there
                # (`python exp/train.py` with exp/__init__.py) imports its siblings by bare name;
                # never a standard library name (a package's `logging.py` is not `import logging`)
                found = self._module_in(here, parts)
        self._found[key] = found
        return found

    def _submodule(self, package_file: str, name: str) -> Optional[str]:
        """`name` as a submodule of the package whose `__init__.py` is `package_file`."""
        if os.path.basename(package_file) != "__init__.py":
            return None
        found = self._module_in(os.path.dirname(package_file), [name])
        return found

    def only_submodules(self, package: str, names) -> bool:
        """`from pkg import a, b` reads only submodules: `package` is a package's `__init__.py` that
        binds none of `names` itself (no binding, no star import that could bring one) and each is a
        submodule of it. What the names are then bound to is known without reading `__init__.py`,
        which in a library re-exports every module (`from autokeras import test_utils`)."""
        if not names or os.path.basename(package) != "__init__.py":
            return False
        summary = self.summary(package)
        return summary.error is None and not summary.stars and all(
            summary.binding(n) is None and self._submodule(package, n) is not None for n in names)

    def modules(self) -> dict[str, str]:
        """Every module the search roots hold, import name -> file (the first root holding a
        name wins), for listing and measuring; resolution never needs the whole walk."""
        out: dict[str, str] = {}
        for base in self.search:
            for dirpath, dirnames, filenames in os.walk(base):
                dirnames[:] = sorted(d for d in dirnames
                                     if d.isidentifier() and not self._skipped(os.path.join(dirpath, d)))
                rel = os.path.relpath(dirpath, base)
                prefix = [] if rel == "." else rel.split(os.sep)
                for name in sorted(filenames):
                    if not name.endswith(".py"):
                        continue
                    stem = name[:-3]
                    parts = prefix if stem == "__init__" else prefix + [stem]
                    if parts and all(p.isidentifier() for p in parts):
                        out.setdefault(".".join(parts), _norm(os.path.join(dirpath, name)))
        return out

    # ----------------------------------------------------------------- summaries

    def summary(self, path: str, data: Optional[bytes] = None, tree: Optional[ast.Module] = None
                ) -> ModuleSummary:
        """The summary of the file at `path`; a file that cannot be read gets one whose `error`
        says why. Computed once per run per path and per content. A caller that has read the
        file (`data`, its bytes) and parsed it (`tree`) passes them: neither is done twice."""
        path = _norm(path)
        known = self._by_path.get(path)
        if known is not None:
            return known
        if data is None:
            try:
                data = read_bytes(path)
            except SourceError as exc:
                self._by_path[path] = summary = ModuleSummary("", error=str(exc))
                return summary
        self._by_path[path] = summary = self._summary_of(data, tree)
        return summary

    def _summary_of(self, data: bytes, tree: Optional[ast.Module] = None) -> ModuleSummary:
        # The key covers the Python version: what parses (and so the summary) depends on it.
        digest = hashlib.sha256(data).hexdigest()
        known = self._by_digest.get(digest)
        if known is not None:
            return known
        entry = None
        if self.cache_dir:
            key = hashlib.sha256(f"{self._salt}:{digest}".encode()).hexdigest()
            entry = os.path.join(self.cache_dir, SUMMARY_DIR, key[:2], key[2:] + ".json")
            try:
                summary = _load(read_bytes(entry), digest)
            except SourceError:
                summary = None
            if summary is not None:
                self._by_digest[digest] = summary
                return summary
        summary = summarise(data, tree)
        self.computed += 1
        self.parsed += tree is None
        self._by_digest[digest] = summary
        if entry is not None:
            try:
                # A link anywhere on the way could point anywhere: writes would land there.
                shard = os.path.dirname(entry)
                if not os.path.islink(self.cache_dir):
                    os.makedirs(shard, exist_ok=True)
                    if not any(os.path.islink(d) for d in (os.path.dirname(shard), shard)):
                        write_atomic(entry, _dump(summary), durable=False, follow_symlinks=False)
            except (OSError, TypeError, ValueError):
                pass  # an unwritable cache only costs the next run a parse
        return summary

    # ----------------------------------------------------------------- names

    def lookup(self, import_name: Optional[str], attr: Optional[str], importing_file: Optional[str],
               level: int = 0) -> Resolved | External | None:
        """What `from <dots><import_name> import <attr>` in `importing_file` binds (`attr` None:
        what `import <import_name>` names): a project definition (Resolved), a name imported from
        outside the project (External), or None when unknown (no such module or name, a broken
        module, a cycle, too deep)."""
        via = _norm(importing_file) if importing_file else ""
        return self._imported(import_name, attr, level, via, 0, set())  # depth 0: asked, not a binding

    def resolve(self, import_name: Optional[str], attr: Optional[str], importing_file: Optional[str],
                level: int = 0) -> Optional[Resolved]:
        """`lookup` narrowed to the project: (path, top-level name) or None."""
        # What it finds depends only on the importing file's folder, as `_find`'s answers do, and on
        # summaries read once per run: an import repeated in the files of a package is followed once.
        key = (import_name, attr, os.path.dirname(_norm(importing_file)) if importing_file else "", level)
        try:
            return self._resolved[key]
        except KeyError:
            pass
        found = self.lookup(import_name, attr, importing_file, level)
        found = self._resolved[key] = found if isinstance(found, Resolved) else None
        return found

    def _imported(self, module: Optional[str], attr: Optional[str], level: int, via: str, depth: int,
                  seen: set) -> Resolved | External | None:
        """What `from <dots><module> import <attr>` (or `import <module>`) made in `via` binds."""
        source = self._find(module, os.path.dirname(via) if via else None, level)
        if source is None:
            if attr is not None:
                # A namespace package (a folder without __init__.py): only its submodules exist.
                if level:
                    base = self._relative_base(os.path.dirname(via), level) if via else None
                    parts = [p for p in (module or "").split(".") if p] + [attr]
                    sub = self._module_in(base, parts) if base else None
                else:
                    sub = self._find(f"{module}.{attr}", os.path.dirname(via) if via else None, 0)
                if sub:
                    return Resolved(sub, None)
            if level == 0 and module and not self._in_project(module, os.path.dirname(via) if via else None):
                return External(module, attr, via)
            return None
        if attr is None:
            return Resolved(source, None)
        if source == via and depth:
            # A package's __init__.py importing from itself (`from . import x`, `from pkg import x`):
            # the submodule x (unless the package bound x before the import: rare, and then left
            # unknown rather than followed in a loop).
            return self._as_submodule(source, attr)
        return self._name_in(source, attr, depth, seen)

    def _in_project(self, import_name: str, here: Optional[str]) -> bool:
        """Whether `import_name` is the project's though it was not found: some package above it
        is a file of the project (`pkg/__init__.py` for `pkg.missing`), so it is unknown, not
        installed. A folder without __init__.py does not count: installed packages win over
        namespace folders at run time, and a folder of examples named `tensorflow/` must not hide
        the real one."""
        parts = import_name.split(".")
        return any(self._find(".".join(parts[:k]), here, 0) is not None
                   for k in range(1, len(parts)))

    def _name_in(self, path: str, name: str, depth: int, seen: set) -> Resolved | External | None:
        """Where top-level `name` of the module at `path` comes from."""
        if depth > MAX_DEPTH:
            return None
        if (path, name) in seen:
            # A cycle: the chain came back to a name it is resolving. In a package that name is
            # what `from package import name` falls back to, its submodule (keras.src.ops binds
            # operation_utils, re-exported back to it through ops.numpy's star import); else unknown.
            return self._as_submodule(path, name)
        seen.add((path, name))
        summary = self.summary(path)
        if summary.error:
            return None
        # The last binding wins; a star import may bind the name, so it is asked in turn.
        for binding in reversed(summary.bindings):
            if binding.kind == "star":
                source = self._find(binding.module, os.path.dirname(path), binding.level)
                if source is None:
                    continue  # an installed module's star import: unknown what it binds, passed over
                if self._exports(source, name, 0, set()):
                    return self._name_in(source, name, depth + 1, seen) or \
                        self._as_submodule(source, name)
                continue
            if binding.name != name:
                continue
            return self._follow(path, binding, depth, seen)
        return self._as_submodule(path, name)

    def _as_submodule(self, path: str, name: str) -> Optional[Resolved]:
        sub = self._submodule(path, name)
        return Resolved(sub, None) if sub is not None else None

    def _follow(self, path: str, binding: Binding, depth: int, seen: set) -> Resolved | External | None:
        if binding.kind == "import":
            return self._imported(binding.module, None, 0, path, depth + 1, seen)
        if binding.kind == "from":
            return self._imported(binding.module, binding.attr, binding.level, path, depth + 1, seen)
        return Resolved(path, binding.name)  # defined here: function, class, constant, assignment

    def _exports(self, path: str, name: str, depth: int, seen: set) -> bool:
        """Whether `from <module at path> import *` binds `name`. `seen`: the modules asked already
        in this question (a star-import cycle)."""
        if depth > MAX_DEPTH or path in seen:
            return False
        seen.add(path)
        summary = self.summary(path)
        if summary.error:
            return False
        if summary.all is not None or name.startswith("_"):
            return summary.exported(name)
        if summary.binding(name) is not None:
            return True
        for module, level in summary.stars:  # names star-imported into it are re-exported
            source = self._find(module, os.path.dirname(path), level)
            if source is not None and self._exports(source, name, depth + 1, seen):
                return True
        return False

    # ----------------------------------------------------------------- Keras and dependencies

    def imports_of(self, path: str, tree: Optional[ast.Module] = None,
                   leave_out: frozenset = frozenset()) -> list[str]:
        """The project files the module at `path` imports (anywhere in it), in source order: each
        imported module, and for `from pkg import sub` the submodule `sub`. `tree`: CPython's tree
        of the file when the caller has it (its import statements are read there, no summary).
        `leave_out`: top-level packages whose imports are not looked up (Keras' own, for a caller
        that knows them by name)."""
        path = _norm(path)
        known = self._imports_of.get((path, leave_out))
        if known is not None:
            return list(known)
        here = os.path.dirname(path)
        out: list[str] = []
        for imp in _imports(tree) if tree is not None else self.summary(path).imports:
            if leave_out and not imp.level and (imp.module or "").partition(".")[0] in leave_out:
                continue
            if imp.module is None and imp.level == 0:  # `import a.b, c`
                for name in imp.names:
                    if name.partition(".")[0] in leave_out:
                        continue
                    # `import a.b` runs a/__init__.py too, and binds `a`: code uses both.
                    parts = name.split(".")
                    for k in range(1, len(parts) + 1):
                        found = self._find(".".join(parts[:k]), here, 0)
                        if found:
                            out.append(found)
                continue
            source = self._find(imp.module, here, imp.level)
            if source is not None:
                out.append(source)
            for name in imp.names:
                if name == "*":
                    continue
                if source is not None:
                    sub = self._submodule(source, name)
                elif imp.level:
                    base = self._relative_base(here, imp.level)
                    parts = [p for p in (imp.module or "").split(".") if p]
                    sub = self._module_in(base, parts + [name]) if base else None
                else:
                    sub = self._find(f"{imp.module}.{name}", here, 0)
                if sub is not None:
                    out.append(sub)
        result = self._imports_of[(path, leave_out)] = tuple(dict.fromkeys(p for p in out if p != path))
        return list(result)

    def dependencies(self, path: str) -> list[str]:
        """Every project file the module at `path` imports, directly or through others (itself
        excluded), breadth first."""
        path = _norm(path)
        order, seen = [], {path}
        frontier = [path]
        while frontier:
            nxt = []
            for p in frontier:
                for dep in self.imports_of(p):
                    if dep not in seen:
                        seen.add(dep)
                        order.append(dep)
                        nxt.append(dep)
            frontier = nxt
        return order

    def uses_keras(self, path: str) -> bool:
        """Whether the module at `path` imports Keras (keras, tensorflow, tf_keras), itself or
        through a project module it imports, at any depth."""
        path = _norm(path)
        known = self._keras.get(path)
        if known is not None:
            return known
        # Breadth first, stopping at the first Keras module; a module already known not to reach
        # Keras is not expanded again (its whole closure was searched), so asking every file of a
        # large project stays close to linear.
        result = False
        seen, frontier = {path}, [path]
        while frontier and not result:
            nxt = []
            for p in frontier:
                if self.summary(p).keras or self._keras.get(p):
                    result = True
                    break
                if self._keras.get(p) is False:
                    continue
                for dep in self.imports_of(p):
                    if dep not in seen:
                        seen.add(dep)
                        nxt.append(dep)
            frontier = nxt
        self._keras[path] = result
        return result
