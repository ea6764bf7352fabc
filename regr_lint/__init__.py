"""regr-lint: catch the Keras training-code mistakes that silently ruin regression models."""

__version__ = "0.2.0"

from regr_lint import lazy as _lazy  # noqa: E402,F401 - libcst loads on first use, not at start-up
