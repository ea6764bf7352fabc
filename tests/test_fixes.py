"""The fix engine: `--fix`, `--unsafe-fixes`, `--diff`, the JSON edits, and the guarantees (the result
parses, encodings / BOM / line endings / mode are kept, a second `--fix` changes nothing)."""
from __future__ import annotations

import ast
import json
import os
import re
import stat
import textwrap
from pathlib import Path

import libcst as cst
import pytest

from cli_helpers import CLEAN, RL101_BUG, codes, run, write
from regr_lint.engine.finding import Finding
from regr_lint.engine.lint import lint_source, lint_text
from regr_lint.engine.registry import load_rules
from regr_lint.fixes.apply import applicable, fix_text, render
from regr_lint.rewrite import remove_children
from regr_lint.rule import Edit, Fix, Rule

RULES = load_rules()
CODEMOD = Path(__file__).parent / "fixtures" / "codemod"
# ../shared/eval/score.py --text reads text output with this expression.
SCORE_LINE = re.compile(r"^(?P<path>.+?):(?:cell (?P<cell>\d+):)?(?P<line>\d+):(?:(?P<col>\d+):)?\s*"
                        r"(?P<code>[A-Za-z]+\d+)\b(?P<msg>.*)$")

TWO_FIXES = textwrap.dedent("""\
    import keras
    SHARED = ["mae", "accuracy"]
    model = keras.Sequential([keras.layers.Dense(1)])
    model.compile(loss="mse", metrics=SHARED)
    model.compile(loss="mse", optimizer="adam", metrics=["mae", "accuracy"])
    """)


def _fixed(source: str, unsafe: bool = False, rules=RULES) -> str:
    return fix_text(textwrap.dedent(source), "t.py", rules, unsafe=unsafe).text


# -- RL101's fix, kind by kind ------------------------------------------------------------------------

HEAD = 'import keras\nmodel = keras.Sequential([keras.layers.Dense(1)])\n'


@pytest.mark.parametrize("before,after", [
    ('model.compile(loss="mse", metrics=["mae", "accuracy"])', 'model.compile(loss="mse", metrics=["mae"])'),
    ('model.compile(loss="mse", metrics=["accuracy", "mae"])', 'model.compile(loss="mse", metrics=["mae"])'),
    ('model.compile(loss="mse", metrics=["mae", "acc", "mse"])', 'model.compile(loss="mse", metrics=["mae", "mse"])'),
    ('model.compile(loss="mse", metrics=["mae", "acc",])', 'model.compile(loss="mse", metrics=["mae",])'),
    ('model.compile(loss="mse", metrics=("mae", "acc"))', 'model.compile(loss="mse", metrics=("mae",))'),
    ('model.compile(loss="mse", weighted_metrics=["acc", "mae"])', 'model.compile(loss="mse", weighted_metrics=["mae"])'),
    # the list empties: the argument goes
    ('model.compile(loss="mse", metrics=["accuracy"], optimizer="adam")', 'model.compile(loss="mse", optimizer="adam")'),
    ('model.compile(optimizer="adam", loss="mse", metrics=["accuracy"])', 'model.compile(optimizer="adam", loss="mse")'),
    ('model.compile("adam", "mse", ["accuracy"])', 'model.compile("adam", "mse")'),
    ('model.compile(loss="mse", metrics="accuracy")', 'model.compile(loss="mse")'),
    # two accuracy metrics: one per pass, then the argument
    ('model.compile(loss="mse", metrics=["acc", "accuracy"])', 'model.compile(loss="mse")'),
])
def test_rl101_fix_kinds(before, after):
    assert _fixed(HEAD + before + "\n") == HEAD + after + "\n"


def test_rl101_multiline_list_keeps_layout_and_comments():
    src = HEAD + textwrap.dedent("""\
        model.compile(
            loss="mse",
            metrics=[
                "mae",  # mean absolute error
                "accuracy",  # meaningless here
            ],
        )
        """)
    assert _fixed(src) == HEAD + textwrap.dedent("""\
        model.compile(
            loss="mse",
            metrics=[
                "mae",  # mean absolute error
            ],
        )
        """)


