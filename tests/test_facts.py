"""The semantic model on its own: what it resolves, and what it refuses to guess."""
from __future__ import annotations

import textwrap

import libcst as cst

from regr_lint.facts import build_facts
from regr_lint.facts.classify import REGRESSION, is_accuracy_metric, loss_kind
from regr_lint.facts.values import Lit, Seq


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
