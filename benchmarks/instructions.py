#!/usr/bin/env python3
"""What reading the project costs, counted in instructions rather than seconds.

    .venv/bin/python benchmarks/instructions.py                  # the training corpus
    .venv/bin/python benchmarks/instructions.py --corpora training,keras

The same cold `regr-lint check --jobs 1` run `benchmarks/compare.py` times (its corpora, its empty
configuration, `--no-cache`), once with the project read and once with each file alone
(`REGR_LINT_NO_PROJECT=1`), each under valgrind's cachegrind, which counts the instructions the
process executes. A machine whose clock moves from run to run (this one: ±25 %) cannot tell a 2 %
cut from noise in seconds; the count is the same every run (`PYTHONHASHSEED=0`, byte code compiled
first), so it judges each change, and compare.py's wall-clock ratio stays the measure the target is
set in. The two ratios differ: the count leaves out what the CPU waits for (a libcst parse waits
more on memory per instruction than the interpreter's own code).

Needs valgrind on PATH (it says so and exits 2 when missing). A run of the training corpus takes
about two minutes per side; the keras sdist about ten.
"""
from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from compare import config_for, keras_corpus, training_corpus  # benchmarks/compare.py
from keras_sdist import DEFAULT_CACHE  # benchmarks/keras_sdist.py
from linter import find_linter  # benchmarks/linter.py

_REFS = re.compile(r"I\s+refs:\s+([\d,]+)")


def instructions(linter: str, root: Path, config: Path, alone: bool) -> int:
    env = dict(os.environ, PYTHONHASHSEED="0")
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    if alone:
        env["REGR_LINT_NO_PROJECT"] = "1"
    else:
        env.pop("REGR_LINT_NO_PROJECT", None)
    cmd = ["valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null",
           linter, "check", "--no-cache", "--exit-zero", "--no-respect-gitignore", "--config", str(config),
           "--jobs", "1", "."]
    done = subprocess.run(cmd, cwd=root, env=env, capture_output=True, text=True)
    found = _REFS.search(done.stderr)
    if found is None:
        raise SystemExit(f"valgrind gave no count (exit {done.returncode}):\n{done.stderr[-2000:]}")
    return int(found.group(1).replace(",", ""))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpora", default="training", help="keras,training (default: training)")
    ap.add_argument("--cache-dir", type=Path, default=DEFAULT_CACHE)
    args = ap.parse_args()
    if shutil.which("valgrind") is None:
        print("valgrind is not installed: it counts the instructions (apt install valgrind)", file=sys.stderr)
        return 2
    linter = find_linter()
    if linter is None:
        print("no regr-lint found beside this python or on PATH", file=sys.stderr)
        return 2
    package = Path(__file__).resolve().parent.parent
    # byte code compiled beforehand: a first run would count the compiler too
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(package / "regr_lint"), str(package / "rules")],
                   capture_output=True)
    cache = args.cache_dir.resolve()
    makers = {"training": training_corpus, "keras": keras_corpus}
    for name in args.corpora.split(","):
        corpus = makers[name.strip()](cache)
        config = config_for(cache, corpus)
        read = instructions(linter, corpus.root, config, alone=False)
        alone = instructions(linter, corpus.root, config, alone=True)
        print(f"{corpus.name}: {read / 1e9:.2f} billion instructions reading the project, "
              f"{alone / 1e9:.2f} with each file alone: {read / alone:.3f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
