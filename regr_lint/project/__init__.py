"""Stage 2, the project: the module index of a file's project (index), the tie between a linted
file and its project's modules (link) and the folders its scripts add to `sys.path` (search_path).
Built from CPython's tree and the text; reads `regr_lint.input` only."""
