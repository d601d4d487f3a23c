"""The print edition of a volume: one self-contained HTML file (print.xsl) and its PDF.

print.xsl writes the HTML with print.css inside it; WeasyPrint lays it out
with CSS Paged Media. Python only picks the stylesheet, names the files and
keeps WeasyPrint off the network: its URL fetcher serves nothing but
``data:`` URLs and files inside the output folder, and the PDF carries no
creation date or random identifier, so the same TEI gives the same bytes.
"""
from __future__ import annotations

import logging
import re
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Iterator, Mapping

from lxml import etree

from ..pipeline import write_atomic
from ..problems import Problem
from ..resources import data_dir
from .footnotes import render_keeping_notes
from .html import RenderReport
from .xslt import XsltError, parse_source, transform

if TYPE_CHECKING:  # pragma: no cover
    from weasyprint.document import Document

CODE = "pdf"
TEI_NS = "http://www.tei-c.org/ns/1.0"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"


def print_stylesheet() -> Path:
    return data_dir("xslt") / "print.xsl"


@dataclass
class PrintHtml:
    volume_id: str  # names the output files
    html: str
    problems: list[Problem] = field(default_factory=list)  # the stylesheet's warnings
    note_lines: dict[str, int] = field(default_factory=dict)  # note xml:id → line in the TEI, for reports


def build_print_html(volume: Path, stylesheet: Path | None = None) -> PrintHtml:
    """The print HTML of ``volume`` in memory; raises :class:`XsltError` when it cannot be made."""
    tree = parse_source(volume)
    result = transform(stylesheet or print_stylesheet(), tree, str(volume))
    notes = {note.get(XML_ID): note.sourceline or 0 for note in tree.iter(f"{{{TEI_NS}}}note") if note.get(XML_ID)}
    return PrintHtml(volume_id(tree, volume), result.output, result.problems, notes)


def volume_id(tree: etree._ElementTree, volume: Path) -> str:
    """The id the Office names the volume by (idno type="frus", else the root's xml:id, else the file name)."""
    root = tree.getroot()
    idno = root.findtext(f"{{{TEI_NS}}}teiHeader//{{{TEI_NS}}}publicationStmt/{{{TEI_NS}}}idno[@type='frus']")
    for candidate in ((idno or "").strip(), root.get(XML_ID) or "", Path(volume).stem):
        safe = re.sub(r"[^\w.-]", "_", candidate).strip("._")
        if safe:
            return safe
    return "volume"


def render_print_html(volume: Path, out_dir: Path, stylesheet: Path | None = None) -> Path:
    """Write ``<volume-id>.html``, the PDF-ready print edition, into ``out_dir``; return its path."""
    return print_html_report(volume, out_dir, stylesheet).pages[0]


def render_pdf(volume: Path, out_dir: Path, stylesheet: Path | None = None) -> Path:
    """Write ``<volume-id>.pdf`` into ``out_dir``; return its path."""
    return pdf_report(volume, out_dir, stylesheet).pages[0]


def print_html_report(volume: Path, out_dir: Path, stylesheet: Path | None = None) -> RenderReport:
    """:func:`render_print_html` for the ``render`` command: the file and the stylesheet's warnings."""
    built = build_print_html(volume, stylesheet)
    path = Path(out_dir) / f"{built.volume_id}.html"
    _write(path, built.html.encode("utf-8"))
    return RenderReport([path], built.problems)


def pdf_report(volume: Path, out_dir: Path, stylesheet: Path | None = None) -> RenderReport:
    """:func:`render_pdf` for the ``render`` command: the file, the stylesheet's and WeasyPrint's warnings."""
    built = build_print_html(volume, stylesheet)
    out_dir = Path(out_dir)
    pdf, problems = html_to_pdf(built.html, out_dir, source=str(volume), note_lines=built.note_lines)
    path = out_dir / f"{built.volume_id}.pdf"
    _write(path, pdf)
    return RenderReport([path], built.problems + problems)


