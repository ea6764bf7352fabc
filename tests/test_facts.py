"""The semantic model on its own: what it resolves, and what it refuses to guess."""
from __future__ import annotations

import textwrap

import libcst as cst

from regr_lint.model import build_facts
from regr_lint.model.classify import REGRESSION, is_accuracy_metric, loss_kind
from regr_lint.model.values import Lit, Seq


def facts_of(src: str):
    return build_facts(cst.parse_module(textwrap.dedent(src)))


def only_model(src: str):
    facts = facts_of(src)
    assert len(facts.models) == 1, facts.models
    return facts, facts.models[0]


def test_sequential_add_chain_and_final_activation_layer():
    _, model = only_model("""
        from keras.models import Sequential
        from keras.layers import Dense, Activation, Dropout
        m = Sequential()
        m.add(Dense(4, activation="relu"))
        m.add(Dense(1))
        m.add(Activation("sigmoid"))
        m.add(Dropout(0.1))
    """)
    assert model.kind == "sequential"
    [head] = model.heads()
    assert head.activation == "sigmoid" and head.units == 1


def test_functional_model_through_reassigned_variable():
    _, model = only_model("""
        import tensorflow as tf
        inp = tf.keras.Input(shape=(8,))
        x = tf.keras.layers.Dense(16, activation="relu")(inp)
        x = tf.keras.layers.Dense(1, activation="tanh")(x)
        model = tf.keras.Model(inputs=inp, outputs=x)
    """)
    [head] = model.heads()
    assert model.kind == "functional" and head.activation == "tanh"
    assert model.input_width() == 8


def test_units_from_a_module_constant():
    _, model = only_model("""
        from keras.layers import Dense
        from keras.models import Sequential
        N = 1
        m = Sequential([Dense(N, activation="softmax")])
    """)
    assert model.heads()[0].units == 1


def test_user_function_named_dense_is_not_keras():
    facts = facts_of("""
        import keras
        def Dense(n, activation=None):
            return n
        layer = Dense(1, activation="softmax")
    """)
    assert facts.layers == []


def test_compile_resolves_names_dicts_and_kwargs():
    facts, model = only_model("""
        import keras
        LOSS = "MSE"
        kw = {"loss": LOSS, "metrics": ["mae"] + ["acc"]}
        m = keras.Sequential([keras.layers.Dense(1)])
        m.compile(optimizer="adam", **kw)
    """)
    [comp] = model.compiles
    assert loss_kind(comp.loss, facts) == REGRESSION
    assert [is_accuracy_metric(v) for v in comp.metrics.items] == [False, True]


def test_custom_loss_is_classified_by_its_body_not_its_name():
    facts, model = only_model("""
        import tensorflow as tf
        def whatever(a, b):
            err = a - b
            return tf.reduce_mean(tf.square(err))
        def accuracy_like(a, b):
            return tf.reduce_mean(tf.cast(tf.equal(a, b), tf.float32))
        m = tf.keras.Sequential([tf.keras.layers.Dense(1)])
        m.compile(loss=whatever)
        m.compile(loss=accuracy_like)
    """)
    first, second = model.compiles
    assert loss_kind(first.loss, facts) == REGRESSION
    assert loss_kind(second.loss, facts) is None


def test_a_one_line_loss_is_classified_like_an_indented_one():
    # `def f(a, b): return ...` keeps its statements in a SimpleStatementSuite, not in lines
    facts, model = only_model("""
        import tensorflow as tf
        def one_line(a, b): return tf.reduce_mean(tf.square(a - b))
        def two_steps(a, b): err = a - b; return tf.reduce_mean(tf.abs(err))
        def not_a_regression_loss(a, b): return tf.reduce_mean(tf.cast(tf.equal(a, b), tf.float32))
        m = tf.keras.Sequential([tf.keras.layers.Dense(1)])
        m.compile(loss=one_line)
        m.compile(loss=two_steps)
        m.compile(loss=not_a_regression_loss)
    """)
    first, second, third = model.compiles
    assert loss_kind(first.loss, facts) == REGRESSION
    assert loss_kind(second.loss, facts) == REGRESSION
    assert loss_kind(third.loss, facts) is None


def test_unresolvable_values_are_unknown():
    facts, model = only_model("""
        import keras
        from settings import LOSS, METRICS
        m = keras.Sequential([keras.layers.Dense(1)])
        m.compile(loss=LOSS, metrics=METRICS)
    """)
    [comp] = model.compiles
    assert not isinstance(comp.metrics, Seq) and loss_kind(comp.loss, facts) is None


