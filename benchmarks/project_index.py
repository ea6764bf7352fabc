#!/usr/bin/env python3
"""What the module index (regr_lint/project/index.py) costs on real projects: not a timed test.

Usage, from the repo root, with the project's venv python:

    .venv/bin/python benchmarks/project_index.py                         # the keras sdist + the gh corpus
    .venv/bin/python benchmarks/project_index.py --project /tmp/ksd/keras-3.15.1
    .venv/bin/python benchmarks/project_index.py --corpus /work/corpora/gh  # each subfolder a project
    .venv/bin/python benchmarks/project_index.py --repeat 3

For each project (its root linted as a whole: `regr-lint check ROOT`), in this process:

* files: the .py files regr-lint's directory walk finds there (discovery with no excludes);
* walk: `ProjectIndex.modules()`, every module the search roots hold (resolution never needs
  it; shown to say what a full listing would cost);
* parse: bare `ast.parse` of every file (decoding included): the floor of any ast-based summary;
* cold: a fresh index, then for every file its summary, the project files it imports
  (`imports_of`), whether it uses Keras (`uses_keras`, transitive), and every name it imports
  with `from X import a` looked up (`lookup`): what the semantic model will ask, all of it;
* summarise_tree + resolve: the same split in two, with each file's CPython tree handed to the
  index (parsed untimed, as the engine parses Keras files anyway): the time summarising those
  trees, then the time answering everything with all summaries in memory. Their sum is what the
  index adds to a run that shares the engine's parse;
* disk warm: the same on a fresh index whose summaries are read back from an on-disk cache
  filled (untimed) just before;
* the counts: project imports found, names resolved to a project definition, to an installed
  module, unknown (project modules missing, names not found, broken modules).

Every timing is the best of --repeat runs (default 1). Peak RSS is the process's.
"""
from __future__ import annotations

import argparse
import ast
import os
import sys
import tempfile
import time
import warnings
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from regr_lint.input.discovery import discover  # noqa: E402
from regr_lint.input.pathmatch import PathMatcher  # noqa: E402
from regr_lint.input.source import SourceError, decode, read_bytes, read_text  # noqa: E402
from regr_lint.project.index import External, ProjectIndex, Resolved  # noqa: E402

try:
    import resource
except ImportError:  # pragma: no cover - Windows
    resource = None

KERAS_SDIST = Path("/tmp/ksd/keras-3.15.1")
GH_CORPUS = Path("/work/corpora/gh")


def python_files(root: Path) -> list[str]:
    return [f for f in discover([str(root)], PathMatcher([], str(root))) if f.endswith(".py")]


def best(repeat: int, fn):
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return min(times), result


def parse_all(files: list[str]) -> int:
    n = 0
    for f in files:
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                ast.parse(read_text(f))
            n += 1
        except (SourceError, SyntaxError, ValueError, RecursionError):
            pass
    return n


def ask_everything(index: ProjectIndex, files: list[str]) -> dict:
    """Everything the semantic model may ask of these files: each one's summary, the project files
    it imports, whether it uses Keras, and every name it imports with `from X import a`."""
    counts = dict(imports=0, resolved=0, external=0, unknown=0, keras_direct=0, keras_via_project=0,
                  broken=0)
    for f in files:
        summary = index.summary(f)
        counts["broken"] += bool(summary.error)
        counts["imports"] += len(index.imports_of(f))
        if summary.keras:
            counts["keras_direct"] += 1
        elif index.uses_keras(f):
            counts["keras_via_project"] += 1
        for imp in summary.imports:
            if imp.module is None and imp.level == 0:
                continue  # `import a.b`: a module, not a name
            for name in imp.names:
                if name == "*":
                    continue
                found = index.lookup(imp.module, name, f, imp.level)
                key = ("resolved" if isinstance(found, Resolved) else
                       "external" if isinstance(found, External) else "unknown")
                counts[key] += 1
    counts["parsed"] = index.parsed
    return counts


def everything(root: Path, files: list[str], cache_dir: str | None = None) -> dict:
    """A fresh index, asked everything."""
    return ask_everything(ProjectIndex(str(root), [str(root)], cache_dir=cache_dir), files)


def from_trees(root: Path, files: list[str]) -> tuple[float, float]:
    """(seconds summarising given trees, seconds answering everything once all are summarised):
    the index's own cost when the engine hands it the trees it parses anyway. Each tree is parsed
    untimed just before, and dropped after (as the engine does)."""
    index = ProjectIndex(str(root), [str(root)])
    summarising = 0.0
    for f in files:
        data = read_bytes(f)
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                tree = ast.parse(decode(data))
        except (SourceError, SyntaxError, ValueError, RecursionError):
            tree = None  # summarised (as broken) from the bytes, a negligible cost
        start = time.perf_counter()
        index.summary(f, data=data, tree=tree)
        summarising += time.perf_counter() - start
        del tree
    start = time.perf_counter()
    ask_everything(index, files)
    return summarising, time.perf_counter() - start


def measure(root: Path, repeat: int) -> dict:
    files = python_files(root)
    row = {"project": root.name, "files": len(files)}
    row["walk"], modules = best(repeat, lambda: ProjectIndex(str(root), [str(root)]).modules())
    row["modules"] = len(modules)
    row["parse"], _ = best(repeat, lambda: parse_all(files))
    row["cold"], counts = best(repeat, lambda: everything(root, files))
    split = [from_trees(root, files) for _ in range(repeat)]
    row["summarise_tree"] = min(s for s, _ in split)
    row["resolve"] = min(r for _, r in split)
    with tempfile.TemporaryDirectory() as cache:
        everything(root, files, cache)
        row["warm"], warm = best(repeat, lambda: everything(root, files, cache))
        assert warm["parsed"] == 0, "a warm run parsed"
        assert {k: v for k, v in warm.items() if k != "parsed"} == \
            {k: v for k, v in counts.items() if k != "parsed"}, "a warm run answered differently"
    row.update(counts)
    return row


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--project", action="append", type=Path, default=[], help="a project root")
    ap.add_argument("--corpus", action="append", type=Path, default=[],
                    help="a folder whose subfolders are each a project")
    ap.add_argument("--repeat", type=int, default=1)
    args = ap.parse_args()
    projects, corpora = args.project, args.corpus
    if not projects and not corpora:
        projects, corpora = [KERAS_SDIST], [GH_CORPUS]
    for p in projects + corpora:
        if not p.is_dir():
            print(f"{p}: not a directory (the keras sdist: `pip download --no-binary :all: --no-deps "
                  f"keras==3.15.1` and unpack it)", file=sys.stderr)
            return 2
    rows = [measure(p, args.repeat) for p in projects]
    for corpus in corpora:
        sub = [measure(p, args.repeat) for p in sorted(corpus.iterdir()) if p.is_dir()]
        total = {"project": f"{corpus} ({len(sub)} projects)"}
        for key in sub[0]:
            if key != "project":
                total[key] = sum(r[key] for r in sub)
        rows.append(total)
    cols = ["project", "files", "modules", "walk", "parse", "cold", "summarise_tree", "resolve", "warm",
            "parsed", "imports",
            "resolved", "external", "unknown", "keras_direct", "keras_via_project", "broken"]
    print("| " + " | ".join(cols) + " |")
    print("|" + "---|" * len(cols))
    for r in rows:
        print("| " + " | ".join(f"{r[c]:.3f}" if isinstance(r[c], float) else str(r[c]) for c in cols) + " |")
    if resource is not None:
        print(f"\npeak RSS of this process: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB"
              f" (Python {sys.version.split()[0]}; times in seconds, best of {args.repeat})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
