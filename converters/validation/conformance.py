"""TEI P5 conformance: the TEI Consortium's tei_all schema, checked with jing.

The project cannot ship tei_all.rng; it comes from ``--tei-all PATH`` or the
environment variable FRUS_TEI_ALL. lxml cannot compile that grammar in
reasonable time, so jing (Debian package ``jing``) does the work.
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

from ..problems import Problem
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


def check_tei_all(files: list[Path], rng: Path) -> list[Problem]:
    """Problems jing finds in ``files`` against ``rng`` (tei_all)."""
    jing = shutil.which("jing")
    if not jing:
        raise CannotValidate("jing is not installed: run `apt-get install jing` (or scripts/setup.sh)")
    result = subprocess.run([jing, str(rng), *map(str, files)], capture_output=True, text=True)
    problems = []
    for line in result.stdout.splitlines():
        m = _LINE.match(line)
        if m:
            file, row, col, severity, message = m.groups()
            problems.append(Problem(file, int(row), "warning" if severity == "warning" else "error", "tei-all",
                                    message, int(col)))
    if result.returncode != 0 and not problems:
        raise CannotValidate(f"jing failed: {(result.stderr or result.stdout).strip()[:300]}")
    return problems
