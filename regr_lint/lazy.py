"""libcst, imported when a file is first parsed rather than when regr-lint starts.

Importing libcst costs about 0.2 s, half of regr-lint's start-up, and many runs never parse a file:
a warm cache, a pre-commit hook on files that do not use Keras. `import libcst as cst` in regr-lint's
modules stays as written; this installs libcst in `sys.modules` as a module that loads itself on
first attribute access (the importlib documentation's LazyLoader recipe), and regr-lint's modules
take it as `from regr_lint.lazy import cst`: a plain `import libcst` statement would load it at once
(the import system reads the module's `__spec__`). Modules must not touch `cst.…` at import time
(class bases, module constants): they build those on first use.
"""
from __future__ import annotations

import importlib.util
import sys


def _install(name: str):
    """(the module, where it is installed): a lazily loading module unless it is already loaded."""
    if name in sys.modules:
        module = sys.modules[name]
        return module, getattr(module, "__file__", "") or ""
    spec = importlib.util.find_spec(name)
    if spec is None or spec.loader is None:
        return importlib.import_module(name), ""  # fails here, with the usual message
    loader = importlib.util.LazyLoader(spec.loader)
    spec.loader = loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    loader.exec_module(module)
    return module, spec.origin or ""


cst, LIBCST_ORIGIN = _install("libcst")
