"""What a version test (`int(keras.__version__.split(".")[0]) > 1`, `tf.version.VERSION < "2.1"`)
comes to where Keras 3 runs: which branch of it Keras 3 takes, when the test tells.

A test is worked out once for each Keras 3 release below and each TensorFlow release that runs
beside one; it tells only when they all agree. A value the file computes some other way, a module
of another library, a name bound twice: not known, and a test holding one does not tell.
"""
from __future__ import annotations

from typing import Optional

from regr_lint.lazy import cst
from regr_lint.model.names import dotted_name

# (keras.__version__, tf.__version__): Keras 3 releases early and late, beside the TensorFlow
# releases whose tf.keras is Keras 3 (2.16 on) and 2.15, which standalone Keras 3 can sit beside.
# Measured: TensorFlow 2.21.0 gives tf.__version__ == tf.version.VERSION == "2.21.0" and
# tf.keras.__version__ == keras.__version__ == "3.15.1".
ENVIRONMENTS = tuple((k, t) for k in ("3.0.0", "3.3.3", "3.8.0", "3.10.0", "3.15.1")
                     for t in ("2.15.1", "2.16.1", "2.18.0", "2.21.0"))

# what a module path's version is, by the environment's slot: Keras' (0) or TensorFlow's (1)
_SLOTS = {"keras": 0, "tensorflow.keras": 0, "tensorflow": 1}

# the parsers whose results compare as versions (`version.parse`, `LooseVersion`, …)
_PARSERS = frozenset({"parse", "Version", "LooseVersion", "StrictVersion", "parse_version"})


class _Unknown(Exception):
    pass


class _Ver(tuple):
    """A parsed version: its leading numbers, trailing zeros dropped (`Version("2.1.0") == "2.1"`)."""


def _parsed(text) -> _Ver:
    if not isinstance(text, str):
        raise _Unknown
    numbers = []
    for part in text.split("."):
        digits = ""
        for ch in part:
            if not ch.isdigit():
                break
            digits += ch
        if not digits:
            break
        numbers.append(int(digits))
        if len(digits) < len(part):
            break  # `0rc1`: what follows is a pre-release tag
    while numbers and numbers[-1] == 0:
        numbers.pop()
    return _Ver(numbers)


def import_paths(module) -> dict:
    """The names the module's imports bind (anywhere in it), each to the dotted path it stands for
    (`import tensorflow as tf` -> {"tf": "tensorflow"}, `from tensorflow import keras` -> {"keras":
    "tensorflow.keras"}); a name bound to modules of different versions (Keras' and TensorFlow's) is
    left out."""
    from regr_lint.model.compat import statements

    paths: dict = {}
    for stmt in statements(module):
        if type(stmt) is not cst.SimpleStatementLine:
            continue
        for small in stmt.body:
            for name, path in _bound_paths(small):
                if name in paths and _SLOTS.get(paths[name]) != _SLOTS.get(path):
                    path = None
                paths[name] = path
    return {k: v for k, v in paths.items() if v is not None}


def _bound_paths(small) -> list:
    out = []
    if type(small) is cst.Import:
        for alias in small.names:
            path = dotted_name(alias.name)
            if path is None:
                continue
            if alias.asname is not None and type(alias.asname.name) is cst.Name:
                out.append((alias.asname.name.value, path))
            else:
                out.append((path.split(".")[0], path.split(".")[0]))
    elif type(small) is cst.ImportFrom and small.module is not None and not small.relative \
            and type(small.names) is not cst.ImportStar:
        base = dotted_name(small.module)
        for alias in small.names if base else ():
            if type(alias.name) is cst.Name:
                name = alias.asname.name.value if alias.asname is not None and type(alias.asname.name) is cst.Name \
                    else alias.name.value
                out.append((name, f"{base}.{alias.name.value}"))
    return out


def version_slot(node, paths: dict) -> Optional[int]:
    """Which version `node` reads, when it is one: `keras.__version__` / `tf.keras.__version__` (0),
    `tf.__version__` / `tf.version.VERSION` (1); None for anything else."""
    if type(node) is not cst.Attribute:
        return None
    if node.attr.value == "__version__":
        owner = node.value
    elif node.attr.value == "VERSION" and type(node.value) is cst.Attribute and node.value.attr.value == "version":
        owner = node.value.value  # TensorFlow's public constant, the same string as tf.__version__
        if _SLOTS.get(_path(owner, paths)) != 1:
            return None
    else:
        return None
    return _SLOTS.get(_path(owner, paths))


def module_slot(path: Optional[str]) -> Optional[int]:
    """Which version a module's `__version__` is (see version_slot), by its dotted path."""
    return _SLOTS.get(path)


def _path(node, paths: dict) -> Optional[str]:
    dotted = dotted_name(node)
    if dotted is None:
        return None
    head, _, rest = dotted.partition(".")
    return paths[head] + ("." + rest if rest else "") if head in paths else None


def values(node, paths: dict, known: dict) -> Optional[tuple]:
    """What `node` comes to in each of ENVIRONMENTS (a tuple of them), or None when it is not known
    in one of them. `known` holds the names already worked out (name -> such a tuple, or None)."""
    out = []
    for env in ENVIRONMENTS:
        try:
            value = _value(node, env, paths, known, 0)
        except (_Unknown, TypeError, ValueError, IndexError, AttributeError, RecursionError):
            return None
        out.append(value)
    return tuple(out)


