"""Shared paths and helpers: the project's shared material sits beside the
repository; the reader tests convert small texts and look into their TEI.

Every helper here only reads; the tests decide what is right.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from lxml import etree

from converters.pipeline import ConvertOptions, ConvertReport, convert_text, sample_files

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
TEI_NS = "http://www.tei-c.org/ns/1.0"
NS = {"t": TEI_NS}
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
GOLD_DIR = SHARED / "gold" / "seeds"


@pytest.fixture(scope="session")
def shared() -> Path:
    if not (SHARED / "gold").is_dir():
        pytest.fail(f"the shared material is missing: expected it at {SHARED}")
    return SHARED


def T(tag: str) -> str:
    """Clark name of a TEI element."""
    return f"{{{TEI_NS}}}{tag}"


def local(el) -> str | None:
    return etree.QName(el).localname if isinstance(el.tag, str) else None


def convert(text: str, name: str = "t.txt", **options) -> ConvertReport:
    """convert_text with ConvertOptions(**options)."""
    return convert_text(text, name, ConvertOptions(**options))


def tei(report: ConvertReport) -> etree._Element:
    """The root of the one TEI the report holds (fails with the problems if none)."""
    assert report.outputs, "no TEI written; problems: " + "; ".join(str(p) for p in report.problems)
    assert len(report.outputs) == 1
    return etree.fromstring(report.outputs[0].xml)


def documents(root) -> list:
    return root.findall(f".//{T('body')}/{T('div')}[@type='document']")


def only_document(report: ConvertReport):
    docs = documents(tei(report))
    assert len(docs) == 1, [d.get("n") for d in docs]
    return docs[0]


def blocks(div) -> list:
    """The children of a document div, as elements."""
    return [c for c in div if isinstance(c.tag, str)]


def block_tags(div) -> list[str]:
    return [local(c) for c in blocks(div)]


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def text_of(el) -> str:
    """All the text of an element, notes included, white space collapsed."""
    return norm("".join(el.itertext()))


def flat(el, skip: tuple[str, ...] = (), note_text: bool = False) -> str:
    """The text of ``el`` with markers where notes and page breaks stand.

    A note becomes ``{n}`` (or ``{n:text}`` with ``note_text``), a page break
    ``|pb n|``; the text of other elements is kept, their tags dropped; the
    elements named in ``skip`` are left out with their text. White space is
    written exactly as it is in the TEI (not collapsed), so that spacing
    around notes and page breaks can be asserted.
    """
    out: list[str] = []

    def walk(e, top: bool) -> None:
        tag = local(e)
        if not top and tag == "note":
            out.append("{%s:%s}" % (e.get("n"), text_of(e)) if note_text else "{%s}" % e.get("n"))
        elif not top and tag == "pb":
            out.append("|pb %s|" % e.get("n"))
        elif tag is None or tag in skip:
            pass
        else:
            out.append(e.text or "")
            for child in e:
                walk(child, False)
                out.append(child.tail or "")

    walk(el, True)
    return "".join(out)


def notes_of(el) -> list:
    return el.findall(f".//{T('note')}")


def problems(report: ConvertReport, code: str) -> list:
    return [p for p in report.problems if p.code == code]


def codes(report: ConvertReport) -> set[str]:
    return {p.code for p in report.problems}


def sample(prefix: str) -> Path:
    """The shipped sample text whose name starts with ``prefix`` ("003")."""
    found = [p for p in sample_files() if p.name.startswith(prefix)]
    assert len(found) == 1, found
    return found[0]


@pytest.fixture
def write_text(tmp_path):
    """Write a text file in a fresh folder and return its path."""

    def write(name: str, text: str) -> Path:
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return path

    return write


V05_HEADER = """<TEI xmlns="http://www.tei-c.org/ns/1.0" xmlns:frus="http://history.state.gov/frus/ns/1.0"
 xml:id="frus1961-63v05">
<teiHeader><fileDesc>
<titleStmt>
<title type="complete">Foreign Relations of the United States, 1961–1963, Volume V, Soviet Union</title>
<title type="series">Foreign Relations of the United States</title>
<title type="sub-series">1961–1963</title>
<title type="volume-number">Volume V</title>
<title type="volume">Soviet Union</title>
</titleStmt>
<publicationStmt><publisher>United States Government Printing Office</publisher><pubPlace>Washington</pubPlace>
<idno type="frus">frus1961-63v05</idno></publicationStmt>
<sourceDesc><p>The Office of the Historian's TEI of documents of volume V (shared/gold).</p></sourceDesc>
</fileDesc></teiHeader>
<text><front/><body/></text></TEI>"""


def gold_v05_documents(shared: Path) -> list[Path]:
    """The Office's TEI of the volume V documents of the samples and the dev set (d317 is volume IX)."""
    seeds = [f for f in (shared / "gold" / "seeds").glob("d*.xml") if f.name != "d317.xml"]
    return seeds + sorted((shared / "gold" / "devset" / "v05").glob("d*.xml"))


def gold_v05_volume(shared: Path) -> bytes:
    """One FRUS volume of the Office's own encoding: volume V's lists as front matter, the documents in order."""
    from converters.validation import safe_parser
    tei = "{http://www.tei-c.org/ns/1.0}"
    root = etree.fromstring(V05_HEADER.encode("utf-8"))
    front, body = root.find(f".//{tei}front"), root.find(f".//{tei}body")
    for name in ("persons", "terms"):
        front.append(etree.parse(str(shared / "registers" / f"frus1961-63v05-{name}.xml"), safe_parser()).getroot())
    divs = [etree.parse(str(f), safe_parser()).getroot() for f in gold_v05_documents(shared)]
    for div in sorted(divs, key=lambda d: int(d.get("n"))):
        body.append(div)
    return etree.tostring(root, encoding="utf-8", xml_declaration=True)
