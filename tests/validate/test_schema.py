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
from converters.validation.conformance import tei_projection

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
    "invalid-div-without-head.xml": "dateline': This element is not expected. Expected is one of",
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
    script = Path(sys.executable).with_name("frus-tei")  # the console script beside this interpreter
    command = [str(script)] if script.is_file() else [sys.executable, "-m", "converters"]
    run = subprocess.run([*command, "convert", "-o", str(out),
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


# -- documents drawn from the schema itself ----------------------------------------
#
# The gold and the fixtures show what FRUS looks like; these show what the schema
# lets through. Random documents try orderings and repetitions; "coverage" documents
# are the smallest volumes that put each allowed child in each parent, and each
# attribute value the schema knows on each element. All go to jing below.

SAMPLES = {  # values for the schema's open types (enumerations supply their own)
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


def samples(t) -> list[str] | None:
    """Every value tried for simple type ``t``; None for xs:ID (made unique instead)."""
    if getattr(t, "enumeration", None):
        return list(t.enumeration)
    name = t.local_name if t.name else None
    if name == "ID":
        return None
    if name in SAMPLES:
        return SAMPLES[name]
    if getattr(t, "member_types", None):
        return [v for m in t.member_types for v in samples(m)]
    raise KeyError(f"no sample value for {t!r}: add one to SAMPLES")


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


def declarations(schema) -> list:
    return [c for c in reachable(schema.elements["TEI"]) if isinstance(c, XsdElement)]


def children(decl) -> list:
    """The element declarations that may be children of ``decl`` (groups looked through)."""
    if not decl.type.is_complex() or decl.type.has_simple_content():
        return []
    found, todo, seen = [], [decl.type.content], set()
    while todo:
        group = todo.pop()
        if id(group) not in seen:
            seen.add(id(group))
            for p in group:
                if not isinstance(p, XsdElement):
                    todo.append(p)
                elif all(p is not q for q in found):
                    found.append(p)
    return found


def holds(particle, decl) -> bool:
    """Whether ``particle`` can produce ``decl`` directly (not inside another element)."""
    if isinstance(particle, XsdElement):
        return particle is decl
    return any(holds(p, decl) for p in particle)


def path_to(schema, target) -> list:
    """The shortest chain of declarations from TEI down to ``target`` (TEI excluded)."""
    root = schema.elements["TEI"]
    back, queue = {id(root): None}, [root]
    while queue:
        d = queue.pop(0)
        if d is target:
            chain = []
            while d is not root:
                chain.insert(0, d)
                d = back[id(d)]
            return chain
        for c in children(d):
            if id(c) not in back:
                back[id(c)] = d
                queue.append(c)
    raise LookupError(target)


class Instances:
    """Instances of the schema built from xmlschema's components.

    ``random_tree``: every choice, repetition and optional attribute drawn at random,
    choices leaning towards the branches taken least so far (``usage``, shared between
    documents); below ``max_depth`` or past ``budget`` elements only what is required
    follows, by the shallowest way out, so every document ends.
    ``holding(chain)``: the smallest volume in which each element of ``chain`` is a
    child of the one before (TEI first), every attribute set (``fixed`` ones as given).
    """

    def __init__(self, schema, seed: int = 0, usage: collections.Counter | None = None,
                 max_depth: int = 10, budget: int = 1500):
        self.schema, self.rnd = schema, random.Random(seed)
        self.usage = usage if usage is not None else collections.Counter()
        self.max_depth, self.budget, self.made = max_depth, budget, 0
        self.ids = itertools.count(1)
        self.height = self._heights(reachable(schema.elements["TEI"]))

    @staticmethod
    def _heights(parts) -> dict[int, float]:
        """Least depth of a complete subtree for every element and group (a fixed point)."""
        height = dict.fromkeys(map(id, parts), math.inf)
        changed = True
        while changed:
            changed = False
            for c in parts:
                if isinstance(c, XsdElement):
                    simple = not c.type.is_complex() or c.type.has_simple_content()
                    h = 1 if simple else 1 + height[id(c.type.content)]
                else:
                    sub = [0 if p.min_occurs == 0 else height[id(p)] for p in c] or [0]
                    h = min(sub) if c.model == "choice" else max(sub)
                if h < height[id(c)]:
                    height[id(c)], changed = h, True
        return height

    def value(self, t) -> str:
        values = samples(t)
        return f"id{next(self.ids)}" if values is None else self.rnd.choice(values)

    def shallowest(self, choice):
        return min(choice, key=lambda k: self.height[id(k)] if k.min_occurs else 0)

    # random documents

    def random_tree(self) -> etree._ElementTree:
        return etree.ElementTree(self._random(self.schema.elements["TEI"], 0))

    def _random(self, decl, depth: int) -> etree._Element:
        self.made += 1
        el = etree.Element(decl.name)
        t = decl.type
        for name, attr in t.attributes.items():
            if attr.use == "required" or self.rnd.random() < 0.35:
                el.set(name, self.value(attr.type))
        if t.has_simple_content():
            el.text = self.value(t.content)
        elif not t.is_empty():
            self._particle(el, t.content, depth + 1, t.mixed)
        return el

    def _text(self, el, mixed: bool) -> None:
        if mixed and self.rnd.random() < 0.5:
            words = self.rnd.choice(["Text", " plain text ", "Moscow, ", "\n  "])
            if len(el):
                el[-1].tail = (el[-1].tail or "") + words
            else:
                el.text = (el.text or "") + words

    def _particle(self, el, p, depth: int, mixed: bool) -> None:
        spent = depth >= self.max_depth or self.made >= self.budget
        lo, hi = p.min_occurs, p.max_occurs
        extra = 2 if depth < 4 else 1
        n = lo if spent else self.rnd.randint(lo, min(lo + extra, hi if hi is not None else lo + extra))
        for _ in range(n):
            if isinstance(p, XsdElement):
                self._text(el, mixed)
                el.append(self._random(p, depth))
            elif p.model == "choice":
                kids = list(p)
                if spent:
                    kid = self.shallowest(kids)
                else:
                    kid = self.rnd.choices(kids, [1 / (1 + self.usage[id(k)]) for k in kids])[0]
                    self.usage[id(kid)] += 1
                self._particle(el, kid, depth, mixed)
            else:
                for kid in p:
                    self._particle(el, kid, depth, mixed)
        self._text(el, mixed)

    # smallest documents holding a chain

    def holding(self, chain: list, fixed: dict | None = None) -> etree._ElementTree:
        return etree.ElementTree(self._forced(self.schema.elements["TEI"], chain, fixed or {}))

    def _forced(self, decl, chain: list, fixed: dict) -> etree._Element:
        el = etree.Element(decl.name)
        t = decl.type
        for name, attr in t.attributes.items():
            el.set(name, fixed[name] if not chain and name in fixed else self.value(attr.type))
        if t.has_simple_content():
            el.text = self.value(t.content)
        elif not t.is_empty():
            self._emit(el, t.content, chain, fixed)
        return el

    def _emit(self, el, p, chain: list, fixed: dict) -> bool:
        """Append ``p``'s least content, with ``chain[0]`` in it if ``p`` can hold it;
        return whether it did."""
        place = bool(chain) and holds(p, chain[0])
        for i in range(max(p.min_occurs, 1 if place else 0)):
            now = chain if i == 0 and place else []
            if isinstance(p, XsdElement):
                el.append(self._forced(p, now[1:], fixed if now else {}))
            elif p.model == "choice":
                kid = next(k for k in p if holds(k, now[0])) if now else self.shallowest(list(p))
                self._emit(el, kid, now, fixed)
            else:
                for kid in p:
                    if self._emit(el, kid, now, fixed):
                        now = []
        return place


def pair_key(el) -> tuple[str, str]:
    return etree.QName(el.getparent()).text, etree.QName(el).text


@pytest.fixture(scope="session")
def generated(xsd_schema, tmp_path_factory) -> list[Path]:
    out = tmp_path_factory.mktemp("generated")
    paths, usage = [], collections.Counter()
    for seed in range(GENERATED):
        path = out / f"random-{seed}.xml"
        Instances(xsd_schema, seed, usage).random_tree().write(str(path), encoding="utf-8", xml_declaration=True)
        paths.append(path)
    return paths


@pytest.fixture(scope="session")
def coverage(xsd_schema, tmp_path_factory) -> dict:
    """One smallest volume per allowed (parent, child) pair, and per element enough
    volumes to try each value of each of its attributes once."""
    out = tmp_path_factory.mktemp("coverage")
    make = Instances(xsd_schema)
    paths, wanted_pairs, wanted_values = [], set(), set()
    for decl in declarations(xsd_schema):
        chain = path_to(xsd_schema, decl)
        for child in children(decl):
            wanted_pairs.add((decl.name, child.name))
            paths.append(out / f"pair-{len(paths)}.xml")
            make.holding([*chain, child]).write(str(paths[-1]), encoding="utf-8")
        values = {name: samples(attr.type) for name, attr in decl.type.attributes.items()}
        values = {name: vs for name, vs in values.items() if vs}
        for k in range(max(map(len, values.values()), default=0)):
            fixed = {name: vs[k % len(vs)] for name, vs in values.items()}
            wanted_values.update((decl.name, name, v) for name, v in fixed.items())
            paths.append(out / f"values-{len(paths)}.xml")
            make.holding(chain, fixed).write(str(paths[-1]), encoding="utf-8")
    return {"paths": paths, "pairs": wanted_pairs, "values": wanted_values}


def test_random_documents_are_valid_for_both(generated, lxml_schema, xsd_schema):
    """The generator reads the schema as xmlschema does; libxml2 must agree on every document."""
    for path in generated:
        assert_valid(lxml_schema, xsd_schema, path)


def test_coverage_documents_are_valid_for_both(coverage, lxml_schema, xsd_schema):
    for path in coverage["paths"]:
        assert_valid(lxml_schema, xsd_schema, path)


def test_coverage_documents_cover_every_pair_and_value(coverage):
    pairs, values = set(), set()
    for path in coverage["paths"]:
        for el in etree.parse(str(path)).iter():
            if el.getparent() is not None:
                pairs.add(pair_key(el))
            values.update((el.tag, name, v) for name, v in el.attrib.items())
    assert coverage["pairs"] <= pairs and coverage["values"] <= values
    assert len(coverage["pairs"]) > 600  # the schema's size today; a sudden drop means a broken walk


# -- never looser than tei_all ----------------------------------------------------

def jing(paths: list[Path]) -> subprocess.CompletedProcess:
    if shutil.which("jing") is None:
        pytest.skip("jing is not installed (scripts/setup.sh installs it)")
    return subprocess.run(["jing", str(TEI_ALL), *map(str, paths)], capture_output=True, text=True, timeout=600)


def test_tei_all_accepts_every_valid_file(gold_volumes, converted, generated, coverage, tmp_path):
    valid = [*gold_volumes.values(), *CORPUS, *converted, *(FIXTURES / n for n in VALID_FIXTURES),
             *generated, *coverage["paths"]]
    projected = []
    for i, path in enumerate(valid):
        out = tmp_path / f"{i:04d}-{path.name}"
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


def test_tei_all_check_of_the_command_sets_the_frus_namespace_aside(gold_volumes):
    """`frus-tei validate --tei-all` accepts the Office's d317, frus:doc-dateTime-min and all."""
    from converters.validation import validate_files
    report = validate_files([gold_volumes["seeds-d317"]], tei_all=str(TEI_ALL), check_conformance=True)
    assert not [p for p in report.problems if p.code == "tei-all"], [str(p) for p in report.problems]
