"""The parent side: lint each pair, feed the programs to one TensorFlow worker subprocess (a fresh
one after a timeout), judge the symptom checks, report progress on stderr."""
from __future__ import annotations

import importlib.util
import json
import queue
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from typing import Callable, Optional

from regr_lint.engine.lint import lint_file
from regr_lint.engine.registry import load_rules
from regr_lint.verify.fixtures import SIDES, Fixture, key_numbers, run_checks, worker_env

INSTALL_HINT = "pip install 'regr-lint[verify]'"
READY_TIMEOUT = 180.0


def tensorflow_missing() -> Optional[str]:
    """The name of the first missing runtime dependency, found without importing anything."""
    for module in ("tensorflow", "keras"):
        if importlib.util.find_spec(module) is None:
            return module
    return None


@dataclass
class Run:
    ok: bool
    result: Optional[dict] = None
    seconds: float = 0.0
    error: str = ""
    output: str = ""


@dataclass
class Verdict:
    fixture: Fixture
    static_ok: bool
    static_note: str
    runs: dict = field(default_factory=dict)  # side -> Run
    failed: dict = field(default_factory=dict)  # side -> [failed checks]
    keys: dict = field(default_factory=dict)  # side -> {label: value}

    @property
    def symptom_in_bad(self) -> bool:
        return self.runs["bad"].ok and not self.failed.get("bad")

    @property
    def absent_in_fixed(self) -> bool:
        return self.runs["fixed"].ok and not self.failed.get("fixed")

    @property
    def confirmed(self) -> bool:
        return self.static_ok and self.symptom_in_bad and self.absent_in_fixed

    @property
    def seconds(self) -> float:
        return round(sum(r.seconds for r in self.runs.values()), 1)

    def why(self) -> str:
        if self.confirmed:
            return ""
        reasons = [] if self.static_ok else [self.static_note]
        for side in SIDES:
            run = self.runs[side]
            if not run.ok:
                reasons.append(f"{side}.py did not run: {run.error}")
            elif self.failed.get(side):
                reasons.append(f"{side}: check failed: {'; '.join(self.failed[side])}")
        return " | ".join(reasons)


def static_result(fixture: Fixture, rules) -> tuple[bool, str]:
    bad = [f.code for f in lint_file(str(fixture.program("bad")), rules)]
    fixed = [f.code for f in lint_file(str(fixture.program("fixed")), rules)]
    if fixture.code not in bad:
        return False, f"the linter does not report {fixture.code} on bad.py (it reports {bad or 'nothing'})"
    if fixed:
        return False, f"the linter reports {', '.join(fixed)} on fixed.py"
    return True, f"{fixture.code} on bad.py, nothing on fixed.py"


# The worker imports nothing from where `verify` was started: it runs in an empty temporary folder,
# without the user site (-s), without the working directory on sys.path (-P from 3.11; on 3.10 the
# worker drops the entry `-m` adds, which is that empty folder anyway) and without PYTHON* variables
# (worker_env). This is -I minus -E's loss of PYTHONHASHSEED, which keeps the runs deterministic.
ISOLATION = ["-s", "-P"] if sys.version_info >= (3, 11) else ["-s"]


class Worker:
    """One TensorFlow subprocess; answers arrive through a reader thread so waits can time out."""

    def __init__(self):
        self.log = tempfile.TemporaryFile(mode="w+")
        self.home = tempfile.TemporaryDirectory(prefix="regr-lint-verify-")
        self.proc = subprocess.Popen(
            [sys.executable, *ISOLATION, "-m", "regr_lint.verify.worker"], stdin=subprocess.PIPE,
            stdout=subprocess.PIPE, stderr=self.log, text=True, env=worker_env(), bufsize=1,
            cwd=self.home.name,
        )
        self.lines: queue.Queue = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()
        ready = self._next(READY_TIMEOUT)
        if ready is None or not ready.get("ready"):
            raise RuntimeError(f"the TensorFlow worker did not start: {self._log_tail()}")
        self.versions = ready["versions"]

    def _read(self) -> None:
        for line in self.proc.stdout:
            self.lines.put(line)
        self.lines.put(None)

    def _next(self, timeout: float) -> Optional[dict]:
        try:
            line = self.lines.get(timeout=timeout)
        except queue.Empty:
            return None
        return json.loads(line) if line else None

    def _log_tail(self) -> str:
        self.log.seek(0)
        return self.log.read()[-1500:].strip() or f"exit code {self.proc.poll()}"

    def run(self, task: dict, timeout: float) -> Optional[dict]:
        self.proc.stdin.write(json.dumps(task) + "\n")
        self.proc.stdin.flush()
        return self._next(timeout)

    def close(self, kill: bool = False) -> None:
        if kill:
            self.proc.kill()
        else:
            try:
                self.proc.stdin.close()
                self.proc.wait(timeout=30)
            except (OSError, subprocess.TimeoutExpired):
                self.proc.kill()
        self.proc.wait()
        self.log.close()
        self.home.cleanup()


class Progress:
    """A bar on a terminal, plain lines otherwise; always on stderr."""

    def __init__(self, total: int):
        self.total, self.done = total, 0
        self.tty = sys.stderr.isatty()

    def start(self, label: str) -> None:
        if self.tty:
            filled = int(24 * self.done / max(self.total, 1))
            sys.stderr.write(f"\r[{'#' * filled}{'.' * (24 - filled)}] {self.done}/{self.total} {label:<24}")
            sys.stderr.flush()

    def finish(self, label: str, note: str) -> None:
        self.done += 1
        if self.tty:
            self.start(label)
            if self.done == self.total:
                sys.stderr.write("\n")
        else:
            sys.stderr.write(f"verify: [{self.done}/{self.total}] {label} {note}\n")
        sys.stderr.flush()


def verify(fixtures: list[Fixture], seed: int = 0, timeout: float = 300.0,
           progress: Optional[Callable[[int], Progress]] = Progress) -> tuple[list[Verdict], dict]:
    rules = load_rules()
    verdicts = []
    for fixture in fixtures:
        ok, note = static_result(fixture, rules)
        verdicts.append(Verdict(fixture, ok, note))
    tasks = [(v, side) for v in verdicts for side in SIDES]
    bar = progress(len(tasks)) if progress else None
    worker: Optional[Worker] = None
    versions: dict = {}
    try:
        for index, (verdict, side) in enumerate(tasks):
            label = f"{verdict.fixture.code} {side}.py"
            if bar:
                bar.start(label)
            if worker is None:
                worker = Worker()
                versions = worker.versions
            # absolute: the worker runs in its own temporary folder
            task = {"id": index, "path": str(verdict.fixture.program(side).resolve()), "seed": seed}
            began = time.perf_counter()
            answer = worker.run(task, timeout)
            if answer is None:
                alive = worker.proc.poll() is None
                worker.close(kill=True)
                worker = None
                why = f"timed out after {timeout:.0f} s" if alive else "the worker died"
                run = Run(False, seconds=round(time.perf_counter() - began, 1), error=why)
            else:
                run = Run(answer["ok"], answer.get("result"), answer.get("seconds", 0.0),
                          answer.get("error", ""), answer.get("output", ""))
            verdict.runs[side] = run
            if run.ok:
                spec = verdict.fixture.side(side)
                verdict.failed[side] = run_checks(spec.checks, run.result)
                verdict.keys[side] = key_numbers(spec.key, run.result)
            if bar:
                bar.finish(label, f"{'ok' if run.ok else 'FAILED: ' + run.error} ({run.seconds:.1f} s)")
    finally:
        if worker is not None:
            worker.close()
    return verdicts, versions
