"""Web copy: a document page of history.state.gov copied as text.

Small texts for each hard case, then the three web-copy samples against the
Office's gold and through the no-word-lost promise.
"""
from __future__ import annotations

import re
from collections import Counter

import pytest
from lxml import etree

from conftest import (GOLD_DIR, T, XML_ID, block_tags, blocks, convert, documents, flat, local, norm,
                      notes_of, only_document, problems, sample, text_of)
from converters.pipeline import ConvertOptions, convert_files, sample_files
from converters.readers import detect_style, read_text_as
from converters.model import Closer, Paragraph, Salute


# -- text the page spoils ------------------------------------------------------

def test_lost_space_before_abbreviation_is_restored():
    text = ("21. Memorandum of Conversation0\n\n"
            "He noted that the U.S. was the only big country with which theUSSR does not have a trade "
            "agreement. He saidUSSR had lived 200 years without it.1\n\n"
            "  \u2022 Mr. McSweeney, Director,SOV\n\n"
            "  1. Source: Foo.\n  2. Two.\n")
    div = only_document(convert(text))
    p = text_of(div.find(T("p")))
    assert "with which the USSR does not" in p
    assert "He said USSR had lived" in p
    assert "theUSSR" not in p and "saidUSSR" not in p


def test_lost_space_after_comma_in_list_item():
    text = ("21. Memorandum of Conversation0\n\n"
            "  \u2022 Discussion of U.S.-Soviet Relations\n\n"
            "  \u2022 Mikhail A. Menshikov, Soviet Ambassador\n"
            "  \u2022 Mr. McSweeney, Director,SOV\n\n"
            "The Ambassador opened the conversation.\n\n"
            "  1. Source: Foo.\n")
    div = only_document(convert(text))
    items = [text_of(i) for i in div.findall(f"{T('list')}/{T('item')}")]
    assert "Mr. McSweeney, Director, SOV" in items


def test_mixed_case_names_are_left_alone():
    text = ("21. Memorandum of Conversation0\n\n"
            "Mr. McSweeney spoke of the ChiCom position and of McCloy, who met the MacArthur staff.\n\n"
            "  1. Source: Drafted by McSweeney.\n")
    div = only_document(convert(text))
    assert text_of(div.find(T("p"))) == (
        "Mr. McSweeney spoke of the ChiCom position and of McCloy, who met the MacArthur staff.")
    assert text_of(notes_of(div)[0]) == "Source: Drafted by McSweeney."


def test_modifier_apostrophes_become_ascii_apostrophes():
    text = ("21. Memorandum of Conversation0\n\n"
            "He asked about the Soviet Government\u02bcs reaction and the President\u02bcs view.1\n\n"
            "  1. Source: A copy of Kohler\u02bcs briefing memorandum is ibid.\n"
            "  2. Menshikov\u02bcs conversation.\n")
    div = only_document(convert(text))
    out = etree.tostring(div, encoding="unicode")
    assert "\u02bc" not in out
    assert "the Soviet Government's reaction and the President's view." in text_of(div.find(T("p")))
    assert [text_of(n) for n in notes_of(div)] == [
        "Source: A copy of Kohler's briefing memorandum is ibid.", "Menshikov's conversation."]


# -- page breaks ---------------------------------------------------------------

PAGES = ("21. Memorandum of Conversation0\n\n"
         "The Ambassador hoped that with the installation [Page 55] of the new adminis[Page 56]tration "
         "relations would improve.1\n\n"
         "[Page 57]\n\n"
         "Ambassador Menshikov noted the aide-memoire.\n\n"
         "  1. Source: Department of State, Central Files, 611.61/2-361. Drafted by [Page 58] McSweeney.\n"
         "  2. See Document 2.\n")


def test_page_marker_inside_paragraph():
    div = only_document(convert(PAGES))
    p = div.findall(T("p"))[0]
    pb = p.find(T("pb"))
    assert pb is not None, "the page break belongs inside the paragraph"
    assert pb.get("n") == "55" and pb.get(XML_ID) == "pg_55"
    assert flat(p).startswith("The Ambassador hoped that with the installation |pb 55|of the new ")


def test_page_marker_splitting_a_word_keeps_the_word_whole():
    div = only_document(convert(PAGES))
    p = div.findall(T("p"))[0]
    assert "of the new adminis|pb 56|tration relations would improve.{2}" in flat(p)
    assert [b.get(XML_ID) for b in p.findall(T("pb"))] == ["pg_55", "pg_56"]


