"""Branches that name the task they build for: `if cfg["task"] == "binary":` before a sigmoid head,
`if self.classification:` before a softmax. A head made in such an arm is the classifier's, whatever
loss the caller passes for the other arm (a regression dataset's "mse" reaching the builder's
`loss=loss` in both). What the condition compares is not known; its words say which task it is."""
from __future__ import annotations

from typing import Optional

from regr_lint.lazy import cst

_CLASSIFICATION = frozenset({"binary", "classification", "classify", "classifier", "multiclass", "multi_class",
                             "multilabel", "multi_label", "binary_classification", "multiclass_classification",
                             "clf", "categorical"})
_REGRESSION = frozenset({"regression", "regressor", "regress"})
_EQUAL = (cst.Equal, cst.Is, cst.In)
_UNEQUAL = (cst.NotEqual, cst.IsNot, cst.NotIn)


def _word(text: str) -> Optional[bool]:
    text = text.lower()
    for prefix in ("is_", "use_", "do_"):
        if text.startswith(prefix):
            text = text[len(prefix):]
    return True if text in _CLASSIFICATION else False if text in _REGRESSION else None


def _strings(node) -> list:
    if type(node) is cst.SimpleString:
        value = node.evaluated_value
        return [value] if isinstance(value, str) else []
    if type(node) in (cst.Tuple, cst.List, cst.Set):
        return [s for e in node.elements for s in _strings(e.value)]
    return []


def declared_task(test: cst.BaseExpression) -> Optional[bool]:
    """True when `test` holds for a classification task (`task == "binary"`, `mode in
    ("classification", "multiclass")`, `self.is_classification`, `not regression`), False when it holds for
    a regression task (`task == "regression"`, `args.regression`), None when it says neither (or
    names both)."""
    kind = type(test)
    if kind is cst.UnaryOperation and type(test.operator) is cst.Not:
        inner = declared_task(test.expression)
        return None if inner is None else not inner
    if kind is cst.Name:
        return _word(test.value)
    if kind is cst.Attribute:
        return _word(test.attr.value)
    if kind is not cst.Comparison or len(test.comparisons) != 1:
        return None
    target = test.comparisons[0]
    words = _strings(target.comparator) or _strings(test.left)
    found = {_word(w) for w in words}
    if len(found) != 1 or None in found:
        return None
    task = found.pop()
    if isinstance(target.operator, _EQUAL):
        return task
    if isinstance(target.operator, _UNEQUAL):
        return not task
    return None
