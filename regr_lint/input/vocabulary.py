"""The identifiers a file's code uses, read off CPython's AST: the second, parse-level pre-check.

A rule's `tokens` are matched against the raw text, where docstrings and comments count too: Keras'
own docstrings are full of `model.compile(..., metrics=["accuracy"])`. Before paying for libcst (ten
times CPython's parse) a file must also use, in code, the identifiers a rule declares in `names`.
"""
from __future__ import annotations

import ast
import re
from typing import Callable

from regr_lint.knowledge import tables

# Constants longer than this are prose (docstrings, messages), not names a rule could resolve.
_MAX_NAME_CONSTANT = 64
# Stand for a call given the same data twice (`fit(x, x)`, `flow(x, y=x)`, `from_tensor_slices((x,
# x))`), and for one given `*`/`**` splats: the only ways one expression can be both a call's x and
# its y. A splat alone is no part of a mistake another module completes (see `shares_a_part`).
SAME_DATA = "(x, x)"
SPLAT = "(*x)"
# Stands for a `compile(...)` call that can give a model a loss or metrics: a `loss` / `metrics` /
# `weighted_metrics` keyword, more than the optimizer by position, or a splat.
COMPILED = "compile(loss)"
# Stands for the power operator (`e ** 2`, `m ** 0.5`), which rules recognise like a call.
POWER = "**"
# Stands for "the file holds a Keras model": it builds one (a model class, an input, a loader, an
# application, a subclass of a model class) or compiles, trains, evaluates or predicts with one.
MODEL = "model()"
_MODEL_MAKERS = tables.MODEL_CLASSES | tables.MODEL_LOADERS | tables.INPUT_FUNCS
MODEL_MAKER_NAMES = _MODEL_MAKERS | {"applications"}  # in a module's vocabulary: it can make a model
_KERAS_COMPILE_KEYWORDS = frozenset({"optimizer", "loss_weights", "run_eagerly", "steps_per_execution",
                                     "jit_compile"})  # beyond those `_compiles_a_loss` reads
_MODEL_METHODS = (tables.TRAIN_METHODS | tables.EVAL_METHODS | tables.PREDICT_METHODS
                  | tables.REMOVED_MODEL_METHODS | {"compile"})
_MODEL_WORDS = MODEL_MAKER_NAMES | _MODEL_METHODS  # text_vocabulary's superset
# calls that compile (or train with) the Keras model they are given, with their own `loss=`: scikeras'
# wrappers, TensorFlow Federated's `from_keras_model`
_COMPILING_WRAPPERS = frozenset({"KerasRegressor", "KerasClassifier", "from_keras_model"})


# Fields that never hold a node worth visiting: names and values (read directly where needed),
# contexts and operators (leaves), type comments.
_LEAF_FIELDS = frozenset({"ctx", "op", "id", "attr", "arg", "name", "asname", "module", "level", "kind",
                          "conversion", "is_async", "type_comment", "kwd_attrs"})
_CHILD_FIELDS: dict[type, tuple[str, ...]] = {}


def _child_fields(kind: type) -> tuple[str, ...]:
    if kind is ast.Constant:
        return ()  # its `value` is data, not a node
    return tuple(f for f in kind._fields if f not in _LEAF_FIELDS)


# Names too common as identifiers to gate a rule (`layer.input`, `self.output`) that it needs only as
# keyword arguments: the vocabulary also holds them as "<name>=" when a call passes them so.
KEYWORD_ONLY_NAMES = frozenset({"input", "output"}) | tables.KEYWORD_ONLY_ARGUMENTS
# layer name -> its own Keras 1 keywords (and None -> the layer name), for the `Layer(kw=` markers
_LAYER_KEYWORDS = {layer: {None: layer, **dict.fromkeys(keywords)}
                   for layer, keywords in tables.REMOVED_CLASS_KEYWORDS.items()}
_KEYWORD_TOKENS: dict = {}


def layer_keyword(layer: str, keyword: str) -> str:
    """The vocabulary's marker of a call of `layer` given `keyword` (`Dropout(p=`)."""
    return f"{layer}({keyword}="


