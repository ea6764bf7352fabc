"""The interpreter's expressions: each gives an abstract value (a name through the scope and the
file's imports, an attribute, a literal, a subscript, an arithmetic on targets). A mixin of the
Interpreter, whose state (`facts`, `module_scope`, `foreign`, ...) `Interpreter.__init__` sets."""
from __future__ import annotations

from typing import Optional

from regr_lint.lazy import cst

from regr_lint.knowledge import tables
from regr_lint.model.frame import (BAD_LITERAL, Frame, compared, contained, find_method, literal_of, members_of,
                                   merge_returns, same_value)
from regr_lint.model.model import MethodRead
from regr_lint.model.names import canonical, is_private, method_kind, missing_export
from regr_lint.model.project_imports import own_copy, star_ref
from regr_lint.model.values import (
    UNKNOWN, Args, BoundMethod, ClassV, Div, Func, Instance, Lambda, Layer, Lit, Map, Method, ModelRef, OneOf,
    ModuleV, Obj, Ref, Scope, Seq, Tensor, Value, is_builder, keras_init, one_of_settings,
)


def _attribute_spine(node):
    """`node` and the attributes it is built on: `a.b.c`, `a.b`, `a`."""
    while type(node) is cst.Attribute:
        yield node
        node = node.value
    yield node


def _named_for_model(node) -> bool:
    """`model`, `self.model`, `base_model`: a receiver whose name says it holds a model."""
    name = node.value if type(node) is cst.Name else node.attr.value if type(node) is cst.Attribute else ""
    return name.lower().endswith("model")


def _truth(value: Value) -> Optional[bool]:
    """Whether a literal or a list / dict of known length is truthy; None when not known."""
    if type(value) is Lit and isinstance(value.value, (bool, int, float, str, type(None))):
        return bool(value.value)
    if type(value) is Seq:
        return bool(value.items)
    if type(value) is Map:
        return bool(value.items)
    return None


def _candidate_functions(items: list) -> bool:
    """A few losses or metrics to pick from (`[rmse_loss, "mean_squared_error", "mae"]`): a function
    of the project among them, the others functions too, names (strings) or Keras' own objects —
    nothing else a pick by an unknown index could mean (a model, a layer, a setting)."""
    functions = (Func, Lambda, BoundMethod)
    return 1 < len(items) <= 8 and any(isinstance(v, functions) for v in items) and all(
        isinstance(v, functions) or type(v) is Lit and isinstance(v.value, str)
        or isinstance(v, (Ref, Obj)) and v.is_keras for v in items)


def _keras_callback(cls: ClassV, depth: int = 0) -> bool:
    """The class subclasses Keras' `Callback` (directly or through classes of the project)."""
    return depth < 8 and any(
        isinstance(b, Ref) and b.is_keras and b.last == "Callback" or isinstance(b, ClassV) and _keras_callback(b, depth + 1)
        for b in cls.bases)


def _class_const(cls: ClassV, name: str, depth: int = 0) -> Optional[Value]:
    if name in cls.consts:
        return cls.consts[name]
    for base in cls.bases if depth < 8 else ():
        if isinstance(base, ClassV):
            found = _class_const(base, name, depth + 1)
            if found is not None:
                return found
    return None


