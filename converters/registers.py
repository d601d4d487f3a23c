"""Registers: the persons and terms lists of a FRUS volume.

The Office's lists are `div xml:id="persons"` / `"terms"` of items like
``<item><hi rend="strong"><term xml:id="t_USSR1">USSR</term>,</hi> Union of
Soviet Socialist Republics</item>``. They are read here into `Register`s that
the annotators match against and the TEI writer writes back as FRUS lists.
A description keeps its own markup (a `gloss` to another term, an italic
title) as standoff spans, like any other text of the model.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from pathlib import Path

from lxml import etree

from .model import Span
from .problems import ConversionError
from .tei.names import TEI, XML_ID
from .validation import safe_parser


_WS = re.compile(r"\s+")
KINDS = {"persons": "persName", "terms": "term"}  # register -> element naming an entry
HEADS = {"persons": "Persons", "terms": "Abbreviations and Terms"}
_PB = f"{{{TEI}}}pb"
LIST_TYPES = {"persons": "names", "terms": "terms"}


@dataclass(frozen=True)
class Entry:
    """One person or term: ``name`` as listed ("Rusk, Dean", "USSR")."""

    id: str
    name: str
    description: str
    variants: tuple[str, ...] = ()  # other forms met in the text ("Dean Rusk")
    spans: tuple[Span, ...] = field(default=(), compare=False)  # markup over ``description``


@dataclass
class Register:
    kind: str  # "persons" or "terms"
    entries: list[Entry]
    head: str | None = None

    @property
    def heading(self) -> str:
        return self.head or HEADS[self.kind]


def mint_id(kind: str, name: str, taken: set[str]) -> str:
    """A new id by the Office's recipe, not in ``taken`` (which it joins).

    Persons: ``p_`` + the capitals of "Surname, Given" (a lower-case particle
    counts by its first letter: "de Gaulle, Charles" → ``p_dGC``) + a counter;
    terms: ``t_`` + the term's word characters + a counter.
    """
    if kind == "persons":
        letters = "".join(ch for word in re.findall(r"[^\W\d_][\w'’-]*", name)
                          for ch in (word[0] if word[0].islower() else "".join(c for c in word if c.isupper())))
        stem = "p_" + (letters or "X")
    else:
        stem = "t_" + (re.sub(r"\W", "", name) or "X")
    n = 1
    while f"{stem}{n}" in taken:
        n += 1
    taken.add(f"{stem}{n}")
    return f"{stem}{n}"


def _walk(el: etree._Element, out: list[str], spans: list[Span], skip: set) -> None:
    """Collect ``el``'s content as text with collapsed white space and spans for its elements."""
    def text(chunk: str | None) -> None:
        if not chunk:
            return
        chunk = _WS.sub(" ", chunk)
        if chunk.startswith(" ") and (not out or out[-1].endswith(" ")):
            chunk = chunk[1:]
        if chunk:
            out.append(chunk)

    text(el.text)
    for child in el:
        if isinstance(child.tag, str) and etree.QName(child).localname != "pb":
            start = sum(map(len, out))
            _walk(child, out, spans, skip)
            end = sum(map(len, out))
            if child not in skip and end > start:
                attrs = {k: v for k, v in child.attrib.items() if k != XML_ID}
                spans.append(Span(start, end, etree.QName(child).localname, attrs))
        text(child.tail)


