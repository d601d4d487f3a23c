"""Turning a run of raw text into an `Inline`: cutting out markers and callouts.

Readers find things to take out of the text ("[Page 55]", "/2/", a callout
digit) as `Cut`s over the raw string; `build_inline` removes them, leaves a
zero-width point for what they stood for, and collapses white space, so
offsets stay consistent for every later stage.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Inline, LineBreak, Note, PageBreak, Point, Where

PAGE_RE = re.compile(r"\[\s*Page\s+(\d+[A-Za-z]?)\s*\]")
PAGE_LINE_RE = re.compile(r"^\s*\[\s*Page\s+(\d+[A-Za-z]?)\s*\]\s*$")


@dataclass
class Cut:
    """Raw text [start, end) to remove; ``item`` is put where it stood (or nothing)."""

    start: int
    end: int
    item: Note | PageBreak | LineBreak | None = None
    before: str = ""  # text to put before the item ("installation[Page 55] of" → "installation <pb/>of")


def page_cuts(raw: str, where: Where | None = None) -> list[Cut]:
    """Cuts for "[Page N]" markers, with the Office's spacing: "word <pb/>word".

    A marker between spaces keeps the space before it only; a marker fused to
    a word on either side (a page turn inside a word) keeps the word whole.
    """
    cuts = []
    for m in PAGE_RE.finditer(raw):
        start, end = m.start(), m.end()
        space_before = start > 0 and raw[start - 1].isspace()
        space_after = end < len(raw) and raw[end].isspace()
        before = " " if space_after and not space_before and start > 0 else ""
        if space_before or before:
            while end < len(raw) and raw[end].isspace():
                end += 1
        cuts.append(Cut(start, end, PageBreak(m.group(1), where), before))
    return cuts


_SPACES = re.compile(r"\s+")


def build_inline(raw: str, cuts: list[Cut]) -> Inline:
    """Remove ``cuts`` from ``raw``; collapse white space; keep points in place.

    No white space is left before a note or a line break (the Office's rule
    for notes), except between two notes in a row, which always get one; line
    breaks are points, not characters.
    """
    parts: list[str] = []
    points: list[Point] = []
    length = 0
    at_space = True  # leading white space (and after a line break) is dropped

    def emit(segment: str) -> None:
        nonlocal length, at_space
        segment = _SPACES.sub(" ", segment)
        if at_space and segment.startswith(" "):
            segment = segment[1:]
        if segment:
            parts.append(segment)
            length += len(segment)
            at_space = segment.endswith(" ")

    pos = 0
    for cut in sorted(cuts, key=lambda c: (c.start, c.end)):
        if cut.start > pos:
            emit(raw[pos:cut.start])
        pos = max(pos, cut.end)
        if cut.item is None:
            continue
        emit(cut.before)
        if isinstance(cut.item, Note) and points and points[-1].offset == length and isinstance(points[-1].item, Note):
            parts.append(" ")  # two notes in a row: white space between them, as the Office writes them
            length += 1
            at_space = True
        after_note = bool(points) and points[-1].offset == length - 1 and isinstance(points[-1].item, Note)
        if isinstance(cut.item, (Note, LineBreak)) and parts and parts[-1].endswith(" ") and not after_note:
            parts[-1] = parts[-1][:-1]  # no white space before a note
            length -= 1
            for p in points:
                p.offset = min(p.offset, length)
        points.append(Point(length, cut.item))
        at_space = isinstance(cut.item, LineBreak)
    emit(raw[pos:])
    between_notes = len(points) > 1 and points[-1].offset == length and points[-2].offset == length - 1 \
        and isinstance(points[-1].item, Note) and isinstance(points[-2].item, Note)
    if parts and parts[-1].endswith(" ") and not between_notes:
        parts[-1] = parts[-1][:-1]
        length -= 1
    for p in points:
        p.offset = min(p.offset, length)
    return Inline("".join(parts), points)


def slice_inline(inline: Inline, start: int, end: int) -> Inline:
    """The part [start, end) of an Inline, with its points and spans, stripped."""
    text = inline.text[start:end]
    lead = len(text) - len(text.lstrip())
    text = text.strip()
    lo, hi = start + lead, start + lead + len(text)
    points = [Point(min(max(p.offset - lo, 0), len(text)), p.item) for p in inline.points
              if start <= p.offset < end or p.offset == end == len(inline.text)]
    spans = [type(s)(s.start - lo, s.end - lo, s.kind, dict(s.attrs)) for s in inline.spans if lo <= s.start and s.end <= hi]
    return Inline(text, points, spans)


_SMART_OPEN_BEFORE = set(" \n([{—–-/")


def smarten_quotes(text: str) -> str:
    """Straight double quotes to curly ones, as the printed volumes have them."""
    out = []
    for i, ch in enumerate(text):
        if ch == '"':
            before = text[i - 1] if i else " "
            out.append("\u201c" if before in _SMART_OPEN_BEFORE or before.isspace() else "\u201d")
        else:
            out.append(ch)
    return "".join(out)
