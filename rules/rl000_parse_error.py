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
exercise left unfinished, a line indented where no IPython dedents it) is reported at that cell and left out; the
other cells are checked as usual, with no fix offered until the notebook parses (when every cell
fails, or the others still do not parse together, the notebook is one RL000 as a file is). An
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
