"""Built-in rules, one module per code. Installed as `regr_lint.rules`; registered through the
`regr_lint.rules` entry-point group like any third-party rule pack."""
