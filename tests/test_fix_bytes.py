"""A fix changes only the bytes of its edits (libcst does not write every file back as it read it),
never writes a name the file binds to something else, and runs under linting's recursion budget."""
from __future__ import annotations

import ast
import json
import textwrap

import libcst as cst
import pytest

from cli_helpers import run, write
from regr_lint.engine.lint import lint_source, lint_text
from regr_lint.engine.registry import load_rules
from regr_lint.fixes.apply import fix_text
from regr_lint.input.textmap import line_starts, splice, split_lines
from regr_lint.rule import Edit, Fix, Rule

RULES = load_rules()
HEAD = "import keras\nmodel = keras.Sequential([keras.layers.Dense(1)])\n"
BUG = 'model.compile(loss="mse", metrics=["mae", "accuracy"])\n'
GOOD = 'model.compile(loss="mse", metrics=["mae"])\n'


def _json_applied(text: str, edits: list[dict]) -> str:
    starts = line_starts(text)
    return splice(text, [(starts[e["line"] - 1] + e["column"] - 1, starts[e["end_line"] - 1] + e["end_column"] - 1,
                          e["content"]) for e in edits])


# Valid files libcst 1.9 parses but writes back differently: the bytes it loses must survive a fix.
NOT_ROUND_TRIPPED = {
    "form feed at a line start": HEAD + "\x0cx = 1\n" + BUG + "\x0cy = 2\n",
    "backslash line before a statement": HEAD + "x = 1\n\\\ny = 2\n" + BUG,
    "backslash CRLF line": (HEAD + "x = 1\n\\\ny = 2\n" + BUG).replace("\n", "\r\n"),
    "CR-only file": (HEAD + BUG).replace("\n", "\r"),
}


@pytest.mark.parametrize("source", NOT_ROUND_TRIPPED.values(), ids=NOT_ROUND_TRIPPED.keys())
def test_findings_are_on_the_file_s_own_lines_and_noqa_there_counts(source):
    """libcst's positions count in the code it writes back: a dropped backslash line would put every
    later finding a line early, where a `# noqa` on the real line does not reach it."""
    newline = "\r\n" if "\r\n" in source else "\r" if "\r" in source else "\n"
    bug_line = source.split(newline).index(BUG.rstrip("\n")) + 1
    [finding] = lint_text(source, "t.py", RULES)
    assert (finding.code, finding.line, finding.end_line) == ("RL101", bug_line, bug_line)
    silenced = source.replace(BUG.replace("\n", newline), BUG.replace("\n", "  # noqa: RL101" + newline))
    assert lint_text(silenced, "t.py", RULES) == []


@pytest.mark.parametrize("source", NOT_ROUND_TRIPPED.values(), ids=NOT_ROUND_TRIPPED.keys())
def test_bytes_libcst_loses_are_kept_outside_the_fix(source):
    assert cst.parse_module(source).code != source  # (libcst really does not round-trip it)
    result = fix_text(source, "t.py", RULES)
    assert result.fixed == 1 and not result.dropped
    newline = "\r\n" if "\r\n" in source else "\r" if "\r" in source else "\n"
    assert result.text == source.replace(BUG.replace("\n", newline), GOOD.replace("\n", newline))
    # the edits the result reports are all that changed
    assert splice(source, result.edits) == result.text
    [(start, end, new)] = result.edits
    assert source[start:end] == '["mae", "accuracy"]' and new == '["mae"]'


def test_json_edits_are_placed_in_the_file_not_in_libcsts_code():
    source = NOT_ROUND_TRIPPED["backslash line before a statement"]
    [f] = lint_text(source, "t.py", RULES)
    assert f.fix is not None
    assert _json_applied(source, f.as_dict()["fix"]["edits"]) == fix_text(source, "t.py", RULES).text


@pytest.mark.parametrize("source", [
    HEAD + "\x0c" + BUG,  # the fixed line itself is one libcst writes back differently
    HEAD + "if True:\n\x0c    y = 2\n    " + BUG,  # libcst writes the form feed into the block's indent
], ids=["form feed on the fixed line", "form feed in the block's first indent"])
def test_a_fix_libcst_cannot_place_exactly_is_refused_and_reported(source):
    assert cst.parse_module(source).code != source
    result = fix_text(source, "t.py", RULES)
    assert result.text == source and result.fixed == 0
    assert result.dropped == ["t.py: fix for RL101 dropped: libcst does not write this part of the file back as it is"]
    [f] = result.findings
    assert f.code == "RL101" and f.fix is None  # not shown as fixable either


