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


def page_cuts(raw: str, where: Where | None = None) -> list[Cut]:
    """Cuts for "[Page N]" markers, with the Office's spacing: "word <pb/>word".

    A marker between spaces keeps the space before it only; a marker fused to
    a word on either side (a page turn inside a word) keeps the word whole.
    """
    cuts = []
    for m in PAGE_RE.finditer(raw):
        start, end = m.start(), m.end()
        if start > 0 and raw[start - 1].isspace():
            while end < len(raw) and raw[end].isspace():
                end += 1
        cuts.append(Cut(start, end, PageBreak(m.group(1), where)))
    return cuts


def build_inline(raw: str, cuts: list[Cut]) -> Inline:
    """Remove ``cuts`` from ``raw``; collapse white space; keep points in place.

    No white space is left before a note (the Office's rule); line breaks are
    points, not characters.
    """
    out: list[str] = []
    points: list[Point] = []
    cuts = sorted(cuts, key=lambda c: (c.start, c.end))
    i, k, length = 0, 0, 0
    while i < len(raw):
        if k < len(cuts) and cuts[k].start <= i:
            cut = cuts[k]
            k += 1
            if cut.item is not None:
                if isinstance(cut.item, Note) and out and out[-1] == " ":
                    out.pop()
                    length -= 1
                    for p in points:
                        p.offset = min(p.offset, length)
                points.append(Point(length, cut.item))
            i = max(i, cut.end)
            continue
        ch = raw[i]
        i += 1
        if ch.isspace():
            if not out or out[-1] == " " or (points and points[-1].offset == length and isinstance(points[-1].item, LineBreak)):
                continue
            ch = " "
        out.append(ch)
        length += 1
    for cut in cuts[k:]:
        if cut.item is not None:
            points.append(Point(length, cut.item))
    while out and out[-1] == " ":
        out.pop()
        length -= 1
    for p in points:
        p.offset = min(p.offset, length)
    return Inline("".join(out), points)


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
