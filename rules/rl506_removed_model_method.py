from __future__ import annotations

import ast
from typing import Optional

from regr_lint.lazy import cst

from regr_lint.knowledge import tables
from regr_lint.model.compat import defined_by_user, file_defines, model_alias, through_super, version_guarded
from regr_lint.rule import Edit, Fix, Rule
from regr_lint.rules.rl503_private_keras_import import own_trees


ATTRIBUTE_ERROR = frozenset({"AttributeError"})  # what Keras 3 raises for a removed method


class RemovedModelMethod(Rule):
    code = "RL506"
    name = "removed-model-method"
    summary = "Model.predict_classes / predict_proba were removed in Keras 3"
    severity = "error"  # AttributeError on Keras 3
    tokens = ("keras", ("predict_classes", "predict_proba"))
    names = (tuple(sorted(tables.REMOVED_MODEL_METHODS)),)
    reads_partial_source = True  # judges a call or import by itself (see Rule.reads_partial_source)
    skips_unreachable = True  # a call after a `raise` in its block never runs (see Rule.skips_unreachable)
    docs = """\
## What it does
Finds `predict_classes(…)` and `predict_proba(…)` called on a Keras model: one the file builds
(Sequential, functional, subclassed; also each of a list of them in a loop, over `enumerate(models)`
or `zip(names, models)` too), one loaded with `load_model` (also models loaded alike in a comprehension,
`[m.predict_proba(x) for m in [load_model(p) for p in paths]]`, or into a dict by name,
`{k: m.predict_proba(x) for k, m in models.items()}`), `self.model` (also a Keras
callback's, which Keras sets), or a model that
arrives as a parameter in a file that imports Keras (for `predict_proba`, which scikit-learn models
have too, such a model must also be used as only a Keras model is: `compile`, `evaluate`,
`summary`, `train_on_batch`, `add` of a layer — not `add("scaler")`, a pipeline's step named by a
string …). The finding is at the method name.

Not reported: scikit-learn, xgboost or other models (`LogisticRegression().predict_proba(X)`; a
call given a keyword Keras' methods never took, `clf.predict_classes(input_fn=fn)` of a
tf.contrib.learn estimator),
scikit-learn wrappers around a Keras model (`KerasClassifier(…).predict_proba(X)`), a function of
your own named `predict_classes`, a method of that name defined by a class of the file (unless it
calls Keras' own through `super()`: that call is reported), a call in
another module's code (a test function a runner star-imports and calls) on an object not known to be
a Keras model as this file reads that module — that module's own lint judges it —, and code
written for both Keras versions (under `if hasattr(model, "predict_classes")`, also held in a name,
a test of a `__version__` or `tf.version.VERSION` — held in flags as for RL501 —, except in the
branch every Keras 3 takes: `if tf.__version__ < "2.6":` is true for "2.16.1", a string; or in a `try:` whose handler catches `AttributeError`, or a bare `except:` /
`except Exception:` that binds no error and does the work another way, or in such a handler when the
`try:` body calls `predict` — the old call is the fallback).
Code that can never run (after an unconditional `raise`, `return`, `continue` or `break` in its
block) is not reported.

## Why is this bad?
`Sequential.predict_classes` and `predict_proba` were deprecated in TensorFlow 2.3 and removed in
2.6; Keras 3 has neither: the call raises `AttributeError: 'Sequential' object has no attribute
'predict_classes'` — after all the training that came before it.

## Example
```python
model = keras.Sequential([keras.Input((8,)), keras.layers.Dense(3, activation="softmax")])
classes = model.predict_classes(x_test)
probs = model.predict_proba(x_test)
```

## Use instead
```python
classes = np.argmax(model.predict(x_test), axis=-1)
probs = model.predict(x_test)
```
For a single sigmoid unit: `(model.predict(x_test) > 0.5).astype("int32")`.

## Fix safety
Unsafe, and only where the model's head is known. Keras 2's `predict_classes` thresholded a
one-unit output at 0.5 and took the argmax of a wider one: the fix writes
`(model.predict(x) > 0.5).astype("int32")` for a 1-unit sigmoid head and
`np.argmax(model.predict(x), axis=-1)` for a softmax head (with the file's numpy name, or
`numpy.argmax` and `import numpy` added when the file has none). No fix when the head is unknown
(a loaded model, a parameter, several outputs, another activation). `predict_proba(x)` returned
`predict(x)` unchanged: the fix renames the call.
"""
    VALID = [
        # a tf.contrib.learn estimator handed in, in a file that imports Keras: its predict_classes
        # takes input_fn=, which Keras' never did
        """
import numpy as np
import tensorflow as tf
from tensorflow import keras


def predict_estimator(clf, spectrum):
    def input_fn():
        return tf.constant(spectrum.astype(np.float32))
    return list(clf.predict_classes(input_fn=input_fn))[0], list(clf.predict_proba(input_fn=input_fn))[0]
""",
        # a hyperparameter pipeline (scikit-learn-like) given steps by name: its predict_proba is its own
        """
import numpy as np
from tensorflow.keras.metrics import AUC
from searchkit import SearchPipe


def test_pipeline(x=np.random.rand(40, 3)):
    pipe = SearchPipe("demo", metric=AUC)
    pipe.add("scaler")
    pipe.add("svc")
    pipe.fit(x, (x[:, 0] > 0.5).astype(int))
    return pipe.predict_proba(x)
""",
        # a class of the file holding a scikit-learn model as `self.model` (not a Keras callback)
        """\
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
from tensorflow import keras
class Scorer:
    def __init__(self, model, x_val, y_val):
        self.model, self.x_val, self.y_val = model, x_val, y_val
    def score(self):
        return roc_auc_score(self.y_val, self.model.predict_proba(self.x_val)[:, 1])
net = keras.Sequential([keras.Input((4,)), keras.layers.Dense(1)])
Scorer(LogisticRegression(), None, None).score()
""",
        # the Keras 3 spellings; scikit-learn's predict_proba next to a Keras model
        """
import numpy as np
import keras
from sklearn.linear_model import LogisticRegression
model = keras.Sequential([keras.Input((4,)), keras.layers.Dense(3, activation="softmax")])
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
model.fit(x, y, epochs=2)
classes = np.argmax(model.predict(x), axis=-1)
logreg = LogisticRegression(max_iter=1000).fit(x, y)
p = logreg.predict_proba(x)[:, 1]
def blend(clf, x):
    clf.fit(x, y)
    return clf.predict_proba(x)
""",
        # a function of the file named predict_classes, and a class that defines the method
        """
import numpy as np
import keras
def predict_classes(model, x, threshold=0.5):
    return (model.predict(x) > threshold).astype("int32")
class Wrapper:
    def __init__(self, model):
        self.model = model
    def predict_proba(self, x):
        return self.model.predict(x)
model = keras.models.load_model("m.keras")
pred = predict_classes(model, x)
probs = Wrapper(model).predict_proba(x)
""",
        # scikit-learn wrappers around a Keras model
        """
import keras
from scikeras.wrappers import KerasClassifier
def build():
    model = keras.Sequential([keras.layers.Dense(1, activation="sigmoid")])
    model.compile(optimizer="adam", loss="binary_crossentropy")
    return model
clf = KerasClassifier(model=build, epochs=5)
clf.fit(x, y)
p = clf.predict_proba(x)
new = keras.wrappers.SKLearnClassifier(model=build)
new.fit(x, y)
q = new.predict_proba(x)
""",
        # code written for both Keras versions
        """
import keras
model = keras.models.load_model("m.h5")
if hasattr(model, "predict_classes"):
    classes = model.predict_classes(x)
try:
    probs = model.predict_proba(x)
except AttributeError:
    probs = model.predict(x)
""",
        # scikit-learn models loaded in a comprehension: their predict_proba is their own
        """\
import joblib
import numpy as np

folds = [joblib.load(f"fold{i}.pkl") for i in range(5)]
x = np.load("x_test.npy")
blend = np.mean([clf.predict_proba(x) for clf in folds], axis=0)
""",
        # models loaded into a dict by name, called with predict()
        """\
import numpy as np
from tensorflow.keras.models import load_model

WEIGHTS = {"cnn": "cnn.h5", "rnn": "rnn.h5"}
members = {name: load_model(path) for name, path in WEIGHTS.items()}
x = np.load("x_test.npy")
votes = {k: m.predict(x) for k, m in members.items()}
""",
        # scikit-learn models loaded into a dict by name: their predict_proba is theirs
        """\
import joblib
import numpy as np
from tensorflow import keras

WEIGHTS = {"svm": "svm.joblib", "rf": "rf.joblib"}
members = {name: joblib.load(path) for name, path in WEIGHTS.items()}
votes = {k: m.predict_proba(np.load("x_test.npy")) for k, m in members.items()}
net = keras.models.load_model("net.keras")
""",
        # the old method only where a `hasattr` held in a name, or TensorFlow's version constant, says
        # it exists
        """\
import tensorflow as tf

model = tf.keras.Sequential([tf.keras.Input((4,)), tf.keras.layers.Dense(3, activation="softmax")])
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
HAS_PREDICT_CLASSES = hasattr(model, "predict_classes")
labels = model.predict_classes(x) if HAS_PREDICT_CLASSES else model.predict(x).argmax(-1)
if tuple(map(int, tf.version.VERSION.split(".")[:2])) < (2, 6):
    probs = model.predict_proba(x)
else:
    probs = model.predict(x)
""",
        # after a `break` in the loop's block: never runs
        """\
import keras

model = keras.models.load_model("m.keras")
for batch in batches:
    probs = model.predict(batch)
    break
    labels = model.predict_classes(batch)
""",
    ]
    INVALID = [
        # a model subclass's override calling Keras' own method through super()
        """\
import keras


class Ranked(keras.Sequential):
    def predict_classes(self, x):
        return super().predict_classes(x)  # expect: RL506
""",
        # a Keras callback's `self.model`: the Keras model Keras hands it
        """\
from sklearn.metrics import roc_auc_score
from tensorflow import keras
class RocCallback(keras.callbacks.Callback):
    def __init__(self, x_val, y_val):
        super().__init__()
        self.x_val, self.y_val = x_val, y_val
    def on_epoch_end(self, epoch, logs=None):
        p = self.model.predict_proba(self.x_val)  # expect: RL506
        print(roc_auc_score(self.y_val, p))
""",
        """
from keras.models import Sequential
from keras.layers import Dense
model = Sequential()
model.add(Dense(10, input_shape=(4,), activation="relu"))
model.add(Dense(3, activation="softmax"))
model.compile(loss="categorical_crossentropy", optimizer="adam")
model.fit(x, y, epochs=10)
probabilities = model.predict_proba(x_test)  # expect: RL506
classes = model.predict_classes(x_test)  # expect: RL506
""",
        # a loaded model in a loop, a parameter, self.model
        """
from keras.models import load_model
model = load_model("eyes.h5")
for eye in eyes:
    state = model.predict_classes(eye)  # expect: RL506
def label(net, batch):
    return net.predict_classes(batch, verbose=0)  # expect: RL506
class Predictor:
    def __init__(self):
        self.model = load_model("m.h5")
    def run(self, x):
        return self.model.predict_proba(x)  # expect: RL506
""",
        # a functional model with a sigmoid unit, a chained multi-line call
        """
import tensorflow as tf
inp = tf.keras.Input(shape=(8,))
out = tf.keras.layers.Dense(1, activation="sigmoid")(inp)
model = tf.keras.Model(inp, out)
model.compile(optimizer="adam", loss="binary_crossentropy")
labels = (model
          .predict_classes(x_test))  # expect: RL506
""",
        # models loaded in a comprehension, each asked for predict_proba (in a comprehension and a loop)
        """\
import numpy as np
import keras

folds = [keras.models.load_model(f"fold{i}.keras") for i in range(5)]
x = np.load("x_test.npy")
blend = np.mean([net.predict_proba(x) for net in folds], axis=0)  # expect: RL506
for net in folds:
    print(net.predict_proba(x[:3]))  # expect: RL506
""",
        # models loaded into a dict by name, called through .items() in a comprehension
        """\
import numpy as np
from tensorflow.keras.models import load_model

WEIGHTS = {"cnn": "cnn.h5", "rnn": "rnn.h5"}
members = {name: load_model(path) for name, path in WEIGHTS.items()}
x = np.load("x_test.npy")
votes = {k: m.predict_proba(x) for k, m in members.items()}  # expect: RL506
""",
        # models loaded into a dict under keys not known here, called in a loop over .values()
        """\
import sys
import numpy as np
from tensorflow.keras.models import load_model

members = {p.split(".")[0]: load_model(p) for p in sys.argv[1:]}
for m in members.values():
    print(m.predict_proba(np.load("x_test.npy")))  # expect: RL506
""",
        # models the file builds, iterated with enumerate / zip
        """\
from keras.layers import Dense
from keras.models import Sequential


def build(units):
    model = Sequential([Dense(units, activation="relu", input_shape=(8,)), Dense(3, activation="softmax")])
    model.compile(loss="categorical_crossentropy", optimizer="adam")
    return model


members = [build(u) for u in (16, 64)]
for i, member in enumerate(members, start=1):
    p1 = member.predict_proba(x)  # expect: RL506
for name, member in zip(["small", "large"], members):
    p2 = member.predict_proba(x)  # expect: RL506
""",
        # the branch of a version test Keras 3 takes
        """\
import keras

MAJOR = int(keras.__version__.split(".")[0])
model = keras.models.load_model("m.keras")
classes = model.predict_classes(x) if MAJOR >= 2 else model.predict(x).argmax(-1)  # expect: RL506
""",
        # a version compared as a string: "2.16.1" < "2.6" (measured: True on TensorFlow 2.21), so
        # Keras 3's TensorFlow takes the branch meant for TensorFlow before 2.6
        """\
import tensorflow as tf

model = tf.keras.models.load_model("m.keras")
if tf.__version__ < "2.6":
    labels = model.predict_classes(x)  # expect: RL506
else:
    labels = model.predict(x).argmax(-1)
""",
        # look-alike of code that never runs: the `break` leaves the inner loop, the outer one goes on
        """\
import keras

model = keras.models.load_model("m.keras")
for batch in batches:
    for row in batch:
        break
    labels = model.predict_classes(batch)  # expect: RL506
""",
    ]

    def applies_to(self, path: str) -> bool:
        return not own_trees(path)  # Keras' and TensorFlow's own sources

    def check(self, facts):
        seen = set()
        for model in facts.models:
            for call in model.calls:
                method = call.method
                if method not in tables.REMOVED_MODEL_METHODS or id(call.node) in seen:
                    continue
                func = call.node.func
                if not isinstance(func, cst.Attribute) \
                        or defined_by_user(model.cls, method) and not through_super(call.node):
                    continue
                if any(a.keyword is not None and a.keyword.value not in _KERAS_KEYWORDS for a in call.node.args):
                    # `clf.predict_classes(input_fn=fn)`: a tf.contrib.learn estimator's — Keras'
                    # took only (x, batch_size, verbose)
                    continue
                if model.kind == "opaque":
                    if model.home is not None:
                        # an object another module's code calls it on, not known to be a model as
                        # this file reads that module: that module's own lint judges it (it knows
                        # its own names as well, a project class of that name among them)
                        continue
                    if isinstance(func.value, cst.Name) and file_defines(facts, method) \
                            and not model_alias(facts, func.value.value):
                        continue  # an unknown `obj`, and a class of the file has the method
                    if method == "predict_proba" and not model.keras_given and not any(
                            _keras_only(c) for c in model.calls):
                        continue  # scikit-learn's method too: nothing shows this is a Keras model
                if id(call.node) in version_guarded(facts, tables.REMOVED_MODEL_METHODS, ATTRIBUTE_ERROR):
                    continue
                seen.add(id(call.node))
                if method == "predict_proba":
                    message = ("Model.predict_proba() was removed in Keras 3 (AttributeError); "
                               "predict() returns the same probabilities")
                    fix = Fix(False, "call predict(...)", (Edit(func.attr, cst.Name("predict")),))
                else:
                    message = ("Model.predict_classes() was removed in Keras 3 (AttributeError); use "
                               "np.argmax(model.predict(x), axis=-1) for a softmax head, "
                               "(model.predict(x) > 0.5).astype(\"int32\") for a sigmoid unit")
                    fix = _classes_fix(facts, model, call.node)
                yield self.report(func.attr, message, fix)


