"""One PNG per rule: the bad run against the fixed run, panel by panel as symptom.toml lists them."""
from __future__ import annotations

from pathlib import Path

from regr_lint.verify.runner import Verdict

COLORS = {"bad": "#d62728", "fixed": "#1f77b4"}


def write_plots(verdicts: list[Verdict], folder: Path) -> list[Path]:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for v in verdicts:
        panels = v.fixture.plots
        results = {s: r.result for s, r in v.runs.items() if r.ok and r.result}
        if not panels or not results:
            continue
        fig, axes = plt.subplots(1, len(panels), figsize=(6 * len(panels), 4.0), squeeze=False)
        for ax, panel in zip(axes[0], panels):
            _panel(ax, panel, results)
        verdict = "confirmed" if v.confirmed else "NOT confirmed"
        fig.suptitle(f"{v.fixture.code}: {v.fixture.symptom}\n(bad.py in red, fixed.py in blue; {verdict})",
                     fontsize=11)
        fig.tight_layout(rect=(0, 0, 1, 0.86))
        path = folder / f"{v.fixture.code}.png"
        fig.savefig(path, dpi=110)
        plt.close(fig)
        written.append(path)
    return written


def _panel(ax, panel: dict, results: dict) -> None:
    kind = panel.get("kind", "curve")
    for side, result in results.items():
        label = f"{side}.py"
        if kind == "scatter":
            xs, ys = result.get(panel["x"], []), result.get(panel["y"], [])
            ax.scatter(xs, ys, s=8, alpha=0.5, color=COLORS[side], label=label)
        elif kind == "hist":
            ax.hist(result.get(panel.get(side, panel.get("series")), []), bins=30, alpha=0.6,
                    color=COLORS[side], label=label)
        else:
            name = panel.get(side, panel.get("series"))
            values = result.get(name, [])
            if not values:
                # the program raised before it could train: say so in the legend, draw nothing
                why = result.get("error_type") or (result.get("error_types") or [None])[0] or "no data"
                ax.plot([], [], color=COLORS[side], label=f"{label}: no {name} ({why})")
                continue
            # fixed dashed, so a curve the bad run shares (the same loss) stays visible
            ax.plot(range(1, len(values) + 1), values, marker="o", ms=3, color=COLORS[side],
                    ls="--" if side == "fixed" else "-", label=f"{label}: {name}")
            ax.set_xlabel(panel.get("xlabel", "epoch"))
    if kind == "scatter":
        lo = min(min(r.get(panel["x"], [0])) for r in results.values())
        hi = max(max(r.get(panel["x"], [1])) for r in results.values())
        ax.plot([lo, hi], [lo, hi], color="gray", ls="--", lw=1, label="prediction = target")
        ax.set_xlabel(panel.get("xlabel", panel["x"]))
    elif kind == "hist":
        ax.set_xlabel(panel.get("xlabel", "value"))
        ax.set_ylabel("samples")
    if panel.get("log"):
        ax.set_yscale("log")
    ax.set_ylabel(panel.get("ylabel", ax.get_ylabel()))
    ax.set_title(panel.get("title", ""), fontsize=10)
    ax.grid(alpha=0.3)
    ax.legend(fontsize=8)
