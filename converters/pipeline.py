"""The library API: convert text files to FRUS TEI volumes, as plain functions.

The command line is a thin layer over these; tests and other programs call
them directly. Nothing here prints or exits.
"""
from __future__ import annotations

import os
import tempfile
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from . import __version__
from .checks import first_line_with, lost_words
from .model import Document, SourceText, Volume
from .problems import ConversionError, Problem
from .readers import read_text_as
from .annotate import all_inlines, annotate
from .annotate.discover import discover_persons
from .annotate.persons import PersonMatcher
from .annotate.terms import TermMatcher
from .readers.result import Read
from .registers import Register, keep_used, load_register
from .resources import data_dir
from .tei.names import TEI
from .tei.writer import Writer, serialize
from .textio import decode, read_text, without_controls
from .validation import safe_parser, validate
from .volumes import info_from_id, is_volume_id

MANIFEST = "volumes.toml"


@dataclass
class ConvertOptions:
    volume_id: str | None = None
    style: str | None = None  # "webcopy", "e2" or None to detect
    note_base: int | None = None  # web copy: number of the first note (None: volumes.toml, else 1)
    persons: Path | None = None
    terms: Path | None = None
    date: str | None = None  # recorded in revisionDesc only when given
    keep_register: bool = False  # front matter: every given register entry, not only those used


@dataclass
class Converted:
    volume: Volume
    xml: bytes


@dataclass
class ConvertReport:
    outputs: list[Converted] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    failed: bool = False  # something could not be converted at all

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def exit_code(self) -> int:
        return 2 if self.failed else (1 if self.errors else 0)


def sample_files() -> list[Path]:
    """The sample texts shipped with the package: the built-in default input."""
    return sorted(data_dir("samples").glob("*.txt"))


def input_files(paths: list[Path]) -> list[Path]:
    """Files to read: the given files, the .txt files of given folders, in name order."""
    if not paths:
        return sample_files()
    out: list[Path] = []
    for path in paths:
        if path.is_dir():
            found = sorted(path.glob("*.txt"))
            if not found:
                raise ConversionError(str(path), 0, "no-input", "this folder holds no .txt files")
            out += found
        else:
            out.append(path)
    return out


def _manifest(folder: Path, cache: dict[Path, dict]) -> dict:
    if folder not in cache:
        path = folder / MANIFEST
        try:
            cache[folder] = tomllib.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}
        except (tomllib.TOMLDecodeError, OSError) as exc:
            raise ConversionError(str(path), 0, "bad-manifest", f"cannot read {MANIFEST}: {exc}") from exc
    return cache[folder]


# Rules that a faulty text breaks by itself (no source note, notes out of order,
# an impossible date): the TEI is still written, with the problems reported.
# Any other failure of the output is the converter's fault.
# Warnings every partial volume gets (documents 22-31 missing, "See Document 2"): convert does not repeat them.
EXPECTED_IN_PART = ("document-gap", "pointer-to-missing-document")
INPUT_RULES = {"source-note", "source-note-text", "note-number", "document-order", "date-iso", "date-range",
               "not-empty", "signed-persname", "space-before-note"} | set(EXPECTED_IN_PART)


@dataclass
class _Source:
    path: Path
    style: str
    encoding: str
    read: Read
    volume_id: str


def _read_one(path: Path, options: ConvertOptions, manifests: dict, report: ConvertReport) -> _Source | None:
    name = str(path)
    try:
        manifest = _manifest(path.parent, manifests)
        vol_id = options.volume_id or manifest.get("volumes", {}).get(path.name)
        note_base = options.note_base
        if note_base is None:
            note_base = int(manifest.get("note-base", {}).get(vol_id or "", 1))
        text, encoding = read_text(path)
        text, stray = without_controls(text, name)
        report.problems += stray
        style, read = read_text_as(text, name, options.style, note_base)
    except ConversionError as exc:
        report.problems.append(exc.problem)
        report.failed = True
        return None
    report.problems += read.problems + _empty_documents(read)
    vol_id = vol_id or (read.info.id if read.info else None)
    if not vol_id:
        report.problems.append(Problem(name, 0, "error", "no-volume",
                                       "the text does not say which FRUS volume it is from: give --volume-id "
                                       f"(for example frus1961-63v05) or name the file in a {MANIFEST} beside it"))
        report.failed = True
        return None
    if not is_volume_id(vol_id):
        report.problems.append(Problem(name, 0, "error", "bad-volume-id",
                                       f"'{vol_id}' is not a FRUS volume id such as frus1961-63v05"))
        report.failed = True
        return None
    return _Source(path, style, encoding, read, vol_id)


