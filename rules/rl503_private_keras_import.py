from __future__ import annotations

import os
from functools import lru_cache
from typing import Optional

from regr_lint.lazy import cst

from regr_lint.input.vocabulary import KERAS_NAMES
from regr_lint.knowledge import tables
from regr_lint.knowledge.public_api import PUBLIC_NAMES, PUBLIC_SUBMODULES, exports
from regr_lint.model.compat import attribute_guarded, call_keywords, calls_holding, import_guarded
from regr_lint.model.names import canonical, dotted_name, is_private, missing_export
from regr_lint.rule import Edit, Fix, Rule


def public_module(module: str) -> Optional[str]:
    """The public module that holds the public twins of a private module's names: exact table
    entries only, never a sub-module made up from the private path."""
    return tables.PUBLIC_MODULES.get(module)


def public_exists(dotted: str) -> bool:
    """`dotted` is a public Keras name known to exist (`public_api`, read from keras 3), or one of
    the public modules themselves (`from tensorflow.python.keras import layers`)."""
    module, _, name = dotted.rpartition(".")
    return name in PUBLIC_NAMES.get(module, ()) or dotted in PUBLIC_NAMES


def public_symbol(path: str) -> Optional[str]:
    """The public twin of a private name, only when it is known to exist."""
    target = tables.PUBLIC_SYMBOLS.get(path)
    if target is None:
        module, _, name = path.rpartition(".")
        public = public_module(module)
        target = f"{public}.{name}" if public else None
    if target is None and path.startswith("tensorflow.keras."):
        # `tf.keras.engine.input_layer.Input` is `keras.engine.input_layer.Input` reached through tf
        twin = public_symbol(path[len("tensorflow."):])
        target = f"tensorflow.{twin}" if twin and twin.startswith("keras.") else None
    return target if target is not None and public_exists(target) else None


def _owner(internal: str) -> Optional[str]:
    """The package whose internals `internal` (a path as the file spells it) are, if known."""
    owners = [o for o in tables.PRIVATE_KERAS_OWNER_TREES if internal == o or internal.startswith(o + ".")]
    return max(owners, key=len) if owners else None


def own_trees(path: str) -> frozenset:
    """The owners (keys of `tables.PRIVATE_KERAS_OWNER_TREES`) whose own source tree the file at
    `path` is in (`keras/src/…`, `tensorflow/python/…`), whatever the working directory."""
    return _own_trees(os.path.abspath(path).replace("\\", "/")) if path else frozenset()


_KERAS2_LAYOUT = frozenset(tables.KERAS2_SOURCE_LAYOUT)
_NOT_KERAS2_PACKAGE = frozenset({"python", "tests", "test"})


@lru_cache(maxsize=4096)
def _own_trees(path: str) -> frozenset:
    parts = path.split("/")
    # Keras 2's layout marks a tree only where keras/ is the package itself: not TensorFlow's
    # bundled copy (tensorflow/python/keras/ is TensorFlow's, and reports keras.src), nor a tests/keras/
    # folder (Keras 2's test suite, where scripts of a fork's own sit beside the tests), nor a
    # project's own sub-package named keras (`mylab/keras/__init__.py` beside `mylab/__init__.py`,
    # importing the real Keras: Keras is a top-level package)
    pairs = {(a, b) for i, (before, a, b) in enumerate(zip(["", *parts], parts, parts[1:]))
             if (a, b) not in _KERAS2_LAYOUT
             or before not in _NOT_KERAS2_PACKAGE and not _in_a_package(parts[:i])}
    return frozenset(owner for owner, marks in tables.PRIVATE_KERAS_OWNER_TREES.items()
                     if any(mark in pairs for mark in marks))


def _in_a_package(folder: list) -> bool:
    """Whether the folder (path parts) is itself a package: it holds an __init__.py."""
    return len(folder) > 1 and os.path.isfile("/".join([*folder, "__init__.py"]))


@lru_cache(maxsize=None)
def _may_use_all(own: frozenset, prefixes: tuple) -> bool:
    """Files of these trees may use every internal in `prefixes` (asked for every file: cached)."""
    return all(_owner(p) in own for p in prefixes)


def exempt(path: str, internal: str) -> bool:
    """A file of `internal`'s own package: a library may use its own internals."""
    owner = _owner(internal)
    return owner is not None and owner in own_trees(path)


def _removed_hint(path: str) -> Optional[str]:
    """The hint for a Keras 1/2 module or name gone from Keras 3 (`tables.REMOVED_KERAS_HINTS`)."""
    keys = [k for k in tables.REMOVED_KERAS_HINTS if path == k or path.startswith(k + ".")]
    return tables.REMOVED_KERAS_HINTS[max(keys, key=len)] if keys else None


def _dotted_node(path: str) -> cst.BaseExpression:
    return cst.parse_expression(path)


def _root(node) -> str:
    """The name a dotted chain starts from (`keras` of `keras.src.saving.load_model`)."""
    return (dotted_name(node) or "").partition(".")[0]


def _ticks(names) -> str:
    return ", ".join(f"`{n}`" for n in names)


# What a missing name (`from keras.layers import X`) and a missing module (`import keras.datasets.cifar`,
# `from keras.datasets.cifar import …`) raise: ModuleNotFoundError is the second's only
_NAME_ERRORS = frozenset({"ImportError"})
_MODULE_ERRORS = frozenset({"ImportError", "ModuleNotFoundError"})


