"""Which functions of a file are Keras losses or metrics, and what their bodies compute.

`loss_functions(facts)` gives the function definitions (and lambdas) the file hands to Keras as a
loss or a metric: passed to `compile(loss=…, metrics=…, weighted_metrics=…)`, named in
`custom_objects`, registered with `get_custom_objects()` or `register_keras_serializable`, or wrapped
in `MeanMetricWrapper` / `LossFunctionWrapper`; `call` of a `keras.losses.Loss` subclass given to
`compile`. `per_sample_sqrts(fn, facts)` finds the `sqrt(mean(square(y_pred - y_true), axis=-1))`
inside one of them, following its local variables.
"""
from __future__ import annotations

from typing import Iterable, Optional, Union

from regr_lint.lazy import cst

from regr_lint.knowledge.tables import TRANSFORMING_OPS
from regr_lint.model.model import KerasFacts
from regr_lint.model.names import canonical
from regr_lint.model.names import dotted_name
from regr_lint.model.values import BoundMethod, Func, Instance, Lambda, Map, OneOf, Seq, Value

FunctionNode = Union["cst.FunctionDef", "cst.Lambda"]

# Where array maths lives: a `sqrt` / `mean` / `square` from anywhere else is not one of these.
ARRAY_ROOTS = frozenset({"keras", "tensorflow", "numpy", "jax", "torch"})
SQRT = frozenset({"sqrt"})
MEAN = frozenset({"mean", "reduce_mean", "nanmean"})
SUM = frozenset({"sum", "reduce_sum", "nansum"})
SQUARE = frozenset({"square"})
POWER = frozenset({"pow", "power"})
SQUARED_DIFFERENCE = frozenset({"squared_difference"})
REGISTRARS = frozenset({"custom_object_scope", "CustomObjectScope"})
WRAPPERS = frozenset({"MeanMetricWrapper", "LossFunctionWrapper"})
MAX_DEPTH = 8


# ---------------------------------------------------------------- which functions are losses
def loss_functions(facts: KerasFacts) -> list[FunctionNode]:
    key = "loss_functions"
    if key not in facts._cache:
        facts._cache[key] = _collect(facts)
    return facts._cache[key]


def _delegate(func: Func) -> Optional[Func]:
    """The function `func` hands its two arguments to and returns what it gives (`return rmse(y_true,
    y_pred)` in a loss class's `call`), or that times or over a constant (`rmse(t, p) / self.scale`,
    an nRMSE: a per-sample root scaled stays per sample): a loss or metric too. None otherwise."""
    body = func.fdef.body
    stmts = body.body if isinstance(body, cst.IndentedBlock) else [body]
    smalls = [small for stmt in stmts if isinstance(stmt, (cst.SimpleStatementLine, cst.SimpleStatementSuite))
              for small in stmt.body]
    returns = [small for small in smalls if isinstance(small, cst.Return)]
    if len(returns) != 1 or len(stmts) > 2:
        return None
    params = [p.name.value for p in (*func.fdef.params.posonly_params, *func.fdef.params.params)]
    params = params[1:] if params and params[0] == "self" else params
    call = _scaled_call(returns[0].value, set(params), {n for s in smalls for n in _assigned(s)})
    if call is None:
        return None
    given = [a.value.value for a in call.args if a.keyword is None and isinstance(a.value, cst.Name)]
    if not isinstance(call.func, cst.Name) or len(params) < 2 or given[:2] != params[:2]:
        return None
    handed = func.scope.lookup(call.func.value) if func.scope is not None else None
    return handed if isinstance(handed, Func) and handed is not func else None


def _scaled_call(node, params: set, assigned: set) -> Optional[cst.Call]:
    """The call `node` is, or the call a constant multiplies or divides (`rmse(t, p) / self.scale`,
    `100 * rmse(t, p)`); the constant a number, or a name or attribute computed from none of
    `params` (nor a local, `assigned`, which may be)."""
    if isinstance(node, cst.Call):
        return node
    if not isinstance(node, cst.BinaryOperation) or not isinstance(node.operator, (cst.Multiply, cst.Divide)):
        return None
    sides = [(node.left, node.right)]
    if isinstance(node.operator, cst.Multiply):
        sides.append((node.right, node.left))
    for inner, factor in sides:
        if _scalar(factor, params | assigned):
            found = _scaled_call(inner, params, assigned)  # (`100 * rmse(t, p) / self.scale`)
            if found is not None:
                return found
    return None


