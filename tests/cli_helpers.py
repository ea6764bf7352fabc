"""Running the real `regr-lint` in a subprocess, the way users and pre-commit do."""
from __future__ import annotations

import os
import re
import subprocess
import sys
import sysconfig
import textwrap
from pathlib import Path

# The console script installed beside this interpreter (the venv running the tests).
SCRIPT = str(Path(sys.executable).parent / ("regr-lint.exe" if os.name == "nt" else "regr-lint"))

RL101_BUG = textwrap.dedent("""\
    from keras.models import Sequential
    from keras.layers import Dense
    model = Sequential([Dense(8, activation="relu"), Dense(1)])
    model.compile(loss="mse", optimizer="adam", metrics=["accuracy"])
    """)
# (line, 1-based column) of the "accuracy" element above, where RL101 is reported.
RL101_AT = (4, RL101_BUG.splitlines()[3].index('"accuracy"') + 1)

CLEAN = textwrap.dedent("""\
    from keras.models import Sequential
    from keras.layers import Dense
    model = Sequential([Dense(8, activation="relu"), Dense(1)])
    model.compile(loss="mse", optimizer="adam", metrics=["mae"])
    """)

SYNTAX_ERROR = "from keras.layers import Dense\ndef broken(:\n    pass\n"


def run(*args: str, cwd: Path | str, stdin: str | bytes | None = None, script: bool = False,
        env: dict | None = None) -> subprocess.CompletedProcess:
    cmd = [SCRIPT] if script else [sys.executable, "-m", "regr_lint"]
    full_env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    full_env.update(env or {})
    if isinstance(stdin, str):
        stdin = stdin.encode()
    proc = subprocess.run(cmd + list(args), cwd=cwd, input=stdin, capture_output=True, env=full_env,
                          timeout=120)
    return subprocess.CompletedProcess(proc.args, proc.returncode, proc.stdout.decode(), proc.stderr.decode())


def with_pythonpath(path) -> dict:
    """An env update that puts `path` first on sys.path, keeping any PYTHONPATH already set."""
    old = os.environ.get("PYTHONPATH")
    return {"PYTHONPATH": str(path) + (os.pathsep + old if old else "")}


def codes(stdout: str) -> list[str]:
    """The codes of text-format output lines, in order."""
    return [line.split(": ", 1)[1].split()[0] for line in stdout.splitlines() if line.strip()]


def write(root: Path, rel: str, text: str | bytes) -> Path:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text)
    return path


def unprivileged_cli() -> tuple[list[str], dict, str]:
    """How to run this regr-lint as the unprivileged user 'nobody' (we are root): (argv prefix, Popen
    keyword arguments, '') or ([], {}, why it cannot be done)."""
    user = dict(user=65534, group=65534, extra_groups=[])

    def works(argv: list[str]) -> bool:
        probe = "import libcst, regr_lint.cli; libcst.parse_module('x = 1'); print(regr_lint.__file__)"
        try:
            res = subprocess.run(argv[:-1] + [argv[-1].replace("MAIN", probe)], cwd="/", capture_output=True,
                                 text=True, timeout=120, **user)
        except OSError:
            return False
        import regr_lint

        return res.returncode == 0 and res.stdout.strip() == regr_lint.__file__

    if works([sys.executable, "-c", "MAIN"]):
        return [sys.executable, "-m", "regr_lint"], user, ""
    # The venv's interpreter may live where that user cannot go (a pyenv under /root): the same
    # Python version from a system location, with this venv's site-packages (whose .pth files make
    # the editable install importable) and nothing else (-S).
    site_packages = sysconfig.get_paths()["purelib"]
    boot = f"import site, sys; site.addsitedir({site_packages!r}); sys.argv[0] = 'regr-lint'; MAIN"
    version = f"python{sys.version_info.major}.{sys.version_info.minor}"
    for folder in ("/usr/bin", "/usr/local/bin", "/bin"):
        exe = os.path.join(folder, version)
        if os.path.exists(exe) and works([exe, "-S", "-c", boot]):
            return [exe, "-S", "-c", boot.replace("MAIN", "from regr_lint.cli import main; main()")], user, ""
    return [], {}, (f"running as root, and user 'nobody' can run neither {sys.executable} nor a {version} "
                    f"from /usr/bin or /usr/local/bin with this venv's packages")


# A line's `# expect: CODE[, CODE]` marker in a project written by `write_project`, and a finding
# line of the text format.
MARK = re.compile(r"#\s*expect:\s*([A-Z0-9, ]+)")
_LINE = re.compile(r"^(?P<path>.+?):(?P<line>\d+):(?P<col>\d+): (?P<code>RL\d{3}) (?P<msg>.*)$")


def write_project(tmp_path, files: dict[str, str]) -> list[tuple[str, int, str]]:
    """Write the project (a pyproject.toml makes the folder its root) and return the findings its
    `# expect: CODE[, CODE]` markers ask for, sorted."""
    write(tmp_path, "pyproject.toml", "[project]\nname = 'proj'\n")
    expected = []
    for rel, text in files.items():
        text = textwrap.dedent(text)
        write(tmp_path, rel, text)
        for number, line in enumerate(text.splitlines(), 1):
            m = MARK.search(line)
            if m:
                expected += [(rel, number, code.strip()) for code in m.group(1).split(",") if code.strip()]
    return sorted(expected)


def lint_project(tmp_path, *paths: str) -> tuple[list[tuple[str, int, str]], list[str]]:
    """(sorted (file, line, code) findings, their messages) of a real CLI run over `paths` (default:
    the whole project); duplicates are kept, so a mistake reported twice shows."""
    res = run("check", "--no-cache", "--exit-zero", *(paths or (".",)), cwd=tmp_path)
    assert res.returncode == 0, res.stdout + res.stderr
    found, messages = [], []
    for line in res.stdout.splitlines():
        m = _LINE.match(line)
        if m:
            found.append((os.path.normpath(m["path"]).replace(os.sep, "/"), int(m["line"]), m["code"]))
            messages.append(line)
        else:
            assert not line.strip() or "RL" not in line, line
    return sorted(found), messages
