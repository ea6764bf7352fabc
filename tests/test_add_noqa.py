"""`--add-noqa`: every current finding silenced in place, existing directives merged, line endings
kept, and a second run adds nothing."""
from __future__ import annotations

import pytest

from cli_helpers import run

SOURCE = (
    'import keras\r\n'
    'm = keras.Sequential([keras.layers.Dense(1, activation="softmax")])\r\n'
    'm.compile(loss="mse",\r\n'
    '          metrics=["accuracy"])  # keep this comment\r\n'
    'opt = keras.optimizers.Adam(lr=1)  # noqa: RL101\r\n'
    's = """a string with\r\nmetrics=["accuracy"] inside"""\r\n'
)


@pytest.mark.slow
def test_add_noqa_silences_merges_and_keeps_crlf(tmp_path):
    path = tmp_path / "old.py"
    path.write_bytes(SOURCE.encode())
    first = run("check", "--add-noqa", str(path), cwd=tmp_path)
    assert first.returncode == 0 and "Added 3 noqa directives." in first.stderr
    text = path.read_bytes().decode()
    assert text.count("\r\n") == SOURCE.count("\r\n") and "\n" not in text.replace("\r\n", "")
    lines = text.split("\r\n")
    assert lines[1].endswith("# noqa: RL103")
    assert lines[3].endswith("# keep this comment  # noqa: RL101")
    assert lines[4].endswith("# noqa: RL101, RL502")
    assert lines[6] == 'metrics=["accuracy"] inside"""'
    assert run("check", str(path), cwd=tmp_path).returncode == 0
    second = run("check", "--add-noqa", str(path), cwd=tmp_path)
    assert "Added 0 noqa directives." in second.stderr and path.read_bytes().decode() == text


def test_add_noqa_refuses_stdin(tmp_path):
    res = run("check", "--add-noqa", "--stdin-filename", "x.py", cwd=tmp_path, stdin="import keras\n")
    assert res.returncode == 2


BUGS = 'import keras\nopt = keras.optimizers.Adam(lr=1)\nopt2 = keras.optimizers.SGD(lr=2)\n'


def test_show_fixes_lists_what_fix_applied(tmp_path):
    path = tmp_path / "t.py"
    path.write_text(BUGS)
    res = run("check", "--fix", "--show-fixes", str(path), cwd=tmp_path)
    assert res.returncode == 0
    assert "Fixed 2 errors:" in res.stderr and "2 × RL502 (removed-lr-argument)" in res.stderr


def test_show_source_underlines_the_range(tmp_path):
    path = tmp_path / "t.py"
    path.write_text(BUGS)
    res = run("check", "--show-source", str(path), cwd=tmp_path)
    lines = res.stdout.splitlines()
    src = next(i for i, l in enumerate(lines) if "Adam(lr=1)" in l)
    caret = lines[src + 1]
    assert caret.index("^") == lines[src].index("lr=1")
