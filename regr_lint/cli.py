"""The `regr-lint` command line.

Exit codes: 0 nothing found, 1 findings, 2 usage, configuration or internal error.
"""
from __future__ import annotations

import io
import json
import os
import sys
import traceback
from dataclasses import dataclass, field
from typing import NoReturn, Sequence

import click

from regr_lint import __version__
from regr_lint.engine import crossmodule
from regr_lint.engine.finding import Finding
from regr_lint.engine.lint import NotAnalysed, lint_file, lint_text, parse_error
from regr_lint.engine.registry import load_registry
from regr_lint.engine.severity import WARNING, Severities, declared
from regr_lint.fixes.apply import FixResult, WriteError, applicable, encode_like, fix_text, unified_diff
from regr_lint.input.config import Config, ConfigError, Projects
from regr_lint.input.discovery import SKIP_DIRS, DiscoveryError, discover
from regr_lint.input.files import read_snapshot, sweep, write_source
from regr_lint.input.selection import Layer, SelectorError, check_known, matches, normalize
from regr_lint.input.source import SourceError, decode, read_bytes
from regr_lint.input.source import configure as configure_source
from regr_lint.output.formats import write_findings
from regr_lint.output.report import FORMATS, diff_summary, escape_surrogates, summary, write_output_file
from regr_lint.project import link as project_link
from regr_lint.rule import Rule
from regr_lint.run.cache import CACHE_DIR_NAME, Cache, clean
from regr_lint.run.parallel import Crash, Skipped, default_jobs, lint_paths
from regr_lint.run.settings import RuleSettings
from regr_lint.verify.report import rule_documentation

EXIT_FINDINGS = 1
EXIT_ERROR = 2


def fail(message: str) -> NoReturn:
    click.echo(f"regr-lint: error: {message}", err=True)
    sys.exit(EXIT_ERROR)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", "-V", prog_name="regr-lint")
def cli() -> None:
    """A static linter for Keras training-code mistakes that silently ruin regression models."""


_SELECTOR_HELP = "Rule codes or prefixes (RL1, RL101) or ALL; repeat the option or separate with commas."


@cli.command()
# readable=False: click would refuse the whole run for one unreadable file; discovery and the
# engine report it (RL000 for a file, an error for a directory) and lint the rest.
@click.argument("paths", nargs=-1, type=click.Path(readable=False))
@click.option("--select", multiple=True, help=f"Run only these rules. {_SELECTOR_HELP}")
@click.option("--ignore", multiple=True, help=f"Do not run these rules. {_SELECTOR_HELP}")
@click.option("--extend-select", multiple=True, help=f"Run these rules in addition. {_SELECTOR_HELP}")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True,
              help="Output format (json: see regr_lint.output.report for the schema; full adds the source "
                   "line; sarif, github, gitlab for code scanning and CI annotations).")
@click.option("--output-file", "-o", type=click.Path(dir_okay=False),
              help="Write the formatted output to this file instead of stdout (the summary stays on stderr).")
@click.option("--statistics", is_flag=True, help="Print the number of findings per rule instead of the findings.")
@click.option("--config", "config_path", type=click.Path(dir_okay=False),
              help="Settings for every file: a regr-lint.toml, or a pyproject.toml's [tool.regr-lint] "
                   "(default: each file's own project's, found above the file).")
@click.option("--show-settings", "settings_for", type=click.Path(), metavar="PATH",
              help="Print the settings that apply to PATH and where they come from, and exit.")
@click.option("--show-files", is_flag=True, help="Print the files a run would lint, one per line, and exit.")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when there are findings.")
@click.option("--exit-zero-on-warnings", is_flag=True,
              help="Exit 0 when every finding is a warning (still 1 with any error; see `regr-lint rule CODE`).")
@click.option("--baseline", "baseline_path", type=click.Path(dir_okay=False), metavar="FILE",
              help="Report only findings not recorded in FILE (written by --write-baseline); say how many "
                   "were baselined and how many of its entries no longer occur.")
@click.option("--write-baseline", "write_baseline_path", type=click.Path(dir_okay=False), metavar="FILE",
              help="Record every current finding in FILE (JSON) and exit 0: later runs with --baseline FILE "
                   "report only new ones.")
@click.option("--stdin-filename", type=click.Path(),
              help="Read the source from standard input and lint it as if it were this path "
                   "(with --fix, the fixed source is printed to stdout and the findings to stderr).")
