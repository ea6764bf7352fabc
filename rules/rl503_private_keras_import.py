from __future__ import annotations

from typing import Optional

import libcst as cst

from regr_lint import tables
from regr_lint.rule import Edit, Fix, Rule


def public_module(module: str) -> Optional[str]:
    """The public module for a private one, when every name it offers lives there."""
    for private in sorted(tables.PUBLIC_MODULES, key=len, reverse=True):
        if module == private or module.startswith(private + "."):
            public = tables.PUBLIC_MODULES[private]
            # tensorflow.python.keras.layers.core -> tensorflow.keras.layers (sub-modules fold in)
            return public if module == private or private.endswith(".layers") or ".layers." in module \
                else public + module[len(private):]
    return None


def public_symbol(path: str) -> Optional[str]:
    if path in tables.PUBLIC_SYMBOLS:
        return tables.PUBLIC_SYMBOLS[path]
    module, _, name = path.rpartition(".")
    public = public_module(module)
    return f"{public}.{name}" if public else None


def _inside_keras(path: str) -> bool:
    parts = path.replace("\\", "/").split("/")
    return any(a in ("keras", "tf_keras") and b in ("src", "api") for a, b in zip(parts, parts[1:]))


def _dotted_node(path: str) -> cst.BaseExpression:
    return cst.parse_expression(path)


class PrivateKerasImport(Rule):
    code = "RL503"
    name = "private-keras-import"
    summary = "Import or attribute path through Keras internals (keras.engine, tensorflow.python.keras …)"
    # the distinctive part of every internal path in tables.PRIVATE_KERAS_PREFIXES
    tokens = ("keras", tuple(sorted({p.split(".")[1] if p.endswith(".keras") else p.rsplit(".", 1)[-1]
                                     for p in tables.PRIVATE_KERAS_PREFIXES})))
    docs = """\
## What it does
Finds imports and attribute chains that reach into Keras internals: `keras.engine.*`,
`keras.layers.core` and the other Keras 2 layer sub-modules, `keras.utils.np_utils`,
`tensorflow.python.keras.*`, `keras.src.*` and the like — also inside `try/except ImportError`
shims. Reported once per import statement or attribute chain. Files of Keras itself (under
`keras/src/` or `keras/api/`) are not reported: a library may use its own internals.

## Why is this bad?
These modules are not API. They moved or disappeared between releases: on Keras 3,
`keras.engine.input_layer.Input` is an `AttributeError`, `from keras.layers.core import Dense` a
`ModuleNotFoundError`, and `tensorflow.python.keras` is a frozen copy of Keras 2.x that the rest of
TensorFlow no longer uses, so models built from it do not mix with `tf.keras` ones.

## Example
```python
from keras.layers.core import Dense, Activation
inputs = keras.engine.input_layer.Input((64, 1))
```

## Use instead
```python
from keras.layers import Dense, Activation
inputs = keras.Input((64, 1))
```

## Fix safety
Safe, where the public equivalent is known (`keras.engine.input_layer.Input` → `keras.Input`,
`keras.layers.core` → `keras.layers`, `tensorflow.python.keras.models` → `tensorflow.keras.models`,
…; the table lives in `regr_lint.tables`). `import a.b.c` statements and internals without a public
twin are reported without a fix.
"""
    VALID = [
        """
import keras
from keras.layers import Dense
from tensorflow.keras.models import Sequential
inputs = keras.Input(shape=(4,))
""",
        # a variable called engine (SQLAlchemy) and public Layer subclasses
        """
from sqlalchemy import create_engine
from tensorflow import keras
engine = create_engine("sqlite://")
class Gate(keras.layers.Layer):
    pass
engine.dispose()
""",
        # only in strings and comments
        """
import keras
# from keras.engine.topology import Layer
NOTE = "keras.engine.input_layer.Input was removed"
""",
    ]
    INVALID = [
        """
import keras
photo = keras.engine.input_layer.Input(shape=(2048,))  # expect: RL503
""",
        """
from keras.layers.core import Dense, Activation  # expect: RL503
from keras.models import Sequential
""",
        """
from tensorflow.python.keras.models import Sequential  # expect: RL503
from tensorflow.python.keras.layers import Dense, LSTM  # expect: RL503
from tensorflow.keras.callbacks import EarlyStopping
""",
        """
try:
    from keras.engine.topology import Layer  # expect: RL503
except ImportError:
    from keras.layers import Layer
""",
        """
import tensorflow as tf
layer_cls = tf.keras.layers.core.Dense  # expect: RL503
""",
    ]

    def applies_to(self, path: str) -> bool:
        return not _inside_keras(path)

    def check(self, facts):
        if _inside_keras(facts.path):
            return  # Keras' own sources import their own internals
        for node, path in facts.private_imports:
            yield self.report(node, self._message(path), self._import_fix(node))
        for node, path in facts.private_chains:
            yield self.report(node, self._message(path), self._chain_fix(node, path))

    @staticmethod
    def _message(path: str) -> str:
        public = public_symbol(path) or public_module(path)
        hint = f"; use `{public}`" if public else "; use the public keras API"
        return f"`{path}` is a Keras internal that moved or is gone in Keras 3{hint}"

    def _import_fix(self, node) -> Optional[Fix]:
        if not isinstance(node, cst.ImportFrom) or node.relative or node.module is None \
                or isinstance(node.names, cst.ImportStar):
            return None
        module = cst.Module([]).code_for_node(node.module)
        names = [a.name.value for a in node.names if isinstance(a.name, cst.Name)]
        if len(names) != len(node.names):
            return None
        targets = {public_symbol(f"{module}.{n}") for n in names}
        if None in targets:
            return None
        homes = {t.rpartition(".")[0] for t in targets}
        if len(homes) != 1 or any(t.rpartition(".")[2] != n for t, n in zip(sorted(targets), sorted(names))):
            return None
        home = homes.pop()
        return Fix(True, f"import from `{home}`", (Edit(node.module, _dotted_node(home)),))

    def _chain_fix(self, node, path: str) -> Optional[Fix]:
        public = public_symbol(path)
        if public is None:
            return None
        # keep the file's own spelling of the head (`tf.keras…` stays `tf.keras…`)
        head = node
        while isinstance(head, cst.Attribute):
            head = head.value
        if not isinstance(head, cst.Name):
            return None
        written = cst.Module([]).code_for_node(node)
        head_path = path[: len(path) - (len(written) - len(head.value))] if written.startswith(head.value) else None
        if not head_path or not (path.startswith(head_path)):
            return None
        if not public.startswith(head_path + ".") and public != head_path:
            if head_path == "tensorflow" and public.startswith("keras."):
                public = "tensorflow." + public  # tf.keras.engine… -> tf.keras.…
            else:
                return None
        if not public.startswith(head_path):
            return None
        replacement = head.value + public[len(head_path):]
        return Fix(True, f"use `{replacement}`", (Edit(node, _dotted_node(replacement)),))
