#!/usr/bin/env python3
"""regr-lint side by side with bare libcst parsing, ruff, flake8, pylint and fixit, in one run.

Usage, from the repo root, with the project's venv python (the parse baseline imports libcst and
the linter is the `regr-lint` next to that python):

    .venv/bin/python benchmarks/compare.py                         # both built-in corpora, 3 rounds
    .venv/bin/python benchmarks/compare.py --repeat 5 --markdown   # + tables ready for the README
    .venv/bin/python benchmarks/compare.py --skip fixit            # leave out a slow tool
    .venv/bin/python benchmarks/compare.py --repeat-for fixit=1    # ... or run it fewer times
    .venv/bin/python benchmarks/compare.py --only ruff,libcst --corpora training
    .venv/bin/python benchmarks/compare.py --corpus ~/src/my-training-code --json out.json

Everything comes from PyPI through pip; nothing else is needed:

* keras sdist: `pip download --no-binary :all: --no-deps keras==3.15.1` (the helpers of
  benchmarks/keras_sdist.py), unpacked to <cache>/keras-3.15.1 (about 900 .py files).
* training corpus: the sdists of the packages in TRAINING_PACKAGES (pinned below: code that builds,
  compiles and fits Keras models: hyperparameter search, AutoML, a textbook's training loops,
  reinforcement-learning agents, distributed training), unpacked side by side into
  <cache>/training-corpus/<name>-<version>/. A package without an sdist falls back to its wheel,
  and the output says so.
* the other tools: `pip install` of the versions pinned in TOOL_PINS into their own venv,
  <cache>/tools-venv (created on the first run; the venv of the project is not touched).
* `--corpus DIR` (repeatable) times any other checkout; with it, the built-in corpora run only if
  `--corpora` names them.

The cache dir defaults to benchmarks/.cache/ (git-ignored).

The contenders, each a subprocess run in the corpus root with the same explicit list of files
(the .py files regr-lint's directory walk finds there: keras_sdist.python_files, cross-checked
below), each with its configuration files ignored, so every tool runs its own defaults:

    libcst parse-only     this python: `libcst.parse_module` of every file, decoded as the linter
                          does (a `python -c` helper; interpreter start-up and the libcst import
                          included, as for every other tool). The floor of any libcst design.
    regr-lint cold -j1    regr-lint check --no-cache --jobs 1      (one process)
    regr-lint alone -j1   the same with REGR_LINT_NO_PROJECT=1: each file read by itself, no module
                          of the project read for the files importing it (what reading the project
                          costs is the ratio of the two)
    regr-lint cold -jN    regr-lint check --no-cache --jobs <cores>
    regr-lint warm        regr-lint check (default jobs), every file a hit in a result cache
                          filled (untimed) before the first round
    ruff cold / warm      ruff check --isolated: ruff's own default rule set for the pinned
                          version (0.17.5: 407 rules from F, E, UP, B, RUF, PL*, PYI, ...; the
                          count is printed with the version), --no-cache / a cache dir filled
                          before the first round; ruff is multi-threaded (all cores)
    flake8 -j1 / -jN      flake8 --isolated (pyflakes + pycodestyle defaults), --jobs 1 / default
    pylint 1 checker      pylint --disable=all --enable=unused-import --jobs 1 (one checker,
                          the variables checker, on; astroid still builds every module)
    fixit                 fixit lint with its built-in default rules (an empty config file);
                          fixit lints in a process pool on all cores

regr-lint gets `--config <empty pyproject.toml>`, `--no-respect-gitignore` (the cache dir is
git-ignored) and `--exit-zero`; its result cache lives next to that config file, in
<cache>/compare/<corpus>/, and is removed at the end, as is ruff's.

What each number means:

* median s: the median wall time of the runs (`--repeat N` rounds, default 3; in every round each
  contender runs once, in an order rotated from round to round, so that drift of the machine hits
  all of them alike). min-max: the spread.
* peak MiB: the largest ru_maxrss os.wait4 reports for the contender's process over its runs. Linux
  folds the peak of every descendant the process waited for into it (as RUSAGE_CHILDREN does), so
  for regr-lint -jN and fixit it is the peak of the *largest single process* of the tree (main or
  worker), not their sum. For the sum, one extra untimed regr-lint -jN run per corpus is polled
  through /proc (every 20 ms): the largest process, and the peak sums of RSS and of PSS of the tree
  (PSS splits the pages forked workers share with their parent); printed as a note.
* cpu s: the median user + system CPU seconds of the process and its waited-for descendants
  (os.wait4). Wall time is what the targets judge; CPU time shows how much of a wall-time gap is
  the machine being shared (load average printed per corpus).
* ÷ parse: median / the libcst parse-only median. ÷ regr-lint: median / the median of the
  regr-lint run it is paired with: one-process tools (libcst, flake8 -j1, pylint) with regr-lint
  -j1, tools using every core (ruff, flake8 -jN, fixit) with regr-lint -jN, ruff warm with regr-lint
  warm. 12.0 means that tool takes 12 times as long as regr-lint.
* targets (from the issue), each PASS or MISS as measured in this run:
    training code (and --corpus dirs), cold, one process:  regr-lint -j1 <= 1.5x libcst parse
    keras sdist, cold:                                    regr-lint -j1 <= 0.5x libcst parse
    every corpus: fixit / regr-lint -jN >= 10; pylint / regr-lint -j1 >= 3;
                  flake8 -j1 / regr-lint -j1 > 1 and flake8 -jN / regr-lint -jN > 1;
                  regr-lint warm / ruff warm <= 3
    keras sdist: peak RSS of every regr-lint run <= 150 MB (decimal MB: 143 MiB)
    training code and keras sdist: regr-lint -j1 / regr-lint alone -j1 <= 1.15 (reading the
                  project adds at most 15 % to a cold run); judged on the ratio of the medians,
                  with the ratio within each round (the two run back to back) shown beside it:
                  "(per round: median 1.15x, 1.10-1.24)"
  The parse targets are judged on -j1 because the baseline is one process; the -jN ratio is shown
  beside them, and every ratio is shown on CPU time too ("cpu 1.23x").

Honesty rules: all contenders are timed the same way (wall time of a subprocess, start-up
included) on the same files, on the same machine, in the same run, alternating; medians, not
best-ofs; an untimed warm-up run of each contender (on a few files) comes first, so that no one
pays for a cold page cache or .pyc compilation. The file count is cross-checked against
regr-lint's "N files checked." (every run), the helper's own count, fixit's summary line and
`ruff check --show-files`; regr-lint's own directory walk of the corpus is compared with the list
once. A warm regr-lint run that wrote cache entries (its cache was invalidated, e.g. regr-lint's
sources changed during the run) is discarded and run again, and the output says so; if regr-lint's
sources (regr_lint/, rules/) change at all while a corpus runs, a note says that its medians mix
engine versions (a fingerprint per run is in the JSON). A tool crash
(an exit code outside what the tool uses for "findings", a traceback on stderr, a signal) is
reported and takes that tool out of the ratios. Nothing is asserted: the targets are printed.

Output: a plain-text table per corpus and the targets; `--markdown` adds the same as Markdown;
`--json FILE` writes every sample, command line, version and the corpus composition.

Exit status: 0 after a clean run; 1 if regr-lint crashed or a file-count cross-check failed;
2 if the benchmark could not be set up.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from keras_sdist import (  # benchmarks/keras_sdist.py (the script folder is on sys.path)
    DEFAULT_CACHE, HERE, SetupError, canonical_name, fetch_sdist, maxrss_mib, python_files, run_timed, run_usage,
    run_script, unpack, unzip,
)
from linter import find_linter  # benchmarks/linter.py

KERAS_VERSION = "3.15.1"

# Versions current when this script was written; bump them together and say so in the README.
TOOL_PINS = {"ruff": "0.17.5", "flake8": "7.5.0", "pylint": "4.1.4", "fixit": "2.2.1"}

# (distribution, version, why it is training code). Sdists (tests and examples included, when
# the sdist ships them: they are training code too).
TRAINING_PACKAGES = [
    ("keras-tuner", "1.4.8", "hyperparameter search: builds, compiles and fits Keras models"),
    ("autokeras", "3.0.0", "AutoML on Keras: model blocks, tuners, fit loops"),
    ("d2l", "1.0.3", "Dive into Deep Learning: the book's training loops (its tensorflow.py is Keras)"),
    ("keras-rl2", "1.0.5", "reinforcement-learning agents that compile and train Keras models"),
    ("elephas", "7.3.0", "distributed training of Keras models on Spark"),
]

PARSE_ONLY = r"""
import sys
sys.path.insert(0, sys.argv[1])
from keras_sdist import decode
import libcst
rejected = 0
for path in sys.argv[2:]:
    with open(path, "rb") as fh:
        data = fh.read()
    try:
        libcst.parse_module(decode(data))
    except Exception:
        rejected += 1
