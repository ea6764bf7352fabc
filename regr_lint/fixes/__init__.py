"""Stage 5, fixes: a file's fixes applied pass after pass on top of the engine (apply) and
`--add-noqa` (add_noqa). The nodes a fix puts in are built by `regr_lint.rewrite` (rules use it too)."""
