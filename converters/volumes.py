"""FRUS volume identities: ids such as ``frus1961-63v05`` and the titles behind them.

The Office names every volume ``frus`` + its years + ``v`` + a two-digit number
(+ ``p`` + part); texts name volumes as "1961-1963 - Volume V - Soviet Union"
or "Foreign Relations, 1961-1963, vol. VI". One place turns each into the other.
"""
from __future__ import annotations

import re

from .model import VolumeInfo

_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
ID_RE = re.compile(r"^frus(\d{4})(?:-(\d{2}))?v(\d{2,3})(?:p(\d+))?([A-Za-z0-9-]*)$")

# "FOREIGN RELATIONS OF THE UNITED STATES - 1961-1963 - Volume V - Soviet Union P16"
_LINE_RE = re.compile(
    r"^\s*FOREIGN RELATIONS OF THE UNITED STATES\s*[-–—,]\s*(\d{4})(?:\s*[-–]\s*(\d{2,4}))?\s*[-–—,]\s*"
    r"Volume\s+([IVXLC]+)(?:\s*,?\s*Part\s+(\d+))?(?:\s*[-–—,]\s*(.*?))?(?:\s+P\d+)?\s*$",
    re.IGNORECASE,
)


def roman_to_int(roman: str) -> int:
    values = [_ROMAN[c] for c in roman.upper()]
    return sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))


def int_to_roman(n: int) -> str:
    out = ""
    for value, letters in ((100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out, n = out + letters, n - value
    return out


def volume_id(first_year: str, last_year: str | None, number: int, part: str | None = None) -> str:
    """``("1961", "1963", 5)`` → ``frus1961-63v05``."""
    years = first_year + (f"-{last_year[-2:]}" if last_year and last_year != first_year else "")
    return f"frus{years}v{number:02d}" + (f"p{part}" if part else "")


def parse_volume_line(line: str) -> VolumeInfo | None:
    """The community site's footer line naming the volume, or None."""
    m = _LINE_RE.match(line)
    if not m:
        return None
    first, last, roman, part, title = m.groups()
    if last and len(last) == 2:
        last = first[:2] + last
    info = info_from_id(volume_id(first, last, roman_to_int(roman), part))
    info.volume_title = (title or "").strip() or None
    return info


def info_from_id(vol_id: str) -> VolumeInfo:
    """What an id alone says: years and volume number (the title is not in it)."""
    m = ID_RE.match(vol_id)
    if not m:
        return VolumeInfo(id=vol_id)
    first, last2, number, part, _ = m.groups()
    sub_series = f"{first}–{first[:2]}{last2}" if last2 else first
    volume_number = f"Volume {int_to_roman(int(number))}" + (f", Part {part}" if part else "")
    return VolumeInfo(id=vol_id, sub_series=sub_series, volume_number=volume_number)


def is_volume_id(text: str) -> bool:
    return bool(ID_RE.match(text))