def _missing_message(node, path: str, imported_name: bool, failure: str = "the import fails") -> str:
    """`keras.applications.resnet50` has no `Dense`: the names of the statement its module lacks (or
    the module path, `keras.datasets` has no `cifar`), what the module exports when that is short, and
    where Keras 3 keeps a name of that spelling."""
    module, _, name = path.rpartition(".")
    names = [name]
    if imported_name:
        names = list(dict.fromkeys(a.name.value for a in node.names
                                   if isinstance(a.name, cst.Name) and missing_export(f"{module}.{a.name.value}")))
    own = sorted(exports(module))
    listed = f" (it exports {_ticks(own)})" if len(own) <= 6 else ""
    root = module.partition(".")[0]
    # (not for the backend's functions: Keras 3 moved them to keras.ops, some under a name another
    # module uses for something else — `K.identity` is a tensor op, `initializers.identity` a class)
    homes = [] if module.rpartition(".")[2] == "backend" else [
        f"{m}.{n}" for n in names for m in sorted(PUBLIC_NAMES) if m.partition(".")[0] == root
        and n in PUBLIC_NAMES[m]]
    where = f"; use {_ticks(homes)}" if homes and len(homes) <= 3 else ""
    return f"`{module}` has no {_ticks(names)} in Keras 3: {failure}{listed}{where}"


def _imported_from_keras(module) -> set:
    """The names the file's top level binds by importing Keras or TensorFlow itself (`import
    tensorflow.keras.backend as K`): a project module's star import binding the same name again
    (`from rl.util import *`, which imports the same backend) does not make it that module's."""
    out = set()
    for stmt in module.body:
        for small in stmt.body if isinstance(stmt, cst.SimpleStatementLine) else ():
            if isinstance(small, cst.Import):
                for alias in small.names:
                    path = dotted_name(alias.name) or ""
                    if path.partition(".")[0] in ("keras", "tensorflow", "tf_keras"):
                        out.add(alias.asname.name.value if alias.asname is not None
                                and isinstance(alias.asname.name, cst.Name) else path.partition(".")[0])
            elif isinstance(small, cst.ImportFrom) and not small.relative and small.module is not None \
                    and (dotted_name(small.module) or "").partition(".")[0] in ("keras", "tensorflow", "tf_keras") \
                    and not isinstance(small.names, cst.ImportStar):
                out.update(a.asname.name.value if a.asname is not None and isinstance(a.asname.name, cst.Name)
                           else a.name.value for a in small.names if isinstance(a.name, cst.Name))
    return out


def _renamed_by_rl502(node, path: str, call) -> bool:
    """`keras.optimizers.adam(lr=1e-3)`: RL502 reports the call, naming the alias as gone with
    the argument and fixing both."""
    module, _, name = canonical(path).rpartition(".")
    return module == "keras.optimizers" and name in tables.LOWERCASE_OPTIMIZERS and call.func is node \
        and "lr" in call_keywords(call)


