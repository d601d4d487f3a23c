"""Giving the blocks of a document their roles: dateline, subject and
participants lists, salutation, signature, section titles, paragraphs.

Both text styles lose the markup that says what a block is; what is left is
its position and shape. These rules are shared by the readers so that a
signature is a signature whichever site the text came from.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..model import (Block, Closer, Dateline, Document, Inline, LineBreak, ListBlock, PageBreak,
                     Paragraph, Point, Salute, Span, Where)
from .datelines import dateline_spans
from .inline import slice_inline


@dataclass
class RawBlock:
    """A block as a reader found it, before its role is known.

    kind: "text" (one Inline), "list" (bulleted items), "lines" (short lines
    that kept their line breaks), "page" (a page marker on its own line).
    """

    kind: str
    inlines: list[Inline]
    where: Where
    page: PageBreak | None = None


def raw_blocks(shapes: list[tuple[str, list[int]]], inlines: list[Inline], wheres: list[Where]) -> list[RawBlock]:
    """RawBlocks from a reader's (kind, unit indexes) and the built units."""
    raws = []
    for kind, idx in shapes:
        if kind == "page":
            raws.append(RawBlock("page", [], wheres[idx[0]], inlines[idx[0]].points[0].item))
        else:
            raws.append(RawBlock(kind, [inlines[i] for i in idx], wheres[idx[0]]))
    return raws


HEAD_RE = re.compile(r"^\s*(\d{1,4})\.\s+(\S.*?)\s*$")
_SALUTE_RE = re.compile(r"^((?:My )?[Dd]ear (?:(?:Mr|Mrs|Ms|Dr|Sen|Gov|Gen|Adm|Amb|Rev|Prof)\.\s)?[^:\n.!?]{1,60}?:)(?=\s|$)")
_NAME_TOKEN = re.compile(r"^(?:[A-Z][A-Za-z'\u2019-]*\.?|[A-Z]\.(?:[A-Z]\.)*|de|da|van|von|der|la|le|Jr\.|Sr\.|II|III)$")
_NOT_NAMES = {
    "The", "End", "Begin", "Text", "Note", "Part", "Secret", "Confidential", "Unclassified", "Summary",
    "Sincerely", "Attachment", "Enclosure", "Tab", "Annex", "Appendix", "Conclusions", "Discussion",
    "Background", "Recommendation", "Recommendations", "Comment", "Comments", "Introduction", "Top",
    "Eyes", "Only", "Priority", "Niact", "Limit", "Distribution", "Section", "Continued", "Addendum",
    "Noforn", "Washington", "Moscow", "Paris", "London", "Bonn", "Berlin", "Geneva", "Tokyo",
}
_SMALL_WORDS = {"a", "an", "and", "as", "at", "by", "for", "from", "in", "of", "on", "or", "the", "to", "with", "vs.", "de"}


def is_signature(text: str) -> bool:
    """A name standing alone at the end: "Thompson", "Dean Rusk", "Chester B. Bowles"."""
    tokens = text.split()
    if not 1 <= len(tokens) <= 5 or len(text) > 40:
        return False
    if text[-1] in ",:;" or (text.endswith(".") and not re.search(r"(?:\b[A-Z]|Jr|Sr)\.$", text)):
        return False
    return all(_NAME_TOKEN.match(t) for t in tokens) and not any(t.strip(".") in _NOT_NAMES for t in tokens)


def paragraph_rend(text: str) -> str | None:
    """The Office's rend for a short centred or italic section title, else None."""
    words = text.split()
    if not words or len(text) > 100:
        return None
    letters = [c for c in text if c.isalpha()]
    if len(letters) >= 4 and all(c.isupper() for c in letters) and len(words) >= 2 and text[-1] not in ".,;:":
        return "center"
    if text in ("Begin text.", "End text.", "Begin Text.", "End Text."):
        return "sectiontitleital"
    if any(c.isdigit() for c in text):
        return None  # "NIE 11-4-60": a designator, not a section title
    if len(text) <= 80 and len(words) <= 10 and text[0].isupper() and text[-1] not in ".,;:?!\"\u201d]":
        big = [w for w in words if w.lower() not in _SMALL_WORDS]
        if big and sum(w[0].isupper() or not w[0].isalpha() for w in big) == len(big) and len(words) >= 2:
            return "sectiontitleital"
    return None


def join_lines(inlines: list[Inline]) -> Inline:
    """One Inline of several lines, a LineBreak point between each."""
    text, points, spans = "", [], []
    for i, part in enumerate(inlines):
        if i:
            points.append(Point(len(text), LineBreak()))
        shift = len(text)
        points += [Point(p.offset + shift, p.item) for p in part.points]
        spans += [Span(s.start + shift, s.end + shift, s.kind, dict(s.attrs)) for s in part.spans]
        text += part.text
    return Inline(text, points, spans)


