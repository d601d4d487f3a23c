"""Reader for community transcriptions: FRUS documents posted on a writing site.

Several documents a file, each "N. Title/1/" then its blocks; callouts are
"/2/" with the edition's numbers, and each note body is a paragraph "/2/…"
after the block that calls it (the source note's body after the dateline).
The site's own lines are dropped; its footer line names the volume.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Document, Inline, Note, VolumeInfo, Where
from .result import Read
from ..problems import ConversionError, Problem
from ..volumes import parse_volume_line
from .blocks import HEAD_RE, make_document, raw_blocks
from .callouts import E2_BODY_RE, E2_CALLOUT_RE
from .datelines import is_dateline
from .inline import PAGE_LINE_RE, Cut, build_inline, page_cuts, smarten_quotes

SITE_LINE_RES = [
    re.compile(r"^\s*display\s*\|\s*more\.*\s*$", re.I),
    re.compile(r"^\s*Part of a (?:sub)?section of a node in the .* Meta Node\s*$", re.I),
    re.compile(r"^\s*Log in or register to write something here or to contact authors\.?\s*$", re.I),
]
_DOC_WORDS = re.compile(
    r"\b(?:Note|Memorandum|Memo|Telegram|Letter|Message|Paper|Record|Minutes|Notes|Summary|Report|Estimate|"
    r"Circular|Airgram|Despatch|Dispatch|Instruction|Briefing|Statement|Transcript|Diary|Review|Study|"
    r"Conversation|Aide-M[eé]moire|Editorial|Draft|Position|Points|Cable|Directive|Minute)\b")


def is_site_line(line: str) -> bool:
    return any(r.match(line) for r in SITE_LINE_RES) or parse_volume_line(line) is not None


@dataclass
class _Block:
    lines: list[tuple[int, str]]  # (1-based line number, text)
    blank_before: int

    @property
    def text(self) -> str:
        return " ".join(t.strip() for _, t in self.lines)

    @property
    def line(self) -> int:
        return self.lines[0][0]


def clean_line(line: str) -> str:
    """The site's typewriter habits back to print: "--" dashes, straight quotes."""
    return smarten_quotes(re.sub(r"\s*--\s*", "\u2014", line)) if ('"' in line or "--" in line) else line


def _blocks(lines: list[str]) -> list[_Block]:
    blocks: list[_Block] = []
    blank = 99
    for i, line in enumerate(lines, 1):
        if not line.strip():
            blank += 1
            continue
        page = PAGE_LINE_RE.match(line) is not None
        if blank or not blocks or page or PAGE_LINE_RE.match(blocks[-1].lines[-1][1]):
            blocks.append(_Block([], blank))
        blocks[-1].lines.append((i, line))
        blank = 0
    return blocks


def _heading_score(block: _Block, nxt: _Block | None, prev_n: int | None) -> float:
    if len(block.lines) != 1:
        return -1
    m = HEAD_RE.match(block.text)
    if not m:
        return -1
    n, title = int(m.group(1)), m.group(2)
    bare = E2_CALLOUT_RE.sub("", title).strip()
    score = 0.0
    score += 2 if block.blank_before >= 2 else 0
    score += 2 if E2_CALLOUT_RE.search(title) else 0
    score += 2 if nxt is not None and len(nxt.lines) == 1 and is_dateline(nxt.text) else 0
    score += 1 if len(bare) <= 250 and not bare.endswith(".") else -1
    score -= 2 if bare.endswith((":", ";", ",")) else 0  # a sentence leading into what follows
    score += 2 if _DOC_WORDS.search(bare) else -1
    score -= 3 if not bare[:1].isupper() else 0
    if prev_n is not None:  # a number at or below the last needs a strong heading (a repeat is reported later)
        score += 1 if n == prev_n + 1 else (-3 if n <= prev_n else (-2 if n > prev_n + 50 else 0))
    return score


def _is_prose(lines: list[str]) -> bool:
    """Hard-wrapped prose (join the lines) rather than lines that stand alone."""
    body = [len(t.strip()) for t in lines[:-1]]
    return bool(body) and sum(body) / len(body) >= 55