def test_rl101_safety():
    """Written in compile(): safe. A named list (maybe shared) or a loss from elsewhere: unsafe."""
    findings = lint_text(TWO_FIXES, "t.py", RULES)
    by_line = {f.line: f.fix for f in findings if f.code == "RL101"}
    assert by_line[2].safe is False and by_line[5].safe is True
    # safe only: the shared list stays
    assert _fixed(TWO_FIXES) == TWO_FIXES.replace('metrics=["mae", "accuracy"]', 'metrics=["mae"]')
    # unsafe too: the shared list is edited, emptied lists are never deleted
    assert 'SHARED = ["mae"]' in _fixed(TWO_FIXES, unsafe=True)
    builder = HEAD + 'def build(loss):\n    model.compile(loss=loss, metrics=["accuracy"])\nbuild("mse")\n'
    [f] = lint_text(builder, "t.py", RULES)
    assert not f.fix.safe  # another call site may pass a classification loss
    assert _fixed(builder) == builder


def test_rl101_fix_is_unsafe_when_the_file_reads_the_accuracy_back():
    """`h.history["accuracy"]` (or a callback monitoring `val_acc`) after the compile: removing the
    metric would leave that read without its key (a KeyError), so the fix is not safe."""
    src = HEAD + textwrap.dedent("""\
        model.compile(loss="mse", metrics=["accuracy"])
        h = model.fit(x, y)
        print(h.history["loss"][0], h.history["accuracy"][0])
        """)
    [f] = [f for f in lint_text(src, "t.py", RULES) if f.code == "RL101"]
    assert f.fix is not None and not f.fix.safe
    assert _fixed(src) == src
    monitored = src.replace('print(h.history["loss"][0], h.history["accuracy"][0])',
                            'stop = keras.callbacks.EarlyStopping(monitor="val_acc")')
    [f] = [f for f in lint_text(monitored, "t.py", RULES) if f.code == "RL101"]
    assert not f.fix.safe
    # nothing reads it back: safe, as before
    plain = src.replace('print(h.history["loss"][0], h.history["accuracy"][0])', 'print(h.history["loss"][0])')
    [f] = [f for f in lint_text(plain, "t.py", RULES) if f.code == "RL101"]
    assert f.fix.safe


def test_rl102_offers_no_fix_for_an_activation_chosen_elsewhere():
    """`activation=act` (a sweep's loop variable, a builder's parameter): the argument serves the
    settings that are not bounded too, so RL102 reports without a fix; a written one is fixed."""
    sweep = textwrap.dedent("""\
        import numpy as np
        from tensorflow import keras
        x, y = np.load("x.npy"), np.load("prices.npy") * 1000.0
        for act in ["linear", "sigmoid"]:
            model = keras.Sequential([keras.layers.Dense(1, activation=act)])
            model.compile(optimizer="adam", loss="mse")
            model.fit(x, y)
        """)
    [finding] = lint_text(sweep, "t.py", RULES)
    assert finding.code == "RL102" and finding.fix is None
    assert _fixed(sweep, unsafe=True) == sweep
    written = sweep.replace("activation=act", 'activation="sigmoid"')
    [finding] = lint_text(written, "t.py", RULES)
    assert finding.fix is not None and 'activation=None' in _fixed(written, unsafe=True)


@pytest.mark.parametrize("source", sorted(CODEMOD.glob("*.in.py")), ids=lambda p: p.name[:-len(".in.py")])
def test_codemod_fixture(source: Path):
    """TorchFix-style: x.in.py fixed (unsafe fixes too when the name says `unsafe`) equals x.out.py."""
    expected = source.with_name(source.name.replace(".in.py", ".out.py")).read_text(encoding="utf-8")
    result = fix_text(source.read_text(encoding="utf-8"), source.name, RULES, unsafe="unsafe" in source.name)
    assert result.text == expected
    assert not result.dropped
    # and the fixed file needs no further fix
    assert fix_text(expected, source.name, RULES, unsafe="unsafe" in source.name).fixed == 0


# -- JSON edits -----------------------------------------------------------------------------------------

def _offset(text: str, line: int, col: int) -> int:
    lines = text.splitlines(keepends=True)
    return min(sum(len(x) for x in lines[:line - 1]) + col - 1, len(text))


