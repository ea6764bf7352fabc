"""The per-file result cache in `.regr_lint_cache/` at the root of each file's project
(regr_lint.input.config.Projects: one cache per project in a monorepo).

An entry holds the findings of one file's *contents* under one set of *settings*; its key is

    sha256(settings fingerprint, the kind of file (.py / .ipynb), the file's bytes)

so identical files share an entry, and a change of any input makes a miss (never a stale hit). The
settings fingerprint covers: the cache format, regr-lint's version, the Python version, libcst's
installed `__init__.py` (size and mtime: an upgrade rewrites it; no metadata read on start-up),
the enabled rule codes with the distribution (and its version) each comes from, and the size and
mtime of the source files of regr-lint itself and of every enabled rule's module (so an editable
install or a rule pack upgraded in place invalidates too). What else in the configuration changes
findings — `per-file-ignores`, `--ignore RL000` — is applied *after* the cache (the entry holds
what the enabled rules found in the file), so it is not in the key.

Entries store findings without their path (the path is the only thing that differs between two
files with the same contents) and with their fix as data: whether it is safe, its message, its
placed edits. The libcst nodes `--fix` needs are not stored: `--fix` / `--diff` never use the
cache. Standard input is never cached.

Concurrent runs are safe without locks: each entry is written to a temporary file in its shard
directory and moved into place with os.replace (atomic), and an entry that cannot be read or does
not decode as expected is a miss. Nothing is ever pruned automatically: `regr-lint clean` removes
the whole directory.
"""
from __future__ import annotations

import functools
import hashlib
import json
import os
import shutil
import stat
import sys
from dataclasses import dataclass
from typing import Callable, Iterable, Optional, Sequence

from regr_lint import __version__
from regr_lint.engine.finding import Finding, FixInfo
from regr_lint.input.files import write_atomic
from regr_lint.input.source import SourceError, read_bytes

CACHE_DIR_NAME = ".regr_lint_cache"
FORMAT = 2  # bump when the entry layout changes
CACHEDIR_TAG = (
    "Signature: 8a477f597d28d172789f06886806bc55\n"
    "# This file is a cache directory tag created by regr-lint.\n"
    "# For information about cache directory tags, see:\n"
    "#\thttps://bford.info/cachedir/\n"
)


@dataclass(frozen=True)
class CachedFix:
    """A fix read back from the cache: enough for `[*]`, the fixable counts and JSON output
    (`regr_lint.fixes.apply.applicable` reads safe / edits / imports), not for applying it."""

    safe: bool
    message: str
    edits: tuple = ()  # placeholders, one per edit of the rule's Fix (their nodes are not cached)
    imports: tuple = ()


def _stat_sig(path: Optional[str]) -> str:
    if not path:
        return "-"
    try:
        st = os.stat(path)
    except OSError:
        return f"{path}:?"
    return f"{path}:{st.st_size}:{st.st_mtime_ns}"


def _own_sources() -> list[str]:
    """regr-lint's own Python files (engine, facts, rules): their change can change findings."""
    import regr_lint

    out = []
    root = os.path.dirname(os.path.abspath(regr_lint.__file__))
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if d not in ("__pycache__", "verify"))
        out += [os.path.join(dirpath, f) for f in sorted(filenames) if f.endswith(".py")]
    return out


@functools.lru_cache(maxsize=None)
def _dist_version(dist: str) -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(dist)
    except (PackageNotFoundError, ValueError):
        return "?"


def fingerprint(rules: Sequence[object], packages: dict[str, str]) -> str:
    """The settings part of every key. `packages` maps a rule code to its distribution,
    "name==version" (a bare name: its version is looked up)."""
    from regr_lint.lazy import LIBCST_ORIGIN

    parts = [f"format={FORMAT}", f"regr-lint={__version__}", f"python={sys.version_info[:3]}",
             f"libcst={_stat_sig(LIBCST_ORIGIN)}"]  # an upgrade rewrites its files: no metadata read
    for rule in sorted(rules, key=lambda r: r.code):
        dist = packages.get(rule.code, "?")
        if "==" not in dist:
            dist = f"{dist}=={_dist_version(dist)}"
        module = sys.modules.get(type(rule).__module__)
        parts.append(f"rule={rule.code}:{type(rule).__module__}.{type(rule).__qualname__}:"
                     f"{dist}:{_stat_sig(getattr(module, '__file__', None))}:"
                     f"{getattr(rule, 'tokens', ())!r}:{getattr(rule, 'names', ())!r}")
    parts += [_stat_sig(p) for p in _own_sources()]
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