def _scalar(node, excluded: set) -> bool:
    if isinstance(node, (cst.Integer, cst.Float)):
        return True
    root = node
    while isinstance(root, cst.Attribute):
        root = root.value
    return isinstance(root, cst.Name) and root.value not in excluded


def _assigned(small) -> list[str]:
    if isinstance(small, (cst.Assign, cst.AnnAssign, cst.AugAssign)):
        targets = [t.target for t in small.targets] if isinstance(small, cst.Assign) else [small.target]
        return [t.value for t in targets if isinstance(t, cst.Name)]
    return []


def _collect(facts: KerasFacts) -> list[FunctionNode]:
    found: dict[int, FunctionNode] = {}

    origins = facts._cache.setdefault("loss_origins", {})

    def take(value: Value, depth: int = 0) -> None:
        if isinstance(value, Func):
            found.setdefault(id(value.fdef), value.fdef)
            origin = getattr(value.scope, "origin", None)
            if origin is not None:  # defined in a project module: its names are that module's
                origins[id(value.fdef)] = origin
            handed = _delegate(value)
            if handed is not None and depth < 3:
                take(handed, depth + 1)  # `def call(self, y_true, y_pred): return rmse(y_true, y_pred)`
        elif isinstance(value, OneOf):
            for option in value.options:  # `LOSSES[cfg["loss"]]`: each candidate is trained with in some run
                take(option, depth)
        elif isinstance(value, BoundMethod):
            take(value.func, depth)  # `metrics=[scores.nrmse]`: the method, `self` bound
        elif isinstance(value, Lambda):
            found.setdefault(id(value.node), value.node)
            if value.origin is not None:  # `rmse = lambda …` in metrics.py: its names are that module's
                origins[id(value.node)] = value.origin
        elif isinstance(value, Seq):
            for item in value.items:
                take(item)
        elif isinstance(value, Map):
            for item in value.items.values():
                take(item)
        elif isinstance(value, Instance) and _is_loss_class(value):
            method = value.attrs.get("__method__call")
            if isinstance(method, Func):
                take(method)  # (a class of a project module: its `call` reads that module's names)

    for model in facts.models:
        for comp in model.compiles:
            take(comp.loss)
            take(comp.metrics)
            take(comp.weighted_metrics)
    defs = _module_functions(facts.module)
    top: Optional[dict] = None

    def take_mapping(value: Value, arg) -> None:
        nonlocal top
        take(value)
        if arg is not None and not isinstance(value, Map):
            # `custom_objects={f.__name__: f for f in fns}`: a dict the interpreter leaves unknown
            top = _top_values(facts.module) if top is None else top
            node = arg.value
            if isinstance(node, cst.Name):
                node = top.get(node.value, node)  # `CUSTOM = {…}` at the top level
            for name in _dict_value_names(node, top):
                for fdef in defs.get(name, ()):
                    found.setdefault(id(fdef), fdef)
                if name not in defs:
                    _imported_function(name)

    def _imported_function(name: str) -> None:
        # `from metrics_lib import rmse`, then registered here: read where it is defined
        for _, _, bound in facts.project_imports:
            if name in bound:
                take(bound[name])

    for call in facts.keras_calls:
        last = call.qualname.rpartition(".")[2]
        if "custom_objects" in call.args.kw:
            take_mapping(*call.args.kw["custom_objects"])
        if last in REGISTRARS:
            take_mapping(*call.args.get("custom_objects", 0))
        if last in WRAPPERS:
            take(call.args.get("fn", 0)[0])
    # Registrations the interpreter does not model: get_custom_objects().update({...}),
    # get_custom_objects()["rmse"] = rmse, @register_keras_serializable.
    # the walk costs as much as a parse: only files that mention the registry pay for it
    registered = _registered_names(facts.module) if (not facts.text or "get_custom_objects" in facts.text) else set()
    for name in registered:
        for fdef in defs.get(name, ()):
            found.setdefault(id(fdef), fdef)
        if name not in defs:
            _imported_function(name)
    for fdefs in defs.values():
        for fdef in fdefs:
            if any(_decorator_name(d.decorator) == "register_keras_serializable" for d in fdef.decorators):
                found.setdefault(id(fdef), fdef)
    return list(found.values())


