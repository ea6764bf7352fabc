"""Jupyter notebooks: the code cells joined into one Python source, with IPython syntax masked (not
dropped, so every line keeps its number), and the map from a joined line back to (cell, line).

Joining follows the eval convention and ruff's: code cells in order, each cell's source lines
joined, cells separated by a single newline; cells are numbered among code cells, from 1. A cell
that does not parse by itself is read up to its error, the rest standing for code no rule has seen
(`without_unread`)."""
from __future__ import annotations

import ast
import io
import json
import keyword
import re
import tokenize
import warnings
from dataclasses import dataclass, field

# Cell magics whose body is still Python; any other `%%magic` cell (bash, html, writefile …) is not.
PYTHON_CELL_MAGICS = frozenset({"time", "timeit", "capture", "prun", "debug", "skip", "tensorboard"})

# IPython's line magics (IPython 9 on POSIX, aliases such as `ls` included, plus the ones ipykernel adds:
# clear, less, more, man, connect_info, qtconsole, autosave). A single-line cell naming one of them
# without `%` runs it (automagic); tests/test_ipython_syntax.py checks this table against IPython's own.
LINE_MAGICS = frozenset("""
    alias alias_magic autoawait autocall automagic autosave bookmark cat cd clear code_wrap colors conda
    config connect_info cp debug dhist dirs doctest_mode ed edit env gui hist history killbgscripts ldir
    less lf lk ll load load_ext loadpy logoff logon logstart logstate logstop ls lsmagic lx macro magic
    mamba man matplotlib micromamba mkdir more mv notebook page pastebin pdb pdef pdoc pfile pinfo pinfo2
    pip popd pprint precision prun psearch psource pushd pwd pycat pylab qtconsole quickref recall
    rehashx reload_ext rep rerun reset reset_selective rm rmdir run save sc set_env sx system tb time
    timeit unalias unload_ext uv who who_ls whos xdel xmode
""".split())
# Line magics that widely used extensions register once `%load_ext` loads them (tensorboard,
# autoreload, memory_profiler, line_profiler, ipython-sql, watermark, python-dotenv, snakeviz): also
# run without `%` in a one-line cell (`tensorboard --logdir logs/fit`).
EXTENSION_MAGICS = {"autoreload": ("autoreload", "aimport"), "tensorboard": ("tensorboard",),
                    "memory_profiler": ("memit", "mprun"), "line_profiler": ("lprun",), "sql": ("sql",),
                    "watermark": ("watermark",), "dotenv": ("dotenv",), "snakeviz": ("snakeviz",)}
EXTENSION_LINE_MAGICS = frozenset(m for magics in EXTENSION_MAGICS.values() for m in magics)
_ESCAPES = ("%", "!", "?", ",", ";", "/")  # IPython's escapes at the start of a logical line
_HELP_END = re.compile(r"(%{0,2}(?!\d)[\w*]+(\.(?!\d)[\w*]+|\[-?[0-9]+\])*)(\?\??)$")
_AUTOMAGIC = re.compile(r"^\s*(%{0,2}[\w.*]*)(.*?)$")
_STRING_START = re.compile(r"(?i)(?:[rbuf]|rb|br|fr|rf)?('\'\'|\"\"\"|'|\")")


class NotebookError(Exception):
    pass


@dataclass
class NotebookSource:
    text: str
    starts: list  # 1-based joined line where each code cell starts
    cells: list = field(default_factory=list)  # (original lines, masked lines) of each code cell
    # per code cell, per line: the prefix IPython's cleanup strips (a cell's common indentation, a
    # pasted prompt); a finding's column there is the masked text's plus this
    shifts: list = field(default_factory=list)
    writable: bool = True  # False for an nbformat 3 notebook: its findings offer no fix
    # the language its kernel runs, as its metadata says ("python" when it says nothing)
    language: str = "python"

    def shift(self, cell: int, line: int) -> int:
        shifts = self.shifts[cell - 1] if 0 < cell <= len(self.shifts) else []
        return shifts[line - 1] if 0 < line <= len(shifts) else 0

    def locate(self, line: int) -> tuple[int, int]:
        """(code cell number, line within the cell) of a joined line; both 1-based."""
        cell = 0
        for i, start in enumerate(self.starts):
            if start <= line:
                cell = i
            else:
                break
        return cell + 1, line - self.starts[cell] + 1

    def cell_edit(self, edit: dict) -> dict | None:
        """A fix's edit placed in the joined code cells, placed in its cell instead: `cell` (1-based,
        among code cells) and line / column within the cell's own source, as the finding's (ruff's
        JSON gives notebook edits cell-relative lines too). None when it cannot be written into one
        cell's source as `--fix` writes it (it changes a masked IPython line, or spans two cells)."""
        if not self.writable:
            return None
        cell, line = self.locate(edit["line"])
        end_cell, end_line = self.locate(edit["end_line"])
        col, end_col, content = edit["column"], edit["end_column"], edit["content"]
        original, masked = self.cells[cell - 1]
        if (end_cell, end_line) in ((cell + 1, 1), (cell, len(masked) + 1)) and end_col == 1:
            # The edit takes the newline after the cell's last line, which separates the cells in
            # the joined text and is not in the cell's source: --fix keeps the separator.
            if content.endswith("\n"):
                content = content[:-1]
            elif not content and col == 1 and line > 1:
                line, col = line - 1, len(masked[line - 2]) + 1
            else:
                return None
            end_cell, end_line, end_col = cell, len(masked), len(masked[-1]) + 1
        if end_cell != cell or not 1 <= line <= end_line <= len(masked):
            return None
        if any(self.shift(cell, n) for n in range(line, end_line + 1)):
            return None  # a line IPython dedents or strips a prompt from: not rewritten
        restore = {m: o for o, m in zip(original, masked) if m != o}
        for n in range(line, end_line + 1):
            # A masked line is written back as it was: the edit may replace it whole (its content
            # then holds the masked form, restored below), not change it in part — but for the
            # statement of a `%time` line, which stands in the same columns as in the cell.
            if masked[n - 1] != original[n - 1] and not ((n > line or col == 1) and (n < end_line or end_col == 1)):
                magic = timed(original[n - 1], masked[n - 1])
                if not magic or n == line and col <= magic:
                    return None
        if restore:
            content = "\n".join(restore.get(part, part) for part in content.split("\n"))
        return {"line": line, "column": col, "end_line": end_line, "end_column": end_col, "content": content,
                "cell": cell}


