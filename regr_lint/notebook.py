"""Jupyter notebooks: the code cells joined into one Python source, with IPython syntax masked (not
dropped, so every line keeps its number), and the map from a joined line back to (cell, line).

Joining follows the eval convention and ruff's: code cells in order, each cell's source lines
joined, cells separated by a single newline; cells are numbered among code cells, from 1."""
from __future__ import annotations

import json
import re
from dataclasses import dataclass

# Cell magics whose body is still Python; any other `%%magic` cell (bash, html, writefile …) is not.
PYTHON_CELL_MAGICS = frozenset({"time", "timeit", "capture", "prun", "debug", "skip", "tensorboard"})
_SHELL_ASSIGN = re.compile(r"^\s*[\w.,\s\[\]]+=\s*[!%]")


class NotebookError(Exception):
    pass


@dataclass
class NotebookSource:
    text: str
    starts: list  # 1-based joined line where each code cell starts

    def locate(self, line: int) -> tuple[int, int]:
        """(code cell number, line within the cell) of a joined line; both 1-based."""
        cell = 0
        for i, start in enumerate(self.starts):
            if start <= line:
                cell = i
            else:
                break
        return cell + 1, line - self.starts[cell] + 1


def _mask(line: str) -> str:
    body = line.lstrip()
    indent = line[: len(line) - len(body)]
    # `pass` keeps an indented block non-empty; a comment keeps the columns of a top-level line
    return indent + ("pass  # " + body if indent else "#" + body[1:] if body else "")


def _is_ipython(line: str) -> bool:
    body = line.lstrip()
    return body.startswith(("%", "!")) or (body.endswith("?") and not body.startswith("#")) \
        or bool(_SHELL_ASSIGN.match(line))


def cell_lines(source) -> list[str]:
    text = "".join(source) if isinstance(source, list) else str(source)
    return text.split("\n")


def _parse(text: str) -> dict:
    try:
        data = json.loads(text)
    except ValueError as exc:
        raise NotebookError(f"not a notebook: invalid JSON: {exc}") from None
    if not isinstance(data, dict) or not isinstance(data.get("cells"), list):
        raise NotebookError("not a notebook: no 'cells' list")
    return data


def load(text: str) -> NotebookSource:
    lines: list[str] = []
    starts: list[int] = []
    for _, _, masked in _masked_cells(_parse(text)):
        starts.append(len(lines) + 1)
        lines.extend(masked)
    return NotebookSource("\n".join(lines) + ("\n" if lines else ""), starts)


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
        body = cell_lines(source)
        first = body[0].lstrip() if body else ""
        whole = first.startswith("%%") and first[2:].split(" ")[0].strip() not in PYTHON_CELL_MAGICS
        out.append((cell, body, [_mask(l) if whole or _is_ipython(l) else l for l in body]))
    return out


def fix_notebook(text: str, fix_source) -> tuple[str, int]:
    """Apply `fix_source(joined_text) -> (new_text, fixed_count)` to the code cells and write back
    only the cells that changed, keeping outputs, metadata, key order and the file's indentation.

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
    changed = 0
    for (cell, original, masked), chunk in zip(cells, chunks):
        restore = {m: o for o, m in zip(original, masked) if m != o}
        chunk = [restore.get(line, line) for line in chunk]
        if chunk == original:
            continue
        changed += 1
        source = [line + "\n" for line in chunk[:-1]] + ([chunk[-1]] if chunk and chunk[-1] else [])
        cell["source"] = source if isinstance(cell.get("source"), list) else "".join(source)
    if not changed:
        return text, 0
    return _dump_like(text, data), fixed


def _dump_like(original: str, data: dict) -> str:
    """JSON written the way the file was: the same indentation, non-ASCII kept, final newline."""
    indent = 1
    for line in original.splitlines()[1:2]:
        stripped = len(line) - len(line.lstrip(" "))
        indent = stripped or 1
    out = json.dumps(data, indent=indent, ensure_ascii=False)
    return out + ("\n" if original.endswith("\n") else "")
