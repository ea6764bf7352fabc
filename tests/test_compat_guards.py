"""Version guards (regr_lint/model/compat.py) are found wherever the statement sits, without visiting
expressions unless a conditional expression can be one."""
from __future__ import annotations

import textwrap
from pathlib import Path

import libcst as cst
import pytest

from regr_lint.engine.lint import lint_source
from regr_lint.engine.registry import load_rules
from regr_lint.model.compat import _nodes, statements

RULES = load_rules()
ROOT = Path(__file__).resolve().parent.parent

EVERY_BLOCK = textwrap.dedent("""\
    import keras

    model = keras.Sequential([keras.Input((3,)), keras.layers.Dense(1)])
    model.compile(optimizer="adam", loss="mse")


    class Trainer:
        def run(self, gen):
            with open("log") as log:
                for epoch in range(3):
                    while True:
                        if hasattr(model, "fit_generator"):
                            {call}
                        elif epoch:
                            pass
                        else:
                            break
                    else:
                        try:
                            {call}
                        except AttributeError:
                            pass
                        else:
                            pass
                        finally:
                            pass
            match gen:
                case None:
                    try:
                        {call}
                    except (TypeError, AttributeError):
                        pass
                case _:
                    pass


    async def go(gen):
        async with gen as g:
            if g: y = 1
            else: {call}
""")



def _guards(module: cst.Module, walk) -> list[int]:
    return sorted(id(n) for n in walk(module) if isinstance(n, (cst.If, cst.Try, cst.TryStar)))


@pytest.mark.parametrize("source", [EVERY_BLOCK.format(call="model.fit_generator(gen, steps_per_epoch=3)")]
                         + [p.read_text() for pattern in ("regr_lint/**/*.py", "rules/*.py", "fixtures/*/*.py",
                                                          "examples/*.py") for p in sorted(ROOT.glob(pattern))][:80])
def test_the_statement_walk_finds_every_if_and_try_the_full_walk_finds(source):
    module = cst.parse_module(source)
    assert _guards(module, statements) == _guards(module, _nodes)


def test_guards_in_every_kind_of_block_are_honoured():
    source = EVERY_BLOCK.format(call="model.fit_generator(gen, steps_per_epoch=3)")
    guarded = [n for n, line in enumerate(source.splitlines(), 1) if "fit_generator(gen" in line][:3]
    findings, _ = lint_source(source, "t.py", RULES)
    assert not [f.line for f in findings if f.code == "RL501" and f.line in guarded]
    # the same calls without their guards are reported
    bare = source.replace('if hasattr(model, "fit_generator")', "if model").replace(
        "except AttributeError", "except KeyError").replace("(TypeError, AttributeError)", "KeyError")
    findings, _ = lint_source(bare, "t.py", RULES)
    assert [f.line for f in findings if f.code == "RL501" and f.line in guarded] == guarded


BROAD = textwrap.dedent("""\
    from keras.layers import Input, Dense
    from keras.models import Model

    inp = Input(shape=(4,))
    try:
        model = Model(input=inp, output=Dense(1)(inp))
    except:
        model = Model(inputs=inp, outputs=Dense(1)(inp))
    model.compile(optimizer="adam", loss="mse")
    try:
        model.fit_generator(gen, steps_per_epoch=3)
    except Exception:
        model.fit(gen, steps_per_epoch=3)
    try:
        model.fit(x, y, nb_epoch=5)
    except Exception as err:
        print(err)
""")


def test_a_handler_that_catches_everything_guards_the_calls_it_makes_again():
    # version-compatible code (a real project's `try: Model(input=…) except: Model(inputs=…)`) is
    # silent; a broad handler that only reports the error leaves the call a finding (on Keras 3 the
    # training silently never happens)
    findings, _ = lint_source(BROAD, "t.py", RULES)
    assert [(f.line, f.code) for f in findings] == [(15, "RL504")], findings
    # the same calls with handlers that retry nothing are reported
    bare = BROAD.replace("    model = Model(inputs=inp, outputs=Dense(1)(inp))\n", "    raise\n") \
        .replace("    model.fit(gen, steps_per_epoch=3)\n", "    pass\n")
    assert bare.count("raise") == 1 and bare.count("pass") == 1
    findings, _ = lint_source(bare, "t.py", RULES)
    assert [(f.line, f.code) for f in findings] == [(6, "RL504"), (6, "RL504"), (11, "RL501"), (15, "RL504")], findings


def test_rl501_renames_safely_only_on_a_known_keras_model():
    # a model the file builds: the safe fix; an object of unknown type (a parameter): the same fix,
    # unsafe (a wrapper of the project may have a fit of its own with other arguments)
    source = textwrap.dedent("""\
        from tensorflow import keras
        model = keras.Sequential([keras.Input((4,)), keras.layers.Dense(1)])
        model.fit_generator(batches, steps_per_epoch=10)
        def train(net, batches):
            net.fit_generator(batches, steps_per_epoch=10)
        """)
    found, _ = lint_source(source, "train.py", [r for r in RULES if r.code == "RL501"])
    assert [(f.line, f.fix.safe) for f in found] == [(3, True), (5, False)], found