def test_training_calls_and_data_pairs():
    _, model = only_model("""
        import tensorflow as tf
        ds = tf.data.Dataset.from_tensor_slices((a, b)).shuffle(10).batch(4)
        m = tf.keras.Sequential([tf.keras.layers.Dense(1)])
        m.fit(ds, validation_data=(c, d))
        m.evaluate(e, f)
    """)
    fit, ev = model.trainings
    assert (fit.method, fit.x_node.value, fit.y_node.value) == ("fit", "a", "b")
    assert [(x.value, y.value) for x, y in fit.validation] == [("c", "d")]
    assert (ev.method, ev.y_node.value) == ("evaluate", "f")


def test_self_model_in_a_class_and_parameter_models():
    facts = facts_of("""
        import keras
        class Trainer:
            def __init__(self, model):
                self.model = model
            def run(self, x, y):
                self.model.compile(loss="mse")
                self.model.fit(x, y)
        def train(model, x, y):
            model.fit(x, y)
    """)
    opaque = [m for m in facts.models if m.kind == "opaque"]
    assert len(opaque) == 2
    trainer = next(m for m in opaque if m.compiles)
    assert [t.method for t in trainer.trainings] == ["fit"]


def test_attribute_holding_a_literal_is_resolved():
    _, model = only_model("""
        from keras import layers, models
        class Net:
            def __init__(self):
                self.act = "tanh"
                self.model = models.Sequential([layers.Dense(1, activation=self.act)])
    """)
    assert model.heads()[0].activation == "tanh"


def test_no_keras_import_no_opaque_models():
    facts = facts_of("""
        def train(model, x, y):
            model.compile(loss="mse", metrics=["accuracy"])
    """)
    assert facts.models == []


def test_literal_values_keep_their_nodes():
    facts, model = only_model("""
        import keras
        m = keras.Sequential([keras.layers.Dense(1)])
        m.compile(loss="mse", metrics=["accuracy"])
    """)
    [comp] = model.compiles
    assert isinstance(comp.metrics.items[0], Lit)
    assert isinstance(comp.metrics.elts[0], cst.SimpleString)


def _leave_pm1(setup: str, after: str = "") -> bool:
    from regr_lint.model.spans import targets_leave_pm1

    head = ("import numpy as np\nimport keras\n"
            "from sklearn.preprocessing import MinMaxScaler, StandardScaler, minmax_scale\n")
    fit = ('m = keras.Sequential([keras.layers.Dense(1, activation="tanh")])\n'
           'm.compile(loss="mse")\nm.fit(np.zeros((3, 2)), y)\n')
    facts = build_facts(cst.parse_module(head + setup + "\n" + fit + after + "\n"))
    [model] = facts.models
    return targets_leave_pm1(facts, model)


def test_targets_leave_pm1_on_evidence_only():
    wide = [
        'y = StandardScaler().fit_transform(np.load("y.npy"))',
        'y = np.load("y.npy"); y = (y - y.mean()) / y.std()',
        'y = np.load("y.npy"); y /= np.std(y)',
        'y = MinMaxScaler(feature_range=(0, 100)).fit_transform(np.load("y.npy"))',
        'y = minmax_scale(np.load("y.npy"), (-2, 2))',
        "y = [[1.5], [0.5], [-0.2]]",
        "y = np.random.randint(0, 10, size=(3, 1))",
        "y = 2 * np.linspace(0, 1, 3) + 1",
        'd = StandardScaler().fit_transform(np.load("d.npy")); y = d[:, -1].reshape(-1, 1)',
        "def prep():\n    return np.random.uniform(-5, 5, (3, 1))\ny = prep()",
        "def prep(d):\n    return d, (d - d.mean()) / d.std()\nx, y = prep(np.load('d.npy'))",
    ]
    silent = [
        'y = np.load("y.npy")',
        'y = StandardScaler(with_std=False).fit_transform(np.load("y.npy"))',
        'y = MinMaxScaler(feature_range=(-1, 1)).fit_transform(np.load("y.npy"))',
        'y = StandardScaler().fit_transform(np.load("y.npy")); y = np.tanh(y)',
        'y = StandardScaler().fit_transform(np.load("y.npy")); y = y / 10',
        "y = [[0.5], [-1.0], [0.25]]",
        "y = np.random.normal(0, 1, (3, 1))",
        "def prep(d):\n    return (d - d.mean()) / d.std(), d\nx, y = prep(np.load('d.npy'))",
        "def prep(d, s):\n    if s:\n        return (d - d.mean()) / d.std()\n    return d\ny = prep(np.load('d.npy'), 0)",
        "y = np.array([[5.0, 0.5], [6.0, 0.2]])[:, 1]",
        'df = np.load("d.npy"); df[:, :2] = StandardScaler().fit_transform(df[:, :2]); y = df[:, 2]',
    ]
    assert [s for s in wide if not _leave_pm1(s)] == []
    assert [s for s in silent if _leave_pm1(s)] == []
    # the targets as they were at the fit, not as the file leaves them
    assert not _leave_pm1('y = np.load("y.npy")', after="y = StandardScaler().fit_transform(y)")
    assert _leave_pm1('y = StandardScaler().fit_transform(np.load("y.npy"))', after="y = np.tanh(y)")


