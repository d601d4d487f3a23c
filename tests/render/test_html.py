"""The HTML edition: every link lands, nothing vanishes, errors are frus-tei errors.

The sites are rendered from the samples frus-tei converts, from the Office's
own TEI of the volume V documents in shared/gold (assembled below into one
volume with the published registers of volume V as front matter: render must
cope with real FRUS encoding, not only with what frus-tei writes), and from a
fixture with the wider FRUS vocabulary and elements nobody knows.
The pages are read back with lxml.html; a last test drives Debian's Chromium.
"""
from __future__ import annotations

import re
import shutil
from contextlib import contextmanager
from pathlib import Path

import lxml.html
import pytest
from click.testing import CliRunner
from lxml import etree

from conftest import gold_v05_volume

from converters.pipeline import ConvertOptions, convert_files, write_outputs
from converters.render import XsltError, render_html
from converters.render import xslt as runner
from converters.render.command import render
from converters.render.html import html_stylesheet
from converters.validation import safe_parser

TEI_NS = "http://www.tei-c.org/ns/1.0"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
NS = {"t": TEI_NS}
VOCABULARY = Path(__file__).parent / "fixtures" / "vocabulary.xml"
CHROMIUM = Path("/usr/bin/chromium")
FRUS_NS = "http://history.state.gov/frus/ns/1.0"


# ----------------------------------------------------------------- volumes

