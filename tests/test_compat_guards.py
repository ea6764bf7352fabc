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


@pytest.mark.parametrize("test, keras3", [
    # what Python computes where Keras 3 runs (keras 3.x, TensorFlow 2.15 - 2.21)
    ('int(keras.__version__.split(".")[0]) > 1', True),
    ('keras.__version__ < "2.1"', False),
    ('keras.__version__[0] == "2"', False),
    ('tf.__version__ >= "2.0"', True),
    ('tf.__version__ < "2.6"', True),  # "2.16.1" < "2.6": a string comparison
    ('tf.version.VERSION.startswith("1.")', False),
    ('tf.keras.__version__.startswith("3")', True),
    ('version.parse(keras.__version__) >= version.parse("2.1")', True),
    ('tuple(map(int, tf.__version__.split(".")[:2])) < (2, 6)', False),
    ('not keras.__version__ < "2"', True),
    # not the same in every Keras 3 environment, or not read: not told
    ('keras.__version__ >= "3.5"', None),
    ('tf.__version__ < "2.16"', None),
    ('np.__version__ > "1"', None),
    ('hasattr(model, "fit_generator") or keras.__version__ < "2"', None),
    ('sys.version_info >= (3, 8)', None),
])
def test_which_branch_of_a_version_test_keras_3_takes(test, keras3):
    from regr_lint.model.versions import import_paths, keras3_branch

    module = cst.parse_module("import keras\nimport numpy as np\nimport tensorflow as tf\n"
                              "from packaging import version\n")
    assert keras3_branch(cst.parse_expression(test), import_paths(module), {}) is keras3


def test_version_flags_carry_their_values_and_a_name_bound_twice_has_none():
    from regr_lint.model.compat import _version_flags

    module = cst.parse_module(textwrap.dedent("""\
        try:
            import keras
            KERAS_MAJOR = int(keras.__version__.split(".")[0])
        except ImportError:
            from tensorflow import keras
            KERAS_MAJOR = 2
        LEGACY = KERAS_MAJOR < 3
        MAJOR, MINOR = map(int, keras.__version__.split(".")[:2])
        NEWER_THAN_1 = MAJOR > 1


        class Trainer:
            def __init__(self):
                self.legacy_api = keras.__version__ < "2.1"
                self.epochs = 3
        """))
    flags = _version_flags(module)
    assert flags["KERAS_MAJOR"] is None and flags["LEGACY"] is None
    assert set(flags["MAJOR"]) == {3} and set(flags["NEWER_THAN_1"]) == {True}
    assert set(flags["self.legacy_api"]) == {False} and "self.epochs" not in flags