class Expressions:

    # ---------------------------------------------------------------- expressions
    def eval(self, node: Optional[cst.BaseExpression], scope: Scope, frame: Frame) -> Value:
        if node is None:
            return UNKNOWN
        kind = type(node)  # exact type, as in exec_stmt
        if kind is cst.Name:
            name = node.value
            if name in ("True", "False", "None"):
                return Lit({"True": True, "False": False, "None": None}[name], node)
            found = scope.lookup(name)
            if found is None:
                return self._star_name(name, node, scope.origin)
            if type(found) is ModelRef or type(found) is Instance:
                return self._adopt(found)
            return found
        if kind is cst.Attribute:
            return self.eval_attribute(node, scope, frame)
        if kind is cst.Call:
            return self.eval_call(node, scope, frame)
        if kind is cst.SimpleString:
            value = literal_of(node)
            return Lit(value, node) if isinstance(value, str) else UNKNOWN
        if kind is cst.ConcatenatedString:
            try:
                value = node.evaluated_value
            except Exception:  # noqa: BLE001 - odd escapes in user strings
                return UNKNOWN
            return Lit(value, node) if isinstance(value, str) else UNKNOWN
        if kind is cst.Integer or kind is cst.Float:
            value = literal_of(node)
            return Lit(value, node) if value is not BAD_LITERAL else UNKNOWN
        if kind is cst.List or kind is cst.Tuple:
            return self.eval_sequence(node, scope, frame)
        if kind is cst.Dict:
            return self.eval_dict(node, scope, frame)
        if kind is cst.UnaryOperation:
            operand = self.eval(node.expression, scope, frame)
            if type(node.operator) is cst.Minus and isinstance(operand, Lit) \
                    and isinstance(operand.value, (int, float)) and not isinstance(operand.value, bool):
                return Lit(-operand.value, node)
            return UNKNOWN
        if kind is cst.BinaryOperation:
            return self.eval_binop(node, scope, frame)
        if kind is cst.Subscript:
            return self.eval_subscript(node, scope, frame)
        if kind is cst.NamedExpr:
            value = self.eval(node.value, scope, frame)
            self.bind(node.target, value, scope, frame)
            return value
        if kind is cst.IfExp:
            self.eval(node.test, scope, frame)  # (read as an `if` statement's test is: its calls are made)
            body = self.eval(node.body, scope, frame)
            orelse = self.eval(node.orelse, scope, frame)
            # the arm a parameter the call gave a literal, or a module constant bound once, picks
            # (`cell = LSTM if CELL == "lstm" else GRU`), as an `if` statement's (see _option)
            taken = self._option(node.test, scope, frame, constants=True)
            if taken is not None:
                return body if taken else orelse
            # `n / bs if n else None`: a branch that divides is a true division wherever it is taken
            divides = next((v for v in (body, orelse) if isinstance(v, Div)), None)
            if divides is not None:
                return divides
            if type(body) is Ref and type(orelse) is Ref and body.is_optimizer_class and orelse.is_optimizer_class:
                # `opt = RMSprop if plain else Adam`: a Keras optimizer class either way; what the
                # optimizer rules read (its keywords) does not depend on which
                return body
            if type(body) is Map and type(orelse) is Map and body.any is None and orelse.any is None:
                # `{"input_shape": shape} if i == 0 else {}`: splatted into a call, the keys it
                # may pass are known (see eval_args); anything else reads it as unknown
                return OneOf((body, orelse))
            # `act = "relu" if positive else None`: one of the two literals, as an `if`'s arms
            # binding them (see interpreter._join_settings)
            return one_of_settings(body, orelse) or UNKNOWN
        if kind is cst.DictComp:
            return self._dict_comprehension(node, scope, frame)
        if kind is cst.ListComp or kind is cst.SetComp or kind is cst.GeneratorExp:
            picked = self._lookups_over_literals(node, scope, frame) if kind is cst.ListComp else None
            if picked is not None:
                return picked
            inner = Scope(scope)
            comp = node.for_in
            while comp is not None:
                iterated = self.eval(comp.iter, inner, frame)
                # `[m.predict(x) for m in members]` over models made alike: the one standing for them
                one = iterated.items[0] if type(iterated) is Seq and len(iterated.items) == 1 \
                    and type(iterated.items[0]) is ModelRef and type(comp.target) is cst.Name else UNKNOWN
                self.bind(comp.target, one, inner, frame)
                comp = comp.inner_for_in
            elt = self.eval(node.elt, inner, frame)
            if kind is cst.ListComp and (type(elt) is Layer or type(elt) is ModelRef):
                # `[Dense(64) for _ in range(3)]`, `[load_model(p) for p in paths]`: layers or models
                # made alike, one standing for them all (the loop's own values unknown), as the
                # Dense a loop adds to a Sequential does
                return Seq([elt], node, [node.elt])
            return UNKNOWN
        if kind is cst.BooleanOperation:
            # `optimizer or Adam(lr=1e-3)`: both operands run (for the calls they make); the value is
            # the one a known left operand picks (`metrics or ["mae"]` with `metrics=["accuracy"]`
            # given, or None left), else not known
            left = self.eval(node.left, scope, frame)
            right = self.eval(node.right, scope, frame)
            truth = _truth(left)
            if truth is None:
                return UNKNOWN
            return (left if truth else right) if type(node.operator) is cst.Or else (right if truth else left)
        if kind is cst.Comparison:
            left = self.eval(node.left, scope, frame)
            rights = [self.eval(target.comparator, scope, frame) for target in node.comparisons]
            if len(rights) == 1 and type(left) is Lit and type(rights[0]) is Lit:
                # `as_classes = mode == "classification"` with `run("regression")`: a known flag
                outcome = compared(left.value, type(node.comparisons[0].operator), rights[0].value)
                if outcome is not None:
                    return Lit(outcome, node)
            target = node.comparisons[0]
            if len(rights) == 1 and type(left) is Lit and type(target.operator) in (cst.In, cst.NotIn):
                # `relu_head = "R" in spec` with `build("RT-1")`: a known flag too
                found = contained(left.value, members_of(rights[0], target.comparator))
                if found is not None:
                    return Lit(found == (type(target.operator) is cst.In), node)
            return UNKNOWN
        if kind is cst.Set:
            for element in node.elements:
                self.eval(element.value, scope, frame)
            return UNKNOWN
        if kind is cst.FormattedString:
            # `print(f"loss {model.evaluate_generator(gen)}")`: the calls in its fields are made
            for part in node.parts:
                if type(part) is cst.FormattedStringExpression:
                    self.eval(part.expression, scope, frame)
            return UNKNOWN
        if kind is cst.Lambda:
            if type(node.body) is cst.Call and id(node) not in self.lambdas:
                # `"adam": lambda lr: optimizers.Adam(lr=lr)`: the Keras call it makes is read once,
                # its parameters unknown, as a function's body is when it runs on its own
                self.lambdas.add(id(node))
                inner = Scope(scope)
                for param in (*node.params.posonly_params, *node.params.params, *node.params.kwonly_params):
                    inner.vars[param.name.value] = UNKNOWN
                self.eval(node.body, inner, Frame(function=frame.function, loops=frame.loops))
            return Lambda(node, origin=scope.origin, scope=scope)
        if kind is cst.Await:
            self.eval(node.expression, scope, frame)
        elif kind is cst.Yield and scope.origin is None:
            self.facts.yields.append(node)  # what a generator of the file trains on (facts.dataflow)
        return UNKNOWN

    def _star_name(self, name: str, node: cst.CSTNode, origin: Optional[str] = None) -> Value:
        # a function of another module running here reads the names its own module star-imports
        # from Keras (`from keras.models import *` in AttentionBiLSTM.py), not this file's
        stars = self.foreign_stars.get(origin, ()) if origin is not None and origin != self.origin \
            else [b for b in self.facts.star_imports if b == "keras" or b.startswith("keras.")]
        found = star_ref(name, stars, node)
        if type(found) is Ref and (found.qualname in tables.REMOVED_KERAS_HINTS or found.qualname == "keras.models.Input") \
                and not self.foreign_code:
            # `Merge(...)` after `from keras.layers import *`: a Keras 1 name Keras 3 no longer has
            # (RL503 reports it where it is used: the star import names nothing) — once, at the use
            # met first: its later uses are the same import's, as a named import's uses are
            starred = self.facts._cache.setdefault("star_gone_names", set())
            if found.qualname not in starred:
                starred.add(found.qualname)
                self.facts.private_chains.append((node, found.qualname))
        return found

    def eval_attribute(self, node: cst.Attribute, scope: Scope, frame: Frame) -> Value:
        base = self.eval(node.value, scope, frame)
        if node.attr.value in tables.GENERATOR_METHODS and (base is UNKNOWN or type(base) is Lit and base.value is None) \
                and self.facts.has_keras and _named_for_model(node.value):
            # `self.fit_generator = self.model.fit_generator` with `self.model` a parameter (or set
            # later): a model, as a call on it would make it; an object not named for one stays unknown
            base = ModelRef(self.model_for(node.value, "opaque"), node.value)
        return self._attribute_of(base, node.attr.value, node)

    def _attribute_of(self, base: Value, attr: str, node) -> Value:
        """`base.attr`, `node` the expression that reads it (an Attribute, or `getattr(base, "attr")`)."""
        if type(base) is OneOf:  # `create_classifier(name).model`: each object's, when all are known
            return merge_returns([self._attribute_of(option, attr, node) for option in base.options])
        if isinstance(base, Ref):
            base_raw = base.raw or base.qualname
            raw = f"{base_raw}.{attr}"
            if type(node) is cst.Attribute:
                self._note_private_chain(node, node.value, base_raw, raw)
            # (`getattr(keras.optimizers, "Adam")`: the name read by a literal, no chain to report)
            return Ref(canonical(f"{base.qualname}.{attr}"), node, raw)
        if isinstance(base, Instance):
            found = base.attrs.get(attr)
            if found is None:
                # `self.model = self.build_network`, a @property: reading it runs it
                method = base.attrs.get("__method__" + attr)
                if isinstance(method, Func) and any(
                        type(d.decorator) is cst.Name and d.decorator.value == "property"
                        for d in method.fdef.decorators):
                    return self.invoke(method, Args(), None, base)
                if isinstance(method, Func):
                    return BoundMethod(method, base, node)  # `metrics=[scores.nrmse]`
                if attr in tables.GENERATOR_METHODS and base.cls.is_model:
                    # `self.fit_generator` in a method of a Keras model subclass: Keras' own, as called
                    return self._attribute_of(ModelRef(self._self_model(base), node), attr, node)
                if attr == "model" and _keras_callback(base.cls) and self.facts.has_keras:
                    # a Keras callback's `self.model`: the model Keras hands it (never set by the file)
                    held = self.model_for(node, "opaque")
                    held.keras_given = True
                    found = base.attrs["model"] = ModelRef(held, node)
                    return found
                return UNKNOWN
            if type(found) is ModelRef or type(found) is Instance:
                found = base.attrs[attr] = self._adopt(found)
            return found
        if isinstance(base, ModuleV):
            return self._module_attribute(base, attr, node)
        if type(base) is ClassV:
            # `Config.LOSS`: what the class body (or a base class's) binds; a static method
            found = _class_const(base, attr)
            if found is None:
                method = find_method(base, attr)
                found = method if method is not None and method_kind(method.fdef) == "staticmethod" else None
            if found is None:
                return UNKNOWN
            return found if getattr(base.scope, "origin", None) == self.origin else self._adopt(own_copy(found))
        if isinstance(base, Obj) and base.qualname == "types.SimpleNamespace" and not base.args.star:
            # `CFG = SimpleNamespace(n_classes=1, head="sigmoid")`, then `CFG.n_classes`
            return base.args.kw.get(attr, (UNKNOWN, None))[0]
        if isinstance(base, Obj) and id(base) in self.namespaces:
            # `args.loss`: the default the parser declares (what the program runs with unless told)
            return self.cli_defaults.get(self.namespaces[id(base)], {}).get(attr, UNKNOWN)
        if isinstance(base, ModelRef):
            if attr == "output":
                return Tensor(base, [], node)
            if attr in ("input", "inputs"):
                return Tensor(None, [], node, is_input=True)
            if attr in ("trainable_variables", "trainable_weights"):
                base.model.tape_trained = True
                if self.running and self.running[-1]:
                    base.model.tape_modules.add(self.running[-1])
            if attr in tables.GENERATOR_METHODS and (type(node) is cst.Attribute or len(node.args) == 2
                                                     and base.model.kind != "opaque"):
                # read, not called (a getattr without a default too): Keras 3 raises here, before
                # any call of what was read (which is then not a finding of its own: no attribute)
                if not any(read.node is node for read in base.model.reads):
                    base.model.reads.append(MethodRead(attr, node))
            if attr in tables.TRAIN_METHODS or attr in tables.EVAL_METHODS:
                return Method(base, attr, node)
        return UNKNOWN

    def _note_private_chain(self, node, base_node, base_raw: str, raw: str) -> None:
        """Record each attribute chain into Keras internals once, as its outermost attribute:
        `keras.engine.input_layer.Input` is one chain, whatever its length, and however many times
        the function holding it is interpreted (a later pass meets the chain's inner attributes
        again, after its outermost one is recorded). A name a public Keras 3 module lacks
        (`tf.keras.experimental`, `keras.models.model_from_yaml`) is recorded as itself, the part
        that raises: what follows it is not read."""
        if not is_private(raw):
            # (this file's own code only: another module's chains are its own lint's, and a node of
            # another tree sends RL503's search for the call holding it through the whole file)
            if self.foreign_code == self.own_foreign and missing_export(raw) \
                    and not any(known is node for known, _ in self.facts.private_chains):
                self.facts.private_chains.append((node, raw))
            return
        chains = self.facts.private_chains
        for i, (known, _) in enumerate(chains):
            if any(inner is node for inner in _attribute_spine(known)):
                return  # this attribute, or one the chain goes on from, is recorded already
            if known is base_node:
                chains[i] = (node, raw)  # the chain goes on: keep its outermost attribute
                return
        if not is_private(base_raw):
            chains.append((node, raw))

    def eval_sequence(self, node, scope: Scope, frame: Frame) -> Value:
        items, elts, exact = [], [], True
        for element in node.elements:
            value = self.eval(element.value, scope, frame)
            if type(element) is cst.StarredElement:
                if isinstance(value, Seq):
                    items.extend(value.items)
                    elts.extend(value.elts)
                else:
                    exact = False
                continue
            items.append(value)
            elts.append(element.value)
        return Seq(items, node, elts) if exact else UNKNOWN

    def eval_dict(self, node: cst.Dict, scope: Scope, frame: Frame) -> Value:
        items, exact = {}, True
        for element in node.elements:
            if type(element) is cst.StarredDictElement:
                value = self.eval(element.value, scope, frame)
                if isinstance(value, Map):
                    items.update(value.items)
                else:
                    exact = False
                continue
            key = self.eval(element.key, scope, frame)
            value = self.eval(element.value, scope, frame)
            if isinstance(key, Lit):
                items[key.value] = value
            else:
                exact = False
        return Map(items, node) if exact else UNKNOWN

    def eval_binop(self, node: cst.BinaryOperation, scope: Scope, frame: Frame) -> Value:
        left = self.eval(node.left, scope, frame)
        right = self.eval(node.right, scope, frame)
        if type(node.operator) is cst.Add and isinstance(left, Seq) and isinstance(right, Seq):
            return Seq(left.items + right.items, node, left.elts + right.elts)
        for side in (left, right):
            if isinstance(side, Tensor):
                return Tensor(UNKNOWN, [side], node)
        if type(node.operator) is cst.Divide:
            return Div(node)
        if type(node.operator) is cst.Multiply and (type(left) is Div or type(right) is Div):
            return Div(node, product=True)  # `n / bs * k`: a float times a factor is a float
        # `n / bs + 1` is a float too; the quotient rounded up plus the int is what it rounds up to
        if type(left) is Div and type(right) is Lit and type(right.value) is int \
                and type(node.operator) in (cst.Add, cst.Subtract):
            return left
        if type(right) is Div and type(left) is Lit and type(left.value) is int and type(node.operator) is cst.Add:
            return right
        if isinstance(left, Lit) and isinstance(right, Lit) and type(left.value) in (int, float) \
                and type(right.value) in (int, float):
            try:
                if type(node.operator) is cst.Multiply:
                    return Lit(left.value * right.value, node)
                if type(node.operator) is cst.Add:
                    return Lit(left.value + right.value, node)
                if type(node.operator) is cst.Subtract:
                    return Lit(left.value - right.value, node)
                if type(node.operator) is cst.FloorDivide and right.value:
                    return Lit(left.value // right.value, node)
            except (OverflowError, TypeError):
                return UNKNOWN
        return UNKNOWN

    def eval_subscript(self, node: cst.Subscript, scope: Scope, frame: Frame) -> Value:
        base = self.eval(node.value, scope, frame)
        if len(node.slice) == 1 and type(node.slice[0].slice) is cst.Index:
            key = self.eval(node.slice[0].slice.value, scope, frame)
            if isinstance(base, Map) and isinstance(key, Lit):
                return base.items.get(key.value, base.any if base.any is not None and not base.items else UNKNOWN)
            if type(base) is Ref and base.last == "__dict__" and isinstance(key, Lit) and isinstance(key.value, str) \
                    and key.value.isidentifier():
                # `keras.optimizers.__dict__["RMSprop"]`: the module's attribute of that name
                module = Ref(base.qualname.rpartition(".")[0], node.value, base.raw.rpartition(".")[0])
                return self._attribute_of(module, key.value, node)
            if isinstance(base, Map) and not base.items and base.any is not None:
                return base.any  # `scalers[col]`, every one of them made alike
            if isinstance(base, Map) and base.items and base.any is None and 0 < len(base.items) <= 8 \
                    and all(type(v) is ModelRef for v in base.items.values()):
                # `models[m]` in `for m in models:`: one of the dict's models, each trained so in
                # some pass (a method called on it runs on each)
                values = list(base.items.values())
                return values[0] if len(values) == 1 else OneOf(tuple(values))
            if isinstance(base, Map) and base.any is None and 1 < len(base.items) <= 8 \
                    and all(is_builder(v) for v in base.items.values()):
                # `REGISTRY[args.model]` with no default for the option: one of the builders, each run
                # in some run of the script (see call_value)
                return OneOf(tuple(base.items.values()))
            if isinstance(base, Map) and base.items:
                # OPTIMIZERS[name]: a dict whose values are all Keras classes of one module (a
                # project subclass with no `__init__` of its own takes its Keras base's arguments)
                values = [keras_init(v) or v if type(v) is ClassV else v for v in base.items.values()]
                if all(isinstance(v, Ref) and v.is_keras for v in values) \
                        and len({v.qualname.rpartition(".")[0] for v in values}) == 1:
                    return values[0]
            if isinstance(base, Seq) and isinstance(key, Lit) and isinstance(key.value, int):
                try:
                    return base.items[key.value]
                except IndexError:
                    return UNKNOWN
            options = list(base.items.values()) if isinstance(base, Map) and base.any is None \
                else base.items if isinstance(base, Seq) else []
            if not isinstance(key, Lit) and _candidate_functions(options):
                # `LOSSES[run_settings["loss"]]` over `[rmse_loss, "mean_squared_error", ...]` (or a
                # dict of them by name): one of the candidates, each given in some run — the loss
                # questions read every function; anything else reads it as unknown
                return OneOf(tuple(options))
        if isinstance(base, Tensor):
            return Tensor(UNKNOWN, [base], node)
        return UNKNOWN


    def _lookups_over_literals(self, node: cst.ListComp, scope: Scope, frame: Frame) -> Optional[Value]:
        """`[METRIC_FNS[n] for n in cfg.METRICS]`: one look-up per name of a known, short list of
        literals (a registry read by name) is the list of what each look-up finds; None for any
        other comprehension (a call or a filter in it, an iterable not known)."""
        comp = node.for_in
        if comp.inner_for_in is not None or comp.ifs or type(comp.target) is not cst.Name \
                or type(node.elt) not in (cst.Subscript, cst.Name, cst.Attribute):
            return None
        names = self.eval(comp.iter, scope, frame)
        if not isinstance(names, Seq) or not 0 < len(names.items) <= 16 \
                or not all(isinstance(v, Lit) and isinstance(v.value, (str, int)) for v in names.items):
            return None
        found = []
        for name in names.items:
            inner = Scope(scope)
            inner.vars[comp.target.value] = name
            found.append(self.eval(node.elt, inner, frame))
        return Seq(found, node, [node.elt] * len(found))

    def eval_args(self, call: cst.Call, scope: Scope, frame: Frame) -> Args:
        args = Args()
        maybe: Optional[set] = set()  # the keywords unexpanded `**` dicts may hold (None: any)
        for arg in call.args:
            value = self.eval(arg.value, scope, frame)
            if arg.star == "**":
                if isinstance(value, Map):
                    for k, v in value.items.items():
                        if isinstance(k, str):
                            args.kw[k] = (v, arg)
                            if type(value.node) in (cst.Dict, cst.Call):
                                args.spread[k] = value.node
                    if value.any is not None:  # and keys written in a loop
                        args.star, maybe = True, None
                elif type(value) is OneOf and all(type(o) is Map and o.any is None for o in value.options):
                    # `**({"input_shape": s} if i == 0 else {})`: a key every dict holds alike is
                    # passed; the others may be
                    first, *others = value.options
                    for k, v in first.items.items():
                        if isinstance(k, str) and all(k in o.items and same_value(v, o.items[k]) for o in others):
                            args.kw[k] = (v, arg)
                    args.star = True
                    if maybe is not None:
                        maybe.update(k for o in value.options for k in o.items if k not in args.kw)
                else:
                    args.star, maybe = True, None
            elif arg.star == "*":
                if isinstance(value, Seq):
                    args.pos.extend((v, arg) for v in value.items)
                else:
                    args.star, maybe = True, None
            elif arg.keyword is not None:
                args.kw[arg.keyword.value] = (value, arg)
            else:
                args.pos.append((value, arg))
        if args.star and maybe is not None:
            args.star_keys = frozenset(maybe)
        return args
