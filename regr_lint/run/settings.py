"""The rules each project's configuration enables, with the command line's options on top: shared by
the command line and the language server (neither imports the other for it)."""
from __future__ import annotations

import sys

from regr_lint.engine.lint import PARSE_ERROR
from regr_lint.engine.registry import LoadedRule
from regr_lint.engine.severity import Severities, declared
from regr_lint.input.config import Config, ConfigError
from regr_lint.input.selection import Layer, SelectorError, check_known, matches, normalize, resolve
from regr_lint.rule import Rule
from regr_lint.run.cache import fingerprint


class RuleSettings:
    """The rules each configuration enables (with the command line's options on top), worked out
    once per configuration in a run."""

    def __init__(self, registry: list[LoadedRule], cli_layer: Layer):
        self.registry = registry
        self.cli_layer = cli_layer
        self.packages = {lr.rule.code: f"{lr.package}=={lr.version}" for lr in registry}
        self._by_config: dict[int, tuple[Config, list[Rule], list[str], Severities]] = {}
        self._fingerprints: dict[tuple, str] = {}
        self.defaults = {lr.rule.code: declared(lr.rule) for lr in registry}
        for lr in registry:
            value = getattr(lr.rule, "severity", None)
            if value != self.defaults[lr.rule.code]:
                print(f"regr-lint: warning: rule {lr.rule.code} from {lr.package} declares severity {value!r} "
                      f"(expected 'error' or 'warning'): it is an error", file=sys.stderr)

    def for_config(self, config: Config) -> tuple[list[Rule], list[str]]:
        """The enabled rules, and the codes dropped whatever the rules (RL000 when ignored)."""
        return self._get(config)[1:3]

    def severities(self, config: Config) -> Severities:
        return self._get(config)[3]

    def _get(self, config: Config) -> tuple:
        hit = self._by_config.get(id(config))
        if hit is None:
            layers = [config.layer, self.cli_layer]
            codes = [lr.rule.code for lr in self.registry]
            _check_config_codes(config, codes)
            enabled = resolve(codes, layers)
            rules = [lr.rule for lr in self.registry if lr.rule.code in enabled]
            # A file that cannot be parsed was not checked at all: say so even under a narrow --select
            # (as ruff does for syntax errors), unless RL000 itself is ignored.
            dropped = [PARSE_ERROR] if any(matches(s, PARSE_ERROR) for layer in layers for s in layer.ignore) else []
            severities = Severities(self.defaults, config.severity)
            # the config kept: its id stays its own
            hit = self._by_config[id(config)] = (config, rules, dropped, severities)
        return hit

    def fingerprint(self, rules: list[Rule]) -> str:
        key = tuple(r.code for r in rules)
        if key not in self._fingerprints:
            self._fingerprints[key] = fingerprint(rules, self.packages)
        return self._fingerprints[key]

    def all_rules(self) -> list[Rule]:
        """Every rule some configuration of this run enabled, in the registry's order."""
        used = {r.code for _, rules, _, _ in self._by_config.values() for r in rules}
        return [lr.rule for lr in self.registry if lr.rule.code in used]


def _check_config_codes(config: Config, codes: list[str]) -> None:
    """A configuration's codes and prefixes must each match a registered rule: a typo (`RL1O1`,
    a rule pack not installed) would otherwise switch nothing on or off and leave CI green."""
    layer = config.layer
    where = f"{config.path}: " if config.path else ""
    try:
        for key, values in (("select", layer.select or []), ("ignore", layer.ignore),
                            ("extend-select", layer.extend_select), ("severity", list(config.severity))):
            check_known(values, codes, key)
        for glob, values in config.table.get("per-file-ignores", {}).items():
            check_known(normalize(values, f"per-file-ignores {glob!r}"), codes, f"per-file-ignores {glob!r}")
    except SelectorError as exc:
        raise ConfigError(f"{where}{exc}") from None
