"""Annotators: find names, abbreviations and references in the text.

Each annotator returns standoff `Span`s over an `Inline`'s text and never
touches XML; `annotate` runs them over every Inline of a volume (notes
included), dropping a span that would overlap one already there.
"""
from __future__ import annotations

from collections.abc import Iterator

from ..model import Document, Inline, Span, Volume
from .persons import PersonMatcher, heading_roles
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


def _link_signatures(inline: Inline, found: list[Span]) -> list[Span]:
    """A signature's persName (no link yet) takes the link of the same name found there."""
    rest = []
    for span in found:
        blank = next((s for s in inline.spans if s.kind == "persName" and not s.attrs
                      and (s.start, s.end) == (span.start, span.end)), None)
        if blank is not None:
            blank.attrs.update(span.attrs)
        else:
            rest.append(span)
    return rest


def annotate(volume: Volume, terms: TermMatcher | None, persons: PersonMatcher | None = None) -> None:
    """Add persName, gloss and ref spans to every document of ``volume``."""
    if persons is not None:
        persons.titled.clear()
        for doc in volume.documents:
            persons.begin_document()
            for inline in all_inlines(doc):
                persons.learn(inline.text)
    for doc in volume.documents:
        if persons is not None:
            persons.begin_document()
        _add(doc.head, heading_spans(doc.head.text))
        for inline in all_inlines(doc):
            found = ref_spans(inline.text)
            if terms is not None:
                found += terms.spans(inline.text)
            if persons is not None:
                people = persons.spans(inline.text)
                if inline is doc.head:
                    heading_roles(inline.text, people)
                found += _link_signatures(inline, people)
            _add(inline, found)
