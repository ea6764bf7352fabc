#!/usr/bin/env python3
"""regr-lint on a large real codebase: the keras source distribution (stdlib + libcst, Python >= 3.10).

Usage, from the repo root, with the project's venv python (the parse baseline imports libcst):

    .venv/bin/python benchmarks/keras_sdist.py                    # latest keras sdist, cached
    .venv/bin/python benchmarks/keras_sdist.py --version 3.15.1   # a pinned release
    .venv/bin/python benchmarks/keras_sdist.py --src /path/to/keras-3.15.1 --repeat 3

What it measures:

* The linter, as a real subprocess: `regr-lint check --exit-zero .` run inside the unpacked tree
  (with `--config <tree>/pyproject.toml` when the tree has one, so a `[tool.regr-lint]` table in a
  pyproject.toml *above* the tree, such as this repo's when the cache lives inside it, cannot leak
  in). Wall time (interpreter start-up included: that is what a user waits for), exit code
  (2 = the linter's internal-error code: reported, and this script exits 1), every finding line.
* The bare libcst parse time of the same files, in this process: `libcst.parse_module` on each
  file's decoded text (decoded the way the linter does: PEP 263 cookie, BOM stripped; decoding is
  not timed), for all files and for the subset whose text contains "keras". The ratio
  lint time / parse time is the linter's cost on top of the parse it cannot avoid.
* Peak RSS of the linter process, in MiB.

Honesty rules: every timing runs `--repeat N` times (default 1) and the best is reported; the linter
gets `--no-cache` when `regr-lint check --help` lists it (a warm result cache would be a different
benchmark); the file count is cross-checked against the linter's own "N files checked." line.

The sdist is downloaded once with `python -m pip download --no-binary :all: --no-deps keras`
into the cache dir (default benchmarks/.cache/, which holds a .gitignore ignoring everything) and
unpacked there; later runs reuse it. Delete the cache dir, or pass --version, to get another one.

Exit status: 0 after a clean run, 1 if the linter crashed, 2 if the benchmark could not be set up.
"""
from __future__ import annotations

import argparse
import fnmatch
import io
import os
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
import zipfile
import time
import tokenize
from pathlib import Path

from linter import find_linter  # benchmarks/linter.py (the script folder is on sys.path)

try:
    import resource  # Unix only; without it peak RSS is reported as n/a
except ImportError:  # pragma: no cover - Windows
    resource = None

HERE = Path(__file__).resolve().parent
DEFAULT_CACHE = HERE / ".cache"

# Mirrors regr_lint/input/discovery.py (directories the linter never walks into), so that the parse
# baseline covers the files the linter lints. The count is cross-checked after the run anyway.
SKIP_DIRS = frozenset({
    ".git", ".hg", ".svn", ".venv", "venv", "build", "dist", "node_modules", "__pycache__",
    ".tox", ".nox", ".mypy_cache", ".pytest_cache", ".ruff_cache", ".eggs", ".regr_lint_cache", ".cache",
})
SKIP_DIR_GLOBS = ("*.egg-info",)


class SetupError(Exception):
    """The benchmark cannot run; the message says why."""


# --------------------------------------------------------------------------- getting the tree

def canonical_name(name: str) -> str:
    """A distribution name as PEP 503 compares them (keras_tuner == keras-tuner == Keras.Tuner)."""
    return re.sub(r"[-_.]+", "-", name).lower()


