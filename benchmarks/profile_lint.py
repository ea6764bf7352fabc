#!/usr/bin/env python3
"""Where regr-lint's time goes on a tree: a pyinstrument profile of a cold, one-process run.

Usage, from the repo root, with the project's venv python (pyinstrument comes from PyPI:
`.venv/bin/pip install pyinstrument`):

    .venv/bin/python benchmarks/profile_lint.py benchmarks/.cache/keras-3.15.1
    .venv/bin/python benchmarks/profile_lint.py DIR --html profile.html

It lints every .py file under DIR in this process, as `regr-lint check --no-cache --jobs 1` does
(`regr_lint.run.parallel.lint_path` with all built-in rules), under pyinstrument's sampling profiler,
then prints the call tree and the share of the run spent in each pipeline stage (the engine's
functions: CPython parse, names pre-check, libcst parse, interpreter, rules, positions). The profiler
adds its own overhead; use it for shares, and benchmarks/compare.py for times.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))  # the checkout's regr_lint, whatever the cwd

from keras_sdist import python_files  # noqa: E402 - benchmarks/keras_sdist.py (the script folder)

STAGES = {  # function name in the profile -> pipeline stage
    "_cpython_parse": "CPython parse (nesting check, RL000)",
    "code_vocabulary": "names pre-check (walk of CPython's tree)",
    "parse_module": "libcst parse",
    "build_facts": "semantic model (interpreter)",
    "_place": "positions of findings",
}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("tree", type=Path)
    ap.add_argument("--html", type=Path, help="also write pyinstrument's HTML report here")
    args = ap.parse_args()
    try:
        from pyinstrument import Profiler
    except ImportError:
        print("pyinstrument is not installed: .venv/bin/pip install pyinstrument", file=sys.stderr)
        return 2
    from regr_lint.run.parallel import lint_path
    from regr_lint.engine.registry import load_rules

    rules = load_rules()
    files = [str(p) for p in python_files(args.tree)]
    profiler = Profiler(interval=0.002)
    profiler.start()
    findings = sum(len(lint_path(f, rules)) for f in files)
    profiler.stop()
    session = profiler.last_session
    print(f"{len(files)} files, {findings} findings, {session.duration:.1f} s profiled "
          f"({session.cpu_time:.1f} s CPU)")
    print(profiler.output_text(unicode=False, color=False))
    totals = dict.fromkeys(STAGES.values(), 0.0)
    root = session.root_frame()

    def walk(frame, inside: bool) -> None:
        stage = STAGES.get(frame.function)
        if stage and not inside:
            totals[stage] += frame.time
        for child in frame.children:
            walk(child, inside or bool(stage))

    if root is not None:
        walk(root, False)
        for stage, seconds in totals.items():
            print(f"{stage:45s} {seconds:7.2f} s  {100 * seconds / session.duration:5.1f}%")
    if args.html:
        args.html.write_text(profiler.output_html())
    return 0


if __name__ == "__main__":
    sys.exit(main())
