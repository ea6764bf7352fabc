"""What the rules about Keras 2 APIs (RL501, RL504, RL506) share: code written for both Keras versions
(it runs the old call only where it exists), and methods of the file's own classes that merely share
a Keras name (not Keras)."""
from __future__ import annotations

from typing import Iterator, Optional

from regr_lint.lazy import cst
from regr_lint.model.names import dotted_name
from regr_lint.model.versions import ENVIRONMENTS, import_paths, keras3_branch, module_slot, values, version_slot


def version_guarded(facts, methods: frozenset, exceptions: frozenset) -> set[int]:
    """The calls (and reads of one of `methods`, see _guardable) in code that runs only where an old
    API exists: under `if hasattr(x, "<one of methods>")` (either branch, or such a conditional
    expression), under a test of a version (the branch Keras 3 skips only, when the test tells which:
    see versions.py), or in a `try:` whose handler catches one of `exceptions` (what Keras 3 raises
    for the old call).
    Also in the project modules the analysis read: a model this file builds may reach the guarded
    call in a helper of another module (`fit_any(model, gen)` in compat.py)."""
    key = ("compat-guarded", methods, exceptions)
    if key not in facts._cache:
        guarded = _guarded_in(facts.module, facts.text, methods, exceptions, _imported_flags(facts))
        if facts.project_modules:
            from regr_lint.model.trees import parsed_module

            project = facts._cache.get("project")
            guarded = set(guarded)
            for path in facts.project_modules:
                tree = parsed_module(path)
                if tree is not None:
                    guarded |= _module_guarded(path, tree, methods, exceptions, _module_flags(path, project))
        facts._cache[key] = guarded
    return facts._cache[key]


_MODULE_GUARDED: dict = {}  # (path, methods, exceptions) -> (the module's tree, its guarded calls)


_FLAGS: dict = {}  # path -> (the module's tree, the version flags it binds)


def _flags_of(path: str) -> dict:
    """The version flags project module `path` binds (`KERAS2 = keras.__version__ < "3"`), each to
    its values under Keras 3 (see _version_flags), when its tree is kept for the run; once per tree
    (every file importing it asks, for each of its rules)."""
    from regr_lint.model.trees import parsed_module

    tree = parsed_module(path)
    if tree is None:
        return {}
    return _per_tree(_FLAGS, path, tree, path,
                     lambda text: _module_level(_version_flags(tree)) if _may_test_version(text) else {})


def _module_level(flags: dict) -> dict:
    """The flags a module binds at its top level (what another module can import), not its
    instances' (`self.legacy_api`)."""
    return {name: v for name, v in flags.items() if "." not in name}


def _per_tree(memo: dict, key, tree, path: str, compute):
    """`compute(the module's text)` once per kept tree of project module `path` (under `key`; the
    memo keeps a few hundred entries, the tree with each so that its identity stays its own)."""
    known = memo.get(key)
    if known is None or known[0] is not tree:
        try:
            from regr_lint.project.link import _text_of

            text = _text_of(path)
        except Exception:  # noqa: BLE001 - unreadable now: every node is visited instead
            text = ""
        known = memo[key] = (tree, compute(text))
        if len(memo) > 256:
            memo.pop(next(iter(memo)))
    return known[1]


def _module_flags(path: str, project) -> frozenset:
    """The version flags project module `path` imports from another project module, as it names
    them (`from compat import KERAS2` gives `KERAS2`, `import compat` gives `compat.KERAS2`, `from
    compat import *` each flag compat exports), with their values (see _version_flags), its imports
    resolved by the project index from its summary."""
    if project is None:
        return frozenset()
    out = {}
    try:
        summary = project.summary(path)
        for b in summary.bindings:
            if b.conditional:
                continue
            if b.kind == "from" and b.attr:
                found = project.resolve(b.module, b.attr, path, b.level)
                flags = _flags_of(found.path) if found is not None else {}
                if found is not None and found.name in flags:
                    out[b.name] = flags[found.name]
            elif b.kind == "star":
                found = project.resolve(b.module, None, path, b.level)
                if found is not None:
                    exporter = project.summary(found.path)
                    out.update((name, v) for name, v in _flags_of(found.path).items() if exporter.exported(name))
            elif b.kind == "import" and b.module and (b.name != b.module.split(".")[0] or "." not in b.module):
                # `import compat` / `import pkg.compat as compat` (not `import pkg.compat`, read as
                # `pkg.compat.FLAG`)
                found = project.resolve(b.module, None, path, 0)
                if found is not None:
                    out.update((f"{b.name}.{flag}", v) for flag, v in _flags_of(found.path).items())
    except (OSError, ValueError, RecursionError, SyntaxError, AttributeError):
        return frozenset()
    return frozenset(out.items())


