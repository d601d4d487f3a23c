"""The FRUS document date range, ``frus:doc-dateTime-min``/``-max``, from the dateline.

The Office gives every dated document the earliest and latest moment it can
be from: a day runs from 00:00:00 to 23:59:59, a time is both ends, a time
range ("4:30–5:10 p.m.") its two ends, a month its first and last day. The
Office writes these with the offset -05:00 whatever the season or the place
(Volume IX, document 317: "1962-09-05T00:00:00-05:00"), and so does frus-tei.
"""
from __future__ import annotations

import calendar
import re

from ..model import Dateline, Document

OFFSET = "-05:00"


def document_dates(doc: Document) -> tuple[str, str] | None:
    """(min, max) for the document's dateline, or None when it is undated or has none."""
    dateline = next((b for b in doc.blocks if isinstance(b, Dateline)), None)
    if dateline is None:
        return None
    spans = {s.kind: s.attrs for s in dateline.content.spans if s.kind in ("date", "time")}
    date, time = spans.get("date", {}), spans.get("time", {})
    if "when" in date:
        low, high = _bounds(date["when"])
    elif "from" in date and "to" in date:
        low, high = _bounds(date["from"])[0], _bounds(date["to"])[1]
    else:
        return None
    if low is None or high is None:
        return None
    day = low[:10]
    if "from" in time and "to" in time and low[:10] == high[:10]:
        low, high = f"{day}T{time['from']}", f"{day}T{time['to']}"
    elif "when" in time and low[:10] == high[:10]:
        low = high = f"{day}T{time['when']}"
    return low + OFFSET, high + OFFSET


def _bounds(when: str) -> tuple[str | None, str | None]:
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}", when):
        return when, when
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", when):
        return f"{when}T00:00:00", f"{when}T23:59:59"
    if re.fullmatch(r"\d{4}-\d{2}", when):
        year, month = int(when[:4]), int(when[5:])
        last = calendar.monthrange(year, month)[1]
        return f"{when}-01T00:00:00", f"{when}-{last:02d}T23:59:59"
    return None, None
