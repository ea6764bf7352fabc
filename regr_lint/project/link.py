"""The project a linted file belongs to, as the engine needs it: the module index its imports resolve
through, whether its project imports bring Keras in (then a file that never names Keras is still
analysed), the vocabulary of the modules it imports (for the names pre-check), and the project
modules it depends on with their digests (recorded with its cached result: editing `models.py`
re-lints `train.py`).

One index per project root per process."""
from __future__ import annotations

import ast
import bisect
import hashlib
import os
import re
from typing import Iterator, Optional

from regr_lint.input.config import ConfigError, Projects
from regr_lint.input.source import SourceError, read_bytes, read_code
from regr_lint.input.vocabulary import MODEL_MAKER_NAMES, code_only, text_vocabulary, token_in
from regr_lint.project.index import ProjectIndex, folder_of

_PROJECTS = Projects()  # only its root search is used here: no settings are read
_INDEXES: dict[str, ProjectIndex] = {}
_ROOTS: dict[str, str] = {}


def project_root(path: str) -> Optional[str]:
    """The root of the project `path` (a file) belongs to, as its settings find it (the folder of
    its regr-lint configuration, else of the nearest pyproject.toml, else the git top level), else
    the file's own folder; None when `path` is not a file on disk."""
    if not path or path == "-" or not os.path.isfile(path):
        return None
    here = os.path.dirname(os.path.abspath(path))
    found = _ROOTS.get(here)
    if found is None:
        try:
            config_path, pyproject, git = _PROJECTS._resolve(here)
        except (OSError, ValueError, ConfigError):  # a broken configuration is the CLI's to report
            config_path, pyproject, git = None, None, None
        found = (os.path.dirname(config_path) if config_path else pyproject or git)
        if not found:
            found = _unmarked_root(here)
            _UNMARKED.add(found)
        _ROOTS[here] = found
    return found


# Roots `_unmarked_root` chose: no configuration, pyproject.toml or git repository says where
# their project starts.
_UNMARKED: set[str] = set()
# The folders this run was asked to lint (`regr-lint check DIR`), see `lint_roots`.
_LINTED: tuple[str, ...] = ()


def lint_roots(paths) -> None:
    """The paths a run lints. A file no configuration, pyproject.toml or git repository places in
    a project (an unpacked archive of a repository, a folder copied out of one) imports from the
    linted folder that holds it too, as Python does when the code is run from there (`python -m
    CycleGAN.train` beside `CycleGAN/models.py`, which has no `__init__.py`): that folder is
    searched after the file's own ones. A project with a root of its own is not concerned."""
    global _LINTED
    linted = tuple(dict.fromkeys(os.path.normpath(os.path.abspath(p)) for p in paths
                                 if p != "-" and os.path.isdir(p)))
    if linted != _LINTED:
        _LINTED = linted
        _INDEXES.clear()
        _FOR.clear()


def linted_folders() -> tuple[str, ...]:
    return _LINTED


def search_folders(path: str) -> tuple[str, ...]:
    """The linted folders the imports of the file at `path` are also looked for in (usually none)."""
    if not _LINTED:
        return ()
    root = project_root(path)
    return linted_above(root) if root is not None else ()


def linted_above(root: str) -> tuple[str, ...]:
    """The linted folders holding the unmarked project root `root` (nearest last), and those inside
    it (a repository exported below a `src` folder, whose root `_unmarked_root` puts above that
    folder: `regr-lint check .` run in the repository, as `python main.py` would be run there); ()
    for a root that is marked or that no linted folder holds or lies in."""
    if root not in _UNMARKED:
        return ()
    return tuple(d for d in _LINTED if root.startswith(d + os.sep) or d.startswith(root + os.sep))


def _unmarked_root(here: str) -> str:
    """The root of a file no configuration, pyproject.toml or git repository claims (a project
    exported without them): the folder above the nearest `src` folder it lies in, whose imports are
    rooted at src/ (`PYTHONPATH=src python src/trainer/train.py` importing `handlers.model_builder`;
    the index searches `<root>/src`), else the file's own folder."""
    probe = here
    for _ in range(8):
        if os.path.basename(probe) == "src":
            return os.path.dirname(probe)
        parent = os.path.dirname(probe)
        if parent == probe:
            break
        probe = parent
    return here