def _module_guarded(path: str, tree, methods: frozenset, exceptions: frozenset,
                    imported: frozenset = frozenset()) -> set[int]:
    """`_guarded_in` for a project module's tree kept for the run: once per tree (and flags it
    imports)."""
    return _per_tree(_MODULE_GUARDED, (path, methods, exceptions, imported), tree, path,
                     lambda text: _guarded_in(tree, text, methods, exceptions, imported))


def _imported_flags(facts) -> frozenset:
    """The names this file imports from a project module that binds them to a test of a
    `__version__` there (`from compat import NEW_KERAS`; `compat.NEW_KERAS` after `import compat`;
    `NEW_KERAS` after `from compat import *`), each with its values (see _version_flags)."""
    from regr_lint.model.values import ModuleV

    out = {}
    for source, node, bound in getattr(facts, "project_imports", ()):
        if type(node) is cst.Import:
            # `import compat`, then `if compat.KERAS2:`
            out.update((f"{name}.{flag}", v) for name, value in bound.items()
                       if type(value) is ModuleV for flag, v in _flags_of(value.path).items())
            continue
        if type(node) is not cst.ImportFrom:
            continue
        flags = _flags_of(source)
        if type(node.names) is cst.ImportStar:
            out.update((name, v) for name, v in flags.items() if name in bound)  # what the star bound here
            continue
        for alias in node.names if flags else ():
            if type(alias.name) is cst.Name and alias.name.value in flags:
                out[alias.asname.name.value if alias.asname is not None and type(alias.asname.name) is cst.Name
                    else alias.name.value] = flags[alias.name.value]
    return frozenset(out.items())


def _may_test_version(text: str) -> bool:
    """The text can hold a version test (`__version__`, TensorFlow's `tf.version.VERSION`); an
    unread text (empty) always can."""
    return not text or "__version__" in text or "VERSION" in text


def _guarded_in(module, text: str, methods: frozenset, exceptions: frozenset,
                imported: frozenset = frozenset()) -> set[int]:
    guarded: set[int] = set()
    # `if` and `try` are statements: found without visiting any expression (libcst's `children`
    # builds each node's list anew; a walk of every node was a tenth of a cold run on a
    # 9,000-line file). A conditional expression can only be a guard when the text names
    # a version, or `hasattr` / `getattr` and one of the methods: then every node is visited.
    feature = bool(methods) and (not text or ("hasattr" in text or "getattr" in text)
                                 and any(m in text for m in methods))
    ifexp = _may_test_version(text) or feature or bool(imported)
    flags = {**dict(imported), **(_version_flags(module) if _may_test_version(text) else {}),
             **(_feature_flags(module, methods) if feature else {})}
    paths = import_paths(module) if flags or _may_test_version(text) else {}
    for node in (_nodes if ifexp else statements)(module):
        if isinstance(node, (cst.If, cst.IfExp)) and _compat_test(node.test, methods, flags, paths):
            scope = _untaken(node, keras3_branch(node.test, paths, flags))
            if scope is None:
                continue
        elif isinstance(node, cst.Try) and any(_catches(h, exceptions) for h in node.handlers):
            scope = node.body
        elif isinstance(node, cst.Try) and any(_broad(h) and h.name is None and _does_it_otherwise(h)
                                               for h in node.handlers):
            # `try: Model(input=x, output=y)` / `except: Model(inputs=x, outputs=y)`: a handler
            # that catches everything and does the work another way. One that binds the error
            # (`except Exception as e:`) or only reports it leaves a call that fails on Keras 3
            # a finding: the error is handled, the work is not done
            scope = node.body
        else:
            continue
        guarded.update(id(n) for n in _nodes(scope) if _guardable(n, methods))
        if isinstance(node, cst.Try):
            # `try: fit(x, y, epochs=3)` / `except TypeError: fit(x, y, nb_epoch=3)`: the handler's
            # call of what the body calls is the old API's fallback, run only where the new one fails
            done = {_callee_name(n) for n in _nodes(node.body) if isinstance(n, cst.Call)} - {None}
            done |= {old for name in done for old in _OLD_NAMES.get(name, ())}
            for handler in node.handlers:
                if _catches(handler, exceptions) or _broad(handler) and handler.name is None:
                    guarded.update(id(n) for n in _nodes(handler.body)
                                   if isinstance(n, cst.Call) and _callee_name(n) in done)
    for block in _blocks(module):
        for k, stmt in enumerate(block):
            if isinstance(stmt, cst.If) and stmt.orelse is None and _exits(stmt.body) \
                    and _compat_test(stmt.test, methods, flags, paths) \
                    and keras3_branch(stmt.test, paths, flags) is not False:
                # `if NEW_TF: return model.predict(gen)` then `return model.predict_generator(gen)`:
                # what follows the early exit is the other arm of the version test (unless Keras 3
                # is known not to take the exit: then it runs what follows)
                for rest in block[k + 1:]:
                    guarded.update(id(n) for n in _nodes(rest) if _guardable(n, methods))
                break
    return guarded