@click.option("--fix", "apply_fixes", is_flag=True,
              help="Apply the safe fixes (and the unsafe ones with --unsafe-fixes) and write the files.")
@click.option("--unsafe-fixes", is_flag=True,
              help="Enable the unsafe fixes: --fix applies them, and findings show them as fixable ([*]).")
@click.option("--diff", "show_diff", is_flag=True,
              help="Print a unified diff of what --fix would change and write nothing "
                   "(exit 1 when there is a diff).")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None,
              help="Lint in this many worker processes (default: all cores; 1: in this process). "
                   "Small runs, --fix and --diff always run in this process.")
@click.option("--no-cache", is_flag=True,
              help="Neither read nor write the result cache (.regr_lint_cache/ at the project root).")
@click.option("--show-source", is_flag=True,
              help="Show each finding's source line with the range underlined (the `full` format).")
@click.option("--show-fixes", is_flag=True,
              help="With --fix: list the fixes applied, per file and rule.")
@click.option("--add-noqa", is_flag=True,
              help="Add `# noqa: CODE` to every line with a finding (adopt the linter on old code: "
                   "only new problems show afterwards).")
@click.option("--no-respect-gitignore", is_flag=True,
              help="Also lint files that .gitignore files ignore in the directories walked.")
def check(paths: Sequence[str], select, ignore, extend_select, fmt: str, config_path: str | None,
          exit_zero: bool, stdin_filename: str | None, apply_fixes: bool, unsafe_fixes: bool,
          show_diff: bool, output_file: str | None = None, statistics: bool = False,
          jobs: int | None = None, no_cache: bool = False, no_respect_gitignore: bool = False,
          add_noqa: bool = False, show_source: bool = False, show_fixes: bool = False,
          settings_for: str | None = None, show_files: bool = False, exit_zero_on_warnings: bool = False,
          baseline_path: str | None = None, write_baseline_path: str | None = None) -> None:
    """Lint PATHS (files or directories; default: the current directory)."""
    registry = load_registry()
    try:
        projects = Projects(config_path)
        cli_layer = Layer(
            select=normalize(select, "--select") if select else None,
            ignore=normalize(ignore, "--ignore"),
            extend_select=normalize(extend_select, "--extend-select"),
        )
        known = [lr.rule.code for lr in registry]
        for option, values in (("--select", cli_layer.select or []), ("--ignore", cli_layer.ignore),
                               ("--extend-select", cli_layer.extend_select)):
            check_known(values, known, option)
    except (ConfigError, SelectorError) as exc:
        fail(str(exc))
    baseline = _read_baseline(baseline_path, write_baseline_path, stdin_filename is not None or list(paths) == ["-"],
                              apply_fixes or show_diff or add_noqa)
    settings = RuleSettings(registry, cli_layer)
    if settings_for is not None:
        _show_settings(settings_for, projects, settings)

    mode = FixMode(apply=apply_fixes or show_diff, write=apply_fixes and not show_diff, diff=show_diff,
                   unsafe=unsafe_fixes)
    stdin = stdin_filename is not None or list(paths) == ["-"]
    missing = []
    unreadable: list = []  # directories that could not be listed: their files were not linted
    if stdin:
        if paths and list(paths) != ["-"]:
            raise click.UsageError("PATHS cannot be given together with --stdin-filename")
        name = stdin_filename or "-"
        try:  # the settings of the file it names
            excluded = bool(stdin_filename) and projects.for_file(name).config.exclude.match(name)
        except ConfigError as exc:
            fail(str(exc))
        files = [] if excluded else [name]
        if not files and mode.write:
            sys.stdout.buffer.write(sys.stdin.buffer.read())  # excluded: the editor gets its text back
    else:
        missing: list = []
        warnings: list = []
        try:
            files = discover(paths or ["."], lambda d: projects.for_dir(d).config.exclude,
                             respect_gitignore=not no_respect_gitignore,
                             missing=missing, errors=unreadable, warnings=warnings)
        except (DiscoveryError, ConfigError) as exc:
            fail(str(exc))
        for message in dict.fromkeys(warnings):  # a .gitignore above two given paths is read twice
            click.echo(f"regr-lint: warning: {message}", err=True)
        for given in missing:
            click.echo(f"regr-lint: error: {given}: no such file or directory", err=True)
        for message in unreadable:
            click.echo(f"regr-lint: error: {message}", err=True)
        if not files and not missing and not unreadable:
            # "All checks passed!" over nothing would read as a clean project (all of it under dist/)
            skipped = sorted({f"{name}/" for given in (paths or ["."]) if os.path.isdir(given)
                              for name in os.listdir(given)
                              if name in SKIP_DIRS and os.path.isdir(os.path.join(given, name))})
            hint = f" ({', '.join(skipped)} never walked into: name it to lint it)" if skipped else ""
            click.echo(f"regr-lint: warning: no Python files found under the given path(s){hint}", err=True)
        # What a run killed mid-write left beside the files (see regr_lint.input.files): one listing per
        # directory, before any file is read, so a half-written file is put back before it is linted.
        folders = {os.path.dirname(f) for f in files}
        if mode.write:  # a symlinked file's target is written in the target's directory
            folders |= {os.path.dirname(os.path.realpath(f)) for f in files if os.path.islink(f)}
        if not show_files:
            for warning in sweep(sorted(folders)):
                click.echo(f"regr-lint: warning: {warning}", err=True)
    for message in dict.fromkeys(projects.warnings):  # every directory was resolved by now
        click.echo(f"regr-lint: warning: {message}", err=True)
    if show_files:
        for path in files:
            click.echo(escape_surrogates(path))
        sys.exit(0)
    # The cache and the worker pool serve plain lint runs only: --fix / --diff need the libcst
    # nodes of each fix, and standard input is never cached.
    use_cache = not (no_cache or stdin or mode.apply)
    if not stdin:
        project_link.lint_roots(paths or ["."])
    try:
        groups = _groups(files, projects, settings, use_cache)
    except ConfigError as exc:
        fail(str(exc))
    outcome = _lint_many(groups, stdin=stdin, mode=mode, jobs=jobs or default_jobs())
    # SARIF describes the rules that ran (in a run of no files: those of the cwd's project)
    rules = settings.all_rules()
    if not groups:
        try:
            rules = settings.for_config(projects.for_dir(".").config)[0]
        except ConfigError as exc:
            fail(str(exc))
    findings = sorted(outcome.findings)
    if write_baseline_path is not None:
        _write_baseline(write_baseline_path, findings, len(files),
                        incomplete=bool(outcome.crashed or (not stdin and (missing or unreadable))))
    baselined = None
    if baseline is not None:
        from regr_lint.output import baseline as bl
        from regr_lint.output.formats.source import Sources

        sources = Sources(not stdin, texts={files[0]: outcome.stdin_text} if stdin and files else None)
        baselined = bl.apply(baseline, findings, sources, files)
        findings = baselined.findings
    if show_source and fmt == "text":
        fmt = "full"
    if show_fixes and outcome.applied:
        _show_fixes(outcome.applied)
    if add_noqa:
        _add_noqa(findings, stdin or mode.apply)

    if mode.diff:
        sys.stdout.write(escape_surrogates("".join(outcome.diffs)))  # a non-UTF-8 file name
    else:
        if stdin and mode.write:
            # The fixed source goes to stdout (the editor replaces its buffer); findings to stderr.
            sys.stdout.buffer.write(outcome.stdout_bytes)
            sys.stdout.flush()
            out, color = sys.stderr, False
        else:
            out, color = sys.stdout, _use_color()
        if output_file:
            out, color = io.StringIO(), False
        write_findings(fmt, findings, out, color=color, unsafe=mode.unsafe, rules=rules,
                       read_sources=not stdin, statistics=statistics)
        if output_file:
            try:
                write_output_file(output_file, out.getvalue())
            except OSError as exc:
                fail(f"cannot write {output_file}: {exc.strerror or exc}")
    sys.stdout.flush()
    fixable = sum(1 for f in findings if f.fix is not None and applicable(f.fix.fix, mode.unsafe))
    hidden = sum(1 for f in findings if f.fix is not None and not mode.unsafe and applicable(f.fix.fix, True)
                 and not f.fix.safe)
    if mode.diff:
        click.echo(diff_summary(outcome.fixed, len(findings), len(files)), err=True)
    else:
        warnings = sum(1 for f in findings if f.severity == WARNING)
        click.echo(summary(len(findings), len(files), fixed=outcome.fixed if mode.write else None,
                           fixable=fixable, hidden=hidden, unsafe=mode.unsafe, warnings=warnings), err=True)
    if baselined is not None:
        gone = len(baselined.gone)
        click.echo(f"{baselined.baselined} finding{'s' if baselined.baselined != 1 else ''} in the baseline "
                   f"({baseline_path}) not shown; {gone} baseline entr{'ies' if gone != 1 else 'y'} no longer "
                   f"occur{'s' if gone == 1 else ''}"
                   + (f" (update it: --write-baseline {baseline_path})." if gone else "."), err=True)
    if outcome.crashed:
        click.echo(f"regr-lint: {outcome.crashed} file(s) could not be linted because of an internal error "
                   f"(see above); please report it.", err=True)
        sys.exit(EXIT_ERROR)
    if outcome.write_errors or (not stdin and (missing or unreadable)):
        sys.exit(EXIT_ERROR)
    if mode.diff:
        sys.exit(0 if exit_zero or not outcome.diffs else EXIT_FINDINGS)
    if exit_zero_on_warnings and all(f.severity == WARNING for f in findings):
        sys.exit(0)
    sys.exit(0 if exit_zero or not findings else EXIT_FINDINGS)


