"""Writing files without losing anything.

`write_atomic` (cache entries, report files): a temporary file beside the target, renamed over it, so
a reader (or a run killed mid-way) sees either the old content or the new, never half of it.

`write_source` (what `--fix` and `--add-noqa` write): the same, and also
- nothing the user saved meanwhile is overwritten: the file must still be what was read
  (`Snapshot`: device, inode, size, mtime_ns and a SHA-256 of the bytes read), checked again right
  before the rename, under an advisory lock (`flock`) every regr-lint run takes for that step, so two
  runs fixing the same file cannot both pass the check;
- a file this process may not write is refused (`os.access`), never replaced through a writable
  directory;
- the file keeps its identity: replaced by a copy only when the copy gets the same owner, group,
  mode and extended attributes and the file has no other hard link; otherwise rewritten in place,
  crash-safe through an undo journal (old and new bytes, fsynced before the first byte is
  overwritten) that the next run uses to put back a half-written file.

Temporary files are named `.NAME.PID-RANDOM.regr-lint.tmp` (`….undo.regr-lint.tmp` for a journal)
so that `sweep` can tell a killed run's leftovers (its process is gone) from a live run's.
"""
from __future__ import annotations

import errno
import hashlib
import os
import re
import secrets
import stat
import time
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Callable, Iterable, Iterator

try:
    import fcntl
except ImportError:  # Windows: no advisory locks; two runs there keep the small window described below
    fcntl = None

TMP_SUFFIX = ".regr-lint.tmp"
_UNDO = ".undo"
_OURS = re.compile(r"\..+\.(?P<pid>[0-9]+)-[0-9a-f]{8}(?P<undo>\.undo)?\.regr-lint\.tmp\Z", re.S)
_LEGACY = re.compile(r"\..+\.[a-z0-9_]{8}\.regr-lint\.tmp\Z", re.S)  # tempfile.mkstemp names, before the pid
_LEGACY_AGE = 3600.0  # seconds: no run of those versions wrote one file for that long
_STALE_AGE = 86400.0  # a file this old is stale even if its pid now belongs to some other process
_MAGIC = b"regr-lint undo 1\n"


class NotWritten(OSError):
    """The file was left as it is; str() says why (`PATH: not fixed: …`)."""


@dataclass(frozen=True)
class Snapshot:
    """What a file was when it was read: (device, inode, size, mtime_ns) and a hash of the bytes."""

    key: tuple | None
    digest: bytes

    @classmethod
    def of(cls, st: os.stat_result | None, data: bytes) -> Snapshot:
        key = None if st is None else (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns)
        return cls(key, hashlib.sha256(data).digest())


def read_snapshot(path: str, read: Callable[[str], bytes]) -> tuple[bytes, Snapshot]:
    """`read(path)` and the Snapshot to write it back with. The stat comes first: a change between it
    and the read leaves a newer mtime, so the write is refused rather than missed."""
    try:
        st = os.stat(path)
    except OSError:
        st = None  # the read below says why; a file that appears in between matches no snapshot
    data = read(path)
    return data, Snapshot.of(st, data)


def write_atomic(path: str, data: bytes, *, durable: bool = True, make_dirs: bool = False,
                 follow_symlinks: bool = True) -> None:
    """Replace `path`'s content with `data` (a symlink's target is written, or with
    `follow_symlinks=False` the link itself is replaced: a link planted where a cache entry goes is
    never written through). An existing file keeps its permissions and, as far as this user may set
    them, its owner and group (root fixing another user's file must not hand it to root); a new one
    gets the usual 0666 less the umask. `durable` fsyncs before the rename (source files); a cache
    entry can skip it."""
    target = os.path.realpath(path) if follow_symlinks else os.path.abspath(path)
    folder = os.path.dirname(target) or "."
    if make_dirs:
        os.makedirs(folder, exist_ok=True)
    try:
        st = os.stat(target, follow_symlinks=False)
        if stat.S_ISLNK(st.st_mode):
            raise FileNotFoundError  # replaced, not followed: a new file
        mode, owner = stat.S_IMODE(st.st_mode), (st.st_uid, st.st_gid)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        mode, owner = 0o666 & ~umask, None
    fd, tmp = _create_beside(target)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            if durable:
                fh.flush()
                os.fsync(fh.fileno())
        if owner is not None and hasattr(os, "chown"):
            _chown(tmp, *owner)  # before chmod: a chown clears the setuid / setgid bits
        os.chmod(tmp, mode)
        os.replace(tmp, target)
    except BaseException:
        _unlink(tmp)
        raise


def write_source(path: str, data: bytes, expect: Snapshot) -> None:
    """Replace the content of the source file `path` (a symlink's target) with `data`, provided it
    is still what `expect` recorded; raise NotWritten (file untouched) when it is not, or when this
    process may not write it."""
    target = os.path.realpath(path)
    try:
        st = os.stat(target)
    except FileNotFoundError:
        raise NotWritten("the file was removed while it was being fixed") from None
    if not _may_write(target):
        raise NotWritten("permission denied")
    old = _unchanged(target, expect)  # early: no temporary file for a file already changed
    if st.st_nlink == 1 and _replace(target, data, st, expect):
        return
    _rewrite_in_place(target, old, data, st, expect)


