"""Person mentions linked to a register: the tricky ones, where a wrong link is worse than none."""
from __future__ import annotations

from converters.annotate.persons import PersonMatcher, heading_roles
from converters.registers import Entry

REGISTER = [
    Entry("p_KJF1", "Kennedy, John F.", "President of the United States until November 22, 1963"),
    Entry("p_KRF1", "Kennedy, Robert F.", "Attorney General of the United States"),
    Entry("p_KFD1", "Kohler, Foy D.", "Assistant Secretary of State for European Affairs"),
    Entry("p_RD1", "Rusk, Dean", "Secretary of State"),
    Entry("p_TLEJ1", "Thompson, Llewellyn E., Jr.", "Ambassador to the Soviet Union"),
    Entry("p_RFD1", "Roosevelt, Franklin D.", "President of the United States, 1933-1945"),
    Entry("p_dGC1", "de Gaulle, Charles", "President of France"),
    Entry("p_CF1", "Castro, Fidel", "President of Cuba"),
    Entry("p_BR1", "Bowie, Robert", "Counselor"),
]


def found(text, matcher=None):
    matcher = matcher or PersonMatcher(REGISTER)
    return [(text[s.start:s.end], s.attrs.get("corresp")) for s in matcher.spans(text)]


def test_full_names_and_surnames_titles_outside():
    assert found("Secretary of State Rusk met Ambassador Thompson and Dean Rusk.") == [
        ("Rusk", "#p_RD1"), ("Thompson", "#p_TLEJ1"), ("Dean Rusk", "#p_RD1")]
    assert found("Llewellyn E. Thompson arrived.") == [("Llewellyn E. Thompson", "#p_TLEJ1")]


def test_possessive_and_sentence_start():
    assert found("A copy of Kohler's briefing memorandum. De Gaulle agreed.") == [
        ("Kohler", "#p_KFD1"), ("De Gaulle", "#p_dGC1")]


def test_places_institutions_and_attributive_uses_are_not_persons():
    assert found("He flew to Kennedy Airport for the Kennedy Round in the Roosevelt Room.") == []
    assert found("movements on the Castro model in Latin America") == []


def test_someone_else_of_that_name_is_not_linked():
    assert found("Also suggested that Eleanor Roosevelt could be appointed chairman.") == []
    assert found("Robert Roosevelt spoke.") == []  # a first name of the register opens the sentence


def test_shared_surname_title_decides_else_no_link():
    matcher = PersonMatcher(REGISTER)
    assert found("President Kennedy and Attorney General Kennedy", matcher) == [
        ("Kennedy", "#p_KJF1"), ("Kennedy", "#p_KRF1")]
    assert found("Robert Kennedy said", matcher) == [("Robert Kennedy", "#p_KRF1")]
    fresh = PersonMatcher(REGISTER)
    assert found("Mr. Kennedy said", fresh) == [("Kennedy", None)]  # no evidence: tagged, not linked


def test_the_volume_teaches_which_bearer_is_meant():
    matcher = PersonMatcher(REGISTER)
    for _ in range(3):
        matcher.learn("President Kennedy spoke.")
    assert found("Mr. Kennedy said", matcher) == [("Kennedy", "#p_KJF1")]


def test_memorandum_heading_from_and_to():
    text = "37. Memorandum From Secretary of State Rusk to President Kennedy"
    matcher = PersonMatcher(REGISTER)
    matcher.learn("President Kennedy")
    spans = matcher.spans(text)
    heading_roles(text, spans)
    assert [(text[s.start:s.end], s.attrs) for s in spans] == [
        ("Rusk", {"corresp": "#p_RD1", "type": "from"}), ("Kennedy", {"corresp": "#p_KJF1", "type": "to"})]
