"""Where a run reports a finding whose token lies in another project module than the file it was
found from (a sigmoid head in models.py, wrong because train.py compiles with `loss="mse"`).

The engine places such a finding twice (regr_lint.engine.finding.Finding.reported_from / via): at its token
in the other module, and in the linted file at the use of the name that brings the other module's
part in. Only the run knows which files it lints, so the choice is made here, after every file's
findings are in (from workers and the cache alike): the token's place when the run lints that module
too — once, however many files found it — else the linted file's place, whose message names the
token's `path:line` (pre-commit passes only the changed files)."""
from __future__ import annotations

import dataclasses
import os
from typing import Callable, Iterable, Optional

from regr_lint.engine.finding import Finding


def _key(path: str) -> str:
    return os.path.normcase(os.path.realpath(path))


def resolve(findings: Iterable[Finding], linted: Iterable[str],
            ignored: Optional[Callable[[str, str], bool]] = None) -> list[Finding]:
    """`findings` with each cross-module finding in the place this run reports it. `linted`: the
    files of the run as shown; `ignored(path, code)`: the per-file settings of a linted file say
    `code` is off there (a finding moved into another linted file obeys that file's settings)."""
    shown = {}
    for path in linted:
        shown.setdefault(_key(path), path)
    findings = list(findings)
    out: list[Finding] = []
    # what the files report themselves: an importer's finding at the same token is that one (a
    # module's lint reads the scripts beside it, its lint "by itself" does not: both can find it)
    seen: set = {(_key(f.path), f.line, f.col, f.code) for f in findings if not f.reported_from}
    for f in findings:
        if not f.reported_from:
            out.append(f)
            continue
        target = shown.get(_key(f.path))
        if target is not None:
            placed = dataclasses.replace(f, path=target, reported_from="", via=None)
            if ignored is not None and ignored(target, f.code):
                continue
        elif f.via is not None:
            placed = f.via
            if ignored is not None and ignored(placed.path, f.code):
                continue  # the per-file settings of the file it is brought into
        else:
            continue  # suppressed where the linted file brings it in
        key = (_key(placed.path), placed.line, placed.col, placed.code)
        if target is None:
            # brought in at one place, two tokens of the other module (`samples_per_epoch=` and
            # `nb_epoch=` on one call there): two findings, each naming its own token
            key += (f.path, f.line, f.col)
        if key not in seen:
            seen.add(key)
            out.append(placed)
    return out
