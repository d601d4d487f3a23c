"""Web copy callouts: digits fused to the text before them, counted from 0.

Callout k is the (k+1)-th item of the note list at the end; note/@n is k+1
(k with note_base=0), xml:id d{N}fn{n}. Each test checks exactly which digits
became notes and that every other digit stayed in the text.
"""
from __future__ import annotations

from lxml import etree

from conftest import (T, XML_ID, convert, flat, notes_of, only_document, problems, sample, text_of)
from converters.pipeline import ConvertOptions, convert_files


def paragraphs(div) -> list:
    return div.findall(T("p"))


NUMBERS_TEXT = """\
21. Memorandum of Conversation0

(1) On March 21 the Secretary met Ambassador Bruce.1 They spoke of 1,000 tourists and 40-50 million dollars of trade (see 611.61/2-361).2

(2) Telegram 1706 reported the RB-47 case.3 See Document 316. Trade rose 8.6 percent.4 He saidUSSR had lived 200 years without it.5

(3) In telegram 2065 from Moscow on March 3 he named 4 points.6 The 1965 plan.7

  1. Source: Department of State, Central Files, 611.61/2-361. Confidential.
  2. Note one.
  3. Note two.
  4. Note three.
  5. Note four.
  6. Note five.
  7. Note six.
  8. Note seven.
"""


def test_numbers_of_the_text_are_not_callouts():
    report = convert(NUMBERS_TEXT)
    div = only_document(report)
    assert flat(div.find(T("head"))) == "21. Memorandum of Conversation{1}"
    p1, p2, p3 = paragraphs(div)
    assert flat(p1) == ("(1) On March 21 the Secretary met Ambassador Bruce.{2} They spoke of 1,000 tourists "
                        "and 40-50 million dollars of trade (see 611.61/2-361).{3}")
    assert flat(p2) == ("(2) Telegram 1706 reported the RB-47 case.{4} See Document 316. Trade rose 8.6 percent.{5} "
                        "He said USSR had lived 200 years without it.{6}")
    assert flat(p3) == "(3) In telegram 2065 from Moscow on March 3 he named 4 points.{7} The 1965 plan.{8}"
    bodies = [text_of(n) for n in notes_of(div)]
    assert bodies[1:] == ["Note one.", "Note two.", "Note three.", "Note four.", "Note five.", "Note six.",
                          "Note seven."]
    assert [n.get(XML_ID) for n in notes_of(div)] == [f"d21fn{i}" for i in range(1, 9)]
    assert report.problems == []


def test_only_the_callouts_the_note_list_asks_for_are_taken():
    # two notes: the source note's callout and one more; every other digit is text
    text = ("32. Telegram From the Embassy in the Soviet Union to the Department of State0\n\n"
            "1967. Department pass Secretary Commerce. Embtel 1958. On March 21 he spoke of 1,000 visitors, "
            "(1) crab meat and (2) the RB-47 fliers.1 Document 316. Prices rose 8.6 percent in 200 years.\n\n"
            "  1. Source: Department of State, Central Files, 032 Hammer, Armand. Confidential.\n"
            "  2. Telegram 1958, February 17, reported the visit.\n")
    div = only_document(convert(text))
    assert flat(div.find(T("p"))) == (
        "1967. Department pass Secretary Commerce. Embtel 1958. On March 21 he spoke of 1,000 visitors, "
        "(1) crab meat and (2) the RB-47 fliers.{2} Document 316. Prices rose 8.6 percent in 200 years.")
    assert len(notes_of(div)) == 2


def test_callout_after_closing_quote():
    text = ("5. Memorandum From Rusk to Kennedy0\n\n"
            "He met Ambassador Bruce.1 The aide-memoire2 was read. Khrushchev said: \u201cJust treat us as "
            "you did the British and we will be satisfied.\u201d3 Then he left.\n\n"
            "  1. Source: Foo.\n  2. Two.\n  3. Three.\n  4. On the quotation.\n")
    report = convert(text)
    div = only_document(report)
    assert flat(div.find(T("p")), note_text=True) == (
        "He met Ambassador Bruce.{2:Two.} The aide-memoire{3:Three.} was read. Khrushchev said: \u201cJust "
        "treat us as you did the British and we will be satisfied.\u201d{4:On the quotation.} Then he left.")
    assert report.problems == []


def test_callouts_after_closing_quote_and_parenthesis():
    text = ("5. Memorandum From Rusk to Kennedy0\n\n"
            "He said they would be \u201csatisfied.\u201d1 The record says so (ibid.)2 and more.\n\n"
            "  1. Source: Foo.\n  2. On the quotation.\n  3. On the record.\n")
    report = convert(text)
    div = only_document(report)
    assert flat(div.find(T("p")), note_text=True) == (
        "He said they would be \u201csatisfied.\u201d{2:On the quotation.} "
        "The record says so (ibid.){3:On the record.} and more.")
    assert report.problems == []


def test_callout_fused_to_a_telegram_number_is_decided_by_the_note_count():
    body = "Reference telegram 17061 from Moscow about the fliers.\n\n"
    two_notes = convert("43. Telegram From Moscow0\n\n" + body + "  1. Source: Foo.\n  2. Telegram 1706 is not printed.\n")
    div = only_document(two_notes)
    assert flat(div.find(T("p")), note_text=True) == (
        "Reference telegram 1706{2:Telegram 1706 is not printed.} from Moscow about the fliers.")
    assert two_notes.problems == []

    one_note = convert("43. Telegram From Moscow0\n\n" + body + "  1. Source: Foo.\n")
    div = only_document(one_note)
    assert flat(div.find(T("p"))) == "Reference telegram 17061 from Moscow about the fliers."


