"""Writing a file all at once: a temporary file beside it, then renamed over it, so a reader (or a
run killed mid-way) sees either the old content or the new, never half of it."""
from __future__ import annotations

import os
import stat
import tempfile


def write_atomic(path: str, data: bytes, *, durable: bool = True, make_dirs: bool = False) -> None:
    """Replace `path`'s content with `data` (a symlink's target is written). An existing file keeps
    its permissions; a new one gets the usual 0666 less the umask. `durable` fsyncs before the rename
    (source files); a cache entry can skip it."""
    target = os.path.realpath(path)
    folder = os.path.dirname(target) or "."
    if make_dirs:
        os.makedirs(folder, exist_ok=True)
    try:
        mode = stat.S_IMODE(os.stat(target).st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    fd, tmp = tempfile.mkstemp(dir=folder, prefix="." + os.path.basename(target) + ".", suffix=".regr-lint.tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            if durable:
                fh.flush()
                os.fsync(fh.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