def html_to_pdf(html: str, base_dir: Path, source: str = "",
                note_lines: Mapping[str, int] | None = None) -> tuple[bytes, list[Problem]]:
    """Lay out ``html`` with WeasyPrint: (PDF bytes, what went wrong on the way).

    No creation date and no file identifier are written, so the bytes depend
    on the HTML (and the fonts) only.
    """
    document, problems = laid_out(html, base_dir, source, note_lines)
    with _captured_warnings(source) as more:
        pdf = document.write_pdf(pdf_identifier=False)
    return pdf, problems + more


def laid_out(html: str, base_dir: Path, source: str = "",
             note_lines: Mapping[str, int] | None = None) -> tuple["Document", list[Problem]]:
    """The paginated document, every footnote on its callout's page where WeasyPrint allows.

    Relative URLs resolve against ``base_dir``, the only folder (besides
    ``data:`` URLs) that the fetcher serves from.
    """
    try:
        import weasyprint
    except (ImportError, OSError) as exc:  # OSError: WeasyPrint is there, Pango is not
        raise XsltError("weasyprint", 0, f"the PDF needs WeasyPrint and Pango ({exc}): pip install weasyprint; "
                        "on Debian apt-get install libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0") from None

    base = Path(base_dir).resolve()
    with _captured_warnings(source) as problems:
        parsed = weasyprint.HTML(string=html, base_url=base.as_uri() + "/", url_fetcher=local_fetcher([base]))
        document, misplaced = render_keeping_notes(parsed)
    for note in misplaced:
        problems.append(Problem(source, (note_lines or {}).get(note.note_id, 0), "warning", CODE,
                                f"note {note.note_id} is printed on page {note.note_page + 1}, its callout on "
                                f"page {note.callout_page + 1}: the layout could not keep them together"))
    return document, problems


def _write(path: Path, data: bytes) -> None:
    try:
        write_atomic(path, data)
    except OSError as exc:
        raise XsltError(str(path.parent), 0, f"cannot write here: {exc.strerror or exc}") from None


def local_fetcher(roots: list[Path]):
    """A WeasyPrint URL fetcher that serves ``data:`` URLs and files under ``roots``, nothing else.

    Built on first use, so that importing this module does not load WeasyPrint.
    """
    from urllib.parse import unquote, urlsplit

    from weasyprint.urls import URLFetcher, URLFetchingError

    allowed = [Path(r).resolve() for r in roots]

    class LocalFetcher(URLFetcher):
        def fetch(self, url, headers=None):
            parts = urlsplit(url)
            if parts.scheme == "file":
                path = Path(unquote(parts.path)).resolve()
                if not any(path == root or root in path.parents for root in allowed):
                    raise URLFetchingError(f"refused (outside the output folder): {url}")
            elif parts.scheme != "data":
                raise URLFetchingError(f"refused (the print edition loads nothing from outside): {url}")
            return super().fetch(url, headers)

    return LocalFetcher(allowed_protocols=("data", "file"))


class _ProblemHandler(logging.Handler):
    def __init__(self, source: str):
        super().__init__(logging.WARNING)
        self.source, self.problems = source, []

    def emit(self, record: logging.LogRecord) -> None:
        severity = "error" if record.levelno >= logging.ERROR else "warning"
        self.problems.append(Problem(self.source, 0, severity, CODE, " ".join(record.getMessage().split())))


@contextmanager
def _captured_warnings(source: str) -> Iterator[list[Problem]]:
    """WeasyPrint's log (unsupported CSS, refused URLs) as Problems, not printed."""
    logger = logging.getLogger("weasyprint")
    handler = _ProblemHandler(source)
    saved = logger.propagate
    logger.addHandler(handler)
    logger.propagate = False
    try:
        yield handler.problems
    finally:
        logger.removeHandler(handler)
        logger.propagate = saved
