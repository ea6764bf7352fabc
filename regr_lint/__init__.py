"""regr-lint: catch the Keras training-code mistakes that silently ruin regression models."""

__version__ = "0.1.0"
