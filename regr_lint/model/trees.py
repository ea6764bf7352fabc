"""The trees of the project's modules, parsed once per process and version of each file and kept
for the run within bounds: the interpreter reads other modules from them, the engine finds the nodes
its importers' findings name in them, and a linted file's own tree is kept here for the files that
import it (see `keep_module`). Below the interpreter: the data-flow queries, the rules' helpers and
the engine use it without importing the interpreter."""
from __future__ import annotations

import gc
import os
from typing import Optional

from regr_lint.lazy import cst

# A project module larger than this is not read for the files importing it (generated code, data in
# source form): its names stay unknown. A libcst tree costs about thirty times its source in memory.
MAX_PROJECT_MODULE_BYTES = 512 * 1024
# Parsed modules and their top-level scopes kept for the run: at most this many, and at most this
# much source between them (the oldest go first).
_KEPT_MODULES = 256
_KEPT_BYTES = 4 * 1024 * 1024


def project_module(path: str) -> Optional[cst.Module]:
    """Project module `path`, parsed (once per process and version of the file); None when it cannot
    be read or parsed, or is too large. Its code never runs: its top level is interpreted like the
    linted file's."""
    from regr_lint.input.parsing import parse_module, share
    from regr_lint.input.source import SourceError, read_code

    try:
        stat = os.stat(path)
    except OSError:
        return None
    key = (path, stat.st_mtime_ns, stat.st_size)
    if key not in _MODULES:
        module = None
        if stat.st_size <= MAX_PROJECT_MODULE_BYTES:
            # Young garbage is collected before the parse, not after: a collection after it would
            # walk every node of the new tree once (none of them garbage) before it is frozen.
            gc.collect(1)
            gc.freeze()
            try:
                text = read_code(path)
                module = parse_module(text)
                share(text, module)  # when the run lints this module too, its parse is this tree
            except (SourceError, cst.ParserSyntaxError, RecursionError, MemoryError, ValueError, OSError):
                module = None
        _MODULES[key] = module
        if module is not None:
            _KEPT_IDS.add(id(module))
            _KEPT_SIZE[0] += key[2]
        _trim()
        if module is not None:
            # Kept for the run: every full collection of the cyclic garbage collector would walk its
            # nodes again (a tree holds no cycles); they were a fifth of a cold run on a library's
            # sdist. Frozen, the collector leaves them — and whatever else lives now; young garbage
            # was collected before the parse, so little more stays for the run than was meant to.
            gc.freeze()
    return _MODULES[key]


_MODULES: dict = {}
# (path, mtime, size, levels) -> a module's top level as the interpreter read it (see
# interpreter.module_scope): it goes with the module's tree
_SCOPES: dict = {}
_KEPT_SIZE = [0]  # the sizes of the files of the trees in _MODULES, summed
_KEPT_IDS: set = set()  # id() of every tree in _MODULES (alive while there, so the ids are theirs)


def is_kept(module: cst.Module) -> bool:
    """Whether `module` is a tree kept for the run (a project module's, see `project_module`)."""
    return id(module) in _KEPT_IDS


def parsed_module(path: str) -> Optional[cst.Module]:
    """Project module `path`'s tree when one is kept for its current version, else None (no parse)."""
    try:
        stat = os.stat(path)
    except OSError:
        return None
    return _MODULES.get((path, stat.st_mtime_ns, stat.st_size))


def keep_module(path: str, text: str, module: cst.Module) -> None:
    """The engine's tree of a file it lints, kept as that project module's tree when a later file
    imports it (within the same bounds as trees parsed for importers): not parsed a second time, and
    the nodes its importers' findings name are the nodes its own lint named."""
    from regr_lint.input.parsing import share
    from regr_lint.input.source import SourceError, read_text

    path = os.path.abspath(path)
    try:
        stat = os.stat(path)
    except OSError:
        return
    key = (path, stat.st_mtime_ns, stat.st_size)
    if key in _MODULES or stat.st_size > MAX_PROJECT_MODULE_BYTES:
        return
    try:
        if read_text(path) != text:
            return  # an editor's unsaved text, or stdin: not what importers read from disk
    except (SourceError, OSError):
        return
    _MODULES[key] = module
    _KEPT_IDS.add(id(module))
    _KEPT_SIZE[0] += key[2]
    share(text, module)
    _trim()


def _trim() -> None:
    """Let the oldest modules go, down to the bounds; a module's scope goes with its tree (the
    engine finds the nodes of a scope's values in the tree `project_module` returns)."""
    while len(_MODULES) > _KEPT_MODULES or len(_MODULES) > 1 and _KEPT_SIZE[0] > _KEPT_BYTES:
        key = next(iter(_MODULES))
        gone = _MODULES.pop(key)
        if gone is not None:
            _KEPT_SIZE[0] -= key[2]
        if gone is not None and not any(m is gone for m in _MODULES.values()):
            _KEPT_IDS.discard(id(gone))
        for read in [k for k in _SCOPES if k[:3] == key]:  # its readings at every depth
            del _SCOPES[read]
        gc.unfreeze()  # what is let go can be collected again (frozen again with the next module)