def _empty_documents(read: Read) -> list[Problem]:
    """A heading with no text after it: a truncated copy, most likely."""
    from .model import Dateline, PageBreak
    return [Problem(doc.where.file, doc.where.line, "error", "empty-document",
                    f"document {doc.n} has a heading but no text after it: add its text (the copy may be cut short)")
            for doc in read.documents if all(isinstance(b, (PageBreak, Dateline)) for b in doc.blocks)]


def convert_files(paths: list[Path], options: ConvertOptions | None = None) -> ConvertReport:
    """Convert text files (folders: their .txt files; none: the samples) to one TEI per volume."""
    options = options or ConvertOptions()
    report = ConvertReport()
    manifests: dict[Path, dict] = {}
    try:
        files = input_files(paths)
        given = [load_register(p, k) for k, p in (("persons", options.persons), ("terms", options.terms)) if p]
    except ConversionError as exc:
        report.problems.append(exc.problem)
        report.failed = True
        return report
    sources = [s for s in (_read_one(p, options, manifests, report) for p in files) if s]
    by_volume: dict[str, list[_Source]] = {}
    for src in sources:
        by_volume.setdefault(src.volume_id, []).append(src)
    for vol_id in sorted(by_volume):
        titles = {}
        for src in by_volume[vol_id]:
            titles.update(_manifest(src.path.parent, manifests).get("titles", {}))
        try:
            own = given + _manifest_registers(vol_id, by_volume[vol_id], manifests, {r.kind for r in given})
        except ConversionError as exc:
            report.problems.append(exc.problem)
            report.failed = True
            continue
        converted = _volume(vol_id, by_volume[vol_id], titles.get(vol_id), own, options, report)
        if converted:
            report.outputs.append(converted)
    return report


def _manifest_registers(vol_id: str, sources: list[_Source], manifests: dict, have: set[str]) -> list[Register]:
    """The lists a volumes.toml names for the volume (``[registers]``), unless given on the command line.

    ``"frus1961-63v05" = { persons = "lists/v05-persons.xml", terms = "lists/v05-terms.xml" }``,
    paths relative to the volumes.toml.
    """
    found: list[Register] = []
    for folder in sorted({src.path.parent for src in sources}):
        named = _manifest(folder, manifests).get("registers", {}).get(vol_id, {})
        for kind in ("persons", "terms"):
            if kind in named and kind not in have | {r.kind for r in found}:
                found.append(load_register(folder / str(named[kind]), kind))
    return found