def _mask(line: str, statement: bool = True) -> str:
    """A masked line: a comment holding the whole line (`%time x` -> `#%time x`), or, for a statement on
    an indented line, `pass  # …` so that its block stays non-empty."""
    body = line.lstrip()
    indent = line[: len(line) - len(body)]
    if not body:
        return line
    if indent and statement:
        return indent + "pass  # " + body
    return indent + "#" + body


def _scan(line: str, depth: int, quote):
    """Follow one physical line as Python's tokenizer would: (bracket depth, open string quote or
    None, whether the line has a comment, whether it ends with a backslash continuation)."""
    i, n, comment = 0, len(line), False
    while i < n:
        c = line[i]
        if quote:
            if c == "\\":
                i += 2
            elif line.startswith(quote, i):
                i, quote = i + len(quote), None
            else:
                i += 1
            continue
        if c == "#":
            comment = True
            break
        m = _STRING_START.match(line, i)
        if m and not (i and (line[i - 1].isalnum() or line[i - 1] == "_")):
            i, quote = m.end(), m.group(1)
            continue
        if c in "([{":
            depth += 1
        elif c in ")]}":
            depth = max(0, depth - 1)
        i += 1
    continued = not comment and line.endswith("\\") and (quote is None or len(quote) == 1)
    if quote and len(quote) == 1 and not continued:
        quote = None  # an unterminated one-line string ends with its line
    return depth, quote, comment, continued


def _tokens(line: str) -> list:
    out = []
    try:
        for tok in tokenize.generate_tokens(io.StringIO(line).readline):
            out.append(tok)
    except (tokenize.TokenError, SyntaxError):
        pass
    return out


def _assigns_ipython(line: str) -> bool:
    """`x = %magic …` / `x = !cmd`: IPython's MagicAssign / SystemAssign (the first `=` outside brackets)."""
    if "=" not in line or not ("%" in line or "!" in line):
        return False
    toks = [t for t in _tokens(line) if t.type not in (tokenize.INDENT, tokenize.DEDENT)]
    depth = 0
    for i, tok in enumerate(toks):
        if tok.string in ("(", "[", "{"):
            depth += 1
        elif tok.string in (")", "]", "}"):
            depth = max(0, depth - 1)
        elif tok.string == "=" and depth == 0:
            after = [t for t in toks[i + 1:] if not t.string.isspace() or t.type != tokenize.ERRORTOKEN][:2]
            if after and after[0].string == "%":
                return len(after) > 1 and after[1].type == tokenize.NAME
            return bool(after) and after[0].string == "!" and not line.strip().startswith("=")
    return False


def _escaped(body: str) -> bool:
    """A logical line IPython's EscapedCommand takes: its first token is one of the escapes."""
    if not body.startswith(_ESCAPES) or body.startswith(("//", "/=", "!=", "%=")):
        return False
    return not body.startswith("/") or bool(body[1:].partition(" ")[0])


def _help_end(line: str) -> bool:
    """`obj?` / `obj??` / `%magic?`: a one-line logical line whose last token is `?` (IPython's HelpEnd)."""
    return line.rstrip().endswith("?") and bool(_HELP_END.search(line.strip()))


def _automagic(line: str) -> bool:
    """`pip install x`, `cd dir`, `ls -la`: a line magic without `%`. IPython's prefilter runs it only in
    a one-line cell, when the rest does not start with `=` or `,`, and the name is not shadowed (a
    keyword, a builtin or a user's name); it is masked only where it is not Python as it stands
    (`ls = 3`, `cd(x)`, `ls -la` with a user's `ls` are Python)."""
    name, rest = _AUTOMAGIC.match(line).groups()
    if name not in LINE_MAGICS and name not in EXTENSION_LINE_MAGICS or rest.lstrip()[:1] in ("=", ","):
        return False
    try:
        ast.parse(line.strip())
    except (SyntaxError, ValueError):
        return True
    return False


