"""No file crashes a run: odd encodings, broken syntax, pathological nesting, self-referencing code."""
from __future__ import annotations

import subprocess
import sys

import pytest

from regr_lint.engine.lint import lint_file, lint_text
from regr_lint.engine.registry import load_rules

RULES = load_rules()


def codes(text: str) -> list[tuple[str, int]]:
    return [(f.code, f.line) for f in lint_text(text, "t.py", RULES)]


@pytest.mark.parametrize("data,expected", [
    (b"", []),
    (b"# keras only in a comment\n", []),
    (b"\xef\xbb\xbfimport keras\nm = keras.layers.Dense(1, activation='softmax')\n", [("RL103", 2)]),
    (b"import keras\r\nm = keras.layers.Dense(1,\r\n    activation='softmax')\r\n", [("RL103", 3)]),
    (b"# -*- coding: latin-1 -*-\nimport keras\ns = '\xe9'\n", []),
    (b"import keras\ns = '\xff\xfe'\n", [("RL000", 1)]),
    # stray bytes in comments only, no encoding declared: CPython's compile() and import take it
    (b"import keras\n# \xe8\xe1\xf1\xfc\xf2 caf\xe9\nm = keras.layers.Dense(1, activation='softmax')  # \xff\n",
     [("RL103", 3)]),
    (b"import keras\ndef f(:\n", [("RL000", 2)]),
    (b"import keras\nprint 'hello'\n", [("RL000", 2)]),
    (b"import keras\nx = \x00\n", [("RL000", 1)]),
])
def test_decoding_and_syntax(tmp_path, data, expected):
    path = tmp_path / "t.py"
    path.write_bytes(data)
    assert [(f.code, f.line) for f in lint_file(str(path), RULES)] == expected


def test_python2_print_gets_cpythons_message():
    [finding] = lint_text("import keras\nprint 'x'\n", "t.py", RULES)
    assert finding.code == "RL000" and "Missing parentheses" in finding.message


@pytest.mark.parametrize("source", [
    "import keras\nx = " + "(" * 5000 + "1" + ")" * 5000 + "\n",
    "import keras\ny = " + " + ".join(["a"] * 20000) + "\n",
    "import keras\nx = " + "[" * 1000 + "]" * 1000 + "\n",
])
def test_pathological_nesting_is_rl000_not_a_crash(tmp_path, source):
    # libcst's native parser overflows the C stack (a segfault) or goes quadratic on these; run
    # the real CLI in a subprocess so a regression shows as a failed test, not a dead test run.
    path = tmp_path / "deep.py"
    path.write_text(source)
    proc = subprocess.run([sys.executable, "-m", "regr_lint", "check", str(path)],
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 1, proc.stderr
    assert " RL000 " in proc.stdout


def test_self_referencing_and_recursive_code():
    src = """
import keras
class A(A): pass
class B(keras.Model):
    def call(self, x):
        return self(x)
b = B()
b.compile(loss="mse", metrics=[b])
def r(x):
    return r(x)
r(1)
m = keras.Sequential()
for i in range(3):
    m.add(m)
m.compile(loss=m, metrics=[m])
m.fit(m, m)
"""
    assert codes(src) == []


def test_deep_but_valid_expression_does_not_break_the_rules():
    src = ("import keras\nLOSS = " + " + ".join(["1"] * 500) + "\n"
           "m = keras.Sequential([keras.layers.Dense(1)])\n"
           "m.compile(loss='mse', metrics=['accuracy'])\n")
    assert codes(src) == [("RL101", 4)]


def test_odd_files_in_one_run_never_crash_it(tmp_path):
    (tmp_path / "merge.py").write_text("import keras\n<<<<<<< HEAD\nx = 1\n=======\nx = 2\n>>>>>>> b\n")
    (tmp_path / "binary.py").write_bytes(bytes(range(256)) * 20)
    (tmp_path / "tabs.py").write_text('import keras\nif True:\n\tm = keras.layers.Dense(1, activation="softmax")\n')
    (tmp_path / "empty.py").write_text("")
    loop = tmp_path / "loop"
    loop.mkdir()
    (loop / "self").symlink_to("..", target_is_directory=True)
    proc = subprocess.run([sys.executable, "-m", "regr_lint", "check", "--no-cache", str(tmp_path)],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 1, proc.stderr
    codes = sorted(line.split(": ")[1].split()[0] + "@" + line.split(":")[0].rsplit("/", 1)[-1]
                   for line in proc.stdout.splitlines())
    assert codes == ["RL000@binary.py", "RL000@merge.py", "RL103@tabs.py"]
    assert "Traceback" not in proc.stderr


def test_linting_never_runs_or_imports_the_code(tmp_path):
    marker = tmp_path / "executed"
    (tmp_path / "evil.py").write_text(
        "import keras\nimport socket\n"
        f"open({str(marker)!r}, 'w').write('ran')\n"
        "socket.create_connection(('127.0.0.1', 9))\n"
        "m = keras.layers.Dense(1, activation='softmax')\n")
    probe = ("import sys, runpy\n"
             "sys.argv = ['regr-lint', 'check', '--no-cache', '--jobs', '1', sys.argv[1]]\n"
             "try:\n    runpy.run_module('regr_lint', run_name='__main__')\n"
             "except SystemExit as e:\n    code = e.code\n"
             "print('IMPORTED', sorted(m for m in sys.modules if m.split('.')[0] in ('tensorflow', 'keras')))\n"
             "sys.exit(code)\n")
    proc = subprocess.run([sys.executable, "-c", probe, str(tmp_path / "evil.py")],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 1 and " RL103 " in proc.stdout
    assert "IMPORTED []" in proc.stdout
    assert not marker.exists()


def test_a_keras_file_no_rule_concerns_is_still_checked_quietly(tmp_path):
    # Only well-formedness is at stake there (RL000): CPython compiles it to bytecode (cheaper than
    # building its tree); the compiler's warnings are not the linter's to print, and nothing runs.
    (tmp_path / "warns.py").write_text("import keras\nif keras is 1:\n    x = '\\d'\n")
    (tmp_path / "broken.py").write_text("import keras\nx = (1,\n")
    (tmp_path / "outside.py").write_text("import keras\nreturn keras\n")  # a compile-time error only
    proc = subprocess.run([sys.executable, "-W", "error", "-m", "regr_lint", "check", "--no-cache", str(tmp_path)],
                          capture_output=True, text=True, timeout=60)
    assert "Warning" not in proc.stderr and "Traceback" not in proc.stderr
    assert proc.stderr.strip().splitlines() == ["Found 1 error.", "3 files checked."]
    assert proc.returncode == 1
    assert [line.split(": ")[1].split()[0] for line in proc.stdout.splitlines() if ".py:" in line] == ["RL000"]
    assert "broken.py:2" in proc.stdout
