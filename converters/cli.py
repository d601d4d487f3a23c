"""The ``frus-tei`` command: parses options, calls the pipeline, reports, exits.

Exit codes: 0 all well; 1 written, but with problems to look at; 2 something
could not be converted (nothing written for it).
"""
from __future__ import annotations

import csv
import io
import json
import re
import sys
import time
from pathlib import Path

import click

from . import __version__
from .pipeline import ConvertOptions, convert_files, write_atomic, write_outputs
from .problems import ConversionError, Problem
from .registers import Register, as_rows, read_volume_registers
from .build import BuildReport, VolumeResult, build as build_volumes, default_jobs
from .export_command import export
from .render.command import render
from .tei.writer import register_xml
from .validation import validate_files
from .validation.conformance import ENV as TEI_ALL_ENV

_STYLE_ALIASES = {"web": "webcopy", "webcopy": "webcopy", "e2": "e2", "community": "e2"}


def _report(problems: list[Problem]) -> None:
    for problem in problems:
        click.echo(str(problem), err=True)


def _reading_options(command):
    """The options that say how to read the texts, shared by convert and build."""
    for option in reversed([
        click.option("--volume-id", help="FRUS volume id (frus1961-63v05) for texts that do not name their volume."),
        click.option("--style", type=click.Choice(sorted(_STYLE_ALIASES)),
                     help="Force a text style instead of detecting it."),
        click.option("--note-base", type=click.IntRange(0, 1), default=None,
                     help="Web copy: the edition's number of the first (source) note: 1 (default) or 0."),
        click.option("--persons", type=click.Path(dir_okay=False, path_type=Path), help="A FRUS persons list (TEI)."),
        click.option("--terms", type=click.Path(dir_okay=False, path_type=Path), help="A FRUS terms list (TEI)."),
    ]):
        command = option(command)
    return command


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="frus-tei")
def main() -> None:
    """frus-tei: plain-text FRUS documents to the Office of the Historian's TEI."""


@main.command()
@click.argument("inputs", nargs=-1, type=click.Path(path_type=Path))
@click.option("-o", "--output", "out_dir", type=click.Path(file_okay=False, path_type=Path), default=Path("tei"),
              show_default=True, help="Folder for the TEI files, one <volume-id>.xml per volume.")
@_reading_options
@click.option("--date", help="Date to record in the TEI header (ISO, e.g. 2026-11-23); none by default.")
@click.option("--keep-register", is_flag=True, help="Front matter: every entry of --persons/--terms, not only those used.")
def convert(inputs: tuple[Path, ...], out_dir: Path, volume_id: str | None, style: str | None, note_base: int | None,
            persons: Path | None, terms: Path | None, date: str | None, keep_register: bool) -> None:
    """Convert text files (or folders of .txt files) to FRUS TEI; no INPUTS: the built-in samples."""
    if date and not re.fullmatch(r"\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2})?", date):
        raise click.BadParameter("give an ISO date such as 2026-11-23", param_hint="--date")
    options = ConvertOptions(volume_id, _STYLE_ALIASES.get(style or ""), note_base, persons, terms, date, keep_register)
    report = convert_files(list(inputs), options)
    _report(report.problems)
    try:
        written = write_outputs(report, out_dir)
    except OSError as exc:
        click.echo(f"{out_dir}: error [unwritable] cannot write the TEI: {exc.strerror}", err=True)
        sys.exit(2)
    for path, item in zip(written, report.outputs):
        docs = item.volume.documents
        notes = sum(len(d.notes()) for d in docs)
        click.echo(f"wrote {path} ({len(docs)} documents, {notes} notes)")
    errors = len(report.errors)
    if errors:
        click.echo(f"{errors} problem(s) to look at, listed above", err=True)
    sys.exit(report.exit_code)


