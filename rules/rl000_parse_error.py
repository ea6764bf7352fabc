from regr_lint.rule import Rule


class ParseError(Rule):
    """Reported by the engine itself when a file cannot be read, decoded or parsed."""

    code = "RL000"
    name = "parse-error"
    summary = "The file cannot be read, decoded or parsed; nothing in it was checked"
    severity = "error"  # nothing in the file was checked
    tokens = ("\x00never",)  # the engine reports it; the rule itself never runs
    docs = """\
## What it does
Reports a file that regr-lint could not read, decode (PEP 263 cookie, UTF-8 BOM) or parse as
Python 3, with the parser's message and position. A file CPython compiles is never RL000: when
only its tab indentation stops the parser (a tab-indented block in a space-indented module), it is
analysed with that indentation expanded to spaces as CPython measures it (findings at their real
lines and columns, no fix offered); if even that fails, stderr says `PATH: not analysed: …`.
In a notebook, whose cells Jupyter runs one by one, a cell that does not compile by itself (an
exercise left unfinished, a line indented where no IPython dedents it) is reported at that cell, and
nothing in it is reported but that. The other cells are still checked by the rules that judge a call
or an import by itself (RL501–RL506), reading that cell's statements before its error as written and
taking any name its other lines may bind as unknown (`from tensorflow import keras` on its first
line counts; a `class Adam` past its error makes `Adam(lr=…)` unknown). The rules that read more
than the call (RL101–RL401: the targets, the model's layers, values carried from statement to
statement) run too when no other line reads a name the lines past the error may bind (`plot(y`
left unclosed at the cell's end, a `def time_se` cut short that nothing calls), and stay silent
otherwise: the broken cell may have scaled the targets or changed the
model. No fix is offered until the notebook parses (a fix's
safety is judged on the whole notebook; `--add-noqa` still writes into the cells that parse). When
every cell fails, the others still do not parse together, or the broken cell may bind any name
(`from m import *`, `exec`), the notebook is one RL000 as a file is. IPython syntax that Jupyter
runs (`%magic`, `!cmd`) is masked, not a syntax error. A `.py` file does not parse or it does: one
that does not is RL000 alone. An
empty file (a placeholder `.ipynb` holding nothing but whitespace) is silent, as an empty `.py` is.
A file that names nothing any rule looks for (no Keras, none of the rules' words: a helper or
plotting module, a data script) is never parsed, so its syntax errors are not reported: regr-lint
checks Keras training code, not Python syntax (flake8's E999 and ruff do). A file naming no Keras but
training a model it is handed (`model.fit_generator(`, `train_on_batch(`, `predict_classes(`,
`nb_epoch=`, `.fit(..., epochs=…)`, `.compile(..., loss=…)`: a trainer module given a script's model) is
compiled, and reported when that fails.

## Why is this bad?
Nothing in such a file was checked, so a clean run would be a false reassurance. The run goes on
with the other files.

## Example
```python
print 'number of classes : ' + str(NUM_CLASSES)
```

## Use instead
```python
print('number of classes : ' + str(NUM_CLASSES))
```

## Fix safety
No fix: the code has to be repaired by hand.
"""

    def check(self, facts):
        return ()