def _volume(vol_id: str, sources: list[_Source], title: str | None, given: list[Register], options: ConvertOptions,
            report: ConvertReport) -> Converted | None:
    info = info_from_id(vol_id)
    info.volume_title = title
    seen: dict[int, tuple[Document, _Source]] = {}
    texts: list[SourceText] = []
    ok = True
    for src in sources:
        if src.read.info and src.read.info.id == vol_id:
            info = info.merge(src.read.info)
        numbers = []
        for doc in src.read.documents:
            if doc.n in seen:
                first = seen[doc.n][0].where
                report.problems.append(Problem(str(src.path), doc.where.line, "error", "document-repeated",
                                               f"document {doc.n} is here and also at {first}: "
                                               f"remove one of them"))
                ok = False
                continue
            seen[doc.n] = (doc, src)
            numbers.append(doc.n)
        texts.append(SourceText(src.path, src.style, src.encoding, numbers))
    if not ok:
        report.failed = True
        return None
    documents = [seen[n][0] for n in sorted(seen)]
    volume = Volume(info, documents, texts, [])
    registers = {r.kind: r for r in given}
    if "persons" not in registers:  # none given: the volume's own, from its names and titles
        registers["persons"] = discover_persons(volume.documents)
    terms = registers.get("terms")
    annotate(volume, TermMatcher(terms.entries) if terms else None, PersonMatcher(registers["persons"].entries))
    volume.registers = _front(volume, [registers[k] for k in ("persons", "terms") if k in registers],
                              given if options.keep_register else [])
    writer = Writer(volume, __version__, options.date)
    tree = writer.tree()
    report.problems += writer.problems
    divs = {div.get("n"): div for div in tree.getroot().iter(f"{{{TEI}}}div") if div.get("type") == "document"}
    for src in sources:
        out_text = " ".join(" ".join(divs[str(d.n)].itertext()) for d in src.read.documents if str(d.n) in divs)
        lost = lost_words(src.read.content, out_text)
        if lost:
            word = sorted(lost)[0]
            report.problems.append(Problem(str(src.path), first_line_with(src.read.content, word), "error",
                                           "words-lost",
                                           f"{sum(lost.values())} word(s) of the text would be lost in the TEI "
                                           f"(first: '{word}'); nothing was written for {vol_id}. "
                                           f"This is a bug in frus-tei: please report it with the text"))
            report.failed = True
            return None
    xml = serialize(tree)
    input_faults = any(p.severity == "error" and p.file in {str(s.path) for s in sources} for p in report.problems)
    if not _valid_output(xml, vol_id, report, input_faults):
        report.failed = True
        return None
    return Converted(volume, xml)


def _front(volume: Volume, registers: list[Register], keep: list[Register]) -> list[Register]:
    """The registers for the front matter: the entries the volume points to; all of those in ``keep``."""
    used = {target.lstrip("#") for doc in volume.documents for inline in all_inlines(doc)
            for span in inline.spans for key in ("target", "corresp") if (target := span.attrs.get(key))}
    used |= {e.id for r in keep for e in r.entries}
    return keep_used(registers, used)


def _valid_output(xml: bytes, vol_id: str, report: ConvertReport, input_faults: bool) -> bool:
    """Validate what would be written (schema and rules).

    TEI that breaks a rule is written only when the input's own faults
    (reported above it) explain it, so that no text is lost; otherwise it is
    a bug of the converter and nothing is written.
    """
    parsed = etree.ElementTree(etree.fromstring(xml, safe_parser()))
    checked = validate(parsed, name=f"{vol_id}.xml (output)")
    report.problems += [p for p in checked.problems if p.code not in EXPECTED_IN_PART]
    for why in checked.not_run:
        report.problems.append(Problem(f"{vol_id}.xml", 0, "warning", "not-validated", why))
    own_fault = [p for p in checked.errors if p.code not in INPUT_RULES]
    if own_fault and not input_faults:
        report.problems.append(Problem(f"{vol_id}.xml", 0, "error", "invalid-output",
                                       f"the TEI for {vol_id} breaks the rules above; nothing was written. "
                                       f"This is a bug in frus-tei: please report it with the text"))
        return False
    return True


def convert_text(text: str, name: str = "<text>", options: ConvertOptions | None = None) -> ConvertReport:
    """Convert one text given as a string (tests, other programs)."""
    options = options or ConvertOptions()
    report = ConvertReport()
    try:
        decoded, encoding = decode(text.encode("utf-8", errors="surrogatepass"), name)
        decoded, stray = without_controls(decoded, name)
        report.problems += stray
        style, read = read_text_as(decoded, name, options.style, 1 if options.note_base is None else options.note_base)
    except ConversionError as exc:
        report.problems.append(exc.problem)
        report.failed = True
        return report
    report.problems += read.problems + _empty_documents(read)
    vol_id = options.volume_id or (read.info.id if read.info else None) or "frus-unknown"
    src = _Source(Path(name), style, encoding, read, vol_id)
    converted = _volume(vol_id, [src], None, [], options, report)
    if converted:
        report.outputs.append(converted)
    return report


def write_atomic(path: Path, data: bytes) -> None:
    """Write through a temporary file and a rename: a reader never sees half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(tmp, 0o666 & ~umask)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def write_outputs(report: ConvertReport, out_dir: Path) -> list[Path]:
    written = []
    for item in report.outputs:
        path = out_dir / f"{item.volume.info.id}.xml"
        write_atomic(path, item.xml)
        written.append(path)
    return written