@main.command()
@click.argument("files", nargs=-1, type=click.Path(path_type=Path))
@click.option("--tei-all", "tei_all", is_flag=False, flag_value="", default=None, metavar="[PATH]",
              help=f"Also check TEI P5 conformance with jing against tei_all.rng (PATH, or ${TEI_ALL_ENV}).")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def validate(files: tuple[Path, ...], tei_all: str | None, fmt: str) -> None:
    """Validate FRUS TEI files or folders of them (default: tei/): schema, rules, with --tei-all TEI P5.

    One line per problem, `file:line:col: severity [rule] message`, then a
    summary. Exit 0 valid, 1 errors found, 2 a check could not run.
    """
    paths: list[Path] = []
    if not files and not Path("tei").is_dir():
        click.echo("no files to validate: give FILE... (there is no tei/ folder here)", err=True)
        sys.exit(2)
    for given in files or (Path("tei"),):
        found = sorted(given.glob("*.xml")) if given.is_dir() else [given]
        if not found:
            click.echo(f"{given}: no .xml files to validate in this folder", err=True)
            sys.exit(2)
        paths += found
    report = validate_files(paths, tei_all=tei_all or None, check_conformance=tei_all is not None)
    click.echo(report.to_json() if fmt == "json" else report.to_text())
    sys.exit(report.exit_code)


@main.group()
def registers() -> None:
    """Persons and terms lists: take them out of a FRUS volume, or build them from texts."""


def _write_registers(found: list[Register], prefix: str, out_dir: Path, fmt: str) -> None:
    for register in found:
        if fmt == "tei":
            data = register_xml(register)
        elif fmt == "json":
            data = (json.dumps(as_rows(register), ensure_ascii=False, indent=1) + "\n").encode("utf-8")
        else:
            text = io.StringIO()
            writer = csv.DictWriter(text, ["id", "name", "description", "variants"], lineterminator="\n")
            writer.writeheader()
            writer.writerows({**row, "variants": " | ".join(row["variants"])} for row in as_rows(register))
            data = text.getvalue().encode("utf-8")
        path = out_dir / f"{prefix}-{register.kind}.{'xml' if fmt == 'tei' else fmt}"
        try:
            write_atomic(path, data)
        except OSError as exc:
            click.echo(f"{path}: error [unwritable] cannot write the list: {exc.strerror}", err=True)
            sys.exit(2)
        click.echo(f"wrote {path} ({len(register.entries)} {register.kind})")


_FORMAT = click.option("--format", "fmt", type=click.Choice(["tei", "csv", "json"]), default="tei", show_default=True,
                       help="tei: the Office's list division, which --persons/--terms read; csv or json: a table.")


@registers.command("import")
@click.argument("volume", type=click.Path(dir_okay=False, path_type=Path))
@click.option("-o", "--output", "out_dir", type=click.Path(file_okay=False, path_type=Path), default=Path("."),
              show_default=True, help="Folder for <volume-id>-persons.xml and <volume-id>-terms.xml.")
@_FORMAT
def import_registers(volume: Path, out_dir: Path, fmt: str) -> None:
    """Take the persons and terms lists out of a FRUS TEI volume (the Office's, or one frus-tei wrote)."""
    try:
        found = read_volume_registers(volume)
    except ConversionError as exc:
        click.echo(str(exc.problem), err=True)
        sys.exit(2)
    _write_registers(found, volume.stem, out_dir, fmt)


@registers.command("discover")
@click.argument("inputs", nargs=-1, type=click.Path(path_type=Path))
@click.option("-o", "--output", "out_dir", type=click.Path(file_okay=False, path_type=Path), default=Path("."),
              show_default=True, help="Folder for <volume-id>-persons.xml.")
@click.option("--volume-id", help="FRUS volume id for texts that do not name their volume.")
@_FORMAT
def discover_registers(inputs: tuple[Path, ...], out_dir: Path, volume_id: str | None, fmt: str) -> None:
    """The persons the texts name, as a list to check and pass back with `convert --persons`."""
    report = convert_files(list(inputs), ConvertOptions(volume_id=volume_id))
    _report([p for p in report.problems if p.severity == "error"])
    for item in report.outputs:
        persons = [r for r in item.volume.registers if r.kind == "persons"]
        if persons:
            _write_registers(persons, item.volume.info.id or "volume", out_dir, fmt)
        else:
            click.echo(f"{item.volume.info.id}: no persons found", err=True)
    sys.exit(2 if report.failed else 0)


