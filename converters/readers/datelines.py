"""Recognise a dateline ("Moscow, February 18, 1961, 7 p.m.") and mark it up.

A dateline is one short line: an optional place, a date, an optional clock
time or time range, an optional final ".". The result is standoff spans
(placeName, date, time) over the line as written, so the TEI writer can nest
them without re-reading the text. Anything else, above all a sentence that
merely contains a date, gives None: a false dateline would move a paragraph
out of the body, which is worse than missing one.
"""
from __future__ import annotations

import re
from datetime import date

from converters.model import Span

MAX_LENGTH = 120  # FRUS datelines are short; longer lines are prose.
MAX_PLACE_WORDS = 5
# Lowercase words allowed inside a place name ("Rio de Janeiro").
CONNECTORS = frozenset(
    "de del da do dos das di du des la le les of the upon on am an y van von der al el".split()
)

_MONTHS = {
    name[:3].lower(): number
    for number, name in enumerate(
        "January February March April May June July August September October November December".split(),
        start=1,
    )
}
_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Sept\.?|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\.?)"
)
_DASH = r"(?:--|[-\u2013\u2014])"
_MER = r"(?:[ap]\.\s?m\.?|[ap]m\b)"  # "p.m." keeps its dot; "pm." leaves it.
_CLOCK = rf"(?:(?:12\s*)?(?:noon|midnight)|\d{{1,2}}(?::\d{{2}})?(?:\s*{_MER})?)"

_LINE = re.compile(
    rf"""
    \s*
    (?:\[\s*(?P<bplace>[^\[\]]+?)\s*,?\s*\]\s*,?\s*   # [Washington,]
      |(?P<place>[^\[\]]+?)\s*,\s*)?                   # Key West, Florida,
    (?P<date>
        (?P<rm1>{_MONTH})\s*(?P<rd1>\d{{1,2}})\s*{_DASH}\s*(?:(?P<rm2>{_MONTH})\s*)?(?P<rd2>\d{{1,2}}),\s*(?P<ry>\d{{4}})
      | (?P<m>{_MONTH})\s*(?P<d>\d{{1,2}}),\s*(?P<y>\d{{4}})
      | (?P<dd>\d{{1,2}})\s+(?P<dm>{_MONTH})\s*,?\s*(?P<dy>\d{{4}})
      | (?P<mm>{_MONTH})\s*,?\s*(?P<my>\d{{4}})
      | (?P<undated>undated)
    )
    (?:(?:\s*,\s*|\s*{_DASH}\s*|\s+)
       (?P<time>(?P<t1>{_CLOCK})(?:\s*{_DASH}\s*(?P<t2>{_CLOCK}))?))?
    \s*\.?\s*
    """,
    re.VERBOSE | re.IGNORECASE,
)
_ATOM = re.compile(
    rf"(?:12\s*)?(?P<word>noon|midnight)|(?P<h>\d{{1,2}})(?::(?P<mi>\d{{2}}))?\s*(?P<mer>{_MER})?",
    re.IGNORECASE,
)
_PLACE_WORD = re.compile(r"[^\W\d_][\w.'\u2019-]*")


def dateline_spans(text: str) -> list[Span] | None:
    """Spans for a dateline line, or None if `text` is not a dateline."""
    if len(text) > MAX_LENGTH or "\n" in text.strip():
        return None
    found = _LINE.fullmatch(text)
    if not found:
        return None
    spans: list[Span] = []
    place = "bplace" if found.group("bplace") is not None else "place"
    if found.group(place) is not None:
        if not _plausible_place(found.group(place)):
            return None
        spans.append(Span(found.start(place), found.end(place), "placeName"))

    day, date_attrs = _date(found)
    if date_attrs is None:
        return None
    time = found.group("time")
    if time is None:
        spans.append(Span(found.start("date"), found.end("date"), "date", date_attrs))
        return spans
    if day is None and "from" not in date_attrs:  # "January 1961, 7 p.m." is not a dateline.
        return None
    if found.group("t2") is None:
        clock = _single(found.group("t1"))
        if clock is None:
            return None
        if day is not None:  # The time joins the date: when="1961-02-18T19:00:00".
            spans.append(Span(found.start("date"), found.end("time"), "date", {"when": f"{day}T{clock}"}))
            return spans
        time_attrs = {"when": clock}
    else:
        bounds = _range(found.group("t1"), found.group("t2"))
        if bounds is None:
            return None
        time_attrs = {"from": bounds[0], "to": bounds[1]}
    spans.append(Span(found.start("date"), found.end("date"), "date", date_attrs))
    spans.append(Span(found.start("time"), found.end("time"), "time", time_attrs))
    return spans


