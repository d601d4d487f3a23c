"""TEI P5 conformance: the TEI Consortium's tei_all schema, checked with jing.

The project cannot ship tei_all.rng; it comes from ``--tei-all PATH`` or the
environment variable FRUS_TEI_ALL. lxml cannot compile that grammar in
reasonable time, so jing (Debian package ``jing``) does the work.

tei_all knows nothing of the FRUS namespace (``frus:doc-dateTime-min``,
``frus:attachment``), so jing checks the TEI projection of a volume: the
extensions set aside, everything else as it is.
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from copy import deepcopy
from pathlib import Path

from lxml import etree

from ..problems import Problem
from ..tei.names import FRUS, TEI
from .report import CannotValidate

ENV = "FRUS_TEI_ALL"
_LINE = re.compile(r"^(.*?):(\d+):(\d+): (error|warning|fatal): (.*)$")


def tei_all_path(given: str | None) -> Path:
    value = given or os.environ.get(ENV)
    if not value:
        raise CannotValidate(f"TEI P5 conformance needs tei_all.rng: give --tei-all PATH or set {ENV}")
    path = Path(value)
    if not path.is_file():
        raise CannotValidate(f"{path}: no such file: tei_all.rng is needed for the TEI P5 check")
    return path


def tei_projection(tree: etree._ElementTree) -> etree._ElementTree:
    """The volume with the FRUS extensions set aside: frus:* attributes dropped, and each
    frus:attachment taken out of its document and appended to the body as a plain div,
    where tei_all checks its content as a division's."""
    root = deepcopy(tree.getroot())
    for el in root.iter():
        for name in [n for n in el.attrib if n.startswith(f"{{{FRUS}}}")]:
            del el.attrib[name]
    body = root.find(f"{{{TEI}}}text/{{{TEI}}}body")
    for attachment in list(root.iter(f"{{{FRUS}}}attachment")):
        div = etree.SubElement(body if body is not None else root, f"{{{TEI}}}div", dict(attachment.attrib),
                               type="attachment")
        div.text = attachment.text
        div.extend(list(attachment))
        parent, previous, tail = attachment.getparent(), attachment.getprevious(), attachment.tail
        parent.remove(attachment)
        if tail and previous is not None:
            previous.tail = (previous.tail or "") + tail
        elif tail:
            parent.text = (parent.text or "") + tail
    return etree.ElementTree(root)


def _uses_frus(path: Path) -> bool:
    return f'"{FRUS}"'.encode() in path.read_bytes()


def check_tei_all(files: list[Path], rng: Path) -> list[Problem]:
    """Problems jing finds in ``files`` (their TEI projection) against ``rng`` (tei_all)."""
    jing = shutil.which("jing")
    if not jing:
        raise CannotValidate("jing is not installed: run `apt-get install jing` (or scripts/setup.sh)")
    from . import safe_parser
    with tempfile.TemporaryDirectory() as folder:
        names: dict[str, str] = {}
        checked = []
        for i, path in enumerate(files):
            if not _uses_frus(path):
                checked.append(str(path))
                continue
            try:
                projected = tei_projection(etree.parse(str(path), safe_parser()))
            except etree.XMLSyntaxError:
                checked.append(str(path))  # jing reports what is wrong with it
                continue
            out = Path(folder) / f"{i:05d}-{path.name}"
            projected.write(str(out), encoding="UTF-8", xml_declaration=True)
            names[str(out)] = str(path)
            checked.append(str(out))
        result = subprocess.run([jing, str(rng), *checked], capture_output=True, text=True)
    problems = []
    for line in result.stdout.splitlines():
        m = _LINE.match(line)
        if m:
            file, row, col, severity, message = m.groups()
            problems.append(Problem(names.get(file, file), int(row), "warning" if severity == "warning" else "error",
                                    "tei-all", message, int(col)))
    if result.returncode != 0 and not problems:
        raise CannotValidate(f"jing failed: {(result.stderr or result.stdout).strip()[:300]}")
    return problems
