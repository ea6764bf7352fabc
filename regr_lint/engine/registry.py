"""Rules come from the `regr_lint.rules` entry-point group; built-ins use the same door as rule packs."""
from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from importlib.metadata import entry_points

from regr_lint.rule import Rule

GROUP = "regr_lint.rules"
OWN_DIST = "regr-lint"


@dataclass(frozen=True)
class LoadedRule:
    rule: Rule
    package: str  # the distribution that declared the entry point, for `regr-lint rules`
    version: str = "?"  # its version (part of the result cache's key)


def _warn(message: str) -> None:
    print(f"regr-lint: warning: {message}", file=sys.stderr)


def _dist_info(ep, seen: dict) -> tuple[str, str]:
    """(name, version) of the distribution that declares `ep`. Each read of a distribution's
    metadata parses its METADATA file, so it is read once per distribution."""
    dist = getattr(ep, "dist", None)
    if dist is None:
        return "?", "?"
    if id(dist) not in seen:
        meta = dist.metadata
        seen[id(dist)] = (dist, (meta["Name"] or "?", meta["Version"] or "?"))
    return seen[id(dist)][1]


def _canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def load_registry() -> list[LoadedRule]:
    """Every loadable rule, one per code, sorted by code.

    A broken plugin must not take the linter down with it: it is reported once on stderr and skipped.
    """
    by_code: dict[str, LoadedRule] = {}
    # "First" means: the built-ins, then rule packs in sys.path order, so a pack cannot shadow a built-in.
    seen: dict = {}
    eps = sorted(entry_points(group=GROUP), key=lambda ep: _canonical(_dist_info(ep, seen)[0]) != OWN_DIST)
    for ep in eps:
        dist, version = _dist_info(ep, seen)
        where = f"plugin {ep.name!r} ({ep.value}) from {dist}"
        try:
            obj = ep.load()
        except Exception as exc:  # noqa: BLE001 - any import-time failure of third-party code
            _warn(f"cannot load {where}: {type(exc).__name__}: {exc}")
            continue
        if not (isinstance(obj, type) and issubclass(obj, Rule)):
            _warn(f"ignoring {where}: not a subclass of regr_lint.rule.Rule")
            continue
        if not obj.code:
            _warn(f"ignoring {where}: the rule declares no code")
            continue
        if obj.code in by_code:
            _warn(f"ignoring {where}: code {obj.code} is already provided by {by_code[obj.code].package}")
            continue
        try:
            rule = obj()
        except Exception as exc:  # noqa: BLE001
            _warn(f"cannot instantiate {where}: {type(exc).__name__}: {exc}")
            continue
        by_code[obj.code] = LoadedRule(rule, dist, version)
    return [by_code[c] for c in sorted(by_code)]


def load_rules() -> list[Rule]:
    return [lr.rule for lr in load_registry()]
