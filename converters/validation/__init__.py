"""Validation: the project schema, the integrity rules, and TEI P5 conformance.

``validate(path_or_tree)`` is the library call; ``frus-tei validate`` the
command. Every problem names file, line and rule, and says what to change.
"""
from __future__ import annotations

import re
import tempfile
from pathlib import Path
from typing import Union

from lxml import etree

from ..problems import Problem
from ..tei.names import TEI, XML_ID
from .conformance import check_tei_all, tei_all_path
from .report import CannotValidate, Report
from .rules import check_rules
from .schema import check_schema

_POINTER = re.compile(r"^(frus[\w.-]+)#(.+)$")


def safe_parser() -> etree.XMLParser:
    """No entities expanded, no DTD loaded, no network: hostile input stays inert."""
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False,
                           collect_ids=False)  # duplicate ids are the rules' to report, with both lines


def parse(path: Path) -> tuple[etree._ElementTree | None, list[Problem]]:
    """(tree, problems): the tree is None when the file is not well-formed."""
    try:
        tree = etree.parse(str(path), safe_parser())
    except etree.XMLSyntaxError as exc:
        line, col = (exc.position if getattr(exc, "position", None) else (exc.lineno or 0, 0))
        if "amplification" in exc.msg or "entity" in exc.msg.lower() and "loop" in exc.msg.lower():
            return None, [Problem(str(path), line, "error", "entities",
                                  "the file's entities would expand without bound (an entity bomb): refused, "
                                  "nothing expanded; write the text itself and remove the DOCTYPE", col)]
        return None, [Problem(str(path), line, "error", "well-formed",
                              f"not well-formed XML: {exc.msg}; fix the markup here", col)]
    problems = []
    if tree.docinfo.internalDTD is not None and len(tree.docinfo.internalDTD.entities()):
        problems.append(Problem(str(path), _doctype_line(path), "error", "entities",
                                "the file declares entities in a DOCTYPE; they are not expanded: "
                                "write the characters themselves and remove the DOCTYPE"))
    return tree, problems


def _doctype_line(path: Path) -> int:
    with open(path, "rb") as handle:
        for number, line in enumerate(handle, 1):
            if b"<!DOCTYPE" in line:
                return number
    return 1


def _root_problem(tree: etree._ElementTree, file: str) -> Problem | None:
    root = tree.getroot()
    qname = etree.QName(root)
    if root.tag == f"{{{TEI}}}TEI":
        return None
    if qname.localname == "TEI":
        where = f"in namespace {qname.namespace}" if qname.namespace else "in no namespace"
        return Problem(file, root.sourceline or 1, "error", "namespace",
                       f"the TEI element is {where}: FRUS TEI lives in the TEI namespace; "
                       f"put xmlns=\"{TEI}\" on the root")
    return Problem(file, root.sourceline or 1, "error", "root",
                   f"the root element is <{qname.localname}>, not <TEI>: a FRUS TEI file is one volume, "
                   f"<TEI xmlns=\"{TEI}\">")


def validate(source: Union[str, Path, etree._ElementTree, etree._Element], *, name: str | None = None,
             tei_all: str | None = None, check_conformance: bool = False) -> Report:
    """Validate a file or an lxml tree: schema, rules, and optionally tei_all."""
    if isinstance(source, etree._Element):
        source = etree.ElementTree(source)
    if isinstance(source, etree._ElementTree):
        file = name or "<tree>"
        report = Report([file])
        _check_tree(source, file, report)
        if check_conformance and not report.not_run:
            _conformance_of_tree(source, file, tei_all, report)
        return report
    return validate_files([Path(source)], tei_all=tei_all, check_conformance=check_conformance)


def _check_tree(tree: etree._ElementTree, file: str, report: Report) -> None:
    root_problem = _root_problem(tree, file)
    if root_problem:
        report.problems.append(root_problem)
        return
    for check in (check_schema, check_rules):
        try:
            report.problems += check(tree, file)
        except CannotValidate as exc:
            if str(exc) not in report.not_run:
                report.not_run.append(str(exc))


def _conformance_of_tree(tree: etree._ElementTree, file: str, tei_all: str | None, report: Report) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "volume.xml"
        tree.write(str(path), encoding="UTF-8", xml_declaration=True)
        try:
            found = check_tei_all([path], tei_all_path(tei_all))
        except CannotValidate as exc:
            report.not_run.append(str(exc))
            return
    report.problems += [Problem(file, p.line, p.severity, p.code, p.message, p.col) for p in found]


def validate_files(paths: list[Path], *, tei_all: str | None = None, check_conformance: bool = False) -> Report:
    """Validate files; pointers into another volume are checked when that volume is among them."""
    report = Report([str(p) for p in paths])
    trees: dict[str, tuple[str, etree._ElementTree]] = {}
    for path in paths:
        if path.is_dir():
            report.not_run.append(f"{path}: a folder, not a file: give the .xml files in it")
            continue
        if not path.is_file():
            report.not_run.append(f"{path}: cannot read the file: no such file")
            continue
        try:
            tree, problems = parse(path)
        except OSError as exc:
            report.not_run.append(f"{path}: cannot read the file: {exc.strerror}")
            continue
        report.problems += problems
        if tree is None or problems:
            continue  # not well-formed, or refused (entities): nothing further is checked
        _check_tree(tree, str(path), report)
        vol = tree.getroot().get(XML_ID)
        if vol:
            trees[vol] = (str(path), tree)
    report.problems += _cross_volume(trees)
    if check_conformance:
        readable = [p for p in paths if p.is_file()]
        try:
            report.problems += check_tei_all(readable, tei_all_path(tei_all)) if readable else []
        except CannotValidate as exc:
            report.not_run.append(str(exc))
    return report


def _cross_volume(trees: dict[str, tuple[str, etree._ElementTree]]) -> list[Problem]:
    ids = {vol: {el.get(XML_ID) for el in tree.iter() if isinstance(el.tag, str) and el.get(XML_ID)}
           for vol, (_, tree) in trees.items()}
    problems = []
    for vol, (file, tree) in trees.items():
        for el in tree.iter():
            if not isinstance(el.tag, str):
                continue
            for attr in ("corresp", "target"):
                for token in (el.get(attr) or "").split():
                    m = _POINTER.match(token)
                    if m and m.group(1) in ids and m.group(2) not in ids[m.group(1)]:
                        problems.append(Problem(file, el.sourceline or 0, "error", "pointer-resolves",
                                                f"\"{token}\" points to no element of {m.group(1)} "
                                                f"({trees[m.group(1)][0]}): correct the pointer"))
    return problems


__all__ = ["validate", "validate_files", "Report", "CannotValidate", "parse", "safe_parser"]
