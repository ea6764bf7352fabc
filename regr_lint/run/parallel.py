"""Linting many files (not fixing them): through the result cache, in this process or in a pool of
worker processes. The results come back in the order of the files, whatever finished first, so a
parallel run prints exactly what a serial one does.

The pool uses the `fork` start method where the platform has it (the workers inherit the loaded
rules: nothing is imported twice) and `spawn` elsewhere (each worker loads the rules once, in its
initializer). Runs of fewer than MIN_PARALLEL files stay in this process: starting the workers would
cost more than it saves. An exception while linting a file is returned as a `Crash` for that file;
a worker that dies outright (a segfault in a native parser) breaks the pool, and the files it had
not finished are then run again one at a time, each in a fresh single-worker pool, so only the file
that kills a worker is reported.
"""
from __future__ import annotations

import contextlib
import io
import os
import traceback
from dataclasses import dataclass
from typing import Optional, Sequence, Union

from regr_lint.engine.finding import Finding
from regr_lint.engine.lint import NotAnalysed, lint_file, needs_parse, parse_error
from regr_lint.input import source
from regr_lint.input.source import SourceError, decode, read_bytes
from regr_lint.memory import release_after
from regr_lint.project import link as project_link
from regr_lint.project.link import dependencies, digests, unchanged
from regr_lint.rule import Rule
from regr_lint.run.cache import Cache, dump_finding, load_finding

MIN_PARALLEL = 8  # fewer files than this: no pool


@dataclass(frozen=True)
class Crash:
    """Linting the file raised: reported as an internal error for that file, and the run goes on."""

    kind: str  # the exception's type name
    message: str
    traceback: str = ""


@dataclass(frozen=True)
class Skipped:
    """A file the linter could not analyse although Python compiles it: said on stderr, never cached."""

    message: str  # "PATH: not analysed: why"


Result = Union[list[Finding], Crash, Skipped]


@dataclass(frozen=True)
class _Pending:
    """A file that must be linted: its text, and its cache key when a cache is in use."""

    text: str
    key: Optional[str]


def _prepare(path: str, rules: Sequence[Rule], cache: Optional[Cache]) -> Union[list[Finding], _Pending]:
    """The findings when they are known without parsing (nothing in the text can concern a rule, the
    file cannot be read, or the cache has them); otherwise what linting the file needs."""
    try:
        data = read_bytes(path)
        text = decode(data)
    except SourceError as exc:
        return [parse_error(path, str(exc))]
    if not path.endswith(".ipynb") and not needs_parse(text, rules, path):
        return []  # never parsed, so never cached: the pre-check costs less than a lookup
    if cache is None:
        return _Pending(text, None)
    # rules that do not apply at this path make identical content lint differently elsewhere, as do
    # the linted folders an unmarked project's imports are also looked for in
    key = cache.key(data, path, ",".join(r.code for r in rules if not r.applies_to(path))
                    + "".join(f"\0{d}" for d in project_link.search_folders(path)))
    hit = cache.get(key, path, len(data), current=unchanged)  # …nor did the project modules it imports
    return hit if hit is not None else _Pending(text, key)


def lint_path(path: str, rules: Sequence[Rule], cache: Optional[Cache] = None) -> list[Finding]:
    """`engine.lint_file(path, rules)`, through the cache. A file the pre-check rules out is neither
    parsed nor cached; a file that cannot be read or decoded is RL000, not cached either."""
    prepared = _prepare(path, rules, cache)
    if not isinstance(prepared, _Pending):
        return prepared
    try:
        found = lint_file(path, rules, text=prepared.text)
    finally:
        release_after(len(prepared.text))
    if prepared.key is not None:
        from regr_lint.model.dataflow import modules_read_beside  # loaded by the lint that just ran

        deps = dependencies(path, prepared.text)
        deps.update(digests(modules_read_beside(path)))  # the scripts beside a builder that fit its model
        cache.put(prepared.key, found, deps)
    return found


def _known(path: str, rules: Sequence[Rule], cache: Cache) -> Optional[Result]:
    try:
        prepared = _prepare(path, rules, cache)
    except Exception as exc:  # noqa: BLE001 - a bug must not stop the run
        return Crash(type(exc).__name__, str(exc), traceback.format_exc())
    return None if isinstance(prepared, _Pending) else prepared


def _guarded(path: str, rules: Sequence[Rule], cache: Optional[Cache]) -> Result:
    try:
        return lint_path(path, rules, cache)
    except NotAnalysed as exc:
        return Skipped(str(exc))
    except Exception as exc:  # noqa: BLE001 - a bug in a rule must not stop the run
        return Crash(type(exc).__name__, str(exc), traceback.format_exc())


