"""schema/frus-tei.xsd: what it accepts, what it rejects, and that it is never looser than TEI.

Every valid file here passes lxml (libxml2, the fast path) and xmlschema (the
detailed report) alike: the Office's gold documents wrapped in a volume shell,
the project's tei/ corpus, the converter's output, hand-written fixtures and
random documents drawn from the schema itself. Every invalid fixture fails both.
All valid files then go through jing and tei_all.rng, once the FRUS extensions
(frus:* attributes, frus:attachment) are set aside: tei_all knows nothing of the
FRUS namespace, so that projection is what "a subset of TEI" can mean.
"""
from __future__ import annotations

import collections
import copy
import itertools
import math
import random
import runpy
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest
import xmlschema
from lxml import etree
from xmlschema.validators import XsdElement

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
SCHEMA_DIR = ROOT / "schema"
XSD = SCHEMA_DIR / "frus-tei.xsd"
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "schema"
TEI_ALL = SHARED / "tei" / "tei_all.rng"
REGISTERS = SHARED / "registers"
GOLD = sorted((SHARED / "gold" / "seeds").glob("d*.xml")) + sorted((SHARED / "gold" / "devset").glob("*/d*.xml"))

TEI = "http://www.tei-c.org/ns/1.0"
FRUS = "http://history.state.gov/frus/ns/1.0"
XS = "http://www.w3.org/2001/XMLSchema"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"

# What each invalid fixture must be rejected for (a piece of libxml2's message), so
# that a fixture cannot pass by failing for some other reason.
INVALID = {
    "invalid-root-namespace.xml": "No matching global declaration available for the validation root",
    "invalid-fragment-root.xml": "No matching global declaration available for the validation root",
    "invalid-unknown-element-in-p.xml": "blink': This element is not expected",
    "invalid-document-without-xml-id.xml": "'{http://www.w3.org/XML/1998/namespace}id' is required but missing",
    "invalid-duplicate-xml-id.xml": "d1fn1",
    "invalid-note-type.xml": "The value 'footnote' is not an element of the set",
    "invalid-hi-rend.xml": "The value 'bold' is not an element of the set",
    "invalid-p-rend.xml": "The value 'blink' is not an element of the set",
    "invalid-list-type.xml": "The value 'bullets' is not an element of the set",
    "invalid-div-type.xml": "The value 'letter' is not an element of the set",
    "invalid-date-feb30.xml": "'1961-02-30' is not a valid value",
    "invalid-date-yesterday.xml": "'yesterday' is not a valid value",
    "invalid-time-from.xml": "'4:30 p.m.' is not a valid value",
    "invalid-ref-target.xml": "'Document 32' is not accepted by the pattern",
    "invalid-pb-without-n.xml": "The attribute 'n' is required but missing",
    "invalid-text-without-body.xml": "text': Missing child element(s)",
    "invalid-empty-body.xml": "body': Missing child element(s)",
    "invalid-two-heads.xml": "head': This element is not expected",
    "invalid-p-after-closer.xml": "}p': This element is not expected",
    "invalid-attachment-with-div.xml": "}div': This element is not expected",
}
VALID_FIXTURES = sorted(p.name for p in FIXTURES.glob("valid-*.xml"))
CORPUS = sorted((ROOT / "tei").glob("*.xml"))
GENERATED = 60  # random documents drawn from the schema


# -- the two validators --------------------------------------------------------

def load_xmlschema() -> xmlschema.XMLSchema:
    # sandbox: only files under schema/ may be read while the schema is built
    return xmlschema.XMLSchema(str(XSD), allow="sandbox")


@pytest.fixture(scope="session")
def lxml_schema() -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(XSD), etree.XMLParser(no_network=True)))


@pytest.fixture(scope="session")
def xsd_schema() -> xmlschema.XMLSchema:
    return load_xmlschema()


def lxml_verdict(schema: etree.XMLSchema, path: Path) -> tuple[bool, str]:
    try:
        doc = etree.parse(str(path), etree.XMLParser(no_network=True))
    except etree.XMLSyntaxError as exc:  # libxml2 already refuses duplicate xml:ids when parsing
        return False, str(exc)
    if schema.validate(doc):
        return True, ""
    return False, "; ".join(str(e) for e in schema.error_log)


