"""What regr-lint knows about Keras, kept as data (as TorchFix keeps its API maps): loss, metric and
activation names, import aliases, removed arguments and their replacements (tables), the public names
of Keras' modules (public_api). Imports nothing: every stage may read it."""
