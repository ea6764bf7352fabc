"""Settings, and the project each linted file belongs to.

A file's project root is the nearest directory at or above it that holds a `regr-lint.toml` or a
`pyproject.toml` with a `[tool.regr-lint]` table (its settings apply); else the nearest directory
with a `pyproject.toml`; else the git top level (the nearest directory with a `.git`, found by
walking up: git itself is never run); none of these: defaults, and the cache goes in the current
directory. `regr-lint.toml` takes the same keys at its top level (as ruff.toml does); when one
directory holds both, `regr-lint.toml` wins (as ruff.toml over pyproject.toml) and a warning says
the `[tool.regr-lint]` table beside it is not read. `[tool.regr_lint]` (underscore) is an error:
it would otherwise be silently ignored. `--config FILE` (either spelling) applies to every file,
and the cache then goes in FILE's directory.

    [tool.regr-lint]
    select = ["RL1"]              # codes, prefixes or "ALL"; default: every registered rule
    ignore = ["RL103"]
    extend-select = ["XY9"]
    exclude = ["generated/", "legacy/**/*.py"]     # gitignore-style, relative to this file's directory
    per-file-ignores = { "tests/**" = ["RL2"], "__init__.py" = ["ALL"] }
    max-file-size = "10MB"        # larger files are not read (RL000); bytes, or a number with KB / MB / GB
    unsafe-fixes = true           # the editor's fix-all (`regr-lint server`) applies unsafe fixes too
    severity = { "RL5" = "warning", "RL501" = "error" }   # per code or prefix (regr_lint.engine.severity)
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

from regr_lint.input.pathmatch import PathMatcher
from regr_lint.input.selection import Layer, SelectorError, normalize
from regr_lint.input.source import DEFAULT_MAX_FILE_SIZE

SECTION = "regr-lint"
WRONG_SECTION = "regr_lint"
PYPROJECT = "pyproject.toml"
OWN_FILE = "regr-lint.toml"
KNOWN_KEYS = {"select", "ignore", "extend-select", "exclude", "per-file-ignores", "max-file-size", "unsafe-fixes",
              "severity"}
SEVERITIES = ("error", "warning")  # regr_lint.engine.severity's (not imported: it loads the finding model)
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
    table: dict = field(default_factory=dict)  # the settings as written (for --show-settings)
    unsafe_fixes: bool = False  # `unsafe-fixes = true`: what the language server's fix-all applies
    severity: dict[str, str] = field(default_factory=dict)  # selector -> "error" / "warning"

    def ignored_codes(self, path: str) -> list[str]:
        """Selectors that per-file-ignores switch off for this file."""
        out: list[str] = []
        for matcher, selectors in self.per_file_ignores:
            if matcher.match(path):
                out.extend(selectors)
        return out


def find_config(start: str) -> str | None:
    """The configuration file in force at `start`: the nearest regr-lint.toml, or pyproject.toml with a
    [tool.regr-lint] table, at or above it."""
    return Projects().for_dir(start).config.path


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


def _strings(path: str, key: str, value: object, where: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{path}: {where}{key} must be a list of strings")
    return value


def _byte_size(path: str, value: object, where: str) -> int:
    """`max-file-size`: a number of bytes, or a string such as "10MB", "512 KB", "1GB" (1 KB = 1024 bytes)."""
    n = None
    if isinstance(value, int) and not isinstance(value, bool):
        n = value
    elif isinstance(value, str):
        m = re.fullmatch(r"\s*(\d{1,15})\s*([KMG]?B?)\s*", value.upper())
        if m:
            n = int(m.group(1)) * _UNITS[m.group(2) if m.group(2) in _UNITS else m.group(2) + "B"]
    if n is None or n <= 0:
        raise ConfigError(f"{path}: {where}max-file-size must be a positive number of bytes "
                          f"or a string such as \"10MB\" (units: B, KB, MB, GB), not {value!r}")
    return n


def _patterns(path: str, key: str, patterns: list[str], base: str, where: str) -> PathMatcher:
    try:
        return PathMatcher(patterns, base, strict=True)
    except ValueError as exc:
        raise ConfigError(f"{path}: {where}{key}: {exc}") from None


def _tool(path: str, data: dict) -> dict:
    """The [tool] table of a pyproject.toml; a [tool.regr_lint] table in it is refused."""
    tool = data.get("tool", {})
    if not isinstance(tool, dict):
        raise ConfigError(f"{path}: [tool] must be a table, not {_kind(tool)}")
    if WRONG_SECTION in tool:
        raise ConfigError(f"{path}: [tool.{WRONG_SECTION}] is not a regr-lint table: spell it "
                          f"[tool.{SECTION}] (with a hyphen)")
    return tool


def load_config(explicit: str | None = None, start: str | None = None) -> Config:
    """Read `explicit` (must exist) or the configuration in force at `start` (default: the cwd)."""
    if explicit is not None:
        if not os.path.isfile(explicit):
            raise ConfigError(f"{explicit}: config file not found")
        return read_config(explicit)
    return Projects().for_dir(start or os.getcwd()).config


def read_config(path: str, data: dict | None = None) -> Config:
    """The settings in `path`: the top level of a regr-lint.toml (or of any file `--config` names
    that has no [tool.regr-lint] table), the [tool.regr-lint] table of a pyproject.toml."""
    data = _read(path) if data is None else data
    named = os.path.basename(path)
    # Another name (`--config ci.toml`) is read as a regr-lint.toml unless it has a [tool.regr-lint].
    if named == OWN_FILE or (named != PYPROJECT and not (isinstance(data.get("tool"), dict)
                                                         and SECTION in data["tool"])):
        if "tool" in data:
            raise ConfigError(f"{path}: a {OWN_FILE} holds the settings at its top level (select = …), "
                              f"not in a [tool] table")
        return _parse(path, data, "")
    # a pyproject.toml, or a file `--config` names that holds a [tool.regr-lint] table
    return _parse(path, _tool(path, data).get(SECTION, {}), f"[tool.{SECTION}] ")


def _parse(path: str, table: object, where: str) -> Config:
    """`where` names the table in messages: "[tool.regr-lint] ", or "" for a file's top level."""
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: [tool.{SECTION}] must be a table, not {_kind(table)}")
    unknown = sorted(set(table) - KNOWN_KEYS)
    if unknown:
        raise ConfigError(f"{path}: unknown key(s) in {where.strip() or os.path.basename(path)}: "
                          f"{', '.join(unknown)} (known: {', '.join(sorted(KNOWN_KEYS))})")
    base = os.path.dirname(os.path.abspath(path))
    try:
        layer = Layer(
            select=normalize(_strings(path, "select", table["select"], where), "select") if "select" in table else None,
            ignore=normalize(_strings(path, "ignore", table.get("ignore", []), where), "ignore"),
            extend_select=normalize(_strings(path, "extend-select", table.get("extend-select", []), where),
                                    "extend-select"),
        )
        pfi = table.get("per-file-ignores", {})
        if not isinstance(pfi, dict):
            raise ConfigError(f"{path}: {where}per-file-ignores must be a table of glob = [codes]")
        per_file = [
            (_patterns(path, f"per-file-ignores.{glob!r}", [glob], base, where),
             normalize(_strings(path, f"per-file-ignores.{glob!r}", codes, where), glob))
            for glob, codes in pfi.items()
        ]
        severity = _severity(path, table.get("severity", {}), where)
    except SelectorError as exc:
        raise ConfigError(f"{path}: {exc}") from None
    exclude = _patterns(path, "exclude", _strings(path, "exclude", table.get("exclude", []), where), base, where)
    size = _byte_size(path, table["max-file-size"], where) if "max-file-size" in table else DEFAULT_MAX_FILE_SIZE
    unsafe = table.get("unsafe-fixes", False)
    if not isinstance(unsafe, bool):
        raise ConfigError(f"{path}: {where}unsafe-fixes must be true or false, not {_kind(unsafe)}")
    return Config(path, layer, exclude, per_file, size, dict(table), unsafe, severity)