def _is_loss_class(inst: Instance) -> bool:
    seen = 0
    todo = [inst.cls]
    while todo and seen < 16:
        cls = todo.pop()
        seen += 1
        for base in cls.bases:
            qual = getattr(base, "qualname", "")
            if qual.startswith("keras.losses") and qual.rpartition(".")[2] in ("Loss", "LossFunctionWrapper"):
                return True
            if hasattr(base, "cdef"):
                todo.append(base)
    return False


def _module_functions(module: cst.Module) -> dict[str, list[cst.FunctionDef]]:
    out: dict[str, list[cst.FunctionDef]] = {}
    stack = list(module.body)
    while stack:
        node = stack.pop()
        if isinstance(node, cst.FunctionDef):
            out.setdefault(node.name.value, []).append(node)
        elif isinstance(node, (cst.If, cst.Try, cst.With)):
            stack.extend(node.body.body)
    return out


def _decorator_name(node: cst.BaseExpression) -> Optional[str]:
    if isinstance(node, cst.Call):
        node = node.func
    if isinstance(node, cst.Attribute):
        return node.attr.value
    if isinstance(node, cst.Name):
        return node.value
    return None


def _call_last(node: cst.CSTNode) -> Optional[str]:
    if isinstance(node, cst.Call):
        return _decorator_name(node.func)
    return None


def _registered_names(module: cst.Module) -> set[str]:
    names: set[str] = set()
    stack: list[cst.CSTNode] = [module]
    top: Optional[dict] = None
    while stack:
        node = stack.pop()
        if isinstance(node, cst.Call) and isinstance(node.func, cst.Attribute) \
                and node.func.attr.value in ("update", "setdefault") \
                and _call_last(node.func.value) == "get_custom_objects":
            top = _top_values(module) if top is None else top
            for arg in node.args:
                value = arg.value
                if isinstance(value, cst.Name):
                    # `metrics_dict = dict([(f.__name__, f) for f in all_metrics])` at the top level
                    value = top.get(value.value, value)
                names |= _dict_value_names(value, top)
        elif isinstance(node, cst.Assign) and any(
            isinstance(t.target, cst.Subscript) and _call_last(t.target.value) == "get_custom_objects"
            for t in node.targets
        ) and isinstance(node.value, cst.Name):
            names.add(node.value.value)
        stack.extend(node.children)
    return names


def _top_values(module: cst.Module) -> dict:
    """{name: the value of its one top-level assignment} (names assigned more than once left out)."""
    seen: dict = {}
    for stmt in module.body:
        if isinstance(stmt, cst.SimpleStatementLine):
            for small in stmt.body:
                if isinstance(small, cst.Assign) and len(small.targets) == 1 \
                        and isinstance(small.targets[0].target, cst.Name):
                    name = small.targets[0].target.value
                    seen[name] = None if name in seen else small.value
    return {k: v for k, v in seen.items() if v is not None}


def _listed_names(node: cst.CSTNode, top: dict) -> set[str]:
    """The names a literal list / tuple holds, also through the top-level name bound to one."""
    if isinstance(node, cst.Name) and isinstance(top.get(node.value), (cst.List, cst.Tuple)):
        node = top[node.value]
    if isinstance(node, (cst.List, cst.Tuple)):
        return {e.value.value for e in node.elements if isinstance(e.value, cst.Name)}
    return set()


