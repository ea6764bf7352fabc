"""A third-party rule pack, built and installed the way a user would, reaches the linter."""
from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

from cli_helpers import CLEAN, codes, run, with_pythonpath, write

pytestmark = pytest.mark.slow

PACK_PYPROJECT = """\
[build-system]
requires = ["setuptools>=64"]
build-backend = "setuptools.build_meta"

[project]
name = "xy-keras-rules"
version = "0.3.0"

[project.entry-points."regr_lint.rules"]
XY900 = "xypack:EveryCompile"

[tool.setuptools]
py-modules = ["xypack"]
"""

# A rule built on the shared semantic model: it never walks the tree itself.
PACK_MODULE = '''
from regr_lint.rule import Rule


class EveryCompile(Rule):
    code = "XY900"
    name = "every-compile"
    summary = "Reports every compile() call (a demonstration rule pack)."
    tokens = ("keras", "compile")
    docs = "## What it does\\nReports each `compile` call.\\n"

    def check(self, facts):
        for model in facts.models:
            for comp in model.compiles:
                yield self.report(comp.node, "compile() call seen by a plugin")
'''


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = tmp_path_factory.mktemp("pack")
    write(root, "src/pyproject.toml", PACK_PYPROJECT)
    write(root, "src/xypack.py", textwrap.dedent(PACK_MODULE))
    target = root / "site"
    # --target keeps the shared venv untouched; no build isolation, so nothing is downloaded.
    res = subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--no-build-isolation",
         "--target", str(target), str(root / "src")],
        capture_output=True, text=True, timeout=300,
    )
    assert res.returncode == 0, f"installing the rule pack failed:\n{res.stdout}\n{res.stderr}"
    return with_pythonpath(target)


def test_rules_lists_the_pack(site, tmp_path):
    res = run("rules", cwd=tmp_path, env=site)
    assert res.returncode == 0, res.stderr
    [row] = [r for r in res.stdout.splitlines() if r.startswith("XY900 ")]
    assert "every-compile" in row and row.rstrip().endswith("xy-keras-rules")
    assert any(r.startswith("RL101 ") for r in res.stdout.splitlines())


def test_rule_docs_of_the_pack(site, tmp_path):
    res = run("rule", "XY900", cwd=tmp_path, env=site)
    assert res.returncode == 0 and "Reports each `compile` call." in res.stdout


def test_check_reports_the_pack_code(site, tmp_path):
    write(tmp_path, "train.py", CLEAN)
    res = run("check", "train.py", cwd=tmp_path, env=site, script=True)
    assert res.returncode == 1, res.stderr
    assert codes(res.stdout) == ["XY900"]
    assert res.stdout.startswith("train.py:4:1: XY900 ")
    # and it takes part in selection like any built-in
    assert run("check", "--ignore", "XY", "train.py", cwd=tmp_path, env=site).returncode == 0
