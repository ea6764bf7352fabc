"""Seed 2, rebuilt: an AlexNet-like image regression with a hand-written RMSE (after a Stack Overflow
question about a huge first-epoch loss).

regr-lint reports: the per-sample "RMSE" that Keras averages into an MAE (RL401), `accuracy` next to a
regression loss (RL101), the removed `fit_generator` (RL501), the generator fed the images as their
own targets (RL201) and a float `steps_per_epoch` (RL202)."""
import numpy as np
from keras import backend as K
from keras.layers import Conv2D, Dense, Flatten, MaxPooling2D
from keras.models import Sequential
from keras.preprocessing.image import ImageDataGenerator

rng = np.random.default_rng(0)
x_train = rng.random((256, 32, 32, 3)).astype("float32")
y_train = rng.normal(50.0, 10.0, size=(256, 1)).astype("float32")
x_test, y_test = x_train[:64], y_train[:64]
batch_size, epochs = 32, 5


def root_mean_squared_error(y_true, y_pred):
    return K.sqrt(K.mean(K.square(y_pred - y_true), axis=-1))


def alexmodel():
    model = Sequential()
    model.add(Conv2D(32, (3, 3), activation="relu", input_shape=(32, 32, 3)))
    model.add(MaxPooling2D((2, 2)))
    model.add(Flatten())
    model.add(Dense(64, activation="relu"))
    model.add(Dense(1))
    model.compile(optimizer="rmsprop", loss=root_mean_squared_error,
                  metrics=["accuracy", root_mean_squared_error])
    return model


estimator = alexmodel()
datagen = ImageDataGenerator()
datagen.fit(x_train)
history = estimator.fit_generator(datagen.flow(x_train, x_train, batch_size=batch_size, shuffle=True),
                                  epochs=epochs,
                                  steps_per_epoch=x_train.shape[0] / batch_size,
                                  validation_data=(x_test, y_test))
