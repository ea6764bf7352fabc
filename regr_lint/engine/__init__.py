"""Stage 4, the engine: runs the rules (`regr_lint.rules`, on the model of `regr_lint.model`) over a
file and turns their reports into findings (lint), the rules a run has (registry, severity), the
finding itself, `# noqa` suppressions and where a finding across modules is reported (crossmodule)."""