def _guardable(node, methods: frozenset) -> bool:
    """A call, or one of `methods` read without a call (`self.fit_generator = self.model.fit_generator`
    under `if hasattr(self.model, "fit_generator")`): what a guard keeps from running on Keras 3."""
    return type(node) is cst.Call or type(node) is cst.Attribute and node.attr.value in methods


def _blocks(module, kinds: Optional[tuple] = None) -> Iterator[list]:
    """The statement lists of `module`: its top level and every indented block (a clause's too);
    with `cst.SimpleStatementSuite` among `kinds` (default: indented blocks only), also the small
    statements of a one-line body (`if x: raise E; fit(...)`). (No libcst class as a default: it
    would load libcst when this module is imported.)"""
    kinds = kinds or (cst.IndentedBlock,)
    yield module.body
    for node in statements(module):
        if isinstance(getattr(node, "body", None), kinds):
            yield node.body.body


# (by name, not `(cst.Raise, ...)`: a tuple of libcst classes here would load libcst when the engine
# imports this module, and a warm run never needs it)
_JUMPS = frozenset({"Raise", "Return", "Continue", "Break"})


def unreachable(facts) -> frozenset:
    """The ids of every node of code that can never run: what follows an unconditional `raise`,
    `return`, `continue` or `break` in the same block (`raise NotImplementedError(...)` left above
    the old code it disabled). A jump in an `if` arm, in a nested function or in a `try:` body
    leaves the code after the `if`, the function or the `try` (its handlers, its `finally:`) alive.
    In the file and in the project modules its analysis read (a finding may point into one)."""
    if "unreachable" not in facts._cache:
        from regr_lint.model.trees import parsed_module

        trees = [facts.module, *(parsed_module(path) for path in facts.project_modules)]
        facts._cache["unreachable"] = frozenset(id(n) for tree in trees if tree is not None
                                                for dead in _after_jumps(tree) for n in _nodes(dead))
    return facts._cache["unreachable"]


def _after_jumps(module) -> Iterator:
    """The statements (and small statements of a line: `raise E; fit(...)`) after a jump in their
    block. Only the text's own jumps: a call that always raises (`sys.exit()`) may be rebound."""
    for block in _blocks(module, (cst.IndentedBlock, cst.SimpleStatementSuite)):
        for k, stmt in enumerate(block):
            smalls = stmt.body if isinstance(stmt, cst.SimpleStatementLine) else [stmt]
            jump = next((i for i, small in enumerate(smalls) if type(small).__name__ in _JUMPS), None)
            if jump is not None:
                yield from smalls[jump + 1:]
                yield from block[k + 1:]
                break


def _untaken(node, keras3: Optional[bool]):
    """What of a version test's `if` (or conditional expression) Keras 3 never runs: the whole of it
    when which branch Keras 3 takes cannot be told (code written for both versions), else the other
    branch — `if int(keras.__version__[0]) > 1: model.fit_generator(...)` runs on Keras 3 (3 > 1)
    and fails there: the test separates Keras 1 from 2, not 2 from 3. None: nothing."""
    if keras3 is None:
        return node
    return node.orelse if keras3 else node.body


def _exits(body) -> bool:
    """The block does the work its own way and leaves the function: it calls something (or hands a
    method back uncalled, `return model.evaluate`) and its last statement returns. (One that raises —
    `if tf.__version__ < "2": raise …` — leaves the code after it to the versions that pass, Keras 3
    among them: no guard.)"""
    last = body.body[-1] if body.body else None
    if isinstance(last, cst.SimpleStatementLine):
        last = last.body[-1] if last.body else None
    return isinstance(last, cst.Return) and (isinstance(last.value, cst.Attribute)
                                             or any(isinstance(n, cst.Call) for n in _nodes(body)))


