"""Fixture folders (`fixtures/<CODE>/bad.py`, `fixed.py`, `symptom.toml`) and the checks they declare.

Pure Python: nothing here imports TensorFlow, and nothing here runs a fixture program or evaluates
Python: the checks go through a small expression evaluator (`evaluate`)."""
from __future__ import annotations

import ast
import importlib.util
import math
import operator
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
    """The package's own fixtures (`regr_lint.fixtures`, found without importing it), never a
    `fixtures/` folder in the working directory: `verify` runs these programs."""
    try:
        spec = importlib.util.find_spec("regr_lint.fixtures")
    except ImportError:
        spec = None
    if spec is not None and spec.submodule_search_locations:
        return Path(list(spec.submodule_search_locations)[0])
    # An editable install made before fixtures/ was mapped into the package: the source checkout's.
    import regr_lint

    checkout = Path(regr_lint.__file__).resolve().parents[1]
    if (checkout / "pyproject.toml").is_file() and (checkout / "fixtures" / "__init__.py").is_file():
        return checkout / "fixtures"
    return None


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
    except (OSError, ValueError) as exc:  # TOMLDecodeError, and UnicodeDecodeError for non-UTF-8 bytes
        raise FixtureError(f"{folder / 'symptom.toml'}: {exc}") from None
    for side in SIDES:
        if not (folder / f"{side}.py").is_file():
            raise FixtureError(f"{folder}: missing {side}.py")
    sides = {s: _side(folder / "symptom.toml", s, spec.get(s, {})) for s in SIDES}
    return Fixture(
        code=str(spec.get("rule", folder.name)).upper(),
        folder=folder,
        symptom=str(spec.get("symptom", "")),
        bad=sides["bad"],
        fixed=sides["fixed"],
        plots=list(spec.get("plot", [])),
    )


def _side(path: Path, side: str, table: Any) -> Side:
    """One side's checks and key numbers, every expression parsed and refused here if not allowed:
    a bad symptom.toml stops the run before any program runs."""
    checks = table.get("checks", []) if isinstance(table, dict) else None
    keys = table.get("key", {}) if isinstance(table, dict) else None
    if not isinstance(checks, list) or not isinstance(keys, dict):
        raise FixtureError(f"{path}: [{side}] must be a table with a `checks` list and a `key` table")
    for what, expr in [("check", c) for c in checks] + [(f"key {k!r}", v) for k, v in keys.items()]:
        try:
            parse_check(expr)
        except CheckError as exc:
            raise FixtureError(f"{path}: [{side}] {what} {expr!r} is refused: {exc}") from None
    return Side(list(checks), {str(k): v for k, v in keys.items()})


# ---------------------------------------------------------------- evaluating checks over RESULT
def _mean(values):
    values = list(values)
    return sum(values) / len(values) if values else float("nan")


def _sum(values, start=0):
    if not isinstance(start, (int, float)):  # sum(lists, []) would flatten a repetition into gigabytes
        raise TypeError("sum() adds numbers only")
    return sum(values, start)


HELPERS = {"abs": abs, "min": min, "max": max, "len": len, "sum": _sum, "all": all, "any": any,
           "mean": _mean, "round": round, "isclose": math.isclose}

# A check is data, not code: `--fixtures DIR` may point at anyone's folder, and Python's eval (even
# without builtins) reaches os.system through `().__class__.__base__.__subclasses__()`. So a check is
# parsed and walked over this whitelist; everything else (attributes, lambdas, comprehensions, calls
# of anything but HELPERS, walrus, f-strings, starred arguments) is refused before any program runs.
_BINOPS = {ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul, ast.Div: operator.truediv,
           ast.FloorDiv: operator.floordiv, ast.Mod: operator.mod, ast.Pow: operator.pow}
_UNARY = {ast.USub: operator.neg, ast.UAdd: operator.pos, ast.Not: operator.not_}
_COMPARE = {ast.Eq: operator.eq, ast.NotEq: operator.ne, ast.Lt: operator.lt, ast.LtE: operator.le,
            ast.Gt: operator.gt, ast.GtE: operator.ge, ast.In: lambda a, b: a in b,
            ast.NotIn: lambda a, b: a not in b, ast.Is: operator.is_, ast.IsNot: operator.is_not}
_CONSTANTS = (int, float, str, bool, type(None))
_ALLOWED = (ast.Expression, ast.Constant, ast.Name, ast.Load, ast.BinOp, ast.UnaryOp, ast.BoolOp, ast.And,
            ast.Or, ast.Compare, ast.Call, ast.keyword, ast.Subscript, ast.Slice, ast.Tuple, ast.List,
            ast.IfExp, *_BINOPS, *_UNARY, *_COMPARE)
MAX_CHECK_CHARS = 1000
MAX_DEPTH = 50
MAX_INT_BITS = 10_000  # 9**9**9 would take minutes and gigabytes; measurements never need this
MAX_ITEMS = 1_000_000  # the longest string or list `*` may build


class CheckError(FixtureError):
    """A check expression that is not allowed (refused before it is evaluated)."""


