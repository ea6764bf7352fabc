"""`verify` runs only what it ships, and `python -m regr_lint` imports nothing from where it runs.
None of these needs TensorFlow: the checks are refused, and the planted programs are not found,
before any program runs (the runs themselves are in test_verify_tensorflow.py)."""
from __future__ import annotations

import math
import subprocess
import sys
import textwrap
import zipfile
from pathlib import Path

import pytest

from cli_helpers import RL101_BUG, codes, run, write
from regr_lint.verify.fixtures import (HELPERS, CheckError, FixtureError, default_fixtures_dir, evaluate,
                                       load_fixture, load_fixtures, run_checks)

REPO = Path(__file__).resolve().parents[1]
FIXTURES = load_fixtures(REPO / "fixtures")


def old_eval(expr, result):
    """What symptom checks were evaluated with before: Python's eval without builtins."""
    return eval(compile(expr, "<symptom.toml>", "eval"), {"__builtins__": {}}, {**HELPERS, **result})  # noqa: S307


def outcome(fn, expr, result):
    try:
        value = fn(expr, result)
    except Exception as exc:  # noqa: BLE001
        return ("raises", type(exc).__name__)
    return ("nan",) if isinstance(value, float) and math.isnan(value) else ("value", value)


@pytest.mark.parametrize("fixture", FIXTURES, ids=lambda f: f.code)
def test_every_symptom_expression_evaluates_as_eval_did(fixture):
    """Every check and key of every fixture, over every recorded result (its own side's, where the
    checks hold, and every other program's, where many fail or name missing measurements)."""
    own = {side: RECORDED[f"{fixture.code}/{side}"] for side in ("bad", "fixed")}
    for side in ("bad", "fixed"):
        spec = fixture.side(side)
        assert run_checks(spec.checks, own[side]) == [], (fixture.code, side)
        for expr in spec.checks + list(spec.key.values()):
            for name, result in RECORDED.items():
                assert outcome(evaluate, expr, result) == outcome(old_eval, expr, result), (expr, name)


def test_python_semantics_the_checks_rely_on():
    r = {"x": [3.0, 2.0, 1.0], "s": "abcdef", "n": None, "z": 0}
    for expr in ["x[-1] < x[0] < 4", "n is None and 'cd' in s", "z or x[0]", "x and z", "not x",
                 "s[1:4:2] + '!'", "s[:2] if x else 'none'", "(x[0], [x[1], -x[2]])", "7 // 2 % 3 ** 2",
                 "max(x) - min(x) / 2", "mean(x)", "round(mean(x), 1)", "isclose(1.0, 1.0 + 1e-12)",
                 "sum(x, 1.0)", "max(x, default=0)", "abs(-z) == 0", "x[0] != 3.0 or s not in 'xyz'",
                 "len(s) * [0]", "n is not None"]:
        assert outcome(evaluate, expr, r) == outcome(old_eval, expr, r), expr
    assert outcome(evaluate, "1 / z", r) == ("raises", "ZeroDivisionError")


ATTACKS = [
    "__import__('os').system('touch {marker}')",
    "().__class__.__base__.__subclasses__()",
    "[c for c in ().__class__.__base__.__subclasses__() if c.__name__ == 'Popen'][0]('touch {marker}', shell=True)",
    "(lambda: __import__('os').system('touch {marker}'))()",
    "open('{marker}', 'w')",
    "exec(\"open('{marker}', 'w')\")",
    "[x for x in loss]",
    "{{k: 1 for k in loss}}",
    "(x := 1)",
    "loss.__class__",
    "max(*loss)",
    "max(**loss)",
    "f'{{loss}}'",
    "loss[0](1)",
    "b'bytes'",
    "1j",
    "...",
    "(" * 300 + "1" + ")" * 300,
    "-" * 200 + "1",
    "1; 2",
    "import os",
    "x" * 5000,
]


