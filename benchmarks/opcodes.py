#!/usr/bin/env python3
"""Where the Python-level work of reading the project goes, function by function, counted in byte
code instructions rather than seconds.

    .venv/bin/python benchmarks/opcodes.py                  # the training corpus, top 30 functions
    .venv/bin/python benchmarks/opcodes.py --top 60 --skip files.txt

Lints compare.py's training corpus in one process (`lint_path` on each file, as `--jobs 1` does)
twice, with the project read and with each file alone (`REGR_LINT_NO_PROJECT=1`), each in a
subprocess of its own that counts, through `sys.settrace` opcode events, the byte code instructions
each function executes (its own, not its callees'). Prints the totals and the functions whose count
grows most with the project. The counts are the same every run (no clock), so they say which code a
change made cheaper; instructions of C code (libcst's parser, regular expressions, CPython's own
parse) are not counted — `benchmarks/instructions.py` counts those with the rest under valgrind.
Tracing slows a run about fifteen times; the two run side by side (a few minutes).

`--skip FILE`: paths (one per line) left out of both runs, to split a difference between files.
"""
from __future__ import annotations

import argparse
import collections
import json
import os
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))


def _count(corpus: Path, skip: set[str]) -> dict[str, int]:
    """{"file:function:line": byte code instructions executed} over a lint of every file."""
    from keras_sdist import python_files  # benchmarks/keras_sdist.py
    from regr_lint.run.parallel import lint_path
    from regr_lint.engine.registry import load_rules

    rules = load_rules()
    files = [str(p) for p in python_files(corpus) if str(p) not in skip]
    counts: collections.Counter = collections.Counter()

    def tracer(frame, event, arg):
        if event == "call":
            frame.f_trace_opcodes = True
            frame.f_trace_lines = False
        elif event == "opcode":
            counts[frame.f_code] += 1
        return tracer

    sys.settrace(tracer)
    try:
        for path in files:
            lint_path(path, rules)
    finally:
        sys.settrace(None)
    root = str(HERE.parent) + os.sep
    out: collections.Counter = collections.Counter()
    for code, n in counts.items():
        where = code.co_filename.split("site-packages" + os.sep)[-1].replace(root, "")
        out[f"{where}:{code.co_name}:{code.co_firstlineno}"] += n
    return dict(out)


def _start(corpus: Path, skip: Path | None, alone: bool) -> subprocess.Popen:
    env = dict(os.environ, PYTHONHASHSEED="0")
    if alone:
        env["REGR_LINT_NO_PROJECT"] = "1"
    else:
        env.pop("REGR_LINT_NO_PROJECT", None)
    cmd = [sys.executable, __file__, "--child", str(corpus)] + (["--skip", str(skip)] if skip else [])
    return subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _counts(proc: subprocess.Popen) -> dict[str, int]:
    out, err = proc.communicate()
    if proc.returncode != 0:
        raise SystemExit(f"a traced run failed (exit {proc.returncode}):\n{err[-2000:]}")
    return json.loads(out)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--top", type=int, default=30, help="how many functions to list (default 30)")
    ap.add_argument("--skip", type=Path, help="a file of paths to leave out of both runs")
    ap.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args()
    skip = set(args.skip.read_text().split()) if args.skip else set()
    if args.child is not None:
        json.dump(_count(args.child, skip), sys.stdout)
        return 0
    from compare import training_corpus  # benchmarks/compare.py
    from keras_sdist import DEFAULT_CACHE

    corpus = training_corpus(DEFAULT_CACHE.resolve()).root
    sides = [_start(corpus, args.skip, alone=False), _start(corpus, args.skip, alone=True)]  # side by side
    read, alone = (_counts(side) for side in sides)
    total_read, total_alone = sum(read.values()), sum(alone.values())
    print(f"training corpus: {total_read / 1e6:.1f} million byte code instructions reading the project, "
          f"{total_alone / 1e6:.1f} with each file alone ({total_read / total_alone:.2f}x)")
    by_file: collections.Counter = collections.Counter()
    for key in set(read) | set(alone):
        by_file[key.rsplit(":", 2)[0]] += read.get(key, 0) - alone.get(key, 0)
    print("\nthe difference by file:")
    for name, n in by_file.most_common(12):
        print(f"  {n / 1e6:+8.2f} M  {name}")
    print(f"\nthe {args.top} functions whose count grows most (their own instructions, callees apart):")
    keys = sorted(set(read) | set(alone), key=lambda k: alone.get(k, 0) - read.get(k, 0))
    for key in keys[:args.top]:
        print(f"  {(read.get(key, 0) - alone.get(key, 0)) / 1e6:+8.2f} M  (alone {alone.get(key, 0) / 1e6:6.2f} M)  {key}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