def _dict_value_names(node: cst.CSTNode, top: Optional[dict] = None) -> set[str]:
    out: set[str] = set()
    if isinstance(node, cst.Call) and _decorator_name(node.func) == "dict" and len(node.args) == 1 \
            and node.args[0].keyword is None and isinstance(node.args[0].value, (cst.ListComp, cst.GeneratorExp)):
        node = node.args[0].value  # `dict([(f.__name__, f) for f in fns])`
        element = node.elt
        if isinstance(element, cst.Tuple) and len(element.elements) == 2 and node.for_in.inner_for_in is None \
                and isinstance(node.for_in.target, cst.Name) and isinstance(element.elements[1].value, cst.Name) \
                and element.elements[1].value.value == node.for_in.target.value:
            return _listed_names(node.for_in.iter, top or {})
        return out
    if isinstance(node, cst.DictComp) and node.for_in.inner_for_in is None and isinstance(node.for_in.target, cst.Name) \
            and isinstance(node.value, cst.Name) and node.value.value == node.for_in.target.value:
        return _listed_names(node.for_in.iter, top or {})  # `{f.__name__: f for f in fns}`
    if isinstance(node, cst.Dict):
        for element in node.elements:
            if isinstance(element, cst.DictElement) and isinstance(element.value, cst.Name):
                out.add(element.value.value)
    elif isinstance(node, cst.Call) and _decorator_name(node.func) == "dict":
        for arg in node.args:
            if arg.keyword is not None and isinstance(arg.value, cst.Name):
                out.add(arg.value.value)
    return out


# ---------------------------------------------------------------- what a loss body computes
class _Body:
    """A function's parameters, local assignments and returned expressions."""

    def __init__(self, fn: FunctionNode):
        params = [p.name.value for p in list(fn.params.posonly_params) + list(fn.params.params)]
        if params and params[0] in ("self", "cls") and isinstance(fn, cst.FunctionDef):
            params = params[1:]
        self.params = set(params[:2]) if len(params) >= 2 else set()
        # the defaults of the parameters after the two Keras passes (`def rmse(y_true, y_pred,
        # axis=-1)`): Keras calls a loss or a metric with those two only
        extra = [p for p in (*fn.params.posonly_params, *fn.params.params) if p.name.value in params[2:]]
        self.defaults = {p.name.value: p.default for p in (*extra, *fn.params.kwonly_params) if p.default is not None}
        self.local: dict[str, list[cst.BaseExpression]] = {}
        self.returns: list[cst.BaseExpression] = []
        if isinstance(fn, cst.Lambda):
            self.returns.append(fn.body)
            return
        # an indented block's lines, or a one-line body's small statements: both walked below
        stack: list[cst.CSTNode] = list(fn.body.body)
        while stack:
            node = stack.pop()
            if isinstance(node, (cst.FunctionDef, cst.ClassDef, cst.Lambda)):
                continue
            if isinstance(node, cst.Assign) and len(node.targets) == 1 \
                    and isinstance(node.targets[0].target, cst.Name):
                self.local.setdefault(node.targets[0].target.value, []).append(node.value)
            elif isinstance(node, cst.AnnAssign) and node.value is not None and isinstance(node.target, cst.Name):
                self.local.setdefault(node.target.value, []).append(node.value)
            elif isinstance(node, cst.Return) and node.value is not None:
                self.returns.append(node.value)
            if isinstance(node, (cst.SimpleStatementLine, cst.BaseCompoundStatement, cst.IndentedBlock,
                                 cst.SimpleStatementSuite, cst.Else, cst.ExceptHandler, cst.Finally)):
                stack.extend(node.children)

    def values(self, node: cst.BaseExpression, depth: int) -> list[tuple[cst.BaseExpression, int]]:
        """The expressions a name stands for (itself when it is not a local)."""
        if isinstance(node, cst.Name) and node.value in self.local and node.value not in self.params \
                and depth < MAX_DEPTH:
            return [(v, depth + 1) for v in self.local[node.value]]
        if isinstance(node, cst.Name) and node.value in self.defaults:
            return [(self.defaults[node.value], depth + 1)]
        return [(node, depth)]


