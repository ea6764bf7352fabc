"""IPython syntax in notebook cells is masked exactly where IPython itself transforms it: at the start of
a logical line (`%`, `%%`, `!`, `?`, `??`, `,`, `;`, `/`), `x = !cmd` / `x = %magic`, `obj?`, and a
one-line cell's automagic (`pip install x`) where it is not Python as it stands. IPython, when it is
installed, is the oracle: its own input transformer (`IPython.core.inputtransformer2`) and the prefilter
that runs automagics (IPython is a test dependency only; linting never imports it)."""
from __future__ import annotations

import ast

import pytest

from regr_lint.input.notebook import (EXTENSION_MAGICS, LINE_MAGICS, PYTHON_CELL_MAGICS, _ipython_lines, _masked,
                                      cell_lines, load)

# (cell, the 0-based lines IPython transforms)
CASES = [
    ("%matplotlib inline\n!pip install keras\nimport keras", {0, 1}),
    # printf-style formatting split over lines: the `%` line is inside brackets, it is Python
    ('print(\n    "Using %d samples"\n    % (len(a),)\n)', set()),
    ('x = ("%d" \\\n     % 3)\ny = 2 \\\n    % 3', set()),
    ('s = """\n%d\n!x\n?y\n"""\n%time 1', {5}),
    ("# %matplotlib inline\nx = 1  # !ls", set()),
    ("x = !ls\ny = %time 1\nz = ! ls", {0, 1, 2}),
    ("x == !ls\nx = != 3\nf(a=!x)", set()),
    ("x?\n?y\nz??\nnp.zeros?\n%time?", {0, 1, 2, 3, 4}),
    ("print(x)?\nx = 1  # ?", set()),
    ("r = (1,\n     2) + y?\nz = 1", {0, 1}),
    ("!ls \\\n  -la\nx = 1", {0, 1}),
    ("if a:\n    %time x\n    y = !ls", {1, 2}),
    ("/f 1\n, f a\n; f a b", {0, 1, 2}),
    ("x //2\n/ 2", set()),
    # automagic: one-line cells only, and only where the line is not Python as it stands
    ("pip install transformers", {0}),
    ("\n\ncd ..\n", {2}),
    ("  conda install -y x", {0}),
    ("pip install a\npip install b", set()),
    ("pip install a\n\n", set()),
    ("ls = 3", set()),
    ("ls ,x y", set()),
    ("cd(x)", set()),
    ("pip.install x", set()),
    ("%%bash\necho %d\nls", {0, 1, 2}),
    ("%%time\nx = !ls\nprint(\n '%d'\n % 1)", {0, 1}),
]


@pytest.mark.parametrize("cell,expected", CASES, ids=[c[:30] for c, _ in CASES])
def test_masks_where_ipython_transforms(cell, expected):
    assert set(_ipython_lines(cell.split("\n"))) == expected


def test_masked_cells_keep_lines_and_parse():
    for cell, _ in CASES:
        lines = cell.split("\n")
        masked = _masked(lines)
        assert len(masked) == len(lines)
        if cell not in ("print(x)?\nx = 1  # ?", "pip install a\npip install b", "pip install a\n\n",
                        "ls ,x y", "pip.install x", "x //2\n/ 2", "x == !ls\nx = != 3\nf(a=!x)"):
            ast.parse("\n".join(masked))  # what IPython runs, regr-lint reads


# -------------------------------------------------------------------------------- IPython as the oracle

def _oracle(cell: str, runs: list | None = None) -> set[int]:
    """The 0-based lines of `cell` that IPython turns into calls: TransformerManager.transform_cell
    step by step (recording where each token transform lands), then the prefilter's automagic on a
    cell that is one line after the static transforms (InteractiveShell.transform_cell)."""
    from IPython.core.inputtransformer2 import (TokenTransformBase, TransformerManager, leading_empty_lines,
                                                leading_indent, make_tokens_by_line)
    from IPython.core.interactiveshell import InteractiveShell
    tm = TransformerManager()
    if not cell.endswith("\n"):
        cell += "\n"
    lines = cell.splitlines(keepends=True)
    kept = leading_empty_lines(lines)
    offset = len(lines) - len(kept)
    lines = kept
    dedent = leading_indent
    cleaned = lines
    for transform in tm.cleanup_transforms[1:]:
        cleaned = transform(cleaned)
    if cleaned and cleaned[0][:1] in (" ", "\t"):
        dedent = _leading_indent_ipython8  # a cell IPython 9 cannot run; IPython 8 ran it
    for transform in [dedent if t is leading_indent else t for t in tm.cleanup_transforms[1:]] + tm.line_transforms:
        new = transform(lines)
        if len(new) != len(lines):  # a cell magic: the whole cell, but a Python one runs its body as a cell
            if lines[0][2:].split()[0] in PYTHON_CELL_MAGICS:
                return {offset} | {offset + 1 + i for i in _oracle("".join(lines[1:]), runs)}
            if runs is not None:
                runs.append(True)
            return {offset + i for i in range(len(lines))}
        lines = new
    origin = [[offset + i] for i in range(len(lines))]
    done: set[int] = set()
    while True:
        found = [t for t in (cls.find(make_tokens_by_line(lines)) for cls in tm.token_transformers) if t]
        for t in sorted(found, key=TokenTransformBase.sortby):
            try:
                new = t.transform(lines)
            except SyntaxError:
                continue
            break
        else:
            break
        start, n = t.start_line, len(lines) - len(new) + 1
        merged = sum(origin[start:start + n], [])
        done.update(merged)
        origin = origin[:start] + [merged] + origin[start + n:]
        lines = new
    text = "".join(lines)
    if len(text.splitlines()) == 1 and not done:
        shell = InteractiveShell.instance()
        if shell.prefilter_manager.prefilter_lines(text) != text.rstrip("\n"):
            done.update(origin[0])
            text = shell.prefilter_manager.prefilter_lines(text)
    if runs is not None:
        runs.append(_python(text))
    return done


