"""``frus-tei export``: a TEI volume back to plain text, for readers without TEI tools.

Register it in cli.py with ``main.add_command(export)``. Exit codes as for
``render``: 0 written (warnings say what the style cannot carry); 1 written,
with errors to look at; 2 nothing written (the input is not a FRUS TEI volume, or it could not be
written). Messages are ``file:line: severity [code] message``.
"""
from __future__ import annotations

import sys
from pathlib import Path

import click

from .export import STYLES, export_text
from .problems import ConversionError, Problem
from .render.xslt import XsltError


@click.command()
@click.argument("volume", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--to", "fmt", type=click.Choice(["text"]), default="text", show_default=True,
              help="What to make of the volume.")
@click.option("--style", type=click.Choice(sorted(STYLES)), required=True,
              help="web (webcopy): one file per document, as history.state.gov's pages copy; "
                   "e2 (community): one file, as the community transcriptions.")
@click.option("-o", "--output", "out_dir", type=click.Path(file_okay=False, path_type=Path),
              default=Path("out") / "text", show_default=True, help="Folder for the text files and volumes.toml.")
def export(volume: Path, fmt: str, style: str, out_dir: Path) -> None:
    """Write a FRUS TEI VOLUME as plain text that `frus-tei convert` reads back."""
    warnings: list[Problem] = []
    try:
        written = export_text(volume, style, out_dir, warnings)
    except ConversionError as exc:
        click.echo(str(exc.problem), err=True)
        sys.exit(2)
    except XsltError as exc:
        for problem in exc.problems:
            click.echo(str(problem), err=True)
        sys.exit(2)
    for problem in warnings:
        click.echo(str(problem), err=True)
    texts = [p for p in written if p.suffix == ".txt"]
    click.echo(f"wrote {len(texts)} text file{'s' if len(texts) != 1 else ''} ({STYLES[style]}) to {out_dir}"
               + ("" if str(out_dir).endswith("/") else "/")
               + (f", and {written[-1].name}" if written and written[-1].suffix == ".toml" else ""))
    sys.exit(1 if any(p.severity == "error" for p in warnings) else 0)