@pytest.fixture(scope="session")
def gold_volume(shared: Path, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("gold") / "frus1961-63v05.xml"
    path.write_bytes(gold_v05_volume(shared))
    return path


@pytest.fixture(scope="session")
def sample_volumes(tmp_path_factory) -> list[Path]:
    """The built-in samples converted by frus-tei (volumes V and IX)."""
    report = convert_files([], ConvertOptions())
    assert report.outputs, [str(p) for p in report.problems]
    return write_outputs(report, tmp_path_factory.mktemp("samples"))


@pytest.fixture(scope="session")
def rendered(tmp_path_factory):
    """render(volume) → (site folder, report), each volume rendered once per session."""
    done: dict[Path, tuple] = {}

    def render_once(volume: Path):
        if volume not in done:
            site = tmp_path_factory.mktemp("site")
            done[volume] = (site, render_html(volume, site))
        return done[volume]

    return render_once


# ----------------------------------------------------------------- helpers

def tei_documents(volume: Path | etree._Element) -> list:
    root = volume if isinstance(volume, etree._Element) else etree.parse(str(volume), safe_parser()).getroot()
    return root.xpath("//t:body//t:div[@type='document']", namespaces=NS)


def page(site: Path, name: str):
    return lxml.html.parse(str(site / name)).getroot()


def ids(doc) -> set[str]:
    return set(doc.xpath("//@id"))


def text(el) -> str:
    return " ".join("".join(el.itertext()).split())


@pytest.fixture(scope="session")
def volumes(sample_volumes, gold_volume) -> list[Path]:
    return [*sample_volumes, gold_volume, VOCABULARY]


@pytest.fixture(scope="session")
def sites(volumes, rendered) -> list[tuple[Path, Path]]:
    """(volume, site) for every test volume."""
    return [(volume, rendered(volume)[0]) for volume in volumes]


# --------------------------------------------------------------- the site

def test_every_page_is_written_with_the_stylesheet(sites):
    for volume, site in sites:
        names = {p.name for p in site.iterdir()}
        expected = {"index.html", "edition.css"} | {d.get(XML_ID) + ".html" for d in tei_documents(volume)}
        assert expected <= names, (volume, expected - names)
        assert not [n for n in names if n.startswith(".")], names  # no staging folder left


def test_registers_get_pages(sites, gold_volume):
    site = dict(sites)[gold_volume]
    assert {"persons.html", "terms.html"} <= {p.name for p in site.iterdir()}
    assert text(page(site, "persons.html").find(".//h1")) == "Persons"
    assert text(page(site, "terms.html").find(".//h1")) == "Abbreviations"


def test_index_lists_every_document_with_number_title_and_date(sites, gold_volume):
    for volume, site in sites:
        index = page(site, "index.html")
        entries = index.xpath("//li[@class='toc-document']")
        documents = tei_documents(volume)
        assert len(entries) == len(documents), volume
        for entry, doc in zip(entries, documents):
            assert text(entry.find("span[@class='toc-n']")) == doc.get("n")
            link = entry.find("a")
            assert link.get("href") == doc.get(XML_ID) + ".html"
            assert text(link) and not re.match(r"\d+\.", text(link))  # the title, the number apart
    gold = page(dict(sites)[gold_volume], "index.html")
    d32 = gold.xpath("//li[a/@href='d32.html']/time")[0]
    assert (d32.get("datetime"), text(d32)) == ("1961-02-18T19:00:00", "February 18, 1961")


def test_date_falls_back_to_frus_doc_datetime_min(rendered):
    site, _ = rendered(VOCABULARY)
    d42 = page(site, "index.html").xpath("//li[a/@href='d42.html']/time")[0]
    assert text(d42) == "March 1, 1961"


def test_pages_are_html5_with_landmarks_and_headings_in_order(sites):
    for _, site in sites:
        for path in sorted(site.glob("*.html")):
            raw = path.read_text(encoding="utf-8")
            assert raw.startswith("<!DOCTYPE html>\n<html lang=\"en\">"), path
            doc = lxml.html.fromstring(raw.encode("utf-8"))
            for landmark in ("header", "nav", "main", "footer"):
                assert doc.find(f".//{landmark}") is not None, (path, landmark)
            assert doc.find(".//head/meta[@charset='utf-8']") is not None
            assert doc.find(".//head/link[@rel='stylesheet']").get("href") == "edition.css"
            levels = [int(h.tag[1]) for h in doc.iter("h1", "h2", "h3", "h4", "h5", "h6")]
            assert levels and levels[0] == 1 and levels.count(1) == 1, (path, levels)
            assert all(b - a <= 1 for a, b in zip(levels, levels[1:])), (path, levels)
            assert len(ids(doc)) == len(doc.xpath("//@id")), (path, "duplicate ids")


def test_pages_use_only_relative_links_within_the_site(sites):
    for _, site in sites:
        names = {p.name for p in site.iterdir()}
        for path in site.glob("*.html"):
            for href in page(site, path.name).xpath("//a/@href | //link/@href"):
                if href.startswith("https://history.state.gov/"):
                    continue
                target = href.split("#")[0]
                assert not target or target in names, (path.name, href)


# --------------------------------------------------------------- footnotes

def test_callouts_and_footnotes_link_both_ways(sites):
    for volume, site in sites:
        for doc in tei_documents(volume):
            html = page(site, doc.get(XML_ID) + ".html")
            present = ids(html)
            callouts = html.xpath("//sup[@class='callout']/a")
            notes = html.xpath("//li[contains(@class, 'footnote')]")
            assert len(callouts) == len(notes) == len(doc.findall(f".//{{{TEI_NS}}}note")), doc.get(XML_ID)
            for a in callouts:
                note = a.get("href")[1:]
                assert a.get("href").startswith("#") and note in present
                assert "footnote" in html.get_element_by_id(note).get("class")
                assert html.get_element_by_id(note).find("a").get("href") == "#" + a.get("id")
            for li in notes:
                back = li.find("a[@class='fn-back']").get("href")
                assert back.startswith("#") and back[1:] in present
                assert html.get_element_by_id(back[1:]).getparent().get("class") == "callout"
            for note in doc.findall(f".//{{{TEI_NS}}}note"):
                li = html.get_element_by_id(note.get(XML_ID))
                assert text(li.find("a")) == note.get("n")


def test_the_source_note_is_a_footnote(rendered, gold_volume):
    site, _ = rendered(gold_volume)
    html = page(site, "d32.html")
    source = html.get_element_by_id("d32fn1")
    assert "note-source" in source.get("class")
    assert text(source).startswith("1 Source: Department of State, Central Files")
    assert html.xpath("//h1//sup[@class='callout']/a/@href") == ["#d32fn1"]


def test_no_space_before_a_callout_but_between_two(rendered):
    site, _ = rendered(VOCABULARY)
    p = page(site, "d32.html").xpath("//article/p")[0]
    raw = etree.tostring(p, encoding="unicode", with_tail=False)
    assert "Text.<sup" in raw
    assert "</sup> <sup" in raw


# --------------------------------------------------------- persons, terms

def test_person_links_resolve_with_the_entry_as_tooltip(sites):
    for volume, site in sites:
        if not (site / "persons.html").exists():
            continue
        persons = page(site, "persons.html")
        anchors = ids(persons)
        for path in site.glob("d*.html"):
            for a in page(site, path.name).xpath("//a[contains(@class, 'persName')]"):
                name, _, anchor = a.get("href").partition("#")
                assert name == "persons.html" and anchor in anchors, (path.name, a.get("href"))
                entry = persons.get_element_by_id(anchor)
                assert a.get("title") and a.get("title").startswith(text(entry)), (a.get("title"), text(entry))


def test_register_entries_list_the_documents_that_mention_them(rendered, gold_volume):
    site, _ = rendered(gold_volume)
    persons = page(site, "persons.html")
    hammer = persons.get_element_by_id("p_HA1").xpath("ancestor::li")[0]
    assert [a.get("href") for a in hammer.xpath(".//span[@class='mentions']/a")] == ["d32.html", "d43.html"]
    terms = page(site, "terms.html")
    ussr = terms.get_element_by_id("t_USSR1").xpath("ancestor::li")[0]
    linked = [a.get("href") for a in ussr.xpath(".//span[@class='mentions']/a")]
    assert "d32.html" in linked and linked == sorted(linked, key=lambda h: int(h[1:-5]))


def test_abbreviations_are_abbr_with_their_expansion(rendered, gold_volume):
    site, report = rendered(gold_volume)
    html = page(site, "d32.html")
    abbr = html.xpath("//a[@href='terms.html#t_USSR1']/abbr")[0]
    assert text(abbr) == "USSR" and abbr.get("title") == "Union of Soviet Socialist Republics"
    terms = ids(page(site, "terms.html"))
    for path in site.glob("d*.html"):
        for href in page(site, path.name).xpath("//a[contains(@class, 'gloss')]/@href"):
            assert href.split("#")[1] in terms


def test_gold_pointers_all_resolve_and_dangling_ones_stay_plain_text(rendered, gold_volume):
    _, report = rendered(gold_volume)  # every corresp/target of the vol. V gold documents is in vol. V's lists
    assert not [w for w in report.problems if "corresp" in w.message or "gloss" in w.message], report.problems
    assert {w.severity for w in report.problems} <= {"warning"} and all(w.line > 0 for w in report.problems)
    site, report = rendered(VOCABULARY)
    html = page(site, "d21.html")
    assert html.xpath("//span[@class='persName'][.='Nobody Known']")
    assert html.xpath("//span[@class='persName'][.='Someone Unlisted']")  # no corresp: plain text
    assert html.xpath("//span[@class='gloss'][.='NONE']")
    assert {w.line for w in report.problems if "p_NOBODY1" in w.message} == {37}


# --------------------------------------------------------- cross-references

def test_cross_references_become_urls(rendered):
    site, _ = rendered(VOCABULARY)
    html = page(site, "d21.html")
    links = {text(a): a.get("href") for a in html.xpath("//a[contains(@class, 'ref')]")}
    assert links == {
        "Document 32": "d32.html",
        "footnote 2 to Document 42": "d42.html#d42fn2",
        "page 55": "d21.html#pg_55",
        "page 54": "d21.html#pg_54",
        "volume VI": "https://history.state.gov/historicaldocuments/frus1961-63v06",
        "volume VI, Document 5": "https://history.state.gov/historicaldocuments/frus1961-63v06/d5",
        "volume VI, page 16": "https://history.state.gov/historicaldocuments/frus1961-63v06/pg_16",
        "Document 42 by volume": "d42.html",
    }
    assert html.xpath("//span[contains(@class, 'unresolved')][.='Document 999']")


def test_every_page_break_has_its_anchor_on_its_document_page(sites):
    for volume, site in sites:
        root = etree.parse(str(volume), safe_parser()).getroot()
        documents = tei_documents(root)
        matter = root.xpath("t:text/t:front/t:div | t:text/t:back/t:div", namespaces=NS)
        for pb in root.iter(f"{{{TEI_NS}}}pb"):
            home = next((d for d in pb.iterancestors() if d in documents or d in matter), None)
            if home is None:  # between documents: shown with the next one, or the last
                following = [d for d in documents if d.sourceline > pb.sourceline]
                home = following[0] if following else documents[-1]
            html = page(site, home.get(XML_ID) + ".html")
            marker = html.get_element_by_id(pb.get(XML_ID))
            assert text(marker) == f"[Page {pb.get('n')}]" and "pb" in marker.get("class")


def test_prev_and_next_walk_the_documents_in_order(sites):
    for volume, site in sites:
        keys = [d.get(XML_ID) for d in tei_documents(volume)]
        for i, key in enumerate(keys):
            html = page(site, key + ".html")
            prev = html.xpath("//nav[@class='pager']/a[@rel='prev']/@href")
            nxt = html.xpath("//nav[@class='pager']/a[@rel='next']/@href")
            assert prev == ([keys[i - 1] + ".html"] if i else [])
            assert nxt == ([keys[i + 1] + ".html"] if i + 1 < len(keys) else [])
            for href in prev + nxt:
                assert (site / href).is_file()


# ------------------------------------------------------ nothing vanishes

def test_unknown_elements_keep_their_text(rendered):
    site, _ = rendered(VOCABULARY)
    body = " ".join(" ".join(page(site, "d21.html").find(".//main").itertext()).split())
    for words in ("Zanzibar text of an unknown namespace", "Kalamazoo inside an unknown block", "Timbuktu inline",
                  "Ouagadougou in a note", "Reykjavik", "a segment", "small caps", "P.S.", "Postscript text.",
                  "Country Amount Norway 12", "first point second point"):
        assert words in body, words


def test_every_word_of_a_document_reaches_its_page(sites):
    for volume, site in sites:
        for doc in tei_documents(volume):
            words = re.findall(r"\w+", " ".join(doc.itertext()))
            shown = re.findall(r"\w+", " ".join(page(site, doc.get(XML_ID) + ".html").find(".//article").itertext()))
            missing = set(words) - set(shown)
            assert not missing, (doc.get(XML_ID), sorted(missing)[:10])


def test_office_vocabulary_maps_to_html(rendered):
    site, _ = rendered(VOCABULARY)
    html = page(site, "d21.html")
    assert html.xpath("//i[.='italic']") and html.xpath("//b[.='strong']") and html.xpath("//sup[.='2']")
    assert html.xpath("//p[@class='rend-center'][.='PART ONE']")
    assert html.xpath("//p[@class='rend-sectiontitleital']")
    assert html.xpath("//table/caption[.='A table']") and html.xpath("//th[.='Country']")
    assert html.xpath("//section[@class='attachment']/h2[.='Attachment']")
    assert html.xpath("//div[@class='closer']/p[@class='signed']")
    assert html.xpath("//p/br")
    assert not html.xpath("//p//ul | //p//div | //p//p")  # a list in a paragraph: the paragraph is a div


def test_lists_of_a_memorandum_are_unbulleted_with_their_heads(rendered, gold_volume):
    site, _ = rendered(gold_volume)
    html = page(site, "d21.html")
    for kind, head in (("subject", "SUBJECT"), ("participants", "PARTICIPANTS")):
        block = html.xpath(f"//div[contains(@class, 'list-{kind}')]")[0]
        assert text(block.find("p[@class='list-head']")) == head
        assert block.find("ul").get("class") == "plain"


def test_dateline_and_closer_are_marked_for_right_alignment(rendered, gold_volume):
    site, _ = rendered(gold_volume)
    html = page(site, "d32.html")
    assert text(html.xpath("//p[@class='dateline']")[0]) == "Moscow, February 18, 1961, 7 p.m."
    assert text(html.xpath("//div[@class='closer']")[0]) == "Freers"
    css = (site / "edition.css").read_text()
    assert re.search(r"\.dateline \{[^}]*text-align: right", css) and re.search(r"\.closer[^{]*\{[^}]*text-align: right", css)
    assert "@media print" in css


# ----------------------------------------------------- the runner itself

def test_output_is_deterministic(tmp_path, gold_volume):
    first, second = tmp_path / "a", tmp_path / "b"
    render_html(gold_volume, first)
    render_html(gold_volume, second)
    names = sorted(p.name for p in first.iterdir())
    assert names == sorted(p.name for p in second.iterdir())
    for name in names:
        assert (first / name).read_bytes() == (second / name).read_bytes(), name


def test_one_processor_and_each_stylesheet_compiled_once(gold_volume, tmp_path):
    render_html(gold_volume, tmp_path / "a")
    processor, exe = runner.processor(), runner.executable(html_stylesheet())
    render_html(gold_volume, tmp_path / "b")
    assert runner.processor() is processor and runner.executable(html_stylesheet()) is exe


def test_a_missing_stylesheet_is_a_frus_tei_error(tmp_path):
    with pytest.raises(XsltError) as caught:
        render_html(VOCABULARY, tmp_path, stylesheet=tmp_path / "nowhere.xsl")
    assert caught.value.file.endswith("nowhere.xsl") and "no such stylesheet" in caught.value.message


def test_a_broken_stylesheet_is_reported_with_file_and_line(tmp_path):
    copy = tmp_path / "xsl"
    shutil.copytree(html_stylesheet().parent, copy)
    common = copy / "common.xsl"
    lines = common.read_text(encoding="utf-8").splitlines(keepends=True)
    at = next(i for i, line in enumerate(lines) if '<xsl:template match="lb">' in line)
    lines.insert(at + 1, '    <xsl:value-of select="1 +"/>\n')
    common.write_text("".join(lines), encoding="utf-8")
    with pytest.raises(XsltError) as caught:
        render_html(VOCABULARY, tmp_path / "out", stylesheet=copy / "html.xsl")
    error = caught.value
    assert (Path(error.file).name, error.line) == ("common.xsl", at + 2)
    assert "XPST0003" in error.message
    assert not (tmp_path / "out" / "index.html").exists()


def test_a_runtime_error_names_the_stylesheet_line(tmp_path):
    sheet = tmp_path / "fails.xsl"
    sheet.write_text('<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">\n'
                     '<xsl:template match="/">\n'
                     '  <xsl:sequence select="error(QName(\'urn:x\', \'BOOM\'), \'it broke\')"/>\n'
                     '</xsl:template>\n</xsl:stylesheet>\n', encoding="utf-8")
    with pytest.raises(XsltError) as caught:
        render_html(VOCABULARY, tmp_path / "out", stylesheet=sheet)
    assert (caught.value.file, caught.value.line) == (str(sheet), 3)
    assert "it broke" in caught.value.message


def test_saxon_warnings_come_back_as_warnings_not_on_stderr(tmp_path, capfd):
    sheet = tmp_path / "ambiguous.xsl"
    sheet.write_text('<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">\n'
                     '<xsl:template match="*"><a/></xsl:template>\n'
                     '<xsl:template match="*"><b/></xsl:template>\n</xsl:stylesheet>\n', encoding="utf-8")
    result = runner.transform(sheet, etree.ElementTree(etree.fromstring("<x/>")), "x.xml")
    assert [(p.severity, p.file, p.line) for p in result.problems] == [("warning", str(sheet), 3)]
    assert "XTDE0540" in result.problems[0].message
    assert capfd.readouterr().err == ""


def test_malformed_input_is_reported_with_its_line(tmp_path):
    bad = tmp_path / "bad.xml"
    bad.write_text('<TEI xmlns="http://www.tei-c.org/ns/1.0">\n<text>\n<body></text>\n</TEI>\n', encoding="utf-8")
    with pytest.raises(XsltError) as caught:
        render_html(bad, tmp_path / "out")
    assert (caught.value.file, caught.value.line) == (str(bad), 3)
    assert "not well-formed" in caught.value.message


def test_external_entities_are_never_resolved(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP SECRET CONTENT", encoding="utf-8")
    volume = tmp_path / "entity.xml"
    volume.write_text(f'<!DOCTYPE TEI [<!ENTITY leak SYSTEM "{secret.as_uri()}">]>\n'
                      '<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body>\n'
                      '<div type="document" n="1" xml:id="d1"><head>1. X</head><p>&leak;</p></div>'
                      '</body></text></TEI>', encoding="utf-8")
    with pytest.raises(XsltError) as caught:
        render_html(volume, tmp_path / "out")
    assert caught.value.line == 3 and "entity" in caught.value.message
    assert not list((tmp_path / "out").glob("*.html"))


def test_a_duplicate_document_id_stops_with_a_clear_error(tmp_path):
    volume = tmp_path / "dup.xml"
    volume.write_text('<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body>\n'
                      '<div type="document" n="1" xml:id="d1"><head>1. A</head></div>\n'
                      '<div type="document" n="2" xml:id="d1"><head>2. B</head></div>\n'
                      '</body></text></TEI>', encoding="utf-8")
    with pytest.raises(XsltError) as caught:
        render_html(volume, tmp_path / "out")
    assert (caught.value.file, caught.value.line) == (str(volume), 3)
    assert "d1.html" in caught.value.message


# ------------------------------------------------------------ the command

def test_render_command_writes_the_site(tmp_path, gold_volume):
    out = tmp_path / "html"
    result = CliRunner().invoke(render, [str(gold_volume), "--to", "html", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert f"wrote {len(list(out.glob('*.html')))} pages to {out}" in result.output
    assert "warning [xslt]" in result.output  # t_NSC1, left as text


def test_render_command_reports_errors_as_frus_tei_errors(tmp_path):
    bad = tmp_path / "bad.xml"
    bad.write_text("<TEI>\n<unclosed>\n</TEI>\n", encoding="utf-8")
    for args in ([str(bad)], [str(VOCABULARY), "--stylesheet", str(tmp_path / "missing.xsl")]):
        result = CliRunner().invoke(render, [*args, "-o", str(tmp_path / "out")])
        assert result.exit_code == 2, result.output
        assert re.search(r"^\S+?(:\d+)?: error \[xslt\] ", result.output, re.M), result.output
        assert "Traceback" not in result.output and isinstance(result.exception, SystemExit)
    assert f"{bad}:3: error [xslt] not well-formed XML" in CliRunner().invoke(render, [str(bad)]).output


# ------------------------------------------------------------ a real browser

@contextmanager
def chromium():
    """Debian's Chromium under Playwright; a missing one fails the test (it is not optional)."""
    if not CHROMIUM.exists():
        pytest.fail(f"Chromium is not installed ({CHROMIUM}): run scripts/setup.sh, which installs it from Debian")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.fail("the playwright package is missing: run scripts/setup.sh")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM))
        try:
            yield browser
        finally:
            browser.close()


def in_view(page, selector: str) -> bool:
    return page.evaluate("""s => { const r = document.querySelector(s).getBoundingClientRect();
                                   return r.bottom > 0 && r.top < window.innerHeight; }""", selector)


def test_in_a_browser_callouts_footnotes_and_persons_link_up(rendered, gold_volume):
    site, _ = rendered(gold_volume)
    with chromium() as browser:
        page = browser.new_page(viewport={"width": 1200, "height": 800})
        page.goto((site / "d32.html").as_uri())
        assert page.title().startswith("32. Telegram From the Embassy in the Soviet Union")

        page.click("a#d32fn2-ref")
        assert page.url.endswith("d32.html#d32fn2")
        assert page.evaluate("document.querySelector(':target').id") == "d32fn2"
        assert in_view(page, "#d32fn2") and not in_view(page, "#d32fn2-ref")
        assert page.locator("#d32fn2").inner_text().startswith("2")

        page.click("#d32fn2 a.fn-back")
        assert page.url.endswith("d32.html#d32fn2-ref")
        assert page.evaluate("document.querySelector(':target').id") == "d32fn2-ref"
        assert in_view(page, "#d32fn2-ref")

        person = page.locator("article > p a.persName").first
        assert person.get_attribute("href") == "persons.html#p_HA1"
        assert person.get_attribute("title").startswith("Hammer, Armand")
        person.click()
        page.wait_for_url("**/persons.html#p_HA1")
        assert page.evaluate("document.querySelector(':target').id") == "p_HA1"
        assert in_view(page, "#p_HA1") and "Hammer, Armand" in page.locator("#p_HA1").inner_text()

        page.go_back()
        assert page.url.endswith("d32.html#d32fn2-ref")
        page.click("nav.pager a[rel=next]")
        assert page.url.endswith("d33.html")


def test_one_saxon_processor_serves_the_rules_and_the_stylesheets(tmp_path):
    """saxonche wants one processor per process: validation and render share it."""
    from converters.render import xslt
    from converters.saxon import processor
    from converters.validation import rules, validate
    validate(Path(__file__).resolve().parents[2] / "tei" / "frus1961-63v05.xml")
    assert rules._state["processor"] is processor() is xslt.processor()
