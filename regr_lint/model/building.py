"""The interpreter's model building: layers made and linked, models made once per construction and
call site (`model_for`), their compiles and trainings, subclassed models finished after the walk.
A mixin of the Interpreter, whose state `Interpreter.__init__` sets."""
from __future__ import annotations

from typing import Optional

from regr_lint.lazy import cst

from regr_lint.knowledge import tables
from regr_lint.model.frame import find_method, same_value, tensors_in
from regr_lint.model.model import Compile, KerasModel, MethodCall, Training, units_written
from regr_lint.model.trainers import rebound, self_attribute
from regr_lint.model.values import UNKNOWN, Args, ClassV, DataPair, Instance, Layer, ModelRef, Obj, Ref, Seq, Tensor, Value

# The qualname of what a model's `get_config()` returns here (it carries the model)
CONFIG_OF = "keras.Model.get_config"


def _site_key(node) -> Optional[str]:
    """How a lifted call's sites name what `node` reads: a parameter by its name, an attribute the
    construction stored by "self.x" (model.trainers)."""
    return node.value if type(node) is cst.Name else self_attribute(node)


def _parameter_parts(fdef: cst.FunctionDef, sites: dict) -> tuple[dict, set, frozenset]:
    """({name: the caller's node it holds}, the parameters read so, ids of the AssignTargets binding
    them) for the statements at the top of `fdef`'s body that copy its parameters (`y = self.y`) or
    take them apart: `a, b = train_test_split(rows, test_size=0.2)` (rows of the caller's data, of its
    range and signs) and `x, y, vx, vy = data` where the caller passes `data` as a list or tuple
    written out (`train(cfg, [x, y, vx, vy])`: each name is the item the caller wrote)."""
    parts: dict = {}
    params: set = set()
    targets: set = set()
    for stmt in fdef.body.body if type(fdef.body) is cst.IndentedBlock else ():
        if type(stmt) is not cst.SimpleStatementLine:
            continue
        for small in stmt.body:
            if type(small) is cst.Assign and len(small.targets) == 1 and type(small.targets[0].target) is cst.Name \
                    and _site_key(small.value) in sites:
                # `y_train = self.y_train`: a copy of what the caller handed over, under another name
                parts[small.targets[0].target.value] = sites[_site_key(small.value)]
                params.add(_site_key(small.value))
                targets.add(id(small.targets[0]))
                continue
            if type(small) is not cst.Assign or len(small.targets) != 1 \
                    or type(small.targets[0].target) not in (cst.Tuple, cst.List):
                continue
            target, value = small.targets[0], small.value
            elts = [e.value for e in target.target.elements]
            if not all(type(e) is cst.Name for e in elts):
                continue
            if _site_key(value) in sites:
                given = sites[_site_key(value)]
                items = [e.value for e in given.elements] if type(given) in (cst.List, cst.Tuple) \
                    and not any(type(e) is cst.StarredElement for e in given.elements) else None
                if items is None or len(items) != len(elts):
                    continue
                parts.update((elt.value, item) for elt, item in zip(elts, items))
                params.add(_site_key(value))
                targets.add(id(target))
                continue
            if type(value) is not cst.Call:
                continue
            func = value.func
            name = func.attr.value if type(func) is cst.Attribute else func.value if type(func) is cst.Name else ""
            arrays = [a.value for a in value.args if a.keyword is None and not a.star]
            if name != "train_test_split" or any(a.star for a in value.args) or len(arrays) * 2 != len(elts) \
                    or not all(type(a) is cst.Name and a.value in sites for a in arrays):
                continue
            for k, elt in enumerate(elts):
                parts[elt.value] = sites[arrays[k // 2].value]
            params.update(a.value for a in arrays)
            targets.add(id(target))
    return parts, params, frozenset(targets)


def _rerun_compile(old: Compile, new: Compile) -> Compile:
    """The same compile() run again (a builder called from several places): what differs between
    the runs is not known — except what a run with unknown parameters left unknown, which a run with
    a call's arguments knows (`__init__(self, loss=rmse)` read where the class is defined, then for
    `Regressor(5)`). A new record: another module's scope may share the old one."""
    merged = Compile(old.node, UNKNOWN, UNKNOWN, UNKNOWN, UNKNOWN, old.provisional and new.provisional)
    # the one call that ran it, when one did (a run on its own, parameters unknown, is no call)
    sites = {s for s, c in ((old.site, old), (new.site, new)) if not c.provisional}
    merged.site = sites.pop() if len(sites) == 1 else None
    for name in ("loss", "metrics", "weighted_metrics", "optimizer"):
        a, b = getattr(old, name), getattr(new, name)
        if same_value(a, b) or b is UNKNOWN and new.provisional:
            setattr(merged, name, a)
        elif a is UNKNOWN and old.provisional:
            setattr(merged, name, b)
    return merged


def _sequence_targets(inst: Instance, call: Optional[cst.Call], output: Optional[tuple] = None) -> Optional[tuple]:
    """(the targets a `Sequence` trains on, the project module that expression is in, None for this
    file): every `return` of its `__getitem__` gives `self.<attr>[...]` as its second item, and the
    `__init__` that sets `self.<attr>` sets it once — to one of its parameters (`self.x, self.y = x,
    y`): the expression `call`, its construction, passes there, or the `super().__init__(...)` of a
    subclass's `__init__` (`super().__init__(x, y / y.max())` in another module: that argument, read
    there); to anything else (`self.y = scaler.fit_transform(y)`): that expression. None when not so.
    With `output` (index, name, count: see `columns.one_output`), the targets of that output: its item
    of a list or its key of a dict each `return` gives (`return x, {"steer": self.steer[s], ...}`)."""
    from regr_lint.model.columns import _output_targets
    from regr_lint.model.compat import statements

    getitem = find_method(inst.cls, "__getitem__")
    if call is None or getitem is None:
        return None
    attrs = set()
    for stmt in statements(getitem.fdef.body):
        if type(stmt) is cst.Return:
            item = stmt.value.elements[1].value if type(stmt.value) is cst.Tuple and len(stmt.value.elements) == 2 \
                else None
            if output is not None and item is not None:
                item = _output_targets(item, *output)
            while type(item) is cst.Subscript:
                item = item.value
            if type(item) is not cst.Attribute or type(item.value) is not cst.Name or item.value.value != "self":
                return None
            attrs.add(item.attr.value)
    if len(attrs) != 1:
        return None
    attr = attrs.pop()
    if _rewritten_later(inst.cls, attr):
        return None
    # The calls that ran each `__init__` on the way up, the construction first: (the call, the
    # module it is written in, its callee's parameters)
    callers: list = []
    given, home, cls = call, None, inst.cls
    for _ in range(6):
        init = _own_method(cls, "__init__")
        if init is not None:
            if any(a.star for a in given.args):
                return None
            params = init.params
            positional = [p.name.value for p in (*params.posonly_params, *params.params)][1:]
            own = set(positional) | {p.name.value for p in params.kwonly_params}
            callers.append((given, home, positional, own, init))
            origin = getattr(cls.scope, "origin", None)
            value = _set_once(init, attr)
            if value is not None:
                return _passed(value, origin, callers)
            if _sets(init, attr):
                return None  # set more than once, or augmented: not one expression
            given, home = _super_init(init, cls), origin
            if given is None:
                return None
        cls = next((b for b in cls.bases if isinstance(b, ClassV)), None)
        if cls is None:
            return None
    return None


def _rewritten_later(cls: ClassV, attr: str) -> bool:
    """A method of the class (or of a base) other than `__init__` sets `self.<attr>` to anything but
    a reordering of its own rows (`self.y = self.y[perm]` in `on_epoch_end`): the batches then read
    what that method made (`normalise()` dividing it by its max), not what the constructor did."""
    for _ in range(6):
        for stmt in cls.cdef.body.body:
            if type(stmt) is cst.FunctionDef and stmt.name.value != "__init__" and any(
                    _self_attr(t, attr) and not (type(v) is cst.Subscript and _self_attr(v.value, attr))
                    for t, v in _assigned_pairs(stmt)):
                return True
        cls = next((b for b in cls.bases if isinstance(b, ClassV)), None)
        if cls is None:
            return False
    return False


def _own_method(cls: ClassV, name: str) -> Optional[cst.FunctionDef]:
    """The `def name` of the class's own body (not inherited), or None."""
    for stmt in cls.cdef.body.body:
        if type(stmt) is cst.FunctionDef and stmt.name.value == name:
            return stmt
    return None


def _assigned_pairs(fdef: cst.FunctionDef) -> list:
    """(target, value) of each assignment of the body (a tuple unpacked pairwise; an augmented one's
    value None)."""
    from regr_lint.model.compat import statements

    pairs = []
    for stmt in statements(fdef.body):
        if type(stmt) not in (cst.Assign, cst.AugAssign, cst.AnnAssign):
            continue
        for target in ([t.target for t in stmt.targets] if type(stmt) is cst.Assign else [stmt.target]):
            if type(target) is cst.Tuple and type(stmt.value) is cst.Tuple \
                    and len(target.elements) == len(stmt.value.elements):
                pairs += [(t.value, v.value) for t, v in zip(target.elements, stmt.value.elements)]
            else:
                pairs.append((target, stmt.value if type(stmt) is not cst.AugAssign else None))
    return pairs


def _self_attr(target, attr: str) -> bool:
    return type(target) is cst.Attribute and type(target.value) is cst.Name and target.value.value == "self" \
        and target.attr.value == attr


def _sets(fdef: cst.FunctionDef, attr: str) -> bool:
    return any(_self_attr(t, attr) for t, _ in _assigned_pairs(fdef))


def _set_once(fdef: cst.FunctionDef, attr: str):
    """What `fdef` sets `self.<attr>` to, when it sets it exactly once (None otherwise)."""
    sources = [v for t, v in _assigned_pairs(fdef) if _self_attr(t, attr)]
    return sources[0] if len(sources) == 1 else None


def _super_init(init: cst.FunctionDef, cls: ClassV) -> Optional[cst.Call]:
    """The one call of the base's `__init__` a class's own `__init__` makes (`super().__init__(x,
    y)`, `super(Cls, self).__init__(...)`, `Base.__init__(self, ...)`: that one with `self` left
    out), or None."""
    found = []
    stack = [init.body]
    while stack:
        node = stack.pop()
        if type(node) in (cst.FunctionDef, cst.ClassDef, cst.Lambda):
            continue
        if type(node) is cst.Call and type(node.func) is cst.Attribute and node.func.attr.value == "__init__":
            base = node.func.value
            if type(base) is cst.Call and type(base.func) is cst.Name and base.func.value == "super":
                found.append(node)
            elif type(base) is cst.Name and any(type(b) is ClassV and b.cdef.name.value == base.value
                                                  for b in cls.bases) \
                    and node.args and type(node.args[0].value) is cst.Name and node.args[0].value.value == "self":
                found.append(node.with_changes(args=node.args[1:]))
        stack.extend(node.children)
    return found[0] if len(found) == 1 else None


def _passed(value, origin, callers: list) -> Optional[tuple]:
    """(the expression `value`, set in the last `__init__` of `callers`, stands for, its module):
    a parameter is what the call that ran that `__init__` passes it, followed down the calls while
    it is a parameter passed on; anything else is read where it is written."""
    for given, home, positional, own, init in reversed(callers):
        if type(value) is not cst.Name or value.value not in own:
            # made in __init__ — of nothing the caller passes (`self.y = scaler.fit_transform(y)`
            # reads a parameter: its names are __init__'s, not the data flow's of the module) — or a
            # local of it
            stack, mentioned = [value], False
            while stack and not mentioned:
                node = stack.pop()
                mentioned = type(node) is cst.Name and node.value in own
                stack.extend(node.children)
            # (in a project module's class, a transform of a parameter, `scaler.fit_transform(y)`, is
            # read there: that module's top level rarely holds a namesake; this file's often does)
            keep = type(value) is not cst.Name and (not mentioned or origin is not None and type(value) is cst.Call)
            return (value, origin) if keep else None
        if _rebinds(init, value.value):
            return None
        param = value.value
        found = None
        for i, arg in enumerate(a for a in given.args if a.keyword is None):
            if i < len(positional) and positional[i] == param:
                found = arg.value
        if found is None:
            found = next((a.value for a in given.args if a.keyword is not None and a.keyword.value == param), None)
        if found is None:
            return None
        value, origin = found, home
    return (value, origin)


def _rebinds(fdef: cst.FunctionDef, name: str) -> bool:
    """Whether the body assigns `name` itself (then the parameter is not what it holds throughout)."""
    return any(type(t) is cst.Name and t.value == name for t, _ in _assigned_pairs(fdef))


class ModelBuilding:

    # ---------------------------------------------------------------- layers and models
    def new_layer(self, kind: str, args: Args, call: cst.Call, qualname: str) -> Layer:
        layer = Layer(kind, args, call, qualname)
        if self.dead and not units_written(args):
            # a layer of an arm the call's arguments rule out (`if self.regression: ... else:
            # Dense(self.nb_classes, activation="softmax")` with `Net(1, regression=True)`) holds
            # values of a path that never runs; one written with its unit count is a mistake wherever
            # it stands
            return layer
        if id(call) not in self.layer_ids:
            self.layer_ids.add(id(call))
            self.facts.layers.append(layer)
        if self.classifying:
            self.facts.classifying_layers.add(id(call))
        return layer

    def link(self, layer: Value, prev: Value) -> None:
        if isinstance(layer, Layer) and isinstance(prev, Layer):
            key = (id(layer.node), id(prev.node))
            if key not in self.link_ids:
                self.link_ids.add(key)
                self.facts.links.append((layer, prev))

    def apply_layer(self, layer: Layer, args: Args, call: cst.Call) -> Tensor:
        inp = args.get("inputs", 0)[0]
        if isinstance(inp, Tensor) and isinstance(inp.producer, Layer):
            self.link(layer, inp.producer)
        elif isinstance(inp, Seq) and len(inp.items) > 1:
            # `Concatenate()([mus, sigmas, weights])`: each part one piece of a structured output,
            # also in a helper no model of this file is built from (RL103's mixture weights)
            self.facts.joined_layers.update(
                id(t.producer.node) for t in inp.items
                if isinstance(t, Tensor) and isinstance(t.producer, Layer) and t.producer.node is not None)
        return Tensor(layer, [inp], call)

    def add_layer(self, model: KerasModel, item: Value) -> None:
        if isinstance(item, (Layer, ModelRef)) or (isinstance(item, Tensor) and item.is_input):
            if model.layers and isinstance(item, Layer):
                prev = next((p for p in reversed(model.layers) if not (isinstance(p, Layer) and p.kind in tables.TRANSPARENT_LAYERS)), None)
                self.link(item, prev)
            model.layers.append(item)
            if self.arms and any(mark[0] == "loop" for mark in self.arms):
                model.placed[id(item)] = tuple(self.arms)
        else:
            model.layers.append(UNKNOWN)

    def model_for(self, node: cst.CSTNode, kind: str, cls: Optional[ClassV] = None) -> KerasModel:
        """One KerasModel per construction site, also when a builder function is run again. A method
        run on an instance (None in the chain) keeps one model per site for the instance; a builder
        it calls makes one per call site below it (`board_net(shape, policy=True)` in one test
        method, `board_net(shape)` in another: two models, not one whose layers the last run wrote)."""
        chain = self.call_chain
        if None in chain:
            chain = chain[len(chain) - chain[::-1].index(None):]
        key = (id(node),) if kind == "subclass" else (id(node), *chain)
        model = self.models.get(key)
        if model is None:
            model = KerasModel(kind, node)
            model.cls = cls
            if self.running:
                model.in_function, model.home = True, self.running[-1]
            owner = next((c for c in reversed(self.owners) if c is not None), None)
            model.owner = id(owner) if owner is not None else 0
            self.models[key] = model
            self.model_ids.add(id(model))
            self.facts.models.append(model)
        elif kind == "sequential":
            model.layers = []  # the builder runs again: its .add() calls refill the chain
            model.placed = {}
        return model

    def model_method(self, model: KerasModel, meth: str, args: Args, call: cst.Call) -> Value:
        if not any(c.node is call for c in model.calls):
            model.calls.append(MethodCall(meth, call, args))
        if self.dead:
            return UNKNOWN
        if meth == "add":
            if model.cls is not None and model.kind == "sequential":
                # a `Sequential` subclass's `__init__` run again (read on its own, then constructed):
                # the chain is rebuilt from the layer added again
                again = next((i for i, layer in enumerate(model.layers)
                              if getattr(layer, "node", None) is not None and layer.node is args.get("layer", 0)[1].value),
                             None) if args.get("layer", 0)[1] is not None else None
                if again is not None:
                    del model.layers[again:]
            self.add_layer(model, args.get("layer", 0)[0])
        elif meth == "pop" and not args.pos and not args.kw:
            model.pops += 1
        elif meth == "compile":
            loss, loss_arg = args.get("loss", 1)
            if args.star and not args.has("loss", 1):
                loss = UNKNOWN
            elif type(loss) is Ref and loss.node is None and loss_arg is not None:
                # `from keras.losses import binary_crossentropy`, then `loss=binary_crossentropy`: the
                # import made the value; the name written here is where the loss is given
                loss = Ref(loss.qualname, loss_arg.value, loss.raw)
            new = Compile(call, loss, args.get("metrics", 2)[0], args.get("weighted_metrics")[0],
                          args.get("optimizer", 0)[0], provisional=self.standalone > 0,
                          site=self.invocations[-1] if self.invocations else None)
            at = next((i for i, c in enumerate(model.compiles) if c.node is call), None)
            if at is None:
                model.compiles.append(new)
            else:
                model.compiles[at] = _rerun_compile(model.compiles[at], new)
        elif (meth in tables.TRAIN_METHODS or meth in tables.EVAL_METHODS) and not self.foreign_code:
            seen = next((t for t in model.trainings if t.node is call), None)
            if seen is None:
                model.trainings.append(self.training(meth, args, call))
                model.trainings[-1].pops = model.pops
                model.trainings[-1].layer_count = len(model.layers)
            elif seen.in_function and len(seen.reruns) < 8 and self.depth > 0:
                seen.reruns.append(len(self.facts.assignments))
        elif (meth in tables.TRAIN_METHODS or meth in tables.EVAL_METHODS) and self.foreign_code > self.own_foreign:
            if not any(t.node is call for t in model.foreign_trainings):
                theirs = self.training(meth, args, call)
                theirs.pops = model.pops
                theirs.layer_count = len(model.layers)
                if theirs.origin is None:
                    theirs.origin = self._here()  # its x / y are that module's nodes
                model.foreign_trainings.append(theirs)
            self._lift_training(model, meth, args, call)
        elif meth == "get_config":
            # what `keras.Model.from_config(config)` rebuilds the same architecture from
            return Obj(CONFIG_OF, Args(pos=[(ModelRef(model, call), None)]), call)
        return UNKNOWN

    @staticmethod
    def copy_architecture(copy: KerasModel, last: str, args: Args) -> None:
        """`clone_model(base)` / `Model.from_config(base.get_config())`: a new model of `base`'s
        layers (its own compile and training to come)."""
        if last == "clone_model":
            if args.has("clone_function") or args.star:
                return  # its layers are what the function makes of the base's
            given = args.get("model", 0)[0]
        else:
            given, arg = args.get("config", 0)
            # only a config read inline: one bound to a name may be edited before the rebuild
            # (`config["layers"][-1]["config"]["activation"] = "linear"`)
            if type(given) is not Obj or given.qualname != CONFIG_OF or arg is None or arg.value is not given.node:
                return
            given = given.args.pos[0][0]
        if type(given) is not ModelRef or given.model is copy:
            return
        source = given.model
        copy.kind = source.kind
        copy.layers, copy.outputs, copy.inputs = list(source.layers), list(source.outputs), list(source.inputs)

    def _lift_training(self, model: KerasModel, meth: str, args: Args, call: cst.Call) -> None:
        """`fc.fit(x, prices)` here, whose method (another module's) runs `self.model.fit(x, y)` on
        its own parameters untouched: the model is trained on this file's `x` and `prices`, a
        training of this file at that call (its targets are this file's data flow). Only one call
        deep, only when both data arguments are parameters the method never rebinds."""
        if not self.lifts or meth not in tables.TRAIN_METHODS or meth.endswith("_generator") \
                or self.foreign_code != self.own_foreign + 1:
            return
        depth, sites, site, fdef = self.lifts[-1]
        if depth != self.depth:
            return
        theirs = self.training(meth, args, call)
        x, y = _site_key(theirs.x_node), _site_key(theirs.y_node)
        if x is None or y is None:
            return
        # `part_a, part_b = train_test_split(rows)` first: the parts are rows of the caller's data
        # `a, b = train_test_split(rows)` or `x, y, vx, vy = data` first: the caller's data taken apart
        parts, taken, splits = _parameter_parts(fdef, sites)
        given = {**sites, **parts}
        names = {x, y} | {n.value for pair in theirs.validation for n in pair if type(n) is cst.Name}
        if x not in given or y not in given:
            return
        validation = [(given[vx], given[vy]) for vx, vy in (tuple(map(_site_key, pair)) for pair in theirs.validation)
                      if vx in given and vy in given]
        if rebound(fdef, names | taken, splits) or any(t.node is site for t in model.trainings):
            return
        ours = Training(site, meth, theirs.x, theirs.y, given[x], given[y], validation)
        ours.at = theirs.at
        ours.callee_pair = x == y  # `fit(images, images)` there
        ours.in_function = depth > 1  # where the call that ran that method stands
        model.trainings.append(ours)

    def training(self, meth: str, args: Args, call: cst.Call) -> Training:
        xname = "generator" if meth.endswith("_generator") else "x"
        x, xa = args.get(xname, 0)
        y, ya = args.get("y", 1) if not meth.endswith("_generator") else (UNKNOWN, None)
        x_node, y_node = (xa.value if xa else None), (ya.value if ya else None)
        if xa is not None and xa is ya:
            # `fit(*train)` with `train = (x_train, y_train)`: both spread from one expression, which
            # is neither the inputs nor the targets
            x_node = y_node = None
        mapped: tuple = ()
        origin = mapped_origin = made_by = None
        if isinstance(x, DataPair) and ya is None and x.kind != "records":
            mapped_origin, made_by = x.targets_origin, x.made_by
            x_node, y_node, x, y, mapped, origin = x.x_node, x.y_node, x.x, x.y, x.targets, x.origin
        elif isinstance(x, Instance) and ya is None and x_node is not None:
            # `fit(DataGen(x, ages, 16))`: the targets are what the construction hands the attribute
            # its `__getitem__` returns as targets, or what its `__init__` makes of it there
            found = _sequence_targets(x, self._construction(x_node))
            if found is not None:
                y_node, origin = found[0], found[1] if found[1] is not None else origin
        t = Training(call, meth, x, y, x_node, y_node, mapped=mapped, origin=origin, mapped_origin=mapped_origin,
                     made_by=made_by)
        t.at = len(self.facts.assignments)
        t.in_function = self.depth > 0
        val = args.get("validation_data")[0]
        if isinstance(val, Seq) and len(val.items) >= 2 and val.elts:
            t.validation.append((val.elts[0], val.elts[1]))
        elif isinstance(val, DataPair):
            t.validation.append((val.x_node, val.y_node))
        return t

    def _construction(self, node) -> Optional[cst.Call]:
        """The call that made what `node` holds: the node itself, or the last call bound to its name."""
        if type(node) is cst.Call:
            return node
        if type(node) is cst.Name:
            for targets, value in reversed(self.facts.assignments):
                if any(type(t) is cst.Name and t.value == node.value for t in targets):
                    return value if type(value) is cst.Call else None
        return None

    def _finish_subclass_models(self) -> None:
        for model in self.facts.models:
            cls = getattr(model, "cls", None)
            if model.kind != "subclass" or cls is None:
                continue
            method = find_method(cls, "call")
            if method is not None:
                ret = self.returns.get(id(method.fdef), UNKNOWN)
                if cls.instance is not None and not any(
                        type(s) is cst.FunctionDef and s.name.value == "call" for s in cls.cdef.body.body):
                    # `call` inherited (class Regressor(Base) with only its own __init__): it ran
                    # on the base class's instance; this model's layers are the ones its own
                    # construction made
                    ret = self.invoke(method, Args(), None, cls.instance, standalone=True)
                model.outputs = tensors_in(ret)
