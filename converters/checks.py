"""The promise that no word is lost: every word of the input is in the TEI.

Words are runs of letters (digits are left out: callouts are digits, and a
page marker's number becomes an attribute), split where a lower-case letter
meets a capital so that "theUSSR" counts as the two words it stands for.
"""
from __future__ import annotations

import re
from collections import Counter

from .readers.inline import PAGE_RE

_LETTERS = re.compile(r"[^\W\d_]+")
_CASE_TURN = re.compile(r"(?<=[^\W\d_A-Z])(?=[A-Z])")


def words(text: str) -> Counter:
    text = _CASE_TURN.sub(" ", text.replace("\u02bc", "'"))
    return Counter(_LETTERS.findall(text))


def lost_words(source: str, output: str) -> Counter:
    """Words of ``source`` (page markers aside) missing from ``output``."""
    return words(PAGE_RE.sub(" ", source)) - words(output)


def first_line_with(source: str, word: str) -> int:
    for number, line in enumerate(source.split("\n"), 1):
        if word in words(line):
            return number
    return 0
