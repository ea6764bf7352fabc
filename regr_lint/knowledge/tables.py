"""Keras facts kept as data: which names are losses, metrics, activations, layers and where Keras lives.

Strings are compared lower-cased; Keras API names (classes and functions) by their last component
after the import path has been made canonical (see `facts.names.canonical`).
"""

# Import roots that are Keras under another name, and the `keras.…` path each stands for.
KERAS_ALIASES = (
    ("tensorflow.python.keras", "keras"),
    # TensorFlow 2.0 / 2.1's package under the `tensorflow` name (gone since 2.2)
    ("tensorflow_core.python.keras", "keras"),
    ("tensorflow_core.keras", "keras"),
    ("tensorflow.compat.v1.keras", "keras"),
    ("tensorflow.compat.v2.keras", "keras"),
    ("tensorflow.keras", "keras"),
    ("keras.api._v2.keras", "keras"),
    ("keras._tf_keras.keras", "keras"),
    ("keras.src", "keras"),
    ("tf_keras", "keras"),
    # Keras 3's name while it was a preview (2023), its API the same
    ("keras_core", "keras"),
    # TensorFlow 2 re-exports these Keras modules at its top level
    ("tensorflow.optimizers", "keras.optimizers"),
    ("tensorflow.losses", "keras.losses"),
    ("tensorflow.metrics", "keras.metrics"),
)

REGRESSION_LOSS_STRINGS = frozenset({
    "mse", "mean_squared_error", "mae", "mean_absolute_error", "mape",
    "mean_absolute_percentage_error", "msle", "mean_squared_logarithmic_error",
    "huber", "huber_loss", "log_cosh", "logcosh",
    # the class names, which Keras also takes as strings (`loss="MeanSquaredError"`), lower-cased
    "meansquarederror", "meanabsoluteerror", "meanabsolutepercentageerror", "meansquaredlogarithmicerror",
})
REGRESSION_LOSS_NAMES = frozenset({
    "MeanSquaredError", "MeanAbsoluteError", "MeanAbsolutePercentageError",
    "MeanSquaredLogarithmicError", "Huber", "LogCosh",
    "mean_squared_error", "mean_absolute_error", "mean_absolute_percentage_error",
    "mean_squared_logarithmic_error", "huber", "huber_loss", "log_cosh", "logcosh",
    "mse", "mae", "mape", "msle", "MSE", "MAE", "MAPE", "MSLE",
})

# Crossentropies read their predictions as probabilities: the loss string (compared lower-cased; Keras
# also takes its class names as strings) or function name -> which one, and the class of each.
CROSSENTROPY_STRINGS = {
    "binary_crossentropy": "binary_crossentropy", "bce": "binary_crossentropy",
    "binarycrossentropy": "binary_crossentropy",
    "categorical_crossentropy": "categorical_crossentropy", "categoricalcrossentropy": "categorical_crossentropy",
    "sparse_categorical_crossentropy": "sparse_categorical_crossentropy",
    "sparsecategoricalcrossentropy": "sparse_categorical_crossentropy",
}
CROSSENTROPY_CLASSES = {
    "BinaryCrossentropy": "binary_crossentropy", "CategoricalCrossentropy": "categorical_crossentropy",
    "SparseCategoricalCrossentropy": "sparse_categorical_crossentropy",
}
CROSSENTROPY_CLASS_OF = {v: k for k, v in CROSSENTROPY_CLASSES.items()}
# Final activations whose outputs are not probabilities (a crossentropy clips them into (0, 1)).
PROBABILITY_ACTIVATIONS = frozenset({"sigmoid", "hard_sigmoid", "softmax"})
NON_PROBABILITY_ACTIVATIONS = frozenset({
    "linear", "relu", "tanh", "elu", "selu", "softplus", "softsign", "leaky_relu", "gelu", "swish",
    "silu", "exponential",
})

ACCURACY_METRIC_STRINGS = frozenset({
    "accuracy", "acc", "binary_accuracy", "categorical_accuracy",
    "sparse_categorical_accuracy", "top_k_categorical_accuracy",
    "sparse_top_k_categorical_accuracy",
})
# Error metrics, lower-cased, as a string or a class / function name (`"mae"`, `MeanAbsoluteError()`):
# the per-output metrics of a regression output (RL101 reads which output is given which)
ERROR_METRIC_NAMES = frozenset({
    "mae", "mse", "rmse", "mape", "msle", "mean_absolute_error", "mean_squared_error",
    "root_mean_squared_error", "mean_absolute_percentage_error", "mean_squared_logarithmic_error",
    "meanabsoluteerror", "meansquarederror", "rootmeansquarederror", "meanabsolutepercentageerror",
    "meansquaredlogarithmicerror",
})

ACCURACY_METRIC_NAMES = frozenset({
    "Accuracy", "BinaryAccuracy", "CategoricalAccuracy", "SparseCategoricalAccuracy",
    "TopKCategoricalAccuracy", "SparseTopKCategoricalAccuracy",
    "accuracy", "binary_accuracy", "categorical_accuracy", "sparse_categorical_accuracy",
    "top_k_categorical_accuracy", "sparse_top_k_categorical_accuracy",
})

# activation -> the open interval its outputs live in
BOUNDED_ACTIVATIONS = {
    "sigmoid": "(0, 1)",
    "hard_sigmoid": "(0, 1)",
    "tanh": "(-1, 1)",
    "softmax": "(0, 1)",
}
# Bounded to (0, 1): targets scaled into [0, 1] make these heads legitimate.
UNIT_INTERVAL_ACTIVATIONS = frozenset({"sigmoid", "hard_sigmoid"})
# Functions outside keras.activations that are activations (tf.nn.sigmoid, tf.math.tanh, …).
TF_ACTIVATION_MODULES = ("tensorflow.nn", "tensorflow.math", "tensorflow", "keras.ops", "keras.backend")
ACTIVATION_LAYERS = {"Softmax": "softmax"}  # layers that are an activation by themselves

# Layers that change neither the values' range nor what the head computes (seen from the loss).
TRANSPARENT_LAYERS = frozenset({
    "Dropout", "SpatialDropout1D", "SpatialDropout2D", "SpatialDropout3D", "AlphaDropout",
    "GaussianDropout", "GaussianNoise", "ActivityRegularization", "Flatten", "Reshape",
})

# Layers that rescale what reaches them: not transparent (after a sigmoid they unbound it), but
# between a Dense and the activation layer that follows it the head is still that activation
# (`Dense(1)`, `BatchNormalization()`, `Activation("softmax")`).
NORMALIZATION_LAYERS = frozenset({"BatchNormalization", "LayerNormalization", "GroupNormalization",
                                  "UnitNormalization"})

MODEL_CLASSES = frozenset({"Model", "Functional", "Sequential"})
MODEL_LOADERS = frozenset({"load_model", "clone_model", "model_from_json", "model_from_yaml",
                           "model_from_config"})
INPUT_FUNCS = frozenset({"Input"})

