"""Reading user text files: decoding, line ends, refusing what is not text.

Users bring files saved by browsers and editors on every platform, so the
encoding is detected (BOM, UTF-8, else Windows-1252) rather than assumed, and
the name of the encoding used is kept for the TEI header.
"""
from __future__ import annotations

from pathlib import Path

from .problems import ConversionError

_BOMS = ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))


def decode(data: bytes, name: str) -> tuple[str, str]:
    """Return (text, encoding name); raise ConversionError for empty or binary data."""
    if not data.strip():
        raise ConversionError(name, 0, "empty-file", "the file is empty: nothing to convert")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return _normalise(data.decode(encoding)), encoding.replace("-sig", "")
            except UnicodeDecodeError as exc:
                raise ConversionError(name, 0, "bad-encoding", f"starts as {encoding} but is not: {exc.reason}") from exc
    if b"\x00" in data:
        raise ConversionError(name, 0, "binary-file", "this is a binary file, not text: give the .txt of the document")
    try:
        text, encoding = data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        try:
            text, encoding = data.decode("cp1252"), "windows-1252"
        except UnicodeDecodeError:
            text, encoding = data.decode("latin-1"), "iso-8859-1"
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\t\n\r\f")
    if controls > max(8, len(text) // 100):
        raise ConversionError(name, 0, "binary-file", "this looks like a binary file, not text")
    return _normalise(text), encoding


def _normalise(text: str) -> str:
    """One kind of line end, no tabs or no-break spaces to trip the readers."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n")
    return text.replace("\t", " ").replace("\u00a0", " ").replace("\ufeff", "")


def read_text(path: Path) -> tuple[str, str]:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ConversionError(str(path), 0, "unreadable", f"cannot read the file: {exc.strerror}") from exc
    return decode(data, str(path))
