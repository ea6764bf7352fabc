#!/usr/bin/env python3
"""Wall time of the whole runtime verification (`regr-lint verify`), TensorFlow import included.

Usage, from the repo root with the venv that has the verify extra:

    .venv/bin/python benchmarks/verify_time.py [--repeat 3] [--rule RL101 ...]

Runs the real CLI as a subprocess each time, reports every run and the best, and the per-rule
seconds the verifier itself prints. Exits 1 if a run did not confirm every rule."""
from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--rule", action="append", default=[])
    args = parser.parse_args()
    walls, report = [], {}
    for _ in range(max(args.repeat, 1)):
        with tempfile.TemporaryDirectory() as tmp:
            out = os.path.join(tmp, "verify.json")
            cmd = [sys.executable, "-m", "regr_lint", "verify", "--report", out]
            for code in args.rule:
                cmd += ["--rule", code]
            start = time.perf_counter()
            proc = subprocess.run(cmd, capture_output=True, text=True)
            walls.append(time.perf_counter() - start)
            if proc.returncode != 0:
                print(proc.stdout + proc.stderr)
                return 1
            with open(out, encoding="utf-8") as fh:
                report = json.load(fh)
    versions = report.get("versions", {})
    print(f"regr-lint verify on {os.cpu_count()} CPU(s), {platform.processor() or platform.machine()}, "
          f"TensorFlow {versions.get('tensorflow')} / Keras {versions.get('keras')} / Python {versions.get('python')}")
    print("| runs | best wall s | all runs s | rules | per-rule s (bad + fixed training) |")
    print("|---|---|---|---|---|")
    per_rule = ", ".join(f"{code} {r['seconds']}" for code, r in report["rules"].items())
    print(f"| {len(walls)} | {min(walls):.1f} | {', '.join(f'{w:.1f}' for w in walls)} | "
          f"{len(report['rules'])} | {per_rule} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
