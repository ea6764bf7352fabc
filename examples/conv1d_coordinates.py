"""Seed 1: a Conv1D network regressing a 3-D coordinate from a 64x1 signal (after a Stack Overflow
question). regr-lint finds the accuracy metric on an MSE loss and the sigmoid head on unscaled targets."""
import numpy as np
from keras.layers import Conv1D, Dense, Flatten, Input, MaxPooling1D
from keras.models import Model
from keras.optimizers import Nadam

rng = np.random.default_rng(0)
x_train = rng.random((2000, 64, 1)).astype("float32")
y_train = (x_train[:, :3, 0] * 100.0).astype("float32")  # coordinates in 0..100, not scaled


def cnn(input_size=(64, 1)):
    inputs = Input(input_size)
    conv1 = Conv1D(64, 2, strides=1, activation="relu")(inputs)
    pool1 = MaxPooling1D(pool_size=2)(conv1)
    conv2 = Conv1D(128, 2, strides=1, activation="relu")(pool1)
    flat = Flatten()(conv2)
    dense1 = Dense(64, activation="relu")(flat)
    dense2 = Dense(3, activation="sigmoid")(dense1)
    model = Model(inputs=inputs, outputs=dense2)
    model.compile(optimizer=Nadam(learning_rate=1e-4), loss="mse", metrics=["accuracy", "mae"])
    return model


model = cnn()
model.fit(x=x_train, y=y_train, batch_size=32, epochs=10, verbose=1, validation_split=0.2)
