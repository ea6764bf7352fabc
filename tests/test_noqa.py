"""`# noqa` suppression: bare, with codes, on the reported line or the statement's first/last line."""
from __future__ import annotations

import textwrap

from regr_lint.engine.lint import lint_text
from regr_lint.engine.noqa import noqa_lines
from regr_lint.engine.registry import load_rules

RULES = load_rules()
HEAD = "import keras\nm = keras.Sequential([keras.layers.Dense(1)])\n"


def found(src: str):
    return [(f.code, f.line) for f in lint_text(HEAD + textwrap.dedent(src), "t.py", RULES)]


def test_unsuppressed_baseline():
    assert found('m.compile(loss="mse", metrics=["accuracy"])\n') == [("RL101", 3)]


def test_bare_noqa_on_the_line():
    assert found('m.compile(loss="mse", metrics=["accuracy"])  # noqa\n') == []


def test_noqa_with_the_code_and_with_another_code():
    assert found('m.compile(loss="mse", metrics=["accuracy"])  # noqa: RL101\n') == []
    assert found('m.compile(loss="mse", metrics=["accuracy"])  # noqa: RL102,RL103\n') == [("RL101", 3)]
    assert found('m.compile(loss="mse", metrics=["accuracy"])  # NOQA:RL102, RL101\n') == []


def test_noqa_on_the_last_or_first_line_of_the_statement():
    last = '''
    m.compile(loss="mse",
              metrics=["accuracy"],
              optimizer="adam")  # noqa: RL101
    '''
    first = '''
    m.compile(  # noqa: RL101
        loss="mse",
        metrics=["accuracy"])
    '''
    assert found(last) == []
    assert found(first) == []


def test_noqa_elsewhere_does_not_suppress():
    src = '''
    x = 1  # noqa: RL101
    m.compile(loss="mse",
              metrics=["accuracy"])
    '''
    assert found(src) == [("RL101", 6)]


def test_noqa_inside_a_string_is_not_a_comment():
    assert noqa_lines('s = "# noqa: RL101"\n') == {}
    assert noqa_lines("x = 1  # noqa: RL101\n") == {1: frozenset({"RL101"})}