class _Names:
    """The file's imports: a call's function as a canonical dotted path (`keras.backend.sqrt`)."""

    def __init__(self, module: cst.Module):
        self.alias: dict[str, str] = {}
        self.module = module
        self._functions: Optional[dict[str, list[cst.FunctionDef]]] = None
        self._top: Optional[dict] = None
        # statements only, through the blocks that hold them (imports are statements): `children`
        # of every expression would be most of the walk
        stack: list[cst.CSTNode] = list(module.body)
        while stack:
            node = stack.pop()
            if isinstance(node, cst.SimpleStatementLine):
                stack.extend(node.body)
                continue
            if isinstance(node, cst.BaseCompoundStatement):
                for part in (node, getattr(node, "orelse", None), getattr(node, "finalbody", None),
                             *getattr(node, "handlers", ()), *getattr(node, "cases", ())):
                    body = getattr(part, "body", None)
                    if isinstance(body, (cst.IndentedBlock, cst.SimpleStatementSuite)):
                        stack.extend(body.body)
                    elif isinstance(body, cst.BaseSuite):
                        stack.extend(getattr(body, "body", ()))
                continue
            if isinstance(node, cst.Import):
                for a in node.names:
                    dotted = dotted_name(a.name)
                    if dotted is None:
                        continue
                    if a.asname is not None and isinstance(a.asname.name, cst.Name):
                        self.alias[a.asname.name.value] = dotted
                    else:
                        head = dotted.split(".")[0]
                        self.alias[head] = head
            elif isinstance(node, cst.ImportFrom) and node.module is not None and not node.relative \
                    and not isinstance(node.names, cst.ImportStar):
                base = dotted_name(node.module)
                for a in node.names:
                    if base is None or not isinstance(a.name, cst.Name):
                        continue
                    local = a.asname.name.value if a.asname is not None and isinstance(a.asname.name, cst.Name) \
                        else a.name.value
                    self.alias[local] = f"{base}.{a.name.value}"

    def top_value(self, node) -> Optional[cst.BaseExpression]:
        """What a module constant the module binds once holds (`TARGET_AXIS = 1`), else None."""
        if not isinstance(node, cst.Name) or node.value in self.alias:
            return None
        if self._top is None:
            self._top = _top_values(self.module)
        return self._top.get(node.value)

    def qualname(self, func: cst.BaseExpression) -> Optional[str]:
        dotted = dotted_name(func)
        if dotted is None:
            return None
        head, _, rest = dotted.partition(".")
        if head not in self.alias:
            return None
        full = self.alias[head] + ("." + rest if rest else "")
        return canonical(full)

    def helper(self, func: cst.BaseExpression) -> Optional[cst.FunctionDef]:
        """The module's own top-level function a bare name calls (`mse(y_true, y_pred)` where the
        module defines `mse` once, and imports no `mse`)."""
        if not isinstance(func, cst.Name) or func.value in self.alias:
            return None
        if self._functions is None:
            self._functions = _module_functions(self.module)
        found = self._functions.get(func.value, ())
        return found[0] if len(found) == 1 else None

    def is_op(self, call: cst.CSTNode, names: frozenset) -> bool:
        if not isinstance(call, cst.Call):
            return False
        qual = self.qualname(call.func)
        if qual is None:
            return False
        return qual.split(".")[0] in ARRAY_ROOTS and qual.rpartition(".")[2] in names


def _names(facts: KerasFacts, fn: Optional[FunctionNode] = None) -> _Names:
    """The imports of the module `fn` is defined in: the file's own, or those of the project module
    a loss it imports comes from (`from losses import rmse`, whose `K` is that module's)."""
    origin = facts._cache.get("loss_origins", {}).get(id(fn)) if fn is not None else None
    key = "import_names" if origin is None else f"import_names:{origin}"
    if key not in facts._cache:
        module = facts.module
        if origin is not None:
            from regr_lint.model.trees import project_module

            module = project_module(origin)
            if module is None:
                module = cst.Module(body=[])
            else:  # a losses.py every file of the project imports: its imports are read once
                found = _FOREIGN_NAMES.get(id(module))
                if found is None or found[0] is not module:
                    found = _FOREIGN_NAMES[id(module)] = (module, _Names(module))
                    if len(_FOREIGN_NAMES) > 32:
                        _FOREIGN_NAMES.pop(next(iter(_FOREIGN_NAMES)))
                facts._cache[key] = found[1]
                return found[1]
        facts._cache[key] = _Names(module)
    return facts._cache[key]


_FOREIGN_NAMES: dict = {}  # id(a project module's tree) -> (that tree, its _Names)