print(f"{len(sys.argv) - 2} files parsed, {rejected} rejected by libcst", file=sys.stderr)
"""

ARGV_LIMIT = 1_000_000  # bytes of file names on one command line (Linux allows 2 MiB in all)
WARMUP_FILES = 20


# --------------------------------------------------------------------------- corpora

@dataclass
class Corpus:
    name: str
    kind: str  # "keras" | "training" | "custom"
    root: Path
    files: list[str]  # relative to root, sorted
    notebooks: int  # .ipynb files regr-lint's walk also finds (not in `files`)
    composition: list[dict]
    notes: list[str] = field(default_factory=list)
    memory: dict | None = None


def pip_download(args: list[str], dest: Path) -> subprocess.CompletedProcess:
    dest.mkdir(parents=True, exist_ok=True)
    cmd = [sys.executable, "-m", "pip", "download", "--no-deps", *args, "-d", str(dest)]
    print("$ " + " ".join(cmd), flush=True)
    return subprocess.run(cmd, capture_output=True, text=True)


def fetch_wheel(name: str, version: str, dest: Path) -> Path:
    def cached() -> list[Path]:
        return [p for p in dest.glob("*.whl")
                if canonical_name(p.name.split("-")[0]) == canonical_name(name) and p.name.split("-")[1] == version]

    if not cached():
        proc = pip_download(["--only-binary", ":all:", f"{name}=={version}"], dest)
        if proc.returncode != 0:
            raise SetupError(f"no sdist and no wheel of {name}=={version}:\n{proc.stdout}{proc.stderr}")
    if not cached():
        raise SetupError(f"pip download of the {name}=={version} wheel left no .whl in {dest}")
    return sorted(cached())[0]


def unzip_wheel(wheel: Path, corpus: Path) -> Path:
    return unzip(wheel, corpus / f"{wheel.name.split('-')[0]}-{wheel.name.split('-')[1]}-wheel")


def relative_files(root: Path, trees: list[Path]) -> tuple[list[str], int]:
    files, notebooks = [], 0
    for tree in trees:
        files += [str(p.relative_to(root)) for p in python_files(tree)]
        notebooks += len(python_files(tree, (".ipynb",)))
    return sorted(files), notebooks


def keras_corpus(cache: Path) -> Corpus:
    tree = unpack(fetch_sdist(cache, KERAS_VERSION), cache)
    files, notebooks = relative_files(tree, [tree])
    return Corpus("keras-sdist", "keras", tree, files, notebooks,
                  [{"package": "keras", "version": KERAS_VERSION, "source": "sdist", "files": len(files)}])


def training_corpus(cache: Path) -> Corpus:
    downloads, root = cache / "training-sdists", cache / "training-corpus"
    root.mkdir(parents=True, exist_ok=True)
    trees, composition, notes = [], [], []
    for name, version, why in TRAINING_PACKAGES:
        try:
            tree, source = unpack(fetch_sdist(downloads, version, package=name), root), "sdist"
        except SetupError as exc:
            first_line = str(exc).strip().splitlines()[-1] if str(exc).strip() else "?"
            tree, source = unzip_wheel(fetch_wheel(name, version, downloads), root), "wheel"
            notes.append(f"{name}=={version}: no sdist could be had ({first_line}); its wheel is used instead")
        trees.append(tree)
        composition.append({"package": name, "version": version, "source": source, "why": why,
                            "dir": tree.name, "files": len(python_files(tree))})
    # Only the pinned trees: an unpacked tree of another version would be walked by regr-lint's
    # directory cross-check.
    for entry in root.iterdir():
        if entry.is_dir() and entry not in trees:
            print(f"removing {entry} (not one of the pinned packages)")
            shutil.rmtree(entry)
    files, notebooks = relative_files(root, trees)
    return Corpus("training-code", "training", root, files, notebooks, composition, notes)


def custom_corpus(path: Path) -> Corpus:
    root = path.resolve()
    if not root.is_dir():
        raise SetupError(f"--corpus {path}: not a directory")
    files, notebooks = relative_files(root, [root])
    return Corpus(root.name, "custom", root, files, notebooks,
                  [{"package": "checkout", "version": "", "source": "directory", "files": len(files)}])


# --------------------------------------------------------------------------- the tools venv

def tools_venv(cache: Path) -> tuple[Path, dict[str, str]]:
    """<cache>/tools-venv with TOOL_PINS installed; returns its bin dir and the installed versions."""
    venv = cache / "tools-venv"
    bindir = venv / "bin"
    pins = [f"{name}=={version}" for name, version in sorted(TOOL_PINS.items())]
    marker = venv / ".compare-pins"
    if not (marker.is_file() and marker.read_text().split() == pins
            and all((bindir / name).exists() for name in TOOL_PINS)):
        if not (bindir / "python").exists():
            cmd = [sys.executable, "-m", "venv", str(venv)]
            print("$ " + " ".join(cmd), flush=True)
            subprocess.run(cmd, check=True)
        cmd = [str(bindir / "python"), "-m", "pip", "install", "--quiet", *pins]
        print("$ " + " ".join(cmd), flush=True)
        proc = subprocess.run(cmd, capture_output=True, text=True)
        if proc.returncode != 0:
            raise SetupError(f"installing the tools failed (exit {proc.returncode}):\n{proc.stdout}{proc.stderr}")
        marker.write_text("\n".join(pins) + "\n")
    probe = ("import json, importlib.metadata as m\n"
             "names = ['ruff', 'flake8', 'pyflakes', 'pycodestyle', 'pylint', 'astroid', 'fixit', 'libcst']\n"
             "print(json.dumps({n: m.version(n) for n in names}))")
    out = subprocess.run([str(bindir / "python"), "-c", probe], capture_output=True, text=True, check=True).stdout
    versions = json.loads(out)
    # How many rules "ruff's default rule set" is, for this version (it has grown over the releases).
    with tempfile.TemporaryDirectory() as empty:
        probe_file = Path(empty, "probe.py")
        probe_file.write_text("")
        settings = subprocess.run([str(bindir / "ruff"), "check", "--isolated", "--show-settings", str(probe_file)],
                                  cwd=empty, capture_output=True, text=True).stdout
    block = re.search(r"linter\.rules\.enabled = \[(.*?)\n\]", settings, re.S)
    if block:
        codes = re.findall(r"\(([A-Z]+)\d+\)", block.group(1))
        families = sorted(set(codes), key=lambda f: -codes.count(f))
        versions["ruff"] += f" (default rule set: {len(codes)} rules, {', '.join(families[:8])}, ...)"
    return bindir, versions


# --------------------------------------------------------------------------- contenders

@dataclass
class Contender:
    id: str
    family: str
    label: str
    processes: str
    build: Callable[[Corpus, list[str]], list[str]]  # (corpus, files) -> argv
    ok: Callable[[int, str], str | None]  # (exit code, stderr) -> None if fine, else what went wrong
    pair: str | None = None  # the regr-lint contender its "÷ regr-lint" ratio is taken against
    warm: bool = False  # needs an untimed fill run before the first round


def standard_ok(*codes: int) -> Callable[[int, str], str | None]:
    def check(code: int, stderr: str) -> str | None:
        if code < 0:
            return f"killed by signal {-code}"
        if code not in codes:
            return f"exit code {code}"
        if "Traceback (most recent call last)" in stderr:
            return "traceback on stderr"
        return None
    return check


def pylint_ok(code: int, stderr: str) -> str | None:
    # pylint's exit code is a bit field: 1 fatal message, 2 error, 4 warning, 8 refactor,
    # 16 convention, 32 usage error. Fatal (e.g. astroid-error) and usage errors are failures.
    if code < 0:
        return f"killed by signal {-code}"
    if code & 1:
        return f"exit code {code}: a fatal message (pylint could not process a file)"
    if code & 32:
        return f"exit code {code}: usage error"
    if "Traceback (most recent call last)" in stderr:
        return "traceback on stderr"
    return None


def make_contenders(linter: str, tools: Path | None, cfg: Callable[[Corpus], Path], cores: int) -> list[Contender]:
    def regr(extra: list[str]) -> Callable[[Corpus, list[str]], list[str]]:
        return lambda c, files: [linter, "check", "--exit-zero", "--no-respect-gitignore",
                                 "--config", str(cfg(c)), *extra, *files]

    out = [
        Contender("libcst", "libcst", "libcst parse-only", "1",
                  lambda c, files: [sys.executable, "-c", PARSE_ONLY, str(HERE), *files],
                  standard_ok(0), pair="regr-lint-j1"),
        Contender("regr-lint-j1", "regr-lint", "regr-lint cold --jobs 1", "1",
                  regr(["--no-cache", "--jobs", "1"]), standard_ok(0)),
        # The same run with reading across modules switched off: what the project index and
        # everything read through it add to a cold run (issue 14's target).
        Contender("regr-lint-j1-alone", "regr-lint", "regr-lint cold --jobs 1, each file alone", "1",
                  lambda c, files: ["env", "REGR_LINT_NO_PROJECT=1", *regr(["--no-cache", "--jobs", "1"])(c, files)],
                  standard_ok(0)),
        Contender("regr-lint-jN", "regr-lint", f"regr-lint cold --jobs {cores}", str(cores),
                  regr(["--no-cache", "--jobs", str(cores)]), standard_ok(0)),
        Contender("regr-lint-warm", "regr-lint", "regr-lint warm cache", f"{cores} (default)",
                  regr([]), standard_ok(0), warm=True),
    ]
    if tools is None:
        return out

    def t(name: str) -> str:
        return str(tools / name)

    out += [
        Contender("ruff", "ruff", "ruff cold (--no-cache)", f"{cores} threads",
                  lambda c, files: [t("ruff"), "check", "--isolated", "--no-cache", "--output-format", "concise",
                                    *files],
                  standard_ok(0, 1), pair="regr-lint-jN"),
        Contender("ruff-warm", "ruff", "ruff warm cache", f"{cores} threads",
                  lambda c, files: [t("ruff"), "check", "--isolated", "--cache-dir", str(cfg(c).parent / "ruff-cache"),
                                    "--output-format", "concise", *files],
                  standard_ok(0, 1), pair="regr-lint-warm", warm=True),
        Contender("flake8-j1", "flake8", "flake8 --jobs 1", "1",
                  lambda c, files: [t("flake8"), "--isolated", "--jobs", "1", *files],
                  standard_ok(0, 1), pair="regr-lint-j1"),
        Contender("flake8", "flake8", "flake8 (default --jobs)", f"{cores} (auto)",
                  lambda c, files: [t("flake8"), "--isolated", *files],
                  standard_ok(0, 1), pair="regr-lint-jN"),
        Contender("pylint", "pylint", "pylint unused-import only --jobs 1", "1",
                  lambda c, files: [t("pylint"), "--rcfile", str(cfg(c)), "--disable=all", "--enable=unused-import",
                                    "--jobs", "1", "--persistent=n", "--score=n", *files],
                  pylint_ok, pair="regr-lint-j1"),
        Contender("fixit", "fixit", "fixit lint (default rules)", f"{cores} (pool)",
                  lambda c, files: [t("fixit"), "--config-file", str(cfg(c)), "lint", *files],
                  standard_ok(0, 1), pair="regr-lint-jN"),
    ]
    return out


# --------------------------------------------------------------------------- running

@dataclass
class Sample:
    wall: float
    cpu: float | None  # user + system seconds of the process and its waited-for descendants
    code: int
    rss_mib: float | None
    out_lines: int
    problem: str | None
    engine: str = ""  # regr-lint's source fingerprint when the sample was taken (regr-lint runs only)


@dataclass
class Result:
    contender: Contender
    cmd: list[str]
    samples: list[Sample] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def crashed(self) -> bool:
        return any(s.problem for s in self.samples)

    @property
    def median(self) -> float | None:
        return statistics.median(s.wall for s in self.samples) if self.samples else None

    @property
    def cpu_median(self) -> float | None:
        values = [s.cpu for s in self.samples if s.cpu is not None]
        return statistics.median(values) if values else None

    @property
    def peak(self) -> float | None:
        values = [s.rss_mib for s in self.samples if s.rss_mib is not None]
        return max(values) if values else None


FILES_CHECKED = re.compile(r"(\d+) files? checked")


def poll_tree(cmd: list[str], cwd: Path) -> dict | None:
    """Run `cmd` (untimed) and poll /proc every 20 ms for its process tree: the largest VmHWM of any
    process, and the peaks of the summed RSS and PSS (PSS splits pages that forked workers share
    with their parent, so its sum is what the tree really holds). None without /proc."""
    if not Path("/proc/self/status").exists():
        return None

    def tree(pid: int) -> list[int]:
        out = [pid]
        try:
            for task in os.listdir(f"/proc/{pid}/task"):
                with open(f"/proc/{pid}/task/{task}/children") as fh:
                    for child in fh.read().split():
                        out += tree(int(child))
        except OSError:
            pass
        return out

    def field_kib(path: str, name: str) -> int:
        try:
            with open(path) as fh:
                for line in fh:
                    if line.startswith(name):
                        return int(line.split()[1])
        except (OSError, ValueError, IndexError):
            pass
        return 0

    proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    hwm: dict[int, int] = {}
    rss_peak = pss_peak = 0
    while proc.poll() is None:
        rss = pss = 0
        for pid in tree(proc.pid):
            hwm[pid] = max(hwm.get(pid, 0), field_kib(f"/proc/{pid}/status", "VmHWM:"))
            rss += field_kib(f"/proc/{pid}/status", "VmRSS:")
            pss += field_kib(f"/proc/{pid}/smaps_rollup", "Pss:")
        rss_peak, pss_peak = max(rss_peak, rss), max(pss_peak, pss)
        time.sleep(0.02)
    return {"largest_process_mib": max(hwm.values(), default=0) / 1024, "processes": len(hwm),
            "sum_rss_mib": rss_peak / 1024, "sum_pss_mib": pss_peak / 1024}


def engine_fingerprint() -> str:
    """Size and mtime of every source file of regr-lint (regr_lint/, rules/): it changes when
    someone edits the engine while the benchmark runs, which would mix versions in one median."""
    parts = []
    for top in (HERE.parent / "regr_lint", HERE.parent / "rules"):
        for dirpath, dirnames, filenames in os.walk(top):
            dirnames[:] = sorted(d for d in dirnames if d != "__pycache__")
            for name in sorted(filenames):
                if name.endswith(".py"):
                    try:
                        st = os.stat(os.path.join(dirpath, name))
                    except OSError:
                        continue
                    parts.append(f"{dirpath}/{name}:{st.st_size}:{st.st_mtime_ns}")
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:12]


def cache_entries(directory: Path) -> int:
    return sum(len(f) for _, _, f in os.walk(directory)) if directory.is_dir() else 0


def bench_corpus(corpus: Corpus, contenders: list[Contender], repeat: int, repeat_for: dict[str, int],
                 linter: str, cfg: Path, cores: int, problems: list[str]) -> list[Result]:
    rl_cache = cfg.parent / ".regr_lint_cache"
    ruff_cache = cfg.parent / "ruff-cache"
    for d in (rl_cache, ruff_cache):
        shutil.rmtree(d, ignore_errors=True)
    n = len(corpus.files)
    shown = f"<{n} files>"
    results = {c.id: Result(c, [*c.build(corpus, [])[:], shown]) for c in contenders}

    def check_count(r: Result, stderr: str, stdout: str) -> None:
        cid = r.contender.id
        if cid.startswith("regr-lint") or cid in ("libcst", "fixit"):
            text = stderr if cid.startswith("regr-lint") else stderr + stdout
            pattern = re.compile(r"(\d+) files? (?:parsed|checked|clean)") if cid != "fixit" \
                else re.compile(r"(\d+) files? (?:checked|clean)")
            m = pattern.search(text)
            if m is None or int(m.group(1)) != n:
                msg = (f"{corpus.name}: {r.contender.label} reports "
                       f"{m.group(1) if m else 'no'} files, the list has {n}")
                if msg not in r.notes:
                    r.notes.append(msg)
                    problems.append(msg)

    # Untimed: regr-lint's own directory walk, compared with the list the benchmark built.
    cmd = [linter, "check", "--no-cache", "--exit-zero", "--no-respect-gitignore", "--config", str(cfg),
           "--jobs", str(cores), "."]
    print(f"  discovery check: $ {' '.join(cmd)}", flush=True)
    _, code, _, stderr, _ = run_timed(cmd, corpus.root)
    m = FILES_CHECKED.search(stderr)
    walked = int(m.group(1)) if m else None
    expected = n + corpus.notebooks
    if code != 0 or walked != expected:
        msg = (f"{corpus.name}: regr-lint's directory walk checked {walked} files (exit {code}); the list has "
               f"{n} .py files + {corpus.notebooks} notebooks")
        corpus.notes.append(msg)
        problems.append(msg)
    else:
        corpus.notes.append(f"regr-lint's own directory walk finds the same {n} .py files"
                            + (f" (+ {corpus.notebooks} notebooks, not timed here)" if corpus.notebooks else ""))

    # Untimed: the memory of regr-lint's whole process tree, polled, next to what wait4 reports.
    by_id = {c.id: c for c in contenders}
    if "regr-lint-jN" in by_id:
        mem = poll_tree(by_id["regr-lint-jN"].build(corpus, corpus.files), corpus.root)
        if mem:
            corpus.notes.append(
                f"memory of the regr-lint --jobs {cores} tree, polled every 20 ms (one extra untimed run): "
                f"largest process {mem['largest_process_mib']:.0f} MiB, {mem['processes']} processes, "
                f"peak sum of RSS {mem['sum_rss_mib']:.0f} MiB, of PSS {mem['sum_pss_mib']:.0f} MiB "
                "(peak MiB in the table: the largest process, from wait4)")
            corpus.memory = mem

    # Untimed: ruff's view of the list (it may skip files named explicitly only with --force-exclude).
    if "ruff" in results:
        ruff = results["ruff"].contender.build(corpus, [])[0]
        proc = subprocess.run([ruff, "check", "--isolated", "--show-files", *corpus.files], cwd=corpus.root,
                              capture_output=True, text=True)
        listed = sum(1 for ln in proc.stdout.splitlines() if ln.strip().endswith(".py"))
        if listed != n:
            msg = f"{corpus.name}: ruff --show-files lists {listed} files, the list has {n}"
            corpus.notes.append(msg)
            problems.append(msg)

    # Untimed warm-up: a few files through every contender (page cache, .pyc files), then the fills.
    few = corpus.files[:WARMUP_FILES]
    for c in contenders:
        run_timed(c.build(corpus, few), corpus.root)
    for c in contenders:
        if c.warm:
            _, code, _, stderr, _ = run_timed(c.build(corpus, corpus.files), corpus.root)
            problem = c.ok(code, stderr)
            if problem:
                results[c.id].notes.append(f"cache fill run: {problem}")

    rounds = max([repeat, *repeat_for.values()]) if repeat_for else repeat
    for r in range(rounds):
        order = contenders[r % len(contenders):] + contenders[: r % len(contenders)]
        for c in order:
            wanted = repeat_for.get(c.id, repeat_for.get(c.family, repeat))
            if r >= wanted:
                continue
            res = results[c.id]
            for attempt in range(3):
                before = cache_entries(rl_cache) if c.id == "regr-lint-warm" else 0
                wall, code, stdout, stderr, usage = run_usage(c.build(corpus, corpus.files), corpus.root)
                if c.id == "regr-lint-warm" and cache_entries(rl_cache) != before:
                    res.notes.append(f"round {r + 1}: the warm run wrote cache entries (its cache was "
                                     "invalidated: regr-lint's sources changed?); "
                                     + ("discarded and run again" if attempt < 2 else "kept after 3 tries"))
                    continue
                break
            rss = maxrss_mib(usage.ru_maxrss) if usage is not None else None
            cpu = usage.ru_utime + usage.ru_stime if usage is not None else None
            problem = c.ok(code, stderr)
            if problem:
                tail = "\n".join(stderr.strip().splitlines()[-5:])
                note = f"round {r + 1}: {problem}" + (f": {tail}" if tail else "")
                res.notes.append(note)
                if c.family == "regr-lint":
                    problems.append(f"{corpus.name}: {c.label} crashed: {problem}")
            check_count(res, stderr, stdout)
            out_lines = sum(1 for ln in stdout.splitlines() if ln.strip())
            engine = engine_fingerprint() if c.family == "regr-lint" else ""
            res.samples.append(Sample(wall, cpu, code, rss, out_lines, problem, engine))
            rss_s = f"{rss:.0f} MiB" if rss is not None else "n/a"
            cpu_s = f"{cpu:.2f}" if cpu is not None else "n/a"
            print(f"  round {r + 1}/{rounds}  {c.label:<38} {wall:8.2f} s  cpu {cpu_s:>7} s  {rss_s:>8}  exit {code}"
                  + (f"  [{problem}]" if problem else ""), flush=True)
    for d in (rl_cache, ruff_cache):
        shutil.rmtree(d, ignore_errors=True)
    engines = [s.engine for c in contenders if c.family == "regr-lint" for s in results[c.id].samples]
    if len(set(engines)) > 1:
        corpus.notes.append(
            f"regr-lint's sources (regr_lint/, rules/) changed while this corpus ran: its samples come from "
            f"{len(set(engines))} versions of the engine, so its medians mix them (fingerprints per run in --json)")
    return [results[c.id] for c in contenders]


# --------------------------------------------------------------------------- targets

def targets(corpus: Corpus, results: list[Result]) -> list[dict]:
    by = {r.contender.id: r for r in results}

    def med(cid: str) -> float | None:
        r = by.get(cid)
        return None if r is None or r.crashed or r.median is None else r.median

    def cpu(cid: str) -> float | None:
        r = by.get(cid)
        return None if r is None or r.crashed else r.cpu_median

    def why_missing(*cids: str) -> str:
        for cid in cids:
            r = by.get(cid)
            if r is None:
                return "n/a (not run)"
            if r.crashed:
                return "n/a (crashed)"
        return "n/a"

    rows = []

    def ratio_row(target: str, num: str, den: str, goal: str, ok: Callable[[float], bool],
                  extra: str = "") -> None:
        a, b = med(num), med(den)
        if a is None or b is None or b <= 0:
            rows.append({"target": target, "measured": None, "goal": goal, "result": why_missing(num, den)})
            return
        value = a / b
        ca, cb = cpu(num), cpu(den)
        cpu_ratio = ca / cb if ca is not None and cb else None
        shown = f"{value:.2f}x" + extra + (f"; cpu {cpu_ratio:.2f}x" if cpu_ratio is not None else "")
        rows.append({"target": target, "measured": round(value, 3), "cpu_ratio": cpu_ratio and round(cpu_ratio, 3),
                     "shown": shown, "goal": goal, "result": "PASS" if ok(value) else "MISS"})

    def paired(num: str, den: str) -> str:
        """The ratio of the two runs of each round (run back to back, so the machine's drift over
        the rounds hits both alike): their median and spread, shown beside the ratio of medians the
        target is judged by."""
        a, b = by.get(num), by.get(den)
        if a is None or b is None or a.crashed or b.crashed or len(a.samples) != len(b.samples):
            return ""
        ratios = sorted(x.wall / y.wall for x, y in zip(a.samples, b.samples) if y.wall > 0)
        if len(ratios) < 2:  # one round: the ratio of medians says it all
            return ""
        return f" (per round: median {statistics.median(ratios):.2f}x, {ratios[0]:.2f}-{ratios[-1]:.2f})"

    def jn_vs_parse() -> str:
        a, b = med("regr-lint-jN"), med("libcst")
        return f" (-jN: {a / b:.2f}x)" if a is not None and b else ""

    if corpus.kind in ("training", "custom"):
        ratio_row("cold, one process: regr-lint -j1 / libcst parse", "regr-lint-j1", "libcst", "<= 1.5x",
                  lambda v: v <= 1.5, jn_vs_parse())
    if corpus.kind == "keras":
        ratio_row("cold: regr-lint -j1 / libcst parse", "regr-lint-j1", "libcst", "<= 0.5x",
                  lambda v: v <= 0.5, jn_vs_parse())
    if corpus.kind in ("training", "keras"):
        ratio_row("reading the project: regr-lint -j1 / the same, each file alone", "regr-lint-j1",
                  "regr-lint-j1-alone", "<= 1.15x", lambda v: v <= 1.15, paired("regr-lint-j1", "regr-lint-j1-alone"))
    ratio_row("fixit / regr-lint cold -jN (>= 10x faster)", "fixit", "regr-lint-jN", ">= 10x", lambda v: v >= 10)
    ratio_row("pylint 1 checker / regr-lint cold -j1 (>= 3x faster)", "pylint", "regr-lint-j1", ">= 3x",
              lambda v: v >= 3)
    ratio_row("flake8 -j1 / regr-lint cold -j1 (faster)", "flake8-j1", "regr-lint-j1", "> 1x", lambda v: v > 1)
    ratio_row("flake8 -jN / regr-lint cold -jN (faster)", "flake8", "regr-lint-jN", "> 1x", lambda v: v > 1)
    ratio_row("warm: regr-lint warm / ruff warm", "regr-lint-warm", "ruff-warm", "<= 3x", lambda v: v <= 3)
    if corpus.kind == "keras":
        peaks = [r.peak for r in results if r.contender.family == "regr-lint" and r.peak is not None]
        if peaks:
            mib = max(peaks)
            mb = mib * 1024 * 1024 / 1e6
            rows.append({"target": "peak RSS, any regr-lint run (largest process)", "measured": round(mb, 1),
                         "shown": f"{mb:.0f} MB ({mib:.0f} MiB)", "goal": "<= 150 MB",
                         "result": "PASS" if mb <= 150 else "MISS"})
        else:
            rows.append({"target": "peak RSS, any regr-lint run", "measured": None, "goal": "<= 150 MB",
                         "result": "n/a (no RSS figure on this platform)"})
    return rows


# --------------------------------------------------------------------------- output

def result_rows(results: list[Result]) -> list[list[str]]:
    by = {r.contender.id: r for r in results}
    parse = by.get("libcst")
    rows = []
    for r in results:
        c = r.contender
        if not r.samples:
            continue
        med_s = r.median
        base = parse.median if parse and not parse.crashed and parse.samples else None
        vs_parse = f"{med_s / base:.2f}" if base else "-"
        pair = by.get(c.pair) if c.pair else None
        if pair and pair.samples and not pair.crashed and not r.crashed:
            vs_rl = f"{med_s / pair.median:.2f} (vs {pair.contender.id.removeprefix('regr-lint-')})"
        else:
            vs_rl = "-"
        walls = [s.wall for s in r.samples]
        peak = f"{r.peak:.0f}" if r.peak is not None else "n/a"
        cpu = f"{r.cpu_median:.2f}" if r.cpu_median is not None else "n/a"
        codes = sorted({s.code for s in r.samples})
        status = "CRASH" if r.crashed else "ok"
        rows.append([c.label, c.processes, str(len(r.samples)), f"{med_s:.2f}", f"{min(walls):.2f}-{max(walls):.2f}",
                     cpu, peak, vs_parse, vs_rl, ",".join(map(str, codes)) + ("" if status == "ok" else " CRASH")])
    return rows


HEADERS = ["contender", "processes", "runs", "median s", "min-max s", "cpu s", "peak MiB", "÷ parse", "÷ regr-lint",
           "exit"]
TARGET_HEADERS = ["target", "measured", "goal", "result"]


def text_table(headers: list[str], rows: list[list[str]]) -> str:
    widths = [max(len(h), *(len(r[i]) for r in rows)) if rows else len(h) for i, h in enumerate(headers)]

    def line(cells: list[str]) -> str:
        return "  ".join(c.ljust(w) for c, w in zip(cells, widths)).rstrip()
    return "\n".join([line(headers), line(["-" * w for w in widths]), *(line(r) for r in rows)])


def md_table(headers: list[str], rows: list[list[str]]) -> str:
    return "\n".join(["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers),
                      *("| " + " | ".join(c.replace("|", "\\|") for c in r) + " |" for r in rows)])


def target_rows(rows: list[dict]) -> list[list[str]]:
    return [[t["target"], t.get("shown", "-"), t["goal"], t["result"]] for t in rows]


def describe(corpus: Corpus) -> str:
    parts = [f"{p['package']} {p['version']}".strip() + f" ({p['source']}, {p['files']} files)"
             for p in corpus.composition]
    return f"{corpus.name}: {len(corpus.files)} .py files in {corpus.root} — " + ", ".join(parts)


# --------------------------------------------------------------------------- main

def git_state() -> str:
    repo = HERE.parent
    try:
        head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=repo, capture_output=True,
                              text=True, check=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--", "regr_lint", "rules"], cwd=repo,
                               capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "?"
    return head + (" + uncommitted changes to regr_lint/ or rules/" if dirty else "")


def load_average() -> str:
    try:
        return "/".join(f"{x:.1f}" for x in os.getloadavg())
    except OSError:
        return "?"


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "?"


def parse_repeat_for(values: list[str]) -> dict[str, int]:
    out = {}
    for v in values:
        name, sep, count = v.partition("=")
        if not sep or not count.isdigit() or int(count) < 1:
            raise argparse.ArgumentTypeError(f"--repeat-for {v!r}: want TOOL=N with N >= 1")
        out[name.strip()] = int(count)
    return out


def main(argv: list[str] | None = None) -> int:
    t_start = time.perf_counter()
    # Every contender runs as on a user's machine, where Python caches compiled modules: with
    # PYTHONDONTWRITEBYTECODE set (some CI images and sandboxes set it), an editable install
    # recompiles its own sources on every start, which is start-up a user never pays.
    if os.environ.pop("PYTHONDONTWRITEBYTECODE", None) is not None:
        print("note: PYTHONDONTWRITEBYTECODE unset for the contenders (bytecode is cached, as by default)")
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--repeat", type=int, default=3, help="rounds; each contender runs once per round (default 3)")
    ap.add_argument("--repeat-for", action="append", default=[], metavar="TOOL=N",
                    help="run TOOL (a tool or contender id, e.g. fixit) in only the first N rounds")
    ap.add_argument("--corpora", help="built-in corpora to time, comma-separated: keras,training "
                                      "(default: both, unless --corpus is given)")
    ap.add_argument("--corpus", action="append", type=Path, default=[], metavar="DIR",
                    help="also time this checkout (repeatable)")
    ap.add_argument("--only", help="only these tools (comma-separated: libcst,ruff,flake8,pylint,fixit or "
                                   "contender ids such as flake8-j1); regr-lint always runs")
    ap.add_argument("--skip", action="append", default=[], metavar="TOOL",
                    help="leave out a tool or contender id (repeatable, or comma-separated)")
    ap.add_argument("--cache-dir", type=Path, default=DEFAULT_CACHE, help="default: benchmarks/.cache/")
    ap.add_argument("--markdown", action="store_true", help="also print the tables as Markdown")
    ap.add_argument("--json", type=Path, metavar="FILE", help="write every sample and setting as JSON")
    args = ap.parse_args(argv)
    if args.repeat < 1:
        ap.error("--repeat must be at least 1")
    try:
        repeat_for = parse_repeat_for(args.repeat_for)
    except argparse.ArgumentTypeError as exc:
        ap.error(str(exc))

    try:
        import libcst  # noqa: F401 - only to fail early
    except ImportError:
        raise SetupError(f"libcst is not importable from {sys.executable}; "
                         "run with the project's venv python (.venv/bin/python)") from None
    linter = find_linter()
    if linter is None:
        raise SetupError(f"no `regr-lint` executable next to {sys.executable} or on PATH")
    cache = args.cache_dir.resolve()
    cores = os.cpu_count() or 1

    # What runs.
    only = {s.strip() for s in args.only.split(",")} if args.only else None
    skip = {s.strip() for v in args.skip for s in v.split(",")}
    known = {"libcst", "regr-lint", "ruff", "flake8", "pylint", "fixit",
             "regr-lint-j1", "regr-lint-j1-alone", "regr-lint-jN", "regr-lint-warm", "ruff-warm", "flake8-j1"}
    for name in (only or set()) | skip | set(repeat_for):
        if name not in known:
            ap.error(f"unknown tool {name!r}; known: {', '.join(sorted(known))}")

    def selected(c: Contender) -> bool:
        if c.family == "regr-lint":
            return True
        if c.id in skip or c.family in skip:
            return False
        return only is None or c.id in only or c.family in only

    need_tools = any(name not in skip and (only is None or name in only)
                     for name in ("ruff", "flake8", "pylint", "fixit", "ruff-warm", "flake8-j1"))

    # The corpora.
    corpora: list[Corpus] = []
    if args.corpora is not None:
        builtin = [s.strip() for s in args.corpora.split(",") if s.strip()]
    else:
        builtin = [] if args.corpus else ["keras", "training"]
    for name in builtin:
        if name == "keras":
            corpora.append(keras_corpus(cache))
        elif name == "training":
            corpora.append(training_corpus(cache))
        else:
            ap.error(f"--corpora: unknown corpus {name!r} (keras, training)")
    corpora += [custom_corpus(p) for p in args.corpus]
    for corpus in corpora:
        if not corpus.files:
            raise SetupError(f"{corpus.name}: no .py files under {corpus.root}")
        if sum(len(f) + 1 for f in corpus.files) > ARGV_LIMIT:
            raise SetupError(f"{corpus.name}: {len(corpus.files)} files do not fit on one command line; "
                             "point --corpus at a smaller tree")

    # The tools.
    versions = {"python": sys.version.split()[0], "regr-lint": f"{_version('regr-lint')} ({git_state()})",
                "libcst (parse baseline, regr-lint)": _version("libcst")}
    tools = None
    if need_tools:
        tools, tool_versions = tools_venv(cache)
        versions.update({k if k != "libcst" else "libcst (fixit's)": v for k, v in tool_versions.items()})
    contenders = [c for c in make_contenders(linter, tools, lambda corp: config_for(cache, corp), cores)
                  if selected(c)]

    print(f"\nPython {versions['python']} on {platform.system()} {platform.machine()}, {cores} cores "
          f"({cpu_model()}); {args.repeat} rounds" + (f", {repeat_for}" if repeat_for else ""))
    print("versions: " + ", ".join(f"{k} {v}" for k, v in versions.items()))

    problems: list[str] = []
    report = []
    for corpus in corpora:
        print(f"\n== {describe(corpus)}", flush=True)
        for note in corpus.notes:
            print(f"  note: {note}")
        load_before = load_average()
        results = bench_corpus(corpus, contenders, args.repeat, repeat_for, linter, config_for(cache, corpus),
                               cores, problems)
        corpus.notes.append(f"load average (1, 5, 15 min) before: {load_before}, after: {load_average()} "
                            f"on {cores} cores (other processes on the machine share it)")
        report.append((corpus, results, targets(corpus, results)))

    total = time.perf_counter() - t_start

    # Tables.
    for corpus, results, trows in report:
        print(f"\n{describe(corpus)}\nmedians of {args.repeat} alternating rounds; ÷ parse and ÷ regr-lint: "
              "median / that median (÷ regr-lint > 1: regr-lint is faster)\n")
        print(text_table(HEADERS, result_rows(results)))
        print()
        print(text_table(TARGET_HEADERS, target_rows(trows)))
        for note in corpus.notes + [n for r in results for n in r.notes]:
            print(f"- {note}")
    if args.markdown:
        print("\n<!-- benchmarks/compare.py --markdown -->")
        print(f"Python {versions['python']}, {cores} cores ({cpu_model()}); "
              + ", ".join(f"{k} {v}" for k, v in versions.items() if k != "python")
              + f"; medians of {args.repeat} alternating rounds" + (f" ({repeat_for})" if repeat_for else "") + ".\n")
        for corpus, results, trows in report:
            print(f"**{describe(corpus)}**\n")
            print(md_table(HEADERS, result_rows(results)))
            print()
            print(md_table(TARGET_HEADERS, target_rows(trows)))
            print()
            for note in corpus.notes + [n for r in results for n in r.notes]:
                print(f"- {note}")
            print()
    print(f"\ntotal run time: {total:.0f} s")
    for p in problems:
        print(f"compare: problem: {p}", file=sys.stderr)

    if args.json:
        doc = {
            "python": versions["python"], "platform": platform.platform(), "cores": cores, "cpu": cpu_model(),
            "repeat": args.repeat, "repeat_for": repeat_for, "versions": versions, "tool_pins": TOOL_PINS,
            "total_seconds": round(total, 1), "problems": problems,
            "corpora": [{
                "name": corpus.name, "kind": corpus.kind, "root": str(corpus.root), "files": len(corpus.files),
                "notebooks_not_timed": corpus.notebooks, "composition": corpus.composition, "notes": corpus.notes,
                "regr_lint_tree_memory_polled": corpus.memory,
                "contenders": [{
                    "id": r.contender.id, "label": r.contender.label, "processes": r.contender.processes,
                    "command": r.cmd, "pair": r.contender.pair, "crashed": r.crashed, "notes": r.notes,
                    "median_s": r.median, "median_cpu_s": r.cpu_median, "peak_rss_mib": r.peak,
                    "samples": [{"wall_s": round(s.wall, 4), "cpu_s": s.cpu and round(s.cpu, 4), "exit": s.code,
                                 "rss_mib": s.rss_mib, "regr_lint_sources": s.engine or None,
                                 "stdout_lines": s.out_lines, "problem": s.problem} for s in r.samples],
                } for r in results],
                "targets": trows,
            } for corpus, results, trows in report],
        }
        args.json.write_text(json.dumps(doc, indent=2) + "\n")
        print(f"wrote {args.json}")
    return 1 if problems else 0


def _version(dist: str) -> str:
    from importlib.metadata import PackageNotFoundError, version
    try:
        return version(dist)
    except PackageNotFoundError:
        return "?"


def config_for(cache: Path, corpus: Corpus) -> Path:
    """An empty pyproject.toml per corpus: regr-lint's --config (its result cache lands beside it),
    pylint's --rcfile, fixit's --config-file; no configuration of the corpus itself applies."""
    path = cache / "compare" / corpus.name / "pyproject.toml"
    if not path.is_file():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("# benchmarks/compare.py: no settings, so that every tool runs its defaults.\n")
    return path


if __name__ == "__main__":
    run_script(main, "compare")
