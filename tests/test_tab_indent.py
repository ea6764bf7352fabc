"""A file Python compiles is never a syntax error: tab-indented blocks in a space-indented module
(libcst refuses them) are analysed with their indentation expanded, positions mapped back, no fix."""
from __future__ import annotations

import pytest

from cli_helpers import RL101_BUG, SYNTAX_ERROR, run, with_pythonpath, write
from regr_lint.engine.lint import NotAnalysed, lint_source, lint_text
from regr_lint.engine.registry import load_rules
from regr_lint.fixes.apply import fix_text
from regr_lint.input.normalise import expand_indentation

RULES = load_rules()

# `for` at column 0, a tab-indented body, and a line indented with spaces then tabs (CPython:
# consistent, columns 16 -> 24; libcst: "no matching outer block for dedent"). An RL101 bug inside
# the tab block, one after it on a tab-indented continuation line; a string whose lines hold tabs.
MIXED = (
    'from keras.models import Sequential\n'
    'from keras.layers import Dense\n'
    'model = Sequential([Dense(1)])\n'
    'for i in range(3):\n'
    '\tif i:\n'
    '\t\tif i > 1:\n'
    '   \t\t\tmodel.compile(loss="mse", metrics=["accuracy"])\n'
    '\t\tnote = """\n'
    '\t\t"""\n'
    'model.compile(loss="mse",\n'
    '\tmetrics=["accuracy"])\n'
)


def _at(text: str, line: int, needle: str) -> tuple[int, int]:
    return line, text.splitlines()[line - 1].index(needle) + 1


def test_cpython_compiles_it_and_libcst_does_not():
    compile(MIXED, "<mixed>", "exec")
    import libcst

    with pytest.raises(libcst.ParserSyntaxError):
        libcst.parse_module(MIXED)


def test_findings_inside_and_after_the_tab_block_at_their_real_columns():
    found = lint_text(MIXED, "m.py", RULES)
    assert [(f.code, f.line, f.col) for f in found] == [
        ("RL101", *_at(MIXED, 7, '"accuracy"')), ("RL101", *_at(MIXED, 11, '"accuracy"'))]
    assert all(f.fix is None for f in found)
    assert found[0].end_col == found[0].col + len('"accuracy"')


def test_no_fix_is_offered_and_the_file_is_left_unchanged():
    result = fix_text(MIXED, "m.py", RULES, unsafe=True)
    assert result.text == MIXED and result.fixed == 0
    assert [f.code for f in result.findings] == ["RL101", "RL101"]
    assert lint_source(MIXED, "m.py", RULES)[1] is None  # no module: nothing to fix against


def test_noqa_on_a_tab_indented_line_still_silences():
    text = MIXED.replace('["accuracy"])\n\t\tnote', '["accuracy"])  # noqa: RL101\n\t\tnote')
    assert [f.line for f in lint_text(text, "m.py", RULES)] == [11]


def test_only_the_indentation_of_logical_lines_is_expanded():
    new, columns = expand_indentation(MIXED)
    lines, old = new.splitlines(), MIXED.splitlines()
    assert len(lines) == len(old)
    assert lines[6].startswith(" " * 24 + "model")
    assert lines[8] == old[8] == '\t\t"""'  # inside a string
    assert lines[10] == old[10]  # a continuation line
    assert columns.column(7, 24) == 6 and columns.column(11, 1) == 1
    assert expand_indentation("x = 1\nif x:\n    y = 2\n") is None  # nothing to expand


def test_a_form_feed_in_an_indentation_is_measured_as_cpython_does():
    """CPython resets its column count at a form feed; libcst's tokenizer then sees a dedent to no
    outer block. Found by the fuzz tests (a form feed before a method of a class)."""
    text = ("import keras\nclass Trainer:\n\x0c    def __init__(self, model):\n        self.model = model\n"
            "    def run(self, gen):\n        return self.model.fit_generator(gen, steps_per_epoch=20)\n")
    compile(text, "<ff>", "exec")
    [finding] = lint_text(text, "ff.py", RULES)
    assert (finding.code, finding.line, finding.fix) == ("RL501", 6, None)
    assert fix_text(text, "ff.py", RULES).text == text


def test_a_backslash_line_before_an_indented_block_is_read_as_blank():
    """`class T:` then a line that is only `\\`: CPython joins it to the next line; libcst's
    tokenizer then finds no block to dedent to. Found by the fuzz tests. A backslash line inside a
    string is the string's own text and is left alone."""
    text = ("import keras\nclass Trainer:\n\\\n    def __init__(self, model):\n        self.model = model\n"
            "    def run(self, gen):\n        return self.model.fit_generator(gen, steps_per_epoch=20)\n")
    compile(text, "<bs>", "exec")
    [finding] = lint_text(text, "bs.py", RULES)
    assert (finding.code, finding.line, finding.fix) == ("RL501", 7, None)
    assert expand_indentation('x = """a\n\\\nb"""\n') is None


def test_a_genuine_syntax_error_stays_rl000():
    assert [f.code for f in lint_text(SYNTAX_ERROR, "s.py", RULES)] == ["RL000"]
    # inconsistent tabs (TabError for CPython) stay RL000 too
    bad = "import keras\nif True:\n        x = 1\n\ty = 2\n"
    with pytest.raises(SyntaxError):
        compile(bad, "<bad>", "exec")
    assert [f.code for f in lint_text(bad, "t.py", RULES)] == ["RL000"]


def test_when_even_the_expanded_text_cannot_be_read_it_is_not_analysed(monkeypatch):
    import regr_lint.engine.lint as engine

    monkeypatch.setattr(engine, "expand_indentation", lambda text: None)
    with pytest.raises(NotAnalysed, match="m.py: not analysed: libcst cannot read this file"):
        lint_text(MIXED, "m.py", RULES)


# Makes the linter unable to read the expanded text, in every process of the run (workers too).
_UNREADABLE = "import regr_lint.engine.lint as e\ne.expand_indentation = lambda text: None\n"


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_not_analysed_is_said_on_stderr_through_the_cli_and_never_cached(tmp_path, jobs):
    write(tmp_path, "hook/sitecustomize.py", _UNREADABLE)
    write(tmp_path, "proj/mixed.py", MIXED)
    for i in range(9):  # enough files for a worker pool
        write(tmp_path, f"proj/bug{i}.py", RL101_BUG + f"# {i}\n")
    env = with_pythonpath(tmp_path / "hook")
    for _ in range(2):  # cold, then warm cache
        res = run("check", "--jobs", jobs, ".", cwd=tmp_path / "proj", env=env)
        assert "mixed.py: not analysed: libcst cannot read this file (" in res.stderr
        assert "mixed.py:" not in res.stdout and "RL000" not in res.stdout
        assert res.stdout.count("RL101") == 9
    # and without the hook, the same cache gives the file's real findings
    res = run("check", "--jobs", jobs, "mixed.py", cwd=tmp_path / "proj")
    assert res.stdout.count("mixed.py:") == 2 and "RL000" not in res.stdout


def test_the_cli_reports_the_real_findings_and_fix_changes_nothing(tmp_path):
    path = write(tmp_path, "mixed.py", MIXED)
    res = run("check", "--no-cache", "mixed.py", cwd=tmp_path)
    assert "RL000" not in res.stdout and "[*]" not in res.stdout
    assert res.stdout.count("RL101") == 2
    res = run("check", "--fix", "mixed.py", cwd=tmp_path)
    assert path.read_text() == MIXED and res.stdout.count("RL101") == 2
