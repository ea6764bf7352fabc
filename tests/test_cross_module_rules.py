"""Every rule across module boundaries (issue "See the whole project", acceptance 1).

Each case is a small project of two or three files, written the way real training code is split up:
the model built in `models.py`, settings in `config.py`, a custom loss in `losses.py`, a trainer
module that never imports Keras, a package with relative imports, a `src/` layout, star imports. The
real CLI lints every file of the project in one run (as the dev set and `regr-lint check .` do) and
the test compares the exact (file, line, code) list: a finding sits at the token the rule names, in
the file where that token is, once per run. The expected findings are the `# expect: CODE` markers on
the lines of the projects below.

A test marked xfail(strict) fails today for the reason it names; strict, so it must lose its mark
when that work lands."""
from __future__ import annotations

import json
import re
import textwrap

import pytest

from cli_helpers import MARK as _MARK, lint_project as lint, run, write_project as make


# ---------------------------------------------------------------------------- the projects
# (id, files, xfail reason or None). A VALID look-alike of each INVALID shape has no markers.

# A model-making class whose construction takes the data and the step count its method fits with.
SEQ2SEQ_TRAINER = {
    "models/__init__.py": "",
    "models/seq.py": """\
        from keras.layers import Dense, Input
        from keras.models import Model


        class Seq2Seq:
            def __init__(self, dim, train_iter, steps_epoch, epochs):
                self.train_iter = train_iter
                self.steps_epoch = steps_epoch
                self.epochs = epochs
                inp = Input((dim,))
                self.model = Model(inp, Dense(1)(inp))

            def compile_(self):
                self.model.compile(loss="mse", optimizer="adam")

            def train_(self):
                return self.model.fit(self.train_iter, steps_per_epoch=self.steps_epoch, epochs=self.epochs)
    """,
}

CASES = [
    # RL101: a metrics constant of a settings module, the regression loss beside it
    ("RL101-metrics-constant", {
        "config.py": """\
            \"\"\"Settings shared by the scripts.\"\"\"
            LOSS = "mse"
            METRICS = ["mae",
                       "accuracy"]  # expect: RL101
        """,
        "train.py": """\
            import numpy as np
            from keras import layers, models

            from config import LOSS, METRICS

            model = models.Sequential([layers.Input((8,)), layers.Dense(32, activation="relu"), layers.Dense(1)])
            model.compile(optimizer="adam", loss=LOSS, metrics=METRICS)
            model.fit(np.load("x.npy"), np.load("y.npy"), epochs=5)
        """,
    }, None),
    ("RL101-valid-crossentropy-constant", {
        "config.py": """\
            LOSS = "binary_crossentropy"
            METRICS = ["accuracy"]
        """,
        "train.py": """\
            import numpy as np
            from keras import layers, models

            from config import LOSS, METRICS

            model = models.Sequential([layers.Input((8,)), layers.Dense(1, activation="sigmoid")])
            model.compile(optimizer="adam", loss=LOSS, metrics=METRICS)
            model.fit(np.load("x.npy"), np.load("y.npy"), epochs=5)
        """,
    }, None),
    # RL101: the RMSE of a sibling module in a package (relative import), accuracy where it is compiled
    ("RL101-relative-loss", {
        "trainer/__init__.py": "",
        "trainer/losses.py": """\
            import tensorflow as tf


            def rmse(y_true, y_pred):
                return tf.sqrt(tf.reduce_mean(tf.square(y_pred - y_true)))
        """,
        "trainer/task.py": """\
            import tensorflow as tf

            from .losses import rmse


            def fit(x, y):
                model = tf.keras.Sequential([tf.keras.layers.Dense(16, activation="relu"), tf.keras.layers.Dense(1)])
                model.compile(optimizer="adam", loss=rmse, metrics=["accuracy"])  # expect: RL101
                return model.fit(x, y, epochs=3)
        """,
    }, None),
    ("RL101-valid-relative-classification-loss", {
        "trainer/__init__.py": "",
        "trainer/losses.py": """\
            import tensorflow as tf


            def focal(y_true, y_pred):
                return tf.reduce_mean(tf.keras.losses.binary_crossentropy(y_true, y_pred) * (1 - y_pred) ** 2)
        """,
        "trainer/task.py": """\
            import tensorflow as tf

            from .losses import focal


            def fit(x, y):
                model = tf.keras.Sequential([tf.keras.layers.Dense(16, activation="relu"),
                                             tf.keras.layers.Dense(1, activation="sigmoid")])
                model.compile(optimizer="adam", loss=focal, metrics=["accuracy"])
                return model.fit(x, y, epochs=3)
        """,
    }, None),
    # compile settings a script takes from `**kwargs` with a default (the one call passes none) and
    # hands to a wrapper class of another module that runs `compile(**compile)`
    ("RL101-kwargs-pop-default-into-a-wrapper-class", {
        "seq_model.py": """\
            from keras.layers import LSTM, Dense
            from keras.models import Sequential


            class SequentialModel:
                def __init__(self):
                    self.model = Sequential()

                def build_model(self, units, compile={}):
                    self.model.add(LSTM(units, input_shape=(5, 3)))
                    self.model.add(Dense(1))
                    self.model.compile(**compile)

                def train(self, x, y):
                    return self.model.fit(x, y, epochs=3)
        """,
        "train_all.py": """\
            import numpy as np

            from seq_model import SequentialModel


            def do_train(x, y, **kwargs):
                c = kwargs.pop("compile", {"loss": "mse", "optimizer": "rmsprop", "metrics": ["mae", "acc"]})  # expect: RL101
                model = SequentialModel()
                model.build_model(16, c)
                return model.train(x, y)


            do_train(np.random.rand(40, 5, 3), np.random.rand(40) * 100.0)
        """,
    }, None),
    # the script hands a config module's constant to the builder's metric parameter: the literal
    # in the config module is the token
    ("RL101-config-constant-handed-to-a-builders-metric-parameter", {
        "cfg.py": """\
            METRIC = "accuracy"  # expect: RL101
            EPOCHS = 30
        """,
        "model.py": """\
            import tensorflow as tf


            def create_model(n_in, metric="mae"):
                model = tf.keras.Sequential([tf.keras.layers.Dense(32, activation="relu", input_shape=(n_in,)),
                                             tf.keras.layers.Dense(1)])
                model.compile(optimizer="adam", loss="mse", metrics=[metric])
                return model
        """,
        "train.py": """\
            import pandas as pd
            import cfg
            from model import create_model

            df = pd.read_csv("co2.csv")
            m = create_model(3, metric=cfg.METRIC)
            m.fit(df[["a", "b", "c"]].values, df["ppm"].values, epochs=cfg.EPOCHS)
        """,
    }, None),
    # ... but a setting the builder reads from the config module itself is reported where the
    # builder names it, once (as the builder's module reports it alone)
    ("RL101-builder-reads-a-config-class-attribute-once", {
        "config.py": """\
            class Config:
                loss = "mean_squared_error"
                metrics = "accuracy"
        """,
        "model.py": """\
            from keras.layers import Dense, Input
            from keras.models import Model
            import config


            def build(n):
                inp = Input((n,))
                model = Model(inp, Dense(1)(Dense(8, activation="relu")(inp)))
                model.compile(loss=config.Config.loss, optimizer="adam",
                              metrics=[config.Config.metrics])  # expect: RL101
                return model
        """,
        "train.py": """\
            import numpy as np
            from model import build

            m = build(4)
            m.fit(np.random.rand(10, 4), np.random.rand(10) * 50.0, epochs=1)
        """,
    }, None),
    # a keras.losses.Loss subclass in its own module computing a per-sample RMSE
    ("RL401-loss-subclass-in-its-own-module", {
        "losses.py": """\
            import keras
            from keras import ops


            class RMSE(keras.losses.Loss):
                def call(self, y_true, y_pred):
                    return ops.sqrt(ops.mean(ops.square(y_pred - y_true), axis=-1))  # expect: RL401
        """,
        "train.py": """\
            import numpy as np
            import keras
            from losses import RMSE

            x = np.load("x.npy"); y = np.load("y.npy")
            m = keras.Sequential([keras.Input((x.shape[1],)), keras.layers.Dense(32, activation="relu"),
                                  keras.layers.Dense(1)])
            m.compile(optimizer="adam", loss=RMSE())
            m.fit(x, y, epochs=10)
        """,
    }, None),
    # a function of another module registered with get_custom_objects() here
    ("RL401-registered-in-another-module-than-defined", {
        "metrics_lib.py": """\
            import tensorflow as tf


            def rmse(y_true, y_pred):
                return tf.reduce_mean(tf.math.squared_difference(y_pred, y_true), axis=-1) ** 0.5  # expect: RL401
        """,
        "register.py": """\
            from tensorflow.keras.utils import get_custom_objects
            from metrics_lib import rmse

            get_custom_objects().update({"rmse": rmse})
        """,
        "train.py": """\
            import numpy as np
            import tensorflow as tf
            import register

            m = tf.keras.Sequential([tf.keras.layers.Dense(16, activation="relu"), tf.keras.layers.Dense(1)])
            m.compile(optimizer="adam", loss="mse", metrics=["rmse"])
            m.fit(np.load("x.npy"), np.load("y.npy"), epochs=3)
        """,
    }, None),
    # a data module's function returns per-step targets (one value per time step)
    ("RL301-valid-data-module-returns-per-step-targets", {
        "data.py": """\
            import numpy as np


            def windows(series, T=64):
                n = len(series) // T
                x = series[: n * T].reshape(n, T, 1)
                y = np.roll(series, -1)[: n * T].reshape(n, T, 1)
                return x, y
        """,
        "model.py": """\
            from tensorflow.keras import Sequential
            from tensorflow.keras.layers import Conv1D, Dense


            def causal_cnn(T=64):
                return Sequential([Conv1D(32, 3, padding="causal", activation="relu", input_shape=(T, 1)),
                                   Conv1D(32, 3, padding="causal", dilation_rate=2, activation="relu"),
                                   Dense(1)])
        """,
        "train.py": """\
            import numpy as np
            from data import windows
            from model import causal_cnn

            x, y = windows(np.load("series.npy"))
            m = causal_cnn()
            m.compile(optimizer="adam", loss="mse")
            m.fit(x, y, epochs=10)
        """,
    }, None),
    # ... one value per window instead
    ("RL301-data-module-returns-one-target-per-window", {
        "data.py": """\
            import numpy as np


            def windows(series, T=64):
                n = len(series) // T
                x = series[: n * T].reshape(n, T, 1)
                y = series[T: (n + 1) * T: T]
                return x, y
        """,
        "model.py": """\
            from tensorflow.keras import Sequential
            from tensorflow.keras.layers import Conv1D, Dense


            def causal_cnn(T=64):
                return Sequential([Conv1D(32, 3, padding="causal", activation="relu", input_shape=(T, 1)),
                                   Conv1D(32, 3, padding="causal", dilation_rate=2, activation="relu"),
                                   Dense(1)])  # expect: RL301
        """,
        "train.py": """\
            import numpy as np
            from data import windows
            from model import causal_cnn

            x, y = windows(np.load("series.npy"))
            m = causal_cnn()
            m.compile(optimizer="adam", loss="mse")
            m.fit(x, y, epochs=10)
        """,
    }, None),
    # a builder of another module whose name says the model is meant to be linear
    ("RL302-valid-builder-of-another-module-named-linear", {
        "models.py": """\
            from keras.models import Sequential
            from keras.layers import Dense


            def build_linear_model(n):
                m = Sequential()
                m.add(Dense(16, input_dim=n))
                m.add(Dense(1))
                return m
        """,
        "train.py": """\
            import numpy as np
            from models import build_linear_model

            x = np.load("x.npy"); y = np.load("y.npy")
            m = build_linear_model(x.shape[1])
            m.compile(optimizer="sgd", loss="mse")
            m.fit(x, y, epochs=10)
        """,
    }, None),
    # ... or the script naming what the builder returns
    ("RL302-valid-script-names-the-builders-model-linear", {
        "models.py": """\
            from tensorflow.keras import Sequential
            from tensorflow.keras.layers import Dense


            def build(n):
                return Sequential([Dense(8, input_shape=(n,)), Dense(1)])
        """,
        "train.py": """\
            import numpy as np
            from models import build

            x = np.load("x.npy"); y = np.load("y.npy")
            linear_model = build(x.shape[1])
            linear_model.compile(optimizer="sgd", loss="mse")
            linear_model.fit(x, y, epochs=10)
        """,
    }, None),
    ("RL302-script-names-the-builders-model-plainly", {
        "models.py": """\
            from tensorflow.keras import Sequential
            from tensorflow.keras.layers import Dense


            def build(n):
                return Sequential([Dense(8, input_shape=(n,)), Dense(1)])  # expect: RL302
        """,
        "train.py": """\
            import numpy as np
            from models import build

            x = np.load("x.npy"); y = np.load("y.npy")
            model = build(x.shape[1])
            model.compile(optimizer="sgd", loss="mse")
            model.fit(x, y, epochs=10)
        """,
    }, None),
    # a data module returns scikit-learn's generated classification data itself
    ("RL101-valid-data-module-returns-make-classification", {
        "data.py": """\
            from sklearn.datasets import make_classification


            def get():
                return make_classification(n_samples=1000, n_features=20, random_state=1)
        """,
        "models.py": """\
            from keras import Sequential
            from keras.layers import Dense, Input


            def net():
                return Sequential([Input((20,)), Dense(16, activation="relu"), Dense(1, activation="sigmoid")])
        """,
        "train.py": """\
            from data import get
            from models import net

            X, y = get()
            m = net()
            m.compile(optimizer="adam", loss="mse", metrics=["accuracy"])
            m.fit(X, y, epochs=20)
        """,
    }, None),
    ("RL101-data-module-returns-make-regression", {
        "data.py": """\
            from sklearn.datasets import make_regression


            def get():
                return make_regression(n_samples=1000, n_features=20, random_state=1)
        """,
        "models.py": """\
            from keras import Sequential
            from keras.layers import Dense, Input


            def net():
                return Sequential([Input((20,)), Dense(16, activation="relu"), Dense(1, activation="sigmoid")])  # expect: RL102
        """,
        "train.py": """\
            from data import get
            from models import net

            X, y = get()
            m = net()
            m.compile(optimizer="adam", loss="mse", metrics=["accuracy"])  # expect: RL101
            m.fit(X, y, epochs=20)
        """,
    }, None),
    # a generator function of another module yields binary masks as the targets
    ("RL101-valid-generator-of-another-module-yields-binary-masks", {
        "masks.py": """\
            import numpy as np


            def mask_batches(images, masks, batch_size=8):
                while True:
                    idx = np.random.randint(0, len(images), batch_size)
                    yield images[idx] / 255.0, (masks[idx] > 127).astype("float32")
        """,
        "train.py": """\
            import numpy as np
            from tensorflow import keras
            from masks import mask_batches

            inp = keras.Input((96, 96, 1))
            net = keras.Model(inp, keras.layers.Conv2D(1, 1, activation="sigmoid")(inp))
            net.compile(optimizer="adam", loss="mse", metrics=["accuracy"])
            net.fit(mask_batches(np.load("imgs.npy"), np.load("msks.npy")), steps_per_epoch=50, epochs=2)
        """,
    }, None),
    # a wrapper's method fits another module's autoencoder on its parameter (`fit(x, x)`); the
    # script calling it passes pixels divided by 255: the targets are in [0, 1]
    ("RL102-valid-wrapper-fits-a-builders-autoencoder-on-what-its-caller-scales", {
        "nets.py": """\
            from tensorflow.keras import Model
            from tensorflow.keras.layers import Activation, Dense, Input


            def make_ae(n_in):
                inp = Input(shape=(n_in,))
                h = Dense(64, activation="relu")(inp)
                out = Activation("sigmoid")(Dense(n_in)(h))
                net = Model(inp, out)
                net.compile(optimizer="adam", loss="mse")
                return net
        """,
        "wrapper.py": """\
            from nets import make_ae


            class Compressor:
                def __init__(self):
                    self.net = None

                def train(self, x, x_val):
                    if self.net is None:
                        self.net = make_ae(x.shape[1])
                    self.net.fit(x, x, epochs=2, validation_data=(x_val, x_val))
        """,
        "run.py": """\
            import numpy as np
            from wrapper import Compressor

            tr = np.random.randint(0, 256, size=(500, 784)).astype("float32") / 255.0
            te = np.random.randint(0, 256, size=(100, 784)).astype("float32") / 255.0
            Compressor().train(tr, te)
        """,
    }, None),
    # ... pixels multiplied instead
    ("RL102-wrapper-fits-a-builders-autoencoder-on-what-its-caller-stretches", {
        "nets.py": """\
            from tensorflow.keras import Model
            from tensorflow.keras.layers import Activation, Dense, Input


            def make_ae(n_in):
                inp = Input(shape=(n_in,))
                h = Dense(64, activation="relu")(inp)
                out = Activation("sigmoid")(Dense(n_in)(h))  # expect: RL102
                net = Model(inp, out)
                net.compile(optimizer="adam", loss="mse")
                return net
        """,
        "wrapper.py": """\
            from nets import make_ae


            class Compressor:
                def __init__(self):
                    self.net = None

                def train(self, x, x_val):
                    if self.net is None:
                        self.net = make_ae(x.shape[1])
                    self.net.fit(x, x, epochs=2, validation_data=(x_val, x_val))
        """,
        "run.py": """\
            import numpy as np
            from wrapper import Compressor

            tr = np.random.randint(0, 256, size=(500, 784)).astype("float32") * 3.0
            te = np.random.randint(0, 256, size=(100, 784)).astype("float32") * 3.0
            Compressor().train(tr, te)
        """,
    }, None),
    # a helper returns the min-max scaled splits as a list (appended in a loop, or a list
    # comprehension) that the script unpacks: each is scaled into [0, 1]
    ("RL102-valid-autoencoder-on-splits-a-helper-scales-into-a-list", {
        "ae_model.py": """\
            from tensorflow.keras import Sequential
            from tensorflow.keras.layers import Dense


            def make_ae(n_in, n_code):
                enc = Sequential([Dense(32, activation="elu"), Dense(n_code, activation="elu")])
                dec = Sequential([Dense(32, activation="elu"), Dense(n_in, activation="sigmoid")])
                ae = Sequential([enc, dec])
                ae.compile(optimizer="adam", loss="mse")
                return ae
        """,
        "prep.py": """\
            from sklearn.preprocessing import MinMaxScaler, StandardScaler


            def fit_scaler(x, kind):
                if kind == "std":
                    return StandardScaler().fit(x)
                if kind == "minmax":
                    return MinMaxScaler().fit(x)


            def prepare(splits):
                scaler = fit_scaler(splits[0], "minmax")
                out = []
                for part in splits:
                    out.append(scaler.transform(part))
                return out
        """,
        "run.py": """\
            import numpy as np
            import tensorflow as tf
            from prep import prepare
            from ae_model import make_ae

            raw = [np.random.rand(100, 16) * 50.0, np.random.rand(20, 16) * 50.0]
            train, test = prepare(raw)
            ds = tf.data.Dataset.from_tensor_slices((train, train)).batch(32)
            ae = make_ae(train.shape[-1], 4)
            ae.fit(ds, epochs=3)
        """,
    }, None),
    ("RL102-valid-autoencoder-on-splits-a-list-comprehension-scales", {
        "ae_model.py": """\
            from tensorflow.keras import Sequential
            from tensorflow.keras.layers import Dense


            def make_ae(n_in, n_code):
                enc = Sequential([Dense(32, activation="elu"), Dense(n_code, activation="elu")])
                dec = Sequential([Dense(32, activation="elu"), Dense(n_in, activation="sigmoid")])
                ae = Sequential([enc, dec])
                ae.compile(optimizer="adam", loss="mse")
                return ae
        """,
        "prep.py": """\
            from sklearn.preprocessing import MinMaxScaler, StandardScaler


            def fit_scaler(x, kind):
                if kind == "std":
                    return StandardScaler().fit(x)
                if kind == "minmax":
                    return MinMaxScaler().fit(x)


            def prepare(splits):
                scaler = fit_scaler(splits[0], "minmax")
                return [scaler.transform(part) for part in splits]
        """,
        "run.py": """\
            import numpy as np
            import tensorflow as tf
            from prep import prepare
            from ae_model import make_ae

            raw = [np.random.rand(100, 16) * 50.0, np.random.rand(20, 16) * 50.0]
            train, test = prepare(raw)
            ds = tf.data.Dataset.from_tensor_slices((train, train)).batch(32)
            ae = make_ae(train.shape[-1], 4)
            ae.fit(ds, epochs=3)
        """,
    }, None),
    # ... standardised instead: not in [0, 1]
    ("RL102-autoencoder-on-splits-a-helper-standardises-into-a-list", {
        "ae_model.py": """\
            from tensorflow.keras import Sequential
            from tensorflow.keras.layers import Dense


            def make_ae(n_in, n_code):
                enc = Sequential([Dense(32, activation="elu"), Dense(n_code, activation="elu")])
                dec = Sequential([Dense(32, activation="elu"), Dense(n_in, activation="sigmoid")])  # expect: RL102
                ae = Sequential([enc, dec])
                ae.compile(optimizer="adam", loss="mse")
                return ae
        """,
        "prep.py": """\
            from sklearn.preprocessing import MinMaxScaler, StandardScaler


            def fit_scaler(x, kind):
                if kind == "std":
                    return StandardScaler().fit(x)
                if kind == "minmax":
                    return MinMaxScaler().fit(x)


            def prepare(splits):
                scaler = fit_scaler(splits[0], "std")
                out = []
                for part in splits:
                    out.append(scaler.transform(part))
                return out
        """,
        "run.py": """\
            import numpy as np
            import tensorflow as tf
            from prep import prepare
            from ae_model import make_ae

            raw = [np.random.rand(100, 16) * 50.0, np.random.rand(20, 16) * 50.0]
            train, test = prepare(raw)
            ds = tf.data.Dataset.from_tensor_slices((train, train)).batch(32)
            ae = make_ae(train.shape[-1], 4)
            ae.fit(ds, epochs=3)
        """,
    }, None),
    # a data class of another module divides the whole array by its max in __init__; its method,
    # called on the construction itself, returns slices of it
    ("RL102-valid-data-class-method-returns-slices-of-an-array-divided-by-its-max", {
        "data.py": """\
            import numpy as np


            class Energies:
                def __init__(self, path):
                    raw = np.load(path)
                    self.normalized = raw / np.amax(raw)

                def pairs(self):
                    x = self.normalized[:, :, 0]
                    y = self.normalized[:, :, 1]
                    x_train, x_test = np.split(x, 2, axis=1)
                    y_train, y_test = np.split(y, 2, axis=1)
                    return (x_train.reshape(-1, 1), y_train.reshape(-1, 1)), (x_test.reshape(-1, 1), y_test.reshape(-1, 1))
        """,
        "nets.py": """\
            from tensorflow import keras


            def energy_net():
                inp = keras.Input(shape=(1,))
                h = keras.layers.Dense(16, activation="relu")(inp)
                out = keras.layers.Dense(1, activation="sigmoid")(h)
                model = keras.Model(inp, out)
                model.compile(loss="mean_squared_error", optimizer="adam")
                return model
        """,
        "train.py": """\
            from data import Energies
            from nets import energy_net

            (x_train, y_train), (x_test, y_test) = Energies("cells.npy").pairs()
            model = energy_net()
            model.fit(x_train, y_train, validation_data=(x_test, y_test), epochs=2)
        """,
    }, None),
    # ... the same class keeping the raw array
    ("RL102-data-class-method-returns-slices-of-the-raw-array", {
        "data.py": """\
            import numpy as np


            class Energies:
                def __init__(self, path):
                    raw = np.load(path)
                    self.normalized = raw

                def pairs(self):
                    x = self.normalized[:, :, 0]
                    y = self.normalized[:, :, 1]
                    x_train, x_test = np.split(x, 2, axis=1)
                    y_train, y_test = np.split(y, 2, axis=1)
                    return (x_train.reshape(-1, 1), y_train.reshape(-1, 1)), (x_test.reshape(-1, 1), y_test.reshape(-1, 1))
        """,
        "nets.py": """\
            from tensorflow import keras


            def energy_net():
                inp = keras.Input(shape=(1,))
                h = keras.layers.Dense(16, activation="relu")(inp)
                out = keras.layers.Dense(1, activation="sigmoid")(h)  # expect: RL102
                model = keras.Model(inp, out)
                model.compile(loss="mean_squared_error", optimizer="adam")
                return model
        """,
        "train.py": """\
            from data import Energies
            from nets import energy_net

            (x_train, y_train), (x_test, y_test) = Energies("cells.npy").pairs()
            model = energy_net()
            model.fit(x_train, y_train, validation_data=(x_test, y_test), epochs=2)
        """,
    }, None),
    # targets read from a pickle another script of the project writes: prepared by the project's
    # own pipeline, how is not known here (RL102 stays silent on the sigmoid head)
    ("RL102-valid-targets-from-a-pickle-the-project-writes", {
        "prepare.py": """\
            import pickle

            import numpy as np

            series = np.random.uniform(0, 100, 2000)
            samples = [(series[i:i + 40] / 100, series[i + 40:i + 50].max() / 100) for i in range(1900)]
            with open("samples.pkl", "wb") as f:
                pickle.dump(samples, f)
        """,
        "train.py": """\
            import pickle

            import numpy as np
            from keras.layers import Dense, Input
            from keras.models import Model

            inp = Input((40,))
            out = Dense(1, activation="sigmoid")(Dense(16, activation="relu")(inp))
            model = Model(inp, out)
            model.compile(optimizer="rmsprop", loss="mean_squared_error")
            with open("samples.pkl", "rb") as f:
                samples = pickle.load(f)
            x = np.array([s[0] for s in samples])
            y = np.array([s[1] for s in samples])
            model.fit(x, y, epochs=2)
        """,
    }, None),
    # ... nor on arrays read with np.load that a script of the project saves
    ("RL102-valid-targets-from-an-array-file-the-project-saves", {
        "prep/__init__.py": "",
        "prep/make.py": """\
            import numpy as np
            import pandas as pd

            df = pd.read_csv("ages.csv")
            np.save("y.npy", df["age"].to_numpy() / 100.0)
        """,
        "train.py": """\
            import numpy as np
            import keras

            y = np.load("y.npy")
            x = np.load("x.npy")
            model = keras.Sequential([keras.Input((16,)), keras.layers.Dense(1, activation="sigmoid")])
            model.compile(optimizer="adam", loss="mse")
            model.fit(x, y, epochs=2)
        """,
    }, None),
    # ... but a script saving other arrays says nothing about these targets
    ("RL102-targets-from-an-array-file-no-project-script-names", {
        "prep.py": """\
            import numpy as np

            feats = np.random.rand(100, 16)
            np.save("features.npy", feats / feats.max())
        """,
        "train.py": """\
            import numpy as np
            import keras

            y = np.load("ages.npy")
            x = np.load("features.npy")
            model = keras.Sequential([keras.Input((16,)), keras.layers.Dense(1, activation="sigmoid")])  # expect: RL102
            model.compile(optimizer="adam", loss="mse")
            model.fit(x, y, epochs=2)
        """,
    }, None),
    # ... nor does one saving the images a generator reads, when its targets come from a CSV
    ("RL102-generator-targets-from-a-csv-images-from-saved-arrays", {
        "preprocess.py": """\
            import numpy as np
            import pandas as pd

            df = pd.read_csv("keypoints.csv")
            for p in df["path"]:
                np.save(p, np.random.rand(96, 96, 1))
        """,
        "train.py": """\
            import numpy as np
            import pandas as pd
            from keras.layers import Conv2D, Dense, GlobalAveragePooling2D
            from keras.models import Sequential

            df = pd.read_csv("keypoints.csv")


            def gen(bs=32):
                while True:
                    idx = np.random.randint(0, len(df), bs)
                    imgs = np.stack([np.load(p) for p in df["path"].values[idx]])
                    pts = df[["x", "y"]].values[idx]
                    yield imgs, pts


            model = Sequential()
            model.add(Conv2D(16, (3, 3), activation="relu", input_shape=(96, 96, 1)))
            model.add(GlobalAveragePooling2D())
            model.add(Dense(2, activation="sigmoid"))  # expect: RL102
            model.compile(loss="mse", optimizer="adam")
            model.fit(gen(), steps_per_epoch=100, epochs=10)
        """,
    }, None),
    # ... nor through a Sequence of another module that reads them in its __init__
    ("RL102-valid-sequence-reading-a-pickle-the-project-writes", {
        "prep.py": """\
            import pickle

            import numpy as np

            labels = np.random.randint(0, 2, size=(100, 6))
            with open("label_arrs", "wb") as fh:
                pickle.dump(labels, fh)
        """,
        "gen.py": """\
            import pickle

            import keras
            import numpy as np


            class Gen(keras.utils.Sequence):
                def __init__(self, batch_size=10):
                    self.batch_size = batch_size
                    self.labels = pickle.load(open("label_arrs", "rb"))

                def __len__(self):
                    return 10

                def __getitem__(self, i):
                    x = np.empty((self.batch_size, 5, 3))
                    y = np.empty((self.batch_size, 6))
                    for j in range(self.batch_size):
                        y[j, :] = self.labels[i * self.batch_size + j, :]
                    return x, y
        """,
        "train.py": """\
            import keras

            from gen import Gen

            model = keras.Sequential([keras.Input((5, 3)), keras.layers.LSTM(8), keras.layers.Dense(6, activation="sigmoid")])
            model.compile(loss="mean_squared_error", optimizer="nadam")
            model.fit(Gen(), epochs=1)
        """,
    }, None),
    ("RL102-sequence-reading-a-pickle-no-project-file-writes", {
        "gen.py": """\
            import pickle

            import keras
            import numpy as np


            class Gen(keras.utils.Sequence):
                def __init__(self, batch_size=10):
                    self.batch_size = batch_size
                    self.ages = pickle.load(open("ages.pkl", "rb"))

                def __len__(self):
                    return 10

                def __getitem__(self, i):
                    x = np.empty((self.batch_size, 5, 3))
                    return x, self.ages[i * self.batch_size:(i + 1) * self.batch_size]
        """,
        "train.py": """\
            import keras

            from gen import Gen

            model = keras.Sequential([keras.Input((5, 3)), keras.layers.LSTM(8), keras.layers.Dense(1, activation="sigmoid")])  # expect: RL102
            model.compile(loss="mean_squared_error", optimizer="nadam")
            model.fit(Gen(), epochs=1)
        """,
    }, None),
    # the look-alikes: a pickle nothing in the project writes (a downloaded dataset), and arrays
    # read with np.load in a project whose only writer writes pickles
    ("RL102-targets-from-a-pickle-no-project-file-writes", {
        "helpers.py": """\
            def describe(x):
                return x.mean(), x.std()
        """,
        "train.py": """\
            import pickle

            import numpy as np
            import keras

            with open("houses.pkl", "rb") as f:
                x, y = pickle.load(f)
            model = keras.Sequential([keras.Input((13,)), keras.layers.Dense(1, activation="sigmoid")])  # expect: RL102
            model.compile(optimizer="adam", loss="mse")
            model.fit(x, y, epochs=2)
        """,
    }, None),
    ("RL102-targets-from-an-array-file-beside-a-pickle-writer", {
        "cache.py": """\
            import pickle


            def keep(obj, path):
                with open(path, "wb") as f:
                    pickle.dump(obj, f)
        """,
        "train.py": """\
            import numpy as np
            import keras

            x, y = np.load("x.npy"), np.load("prices.npy")
            model = keras.Sequential([keras.Input((13,)), keras.layers.Dense(1, activation="sigmoid")])  # expect: RL102
            model.compile(optimizer="adam", loss="mse")
            model.fit(x, y, epochs=2)
        """,
    }, None),
    # accuracy on a sigmoid head trained with squared error on targets a script of the project
    # pickles: its pipeline prepared them (here 0/1 labels), not known here; a linear head is reported
    ("RL101-valid-sigmoid-head-on-labels-another-script-pickles", {
        "make_data.py": """\
            import os
            import pickle

            labels = [1 if "dog" in name else 0 for name in os.listdir("images")]
            with open("labels.pkl", "wb") as f:
                pickle.dump(labels, f)
        """,
        "train.py": """\
            import pickle

            import numpy as np
            from keras.layers import Dense, Flatten
            from keras.models import Sequential

            with open("labels.pkl", "rb") as f:
                y_train = np.array(pickle.load(f))
            x_train = np.random.rand(len(y_train), 32, 32, 3)
            net = Sequential([Flatten(input_shape=(32, 32, 3)), Dense(1, activation="sigmoid")])
            net.compile("sgd", loss="mse", metrics=["accuracy"])
            net.fit(x_train, y_train, epochs=2)
        """,
    }, None),
    ("RL101-linear-head-on-targets-another-script-pickles", {
        "make_data.py": """\
            import pickle

            import pandas as pd

            df = pd.read_csv("houses.csv")
            with open("prices.pkl", "wb") as f:
                pickle.dump(df["price"].to_numpy(), f)
        """,
        "train.py": """\
            import pickle

            import numpy as np
            from keras.layers import Dense
            from keras.models import Sequential

            with open("prices.pkl", "rb") as f:
                y_train = pickle.load(f)
            x_train = np.random.rand(len(y_train), 13)
            net = Sequential([Dense(32, activation="relu", input_shape=(13,)), Dense(1)])
            net.compile("adam", loss="mse", metrics=["accuracy"])  # expect: RL101
            net.fit(x_train, y_train, epochs=2)
        """,
    }, None),
    # a step count a script hands to the construction of a model-making class whose method fits
    # with it (the script names no `steps`, no `fit`): reported at the division
    ("RL202-steps-handed-to-a-trainer-class-construction", {
        **SEQ2SEQ_TRAINER,
        "trainer.py": """\
            import numpy as np

            from models.seq import Seq2Seq


            def trainer(x_train, batch_size=32):
                steps_epoch = len(x_train) / batch_size  # expect: RL202
                batches = iter([(x_train, x_train[:, :1])])
                s = Seq2Seq(8, batches, steps_epoch, 3)
                s.compile_()
                s.train_()


            trainer(np.random.rand(100, 8))
        """,
    }, None),
    ("RL202-valid-steps-handed-to-a-trainer-class-construction", {
        **SEQ2SEQ_TRAINER,
        "trainer.py": """\
            import numpy as np

            from models.seq import Seq2Seq


            def trainer(x_train, batch_size=32):
                steps_epoch = len(x_train) // batch_size
                batches = iter([(x_train, x_train[:, :1])])
                s = Seq2Seq(8, batches, steps_epoch, 3)
                s.compile_()
                s.train_()


            trainer(np.random.rand(100, 8))
        """,
    }, None),
    # A CycleGAN trainer class of a package compiles the discriminators the script builds with the
    # loss the script passes, and trains them on 0/1 arrays another of its methods sets
    ("RL101-valid-gan-trainer-labels-set-in-another-method", {
        "pkg/__init__.py": "from pkg.cyclegan import CycleGAN\n",
        "pkg/cyclegan.py": """\
            import numpy as np


            class CycleGAN:
                def __init__(self, d_A=None, g_AB=None):
                    self.d_A = d_A
                    self.g_AB = g_AB

                def compile(self, optimizer="adam", d_loss="mse"):
                    self.d_A.compile(loss=d_loss, optimizer=optimizer, metrics=["accuracy"])

                def _fit_init(self, patch):
                    self.valid = np.ones(patch)
                    self.fake = np.zeros(patch)

                def _step(self, a_batch, b_batch):
                    self.d_A.train_on_batch(a_batch, self.valid)
                    self.d_A.train_on_batch(self.g_AB.predict(b_batch), self.fake)

                def fit(self, a, b, steps=10):
                    self._fit_init((8, 8, 1))
                    for _ in range(steps):
                        self._step(next(a), next(b))
        """,
        "train.py": """\
            import tensorflow as tf

            import pkg

            d_A = tf.keras.Sequential([tf.keras.Input((8, 8, 1)), tf.keras.layers.Conv2D(1, 3, padding="same")])
            g_AB = tf.keras.Sequential([tf.keras.Input((8, 8, 1)), tf.keras.layers.Conv2D(1, 3, padding="same")])
            model = pkg.CycleGAN(d_A=d_A, g_AB=g_AB)
            model.compile(optimizer=tf.keras.optimizers.Adam(0.0002, 0.5), d_loss="mse")
            model.fit(iter([]), iter([]), steps=3)
        """,
    }, None),
    # RL101 / RL102 read the targets' kind where a data module prepares them: one-hot labels there
    # make accuracy meaningful (a classifier trained with squared error), continuous values do not
    ("RL101-RL102-valid-one-hot-labels-from-data-module", {
        "data.py": """\
            import pandas as pd
            from keras.utils import to_categorical


            def load_split(path, frac=0.9):
                df = pd.read_csv(path)
                x = df.drop(columns=["stars"]).to_numpy("float32")
                y = to_categorical(df["stars"].to_numpy() - 1, 5)
                n = int(len(df) * frac)
                return (x[:n], y[:n]), (x[n:], y[n:])
        """,
        "train.py": """\
            from keras import layers, models

            from data import load_split

            (x_train, y_train), (x_val, y_val) = load_split("reviews.csv")
            model = models.Sequential([layers.Input((x_train.shape[1],)), layers.Dense(32, activation="relu"),
                                       layers.Dense(y_train.shape[1], activation="softmax")])
            model.compile(optimizer="adam", loss="mean_squared_error", metrics=["accuracy"])
            model.fit(x_train, y_train, validation_data=(x_val, y_val), epochs=5)
        """,
    }, None),
    # the same, through a helper of the data module that returns another helper's call
    ("RL101-valid-one-hot-labels-through-a-helper-of-the-data-module", {
        "data.py": """\
            import numpy as np
            from keras.utils import to_categorical

            N_CLASSES = 6


            def _load(split):
                clips = np.load(f"{split}_clips.npy")
                labels = to_categorical(np.load(f"{split}_labels.npy"), N_CLASSES)
                return clips, labels


            def load_train():
                return _load("train")
        """,
        "train.py": """\
            from keras import layers, models

            import data

            x_train, y_train = data.load_train()
            model = models.Sequential([layers.Input((40,)), layers.Dense(32, activation="relu"),
                                       layers.Dense(data.N_CLASSES)])
            model.compile(optimizer="adam", loss="mse", metrics=["acc"])
            model.fit(x_train, y_train, epochs=5)
        """,
    }, None),
    ("RL101-raw-targets-through-a-helper-of-the-data-module", {
        "data.py": """\
            import numpy as np


            def _load(split):
                clips = np.load(f"{split}_clips.npy")
                scores = np.load(f"{split}_scores.npy")
                return clips, scores


            def load_train():
                return _load("train")
        """,
        "train.py": """\
            from keras import layers, models

            import data

            x_train, y_train = data.load_train()
            model = models.Sequential([layers.Input((40,)), layers.Dense(32, activation="relu"), layers.Dense(1)])
            model.compile(optimizer="adam", loss="mse", metrics=["acc"])  # expect: RL101
            model.fit(x_train, y_train, epochs=5)
        """,
    }, None),
    ("RL101-continuous-targets-from-data-module", {
        "data.py": """\
            import pandas as pd


            def load_split(path, frac=0.9):
                df = pd.read_csv(path)
                x = df.drop(columns=["rating"]).to_numpy("float32")
                y = df[["rating"]].to_numpy("float32")
                n = int(len(df) * frac)
                return (x[:n], y[:n]), (x[n:], y[n:])
        """,
        "train.py": """\
            from keras import layers, models

            from data import load_split

            (x_train, y_train), (x_val, y_val) = load_split("reviews.csv")
            model = models.Sequential([layers.Input((x_train.shape[1],)), layers.Dense(32, activation="relu"),
                                       layers.Dense(y_train.shape[1], activation="linear")])
            model.compile(optimizer="adam", loss="mean_squared_error", metrics=["accuracy"])  # expect: RL101
            model.fit(x_train, y_train, validation_data=(x_val, y_val), epochs=5)
        """,
    }, None),
    # RL102: the builder takes the head's activation from its caller
    ("RL102-builder-argument", {
        "models.py": """\
            from tensorflow import keras


            def build(n_in, head):
                inputs = keras.Input((n_in,))
                h = keras.layers.Dense(64, activation="relu")(inputs)
                out = keras.layers.Dense(1, activation=head)(h)
                return keras.Model(inputs, out)
        """,
        # the head's activation is the caller's literal: reported where it is written
        "train.py": """\
            import pandas as pd

            from models import build

            df = pd.read_csv("houses.csv")
            x, y = df.drop(columns=["price"]).values, df["price"].values
            model = build(x.shape[1], head="sigmoid")  # expect: RL102
            model.compile(optimizer="adam", loss="mean_squared_error")
            model.fit(x, y, epochs=20)
        """,
    }, None),
    ("RL102-valid-targets-scaled-where-fitted", {
        "models.py": """\
            from tensorflow import keras


            def build(n_in):
                return keras.Sequential([keras.Input((n_in,)), keras.layers.Dense(64, activation="relu"),
                                         keras.layers.Dense(1, activation="sigmoid")])
        """,
        "train.py": """\
            import pandas as pd
            from sklearn.preprocessing import MinMaxScaler

            from models import build

            df = pd.read_csv("houses.csv")
            x = df.drop(columns=["price"]).values
            y = MinMaxScaler().fit_transform(df[["price"]].values)
            model = build(x.shape[1])
            model.compile(optimizer="adam", loss="mse")
            model.fit(x, y, epochs=20)
        """,
    }, None),
    ("RL102-valid-tanh-untouched-targets", {
        "models.py": """\
            from tensorflow import keras


            def build(n_in):
                return keras.Sequential([keras.Input((n_in,)), keras.layers.Dense(64, activation="relu"),
                                         keras.layers.Dense(1, activation="tanh")])
        """,
        "train.py": """\
            import numpy as np

            from models import build

            x, y = np.load("frames.npy"), np.load("steering.npy")
            model = build(x.shape[1])
            model.compile(optimizer="adam", loss="mse")
            model.fit(x, y, epochs=20)
        """,
    }, None),
    # RL103: the unit count is a constant of the package's config (relative import)
    ("RL103-relative-constant", {
        "net/__init__.py": "",
        "net/config.py": "N_OUT = 1\n",
        "net/model.py": """\
            from keras import layers, models

            from .config import N_OUT


            def build():
                return models.Sequential([layers.Input((20,)), layers.Dense(16, activation="relu"),
                                          layers.Dense(N_OUT, activation="softmax")])  # expect: RL103
        """,
    }, None),
    ("RL103-valid-relative-constant", {
        "net/__init__.py": "",
        "net/config.py": "N_OUT = 4\n",
        "net/model.py": """\
            from keras import layers, models

            from .config import N_OUT


            def build():
                return models.Sequential([layers.Input((20,)), layers.Dense(16, activation="relu"),
                                          layers.Dense(N_OUT, activation="softmax")])
        """,
    }, None),
    # RL103: a network class whose softmax only the classification setting adds; the script builds
    # it for a regression with one output (audit 31a): the arm never runs
    ("RL103-valid-softmax-arm-ruled-out", {
        "net.py": """\
            from keras.layers import Activation, Dense, Input
            from keras.models import Sequential


            class Base:
                def __init__(self, nb_classes, regression=False):
                    self.nb_classes = nb_classes
                    self.regression = regression


            class Net(Base):
                def __init__(self, nb_classes, regression=False):
                    super().__init__(nb_classes, regression)
                    self.model = Sequential([Input((8,)), Dense(16, activation="relu"), Dense(self.nb_classes)])
                    if not self.regression:
                        self.model.add(Activation("softmax"))


            class Other(Base):
                def __init__(self, nb_classes, regression=False):
                    super().__init__(nb_classes, regression)
                    self.model = Sequential([Input((8,)), Dense(16, activation="relu")])
                    if self.regression:
                        self.model.add(Dense(self.nb_classes))
                    else:
                        self.model.add(Dense(self.nb_classes, activation="softmax"))
        """,
        "train.py": """\
            import numpy as np

            from net import Net, Other

            x, y = np.random.rand(64, 8), np.random.rand(64, 1)
            reg = Net(nb_classes=1, regression=True)
            reg.model.compile(optimizer="adam", loss="mse")
            reg.model.fit(x, y, epochs=1)
            other = Other(nb_classes=1, regression=True)
            other.model.compile(optimizer="adam", loss="mse")
            other.model.fit(x, y, epochs=1)
        """,
    }, None),
    # ... and the same classes built for a classification with one unit: the softmax arm runs
    ("RL103-softmax-arm-taken", {
        "net.py": """\
            from keras.layers import Activation, Dense, Input
            from keras.models import Sequential


            class Net:
                def __init__(self, nb_classes, regression=False):
                    self.nb_classes = nb_classes
                    self.regression = regression
                    self.model = Sequential([Input((8,)), Dense(16, activation="relu"), Dense(self.nb_classes)])
                    if not self.regression:
                        self.model.add(Activation("softmax"))  # expect: RL103
        """,
        "train.py": """\
            import numpy as np

            from net import Net

            clf = Net(nb_classes=1)
            clf.model.compile(optimizer="adam", loss="binary_crossentropy")
            clf.model.fit(np.random.rand(64, 8), np.random.randint(0, 2, (64, 1)), epochs=1)
        """,
    }, None),
    # RL104: a GAN's generator compiled out of habit in a builder module; the script beside it only
    # predicts with it and trains it through the combined model (audit 31c)
    ("RL104-valid-generator-a-part-where-built", {
        "gan.py": """\
            from keras import layers, models


            def make_generator(optimizer):
                gen = models.Sequential([layers.Input((8,)), layers.Dense(32, activation="relu"),
                                         layers.Dense(8, activation="tanh")])
                gen.compile(loss="binary_crossentropy", optimizer=optimizer)
                return gen


            def make_critic(optimizer):
                critic = models.Sequential([layers.Input((8,)), layers.Dense(1, activation="sigmoid")])
                critic.compile(loss="binary_crossentropy", optimizer=optimizer)
                return critic


            def make_combined(critic, gen, optimizer):
                z = layers.Input((8,))
                combined = models.Model(z, critic(gen(z)))
                combined.compile(loss="binary_crossentropy", optimizer=optimizer)
                return combined
        """,
        "train.py": """\
            import numpy as np
            from keras import optimizers

            from gan import make_combined, make_critic, make_generator

            opt = optimizers.Adam(2e-4)
            gen, critic = make_generator(opt), make_critic(opt)
            combined = make_combined(critic, gen, opt)
            for step in range(10):
                fake = gen.predict_on_batch(np.random.normal(size=(32, 8)))
                critic.train_on_batch(np.vstack([fake, np.random.rand(32, 8)]), np.r_[np.zeros(32), np.ones(32)])
                combined.train_on_batch(np.random.normal(size=(32, 8)), np.ones(32))
        """,
    }, None),
    # ... and a script that trains the generator by itself too: its loss is the generator's
    ("RL104-generator-trained-by-itself", {
        "gan.py": """\
            from keras import layers, models


            def make_generator(optimizer):
                gen = models.Sequential([layers.Input((8,)), layers.Dense(32, activation="relu"),
                                         layers.Dense(8, activation="tanh")])
                gen.compile(loss="binary_crossentropy", optimizer=optimizer)  # expect: RL104
                return gen


            def make_critic(optimizer):
                critic = models.Sequential([layers.Input((8,)), layers.Dense(1, activation="sigmoid")])
                critic.compile(loss="binary_crossentropy", optimizer=optimizer)
                return critic


            def make_combined(critic, gen, optimizer):
                z = layers.Input((8,))
                combined = models.Model(z, critic(gen(z)))
                combined.compile(loss="binary_crossentropy", optimizer=optimizer)
                return combined
        """,
        "train.py": """\
            import numpy as np
            from keras import optimizers

            from gan import make_combined, make_critic, make_generator

            opt = optimizers.Adam(2e-4)
            gen, critic = make_generator(opt), make_critic(opt)
            combined = make_combined(critic, gen, opt)
            gen.train_on_batch(np.random.normal(size=(32, 8)), np.random.rand(32, 8))
            combined.train_on_batch(np.random.normal(size=(32, 8)), np.ones(32))
        """,
    }, None),
    # RL102: targets a data module min-max scales, unpacked onto the instance (audit 31b)
    ("RL102-valid-targets-unpacked-onto-self-from-a-scaling-loader", {
        "data.py": """\
            import numpy as np
            from sklearn.preprocessing import MinMaxScaler


            def load(n=200):
                x = np.random.rand(n, 4)
                y = np.random.rand(n, 1) * 500000
                scaler = MinMaxScaler()
                y = scaler.fit_transform(y)
                return x, y, scaler
        """,
        "trainer.py": """\
            from keras.layers import Dense
            from keras.models import Sequential

            from data import load


            class Trainer:
                def __init__(self):
                    self.x, self.y, self.scaler = load()
                    self.model = Sequential([Dense(16, activation="relu", input_dim=4),
                                             Dense(1, activation="sigmoid")])
                    self.model.compile(optimizer="adam", loss="mse")

                def train(self):
                    self.model.fit(self.x, self.y, epochs=2)


            Trainer().train()
        """,
    }, None),
    ("RL102-targets-unpacked-onto-self-from-a-loader-that-does-not-scale", {
        "data.py": """\
            import numpy as np
            from sklearn.preprocessing import MinMaxScaler


            def load(n=200):
                x = np.random.rand(n, 4)
                y = np.random.rand(n, 1) * 500000
                scaler = MinMaxScaler()
                scaler.fit(y)
                return x, y, scaler
        """,
        "trainer.py": """\
            from keras.layers import Dense
            from keras.models import Sequential

            from data import load


            class Trainer:
                def __init__(self):
                    self.x, self.y, self.scaler = load()
                    self.model = Sequential([Dense(16, activation="relu", input_dim=4),
                                             Dense(1, activation="sigmoid")])  # expect: RL102
                    self.model.compile(optimizer="adam", loss="mse")

                def train(self):
                    self.model.fit(self.x, self.y, epochs=2)


            Trainer().train()
        """,
    }, None),
    # RL106: targets centred by a helper of another module, unpacked onto the instance in its
    # constructor and fitted in another method; the relu after the head (audit 31b)
    ("RL106-targets-centred-by-a-helper-unpacked-onto-self", {
        "utils.py": """\
            import numpy as np


            def normalize(v):
                mean = np.mean(v, axis=0)
                v = v - mean
                mx = np.max(v, axis=0)
                v = v / mx
                return v, (mean, mx)
        """,
        "models.py": """\
            import numpy as np
            from keras.layers import Activation, Dense
            from keras.models import Sequential

            import utils


            class LinearReg:
                def __init__(self, x, y):
                    self.x = x
                    self.y, self.stats = utils.normalize(y)

                def train(self):
                    model = Sequential([Dense(6, input_dim=3, activation="tanh"), Dense(1)])
                    model.add(Activation("relu"))  # expect: RL106
                    model.compile(loss="mean_squared_error", optimizer="adam")
                    model.fit(self.x, self.y, epochs=2)


            LinearReg(np.random.rand(50, 3), np.random.rand(50) * 10).train()
        """,
    }, None),
    # RL504: Keras 1's `nb_epoch=` under a version flag another module of the project computes
    # (probe set 8): written for both versions
    ("RL504-valid-version-flag-in-a-module", {
        "compat.py": """\
            import keras

            NEW_KERAS = keras.__version__ >= "2"
        """,
        "train.py": """\
            import numpy as np
            import keras

            from compat import NEW_KERAS

            m = keras.Sequential([keras.Input((4,)), keras.layers.Dense(1)])
            m.compile(optimizer="adam", loss="mse")
            if NEW_KERAS:
                m.fit(np.zeros((2, 4)), np.zeros(2), epochs=1)
            else:
                m.fit(np.zeros((2, 4)), np.zeros(2), nb_epoch=1)
        """,
    }, None),
    # RL501: the version flag reaches the script through `from common import *`, and through a
    # name whose number the compat module binds in the `try:` that imports Keras and its fallback
    ("RL501-valid-version-flags-by-a-star-import-and-of-a-number-bound-in-try-and-except", {
        "common.py": """\
            import keras
            from keras.layers import Dense
            from keras.models import Sequential

            NEW_KERAS = keras.__version__ >= "2.1"
        """,
        "compat.py": """\
            try:
                import keras
                KERAS_MAJOR = int(keras.__version__.split(".")[0])
            except ImportError:
                from tensorflow import keras
                KERAS_MAJOR = 2

            LEGACY = KERAS_MAJOR < 3
        """,
        "train.py": """\
            from common import *
            from compat import LEGACY

            model = Sequential([Dense(1)])
            model.compile(loss="mse", optimizer="adam")
            if NEW_KERAS:
                model.fit(gen, steps_per_epoch=10)
            else:
                model.fit_generator(gen, steps_per_epoch=10)
            if LEGACY:
                model.evaluate_generator(gen, steps=5)
        """,
    }, None),
    # ... and a flag another module binds to a test Keras 3 passes (3 > 1): its branch runs there
    ("RL501-flag-of-a-module-that-keras-3-passes", {
        "legacy.py": """\
            import keras

            keras_2 = int(keras.__version__.split(".")[0]) > 1
        """,
        "train.py": """\
            import keras
            from legacy import keras_2

            model = keras.Sequential([keras.Input((4,)), keras.layers.Dense(1)])
            model.compile(loss="mse", optimizer="adam")
            if keras_2:
                model.fit_generator(gen, epochs=3, steps_per_epoch=10)  # expect: RL501
            else:
                model.fit_generator(gen, nb_epoch=3, samples_per_epoch=10)
        """,
    }, None),
    # ... and a flag of the same module that is a setting, not a version test
    ("RL504-setting-flag-in-a-module", {
        "compat.py": """\
            import keras

            NEW_KERAS = keras.__version__ >= "2"
            QUICK = True
        """,
        "train.py": """\
            import numpy as np
            import keras

            from compat import QUICK

            m = keras.Sequential([keras.Input((4,)), keras.layers.Dense(1)])
            m.compile(optimizer="adam", loss="mse")
            if QUICK:
                m.fit(np.zeros((2, 4)), np.zeros(2), nb_epoch=1)  # expect: RL504
        """,
    }, None),
    # RL501: a trainer that imports no Keras is handed its model by a setter, then fits it with
    # the removed generator method (probe set 8)
    ("RL501-model-handed-by-a-setter", {
        "model.py": """\
            from tensorflow import keras


            def build():
                return keras.Sequential([keras.Input((3,)), keras.layers.Dense(1)])
        """,
        "trainer.py": """\
            class Trainer:
                def attach(self, model):
                    self.model = model

                def run(self, batches):
                    self.model.fit_generator(batches, steps_per_epoch=10)  # expect: RL501
        """,
        "main.py": """\
            from model import build
            from trainer import Trainer

            t = Trainer()
            t.attach(build())
            t.run(iter([]))
        """,
    }, None),
    # RL104: a builder whose arms make outputs of different counts; the arm the script runs is not
    # known, and the list of four losses only fits the four-output arm (audit 32a)
    ("RL104-valid-loss-list-of-another-arm", {
        "nets.py": """\
            from tensorflow.keras.layers import Activation, Dense, Flatten
            from tensorflow.keras.models import Model


            def critic(inputs, num_labels=None, num_codes=None):
                x = Flatten()(inputs)
                outputs = Activation("sigmoid")(Dense(1)(x))
                if num_labels:
                    labels = Activation("softmax", name="label")(Dense(num_labels)(x))
                    codes = [Activation("sigmoid")(Dense(1)(x)) for _ in range(2)]
                    outputs = [outputs, labels, codes[0], codes[1]]
                elif num_codes is not None:
                    outputs = [outputs, Activation("tanh", name="z")(Dense(num_codes)(x))]
                return Model(inputs, outputs)
        """,
        "train.py": """\
            import numpy as np
            from tensorflow.keras.layers import Input

            import nets

            labels = np.load("labels.npy")
            model = nets.critic(Input((28, 28, 1)), num_labels=len(np.unique(labels)), num_codes=2)
            model.compile(loss=["binary_crossentropy", "categorical_crossentropy", "mse", "mse"], optimizer="rmsprop")
        """,
    }, None),
    # RL106: a data module standardises a series and returns the windows its helper cuts from it
    # (probe sets 8 and audit 31b): the helper's run for that call, not the helper read on its own
    ("RL106-windows-a-helper-cuts-from-a-standardised-series", {
        "dataset.py": """\
            import numpy as np
            from sklearn.preprocessing import StandardScaler


            def windows(series, n=5):
                xs, ys = [], []
                for i in range(len(series) - n):
                    xs.append(series[i:i + n])
                    ys.append(series[i + n])
                return np.array(xs), np.array(ys)


            def load(n=5):
                raw = np.random.rand(300) * 100
                scaled = StandardScaler().fit_transform(raw.reshape(-1, 1))
                return windows(scaled, n)
        """,
        "train.py": """\
            from keras.layers import LSTM, Dense
            from keras.models import Sequential

            from dataset import load

            x, y = load()
            model = Sequential([LSTM(16, input_shape=(5, 1)), Dense(1, activation="relu")])  # expect: RL106
            model.compile(optimizer="adam", loss="mse")
            model.fit(x, y, epochs=2)
        """,
    }, None),
    ("RL106-valid-windows-a-helper-cuts-from-a-min-max-scaled-series", {
        "dataset.py": """\
            import numpy as np
            from sklearn.preprocessing import MinMaxScaler


            def windows(series, n=5):
                xs, ys = [], []
                for i in range(len(series) - n):
                    xs.append(series[i:i + n])
                    ys.append(series[i + n])
                return np.array(xs), np.array(ys)


            def load(n=5):
                raw = np.random.rand(300) * 100
                scaled = MinMaxScaler().fit_transform(raw.reshape(-1, 1))
                return windows(scaled, n)
        """,
        "train.py": """\
            from keras.layers import LSTM, Dense
            from keras.models import Sequential

            from dataset import load

            x, y = load()
            model = Sequential([LSTM(16, input_shape=(5, 1)), Dense(1, activation="relu")])
            model.compile(optimizer="adam", loss="mse")
            model.fit(x, y, epochs=2)
        """,
    }, None),
    ("RL101-valid-one-hot-labels-fitted-through-a-dispatch-of-classifier-classes", {
        # (the shape of hfawaz/dl-4-tsc: `create_classifier(name, ...)` imports the module of the
        # classifier it names inside each arm; `classifier.fit(x, y)` runs whichever it returned)
        "classifiers/__init__.py": "",
        "classifiers/cnn.py": """\
            import keras


            class ClassifierCNN:
                def __init__(self, input_shape, nb_classes):
                    inp = keras.layers.Input(input_shape)
                    out = keras.layers.Dense(nb_classes, activation="sigmoid")(keras.layers.Flatten()(inp))
                    self.model = keras.models.Model(inputs=inp, outputs=out)
                    self.model.compile(loss="mean_squared_error", optimizer="adam", metrics=["accuracy"])

                def fit(self, x_train, y_train):
                    self.model.fit(x_train, y_train, epochs=10)
        """,
        "classifiers/mlp.py": """\
            import keras


            class ClassifierMLP:
                def __init__(self, input_shape, nb_classes):
                    inp = keras.layers.Input(input_shape)
                    out = keras.layers.Dense(nb_classes, activation="softmax")(inp)
                    self.model = keras.models.Model(inp, out)
                    self.model.compile(loss="categorical_crossentropy", optimizer="adam", metrics=["accuracy"])

                def fit(self, x_train, y_train):
                    self.model.fit(x_train, y_train, epochs=10)
        """,
        "main.py": """\
            import sys

            import numpy as np
            from sklearn.preprocessing import OneHotEncoder


            def create_classifier(name, input_shape, nb_classes):
                if name == "mlp":
                    from classifiers import mlp
                    return mlp.ClassifierMLP(input_shape, nb_classes)
                if name == "cnn":
                    from classifiers import cnn
                    return cnn.ClassifierCNN(input_shape, nb_classes)


            def fit_classifier(x_train, y_train, name):
                nb_classes = len(np.unique(y_train))
                enc = OneHotEncoder(categories="auto")
                enc.fit(y_train.reshape(-1, 1))
                y_train = enc.transform(y_train.reshape(-1, 1)).toarray()
                classifier = create_classifier(name, x_train.shape[1:], nb_classes)
                classifier.fit(x_train, y_train)


            fit_classifier(np.load("x.npy"), np.load("y.npy"), sys.argv[1])
        """,
    }, None),
    ("RL106-invalid-a-relu-head-one-of-the-models-a-dispatch-returns", {
        "nets.py": """\
            import keras


            def build_relu():
                inp = keras.Input((8,))
                out = keras.layers.Dense(1, activation="relu")(inp)  # expect: RL106
                return keras.Model(inp, out)


            def build_linear():
                inp = keras.Input((8,))
                return keras.Model(inp, keras.layers.Dense(1)(inp))


            def get_model(name):
                if name == "relu":
                    return build_relu()
                return build_linear()
        """,
        "train.py": """\
            import sys

            import numpy as np
            from sklearn.preprocessing import StandardScaler

            from nets import get_model

            x = np.load("x.npy")
            y = StandardScaler().fit_transform(np.load("y.npy").reshape(-1, 1))
            model = get_model(sys.argv[1])
            model.compile(loss="mse", optimizer="adam")
            model.fit(x, y, epochs=5)
        """,
    }, None),
    ("RL102-valid-a-generator-of-another-module-cuts-targets-from-an-array-the-project-saved", {
        # (deepkashiwa20/DL-Traff-Grid's shape: the windows' targets appended in a tuple of appends)
        "loaders.py": """\
            import numpy as np


            def window_generator(data, batch_size, timestep):
                while True:
                    xs, ys = [], []
                    for t in range(data.shape[0] - timestep):
                        xs.append(data[t:t + timestep]), ys.append(data[t + timestep, 0])
                        if len(xs) == batch_size:
                            yield np.array(xs), np.array(ys)
                            xs, ys = [], []
        """,
        "preprocess.py": """\
            import numpy as np

            raw = np.load("raw_flows.npy")
            np.save("prepared_flows.npy", raw[:, :3] / raw.max())
        """,
        "train.py": """\
            import numpy as np
            from keras.layers import LSTM, Dense, Input
            from keras.models import Model

            from loaders import window_generator


            def train(series):
                inp = Input(shape=(4, 3))
                model = Model(inp, Dense(1, activation="sigmoid")(LSTM(16)(inp)))
                model.compile(loss="mse", optimizer="adam")
                model.fit(window_generator(series, 32, 4), steps_per_epoch=10, epochs=2)


            train(np.load("prepared_flows.npy"))
        """,
    }, None),
    ("RL102-invalid-a-generator-of-another-module-cuts-targets-from-a-file-no-script-writes", {
        "loaders.py": """\
            import numpy as np


            def window_generator(data, batch_size, timestep):
                while True:
                    xs, ys = [], []
                    for t in range(data.shape[0] - timestep):
                        xs.append(data[t:t + timestep]), ys.append(data[t + timestep, 0])
                        if len(xs) == batch_size:
                            yield np.array(xs), np.array(ys)
                            xs, ys = [], []
        """,
        "train.py": """\
            import numpy as np
            from keras.layers import LSTM, Dense, Input
            from keras.models import Model

            from loaders import window_generator


            def train(series):
                inp = Input(shape=(4, 3))
                model = Model(inp, Dense(1, activation="sigmoid")(LSTM(16)(inp)))  # expect: RL102
                model.compile(loss="mse", optimizer="adam")
                model.fit(window_generator(series, 32, 4), steps_per_epoch=10, epochs=2)


            train(np.loadtxt("flows.csv", delimiter=","))
        """,
    }, None),
    ("RL301-valid-per-step-targets-of-as-many-steps-as-the-builder-is-given", {
        # (shunya-kato/Kaggle-Ventilator-Pressure-Prediction's shape: `reshape(-1, STEPS)` here,
        # `Input(shape=(steps, n_feats))` in the builder it is passed to)
        "models/__init__.py": "",
        "models/bilstm.py": """\
            from tensorflow.keras import Sequential
            from tensorflow.keras.layers import LSTM, Bidirectional, Dense, Input


            def create_model(steps, n_feats):
                model = Sequential([
                    Input(shape=(steps, n_feats)),
                    Bidirectional(LSTM(32, return_sequences=True)),
                    Dense(1),
                ])
                model.compile(optimizer="adam", loss="mae")
                return model
        """,
        "main.py": """\
            import numpy as np
            import pandas as pd
            from sklearn.model_selection import KFold

            from models.bilstm import create_model

            STEPS = 80
            df = pd.read_csv("train.csv")
            y = df["pressure"].to_numpy().reshape(-1, STEPS)
            x = df.drop(["pressure"], axis=1).to_numpy().reshape(-1, STEPS, 4)
            for fold, (train_idx, valid_idx) in enumerate(KFold(n_splits=5).split(x, y)):
                model = create_model(STEPS, 4)
                model.fit(x[train_idx], y[train_idx], validation_data=(x[valid_idx], y[valid_idx]), epochs=1)
        """,
    }, None),
    ("RL101-valid-an-iterator-of-ones-a-factory-method-of-another-module-makes", {
        # (asparagus/triplet-net's shape: `gen.flow(x, y)` returns another class's stream, whose
        # `__next__` gives 1-labels; the wrapper hands its model's summary on)
        "triplets.py": """\
            import numpy as np


            class TripletStream:
                def __init__(self, x, batch_size):
                    self.x, self.batch_size = x, batch_size

                def __iter__(self):
                    return self

                def __next__(self):
                    idx = np.random.randint(0, len(self.x), (3, self.batch_size))
                    samples = {"x": self.x[idx[0]], "x1": self.x[idx[1]], "x2": self.x[idx[2]]}
                    labels = np.ones(self.batch_size)
                    return samples, labels


            class TripletGenerator:
                def flow(self, x, batch_size=64):
                    return TripletStream(x, batch_size)
        """,
        "model.py": """\
            from keras.layers import Activation, Dense, Dot, Input, Subtract
            from keras.models import Model


            class TripletNet:
                def __init__(self, dimensions=16):
                    x, x1, x2 = Input((dimensions,), name="x"), Input((dimensions,), name="x1"), Input((dimensions,), name="x2")
                    embed = Dense(8)
                    d = Subtract()([Dot(1)([embed(x), embed(x2)]), Dot(1)([embed(x), embed(x1)])])
                    self.model = Model([x, x1, x2], Activation("sigmoid")(d))
                    self.model.compile(loss="mean_squared_error", optimizer="sgd", metrics=["accuracy"])
                    self.summary = self.model.summary
        """,
        "train.py": """\
            import numpy as np

            from model import TripletNet
            from triplets import TripletGenerator

            gen = TripletGenerator()
            stream = gen.flow(np.random.rand(500, 16), batch_size=32)
            t = TripletNet(dimensions=16)
            t.summary()
            t.model.fit(stream, steps_per_epoch=100, epochs=3)
        """,
    }, None),
    ("RL101-valid-one-hot-labels-a-base-class-of-another-module-converts", {
        # (sktime-dl's shape: `self.convert_y(y)` inherited, encoders held on the instance)
        "base.py": """\
            from sklearn.preprocessing import LabelEncoder, OneHotEncoder


            class BaseClassifier:
                def convert_y(self, y):
                    self.label_encoder = LabelEncoder()
                    self.onehot_encoder = OneHotEncoder(sparse_output=False, categories="auto")
                    y = self.label_encoder.fit_transform(y)
                    y = y.reshape(len(y), 1)
                    y = self.onehot_encoder.fit_transform(y)
                    return y
        """,
        "cnn.py": """\
            from tensorflow import keras

            from base import BaseClassifier


            class CNNClassifier(BaseClassifier):
                def build_model(self, input_shape, nb_classes):
                    inp = keras.layers.Input(input_shape)
                    out = keras.layers.Dense(nb_classes, activation="sigmoid")(keras.layers.Flatten()(inp))
                    model = keras.models.Model(inp, out)
                    model.compile(loss="mean_squared_error", optimizer="adam", metrics=["accuracy"])
                    return model

                def fit(self, X, y):
                    y_onehot = self.convert_y(y)
                    self.model = self.build_model(X.shape[1:], y_onehot.shape[1])
                    self.model.fit(X, y_onehot, epochs=2)
                    return self
        """,
    }, None),
    ("RL102-valid-one-hot-labels-from-one-arm-of-an-inherited-method-fit-from-a-third-module", {
        # (sktime-dl itself: the base method encodes afresh in one arm and with encoders given as
        # parameters in the other; a test script fits the classifier)
        "base.py": """\
            from sklearn.preprocessing import LabelEncoder, OneHotEncoder


            class BaseClassifier:
                def convert_y(self, y, label_encoder=None, onehot_encoder=None):
                    if label_encoder is None and onehot_encoder is None:
                        self.label_encoder = LabelEncoder()
                        self.onehot_encoder = OneHotEncoder(sparse_output=False)
                        y = self.label_encoder.fit_transform(y)
                        y = y.reshape(len(y), 1)
                        y = self.onehot_encoder.fit_transform(y)
                    else:
                        y = label_encoder.transform(y)
                        y = y.reshape(len(y), 1)
                        y = onehot_encoder.transform(y)
                    return y
        """,
        "cnn.py": """\
            from tensorflow import keras

            from base import BaseClassifier


            class CNNClassifier(BaseClassifier):
                def build_model(self, input_shape, nb_classes):
                    inp = keras.layers.Input(input_shape)
                    out = keras.layers.Dense(nb_classes, activation="sigmoid")(keras.layers.Flatten()(inp))
                    model = keras.models.Model(inp, out)
                    model.compile(loss="mean_squared_error", optimizer="adam", metrics=["accuracy"])
                    return model

                def fit(self, X, y):
                    y_onehot = self.convert_y(y)
                    self.model = self.build_model(X.shape[1:], y_onehot.shape[1])
                    self.model.fit(X, y_onehot, epochs=2)
                    return self
        """,
        "test_accuracy.py": """\
            import numpy as np

            from cnn import CNNClassifier

            X = np.random.rand(40, 24, 1)
            y = np.random.choice(["a", "b", "c"], 40)
            net = CNNClassifier()
            net.fit(X, y)
        """,
    }, None),
    ("RL102-invalid-neither-arm-of-an-inherited-method-gives-labels", {
        "base.py": """\
            class BaseRegressor:
                def prepare_y(self, y, scale=None):
                    if scale is None:
                        y = y * 3.0
                    else:
                        y = y * scale
                    return y
        """,
        "net.py": """\
            from tensorflow import keras

            from base import BaseRegressor


            class Net(BaseRegressor):
                def fit(self, X, y):
                    y_scaled = self.prepare_y(y)
                    inp = keras.layers.Input(X.shape[1:])
                    out = keras.layers.Dense(1, activation="sigmoid")(inp)  # expect: RL102
                    self.model = keras.models.Model(inp, out)
                    self.model.compile(loss="mse", optimizer="adam")
                    self.model.fit(X, y_scaled, epochs=2)
                    return self
        """,
    }, None),
    ("RL102-invalid-a-builder-in-the-projects-own-sub-package-named-keras", {
        # (neilswainston/liv-learn: `liv_learn/keras/__init__.py` builds the models; Keras is a
        # top-level package, so a sub-package of the project's own named keras is the project's)
        "mylab/__init__.py": "",
        "mylab/keras/__init__.py": """\
            from keras import layers, models


            def build(n_in):
                inp = layers.Input((n_in,))
                out = layers.Dense(1, activation="sigmoid")(layers.Dense(16, activation="relu")(inp))  # expect: RL102
                return models.Model(inp, out)
        """,
        "train.py": """\
            import numpy as np

            from mylab.keras import build

            model = build(8)
            model.compile(loss="mse", optimizer="adam")
            model.fit(np.random.rand(100, 8), np.random.rand(100) * 50.0, epochs=3)
        """,
    }, None),
    ("RL101-valid-a-builder-another-module-wraps-in-scikit-learns-classifier", {
        "nets.py": """\
            from tensorflow import keras


            def make_net():
                m = keras.Sequential([keras.Input((8,)), keras.layers.Dense(1, activation="sigmoid")])
                m.compile(optimizer="adam", loss="mse", metrics=["accuracy"])
                return m
        """,
        "tune.py": """\
            import numpy as np
            from scikeras.wrappers import KerasClassifier

            from nets import make_net

            clf = KerasClassifier(model=make_net, epochs=10)
            clf.fit(np.load("x.npy"), np.load("y.npy"))
        """,
    }, None),
    ("RL101-invalid-a-builder-another-module-wraps-in-scikit-learns-regressor", {
        "nets.py": """\
            from tensorflow import keras


            def make_net():
                m = keras.Sequential([keras.Input((8,)), keras.layers.Dense(1)])
                m.compile(optimizer="adam", loss="mse", metrics=["accuracy"])  # expect: RL101
                return m
        """,
        "tune.py": """\
            import numpy as np
            from scikeras.wrappers import KerasRegressor

            from nets import make_net

            reg = KerasRegressor(model=make_net, epochs=10)
            reg.fit(np.load("x.npy"), np.load("y.npy"))
        """,
    }, None),
    ("RL102-valid-labels-a-helper-makes-two-modules-away", {
        "labels.py": """\
            import numpy as np


            def make_labels(scores):
                return (np.asarray(scores) > 0.5).astype("float32")
        """,
        "data.py": """\
            import pandas as pd

            from labels import make_labels


            def load(path):
                df = pd.read_csv(path)
                return df.drop(columns=["score"]).values, make_labels(df["score"])
        """,
        "train.py": """\
            from tensorflow import keras

            from data import load

            x, y = load("comments.csv")
            model = keras.Sequential([keras.Input((x.shape[1],)), keras.layers.Dense(1, activation="sigmoid")])
            model.compile(optimizer="adam", loss="mse", metrics=["accuracy"])
            model.fit(x, y, epochs=5)
        """,
    }, None),
    ("RL102-invalid-scores-a-helper-stretches-two-modules-away", {
        "labels.py": """\
            import numpy as np


            def make_targets(scores):
                return np.asarray(scores) * 10.0
        """,
        "data.py": """\
            import pandas as pd

            from labels import make_targets


            def load(path):
                df = pd.read_csv(path)
                return df.drop(columns=["score"]).values, make_targets(df["score"])
        """,
        "train.py": """\
            from tensorflow import keras

            from data import load

            x, y = load("comments.csv")
            model = keras.Sequential([keras.Input((x.shape[1],)), keras.layers.Dense(1, activation="sigmoid")])  # expect: RL102
            model.compile(optimizer="adam", loss="mse")
            model.fit(x, y, epochs=5)
        """,
    }, None),
    ("RL106-invalid-a-data-class-unpacks-another-modules-standardising-helper", {
        "utils.py": """\
            def normalize(a):
                mu, sd = a.mean(axis=0), a.std(axis=0)
                return (a - mu) / sd, (mu, sd)
        """,
        "dataset.py": """\
            import numpy as np

            import utils


            class Dataset:
                def __init__(self, path):
                    raw = np.loadtxt(path, delimiter=",", skiprows=1)
                    self.x = raw[:, :-1]
                    self.y, self.stats = utils.normalize(raw[:, -1])
        """,
        "train.py": """\
            from tensorflow import keras

            from dataset import Dataset

            ds = Dataset("abalone.csv")
            m = keras.Sequential([keras.Input((ds.x.shape[1],)), keras.layers.Dense(1, activation="relu")])  # expect: RL106
            m.compile(optimizer="adam", loss="mse")
            m.fit(ds.x, ds.y, epochs=50)
        """,
    }, None),
    ("RL105-valid-one-builder-called-with-and-without-its-flag-by-two-test-methods", {
        # (maxpumperla/deep_learning_and_the_game_of_go: the policy net compiled with categorical
        # crossentropy, the value net only predicted)
        "nets.py": """\
            from keras.models import Sequential
            from keras.layers import Conv2D, Dense, Flatten


            def board_net(shape, policy=False, filters=32):
                net = Sequential()
                net.add(Conv2D(filters, 3, input_shape=shape, padding="same", activation="relu"))
                if policy:
                    net.add(Conv2D(1, 1, padding="same", activation="softmax"))
                    net.add(Flatten())
                    return net
                net.add(Flatten())
                net.add(Dense(1, activation="tanh"))
                return net
        """,
        "test_nets.py": """\
            import unittest

            import numpy as np
            from keras.utils import to_categorical

            from nets import board_net


            class BoardNetTest(unittest.TestCase):
                def test_policy(self):
                    policy_net = board_net((9, 9, 4), policy=True)
                    policy_net.compile("sgd", "categorical_crossentropy", metrics=["accuracy"])
                    moves = to_categorical(np.random.randint(0, 81, size=16), 81)
                    policy_net.fit(np.random.rand(16, 9, 9, 4), moves, epochs=1)

                def test_value(self):
                    value_net = board_net((9, 9, 4))
                    assert value_net.predict(np.random.rand(2, 9, 9, 4)).shape == (2, 1)
        """,
    }, None),
    ("RL105-invalid-the-flagless-builder-call-compiled-with-categorical-crossentropy", {
        "nets.py": """\
            from keras.models import Sequential
            from keras.layers import Conv2D, Dense, Flatten


            def board_net(shape, policy=False, filters=32):
                net = Sequential()
                net.add(Conv2D(filters, 3, input_shape=shape, padding="same", activation="relu"))
                if policy:
                    net.add(Conv2D(1, 1, padding="same", activation="softmax"))
                    net.add(Flatten())
                    return net
                net.add(Flatten())
                net.add(Dense(1, activation="tanh"))
                return net
        """,
        "test_nets.py": """\
            import unittest

            import numpy as np

            from nets import board_net


            class BoardNetTest(unittest.TestCase):
                def test_policy(self):
                    policy_net = board_net((9, 9, 4), policy=True)
                    policy_net.compile("sgd", "categorical_crossentropy")

                def test_value(self):
                    value_net = board_net((9, 9, 4))
                    value_net.compile("sgd", "categorical_crossentropy")  # expect: RL105
                    value_net.fit(np.random.rand(16, 9, 9, 4), np.random.rand(16, 1), epochs=1)
        """,
    }, None),
    ("RL501-valid-a-keras-free-runner-calls-the-projects-own-fit-generator-on-a-parameter", {
        # (young-zonglin/zlyang-seq2seq-gec: Keras arrives in the runner only through a package
        # that star-imports a module importing Keras callbacks)
        "conf/__init__.py": """\
            from .settings import *
            from .callbacks import *
        """,
        "conf/settings.py": """\
            DATA_DIR = "data"
        """,
        "conf/callbacks.py": """\
            from keras.callbacks import Callback
        """,
        "nets.py": """\
            import numpy as np
            from keras import layers, models


            class Seq2Seq:
                def build(self):
                    inp = layers.Input(shape=(6,))
                    self.model = models.Model(inp, layers.Dense(1)(inp))
                    self.model.compile(optimizer="adam", loss="mse")

                def fit_generator(self, verbose=False):
                    self.model.fit(np.random.rand(64, 6), np.random.rand(64), epochs=1)

                def evaluate_generator(self):
                    return self.model.evaluate(np.random.rand(16, 6), np.random.rand(16))
        """,
        "runner.py": """\
            from conf import settings


            def train_model(seq2seq_model, verbose=False):
                print(settings.DATA_DIR)
                seq2seq_model.build()
                seq2seq_model.fit_generator(verbose)
                seq2seq_model.evaluate_generator()
        """,
    }, None),
    ("RL301-valid-a-patch-critic-another-modules-method-trains-on-per-patch-targets", {
        # (aurelio-amerio/Keras-SRGAN: the script running the trainer imports a Keras name too)
        "patch_critic.py": """\
            import numpy as np
            from keras.layers import Input, Conv2D, Dense, LeakyReLU
            from keras.models import Model


            class PatchCritic:
                def build_critic(self):
                    inp = Input(shape=(64, 64, 3))
                    h = LeakyReLU(0.2)(Conv2D(32, 3, strides=2, padding="same")(inp))
                    h = Conv2D(64, 3, strides=2, padding="same")(h)
                    out = Dense(1, activation="sigmoid")(Dense(128)(h))
                    return Model(inp, out)

                def train(self, images):
                    critic = self.build_critic()
                    critic.compile(loss="mse", optimizer="adam")
                    real = np.ones((4, 16, 16, 1))
                    for step in range(10):
                        critic.train_on_batch(images, real)
        """,
        "run.py": """\
            import numpy as np
            from keras.layers import Dense

            from patch_critic import PatchCritic

            PatchCritic().train(np.random.rand(4, 64, 64, 3))
        """,
    }, None),
    ("RL101-valid-a-base-class-recompiles-each-folds-model-as-a-classifier", {
        "base.py": """\
            from sklearn.model_selection import StratifiedKFold


            class BaseModel:
                def build_model(self, data):
                    raise NotImplementedError

                def run(self, data):
                    model = self.build_model(data)
                    for tr, va in StratifiedKFold(n_splits=3).split(data["x"], data["labels"]):
                        model.compile(loss="binary_crossentropy", optimizer="adam", metrics=["binary_accuracy"])
                        model.fit(data["x"][tr], data["labels"][tr], epochs=2)
                    return model
        """,
        "pair_model.py": """\
            import keras
            from base import BaseModel


            class PairModel(BaseModel):
                def build_model(self, data):
                    inp = keras.Input(shape=(data["x"].shape[1],))
                    model = keras.Model(inp, keras.layers.Dense(1, activation="sigmoid")(inp))
                    model.compile(loss="mean_squared_error", optimizer="adam", metrics=["binary_accuracy"])
                    return model
        """,
        "run.py": """\
            import numpy as np
            from pair_model import PairModel

            x = np.random.rand(90, 8)
            PairModel().run({"x": x, "labels": (x[:, 0] > 0.5).astype("float32")})
        """,
    }, None),
    ("RL501-valid-helpers-guarded-by-a-version-flag-of-a-compat-module-get-the-model-as-a-parameter", {
        "compat.py": """\
            import keras

            KERAS2 = keras.__version__ < "3"
        """,
        "fitting.py": """\
            from compat import KERAS2


            def fit(model, x, y):
                if KERAS2:
                    model.fit(x, y, nb_epoch=5)
                else:
                    model.fit(x, y, epochs=5)
        """,
        "predict.py": """\
            import compat


            def predict_all(model, gen, steps):
                if compat.KERAS2:
                    return model.predict_generator(gen, steps=steps)
                return model.predict(gen, steps=steps)
        """,
        "train.py": """\
            import numpy as np
            import keras
            from fitting import fit
            from predict import predict_all

            x, y = np.load("x.npy"), np.load("y.npy")
            m = keras.Sequential([keras.Input((x.shape[1],)), keras.layers.Dense(1)])
            m.compile(optimizer="adam", loss="mse")
            fit(m, x, y)
            print(predict_all(m, iter([x[:32]]), 1))
        """,
    }, None),
    ("RL504-invalid-helpers-under-a-flag-of-a-compat-module-that-is-no-version-test", {
        "compat.py": """\
            import os

            LEGACY = os.environ.get("LEGACY") == "1"
        """,
        "fitting.py": """\
            from compat import LEGACY


            def fit(model, x, y):
                if LEGACY:
                    model.fit(x, y, nb_epoch=5)  # expect: RL504
                else:
                    model.fit(x, y, epochs=5)
        """,
        "train.py": """\
            import numpy as np
            import keras
            from fitting import fit

            x, y = np.load("x.npy"), np.load("y.npy")
            m = keras.Sequential([keras.Input((x.shape[1],)), keras.layers.Dense(1)])
            m.compile(optimizer="adam", loss="mse")
            fit(m, x, y)
        """,
    }, None),
    ("RL102-valid-a-target-transformer-of-another-module-scales-into-unit-range", {
        "models.py": """\
            from tensorflow import keras


            def build_net(n_features=12):
                m = keras.Sequential([keras.Input((n_features,)), keras.layers.Dense(64, activation="relu"),
                                      keras.layers.Dense(1, activation="sigmoid")])
                m.compile(optimizer="adam", loss="mse")
                return m
        """,
        "fit.py": """\
            import pandas as pd
            from scikeras.wrappers import KerasRegressor
            from sklearn.compose import TransformedTargetRegressor
            from sklearn.preprocessing import MinMaxScaler, StandardScaler
            from models import build_net

            df = pd.read_csv("power.csv")
            y = df.pop("output_mw").values
            est = TransformedTargetRegressor(regressor=KerasRegressor(model=build_net, epochs=50),
                                             transformer=MinMaxScaler())
            est.fit(df.values, y)
        """,
    }, None),
    ("RL102-invalid-a-target-transformer-of-another-module-standardises", {
        "models.py": """\
            from tensorflow import keras


            def build_net(n_features=12):
                m = keras.Sequential([keras.Input((n_features,)), keras.layers.Dense(64, activation="relu"),
                                      keras.layers.Dense(1, activation="sigmoid")])  # expect: RL102
                m.compile(optimizer="adam", loss="mse")
                return m
        """,
        "fit.py": """\
            import pandas as pd
            from scikeras.wrappers import KerasRegressor
            from sklearn.compose import TransformedTargetRegressor
            from sklearn.preprocessing import MinMaxScaler, StandardScaler
            from models import build_net

            df = pd.read_csv("power.csv")
            y = df.pop("output_mw").values
            est = TransformedTargetRegressor(regressor=KerasRegressor(model=build_net, epochs=50),
                                             transformer=StandardScaler())
            est.fit(df.values, y)
        """,
    }, None),
    ("RL102-valid-another-modules-generator-divides-the-targets-by-the-max-the-caller-passes", {
        "data.py": """\
            import numpy as np


            def batches(x, y, y_scale, bs=32):
                while True:
                    idx = np.random.randint(0, len(x), bs)
                    yield x[idx], y[idx] / y_scale
        """,
        "train.py": """\
            import pandas as pd
            from tensorflow import keras
            from data import batches

            tr = pd.read_csv("train.csv")
            y_tr = tr.pop("price").values
            scale = y_tr.max()
            net = keras.Sequential([keras.Input((tr.shape[1],)), keras.layers.Dense(64, activation="relu"),
                                    keras.layers.Dense(1, activation="sigmoid")])
            net.compile(optimizer="adam", loss="mse")
            net.fit(batches(tr.values, y_tr, scale), steps_per_epoch=len(tr) // 32, epochs=10)
        """,
    }, None),
    ("RL102-invalid-another-modules-generator-divides-the-targets-by-the-mean-the-caller-passes", {
        "data.py": """\
            import numpy as np


            def batches(x, y, y_scale, bs=32):
                while True:
                    idx = np.random.randint(0, len(x), bs)
                    yield x[idx], y[idx] / y_scale
        """,
        "train.py": """\
            import pandas as pd
            from tensorflow import keras
            from data import batches

            tr = pd.read_csv("train.csv")
            y_tr = tr.pop("price").values
            scale = y_tr.mean()
            net = keras.Sequential([keras.Input((tr.shape[1],)), keras.layers.Dense(64, activation="relu"),
                                    keras.layers.Dense(1, activation="sigmoid")])  # expect: RL102
            net.compile(optimizer="adam", loss="mse")
            net.fit(batches(tr.values, y_tr, scale), steps_per_epoch=len(tr) // 32, epochs=10)
        """,
    }, None),
    ("RL102-invalid-a-subclass-two-modules-below-its-base-builder-ends-in-sigmoid", {
        "base.py": """\
            from tensorflow import keras


            class BaseBuilder:
                def __init__(self, n_features):
                    self.n_features = n_features

                def head(self, x):
                    return keras.layers.Dense(1)(x)

                def build(self):
                    inp = keras.Input(shape=(self.n_features,))
                    return keras.Model(inp, self.head(keras.layers.Dense(64, activation="relu")(inp)))
        """,
        "mid.py": """\
            from base import BaseBuilder


            class MLPBuilder(BaseBuilder):
                pass
        """,
        "price.py": """\
            from tensorflow import keras
            import mid


            class PriceBuilder(mid.MLPBuilder):
                def head(self, x):
                    return keras.layers.Dense(1, activation="sigmoid")(x)  # expect: RL102
        """,
        "train.py": """\
            import pandas as pd
            from price import PriceBuilder

            df = pd.read_csv("cars.csv")
            y = df.pop("price").values
            model = PriceBuilder(df.shape[1]).build()
            model.compile(optimizer="adam", loss="mse")
            model.fit(df.values, y, epochs=50)
        """,
    }, None),
    ("RL102-valid-a-subclass-two-modules-below-its-base-builder-overrides-a-sigmoid-head", {
        "base.py": """\
            from tensorflow import keras


            class BaseBuilder:
                def __init__(self, n_features):
                    self.n_features = n_features

                def head(self, x):
                    return keras.layers.Dense(1, activation="sigmoid")(x)

                def build(self):
                    inp = keras.Input(shape=(self.n_features,))
                    return keras.Model(inp, self.head(keras.layers.Dense(64, activation="relu")(inp)))
        """,
        "mid.py": """\
            from base import BaseBuilder


            class MLPBuilder(BaseBuilder):
                pass
        """,
        "price.py": """\
            from tensorflow import keras
            import mid


            class PriceBuilder(mid.MLPBuilder):
                def head(self, x):
                    return keras.layers.Dense(1)(x)
        """,
        "train.py": """\
            import pandas as pd
            from price import PriceBuilder

            df = pd.read_csv("cars.csv")
            y = df.pop("price").values
            model = PriceBuilder(df.shape[1]).build()
            model.compile(optimizer="adam", loss="mse")
            model.fit(df.values, y, epochs=50)
        """,
    }, None),
    ("RL102-invalid-a-subclass-two-modules-below-its-base-module-builder-ends-in-sigmoid", {
        "base.py": """\
            from tensorflow import keras


            class BaseBuilder:
                def __init__(self, n_features):
                    self.n_features = n_features

                def head(self, x):
                    return keras.layers.Dense(1, activation="sigmoid")(x)

                def build(self):
                    inp = keras.Input(shape=(self.n_features,))
                    return keras.Model(inp, self.head(keras.layers.Dense(64, activation="relu")(inp)))
        """,
        "mid.py": """\
            import base


            class MLPBuilder(base.BaseBuilder):
                pass
        """,
        "price.py": """\
            from tensorflow import keras
            import mid


            class PriceBuilder(mid.MLPBuilder):
                def head(self, x):
                    return keras.layers.Dense(1, activation="sigmoid")(x)  # expect: RL102
        """,
        "train.py": """\
            import pandas as pd
            from price import PriceBuilder

            df = pd.read_csv("cars.csv")
            y = df.pop("price").values
            model = PriceBuilder(df.shape[1]).build()
            model.compile(optimizer="adam", loss="mse")
            model.fit(df.values, y, epochs=50)
        """,
    }, None),
    ("RL106-invalid-a-map-function-of-another-module-standardises-with-its-own-globals", {
        "pipeline.py": """\
            import numpy as np

            _targets = np.load("y.npy")
            MU = _targets.mean()
            SIGMA = _targets.std()


            def standardize(x, y):
                return x, (y - MU) / SIGMA
        """,
        "train.py": """\
            import numpy as np
            import tensorflow as tf
            from tensorflow import keras
            from pipeline import standardize

            x, y = np.load("x.npy"), np.load("y.npy")
            ds = tf.data.Dataset.from_tensor_slices((x, y)).map(standardize).batch(32)
            net = keras.Sequential([keras.Input((x.shape[1],)), keras.layers.Dense(64, activation="relu"),
                                    keras.layers.Dense(1, activation="relu")])  # expect: RL106
            net.compile(optimizer="adam", loss="mse")
            net.fit(ds, epochs=20)
        """,
    }, None),
    ("RL102-valid-a-map-function-of-another-module-divides-by-its-own-max", {
        "pipeline.py": """\
            import numpy as np

            Y_MAX = np.load("y.npy").max()


            def scale(x, y):
                return x, y / Y_MAX
        """,
        "train.py": """\
            import numpy as np
            import tensorflow as tf
            from tensorflow import keras
            from pipeline import scale

            x, y = np.load("x.npy"), np.load("y.npy")
            ds = tf.data.Dataset.from_tensor_slices((x, y)).map(scale).batch(32)
            net = keras.Sequential([keras.Input((x.shape[1],)), keras.layers.Dense(64, activation="relu"),
                                    keras.layers.Dense(1, activation="sigmoid")])
            net.compile(optimizer="adam", loss="mse")
            net.fit(ds, epochs=20)
        """,
    }, None),
    ("RL102-valid-a-target-transformer-of-another-module-around-a-pipeline-ending-in-the-builder", {
        "models.py": """\
            from tensorflow import keras


            def build_net(n_features=12):
                m = keras.Sequential([keras.Input((n_features,)), keras.layers.Dense(64, activation="relu"),
                                      keras.layers.Dense(1, activation="sigmoid")])
                m.compile(optimizer="adam", loss="mse")
                return m
        """,
        "pipeline.py": """\
            from scikeras.wrappers import KerasRegressor
            from sklearn.compose import TransformedTargetRegressor
            from sklearn.pipeline import Pipeline, make_pipeline
            from sklearn.preprocessing import MinMaxScaler, StandardScaler
            from models import build_net


            def make_estimator():
                net = KerasRegressor(model=build_net, epochs=50, verbose=0)
                return TransformedTargetRegressor(regressor=make_pipeline(StandardScaler(), net), transformer=MinMaxScaler())
        """,
        "train.py": """\
            import pandas as pd
            from pipeline import make_estimator

            df = pd.read_csv("power.csv")
            y = df.pop("output_mw").values
            make_estimator().fit(df.values, y)
        """,
    }, None),
    ("RL102-valid-a-target-transformer-of-another-module-around-a-pipeline-of-named-steps", {
        "models.py": """\
            from tensorflow import keras


            def build_net(n_features=12):
                m = keras.Sequential([keras.Input((n_features,)), keras.layers.Dense(64, activation="relu"),
                                      keras.layers.Dense(1, activation="sigmoid")])
                m.compile(optimizer="adam", loss="mse")
                return m
        """,
        "pipeline.py": """\
            from scikeras.wrappers import KerasRegressor
            from sklearn.compose import TransformedTargetRegressor
            from sklearn.pipeline import Pipeline, make_pipeline
            from sklearn.preprocessing import MinMaxScaler, StandardScaler
            from models import build_net


            def make_estimator():
                net = KerasRegressor(model=build_net, epochs=50, verbose=0)
                return TransformedTargetRegressor(regressor=Pipeline([("scale", StandardScaler()), ("net", net)]), transformer=MinMaxScaler())
        """,
        "train.py": """\
            import pandas as pd
            from pipeline import make_estimator

            df = pd.read_csv("power.csv")
            y = df.pop("output_mw").values
            make_estimator().fit(df.values, y)
        """,
    }, None),
    ("RL102-invalid-functools-partial-binds-another-modules-builder-to-a-sigmoid-head", {
        "models.py": """\
            from tensorflow import keras


            def build(n_features, head_act="linear", width=64):
                model = keras.Sequential([keras.Input(shape=(n_features,)),
                                          keras.layers.Dense(width, activation="relu"),
                                          keras.layers.Dense(1, activation=head_act)])
                model.compile(optimizer="adam", loss="mse")
                return model
        """,
        "train.py": """\
            import functools
            import pandas as pd
            import models

            df = pd.read_csv("energy.csv")
            y = df.pop("load_kwh").values
            make = functools.partial(models.build, head_act="sigmoid", width=128)  # expect: RL102
            net = make(df.shape[1])
            net.fit(df.values, y, epochs=60, batch_size=32)
        """,
    }, None),
    ("RL102-valid-functools-partial-binds-another-modules-builder-to-a-linear-head", {
        "models.py": """\
            from tensorflow import keras


            def build(n_features, head_act="linear", width=64):
                model = keras.Sequential([keras.Input(shape=(n_features,)),
                                          keras.layers.Dense(width, activation="relu"),
                                          keras.layers.Dense(1, activation=head_act)])
                model.compile(optimizer="adam", loss="mse")
                return model
        """,
        "train.py": """\
            import functools
            import pandas as pd
            import models

            df = pd.read_csv("energy.csv")
            y = df.pop("load_kwh").values
            make = functools.partial(models.build, head_act="linear", width=128)
            net = make(df.shape[1])
            net.fit(df.values, y, epochs=60, batch_size=32)
        """,
    }, None),
    ("RL102-valid-another-modules-window-function-cuts-targets-from-the-series-this-file-min-max-scales", {
        "model.py": """\
            from tensorflow import keras


            def build(n):
                return keras.Sequential([keras.Input((n, 1)), keras.layers.LSTM(32),
                                         keras.layers.Dense(1, activation="sigmoid")])
        """,
        "windows.py": """\
            from tensorflow import keras


            def make_windows(series, n, batch_size=32):
                return keras.utils.timeseries_dataset_from_array(
                    series[:-n], targets=series[n:], sequence_length=n, batch_size=batch_size)
        """,
        "train.py": """\
            import pandas as pd
            from sklearn.preprocessing import MinMaxScaler, StandardScaler
            from windows import make_windows
            from model import build

            series = MinMaxScaler().fit_transform(pd.read_csv("traffic.csv")["vehicles"].values.reshape(-1, 1))
            m = build(24)
            m.compile(optimizer="adam", loss="mse")
            m.fit(make_windows(series, 24), epochs=10)
        """,
    }, None),
    ("RL106-invalid-another-modules-window-function-cuts-targets-from-the-series-this-file-standardises", {
        "model.py": """\
            from tensorflow import keras


            def build(n):
                return keras.Sequential([keras.Input((n, 1)), keras.layers.LSTM(32),
                                         keras.layers.Dense(1, activation="relu")])  # expect: RL106
        """,
        "windows.py": """\
            from tensorflow import keras


            def make_windows(series, n, batch_size=32):
                return keras.utils.timeseries_dataset_from_array(
                    series[:-n], targets=series[n:], sequence_length=n, batch_size=batch_size)
        """,
        "train.py": """\
            import pandas as pd
            from sklearn.preprocessing import MinMaxScaler, StandardScaler
            from windows import make_windows
            from model import build

            series = StandardScaler().fit_transform(pd.read_csv("traffic.csv")["vehicles"].values.reshape(-1, 1))
            m = build(24)
            m.compile(optimizer="adam", loss="mse")
            m.fit(make_windows(series, 24), epochs=10)
        """,
    }, None),
    ("RL101-valid-a-builders-model-a-script-hands-to-another-modules-trainer-of-0-1-labels", {
        "disc.py": """\
            from keras import Model, Input
            from keras.layers import Conv2D


            class PatchDisc:
                def build(self):
                    inp = Input(shape=(32, 32, 3))
                    model = Model(inp, Conv2D(1, 4, padding="same")(inp))
                    model.compile(optimizer="adam", loss="mse", metrics=["accuracy"])
                    return model
        """,
        "trainer.py": """\
            import numpy as np


            class GanTrainer:
                def __init__(self, disc):
                    self.disc = disc

                def train(self, images, steps):
                    real = np.ones((8, 32, 32, 1))
                    fake = np.zeros((8, 32, 32, 1))
                    for _ in range(steps):
                        self.disc.train_on_batch(images, real)
                        self.disc.train_on_batch(images * 0.0, fake)
        """,
        "main.py": """\
            import numpy as np
            from disc import PatchDisc
            from trainer import GanTrainer

            d = PatchDisc().build()
            GanTrainer(d).train(np.random.rand(8, 32, 32, 3), 10)
        """,
    }, None),
    ("RL101-invalid-a-builders-model-a-script-hands-to-another-modules-trainer-of-soft-scores", {
        "disc.py": """\
            from keras import Model, Input
            from keras.layers import Conv2D


            class PatchDisc:
                def build(self):
                    inp = Input(shape=(32, 32, 3))
                    model = Model(inp, Conv2D(1, 4, padding="same")(inp))
                    model.compile(optimizer="adam", loss="mse", metrics=["accuracy"])  # expect: RL101
                    return model
        """,
        "trainer.py": """\
            import numpy as np


            class GanTrainer:
                def __init__(self, disc):
                    self.disc = disc

                def train(self, images, steps):
                    real = np.random.uniform(0.7, 1.2, (8, 32, 32, 1))
                    fake = np.random.uniform(0.0, 0.3, (8, 32, 32, 1))
                    for _ in range(steps):
                        self.disc.train_on_batch(images, real)
                        self.disc.train_on_batch(images * 0.0, fake)
        """,
        "main.py": """\
            import numpy as np
            from disc import PatchDisc
            from trainer import GanTrainer

            d = PatchDisc().build()
            GanTrainer(d).train(np.random.rand(8, 32, 32, 3), 10)
        """,
    }, None),
    ("RL106-invalid-a-column-piped-through-a-standardising-function-of-another-module", {
        "utils.py": """\
            def standardize(s):
                return (s - s.mean()) / s.std()
        """,
        "features.py": """\
            import pandas as pd
            from utils import standardize


            def load(path):
                df = pd.read_csv(path)
                y = df["sales"].pipe(standardize).values
                return df[["month", "promo"]].values, y
        """,
        "model.py": """\
            from tensorflow import keras


            def build(n):
                return keras.Sequential([keras.Input((n,)), keras.layers.Dense(32, activation="relu"),
                                         keras.layers.Dense(1, activation="softplus")])  # expect: RL106
        """,
        "train.py": """\
            from features import load
            from model import build

            x, y = load("sales.csv")
            m = build(x.shape[1])
            m.compile(optimizer="adam", loss="mse")
            m.fit(x, y, epochs=30)
        """,
    }, None),
    ("RL106-valid-a-column-piped-through-a-max-scaling-function-of-another-module", {
        "utils.py": """\
            def standardize(s):
                return s / s.max()
        """,
        "features.py": """\
            import pandas as pd
            from utils import standardize


            def load(path):
                df = pd.read_csv(path)
                y = df["sales"].pipe(standardize).values
                return df[["month", "promo"]].values, y
        """,
        "model.py": """\
            from tensorflow import keras


            def build(n):
                return keras.Sequential([keras.Input((n,)), keras.layers.Dense(32, activation="relu"),
                                         keras.layers.Dense(1, activation="softplus")])
        """,
        "train.py": """\
            from features import load
            from model import build

            x, y = load("sales.csv")
            m = build(x.shape[1])
            m.compile(optimizer="adam", loss="mse")
            m.fit(x, y, epochs=30)
        """,
    }, None),
    ("RL106-invalid-a-data-module-imported-inside-main-standardises-the-targets", {
        "data.py": """\
            import numpy as np


            def load(path):
                arr = np.genfromtxt(path, delimiter=",", skip_header=1)
                x, y = arr[:, :-1], arr[:, -1]
                y = (y - y.mean()) / y.std()
                return x, y
        """,
        "models.py": """\
            from tensorflow import keras


            def build(n):
                return keras.Sequential([keras.Input((n,)), keras.layers.Dense(64, activation="relu"),
                                         keras.layers.Dense(1, activation="relu")])  # expect: RL106
        """,
        "train.py": """\
            from models import build


            def main():
                import data
                x, y = data.load("temps.csv")
                m = build(x.shape[1])
                m.compile(optimizer="adam", loss="mse")
                m.fit(x, y, epochs=30)


            if __name__ == "__main__":
                main()
        """,
    }, None),
    ("RL106-valid-a-data-module-imported-inside-main-max-scales-the-targets", {
        "data.py": """\
            import numpy as np


            def load(path):
                arr = np.genfromtxt(path, delimiter=",", skip_header=1)
                x, y = arr[:, :-1], arr[:, -1]
                y = y / y.max()
                return x, y
        """,
        "models.py": """\
            from tensorflow import keras


            def build(n):
                return keras.Sequential([keras.Input((n,)), keras.layers.Dense(64, activation="relu"),
                                         keras.layers.Dense(1, activation="relu")])
        """,
        "train.py": """\
            from models import build


            def main():
                import data
                x, y = data.load("temps.csv")
                m = build(x.shape[1])
                m.compile(optimizer="adam", loss="mse")
                m.fit(x, y, epochs=30)


            if __name__ == "__main__":
                main()
        """,
    }, None),
    ("RL102-valid-a-window-function-of-another-module-cuts-targets-from-a-data-modules-min-max-scaled-series", {
        "data.py": """\
            import pandas as pd
            from sklearn.preprocessing import MinMaxScaler


            def load_series(path="traffic.csv"):
                s = pd.read_csv(path)["vehicles"].values.reshape(-1, 1)
                return MinMaxScaler().fit_transform(s)
        """,
        "model.py": """\
            from tensorflow import keras


            def build(n):
                return keras.Sequential([keras.Input((n, 1)), keras.layers.LSTM(32),
                                         keras.layers.Dense(1, activation="sigmoid")])
        """,
        "windows.py": """\
            from tensorflow import keras


            def make_windows(series, n, batch_size=32):
                return keras.utils.timeseries_dataset_from_array(
                    series[:-n], targets=series[n:], sequence_length=n, batch_size=batch_size)
        """,
        "train.py": """\
            from data import load_series
            from windows import make_windows
            from model import build

            series = load_series()
            ds = make_windows(series, 24)
            m = build(24)
            m.compile(optimizer="adam", loss="mse")
            m.fit(ds, epochs=10)
        """,
    }, None),
    # a data module scales the targets with a scaler object (or a class of the project) a third
    # module makes: read on its own, the data module does not know what it does to the range
    ("RL102-valid-data-module-scales-targets-with-a-scaler-from-a-third-module", {
        "utils.py": """\
            from sklearn.preprocessing import MinMaxScaler

            TARGET_SCALER = MinMaxScaler()


            class TargetScaler:
                def fit_transform(self, y):
                    return (y - y.min()) / (y.max() - y.min())
        """,
        "data.py": """\
            import numpy as np
            from utils import TARGET_SCALER, TargetScaler


            def load():
                arr = np.loadtxt("load.csv", delimiter=",", skiprows=1)
                return arr[:, :-1], TARGET_SCALER.fit_transform(arr[:, -1:])


            def load_other():
                arr = np.loadtxt("load.csv", delimiter=",", skiprows=1)
                return arr[:, :-1], TargetScaler().fit_transform(arr[:, -1:])
        """,
        "train.py": """\
            from tensorflow import keras
            from data import load, load_other

            x, y = load()
            m = keras.Sequential([keras.Input((8,)), keras.layers.Dense(1, activation="sigmoid")])
            m.compile(optimizer="adam", loss="mse")
            m.fit(x, y, epochs=30)
            x2, y2 = load_other()
            m2 = keras.Sequential([keras.Input((8,)), keras.layers.Dense(1, activation="sigmoid")])
            m2.compile(optimizer="adam", loss="mse")
            m2.fit(x2, y2, epochs=30)
        """,
    }, None),
    # targets a data module binds at its top level, imported by name: read where they are bound
    ("RL106-invalid-targets-a-data-module-standardises-at-its-top-level-imported-by-name", {
        "data.py": """\
            import numpy as np
            from sklearn.preprocessing import StandardScaler

            X = np.load("features.npy")
            Y = StandardScaler().fit_transform(np.load("price.npy").reshape(-1, 1))
        """,
        "train.py": """\
            from tensorflow import keras
            from data import X, Y

            m = keras.Sequential([keras.Input((X.shape[1],)), keras.layers.Dense(1, activation="relu")])  # expect: RL106
            m.compile(optimizer="adam", loss="mse")
            m.fit(X, Y, epochs=20)
        """,
    }, None),
    ("RL102-invalid-tanh-on-literal-targets-a-fixtures-module-binds", {
        "fixtures.py": """\
            import numpy as np

            X = np.array([[0.1, 1.2], [0.4, 0.3], [0.9, 2.2]])
            Y = np.array([12.5, 30.1, 18.0])
        """,
        "train.py": """\
            from tensorflow import keras
            from fixtures import X, Y as targets

            m = keras.Sequential([keras.Input((2,)), keras.layers.Dense(1, activation="tanh")])  # expect: RL102
            m.compile(optimizer="sgd", loss="mse")
            m.fit(X, targets, epochs=200)
        """,
    }, None),
    ("RL102-valid-sigmoid-on-targets-a-data-module-min-max-scales-at-its-top-level", {
        "data.py": """\
            import numpy as np
            from sklearn.preprocessing import MinMaxScaler

            X = np.load("features.npy")
            Y = MinMaxScaler().fit_transform(np.load("price.npy").reshape(-1, 1))
        """,
        "train.py": """\
            from tensorflow import keras
            from data import X, Y

            m = keras.Sequential([keras.Input((X.shape[1],)), keras.layers.Dense(1, activation="sigmoid")])
            m.compile(optimizer="adam", loss="mse")
            m.fit(X, Y, epochs=20)
        """,
    }, None),
    ("RL401-invalid-a-per-sample-rmse-lambda-of-a-metrics-module", {
        "metrics.py": """\
            from tensorflow.keras import backend as K

            rmse = lambda y_true, y_pred: K.sqrt(K.mean(K.square(y_pred - y_true), axis=-1))  # expect: RL401
        """,
        "train.py": """\
            import numpy as np
            from tensorflow import keras
            from metrics import rmse

            m = keras.Sequential([keras.Input((8,)), keras.layers.Dense(1)])
            m.compile(optimizer="adam", loss="mse", metrics=[rmse])
            m.fit(np.load("x.npy"), np.load("y.npy"), epochs=10)
        """,
    }, None),
    # the data module standardises the targets with a scaler a third module makes
    ("RL106-invalid-a-data-module-standardises-with-a-scaler-a-third-module-makes", {
        "utils.py": """\
            from sklearn.preprocessing import StandardScaler

            TARGET_SCALER = StandardScaler()
        """,
        "data.py": """\
            import numpy as np
            from utils import TARGET_SCALER


            def load():
                arr = np.loadtxt("load.csv", delimiter=",", skiprows=1)
                return arr[:, :-1], TARGET_SCALER.fit_transform(arr[:, -1:])
        """,
        "train.py": """\
            from tensorflow import keras
            from data import load

            x, y = load()
            m = keras.Sequential([keras.Input((8,)), keras.layers.Dense(1, activation="relu")])  # expect: RL106
            m.compile(optimizer="adam", loss="mse")
            m.fit(x, y, epochs=30)
            m2 = keras.Sequential([keras.Input((8,)), keras.layers.Dense(1, activation="tanh")])  # expect: RL102
            m2.compile(optimizer="adam", loss="mse")
            m2.fit(x, y, epochs=30)
        """,
    }, None),
    ("RL102-invalid-tanh-on-targets-standardised-by-a-scaler-of-a-module-imported-whole", {
        "utils.py": """\
            from sklearn.preprocessing import StandardScaler

            TARGET_SCALER = StandardScaler()
        """,
        "data.py": """\
            import numpy as np
            import utils


            def load():
                arr = np.loadtxt("load.csv", delimiter=",", skiprows=1)
                y = utils.TARGET_SCALER.fit_transform(arr[:, -1:])
                return arr[:, :-1], y
        """,
        "train.py": """\
            from tensorflow import keras
            from data import load

            x, y = load()
            m = keras.Sequential([keras.Input((8,)), keras.layers.Dense(1, activation="tanh")])  # expect: RL102
            m.compile(optimizer="adam", loss="mae")
            m.fit(x, y, epochs=30)
        """,
    }, None),
    # the data module's function scales the targets with a helper of a third module
    ("RL102-valid-targets-scaled-by-a-helper-two-imports-away", {
        "scaling.py": """\
            def to_unit(v):
                return v / v.max()
        """,
        "data.py": """\
            import pandas as pd
            from scaling import to_unit


            def load(path="yields.csv"):
                df = pd.read_csv(path)
                y = to_unit(df.pop("yield_t_ha").values)
                return df.values, y
        """,
        "train.py": """\
            from tensorflow import keras
            from data import load

            x, y = load()
            m = keras.Sequential([keras.Input((5,)), keras.layers.Dense(1, activation="sigmoid")])
            m.compile(optimizer="adam", loss="mse")
            m.fit(x, y, epochs=20)
        """,
    }, None),
    # 0/1 labels a data module returns inside a namedtuple, read back as its fields
    ("RL101-valid-labels-in-a-namedtuple-field-of-a-data-module", {
        "data.py": """\
            from collections import namedtuple
            import pandas as pd

            Sample = namedtuple("Sample", ["inputs", "is_fraud"])


            def read(path="tx.csv"):
                df = pd.read_csv(path)
                is_fraud = (df.pop("kind") == "fraud").values.astype("float32")
                return Sample(df.values, is_fraud)
        """,
        "train.py": """\
            from tensorflow import keras
            from data import read

            s = read()
            m = keras.Sequential([keras.Input((12,)), keras.layers.Dense(1, activation="sigmoid")])
            m.compile(optimizer="adam", loss="mse", metrics=["accuracy"])
            m.fit(s.inputs, s.is_fraud, epochs=10)
        """,
    }, None),
    # the data module standardises the target field of the dataclass it returns
    ("RL106-invalid-a-dataclass-field-standardised-in-a-data-module", {
        "data.py": """\
            from dataclasses import dataclass
            import numpy as np


            @dataclass
            class Frame:
                x: np.ndarray
                y: np.ndarray


            def read(path="heat.csv"):
                arr = np.loadtxt(path, delimiter=",")
                y = arr[:, -1]
                y = (y - y.mean()) / y.std()
                return Frame(x=arr[:, :-1], y=y)
        """,
        "train.py": """\
            from tensorflow import keras
            from data import read

            f = read()
            m = keras.Sequential([keras.Input((7,)), keras.layers.Dense(1, activation="relu")])  # expect: RL106
            m.compile(optimizer="adam", loss="mse")
            m.fit(f.x, f.y, epochs=10)
        """,
    }, None),
    # statistics a config module writes down, used in a tf.data pipeline's map of a data module
    ("RL106-invalid-targets-standardised-with-a-config-modules-named-statistics", {
        "settings.py": """\
            PRICE_MU = 250.0
            PRICE_SD = 80.0
        """,
        "pipeline.py": """\
            import numpy as np
            import tensorflow as tf
            import settings


            def make_ds(batch=32):
                feats = np.load("feats.npy").astype("float32")
                price = np.load("price.npy").astype("float32")
                ds = tf.data.Dataset.from_tensor_slices((feats, price))
                return ds.map(lambda f, p: (f, (p - settings.PRICE_MU) / settings.PRICE_SD)).batch(batch)
        """,
        "train.py": """\
            import keras
            from pipeline import make_ds

            m = keras.Sequential([keras.Input((6,)), keras.layers.Dense(1, activation="relu")])  # expect: RL106
            m.compile(optimizer="adam", loss="mse")
            m.fit(make_ds(), epochs=10)
        """,
    }, None),
    # per-step targets cut by a third module's function that the data module's function returns
    ("RL301-valid-per-step-windows-cut-two-modules-away", {
        "slicing.py": """\
            import numpy as np


            def to_windows(arr, width, k):
                xs, ys = [], []
                for s in range(0, len(arr) - width, width):
                    xs.append(arr[s:s + width, :-k])
                    ys.append(arr[s:s + width, -k:])
                return np.array(xs), np.array(ys)
        """,
        "dataset.py": """\
            from slicing import to_windows


            def prepare(raw, width, k):
                norm = (raw - raw.mean(axis=0)) / raw.std(axis=0)
                return to_windows(norm, width, k)
        """,
        "train.py": """\
            import numpy as np
            from tensorflow import keras
            from dataset import prepare

            x, y = prepare(np.load("plant.npy"), 48, 2)
            m = keras.Sequential([keras.Input((48, 6)), keras.layers.GRU(32, return_sequences=True),
                                  keras.layers.Dense(2)])
            m.compile(optimizer="adam", loss="mse")
            m.fit(x, y, epochs=5)
        """,
    }, None),
    # the same chain cutting one target per window: the per-step Dense is the mistake
    ("RL301-invalid-one-target-per-window-cut-two-modules-away", {
        "slicing.py": """\
            import numpy as np


            def to_windows(arr, width, k):
                xs, ys = [], []
                for s in range(0, len(arr) - width, width):
                    xs.append(arr[s:s + width, :-k])
                    ys.append(arr[s + width, -k:])
                return np.array(xs), np.array(ys)
        """,
        "dataset.py": """\
            from slicing import to_windows


            def prepare(raw, width, k):
                norm = (raw - raw.mean(axis=0)) / raw.std(axis=0)
                return to_windows(norm, width, k)
        """,
        "train.py": """\
            import numpy as np
            from tensorflow import keras
            from dataset import prepare

            x, y = prepare(np.load("plant.npy"), 48, 2)
            m = keras.Sequential([keras.Input((48, 6)), keras.layers.GRU(32, return_sequences=True),
                                  keras.layers.Dense(2)])  # expect: RL301
            m.compile(optimizer="adam", loss="mse")
            m.fit(x, y, epochs=5)
        """,
    }, None),
    # a per-pixel sigmoid the builder's importer compiles with binary crossentropy: a mask
    ("RL301-valid-per-pixel-sigmoid-compiled-with-bce-by-the-importer", {
        "nets.py": """\
            from tensorflow import keras
            from tensorflow.keras import layers


            def mask_net(side=96):
                inp = keras.Input((side, side, 1))
                h = layers.Conv2D(16, 3, padding="same", activation="relu")(inp)
                return keras.Model(inp, layers.Dense(1, activation="sigmoid")(h))
        """,
        "fit.py": """\
            import numpy as np
            from nets import mask_net

            net = mask_net()
            net.compile(optimizer="adam", loss="binary_crossentropy")
            net.fit(np.load("scans.npy"), np.load("lesions.npy"), epochs=3)
        """,
    }, None),
    # the same builder compiled with a squared error on one value per image
    ("RL301-invalid-per-pixel-dense-compiled-with-mse-by-the-importer", {
        "nets.py": """\
            from tensorflow import keras
            from tensorflow.keras import layers


            def mask_net(side=96):
                inp = keras.Input((side, side, 1))
                h = layers.Conv2D(16, 3, padding="same", activation="relu")(inp)
                return keras.Model(inp, layers.Dense(1)(h))  # expect: RL301
        """,
        "fit.py": """\
            import numpy as np
            from nets import mask_net

            net = mask_net()
            net.compile(optimizer="adam", loss="mse")
            net.fit(np.load("scans.npy"), np.load("age.npy"), epochs=3)
        """,
    }, None),
    # a MinMaxScaler whose range a config module holds: [0, 1] for a sigmoid
    ("RL102-valid-minmax-range-held-in-a-config-modules-constant", {
        "config.py": """\
            Y_RANGE = (0, 1)
        """,
        "data.py": """\
            import numpy as np
            from sklearn.preprocessing import MinMaxScaler
            from config import Y_RANGE


            def load():
                x = np.load("x.npy")
                y = MinMaxScaler(feature_range=Y_RANGE).fit_transform(np.load("flow.npy").reshape(-1, 1))
                return x, y
        """,
        "train.py": """\
            from tensorflow import keras
            from data import load

            x, y = load()
            m = keras.Sequential([keras.Input((6,)), keras.layers.Dense(1, activation="sigmoid")])
            m.compile(optimizer="adam", loss="mse")
            m.fit(x, y, epochs=10)
        """,
    }, None),
    # the same with (-1, 1): negative targets for a softplus head
    ("RL106-invalid-minmax-range-below-zero-held-in-a-config-modules-constant", {
        "config.py": """\
            Y_RANGE = (-1, 1)
        """,
        "data.py": """\
            import numpy as np
            from sklearn.preprocessing import MinMaxScaler
            from config import Y_RANGE


            def load():
                x = np.load("x.npy")
                scaler = MinMaxScaler(feature_range=Y_RANGE)
                y = scaler.fit_transform(np.load("flow.npy").reshape(-1, 1))
                return x, y
        """,
        "train.py": """\
            from tensorflow import keras
            from data import load

            x, y = load()
            m = keras.Sequential([keras.Input((6,)), keras.layers.Dense(1, activation="softplus")])  # expect: RL106
            m.compile(optimizer="adam", loss="mse")
            m.fit(x, y, epochs=10)
        """,
    }, None),
    # a float fraction a config module holds, multiplied into a floor-divided step count
    ("RL202-invalid-float-fraction-from-a-config-module", {
        "settings.py": """\
            KEEP = 0.9
            BS = 16
        """,
        "train.py": """\
            import numpy as np
            import tensorflow as tf
            from settings import BS, KEEP

            x = np.load("x.npy")
            ds = tf.data.Dataset.from_tensor_slices((x, np.load("y.npy"))).repeat().batch(BS)
            m = tf.keras.Sequential([tf.keras.Input((3,)), tf.keras.layers.Dense(1)])
            m.compile(optimizer="adam", loss="mse")
            m.fit(ds, epochs=2, steps_per_epoch=len(x) * KEEP // BS)  # expect: RL202
        """,
    }, None),
    # targets a data module binds at its top level, read as attributes of the module (`import data as D`)
    ("RL102-valid-module-attribute-targets-scaled-where-bound", {
        "data.py": """\
            import numpy as np

            RAIN = np.load("rain.npy")
            FEATS = np.load("feats.npy")
            Y_UNIT = RAIN / RAIN.max()
            WET = (RAIN > 10).astype("float32")
        """,
        "train.py": """\
            import keras
            import data as D

            m = keras.Sequential([keras.Input((4,)), keras.layers.Dense(1, activation="sigmoid")])
            m.compile(optimizer="adam", loss="mse")
            m.fit(D.FEATS, D.Y_UNIT, epochs=5)
            c = keras.Sequential([keras.Input((4,)), keras.layers.Dense(1, activation="sigmoid")])
            c.compile(optimizer="adam", loss="mse", metrics=["accuracy"])
            c.fit(D.FEATS, D.WET, epochs=5)
        """,
    }, None),
    ("RL106-invalid-module-attribute-targets-standardised-where-bound", {
        "data.py": """\
            import numpy as np

            RAIN = np.load("rain.npy")
            FEATS = np.load("feats.npy")
            Y_Z = (RAIN - RAIN.mean()) / RAIN.std()
        """,
        "train.py": """\
            import keras
            import data

            m = keras.Sequential([keras.Input((4,)), keras.layers.Dense(1, activation="relu")])  # expect: RL106
            m.compile(optimizer="adam", loss="mse")
            m.fit(data.FEATS, data.Y_Z, epochs=5)
        """,
    }, None),
    # a helper returning a keras.datasets classification set's labels
    ("RL101-valid-keras-dataset-labels-returned-by-a-helper", {
        "helpers.py": """\
            from tensorflow.keras.datasets import imdb


            def load():
                (tr, y_tr), (te, y_te) = imdb.load_data(num_words=5000)
                return tr, y_tr, te, y_te
        """,
        "solution.py": """\
            from tensorflow import keras
            from helpers import load

            x_tr, y_tr, x_te, y_te = load()
            m = keras.Sequential([keras.Input((5000,)), keras.layers.Dense(1, activation="sigmoid")])
            m.compile(optimizer="rmsprop", loss="mse", metrics=["binary_accuracy"])
            m.fit(x_tr, y_tr, epochs=2)
        """,
    }, None),
    # a window helper of another module cuts the targets from the standardised series the script passes
    ("RL106-invalid-window-helper-fed-a-standardised-series", {
        "windowing.py": """\
            import numpy as np


            def cut(series, T):
                xs, ys = [], []
                for i in range(len(series) - T):
                    xs.append(series[i:i + T])
                    ys.append(series[i + T])
                return np.array(xs)[..., None], np.array(ys)
        """,
        "train.py": """\
            import numpy as np
            from tensorflow import keras
            from windowing import cut

            mw = np.load("load.npy")
            x, y = cut((mw - mw.mean()) / mw.std(), 24)
            m = keras.Sequential([keras.Input((24, 1)), keras.layers.LSTM(16), keras.layers.Dense(1, activation="softplus")])  # expect: RL106
            m.compile(optimizer="adam", loss="mse")
            m.fit(x, y, epochs=5)
        """,
    }, None),
    # the helper squares what it cuts: never negative, whatever the series passed
    ("RL106-valid-window-helper-squares-the-standardised-series", {
        "windowing.py": """\
            import numpy as np


            def cut(series, T):
                xs, ys = [], []
                for i in range(len(series) - T):
                    xs.append(series[i:i + T])
                    ys.append(series[i + T] ** 2)
                return np.array(xs)[..., None], np.array(ys)
        """,
        "train.py": """\
            import numpy as np
            from tensorflow import keras
            from windowing import cut

            mw = np.load("load.npy")
            x, y = cut((mw - mw.mean()) / mw.std(), 24)
            m = keras.Sequential([keras.Input((24, 1)), keras.layers.LSTM(16), keras.layers.Dense(1, activation="softplus")])
            m.compile(optimizer="adam", loss="mse")
            m.fit(x, y, epochs=5)
        """,
    }, None),
    # a dataset another module's helper makes of the standardised table the script passes it
    ("RL102-invalid-dataset-helper-fed-a-standardised-table", {
        "series.py": """\
            import keras


            def make_ds(table, T=48, bs=32):
                return keras.utils.timeseries_dataset_from_array(table[:-T], targets=table[T:, 0],
                                                                 sequence_length=T, batch_size=bs)
        """,
        "train.py": """\
            import numpy as np
            import keras
            from sklearn.preprocessing import StandardScaler
            from series import make_ds

            table = StandardScaler().fit_transform(np.loadtxt("plant.csv", delimiter=",", skiprows=1))
            m = keras.Sequential([keras.Input((48, 6)), keras.layers.GRU(32), keras.layers.Dense(1, activation="tanh")])  # expect: RL102
            m.compile(optimizer="rmsprop", loss="mse")
            m.fit(make_ds(table), epochs=5)
        """,
    }, None),
    # the same helper fed a table scaled into [0, 1], under a sigmoid
    ("RL102-valid-dataset-helper-fed-a-minmax-table", {
        "series.py": """\
            import keras


            def make_ds(table, T=48, bs=32):
                return keras.utils.timeseries_dataset_from_array(table[:-T], targets=table[T:, 0],
                                                                 sequence_length=T, batch_size=bs)
        """,
        "train.py": """\
            import numpy as np
            import keras
            from sklearn.preprocessing import MinMaxScaler
            from series import make_ds

            table = MinMaxScaler().fit_transform(np.loadtxt("plant.csv", delimiter=",", skiprows=1))
            m = keras.Sequential([keras.Input((48, 6)), keras.layers.GRU(32), keras.layers.Dense(1, activation="sigmoid")])
            m.compile(optimizer="rmsprop", loss="mse")
            m.fit(make_ds(table), epochs=5)
        """,
    }, None),
    # a softmax over positions fitted on a directory dataset a data module's function returns
    ("RL301-invalid-directory-dataset-of-a-data-module", {
        "data.py": """\
            import tensorflow as tf


            def photos(root="leaves/"):
                return tf.keras.utils.image_dataset_from_directory(root, image_size=(96, 96), label_mode="categorical")
        """,
        "train.py": """\
            from tensorflow import keras
            from tensorflow.keras import layers
            from data import photos

            inp = keras.Input((96, 96, 3))
            h = layers.Conv2D(16, 3, activation="relu")(inp)
            out = layers.Dense(4, activation="softmax")(h)  # expect: RL301
            model = keras.Model(inp, out)
            model.compile(optimizer="adam", loss="categorical_crossentropy")
            model.fit(photos(), epochs=3)
        """,
    }, None),
    # the data module's dataset yields the images themselves (no labels): a per-pixel model's business
    ("RL301-valid-directory-dataset-without-labels-of-a-data-module", {
        "data.py": """\
            import tensorflow as tf


            def photos(root="leaves/"):
                return tf.keras.utils.image_dataset_from_directory(root, image_size=(96, 96), label_mode=None)
        """,
        "train.py": """\
            from tensorflow import keras
            from tensorflow.keras import layers
            from data import photos

            inp = keras.Input((96, 96, 3))
            h = layers.Conv2D(16, 3, activation="relu")(inp)
            out = layers.Dense(4, activation="softmax")(h)
            model = keras.Model(inp, out)
            model.compile(optimizer="adam", loss="categorical_crossentropy")
            model.fit(photos(), epochs=3)
        """,
    }, None),
    # log returns from a static method of a class the data module imports from a third module
    ("RL106-invalid-static-method-of-a-third-modules-class", {
        "feats.py": """\
            import numpy as np


            class Moves:
                @staticmethod
                def log_change(p):
                    return np.log(p / p.shift(1))
        """,
        "data.py": """\
            import pandas as pd
            from feats import Moves


            def load(path="fx.csv"):
                df = pd.read_csv(path)
                df = df.assign(y=Moves.log_change(df["rate"]).shift(-1)).dropna()
                return df[["bid", "ask"]].values, df["y"].values
        """,
        "train.py": """\
            import keras
            from data import load

            x, y = load()
            m = keras.Sequential([keras.Input((2,)), keras.layers.Dense(1, activation="softplus")])  # expect: RL106
            m.compile(optimizer="adam", loss="mse")
            m.fit(x, y, epochs=5)
        """,
    }, None),
    # a column a loader of another module writes as returns, read from the frame it returns
    ("RL106-invalid-returns-column-of-the-frame-another-modules-loader-returns", {
        "features.py": """\
            import pandas as pd


            def load(path):
                df = pd.read_csv(path)
                df["target"] = df["close"].pct_change(5).shift(-5)
                return df.dropna()
        """,
        "train.py": """\
            import keras
            from features import load

            df = load("spy.csv")
            m = keras.Sequential([keras.Input((4,)), keras.layers.Dense(1, activation="softplus")])  # expect: RL106
            m.compile(optimizer="adam", loss="mse")
            m.fit(df[["open", "high", "low", "volume"]].values, df["target"].values, epochs=5)
        """,
    }, None),
    ("RL106-valid-raw-column-of-the-frame-another-modules-loader-returns-beside-returns", {
        "features.py": """\
            import pandas as pd


            def load(path):
                df = pd.read_csv(path)
                df["ret"] = df["close"].pct_change(5)
                return df.dropna()
        """,
        "train.py": """\
            import keras
            from features import load

            df = load("spy.csv")
            m = keras.Sequential([keras.Input((4,)), keras.layers.Dense(1, activation="softplus")])
            m.compile(optimizer="adam", loss="mse")
            m.fit(df[["open", "high", "ret", "volume"]].values, df["close"].values, epochs=5)
        """,
    }, None),
    # a column a data module's top level standardises, on the frame it binds
    ("RL106-invalid-standardised-column-of-a-frame-another-module-binds", {
        "features.py": """\
            import pandas as pd

            DF = pd.read_csv("cars.csv")
            DF["price_z"] = (DF["price"] - DF["price"].mean()) / DF["price"].std()
        """,
        "train.py": """\
            import keras
            from features import DF

            m = keras.Sequential([keras.Input((3,)), keras.layers.Dense(1, activation="relu")])  # expect: RL106
            m.compile(optimizer="adam", loss="mse")
            m.fit(DF[["km", "age", "hp"]].values, DF["price_z"].values, epochs=5)
        """,
    }, None),
    # a column another module's loader divides by its max: in [0, 1], a sigmoid head fits
    ("RL102-valid-max-scaled-column-of-the-frame-another-modules-loader-returns", {
        "features.py": """\
            import pandas as pd


            def load(path):
                df = pd.read_csv(path)
                df["occ"] = df["occ"] / df["occ"].max()
                return df.reset_index(drop=True)
        """,
        "train.py": """\
            import keras
            from features import load

            df = load("rooms.csv")
            m = keras.Sequential([keras.Input((3,)), keras.layers.Dense(1, activation="sigmoid")])
            m.compile(optimizer="adam", loss="mse")
            m.fit(df[["dow", "month", "price"]].values, df["occ"].values, epochs=5)
        """,
    }, None),
    ("RL102-invalid-raw-column-of-the-frame-another-modules-loader-returns", {
        "features.py": """\
            import pandas as pd


            def load(path):
                df = pd.read_csv(path)
                df["price"] = df["price"] / df["price"].max()
                return df.reset_index(drop=True)
        """,
        "train.py": """\
            import keras
            from features import load

            df = load("rooms.csv")
            m = keras.Sequential([keras.Input((3,)), keras.layers.Dense(1, activation="sigmoid")])  # expect: RL102
            m.compile(optimizer="adam", loss="mse")
            m.fit(df[["dow", "month", "price"]].values, df["guests"].values, epochs=5)
        """,
    }, None),
    # a loader pipes the frame through a function of the same module that assigns the target
    ("RL106-invalid-target-assigned-by-a-function-another-modules-loader-pipes", {
        "features.py": """\
            import pandas as pd


            def add_target(df, horizon=3):
                return df.assign(target=lambda d: d.close.pct_change(horizon).shift(-horizon)).dropna()


            def load(path):
                return pd.read_csv(path).pipe(add_target)
        """,
        "train.py": """\
            import keras
            from features import load

            df = load("eth.csv")
            m = keras.Sequential([keras.Input((3,)), keras.layers.Dense(1, activation="exponential")])  # expect: RL106
            m.compile(optimizer="adam", loss="mse")
            m.fit(df[["open", "close", "volume"]].values, df["target"].values, epochs=5)
        """,
    }, None),
    ("RL106-valid-close-column-beside-a-target-another-modules-loader-pipes", {
        "features.py": """\
            import pandas as pd


            def add_target(df, horizon=3):
                return df.assign(target=lambda d: d.close.pct_change(horizon).shift(-horizon)).dropna()


            def load(path):
                return pd.read_csv(path).pipe(add_target)
        """,
        "train.py": """\
            import keras
            from features import load

            df = load("eth.csv")
            m = keras.Sequential([keras.Input((3,)), keras.layers.Dense(1, activation="exponential")])
            m.compile(optimizer="adam", loss="mse")
            m.fit(df[["open", "target", "volume"]].values, df["close"].values, epochs=5)
        """,
    }, None),
    # another module's generator cuts windows and next values from the series the script passes
    ("RL106-invalid-another-modules-generator-fed-a-standardised-series", {
        "windows.py": """\
            import numpy as np


            def batches(series, T, n=32):
                while True:
                    idx = np.random.randint(0, len(series) - T - 1, n)
                    yield np.stack([series[i:i + T] for i in idx])[..., None], np.array([series[i + T] for i in idx])
        """,
        "train.py": """\
            import numpy as np
            from scipy.stats import zscore
            from tensorflow import keras
            from windows import batches

            load = zscore(np.load("load_kw.npy"))
            m = keras.Sequential([keras.Input((48, 1)), keras.layers.LSTM(16),
                                  keras.layers.Dense(1, activation="softplus")])  # expect: RL106
            m.compile(optimizer="adam", loss="mse")
            m.fit(batches(load, 48), steps_per_epoch=100, epochs=5)
        """,
    }, None),
    ("RL106-valid-another-modules-generator-fed-a-raw-load-series", {
        "windows.py": """\
            import numpy as np


            def batches(series, T, n=32):
                while True:
                    idx = np.random.randint(0, len(series) - T - 1, n)
                    yield np.stack([series[i:i + T] for i in idx])[..., None], np.array([series[i + T] for i in idx])
        """,
        "train.py": """\
            import numpy as np
            from tensorflow import keras
            from windows import batches

            load = np.load("load_kw.npy")
            m = keras.Sequential([keras.Input((48, 1)), keras.layers.LSTM(16),
                                  keras.layers.Dense(1, activation="softplus")])
            m.compile(optimizer="adam", loss="mse")
            m.fit(batches(load, 48), steps_per_epoch=100, epochs=5)
        """,
    }, None),
    ("RL102-invalid-tanh-head-on-another-modules-generator-fed-a-standardised-series", {
        "windows.py": """\
            import numpy as np


            def batches(series, T, n=32):
                while True:
                    idx = np.random.randint(0, len(series) - T - 1, n)
                    yield np.stack([series[i:i + T] for i in idx])[..., None], np.array([series[i + T] for i in idx])
        """,
        "train.py": """\
            import numpy as np
            from scipy.stats import zscore
            from tensorflow import keras
            from windows import batches

            load = zscore(np.load("load_kw.npy"))
            m = keras.Sequential([keras.Input((48, 1)), keras.layers.LSTM(16),
                                  keras.layers.Dense(1, activation="tanh")])  # expect: RL102
            m.compile(optimizer="adam", loss="mse")
            m.fit(batches(load, 48), steps_per_epoch=100, epochs=5)
        """,
    }, None),
    # a script cross-validates another module's builder through scikeras' wrapper
    ("RL106-invalid-builder-of-another-module-cross-validated-through-a-wrapper-on-standardised-targets", {
        "nets.py": """\
            from tensorflow import keras


            def build(n=6):
                m = keras.Sequential([keras.Input((n,)), keras.layers.Dense(32, activation="relu"),
                                      keras.layers.Dense(1, activation="relu")])  # expect: RL106
                m.compile(optimizer="adam", loss="mse")
                return m
        """,
        "tune.py": """\
            import numpy as np
            from scikeras.wrappers import KerasRegressor
            from sklearn.model_selection import cross_val_score
            from nets import build

            X, y = np.load("x.npy"), np.load("y.npy")
            y = (y - y.mean()) / y.std()
            print(cross_val_score(KerasRegressor(model=build, epochs=10), X, y, cv=5))
        """,
    }, None),
    ("RL106-valid-builder-of-another-module-cross-validated-through-a-wrapper-on-raw-counts", {
        "nets.py": """\
            from tensorflow import keras


            def build(n=6):
                m = keras.Sequential([keras.Input((n,)), keras.layers.Dense(32, activation="relu"),
                                      keras.layers.Dense(1, activation="relu")])
                m.compile(optimizer="adam", loss="mse")
                return m
        """,
        "tune.py": """\
            import numpy as np
            from scikeras.wrappers import KerasRegressor
            from sklearn.model_selection import cross_val_score
            from nets import build

            X, y = np.load("x.npy"), np.load("counts.npy")
            X = (X - X.mean(axis=0)) / X.std(axis=0)
            print(cross_val_score(KerasRegressor(model=build, epochs=10), X, y, cv=5))
        """,
    }, None),
    # a loader of another module writes a 0/1 column on the frame it returns: class labels
    ("RL101-valid-label-column-another-modules-loader-writes", {
        "data.py": """\
            import pandas as pd


            def load_bars(path):
                df = pd.read_csv(path)
                df["up"] = (df["close"].shift(-1) > df["close"]).astype(int)
                return df.dropna()
        """,
        "train.py": """\
            import keras
            from data import load_bars

            df = load_bars("eurusd.csv")
            m = keras.Sequential([keras.Input((2,)), keras.layers.Dense(1, activation="sigmoid")])
            m.compile(optimizer="adam", loss="mse", metrics=["accuracy"])
            m.fit(df[["ret", "volume"]].values, df["up"].values, epochs=5)
        """,
    }, None),
    ("RL101-invalid-returns-column-another-modules-loader-writes-beside-labels", {
        "data.py": """\
            import pandas as pd


            def load_bars(path):
                df = pd.read_csv(path)
                df["up"] = (df["close"].shift(-1) > df["close"]).astype(int)
                df["ret"] = df["close"].pct_change()
                return df.dropna()
        """,
        "train.py": """\
            import keras
            from data import load_bars

            df = load_bars("eurusd.csv")
            m = keras.Sequential([keras.Input((2,)), keras.layers.Dense(1)])
            m.compile(optimizer="adam", loss="mse", metrics=["accuracy"])  # expect: RL101
            m.fit(df[["up", "volume"]].values, df["ret"].values, epochs=5)
        """,
    }, None),
    # another module's function returns a from_generator dataset, repeated at the fit
    ("RL102-valid-from-generator-dataset-of-another-module-yields-max-scaled-targets", {
        "data.py": """\
            import pandas as pd
            import tensorflow as tf


            def rows(path="listings.csv", bs=64):
                df = pd.read_csv(path)
                x, y = df.drop(columns="price").values, df["price"].values
                for i in range(0, len(df), bs):
                    yield x[i:i + bs], y[i:i + bs] / y.max()


            def listing_ds():
                sig = (tf.TensorSpec((None, 12), tf.float64), tf.TensorSpec((None,), tf.float64))
                return tf.data.Dataset.from_generator(rows, output_signature=sig)
        """,
        "train.py": """\
            import keras
            from data import listing_ds

            m = keras.Sequential([keras.Input((12,)), keras.layers.Dense(1, activation="sigmoid")])
            m.compile(optimizer="adam", loss="mae")
            m.fit(listing_ds().repeat(), steps_per_epoch=300, epochs=5)
        """,
    }, None),
    ("RL102-invalid-from-generator-dataset-of-another-module-yields-raw-prices", {
        "data.py": """\
            import pandas as pd
            import tensorflow as tf


            def rows(path="listings.csv", bs=64):
                df = pd.read_csv(path)
                x, y = df.drop(columns="price").values, df["price"].values
                for i in range(0, len(df), bs):
                    yield x[i:i + bs], y[i:i + bs]


            def listing_ds():
                sig = (tf.TensorSpec((None, 12), tf.float64), tf.TensorSpec((None,), tf.float64))
                return tf.data.Dataset.from_generator(rows, output_signature=sig)
        """,
        "train.py": """\
            import keras
            from data import listing_ds

            m = keras.Sequential([keras.Input((12,)), keras.layers.Dense(1, activation="sigmoid")])  # expect: RL102
            m.compile(optimizer="adam", loss="mae")
            m.fit(listing_ds().repeat(), steps_per_epoch=300, epochs=5)
        """,
    }, None),
    ("RL106-invalid-from-generator-dataset-of-another-module-yields-sines", {
        "data.py": """\
            import numpy as np
            import tensorflow as tf


            def wave(n=256):
                while True:
                    t = np.random.uniform(0, 20, size=(n, 1)).astype("float32")
                    yield t, np.sin(t)


            def dataset():
                sig = (tf.TensorSpec((None, 1), tf.float32), tf.TensorSpec((None, 1), tf.float32))
                return tf.data.Dataset.from_generator(wave, output_signature=sig)
        """,
        "train.py": """\
            import keras
            from data import dataset

            m = keras.Sequential([keras.Input((1,)), keras.layers.Dense(32, activation="tanh"),
                                  keras.layers.Dense(1, activation="softplus")])  # expect: RL106
            m.compile(optimizer="adam", loss="mse")
            m.fit(dataset(), steps_per_epoch=200, epochs=5)
        """,
    }, None),
    # a frame a data module binds, read as the module's attribute
    ("RL106-invalid-returns-column-of-a-frame-read-as-a-data-modules-attribute", {
        "data.py": """\
            import pandas as pd

            FRAME = pd.read_csv("btc_daily.csv", index_col="date")
            FRAME["ret"] = FRAME["close"].pct_change()
        """,
        "train.py": """\
            import keras
            import data as D

            m = keras.Sequential([keras.Input((3,)), keras.layers.Dense(1, activation="softplus")])  # expect: RL106
            m.compile(optimizer="adam", loss="huber")
            m.fit(D.FRAME[["open", "high", "low"]].values, D.FRAME["ret"].values, epochs=5)
        """,
    }, None),
    ("RL101-valid-label-column-of-a-frame-read-as-a-data-modules-attribute", {
        "data.py": """\
            import pandas as pd

            FRAME = pd.read_csv("bars.csv")
            FRAME["up"] = (FRAME["close"].shift(-1) > FRAME["close"]).astype(int)
        """,
        "train.py": """\
            import keras
            import data as D

            m = keras.Sequential([keras.Input((2,)), keras.layers.Dense(1, activation="sigmoid")])
            m.compile(optimizer="adam", loss="mse", metrics=["accuracy"])
            m.fit(D.FRAME[["ret", "volume"]].values, D.FRAME["up"].values, epochs=5)
        """,
    }, None),
    # a loader returns the frame with its statistics; the target column is standardised there
    ("RL102-invalid-tanh-on-a-column-of-the-frame-a-loader-returns-with-its-statistics", {
        "data.py": """\
            import pandas as pd


            def load(path):
                df = pd.read_parquet(path)
                mu, sd = df["y"].mean(), df["y"].std()
                df["y"] = (df["y"] - mu) / sd
                return df, {"mu": mu, "sd": sd}
        """,
        "train.py": """\
            import keras
            from data import load

            df, stats = load("s.parquet")
            m = keras.Sequential([keras.Input((3,)), keras.layers.Dense(1, activation="tanh")])  # expect: RL102
            m.compile(optimizer="adam", loss="mse")
            m.fit(df[["a", "b", "c"]].values, df["y"].values, epochs=5)
        """,
    }, None),
    # the target column named by a config module's constant on both sides
    ("RL106-invalid-standardised-column-named-by-a-config-constant", {
        "config.py": """\
            TARGET = "demand"
        """,
        "data.py": """\
            import pandas as pd
            from sklearn.preprocessing import StandardScaler
            from config import TARGET


            def read(path):
                df = pd.read_csv(path)
                df[TARGET] = StandardScaler().fit_transform(df[[TARGET]])
                return df
        """,
        "train.py": """\
            import keras
            import config
            from data import read

            df = read("load.csv")
            m = keras.Sequential([keras.Input((3,)), keras.layers.Dense(1, activation="exponential")])  # expect: RL106
            m.compile(optimizer="adam", loss="mse")
            m.fit(df[["a", "b", "c"]].values, df[config.TARGET].values, epochs=5)
        """,
    }, None),
    ("RL106-valid-raw-column-named-by-a-config-constant-beside-a-standardised-feature", {
        "config.py": """\
            TARGET = "demand"
            FEATURE = "temp"
        """,
        "data.py": """\
            import pandas as pd
            from sklearn.preprocessing import StandardScaler
            from config import FEATURE


            def read(path):
                df = pd.read_csv(path)
                df[FEATURE] = StandardScaler().fit_transform(df[[FEATURE]])
                return df
        """,
        "train.py": """\
            import keras
            import config
            from data import read

            df = read("load.csv")
            m = keras.Sequential([keras.Input((3,)), keras.layers.Dense(1, activation="exponential")])
            m.compile(optimizer="adam", loss="mse")
            m.fit(df[["a", "b", config.FEATURE]].values, df[config.TARGET].values, epochs=5)
        """,
    }, None),
    # a GAN generator class whose arms build and compile a net; the script makes the other arm's
    ("RL104-valid-generator-class-arm-the-script-never-makes-others-only-parts", {
        "gen.py": """\
            from keras.layers import Conv2D, Dense, Reshape
            from keras.models import Sequential


            class Gen:
                def __init__(self, z_dim=64, kind="dense"):
                    self.z_dim = z_dim
                    if kind == "dense":
                        self.net = self.dense_net()
                        self.net.compile(loss="binary_crossentropy", optimizer="adam")
                    elif kind == "conv":
                        self.net = self.conv_net()
                        self.net.compile(loss="binary_crossentropy", optimizer="adam")

                def dense_net(self):
                    return Sequential([Dense(128, activation="relu", input_shape=(self.z_dim,)),
                                       Dense(784, activation="tanh")])

                def conv_net(self):
                    return Sequential([Dense(7 * 7 * 16, activation="relu", input_shape=(self.z_dim,)),
                                       Reshape((7, 7, 16)), Conv2D(1, 3, padding="same", activation="tanh")])
        """,
        "gan.py": """\
            from keras.layers import Dense, Flatten
            from keras.models import Sequential


            def discriminator():
                d = Sequential([Flatten(input_shape=(28, 28, 1)), Dense(1, activation="sigmoid")])
                d.compile(loss="binary_crossentropy", optimizer="adam")
                return d


            def combined(generator, disc):
                disc.trainable = False
                both = Sequential([generator, disc])
                both.compile(loss="binary_crossentropy", optimizer="adam")
                return both
        """,
        "train.py": """\
            import numpy as np
            from gan import combined, discriminator
            from gen import Gen

            g = Gen(kind="conv")
            d = discriminator()
            both = combined(g.net, d)
            z = np.random.normal(size=(32, 64))
            d.train_on_batch(g.net.predict(z), np.zeros(32))
            both.train_on_batch(z, np.ones(32))
        """,
    }, None),
    ("RL104-invalid-generator-class-arm-the-script-never-makes-others-trained-alone", {
        "gen.py": """\
            from keras.layers import Conv2D, Dense, Reshape
            from keras.models import Sequential


            class Gen:
                def __init__(self, z_dim=64, kind="dense"):
                    self.z_dim = z_dim
                    if kind == "dense":
                        self.net = self.dense_net()
                        self.net.compile(loss="binary_crossentropy", optimizer="adam")  # expect: RL104
                    elif kind == "conv":
                        self.net = self.conv_net()
                        self.net.compile(loss="binary_crossentropy", optimizer="adam")

                def dense_net(self):
                    return Sequential([Dense(128, activation="relu", input_shape=(self.z_dim,)),
                                       Dense(784, activation="tanh")])

                def conv_net(self):
                    return Sequential([Dense(7 * 7 * 16, activation="relu", input_shape=(self.z_dim,)),
                                       Reshape((7, 7, 16)), Conv2D(1, 3, padding="same", activation="tanh")])
        """,
        "train.py": """\
            import numpy as np
            from gen import Gen

            g = Gen(kind="conv")
            g.net.fit(np.random.normal(size=(32, 64)), np.load("digits.npy"), epochs=3)
        """,
    }, None),
    # models of another module's builder held in a dict, fitted in a loop over its keys
    ("RL102-valid-builder-models-held-in-a-dict-fitted-by-key-on-min-max-scaled-targets", {
        "nets.py": """\
            from keras.layers import LSTM, Dense
            from keras.models import Sequential


            def create_model(cells, features):
                model = Sequential([LSTM(cells, input_shape=(1, features)), Dense(1, activation="sigmoid")])
                model.compile(loss="mae", optimizer="adam")
                return model
        """,
        "train_all.py": """\
            import pandas as pd
            from sklearn.preprocessing import MinMaxScaler
            import nets

            models = {"load": nets.create_model(8, 2), "temp": nets.create_model(16, 2)}
            raw = pd.read_csv("meter.csv")
            values = MinMaxScaler().fit_transform(raw.values)
            for m in models:
                model = models[m]
                model.fit(values[:, :2].reshape(-1, 1, 2), values[:, -1], epochs=5)
        """,
    }, None),
    ("RL102-invalid-builder-models-held-in-a-dict-fitted-by-key-on-raw-targets", {
        "nets.py": """\
            from keras.layers import LSTM, Dense
            from keras.models import Sequential


            def create_model(cells, features):
                model = Sequential([LSTM(cells, input_shape=(1, features)), Dense(1, activation="sigmoid")])  # expect: RL102
                model.compile(loss="mae", optimizer="adam")
                return model
        """,
        "train_all.py": """\
            import pandas as pd
            from sklearn.preprocessing import MinMaxScaler
            import nets

            models = {"load": nets.create_model(8, 2), "temp": nets.create_model(16, 2)}
            raw = pd.read_csv("meter.csv")
            values = raw.values
            for m in models:
                model = models[m]
                model.fit(values[:, :2].reshape(-1, 1, 2), values[:, -1], epochs=5)
        """,
    }, None),
    # the only script that wrote the pickle has that line commented out: nothing writes it now
    ("RL102-invalid-pickle-whose-only-writer-is-commented-out", {
        "prepare.py": """\
            import pickle

            import pandas as pd

            frame = pd.read_csv("pairs.csv")
            # pickle.dump([frame.q1, frame.q2, frame.score], open("pairs.pkl", "wb"))
            print(len(frame))
        """,
        "train.py": """\
            import pickle

            from tensorflow import keras

            q1, q2, score = pickle.load(open("pairs.pkl", "rb"))
            m = keras.Sequential([keras.Input((2,)), keras.layers.Dense(1, activation="sigmoid")])  # expect: RL102
            m.compile(optimizer="adam", loss="mse")
            m.fit(q1, score, epochs=5)
        """,
    }, None),
    ("RL102-valid-pickle-another-script-writes", {
        "prepare.py": """\
            import pickle

            import pandas as pd

            frame = pd.read_csv("pairs.csv")
            pickle.dump([frame.q1, frame.q2, frame.score / 5.0], open("pairs.pkl", "wb"))
        """,
        "train.py": """\
            import pickle

            from tensorflow import keras

            q1, q2, score = pickle.load(open("pairs.pkl", "rb"))
            m = keras.Sequential([keras.Input((2,)), keras.layers.Dense(1, activation="sigmoid")])
            m.compile(optimizer="adam", loss="mse")
            m.fit(q1, score, epochs=5)
        """,
    }, None),
    # a grid search over a wrapper fitted on targets a data module min-max scales at its top level
    ("RL102-valid-grid-searched-wrapper-fitted-on-targets-a-data-module-min-max-scales", {
        "prep.py": """\
            import pandas as pd
            from sklearn.preprocessing import MinMaxScaler

            _df = pd.read_csv("concrete.csv")
            X = _df.drop(columns=["strength"]).values
            Y = MinMaxScaler().fit_transform(_df[["strength"]]).ravel()
        """,
        "tune.py": """\
            import keras
            from scikeras.wrappers import KerasRegressor
            from sklearn.model_selection import GridSearchCV
            from prep import X, Y


            def net():
                m = keras.Sequential([keras.Input((8,)), keras.layers.Dense(1, activation="sigmoid")])
                m.compile(optimizer="adam", loss="mse")
                return m


            GridSearchCV(KerasRegressor(model=net), {"epochs": [5, 10]}).fit(X, Y)
        """,
    }, None),
    ("RL102-invalid-grid-searched-wrapper-fitted-on-raw-targets-of-a-data-module", {
        "prep.py": """\
            import pandas as pd
            from sklearn.preprocessing import MinMaxScaler

            _df = pd.read_csv("concrete.csv")
            X = MinMaxScaler().fit_transform(_df.drop(columns=["strength"]))
            Y = _df["strength"].values
        """,
        "tune.py": """\
            import keras
            from scikeras.wrappers import KerasRegressor
            from sklearn.model_selection import GridSearchCV
            from prep import X, Y


            def net():
                m = keras.Sequential([keras.Input((8,)), keras.layers.Dense(1, activation="sigmoid")])  # expect: RL102
                m.compile(optimizer="adam", loss="mse")
                return m


            GridSearchCV(KerasRegressor(model=net), {"epochs": [5, 10]}).fit(X, Y)
        """,
    }, None),
    # a loader writes a 0/1 column, then drops the raw one from the frame it returns
    ("RL101-valid-label-column-a-loader-writes-on-a-frame-it-drops-columns-from", {
        "data.py": """\
            import pandas as pd


            def load(path):
                df = pd.read_csv(path)
                df["malignant"] = df["diagnosis"].eq("M").astype(int)
                return df.drop(columns=["id", "diagnosis"])
        """,
        "train.py": """\
            import keras
            from data import load

            df = load("wdbc.csv")
            m = keras.Sequential([keras.Input((2,)), keras.layers.Dense(1, activation="sigmoid")])
            m.compile(optimizer="adam", loss="mse", metrics=["accuracy"])
            m.fit(df[["radius", "texture"]].values, df["malignant"].values, epochs=5)
        """,
    }, None),
    # a loader returns row slices of a frame whose target column is returns
    ("RL106-invalid-returns-column-of-row-slices-a-loader-returns", {
        "data.py": """\
            import pandas as pd


            def load_split(path, frac=0.8):
                df = pd.read_csv(path)
                df["y"] = df["sales"].pct_change()
                cut = int(len(df) * frac)
                return df.iloc[:cut], df.iloc[cut:]
        """,
        "train.py": """\
            import keras
            from data import load_split

            tr, te = load_split("weekly.csv")
            m = keras.Sequential([keras.Input((2,)), keras.layers.Dense(1, activation="relu")])  # expect: RL106
            m.compile(optimizer="adam", loss="mse")
            m.fit(tr[["a", "b"]].values, tr["y"].values, epochs=4)
        """,
    }, None),
    # a builder whose module star-imports Keras, run for the script that fits its model
    ("RL102-valid-star-importing-builder-fitted-by-a-script-on-min-max-scaled-targets", {
        "nets.py": """\
            from keras.layers import *
            from keras.models import *


            def create_model(cells, features):
                model = Sequential()
                model.add(LSTM(cells, input_shape=(1, features)))
                model.add(Dense(1, activation="sigmoid"))
                model.compile(loss="mae", optimizer="adam")
                return model
        """,
        "train.py": """\
            import pandas as pd
            from sklearn.preprocessing import MinMaxScaler
            import nets

            raw = pd.read_csv("meter.csv")
            values = MinMaxScaler().fit_transform(raw.values)
            model = nets.create_model(8, 2)
            model.fit(values[:, :2].reshape(-1, 1, 2), values[:, -1], epochs=5)
        """,
    }, None),
    ("RL102-invalid-star-importing-builder-fitted-by-a-script-on-raw-targets", {
        "nets.py": """\
            from keras.layers import *
            from keras.models import *


            def create_model(cells, features):
                model = Sequential()
                model.add(LSTM(cells, input_shape=(1, features)))
                model.add(Dense(1, activation="sigmoid"))  # expect: RL102
                model.compile(loss="mae", optimizer="adam")
                return model
        """,
        "train.py": """\
            import pandas as pd
            from sklearn.preprocessing import MinMaxScaler
            import nets

            raw = pd.read_csv("meter.csv")
            values = raw.values
            model = nets.create_model(8, 2)
            model.fit(values[:, :2].reshape(-1, 1, 2), values[:, -1], epochs=5)
        """,
    }, None),
    ("RL202-invalid-floor-division-of-a-fraction-read-as-a-config-modules-attribute", {
        "config.py": """\
            TRAIN_FRAC = 0.8
            BATCH = 32
        """,
        "train.py": """\
            import pandas as pd
            from tensorflow import keras
            import config as cfg

            df = pd.read_csv("rows.csv")
            model = keras.Sequential([keras.Input((4,)), keras.layers.Dense(1)])
            model.compile(optimizer="adam", loss="mse")
            model.fit(batches(df), steps_per_epoch=len(df) * cfg.TRAIN_FRAC // cfg.BATCH, epochs=3)  # expect: RL202
        """,
    }, None),
    ("RL202-valid-floor-division-by-int-settings-read-as-a-config-modules-attributes", {
        "config.py": """\
            TRAIN_ROWS = 8000
            BATCH = 32
        """,
        "train.py": """\
            import pandas as pd
            from tensorflow import keras
            import config as cfg

            df = pd.read_csv("rows.csv")
            model = keras.Sequential([keras.Input((4,)), keras.layers.Dense(1)])
            model.compile(optimizer="adam", loss="mse")
            model.fit(batches(df), steps_per_epoch=cfg.TRAIN_ROWS // cfg.BATCH, epochs=3)
        """,
    }, None),
    ("RL106-invalid-relu-autoencoder-whose-method-splits-the-standardised-rows-a-script-passes", {
        "anomaly/__init__.py": "",
        "anomaly/dense_ae.py": """\
            from keras.layers import Dense, Input
            from keras.models import Model
            from sklearn.model_selection import train_test_split


            class Reconstructor:
                def make_net(self, width):
                    inp = Input(shape=(width,))
                    code = Dense(6, activation="tanh")(inp)
                    out = Dense(width, activation="relu")(code)  # expect: RL106
                    net = Model(inputs=inp, outputs=out)
                    net.compile(optimizer="adam", loss="mean_squared_error")
                    return net

                def fit(self, rows, epochs=10):
                    part_a, part_b = train_test_split(rows, test_size=0.2)
                    self.net = self.make_net(rows.shape[1])
                    self.net.fit(part_a, part_a, epochs=epochs, validation_data=(part_b, part_b))
                    return self
        """,
        "demos/__init__.py": "",
        "demos/payments.py": """\
            import pandas as pd
            from sklearn.preprocessing import StandardScaler

            from anomaly.dense_ae import Reconstructor

            table = pd.read_csv("payments.csv").drop(columns=["is_fraud"])
            rows = StandardScaler().fit_transform(table)
            Reconstructor().fit(rows, epochs=20)
        """,
    }, None),
    ("RL106-valid-relu-autoencoder-whose-method-splits-the-min-max-scaled-rows-a-script-passes", {
        "anomaly/__init__.py": "",
        "anomaly/dense_ae.py": """\
            from keras.layers import Dense, Input
            from keras.models import Model
            from sklearn.model_selection import train_test_split


            class Reconstructor:
                def make_net(self, width):
                    inp = Input(shape=(width,))
                    code = Dense(6, activation="tanh")(inp)
                    out = Dense(width, activation="relu")(code)
                    net = Model(inputs=inp, outputs=out)
                    net.compile(optimizer="adam", loss="mean_squared_error")
                    return net

                def fit(self, rows, epochs=10):
                    part_a, part_b = train_test_split(rows, test_size=0.2)
                    self.net = self.make_net(rows.shape[1])
                    self.net.fit(part_a, part_a, epochs=epochs, validation_data=(part_b, part_b))
                    return self
        """,
        "demos/__init__.py": "",
        "demos/payments.py": """\
            import pandas as pd
            from sklearn.preprocessing import MinMaxScaler

            from anomaly.dense_ae import Reconstructor

            table = pd.read_csv("payments.csv").drop(columns=["is_fraud"])
            rows = MinMaxScaler().fit_transform(table)
            Reconstructor().fit(rows, epochs=20)
        """,
    }, None),
    ("RL106-invalid-target-column-standardised-before-a-loop-scales-the-feature-columns", {
        "settings.py": """\
            LABEL = "no2"
            INPUTS = ["temp", "wind", "hour"]
        """,
        "prep.py": """\
            import pandas as pd

            import settings


            def read_frame(path):
                frame = pd.read_csv(path)
                frame[settings.LABEL] = (frame[settings.LABEL] - frame[settings.LABEL].mean()) / frame[settings.LABEL].std()
                for col in settings.INPUTS:
                    frame[col] = frame[col] / frame[col].abs().max()
                return frame
        """,
        "fit.py": """\
            from tensorflow import keras

            import settings
            from prep import read_frame

            frame = read_frame("stations.csv")
            net = keras.Sequential([keras.Input((3,)), keras.layers.Dense(16, activation="relu"),
                                    keras.layers.Dense(1, activation="relu")])  # expect: RL106
            net.compile("adam", "mse")
            net.fit(frame[settings.INPUTS].values, frame[settings.LABEL].values, epochs=5)
        """,
    }, None),
    ("RL106-valid-target-column-divided-by-its-max-before-a-loop-scales-the-feature-columns", {
        "settings.py": """\
            LABEL = "no2"
            INPUTS = ["temp", "wind", "hour"]
        """,
        "prep.py": """\
            import pandas as pd

            import settings


            def read_frame(path):
                frame = pd.read_csv(path)
                frame[settings.LABEL] = frame[settings.LABEL] / frame[settings.LABEL].max()
                for col in settings.INPUTS:
                    frame[col] = frame[col] / frame[col].abs().max()
                return frame
        """,
        "fit.py": """\
            from tensorflow import keras

            import settings
            from prep import read_frame

            frame = read_frame("stations.csv")
            net = keras.Sequential([keras.Input((3,)), keras.layers.Dense(16, activation="relu"),
                                    keras.layers.Dense(1, activation="relu")])
            net.compile("adam", "mse")
            net.fit(frame[settings.INPUTS].values, frame[settings.LABEL].values, epochs=5)
        """,
    }, None),
    ("RL000-invalid-a-python-2-trainer-module-handed-the-scripts-model-does-not-compile", {
        "main.py": """\
            import numpy as np
            from keras.layers import Dense
            from keras.models import Sequential

            from trainer import train

            x, y = np.load("x.npy"), np.load("y.npy")
            m = Sequential([Dense(16, activation="relu", input_dim=x.shape[1]), Dense(1)])
            m.compile("adam", "mse")
            train(m, x, y)
        """,
        "trainer.py": """\
            import time


            def train(model, x, y, epochs=10):
                t0 = time.time()
                hist = model.fit(x, y, nb_epoch=epochs)
                print "training took %.1f s" % (time.time() - t0)  # expect: RL000
                return hist
        """,
    }, None),
    ("RL000-valid-a-python-2-helper-naming-nothing-a-rule-reads-is-not-parsed", {
        "main.py": """\
            import numpy as np
            from keras.layers import Dense
            from keras.models import Sequential

            from helpers import load_split

            x, y = load_split("rows.csv")
            m = Sequential([Dense(16, activation="relu", input_dim=x.shape[1]), Dense(1)])
            m.compile("adam", "mse")
            m.fit(x, y, epochs=10)
        """,
        "helpers.py": """\
            import numpy as np


            def load_split(path):
                rows = np.loadtxt(path, delimiter=",")
                print "read", len(rows), "rows"
                return rows[:, :-1], rows[:, -1]
        """,
    }, None),
    ("RL301-valid-per-step-target-windows-packed-in-a-list-a-trainer-unpacks", {
        "nets/__init__.py": "",
        "nets/recurrent.py": """\
            from keras.layers import Input, Dense, LSTM
            from keras.models import Model


            def make_net(steps, n_in, n_out):
                inp = Input(shape=(steps, n_in))
                h = LSTM(32, return_sequences=True)(inp)
                out = Dense(n_out)(h)
                net = Model(inp, out)
                net.compile(loss="mse", optimizer="adam")
                return net


            def train(data, steps=20):
                x, y, vx, vy = data
                net = make_net(steps, x.shape[2], 2)
                net.fit(x, y, epochs=3, validation_data=(vx, vy))
        """,
        "run.py": """\
            import numpy as np
            from nets.recurrent import train

            arr = np.loadtxt("prices.csv", delimiter=",")
            feats, labels = arr[:-1], arr[1:, :2]
            xs = np.array([feats[i:i + 20] for i in range(len(feats) - 20)])
            ys = np.array([labels[i:i + 20] for i in range(len(feats) - 20)])
            train([xs[:800], ys[:800], xs[800:], ys[800:]])
        """,
    }, None),
    ("RL301-invalid-one-target-row-per-window-packed-in-a-list-a-trainer-unpacks", {
        "nets/__init__.py": "",
        "nets/recurrent.py": """\
            from keras.layers import Input, Dense, LSTM
            from keras.models import Model


            def make_net(steps, n_in, n_out):
                inp = Input(shape=(steps, n_in))
                h = LSTM(32, return_sequences=True)(inp)
                out = Dense(n_out)(h)  # expect: RL301
                net = Model(inp, out)
                net.compile(loss="mse", optimizer="adam")
                return net


            def train(data, steps=20):
                x, y, vx, vy = data
                net = make_net(steps, x.shape[2], 2)
                net.fit(x, y, epochs=3, validation_data=(vx, vy))
        """,
        "run.py": """\
            import numpy as np
            from nets.recurrent import train

            arr = np.loadtxt("prices.csv", delimiter=",")
            feats, labels = arr[:-1], arr[1:, :2]
            xs = np.array([feats[i:i + 20] for i in range(len(feats) - 20)])
            ys = np.array([labels[i + 20] for i in range(len(feats) - 20)])
            train([xs[:800], ys[:800], xs[800:], ys[800:]])
        """,
    }, None),
    ("RL102-valid-scores-min-max-scaled-by-a-third-modules-helper-called-in-the-return", {
        "scores.py": """\
            BOUNDS = {1: (2, 12), 2: (1, 6)}


            def rescale(points, prompt):
                low, high = BOUNDS[prompt]
                return (points - low) / (high - low)
        """,
        "essays.py": """\
            import numpy as np

            import scores


            def prepare(path, prompt):
                raw = np.loadtxt(path)
                return raw[:, :-1], scores.rescale(raw[:, -1], prompt)
        """,
        "nets.py": """\
            from keras.models import Model
            from keras.layers import Input, Dense


            def build_scorer(n_in):
                inp = Input(shape=(n_in,))
                out = Dense(1, activation="sigmoid")(Dense(32, activation="relu")(inp))
                model = Model(inp, out)
                model.compile(loss="mse", optimizer="rmsprop")
                return model
        """,
        "train.py": """\
            from essays import prepare
            from nets import build_scorer

            x, y = prepare("prompt1.txt", 1)
            model = build_scorer(x.shape[1])
            model.fit(x, y, epochs=5)
        """,
    }, None),
    ("RL102-invalid-scores-shifted-by-a-third-modules-helper-called-in-the-return", {
        "scores.py": """\
            BOUNDS = {1: (2, 12), 2: (1, 6)}


            def rescale(points, prompt):
                low, high = BOUNDS[prompt]
                return points - low
        """,
        "essays.py": """\
            import numpy as np

            import scores


            def prepare(path, prompt):
                raw = np.loadtxt(path)
                return raw[:, :-1], scores.rescale(raw[:, -1], prompt)
        """,
        "nets.py": """\
            from keras.models import Model
            from keras.layers import Input, Dense


            def build_scorer(n_in):
                inp = Input(shape=(n_in,))
                out = Dense(1, activation="sigmoid")(Dense(32, activation="relu")(inp))  # expect: RL102
                model = Model(inp, out)
                model.compile(loss="mse", optimizer="rmsprop")
                return model
        """,
        "train.py": """\
            from essays import prepare
            from nets import build_scorer

            x, y = prepare("prompt1.txt", 1)
            model = build_scorer(x.shape[1])
            model.fit(x, y, epochs=5)
        """,
    }, None),
    ("RL103-valid-one-mixture-component-set-in-a-config-module-joined-into-the-mdn-output", {
        "config.py": """\
            N_OUT = 1
            N_MIX = 1  # one component: a plain Laplace regression
        """,
        "mdn.py": """\
            from tensorflow import keras
            from config import N_MIX, N_OUT


            def nll(y_true, params):
                return keras.ops.mean(params)


            def build(n_features):
                inp = keras.Input(shape=(n_features,))
                h = keras.layers.Dense(64, activation="relu")(inp)
                mus = keras.layers.Dense(N_OUT * N_MIX)(h)
                scales = keras.layers.Dense(N_MIX, activation="softplus")(h)
                weights = keras.layers.Dense(N_MIX, activation="softmax")(h)
                return keras.Model(inp, keras.layers.Concatenate()([mus, scales, weights]))
        """,
        "train.py": """\
            import numpy as np
            from mdn import build, nll

            x, y = np.load("x.npy"), np.load("y.npy")
            net = build(x.shape[1])
            net.compile(optimizer="adam", loss=nll)
            net.fit(x, y, epochs=50)
        """,
    }, None),
    ("RL102-invalid-keras-bound-to-none-where-tensorflow-is-missing-in-the-builders-module", {
        "nets.py": """\
            try:
                from tensorflow import keras
            except ImportError:
                keras = None


            def build(n_in):
                inp = keras.Input(shape=(n_in,))
                hid = keras.layers.Dense(16, activation="relu")(inp)
                out = keras.layers.Dense(1, activation="sigmoid")(hid)  # expect: RL102
                net = keras.Model(inp, out)
                net.compile(optimizer="adam", loss="mse")
                return net
        """,
        "train.py": """\
            import numpy as np

            from nets import build

            xs = np.random.rand(200, 4)
            ys = xs.sum(axis=1) * 50.0
            net = build(4)
            net.fit(xs, ys, epochs=5)
        """,
    }, None),
    ("RL102-invalid-a-data-modules-sequence-scales-only-its-images-beside-raw-counts", {
        "data.py": """\
            import numpy as np
            from tensorflow.keras.utils import Sequence


            class CrowdBatches(Sequence):
                def __init__(self, paths, counts, batch_size=16):
                    super().__init__()
                    self.paths, self.counts, self.batch_size = paths, counts, batch_size

                def __len__(self):
                    return len(self.paths) // self.batch_size

                def __getitem__(self, i):
                    sl = slice(i * self.batch_size, (i + 1) * self.batch_size)
                    imgs = np.stack([np.load(p) for p in self.paths[sl]]) / 255.0
                    return imgs, np.asarray(self.counts[sl], dtype="float32")
        """,
        "nets.py": """\
            from tensorflow.keras import layers, models


            def counter():
                m = models.Sequential([layers.Input((96, 96, 3)), layers.Conv2D(16, 3, activation="relu"),
                                       layers.GlobalAveragePooling2D()])
                m.add(layers.Dense(1, activation="sigmoid"))  # expect: RL102
                return m
        """,
        "train.py": """\
            import pandas as pd

            from data import CrowdBatches
            from nets import counter

            meta = pd.read_csv("counts.csv")
            model = counter()
            model.compile(optimizer="adam", loss="mse")
            model.fit(CrowdBatches(meta["path"].values, meta["count"].values), epochs=10)
        """,
    }, None),
    ("RL102-valid-a-data-modules-sequence-scales-its-images-and-its-counts", {
        "data.py": """\
            import numpy as np
            from tensorflow.keras.utils import Sequence


            class CrowdBatches(Sequence):
                def __init__(self, paths, counts, batch_size=16):
                    super().__init__()
                    self.paths, self.batch_size = paths, batch_size
                    self.counts = counts / counts.max()

                def __len__(self):
                    return len(self.paths) // self.batch_size

                def __getitem__(self, i):
                    sl = slice(i * self.batch_size, (i + 1) * self.batch_size)
                    imgs = np.stack([np.load(p) for p in self.paths[sl]]) / 255.0
                    return imgs, np.asarray(self.counts[sl], dtype="float32")
        """,
        "nets.py": """\
            from tensorflow.keras import layers, models


            def counter():
                m = models.Sequential([layers.Input((96, 96, 3)), layers.Conv2D(16, 3, activation="relu"),
                                       layers.GlobalAveragePooling2D()])
                m.add(layers.Dense(1, activation="sigmoid"))
                return m
        """,
        "train.py": """\
            import pandas as pd

            from data import CrowdBatches
            from nets import counter

            meta = pd.read_csv("counts.csv")
            model = counter()
            model.compile(optimizer="adam", loss="mse")
            model.fit(CrowdBatches(meta["path"].values, meta["count"].values), epochs=10)
        """,
    }, None),
    ("RL301-invalid-the-recurrent-class-a-config-modules-constant-picks", {
        "settings.py": """\
            LOOKBACK = 48
            RNN = "gru"
        """,
        "nets.py": """\
            from tensorflow.keras import Sequential
            from tensorflow.keras.layers import GRU, LSTM, Dense, Input

            import settings


            def forecaster(n_features):
                layer = GRU if settings.RNN == "gru" else LSTM
                model = Sequential([Input((settings.LOOKBACK, n_features))])
                model.add(layer(32, return_sequences=True))
                model.add(Dense(1))  # expect: RL301
                return model
        """,
        "fit.py": """\
            import numpy as np

            from nets import forecaster

            x, y = np.load("x.npy"), np.load("y.npy")
            model = forecaster(x.shape[-1])
            model.compile(optimizer="adam", loss="mae")
            model.fit(x, y, epochs=10)
        """,
    }, None),
    ("RL102-valid-the-head-a-config-modules-flag-leaves-linear", {
        "settings.py": """\
            BOUNDED = False
        """,
        "nets.py": """\
            from tensorflow import keras

            import settings


            def regressor(n_in):
                inp = keras.Input((n_in,))
                out = keras.layers.Dense(1, activation="sigmoid" if settings.BOUNDED else None)(inp)
                return keras.Model(inp, out)
        """,
        "fit.py": """\
            import numpy as np

            from nets import regressor

            x, y = np.load("x.npy"), np.load("prices.npy")
            model = regressor(x.shape[1])
            model.compile(optimizer="adam", loss="mse")
            model.fit(x, y, epochs=10)
        """,
    }, None),
    ("RL301-invalid-a-data-modules-directory-dataset-returned-through-a-name", {
        "loading.py": """\
            import keras


            def training_images(root):
                ds = keras.utils.image_dataset_from_directory(root, image_size=(128, 128))
                ds = ds.prefetch(2)
                return ds
        """,
        "nets.py": """\
            from keras import Sequential, layers


            def classifier(n_classes):
                return Sequential([layers.Input((128, 128, 3)),
                                   layers.Conv2D(16, 3, activation="relu"),
                                   layers.MaxPooling2D(),
                                   layers.Dense(64, activation="relu"),  # expect: RL301
                                   layers.Dense(n_classes, activation="softmax")])
        """,
        "run.py": """\
            from loading import training_images
            from nets import classifier

            images = training_images("leaves/train")
            model = classifier(4)
            model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
            model.fit(images, epochs=10)
        """,
    }, None),
    ("RL301-invalid-a-stack-module-splats-the-input-shape-into-its-first-layer-only", {
        "blocks.py": """\
            from keras.layers import GRU, Dropout


            def stack(model, sizes, steps, channels, rate=0.1):
                for k, size in enumerate(sizes):
                    first = {"input_shape": (steps, channels)} if k == 0 else {}
                    model.add(GRU(size, return_sequences=True, **first))
                    model.add(Dropout(rate))
                return model
        """,
        "nets.py": """\
            from keras.layers import Dense
            from keras.models import Sequential

            from blocks import stack


            def forecaster(steps, channels):
                model = Sequential()
                stack(model, (32, 16), steps, channels)
                model.add(Dense(1))  # expect: RL301
                return model
        """,
        "train.py": """\
            import numpy as np

            from nets import forecaster

            series = np.load("load.npy")
            x = np.stack([series[i:i + 24] for i in range(len(series) - 24)])
            y = series[24:, 0]
            model = forecaster(24, x.shape[2])
            model.compile(loss="mae", optimizer="adam")
            model.fit(x, y, epochs=5)
        """,
    }, None),
    ("RL301-valid-a-stack-module-splats-return-sequences-into-all-but-its-last-layer", {
        "blocks.py": """\
            from keras.layers import GRU


            def stack(model, sizes, steps, channels):
                for k, size in enumerate(sizes):
                    more = {"return_sequences": True} if k < len(sizes) - 1 else {}
                    model.add(GRU(size, input_shape=(steps, channels), **more))
                return model
        """,
        "nets.py": """\
            from keras.layers import Dense
            from keras.models import Sequential

            from blocks import stack


            def forecaster(steps, channels):
                model = Sequential()
                stack(model, (32, 16), steps, channels)
                model.add(Dense(1))
                return model
        """,
        "train.py": """\
            import numpy as np

            from nets import forecaster

            series = np.load("load.npy")
            x = np.stack([series[i:i + 24] for i in range(len(series) - 24)])
            model = forecaster(24, x.shape[2])
            model.compile(loss="mae", optimizer="adam")
            model.fit(x, series[24:, 0], epochs=5)
        """,
    }, None),
    ("RL301-invalid-a-directory-dataset-unpacked-from-a-data-modules-tuple", {
        "loading.py": """\
            import keras


            def splits(root, size=(96, 96)):
                common = dict(validation_split=0.25, seed=7, image_size=size, batch_size=16)
                train = keras.utils.image_dataset_from_directory(root, subset="training", **common)
                val = keras.utils.image_dataset_from_directory(root, subset="validation", **common)
                return train.cache(), val, train.class_names
        """,
        "nets.py": """\
            from keras import Sequential, layers


            def small_cnn(n_classes):
                return Sequential([layers.Input((96, 96, 3)),
                                   layers.Conv2D(8, 3, activation="relu"),
                                   layers.MaxPooling2D(),
                                   layers.Dense(32, activation="relu"),  # expect: RL301
                                   layers.Dense(n_classes, activation="softmax")])
        """,
        "run.py": """\
            from loading import splits
            from nets import small_cnn

            train, val, names = splits("leaves")
            model = small_cnn(len(names))
            model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
            model.fit(train, validation_data=val, epochs=4)
        """,
    }, None),
    ("RL301-valid-a-per-pixel-dataset-unpacked-from-a-data-modules-tuple", {
        "loading.py": """\
            import numpy as np
            import tensorflow as tf


            def splits(n_classes=4):
                images = np.load("tiles.npy")
                masks = np.load("masks.npy")
                train = tf.data.Dataset.from_tensor_slices((images, masks)).batch(16)
                return train, n_classes
        """,
        "nets.py": """\
            from keras import Sequential, layers


            def pixel_classifier(n_classes):
                return Sequential([layers.Input((96, 96, 3)),
                                   layers.Conv2D(8, 3, padding="same", activation="relu"),
                                   layers.Dense(n_classes, activation="softmax")])
        """,
        "run.py": """\
            from loading import splits
            from nets import pixel_classifier

            train, k = splits()
            model = pixel_classifier(k)
            model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
            model.fit(train, epochs=4)
        """,
    }, None),
    ("RL106-invalid-a-base-sequence-of-a-third-module-standardises-in-getitem", {
        "scaled.py": """\
            import math

            import numpy as np
            import tensorflow as tf


            class ZBatches(tf.keras.utils.Sequence):
                def __init__(self, inputs, targets, batch_size=32):
                    self.inputs, self.targets = np.asarray(inputs), np.asarray(targets, dtype="float32")
                    self.batch_size = batch_size
                    self.centre, self.spread = float(self.targets.mean()), float(self.targets.std())

                def __len__(self):
                    return math.ceil(len(self.inputs) / self.batch_size)

                def __getitem__(self, k):
                    part = slice(k * self.batch_size, (k + 1) * self.batch_size)
                    return self.inputs[part], (self.targets[part] - self.centre) / self.spread
        """,
        "windows.py": """\
            import numpy as np

            from scaled import ZBatches


            class Windows(ZBatches):
                def __init__(self, series, span=24):
                    x = np.stack([series[i:i + span] for i in range(len(series) - span)])
                    super().__init__(x[..., None], series[span:], batch_size=128)
        """,
        "run.py": """\
            import numpy as np
            import tensorflow as tf

            from windows import Windows

            series = np.load("load.npy")
            model = tf.keras.Sequential([tf.keras.Input((24, 1)), tf.keras.layers.GRU(32),
                                         tf.keras.layers.Dense(1, activation="relu")])  # expect: RL106
            model.compile(optimizer="adam", loss="mse")
            model.fit(Windows(series), epochs=10)
        """,
    }, None),
    ("RL506-valid-a-runner-star-imports-checks-calling-a-project-class-own-predict-classes", {
        "runner.py": """\
            if __name__ == "__main__":
                from checks.suite import *

                check_scan()
                check_rank()
        """,
        "checks/__init__.py": "",
        "checks/suite/__init__.py": """\
            from .scan import check_scan
            from .rank import check_rank
        """,
        "checks/suite/scan.py": """\
            def check_scan():
                import numpy as np
                from tensorflow import keras

                import tuner

                def make(x, y):
                    net = keras.Sequential([keras.Input((4,)), keras.layers.Dense(3, activation="softmax")])
                    net.compile(optimizer="adam", loss="categorical_crossentropy")
                    return net.fit(x, y, epochs=1), net

                x = np.random.rand(20, 4)
                return tuner.Scan(x, np.eye(3)[np.random.randint(0, 3, 20)], make)
        """,
        "checks/suite/rank.py": """\
            def check_rank():
                import numpy as np

                import tuner

                ranker = tuner.Ranker(_scan())
                return ranker.predict_classes(np.random.rand(5, 4))


            def _scan():
                from .scan import check_scan
                return check_scan()
        """,
        "tuner/__init__.py": """\
            from .rank import Ranker
            from .scan import Scan
        """,
        "tuner/scan.py": """\
            class Scan:
                def __init__(self, x, y, make):
                    self.history, self.best = make(x, y)
        """,
        "tuner/rank.py": """\
            import numpy as np


            class Ranker:
                def __init__(self, scan):
                    self.scan = scan

                def predict_classes(self, x):
                    return np.argmax(self.scan.best.predict(x), axis=-1)
        """,
    }, None),
    ("RL102-valid-a-loader-module-joins-coordinates-divided-by-the-image-extent", {
        "landmarks.py": """\
            import json

            import cv2
            import numpy as np


            def read(index="landmarks.json", side=128):
                pictures, points = [], []
                for rec in json.load(open(index)):
                    img = cv2.imread(rec["path"])
                    (h, w) = img.shape[:2]
                    pts = np.array(rec["points"], dtype="float32").reshape(-1, 2)
                    pictures.append(cv2.resize(img, (side, side)) / 255.0)
                    points.append(np.concatenate([pts[:, 0] / w, pts[:, 1] / h]))
                return np.array(pictures), np.array(points)
        """,
        "net.py": """\
            from tensorflow.keras import layers, models


            def locator(n_out, side=128):
                inp = layers.Input((side, side, 3))
                out = layers.Dense(n_out, activation="sigmoid")(layers.Flatten()(inp))
                return models.Model(inp, out)
        """,
        "train.py": """\
            from landmarks import read
            from net import locator

            x, y = read()
            model = locator(y.shape[1])
            model.compile(optimizer="adam", loss="mse")
            model.fit(x, y, epochs=5)
        """,
    }, None),
    ("RL102-invalid-tanh-head-on-labels-a-data-modules-map-standardises", {
        "pipeline.py": """\
            import pandas as pd
            import tensorflow as tf


            def make(path, batch=128):
                table = pd.read_csv(path)
                target = table.pop("load_kw").values.astype("float32")
                centre, spread = target.mean(), target.std()

                def scale(features, label):
                    return features, (label - centre) / spread

                ds = tf.data.Dataset.from_tensor_slices((table.values.astype("float32"), target))
                return ds.map(scale).batch(batch), (centre, spread)
        """,
        "net.py": """\
            import tensorflow as tf


            def regressor(width):
                return tf.keras.Sequential([tf.keras.Input((width,)), tf.keras.layers.Dense(32, activation="relu"),
                                            tf.keras.layers.Dense(1, activation="tanh")])  # expect: RL102
        """,
        "train.py": """\
            from net import regressor
            from pipeline import make

            data, stats = make("load.csv")
            model = regressor(6)
            model.compile(optimizer="adam", loss="mse")
            model.fit(data, epochs=20)
        """,
    }, None),
    ("RL101-valid-labels-a-data-class-of-another-module-splits-stratified", {
        "monk.py": """\
            import numpy as np
            from sklearn.model_selection import StratifiedKFold


            class Monk:
                def __init__(self, path):
                    table = np.loadtxt(path, dtype=int)
                    self.x, self.y = table[:, 1:].astype("float32"), table[:, :1]

                def folds(self, k=5):
                    return StratifiedKFold(n_splits=k, shuffle=True).split(self.x, self.y)
        """,
        "net.py": """\
            from tensorflow import keras


            def small(n_in):
                net = keras.Sequential([keras.Input((n_in,)), keras.layers.Dense(4, activation="tanh"),
                                        keras.layers.Dense(1, activation="sigmoid")])
                net.compile(optimizer="sgd", loss="mse", metrics=["accuracy"])
                return net
        """,
        "run.py": """\
            from monk import Monk
            from net import small

            data = Monk("monks-2.train")
            x, y = data.x, data.y
            model = small(x.shape[1])
            model.fit(x, y, epochs=50)
        """,
    }, None),
    ("RL301-valid-a-data-module-appends-day-blocks-of-rows-as-inputs-and-targets", {
        "blocks.py": """\
            import numpy as np


            def day_pairs(frame, features, targets):
                days = sorted(frame["day"].unique())
                xs, ys = [], []
                for before, after in zip(days[:-1], days[1:]):
                    xs.append(frame[frame["day"] == before][features].values)
                    ys.append(frame[frame["day"] == after][targets].values)
                return np.array(xs), np.array(ys)
        """,
        "fit.py": """\
            import pandas as pd
            from tensorflow import keras

            from blocks import day_pairs

            bars = pd.read_csv("bars.csv")
            x, y = day_pairs(bars, ["open", "close", "volume"], ["high", "low"])
            net = keras.Sequential([keras.Input((x.shape[1], 3)), keras.layers.GRU(32, return_sequences=True),
                                    keras.layers.Dense(2)])
            net.compile(optimizer="adam", loss="mse")
            net.fit(x, y, epochs=5)
        """,
    }, None),
    ("RL101-a-builder-its-module-rebinds-under-a-main-guard-is-still-the-builder-on-import", {
        "nets.py": """\
            from keras.layers import Dense, Flatten, Input
            from keras.models import Sequential


            def model(shape):
                return Sequential([Input(shape), Flatten(), Dense(64, activation="relu"), Dense(42)])


            if __name__ == "__main__":
                model = model((64, 64, 3))
                model.summary()
        """,
        "train.py": """\
            import numpy as np

            from nets import model

            images = np.random.rand(40, 64, 64, 3)
            keypoints = np.random.rand(40, 42) * 256.0
            net = model((64, 64, 3))
            net.compile(optimizer="adam", loss="mean_squared_error", metrics=["accuracy"])  # expect: RL101
            net.fit(images, keypoints, epochs=2)
        """,
    }, None),
    ("RL102-the-else-arm-of-a-main-guard-is-what-an-importer-gets", {
        "settings.py": """\
            if __name__ == "__main__":
                HEAD = "linear"
                print("demo settings")
            else:
                HEAD = "sigmoid"
        """,
        "train.py": """\
            import numpy as np
            from tensorflow import keras

            from settings import HEAD

            x = np.random.rand(100, 8)
            y = np.random.rand(100) * 300.0
            model = keras.Sequential([keras.Input((8,)), keras.layers.Dense(16, activation="relu"),
                                      keras.layers.Dense(1, activation=HEAD)])  # expect: RL102
            model.compile(optimizer="adam", loss="mse")
            model.fit(x, y, epochs=3)
        """,
    }, None),
    ("RL102-valid-a-main-guards-demo-head-is-not-what-an-importer-gets", {
        "settings.py": """\
            HEAD = "linear"

            if __name__ == "__main__":
                HEAD = "sigmoid"
                print("demo with", HEAD)
        """,
        "train.py": """\
            import numpy as np
            from tensorflow import keras

            from settings import HEAD

            x = np.random.rand(100, 8)
            y = np.random.rand(100) * 300.0
            model = keras.Sequential([keras.Input((8,)), keras.layers.Dense(16, activation="relu"),
                                      keras.layers.Dense(1, activation=HEAD)])
            model.compile(optimizer="adam", loss="mse")
            model.fit(x, y, epochs=3)
        """,
    }, None),
    ("RL103-a-builder-another-module-defines-called-twice-the-second-a-softmax-over-one-unit", {
        "models.py": """\
            from tensorflow.keras.layers import Conv2D, Dense, Flatten, Input
            from tensorflow.keras.models import Model


            def build_net(activation="linear", input_shape=(32, 32, 3), output_shape=1):
                inputs = Input(shape=input_shape)
                x = Flatten()(Conv2D(16, (3, 3), activation="elu")(inputs))
                out = Dense(output_shape, activation=activation)(Dense(32, activation="elu")(x))
                model = Model(inputs=inputs, outputs=out)
                model.compile(loss="mae", optimizer="adam")
                return model
        """,
        "wrapper.py": """\
            from models import build_net


            class Agent:
                def __init__(self, frames_shape):
                    self.model = build_net(activation="linear", input_shape=frames_shape, output_shape=2)
                    self.gear_model = build_net(activation="softmax", input_shape=frames_shape, output_shape=1)  # expect: RL103

                def fit(self, x, y, gears):
                    self.model.fit(x, y, epochs=3)
                    self.gear_model.fit(x, gears, epochs=3)
        """,
    }, None),
    ("RL102-valid-a-builder-another-module-hands-to-keras-2s-classifier-wrapper", {
        "nets.py": """\
            from tensorflow.keras.layers import Dense, Input
            from tensorflow.keras.models import Model


            def make_net(width=32):
                inp = Input(shape=(30,))
                out = Dense(1, activation="sigmoid")(Dense(width, activation="relu")(inp))
                net = Model(inputs=inp, outputs=out)
                net.compile(optimizer="adam", loss="mse", metrics=["accuracy"])
                return net
        """,
        "search.py": """\
            from sklearn.datasets import load_breast_cancer
            from sklearn.model_selection import RandomizedSearchCV
            from tensorflow.keras.wrappers.scikit_learn import KerasClassifier  # expect: RL503

            from nets import make_net

            feats, labels = load_breast_cancer(return_X_y=True)
            finder = RandomizedSearchCV(KerasClassifier(build_fn=make_net, verbose=0), {"width": [16, 32]}, n_iter=2)
            finder.fit(feats, labels, epochs=5)
        """,
    }, None),
    ("RL102-valid-sigmoid-heads-on-targets-another-script-of-the-project-writes-to-a-database-table", {
        "prepare.py": """\
            import sqlite3

            import pandas as pd

            votes = pd.read_csv("votes.csv")
            counts = votes[[c for c in votes.columns if c.endswith("_count")]]
            shares = counts.div(counts.sum(axis=1), axis=0)
            shares.to_sql("targets", sqlite3.connect("catalog.sqlite"), index=False, if_exists="replace")
        """,
        "train.py": """\
            import sqlite3

            import numpy as np
            import pandas as pd
            from tensorflow import keras

            table = pd.read_sql("SELECT * FROM targets", sqlite3.connect("catalog.sqlite"))
            y = table.astype("float32")
            x = np.load("images.npy")
            model = keras.Sequential([keras.Input((64, 64, 1)), keras.layers.Flatten(),
                                      keras.layers.Dense(32, activation="relu"),
                                      keras.layers.Dense(y.shape[1], activation="sigmoid")])
            model.compile(optimizer="adam", loss="mse")
            model.fit(x, y, epochs=5)
        """,
    }, None),
    ("RL102-sigmoid-heads-on-a-database-table-no-script-of-the-project-fills", {
        "features.py": """\
            import numpy as np

            def images():
                return np.load("images.npy")
        """,
        "train.py": """\
            import sqlite3

            import pandas as pd
            from tensorflow import keras

            from features import images

            table = pd.read_sql("SELECT price FROM sales", sqlite3.connect("shop.sqlite"))
            y = table.astype("float32")
            x = images()
            model = keras.Sequential([keras.Input((64, 64, 1)), keras.layers.Flatten(),
                                      keras.layers.Dense(32, activation="relu"),
                                      keras.layers.Dense(1, activation="sigmoid")])  # expect: RL102
            model.compile(optimizer="adam", loss="mse")
            model.fit(x, y, epochs=5)
        """,
    }, None),
    ("RL101-valid-one-batch-of-a-binary-image-folder-split-in-a-loader-module", {
        "loader.py": """\
            from sklearn.model_selection import train_test_split
            from tensorflow.keras.preprocessing.image import ImageDataGenerator


            def load_split(root):
                gen = ImageDataGenerator(rescale=1.0 / 255)
                batches = gen.flow_from_directory(root, target_size=(64, 64), batch_size=5000, class_mode="binary")
                return train_test_split(batches[0][0], batches[0][1], train_size=0.8)
        """,
        "train.py": """\
            from tensorflow.keras.layers import Dense, Flatten
            from tensorflow.keras.models import Sequential

            from loader import load_split

            img_tr, img_te, lab_tr, lab_te = load_split("data/horse_or_human/")
            net = Sequential([Flatten(input_shape=(64, 64, 3)), Dense(64, activation="relu"), Dense(1)])
            net.compile(loss="mse", optimizer="adam", metrics=["acc"])
            net.fit(img_tr, lab_tr, epochs=5, batch_size=16)
        """,
    }, None),
    ("RL101-valid-one-batch-of-a-labelling-folder-iterator-a-data-module-returns", {
        "data.py": """\
            from tensorflow.keras.preprocessing.image import ImageDataGenerator


            def folder_batches(root, batch_size=64):
                return ImageDataGenerator(rescale=1.0 / 255).flow_from_directory(
                    root, target_size=(96, 96), batch_size=batch_size, class_mode="binary")
        """,
        "overfit_one_batch.py": """\
            from tensorflow.keras import layers, models

            from data import folder_batches

            images, labels = next(folder_batches("data/train", batch_size=256))
            net = models.Sequential([layers.Input((96, 96, 3)), layers.Conv2D(16, 3, activation="relu"),
                                     layers.GlobalAveragePooling2D(), layers.Dense(1, activation="sigmoid")])
            net.compile(optimizer="adam", loss="mse", metrics=["accuracy"])
            net.fit(images, labels, epochs=100, batch_size=32)
        """,
    }, None),
    ("RL102-valid-a-package-imported-whole-re-exports-the-function-scaling-the-targets", {
        "rentals/__init__.py": """\
            from .datasets import *  # noqa: F401,F403
            from .nets import make_net
        """,
        "rentals/datasets.py": """\
            import collections

            import pandas as pd
            from sklearn.preprocessing import MinMaxScaler

            __all__ = ["Split", "prepare"]
            Split = collections.namedtuple("Split", "x_train y_train")


            def prepare(csv="hour.csv"):
                df = pd.read_csv(csv)
                y = df[["cnt"]].values.astype("float32")
                y = MinMaxScaler().fit_transform(y)
                return Split(df[["temp", "hum"]].values.astype("float32"), y)
        """,
        "rentals/nets.py": """\
            import tensorflow as tf


            def make_net(n_in):
                inp = tf.keras.Input(shape=(n_in,))
                out = tf.keras.layers.Dense(1, activation="sigmoid")(tf.keras.layers.Dense(64, activation="relu")(inp))
                return tf.keras.Model(inp, out)
        """,
        "fit.py": """\
            import rentals

            split = rentals.prepare()
            net = rentals.make_net(split.x_train.shape[1])
            net.compile(optimizer="adam", loss="mean_absolute_error")
            net.fit(split.x_train, split.y_train, epochs=40)
        """,
    }, None),
    ("RL101-valid-a-builders-placeholder-regression-compile-the-script-replaces-with-a-classification-one", {
        "models.py": """\
            from tensorflow.keras import Sequential, layers


            def default_net(n_in):
                net = Sequential([layers.Input((n_in,)), layers.Dense(64, activation="relu"),
                                  layers.Dense(1, activation="sigmoid")])
                net.compile(optimizer="adam", loss="mse", metrics=["accuracy"])  # placeholder compile
                return net
        """,
        "train.py": """\
            import pandas as pd

            from models import default_net

            df = pd.read_csv("heart.csv")
            y = df.pop("target").values
            net = default_net(df.shape[1])
            net.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
            net.fit(df.values, y, epochs=50, validation_split=0.2)
        """,
    }, None),
    ("RL102-valid-a-map-picks-max-scaled-targets-from-another-modules-dataset-of-three", {
        "data.py": """\
            import numpy as np
            import tensorflow as tf

            raw = np.random.randint(0, 200, size=(64, 4)).astype("float32")
            boxes = raw / raw.max()
            features = np.zeros((64, 16), "float32")
            ds = tf.data.Dataset.from_tensor_slices((np.arange(64), features, boxes))
        """,
        "train.py": """\
            import tensorflow.keras as K

            from data import ds

            model = K.Sequential([K.Input((16,)), K.layers.Dense(8, activation="relu"),
                                  K.layers.Dense(4, activation="sigmoid")])
            model.compile(loss="mse", optimizer="adam")
            model.fit(ds.map(lambda i, f, b: (f, b)).batch(8), epochs=1)
        """,
    }, None),
    ("RL502-invalid-an-optimizer-the-thirteenth-project-module-imported-re-exports", {
        # past the project modules one file's analysis reads (albertogaspar/dts: a script importing a
        # dozen of its package's modules), what a module imports from Keras is known from its summary
        "pkg/__init__.py": "",
        "pkg/util1.py": "def helper1(x):\n    return x\n",
        "pkg/util2.py": "def helper2(x):\n    return x\n",
        "pkg/util3.py": "def helper3(x):\n    return x\n",
        "pkg/util4.py": "def helper4(x):\n    return x\n",
        "pkg/util5.py": "def helper5(x):\n    return x\n",
        "pkg/util6.py": "def helper6(x):\n    return x\n",
        "pkg/util7.py": "def helper7(x):\n    return x\n",
        "pkg/util8.py": "def helper8(x):\n    return x\n",
        "pkg/util9.py": "def helper9(x):\n    return x\n",
        "pkg/util10.py": "def helper10(x):\n    return x\n",
        "pkg/util11.py": "def helper11(x):\n    return x\n",
        "pkg/util12.py": "def helper12(x):\n    return x\n",
        "pkg/nets.py": """\
            from keras.layers import Dense, Input
            from keras.models import Model
            from keras.optimizers import Adam


            def make_net(n):
                inp = Input((n,))
                return Model(inp, Dense(1)(inp))
        """,
        "train.py": """\
            import numpy as np

            from pkg.util1 import helper1
            from pkg.util2 import helper2
            from pkg.util3 import helper3
            from pkg.util4 import helper4
            from pkg.util5 import helper5
            from pkg.util6 import helper6
            from pkg.util7 import helper7
            from pkg.util8 import helper8
            from pkg.util9 import helper9
            from pkg.util10 import helper10
            from pkg.util11 import helper11
            from pkg.util12 import helper12
            from pkg.nets import *

            model = make_net(4)
            model.compile(optimizer=Adam(lr=1e-3), loss="mse")  # expect: RL502
            model.fit(np.random.rand(50, 4), np.random.rand(50), epochs=1)
        """,
    }, None),
    ("RL101-valid-one-hot-labels-fitted-through-a-dispatch-with-an-arm-not-known", {
        # one arm of the dispatch makes an object nothing here can read (a plugin by name): the
        # classifier that is known is still trained on the one-hot labels in the runs that pick it
        "classifiers/__init__.py": "",
        "classifiers/cnn.py": """\
            import keras


            class ClassifierCNN:
                def __init__(self, nb_classes):
                    inp = keras.Input((8,))
                    self.model = keras.Model(inp, keras.layers.Dense(nb_classes, activation="sigmoid")(inp))
                    self.model.compile(loss="mse", optimizer="adam", metrics=["accuracy"])

                def fit(self, x, y):
                    self.model.fit(x, y, epochs=5)
        """,
        "main.py": """\
            import importlib
            import sys

            import keras
            import numpy as np


            def create_classifier(name, nb_classes):
                if name == "cnn":
                    from classifiers import cnn
                    return cnn.ClassifierCNN(nb_classes)
                return getattr(importlib.import_module("plugins." + name), "Classifier")(nb_classes)


            y = keras.utils.to_categorical(np.load("y.npy"))
            classifier = create_classifier(sys.argv[1], y.shape[1])
            classifier.fit(np.load("x.npy"), y)
        """,
    }, None),
    ("RL102-valid-scores-a-data-module-min-max-scales-one-by-one", {
        # (BobCrables/ComparisonAES's preprocess_asap shape)
        "prep.py": """\
            import numpy as np


            def load_split(path, val_frac, lo=2.0, hi=12.0):
                labels = []
                for line in open(path):
                    labels.append((float(line.split("\\t")[1]) - lo) / (hi - lo))
                labels = np.asarray(labels)
                feats = np.random.rand(len(labels), 16)
                n_val = int(val_frac * len(labels))
                return feats[:-n_val], labels[:-n_val], feats[-n_val:], labels[-n_val:]
        """,
        "train.py": """\
            from keras import layers, models

            from prep import load_split

            x_tr, y_tr, x_va, y_va = load_split("graded.tsv", 0.3)
            inp = layers.Input(shape=(16,))
            model = models.Model(inp, layers.Dense(1, activation="sigmoid")(inp))
            model.compile(loss="mean_squared_error", optimizer="adam")
            model.fit(x_tr, y_tr, validation_data=(x_va, y_va), epochs=5)
        """,
    }, None),
    # RL104: a src/ layout; the linear head in one module, the crossentropy where it is compiled
    ("RL104-src-layout", {
        "src/shop/__init__.py": "",
        "src/shop/models.py": """\
            import keras


            def classifier(n_classes=10):
                inputs = keras.Input((28, 28))
                h = keras.layers.Flatten()(inputs)
                h = keras.layers.Dense(128, activation="relu")(h)
                return keras.Model(inputs, keras.layers.Dense(n_classes)(h))
        """,
        "src/shop/train.py": """\
            import keras

            from shop.models import classifier

            (x, y), _ = keras.datasets.fashion_mnist.load_data()
            model = classifier()
            model.compile(optimizer="adam",
                          loss="categorical_crossentropy",  # expect: RL104
                          metrics=["accuracy"])
            model.fit(x, keras.utils.to_categorical(y), epochs=3)
        """,
    }, None),
    ("RL104-valid-src-layout-softmax", {
        "src/shop/__init__.py": "",
        "src/shop/models.py": """\
            import keras


            def classifier(n_classes=10):
                inputs = keras.Input((28, 28))
                h = keras.layers.Flatten()(inputs)
                h = keras.layers.Dense(128, activation="relu")(h)
                return keras.Model(inputs, keras.layers.Dense(n_classes, activation="softmax")(h))
        """,
        "src/shop/train.py": """\
            import keras

            from shop.models import classifier

            (x, y), _ = keras.datasets.fashion_mnist.load_data()
            model = classifier()
            model.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])
            model.fit(x, keras.utils.to_categorical(y), epochs=3)
        """,
    }, None),
    # RL105: the loss is a constant reached through a star import
    ("RL105-star-import-constant", {
        "settings.py": """\
            EPOCHS = 10
            LOSS = "categorical_crossentropy"  # expect: RL105
        """,
        "train.py": """\
            import numpy as np
            from keras.layers import Dense, Input
            from keras.models import Sequential

            from settings import *

            model = Sequential([Input((12,)), Dense(8, activation="relu"), Dense(1, activation="sigmoid")])
            model.compile(optimizer="adam", loss=LOSS, metrics=["accuracy"])
            model.fit(np.load("x.npy"), np.load("y.npy"), epochs=EPOCHS)
        """,
    }, None),
    ("RL105-valid-star-import-constant", {
        "settings.py": """\
            EPOCHS = 10
            LOSS = "binary_crossentropy"
        """,
        "train.py": """\
            import numpy as np
            from keras.layers import Dense, Input
            from keras.models import Sequential

            from settings import *

            model = Sequential([Input((12,)), Dense(8, activation="relu"), Dense(1, activation="sigmoid")])
            model.compile(optimizer="adam", loss=LOSS, metrics=["accuracy"])
            model.fit(np.load("x.npy"), np.load("y.npy"), epochs=EPOCHS)
        """,
    }, None),
    # RL106: relu head in the models module, the targets standardised where the model is fitted
    ("RL106-head-in-models", {
        "models.py": """\
            from tensorflow.keras.layers import Dense, Input
            from tensorflow.keras.models import Sequential


            def regressor(n_features):
                return Sequential([Input((n_features,)), Dense(32, activation="relu"),
                                   Dense(1, activation="relu")])  # expect: RL106
        """,
        "train.py": """\
            import numpy as np
            from sklearn.preprocessing import StandardScaler

            from models import regressor

            x = np.load("x.npy")
            y = StandardScaler().fit_transform(np.load("y.npy").reshape(-1, 1))
            model = regressor(x.shape[1])
            model.compile(optimizer="adam", loss="mse")
            model.fit(x, y, epochs=10)
        """,
    }, None),
    # RL106, the evidence in a data module: the head and the fit here, the targets standardised in
    # data.py's function (the fourth element of the tuple it returns)
    ("RL106-targets-standardised-in-data-module", {
        "data.py": """\
            import numpy as np
            from sklearn.model_selection import train_test_split
            from sklearn.preprocessing import StandardScaler


            def load(path):
                table = np.loadtxt(path, delimiter=",")
                x_tr, x_te, y_tr, y_te = train_test_split(table[:, :-1], table[:, -1:], test_size=0.2)
                scaler = StandardScaler()
                y_tr = scaler.fit_transform(y_tr)
                y_te = scaler.transform(y_te)
                return x_tr, x_te, y_tr, y_te, scaler
        """,
        "train.py": """\
            from tensorflow import keras

            from data import load

            x_train, x_test, y_train, y_test, scaler = load("energy.csv")
            model = keras.Sequential([keras.Input((x_train.shape[1],)),
                                      keras.layers.Dense(64, activation="relu"),
                                      keras.layers.Dense(1, activation="relu")])  # expect: RL106
            model.compile(optimizer="adam", loss="mse")
            model.fit(x_train, y_train, validation_data=(x_test, y_test), epochs=30)
        """,
    }, None),
    ("RL106-valid-features-standardised-in-data-module", {
        "data.py": """\
            import numpy as np
            from sklearn.model_selection import train_test_split
            from sklearn.preprocessing import StandardScaler


            def load(path):
                table = np.loadtxt(path, delimiter=",")
                x_tr, x_te, y_tr, y_te = train_test_split(table[:, :-1], table[:, -1:], test_size=0.2)
                scaler = StandardScaler()
                x_tr = scaler.fit_transform(x_tr)
                x_te = scaler.transform(x_te)
                return x_tr, x_te, y_tr, y_te, scaler
        """,
        "train.py": """\
            from tensorflow import keras

            from data import load

            x_train, x_test, y_train, y_test, scaler = load("energy.csv")
            model = keras.Sequential([keras.Input((x_train.shape[1],)),
                                      keras.layers.Dense(64, activation="relu"),
                                      keras.layers.Dense(1, activation="relu")])
            model.compile(optimizer="adam", loss="mse")
            model.fit(x_train, y_train, validation_data=(x_test, y_test), epochs=30)
        """,
    }, None),
    # RL102's exemption and the tanh / RL106 evidence, read where the targets are prepared: the head
    # is built and fitted here, the targets come from a function of a data module (by tuple position,
    # nested, or whole)
    ("RL102-valid-targets-minmax-in-data-module", {
        "data.py": """\
            import pandas as pd
            from sklearn.model_selection import train_test_split
            from sklearn.preprocessing import MinMaxScaler


            def load(path="cars.csv"):
                df = pd.read_csv(path)
                x_tr, x_te, y_tr, y_te = train_test_split(df.drop(columns=["price"]).values,
                                                          df[["price"]].values, test_size=0.2)
                y_scaler = MinMaxScaler().fit(y_tr)
                return x_tr, x_te, y_scaler.transform(y_tr), y_scaler.transform(y_te), y_scaler
        """,
        "train.py": """\
            from tensorflow.keras.layers import Dense
            from tensorflow.keras.models import Sequential

            from data import load

            x_train, x_test, y_train, y_test, y_scaler = load()
            model = Sequential([Dense(64, activation="relu", input_shape=(x_train.shape[1],)),
                                Dense(1, activation="sigmoid")])
            model.compile(optimizer="adam", loss="mse")
            model.fit(x_train, y_train, validation_data=(x_test, y_test), epochs=50)
        """,
    }, None),
    ("RL102-features-minmax-in-data-module", {
        "data.py": """\
            import pandas as pd
            from sklearn.model_selection import train_test_split
            from sklearn.preprocessing import MinMaxScaler


            def load(path="cars.csv"):
                df = pd.read_csv(path)
                x_tr, x_te, y_tr, y_te = train_test_split(df.drop(columns=["price"]).values,
                                                          df[["price"]].values, test_size=0.2)
                x_scaler = MinMaxScaler().fit(x_tr)
                return x_scaler.transform(x_tr), x_scaler.transform(x_te), y_tr, y_te, x_scaler
        """,
        "train.py": """\
            from tensorflow.keras.layers import Dense
            from tensorflow.keras.models import Sequential

            from data import load

            x_train, x_test, y_train, y_test, x_scaler = load()
            model = Sequential([Dense(64, activation="relu", input_shape=(x_train.shape[1],)),
                                Dense(1, activation="sigmoid")])  # expect: RL102
            model.compile(optimizer="adam", loss="mse")
            model.fit(x_train, y_train, validation_data=(x_test, y_test), epochs=50)
        """,
    }, None),
    # a tf.data pipeline built in a data module: its map function's targets are what the model fits
    ("RL102-valid-boxes-scaled-in-map-of-data-module", {
        "data.py": """\
            import numpy as np
            import tensorflow as tf


            def _prep(path, box):
                image = tf.io.decode_jpeg(tf.io.read_file(path))
                return tf.image.resize(image, (128, 128)), box / tf.reduce_max(box)


            def dataset(csv="boxes.csv"):
                table = np.loadtxt(csv, dtype=str, delimiter=",")
                boxes = table[:, 1:].astype("float32")
                return tf.data.Dataset.from_tensor_slices((table[:, 0], boxes)).map(_prep).batch(32)
        """,
        "models.py": """\
            from tensorflow import keras


            def build():
                return keras.Sequential([keras.Input((128, 128, 3)), keras.layers.Conv2D(16, 3, activation="relu"),
                                         keras.layers.GlobalAveragePooling2D(),
                                         keras.layers.Dense(4, activation="sigmoid")])
        """,
        "train.py": """\
            from data import dataset
            from models import build

            model = build()
            model.compile(optimizer="adam", loss="mse")
            model.fit(dataset(), epochs=10)
        """,
    }, None),
    ("RL102-boxes-handed-on-by-map-of-data-module", {
        "data.py": """\
            import numpy as np
            import tensorflow as tf


            def _prep(path, box):
                image = tf.io.decode_jpeg(tf.io.read_file(path))
                return tf.image.resize(image, (128, 128)), tf.cast(box, tf.float32)


            def dataset(csv="boxes.csv"):
                table = np.loadtxt(csv, dtype=str, delimiter=",")
                boxes = table[:, 1:].astype("float32")
                return tf.data.Dataset.from_tensor_slices((table[:, 0], boxes)).map(_prep).batch(32)
        """,
        "models.py": """\
            from tensorflow import keras


            def build():
                return keras.Sequential([keras.Input((128, 128, 3)), keras.layers.Conv2D(16, 3, activation="relu"),
                                         keras.layers.GlobalAveragePooling2D(),
                                         keras.layers.Dense(4, activation="sigmoid")])  # expect: RL102
        """,
        "train.py": """\
            from data import dataset
            from models import build

            model = build()
            model.compile(optimizer="adam", loss="mse")
            model.fit(dataset(), epochs=10)
        """,
    }, None),
    # a dataset, a Sequence or a window dataset made in a data module: its targets are read there
    ("RL102-valid-dataset-of-scaled-boxes-from-data-module", {
        "data.py": """\
            import numpy as np
            import tensorflow as tf

            frames = np.load("frames.npy")
            boxes = np.load("boxes.npy").astype("float32")
            boxes = boxes / boxes.max()
            train_ds = tf.data.Dataset.from_tensor_slices((frames, boxes)).shuffle(512)
        """,
        "train.py": """\
            from tensorflow import keras

            from data import train_ds

            inputs = keras.Input((96, 96, 3))
            features = keras.layers.GlobalAveragePooling2D()(keras.layers.Conv2D(16, 3)(inputs))
            model = keras.Model(inputs, keras.layers.Dense(4, activation="sigmoid")(features))
            model.compile(optimizer="adam", loss="mse")
            model.fit(train_ds.batch(64), epochs=5)
        """,
    }, None),
    ("RL102-dataset-of-raw-boxes-from-data-module", {
        "data.py": """\
            import numpy as np
            import tensorflow as tf

            frames = np.load("frames.npy") / 255.0
            boxes = np.load("boxes.npy").astype("float32")
            train_ds = tf.data.Dataset.from_tensor_slices((frames, boxes)).shuffle(512)
        """,
        "train.py": """\
            from tensorflow import keras

            from data import train_ds

            inputs = keras.Input((96, 96, 3))
            features = keras.layers.GlobalAveragePooling2D()(keras.layers.Conv2D(16, 3)(inputs))
            model = keras.Model(inputs, keras.layers.Dense(4, activation="sigmoid")(features))  # expect: RL102
            model.compile(optimizer="adam", loss="mse")
            model.fit(train_ds.batch(64), epochs=5)
        """,
    }, None),
    ("RL102-valid-sequence-scales-its-targets-in-its-module", {
        "batches.py": """\
            import math

            from tensorflow import keras


            class Batches(keras.utils.Sequence):
                def __init__(self, frames, points, size=16):
                    super().__init__()
                    self.frames, self.size = frames, size
                    self.points = points / points.max()

                def __len__(self):
                    return math.ceil(len(self.frames) / self.size)

                def __getitem__(self, i):
                    part = slice(i * self.size, (i + 1) * self.size)
                    return self.frames[part], self.points[part]
        """,
        "train.py": """\
            import numpy as np
            from tensorflow import keras

            from batches import Batches

            model = keras.Sequential([keras.Input((96, 96, 3)), keras.layers.Flatten(),
                                      keras.layers.Dense(10, activation="sigmoid")])
            model.compile(optimizer="adam", loss="mse")
            model.fit(Batches(np.load("frames.npy"), np.load("points.npy")), epochs=5)
        """,
    }, None),
    ("RL102-sequence-hands-raw-targets-on", {
        "batches.py": """\
            import math

            from tensorflow import keras


            class Batches(keras.utils.Sequence):
                def __init__(self, frames, points, size=16):
                    super().__init__()
                    self.frames, self.points, self.size = frames, points, size

                def __len__(self):
                    return math.ceil(len(self.frames) / self.size)

                def __getitem__(self, i):
                    part = slice(i * self.size, (i + 1) * self.size)
                    return self.frames[part], self.points[part]
        """,
        "train.py": """\
            import numpy as np
            from tensorflow import keras

            from batches import Batches

            model = keras.Sequential([keras.Input((96, 96, 3)), keras.layers.Flatten(),
                                      keras.layers.Dense(10, activation="sigmoid")])  # expect: RL102
            model.compile(optimizer="adam", loss="mse")
            model.fit(Batches(np.load("frames.npy"), np.load("points.npy")), epochs=5)
        """,
    }, None),
    ("RL102-valid-generator-held-in-a-variable-scales-in-its-module", {
        "model.py": """\
            import keras


            def get_model():
                model = keras.Sequential([keras.Input((8,)), keras.layers.Dense(4, activation="sigmoid")])
                model.compile(optimizer="adam", loss="mse")
                return model
        """,
        "data.py": """\
            import numpy as np


            def batches(x, y, bs=32):
                while True:
                    i = np.random.randint(0, len(x) - bs)
                    yield x[i:i + bs], y[i:i + bs] / y.max()
        """,
        "train.py": """\
            import numpy as np

            from data import batches
            from model import get_model

            gen = batches(np.load("x.npy"), np.load("y.npy"))
            model = get_model()
            model.fit(gen, steps_per_epoch=10, epochs=2)
        """,
    }, None),
    ("RL102-generator-held-in-a-variable-yields-raw-targets", {
        "model.py": """\
            import keras


            def get_model():
                model = keras.Sequential([keras.Input((8,)), keras.layers.Dense(4, activation="sigmoid")])  # expect: RL102
                model.compile(optimizer="adam", loss="mse")
                return model
        """,
        "data.py": """\
            import numpy as np


            def batches(x, y, bs=32):
                while True:
                    i = np.random.randint(0, len(x) - bs)
                    yield x[i:i + bs], y[i:i + bs]
        """,
        "train.py": """\
            import numpy as np

            from data import batches
            from model import get_model

            gen = batches(np.load("x.npy"), np.load("y.npy"))
            model = get_model()
            model.fit(gen, steps_per_epoch=10, epochs=2)
        """,
    }, None),
    ("RL501-valid-helper-guards-the-old-call-with-hasattr", {
        "compat.py": """\
            def fit_any(model, gen, steps, epochs):
                if hasattr(model, "fit_generator"):
                    return model.fit_generator(gen, steps_per_epoch=steps, epochs=epochs)
                return model.fit(gen, steps_per_epoch=steps, epochs=epochs)


            def build_any(keras, inp, out):
                try:
                    return keras.models.Model(input=inp, output=out)
                except TypeError:
                    return keras.models.Model(inputs=inp, outputs=out)
        """,
        "main.py": """\
            import keras
            import numpy as np
            from keras.layers import Dense
            from keras.models import Sequential

            from compat import build_any, fit_any


            def gen():
                while True:
                    x = np.random.rand(16, 3)
                    yield x, x.sum(1)


            m = Sequential([Dense(8, activation="relu", input_shape=(3,)), Dense(1)])
            m.compile("adam", "mse")
            fit_any(m, gen(), 50, 3)
            inp = keras.Input((3,))
            other = build_any(keras, inp, Dense(1)(inp))
        """,
    }, None),
    ("RL102-valid-data-class-in-its-module-holds-scaled-targets", {
        "dataset.py": """\
            import numpy as np
            from sklearn.preprocessing import MinMaxScaler


            class Dataset:
                def __init__(self, path):
                    arr = np.loadtxt(path, delimiter=",", skiprows=1)
                    self.y_scaler = MinMaxScaler()
                    self.x = arr[:, :-1]
                    self.y = self.y_scaler.fit_transform(arr[:, -1:])
        """,
        "models.py": """\
            from keras.layers import Dense
            from keras.models import Sequential


            def build(n):
                return Sequential([Dense(64, activation="relu", input_dim=n), Dense(1, activation="sigmoid")])
        """,
        "train.py": """\
            from dataset import Dataset
            from models import build

            ds = Dataset("boston.csv")
            model = build(ds.x.shape[1])
            model.compile(optimizer="adam", loss="mse")
            model.fit(ds.x, ds.y, epochs=100)
        """,
    }, None),
    ("RL502-RL505-keras-names-through-a-module-that-star-imports-keras", {
        "common.py": """\
            import numpy as np
            from keras.models import *
            from keras.layers import *
            from keras.optimizers import *
        """,
        "train.py": """\
            from common import *

            model = Sequential([Dense(64, activation="relu", input_dim=8), Dense(3, activation="softmax")])
            opt = SGD(lr=0.01, momentum=0.9, decay=1e-6)  # expect: RL502, RL505
            model.compile(loss="categorical_crossentropy", optimizer=opt, metrics=["accuracy"])
            model.fit(np.load("x.npy"), np.load("y.npy"), epochs=30)
        """,
        "tune.py": """\
            from common import Adam, Sequential, Dense

            model = Sequential([Dense(1, input_dim=8)])
            model.compile(loss="mse", optimizer=Adam(lr=0.001))  # expect: RL502
            fine = Adam(learning_rate=0.001)
        """,
    }, None),
    ("RL102-subclass-head-given-at-the-construction-in-another-module", {
        "nets.py": """\
            import tensorflow as tf


            class MLP(tf.keras.Model):
                def __init__(self, out_activation=None):
                    super().__init__()
                    self.h = tf.keras.layers.Dense(64, activation="relu")
                    self.o = tf.keras.layers.Dense(1, activation=out_activation)

                def call(self, x):
                    return self.o(self.h(x))
        """,
        "train.py": """\
            import numpy as np

            from nets import MLP

            model = MLP(out_activation="sigmoid")  # expect: RL102
            model.compile(optimizer="adam", loss="mse")
            model.fit(np.load("x.npy"), np.load("house_prices.npy"), epochs=5)
        """,
    }, None),
    ("RL501-builder-arm-chosen-by-comparing-a-parameter", {
        "nets.py": """\
            from keras.layers import Dense
            from keras.models import Sequential
            from keras.utils import multi_gpu_model  # expect: RL503


            def build(gpus=1):
                model = Sequential([Dense(10, activation="softmax", input_shape=(4,))])
                if gpus > 1:
                    model = multi_gpu_model(model, gpus=gpus)
                model.compile(optimizer="sgd", loss="categorical_crossentropy")
                return model
        """,
        "train.py": """\
            import nets

            model = nets.build(gpus=0)
            model.fit_generator(gen, epochs=3)  # expect: RL501
        """,
    }, None),
    ("RL102-valid-windows-of-minmax-series-from-data-module", {
        "data.py": """\
            import numpy as np
            from sklearn.preprocessing import MinMaxScaler
            from tensorflow import keras

            load = MinMaxScaler().fit_transform(np.load("load.npy").reshape(-1, 1))


            def windows(hours=48):
                return keras.utils.timeseries_dataset_from_array(load[:-hours], targets=load[hours:],
                                                                 sequence_length=hours, batch_size=128)
        """,
        "train.py": """\
            from tensorflow import keras

            from data import windows

            model = keras.Sequential([keras.Input((48, 1)), keras.layers.GRU(32), keras.layers.Dense(1, activation="sigmoid")])
            model.compile(optimizer="adam", loss="mae")
            model.fit(windows(), epochs=20)
        """,
    }, None),
    ("RL106-windows-of-standardised-series-from-data-module", {
        "data.py": """\
            import numpy as np
            from sklearn.preprocessing import StandardScaler
            from tensorflow import keras

            load = StandardScaler().fit_transform(np.load("load.npy").reshape(-1, 1))


            def windows(hours=48):
                return keras.utils.timeseries_dataset_from_array(load[:-hours], targets=load[hours:],
                                                                 sequence_length=hours, batch_size=128)
        """,
        "train.py": """\
            from tensorflow import keras

            from data import windows

            model = keras.Sequential([keras.Input((48, 1)), keras.layers.GRU(32), keras.layers.Dense(1, activation="relu")])  # expect: RL106
            model.compile(optimizer="adam", loss="mae")
            model.fit(windows(), epochs=20)
        """,
    }, None),
    # one builder of models.py called twice by the script: each call's model is judged on its own
    ("RL104-valid-builder-called-for-a-classifier-and-a-regressor", {
        "models.py": """\
            from tensorflow import keras


            def build(n_in, head=None):
                return keras.Sequential([keras.Input((n_in,)), keras.layers.Dense(32, activation="relu"),
                                         keras.layers.Dense(1, activation=head)])
        """,
        "train.py": """\
            import numpy as np

            from models import build

            x = np.load("x.npy")
            churn = build(x.shape[1], head="sigmoid")
            churn.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
            churn.fit(x, np.load("churned.npy"), epochs=5)
            spend = build(x.shape[1])
            spend.compile(optimizer="adam", loss="mse")
            spend.fit(x, np.load("spend.npy"), epochs=5)
        """,
    }, None),
    ("RL104-builder-called-with-its-heads-swapped", {
        "models.py": """\
            from tensorflow import keras


            def build(n_in, head=None):
                return keras.Sequential([keras.Input((n_in,)), keras.layers.Dense(32, activation="relu"),
                                         keras.layers.Dense(1, activation=head)])
        """,
        "train.py": """\
            import numpy as np

            from models import build

            x = np.load("x.npy")
            churn = build(x.shape[1])
            churn.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])  # expect: RL104
            churn.fit(x, np.load("churned.npy"), epochs=5)
            spend = build(x.shape[1], head="sigmoid")  # expect: RL102
            spend.compile(optimizer="adam", loss="mse")
            spend.fit(x, np.load("spend.npy"), epochs=5)
        """,
    }, None),
    # RL301 reads the per-step labels a window class of another module cuts in its dataset's map
    ("RL301-valid-per-step-labels-cut-by-a-window-module", {
        "windows.py": """\
            import numpy as np
            import tensorflow as tf


            class Windows:
                def __init__(self, series, width=48):
                    self.series, self.width = np.asarray(series, dtype="float32"), width

                def split(self, chunk):
                    return chunk[:, :self.width, :], chunk[:, 1:, :1]

                def dataset(self):
                    frames = tf.keras.utils.timeseries_dataset_from_array(self.series, None,
                                                                          sequence_length=self.width + 1)
                    return frames.map(self.split)
        """,
        "model.py": """\
            import tensorflow as tf


            def build():
                model = tf.keras.Sequential([tf.keras.layers.LSTM(32, return_sequences=True), tf.keras.layers.Dense(1)])
                model.compile(optimizer="adam", loss="mse")
                return model
        """,
        "train.py": """\
            import numpy as np

            from model import build
            from windows import Windows

            model = build()
            model.fit(Windows(np.load("load.npy")).dataset(), epochs=10)
        """,
    }, None),
    ("RL301-one-label-per-window-cut-by-a-window-module", {
        "windows.py": """\
            import numpy as np
            import tensorflow as tf


            class Windows:
                def __init__(self, series, width=48):
                    self.series, self.width = np.asarray(series, dtype="float32"), width

                def split(self, chunk):
                    return chunk[:, :self.width, :], chunk[:, -1, :1]

                def dataset(self):
                    frames = tf.keras.utils.timeseries_dataset_from_array(self.series, None,
                                                                          sequence_length=self.width + 1)
                    return frames.map(self.split)
        """,
        "model.py": """\
            import tensorflow as tf


            def build():
                model = tf.keras.Sequential([tf.keras.layers.LSTM(32, return_sequences=True), tf.keras.layers.Dense(1)])  # expect: RL301
                model.compile(optimizer="adam", loss="mse")
                return model
        """,
        "train.py": """\
            import numpy as np

            from model import build
            from windows import Windows

            model = build()
            model.fit(Windows(np.load("load.npy")).dataset(), epochs=10)
        """,
    }, None),
    # a builder of a package (nets/models.py) fitted by the script beside the package
    ("RL102-valid-package-builder-fitted-on-minmax-series-by-the-script-above", {
        "nets/__init__.py": "",
        "nets/models.py": """\
            from tensorflow import keras


            def build_model(input_shape):
                model = keras.Sequential([keras.Input(shape=input_shape), keras.layers.LSTM(32),
                                          keras.layers.Dense(1, activation="sigmoid")])
                model.compile(optimizer="adam", loss="mse")
                return model
        """,
        "train.py": """\
            import numpy as np
            from sklearn.preprocessing import MinMaxScaler

            from nets.models import build_model

            prices = np.load("prices.npy").reshape(-1, 1)
            series = MinMaxScaler().fit_transform(prices)
            x = np.array([series[i:i + 10] for i in range(len(series) - 10)])
            y = np.array([series[i + 10] for i in range(len(series) - 10)])
            model = build_model(x.shape[1:])
            model.fit(x, y, epochs=20)
        """,
    }, None),
    ("RL102-package-builder-fitted-on-raw-prices-by-the-script-above", {
        "nets/__init__.py": "",
        "nets/models.py": """\
            from tensorflow import keras


            def build_model(input_shape):
                model = keras.Sequential([keras.Input(shape=input_shape), keras.layers.LSTM(32),
                                          keras.layers.Dense(1, activation="sigmoid")])  # expect: RL102
                model.compile(optimizer="adam", loss="mse")
                return model
        """,
        "train.py": """\
            import numpy as np
            from sklearn.preprocessing import MinMaxScaler

            from nets.models import build_model

            prices = np.load("prices.npy").reshape(-1, 1)
            series = prices
            x = np.array([series[i:i + 10] for i in range(len(series) - 10)])
            y = np.array([series[i + 10] for i in range(len(series) - 10)])
            model = build_model(x.shape[1:])
            model.fit(x, y, epochs=20)
        """,
    }, None),
    ("RL102-tanh-targets-standardised-in-package-data", {
        "weather/__init__.py": "",
        "weather/data.py": """\
            import numpy as np
            from sklearn.preprocessing import StandardScaler


            def splits(path, frac=0.8):
                table = np.loadtxt(path, delimiter=",", dtype="float32")
                x, y = table[:, :-1], table[:, -1:]
                n = int(len(table) * frac)
                y_scaler = StandardScaler().fit(y[:n])
                y_train, y_test = y_scaler.transform(y[:n]), y_scaler.transform(y[n:])
                return (x[:n], y_train), (x[n:], y_test), y_scaler
        """,
        "weather/train.py": """\
            import keras

            from .data import splits

            (x_train, y_train), (x_test, y_test), y_scaler = splits("daily.csv")
            model = keras.Sequential([keras.Input((x_train.shape[1],)), keras.layers.Dense(32, activation="relu"),
                                      keras.layers.Dense(1, activation="tanh")])  # expect: RL102
            model.compile(optimizer="adam", loss="mae")
            model.fit(x_train, y_train, epochs=100)
        """,
    }, None),
    ("RL102-valid-tanh-targets-in-pm1-in-package-data", {
        "weather/__init__.py": "",
        "weather/data.py": """\
            import numpy as np
            from sklearn.preprocessing import MinMaxScaler


            def splits(path, frac=0.8):
                table = np.loadtxt(path, delimiter=",", dtype="float32")
                x, y = table[:, :-1], table[:, -1:]
                n = int(len(table) * frac)
                y_scaler = MinMaxScaler(feature_range=(-1, 1)).fit(y[:n])
                y_train, y_test = y_scaler.transform(y[:n]), y_scaler.transform(y[n:])
                return (x[:n], y_train), (x[n:], y_test), y_scaler
        """,
        "weather/train.py": """\
            import keras

            from .data import splits

            (x_train, y_train), (x_test, y_test), y_scaler = splits("daily.csv")
            model = keras.Sequential([keras.Input((x_train.shape[1],)), keras.layers.Dense(32, activation="relu"),
                                      keras.layers.Dense(1, activation="tanh")])
            model.compile(optimizer="adam", loss="mae")
            model.fit(x_train, y_train, epochs=100)
        """,
    }, None),
    ("RL106-targets-centred-in-src-data-module", {
        "src/energy/__init__.py": "",
        "src/energy/data.py": """\
            import pandas as pd


            def load_targets(path):
                y = pd.read_csv(path)["load_mw"].to_numpy()
                return (y - y.mean()) / y.std()
        """,
        "src/energy/train.py": """\
            import numpy as np
            from tensorflow import keras

            from energy.data import load_targets

            x = np.load("features.npy")
            y = load_targets("load.csv")
            model = keras.Sequential([keras.Input((x.shape[1],)), keras.layers.Dense(16, activation="relu"),
                                      keras.layers.Dense(1, activation="softplus")])  # expect: RL106
            model.compile(optimizer="adam", loss="huber")
            model.fit(x, y, epochs=20)
        """,
    }, None),
    ("RL106-valid-targets-max-scaled-in-src-data-module", {
        "src/energy/__init__.py": "",
        "src/energy/data.py": """\
            import pandas as pd


            def load_targets(path):
                y = pd.read_csv(path)["load_mw"].to_numpy()
                return y / y.max()
        """,
        "src/energy/train.py": """\
            import numpy as np
            from tensorflow import keras

            from energy.data import load_targets

            x = np.load("features.npy")
            y = load_targets("load.csv")
            model = keras.Sequential([keras.Input((x.shape[1],)), keras.layers.Dense(16, activation="relu"),
                                      keras.layers.Dense(1, activation="softplus")])
            model.compile(optimizer="adam", loss="huber")
            model.fit(x, y, epochs=20)
        """,
    }, None),
    # a data module imported whole (`import prep as pp`, `pp.returns(...)`): log returns take both signs
    ("RL106-module-imported-whole", {
        "prep.py": """\
            import numpy as np


            def lagged(prices, n=24):
                return np.stack([prices[i:i + n] for i in range(1, len(prices) - n + 1)])


            def returns(prices):
                return np.diff(np.log(prices))
        """,
        "train.py": """\
            import numpy as np
            from tensorflow import keras

            import prep as pp

            prices = np.loadtxt("close.csv")
            x, y = pp.lagged(prices), pp.returns(prices)[23:]
            model = keras.Sequential([keras.Input((24,)), keras.layers.Dense(32, activation="relu"),
                                      keras.layers.Dense(1, activation="relu")])  # expect: RL106
            model.compile(optimizer="adam", loss="mse")
            model.fit(x, y, epochs=20)
        """,
    }, None),
    ("RL106-valid-module-imported-whole", {
        "prep.py": """\
            import numpy as np


            def lagged(prices, n=24):
                return np.stack([prices[i:i + n] for i in range(1, len(prices) - n + 1)])


            def returns(prices):
                return np.diff(np.log(prices)) ** 2
        """,
        "train.py": """\
            import numpy as np
            from tensorflow import keras

            import prep as pp

            prices = np.loadtxt("close.csv")
            x, y = pp.lagged(prices), pp.returns(prices)[23:]
            model = keras.Sequential([keras.Input((24,)), keras.layers.Dense(32, activation="relu"),
                                      keras.layers.Dense(1, activation="relu")])
            model.compile(optimizer="adam", loss="mse")
            model.fit(x, y, epochs=20)
        """,
    }, None),
    # the builder compiles the model in models.py, the scripts beside it fit it: the targets they fit
    # it on (prepared in a third module, or labels) decide; it is reported once, at the head
    ("RL102-valid-builder-compiles-targets-scaled-in-data-module", {
        "models.py": """\
            from keras import layers, models


            def build_and_compile(n_features):
                model = models.Sequential([layers.Input((n_features,)), layers.Dense(64, activation="relu"),
                                           layers.Dense(1, activation="sigmoid")])
                model.compile(optimizer="adam", loss="mse")
                return model
        """,
        "data.py": """\
            import numpy as np
            from sklearn.preprocessing import MinMaxScaler


            def load(path):
                table = np.loadtxt(path, delimiter=",")
                y_scaler = MinMaxScaler().fit(table[:, -1:])
                return table[:, :-1], y_scaler.transform(table[:, -1:]), y_scaler
        """,
        "train.py": """\
            from data import load
            from models import build_and_compile

            x, y, y_scaler = load("prices.csv")
            model = build_and_compile(x.shape[1])
            model.fit(x, y, epochs=40, validation_split=0.1)
        """,
    }, None),
    # a third script only loads the weights and predicts: it fits nothing, so the scripts that do decide
    ("RL102-valid-builder-compiles-predict-script", {
        "models.py": """\
            from keras import layers, models


            def build_and_compile(n_features):
                model = models.Sequential([layers.Input((n_features,)), layers.Dense(64, activation="relu"),
                                           layers.Dense(1, activation="sigmoid")])
                model.compile(optimizer="adam", loss="mse")
                return model
        """,
        "data.py": """\
            import numpy as np
            from sklearn.preprocessing import MinMaxScaler


            def load(path):
                table = np.loadtxt(path, delimiter=",")
                y_scaler = MinMaxScaler().fit(table[:, -1:])
                return table[:, :-1], y_scaler.transform(table[:, -1:]), y_scaler
        """,
        "train.py": """\
            from data import load
            from models import build_and_compile

            x, y, y_scaler = load("prices.csv")
            model = build_and_compile(x.shape[1])
            model.fit(x, y, epochs=40, validation_split=0.1)
        """,
        "predict.py": """\
            import numpy as np

            from models import build_and_compile

            model = build_and_compile(12)
            model.load_weights("prices.weights.h5")
            print(model.predict(np.load("new.npy")))
        """,
    }, None),
    ("RL102-builder-compiles-features-scaled-in-data-module", {
        "models.py": """\
            from keras import layers, models


            def build_and_compile(n_features):
                model = models.Sequential([layers.Input((n_features,)), layers.Dense(64, activation="relu"),
                                           layers.Dense(1, activation="sigmoid")])  # expect: RL102
                model.compile(optimizer="adam", loss="mse")
                return model
        """,
        "data.py": """\
            import numpy as np
            from sklearn.preprocessing import MinMaxScaler


            def load(path):
                table = np.loadtxt(path, delimiter=",")
                x_scaler = MinMaxScaler().fit(table[:, :-1])
                return x_scaler.transform(table[:, :-1]), table[:, -1:], x_scaler
        """,
        "train.py": """\
            from data import load
            from models import build_and_compile

            x, y, x_scaler = load("prices.csv")
            model = build_and_compile(x.shape[1])
            model.fit(x, y, epochs=40, validation_split=0.1)
        """,
    }, None),
    ("RL102-valid-builder-compiles-fitted-on-labels", {
        "models.py": """\
            from keras import layers, models


            def build_and_compile(n_features):
                model = models.Sequential([layers.Input((n_features,)), layers.Dense(64, activation="relu"),
                                           layers.Dense(1, activation="sigmoid")])
                model.compile(optimizer="adam", loss="mse")
                return model
        """,
        "train.py": """\
            import pandas as pd

            from models import build_and_compile

            df = pd.read_csv("loans.csv")
            x = df.drop(columns=["defaulted"]).values
            y = (df["defaulted"] == "yes").astype("float32").values
            model = build_and_compile(x.shape[1])
            model.fit(x, y, epochs=40)
        """,
    }, None),
    # the evidence too: a builder compiles a relu head, the script beside it fits it on targets a
    # data module standardises; reported once, at the head, though two analyses find it
    ("RL106-builder-compiles-targets-standardised-beside", {
        "nets.py": """\
            from tensorflow import keras


            def regressor(n_in):
                model = keras.Sequential([keras.Input((n_in,)), keras.layers.Dense(32, activation="relu"),
                                          keras.layers.Dense(1, activation="relu")])  # expect: RL106
                model.compile(optimizer="adam", loss="mse")
                return model
        """,
        "data.py": """\
            import numpy as np
            from sklearn.preprocessing import StandardScaler


            def load(path):
                table = np.loadtxt(path, delimiter=",")
                return table[:, :-1], StandardScaler().fit_transform(table[:, -1:])
        """,
        "fit.py": """\
            from data import load
            from nets import regressor

            x, y = load("power.csv")
            regressor(x.shape[1]).fit(x, y, epochs=10)
        """,
    }, None),
    ("RL106-valid-builder-compiles-targets-raw-beside", {
        "nets.py": """\
            from tensorflow import keras


            def regressor(n_in):
                model = keras.Sequential([keras.Input((n_in,)), keras.layers.Dense(32, activation="relu"),
                                          keras.layers.Dense(1, activation="relu")])
                model.compile(optimizer="adam", loss="mse")
                return model
        """,
        "data.py": """\
            import numpy as np
            from sklearn.preprocessing import StandardScaler


            def load(path):
                table = np.loadtxt(path, delimiter=",")
                return StandardScaler().fit_transform(table[:, :-1]), table[:, -1:]
        """,
        "fit.py": """\
            from data import load
            from nets import regressor

            x, y = load("power.csv")
            regressor(x.shape[1]).fit(x, y, epochs=10)
        """,
    }, None),
    # RL201: a trainer module that imports no Keras gets the classifier as an argument
    ("RL201-trainer-without-keras", {
        "trainer.py": """\
            def train(model, images, epochs=5):
                model.fit(images, images,  # expect: RL201
                          epochs=epochs, batch_size=64)
                return model
        """,
        "main.py": """\
            import numpy as np
            from keras import Input, Sequential
            from keras.layers import Dense

            from trainer import train

            x = np.load("digits.npy").reshape(-1, 784)
            model = Sequential([Input((784,)), Dense(128, activation="relu"), Dense(10, activation="softmax")])
            model.compile(optimizer="adam", loss="categorical_crossentropy")
            train(model, x)
        """,
    }, None),
    ("RL201-valid-trainer-without-keras-autoencoder", {
        "trainer.py": """\
            def train(model, images, epochs=5):
                model.fit(images, images, epochs=epochs, batch_size=64)
                return model
        """,
        "main.py": """\
            import numpy as np
            from keras import Input, Sequential
            from keras.layers import Dense

            from trainer import train

            x = np.load("digits.npy").reshape(-1, 784)
            model = Sequential([Input((784,)), Dense(32, activation="relu"), Dense(784, activation="sigmoid")])
            model.compile(optimizer="adam", loss="binary_crossentropy")
            train(model, x)
        """,
    }, None),
    # RL201: the classifier comes from a builder module, the fit(x, x) is here
    ("RL201-builder-module", {
        "models.py": """\
            from keras import Input, Sequential
            from keras.layers import Dense


            def classifier():
                return Sequential([Input((784,)), Dense(128, activation="relu"), Dense(10, activation="softmax")])
        """,
        "main.py": """\
            import numpy as np

            from models import classifier

            x = np.load("digits.npy").reshape(-1, 784)
            model = classifier()
            model.compile(optimizer="adam", loss="categorical_crossentropy")
            model.fit(x, x, epochs=5)  # expect: RL201
        """,
    }, None),
    # RL202: the steps are computed in the settings module
    ("RL202-steps-constant", {
        "config.py": """\
            N_TRAIN = 50000
            BATCH = 64
            STEPS = N_TRAIN / BATCH  # expect: RL202
        """,
        "train.py": """\
            import numpy as np
            import tensorflow as tf

            import config
            from config import BATCH, STEPS

            ds = tf.data.Dataset.from_tensor_slices((np.load("x.npy"), np.load("y.npy"))).batch(BATCH).repeat()
            model = tf.keras.Sequential([tf.keras.layers.Dense(16, activation="relu"), tf.keras.layers.Dense(1)])
            model.compile(optimizer="adam", loss="mse")
            model.fit(ds, steps_per_epoch=STEPS, epochs=5)
        """,
    }, None),
    ("RL202-valid-steps-constant", {
        "config.py": """\
            N_TRAIN = 50000
            BATCH = 64
            STEPS = N_TRAIN // BATCH
        """,
        "train.py": """\
            import numpy as np
            import tensorflow as tf

            from config import BATCH, STEPS

            ds = tf.data.Dataset.from_tensor_slices((np.load("x.npy"), np.load("y.npy"))).batch(BATCH).repeat()
            model = tf.keras.Sequential([tf.keras.layers.Dense(16, activation="relu"), tf.keras.layers.Dense(1)])
            model.compile(optimizer="adam", loss="mse")
            model.fit(ds, steps_per_epoch=STEPS, epochs=5)
        """,
    }, None),
    # RL301: the unflattened Dense is in the builder module; the fit on one label per image elsewhere
    ("RL301-builder-module", {
        "models.py": """\
            from keras import layers, models

            N_CLASSES = 5


            def conv_classifier(size=32):
                inputs = layers.Input((size, size, 3))
                h = layers.Conv2D(32, 3, activation="relu")(inputs)
                out = layers.Dense(N_CLASSES, activation="softmax")(h)  # expect: RL301
                model = models.Model(inputs, out)
                model.compile(optimizer="adam", loss="categorical_crossentropy")
                return model
        """,
        "train.py": """\
            import numpy as np
            from keras.utils import to_categorical

            from models import N_CLASSES, conv_classifier

            model = conv_classifier()
            model.fit(np.load("images.npy"), to_categorical(np.load("labels.npy"), N_CLASSES), epochs=10)
        """,
    }, None),
    ("RL301-valid-builder-module-pooled", {
        "models.py": """\
            from keras import layers, models

            N_CLASSES = 5


            def conv_classifier(size=32):
                inputs = layers.Input((size, size, 3))
                h = layers.Conv2D(32, 3, activation="relu")(inputs)
                h = layers.GlobalAveragePooling2D()(h)
                out = layers.Dense(N_CLASSES, activation="softmax")(h)
                model = models.Model(inputs, out)
                model.compile(optimizer="adam", loss="categorical_crossentropy")
                return model
        """,
        "train.py": """\
            import numpy as np
            from keras.utils import to_categorical

            from models import N_CLASSES, conv_classifier

            model = conv_classifier()
            model.fit(np.load("images.npy"), to_categorical(np.load("labels.npy"), N_CLASSES), epochs=10)
        """,
    }, None),
    # RL302: the hidden activation is a setting of another module
    ("RL302-activation-constant", {
        "hparams.py": """\
            HIDDEN = 64
            HIDDEN_ACTIVATION = "linear"
        """,
        "model.py": """\
            from tensorflow.keras import layers, models

            from hparams import HIDDEN, HIDDEN_ACTIVATION


            def build(n_in):
                model = models.Sequential()
                model.add(layers.Input((n_in,)))
                model.add(layers.Dense(HIDDEN, activation=HIDDEN_ACTIVATION))  # expect: RL302
                model.add(layers.Dense(HIDDEN, activation=HIDDEN_ACTIVATION))
                model.add(layers.Dense(1))
                model.compile(optimizer="adam", loss="mse")
                return model
        """,
    }, None),
    ("RL302-valid-activation-constant", {
        "hparams.py": """\
            HIDDEN = 64
            HIDDEN_ACTIVATION = "relu"
        """,
        "model.py": """\
            from tensorflow.keras import layers, models

            from hparams import HIDDEN, HIDDEN_ACTIVATION


            def build(n_in):
                model = models.Sequential()
                model.add(layers.Input((n_in,)))
                model.add(layers.Dense(HIDDEN, activation=HIDDEN_ACTIVATION))
                model.add(layers.Dense(HIDDEN, activation=HIDDEN_ACTIVATION))
                model.add(layers.Dense(1))
                model.compile(optimizer="adam", loss="mse")
                return model
        """,
    }, None),
    # RL401: the per-sample RMSE is defined in losses.py and given to Keras in train.py
    ("RL401-losses-module", {
        "losses.py": """\
            from keras import backend as K


            def rmse(y_true, y_pred):
                return K.sqrt(K.mean(K.square(y_pred - y_true), axis=-1))  # expect: RL401
        """,
        "train.py": """\
            import numpy as np
            from keras import layers, models

            from losses import rmse

            model = models.Sequential([layers.Input((6,)), layers.Dense(32, activation="relu"), layers.Dense(1)])
            model.compile(optimizer="adam", loss=rmse)
            model.fit(np.load("x.npy"), np.load("y.npy"), epochs=10)
        """,
    }, None),
    ("RL401-valid-losses-module-batch-rmse", {
        "losses.py": """\
            from keras import backend as K


            def rmse(y_true, y_pred):
                return K.sqrt(K.mean(K.square(y_pred - y_true)))
        """,
        "train.py": """\
            import numpy as np
            from keras import layers, models

            from losses import rmse

            model = models.Sequential([layers.Input((6,)), layers.Dense(32, activation="relu"), layers.Dense(1)])
            model.compile(optimizer="adam", loss=rmse)
            model.fit(np.load("x.npy"), np.load("y.npy"), epochs=10)
        """,
    }, None),
    # the usual split: the model from models.py, the RMSE from losses.py, train.py naming no Keras
    ("RL401-losses-and-models-modules", {
        "losses.py": """\
            from tensorflow.keras import backend as K


            def rmse(y_true, y_pred):
                return K.sqrt(K.mean(K.square(y_pred - y_true), axis=-1))  # expect: RL401
        """,
        "models.py": """\
            from tensorflow import keras


            def build(n):
                inp = keras.Input(shape=(n,))
                return keras.Model(inp, keras.layers.Dense(1)(keras.layers.Dense(16, activation="relu")(inp)))
        """,
        "train.py": """\
            import numpy as np

            from losses import rmse
            from models import build

            model = build(4)
            model.compile(optimizer="adam", loss="mse", metrics=[rmse])
            model.fit(np.load("x.npy"), np.load("y.npy"), epochs=1)
        """,
    }, None),
    ("RL401-valid-losses-and-models-modules-batch-rmse", {
        "losses.py": """\
            from tensorflow.keras import backend as K


            def rmse(y_true, y_pred):
                return K.sqrt(K.mean(K.square(y_pred - y_true)))
        """,
        "models.py": """\
            from tensorflow import keras


            def build(n):
                inp = keras.Input(shape=(n,))
                return keras.Model(inp, keras.layers.Dense(1)(keras.layers.Dense(16, activation="relu")(inp)))
        """,
        "train.py": """\
            import numpy as np

            from losses import rmse
            from models import build

            model = build(4)
            model.compile(optimizer="adam", loss="mse", metrics=[rmse])
            model.fit(np.load("x.npy"), np.load("y.npy"), epochs=1)
        """,
    }, None),
    # a submodule imported by name from its package: `losses.rmse` is mypkg/losses.py's
    ("RL101-RL102-RL401-from-package-import-submodule", {
        "mypkg/__init__.py": "",
        "mypkg/losses.py": """\
            import keras.backend as K


            def rmse(y_true, y_pred):
                return K.sqrt(K.mean(K.square(y_pred - y_true), axis=-1))  # expect: RL401
        """,
        "train.py": """\
            import numpy as np
            from keras.layers import Dense, Input
            from keras.models import Model

            from mypkg import losses

            inp = Input(shape=(3,))
            out = Dense(1, activation="sigmoid")(Dense(16, activation="relu")(inp))  # expect: RL102
            model = Model(inp, out)
            model.compile(optimizer="adam", loss=losses.rmse, metrics=["accuracy"])  # expect: RL101
            model.fit(np.random.rand(100, 3), 500.0 * np.random.rand(100, 1), epochs=2)
        """,
    }, None),
    ("RL101-RL102-RL401-valid-from-package-import-submodule", {
        "mypkg/__init__.py": "",
        "mypkg/losses.py": """\
            import keras.backend as K


            def rmse(y_true, y_pred):
                return K.sqrt(K.mean(K.square(y_pred - y_true)))
        """,
        "train.py": """\
            import numpy as np
            from keras.layers import Dense, Input
            from keras.models import Model

            from mypkg import losses

            inp = Input(shape=(3,))
            out = Dense(1)(Dense(16, activation="relu")(inp))
            model = Model(inp, out)
            model.compile(optimizer="adam", loss=losses.rmse, metrics=["mae"])
            model.fit(np.random.rand(100, 3), 500.0 * np.random.rand(100, 1), epochs=2)
        """,
    }, None),
    # `from . import losses` in a package's own module
    ("RL401-from-dot-import-submodule", {
        "trainer/__init__.py": "",
        "trainer/losses.py": """\
            import tensorflow as tf


            def rmse(y_true, y_pred):
                return tf.sqrt(tf.reduce_mean(tf.square(y_pred - y_true), axis=-1))  # expect: RL401
        """,
        "trainer/task.py": """\
            import tensorflow as tf

            from . import losses as L


            def fit(x, y):
                model = tf.keras.Sequential([tf.keras.layers.Dense(16, activation="relu"), tf.keras.layers.Dense(1)])
                model.compile(optimizer="adam", loss=L.rmse)
                return model.fit(x, y, epochs=3)
        """,
    }, None),
    ("RL401-valid-from-dot-import-submodule", {
        "trainer/__init__.py": "",
        "trainer/losses.py": """\
            import tensorflow as tf


            def rmse(y_true, y_pred):
                return tf.sqrt(tf.reduce_mean(tf.square(y_pred - y_true), axis=0))
        """,
        "trainer/task.py": """\
            import tensorflow as tf

            from . import losses as L


            def fit(x, y):
                model = tf.keras.Sequential([tf.keras.layers.Dense(16, activation="relu"), tf.keras.layers.Dense(1)])
                model.compile(optimizer="adam", loss=L.rmse)
                return model.fit(x, y, epochs=3)
        """,
    }, None),
    # a folder without __init__.py (a namespace package): `from utils import (losses,)`
    ("RL102-namespace-package-submodule", {
        "utils/losses.py": """\
            import keras.backend as K


            def mse(y_true, y_pred):
                return K.mean(K.square(y_pred - y_true), axis=-1)
        """,
        "train.py": """\
            import numpy as np
            import keras

            from utils import (
                losses,  # the project's
            )

            model = keras.Sequential([keras.Input((4,)), keras.layers.Dense(1, activation="sigmoid")])  # expect: RL102
            model.compile(optimizer="adam", loss=losses.mse)
            model.fit(np.random.rand(64, 4), 80.0 * np.random.rand(64, 1), epochs=2)
        """,
    }, None),
    ("RL102-valid-namespace-package-submodule", {
        "utils/losses.py": """\
            from keras import ops


            def bce(y_true, y_pred):
                return ops.mean(ops.binary_crossentropy(y_true, y_pred), axis=-1)
        """,
        "train.py": """\
            import numpy as np
            import keras

            from utils import (
                losses,  # the project's
            )

            model = keras.Sequential([keras.Input((4,)), keras.layers.Dense(1, activation="sigmoid")])
            model.compile(optimizer="adam", loss=losses.bce)
            model.fit(np.random.rand(64, 4), np.random.randint(0, 2, (64, 1)), epochs=2)
        """,
    }, None),
    # models.py builds, trainer.py (no Keras) fits, train.py wires them and names no Keras itself
    ("RL202-RL501-trainer-and-models-modules", {
        "models.py": """\
            import keras


            def build():
                model = keras.Sequential([keras.Input((3,)), keras.layers.Dense(1)])
                model.compile(optimizer="adam", loss="mse")
                return model
        """,
        "trainer.py": """\
            def train(model, flow, n, batch_size):
                return model.fit_generator(flow, steps_per_epoch=n / batch_size, epochs=3)  # expect: RL501, RL202
        """,
        "train.py": """\
            import numpy as np

            from models import build
            from trainer import train


            def flow(bs):
                while True:
                    yield np.random.rand(bs, 3), np.random.rand(bs, 1)


            train(build(), flow(16), 1000, 16)
        """,
    }, None),
    ("RL202-RL501-valid-trainer-and-models-modules", {
        "models.py": """\
            import keras


            def build():
                model = keras.Sequential([keras.Input((3,)), keras.layers.Dense(1)])
                model.compile(optimizer="adam", loss="mse")
                return model
        """,
        "trainer.py": """\
            def train(model, flow, n, batch_size):
                return model.fit(flow, steps_per_epoch=n // batch_size, epochs=3)
        """,
        "train.py": """\
            import numpy as np

            from models import build
            from trainer import train


            def flow(bs):
                while True:
                    yield np.random.rand(bs, 3), np.random.rand(bs, 1)


            train(build(), flow(16), 1000, 16)
        """,
    }, None),
    # a wrapper class of another module builds `self.model` and fits it in its own `fit(x, y)`; the
    # script compiles `fc.model` and hands its raw targets to `fc.fit`
    ("RL102-wrapper-fit-method", {
        "puller.py": """\
            from keras.layers import Dense, LSTM
            from keras.models import Sequential


            class Forecaster(object):
                def __init__(self, input_shape):
                    self.input_shape = input_shape
                    self.model = None

                def build_model(self):
                    self.model = Sequential()
                    self.model.add(LSTM(16, input_shape=self.input_shape))
                    self.model.add(Dense(1, activation="sigmoid"))  # expect: RL102

                def fit(self, x, y, **kwargs):
                    self.model.fit(x, y, **kwargs)
        """,
        "train.py": """\
            import numpy as np

            from puller import Forecaster

            x = np.random.rand(64, 10, 3)
            prices = 100.0 + 20.0 * np.random.randn(64, 1)

            fc = Forecaster(input_shape=(10, 3))
            fc.build_model()
            fc.model.compile(loss="mse", optimizer="adam")
            fc.fit(x, prices, epochs=2)
        """,
    }, None),
    # the same wrapper fitted on min-max scaled targets, and one whose fit scales them itself
    ("RL102-valid-wrapper-fit-method-scaled-targets", {
        "puller.py": """\
            from keras.layers import Dense, LSTM
            from keras.models import Sequential
            from sklearn.preprocessing import MinMaxScaler


            class Forecaster(object):
                def __init__(self, input_shape):
                    self.input_shape = input_shape
                    self.model = None

                def build_model(self):
                    self.model = Sequential()
                    self.model.add(LSTM(16, input_shape=self.input_shape))
                    self.model.add(Dense(1, activation="sigmoid"))

                def fit(self, x, y, **kwargs):
                    self.model.fit(x, y, **kwargs)

                def fit_scaled(self, x, y):
                    y = MinMaxScaler().fit_transform(y)
                    self.model.fit(x, y)
        """,
        "train.py": """\
            import numpy as np
            from sklearn.preprocessing import MinMaxScaler

            from puller import Forecaster

            x = np.random.rand(64, 10, 3)
            prices = 100.0 + 20.0 * np.random.randn(64, 1)
            scaled = MinMaxScaler().fit_transform(prices)

            fc = Forecaster(input_shape=(10, 3))
            fc.build_model()
            fc.model.compile(loss="mse", optimizer="adam")
            fc.fit(x, scaled, epochs=2)
        """,
        "train_raw.py": """\
            import numpy as np

            from puller import Forecaster

            x = np.random.rand(64, 10, 3)
            prices = 100.0 + 20.0 * np.random.randn(64, 1)

            fc = Forecaster(input_shape=(10, 3))
            fc.build_model()
            fc.model.compile(loss="mse", optimizer="adam")
            fc.fit_scaled(x, prices)
        """,
    }, None),
    # RL501: the trainer imports no Keras and calls fit_generator on the model it is given
    ("RL501-trainer-without-keras", {
        "trainer.py": """\
            def run(model, batches, n_batches, epochs=10):
                history = model.fit_generator(batches, steps_per_epoch=n_batches,  # expect: RL501
                                              epochs=epochs)
                return history
        """,
        "main.py": """\
            import numpy as np
            from tensorflow import keras

            from trainer import run


            def batches():
                while True:
                    yield np.random.rand(32, 4), np.random.rand(32, 1)


            model = keras.Sequential([keras.Input((4,)), keras.layers.Dense(1)])
            model.compile(optimizer="adam", loss="mse")
            run(model, batches(), 100)
        """,
    }, None),
    # a wrapper class of another module with its own fit_generator is not Keras
    ("RL501-valid-wrapper-module", {
        "wrappers.py": """\
            class Trainer:
                def __init__(self, model):
                    self.net = model

                def fit_generator(self, batches, steps):
                    for _, (x, y) in zip(range(steps), batches):
                        self.net.train_on_batch(x, y)
        """,
        "main.py": """\
            import numpy as np
            from tensorflow import keras

            from wrappers import Trainer


            def batches():
                while True:
                    yield np.random.rand(32, 4), np.random.rand(32, 1)


            model = keras.Sequential([keras.Input((4,)), keras.layers.Dense(1)])
            model.compile(optimizer="adam", loss="mse")
            Trainer(model).fit_generator(batches(), 100)
        """,
    }, None),
    # ... nor when a test reaches that wrapper through a fixture (a parameter of unknown type) while
    # the module it imports defines a fit_generator of its own
    ("RL501-valid-wrapper-through-a-fixture", {
        "ganlib/__init__.py": """\
            from .model import Gan
        """,
        "ganlib/model.py": """\
            class Gan(object):
                def __init__(self, generator, discriminator):
                    self.generator = generator
                    self.discriminator = discriminator

                def fit_generator(self, d_batches, g_batches, steps):
                    for _ in range(steps):
                        self.discriminator.train_on_batch(*next(d_batches))
                        self.generator.train_on_batch(*next(g_batches))
        """,
        "tests/test_gan.py": """\
            import keras
            import pytest

            from ganlib import Gan


            @pytest.fixture
            def trainable_gan():
                gen = keras.Sequential([keras.Input((4,)), keras.layers.Dense(8)])
                disc = keras.Sequential([keras.Input((8,)), keras.layers.Dense(1, activation="sigmoid")])
                return Gan(gen, disc), None, None


            def test_fit(trainable_gan):
                gan, d_batches, g_batches = trainable_gan
                gan.fit_generator(d_batches, g_batches, 10)
        """,
    }, None),
    # ... nor when a factory of the package builds it and a star import re-exports its class
    ("RL501-valid-wrapper-from-a-factory", {
        "pkg/__init__.py": """\
            from .wrapper import *
            from .factory import *
        """,
        "pkg/wrapper.py": """\
            from tensorflow import keras


            class Trainer:
                def __init__(self, steps):
                    self.steps = steps
                    self.net = keras.Sequential([keras.Input((3,)), keras.layers.Dense(1)])

                def fit_generator(self, batches):
                    return self.net.fit(batches, steps_per_epoch=self.steps)

                def evaluate_generator(self, batches):
                    return self.net.evaluate(batches, steps=self.steps)
        """,
        "pkg/factory.py": """\
            from pkg import Trainer


            class Factory:
                @staticmethod
                def make(name):
                    return Trainer(5)
        """,
        "main.py": """\
            from pkg import Factory

            t = Factory.make("a")
            t.fit_generator(None)
            t.evaluate_generator(None)
        """,
    }, None),
    # ... nor when a runner module is handed that wrapper (a parameter, never imported there) while
    # a module of the project defines a fit_generator of its own
    ("RL501-valid-wrapper-handed-to-a-runner", {
        "pkg/__init__.py": "",
        "pkg/manager.py": """\
            class ModelManager:
                def __init__(self, model):
                    self.model = model

                def fit_generator(self, generator, epochs):
                    return self.model.fit(generator, epochs=epochs)
        """,
        "pkg/seqs.py": """\
            from tensorflow.keras.utils import Sequence


            class Batches(Sequence):
                def __len__(self):
                    return 1

                def __getitem__(self, i):
                    return None
        """,
        "pkg/runner.py": """\
            from pkg.seqs import Batches


            class Runner:
                def __init__(self, model_manager):
                    self.model_manager = model_manager

                def run(self):
                    self.model_manager.fit_generator(Batches(), epochs=3)
        """,
    }, None),
    # RL502 / RL505: an optimizer factory module, used by the training script (reported once, in
    # the factory, though both files are linted and the script's analysis runs the factory)
    ("RL502-RL505-optimizer-factory", {
        "optim.py": """\
            from tensorflow.keras.optimizers import SGD


            def make_optimizer(lr=0.01, decay=1e-6):
                return SGD(lr=lr,  # expect: RL502
                           momentum=0.9, decay=decay)  # expect: RL505
        """,
        "train.py": """\
            import numpy as np
            from tensorflow import keras

            from optim import make_optimizer

            model = keras.Sequential([keras.Input((4,)), keras.layers.Dense(1)])
            model.compile(optimizer=make_optimizer(0.05), loss="mse")
            model.fit(np.load("x.npy"), np.load("y.npy"))
        """,
    }, None),
    ("RL502-RL505-valid-optimizer-factory", {
        "optim.py": """\
            from tensorflow.keras.optimizers import SGD


            def make_optimizer(lr=0.01, weight_decay=1e-6):
                return SGD(learning_rate=lr, momentum=0.9, weight_decay=weight_decay)
        """,
        "train.py": """\
            import numpy as np
            from tensorflow import keras

            from optim import make_optimizer

            model = keras.Sequential([keras.Input((4,)), keras.layers.Dense(1)])
            model.compile(optimizer=make_optimizer(0.05), loss="mse")
            model.fit(np.load("x.npy"), np.load("y.npy"))
        """,
    }, None),
    # RL502: the optimizer class arrives through a star import of a common-imports module
    ("RL502-star-import", {
        "common.py": """\
            import numpy as np
            from keras.layers import Dense, Input
            from keras.models import Sequential
            from keras.optimizers import Adam
        """,
        "train.py": """\
            from common import *

            LR = 3e-4
            model = Sequential([Input((4,)), Dense(1)])
            model.compile(optimizer=Adam(lr=LR), loss="mse")  # expect: RL502
            model.fit(np.load("x.npy"), np.load("y.npy"))
        """,
    }, None),
    # RL503: a private import in the common-imports module is reported there, once
    ("RL503-star-import", {
        "common.py": """\
            import numpy as np
            from keras.layers.core import Dense  # expect: RL503
            from keras.models import Sequential
        """,
        "train.py": """\
            from common import *

            model = Sequential([Dense(1, input_dim=4)])
            model.compile(optimizer="adam", loss="mse")
            model.fit(np.load("x.npy"), np.load("y.npy"))
        """,
    }, None),
    # a project module named like a Keras internal is not one
    ("RL503-valid-project-np-utils", {
        "utils/__init__.py": "",
        "utils/np_utils.py": """\
            import numpy as np


            def to_categorical(y, n):
                return np.eye(n)[y]
        """,
        "train.py": """\
            import numpy as np
            from keras.layers import Dense, Input
            from keras.models import Sequential

            from utils.np_utils import to_categorical

            model = Sequential([Input((4,)), Dense(3, activation="softmax")])
            model.compile(optimizer="adam", loss="categorical_crossentropy")
            model.fit(np.load("x.npy"), to_categorical(np.load("y.npy"), 3))
        """,
    }, None),
    # RL504: the Keras 1 keyword in a trainer that imports no Keras
    ("RL504-trainer-without-keras", {
        "trainer.py": """\
            def train(model, x, y, epochs=10):
                return model.fit(x, y, nb_epoch=epochs,  # expect: RL504
                                 batch_size=32)
        """,
        "main.py": """\
            import numpy as np
            from keras.layers import Dense, Input
            from keras.models import Sequential

            from trainer import train

            model = Sequential([Input((4,)), Dense(1)])
            model.compile(optimizer="adam", loss="mse")
            train(model, np.load("x.npy"), np.load("y.npy"))
        """,
    }, None),
    ("RL504-valid-trainer-without-keras", {
        "trainer.py": """\
            from sklearn.cluster import KMeans


            def train(model, x, y, epochs=10):
                KMeans(n_clusters=3, init="k-means++").fit(x)
                return model.fit(x, y, epochs=epochs, batch_size=32)
        """,
        "main.py": """\
            import numpy as np
            from keras.layers import Dense, Input
            from keras.models import Sequential

            from trainer import train

            model = Sequential([Input((4,)), Dense(1)])
            model.compile(optimizer="adam", loss="mse")
            train(model, np.load("x.npy"), np.load("y.npy"))
        """,
    }, None),
    # RL504: a layer block of a package (relative import) with a Keras 1 keyword
    ("RL504-relative-block", {
        "net/__init__.py": "",
        "net/blocks.py": """\
            from keras.layers import Conv2D


            def conv_block(x, filters):
                return Conv2D(filters, (3, 3), border_mode="same")(x)  # expect: RL504
        """,
        "net/model.py": """\
            from keras import Input, Model
            from keras.layers import Dense, Flatten

            from .blocks import conv_block

            inputs = Input((32, 32, 3))
            model = Model(inputs, Dense(10, activation="softmax")(Flatten()(conv_block(inputs, 16))))
            model.compile(optimizer="adam", loss="categorical_crossentropy")
        """,
    }, None),
    # RL506: an evaluation module without Keras calls predict_classes on the model it is given
    ("RL506-evaluation-without-keras", {
        "evaluation.py": """\
            import numpy as np


            def accuracy(model, x, labels):
                predicted = model.predict_classes(x)  # expect: RL506
                return np.mean(predicted == labels)
        """,
        "main.py": """\
            import numpy as np
            from keras.layers import Dense, Input
            from keras.models import Sequential

            from evaluation import accuracy

            model = Sequential([Input((4,)), Dense(3, activation="softmax")])
            model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
            model.fit(np.load("x.npy"), np.load("y.npy"))
            print(accuracy(model, np.load("x_test.npy"), np.load("y_test.npy")))
        """,
    }, None),
    ("RL506-valid-evaluation-sklearn", {
        "evaluation.py": """\
            import numpy as np


            def auc_input(model, x):
                return model.predict_proba(x)[:, 1]
        """,
        "main.py": """\
            import numpy as np
            from sklearn.linear_model import LogisticRegression

            from evaluation import auc_input

            baseline = LogisticRegression().fit(np.load("x.npy"), np.load("y.npy"))
            print(auc_input(baseline, np.load("x_test.npy")))
        """,
    }, None),
    # A builder taking the metric / the head's activation as a parameter: the literal a script hands
    # it is the mistake (another script calls the same builder correctly), reported where written.
    ("RL101-RL102-builder-parameters-written-by-the-caller", {
        "nets.py": """\
            from keras.layers import Dense, LSTM
            from keras.models import Sequential


            def forecaster(window, metric, head="linear"):
                model = Sequential()
                model.add(LSTM(16, input_shape=(window, 1)))
                model.add(Dense(window, activation=head))
                model.compile(optimizer="adam", loss="mean_squared_error", metrics=[metric])
                return model
        """,
        "train_bad.py": """\
            import numpy as np

            from nets import forecaster

            series = np.random.rand(300, 12, 1) * 40 - 20
            model = forecaster(12, metric="accuracy",  # expect: RL101
                               head="sigmoid")  # expect: RL102
            model.fit(series, series.reshape(300, 12), epochs=2)
        """,
        "train_good.py": """\
            import numpy as np

            from nets import forecaster

            series = np.random.rand(300, 12, 1) * 40 - 20
            model = forecaster(12, metric="mae")
            model.fit(series, series.reshape(300, 12), epochs=2)
        """,
    }, None),
    # A folder without __init__.py (a namespace package): the builder compiles, the script beside
    # the folder fits it on targets it scaled (RL102's exemption read in the importer), or did not
    ("RL102-valid-namespace-package-importer-scales", {
        "models/net.py": """\
            from tensorflow import keras


            def build(n):
                model = keras.Sequential([keras.layers.Dense(32, activation="relu", input_shape=(n,)),
                                          keras.layers.Dense(1, activation="sigmoid")])
                model.compile(loss="mse", optimizer="adam")
                return model
        """,
        "main.py": """\
            import pandas as pd
            from sklearn.preprocessing import MinMaxScaler

            from models.net import build

            df = pd.read_csv("prices.csv")
            y = MinMaxScaler().fit_transform(df[["price"]].values)
            build(2).fit(df[["a", "b"]].values, y, epochs=5)
        """,
    }, None),
    ("RL102-namespace-package-importer-raw-targets", {
        "models/net.py": """\
            from tensorflow import keras


            def build(n):
                model = keras.Sequential([keras.layers.Dense(32, activation="relu", input_shape=(n,)),
                                          keras.layers.Dense(1, activation="sigmoid")])  # expect: RL102
                model.compile(loss="mse", optimizer="adam")
                return model
        """,
        "main.py": """\
            import pandas as pd

            from models.net import build

            df = pd.read_csv("prices.csv")
            build(2).fit(df[["a", "b"]].values, df["price"].values * 1000.0, epochs=5)
        """,
    }, None),
    # A builder four folders down a package (pkg.age.models.net): the script at the top fits it on
    # ages it divided by their maximum (vovaekb/age_prediction_cnn@0088aea33ab2's shape), or raw
    ("RL102-valid-deep-package-importer-scales", {
        "pkg/__init__.py": "", "pkg/age/__init__.py": "", "pkg/age/models/__init__.py": "",
        "pkg/age/models/net.py": """\
            from tensorflow import keras


            def build():
                model = keras.Sequential([keras.layers.Dense(32, activation="relu", input_shape=(4,)),
                                          keras.layers.Dense(1, activation="sigmoid")])
                model.compile(loss="mse", optimizer="adam")
                return model
        """,
        "train.py": """\
            import numpy as np

            from pkg.age.models.net import build

            ages = np.load("ages.npy")
            build().fit(np.load("faces.npy"), ages / ages.max(), epochs=5)
        """,
    }, None),
    ("RL102-deep-package-importer-raw-targets", {
        "pkg/__init__.py": "", "pkg/age/__init__.py": "", "pkg/age/models/__init__.py": "",
        "pkg/age/models/net.py": """\
            from tensorflow import keras


            def build():
                model = keras.Sequential([keras.layers.Dense(32, activation="relu", input_shape=(4,)),
                                          keras.layers.Dense(1, activation="sigmoid")])  # expect: RL102
                model.compile(loss="mse", optimizer="adam")
                return model
        """,
        "train.py": """\
            import numpy as np

            from pkg.age.models.net import build

            build().fit(np.load("faces.npy"), np.random.uniform(1, 90, size=(64, 1)), epochs=5)
        """,
    }, None),
    # A Sequence of a data package standardises the targets in its __init__ (RL106's evidence read in
    # that module), or scales them into [0, 1]
    ("RL106-sequence-standardises-targets-in-data-package", {
        "data/__init__.py": "from .sequence import Batches\n",
        "data/sequence.py": """\
            import math

            from sklearn.preprocessing import StandardScaler
            from tensorflow.keras.utils import Sequence


            class Batches(Sequence):
                def __init__(self, x, y, batch_size=32):
                    self.x = x
                    self.scaler = StandardScaler()
                    self.y = self.scaler.fit_transform(y.reshape(-1, 1))
                    self.batch_size = batch_size

                def __len__(self):
                    return math.ceil(len(self.x) / self.batch_size)

                def __getitem__(self, i):
                    s = slice(i * self.batch_size, (i + 1) * self.batch_size)
                    return self.x[s], self.y[s]
        """,
        "model.py": """\
            from tensorflow.keras import Sequential
            from tensorflow.keras.layers import Dense


            def regressor(n):
                return Sequential([Dense(64, activation="relu", input_shape=(n,)),
                                   Dense(1, activation="softplus")])  # expect: RL106
        """,
        "train.py": """\
            import numpy as np

            from data import Batches
            from model import regressor

            x, y = np.load("x.npy"), np.load("y.npy")
            model = regressor(x.shape[1])
            model.compile(optimizer="adam", loss="mse")
            model.fit(Batches(x, y), epochs=10)
        """,
    }, None),
    ("RL106-valid-sequence-minmax-targets-in-data-package", {
        "data/__init__.py": "from .sequence import Batches\n",
        "data/sequence.py": """\
            import math

            from sklearn.preprocessing import MinMaxScaler
            from tensorflow.keras.utils import Sequence


            class Batches(Sequence):
                def __init__(self, x, y, batch_size=32):
                    self.x = x
                    self.scaler = MinMaxScaler()
                    self.y = self.scaler.fit_transform(y.reshape(-1, 1))
                    self.batch_size = batch_size

                def __len__(self):
                    return math.ceil(len(self.x) / self.batch_size)

                def __getitem__(self, i):
                    s = slice(i * self.batch_size, (i + 1) * self.batch_size)
                    return self.x[s], self.y[s]
        """,
        "model.py": """\
            from tensorflow.keras import Sequential
            from tensorflow.keras.layers import Dense


            def regressor(n):
                return Sequential([Dense(64, activation="relu", input_shape=(n,)),
                                   Dense(1, activation="softplus")])
        """,
        "train.py": """\
            import numpy as np

            from data import Batches
            from model import regressor

            x, y = np.load("x.npy"), np.load("y.npy")
            model = regressor(x.shape[1])
            model.compile(optimizer="adam", loss="mse")
            model.fit(Batches(x, y), epochs=10)
        """,
    }, None),
    # RL301 over images: the one label per sample is shown by the data module's function the
    # script unpacks (to_categorical of class ids), or the model flattens
    ("RL301-labels-one-hot-in-data-module", {
        "data.py": """\
            import numpy as np
            from keras.utils import to_categorical


            def load():
                x = np.load("signs.npy")[..., None]
                labels = np.load("sign_classes.npy")
                return x, to_categorical(labels, 5)
        """,
        "models.py": """\
            from keras.layers import Conv2D, Dense, Dropout, Flatten, MaxPooling2D
            from keras.models import Sequential


            def build(size, n_classes):
                m = Sequential()
                m.add(Conv2D(32, 3, activation="relu", input_shape=(size, size, 1)))
                m.add(MaxPooling2D(2))
                m.add(Dropout(0.2))
                m.add(Dense(64, activation="relu"))  # expect: RL301
                m.add(Dense(n_classes, activation="softmax"))
                return m
        """,
        "train.py": """\
            from data import load
            from models import build

            x, y = load()
            m = build(x.shape[1], 5)
            m.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])
            m.fit(x, y, epochs=10)
        """,
    }, None),
    ("RL301-valid-labels-one-hot-in-data-module-flattened", {
        "data.py": """\
            import numpy as np
            from keras.utils import to_categorical


            def load():
                x = np.load("signs.npy")[..., None]
                labels = np.load("sign_classes.npy")
                return x, to_categorical(labels, 5)
        """,
        "models.py": """\
            from keras.layers import Conv2D, Dense, Dropout, Flatten, MaxPooling2D
            from keras.models import Sequential


            def build(size, n_classes):
                m = Sequential()
                m.add(Conv2D(32, 3, activation="relu", input_shape=(size, size, 1)))
                m.add(MaxPooling2D(2))
                m.add(Flatten())
                m.add(Dropout(0.2))
                m.add(Dense(64, activation="relu"))
                m.add(Dense(n_classes, activation="softmax"))
                return m
        """,
        "train.py": """\
            from data import load
            from models import build

            x, y = load()
            m = build(x.shape[1], 5)
            m.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])
            m.fit(x, y, epochs=10)
        """,
    }, None),
    # tanh on targets a data class standardises in a setup() method and returns from another
    ("RL102-tanh-datamodule-setup-standardises", {
        "datamodule.py": """\
            import numpy as np
            from sklearn.preprocessing import StandardScaler


            class DataModule:
                def __init__(self, path):
                    self.path = path
                    self.scaler = StandardScaler()

                def setup(self):
                    d = np.load(self.path)
                    self.x = d["x"]
                    self.y = self.scaler.fit_transform(d["y"].reshape(-1, 1))

                def train_data(self):
                    return self.x, self.y
        """,
        "network.py": """\
            import tensorflow as tf


            class Net(tf.keras.Model):
                def __init__(self):
                    super().__init__()
                    self.d1 = tf.keras.layers.Dense(64, activation="relu")
                    self.head = tf.keras.layers.Dense(1, activation="tanh")  # expect: RL102

                def call(self, x):
                    return self.head(self.d1(x))
        """,
        "main.py": """\
            from datamodule import DataModule
            from network import Net

            dm = DataModule("load.npz")
            dm.setup()
            x, y = dm.train_data()
            net = Net()
            net.compile(optimizer="adam", loss="mse")
            net.fit(x, y, epochs=20)
        """,
    }, None),
    ("RL102-valid-tanh-datamodule-setup-scales-to-pm1", {
        "datamodule.py": """\
            import numpy as np
            from sklearn.preprocessing import MinMaxScaler


            class DataModule:
                def __init__(self, path):
                    self.path = path
                    self.scaler = MinMaxScaler(feature_range=(-1, 1))

                def setup(self):
                    d = np.load(self.path)
                    self.x = d["x"]
                    self.y = self.scaler.fit_transform(d["y"].reshape(-1, 1))

                def train_data(self):
                    return self.x, self.y
        """,
        "network.py": """\
            import tensorflow as tf


            class Net(tf.keras.Model):
                def __init__(self):
                    super().__init__()
                    self.d1 = tf.keras.layers.Dense(64, activation="relu")
                    self.head = tf.keras.layers.Dense(1, activation="tanh")

                def call(self, x):
                    return self.head(self.d1(x))
        """,
        "main.py": """\
            from datamodule import DataModule
            from network import Net

            dm = DataModule("load.npz")
            dm.setup()
            x, y = dm.train_data()
            net = Net()
            net.compile(optimizer="adam", loss="mse")
            net.fit(x, y, epochs=20)
        """,
    }, None),
    # `self.model` set in a subclass in one module, compiled by its base class's method in another,
    # the script only constructing it and handing it data (the base's loss default is the script's)
    ("RL101-trainer-base-compiles-subclass-model", {
        "trainer.py": """\
            from keras.callbacks import EarlyStopping


            class Trainer:
                def __init__(self, loss="mse", epochs=50):
                    self.loss = loss
                    self.epochs = epochs
                    self.model = None

                def train(self, x, y):
                    self.model.compile(optimizer="adam", loss=self.loss, metrics=["accuracy"])  # expect: RL101
                    return self.model.fit(x, y, epochs=self.epochs, validation_split=0.2,
                                          callbacks=[EarlyStopping(patience=5)])
        """,
        "regressors.py": """\
            from keras.layers import Dense
            from keras.models import Sequential

            from trainer import Trainer


            class MLPTrainer(Trainer):
                def __init__(self, n_in, **kw):
                    super().__init__(**kw)
                    self.model = Sequential([Dense(32, activation="relu", input_dim=n_in), Dense(1)])
        """,
        "main.py": """\
            import numpy as np

            from regressors import MLPTrainer

            x, y = np.load("x.npy"), np.load("rent.npy")
            MLPTrainer(x.shape[1], epochs=80).train(x, y)
        """,
    }, None),
    ("RL101-valid-trainer-base-compiles-subclass-classifier", {
        "trainer.py": """\
            from keras.callbacks import EarlyStopping


            class Trainer:
                def __init__(self, loss="binary_crossentropy", epochs=50):
                    self.loss = loss
                    self.epochs = epochs
                    self.model = None

                def train(self, x, y):
                    self.model.compile(optimizer="adam", loss=self.loss, metrics=["accuracy"])
                    return self.model.fit(x, y, epochs=self.epochs, validation_split=0.2,
                                          callbacks=[EarlyStopping(patience=5)])
        """,
        "regressors.py": """\
            from keras.layers import Dense
            from keras.models import Sequential

            from trainer import Trainer


            class MLPTrainer(Trainer):
                def __init__(self, n_in, **kw):
                    super().__init__(**kw)
                    self.model = Sequential([Dense(32, activation="relu", input_dim=n_in), Dense(1, activation="sigmoid")])
        """,
        "main.py": """\
            import numpy as np

            from regressors import MLPTrainer

            x, y = np.load("x.npy"), np.load("churn.npy")
            MLPTrainer(x.shape[1], epochs=80).train(x, y)
        """,
    }, None),
    # A script importing its sibling by bare name in a folder with __init__.py under a project root
    # (run as `python exp/train.py`): the sibling is read; the builder alone is no RL301 (its
    # importer's categorical loss makes it a per-token tagger)
    ("RL104-sibling-script-import-in-package-folder", {
        "exp/__init__.py": "",
        "exp/builder.py": """\
            import keras


            def create_model(vocab, d):
                inp = keras.Input(shape=(None,), dtype="int32")
                x = keras.layers.Embedding(vocab, d)(inp)
                x = keras.layers.LSTM(d, return_sequences=True)(x)
                return keras.Model(inp, keras.layers.Dense(vocab)(x))
        """,
        "exp/train.py": """\
            import numpy as np

            from builder import create_model

            model = create_model(20, 16)
            model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")  # expect: RL104
            model.fit(np.random.randint(0, 20, (64, 10)), np.random.randint(0, 20, (64, 10)), epochs=1)
        """,
    }, None),
    ("RL104-valid-sibling-script-import-from-logits", {
        "exp/__init__.py": "",
        "exp/builder.py": """\
            import keras


            def create_model(vocab, d):
                inp = keras.Input(shape=(None,), dtype="int32")
                x = keras.layers.Embedding(vocab, d)(inp)
                x = keras.layers.LSTM(d, return_sequences=True)(x)
                return keras.Model(inp, keras.layers.Dense(vocab)(x))
        """,
        "exp/train.py": """\
            import keras
            import numpy as np

            from builder import create_model

            model = create_model(20, 16)
            model.compile(optimizer="adam", loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True))
            model.fit(np.random.randint(0, 20, (64, 10)), np.random.randint(0, 20, (64, 10)), epochs=1)
        """,
    }, None),
    # The look-alike of the trainer case: the class builds, compiles and fits on labels of its own
    # (a stratified split shows them), the script only hands it a setting: no finding from the script
    # (filippo-baglini/ml-project's MONK classifier shape)
    ("RL102-valid-class-trains-on-its-own-labels", {
        "pkg/__init__.py": "",
        "pkg/monk.py": """\
            import keras
            import numpy as np
            from keras import layers
            from sklearn.model_selection import StratifiedKFold


            class MonkModel:
                def __init__(self, path):
                    data = np.loadtxt(path, dtype=int)
                    self.X, self.y = data[:, 1:], data[:, :1]

                def train(self, epochs):
                    X, y = self.X, self.y
                    for tr, va in StratifiedKFold(n_splits=4).split(X, y):
                        model = keras.Sequential([layers.Input(shape=(6,)), layers.Dense(6, activation="relu"),
                                                  layers.Dense(1, activation="sigmoid")])
                        model.compile(loss="mse", metrics=["accuracy"], optimizer="sgd")
                        model.fit(X[tr], y[tr], epochs=epochs)
        """,
        "main.py": """\
            from pkg.monk import MonkModel

            n_epochs = 300
            m = MonkModel("monks-1.train")
            m.train(n_epochs)
        """,
    }, None),
    # RL302: a builder's linear stack the script uses as a part of a siamese model (the Lambda on
    # the two branches is the nonlinearity; ascourge21/Siamese@5e221836900d), or fits by itself
    ("RL302-valid-builder-model-nested-by-the-script", {
        "pkg/__init__.py": "",
        "pkg/funcs.py": """\
            from keras.layers import Dense, Dropout
            from keras.models import Sequential


            def create_base_network(input_d, sizes):
                seq = Sequential()
                for i in range(len(sizes)):
                    if i == 0:
                        seq.add(Dense(sizes[i], input_shape=(input_d,), activation="linear"))
                    else:
                        seq.add(Dense(sizes[i], activation="linear"))
                    seq.add(Dropout(0.2))
                return seq
        """,
        "train.py": """\
            import numpy as np
            from keras import ops
            from keras.layers import Input, Lambda
            from keras.models import Model

            from pkg.funcs import create_base_network

            x = np.random.rand(100, 2, 8)
            inp_a, inp_b = Input(shape=(8,)), Input(shape=(8,))
            base = create_base_network(8, [32, 16])
            a, b = base(inp_a), base(inp_b)
            dist = Lambda(lambda t: ops.sqrt(ops.sum(ops.square(t[0] - t[1]), axis=1, keepdims=True)))([a, b])
            model = Model([inp_a, inp_b], dist)
            model.compile(loss="mse", optimizer="adam")
            model.fit([x[:, 0], x[:, 1]], np.random.randint(0, 2, 100), epochs=1)
        """,
    }, None),
    ("RL302-builder-model-fitted-by-the-script", {
        "pkg/__init__.py": "",
        "pkg/funcs.py": """\
            from keras.layers import Dense, Dropout
            from keras.models import Sequential


            def create_base_network(input_d, sizes):
                seq = Sequential()
                for i in range(len(sizes)):
                    if i == 0:
                        seq.add(Dense(sizes[i], input_shape=(input_d,), activation="linear"))  # expect: RL302
                    else:
                        seq.add(Dense(sizes[i], activation="linear"))
                    seq.add(Dropout(0.2))
                return seq
        """,
        "train.py": """\
            import numpy as np

            from pkg.funcs import create_base_network

            model = create_base_network(8, [32, 16, 1])
            model.compile(loss="mse", optimizer="adam")
            model.fit(np.random.rand(100, 8), np.random.rand(100), epochs=1)
        """,
    }, None),
    # A registry reached through its package's re-export: `from zoo import get_model` reads
    # registry.py at the script's depth, so the nets it maps names to are read too
    ("RL102-package-reexport-registry", {
        "zoo/__init__.py": "from .registry import get_model\n",
        "zoo/registry.py": """\
            from .nets import build_classifier, build_regressor

            MODELS = {"reg": build_regressor, "cls": build_classifier}


            def get_model(name, **kw):
                return MODELS[name](**kw)
        """,
        "zoo/nets.py": """\
            from tensorflow import keras


            def build_regressor(n_features=8):
                return keras.Sequential([keras.layers.Dense(64, activation="relu", input_shape=(n_features,)),
                                         keras.layers.Dense(1, activation="sigmoid")])  # expect: RL102


            def build_classifier(n_features=8):
                return keras.Sequential([keras.layers.Dense(10, activation="softmax", input_shape=(n_features,))])
        """,
        "train.py": """\
            import numpy as np

            from zoo import get_model

            model = get_model("reg")
            model.compile(optimizer="adam", loss="mse")
            model.fit(np.random.rand(100, 8), np.random.rand(100) * 300.0, epochs=5)
        """,
    }, None),
    ("RL102-valid-package-reexport-registry", {
        "zoo/__init__.py": "from .registry import get_model\n",
        "zoo/registry.py": """\
            from .nets import build_classifier, build_regressor

            MODELS = {"reg": build_regressor, "cls": build_classifier}


            def get_model(name, **kw):
                return MODELS[name](**kw)
        """,
        "zoo/nets.py": """\
            from tensorflow import keras


            def build_regressor(n_features=8):
                return keras.Sequential([keras.layers.Dense(64, activation="relu", input_shape=(n_features,)),
                                         keras.layers.Dense(1)])


            def build_classifier(n_features=8):
                return keras.Sequential([keras.layers.Dense(1, activation="sigmoid", input_shape=(n_features,))])
        """,
        "train.py": """\
            import numpy as np

            from zoo import get_model

            model = get_model("reg")
            model.compile(optimizer="adam", loss="mse")
            model.fit(np.random.rand(100, 8), np.random.rand(100) * 300.0, epochs=5)
        """,
    }, None),
    # A subclass in the script keeps its base's call; the head's activation reaches the base's
    # __init__ through **kwargs (reported at the literal the script passes)
    ("RL102-subclass-kwargs-to-base-in-models", {
        "models.py": """\
            import tensorflow as tf


            class Base(tf.keras.Model):
                def __init__(self, out_activation=None, **kwargs):
                    super().__init__(**kwargs)
                    self.h = tf.keras.layers.Dense(64, activation="relu")
                    self.o = tf.keras.layers.Dense(1, activation=out_activation)

                def call(self, x):
                    return self.o(self.h(x))
        """,
        "train.py": """\
            import numpy as np

            from models import Base


            class Regressor(Base):
                def __init__(self, **kwargs):
                    super().__init__(**kwargs)


            model = Regressor(out_activation="sigmoid", name="reg")  # expect: RL102
            model.compile(optimizer="adam", loss="mse")
            model.fit(np.load("x.npy"), np.load("house_prices.npy"), epochs=5)
        """,
    }, None),
    # A two-class head trained with squared error on one-hot pairs the script builds from
    # comparisons, `int(s >= 1.0)` per element (No1rek/my_old_projects): labels, accuracy is meaningful
    ("RL101-int-comparison-pairs-are-labels", {
        "nets.py": """\
            from keras.models import Sequential
            from keras.layers import Dense


            def make_net(width):
                net = Sequential()
                net.add(Dense(24, input_dim=width, activation="relu"))
                net.add(Dense(2, activation="tanh"))
                net.compile(loss="mean_squared_error", optimizer="sgd", metrics=["accuracy"])
                return net
        """,
        "train.py": """\
            import numpy as np

            from nets import make_net

            score = np.random.rand(300) * 2.0
            feats = np.random.rand(300, 10)
            labels = np.array([[int(s >= 1.0), int(s < 1.0)] for s in score])

            net = make_net(10)
            net.fit(feats, labels, epochs=3)
        """,
    }, None),
    ("RL101-int-comparison-pairs-from-a-lambda-are-labels", {
        "nets.py": """\
            from keras.models import Sequential
            from keras.layers import Dense


            def make_net(width):
                net = Sequential()
                net.add(Dense(24, input_dim=width, activation="relu"))
                net.add(Dense(2, activation="tanh"))
                net.compile(loss="mean_squared_error", optimizer="sgd", metrics=["accuracy"])
                return net
        """,
        "train.py": """\
            import numpy as np

            from nets import make_net

            score = np.random.rand(300) * 2.0
            feats = np.random.rand(300, 10)
            onehot = lambda s: np.array([int(s >= 1.0), int(s < 1.0)])
            labels = np.array([onehot(s) for s in score])

            net = make_net(10)
            net.fit(feats, labels, epochs=3)
        """,
    }, None),
    # the look-alike: the lambda makes two continuous targets per sample
    ("RL101-pairs-from-a-lambda-of-continuous-values", {
        "nets.py": """\
            from keras.models import Sequential
            from keras.layers import Dense


            def make_net(width):
                net = Sequential()
                net.add(Dense(24, input_dim=width, activation="relu"))
                net.add(Dense(2, activation="tanh"))
                net.compile(loss="mean_squared_error", optimizer="sgd", metrics=["accuracy"])  # expect: RL101
                return net
        """,
        "train.py": """\
            import numpy as np

            from nets import make_net

            score = np.random.rand(300) * 2.0
            feats = np.random.rand(300, 10)
            pair = lambda s: np.array([s * 3.0, s - 1.0])
            targets = np.array([pair(s) for s in score])

            net = make_net(10)
            net.fit(feats, targets, epochs=3)
        """,
    }, None),
    # A per-sample RMSE of a losses module reaches compile() through a constructor default kept on
    # self, the wrapper class and the script using it in one file (Jinhao510/autoencoder-impute):
    # __init__ read where the class is defined (its parameters unknown) no longer hides what the
    # construction `Regressor(5)` hands to compile
    ("RL401-loss-default-of-a-wrapper-constructor", {
        "lossfns.py": """\
            from keras import backend as K


            def per_row_rmse(y_true, y_pred):
                return K.sqrt(K.mean(K.square(y_pred - y_true), axis=-1))  # expect: RL401
        """,
        "train.py": """\
            import numpy as np
            from keras.models import Sequential
            from keras.layers import Dense
            from lossfns import per_row_rmse


            class Regressor:
                def __init__(self, n_in, loss=per_row_rmse):
                    self._loss = loss
                    self.net = Sequential([Dense(16, activation="relu", input_shape=(n_in,)), Dense(1)])
                    self.net.compile(loss=self._loss, optimizer="adam")

                def fit(self, x, y):
                    self.net.fit(x, y, epochs=3)


            x = np.random.rand(200, 5)
            y = x.sum(axis=1) * 40.0
            Regressor(5).fit(x, y)
        """,
    }, None),
    # the look-alike: the script passes Keras' own loss, the per-sample one is never given to Keras
    ("RL401-loss-default-overridden-by-the-construction", {
        "lossfns.py": """\
            from keras import backend as K


            def per_row_rmse(y_true, y_pred):
                return K.sqrt(K.mean(K.square(y_pred - y_true), axis=-1))
        """,
        "train.py": """\
            import numpy as np
            from keras.models import Sequential
            from keras.layers import Dense
            from lossfns import per_row_rmse


            class Regressor:
                def __init__(self, n_in, loss=per_row_rmse):
                    self._loss = loss
                    self.net = Sequential([Dense(16, activation="relu", input_shape=(n_in,)), Dense(1)])
                    self.net.compile(loss=self._loss, optimizer="adam")

                def fit(self, x, y):
                    self.net.fit(x, y, epochs=3)


            x = np.random.rand(200, 5)
            y = x.sum(axis=1) * 40.0
            Regressor(5, loss="mse").fit(x, y)
        """,
    }, None),
    # keras-tuner: `search` fits the model a HyperModel of another module builds, on labels a
    # stratified split is made by (filippo-baglini/ml-project): a classifier trained with squared error
    ("RL101-RL102-keras-tuner-search-on-stratified-labels", {
        "hyper.py": """\
            import keras_tuner
            from tensorflow import keras


            class ChurnHyperModel(keras_tuner.HyperModel):
                def __init__(self, n_features):
                    self.n_features = n_features

                def build(self, hp):
                    model = keras.Sequential()
                    model.add(keras.layers.Dense(hp.Int("units", 16, 128, step=16), activation="relu",
                                                 input_shape=(self.n_features,)))
                    model.add(keras.layers.Dense(1, activation="sigmoid"))
                    model.compile(optimizer="adam", loss="mse", metrics=["accuracy"])
                    return model
        """,
        "train.py": """\
            import pandas as pd
            from kerastuner.tuners import Hyperband
            from sklearn.model_selection import StratifiedKFold

            from hyper import ChurnHyperModel

            df = pd.read_csv("churn.csv")
            x = df.drop(columns=["churned"]).values
            y = df["churned"].values

            for train_idx, val_idx in StratifiedKFold(5).split(x, y):
                tuner = Hyperband(hypermodel=ChurnHyperModel(x.shape[1]), objective="val_accuracy", max_epochs=20)
                tuner.search(x[train_idx], y[train_idx], validation_data=(x[val_idx], y[val_idx]))
        """,
    }, None),
    # the look-alike: the same search on house prices
    ("RL101-RL102-keras-tuner-search-on-prices", {
        "hyper.py": """\
            import keras_tuner
            from tensorflow import keras


            class ChurnHyperModel(keras_tuner.HyperModel):
                def __init__(self, n_features):
                    self.n_features = n_features

                def build(self, hp):
                    model = keras.Sequential()
                    model.add(keras.layers.Dense(hp.Int("units", 16, 128, step=16), activation="relu",
                                                 input_shape=(self.n_features,)))
                    model.add(keras.layers.Dense(1, activation="sigmoid"))  # expect: RL102
                    model.compile(optimizer="adam", loss="mse", metrics=["accuracy"])  # expect: RL101
                    return model
        """,
        "train.py": """\
            import pandas as pd
            from kerastuner.tuners import Hyperband

            from hyper import ChurnHyperModel

            df = pd.read_csv("houses.csv")
            x = df.drop(columns=["price"]).values
            y = df["price"].values

            tuner = Hyperband(hypermodel=ChurnHyperModel(x.shape[1]), objective="val_loss", max_epochs=20)
            tuner.search(x, y, validation_split=0.2)
        """,
    }, None),
    # an iterator class of another module whose `__next__` gives every batch the label 1 (a triplet /
    # siamese comparator, asparagus/triplet-net): labels, the comparator is a classifier
    ("RL101-iterator-next-of-a-data-module-gives-labels", {
        "models.py": """\
            from keras import layers, models


            def build_comparator(dim=16):
                a = layers.Input((dim,))
                b = layers.Input((dim,))
                h = layers.Dense(8, activation="relu")(layers.Subtract()([a, b]))
                out = layers.Dense(1, activation="sigmoid")(h)
                m = models.Model([a, b], out)
                m.compile(optimizer="sgd", loss="mean_squared_error", metrics=["accuracy"])
                return m
        """,
        "pairs.py": """\
            import numpy as np


            class PairStream:
                def __init__(self, n, dim, batch_size):
                    self.x = np.random.rand(n, dim)
                    self.batch_size = batch_size

                def __iter__(self):
                    return self

                def __next__(self):
                    i = np.random.randint(0, len(self.x), self.batch_size)
                    j = np.random.randint(0, len(self.x), self.batch_size)
                    labels = np.ones(self.batch_size)
                    return [self.x[i], self.x[j]], labels
        """,
        "train.py": """\
            from models import build_comparator
            from pairs import PairStream

            stream = PairStream(1000, 16, 32)
            model = build_comparator(16)
            model.fit(stream, steps_per_epoch=50, epochs=3)
        """,
    }, None),
    # a data module's tf.data pipeline maps the targets divided by a name holding their max: the
    # name is read in that module
    ("RL102-valid-map-of-a-data-module-divides-by-a-name-holding-the-max", {
        "models.py": """\
            import tensorflow as tf


            def build(n):
                return tf.keras.Sequential([tf.keras.Input((n,)), tf.keras.layers.Dense(1, activation="sigmoid")])
        """,
        "pipeline.py": """\
            import pandas as pd
            import tensorflow as tf


            def make_ds(csv="prices.csv"):
                df = pd.read_csv(csv)
                max_price = df["price"].max()
                ds = tf.data.Dataset.from_tensor_slices((df.drop(columns=["price"]).values, df["price"].values))
                ds = ds.map(lambda x, y: (x, y / max_price))
                return ds.batch(64)
        """,
        "train.py": """\
            from models import build
            from pipeline import make_ds

            train_ds = make_ds()
            model = build(12)
            model.compile(optimizer="adam", loss="mse")
            model.fit(train_ds, epochs=20)
        """,
    }, None),
    # the look-alike: divided by their standard deviation
    ("RL102-map-of-a-data-module-divides-by-the-std", {
        "models.py": """\
            import tensorflow as tf


            def build(n):
                return tf.keras.Sequential([tf.keras.Input((n,)), tf.keras.layers.Dense(1, activation="sigmoid")])  # expect: RL102
        """,
        "pipeline.py": """\
            import pandas as pd
            import tensorflow as tf


            def make_ds(csv="prices.csv"):
                df = pd.read_csv(csv)
                sd_price = df["price"].std()
                ds = tf.data.Dataset.from_tensor_slices((df.drop(columns=["price"]).values, df["price"].values))
                ds = ds.map(lambda x, y: (x, y / sd_price))
                return ds.batch(64)
        """,
        "train.py": """\
            from models import build
            from pipeline import make_ds

            train_ds = make_ds()
            model = build(12)
            model.compile(optimizer="adam", loss="mse")
            model.fit(train_ds, epochs=20)
        """,
    }, None),
    # a metrics module's per-sample RMSE handed to load_model through a dict comprehension bound at
    # the top level of the script
    ("RL401-custom-objects-comprehension-of-imported-functions", {
        "metrics.py": """\
            from keras import backend as K


            def rmse(y_true, y_pred):
                return K.sqrt(K.mean(K.square(y_true - y_pred), -1))  # expect: RL401


            def mae(y_true, y_pred):
                return K.mean(K.abs(y_true - y_pred), axis=-1)
        """,
        "predict.py": """\
            import numpy as np
            from keras.models import load_model

            from metrics import mae, rmse

            CUSTOM = {f.__name__: f for f in [rmse, mae]}
            model = load_model("forecaster.h5", custom_objects=CUSTOM)
            print(model.predict(np.load("X_new.npy")))
        """,
    }, None),
    # a data class scales one attribute, the features (`self.x = MinMaxScaler()…`): the targets read
    # off the same instance's CSV are not scaled by it
    ("RL102-a-scaled-attribute-does-not-scale-what-else-the-instance-holds", {
        "data.py": """\
            import pandas as pd
            from sklearn.preprocessing import MinMaxScaler


            class Data:
                def __init__(self, path):
                    self.path = path

                def load(self):
                    df = pd.read_csv(self.path)
                    self.x = MinMaxScaler().fit_transform(df[["a", "b"]].values)
                    y = df["price"].values
                    return self.x, y
        """,
        "train.py": """\
            from tensorflow import keras
            from data import Data

            x, y = Data("houses.csv").load()
            model = keras.Sequential([keras.layers.Input((2,)), keras.layers.Dense(8, activation="relu"),
                                      keras.layers.Dense(1, activation="sigmoid")])  # expect: RL102
            model.compile(optimizer="adam", loss="mse")
            model.fit(x, y, epochs=20)
        """,
    }, None),
    # the look-alike: the targets are a scaled attribute of their own
    ("RL102-valid-targets-a-scaled-attribute-of-the-data-class", {
        "data.py": """\
            import pandas as pd
            from sklearn.preprocessing import MinMaxScaler


            class Data:
                def __init__(self, path):
                    self.path = path

                def load(self):
                    df = pd.read_csv(self.path)
                    self.x = MinMaxScaler().fit_transform(df[["a", "b"]].values)
                    self.y = MinMaxScaler().fit_transform(df[["price"]].values)
                    return self.x, self.y
        """,
        "train.py": """\
            from tensorflow import keras
            from data import Data

            x, y = Data("houses.csv").load()
            model = keras.Sequential([keras.layers.Input((2,)), keras.layers.Dense(8, activation="relu"),
                                      keras.layers.Dense(1, activation="sigmoid")])
            model.compile(optimizer="adam", loss="mse")
            model.fit(x, y, epochs=20)
        """,
    }, None),
    # a data module returns its arrays in a dict: `d["y"]` is the value under "y" there, standardised
    ("RL106-targets-under-a-key-of-a-returned-dict-standardised", {
        "data.py": """\
            import pandas as pd
            from sklearn.preprocessing import StandardScaler


            def load(path="wine.csv"):
                df = pd.read_csv(path, sep=";")
                scaler = StandardScaler()
                y = scaler.fit_transform(df[["quality"]].values)
                return {"x": df.drop(columns=["quality"]).values, "y": y, "scaler": scaler}
        """,
        "models.py": """\
            from tensorflow import keras


            def build(n):
                return keras.Sequential([keras.Input((n,)), keras.layers.Dense(32, activation="relu"),
                                         keras.layers.Dense(1, activation="relu")])  # expect: RL106
        """,
        "train.py": """\
            from data import load
            from models import build

            d = load()
            model = build(d["x"].shape[1])
            model.compile(optimizer="adam", loss="mse")
            model.fit(d["x"], d["y"], epochs=10)
        """,
    }, None),
    ("RL106-valid-targets-under-a-key-of-a-returned-dict-min-max-scaled", {
        "data.py": """\
            import pandas as pd
            from sklearn.preprocessing import MinMaxScaler


            def load(path="wine.csv"):
                df = pd.read_csv(path, sep=";")
                scaler = MinMaxScaler()
                y = scaler.fit_transform(df[["quality"]].values)
                return {"x": df.drop(columns=["quality"]).values, "y": y, "scaler": scaler}
        """,
        "models.py": """\
            from tensorflow import keras


            def build(n):
                return keras.Sequential([keras.Input((n,)), keras.layers.Dense(32, activation="relu"),
                                         keras.layers.Dense(1, activation="relu")])
        """,
        "train.py": """\
            from data import load
            from models import build

            d = load()
            model = build(d["x"].shape[1])
            model.compile(optimizer="adam", loss="mse")
            model.fit(d["x"], d["y"], epochs=10)
        """,
    }, None),
    # the look-alike: its `__next__` gives distances
    ("RL101-iterator-next-of-a-data-module-gives-distances", {
        "models.py": """\
            from keras import layers, models


            def build_comparator(dim=16):
                a = layers.Input((dim,))
                b = layers.Input((dim,))
                h = layers.Dense(8, activation="relu")(layers.Subtract()([a, b]))
                out = layers.Dense(1, activation="sigmoid")(h)
                m = models.Model([a, b], out)
                m.compile(optimizer="sgd", loss="mean_squared_error", metrics=["accuracy"])  # expect: RL101
                return m
        """,
        "pairs.py": """\
            import numpy as np


            class PairStream:
                def __init__(self, n, dim, batch_size):
                    self.x = np.random.rand(n, dim)
                    self.batch_size = batch_size

                def __iter__(self):
                    return self

                def __next__(self):
                    i = np.random.randint(0, len(self.x), self.batch_size)
                    j = np.random.randint(0, len(self.x), self.batch_size)
                    labels = np.random.rand(self.batch_size) * 10.0
                    return [self.x[i], self.x[j]], labels
        """,
        "train.py": """\
            from models import build_comparator
            from pairs import PairStream

            stream = PairStream(1000, 16, 32)
            model = build_comparator(16)
            model.fit(stream, steps_per_epoch=50, epochs=3)
        """,
    }, None),
]



def _long_chain(scaled: bool) -> dict:
    """A script choosing among fifteen builder modules in an `if` chain, each imported in its arm,
    the sigmoid one last: more modules than one analysis reads (MAX_PROJECT_MODULES)."""
    files = {}
    arms = []
    for i in range(14):
        files[f"net{i}.py"] = f"""\
            from keras import layers, models


            def create_model(cells, features):
                model = models.Sequential([layers.LSTM(cells + {i}, input_shape=(1, features)), layers.Dense(1)])
                model.compile(loss="mae", optimizer="adam")
                return model
        """
        arms.append(f"""\
                {"if" if i == 0 else "elif"} kind == "net{i}":
                    import net{i}
                    model = net{i}.create_model(8, 2)
        """.rstrip(" "))
    files["bigru.py"] = f"""\
            from keras import layers, models


            def create_model(cells, features):
                model = models.Sequential()
                model.add(layers.Bidirectional(layers.GRU(cells, input_shape=(1, features))))
                model.add(layers.Dense(1, activation="sigmoid")){"" if scaled else "  # expect: RL102"}
                model.compile(loss="mae", optimizer="adam")
                return model
        """
    arms.append("""\
                elif kind == "bigru":
                    import bigru
                    model = bigru.create_model(8, 2)
        """.rstrip(" "))
    files["train.py"] = (f"""\
            import sys
            import pandas as pd
            from sklearn.preprocessing import MinMaxScaler

            raw = pd.read_csv("meter.csv")
            values = {"MinMaxScaler().fit_transform(raw.values)" if scaled else "raw.values"}
            for kind in sys.argv[1:]:
        """.rstrip(" ") + "".join(arms) + """\
                model.fit(values[:, :2].reshape(-1, 1, 2), values[:, -1], epochs=5)
        """)
    return files


CASES += [
    ("RL102-valid-builder-imported-past-the-modules-one-analysis-reads-fitted-on-scaled-targets",
     _long_chain(scaled=True), None),
    ("RL102-invalid-builder-imported-past-the-modules-one-analysis-reads-fitted-on-raw-targets",
     _long_chain(scaled=False), None),
]


def _base_sequence(targets: str, head: str, expect: str = "") -> dict:
    """A `PyDataset` base class in batching.py, a subclass in demand.py handing its constructor the
    targets (`targets`, an expression of the raw `counts`) through `super().__init__`, and a script
    fitting a model whose head is `head` on the subclass."""
    return {
        "batching.py": """\
            import math

            from keras.utils import PyDataset


            class Batches(PyDataset):
                def __init__(self, inputs, targets, batch_size=32, **kwargs):
                    super().__init__(**kwargs)
                    self.inputs, self.targets = inputs, targets
                    self.batch_size = batch_size

                def __len__(self):
                    return math.ceil(len(self.inputs) / self.batch_size)

                def __getitem__(self, k):
                    part = slice(k * self.batch_size, (k + 1) * self.batch_size)
                    return self.inputs[part], self.targets[part]
        """,
        "demand.py": f"""\
            from batching import Batches


            class DemandBatches(Batches):
                def __init__(self, frame, batch_size=64):
                    counts = frame["rentals"].values.astype("float32")
                    features = frame[["hour", "temp", "wind", "rain"]].values.astype("float32")
                    super().__init__(features, {targets}, batch_size=batch_size)
        """,
        "fit.py": f"""\
            import keras
            import pandas as pd

            from demand import DemandBatches

            frame = pd.read_csv("bikes.csv")
            batches = DemandBatches(frame)
            model = keras.Sequential([keras.Input((4,)), keras.layers.Dense(32, activation="relu"),
                                      keras.layers.Dense(1, activation="{head}")]){expect}
            model.compile(optimizer="adam", loss="mse")
            model.fit(batches, epochs=10)
        """,
    }


CASES += [
    ("RL102-valid-a-subclass-passes-max-scaled-targets-to-a-base-sequence-of-another-module", _base_sequence("counts / counts.max()", "sigmoid"), None),
    ("RL102-invalid-a-subclass-passes-raw-counts-to-a-base-sequence-of-another-module", _base_sequence("counts", "sigmoid", "  # expect: RL102"), None),
    ("RL106-invalid-a-subclass-passes-standardised-targets-to-a-base-sequence-of-another-module", _base_sequence("(counts - counts.mean()) / counts.std()", "relu",
                                           "  # expect: RL106"), None),
    ("RL106-valid-a-subclass-passes-raw-counts-to-a-base-sequence-of-another-module", _base_sequence("counts", "relu"), None),
]


def _reexported_builder(scale: str, expect: str = "") -> dict:
    """A package re-exporting a builder (survey/nets.py) and a data class (survey/signals.py) from its
    __init__.py, and a script importing both from the package: the data class's targets are the raw
    pulses with `scale` applied."""
    return {
        "survey/__init__.py": """\
            from .nets import pulse_net
            from .signals import PulseData
        """,
        "survey/nets.py": f"""\
            from tensorflow.keras.layers import Dense, Flatten, Input
            from tensorflow.keras.models import Model


            def pulse_net(window, units):
                inp = Input(shape=(window, 1))
                h = Dense(units, activation="relu")(Flatten()(inp))
                net = Model(inputs=inp, outputs=Dense(1, activation="sigmoid")(h)){expect}
                net.compile(loss="mean_squared_error", optimizer="adam")
                return net
        """,
        "survey/signals.py": f"""\
            import numpy as np


            class PulseData:
                def __init__(self, path):
                    raw = np.load(path)
                    self.scaled = raw{scale}

                def pairs(self, width):
                    return self.scaled[:, :width, None], self.scaled[:, width]
        """,
        "train.py": """\
            from survey import PulseData, pulse_net

            data = PulseData("pulses.npy")
            x, y = data.pairs(30)
            net = pulse_net(30, 16)
            net.fit(x, y, epochs=5, validation_split=0.2)
        """,
    }


CASES += [
    ("RL102-valid-a-builder-its-package-re-exports-fitted-on-targets-a-data-class-divides-by-their-max",
     _reexported_builder(" / np.amax(raw)"), None),
    ("RL102-a-builder-its-package-re-exports-fitted-on-raw-targets", _reexported_builder("", "  # expect: RL102"), None),
]


def _placeholder_compile(script: str, expect: str = "") -> dict:
    """A builder in models.py compiling its model with a default loss before returning it, and a
    training script `script` (its body after `model = small_cnn()`)."""
    return {
        "models.py": f"""\
            import tensorflow as tf


            def small_cnn(num_classes=10):
                model = tf.keras.Sequential([tf.keras.layers.Input((28, 28, 1)), tf.keras.layers.Flatten(),
                                             tf.keras.layers.Dense(128, activation="relu"),
                                             tf.keras.layers.Dense(num_classes)])
                # a default compile so that the model can be used right away
                model.compile(optimizer="adam", loss="sparse_categorical_crossentropy"){expect}
                return model
        """,
        "train.py": """\
            import tensorflow as tf

            from models import small_cnn

            (x, y), _ = tf.keras.datasets.fashion_mnist.load_data()
            logits = tf.keras.losses.SparseCategoricalCrossentropy(from_logits=True)
            model = small_cnn()
""" + textwrap.indent(textwrap.dedent(script), " " * 12),
    }


def _restored_model(script: str, expect: str = "") -> dict:
    """A helper in serving.py loading a saved model and compiling it with mse and accuracy, and a
    script `script` (its body after `model = restore()`)."""
    return {
        "serving.py": f"""\
            from tensorflow import keras


            def restore(path="latency_model.h5"):
                model = keras.models.load_model(path, compile=False)
                model.compile(optimizer="adam", loss="mse", metrics=["accuracy"]){expect}
                return model
        """,
        "use.py": """\
            import numpy as np

            from serving import restore

            model = restore()
""" + textwrap.indent(textwrap.dedent(script), " " * 12),
    }


CASES += [
    ("RL104-valid-a-builders-placeholder-compile-the-script-replaces-before-fitting", _placeholder_compile("""\
        model.compile(optimizer="adam", loss=logits, metrics=["accuracy"])
        model.fit(x[..., None] / 255.0, y, epochs=10)
    """), None),
    ("RL104-a-builders-placeholder-compile-the-script-trains-with-before-replacing-it", _placeholder_compile("""\
        model.fit(x[..., None] / 255.0, y, epochs=1)
        model.compile(optimizer="adam", loss=logits)
        model.fit(x[..., None] / 255.0, y, epochs=10)
    """, "  # expect: RL104"), None),
    ("RL101-valid-a-model-a-helper-loads-and-compiles-that-the-app-only-predicts-with", _restored_model("""\
        def predict(features):
            return float(model.predict(np.asarray(features, dtype="float32")[None, :])[0, 0])
    """), None),
    ("RL101-a-model-a-helper-loads-and-compiles-that-a-script-fine-tunes", _restored_model("""\
        model.fit(np.load("x.npy"), np.load("latency.npy"), epochs=3)
        print(model.predict(np.load("x.npy")[:5]))
    """, "  # expect: RL101"), None),
]


def _notebook(*cells: str) -> str:
    """A notebook's JSON with `cells` as its code cells."""
    return json.dumps({"cells": [{"cell_type": "code", "metadata": {}, "outputs": [], "execution_count": None,
                                  "source": cell.splitlines(keepends=True)} for cell in cells],
                       "metadata": {}, "nbformat": 4, "nbformat_minor": 5})


CASES += [
    ("RL102-valid-sigmoid-heads-on-a-database-table-a-notebook-of-the-project-fills", {
        "data_cleaning.ipynb": _notebook(
            "import sqlite3\nimport pandas as pd\nvotes = pd.read_csv('votes.csv')",
            "shares = votes.div(votes.sum(axis=1), axis=0)\n"
            "shares.to_sql('galaxy_data', sqlite3.connect('galaxy.db'), if_exists='replace')"),
        "model_training.py": """\
            import sqlite3

            import numpy as np
            import pandas as pd
            from tensorflow import keras

            shares = pd.read_sql("SELECT * FROM galaxy_data", sqlite3.connect("galaxy.db"))
            x = np.load("images.npy")
            model = keras.Sequential([keras.Input((64, 64, 3)), keras.layers.Flatten(),
                                      keras.layers.Dense(shares.shape[1], activation="sigmoid")])
            model.compile(optimizer="adam", loss="mse")
            model.fit(x, shares.values, epochs=5)
        """,
    }, None),
]

def _site_client(head: str, scaler: str, expect: str = "", more: str = "") -> dict:
    """A federated client class in client.py storing the model and the data its constructor is
    handed (`self.net`, `self.feats`, `self.target`) and fitting them in its `fit`, which the
    framework calls, not the script; the script run_site.py constructs it with targets client.py's
    loader scales with `scaler`; the builder in model.py ends in `head`. `more`: another method."""
    return {
        "model.py": f"""\
            import tensorflow as tf


            def build_net(n_features):
                net = tf.keras.Sequential([
                    tf.keras.layers.Input(shape=(n_features,)),
                    tf.keras.layers.Dense(32, activation="relu"),
                    tf.keras.layers.Dense(1, activation="{head}"),{expect}
                ])
                net.compile(optimizer="adam", loss="mse")
                return net
        """,
        "client.py": f"""\
            import flwr as fl
            import pandas as pd
            from sklearn.preprocessing import {scaler}


            def load_site(path):
                frame = pd.read_csv(path)
                target = {scaler}().fit_transform(frame[["power"]].values)
                return frame.drop(columns=["power"]).values, target


            class SiteClient(fl.client.NumPyClient):
                def __init__(self, net, feats, target):
                    self.net = net
                    self.feats, self.target = feats, target

                def fit(self, parameters, config):
                    self.net.set_weights(parameters)
                    self.net.fit(self.feats, self.target, epochs=3, verbose=0)
                    return self.net.get_weights(), len(self.feats), {{}}
""" + textwrap.indent(textwrap.dedent(more), " " * 16),
        "run_site.py": """\
            import flwr as fl

            from client import SiteClient, load_site
            from model import build_net

            feats, target = load_site("site_a.csv")
            fl.client.start_client(server_address="127.0.0.1:8080",
                                   client=SiteClient(build_net(feats.shape[1]), feats, target).to_client())
        """,
    }


CASES += [
    ("RL102-valid-a-client-class-of-another-module-fits-the-minmax-scaled-targets-its-constructor-stored",
     _site_client("sigmoid", "MinMaxScaler"), None),
    ("RL102-a-client-class-of-another-module-fits-the-standardised-targets-its-constructor-stored",
     _site_client("tanh", "StandardScaler", "  # expect: RL102"), None),
    ("RL106-a-client-class-of-another-module-fits-the-standardised-targets-its-constructor-stored",
     _site_client("relu", "StandardScaler", "  # expect: RL106"), None),
    # another method rewrites the attribute: what `fit` trains on is no longer what the script passed
    ("RL102-valid-a-client-class-rescales-the-targets-its-constructor-stored-in-another-method",
     _site_client("tanh", "StandardScaler", more="""\

        def clip_targets(self):
            self.target = self.target / abs(self.target).max()
    """), None),
    ("RL102-a-runner-of-another-module-unpacks-the-pair-its-constructor-stored-and-fits-it", {
        "nets.py": """\
            from tensorflow.keras import layers, models


            def pulse_net(window):
                net = models.Sequential([layers.Input((window,)), layers.Dense(16, activation="relu"),
                                         layers.Dense(1, activation="tanh")])  # expect: RL102
                net.compile(loss="mean_squared_error", optimizer="adam")
                return net
        """,
        "runner.py": """\
            class Runner:
                def __init__(self, net, data, epochs=5):
                    self.net = net
                    self.data = data
                    self.epochs = epochs

                def run(self):
                    x, y = self.data
                    self.net.fit(x, y, epochs=self.epochs, validation_split=0.2)
                    return self.net
        """,
        "train.py": """\
            import numpy as np
            from scipy.stats import zscore

            from nets import pulse_net
            from runner import Runner

            raw = np.load("pulses.npy")
            Runner(pulse_net(30), (raw[:, :30], zscore(raw[:, 30])), epochs=5).run()
        """,
    }, None),
]


def _csv_records(target: str, head: str, expect: str = "") -> dict:
    """A data module reading CSV rows as records (no `label_name`) and mapping each to (features,
    `target`), a builder ending in `head`, and a script fitting one on the other."""
    return {
        "model.py": f"""\
            import tensorflow as tf


            def price_model():
                return tf.keras.Sequential([tf.keras.layers.Input((3,)),
                                            tf.keras.layers.Dense(64, activation="relu"),
                                            tf.keras.layers.Dense(1, activation="{head}")]){expect}
        """,
        "pipeline.py": f"""\
            import tensorflow as tf

            PRICE_MAX, PRICE_MEAN, PRICE_STD = 750000.0, 310000.0, 95000.0


            def _parse(row):
                feats = tf.stack([row["sqft"], row["beds"], row["age"]])
                return feats, {target}


            def make_dataset(pattern="listings-*.csv", batch=256):
                ds = tf.data.experimental.make_csv_dataset(pattern, batch_size=1, num_epochs=1)
                return ds.unbatch().map(_parse).batch(batch).prefetch(2)
        """,
        "train.py": """\
            from model import price_model
            from pipeline import make_dataset

            net = price_model()
            net.compile(optimizer="adam", loss="mse")
            net.fit(make_dataset(), epochs=10)
        """,
    }


CASES += [
    ("RL102-valid-csv-records-a-data-module-maps-to-targets-divided-by-their-max",
     _csv_records('row["price"] / PRICE_MAX', "sigmoid"), None),
    ("RL102-csv-records-a-data-module-maps-to-standardised-targets",
     _csv_records('(row["price"] - PRICE_MEAN) / PRICE_STD', "tanh", "  # expect: RL102"), None),
]


CASES += [
    ("RL102-valid-a-builder-makes-its-sigmoid-head-only-in-the-arm-naming-the-binary-task", {
        "net.py": """\
            from keras import layers, models, optimizers


            def build(cfg):
                inp = layers.Input(shape=(cfg["n_in"],))
                h = layers.Dense(32, activation="relu")(inp)
                if cfg["task"] == "regression":
                    out = layers.Dense(1, activation="linear")(h)
                    net = models.Model(inp, out)
                    net.compile(optimizer=optimizers.Adam(learning_rate=1e-3), loss=cfg["loss"])
                elif cfg["task"] == "binary":
                    out = layers.Dense(1, activation="sigmoid")(h)
                    net = models.Model(inp, out)
                    net.compile(optimizer=optimizers.Adam(learning_rate=1e-3), loss=cfg["loss"])
                else:
                    raise ValueError(cfg["task"])
                return net
        """,
        "run.py": """\
            import argparse

            import pandas as pd

            from net import build

            parser = argparse.ArgumentParser()
            parser.add_argument("--data")
            parser.add_argument("--task", default="regression")
            args = parser.parse_args()
            frame = pd.read_csv(args.data)
            cfg = {"n_in": frame.shape[1] - 1, "task": args.task, "loss": "mse"}
            build(cfg).fit(frame.drop(columns=["y"]).values, frame["y"].values, epochs=50)
        """,
    }, None),
]


def _two_flows(train_call: str, expect_head: str = "", expect_metric: str = "") -> dict:
    """A helper returning a training iterator (`gen.<train_call>`) and a validation iterator of
    image folders, unpacked by the script that fits a small CNN compiled with mse and accuracy."""
    return {
        "helpers.py": f"""\
            import pandas as pd
            from tensorflow.keras.preprocessing.image import ImageDataGenerator


            def flows(base, size=150, bs=20):
                gen = ImageDataGenerator(rescale=1.0 / 255)
                tr = gen.{train_call}
                va = gen.flow_from_directory(base + "/validation", target_size=(size, size), class_mode="binary")
                return tr, va
        """,
        "train.py": f"""\
            from tensorflow.keras import layers, models

            from helpers import flows

            train_gen, val_gen = flows("cats_and_dogs_small")
            model = models.Sequential([layers.Input((150, 150, 3)), layers.Conv2D(32, 3, activation="relu"),
                                       layers.GlobalAveragePooling2D(), layers.Dense(1, activation="sigmoid")]){expect_head}
            model.compile(optimizer="rmsprop", loss="mse", metrics=["accuracy"]){expect_metric}
            model.fit(train_gen, validation_data=val_gen, epochs=30)
        """,
    }


CASES += [
    ("RL101-valid-two-labelled-folder-iterators-a-helper-returns-unpacked-by-the-script", _two_flows(
        'flow_from_directory(base + "/train", target_size=(size, size), class_mode="binary")'), None),
    ("RL101-the-unpacked-training-iterator-a-helper-returns-reads-raw-targets", _two_flows(
        'flow_from_dataframe(pd.read_csv("ages.csv"), x_col="path", y_col="age", class_mode="raw")',
        "  # expect: RL102", "  # expect: RL101"), None),
]


CASES += [
    # the literal is the token wherever it is written: a config module's, the script handing it on
    ("RL102-RL103-a-config-modules-head-literal-a-script-hands-a-builder", {
        "config.py": """\
            from types import SimpleNamespace

            REGRESSOR = SimpleNamespace(head="sigmoid", units=1, loss="mse")  # expect: RL102
            GRADER = SimpleNamespace(head="softmax", units=1, loss="binary_crossentropy")  # expect: RL103
        """,
        "models.py": """\
            from tensorflow import keras


            def build_net(n_in, units, head):
                inp = keras.Input((n_in,))
                out = keras.layers.Dense(units, activation=head)(keras.layers.Dense(64, activation="relu")(inp))
                return keras.Model(inp, out)
        """,
        "train.py": """\
            import numpy as np

            from config import GRADER, REGRESSOR
            from models import build_net

            x, charges = np.load("x.npy"), np.load("charges.npy")
            net = build_net(x.shape[1], REGRESSOR.units, head=REGRESSOR.head)
            net.compile(optimizer="adam", loss=REGRESSOR.loss)
            net.fit(x, charges, epochs=20)
            grader = build_net(x.shape[1], GRADER.units, head=GRADER.head)
            grader.compile(optimizer="adam", loss=GRADER.loss)
            grader.fit(x, charges > 1e4, epochs=20)
        """,
    }, None),
]


CASES += [
    ("RL201-valid-a-builder-of-another-module-pretrains-an-autoencoder-and-pops-its-decoder", {
        "models.py": """\
            from keras.layers import Dense
            from keras.models import Sequential

            N_FEAT = 64


            def pretrained_encoder(x):
                net = Sequential()
                net.add(Dense(32, input_dim=N_FEAT, activation="relu"))
                net.add(Dense(N_FEAT, activation="relu"))
                net.compile(optimizer="adam", loss="mse")
                net.fit(x, x, epochs=3)
                net.pop()
                return net
        """,
        "train.py": """\
            import numpy as np
            from keras.layers import Dense

            from models import N_FEAT, pretrained_encoder

            x_train, rooms = np.load("rssi.npy"), np.load("rooms.npy")
            clf = pretrained_encoder(x_train)
            clf.add(Dense(4, activation="softmax"))
            clf.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])
            clf.fit(x_train, np.eye(4)[rooms], validation_split=0.2, epochs=3)
        """,
    }, None),
]


CASES += [
    ("RL504-keras-1-keys-of-a-config-modules-dict-spread-into-layers", {
        "config.py": """\
            CONV_KW = {"init": "he_normal", "border_mode": "same"}  # expect: RL504, RL504
            DENSE_KW = {"kernel_initializer": "he_normal"}
        """,
        "model.py": """\
            from keras.layers import Conv2D, Dense, Flatten
            from keras.models import Sequential

            from config import CONV_KW, DENSE_KW


            def build(n_classes=10):
                m = Sequential()
                m.add(Conv2D(32, (3, 3), activation="relu", input_shape=(32, 32, 3), **CONV_KW))
                m.add(Conv2D(64, (3, 3), activation="relu", **CONV_KW))
                m.add(Flatten())
                m.add(Dense(n_classes, activation="softmax", **DENSE_KW))
                return m
        """,
    }, None),
]


CASES += [
    ("RL106-scikeras-compiles-the-builders-model-the-script-standardises-targets-around", {
        "nets.py": """\
            from scikeras.wrappers import KerasRegressor
            from tensorflow import keras


            def get_reg(meta, hidden=(64, 32)):
                model = keras.Sequential([keras.Input((meta["n_features_in_"],))])
                for h in hidden:
                    model.add(keras.layers.Dense(h, activation="relu"))
                model.add(keras.layers.Dense(1, activation="relu"))  # expect: RL106
                return model


            def wrapped(**kw):
                return KerasRegressor(model=get_reg, loss="mse", optimizer="adam", epochs=200, verbose=0, **kw)
        """,
        "evaluate.py": """\
            from sklearn.compose import TransformedTargetRegressor
            from sklearn.datasets import fetch_california_housing
            from sklearn.model_selection import cross_val_score
            from sklearn.preprocessing import StandardScaler

            from nets import wrapped

            X, y = fetch_california_housing(return_X_y=True)
            reg = TransformedTargetRegressor(regressor=wrapped(), transformer=StandardScaler())
            print(cross_val_score(reg, X, y, cv=5).mean())
        """,
    }, None),
]


CASES += [
    ("RL106-experiment-class-fits-what-its-stored-data-object-splits", {
        "forecast.py": """\
            from tensorflow import keras


            def demand_net(n_features):
                inp = keras.Input((n_features,))
                h = keras.layers.Dense(64, activation="relu")(inp)
                return keras.Model(inp, keras.layers.Dense(1, activation="relu")(h))  # expect: RL106
        """,
        "tables.py": """\
            import numpy as np


            class Demand:
                def __init__(self, path):
                    rows = np.loadtxt(path, delimiter=",")
                    self.feats = rows[:, :-1]
                    units = rows[:, -1]
                    self.units = (units - units.mean()) / units.std()

                def halves(self):
                    cut = len(self.feats) // 2
                    return (self.feats[:cut], self.units[:cut]), (self.feats[cut:], self.units[cut:])
        """,
        "study.py": """\
            from forecast import demand_net
            from tables import Demand


            class Study:
                def __init__(self, table):
                    self.table = table

                def run(self):
                    (x, y), (vx, vy) = self.table.halves()
                    net = demand_net(x.shape[1])
                    net.compile(optimizer="adam", loss="mae")
                    net.fit(x, y, validation_data=(vx, vy), epochs=20)


            Study(Demand("demand.csv")).run()
        """,
    }, None),
    ("RL106-experiment-class-data-object-minmax-scales-its-targets", {
        "forecast.py": """\
            from tensorflow import keras


            def demand_net(n_features):
                inp = keras.Input((n_features,))
                h = keras.layers.Dense(64, activation="relu")(inp)
                return keras.Model(inp, keras.layers.Dense(1, activation="relu")(h))
        """,
        "tables.py": """\
            import numpy as np


            class Demand:
                def __init__(self, path):
                    rows = np.loadtxt(path, delimiter=",")
                    self.feats = rows[:, :-1]
                    units = rows[:, -1]
                    self.units = (units - units.min()) / (units.max() - units.min())

                def halves(self):
                    cut = len(self.feats) // 2
                    return (self.feats[:cut], self.units[:cut]), (self.feats[cut:], self.units[cut:])
        """,
        "study.py": """\
            from forecast import demand_net
            from tables import Demand


            class Study:
                def __init__(self, table):
                    self.table = table

                def run(self):
                    (x, y), (vx, vy) = self.table.halves()
                    net = demand_net(x.shape[1])
                    net.compile(optimizer="adam", loss="mae")
                    net.fit(x, y, validation_data=(vx, vy), epochs=20)


            Study(Demand("demand.csv")).run()
        """,
    }, None),
    ("RL106-experiment-class-stored-data-attribute-held-directly", {
        "forecast.py": """\
            from tensorflow import keras


            def demand_net(n_features):
                inp = keras.Input((n_features,))
                h = keras.layers.Dense(64, activation="relu")(inp)
                return keras.Model(inp, keras.layers.Dense(1, activation="relu")(h))  # expect: RL106
        """,
        "tables.py": """\
            import numpy as np


            class Demand:
                def __init__(self, path):
                    rows = np.loadtxt(path, delimiter=",")
                    self.feats = rows[:, :-1]
                    units = rows[:, -1]
                    self.units = (units - units.mean()) / units.std()
        """,
        "study.py": """\
            from forecast import demand_net
            from tables import Demand


            class Study:
                def __init__(self, table):
                    self.table = table

                def run(self):
                    net = demand_net(self.table.feats.shape[1])
                    net.compile(optimizer="adam", loss="mae")
                    net.fit(self.table.feats, self.table.units, epochs=20)


            Study(Demand("demand.csv")).run()
        """,
    }, None),
]

CASES += [
    ("RL302-linear-mlp-held-by-another-modules-custom-layer", {
        "blocks.py": """\
            from keras import Sequential
            from keras.layers import Dense, GlobalAveragePooling1D, Layer


            class Gate(Layer):
                def __init__(self, channels):
                    super().__init__()
                    self.pool = GlobalAveragePooling1D()
                    self.mlp = Sequential([Dense(channels // 2), Dense(channels)])

                def call(self, x):
                    return x * self.mlp(self.pool(x))[:, None, :]
        """,
        "train.py": """\
            import numpy as np
            from keras import Input, Sequential
            from keras.layers import Conv1D, Dense, Flatten

            from blocks import Gate

            model = Sequential([Input((256, 1)), Conv1D(16, 7, activation="relu"), Gate(16), Flatten(), Dense(1)])
            model.compile(optimizer="adam", loss="mse")
            model.fit(np.load("ppg.npy"), np.load("sbp.npy"), epochs=3)
        """,
    }, None),
    ("RL302-linear-net-another-modules-plain-class-makes-and-the-script-trains", {
        "blocks.py": """\
            from keras import Sequential
            from keras.layers import Dense


            class Factory:
                def __init__(self, width):
                    self.net = Sequential([Dense(width), Dense(1)])  # expect: RL302
        """,
        "train.py": """\
            import numpy as np

            from blocks import Factory

            net = Factory(16).net
            net.compile(optimizer="adam", loss="mse")
            net.fit(np.load("x.npy"), np.load("y.npy"), epochs=3)
        """,
    }, None),
]

CASES += [
    ("RL301-class-built-by-the-script-with-one-step-inputs", {
        "models.py": """\
            import keras
            from keras import layers


            class PlainConv:
                def __init__(self, input_shape):
                    self.input_shape = input_shape
                    self.model = self.build()

                def build(self):
                    inp = keras.Input(self.input_shape)
                    h = layers.Conv1D(8, 3, padding="same", activation="relu")(inp)
                    h = layers.Dense(20, activation="relu")(h)
                    return keras.Model(inp, layers.Dense(1)(h))

                def fit(self, x, y, epochs):
                    self.model.compile(loss="mse", optimizer="adam")
                    return self.model.fit(x, y, epochs=epochs, batch_size=32)
        """,
        "train.py": """\
            import numpy as np
            from models import PlainConv

            spectra = np.random.rand(300, 102)
            net = PlainConv(input_shape=(1, 102))
            net.fit(spectra[:, np.newaxis, :], np.random.uniform(8.0, 14.0, size=(300, 1)), epochs=50)
        """,
    }, None),
    ("RL301-class-built-by-the-script-with-many-steps-per-sample-targets", {
        "models.py": """\
            import keras
            from keras import layers


            class PlainConv:
                def __init__(self, input_shape):
                    self.input_shape = input_shape
                    self.model = self.build()

                def build(self):
                    inp = keras.Input(self.input_shape)
                    h = layers.Conv1D(8, 3, padding="same", activation="relu")(inp)
                    h = layers.Dense(20, activation="relu")(h)  # expect: RL301
                    return keras.Model(inp, layers.Dense(1)(h))

                def fit(self, x, y, epochs):
                    self.model.compile(loss="mse", optimizer="adam")
                    return self.model.fit(x, y, epochs=epochs, batch_size=32)
        """,
        "train.py": """\
            import numpy as np
            from models import PlainConv

            windows = np.random.rand(300, 30, 4)
            net = PlainConv(input_shape=(30, 4))
            net.fit(windows, np.random.uniform(8.0, 14.0, size=(300, 1)), epochs=50)
        """,
    }, None),
]

CASES += [
    ("RL301-char-lm-builder-trained-by-federated-learning-in-another-module", {
        "char_nets.py": """\
            import tensorflow as tf


            def recurrent_lm(vocab, seq_len):
                m = tf.keras.Sequential()
                m.add(tf.keras.layers.Embedding(input_dim=vocab, output_dim=8, input_shape=(seq_len,)))
                m.add(tf.keras.layers.LSTM(64, return_sequences=True))
                m.add(tf.keras.layers.Dense(vocab))
                return m
        """,
        "char_task.py": """\
            import tensorflow as tf
            import tensorflow_federated as tff

            from char_nets import recurrent_lm


            def make_model_fn(element_spec):
                def model_fn():
                    return tff.learning.models.from_keras_model(
                        keras_model=recurrent_lm(50, 20),
                        loss=tf.keras.losses.SparseCategoricalCrossentropy(from_logits=True),
                        input_spec=element_spec,
                    )
                return model_fn
        """,
    }, None),
    ("RL301-char-lm-builder-compiled-by-an-importer-that-only-evaluates", {
        "lm_models.py": """\
            import tensorflow as tf


            def make_char_rnn(vocab, steps):
                net = tf.keras.Sequential()
                net.add(tf.keras.layers.Embedding(input_dim=vocab, output_dim=16, input_shape=(steps,)))
                net.add(tf.keras.layers.LSTM(32, return_sequences=True))
                net.add(tf.keras.layers.Dense(vocab))
                return net
        """,
        "check_lm.py": """\
            import tensorflow as tf

            import lm_models

            lm = lm_models.make_char_rnn(7, 4)
            lm.compile(optimizer="sgd", loss=tf.keras.losses.SparseCategoricalCrossentropy(from_logits=True))
            lm.load_weights("lm.weights.h5")
            print(lm.evaluate(tf.data.Dataset.load("held_out")))
        """,
    }, None),
]

CASES += [
    ("RL102-sequence-scales-the-images-and-yields-raw-csv-targets", {
        "batches.py": """\
            import numpy as np
            import pandas as pd
            from tensorflow import keras


            class AgeBatches(keras.utils.Sequence):
                def __init__(self, csv_path, batch_size):
                    super().__init__()
                    self.table = pd.read_csv(csv_path)
                    self.batch_size = batch_size

                def __len__(self):
                    return len(self.table) // self.batch_size

                def __getitem__(self, idx):
                    rows = self.table.iloc[idx * self.batch_size:(idx + 1) * self.batch_size]
                    faces = np.stack([np.load(p) for p in rows["face_file"]]) / 255.0
                    return faces, rows["age"].values
        """,
        "nets.py": """\
            from tensorflow import keras
            from tensorflow.keras import layers


            def age_net(size):
                inp = keras.Input((size, size, 3))
                h = layers.GlobalAveragePooling2D()(layers.Conv2D(16, 3, activation="relu")(inp))
                return keras.Model(inp, layers.Dense(1, activation="sigmoid")(h))  # expect: RL102
        """,
        "train.py": """\
            from batches import AgeBatches
            from nets import age_net

            net = age_net(128)
            net.compile(optimizer="adam", loss="mae")
            net.fit(AgeBatches("faces.csv", 32), epochs=20)
        """,
    }, None),
    ("RL102-sequence-scales-its-csv-targets-too", {
        "batches.py": """\
            import numpy as np
            import pandas as pd
            from tensorflow import keras


            class AgeBatches(keras.utils.Sequence):
                def __init__(self, csv_path, batch_size):
                    super().__init__()
                    self.table = pd.read_csv(csv_path)
                    self.batch_size = batch_size

                def __len__(self):
                    return len(self.table) // self.batch_size

                def __getitem__(self, idx):
                    rows = self.table.iloc[idx * self.batch_size:(idx + 1) * self.batch_size]
                    faces = np.stack([np.load(p) for p in rows["face_file"]]) / 255.0
                    return faces, rows["age"].values / 100.0
        """,
        "nets.py": """\
            from tensorflow import keras
            from tensorflow.keras import layers


            def age_net(size):
                inp = keras.Input((size, size, 3))
                h = layers.GlobalAveragePooling2D()(layers.Conv2D(16, 3, activation="relu")(inp))
                return keras.Model(inp, layers.Dense(1, activation="sigmoid")(h))
        """,
        "train.py": """\
            from batches import AgeBatches
            from nets import age_net

            net = age_net(128)
            net.compile(optimizer="adam", loss="mae")
            net.fit(AgeBatches("faces.csv", 32), epochs=20)
        """,
    }, None),
]

CASES += [
    ("RL102-builder-fitted-by-a-script-on-a-generator-reading-masks-the-project-saves", {
        "feeder.py": """\
            import numpy as np


            def batches(batch=32):
                x = np.load("cache/in_dev.npy")
                y = np.load("cache/out_dev.npy")
                while True:
                    for i in range(0, len(x), batch):
                        yield x[i:i + batch], y[i:i + batch]
        """,
        "net.py": """\
            from keras.layers import Dense, Input
            from keras.models import Model


            def build(n_in=20):
                inp = Input(shape=(n_in,))
                h = Dense(64, activation="relu")(inp)
                model = Model(inp, Dense(n_in, activation="hard_sigmoid")(h))
                model.compile(loss="mean_squared_error", optimizer="adam")
                return model
        """,
        "train.py": """\
            from feeder import batches
            from net import build

            model = build()
            model.fit(batches(), steps_per_epoch=100, epochs=5)
        """,
        "prepare.py": """\
            import numpy as np

            clean = np.load("raw/clean.npy")
            noisy = np.load("raw/noisy.npy")
            np.save("cache/in_dev.npy", np.log1p(noisy))
            np.save("cache/out_dev.npy", np.clip(clean / noisy, 0, 1))
        """,
    }, None),
    ("RL102-builder-fitted-by-a-script-on-a-generator-reading-arrays-nothing-saves", {
        "feeder.py": """\
            import numpy as np


            def batches(batch=32):
                x = np.load("cache/in_dev.npy")
                y = np.load("cache/out_dev.npy")
                while True:
                    for i in range(0, len(x), batch):
                        yield x[i:i + batch], y[i:i + batch]
        """,
        "net.py": """\
            from keras.layers import Dense, Input
            from keras.models import Model


            def build(n_in=20):
                inp = Input(shape=(n_in,))
                h = Dense(64, activation="relu")(inp)
                model = Model(inp, Dense(n_in, activation="hard_sigmoid")(h))  # expect: RL102
                model.compile(loss="mean_squared_error", optimizer="adam")
                return model
        """,
        "train.py": """\
            from feeder import batches
            from net import build

            model = build()
            model.fit(batches(), steps_per_epoch=100, epochs=5)
        """,
    }, None),
]

CASES += [
    # a table another script of the project writes under the name this one reads: prepared there
    ("RL102-valid-sigmoid-head-on-a-csv-a-sibling-script-writes-scaled", {
        "prep.py": """\
            import pandas as pd

            log = pd.read_csv("cycler_log.csv")
            log["level"] = log["charge"].abs() / log["charge"].abs().max()
            log[["volts", "amps", "level"]].to_csv("prepared_cells.csv", index=False)
        """,
        "fit_level.py": """\
            import pandas as pd
            from tensorflow import keras

            table = pd.read_csv("prepared_cells.csv").dropna()
            x, y = table[["volts", "amps"]].values, table["level"].values
            net = keras.Sequential([keras.Input((2,)), keras.layers.Dense(16, activation="relu"),
                                    keras.layers.Dense(1, activation="sigmoid")])
            net.compile(optimizer="adam", loss="mse")
            net.fit(x, y, epochs=5)
        """,
    }, None),
    # the sibling writes another table: the one read here is as downloaded
    ("RL102-sigmoid-head-on-a-csv-no-script-of-the-project-writes", {
        "report.py": """\
            import pandas as pd

            def save(predictions):
                pd.DataFrame({"pred": predictions}).to_csv("predictions.csv", index=False)
        """,
        "fit_price.py": """\
            import pandas as pd
            from tensorflow import keras

            from report import save

            table = pd.read_csv("houses.csv")
            x, y = table[["rooms", "area"]].values, table["price"].values
            net = keras.Sequential([keras.Input((2,)), keras.layers.Dense(16, activation="relu"),
                                    keras.layers.Dense(1, activation="sigmoid")])  # expect: RL102
            net.compile(optimizer="adam", loss="mse")
            net.fit(x, y, epochs=5)
            save(net.predict(x).ravel())
        """,
    }, None),
    # Keras' own fit_generator reached through super() in another module's model subclass
    ("RL501-super-fit-generator-in-a-model-subclass-of-another-module", {
        "private_model.py": """\
            import tensorflow as tf


            class ClippedModel(tf.keras.Model):
                def fit_generator(self, generator, steps_per_epoch=None, **kwargs):
                    return super(ClippedModel, self).fit_generator(  # expect: RL501
                        generator, steps_per_epoch=steps_per_epoch, **kwargs)
        """,
        "run_private.py": """\
            import numpy as np
            import tensorflow as tf

            from private_model import ClippedModel

            inp = tf.keras.Input(shape=(3,))
            model = ClippedModel(inp, tf.keras.layers.Dense(1)(inp))
            model.compile(optimizer="sgd", loss="mse")


            def batches():
                while True:
                    yield np.random.rand(16, 3), np.random.rand(16, 1)


            model.fit_generator(batches(), steps_per_epoch=10, epochs=2)
        """,
    }, None),
]

CASES += [
    # an `if` picks one of two builders of another module, both ending in the width it is given
    ("RL102-either-builder-an-if-picks-from-another-module-ends-in-sigmoid", {
        "nets.py": """\
            from tensorflow.keras import Input, Model, layers


            def mlp(n_in, n_out):
                inputs = Input(shape=(n_in,))
                x = layers.Dense(n_out)(layers.Dense(32, activation="relu")(inputs))
                return Model(inputs, layers.Activation("sigmoid")(x))  # expect: RL102


            def wide_mlp(n_in, n_out):
                inputs = Input(shape=(n_in,))
                x = layers.Dense(n_out)(layers.Dense(128, activation="relu")(inputs))
                return Model(inputs, layers.Activation("sigmoid")(x))  # expect: RL102
        """,
        "train.py": """\
            import numpy as np

            from nets import mlp, wide_mlp


            def run(kind, n_out):
                x, y = np.random.rand(200, 6), np.random.uniform(0, 50, (200, n_out))
                if kind == "small":
                    model = mlp(6, n_out)
                else:
                    model = wide_mlp(6, n_out)
                model.compile(optimizer="adam", loss="mse")
                model.fit(x, y, epochs=5)
        """,
    }, None),
]

CASES += [
    # windows cut in one module, relayed by a data module's function, fitted by a script
    ("RL301-valid-per-step-windows-a-data-module-relays-from-a-third", {
        "windows.py": """\
            import numpy as np


            def cut_windows(table, steps, n_out):
                xs, ys = [], []
                for start in range(0, len(table) - steps, steps):
                    xs.append(table[start:start + steps, :-n_out])
                    ys.append(table[start:start + steps, -n_out:])
                return np.array(xs), np.array(ys)
        """,
        "prep.py": """\
            from sklearn.preprocessing import MinMaxScaler

            from windows import cut_windows


            def make_sets(frame, target_cols, steps):
                values = MinMaxScaler().fit_transform(frame.values)
                x, y = cut_windows(values, steps, len(target_cols))
                return x, y
        """,
        "models.py": """\
            from tensorflow import keras


            def build(steps, n_in, n_out):
                model = keras.Sequential()
                model.add(keras.layers.LSTM(32, input_shape=(steps, n_in), return_sequences=True))
                model.add(keras.layers.Dense(n_out))
                model.compile(optimizer="adam", loss="mae")
                return model
        """,
        "train.py": """\
            import pandas as pd

            from models import build
            from prep import make_sets

            x, y = make_sets(pd.read_csv("moisture.csv"), ["sm_20"], 48)
            model = build(48, x.shape[2], 1)
            model.fit(x, y, epochs=5)
        """,
    }, None),
]

CASES += [
    # a data module's function returns the pair as a list the script holds, then unpacks
    ("RL301-valid-per-step-targets-a-data-module-returns-as-a-list-unpacked-later", {
        "data.py": """\
            import numpy as np


            def make_dataset(noisy, clean):
                x = np.expand_dims(np.array(noisy), axis=2)
                y = np.expand_dims(np.array(clean), axis=2)
                return [x, y]
        """,
        "models.py": """\
            from keras.layers import LSTM, Dense
            from keras.models import Sequential


            def recurrent_denoiser(steps):
                model = Sequential()
                model.add(LSTM(32, input_shape=(steps, 1), return_sequences=True))
                model.add(Dense(32, activation="relu"))
                model.add(Dense(1))
                return model
        """,
        "train.py": """\
            import numpy as np

            from data import make_dataset
            from models import recurrent_denoiser

            dataset = make_dataset(np.load("noisy.npy"), np.load("clean.npy"))
            [x_train, y_train] = dataset
            model = recurrent_denoiser(256)
            model.compile(loss="mse", optimizer="adam")
            model.fit(x_train, y_train, epochs=5)
        """,
    }, None),
]

CASES += [
    # 0 / 1 labels a helper of a utilities package codes, applied to a column
    ("RL101-RL102-valid-labels-a-helper-of-another-module-codes-as-0-or-1", {
        "utils/__init__.py": "",
        "utils/functions.py": """\
            def good_or_bad(quality):
                if quality <= 5:
                    return 0
                else:
                    return 1
        """,
        "train.py": """\
            import pandas as pd
            from tensorflow.keras.layers import Dense
            from tensorflow.keras.models import Sequential

            from utils.functions import good_or_bad

            df = pd.read_csv("wine.csv")
            df["target"] = df["quality"].apply(good_or_bad)
            y = df["target"].values
            x = df.drop(["quality", "target"], axis=1).values
            model = Sequential([Dense(10, activation="relu", input_shape=(11,)), Dense(1, activation="sigmoid")])
            model.compile(optimizer="adam", loss="mse", metrics=["accuracy"])
            model.fit(x, y, epochs=50)
        """,
    }, None),
    # the helper grades into three levels: not class bits, a regression on 0..2
    ("RL101-RL102-a-helper-of-another-module-grading-into-three-levels", {
        "utils/__init__.py": "",
        "utils/functions.py": """\
            def grade(quality):
                if quality <= 4:
                    return 0
                if quality <= 6:
                    return 1
                return 2
        """,
        "train.py": """\
            import pandas as pd
            from tensorflow.keras.layers import Dense
            from tensorflow.keras.models import Sequential

            from utils.functions import grade

            df = pd.read_csv("wine.csv")
            df["target"] = df["quality"].apply(grade)
            y = df["target"].values
            x = df.drop(["quality", "target"], axis=1).values
            model = Sequential([Dense(10, activation="relu", input_shape=(11,)),
                                Dense(1, activation="sigmoid")])  # expect: RL102
            model.compile(optimizer="adam", loss="mse", metrics=["accuracy"])  # expect: RL101
            model.fit(x, y, epochs=50)
        """,
    }, None),
]

CASES += [
    # the script writing the table standardises it: a sigmoid decoder cannot reproduce it
    ("RL102-sigmoid-autoencoder-on-a-csv-a-sibling-script-standardises", {
        "prepare.py": """\
            import pandas as pd
            from sklearn.preprocessing import StandardScaler

            raw = pd.read_csv("data/traffic.csv")
            feats = raw.drop(columns=["label"])
            scaled = StandardScaler().fit_transform(feats)
            pd.DataFrame(scaled, columns=feats.columns).to_csv("data/normalized_traffic.csv", index=False)
        """,
        "train.py": """\
            import pandas as pd
            from tensorflow.keras import layers, models

            x = pd.read_csv("data/normalized_traffic.csv").values
            inp = layers.Input(shape=(x.shape[1],))
            code = layers.Dense(5, activation="relu")(inp)
            out = layers.Dense(x.shape[1], activation="sigmoid")(code)  # expect: RL102
            auto = models.Model(inp, out)
            auto.compile(optimizer="adam", loss="mean_squared_error")
            auto.fit(x, x, epochs=50)
        """,
    }, None),
]

CASES += [
    # an `if` picks one of two compiling builders; the targets both train on are scaled into [0, 1]
    ("RL102-valid-either-compiling-builder-an-if-picks-trains-on-scaled-targets", {
        "data.py": """\
            import numpy as np


            def load(path):
                table = np.loadtxt(path, delimiter=",")
                x, y = table[:, :-1], table[:, -1]
                return x, y / y.max()
        """,
        "nets.py": """\
            from tensorflow.keras.layers import Dense
            from tensorflow.keras.models import Sequential


            def build_small(n_in):
                model = Sequential([Dense(16, activation="relu", input_shape=(n_in,)), Dense(1, activation="sigmoid")])
                model.compile(loss="mse", optimizer="adam")
                return model


            def build_wide(n_in):
                model = Sequential([Dense(64, activation="relu", input_shape=(n_in,)), Dense(1, activation="sigmoid")])
                model.compile(loss="mse", optimizer="adam")
                return model
        """,
        "train.py": """\
            import sys

            import data
            from nets import build_small, build_wide

            x_train, y_train = data.load("scores.csv")
            if sys.argv[1] == "small":
                model = build_small(x_train.shape[1])
            else:
                model = build_wide(x_train.shape[1])
            model.fit(x_train, y_train, epochs=5)
        """,
    }, None),
]

def _constructor_copies(targets: str, expect: str = "") -> dict:
    """A class storing the data its constructor is given, whose method copies them into local names
    before fitting on them, and a script constructing it with `targets`."""
    return {
        "models.py": f"""\
            import keras
            from keras import layers


            class ToxNet:
                def __init__(self, x_train, y_train, loss, epochs=3):
                    inp = keras.Input((16,))
                    self.model = keras.Model(inp, layers.Dense(2)(layers.Dense(32, activation="relu")(inp)))
                    self.x_train, self.y_train = x_train, y_train
                    self.loss, self.epochs = loss, epochs

                def run(self):
                    self.model.compile(loss=self.loss, optimizer="adam", metrics=["accuracy"]){expect}
                    x_train = self.x_train
                    y_train = self.y_train
                    return self.model.fit(x_train, y_train, epochs=self.epochs)
        """,
        "train.py": f"""\
            import keras
            import numpy as np

            from models import ToxNet

            x = np.random.rand(200, 16)
            y = {targets}
            ToxNet(x, y, "mean_squared_error").run()
        """,
    }


CASES += [
    # a method copies the targets its constructor stored into a local name before fitting on it
    ("RL101-valid-one-hot-targets-a-method-copies-from-the-constructor-before-fit",
     _constructor_copies("keras.utils.to_categorical(np.random.randint(0, 2, 200), 2)"), None),
    ("RL101-continuous-targets-a-method-copies-from-the-constructor-before-fit",
     _constructor_copies("np.random.rand(200, 2) * 50.0", "  # expect: RL101"), None),
]

def _literal_arm(case: str, expect: str = "") -> dict:
    """A helper of another module returning one arm's data by the literal `case` the script passes,
    and a relu head fitted on what it returns."""
    return {
        "samples.py": """\
            import numpy as np


            def draw_samples(case, n=400):
                gen = np.random.default_rng(7)
                if case == "signed":
                    u = gen.uniform(-1.0, 1.0, n)
                    return u, np.sin(u)
                if case == "counts":
                    u = gen.uniform(0.0, 1.0, n)
                    return u, gen.poisson(3.0, n)
                raise ValueError(case)
        """,
        "build_fixture.py": f"""\
            from keras.layers import Dense
            from keras.models import Sequential

            from samples import draw_samples

            u, v = draw_samples("{case}")
            net = Sequential([Dense(6, input_dim=1, activation="sigmoid"), Dense(1, activation="relu")]){expect}
            net.compile(optimizer="adam", loss="mae")
            net.fit(u, v, epochs=5)
        """,
    }


CASES += [
    # a helper of another module picks its return by the literal the call passes: that arm's targets
    ("RL106-the-arm-of-a-helper-a-literal-argument-picks-returns-signed-targets",
     _literal_arm("signed", "  # expect: RL106"), None),
    ("RL106-valid-the-arm-of-a-helper-a-literal-argument-picks-returns-counts", _literal_arm("counts"), None),
]

def _dotted_helper(helper: str, call: str, head: str, expect: str = "") -> dict:
    """A helper `call` of the submodule `data.scaling`, imported by its dotted path, making the targets
    of a model ending in `head`."""
    return {
        "data/__init__.py": "",
        "data/scaling.py": helper,
        "train.py": f"""\
            import numpy as np
            from keras import Sequential, layers

            import data.scaling

            table = np.loadtxt("likes.csv", delimiter=",")
            x, y = table[:, 1:], data.scaling.{call}(table[:, 0])
            model = Sequential([layers.Input((x.shape[1],)), layers.Dense(32, activation="relu"),
                                layers.Dense(1, activation="{head}")]){expect}
            model.compile(optimizer="adam", loss="mse")
            model.fit(x, y, epochs=10)
        """,
    }


CASES += [
    # a helper of a submodule reached through its dotted import: `import data.scaling`
    ("RL106-targets-a-submodule-helper-standardises-through-a-dotted-import", _dotted_helper("""\
            def standardize(values):
                return (values - values.mean()) / values.std()
        """, "standardize", "relu", "  # expect: RL106"), None),
    ("RL102-valid-targets-a-submodule-helper-min-max-scales-through-a-dotted-import", _dotted_helper("""\
            def to_unit(values):
                return (values - values.min()) / (values.max() - values.min())
        """, "to_unit", "sigmoid"), None),
]

CASES += [
    # a helper whose first return calls itself again on its input made an array
    ("RL106-targets-a-recursive-helper-of-another-module-standardises", {
        "scaling.py": """\
            import numpy as np


            def standardize(values):
                if isinstance(values, list):
                    return standardize(np.array(values))
                avg, std = values.mean(axis=0), values.std(axis=0)
                return (values - avg) / std, avg, std
        """,
        "train.py": """\
            import numpy as np
            from keras import Sequential, layers

            from scaling import standardize

            table = np.loadtxt("likes.csv", delimiter=",")
            y, y_avg, y_std = standardize(table[:, 0])
            x = table[:, 1:]
            model = Sequential([layers.Input((x.shape[1],)), layers.Dense(32, activation="relu"),
                                layers.Dense(1, activation="relu")])  # expect: RL106
            model.compile(optimizer="adam", loss="mse")
            model.fit(x, y, epochs=10)
        """,
    }, None),
]

CASES += [
    # a divide by a literal that leaves the literal data it divides beyond 1: no scaling into [0, 1]
    ("RL102-sigmoid-head-on-literal-depths-a-data-module-divides-past-one", {
        "data.py": """\
            import numpy as np


            def load_data():
                x = np.random.rand(6, 4)
                depths = [[150], [350], [700], [950], [1050], [400]]
                return x, np.array(depths) / 100
        """,
        "train.py": """\
            from tensorflow.keras.layers import Dense
            from tensorflow.keras.models import Sequential

            import data

            x, y = data.load_data()
            model = Sequential([Dense(5, activation="tanh"), Dense(1, activation="sigmoid")])  # expect: RL102
            model.compile(optimizer="adam", loss="mean_squared_error")
            model.fit(x, y, epochs=10)
        """,
    }, None),
]

CASES += [
    # a compat module's version flag made of another (`MAJOR`, then `LEGACY = MAJOR < 3`)
    ("RL501-valid-a-two-step-version-flag-of-a-compat-module-guards-the-old-call", {
        "compat.py": """\
            import keras

            MAJOR = int(keras.__version__.split(".")[0])
            LEGACY = MAJOR < 3
        """,
        "trainer.py": """\
            from compat import LEGACY


            def train(model, batches, steps):
                if LEGACY:
                    return model.fit_generator(batches, steps_per_epoch=steps)
                return model.fit(batches, steps_per_epoch=steps)
        """,
    }, None),
]

CASES += [
    # one step per sample, declared by the first layer given an input shape (after a Dense)
    ("RL301-valid-one-step-declared-by-a-recurrent-layer-after-a-dense", {
        "stacked.py": """\
            from keras.layers import GRU, Dense
            from keras.models import Sequential


            def create_model(n_stack, n_feats, steps=1):
                net = Sequential()
                net.add(Dense(8))
                net.add(GRU(16, input_shape=(steps, n_feats), return_sequences=True))
                for _ in range(n_stack - 1):
                    net.add(Dense(8))
                    net.add(GRU(16, return_sequences=True))
                net.add(Dense(1))
                net.compile(loss="mae", optimizer="adam")
                return net
        """,
        "run.py": """\
            import numpy as np

            import stacked

            table = np.random.rand(500, 7)
            feats, target = table[:, :-1], table[:, -1:]
            feats = feats.reshape((feats.shape[0], 1, feats.shape[1]))
            net = stacked.create_model(3, feats.shape[2])
            net.fit(feats, target, epochs=5, batch_size=32)
        """,
    }, None),
]

def _data_class_copy(targets: str, expect_head: str = "", expect_metric: str = "") -> dict:
    """A data class whose constructor makes `self.y = <targets>`, copied with `self.x` into local
    names before a sigmoid head is fitted on them."""
    return {
        "dataset.py": f"""\
            import numpy as np
            from sklearn.preprocessing import MinMaxScaler
            from tensorflow.keras.utils import to_categorical


            class GenreData:
                def __init__(self, rows):
                    self.x = np.array([r["embedding"] for r in rows], dtype="float32")
                    self.y = {targets}
        """,
        "train.py": f"""\
            import json

            from tensorflow import keras

            from dataset import GenreData

            data = GenreData(json.load(open("movies.json")))
            features, targets = data.x, data.y
            net = keras.Sequential([keras.layers.Input((64,)), keras.layers.Dense(256, activation="relu"),
                                    keras.layers.Dense(12, activation="sigmoid")]){expect_head}
            net.compile(optimizer="adam", loss="mean_squared_error", metrics=["accuracy"]){expect_metric}
            net.fit(features, targets, epochs=15)
        """,
    }


CASES += [
    # a data class's attribute copied into a local name before fit: what its constructor makes of it
    ("RL101-RL102-valid-one-hot-labels-a-data-class-holds-copied-before-fit",
     _data_class_copy('to_categorical([r["genre"] for r in rows], 12)'), None),
    ("RL102-valid-targets-a-data-class-min-max-scales-copied-before-fit",
     _data_class_copy('MinMaxScaler().fit_transform(np.array([r["scores"] for r in rows]))', "",
                      "  # expect: RL101"), None),
    ("RL101-RL102-raw-scores-a-data-class-holds-copied-before-fit",
     _data_class_copy('np.array([r["box_office"] for r in rows], dtype="float32")', "  # expect: RL102",
                      "  # expect: RL101"), None),
]

def _scaler_by_method(head: str, loss: str, method: str = "minmax", expect: str = "") -> dict:
    """A preprocessing module choosing its target scaler by an `if` on a `method` argument (read on
    its own there: which arm ran is not known), a builder ending in `head` and a script passing
    `method=<method>`: the arms that literal rules out are not what the call runs."""
    return {
        "preprocessing.py": """\
            import numpy as np
            from sklearn.preprocessing import MinMaxScaler, StandardScaler


            def scale_targets(y, method="standard"):
                y = np.asarray(y, dtype="float32").reshape(-1, 1)
                if method == "minmax":
                    scaler = MinMaxScaler()
                elif method == "standard":
                    scaler = StandardScaler()
                else:
                    raise ValueError(method)
                return scaler.fit_transform(y), scaler
        """,
        "models.py": f"""\
            from keras.layers import Dense, Input
            from keras.models import Model


            def mlp(n_in):
                inp = Input(shape=(n_in,))
                x = Dense(64, activation="relu")(inp)
                return Model(inp, Dense(1, activation="{head}")(x)){expect}
        """,
        "train.py": f"""\
            import pandas as pd

            from models import mlp
            from preprocessing import scale_targets

            frame = pd.read_csv("concrete.csv")
            feats = frame.drop(columns=["strength"]).values
            target, target_scaler = scale_targets(frame["strength"].values, method="{method}")
            net = mlp(feats.shape[1])
            net.compile(optimizer="adam", loss="{loss}")
            net.fit(feats, target, epochs=150, validation_split=0.2)
        """,
    }


CASES += [
    # a scaler chosen by an `if` in another module's helper: neither arm is evidence nor exemption
    ("RL102-valid-sigmoid-head-on-targets-a-helper-scales-by-its-method-argument",
     _scaler_by_method("sigmoid", "mse"), None),
    ("RL106-valid-relu-head-on-targets-a-helper-scales-by-its-method-argument",
     _scaler_by_method("relu", "mae"), None),
    ("RL106-relu-head-on-targets-a-helper-standardises-by-its-method-argument",
     _scaler_by_method("relu", "mae", "standard", "  # expect: RL106"), None),
]

def _dataframe_flows(scaling: str, expect: str = "") -> dict:
    """A data module returning a train and a validation flow of one frame's `y_col` (after
    `scaling`, a statement on the frame) and a sigmoid head fitted on the first."""
    return {
        "data.py": f"""\
            import pandas as pd
            from tensorflow.keras.preprocessing.image import ImageDataGenerator


            def patch_flows(csv="patches.csv", root="patches"):
                table = pd.read_csv(csv)
                {scaling}
                fit_part = table.sample(frac=0.85, random_state=0)
                held_out = table.drop(fit_part.index)
                gen = ImageDataGenerator(rescale=1.0 / 255)
                first = gen.flow_from_dataframe(fit_part, root, x_col="path", y_col="rel_yield", class_mode="raw")
                second = gen.flow_from_dataframe(held_out, root, x_col="path", y_col="rel_yield", class_mode="raw")
                return first, second
        """,
        "train.py": f"""\
            import tensorflow as tf

            from data import patch_flows

            fit_flow, val_flow = patch_flows()
            base = tf.keras.applications.MobileNetV2(input_shape=(96, 96, 3), include_top=False)
            pooled = tf.keras.layers.GlobalAveragePooling2D()(base.output)
            head = tf.keras.layers.Dense(1, activation="sigmoid")(pooled){expect}
            net = tf.keras.Model(base.input, head)
            net.compile(optimizer="adam", loss="mse")
            net.fit(fit_flow, validation_data=val_flow, epochs=12)
        """,
    }


CASES += [
    # one of the flows a data module's function returns, unpacked: read in that module
    ("RL102-valid-sigmoid-head-on-flows-of-a-column-a-data-module-divides-by-its-max",
     _dataframe_flows('table["rel_yield"] = table["crop_yield"] / table["crop_yield"].max()'), None),
    ("RL102-sigmoid-head-on-flows-of-a-column-a-data-module-leaves-raw",
     _dataframe_flows('table["rel_yield"] = table["crop_yield"] * 10.0', "  # expect: RL102"), None),
]

def _stored_client(target: str, expect: str = "") -> dict:
    """A Flower client whose constructor stores the script's targets untouched and whose `fit` (the
    framework's to call) fits a sigmoid head on them; the script passes `target`."""
    return {
        "client.py": f"""\
            import flwr as fl
            from tensorflow import keras


            def load_net(n_in):
                net = keras.Sequential([keras.Input((n_in,)), keras.layers.Dense(64, activation="relu"),
                                        keras.layers.Dense(1, activation="sigmoid")]){expect}
                net.compile(optimizer="adam", loss="mse")
                return net


            class LoadClient(fl.client.NumPyClient):
                def __init__(self, feats, target, epochs=2):
                    self.net = load_net(feats.shape[1])
                    self.feats, self.target = feats, target
                    self.epochs = epochs

                def get_parameters(self, config):
                    return self.net.get_weights()

                def fit(self, parameters, config):
                    self.net.set_weights(parameters)
                    self.net.fit(self.feats, self.target, epochs=self.epochs, verbose=0)
                    return self.net.get_weights(), len(self.feats), {{}}
        """,
        "start_client.py": f"""\
            import sys

            import flwr as fl
            import pandas as pd
            from sklearn.preprocessing import MinMaxScaler

            from client import LoadClient

            house = pd.read_csv(sys.argv[1])
            feats = house[["hour_sin", "hour_cos", "temp", "lag_1"]].values
            target = {target}
            fl.client.start_numpy_client(server_address="127.0.0.1:8080", client=LoadClient(feats, target))
        """,
    }


CASES += [
    # a client class fitting what its constructor stored: the targets are what the script passes
    ("RL102-valid-sigmoid-head-a-client-fits-on-targets-its-script-min-max-scales",
     _stored_client('MinMaxScaler().fit_transform(house[["kwh"]])'), None),
    ("RL102-sigmoid-head-a-client-fits-on-raw-targets-its-script-passes",
     _stored_client('house[["kwh"]].values', "  # expect: RL102"), None),
]

def _fluent_loader(chain: str, head: str, expect: str = "") -> dict:
    """A data class whose `load()` sets raw counts and `normalise()` divides them by their max, each
    returning `self`; the script makes it with `chain` and fits a `head` head on its counts."""
    return {
        "dataset.py": """\
            import numpy as np


            class CrowdCounts:
                def __init__(self, root):
                    self.root = root
                    self.counts = None

                def load(self):
                    arr = np.load(self.root + "/crowd.npz")
                    self.images = arr["images"].astype("float32") / 255.0
                    self.counts = arr["counts"].astype("float32")
                    return self

                def normalise(self):
                    self.top = self.counts.max()
                    self.counts = self.counts / self.top
                    return self

                def center(self):
                    self.counts -= self.counts.mean()
                    self.counts /= self.counts.std()
                    return self
        """,
        "train.py": f"""\
            from tensorflow.keras import layers, models

            from dataset import CrowdCounts

            data = CrowdCounts("data"){chain}
            inp = layers.Input((64, 64, 3))
            pooled = layers.GlobalAveragePooling2D()(layers.Conv2D(16, 3, activation="relu")(inp))
            net = models.Model(inp, layers.Dense(1, activation="{head}")(pooled)){expect}
            net.compile(optimizer="adam", loss="mse")
            net.fit(data.images, data.counts, epochs=25)
        """,
    }


CASES += [
    # a chain of methods returning `self`: the last of them that writes the attribute decides
    ("RL102-valid-sigmoid-head-on-counts-the-last-method-of-a-chain-divides-by-their-max",
     _fluent_loader(".load().normalise()", "sigmoid"), None),
    ("RL102-sigmoid-head-on-counts-a-chain-only-loads",
     _fluent_loader(".load()", "sigmoid", "  # expect: RL102"), None),
    # centred then divided in place, one write after the other: signed
    ("RL106-relu-head-on-counts-a-chain-centres-and-divides-in-place",
     _fluent_loader(".load().center()", "relu", "  # expect: RL106"), None),
]

def _starred_unpack(scaler: str, head: str, expect: str = "") -> dict:
    """A data helper returning (windows, targets, scaler) of a series `scaler` scales; the script
    keeps the first two with `x, y, *_ = ...` and fits a `head` head on them."""
    return {
        "data.py": f"""\
            import numpy as np
            import pandas as pd
            from sklearn.preprocessing import MinMaxScaler, StandardScaler


            def process(path, lag):
                frame = pd.read_csv(path)
                scaler = {scaler}.fit(frame["flow"].values.reshape(-1, 1))
                flow = scaler.transform(frame["flow"].values.reshape(-1, 1)).reshape(1, -1)[0]
                rows = np.array([flow[i - lag: i + 1] for i in range(lag, len(flow))])
                return rows[:, :-1], rows[:, -1], scaler
        """,
        "train.py": f"""\
            from keras.layers import LSTM, Dense
            from keras.models import Sequential

            from data import process

            x, y, *_ = process("flows.csv", 12)
            net = Sequential([LSTM(32, input_shape=(12, 1)), Dense(1, activation="{head}")]){expect}
            net.compile(loss="mse", optimizer="rmsprop")
            net.fit(x.reshape(-1, 12, 1), y, epochs=5)
        """,
    }


CASES += [
    # the items before a starred target are the tuple's first ones, read in the helper's module
    ("RL102-valid-sigmoid-head-on-targets-kept-by-a-starred-unpack-of-a-min-max-helper",
     _starred_unpack("MinMaxScaler(feature_range=(0, 1))", "sigmoid"), None),
    ("RL106-relu-head-on-targets-kept-by-a-starred-unpack-of-a-standardising-helper",
     _starred_unpack("StandardScaler()", "relu", "  # expect: RL106"), None),
]

def _scripts_folder(scaling: str, expect: str = "") -> dict:
    """A forecaster class in pkg/ (its base compiling and fitting on a method's parameters, the
    subclass's own `__init__` calling the base's), run by scripts/train.py on windows data/prep.py
    cuts from a series `scaling` makes."""
    return {
        "data/__init__.py": "",
        "data/prep.py": f"""\
            import numpy as np
            import pandas as pd
            from sklearn.preprocessing import MinMaxScaler


            def make_windows(csv_path, lag):
                frame = pd.read_csv(csv_path)
                flow = {scaling}
                rows = np.array([flow[i - lag: i + 1] for i in range(lag, len(flow))])
                return rows[:, :-1], rows[:, -1]
        """,
        "pkg/__init__.py": "",
        "pkg/base.py": """\
            class Forecaster:
                def __init__(self, cfg):
                    self.cfg = cfg
                    self.model = None

                def compile(self):
                    self.model.compile(loss="mse", optimizer="adam")

                def train(self, x, y):
                    return self.model.fit(x, y, epochs=self.cfg["epochs"], batch_size=64)
        """,
        "pkg/lstm.py": f"""\
            import tensorflow as tf

            from pkg.base import Forecaster


            class LSTMForecaster(Forecaster):
                def __init__(self, cfg):
                    super().__init__(cfg)

                def build(self):
                    self.model = tf.keras.Sequential()
                    self.model.add(tf.keras.layers.LSTM(32, input_shape=(self.cfg["lag"], 1)))
                    self.model.add(tf.keras.layers.Dense(1, activation="sigmoid")){expect}
        """,
        "scripts/train.py": """\
            from data.prep import make_windows
            from pkg.lstm import LSTMForecaster

            x, y = make_windows("flows.csv", 12)
            net = LSTMForecaster({"lag": 12, "epochs": 5})
            net.build()
            net.compile()
            net.train(x.reshape(-1, 12, 1), y)
        """,
    }


CASES += [
    # the script fitting the package's model lives in a scripts/ folder beside the package
    ("RL102-valid-sigmoid-head-a-script-in-a-scripts-folder-fits-on-min-max-scaled-windows",
     _scripts_folder('MinMaxScaler().fit_transform(frame["flow"].values.reshape(-1, 1)).ravel()'), None),
    ("RL102-sigmoid-head-a-script-in-a-scripts-folder-fits-on-raw-windows",
     _scripts_folder('frame["flow"].values * 3.6', "  # expect: RL102"), None),
]

def _flows_through_kwargs(mode: str, expect: str = "") -> dict:
    """A data module making a training and a validation flow from one keyword dict (`class_mode`
    `mode` in it), and a script fitting a one-unit mae model with accuracy on them."""
    return {
        "gens.py": f"""\
            from tensorflow.keras.preprocessing.image import ImageDataGenerator


            def age_flows(table, img_dir, batch_size=32):
                gen = ImageDataGenerator(rescale=1.0 / 255, validation_split=0.2)
                kw = dict(directory=img_dir, x_col="file", y_col="age", class_mode="{mode}",
                          target_size=(128, 128), batch_size=batch_size)
                return gen.flow_from_dataframe(table, subset="training", **kw), \\
                    gen.flow_from_dataframe(table, subset="validation", **kw)
        """,
        "train.py": f"""\
            import pandas as pd
            from tensorflow import keras

            from gens import age_flows

            fit_flow, val_flow = age_flows(pd.read_csv("ages.csv"), "faces")
            net = keras.Sequential([keras.Input((128, 128, 3)), keras.layers.Conv2D(32, 3, activation="relu"),
                                    keras.layers.GlobalAveragePooling2D(), keras.layers.Dense(1)])
            net.compile(optimizer="adam", loss="mae", metrics=["accuracy"]){expect}
            net.fit(fit_flow, validation_data=val_flow, epochs=20)
        """,
    }


CASES += [
    # the class mode of a directory iterator read from the keyword dict spread into it
    ("RL101-accuracy-on-flows-whose-spread-keywords-say-raw",
     _flows_through_kwargs("raw", "  # expect: RL101"), None),
    ("RL101-valid-accuracy-on-flows-whose-spread-keywords-say-binary",
     _flows_through_kwargs("binary"), None),
]

CASES += [
    # a callback subclass of another module forwarding `**kwargs` to Keras' ModelCheckpoint
    ("RL504-period-given-to-another-modules-checkpoint-subclass-forwarding-kwargs", {
        "cbs.py": """\
            from keras.callbacks import ModelCheckpoint


            class SaveTemplate(ModelCheckpoint):
                def __init__(self, template, **kwargs):
                    super().__init__(**kwargs)
                    self.template = template
        """,
        "train.py": """\
            import numpy as np
            from keras import layers, models

            from cbs import SaveTemplate

            net = models.Sequential([layers.Input((4,)), layers.Dense(8, activation="relu"), layers.Dense(1)])
            net.compile(optimizer="adam", loss="mse")
            ckpt = SaveTemplate(template=net, filepath="w.h5", period=1)  # expect: RL504
            net.fit(np.zeros((8, 4)), np.zeros((8, 1)), epochs=2, callbacks=[ckpt])
        """,
    }, None),
    # ... and one whose own `__init__` takes `period` itself: Keras never sees it
    ("RL504-valid-period-taken-by-another-modules-checkpoint-subclass", {
        "cbs.py": """\
            from keras.callbacks import ModelCheckpoint


            class SaveEvery(ModelCheckpoint):
                def __init__(self, path, period=5, **kwargs):
                    super().__init__(path, save_freq="epoch", **kwargs)
                    self.every = period
        """,
        "train.py": """\
            import numpy as np
            from keras import layers, models

            from cbs import SaveEvery

            net = models.Sequential([layers.Input((4,)), layers.Dense(1)])
            net.compile(optimizer="adam", loss="mse")
            net.fit(np.zeros((8, 4)), np.zeros((8, 1)), epochs=2, callbacks=[SaveEvery("w.h5", period=2)])
        """,
    }, None),
]

def _config_class_trainer(steps: str, metrics: str, expect_steps: str = "", expect_metrics: str = "") -> dict:
    """A config class handed to a trainer's constructor in one expression (`Trainer(Config).run()`);
    the trainer builds, compiles and fits its own model with the config's settings."""
    return {
        "config.py": f"""\
            class Config:
                N_TRAIN = 120000
                BATCH = 256
                STEPS = {steps}{expect_steps}
                LOSS = "mse"
                METRICS = {metrics}{expect_metrics}
        """,
        "trainer.py": """\
            import numpy as np
            import tensorflow as tf


            class Trainer:
                def __init__(self, cfg):
                    self.cfg = cfg

                def run(self):
                    d = np.load("co.npz")
                    ds = tf.data.Dataset.from_tensor_slices((d["x"], d["co_ppm"])).batch(self.cfg.BATCH).repeat()
                    model = tf.keras.Sequential([tf.keras.Input((16,)), tf.keras.layers.Dense(64, activation="relu"),
                                                 tf.keras.layers.Dense(1)])
                    model.compile(optimizer="adam", loss=self.cfg.LOSS, metrics=self.cfg.METRICS)
                    model.fit(ds, steps_per_epoch=self.cfg.STEPS, epochs=15)
                    return model
        """,
        "main.py": """\
            from config import Config
            from trainer import Trainer

            if __name__ == "__main__":
                Trainer(Config).run().save("co_model.keras")
        """,
    }


CASES += [
    # a config class handed to a trainer's construction, a method run on it in the same expression
    ("RL101-RL202-settings-of-a-config-class-a-trainer-is-constructed-with",
     _config_class_trainer("N_TRAIN / BATCH", '["mae", "accuracy"]', "  # expect: RL202", "  # expect: RL101"), None),
    ("RL101-RL202-valid-settings-of-a-config-class-a-trainer-is-constructed-with",
     _config_class_trainer("N_TRAIN // BATCH", '["mae"]'), None),
]

def _sequential_subclass(head: str, expect: str = "") -> dict:
    """A `Sequential` subclass adding its layers to itself in `__init__` (ending in `head`) and
    compiled with mse there, trained by a script on mirrored steering angles (both signs)."""
    return {
        "drive_data.py": """\
            import numpy as np
            import pandas as pd


            class DriveLog:
                def __init__(self, csv_path):
                    self.frame = pd.read_csv(csv_path)

                def batches(self, batch_size):
                    while True:
                        rows = self.frame.sample(batch_size)
                        images = np.stack([np.load(p) for p in rows["image"]]) / 255.0
                        angles = rows["steering"].to_numpy()
                        flip = np.random.rand(batch_size) > 0.5
                        images[flip] = images[flip, :, ::-1]
                        yield images, np.where(flip, -angles, angles)
        """,
        "autopilot.py": f"""\
            from keras.layers import Conv2D, Dense, Flatten
            from keras.models import Sequential


            class Autopilot(Sequential):
                def __init__(self, input_shape, n_out=1):
                    Sequential.__init__(self)
                    self.add(Conv2D(16, (5, 5), strides=(2, 2), activation="relu", input_shape=input_shape))
                    self.add(Flatten())
                    self.add(Dense(64, activation="relu"))
                    self.add(Dense(n_out, activation="{head}")){expect}
                    self.compile(loss="mse", optimizer="adam")

                def train(self, log, epochs):
                    self.fit(log.batches(32), steps_per_epoch=200, epochs=epochs)
        """,
        "run_training.py": """\
            from autopilot import Autopilot
            from drive_data import DriveLog

            pilot = Autopilot((66, 200, 3))
            pilot.train(DriveLog("driving_log.csv"), epochs=10)
        """,
    }


CASES += [
    # a Sequential subclass building itself: its layers are what `self.add` gives
    ("RL102-sigmoid-head-of-a-sequential-subclass-on-mirrored-steering-angles",
     _sequential_subclass("sigmoid", "  # expect: RL102"), None),
    ("RL102-RL106-valid-linear-head-of-a-sequential-subclass-on-mirrored-steering-angles",
     _sequential_subclass("linear"), None),
]

CASES += [
    # a model trained only by a GradientTape loop of another module it is handed to: its compile's
    # loss trains nothing
    ("RL102-valid-sigmoid-head-trained-only-by-another-modules-gradient-tape-loop", {
        "train_loop.py": """\
            import tensorflow as tf


            def train(model, ds, epochs=10, lr=1e-3):
                opt = tf.keras.optimizers.Adam(learning_rate=lr)
                for _ in range(epochs):
                    for x, y in ds:
                        with tf.GradientTape() as tape:
                            loss = tf.reduce_mean(tf.keras.losses.binary_crossentropy(y, model(x, training=True)))
                        grads = tape.gradient(loss, model.trainable_variables)
                        opt.apply_gradients(zip(grads, model.trainable_variables))
                return model
        """,
        "models.py": """\
            import tensorflow as tf


            def scorer(n_in):
                m = tf.keras.Sequential([tf.keras.layers.Dense(32, activation="relu", input_shape=(n_in,)),
                                         tf.keras.layers.Dense(1, activation="sigmoid")])
                m.compile(optimizer="adam", loss="mse")
                return m
        """,
        "run.py": """\
            import numpy as np
            import tensorflow as tf

            from models import scorer
            from train_loop import train

            feats, ctr = np.load("X.npy").astype("float32"), np.load("ctr.npy").astype("float32")
            model = train(scorer(feats.shape[1]), tf.data.Dataset.from_tensor_slices((feats, ctr)).batch(64))
        """,
    }, None),
]


def _one_step_forecaster(targets: str, mark: str = "") -> dict:
    """A builder of one-step models in models.py (windows reshaped to `(n, 1, look_back)`), fitted by
    train.py on the targets `targets` makes of data.py's 1-D series."""
    return {
        "data.py": """\
            import numpy as np
            import pandas as pd


            def windows(look_back):
                data = pd.read_csv("load.csv")[["kw"]].values.astype("float32")
                xs, ys = [], []
                for i in range(len(data) - look_back - 1):
                    xs.append(data[i:i + look_back, 0])
                    ys.append(data[i + look_back, 0])
                return np.array(xs), np.array(ys)
        """,
        "models.py": f"""\
            from tensorflow.keras import Sequential
            from tensorflow.keras.layers import LSTM, Dense


            def forecaster(look_back):
                return Sequential([LSTM(8, input_shape=(1, look_back), return_sequences=True),
                                   Dense(1)]){mark}
        """,
        "train.py": f"""\
            import numpy as np
            from data import windows
            from models import forecaster

            x, y = windows(4)
            y = {targets}
            model = forecaster(4)
            model.compile(optimizer="adam", loss="mse")
            model.fit(x.reshape(len(x), 1, 4), y, epochs=30)
        """,
    }


CASES += [
    # one step per sample: (n, 1, 1) predictions against 1-D targets broadcast to (n, 1, n)
    ("RL301-one-step-builder-of-another-module-fitted-on-1-d-targets",
     _one_step_forecaster("y.ravel()", "  # expect: RL301"), None),
    ("RL301-valid-one-step-builder-of-another-module-fitted-on-a-column-of-targets",
     _one_step_forecaster("y.reshape(-1, 1)"), None),
]


def _config_module_range(y_range: str, mark: str = "") -> dict:
    """A data module scaling the targets with `MinMaxScaler(feature_range=cfg.Y_RANGE)`, the range a
    config module binds (`import config as cfg`), and a sigmoid head fitted on them by train.py."""
    return {
        "config.py": f"""\
            Y_RANGE = {y_range}
        """,
        "data.py": """\
            import numpy as np
            from sklearn.preprocessing import MinMaxScaler

            import config as cfg


            def load():
                x = np.load("x.npy")
                y = MinMaxScaler(feature_range=cfg.Y_RANGE).fit_transform(np.load("y.npy").reshape(-1, 1))
                return x, y
        """,
        "train.py": f"""\
            from tensorflow import keras

            from data import load

            x, y = load()
            model = keras.Sequential([keras.layers.Input((8,)), keras.layers.Dense(16, activation="relu"),
                                      keras.layers.Dense(1, activation="sigmoid")]){mark}
            model.compile(optimizer="adam", loss="mse")
            model.fit(x, y, epochs=5)
        """,
    }


CASES += [
    # a target range a config module binds, read as `cfg.Y_RANGE` by the data module that scales
    ("RL102-valid-sigmoid-head-on-targets-scaled-to-a-config-modules-unit-range",
     _config_module_range("(0, 1)"), None),
    ("RL102-sigmoid-head-on-targets-scaled-to-a-config-modules-signed-range",
     _config_module_range("(-1, 1)", "  # expect: RL102"), None),
]

def _defaults_trainer(metrics_default: str, expect: str = "") -> str:
    """A trainer module whose defaults choose the loss and the metric: it builds, compiles and fits a
    forecaster on the data it is given (a series' next values)."""
    return f"""\
        import tensorflow as tf


        def train(data, loss="mse", used_metrics="{metrics_default}", epochs=10):
            x, y = data
            if used_metrics == "accuracy":
                metrics = [tf.keras.metrics.Accuracy()]{expect}
            else:
                metrics = [tf.keras.metrics.MeanAbsoluteError()]
            model = tf.keras.Sequential([tf.keras.Input((x.shape[1],)), tf.keras.layers.Dense(32, activation="relu"),
                                         tf.keras.layers.Dense(y.shape[1])])
            model.compile(optimizer="adam", loss=loss, metrics=metrics)
            model.fit(x, y, epochs=epochs)
            return model
    """


CASES += [
    # a trainer of another module called with its defaults: its loss and its accuracy metric are what
    # the call leaves in force (the call in the script completes the mistake)
    ("RL101-trainer-defaults-left-by-a-call-from-another-module", {
        "nets.py": _defaults_trainer("accuracy", "  # expect: RL101"),
        "run.py": """\
            import numpy as np
            from nets import train

            series = np.cumsum(np.random.randn(600))
            X = np.stack([series[i:i + 20] for i in range(500)])
            y = np.stack([series[i + 20:i + 27] for i in range(500)])
            model = train((X, y))
        """,
    }, None),
    # ... in a package, by a relative import
    ("RL101-trainer-defaults-left-by-a-call-through-a-relative-import", {
        "forecast/__init__.py": "",
        "forecast/nets.py": _defaults_trainer("accuracy", "  # expect: RL101"),
        "forecast/run.py": """\
            import numpy as np

            from .nets import train


            def main():
                x, y = np.load("x.npy"), np.load("y.npy")
                return train((x, y), epochs=5)
        """,
    }, None),
    # ... the module imported whole, the settings spread from a dict the script writes out
    ("RL101-trainer-defaults-with-settings-spread-from-a-known-dict", {
        "nets.py": _defaults_trainer("accuracy", "  # expect: RL101"),
        "run.py": """\
            import numpy as np

            import nets

            SETTINGS = {"lstm": {"epochs": 5}, "mlp": {"epochs": 20}}
            x, y = np.load("x.npy"), np.load("y.npy")
            nets.train((x, y), **SETTINGS["lstm"])
        """,
    }, None),
    # the look-alikes: the call overrides the default metric; a spread of settings read from a file
    # may pass any parameter (its defaults may not be in force); a `**kwargs` of unknown content
    ("RL101-valid-trainer-defaults-overridden-by-the-call", {
        "nets.py": _defaults_trainer("accuracy"),
        "run.py": """\
            import numpy as np
            from nets import train

            x, y = np.load("x.npy"), np.load("y.npy")
            train((x, y), used_metrics="mae")
        """,
    }, None),
    ("RL101-valid-trainer-given-settings-of-unknown-content", {
        "nets.py": _defaults_trainer("accuracy"),
        "run.py": """\
            import json

            import numpy as np
            from nets import train

            SETTINGS = json.load(open("settings.json"))
            x, y = np.load("x.npy"), np.load("y.npy")
            for name in ("lstm", "mlp"):
                train((x, y), **SETTINGS[name])
        """,
    }, None),
    ("RL101-valid-trainer-given-kwargs-of-unknown-content", {
        "nets.py": _defaults_trainer("accuracy"),
        "run.py": """\
            import numpy as np
            from nets import train


            def main(**kwargs):
                x, y = np.load("x.npy"), np.load("y.npy")
                return train((x, y), **kwargs)
        """,
    }, None),
    # a trainer taking the metrics list itself, `metrics=["accuracy"]` its default, overridden
    ("RL101-valid-trainer-metrics-default-overridden-by-the-call", {
        "fit.py": """\
            from tensorflow import keras


            def fit_model(x, y, loss="mse", metrics=["accuracy"]):
                model = keras.Sequential([keras.Input((x.shape[1],)), keras.layers.Dense(1)])
                model.compile(optimizer="adam", loss=loss, metrics=metrics)
                return model.fit(x, y, epochs=5)
        """,
        "run.py": """\
            import numpy as np
            from fit import fit_model

            x, y = np.load("x.npy"), np.load("y.npy")
            fit_model(x, y, metrics=["mae"])
        """,
    }, None),
    ("RL101-trainer-metrics-default-left-by-a-call-from-another-module", {
        "fit.py": """\
            from tensorflow import keras


            def fit_model(x, y, loss="mse", metrics=["accuracy"]):  # expect: RL101
                model = keras.Sequential([keras.Input((x.shape[1],)), keras.layers.Dense(1)])
                model.compile(optimizer="adam", loss=loss, metrics=metrics)
                return model.fit(x, y, epochs=5)
        """,
        "run.py": """\
            import numpy as np
            from fit import fit_model

            x, y = np.load("x.npy"), np.load("y.npy")
            fit_model(x, y)
        """,
    }, None),
]

def _scores_module(root: str, expect: str = "") -> str:
    """A scores module: a root of the squared error's mean (`root`'s axis argument), and a plain
    class whose method scales it by a normaliser (an nRMSE)."""
    return f"""\
        import tensorflow as tf


        def horizon_rmse(y_true, y_pred):
            err = tf.square(y_true - y_pred)
            return tf.sqrt(tf.reduce_mean(err{root})){expect}


        def nrmse_fn(y_true, y_pred):
            return horizon_rmse(y_true, y_pred) / 1.0


        class ForecastScores:
            def __init__(self, scale=1.0):
                self.scale = scale

            def nrmse(self, target, prediction):
                return horizon_rmse(target, prediction) / self.scale
    """


def _scored_forecaster(imports: list, metric: str, after: str = "") -> str:
    """A script fitting a 24-step forecaster with `metrics=[metric]`, `imports` (its lines) bringing
    the metric in, `after` run once it is fitted."""
    lines = ["import numpy as np", "import keras", "from keras import layers", "", *imports, "",
             "x, y = np.random.rand(512, 48, 4), np.random.rand(512, 24)",
             "model = keras.Sequential([keras.Input((48, 4)), layers.LSTM(32), layers.Dense(24)])",
             f'model.compile(optimizer="adam", loss="mse", metrics=[{metric}])',
             "model.fit(x, y, validation_split=0.2, epochs=5)", *([after] if after else [])]
    return "\n".join(lines) + "\n"


_BOUND = ["from scores import ForecastScores", "", "scores = ForecastScores(scale=2.0)"]

CASES += [
    # a per-sample RMSE reached through a bound method of another module's plain class, scaling it
    ("RL401-per-sample-rmse-through-a-bound-method-of-another-modules-class", {
        "scores.py": _scores_module(", axis=-1", "  # expect: RL401"),
        "train.py": _scored_forecaster(_BOUND, "scores.nrmse"),
    }, None),
    # ... and through a function of a sibling module (relative import) dividing it by a constant
    ("RL401-per-sample-rmse-divided-by-a-constant-in-a-sibling-module", {
        "forecast/__init__.py": "",
        "forecast/scores.py": _scores_module(", axis=-1", "  # expect: RL401"),
        "forecast/train.py": _scored_forecaster(["from .scores import nrmse_fn"], "nrmse_fn"),
    }, None),
    # the look-alikes: the root of the mean over the whole batch, reached the same two ways
    ("RL401-valid-batch-rmse-through-a-bound-method-of-another-modules-class", {
        "scores.py": _scores_module(""),
        "train.py": _scored_forecaster(["import scores as sc", "", "scores = sc.ForecastScores(scale=2.0)"],
                                       "scores.nrmse"),
    }, None),
    ("RL401-valid-batch-rmse-divided-by-a-constant-in-a-sibling-module", {
        "forecast/__init__.py": "",
        "forecast/scores.py": _scores_module(""),
        "forecast/train.py": _scored_forecaster(["from .scores import nrmse_fn"], "nrmse_fn"),
    }, None),
    # ... and the per-sample one computed by the method only for a report, never given to Keras
    ("RL401-valid-per-sample-rmse-method-of-another-module-used-for-a-report", {
        "scores.py": _scores_module(", axis=-1"),
        "train.py": _scored_forecaster(_BOUND, '"mae"', "print(scores.nrmse(y, model.predict(x)))"),
    }, None),
]

def _picked_loss(root: str, import_line: str, expect: str = "") -> dict:
    """A package whose trainer picks its loss from a list of candidates by a setting's index (the
    list's first element another module's function: the root of the squared error's mean, `root`
    its axis argument)."""
    return {
        "nnpot/__init__.py": "",
        "nnpot/custom_utils.py": f"""\
            import keras.backend as K


            def rmse_loss(y_true, y_pred):
                return K.sqrt(K.mean(K.square(y_pred - y_true){root})){expect}
        """,
        "nnpot/network.py": f"""\
            import keras
            {import_line}

            LOSSES = [rmse_loss, "mean_squared_error", "mean_absolute_error"]


            class Trainer:
                def train_network(self, run_settings, x, y):
                    loss = LOSSES[run_settings["loss"]]
                    model = keras.Sequential([keras.Input((3,)), keras.layers.Dense(16, activation="relu"),
                                              keras.layers.Dense(1)])
                    model.compile(loss=loss, optimizer="adam")
                    model.fit(x, y, epochs=5)
                    return model
        """,
    }


CASES += [
    # a per-sample RMSE of another module among the candidate losses a setting's index picks from
    ("RL401-per-sample-rmse-among-candidate-losses-picked-by-a-setting",
     _picked_loss(", axis=-1", "from nnpot.custom_utils import rmse_loss", "  # expect: RL401"), None),
    ("RL401-per-sample-rmse-among-candidate-losses-of-a-sibling-module",
     _picked_loss(", axis=-1", "from .custom_utils import rmse_loss", "  # expect: RL401"), None),
    # the look-alikes: the candidate is the RMSE over the whole batch
    ("RL401-valid-batch-rmse-among-candidate-losses-picked-by-a-setting",
     _picked_loss("", "from nnpot.custom_utils import rmse_loss"), None),
    ("RL401-valid-batch-rmse-among-candidate-losses-of-a-sibling-module",
     _picked_loss("", "from .custom_utils import rmse_loss"), None),
]


def _reexported_windows(target: str, mark: str = "") -> dict:
    """A package whose __init__.py re-exports its builder and its window cutter; a module of it
    imports both from the package (`from . import ...`, naming neither module) and fits."""
    return {
        "traffic/__init__.py": "from .models import build_seq_model\nfrom .windows import cut_windows\n",
        "traffic/models.py": (
            "from tensorflow.keras.layers import LSTM, Dense\n"
            "from tensorflow.keras.models import Sequential\n\n\n"
            "def build_seq_model(steps, n_features):\n"
            "    model = Sequential()\n"
            "    model.add(LSTM(32, input_shape=(steps, n_features), return_sequences=True))\n"
            f"    model.add(Dense(1)){mark}\n"
            "    return model\n"),
        "traffic/windows.py": (
            "import numpy as np\n\n\n"
            "def cut_windows(series, steps=48):\n"
            "    xs, ys = [], []\n"
            "    for i in range(len(series) - steps - 1):\n"
            "        xs.append(series[i:i + steps])\n"
            f"        ys.append({target})\n"
            "    return np.stack(xs), np.stack(ys)\n"),
        "traffic/train.py": (
            "import numpy as np\n\n"
            "from . import build_seq_model, cut_windows\n\n"
            "x, y = cut_windows(np.load(\"flow.npy\"))\n"
            "model = build_seq_model(48, x.shape[2])\n"
            "model.compile(optimizer=\"adam\", loss=\"mse\")\n"
            "model.fit(x, y, epochs=5)\n"),
    }


CASES += [
    # per-step windows cut in a module the package re-exports, fitted by a module of the package
    # importing from the package itself: a sequence-to-sequence model
    ("RL301-valid-per-step-windows-through-a-package-reexport",
     _reexported_windows("series[i + 1:i + steps + 1, :1]"), None),
    # the same with one next value per window: a Dense on every step of the sequence
    ("RL301-one-value-per-window-through-a-package-reexport",
     _reexported_windows("series[i + steps, 0]", "  # expect: RL301"), None),
]

def _param(case_id, files, xfail):
    marks = [pytest.mark.xfail(strict=True, reason=xfail)] if xfail else []
    return pytest.param(files, id=case_id, marks=marks)


@pytest.mark.parametrize("files", [_param(*case) for case in CASES])
def test_findings_at_the_token_in_its_module_once(tmp_path, files):
    expected = make(tmp_path, files)
    found, messages = lint(tmp_path)
    assert found == expected, "\n".join(messages)


def test_every_rule_has_an_invalid_and_a_valid_cross_module_case():
    invalid, valid = set(), set()
    for case_id, files, _ in CASES:
        codes = {code.strip() for text in files.values() for m in _MARK.finditer(text)
                 for code in m.group(1).split(",") if code.strip()}
        invalid |= codes
        if not codes:
            valid |= set(re.findall(r"RL\d{3}", case_id))
    rules = {f"RL{n}" for n in (101, 102, 103, 104, 105, 106, 201, 202, 301, 302, 401, 501, 502, 503, 504,
                                 505, 506)}
    assert rules <= invalid, sorted(rules - invalid)
    assert rules <= valid, sorted(rules - valid)


# ---------------------------------------------------------------------------- the newcomer
# A sigmoid head in models.py, loss="mse" in train.py: one file gives RL102, two gave nothing.

NEWCOMER = {
    "models.py": """\
        from keras import layers, models


        def build_model(n_features):
            model = models.Sequential()
            model.add(layers.Input((n_features,)))
            model.add(layers.Dense(64, activation="relu"))
            model.add(layers.Dense(1, activation="sigmoid"))  # expect: RL102
            return model
    """,
    "train.py": """\
        import numpy as np

        from models import build_model

        x = np.loadtxt("x.csv", delimiter=",")
        y = np.loadtxt("y.csv", delimiter=",")
        model = build_model(x.shape[1])
        model.compile(optimizer="adam", loss="mse")
        model.fit(x, y, epochs=10)
    """,
}
HEAD_LINE = 8  # models.py, the activation argument
BUILDER_CALL, COMPILE = 7, 8  # train.py: the lines that bring the other half in


def test_newcomer_both_files_linted_reports_once_at_the_head(tmp_path):
    expected = make(tmp_path, NEWCOMER)
    assert expected == [("models.py", HEAD_LINE, "RL102")]
    found, messages = lint(tmp_path, "models.py", "train.py")
    assert found == expected, "\n".join(messages)


def test_newcomer_only_train_linted_reports_in_train_pointing_at_models(tmp_path):
    make(tmp_path, NEWCOMER)
    found, messages = lint(tmp_path, "train.py")  # as pre-commit does: only the changed file
    assert len(found) == 1 and found[0][0] == "train.py" and found[0][2] == "RL102", "\n".join(messages)
    assert found[0][1] in (BUILDER_CALL, COMPILE), messages
    assert f"models.py:{HEAD_LINE}" in messages[0], messages


def test_newcomer_noqa_where_it_is_reported_suppresses_it(tmp_path):
    make(tmp_path, NEWCOMER)
    found, messages = lint(tmp_path, "train.py")
    assert [(f, c) for f, _, c in found] == [("train.py", "RL102")], "\n".join(messages)
    train = tmp_path / "train.py"
    lines = train.read_text().splitlines()
    lines[found[0][1] - 1] += "  # noqa: RL102"
    train.write_text("\n".join(lines) + "\n")
    assert lint(tmp_path, "train.py")[0] == []
    # a noqa for another rule on that line does not hide it
    train.write_text(train.read_text().replace("# noqa: RL102", "# noqa: RL101"))
    assert [(f, c) for f, _, c in lint(tmp_path, "train.py")[0]] == [("train.py", "RL102")]


def test_builder_module_linted_alone_reads_the_scripts_that_fit_its_model(tmp_path):
    # pre-commit after an edit of models.py passes only models.py: the scripts beside it that fit the
    # model it compiles are still where its targets are prepared
    cases = {case_id: files for case_id, files, _ in CASES}
    make(tmp_path, cases["RL102-valid-builder-compiles-targets-scaled-in-data-module"])
    assert lint(tmp_path, "models.py")[0] == []
    data = tmp_path / "data.py"
    data.write_text(data.read_text().replace("y_scaler.transform(table[:, -1:])", "table[:, -1:]"))
    found, messages = lint(tmp_path, "models.py")
    assert found == [("models.py", 6, "RL102")], "\n".join(messages)


def test_builder_module_linted_alone_reports_the_evidence_of_the_script_beside_it(tmp_path):
    cases = {case_id: files for case_id, files, _ in CASES}
    expected = make(tmp_path, cases["RL106-builder-compiles-targets-standardised-beside"])
    found, messages = lint(tmp_path, "nets.py")
    assert found == expected == [("nets.py", 6, "RL106")], "\n".join(messages)


def test_builder_module_cached_result_follows_an_edit_of_the_data_its_importer_fits_on(tmp_path):
    cases = {case_id: files for case_id, files, _ in CASES}
    make(tmp_path, cases["RL102-valid-builder-compiles-targets-scaled-in-data-module"])
    first = run("check", "--exit-zero", "models.py", cwd=tmp_path)
    assert first.returncode == 0 and "RL102" not in first.stdout, first.stdout + first.stderr
    data = tmp_path / "data.py"
    data.write_text(data.read_text().replace("y_scaler.transform(table[:, -1:])", "table[:, -1:]"))
    second = run("check", "--exit-zero", "models.py", cwd=tmp_path)
    assert "models.py:6:" in second.stdout and "RL102" in second.stdout, second.stdout


def test_builder_module_cached_result_follows_an_edit_of_the_script_calling_the_wrapper(tmp_path):
    # nets.py's result depends on run.py two hops away (run.py -> wrapper.py -> nets.py)
    cases = {case_id: files for case_id, files, _ in CASES}
    make(tmp_path, cases["RL102-valid-wrapper-fits-a-builders-autoencoder-on-what-its-caller-scales"])
    first = run("check", "--exit-zero", "nets.py", cwd=tmp_path)
    assert first.returncode == 0 and "RL102" not in first.stdout, first.stdout + first.stderr
    script = tmp_path / "run.py"
    script.write_text(script.read_text().replace(" / 255.0", " * 3.0"))
    second = run("check", "--exit-zero", "nets.py", cwd=tmp_path)
    assert "nets.py:8:" in second.stdout and "RL102" in second.stdout, second.stdout


def test_builder_parameter_written_by_the_script_reported_there_when_it_is_linted_alone(tmp_path):
    """pre-commit passes only the changed script: the literal it hands the builder is the finding,
    in the script, with no pointer (the builder module holds no mistake of its own)."""
    case = next(files for case_id, files, _ in CASES if case_id == "RL101-RL102-builder-parameters-written-by-the-caller")
    expected = [e for e in make(tmp_path, case) if e[0] == "train_bad.py"]
    found, messages = lint(tmp_path, "train_bad.py")
    assert found == expected, "\n".join(messages)
    assert all("(at " not in m for m in messages), messages
    assert lint(tmp_path, "nets.py", "train_good.py")[0] == []


def test_script_handing_data_to_a_trainer_subclass_reports_alone_pointing_at_the_base():
    # pre-commit passes only main.py: the trainer's base class compiles what the subclass built, with
    # the loss default the script's construction leaves in force
    import tempfile
    from pathlib import Path

    case = dict(next(files for cid, files, _ in CASES if cid == "RL101-trainer-base-compiles-subclass-model"))
    with tempfile.TemporaryDirectory() as tmp:
        make(Path(tmp), case)
        found, messages = lint(Path(tmp), "main.py")
    assert [(f, c) for f, _, c in found] == [("main.py", "RL101")], "\n".join(messages)
    assert "(at trainer.py:11)" in messages[0], messages


def test_a_cached_result_follows_an_edit_of_the_script_whose_pickle_the_targets_come_from(tmp_path):
    cases = {case_id: files for case_id, files, _ in CASES}
    make(tmp_path, cases["RL102-valid-targets-from-a-pickle-the-project-writes"])
    first = run("check", "--exit-zero", "train.py", cwd=tmp_path)
    assert first.returncode == 0 and "RL102" not in first.stdout, first.stdout + first.stderr
    prepare = tmp_path / "prepare.py"
    prepare.write_text(prepare.read_text().replace("pickle.dump(samples, f)", "f.write(repr(samples).encode())"))
    second = run("check", "--exit-zero", "train.py", cwd=tmp_path)
    assert "train.py:8:" in second.stdout and "RL102" in second.stdout, second.stdout


def test_a_folder_named_keras_above_the_project_root_does_not_hide_its_modules(tmp_path):
    # `~/keras/proj/`: only Keras' own packages below a project's root are Keras itself
    root = tmp_path / "keras" / "proj"
    make(root, NEWCOMER)
    found, messages = lint(root, "train.py")
    assert len(found) == 1 and found[0][0] == "train.py" and found[0][2] == "RL102", "\n".join(messages)


def test_script_leaving_a_trainers_defaults_reports_alone_pointing_at_the_metric():
    """pre-commit passes only the script: the defaults it leaves in force make the trainer's accuracy
    metric meaningless, reported at its call with a pointer to the metric (issue 14's placement)."""
    import tempfile
    from pathlib import Path

    case = dict(next(files for cid, files, _ in CASES
                     if cid == "RL101-trainer-defaults-left-by-a-call-from-another-module"))
    with tempfile.TemporaryDirectory() as tmp:
        make(Path(tmp), case)
        found, messages = lint(Path(tmp), "run.py")
        alone, _ = lint(Path(tmp), "nets.py")
    assert found == [("run.py", 7, "RL101")], "\n".join(messages)
    assert "(at nets.py:7)" in messages[0], messages
    assert alone == []  # the trainer by itself: its parameters may be given anything


def test_trainer_module_picking_a_loss_reports_alone_pointing_at_the_root():
    """pre-commit passes only network.py: the per-sample RMSE among its candidate losses is reported
    at the list's element that brings it in, naming the root's place."""
    import tempfile
    from pathlib import Path

    case = dict(next(files for cid, files, _ in CASES
                     if cid == "RL401-per-sample-rmse-among-candidate-losses-picked-by-a-setting"))
    with tempfile.TemporaryDirectory() as tmp:
        make(Path(tmp), case)
        found, messages = lint(Path(tmp), "nnpot/network.py")
    assert found == [("nnpot/network.py", 4, "RL401")], "\n".join(messages)
    assert "(at nnpot/custom_utils.py:5)" in messages[0], messages
