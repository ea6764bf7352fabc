"""How the interpreter reads the project's own modules: `from models import build_model`,
`import config as cfg`, `from .losses import *` bind what those modules define (their top level read
once per run and shared, see interpreter.module_scope), each value adopted as the importing file's
own copy. A mixin of the Interpreter: the seam issue 14's reading of the project crosses."""
from __future__ import annotations

import os
from dataclasses import replace
from typing import Optional

from regr_lint.lazy import cst

from regr_lint.knowledge import tables
from regr_lint.model.names import canonical, dotted_name
from regr_lint.model.values import UNKNOWN, Instance, Lit, Map, ModelRef, ModuleV, Ref, Scope, Seq, Value

# How many of the project's modules one file's analysis reads (the ones it imports itself).
MAX_PROJECT_MODULES = 12


def own_copy(value: Value) -> Value:
    """A list or dict a module shares is copied into the importing file (which may append to it)."""
    if isinstance(value, Seq):
        return Seq(list(value.items), value.node, list(value.elts))
    if isinstance(value, Map):
        return Map(dict(value.items), value.node)
    return value


def star_ref(name: str, bases, node: cst.CSTNode) -> Value:
    """`from keras.layers import *` and friends (`bases`, canonical): an unbound name that only such an
    import can have brought in. Capitalised names are classes (layers, models, losses, metrics);
    lower-case ones are taken only when they are known losses / metrics (or activations, from
    `keras.activations`), never builtins like `max`."""
    if not bases:
        return UNKNOWN
    if name[:1].isupper():
        if name == "Input" and all(base == "keras.models" for base in bases):
            # `from keras.models import *` alone: Keras 2's keras.models re-exported Input, Keras 3's
            # does not (a NameError there; RL503)
            return Ref("keras.models.Input", node)
        if name in tables.MODEL_CLASSES or name in tables.INPUT_FUNCS:
            return Ref(f"keras.{name}", node)
        home = tables.STAR_CLASS_MODULES.get(name)
        for base in bases if home else ():
            if base.rsplit(".", 1)[-1] == home:
                return Ref(f"{base}.{name}", node)
        for base in bases:
            if ".layers" in base:
                return Ref(f"{base}.{name}", node)
        return Ref(f"{bases[0]}.{name}", node)
    for base in bases:
        if base.startswith(("keras.losses", "keras.metrics")) and (
            name in tables.REGRESSION_LOSS_NAMES or name in tables.ACCURACY_METRIC_NAMES
        ):
            return Ref(f"{base}.{name}", node)
        if base == "keras.activations" and (
                name in tables.PROBABILITY_ACTIVATIONS or name in tables.NON_PROBABILITY_ACTIVATIONS):
            return Ref(f"{base}.{name}", node)  # `activation=sigmoid` after `from keras.activations import *`
        if name == "merge" and base == "keras.layers":
            return Ref(f"{base}.{name}", node)  # Keras 1's merge function (RL503: gone from Keras 3)
        if name in tables.LOWERCASE_OPTIMIZERS and base == "keras.optimizers":
            return Ref(f"{base}.{name}", node)  # Keras 2's `sgd = SGD` aliases (RL502: gone from Keras 3)
        if base == "keras" and name in _STAR_SUBMODULES:
            # `from keras import *`, then `optimizers.Adam(lr=1e-3)`: the package binds its submodules
            return Ref(f"keras.{name}", node)
    return UNKNOWN


# The submodules `keras` (and `tensorflow.keras`) bind at their top level, which a star import of the
# package brings in
_STAR_SUBMODULES = frozenset({"optimizers", "layers", "losses", "metrics", "callbacks", "models", "activations",
                              "regularizers", "initializers", "constraints", "backend", "utils", "applications"})


# How far past `levels` a module's imports are still followed for the base classes of its classes
# (`class PriceBuilder(MLPBuilder)`, MLPBuilder's module subclassing one more module's class).
BASE_LEVELS = 4


