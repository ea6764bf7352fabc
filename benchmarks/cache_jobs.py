#!/usr/bin/env python3
"""regr-lint at scale: the result cache and parallel runs, on a large real tree (stdlib only).

Usage, from the repo root:

    .venv/bin/python benchmarks/cache_jobs.py                       # the tree keras_sdist.py unpacked
    .venv/bin/python benchmarks/cache_jobs.py --src /path/to/tree --repeat 3

The default tree is benchmarks/.cache/keras-3.15.1 (run benchmarks/keras_sdist.py once to get it).
Every run is a real `regr-lint check --exit-zero --no-respect-gitignore .` subprocess in the tree
(benchmarks/.cache/ is git-ignored, so the walk must not honour .gitignore here), with
`--config <tree>/pyproject.toml` when there is one; wall time includes interpreter start-up.

    cold, --jobs 1     --no-cache --jobs 1
    cold, --jobs 2     --no-cache --jobs 2
    cache fill         the cache removed first (`regr-lint clean`), then --jobs 1
    warm cache         --jobs 1 again, every entry a hit

Each is timed `--repeat N` times (default 3) and the best is reported; the stdout of every run
must be identical (the same findings, in the same order), else this script exits 1. The ratios are
measured and printed, never asserted: the targets (warm >= 10x faster than cold, --jobs 2 >= 1.6x
faster than --jobs 1) are for a reader to compare against. The cache is removed at the end.
"""
from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import time
from pathlib import Path

from linter import find_linter  # benchmarks/linter.py (the script folder is on sys.path)

HERE = Path(__file__).resolve().parent
DEFAULT_TREE = HERE / ".cache" / "keras-3.15.1"


def require_linter() -> str:
    found = find_linter()
    if not found:
        sys.exit(f"cache_jobs: error: no regr-lint next to {sys.executable} or on PATH")
    return found


def timed(cmd: list[str], cwd: Path) -> tuple[float, str, str, int]:
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True)
    return time.perf_counter() - t0, proc.stdout, proc.stderr, proc.returncode


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--src", type=Path, default=DEFAULT_TREE, help=f"the tree to lint (default: {DEFAULT_TREE})")
    ap.add_argument("--repeat", type=int, default=3, help="runs per configuration, best reported (default 3)")
    args = ap.parse_args(argv)
    tree = args.src.resolve()
    if not tree.is_dir():
        print(f"cache_jobs: error: {tree} is not a directory (run benchmarks/keras_sdist.py first, "
              f"or pass --src)", file=sys.stderr)
        return 2
    linter = require_linter()
    base = [linter, "check", "--exit-zero", "--no-respect-gitignore"]
    config = ["--config", str(tree / "pyproject.toml")] if (tree / "pyproject.toml").is_file() else []
    clean = [linter, "clean"] + config
    base += config

    def run(label: str, extra: list[str], before=None) -> tuple[float, str, str]:
        best, out, err = float("inf"), None, ""
        for _ in range(args.repeat):
            if before:
                before()
            wall, stdout, stderr, code = timed(base + extra + ["."], tree)
            if code != 0:
                print(f"cache_jobs: {label}: exit code {code}\n{stderr}", file=sys.stderr)
                sys.exit(1)
            if out is not None and stdout != out:
                print(f"cache_jobs: {label}: output differs between repeats", file=sys.stderr)
                sys.exit(1)
            out, err, best = stdout, stderr, min(best, wall)
        print(f"  {label:<16} best {best:6.2f} s", flush=True)
        return best, out, err

    def wipe() -> None:
        subprocess.run(clean, cwd=tree, capture_output=True)

    print(f"tree: {tree}  ({os.cpu_count()} CPUs, Python {sys.version.split()[0]}, best of {args.repeat})")
    wipe()
    cold1, out1, err1 = run("cold, --jobs 1", ["--no-cache", "--jobs", "1"])
    cold2, out2, _ = run("cold, --jobs 2", ["--no-cache", "--jobs", "2"])
    fill, out3, _ = run("cache fill", ["--jobs", "1"], before=wipe)
    warm, out4, _ = run("warm cache", ["--jobs", "1"])
    entries = sum(1 for _ in (tree / ".regr_lint_cache").rglob("*.json"))
    wipe()
    same = out1 == out2 == out3 == out4
    m = re.search(r"(\d+) files? checked", err1)
    files = m.group(1) if m else "?"
    findings = len([ln for ln in out1.splitlines() if ln.strip()])

    print()
    print(f"| run ({files} files, {findings} findings) | wall s | vs cold `--jobs 1` |")
    print("|---|---|---|")
    for label, t in (("cold, `--no-cache --jobs 1`", cold1), ("cold, `--no-cache --jobs 2`", cold2),
                     ("cache fill, `--jobs 1`", fill), ("warm cache, `--jobs 1`", warm)):
        print(f"| {label} | {t:.2f} | {cold1 / t:.1f}x |")
    print()
    print(f"- `--jobs 2` vs `--jobs 1`: {cold1 / cold2:.2f}x faster (target >= 1.6x)")
    print(f"- warm vs cold (`--jobs 1`): {cold1 / warm:.1f}x faster (target >= 10x); "
          f"cache fill costs {fill / cold1:.2f}x a cold run; {entries} entries")
    print(f"- identical output in all runs: {'yes' if same else 'NO'}")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