def parse_check(expr: str) -> ast.Expression:
    """The checked syntax tree of one check; CheckError saying what is not allowed."""
    if not isinstance(expr, str):
        raise CheckError(f"a check must be a string, not {type(expr).__name__}")
    if len(expr) > MAX_CHECK_CHARS:
        raise CheckError(f"longer than {MAX_CHECK_CHARS} characters")
    try:
        tree = ast.parse(expr.strip(), mode="eval")
    except (SyntaxError, ValueError, RecursionError, MemoryError) as exc:
        raise CheckError(f"not an expression ({type(exc).__name__}: {getattr(exc, 'msg', exc)})") from None
    _check_node(tree, 0)
    return tree


def _check_node(node: ast.AST, depth: int) -> None:
    if depth > MAX_DEPTH:
        raise CheckError(f"nested more than {MAX_DEPTH} levels deep")
    if not isinstance(node, _ALLOWED):
        raise CheckError(f"{type(node).__name__} is not allowed: a check may use numbers, strings, "
                         f"measurement names, arithmetic, comparisons, and/or/not, indexing, x if c else y "
                         f"and the functions {', '.join(HELPERS)}")
    if isinstance(node, ast.Constant) and not isinstance(node.value, _CONSTANTS):
        raise CheckError(f"the constant {node.value!r} is not allowed")
    if isinstance(node, ast.Call) and not (isinstance(node.func, ast.Name) and node.func.id in HELPERS):
        raise CheckError(f"only {', '.join(HELPERS)} may be called, not {ast.unparse(node.func)}")
    if isinstance(node, ast.keyword) and node.arg is None:
        raise CheckError("**arguments are not allowed")
    for child in ast.iter_child_nodes(node):
        if isinstance(node, ast.Call) and child is node.func:
            continue
        _check_node(child, depth + 1)


def evaluate(expr: str, result: dict[str, Any]) -> Any:
    """The value of one check or key expression over a program's RESULT (CheckError when the
    expression is not allowed; the usual exceptions, e.g. NameError for a missing measurement, when
    it fails)."""
    return _eval(parse_check(expr).body, result)


def _eval(node: ast.AST, result: dict[str, Any]) -> Any:
    if isinstance(node, ast.Constant):
        return node.value
    if isinstance(node, ast.Name):
        if node.id not in result:
            raise NameError(f"name {node.id!r} is not defined")
        return result[node.id]
    if isinstance(node, ast.BinOp):
        return _binop(type(node.op), _eval(node.left, result), _eval(node.right, result))
    if isinstance(node, ast.UnaryOp):
        return _UNARY[type(node.op)](_eval(node.operand, result))
    if isinstance(node, ast.BoolOp):
        value = None
        for operand in node.values:  # Python's short-circuit: the deciding operand is the value
            value = _eval(operand, result)
            if bool(value) == isinstance(node.op, ast.Or):
                return value
        return value
    if isinstance(node, ast.Compare):
        left = _eval(node.left, result)
        for op, right_node in zip(node.ops, node.comparators):
            right = _eval(right_node, result)
            if not _COMPARE[type(op)](left, right):
                return False
            left = right
        return True
    if isinstance(node, ast.Call):
        args = [_eval(a, result) for a in node.args]
        kwargs = {k.arg: _eval(k.value, result) for k in node.keywords}
        return HELPERS[node.func.id](*args, **kwargs)
    if isinstance(node, ast.Subscript):
        return _eval(node.value, result)[_eval(node.slice, result)]
    if isinstance(node, ast.Slice):
        return slice(*(None if n is None else _eval(n, result) for n in (node.lower, node.upper, node.step)))
    if isinstance(node, ast.Tuple):
        return tuple(_eval(e, result) for e in node.elts)
    if isinstance(node, ast.List):
        return [_eval(e, result) for e in node.elts]
    if isinstance(node, ast.IfExp):
        return _eval(node.body if _eval(node.test, result) else node.orelse, result)
    raise CheckError(f"{type(node).__name__} is not allowed")  # parse_check refused it already


def _binop(op: type, left: Any, right: Any) -> Any:
    if op is ast.Pow and isinstance(left, int) and isinstance(right, int) and right > 0:
        if abs(left) > 1 and right * abs(left).bit_length() > MAX_INT_BITS:
            raise OverflowError(f"{left} ** {right} is too large")
    if op is ast.Mult:
        for seq, count in ((left, right), (right, left)):
            if isinstance(seq, (str, list, tuple)) and isinstance(count, int):
                if len(seq) * count > MAX_ITEMS:
                    raise OverflowError(f"a sequence of {len(seq) * count} items is too long")
                if not isinstance(seq, str) and any(isinstance(item, (list, tuple, dict)) for item in seq):
                    # [[0] * 10**6] * 10**6 is small, but comparing two of them takes days
                    raise TypeError("only a flat list or tuple may be repeated")
    if op is ast.Mod and isinstance(left, str):
        raise TypeError("string formatting with % is not allowed")  # '%*d' % (10**9, 1) is a gigabyte
    return _BINOPS[op](left, right)


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
    """Environment for the TensorFlow worker: quiet, CPU-only, single-threaded, deterministic, and
    without PYTHON* variables (PYTHONPATH, PYTHONSTARTUP, ...) as under `python -I`."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
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