main.add_command(render)
main.add_command(export)


@main.command()
@click.argument("inputs", nargs=-1, type=click.Path(path_type=Path))
@click.option("-o", "--output", "out_dir", type=click.Path(file_okay=False, path_type=Path), default=Path("out"),
              show_default=True, help="Folder for html/<volume-id>/ and pdf/<volume-id>.pdf.")
@click.option("--tei", "tei_dir", type=click.Path(file_okay=False, path_type=Path), default=Path("tei"),
              show_default=True, help="Folder for the TEI, one <volume-id>.xml per volume.")
@_reading_options
@click.option("--no-pdf", is_flag=True, help="TEI and HTML only.")
@click.option("-j", "--jobs", type=click.IntRange(1, None), default=None,
              help="Volumes built at once, in worker processes (default: the number of cores).")
@click.option("--force", is_flag=True, help="Rebuild every volume, changed or not.")
@click.option("-q", "--quiet", is_flag=True, help="Only problems and the summary.")
@click.option("-v", "--verbose", is_flag=True, help="Warnings too, and a line per volume.")
def build(inputs: tuple[Path, ...], out_dir: Path, tei_dir: Path, volume_id: str | None, style: str | None,
          note_base: int | None, persons: Path | None, terms: Path | None, no_pdf: bool, jobs: int | None,
          force: bool, quiet: bool, verbose: bool) -> None:
    """Texts to validated TEI, the HTML edition and the PDF, per volume; no INPUTS: the samples.

    Unchanged volumes are skipped (a manifest of input hashes in the output
    folder); --force rebuilds. Exit 0 all built, 1 built with problems, 2 a
    volume could not be built (the others are).
    """
    options = ConvertOptions(volume_id, _STYLE_ALIASES.get(style or ""), note_base, persons, terms)
    started = time.perf_counter()
    try:
        report = build_volumes(list(inputs), out_dir, tei_dir, options, jobs=jobs or default_jobs(), force=force,
                               pdf=not no_pdf, progress=None if quiet else _progress(verbose))
    except KeyboardInterrupt:
        click.echo("interrupted: the volumes finished so far are written and remembered; "
                   "every other output is as it was", err=True)
        sys.exit(130)
    _report(report.problems)
    for volume in report.volumes:
        shown = [p for p in volume.problems if verbose or p.severity == "error"]
        _report(shown)
        if volume.failed:
            click.echo(f"{volume.volume}: not built (see above)", err=True)
    click.echo(_summary(report, time.perf_counter() - started))
    sys.exit(report.exit_code)


def _progress(verbose: bool):
    """A progress bar on a terminal (tqdm), plain lines otherwise."""
    def wrap(results, total: int):
        if sys.stderr.isatty() and total > 1 and not verbose:
            from tqdm import tqdm
            yield from tqdm(results, total=total, unit="volume", file=sys.stderr, leave=False)
            return
        for result in results:
            state = "failed" if result.failed else f"{result.documents} documents, {result.notes} notes"
            click.echo(f"built {result.volume}: {state}", err=True)
            yield result
    return wrap


def _summary(report: BuildReport, seconds: float) -> str:
    built: list[VolumeResult] = [v for v in report.volumes if not v.skipped and not v.failed]
    skipped = [v for v in report.volumes if v.skipped]
    failed = [v for v in report.volumes if v.failed]
    every = built + skipped
    counts = {k: sum(getattr(v, k) for v in every) for k in ("documents", "notes", "pages", "persons")}
    warnings = sum(v.warnings for v in report.volumes)
    errors = sum(v.errors for v in report.volumes) + len(report.problems)
    return (f"{len(built)} volume(s) built, {len(skipped)} unchanged, {len(failed)} failed; "
            f"{counts['documents']} documents, {counts['notes']} notes, {counts['pages']} pages, "
            f"{counts['persons']} persons; {warnings} warning(s), {errors} error(s); {seconds:.1f} s")
