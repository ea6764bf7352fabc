#!/usr/bin/env python3
"""regr-lint over the TensorFlow wheel's Python sources: crash-free, no spurious RL000 (stdlib only).

Usage, from the repo root, with the project's venv python:

    .venv/bin/python benchmarks/tensorflow_corpus.py                     # the installed tensorflow-cpu version
    .venv/bin/python benchmarks/tensorflow_corpus.py --version 2.21.0    # a pinned release
    .venv/bin/python benchmarks/tensorflow_corpus.py --src benchmarks/.cache/keras-3.15.1   # any tree

TensorFlow publishes no sdist, so the corpus is the wheel that matches this machine:
`python -m pip download --no-deps --only-binary :all: tensorflow-cpu==VERSION` into the cache dir
(default benchmarks/.cache/, git-ignored), unzipped once to <cache>/tensorflow-VERSION/. Later runs
reuse both. VERSION defaults to the tensorflow-cpu (else tensorflow) installed for this python. If
the download fails, the installed package directory (site-packages/tensorflow) is linted instead,
read-only, and the output says so.

What it checks (the acceptance line "crash-free over large real corpora, zero RL000 other than
real syntax errors, every finding read"):

* One real `regr-lint check --no-cache --exit-zero --no-respect-gitignore --format json .`
  subprocess in the tree (the cache dir is git-ignored, so the walk must not honour .gitignore;
  `--config <tree>/pyproject.toml` when the tree has one, else an empty temporary pyproject.toml, so
  no `[tool.regr-lint]` table above the tree can leak in). Printed: the file count (cross-checked
  against the linter's "N files checked."), wall time, exit code, the findings per code, and every
  finding (path:line:col CODE message), so that each can be read.
* Every RL000 is re-checked with CPython: the file decoded as the linter does (PEP 263 cookie, BOM
  stripped), then `ast.parse(text, feature_version=<this Python>)`. If CPython rejects it too, it
  is a real syntax (or decoding) error; if CPython parses it, the RL000 is a regr-lint bug.
* Internal errors: every stderr line other than the linter's summary is printed.

Exit status: 0 after a clean run; 1 if the linter crashed (non-zero exit despite --exit-zero, or
stdout that is not the JSON document), reported an internal error, or gave an RL000 for a file
CPython parses; 2 if the corpus could not be set up.
"""
from __future__ import annotations

import argparse
import ast
import json
import re
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

from keras_sdist import DEFAULT_CACHE, SetupError, decode, python_files, run_script, run_timed, unzip  # benchmarks/keras_sdist.py
from linter import find_linter  # benchmarks/linter.py (the script folder is on sys.path)

DISTRIBUTIONS = ("tensorflow-cpu", "tensorflow")
FEATURE_VERSION = sys.version_info[:2]
# The linter's own stderr lines that are not problems: the summary and the files-checked count.
SUMMARY = re.compile(r"^(Found \d+ errors?\.|All checks passed!|\d+ files? checked\.|\[\*\] \d+ fixable .*|\(\d+ hidden fix.*)$")


# --------------------------------------------------------------------------- getting the tree

def installed_version() -> str | None:
    from importlib.metadata import PackageNotFoundError, version
    for dist in DISTRIBUTIONS:
        try:
            return version(dist)
        except PackageNotFoundError:
            continue
    return None


def fetch_wheel(cache: Path, version: str) -> Path:
    """The tensorflow-cpu wheel for this machine in `cache`, downloaded with pip only when missing."""
    cache.mkdir(parents=True, exist_ok=True)
    ignore = cache / ".gitignore"
    if not ignore.exists():
        ignore.write_text("# Downloaded and unpacked benchmark inputs: never commit them.\n*\n")
    pattern = f"tensorflow_cpu-{version}-*.whl"
    found = sorted(cache.glob(pattern))
    if found:
        print(f"using cached wheel {found[-1]}")
        return found[-1]
    cmd = [sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary", ":all:",
           f"tensorflow-cpu=={version}", "-d", str(cache)]
    print("$ " + " ".join(cmd), flush=True)
    proc = subprocess.run(cmd, capture_output=True, text=True)
    if proc.returncode != 0:
        raise SetupError(f"pip download failed (exit {proc.returncode}):\n{proc.stdout}{proc.stderr}")
    found = sorted(cache.glob(pattern))
    if not found:
        raise SetupError(f"pip download succeeded but no {pattern} is in {cache}:\n{proc.stdout}")
    return found[-1]


def installed_tree() -> Path:
    """Fallback: the installed tensorflow package directory of this python (linted read-only)."""
    import importlib.util
    spec = importlib.util.find_spec("tensorflow")  # locates the package without importing it
    if spec is None or not spec.submodule_search_locations:
        raise SetupError(f"tensorflow is not installed for {sys.executable}")
    return Path(list(spec.submodule_search_locations)[0]).resolve()


def get_tree(args: argparse.Namespace) -> Path:
    if args.src:
        tree = args.src.resolve()
        if not tree.is_dir():
            raise SetupError(f"--src {args.src}: not a directory")
        return tree
    version = args.version or installed_version()
    if not version:
        raise SetupError("no tensorflow installed for this python: pass --version")
    cache = args.cache_dir.resolve()
    tree = cache / f"tensorflow-{version}"
    if tree.is_dir():
        return tree
    try:
        return unzip(fetch_wheel(cache, version), tree)
    except SetupError as exc:
        fallback = installed_tree()
        print(f"NOTE: could not get the wheel ({str(exc).splitlines()[0]}); linting the installed "
              f"tree {fallback} instead (read-only: --no-cache writes nothing)", flush=True)
        return fallback


# --------------------------------------------------------------------------- checking RL000

