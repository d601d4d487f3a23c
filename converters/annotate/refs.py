"""Cross-references: "See Document 32." → `ref target="#d32"`, and other
volumes: "Foreign Relations, 1961-1963, vol. VI" → `ref target="frus1961-63v06"`
with the series title in italics, as the Office encodes them.

A page of the same volume ("See page 770", "pages 70-73 above") links to
its page break, ``#pg_770``; pages cited after another volume or "ibid."
belong to that work and are left alone, as the Office leaves them.
"ibid." is left alone: what it points to is a matter for the reader.
"""
from __future__ import annotations

import re

from ..model import Span
from ..volumes import roman_to_int, volume_id

_DOCS = re.compile(r"\bDocuments?\s+(\d+)((?:\s*,\s*\d+)*(?:,?\s+and\s+\d+)?)")
_FOOTNOTE = re.compile(r"\bfootnote\s+(\d+),\s+Document\s+(\d+)")
_MORE = re.compile(r"\d+")
# "See page 770", "see pages 70-73", "pages 55-56 above", "p. 12 below": this volume's own pages
_PAGE = re.compile(r"(?<=\b[Ss]ee )(?:pages?|pp?\.)\s+(\d+)(?:\s*[-–]\s*\d+)?(?![\d,]|\s*,\s*(?:vol|Part))"
                   r"|\b(?:pages?|pp?\.)\s+(\d+)(?:\s*[-–]\s*\d+)?(?=\s+(?:above|below)\b)")
_VOLUME = re.compile(
    r"\bForeign Relations,\s+(\d{4})(?:\s*[-–]\s*(\d{2,4}))?,\s+(?:vol\.|volume|Volume)\s+([IVXLC]+)\b"
    r"(?P<part>,\s+Part\s+(\d+))?")



def ref_spans(text: str) -> list[Span]:
    spans: list[Span] = []
    taken: list[tuple[int, int]] = []
    for m in (_FOOTNOTE.finditer(text) if "footnote" in text else ()):
        spans.append(Span(m.start(), m.end(), "ref", {"target": f"#d{m.group(2)}fn{m.group(1)}"}))
        taken.append(m.span())
    for m in (_DOCS.finditer(text) if "Document" in text else ()):
        if any(a <= m.start() < b for a, b in taken):
            continue
        spans.append(Span(m.start(), m.start(1) + len(m.group(1)), "ref", {"target": f"#d{m.group(1)}"}))
        for more in _MORE.finditer(m.group(2)):
            start = m.start(2) + more.start()
            spans.append(Span(start, start + len(more.group(0)), "ref", {"target": f"#d{more.group(0)}"}))
    for m in (_PAGE.finditer(text) if "page" in text or "p." in text else ()):
        if any(a <= m.start() < b for a, b in taken):
            continue
        spans.append(Span(m.start(), m.end(), "ref", {"target": f"#pg_{m.group(1) or m.group(2)}"}))
    for m in (_VOLUME.finditer(text) if "Foreign Relations" in text else ()):
        first, last, roman = m.group(1), m.group(2), m.group(3)
        if last and len(last) == 2:
            last = first[:2] + last
        target = volume_id(first, last, roman_to_int(roman), m.group(5))
        end = m.start("part") if m.group("part") else m.end()
        spans.append(Span(m.start(), end, "ref", {"target": target}))
        spans.append(Span(m.start(), m.start() + len("Foreign Relations"), "hi", {"rend": "italic"}))
    return spans
