"""A warm run after an edit of one project module re-lints that module and the files that import it,
nothing else (issue "See the whole project", acceptance 4). Counted through the result cache: a file
linted again writes its entry again (a hit writes nothing), so the entries a run rewrites are the
files it re-linted. Real CLI runs."""
from __future__ import annotations

import json
import os
import textwrap
from pathlib import Path

from cli_helpers import codes, run, write

MODELS = textwrap.dedent("""\
    from keras import layers, models


    def build_model(n_features):
        model = models.Sequential()
        model.add(layers.Dense(32, activation="relu", input_shape=(n_features,)))
        model.add(layers.Dense(1, activation="sigmoid"))
        return model
""")
TRAIN = textwrap.dedent("""\
    import numpy as np

    from models import build_model

    x, y = np.random.rand(100, 4), np.random.rand(100) * 40.0
    model = build_model(4)
    model.compile(optimizer="adam", loss="mse")
    model.fit(x, y, epochs=3)
""")
# Keras code that imports no project module: an edit of models.py is nothing to it.
OTHER = textwrap.dedent("""\
    from keras import layers, models

    clf = models.Sequential([layers.Dense(3, activation="softmax", input_shape=(8,))])
    clf.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])
""")


def _entries(root: Path) -> dict[str, tuple]:
    """Each cache entry file -> (inode, mtime): a rewritten entry is a new file (atomic replace)."""
    out = {}
    for dirpath, _, names in os.walk(root / ".regr_lint_cache"):
        for name in names:
            if name.endswith(".json"):
                st = os.stat(os.path.join(dirpath, name))
                out[os.path.join(dirpath, name)] = (st.st_ino, st.st_mtime_ns)
    return out


def test_a_warm_run_after_editing_a_module_relints_it_and_its_importers_only(tmp_path):
    write(tmp_path, "pyproject.toml", "[tool.regr-lint]\n")
    models = write(tmp_path, "models.py", MODELS)
    write(tmp_path, "train.py", TRAIN)
    write(tmp_path, "other.py", OTHER)
    first = run("check", "--jobs", "1", ".", cwd=tmp_path)
    assert codes(first.stdout) == ["RL102"], first.stdout + first.stderr
    before = _entries(tmp_path)
    assert len(before) == 3, before  # one entry per linted file

    unchanged = run("check", "--jobs", "1", ".", cwd=tmp_path)
    assert unchanged.stdout == first.stdout
    assert _entries(tmp_path) == before  # all hits: nothing re-linted

    models.write_text(MODELS.replace('"sigmoid"', '"linear"'))
    edited = run("check", "--jobs", "1", ".", cwd=tmp_path)
    assert codes(edited.stdout) == [], edited.stdout + edited.stderr
    after = _entries(tmp_path)
    written = {path for path, sig in after.items() if before.get(path) != sig}
    # models.py (new contents: a new entry) and train.py (its entry again, with models.py's new
    # digest); other.py's entry is untouched
    assert len(written) == 2, written
    recorded = [json.loads(Path(p).read_text()).get("deps") or {} for p in written]
    assert sorted(bool(deps) for deps in recorded) == [False, True]
    assert [os.path.basename(d) for deps in recorded for d in deps] == ["models.py"]
    assert set(before) - set(written) <= set(after)
