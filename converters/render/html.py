"""Write the static HTML edition of a volume: html.xsl's pages plus edition.css.

One transform writes every page (xsl:result-document) into a staging folder
inside the output folder; each finished page then replaces its old copy with
``os.replace``, so a reader of the site never sees half a page, and a failed
render leaves the previous site as it was.
"""
from __future__ import annotations

import os
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from ..pipeline import write_atomic
from ..problems import Problem
from ..resources import data_dir
from .xslt import XsltError, parse_source, transform

CSS = "edition.css"


def html_stylesheet() -> Path:
    """The built-in stylesheet of the edition (xslt/html.xsl, which imports common.xsl)."""
    return data_dir("xslt") / "html.xsl"


@dataclass
class RenderReport:
    pages: list[Path] = field(default_factory=list)  # written, in name order (edition.css included)
    problems: list[Problem] = field(default_factory=list)  # xsl:message output, Saxon's warnings


def render_html(volume: Path, out_dir: Path, stylesheet: Path | None = None) -> RenderReport:
    """Render the TEI file ``volume`` as a static site in ``out_dir``.

    Raises :class:`XsltError` (file, line, message) when the input or the
    stylesheet cannot be used; nothing is replaced then.
    """
    tree = parse_source(volume)
    out_dir = Path(out_dir)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=".render-", dir=out_dir))
    except OSError as exc:
        raise XsltError(str(out_dir), 0, f"cannot write the site here: {exc.strerror or exc}") from None
    try:
        result = transform(stylesheet or html_stylesheet(), tree, str(volume),
                           params={"css": CSS}, output_dir=staging)
        pages = _publish(staging, out_dir)
        write_atomic(out_dir / CSS, (data_dir("xslt") / CSS).read_bytes())
    except OSError as exc:
        raise XsltError(str(out_dir), 0, f"cannot write the site here: {exc.strerror or exc}") from None
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return RenderReport(sorted(pages + [out_dir / CSS]), result.problems)


def _publish(staging: Path, out_dir: Path) -> list[Path]:
    """Move every staged file to its place (same file system: each move is atomic)."""
    moved = []
    for path in sorted(p for p in staging.rglob("*") if p.is_file()):
        target = out_dir / path.relative_to(staging)
        target.parent.mkdir(parents=True, exist_ok=True)
        os.replace(path, target)
        moved.append(target)
    return moved