def _read_baseline(path: str | None, write_path: str | None, stdin: bool, rewriting: bool):
    """The entries of --baseline FILE (None without it); usage errors exit 2 before anything is linted."""
    from regr_lint.output import baseline as bl

    if path is not None and write_path is not None:
        fail("--baseline and --write-baseline cannot be combined: --write-baseline records every current finding")
    if write_path is not None and (stdin or rewriting):
        fail("--write-baseline works on files only, not with standard input, --fix, --diff or --add-noqa")
    if path is None:
        return None
    try:
        return bl.load(path)
    except bl.BaselineError as exc:
        fail(str(exc))


def _write_baseline(path: str, findings: list[Finding], n_files: int, incomplete: bool) -> NoReturn:
    from regr_lint.output import baseline as bl
    from regr_lint.output.formats.source import Sources

    try:
        n = bl.write(path, findings, Sources())
    except bl.BaselineError as exc:
        fail(str(exc))
    click.echo(f"Wrote {n} finding{'s' if n != 1 else ''} of {n_files} file{'s' if n_files != 1 else ''} "
               f"checked to the baseline {path}.", err=True)
    # Files that went unlinted (a crash, a missing path) are not in it: the baseline is incomplete.
    sys.exit(EXIT_ERROR if incomplete else 0)