# Reading across modules switched off (benchmarks/compare.py measures what the project index adds
# to a run by timing the same build with and without it); not a setting users are meant to need.
_OFF = os.environ.get("REGR_LINT_NO_PROJECT", "") not in ("", "0")


def forget() -> None:
    """Drop what this process remembers of projects and their modules. A CLI run is one snapshot of
    the disk; the language server lives on while files change (and lints unsaved buffers whose
    text is not what the disk holds), so it starts each lint from here."""
    global _PROJECTS
    _PROJECTS = Projects()
    for memo in (_INDEXES, _ROOTS, _UNMARKED, _DEFINERS, _WRITERS, _TEXTS, _DIRECT, _DIGESTS, _VOCABULARIES, _READ, _FOUND, _KERAS_DIRS, _REACH, _FOR):
        memo.clear()


def project_for(path: str) -> Optional[ProjectIndex]:
    try:
        return _FOR[path]
    except KeyError:
        pass
    root = None if _OFF else project_root(path)
    if root is None or _inside_keras(path, root):
        index = None
    else:
        index = _INDEXES.get(root)
        if index is None:
            index = _INDEXES[root] = ProjectIndex(root, linted_above(root), climb=root in _UNMARKED)
    _FOR[path] = index  # asked for each module of every file that imports it: once per run
    return index


_FOR: dict[str, Optional[ProjectIndex]] = {}


# Keras' and TensorFlow's own packages are Keras, not a project's modules, even where the tree being
# linted is theirs (the keras sdist, the TensorFlow wheel): the interpreter knows them by name.
_KERAS_PACKAGES = frozenset({"keras", "tensorflow", "tf_keras"})


_KERAS_DIRS: dict[str, bool] = {}


def _inside_keras(path: str, root: str) -> bool:
    """Whether `path` lies inside Keras' or TensorFlow's own packages within its project (the keras
    sdist's keras/, the TensorFlow wheel's tensorflow/): such a file is Keras itself — what it
    imports is Keras, never a project module to read. (A checkout that is merely kept in a folder
    named keras is not: only the folders below the project root count; nor is a sub-package of the
    project's own named keras, `mylab/keras/` beside `mylab/__init__.py`: Keras is a top-level package.)"""
    here = os.path.dirname(os.path.abspath(path))
    known = _KERAS_DIRS.get(here)
    if known is None:
        below = os.path.relpath(here, root).split(os.sep)
        known = _KERAS_DIRS[here] = any(
            name in _KERAS_PACKAGES and not os.path.isfile(os.path.join(root, *below[:i], "__init__.py"))
            for i, name in enumerate(below))
    return known


def importable(path: str) -> bool:
    """Whether another file's analysis may read `path` as a project module (a file of a project,
    not inside Keras' or TensorFlow's own packages)."""
    return project_for(path) is not None


# The modules an import statement names, read off the text (no parse: this runs in the pre-check,
# on files that may never be parsed): `from ..x.y import z` -> ("x.y", 2), `import a.b, c` -> a.b, c.
_FROM = re.compile(r"^[ \t]*from[ \t]+(\.*)[ \t]*([\w.]*)[ \t]+import\b", re.M)
_IMPORT = re.compile(r"^[ \t]*import[ \t]+([\w., \t]+)", re.M)


_NAME = re.compile(r"[A-Za-z_]\w*")


def _named_modules(text: str, code: bool = False) -> list[tuple[Optional[str], int, tuple[str, ...]]]:
    """(module, leading dots, the names a `from` statement imports) of each import statement.
    `code`: of the statements in code only, not those a docstring shows (`_without_strings`)."""
    starts = _statement_starts(text)
    if code and starts:
        text, starts = _without_strings(text, starts)
    froms, imports = [], []
    for start in starts:
        m = _FROM.match(text, start)
        if m is not None:
            froms.append((m.group(2) or None, len(m.group(1)), _from_names(text, m.end())))
            continue
        m = _IMPORT.match(text, start)
        if m is not None:
            imports.extend((part.split()[0], 0, ()) for part in m.group(1).split(",") if part.strip())
    return froms + imports


_STATEMENT = re.compile(r"^[ \t]*(?:from|import)[ \t]", re.M)


