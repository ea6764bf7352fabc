"""The semantic model of a file: what its Keras models are built of, compiled with and trained on."""
from __future__ import annotations

from regr_lint.lazy import cst

from regr_lint.model.model import Compile, Head, KerasFacts, KerasModel, Training

__all__ = ["Compile", "Head", "KerasFacts", "KerasModel", "Training", "build_facts"]


def build_facts(module: cst.Module, path: str = "", text: str = "", project=None,
                must_read: str | None = None) -> KerasFacts:
    """`project`: the module index of the file's project (imports of its own modules are followed);
    `must_read`: a project module read even when the file imports more than one analysis reads."""
    from regr_lint.model.interpreter import Interpreter  # only runs that parse need it
    from regr_lint.model.values import ClassV, Func, ModuleV

    interpreter = Interpreter(module, path, project)
    interpreter.must_read = must_read
    facts = interpreter.run()
    facts.path = path
    facts.text = text
    # The functions the file imports from its project's modules, by local name: (their module's
    # file, their name there). The data-flow questions read what such a function returns where it is
    # defined (`x_tr, x_te, y_tr, y_te = load()`, the targets standardised in data.py).
    facts._cache["project"] = project  # the module index: who else in the project fits a model built here
    facts._cache["project_functions"] = {
        name: (value.scope.origin, value.fdef.name.value)
        for name, value in interpreter.module_scope.vars.items()
        if isinstance(value, Func) and getattr(value.scope, "origin", None)}
    # the classes it imports from project modules (`loader = Loader(); x, y = loader.load()`)
    facts._cache["project_classes"] = {
        name: (value.scope.origin, value.cdef.name.value)
        for name, value in interpreter.module_scope.vars.items()
        if isinstance(value, ClassV) and getattr(value.scope, "origin", None)}
    # and the project modules it imports whole, by local name (`import data` -> data.load(...))
    facts._cache["project_module_names"] = {
        name: value.path for name, value in interpreter.module_scope.vars.items() if isinstance(value, ModuleV)}
    # ... and those a function of the file imports in its body (`def main(): import data`), where no
    # top-level name says otherwise and every such import of the name agrees
    local: dict = {}
    for _, _, bound in facts.project_imports:
        for name, value in bound.items():
            if isinstance(value, ModuleV):
                local.setdefault(("module", name), set()).add(value.path)
            elif isinstance(value, Func) and getattr(value.scope, "origin", None):
                local.setdefault(("function", name), set()).add((value.scope.origin, value.fdef.name.value))
    for (kind, name), found in local.items():
        table = facts._cache["project_module_names" if kind == "module" else "project_functions"]
        if len(found) == 1 and name not in interpreter.module_scope.vars:
            table[name] = next(iter(found))
    return facts