def per_sample_sqrts(fn: FunctionNode, facts: KerasFacts) -> list[cst.CSTNode]:
    """The sqrt calls (or `** 0.5`) in what `fn` returns that take the root of a mean of squared
    errors over the last axis only."""
    body = _Body(fn)
    if not body.params:
        return []
    names = _names(facts, fn)
    out: list[cst.CSTNode] = []
    seen: set[int] = set()
    for ret in body.returns:
        for node in _sqrt_nodes(ret, body, names, 0, set()):
            if id(node) not in seen:
                seen.add(id(node))
                out.append(node)
    return out


def _args(call: cst.Call) -> list[cst.Arg]:
    return [a for a in call.args if not a.star]


def _arg(call: cst.Call, index: int, *keywords: str) -> Optional[cst.BaseExpression]:
    for a in call.args:
        if a.keyword is not None and a.keyword.value in keywords:
            return a.value
    positional = [a for a in call.args if a.keyword is None and not a.star]
    return positional[index].value if index < len(positional) else None


def _sqrt_nodes(node, body: _Body, names: _Names, depth: int, visiting: set) -> Iterable[cst.CSTNode]:
    if depth > MAX_DEPTH or id(node) in visiting:
        return
    visiting = visiting | {id(node)}
    for value, d in body.values(node, depth):
        if value is not node:
            yield from _sqrt_nodes(value, body, names, d, visiting)
            continue
        inner = _sqrt_argument(value, names)
        if inner is not None:
            if _per_sample_mse(inner, body, names, depth):
                yield value
            continue
        for child in value.children:
            if isinstance(child, cst.Lambda):
                continue
            if isinstance(child, cst.BaseExpression):
                yield from _sqrt_nodes(child, body, names, depth, visiting)
            else:
                for grand in child.children:  # Arg, Element, …
                    if isinstance(grand, cst.BaseExpression) and not isinstance(grand, cst.Lambda):
                        yield from _sqrt_nodes(grand, body, names, depth, visiting)


def _sqrt_argument(node, names: _Names) -> Optional[cst.BaseExpression]:
    if isinstance(node, cst.Call) and names.is_op(node, SQRT):
        return _arg(node, 0, "x", "input")
    if isinstance(node, cst.Call) and names.is_op(node, POWER) and _is_number(_arg(node, 1, "y", "p"), 0.5):
        return _arg(node, 0, "x", "input")
    if isinstance(node, cst.BinaryOperation) and isinstance(node.operator, cst.Power) \
            and _is_number(node.right, 0.5):
        return node.left
    return None


def _is_number(node, value: float) -> bool:
    if isinstance(node, (cst.Float, cst.Integer)):
        try:
            return float(node.evaluated_value) == value
        except Exception:  # noqa: BLE001
            return False
    if isinstance(node, cst.BinaryOperation) and isinstance(node.operator, cst.Divide):
        return _is_number(node.left, 1) and _is_number(node.right, 2) and value == 0.5
    return False


def _per_sample_axis(node) -> bool:
    """An axis that is never the batch's: -1, or a positive one (`axis=1`, the positions of a
    sequence output in `mean(square(e), axis=1)`, MCRMSE-style), or a list of them (`axis=[1, 2]`).
    -2 and below may be the batch axis of a 2-D output."""
    if isinstance(node, cst.UnaryOperation) and isinstance(node.operator, cst.Minus):
        return _is_number(node.expression, 1)
    if isinstance(node, cst.Integer):
        return node.evaluated_value >= 1
    if isinstance(node, (cst.Tuple, cst.List)) and node.elements:
        return all(_per_sample_axis(e.value) for e in node.elements)
    return False


PER_SAMPLE_MSE_NAMES = frozenset({"mean_squared_error", "mse", "MSE"})
_PER_SAMPLE_MSE = frozenset(f"keras.{module}.{name}" for module in ("losses", "metrics")
                            for name in PER_SAMPLE_MSE_NAMES)


