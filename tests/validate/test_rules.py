"""The integrity rules of schema/frus-tei.sch, one by one.

Every assert and report of the .sch has a failing fixture that breaks that
rule and nothing else (``fixtures/rules/<rule>-fail.xml``) and a passing one
that the rules find nothing in (``<rule>-pass.xml``). Both are small but
complete FRUS TEI volumes made from a trimmed copy of tei/frus1961-63v09.xml
(documents 316 and 317, the persons and terms registers they point into).

The rule ids are read from the .sch itself: a rule added there without
fixtures and an expected line here fails the suite.
"""
from __future__ import annotations

import copy
from pathlib import Path

import pytest
from lxml import etree

from conftest import ROOT, T, TEI_NS, XML_ID
from converters.validation import validate, validate_files
from converters.validation.rules import check_rules

SCH = ROOT / "schema" / "frus-tei.sch"
SCH_NS = "http://purl.oclc.org/dsdl/schematron"
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "rules"
FRUS_NS = "http://history.state.gov/frus/ns/1.0"


def _rules_of_sch() -> dict[str, str]:
    """{rule id: role} of every assert and report in the .sch, in order."""
    sch = etree.parse(str(SCH))
    found: dict[str, str] = {}
    for check in sch.iter(f"{{{SCH_NS}}}assert", f"{{{SCH_NS}}}report"):
        found[check.get("id")] = check.get("role", "error")
    return found


RULES = _rules_of_sch()
RULE_IDS = list(RULES)

# The lines at which each failing fixture breaks its rule: the start tag of
# the element the rule's context is (a document div for the document and
# source-note rules, the note, date, time, signed, p, pb, persName otherwise).
EXPECTED_LINES = {
    "id-unique": [43, 44],          # the register entry p_RD3, twice
    "pointer-resolves": [63],       # <persName corresp="#p_HLH2">
    "document-head": [78],          # the editorial note 318 without its head
    "document-id": [65],            # <div n="317" xml:id="d371">
    "document-number": [65],        # <div n="317a" ...>
    "document-order": [69],         # <div n="316"> after document 317
    "document-gap": [65],           # <div n="318"> after document 316
    "source-note": [65],            # document 317 without its source note
    "source-note-text": [56],       # document 316, source note "Department of State, ..."
    "note-id": [72],                # <note n="3" xml:id="d317fn03">
    "note-number": [72],            # note 3 right after note 1
    "space-before-note": [63],      # "practices. <note n="2" ...>"
    "date-iso": [67],               # <date when="1962-09-31">
    "date-range": [58],             # <time from="16:30:00"> without @to
    "signed-persname": [75],        # <signed>Dean<note .../></signed>
    "not-empty": [73],              # <p></p>
    "pb-id": [71],                  # <pb n="704" xml:id="pg_703"/>
    "pointer-to-missing-document": [72],  # <ref target="#d315">: no document 315 in the file
}

# What each failing fixture holds at its expected line (guards the fixtures themselves).
EXPECTED_TEXT = {
    "id-unique": '<persName xml:id="p_RD3">',
    "pointer-resolves": 'corresp="#p_HLH2"',
    "document-head": 'n="318" xml:id="d318"',
    "document-id": 'n="317" xml:id="d371"',
    "document-number": 'n="317a"',
    "document-order": 'n="316" xml:id="d316"',
    "document-gap": 'n="318" xml:id="d318"',
    "source-note": 'n="317" xml:id="d317"',
    "source-note-text": 'n="316" xml:id="d316"',
    "note-id": '<note n="3" xml:id="d317fn03">',
    "note-number": '<note n="3" xml:id="d317fn3">',
    "space-before-note": 'practices. <note n="2"',
    "date-iso": '<date when="1962-09-31">',
    "date-range": '<time from="16:30:00">',
    "signed-persname": "<signed>Dean<note",
    "not-empty": "<p></p>",
    "pb-id": '<pb n="704" xml:id="pg_703"/>',
    "pointer-to-missing-document": '<ref target="#d315">',
}


def read(path: Path) -> etree._ElementTree:
    """Parse a fixture as lxml would any well-formed file: no entities, no network.

    ``collect_ids=False`` so that a duplicate xml:id (the id-unique fixture)
    is left for the rules to find instead of stopping libxml2.
    """
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, collect_ids=False)
    return etree.parse(str(path), parser)


