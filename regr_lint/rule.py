"""The contract every rule (built-in or from a rule pack) fulfils."""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar, Iterable, Optional

from regr_lint.lazy import cst

if TYPE_CHECKING:
    from regr_lint.model import KerasFacts


@dataclass(frozen=True)
class Edit:
    """Replace `node` (found by identity in the parsed module) with `replacement`; a
    `cst.RemovalSentinel.REMOVE` replacement removes it (list elements, arguments)."""

    node: cst.CSTNode
    replacement: object  # cst.CSTNode | cst.RemovalSentinel


@dataclass(frozen=True)
class Fix:
    """A fix a rule offers with its finding. Safe fixes are applied by `--fix`; unsafe ones only
    with `--unsafe-fixes`. `imports` are modules the edits need (`math`), added when missing."""

    safe: bool
    message: str
    edits: tuple = ()
    imports: tuple = ()


@dataclass(frozen=True)
class Report:
    """A rule's raw finding: the node it points at and what to say. The engine adds the position."""

    node: cst.CSTNode
    message: str
    fix: Optional[Fix] = None
    # Where the value the node stands for is written, when it reached the node through a call's
    # arguments (`create_model(metric="accuracy")` for the `metric` in a builder's `metrics=[metric]`):
    # when the node lies in another module and this one in the linted file, the finding is here.
    written: Optional[cst.CSTNode] = None
    # The value's own token is the finding wherever it is written (RL101's metric literal in a
    # config module handed to a builder by a script), not only when the linted file holds it.
    written_first: bool = False


class Rule:
    """Base class. A rule reads the shared semantic model; it never walks the tree or does I/O.

    VALID / INVALID are example sources run by the test suite. In INVALID sources each line that must
    be reported carries a trailing `# expect: CODE` comment (comments never change the analysis).
    """

    code: ClassVar[str] = ""
    name: ClassVar[str] = ""
    summary: ClassVar[str] = ""
    # "error": the code crashes or silently trains a wrong model; "warning": it may be deliberate.
    # A project can override it per code (regr_lint.engine.severity); a rule pack's rule that does not set
    # it is an error.
    severity: ClassVar[str] = "error"
    # The file's text must hold every one of these tokens or the rule cannot fire there; an entry
    # that is a tuple is satisfied by any one of its strings.
    tokens: ClassVar[tuple] = ("keras",)
    # Identifiers the file's code itself must use (names, attributes, keywords, imports, short
    # strings; not comments or docstrings), checked on CPython's AST before libcst parses the file.
    # Same shape as `tokens`; every rule declaring them lets a file that lacks them go unparsed.
    names: ClassVar[tuple] = ()
    # Whether a finding can depend on another project module (a head built there, a loss defined
    # there): then the tokens may also be in the modules the file imports. False for a rule whose
    # every finding is a token of the file itself (a private import): its pre-check reads the file only.
    reads_other_modules: ClassVar[bool] = True
    # Whether the rule's findings all stand on a source part of which could not be read (a notebook
    # cell that does not parse: what it holds past its error is unknown). True only when each
    # finding is judged from the call or import it points at and what the names there are bound to,
    # so that unread code can hide a finding (a name it may bind is unknown) but not make one wrong.
    # A rule that reads what other statements did to an object (scaled the targets, added a layer,
    # compiled the model) keeps False, as does a rule pack's rule that does not say: its findings
    # are kept only where the unread lines bind, change or call nothing the finding's statement
    # is made of (regr_lint.engine.unread).
    reads_partial_source: ClassVar[bool] = False
    # Whether findings on code that can never run are dropped (after an unconditional raise /
    # return / continue / break in the same block; regr_lint.model.compat.unreachable): the Keras 2
    # API rules', which say a call fails on Keras 3 — a call nothing runs cannot fail.
    skips_unreachable: ClassVar[bool] = False
    docs: ClassVar[str] = ""
    VALID: ClassVar[list[str]] = []
    INVALID: ClassVar[list[str]] = []

    def check(self, facts: "KerasFacts") -> Iterable[Report]:
        raise NotImplementedError

    def applies_to(self, path: str) -> bool:
        """Whether the rule can concern a file at `path` at all (checked before any parse)."""
        return True

    def report(self, node: cst.CSTNode, message: str, fix: Optional[Fix] = None,
               written: Optional[cst.CSTNode] = None, written_first: bool = False) -> Report:
        return Report(node, message, fix, written if written is not node else None, written_first)
