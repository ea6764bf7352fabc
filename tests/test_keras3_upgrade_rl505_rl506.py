"""On Keras 3 for real (marked `tensorflow`): a Keras 2 script with `lr=`, `decay=`, `fit_generator`,
`predict_classes` and `predict_proba` crashes; after `--fix --unsafe-fixes` (RL501, RL502, RL505 and
RL506 together) it trains with Keras 2's decayed learning rate and predicts, and a second `--fix`
changes nothing."""
from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
import textwrap

import pytest

from regr_lint.engine.registry import load_rules
from regr_lint.fixes.apply import fix_text

pytestmark = [
    pytest.mark.tensorflow,
    pytest.mark.skipif(importlib.util.find_spec("tensorflow") is None,
                       reason="TensorFlow is not installed (pip install 'regr-lint[verify]')"),
]

KERAS2 = textwrap.dedent('''\
    import json
    import numpy as np
    from keras.models import Sequential
    from keras.layers import Dense, Input
    from keras.optimizers import SGD

    rng = np.random.default_rng(0)
    x = rng.normal(size=(64, 4)).astype("float32")
    y = (x[:, 0] > 0).astype("int32") + (x[:, 1] > 0).astype("int32")


    def batches():
        while True:
            for i in range(0, 64, 16):
                yield x[i:i + 16], y[i:i + 16]


    model = Sequential([Input((4,)), Dense(16, activation="relu"), Dense(3, activation="softmax")])
    sgd = SGD(decay=1e-2, momentum=0.9, lr=0.05)
    model.compile(loss="sparse_categorical_crossentropy", optimizer=sgd)
    model.fit_generator(batches(), steps_per_epoch=4, epochs=5, verbose=0)
    classes = model.predict_classes(x, verbose=0)
    probs = model.predict_proba(x, verbose=0)
    print(json.dumps({"lr": float(model.optimizer.learning_rate), "n": len(classes),
                      "argmax": bool((classes == probs.argmax(axis=-1)).all())}))
''')


def _run(source: str, tmp_path) -> subprocess.CompletedProcess:
    path = tmp_path / "train.py"
    path.write_text(source)
    return subprocess.run([sys.executable, str(path)], capture_output=True, text=True, timeout=300, cwd=tmp_path)


def test_keras2_script_runs_on_keras3_after_the_fixes(tmp_path):
    before = _run(KERAS2, tmp_path)
    assert before.returncode != 0 and "lr" in before.stderr  # Adam/SGD(lr=…): ValueError
    rules = load_rules()
    fixed = fix_text(KERAS2, "train.py", rules, unsafe=True)
    assert not [f for f in fixed.findings if f.code in ("RL501", "RL502", "RL505", "RL506")], fixed.findings
    again = fix_text(fixed.text, "train.py", rules, unsafe=True)
    assert again.text == fixed.text and not again.changed
    after = _run(fixed.text, tmp_path)
    assert after.returncode == 0, after.stderr[-2000:]
    result = json.loads(after.stdout.strip().splitlines()[-1])
    # 20 steps of Keras 2's lr / (1 + decay * iterations)
    assert result["lr"] == pytest.approx(0.05 / (1 + 1e-2 * 20), rel=1e-5)
    assert result["n"] == 64 and result["argmax"]