def _per_sample_mse(node, body: _Body, names: _Names, depth: int) -> bool:
    """mean(square(y_pred - y_true), axis=-1), possibly plus a small constant."""
    for value, d in body.values(node, depth):
        if isinstance(value, cst.BinaryOperation) and isinstance(value.operator, cst.Add):
            # sqrt(mse + K.epsilon()): still the per-sample value
            if _per_sample_mse(value.left, body, names, d + 1) and _is_constant(value.right, names, body):
                return True
            continue
        if isinstance(value, cst.Call) and names.qualname(value.func) in _PER_SAMPLE_MSE:
            # Keras' own mse function (not the MeanSquaredError class, which averages the batch too)
            # is the mean over the last axis: `sqrt(mse(y_true, y_pred))` is a per-sample root
            a, b = _arg(value, 0, "y_true"), _arg(value, 1, "y_pred")
            if a is not None and b is not None and len(_param_of(a, body, d + 1) | _param_of(b, body, d + 1)) == 2 \
                    and not (_one_column(a) or _one_column(b)):
                # (`mse(y_true[:, i], y_pred[:, i])`: one column, a vector over the batch, whose mean over
                # its last axis is the batch's — the root of it is that column's RMSE)
                return True
            continue
        helper = names.helper(value.func) if isinstance(value, cst.Call) and d < MAX_DEPTH else None
        if helper is not None:
            # `sqrt(mse(y_true, y_pred))` with the module's own `mse` computing Keras' per-sample one
            a, b = _arg(value, 0, "y_true"), _arg(value, 1, "y_pred")
            if a is None or b is None or len(_param_of(a, body, d + 1) | _param_of(b, body, d + 1)) != 2:
                continue
            inner_body = _Body(helper)
            if inner_body.params and any(_per_sample_mse(r, inner_body, names, d + 1) for r in inner_body.returns):
                return True
            continue
        if isinstance(value, cst.BinaryOperation) and isinstance(value.operator, cst.Divide):
            # sum(square(e), axis=-1) / n: the mean written out — over a count of the outputs, or of
            # the labelled ones a mask keeps (`/ reduce_sum(mask, axis=-1)`): whatever divides it, each
            # sample keeps its own value, and the root is taken per sample
            if any(_per_sample_reduction(v, SUM, body, names, dd) for v, dd in body.values(value.left, d + 1)):
                return True
            continue
        if _per_sample_reduction(value, MEAN, body, names, d):
            return True
    return False


def _per_sample_reduction(value, ops: frozenset, body: _Body, names: _Names, d: int) -> bool:
    """`mean(square(y_pred - y_true), axis=-1)` (`ops` the reductions): the squared error reduced
    over an axis that is never the batch's."""
    if not (isinstance(value, cst.Call) and names.is_op(value, ops)):
        return False
    axis = _arg(value, 1, "axis")
    # (also a module constant, `axis=TARGET_AXIS` with `TARGET_AXIS = 1`)
    if axis is None or not any(_per_sample_axis(a) or _per_sample_axis(names.top_value(a))
                               for a, _ in body.values(axis, d)):
        return False
    inner = _arg(value, 0, "x", "input_tensor", "a", "input")
    return inner is not None and _squared_error(inner, body, names, d + 1)


def _one_column(node) -> bool:
    """`y[:, i]`, `y[:, 0]`: one column of a 2-D batch, a vector over the samples."""
    return isinstance(node, cst.Subscript) and len(node.slice) == 2 \
        and isinstance(node.slice[0].slice, cst.Slice) and node.slice[0].slice.lower is None \
        and node.slice[0].slice.upper is None and node.slice[0].slice.step is None \
        and isinstance(node.slice[1].slice, cst.Index)


def _is_constant(node, names: _Names, body: Optional[_Body] = None) -> bool:
    if isinstance(node, (cst.Float, cst.Integer)):
        return True
    if body is not None and isinstance(node, cst.Name) and node.value not in body.params \
            and all(_is_constant(v, names) for v in body.local.get(node.value, ())):
        # `+ EPS`, `+ eps` (a parameter's default, a closure's): a small constant held in a name —
        # neither of the tensors compared, nor a local computed from them
        return True
    if isinstance(node, cst.Attribute) and body is not None:
        # `+ self.eps`, `+ cfg.EPSILON`: a setting held by an object or a module, not the tensors compared
        root = node
        while isinstance(root, cst.Attribute):
            root = root.value
        return isinstance(root, cst.Name) and root.value not in body.params and root.value not in body.local
    return isinstance(node, cst.Call) and names.is_op(node, frozenset({"epsilon"}))


