"""Whatever text arrives, the converter gives valid TEI or a clean error, never a traceback, and loses no word.

Hypothesis throws arbitrary text and mutated sample texts (lines dropped,
repeated, swapped; characters inserted, deleted, replaced; digits fused to
words as callouts are; encodings and line ends varied) at the whole
conversion. Problems whose codes say "the converter is wrong" (a lost word,
an output that breaks the schema) fail the test; problems that say "the text
is wrong" are what a user should get. ``FRUS_FUZZ_EXAMPLES`` sets the number
of examples of each test (CI runs 10,000 in all).
"""
from __future__ import annotations

import os
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from converters import ConvertOptions, convert_text
from converters.pipeline import sample_files
from converters.problems import ConversionError
from converters.textio import decode

EXAMPLES = int(os.environ.get("FRUS_FUZZ_EXAMPLES", "3300"))  # three tests: 9,900, plus 200 of binary
CONVERTER_FAULTS = {"words-lost", "invalid-output"}
SAMPLES = [p.read_text(encoding="utf-8") for p in sample_files()]
FUZZ = settings(max_examples=EXAMPLES, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def _check(text: str, style: str | None = None) -> None:
    report = convert_text(text, "fuzz.txt", ConvertOptions(volume_id="frus1961-63v05", style=style))
    faults = [str(p) for p in report.problems if p.code in CONVERTER_FAULTS]
    assert not faults, faults
    for problem in report.problems:
        assert problem.file and problem.message  # every message names where and what


_PIECES = st.sampled_from([
    "21. Memorandum of Conversation0\n", "[Page 55]", "  1. Source: Department of State.\n", "\n\n", " ",
    "Ambassador Thompson", "Document 32", "1961", "7 p.m.", "Moscow, February 18, 1961.", "  • ", "Dean Rusk\n",
    "SUBJECT\n", "PARTICIPANTS\n", "—", "“", "ʼs", "1", "12", "footnote 2, Document 42", "ibid.", "\u00a0", "\t",
    "Secretary of State Rusk to President Kennedy", "Foreign Relations, 1961-1963, vol. VI",
])


@FUZZ
@given(st.lists(st.one_of(_PIECES, st.text(min_size=1, max_size=20)), max_size=40))
def test_arbitrary_text_gives_tei_or_a_clean_error(parts):
    _check("".join(parts))


@st.composite
def mutated_sample(draw):
    text = draw(st.sampled_from(SAMPLES))
    lines = text.split("\n")
    for _ in range(draw(st.integers(1, 6))):
        kind = draw(st.sampled_from(["drop", "repeat", "swap", "insert", "delete", "replace", "fuse", "split"]))
        i = draw(st.integers(0, len(lines) - 1))
        line = lines[i]
        if kind == "drop" and len(lines) > 1:
            del lines[i]
        elif kind == "repeat":
            lines.insert(i, line)
        elif kind == "swap":
            j = draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
        elif line:
            at = draw(st.integers(0, len(line)))
            if kind == "insert":
                lines[i] = line[:at] + draw(st.text(max_size=5)) + line[at:]
            elif kind == "delete":
                lines[i] = line[:at] + line[at + draw(st.integers(1, 10)):]
            elif kind == "replace":
                lines[i] = line[:at] + draw(st.sampled_from(["[Page 9]", "3", "0", ".", "  2. ", "\u00a0"])) + line[at:]
            elif kind == "fuse":
                lines[i] = line + str(draw(st.integers(0, 12)))
            elif kind == "split":
                lines[i:i + 1] = [line[:at], line[at:]]
    return "\n".join(lines)


@FUZZ
@given(mutated_sample())
def test_mutated_samples_give_tei_or_a_clean_error(text):
    _check(text)


@FUZZ
@given(st.sampled_from(SAMPLES), st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "cp1252"]),
       st.sampled_from(["\n", "\r\n", "\r"]))
def test_any_encoding_and_line_end_reads_as_the_same_text(text, encoding, newline):
    data = text.replace("\n", newline).encode(encoding, errors="replace")
    decoded, name = decode(data, "x.txt")
    expected = text.encode(encoding, errors="replace").decode(encoding).replace("\ufeff", "")
    assert decoded == expected.replace("\t", " ").replace("\u00a0", " ")
    assert name in {"utf-8", "utf-16", "utf-16-le", "windows-1252", "iso-8859-1"}


@settings(max_examples=200, deadline=None, derandomize=True)
@given(st.binary(min_size=1, max_size=400))
def test_binary_is_refused_or_read_never_a_traceback(data):
    try:
        decode(data, "x.bin")
    except ConversionError as exc:
        assert exc.problem.code in {"empty-file", "binary-file", "bad-encoding"}


def test_very_long_lines_and_empty_files(tmp_path: Path):
    from converters import convert_files
    long = SAMPLES[1].replace("\n\n", "\n\n" + "word " * 20000 + "\n\n", 1)
    _check(long)
    (tmp_path / "empty.txt").write_bytes(b"")
    report = convert_files([tmp_path / "empty.txt"], ConvertOptions(volume_id="frus1961-63v05"))
    assert report.exit_code == 2 and report.problems[0].code == "empty-file"


def test_control_characters_are_removed_and_said_so():
    text = SAMPLES[1].replace("I told Khrushchev", "I told\x08 Khrushchev", 1)
    assert "\x08" in text
    report = convert_text(text, "ctl.txt", ConvertOptions(volume_id="frus1961-63v05"))
    assert report.outputs and report.exit_code == 0
    warned = [p for p in report.problems if p.code == "control-character"]
    assert len(warned) == 1 and warned[0].line > 1 and "U+0008" in warned[0].message
    assert b"\x08" not in report.outputs[0].xml


def test_a_document_of_a_signature_alone_keeps_it_as_text():
    report = convert_text("21. Memorandum of Conversation0\n\nAmbassador Thompson\n\n  1. Source: Files.\n", "s.txt",
                          ConvertOptions(volume_id="frus1961-63v05", style="webcopy"))
    assert report.outputs, [str(p) for p in report.problems]
    assert b"<closer>" not in report.outputs[0].xml and b"Thompson" in report.outputs[0].xml


def test_windows_1252_and_latin_1_are_told_apart_and_named():
    assert decode("“Café” — naïve\n".encode("cp1252"), "x.txt") == ("“Café” — naïve\n", "windows-1252")
    assert decode("Café naïve déjà\n".encode("latin-1"), "x.txt") == ("Café naïve déjà\n", "iso-8859-1")
    assert decode("Café\n".encode("utf-16-le"), "x.txt") == ("Café\n", "utf-16-le")
