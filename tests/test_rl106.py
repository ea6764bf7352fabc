"""RL106's target evidence, one data-preparation idiom at a time: each source prepares `y` and fits a
relu-headed regression model on it; the rule must fire exactly when the file shows `y` can be negative."""
from __future__ import annotations

import textwrap

import pytest

from regr_lint.engine.lint import lint_text
from regr_lint.engine.registry import load_rules

RULES = [r for r in load_rules() if r.code == "RL106"]

HEADER = """\
import numpy as np
import pandas as pd
import keras
from sklearn import datasets
from sklearn.preprocessing import MinMaxScaler, PowerTransformer, RobustScaler, StandardScaler
x = np.load("x.npy")
df = pd.read_csv("prices.csv")
"""
FOOTER = """
model = keras.Sequential([keras.layers.Dense(16, activation="relu"), keras.layers.Dense(1, activation="relu")])
model.compile(optimizer="adam", loss="mse")
model.fit(x, y)
"""

SIGNED = {
    "standard-scaler": 'y = StandardScaler().fit_transform(df[["close"]])',
    "scaler-fit-then-transform": 'sy = StandardScaler().fit(df[["close"]].values)\ny = sy.transform(df[["close"]].values).ravel()',
    "by-hand": 'y = df["close"].values\ny = (y - y.mean()) / y.std()',
    "by-hand-eps": 'r = df["reward"].values\ny = (r - np.mean(r)) / (np.std(r) + 1e-8)',
    "in-place": 'y = df["close"].values.astype("float32")\ny -= y.mean()\ny /= y.std()',
    "minmax-pm1": 'y = MinMaxScaler(feature_range=(-1, 1)).fit_transform(df[["close"]])',
    "minmax-times-2-minus-1": 'y = MinMaxScaler().fit_transform(df[["close"]]) * 2 - 1',
    "by-hand-minmax-centred": 'c = df["close"].values\ny = (c - c.min()) / (c.max() - c.min()) - 0.5',
    "make-regression": 'x, y = datasets.make_regression(n_samples=200, n_features=3, noise=5.0)',
    "sin-series-windows": 's = np.sin(0.1 * np.arange(1000))\ny = np.array([s[i + 10] for i in range(900)])\ny = s[10:910]',
    "cos-symmetric-range": 't = np.linspace(-np.pi, np.pi, 500)\ny = np.cos(t)',
    "pct-change": 'y = df["close"].pct_change().dropna().values',
    "diff": 'y = df["close"].diff().fillna(0).values',
    "log-ratio": 'y = np.log(df["close"] / df["close"].shift(1)).dropna().values',
    "log-difference-column": 'df["lr"] = np.log(df["close"]) - np.log(df["close"].shift(1))\ndf = df.dropna()\ny = df["lr"].values',
    "standardised-frame-column": 'sdf = pd.DataFrame(StandardScaler().fit_transform(df), columns=df.columns)\ny = sdf["close"]',
    "power-transformer": 'y = PowerTransformer().fit_transform(df[["close"]])',
    "robust-scaler": 'y = RobustScaler().fit_transform(df[["close"]])',
    "line-through-symmetric-range": 'u = np.random.uniform(-10, 10, size=(200, 1))\ny = 3 * u + 2',
    "literal-below-zero": 'y = np.array([-1.5, 0.5, 2.0])',
    "noise": 'y = np.random.randn(200)',
}

NOT_SIGNED = {
    "raw-prices": 'y = df["close"].values',
    "features-only-standardised": 'x = StandardScaler().fit_transform(x)\ny = df["close"].values',
    "minmax-default": 'y = MinMaxScaler().fit_transform(df[["close"]])',
    "standardised-then-rescaled": 'z = StandardScaler().fit_transform(df[["close"]])\ny = MinMaxScaler().fit_transform(z)',
    "standardised-then-exp": 'y = np.exp(StandardScaler().fit_transform(df[["close"]]))',
    "not-centred": 'y = StandardScaler(with_mean=False).fit_transform(df[["close"]])',
    "robust-not-centred": 'y = RobustScaler(with_centering=False).fit_transform(df[["close"]])',
    "shifted-sine": 't = np.linspace(0, 20, 500)\ny = np.sin(t) + 1.0',
    "sine-of-half-turn": 'a = np.linspace(0, 3.0, 500)\ny = np.sin(a)',
    "sine-of-unit-draw-times-pi": 'y = np.sin(np.random.rand(200) * np.pi)',
    "squares": 'u = np.linspace(-5, 5, 200)\ny = u ** 2',
    "positive-line": 'u = np.linspace(0, 10, 200)\ny = 3 * u + 1',
    "absolute-returns": 'y = df["close"].pct_change().abs().dropna().values',
    "volatility": 'y = df["close"].pct_change().rolling(20).std().dropna().values',
    "daily-cases-from-cumulative": 'y = df["Confirmed"].diff().fillna(0).values',
    "make-regression-shifted": 'x, y = datasets.make_regression(n_samples=200, n_features=3)\ny = y - y.min()',
    "returns-as-feature-only": 'df["ret"] = df["close"].pct_change()\nx = df[["ret"]].values\ny = df["close"].values',
    "other-column-standardised": 'cols = ["a", "b"]\ndf[cols] = StandardScaler().fit_transform(df[cols])\ny = df["close"].values',
    "log-ratio-to-minimum": 'y = np.log(df["close"] / df["close"].min()).values',
    "normal-far-from-zero": 'y = np.random.normal(50, 5, 200)',
}


def _found(prep: str) -> bool:
    source = HEADER + textwrap.dedent(prep) + "\n" + FOOTER
    return any(f.code == "RL106" for f in lint_text(source, "t.py", RULES))


@pytest.mark.parametrize("prep", list(SIGNED.values()), ids=list(SIGNED))
def test_signed_targets_are_evidence(prep):
    assert _found(prep)


@pytest.mark.parametrize("prep", list(NOT_SIGNED.values()), ids=list(NOT_SIGNED))
def test_no_evidence_no_finding(prep):
    assert not _found(prep)


def test_reported_at_the_activation_with_an_unsafe_fix():
    source = HEADER + 'y = StandardScaler().fit_transform(df[["close"]])\n' + FOOTER
    [finding] = lint_text(source, "t.py", RULES)
    line = source.splitlines()[finding.line - 1]
    assert line[finding.col - 1:].startswith('activation="relu")])')
    assert finding.fix is not None and not finding.fix.safe