def is_dateline(text: str) -> bool:
    """True if `text` is a dateline line (see `dateline_spans`)."""
    return dateline_spans(text) is not None


def _plausible_place(place: str) -> bool:
    """A short run of capitalised words: guards against prose before a date."""
    words = [w for w in re.split(r"[\s,]+", place.strip()) if w]
    if not words or len(words) > MAX_PLACE_WORDS or not words[0][0].isupper():
        return False
    return all(
        _PLACE_WORD.fullmatch(w) and (w[0].isupper() or w in CONNECTORS) for w in words
    )


def _month(name: str) -> int:
    return _MONTHS[name[:3].lower()]


def _iso(year: str, month: str, day: str) -> str | None:
    """ISO date, or None for an impossible one (February 30)."""
    try:
        return date(int(year), _month(month), int(day)).isoformat()
    except ValueError:
        return None


def _date(found: re.Match[str]) -> tuple[str | None, dict[str, str] | None]:
    """The ISO day (if one day is named) and the date span's attributes."""
    if found.group("undated"):
        return None, {}
    if found.group("rd1"):
        start = _iso(found.group("ry"), found.group("rm1"), found.group("rd1"))
        end = _iso(found.group("ry"), found.group("rm2") or found.group("rm1"), found.group("rd2"))
        if start is None or end is None or start >= end:
            return None, None
        return None, {"from": start, "to": end}
    if found.group("mm"):
        return None, {"when": f"{int(found.group('my')):04d}-{_month(found.group('mm')):02d}"}
    if found.group("m"):
        day = _iso(found.group("y"), found.group("m"), found.group("d"))
    else:
        day = _iso(found.group("dy"), found.group("dm"), found.group("dd"))
    return (day, {"when": day}) if day else (None, None)


def _clock(text: str) -> tuple[int, int, str | None] | None:
    """(hour, minute, meridiem) with meridiem "a", "p" or None if unstated.

    Noon and midnight are given as 12 p.m. and 12 a.m.
    """
    atom = _ATOM.fullmatch(text.strip())
    if atom is None:
        return None
    if atom.group("word"):
        return (12, 0, "p") if atom.group("word").lower() == "noon" else (12, 0, "a")
    hour, minute = int(atom.group("h")), int(atom.group("mi") or 0)
    if not 1 <= hour <= 12 or minute > 59:
        return None
    mer = atom.group("mer")
    return hour, minute, mer[0].lower() if mer else None


def _minutes(hour: int, minute: int, mer: str) -> int:
    return (hour % 12 + (12 if mer == "p" else 0)) * 60 + minute


def _hms(minutes: int) -> str:
    return f"{minutes // 60 % 24:02d}:{minutes % 60:02d}:00"


def _single(text: str) -> str | None:
    """A lone clock time as HH:MM:SS; a bare "7" is too ambiguous to accept."""
    clock = _clock(text)
    if clock is None or clock[2] is None:
        return None
    return _hms(_minutes(clock[0], clock[1], clock[2]))


def _range(first: str, second: str) -> tuple[str, str] | None:
    """("from", "to") for a time range; a bare start borrows the end's meridiem.

    FRUS writes "4:30-5:10 p.m." for 16:30-17:10, but "11-1 p.m." means 11 a.m.,
    so the borrowed meridiem is kept only if the start stays before the end.
    """
    start, end = _clock(first), _clock(second)
    if start is None or end is None or end[2] is None:
        return None
    # A range ending at midnight ends the day: compare as 24:00, borrow "p.m.".
    is_midnight = "midnight" in second.lower()
    end_minutes = 24 * 60 if is_midnight else _minutes(end[0], end[1], end[2])
    end_mer = "p" if is_midnight else end[2]
    if start[2] is not None:
        start_minutes = _minutes(start[0], start[1], start[2])
    else:
        start_minutes = _minutes(start[0], start[1], end_mer)
        if start_minutes > end_minutes:
            start_minutes = _minutes(start[0], start[1], "a" if end_mer == "p" else "p")
    return _hms(start_minutes), _hms(end_minutes)
