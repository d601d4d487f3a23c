"""The TEI writer: a `Volume` becomes one FRUS TEI tree, built with lxml.

The shape is the Office of the Historian's (see ENCODING.md in the project's
shared material): a header naming the volume, the registers in `front`, and
one `div type="document"` per document in `body`.
"""
from __future__ import annotations

from lxml import etree

from ..model import (Closer, Dateline, Document, Inline, LineBreak, ListBlock, Note, PageBreak,
                     Paragraph, Point, Salute, Volume, VolumeInfo)
from ..annotate.dates import document_dates
from ..problems import Problem
from ..registers import KINDS, LIST_TYPES, Register
from .names import FRUS, TEI, XML_ID
from .spans import fill

NSMAP = {None: TEI, "frus": FRUS}

_STYLE_NAMES = {"webcopy": "web copy of history.state.gov", "e2": "community transcription"}


def _el(parent: etree._Element | None, tag: str, attrs: dict[str, str] | None = None, text: str | None = None):
    attrs = {k: v for k, v in (attrs or {}).items() if v is not None}
    el = etree.Element(f"{{{TEI}}}{tag}", attrs, nsmap=NSMAP) if parent is None else \
        etree.SubElement(parent, f"{{{TEI}}}{tag}", attrs)
    if text is not None:
        el.text = text
    return el


class Writer:
    """Builds the tree for one volume; keeps page ids unique across it."""

    def __init__(self, volume: Volume, version: str, date: str | None = None):
        self.volume = volume
        self.version = version
        self.date = date
        self.pages: dict[str, str] = {}  # page n -> where first seen
        self.problems: list[Problem] = []
        self._doc: Document | None = None

    def tree(self) -> etree._ElementTree:
        info = self.volume.info
        root = _el(None, "TEI", {XML_ID: info.id})
        root.append(self.header())
        text = _el(root, "text")
        if self.volume.registers:
            front = _el(text, "front")
            for register in self.volume.registers:
                front.append(self.register(register))
        body = _el(text, "body")
        for doc in self.volume.documents:
            body.append(self.document(doc))
        return etree.ElementTree(root)

    # -- header ------------------------------------------------------------
    def header(self) -> etree._Element:
        info = self.volume.info
        header = _el(None, "teiHeader")
        file_desc = _el(header, "fileDesc")
        title_stmt = _el(file_desc, "titleStmt")
        for kind, value in (("complete", info.complete_title), ("series", info.SERIES),
                            ("sub-series", info.sub_series), ("volume-number", info.volume_number),
                            ("volume", info.volume_title)):
            if value:
                _el(title_stmt, "title", {"type": kind}, value)
        pub = _el(file_desc, "publicationStmt")
        _el(pub, "publisher", None, "United States Government Printing Office")
        _el(pub, "pubPlace", None, "Washington")
        _el(pub, "idno", {"type": "frus"}, info.id)
        source_desc = _el(file_desc, "sourceDesc")
        listing = _el(source_desc, "listBibl")
        for src in self.volume.sources:
            bibl = _el(listing, "bibl", {"type": "text-file"})
            _el(bibl, "idno", {"type": "file"}, src.path.name)
            numbers = ", ".join(str(n) for n in src.documents)
            plural = "s" if len(src.documents) != 1 else ""
            _el(bibl, "note", None,
                f"{_STYLE_NAMES.get(src.style, src.style)}, {src.encoding}; document{plural} {numbers}")
        encoding_desc = _el(header, "encodingDesc")
        app_info = _el(encoding_desc, "appInfo")
        app = _el(app_info, "application", {"ident": "frus-tei", "version": self.version})
        _el(app, "label", None, "frus-tei")
        revision = _el(header, "revisionDesc")
        change = _el(revision, "change", {"when": self.date})
        change.text = f"Encoded from plain text by frus-tei {self.version}."
        return header

    # -- front matter ------------------------------------------------------
    def register(self, register: Register) -> etree._Element:
        """A FRUS list: ``<item><hi rend="strong"><persName xml:id>Name</persName>,</hi> description</item>``."""
        div = _el(None, "div", {"type": "section", XML_ID: register.kind})
        _el(div, "head", None, register.heading)
        lst = _el(div, "list", {"type": LIST_TYPES[register.kind]})
        for entry in register.entries:
            item = _el(lst, "item")
            strong = _el(item, "hi", {"rend": "strong"})
            _el(strong, KINDS[register.kind], {XML_ID: entry.id}, entry.name)
            if entry.description:
                strong[-1].tail = ","
                strong.tail = " "
                fill(item, Inline(entry.description, spans=list(entry.spans)), self.point)
        return div

    # -- documents ---------------------------------------------------------
    def document(self, doc: Document) -> etree._Element:
        self._doc = doc
        self._note_ids: set[str | None] = set()
        dates = document_dates(doc)
        div = _el(None, "div", {"type": "document", "subtype": doc.subtype, "n": str(doc.n), XML_ID: doc.xml_id,
                                f"{{{FRUS}}}doc-dateTime-min": dates[0] if dates else None,
                                f"{{{FRUS}}}doc-dateTime-max": dates[1] if dates else None})
        head = _el(div, "head")
        fill(head, doc.head, self.point)
        for block in doc.blocks:
            if isinstance(block, PageBreak):
                div.append(self.page(block))
            elif isinstance(block, Dateline):
                fill(_el(div, "dateline"), block.content, self.point)
            elif isinstance(block, ListBlock):
                lst = _el(div, "list", {"type": block.type} if block.type else {"rend": "bulleted"})
                if block.head:
                    _el(lst, "head", None, block.head)
                for item in block.items:
                    fill(_el(lst, "item"), item, self.point)
            elif isinstance(block, Salute):
                fill(_el(div, "salute"), block.content, self.point)
            elif isinstance(block, Closer):
                fill(_el(_el(div, "closer"), "signed"), block.signed, self.point)
            elif isinstance(block, Paragraph):
                fill(_el(div, "p", {"rend": block.rend}), block.content, self.point)
        return div

    def point(self, point: Point) -> etree._Element:
        item = point.item
        if isinstance(item, Note):
            return self.note(item)
        if isinstance(item, PageBreak):
            return self.page(item)
        if isinstance(item, LineBreak):
            return _el(None, "lb")
        raise TypeError(f"no TEI for {item!r}")

    def note(self, note: Note) -> etree._Element:
        assert self._doc is not None
        ident = f"{self._doc.xml_id}fn{note.n}"
        if ident in self._note_ids:
            where = note.where or self._doc.where
            self.problems.append(Problem(where.file, where.line, "error", "note-repeated",
                                         f"document {self._doc.n} has two notes numbered {note.n}; "
                                         f"the second gets no id: renumber the notes"))
            ident = None
        self._note_ids.add(ident)
        el = _el(None, "note", {"n": note.n, XML_ID: ident, "type": note.type})
        if len(note.paragraphs) == 1:
            fill(el, note.paragraphs[0], self.point)
        else:
            for para in note.paragraphs:
                fill(_el(el, "p"), para, self.point)
        return el

    def page(self, page: PageBreak) -> etree._Element:
        where = str(page.where) if page.where else "?"
        ident = f"pg_{page.n}"
        if page.n in self.pages:
            self.problems.append(Problem(page.where.file if page.where else "", page.where.line if page.where else 0,
                                         "error", "page-repeated",
                                         f"page {page.n} is marked twice (first at {self.pages[page.n]}); "
                                         f"the second marker gets no id"))
            return _el(None, "pb", {"n": page.n})
        self.pages[page.n] = where
        return _el(None, "pb", {"n": page.n, XML_ID: ident})


