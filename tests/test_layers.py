"""The package's folders are the pipeline's stages, and a stage imports only the stages below it:
source → parse → semantic model → rules → findings → suppressions / fixes → output. Read off
CPython's tree of every module (imports inside functions count too: a lazy import is still an arrow)."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "regr_lint"

# Lowest first. Modules of one rank may import each other; `rules` is the rule modules
# (regr_lint.rules), which the engine loads through the registry's entry points, not by import.
STAGES = [
    {"knowledge", "lazy", "memory"},           # data about Keras; lazy imports; handing memory back
    {"input"},                                 # which files, with what settings; their text
    {"project"},                               # the module index of the file's project
    {"model"},                                 # the semantic model (facts)
    {"rule", "rewrite", "edits"},              # what a rule is, the nodes its fixes put in
    {"rules"},
    {"engine"},                                # rules run over a file: findings, noqa
    {"fixes"},
    {"output"},
    {"run"},                                   # settings, cache, workers: a run over many files
    {"verify", "server"},
    {"cli", "__main__"},
]
RANK = {name: rank for rank, names in enumerate(STAGES) for name in names}


def _stage(dotted: str) -> str:
    parts = dotted.split(".")
    return parts[1] if len(parts) > 1 else ""


def _imports(path: Path):
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level == 0 and (node.module or "").startswith("regr_lint"):
            if node.module == "regr_lint":
                yield from ((f"regr_lint.{a.name}", node.lineno) for a in node.names if a.name != "__version__")
            else:
                yield node.module, node.lineno
        elif isinstance(node, ast.Import):
            yield from ((a.name, node.lineno) for a in node.names if a.name.startswith("regr_lint"))


def _modules():
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(PACKAGE.parent)
        if rel.parts[1] != "rules":  # a symlink to ../rules: the rules are checked as their own stage below
            yield ".".join(rel.with_suffix("").parts), path
    for path in sorted((PACKAGE.parent / "rules").glob("*.py")):
        yield f"regr_lint.rules.{path.stem}", path


def test_every_stage_is_known():
    stages = {_stage(name) for name, _ in _modules()} - {"__init__"}
    assert stages <= set(RANK), stages - set(RANK)


@pytest.mark.parametrize("name,path", list(_modules()), ids=lambda v: v if isinstance(v, str) else "")
def test_a_stage_imports_only_the_stages_below_it(name, path):
    own = _stage(name)
    upward = [f"line {line}: {target}" for target, line in _imports(path)
              if RANK.get(_stage(target), 0) > RANK.get(own, 0)]
    assert not upward, f"{name} ({own}) imports a later stage: {upward}"


def test_the_check_sees_a_wrong_way_import(tmp_path):
    bad = tmp_path / "m.py"
    bad.write_text("def f():\n    from regr_lint.engine.lint import lint_source\n", encoding="utf-8")
    assert [t for t, _ in _imports(bad)] == ["regr_lint.engine.lint"]
    assert RANK[_stage("regr_lint.engine.lint")] > RANK[_stage("regr_lint.model.dataflow")]