# --------------------------------------------------------------------------- (de)serialising findings

_INT_FIELDS = ("line", "col", "end_line", "end_col", "stmt_line", "stmt_end_line", "cell", "cell_line",
               "cell_end_line")


def dump_finding(f: Finding) -> dict:
    doc = {k: getattr(f, k) for k in _INT_FIELDS}
    doc.update(code=f.code, message=f.message, name=f.name, fix=None)
    if f.reported_from:  # its token is in another module (see Finding.reported_from)
        doc.update(at=f.path, via=dump_finding(f.via) if f.via is not None else None)
    if f.fix is not None:
        fix = f.fix.fix
        doc["fix"] = {"safe": bool(fix.safe), "message": str(fix.message),
                      "n_edits": len(getattr(fix, "edits", ()) or ()),
                      "imports": [str(i) for i in (getattr(fix, "imports", ()) or ())],
                      "edits": [dict(e) for e in f.fix.edits]}
    return doc


def _int(value: object, bound: int) -> int:
    # Exactly what dump_finding writes: an int between 0 and `bound` (no bool, float, NaN or 10**100).
    if type(value) is not int or not 0 <= value <= bound:
        raise ValueError(f"not a position: {value!r}")
    return value


def _str(value: object) -> str:
    if type(value) is not str:
        raise ValueError(f"not a string: {value!r}")
    return value


def load_finding(path: str, doc: dict, bound: int = 2 ** 31) -> Finding:
    """Raises (KeyError, TypeError, ValueError) on a malformed document: the caller treats it as a
    miss. Lines, columns and counts above `bound` (the file's length + 1 for a cache entry: no
    position can be further) are malformed too."""
    if type(doc) is not dict:
        raise TypeError("a finding must be an object")
    fix = None
    if doc["fix"] is not None:
        fd = doc["fix"]
        if type(fd["safe"]) is not bool:
            raise ValueError("fix.safe must be a boolean")
        edits = tuple({"line": _int(e["line"], bound), "column": _int(e["column"], bound),
                       "end_line": _int(e["end_line"], bound), "end_column": _int(e["end_column"], bound),
                       "content": _str(e["content"]),
                       **({"cell": _int(e["cell"], bound)} if "cell" in e else {})} for e in fd["edits"])
        fix = FixInfo(CachedFix(fd["safe"], _str(fd["message"]), (None,) * _int(fd["n_edits"], bound),
                                tuple(_str(i) for i in fd["imports"])), edits)
    if "at" in doc:
        # placed in another module (any position there), and maybe in this file too
        via = load_finding(path, doc["via"], bound) if doc["via"] is not None else None
        ints = {k: _int(doc[k], 2 ** 31) for k in _INT_FIELDS}
        return Finding(path=_str(doc["at"]), code=_str(doc["code"]), message=_str(doc["message"]),
                       name=_str(doc["name"]), reported_from=path, via=via, **ints)
    ints = {k: _int(doc[k], bound) for k in _INT_FIELDS}
    return Finding(path=path, code=_str(doc["code"]), message=_str(doc["message"]), name=_str(doc["name"]),
                   fix=fix, **ints)


# --------------------------------------------------------------------------- the store

