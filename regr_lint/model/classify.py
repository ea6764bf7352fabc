"""What a compile() argument is: a regression loss, an accuracy-family metric, per output."""
from __future__ import annotations

from typing import Optional

from regr_lint.lazy import cst

from regr_lint.knowledge import tables
from regr_lint.model.model import KerasFacts, KerasModel
from regr_lint.model.values import UNKNOWN, Func, Instance, Lambda, Lit, Map, Obj, Ref, Seq, Value

REGRESSION = "regression"
OTHER = "other"


def loss_kind(value: Value, facts: KerasFacts) -> Optional[str]:
    """'regression', 'other', or None when it cannot be told."""
    if isinstance(value, Lit):
        if isinstance(value.value, str):
            return REGRESSION if value.value.lower() in tables.REGRESSION_LOSS_STRINGS else OTHER
        return None
    if isinstance(value, Obj) and value.is_keras and value.last == "get" \
            and value.qualname.startswith("keras.losses.") \
            and len(value.args.pos) == 1 and not value.args.kw and not value.args.star:
        return loss_kind(value.args.pos[0][0], facts)  # `keras.losses.get("mean_squared_error")`: that loss
    if isinstance(value, (Ref, Obj)):
        if not value.is_keras:
            return None
        if value.last in tables.REGRESSION_LOSS_NAMES:
            return REGRESSION
        return OTHER if value.qualname.startswith("keras.losses.") else None
    if isinstance(value, Func):
        return REGRESSION if is_regression_function(value.fdef, facts) \
            and not _mixes_other_losses(value.fdef, _CLASSIFICATION_WORDS) else None
    if isinstance(value, Lambda):
        return REGRESSION if is_regression_function(value.node, facts) \
            and not _mixes_other_losses(value.node, _CLASSIFICATION_WORDS) else None
    if isinstance(value, Instance):
        # `loss=WeightedMSE()`, a keras.losses.Loss subclass: what its `call` computes
        from regr_lint.model.losses import _is_loss_class

        method = value.attrs.get("__method__call")
        if isinstance(method, Func) and _is_loss_class(value) and is_regression_function(method.fdef, facts) \
                and not _mixes_other_losses(method.fdef):
            return REGRESSION
    return None


_NOT_REGRESSION_WORDS = ("crossentropy", "hinge", "kl_divergence", "kld", "kullback", "log", "sigmoid",
                         "softmax", "dice", "focal", "cosine")


# a function's own terms that make it no plain regression loss (`bce + (max(t) - max(p)) ** 2`); a
# logarithm or a sigmoid is no sign there (RMSLE, log-cosh written by hand)
_CLASSIFICATION_WORDS = ("crossentropy", "hinge", "kl_divergence", "kullback", "dice", "focal")


def _mixes_other_losses(fdef, words: tuple = _NOT_REGRESSION_WORDS) -> bool:
    """A loss class's `call` that also computes a crossentropy, a likelihood or another
    classification term (a multi-output model's combined loss): not a plain regression loss."""
    stack = [fdef.body]
    while stack:
        node = stack.pop()
        if isinstance(node, cst.Name) and any(w in node.value.lower() for w in words):
            return True
        stack.extend(node.children)
    return False


def output_losses(loss: Value, facts: KerasFacts) -> Optional[object]:
    """One kind for every output (str), a {name: kind} dict, or a [kind, …] list; None if unknown."""
    if isinstance(loss, Map):
        if not loss.items and loss.any is not None and loss.any is not UNKNOWN:
            return loss_kind(loss.any, facts)  # `dict.fromkeys(names, l2)`: the one loss of every output
        return {k: loss_kind(v, facts) for k, v in loss.items.items()}
    if isinstance(loss, Seq):
        return [loss_kind(v, facts) for v in loss.items]
    return loss_kind(loss, facts)


def all_regression(kinds) -> bool:
    if isinstance(kinds, dict):
        return bool(kinds) and all(k == REGRESSION for k in kinds.values())
    if isinstance(kinds, list):
        return bool(kinds) and all(k == REGRESSION for k in kinds)
    return kinds == REGRESSION


