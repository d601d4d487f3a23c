"""Registers: the persons and terms lists of a FRUS volume.

The Office's lists are `div xml:id="persons"` / `"terms"` of items like
``<item><hi rend="strong"><term xml:id="t_USSR1">USSR</term>,</hi> Union of
Soviet Socialist Republics</item>``. They are read here into entries that the
annotators match against, and written back holding only what the volume uses.
"""
from __future__ import annotations

from copy import deepcopy
from dataclasses import dataclass

from lxml import etree

from .tei.writer import TEI, XML_ID


@dataclass(frozen=True)
class Entry:
    id: str
    name: str  # as listed: "Rusk, Dean" or "USSR"
    description: str


def entries(div: etree._Element, tag: str) -> list[Entry]:
    """The entries of a register division; ``tag`` is "persName" or "term"."""
    out = []
    for item in div.iter(f"{{{TEI}}}item"):
        named = item.find(f".//{{{TEI}}}{tag}[@{XML_ID}]")
        if named is None:
            continue
        name = " ".join("".join(named.itertext()).split())
        text = " ".join("".join(item.itertext()).split())
        description = text[len(name):].lstrip(" ,") if text.startswith(name) else text
        out.append(Entry(named.get(XML_ID), name, description))
    return out


def used_only(div: etree._Element, used: set[str]) -> etree._Element | None:
    """A copy of ``div`` keeping the items whose entry id is in ``used`` (None if none is)."""
    copy = deepcopy(div)
    kept = 0
    for item in list(copy.iter(f"{{{TEI}}}item")):
        ids = {el.get(XML_ID) for el in item.iter() if isinstance(el.tag, str) and el.get(XML_ID)}
        if ids and not ids & used:
            item.getparent().remove(item)
        elif ids:
            kept += 1
    return copy if kept else None