def xmlschema_verdict(schema: xmlschema.XMLSchema, path: Path) -> tuple[bool, str]:
    try:
        resource = xmlschema.XMLResource(str(path.resolve()), allow="local")
        error = next(schema.iter_errors(resource), None)
    except (xmlschema.XMLSchemaException, SyntaxError) as exc:
        return False, str(exc)
    return error is None, "" if error is None else str(error)


def assert_valid(lxml_schema, xsd_schema, path: Path) -> None:
    fast, fast_why = lxml_verdict(lxml_schema, path)
    detailed, detailed_why = xmlschema_verdict(xsd_schema, path)
    assert fast and detailed, f"{path.name}: lxml={fast} {fast_why[:800]}\nxmlschema={detailed} {detailed_why[:800]}"


# -- the schema files ------------------------------------------------------------

def test_schema_loads_offline(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("the schema tried to use the network")

    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket.socket, "connect", refuse)
    etree.XMLSchema(etree.parse(str(XSD), etree.XMLParser(no_network=True)))
    schema = load_xmlschema()
    # xml:id comes from the project's xml.xsd, not from a copy on the web
    assert Path(schema.maps.attributes[XML_ID].schema.url.removeprefix("file://")) == SCHEMA_DIR / "xml.xsd"
    assert schema.maps.attributes[XML_ID].type.local_name == "ID"


def test_imports_are_relative_and_local():
    for xsd in sorted(SCHEMA_DIR.glob("*.xsd")):
        for ref in etree.parse(str(xsd)).iter(f"{{{XS}}}import", f"{{{XS}}}include", f"{{{XS}}}redefine"):
            location = ref.get("schemaLocation")
            assert location, f"{xsd.name}: import of {ref.get('namespace')} without a schemaLocation"
            assert "://" not in location and not location.startswith("/"), f"{xsd.name}: {location}"
            assert (xsd.parent / location).is_file(), f"{xsd.name}: {location} missing"


def test_every_type_and_element_is_documented():
    kinds = ("element", "complexType", "simpleType", "group", "attributeGroup", "attribute")
    missing = []
    for xsd in sorted(SCHEMA_DIR.glob("*.xsd")):
        for el in etree.parse(str(xsd)).iter(*(f"{{{XS}}}{k}" for k in kinds)):
            local = etree.QName(el).localname
            if el.get("ref") is not None:
                continue  # a reference: documented where it is declared
            if local == "attribute" and etree.QName(el.getparent()).localname != "schema":
                continue  # local attributes are described by their element's or group's documentation
            doc = el.find(f"{{{XS}}}annotation/{{{XS}}}documentation")
            if doc is None or not (doc.text or "").strip():
                missing.append(f"{xsd.name}:{el.sourceline} {local} {el.get('name')}")
    assert not missing, "undocumented:\n" + "\n".join(missing)


def test_only_tei_can_be_the_root(xsd_schema):
    ours = [name for name in xsd_schema.maps.elements if name.startswith((f"{{{TEI}}}", f"{{{FRUS}}}"))]
    assert ours == [f"{{{TEI}}}TEI"]


# -- valid files -------------------------------------------------------------------

@pytest.fixture(scope="session")
def make_volume():
    if not (SHARED / "gold").is_dir():
        pytest.fail(f"the shared material is missing: expected it at {SHARED}")
    return runpy.run_path(str(SHARED / "eval" / "make_volume.py"))["main"]


def build_volume(make_volume, out: Path, gold: list[Path], docs: int, volume: str = "v05") -> Path:
    make_volume([str(out), *map(str, gold), "--docs", str(docs),
                 "--persons", str(REGISTERS / f"frus1961-63{volume}-persons.xml"),
                 "--terms", str(REGISTERS / f"frus1961-63{volume}-terms.xml")])
    return out


def gold_id(path: Path) -> str:
    return f"{path.parent.name}-{path.stem}"


