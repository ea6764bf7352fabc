"""regr-lint as a user installs it: a wheel built from this checkout, installed into a clean virtualenv,
run from a directory outside the checkout. (Real build, real venv, real pip: slow.)"""
from __future__ import annotations

import importlib.metadata
import importlib.util
import json
import re
import subprocess
import sys
import sysconfig
import tarfile
import zipfile
from pathlib import Path

import pytest

from cli_helpers import CLEAN, RL101_AT, RL101_BUG, write
from install_helpers import ROOT, clean_env, code_blocks, new_venv, readme_section, sh, snapshot
from regr_lint import __version__
from regr_lint.verify.fixtures import load_fixtures

pytestmark = pytest.mark.slow

FIXTURES = load_fixtures(ROOT / "fixtures")


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    """`pip wheel --no-deps .` on a copy of the checkout, with build isolation as a user gets it."""
    tmp = tmp_path_factory.mktemp("wheel")
    src = snapshot(tmp / "src")
    sh([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", str(tmp / "dist"), "."],
       cwd=src, env=clean_env(), check=True)
    (built,) = (tmp / "dist").glob("regr_lint-*.whl")
    return built


@pytest.fixture(scope="module")
def installed(wheel, tmp_path_factory) -> Path:
    """A clean venv with the wheel and its dependencies (pip resolves them as for any user)."""
    venv = new_venv(tmp_path_factory.mktemp("venv") / "venv")
    sh([str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet", str(wheel)],
       cwd=wheel.parent, env=clean_env(venv), check=True)
    return venv


def test_the_wheel_ships_fixtures_evidence_license_and_its_version(wheel):
    assert wheel.name == f"regr_lint-{__version__}-py3-none-any.whl"
    with zipfile.ZipFile(wheel) as zf:
        names = set(zf.namelist())
        dist_info = f"regr_lint-{__version__}.dist-info"
        metadata = zf.read(f"{dist_info}/METADATA").decode()
        license_text = zf.read(f"{dist_info}/licenses/LICENSE").decode()
    expected = {f"regr_lint/fixtures/{f.folder.name}/{name}" for f in FIXTURES
                for name in ("bad.py", "fixed.py", "symptom.toml")}
    assert len(FIXTURES) >= 17 and expected <= names, sorted(expected - names)
    assert {"regr_lint/evidence.json", "regr_lint/fixtures/README.md"} <= names
    assert not any(n.startswith(("fixtures/", "rules/", "tests/")) for n in names)
    assert f"\nVersion: {__version__}\n" in metadata
    assert "\nLicense-Expression: MIT\n" in metadata and "\nLicense-File: LICENSE\n" in metadata
    assert license_text == (ROOT / "LICENSE").read_text() and license_text.startswith("MIT License")


def test_version_is_0_2_0_and_in_the_changelog():
    assert __version__ == "0.2.0"
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert re.search(rf"^## \[{re.escape(__version__)}\]", changelog, flags=re.M)


def test_installed_wheel_check_rule_version_from_outside_the_checkout(installed, tmp_path):
    lint = str(installed / "bin" / "regr-lint")
    env = clean_env(installed)
    work = tmp_path / "project"
    write(work, "train.py", RL101_BUG)
    write(work, "clean.py", CLEAN)

    where = sh([str(installed / "bin" / "python"), "-c", "import regr_lint; print(regr_lint.__file__)"],
               cwd=work, env=env, check=True).stdout.strip()
    assert Path(where).is_relative_to(installed) and not Path(where).is_relative_to(ROOT)

    res = sh([lint, "check", "train.py", "clean.py"], cwd=work, env=env)
    assert res.returncode == 1, res.stdout + res.stderr
    assert res.stdout.startswith("train.py:%d:%d: RL101 " % RL101_AT), res.stdout
    assert "clean.py" not in res.stdout
    assert sh([lint, "check", "clean.py"], cwd=work, env=env).returncode == 0

    res = sh([lint, "rule", "RL101"], cwd=work, env=env)
    assert res.returncode == 0, res.stderr
    assert res.stdout.startswith("# RL101 accuracy-on-regression\n")
    assert "What it does" in res.stdout
    assert "Verified" in res.stdout  # regr_lint/evidence.json came with the wheel

    res = sh([lint, "--version"], cwd=work, env=env)
    assert (res.returncode, res.stdout.strip()) == (0, f"regr-lint, version {__version__}")


def test_installed_verify_finds_the_shipped_fixtures_without_tensorflow(installed, tmp_path):
    """Without the `verify` extra the fixtures are found first (a missing one is named with the
    installed folder), and only then TensorFlow is asked for, with the install command."""
    lint = str(installed / "bin" / "regr-lint")
    env = clean_env(installed)
    assert sh([str(installed / "bin" / "python"), "-c", "import tensorflow"], cwd=tmp_path, env=env).returncode != 0
    res = sh([lint, "verify", "--rule", "RL101"], cwd=tmp_path, env=env)
    assert res.returncode == 2, res.stdout + res.stderr
    assert "tensorflow is not installed" in res.stderr and "pip install 'regr-lint[verify]'" in res.stderr
    res = sh([lint, "verify", "--rule", "RL999"], cwd=tmp_path, env=env)
    assert res.returncode == 2
    assert re.search(r"no fixture folder for RL999 under \S*/site-packages/regr_lint/fixtures$", res.stderr.strip())


def _third_party_view(dest: Path) -> Path:
    """This interpreter's installed packages without regr-lint itself (its editable install, dist-info
    and entry points) and without .pth hooks: symlinks in one folder, for a venv to see."""
    dest.mkdir()
    seen = set()
    for key in ("purelib", "platlib"):
        site = Path(sysconfig.get_paths()[key])
        for entry in site.iterdir():
            low = entry.name.lower()
            if entry.name in seen or low.endswith(".pth") or low.startswith(
                    ("regr_lint", "regr-lint", "__editable__", "_regr_lint", "__pycache__")):
                continue
            eps = entry / "entry_points.txt"
            if low.endswith(".dist-info") and eps.is_file() and "[regr_lint.rules]" in eps.read_text():
                continue  # a rule pack installed here would be another package's rules
            seen.add(entry.name)
            (dest / entry.name).symlink_to(entry)
    return dest


@pytest.mark.tensorflow
@pytest.mark.skipif(importlib.util.find_spec("tensorflow") is None or importlib.util.find_spec("keras") is None,
                    reason="the verify extra (TensorFlow, Keras 3) is not installed in the test interpreter")
def test_installed_wheel_verifies_rl101_on_tensorflow(wheel, tmp_path):
    """The wheel in a clean venv that sees the TensorFlow already installed for this test run (a second
    600 MB install would prove nothing more): regr-lint comes only from the wheel, and pip itself,
    without any index, finds every requirement of `regr-lint[verify]` met."""
    venv = new_venv(tmp_path / "venv")
    py = str(venv / "bin" / "python")
    env = clean_env(venv)
    sh([py, "-m", "pip", "install", "--quiet", "--no-deps", str(wheel)], cwd=tmp_path, env=env, check=True)
    view = _third_party_view(tmp_path / "third-party")
    purelib = sh([py, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                 cwd=tmp_path, env=env, check=True).stdout.strip()
    Path(purelib, "verify-extra.pth").write_text(f"{view}\n")

    res = sh([py, "-m", "pip", "install", "--no-index", f"regr-lint[verify]=={__version__}"],
             cwd=tmp_path, env=env)
    assert res.returncode == 0, res.stdout + res.stderr
    assert "Successfully installed" not in res.stdout  # nothing was missing
    dists = sh([py, "-c", "import importlib.metadata as m; print(sorted(d.locate_file('') .as_posix() "
                          "for d in m.distributions() if d.metadata['Name'] == 'regr-lint'))"],
               cwd=tmp_path, env=env, check=True).stdout
    assert dists.strip() == repr([Path(purelib).as_posix()])

    work = tmp_path / "elsewhere"
    work.mkdir()
    res = sh([str(venv / "bin" / "regr-lint"), "verify", "--rule", "RL101", "--report", "report.json"],
             cwd=work, env=env, timeout=600)
    assert res.returncode == 0, res.stdout + res.stderr
    assert re.search(r"^RL101\s+ok\s+yes\s+yes\s", res.stdout, flags=re.M), res.stdout
    assert "1 of 1 rules confirmed on TensorFlow" in res.stderr
    report = json.loads((work / "report.json").read_text())
    assert report["rules"]["RL101"]["confirmed"] is True
    assert report["versions"]["tensorflow"] == importlib.metadata.version("tensorflow-cpu" if _has("tensorflow-cpu")
                                                                          else "tensorflow")
    fixtures = sh([py, "-c", "from regr_lint.verify.fixtures import default_fixtures_dir as d; print(d())"],
                  cwd=work, env=env, check=True).stdout.strip()
    assert fixtures == str(Path(purelib) / "regr_lint" / "fixtures")


def _has(dist: str) -> bool:
    try:
        importlib.metadata.version(dist)
    except importlib.metadata.PackageNotFoundError:
        return False
    return True


def test_readme_quick_start_as_written(tmp_path):
    """The quick start's two commands, read from README.md, in a fresh copy of the checkout with the
    base Python on PATH. The second runs the whole suite; here it runs as written on one test file
    (the suite cannot run itself), which shows the `test` extra brought everything it needs."""
    (block,) = code_blocks(readme_section("## Quick start"), "bash")
    commands = block.strip().splitlines()
    assert len(commands) == 2, commands
    install_and_check, tests = commands
    clone = snapshot(tmp_path / "regr-lint")
    env = clean_env()
    res = sh(install_and_check, shell=True, cwd=clone, env=env)
    assert res.returncode == 1, res.stdout[-2000:] + res.stderr[-3000:]  # the examples have bugs
    assert "examples/alexnet_rmse.py:" in res.stdout and " RL101 " in res.stdout, res.stdout
    assert (clone / ".venv" / "bin" / "regr-lint").is_file()
    res = sh(f"{tests} -p no:cacheprovider tests/test_cli.py -k version", shell=True, cwd=clone, env=env)
    assert res.returncode == 0, res.stdout[-3000:] + res.stderr[-2000:]
    assert re.search(r"\b[1-9]\d* passed", res.stdout), res.stdout


def test_readme_install_as_written(tmp_path):
    (block,) = code_blocks(readme_section("## Install"), "bash")
    (command,) = block.strip().splitlines()
    assert "/path/to/regr-lint" in command
    clone = snapshot(tmp_path / "regr-lint")
    venv = new_venv(tmp_path / "venv")
    env = clean_env(venv)
    sh(command.replace("/path/to/regr-lint", str(clone)), shell=True, cwd=tmp_path, env=env, check=True)
    work = tmp_path / "project"
    write(work, "train.py", RL101_BUG)
    res = sh("regr-lint check train.py", shell=True, cwd=work, env=env)
    assert res.returncode == 1 and res.stdout.startswith("train.py:%d:%d: RL101 " % RL101_AT), res.stdout + res.stderr
    where = sh("command -v regr-lint", shell=True, cwd=work, env=env, check=True).stdout.strip()
    assert where == str(venv / "bin" / "regr-lint")


def test_the_sdist_carries_license_and_fixtures_into_its_wheel(tmp_path):
    """The other way a user or a packager gets a wheel: built from the sdist."""
    src = snapshot(tmp_path / "src")
    code = "import setuptools.build_meta as b, sys; print(b.build_sdist(sys.argv[1]))"
    name = sh([sys.executable, "-c", code, str(tmp_path / "sdist")], cwd=src, env=clean_env(), check=True)
    sdist = tmp_path / "sdist" / name.stdout.strip().splitlines()[-1]
    assert sdist.name == f"regr_lint-{__version__}.tar.gz"
    with tarfile.open(sdist) as tf:
        members = {m.name.split("/", 1)[1] for m in tf.getmembers() if "/" in m.name}
    assert {"LICENSE", "fixtures/RL101/bad.py", "fixtures/RL101/symptom.toml", "regr_lint/evidence.json"} <= members
    sh([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", str(tmp_path / "dist"), str(sdist)],
       cwd=tmp_path, env=clean_env(), check=True)
    (built,) = (tmp_path / "dist").glob("regr_lint-*.whl")
    with zipfile.ZipFile(built) as zf:
        names = set(zf.namelist())
    expected = {f"regr_lint/fixtures/{f.folder.name}/{n}" for f in FIXTURES for n in ("bad.py", "fixed.py", "symptom.toml")}
    assert expected <= names and "regr_lint/evidence.json" in names
    assert f"regr_lint-{__version__}.dist-info/licenses/LICENSE" in names


ADAMAX = """\
import keras
from keras.optimizers import Adamax
model = keras.Sequential([keras.layers.Dense(1)])
model.compile(loss="mse", optimizer=Adamax())
"""


def test_readme_rule_pack_as_written(wheel, tmp_path):
    """The README's rule pack: its two files as the README names them, its install command as written."""
    section = readme_section("## Writing a rule pack")
    files = {}
    for body in code_blocks(section, "python") + code_blocks(section, "toml"):
        first, rest = body.split("\n", 1)
        assert first.startswith("# mypack/"), first
        files[first[2:].strip()] = rest
    assert set(files) == {"mypack/pyproject.toml", "mypack/mypack.py"}, sorted(files)
    for rel, text in files.items():
        write(tmp_path, rel, text)
    (command,) = re.findall(r"After `(pip install [^`]+)`", section)

    venv = new_venv(tmp_path / "venv")
    env = clean_env(venv)
    sh(["pip", "install", "--quiet", str(wheel)], cwd=tmp_path, env=env, check=True)
    sh(command, shell=True, cwd=tmp_path, env=env, check=True)
    rules = sh("regr-lint rules", shell=True, cwd=tmp_path, env=env, check=True).stdout
    (row,) = [r for r in rules.splitlines() if r.startswith("XY100 ")]
    assert "no-adamax" in row and row.rstrip().endswith("mypack")
    write(tmp_path / "proj", "train.py", ADAMAX)
    res = sh("regr-lint check --select XY100 train.py", shell=True, cwd=tmp_path / "proj", env=env)
    # the README's pack declares its rule a warning: the text line says so
    assert res.returncode == 1 and re.match(r"train\.py:4:\d+: XY100 \(warning\) Adamax is banned here", res.stdout), \
        res.stdout + res.stderr