def _python(cell: str) -> bool:
    try:
        ast.parse(cell.strip() if "\n" not in cell.strip() else cell)
    except SyntaxError:
        return False
    return True


def _agrees(cell: str) -> None:
    runs: list = []
    ours, theirs = set(_ipython_lines(cell_lines(cell))), _oracle(cell, runs)
    if not runs[0]:
        # IPython cannot run the cell either (and may stop transforming at the first piece it
        # cannot read, `[1,\n 2]?`): what matters is that regr-lint does not read it as Python
        assert not _python("\n".join(_masked(cell_lines(cell)))), cell
        return
    if ours != theirs and not ours and len(theirs) == 1 and _python(cell):
        return  # an automagic that is Python as it stands (`ls -la`, `cd(x)`): left as Python
    assert ours == theirs, cell


@pytest.mark.parametrize("cell,expected", CASES, ids=[c[:30] for c, _ in CASES])
def test_cases_agree_with_ipython(cell, expected):
    pytest.importorskip("IPython")
    _agrees(cell)


def test_line_magics_table_is_ipythons():
    pytest.importorskip("IPython")
    from IPython.core.interactiveshell import InteractiveShell
    live = set(InteractiveShell.instance().magics_manager.lsmagic()["line"])
    # ipykernel's own line magics (its shell adds them in Jupyter)
    kernel = {"clear", "less", "more", "man", "connect_info", "qtconsole", "autosave"}
    assert live - LINE_MAGICS == set(), "IPython has line magics the table lacks"
    assert LINE_MAGICS - live <= kernel


def test_extension_automagic_is_masked_as_ipython_runs_it_once_loaded():
    # `%load_ext autoreload`, then a one-line cell `autoreload 2`: IPython's prefilter runs the magic
    pytest.importorskip("IPython")
    from IPython.core.interactiveshell import InteractiveShell
    shell = InteractiveShell.instance()
    shell.run_line_magic("load_ext", "autoreload")
    for cell in ("autoreload 2", "aimport numpy"):
        assert shell.prefilter_manager.prefilter_lines(cell) != cell, cell
        assert set(_ipython_lines(cell_lines(cell))) == {0}, cell
        ast.parse("\n".join(_masked(cell_lines(cell))))
    assert set(_ipython_lines(cell_lines("autoreload = 2"))) == set()  # Python as it stands


def test_extension_magics_table_names_what_each_extension_registers():
    # each extension installed here, loaded into IPython: its line magics are the table's
    pytest.importorskip("IPython")
    import importlib.util

    from IPython.core.interactiveshell import InteractiveShell
    shell = InteractiveShell.instance()
    checked = 0
    for extension, magics in EXTENSION_MAGICS.items():
        name = "IPython.extensions." + extension if extension == "autoreload" else extension
        if importlib.util.find_spec(name.split(".")[0]) is None:
            continue
        if shell.extension_manager.load_extension(extension) not in (None, "already loaded"):
            continue  # installed without IPython support
        assert set(magics) <= set(shell.magics_manager.lsmagic()["line"]), extension
        checked += 1
    assert checked >= 1


PYTHON = ["x = 1", "print(x)", "if x:\n    y = 2", "def f(a):\n    return a % 2", "# %d ?", "ls = 3",
          "d = {'a': 1,\n     'b': 2}", 'print(\n    "a %d b %d"\n    % (a, b)\n)', "y = (1 +\n     2)",
          "z = 1 + \\\n    2", "w = 'x %d' \\\n    % 3", 's = """\n%d\n!ls\n"""', "n = a % b", "x = y  # ?"]
