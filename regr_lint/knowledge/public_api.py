"""Public names of the Keras modules RL503 rewrites imports to, kept as data (nothing is imported at
lint time).

Read once from keras 3.15.1 (with tensorflow 2.21.0, whose `tensorflow.keras` is
`keras._tf_keras.keras`): the non-module attributes of each module, `_`-names left out::

    sorted(n for n in dir(module) if not n.startswith("_")
           and not isinstance(getattr(module, n), types.ModuleType))

Sub-modules (`keras.applications.resnet50`, `keras.utils.legacy`) are deliberately absent: what a
file does with an imported module cannot be checked name by name, so RL503 offers no fix for it.
They are listed apart, in PUBLIC_SUBMODULES (the module attributes, and the packages' own sub-modules,
`pkgutil.iter_modules(module.__path__)`, which `tensorflow.keras` imports only when asked: `saving`),
complete for every module above, so that RL503's message names the public twin of an imported module,
and so that `exports` knows everything `from <module> import …` can take. The names of the application
and dataset modules (which have no sub-modules) are in PUBLIC_SUBMODULE_NAMES, read the same way.
"""

PUBLIC_NAMES = {
    "keras": frozenset({
        "DTypePolicy", "FloatDTypePolicy", "Function", "Initializer", "Input", "InputSpec",
        "KerasTensor", "Layer", "Loss", "Metric", "Model", "Operation", "Optimizer", "Quantizer",
        "Regularizer", "RematScope", "Sequential", "StatelessScope", "SymbolicScope", "Variable",
        "device", "name_scope", "remat", "version",
    }),
    "keras.activations": frozenset({
        "celu", "deserialize", "elu", "exponential", "gelu", "get", "glu", "hard_shrink",
        "hard_sigmoid", "hard_silu", "hard_swish", "hard_tanh", "leaky_relu", "linear", "log_sigmoid",
        "log_softmax", "mish", "relu", "relu6", "selu", "serialize", "sigmoid", "silu", "soft_shrink",
        "softmax", "softplus", "softsign", "sparse_plus", "sparse_sigmoid", "sparsemax", "squareplus",
        "swish", "tanh", "tanh_shrink", "threshold",
    }),
    "keras.applications": frozenset({
        "ConvNeXtBase", "ConvNeXtLarge", "ConvNeXtSmall", "ConvNeXtTiny", "ConvNeXtXLarge",
        "DenseNet121", "DenseNet169", "DenseNet201", "EfficientNetB0", "EfficientNetB1",
        "EfficientNetB2", "EfficientNetB3", "EfficientNetB4", "EfficientNetB5", "EfficientNetB6",
        "EfficientNetB7", "EfficientNetV2B0", "EfficientNetV2B1", "EfficientNetV2B2",
        "EfficientNetV2B3", "EfficientNetV2L", "EfficientNetV2M", "EfficientNetV2S",
        "InceptionResNetV2", "InceptionV3", "MobileNet", "MobileNetV2", "MobileNetV3Large",
        "MobileNetV3Small", "NASNetLarge", "NASNetMobile", "ResNet101", "ResNet101V2", "ResNet152",
        "ResNet152V2", "ResNet50", "ResNet50V2", "VGG16", "VGG19", "Xception",
    }),
    "keras.backend": frozenset({
        "backend", "clear_session", "epsilon", "floatx", "get_uid", "image_data_format",
        "is_float_dtype", "is_int_dtype", "is_keras_tensor", "result_type", "set_epsilon", "set_floatx",
        "set_image_data_format", "standardize_dtype",
    }),
    "keras.callbacks": frozenset({
        "BackupAndRestore", "CSVLogger", "Callback", "CallbackList", "EarlyStopping", "History",
        "LambdaCallback", "LearningRateScheduler", "ModelCheckpoint", "OrbaxCheckpoint",
        "ProgbarLogger", "ReduceLROnPlateau", "RemoteMonitor", "SwapEMAWeights", "TensorBoard",
        "TerminateOnNaN",
    }),
    "keras.constraints": frozenset({
        "Constraint", "MaxNorm", "MinMaxNorm", "NonNeg", "UnitNorm", "deserialize", "get", "max_norm",
        "min_max_norm", "non_neg", "serialize", "unit_norm",
    }),
    "keras.initializers": frozenset({
        "Constant", "GlorotNormal", "GlorotUniform", "HeNormal", "HeUniform", "Identity",
        "IdentityInitializer", "Initializer", "LecunNormal", "LecunUniform", "Ones", "Orthogonal",
        "OrthogonalInitializer", "RandomNormal", "RandomUniform", "STFT", "STFTInitializer",
        "TruncatedNormal", "VarianceScaling", "Zeros", "constant", "deserialize", "get",
        "glorot_normal", "glorot_uniform", "he_normal", "he_uniform", "identity", "lecun_normal",
        "lecun_uniform", "ones", "orthogonal", "random_normal", "random_uniform", "serialize", "stft",
        "truncated_normal", "variance_scaling", "zeros",
    }),
    "keras.layers": frozenset({
        "Activation", "ActivityRegularization", "AdaptiveAveragePooling1D", "AdaptiveAveragePooling2D",
        "AdaptiveAveragePooling3D", "AdaptiveMaxPooling1D", "AdaptiveMaxPooling2D",
        "AdaptiveMaxPooling3D", "Add", "AdditiveAttention", "AlphaDropout", "Attention", "AugMix",
        "AutoContrast", "Average", "AveragePooling1D", "AveragePooling2D", "AveragePooling3D",
        "AvgPool1D", "AvgPool2D", "AvgPool3D", "BatchNormalization", "Bidirectional",
        "CategoryEncoding", "CenterCrop", "Concatenate", "ContrastLimitedAdaptiveHistogramEqualization",
        "Conv1D", "Conv1DTranspose", "Conv2D", "Conv2DTranspose", "Conv3D", "Conv3DTranspose",
        "ConvLSTM1D", "ConvLSTM2D", "ConvLSTM3D", "Convolution1D", "Convolution1DTranspose",
        "Convolution2D", "Convolution2DTranspose", "Convolution3D", "Convolution3DTranspose",
        "Cropping1D", "Cropping2D", "Cropping3D", "CutMix", "Dense", "DepthwiseConv1D",
        "DepthwiseConv2D", "Discretization", "Dot", "Dropout", "ELU", "EinsumDense", "Embedding",
        "Equalization", "Flatten", "FlaxLayer", "GRU", "GRUCell", "GaussianDropout", "GaussianNoise",
        "GlobalAveragePooling1D", "GlobalAveragePooling2D", "GlobalAveragePooling3D", "GlobalAvgPool1D",
        "GlobalAvgPool2D", "GlobalAvgPool3D", "GlobalMaxPool1D", "GlobalMaxPool2D", "GlobalMaxPool3D",
        "GlobalMaxPooling1D", "GlobalMaxPooling2D", "GlobalMaxPooling3D", "GroupNormalization",
        "GroupQueryAttention", "HashedCrossing", "Hashing", "Identity", "Input", "InputLayer",
        "InputSpec", "IntegerLookup", "JaxLayer", "LSTM", "LSTMCell", "Lambda", "Layer",
        "LayerNormalization", "LeakyReLU", "Masking", "MaxNumBoundingBoxes", "MaxPool1D", "MaxPool2D",
        "MaxPool3D", "MaxPooling1D", "MaxPooling2D", "MaxPooling3D", "Maximum", "MelSpectrogram",
        "Minimum", "MixUp", "MultiHeadAttention", "Multiply", "Normalization", "PReLU", "Permute",
        "Pipeline", "RMSNormalization", "RNN", "RandAugment", "RandomBrightness",
        "RandomColorDegeneration", "RandomColorJitter", "RandomContrast", "RandomCrop",
        "RandomElasticTransform", "RandomErasing", "RandomFlip", "RandomGaussianBlur",
        "RandomGrayscale", "RandomHue", "RandomInvert", "RandomPerspective", "RandomPosterization",
        "RandomRotation", "RandomSaturation", "RandomSharpness", "RandomShear", "RandomTranslation",
        "RandomZoom", "ReLU", "RepeatVector", "Rescaling", "Reshape", "Resizing", "ReversibleEmbedding",
        "STFTSpectrogram", "SeparableConv1D", "SeparableConv2D", "SeparableConvolution1D",
        "SeparableConvolution2D", "SimpleRNN", "SimpleRNNCell", "Softmax", "Solarization",
        "SpatialDropout1D", "SpatialDropout2D", "SpatialDropout3D", "SpectralNormalization",
        "StackedRNNCells", "StringLookup", "Subtract", "TFSMLayer", "TextVectorization",
        "TimeDistributed", "TorchModuleWrapper", "UnitNormalization", "UpSampling1D", "UpSampling2D",
        "UpSampling3D", "Wrapper", "ZeroPadding1D", "ZeroPadding2D", "ZeroPadding3D", "add", "average",
        "concatenate", "deserialize", "dot", "maximum", "minimum", "multiply", "serialize", "subtract",
    }),
    "keras.losses": frozenset({
        "BinaryCrossentropy", "BinaryFocalCrossentropy", "CTC", "CategoricalCrossentropy",
        "CategoricalFocalCrossentropy", "CategoricalGeneralizedCrossEntropy", "CategoricalHinge",
        "Circle", "CosineSimilarity", "Dice", "Hinge", "Huber", "KLDivergence", "LogCosh", "Loss",
        "MeanAbsoluteError", "MeanAbsolutePercentageError", "MeanSquaredError",
        "MeanSquaredLogarithmicError", "Poisson", "SparseCategoricalCrossentropy", "SquaredHinge",
        "Tversky", "binary_crossentropy", "binary_focal_crossentropy", "categorical_crossentropy",
        "categorical_focal_crossentropy", "categorical_generalized_cross_entropy", "categorical_hinge",
        "circle", "cosine_similarity", "ctc", "deserialize", "dice", "get", "hinge", "huber",
        "kl_divergence", "log_cosh", "mean_absolute_error", "mean_absolute_percentage_error",
        "mean_squared_error", "mean_squared_logarithmic_error", "poisson", "serialize",
        "sparse_categorical_crossentropy", "squared_hinge", "tversky",
    }),
    "keras.metrics": frozenset({
        "AUC", "Accuracy", "BinaryAccuracy", "BinaryCrossentropy", "BinaryIoU", "CategoricalAccuracy",
        "CategoricalCrossentropy", "CategoricalHinge", "ConcordanceCorrelation", "CosineSimilarity",
        "F1Score", "FBetaScore", "FalseNegatives", "FalsePositives", "Hinge", "IoU", "KLDivergence",
        "LogCoshError", "Mean", "MeanAbsoluteError", "MeanAbsolutePercentageError", "MeanIoU",
        "MeanMetricWrapper", "MeanSquaredError", "MeanSquaredLogarithmicError", "Metric", "OneHotIoU",
        "OneHotMeanIoU", "PearsonCorrelation", "Poisson", "Precision", "PrecisionAtRecall", "R2Score",
        "Recall", "RecallAtPrecision", "RootMeanSquaredError", "SensitivityAtSpecificity",
        "SparseCategoricalAccuracy", "SparseCategoricalCrossentropy", "SparseTopKCategoricalAccuracy",
        "SpecificityAtSensitivity", "SquaredHinge", "Sum", "TopKCategoricalAccuracy", "TrueNegatives",
        "TruePositives", "binary_accuracy", "binary_crossentropy", "binary_focal_crossentropy",
        "categorical_accuracy", "categorical_crossentropy", "categorical_focal_crossentropy",
        "categorical_hinge", "concordance_correlation", "deserialize", "get", "hinge", "huber",
        "kl_divergence", "log_cosh", "mean_absolute_error", "mean_absolute_percentage_error",
        "mean_squared_error", "mean_squared_logarithmic_error", "pearson_correlation", "poisson",
        "serialize", "sparse_categorical_accuracy", "sparse_categorical_crossentropy",
        "sparse_top_k_categorical_accuracy", "squared_hinge", "top_k_categorical_accuracy",
    }),
    "keras.mixed_precision": frozenset({
        "DTypePolicy", "LossScaleOptimizer", "Policy", "dtype_policy", "global_policy", "set_dtype_policy",
        "set_global_policy",
    }),
    "keras.models": frozenset({
        "Model", "Sequential", "clone_model", "load_model", "model_from_json", "save_model",
    }),
    "keras.optimizers": frozenset({
        "Adadelta", "Adafactor", "Adagrad", "Adam", "AdamW", "Adamax", "Ftrl", "Lamb", "Lion",
        "LossScaleOptimizer", "MultiOptimizer", "Muon", "Nadam", "Optimizer", "OptimizerMap", "RMSprop",
        "SGD", "ScheduleFreeAdamW", "deserialize", "get", "serialize",
    }),
    "keras.preprocessing": frozenset({
        "image_dataset_from_directory", "text_dataset_from_directory", "timeseries_dataset_from_array",
    }),
    "keras.regularizers": frozenset({
        "L1", "L1L2", "L2", "OrthogonalRegularizer", "Regularizer", "deserialize", "get", "l1", "l1_l2",
        "l2", "orthogonal_regularizer", "serialize",
    }),
    "keras.wrappers": frozenset({"SKLearnClassifier", "SKLearnRegressor", "SKLearnTransformer"}),
    "keras.utils": frozenset({
        "Config", "CustomObjectScope", "FeatureSpace", "Progbar", "PyDataset", "Sequence",
        "array_to_img", "audio_dataset_from_directory", "clear_session", "custom_object_scope",
        "deserialize_keras_object", "disable_interactive_logging", "enable_interactive_logging",
        "get_custom_objects", "get_file", "get_registered_name", "get_registered_object",
        "get_source_inputs", "image_dataset_from_directory", "img_to_array",
        "is_interactive_logging_enabled", "is_keras_tensor", "load_img", "model_to_dot", "normalize",
        "pack_x_y_sample_weight", "pad_sequences", "plot_model", "register_keras_serializable",
        "save_img", "serialize_keras_object", "set_random_seed", "split_dataset", "standardize_dtype",
        "text_dataset_from_directory", "timeseries_dataset_from_array", "to_categorical",
        "unpack_x_y_sample_weight",
    }),
}

