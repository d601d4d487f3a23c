"""Reader for "web copy": a document page of history.state.gov copied as text.

One document per file: the heading first ("21. Memorandum of Conversation0"),
blocks separated by blank lines, bullet lists for subject and participants,
"[Page 55]" markers, and the footnote bodies listed at the end ("  1. Source:
…"). Callouts are fused digits counted from 0; see `callouts.align_callouts`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Inline, Note, Where
from ..problems import ConversionError, Problem
from .blocks import HEAD_RE, make_document, raw_blocks
from .callouts import align_callouts
from .result import Read
from .inline import PAGE_LINE_RE, Cut, build_inline, page_cuts

_ITEM_RE = re.compile(r"^(\s*)(\d{1,3})\.\s+(.*)$")
_BULLET_RE = re.compile(r"^\s*[\u2022\u25e6\u25aa\u2023\u00b7*]\s+(.*)$")
# the page drops the space before an abbreviation: "theUSSR", "Director,SOV"
_LOST_SPACE_RE = re.compile(r"(?<=[a-z,;])(?=[A-Z]{2,}(?![a-z]))")


@dataclass
class _Unit:
    """A run of raw text that may hold callouts: the heading, a paragraph, an item."""

    raw: str
    where: Where


def clean_line(line: str) -> str:
    """Undo what the web page does to the text: U+02BC apostrophes, lost spaces."""
    line = line.replace("\u02bc", "'")
    return _LOST_SPACE_RE.sub(" ", line)


def find_note_list(lines: list[str]) -> int:
    """Index of the first line of the footnote list at the end, or len(lines).

    The list is the last run of items numbered 1, 2, 3 … reaching the end of
    the file; lines that are not items continue the item before them.
    """
    for start, line in enumerate(lines):
        m = _ITEM_RE.match(line)
        if not m or m.group(2) != "1":
            continue
        if not m.group(1) and not m.group(3).startswith("Source:"):
            continue  # an unindented "1. " is a numbered paragraph unless it is a source note
        expected = 2
        ok = True
        for later in lines[start + 1:]:
            m2 = _ITEM_RE.match(later)
            if m2 and m2.group(1) == m.group(1) and int(m2.group(2)) == expected:
                expected += 1
            elif m2 and m2.group(1) == m.group(1):
                ok = False
                break
        if ok:
            return start
    return len(lines)


def _note_items(lines: list[str], first_line: int) -> list[tuple[int, list[str]]]:
    """(line number, paragraphs) of each listed note."""
    items: list[tuple[int, list[str]]] = []
    indent = _ITEM_RE.match(lines[0]).group(1)
    blank = False
    for offset, line in enumerate(lines):
        m = _ITEM_RE.match(line)
        if m and m.group(1) == indent and int(m.group(2)) == len(items) + 1:
            items.append((first_line + offset, [m.group(3)]))
        elif not line.strip():
            blank = True
            continue
        elif blank:
            items[-1][1].append(line.strip())
        else:
            items[-1][1][-1] += " " + line.strip()
        blank = False
    return items


def read_webcopy(text: str, name: str, note_base: int = 1) -> Read:
    """Read one web-copy file into its document."""
    problems: list[Problem] = []
    lines = [clean_line(line.rstrip()) for line in text.split("\n")]
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is None:
        raise ConversionError(name, 0, "empty-file", "the file is empty: nothing to convert")
    head_match = HEAD_RE.match(lines[first])
    if not head_match:
        raise ConversionError(name, first + 1, "no-heading",
                              "a FRUS document starts with its number and title, as in "
                              "'21. Memorandum of Conversation'; this line does not")
    list_at = find_note_list(lines)
    notes_raw = _note_items(lines[list_at:], list_at + 1) if list_at < len(lines) else []

    # text units (heading, paragraphs, list items) in reading order
    units: list[_Unit] = [_Unit(lines[first].strip(), Where(name, first + 1))]
    shapes: list[tuple[str, list[int]]] = []  # (kind, unit indexes) per block
    block: list[int] = []  # line indexes of the block being read

    def flush() -> None:
        if not block:
            return
        where = Where(name, block[0] + 1)
        if len(block) == 1 and PAGE_LINE_RE.match(lines[block[0]]):
            units.append(_Unit(lines[block[0]].strip(), where))
            shapes.append(("page", [len(units) - 1]))
        elif _BULLET_RE.match(lines[block[0]]):
            idx: list[int] = []
            for i in block:
                m = _BULLET_RE.match(lines[i])
                if m or not idx:
                    units.append(_Unit(m.group(1) if m else lines[i].strip(), Where(name, i + 1)))
                    idx.append(len(units) - 1)
                else:
                    units[idx[-1]].raw += " " + lines[i].strip()
            shapes.append(("list", idx))
        else:
            units.append(_Unit(" ".join(lines[i].strip() for i in block), where))
            shapes.append(("text", [len(units) - 1]))
        block.clear()

    for i in range(first + 1, list_at):
        if lines[i].strip():
            page = PAGE_LINE_RE.match(lines[i]) is not None
            if block and (page or PAGE_LINE_RE.match(lines[block[-1]])
                          or (_BULLET_RE.match(lines[i]) and not _BULLET_RE.match(lines[block[0]]))):
                flush()  # a marker on its own line stands between blocks
            block.append(i)
        else:
            flush()
    flush()

    # callouts
    cuts: list[list[Cut]] = [page_cuts(u.raw, u.where) for u in units]
    excluded = [[(c.start, c.end) for c in unit_cuts] for unit_cuts in cuts]
    chosen = align_callouts([u.raw for u in units], len(notes_raw), excluded)
    last_unit = 0
    for k, (line_no, paragraphs) in enumerate(notes_raw):
        where = Where(name, line_no)
        paras = [build_inline(p, page_cuts(p, where)) for p in paragraphs]
        note = Note(str(k + note_base), paras, None, where)
        if k == 0 and paras and paras[0].text.startswith("Source:"):
            note.type = "source"
        cand = chosen[k]
        if cand is None:
            problems.append(Problem(name, line_no, "error", "note-without-callout",
                                    f"no callout {k} found in the text for note {k + 1} "
                                    f"(“{paras[0].text[:40] if paras else ''}…”); it is placed at the end "
                                    f"of the block that calls the note before it"))
            unit_cuts = cuts[last_unit]
            unit_cuts.append(Cut(len(units[last_unit].raw), len(units[last_unit].raw), note))
        else:
            cuts[cand.unit].append(Cut(cand.start, cand.end, note))
            last_unit = cand.unit
    inlines = [build_inline(u.raw, c) for u, c in zip(units, cuts)]

    raws = raw_blocks(shapes, inlines, [u.where for u in units])
    head: Inline = inlines[0]
    doc = make_document(int(head_match.group(1)), head, raws, Where(name, first + 1))
    return Read([doc], problems, None, text)