class ProjectImports:
    """The Interpreter's methods for imports of the project's own modules (its attributes `project`,
    `foreign`, `foreign_stars`, `brought`, `adopted`, `models`, `model_ids`, `levels` are set by
    Interpreter.__init__; `_read_module` reads a module's top level)."""
    def _import_project_names(self, node: cst.ImportFrom, scope: Scope) -> bool:
        """`from models import build_model`, `from .losses import rmse`, `from utils import *`: when
        the module is one of the project's own, its names are what it defines — its top level runs
        once (in this interpreter, in a scope of its own) and the names are bound from there. False
        when the module is not the project's (Keras, an installed package, unknown)."""
        if self.project is None or not self.path or self.foreign_code > self.own_foreign or self.levels <= 0 and not (
                self.levels > -BASE_LEVELS and type(node.names) is not cst.ImportStar
                and all(type(a.name) is cst.Name and self._local_name(a) in self._base_names() for a in node.names)):
            # bounded: `levels` deep from the linted file, past it only for the base classes of the
            # module's classes (a subclass's head overrides a method of a base two modules away);
            # an import inside another module's function (run here) would resolve against the
            # wrong file
            return False
        base = dotted_name(node.module) if node.module is not None else None
        if node.module is not None and base is None:
            return False
        level = len(node.relative)
        if not level and base is not None and base.split(".")[0] in ("keras", "tensorflow", "tf_keras"):
            return False
        try:
            path = self.project.module_file_in(base, self.folder, level)
        except (OSError, ValueError):
            return False
        if path is None or self._only_submodules(path, node):
            return self._import_submodules(base, level, node, scope)
        if type(node.names) is not cst.ImportStar and all(
                type(a.name) is cst.Name and self._reexported(path, a.name.value) for a in node.names):
            # `from zoo import get_model` where zoo/__init__.py holds `from .registry import get_model`:
            # each name is read where it is defined, at this file's depth (the package's re-export is
            # no level of its own: registry.py still reads the nets it maps names to), and the
            # package's other modules are not read for it
            found = [(a, *self._defined_elsewhere(base, a.name.value, level, node)) for a in node.names]
            if all(source is not None for _, _, source in found):
                for alias, value, source in found:
                    local = alias.asname.name.value \
                        if alias.asname is not None and type(alias.asname.name) is cst.Name else alias.name.value
                    scope.vars[local] = self._adopt(own_copy(value))
                    self.facts.project_imports.append((source, node, {local: scope.vars[local]}))
                return True
        module_scope = self._load_module(path)
        bound: dict[str, Value] = {}
        stars = self.foreign_stars.get(path, ())
        # past the modules one file's analysis reads, what the module imports from Keras itself is
        # still known from its summary (`from keras.optimizers import Adam`, re-exported)
        keras_names = self._keras_reexports(path) if module_scope is None else {}
        if keras_names:
            self.facts.has_keras = True
        if type(node.names) is cst.ImportStar:
            # `from common import *` of a module that star-imports Keras: Keras' names arrive too
            self.facts.star_imports.extend(b for b in stars if b not in self.facts.star_imports)
            for name, ref in keras_names.items():
                scope.vars[name] = bound[name] = Ref(ref.qualname, node, ref.raw)
            if module_scope is not None:
                exported = module_scope.vars.get("__all__")
                names = [v.value for v in exported.items if isinstance(v, Lit) and isinstance(v.value, str)] \
                    if isinstance(exported, Seq) else [n for n in module_scope.vars if not n.startswith("_")]
                for name in names:
                    value = module_scope.vars.get(name)
                    if value is not None:
                        scope.vars[name] = bound[name] = self._adopt(own_copy(value))
        else:
            for alias in node.names:
                if type(alias.name) is not cst.Name:
                    continue
                local = alias.asname.name.value if alias.asname is not None and type(alias.asname.name) is cst.Name \
                    else alias.name.value
                value = module_scope.vars.get(alias.name.value) if module_scope is not None \
                    else keras_names.get(alias.name.value)
                if value is None or value is UNKNOWN:
                    # a package re-exporting what a submodule defines (`from .nets import build` in
                    # pkg/__init__.py), or the submodule itself: read where it is defined
                    value, source = self._defined_elsewhere(base, alias.name.value, level, node)
                    if source is not None:
                        self.facts.project_imports.append((source, node, {local: value}))
                    elif stars and alias.name.value not in module_scope.vars:
                        # `from common import SGD` where common.py has `from keras.optimizers import *`
                        found = star_ref(alias.name.value, stars, node)
                        value = found if found is not UNKNOWN else None
                scope.vars[local] = bound[local] = self._adopt(own_copy(value)) if value is not None else UNKNOWN
        if module_scope is not None:
            self.facts.project_imports.append((path, node, bound))
        return True

    def _keras_reexports(self, path: str) -> dict[str, Ref]:
        """{name: what it is} for each name project module `path` binds, unconditionally and for
        `from module import *` too, by importing it from Keras or TensorFlow (`from keras.optimizers
        import Adam`), read from its summary, not by running it."""
        try:
            summary = self.project.summary(path)
        except (OSError, ValueError, SyntaxError, RecursionError):
            return {}
        out = {}
        for name, binding in summary.defines().items():
            module = binding.module
            if binding.kind == "from" and not binding.conditional and not binding.level and module \
                    and module.split(".")[0] in ("keras", "tensorflow", "tf_keras") and summary.exported(name):
                raw = f"{module}.{binding.attr}"
                out[name] = Ref(canonical(raw), None, raw)
        return out

    def _reexported(self, path: str, name: str) -> bool:
        """Whether package `path` (an __init__.py) binds `name` only by importing it from elsewhere,
        unconditionally (a re-export, followed to its definition by the index)."""
        if os.path.basename(path) != "__init__.py":
            return False
        try:
            binding = self.project.summary(path).binding(name)
        except (OSError, ValueError):
            return False
        return binding is not None and binding.kind == "from" and not binding.conditional

    def _only_submodules(self, path: str, node: cst.ImportFrom) -> bool:
        """`from autokeras import test_utils`: only submodules the package never binds itself (see
        `ProjectIndex.only_submodules`): bound without reading the package's __init__.py."""
        if type(node.names) is cst.ImportStar or not all(type(a.name) is cst.Name for a in node.names):
            return False
        try:
            return self.project.only_submodules(path, [a.name.value for a in node.names])
        except (OSError, ValueError):
            return False

    def _import_submodules(self, base: Optional[str], level: int, node: cst.ImportFrom, scope: Scope) -> bool:
        """`from utils import losses` where `utils` is a folder of the project without __init__.py (a
        namespace package), `from . import losses` beside no __init__.py: the names that are
        submodules of the project are bound to them; the others stay unknown (the package is the
        project's, not an installed one). False when none of the names is a project module."""
        if type(node.names) is cst.ImportStar:
            return False
        subs: dict[int, str] = {}
        for i, alias in enumerate(node.names):
            if type(alias.name) is not cst.Name:
                continue
            named = f"{base}.{alias.name.value}" if base else alias.name.value
            try:
                sub = self.project.module_file_in(named, self.folder, level)
            except (OSError, ValueError):
                sub = None
            if sub is not None and sub != self.file:
                subs[i] = sub
        if not subs:
            return False
        for i, alias in enumerate(node.names):
            if type(alias.name) is not cst.Name:
                continue
            local = alias.asname.name.value if alias.asname is not None and type(alias.asname.name) is cst.Name \
                else alias.name.value
            if i in subs:
                scope.vars[local] = ModuleV(subs[i], node)
                self.facts.project_imports.append((subs[i], node, {local: scope.vars[local]}))
            else:
                scope.vars[local] = UNKNOWN
        return True

    def _defined_elsewhere(self, base: Optional[str], name: str, level: int, node, importing: str = ""
                           ) -> tuple[Optional[Value], Optional[str]]:
        """(what `from <base> import <name>` binds when the module named re-exports it or it is a
        submodule, the module it is defined in) — (None, None) when unknown."""
        try:
            found = self.project.resolve(base, name, importing or self.path, level)
        except (OSError, ValueError, RecursionError, SyntaxError):
            return None, None
        if found is None:
            return None, None
        if found.name is None:
            return ModuleV(found.path, node), found.path
        scope = self._load_module(found.path)
        value = scope.vars.get(found.name) if scope is not None else None
        return (value, found.path) if value is not None else (None, None)

    @staticmethod
    def _local_name(alias: cst.ImportAlias) -> str:
        return alias.asname.name.value if alias.asname is not None and type(alias.asname.name) is cst.Name \
            else alias.name.value

    def _base_names(self) -> frozenset:
        """The names the module's top-level classes take their bases from (`MLPBuilder`, and `mid`
        of `mid.MLPBuilder`): once per interpreter."""
        found = self.__dict__.get("_bases")
        if found is None:
            names = set()
            for stmt in self.facts.module.body:
                if type(stmt) is cst.ClassDef:
                    for arg in stmt.bases:
                        node = arg.value
                        while type(node) is cst.Attribute:
                            node = node.value
                        if type(node) is cst.Name:
                            names.add(node.value)
            found = self.__dict__["_bases"] = frozenset(names)
        return found

    def _import_project_module(self, alias: cst.ImportAlias, dotted: str, stmt, scope: Scope) -> bool:
        """`import config as cfg`, `import pkg.nets`: a project module, bound as a ModuleV (read when
        an attribute of it is first asked for). False when it is not the project's."""
        aliased = alias.asname is not None and type(alias.asname.name) is cst.Name
        named = dotted if aliased else dotted.split(".")[0]
        if self.project is None or not self.path or self.foreign_code > self.own_foreign \
                or dotted.split(".")[0] in ("keras", "tensorflow", "tf_keras") or self.levels <= 0 and not (
                    self.levels > -BASE_LEVELS and (alias.asname.name.value if aliased else named) in self._base_names()):
            return False
        try:
            path = self.project.module_file_in(named, self.folder, 0)
        except (OSError, ValueError):
            return False
        if path is None or path == self.file:
            return False
        local = alias.asname.name.value if aliased else named
        scope.vars[local] = ModuleV(path, stmt)
        self.facts.project_imports.append((path, stmt, {local: scope.vars[local]}))
        return True

    def _module_attribute(self, module: ModuleV, attr: str, node) -> Value:
        """`cfg.LOSS`, `pkg.nets`: what the module defines under that name, or its submodule."""
        package = os.path.basename(module.path) == "__init__.py"
        value: Optional[Value] = None
        source: Optional[str] = None
        if package and self.project is not None and self._reexported(module.path, attr):
            # `ak.ImageRegressor` where autokeras/__init__.py re-exports it: read where it is defined,
            # as `from autokeras import ImageRegressor` is, not by reading the package (and all it
            # re-exports)
            value, source = self._defined_elsewhere(None, attr, 1, module.node, module.path)
        if not package or value is None:
            scope = self._load_module(module.path)
            value = scope.vars.get(attr) if scope is not None else None
            source = module.path
        if (value is None or value is UNKNOWN) and package:
            # relative to the package itself: `pkg.nets` is pkg/nets.py
            value, source = self._defined_elsewhere(None, attr, 1, module.node, module.path) \
                if self.project else (None, None)
        if value is None or value is UNKNOWN or source is None:
            return UNKNOWN
        dotted = dotted_name(node) if type(node) is cst.Attribute else None
        if dotted is not None and (source, dotted) not in self.brought:
            # where this file brings that definition in: the first `cfg.LOSS` / `pkg.nets.build`
            self.brought.add((source, dotted))
            self.facts.project_imports.append((source, module.node, {dotted: value}))
        return self._adopt(own_copy(value))

    def _adopt(self, value: Value) -> Value:
        """A model or an instance another module's top level made, as this file's own copy. The
        scopes of project modules are read once and shared by every file that imports them: what
        this file does to such an object (`model.compile(...)` on an imported `model`, `t.model = m`
        on an imported trainer's instance) must land in its own facts, and never be seen by the next
        file the run analyses (results would depend on the order files are linted in). The copy keeps
        what the other module did (its layers, its compile); it is made once per interpreter."""
        kind = type(value)
        if kind is ModelRef:
            theirs = value.model
            if id(theirs) in self.model_ids:
                return value  # built here (or by another module's function this file ran)
        elif kind is Instance:
            if getattr(value.cls.scope, "origin", None) == self.origin:
                return value  # a class of this module
        else:
            return value
        known = self.adopted.get(id(value))  # a copy made here, or the copy of it
        if known is not None:
            return known[1]
        if kind is ModelRef:
            theirs = value.model
            model = self.models.get(("copy", id(theirs)))
            if model is None:
                # every field copied (a new field is never dropped); the containers are this file's own
                model = replace(theirs, layers=list(theirs.layers), outputs=list(theirs.outputs),
                                inputs=list(theirs.inputs), compiles=list(theirs.compiles),
                                trainings=list(theirs.trainings),
                                foreign_trainings=list(theirs.foreign_trainings),
                                calls=list(theirs.calls), placed=dict(theirs.placed))
                self.models[("copy", id(theirs))] = model
                self.model_ids.add(id(model))
                self.facts.models.append(model)
            ours: Value = ModelRef(model, value.node)
        else:
            ours = Instance(value.cls, dict(value.attrs), value.node)
        # both kept alive here: their ids stay their own
        self.adopted[id(value)] = (value, ours)
        self.adopted[id(ours)] = (ours, ours)
        return ours

    def _load_module(self, path: str) -> Optional[Scope]:
        """The top-level scope of project module `path` after its top level ran; None when it cannot be
        read, or the file imports too many project modules."""
        if path in self.foreign:
            return self.foreign[path]
        if path == self.file:
            return None
        if len(self.foreign) >= MAX_PROJECT_MODULES and path != self.must_read:
            self.facts.unread_modules.add(path)
            return None
        loaded = self._read_module(path)
        self.foreign[path] = loaded[0] if loaded else None
        if loaded and loaded[3]:
            self.foreign_stars[path] = loaded[3]
        if loaded:
            self.facts.project_modules.extend(p for p in (path, *loaded[2]) if p not in self.facts.project_modules)
        if loaded and loaded[1]:
            self.facts.has_keras = True  # Keras arrives through that module
        return self.foreign[path]