def test_page_marker_alone_on_a_line_is_between_blocks():
    div = only_document(convert(PAGES))
    assert block_tags(div) == ["head", "p", "pb", "p"]
    pb = blocks(div)[2]
    assert pb.get("n") == "57" and pb.get(XML_ID) == "pg_57"
    assert "[Page" not in text_of(div)


def test_page_marker_alone_on_a_line_without_blank_lines_around_it():
    text = ("21. Memorandum of Conversation0\n\n"
            "The Ambassador said that a disarmament settlement would settle most other things as well.\n"
            "[Page 57]\n"
            "Ambassador Menshikov noted that the U.S. aide-memoire1 included two points.\n\n"
            "  1. Source: Foo.\n  2. See Document 2.\n")
    div = only_document(convert(text))
    assert block_tags(div) == ["head", "p", "pb", "p"]
    assert blocks(div)[2].get(XML_ID) == "pg_57"
    assert [flat(p) for p in div.findall(T("p"))] == [
        "The Ambassador said that a disarmament settlement would settle most other things as well.",
        "Ambassador Menshikov noted that the U.S. aide-memoire{2} included two points."]


def test_page_marker_inside_a_note_body():
    div = only_document(convert(PAGES))
    source = notes_of(div)[0]
    pb = source.find(T("pb"))
    assert pb is not None and pb.get("n") == "58" and pb.get(XML_ID) == "pg_58"
    assert flat(source) == "Source: Department of State, Central Files, 611.61/2-361. Drafted by |pb 58|McSweeney."


def test_page_marker_that_lost_the_space_before_it_is_spaced_as_the_office_does():
    text = ("21. Memorandum of Conversation0\n\n"
            "The Ambassador hoped that with the installation[Page 55] of the new Administration relations "
            "would improve.1\n\n"
            "  1. Source: Foo.\n  2. Two.\n")
    p = only_document(convert(text)).find(T("p"))
    assert flat(p).startswith("The Ambassador hoped that with the installation |pb 55|of the new Administration")


def test_page_markers_in_the_sample():
    report = convert_files([sample("003")], ConvertOptions())
    root = etree.fromstring(report.outputs[0].xml)
    div = documents(root)[0]
    pbs = [(local(pb.getparent()), pb.get("n"), pb.get(XML_ID)) for pb in div.iter(T("pb"))]
    assert pbs == [("p", "55", "pg_55"), ("p", "56", "pg_56"), ("div", "57", "pg_57"), ("p", "58", "pg_58")]
    first = div.find(T("p"))
    assert "with the installation |pb 55|of the new Administration" in flat(first)


# -- the note list -------------------------------------------------------------

def test_note_body_running_over_several_lines():
    text = ("43. Telegram From the Embassy in the Soviet Union to the Department of State0\n\n"
            "I told Khrushchev.1 He agreed.2\n\n"
            "  1. Source: Department of State, Central Files,\n"
            "     411.6141/3-1061. Confidential;\n"
            "Priority; Limit Distribution.\n"
            "  2. On March 20 the Department of the Treasury announced\n"
            "that it was lifting the ban.\n"
            "  3. See Document 32.\n")
    report = convert(text)
    div = only_document(report)
    assert [text_of(n) for n in notes_of(div)] == [
        "Source: Department of State, Central Files, 411.6141/3-1061. Confidential; Priority; Limit Distribution.",
        "On March 20 the Department of the Treasury announced that it was lifting the ban.",
        "See Document 32."]
    assert all(n.find(T("p")) is None for n in notes_of(div))
    assert report.problems == []


def test_blank_line_inside_a_note_body_makes_two_paragraphs():
    text = ("43. Telegram From the Embassy in the Soviet Union to the Department of State0\n\n"
            "I told Khrushchev.1 He agreed.2\n\n"
            "  1. Source: Foo.\n"
            "  2. The telegram reads in part:\n"
            "\n"
            "Soviets had assumed it was for grinding machines.\n"
            "  3. See Document 32.\n")
    div = only_document(convert(text))
    note = notes_of(div)[1]
    assert note.get("n") == "2"
    assert [text_of(p) for p in note.findall(T("p"))] == [
        "The telegram reads in part:", "Soviets had assumed it was for grinding machines."]
    assert text_of(notes_of(div)[2]) == "See Document 32."