@dataclass
class _Group:
    """Files linted with the same settings into the same cache (one project, usually)."""

    config: Config
    rules: list[Rule]
    dropped: list[str]
    cache: Cache | None
    files: list[str] = field(default_factory=list)
    severities: Severities | None = None


def _groups(files: list[str], projects: Projects, settings: RuleSettings, use_cache: bool) -> list[_Group]:
    groups: dict[tuple, _Group] = {}
    problems: dict[str, None] = {}
    for path in files:
        project = projects.for_file(path)
        key = (id(project.config), project.cache_root)
        group = groups.get(key)
        if group is None:
            rules, dropped = settings.for_config(project.config)
            cache = Cache(project.cache_root, settings.fingerprint(rules)) if use_cache else None
            if cache is not None and cache.problem:
                problems[cache.problem] = None
                cache = None
            group = groups[key] = _Group(project.config, rules, dropped, cache,
                                         severities=settings.severities(project.config))
        group.files.append(path)
    for problem in problems:
        click.echo(f"regr-lint: warning: {problem}", err=True)
    return list(groups.values())


def _show_settings(path: str, projects: Projects, settings: RuleSettings) -> NoReturn:
    """--show-settings PATH: what applies to PATH and where it comes from."""
    try:
        project = projects.for_path(path)
    except ConfigError as exc:
        fail(str(exc))
    config = project.config
    try:
        rules, _ = settings.for_config(config)
    except ConfigError as exc:
        fail(str(exc))
    is_dir = os.path.isdir(path)
    if project.root:
        root = f"{project.root} (the nearest directory with a {project.found_by})"
    else:
        root = "none (no regr-lint.toml, pyproject.toml or .git above it): default settings"
    source = os.path.abspath(config.path) if config.path else "none (default settings)"
    if projects.explicit is not None:
        source += " (--config)"
    elif config.path and os.path.basename(config.path) == "pyproject.toml":
        source += " [tool.regr-lint]"
    table = config.table
    layer = config.layer
    pfi = {k: v for k, v in table.get("per-file-ignores", {}).items()}
    out = [
        f"path: {path}",
        f"project root: {root}",
        f"settings from: {source}",
        f"cache: {os.path.join(project.cache_root, CACHE_DIR_NAME)}",
        f"excluded: {'yes' if config.exclude.match(path, is_dir) else 'no'}",
        "",
        f"select = {json.dumps(layer.select) if layer.select is not None else '(default: every rule)'}",
        f"ignore = {json.dumps(layer.ignore)}",
        f"extend-select = {json.dumps(layer.extend_select)}",
        f"exclude = {json.dumps(table.get('exclude', []))}",
        f"per-file-ignores = {json.dumps(pfi)}",
        f"max-file-size = {config.max_file_size}",
        f"severity = {json.dumps(config.severity)}",
    ]
    cli = [f"--{name} {','.join(values)}" for name, values in
           (("select", settings.cli_layer.select or []), ("ignore", settings.cli_layer.ignore),
            ("extend-select", settings.cli_layer.extend_select)) if values]
    if cli:
        out.append(f"command line: {' '.join(cli)}")
    codes = [r.code for r in rules]
    if not is_dir:
        off = config.ignored_codes(path)
        if off:
            out.append(f"per-file-ignores for this file: {json.dumps(off)}")
            codes = [c for c in codes if not any(matches(s, c) for s in off)]
    severities = settings.severities(config)
    warnings = [c for c in codes if severities.of(c) == WARNING]
    out.append(f"warnings (the other rules enabled are errors): {', '.join(warnings) or '(none)'}")
    out.append(f"rules enabled{'' if is_dir else ' for this file'}: {', '.join(codes) or '(none)'}")
    click.echo("\n".join(escape_surrogates(line) for line in out))
    sys.exit(0)