# `tensorflow.keras` is `keras._tf_keras.keras`: keras' names, plus (first) and less (second) these,
# where tf.keras keeps Keras 2's spellings (`mse`, `ThresholdedReLU`, the backend functions).
_TF_KERAS_DIFFERENCES = {
    "keras.backend": (
        frozenset({
            "abs", "all", "any", "arange", "argmax", "argmin", "batch_dot",
            "batch_flatten", "batch_get_value", "batch_normalization",
            "batch_set_value", "bias_add", "binary_crossentropy",
            "binary_focal_crossentropy", "cast", "cast_to_floatx",
            "categorical_crossentropy", "categorical_focal_crossentropy", "clip",
            "concatenate", "constant", "conv1d", "conv2d", "conv2d_transpose", "conv3d",
            "cos", "count_params", "ctc_batch_cost", "ctc_decode",
            "ctc_label_dense_to_sparse", "cumprod", "cumsum", "depthwise_conv2d", "dot",
            "dropout", "dtype", "elu", "equal", "eval", "exp", "expand_dims", "eye",
            "flatten", "foldl", "foldr", "gather", "get_value", "gradients", "greater",
            "greater_equal", "hard_sigmoid", "in_top_k", "int_shape", "is_sparse",
            "l2_normalize", "less", "less_equal", "log", "map_fn", "max", "maximum",
            "mean", "min", "minimum", "moving_average_update", "name_scope", "ndim",
            "not_equal", "one_hot", "ones", "ones_like", "permute_dimensions", "pool2d",
            "pool3d", "pow", "prod", "random_bernoulli", "random_normal",
            "random_normal_variable", "random_uniform", "random_uniform_variable",
            "relu", "repeat", "repeat_elements", "reshape", "resize_images",
            "resize_volumes", "reverse", "rnn", "round", "separable_conv2d",
            "set_value", "shape", "sigmoid", "sign", "sin", "softmax", "softplus",
            "softsign", "sparse_categorical_crossentropy", "spatial_2d_padding",
            "spatial_3d_padding", "sqrt", "square", "squeeze", "stack", "std",
            "stop_gradient", "sum", "switch", "tanh", "temporal_padding", "tile",
            "to_dense", "transpose", "truncated_normal", "update", "update_add",
            "update_sub", "var", "variable", "zeros", "zeros_like",
        }),
        frozenset(),
    ),
    "keras.layers": (
        frozenset({
            "RandomHeight", "RandomWidth", "ThresholdedReLU",
        }),
        frozenset(),
    ),
    "keras.losses": (
        frozenset({
            "KLD", "MAE", "MAPE", "MSE", "MSLE", "Reduction", "kld",
            "kullback_leibler_divergence", "logcosh", "mae", "mape", "mse", "msle",
        }),
        frozenset({
            "kl_divergence", "log_cosh", "mean_absolute_error",
            "mean_absolute_percentage_error", "mean_squared_error",
            "mean_squared_logarithmic_error",
        }),
    ),
    "keras.metrics": (
        frozenset({
            "KLD", "MAE", "MAPE", "MSE", "MSLE", "kld", "kullback_leibler_divergence",
            "logcosh", "mae", "mape", "mse", "msle",
        }),
        frozenset({
            "kl_divergence", "log_cosh", "mean_absolute_error",
            "mean_absolute_percentage_error", "mean_squared_error",
            "mean_squared_logarithmic_error",
        }),
    ),
}
for _module, _names in list(PUBLIC_NAMES.items()):
    _added, _removed = _TF_KERAS_DIFFERENCES.get(_module, (frozenset(), frozenset()))
    PUBLIC_NAMES["tensorflow." + _module] = (_names | _added) - _removed


