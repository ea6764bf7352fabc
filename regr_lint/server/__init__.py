"""`regr-lint server`: the language server (LSP over stdio) editors start.

The pipeline's last stage: it uses the engine, the fixer and the CLI's settings, and nothing imports
it. pygls and lsprotocol come with the `server` extra; `analysis` needs neither (what the server
says about a document, in the linter's terms), `protocol` is the LSP side."""
from __future__ import annotations

import importlib.metadata


def missing_dependency() -> str | None:
    """What of the server's own dependencies cannot be imported or is too old, said for a message
    ("pygls >= 2, which is not installed"); None: all there."""
    try:
        import lsprotocol.types  # noqa: F401
        import pygls.lsp.server  # noqa: F401 - pygls 1.x has no pygls.lsp.server (another API)
    except ImportError as exc:
        name = exc.name or "pygls"
        if not name.startswith("pygls"):
            return f"{name.split('.')[0]}, which is not installed"
        try:
            found = importlib.metadata.version("pygls")
        except importlib.metadata.PackageNotFoundError:
            found = None
        if found is not None and found.split(".")[0].isdigit() and int(found.split(".")[0]) < 2:
            return f"pygls >= 2, and pygls {found} is installed"
        return "pygls >= 2, which is not installed"
    return None