# What Keras 2's Sequential.predict_classes / predict_proba took (x, batch_size=32, verbose=0)
_KERAS_KEYWORDS = frozenset({"x", "batch_size", "verbose"})


def _keras_only(call) -> bool:
    """A call only a Keras model answers — `add` of a layer, not of a step named by a string
    (`pipe.add("scaler")`, a hyperparameter pipeline's)."""
    if call.method not in tables.KERAS_ONLY_MODEL_METHODS:
        return False
    args = call.node.args
    return not (call.method == "add" and args and isinstance(
        args[0].value, (cst.SimpleString, cst.ConcatenatedString, cst.FormattedString)))


def _classes_fix(facts, model, call: cst.Call) -> Optional[Fix]:
    if model.kind == "opaque":
        return None
    heads = model.heads()
    if len(heads) != 1:
        return None
    head = heads[0]
    func = call.func
    predict = call.with_changes(func=func.with_changes(attr=cst.Name("predict")), lpar=[], rpar=[])
    if head.activation == "sigmoid" and head.units == 1:
        above = cst.Comparison(predict, [cst.ComparisonTarget(
            cst.GreaterThan(), cst.Float("0.5"))], lpar=[cst.LeftParen()], rpar=[cst.RightParen()])
        new = cst.Call(cst.Attribute(above, cst.Name("astype")), [cst.Arg(cst.SimpleString('"int32"'))],
                       lpar=call.lpar, rpar=call.rpar)
        return Fix(False, "threshold predict(...) at 0.5 (one sigmoid unit)", (Edit(call, new),))
    if head.activation == "softmax" and head.units != 1:
        spelled = _numpy_name(facts)
        axis = cst.Arg(cst.UnaryOperation(cst.Minus(), cst.Integer("1")), keyword=cst.Name("axis"),
                       equal=cst.AssignEqual(cst.SimpleWhitespace(""), cst.SimpleWhitespace("")))
        if spelled is None:
            new = cst.Call(cst.Attribute(predict, cst.Name("argmax")), [axis], lpar=call.lpar, rpar=call.rpar)
            return Fix(False, "take the argmax of predict(...) (a softmax head)", (Edit(call, new),))
        np_name, imports = spelled
        new = cst.Call(cst.Attribute(cst.Name(np_name), cst.Name("argmax")), [cst.Arg(predict), axis],
                       lpar=call.lpar, rpar=call.rpar)
        return Fix(False, f"take {np_name}.argmax of predict(...) (a softmax head)", (Edit(call, new),),
                   imports=imports)
    return None


def _numpy_name(facts) -> Optional[tuple[str, tuple]]:
    """(the name numpy goes by in this file, the imports that needs), or None when no name is safe."""
    names = facts.name_bindings()
    if names is None:
        return None
    for name in ("np", "numpy"):
        bindings = names.of(name)
        if bindings and all(isinstance(node, ast.Import) and alias is not None and alias.name == "numpy"
                            and (alias.asname or "numpy") == name for node, alias in bindings):
            return name, ()
    if names.module_is_free("numpy"):
        return "numpy", ("numpy",)
    return None