IPYTHON = ["%matplotlib inline", "!pip install -q keras", "!ls \\\n  -la", "files = !ls", "t = %time 1",
           "x?", "?x", "x??", "np.zeros?", "%time?", "!!ls", "if x:\n    %time y = 1", "/print 1", ", f a b",
           "f(1,\n  !x)", "v = [\n  %d\n]", "u = 'a' \\\n    !b", "for i in x:\n    !echo $i",
           "q = '''%d\n%d'''", "a, b = !ls", "c = %env HOME", "r = [1,\n     2]?", "r = (1,\n     2) + y?",
           "e = f'{x}'?"]
AUTOMAGIC = ["pip install transformers", "conda install -y x", "cd ..", "ls -la", "cd(x)", "ls = 3",
             "pwd", "pip", "mkdir -p out", "ls ,x", "time.sleep(1)", "run train.py --epochs 3"]


@pytest.mark.slow
def test_generated_cells_agree_with_ipython():
    pytest.importorskip("IPython")
    hypothesis = pytest.importorskip("hypothesis")
    st = hypothesis.strategies

    @hypothesis.settings(max_examples=300, deadline=None, derandomize=True)
    @hypothesis.given(st.lists(st.sampled_from(PYTHON + IPYTHON), min_size=1, max_size=6),
                      st.sampled_from(["", "\n", "\n\n"]), st.sampled_from(["", "\n"]))
    def check(parts, lead, tail):
        _agrees(lead + "\n".join(parts) + tail)

    @hypothesis.settings(max_examples=100, deadline=None, derandomize=True)
    @hypothesis.given(st.sampled_from(AUTOMAGIC + IPYTHON + PYTHON), st.sampled_from(["", "\n", "\n\n"]),
                      st.sampled_from(["", "  "]))
    def check_one(line, tail, indent):
        _agrees(indent + line + tail)

    check()
    check_one()