class Cache:
    """Entries under `<root>/.regr_lint_cache/v<FORMAT>/<key[:2]>/<key[2:]>.json`."""

    def __init__(self, root: str, settings: str):
        self.dir = os.path.join(os.path.abspath(root), CACHE_DIR_NAME)
        self.entries = os.path.join(self.dir, f"v{FORMAT}")
        self.settings = settings
        self._prepared = False
        # Why the cache cannot be used (for the caller to say once, then run without it), or None.
        self.problem = _unusable(self.dir)

    def key(self, data: bytes, path: str, extra: str = "") -> str:
        kind = "ipynb" if path.endswith(".ipynb") else "py"
        h = hashlib.sha256(self.settings.encode())
        h.update(b"\0" + kind.encode() + b"\0" + extra.encode() + b"\0")
        h.update(data)
        return h.hexdigest()

    def _entry(self, key: str) -> str:
        return os.path.join(self.entries, key[:2], key[2:] + ".json")

    def get(self, key: str, path: str, size: int = 2 ** 31,
            current: Optional[Callable[[dict], bool]] = None) -> Optional[list[Finding]]:
        """The cached findings (placed at `path`, a file of `size` bytes), or None on a miss (absent,
        unreadable, corrupt, or absurd: positions beyond the file, nesting that exhausts the parser,
        `Infinity`, a FIFO where the entry should be). An entry recorded with the project modules
        the file imports is a hit only if `current(those {path: digest})` says they are unchanged."""
        if self.problem:
            return None
        try:
            doc = json.loads(read_bytes(self._entry(key)))
            if not isinstance(doc, dict) or doc.get("key") != key or type(doc["findings"]) is not list:
                return None
            deps = doc.get("deps")
            if deps is not None and (type(deps) is not dict or current is None or not current(deps)):
                return None
            return [load_finding(path, d, size + 1) for d in doc["findings"]]
        except (SourceError, ValueError, KeyError, TypeError, AttributeError, RecursionError, OverflowError,
                MemoryError):
            return None

    def put(self, key: str, findings: Iterable[Finding], deps: Optional[dict] = None) -> None:
        """Store an entry atomically; a cache that cannot be written is silently skipped. `deps`: the
        project modules the file imports, {path: content digest}, checked again on every hit."""
        if self.problem:
            return
        try:
            doc = {"key": key, "findings": [dump_finding(f) for f in findings]}
            if deps:
                doc["deps"] = deps
            payload = json.dumps(doc, separators=(",", ":")).encode()
            self._prepare()
            shard = os.path.dirname(self._entry(key))
            os.makedirs(shard, exist_ok=True)
            if os.path.islink(shard):
                return
            # durable=False: a lost entry is a cache miss; a link planted there is replaced
            write_atomic(self._entry(key), payload, durable=False, follow_symlinks=False)
        except (OSError, TypeError, ValueError):
            pass

    def _prepare(self) -> None:
        """CACHEDIR.TAG (backup tools skip the directory) and a .gitignore (git ignores it)."""
        if self._prepared:
            return
        os.makedirs(self.dir, exist_ok=True)
        os.makedirs(self.entries, exist_ok=True)
        if _unusable(self.dir) or _unusable(self.entries):  # replaced by a link since __init__
            raise OSError("the cache directory is not a plain directory")
        for name, text in (("CACHEDIR.TAG", CACHEDIR_TAG), (".gitignore", "# Created by regr-lint.\n*\n")):
            target = os.path.join(self.dir, name)
            if not os.path.lexists(target):
                write_atomic(target, text.encode(), durable=False, follow_symlinks=False)
        self._prepared = True


def _unusable(directory: str) -> Optional[str]:
    """Why `directory` must not be used as (part of) the cache: a symlink is never followed (it could
    point anywhere: writes would land there), and a file or FIFO cannot hold entries."""
    try:
        st = os.lstat(directory)
    except FileNotFoundError:
        return None  # created on the first write
    except OSError as exc:
        return f"{directory}: cannot use the cache: {exc.strerror or exc}; running without it"
    if stat.S_ISLNK(st.st_mode):
        return f"{directory} is a symbolic link, not followed; running without the cache"
    if not stat.S_ISDIR(st.st_mode):
        return f"{directory} is not a directory; running without the cache"
    return None


def clean(root: str) -> Optional[str]:
    """Remove `<root>/.regr_lint_cache`; returns the removed directory, or None if there was none."""
    target = os.path.join(os.path.abspath(root), CACHE_DIR_NAME)
    if os.path.islink(target) or (os.path.lexists(target) and not os.path.isdir(target)):
        # Not a cache this tool made (runs never use it): what it is or points at is the user's.
        kind = "a symbolic link" if os.path.islink(target) else "not a directory"
        raise OSError(f"{target} is {kind}, not regr-lint's cache; left as it is")
    if not os.path.isdir(target):
        return None
    shutil.rmtree(target)
    return target