def _apply_json(text: str, edits: list[dict]) -> str:
    for e in sorted(edits, key=lambda e: (e["line"], e["column"]), reverse=True):
        start, end = _offset(text, e["line"], e["column"]), _offset(text, e["end_line"], e["end_column"])
        text = text[:start] + e["content"] + text[end:]
    return text


def _invalid_examples():
    for rule in RULES:
        for i, source in enumerate(rule.INVALID):
            yield pytest.param(rule.code, textwrap.dedent(source), id=f"{rule.code}-{i}")


@pytest.mark.parametrize("code,source", list(_invalid_examples()))
def test_json_edits_describe_what_fix_does(code, source):
    """Applying a finding's JSON edits to the text gives what applying its fix gives."""
    findings, module = lint_source(source, "t.py", RULES)
    for f in findings:
        if f.fix is None:
            continue
        doc = f.as_dict()["fix"]
        assert doc["applicability"] in ("safe", "unsafe") and doc["message"]
        assert _apply_json(source, doc["edits"]) == render(module, [f.fix.fix]), (f.code, doc)


def test_json_fix_key(tmp_path):
    write(tmp_path, "bug.py", RL101_BUG)
    write(tmp_path, "clean.py", CLEAN)
    res = run("check", "--format", "json", ".", cwd=tmp_path)
    [f] = json.loads(res.stdout)["findings"]
    line = RL101_BUG.splitlines()[3]
    assert f["fix"] == {
        "applicability": "safe",
        "message": "Remove the metrics argument (its only metric was 'accuracy')",
        "edits": [{"line": 4, "column": 1, "end_line": 4, "end_column": len(line) + 1,
                   "content": 'model.compile(loss="mse", optimizer="adam")'}],
    }


def test_finding_equality_ignores_the_fix():
    [with_fix] = lint_text(RL101_BUG, "t.py", RULES)
    assert with_fix.fix is not None
    bare = Finding(with_fix.path, with_fix.line, with_fix.col, with_fix.code, with_fix.message)
    assert bare == with_fix and hash(bare) == hash(with_fix) and not bare < with_fix


# -- the command line -------------------------------------------------------------------------------

def test_text_marks_fixable_and_summary(tmp_path):
    write(tmp_path, "t.py", TWO_FIXES)
    res = run("check", "t.py", cwd=tmp_path)
    assert res.returncode == 1
    lines = res.stdout.splitlines()
    assert lines[0].startswith("t.py:2:") and "[*]" not in lines[0]  # unsafe: hidden
    assert re.match(r"t\.py:5:\d+: RL101 \[\*\] accuracy metric", lines[1])
    for line in lines:
        m = SCORE_LINE.match(line)
        assert m and m.group("code") == "RL101", line
    assert "Found 2 errors." in res.stderr
    assert "[*] 1 fixable with the --fix option." in res.stderr
    assert "1 hidden fix can be enabled with the --unsafe-fixes option" in res.stderr
    res = run("check", "--unsafe-fixes", "t.py", cwd=tmp_path)
    assert all("RL101 [*] " in line for line in res.stdout.splitlines())
    assert "[*] 2 fixable" in res.stderr
    assert (tmp_path / "t.py").read_text() == TWO_FIXES  # without --fix nothing is written


@pytest.mark.slow
def test_fix_writes_and_reports(tmp_path):
    path = write(tmp_path, "t.py", TWO_FIXES)
    res = run("check", "--fix", "t.py", cwd=tmp_path)
    assert res.returncode == 1, res.stderr  # the unsafe one remains
    assert "Found 2 errors (1 fixed, 1 remaining)." in res.stderr
    assert codes(res.stdout) == ["RL101"] and res.stdout.startswith("t.py:2:")
    assert path.read_text() == TWO_FIXES.replace('metrics=["mae", "accuracy"]', 'metrics=["mae"]')
    res = run("check", "--fix", "--unsafe-fixes", "t.py", cwd=tmp_path)
    assert res.returncode == 0, res.stdout + res.stderr
    assert "Found 1 error (1 fixed, 0 remaining)." in res.stderr
    assert res.stdout == ""
    # the result re-lints clean
    res = run("check", "t.py", cwd=tmp_path)
    assert res.returncode == 0 and "All checks passed!" in res.stderr