@pytest.mark.parametrize("attack", ATTACKS)
def test_attacks_are_refused_and_never_run(tmp_path, attack):
    marker = tmp_path / "X"
    expr = attack.format(marker=marker)
    with pytest.raises(CheckError):
        evaluate(expr, {"loss": [1.0, 2.0]})
    assert "CheckError" in run_checks([expr], {"loss": [1.0]})[0]
    assert not marker.exists()


HUGE = ["9**9**9", "2 ** 100000", "(-7) ** 10**8", "'a' * 10**9", "[0] * 10**9", "10**7 * 'ab'",
        "'%*d' % (10**9, 1)", "sum([[0] * 10**6] * 10**6, [])", "[[0] * 10**6] * 10**6 == [[0] * 10**6] * 10**6"]


def test_huge_values_are_refused_not_computed():
    # a generous timeout instead of a clock: computing any of these takes minutes or gigabytes
    code = f"from regr_lint.verify.fixtures import run_checks\nfor e in {HUGE!r}: print(run_checks([e], {{}}))"
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    assert len(lines) == len(HUGE) and all("Error" in line for line in lines), proc.stdout


def test_small_powers_and_repetitions_still_work():
    assert evaluate("2 ** 64 + (-1) ** 10**100 + 0 ** 10**9", {}) == 2 ** 64 + 1
    assert evaluate("1.5 ** 2", {}) == 2.25 and evaluate("2 ** -2", {}) == 0.25
    assert evaluate("'ab' * 3", {}) == "ababab"


def plant_fixture(root: Path, code: str, marker: Path, checks: str = '["True"]') -> Path:
    program = f"open({str(marker)!r}, 'w').close()\nRESULT = {{'x': 1}}\n"
    write(root, f"{code}/bad.py", program)
    write(root, f"{code}/fixed.py", program)
    write(root, f"{code}/symptom.toml", f'rule = "{code}"\nsymptom = "planted"\n'
          f'[bad]\nchecks = {checks}\n[fixed]\nchecks = ["True"]\n')
    return root / code


def test_a_refused_check_names_the_file_and_the_expression(tmp_path):
    folder = plant_fixture(tmp_path, "XX001", tmp_path / "ran", checks="[\"x > 0\", \"__import__('os')\"]")
    with pytest.raises(FixtureError) as err:
        load_fixture(folder)
    message = str(err.value)
    assert str(folder / "symptom.toml") in message and "[bad] check \"__import__('os')\"" in message
    assert "may be called" in message
    write(tmp_path, "XX001/symptom.toml", '[bad]\nkey = { "k" = "loss.__class__" }\n')
    assert "[bad] key 'k' 'loss.__class__' is refused: Attribute is not allowed" in str(
        pytest.raises(FixtureError, load_fixture, folder).value)
    for bad_toml in ("[bad]\nchecks = \"x > 0\"\n", "bad = 5\n", "[bad]\nchecks = [5]\n", b"\xff\xfe[bad]"):
        write(tmp_path, "XX001/symptom.toml", bad_toml)
        with pytest.raises(FixtureError, match="symptom.toml"):
            load_fixture(folder)


def test_verify_refuses_a_malicious_symptom_toml_before_running_anything(tmp_path):
    marker, ran = tmp_path / "pwned", tmp_path / "ran"
    plant_fixture(tmp_path / "fx", "XX001", ran,
                  checks=f"[\"().__class__.__base__.__subclasses__()[0]('touch {marker}')\"]")
    proc = run("verify", "--fixtures", str(tmp_path / "fx"), cwd=tmp_path)
    assert proc.returncode == 2, proc.stdout + proc.stderr
    assert "XX001/symptom.toml: [bad] check" in proc.stderr and "is refused: only abs, min" in proc.stderr
    assert "Traceback" not in proc.stderr
    assert not marker.exists() and not ran.exists()