def token_in(token: str, text: str) -> bool:
    """Whether a pre-check token occurs in `text`: a substring, except that a keyword token
    (`p=`, `mode =`) must start a word (`step=` holds no `p=`)."""
    if token[-1:] != "=" or not token[:1].isidentifier():
        return token in text
    if token not in text:
        return False
    pattern = _KEYWORD_TOKENS.get(token)
    if pattern is None:
        pattern = _KEYWORD_TOKENS[token] = re.compile(r"(?<![\w.])" + re.escape(token))
    return pattern.search(text) is not None


def code_vocabulary(tree: ast.AST) -> set[str]:
    """Every name, attribute, keyword, imported name (each dotted part), def/class name and short
    string constant (also lower-cased) in `tree`, and POWER when `**` is used: a superset of the
    identifiers the semantic model can resolve."""
    vocab: set[str] = set()
    add = vocab.add
    forwarding: list = []  # the own keywords of Keras classes a class of the file hands `**kwargs` to
    # ast.walk's generators cost twice this explicit stack over the fields that can hold nodes.
    stack: list = [tree]
    pop, push, extend = stack.pop, stack.append, stack.extend
    while stack:
        node = pop()
        kind = type(node)
        fields = _CHILD_FIELDS.get(kind)
        if fields is None:
            if not isinstance(node, ast.AST):
                continue  # None (a dict's `**` key) or a str (Global.names) inside a list
            fields = _CHILD_FIELDS[kind] = _child_fields(kind)
        for field in fields:
            child = getattr(node, field, None)
            if type(child) is list:
                extend(child)
            elif child is not None:
                push(child)
        if kind is ast.Name:
            add(node.id)
        elif kind is ast.Attribute:
            add(node.attr)
        elif kind is ast.keyword:
            if node.arg is not None:
                add(node.arg)
                if node.arg in KEYWORD_ONLY_NAMES:
                    add(node.arg + "=")  # as a keyword: `Model(input=x)`, not `layer.input`
        elif kind is ast.Constant:
            if type(node.value) is str and len(node.value) <= _MAX_NAME_CONSTANT:
                add(node.value)
                add(node.value.lower())  # metric strings are matched case-insensitively
        elif kind is ast.alias:
            vocab.update(node.name.split("."))
            if node.asname:
                add(node.asname)
        elif kind is ast.ImportFrom:
            if node.module:
                parts = node.module.split(".")
                vocab.update(parts)
                if "applications" in parts and parts[0] in KERAS_NAMES:
                    add(MODEL)  # `from keras.applications import ResNet50`
        elif kind in (ast.FunctionDef, ast.AsyncFunctionDef):
            add(node.name)
        elif kind is ast.ClassDef:
            add(node.name)
            if MODEL not in vocab and any(_last_name(b) in tables.MODEL_CLASSES for b in node.bases):
                add(MODEL)  # `class Net(keras.Model)`
            own = _LAYER_KEYWORDS.get(_last_name(node.bases[0])) if len(node.bases) == 1 else None
            if own is not None:
                # `super().__init__(log_dir, write_grads=True)` in `class Board(TensorBoard)`: that
                # class's own keywords, given to its constructor
                for sub in ast.walk(node):
                    if type(sub) is ast.Call and type(sub.func) is ast.Attribute and sub.func.attr == "__init__" \
                            and type(sub.func.value) is ast.Call and _last_name(sub.func.value.func) == "super":
                        vocab.update(layer_keyword(own[None], kw.arg) for kw in sub.keywords
                                     if kw.arg is not None and kw.arg in own)
                        if any(kw.arg is None for kw in sub.keywords):
                            # `super().__init__(**kwargs)`: what the class's constructions pass on
                            forwarding.append(own)
        elif kind is ast.Call:
            if MODEL not in vocab and _makes_or_uses_a_model(node):
                add(MODEL)
            if node.keywords:
                func = node.func
                own = _LAYER_KEYWORDS.get(func.id if type(func) is ast.Name else
                                          func.attr if type(func) is ast.Attribute else None)
                if own is not None:
                    for kw in node.keywords:
                        if kw.arg is not None and kw.arg in own:
                            add(layer_keyword(own[None], kw.arg))  # `Dropout(p=`: that layer's own keyword
            if type(node.func) is ast.Attribute and node.func.attr == "compile" \
                    or type(node.func) is ast.Name and node.func.id == "compile":
                if COMPILED not in vocab and _compiles_a_loss(node):
                    add(COMPILED)
            elif _last_name(node.func) in _COMPILING_WRAPPERS and any(kw.arg == "loss" for kw in node.keywords):
                add(COMPILED)  # scikeras compiles the builder's model with the wrapper's `loss=`
            if (node.args or node.keywords) and (SAME_DATA not in vocab or SPLAT not in vocab):
                same = _same_data(node)
                if same is not None:
                    add(same)
        elif kind is ast.BinOp or kind is ast.AugAssign:
            if type(node.op) is ast.Pow:
                add(POWER)
    for own in forwarding:
        # `SaveEvery(filepath=p, period=5)` of `class SaveEvery(ModelCheckpoint)` forwarding `**kwargs`
        # (here or in a module importing it: a superset, as a pre-check must be)
        vocab.update(layer_keyword(own[None], k) for k in own if k is not None)
    return vocab


