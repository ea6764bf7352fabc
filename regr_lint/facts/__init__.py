"""The semantic model of a file: what its Keras models are built of, compiled with and trained on."""
from __future__ import annotations

from regr_lint.lazy import cst

from regr_lint.facts.model import Compile, Head, KerasFacts, KerasModel, Training

__all__ = ["Compile", "Head", "KerasFacts", "KerasModel", "Training", "build_facts"]


def build_facts(module: cst.Module, path: str = "", text: str = "", project=None) -> KerasFacts:
    """`project`: the module index of the file's project (imports of its own modules are followed)."""
    from regr_lint.facts.interpreter import Interpreter  # only runs that parse need it

    facts = Interpreter(module, path, project).run()
    facts.path = path
    facts.text = text
    return facts