# The public sub-modules of the modules above, every one of them (keras 3.15.1; tensorflow.keras has the
# same, but for the differences below): RL503's message names `tensorflow.keras.datasets.imdb` as the twin
# of `tensorflow.python.keras.datasets.imdb`, and `exports` reads what each module has.
PUBLIC_SUBMODULES = {
    "keras": frozenset({
        "activations", "applications", "backend", "callbacks", "config", "constraints", "datasets", "distillation",
        "distribution", "dtype_policies", "export", "initializers", "layers", "legacy", "losses", "metrics",
        "mixed_precision", "models", "ops", "optimizers", "preprocessing", "quantizers", "random", "regularizers",
        "saving", "src", "tree", "utils", "visualization", "wrappers",
    }),
    **dict.fromkeys(("keras.activations", "keras.backend", "keras.callbacks", "keras.constraints",
                     "keras.initializers", "keras.layers", "keras.losses", "keras.metrics", "keras.mixed_precision",
                     "keras.models",
                     "keras.regularizers", "keras.wrappers"), frozenset()),
    "keras.datasets": frozenset({"boston_housing", "california_housing", "cifar10", "cifar100", "fashion_mnist",
                                 "imdb", "mnist", "reuters"}),
    "keras.applications": frozenset({
        "convnext", "densenet", "efficientnet", "efficientnet_v2", "imagenet_utils", "inception_resnet_v2",
        "inception_v3", "mobilenet", "mobilenet_v2", "mobilenet_v3", "nasnet", "resnet", "resnet50", "resnet_v2",
        "vgg16", "vgg19", "xception",
    }),
    "keras.preprocessing": frozenset({"image", "sequence"}),
    "keras.optimizers": frozenset({"legacy", "schedules"}),
    "keras.utils": frozenset({"bounding_boxes", "legacy"}),
}
# tf.keras has no `src`, and keeps Keras 2's `preprocessing.text`
_TF_KERAS_SUBMODULES = {"keras": (frozenset(), frozenset({"src"})),
                        "keras.preprocessing": (frozenset({"text"}), frozenset())}