def head_loss(model: KerasModel, index: int, name: Optional[str], facts: KerasFacts,
              skip: frozenset = frozenset()) -> Optional[str]:
    """The loss kind that applies to output `index` (named `name`) over the model's compiles (but
    those whose id() is in `skip`): 'regression' only when every one gives that output a regression
    loss."""
    kinds = []
    outputs = len(model.heads())
    for comp in model.compiles:
        if id(comp) in skip:
            continue
        per = output_losses(comp.loss, facts)
        if isinstance(per, dict):
            kinds.append(per.get(name) if name is not None else None)
        elif isinstance(per, list):
            # one loss per output, in order; a list of another length is not what the model was
            # built with (Keras refuses it): an output this file misread, paired with nothing
            kinds.append(per[index] if index < len(per) == outputs else None)
        else:
            kinds.append(per)
    if kinds and all(k == REGRESSION for k in kinds):
        return REGRESSION
    return None


def head_loss_values(model: KerasModel, index: int, name: Optional[str], skip: frozenset = frozenset()) -> list:
    """The loss value each compile of the model gives output `index` (named `name`): one per compile,
    UNKNOWN-free (a compile whose loss for the output cannot be told is left out), leaving out the
    compiles whose id() is in `skip`."""
    out = []
    outputs = len(model.heads())
    for comp in model.compiles:
        if id(comp) in skip:
            continue
        loss = comp.loss
        if isinstance(loss, Map):
            loss = loss.items.get(name) if name is not None and loss.items else \
                loss.any if not loss.items and loss.any is not UNKNOWN else None
        elif isinstance(loss, Seq):
            loss = loss.items[index] if index < len(loss.items) == outputs else None  # (see head_loss)
        if loss is not None:
            out.append(loss)
    return out


def crossentropy(value: Value) -> Optional[tuple[str, Optional[bool]]]:
    """(which crossentropy, from_logits) when `value` is a Keras crossentropy loss; from_logits is None
    when it cannot be told. None for anything else (a user function, an unknown value)."""
    if isinstance(value, Lit) and isinstance(value.value, str):
        kind = tables.CROSSENTROPY_STRINGS.get(value.value.lower())
        return (kind, False) if kind else None
    if isinstance(value, Ref) and value.is_keras and value.qualname.startswith(("keras.losses.", "keras.metrics.")):
        kind = value.last if value.last in tables.CROSSENTROPY_CLASS_OF else None
        return (kind, False) if kind else None
    if isinstance(value, Obj) and value.is_keras and value.qualname.startswith("keras.losses."):
        kind = tables.CROSSENTROPY_CLASSES.get(value.last)
        if kind is None:
            return None
        if value.args.may_pass("from_logits"):
            return kind, None
        logits, arg = value.args.get("from_logits", 0)
        if arg is None:
            return kind, False
        if isinstance(logits, Lit) and isinstance(logits.value, bool):
            return kind, logits.value
        return kind, None
    return None


def is_accuracy_metric(value: Value) -> bool:
    if isinstance(value, Lit):
        return isinstance(value.value, str) and value.value.lower() in tables.ACCURACY_METRIC_STRINGS
    if isinstance(value, (Ref, Obj)) and value.is_keras:
        return value.qualname.startswith("keras.metrics.") and value.last in tables.ACCURACY_METRIC_NAMES
    return False


# ---------------------------------------------------------------- custom loss functions
def is_regression_function(fdef: cst.FunctionDef, facts: KerasFacts) -> bool:
    """A mean/sum of square/abs of (y_pred - y_true), an RMSE, or a Keras regression loss called on
    the arguments — recognised by the body, whatever the function's name."""
    key = ("regression_fn", id(fdef))
    if key not in facts._cache:
        facts._cache[key] = _classify(fdef)
    return facts._cache[key]


