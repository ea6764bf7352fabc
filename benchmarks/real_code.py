#!/usr/bin/env python3
"""regr-lint on a checkout of real code: per-rule counts, files, time and every finding (stdlib only).

Usage, from the repo root, with the project's venv python:

    .venv/bin/python benchmarks/real_code.py --corpus DIR [--jobs N]

DIR is any tree of real training code kept outside this repository (never commit third-party code):
the keras-io examples (`examples/**/*.py` and `examples/**/*.ipynb` of a snapshot of
chicham/keras-io, a fork of keras-team/keras-io), a training repository, an unpacked sdist. One
`regr-lint check` subprocess lints the tree (no cache, .gitignore not honoured, no
`[tool.regr-lint]` table above the tree can leak in); printed are the file count, wall time, the
findings per code with the number of files, every finding (`path:line:col (cell C): CODE message`)
so that each can be read and judged, and each RL000 re-checked with CPython (a notebook's RL000 is
left to be read by hand: invalid JSON, or a cell IPython itself refuses, is a true RL000).

Exit status: 0 after a clean run; 1 on a crash, an internal error, or an RL000 on a .py file CPython
parses; 2 when the corpus cannot be read. Not a timed test: a yardstick to judge a change by.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from keras_sdist import SetupError, run_script  # benchmarks/keras_sdist.py
from linter import find_linter  # benchmarks/linter.py (the script folder is on sys.path)
from tensorflow_corpus import lint_and_report  # benchmarks/tensorflow_corpus.py

SKIP_DIRS = {".git", ".hg", ".venv", "venv", "node_modules", "__pycache__", ".regr_lint_cache", "build", "dist"}


def corpus_files(tree: Path) -> list[Path]:
    """The *.py and *.ipynb files the linter's walk would find (its default skips, roughly)."""
    found = []
    for path in tree.rglob("*"):
        rel = path.relative_to(tree).parts
        if any(part in SKIP_DIRS or part.startswith(".") for part in rel[:-1]):
            continue
        if path.suffix in (".py", ".ipynb") and path.is_file():
            found.append(path)
    return found


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, required=True, help="the tree of real code to lint")
    ap.add_argument("--jobs", type=int, help="pass --jobs N to the linter (default: its own)")
    args = ap.parse_args(argv)
    tree = args.corpus.resolve()
    if not tree.is_dir():
        raise SetupError(f"{tree} is not a directory")
    files = corpus_files(tree)
    if not files:
        raise SetupError(f"no *.py or *.ipynb files under {tree}")
    linter = find_linter()
    if linter is None:
        raise SetupError(f"no `regr-lint` executable next to {sys.executable} or on PATH")
    return lint_and_report(tree, len(files), linter, args.jobs)


if __name__ == "__main__":
    run_script(main, "real_code")