def _statement_starts(text: str) -> list[int]:
    """Where the lines that start like an import statement start: found from each `import` in the
    text (a pattern anchored at line starts is still tried at every character of it)."""
    starts: list[int] = []
    at = text.find("import")
    while at >= 0:
        start = text.rfind("\n", 0, at) + 1
        if (not starts or starts[-1] != start) and _STATEMENT.match(text, start):
            starts.append(start)
        at = text.find("import", at + 6)
    return starts


def _from_names(text: str, start: int) -> tuple[str, ...]:
    """The names `from x import a, b as c` / `import (a,\n b)` imports (`a`, `b`), read from the text
    after `import`: any of them may be a submodule (`from mypkg import losses`). Only the statement's
    own lines are looked at."""
    i, end = start, len(text)
    while i < end and text[i] in " \t":
        i += 1
    if text.startswith("(", i):
        close = text.find(")", i, i + 2000)
        body = text[i + 1:close if close >= 0 else i + 2000]
        if "#" in body:
            body = "\n".join(line.partition("#")[0] for line in body.splitlines())
    else:
        lines = []
        for _ in range(64):  # a backslash continues the statement
            stop = text.find("\n", i)
            code = text[i:stop if stop >= 0 else end].partition("#")[0].rstrip()
            lines.append(code.rstrip("\\"))
            if not code.endswith("\\") or stop < 0:
                break
            i = stop + 1
        body = " ".join(lines).partition(";")[0]
    names = []
    for part in body.split(","):
        m = _NAME.match(part.strip())
        if m:
            names.append(m.group(0))
    return tuple(names)


def _project_imports(path: str, text: str, reading: bool = True) -> list[str]:
    """The project modules the file at `path` imports, Keras' and TensorFlow's own packages left out,
    from the text's import statements (no parse; an import shown in a docstring is no import).
    `reading`: the ones its analysis reads (see `_imports_in`), else every one its result depends on."""
    if "import" not in text:
        return []
    index = project_for(path)
    if index is None:
        return []
    here = os.path.abspath(path)
    try:
        deps = _imports_in(index, here, text, reading)
    except (OSError, ValueError, RecursionError, SyntaxError):
        return []
    # (Keras' own packages below the project root; a folder named keras above it, or a sub-package
    # of the project's own named keras, is no reason to leave a module out)
    return [d for d in deps if not _inside_keras(d, index.root)]


def _without_strings(text: str, starts: Optional[list[int]] = None) -> tuple[str, list[int]]:
    """(`text`, or `code_only(text)` when an import statement's line may lie in a triple-quoted string
    (a docstring showing how to import): only such a string holds a line that starts with `from` or
    `import`. Emptying every string is as costly as the rest of the pre-check; most files show no
    import in theirs. The triple quotes are paired in order: one in a comment or a one-line string
    can mislead the pairing, and then at worst a shown import is followed, as a real one is. With
    the starts of its import lines (`_statement_starts`: given when known).)"""
    if starts is None:
        starts = _statement_starts(text)
    if not starts or '"""' not in text and "'''" not in text:
        return text, starts
    spans = _triple_quoted(text)
    for start in starts:
        k = bisect.bisect_right(spans, (start, len(text) + 1)) - 1
        if k >= 0 and spans[k][0] <= start < spans[k][1]:
            code = code_only(text)
            return code, _statement_starts(code)
    return text, starts


def _triple_quoted(text: str) -> list[tuple[int, int]]:
    """(start, end) of the inside of each triple-quoted string, its quotes paired in order."""
    spans = []
    double, single = text.find('"""'), text.find("'''")
    while double >= 0 or single >= 0:
        quote, opened = ('"""', double) if single < 0 or 0 <= double < single else ("'''", single)
        closed = text.find(quote, opened + 3)
        if closed < 0:
            spans.append((opened + 3, len(text)))
            break
        spans.append((opened + 3, closed))
        # the next of each kind after this string (a kind not seen again is not searched again)
        if 0 <= double < closed + 3:
            double = text.find('"""', closed + 3)
        if 0 <= single < closed + 3:
            single = text.find("'''", closed + 3)
    return spans


