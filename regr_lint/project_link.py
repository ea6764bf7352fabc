"""The project a linted file belongs to, as the engine needs it: the module index its imports resolve
through, whether its project imports bring Keras in (then a file that never names Keras is still
analysed), and a digest of the project modules it depends on (part of its cache key: editing
`models.py` re-lints `train.py`).

The root is the nearest folder above the file holding a `pyproject.toml`, a `regr-lint.toml` or a
`.git`, else the file's own folder. One index per root per process."""
from __future__ import annotations

import hashlib
import os
from typing import Optional

from regr_lint.project import ProjectIndex
from regr_lint.source import SourceError, read_bytes

_MARKERS = ("pyproject.toml", "regr-lint.toml", ".git")
_INDEXES: dict[str, ProjectIndex] = {}
_ROOTS: dict[str, str] = {}


def project_root(path: str) -> Optional[str]:
    """The root of the project `path` (a file) belongs to; None when `path` is not a file on disk."""
    if not path or path == "-" or not os.path.isfile(path):
        return None
    here = os.path.dirname(os.path.abspath(path))
    found = _ROOTS.get(here)
    if found is None:
        probe = here
        while True:
            if any(os.path.exists(os.path.join(probe, m)) for m in _MARKERS):
                found = probe
                break
            parent = os.path.dirname(probe)
            if parent == probe:
                found = here
                break
            probe = parent
        _ROOTS[here] = found
    return found


def project_for(path: str) -> Optional[ProjectIndex]:
    root = project_root(path)
    if root is None:
        return None
    index = _INDEXES.get(root)
    if index is None:
        index = _INDEXES[root] = ProjectIndex(root)
    return index


def imports_keras_through_project(path: str, text: str) -> bool:
    """The file imports a project module that uses Keras (itself or through its own imports)."""
    if "import" not in text:
        return False
    index = project_for(path)
    if index is None:
        return False
    try:
        return any(index.uses_keras(dep) for dep in index.imports_of(os.path.abspath(path)))
    except (OSError, ValueError, RecursionError):
        return False


def dependency_digest(path: str) -> str:
    """SHA-256 over the project modules `path` imports (directly or not): their paths and bytes. ""
    when it imports none (or is not a file on disk)."""
    index = project_for(path)
    if index is None:
        return ""
    try:
        deps = index.dependencies(os.path.abspath(path))
    except (OSError, ValueError, RecursionError):
        return ""
    if not deps:
        return ""
    h = hashlib.sha256()
    for dep in sorted(deps):
        h.update(dep.encode("utf-8", "surrogateescape") + b"\0" + _content_digest(dep))
    return h.hexdigest()


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