def _version_flags(module) -> dict:
    """Names the module binds at its top level to a test of a version (`keras_2 =
    int(keras.__version__.split(".")[0]) > 1`, also by unpacking, `MAJOR, MINOR = map(int, …)`), and
    `self.<name>` a method binds to one (`self.legacy_api = keras.__version__ < "2.1"`, when every
    binding of it is one): an `if keras_2:` is a version test too. Each maps to its values in the
    Keras 3 environments (versions.values), None when they are not known (a name bound twice, in a
    `try:` and its `except ImportError:`)."""
    paths = import_paths(module)
    out: dict = {}
    counts: dict = {}
    for stmt in _top_simple_lines(module.body):
        for small in stmt.body:
            if isinstance(small, cst.Assign) and len(small.targets) == 1:
                _bind_flag(small.targets[0].target, small.value, paths, out, counts)
            elif isinstance(small, cst.ImportFrom) and not isinstance(small.names, cst.ImportStar):
                # `from keras import __version__ as KERAS_VERSION`: the version string itself
                for alias in small.names:
                    if isinstance(alias.name, cst.Name) and alias.name.value == "__version__":
                        name = alias.asname.name.value if alias.asname is not None \
                            and isinstance(alias.asname.name, cst.Name) else "__version__"
                        slot = module_slot(dotted_name(small.module)) \
                            if small.module is not None and not small.relative else None
                        counts[name] = counts.get(name, 0) + 1
                        out[name] = None if slot is None or counts[name] > 1 else \
                            tuple(env[slot] for env in ENVIRONMENTS)
    out.update(_attribute_flags(module, paths, out))
    return out


def _bind_flag(target, value, paths: dict, out: dict, counts: dict) -> None:
    names = [target] if isinstance(target, cst.Name) else \
        [e.value for e in target.elements] if isinstance(target, (cst.Tuple, cst.List)) else []
    if not names or not all(isinstance(n, cst.Name) for n in names):
        return
    for n in names:
        counts[n.value] = counts.get(n.value, 0) + 1
    if not _reads_version(value, paths, out):
        # `except ImportError: KERAS_MAJOR = 2` after the `try:` bound it from the version: still
        # a flag, its value not known
        out.update((n.value, None) for n in names if n.value in out)
        return
    found = values(value, paths, out)
    for k, n in enumerate(names):
        part = found if len(names) == 1 or found is None else \
            tuple(v[k] for v in found) if all(isinstance(v, tuple) and len(v) == len(names) for v in found) else None
        out[n.value] = part if counts[n.value] == 1 else None


def _reads_version(value, paths: dict, flags: dict) -> bool:
    """`value` reads a version (`keras.__version__`, `tf.version.VERSION`) or a version flag."""
    return any(isinstance(n, cst.Attribute) and (n.attr.value == "__version__" or version_slot(n, paths) is not None)
               or isinstance(n, cst.Name) and n.value in flags for n in _nodes(value))


def _attribute_flags(module, paths: dict, flags: dict) -> dict:
    """`self.<name>` -> its values, for the attributes every binding of which (in any method of the
    module) is one version test: `self.legacy_api = keras.__version__ < "2.1"` in `__init__`."""
    bound: dict = {}
    for target, value in _assigned(module):
        if _of_self(target):
            bound.setdefault(f"self.{target.attr.value}", []).append(value)
    return {name: values(found[0], paths, flags) for name, found in bound.items()
            if len(found) == 1 and found[0] is not None and _reads_version(found[0], paths, flags)}


def _feature_flags(module, methods: frozenset) -> dict:
    """Names every binding of which (anywhere in the module) is a test for one of `methods`:
    `HAS_FIT_GENERATOR = hasattr(model, "fit_generator")`, then `if HAS_FIT_GENERATOR:`. Their
    value where Keras 3 runs is not read (see _compat_test): None."""
    bound: dict = {}
    for target, value in _assigned(module):
        if isinstance(target, cst.Name):
            bound.setdefault(target.value, []).append(value is not None and _feature_test(_unwrapped(value), methods))
    return {name: None for name, tests in bound.items() if all(tests)}