def keras3_branch(test, paths: dict, known: dict) -> Optional[bool]:
    """The truth of `test` where Keras 3 runs (True: its body runs there), when every environment
    agrees; None when it cannot be told."""
    found = values(test, paths, known)
    if found is None:
        return None
    truths = {bool(v) for v in found}
    return truths.pop() if len(truths) == 1 else None


def _value(node, env: tuple, paths: dict, known: dict, depth: int):
    if depth > 30:
        raise _Unknown
    kind = type(node)
    nested = lambda n: _value(n, env, paths, known, depth + 1)  # noqa: E731
    if kind is cst.Integer or kind is cst.Float or kind is cst.SimpleString:
        return node.evaluated_value
    if kind is cst.Name:
        if node.value in ("True", "False", "None"):
            return {"True": True, "False": False, "None": None}[node.value]
        return _known(node.value, env, known)
    if kind is cst.Attribute:
        slot = version_slot(node, paths)
        if slot is not None:
            return env[slot]
        dotted = dotted_name(node)
        if dotted is not None and dotted in known:
            return _known(dotted, env, known)  # `self.legacy_api`, `compat.NEW_KERAS`
        raise _Unknown
    if kind in (cst.Tuple, cst.List):
        if any(type(e) is cst.StarredElement for e in node.elements):
            raise _Unknown
        return tuple(nested(e.value) for e in node.elements)
    if kind is cst.Subscript:
        return _subscript(nested(node.value), node.slice, nested)
    if kind is cst.Comparison:
        return _compare(node, nested)
    if kind is cst.BooleanOperation:
        left = nested(node.left)
        if type(node.operator) is cst.And:
            return nested(node.right) if left else left
        return left if left else nested(node.right)
    if kind is cst.UnaryOperation:
        operand = nested(node.expression)
        if type(node.operator) is cst.Not:
            return not operand
        if type(node.operator) is cst.Minus and type(operand) in (int, float):
            return -operand
        raise _Unknown
    if kind is cst.Call:
        return _call(node, nested)
    raise _Unknown


def _known(name: str, env: tuple, known: dict):
    found = known.get(name)
    if found is None:
        raise _Unknown
    return found[ENVIRONMENTS.index(env)]


def _subscript(value, slices, nested):
    if len(slices) != 1 or not isinstance(value, (str, tuple)):
        raise _Unknown
    part = slices[0].slice
    if type(part) is cst.Index:
        index = nested(part.value)
        if type(index) is not int:
            raise _Unknown
        return value[index]
    if type(part) is cst.Slice and part.step is None:
        bounds = [None if b is None else nested(b) for b in (part.lower, part.upper)]
        if any(b is not None and type(b) is not int for b in bounds):
            raise _Unknown
        return value[bounds[0]:bounds[1]]
    raise _Unknown


# by the operator node's class name: naming libcst's classes here would load libcst with the module
# (a warm run, answered from the cache, never loads it: tests/test_cache_jobs.py)
_COMPARE = {
    "LessThan": lambda a, b: a < b, "LessThanEqual": lambda a, b: a <= b,
    "GreaterThan": lambda a, b: a > b, "GreaterThanEqual": lambda a, b: a >= b,
    "Equal": lambda a, b: a == b, "NotEqual": lambda a, b: a != b,
    "In": lambda a, b: a in b, "NotIn": lambda a, b: a not in b,
}


def _compare(node, nested):
    left = nested(node.left)
    for target in node.comparisons:
        right = nested(target.comparator)
        op = _COMPARE.get(type(target.operator).__name__)
        if op is None:
            raise _Unknown
        a, b = left, right
        if isinstance(a, _Ver) and isinstance(b, str):
            b = _parsed(b)  # `LooseVersion(keras.__version__) < "2.1"`
        elif isinstance(b, _Ver) and isinstance(a, str):
            a = _parsed(a)
        if isinstance(a, _Ver) != isinstance(b, _Ver) and type(target.operator) not in (cst.In, cst.NotIn):
            raise _Unknown
        if not op(a, b):
            return False
        left = right
    return True


def _call(node, nested):
    if any(a.star for a in node.args):
        raise _Unknown
    pos = [a.value for a in node.args if a.keyword is None]
    kw = {a.keyword.value: a.value for a in node.args if a.keyword is not None}
    func = node.func
    name = func.value if type(func) is cst.Name else func.attr.value if type(func) is cst.Attribute else None
    if type(func) is cst.Name and not kw and len(pos) == 1 and name in ("int", "float", "str", "tuple", "list"):
        value = nested(pos[0])
        return tuple(value) if name in ("tuple", "list") else {"int": int, "float": float, "str": str}[name](value)
    if type(func) is cst.Name and name == "map" and not kw and len(pos) == 2 and type(pos[0]) is cst.Name \
            and pos[0].value in ("int", "float"):
        convert = int if pos[0].value == "int" else float
        return tuple(convert(v) for v in nested(pos[1]))
    if name in _PARSERS and not kw and len(pos) == 1:
        return _parsed(nested(pos[0]))
    if type(func) is cst.Attribute and name in ("split", "startswith", "endswith", "strip") and not kw:
        text = nested(func.value)
        if not isinstance(text, str):
            raise _Unknown
        args = [nested(p) for p in pos]
        if name == "split":
            return tuple(text.split(*args))
        return getattr(text, name)(*args)
    raise _Unknown
