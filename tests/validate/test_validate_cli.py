"""`frus-tei validate` as a user runs it: verdicts, messages with file:line, exit codes.

Exit 0 valid, 1 errors found, 2 a check could not run. Every broken input in
fixtures/broken/ is a copy of tei/frus1961-63v05.xml with one thing wrong;
each must be named by its rule at its exact line. No output ever holds a
Python traceback.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

from conftest import ROOT, SHARED, XML_ID
from converters.cli import main

BROKEN = Path(__file__).resolve().parent / "fixtures" / "broken"
VOLUMES = ["tei/frus1961-63v05.xml", "tei/frus1961-63v09.xml"]
TEI_ALL = SHARED / "tei" / "tei_all.rng"
ENV = "FRUS_TEI_ALL"


@pytest.fixture(autouse=True)
def in_repository(monkeypatch):
    """Run from the repository (the default FILEs are tei/*.xml), with no tei_all in the environment."""
    monkeypatch.chdir(ROOT)
    monkeypatch.delenv(ENV, raising=False)


def run(*args: str, env: dict | None = None):
    result = CliRunner().invoke(main, ["validate", *args], env=env)
    assert "Traceback" not in result.output, result.output
    if result.exception is not None:
        assert isinstance(result.exception, SystemExit), repr(result.exception)
    return result


def lines_of(output: str, path, line: int, rule: str, severity: str = "error") -> list[str]:
    """The output lines that report ``rule`` in ``path`` at ``line`` (with or without a column)."""
    pattern = re.compile(rf"^{re.escape(str(path))}:{line}(:\d+)?: {severity} \[{re.escape(rule)}\] ")
    return [l for l in output.splitlines() if pattern.match(l)]


def summary(output: str) -> str:
    return output.strip().splitlines()[-1]


# -- the project's volumes ----------------------------------------------------------------

def test_project_volumes_are_valid():
    result = run()
    assert result.exit_code == 0, result.output
    assert summary(result.output).startswith("valid: 2 file(s), 0 error(s)"), result.output
    assert " error " not in result.output and "could not run" not in result.output


def test_project_volumes_named_explicitly_are_valid():
    result = run(*VOLUMES)
    assert result.exit_code == 0, result.output
    assert summary(result.output).startswith("valid:"), result.output


def test_project_volumes_as_json():
    result = run("--format", "json")
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["valid"] is True
    assert report["files"] == VOLUMES
    assert report["errors"] == 0 and report["not_run"] == []
    assert all(p["severity"] == "warning" for p in report["problems"]), report["problems"]


def test_validate_as_a_module_in_a_subprocess():
    result = subprocess.run([sys.executable, "-m", "converters", "validate"], cwd=ROOT, capture_output=True,
                            text=True, timeout=300, env={k: v for k, v in os.environ.items() if k != ENV})
    assert "Traceback" not in result.stdout + result.stderr
    assert result.returncode == 0, result.stdout + result.stderr
    assert summary(result.stdout).startswith("valid: 2 file(s), 0 error(s)"), result.stdout


# -- TEI P5 conformance (jing, tei_all.rng) ------------------------------------------------

def test_tei_all_on_the_project_volumes():
    assert shutil.which("jing"), "jing is not installed: run scripts/setup.sh"
    assert TEI_ALL.is_file(), TEI_ALL
    result = run("--tei-all", "../shared/tei/tei_all.rng", *VOLUMES)
    assert result.exit_code == 0, result.output
    assert summary(result.output).startswith("valid:"), result.output


def test_tei_all_from_the_environment():
    result = run(*VOLUMES, "--tei-all", env={ENV: str(TEI_ALL)})
    assert result.exit_code == 0, result.output
    assert summary(result.output).startswith("valid:"), result.output


@pytest.mark.parametrize("args", [["--tei-all"], [*VOLUMES, "--tei-all"]], ids=["alone", "after files"])
def test_tei_all_without_a_path_or_environment(args):
    result = run(*args)
    assert result.exit_code == 2, result.output
    assert "could not run" in result.output and "tei_all.rng" in result.output, result.output
    assert "--tei-all PATH" in result.output and ENV in result.output, result.output
    assert not summary(result.output).startswith("valid"), result.output


def test_tei_all_that_does_not_exist():
    result = run("--tei-all", "/nonexistent.rng", *VOLUMES)
    assert result.exit_code == 2, result.output
    assert "/nonexistent.rng" in result.output and "no such file" in result.output, result.output
    assert not summary(result.output).startswith("valid"), result.output


def test_tei_all_finds_what_tei_p5_forbids(tmp_path):
    tree = etree.parse(str(ROOT / VOLUMES[1]))
    salute = tree.getroot().find(".//{http://www.tei-c.org/ns/1.0}salute")
    salute.set("frobnicate", "yes")  # no such attribute in TEI
    path = tmp_path / "frus1961-63v09.xml"
    tree.write(str(path), encoding="UTF-8", xml_declaration=True)
    result = run("--tei-all", str(TEI_ALL), str(path))
    assert result.exit_code == 1, result.output
    assert lines_of(result.output, path, salute.sourceline, "tei-all"), result.output


# -- broken inputs, one fault each ------------------------------------------------------------

def test_not_well_formed():
    path = BROKEN / "not-well-formed.xml"
    result = run(str(path))
    assert result.exit_code == 1, result.output
    found = lines_of(result.output, path, 66, "well-formed")
    assert len(found) == 1, result.output
    # a bare "&" at column 47 of line 66: libxml2 reports where the entity name should begin
    column = int(found[0].split(":")[2])
    assert column in (47, 48), found
    assert "not well-formed" in found[0]


def test_wrong_namespace_on_the_root():
    path = BROKEN / "wrong-namespace.xml"
    result = run(str(path))
    assert result.exit_code == 1, result.output
    found = lines_of(result.output, path, 2, "namespace")
    assert len(found) == 1, result.output
    assert "http://www.tei-c.org/ns/1.0/" in found[0]  # the namespace it is in
    assert 'xmlns="http://www.tei-c.org/ns/1.0"' in found[0]  # and the one it needs


def test_document_without_head():
    """Document 33 (div at line 94) lost its head: an error naming head, at the div or its first child.

    The grammar (XSD 1.0) cannot require a head of type="document" divs only, so the
    error may come from the schema or from the rule document-head of the .sch.
    """
    path = BROKEN / "no-head.xml"
    result = run(str(path))
    assert result.exit_code == 1, result.output
    found = [l for line in (94, 95) for rule in ("schema", "document-head")
             for l in lines_of(result.output, path, line, rule)]
    assert any("head" in l.split("]", 1)[1] for l in found), result.output


def test_dangling_corresp():
    path = BROKEN / "dangling-corresp.xml"
    result = run(str(path))
    assert result.exit_code == 1, result.output
    found = lines_of(result.output, path, 137, "pointer-resolves")
    assert len(found) == 1 and '"#p_XYZ1"' in found[0], result.output


def test_dangling_corresp_as_json():
    path = BROKEN / "dangling-corresp.xml"
    result = run("--format", "json", str(path))
    assert result.exit_code == 1, result.output
    report = json.loads(result.stdout)
    assert report["valid"] is False and report["errors"] >= 1
    found = [p for p in report["problems"] if p["rule"] == "pointer-resolves"]
    assert [(p["file"], p["line"], p["severity"]) for p in found] == [(str(path), 137, "error")]
    assert "#p_XYZ1" in found[0]["message"]


def test_duplicate_xml_id():
    """pg_57 at lines 71 and 73: both are reported as id-unique, not as a parse failure."""
    path = BROKEN / "duplicate-id.xml"
    result = run(str(path))
    assert result.exit_code == 1, result.output
    for line in (71, 73):
        found = lines_of(result.output, path, line, "id-unique")
        assert len(found) == 1 and '"pg_57"' in found[0], result.output
    assert "[well-formed]" not in result.output, result.output


def test_impossible_date():
    path = BROKEN / "bad-date.xml"
    result = run(str(path))
    assert result.exit_code == 1, result.output
    found = lines_of(result.output, path, 79, "date-iso") + lines_of(result.output, path, 79, "schema")
    assert found, result.output
    assert all("1961-02-30" in l for l in lines_of(result.output, path, 79, "date-iso")), result.output
    assert any("1961-02-30" in l for l in found), result.output


# -- a broken copy of each sample volume ------------------------------------------------------

def first_note_with_id(root, skip_source: bool = True):
    for note in root.iter("{http://www.tei-c.org/ns/1.0}note"):
        if note.get(XML_ID) and not (skip_source and note.get("type") == "source"):
            return note
    raise AssertionError("no note")


@pytest.mark.parametrize("volume", VOLUMES)
@pytest.mark.parametrize("fault", ["note-id", "pb-id"])
def test_broken_copy_of_a_sample_volume(tmp_path, volume, fault):
    tree = etree.parse(str(ROOT / volume))
    root = tree.getroot()
    if fault == "note-id":
        element = first_note_with_id(root)
        element.set(XML_ID, element.get(XML_ID).replace("fn", "fn9"))
    else:
        element = root.find(".//{http://www.tei-c.org/ns/1.0}pb")
        element.set(XML_ID, element.get(XML_ID) + "0")
    line = element.sourceline
    path = tmp_path / Path(volume).name
    tree.write(str(path), encoding="UTF-8", xml_declaration=True)
    # lxml writes the copy line for line: the element stays at its line
    assert len((ROOT / volume).read_text(encoding="utf-8").splitlines()) == \
        len(path.read_text(encoding="utf-8").splitlines())

    result = run(str(path))

    assert result.exit_code == 1, result.output
    found = lines_of(result.output, path, line, fault)
    assert len(found) == 1, result.output
    assert f'"{element.get(XML_ID)}"' in found[0], found
    errors = [l for l in result.output.splitlines() if ": error [" in l]
    assert errors == found, result.output
    assert summary(result.output).startswith("invalid: 1 file(s), 1 error(s)"), result.output


def test_one_broken_volume_among_good_ones(tmp_path):
    path = tmp_path / "frus1961-63v05.xml"
    shutil.copy(BROKEN / "dangling-corresp.xml", path)
    result = run(VOLUMES[1], str(path))
    assert result.exit_code == 1, result.output
    assert lines_of(result.output, path, 137, "pointer-resolves"), result.output
    assert not [l for l in result.output.splitlines() if l.startswith(VOLUMES[1] + ":") and ": error [" in l]


# -- files that cannot be read, and hostile ones -------------------------------------------------

def test_a_folder_without_xml_files(tmp_path):
    result = run(str(tmp_path))
    assert result.exit_code == 2, result.output
    assert str(tmp_path) in result.output and "no .xml files" in result.output, result.output


def test_a_folder_is_validated_file_by_file():
    result = run(str(ROOT / "tei"))
    assert result.exit_code == 0, result.output
    assert summary(result.output).startswith("valid: 2 file(s)"), result.output


def test_a_missing_file(tmp_path):
    missing = tmp_path / "frus1961-63v99.xml"
    result = run(VOLUMES[0], str(missing))
    assert result.exit_code == 2, result.output
    assert str(missing) in result.output and "cannot read" in result.output, result.output
    assert not summary(result.output).startswith("valid"), result.output


def test_no_files_and_no_tei_folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run()
    assert result.exit_code == 2, result.output
    assert "no files to validate" in result.output, result.output


def test_declared_entity_is_refused_not_expanded():
    path = BROKEN / "entity-declared.xml"
    result = run(str(path))
    assert result.exit_code in (1, 2), result.output
    found = [l for l in result.output.splitlines() if re.match(rf"^{re.escape(str(path))}:\d+(:\d+)?: error \[entities\] ", l)]
    assert len(found) == 1, result.output
    assert "DOCTYPE" in found[0], found
    assert "Dean Rusk" not in result.output  # the entity's text never shows up
    assert not summary(result.output).startswith("valid"), result.output


def billion_laughs_lines(output: str, path: Path) -> list[str]:
    return [l for l in output.splitlines() if re.match(rf"^{re.escape(str(path))}:\d+(:\d+)?: error \[entities\] ", l)]


def test_billion_laughs_is_refused_with_the_entities_rule():
    path = BROKEN / "billion-laughs.xml"
    started = time.monotonic()
    result = run(str(path))
    assert time.monotonic() - started < 30
    assert result.exit_code in (1, 2), result.output
    assert "lollol" not in result.output
    found = billion_laughs_lines(result.output, path)
    assert len(found) == 1, result.output
    assert "DOCTYPE" in found[0] and "entit" in found[0], found
    assert not summary(result.output).startswith("valid"), result.output


def test_billion_laughs_in_a_subprocess_does_not_hang():
    path = BROKEN / "billion-laughs.xml"
    result = subprocess.run([sys.executable, "-m", "converters", "validate", str(path)], cwd=ROOT,
                            capture_output=True, text=True, timeout=60)
    output = result.stdout + result.stderr
    assert "Traceback" not in output and "lollol" not in output
    assert result.returncode in (1, 2), output
    assert len(billion_laughs_lines(result.stdout, path)) == 1, output