# Calls made on a model that tell what it is trained / checked on.
TRAIN_METHODS = frozenset({"fit", "fit_generator", "train_on_batch"})
EVAL_METHODS = frozenset({"evaluate", "evaluate_generator", "test_on_batch"})
PREDICT_METHODS = frozenset({"predict", "predict_generator", "predict_on_batch"})
GENERATOR_METHODS = frozenset({"fit_generator", "evaluate_generator", "predict_generator"})
MODEL_METHODS = TRAIN_METHODS | EVAL_METHODS | PREDICT_METHODS | {
    "compile", "add", "summary", "save", "save_weights", "load_weights", "predict_classes"}
# Keras 2 Model methods gone from Keras 3 (RL506). `predict_proba` is also scikit-learn's: it never
# makes an unknown object a model (not in MODEL_METHODS), and on a model only inferred from calls
# (a parameter, `self.model`) it needs one of the Keras-only calls below too.
REMOVED_MODEL_METHODS = frozenset({"predict_classes", "predict_proba"})
KERAS_ONLY_MODEL_METHODS = frozenset({
    "compile", "add", "summary", "save_weights", "load_weights", "fit_generator", "evaluate_generator",
    "predict_generator", "train_on_batch", "test_on_batch", "predict_on_batch", "predict_classes", "evaluate"})

# Keras 2's `decay=` on an optimizer (RL505): lr / (1 + decay * iterations). The learning rate a fix
# passes to the schedule when the call gives none: the class's default, only where Keras 2, tf.keras 2
# and Keras 3 agree (Adagrad, Adadelta, Adamax and Nadam changed theirs: no fix without an explicit
# learning rate).
OPTIMIZER_DEFAULT_LEARNING_RATE = {"SGD": "0.01", "RMSprop": "0.001", "Adam": "0.001"}

# RL504: Keras 1/2 keyword arguments Keras 3 rejects, and the Keras 3 keyword each became. A name is
# an exact rename (the safe fix); None marks one whose meaning changed (reported, no safe fix; the
# reason in REMOVED_ARGUMENT_REASONS). Layer keywords are judged on `keras.layers` classes, model
# keywords on the methods a model is trained, evaluated or predicted with.
REMOVED_LAYER_ARGUMENTS = {
    "init": "kernel_initializer",
    "border_mode": "padding",
    "subsample": "strides",
    "output_dim": "units",
    "nb_filter": "filters",
    "W_regularizer": "kernel_regularizer",
    "b_regularizer": "bias_regularizer",
    "W_constraint": "kernel_constraint",
    "b_constraint": "bias_constraint",
    "dim_ordering": None,
    # Keras 2's batch size with the input shape, on any layer (stateful RNNs need one); Keras 3 layers
    # take no batch size: only InputLayer still reads it
    "batch_input_shape": None,
    # Keras 1's kernel size of a 2-D convolution, one keyword per axis
    "nb_row": None,
    "nb_col": None,
}
# Model keywords Keras 2's *_generator methods took: reported on fit / evaluate / predict only.
GENERATOR_ONLY_ARGUMENTS = frozenset({"workers", "use_multiprocessing", "max_queue_size"})
REMOVED_MODEL_ARGUMENTS = {
    "nb_epoch": "epochs",
    "samples_per_epoch": None,
    "nb_val_samples": None,
    # Keras 1's sample count of evaluate_generator / predict_generator (Keras 2's legacy interface: steps=)
    "val_samples": None,
    "max_q_size": None,
    "pickle_safe": None,
    "nb_worker": None,  # Keras 1's workers= of the *_generator methods
    "show_accuracy": None,  # Keras 0's switch for printing the accuracy
    # Keras 2's data-loading options of fit / evaluate / predict (a keras.utils.PyDataset takes them
    # in Keras 3); on the *_generator methods RL501's rewrite drops them
    **dict.fromkeys(GENERATOR_ONLY_ARGUMENTS),
}
# Keywords of Model.compile that Keras 3's (which takes no **kwargs) rejects with TypeError, measured
# on Keras 3.15.1: Keras 0's, Keras 1/2's, and tf.keras 2's (tf-keras 2.21 still takes
# sample_weight_mode=, target_tensors=, experimental_run_tf_function=, distribute=,
# experimental_steps_per_execution= and pss_evaluation_shards=; TensorFlow 1's tf.keras handed
# options= / run_metadata= to its session). Judged as keywords of a model's compile() only.
REMOVED_COMPILE_ARGUMENTS = {
    "class_mode": None, "theano_mode": None, "sample_weight_mode": None, "target_tensors": None,
    "experimental_run_tf_function": None, "distribute": None, "pss_evaluation_shards": None,
    "options": None, "run_metadata": None,
    "experimental_steps_per_execution": "steps_per_execution",
}
# Keras 1's keywords of the functional Model class (`Model(input=x, output=y)`), Keras 2's names.
REMOVED_MODEL_CLASS_ARGUMENTS = {"input": "inputs", "output": "outputs"}
# Where one layer renamed a keyword differently (Keras 2's legacy interfaces): layer -> {old: new}.
# None: no one keyword takes its place (a separable convolution has a depthwise and a pointwise one).
REMOVED_ARGUMENT_LAYER_RENAMES = {
    "Embedding": {"init": "embeddings_initializer", "W_regularizer": "embeddings_regularizer",
                  "W_constraint": "embeddings_constraint"},
    "ReversibleEmbedding": {"init": "embeddings_initializer", "W_regularizer": "embeddings_regularizer",
                            "W_constraint": "embeddings_constraint"},
    "PReLU": {"init": "alpha_initializer"},
    # the Input function names the whole shape, batch size included, batch_shape
    "Input": {"batch_input_shape": "batch_shape"},
    **{name: {"init": None, "W_regularizer": None, "W_constraint": None} for name in (
        "SeparableConv1D", "SeparableConv2D", "SeparableConvolution1D", "SeparableConvolution2D",
        "DepthwiseConv1D", "DepthwiseConv2D")},
}
# Old names Keras 3 layers still take, meaning the same: not findings (`Embedding(output_dim=…)`).
KERAS3_LAYER_KEEPS = {"Embedding": frozenset({"output_dim"}), "ReversibleEmbedding": frozenset({"output_dim"}),
                      "InputLayer": frozenset({"batch_input_shape"})}
# Keras 1 keywords of one family of layers (Keras 2's legacy conversions for those classes; Keras 3
# rejects each): layer -> {old: Keras 2's name, or None when no keyword takes its place (the reason in
# REMOVED_ARGUMENT_REASONS)}. Judged only on those layers: `p`, `bias`, `length`, `mode` are common
# words elsewhere.
_RNN_KEYWORDS = {"inner_init": "recurrent_initializer", "U_regularizer": "recurrent_regularizer",
                 "dropout_W": "dropout", "dropout_U": "recurrent_dropout", "consume_less": None}
