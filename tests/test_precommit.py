"""The hook as users get it: the README's pre-commit snippets, read from README.md and run as written
(the clone's path filled in), then the real `pre-commit run` in a project with a bug and a clean one."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest
import yaml

from cli_helpers import CLEAN, RL101_AT, RL101_BUG, write
from install_helpers import GIT, clean_env, code_blocks, git_commit_all, readme_section, sh, snapshot

pytestmark = [pytest.mark.slow, pytest.mark.skipif(GIT is None, reason="git is not installed: pre-commit needs it")]

PLACEHOLDER_PATH = "/path/to/regr-lint"


def readme_snippets() -> tuple[str, str]:
    section = readme_section("## pre-commit")
    (command,) = code_blocks(section, "bash")
    (config,) = code_blocks(section, "yaml")
    return command, config


def test_readme_snippet_names_no_release_and_no_tag():
    command, config = readme_snippets()
    repos = yaml.safe_load(config)["repos"]
    assert len(repos) == 1 and repos[0]["repo"] == PLACEHOLDER_PATH, repos
    assert [h["id"] for h in repos[0]["hooks"]] == ["regr-lint"]
    # rev comes from the command above it: a commit of the clone, not a tag nor a version.
    assert PLACEHOLDER_PATH in command and "rev-parse HEAD" in command
    assert str(repos[0]["rev"]).startswith("<") and "://" not in config


def run_pre_commit(target: Path, home: Path):
    res = sh([sys.executable, "-m", "pre_commit", "run", "--all-files", "--color", "never"], cwd=target,
             env=clean_env(PRE_COMMIT_HOME=str(home)))
    return res


def test_readme_pre_commit_snippets_as_written(tmp_path):
    clone = snapshot(tmp_path / "regr-lint")
    git_commit_all(clone)
    command, config = readme_snippets()

    # The README's command, with the clone's path, prints the rev to pin.
    printed = sh(command.replace(PLACEHOLDER_PATH, str(clone)), shell=True, cwd=tmp_path, env=clean_env(),
                 check=True).stdout.strip()
    assert len(printed) == 40, printed
    rev_placeholder = yaml.safe_load(config)["repos"][0]["rev"]
    config_text = config.replace(PLACEHOLDER_PATH, str(clone)).replace(rev_placeholder, printed)
    home = tmp_path / "pc-home"

    buggy = tmp_path / "buggy"
    write(buggy, "train.py", RL101_BUG)
    write(buggy, "notes.txt", "not python, not passed to the hook\n")
    write(buggy, ".pre-commit-config.yaml", config_text)
    git_commit_all(buggy)
    res = run_pre_commit(buggy, home)
    out = res.stdout + res.stderr
    assert res.returncode == 1, out
    assert "train.py:%d:%d: RL101" % RL101_AT in out
    assert "notes.txt" not in out  # types_or keeps non-Python files away from the hook
    assert "mutable reference" not in out  # a pinned commit, not a branch pre-commit warns about

    clean = tmp_path / "clean"
    write(clean, "train.py", CLEAN)
    write(clean, ".pre-commit-config.yaml", config_text)
    git_commit_all(clean)
    res = run_pre_commit(clean, home)
    assert res.returncode == 0, res.stdout + res.stderr
    assert "regr-lint" in res.stdout and "Passed" in res.stdout
