"""The GitHub Action and the README's CI snippets, run as written.

action.yml's steps are read from the file and run the way a runner runs a composite action's bash
steps (`bash --noprofile --norc -eo pipefail`, `${{ }}` expressions filled in, a clean virtualenv
standing for actions/setup-python, a scratch git repository for the workspace). The README's workflow
and GitLab snippets are read from README.md and their commands run the same way, with a local clone's
`file://` URL for the repository URL the README leaves to the reader. (Real venvs, real pip: slow.)"""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

from cli_helpers import CLEAN, RL101_BUG, write
from install_helpers import GIT, ROOT, clean_env, code_blocks, git_commit_all, new_venv, readme_section, sh, snapshot

pytestmark = [pytest.mark.slow, pytest.mark.skipif(GIT is None, reason="git is not installed")]

ACTION = ROOT / "action.yml"
REPO_URL = "https://github.com/<owner>/regr-lint"  # the README's placeholder for where regr-lint comes from
EXPR = re.compile(r"\$\{\{\s*(.*?)\s*\}\}")


def evaluate(expr: str, ctx: dict) -> str | bool:
    """The few GitHub expressions an action's steps here may use: a context value (github.action_path,
    github.workspace, inputs.NAME) or one compared with a string literal. Anything else fails the test,
    so action.yml cannot grow an expression this harness would run wrongly."""
    expr = expr.strip()
    m = EXPR.fullmatch(expr)
    if m:
        expr = m.group(1)
    if expr in ctx:
        return ctx[expr]
    m = re.fullmatch(r"([\w.-]+)\s*(==|!=)\s*'([^']*)'", expr)
    if m and m.group(1) in ctx:
        return (ctx[m.group(1)] == m.group(3)) == (m.group(2) == "==")
    raise AssertionError(f"expression not understood by this test: {expr!r}")


def substitute(text: str, ctx: dict) -> str:
    return EXPR.sub(lambda m: str(evaluate(m.group(1), ctx)), text)


def run_action(action_dir: Path, workspace: Path, venv: Path, inputs: dict) -> dict:
    """Run action.yml's steps in order as a runner would; {step name: CompletedProcess, or None when
    its `if` is false}. A failing step ends the job, as on GitHub."""
    action = yaml.safe_load((action_dir / "action.yml").read_text())
    assert action["runs"]["using"] == "composite"
    values = {name: str(spec.get("default", "")) for name, spec in action["inputs"].items()}
    assert set(inputs) <= set(values), f"inputs action.yml does not declare: {set(inputs) - set(values)}"
    values.update({k: str(v) for k, v in inputs.items()})
    ctx = {"github.action_path": str(action_dir), "github.workspace": str(workspace),
           **{f"inputs.{k}": v for k, v in values.items()}}
    results = {}
    for step in action["runs"]["steps"]:
        assert step.get("shell") == "bash" and "run" in step, step
        if "if" in step and not evaluate(str(step["if"]), ctx):
            results[step["name"]] = None
            continue
        env = clean_env(venv, **{k: substitute(str(v), ctx) for k, v in step.get("env", {}).items()})
        proc = sh(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", substitute(step["run"], ctx)],
                  cwd=workspace, env=env)
        results[step["name"]] = proc
        if proc.returncode != 0:
            break
    return results


def readme_action_snippet() -> tuple[str, dict]:
    (block,) = code_blocks(readme_section("### GitHub Action"), "yaml")
    steps = yaml.safe_load(block)
    assert [s.get("uses", "").split("@")[0] for s in steps] == ["actions/setup-python", "<owner>/regr-lint"], steps
    return steps[1]["uses"].split("@", 1)[1], dict(steps[1].get("with", {}))


@pytest.fixture(scope="module")
def action_checkout(tmp_path_factory) -> Path:
    """The action's repository as `uses:` checks it out."""
    return snapshot(tmp_path_factory.mktemp("action") / "regr-lint")


def test_readme_action_ref_is_a_branch_that_exists_not_a_tag():
    ref, _ = readme_action_snippet()
    assert ref == "main"
    inside = sh([GIT, "rev-parse", "--is-inside-work-tree"], cwd=ROOT, env=clean_env())
    if inside.returncode != 0:
        pytest.skip("not a git checkout: the branch cannot be looked up")
    refs = sh([GIT, "for-each-ref", "--format=%(refname)", "refs/heads/main", "refs/remotes/*/main"],
              cwd=ROOT, env=clean_env()).stdout.split()
    assert refs, "the README's `@main` names a branch this repository does not have"


def test_action_with_the_readme_inputs(action_checkout, tmp_path):
    _, inputs = readme_action_snippet()
    assert set(inputs) == {"args", "sarif"}
    venv = new_venv(tmp_path / "venv")
    work = tmp_path / "workspace"
    write(work, "src/train.py", RL101_BUG)
    write(work, "notebooks/clean.py", CLEAN)
    write(work, "other/train.py", RL101_BUG)  # not in args: never linted
    git_commit_all(work)

    steps = list(run_action(action_checkout, work, venv, inputs).items())
    assert [name for name, _ in steps] == ["Install regr-lint from this action's checkout", "SARIF report",
                                           "regr-lint check (annotations on the pull request)"]
    (_, install), (_, sarif), (_, check) = steps
    assert install.returncode == 0, install.stderr[-3000:]
    assert sarif.returncode == 0, sarif.stdout + sarif.stderr
    report = json.loads((work / inputs["sarif"]).read_text())
    results = report["runs"][0]["results"]
    assert [(r["ruleId"], r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]) for r in results] \
        == [("RL101", "src/train.py")]
    assert check.returncode == 1, check.stdout + check.stderr  # findings fail the job
    lines = [line for line in check.stdout.splitlines() if line.startswith("::")]
    assert len(lines) == 1 and re.match(r"::(error|warning) file=src/train\.py,line=4,.*title=RL101::", lines[0]), \
        check.stdout