def test_fix_exit_zero_when_all_fixed(tmp_path):
    write(tmp_path, "bug.py", RL101_BUG)
    res = run("check", "--fix", ".", cwd=tmp_path)
    assert res.returncode == 0 and res.stdout == ""
    assert "Found 1 error (1 fixed, 0 remaining)." in res.stderr


@pytest.mark.slow
def test_diff_writes_nothing(tmp_path):
    path = write(tmp_path, "t.py", TWO_FIXES)
    before = path.read_bytes()
    res = run("check", "--diff", "t.py", cwd=tmp_path)
    assert res.returncode == 1
    assert path.read_bytes() == before
    assert res.stdout.startswith("--- t.py\n+++ t.py\n@@")
    assert '-model.compile(loss="mse", optimizer="adam", metrics=["mae", "accuracy"])' in res.stdout
    assert '+model.compile(loss="mse", optimizer="adam", metrics=["mae"])' in res.stdout
    assert "SHARED" not in "".join(x for x in res.stdout.splitlines() if x[:1] in "+-" and x[:3] not in ("+++", "---"))
    assert "Would fix 1 error (1 remaining)." in res.stderr
    res = run("check", "--diff", "--unsafe-fixes", "t.py", cwd=tmp_path)
    assert '+SHARED = ["mae"]' in res.stdout
    assert path.read_bytes() == before
    # --diff together with --fix: still writes nothing
    res = run("check", "--diff", "--fix", "t.py", cwd=tmp_path)
    assert res.returncode == 1 and path.read_bytes() == before
    # nothing to fix: no diff, exit 0 (even with findings that have no safe fix)
    write(tmp_path, "shared.py", TWO_FIXES.splitlines(keepends=True)[0] + "".join(TWO_FIXES.splitlines(keepends=True)[1:4]))
    res = run("check", "--diff", "shared.py", cwd=tmp_path)
    assert res.returncode == 0 and res.stdout == "", res.stdout + res.stderr


@pytest.mark.slow
def test_stdin_fix_prints_the_fixed_source(tmp_path):
    res = run("check", "--fix", "--stdin-filename", "t.py", cwd=tmp_path, stdin=TWO_FIXES)
    assert res.stdout == TWO_FIXES.replace('metrics=["mae", "accuracy"]', 'metrics=["mae"]')
    assert "t.py:2:" in res.stderr and "(1 fixed, 1 remaining)" in res.stderr
    assert res.returncode == 1
    res = run("check", "--fix", "--stdin-filename", "t.py", cwd=tmp_path, stdin=CLEAN)
    assert res.stdout == CLEAN and res.returncode == 0
    res = run("check", "--diff", "--stdin-filename", "t.py", cwd=tmp_path, stdin=RL101_BUG)
    assert res.returncode == 1 and res.stdout.startswith("--- t.py\n+++ t.py\n")


@pytest.mark.slow
def test_noqa_and_ignored_findings_are_not_fixed(tmp_path):
    src = RL101_BUG.rstrip("\n") + "  # noqa: RL101\n"
    path = write(tmp_path, "t.py", src)
    res = run("check", "--fix", "t.py", cwd=tmp_path)
    assert res.returncode == 0 and path.read_text() == src
    path = write(tmp_path, "u.py", RL101_BUG)
    res = run("check", "--fix", "--ignore", "RL101", "u.py", cwd=tmp_path)
    assert res.returncode == 0 and path.read_text() == RL101_BUG
    write(tmp_path, "pyproject.toml", '[tool.regr-lint.per-file-ignores]\n"u.py" = ["RL101"]\n')
    res = run("check", "--fix", "u.py", cwd=tmp_path)
    assert res.returncode == 0 and path.read_text() == RL101_BUG


