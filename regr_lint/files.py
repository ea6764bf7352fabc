"""Writing a file all at once: a temporary file beside it, then renamed over it, so a reader (or a
run killed mid-way) sees either the old content or the new, never half of it."""
from __future__ import annotations

import os
import stat
import tempfile


def write_atomic(path: str, data: bytes, *, durable: bool = True, make_dirs: bool = False) -> None:
    """Replace `path`'s content with `data` (a symlink's target is written). An existing file keeps
    its permissions and, as far as this user may set them, its owner and group (root fixing another
    user's file must not hand it to root); a new one gets the usual 0666 less the umask. `durable`
    fsyncs before the rename (source files); a cache entry can skip it."""
    target = os.path.realpath(path)
    folder = os.path.dirname(target) or "."
    if make_dirs:
        os.makedirs(folder, exist_ok=True)
    try:
        st = os.stat(target)
        mode, owner = stat.S_IMODE(st.st_mode), (st.st_uid, st.st_gid)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        mode, owner = 0o666 & ~umask, None
    fd, tmp = tempfile.mkstemp(dir=folder, prefix="." + os.path.basename(target) + ".", suffix=".regr-lint.tmp")
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
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


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