def test_action_with_the_defaults_on_a_clean_repository(action_checkout, tmp_path):
    venv = new_venv(tmp_path / "venv")
    work = tmp_path / "workspace"
    write(work, "train.py", CLEAN)
    git_commit_all(work)
    steps = run_action(action_checkout, work, venv, {})
    assert steps["SARIF report"] is None  # sarif defaults to "": the step is skipped
    check = steps["regr-lint check (annotations on the pull request)"]
    assert check.returncode == 0, check.stdout + check.stderr
    assert "::" not in check.stdout


def test_action_inputs_are_data_not_script(action_checkout, tmp_path):
    """A pull request's text can end up in `args`: pasted into the script it would run."""
    venv = new_venv(tmp_path / "venv")
    work = tmp_path / "workspace"
    write(work, "train.py", RL101_BUG)
    git_commit_all(work)
    pwned = tmp_path / "pwned"
    steps = run_action(action_checkout, work, venv, {"args": f"train.py $(touch {pwned})",
                                                      "sarif": f"out.sarif\"; touch {pwned}; echo \""})
    assert steps["Install regr-lint from this action's checkout"].returncode == 0
    assert not pwned.exists()


# ----------------------------------------------------------------- the README's CI snippets
def readme_ci_snippets() -> list[tuple[str, object]]:
    """Every yaml snippet of the README that installs regr-lint with pip (the action's own is above)."""
    found = []
    for heading in ("### Output formats", "## CI"):
        for block in code_blocks(readme_section(heading), "yaml"):
            if "pip install" in block:
                found.append((f"{heading.lstrip('# ')}#{len(found)}", yaml.safe_load(block)))
    return found


def snippet_steps(doc) -> list[dict]:
    """A workflow's or job's steps as {'run': ...} / {'uses': ..., 'with': ...}; GitLab's script lines
    as runs, its Code Quality artifact as a final check."""
    if isinstance(doc, list):
        return doc
    if "jobs" in doc:
        return [s for job in doc["jobs"].values() for s in job["steps"]]
    (job,) = doc.values()
    steps = [{"run": line} for line in job["script"]]
    report = job.get("artifacts", {}).get("reports", {}).get("codequality")
    if report:
        steps.append({"uses": "gitlab/codequality", "with": {"file": report}})
    return steps


SNIPPETS = readme_ci_snippets()


def test_the_readme_ci_snippets_are_found_and_name_no_release():
    assert len(SNIPPETS) == 3, [name for name, _ in SNIPPETS]
    for _, doc in SNIPPETS:
        runs = [s["run"] for s in snippet_steps(doc) if "run" in s]
        installs = [r for r in runs if "pip install" in r]
        assert installs and all(f'"regr-lint @ git+{REPO_URL}@main"' in r for r in installs), installs


@pytest.fixture(scope="module")
def clone(tmp_path_factory) -> Path:
    """A clone of this repository with a `main` branch: what `git+{REPO_URL}@main` fetches."""
    path = snapshot(tmp_path_factory.mktemp("clone") / "regr-lint")
    git_commit_all(path)
    return path


@pytest.mark.parametrize("name, doc", SNIPPETS, ids=[name for name, _ in SNIPPETS])
def test_readme_ci_snippet_as_written(name, doc, clone, tmp_path):
    venv = new_venv(tmp_path / "venv")
    work = tmp_path / "workspace"
    write(work, "src/train.py", RL101_BUG)
    git_commit_all(work)
    ran_check = False
    for step in snippet_steps(doc):
        uses = step.get("uses", "")
        if uses.startswith(("actions/checkout@", "actions/setup-python@")):
            continue  # the workspace and the clean venv stand for these
        if uses.startswith("github/codeql-action/upload-sarif@"):
            sarif = json.loads((work / step["with"]["sarif_file"]).read_text())
            assert [r["ruleId"] for r in sarif["runs"][0]["results"]] == ["RL101"]
            continue
        if uses == "gitlab/codequality":
            report = json.loads((work / step["with"]["file"]).read_text())
            assert [r["check_name"] for r in report] == ["RL101"]
            continue
        assert "run" in step, f"{name}: a step this test does not know: {step}"
        # pip takes a direct URL only with a host: file://localhost/..., which git reads as the local path.
        command = step["run"].replace(REPO_URL, f"file://localhost{clone}")
        proc = sh(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", command], cwd=work,
                  env=clean_env(venv))
        out = proc.stdout + proc.stderr
        if "regr-lint check" in command and "--exit-zero" not in command:
            ran_check = True
            assert proc.returncode == 1 and "src/train.py:4:" in proc.stdout and "RL101" in proc.stdout, out[-3000:]
        else:
            assert proc.returncode == 0, f"{command}\n{out[-3000:]}"
        assert "regr-lint check" in command or "pip install" in command
    assert ran_check or any("--exit-zero" in s.get("run", "") for s in snippet_steps(doc))