def test_encoding_bom_crlf_and_mode_are_kept(tmp_path):
    """Byte for byte, everything outside the edit stays: BOM, latin-1 cookie, CRLF, a missing final
    newline, non-ASCII text, the file mode."""
    body = ('# caf\u00e9\r\nimport keras\r\nm = keras.Sequential([keras.layers.Dense(1)])\r\n'
            'm.compile(loss="mse",\r\n          metrics=["mae", "accuracy"])  # \u00e9\r\nx = "\u00e9"')
    bom = write(tmp_path, "bom.py", b"\xef\xbb\xbf" + body.encode("utf-8"))
    latin = write(tmp_path, "latin.py", ("# -*- coding: latin-1 -*-\r\n" + body).encode("latin-1"))
    mixed = write(tmp_path, "mixed.py", body.replace("\r\n", "\n", 1).encode("utf-8"))
    os.chmod(latin, 0o751)
    originals = {p: p.read_bytes() for p in (bom, latin, mixed)}
    res = run("check", "--fix", ".", cwd=tmp_path)
    assert res.returncode == 0, res.stdout + res.stderr
    old, new = b'["mae", "accuracy"]', b'["mae"]'
    for p, data in originals.items():
        assert data.count(old) == 1
        assert p.read_bytes() == data.replace(old, new), p.name
    assert stat.S_IMODE(os.stat(latin).st_mode) == 0o751
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_crlf_for_new_lines(tmp_path):
    """Code a fix adds (an import) uses the file's own line ending."""
    src = HEAD.replace("\n", "\r\n") + "x = 1\r\n"
    result = fix_text(src, "t.py", [_AddSqrt()])
    assert result.text == ("import math\r\n" + src).replace("x = 1", "x = math.sqrt(2)")


def test_unwritable_target_is_reported_not_half_written(tmp_path):
    path = write(tmp_path, "t.py", RL101_BUG)
    os.chmod(tmp_path, 0o555)
    try:
        if os.access(tmp_path, os.W_OK):
            pytest.skip("running as a user who can write anywhere")
        res = run("check", "--fix", "t.py", cwd=tmp_path)
    finally:
        os.chmod(tmp_path, 0o755)
    assert res.returncode == 2 and "t.py: not fixed:" in res.stderr
    assert path.read_text() == RL101_BUG


# -- engine-level guarantees, with rules made for the test --------------------------------------------

class _BreakCompile(Rule):
    """Offers a fix that cannot parse: `model.compile(...)` -> `model.def(...)`."""
    code = "XX900"
    name = "break-compile"
    tokens = ("compile",)

    def check(self, facts):
        for model in facts.models:
            for comp in model.compiles:
                attr = comp.node.func.attr
                yield self.report(comp.node, "breaks", Fix(True, "break it", (Edit(attr, cst.Name("def")),)))


class _AddSqrt(Rule):
    """Replaces `x = 1` with `x = math.sqrt(2)` and needs `import math`."""
    code = "XX901"
    name = "add-sqrt"
    tokens = ("x = 1",)

    def check(self, facts):
        for targets, value in facts.assignments:
            if isinstance(value, cst.Integer) and value.value == "1":
                new = cst.parse_expression("math.sqrt(2)")
                yield self.report(value, "sqrt", Fix(True, "use sqrt", (Edit(value, new),), ("math",)))


def test_a_fix_that_would_not_parse_is_dropped():
    result = fix_text(RL101_BUG, "t.py", [_BreakCompile()] + RULES)
    assert result.dropped == ["t.py: fix for XX900 dropped: result would not parse (ParserSyntaxError)"]
    # the good fix elsewhere still applied (after the broken one was set aside), the bad one did not
    assert "def" not in result.text and "accuracy" not in result.text
    ast.parse(result.text)
    assert [f.code for f in result.findings] == ["XX900"]
    # alone
    result = fix_text(RL101_BUG, "t.py", [_BreakCompile()])
    assert result.text == RL101_BUG and result.fixed == 0 and len(result.dropped) == 1


def test_imports_go_after_docstring_and_future_once():
    src = '"""Doc."""\nfrom __future__ import annotations\nimport keras\nx = 1\n'
    out = fix_text(src, "t.py", [_AddSqrt()]).text
    assert out == '"""Doc."""\nfrom __future__ import annotations\nimport math\nimport keras\nx = math.sqrt(2)\n'
    src = "import math\nimport keras\nx = 1\n"
    assert fix_text(src, "t.py", [_AddSqrt()]).text == "import math\nimport keras\nx = math.sqrt(2)\n"
    src = "# -*- coding: utf-8 -*-\nx = 1\n"
    assert fix_text(src, "t.py", [_AddSqrt()]).text == "# -*- coding: utf-8 -*-\nimport math\nx = math.sqrt(2)\n"