def fixture(rule: str, kind: str) -> Path:
    path = FIXTURES / f"{rule}-{kind}.xml"
    assert path.is_file(), f"rule {rule!r} of {SCH.name} has no {kind}ing fixture: write {path}"
    return path


def show(problems) -> str:
    return "\n".join(str(p) for p in problems) or "(no problems)"


# -- the list of rules ---------------------------------------------------------------

def test_the_rules_are_read_from_the_sch():
    listed = {"id-unique", "pointer-resolves", "document-id", "document-number", "document-order",
              "document-gap", "source-note", "source-note-text", "note-id", "note-number",
              "space-before-note", "date-iso", "date-range", "signed-persname", "not-empty", "pb-id"}
    assert listed <= set(RULE_IDS), listed - set(RULE_IDS)
    assert len(RULE_IDS) == len(set(RULE_IDS)), "two asserts share an id"
    assert all(role in ("error", "warning") for role in RULES.values()), RULES


def test_every_rule_has_its_fixtures_and_nothing_else_is_there():
    names = {p.name for p in FIXTURES.glob("*.xml")}
    wanted = {f"{r}-{k}.xml" for r in RULE_IDS for k in ("fail", "pass")}
    assert wanted - names == set(), f"missing fixtures: {sorted(wanted - names)}"
    assert names - wanted == set(), f"fixtures for no rule of the .sch: {sorted(names - wanted)}"


# -- one rule at a time ----------------------------------------------------------------

@pytest.mark.parametrize("rule", RULE_IDS)
def test_failing_fixture_breaks_only_its_rule_at_the_exact_line(rule):
    path = fixture(rule, "fail")
    assert rule in EXPECTED_LINES, f"no expected line for rule {rule!r}: add it to EXPECTED_LINES"
    lines = path.read_text(encoding="utf-8").split("\n")
    for line in EXPECTED_LINES[rule]:
        assert EXPECTED_TEXT[rule] in lines[line - 1], (rule, line, lines[line - 1])

    problems = check_rules(read(path), str(path))

    assert {p.code for p in problems} == {rule}, show(problems)
    assert {p.severity for p in problems} == {RULES[rule]}, show(problems)
    assert sorted(p.line for p in problems) == EXPECTED_LINES[rule], show(problems)
    assert all(p.file == str(path) for p in problems)
    assert all(p.message.strip() for p in problems), show(problems)


@pytest.mark.parametrize("rule", RULE_IDS)
def test_passing_fixture_has_no_problem_from_the_rules(rule):
    path = fixture(rule, "pass")
    problems = check_rules(read(path), str(path))
    assert problems == [], show(problems)


@pytest.mark.parametrize("rule", RULE_IDS)
def test_validate_reports_the_broken_rule_with_file_and_line(rule):
    """The whole path a user takes (parse, schema, rules) ends in the same problem at the same line."""
    path = fixture(rule, "fail")
    report = validate_files([path])
    found = [p for p in report.problems if p.code == rule]
    assert sorted(p.line for p in found) == EXPECTED_LINES.get(rule), report.to_text()
    assert {p.severity for p in found} == {RULES[rule]}
    text = report.to_text()
    for line in EXPECTED_LINES[rule]:
        assert f"{path}:{line}: {RULES[rule]} [{rule}]" in text, text


def test_messages_name_what_to_change():
    def messages(rule):
        path = fixture(rule, "fail")
        return " ".join(p.message for p in check_rules(read(path), str(path)))

    assert '"p_RD3"' in messages("id-unique") and "2 times" in messages("id-unique")
    assert "#p_HLH2" in messages("pointer-resolves")
    assert '"d317"' in messages("document-id") and '"d371"' in messages("document-id")
    assert '"317a"' in messages("document-number")
    assert "318" in messages("document-head") and "head" in messages("document-head")
    assert "316" in messages("document-order") and "317" in messages("document-order")
    assert "316" in messages("document-gap") and "318" in messages("document-gap")
    assert "1 missing" in messages("document-gap")
    assert "317" in messages("source-note")
    assert "Source:" in messages("source-note-text") and "Department of State" in messages("source-note-text")
    assert '"d317fn3"' in messages("note-id") and '"d317fn03"' in messages("note-id")
    assert '"3"' in messages("note-number") and '"1"' in messages("note-number")
    assert '"1962-09-31"' in messages("date-iso") and "@when" in messages("date-iso")
    assert "@to" in messages("date-range")
    assert "persName" in messages("signed-persname")
    assert "p is empty" in messages("not-empty")
    assert '"pg_704"' in messages("pb-id") and '"pg_703"' in messages("pb-id")


