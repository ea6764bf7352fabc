"""What the interpreter's parts share: the frame of a running function, a literal's value, and the
small readings of classes, returns and tensors the statement, expression, call and model-building
code each need (regr_lint.model.interpreter and its mixins)."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from regr_lint.lazy import cst

from regr_lint.model.values import (
    UNKNOWN, ClassV, Func, Instance, Lit, Map, ModelRef, OneOf, Obj, Ref, Seq, Tensor, Value,
)


BAD_LITERAL = object()
_LITERALS: dict = {}


def literal_of(node) -> object:
    """The value of a string or number literal; `BAD_LITERAL` when it has none. libcst computes it with
    ast.literal_eval (a compile per call); the same few literals recur thousands of times in a run
    (`"relu"`, `1`, `"same"`), so each text is evaluated once per process."""
    key = (type(node), node.value)
    found = _LITERALS.get(key, _LITERALS)
    if found is _LITERALS:
        try:
            found = node.evaluated_value
        except Exception:  # noqa: BLE001 - odd escapes in user strings
            found = BAD_LITERAL
        if len(_LITERALS) > 65536:
            _LITERALS.clear()
        _LITERALS[key] = found
    return found


@dataclass
class Frame:
    returns: list = field(default_factory=list)
    function: Optional[cst.Name] = None  # the name of the function whose body runs
    # The parameters of that function when it runs with a call's arguments (empty at a top level,
    # or when it runs on its own), those its body has bound again so far, and the loops of its
    # body running: see `_option`.
    params: frozenset = frozenset()
    rebound: set = field(default_factory=set)
    loops: int = 0
    # > 0 while an arm runs that the call's arguments do not decide (an `if` of unknown test, a
    # `try`, a `match`): a `return` there may not be taken
    uncertain: int = 0
    # a `return` ran on the path the arguments decide: the rest of the body is dead for this run
    returned: bool = False
    # locals of that run bound to a literal on the path the arguments decide (outside loops and
    # undecided arms), as they stand: `as_classes = mode == "classification"` then `if as_classes:`
    settled: dict = field(default_factory=dict)


def same_value(a: Value, b: Value) -> bool:
    if a is b:
        return True
    if isinstance(a, Lit) and isinstance(b, Lit):
        return a.value == b.value and type(a.value) is type(b.value)
    if isinstance(a, (Ref, Obj)) and isinstance(b, type(a)):
        return a.qualname == b.qualname and a.node is b.node
    if isinstance(a, Seq) and isinstance(b, Seq):
        return len(a.items) == len(b.items) and all(same_value(x, y) for x, y in zip(a.items, b.items))
    if isinstance(a, Func) and isinstance(b, Func):
        return a.fdef is b.fdef
    return False


def find_method(cls: ClassV, name: str) -> Optional[Func]:
    if cls.instance is not None:
        found = cls.instance.attrs.get("__method__" + name)
        if isinstance(found, Func):
            return found
    for base in cls.bases:
        if isinstance(base, ClassV):
            found = find_method(base, name)
            if found is not None:
                return found
    return None


def tensors_in(value: Value) -> list:
    if isinstance(value, Tensor):
        return [value]
    if isinstance(value, Seq):
        return [v if isinstance(v, Tensor) else UNKNOWN for v in value.items]
    if isinstance(value, Map):
        return [v if isinstance(v, Tensor) else UNKNOWN for v in value.items.values()]
    return []


def merge_returns(returns: list) -> Value:
    values = [r for r in returns if not (isinstance(r, Lit) and r.value is None)]
    if not values:
        return Lit(None) if returns else UNKNOWN
    first = values[0]
    if all(v is first for v in values):
        return first
    if all(isinstance(v, ModelRef) for v in values) and len({id(v.model) for v in values}) == 1:
        return first
    if len(values) == 1:
        return first
    known = [v for v in values if v is not UNKNOWN]
    if len(values) <= MAX_ALTERNATIVES and known and (all(type(v) is Instance for v in known) or all(
            type(v) is ModelRef for v in known)):
        # a dispatch returning one of several objects of the project, or one of several models (some
        # maybe not known: what a method does on the known ones happens in the runs that pick them)
        options = tuple({id(getattr(v, "model", v)): v for v in known}.values())
        return OneOf(options + ((UNKNOWN,) if len(known) < len(values) else ()))
    return UNKNOWN


# How many objects a dispatch may return for a method called on what it returns to run on each (a
# benchmark script's `create_classifier(name)` picks one of ten).
MAX_ALTERNATIVES = 12


# libcst's comparison operators by class name (names, not classes: this module is imported by runs
# that never load libcst, see regr_lint/lazy.py)
_COMPARISONS = {"GreaterThan": lambda a, b: a > b, "LessThan": lambda a, b: a < b,
                "GreaterThanEqual": lambda a, b: a >= b, "LessThanEqual": lambda a, b: a <= b,
                "Equal": lambda a, b: a == b, "NotEqual": lambda a, b: a != b}


def compared(left: object, operator: type, right: object) -> Optional[bool]:
    """`left <op> right` for two numbers (bools excepted), or two strings compared for equality;
    None when that is not known."""
    name = operator.__name__
    numbers = all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in (left, right))
    strings = isinstance(left, str) and isinstance(right, str) and name in ("Equal", "NotEqual")
    if right is BAD_LITERAL or not (numbers or strings) or name not in _COMPARISONS:
        return None
    return _COMPARISONS[name](left, right)


_SCALARS = (str, int, float, type(None))


def contained(item: object, members: object) -> Optional[bool]:
    """`item in members` for a scalar literal and what `members_of` / `written_members` give (a
    string: a substring; a tuple of literals: one of them); None when that is not known."""
    if members is None or item is BAD_LITERAL or not isinstance(item, _SCALARS):
        return None
    if isinstance(members, str):
        return item in members if isinstance(item, str) else None
    return item in members


def members_of(value: Value, node=None) -> object:
    """What `in` looks through in a known value: a string; the items of a list or tuple of scalar
    literals; the keys of a dict written right there (`node`, the expression read: a dict passed
    along may have lost keys by `del` / `pop`, which are not followed). None otherwise."""
    if type(value) is Lit:
        return value.value if isinstance(value.value, str) else None
    if type(value) is Seq and all(type(v) is Lit and isinstance(v.value, _SCALARS) for v in value.items):
        return tuple(v.value for v in value.items)
    if type(value) is Map and value.any is None and node is not None and value.node is node:
        return tuple(value.items)
    return None


def written_members(node) -> object:
    """`members_of` for an expression written of literals: `"RT"`, `("a", "b")`, `["a", "b"]`,
    `{"a", "b"}`, `{"a": 1}`'s keys; None for anything else."""
    if type(node) in (cst.SimpleString, cst.Integer, cst.Float):
        found = literal_of(node)
        return found if isinstance(found, str) else None
    if type(node) is cst.Dict:
        keys = [e.key for e in node.elements if type(e) is cst.DictElement]
        if len(keys) != len(node.elements):
            return None
    elif type(node) in (cst.List, cst.Tuple, cst.Set):
        keys = [e.value for e in node.elements if type(e) is cst.Element]
        if len(keys) != len(node.elements):
            return None
    else:
        return None
    found = tuple(literal_of(k) if type(k) in (cst.SimpleString, cst.Integer, cst.Float) else BAD_LITERAL
                  for k in keys)
    return None if BAD_LITERAL in found else found
