"""The editor setups in editors/, run for real in headless Neovim / Vim and batch Emacs when those
editors are installed (skipped, with the reason, where they are not; on Debian:
`apt-get install neovim vim emacs-nox elpa-eglot`). The LSP setups start the real `regr-lint server`;
the VS Code extension is installed from npm and its server command driven over LSP by node."""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
EDITORS = REPO / "editors"
BUG = 'import keras\nm = keras.Sequential([keras.layers.Dense(1)])\nm.compile(loss="mse", metrics=["accuracy"])\n'
# RL302 (a warning by default) on line 2, RL101 (an error) on line 3
LINEAR = ('import keras\nm = keras.Sequential([keras.Input((4,)), keras.layers.Dense(8), keras.layers.Dense(1)])\n'
          'm.compile(loss="mse", metrics=["accuracy"])\n')


def _env():
    env = dict(os.environ)
    env["PATH"] = str(Path(sys.executable).parent) + os.pathsep + env.get("PATH", "")
    return env


@pytest.mark.skipif(shutil.which("nvim") is None, reason="Neovim is not installed")
def test_neovim_quickfix_from_the_unsaved_buffer(tmp_path):
    path = tmp_path / "train.py"
    path.write_text("x = 1\n")  # on disk: clean; the buffer below holds the bug
    out = tmp_path / "qf.txt"
    script = (f"source {EDITORS / 'regr_lint.vim'}", "%d", f"call setline(1, {json.dumps(BUG.splitlines())})",
              "RegrLint",
              f"call writefile(map(getqflist(), {{_, e -> e.lnum . ':' . e.col . ':' . e.text}}), '{out}')",
              "qa!")
    cmd = ["nvim", "--headless", "-u", "NONE"] + [a for c in script for a in ("-c", c)] + [str(path)]
    subprocess.run(cmd, cwd=tmp_path, env=_env(), timeout=60, check=True, capture_output=True)
    entries = out.read_text().splitlines()
    assert len(entries) == 1 and re.match(r"3:\d+:\s*RL101 ", entries[0]), entries


@pytest.mark.skipif(shutil.which("emacs") is None, reason="Emacs is not installed")
def test_emacs_flymake_backend(tmp_path):
    path = tmp_path / "train.py"
    path.write_text(BUG)
    probe = ('(regr-lint-flymake (lambda (diags &rest _) (dolist (d diags) (princ (format "%d %s %s\\n" '
             '(line-number-at-pos (flymake-diagnostic-beg d)) (flymake-diagnostic-type d) '
             '(flymake-diagnostic-text d))))))')

    def diagnostics(text: str) -> list[str]:
        path.write_text(text)
        proc = subprocess.run(["emacs", "--batch", "-Q", "-l", str(EDITORS / "regr-lint-flymake.el"), str(path),
                               "--eval", probe], cwd=tmp_path, env=_env(), timeout=60, capture_output=True, text=True)
        return sorted(l for l in proc.stdout.splitlines() if l.strip())

    lines = diagnostics(BUG)
    assert len(lines) == 1 and lines[0].startswith("3 :error RL101 "), lines
    # RL302 (a network with no nonlinearity) is a warning: Flymake shows it as one
    lines = diagnostics(LINEAR)
    assert [l.split()[:3] for l in lines] == [["2", ":warning", "RL302"], ["3", ":error", "RL101"]], lines