def _ipython_lines(lines: list[str]) -> dict[int, bool]:
    """The lines of a cell that IPython turns into calls (0-based), found where IPython finds them:
    at the start of a logical line (not inside brackets or strings, not after a backslash); each
    maps to whether it stands as a statement (False: the continuation of one, or a non-Python cell's body)."""
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is None:
        return {}
    head = lines[first].lstrip()
    if head.startswith("%%") and not re.match(r"%%\w+\?", head):
        if head[2:].split(" ")[0].strip() not in PYTHON_CELL_MAGICS:
            return {i: i == first for i in range(len(lines))}
        body = _ipython_lines(lines[first + 1:])
        return {first: True, **{first + 1 + i: statement for i, statement in body.items()}}
    masked, depth, quote, start, begin, i = {}, 0, None, True, 0, 0
    while i < len(lines):
        line = lines[i]
        if start:
            begin = i
        if start and line.strip() and (_escaped(line.lstrip()) or _assigns_ipython(line)):
            masked[i] = True
            while lines[i].endswith("\\") and i + 1 < len(lines):  # IPython joins the continued lines
                i += 1
                masked[i] = False
            i += 1
            continue
        depth, quote, comment, continued = _scan(line, depth, quote)
        start = depth == 0 and quote is None and not continued
        if start and not comment and _help_end(line):  # the whole logical line becomes the help call
            masked.update({j: j == begin for j in range(begin, i + 1)})
        i += 1
    tail = lines[first:-1] if lines[-1] == "" else lines[first:]
    if len(tail) == 1 and first not in masked and _automagic(tail[0]):
        masked[first] = False  # the cell's only line: a comment, whatever its indentation
    return masked


# The prompts IPython strips from a pasted session: `>>> ` / `... ` (also indented, as a doctest has
# them) and its own `In [3]: ` / `   ...: `.
_PS1 = re.compile(r"\s*>>>[ \t]?")
_PS2 = re.compile(r"\s*\.\.\.[ \t]?")
_DOCTEST = re.compile(r"\s*>>>")
_IN_PROMPT = re.compile(r"((\[nav\]|\[ins\])? )?In \[\d+\]: |\s*\.{3,}: ?")
_TRIPLE = re.compile(r"(?<!\\)(\"\"\"|\'\'\')")
_PREFIX_ONLY = re.compile(r"(?i)[rubf]*")


def _margin(lines: list[str]) -> str:
    """The whitespace every non-blank line starts with (textwrap.dedent's margin)."""
    margin = None
    for line in lines:
        if not line.strip(" \t"):
            continue
        indent = line[: len(line) - len(line.lstrip(" \t"))]
        if margin is None:
            margin = indent
        else:
            n = 0
            while n < min(len(margin), len(indent)) and margin[n] == indent[n]:
                n += 1
            margin = margin[:n]
    return margin or ""


def _dedented(lines: list[str]) -> list[str]:
    # IPython also empties whitespace-only lines; kept here (the parse is the same) so that a cell
    # with a trailing "    " line is not taken for one IPython rewrites
    margin = _margin(lines)
    return [line if not line.strip(" \t") else line[len(margin):] for line in lines]


def _in_docstrings(lines: list[str]) -> list[bool]:
    """Lines inside a triple-quoted string that opened at the start of its line (a docstring or a
    bare string, not a prompted statement): IPython leaves `>>>` in those alone."""
    inside, quote, keep, seen = [], None, False, False
    for line in lines:
        inside.append(quote is not None and keep)
        for m in _TRIPLE.finditer(line):
            if quote is None:
                before = line[: m.start()]
                bare = _PS2.sub("", _PS1.sub("", before, count=1), count=1)
                keep = not (bare != before and seen) and bool(_PREFIX_ONLY.fullmatch(bare.strip()))
                quote = m.group(1)
                inside[-1] = keep
            elif quote == m.group(1):
                quote, keep = None, False
        seen = seen or bool(_DOCTEST.match(line))
    return inside


def _without_prompts(lines: list[str]) -> list[str]:
    docstring = _in_docstrings(lines)
    if any(_DOCTEST.match(line) and not kept for line, kept in zip(lines, docstring)):
        out, stripped = [], []
        for line, kept in zip(lines, docstring):
            new = line if kept else _PS1.sub("", line, count=1) if _PS1.match(line) \
                else _PS2.sub("", line, count=1) if _PS2.match(line) else line
            out.append(new)
            stripped.append(new != line)
        lines, start = [], 0
        for end in range(1, len(out) + 1):  # each run of lines in or out of a docstring
            if end == len(out) or docstring[end] != docstring[start]:
                run = out[start:end]
                lines.extend(_dedented(run) if not docstring[start] and any(stripped[start:end]) else run)
                start = end
    if _IN_PROMPT.match(lines[0]) or (len(lines) > 1 and _IN_PROMPT.match(lines[1])):
        lines = [_IN_PROMPT.sub("", line, count=1) if _IN_PROMPT.match(line) else line for line in lines]
    return lines