_GATED_KEYWORDS = {**_RNN_KEYWORDS, "inner_activation": "recurrent_activation", "forget_bias_init": None}
REMOVED_LAYER_KEYWORDS = {
    **{name: {"p": "rate"} for name in ("Dropout", "SpatialDropout1D", "SpatialDropout2D", "SpatialDropout3D",
                                         "GaussianDropout")},
    "GaussianNoise": {"sigma": "stddev"},
    "SimpleRNN": _RNN_KEYWORDS,
    "GRU": _GATED_KEYWORDS,
    "LSTM": _GATED_KEYWORDS,
    "ConvLSTM2D": {**_GATED_KEYWORDS, "bias": "use_bias"},
    **{name: {"pool_length": "pool_size", "stride": "strides"} for name in (
        "MaxPooling1D", "AveragePooling1D", "MaxPool1D", "AvgPool1D")},
    "UpSampling1D": {"length": "size"},
    **{name: {"filter_length": "kernel_size", "subsample_length": "strides", "bias": "use_bias"}
       for name in ("Conv1D", "Convolution1D")},
    **{name: {"bias": "use_bias"} for name in ("Dense", "Conv2D", "Convolution2D", "Conv3D", "Convolution3D",
                                               "SeparableConv2D", "SeparableConvolution2D", "Conv2DTranspose")},
    "BatchNormalization": {"mode": None, "beta_init": "beta_initializer", "gamma_init": "gamma_initializer"},
    "InputLayer": {"input_dtype": "dtype"},
}
# Keywords the pre-checks look for only as keywords (`name=` in the text, a keyword argument in the
# code): `workers` is an everyday identifier, and a file that merely uses it must not be parsed for
# RL504. A layer family's own keywords (`p`, `mode`, `bias` …) are looked for with their layer
# (`Dropout(p=`, regr_lint.input.vocabulary): `mode=` alone is in half of Keras' own sources.
# compile()'s removed keywords likewise (`class_mode=` is also flow_from_directory's, `options=` anyone's).
KEYWORD_ONLY_ARGUMENTS = GENERATOR_ONLY_ARGUMENTS | frozenset(REMOVED_COMPILE_ARGUMENTS)
# Keras 1's kernel size given by position, one argument per axis (`Convolution2D(32, 3, 3)`: nb_filter,
# nb_row, nb_col), which Keras 2's legacy interfaces still read so: Keras 3 takes the first as
# kernel_size= and the next as strides= (a 3x3 kernel becomes a 3x3 kernel moved 3 pixels at a time,
# without an error). layer -> how many axes its kernel has.
KERAS1_POSITIONAL_KERNEL = {
    **dict.fromkeys(("Conv2D", "Convolution2D", "SeparableConv2D", "SeparableConvolution2D", "Conv2DTranspose",
                     "Convolution2DTranspose"), 2),
    **dict.fromkeys(("Conv3D", "Convolution3D"), 3),
}
# Only the model methods that take `epochs` get nb_epoch renamed; elsewhere it is only reported.
EPOCHS_METHODS = frozenset({"fit", "fit_generator"})
REMOVED_ARGUMENT_REASONS = {
    "nb_row": "Keras 2 replaced nb_row= and nb_col= with one kernel_size=(rows, cols)",
    "nb_col": "Keras 2 replaced nb_row= and nb_col= with one kernel_size=(rows, cols)",
    "batch_input_shape": "Keras 3 layers take no batch size: start the model with "
                         "keras.Input(batch_shape=...) (or give input_shape= without the batch size)",
    "dim_ordering": "Keras 2 replaced it with data_format=, whose values differ ('tf' is "
                    "'channels_last', 'th' is 'channels_first')",
    "samples_per_epoch": "Keras 2 replaced it with steps_per_epoch=, which counts batches, not samples "
                         "(steps_per_epoch = samples // batch_size)",
    "nb_val_samples": "Keras 2 replaced it with validation_steps=, which counts batches, not samples "
                      "(validation_steps = samples // batch_size)",
    "val_samples": "Keras 2 replaced it with steps=, which counts batches, not samples "
                   "(steps = samples // batch_size)",
    "max_q_size": "Keras 2 renamed it max_queue_size=, which Keras 3's fit / evaluate / predict do not "
                  "take either (a keras.utils.PyDataset does): remove it",
    "nb_worker": "Keras 2 renamed it workers=, which Keras 3's fit / evaluate / predict do not take "
                 "either (a keras.utils.PyDataset does): remove it",
    "pickle_safe": "Keras 2 renamed it use_multiprocessing=, which Keras 3's fit / evaluate / predict do "
                   "not take either (a keras.utils.PyDataset does): remove it",
    **dict.fromkeys(GENERATOR_ONLY_ARGUMENTS,
                    "Keras 3's fit / evaluate / predict do not take it (a keras.utils.PyDataset does): remove "
                    "it, or pass the data as a PyDataset built with it"),
    "class_mode": "Keras 0's keyword (Keras 1 dropped it with a warning): the loss decides binary or "
                  "categorical: remove it",
    "theano_mode": "Keras 0's Theano compilation mode: remove it",
    "sample_weight_mode": "Keras 3 reads the sample weights' shape itself (per-timestep weights need no "
                          "'temporal' switch): remove it",
    "target_tensors": "Keras 3 has no fixed target tensors (tf.keras 2 refused them when running eagerly): "
                      "pass the targets to fit() (or in the dataset)",
    "experimental_run_tf_function": "tf.keras 2's switch, a no-op since TensorFlow 2.2: remove it",
    "distribute": "build and compile the model inside `strategy.scope()` instead (tf.keras 2 already "
                  "refused a strategy here)",
    "pss_evaluation_shards": "tf.keras 2's parameter-server evaluation option: remove it",
    **dict.fromkeys(("options", "run_metadata"),
                    "TensorFlow 1's session.run() argument, which Keras 3 has no session for: remove it"),
    "show_accuracy": "Keras 0's switch: Keras 1 and later print the metrics compile() is given "
                     "(metrics=['accuracy']): remove it",
    "consume_less": "Keras 2 replaced it with implementation=, which Keras 3's recurrent layers do not take "
                    "(they choose their kernels themselves): remove it",
    "forget_bias_init": "Keras 2 replaced it with unit_forget_bias=True (for 'one'; any other value was "
                        "ignored): use that, or remove it",
    "mode": "BatchNormalization's mode= is gone since Keras 2 (mode=0 is what it does; modes 1 and 2 were "
            "dropped): remove it",
}
# Keras 2's callback keywords Keras 3 dropped: class -> {keyword: the Keras 3 keyword, or None}, and
# why each goes (checked against Keras 3 in tests/test_rl504.py). ReduceLROnPlateau takes **kwargs
# and drops `epsilon=` without a word (min_delta stays 1e-4), where tf-keras 2 read it as min_delta=.
REMOVED_CALLBACK_KEYWORDS = {
    # (save_format= was never ModelCheckpoint's own: tf.keras 2 took it into **kwargs and dropped it —
    # measured on tf-keras 2.21 — so code that ran there stops at the callback on Keras 3)
    "ModelCheckpoint": {"period": None, "save_format": None},
    "TensorBoard": {"batch_size": None, "write_grads": None, "embeddings_layer_names": None,
                    "embeddings_data": None},
    "ReduceLROnPlateau": {"epsilon": "min_delta"},
}
IGNORED_CALLBACK_KEYWORDS = frozenset({("ReduceLROnPlateau", "epsilon")})
# Keras 3's defaults of the keywords an ignored one stood for: the same value written under the old
# name changes nothing
KERAS3_DEFAULTS = {"min_delta": 1e-4}
# Keras 2's optimizer keywords Keras 3 rejects (ValueError "Argument(s) not recognized"); `lr=` and
# `decay=` are RL502's and RL505's
REMOVED_OPTIMIZER_KEYWORDS = {"Nadam": {"schedule_decay": None}}
# every class whose own Keras 1 / 2 keywords are judged on that class only (the pre-check's markers)
REMOVED_CLASS_KEYWORDS = {**REMOVED_LAYER_KEYWORDS, **REMOVED_CALLBACK_KEYWORDS, **REMOVED_OPTIMIZER_KEYWORDS}
# the Keras module each of those tables' classes live in (RL504 judges a call by its module first)
API_CLASS_KEYWORDS = {"keras.callbacks": REMOVED_CALLBACK_KEYWORDS, "keras.optimizers": REMOVED_OPTIMIZER_KEYWORDS}
CALLBACK_KEYWORD_REASONS = {
    ("ReduceLROnPlateau", "epsilon"): "dropped with the other keyword arguments, so min_delta stays 1e-4; "
                                      "tf-keras 2 read it as min_delta=, its name since Keras 2.1.6",
    ("ModelCheckpoint", "period"): "it saved every `period` epochs: use save_freq=\"epoch\" (every epoch), or "
                                   "save_freq=<number of batches>",
    ("ModelCheckpoint", "save_format"): "tf.keras 2 took it into **kwargs and ignored it (the file name chose "
                                        "the format): remove it",
    ("TensorBoard", "batch_size"): "Keras 2 used it only for histograms of the validation data: remove it",
    ("TensorBoard", "write_grads"): "Keras 3's TensorBoard writes no gradient histograms: remove it",
    ("TensorBoard", "embeddings_layer_names"): "Keras 3's TensorBoard projects the Embedding layers' "
                                               "weights itself (embeddings_freq=): remove it",
    ("Nadam", "schedule_decay"): "Keras 2's Nadam decayed its momentum on a schedule of its own; Keras 3's "
                                 "Nadam has none: remove it",
    ("TensorBoard", "embeddings_data"): "Keras 3's TensorBoard projects the Embedding layers' weights itself "
                                        "(embeddings_freq=): remove it",
}
# How a rename is told when it is not Keras 2's own (default: "Keras 2 renamed it {new}=").
RENAMED_ARGUMENT_HINTS = {"batch_input_shape": "use {new}=, the same shape with the batch size",
                          "experimental_steps_per_execution": "tf.keras 2 renamed it {new}=, the same setting"}