def test_the_default_fixtures_are_the_package_s_own_never_the_working_directory_s(tmp_path):
    plant_fixture(tmp_path / "fixtures", "RL101", tmp_path / "ran")
    plant_fixture(tmp_path / "fixtures", "RL999", tmp_path / "ran")
    code = "from regr_lint.verify.fixtures import default_fixtures_dir; print(default_fixtures_dir())"
    proc = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert Path(proc.stdout.strip()).resolve() == (REPO / "fixtures").resolve() == default_fixtures_dir().resolve()
    # The planted RL999 is not there to run: nothing runs, with or without TensorFlow installed.
    proc = run("verify", "--rule", "RL999", cwd=tmp_path)
    assert proc.returncode == 2, proc.stdout + proc.stderr
    assert "no fixture folder for RL999 under" in proc.stderr and str(tmp_path) not in proc.stderr
    assert not (tmp_path / "ran").exists()


@pytest.mark.slow
def test_a_built_wheel_ships_every_fixture_and_finds_them_installed(tmp_path):
    """A non-editable install: build the wheel from a copy of the sources (the checkout stays free
    of build/ and *.egg-info), check its file list, install it into a folder and look them up."""
    src = tmp_path / "src"
    src.mkdir()
    for name in ("pyproject.toml", "README.md", "LICENSE"):
        (src / name).write_bytes((REPO / name).read_bytes())
    import shutil

    for name in ("regr_lint", "rules", "fixtures"):
        shutil.copytree(REPO / name, src / name, ignore=shutil.ignore_patterns("__pycache__"))
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check", "-q"]
    proc = subprocess.run([*pip, "wheel", "--no-deps", "--no-build-isolation", "-w", str(tmp_path / "whl"), str(src)],
                          capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr
    (wheel,) = (tmp_path / "whl").glob("regr_lint-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    expected = {f"regr_lint/fixtures/{f.folder.name}/{name}" for f in FIXTURES
                for name in ("bad.py", "fixed.py", "symptom.toml")}
    assert len(expected) == 3 * len(FIXTURES) >= 30
    assert expected <= names, sorted(expected - names)
    assert "regr_lint/fixtures/README.md" in names
    assert not any(n.startswith(("fixtures/", "rules/")) for n in names)

    target = tmp_path / "site"
    proc = subprocess.run([*pip, "install", "--no-deps", "--no-compile", "--target", str(target), str(wheel)],
                          capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr
    code = textwrap.dedent(f"""
        import sys
        sys.path.insert(0, {str(target)!r})
        from regr_lint.verify.fixtures import default_fixtures_dir, load_fixtures
        print(default_fixtures_dir())
        print(" ".join(f.code for f in load_fixtures(default_fixtures_dir())))
        """)
    proc = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    where, found = proc.stdout.splitlines()
    assert Path(where) == target / "regr_lint" / "fixtures"
    assert found.split() == [f.code for f in FIXTURES]


PLANTED = {"click.py", "libcst.py", "dataclasses.py", "typing_extensions.py"}


def test_python_m_regr_lint_imports_nothing_from_the_linted_folder(tmp_path):
    for name in PLANTED:
        write(tmp_path, name, f"open({str(tmp_path / ('imported-' + name))!r}, 'w').close()\n")
    write(tmp_path, "libcst/__init__.py", f"open({str(tmp_path / 'imported-libcst-pkg')!r}, 'w').close()\n")
    write(tmp_path, "train.py", RL101_BUG)
    proc = run("check", "--no-cache", ".", cwd=tmp_path)  # sys.path[0] is tmp_path under -m
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert codes(proc.stdout) == ["RL101"]
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("imported-")) == []


def test_python_m_regr_lint_from_the_source_checkout_itself():
    proc = run("check", "--no-cache", "fixtures/RL101/bad.py", "fixtures/RL101/fixed.py", cwd=REPO)
    assert proc.returncode == 1 and codes(proc.stdout) == ["RL101"], proc.stdout + proc.stderr


# Measurements recorded from the fixture programs on TensorFlow 2.21 / Keras 3.15 (`verify`'s worker);
# lists longer than 16 numbers cut to their first six plus their min and max, floats to 7 digits.
RECORDED = {'RL101/bad': {'loss': [8.528687, 3.173051, 0.8297194, 0.3656776, 0.1960801, 0.1305319, 0.1034532, 0.08781084,
                        0.07829606, 0.07142816, 0.06563698, 0.06049065],
               'accuracy': [0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0],
               'metric_classes': ['BinaryAccuracy']},
 'RL101/fixed': {'loss': [8.528687, 3.173051, 0.8297194, 0.3656776, 0.1960801, 0.1305319, 0.1034532,
                          0.08781084, 0.07829606, 0.07142816, 0.06563698, 0.06049065],
                 'mae': [2.312795, 1.336619, 0.6475191, 0.460402, 0.3418498, 0.2781923, 0.2499454, 0.2306901,
                         0.2176945, 0.207653, 0.1993427, 0.1915746]},
 'RL102/bad': {'loss': [2753.362, 2731.182, 2721.802, 2718.89, 2718.075, 2717.799, 2717.676, 2717.607,
                        2717.563, 2717.533, 2717.511, 2717.494, 2717.481, 2717.47, 2717.462],
               'pred': [0.999615, 0.9998181, 0.9998023, 0.9997525, 0.9995565, 0.9973087, 0.9948804,
                        0.9999629],
               'target': [47.63955, 82.17374, 69.58414, 49.21363, 69.81739, 11.38731, 9.151567, 92.63267],
               'floor': 2717.399},
 'RL102/fixed': {'loss': [2755.859, 2587.37, 2325.491, 1946.219, 1476.585, 982.6942, 545.8674, 231.4455,
                          65.34975, 12.29982, 5.637732, 5.127577, 4.488487, 4.121984, 3.819741],
                 'pred': [48.85764, 83.287, 71.5982, 49.36, 69.688, 17.3312, 14.47328, 97.48187],
                 'target': [47.63955, 82.17374, 69.58414, 49.21363, 69.81739, 11.38731, 9.151567, 92.63267],
                 'floor': 2717.399},
 'RL103/bad': {'loss': [0.6862367, 0.4969361, 0.3498732, 0.2324792, 0.159534, 0.1191127, 0.09516256,
                        0.08040104, 0.07022113, 0.06284592],
               'pred': [0.9999999, 0.9999999, 0.9999999, 0.9999999, 0.9999999, 0.9999999, 0.9999999,
                        0.9999999],
               'accuracy': 0.5058594,
               'positive_rate': 0.5058594,
               'warnings': ['UserWarning: You are using a softmax over axis -1 of a tensor of shape (32, 1). '
                            'This axis has size 1. The softmax operation will always return the value 1, '
                            'which is likely not what you intended. Did you mean to use a sigmoid instead?',
                            'UserWarning: You are using a softmax over axis -1 of a tensor of shape (32, 1). '
                            'This axis has size 1. The softmax operation will always return the value 1, '
                            'which is likely not what you intended. Did you mean to use a sigmoid instead?',
                            'UserWarning: You are using a softmax over axis -1 of a tensor of shape (32, 1). '
                            'This axis has size 1. The softmax operation will always return the value 1, '
                            'which is likely not what you intended. Did you mean to use a sigmoid instead?']},
 'RL103/fixed': {'loss': [0.6862367, 0.4969361, 0.3498732, 0.2324792, 0.159534, 0.1191127, 0.09516256,
                          0.08040104, 0.07022113, 0.06284592],
                 'pred': [0.5742044, 0.9999847, 7.861816e-07, 0.9994791, 0.998238, 0.0003333668, 4.250708e-09,
                          1.0],
                 'accuracy': 0.9902344,
                 'positive_rate': 0.5058594,
                 'warnings': []},
 'RL104/bad': {'loss': [8.603834, 16.07088, 16.08662, 16.08662, 16.08662, 16.08662, 16.08662, 16.08662], 'accuracy': 0.0},
 'RL104/fixed': {'loss': [0.3687856, 0.02603145, 0.01709221, 0.0137912, 0.01159965, 0.009808681, 0.00842399, 0.007228708], 'accuracy': 1.0},
 'RL105/bad': {'loss': [0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0], 'pred': [2.964121e-33, 6.3367e-05, 0.0, 0.001765585, 7.473353e-13, 0.0, 0.0, 0.0006047353], 'accuracy': 0.4941406, 'majority_rate': 0.5058594, 'warnings': []},
 'RL105/fixed': {'loss': [0.6862367, 0.4969361, 0.3498732, 0.2324792, 0.159534, 0.1191127, 0.09516256, 0.08040104], 'pred': [0.5742044, 0.9999847, 7.861816e-07, 0.9994791, 0.998238, 0.0003333668, 0.006050997, 0.9999549], 'accuracy': 0.9902344, 'majority_rate': 0.5058594, 'warnings': []},
 'RL106/bad': {'loss': [0.9469303, 0.591075, 0.5140997, 0.5075682, 0.5034431, 0.5013705, 0.500448,
                       0.4999062, 0.4996153, 0.4994192, 0.4992669, 0.499158, 0.4990783, 0.4990109,
                       0.498962, 0.4989286, 0.4988959, 0.4988519, 0.4988314, 0.4988108, 0.4987819,
                       0.4987696, 0.4987519, 0.498746, 0.4987484, 0.4987226, 0.4987033, 0.4986881,
                       0.4986748, 0.4986662],
              'pred': [1.114537, 0.1277059, 0.0, 1.675336, 0.9893156, 0.0, 0.950851, 0.1960851],
              'target': [1.200688, 0.1532832, -0.9529676, 1.692513, 0.9482923, -0.5528766, 0.9659036,
                         0.1992903],
              'zero_share': 0.5039062,
              'r2': 0.5013697},
 'RL106/fixed': {'loss': [0.5470654, 0.06233134, 0.02972136, 0.01156588, 0.006872215, 0.005551416,
                         0.004573055, 0.003997129, 0.003532951, 0.003205222, 0.002938372, 0.002692305,
                         0.002476415, 0.002290175, 0.002128641, 0.001980028, 0.001843139, 0.001718278,
                         0.001608897, 0.001505634, 0.001415415, 0.001338082, 0.001267615, 0.001197883,
                         0.001134069, 0.001075154, 0.001026106, 0.0009787588, 0.0009362468,
                         0.0009007017],
                'pred': [1.110317, 0.1279477, -0.910135, 1.715422, 0.9699459, -0.5309478, 0.9901723,
                         0.1878933],
                'target': [1.200688, 0.1532832, -0.9529676, 1.692513, 0.9482923, -0.5528766, 0.9659036,
                           0.1992903],
                'zero_share': 0.0,
                'r2': 0.9990026},
 'RL201/bad': {'loss': [1.009906, 0.9170511, 0.8844618, 0.8771659, 0.8751742, 0.8743291, 0.8737226, 0.8733169,
                        0.8730322, 0.872811, 0.8726259, 0.8724771],
               'val_loss': [2.567555, 2.695817, 2.686821, 2.671606, 2.677179, 2.670888, 2.672547, 2.672883,
                            2.673883, 2.673992, 2.673209, 2.673294],
               'target_shape': [32, 8],
               'output_shape': [32, 1]},
 'RL201/fixed': {'loss': [2.24989, 0.3808125, 0.1255835, 0.05219435, 0.02835298, 0.02014542, 0.01601101,
                          0.01400937, 0.0123963, 0.01112368, 0.01001161, 0.009028428],
                 'val_loss': [0.865222, 0.1923145, 0.08823218, 0.03977543, 0.0223865, 0.01715485, 0.01428278,
                              0.01282261, 0.01177466, 0.01090578, 0.01007237, 0.00926788],
                 'target_shape': [32, 1],
                 'output_shape': [32, 1]},
 'RL202/bad': {'steps_per_epoch': 15.625,
               'loss': [],
               'error_type': 'TypeError',
               'error': "'float' object cannot be interpreted as an integer"},
 'RL202/fixed': {'steps_per_epoch': 16,
                 'loss': [6.80534, 2.699485, 0.9750935, 0.4708481, 0.2281074, 0.1426423, 0.1051988,
                          0.08966967],
                 'error_type': None,
                 'error': None},
 'RL301/bad': {'loss': [13.3616, 13.2847, 13.28351, 13.27738, 13.27049, 13.26566, 13.26325, 13.26029,
                        13.25743, 13.2548, 13.25307, 13.25102],
               'val_loss': [14.5048, 14.46049, 14.43874, 14.43205, 14.43168, 14.43418, 14.43748, 14.43881,
                            14.43874, 14.43784, 14.43742, 14.43687],
               'output_shape': [32, 14, 1],
               'target_shape': [32, 1],
               'target_var': 14.65359,
               'target': [0.330626, -2.578029, 9.704476, -2.565657, 4.432034, 0.2622447, -12.98956, 13.26099],
               'pred': [-0.346291, -0.1668204, 0.01873221, -0.1633516, -0.2187595, -0.160027, -1.54002,
                        0.3561157]},
 'RL301/fixed': {'loss': [10.35596, 5.152748, 1.454981, 0.78669, 0.3950643, 0.2466708, 0.1566388, 0.115149,
                          0.09812849, 0.08552019, 0.0774729, 0.06875259],
                 'val_loss': [8.379097, 3.063567, 0.8327001, 0.4704413, 0.288403, 0.1859971, 0.1424109,
                              0.126141, 0.1174092, 0.109331, 0.09862581, 0.09029225],
                 'output_shape': [32, 1],
                 'target_shape': [32, 1],
                 'target_var': 14.65359,
                 'target': [0.330626, -2.578029, 9.704476, -2.565657, 4.432034, 0.2622447, -12.98956,
                            13.26099],
                 'pred': [0.1890684, -2.393928, 9.957375, -2.330495, 4.523016, 0.5935217, -12.4666,
                          12.89354]},
 'RL302/bad': {'loss': [0.296849, 0.2401621, 0.2258667, 0.2266335, 0.2213479, 0.2159538, 0.2165396, 0.2162897,
                        0.2157885, 0.2150531, 0.2145955, 0.2143551, 0.2142259, 0.2141251, 0.2140272,
                        0.2139345, 0.2138481, 0.2137685, 0.2136954, 0.2136283],
               'pred': [0.06578955, 0.4658971, 0.04376223, 0.1115542, 0.2900913, 0.4153806, 0.5831476,
                        0.2607276],
               'target': [0.2076466, 0.706309, 0.2589324, -0.1121139, 0.4479913, 0.7218173, 0.1104094,
                          0.1844704],
               'r2': 0.1240513,
               'ols_r2': 0.1247221},
 'RL302/fixed': {'loss': [0.08183398, 0.01484241, 0.007066108, 0.005692422, 0.004394407, 0.004578729,
                          0.00455303, 0.004379143, 0.004242417, 0.003975669, 0.003267527, 0.002459643,
                          0.002350578, 0.003059293, 0.003968197, 0.004515851, 0.004362275, 0.003784974,
                          0.003264156, 0.002871357],
                 'pred': [0.2202162, 0.7690036, 0.2631563, -0.0536217, 0.4440513, 0.7141698, 0.02272679,
                          0.2073636],
                 'target': [0.2076466, 0.706309, 0.2589324, -0.1121139, 0.4479913, 0.7218173, 0.1104094,
                            0.1844704],
                 'r2': 0.995716,
                 'ols_r2': 0.1247221},
 'RL401/bad': {'metric': [2.18845, 1.601887, 1.38797, 1.32875, 1.306097],
               'mae_curve': [2.18845, 1.601887, 1.38797, 1.32875, 1.306097],
               'reported': 1.29729,
               'fn_value': 1.29729,
               'mae': 1.29729,
               'true_rmse': 2.191657},
 'RL401/fixed': {'metric': [2.930346, 2.306664, 2.12203, 2.086431, 2.065313],
                 'mae_curve': [2.18845, 1.601887, 1.38797, 1.32875, 1.306097],
                 'reported': 2.191657,
                 'fn_value': 2.191657,
                 'mae': 1.29729,
                 'true_rmse': 2.191657,
                 'keras_rmse': 2.191657},
 'RL501/bad': {'loss': [],
               'error_type': 'AttributeError',
               'error': "'Sequential' object has no attribute 'fit_generator'"},
 'RL501/fixed': {'loss': [2.892824, 0.1937749, 0.05724194, 0.03953179, 0.03167026, 0.02595481, 0.02128336,
                          0.01732051],
                 'error_type': None,
                 'error': None},
 'RL502/bad': {'loss': [],
               'learning_rate': None,
               'error_type': 'ValueError',
               'error': "Argument(s) not recognized: {'lr': 0.05}"},
 'RL502/fixed': {'loss': [3.292617, 0.3741024, 0.1363611, 0.05183262, 0.02545086, 0.01327647, 0.009654219,
                          0.00710715],
                 'learning_rate': 0.05,
                 'error_type': None,
                 'error': None},
 'RL503/bad': {'error_types': ['ModuleNotFoundError', 'AttributeError'],
               'errors': ["ModuleNotFoundError: No module named 'keras.layers.core'",
                          "AttributeError: module 'keras' has no attribute 'engine'"]},
 'RL503/fixed': {'error_types': [],
                 'errors': [],
                 'loss': [4.095711, 2.428034, 1.33209, 0.7032368, 0.2924297, 0.1237099, 0.08694765,
                          0.06324788]},
 'RL504/bad': {'loss': [],
               'layer_error_type': 'ValueError',
               'layer_error': "Unrecognized keyword arguments passed to Dense: {'init': 'he_normal'}",
               'fit_error_type': 'TypeError',
               'fit_error': "TensorFlowTrainer.fit() got an unexpected keyword argument 'nb_epoch'"},
 'RL504/fixed': {'loss': [9.842651, 4.559561, 1.651939, 0.5648312, 0.2928388, 0.217424, 0.172167, 0.1411059],
                 'layer_error_type': None,
                 'layer_error': None,
                 'fit_error_type': None,
                 'fit_error': None},
 'RL505/bad': {'lr': [0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1],
               'legacy_lr': [0.05555556, 0.03846154, 0.02941176, 0.02380952, 0.02, 0.01724138, 0.01515152,
                             0.01351351],
               'loss': [2.300556, 0.1406755, 0.07239536, 0.0504842, 0.03671287, 0.02743825, 0.02124489,
                        0.01720719],
               'warnings': ['Argument `decay` is no longer supported and will be ignored.'],
               'error_type': None,
               'error': None},
 'RL505/fixed': {'lr': [0.05555556, 0.03846154, 0.02941176, 0.02380953, 0.02, 0.01724138, 0.01515152,
                        0.01351351],
                 'legacy_lr': [0.05555556, 0.03846154, 0.02941176, 0.02380952, 0.02, 0.01724138, 0.01515152,
                               0.01351351],
                 'loss': [2.396052, 0.1934114, 0.114961, 0.08985774, 0.07713006, 0.0694226, 0.06410018,
                          0.0601402],
                 'warnings': [],
                 'error_type': None,
                 'error': None},
 'RL506/bad': {'loss': [0.8892462, 0.2958677, 0.2178843, 0.2035367, 0.1999122],
               'classes': [],
               'accuracy': None,
               'error_type': 'AttributeError',
               'error': "'Sequential' object has no attribute 'predict_classes'"},
 'RL506/fixed': {'loss': [0.8892462, 0.2958677, 0.2178843, 0.2035367, 0.1999122],
                 'classes': [2, 1, 1, 0, 1, 0, 0, 0],
                 'accuracy': 0.93,
                 'error_type': None,
                 'error': None}}
