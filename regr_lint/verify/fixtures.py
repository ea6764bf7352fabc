"""Fixture folders (`fixtures/<CODE>/bad.py`, `fixed.py`, `symptom.toml`) and the checks they declare.

Pure Python: nothing here imports TensorFlow."""
from __future__ import annotations

import math
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib

SIDES = ("bad", "fixed")


class FixtureError(Exception):
    pass


@dataclass
class Side:
    checks: list[str] = field(default_factory=list)
    key: dict[str, str] = field(default_factory=dict)


@dataclass
class Fixture:
    code: str
    folder: Path
    symptom: str
    bad: Side
    fixed: Side
    plots: list[dict] = field(default_factory=list)

    def program(self, side: str) -> Path:
        return self.folder / f"{side}.py"

    def side(self, side: str) -> Side:
        return self.bad if side == "bad" else self.fixed


def default_fixtures_dir() -> Path | None:
    """`fixtures/` in the working directory, else the one beside the package (a source checkout)."""
    here = Path.cwd() / "fixtures"
    if here.is_dir():
        return here
    beside = Path(__file__).resolve().parents[2] / "fixtures"
    return beside if beside.is_dir() else None


def load_fixtures(root: Path, codes: list[str] | None = None) -> list[Fixture]:
    wanted = {c.upper() for c in codes} if codes else None
    found = []
    for folder in sorted(p for p in root.iterdir() if p.is_dir() and (p / "symptom.toml").is_file()):
        code = folder.name.upper()
        if wanted is not None and code not in wanted:
            continue
        found.append(load_fixture(folder))
    if wanted:
        missing = wanted - {f.code for f in found}
        if missing:
            raise FixtureError(f"no fixture folder for {', '.join(sorted(missing))} under {root}")
    return found


def load_fixture(folder: Path) -> Fixture:
    try:
        with open(folder / "symptom.toml", "rb") as fh:
            spec = tomllib.load(fh)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise FixtureError(f"{folder / 'symptom.toml'}: {exc}") from None
    for side in SIDES:
        if not (folder / f"{side}.py").is_file():
            raise FixtureError(f"{folder}: missing {side}.py")
    sides = {s: Side(list(spec.get(s, {}).get("checks", [])), dict(spec.get(s, {}).get("key", {}))) for s in SIDES}
    return Fixture(
        code=str(spec.get("rule", folder.name)).upper(),
        folder=folder,
        symptom=str(spec.get("symptom", "")),
        bad=sides["bad"],
        fixed=sides["fixed"],
        plots=list(spec.get("plot", [])),
    )


# ---------------------------------------------------------------- evaluating checks over RESULT
def _mean(values):
    values = list(values)
    return sum(values) / len(values) if values else float("nan")


HELPERS = {"abs": abs, "min": min, "max": max, "len": len, "sum": sum, "all": all, "any": any,
           "mean": _mean, "round": round, "isclose": math.isclose}


def evaluate(expr: str, result: dict[str, Any]) -> Any:
    """Evaluate one of our own fixture's expressions over its RESULT (trusted repository files,
    never user code)."""
    names = dict(HELPERS)
    names.update(result)
    return eval(compile(expr, "<symptom.toml>", "eval"), {"__builtins__": {}}, names)  # noqa: S307


def run_checks(checks: list[str], result: dict[str, Any]) -> list[str]:
    """The checks that fail (with the reason); [] when all hold."""
    failed = []
    for expr in checks:
        try:
            if not evaluate(expr, result):
                failed.append(expr)
        except Exception as exc:  # noqa: BLE001 - a broken check is a failed check, said clearly
            failed.append(f"{expr} ({type(exc).__name__}: {exc})")
    return failed


def key_numbers(keys: dict[str, str], result: dict[str, Any]) -> dict[str, Any]:
    out = {}
    for label, expr in keys.items():
        try:
            out[label] = rounded(evaluate(expr, result))
        except Exception as exc:  # noqa: BLE001
            out[label] = f"error: {type(exc).__name__}"
    return out


def rounded(value: Any) -> Any:
    """Key numbers as shown and stored: floats to 4 significant digits (stable across reruns of a
    deterministic program, readable in a table)."""
    if isinstance(value, bool) or value is None or isinstance(value, (int, str)):
        return value
    if isinstance(value, float):
        return float(f"{value:.4g}")
    if isinstance(value, (list, tuple)):
        return [rounded(v) for v in value]
    try:
        return float(f"{float(value):.4g}")
    except (TypeError, ValueError):
        return str(value)


def worker_env() -> dict[str, str]:
    """Environment for the TensorFlow worker: quiet, CPU-only, single-threaded, deterministic."""
    env = dict(os.environ)
    env.update({
        "TF_CPP_MIN_LOG_LEVEL": "3",
        "CUDA_VISIBLE_DEVICES": "-1",
        "KERAS_BACKEND": "tensorflow",
        "PYTHONHASHSEED": "0",
        "TF_DETERMINISTIC_OPS": "1",
        "OMP_NUM_THREADS": "1",
        "MPLBACKEND": "Agg",
    })
    return env
