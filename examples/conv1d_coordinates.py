"""Seed 1, rebuilt: a Conv1D network regressing a 3-D coordinate from a 64x1 signal (after a Stack
Overflow question whose accuracy "converged quickly while the loss kept falling").

regr-lint reports: the Keras 2 internal `keras.engine.input_layer.Input` (RL503), Dense layers on the
unflattened pooling output (RL301), a sigmoid head on a regression (RL102), `Nadam(lr=…)` (RL502) and
`metrics=['accuracy']` on an MSE loss (RL101)."""
import numpy as np
import keras
from keras.layers import Conv1D, Dense, MaxPooling1D
from keras.models import Model
from keras.optimizers import Nadam

rng = np.random.default_rng(0)
x_train = rng.random((2000, 64, 1)).astype("float32")
y_train = (x_train[:, :3, 0] * 100.0).astype("float32")  # coordinates in 0..100, not scaled


def cnn(input_size=(64, 1)):
    inputs = keras.engine.input_layer.Input(input_size)
    conv1 = Conv1D(64, 2, strides=1, activation="relu")(inputs)
    conv2 = Conv1D(64, 2, strides=1, activation="relu")(conv1)
    pool1 = MaxPooling1D(pool_size=2)(conv2)
    conv3 = Conv1D(128, 2, strides=1, activation="relu")(pool1)
    pool2 = MaxPooling1D(pool_size=2)(conv3)

    dense1 = Dense(256, activation="relu")(pool2)
    dense2 = Dense(64, activation="relu")(dense1)
    dense3 = Dense(3, activation="sigmoid")(dense2)

    model = Model(inputs=inputs, outputs=dense3)
    model.compile(optimizer=Nadam(lr=1e-4), loss="mse", metrics=["accuracy", "mse", "mae"])
    return model


model = cnn()
model.fit(x=x_train, y=y_train, batch_size=7, epochs=10, verbose=1, validation_split=0.2, shuffle=True)
