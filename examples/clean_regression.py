"""A regression written the way regr-lint likes it: linear head, regression loss and metrics,
targets passed as targets. regr-lint reports nothing here."""
import numpy as np
import keras

rng = np.random.default_rng(0)
x = rng.normal(size=(1000, 12)).astype("float32")
y = (x @ rng.normal(size=(12, 1)) + 0.1 * rng.normal(size=(1000, 1))).astype("float32")

model = keras.Sequential([
    keras.Input(shape=(12,)),
    keras.layers.Dense(32, activation="relu"),
    keras.layers.Dense(1),
])
model.compile(optimizer=keras.optimizers.Adam(learning_rate=1e-3), loss="mse",
              metrics=["mae", keras.metrics.RootMeanSquaredError()])
model.fit(x, y, epochs=5, batch_size=64, validation_split=0.2)