# dim_ordering's values as data_format's (the unsafe fix, for literal values only).
DIM_ORDERING_VALUES = {"tf": "channels_last", "th": "channels_first"}
_CONV = ("Conv1D", "Conv1DTranspose", "Conv2D", "Conv2DTranspose", "Conv3D", "Conv3DTranspose",
         "Convolution1D", "Convolution1DTranspose", "Convolution2D", "Convolution2DTranspose",
         "Convolution3D", "Convolution3DTranspose", "ConvLSTM1D", "ConvLSTM2D", "ConvLSTM3D")
_SEPARABLE = ("SeparableConv1D", "SeparableConv2D", "SeparableConvolution1D", "SeparableConvolution2D")
_DEPTHWISE = ("DepthwiseConv1D", "DepthwiseConv2D")
_POOLING = ("AveragePooling1D", "AveragePooling2D", "AveragePooling3D", "AvgPool1D", "AvgPool2D", "AvgPool3D",
            "MaxPool1D", "MaxPool2D", "MaxPool3D", "MaxPooling1D", "MaxPooling2D", "MaxPooling3D")
_KERNEL = _CONV + ("Dense", "EinsumDense", "GRU", "GRUCell", "LSTM", "LSTMCell", "SimpleRNN", "SimpleRNNCell",
                   "MultiHeadAttention", "GroupQueryAttention")
_EMBEDDING = ("Embedding", "ReversibleEmbedding")
# The keras.layers classes of Keras 3 (3.15.1, read from their __init__ signatures) that take each
# keyword a fix writes: a rename is offered only where the layer takes the new name. ZeroPadding's
# `padding` (an amount, not a mode) is left out on purpose.
KERAS3_LAYERS_TAKING = {
    "units": frozenset({"Dense", "GRU", "GRUCell", "LSTM", "LSTMCell", "SimpleRNN", "SimpleRNNCell"}),
    "kernel_initializer": frozenset(_KERNEL),
    "kernel_regularizer": frozenset(_KERNEL),
    "kernel_constraint": frozenset(_KERNEL),
    "bias_regularizer": frozenset(_KERNEL + _SEPARABLE + _DEPTHWISE),
    "bias_constraint": frozenset(_KERNEL + _SEPARABLE + _DEPTHWISE),
    "padding": frozenset(_CONV + _SEPARABLE + _DEPTHWISE + _POOLING),
    "strides": frozenset(_CONV + _SEPARABLE + _DEPTHWISE + _POOLING),
    "filters": frozenset(_CONV + _SEPARABLE),
    "embeddings_initializer": frozenset(_EMBEDDING),
    "embeddings_regularizer": frozenset(_EMBEDDING),
    "embeddings_constraint": frozenset(_EMBEDDING),
    "alpha_initializer": frozenset({"PReLU"}),
    # the targets of REMOVED_LAYER_KEYWORDS
    "rate": frozenset({"Dropout", "SpatialDropout1D", "SpatialDropout2D", "SpatialDropout3D", "GaussianDropout"}),
    "stddev": frozenset({"GaussianNoise"}),
    "recurrent_initializer": frozenset({"SimpleRNN", "GRU", "LSTM", "ConvLSTM2D"}),
    "recurrent_regularizer": frozenset({"SimpleRNN", "GRU", "LSTM", "ConvLSTM2D"}),
    "recurrent_activation": frozenset({"GRU", "LSTM", "ConvLSTM2D"}),
    "dropout": frozenset({"SimpleRNN", "GRU", "LSTM", "ConvLSTM2D"}),
    "recurrent_dropout": frozenset({"SimpleRNN", "GRU", "LSTM", "ConvLSTM2D"}),
    "pool_size": frozenset({"MaxPooling1D", "AveragePooling1D", "MaxPool1D", "AvgPool1D"}),
    "size": frozenset({"UpSampling1D"}),
    "kernel_size": frozenset({"Conv1D", "Convolution1D"}),
    "use_bias": frozenset({"Dense", "Conv1D", "Convolution1D", "Conv2D", "Convolution2D", "Conv3D", "Convolution3D",
                           "SeparableConv2D", "SeparableConvolution2D", "Conv2DTranspose", "ConvLSTM2D"}),
    "beta_initializer": frozenset({"BatchNormalization"}),
    "gamma_initializer": frozenset({"BatchNormalization"}),
    "dtype": frozenset({"InputLayer"}),
    "batch_shape": frozenset({"Input", "InputLayer"}),  # Input is a function of keras.layers
    "data_format": frozenset(_CONV + _SEPARABLE + _DEPTHWISE + _POOLING + (
        "GlobalAveragePooling1D", "GlobalAveragePooling2D", "GlobalAveragePooling3D", "GlobalAvgPool1D",
        "GlobalAvgPool2D", "GlobalAvgPool3D", "GlobalMaxPool1D", "GlobalMaxPool2D", "GlobalMaxPool3D",
        "GlobalMaxPooling1D", "GlobalMaxPooling2D", "GlobalMaxPooling3D", "UpSampling2D", "UpSampling3D",
        "ZeroPadding1D", "ZeroPadding2D", "ZeroPadding3D", "Cropping2D", "Cropping3D", "Flatten",
        "SpatialDropout2D", "SpatialDropout3D")),
}