def _unwrapped(value):
    """`x` of `not x`, `callable(x)`, `bool(x)` (`callable(getattr(model, "fit_generator", None))`),
    read without visiting the expression's nodes (every assignment of a module is asked)."""
    while True:
        if isinstance(value, cst.UnaryOperation) and isinstance(value.operator, cst.Not):
            value = value.expression
        elif isinstance(value, cst.Call) and isinstance(value.func, cst.Name) \
                and value.func.value in ("callable", "bool") and len(value.args) == 1:
            value = value.args[0].value
        else:
            return value


def _assigned(module) -> Iterator:
    """(target, value) of every assignment statement in the module, one per name or attribute it
    binds; the value None where the target is not bound to the whole of one (unpacked, augmented,
    annotated without a value, one of several targets)."""
    for stmt in statements(module):
        if not isinstance(stmt, cst.SimpleStatementLine):
            continue
        for small in stmt.body:
            targets = [t.target for t in small.targets] if isinstance(small, cst.Assign) else \
                [small.target] if isinstance(small, (cst.AnnAssign, cst.AugAssign)) else []
            whole = isinstance(small, cst.Assign) and len(targets) == 1
            for target in targets:
                for part in _target_parts(target):
                    yield part, small.value if whole and part is target else None


def _target_parts(target) -> list:
    """What an assignment target binds: itself, or the parts of a tuple / list it unpacks into."""
    if isinstance(target, (cst.Tuple, cst.List)):
        return [e.value for e in target.elements]
    return [target]


def _feature_test(node, methods: frozenset) -> bool:
    """`hasattr(x, "fit_generator")`, or `getattr(x, "fit_generator", None)` (a default: the
    attribute may be missing), naming one of `methods`."""
    if not (isinstance(node, cst.Call) and isinstance(node.func, cst.Name)):
        return False
    wanted = 2 if node.func.value == "hasattr" else 3 if node.func.value == "getattr" else 0
    return bool(wanted) and len(node.args) >= wanted and isinstance(node.args[1].value, cst.SimpleString) \
        and node.args[1].value.evaluated_value in methods


def _top_simple_lines(body):
    """The simple statement lines of a module's top level, in source order, also inside its `try:`
    blocks (and their handlers) and `if` blocks: `try: import keras; KERAS1 = keras.__version__ <
    "2"` binds the flag (and a flag made of it after the `try:` reads it bound)."""
    todo = list(body)
    while todo:
        stmt = todo.pop(0)
        if isinstance(stmt, cst.SimpleStatementLine):
            yield stmt
        elif isinstance(stmt, (cst.Try, cst.If)):
            blocks = [stmt.body, *(h.body for h in getattr(stmt, "handlers", ())),
                      getattr(stmt, "orelse", None), getattr(stmt, "finalbody", None)]
            inner = []
            for block in blocks:
                if isinstance(block, (cst.Else, cst.Finally)):
                    block = block.body
                if isinstance(block, cst.If):
                    inner.append(block)  # an `elif`
                elif isinstance(block, cst.IndentedBlock):
                    inner.extend(block.body)
            todo[:0] = inner


def _compat_test(test, methods: frozenset, flags=frozenset(), paths: Optional[dict] = None) -> bool:
    for node in _nodes(test):
        if isinstance(node, cst.Name) and node.value in flags:
            return True
        if isinstance(node, cst.Attribute) and isinstance(node.value, cst.Name) \
                and f"{node.value.value}.{node.attr.value}" in flags:
            return True  # `if compat.KERAS2:` after `import compat`, `if self.legacy_api:`
        if _feature_test(node, methods):
            return True
        if isinstance(node, cst.Attribute) and (node.attr.value == "__version__"
                                                or paths is not None and version_slot(node, paths) is not None):
            return True
    return False


# Keras 3's methods -> the Keras 1 / 2 methods a fallback calls for them
_OLD_NAMES = {"fit": ("fit_generator",), "evaluate": ("evaluate_generator",),
              "predict": ("predict_generator", "predict_classes", "predict_proba")}


def _callee_name(call) -> Optional[str]:
    func = call.func
    return func.value if isinstance(func, cst.Name) else func.attr.value if isinstance(func, cst.Attribute) else None


def _broad(handler) -> bool:
    """`except:`, `except Exception:`, `except BaseException:`."""
    return handler.type is None or isinstance(handler.type, cst.Name) and handler.type.value in (
        "Exception", "BaseException")


