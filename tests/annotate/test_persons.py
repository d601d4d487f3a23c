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


def test_possessives_in_every_apostrophe():
    for apostrophe in ("'", "\u2019", "\u02bc"):  # the web copy writes Kohlerʼs with U+02BC
        assert found(f"A copy of Kohler{apostrophe}s briefing memorandum") == [("Kohler", "#p_KFD1")]


def test_a_sentence_before_the_name_is_no_first_name():
    assert found("to work out a settlement in Laos. Thompson replied that") == [("Thompson", "#p_TLEJ1")]


def test_the_document_names_the_bearer_in_full_then_by_surname():
    matcher = PersonMatcher(REGISTER)
    for _ in range(3):
        matcher.learn("President Kennedy spoke.")  # the volume is mostly about the President
    matcher.begin_document()
    assert found("conversations with Robert Kennedy. He expects to see Mr. Kennedy again", matcher) == [
        ("Robert Kennedy", "#p_KRF1"), ("Kennedy", "#p_KRF1")]
    matcher.begin_document()  # the next document starts afresh
    assert found("He expects to see Mr. Kennedy again", matcher) == [("Kennedy", "#p_KJF1")]


def test_a_title_that_fits_none_of_the_bearers_leaves_the_link_out():
    matcher = PersonMatcher(REGISTER)
    for _ in range(3):
        matcher.learn("President Kennedy spoke.")
    assert found("a visit to Senator Kennedy", matcher) == [("Kennedy", None)]


def test_a_presidential_library_is_the_presidents():
    assert found("Source: Kennedy Library, National Security Files") == [("Kennedy", "#p_KJF1")]
    register = REGISTER + [Entry("p_JLB1", "Johnson, Lyndon B.", "Vice President of the United States until "
                                 "November 22, 1963; thereafter President")]
    assert found("Source: Johnson Library, National Security File", PersonMatcher(register)) == []


def test_familiar_first_names():
    register = REGISTER + [Entry("p_BCB1", "Bowles, Chester B.", "Under Secretary of State")]
    assert found("please pass this on to Chet Bowles", PersonMatcher(register)) == [("Bowles", "#p_BCB1")]


def test_titles_in_a_given_name_are_not_a_full_name():
    register = [Entry("p_SPN1", "Sihanouk, Prince Norodom", "Chief of State of Cambodia")]
    assert found("the call by Prince Sihanouk", PersonMatcher(register)) == [("Sihanouk", "#p_SPN1")]


def test_names_at_line_breaks_and_in_footnotes_are_found_in_a_conversion():
    from lxml import etree
    from converters import ConvertOptions, convert_text
    from converters.tei.names import TEI
    text = ("21. Memorandum of Conversation0\n\n"
            "Washington, February 1, 1961.\n\n"
            "The Secretary said that Ambassador\nThompson would see Chairman\nKhrushchev, and that Kohlerʼs"
            " views were known.1\n\n"
            "  1. Source: Department of State, Central Files. Drafted by Kohler.\n"
            "  2. Thompson reported on February 2; see Document 32.\n")
    report = convert_text(text, "t.txt", ConvertOptions(volume_id="frus1961-63v05", style="webcopy"))
    assert report.outputs, [str(p) for p in report.problems]
    root = etree.fromstring(report.outputs[0].xml)
    doc = root.find(f".//{{{TEI}}}div[@type='document']")
    names = [("".join(p.itertext()), p.getparent().tag.split("}")[1]) for p in doc.iter(f"{{{TEI}}}persName")]
    assert ("Thompson", "p") in names and ("Khrushchev", "p") in names and ("Kohler", "p") in names
    assert ("Kohler", "note") in names and ("Thompson", "note") in names
    ids = {p.get("corresp") for p in doc.iter(f"{{{TEI}}}persName") if "".join(p.itertext()) == "Thompson"}
    assert len(ids) == 1 and None not in ids  # one person, one id, in text and note alike
