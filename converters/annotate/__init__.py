"""Annotators: find names, abbreviations and references in the text.

Each annotator returns standoff `Span`s over an `Inline`'s text and never
touches XML; `annotate` runs them over every Inline of a volume (notes
included), dropping a span that would overlap one already there.
"""
from __future__ import annotations

from collections.abc import Iterator

from ..model import Document, Inline, Span, Volume
from .refs import ref_spans
from .terms import TermMatcher, heading_spans


def all_inlines(doc: Document) -> Iterator[Inline]:
    """Every Inline of a document, note paragraphs included, in reading order."""
    stack = list(doc.inlines())[::-1]
    while stack:
        inline = stack.pop()
        yield inline
        for note in inline.notes()[::-1]:
            stack.extend(note.paragraphs[::-1])


def _add(inline: Inline, spans: list[Span]) -> None:
    for span in sorted(spans, key=lambda s: (s.start, -s.end)):
        clash = any(s.start < span.end and span.start < s.end and not (s.start <= span.start and span.end <= s.end)
                    and not (span.start <= s.start and s.end <= span.end) for s in inline.spans)
        same = any(s.start == span.start and s.end == span.end and s.kind == span.kind for s in inline.spans)
        if not clash and not same:
            inline.spans.append(span)


def annotate(volume: Volume, terms: TermMatcher | None) -> None:
    """Add gloss and ref spans to every document of ``volume``."""
    for doc in volume.documents:
        _add(doc.head, heading_spans(doc.head.text))
        for inline in all_inlines(doc):
            found = ref_spans(inline.text)
            if terms is not None:
                found += terms.spans(inline.text)
            _add(inline, found)
