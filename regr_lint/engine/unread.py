"""Which findings a notebook cell that does not parse cannot make wrong (see lint._without_broken_cells).

What such a cell holds past its error is not read: the names it may bind stand for unknown values.
A rule that follows data across statements also judges by what it does not see (the targets never
scaled, the model given no other head, never compiled again), which the unread lines may hold. Its
finding stands only when those lines touch nothing the finding's statement is made of: the names
that statement reads or binds, what is made from them (`fm = Model(inp, out)`), and what all those
are made from or changed by, through module-level code (`m` <- `m.fit(x, y)` <- `y` <- `y_raw`).
The unread lines touch a name they may bind when later code reads it before binding it again, and
a name they may change (`m.add(`, `np.random.shuffle(y`, `df["y"] = `) or a function of the
notebook they call may (see notebook._unread_touches). Flow-insensitive, erring towards silence.
"""
from __future__ import annotations

import ast
from typing import Callable

from regr_lint.input.notebook import READING_CALLS, UNREAD_CELL


def may_change(tree: ast.Module, cells: list) -> Callable[[int], bool]:
    """A test of a finding's line: whether the unread lines of `cells` (notebook.Unread.cells) may
    change what the statement holding it reads (True also when no statement holds it)."""
    story = _Story(tree)
    live, changed = set(), set()
    for end, bound, others in cells:
        live |= {name for name in bound if story.live_after(name, end)}
        changed |= set(others)
    # (a name the readable code binds only by an import, or not at all, holds no object of its
    # story: a module, a builtin; one the unread lines bind is another value, when it is read)
    touched = {n for n in story.reached_by(live | changed) if n in story.made} | live
    if not touched:
        return lambda line: False
    return lambda line: story.evidence(line) is None or bool(story.evidence(line) & touched)