# The optimizer classes of (tensorflow.)keras.optimizers.legacy, as the file spells them (RL503).
LEGACY_OPTIMIZER_PATHS = tuple(f"{root}keras.optimizers.legacy.{cls}" for root in ("", "tensorflow.")
                               for cls in ("Adadelta", "Adagrad", "Adam", "Adamax", "Ftrl", "Nadam", "RMSprop", "SGD"))
# Import paths into Keras internals (as the file spells them, before aliasing to `keras.…`).
PRIVATE_KERAS_PREFIXES = (
    "keras.engine", "keras.layers.core", "keras.layers.convolutional", "keras.layers.recurrent",
    "keras.layers.normalization", "keras.layers.pooling", "keras.layers.merge",
    "keras.layers.embeddings", "keras.layers.advanced_activations", "keras.layers.wrappers",
    "keras.layers.noise", "keras.layers.local", "keras.layers.cudnn_recurrent",
    "keras.layers.convolutional_recurrent", "keras.layers.recurrent_v2", "keras.layers.normalization_v2",
    "keras.layers.dense_attention",
    "keras.utils.np_utils", "keras.utils.generic_utils", "keras.utils.data_utils",
    "keras.utils.io_utils", "keras.utils.vis_utils", "keras.utils.test_utils", "keras.utils.layer_utils", "keras.utils.conv_utils",
    "keras.optimizers.optimizer_v2", "keras.optimizer_v2", "keras.saving.hdf5_format",
    # tf.keras 2.4–2.11's home of the Keras 1 optimizers (`from keras.optimizer_v1 import Adam`)
    "keras.optimizer_v1",
    # tf.keras 2's aliases of its optimizer_v2 modules in keras.optimizers (`from keras.optimizers import
    # adam_v2`, a common workaround once `from keras.optimizers import Adam` failed)
    "keras.optimizers.adam_v2", "keras.optimizers.adadelta_v2", "keras.optimizers.adagrad_v2",
    "keras.optimizers.adamax_v2", "keras.optimizers.gradient_descent_v2", "keras.optimizers.nadam_v2",
    "keras.optimizers.rmsprop_v2",
    "keras.initializers.initializers_v1", "keras.initializers.initializers_v2",
    # tf.keras 2.11–2.15's OptimizerV2 classes: Keras 3 keeps stubs of six that raise ImportError when
    # built (Nadam, Adadelta, Adamax are not there at all). Not `legacy.Optimizer`: an isinstance()
    # test of it still runs (False) on Keras 3
    *LEGACY_OPTIMIZER_PATHS,
    # Keras 2.3's split of keras/callbacks.py into a package (the callbacks lived in its `callbacks` module)
    "keras.callbacks.callbacks",
    "keras.backend.tensorflow_backend", "keras.backend.theano_backend", "keras.backend.cntk_backend",
    "keras.legacy", "tensorflow.contrib.keras",
    "keras.src", "keras.api._v2", "keras._tf_keras",
    "tensorflow.python.keras", "tensorflow.keras.engine", "tensorflow.keras.layers.core",
    "tensorflow.keras.backend.tensorflow_backend",
    "tensorflow.python.keras.engine", "tf_keras.src", "keras_core.src",
    # TensorFlow 2.0 / 2.1's real package (`tensorflow` forwarded to it): gone since TensorFlow 2.2
    "tensorflow_core.python.keras", "tensorflow_core.keras",
    # tf.keras 2's layer sub-modules (tensorflow.keras.layers.core above), and Keras 2's common backend
    *(f"tensorflow.keras.layers.{m}" for m in (
        "convolutional", "recurrent", "normalization", "pooling", "merge", "embeddings",
        "advanced_activations", "wrappers", "noise", "local", "cudnn_recurrent", "convolutional_recurrent",
        "recurrent_v2", "normalization_v2", "dense_attention")),
    "keras.backend.common",
    # tf.keras 2's experimental namespace (the preprocessing layers before TensorFlow 2.6 made them
    # `keras.layers.X`): Keras 3 has no `layers.experimental`
    "keras.layers.experimental", "tensorflow.keras.layers.experimental",
    # and its mixed precision preview (TensorFlow 2.1–2.3; `keras.mixed_precision.Policy` since 2.4)
    "keras.mixed_precision.experimental", "tensorflow.keras.mixed_precision.experimental",
    # Keras 1/2 modules and names gone from Keras 3 (hints in REMOVED_KERAS_HINTS)
    "keras.utils.visualize_util", "keras.wrappers.scikit_learn", "tensorflow.keras.wrappers.scikit_learn",
    "keras.layers.Merge", "keras.utils.training_utils", "keras.utils.multi_gpu_utils", "keras.utils.multi_gpu_model",
    "keras.objectives", "keras.initializations", "keras.utils.theano_utils", "keras.layers.Recurrent", "keras.applications.mobilenetv2", "keras.applications.imagenet_utils._obtain_input_shape",
    "keras.layers.AtrousConvolution1D", "keras.layers.AtrousConvolution2D", "keras.layers.AtrousConv1D",
    "keras.layers.AtrousConv2D", "keras.layers.Deconvolution2D", "keras.layers.Deconvolution3D",
    "keras.layers.Deconv2D", "keras.layers.Deconv3D", "keras.layers.CuDNNLSTM", "keras.layers.CuDNNGRU",
    "keras.layers.Highway", "keras.layers.MaxoutDense", "keras.layers.TimeDistributedDense", "keras.models.Graph",
    "keras.models.Input",  # Keras 2's keras.models re-exported Input (keras.Input since)
    # Keras 1's lowercase constraint aliases, kept by Keras 2's `keras.constraints` module
    "keras.constraints.maxnorm", "keras.constraints.nonneg", "keras.constraints.unitnorm",
    # Keras 1's activity regularizers and `l1l2`, Keras 0's `keras.layers.extra` and `containers`
    # (Keras 2's legacy preprocessing classes — ImageDataGenerator, Tokenizer, TimeseriesGenerator —
    # are left to the migration: tf.keras still has them)
    "keras.regularizers.activity_l1", "keras.regularizers.activity_l2", "keras.regularizers.activity_l1l2",
    "keras.regularizers.l1l2", "keras.layers.extra", "keras.layers.containers",
    # Keras 1's image ordering switches ("th" / "tf"), kept as legacy aliases up to Keras 2.2
    "keras.backend.image_dim_ordering", "keras.backend.set_image_dim_ordering",
    # the same, spelled through tf.keras (whose public API never exported them)
    "tensorflow.keras.utils.np_utils", "tensorflow.keras.utils.visualize_util", "tensorflow.keras.layers.merge",
    "tensorflow.keras.layers.Merge", "tensorflow.keras.utils.multi_gpu_model",
    # (TensorFlow 1's tf.keras had these; TensorFlow 2 moved the cuDNN layers to tf.compat.v1, and
    # the tf.keras of TensorFlow 2.16 on is Keras 3)
    "tensorflow.keras.layers.CuDNNLSTM", "tensorflow.keras.layers.CuDNNGRU",
    "tensorflow.keras.layers.Deconv2D", "tensorflow.keras.layers.Deconv3D",
)

