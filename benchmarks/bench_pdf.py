"""Print-edition speed, run on demand (not a pytest test).

    .venv/bin/python benchmarks/bench_pdf.py [--documents 100] [--shared ../shared] [--repeat 1] [--keep DIR]

Builds a volume of ``--documents`` documents from the Office's own TEI of
volume V (``gold/seeds`` and ``gold/devset/v05``, with the volume's persons
and terms lists as front matter), repeating the documents as often as
needed. Every copy is renumbered through the whole volume, so the volume is
valid as FRUS TEI would be: document numbers rise by one, ``xml:id``s of
documents, notes and page breaks are unique, and references into the same
copy follow it.

Timed, best of ``--repeat`` wall-clock runs: the XSLT (TEI → print HTML),
WeasyPrint's layout, WeasyPrint's PDF writing, and the whole ``render_pdf``
call. The budget of the issue is 30 s for 100 documents (whole call); the
script exits 1 when the whole call is over ``--budget`` seconds.
"""
from __future__ import annotations

import argparse
import copy
import platform
import sys
import tempfile
import time
from pathlib import Path

from lxml import etree

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from converters.render.printed import build_print_html, laid_out, render_pdf  # noqa: E402
from converters.validation import safe_parser  # noqa: E402

TEI_NS = "http://www.tei-c.org/ns/1.0"
FRUS_NS = "http://history.state.gov/frus/ns/1.0"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
T = f"{{{TEI_NS}}}"

HEADER = f"""<TEI xmlns="{TEI_NS}" xmlns:frus="{FRUS_NS}" xml:id="frus1961-63v05">
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
<sourceDesc><p>The Office of the Historian's TEI of volume V documents, repeated for a benchmark.</p></sourceDesc>
</fileDesc></teiHeader>
<text><front/><body/></text></TEI>"""


def gold_documents(shared: Path) -> list[etree._Element]:
    """The gold document divs of volume V in number order (d317 of the seeds is volume IX)."""
    files = [f for f in (shared / "gold" / "seeds").glob("d*.xml") if f.name != "d317.xml"]
    files += (shared / "gold" / "devset" / "v05").glob("d*.xml")
    divs = [etree.parse(str(f), safe_parser()).getroot() for f in files]
    return sorted(divs, key=lambda d: int(d.get("n")))


def build_volume(shared: Path, documents: int) -> bytes:
    """A volume of ``documents`` documents: the gold ones repeated and renumbered 1, 2, 3 …"""
    root = etree.fromstring(HEADER.encode("utf-8"))
    front, body = root.find(f".//{T}front"), root.find(f".//{T}body")
    for name in ("persons", "terms"):
        front.append(etree.parse(str(shared / "registers" / f"frus1961-63v05-{name}.xml"), safe_parser()).getroot())
    originals = gold_documents(shared)
    page = 0
    for start in range(0, documents, len(originals)):
        batch = [copy.deepcopy(d) for d in originals[: documents - start]]
        numbers = {d.get(XML_ID): start + i + 1 for i, d in enumerate(batch)}
        for div, n in zip(batch, numbers.values()):
            old = div.get("n")
            div.set("n", str(n))
            div.set(XML_ID, f"d{n}")
            head = div.find(f"{T}head")
            if head is not None and head.text and head.text.lstrip().startswith(f"{old}."):
                head.text = head.text.replace(f"{old}.", f"{n}.", 1)
            for note in div.iter(f"{T}note"):
                if note.get(XML_ID):
                    note.set(XML_ID, f"d{n}fn{note.get('n')}")
            for pb in div.iter(f"{T}pb"):
                page += 1
                pb.set("n", str(page))
                pb.set(XML_ID, f"pg_{page}")
            for ref in div.iter(f"{T}ref"):
                target = ref.get("target", "")
                if target.startswith("#") and target[1:] in numbers:
                    ref.set("target", f"#d{numbers[target[1:]]}")
            body.append(div)
    return etree.tostring(root, encoding="utf-8", xml_declaration=True)


def timed(call, repeat: int):
    best, result = float("inf"), None
    for _ in range(repeat):
        start = time.perf_counter()
        result = call()
        best = min(best, time.perf_counter() - start)
    return best, result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--documents", type=int, default=100)
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--budget", type=float, default=30.0, help="seconds allowed for the whole render_pdf call")
    parser.add_argument("--keep", type=Path, default=None, help="write the volume and its PDF here")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory() as tmp:
        out = args.keep or Path(tmp)
        out.mkdir(parents=True, exist_ok=True)
        volume = out / "frus1961-63v05.xml"
        volume.write_bytes(build_volume(args.shared, args.documents))

        render_pdf(volume, out)  # warm-up: Saxon compiles the stylesheet, fontconfig loads the fonts
        t_xslt, built = timed(lambda: build_print_html(volume), args.repeat)
        t_layout, (document, _) = timed(lambda: laid_out(built.html, out), args.repeat)
        t_write, pdf = timed(lambda: document.write_pdf(), args.repeat)
        t_total, path = timed(lambda: render_pdf(volume, out), args.repeat)

        print(f"# Print edition: {args.documents} documents, {len(document.pages)} pages, "
              f"{len(built.html) / 1e6:.2f} MB of HTML, {len(pdf) / 1e6:.2f} MB of PDF")
        print(f"Python {platform.python_version()}, {platform.machine()}, best of {args.repeat}\n")
        print("| phase | seconds |")
        print("| --- | ---: |")
        for phase, seconds in (("XSLT (print.xsl)", t_xslt), ("WeasyPrint layout", t_layout),
                               ("WeasyPrint PDF writing", t_write), ("render_pdf, whole call", t_total)):
            print(f"| {phase} | {seconds:.2f} |")
        over = t_total > args.budget
        print(f"\n{'OVER' if over else 'within'} the budget of {args.budget:.0f} s")
        return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