def test_vscode_problem_matcher_reads_the_text_format(tmp_path):
    # VS Code cannot run here; its problem-matcher regexp is checked against real output instead.
    tasks = json.loads((EDITORS / "vscode" / "tasks.json").read_text())
    pattern = tasks["tasks"][0]["problemMatcher"]["pattern"]
    (tmp_path / "train.py").write_text(BUG)
    proc = subprocess.run([sys.executable, "-m", "regr_lint", "check", "--exit-zero", "train.py"],
                          cwd=tmp_path, capture_output=True, text=True, env=_env())
    m = re.match(pattern["regexp"], proc.stdout.splitlines()[0])
    assert m and m.group(pattern["file"]) == "train.py" and m.group(pattern["code"]) == "RL101"
    assert m.group(pattern["line"]) == "3"
    # no severity group on an error line: the matcher's own "error"; a warning line says "warning"
    assert m.group(pattern["severity"]) is None and tasks["tasks"][0]["problemMatcher"]["severity"] == "error"
    (tmp_path / "train.py").write_text(LINEAR)
    proc = subprocess.run([sys.executable, "-m", "regr_lint", "check", "--exit-zero", "train.py"],
                          cwd=tmp_path, capture_output=True, text=True, env=_env())
    found = {m.group(pattern["code"]): m.group(pattern["severity"])
             for m in (re.match(pattern["regexp"], line) for line in proc.stdout.splitlines()) if m}
    assert found == {"RL302": "warning", "RL101": None}, proc.stdout
    assert all(not m.group(pattern["message"]).startswith("(") for m in
               (re.match(pattern["regexp"], line) for line in proc.stdout.splitlines()) if m)


@pytest.mark.parametrize("editor", [
    pytest.param(["nvim", "--headless", "-u", "NONE"], id="nvim",
                 marks=pytest.mark.skipif(shutil.which("nvim") is None, reason="Neovim is not installed")),
    pytest.param(["vim", "-N", "-u", "NONE", "-i", "NONE", "-es"], id="vim",
                 marks=pytest.mark.skipif(shutil.which("vim") is None, reason="Vim is not installed")),
])
def test_vim_script_keeps_the_cursor_where_it_is_on_save(tmp_path, editor):
    path = tmp_path / "train.py"
    path.write_text(BUG)
    out = tmp_path / "out.txt"
    script = (f"source {EDITORS / 'regr_lint.vim'}", "call cursor(1, 1)", "write",
              f"call writefile([line('.') . ':' . col('.')] + map(getqflist(), {{_, e -> e.lnum}}), '{out}')",
              "qa!")
    cmd = editor + [a for c in script for a in ("-c", c)] + [str(path)]
    subprocess.run(cmd, cwd=tmp_path, env=_env(), timeout=60, capture_output=True)
    # the finding is listed (line 3) and the cursor has not jumped to it
    assert out.read_text().splitlines() == ["1:1", "3"]


NVIM_LSP_PROBE = r"""
local out = {}
local function log(s) table.insert(out, s) end
dofile(EDITORS .. "/regr_lint.lua").setup()
vim.cmd("filetype on")
vim.cmd("edit " .. FILE)
-- the bug typed into the buffer, never saved
vim.api.nvim_buf_set_lines(0, 0, -1, false, BUG)
vim.wait(30000, function() return #vim.diagnostic.get(0) > 0 end, 50)
for _, d in ipairs(vim.diagnostic.get(0)) do
  log(string.format("diag %d:%d %s %s %d", d.lnum, d.col, d.code, d.source, d.severity))
end
local params = { textDocument = { uri = vim.uri_from_bufnr(0) },
                 range = { start = { line = 2, character = 0 }, ["end"] = { line = 3, character = 0 } },
                 context = { diagnostics = {}, only = { "quickfix" } } }
for _, r in pairs(vim.lsp.buf_request_sync(0, "textDocument/codeAction", params, 20000) or {}) do
  for _, a in ipairs(r.result or {}) do
    log("action " .. a.title)
    if a.title:match("^RL101") then vim.lsp.util.apply_workspace_edit(a.edit, "utf-16") end
  end
end
vim.wait(30000, function() return #vim.diagnostic.get(0) == 0 end, 50)
log("left " .. #vim.diagnostic.get(0))
log("line " .. vim.api.nvim_buf_get_lines(0, 2, 3, false)[1])
vim.fn.writefile(out, OUT)
vim.cmd("qa!")
"""


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("nvim") is None, reason="Neovim is not installed")
def test_neovim_lsp_setup_lints_as_you_type_and_applies_a_fix(tmp_path):
    path = tmp_path / "train.py"
    path.write_text("x = 1\n")  # on disk: clean; the buffer gets the bug
    out = tmp_path / "out.txt"
    probe = tmp_path / "probe.lua"
    probe.write_text(f"local EDITORS, FILE, OUT = {json.dumps(str(EDITORS))}, {json.dumps(str(path))}, "
                     f"{json.dumps(str(out))}\nlocal BUG = {{{', '.join(json.dumps(l) for l in BUG.splitlines())}}}\n"
                     + NVIM_LSP_PROBE)
    proc = subprocess.run(["nvim", "--headless", "-u", "NONE", "-c", f"luafile {probe}"], cwd=tmp_path,
                          env=_env(), timeout=120, capture_output=True, text=True)
    lines = out.read_text().splitlines() if out.exists() else []
    assert lines[0] == "diag 2:31 RL101 regr-lint 1", (lines, proc.stderr)
    assert "action RL101: Remove the metrics argument (its only metric was 'accuracy')" in lines
    assert "action Add `# noqa: RL101`" in lines
    assert lines[-2:] == ["left 0", 'line m.compile(loss="mse")'], lines


