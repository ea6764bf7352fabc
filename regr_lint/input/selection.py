"""Which rule codes run: `select` / `ignore` / `extend-select` with codes, prefixes or `ALL`, as ruff does.

Selections are applied in layers (defaults, then the config file, then the command line). Within one
layer the most specific selector that matches a code decides (`--select RL1 --ignore RL103` keeps RL101
but drops RL103; `--ignore RL1 --select RL101` keeps RL101); on a tie `ignore` wins. A layer that sets
`select` starts afresh; a layer that only extends or ignores edits what the earlier layers left.
"""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from typing import Iterable, Sequence

ALL = "ALL"
_SELECTOR = re.compile(r"^[A-Z]+[0-9]*$")


class SelectorError(ValueError):
    """A selector that is not a code, a code prefix or ALL."""


def normalize(selectors: Iterable[str], option: str) -> list[str]:
    """Upper-case, split comma-separated values (`--select RL1,RL2`), reject malformed selectors.

    An empty one (`--select ""`, `RL101,`, `[""]`) is refused too: it is most often a shell
    variable that expanded to nothing, and an empty `--select` would run no rule and pass."""
    out = []
    for raw in selectors:
        for part in str(raw).split(","):
            part = part.strip().upper()
            if not part:
                raise SelectorError(f"empty rule selector in {option} {str(raw)!r} (expected a code such as "
                                    f"RL101, a prefix such as RL1, or ALL)")
            if part != ALL and not _SELECTOR.match(part):
                raise SelectorError(f"invalid rule selector {part!r} in {option} (expected a code such as RL101, "
                                    f"a prefix such as RL1, or ALL)")
            out.append(part)
    return out


def matches(selector: str, code: str) -> bool:
    return selector == ALL or code.startswith(selector)


def specificity(selector: str) -> int:
    return 0 if selector == ALL else len(selector)


def best(selectors: Sequence[str], code: str) -> int | None:
    """Specificity of the most specific selector matching `code`, or None."""
    scores = [specificity(s) for s in selectors if matches(s, code)]
    return max(scores) if scores else None


@dataclass
class Layer:
    select: list[str] | None = None  # None: not set in this layer (inherit); []: explicitly nothing
    ignore: list[str] = field(default_factory=list)
    extend_select: list[str] = field(default_factory=list)


def resolve(codes: Iterable[str], layers: Sequence[Layer]) -> set[str]:
    """The enabled subset of `codes`. With no layer setting `select`, every code is enabled."""
    codes = list(codes)
    enabled = set(codes)
    for layer in layers:
        positive = (layer.select or []) + layer.extend_select
        base = set() if layer.select is not None else enabled
        nxt = set()
        for code in codes:
            on, off = best(positive, code), best(layer.ignore, code)
            if on is None and off is None:
                keep = code in base
            else:
                keep = on is not None and (off is None or on > off)
            if keep:
                nxt.add(code)
        enabled = nxt
    return enabled


def unknown(selectors: Iterable[str], codes: Iterable[str]) -> list[str]:
    """Selectors that match none of the registered codes (likely typos, or a missing rule pack)."""
    codes = list(codes)
    return [s for s in selectors if s != ALL and not any(matches(s, c) for c in codes)]


def suggest(selector: str, codes: Iterable[str]) -> str | None:
    """The registered code (or a prefix of codes, for a short selector) closest to `selector`, for
    a "did you mean" — None when nothing is close."""
    codes = sorted(set(codes))
    # A prefix is compared with prefixes of its own length: RL9 -> RL1, RLL101 -> RL101.
    candidates = sorted({c[:len(selector)] for c in codes} | set(codes))
    close = difflib.get_close_matches(selector, candidates, n=1, cutoff=0.6)
    return close[0] if close else None


def check_known(selectors: Iterable[str], codes: Iterable[str], where: str) -> None:
    """Raise SelectorError for the first selector in `selectors` that matches no code: a typo would
    otherwise switch nothing on (or off) and leave CI green. `where` names the option or key."""
    codes = list(codes)
    for bad in unknown(selectors, codes):
        hint = suggest(bad, codes)
        raise SelectorError(f"unknown rule code or prefix {bad} in {where}"
                            + (f" (did you mean {hint}?)" if hint else " (no registered rule has it: see `regr-lint rules`)"))