def _may_write(path: str) -> bool:
    if os.access in os.supports_effective_ids:
        return os.access(path, os.W_OK, effective_ids=True)
    return os.access(path, os.W_OK)


def _unchanged(target: str, expect: Snapshot) -> bytes:
    """The file's bytes, when it is still what `expect` recorded; else NotWritten."""
    try:
        st = os.stat(target)
        with open(target, "rb") as fh:
            data = fh.read()
    except OSError as exc:
        raise NotWritten(f"cannot read it again before writing: {exc.strerror or exc}") from None
    if ((st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns) != expect.key
            or hashlib.sha256(data).digest() != expect.digest):
        raise NotWritten("the file changed while it was being fixed")
    return data


def _replace(target: str, data: bytes, st: os.stat_result, expect: Snapshot) -> bool:
    """Write a copy and rename it over `target`, if the copy can have everything the file had
    (owner, group, mode, extended attributes); False (nothing written) when it cannot."""
    try:
        fd, tmp = _create_beside(target)
    except PermissionError:
        raise NotWritten("permission denied (cannot create a file in its directory)") from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        if not _copy_identity(target, tmp, st):
            _unlink(tmp)
            return False
        # As late as possible, on a copy that is complete: what an editor saves from here to the
        # rename (a few system calls) is still lost. The window is small, not zero: POSIX has no
        # rename-if-unchanged. Another regr-lint run is shut out of it by the lock.
        with _commit_lock(target):
            _unchanged(target, expect)
            os.replace(tmp, target)
    except BaseException:
        _unlink(tmp)
        raise
    return True


def _copy_identity(source: str, copy: str, st: os.stat_result) -> bool:
    """Give `copy` the owner, group, mode and extended attributes of `source`; False when some of
    them cannot be given (another user's file, a group this user is not in, a privileged xattr)."""
    try:
        mine = os.stat(copy)
        if (mine.st_uid, mine.st_gid) != (st.st_uid, st.st_gid):
            os.chown(copy, st.st_uid, st.st_gid)  # before chmod: a chown clears setuid / setgid
        os.chmod(copy, stat.S_IMODE(st.st_mode))
        if hasattr(os, "listxattr"):
            wanted = _xattrs(source)
            for name in set(_xattrs(copy)) - set(wanted):  # e.g. an ACL inherited from the directory
                os.removexattr(copy, name)
            for name, value in wanted.items():
                os.setxattr(copy, name, value)
            if _xattrs(copy) != wanted:
                return False
        got = os.stat(copy)
    except OSError:
        return False
    return (got.st_uid, got.st_gid, stat.S_IMODE(got.st_mode)) == (st.st_uid, st.st_gid, stat.S_IMODE(st.st_mode))


def _xattrs(path: str) -> dict:
    try:
        return {name: os.getxattr(path, name) for name in os.listxattr(path)}
    except OSError as exc:
        if exc.errno in (errno.ENOTSUP, errno.EOPNOTSUPP):  # a file system without extended attributes
            return {}
        raise


def _rewrite_in_place(target: str, old: bytes, data: bytes, st: os.stat_result, expect: Snapshot) -> None:
    """Overwrite the file itself (the inode other hard links share, with its owner and attributes),
    after an undo journal beside it is on disk: if this run is killed mid-write, `sweep` in the next
    run finds the journal and puts the old bytes back."""
    try:
        fd, journal = _create_beside(target, _UNDO)
    except PermissionError:
        raise NotWritten("permission denied (cannot create a file in its directory)") from None
    with _commit_lock(target):
        try:
            name = os.fsencode(os.path.basename(target))
            header = b"%d %d %d %d %d\n" % (st.st_dev, st.st_ino, len(name), len(old), len(data))
            with os.fdopen(fd, "wb") as fh:
                fh.write(_MAGIC + header + name + old + data)
                fh.flush()
                os.fsync(fh.fileno())
            _fsync_dir(os.path.dirname(target))
            _unchanged(target, expect)  # as in _replace: the window up to the first write is small, not zero
        except BaseException:
            _unlink(journal)
            raise
        try:
            _overwrite(target, data)
        except BaseException:  # a full disk, an interrupt: put the old bytes back now
            try:
                _overwrite(target, old)
            except OSError:
                raise NotWritten(f"the file may be half-written; its previous content is in {journal}") from None
            _unlink(journal)
            raise
    _unlink(journal)


