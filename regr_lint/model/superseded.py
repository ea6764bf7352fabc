"""Compiles a later compile of the same model replaces before anything could train with them.

`clf.compile(loss="binary_crossentropy")` then, a few lines on, `clf.compile(loss=
BinaryCrossentropy(from_logits=True))` and only then `clf.fit(...)`: Keras trains with the second;
the first is dead code, and a rule judging it would report a mistake that never runs. Only the
plain case is taken: both compiles are statements of one block (straight-line code), and no statement
between them trains or evaluates anything or hands the model to a function (which might).

Read by the crossentropy rules (RL104, RL105), where recompiling with `from_logits=True` is how a
head without activation is fixed; the other rules judge every compile of one file (two compiles in a
row with the same mistake are two places to fix). A builder's placeholder compile that the scripts
using the builder all replace before training (`replaced_where_used`) is judged by none."""
from __future__ import annotations

from regr_lint.knowledge import tables
from regr_lint.lazy import cst

from regr_lint.model.importers import fitted_by_importers
from regr_lint.model.model import trained_by_itself

_RUNS = tables.TRAIN_METHODS | tables.EVAL_METHODS


def superseded_compiles(facts) -> set:
    """id() of each compile of the file's models that a later compile of the same model supersedes
    (see above)."""
    key = "superseded_compiles"
    if key not in facts._cache:
        facts._cache[key] = _superseded(facts)
    return facts._cache[key]


def _superseded(facts) -> set:
    dead: set = set()
    models = [m for m in facts.models if len(m.compiles) > 1]
    if not models:
        return dead
    wanted = {id(c.node) for m in models for c in m.compiles}
    where = _statements_of(facts.module, wanted)
    sites = _helper_sites(facts.module, models)
    for model in models:
        placed = [(c, sites.get(id(c.node)) or where.get(id(c.node))) for c in model.compiles]
        for k, (comp, at) in enumerate(placed):
            if at is None:
                continue
            block, index, name = at
            for later, there in placed[k + 1:]:
                if there is None or there[0] is not block or there[1] <= index:
                    continue
                if not any(_may_run(stmt, name) for stmt in block[index + 1:there[1]]):
                    dead.add(id(comp))
                    break
    return dead


def _helper_sites(module, models) -> dict:
    """id(compile) -> (block, index, name) of the statement calling the helper that made it, for a
    compile a helper makes on the model it receives and trains nothing with (`describe(clf)`, whose
    `model.compile(loss=...)` is there to list the layers): the call stands where the compile would.
    Only a helper that runs no training or evaluation and hands its parameters to no call, called
    by a statement of this file that passes the model by name and runs nothing else."""
    wanted = {id(c.site[0]): c for m in models for c in m.compiles
              if c.site is not None and c.site[0] is not None and _inert_helper(c.site[1], c.node)}
    out: dict = {}
    if not wanted:
        return out
    stack = [module.body]
    while stack:
        body = stack.pop()
        for index, stmt in enumerate(body):
            if type(stmt) is not cst.SimpleStatementLine:
                stack.extend(_blocks_of(stmt))
                continue
            for call in _calls_in(stmt):
                comp = wanted.get(id(call))
                name = _passed_name(call, comp.site[1], comp.node) if comp is not None else None
                if name is not None and not _may_run(stmt, name, call):
                    out[id(comp.node)] = (body, index, name)
    return out


def _blocks_of(stmt) -> list:
    found = []
    for part in (getattr(stmt, "body", None), getattr(stmt, "orelse", None),
                 getattr(stmt, "finalbody", None), *getattr(stmt, "handlers", ())):
        if type(part) is cst.If:
            found.extend(_blocks_of(part))
            continue
        block = part if type(part) is cst.IndentedBlock else getattr(part, "body", None)
        if type(block) is cst.IndentedBlock:
            found.append(block.body)
    return found


def _calls_in(node) -> list:
    found, stack = [], [node]
    while stack:
        node = stack.pop()
        if type(node) is cst.Call:
            found.append(node)
        stack.extend(node.children)
    return found


def _inert_helper(fdef, compile_call) -> bool:
    """`fdef` compiles its parameter (`model.compile(...)` directly in its body) and neither trains,
    evaluates nor hands a parameter on to another call (which might)."""
    params = {p.name.value for p in (*fdef.params.posonly_params, *fdef.params.params, *fdef.params.kwonly_params)}
    func = compile_call.func
    if type(func) is not cst.Attribute or type(func.value) is not cst.Name or func.value.value not in params:
        return False
    calls = _calls_in(fdef.body)
    return any(c is compile_call for c in calls) and not any(
        _runs(c) or any(type(a.value) is cst.Name and a.value.value in params for a in c.args) for c in calls)


def _passed_name(call, fdef, compile_call) -> str | None:
    """The name the call passes to the parameter the helper compiles (positional or keyword)."""
    param = compile_call.func.value.value
    positional = [p.name.value for p in (*fdef.params.posonly_params, *fdef.params.params)]
    for k, arg in enumerate(call.args):
        if arg.star:
            return None
        key = arg.keyword.value if arg.keyword is not None else positional[k] if k < len(positional) else None
        if key == param:
            return arg.value.value if type(arg.value) is cst.Name else None
    return None


def _runs(call) -> bool:
    func = call.func
    return type(func) is cst.Attribute and func.attr.value in _RUNS or type(func) is cst.Name and func.value in _RUNS


