"""Output formats beyond `text` and `json` (those live in regr_lint.output.report), and the one entry point
`write_findings` the CLI calls for every format and for `--statistics`.

Each format is one small function: `full` (regr_lint.output.formats.full), `sarif` (…sarif), `github` and
`gitlab` (…ci). See the README's "Output formats" section for examples."""
from __future__ import annotations

import io
from typing import Sequence, TextIO

from regr_lint.engine.finding import Finding
from regr_lint.output.report import escape_surrogates, write_json, write_statistics, write_text


def write_findings(fmt: str, findings: Sequence[Finding], out: TextIO, *, color: bool = False,
                   unsafe: bool = False, rules: Sequence = (), read_sources: bool = True,
                   statistics: bool = False) -> None:
    """Write `findings` in format `fmt`. `read_sources=False` (standard input) never reads the files
    on disk: their text may differ from what was linted. `rules` are described in SARIF output."""
    from regr_lint.output.formats.ci import write_github, write_gitlab
    from regr_lint.output.formats.full import write_full
    from regr_lint.output.formats.sarif import write_sarif
    from regr_lint.output.formats.source import Sources

    # Written through a buffer, then with lone surrogates escaped: a file name that is not UTF-8
    # must not stop the report half-way (see output.escape_surrogates).
    final, out = out, io.StringIO()
    if statistics:
        write_statistics(findings, out, unsafe=unsafe, as_json=fmt == "json")
    elif fmt == "json":
        write_json(findings, out)
    elif fmt == "full":
        write_full(findings, out, Sources(read_sources), color=color, unsafe=unsafe)
    elif fmt == "sarif":
        write_sarif(findings, out, Sources(read_sources), rules)
    elif fmt == "github":
        write_github(findings, out)
    elif fmt == "gitlab":
        write_gitlab(findings, out, Sources(read_sources))
    else:
        write_text(findings, out, color=color, unsafe=unsafe)
    final.write(escape_surrogates(out.getvalue()))