def cleaned(body: list[str]) -> list[str]:
    """The cell's lines as IPython's cleanup transforms leave them, before any magic is looked for:
    a cell indented as a whole is dedented, pasted `>>>` / `In [n]:` prompts are stripped. Each line
    loses only a prefix, so a column maps back by adding what its line lost."""
    first = next((i for i, line in enumerate(body) if line.strip()), None)
    if first is None:
        return list(body)
    lines = _without_prompts(_dedented(body[first:]))
    if lines[0][:1] in (" ", "\t"):
        # IPython 9 dedents by the margin all lines share; a first line indented more than the
        # rest stays so, and the cell cannot run. IPython 8 and earlier (Colab's, and what most saved
        # notebooks ran under) strip the first line's indentation from every line that starts with it.
        head = body[first]
        indent = head[: len(head) - len(head.lstrip(" \t"))]
        lines = _without_prompts([line[len(indent):] if line.startswith(indent) else line for line in body[first:]])
    return body[:first] + lines


_TIMED = re.compile(r"([ \t]*)%time(?:it)?[ \t]+(?=[^-\s])")


def _untimed(line: str) -> "str | None":
    """`%time model.fit(x, y)` -> `0;    model.fit(x, y)`: the statement a `%time` / `%timeit`
    magic runs, checked like any other, every column where it was (the magic becomes a no-op
    statement of its width); None when what follows the magic is not a whole statement on its line
    (IPython then fails too) or the magic takes options."""
    found = _TIMED.match(line)
    if found is None:
        return None
    statement = line[found.end():]
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            compile(statement, "<cell>", "exec", dont_inherit=True, flags=ast.PyCF_ONLY_AST)
    except (SyntaxError, ValueError):
        return None
    indent = found.group(1)
    return indent + "0;".ljust(found.end() - len(indent)) + statement


def timed(original: str, masked: str) -> int:
    """When `masked` is the statement a `%time` line `original` runs (see `_untimed`), the width of
    the magic (what follows it stands in the same columns in both: an edit or a comment there is the
    statement's own); else 0."""
    found = _TIMED.match(original)
    return found.end() if found is not None and masked != original and _untimed(original) == masked else 0


def _masked(body: list[str]) -> list[str]:
    body = cleaned(body)
    ipython = _ipython_lines(body)
    return [line if i not in ipython else (ipython[i] and _untimed(line)) or _mask(line, ipython[i])
            for i, line in enumerate(body)]


DATABRICKS_HEADER = "# Databricks notebook source"
_DATABRICKS_CELL = "# COMMAND ----------"


def databricks_masked(text: str) -> "str | None":
    """A notebook exported by Databricks as a `.py` file (its first line `# Databricks notebook
    source`, its cells parted by `# COMMAND ----------` lines) with the IPython lines of each cell
    masked as a notebook's are (`%pip install mlflow` -> `#%pip install mlflow`): every other line,
    and the number of lines, as they were. None when it is no such file or nothing needs masking."""
    if not text.lstrip("\ufeff").startswith(DATABRICKS_HEADER):
        return None
    lines = text.split("\n")
    out, start, changed = [], 0, False
    for end in range(len(lines) + 1):
        if end < len(lines) and lines[end].rstrip("\r") != _DATABRICKS_CELL:
            continue
        cell = lines[start:end]
        bare = [line.rstrip("\r") for line in cell]
        for i, statement in _ipython_lines(bare).items():
            cell[i] = _mask(bare[i], statement) + cell[i][len(bare[i]):]
            changed = True
        out.extend(cell)
        if end < len(lines):
            out.append(lines[end])
        start = end + 1
    return "\n".join(out) if changed else None


def cell_lines(source) -> list[str]:
    text = "".join(source) if isinstance(source, list) else str(source)
    return text.split("\n")


def _parse(text: str, writing: bool = False) -> dict:
    try:
        data = json.loads(text[1:] if text.startswith("\ufeff") else text)
    except ValueError as exc:
        raise NotebookError(f"not a notebook: invalid JSON: {exc}") from None
    except RecursionError:
        raise NotebookError("not a notebook: JSON nested too deeply to read") from None
    if isinstance(data, dict) and "cells" not in data and isinstance(data.get("worksheets"), list):
        return _nbformat3(data, writing)
    if not isinstance(data, dict) or not isinstance(data.get("cells"), list):
        raise NotebookError("not a notebook: no 'cells' list")
    return data


_V3_UNWRITTEN = ("an nbformat 3 notebook is not rewritten: open and save it in Jupyter (which upgrades it to "
                 "nbformat 4) first")
_V3 = "regr-lint: nbformat 3"  # marks the cells `_nbformat3` read (no JSON key of a notebook)


def _nbformat3(data: dict, writing: bool) -> dict:
    """An nbformat 3 notebook (cells in `worksheets`, a code cell's source in `input`), which
    Jupyter upgrades when it opens it: its cells as nbformat 4 has them, to lint. It is never
    rewritten (its JSON keeps the code elsewhere): fixes and noqa comments are refused."""
    if writing:
        raise NotebookError(_V3_UNWRITTEN)
    cells = []
    for sheet in data["worksheets"]:
        for cell in (sheet.get("cells") if isinstance(sheet, dict) else None) or ():
            if isinstance(cell, dict) and cell.get("cell_type") == "code":
                cell = {"cell_type": "code", "source": cell.get("input", "")}
            cells.append(cell)
    return {"cells": cells, _V3: True}