def test_passing_fixtures_are_valid_volumes():
    """Schema, rules and all: the passing fixtures are FRUS TEI as the project writes it."""
    for rule in RULE_IDS:
        report = validate(fixture(rule, "pass"))
        assert report.not_run == [], report.to_text()
        assert report.problems == [], report.to_text()
        assert report.exit_code == 0


# -- source notes: which documents need one ---------------------------------------------

def base_tree() -> etree._ElementTree:
    return read(fixture("id-unique", "pass"))


def doc(tree, n: str):
    found = [d for d in tree.getroot().iter(T("div")) if d.get("type") == "document" and d.get("n") == n]
    assert len(found) == 1
    return found[0]


def drop_source_note(div) -> None:
    head = div.find(T("head"))
    note = head.find(T("note"))
    assert note.get("type") == "source"
    head.text = (head.text or "") + (note.tail or "")
    head.remove(note)


def source_note_problems(tree) -> list:
    return [p for p in check_rules(tree, "t.xml") if p.code in ("source-note", "source-note-text")]


def test_editorial_note_needs_no_source_note():
    tree = base_tree()
    div = doc(tree, "317")
    div.set("subtype", "editorial-note")
    drop_source_note(div)
    assert check_rules(tree, "t.xml") == []


def test_document_without_subtype_headed_editorial_note_needs_no_source_note():
    tree = base_tree()
    div = doc(tree, "317")
    del div.attrib["subtype"]
    drop_source_note(div)
    div.find(T("head")).text = "317. Editorial Note"
    for child in list(div.find(T("head"))):
        div.find(T("head")).remove(child)
    assert source_note_problems(tree) == []


def test_document_without_subtype_that_is_not_an_editorial_note_needs_one():
    tree = base_tree()
    div = doc(tree, "317")
    del div.attrib["subtype"]
    drop_source_note(div)
    problems = source_note_problems(tree)
    assert [(p.code, p.line) for p in problems] == [("source-note", div.sourceline)], show(problems)


@pytest.mark.parametrize("when", ["1949-12-31", "1945-05-08T10:00:00", "1898"])
def test_documents_dated_before_1950_need_no_source_note(when):
    tree = base_tree()
    div = doc(tree, "317")
    drop_source_note(div)
    div.find(f"{T('dateline')}/{T('date')}").set("when", when)
    assert source_note_problems(tree) == []


def test_frus_doc_date_before_1950_exempts_a_document_without_dateline():
    tree = base_tree()
    div = doc(tree, "317")
    drop_source_note(div)
    div.remove(div.find(T("dateline")))
    div.set(f"{{{FRUS_NS}}}doc-dateTime-min", "1945-05-08T00:00:00-05:00")
    assert source_note_problems(tree) == []


@pytest.mark.parametrize("when", ["1950-01-01", "1962-09-05"])
def test_documents_from_1950_on_need_a_source_note(when):
    tree = base_tree()
    div = doc(tree, "317")
    drop_source_note(div)
    div.find(f"{T('dateline')}/{T('date')}").set("when", when)
    problems = source_note_problems(tree)
    assert [(p.code, p.severity, p.line) for p in problems] == [("source-note", "error", div.sourceline)], \
        show(problems)


def test_undated_historical_document_needs_a_source_note():
    tree = base_tree()
    div = doc(tree, "317")
    drop_source_note(div)
    div.remove(div.find(T("dateline")))
    assert [p.code for p in source_note_problems(tree)] == ["source-note"]


# -- footnote numbers ---------------------------------------------------------------------

def test_notes_numbered_from_zero_are_accepted():
    tree = base_tree()
    notes = [n for n in doc(tree, "317").iter(T("note"))]
    assert [(n.get("n"), n.get(XML_ID)) for n in notes] == [
        ("0", "d317fn0"), ("1", "d317fn1"), ("2", "d317fn2"), ("3", "d317fn3"), ("4", "d317fn4")]
    assert check_rules(tree, "t.xml") == []


def test_notes_numbered_from_two_are_not():
    tree = base_tree()
    for note in doc(tree, "317").iter(T("note")):
        n = int(note.get("n")) + 2
        note.set("n", str(n))
        note.set(XML_ID, f"d317fn{n}")
    problems = check_rules(tree, "t.xml")
    first = doc(tree, "317").find(f"{T('head')}/{T('note')}")
    assert [(p.code, p.line) for p in problems] == [("note-number", first.sourceline)], show(problems)