# What a handler calls to report an error, not to do the work another way.
_REPORTING = frozenset({"print", "warn", "warning", "error", "exception", "info", "debug", "critical", "log",
                        "format", "str", "repr", "exit", "print_exc", "format_exc", "write", "flush"})


def _does_it_otherwise(handler) -> bool:
    """The handler makes a call other than reporting the error (`print(e)`, `logger.warning(...)`)."""
    for node in _nodes(handler.body):
        if isinstance(node, cst.Call):
            func = node.func
            name = func.value if isinstance(func, cst.Name) else func.attr.value \
                if isinstance(func, cst.Attribute) else None
            if name not in _REPORTING:
                return True
    return False


def _catches(handler, exceptions: frozenset) -> bool:
    kinds = [] if handler.type is None else \
        [e.value for e in handler.type.elements] if isinstance(handler.type, cst.Tuple) else [handler.type]
    return any(isinstance(k, cst.Name) and k.value in exceptions for k in kinds)


def attribute_guarded(facts, names: frozenset) -> set[int]:
    """The calls that run only where one of the attributes `names` exists: under a `hasattr` of
    one of them or a version test (see version_guarded), or in a `try:` whose handler catches the
    AttributeError a missing one raises — also `except Exception:` or a bare `except:`, even one
    that only passes: where the name is missing there is nothing to do (as import_guarded reads an
    import)."""
    key = ("attribute-guarded", names)
    if key not in facts._cache:
        guarded = set(version_guarded(facts, names, frozenset()))
        for node in statements(facts.module):
            if isinstance(node, cst.Try) and any(_catches(h, _ATTRIBUTE_ERROR) or _broad(h) for h in node.handlers):
                guarded.update(id(n) for n in _nodes(node.body) if isinstance(n, cst.Call))
        facts._cache[key] = guarded
    return facts._cache[key]


_ATTRIBUTE_ERROR = frozenset({"AttributeError"})


def calls_holding(facts, nodes) -> dict:
    """id(node) -> the innermost call of the file whose callee or arguments hold it, for each of
    `nodes` that one holds (a walk of every node: asked only for the few nodes a rule found)."""
    wanted = {id(n) for n in nodes}
    out: dict = {}
    stack = [(facts.module, None)]
    while stack and len(out) < len(wanted):
        current, call = stack.pop()
        if call is not None and id(current) in wanted:
            out[id(current)] = call
        inner = current if isinstance(current, cst.Call) else call
        stack.extend((child, inner) for child in current.children)
    return out


def import_guarded(facts, exceptions: frozenset) -> set[int]:
    """The import statements in a `try:` whose handler catches one of `exceptions` (what the import
    raises where its name or module is missing; also `except Exception:` or a bare `except:`): code
    that runs where the name is there."""
    key = ("import-guarded", exceptions)
    if key not in facts._cache:
        guarded = set()
        for node in statements(facts.module):
            if isinstance(node, cst.Try) and any(_catches(h, exceptions) or _broad(h) for h in node.handlers):
                guarded.update(id(small) for line in statements(node.body) if isinstance(line, cst.SimpleStatementLine)
                               for small in line.body if isinstance(small, (cst.Import, cst.ImportFrom)))
        facts._cache[key] = guarded
    return facts._cache[key]


_BLOCK_FIELDS = ("body", "orelse", "handlers", "finalbody", "cases")


def statements(module) -> Iterator:
    """Every statement of `module` (or of a block: anything with a `body` list), compound ones'
    blocks included (an `else:` / `except:` /
    `finally:` / `case` clause is yielded too, then its statements), never an expression."""
    stack = list(reversed(module.body))
    while stack:
        current = stack.pop()
        yield current
        for field in _BLOCK_FIELDS:
            block = getattr(current, field, None)
            if block is None:
                continue
            if isinstance(block, (list, tuple)):
                stack.extend(reversed(block))
            elif isinstance(block, (cst.IndentedBlock, cst.SimpleStatementSuite)):
                stack.extend(reversed(block.body))
            else:  # an Else / Finally clause, or the `elif` If
                stack.append(block)


def _nodes(node) -> Iterator:
    stack = [node]
    while stack:
        current = stack.pop()
        yield current
        stack.extend(reversed(current.children))