def read_community(text: str, name: str) -> Read:
    """Read a community-site file into its documents and the volume it names."""
    info: VolumeInfo | None = None
    lines: list[str] = []
    for raw in text.split("\n"):
        line = raw.rstrip()
        if is_site_line(line):
            info = info or parse_volume_line(line)
            lines.append("")
        else:
            lines.append(clean_line(line))
    content = "\n".join(lines)
    blocks = _blocks(lines)
    if not blocks:
        raise ConversionError(name, 0, "empty-file", "the file holds only the site's own lines: no document")
    if not HEAD_RE.match(blocks[0].text) or len(blocks[0].lines) != 1:
        raise ConversionError(name, blocks[0].line, "no-heading",
                              "a FRUS document starts with its number and title, as in "
                              "'37. Memorandum From Secretary of State Rusk to President Kennedy'; "
                              "this line does not")
    starts = [0]
    prev_n = int(HEAD_RE.match(blocks[0].text).group(1))
    for i in range(1, len(blocks)):
        nxt = blocks[i + 1] if i + 1 < len(blocks) else None
        if _heading_score(blocks[i], nxt, prev_n) >= 4:
            starts.append(i)
            prev_n = int(HEAD_RE.match(blocks[i].text).group(1))
    result = Read([], [], info, content)
    for k, start in enumerate(starts):
        end = starts[k + 1] if k + 1 < len(starts) else len(blocks)
        result.documents.append(_document(blocks[start:end], name, result.problems))
    return result


def _document(blocks: list[_Block], name: str, problems: list[Problem]) -> Document:
    head_block, rest = blocks[0], blocks[1:]
    # units: the heading, then every text line group; bodies are notes
    units: list[tuple[str, Where]] = [(head_block.text.strip(), Where(name, head_block.line))]
    cuts: list[list[Cut]] = [[]]
    shapes: list[tuple[str, list[int]]] = []
    open_callouts: list[tuple[int, re.Match]] = []

    def add_unit(text: str, line: int) -> int:
        units.append((text, Where(name, line)))
        cuts.append(page_cuts(text, Where(name, line)))
        for m in E2_CALLOUT_RE.finditer(text):
            open_callouts.append((len(units) - 1, m))
        return len(units) - 1

    for m in E2_CALLOUT_RE.finditer(units[0][0]):
        open_callouts.append((0, m))
    last_text_unit = 0
    for block in rest:
        body = E2_BODY_RE.match(block.lines[0][1])
        if body:
            n = body.group(1)
            where = Where(name, block.line)
            text = E2_BODY_RE.sub("", block.text.strip(), count=1)
            para = build_inline(text, page_cuts(text, where))
            note = Note(n, [para], None, where)
            match = next(((u, m) for u, m in open_callouts if m.group(1) == n), None)
            if match is None:
                problems.append(Problem(name, block.line, "error", "note-without-callout",
                                        f"note /{n}/ has no callout /{n}/ before it; it is placed at the end "
                                        f"of the block before it"))
                cuts[last_text_unit].append(Cut(len(units[last_text_unit][0]), len(units[last_text_unit][0]), note))
            else:
                open_callouts.remove(match)
                unit, m = match
                if unit == 0 and para.text.startswith("Source:"):
                    note.type = "source"
                cuts[unit].append(Cut(m.start(), m.end(), note))
            continue
        if len(block.lines) == 1 and PAGE_LINE_RE.match(block.text):
            shapes.append(("page", [add_unit(block.text.strip(), block.line)]))
        elif len(block.lines) > 1 and not _is_prose([t for _, t in block.lines]):
            shapes.append(("lines", [add_unit(t.strip(), i) for i, t in block.lines]))
            last_text_unit = len(units) - 1
        else:
            shapes.append(("text", [add_unit(block.text.strip(), block.line)]))
            last_text_unit = len(units) - 1
    for unit, m in open_callouts:
        problems.append(Problem(name, units[unit][1].line, "error", "callout-without-note",
                                f"callout /{m.group(1)}/ has no note body after it; it is kept as text"))
    inlines = [build_inline(text, c) for (text, _), c in zip(units, cuts)]
    raws = raw_blocks(shapes, inlines, [where for _, where in units])
    head: Inline = inlines[0]
    number = int(HEAD_RE.match(head_block.text).group(1))
    return make_document(number, head, raws, Where(name, head_block.line), infer_subject=True)
