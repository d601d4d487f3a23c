"""The integrity rules (schema/frus-tei.sch), compiled once and run with saxonche.

One Saxon processor per process and one compiled stylesheet: compiling is
paid once, each file costs one transform. Failures come back with an XPath
location that is mapped to the line of the element in the source file.
"""
from __future__ import annotations

from lxml import etree

from ..problems import Problem
from ..saxon import processor as shared_processor
from ..resources import data_dir
from .report import CannotValidate
from .schematron import OUT, compile_schematron, locate

_state: dict = {}


def rules_path():
    return data_dir("schema") / "frus-tei.sch"


def _executable():
    if "exe" not in _state:
        try:
            from saxonche import PySaxonApiError
        except ImportError as exc:  # pragma: no cover - a dependency
            raise CannotValidate(f"saxonche is not installed: {exc}") from exc
        path = rules_path()
        try:
            sch = etree.parse(str(path), etree.XMLParser(resolve_entities=False, no_network=True))
            xslt = compile_schematron(sch)
        except (OSError, etree.XMLSyntaxError, ValueError) as exc:
            raise CannotValidate(f"{path}: cannot read the rules: {exc}") from exc
        processor = shared_processor()
        compiler = processor.new_xslt30_processor()
        try:
            exe = compiler.compile_stylesheet(stylesheet_text=etree.tostring(xslt, encoding="unicode"))
        except PySaxonApiError as exc:
            raise CannotValidate(f"{path}: the rules do not compile: {exc}") from exc
        _state.update(processor=processor, exe=exe, error=PySaxonApiError)
    return _state["processor"], _state["exe"]


def check_rules(tree: etree._ElementTree, file: str) -> list[Problem]:
    """Problems the rules find in ``tree`` (already parsed safely by lxml)."""
    processor, exe = _executable()
    # Saxon gets the element tree only (no DOCTYPE), so it can resolve nothing external.
    text = etree.tostring(tree.getroot(), encoding="unicode")
    try:
        node = processor.parse_xml(xml_text=text)
        out = exe.transform_to_string(xdm_node=node)
    except _state["error"] as exc:
        raise CannotValidate(f"{file}: the rules could not run: {exc}") from exc
    problems = []
    for failed in etree.fromstring(out.encode("utf-8")).iter(f"{{{OUT}}}failed"):
        el = locate(tree, failed.get("location", ""))
        line = el.sourceline if el is not None and el.sourceline else 0
        message = " ".join("".join(failed.find(f"{{{OUT}}}message").itertext()).split())
        problems.append(Problem(file, line, failed.get("role", "error"), failed.get("id", "rule"), message))
    return problems
