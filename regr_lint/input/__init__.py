"""Stage 1, input: which files a run lints and with what settings (discovery, pathmatch, config,
selection), and each file's text as the later stages read it (source, notebook, normalise, parsing,
textmap; files writes them back without losing anything). Imports nothing of regr-lint above it."""