@pytest.fixture(scope="session")
def gold_volumes(make_volume, tmp_path_factory) -> dict[str, Path]:
    """Each gold document alone in a volume with the vol V registers, all of them in one
    volume, and d317 in a volume with vol IX's own header and registers."""
    out = tmp_path_factory.mktemp("gold-volumes")
    volumes = {gold_id(g): build_volume(make_volume, out / f"{gold_id(g)}.xml", [g], 1) for g in GOLD}
    volumes["all-gold"] = build_volume(make_volume, out / "all-gold.xml", GOLD, len(GOLD))

    ix = build_volume(make_volume, out / "frus1961-63v09.xml", [SHARED / "gold" / "seeds" / "d317.xml"], 1, "v09")
    tree = etree.parse(str(ix))
    header = etree.parse(str(REGISTERS / "frus1961-63v09-header.xml")).getroot()
    # the register file holds titleStmt and publicationStmt only; TEI requires a sourceDesc
    source = etree.SubElement(header.find(f"{{{TEI}}}fileDesc"), f"{{{TEI}}}sourceDesc")
    etree.SubElement(source, f"{{{TEI}}}p").text = "Released in 1995 as printed book."
    root = tree.getroot()
    root.replace(root.find(f"{{{TEI}}}teiHeader"), header)
    root.set(XML_ID, "frus1961-63v09")
    tree.write(str(ix), encoding="utf-8", xml_declaration=True)
    volumes["vol-ix-office-header"] = ix
    return volumes


@pytest.mark.parametrize("gold", GOLD, ids=gold_id)
def test_gold_document_in_a_volume_is_valid(gold, gold_volumes, lxml_schema, xsd_schema):
    assert_valid(lxml_schema, xsd_schema, gold_volumes[gold_id(gold)])


@pytest.mark.parametrize("name", ["all-gold", "vol-ix-office-header"])
def test_gold_volume_is_valid(name, gold_volumes, lxml_schema, xsd_schema):
    assert_valid(lxml_schema, xsd_schema, gold_volumes[name])


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.name)
def test_project_corpus_is_valid(path, lxml_schema, xsd_schema):
    assert_valid(lxml_schema, xsd_schema, path)


