"""Finding footnote callouts in text and pairing them with note bodies.

Web copy fuses callouts to the word before them and numbers them from 0
("Conversation0", "Bruce.1"), so a callout looks just like digits that belong
to the text ("1,000", "611.61/2-361", "RB-47"). The list of note bodies at
the end says how many callouts there are and in which order; `align_callouts`
picks, among all digit runs that could be callouts, the in-order sequence
0, 1, 2, ... that explains the most notes, preferring runs that look like
callouts. Nothing is guessed beyond what the note list supports.

The community style writes callouts as "/2/" with the edition's number.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

# a digit run fused to the character before it
_RUN_RE = re.compile(r"(?<=\S)\d+")
_CLOSERS = set(".,;:)]\u201d\"\u2019'!?")
_FOLLOW_OK = set(" \n)]}\u201d\"\u2019'—–;:!?")

# "/3/"; two in a row ("/2//3/") are two callouts, but "2/3/61" and "611.61/2-361" are none
E2_CALLOUT_RE = re.compile(r"(?:(?<![\d/])|(?<=/\d/)|(?<=/\d\d/)|(?<=/\d\d\d/))/(\d{1,3})/"
                           r"(?=(?:/\d{1,3}/)*(?![\d/]))")
E2_BODY_RE = re.compile(r"^\s*/(\d{1,3})/\s*")


@dataclass(frozen=True)
class Candidate:
    unit: int  # which text unit (heading, block, list item) it is in
    start: int  # offset of the callout digits in that unit
    end: int
    value: int
    score: float
    run: int  # index of the digit run: one callout per run at most


def _candidates(units: list[str], limit: int, excluded: list[list[tuple[int, int]]]) -> list[Candidate]:
    out: list[Candidate] = []
    run_index = 0
    for u, text in enumerate(units):
        for m in _RUN_RE.finditer(text):
            start, end = m.span()
            if any(a < end and start < b for a, b in excluded[u]):
                continue
            follow = text[end] if end < len(text) else " "
            glued = follow.isupper() and end + 1 < len(text) and text[end + 1].islower()
            if follow not in _FOLLOW_OK and follow not in ".," and not glued:
                continue  # "22nd", "1960s", "79-S01060A": the digits belong to a word
            if follow in ".," and end + 1 < len(text) and text[end + 1].isdigit():
                continue  # "8.6", "1,000": the digits go on
            pre = text[start - 1]
            if pre in "([{$#§/\\@" or (pre == "-" and start > 1 and text[start - 2].isdigit()):
                base = 0.05
            elif pre.isalpha():
                word = re.search(r"[^\W\d_]+$", text[:start]).group(0)
                base = 0.5 if word.isupper() and len(word) <= 3 else 1.0
            elif pre in _CLOSERS:
                base = 0.5 if start > 1 and text[start - 2].isdigit() else 1.0
            elif pre.isdigit():
                base = 0.05
            else:
                base = 0.3
            rest = text[end:].lstrip()
            if glued:
                base *= 0.5  # "war.1The": the copy lost the space after a callout
            elif not rest or rest[0].isupper() or rest[0] in "(\u201c\"[":
                base += 0.3  # a sentence or the block ends here
            digits = m.group(0)
            for cut in range(len(digits)):
                suffix = digits[cut:]
                if len(suffix) > 1 and suffix[0] == "0":
                    continue
                value = int(suffix)
                if value >= limit:
                    continue
                score = base if cut == 0 else min(base, 0.3) * 0.5
                if u == 0 and value == 0 and end == len(text):
                    score += 1.0  # the source note's callout ends the heading
                out.append(Candidate(u, start + cut, end, value, score, run_index))
            run_index += 1
    return out


def align_callouts(units: list[str], count: int, excluded: list[list[tuple[int, int]]] | None = None) -> list[Candidate | None]:
    """Pick the callout of each of ``count`` notes (0-based, in order) in ``units``.

    Returns one entry per note: its Candidate, or None where no callout could
    be found in order. Maximises the notes explained, then how callout-like
    the chosen runs are. ``excluded`` ranges (page markers) are never callouts.
    """
    if count == 0:
        return []
    excluded = excluded or [[] for _ in units]
    cands = _candidates(units, count, excluded)
    # best[v] = (matched, score, candidate index) for a chain whose last value is v
    NONE = (0, 0.0, -1)
    best: list[tuple[int, float, int]] = [NONE] * count
    back: list[int] = []  # back[i] = index of the previous candidate in i's chain
    i = 0
    while i < len(cands):
        j = i
        while j < len(cands) and cands[j].run == cands[i].run:
            j += 1
        updates = []
        for idx in range(i, j):
            c = cands[idx]
            prev = max(best[: c.value], default=NONE, key=lambda t: (t[0], t[1]))
            prev = prev if prev[0] > 0 else NONE
            updates.append((c.value, (prev[0] + 1, prev[1] + c.score, idx), prev[2]))
        back.extend([-1] * (j - i))
        for value, entry, prev_idx in updates:
            back[entry[2]] = prev_idx
            if (entry[0], entry[1]) > (best[value][0], best[value][1]):
                best[value] = entry
        i = j
    top = max(best, key=lambda t: (t[0], t[1]))
    chosen: list[Candidate | None] = [None] * count
    idx = top[2]
    while idx >= 0:
        chosen[cands[idx].value] = cands[idx]
        idx = back[idx]
    return chosen
