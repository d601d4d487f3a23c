"""Tests for converters.readers.datelines: span texts, kinds and attributes."""
from __future__ import annotations

import pytest

from converters.model import Span
from converters.readers.datelines import dateline_spans, is_dateline


def marked(text: str) -> list[tuple[str, str, dict[str, str]]]:
    """(span text, kind, attrs) for each span, checking order and no overlap."""
    spans = dateline_spans(text)
    assert spans is not None, text
    assert all(isinstance(s, Span) for s in spans)
    for before, after in zip(spans, spans[1:]):
        assert before.end <= after.start
    return [(text[s.start : s.end], s.kind, s.attrs) for s in spans]


def place(name: str) -> tuple[str, str, dict[str, str]]:
    return (name, "placeName", {})


# Every dateline in the gold seeds and devset v05, as the gold marks it up
# (the gold's calendar="gregorian" on d317 is not the reader's business).
GOLD = [
    ("Washington, February 3, 1961, 4:30-5:10 p.m.",  # seeds d21
     [place("Washington"), ("February 3, 1961", "date", {"when": "1961-02-03"}),
      ("4:30-5:10 p.m.", "time", {"from": "16:30:00", "to": "17:10:00"})]),
    ("Washington, September 5, 1962.",  # seeds d317
     [place("Washington"), ("September 5, 1962", "date", {"when": "1962-09-05"})]),
    ("Moscow, February 18, 1961, 7 p.m.",  # seeds d32
     [place("Moscow"), ("February 18, 1961, 7 p.m.", "date", {"when": "1961-02-18T19:00:00"})]),
    ("Washington, February 26, 1961.",  # seeds d37
     [place("Washington"), ("February 26, 1961", "date", {"when": "1961-02-26"})]),
    ("Moscow, March 10, 1961, 5 p.m.",  # seeds d43
     [place("Moscow"), ("March 10, 1961, 5 p.m.", "date", {"when": "1961-03-10T17:00:00"})]),
    ("Washington, December 1, 1960.",  # v05 d1
     [place("Washington"), ("December 1, 1960", "date", {"when": "1960-12-01"})]),
    ("Washington, January 5, 1961.",  # v05 d2
     [place("Washington"), ("January 5, 1961", "date", {"when": "1961-01-05"})]),
    ("Washington, January 12, 1961.",  # v05 d3
     [place("Washington"), ("January 12, 1961", "date", {"when": "1961-01-12"})]),
    ("Washington, January 13, 1961.",  # v05 d4
     [place("Washington"), ("January 13, 1961", "date", {"when": "1961-01-13"})]),
    ("Washington, January 17, 1961.",  # v05 d6
     [place("Washington"), ("January 17, 1961", "date", {"when": "1961-01-17"})]),
    ("Washington, January 18, 1961.",  # v05 d8
     [place("Washington"), ("January 18, 1961", "date", {"when": "1961-01-18"})]),
    ("Moscow, January 21, 1961, 4 p.m.",  # v05 d9
     [place("Moscow"), ("January 21, 1961, 4 p.m.", "date", {"when": "1961-01-21T16:00:00"})]),
    ("Moscow, January 21, 1961, 7 p.m.",  # v05 d10
     [place("Moscow"), ("January 21, 1961, 7 p.m.", "date", {"when": "1961-01-21T19:00:00"})]),
]


@pytest.mark.parametrize("text, expected", GOLD, ids=[t for t, _ in GOLD])
def test_gold_datelines(text: str, expected: list) -> None:
    assert marked(text) == expected
    assert is_dateline(text)


def test_spans_are_offsets_into_the_line() -> None:
    assert dateline_spans("Washington, February 26, 1961.") == [
        Span(0, 10, "placeName", {}),
        Span(12, 29, "date", {"when": "1961-02-26"}),
    ]


def test_final_full_stop_stays_outside() -> None:
    text = "Washington, February 26, 1961."
    spans = dateline_spans(text)
    assert spans is not None and spans[-1].end == len(text) - 1


@pytest.mark.parametrize(
    "text, name",
    [
        ("New York, March 1, 1961.", "New York"),
        ("Key West, Florida, March 26, 1961.", "Key West, Florida"),
        ("Mexico City, June 30, 1962, 10 a.m.", "Mexico City"),
        ("Rio de Janeiro, May 2, 1961.", "Rio de Janeiro"),
        ("Washington, D.C., May 2, 1961.", "Washington, D.C."),
        ("  Washington, February 26, 1961.  ", "Washington"),
    ],
)
def test_places(text: str, name: str) -> None:
    assert marked(text)[0] == place(name)


@pytest.mark.parametrize(
    "text",
    ["[Washington,] February 3, 1961.", "[Washington], February 3, 1961.", "[Washington, ] February 3, 1961."],
)
def test_bracketed_editorial_place(text: str) -> None:
    assert marked(text) == [place("Washington"), ("February 3, 1961", "date", {"when": "1961-02-03"})]


def test_place_may_be_absent() -> None:
    assert marked("February 3, 1961.") == [("February 3, 1961", "date", {"when": "1961-02-03"})]


@pytest.mark.parametrize(
    "time, when",
    [
        ("7 p.m.", "19:00:00"),
        ("12:15 a.m.", "00:15:00"),
        ("noon", "12:00:00"),
        ("12 noon", "12:00:00"),
        ("midnight", "00:00:00"),
        ("10 a.m.", "10:00:00"),
        ("4:30 p.m.", "16:30:00"),
        ("12 p.m.", "12:00:00"),
        ("7 p.m", "19:00:00"),
        ("7 pm", "19:00:00"),
        ("7 P.M.", "19:00:00"),
        ("7p.m.", "19:00:00"),
        ("9:05am", "09:05:00"),
    ],
)
def test_single_time_joins_the_date(time: str, when: str) -> None:
    text = f"Moscow, February 18, 1961, {time}"
    assert marked(text) == [place("Moscow"), (f"February 18, 1961, {time}", "date", {"when": f"1961-02-18T{when}"})]


