"""Where the step-count arguments of a model's training calls are, and what they were given.

A pure query over `KerasModel.calls`: no tree walking, no evaluation of its own.
"""
from __future__ import annotations

from typing import Iterator

from regr_lint.model.model import MethodCall
from regr_lint.model.values import Value

# method -> the arguments that count batches, as (keyword, position in the signature or None).
# fit / evaluate / predict: the same positions in Keras 3 and in tf.keras 2 (steps_per_epoch is
# fit's 13th parameter, steps evaluate's 6th and predict's 4th). The *_generator methods are
# Keras 2's: fit_generator(generator, steps_per_epoch, epochs, verbose, callbacks,
# validation_data, validation_steps, …), evaluate_generator / predict_generator(generator, steps, …).
STEP_ARGUMENTS: dict[str, tuple[tuple[str, int | None], ...]] = {
    "fit": (("steps_per_epoch", 12), ("validation_steps", 13)),
    "evaluate": (("steps", 5),),
    "predict": (("steps", 3),),
    "fit_generator": (("steps_per_epoch", 1), ("validation_steps", 6)),
    "evaluate_generator": (("steps", 1),),
    "predict_generator": (("steps", 1),),
}


def step_arguments(call: MethodCall) -> Iterator[tuple[str, Value, object]]:
    """(keyword, value, cst.Arg) for every step-count argument the call passes."""
    for name, index in STEP_ARGUMENTS.get(call.method, ()):
        value, arg = call.args.get(name, index)
        if arg is not None:
            yield name, value, arg
