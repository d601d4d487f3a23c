"""Abbreviations of the terms register as `gloss target`, and the sender and
receiver of a telegram in its heading as `gloss type="from"/"to"`.

A term matches as a whole token ("USSR", not "USSRs" or "U.S.S.R."). One-letter
terms ("K", "S") are everywhere in ordinary text (initials, "U.S.", speaker
labels "K:"), so they match only where nothing suggests another reading.
"""
from __future__ import annotations

import re

from ..model import Span
from ..registers import Entry
from .wordlist import alternation

_HEADING = re.compile(
    r"^\d+\.\s+(?:Circular\s+)?(?:Telegram|Airgram|Despatch|Instruction|Cable)s?\s+From\s+(?:the\s+)?(?P<from>.+?)"
    r"\s+to\s+(?:the\s+)?(?P<to>.+?)\s*$")


def heading_spans(text: str) -> list[Span]:
    """Sender and receiver in "Telegram From the Embassy in X to the Department of State"."""
    m = _HEADING.match(text)
    if not m:
        return []
    return [Span(m.start("from"), m.end("from"), "gloss", {"type": "from"}),
            Span(m.start("to"), m.end("to"), "gloss", {"type": "to"})]


class TermMatcher:
    """Finds the register's terms in text; one compiled pattern for all of them."""

    def __init__(self, terms: list[Entry]):
        self.targets = {t.name: t.id for t in terms}
        names = sorted((n for n in self.targets if n), key=len, reverse=True)
        alternatives = alternation(names)
        self.pattern = re.compile(rf"(?<![\w/&.-])(?:{alternatives})(?!(?!\u02bc)[\w/&-]|\.\w)")

    def spans(self, text: str) -> list[Span]:
        out = []
        for m in self.pattern.finditer(text):
            name = m.group(0)
            if len(name) == 1 and not self._letter_is_term(text, m.start(), m.end()):
                continue
            out.append(Span(m.start(), m.end(), "gloss", {"target": f"#{self.targets[name]}"}))
        return out

    @staticmethod
    def _letter_is_term(text: str, start: int, end: int) -> bool:
        after = text[end:end + 2]
        if after.startswith((".", ":", ",")) and not after.startswith(", "):
            return False  # "J. Kennedy", "U.S.", "K:" speaker labels
        if after.startswith(".") or after.startswith(":"):
            return False
        if start == 0:
            return False  # a label at the start of a block
        return True
