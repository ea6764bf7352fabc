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


def load(text: str) -> NotebookSource:
    try:
        data = json.loads(text)
    except ValueError as exc:
        raise NotebookError(f"not a notebook: invalid JSON: {exc}") from None
    if not isinstance(data, dict) or not isinstance(data.get("cells"), list):
        raise NotebookError("not a notebook: no 'cells' list")
    lines: list[str] = []
    starts: list[int] = []
    for cell in data["cells"]:
        if not isinstance(cell, dict) or cell.get("cell_type") != "code":
            continue
        source = cell.get("source", "")
        if not isinstance(source, (str, list)):
            raise NotebookError("not a notebook: a code cell's source is neither text nor a list")
        body = cell_lines(source)
        first = body[0].lstrip() if body else ""
        whole_cell = first.startswith("%%") and first[2:].split(" ")[0].strip() not in PYTHON_CELL_MAGICS
        starts.append(len(lines) + 1)
        for i, line in enumerate(body):
            lines.append(_mask(line) if whole_cell or _is_ipython(line) else line)
    return NotebookSource("\n".join(lines) + ("\n" if lines else ""), starts)
