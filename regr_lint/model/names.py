"""Dotted import paths made canonical, so every import style of Keras reads as `keras.…`."""
from __future__ import annotations

from functools import lru_cache
from typing import Optional

from regr_lint.lazy import cst

from regr_lint.knowledge import tables
from regr_lint.knowledge.public_api import exports


@lru_cache(maxsize=4096)
def canonical(qualname: str) -> str:
    for alias, target in tables.KERAS_ALIASES:
        if qualname == alias or qualname.startswith(alias + "."):
            return target + qualname[len(alias):]
    return qualname


def module_of(qualname: str) -> str:
    return qualname.rpartition(".")[0]


def is_layer_path(qualname: str) -> bool:
    """keras.layers.Dense, keras.layers.core.Dense, keras.engine.base_layer.Layer …"""
    last = qualname.rpartition(".")[2]
    if not last[:1].isupper():
        return False
    parts = qualname.split(".")
    return parts[0] == "keras" and any(p in ("layers", "legacy_layers") for p in parts[1:-1]) \
        or qualname in ("keras.Layer", "keras.engine.base_layer.Layer", "keras.engine.input_layer.InputLayer")


@lru_cache(maxsize=4096)
def is_private(raw: str) -> bool:
    """A path into Keras internals, as the file spells it (`keras.engine.…`, `tensorflow.python.keras`;
    also a Keras 2 utility module reached through tf.keras, `tf.keras.utils.generic_utils`, which
    tf.keras's public API never had)."""
    if any(raw == p or raw.startswith(p + ".") for p in tables.PRIVATE_KERAS_PREFIXES):
        return True
    if raw.startswith("tensorflow.keras.utils."):
        twin = raw[len("tensorflow."):]
        return any(twin == p or twin.startswith(p + ".") for p in tables.PRIVATE_KERAS_PREFIXES
                   if p.startswith("keras.utils."))
    return False


@lru_cache(maxsize=4096)
@lru_cache(maxsize=4096)
def missing_export(raw: str) -> bool:
    """`raw` (`keras.applications.resnet50.Dense`, as the file spells it) is a name that its module,
    a public Keras 3 module the tables record whole, does not export — under neither spelling,
    `keras.M` nor `tensorflow.keras.M`: the names Keras 3's tf.keras keeps (Keras 2's `mse`, the
    backend functions, `preprocessing.text`) are left to a migration to tf.keras. `_`-names and
    modules the tables do not know are never judged."""
    module, _, name = raw.rpartition(".")
    if name.startswith("_"):
        return False
    if module == "keras" or module.startswith("keras."):
        twin = "tensorflow." + module
    elif module == "tensorflow.keras" or module.startswith("tensorflow.keras."):
        twin = module[len("tensorflow."):]
    else:
        return False
    known = [exports(module), exports(twin)]
    return None not in known and all(name not in k for k in known)


def missing_module(raw: str) -> Optional[str]:
    """The first part of dotted path `raw` that is a `missing_export` (`keras.datasets.cifar` of
    `keras.datasets.cifar.load_batch`), or None."""
    parts = raw.split(".")
    return next((p for p in (".".join(parts[:i]) for i in range(2, len(parts) + 1)) if missing_export(p)), None)


def dotted_name(node: cst.BaseExpression) -> Optional[str]:
    """`a.b.c` for a Name / Attribute chain as written; None for anything else."""
    if type(node) is cst.Name:
        return node.value
    if type(node) is cst.Attribute:
        base = dotted_name(node.value)
        return f"{base}.{node.attr.value}" if base else None
    return None


def method_kind(fdef: cst.FunctionDef) -> Optional[str]:
    """"staticmethod" / "classmethod" when the method is decorated so, else None."""
    for d in fdef.decorators:
        if type(d.decorator) is cst.Name and d.decorator.value in ("staticmethod", "classmethod"):
            return d.decorator.value
    return None


def contains(root, node) -> bool:
    """Whether `node` is `root` or lies under it (by identity)."""
    stack = [root]
    while stack:
        n = stack.pop()
        if n is node:
            return True
        stack.extend(n.children)
    return False
