"""The saxonche runner: one Saxon processor per process, each stylesheet compiled once.

Saxon reports trouble two ways: the exception says what went wrong, and the
Java side prints where (``on line N column M of FILE``) on file descriptor 2.
Both are captured here and turned into an :class:`XsltError` that names a
file and line, so no caller ever shows a traceback or Saxon's raw output;
what Saxon prints while succeeding comes back as warnings. ``xsl:message``
output is kept, not printed: our stylesheets write ``severity|path()|text``
and :func:`transform` turns the path into a line of the input file.
"""
from __future__ import annotations

import os
import re
import tempfile
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Mapping, TypeVar

from lxml import etree

from ..problems import Problem
from ..saxon import processor as shared_processor
from ..validation import safe_parser
from ..validation.schematron import locate

if TYPE_CHECKING:  # pragma: no cover
    from saxonche import PySaxonProcessor, PyXsltExecutable

CODE = "xslt"
T = TypeVar("T")

# A report starts "Error ...", "Static error ...", "Warning ..." at the start of a line.
_START = re.compile(r"^(?:Static |Syntax |Fatal |Dynamic |Type )?(Error|Warning)\b", re.I)
# "... on line 3 column 31 of bad.xsl:" / "... at line 7 in run.xsl" (the first a report names)
_WHERE = re.compile(r"\bline (\d+)(?: column \d+)?\s+(?:of|in)\s+(\S+?):?(?:\s|$)")
_lock = threading.RLock()
_state: dict = {}


class XsltError(Exception):
    """A stylesheet or its input could not be used: where (file, line) and why."""

    def __init__(self, file: str, line: int, message: str, more: tuple[Problem, ...] = (), terminated: bool = False):
        self.file, self.line, self.message = file, line, message
        self.terminated = terminated  # stopped by xsl:message terminate="yes"
        self.problems = [Problem(file, line, "error", CODE, message), *more]
        super().__init__("\n".join(str(p) for p in self.problems))


@dataclass
class TransformResult:
    output: str  # the principal result, serialized
    problems: list[Problem] = field(default_factory=list)  # xsl:message output and Saxon's warnings


def processor() -> "PySaxonProcessor":
    """The process's one Saxon processor (created on first use)."""
    with _lock:
        _state.setdefault("executables", {})
    return shared_processor()


def executable(stylesheet: Path) -> "PyXsltExecutable":
    """The compiled stylesheet, compiled on first use and cached for the process."""
    return _compiled(Path(stylesheet))[0]


def _compiled(stylesheet: Path) -> tuple["PyXsltExecutable", list[Problem]]:
    path = stylesheet.resolve()
    with _lock:
        proc = processor()
        cache: dict = _state["executables"]
        if path not in cache:
            if not path.is_file():
                raise XsltError(str(stylesheet), 0, "no such stylesheet")
            compiler = proc.new_xslt30_processor()
            cache[path] = _guarded(lambda: compiler.compile_stylesheet(stylesheet_file=str(path)), path)
        return cache[path]


def parse_source(path: Path) -> etree._ElementTree:
    """Parse a TEI file with lxml: no DTD, no entities, no network."""
    if not Path(path).is_file():
        raise XsltError(str(path), 0, "no such file")
    try:
        tree = etree.parse(str(path), safe_parser())
    except OSError as exc:
        raise XsltError(str(path), 0, f"cannot read the file: {exc.strerror or exc}") from None
    except etree.XMLSyntaxError as exc:
        line = exc.position[0] if getattr(exc, "position", None) else (exc.lineno or 0)
        raise XsltError(str(path), line, f"not well-formed XML: {exc.msg}") from None
    for node in tree.iter(etree.Entity):
        raise XsltError(str(path), node.sourceline or 0,
                        f"entity reference {node.text} is not expanded (write the character itself)")
    return tree