_STRUCTURAL = {f"{{{TEI}}}{name}" for name in (
    "TEI", "teiHeader", "fileDesc", "titleStmt", "publicationStmt", "sourceDesc", "listBibl", "bibl",
    "encodingDesc", "appInfo", "application", "revisionDesc", "text", "front", "body", "div", "list", "closer")}


def _indent(el: etree._Element, level: int = 0) -> None:
    """Indent element-only structure; never touch text that is mixed with markup."""
    if el.tag not in _STRUCTURAL or not len(el) or (el.text and el.text.strip()):
        return
    if any(child.tail and child.tail.strip() for child in el):
        return
    pad = "\n" + "  " * (level + 1)
    el.text = pad
    for child in el:
        child.tail = pad
        _indent(child, level + 1)
    el[-1].tail = "\n" + "  " * level


def serialize(tree: etree._ElementTree) -> bytes:
    """UTF-8 bytes, structure indented, mixed content as written, same bytes every run."""
    _indent(tree.getroot())
    return etree.tostring(tree, encoding="UTF-8", xml_declaration=True) + b"\n"


def register_xml(register: Register) -> bytes:
    """A register on its own, as the Office's list division (what ``--persons``/``--terms`` read)."""
    writer = Writer(Volume(VolumeInfo(), [], [], [register]), "")
    div = writer.register(register)
    return serialize(etree.ElementTree(div))