def fetch_sdist(cache: Path, version: str | None, package: str = "keras") -> Path:
    """The `package` sdist tarball in `cache`, downloaded with pip only when it is not there yet.

    A cached tarball is recognised by its file name, `<name>-<version>.tar.gz` with the name in any
    of the spellings sdists use (keras_tuner-1.4.8.tar.gz for keras-tuner)."""
    cache.mkdir(parents=True, exist_ok=True)
    ignore = cache / ".gitignore"
    if not ignore.exists():
        ignore.write_text("# Downloaded and unpacked benchmark inputs: never commit them.\n*\n")

    def cached() -> list[Path]:
        def wanted(p: Path) -> bool:
            name, _, ver = p.name[: -len(".tar.gz")].rpartition("-")
            return canonical_name(name) == canonical_name(package) and version in (None, ver)
        return sorted((p for p in cache.glob("*.tar.gz") if wanted(p)), key=lambda p: p.stat().st_mtime)

    if cached():
        tarball = cached()[-1]
        print(f"using cached sdist {tarball}" + ("" if version else " (pass --version for another release)"))
        return tarball

    spec = f"{package}=={version}" if version else package
    cmd = [sys.executable, "-m", "pip", "download", "--no-binary", ":all:", "--no-deps", spec, "-d", str(cache)]
    print("$ " + " ".join(cmd), flush=True)
    proc = subprocess.run(cmd, capture_output=True, text=True)
    if proc.returncode != 0:
        raise SetupError(f"pip download failed (exit {proc.returncode}):\n{proc.stdout}{proc.stderr}")
    # pip says where it put the file ("Saved ..." or "File was already downloaded ...").
    for line in proc.stdout.splitlines():
        m = re.match(r"\s*(?:Saved|File was already downloaded)\s+(.+\.tar\.gz)\s*$", line)
        if m and Path(m.group(1)).is_file():
            return Path(m.group(1)).resolve()
    if cached():
        return cached()[-1]
    raise SetupError(f"pip download succeeded but no {package}-*.tar.gz is in {cache}:\n{proc.stdout}")


def unpack(tarball: Path, cache: Path) -> Path:
    """Unpack once next to the tarball; returns the tree (the archive's single top-level directory)."""
    name = tarball.name[: -len(".tar.gz")]
    tree = cache / name
    if tree.is_dir():
        return tree
    tmp = Path(tempfile.mkdtemp(prefix=".unpack-", dir=cache))  # atomic: no half-unpacked trees
    try:
        with tarfile.open(tarball) as tf:
            if hasattr(tarfile, "data_filter"):  # 3.12, and security backports of 3.8-3.11
                tf.extractall(tmp, filter="data")
            else:
                for member in tf.getmembers():
                    if member.name.startswith("/") or ".." in Path(member.name).parts:
                        raise SetupError(f"{tarball}: unsafe member {member.name!r}")
                tf.extractall(tmp)
        tops = [p for p in tmp.iterdir()]
        src = tops[0] if len(tops) == 1 and tops[0].is_dir() else tmp
        src.rename(tree)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print(f"unpacked into {tree}")
    return tree


def unzip(wheel: Path, tree: Path) -> Path:
    """Unzip the wheel once into `tree` (atomically: no half-unpacked trees)."""
    if tree.is_dir():
        return tree
    tmp = Path(tempfile.mkdtemp(prefix=".unpack-", dir=tree.parent))
    try:
        with zipfile.ZipFile(wheel) as zf:
            for name in zf.namelist():
                if name.startswith("/") or ".." in Path(name).parts:
                    raise SetupError(f"{wheel}: unsafe member {name!r}")
            zf.extractall(tmp)
        tmp.rename(tree)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print(f"unzipped into {tree}")
    return tree


def python_files(tree: Path, suffixes: tuple[str, ...] = (".py",)) -> list[Path]:
    """The *.py files (files ending in one of `suffixes`) the linter discovers under `tree` (see
    SKIP_DIRS)."""
    out = []
    for dirpath, dirnames, filenames in os.walk(tree):
        dirnames[:] = [
            d for d in dirnames
            if d not in SKIP_DIRS
            and not any(fnmatch.fnmatchcase(d, g) for g in SKIP_DIR_GLOBS)
            and not os.path.isfile(os.path.join(dirpath, d, "pyvenv.cfg"))
        ]
        out += [Path(dirpath, f) for f in filenames if f.endswith(suffixes)]
    return sorted(out)


# --------------------------------------------------------------------------- the linter

def maxrss_mib(ru_maxrss: int) -> float:
    # ru_maxrss is in KiB on Linux and the BSDs, in bytes on macOS.
    return ru_maxrss / (1024 * 1024) if sys.platform == "darwin" else ru_maxrss / 1024


