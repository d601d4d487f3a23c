"""``frus-tei render``: a TEI volume to the HTML edition, the print HTML, or the PDF.

Register it in cli.py with ``main.add_command(render)``. Exit codes as for
``convert``: 0 written, 1 written with problems to look at, 2 nothing written.
"""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Callable

import click

from .html import RenderReport, render_html
from .printed import pdf_report, print_html_report
from .xslt import XsltError

RENDERERS: dict[str, Callable[..., RenderReport]] = {"html": render_html, "print-html": print_html_report,
                                                     "pdf": pdf_report}


@click.command()
@click.argument("volume", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--to", "fmt", type=click.Choice(sorted(RENDERERS)), default="html", show_default=True,
              help="What to make of the volume.")
@click.option("-o", "--output", "out_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Folder for the result (default: out/<format>/).")
@click.option("--stylesheet", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="An XSLT 3.0 stylesheet to use instead of the built-in one.")
def render(volume: Path, fmt: str, out_dir: Path | None, stylesheet: Path | None) -> None:
    """Render a FRUS TEI VOLUME, e.g. as a static HTML site that works from the file system."""
    out_dir = out_dir or Path("out") / fmt
    try:
        report = RENDERERS[fmt](volume, out_dir, stylesheet=stylesheet)
    except XsltError as exc:
        for problem in exc.problems:
            click.echo(str(problem), err=True)
        sys.exit(2)
    for problem in report.problems:
        click.echo(str(problem), err=True)
    if fmt == "html":
        pages = [p for p in report.pages if p.suffix == ".html"]
        click.echo(f"wrote {len(pages)} pages to {out_dir}{'' if str(out_dir).endswith('/') else '/'}")
    else:
        for path in report.pages:
            click.echo(f"wrote {path}")
    errors = [p for p in report.problems if p.severity == "error"]
    sys.exit(1 if errors else 0)