def _imports_in(index: ProjectIndex, here: str, text: str, reading: bool = False) -> list[str]:
    """The project modules the import statements of `text` name. `reading`: only those an analysis
    reads — `from pkg import sub` of a submodule pkg/__init__.py never binds itself reads the
    submodule, not the package (whose __init__ may re-export the whole library); a cached result
    still depends on the package (it decides what `sub` is)."""
    deps = []
    folder = folder_of(here)
    for module, level, names in _named_modules(text, code=True):
        if not (module or level) or not level and module.split(".")[0] in _KERAS_PACKAGES:
            continue
        found = index.module_file_in(module, folder, level)
        subs = _submodules(index, folder, module, level, found, names)
        if found and not (reading and index.only_submodules(found, names)):
            deps.append(found)
        deps.extend(subs)
    return deps


def _submodules(index: ProjectIndex, folder: str, module: Optional[str], level: int, found: Optional[str],
                names: tuple[str, ...]) -> list[str]:
    """The submodules among the names `from <module> import <names>` imports: `from mypkg import
    losses`, `from . import losses`, a namespace package's `from utils import losses` (no
    `__init__.py`): the module read for `losses.rmse` is mypkg/losses.py. Only below a package (or
    its folder): `from models import build` looks nothing up."""
    out = []
    for name in names[:16]:
        sub = _submodule_file(index, folder, module, level, found, name)
        if sub is not None and sub != found:
            out.append(sub)
    return out


def _submodule_file(index: ProjectIndex, folder: str, module: Optional[str], level: int, found: Optional[str],
                    name: str) -> Optional[str]:
    """The file of `name` as a submodule of `module` (whose own file is `found`): only below a package,
    or where there is no module file — a relative `from . import x` without __init__.py, a namespace
    package."""
    if found is not None and os.path.basename(found) != "__init__.py":
        return None
    return index.module_file_in(f"{module}.{name}" if module else name, folder, level)


def links_project_modules(path: str, tree: ast.Module) -> bool:
    """Whether the file hands a model one project module makes to another project module's
    function: `train(build(), ...)`, `model = build_cnn()` then `fit_on(model, ...)`,
    `Trainer(build)` — a call of a name imported from a project module given the result of calling
    (directly or through a variable), or the function itself, of a name imported from a module that
    makes Keras models (`_builds_models`), or a method of what such a name made given this file's
    data (`Trainer(...).train(x, y)`: a positional name, attribute or item, not only settings), or
    such a function itself given this file's data (`train((X, y))`: the defaults the call leaves in
    force pick its loss and metrics). A project star import counts as a link (its names are not
    known without reading the module). This is how a file that names no Keras model puts one
    together with the training another module does; a library's modules calling one another's
    helpers do not."""
    index = project_for(path)
    if index is None:
        return False
    folder = folder_of(os.path.abspath(path))
    bound: dict[str, str] = {}  # local name -> the project module file it comes from
    for node in _import_statements(tree.body):
        if type(node) is ast.ImportFrom:
            module, level = node.module, node.level
            if not level and module and module.split(".")[0] in _KERAS_PACKAGES:
                continue
            found = index.module_file_in(module, folder, level)
            for alias in node.names:
                sub = _submodule_file(index, folder, module, level, found, alias.name)
                if sub is None and found is None:
                    continue
                if alias.name == "*":
                    return True
                bound[alias.asname or alias.name] = sub or found
        else:
            for alias in node.names:
                if alias.name.split(".")[0] in _KERAS_PACKAGES:
                    continue
                found = index.module_file_in(alias.name if alias.asname else alias.name.split(".")[0], folder, 0)
                if found is not None:
                    bound[alias.asname or alias.name.split(".")[0]] = found
    if not bound:
        return False
    makers = {name for name, dep in bound.items() if _builds_models(dep)}
    if not makers:
        return False
    calls: list[ast.Call] = []
    # (the called name's root, the variable holding its result, whether the call is given this
    # file's values by position)
    given: list[tuple[Optional[str], str, bool]] = []
    for node in ast.walk(tree):
        kind = type(node)
        if kind is ast.Call:
            calls.append(node)
        elif (kind is ast.Assign or kind is ast.AnnAssign) and type(node.value) is ast.Call:
            root = _root_name(node.value.func)
            data = _given_data(node.value)
            for target in (node.targets if kind is ast.Assign else (node.target,)):
                given.extend((root, key, data) for key in _assigned_keys(target))
    held = {key for root, key, _ in given if root in makers}
    fed = {key for root, key, data in given if root in makers and data}
    made = {key for root, key, _ in given if root in bound}  # what a project module's name made here
    for call in calls:
        func = call.func
        if type(func) is ast.Attribute and (_given_data(call) or _key(func.value) in fed
                                             or type(func.value) is ast.Call and _given_data(func.value)) and (
                type(func.value) is ast.Call and _root_name(func.value.func) in makers or _key(func.value) in held):
            # `MLPTrainer(n, epochs=80).train(x, y)`: this file's data handed to what a class of a
            # model-making module holds (its `self.model`, set in a subclass, compiled in the base);
            # also handed to its construction, then a method run (`s = Seq2Seq(..., train_iter,
            # steps_epoch, ...)`, `s.train_()`; `Trainer(Config).run()` in one expression)
            return True
        if _root_name(func) in makers and _given_data(call, tuples=True):
            # `train((X, y))`, `fit_series(x, y)`: this file's data handed to a function of a
            # model-making module, which builds, compiles and fits with the defaults this call leaves
            # in force (`loss="mse"`, `used_metrics="accuracy"`): the call completes what it trains
            return True
        if _root_name(func) not in bound and not (type(func) is ast.Attribute and _key(func.value) in made):
            # (`t = Trainer()`, then `t.attach(build())`: a method of what a project module's
            # class made, handed a model another one makes)
            continue
        for arg in [*call.args, *(kw.value for kw in call.keywords)]:
            if type(arg) is ast.Starred:
                arg = arg.value
            kind = type(arg)
            if kind is ast.Call and _root_name(arg.func) in makers or kind is ast.Name and arg.id in makers \
                    or _key(arg) in held:
                return True
    return False