def load(text: str) -> NotebookSource:
    lines: list[str] = []
    starts: list[int] = []
    cells, shifts = [], []
    data = _parse(text)
    for _, original, masked in _masked_cells(data):
        starts.append(len(lines) + 1)
        lines.extend(masked)
        cells.append((original, masked))
        shifts.append([len(o) - len(c) for o, c in zip(original, cleaned(original))])
    return NotebookSource("\n".join(lines) + ("\n" if lines else ""), starts, cells, shifts,
                          writable=_V3 not in data, language=_language(data))


def _language(data: dict) -> str:
    """The language of the notebook's kernel, lower case: `language_info.name`, else
    `kernelspec.language`; "python" when neither is given."""
    meta = data.get("metadata")
    meta = meta if isinstance(meta, dict) else {}
    for key, field_name in (("language_info", "name"), ("kernelspec", "language")):
        section = meta.get(key)
        if isinstance(section, dict) and isinstance(section.get(field_name), str) and section[field_name].strip():
            return section[field_name].strip().lower()
    return "python"


# ---------------------------------------------------------------- cells that do not parse
# Jupyter runs each cell by itself, so a cell that does not parse hides nothing of the others. The
# part of it that cannot be read stands for code the linter has not seen, as a module it cannot
# read would: the names it may bind are imported from this module (unknown to every rule) and the
# methods and class attributes it may define are a class's (so a call of that name on an object of
# unknown type may be the notebook's own method).
UNREAD_CELL = "__regr_lint_unread_cell__"
_PREFIX_TRIES = 64  # lines given up from the end of a broken cell's readable start, at most
_BINDS_ANYTHING = frozenset({"exec", "globals", "vars", "locals", "__builtins__", "__dict__"})


@dataclass
class Unread:
    """A notebook's cells read without what its broken cells hold past their errors."""
    text: str  # the joined cells, each broken one cut (see without_unread)
    bound: list  # every name the unread lines may bind
    # per broken cell: (the joined line it ends on, the names its unread lines may bind, the names
    # they may change otherwise or call: `model.add(...)`, `np.random.shuffle(y)`, `train(model)`)
    cells: list = field(default_factory=list)


def without_unread(nb: NotebookSource, broken: dict) -> "Unread | None":
    """The joined text with each cell of `broken` ({code cell index from 0: the line of the cell its
    syntax error is on}) cut to the statements before its error that parse, its other lines blank
    but for the stand-in of what they may bind (see UNREAD_CELL; the class after the last cell), the
    other cells as they are; with what the unread lines may bind or change. None when a cell's
    unread part may bind any name at all (`from m import *`, `exec`, `globals()`)."""
    lines = nb.text.split("\n")
    every: dict = {}
    cells = []
    for i, error_line in sorted(broken.items()):
        original, masked = nb.cells[i]
        keep = next((n for n in range(min(error_line - 1, len(masked) - 1), max(-1, error_line - 2 - _PREFIX_TRIES), -1)
                     if _compiles(masked[:n])), 0)
        bound = _unread_bindings(original[keep:])
        if bound is None:
            return None
        every.update(dict.fromkeys(bound))
        cells.append((nb.starts[i] + len(masked) - 1, bound, _unread_touches(original[keep:])))
        start = nb.starts[i] - 1
        stand_in = [f"from {UNREAD_CELL} import {', '.join(bound)}"] if bound else []
        lines[start + keep:start + len(masked)] = stand_in + [""] * (len(masked) - keep - len(stand_in))
    if every:
        # (at the left margin, after every cell: where a class is defined does not matter)
        at = len(lines) - 1 if lines[-1] == "" else len(lines)
        lines[at:at] = [f"class {UNREAD_CELL}:", f"    {' = '.join(every)} = None"]
    return Unread("\n".join(lines), list(every), cells)


def _compiles(lines: list[str]) -> bool:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            compile("\n".join(lines) + "\n", "<cell>", "exec", dont_inherit=True, flags=ast.PyCF_ONLY_AST)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return False
    return True


_SKIPPED = (tokenize.NL, tokenize.NEWLINE, tokenize.COMMENT, tokenize.INDENT, tokenize.DEDENT,
            tokenize.ENDMARKER)


def _unread_bindings(lines: list[str]) -> "list | None":
    """The names code that does not parse may bind, read from its tokens, erring towards more:
    assignment and `for` / `del` targets (also an item or attribute assigned, `kw["lr"] = …`, which
    changes its name's object), `:=`, `def` / `class`, `import` / `as` names — in any block, a
    method's too. None when it may bind any name (a star import, `exec`, `globals()`)."""
    names: dict = {}
    # each physical line is read by itself too: after a bracket the error left open (`x = (`), the
    # lines that follow continue it for the tokenizer, but were most likely meant as statements
    for line in _logical_lines(lines) + [line.lstrip() for line in lines]:
        toks = [t for t in _tokens(line) if t.type not in _SKIPPED]
        if any(t.type == tokenize.NAME and t.string in _BINDS_ANYTHING for t in toks):
            return None
        if any(a.string == "import" and b.string == "*" for a, b in zip(toks, toks[1:])):
            return None
        for name in _bound_in(toks):
            if name.isidentifier() and not keyword.iskeyword(name):
                names.setdefault(name)
    return list(names)


