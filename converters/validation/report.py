"""A validation report: problems with file, line, rule and fix; text or JSON."""
from __future__ import annotations

import json
from dataclasses import dataclass, field

from ..problems import Problem


class CannotValidate(Exception):
    """A check could not run at all (no jing, no schema, unreadable file): exit 2."""


@dataclass
class Report:
    files: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    not_run: list[str] = field(default_factory=list)  # why a file or check could not be run

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "warning"]

    @property
    def valid(self) -> bool:
        return not self.errors and not self.not_run

    @property
    def exit_code(self) -> int:
        return 2 if self.not_run else (1 if self.errors else 0)

    def extend(self, other: "Report") -> None:
        self.files += other.files
        self.problems += other.problems
        self.not_run += other.not_run

    def sorted(self) -> list[Problem]:
        order = {name: i for i, name in enumerate(self.files)}
        return sorted(self.problems, key=lambda p: (order.get(p.file, len(order)), p.file, p.line, p.col, p.code))

    def summary(self) -> str:
        parts = [f"{len(self.files)} file(s)", f"{len(self.errors)} error(s)", f"{len(self.warnings)} warning(s)"]
        if self.not_run:
            parts.append(f"{len(self.not_run)} check(s) could not run")
        verdict = "valid" if self.valid else ("not checked" if self.not_run and not self.errors else "invalid")
        return f"{verdict}: " + ", ".join(parts)

    def to_text(self) -> str:
        lines = [str(p) for p in self.sorted()] + [f"could not run: {why}" for why in self.not_run]
        return "\n".join(lines + [self.summary()])

    def to_json(self) -> str:
        problems = [{"file": p.file, "line": p.line, "col": p.col, "severity": p.severity, "rule": p.code,
                     "message": p.message} for p in self.sorted()]
        return json.dumps({"valid": self.valid, "files": self.files, "errors": len(self.errors),
                           "warnings": len(self.warnings), "not_run": self.not_run, "problems": problems},
                          indent=1, ensure_ascii=False)


__all__ = ["Report", "CannotValidate", "Problem"]