class _Story:
    """The names module-level code binds, each with the names its values are made from."""

    def __init__(self, tree: ast.Module) -> None:
        self.body = [s for s in tree.body if not _stand_in(s)]
        self.parents: dict[str, set] = {}  # name -> the names a value it is given (or a change made to it) reads
        self.forward: dict[str, set] = {}  # name -> the names bound to it or to a call given it (`m = Model(i, out)`)
        self.made: set = set()  # bound otherwise than by an import
        self.imported: set = set()
        self.functions: dict[str, set] = {}  # def / class name -> the module-level names its body reads
        self._evidence: dict = {}
        self._orders: dict = {}  # see _order
        for stmt in self.body:
            self._read(stmt)
        # a module or an imported class or function: what a statement reads through it is no part
        # of its story (`keras.Sequential(...)` makes every model of the notebook)
        self.inert = self.imported - self.made

    def _read(self, stmt: ast.stmt, only: "set | None" = None) -> None:
        """The links `stmt` makes; in a function's body (`only`: the module-level names it reads),
        only those of module-level names (a `train()` running `model.fit(x, y)`)."""
        if isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            free = _mentions(stmt)
            if only is None:
                self.functions[stmt.name] = free - {stmt.name}
                self._link({stmt.name}, free, None)
            for inner in stmt.body:
                self._read(inner, free if only is None else free & only)
            return
        if isinstance(stmt, (ast.Import, ast.ImportFrom)):
            if only is None:
                self.imported |= _roots_bound(stmt)
            return
        if isinstance(stmt, (ast.Assign, ast.AnnAssign, ast.AugAssign)) and stmt.value is not None:
            targets = stmt.targets if isinstance(stmt, ast.Assign) else [stmt.target]
            roots = {r for t in targets for r in _roots(t)}
            self._link(roots, _mentions(stmt.value) | {n for t in targets for n in _mentions(t)}, only)
            self._pass(_given(stmt.value), roots, only)
        elif isinstance(stmt, (ast.For, ast.AsyncFor)):
            roots = _roots(stmt.target)
            self._link(roots, _mentions(stmt.iter), only)
            self._pass(_given(stmt.iter), roots, only)
        elif isinstance(stmt, (ast.With, ast.AsyncWith)):
            for item in stmt.items:
                if item.optional_vars is not None:
                    self._link(_roots(item.optional_vars), _mentions(item.context_expr), only)
        for node in _own_nodes(stmt):
            if isinstance(node, ast.Call):
                # a call may change its object and what it is given (`model.fit(x, y)`, `shuffle(y)`)
                read = _mentions(node)
                changed = _roots(node.func) if isinstance(node.func, ast.Attribute) else set()
                if _called(node.func) not in READING_CALLS:
                    changed |= {r for arg in node.args for r in _roots(arg)}
                self._link(changed, read, only, binds=False)
            elif isinstance(node, ast.NamedExpr):
                self._link(_roots(node.target), _mentions(node.value), only)
        for child in ast.iter_child_nodes(stmt):
            if isinstance(child, ast.stmt):
                self._read(child, only)
            else:  # (an `except` clause's, a `case`'s statements)
                for inner in getattr(child, "body", None) or ():
                    if isinstance(inner, ast.stmt):
                        self._read(inner, only)

    def _link(self, names: set, read: set, only: "set | None", binds: bool = True) -> None:
        for name in names if only is None else names & only:
            if binds:
                self.made.add(name)
            self.parents.setdefault(name, set()).update(read - {name})

    def _pass(self, given: set, to: set, only: "set | None") -> None:
        to = to if only is None else to & only
        for name in given:
            self.forward.setdefault(name, set()).update(to - {name})

    def reached_by(self, touched: set) -> set:
        """`touched` and, for a function of the notebook among them, the module-level names its
        body reads (what a call of it may change)."""
        return _closure(touched, self.functions)

    def evidence(self, line: int) -> "set | None":
        """The names the module-level statement holding `line` reads or binds, those made from them
        (forward), and everything those are made from; None when no statement holds the line."""
        stmt = next((s for s in self.body if s.lineno <= line <= (s.end_lineno or s.lineno)), None)
        if stmt is None:
            return None
        if id(stmt) not in self._evidence:
            start = (_mentions(stmt) | _roots_bound(stmt)) - self.inert
            made = _closure(start, self.forward, self.inert)
            self._evidence[id(stmt)] = _closure(made, self.parents, self.inert)
        return self._evidence[id(stmt)]

    def live_after(self, name: str, line: int) -> bool:
        """Whether a value given to `name` on `line` may be read: some later module-level statement
        reads it (also in a function it calls) before one binds it again (a `for name in …` loop,
        `name = …` not reading it)."""
        for stmt in self.body:
            if stmt.lineno <= line:
                continue
            first, binds, every = self._order(stmt)
            if name in first:
                return True
            if name in binds:
                return False
            if name in every:
                return True
        return False

    def _order(self, stmt: ast.stmt) -> tuple:
        """(what `stmt` reads before it binds, also through the functions it calls; what it binds;
        everything it reads or binds, also through those functions)."""
        known = self._orders.get(id(stmt))
        if known is None:
            first, binds = _mentions(stmt), set()
            if isinstance(stmt, (ast.For, ast.AsyncFor)):
                first, binds = _mentions(stmt.iter), _roots(stmt.target)
            elif isinstance(stmt, ast.Assign):
                first, binds = _mentions(stmt.value), {t.id for t in stmt.targets if isinstance(t, ast.Name)}
            elif isinstance(stmt, (ast.Import, ast.ImportFrom, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                first, binds = set(), _roots_bound(stmt)
            known = self._orders[id(stmt)] = (self.reached_by(first), binds, self.reached_by(_mentions(stmt)))
        return known


def _called(func: ast.AST) -> str:
    return func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""


def _stand_in(stmt: ast.stmt) -> bool:
    """The import and the class notebook.without_unread writes for what the unread lines bind."""
    return isinstance(stmt, ast.ImportFrom) and stmt.module == UNREAD_CELL or \
        isinstance(stmt, ast.ClassDef) and stmt.name == UNREAD_CELL


def _closure(names: set, edges: dict, inert: frozenset = frozenset()) -> set:
    seen, todo = set(names), list(names)
    while todo:
        for other in edges.get(todo.pop(), ()):
            if other not in seen and other not in inert:
                seen.add(other)
                todo.append(other)
    return seen


_SCOPES = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda)


def _mentions(node: ast.AST) -> set:
    """The module-level names `node` reads or binds: in a function, class or lambda, only those it
    does not bind itself (its parameters and locals), and those it declares global."""
    if isinstance(node, _SCOPES):
        names = {n.id for n in ast.walk(node) if isinstance(n, ast.Name)}
        local = {n.id for n in ast.walk(node) if isinstance(n, ast.Name) and not isinstance(n.ctx, ast.Load)}
        local |= {a.arg for n in ast.walk(node) if isinstance(n, ast.arguments)
                  for a in n.posonlyargs + n.args + n.kwonlyargs + [n.vararg, n.kwarg] if a is not None}
        declared = {g for n in ast.walk(node) if isinstance(n, (ast.Global, ast.Nonlocal)) for g in n.names}
        return names - (local - declared) | declared
    if isinstance(node, ast.Name):
        return {node.id}
    out = set()
    for child in ast.iter_child_nodes(node):
        out |= _mentions(child)
    return out


def _own_nodes(stmt: ast.stmt):
    """The expressions of `stmt` itself: not those of the statements in its body, nor of a function."""
    todo = [c for c in ast.iter_child_nodes(stmt) if not isinstance(c, (ast.stmt, ast.ExceptHandler))]
    while todo:
        node = todo.pop()
        yield node
        todo.extend(c for c in ast.iter_child_nodes(node) if not isinstance(c, _SCOPES))


def _roots(target: ast.AST) -> set:
    """The names a target binds or changes (`df["y"] = …` changes df), or an expression stands for."""
    while isinstance(target, (ast.Attribute, ast.Subscript, ast.Starred)):
        target = target.value
    if isinstance(target, ast.Name):
        return {target.id}
    if isinstance(target, (ast.Tuple, ast.List)):
        return {r for e in target.elts for r in _roots(e)}
    return set()


def _roots_bound(stmt: ast.stmt) -> set:
    if isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
        return {stmt.name}
    if isinstance(stmt, (ast.Import, ast.ImportFrom)):
        return {a.asname or a.name.partition(".")[0] for a in stmt.names}
    return set()


def _given(value: ast.AST) -> set:
    """The names whose objects a value hands on: itself, a part of it (`y[:, 0]`), or what a call is
    given or calls (`Model(inp, out)`, `build()`) — not the object a method is called on
    (`preds = model.predict(x)` is no model)."""
    if isinstance(value, ast.Call):
        out = set()
        if isinstance(value.func, ast.Name):
            out.add(value.func.id)
        for arg in value.args + [k.value for k in value.keywords]:
            out |= _mentions(arg)
        return out
    if isinstance(value, (ast.Name, ast.Attribute, ast.Subscript, ast.Starred)):
        return _roots(value)
    if isinstance(value, (ast.Tuple, ast.List)):
        return {n for e in value.elts for n in _given(e)}
    return set()