def _logical_lines(lines: list[str]) -> list[str]:
    """The lines, physical lines continued by an open bracket or string or a backslash joined to
    the line they continue; each one's indentation dropped."""
    out, current, depth, quote = [], [], 0, None
    for line in lines:
        current.append(line if current else line.lstrip())
        depth, quote, _, continued = _scan(line, depth, quote)
        if not (depth or quote or continued):
            out.append("\n".join(current))
            current = []
    if current:
        out.append("\n".join(current))
    return out


_TARGET_OPS = frozenset({"=", "+=", "-=", "*=", "/=", "//=", "%=", "**=", "@=", "&=", "|=", "^=", ">>=",
                         "<<="})
_AFTER = frozenset({"def", "class", "as"})
_IMPORTED = frozenset({"import", ",", "("})  # what a name an import statement binds follows


def _bound_in(toks: list) -> list[str]:
    found = []
    start = depth = 0  # where the current simple statement began; bracket depth
    for i, tok in enumerate(toks):
        s = tok.string
        prev = toks[i - 1].string if i else ""
        if tok.type == tokenize.NAME and (prev in _AFTER or prev in _IMPORTED and _in_import(toks[start:i])):
            found.append(s)  # (`import a.b, c` / `from m import (a, b)`: each name listed, or its module's)
        if s in ("(", "[", "{"):
            depth += 1
        elif s in (")", "]", "}"):
            depth = max(0, depth - 1)
        elif s == ":=" and prev and toks[i - 1].type == tokenize.NAME:
            found.append(prev)
        elif depth == 0 and s in (";", ":") and tok.type == tokenize.OP:
            if s == ":" and i == start + 1 and toks[start].type == tokenize.NAME:
                found.append(toks[start].string)  # an annotated name, `x: int = 1`
            start = i + 1
        elif depth == 0 and s in _TARGET_OPS:
            found.extend(_names(toks[start:i]))  # (`a = b = 1`: both targets, and the name read first)
        elif tok.type == tokenize.NAME and s in ("for", "del"):
            end = next((j for j in range(i + 1, len(toks)) if toks[j].string == "in"), len(toks))
            found.extend(_names(toks[i + 1:end]))
    return found


# Methods that only read the object they are called on (numpy, pandas, Keras), and functions that
# only read their arguments: code left unread that calls them changes nothing a rule reads.
_READING_METHODS = frozenset({
    "mean", "sum", "std", "var", "min", "max", "argmax", "argmin", "any", "all", "count", "copy",
    "reshape", "astype", "flatten", "ravel", "tolist", "to_numpy", "numpy", "item", "head", "tail",
    "describe", "info", "unique", "nunique", "value_counts", "isnull", "isna", "corr", "keys", "values",
    "items", "get", "summary", "predict", "evaluate", "get_weights", "get_config", "get_layer",
    "count_params", "plot", "scatter", "imshow", "hist", "show", "format", "join", "startswith",
})
READING_CALLS = frozenset({
    "print", "display", "len", "str", "repr", "int", "float", "bool", "type", "isinstance", "range",
    "enumerate", "zip", "list", "tuple", "sorted", "abs", "round", "min", "max", "sum", "format", "id",
    "plot", "scatter", "imshow", "hist", "array", "asarray", "mean", "std", "shape",
})


def _unread_touches(lines: list[str]) -> list[str]:
    """The names code that does not parse may change without binding them, or call, read from its
    tokens, erring towards more: a method called on them (`model.add(`, `y.sort(`; not one of
    _READING_METHODS, nor any with `inplace` on the line), a name passed to a call (`np.random.
    shuffle(y`, `train(model.layers`; not to one of READING_CALLS), a function called (`preprocess()`: what
    it changes is its body's to say), a part of it written (`df["y"] = …`, also a binding of it: a
    name that holds the object too sees the change). A name only read (`print(y.mean()`, `y[:5]`)
    is not one."""
    names: dict = {}
    for line in _logical_lines(lines) + [line.lstrip() for line in lines]:
        toks = [t for t in _tokens(line) if t.type not in _SKIPPED]
        inplace = any(t.string == "inplace" for t in toks)
        opened: list = []  # per open bracket: the name of the function it calls, "?" for an unnamed
        # call (`f()(x)`), "" for a display or a grouping, None for a subscript
        for i, tok in enumerate(toks):
            s, prev = tok.string, toks[i - 1] if i else None
            if tok.type == tokenize.OP and s in ("(", "[", "{"):
                opened.append(_bracket(s, prev))
                continue
            if tok.type == tokenize.OP and s in (")", "]", "}"):
                del opened[-1:]
                continue
            if tok.type != tokenize.NAME or keyword.iskeyword(s) or prev is not None and prev.string == ".":
                continue
            method, after, end = _chain(toks, i + 1)
            if after in _TARGET_OPS and end > i + 1 and not opened:
                names.setdefault(s)  # a part of its object written (`model.layers[-1].activation = …`)
            elif after == "(":
                if method is None or method not in _READING_METHODS or inplace:
                    names.setdefault(s)  # a function called, or a method that may change its object
            elif not (after == "=" and opened and opened[-1]):  # (not `f(n=1)`'s keyword)
                call = next((b for b in reversed(opened) if b != ""), "")
                if call and call not in READING_CALLS:
                    names.setdefault(s)  # passed to a call that may change it
    return [n for n in names if n.isidentifier()]