def test_document_without_notes():
    text = ("38. Editorial Note\n\n"
            "On February 27, 1961, Walter J. Stoessel sent the drafts of four telegrams. In the first, telegram "
            "1401, the Department reiterated the points. (Ibid., 397.5611-GE/2-2861)\n\n"
            "On March 2 Thompson reported on it. (Telegram 2050 from Moscow; ibid., 600.0012/3-261)\n")
    report = convert(text)
    div = only_document(report)
    assert notes_of(div) == []
    assert div.get("subtype") == "editorial-note"
    assert text_of(div.find(T("head"))) == "38. Editorial Note"
    assert [text_of(p) for p in div.findall(T("p"))] == [
        "On February 27, 1961, Walter J. Stoessel sent the drafts of four telegrams. In the first, telegram "
        "1401, the Department reiterated the points. (Ibid., 397.5611-GE/2-2861)",
        "On March 2 Thompson reported on it. (Telegram 2050 from Moscow; ibid., 600.0012/3-261)"]
    assert report.problems == []


# -- blocks --------------------------------------------------------------------

def test_subject_and_participants_lists_open_the_document():
    text = ("21. Memorandum of Conversation0\n\n\n"
            "  \u2022 Discussion of U.S.-Soviet Relations\n\n\n"
            "  \u2022 Mikhail A. Menshikov, Soviet Ambassador\n"
            "  \u2022 Mr. Levchenko, Second Secretary, Soviet Embassy\n"
            "  \u2022 The Secretary\n\n"
            "The Ambassador opened the conversation.\n\n"
            "  1. Source: Foo.\n")
    div = only_document(convert(text))
    assert block_tags(div) == ["head", "list", "list", "p"]
    subject, participants = div.findall(T("list"))
    assert subject.get("type") == "subject"
    assert subject.find(T("head")).text == "SUBJECT"
    assert [text_of(i) for i in subject.findall(T("item"))] == ["Discussion of U.S.-Soviet Relations"]
    assert participants.get("type") == "participants"
    assert participants.find(T("head")).text == "PARTICIPANTS"
    assert [text_of(i) for i in participants.findall(T("item"))] == [
        "Mikhail A. Menshikov, Soviet Ambassador", "Mr. Levchenko, Second Secretary, Soviet Embassy",
        "The Secretary"]
    assert "\u2022" not in text_of(div)


def test_signature_alone_on_a_line():
    text = ("43. Telegram From the Embassy in the Soviet Union to the Department of State0\n\n"
            "I told Khrushchev we have been reviewing restrictions.1\n\n"
            "Thompson\n"
            "  1. Source: Foo.\n"
            "  2. Two.\n")
    div = only_document(convert(text))
    assert block_tags(div) == ["head", "p", "closer"]
    signed = div.find(f"{T('closer')}/{T('signed')}")
    assert signed is not None
    assert [text_of(e) for e in signed.findall(T("persName"))] == ["Thompson"]
    assert notes_of(signed) == []


def test_signature_with_a_callout_holds_its_note():
    text = ("317. Letter From Secretary of State Rusk to Secretary of Commerce Hodges0\n\n"
            "We have now sent you a draft.1\n\n"
            "With warm personal regards,\n\n"
            "Sincerely,\n\n"
            "Dean2\n"
            "  1. Source: Foo.\n"
            "  2. Document 316.\n"
            "  3. Printed from a copy that indicates Rusk signed the original.\n")
    report = convert(text)
    div = only_document(report)
    assert block_tags(div)[-1] == "closer"
    signed = div.find(f"{T('closer')}/{T('signed')}")
    assert flat(signed, note_text=True) == "Dean{3:Printed from a copy that indicates Rusk signed the original.}"
    assert [text_of(e) for e in signed.findall(T("persName"))] == ["Dean"]
    assert signed.find(T("note")).get(XML_ID) == "d317fn3"
    assert [text_of(p) for p in div.findall(T("p"))][-2:] == ["With warm personal regards,", "Sincerely,"]
    assert report.problems == []


def test_salutation_runs_into_the_first_paragraph():
    text = ("317. Letter From Secretary of State Rusk to Secretary of Commerce Hodges0\n\n"
            "Dear Luther: This is in response to the suggestion in your letter of August 17.1\n\n"
            "I realize that the Council discussed it.\n\n"
            "  1. Source: Foo.\n  2. Two.\n")
    div = only_document(convert(text))
    assert block_tags(div) == ["head", "salute", "p", "p"]
    assert text_of(div.find(T("salute"))) == "Dear Luther:"
    first = div.find(T("p"))
    assert flat(first) == "This is in response to the suggestion in your letter of August 17.{2}"