_DATA = (ast.Name, ast.Attribute, ast.Subscript)


def _given_data(call: ast.Call, tuples: bool = False) -> bool:
    """The call is given a name, attribute or item of the file by position (data, not settings);
    `tuples`: also a tuple or list of them (`train((X, y))`)."""
    return any(type(a) in _DATA or tuples and type(a) in (ast.Tuple, ast.List) and a.elts
               and all(type(e) in _DATA for e in a.elts) for a in call.args)


def _import_statements(body: list) -> Iterator[ast.stmt]:
    """The import statements among `body` and the statements nested in it (functions, classes,
    `if` / `try` / `with` blocks), without walking any expression."""
    stack = list(reversed(body))
    while stack:
        stmt = stack.pop()
        kind = type(stmt)
        if kind is ast.Import or kind is ast.ImportFrom:
            yield stmt
            continue
        for field in ("body", "orelse", "finalbody", "handlers", "cases"):
            block = getattr(stmt, field, None)
            if block:
                stack.extend(reversed(block))


def _root_name(expr: ast.expr) -> Optional[str]:
    while type(expr) is ast.Attribute:
        expr = expr.value
    return expr.id if type(expr) is ast.Name else None


def _key(expr: ast.expr) -> Optional[str]:
    """`model`, `self.model`: how a variable is named in code, else None."""
    if type(expr) is ast.Name:
        return expr.id
    if type(expr) is ast.Attribute and type(expr.value) is ast.Name:
        return f"{expr.value.id}.{expr.attr}"
    return None


def _assigned_keys(target: ast.expr) -> list[str]:
    if type(target) in (ast.Tuple, ast.List):
        return [k for elt in target.elts for k in _assigned_keys(elt)]
    key = _key(target)
    return [key] if key else []


_STAR = re.compile(r"^[ \t]*from[ \t]+[\w.]+[ \t]+import[ \t]+\*", re.M)


def imports_keras_through_project(path: str, text: str) -> bool:
    """The file star-imports (`from utils import *`) a project module that uses Keras (itself or
    through its own imports): Keras' names arrive without the file naming Keras. Only star imports
    are asked about — a file that imports single names of a module and never names Keras itself is
    not analysed (yet): following every such file costs more than it finds."""
    if not _STAR.search(text) or not _STAR.search(_without_strings(text)[0]):
        return False
    deps = _project_imports(path, text)
    if not deps:
        return False
    index = project_for(path)
    try:
        return any(index.uses_keras(dep) for dep in deps)
    except (OSError, ValueError, RecursionError, SyntaxError):
        return False