def _bracket(s: str, prev) -> "str | None":
    """What a bracket opened after token `prev` is: see `opened` in _unread_touches."""
    follows = prev is not None and (prev.type == tokenize.NAME and not keyword.iskeyword(prev.string)
                                    or prev.string in (")", "]"))
    if s == "(":
        return (prev.string if prev.type == tokenize.NAME else "?") if follows else ""
    return None if s == "[" and follows else ""


def _chain(toks: list, j: int) -> tuple:
    """(the last attribute of the `.a[i].b` chain starting at toks[j], None if it has none; the token
    after it; its index)."""
    last = None
    while j < len(toks):
        if toks[j].string == "." and j + 1 < len(toks) and toks[j + 1].type == tokenize.NAME:
            last, j = toks[j + 1].string, j + 2
        elif toks[j].string == "[":
            depth = 0
            while j < len(toks):
                depth += {"[": 1, "]": -1}.get(toks[j].string, 0)
                j += 1
                if depth == 0:
                    break
        else:
            break
    return last, toks[j].string if j < len(toks) else "", j


def _in_import(toks: list) -> bool:
    return any(t.string == "import" for t in toks)


def _names(toks: list) -> list[str]:
    """The names among `toks` that are not an attribute (`.name`)."""
    return [t.string for j, t in enumerate(toks) if t.type == tokenize.NAME
            and not (j and toks[j - 1].string == ".")]


# ---------------------------------------------------------------- fixing a notebook
BOUNDARY = "# regr-lint: cell boundary {}"


def _masked_cells(data: dict) -> list[tuple[dict, list[str], list[str]]]:
    """(cell, original lines, masked lines) for each code cell, in order."""
    out = []
    for cell in data["cells"]:
        if not isinstance(cell, dict) or cell.get("cell_type") != "code":
            continue
        source = cell.get("source", "")
        if not isinstance(source, (str, list)):
            raise NotebookError("not a notebook: a code cell's source is neither text nor a list")
        if isinstance(source, list) and not all(isinstance(line, str) for line in source):
            raise NotebookError("not a notebook: a code cell's source list holds something other than text")
        body = cell_lines(source)
        out.append((cell, body, _masked(body)))
    return out


def fix_notebook(text: str, fix_source) -> tuple[str, int]:
    """Apply `fix_source(joined_text) -> (new_text, fixed_count)` to the code cells and write back
    only the `source` of the cells that changed: every other byte of the file (BOM, line endings,
    indentation, key order, escapes, the other cells) stays as it was.

    Cells are joined with boundary comments (never touched by a fix) so the fixed text splits back
    into the same cells even when a fix adds or removes lines; masked IPython lines come back as
    they were written."""
    data = _parse(text)
    cells = _masked_cells(data)
    parts = []
    for i, (_, _, masked) in enumerate(cells):
        if i:
            parts.append(BOUNDARY.format(i))
        parts.extend(masked)
    joined = "\n".join(parts) + "\n"
    new, fixed = fix_source(joined)
    if not fixed or new == joined:
        return text, 0
    if _V3 in data:
        raise NotebookError(_V3_UNWRITTEN)
    lines = new.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    chunks, current, expected = [], [], 1
    for line in lines:
        if line == BOUNDARY.format(expected):
            chunks.append(current)
            current, expected = [], expected + 1
        else:
            current.append(line)
    chunks.append(current)
    if len(chunks) != len(cells):
        raise NotebookError("a fix moved a cell boundary; the notebook was left unchanged")
    index = {id(cell): i for i, cell in enumerate(data["cells"])}
    spans = None
    edits = []
    for (cell, original, masked), chunk in zip(cells, chunks):
        restore = {m: o for o, m in zip(original, masked) if m != o}
        chunk = [restore.get(line, line) for line in chunk]
        if chunk == original:
            continue
        if cleaned(original) != original:
            raise NotebookError("a fix falls in a cell IPython dedents or strips prompts from; "
                                "the notebook was left unchanged")
        if any(line in restore for line in original) \
                or len(restore) != len({(m, o) for o, m in zip(original, masked) if m != o}):
            raise NotebookError("a masked IPython line cannot be told from another line of its cell; "
                                "the notebook was left unchanged")
        if spans is None:
            spans = _spans(text)
        edits.append(_source_edit(text, cell, spans.get(index[id(cell)]), chunk))
    if not edits:
        return text, 0
    return _splice(text, edits), fixed


def set_lines(text: str, changes: dict[int, dict[int, str]]) -> str:
    """`text` with lines of code cells replaced: {code cell (1-based) -> {line in it (1-based) -> new
    line}}; only the `source` of the cells that change is rewritten, as `fix_notebook` writes it."""
    data = _parse(text, writing=True)
    cells = _masked_cells(data)
    index = {id(cell): i for i, cell in enumerate(data["cells"])}
    spans = None
    edits = []
    for number, lines in sorted(changes.items()):
        cell, original, _ = cells[number - 1]
        chunk = list(original)
        for n, line in lines.items():
            chunk[n - 1] = line
        if chunk != original:
            if spans is None:
                spans = _spans(text)
            edits.append(_source_edit(text, cell, spans.get(index[id(cell)]), chunk))
    return _splice(text, edits)


