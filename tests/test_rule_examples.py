"""Every rule's VALID / INVALID examples, run through the real engine.

INVALID sources mark each line that must be reported with a trailing `# expect: CODE` comment; the
findings must be exactly those (code, line) pairs — no more, no fewer.
"""
from __future__ import annotations

import re
import textwrap

import pytest

from regr_lint.engine.lint import lint_text
from regr_lint.engine.registry import load_rules

RULES = load_rules()
EXPECT = re.compile(r"#\s*expect:\s*([A-Z]+\d+(?:\s*,\s*[A-Z]+\d+)*)")


def _cases(kind):
    for rule in RULES:
        for i, source in enumerate(getattr(rule, kind)):
            yield pytest.param(rule, textwrap.dedent(source), id=f"{rule.code}-{kind.lower()}-{i}")


def _expected(source):
    out = set()
    for lineno, line in enumerate(source.splitlines(), 1):
        m = EXPECT.search(line)
        if m:
            out.update((code.strip(), lineno) for code in m.group(1).split(","))
    return out


def test_every_rule_has_examples_and_docs():
    for rule in RULES:
        if rule.code == "RL000":
            continue
        assert rule.VALID and rule.INVALID, rule.code
        for heading in ("## What it does", "## Why is this bad?", "## Example", "## Use instead", "## Fix safety"):
            assert heading in rule.docs, (rule.code, heading)


@pytest.mark.parametrize("rule,source", list(_cases("VALID")))
def test_valid_examples_are_silent(rule, source):
    found = [(f.code, f.line) for f in lint_text(source, "example.py", RULES)]
    assert found == []


@pytest.mark.parametrize("rule,source", list(_cases("INVALID")))
def test_invalid_examples_report_exactly_the_marked_lines(rule, source):
    expected = _expected(source)
    assert any(code == rule.code for code, _ in expected), "an INVALID example must expect its own rule"
    found = {(f.code, f.line) for f in lint_text(source, "example.py", RULES)}
    assert found == expected
