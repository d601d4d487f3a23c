"""Reading user text files: decoding, line ends, refusing what is not text.

Users bring files saved by browsers and editors on every platform, so the
encoding is detected (BOM, UTF-16 by its NUL bytes, UTF-8, else Windows-1252,
else Latin-1) rather than assumed, and
the name of the encoding used is kept for the TEI header.
"""
from __future__ import annotations

import re
from pathlib import Path

from .problems import ConversionError, Problem

_CONTROLS = re.compile("[\x00-\x08\x0b\x0e-\x1f]")  # what binary data is full of and text is not
# characters XML 1.0 cannot hold at all: C0 controls but tab and line ends, U+FFFE, U+FFFF
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")

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
        utf16 = _utf16_without_bom(data)
        if utf16 is not None:
            return _normalise(data.decode(utf16)), utf16
        raise ConversionError(name, 0, "binary-file", "this is a binary file, not text: give the .txt of the document")
    try:
        text, encoding = data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        try:
            text = data.decode("cp1252")
            # The two agree but on 0x80-0x9F (curly quotes and dashes in Windows-1252, control codes in
            # Latin-1): a text that uses none of those bytes is named by the standard it then also is.
            encoding = "windows-1252" if re.search(rb"[\x80-\x9f]", data) else "iso-8859-1"
        except UnicodeDecodeError:
            text, encoding = data.decode("latin-1"), "iso-8859-1"
    controls = len(_CONTROLS.findall(text))
    if controls > max(8, len(text) // 100):
        raise ConversionError(name, 0, "binary-file", "this looks like a binary file, not text")
    return _normalise(text), encoding


def _utf16_without_bom(data: bytes) -> str | None:
    """"utf-16-le"/"-be" when every other byte is NUL as in Latin text saved as UTF-16 with no BOM."""
    if len(data) % 2:
        return None
    for encoding, zeros in (("utf-16-le", data[1::2]), ("utf-16-be", data[0::2])):
        if zeros.count(0) >= 0.9 * len(zeros):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                return None
            return encoding if "\x00" not in text else None
    return None


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


def without_controls(text: str, name: str) -> tuple[str, list[Problem]]:
    """The text without characters XML cannot hold, and a warning for each line that had some.

    A stray control character (a backspace pasted from a terminal) is no
    word and cannot be written to XML; it is removed and said so, the rest of
    the line is kept.
    """
    if not _NOT_XML.search(text):
        return text, []
    problems = []
    for number, line in enumerate(text.split("\n"), 1):
        found = sorted(set(_NOT_XML.findall(line)))
        if found:
            codes = ", ".join(f"U+{ord(ch):04X}" for ch in found)
            problems.append(Problem(name, number, "warning", "control-character",
                                    f"removed {codes}: XML cannot hold control characters"))
    return _NOT_XML.sub("", text), problems