def test_callout_fused_to_a_number_when_a_later_callout_follows():
    text = ("43. Telegram From Moscow0\n\n"
            "Reference telegram 17061 from Moscow. Hammer2 had told Khrushchev.\n\n"
            "  1. Source: Foo.\n  2. Not printed.\n  3. See Document 32.\n")
    div = only_document(convert(text))
    assert flat(div.find(T("p"))) == "Reference telegram 1706{2} from Moscow. Hammer{3} had told Khrushchev."


def test_page_marker_digits_are_never_callouts():
    # the list asks for callout 1, which is not in the text; "[Page 21]" must not supply it
    text = ("21. Memorandum of Conversation0\n\n"
            "A drive [Page 21] from Leningrad to the Crimea. Ambassador Bruce.2 Done.\n\n"
            "  1. Source: Foo.\n  2. Orphan.\n  3. Two.\n")
    report = convert(text)
    div = only_document(report)
    p = div.find(T("p"))
    assert p.find(T("pb")).get("n") == "21"
    assert "A drive |pb 21|from Leningrad to the Crimea. Ambassador Bruce.{3} Done." in flat(p)
    assert [p.line for p in problems(report, "note-without-callout")] == [6]


def test_note_numbers_from_one_by_default_and_from_zero_on_request():
    text = ("317. Letter From Rusk to Hodges0\n\n"
            "This is in response to your letter.1 We have sent a draft.2\n\n"
            "  1. Source: Foo.\n  2. Two.\n  3. Three.\n")
    one = only_document(convert(text))
    assert [(n.get("n"), n.get(XML_ID)) for n in notes_of(one)] == [
        ("1", "d317fn1"), ("2", "d317fn2"), ("3", "d317fn3")]
    assert notes_of(one)[0].get("type") == "source"
    zero = only_document(convert(text, note_base=0))
    assert [(n.get("n"), n.get(XML_ID)) for n in notes_of(zero)] == [
        ("0", "d317fn0"), ("1", "d317fn1"), ("2", "d317fn2")]
    assert [text_of(n) for n in notes_of(zero)] == ["Source: Foo.", "Two.", "Three."]
    assert notes_of(zero)[0].get("type") == "source"


def test_volume_ix_sample_numbers_notes_from_zero_by_its_manifest():
    report = convert_files([sample("004")], ConvertOptions())
    root = etree.fromstring(report.outputs[0].xml)
    assert root.get(XML_ID) == "frus1961-63v09"
    assert [n.get(XML_ID) for n in root.iter(T("note")) if n.get(XML_ID)] == [
        "d317fn0", "d317fn1", "d317fn2", "d317fn3", "d317fn4"]


def test_note_without_callout_is_kept_and_reported():
    text = ("21. Memorandum of Conversation0\n\n"
            "First paragraph, calling note one.1\n\n"
            "Second paragraph, which calls nothing.\n\n"
            "  1. Source: Foo.\n"
            "  2. Note one.\n"
            "  3. An orphan note body that nothing calls.\n")
    report = convert(text, name="orphan.txt")
    found = problems(report, "note-without-callout")
    assert len(found) == 1
    assert found[0].file == "orphan.txt"
    assert found[0].line == 9
    assert found[0].severity == "error"
    assert report.exit_code == 1
    div = only_document(report)
    assert "An orphan note body that nothing calls." in text_of(div)
    assert [n.get("n") for n in notes_of(div)] == ["1", "2", "3"]


def test_middle_note_without_callout_does_not_shift_the_others():
    text = ("21. Memorandum of Conversation0\n\n"
            "Para one calls nothing.\n\n"
            "Para two.2 More text.\n\n"
            "  1. Source: Foo.\n  2. Middle orphan.\n  3. Third.\n")
    report = convert(text)
    div = only_document(report)
    assert flat(div.findall(T("p"))[1], note_text=True) == "Para two.{3:Third.} More text."
    assert [p.line for p in problems(report, "note-without-callout")] == [8]
    assert "Middle orphan." in text_of(div)


def test_editorial_note_counts_its_callouts_from_zero_without_a_source_note():
    text = ("38. Editorial Note\n\n"
            "On February 27, 1961, the Department sent four telegrams.0 The ban was lifted on March 20.1\n\n"
            "  1. Not printed.\n  2. See Document 43.\n")
    report = convert(text)
    div = only_document(report)
    assert flat(div.find(T("head"))) == "38. Editorial Note"
    assert flat(div.find(T("p")), note_text=True) == (
        "On February 27, 1961, the Department sent four telegrams.{1:Not printed.} "
        "The ban was lifted on March 20.{2:See Document 43.}")
    assert [n.get("type") for n in notes_of(div)] == [None, None]
    assert report.problems == []


def test_two_digit_callouts():
    sentences = [f"Point {word} was made.{k}" for k, word in enumerate(
        ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven"], 1)]
    items = "".join(f"  {i}. Note {i}.\n" for i in range(2, 13))
    text = ("21. Memorandum of Conversation0\n\n" + " ".join(sentences[:9]) + "\n\n"
            "In 1,000 cases, on March 21, Ambassador Bruce.10 The Secretary on the 8th agreed.11\n\n"
            "  1. Source: Foo.\n" + items)
    report = convert(text)
    div = only_document(report)
    p1, p2 = div.findall(T("p"))
    assert flat(p1) == " ".join(f"Point {w} was made.{{{k + 1}}}" for k, w in enumerate(
        ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"], 1))
    assert flat(p2, note_text=True) == (
        "In 1,000 cases, on March 21, Ambassador Bruce.{11:Note 11.} The Secretary on the 8th agreed.{12:Note 12.}")
    assert [n.get(XML_ID) for n in notes_of(div)] == [f"d21fn{i}" for i in range(1, 13)]
    assert report.problems == []
