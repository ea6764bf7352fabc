"""Seed 2: an AlexNet-like image regression (after a Stack Overflow question). regr-lint finds the
accuracy metric on a custom RMSE loss and the generator fed the images as their own targets."""
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
history = estimator.fit(datagen.flow(x_train, x_train, batch_size=batch_size, shuffle=True),
                        epochs=epochs,
                        validation_data=(x_test, y_test))