@dataclass(frozen=True)
class FixMode:
    apply: bool = False  # compute fixes (--fix or --diff)
    write: bool = False  # write them (--fix without --diff)
    diff: bool = False  # print a diff instead
    unsafe: bool = False  # --unsafe-fixes


@dataclass
class Outcome:
    findings: list[Finding] = field(default_factory=list)
    crashed: int = 0
    fixed: int = 0
    diffs: list[str] = field(default_factory=list)
    write_errors: int = 0
    stdout_bytes: bytes = b""  # --fix on standard input: the (fixed) source
    stdin_text: str | None = None  # standard input's text the findings point into (for --baseline)
    applied: dict = field(default_factory=dict)  # path -> [(code, name)] of the fixes applied


def _lint_many(groups: list[_Group], stdin: bool, mode: FixMode = FixMode(), jobs: int = 1) -> Outcome:
    """Lint (and fix) each file with its own project's settings; a crash in one file is reported and
    counted, and the run goes on.

    Plain lint runs go through regr_lint.run.parallel (the cache, and a worker pool when `jobs` > 1);
    fixing and standard input stay serial, in this process."""
    outcome = Outcome()
    for group in groups:
        configure_source(group.config.max_file_size)  # the size limit, for every reader of source files
        _lint_group(group, stdin, mode, jobs, outcome)
    owner = {path: group for group in groups for path in group.files}

    def ignored(path: str, code: str) -> bool:
        group = owner.get(path)
        if group is None:
            return False
        return code not in {r.code for r in group.rules} or any(
            matches(s, code) for s in group.dropped + group.config.ignored_codes(path))

    # Findings whose token lies in another module: at that token when this run lints it, else where
    # the linted file brings it in (regr_lint.engine.crossmodule).
    outcome.findings = crossmodule.resolve(outcome.findings, owner, ignored)
    # Severities last, from the settings of the file each finding is now in (a finding moved into
    # another linted file obeys that file's table) and never from the cache, which holds none.
    by_group: dict[int, list[Finding]] = {}
    for f in outcome.findings:
        by_group.setdefault(id(owner[f.path]) if f.path in owner else 0, []).append(f)
    severities = {id(g): g.severities for g in groups}
    outcome.findings = [f for key, found in by_group.items()
                        for f in (severities[key].apply(found) if severities.get(key) else found)]
    return outcome