def test_two_notes_in_a_row_with_white_space_between_them_are_accepted():
    """ENCODING.md: "No white space before a note; white space between two notes in a row"."""
    tree = base_tree()
    p = doc(tree, "316").find(T("p"))
    first = p.find(T("note"))
    second = copy.deepcopy(first)
    second.set("n", "3")
    second.set(XML_ID, "d316fn3")
    for child in list(second):
        second.remove(child)
    second.text = "Another note."
    second.tail = first.tail
    first.tail = " "
    first.addnext(second)
    assert "practices.<note" in etree.tostring(p, encoding="unicode")
    assert check_rules(tree, "t.xml") == [], show(check_rules(tree, "t.xml"))


# -- pointers into another volume ------------------------------------------------------------

def other_volume(tmp_path, numbers: tuple[int, int]) -> Path:
    """Volume "frus-other" holding documents ``numbers`` (the base fixture renumbered)."""
    text = fixture("id-unique", "pass").read_text(encoding="utf-8")
    a, b = numbers
    for old, new in (("316", str(a)), ("317", str(b))):
        text = text.replace(f'n="{old}" xml:id="d{old}"', f'n="{new}" xml:id="d{new}"')
        text = text.replace(f"d{old}fn", f"d{new}fn").replace(f'"#d{old}"', f'"#d{new}"')
        text = text.replace(f"<head>{old}.", f"<head>{new}.").replace(f"Document {old}<", f"Document {new}<")
    text = text.replace('xml:id="frus1961-63v09"', 'xml:id="frus-other"')
    text = text.replace('<idno type="frus">frus1961-63v09</idno>', '<idno type="frus">frus-other</idno>')
    path = tmp_path / "frus-other.xml"
    path.write_text(text, encoding="utf-8")
    assert check_rules(read(path), str(path)) == []  # a clean volume, but for what it lacks
    return path


def pointing_volume(tmp_path) -> tuple[Path, int]:
    """The base volume with a ref target="frus-other#d5"; and the line of that ref."""
    text = fixture("id-unique", "pass").read_text(encoding="utf-8")
    assert text.count('target="frus1961-63v06#d5"') == 1
    path = tmp_path / "frus1961-63v09.xml"
    path.write_text(text.replace('target="frus1961-63v06#d5"', 'target="frus-other#d5"'), encoding="utf-8")
    line = next(i for i, l in enumerate(path.read_text(encoding="utf-8").split("\n"), 1) if "frus-other#d5" in l)
    return path, line


@pytest.mark.parametrize("order", ["pointing first", "target first"])
def test_pointer_into_another_volume_that_lacks_the_target(tmp_path, order):
    a, line = pointing_volume(tmp_path)
    b = other_volume(tmp_path, (6, 7))
    report = validate_files([a, b] if order == "pointing first" else [b, a])
    found = [p for p in report.problems if p.code == "pointer-resolves"]
    assert len(found) == 1, report.to_text()
    problem = found[0]
    assert (problem.file, problem.line, problem.severity) == (str(a), line, "error")
    assert "frus-other#d5" in problem.message
    assert report.exit_code != 0


def test_pointer_into_another_volume_that_has_the_target(tmp_path):
    a, _ = pointing_volume(tmp_path)
    b = other_volume(tmp_path, (5, 6))
    report = validate_files([a, b])
    assert [p for p in report.problems if p.code == "pointer-resolves"] == [], report.to_text()


def test_pointer_into_a_volume_not_given_is_not_judged(tmp_path):
    a, _ = pointing_volume(tmp_path)
    report = validate_files([a])
    assert [p for p in report.problems if p.code == "pointer-resolves"] == [], report.to_text()


def test_validate_accepts_a_tree_and_names_it():
    tree = read(fixture("pb-id", "fail"))
    report = validate(tree, name="volume.xml")
    found = [p for p in report.problems if p.code == "pb-id"]
    assert [(p.file, p.line) for p in found] == [("volume.xml", EXPECTED_LINES["pb-id"][0])], report.to_text()
    assert report.exit_code == 1
    root = etree.fromstring(etree.tostring(read(fixture("pb-id", "pass")).getroot()))
    assert root.tag == f"{{{TEI_NS}}}TEI"
    assert [p for p in validate(root).problems if p.code in RULES] == []