def test_cli_fix_keeps_form_feeds_and_backslash_lines(tmp_path):
    source = NOT_ROUND_TRIPPED["form feed at a line start"] + "\\\nz = 3\n"
    path = write(tmp_path, "t.py", source.encode())
    res = run("check", "--fix", "--no-cache", "t.py", cwd=tmp_path)
    assert res.returncode == 0, res.stderr
    assert path.read_bytes() == source.replace(BUG, GOOD).encode()


# -- names a fix introduces -----------------------------------------------------------------------------

FIT = "model.fit(ds, steps_per_epoch=n / bs, epochs=1)"


@pytest.mark.parametrize("binding", [
    "math = 3\n" + FIT,
    FIT + "\nmath = 3",  # a later module-level rebinding shadows a new top-level import
    "def f(math):\n    " + FIT,
    "def f():\n    math = 1\n    " + FIT,
    "def outer():\n    math = 1\n    def inner():\n        " + FIT,
    "class C:\n    math = 1\n" + FIT,
    "for math in range(3):\n    " + FIT,
    "with open('f') as math:\n    " + FIT,
    "try:\n    pass\nexcept Exception as math:\n    pass\n" + FIT,
    "x = [math for math in range(3)]\n" + FIT,
    "def f():\n    global math\n    " + FIT,
    "import numpy as math\n" + FIT,
    "from numpy import math\n" + FIT,
    "import math\nmath = 2\n" + FIT,
    "from numpy import *\n" + FIT,
    "if (math := 2):\n    " + FIT,
    "f = lambda math: 1\n" + FIT,
    "def math():\n    pass\n" + FIT,
    "del math\n" + FIT,
    "match x:\n    case [math]:\n        pass\n" + FIT,
])
def test_rl202_never_writes_math_where_math_is_something_else(binding):
    source = "import keras\nmodel = keras.Sequential([keras.layers.Dense(1)])\n" + binding + "\n"
    result = fix_text(source, "t.py", RULES)
    assert result.fixed == 1, result.dropped
    assert "math.ceil" not in result.text and result.text.count("import math") == binding.count("import math")
    assert "steps_per_epoch=-(-n // bs)" in result.text
    ast.parse(result.text)


def test_the_fallback_is_the_ceiling():
    source = textwrap.dedent("""\
        import keras
        def steps(math, n, bs):
            model.fit(ds, steps_per_epoch=n / bs)
            model.fit(ds, steps_per_epoch=(n + 1) / (bs * 2))
            model.fit(ds, steps_per_epoch=n * 3 / bs ** 2)
        """)
    fixed = fix_text(source, "t.py", RULES).text
    exprs = [ast.unparse(kw.value) for node in ast.walk(ast.parse(fixed)) if isinstance(node, ast.Call)
             for kw in node.keywords if kw.arg == "steps_per_epoch"]
    assert exprs == ["-(-n // bs)", "-(-(n + 1) // (bs * 2))", "-(-(n * 3) // bs ** 2)"]
    import math
    for n in range(0, 50):
        for bs in range(1, 7):
            values = [eval(e, {"n": n, "bs": bs}) for e in exprs]  # noqa: S307 - the test's own expressions
            assert values == [math.ceil(n / bs), math.ceil((n + 1) / (bs * 2)), math.ceil(n * 3 / bs ** 2)]


def test_rl202_keeps_math_ceil_where_math_is_the_module():
    for head in ("", "import math\n", "def f():\n    import math\n"):
        source = "import keras\n" + head + FIT + "\n"
        fixed = fix_text(source, "t.py", RULES).text
        assert "math.ceil(n / bs)" in fixed and fixed.count("import math\n") == 1 + head.count("def f")