def _last_name(expr: ast.expr) -> str | None:
    kind = type(expr)
    return expr.attr if kind is ast.Attribute else expr.id if kind is ast.Name else None


def _makes_or_uses_a_model(call: ast.Call) -> bool:
    func = call.func
    kind = type(func)
    if kind is ast.Name:
        return func.id in _MODEL_MAKERS
    if kind is not ast.Attribute:
        return False
    if func.attr == "compile":  # a model's: one that can set a loss, or with Keras' other keywords
        return _compiles_a_loss(call) or any(kw.arg in _KERAS_COMPILE_KEYWORDS for kw in call.keywords)
    return func.attr in _MODEL_METHODS or func.attr in _MODEL_MAKERS or _last_name(func.value) == "applications"


def satisfies(names: tuple, vocab: set[str]) -> bool:
    """Whether `vocab` holds every entry of `names` (an entry that is a tuple: any one of it)."""
    return all((n in vocab) if isinstance(n, str) else not vocab.isdisjoint(n) for n in names)


# A file's own code naming one of these uses Keras itself (a model it builds, a layer it imports).
KERAS_NAMES = frozenset({"keras", "tensorflow", "tf_keras", "keras_core"})


def shares_a_part(names: tuple, own: set[str], keras_imported: bool = False,
                  links: Callable[[], bool] = lambda: False) -> bool:
    """Whether a file whose imported modules complete a rule's `names` holds a part of them itself:
    one of the identifiers the rule needs; or, with Keras in it or in the project modules it imports,
    a model (`MODEL`: one it builds and hands to a trainer module, one it gets from a builder
    and fits) or a link between project modules (`links()`: `train(build(), ...)`, a value one of
    them returns handed to another). A module that only uses Keras' utilities or a project's classes
    (a package's `__init__.py`, a hyperparameter class, a callback) puts no mistake together: the
    modules it names report their own."""
    if any((n in own and n != SPLAT) if isinstance(n, str) else any(x in own and x != SPLAT for x in n)
           for n in names):
        return True
    if not keras_imported and own.isdisjoint(KERAS_NAMES):
        return False
    return MODEL in own or links()


def _data_key(node: ast.expr):
    """The same text key regr_lint.model.records.expr_key gives Name / Attribute / Subscript chains."""
    kind = type(node)
    if kind is ast.Name:
        return node.id
    if kind is ast.Attribute or kind is ast.Subscript:
        return ast.dump(node)
    if kind is ast.Call and node.args and type(node.args[0]) in (ast.Name, ast.Attribute):
        return ast.dump(node)  # `np.array(seqs)` written twice (RL201 reads which calls count)
    return None


def _same_data(call: ast.Call) -> str | None:
    """SAME_DATA when the call is given one expression twice, else SPLAT when it is given a splat,
    else None."""
    values, splat = [], False
    for arg in call.args:
        if type(arg) is ast.Starred:
            splat = True
        else:
            values.extend(arg.elts if type(arg) is ast.Tuple else (arg,))
    for kw in call.keywords:
        if kw.arg is None:
            splat = True
        else:
            values.append(kw.value)
    keys = [k for k in map(_data_key, values) if k is not None]
    if len(keys) != len(set(keys)):
        return SAME_DATA
    return SPLAT if splat else None