# --------------------------------------------------------------------------- the workers

_worker_rules: list[Rule] = []
_worker_cache: Optional[Cache] = None


def _init_worker(rules: Optional[Sequence[Rule]], codes: Sequence[str], cache: Optional[Cache],
                 max_file_size: int = source.DEFAULT_MAX_FILE_SIZE, linted: Sequence[str] = ()) -> None:
    """Once per worker: the rules (inherited under fork; loaded from the registry under spawn), and
    the folders the run lints (see project_link.lint_roots)."""
    global _worker_rules, _worker_cache
    source.configure(max_file_size)
    project_link.lint_roots(linted)
    if rules is None:
        from regr_lint.engine.registry import load_registry

        with contextlib.redirect_stderr(io.StringIO()):  # the parent has already warned
            loaded = load_registry()
        wanted = set(codes)
        rules = [lr.rule for lr in loaded if lr.rule.code in wanted]
    _worker_rules = list(rules)
    _worker_cache = cache


def _lint_chunk(paths: Sequence[str]) -> list[Result]:
    out = []
    for path in paths:
        result = _guarded(path, _worker_rules, _worker_cache)
        if isinstance(result, list):
            # Fixes travel as data (their libcst nodes would be heavy to pickle, and are not needed).
            result = [load_finding(f.reported_from or f.path, dump_finding(f)) for f in result]
        out.append(result)
    return out


def _context():
    import multiprocessing  # here: a run that starts no workers does not pay for the import

    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else "spawn")


def _pool(workers: int, rules: Sequence[Rule], cache: Optional[Cache]):
    from concurrent.futures import ProcessPoolExecutor

    ctx = _context()
    inherited = list(rules) if ctx.get_start_method() == "fork" else None
    return ProcessPoolExecutor(max_workers=workers, mp_context=ctx, initializer=_init_worker,
                               initargs=(inherited, [r.code for r in rules], cache, source.max_file_size,
                                         project_link.linted_folders()))


def default_jobs() -> int:
    return os.cpu_count() or 1


def lint_paths(files: Sequence[str], rules: Sequence[Rule], cache: Optional[Cache] = None,
               jobs: int = 1) -> list[Result]:
    """One result per file, in the order of `files`."""
    if jobs <= 1 or len(files) < MIN_PARALLEL:
        return [_guarded(path, rules, cache) for path in files]
    if cache is not None:
        # Cache hits and files the pre-check rules out are answered here: a warm run starts no
        # workers at all. The misses are read again by the workers, which also fill the cache.
        known = [_known(path, rules, cache) for path in files]
        todo = [i for i, r in enumerate(known) if r is None]
        for i, result in zip(todo, _pooled([files[i] for i in todo], rules, cache, jobs)):
            known[i] = result
        return known  # type: ignore[return-value]
    return _pooled(files, rules, cache, jobs)


def _pooled(files: Sequence[str], rules: Sequence[Rule], cache: Optional[Cache], jobs: int) -> list[Result]:
    if len(files) < MIN_PARALLEL:
        return [_guarded(path, rules, cache) for path in files]
    from concurrent.futures.process import BrokenProcessPool

    size = max(1, min(16, len(files) // (jobs * 8)))
    chunks = [list(files[i:i + size]) for i in range(0, len(files), size)]
    results: list[Optional[Result]] = [None] * len(files)
    broken: list[int] = []
    try:
        pool = _pool(min(jobs, len(chunks)), rules, cache)
    except (OSError, ImportError, NotImplementedError):  # no process support here (no sem_open …)
        return [_guarded(path, rules, cache) for path in files]
    with pool:
        futures = [pool.submit(_lint_chunk, chunk) for chunk in chunks]
        start = 0
        for chunk, future in zip(chunks, futures):
            try:
                for offset, result in enumerate(future.result()):
                    results[start + offset] = result
            except BrokenProcessPool:
                broken.extend(range(start, start + len(chunk)))
            start += len(chunk)
    if broken:
        _isolate(files, broken, results, rules, cache)
    return results  # type: ignore[return-value]


def _isolate(files, indexes, results, rules, cache) -> None:
    """Run each file whose worker died again, alone, so the one that kills a worker is found."""
    from concurrent.futures.process import BrokenProcessPool

    pool = None
    try:
        for i in indexes:
            if pool is None:
                pool = _pool(1, rules, cache)
            try:
                results[i] = pool.submit(_lint_chunk, [files[i]]).result()[0]
            except BrokenProcessPool as exc:
                results[i] = Crash("BrokenProcessPool", f"the worker process linting it died ({exc})")
                pool.shutdown(wait=False)
                pool = None
    finally:
        if pool is not None:
            pool.shutdown()