def test_pm_without_dots_leaves_the_final_stop_outside() -> None:
    assert marked("Moscow, February 18, 1961, 7 pm.")[1][0] == "February 18, 1961, 7 pm"


def test_webcopy_double_hyphen_before_time() -> None:
    assert marked("Washington, June 1, 1961--7:42 p.m.")[1] == (
        "June 1, 1961--7:42 p.m.", "date", {"when": "1961-06-01T19:42:00"})


@pytest.mark.parametrize(
    "time, start, end",
    [
        ("4:30-5:10 p.m.", "16:30:00", "17:10:00"),
        ("4:30\u20135:10 p.m.", "16:30:00", "17:10:00"),
        ("4:30--5:10 p.m.", "16:30:00", "17:10:00"),
        ("11 a.m.-12:30 p.m.", "11:00:00", "12:30:00"),
        ("9:30 a.m.-noon", "09:30:00", "12:00:00"),
        ("11-1 p.m.", "11:00:00", "13:00:00"),
        ("11:30-noon", "11:30:00", "12:00:00"),
        ("10-midnight", "22:00:00", "00:00:00"),
        ("10:15-11:45 a.m.", "10:15:00", "11:45:00"),
    ],
)
def test_time_range_is_a_separate_span(time: str, start: str, end: str) -> None:
    text = f"Washington, February 3, 1961, {time}"
    assert marked(text) == [
        place("Washington"),
        ("February 3, 1961", "date", {"when": "1961-02-03"}),
        (time, "time", {"from": start, "to": end}),
    ]


def test_range_attrs_order() -> None:
    spans = dateline_spans("Washington, February 3, 1961, 4:30-5:10 p.m.")
    assert spans is not None and list(spans[2].attrs) == ["from", "to"]


@pytest.mark.parametrize(
    "text, date_text, attrs",
    [
        ("Washington, January 1961.", "January 1961", {"when": "1961-01"}),
        ("Washington, January 5-6, 1961.", "January 5-6, 1961", {"from": "1961-01-05", "to": "1961-01-06"}),
        ("Washington, January 5\u20136, 1961.", "January 5\u20136, 1961", {"from": "1961-01-05", "to": "1961-01-06"}),
        ("Washington, January 30-February 1, 1961.", "January 30-February 1, 1961",
         {"from": "1961-01-30", "to": "1961-02-01"}),
        ("London, 2 January 1961.", "2 January 1961", {"when": "1961-01-02"}),
        ("Washington, Jan. 5, 1961.", "Jan. 5, 1961", {"when": "1961-01-05"}),
        ("Washington, Sept. 5, 1962.", "Sept. 5, 1962", {"when": "1962-09-05"}),
        ("Washington, Sep 5, 1962.", "Sep 5, 1962", {"when": "1962-09-05"}),
        ("Washington, February 29, 1960.", "February 29, 1960", {"when": "1960-02-29"}),
        ("Washington, undated.", "undated", {}),
    ],
)
def test_partial_and_other_dates(text: str, date_text: str, attrs: dict[str, str]) -> None:
    assert marked(text)[-1] == (date_text, "date", attrs)
    assert list(marked(text)[-1][2]) == list(attrs)


def test_undated_alone() -> None:
    assert marked("Undated") == [("Undated", "date", {})]
    assert marked("Undated.") == [("Undated", "date", {})]


def test_date_range_with_time_keeps_time_apart() -> None:
    assert marked("Vienna, June 3-4, 1961, 10 a.m.") == [
        place("Vienna"),
        ("June 3-4, 1961", "date", {"from": "1961-06-03", "to": "1961-06-04"}),
        ("10 a.m.", "time", {"when": "10:00:00"}),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Soviet Crab Meat",
        "1967. Department pass Secretary Commerce.",
        "The meeting on February 21, 1961, was long.",
        "PART II",
        "Thompson",
        "",
        "On February 27, 1961, Walter J. Stoessel, Director of the Office of Soviet Union Affairs, sent",
        "On February 27, 1961.",
        "Washington, February 30, 1961.",
        "Washington, February 29, 1961.",
        "Washington, Smarch 3, 1961.",
        "Washington, February 26, 1961. Secret.",
        "Washington, February 26, 1961./1/",
        "Washington, February 18, 1961, 7",
        "Washington, February 18, 1961, 13 p.m.",
        "Washington, February 18, 1961, 7:75 p.m.",
        "Washington, January 1961, 7 p.m.",
        "Washington, undated, 7 p.m.",
        "Washington, January 6-5, 1961.",
        "One Two Three Four Five Six, February 3, 1961.",
        "Washington February 3, 1961.",
        "In Washington, February 3, 1961.".lower(),
        "At a meeting in Washington, February 3, 1961.",
        "[Washington,] February 3, 1961, and more",
        "Washington, " + "x" * 120 + ", February 3, 1961.",
        "Washington, February 3, 1961.\nSecond line",
        "In a letter to Chairman Khrushchev, February 22, 1961, President Kennedy expressed the hope",
    ],
)
def test_not_datelines(text: str) -> None:
    assert dateline_spans(text) is None
    assert not is_dateline(text)