def _classify(fdef) -> bool:
    params = [p.name.value for p in list(fdef.params.posonly_params) + list(fdef.params.params)]
    if isinstance(fdef, cst.Lambda):
        return len(params) >= 2 and _has_error_term(fdef.body, set(params[:2]), {}, 0)
    if params and params[0] == "self":
        params = params[1:]
    if len(params) < 2:
        return False
    params = set(params[:2])
    local: dict[str, cst.BaseExpression] = {}
    returns: list[cst.BaseExpression] = []
    if isinstance(fdef.body, cst.IndentedBlock):
        smalls = [small for stmt in fdef.body.body if isinstance(stmt, cst.SimpleStatementLine) for small in stmt.body]
    else:  # `def mse(t, p): return ...`: a one-line body (SimpleStatementSuite) holds the small statements
        smalls = list(fdef.body.body)
    for small in smalls:
        if isinstance(small, cst.Assign) and len(small.targets) == 1 and isinstance(small.targets[0].target, cst.Name):
            local[small.targets[0].target.value] = small.value
        elif isinstance(small, cst.Return) and small.value is not None:
            returns.append(small.value)
    return len(returns) == 1 and _has_error_term(returns[0], params, local, 0)


def _last_name(func: cst.BaseExpression) -> Optional[str]:
    if isinstance(func, cst.Name):
        return func.value
    if isinstance(func, cst.Attribute):
        return func.attr.value
    return None


def _resolve(node, local, depth):
    if isinstance(node, cst.Name) and node.value in local and depth < 6:
        return local[node.value], depth + 1
    return node, depth


def _mentions(node, params, local, depth) -> bool:
    node, depth = _resolve(node, local, depth)
    if isinstance(node, cst.Name):
        return node.value in params
    if isinstance(node, cst.BinaryOperation):
        return _mentions(node.left, params, local, depth) or _mentions(node.right, params, local, depth)
    if isinstance(node, cst.Call):
        if _last_name(node.func) in tables.TRANSFORMING_OPS:
            return False  # cumsum(y_true) - cumsum(y_pred): a distance of its own (EMD), not a plain error
        return any(_mentions(a.value, params, local, depth) for a in node.args)
    if isinstance(node, cst.Subscript):
        return _mentions(node.value, params, local, depth)
    if isinstance(node, cst.UnaryOperation):
        return _mentions(node.expression, params, local, depth)
    return False


def _is_difference(node, params, local, depth) -> bool:
    node, depth = _resolve(node, local, depth)
    return isinstance(node, cst.BinaryOperation) and isinstance(node.operator, cst.Subtract) \
        and _mentions(node.left, params, local, depth) and _mentions(node.right, params, local, depth)


def _has_error_term(node, params, local, depth) -> bool:
    node, depth = _resolve(node, local, depth)
    if depth > 8:
        return False
    if isinstance(node, cst.Call):
        name = _last_name(node.func)
        args = [a.value for a in node.args if a.keyword is None or a.keyword.value in ("x", "input", "a")]
        if name in tables.ERROR_TERMS and args and (
            _is_difference(args[0], params, local, depth) or name == "squared_difference"
        ):
            return True
        if name in tables.REGRESSION_LOSS_NAMES and len(node.args) >= 2 \
                and all(_mentions(a.value, params, local, depth) for a in node.args[:2]):
            return True
        if name in ("pow", "power") and len(node.args) >= 2 and _is_difference(node.args[0].value, params, local, depth):
            return True
        if name in tables.IMAGE_SIMILARITY and len(args) >= 2 and all(_mentions(a, params, local, depth) for a in args[:2]):
            return True  # `1 - tf.image.ssim(y_true, y_pred, 1.0)`: continuous images compared, a reconstruction loss
        return any(_has_error_term(a.value, params, local, depth) for a in node.args)
    if isinstance(node, cst.BinaryOperation):
        if isinstance(node.operator, cst.Power) and _is_difference(node.left, params, local, depth):
            return True
        return _has_error_term(node.left, params, local, depth) or _has_error_term(node.right, params, local, depth)
    if isinstance(node, cst.UnaryOperation):
        return _has_error_term(node.expression, params, local, depth)
    if isinstance(node, cst.Subscript):  # `sq[0] + sq[1]` of `sq = square(y_pred - y_true)`: a component's error
        return _has_error_term(node.value, params, local, depth)
    return False
