"""The contract every rule (built-in or from a rule pack) fulfils."""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar, Iterable

import libcst as cst

if TYPE_CHECKING:
    from regr_lint.facts import KerasFacts


@dataclass(frozen=True)
class Report:
    """A rule's raw finding: the node it points at and what to say. The engine adds the position."""

    node: cst.CSTNode
    message: str


class Rule:
    """Base class. A rule reads the shared semantic model; it never walks the tree or does I/O.

    VALID / INVALID are example sources run by the test suite. In INVALID sources each line that must
    be reported carries a trailing `# expect: CODE` comment (comments never change the analysis).
    """

    code: ClassVar[str] = ""
    name: ClassVar[str] = ""
    summary: ClassVar[str] = ""
    # The file's text must hold every one of these tokens or the rule cannot fire there.
    tokens: ClassVar[tuple[str, ...]] = ("keras",)
    docs: ClassVar[str] = ""
    VALID: ClassVar[list[str]] = []
    INVALID: ClassVar[list[str]] = []

    def check(self, facts: "KerasFacts") -> Iterable[Report]:
        raise NotImplementedError

    def report(self, node: cst.CSTNode, message: str) -> Report:
        return Report(node, message)