def run_usage(cmd: list[str], cwd: Path) -> tuple[float, int, str, str, object | None]:
    """Run `cmd`; returns (wall seconds, exit code, stdout, stderr, its resource usage or None).

    The usage is what `os.wait4` returns for this one child: its own CPU time and peak RSS with
    those of the descendants it waited for folded in (ru_utime/ru_stime summed, ru_maxrss the
    maximum), unlike `getrusage(RUSAGE_CHILDREN)`, which covers *every* child this script has
    waited for. None where there is no wait4 (Windows).
    """
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=cwd, stdout=out, stderr=err)
        if hasattr(os, "wait4"):
            _, status, usage = os.wait4(proc.pid, 0)
            wall = time.perf_counter() - t0
            proc.returncode = code = os.waitstatus_to_exitcode(status)  # so Popen does not reap again
        else:  # pragma: no cover - no wait4 (Windows): no per-child figure
            code = proc.wait()
            wall = time.perf_counter() - t0
            usage = None
        out.seek(0)
        err.seek(0)
        return wall, code, out.read().decode("utf-8", "replace"), err.read().decode("utf-8", "replace"), usage


def run_timed(cmd: list[str], cwd: Path) -> tuple[float, int, str, str, float | None]:
    """Run `cmd`; returns (wall seconds, exit code, stdout, stderr, peak RSS MiB or None).

    Peak RSS: `getrusage(RUSAGE_CHILDREN).ru_maxrss` is the maximum over *every* child this script
    has waited for, so the pip download (or an earlier, bigger run) would leak into it. `os.wait4`
    returns the same rusage figure for this one child (and its own waited-for children) only.
    """
    wall, code, stdout, stderr, usage = run_usage(cmd, cwd)
    if usage is not None:
        rss = maxrss_mib(usage.ru_maxrss)
    else:  # pragma: no cover - no wait4 (Windows)
        rss = maxrss_mib(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss) if resource else None
    return wall, code, stdout, stderr, rss


# --------------------------------------------------------------------------- the parse baseline

def decode(data: bytes) -> str:
    """As regr_lint/input/source.py: the PEP 263 encoding (UTF-8 by default), BOM stripped."""
    encoding, _ = tokenize.detect_encoding(io.BytesIO(data).readline)
    text = data.decode(encoding)
    return text[1:] if text.startswith("\ufeff") else text


def parse_times(texts: list[str], keras_mask: list[bool], repeat: int) -> tuple[float, float, int]:
    """Best-of-`repeat` total libcst parse seconds for all texts and for the keras subset, and the
    number of texts libcst rejects (their failed parse is timed too: the linter pays for it)."""
    import libcst  # imported (and its native parser loaded) before any clock starts

    best_all = best_keras = float("inf")
    failures = 0
    for _ in range(repeat):
        total = keras = 0.0
        failures = 0
        for text, is_keras in zip(texts, keras_mask):
            t0 = time.perf_counter()
            try:
                libcst.parse_module(text)
            except Exception:  # noqa: BLE001 - ParserSyntaxError and friends
                failures += 1
            dt = time.perf_counter() - t0
            total += dt
            if is_keras:
                keras += dt
        best_all, best_keras = min(best_all, total), min(best_keras, keras)
    return best_all, best_keras, failures


# --------------------------------------------------------------------------- main