def file_defines(facts, method: str, keywords: frozenset = frozenset()) -> bool:
    """A class of the file, or of the project modules it imports (`from ganlib import Gan`, whose own
    `fit_generator` a test reaches through a fixture), defines the method: a `def` (a static one
    too) or a class-level alias. With `keywords` (those a call passes), only a definition that can
    take them counts: `model.evaluate(x, y, workers=8)` is not a call of the class's own
    `evaluate(self, data, model)`, which would reject `workers=`."""
    key = ("compat-defines", method, keywords)
    if key not in facts._cache:
        facts._cache[key] = any(_class_takes(c, method, keywords) for c in _nodes(facts.module) if isinstance(c, cst.ClassDef)) \
            or any(defined_by_user(value if hasattr(value, "cdef") else getattr(value, "cls", None), method, keywords)
                   for _, _, bound in facts.project_imports for value in bound.values()) \
            or any(_module_defines(path, method, keywords) for path in facts.project_modules)
    return facts._cache[key]


def _module_defines(path: str, method: str, keywords: frozenset = frozenset()) -> bool:
    """A top-level class of project module `path` (a tree kept for the run, never parsed here)
    defines the method: the wrapper a factory of the package builds, re-exported by a star import."""
    from regr_lint.model.trees import parsed_module

    tree = parsed_module(path)
    return tree is not None and any(type(stmt) is cst.ClassDef and _class_takes(stmt, method, keywords) for stmt in tree.body)


def _class_takes(cdef, method: str, keywords: frozenset = frozenset()) -> bool:
    """The class binds `method` (see class_names) in a way that can take `keywords`: a `def` naming
    each of them or taking `**kwargs`, or a class-level alias (what it calls is not read)."""
    if method not in class_names(cdef):
        return False
    if not keywords:
        return True
    defs = [stmt for stmt in getattr(cdef.body, "body", ())
            if type(stmt) is cst.FunctionDef and stmt.name.value == method]
    if not defs:
        return True  # `fit_generator = fit`
    for fdef in defs:
        params = fdef.params
        if type(params.star_kwarg) is cst.Param:
            return True
        named = {p.name.value for p in (*params.params, *params.kwonly_params)}
        if keywords <= named:
            return True
    return False


def _delegates(facts, node, method: str) -> bool:
    """`node`, a call of `method` on an object a method of that same name holds — `self.trunk`,
    `self.members[i]`, or `m` in `for m in self.members` — is the wrapper handing the call on to what
    it wraps (`def fit_generator(self, gen): self.net.fit_generator(gen)`), not calling itself: the
    held object's own method."""
    from regr_lint.model.importers import _enclosing_function

    receiver = _callee(node).value
    while isinstance(receiver, cst.Subscript):
        receiver = receiver.value
    if isinstance(receiver, cst.Name) and receiver.value == "self" or not _may_define(facts, method):
        return False
    fdef = _enclosing_function(node, facts)
    if fdef is None or fdef.name.value != method or not fdef.params.params \
            or fdef.params.params[0].name.value != "self":
        return False
    if _of_self(receiver):
        return True
    return isinstance(receiver, cst.Name) and any(
        _loop_names(loop.target, receiver.value) and _of_self(_iterated(loop.iter))
        for loop in _loops(fdef.body))


def _may_define(facts, method: str) -> bool:
    """The text of the file, or of a project module its analysis read, holds `def method`: only then
    can a call sit in a method of that name (the search for the enclosing function walks the trees)."""
    from regr_lint.project.link import project_text

    key = ("compat-may-define", method)
    if key not in facts._cache:
        needle = f"def {method}"
        facts._cache[key] = not facts.text or needle in facts.text or any(
            needle in (project_text(p) or "") for p in facts.project_modules)
    return facts._cache[key]


def _of_self(node) -> bool:
    """`self.members`, `self.trunk`: an attribute of the instance."""
    return isinstance(node, cst.Attribute) and isinstance(node.value, cst.Name) and node.value.value == "self"


def _iterated(node):
    """What `for … in enumerate(xs)` / `zip(xs, …)` runs over (its first argument), or `node` itself."""
    if isinstance(node, cst.Call) and isinstance(node.func, cst.Name) and node.func.value in ("enumerate", "zip") \
            and node.args:
        return node.args[0].value
    return node


def _loop_names(target, name: str) -> bool:
    if isinstance(target, cst.Name):
        return target.value == name
    return isinstance(target, (cst.Tuple, cst.List)) and any(
        isinstance(e.value, cst.Name) and e.value.value == name for e in target.elements)


