"""Every rule fixture folder, without TensorFlow: the linter reports the rule on bad.py and nothing
on fixed.py, and symptom.toml is well formed."""
from __future__ import annotations

from pathlib import Path

import pytest

from regr_lint.engine.lint import lint_file
from regr_lint.engine.registry import load_rules
from regr_lint.verify.fixtures import FixtureError, load_fixtures, run_checks, key_numbers, evaluate

ROOT = Path(__file__).resolve().parents[1] / "fixtures"
FIXTURES = load_fixtures(ROOT)
RULES = load_rules()


def test_every_rule_with_examples_has_a_fixture_folder():
    codes = {f.code for f in FIXTURES}
    assert {r.code for r in RULES if r.INVALID} <= codes


@pytest.mark.parametrize("fixture", FIXTURES, ids=lambda f: f.code)
def test_linter_reports_bad_and_not_fixed(fixture):
    assert fixture.code in [f.code for f in lint_file(str(fixture.program("bad")), RULES)]
    assert lint_file(str(fixture.program("fixed")), RULES) == []


@pytest.mark.parametrize("fixture", FIXTURES, ids=lambda f: f.code)
def test_symptom_spec_is_complete(fixture):
    assert fixture.symptom and fixture.bad.checks and fixture.fixed.checks and fixture.plots
    for side in (fixture.bad, fixture.fixed):
        for expr in side.checks + list(side.key.values()):
            compile(expr, "<symptom.toml>", "eval")


def test_checks_and_keys_over_a_result():
    result = {"loss": [3.0, 2.0, 1.0], "acc": [0.0, 0.0, 0.0]}
    assert run_checks(["max(acc) == 0", "loss[-1] < loss[0]"], result) == []
    assert run_checks(["loss[-1] > loss[0]", "nope > 1"], result)[0] == "loss[-1] > loss[0]"
    assert "NameError" in run_checks(["nope > 1"], result)[0]
    assert key_numbers({"first -> last": "(loss[0], loss[-1])", "m": "mean(loss) / 3"}, result) == {
        "first -> last": [3.0, 1.0], "m": 0.6667}


def test_checks_cannot_reach_builtins():
    with pytest.raises(FixtureError):
        evaluate("__import__('os')", {})