def test_a_keras_call_made_by_another_modules_code_records_that_module(tmp_path):
    """A rule that reads the linted file's own code around a Keras call (RL504's version guards)
    knows a call another module's function made is that module's, without searching the tree."""
    from regr_lint.project.index import ProjectIndex

    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'p'\n")
    models = tmp_path / "models.py"
    models.write_text("import keras\ndef build():\n    return keras.Sequential([keras.layers.Dense(1, init='uniform')])\n")
    train = tmp_path / "train.py"
    train.write_text("import keras\nfrom models import build\nm = build()\nd = keras.layers.Dense(2)\n")
    facts = build_facts(cst.parse_module(train.read_text()), str(train), project=ProjectIndex(str(tmp_path)))
    dense = sorted((kc for kc in facts.keras_calls if kc.qualname.endswith("Dense")), key=lambda kc: kc.home or "")
    assert len(dense) == 2
    assert dense[0].home is None and dense[1].home is not None and dense[1].home.endswith("models.py")


def test_one_line_compound_statements_are_read_like_indented_ones():
    """`if ok: model.compile(...)`: a one-line body (libcst's SimpleStatementSuite) holds small
    statements, not lines; they were skipped, and with them every call and assignment in them."""
    one_line = facts_of("""
        import keras
        model = keras.Sequential([keras.Input((3,)), keras.layers.Dense(1, activation="sigmoid")])
        if True: model.compile(optimizer="adam", loss="mse")
        for epoch in range(3): model.fit(x, y)
        def train(m): m.fit(x, y, epochs=2)
        train(model)
    """)
    indented = facts_of("""
        import keras
        model = keras.Sequential([keras.Input((3,)), keras.layers.Dense(1, activation="sigmoid")])
        if True:
            model.compile(optimizer="adam", loss="mse")
        for epoch in range(3):
            model.fit(x, y)
        def train(m):
            m.fit(x, y, epochs=2)
        train(model)
    """)
    assert len(one_line.models) == len(indented.models) == 1
    for facts in (one_line, indented):
        model = facts.models[0]
        assert len(model.compiles) == 1 and loss_kind(model.compiles[0].loss, facts) == REGRESSION
        assert len(model.trainings) == 2


def test_head_activation_from_the_arms_of_an_if():
    """Each literal the arms bind is kept (one of them runs); one not known leaves the head unknown,
    whichever arm writes it."""
    from regr_lint.model.model import head_activations

    def acts(arms: str):
        _, model = only_model(f"""
            import sys
            from keras import Input, Sequential
            from keras.layers import Dense
            spec = sys.argv[1]
{textwrap.indent(textwrap.dedent(arms), " " * 12)}
            m = Sequential([Input((4,)), Dense(1, activation=act)])
        """)
        [head] = model.heads()
        return head.activation, head_activations(head)

    assert acts("""
        if "R" in spec:
            act = "relu"
        elif "T" in spec:
            act = "tanh"
        else:
            act = None
    """) == (None, ("relu", "tanh", "linear"))
    assert acts('act = "relu" if "R" in spec else "Relu"') == (None, ("relu",))  # one name, two spellings
    assert acts("""
        act = "relu"
        if "C" in spec:
            act = open("act.txt").read()
    """) == (None, ())
    assert acts("""
        if "C" in spec:
            act = open("act.txt").read()
        else:
            act = "relu"
    """) == (None, ())


def test_in_tests_on_a_literal_argument_pick_the_arm():
    facts = facts_of("""
        from keras import Input, Sequential
        from keras.layers import Dense
        def build(spec, blocks, mode):
            if "S" in spec:
                act = "sigmoid"
            elif "tanh" not in blocks:
                act = "relu"
            elif mode in ("a", "b"):
                act = "softmax"
            else:
                act = "tanh"
            return Sequential([Input((4,)), Dense(1, activation=act)])
        one = build("32-S", [], "c")
        two = build("32-1", ["relu"], "c")
        three = build("32-1", ["tanh"], "a")
        four = build("32-1", ("tanh",), "z")
    """)
    assert [m.heads()[0].activation for m in facts.models] == ["sigmoid", "relu", "softmax", "tanh"]
