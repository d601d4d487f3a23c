"""Telling the two text styles apart, file by file.

Each style leaves marks the other never has: the community site's own lines
and "/2/" callouts; the web page's bullets, "[Page 55]" markers and the note
list at the end. A file with none of them (a document without notes) reads
the same either way.
"""
from __future__ import annotations

import re

from .callouts import E2_CALLOUT_RE
from .community import is_site_line
from .inline import PAGE_RE
from .webcopy import find_note_list

STYLES = ("webcopy", "e2")


def detect_style(text: str) -> str:
    lines = text.split("\n")
    e2 = 3 * sum(1 for line in lines if is_site_line(line.rstrip()))
    e2 += 3 * sum(1 for line in lines if re.match(r"^\s*/\d{1,3}/\S", line))
    e2 += min(3, len(E2_CALLOUT_RE.findall(text)))
    web = 2 * min(3, len(PAGE_RE.findall(text)))
    web += 2 * sum(1 for line in lines if re.match(r"^\s*\u2022\s", line))
    stripped = [line.rstrip() for line in lines]
    web += 4 if find_note_list(stripped) < len(stripped) else 0
    return "e2" if e2 > web else "webcopy"
