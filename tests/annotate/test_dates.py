"""frus:doc-dateTime-min/-max from the dateline, as the Office writes them."""
from __future__ import annotations

import pytest

from converters.annotate.dates import document_dates
from converters.model import Dateline, Document, Inline, Where
from converters.readers.datelines import dateline_spans


def dated(line: str) -> tuple[str, str] | None:
    spans = dateline_spans(line)
    assert spans is not None, line
    doc = Document(1, Inline("1. Telegram"), [Dateline(Inline(line, spans=spans))], Where("t"))
    return document_dates(doc)


@pytest.mark.parametrize("line, expected", [
    ("Washington, September 5, 1962.", ("1962-09-05T00:00:00-05:00", "1962-09-05T23:59:59-05:00")),  # gold d317
    ("Moscow, February 18, 1961, 7 p.m.", ("1961-02-18T19:00:00-05:00", "1961-02-18T19:00:00-05:00")),
    ("Washington, February 1, 1961, 4:30-5:10 p.m.", ("1961-02-01T16:30:00-05:00", "1961-02-01T17:10:00-05:00")),
    ("Washington, February 1961.", ("1961-02-01T00:00:00-05:00", "1961-02-28T23:59:59-05:00")),
])
def test_the_range_a_dateline_allows(line, expected):
    assert dated(line) == expected


def test_no_dateline_no_range():
    assert document_dates(Document(1, Inline("1. Editorial Note"), [], Where("t"))) is None
