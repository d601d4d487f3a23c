"""A small ISO Schematron compiler: schema/frus-tei.sch → an XSLT 3.0 stylesheet.

No Schematron-to-XSLT implementation (SchXslt, the ISO skeleton) is published
on the registries this project can install from, so this does the compile
step itself, with lxml, for the part of ISO Schematron the rules use:
``ns``, schema-level ``let`` and foreign ``xsl:key``/``xsl:function``,
``pattern`` (each its own mode: one rule per node per pattern), ``rule``
with ``let``, ``assert`` and ``report`` with ``value-of``/``name``.
Each failure becomes ``<failed id role location><message>…</message></failed>``, the
location being XPath ``path()``, which `locate` maps back to a source line.
"""
from __future__ import annotations

import re

from lxml import etree

SCH = "http://purl.oclc.org/dsdl/schematron"
XSL = "http://www.w3.org/1999/XSL/Transform"
OUT = "urn:frus-tei:rules"  # the namespace of the compiled stylesheet's report


def _x(parent: etree._Element | None, tag: str, **attrs: str) -> etree._Element:
    if parent is None:
        return etree.Element(f"{{{XSL}}}{tag}", attrs, nsmap={"xsl": XSL})
    return etree.SubElement(parent, f"{{{XSL}}}{tag}", attrs)


def _message(target: etree._Element, source: etree._Element) -> None:
    """Copy an assert's message: text, with value-of and name evaluated."""
    target.text = source.text
    for child in source:
        if child.tag == f"{{{SCH}}}value-of":
            made = _x(target, "value-of", select=child.get("select"))
        elif child.tag == f"{{{SCH}}}name":
            made = _x(target, "value-of", select=f"name({child.get('path', '.')})")
        else:
            made = _x(target, "value-of", select=f"'{etree.QName(child).localname}'")
        made.tail = child.tail


def compile_schematron(sch: etree._ElementTree) -> etree._ElementTree:
    """The XSLT 3.0 stylesheet that checks what ``sch`` asserts."""
    root = sch.getroot()
    if root.tag != f"{{{SCH}}}schema":
        raise ValueError("not an ISO Schematron schema")
    binding = root.get("queryBinding", "xslt")
    if binding not in ("xslt2", "xslt3", "xpath2", "xpath3", "xpath31"):
        raise ValueError(f"query binding {binding!r} is not supported (use xslt3)")
    nsmap = {"xsl": XSL, "r": OUT}
    for ns in root.iter(f"{{{SCH}}}ns"):
        nsmap[ns.get("prefix")] = ns.get("uri")
    style = etree.Element(f"{{{XSL}}}stylesheet", {"version": "3.0", "exclude-result-prefixes": "#all"},
                          nsmap=nsmap)
    for child in root:
        if isinstance(child.tag, str) and child.tag.startswith(f"{{{XSL}}}"):
            style.append(etree.fromstring(etree.tostring(child)))
        elif child.tag == f"{{{SCH}}}let":
            _x(style, "variable", name=child.get("name"), select=child.get("value"))
    patterns = root.findall(f"{{{SCH}}}pattern")
    main = _x(style, "template", match="/")
    report = etree.SubElement(main, f"{{{OUT}}}report")
    for index, pattern in enumerate(patterns):
        mode = f"p{index}"
        _x(style, "mode", name=mode, **{"on-no-match": "shallow-skip"})
        _x(report, "apply-templates", select="/", mode=mode)
        rules = pattern.findall(f"{{{SCH}}}rule")
        for order, rule in enumerate(rules):
            template = _x(style, "template", match=rule.get("context"), mode=mode,
                          priority=str(len(rules) - order))
            for let in rule.findall(f"{{{SCH}}}let"):
                _x(template, "variable", name=let.get("name"), select=let.get("value"))
            for check in rule:
                kind = etree.QName(check).localname if isinstance(check.tag, str) else ""
                if kind not in ("assert", "report"):
                    continue
                test = check.get("test")
                cond = _x(template, "if", test=f"not({test})" if kind == "assert" else test)
                failed = etree.SubElement(cond, f"{{{OUT}}}failed")
                for name in ("id", "role"):
                    attr = _x(failed, "attribute", name=name)
                    attr.text = check.get(name) or ("error" if name == "role" else pattern.get("id", mode))
                _x(failed, "attribute", name="location", select="path()")
                _message(etree.SubElement(failed, f"{{{OUT}}}message"), check)
            _x(template, "apply-templates", select="*", mode=mode)
    return etree.ElementTree(style)


_STEP = re.compile(r"^Q\{([^}]*)\}([^\[]+)\[(\d+)\]$")


def locate(tree: etree._ElementTree, path: str) -> etree._Element | None:
    """The element an XPath 3 ``path()`` names, in an lxml tree (attributes: their element)."""
    node: etree._Element | None = None
    steps = [s for s in re.split(r"/(?![^{]*\})", path) if s]
    for step in steps:
        if step.startswith("@"):
            break
        m = _STEP.match(step)
        if not m:
            return node
        ns, local, nth = m.groups()
        tag = f"{{{ns}}}{local}" if ns else local
        if node is None:
            root = tree.getroot()
            node = root if root.tag == tag else None
            if node is None:
                return None
            continue
        matches = [c for c in node if c.tag == tag]
        index = int(nth) - 1
        if index >= len(matches):
            return node
        node = matches[index]
    return node