class PrivateKerasImport(Rule):
    code = "RL503"
    name = "private-keras-import"
    summary = "Import or attribute path through Keras internals (keras.engine, tensorflow.python.keras …)"
    severity = "warning"  # it fails loudly at import on Keras 3, and may be deliberate on a pinned Keras 2
    # the distinctive part of every internal path in tables.PRIVATE_KERAS_PREFIXES
    reads_other_modules = False  # an import or attribute chain of the file itself
    # every internal path starts at one of these, imported (or aliased) by the file itself: a file
    # whose text says "keras" only inside another name (`keras_tuner`, `tf_keras_vis`) is not parsed
    names = (tuple(sorted(KERAS_NAMES)),)
    reads_partial_source = True  # judges a call or import by itself (see Rule.reads_partial_source)
    skips_unreachable = True  # a call after a `raise` in its block never runs (see Rule.skips_unreachable)
    # (a prefix's last component, or a more telling part of it where that is an everyday word)
    tokens = ("keras", tuple(sorted({"tensorflow_core" if p.startswith("tensorflow_core.")
                                     else "common" if p == "keras.backend.common"  # (`K.common.epsilon()` too)
                                     # (not "callbacks": nearly every training script names keras.callbacks)
                                     else "callbacks.callbacks" if p == "keras.callbacks.callbacks"
                                     else "legacy" if p in tables.LEGACY_OPTIMIZER_PATHS
                                     else p.split(".")[1] if p.endswith(".keras") else p.rsplit(".", 1)[-1]
                                     for p in tables.PRIVATE_KERAS_PREFIXES}
                                 # an import from a public module whose names the tables know whole (as an
                                 # import only: `keras.layers.Dense(...)` in a docstring or a chain is none;
                                 # a chain to a gone name, `keras.models.model_from_yaml(…)`, is read in a
                                 # file these let through: `keras.` would let nearly every Keras file through)
                                 | {"keras import", "from keras.", "from tensorflow.keras.", "import keras.",
                                    "import tensorflow.keras."})))
    docs = """\
## What it does
Finds imports and attribute chains that reach into Keras internals: `keras.engine.*`,
`keras.layers.core` and the other Keras 2 layer sub-modules (also as `tensorflow.keras.layers.…`),
tf.keras 2's `layers.experimental` / `layers.experimental.preprocessing` (their layers are
`keras.layers.X` since TensorFlow 2.6; Keras 3 has no `experimental`) and `mixed_precision.experimental`
(TensorFlow 2.1–2.3's preview of `keras.mixed_precision`), `keras.backend.common`, Keras 2's
backend modules (`keras.backend.tensorflow_backend`, also reached as `K.tensorflow_backend` through
`tensorflow.keras.backend`), `keras.utils.np_utils` (Keras 2's utility modules also through tf.keras,
`tf.keras.utils.generic_utils`, which its public API never had),
`tensorflow.python.keras.*` (also as TensorFlow 2.0 / 2.1 spelled it, `tensorflow_core.python.keras.*`,
a package gone since 2.2), `keras.src.*` (and `keras_core.src.*`, of Keras 3's preview package) and the like — also inside `try/except ImportError`
shims — and Keras 1/2 modules and names gone from Keras 3: the Keras 1 `merge` function and `Merge`
layer, Keras 1's `keras.initializations` and `keras.objectives` and its lowercase constraint aliases
(`keras.constraints.maxnorm`, `nonneg`, `unitnorm`), activity regularizers (`activity_l2` …) and `l1l2`,
and "th" / "tf" image ordering switches (`K.image_dim_ordering()`, `K.set_image_dim_ordering(…)`), Keras
0's `keras.utils.theano_utils`, `keras.layers.extra` and `keras.layers.containers`, Keras 2's `Recurrent` base class,
its `Deconv2D` / `Deconv3D` aliases and `CuDNNLSTM` / `CuDNNGRU` layers, Keras 2.3's
`keras.callbacks.callbacks` module, tf.keras 2's `keras.optimizer_v1` / `keras.optimizer_v2` optimizer modules,
the optimizer classes of tf.keras 2.11–2.15's `keras.optimizers.legacy` (`tf.keras.optimizers.legacy.Adam`:
Keras 3 keeps stubs of some that fail when built; not `legacy.Optimizer`, whose isinstance() test still runs),
`keras.utils.multi_gpu_model`, `keras.utils.test_utils`, the
`Input` Keras 2's `keras.models` re-exported (`from keras.models import Input`: `keras.Input` since; also `Input` used after `from keras.models import *` alone),
`keras.utils.visualize_util`, `keras.wrappers.scikit_learn` (also spelled through
`tensorflow.keras`, whose public API never exported them). Also an import of a name or sub-module that a
public Keras 3 module does not export under either spelling, `keras.M` or `tensorflow.keras.M`
(`from keras.applications.resnet50 import Dense`, a re-export of Keras 2.0's; Keras 1's `identity_block`
there; `from keras.datasets.cifar10 import load_batch`; `from keras.layers import LocallyConnected2D`):
judged only for the modules whose names `regr_lint.knowledge.public_api` records whole (read from Keras
3.15.1), never a `_`-name; such a name is also reported reached as an attribute chain in a call, an
AttributeError on Keras 3 (`tf.keras.experimental.CosineDecay(...)`, `keras.models.model_from_yaml(text)`,
`K.get_session()`), unless the call is written for the versions that have it (a `hasattr` of the name, a
version test, a `try:` whose handler catches AttributeError or everything) — a lowercase optimizer alias
given `lr=` is RL502's, and a chain outside a call is left alone; the names Keras 3's tf.keras keeps (`keras.losses.mse`, the backend
functions, `keras.preprocessing.text`) are left to a migration to tf.keras, and an import in a `try:`
whose handler catches `ImportError` is compat code (not reported). Reported once per import statement (at the
module, or at the first gone name when the module itself is public: `merge` on its own line of a
parenthesised `from keras.layers import (...)`; a `# noqa` on any line of the statement applies) or
attribute chain (the longest one, however often the function holding it runs; also in a type annotation
or an `assert`, `def fit(m: keras.engine.training.Model)`; a chain through a module the file imports
with `import keras.engine.topology` is a use of that import, reported with it). A library may use its own internals, so the source tree of the package
that owns them is not reported for them: Keras' own sources (`keras/src/`, `keras/api/`,
`tf_keras/src/` …, and Keras 1 / 2's modules straight under `keras/` — `keras/engine/`,
`keras/layers/`, `keras/models.py` … — in a copy vendored into a repository, `keras/` at the top of
its folder: a sub-package of a project's own named keras, `mylab/keras/` beside `mylab/__init__.py`,
is the project's) for any Keras code base's internals, TensorFlow's (`tensorflow/python/`,
`tensorflow/_api/`, `tensorflow/lite/` …) for its bundled copy `tensorflow.python.keras` only —
TensorFlow importing `keras.src.…` is still reported, and so is every other project (the trees are
data in `regr_lint.knowledge.tables`).
Code that can never run (after an unconditional `raise`, `return`, `continue` or `break` in its
block) is not reported.

## Why is this bad?
These modules are not API. They moved or disappeared between releases (Keras 3's own `keras.src.*`
still imports on Keras 3, and its message says so: private, not gone): on Keras 3,
`keras.engine.input_layer.Input` is an `AttributeError`, `from keras.layers.core import Dense` a
`ModuleNotFoundError`, and `tensorflow.python.keras` is a frozen copy of Keras 2.x that the rest of
TensorFlow no longer uses, so models built from it do not mix with `tf.keras` ones.

Severity: warning. On Keras 3 the import fails at once — loudly, never a silently wrong model —
and on a project pinned to Keras 2 / tf-keras, or one extending Keras, reaching into internals may be
deliberate.

## Example
```python
from keras.layers.core import Dense, Activation
inputs = keras.engine.input_layer.Input((64, 1))
```

## Use instead
```python
from keras.layers import Dense, Activation
inputs = keras.Input((64, 1))
```

## Fix safety
Safe, and offered only when every name it writes is known to exist: `keras.engine.input_layer.Input`
→ `keras.Input`, `from keras.layers.core import Dense` → `from keras.layers import Dense`,
`from tensorflow.python.keras.layers import LSTM` → `from tensorflow.keras.layers import LSTM`, … The
private → public tables live in `regr_lint.knowledge.tables`; the public names they are checked against in
`regr_lint.knowledge.public_api` (read from Keras 3, never imported at lint time). An import of a name that the
public module does not have (`PeepholeLSTMCell`, `to_list`, a sub-module such as `generic_utils`),
names whose twins live in different modules, `import a.b.c` statements and internals without a
public twin are reported without a fix — no unsafe fix either, since the rewritten import would fail.
The message then names the public module when the private one maps to it as a whole, and never a
sub-module path of its own making. A name a public module lacks gets no fix: the message names what the
module exports (when that is short) and where Keras 3 has a name of that spelling (`keras.layers.Dense`).
A removed module or name gets a hint naming the Keras 3 way, and
no fix: `merge(mode="concat")` / `Merge` → `keras.layers.concatenate` / `Concatenate` (`add`,
`multiply`, … for the other modes), `visualize_util.plot` → `keras.utils.plot_model`, the
scikit-learn wrappers → the `scikeras` package (hints in `regr_lint.knowledge.tables.REMOVED_KERAS_HINTS`).
"""
    VALID = [
        # the look-alike: `Input` from a star import of keras.layers beside keras.models'
        """
from keras.models import *
from keras.layers import *

inp = Input(shape=(12, 3))
model = Model(inp, Dense(1)(LSTM(16)(inp)))
""",
        # the look-alike: Keras 3's public twins of the Keras 1 / 2 names
        """
import numpy as np
from keras import backend as K
from keras.preprocessing.sequence import pad_sequences
from keras.regularizers import L2
from keras.utils import timeseries_dataset_from_array

series = np.load("load.npy")
windows = timeseries_dataset_from_array(series[:-24], series[24:], sequence_length=24, batch_size=32)
shape = (3, 64, 64) if K.image_data_format() == "channels_first" else (64, 64, 3)
reg = L2(1e-4)
""",
        # what Keras 3's public modules export, sub-modules included (`saving`, which tf.keras imports only
        # when asked); names its tf.keras keeps; `_`-names and modules the tables do not record whole; an
        # import whose ImportError is caught
        """
from keras import backend as K, layers, __version__
from keras.applications.resnet50 import ResNet50, preprocess_input
from keras.applications.imagenet_utils import decode_predictions
from keras.datasets import cifar10, mnist
from keras.losses import mse
from keras.backend import sigmoid
from keras.preprocessing.text import Tokenizer
from keras.preprocessing.image import ImageDataGenerator
from tensorflow.keras import saving
import tensorflow.keras.preprocessing.text
from keras_contrib.layers import CRF
try:
    from keras.layers import LocallyConnected2D
except ImportError:
    LocallyConnected2D = None
""",
        # the legacy optimizers' base class in an isinstance() test (runs on Keras 3: False); the public classes
        """
import tensorflow as tf


def base_rate(opt):
    if isinstance(opt, tf.keras.optimizers.legacy.Optimizer):
        return float(opt.lr)
    return float(opt.learning_rate)


rate = base_rate(tf.keras.optimizers.Adam(learning_rate=1e-3))
""",
        # the mixed precision API of TensorFlow 2.4 on and Keras 3
        """
import tensorflow as tf
from tensorflow.keras import mixed_precision
mixed_precision.set_global_policy("mixed_float16")
opt = tf.keras.mixed_precision.LossScaleOptimizer(tf.keras.optimizers.Adam())
policy = tf.keras.mixed_precision.Policy("mixed_float16")
""",
        # keras_core's public API (Keras 3's preview package)
        """
import keras_core as keras
from keras_core import layers, ops
net = keras.Sequential([layers.Dense(8, activation="relu"), layers.Dense(1)])
mag = layers.Lambda(ops.absolute)
""",
        # the preprocessing layers where they live now; scikit-learn's own `preprocessing`
        """
import tensorflow as tf
from sklearn import preprocessing
from tensorflow.keras.layers import RandomFlip, Rescaling
aug = tf.keras.Sequential([RandomFlip("horizontal"), Rescaling(1 / 255), tf.keras.layers.Normalization()])
scaler = preprocessing.StandardScaler()
""",
        # a package whose name only starts like TensorFlow 2.0's
        """
from tensorflow_core_utils.keras import helpers
from tensorflow.keras.callbacks import LearningRateScheduler
""",
        """
import keras
from keras.layers import Dense
from tensorflow.keras.models import Sequential
inputs = keras.Input(shape=(4,))
""",
        # Keras 3's names for what Keras 1/2 called initializations / Recurrent
        """
from keras import initializers
from keras.initializers import RandomNormal, Identity
from keras.layers import RNN, SimpleRNNCell, GRU
layer = RNN(SimpleRNNCell(8), kernel_initializer=initializers.RandomNormal(stddev=0.05))
""",
        # a variable called engine (SQLAlchemy) and public Layer subclasses
        """
from sqlalchemy import create_engine
from tensorflow import keras
engine = create_engine("sqlite://")
class Gate(keras.layers.Layer):
    pass
engine.dispose()
""",
        # only in strings and comments
        """
import keras
# from keras.engine.topology import Layer
NOTE = "keras.engine.input_layer.Input was removed"
""",
        # the Keras 3 spellings of merge, np_utils, visualize_util and the scikit-learn wrappers, and
        # other `merge`s (pandas, a function of the file)
        """
import keras
import pandas as pd
from keras.layers import Concatenate, concatenate, add
from keras.utils import to_categorical, plot_model
from scikeras.wrappers import KerasClassifier
def merge(a, b):
    return concatenate([a, b])
frame = pd.merge(left, right, on="id").merge(extra)
np_utils = None
""",
        # the public names in the same places
        """\
import keras


def train(net: keras.Model, x, y) -> keras.Model:
    assert isinstance(net, keras.Sequential)
    history: keras.callbacks.History = net.fit(x, y)
    return net
""",
        # the layers tf.keras has: GRU (cuDNN when it can), Conv2DTranspose
        """\
import tensorflow as tf
from tensorflow.keras.layers import GRU, Dense

net = tf.keras.Sequential([GRU(32, input_shape=(20, 4)), Dense(1)])
up = tf.keras.layers.Conv2DTranspose(16, 3, strides=2)
""",
        # the Keras 3 homes of names Keras 2 kept elsewhere, names Keras 3's tf.keras keeps, a
        # parameter named keras
        """\
import keras
import tensorflow as tf

schedule = tf.keras.optimizers.schedules.CosineDecay(1e-3, decay_steps=1000)
net = keras.models.model_from_json(open("net.json").read())
err = tf.keras.losses.mse(y_true, y_pred)
tok = tf.keras.preprocessing.text.Tokenizer(num_words=5000)


def restore(keras, text):
    return keras.models.model_from_yaml(text)
""",
        # gone names called where the code is written for the versions that have them: a hasattr() of
        # the name, a version test, a handler of the AttributeError (or of everything)
        """\
import keras
import tensorflow as tf
from keras import backend as K

if hasattr(tf.keras, "experimental"):
    schedule = tf.keras.experimental.CosineDecay(1e-3, decay_steps=1000)
if tf.__version__ < "2.16":
    warm = tf.keras.experimental.CosineDecay(1e-3, decay_steps=1000)
if keras.__version__.startswith("2."):
    net = keras.models.model_from_yaml(text)
try:
    net = keras.models.model_from_yaml(text)
except AttributeError:
    net = keras.models.model_from_json(text)
try:
    K.set_session(session)
except Exception:
    pass
""",
        # code that can never run: after an unconditional `raise` (the old path the author disabled,
        # innvestigate's tools/pattern.py) or `return` in its block
        """\
import keras


def replicate(models, gpus=None):
    if gpus is not None and gpus > 1:
        raise NotImplementedError("several GPUs are not supported")
        models = [keras.utils.multi_gpu_model(m, gpus=gpus) for m in models]
    return models


def layer_class():
    return keras.layers.Dense
    from keras.layers.core import Dense
    return Dense
""",
    ]
    INVALID = [
        # Keras 1's lowercase constraint alias, which Keras 2 kept and Keras 3 dropped
        """\
from keras.constraints import maxnorm  # expect: RL503
from keras.layers import Dense

head = Dense(1, activation="sigmoid", kernel_constraint=maxnorm(3))
""",
        # an aliased import and a chain through another name: two places to change, two findings
        """\
import tensorflow as tf
import tensorflow.keras.layers.experimental.preprocessing as preprocessing  # expect: RL503

resize = tf.keras.layers.experimental.preprocessing.Resizing(64, 64)  # expect: RL503
""",
        # the dotted import is the finding; its module used through the chain is not another
        """\
import keras.src.saving  # expect: RL503

model = keras.src.saving.load_model("ranker.keras")
""",
        # a parenthesised import: the Keras 1 name is the token, on its own line
        """\
from keras.layers import (
    Dense,
    Input,
    merge,  # expect: RL503
)
x = Input((4,))
y = Dense(1)(x)
""",
        # Keras 2's TensorFlow backend module reached as an attribute of tf.keras' backend
        """
import tensorflow as tf
from tensorflow.keras import backend as K
K.tensorflow_backend.set_session(tf.compat.v1.Session())  # expect: RL503
""",
        # Keras 1's merge function, reached through a star import of keras.layers
        """
from keras.layers import *
inp = Input((20, 8))
both = merge([GRU(16)(inp), GRU(16, go_backwards=True)(inp)], mode="sum")  # expect: RL503
""",
        # Keras 2.3's module of the callbacks (keras/callbacks/callbacks.py), gone with that package layout
        """
from keras.callbacks.callbacks import ModelCheckpoint  # expect: RL503
""",
        # Keras 2's short alias of Conv2DTranspose
        """
from keras.layers import Conv2D, Deconv2D  # expect: RL503
""",
        # Keras 2's backend internals reached through an alias of the backend module
        """
import keras.backend as K
def ccc(gold, pred):
    return 1.0 - K.mean(gold * pred) / (K.var(gold) + K.common.epsilon())  # expect: RL503
""",
        # tf.keras 2's experimental preprocessing namespace, gone from Keras 3
        """
import tensorflow as tf
from tensorflow.keras.layers.experimental import preprocessing  # expect: RL503
aug = tf.keras.Sequential([tf.keras.layers.experimental.preprocessing.RandomFlip("horizontal")])  # expect: RL503
norm = preprocessing.Normalization()
""",
        # names public Keras 3 modules do not export (Keras 1 / 2.0's helpers and re-exports, a Keras 2
        # layer, a dataset module): the first one of each statement
        """
import keras.datasets.cifar  # expect: RL503
from keras.applications.resnet50 import ResNet50
from keras.applications.resnet50 import Dense  # expect: RL503
from keras.applications.resnet50 import (ResNet50, decode_predictions,
                                         identity_block, conv_block)  # expect: RL503
from keras.datasets.cifar10 import load_batch  # expect: RL503
from tensorflow.keras.experimental import CosineDecay  # expect: RL503
from tensorflow.keras.applications.mobilenet import relu6, DepthwiseConv2D  # expect: RL503
from keras.layers import Dense, LocallyConnected2D  # expect: RL503
from keras.callbacks import BaseLogger  # expect: RL503
try:
    from keras.models import model_from_yaml  # expect: RL503
except ModuleNotFoundError:
    model_from_yaml = None
""",
        # the same names reached as attribute chains in a call: AttributeError on Keras 3 (the
        # handler of an ImportError does not catch it); the chain through a module the file
        # imports by a gone path is that import's finding
        """\
import keras
import keras.datasets.cifar  # expect: RL503
import tensorflow as tf
from keras import backend as K

schedule = tf.keras.experimental.CosineDecay(1e-3, decay_steps=1000)  # expect: RL503
batch = keras.datasets.cifar.load_batch("data_batch_1")
sess = K.get_session()  # expect: RL503
head = keras.Sequential([keras.layers.LocallyConnected2D(8, 3)])  # expect: RL503
opt = keras.optimizers.adam()  # expect: RL503
try:
    net = keras.models.model_from_yaml(open("net.yaml").read())  # expect: RL503
except ImportError:
    net = None
""",
        # tf.keras 2.11–2.15's legacy optimizers: Keras 3's stubs raise ImportError when built; the
        # public class written with lr= is RL502's
        """
import keras
import tensorflow as tf
from tensorflow.keras.optimizers.legacy import RMSprop  # expect: RL503
from tensorflow.keras.optimizers import legacy
slow = RMSprop(learning_rate=1e-3)
net.compile(loss="mse", optimizer=tf.keras.optimizers.legacy.Adam(learning_rate=1e-3))  # expect: RL503
sgd = legacy.SGD(lr=0.01)  # expect: RL503
fast = keras.optimizers.Adam(lr=1e-2)  # expect: RL502
""",
        # tf.keras 2's mixed precision preview, gone from Keras 3 (the import and the attribute chain)
        """
import tensorflow as tf
from tensorflow.keras.mixed_precision import experimental as mixed_precision  # expect: RL503
mixed_precision.set_policy(mixed_precision.Policy("mixed_float16"))
tf.keras.mixed_precision.experimental.set_policy("mixed_float16")  # expect: RL503
from keras.mixed_precision.experimental import LossScaleOptimizer  # expect: RL503
""",
        # Keras 2's layer sub-modules of the tf 2.x era
        """
from keras.layers.convolutional_recurrent import ConvLSTM2D  # expect: RL503
from keras.layers.normalization_v2 import BatchNormalization  # expect: RL503
from keras.layers.dense_attention import Attention  # expect: RL503
""",
        # a Keras 1 name a star import brings in: reported where it is used
        """
from keras.models import Sequential
from keras.layers import *
head = Sequential()
head.add(Merge(branches, mode="concat", concat_axis=1))  # expect: RL503
head.add(Dense(1))
""",
        # a Keras 2 utility module reached through tf.keras, whose public API never had it
        """
from tensorflow import keras
uid = keras.utils.generic_utils.object_list_uid(inputs)  # expect: RL503
objs = keras.utils.get_custom_objects()
""",
        # the source tree of keras_core, Keras 3's preview package
        """
import keras_core as keras
from keras_core.src.ops import absolute  # expect: RL503
mag = keras.layers.Lambda(absolute)
""",
        # a gone layer a star import brings in, used twice: one finding, at its first use
        """
from keras.models import Sequential
from keras.layers import *
rnn = Sequential()
rnn.add(CuDNNGRU(32, return_sequences=True, input_shape=(50, 1)))  # expect: RL503
rnn.add(CuDNNGRU(16))
rnn.add(Dense(1))
""",
        # tf.keras 2's aliases of its optimizer_v2 modules, gone from Keras 3; the public class is fine
        """
import keras
from keras.optimizers import adam_v2  # expect: RL503
from keras.optimizers import Adam
opt = adam_v2.Adam(learning_rate=0.001)
slow = keras.optimizers.rmsprop_v2.RMSprop(learning_rate=0.01)  # expect: RL503
fine = Adam(learning_rate=0.001)
""",
        # tf.keras 2.4-2.11's module of the Keras 1 optimizers, gone from Keras 3
        """
from keras.optimizer_v1 import Adam  # expect: RL503
from keras import optimizer_v1  # expect: RL503
from keras.optimizers import SGD
opt = Adam(lr=0.001)
fine = SGD(learning_rate=0.01)
""",
        # Keras 2's private initializer modules
        """
from keras.initializers.initializers_v1 import RandomNormal  # expect: RL503
from keras.initializers.initializers_v2 import GlorotUniform  # expect: RL503
""",
        """
import keras
photo = keras.engine.input_layer.Input(shape=(2048,))  # expect: RL503
""",
        """
from keras.layers.core import Dense, Activation  # expect: RL503
from keras.models import Sequential
""",
        """
from tensorflow.python.keras.models import Sequential  # expect: RL503
from tensorflow.python.keras.layers import Dense, LSTM  # expect: RL503
from tensorflow.keras.callbacks import EarlyStopping
""",
        # tf.keras 2's layer sub-modules, Keras 2's common backend module
        """
from tensorflow.keras.layers.normalization import BatchNormalization  # expect: RL503
from tensorflow.keras.layers.convolutional import Conv2D  # expect: RL503
from keras.backend.common import image_data_format  # expect: RL503
""",
        # TensorFlow 2.0 / 2.1's real package name, gone since TensorFlow 2.2
        """
from tensorflow_core.python.keras.callbacks import LearningRateScheduler  # expect: RL503
from tensorflow_core.keras.layers import Dense  # expect: RL503
""",
        """
try:
    from keras.engine.topology import Layer  # expect: RL503
except ImportError:
    from keras.layers import Layer
""",
        """
import tensorflow as tf
layer_cls = tf.keras.layers.core.Dense  # expect: RL503
""",
        # a chain in a function that another one calls (interpreted twice): still one finding
        """
import keras
def build():
    return keras.engine.input_layer.Input((4,))  # expect: RL503
def train():
    build()
""",
        # Keras 1/2 modules and names gone from Keras 3: reported, the hint names the Keras 3 way
        """
from keras.layers import Input, Dense, merge  # expect: RL503
from keras.layers import Merge  # expect: RL503
from keras.utils.visualize_util import plot  # expect: RL503
from keras.utils import np_utils  # expect: RL503
from keras.wrappers.scikit_learn import KerasRegressor  # expect: RL503
from tensorflow.keras.wrappers.scikit_learn import KerasClassifier  # expect: RL503
from keras.initializations import normal, identity  # expect: RL503
from keras.utils.theano_utils import sharedX  # expect: RL503
from keras.layers import Recurrent  # expect: RL503
""",
        """
import keras
joint = keras.layers.merge([left, right], mode="concat")  # expect: RL503
clf = keras.wrappers.scikit_learn.KerasClassifier(build_fn=build)  # expect: RL503
""",
        # no public twin known (a sub-module, a helper, a class Keras 3 dropped): reported, no fix
        """
from tensorflow.python.keras.utils import generic_utils  # expect: RL503
from tensorflow.python.keras.utils.generic_utils import to_list  # expect: RL503
from tensorflow.python.keras.layers.recurrent import PeepholeLSTMCell  # expect: RL503
""",
        # internals named in annotations and in an assert
        """\
import keras


def train(net: keras.engine.training.Model, x, y) -> keras.engine.training.Model:  # expect: RL503 RL503
    assert isinstance(net, keras.engine.sequential.Sequential)  # expect: RL503
    history: keras.callbacks.History = net.fit(x, y)
    return net
""",
        # Keras 2's cuDNN layers and Deconv2D alias spelled through tf.keras
        """\
import tensorflow as tf
from tensorflow.keras.layers import CuDNNGRU, Dense  # expect: RL503

net = tf.keras.Sequential([CuDNNGRU(32, input_shape=(20, 4)), Dense(1)])
up = tf.keras.layers.Deconv2D(16, 3, strides=2)  # expect: RL503
""",
        # Keras 3's source tree taken under the public name, the public package as the fallback: the
        # chains through the name are the import's finding, not more
        """
try:
    import keras.src as keras  # expect: RL503
except ModuleNotFoundError:
    import keras
keras.backend.common.global_state.set_global_attribute("torch_device", "cpu")
""",
        # Keras 0 / 1 names Keras 3 no longer has: Keras 0's containers, activity regularizers, the
        # "th" / "tf" image ordering switches
        """
import numpy as np
from keras import backend as K
from keras.layers import Dense
from keras.layers import containers  # expect: RL503
from keras.regularizers import activity_l2  # expect: RL503

shape = (3, 64, 64) if K.image_dim_ordering() == "th" else (64, 64, 3)  # expect: RL503
head = Dense(1, activity_regularizer=activity_l2(1e-4))
""",
        # `Input` brought in only by a star import of keras.models (Keras 2's re-export): a NameError
        # on Keras 3, reported where it is used (the star import names nothing)
        """
from keras.models import *
from keras.layers import Dense, LSTM

inp = Input(shape=(12, 3))  # expect: RL503
model = Model(inp, Dense(1)(LSTM(16)(inp)))
""",
        # look-alikes of code that never runs: a `raise` in an `if` arm (the code after the `if`
        # runs), in a nested function (the outer block goes on), in a `try:` body (its handler and
        # its `finally:` run)
        """\
import keras


def replicate(models, gpus=None):
    if gpus is None:
        raise ValueError("gpus")
    return [keras.utils.multi_gpu_model(m, gpus=gpus) for m in models]  # expect: RL503


def parallel(net, gpus):
    def unsupported():
        raise NotImplementedError
    net = keras.utils.multi_gpu_model(net, gpus=gpus)  # expect: RL503
    try:
        raise RuntimeError("no GPU")
    except RuntimeError:
        net = keras.utils.multi_gpu_model(net, gpus=1)  # expect: RL503
    finally:
        keras.backend.tensorflow_backend.clear_session()  # expect: RL503
    return net
""",
    ]

    def applies_to(self, path: str) -> bool:
        # Skipped unparsed only where every internal RL503 knows may be used (Keras' own trees);
        # TensorFlow's tree is linted, for `keras.src.…`.
        own = own_trees(path)
        return not own or not _may_use_all(own, tables.PRIVATE_KERAS_PREFIXES)

    def check(self, facts):
        for node, path in facts.private_imports:
            if exempt(facts.path, path):
                continue  # e.g. TensorFlow's sources importing tensorflow.python.keras
            if not is_private(path):
                # a name the public module lacks, imported where its ImportError is caught: code
                # written for the Keras versions that have it, not a failure
                if id(node) not in import_guarded(facts, _NAME_ERRORS if id(node) in facts.private_names
                                                  else _MODULE_ERRORS):
                    yield self.report(facts.private_names.get(id(node), node),
                                      _missing_message(node, path, id(node) in facts.private_names))
                continue
            fix, hint = self._import_fix(node)
            yield self.report(facts.private_names.get(id(node), node), self._message(path, hint), fix)
        # `import keras.engine.topology`, then `keras.engine.topology.Layer`: a use of what that
        # statement imports (through the name it binds), reported with it (as `topology.Layer` after
        # a `from` import is) — not a chain through another name (`tf.keras.…` beside it)
        imported = {(_root(alias.name), path) for node, path in facts.private_imports
                    if isinstance(node, cst.Import) for alias in node.names if alias.asname is None}
        missing = [(node, path) for node, path in facts.private_chains if not is_private(path)]
        running = self._running(facts, missing) if missing else frozenset()
        for node, path in facts.private_chains:
            if exempt(facts.path, path) or any(_root(node) == root and (path + ".").startswith(module + ".")
                                                 for root, module in imported):
                continue
            if not is_private(path):
                if id(node) in running:
                    yield self.report(node, _missing_message(node, path, False, "reading it raises AttributeError"))
                continue
            fix, hint = self._chain_fix(node, path)
            yield self.report(node, self._message(path, hint), fix)

    @staticmethod
    def _running(facts, missing: list) -> frozenset:
        """The chains to a name a public module lacks that are reported: in a call only (`keras.
        models.model_from_yaml(text)`, `tf.keras.experimental.CosineDecay(...)`), and not where
        that call is written for the versions that have the name (a `hasattr` of it, a version
        test, a `try:` whose handler catches the AttributeError)."""
        holders = calls_holding(facts, [node for node, _ in missing])
        guarded = attribute_guarded(facts, frozenset(path.rpartition(".")[2] for _, path in missing))
        # a name a project module gave the file is Keras only second-hand: `from ..utils import keras
        # as kutils` is the package's own sub-module utils/keras/, which the reading of utils/__init__.py
        # (`import keras.utils`) takes for Keras
        given = {name for _, _, bound in facts.project_imports for name in bound} - _imported_from_keras(facts.module)
        return frozenset(id(node) for node, path in missing
                         if id(node) in holders and id(holders[id(node)]) not in guarded
                         and _root(node) not in given and not _renamed_by_rl502(node, path, holders[id(node)]))

    @staticmethod
    def _message(path: str, hint: Optional[str] = None) -> str:
        removed = _removed_hint(path)
        if hint is None and removed is not None:
            return f"`{path}` is gone from Keras 3; {removed}"
        if hint is None:
            public = public_symbol(path) or public_module(path)
            hint = f"use `{public}`" if public else "use the public keras API"
        if path == "keras.src" or path.startswith("keras.src."):
            # Keras 3's own source tree: private, not gone (keras.src.saving imports on Keras 3)
            return f"`{path}` is Keras' private source tree (keras/src), not API: it changes between releases; {hint}"
        if path.startswith("keras_core.src"):
            # the source tree of Keras 3's preview package (renamed `keras` at 3.0)
            return f"`{path}` is the private source tree of keras_core (Keras 3's preview, now `keras`), not API; {hint}"
        if path == "keras._tf_keras" or path.startswith("keras._tf_keras."):
            # Keras 3's private package behind `tf.keras`: there, but not API
            return f"`{path}` is a private package of Keras behind `tf.keras`, not API: it changes between releases; {hint}"
        if path in tables.REMOVED_REEXPORTS:
            return f"`{path}` is gone from Keras 3 ({tables.REMOVED_REEXPORTS[path]}); {hint}"
        if path == "tensorflow.contrib.keras" or path.startswith("tensorflow.contrib.keras."):
            # TensorFlow 1's public alias of Keras, not an internal: gone with tf.contrib
            return f"`{path}` is TensorFlow 1's tf.contrib alias of Keras, gone since TensorFlow 2; {hint}"
        return f"`{path}` is a Keras internal that moved or is gone in Keras 3; {hint}"

    def _import_fix(self, node) -> tuple[Optional[Fix], Optional[str]]:
        """The fix of `from <private module> import a, b` and the hint that goes with it."""
        if not isinstance(node, cst.ImportFrom) or node.relative or node.module is None \
                or isinstance(node.names, cst.ImportStar):
            return None, None
        module = cst.Module([]).code_for_node(node.module)
        names = [a.name.value for a in node.names if isinstance(a.name, cst.Name)]
        if len(names) != len(node.names):
            return None, None
        targets = {n: public_symbol(f"{module}.{n}") for n in names}
        missing = [n for n, t in targets.items() if t is None]
        if missing:
            homes = {public_module(f"{module}.{n}") for n in missing}
            if len(homes) == 1 and None not in homes and public_module(module) is not None \
                    and not any(_removed_hint(f"{module}.{n}") for n in missing):
                # `from tensorflow.keras.layers.experimental import preprocessing`: a module whose
                # names have a public home of their own
                return None, f"the names of {_ticks(missing)} are in `{homes.pop()}`: import them from there"
            public = public_module(module)
            if public is None:
                return None, None
            submodules = PUBLIC_SUBMODULES.get(public, frozenset())
            if all(n in submodules for n in missing):
                # `from tensorflow.python.keras.datasets import imdb`: a module, whose public twin
                # exists; what the file uses of it is not checked name by name, so no fix
                return None, (f"import {_ticks(missing)} from `{public}`, its public module "
                              f"(a module: check the names used from it)")
            return None, f"`{public}` is its public module, but no public twin of {_ticks(missing)} is known there"
        homes = {t.rpartition(".")[0] for t in targets.values()}
        if len(homes) != 1 or any(t.rpartition(".")[2] != n for n, t in targets.items()):
            return None, f"use {_ticks(sorted(set(targets.values())))}"
        home = homes.pop()
        return Fix(True, f"import from `{home}`", (Edit(node.module, _dotted_node(home)),)), f"use `{home}`"

    def _chain_fix(self, node, path: str) -> tuple[Optional[Fix], Optional[str]]:
        public = public_symbol(path)
        if public is None:
            module, _, name = path.rpartition(".")
            home = public_module(module)
            return None, (f"`{home}` is its public module, but no public twin of `{name}` is known there"
                          if home else None)
        # keep the file's own spelling of the head (`tf.keras…` stays `tf.keras…`)
        head = node
        while isinstance(head, cst.Attribute):
            head = head.value
        if not isinstance(head, cst.Name):
            return None, None
        rest = cst.Module([]).code_for_node(node)[len(head.value):]  # `.engine.input_layer.Input`
        if not path.endswith(rest) or any(c.isspace() or c in "#\\" for c in rest):
            return None, None
        head_path = path[: len(path) - len(rest)]  # what the head stands for: `tensorflow`
        if not head_path or not public.startswith(head_path + "."):
            return None, None
        replacement = head.value + public[len(head_path):]
        return Fix(True, f"use `{replacement}`", (Edit(node, _dotted_node(replacement)),)), f"use `{replacement}`"