def _with_dateline(inline: Inline) -> Inline | None:
    spans = dateline_spans(inline.text)
    if spans is None:
        return None
    return Inline(inline.text, inline.points, spans + inline.spans)


def _subject_line(inline: Inline) -> bool:
    text = inline.text
    if re.search(r"[.!?]\s+[A-Z\u201c\"]", text):
        return False  # sentences, not a subject
    return 0 < len(text) <= 150 and text[-1] not in ".:;/" and text[0].isupper()


@dataclass
class Shaper:
    """Assigns roles to the raw blocks of one document."""

    title: str
    raws: list[RawBlock]
    infer_subject: bool = False  # community style: no bullets mark the lists
    blocks: list[Block] = field(default_factory=list)

    def shape(self) -> list[Block]:
        raws = list(self.raws)
        memo = bool(re.search(r"\bMemorand", self.title))
        lists: list[RawBlock] = []
        i = 0
        # page breaks and the dateline open the document
        while i < len(raws):
            raw = raws[i]
            if raw.kind == "page":
                self.blocks.append(raw.page)
            elif raw.kind == "text" and not any(isinstance(b, Dateline) for b in self.blocks) and (
                    dl := _with_dateline(raw.inlines[0])) is not None:
                self.blocks.append(Dateline(dl, raw.where))
            else:
                break
            i += 1
        # subject and participants lists
        while i < len(raws):
            raw = raws[i]
            if raw.kind == "list" or (self.infer_subject and memo and raw.kind == "lines"):
                lists.append(raw)
            elif self.infer_subject and memo and not lists and raw.kind == "text" and _subject_line(raw.inlines[0]):
                lists.append(RawBlock("list", raw.inlines, raw.where))
            else:
                break
            i += 1
        self._top_lists(lists)
        rest = raws[i:]
        top_done = bool(lists)
        # the signature closes the document
        closer_at = None
        last = len(rest) - 1
        while last >= 0 and rest[last].kind == "page":
            last -= 1
        if last >= 0 and rest[last].kind == "text" and is_signature(rest[last].inlines[0].text) \
                and any(raw.kind != "page" for raw in rest[:last]):  # TEI: a closer follows some text
            closer_at = last
        for k, raw in enumerate(rest):
            if raw.kind == "page":
                self.blocks.append(raw.page)
            elif k == closer_at:
                signed = raw.inlines[0]
                if not signed.spans:
                    signed.spans.append(Span(0, len(signed.text), "persName"))
                self.blocks.append(Closer(signed, raw.where))
            elif raw.kind == "list":
                self.blocks.append(ListBlock(raw.inlines, None, raw.where))
            else:
                content = raw.inlines[0] if raw.kind == "text" else join_lines(raw.inlines)
                if not top_done and raw.kind == "text":
                    top_done = True
                    m = _SALUTE_RE.match(content.text)
                    if m and self._only_top_so_far():
                        salute = slice_inline(content, 0, m.end())
                        self.blocks.append(Salute(salute, raw.where))
                        content = slice_inline(content, m.end(), len(content.text))
                        if not content.text and not content.points:
                            continue
                rend = paragraph_rend(content.text) if raw.kind == "text" and not content.notes() else None
                self.blocks.append(Paragraph(content, rend, raw.where))
        return self.blocks

    def _only_top_so_far(self) -> bool:
        return all(isinstance(b, (Dateline, PageBreak)) for b in self.blocks)

    def _top_lists(self, lists: list[RawBlock]) -> None:
        if not lists:
            return
        if len(lists) == 1:
            items = lists[0].inlines
            persons = sum("," in it.text for it in items)
            kinds = ["participants" if len(items) > 1 and persons * 2 >= len(items) else "subject"]
        else:
            kinds = ["subject", "participants"] + [None] * (len(lists) - 2)
        for raw, kind in zip(lists, kinds):
            self.blocks.append(ListBlock(raw.inlines, kind, raw.where))


def make_document(number: int, head: Inline, raws: list[RawBlock], where: Where,
                  infer_subject: bool = False) -> Document:
    """A Document from its heading and raw blocks, roles assigned."""
    m = HEAD_RE.match(head.text)
    title = m.group(2) if m else head.text
    blocks = Shaper(title, raws, infer_subject).shape()
    subtype = "editorial-note" if re.match(r"(?i)editorial note\b", title) else "historical-document"
    return Document(number, head, blocks, where, subtype)
