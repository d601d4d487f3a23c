"""Readers: one per text style, each turning a file's text into documents."""
from __future__ import annotations

from .community import read_community
from .detect import STYLES, detect_style
from .result import Read
from .webcopy import read_webcopy


def read_text_as(text: str, name: str, style: str | None = None, note_base: int = 1) -> tuple[str, Read]:
    """Read ``text`` in ``style`` (detected when None); return (style, result)."""
    style = style or detect_style(text)
    if style == "e2":
        return style, read_community(text, name)
    return style, read_webcopy(text, name, note_base)


__all__ = ["Read", "STYLES", "detect_style", "read_text_as", "read_community", "read_webcopy"]