def _severity(path: str, value: object, where: str) -> dict[str, str]:
    """`severity = { RL101 = "warning", RL5 = "warning" }`: a code, prefix or ALL per key."""
    if not isinstance(value, dict):
        raise ConfigError(f"{path}: {where}severity must be a table of code = \"error\" or \"warning\"")
    out: dict[str, str] = {}
    for key, level in value.items():
        if level not in SEVERITIES:
            raise ConfigError(f"{path}: {where}severity.{key}: {level!r} is not a severity "
                              f"(expected \"error\" or \"warning\")")
        if "," in key:
            raise ConfigError(f"{path}: {where}severity: one code or prefix per key, not {key!r}")
        (selector,) = normalize([key], "severity")
        if selector in out:  # "rl101" and "RL101"
            raise ConfigError(f"{path}: {where}severity: {key!r} is given twice")
        out[selector] = level
    return out


# --------------------------------------------------------------------------- projects

@dataclass(frozen=True)
class Project:
    """The project a file belongs to, and the settings that apply to it."""

    root: str | None  # absolute; None: no configuration file, pyproject.toml nor .git above the file
    found_by: str  # what made `root` the root (see Projects.for_dir), for --show-settings
    config: Config  # defaults when config.path is None
    cache_root: str  # where .regr_lint_cache/ goes


