"""Cross-references and abbreviations, on sentences from FRUS notes."""
from __future__ import annotations

from pathlib import Path

import pytest

from converters.annotate.refs import ref_spans
from converters.annotate.terms import TermMatcher, heading_spans
from converters.registers import read_register
from lxml import etree

SHARED = Path(__file__).resolve().parents[2].parent / "shared"


def refs(text):
    return [(text[s.start:s.end], s.kind, s.attrs) for s in ref_spans(text)]


def test_document_references():
    assert refs("See Document 32.") == [("Document 32", "ref", {"target": "#d32"})]
    assert refs("is described in Documents 41 and 42. In a") == [
        ("Documents 41", "ref", {"target": "#d41"}), ("42", "ref", {"target": "#d42"})]
    assert refs("See footnote 1, Document 13.") == [("footnote 1, Document 13", "ref", {"target": "#d13fn1"})]


def test_other_volumes_with_the_series_title_in_italics():
    text = "see Foreign Relations, 1961-1963, vol. VI, pp. 5-6."
    assert refs(text) == [("Foreign Relations, 1961-1963, vol. VI", "ref", {"target": "frus1961-63v06"}),
                          ("Foreign Relations", "hi", {"rend": "italic"})]
    text = "see Foreign Relations, 1958-1960, vol. X, Part 1, pp. 547-549."
    assert refs(text)[0] == ("Foreign Relations, 1958-1960, vol. X", "ref", {"target": "frus1958-60v10p1"})
    assert refs("For text, see Foreign Relations, 1961-1963, volume XIV, pages 16-18.")[0][2] == \
        {"target": "frus1961-63v14"}


def test_ibid_and_numbers_are_left_alone():
    assert refs("For text, see ibid., pages 59-61. Telegram 1402 of Document") == []
    assert refs("Public Papers of the Presidents, 1961, pp. 19-28.") == []


@pytest.fixture(scope="module")
def terms():
    div = etree.parse(str(SHARED / "registers" / "frus1961-63v05-terms.xml")).getroot()
    return TermMatcher(read_register(div, "terms").entries)


def glossed(matcher, text):
    return [(text[s.start:s.end], s.attrs["target"]) for s in matcher.spans(text)]


def test_terms_as_whole_tokens(terms):
    assert glossed(terms, "with which the USSR does not have (credits, MFN) will") == [
        ("USSR", "#t_USSR1"), ("MFN", "#t_MFN1")]
    assert glossed(terms, "the USSR's power") == [("USSR", "#t_USSR1")]
    assert glossed(terms, "the USSRs and the U.S.S.R. and UNESCO") == []
    assert glossed(terms, "Mr. McSweeney, Director, SOV") == [("SOV", "#t_SOV1")]


def test_one_letter_terms_only_where_nothing_else_is_meant(terms):
    assert glossed(terms, "what is in K's mind") == [("K", "#t_K1")]
    assert glossed(terms, "approved in S on February 12") == [("S", "#t_S1")]
    assert glossed(terms, "K: Who would be best") == []
    assert glossed(terms, "President of US J. Kennedy and the U.S. position") == []


def test_telegram_heading_sender_and_receiver():
    text = "32. Telegram From the Embassy in the Soviet Union to the Department of State"
    assert [(text[s.start:s.end], s.attrs) for s in heading_spans(text)] == [
        ("Embassy in the Soviet Union", {"type": "from"}), ("Department of State", {"type": "to"})]
    assert heading_spans("21. Memorandum of Conversation") == []


def test_pages_of_this_volume_and_not_of_others():
    def pages(text):
        return [(text[s.start:s.end], s.attrs["target"]) for s in ref_spans(text)
                if s.attrs.get("target", "").startswith("#pg")]
    assert pages("See page 770.") == [("page 770", "#pg_770")]
    assert pages("printed on pages 55-56 above") == [("pages 55-56", "#pg_55")]
    assert pages("Foreign Relations, 1961-1963, volume VI, pages 5-7.") == []
    assert pages("ibid., pages 59-61") == []
    assert pages("See p. 12, vol. VI") == []
    assert pages("in Public Papers, 1961, pp. 19-28.") == []