def dependencies(path: str, text: str) -> dict[str, str]:
    """The project modules `path` imports, directly or through one another, each with the SHA-256 of
    its bytes (what a cache entry records, and checks again on a hit: editing models.py re-lints
    train.py). Read from import statements' text, no parse; {} when it imports none."""
    if not _project_imports(path, text, reading=False):
        return {}
    seen: set[str] = set()
    frontier = [(os.path.abspath(path), text)]
    while frontier and len(seen) < 256:
        here, source = frontier.pop()
        for dep in _direct_imports(here, source, reading=False):
            if dep in seen:
                continue
            seen.add(dep)
            try:
                frontier.append((dep, _text_of(dep)))
            except (SourceError, OSError, UnicodeDecodeError):
                continue
    return {dep: _content_digest(dep).hex() for dep in sorted(seen)}


def digests(paths) -> dict[str, str]:
    """{path: the SHA-256 of its bytes} for other files a result depends on (the scripts beside a
    builder module whose fits judged its model)."""
    return {p: _content_digest(p).hex() for p in paths}


def unchanged(deps: dict) -> bool:
    """Whether every recorded project module still has the recorded contents."""
    return all(isinstance(d, str) and isinstance(h, str) and _content_digest(d).hex() == h
               for d, h in deps.items())


_TEXTS: dict[str, str] = {}
_DIRECT: dict[tuple, list] = {}


def project_imports(path: str) -> list[str]:
    """The project modules the file at `path` imports (its import statements' text, no parse)."""
    try:
        return _direct_imports(os.path.abspath(path), _text_of(path))
    except (SourceError, OSError):
        return []


def _direct_imports(path: str, text: str, reading: bool = True) -> list[str]:
    """`_project_imports` from the text, once per version of a module per process (a module every
    file imports is read once per run, not once per importer)."""
    try:
        st = os.stat(path)
    except OSError:
        return _project_imports(path, text, reading)
    key = (path, st.st_mtime_ns, st.st_size, reading)
    known = _DIRECT.get(key)
    if known is None:
        known = _DIRECT[key] = _project_imports(path, text, reading)
    return known


def _text_of(path: str) -> str:
    """The text of project module `path`, read once per run: a run is one snapshot of the disk, as
    for `_reach` (`forget` starts the next; `rewritten` drops a file --fix has just written). Not a
    stat per call: the pre-checks ask for the same few dozen modules for every file, a stat each
    was most of the system calls a run made."""
    known = _TEXTS.get(path)
    if known is None:
        if path.endswith(".ipynb"):  # a notebook beside a builder module, asked what it imports
            try:
                known = read_code(path)
            except SourceError:
                known = ""
            _TEXTS[path] = known
            return known
        known = _TEXTS[path] = read_bytes(path).decode("utf-8", "replace")
    return known


_DEFINERS: dict[tuple[str, str], bool] = {}


def project_defines_method(path: str, method: str) -> bool:
    """Whether a module of the project `path` belongs to defines a method (or nested function) named
    `method` (`def fit_generator(self, ...)` of a wrapper class): then a call of that name on an
    object of unknown type may be the project's own. Read from the modules' text, once per project
    and name per run; never parsed."""
    index = project_for(path)
    if index is None or not method.isidentifier():
        return False
    key = (index.root, method)
    known = _DEFINERS.get(key)
    if known is None:
        pattern = re.compile(rf"^[ \t]+def[ \t]+{method}[ \t]*\(", re.M)
        known = False
        for module in index.modules().values():
            try:
                text = _text_of(module)
            except (SourceError, OSError):
                continue
            if f"def {method}" in text and pattern.search(text):
                known = True
                break
        _DEFINERS[key] = known
    return known


_WRITERS: dict[tuple, frozenset] = {}


def project_files_calling(path: str, calls: tuple[str, ...]) -> frozenset:
    """The Python files of the project `path` belongs to whose text holds one of `calls` (`"np.save("`,
    `"pickle.dump("`) — and the notebooks beside `path` or at the root that do: the scripts of a
    pipeline that write the files others read. Read from the text, the modules once per project and
    set of calls per run, the notebooks once per folder; never parsed."""
    index = project_for(path)
    if index is None:
        return frozenset()
    modules = _WRITERS.get((index.root, calls))
    if modules is None:
        modules = _WRITERS[(index.root, calls)] = _calling(index.modules().values(), calls)
    key = (index.root, os.path.dirname(os.path.abspath(path)), calls)
    notebooks = _WRITERS.get(key)
    if notebooks is None:
        notebooks = _WRITERS[key] = _calling(_notebooks_beside(path, index.root), calls)
    return modules | notebooks


