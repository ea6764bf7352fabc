"""Reading a file's bytes into text the way Python itself would (PEP 263 cookie, UTF-8 BOM)."""
from __future__ import annotations

import io
import os
import stat
import tokenize


class SourceError(Exception):
    """The file cannot be read or decoded; the message is for the user."""


def decode(data: bytes) -> str:
    try:
        encoding, _ = tokenize.detect_encoding(io.BytesIO(data).readline)
    except SyntaxError as exc:  # unknown codec named in the cookie, BOM + non-utf8 cookie, or stray
        # bytes in the first two lines (where a cookie would be)
        if not undecodable_comments_only(data, "utf-8"):
            raise SourceError(f"cannot decode: {exc}") from None
        encoding = "utf-8"
    try:
        text = data.decode(encoding)
    except (UnicodeDecodeError, LookupError) as exc:
        if not undecodable_comments_only(data, encoding):
            raise SourceError(f"cannot decode as {encoding}: {exc}") from None
        # Greek or Latin-1 comments in a file declaring no encoding: `compile()` and `import` take
        # it (CPython's tokenizer does not decode comments), so its code is read — with each stray
        # byte a U+FFFD, which only a comment holds. A fix would write those back changed:
        # fixes.apply.encode_like refuses it.
        text = data.decode(encoding, "replace")
    # 'utf-8-sig' strips the BOM; a cookie-less file with a BOM reports 'utf-8-sig' too.
    if text.startswith("\ufeff"):
        text = text[1:]
    return text


def undecodable_comments_only(data: bytes, encoding: str) -> bool:
    """Whether `data`, which does not decode as `encoding`, is still a module CPython compiles:
    its stray bytes are all in comments. Only asked of files that failed to decode."""
    if encoding not in ("utf-8", "utf-8-sig"):
        return False
    try:
        compile(data, "<source>", "exec", dont_inherit=True, flags=0x400)  # PyCF_ONLY_AST
    except (SyntaxError, ValueError):
        return False
    return True


# Files larger than this are not read (RL000 "too large"): `max-file-size` in [tool.regr-lint].
DEFAULT_MAX_FILE_SIZE = 10 * 1024 * 1024
max_file_size = DEFAULT_MAX_FILE_SIZE  # set once per run (and per worker) by configure()

_KINDS = ((stat.S_ISFIFO, "a FIFO"), (stat.S_ISSOCK, "a socket"), (stat.S_ISCHR, "a character device"),
          (stat.S_ISBLK, "a block device"), (stat.S_ISDIR, "a directory"))


def configure(limit: int) -> None:
    global max_file_size
    max_file_size = limit


def _size(n: int) -> str:
    return f"{n / 1024 / 1024:.1f} MB" if n >= 1024 * 1024 else f"{n} bytes"


def read_bytes(path: str) -> bytes:
    """The file's bytes. Only regular files are read: a FIFO, a socket or a device (say a symlink to
    /dev/zero named x.py) would block or never end. O_NONBLOCK keeps the open itself from waiting
    for a FIFO's writer, and the type is checked on the opened descriptor (no stat/open race). A
    file above `max_file_size` is refused without being read (and at most limit + 1 bytes ever
    are: it may grow while read)."""
    limit = max_file_size
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
                     | getattr(os, "O_BINARY", 0))
    except OSError as exc:
        try:  # a socket cannot be opened at all: say what it is rather than "no such device"
            kind = next((name for test, name in _KINDS if test(os.stat(path).st_mode)), None)
        except OSError:
            kind = None
        if kind is not None:
            raise SourceError(f"not read: {kind}, not a regular file") from None
        raise SourceError(f"cannot read file: {exc.strerror or exc}") from None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            kind = next((name for test, name in _KINDS if test(st.st_mode)), "not a regular file")
            raise SourceError(f"not read: {kind}, not a regular file")
        if st.st_size > limit:
            raise SourceError(f"not read: file too large ({_size(st.st_size)}; "
                              f"the limit, max-file-size, is {_size(limit)})")
        if getattr(os, "O_NONBLOCK", 0):
            os.set_blocking(fd, True)
        with os.fdopen(fd, "rb", closefd=False) as fh:
            data = fh.read(limit + 1)
    except OSError as exc:
        raise SourceError(f"cannot read file: {exc.strerror or exc}") from None
    finally:
        os.close(fd)
    if len(data) > limit:
        raise SourceError(f"not read: file too large (it grew beyond max-file-size, {_size(limit)})")
    return data


def read_text(path: str) -> str:
    return decode(read_bytes(path))


def read_code(path: str) -> str:
    """The Python code of a module read for another file's analysis: a file's text, or a Jupyter
    notebook's code cells one after another (a notebook beside a builder module is a script that
    fits its model). SourceError for a notebook that cannot be read or runs another language."""
    text = read_text(path)
    if not path.endswith(".ipynb"):
        return text
    from regr_lint.input import notebook  # here: only a run that reads a notebook as an importer needs it

    try:
        nb = notebook.load(text)
    except notebook.NotebookError as exc:
        raise SourceError(str(exc)) from None
    if nb.language not in ("python", "python3", "ipython", "ipython3"):
        raise SourceError(f"a {nb.language} notebook")
    return nb.text
