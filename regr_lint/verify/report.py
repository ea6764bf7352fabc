"""The verifier's outputs: the terminal table, a Markdown or JSON report, the evidence file."""
from __future__ import annotations

import datetime as _dt
import json
from pathlib import Path

from regr_lint.engine.registry import LoadedRule
from regr_lint.input.files import write_atomic
from regr_lint.verify.runner import Verdict

EVIDENCE = Path(__file__).resolve().parent.parent / "evidence.json"
HEADERS = ("rule", "static", "symptom in bad", "absent in fixed", "key numbers", "seconds")


def _fmt(value) -> str:
    if isinstance(value, list):
        return "[" + ", ".join(_fmt(v) for v in value) + "]"
    return f"{value:g}" if isinstance(value, float) else str(value)


def keys_text(verdict: Verdict) -> str:
    parts = []
    for side in ("bad", "fixed"):
        keys = verdict.keys.get(side)
        if keys:
            parts.append(f"{side}: " + ", ".join(f"{k} {_fmt(v)}" for k, v in keys.items()))
    return " | ".join(parts)


def rows(verdicts: list[Verdict]) -> list[tuple[str, ...]]:
    out = []
    for v in verdicts:
        yes = {True: "yes", False: "NO"}
        out.append((v.fixture.code, "ok" if v.static_ok else "NO", yes[v.symptom_in_bad],
                    yes[v.absent_in_fixed], keys_text(v), f"{v.seconds:.1f}"))
    return out


def table(verdicts: list[Verdict]) -> str:
    body = rows(verdicts)
    widths = [max(len(r[i]) for r in [HEADERS, *body]) for i in range(len(HEADERS))]
    lines = ["  ".join(c.ljust(w) for c, w in zip(HEADERS, widths)).rstrip()]
    for row, v in zip(body, verdicts):
        lines.append("  ".join(c.ljust(w) for c, w in zip(row, widths)).rstrip())
        if not v.confirmed:
            lines.append(f"       not confirmed: {v.why()}")
    return "\n".join(lines)


def as_json(verdicts: list[Verdict], versions: dict) -> dict:
    return {
        "version": 1,
        "versions": versions,
        "rules": {
            v.fixture.code: {
                "confirmed": v.confirmed,
                "symptom": v.fixture.symptom,
                "static": v.static_note,
                "symptom_in_bad": v.symptom_in_bad,
                "absent_in_fixed": v.absent_in_fixed,
                "bad": v.keys.get("bad", {}),
                "fixed": v.keys.get("fixed", {}),
                "seconds": v.seconds,
                "why": v.why(),
            }
            for v in verdicts
        },
    }


def as_markdown(verdicts: list[Verdict], versions: dict) -> str:
    head = ("# regr-lint verify\n\nTensorFlow {tensorflow}, Keras {keras}, Python {python}.\n\n"
            .format(**{k: versions.get(k, "?") for k in ("tensorflow", "keras", "python")}))
    lines = ["| " + " | ".join(HEADERS) + " |", "|" + "---|" * len(HEADERS)]
    for row in rows(verdicts):
        lines.append("| " + " | ".join(c.replace("|", "/") for c in row) + " |")
    notes = [f"- **{v.fixture.code}**: {v.fixture.symptom}" + ("" if v.confirmed else f" — not confirmed: {v.why()}")
             for v in verdicts]
    return head + "\n".join(lines) + "\n\n" + "\n".join(notes) + "\n"


def write_report(path: Path, verdicts: list[Verdict], versions: dict) -> None:
    if path.suffix.lower() == ".json":
        text = json.dumps(as_json(verdicts, versions), indent=2) + "\n"
    else:
        text = as_markdown(verdicts, versions)
    _atomic_write(path, text)


def load_evidence(path: Path = EVIDENCE) -> dict:
    try:
        with open(path, encoding="utf-8") as fh:
            return json.load(fh)
    except (OSError, ValueError):
        return {}


def update_evidence(verdicts: list[Verdict], versions: dict, path: Path = EVIDENCE) -> None:
    """Record the confirmed rules' key numbers; rules not verified this time keep their entry."""
    evidence = load_evidence(path)
    today = _dt.date.today().isoformat()
    for v in verdicts:
        if v.confirmed:
            evidence[v.fixture.code] = {
                "date": today,
                "versions": versions,
                "symptom": v.fixture.symptom,
                "bad": v.keys.get("bad", {}),
                "fixed": v.keys.get("fixed", {}),
            }
    _atomic_write(path, json.dumps(dict(sorted(evidence.items())), indent=2, ensure_ascii=False) + "\n")


def render_evidence(code: str, path: Path = EVIDENCE) -> str:
    """The "Verified" section of `regr-lint rule CODE`, or '' when the rule has no evidence."""
    entry = load_evidence(path).get(code)
    if not entry:
        return ""
    ver = entry.get("versions", {})
    lines = [
        "## Verified",
        f"`regr-lint verify` ran this rule's fixture programs (fixtures/{code}/bad.py and fixed.py) on "
        f"TensorFlow {ver.get('tensorflow', '?')} / Keras {ver.get('keras', '?')} / "
        f"Python {ver.get('python', '?')} on {entry.get('date', '?')}: {entry.get('symptom', '')}.",
        "",
    ]
    for side in ("bad", "fixed"):
        keys = entry.get(side) or {}
        if keys:
            lines.append(f"- {side}.py: " + "; ".join(f"{k} = {_fmt(v)}" for k, v in keys.items()))
    return "\n".join(lines)


def _atomic_write(path: Path, text: str) -> None:
    write_atomic(str(path), text.encode("utf-8"), make_dirs=True)


def rule_documentation(lr: LoadedRule) -> str:
    """What `regr-lint rule CODE` prints (Markdown): the docs, then the Verified evidence. The
    language server's hover on a `# noqa` code shows the same text."""
    from regr_lint.engine.severity import WARNING, declared

    r = lr.rule
    other = "error" if declared(r) == WARNING else "warning"
    out = (f"# {r.code} {r.name}\n\n{r.summary}\n\nProvided by: {lr.package}\n"
           f"Severity: {declared(r)} (by default; a project can change it: "
           f"[tool.regr-lint.severity] {r.code} = \"{other}\")\n\n")
    out += r.docs.strip() if r.docs else "(no documentation)"
    verified = render_evidence(r.code)
    return out + ("\n\n" + verified if verified else "")
