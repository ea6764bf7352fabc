"""Options of the test suite.

--fuzz-examples N   run N examples per property-based fuzz test in tests/test_fuzz.py (the default
                    run is a few hundred examples in all, reproducible; with this option the
                    examples are drawn at random, so repeated long runs explore new inputs).
"""
from __future__ import annotations


def pytest_addoption(parser):
    parser.addoption("--fuzz-examples", type=int, default=None, metavar="N",
                     help="examples per fuzz test in tests/test_fuzz.py (a longer, randomised run)")