def _calling(paths, calls: tuple[str, ...]) -> frozenset:
    found = set()
    for module in paths:
        try:
            text = _text_of(module)
        except (SourceError, OSError):
            continue
        if any(c in text for c in calls) and any(c in without_comment_lines(text) for c in calls):
            found.add(os.path.abspath(module))
    return frozenset(found)


def _notebooks_beside(path: str, root: str) -> list[str]:
    """The notebooks in `path`'s folder and at the project's root: a pipeline's data preparation is
    often a notebook (`data_cleaning.ipynb` writing the table `model_training.py` reads)."""
    out: list[str] = []
    for folder in dict.fromkeys((os.path.dirname(os.path.abspath(path)), root)):
        try:
            names = sorted(os.listdir(folder))
        except OSError:
            continue
        out += [os.path.join(folder, n) for n in names if n.endswith(".ipynb")
                and os.path.isfile(os.path.join(folder, n))][:32]
    return out


def without_comment_lines(text: str) -> str:
    """`text` with its comment lines emptied: `# pickle.dump(y, open("y.pkl", "wb"))`, code commented
    out, writes nothing."""
    return re.sub(r"(?m)^[ \t]*#.*$", "", text)


def project_text(path: str) -> str | None:
    """The text of project module `path` as this run read it (see `_text_of`); None when unreadable."""
    try:
        return _text_of(path)
    except (SourceError, OSError):
        return None


def rewritten(path: str) -> None:
    """`path` was just written (--fix): the files linted after it read its new text."""
    _TEXTS.pop(os.path.abspath(path), None)
    _TEXTS.pop(path, None)


_DIGESTS: dict[tuple, bytes] = {}


def _content_digest(path: str) -> bytes:
    """The SHA-256 of a file's bytes, once per version of the file per process (a module imported
    by every file of a project is read once, not once per importer)."""
    try:
        st = os.stat(path)
    except OSError:
        return b"missing"
    key = (path, st.st_mtime_ns, st.st_size, st.st_ino)
    known = _DIGESTS.get(key)
    if known is None:
        try:
            known = hashlib.sha256(read_bytes(path)).digest()
        except (SourceError, OSError):
            known = b"unreadable"
        _DIGESTS[key] = known
    return known


# module -> (the text its vocabulary was read from, the vocabulary): versioned as `_FOUND` is, by the
# text `_text_of` holds for the module's current version (no second stat)
_VOCABULARIES: dict[str, tuple] = {}


def remember_vocabulary(path: str, text: str, vocab: set) -> None:
    """The engine's vocabulary of a file it lints (from its own CPython parse): the files importing
    it later take it from here instead of parsing it again."""
    path = os.path.abspath(path)
    try:
        source = _text_of(path)
    except (SourceError, OSError):
        return
    if source == text:  # not an editor's unsaved text
        _VOCABULARIES[path] = (source, frozenset(vocab))  # exact: it replaces one read off the text


class Vocabularies:
    """Several vocabularies read as one set (`in`, `isdisjoint`: what the names pre-check asks) —
    their union is never built: a file importing thirty modules would copy their names each time."""

    __slots__ = ("parts",)

    def __init__(self, parts):
        self.parts = tuple(parts)

    def __contains__(self, name: object) -> bool:
        return any(name in part for part in self.parts)

    def isdisjoint(self, names) -> bool:
        return all(part.isdisjoint(names) for part in self.parts)

    def __bool__(self) -> bool:
        return any(self.parts)


def imported_vocabulary(path: str, text: str) -> Optional[Vocabularies]:
    """The identifiers the project modules this file imports use (regr_lint.input.vocabulary): what its
    imported names may stand for, for the names pre-check. None when it imports none. A module the
    run has linted already gives its code vocabulary; any other, one read off its text — a
    superset, at a tenth of the cost of parsing a module the run may never need."""
    deps = _imported_modules(path, text)
    if not deps:
        return None
    return Vocabularies(v for v in map(_vocabulary_of, deps) if v is not None)