# Call results that are certainly not Keras models even when a file imports Keras. DeepChem's models
# (`dc.models.KerasModel(net, loss)`) wrap a Keras model without being one: their own
# `fit(dataset, nb_epoch=10)` takes Keras 1's keyword as its current name.
NON_KERAS_ROOTS = frozenset({"sklearn", "xgboost", "lightgbm", "catboost", "torch", "statsmodels",
                             "scipy", "numpy", "pandas", "joblib", "pickle", "builtins", "deepchem"})

# Reductions and element-wise error terms that make a custom function a regression loss.
REDUCTIONS = frozenset({"mean", "reduce_mean", "sum", "reduce_sum", "average", "nanmean"})
ERROR_TERMS = frozenset({"square", "abs", "absolute", "squared_difference", "fabs", "cosh"})  # cosh: log-cosh
# Ops that reorder, accumulate or mix a tensor's entries along an axis: a loss that compares
# cumsum(y_true) with cumsum(y_pred) (an earth mover's distance between histograms), sorted values
# or spectra is a distance of its own, not a plain regression error of y_pred against y_true.
TRANSFORMING_OPS = frozenset({
    "cumsum", "cumprod", "cummax", "cummin", "cumulative_sum", "cumulative_prod", "cumulative_logsumexp",
    "sort", "argsort", "top_k", "reverse", "flip", "fliplr", "flipud", "roll",
    "fft", "rfft", "fft2d", "rfft2d", "fft2", "rfft2", "fftn", "stft", "dct",
    "matmul", "dot", "batch_dot", "tensordot", "einsum", "convolve", "conv1d", "conv2d",
})
SQRT = frozenset({"sqrt"})

# What a file's code must use somewhere for any of its losses to be a regression loss: a Keras
# regression loss, or the error term a custom one is recognised by ("**" stands for the power
# operator in regr_lint/input/vocabulary.py). The parse-level pre-check of rules that need one.
# TensorFlow's image similarity measures: a loss built on one compares continuous pixel values
# (`1 - tf.image.ssim(y_true, y_pred, 1.0)`: a reconstruction loss, see classify._has_error_term)
IMAGE_SIMILARITY = frozenset({"ssim", "ssim_multiscale", "psnr"})

REGRESSION_VOCABULARY = tuple(sorted(
    REGRESSION_LOSS_STRINGS | REGRESSION_LOSS_NAMES | ERROR_TERMS | IMAGE_SIMILARITY | {"pow", "power", "**"}))

# Keras 2's lowercase aliases of its optimizer classes (keras/optimizers.py: `adam = Adam` …); Keras 3
# and tf.keras 2 have none of them: `keras.optimizers.adam` is an AttributeError there (RL502).
LOWERCASE_OPTIMIZERS = {"sgd": "SGD", "rmsprop": "RMSprop", "adagrad": "Adagrad", "adadelta": "Adadelta",
                        "adam": "Adam", "adamax": "Adamax", "nadam": "Nadam"}

# Keras internals -> their public home (the RL503 hint and fix). Exact symbols first, then whole
# modules: a private module maps to the public module that holds the public twins of its names
# (exact keys only, sub-modules are never derived). A fix is offered only when every target exists
# in `regr_lint.knowledge.public_api.PUBLIC_NAMES` (read from keras 3), so a mapping here never writes an
# import that fails.
PUBLIC_SYMBOLS = {
    "keras.engine.input_layer.Input": "keras.Input",
    "keras.models.Input": "keras.Input",
    "keras.engine.input_layer.InputLayer": "keras.layers.InputLayer",
    "keras.engine.topology.Input": "keras.Input",
    "keras.engine.topology.Layer": "keras.layers.Layer",
    "keras.engine.topology.InputSpec": "keras.layers.InputSpec",
    "keras.engine.base_layer.Layer": "keras.layers.Layer",
    "keras.engine.base_layer.InputSpec": "keras.layers.InputSpec",
    "keras.engine.training.Model": "keras.Model",
    "keras.engine.sequential.Sequential": "keras.Sequential",
    "keras.engine.Layer": "keras.layers.Layer",
    "keras.engine.InputSpec": "keras.layers.InputSpec",
    # what Keras 2's `keras.engine` package re-exported from its topology and training modules
    "keras.engine.InputLayer": "keras.layers.InputLayer",
    "keras.engine.topology.InputLayer": "keras.layers.InputLayer",
    "keras.engine.Input": "keras.Input",
    "keras.engine.Model": "keras.Model",
    "keras.utils.np_utils.to_categorical": "keras.utils.to_categorical",
    "keras.utils.generic_utils.get_custom_objects": "keras.utils.get_custom_objects",
    "keras.utils.vis_utils.plot_model": "keras.utils.plot_model",
    "keras.utils.vis_utils.model_to_dot": "keras.utils.model_to_dot",
    "keras.utils.visualize_util.plot": "keras.utils.plot_model",
    "keras.utils.visualize_util.model_to_dot": "keras.utils.model_to_dot",
    # Keras 2's utility modules, whose public names keras.utils exports
    "keras.utils.data_utils.get_file": "keras.utils.get_file",
    "keras.utils.data_utils.Sequence": "keras.utils.Sequence",
    "keras.utils.np_utils.normalize": "keras.utils.normalize",
    "keras.utils.generic_utils.Progbar": "keras.utils.Progbar",
    "keras.utils.generic_utils.CustomObjectScope": "keras.utils.CustomObjectScope",
    "keras.utils.generic_utils.custom_object_scope": "keras.utils.custom_object_scope",
    "keras.utils.generic_utils.serialize_keras_object": "keras.utils.serialize_keras_object",
    "keras.utils.generic_utils.deserialize_keras_object": "keras.utils.deserialize_keras_object",
    "keras.utils.layer_utils.get_source_inputs": "keras.utils.get_source_inputs",
}
# The RL503 hint for a removed module or name without one public twin (a path, and what lies under it,
# as the file spells them): it names only what Keras 3 has (or another package); never a fix.
_MERGE_MODES = ("`keras.layers.concatenate` / `keras.layers.Concatenate` for mode=\"concat\"; `add`, "
                "`multiply`, `average`, `maximum`, `dot` (`Add`, `Multiply`, …) for the other modes")