def libcst_version() -> str:
    from importlib.metadata import PackageNotFoundError, version
    try:
        return version("libcst")
    except PackageNotFoundError:
        return "?"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--version", help="pin the keras release (keras==VERSION)")
    ap.add_argument("--src", type=Path, help="use this unpacked tree; no download")
    ap.add_argument("--cache-dir", type=Path, default=DEFAULT_CACHE,
                    help="where the sdist is downloaded and unpacked (default: benchmarks/.cache/)")
    ap.add_argument("--repeat", type=int, default=1, help="run each timing N times, report the best (default 1)")
    args = ap.parse_args(argv)
    if args.repeat < 1:
        ap.error("--repeat must be at least 1")

    try:
        import libcst
    except ImportError:
        raise SetupError(f"libcst is not importable from {sys.executable}; "
                         "run with the project's venv python (.venv/bin/python)") from None

    # 1. The tree.
    if args.src:
        tree = args.src.resolve()
        if not tree.is_dir():
            raise SetupError(f"--src {args.src}: not a directory")
    else:
        tree = unpack(fetch_sdist(args.cache_dir.resolve(), args.version), args.cache_dir.resolve())
    files = python_files(tree)
    if not files:
        raise SetupError(f"no *.py files under {tree}")

    # 2. The linter, best of N.
    linter = find_linter()
    if linter is None:
        raise SetupError(f"no `regr-lint` executable next to {sys.executable} or on PATH")
    # the cache dir is git-ignored: walk it anyway
    cmd = [linter, "check", "--exit-zero", "--no-cache", "--no-respect-gitignore"]
    if (tree / "pyproject.toml").is_file():
        cmd += ["--config", str(tree / "pyproject.toml")]
    cmd.append(".")
    print(f"$ (cd {tree} && {' '.join(cmd)})  x{args.repeat}", flush=True)

    runs = [run_timed(cmd, tree) for _ in range(args.repeat)]
    lint_s = min(r[0] for r in runs)
    rss_values = [r[4] for r in runs if r[4] is not None]
    peak = max(rss_values) if rss_values else None
    code, stdout, stderr = runs[0][1], runs[0][2], runs[0][3]
    crashed = [r[1] for r in runs if r[1] != 0]
    if crashed:
        print(f"keras_sdist: the linter crashed (exit code {crashed[0]}); its stderr follows", file=sys.stderr)
        print(next(r[3] for r in runs if r[1] != 0).rstrip(), file=sys.stderr)
        return 1
    if any(r[2] != stdout for r in runs):
        print("keras_sdist: warning: findings differ between repeated runs", file=sys.stderr)

    findings = [ln for ln in stdout.splitlines() if ln.strip()]
    print(f"\nfindings ({len(findings)}):")
    for line in findings:
        print("  " + line)
    m = re.search(r"(\d+) files? checked", stderr)
    if m and int(m.group(1)) != len(files):
        print(f"keras_sdist: warning: the linter checked {m.group(1)} files, the parse baseline "
              f"covers {len(files)}: the ratio compares different work", file=sys.stderr)

    # Fixed cost (interpreter start-up, imports, rule loading): the same command on an empty dir.
    with tempfile.TemporaryDirectory() as empty:
        startup_s = min(run_timed(cmd[:-1] + [empty], tree)[0] for _ in range(args.repeat))

    # 3. The parse baseline, in this process.
    texts, undecodable = [], 0
    for path in files:
        try:
            texts.append(decode(path.read_bytes()))
        except (SyntaxError, UnicodeDecodeError, LookupError):
            undecodable += 1  # the linter reports these as parse errors without parsing
    keras_mask = ["keras" in t for t in texts]
    parse_all, parse_keras, rejected = parse_times(texts, keras_mask, args.repeat)
    n_keras = sum(keras_mask)

    def ratio(den: float) -> str:
        return f"{lint_s / den:.1f}x" if den > 0 else "n/a"

    # 4. The table.
    peak_s = f"{peak:.0f}" if peak is not None else "n/a"
    print(f"\nkeras tree: {tree}")
    print(f"libcst {libcst_version()}, Python {sys.version.split()[0]}, "
          f"best of {args.repeat}\n")
    print("| files (all / keras) | findings | lint s | parse s (all / keras) | lint/parse (all / keras) | peak MB |")
    print("|---|---|---|---|---|---|")
    print(f"| {len(files)} / {n_keras} | {len(findings)} | {lint_s:.2f} | {parse_all:.2f} / {parse_keras:.2f} "
          f"| {ratio(parse_all)} / {ratio(parse_keras)} | {peak_s} |")
    print()
    summary = " ".join(stderr.strip().splitlines()[-2:])
    print(f"- linter summary: {summary} (exit code {code})")
    print(f"- linter start-up (same command on an empty dir): {startup_s:.2f} s of the {lint_s:.2f} s")
    if resource is not None:
        # For comparison: the max over every child so far (pip, the --help probe, the empty-dir runs).
        every = maxrss_mib(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
        print(f"- getrusage(RUSAGE_CHILDREN).ru_maxrss, all children of this script: {every:.0f} MB")
    if rejected or undecodable:
        print(f"- libcst rejected {rejected} file(s); {undecodable} could not be decoded (not parsed)")
    return 0


def run_script(main, name: str) -> None:
    """A benchmark script's entry: exit with main()'s status; 2 with the message when the benchmark
    cannot be set up; quietly when piped into `head`."""
    try:
        sys.exit(main())
    except SetupError as exc:
        print(f"{name}: error: {exc}", file=sys.stderr)
        sys.exit(2)
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(0)


if __name__ == "__main__":
    run_script(main, "keras_sdist")
