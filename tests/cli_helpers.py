"""Running the real `regr-lint` in a subprocess, the way users and pre-commit do."""
from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

# The console script installed beside this interpreter (the venv running the tests).
SCRIPT = str(Path(sys.executable).parent / ("regr-lint.exe" if os.name == "nt" else "regr-lint"))

RL101_BUG = textwrap.dedent("""\
    from keras.models import Sequential
    from keras.layers import Dense
    model = Sequential([Dense(8, activation="relu"), Dense(1)])
    model.compile(loss="mse", optimizer="adam", metrics=["accuracy"])
    """)
# (line, 1-based column) of the "accuracy" element above, where RL101 is reported.
RL101_AT = (4, RL101_BUG.splitlines()[3].index('"accuracy"') + 1)

CLEAN = textwrap.dedent("""\
    from keras.models import Sequential
    from keras.layers import Dense
    model = Sequential([Dense(8, activation="relu"), Dense(1)])
    model.compile(loss="mse", optimizer="adam", metrics=["mae"])
    """)

SYNTAX_ERROR = "from keras.layers import Dense\ndef broken(:\n    pass\n"


def run(*args: str, cwd: Path | str, stdin: str | bytes | None = None, script: bool = False,
        env: dict | None = None) -> subprocess.CompletedProcess:
    cmd = [SCRIPT] if script else [sys.executable, "-m", "regr_lint"]
    full_env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    full_env.update(env or {})
    if isinstance(stdin, str):
        stdin = stdin.encode()
    proc = subprocess.run(cmd + list(args), cwd=cwd, input=stdin, capture_output=True, env=full_env,
                          timeout=120)
    return subprocess.CompletedProcess(proc.args, proc.returncode, proc.stdout.decode(), proc.stderr.decode())


def with_pythonpath(path) -> dict:
    """An env update that puts `path` first on sys.path, keeping any PYTHONPATH already set."""
    old = os.environ.get("PYTHONPATH")
    return {"PYTHONPATH": str(path) + (os.pathsep + old if old else "")}


def codes(stdout: str) -> list[str]:
    """The codes of text-format output lines, in order."""
    return [line.split(": ", 1)[1].split()[0] for line in stdout.splitlines() if line.strip()]


def write(root: Path, rel: str, text: str | bytes) -> Path:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text)
    return path