_SCIKERAS = ("use `keras.wrappers.SKLearnRegressor` / `keras.wrappers.SKLearnClassifier` (Keras 3.5 and later;"
             " `model=` takes a built model or a function that returns one), or `KerasRegressor` /"
             " `KerasClassifier` of the `scikeras` package")
REMOVED_KERAS_HINTS = {
    "keras.constraints.maxnorm": "use `keras.constraints.MaxNorm` (or `max_norm`)",
    "keras.constraints.nonneg": "use `keras.constraints.NonNeg` (or `non_neg`)",
    "keras.constraints.unitnorm": "use `keras.constraints.UnitNorm` (or `unit_norm`)",
    "keras.layers.merge": "for the Keras 1 `merge` function use " + _MERGE_MODES,
    "keras.layers.Merge": "for the Keras 1 `Merge` layer use " + _MERGE_MODES,
    "keras.utils.visualize_util": "use `keras.utils.plot_model`",
    "keras.wrappers.scikit_learn": _SCIKERAS,
    "tensorflow.keras.wrappers.scikit_learn": _SCIKERAS,
    "tensorflow.keras.layers.merge": "for the Keras 1 `merge` function use " + _MERGE_MODES,
    "tensorflow.keras.layers.Merge": "for the Keras 1 `Merge` layer use " + _MERGE_MODES,
    "tensorflow.keras.utils.visualize_util": "use `tensorflow.keras.utils.plot_model`",
    **dict.fromkeys(("keras.utils.training_utils", "keras.utils.multi_gpu_utils", "keras.utils.multi_gpu_model",
                     "tensorflow.keras.utils.multi_gpu_model"),
                    "multi_gpu_model is gone: build and compile the model inside "
                    "`tf.distribute.MirroredStrategy().scope()` and fit it as usual"),
    "keras.objectives": "Keras 1's module: its losses are in `keras.losses`",
    **dict.fromkeys(("keras.regularizers.activity_l1", "keras.regularizers.activity_l2",
                     "keras.regularizers.activity_l1l2"),
                    "Keras 1's activity regularizers: pass `activity_regularizer=keras.regularizers.L1(...)` "
                    "(`L2`, `L1L2`) to the layer"),
    "keras.regularizers.l1l2": "use `keras.regularizers.l1_l2` (or `L1L2`)",
    "keras.layers.extra": "Keras 0's module: its layers are in `keras.layers`",
    "keras.layers.containers": "Keras 0's containers (its Sequential and Graph): build the model with "
                               "`keras.Sequential` or the functional API",
    "keras.backend.image_dim_ordering": "use `keras.backend.image_data_format()`, which says "
                                        "'channels_first' where this said 'th' and 'channels_last' for 'tf'",
    "keras.backend.set_image_dim_ordering": "use `keras.backend.set_image_data_format('channels_first')` "
                                            "('channels_last' for 'tf'), or set it in keras.json",
    "keras.utils.theano_utils": "Keras 0's Theano helpers (`sharedX`, `shared_zeros`): make variables with "
                                "`keras.Variable` or a layer's `add_weight`",
    "keras.utils.test_utils": "its helpers (`keras_test`, `layer_test`) have no public twin: write the "
                              "test without them",
    "keras.initializations": "Keras 1's module: its initializers are classes of `keras.initializers` "
                             "(`RandomNormal`, `Identity`, `GlorotUniform` ...)",
    "keras.layers.Recurrent": "Keras 2's abstract base of recurrent layers: subclass `keras.layers.RNN` "
                              "with a cell, or `keras.layers.Layer`",
    "keras.applications.mobilenetv2": "the module was renamed keras.applications.mobilenet_v2 after Keras 2.2 "
                                      "(or use `keras.applications.MobileNetV2`)",
    "keras.applications.imagenet_utils._obtain_input_shape": "a private helper Keras 3 no longer exports: "
                                                               "check the input shape in your own code",
    **dict.fromkeys(("keras.layers.AtrousConvolution1D", "keras.layers.AtrousConv1D"),
                    "use `Conv1D` with dilation_rate="),
    **dict.fromkeys(("keras.layers.AtrousConvolution2D", "keras.layers.AtrousConv2D"),
                    "use `Conv2D` with dilation_rate="),
    **dict.fromkeys(("keras.layers.Deconvolution2D", "keras.layers.Deconv2D"),
                    "use `Conv2DTranspose` (Keras 2's name for it)"),
    **dict.fromkeys(("keras.layers.Deconvolution3D", "keras.layers.Deconv3D"),
                    "use `Conv3DTranspose` (Keras 2's name for it)"),
    **{f"{root}keras.layers.CuDNN{rnn}": f"use `{rnn}`: it runs the cuDNN kernel by itself on a GPU when its "
                                          "arguments allow it (the defaults do)"
       for rnn in ("LSTM", "GRU") for root in ("", "tensorflow.")},
    "tensorflow.keras.layers.Deconv2D": "use `Conv2DTranspose` (Keras 2's name for it)",
    "tensorflow.keras.layers.Deconv3D": "use `Conv3DTranspose` (Keras 2's name for it)",
    "keras.layers.TimeDistributedDense": "use `TimeDistributed` around a `Dense` (or a `Dense`, which acts on "
                                         "the last axis)",
    **dict.fromkeys(("keras.layers.Highway", "keras.layers.MaxoutDense"),
                    "Keras 2 dropped this Keras 1 layer: write it as a layer of your own"),
    **{f"{root}keras.mixed_precision.experimental": (
        f"tf.keras 2's preview API (TensorFlow 2.1–2.3, deprecated in 2.4; tf-keras 2.21 lacks it too): use "
        f"`{root}keras.mixed_precision.set_global_policy(...)`, `{root}keras.mixed_precision.Policy` and "
        f"`{root}keras.mixed_precision.LossScaleOptimizer`")
       for root in ("", "tensorflow.")},
    **{path: (f"Keras 3 keeps only stubs of the legacy optimizers that raise ImportError when built (and no "
              f"Nadam, Adadelta or Adamax): use `{path.replace('.legacy', '')}` (it takes learning_rate=, not lr=), "
              f"or tf-keras 2 with TF_USE_LEGACY_KERAS=1 for tf.keras")
       for path in LEGACY_OPTIMIZER_PATHS},
    "keras.models.Graph": "Keras 0's Graph container is gone: build the model with the functional API "
                          "(`keras.Model` of inputs and outputs)",
}
# Names a Keras 2 module re-exported that Keras 3's does not (the RL503 message says so; the public
# twin in PUBLIC_SYMBOLS is the fix).
REMOVED_REEXPORTS = {"keras.models.Input": "Keras 2's keras.models re-exported it"}
PUBLIC_MODULES = {
    "keras.layers.core": "keras.layers",
    "keras.layers.convolutional": "keras.layers",
    "keras.layers.recurrent": "keras.layers",
    "keras.layers.normalization": "keras.layers",
    "keras.layers.pooling": "keras.layers",
    "keras.layers.merge": "keras.layers",
    "keras.layers.embeddings": "keras.layers",
    "keras.layers.advanced_activations": "keras.layers",
    "keras.layers.wrappers": "keras.layers",
    "keras.initializers.initializers_v2": "keras.initializers",
    "keras.layers.noise": "keras.layers",
    "keras.layers.local": "keras.layers",
    "keras.layers.cudnn_recurrent": "keras.layers",
    **dict.fromkeys(("keras.layers.convolutional_recurrent", "keras.layers.recurrent_v2",
                     "keras.layers.normalization_v2", "keras.layers.dense_attention"), "keras.layers"),
    "tensorflow.keras.layers.core": "tensorflow.keras.layers",
    **{f"tensorflow.keras.layers.{m}": "tensorflow.keras.layers" for m in (
        "convolutional", "recurrent", "normalization", "pooling", "merge", "embeddings",
        "advanced_activations", "wrappers", "noise", "local", "cudnn_recurrent", "convolutional_recurrent",
        "recurrent_v2", "normalization_v2", "dense_attention")},
    "keras.backend.common": "keras.backend",
    "keras.callbacks.callbacks": "keras.callbacks",
    **dict.fromkeys(("keras.layers.experimental", "keras.layers.experimental.preprocessing"), "keras.layers"),
    **dict.fromkeys(("tensorflow.keras.layers.experimental", "tensorflow.keras.layers.experimental.preprocessing"),
                    "tensorflow.keras.layers"),
    # TensorFlow's bundled Keras 2 as a whole: `from tensorflow.python.keras import Sequential`
    "tensorflow.python.keras": "tensorflow.keras",
    "tensorflow.python.keras.layers": "tensorflow.keras.layers",
    # the layer modules of TensorFlow's bundled Keras 2, whose classes tf.keras.layers exported
    **{f"tensorflow.python.keras.layers.{m}": "tensorflow.keras.layers" for m in (
        "core", "convolutional", "convolutional_recurrent", "recurrent", "recurrent_v2", "pooling",
        "merge", "embeddings", "advanced_activations", "wrappers", "noise", "local", "dense_attention",
        "normalization", "normalization_v2", "cudnn_recurrent", "einsum_dense", "multi_head_attention",
        "serialization")},
    "tensorflow.python.keras.models": "tensorflow.keras.models",
    "tensorflow.python.keras.optimizers": "tensorflow.keras.optimizers",
    "tensorflow.python.keras.losses": "tensorflow.keras.losses",
    "tensorflow.python.keras.metrics": "tensorflow.keras.metrics",
    "tensorflow.python.keras.callbacks": "tensorflow.keras.callbacks",
    "tensorflow.python.keras.backend": "tensorflow.keras.backend",
    "tensorflow.python.keras.regularizers": "tensorflow.keras.regularizers",
    "tensorflow.python.keras.initializers": "tensorflow.keras.initializers",
    "tensorflow.python.keras.activations": "tensorflow.keras.activations",
    "tensorflow.python.keras.preprocessing": "tensorflow.keras.preprocessing",
    "tensorflow.python.keras.applications": "tensorflow.keras.applications",
    "tensorflow.python.keras.datasets": "tensorflow.keras.datasets",
    "tensorflow.python.keras.utils": "tensorflow.keras.utils",
}
# TensorFlow 2.0 / 2.1's spellings of the same modules (`tensorflow_core.python.keras.layers`, and
# `tensorflow_core.keras.layers`, the public one under the package's real name)
PUBLIC_MODULES.update({"tensorflow_core" + k[len("tensorflow"):]: v for k, v in list(PUBLIC_MODULES.items())
                       if k.startswith("tensorflow.python.keras")})
