"""A persons register built from the documents when none is given: what counts as a cue, what never does."""
from __future__ import annotations

from converters import ConvertOptions, convert_text
from converters.annotate.discover import discover_persons


def register_of(text: str):
    report = convert_text(text, "t.txt", ConvertOptions(volume_id="frus1961-63v05", style="webcopy"))
    assert report.outputs, [str(p) for p in report.problems]
    volume = report.outputs[0].volume
    return volume, discover_persons(volume.documents)


def doc(body: str, head: str = "Memorandum of Conversation") -> str:
    return f"21. {head}0\n\n{body}\n\n  1. Source: Department of State, Central Files. Secret.\n"


def names(register) -> dict[str, str]:
    return {e.name: e.id for e in register.entries}


def test_titles_participants_and_speech_name_persons():
    _, register = register_of(doc(
        "Ambassador Thompson saw Deputy Premier Mikoyan and Mr. Dillon. Secretary of State Rusk called "
        "Soviet Ambassador Mikhail A. Menshikov in. Later Menshikov said that Gromyko told Messrs. "
        "Harriman and Bowles nothing."))
    assert names(register) == {
        "Bowles": "p_B1", "Dillon": "p_D1", "Gromyko": "p_G1", "Harriman": "p_H1",
        "Menshikov, Mikhail A.": "p_MMA1", "Mikoyan": "p_M1", "Rusk": "p_R1", "Thompson": "p_T1"}


def test_one_person_one_id_across_forms():
    volume, register = register_of(doc(
        "Mikhail A. Menshikov came. Ambassador Menshikov said that Menshikov's government agreed."))
    assert names(register) == {"Menshikov, Mikhail A.": "p_MMA1"}
    entry = register.entries[0]
    assert entry.variants == ("Mikhail A. Menshikov", "Menshikov")
    links = [s.attrs.get("corresp") for d in volume.documents for b in d.blocks
             for s in getattr(getattr(b, "content", None), "spans", []) if s.kind == "persName"]
    assert links == ["#p_MMA1"] * 3


def test_words_that_are_no_names():
    _, register = register_of(doc(
        "The President's Checklist reached the General Assembly. Soviet Union and Germany and Laos were "
        "discussed. The Secretary said the Department told the Embassy. President of the Occidental Petroleum "
        "Corporation was there. He said so; Mr. President, I agree. Ambassador, we see."))
    assert register.entries == []


def test_a_word_the_volume_uses_in_lower_case_is_no_surname():
    _, register = register_of(doc("General Agreement was reached; the general agreement held. General Clay came."))
    assert names(register) == {"Clay": "p_C1"}


def test_shared_surnames_keep_their_bearers_apart():
    _, register = register_of(doc(
        "John F. Kennedy and Robert Kennedy met. Chester B. Bowles and Chet Bowles are one man."))
    assert names(register) == {"Bowles, Chester B.": "p_BCB1", "Kennedy, John F.": "p_KJF1",
                               "Kennedy, Robert": "p_KR1"}


def test_heading_office_holders_and_drafters():
    _, register = register_of(
        "21. Memorandum From the Under Secretary of State (Bowles) to President Kennedy0\n\n"
        "Text here.\n\n  1. Source: Department of State, Central Files. Drafted by McSweeney.\n")
    assert set(names(register)) == {"Bowles", "Kennedy", "McSweeney"}


def test_ids_do_not_depend_on_document_order():
    a = doc("Ambassador Thompson and Mr. Taylor met.")
    _, first = register_of(a)
    _, second = register_of(doc("Mr. Taylor and Ambassador Thompson met."))
    assert names(first) == names(second) == {"Taylor": "p_T1", "Thompson": "p_T2"}