def _lint_group(group: _Group, stdin: bool, mode: FixMode, jobs: int, outcome: Outcome) -> None:
    files, rules, config = group.files, group.rules, group.config
    linted = {} if mode.apply or stdin else dict(zip(files, lint_paths(files, rules, group.cache, jobs)))
    for path in files:
        ignored = group.dropped + config.ignored_codes(path)

        def keep(f: Finding) -> bool:
            return not any(matches(s, f.code) for s in ignored)

        result = linted.get(path)
        if isinstance(result, Crash):
            outcome.crashed += 1
            click.echo(f"{path}: internal error in regr-lint: {result.kind}: {result.message}", err=True)
            if os.environ.get("REGR_LINT_DEBUG"):
                click.echo(result.traceback.rstrip(), err=True)
            continue
        if isinstance(result, Skipped):
            click.echo(result.message, err=True)
            continue
        try:
            if result is not None:
                found = result
            elif mode.apply:
                found = _fix_one(path, rules, keep, stdin, mode, outcome)
            elif stdin:
                found = _lint_stdin(path, rules, outcome)
            else:
                found = lint_file(path, rules)
        except NotAnalysed as exc:
            click.echo(str(exc), err=True)
            continue
        except Exception as exc:  # noqa: BLE001 - a bug in a rule must not stop the run
            outcome.crashed += 1
            click.echo(f"{path}: internal error in regr-lint: {type(exc).__name__}: {exc}", err=True)
            if os.environ.get("REGR_LINT_DEBUG"):
                traceback.print_exc()
            continue
        outcome.findings.extend(f for f in found if f.reported_from or keep(f))


def _show_fixes(applied: dict) -> None:
    total = sum(len(v) for v in applied.values())
    click.echo(f"Fixed {total} error{'s' if total != 1 else ''}:", err=True)
    for path, fixes in sorted(applied.items()):
        click.echo(f"- {path}:", err=True)
        counts: dict = {}
        for code, name in fixes:
            counts[(code, name)] = counts.get((code, name), 0) + 1
        for (code, name), n in sorted(counts.items()):
            click.echo(f"    {n} × {code} ({name})", err=True)


def _add_noqa(findings: list[Finding], unsupported: bool) -> NoReturn:
    from regr_lint.fixes.add_noqa import add_noqa

    if unsupported:
        fail("--add-noqa works on files only, not with standard input, --fix or --diff")
    by_path: dict[str, list[Finding]] = {}
    for f in findings:
        by_path.setdefault(f.path, []).append(f)
    added = refused = 0
    for path, found in by_path.items():
        try:
            added += add_noqa(path, found)
        except (OSError, SourceError, WriteError) as exc:
            refused += 1
            click.echo(f"{path}: noqa not added: {exc}", err=True)
    click.echo(f"Added {added} noqa directive{'s' if added != 1 else ''}.", err=True)
    # Findings left unsilenced in a file that could not be written: the adoption is incomplete.
    sys.exit(EXIT_ERROR if refused else 0)


def _fix_notebook(path: str, rules: list[Rule], keep, stdin: bool, mode: FixMode, outcome: Outcome) -> list[Finding]:
    """Fix a notebook's code cells; only the cells that change are rewritten."""
    from regr_lint.input import notebook
    from regr_lint.engine.lint import lint_notebook

    try:
        data, snap = (sys.stdin.buffer.read(), None) if stdin else read_snapshot(path, read_bytes)
        # "utf-8", not "utf-8-sig": a BOM stays in the text, and notebook.fix_notebook writes it back.
        text = data.decode("utf-8")
    except (OSError, SourceError, UnicodeDecodeError) as exc:
        return [parse_error(path, f"cannot read notebook: {exc}")]
    if stdin and mode.write:
        outcome.stdout_bytes = data

    applied: list = []

    def fix_source(source: str):
        result = fix_text(source, path, rules, unsafe=mode.unsafe, keep=keep)
        for message in result.dropped:
            click.echo(message, err=True)
        applied.extend(result.applied)
        return result.text, result.fixed

    try:
        new, fixed = notebook.fix_notebook(text, fix_source)
    except (notebook.NotebookError, ValueError) as exc:
        if not isinstance(exc, notebook.NotebookError):
            return lint_notebook(text, path, rules)
        click.echo(f"{path}: not fixed: {exc}", err=True)
        return lint_notebook(text, path, rules)
    if stdin:
        outcome.stdin_text = new
    if fixed:
        if mode.diff:
            outcome.diffs.append(unified_diff(path, text, new))
        else:
            payload = new.encode("utf-8")
            if stdin:
                outcome.stdout_bytes = payload
            else:
                try:
                    write_source(path, payload, snap)
                except (WriteError, OSError) as exc:
                    outcome.write_errors += 1
                    click.echo(f"{path}: not fixed: {exc}", err=True)
                    return lint_notebook(text, path, rules)
        outcome.fixed += fixed
        if mode.write:
            outcome.applied.setdefault(path, []).extend(applied)
    return lint_notebook(new, path, rules)


