"""`python -m regr_lint`.

`-m` puts the working directory first on sys.path, and that is usually the folder being linted: its
`click.py` or `dataclasses.py` would be imported instead of the real ones. Linting never runs the code
it lints, so that entry goes before anything else is imported. A deliberate PYTHONPATH entry stays,
and `python -P -m regr_lint` (3.11+) needs none of this. (Only a `regr_lint/` folder in the working
directory comes first anyway: Python imports it before this file runs.)"""
import importlib
import os
import sys


def _drop_working_directory() -> None:
    if getattr(sys.flags, "safe_path", False) or not sys.path:
        return
    try:
        here = os.getcwd()
    except OSError:  # the working directory was removed: nothing to import from it
        here = None
    if sys.path[0] not in ("", here):
        return
    del sys.path[0]
    # regr_lint/__init__.py already looked libcst up (to load it lazily, on first use): a `libcst.py`
    # in the working directory would be the one found. Look it up again on the cleaned path.
    import regr_lint.lazy

    found = os.path.dirname(regr_lint.lazy.LIBCST_ORIGIN)
    if here and found in (here, os.path.join(here, "libcst")):
        del sys.modules["libcst"]  # not executed yet: it loads on first use
        importlib.reload(regr_lint.lazy)


if __name__ == "__main__":
    _drop_working_directory()
    from regr_lint.cli import main

    main()
