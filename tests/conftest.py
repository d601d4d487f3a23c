"""Shared paths: the project's shared material sits beside the repository."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
TEI_NS = "http://www.tei-c.org/ns/1.0"
NS = {"t": TEI_NS}


@pytest.fixture(scope="session")
def shared() -> Path:
    if not (SHARED / "gold").is_dir():
        pytest.fail(f"the shared material is missing: expected it at {SHARED}")
    return SHARED
