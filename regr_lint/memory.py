"""Giving the memory of a large file's trees back to the system once the file is done.

A libcst tree takes about 600 bytes per byte of source. When it is freed, glibc keeps the pages in
its heap (most of a tree's objects are too large for Python's own arenas), so a run's resident size
would grow to the sum of its largest files' fragments instead of the largest one. `malloc_trim`
returns free pages at once; elsewhere (musl, macOS, Windows) this is a no-op.
"""
from __future__ import annotations

import ctypes
import ctypes.util

# Below this many characters a file's trees are too small to be worth a trim (a trim walks the heap).
LARGE_SOURCE = 32_000

_trim = None
try:
    _libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
    _trim = _libc.malloc_trim
    _trim.argtypes = [ctypes.c_size_t]
    _trim.restype = ctypes.c_int
except (OSError, AttributeError):  # not glibc
    _trim = None


def release_after(source_length: int) -> None:
    """Return freed heap pages to the system after linting a source this long, if it was large."""
    if _trim is not None and source_length >= LARGE_SOURCE:
        _trim(0)