EMACS_EGLOT_PROBE = r"""
(require 'package)
;; Emacs 29 has Eglot built in; Debian's elpa-eglot (Emacs 28) lives here, outside -Q's reach
(add-to-list 'package-directory-list "/usr/share/emacs/site-lisp/elpa")
(package-initialize)
(load EDITOR)
(defun wait-until (pred)
  (let ((deadline (+ (float-time) 60)))
    (while (and (< (float-time) deadline) (not (funcall pred)))
      (accept-process-output nil 0.05))))
(find-file FILE)
(run-hooks 'post-command-hook)  ; eglot-ensure connects from the command loop batch Emacs lacks
(wait-until #'eglot-current-server)
(erase-buffer)
(insert BUG)
;; Eglot sends changes from an idle timer, and batch Emacs is never idle: send them now
(eglot--signal-textDocument/didChange)
(wait-until #'flymake-diagnostics)
(dolist (d (flymake-diagnostics))
  (princ (format "diag %d %s\n" (line-number-at-pos (flymake-diagnostic-beg d)) (flymake-diagnostic-text d))))
(let ((actions (jsonrpc-request (eglot-current-server) :textDocument/codeAction
                                (list :textDocument (eglot--TextDocumentIdentifier)
                                      :range (list :start (list :line 2 :character 0)
                                                   :end (list :line 3 :character 0))
                                      :context (list :diagnostics [])))))
  (seq-doseq (a actions)
    (princ (format "action %s\n" (plist-get a :title)))
    (when (string-prefix-p "Add `# noqa" (plist-get a :title))
      (eglot--apply-workspace-edit (plist-get a :edit)))))
(eglot--signal-textDocument/didChange)
(wait-until (lambda () (null (flymake-diagnostics))))
(princ (format "left %d\n" (length (flymake-diagnostics))))
(goto-char (point-min)) (forward-line 2)
(princ (format "line %s\n" (buffer-substring (point) (line-end-position))))
(search-forward "RL101") (backward-char 2)
(let ((hover (jsonrpc-request (eglot-current-server) :textDocument/hover (eglot--TextDocumentPositionParams))))
  (princ (format "hover %s\n" (car (split-string (plist-get (plist-get hover :contents) :value) "\n")))))
"""


def _emacs_has_eglot() -> bool:
    if shutil.which("emacs") is None:
        return False
    probe = ("(progn (require 'package) (add-to-list 'package-directory-list \"/usr/share/emacs/site-lisp/elpa\")"
             " (package-initialize) (princ (if (require 'eglot nil t) \"yes\" \"no\")))")
    proc = subprocess.run(["emacs", "--batch", "-Q", "--eval", probe], capture_output=True, text=True, timeout=60)
    return proc.stdout.strip().endswith("yes")