def read_register(div: etree._Element, kind: str) -> Register:
    """The entries of a persons or terms division."""
    tag = f"{{{TEI}}}{KINDS[kind]}"
    found = []
    for item in div.iter(f"{{{TEI}}}item"):
        named = next((el for el in item.iter(tag) if el.get(XML_ID)), None)
        if named is None:
            continue
        name = " ".join("".join(named.itertext()).split())
        out: list[str] = []
        spans: list[Span] = []
        skip = {named, *named.iterancestors(), *named.iter()}
        if all(el in skip or el.tag == _PB for el in item.iter("*")):  # no markup in the description
            whole = " ".join("".join(item.itertext()).split())
        else:
            _walk(item, out, spans, skip)
            whole = "".join(out)
        # the description follows the name and its comma
        at = whole.find(name)
        cut = at + len(name) if at >= 0 else 0
        rest = whole[cut:]
        lead = len(rest) - len(rest.lstrip(" ,"))
        cut += lead
        description = whole[cut:].rstrip()
        kept = tuple(Span(s.start - cut, min(s.end, cut + len(description)) - cut, s.kind, s.attrs)
                     for s in spans if s.start >= cut and s.start < cut + len(description))
        found.append(Entry(named.get(XML_ID), name, description, (), kept))
    head = div.find(f"{{{TEI}}}head")
    heading = " ".join("".join(head.itertext()).split()) if head is not None else None
    return Register(kind, found, heading or None)


def load_register(path: Path, kind: str) -> Register:
    """A persons or terms list (``div xml:id="persons"``), from its own file or a FRUS volume."""
    try:
        root = etree.parse(str(path), safe_parser()).getroot()
    except (OSError, etree.XMLSyntaxError) as exc:
        raise ConversionError(str(path), getattr(exc, "lineno", 0) or 0, "bad-register",
                              f"cannot read the {kind} list: {exc}") from exc
    if root.tag == f"{{{TEI}}}div" and root.get(XML_ID) == kind:
        div = root
    else:
        div = root.find(f".//{{{TEI}}}div[@{XML_ID}='{kind}']")
    if div is None:
        raise ConversionError(str(path), root.sourceline or 0, "bad-register",
                              f"no FRUS {kind} list here: expected <div xml:id=\"{kind}\"> in the TEI namespace")
    register = read_register(div, kind)
    if not register.entries:
        raise ConversionError(str(path), div.sourceline or 0, "bad-register",
                              f"the {kind} list has no entries with an xml:id on their <{KINDS[kind]}>")
    return register


def pointers(entry: Entry) -> set[str]:
    """Ids the entry's description points to (a term explained by another)."""
    return {v.lstrip("#") for s in entry.spans for k, v in s.attrs.items()
            if k in ("target", "corresp") and v.startswith("#")}


def keep_used(registers: list[Register], used: set[str]) -> list[Register]:
    """The registers holding only the entries in ``used`` and those their descriptions point to."""
    by_id = {e.id: e for r in registers for e in r.entries}
    wanted = set(used) & set(by_id)
    todo = list(wanted)
    while todo:
        for target in pointers(by_id[todo.pop()]):
            if target in by_id and target not in wanted:
                wanted.add(target)
                todo.append(target)
    out = [replace(r, entries=[e for e in r.entries if e.id in wanted]) for r in registers]
    return [r for r in out if r.entries]


def read_volume_registers(path: Path) -> list[Register]:
    """The persons and terms lists a FRUS TEI volume carries in its front matter (those it has)."""
    try:
        root = etree.parse(str(path), safe_parser()).getroot()
    except (OSError, etree.XMLSyntaxError) as exc:
        raise ConversionError(str(path), getattr(exc, "lineno", 0) or 0, "bad-register",
                              f"cannot read the volume: {exc}") from exc
    found = []
    for kind in KINDS:
        div = root.find(f".//{{{TEI}}}div[@{XML_ID}='{kind}']")
        if div is not None:
            found.append(read_register(div, kind))
    if not found:
        raise ConversionError(str(path), root.sourceline or 0, "no-register",
                              "this file has neither a persons list (div xml:id=\"persons\") "
                              "nor a terms list (div xml:id=\"terms\")")
    return found


def as_rows(register: Register) -> list[dict]:
    """One record per entry, for CSV and JSON tables."""
    return [{"id": e.id, "name": e.name, "description": e.description, "variants": list(e.variants)}
            for e in register.entries]