def _statements_of(module, wanted: set) -> dict:
    """id(call) -> (the block's statements, the index of the statement holding it, the name the call
    is made on: `clf` of `clf.compile(...)`), for the calls of `wanted` that are a statement of
    their own (`clf.compile(...)`, not inside another expression) in the file's own tree."""
    out: dict = {}
    stack = [module.body]
    while stack:
        body = stack.pop()
        for index, stmt in enumerate(body):
            if type(stmt) is cst.SimpleStatementLine:
                for small in stmt.body:
                    call = small.value if type(small) is cst.Expr else None
                    if type(call) is cst.Call and id(call) in wanted and type(call.func) is cst.Attribute \
                            and type(call.func.value) is cst.Name:
                        out[id(call)] = (body, index, call.func.value.value)
                continue
            for part in (getattr(stmt, "body", None), getattr(stmt, "orelse", None),
                         getattr(stmt, "finalbody", None), *getattr(stmt, "handlers", ())):
                if type(part) is cst.If:  # an `elif`: a statement of its own
                    stack.append((part,))
                    continue
                block = part if type(part) is cst.IndentedBlock else getattr(part, "body", None)
                if type(block) is cst.IndentedBlock:
                    stack.append(block.body)
    return out


def _may_run(stmt, name: str, helper=None) -> bool:
    """Whether `stmt` calls a training or evaluating method (on anything), hands `name` to a call
    (but the inert `helper` call the statement stands for), or rebinds it — or is anything but plain
    statements (a loop or a branch might do any of that)."""
    if type(stmt) is not cst.SimpleStatementLine:
        return type(stmt) not in (cst.FunctionDef, cst.ClassDef)  # a definition runs nothing
    stack = list(stmt.body)
    while stack:
        node = stack.pop()
        if type(node) is cst.Call:
            if _runs(node):
                return True
            if node is not helper and any(type(a.value) is cst.Name and a.value.value == name for a in node.args):
                return True
        elif type(node) in (cst.Assign, cst.AnnAssign, cst.AugAssign):
            targets = [t.target for t in node.targets] if type(node) is cst.Assign else [node.target]
            if any(type(t) is cst.Name and t.value == name for t in targets):
                return True
        stack.extend(node.children)
    return False


def replaced_where_used(facts, model) -> frozenset:
    """id() of the compiles of `model` — built by a function of this file that compiles it (a
    placeholder: `model.compile(loss="sparse_categorical_crossentropy")`, then `return model`) and
    never trained here — that every script importing the function replaces with a compile of its own
    before each of its trainings (`model = small_cnn()`, `model.compile(loss=...(from_logits=True))`,
    `model.fit(...)`, in straight-line code). Keras trains with the script's compile."""
    key = ("replaced_where_used", id(model))  # asked per head by several rules
    if key not in facts._cache:
        facts._cache[key] = _replaced_where_used(facts, model)
    return facts._cache[key]


def _replaced_where_used(facts, model) -> frozenset:
    from regr_lint.model.importers import fitted_by_importers

    if not model.compiles or not model.in_function or model.home is not None or model.trainings \
            or model.foreign_trainings or any(c.method in _RUNS for c in model.calls):
        return frozenset()
    readings = fitted_by_importers(facts, model, trained=False)
    if not readings:
        return frozenset()
    mine = {id(c.node) for c in model.compiles}
    for other, theirs in readings:
        own = [c for c in theirs.compiles if id(c.node) not in mine]
        runs = [t for t in theirs.trainings if t.method in _RUNS]
        if not own or not runs or theirs.foreign_trainings:
            return frozenset()
        where = _statements_of(other.module, {id(c.node) for c in own} | {id(t.node) for t in runs})
        placed = [where.get(id(c.node)) for c in own]
        for training in runs:
            at = where.get(id(training.node))
            if at is None or not any(p is not None and p[0] is at[0] and p[1] < at[1] for p in placed):
                return frozenset()
    return frozenset(id(c) for c in model.compiles)


def a_part_where_built(model, facts) -> bool:
    """A builder's model that this file never trains, which the scripts beside it that call the
    builder never train by itself either and make a part of another (a GAN's `get_generator()`,
    compiled out of habit, then `Model(z, disc(gen(z)))` in train.py)."""
    from regr_lint.model.importers import class_models_by_importers, fitted_by_importers
    from regr_lint.model.model import only_a_part

    if any(t.method in tables.TRAIN_METHODS for t in (*model.trainings, *model.foreign_trainings)) \
            or any(c.method in tables.TRAIN_METHODS for c in model.calls):
        return False
    readings = fitted_by_importers(facts, model, trained=False)
    if not readings:
        # the scripts never make this model (a class's other arm, `Gen(kind="conv")`): judged as
        # they use the models that class makes for them
        readings = class_models_by_importers(facts, model)
    return any(only_a_part(theirs, other.models) for other, theirs in readings) and not any(
        t.method in tables.TRAIN_METHODS for _, theirs in readings for t in theirs.trainings)


def predicted_only(facts, model) -> bool:
    """`model` is asked for predictions (or given trained weights, and nothing more) and never
    trained or evaluated: here, or by the scripts importing the function that loads it (a serving
    helper's `restore()`, then `MODEL.predict(x)` in app.py). Its compile's loss and metrics are
    never computed."""
    if trained_by_itself(model) or any(c.method in tables.EVAL_METHODS for c in model.calls):
        return False  # (before reading the importers: most compiled models are fitted where compiled)
    uses = [model] + [theirs for _, theirs in fitted_by_importers(facts, model, trained=False)]
    methods = {c.method for m in uses for c in m.calls}
    # (a model given trained weights, `load_weights(path)`, and then not even predicted from: rebuilt
    # only as the graph the towers it returns are cut from)
    return not any(trained_by_itself(m) for m in uses) and bool(methods & (tables.PREDICT_METHODS | _WEIGHTS_GIVEN)) \
        and not methods & tables.EVAL_METHODS


_WEIGHTS_GIVEN = frozenset({"load_weights", "set_weights"})