def test_remove_children_tidies_commas():
    def drop(code, index):
        node = cst.parse_expression(code)
        seq = node.args if isinstance(node, cst.Call) else node.elements
        return cst.Module([]).code_for_node(remove_children(node, [seq[index]]))

    assert drop('["a", "b"]', 1) == '["a"]'
    assert drop('["a", "b"]', 0) == '["b"]'
    assert drop('["a"]', 0) == "[]"
    assert drop('("a", "b")', 1) == '("a",)'
    assert drop("{1: 2, 3: 4}", 1) == "{1: 2}"
    assert drop("f(a, b=1)", 1) == "f(a)"
    assert drop("f(a, b=1)", 0) == "f(b=1)"
    assert drop("f(\n    a,  # keep\n    b,  # drop\n)", 1) == "f(\n    a,  # keep\n)"


def test_applicable():
    assert applicable(Fix(True, "m", (object(),)), False)
    assert not applicable(Fix(False, "m", (object(),)), False)
    assert applicable(Fix(False, "m", (object(),)), True)
    assert not applicable(Fix(True, "m"), True)  # nothing to do
    assert not applicable(None, True)


# -- idempotency, for every registered rule's INVALID examples -------------------------------------------

@pytest.mark.parametrize("code,source", list(_invalid_examples()))
def test_fix_is_idempotent_in_process(code, source):
    first = fix_text(source, "t.py", RULES, unsafe=True)
    assert not first.dropped, first.dropped
    ast.parse(first.text)
    cst.parse_module(first.text)
    second = fix_text(first.text, "t.py", RULES, unsafe=True)
    assert second.text == first.text and second.fixed == 0
    assert not [f for f in first.findings if f.fix is not None and f.fix.safe]


@pytest.mark.slow
def test_fix_twice_equals_fix_once_cli(tmp_path):
    """`--fix --unsafe-fixes` on every INVALID example of every registered rule, through the CLI: a
    second run changes nothing, every result parses, and no safe-fixable finding remains."""
    files = {}
    for param in _invalid_examples():
        code, source = param.values
        name = f"{param.id.replace('-', '_').lower()}.py"
        files[name] = write(tmp_path, name, source)
    assert files
    run("check", "--fix", "--unsafe-fixes", ".", cwd=tmp_path)
    once = {name: p.read_bytes() for name, p in files.items()}
    res = run("check", "--fix", "--unsafe-fixes", ".", cwd=tmp_path)
    assert {name: p.read_bytes() for name, p in files.items()} == once
    assert "fixed" not in res.stderr or "(0 fixed" in res.stderr, res.stderr
    for name, data in once.items():
        ast.parse(data, filename=name)
    res = run("check", "--format", "json", "--exit-zero", ".", cwd=tmp_path)
    left = [f for f in json.loads(res.stdout)["findings"]
            if f["fix"] is not None and f["fix"]["applicability"] == "safe"]
    assert left == []


def test_rl502_rename_of_a_class_held_in_a_parameter_is_unsafe():
    """`optimizer(lr=lr)` with `optimizer=Adam` a parameter's default: a caller may hand it a class of
    its own that takes `lr`, so the rename waits for --unsafe-fixes; a class written out is safe."""
    held = textwrap.dedent("""\
        import tensorflow
        class Trainer:
            def __init__(self, model):
                self.model = model
            def compile_model(self, optimizer=tensorflow.keras.optimizers.Adam, lr=0.001):
                self.model.compile(loss="mse", optimizer=optimizer(lr=lr))
        """)
    [f] = [f for f in lint_text(held, "t.py", RULES) if f.code == "RL502"]
    assert f.fix is not None and not f.fix.safe
    assert _fixed(held) == held
    assert "optimizer(learning_rate=lr)" in _fixed(held, unsafe=True)
    written = "import tensorflow\nopt = tensorflow.keras.optimizers.Adam(lr=0.01)\n"
    assert _fixed(written) == written.replace("lr=", "learning_rate=")