def cpython_verdict(path: Path) -> tuple[bool, str]:
    """(CPython rejects the file too, why). Decoded as the linter does, then ast.parse."""
    if path.suffix == ".ipynb":
        return True, "notebook: not re-parsed here, read it by hand"
    try:
        text = decode(path.read_bytes())
    except (OSError, SyntaxError, UnicodeDecodeError, LookupError) as exc:
        return True, f"cannot be read/decoded: {type(exc).__name__}: {exc}"
    try:
        ast.parse(text, str(path), feature_version=FEATURE_VERSION)
    except SyntaxError as exc:
        return True, f"SyntaxError: {exc.msg} (line {exc.lineno})"
    except (ValueError, RecursionError, MemoryError) as exc:
        return True, f"{type(exc).__name__}: {exc}"
    return False, "CPython parses it"


# --------------------------------------------------------------------------- main

def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--version", help="the tensorflow-cpu release (default: the installed one)")
    ap.add_argument("--src", type=Path, help="lint this tree instead; no download")
    ap.add_argument("--cache-dir", type=Path, default=DEFAULT_CACHE,
                    help="where the wheel is downloaded and unzipped (default: benchmarks/.cache/)")
    ap.add_argument("--jobs", type=int, help="pass --jobs N to the linter (default: its own)")
    args = ap.parse_args(argv)

    tree = get_tree(args)
    files = python_files(tree)
    if not files:
        raise SetupError(f"no *.py files under {tree}")
    linter = find_linter()
    if linter is None:
        raise SetupError(f"no `regr-lint` executable next to {sys.executable} or on PATH")

    return lint_and_report(tree, len(files), linter, args.jobs)


def lint_and_report(tree: Path, n_files: int, linter: str, jobs: int | None = None) -> int:
    """One real `regr-lint check` over `tree`, every finding printed, each RL000 re-checked with
    CPython; 0 after a clean run, 1 on a crash, an internal error or an RL000 CPython disagrees with.
    (Also used by benchmarks/real_code.py.)"""
    with tempfile.TemporaryDirectory(prefix="regr-lint-corpus-") as tmp:
        config = tree / "pyproject.toml"
        if not config.is_file():
            config = Path(tmp, "pyproject.toml")
            config.write_text("# empty: no [tool.regr-lint] table\n")
        cmd = [linter, "check", "--no-cache", "--exit-zero", "--no-respect-gitignore",
               "--format", "json", "--config", str(config)]
        if jobs:
            cmd += ["--jobs", str(jobs)]
        cmd.append(".")
        print(f"$ (cd {tree} && {' '.join(cmd)})", flush=True)
        wall, code, stdout, stderr, _ = run_timed(cmd, tree)

    failures: list[str] = []
    if code != 0:
        failures.append(f"the linter exited {code} despite --exit-zero")
    try:
        findings = json.loads(stdout)["findings"]
    except (ValueError, KeyError, TypeError) as exc:
        failures.append(f"stdout is not the JSON document ({type(exc).__name__}: {exc})")
        findings = []

    # 1. The run.
    m = re.search(r"(\d+) files? checked", stderr)
    checked = m.group(1) if m else "?"
    print(f"\ntree: {tree}")
    print(f"Python {sys.version.split()[0]}, ast feature_version {FEATURE_VERSION[0]}.{FEATURE_VERSION[1]}")
    print(f"files: {n_files} found, {checked} checked by the linter")
    if checked != "?" and int(checked) != n_files:
        print("  warning: the counts differ")
    print(f"wall time: {wall:.2f} s")
    print(f"exit code: {code}")

    # 2. Findings per code, then every finding.
    counts = Counter(f["code"] for f in findings)
    in_files = {c: len({f["path"] for f in findings if f["code"] == c}) for c in counts}
    print(f"\nfindings: {len(findings)}")
    for c in sorted(counts):
        print(f"  {c}  {counts[c]} in {in_files[c]} file(s)")
    if findings:
        print("\nevery finding (read each one):")
        for f in findings:
            cell = f" (cell {f['cell']})" if f.get("cell") else ""
            print(f"  {f['path']}:{f['line']}:{f['column']}{cell}: {f['code']} {f['message']}")

    # 3. RL000: real syntax errors, or regr-lint bugs?
    rl000 = [f for f in findings if f["code"] == "RL000"]
    print(f"\nRL000: {len(rl000)}")
    for f in rl000:
        rejects, why = cpython_verdict(tree / f["path"])
        verdict = ("not judged" if f["path"].endswith(".ipynb") else "real (CPython rejects it too)") if rejects \
            else "REGR-LINT BUG (CPython parses it)"
        print(f"  {f['path']}:{f['line']}: {verdict}: {why}\n      regr-lint said: {f['message']}")
        if not rejects:
            failures.append(f"RL000 on {f['path']}, which CPython parses")

    # 4. Internal errors and anything else on stderr.
    other = [ln for ln in stderr.splitlines() if ln.strip() and not SUMMARY.match(ln.strip())]
    internal = [ln for ln in other if "internal error" in ln or ln.startswith("Traceback")]
    print(f"\ninternal errors: {len(internal)}")
    for ln in other:
        print(f"  stderr: {ln}")
    if internal:
        failures.append(f"{len(internal)} internal error line(s) on stderr")
    print(f"linter summary: {' '.join(stderr.strip().splitlines()[-2:])}")

    if failures:
        print("\nFAIL:\n" + "\n".join(f"  - {x}" for x in failures), file=sys.stderr)
        return 1
    print("\nOK: no crash, no internal error, no RL000 on a file CPython parses")
    return 0


if __name__ == "__main__":
    run_script(main, "tensorflow_corpus")
