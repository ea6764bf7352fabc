"""The identifiers a file's code uses, read off CPython's AST: the second, parse-level pre-check.

A rule's `tokens` are matched against the raw text, where docstrings and comments count too: Keras'
own docstrings are full of `model.compile(..., metrics=["accuracy"])`. Before paying for libcst (ten
times CPython's parse) a file must also use, in code, the identifiers a rule declares in `names`.
"""
from __future__ import annotations

import ast
import re

# Constants longer than this are prose (docstrings, messages), not names a rule could resolve.
_MAX_NAME_CONSTANT = 64
# Stands for a call given the same data twice (`fit(x, x)`, `flow(x, y=x)`, `from_tensor_slices((x,
# x))`) or given `*`/`**` splats, the only ways one expression can be both a call's x and its y.
SAME_DATA = "(x, x)"
# Stands for a `compile(...)` call that can give a model a loss or metrics: a `loss` / `metrics` /
# `weighted_metrics` keyword, more than the optimizer by position, or a splat.
COMPILED = "compile(loss)"
# Stands for the power operator (`e ** 2`, `m ** 0.5`), which rules recognise like a call.
POWER = "**"
# Stands for "the file calls something": a file of imports and constants only (a package's
# __init__.py re-exporting Keras code, a config module) cannot put a model and its training together.
CALLS = "()"


# Fields that never hold a node worth visiting: names and values (read directly where needed),
# contexts and operators (leaves), type comments.
_LEAF_FIELDS = frozenset({"ctx", "op", "id", "attr", "arg", "name", "asname", "module", "level", "kind",
                          "conversion", "is_async", "type_comment", "kwd_attrs"})
_CHILD_FIELDS: dict[type, tuple[str, ...]] = {}


def _child_fields(kind: type) -> tuple[str, ...]:
    if kind is ast.Constant:
        return ()  # its `value` is data, not a node
    return tuple(f for f in kind._fields if f not in _LEAF_FIELDS)


def code_vocabulary(tree: ast.AST) -> set[str]:
    """Every name, attribute, keyword, imported name (each dotted part), def/class name and short
    string constant (also lower-cased) in `tree`, and POWER when `**` is used: a superset of the
    identifiers the semantic model can resolve."""
    vocab: set[str] = set()
    add = vocab.add
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
                vocab.update(node.module.split("."))
        elif kind in (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef):
            add(node.name)
        elif kind is ast.Call:
            add(CALLS)
            if type(node.func) is ast.Attribute and node.func.attr == "compile" \
                    or type(node.func) is ast.Name and node.func.id == "compile":
                if _compiles_a_loss(node):
                    add(COMPILED)
            if SAME_DATA not in vocab and (node.args or node.keywords) and _passes_same_data(node):
                add(SAME_DATA)
        elif kind is ast.BinOp or kind is ast.AugAssign:
            if type(node.op) is ast.Pow:
                add(POWER)
    return vocab


def satisfies(names: tuple, vocab: set[str]) -> bool:
    """Whether `vocab` holds every entry of `names` (an entry that is a tuple: any one of it)."""
    return all((n in vocab) if isinstance(n, str) else not vocab.isdisjoint(n) for n in names)


# A file's own code naming one of these uses Keras itself (a model it builds, a layer it imports).
KERAS_NAMES = frozenset({"keras", "tensorflow", "tf_keras"})


def shares_a_part(names: tuple, own: set[str], keras_imported: bool = False) -> bool:
    """Whether a file whose imported modules complete a rule's `names` holds a part of them itself:
    one of the identifiers the rule needs, or Keras (the model a trainer module fits) — its own, or
    a project module's it calls into (`model = models.build()` compiled with `losses.rmse`, a model
    handed to a trainer module: the mistake is put together here). A module that calls nothing (a
    package's `__init__.py` re-exporting Keras code) holds none: the modules it names report their
    own."""
    return not own.isdisjoint(KERAS_NAMES) or (keras_imported and CALLS in own) or any(
        (n in own) if isinstance(n, str) else not own.isdisjoint(n) for n in names)


def _data_key(node: ast.expr):
    """The same text key regr_lint.facts.dataflow.expr_key gives Name / Attribute / Subscript chains."""
    kind = type(node)
    if kind is ast.Name:
        return node.id
    if kind is ast.Attribute or kind is ast.Subscript:
        return ast.dump(node)
    return None


def _passes_same_data(call: ast.Call) -> bool:
    values = []
    for arg in call.args:
        if type(arg) is ast.Starred:
            return True
        values.extend(arg.elts if type(arg) is ast.Tuple else (arg,))
    for kw in call.keywords:
        if kw.arg is None:
            return True
        values.append(kw.value)
    keys = [k for k in map(_data_key, values) if k is not None]
    return len(keys) != len(set(keys))


_COMPILE_KEYWORDS = frozenset({"loss", "metrics", "weighted_metrics"})


def _compiles_a_loss(call: ast.Call) -> bool:
    if len(call.args) > 1 or any(type(a) is ast.Starred for a in call.args):
        return True
    return any(kw.arg is None or kw.arg in _COMPILE_KEYWORDS for kw in call.keywords)


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
    the stand-ins a parse would decide — CALLS, SAME_DATA, COMPILED, POWER — whenever they may
    hold. A superset but for strings split in parts (`"binary_" "crossentropy"`); for the modules a
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
        vocab.update((CALLS, SAME_DATA))
    if "compile" in vocab:
        vocab.add(COMPILED)
    if "**" in code:
        vocab.add(POWER)
    return vocab
