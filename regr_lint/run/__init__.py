"""What drives a run over many files, above every stage: the settings a command line or the server
resolves (settings), the cache of results by content (cache) and the worker processes (parallel)."""