@pytest.mark.parametrize("salute", ["Dear Luther:", "Dear Mr. President:", "Dear Mr. Secretary:",
                                    "My dear Mr. Chairman:"])
def test_salutations_with_titles(salute):
    text = ("317. Letter From Secretary of State Rusk to Secretary of Commerce Hodges0\n\n"
            f"{salute} This is in response to your letter.1\n\n"
            "Sincerely,\n\n"
            "Dean Rusk\n"
            "  1. Source: Foo.\n  2. Two.\n")
    div = only_document(convert(text))
    assert block_tags(div) == ["head", "salute", "p", "p", "closer"]
    assert text_of(div.find(T("salute"))) == salute
    assert flat(div.find(T("p"))) == "This is in response to your letter.{2}"


def test_reader_model_of_a_letter():
    text = ("317. Letter From Rusk to Hodges0\n\n"
            "Dear Luther: This is in response.1\n\n"
            "Sincerely,\n\n"
            "Dean2\n"
            "  1. Source: Foo.\n  2. Two.\n  3. Three.\n")
    style, read = read_text_as(text, "t.txt")
    assert style == "webcopy"
    [doc] = read.documents
    assert doc.n == 317
    assert [type(b) for b in doc.blocks] == [Salute, Paragraph, Paragraph, Closer]
    assert doc.blocks[0].content.text == "Dear Luther:"
    assert doc.blocks[1].content.text == "This is in response."
    assert doc.blocks[3].signed.text == "Dean"
    assert [n.n for n in doc.notes()] == ["1", "2", "3"]
    assert [n.n for n in doc.blocks[3].signed.notes()] == ["3"]


# -- style detection -----------------------------------------------------------

@pytest.mark.parametrize("prefix, style", [("000", "e2"), ("001", "webcopy"), ("002", "e2"),
                                           ("003", "webcopy"), ("004", "webcopy")])
def test_style_of_the_samples(prefix, style):
    text = sample(prefix).read_text(encoding="utf-8")
    assert detect_style(text) == style
    assert read_text_as(text, prefix)[0] == style


# -- the samples against the gold ------------------------------------------------

def _flat_with_notes(el, skip=()) -> str:
    s = norm(flat(el, skip=skip, note_text=True))
    return re.sub(r"\s+(?=\{)", "", s)  # the gold's pretty-printing puts white space before some notes


@pytest.mark.parametrize("prefix, n", [("001", "43"), ("003", "21"), ("004", "317")])
def test_web_copy_sample_text_and_notes_match_the_gold(prefix, n):
    report = convert_files([sample(prefix)], ConvertOptions())
    [div] = documents(etree.fromstring(report.outputs[0].xml))
    gold = etree.parse(str(GOLD_DIR / f"d{n}.xml")).getroot()
    # the copy has no dateline: leave the gold's out
    for el in gold.findall(T("dateline")):
        el.getparent().remove(el)
    got = " ".join(_flat_with_notes(b) for b in blocks(div))
    want = " ".join(_flat_with_notes(b) for b in blocks(gold))
    assert got == want
    assert [(e.get("n"), e.get(XML_ID)) for e in div.iter(T("note"))] == [
        (e.get("n"), e.get(XML_ID)) for e in gold.iter(T("note"))]


# -- no word lost ------------------------------------------------------------------

_LETTERS = re.compile(r"[^\W\d_]+")
_SITE = re.compile(r"^\s*(display \| more\.\.\.|Part of a subsection of a node in the Cold War Document and "
                   r"Speech Meta Node|Log in or register to write something here or to contact authors\.|"
                   r"FOREIGN RELATIONS OF THE UNITED STATES - .*)\s*$")


def words(text: str) -> Counter:
    out: Counter = Counter()
    for run in _LETTERS.findall(text.replace("\u02bc", "'")):
        out.update(re.split(r"(?<=[a-z])(?=[A-Z])", run))
    return out


@pytest.mark.parametrize("path", sample_files(), ids=lambda p: p.name[:3])
def test_every_word_of_a_sample_is_in_the_tei(path):
    report = convert_files([path], ConvertOptions())
    assert not problems(report, "words-lost")
    assert report.exit_code == 0, [str(p) for p in report.problems]
    root = etree.fromstring(report.outputs[0].xml)
    body = " ".join(root.find(f".//{T('body')}").itertext())
    text = path.read_text(encoding="utf-8")
    source = "\n".join(line for line in text.split("\n") if not _SITE.match(line))
    source = re.sub(r"\[Page \d+\]", " ", source)
    missing = words(source) - words(body)
    assert not missing