@pytest.mark.slow
def test_emacs_eglot_setup_lints_as_you_type_adds_noqa_and_hovers(tmp_path):
    if not _emacs_has_eglot():
        pytest.skip("Emacs with Eglot is not installed")
    path = tmp_path / "train.py"
    path.write_text("x = 1\n")
    bug = BUG.replace('metrics=["accuracy"])', 'metrics=["accuracy"])  # noqa: E501')
    probe = tmp_path / "probe.el"
    probe.write_text(f"(defvar EDITOR {json.dumps(str(EDITORS / 'regr-lint-eglot.el'))})\n"
                     f"(defvar FILE {json.dumps(str(path))})\n(defvar BUG {json.dumps(bug)})\n" + EMACS_EGLOT_PROBE)
    proc = subprocess.run(["emacs", "--batch", "-Q", "-l", str(probe)], cwd=tmp_path, env=_env(), timeout=180,
                          capture_output=True, text=True)
    lines = proc.stdout.splitlines()
    assert lines and lines[0].startswith("diag 3 regr-lint [RL101]: accuracy metric"), proc.stdout + proc.stderr
    assert "action Add `# noqa: RL101`" in lines
    assert "left 0" in lines and 'line m.compile(loss="mse", metrics=["accuracy"])  # noqa: E501, RL101' in lines
    assert lines[-1] == "hover # RL101 accuracy-on-regression", proc.stdout + proc.stderr


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("npm") is None or shutil.which("node") is None, reason="node / npm are not installed")
def test_vscode_extension_installs_packages_and_its_server_command_speaks_lsp(tmp_path):
    ext = tmp_path / "extension"
    shutil.copytree(EDITORS / "vscode" / "extension", ext, ignore=shutil.ignore_patterns("node_modules"))
    manifest = json.loads((ext / "package.json").read_text())
    assert manifest["main"] == "./extension.js" and "onLanguage:python" in manifest["activationEvents"]
    assert manifest["contributes"]["configuration"]["properties"]["regr-lint.command"]["default"] == ["regr-lint", "server"]
    install = subprocess.run(["npm", "install", "--no-audit", "--no-fund"], cwd=ext, capture_output=True, text=True,
                             timeout=600)
    if install.returncode != 0 and "ENOTFOUND" in install.stderr + install.stdout:
        pytest.skip("the npm registry cannot be reached")
    assert install.returncode == 0, install.stderr
    check = subprocess.run(["npm", "run", "-s", "check"], cwd=ext, capture_output=True, text=True, timeout=120)
    assert check.returncode == 0, check.stderr
    # the client library the extension loads is there, at the major version package.json names
    client = json.loads((ext / "node_modules" / "vscode-languageclient" / "package.json").read_text())
    assert client["version"].split(".")[0] == manifest["dependencies"]["vscode-languageclient"].lstrip("^").split(".")[0]
    # packaged as the README says (vsce, the packager VS Code's marketplace takes extensions from)
    package = subprocess.run(["npx", "--yes", "@vscode/vsce", "package", "--allow-missing-repository",
                              "--skip-license"], cwd=ext, capture_output=True, text=True, timeout=600,
                             stdin=subprocess.DEVNULL)
    assert package.returncode == 0, package.stdout + package.stderr
    with zipfile.ZipFile(ext / f"regr-lint-{manifest['version']}.vsix") as vsix:
        names = set(vsix.namelist())
    assert {"extension/extension.js", "extension/package.json",
            "extension/node_modules/vscode-languageclient/package.json"} <= names
    assert not any(n.startswith("extension/test/") for n in names)
    (tmp_path / "train.py").write_text(BUG)
    proc = subprocess.run(["node", str(ext / "test" / "smoke.js"), "train.py"], cwd=tmp_path, env=_env(),
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    got = json.loads(proc.stdout)
    assert got["server"]["name"] == "regr-lint"
    assert [(d["code"], d["range"]["start"]["line"], d["source"]) for d in got["diagnostics"]] == [("RL101", 2, "regr-lint")]