def transform(stylesheet: Path, tree: etree._ElementTree, source_name: str, *,
              params: Mapping[str, str] | None = None, output_dir: Path | None = None) -> TransformResult:
    """Run ``stylesheet`` on ``tree``; ``xsl:result-document`` files land in ``output_dir``.

    Saxon gets the element tree only (no DOCTYPE), so it can resolve nothing
    external. Raises :class:`XsltError` when the stylesheet does not compile
    or the transform fails.
    """
    path = Path(stylesheet).resolve()
    with _lock:
        exe, compile_warnings = _compiled(path)
        proc = processor()
        exe.clear_parameters()
        exe.clear_xsl_messages()
        exe.set_save_xsl_message(True)
        for name, value in (params or {}).items():
            exe.set_parameter(name, proc.make_string_value(value))
        if output_dir is not None:
            exe.set_base_output_uri(Path(output_dir).resolve().as_uri() + "/")
        text = etree.tostring(tree.getroot(), encoding="unicode")

        def run() -> str:
            return exe.transform_to_string(xdm_node=proc.parse_xml(xml_text=text)) or ""

        try:
            output, warnings = _guarded(run, path)
        except XsltError as exc:
            said = _messages(exe)
            if exc.terminated and said:  # xsl:message terminate="yes": its text, placed where it says
                problem = _message_problem(said[-1], tree, source_name, path)
                if problem.file == source_name:
                    raise XsltError(problem.file, problem.line, problem.message) from None
                raise XsltError(exc.file, exc.line, problem.message) from None
            raise
        finally:
            said = _messages(exe)
            exe.clear_xsl_messages()
    return TransformResult(output, [*compile_warnings, *warnings,
                                    *(_message_problem(m, tree, source_name, path) for m in said)])


def _messages(exe: "PyXsltExecutable") -> list[str]:
    value = exe.get_xsl_messages()
    return [str(item) for item in value] if value is not None else []


def _message_problem(message: str, tree: etree._ElementTree, source: str, stylesheet: Path) -> Problem:
    """``severity|path|text`` from our stylesheets; anything else is the stylesheet's own word."""
    parts = message.split("|", 2)
    if len(parts) == 3 and parts[0] in ("error", "warning"):
        element = locate(tree, parts[1]) if parts[1] else None
        line = element.sourceline if element is not None and element.sourceline else 0
        return Problem(source, line, parts[0], CODE, " ".join(parts[2].split()))
    return Problem(str(stylesheet), 0, "warning", CODE, " ".join(message.split()))


def _guarded(call: Callable[[], T], stylesheet: Path) -> tuple[T, list[Problem]]:
    """Run a Saxon call with fd 2 captured: (its value, Saxon's warnings); a failure → XsltError."""
    from saxonche import PySaxonApiError

    with tempfile.TemporaryFile() as captured:
        saved = os.dup(2)
        os.dup2(captured.fileno(), 2)
        failure: str | None = None
        try:
            value = call()
        except PySaxonApiError as exc:
            failure = str(exc)
        finally:
            os.dup2(saved, 2)
            os.close(saved)
        captured.seek(0)
        printed = captured.read().decode("utf-8", "replace")
    if failure is None:
        return value, [Problem(p.file, p.line, "warning", CODE, p.message) for p in _reports(printed, stylesheet)]
    raise _error(failure, printed, stylesheet)


def _error(failure: str, printed: str, stylesheet: Path) -> XsltError:
    """Saxon's exception text and what it printed → one error, the others attached."""
    terminated = "terminated by xsl:message" in failure or "XTMM9000" in printed
    found = [p for p in _reports(printed, stylesheet) if p.severity == "error"]
    found = found or [p for p in _reports(failure, stylesheet) if p.severity == "error" and p.line]
    if not found:
        found = [Problem(str(stylesheet), 0, "error", CODE, " ".join(failure.split()) or "the transformation failed")]
    first, rest = found[0], tuple(found[1:])
    return XsltError(first.file, first.line, first.message, rest, terminated)


def _reports(text: str, stylesheet: Path) -> list[Problem]:
    """Split what Saxon printed into reports, each placed at the first line it names."""
    blocks: list[list[str]] = []
    for line in text.strip().splitlines():
        if _START.match(line) or not blocks:
            blocks.append([line])
        elif line.strip():
            blocks[-1].append(line)
    problems: list[Problem] = []
    for lines in blocks:
        start = _START.match(lines[0])
        severity = "warning" if start and start.group(1).lower() == "warning" else "error"
        where = _WHERE.search(" ".join(lines))  # Saxon wraps long lines
        detail = [line for line in lines[1:] if not line.strip().startswith("In ")]
        message = " ".join(" ".join(detail or lines[:1]).split())
        file, line = (_stylesheet_file(where.group(2), stylesheet), int(where.group(1))) if where else (str(stylesheet), 0)
        problem = Problem(file, line, severity, CODE, message)
        if message and problem not in problems:
            problems.append(problem)
    return problems


def _stylesheet_file(name: str, stylesheet: Path) -> str:
    """Saxon names a module by its base name or URI: the path a user can open."""
    if name.startswith("file:"):
        name = re.sub(r"^file:/*", "/", name)
    candidate = Path(name)
    if not candidate.is_absolute():
        beside = stylesheet.parent / name
        candidate = beside if beside.exists() else candidate
    try:
        return str(candidate.relative_to(Path.cwd()))
    except ValueError:
        return str(candidate)
