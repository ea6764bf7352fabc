"""The TensorFlow worker: `python -s -P -m regr_lint.verify.worker`, started by the runner in an empty
temporary folder.

Imports TensorFlow once, then reads one JSON task per line on stdin ({"id", "path", "seed"}), runs
that fixture program with a fresh Keras session and fixed seeds, and answers one JSON line on its
original stdout: {"id", "ok", "result", "seconds", "output", "error"}. The program's own prints go to
a buffer so they cannot corrupt the protocol."""
from __future__ import annotations

import contextlib
import io
import json
import os
import runpy
import sys
import time
import traceback
import warnings


def _jsonable(value):
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    if isinstance(value, (str, int, bool)) or value is None:
        return value
    try:
        return float(value)
    except (TypeError, ValueError):
        return str(value)


def main() -> int:
    # The runner starts this in an empty temporary folder with -s and, from 3.11, -P. On 3.10 `-m`
    # still put the working directory first on sys.path: drop it before TensorFlow is imported, so
    # neither TensorFlow nor a fixture program (runpy.run_path adds nothing to sys.path for a file)
    # can import from it.
    if not getattr(sys.flags, "safe_path", False) and sys.path and sys.path[0] in ("", os.getcwd()):
        del sys.path[0]
    proto = os.fdopen(os.dup(sys.stdout.fileno()), "w", buffering=1)
    sys.stdout = sys.stderr  # anything TF or Keras prints on import stays off the protocol
    import keras
    import tensorflow as tf

    tf.config.threading.set_inter_op_parallelism_threads(1)
    tf.config.threading.set_intra_op_parallelism_threads(1)
    tf.config.experimental.enable_op_determinism()
    versions = {"tensorflow": tf.__version__, "keras": keras.__version__,
                "python": sys.version.split()[0]}
    proto.write(json.dumps({"ready": True, "versions": versions}) + "\n")

    for line in sys.stdin:
        if not line.strip():
            continue
        task = json.loads(line)
        answer = {"id": task["id"], "ok": False, "result": None, "output": "", "error": ""}
        buffer = io.StringIO()
        start = time.perf_counter()
        try:
            keras.backend.clear_session()
            keras.utils.set_random_seed(int(task.get("seed", 0)))
            with contextlib.redirect_stdout(buffer), warnings.catch_warnings():
                warnings.simplefilter("ignore", DeprecationWarning)
                namespace = runpy.run_path(task["path"], run_name="__main__")
            result = namespace.get("RESULT")
            if not isinstance(result, dict):
                raise RuntimeError("the program left no RESULT dict")
            answer.update(ok=True, result=_jsonable(result))
        except BaseException as exc:  # noqa: BLE001 - the program's failure is the answer
            if isinstance(exc, KeyboardInterrupt):
                raise
            answer["error"] = "".join(traceback.format_exception_only(type(exc), exc)).strip()
            answer["traceback"] = traceback.format_exc()[-4000:]
        answer["seconds"] = round(time.perf_counter() - start, 2)
        answer["output"] = buffer.getvalue()[-4000:]
        proto.write(json.dumps(answer) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
