"""What RL104 and RL105 share: the crossentropy losses a compile gives each head, and how a fix spells a
Keras loss class in this file."""
from __future__ import annotations

from typing import Iterator, Optional

from regr_lint.lazy import cst

from regr_lint.model.classify import crossentropy, head_loss_values
from regr_lint.model.model import head_activations, only_a_part
from regr_lint.model.superseded import a_part_where_built, predicted_only, replaced_where_used, superseded_compiles


def crossentropy_heads(facts) -> Iterator[tuple[object, object, str, Optional[bool]]]:
    """(head, loss value, which crossentropy, from_logits) for each crossentropy a compile gives a
    head whose final layer is known; each loss node once for each kind of head it is given (a loop
    compiling a softmax model and a linear one with one `compile` line: the second is its own)."""
    seen = set()
    dead = frozenset(superseded_compiles(facts))  # recompiled with `from_logits=True` before any fit
    for model in facts.models:
        if not model.compiles or model.ruled_out or only_a_part(model, facts.models) \
                or a_part_where_built(model, facts) or predicted_only(facts, model):
            continue  # (a model only predicted from never computes its loss)
        for index, head in enumerate(model.heads()):
            if head.layer is None:
                continue
            for loss in head_loss_values(model, index, head.name, dead | replaced_where_used(facts, model)):
                ce = crossentropy(loss)
                key = (id(loss.node), head_activations(head), head.units)
                if ce is None or loss.node is None or key in seen:
                    continue
                seen.add(key)
                yield head, loss, ce[0], ce[1]


def _tf_alias(names) -> Optional[str]:
    """The name `import tensorflow as NAME` binds, when that import is all that binds it."""
    import ast
    for name in ("tf", "tensorflow"):
        bindings = names.of(name)
        if bindings and all(isinstance(node, ast.Import) and alias is not None and alias.name == "tensorflow"
                            for node, alias in bindings):
            return name
    return None


def losses_module(facts) -> Optional[tuple[str, tuple]]:
    """(`keras.losses` as this file can spell it, the imports that needs), or None when no spelling
    is safe: `keras` when the file imports it (or nothing else binds the name and the file does not
    use tf.keras), else `tf.keras`."""
    names = facts.name_bindings()
    if names is None:
        return None
    tf = _tf_alias(names)
    if names.of("keras") and names.module_is_free("keras"):
        return "keras.losses", ("keras",)
    if tf is not None:
        return f"{tf}.keras.losses", ()
    if names.module_is_free("keras"):
        return "keras.losses", ("keras",)
    return None


def attribute_prefix(node) -> Optional[str]:
    """`tf.keras.losses` for the node `tf.keras.losses.binary_crossentropy` (the module it is read
    from, when written as `….losses.name`)."""
    if isinstance(node, cst.Call):
        node = node.func
    if isinstance(node, cst.Attribute) and isinstance(node.value, cst.Attribute) and node.value.attr.value == "losses":
        return cst.Module([]).code_for_node(node.value)
    return None
