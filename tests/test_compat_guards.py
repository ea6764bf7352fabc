"""Version guards (regr_lint/facts/compat.py) are found wherever the statement sits, without visiting
expressions unless a conditional expression can be one."""
from __future__ import annotations

import textwrap
from pathlib import Path

import libcst as cst
import pytest

from regr_lint.engine import lint_source
from regr_lint.facts.compat import _nodes, _statements
from regr_lint.registry import load_rules

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
    assert _guards(module, _statements) == _guards(module, _nodes)


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
