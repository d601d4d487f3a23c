"""Every footnote on the page of its callout, which WeasyPrint does not promise.

CSS lets a footnote go to a later page than its call (``footnote-policy:
auto``) and WeasyPrint 70 uses that freedom in one place of its line layout
(``weasyprint/layout/block.py``, ``_linebox_layout``): when breaking before a
line would leave fewer than ``orphans`` lines of a paragraph on the page, it
moves the page's last footnotes on to make room for one more line, and every
later note of that page follows them: 11 notes of the benchmark's
100-document volume end up away from their callouts (6 to 23 with slightly
other type sizes). A printed FRUS volume never does that.

Two remedies, both used only while frus-tei lays out a volume:

* :func:`notes_stay` runs the layout with a copy of ``_linebox_layout`` in
  which that one decision is off: the line goes to the next page, as it does
  on a page without footnotes. The copy is compiled from WeasyPrint's own
  source with one expression replaced; if a WeasyPrint release changes that
  expression, no copy is made and WeasyPrint runs as it is.
* :func:`render_keeping_notes` then checks every note against its callout
  (print.xsl writes an anchor, the note's id + ``-ref``, at each callout) and,
  where a page still lost notes, forces a page break before the paragraph
  that was squeezed in and lays the document out again. A note that still
  stands away from its callout is returned, to be reported.
"""
from __future__ import annotations

import functools
import inspect
import textwrap
import threading
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable, Iterator

if TYPE_CHECKING:  # pragma: no cover
    import weasyprint
    from weasyprint.document import Document, Page

CALLOUT_SUFFIX = "-ref"  # common.xsl's f:callout-id()
BREAK = "break-before: page"
_SQUEEZE = "report = not context.in_column and can_break_now and not could_break_before"
_lock = threading.RLock()


@dataclass(frozen=True)
class MisplacedNote:
    note_id: str
    callout_page: int  # 0-based index in the document
    note_page: int


def misplaced_notes(document: "Document") -> list[MisplacedNote]:
    """The notes printed on another page than their callout, in note order."""
    first_page: dict[str, int] = {}
    for index, page in enumerate(document.pages):
        for anchor in page.anchors:
            first_page.setdefault(anchor, index)
    return [MisplacedNote(note, first_page[note + CALLOUT_SUFFIX], page)
            for note, page in first_page.items()
            if note + CALLOUT_SUFFIX in first_page and first_page[note + CALLOUT_SUFFIX] != page]


def render_keeping_notes(html: "weasyprint.HTML", passes: int = 2) -> tuple["Document", list[MisplacedNote]]:
    """Lay out ``html`` with notes kept on their callouts' pages; at most ``passes`` more layouts to mend.

    Returns the document and the notes that are still away from their callouts.
    """
    with notes_stay():
        document = html.render()
        for _ in range(passes):
            misplaced = misplaced_notes(document)
            received = {m.note_page for m in misplaced}
            # A page that got notes from the page before only passes them on: mend where it starts.
            first_pages = sorted({m.callout_page for m in misplaced if m.callout_page not in received})
            targets = [_last_paragraph(document.pages[i]) for i in first_pages]
            if not [element for element in targets if element is not None and _force_break(element)]:
                break
            document = html.render()
    return document, misplaced_notes(document)


@contextmanager
def notes_stay() -> Iterator[bool]:
    """WeasyPrint's line layout without moving footnotes on for orphans; yields whether it could be had."""
    patched = _linebox_layout_keeping_notes()
    if patched is None:
        yield False
        return
    from weasyprint.layout import block

    with _lock:
        original = block._linebox_layout
        block._linebox_layout = patched
        try:
            yield True
        finally:
            block._linebox_layout = original


@functools.cache
def _linebox_layout_keeping_notes() -> Callable | None:
    """A copy of ``_linebox_layout`` that never reports footnotes to fit a line (None if not found)."""
    from weasyprint.layout import block

    try:
        source = textwrap.dedent(inspect.getsource(block._linebox_layout))
    except (OSError, TypeError):  # no source shipped
        return None
    if source.count(_SQUEEZE) != 1:
        return None
    namespace: dict = {}
    exec(compile(source.replace(_SQUEEZE, "report = False"), block.__file__, "exec"), block.__dict__, namespace)
    return namespace["_linebox_layout"]


def _force_break(element) -> bool:
    """Give the element a forced page break before it; False if it had one already."""
    style = element.get("style") or ""
    if BREAK in style:
        return False
    element.set("style", f"{style.rstrip().rstrip(';')}; {BREAK}" if style.strip() else BREAK)
    return True


def _last_paragraph(page: "Page"):
    """The element of the block that holds the last line of text in the page's main flow."""
    from weasyprint.formatting_structure import boxes

    root = page._page_box.children[0]  # [root box, footnote area, note area]: notes are not in the flow
    last = None
    for last in _lines(root, []):
        pass
    if last is None:
        return None
    _, ancestors = last
    for box, parent in zip(reversed(ancestors), reversed([None, *ancestors[:-1]])):
        principal = parent is None or box.element is not parent.element  # an anonymous box shares its parent's
        if isinstance(box, (boxes.BlockBox, boxes.TableRowBox)) and principal and box.element is not None:
            return box.element
    return None


def _lines(box, ancestors: list) -> Iterator[tuple[object, list]]:
    """The line boxes of the normal flow under ``box``, each with its ancestor boxes."""
    from weasyprint.formatting_structure import boxes

    for child in getattr(box, "children", ()):
        if child.is_floated() or child.is_absolutely_positioned():
            continue
        if isinstance(child, boxes.LineBox):
            if any(not isinstance(c, boxes.Box) or c.is_in_normal_flow() for c in child.children):
                yield child, [*ancestors, box]
        elif isinstance(child, boxes.ParentBox):
            yield from _lines(child, [*ancestors, box])
