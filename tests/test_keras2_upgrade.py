"""The Keras 2 → Keras 3 upgrade, end to end on Keras 3 for real (marked `tensorflow`): a Keras 2
training script with every removed argument RL504 knows, `decay=` and `lr=` on the optimizer,
`fit_generator`, `predict_classes` and a private import crashes on Keras 3; after one
`regr-lint check --fix --unsafe-fixes` (the command-line tool, in a subprocess) it trains with Keras
2's decayed learning rate and predicts, and a second `--fix` changes nothing."""
from __future__ import annotations

import importlib.util
import json
import subprocess
import sys

import pytest

pytestmark = [
    pytest.mark.tensorflow,
    pytest.mark.skipif(importlib.util.find_spec("tensorflow") is None,
                       reason="TensorFlow is not installed (pip install 'regr-lint[verify]')"),
]

KERAS2 = """\
import json
import numpy as np
from keras.models import Sequential
from keras.layers.core import Dense, Flatten
from keras.layers import Convolution2D, Input
from keras.optimizers import Adam
from keras.regularizers import l2
from keras.constraints import max_norm

rng = np.random.default_rng(0)
x = rng.normal(size=(64, 8, 8, 1)).astype("float32")
labels = (x[:, :4].mean(axis=(1, 2, 3)) > 0).astype("int32") + (x[:, :, :4].mean(axis=(1, 2, 3)) > 0).astype("int32")
y = np.eye(3, dtype="float32")[labels]


def batches():
    while True:
        for i in range(0, 64, 16):
            yield x[i:i + 16], y[i:i + 16]


model = Sequential()
model.add(Input((8, 8, 1)))
model.add(Convolution2D(nb_filter=8, kernel_size=3, border_mode="same", subsample=(1, 1), init="he_normal",
                        W_regularizer=l2(1e-4), b_regularizer=l2(1e-4), W_constraint=max_norm(3.0),
                        b_constraint=max_norm(3.0), activation="relu"))
model.add(Flatten())
model.add(Dense(output_dim=3, activation="softmax"))
model.compile(loss="categorical_crossentropy", optimizer=Adam(lr=0.01, decay=1e-3))
model.fit_generator(batches(), steps_per_epoch=4, nb_epoch=3, verbose=0)
classes = model.predict_classes(x, verbose=0)
print(json.dumps({"lr": float(model.optimizer.learning_rate), "n": int(len(classes)),
                  "iterations": int(model.optimizer.iterations)}))
"""


def _python(*args, cwd) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, *args], capture_output=True, text=True, timeout=300, cwd=cwd)


def test_a_keras2_script_trains_on_keras3_after_one_fix(tmp_path):
    script = tmp_path / "train.py"
    script.write_text(KERAS2)
    before = _python(str(script), cwd=tmp_path)
    assert before.returncode != 0 and "keras.layers.core" in before.stderr  # the first crash of several

    fix = _python("-m", "regr_lint", "check", "--no-cache", "--fix", "--unsafe-fixes", "train.py", cwd=tmp_path)
    assert fix.returncode == 0, fix.stdout + fix.stderr  # everything found was fixed
    fixed = script.read_text()
    for gone in ("keras.layers.core", "nb_filter=", "border_mode=", "subsample=", "init=", "W_regularizer=",
                 "b_regularizer=", "W_constraint=", "b_constraint=", "output_dim=", "lr=", "decay=",
                 "fit_generator", "nb_epoch=", "predict_classes"):
        assert gone not in fixed, gone

    after = _python(str(script), cwd=tmp_path)
    assert after.returncode == 0, after.stderr[-2000:]
    result = json.loads(after.stdout.strip().splitlines()[-1])
    assert result["n"] == 64 and result["iterations"] == 12
    # Keras 2's lr / (1 + decay * iterations) after 3 epochs of 4 steps
    assert result["lr"] == pytest.approx(0.01 / (1 + 1e-3 * 12), rel=1e-5)

    again = _python("-m", "regr_lint", "check", "--no-cache", "--fix", "--unsafe-fixes", "train.py", cwd=tmp_path)
    assert again.returncode == 0 and script.read_text() == fixed