def _fix_one(path: str, rules: list[Rule], keep, stdin: bool, mode: FixMode, outcome: Outcome) -> list[Finding]:
    """Fix one file (or standard input): write it, or record its diff; return what remains."""
    if path.endswith(".ipynb"):
        return _fix_notebook(path, rules, keep, stdin, mode, outcome)
    try:
        data, snap = (sys.stdin.buffer.read(), None) if stdin else read_snapshot(path, read_bytes)
        text = decode(data)
    except SourceError as exc:
        if stdin and mode.write:
            outcome.stdout_bytes = data
        return [parse_error(path, str(exc))]
    result: FixResult = fix_text(text, path, rules, unsafe=mode.unsafe, keep=keep)
    for message in result.dropped:
        click.echo(message, err=True)
    if stdin:
        outcome.stdin_text = result.text  # what the remaining findings point into
    if stdin and mode.write:
        outcome.stdout_bytes = data
    if not result.changed:
        return result.findings
    if mode.diff:
        outcome.diffs.append(unified_diff(path, text, result.text))
        outcome.fixed += result.fixed
        return result.findings  # what would remain (not printed: the diff is the output)
    try:
        new = encode_like(data, result.text)
        if stdin:
            outcome.stdout_bytes = new
        else:
            write_source(path, new, snap)
            project_link.rewritten(path)  # the files fixed after it import its new text
    except (WriteError, OSError) as exc:
        outcome.write_errors += 1
        click.echo(f"{path}: not fixed: {exc}", err=True)
        return lint_text(text, path, rules)
    outcome.fixed += result.fixed
    outcome.applied.setdefault(path, []).extend(result.applied)
    return result.findings


def _lint_stdin(path: str, rules: list[Rule], outcome: Outcome) -> list[Finding]:
    try:
        text = decode(sys.stdin.buffer.read())
    except SourceError as exc:
        return [parse_error(path, str(exc))]
    outcome.stdin_text = text
    return lint_file(path, rules, display_path=path, text=text)


def _use_color() -> bool:
    # Colour only for a person at a terminal: pipes, files and CI logs get plain text.
    return sys.stdout.isatty() and "NO_COLOR" not in os.environ


@cli.command("clean")
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--config", "config_path", type=click.Path(dir_okay=False),
              help="The configuration file whose directory holds the cache (as with `check --config`).")
def clean_command(paths: Sequence[str], config_path: str | None) -> None:
    """Remove the result cache (.regr_lint_cache/ at the root of the project of each of PATHS;
    default: the current directory's)."""
    try:
        projects = Projects(config_path)
        roots = dict.fromkeys(projects.for_path(p).cache_root for p in (paths or ["."]))
    except ConfigError as exc:
        fail(str(exc))
    removed = []
    for root in roots:
        try:
            done = clean(root)
        except OSError as exc:
            fail(f"cannot remove the cache: {exc}")
        if done:
            removed.append(done)
    click.echo("\n".join(f"removed {r}" for r in removed) if removed else "no cache to remove", err=True)


@cli.command("rules")
def list_rules() -> None:
    """List every registered rule: code, name, default severity, summary and the package that provides it."""
    rows = [("CODE", "NAME", "SEVERITY", "SUMMARY", "PACKAGE")]
    rows += [(lr.rule.code, lr.rule.name, declared(lr.rule), lr.rule.summary, lr.package) for lr in load_registry()]
    widths = [max(len(r[i]) for r in rows) for i in range(4)]
    for row in rows:
        click.echo("  ".join(cell.ljust(w) for cell, w in zip(row, widths)) + "  " + row[4])


@cli.command("rule")
@click.argument("code")
def show_rule(code: str) -> None:
    """Show the documentation of one rule, such as RL101."""
    wanted = code.strip().upper()
    for lr in load_registry():
        if lr.rule.code == wanted:
            click.echo(rule_documentation(lr))
            return
    fail(f"unknown rule code {code!r} (see `regr-lint rules`)")