def _spans(text: str) -> dict[int, tuple[int, int]]:
    try:
        return _source_spans(text)
    except (ValueError, IndexError, RecursionError):
        raise NotebookError("the notebook's JSON cannot be followed; it was left unchanged") from None


def _source_edit(text: str, cell: dict, span, chunk: list[str]) -> tuple[int, int, str]:
    """(start, end, new JSON) for a cell whose source lines become `chunk`."""
    if span is None:
        raise NotebookError("the cell's source cannot be found in the file; the notebook was left unchanged")
    source = [line + "\n" for line in chunk[:-1]] + ([chunk[-1]] if chunk and chunk[-1] else [])
    start, end = span
    if isinstance(cell.get("source"), list):
        if cell["source"] and cell["source"][-1] == "" and (not source or source[-1] != ""):
            source.append("")  # jupytext-style lists end with an empty string: keep it
        return start, end, _list_like(text, start, end, source)
    return start, end, _string_like(text, "".join(source))


def _splice(text: str, edits: list[tuple[int, int, str]]) -> str:
    for start, end, new in sorted(edits, reverse=True):
        text = text[:start] + new + text[end:]
    return text


# ---------------------------------------------------------------- the file's own JSON text
_WS = re.compile(r"[ \t\n\r]*")
_NEWLINE = re.compile(r"\r\n|\r|\n")


def _ws(text: str, i: int) -> int:
    return _WS.match(text, i).end()


def _members(text: str, i: int) -> tuple[list[tuple[str, int, int]], int]:
    """(key, value start, value end) of each member of the JSON object at `text[i]` (a `{` of JSON
    that has been read already), and where the object ends."""
    out = []
    i = _ws(text, i + 1)
    if text[i] == "}":
        return out, i + 1
    while True:
        key, i = json.decoder.scanstring(text, i + 1)
        i = _ws(text, _ws(text, i) + 1)  # past the colon
        end = _DECODER.raw_decode(text, i)[1]  # (json's C scanner: no Python frame per level)
        out.append((key, i, end))
        i = _ws(text, end)
        if text[i] == "}":
            return out, i + 1
        i = _ws(text, i + 1)  # past the comma


def _elements(text: str, i: int) -> list[tuple[int, int]]:
    """(start, end) of each element of the JSON array at `text[i]` (a `[`)."""
    out = []
    i = _ws(text, i + 1)
    if text[i] == "]":
        return out
    while True:
        end = _members(text, i)[1] if text[i] == "{" else _DECODER.raw_decode(text, i)[1]
        out.append((i, end))
        i = _ws(text, end)
        if text[i] == "]":
            return out
        i = _ws(text, i + 1)


_DECODER = json.JSONDecoder()


def _source_spans(text: str) -> dict[int, tuple[int, int]]:
    """Where each cell's `source` value is in the notebook's text, by the cell's index in `cells`
    (as json reads duplicate keys: the last one counts)."""
    start = _ws(text, 1 if text.startswith("\ufeff") else 0)
    members, _ = _members(text, start)
    cells = [(s, e) for key, s, e in members if key == "cells"][-1]
    spans = {}
    for n, (s, _) in enumerate(_elements(text, cells[0])):
        if text[s] == "{":
            found = [(vs, ve) for key, vs, ve in _members(text, s)[0] if key == "source"]
            if found:
                spans[n] = found[-1]
    return spans


def _string_like(text: str, value: str) -> str:
    """`value` as a JSON string, escaped the way the file is: all-ASCII files keep non-ASCII escaped."""
    return json.dumps(value, ensure_ascii=text.lstrip("\ufeff").isascii())


def _line_start(text: str, i: int) -> int:
    return max(text.rfind("\n", 0, i), text.rfind("\r", 0, i)) + 1


def _list_like(text: str, start: int, end: int, lines: list[str]) -> str:
    """`lines` as the JSON list at `text[start:end]` was written: one string per line, with its
    indentation and line endings (a list written on one line stays on one)."""
    items = _elements(text, start)
    raw = {}
    for s, e in items:
        raw.setdefault(json.loads(text[s:e]), text[s:e])  # unchanged lines keep their own escapes
    new = [raw.get(line) or _string_like(text, line) for line in lines]
    if not new:
        return "[]"
    value = text[start:end]
    m = _NEWLINE.search(text)
    newline = m.group() if m else "\n"
    if items and not _NEWLINE.search(value):
        return "[" + ", ".join(new) + "]"
    key_line = text[_line_start(text, start):start]
    key_indent = key_line[:len(key_line) - len(key_line.lstrip(" \t"))]
    if items:
        first = text[_line_start(text, items[0][0]):items[0][0]]
        last = text[_line_start(text, end - 1):end - 1]
        item_indent = first if not first.strip(" \t") else key_indent + _indent_unit(text)
        close_indent = last if not last.strip(" \t") else key_indent
    else:
        item_indent, close_indent = key_indent + _indent_unit(text), key_indent
    return "[" + newline + ("," + newline).join(item_indent + item for item in new) + newline + close_indent + "]"


def _indent_unit(text: str) -> str:
    """The file's indentation step: the leading whitespace of its second line (one space if none)."""
    lines = _NEWLINE.split(text, 2)
    second = lines[1] if len(lines) > 1 else ""
    return second[:len(second) - len(second.lstrip(" \t"))] or " "
