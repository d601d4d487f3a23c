"""The document model: the contract between readers, annotators and the TEI writer.

Readers turn text into these dataclasses; annotators add standoff `Span`s over
`Inline.text`; the writer nests them into TEI. Nothing here knows about XML or
about the text styles, so every stage can be tested on its own.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Union

if TYPE_CHECKING:
    from .registers import Register


@dataclass(frozen=True)
class Where:
    """A place in an input file, for messages that name file and line."""

    file: str
    line: int = 0

    def __str__(self) -> str:
        return f"{self.file}:{self.line}" if self.line else self.file


@dataclass
class Span:
    """A standoff annotation over ``Inline.text[start:end]``.

    ``kind`` is the TEI element to write (persName, gloss, placeName, date,
    time, ref, hi, term); ``attrs`` its attributes, in writing order.
    """

    start: int
    end: int
    kind: str
    attrs: dict[str, str] = field(default_factory=dict)


@dataclass
class PageBreak:
    """A printed page boundary (``[Page 55]``): a block, or a point inside text."""

    n: str
    where: Where | None = None


@dataclass
class Note:
    """A footnote, placed at its callout. ``n`` is the edition's number."""

    n: str
    paragraphs: list["Inline"]
    type: str | None = None  # "source" for the source note
    where: Where | None = None


@dataclass
class LineBreak:
    """A line ending kept inside a block (lines of an address or table row)."""


@dataclass
class Point:
    """A zero-width item (a note, page or line break) at ``offset`` in the text."""

    offset: int
    item: Union[Note, PageBreak, LineBreak]


@dataclass
class Inline:
    """Running text with zero-width points and standoff spans over it."""

    text: str
    points: list[Point] = field(default_factory=list)
    spans: list[Span] = field(default_factory=list)

    def notes(self) -> list[Note]:
        return [p.item for p in self.points if isinstance(p.item, Note)]


@dataclass
class Paragraph:
    content: Inline
    rend: str | None = None  # "center", "sectiontitleital"
    where: Where | None = None


@dataclass
class ListBlock:
    """A list; ``type`` is "subject" or "participants" for memoranda, else None."""

    items: list[Inline]
    type: str | None = None
    where: Where | None = None

    @property
    def head(self) -> str | None:
        return {"subject": "SUBJECT", "participants": "PARTICIPANTS"}.get(self.type or "")


@dataclass
class Dateline:
    """Place and date line; placeName/date/time are spans over ``content``."""

    content: Inline
    where: Where | None = None


@dataclass
class Salute:
    """An opening salutation ("Dear Luther:")."""

    content: Inline
    where: Where | None = None


@dataclass
class Closer:
    """A signature block: ``signed`` holds the name (and any note on it)."""

    signed: Inline
    where: Where | None = None


Block = Union[Paragraph, ListBlock, Dateline, Salute, Closer, PageBreak]


@dataclass
class Document:
    """One FRUS document: ``n`` is its printed number, ``head`` number and title."""

    n: int
    head: Inline
    blocks: list[Block]
    where: Where
    subtype: str = "historical-document"

    @property
    def xml_id(self) -> str:
        return f"d{self.n}"

    def inlines(self):
        """Every Inline of the document in reading order (notes not entered)."""
        yield self.head
        for block in self.blocks:
            if isinstance(block, ListBlock):
                yield from block.items
            elif isinstance(block, Closer):
                yield block.signed
            elif not isinstance(block, PageBreak):
                yield block.content

    def notes(self) -> list[Note]:
        return [note for inline in self.inlines() for note in inline.notes()]


@dataclass
class VolumeInfo:
    """What is known of the volume: its FRUS id and the parts of its title."""

    id: str | None = None
    sub_series: str | None = None  # "1961–1963"
    volume_number: str | None = None  # "Volume V"
    volume_title: str | None = None  # "Soviet Union"

    SERIES = "Foreign Relations of the United States"

    @property
    def complete_title(self) -> str:
        parts = [self.SERIES, self.sub_series, self.volume_number, self.volume_title]
        return ", ".join(p for p in parts if p)

    def merge(self, other: "VolumeInfo") -> "VolumeInfo":
        """Fill what this one lacks from ``other`` (same volume, another file)."""
        return VolumeInfo(
            id=self.id or other.id,
            sub_series=self.sub_series or other.sub_series,
            volume_number=self.volume_number or other.volume_number,
            volume_title=self.volume_title or other.volume_title,
        )


@dataclass
class SourceText:
    """An input file as read: its name, the style found and the encoding used."""

    path: Path
    style: str  # "webcopy" or "e2"
    encoding: str
    documents: list[int] = field(default_factory=list)


@dataclass
class Volume:
    info: VolumeInfo
    documents: list[Document]
    sources: list[SourceText]
    registers: list["Register"] = field(default_factory=list)  # persons and terms, for the front matter