def _loops(body) -> Iterator:
    stack = [body]
    while stack:
        node = stack.pop()
        if isinstance(node, cst.For):
            yield node
        if isinstance(node, (cst.FunctionDef, cst.ClassDef, cst.Lambda)) and node is not body:
            continue
        stack.extend(node.children)


def call_keywords(call) -> frozenset:
    """The keywords a call passes by name (`workers=8` -> "workers"), `**` splats left out."""
    return frozenset(a.keyword.value for a in call.args if a.keyword is not None)


def model_alias(facts, name: str) -> bool:
    """`net = self.model` (or `m = trainer.model`): the name holds what a wrapper wraps, a model."""
    for targets, value in facts.assignments:
        if isinstance(value, cst.Attribute) and value.attr.value.lower().endswith("model") \
                and any(isinstance(t, cst.Name) and t.value == name for t in targets):
            return True
    return False


def class_names(cdef) -> set:
    """The names a class body binds: its methods and class-level assignments (`fit_generator = fit`)."""
    names = set()
    for stmt in getattr(cdef.body, "body", ()):
        if isinstance(stmt, cst.FunctionDef):
            names.add(stmt.name.value)
        for small in getattr(stmt, "body", ()) if isinstance(stmt, cst.SimpleStatementLine) else ():
            targets = [t.target for t in small.targets] if isinstance(small, cst.Assign) else \
                [small.target] if isinstance(small, cst.AnnAssign) else []
            names.update(t.value for t in targets if isinstance(t, cst.Name))
    return names


def through_super(call: cst.Call) -> bool:
    """`super().fit_generator(...)` / `super(Net, self).predict_classes(...)`."""
    func = call.func
    return type(func) is cst.Attribute and type(func.value) is cst.Call and type(func.value.func) is cst.Name \
        and func.value.func.value == "super"


def defined_by_user(cls, method: str, keywords: frozenset = frozenset()) -> bool:
    """A model class of the file that defines the method itself (or one of its bases does); with
    `keywords`, in a way that can take them (see `_class_takes`)."""
    todo, seen = [cls], set()
    while todo:
        current = todo.pop()
        if current is None or not hasattr(current, "cdef") or id(current) in seen:
            continue
        seen.add(id(current))
        if method in class_names(current.cdef):
            return _class_takes(current.cdef, method, keywords)
        todo.extend(getattr(current, "bases", ()))
    return False


def _mentions_keras(facts) -> bool:
    text = facts.text or ""
    return "keras" in text or "tensorflow" in text or not text


def _callee(node):
    """What a call calls (`model.fit_generator` of `model.fit_generator(gen)`); a method read without
    a call (`self.model.fit_generator` in an alias) is itself."""
    return node.func if type(node) is cst.Call else node


def user_method(facts, model, call) -> bool:
    """`call` (a method call on `model`, or a read of the method: a MethodRead) is the file's own
    method of that name, not Keras': its class defines it, or the receiver is a name of unknown type
    while a class of the file defines it (and the name was not taken from a `.model` attribute), or
    an object of unknown type not named for a model while a module of the project defines a method
    of that name."""
    if type(call.node) is cst.Call and through_super(call.node):
        return False  # recorded only when no project base defines it: Keras' own (see Calls)
    if defined_by_user(model.cls, call.method):
        return True
    func = _callee(call.node)
    if model.kind != "opaque" or not isinstance(func, cst.Attribute):
        return False
    if _delegates(facts, call.node, call.method):
        return False
    keywords = call_keywords(call.node) if type(call.node) is cst.Call else frozenset()
    if isinstance(func.value, cst.Name) and file_defines(facts, call.method, keywords) \
            and not model_alias(facts, func.value.value):
        return True
    # A class anywhere in the project defines it (`ModelManager.fit_generator`, whose instance a
    # runner module gets as a parameter): unless the receiver is named for a model (`self.model`,
    # `net = trainer.model`), it may be that class
    held = func.value.value if isinstance(func.value, cst.Name) else \
        func.value.attr.value if isinstance(func.value, cst.Attribute) else None
    if held is None or model_alias(facts, held) or not facts.path:
        return False
    if held.lower().endswith("model") and (not isinstance(func.value, cst.Name) or _mentions_keras(facts)):
        # named for a model: Keras' own unless a plain name in a file that never names Keras itself
        # (a runner module given `seq2seq_model`, an instance of the project's class defining it)
        return False
    from regr_lint.project.link import project_defines_method

    return project_defines_method(facts.path, call.method)