@cli.command("server")
def server_command() -> None:
    """Run the language server (LSP over stdin / stdout) for editors; needs the `server` extra."""
    from regr_lint.server import missing_dependency

    missing = missing_dependency()
    if missing:
        fail(f"`regr-lint server` needs {missing}. Install it in regr-lint's "
             f"environment:\n\n    pip install 'pygls>=2' lsprotocol\n\n(in a checkout: pip install -e '.[server]')")
    from regr_lint.server.protocol import serve

    serve()


@cli.command("verify")
@click.option("--rule", "codes", multiple=True, metavar="CODE", help="Verify only this rule (repeatable).")
@click.option("--report", type=click.Path(dir_okay=False), help="Write a report: FILE.md or FILE.json.")
@click.option("--plots", type=click.Path(file_okay=False), help="Write one PNG per rule into this folder.")
@click.option("--update-evidence", is_flag=True, help="Record the confirmed rules' numbers in the package's evidence file.")
@click.option("--fixtures", "fixtures_dir", type=click.Path(file_okay=False, exists=True),
              help="Run the fixture programs in this folder instead of regr-lint's own (this runs its code).")
@click.option("--seed", default=0, show_default=True, help="Seed for keras.utils.set_random_seed.")
@click.option("--timeout", default=300.0, show_default=True, help="Seconds allowed per fixture program.")
def verify_command(codes, report, plots, update_evidence, fixtures_dir, seed, timeout) -> None:
    """Run each rule's bad/fixed fixture programs on TensorFlow and confirm the symptom.

    The programs are regr-lint's own, shipped in the package; --fixtures DIR runs the ones in DIR.
    Exit 0 when every rule is confirmed, 1 when any is not, 2 when TensorFlow is missing."""
    from pathlib import Path

    from regr_lint.verify.fixtures import FixtureError, default_fixtures_dir, load_fixtures
    from regr_lint.verify.runner import INSTALL_HINT, tensorflow_missing, verify

    # Never a ./fixtures found by chance: only the package's own, or a folder named on purpose.
    root = Path(fixtures_dir) if fixtures_dir else default_fixtures_dir()
    if root is None:
        fail("regr-lint's own fixtures are not installed (a broken install?): reinstall, or pass --fixtures DIR")
    try:
        fixtures = load_fixtures(root, list(codes) or None)  # every symptom check parsed before anything runs
    except FixtureError as exc:
        fail(str(exc))
    if not fixtures:
        fail(f"no fixture folders under {root}")
    missing = tensorflow_missing()
    if missing:
        fail(f"`regr-lint verify` runs the fixtures on TensorFlow + Keras 3, and {missing} is not "
             f"installed. Install them with:\n\n    {INSTALL_HINT}\n")
    from regr_lint.verify import report as rep

    try:
        verdicts, versions = verify(fixtures, seed=seed, timeout=timeout)
    except RuntimeError as exc:
        fail(str(exc))
    click.echo(rep.table(verdicts))
    if report:
        rep.write_report(Path(report), verdicts, versions)
    if plots:
        from regr_lint.verify.plots import write_plots

        for path in write_plots(verdicts, Path(plots)):
            click.echo(f"plot: {path}", err=True)
    if update_evidence:
        rep.update_evidence(verdicts, versions)
        click.echo(f"evidence: {rep.EVIDENCE}", err=True)
    confirmed = sum(v.confirmed for v in verdicts)
    click.echo(f"{confirmed} of {len(verdicts)} rules confirmed on TensorFlow {versions.get('tensorflow', '?')}"
               f" / Keras {versions.get('keras', '?')}.", err=True)
    sys.exit(0 if confirmed == len(verdicts) else EXIT_FINDINGS)


def main(argv: Sequence[str] | None = None) -> None:
    try:
        cli.main(args=argv, prog_name="regr-lint")
    except SystemExit:
        raise
    except Exception as exc:  # noqa: BLE001 - last resort: a clear message and exit 2, not a traceback
        click.echo(f"regr-lint: internal error: {type(exc).__name__}: {exc}", err=True)
        if os.environ.get("REGR_LINT_DEBUG"):
            traceback.print_exc()
        sys.exit(EXIT_ERROR)