@dataclass(frozen=True)
class _Marks:
    """What one directory holds: its configuration file (if any), a pyproject.toml, a .git."""

    config: str | None
    pyproject: bool
    git: bool


class Projects:
    """Which project, and so which settings, each file belongs to.

    Every directory is looked at once per run (memoised): a walk up from a file stops at the first
    directory already resolved, or at a configuration file (nothing above it is read)."""

    def __init__(self, explicit: str | None = None, cwd: str | None = None):
        self.cwd = os.path.abspath(cwd or os.getcwd())
        self.explicit = load_config(explicit) if explicit is not None else None
        self.warnings: list[str] = []  # for the caller to print (a directory holding both spellings)
        self._default = Config()
        # directory -> (configuration file in force, nearest pyproject.toml's dir, nearest .git's dir)
        self._info: dict[str, tuple[str | None, str | None, str | None]] = {}
        self._configs: dict[str, Config] = {}
        self._data: dict[str, dict] = {}
        self._projects: dict[str, Project] = {}  # per directory

    def for_path(self, path: str) -> Project:
        """The project of a file, or of a directory itself."""
        return self.for_dir(path) if os.path.isdir(path) else self.for_file(path)

    def for_file(self, path: str) -> Project:
        return self.for_dir(os.path.dirname(os.path.abspath(path)))

    def for_dir(self, directory: str) -> Project:
        d = os.path.abspath(directory)
        project = self._projects.get(d)
        if project is None:
            config_path, pyproject, git = self._resolve(d)
            if config_path is not None:
                root = os.path.dirname(config_path)
                found_by = (OWN_FILE if os.path.basename(config_path) == OWN_FILE
                            else f"{PYPROJECT} with [tool.{SECTION}]")
            else:
                root = pyproject or git
                found_by = PYPROJECT if pyproject else ".git" if git else ""
            if self.explicit is not None:
                config, cache_root = self.explicit, os.path.dirname(os.path.abspath(self.explicit.path))
            else:
                config = self._config(config_path) if config_path else self._default
                cache_root = root or self.cwd
            project = self._projects[d] = Project(root, found_by, config, cache_root)
        return project

    def _resolve(self, d: str) -> tuple[str | None, str | None, str | None]:
        known = self._info.get(d)
        if known is not None:
            return known
        chain: list[tuple[str, _Marks]] = []
        above: tuple[str | None, str | None, str | None] = (None, None, None)
        probe = d
        while True:
            marks = self._marks(probe)
            chain.append((probe, marks))
            if marks.config:
                break  # the nearest configuration file wins: nothing above it matters
            parent = os.path.dirname(probe)
            if parent == probe:
                break
            probe = parent
            if probe in self._info:
                above = self._info[probe]
                break
        info = above
        for probe, marks in reversed(chain):
            if marks.config:
                info = (marks.config, None, None)
            else:
                info = (info[0], probe if marks.pyproject else info[1], probe if marks.git else info[2])
            self._info[probe] = info
        return info

    def _marks(self, d: str) -> _Marks:
        pyproject = os.path.join(d, PYPROJECT)
        own = os.path.join(d, OWN_FILE)
        has_pyproject, config = os.path.isfile(pyproject), None
        if has_pyproject:
            try:
                data = _read(pyproject)
            except ConfigError:
                if self.explicit is None:
                    raise
                # `--config FILE` gives every file its settings: another pyproject.toml only marks a
                # root, and one that does not parse (a template) stops nothing
                data = {}
            if SECTION in _tool(pyproject, data):
                config = pyproject
                self._data[pyproject] = data  # parsed once; read as settings only if it is used
        if os.path.isfile(own):
            if config:
                self.warnings.append(f"{d} holds both {OWN_FILE} and a {PYPROJECT} with [tool.{SECTION}]: "
                                     f"{OWN_FILE} is used, the [tool.{SECTION}] table is not read")
            config = own
        return _Marks(config, has_pyproject, os.path.exists(os.path.join(d, ".git")))

    def _config(self, path: str) -> Config:
        config = self._configs.get(path)
        if config is None:
            config = self._configs[path] = read_config(path, self._data.pop(path, None))
        return config
