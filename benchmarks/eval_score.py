#!/usr/bin/env python3
"""Precision/recall of regr-lint on the labelled dev set (stdlib only, Python >= 3.10).

Usage, from the repo root:

    python benchmarks/eval_score.py                   # scores .py cases only
    python benchmarks/eval_score.py --no-notebooks    # score the .py cases only
    python benchmarks/eval_score.py --codes RL101,RL102
    python benchmarks/eval_score.py --no-multi-file   # leave out the multi-file (project-wide) cases
    python benchmarks/eval_score.py --only-multi-file # score the multi-file cases alone
    python benchmarks/eval_score.py --eval-dir /elsewhere/eval

What it does, in order:

1. Runs the linter as a real subprocess, exactly as the dev set's README describes:
   `regr-lint check --exit-zero cases` with the eval dir as the working directory (so the reported
   paths are `cases/...`, which is what the labels use). The `regr-lint` executable is looked up next
   to `sys.executable` first (the venv this script runs in), then on PATH. `--no-cache` is passed
   only if `regr-lint check --help` lists it, so a result cache can never make a run look better
   or faster than a cold one.
2. Writes the linter's stdout to a temporary file and runs the set's own `score.py` on it
   (`--text`, plus `--no-notebooks` when given, plus `--codes` when given).
3. Prints the parts of the score report that matter while working: the per-rule table (`rule`
   through `overall`), the broken-files line, the unmatched-label and unexpected-finding lists, and
   the linter's wall time. Scorer warnings and findings on files outside the corpus are printed too,
   because either one means the numbers above them are not measuring what they seem to.

Exit status: 0 whatever the score; 2 if the eval dir is missing or the linter crashed (exit code 2,
or killed by a signal), since then there is nothing honest to score.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from linter import find_linter  # benchmarks/linter.py (the script folder is on sys.path)

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_EVAL_DIR = REPO_ROOT.parent / "shared" / "eval"
MULTI_FILE = "_xmod_"  # the multi-file cases are directories named NNN_xmod_<name>


def select_report(report: str) -> list[str]:
    """Keep the useful parts of score.py's report; fall back to all of it if its layout changed."""
    lines = report.splitlines()
    # score.py prints "warning: unparsed line ..." for output it could not read: never hide that.
    keep = [ln for ln in lines if ln.startswith("warning:")]

    start = next((i for i, ln in enumerate(lines) if ln.startswith("rule ")), None)
    end = next((i for i, ln in enumerate(lines) if ln.startswith("overall ")), None)
    if start is None or end is None or end < start:
        return lines  # unknown layout: show everything rather than guess
    keep += lines[start:end + 1]
    keep += [ln for ln in lines if ln.startswith("broken files")]

    # Sections are a header line followed by indented items, ended by a blank line.
    wanted = ("UNMATCHED LABELS", "UNEXPECTED FINDINGS", "FINDINGS FOR FILES NOT IN THE CORPUS")
    for i, ln in enumerate(lines):
        if ln.startswith(wanted):
            keep.append("")
            keep.append(ln)
            for item in lines[i + 1:]:
                if not item.strip():
                    break
                keep.append(item)
    return keep


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--eval-dir", type=Path, default=DEFAULT_EVAL_DIR,
                    help="the labelled dev set (default: ../shared/eval from the repo root)")
    ap.add_argument("--no-notebooks", dest="notebooks", action="store_false",
                    help="score the .py cases only (default: .py and .ipynb)")
    ap.add_argument("--codes", default="", help="score only these comma-separated codes, e.g. RL101,RL102")
    ap.add_argument("--no-multi-file", dest="multi_file", action="store_false",
                    help="leave out the multi-file cases (they need the project-wide analysis)")
    ap.add_argument("--only-multi-file", action="store_true",
                    help="score the multi-file cases alone (labels and findings of other cases left out)")
    args = ap.parse_args(argv)

    eval_dir = args.eval_dir.resolve()
    for needed in ("cases", "labels.json", "score.py"):
        if not (eval_dir / needed).exists():
            print(f"eval_score: error: {eval_dir / needed} not found "
                  f"(is the dev set at {eval_dir}? pass --eval-dir)", file=sys.stderr)
            return 2

    linter = find_linter()
    if linter is None:
        print("eval_score: error: no `regr-lint` executable next to "
              f"{sys.executable} or on PATH (run with the project's venv python)", file=sys.stderr)
        return 2
    cmd = [linter, "check", "--exit-zero", "--no-cache", "cases"]

    # 1. The linter, timed as a whole process (start-up included: that is what a user waits for).
    with tempfile.NamedTemporaryFile("w+b", suffix=".txt", prefix="regr-lint-eval-", delete=False) as out:
        findings_path = out.name
        t0 = time.perf_counter()
        proc = subprocess.run(cmd, cwd=eval_dir, stdout=out, stderr=subprocess.PIPE)
        wall = time.perf_counter() - t0
    try:
        stderr = proc.stderr.decode("utf-8", "replace").strip()
        if proc.returncode != 0 and proc.returncode != 1:
            # 2 = the linter's own "internal error" code; negative = killed by a signal.
            print(f"eval_score: error: the linter crashed (exit code {proc.returncode}): {' '.join(cmd)}",
                  file=sys.stderr)
            if stderr:
                print(stderr, file=sys.stderr)
            return 2
        if proc.returncode == 1:
            print("eval_score: warning: regr-lint exited 1 despite --exit-zero", file=sys.stderr)

        # 2. The dev set's own scorer (stdlib only, so this interpreter can run it).
        labels = "labels.json"
        if args.only_multi_file:
            # The scorer has no such option: it is given the multi-file cases' labels and findings only.
            doc = json.loads((eval_dir / "labels.json").read_text())
            doc["cases"] = [c for c in doc["cases"] if MULTI_FILE in c["file"]]
            with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as lab:
                json.dump(doc, lab)
                labels = lab.name
            text = Path(findings_path).read_text(encoding="utf-8", errors="replace")
            Path(findings_path).write_text("".join(
                ln for ln in text.splitlines(keepends=True) if MULTI_FILE in ln.split(":", 1)[0]))
        score_cmd = [sys.executable, "score.py", "--labels", labels,
                     "--findings", findings_path, "--text"]
        if not args.notebooks:
            score_cmd.append("--no-notebooks")
        if args.codes:
            score_cmd += ["--codes", args.codes]
        if not args.multi_file:
            score_cmd.append("--no-multi-file")
        scored = subprocess.run(score_cmd, cwd=eval_dir, capture_output=True, text=True)
    finally:
        os.unlink(findings_path)
        if args.only_multi_file and labels != "labels.json":
            os.unlink(labels)

    # 3. The report.
    print(f"$ (cd {eval_dir} && {' '.join(cmd)})")
    print(f"linter wall time: {wall:.2f} s   ({' / '.join(stderr.splitlines()[-2:]) or 'no summary'})")
    scope = ".py and .ipynb cases" if args.notebooks else ".py cases only"
    if not args.multi_file:
        scope += ", single-file cases"
    if args.only_multi_file:
        scope += ", multi-file cases only"
    print(f"scored: {scope}" + (f", codes {args.codes}" if args.codes else ""))
    if args.codes:
        # score.py filters every finding by --codes, the parse-error code included.
        print("note: with --codes the broken-files line always reads 'no report' (RL000 is filtered out)")
    print()
    if scored.returncode != 0 or not scored.stdout.strip():
        print(f"eval_score: warning: score.py exited {scored.returncode}; its output follows", file=sys.stderr)
        print(scored.stdout + scored.stderr)
        return 0
    print("\n".join(select_report(scored.stdout)))
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except BrokenPipeError:  # piped into `head`: stop quietly, as score.py does
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(0)
