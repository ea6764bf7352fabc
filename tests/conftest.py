"""Options of the test suite.

--fuzz-examples N   run N examples per property-based fuzz test in tests/test_fuzz.py (the default
                    run is a few hundred examples in all, reproducible; with this option the
                    examples are drawn at random, so repeated long runs explore new inputs).
"""
from __future__ import annotations

import os

# Hundreds of tests start the real CLI in a subprocess. With PYTHONDONTWRITEBYTECODE set (some
# sandboxes and CI images set it) every one of them recompiles regr_lint, click and libcst from
# source; a user's machine caches the bytecode, and so do the tests' subprocesses.
os.environ.pop("PYTHONDONTWRITEBYTECODE", None)


def pytest_addoption(parser):
    parser.addoption("--fuzz-examples", type=int, default=None, metavar="N",
                     help="examples per fuzz test in tests/test_fuzz.py (a longer, randomised run)")
