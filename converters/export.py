"""A FRUS TEI volume back to plain text, in a style the readers take ("web copy" or "e2").

The text itself is made by XSLT (``xslt/text-web.xsl``, ``xslt/text-e2.xsl``:
presentation lives there); this module checks the input, runs the stylesheet,
writes the files atomically, and writes what the text cannot say into the
``volumes.toml`` beside it, which ``convert`` reads: the volume of each web
copy file, the volume's note base (the web copy numbers notes by place, not by
the edition's numbers) and its title. Converting the files back gives the same
documents, up to what a style cannot carry (see tests/test_export.py).
"""
from __future__ import annotations

import json
import re
import shutil
import tempfile
import tomllib
from dataclasses import replace
from pathlib import Path

from lxml import etree

from .pipeline import MANIFEST, write_atomic
from .problems import ConversionError, Problem
from .render.xslt import XsltError, transform
from .resources import data_dir
from .tei.names import TEI, XML_ID
from .validation import parse
from .volumes import parse_volume_line

STYLES = {"web": "webcopy", "webcopy": "webcopy", "e2": "e2", "community": "e2"}
_STYLESHEETS = {"webcopy": "text-web.xsl", "e2": "text-e2.xsl"}
NOT_CARRIED = "not-carried"  # the code of the stylesheets' warnings: what the style cannot carry, and where
_T = f"{{{TEI}}}"


def export_text(volume: Path, style: str, out_dir: Path, problems: list[Problem] | None = None) -> list[Path]:
    """Write ``volume`` as text in ``style`` (web/webcopy or e2/community) into ``out_dir``.

    Returns the files written: for web copy one ``<volume-id>-d<n>.txt`` per
    document, for e2 one ``<volume-id>.txt``, then ``volumes.toml`` when it
    was needed. Raises :class:`ConversionError` for input that is not a FRUS
    TEI volume and :class:`XsltError` when the stylesheet fails; the
    stylesheet's warnings (what the style cannot carry) go to ``problems``.
    """
    style = STYLES.get(style, style)
    if style not in _STYLESHEETS:
        raise ValueError(f"unknown text style {style!r}")
    volume, out_dir = Path(volume), Path(out_dir)
    tree = _parse(volume)
    vol_id = _volume_id(tree, volume)
    found = problems if problems is not None else []
    if style == "e2":
        written = [_write_e2(tree, volume, vol_id, out_dir, found)]
        # the footer names the volume; volumes.toml only where it cannot (and no stale entry overrides it)
        named = _footer_names(written[0], vol_id)
        manifest = update_manifest(out_dir / MANIFEST, {"volumes": {} if named else {written[0].name: vol_id}},
                                   drop={"volumes": [written[0].name]} if named else None)
    else:
        found += _note_number_warnings(tree, volume)
        written = _write_web(tree, volume, vol_id, out_dir, found)
        tables = {"volumes": {path.name: vol_id for path in written}, "note-base": {vol_id: _note_base(tree)}}
        title = tree.getroot().findtext(f"{_T}teiHeader/{_T}fileDesc/{_T}titleStmt/{_T}title[@type='volume']")
        if title and title.strip():
            tables["titles"] = {vol_id: " ".join(title.split())}
        manifest = update_manifest(out_dir / MANIFEST, tables)
    return written + ([manifest] if manifest else [])


def _footer_names(text: Path, vol_id: str) -> bool:
    """Whether the e2 text's footer line names the volume ``vol_id`` (as convert will read it)."""
    for line in reversed(text.read_text("utf-8").splitlines()):
        info = parse_volume_line(line)
        if info:
            return info.id == vol_id
    return False


# -- input -------------------------------------------------------------------

def _parse(path: Path) -> etree._ElementTree:
    """The volume, parsed safely; a ConversionError (file:line) if it is not FRUS TEI."""
    if not path.is_file():
        raise ConversionError(str(path), 0, "no-file", "no such file: give a FRUS TEI volume (.xml)")
    try:
        tree, faults = parse(path)
    except OSError as exc:
        raise ConversionError(str(path), 0, "unreadable", f"cannot read the file: {exc}") from None
    if tree is None or faults:
        fault = faults[0]
        raise ConversionError(fault.file, fault.line, fault.code, fault.message)
    root = tree.getroot()
    if root.tag != f"{_T}TEI":
        raise ConversionError(str(path), root.sourceline or 1, "not-tei",
                              f"the root element is <{etree.QName(root).localname}>, not a TEI volume "
                              f"(<TEI xmlns=\"{TEI}\">): there is nothing to export")
    if root.find(f"{_T}text/{_T}body//{_T}div[@type='document']") is None:
        raise ConversionError(str(path), root.sourceline or 1, "no-documents",
                              "the volume has no <div type=\"document\"> in its body: there is nothing to export")
    return tree


def _volume_id(tree: etree._ElementTree, path: Path) -> str:
    root = tree.getroot()
    idno = root.findtext(f"{_T}teiHeader/{_T}fileDesc/{_T}publicationStmt/{_T}idno[@type='frus']")
    return next(v for v in ((idno or "").strip(), (root.get(XML_ID) or "").strip(), path.stem) if v)


def _documents(tree: etree._ElementTree) -> list[etree._Element]:
    return tree.getroot().findall(f"{_T}text/{_T}body//{_T}div[@type='document']")


def _numbers(doc: etree._Element) -> list[str]:
    return [(note.get("n") or "").strip() for note in doc.iter(f"{_T}note")
            if not any(a.tag == f"{_T}note" for a in note.iterancestors())]


