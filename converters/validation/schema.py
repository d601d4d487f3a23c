"""The project's XSD (schema/frus-tei.xsd): a fast verdict and a detailed report.

lxml's XMLSchema (libxml2) gives the verdict quickly; only when it says
"invalid" does xmlschema, slower but precise about what was expected, write
the report. benchmarks/bench_validate.py measures both on the same volume.
"""
from __future__ import annotations

import re

from lxml import etree

from ..problems import Problem
from ..resources import data_dir
from .report import CannotValidate

_state: dict = {}
_CLARK = re.compile(r"\{http://www\.tei-c\.org/ns/1\.0\}")
_FRUS = re.compile(r"\{http://history\.state\.gov/frus/ns/1\.0\}")
_XML = re.compile(r"\{http://www\.w3\.org/XML/1998/namespace\}")


def schema_path():
    return data_dir("schema") / "frus-tei.xsd"


def _readable(message: str) -> str:
    return _XML.sub("xml:", _FRUS.sub("frus:", _CLARK.sub("tei:", message)))


def fast_schema() -> etree.XMLSchema:
    if "lxml" not in _state:
        path = schema_path()
        try:
            parser = etree.XMLParser(resolve_entities=False, no_network=True)
            _state["lxml"] = etree.XMLSchema(etree.parse(str(path), parser))
        except (OSError, etree.XMLSchemaParseError, etree.XMLSyntaxError) as exc:
            raise CannotValidate(f"{path}: cannot load the schema: {exc}") from exc
    return _state["lxml"]


def detailed_schema():
    if "xmlschema" not in _state:
        import xmlschema
        path = schema_path()
        try:
            _state["xmlschema"] = xmlschema.XMLSchema10(str(path), allow="sandbox")
        except (OSError, xmlschema.XMLSchemaException) as exc:
            raise CannotValidate(f"{path}: cannot load the schema: {exc}") from exc
    return _state["xmlschema"]


def instance(tree: etree._ElementTree):
    """The tree as xmlschema's resource, forbidden to load anything."""
    import xmlschema
    return xmlschema.XMLResource(tree, allow="none")


def check_schema(tree: etree._ElementTree, file: str) -> list[Problem]:
    """Schema problems in ``tree``: none if lxml finds it valid, else xmlschema's report."""
    schema = fast_schema()
    try:
        if schema.validate(tree):
            return []
    except etree.XMLSchemaValidateError as exc:  # libxml2 gives up (odd trees): xmlschema still reports
        schema = None
        fast_error = str(exc)
    problems = []
    for error in detailed_schema().iter_errors(instance(tree)):
        line = getattr(error, "sourceline", None) or 0
        reason = _readable(error.reason or error.message)
        where = _readable(error.path or "")
        problems.append(Problem(file, line, "error", "schema", f"{reason} (at {where})" if where else reason))
    if not problems and schema is None:
        problems.append(Problem(file, 0, "error", "schema", f"the schema check failed: {fast_error}"))
    elif not problems:  # the two validators disagree: report libxml2's view rather than nothing
        for entry in schema.error_log:
            problems.append(Problem(file, entry.line, "error", "schema", _readable(entry.message), entry.column))
    return problems
