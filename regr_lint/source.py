"""Reading a file's bytes into text the way Python itself would (PEP 263 cookie, UTF-8 BOM)."""
from __future__ import annotations

import io
import tokenize


class SourceError(Exception):
    """The file cannot be read or decoded; the message is for the user."""


def decode(data: bytes) -> str:
    try:
        encoding, _ = tokenize.detect_encoding(io.BytesIO(data).readline)
    except SyntaxError as exc:  # unknown codec named in the cookie, or BOM + non-utf8 cookie
        raise SourceError(f"cannot decode: {exc}") from None
    try:
        text = data.decode(encoding)
    except (UnicodeDecodeError, LookupError) as exc:
        raise SourceError(f"cannot decode as {encoding}: {exc}") from None
    # 'utf-8-sig' strips the BOM; a cookie-less file with a BOM reports 'utf-8-sig' too.
    if text.startswith("\ufeff"):
        text = text[1:]
    return text


def read_bytes(path: str) -> bytes:
    try:
        with open(path, "rb") as fh:
            return fh.read()
    except OSError as exc:
        raise SourceError(f"cannot read file: {exc.strerror or exc}") from None


def read_text(path: str) -> str:
    return decode(read_bytes(path))