for _module, _names in list(PUBLIC_SUBMODULES.items()):
    _added, _removed = _TF_KERAS_SUBMODULES.get(_module, (frozenset(), frozenset()))
    PUBLIC_SUBMODULES["tensorflow." + _module] = (_names | _added) - _removed

# The public names of the application and dataset modules (keras 3.15.1; tensorflow.keras has the same):
# none has sub-modules. Apart from PUBLIC_NAMES, so that an import of such a module still gets no fix.
_APPLICATION_MODELS = {
    "convnext": ("ConvNeXtBase", "ConvNeXtLarge", "ConvNeXtSmall", "ConvNeXtTiny", "ConvNeXtXLarge"),
    "densenet": ("DenseNet121", "DenseNet169", "DenseNet201"),
    "efficientnet": tuple(f"EfficientNetB{i}" for i in range(8)),
    "efficientnet_v2": ("EfficientNetV2B0", "EfficientNetV2B1", "EfficientNetV2B2", "EfficientNetV2B3",
                        "EfficientNetV2L", "EfficientNetV2M", "EfficientNetV2S"),
    "imagenet_utils": (),
    "inception_resnet_v2": ("InceptionResNetV2",),
    "inception_v3": ("InceptionV3",),
    "mobilenet": ("MobileNet",),
    "mobilenet_v2": ("MobileNetV2",),
    "mobilenet_v3": (),  # (MobileNetV3Large / MobileNetV3Small are keras.applications' only)
    "nasnet": ("NASNetLarge", "NASNetMobile"),
    "resnet": ("ResNet101", "ResNet152", "ResNet50"),
    "resnet50": ("ResNet50",),
    "resnet_v2": ("ResNet101V2", "ResNet152V2", "ResNet50V2"),
    "vgg16": ("VGG16",),
    "vgg19": ("VGG19",),
    "xception": ("Xception",),
}
_DATASETS = {"boston_housing": (), "california_housing": (), "cifar10": (), "cifar100": (), "fashion_mnist": (),
             "imdb": ("get_word_index",), "mnist": (), "reuters": ("get_label_names", "get_word_index")}
PUBLIC_SUBMODULE_NAMES = {
    "keras.datasets": frozenset(),
    **{f"keras.applications.{m}": frozenset({*models, "decode_predictions", "preprocess_input"})
       for m, models in _APPLICATION_MODELS.items()},
    **{f"keras.datasets.{m}": frozenset({*names, "load_data"}) for m, names in _DATASETS.items()},
}
for _module, _names in list(PUBLIC_SUBMODULE_NAMES.items()):
    PUBLIC_SUBMODULE_NAMES["tensorflow." + _module] = _names


def exports(module: str):
    """Everything `from <module> import …` can take in Keras 3 (its public names and sub-modules), or
    None when the tables do not record the module whole. Once per module: the union is as large as
    the module (keras.layers' hundreds of names) and every Keras attribute chain asks for it."""
    known = _EXPORTS.get(module, _UNSEEN)
    if known is _UNSEEN:
        names = PUBLIC_NAMES.get(module, PUBLIC_SUBMODULE_NAMES.get(module))
        known = _EXPORTS[module] = None if names is None else names | PUBLIC_SUBMODULES.get(module, frozenset())
    return known


_EXPORTS: dict = {}
_UNSEEN = object()