@pytest.fixture(scope="session")
def converted(tmp_path_factory) -> list[Path]:
    """The sample texts converted with the vol V registers as front matter."""
    out = tmp_path_factory.mktemp("converted")
    run = subprocess.run([sys.executable, "-m", "converters", "convert", "-o", str(out),
                          "--persons", str(REGISTERS / "frus1961-63v05-persons.xml"),
                          "--terms", str(REGISTERS / "frus1961-63v05-terms.xml")],
                         cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert run.returncode in (0, 1), run.stdout + run.stderr  # 1: written, with problems to look at
    files = sorted(out.glob("*.xml"))
    assert files, run.stdout + run.stderr
    return files


def test_converter_output_with_registers_is_valid(converted, lxml_schema, xsd_schema):
    for path in converted:
        assert etree.parse(str(path)).find(f"{{{TEI}}}text/{{{TEI}}}front") is not None
        assert_valid(lxml_schema, xsd_schema, path)


@pytest.mark.parametrize("name", VALID_FIXTURES)
def test_valid_fixture(name, lxml_schema, xsd_schema):
    assert_valid(lxml_schema, xsd_schema, FIXTURES / name)


# -- invalid files -------------------------------------------------------------------

def test_fixtures_are_all_accounted_for():
    names = {p.name for p in FIXTURES.glob("*.xml")}
    assert names == set(INVALID) | set(VALID_FIXTURES)


@pytest.mark.parametrize("name", sorted(INVALID))
def test_invalid_fixture_fails_both(name, lxml_schema, xsd_schema):
    path = FIXTURES / name
    fast, fast_why = lxml_verdict(lxml_schema, path)
    detailed, detailed_why = xmlschema_verdict(xsd_schema, path)
    assert not fast and not detailed, f"lxml={fast} xmlschema={detailed}"
    assert INVALID[name] in fast_why, fast_why
    assert detailed_why


# -- random documents: the schema's own view of what it allows --------------------

SAMPLES = {
    "languageOrEmpty": ["en", "ru", "de-AT", ""],
    "localPointers": ["#right", "#left #center-block"],
    "localPointer": ["#t_USSR1", "#right"],
    "nonEmpty": ["1", "55", "[3]", " A title "],
    "string": ["1", "iv", ""],
    "temporal": ["1961-02-26", "1961-02-18T19:00:00", "1962-09-05T00:00:00-05:00", "1961-02", "1961"],
    "clockTime": ["16:30:00", "09:05:00-05:00"],
    "timeWhen": ["16:30:00", "1961-02-03T17:10:00"],
    "word": ["text-file", "main"],
    "pointer": ["0083", "figure_0001", "https://static.history.state.gov/x.png"],
    "personPointer": ["#p_RD1", "frus1961-63v06#p_KNS1"],
    "refTarget": ["#d1", "frus1961-63v06", "frus1961-63v06#d5", "https://history.state.gov/",
                  "mailto:history@state.gov"],
    "count": ["0", "3"],
    "dateTime": ["1962-09-05T00:00:00-05:00", "1962-09-05T23:59:59"],
    "Name": ["frus-tei"],
    "application.version": ["0.1.0", "2.10b3"],
}


def reachable(root) -> list:
    """The element declarations and model groups reachable from ``root``."""
    parts, todo, seen = [], [root], set()
    while todo:
        c = todo.pop()
        if id(c) in seen:
            continue
        seen.add(id(c))
        parts.append(c)
        if not isinstance(c, XsdElement):
            todo.extend(c)
        elif c.type.is_complex() and not c.type.has_simple_content():
            todo.append(c.type.content)
    return parts


def children(decl) -> list:
    """The element declarations that may be children of ``decl`` (groups looked through)."""
    if not decl.type.is_complex() or decl.type.has_simple_content():
        return []
    out, todo, seen = [], [decl.type.content], set()
    while todo:
        g = todo.pop()
        if id(g) in seen:
            continue
        seen.add(id(g))
        for p in g:
            if isinstance(p, XsdElement):
                if all(p is not q for q in out):
                    out.append(p)
            else:
                todo.append(p)
    return out


def holds(particle, decl) -> bool:
    """Whether ``decl`` can be produced directly (not inside another element) by ``particle``."""
    if isinstance(particle, XsdElement):
        return particle is decl
    return any(holds(p, decl) for p in particle)


def pairs(schema) -> list[tuple]:
    """Every (parent, child) pair of element declarations the schema allows under TEI."""
    return [(d, c) for d in reachable(schema.elements["TEI"]) if isinstance(d, XsdElement) for c in children(d)]


def path_to(schema, target) -> list:
    """The shortest chain of declarations from TEI down to ``target`` (TEI excluded)."""
    root = schema.elements["TEI"]
    if target is root:
        return []
    back, queue = {id(root): None}, [root]
    while queue:
        d = queue.pop(0)
        for c in children(d):
            if id(c) not in back:
                back[id(c)] = d
                if c is target:
                    chain = [c]
                    while back[id(chain[0])] is not root:
                        chain.insert(0, back[id(chain[0])])
                    return chain
                queue.append(c)
    raise LookupError(target)


class RandomDocument:
    """A random instance of the schema, built from xmlschema's components: every
    choice, repetition and optional attribute drawn at random, choices leaning towards
    the branches taken least so far (``usage``, shared between documents). Below
    ``max_depth``, or once ``budget`` elements are made, only what is required
    follows, by the shallowest way out, so that every document ends."""

    def __init__(self, schema: xmlschema.XMLSchema, seed: int, usage: collections.Counter,
                 max_depth: int = 10, budget: int = 1500):
        self.schema, self.rnd, self.usage = schema, random.Random(seed), usage
        self.max_depth, self.budget = max_depth, budget
        self.ids = itertools.count(1)
        self.made = 0
        self.height: dict[int, float] = {}
        self._measure(schema.elements["TEI"])

    def _measure(self, root) -> None:
        """Least depth of a complete subtree for every element and group (a fixed point)."""
        parts = reachable(root)
        self.height = dict.fromkeys(map(id, parts), math.inf)
        changed = True
        while changed:
            changed = False
            for c in parts:
                if isinstance(c, XsdElement):
                    simple = not c.type.is_complex() or c.type.has_simple_content()
                    h = 1 if simple else 1 + self.height[id(c.type.content)]
                else:
                    sub = [0 if p.min_occurs == 0 else self.height[id(p)] for p in c] or [0]
                    h = min(sub) if c.model == "choice" else max(sub)
                if h < self.height[id(c)]:
                    self.height[id(c)], changed = h, True

    def value(self, t) -> str:
        if getattr(t, "enumeration", None):
            return self.rnd.choice(t.enumeration)
        name = t.local_name if t.name else None
        if name == "ID":
            return f"id{next(self.ids)}"
        if name in SAMPLES:
            return self.rnd.choice(SAMPLES[name])
        if getattr(t, "member_types", None):
            return self.value(self.rnd.choice(t.member_types))
        raise KeyError(f"no sample value for {t!r}: add one to SAMPLES")

    def element(self, decl, depth: int) -> etree._Element:
        self.made += 1
        el = etree.Element(decl.name)
        t = decl.type
        for name, attr in t.attributes.items():
            if attr.use == "required" or self.rnd.random() < 0.35:
                el.set(name, self.value(attr.type))
        if t.has_simple_content():
            el.text = self.value(t.content)
        elif not t.is_empty():
            self.particle(el, t.content, depth + 1, t.mixed)
        return el

    def text(self, el, mixed: bool) -> None:
        if mixed and self.rnd.random() < 0.5:
            words = self.rnd.choice(["Text", " plain text ", "Moscow, ", "\n  "])
            if len(el):
                el[-1].tail = (el[-1].tail or "") + words
            else:
                el.text = (el.text or "") + words

    def particle(self, el, p, depth: int, mixed: bool) -> None:
        spent = depth >= self.max_depth or self.made >= self.budget
        lo, hi = p.min_occurs, p.max_occurs
        extra = 2 if depth < 4 else 1
        n = lo if spent else self.rnd.randint(lo, min(lo + extra, hi if hi is not None else lo + extra))
        for _ in range(n):
            if isinstance(p, XsdElement):
                self.text(el, mixed)
                el.append(self.element(p, depth))
            elif p.model == "choice":
                kids = list(p)
                if spent:
                    kid = min(kids, key=lambda k: self.height[id(k)] if k.min_occurs else 0)
                else:
                    kid = self.rnd.choices(kids, [1 / (1 + self.usage[id(k)]) for k in kids])[0]
                    self.usage[id(kid)] += 1
                self.particle(el, kid, depth, mixed)
            else:
                for kid in p:
                    self.particle(el, kid, depth, mixed)
        self.text(el, mixed)

    def tree(self) -> etree._ElementTree:
        return etree.ElementTree(self.element(self.schema.elements["TEI"], 0))

    # A smallest document holding a given chain of elements, every attribute set

    def forced(self, decl, chain: list) -> etree._Element:
        el = etree.Element(decl.name)
        t = decl.type
        for name, attr in t.attributes.items():
            el.set(name, self.value(attr.type))
        if t.has_simple_content():
            el.text = self.value(t.content)
        elif not t.is_empty():
            placed = self.emit(el, t.content, chain)
            assert placed or not chain, (decl.name, chain[0].name)
        return el

    def emit(self, el, p, chain: list) -> bool:
        target = chain[0] if chain and holds(p, chain[0]) else None
        times = max(p.min_occurs, 1 if target is not None else 0)
        for i in range(times):
            now = chain if i == 0 and target is not None else []
            if isinstance(p, XsdElement):
                el.append(self.forced(p, now[1:]))
            elif p.model == "choice":
                kids = list(p)
                kid = next(k for k in kids if holds(k, now[0])) if now else \
                    min(kids, key=lambda k: self.height[id(k)] if k.min_occurs else 0)
                self.emit(el, kid, now)
            else:
                for kid in p:
                    if self.emit(el, kid, now):
                        now = []
        return target is not None

    def holding(self, chain: list) -> etree._ElementTree:
        return etree.ElementTree(self.forced(self.schema.elements["TEI"], chain))


@pytest.fixture(scope="session")
def generated(xsd_schema, tmp_path_factory) -> list[Path]:
    out = tmp_path_factory.mktemp("generated")
    paths, usage = [], collections.Counter()
    for seed in range(GENERATED):
        path = out / f"random-{seed}.xml"
        RandomDocument(xsd_schema, seed, usage).tree().write(str(path), encoding="utf-8", xml_declaration=True)
        paths.append(path)
    return paths


def test_random_documents_are_valid_for_both(generated, lxml_schema, xsd_schema):
    """The generator reads the schema as xmlschema does; libxml2 must agree on every document."""
    for path in generated:
        assert_valid(lxml_schema, xsd_schema, path)


def test_random_documents_cover_the_schema(generated, xsd_schema):
    seen = set()
    for path in generated:
        seen.update(etree.QName(e).localname for e in etree.parse(str(path)).iter() if isinstance(e.tag, str))
    declared = {etree.QName(c.name).localname for c in reachable(xsd_schema.elements["TEI"])
                if isinstance(c, XsdElement)}
    assert declared - seen == set()


# -- never looser than tei_all ----------------------------------------------------

def tei_projection(tree: etree._ElementTree) -> etree._ElementTree:
    """The volume with the FRUS extensions set aside: frus:* attributes dropped, and each
    frus:attachment taken out of its document and appended to the body as a plain div,
    where tei_all checks its content as a division's."""
    root = copy.deepcopy(tree.getroot())
    for el in root.iter():
        for name in [n for n in el.attrib if n.startswith(f"{{{FRUS}}}")]:
            del el.attrib[name]
    body = root.find(f"{{{TEI}}}text/{{{TEI}}}body")
    for attachment in list(root.iter(f"{{{FRUS}}}attachment")):
        div = etree.SubElement(body, f"{{{TEI}}}div", dict(attachment.attrib), type="attachment")
        div.text = attachment.text
        div.extend(list(attachment))
        parent, previous, tail = attachment.getparent(), attachment.getprevious(), attachment.tail
        parent.remove(attachment)
        if tail and previous is not None:
            previous.tail = (previous.tail or "") + tail
        elif tail:
            parent.text = (parent.text or "") + tail
    leftover = [el for el in root.iter() if isinstance(el.tag, str) and el.tag.startswith(f"{{{FRUS}}}")]
    assert not leftover, leftover
    return etree.ElementTree(root)


def jing(paths: list[Path]) -> subprocess.CompletedProcess:
    if shutil.which("jing") is None:
        pytest.skip("jing is not installed (scripts/setup.sh installs it)")
    return subprocess.run(["jing", str(TEI_ALL), *map(str, paths)], capture_output=True, text=True, timeout=600)


def test_tei_all_accepts_every_valid_file(gold_volumes, converted, generated, tmp_path):
    valid = [*gold_volumes.values(), *CORPUS, *converted, *(FIXTURES / n for n in VALID_FIXTURES), *generated]
    projected = []
    for i, path in enumerate(valid):
        out = tmp_path / f"{i:03d}-{path.name}"
        tei_projection(etree.parse(str(path))).write(str(out), encoding="utf-8", xml_declaration=True)
        projected.append(out)
    run = jing(projected)
    assert run.returncode == 0, run.stdout[:5000]


def test_tei_all_knows_nothing_of_the_frus_namespace(gold_volumes):
    """Why the projection: gold d317 carries frus:doc-dateTime-min/-max, which tei_all refuses."""
    run = jing([gold_volumes["seeds-d317"]])
    assert run.returncode != 0 and "frus:doc-dateTime-min" in run.stdout, run.stdout


def test_projection_changes_nothing_but_the_extensions():
    rich = etree.parse(str(FIXTURES / "valid-rich.xml"))
    projected = tei_projection(rich)
    assert etree.tostring(tei_projection(projected).getroot()) == etree.tostring(projected.getroot())
    ids = lambda t: sorted(el.get(XML_ID) for el in t.iter() if el.get(XML_ID))  # noqa: E731
    assert ids(projected) == ids(rich)  # attachments are moved, not lost
    plain = etree.parse(str(FIXTURES / "valid-minimal.xml"))
    assert etree.tostring(tei_projection(plain).getroot()) == etree.tostring(plain.getroot())