class _NeedsSqrt(Rule):
    code = "XX901"
    name = "needs-sqrt"
    tokens = ()

    def check(self, facts):
        for node in facts.module.body:
            if isinstance(node, cst.SimpleStatementLine) and isinstance(node.body[0], cst.Assign):
                value = node.body[0].value
                if isinstance(value, cst.Integer):
                    yield self.report(value, "sqrt", Fix(True, "use sqrt", (Edit(value, cst.parse_expression(
                        "math.sqrt(2)")),), ("math",)))


def test_any_fix_importing_a_name_the_file_binds_otherwise_is_dropped():
    source = "x = 1\ndef f(math):\n    return math\n"
    result = fix_text(source, "t.py", [_NeedsSqrt()])
    assert result.text == source and result.fixed == 0
    assert result.dropped == ["t.py: fix for XX901 dropped: `math` is bound to something else in this file"]
    assert fix_text("x = 1\n", "t.py", [_NeedsSqrt()]).text == "import math\nx = math.sqrt(2)\n"


def test_rl301_offers_no_fix_where_flatten_is_something_else():
    source = textwrap.dedent("""\
        from keras.models import Sequential
        from keras.layers import Conv1D, Dense
        Flatten = None
        model = Sequential([Conv1D(8, 3, input_shape=(10, 1)), Dense(1)])
        model.compile(loss="mse", optimizer="adam")
        """)
    [f] = [f for f in lint_text(source, "t.py", RULES) if f.code == "RL301"]
    assert f.fix is None
    [f] = [f for f in lint_text(source.replace("Flatten = None\n", ""), "t.py", RULES) if f.code == "RL301"]
    assert f.fix is not None


# -- deep files -----------------------------------------------------------------------------------------

def _deep(depth: int) -> str:
    return "import keras\nLOSS = " + " + ".join(["1"] * depth) + "\n" + HEAD.split("\n", 1)[1] + BUG


@pytest.mark.parametrize("depth", [
    1000,  # the fixer used to drop fixes from 500 on (RecursionError in libcst's transformer)
    pytest.param(2900, marks=pytest.mark.slow),  # about as deep as linting accepts (3000 is RL000)
])
@pytest.mark.slow
def test_a_file_nested_as_deeply_as_linting_accepts_is_fixed(depth):
    source = _deep(depth)
    assert [f.code for f in lint_text(source, "t.py", RULES)] == ["RL101"]
    result = fix_text(source, "t.py", RULES)
    assert not result.dropped
    assert result.fixed == 1 and result.text == source.replace(BUG, GOOD)
    findings, _ = lint_source(result.text, "t.py", RULES)
    assert findings == []


def test_text_map_aligns_lines_libcst_dropped_or_changed():
    from regr_lint.input.textmap import TextMap

    lines = ["\n" if i % 2 else "    pass\n" for i in range(20000)]  # many equal lines
    text = list(lines)
    text[10] = "\x0c" + text[10]
    text.insert(5001, "\\\n")
    where = TextMap("".join(lines), "".join(text))
    assert where.blocks == [(0, 0, 10), (11, 11, 4990), (5001, 5002, 14999)]
    assert where.span((12, 4), (12, 8)) == ((12, 4), (12, 8))
    assert where.span((11, 0), (12, 0)) is None  # the changed line
    assert where.span((6000, 0), (6001, 0)) == ((6001, 0), (6002, 0))
    assert where.span((20001, 0), (20001, 0)) == ((20002, 0), (20002, 0))  # the end


class _BadNode(Rule):
    code = "XX902"
    name = "bad-node"
    tokens = ()

    def check(self, facts):
        for node in facts.module.body:
            broken = cst.Name.__new__(cst.Name)  # a node with no fields: writing its code raises
            yield self.report(node, "bad", Fix(True, "a replacement libcst cannot write", (Edit(node, broken),)))
            return


def test_a_fix_whose_code_cannot_be_written_is_dropped_and_the_finding_kept():
    [f] = lint_text("x = 1\n", "t.py", [_BadNode()])
    assert f.code == "XX902" and f.fix is None
    result = fix_text("x = 1\n", "t.py", [_BadNode()])
    assert result.text == "x = 1\n" and result.fixed == 0
    assert [f.code for f in result.findings] == ["XX902"]
    [dropped] = result.dropped
    assert dropped.startswith("t.py: fix for XX902 dropped: cannot apply: AttributeError: ")
