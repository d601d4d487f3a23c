"""Where the files that ship with the package are: samples, schema, stylesheets.

In the repository they are the top-level `schema/` and `xslt/` folders; an
installed package carries them as `converters/schema` and `converters/xslt`.
"""
from __future__ import annotations

from importlib import resources
from pathlib import Path

_REPO = Path(__file__).resolve().parent.parent


def data_dir(name: str) -> Path:
    """The folder ``schema``, ``xslt`` or ``samples``."""
    if name == "samples":
        return Path(str(resources.files("converters") / "samples"))
    packaged = Path(__file__).resolve().parent / name
    if packaged.is_dir():
        return packaged
    return _REPO / name
