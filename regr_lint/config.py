"""`[tool.regr-lint]` in the nearest pyproject.toml (or the file named by `--config`).

    [tool.regr-lint]
    select = ["RL1"]              # codes, prefixes or "ALL"; default: every registered rule
    ignore = ["RL103"]
    extend-select = ["XY9"]
    exclude = ["generated/", "legacy/**/*.py"]     # gitignore-style, relative to this file's directory
    per-file-ignores = { "tests/**" = ["RL2"], "__init__.py" = ["ALL"] }
    max-file-size = "10MB"        # larger files are not read (RL000); bytes, or a number with KB / MB / GB
"""
from __future__ import annotations

import os
import re
import sys
from dataclasses import dataclass, field

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on 3.10 only
    import tomli as tomllib

from regr_lint.pathmatch import PathMatcher
from regr_lint.selection import Layer, SelectorError, normalize
from regr_lint.source import DEFAULT_MAX_FILE_SIZE

SECTION = "regr-lint"
KNOWN_KEYS = {"select", "ignore", "extend-select", "exclude", "per-file-ignores", "max-file-size"}
_UNITS = {"": 1, "B": 1, "KB": 1024, "MB": 1024 ** 2, "GB": 1024 ** 3}


class ConfigError(Exception):
    """The configuration cannot be used; the message is for the user."""


@dataclass
class Config:
    path: str | None = None  # None: no config file found, defaults apply
    layer: Layer = field(default_factory=Layer)
    exclude: PathMatcher = field(default_factory=lambda: PathMatcher([], os.getcwd()))
    per_file_ignores: list[tuple[PathMatcher, list[str]]] = field(default_factory=list)
    max_file_size: int = DEFAULT_MAX_FILE_SIZE

    def ignored_codes(self, path: str) -> list[str]:
        """Selectors that per-file-ignores switch off for this file."""
        out: list[str] = []
        for matcher, selectors in self.per_file_ignores:
            if matcher.match(path):
                out.extend(selectors)
        return out


def find_config(start: str) -> str | None:
    """The nearest pyproject.toml at or above `start` that has a [tool.regr-lint] table."""
    here = os.path.abspath(start)
    while True:
        candidate = os.path.join(here, "pyproject.toml")
        if os.path.isfile(candidate):
            tool = _read(candidate).get("tool", {})
            if isinstance(tool, dict) and SECTION in tool:
                return candidate
            if not isinstance(tool, dict):
                raise ConfigError(f"{candidate}: [tool] must be a table, not {_kind(tool)}")
        parent = os.path.dirname(here)
        if parent == here:
            return None
        here = parent


def _kind(value: object) -> str:
    return {bool: "a boolean", int: "an integer", float: "a number", str: "a string", list: "an array",
            dict: "a table"}.get(type(value), type(value).__name__)


def _read(path: str) -> dict:
    try:
        with open(path, "rb") as fh:
            data = fh.read()
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror or exc}") from None
    try:
        text = data.decode("utf-8")  # TOML is UTF-8 (a UTF-16 file is refused here, not mis-read)
        return tomllib.loads(text)
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: not UTF-8 ({exc.reason} at byte {exc.start})") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    except RecursionError:  # tomllib recurses once per nested array / inline table
        raise ConfigError(f"{path}: invalid TOML: arrays or tables nested too deeply") from None


def _strings(path: str, key: str, value: object) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{path}: [tool.{SECTION}] {key} must be a list of strings")
    return value


def _byte_size(path: str, value: object) -> int:
    """`max-file-size`: a number of bytes, or a string such as "10MB", "512 KB", "1GB" (1 KB = 1024 bytes)."""
    n = None
    if isinstance(value, int) and not isinstance(value, bool):
        n = value
    elif isinstance(value, str):
        m = re.fullmatch(r"\s*(\d{1,15})\s*([KMG]?B?)\s*", value.upper())
        if m:
            n = int(m.group(1)) * _UNITS[m.group(2) if m.group(2) in _UNITS else m.group(2) + "B"]
    if n is None or n <= 0:
        raise ConfigError(f"{path}: [tool.{SECTION}] max-file-size must be a positive number of bytes "
                          f"or a string such as \"10MB\" (units: B, KB, MB, GB), not {value!r}")
    return n


def _patterns(path: str, key: str, patterns: list[str], base: str) -> PathMatcher:
    try:
        return PathMatcher(patterns, base, strict=True)
    except ValueError as exc:
        raise ConfigError(f"{path}: [tool.{SECTION}] {key}: {exc}") from None


def load_config(explicit: str | None = None, start: str | None = None) -> Config:
    """Read `explicit` (must exist) or the nearest config above `start` (default: the cwd)."""
    if explicit is not None:
        if not os.path.isfile(explicit):
            raise ConfigError(f"{explicit}: config file not found")
        path = explicit
    else:
        path = find_config(start or os.getcwd())
        if path is None:
            return Config()
    data = _read(path)
    tool = data.get("tool", {})
    if not isinstance(tool, dict):
        raise ConfigError(f"{path}: [tool] must be a table, not {_kind(tool)}")
    table = tool.get(SECTION, {})
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: [tool.{SECTION}] must be a table, not {_kind(table)}")
    unknown = sorted(set(table) - KNOWN_KEYS)
    if unknown:
        raise ConfigError(f"{path}: unknown key(s) in [tool.{SECTION}]: {', '.join(unknown)} "
                          f"(known: {', '.join(sorted(KNOWN_KEYS))})")
    base = os.path.dirname(os.path.abspath(path))
    try:
        layer = Layer(
            select=normalize(_strings(path, "select", table["select"]), "select") if "select" in table else None,
            ignore=normalize(_strings(path, "ignore", table.get("ignore", [])), "ignore"),
            extend_select=normalize(_strings(path, "extend-select", table.get("extend-select", [])),
                                    "extend-select"),
        )
        pfi = table.get("per-file-ignores", {})
        if not isinstance(pfi, dict):
            raise ConfigError(f"{path}: [tool.{SECTION}] per-file-ignores must be a table of glob = [codes]")
        per_file = [
            (_patterns(path, f"per-file-ignores.{glob!r}", [glob], base),
             normalize(_strings(path, f"per-file-ignores.{glob!r}", codes), glob))
            for glob, codes in pfi.items()
        ]
    except SelectorError as exc:
        raise ConfigError(f"{path}: {exc}") from None
    exclude = _patterns(path, "exclude", _strings(path, "exclude", table.get("exclude", [])), base)
    size = _byte_size(path, table["max-file-size"]) if "max-file-size" in table else DEFAULT_MAX_FILE_SIZE
    return Config(path, layer, exclude, per_file, size)