_COMPILE_KEYWORDS = frozenset({"loss", "metrics", "weighted_metrics"})


def _compiles_a_loss(call: ast.Call) -> bool:
    if any(kw.arg is None or kw.arg in _COMPILE_KEYWORDS for kw in call.keywords):
        return True
    # by position: a model's compile, not `re.compile(p, re.I)` nor the builtin `compile(src, name, mode)`
    func = call.func
    if type(func) is ast.Name or _last_name(func.value) in ("re", "regex"):
        return False
    return len(call.args) > 1 or any(type(a) is ast.Starred for a in call.args)


# String literals and comments, found left to right (the first to open wins, so a `#` in a string
# and a quote in a comment are read as Python does).
_NOT_CODE = re.compile("|".join((
    r'"""(?:[^"\\]|\\[\s\S]|"(?!""))*(?:"""|$)',  # a triple-quoted string (unclosed: to the end)
    r"'''(?:[^'\\]|\\[\s\S]|'(?!''))*(?:'''|$)",
    r'"(?:[^"\\\n]|\\.)*"',
    r"'(?:[^'\\\n]|\\.)*'",
    r"#[^\n]*",
)))
_IDENTIFIER = re.compile(r"[A-Za-z_]\w*")


def code_only(text: str) -> str:
    """`text` with its string literals emptied and its comments dropped (lines kept): the import
    statements read off a text are those outside them (a docstring showing `from d2l import
    tensorflow as d2l` imports nothing)."""
    if '"""' not in text and "'''" not in text and "#" not in text:
        return text  # a one-line string cannot hold a line that starts with `from` or `import`
    return _NOT_CODE.sub(lambda m: "\n" * m.group(0).count("\n"), text)


def text_vocabulary(text: str) -> set[str]:
    """What `code_vocabulary` finds, read off the text without a parse (a tenth of the cost): the
    identifiers outside strings and comments, the short string constants (also lower-cased), and
    the stand-ins a parse would decide — SAME_DATA, SPLAT, COMPILED, POWER, MODEL — whenever they
    may hold. A superset but for strings split in parts (`"binary_" "crossentropy"`); for the modules a
    file imports, which the run may never parse."""
    constants: set[str] = set()

    def drop(m: re.Match) -> str:
        found = m.group(0)
        if found[0] != "#":
            body = found[3:-3] if found[:3] in ('"""', "'''") else found[1:-1]
            if len(body) <= _MAX_NAME_CONSTANT:
                constants.add(body)
                constants.add(body.lower())
            if text[max(0, m.start() - 2):m.start()].lower().count("f"):
                constants.update(_IDENTIFIER.findall(body))  # an f-string's {fields} are code
        return "\n" * found.count("\n")

    code = _NOT_CODE.sub(drop, text)
    vocab = set(_IDENTIFIER.findall(code))
    vocab |= constants
    if "(" in code:
        vocab.update((SAME_DATA, SPLAT))
    if "compile" in vocab or not vocab.isdisjoint(_COMPILING_WRAPPERS):
        vocab.add(COMPILED)
    if "(" in code and not vocab.isdisjoint(_MODEL_WORDS):
        vocab.add(MODEL)
    if "**" in code:
        vocab.add(POWER)
    for name in KEYWORD_ONLY_NAMES & vocab:
        if token_in(name + "=", code) or token_in(name + " =", code):
            vocab.add(name + "=")  # whenever the name may be a keyword argument
    forwards = "super(" in code and "**" in code  # a subclass may hand its constructions' keywords on
    for layer in _LAYER_KEYWORDS.keys() & vocab:
        for keyword in tables.REMOVED_CLASS_KEYWORDS[layer]:
            if forwards or token_in(keyword + "=", code) or token_in(keyword + " =", code):
                vocab.add(layer_keyword(layer, keyword))  # whenever that layer may be given it
    return vocab
