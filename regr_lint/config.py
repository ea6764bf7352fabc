"""`[tool.regr-lint]` in the nearest pyproject.toml (or the file named by `--config`).

    [tool.regr-lint]
    select = ["RL1"]              # codes, prefixes or "ALL"; default: every registered rule
    ignore = ["RL103"]
    extend-select = ["XY9"]
    exclude = ["generated/", "legacy/**/*.py"]     # gitignore-style, relative to this file's directory
    per-file-ignores = { "tests/**" = ["RL2"], "__init__.py" = ["ALL"] }
"""
from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on 3.10 only
    import tomli as tomllib

from regr_lint.pathmatch import PathMatcher
from regr_lint.selection import Layer, SelectorError, normalize

SECTION = "regr-lint"
KNOWN_KEYS = {"select", "ignore", "extend-select", "exclude", "per-file-ignores"}


class ConfigError(Exception):
    """The configuration cannot be used; the message is for the user."""


@dataclass
class Config:
    path: str | None = None  # None: no config file found, defaults apply
    layer: Layer = field(default_factory=Layer)
    exclude: PathMatcher = field(default_factory=lambda: PathMatcher([], os.getcwd()))
    per_file_ignores: list[tuple[PathMatcher, list[str]]] = field(default_factory=list)

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
        if os.path.isfile(candidate) and SECTION in _read(candidate).get("tool", {}):
            return candidate
        parent = os.path.dirname(here)
        if parent == here:
            return None
        here = parent


def _read(path: str) -> dict:
    try:
        with open(path, "rb") as fh:
            return tomllib.load(fh)
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror or exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None


def _strings(path: str, key: str, value: object) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{path}: [tool.{SECTION}] {key} must be a list of strings")
    return value


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
    table = data.get("tool", {}).get(SECTION, {})
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: [tool.{SECTION}] must be a table")
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
            (PathMatcher([glob], base), normalize(_strings(path, f"per-file-ignores.{glob!r}", codes), glob))
            for glob, codes in pfi.items()
        ]
    except SelectorError as exc:
        raise ConfigError(f"{path}: {exc}") from None
    exclude = PathMatcher(_strings(path, "exclude", table.get("exclude", [])), base)
    return Config(path, layer, exclude, per_file)
