"""Registers: read from the Office's lists, written back as FRUS lists, ids by the Office's recipe."""
from __future__ import annotations

from lxml import etree

from converters.model import Volume, VolumeInfo
from converters.registers import Entry, keep_used, load_register, mint_id, read_register
from converters.tei.names import TEI, XML_ID
from converters.tei.writer import Writer


def test_entries_keep_ids_and_descriptions(shared):
    people = load_register(shared / "registers" / "frus1961-63v05-persons.xml", "persons")
    assert people.heading == "Persons" and len(people.entries) == 110
    assert Entry("p_AK1", "Adenauer, Konrad", "Chancellor of the Federal Republic of Germany until October 1963") \
        in people.entries


def test_a_description_keeps_its_markup(shared):
    terms = load_register(shared / "registers" / "frus1961-63v09-terms.xml", "terms")
    marked = [e for e in terms.entries if e.spans]
    assert marked, "Volume IX explains some terms by others (gloss target)"
    for entry in marked:
        for span in entry.spans:
            assert 0 <= span.start < span.end <= len(entry.description)
            assert entry.description[span.start:span.end].strip()
    glosses = [(e.description[s.start:s.end], s.attrs["target"]) for e in marked for s in e.spans
               if s.kind == "gloss" and "target" in s.attrs]
    assert ("OECD", "#t_OECD1") in glosses


def test_kept_entries_bring_the_terms_their_descriptions_point_to(shared):
    terms = load_register(shared / "registers" / "frus1961-63v09-terms.xml", "terms")
    pointing = next(e for e in terms.entries if any(s.attrs.get("target") == "#t_OECD1" for s in e.spans))
    kept = keep_used([terms], {pointing.id})
    assert {e.id for e in kept[0].entries} == {pointing.id, "t_OECD1"}
    assert keep_used([terms], set()) == []


def test_registers_are_written_as_frus_lists_and_read_back_the_same(shared):
    persons = load_register(shared / "registers" / "frus1961-63v05-persons.xml", "persons")
    terms = load_register(shared / "registers" / "frus1961-63v09-terms.xml", "terms")
    writer = Writer(Volume(VolumeInfo("frus1961-63v09"), [], [], [persons, terms]), "test")
    root = writer.tree().getroot()
    front = root.find(f"{{{TEI}}}text/{{{TEI}}}front")
    divs = {div.get(XML_ID): div for div in front}
    assert set(divs) == {"persons", "terms"}
    assert divs["persons"].find(f"{{{TEI}}}list").get("type") == "names"
    item = divs["persons"].find(f"{{{TEI}}}list/{{{TEI}}}item")
    assert etree.tostring(item, encoding="unicode").split(">", 1)[1].startswith(
        '<hi rend="strong"><persName xml:id="p_ARI1">Abel, Rudolf I.'
        '</persName>,</hi> Colonel in the Soviet Intelligence Service')
    again = read_register(divs["terms"], "terms")
    assert [(e.id, e.name, e.description) for e in again.entries] == \
        [(e.id, e.name, e.description) for e in terms.entries]
    assert [[(s.start, s.end, s.kind, s.attrs) for s in e.spans] for e in again.entries] == \
        [[(s.start, s.end, s.kind, s.attrs) for s in e.spans] for e in terms.entries]


def test_ids_by_the_offices_recipe():
    taken: set[str] = set()
    assert mint_id("persons", "Thompson, Llewellyn E., Jr.", taken) == "p_TLEJ1"
    assert mint_id("persons", "McSweeney, John M.", taken) == "p_MSJM1"
    assert mint_id("persons", "de Gaulle, Charles", taken) == "p_dGC1"
    assert mint_id("persons", "Bruce, David K.E.", taken) == "p_BDKE1"
    assert mint_id("persons", "Taylor, Maxwell", taken) == "p_TM1"
    assert mint_id("persons", "Thompson, Mark", taken) == "p_TM2"  # the counter keeps ids apart
    assert mint_id("terms", "AF/P", taken) == "t_AFP1"
    assert mint_id("terms", "USSR", taken) == "t_USSR1"
