"""Classes of another module that train what their constructor was handed: a Flower client, a
`Runner(model, x, y)`, an experiment object. The script constructs one with its own data and the
framework (or a method the script calls) runs `self.model.fit(self.x, self.y)` out of its sight:
which of the script's expressions those attributes hold is read from the class's source alone."""
from __future__ import annotations

from typing import Iterator, Optional

from regr_lint.lazy import cst

from regr_lint.knowledge import tables
from regr_lint.model.values import ClassV

def self_attribute(node) -> Optional[str]:
    """"self.x" for `self.x`, else None: the key a stored parameter is known by in a lift's sites."""
    if type(node) is cst.Attribute and type(node.value) is cst.Name and node.value.value == "self":
        return f"self.{node.attr.value}"
    return None


def _class_defs(cls: ClassV, depth: int = 0) -> Iterator[cst.ClassDef]:
    yield cls.cdef
    for base in cls.bases:
        if isinstance(base, ClassV) and depth < 8:
            yield from _class_defs(base, depth + 1)


def _bindings(root, skip: frozenset = frozenset()) -> Iterator:
    """Every target a statement under `root` binds, taken apart (`a, (b, *c) = ...` gives a, b, c),
    the AssignTargets whose ids are in `skip` left out; None for a `global` / `nonlocal` / `del`,
    after which nothing a name holds is known."""
    stack = [root]
    while stack:
        node = stack.pop()
        kind = type(node)
        pending: list = []
        if kind is cst.AssignTarget and id(node) not in skip:
            pending = [node.target]
        elif kind in (cst.AugAssign, cst.AnnAssign, cst.For, cst.CompFor, cst.NamedExpr):
            pending = [node.target]
        elif kind is cst.AsName:
            pending = [node.name]
        elif kind in (cst.Global, cst.Nonlocal, cst.Del):
            yield None
        while pending:
            t = pending.pop()
            if type(t) in (cst.Tuple, cst.List):
                pending.extend(e.value for e in t.elements)
            elif type(t) is cst.StarredElement:
                pending.append(t.value)
            else:
                yield t
        stack.extend(node.children)


def rebound(fdef: cst.FunctionDef, names: set, skip: frozenset = frozenset()) -> bool:
    """Whether the body of `fdef` assigns any of `names` (then a parameter is not the caller's value),
    the assignments `skip` (ids of AssignTargets) left out."""
    return any(t is None or type(t) is cst.Name and t.value in names for t in _bindings(fdef.body, skip))


def _writes(cdefs: list) -> dict:
    """{attribute: how many statements of these classes' methods write `self.<attribute>`} (an
    assignment, an augmented one, an item or a slice of it set, a `for` or `with` binding it)."""
    counts: dict = {}
    for cdef in cdefs:
        for t in _bindings(cdef.body):
            while type(t) is cst.Subscript:
                t = t.value  # `self.y[:] = ...`: the array it holds changes
            key = self_attribute(t)
            if key is not None:
                counts[key] = counts.get(key, 0) + 1
    return counts


def stored_parameters(cls: ClassV, init: cst.FunctionDef, cache: dict) -> dict:
    """{"self.x": "x"} for each attribute the `__init__` sets, in a statement of its own at its top,
    to one of its parameters (`self.x = x`, `self.x, self.y = x, y`), which nothing else in the
    class (or its bases) writes and the `__init__` never rebinds first: what the attribute holds is
    what the construction passed. `cache`: the interpreter's, by class and `__init__`."""
    key = (id(cls.cdef), id(init))
    if key in cache:
        return cache[key]
    params = {p.name.value for p in (*init.params.posonly_params, *init.params.params, *init.params.kwonly_params)}
    pairs: list = []
    for stmt in init.body.body if type(init.body) is cst.IndentedBlock else ():
        if type(stmt) is not cst.SimpleStatementLine:
            continue
        for small in stmt.body:
            if type(small) is not cst.Assign or len(small.targets) != 1:
                continue
            target, value = small.targets[0].target, small.value
            if type(target) is cst.Tuple and type(value) is cst.Tuple and len(target.elements) == len(value.elements):
                pairs.extend((t.value, v.value) for t, v in zip(target.elements, value.elements))
            else:
                pairs.append((target, value))
    stored = {}
    for target, value in pairs:
        attr = self_attribute(target)
        if attr is not None and type(value) is cst.Name and value.value in params:
            stored[attr] = value.value
    if stored:
        writes = _writes(list(_class_defs(cls)))
        changed = {p for p in set(stored.values()) if rebound(init, {p})}
        stored = {a: p for a, p in stored.items() if writes.get(a) == 1 and p not in changed}
    cache[key] = stored
    return stored


def trains_on(fdef: cst.FunctionDef, attrs) -> bool:
    """Whether the method calls a training method (`fit`, `train_on_batch`) and reads one of
    `attrs` (`self.x`): worth running for the construction that stored them."""
    found_call = found_attr = False
    stack = [fdef.body]
    while stack and not (found_call and found_attr):
        node = stack.pop()
        if type(node) is cst.Call and type(node.func) is cst.Attribute \
                and node.func.attr.value in tables.TRAIN_METHODS and not node.func.attr.value.endswith("_generator"):
            found_call = True
        elif type(node) is cst.Attribute and self_attribute(node) in attrs:
            found_attr = True
        stack.extend(node.children)
    return found_call and found_attr