PUBLIC_MODULES.update({f"tensorflow_core.keras.{m}": f"tensorflow.keras.{m}" for m in (
    "layers", "models", "optimizers", "losses", "metrics", "callbacks", "backend", "regularizers",
    "initializers", "activations", "preprocessing", "applications", "datasets", "utils")})

# Whose internals RL503 reports, by the start of the path as the file spells it, and the path
# components that mark a file of an owner's own source tree: such a file may use those internals.
# Keras' trees (keras 3, Keras 2 / tf_keras) own every Keras code base's internals, TensorFlow's
# bundled copy included, as before; TensorFlow's tree owns only its own copy (`tensorflow.python.keras`,
# TF 1's `tensorflow.contrib.keras`): TensorFlow importing `keras.src.…` is still reported. A user's
# project has none of these components and is never exempt.
# Keras 1 / 2's layout, its package's modules straight under keras/ (a copy of it vendored into a
# repository, keras-team/keras before 3.0) — not TensorFlow's bundled copy (tensorflow/python/keras/),
# which is TensorFlow's tree (see rules/rl503_private_keras_import.py)
KERAS2_SOURCE_LAYOUT = tuple(("keras", d) for d in (
    "engine", "layers", "legacy", "backend", "utils", "wrappers", "applications", "preprocessing",
    "datasets", "optimizers", "saving", "mixed_precision", "distribute", "feature_column", "premade",
    "protobuf", "dtensor", "export", "models", "models.py", "callbacks.py", "optimizers.py", "losses.py",
    "metrics.py", "activations.py", "initializers.py", "initializations.py", "regularizers.py",
    "constraints.py", "objectives.py", "backend.py", "__init__.py"))
KERAS_SOURCE_TREES = (("keras", "src"), ("keras", "api"), ("tf_keras", "src"), ("tf_keras", "api"),
                      ("keras_core", "src"),
                      *KERAS2_SOURCE_LAYOUT)
TENSORFLOW_SOURCE_TREES = tuple(("tensorflow", d) for d in (
    "python", "_api", "compiler", "contrib", "core", "distribute", "dtensor", "lite", "security", "tools",
    "tsl"))
PRIVATE_KERAS_OWNER_TREES = {
    "keras": KERAS_SOURCE_TREES,
    "tf_keras": KERAS_SOURCE_TREES,
    "keras_core": KERAS_SOURCE_TREES,
    "tensorflow.keras": KERAS_SOURCE_TREES,  # Keras, reached through TensorFlow
    "tensorflow.python": TENSORFLOW_SOURCE_TREES + KERAS_SOURCE_TREES,
    "tensorflow_core": (("tensorflow_core", "python"), ("tensorflow_core", "_api")) + KERAS_SOURCE_TREES,
    "tensorflow.contrib": TENSORFLOW_SOURCE_TREES + KERAS_SOURCE_TREES,
}


# Classes a star import (`from keras.optimizers import *`) brings in, by the module that defines
# them: beside `from keras.layers import *`, `Adam` is the optimizer, not a layer.
STAR_CLASS_MODULES = {
    **dict.fromkeys(("SGD", "RMSprop", "Adagrad", "Adadelta", "Adam", "Adamax", "Nadam", "Ftrl", "AdamW",
                     "Lion", "Adafactor", "Optimizer"), "optimizers"),
    **dict.fromkeys(("ModelCheckpoint", "EarlyStopping", "ReduceLROnPlateau", "LearningRateScheduler",
                     "TensorBoard", "CSVLogger", "Callback", "LambdaCallback", "TerminateOnNaN",
                     "BackupAndRestore", "RemoteMonitor"), "callbacks"),
}
