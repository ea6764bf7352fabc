"""Giving the memory of a large file's trees back to the system once the file is done.

A libcst tree takes about 600 bytes per byte of source. When it is freed, glibc keeps the pages in
its heap (most of a tree's objects are too large for Python's own arenas), so a run's resident size
would grow to the sum of its largest files' fragments instead of the largest one. `malloc_trim`
returns free pages at once; elsewhere (musl, macOS, Windows) this is a no-op.
"""
from __future__ import annotations

# Below this many characters a file's trees are too small to be worth a trim (a trim walks the heap).
LARGE_SOURCE = 32_000

_trim = None  # malloc_trim, found on first use (ctypes is not free to import); False: not glibc


def _find_trim():
    import ctypes
    import ctypes.util

    try:
        trim = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6").malloc_trim
        trim.argtypes = [ctypes.c_size_t]
        trim.restype = ctypes.c_int
        return trim
    except (OSError, AttributeError):  # not glibc
        return False


def release_after(source_length: int) -> None:
    """Return freed heap pages to the system after linting a source this long, if it was large."""
    global _trim
    if source_length < LARGE_SOURCE:
        return
    if _trim is None:
        _trim = _find_trim()
    if _trim:
        _trim(0)