def test_masked_notebook_keeps_line_numbers():
    import json
    cells = ["pip install transformers", 'print(\n    "n %d"\n    % (a,)\n)', "x = !ls\nif x:\n    y?"]
    doc = {"cells": [{"cell_type": "code", "metadata": {}, "outputs": [], "source": c} for c in cells],
           "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
    src = load(json.dumps(doc))
    assert src.text.count("\n") == 1 + 4 + 3
    ast.parse(src.text)
    assert "    % (a,)" in src.text.split("\n")


# ------------------------------------------------------- IPython's cleanup: common indentation, prompts

CLEANUP = [
    "    import keras\n    x = 1\n\n    if x:\n        y = 2",
    "\n\n  a = 1\n  b = 2\n",
    "\tx = 1\n\ty = 2",
    "  x = 1\ny = 2",
    # the first line indented more than the rest: IPython 8's rule (IPython 9 cannot run these)
    "    model.add(layer)\n    \nmodel.compile(loss='mse')",
    " %%time\n\nmodel.fit(x, y)",
    "    a = 1\n  b = 2",
    ">>> import keras\n>>> x = [1,\n...      2]",
    "   >>> x = 1\n   ... y = 2",
    "In [1]: x = 1\n   ...: y = 2",
    "x = 1\nIn [2]: y = 3",
    ">>> def f():\n...     '''doc\n...     >>> 1\n...     '''\n...     return 1",
    '"""\n>>> x\n"""\n>>> y = 1',
    "x = a ... b\n>>> z = 1",
    "x = ...\ny = 2",
    "print('>>> not a prompt')",
    "    %time x = 1\n    !ls",
    ">>> %matplotlib inline\n>>> model.fit(x, y)",
]


def _leading_indent_ipython8(lines):
    """IPython 8's `leading_indent` (7 and 8, Colab's): the first line's indentation removed from
    every line that starts with it. IPython 9 replaced it by textwrap.dedent."""
    indent = lines[0][: len(lines[0]) - len(lines[0].lstrip(" \t"))] if lines else ""
    return [line[len(indent):] if indent and line.startswith(indent) else line for line in lines]


def _ipython_cleanup(cell: str) -> list[str]:
    """IPython's cleanup of a cell; where the installed IPython (9) leaves the first line indented
    — a cell it cannot run — IPython 8's, which ran it (the notebooks saved with such cells did)."""
    from IPython.core.inputtransformer2 import TransformerManager, leading_indent
    source = (cell if cell.endswith("\n") else cell + "\n").splitlines(keepends=True)
    transforms = TransformerManager().cleanup_transforms
    lines = source
    for transform in transforms:
        lines = transform(lines)
    if lines and lines[0][:1] in (" ", "\t"):
        lines = source
        for transform in transforms:
            lines = (_leading_indent_ipython8 if transform is leading_indent else transform)(lines)
    return [line.rstrip("\n") for line in lines]


def _cleanup_agrees(cell: str) -> None:
    from regr_lint.input.notebook import cleaned
    lines = cell.split("\n")
    ours = cleaned(lines)
    first = next((i for i, line in enumerate(lines) if line.strip()), len(lines))
    ours = ours[first:]
    if ours and not ours[-1].strip() and cell.endswith("\n"):
        ours = ours[:-1]  # the newline that ends the cell, not a line of it
    theirs = _ipython_cleanup(cell)
    # IPython also empties whitespace-only lines; regr-lint keeps them (the parse is the same)
    assert [line if line.strip() else "" for line in ours] == theirs, cell


@pytest.mark.parametrize("cell", CLEANUP, ids=[c[:30] for c in CLEANUP])
def test_cleanup_agrees_with_ipython(cell):
    pytest.importorskip("IPython")
    _cleanup_agrees(cell)


def test_generated_cleanup_agrees_with_ipython():
    pytest.importorskip("IPython")
    hypothesis = pytest.importorskip("hypothesis")
    st = hypothesis.strategies
    body = ["x = 1", "if x:", "    y = 2", "", "'''doc", ">>> z", "'''", "f(a,", "  b)", "print('>>>')", "..."]
    prefix = ["", "  ", "\t", ">>> ", "... ", "In [7]: ", "   ...: ", "    >>> "]

    @hypothesis.settings(max_examples=300, deadline=None, derandomize=True)
    @hypothesis.given(st.lists(st.tuples(st.sampled_from(prefix), st.sampled_from(body)), min_size=1, max_size=6),
                      st.sampled_from(["", "  ", "    "]))
    def check(parts, indent):
        cell = "\n".join(indent + p + b if (p + b).strip() else "" for p, b in parts)
        hypothesis.assume(cell.strip())
        _cleanup_agrees(cell)

    check()


def _lint_cells(cells):
    import json
    from regr_lint.engine.lint import lint_notebook
    from regr_lint.engine.registry import load_rules
    doc = {"cells": [{"cell_type": "code", "metadata": {}, "outputs": [], "source": c} for c in cells],
           "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
    return lint_notebook(json.dumps(doc), "nb.ipynb", load_rules())


def test_indented_and_prompted_cells_are_read_as_ipython_reads_them():
    findings = _lint_cells([
        "    import keras\n    model = keras.Sequential([keras.layers.Dense(1)])",
        ">>> opt = keras.optimizers.Adam(lr=0.01)\n>>> model.compile(optimizer=opt, loss='mse')",
        "In [3]: model.fit(x, y, epochs=2)",
    ])
    assert [(f.code, f.cell, f.cell_line) for f in findings] == [("RL502", 2, 1)]
    f = findings[0]
    # the column is the cell's own (after the `>>> ` IPython strips), and no fix is offered there:
    # writing it back would need the prompt restored
    assert ">>> opt = keras.optimizers.Adam(lr=0.01)"[f.col - 1:].startswith("lr")
    assert f.fix is None


def test_unindented_look_alike_keeps_its_fix():
    findings = _lint_cells(["import keras\nmodel = keras.Sequential([keras.layers.Dense(1)])",
                            "opt = keras.optimizers.Adam(lr=0.01)\nmodel.compile(optimizer=opt, loss='mse')\n    "])
    assert [(f.code, f.cell, f.cell_line, f.col) for f in findings] == [("RL502", 2, 1, 29)]
    assert findings[0].fix is not None


def test_a_fix_in_a_dedented_cell_leaves_the_notebook_unchanged():
    import json
    from regr_lint.fixes.apply import fix_text
    from regr_lint.input.notebook import NotebookError, fix_notebook
    from regr_lint.engine.registry import load_rules
    cells = ["import keras", "    opt = keras.optimizers.Adam(lr=0.01)\n    print(opt)"]
    text = json.dumps({"cells": [{"cell_type": "code", "metadata": {}, "outputs": [], "source": c} for c in cells],
                       "metadata": {}, "nbformat": 4, "nbformat_minor": 5})

    def fix_source(source):
        result = fix_text(source, "nb.ipynb", load_rules())
        return result.text, result.fixed

    with pytest.raises(NotebookError, match="dedents"):
        fix_notebook(text, fix_source)
    cells[1] = "opt = keras.optimizers.Adam(lr=0.01)\nprint(opt)"
    text = text.replace("    opt", "opt").replace("\\n    print", "\\nprint")
    new, fixed = fix_notebook(text, fix_source)
    assert fixed == 1 and "learning_rate=0.01" in new