@contextmanager
def _commit_lock(target: str) -> Iterator[None]:
    """Hold an advisory lock on the file `target` names now, from the last check to the write.
    Two regr-lint runs fixing the same file (a pre-commit hook and an editor's fix-on-save) would
    otherwise both pass the check and the later write would silently undo the earlier one. With the
    lock, the second run waits, then finds a new inode or new bytes and refuses: whether it locked
    the replaced inode (still the one it read) or the new one, its check reads the path again.
    Editors do not take the lock; for them the window stays as small as before."""
    if fcntl is None:
        yield
        return
    try:
        fd = os.open(target, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except OSError:
        yield  # the check that follows says what is wrong with the file
        return
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
        except OSError:
            pass  # a file system without flock: the check still runs, the window is as before
        yield
    finally:
        os.close(fd)  # releases the lock


def _overwrite(path: str, data: bytes) -> None:
    fd = os.open(path, os.O_WRONLY | getattr(os, "O_NOFOLLOW", 0))
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view):]
        os.ftruncate(fd, len(data))
        os.fsync(fd)
    finally:
        os.close(fd)


def _create_beside(target: str, kind: str = "") -> tuple[int, str]:
    folder = os.path.dirname(target) or "."
    # A long name is shortened: the name is only a hint for the user (the journal records the real one).
    stem = os.fsdecode(os.fsencode(os.path.basename(target))[:120])
    while True:
        tmp = os.path.join(folder, f".{stem}.{os.getpid()}-{secrets.token_hex(4)}{kind}{TMP_SUFFIX}")
        try:
            return os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600), tmp
        except FileExistsError:
            continue


def _fsync_dir(folder: str) -> None:
    try:
        fd = os.open(folder or ".", os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _unlink(path: str) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass


def _chown(path: str, uid: int, gid: int) -> None:
    """Give `path` this owner and group; only the group when this user may not give files away."""
    st = os.stat(path)
    if (st.st_uid, st.st_gid) == (uid, gid):
        return
    try:
        os.chown(path, uid, gid)
    except OSError:
        try:
            os.chown(path, -1, gid)  # a group this user belongs to
        except OSError:
            pass


# -- leftovers of killed runs ---------------------------------------------------------------------------

def sweep(folders: Iterable[str]) -> list[str]:
    """Remove the temporary files that runs killed mid-write left in `folders` (only names this
    module makes, only when the process that made them is gone), first putting back, from its undo
    journal, a file a killed in-place rewrite left half-written. Returns warnings to print."""
    warnings: list[str] = []
    now = time.time()
    for folder in folders:
        try:
            names = [n for n in os.listdir(folder or ".") if n.endswith(TMP_SUFFIX)]
        except OSError:
            continue
        for name in names:
            path = os.path.join(folder, name)
            try:
                st = os.lstat(path)
            except OSError:
                continue
            if not stat.S_ISREG(st.st_mode):
                continue
            age = now - st.st_mtime
            m = _OURS.match(name)
            if m:
                if _alive(int(m["pid"])) and age < _STALE_AGE:
                    continue  # a live run's (or a pid reused since, until the file is a day old)
                if m["undo"] and not _undo(path, st, warnings):
                    continue
            elif not (_LEGACY.match(name) and age > _LEGACY_AGE):
                continue
            _unlink(path)
    return warnings


def _alive(pid: int) -> bool:
    if pid <= 0 or os.name != "posix":  # os.kill(pid, 0) is no probe on Windows
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # exists, another user's
    return True


def _undo(journal: str, jst: os.stat_result, warnings: list[str]) -> bool:
    """Put back what a killed in-place rewrite left half-written; True when the journal may go."""
    try:
        with open(journal, "rb") as fh:
            blob = fh.read()
    except OSError:
        return False
    try:
        head, rest = blob[len(_MAGIC):].split(b"\n", 1)
        dev, ino, n_name, n_old, n_new = (int(x) for x in head.split())
    except ValueError:
        return True  # cut short: the run was killed before the file itself was touched
    if not blob.startswith(_MAGIC) or len(rest) != n_name + n_old + n_new:
        return True  # likewise (the journal is fsynced before the first byte of the file is written)
    name, old, new = rest[:n_name], rest[n_name:n_name + n_old], rest[n_name + n_old:]
    if hasattr(os, "geteuid") and jst.st_uid != os.geteuid():
        return False  # another user's: not ours to act on
    target = os.path.join(os.path.dirname(journal), os.fsdecode(name))
    try:
        st = os.lstat(target)
        if not stat.S_ISREG(st.st_mode) or (st.st_dev, st.st_ino) != (dev, ino):
            return True  # replaced or removed since: the half-written file is no longer there
        with open(target, "rb") as fh:
            current = fh.read()
        if current in (old, new):
            return True
        if _partial(current, old, new):
            _overwrite(target, old)
            return True
    except OSError as exc:
        warnings.append(f"{target}: cannot put back the content an interrupted --fix left half-written "
                        f"({exc.strerror or exc}); the original is in {journal}")
        return False
    warnings.append(f"{target}: changed since an interrupted --fix; its content before that fix is kept in {journal}")
    return False


def _partial(current: bytes, old: bytes, new: bytes) -> bool:
    """Whether `current` is what writing `new` over `old` from the start leaves when cut short:
    new[:k] + old[k:] for some k (the truncation not yet done)."""
    k = 0
    limit = min(len(current), len(new))
    while k < limit and current[k] == new[k]:
        k += 1
    return current == new[:k] + old[k:]