def _vocabulary_of(dep: str) -> Optional[frozenset]:
    """Project module `dep`'s vocabulary: its code's, when the run has linted it, else one read off
    its text; None when it cannot be read."""
    try:
        source = _text_of(dep)
    except (SourceError, OSError):
        return None
    known = _VOCABULARIES.get(dep)
    if known is None or known[0] is not source:  # a new version of the module's text
        known = _VOCABULARIES[dep] = (source, frozenset(text_vocabulary(source)))
    return known[1]


def _builds_models(dep: str) -> bool:
    """Whether project module `dep` — or, for a package's `__init__.py`, the modules it re-exports —
    names a way to make a Keras model: a model class, an input, a loader, `applications`. Not what
    a module merely imports: in a library every module reaches the package that builds models."""
    return any(v is not None and not v.isdisjoint(MODEL_MAKER_NAMES) for v in map(_vocabulary_of, _reach(dep, 1, 1)))


_READ: dict[tuple, list] = {}


def _imported_modules(path: str, text: str, levels: int = 2) -> list[str]:
    """The project modules the analysis of `path` may read: those it imports and, `levels` deep,
    theirs (a package's `__init__.py` does not count as a level: what it re-exports is defined in its
    submodules). From import statements' text, no parse; at most 32. Asked twice per file (both
    pre-checks): kept for the file last asked about."""
    key = (path, text, levels)
    known = _READ.get(key)
    if known is None:
        _READ.clear()
        direct = _direct_imports(os.path.abspath(path), text)[:16]
        known = _READ[key] = list(dict.fromkeys(m for dep in direct for m in _reach(dep, 1, levels)))[:32]
    return known


_REACH: dict[tuple, tuple] = {}


def _reach(dep: str, level: int, levels: int, active: Optional[set] = None) -> tuple[str, ...]:
    """`dep` and the project modules an analysis reading it at `level` may read through it, at most
    32; once per module and level per run (every file of a package imports the same few modules).
    Memoised by path: a run is one snapshot of the disk (`forget` starts the next)."""
    key = (dep, level, levels)
    known = _REACH.get(key)
    if known is not None:
        return known
    active = set() if active is None else active
    if key in active:
        return (dep,)  # packages importing one another
    out = [dep]
    package = os.path.basename(dep) == "__init__.py"
    if level < levels or package:
        try:
            source = _text_of(dep)
        except (SourceError, OSError):
            source = None
        if source is not None:
            active.add(key)
            for sub in _direct_imports(dep, source)[:16]:
                out.extend(_reach(sub, level if package else level + 1, levels, active))
            active.discard(key)
    known = _REACH[key] = tuple(dict.fromkeys(out))[:32]
    return known


_FOUND: dict[str, tuple] = {}  # module -> (the text searched, {token: whether it occurs in it})


class ImportedTokens:
    """The tokens of the rules that occur in the sources of the project modules the analysis of a
    file may read (`_imported_modules`): the token pre-check looks for a rule's tokens in them too
    (the `sigmoid` of a head `build_model` in models.py adds). A token is searched for only when
    the pre-check asks about it — only a rule the file's own text leaves out asks, and only for the
    tokens its text lacks — in each module once per version of its text."""

    __slots__ = ("found",)

    def __init__(self, modules: list[str]):
        self.found = []
        for module in modules:
            try:
                source = _text_of(module)
            except (SourceError, OSError):
                continue
            known = _FOUND.get(module)
            if known is None or known[0] is not source:  # a new version of the module's text
                known = _FOUND[module] = (source, {})
            self.found.append(known)

    def __contains__(self, token: object) -> bool:
        for source, searched in self.found:
            hit = searched.get(token)
            if hit is None:
                hit = searched[token] = token_in(token, source)
            if hit:
                return True
        return False

    def __bool__(self) -> bool:
        return bool(self.found)


def imported_tokens(path: str, text: str) -> ImportedTokens:
    """The rules' tokens in the project modules the analysis of `path` may read (see
    `ImportedTokens`); empty when it imports none."""
    if not path or "import" not in text:
        return ImportedTokens([])
    return ImportedTokens(_imported_modules(path, text))