def _squared_error(node, body: _Body, names: _Names, depth: int) -> bool:
    if depth > MAX_DEPTH:
        return False
    for value, d in body.values(node, depth):
        if isinstance(value, cst.Call):
            helper = names.helper(value.func)
            if helper is not None:
                # `mean(_sq(y_true, y_pred), axis=-1)` with the module's own `_sq` returning
                # `square(y_pred - y_true)`: its two parameters given this function's two
                a, b = _arg(value, 0, "y_true"), _arg(value, 1, "y_pred")
                both = a is not None and b is not None \
                    and len(_param_of(a, body, d + 1) | _param_of(b, body, d + 1)) == 2
                inner_body = _Body(helper) if both else None
                if inner_body is not None and inner_body.params \
                        and any(_squared_error(r, inner_body, names, d + 1) for r in inner_body.returns):
                    return True
                continue
            if names.is_op(value, SQUARE):
                x = _arg(value, 0, "x", "input")
                if x is not None and _difference(x, body, d + 1):
                    return True
            elif names.is_op(value, POWER):
                x = _arg(value, 0, "x", "input")
                if x is not None and _is_number(_arg(value, 1, "y", "p"), 2) and _difference(x, body, d + 1):
                    return True
            elif names.is_op(value, SQUARED_DIFFERENCE):
                a, b = _arg(value, 0, "x"), _arg(value, 1, "y")
                if a is not None and b is not None and _mentions(a, body, d + 1) and _mentions(b, body, d + 1):
                    return True
        elif isinstance(value, cst.BinaryOperation):
            if isinstance(value.operator, cst.Power) and _is_number(value.right, 2):
                if _difference(value.left, body, d + 1):
                    return True
            elif isinstance(value.operator, cst.Multiply):
                left, right = dotted_name(value.left), dotted_name(value.right)
                if left is not None and left == right and _difference(value.left, body, d + 1):
                    return True
    return False


def _difference(node, body: _Body, depth: int) -> bool:
    if depth > MAX_DEPTH:
        return False
    for value, d in body.values(node, depth):
        if isinstance(value, cst.BinaryOperation) and isinstance(value.operator, cst.Multiply) \
                and (_difference(value.left, body, d + 1) or _difference(value.right, body, d + 1)):
            return True  # `(y_pred - y_true) * mask`: the error of the labelled outputs only
        if isinstance(value, cst.BinaryOperation) and isinstance(value.operator, cst.Subtract):
            left, right = value.left, value.right
        elif isinstance(value, cst.Call) and _call_last(value) == "subtract" and len(_args(value)) == 2 \
                and all(a.keyword is None and not a.star for a in _args(value)):
            left, right = (a.value for a in _args(value))  # `tf.math.subtract(y_pred, y_true)`
        else:
            continue
        if _mentions(left, body, d + 1) and _mentions(right, body, d + 1):
            named = _param_of(left, body, d + 1) | _param_of(right, body, d + 1)
            if len(named) == 2:
                return True
    return False


def _mentions(node, body: _Body, depth: int) -> bool:
    return bool(_param_of(node, body, depth))


def _param_of(node, body: _Body, depth: int) -> set[str]:
    """Which of the two parameters an operand is computed from."""
    if depth > MAX_DEPTH:
        return set()
    out: set[str] = set()
    for value, d in body.values(node, depth):
        if isinstance(value, cst.Name):
            if value.value in body.params:
                out.add(value.value)
        elif isinstance(value, cst.Call):
            if _decorator_name(value.func) in TRANSFORMING_OPS:
                continue  # cumsum(y_true): not y_true itself (an EMD's per-sample root is its definition)
            for a in value.args:
                out |= _param_of(a.value, body, d + 1)
        elif isinstance(value, cst.Subscript):
            out |= _param_of(value.value, body, d + 1)
        elif isinstance(value, cst.Attribute):
            out |= _param_of(value.value, body, d + 1)
        elif isinstance(value, cst.BinaryOperation):
            out |= _param_of(value.left, body, d + 1) | _param_of(value.right, body, d + 1)
        elif isinstance(value, cst.UnaryOperation):
            out |= _param_of(value.expression, body, d + 1)
    return out