def _note_base(tree: etree._ElementTree) -> int:
    """0 when the volume numbers its notes from 0 (a document's first note is n="0"), else 1."""
    return 0 if any(_numbers(doc)[:1] == ["0"] for doc in _documents(tree)) else 1


def _note_number_warnings(tree: etree._ElementTree, path: Path) -> list[Problem]:
    """Web copy numbers a document's notes base, base+1, ...: say where the edition's differ."""
    base = _note_base(tree)
    found = []
    for doc in _documents(tree):
        numbers = _numbers(doc)
        expected = [str(base + k) for k in range(len(numbers))]
        if numbers != expected:
            found.append(Problem(str(path), doc.sourceline or 0, "warning", NOT_CARRIED,
                                 f"document {doc.get('n')}: notes {', '.join(numbers)} will come back as "
                                 f"{', '.join(expected)} (web copy counts notes, it does not print their numbers)"))
    return found


# -- output ------------------------------------------------------------------

def _stylesheet(style: str) -> Path:
    return data_dir("xslt") / _STYLESHEETS[style]


def _write_e2(tree: etree._ElementTree, volume: Path, vol_id: str, out_dir: Path, problems: list[Problem]) -> Path:
    result = transform(_stylesheet("e2"), tree, str(volume))
    problems += _own_code(result.problems, volume)
    path = out_dir / f"{_safe(vol_id)}.txt"
    _atomic(path, result.output.encode("utf-8"))
    return path


def _write_web(tree: etree._ElementTree, volume: Path, vol_id: str, out_dir: Path,
               problems: list[Problem]) -> list[Path]:
    """One file per document: the stylesheet writes them into a staging folder, each then goes in atomically."""
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=".export-", dir=out_dir))
    except OSError as exc:
        raise ConversionError(str(out_dir), 0, "unwritable", f"cannot write the text here: {exc.strerror}") from None
    try:
        result = transform(_stylesheet("webcopy"), tree, str(volume), params={"file-prefix": f"{_safe(vol_id)}-"},
                           output_dir=staging)
        problems += _own_code(result.problems, volume)
        written = []
        for staged in sorted(staging.glob("*.txt"), key=_document_order):
            written.append(out_dir / staged.name)
            _atomic(written[-1], staged.read_bytes())
        return written
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _safe(name: str) -> str:
    """A file name from an id the TEI gives: no folders, nothing hidden."""
    return re.sub(r"[^\w.-]", "_", name).strip("._") or "volume"


def _own_code(found: list[Problem], volume: Path) -> list[Problem]:
    """The stylesheet's warnings about the volume say what the text cannot carry."""
    return [replace(p, code=NOT_CARRIED) if p.file == str(volume) and p.severity == "warning" else p for p in found]


def _document_order(path: Path) -> tuple[int, str]:
    number = path.stem.rsplit("-d", 1)[-1]
    return (int(number), path.name) if number.isdigit() else (1 << 30, path.name)


def _atomic(path: Path, data: bytes) -> None:
    try:
        write_atomic(path, data)
    except OSError as exc:
        raise ConversionError(str(path), 0, "unwritable", f"cannot write the text: {exc.strerror}") from None


# -- volumes.toml ------------------------------------------------------------

def update_manifest(path: Path, tables: dict[str, dict], drop: dict[str, list[str]] | None = None) -> Path | None:
    """Merge ``tables`` into the volumes.toml at ``path``, removing the keys in ``drop``; other entries kept.

    The file is rewritten in a canonical form (sorted, no comments but the
    header), so exporting the same volume twice gives the same bytes. Returns
    the path, or None when there was nothing to write.
    """
    current: dict = {}
    if path.is_file():
        try:
            current = tomllib.loads(path.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, OSError, UnicodeDecodeError) as exc:
            raise ConversionError(str(path), 0, "bad-manifest", f"cannot read {MANIFEST} to add to it: {exc}") from None
    stale = [(name, key) for name, keys in (drop or {}).items() for key in keys if key in current.get(name, {})]
    if not any(tables.values()) and not stale:
        return None
    for name, key in stale:
        del current[name][key]
    for name, entries in tables.items():
        if entries:
            current.setdefault(name, {}).update(entries)
    lines = ["# Which FRUS volume each text belongs to, and what its text cannot say.",
             "# Written by frus-tei export; frus-tei convert reads it."]
    for name in sorted(current):
        if not isinstance(current[name], dict):
            raise ConversionError(str(path), 0, "bad-manifest", f"{MANIFEST}: '{name}' is not a table")
        lines += ["", f"[{_toml_key(name)}]"]
        lines += [f"{_toml_key(k)} = {_toml_value(v, path)}" for k, v in sorted(current[name].items())]
    _atomic(path, ("\n".join(lines) + "\n").encode("utf-8"))
    return path


def _toml_key(key: str) -> str:
    bare = key.isascii() and key.replace("-", "").replace("_", "").isalnum()
    return key if bare else json.dumps(key, ensure_ascii=False)


def _toml_value(value: object, path: Path) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, str)):
        return json.dumps(value, ensure_ascii=False)  # a JSON string is a TOML basic string
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{_toml_key(k)} = {_toml_value(v, path)}" for k, v in value.items()) + " }"
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(v, path) for v in value) + "]"
    raise ConversionError(str(path), 0, "bad-manifest",
                          f"{MANIFEST}: cannot keep a value of type {type(value).__name__}")


__all__ = ["STYLES", "XsltError", "export_text", "update_manifest"]
