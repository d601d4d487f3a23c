"""Problems found in input or output, and the error that carries fatal ones.

Every message names a file and line so that an editor can go straight there.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    file: str
    line: int
    severity: str  # "error" or "warning"
    code: str  # a stable id such as "callout-without-note"
    message: str
    col: int = 0

    def __str__(self) -> str:
        place = self.file
        if self.line:
            place += f":{self.line}"
            if self.col:
                place += f":{self.col}"
        return f"{place}: {self.severity} [{self.code}] {self.message}"


class ConversionError(Exception):
    """Input that cannot be converted at all (empty, binary, not FRUS text...)."""

    def __init__(self, file: str, line: int, code: str, message: str):
        self.problem = Problem(file, line, "error", code, message)
        super().__init__(str(self.problem))
