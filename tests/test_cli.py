"""The frus-tei command as a user runs it: outputs, messages, exit codes."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner
from lxml import etree

from converters.cli import main

ROOT = Path(__file__).resolve().parents[1]
TEI = "{http://www.tei-c.org/ns/1.0}"
SEEDS = ROOT / "converters" / "samples"

WEB_DOC = """43. Telegram From the Embassy in the Soviet Union to the Department of State0

2146. Trade. I told Khrushchev we hoped to lift them.1

Thompson
  1. Source: Department of State, Central Files, 411.6141/3-1061. Confidential.
  2. On March 20 the Department of the Treasury announced it.
"""


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def test_convert_samples_by_default(tmp_path):
    result = run("convert", "-o", str(tmp_path))
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["frus1961-63v05.xml", "frus1961-63v09.xml"]
    assert "8 documents" in result.output
    root = etree.parse(str(tmp_path / "frus1961-63v05.xml")).getroot()
    numbers = [int(d.get("n")) for d in root.iter(f"{TEI}div") if d.get("type") == "document"]
    assert numbers == sorted(numbers) == [21, 32, 33, 34, 35, 37, 38, 43]
    assert root.find(f".//{TEI}change").get("when") is None  # no timestamp unless asked


def test_header_records_sources_version_and_date(tmp_path):
    result = run("convert", "-o", str(tmp_path), "--date", "2026-11-23")
    assert result.exit_code == 0
    root = etree.parse(str(tmp_path / "frus1961-63v05.xml")).getroot()
    assert root.find(f".//{TEI}change").get("when") == "2026-11-23"
    files = [i.text for i in root.iter(f"{TEI}idno") if i.get("type") == "file"]
    assert files == ["000_b2576c3321903650.txt", "001_47450e1f6b175480.txt", "002_55e821f5a96366b2.txt",
                     "003_f4c0f35845c2a081.txt"]
    assert root.find(f".//{TEI}application").get("version") == "0.1.0"
    titles = {t.get("type"): t.text for t in root.iter(f"{TEI}title")}
    assert titles["volume"] == "Soviet Union" and titles["volume-number"] == "Volume V"
    assert titles["sub-series"] == "1961–1963"


def test_bad_date_is_refused(tmp_path):
    result = run("convert", "-o", str(tmp_path), "--date", "yesterday")
    assert result.exit_code == 2 and "ISO date" in result.output


def test_web_copy_without_volume_asks_for_it(tmp_path):
    text = tmp_path / "d43.txt"
    text.write_text(WEB_DOC, encoding="utf-8")
    result = run("convert", str(text), "-o", str(tmp_path / "out"))
    assert result.exit_code == 2
    assert "--volume-id" in result.output and str(text) in result.output
    assert not (tmp_path / "out").exists()
    result = run("convert", str(text), "-o", str(tmp_path / "out"), "--volume-id", "frus1961-63v05")
    assert result.exit_code == 0
    assert (tmp_path / "out" / "frus1961-63v05.xml").is_file()


def test_volume_id_must_be_a_frus_id(tmp_path):
    text = tmp_path / "d43.txt"
    text.write_text(WEB_DOC, encoding="utf-8")
    result = run("convert", str(text), "-o", str(tmp_path), "--volume-id", "soviet union")
    assert result.exit_code == 2 and "not a FRUS volume id" in result.output


def test_document_met_twice_names_both_files(tmp_path):
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(WEB_DOC, encoding="utf-8")
    result = run("convert", str(tmp_path), "-o", str(tmp_path / "out"), "--volume-id", "frus1961-63v05")
    assert result.exit_code == 2
    assert "document 43" in result.output
    assert "a.txt" in result.output and "b.txt" in result.output


def test_documents_of_one_volume_from_several_files_in_number_order(tmp_path):
    (tmp_path / "a.txt").write_text(WEB_DOC, encoding="utf-8")
    (tmp_path / "b.txt").write_text(WEB_DOC.replace("43. Telegram", "12. Telegram"), encoding="utf-8")
    result = run("convert", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "-o", str(tmp_path / "out"),
                 "--volume-id", "frus1961-63v05")
    assert result.exit_code == 0, result.output
    root = etree.parse(str(tmp_path / "out" / "frus1961-63v05.xml")).getroot()
    assert [d.get("n") for d in root.iter(f"{TEI}div") if d.get("type") == "document"] == ["12", "43"]


def test_empty_and_binary_files_are_refused(tmp_path):
    (tmp_path / "empty.txt").write_text("  \n\n", encoding="utf-8")
    (tmp_path / "image.txt").write_bytes(bytes(range(256)) * 4)
    for name, word in (("empty.txt", "empty"), ("image.txt", "binary")):
        result = run("convert", str(tmp_path / name), "-o", str(tmp_path / "out"), "--volume-id", "frus1961-63v05")
        assert result.exit_code == 2
        assert f"{tmp_path / name}" in result.output and word in result.output
        assert "Traceback" not in result.output


def test_text_in_neither_style_names_file_and_line(tmp_path):
    path = tmp_path / "letter.txt"
    path.write_text("\n\nDear Sir,\nThis is not a FRUS document.\n", encoding="utf-8")
    result = run("convert", str(path), "-o", str(tmp_path / "out"), "--volume-id", "frus1961-63v05")
    assert result.exit_code == 2
    assert f"{path}:3:" in result.output and "number and title" in result.output


def test_missing_input_file(tmp_path):
    result = run("convert", str(tmp_path / "nope.txt"), "-o", str(tmp_path / "out"), "--volume-id", "frus1961-63v05")
    assert result.exit_code == 2 and "cannot read" in result.output


def test_style_can_be_forced(tmp_path):
    path = tmp_path / "d43.txt"
    path.write_text(WEB_DOC, encoding="utf-8")
    result = run("convert", str(path), "-o", str(tmp_path), "--volume-id", "frus1961-63v05", "--style", "web")
    assert result.exit_code == 0
    root = etree.parse(str(tmp_path / "frus1961-63v05.xml")).getroot()
    assert [n.get("n") for n in root.find(f"{TEI}text").iter(f"{TEI}note")] == ["1", "2"]
    assert "web copy" in root.find(f".//{TEI}bibl/{TEI}note").text


def test_note_base_zero(tmp_path):
    path = tmp_path / "d43.txt"
    path.write_text(WEB_DOC, encoding="utf-8")
    result = run("convert", str(path), "-o", str(tmp_path), "--volume-id", "frus1961-63v05", "--note-base", "0")
    assert result.exit_code == 0
    root = etree.parse(str(tmp_path / "frus1961-63v05.xml")).getroot()
    assert [(n.get("n"), n.get("{http://www.w3.org/XML/1998/namespace}id")) for n in root.find(f"{TEI}text").iter(f"{TEI}note")] == \
        [("0", "d43fn0"), ("1", "d43fn1")]


def test_registers_go_to_front_matter(shared, tmp_path):
    regs = shared / "registers"
    given = ["--persons", str(regs / "frus1961-63v05-persons.xml"), "--terms", str(regs / "frus1961-63v05-terms.xml")]
    xml_id = "{http://www.w3.org/XML/1998/namespace}id"
    result = run("convert", "-o", str(tmp_path / "all"), "--keep-register", *given)
    assert result.exit_code == 0, result.output
    front = etree.parse(str(tmp_path / "all" / "frus1961-63v05.xml")).getroot().find(f"{TEI}text/{TEI}front")
    assert [d.get(xml_id) for d in front] == ["persons", "terms"]
    assert len(front[1].findall(f".//{TEI}item")) == 164

    result = run("convert", "-o", str(tmp_path / "used"), *given)
    assert result.exit_code == 0, result.output
    root = etree.parse(str(tmp_path / "used" / "frus1961-63v05.xml")).getroot()
    front = root.find(f"{TEI}text/{TEI}front")
    kept = {t.get(xml_id) for t in front.iter(f"{TEI}term")}
    targets = {g.get("target")[1:] for g in root.find(f"{TEI}text/{TEI}body").iter(f"{TEI}gloss") if g.get("target")}
    assert kept == targets and "t_USSR1" in kept and "t_MFN1" in kept
    assert [d.get(xml_id) for d in front] == ["persons", "terms"]
    people = {p.get(xml_id) for p in front[0].iter(f"{TEI}persName")}
    linked = {p.get("corresp")[1:] for p in root.find(f"{TEI}text/{TEI}body").iter(f"{TEI}persName")
              if p.get("corresp")}
    assert people == linked and "p_RD1" in people


def test_register_that_is_not_one_is_refused(tmp_path):
    bad = tmp_path / "persons.xml"
    bad.write_text("<list/>", encoding="utf-8")
    result = run("convert", "-o", str(tmp_path / "out"), "--persons", str(bad))
    assert result.exit_code == 2 and "persons list" in result.output


def test_runs_as_python_module(tmp_path):
    result = subprocess.run([sys.executable, "-m", "converters", "convert", "-o", str(tmp_path)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "frus1961-63v09.xml").is_file()


def test_document_repeated_in_one_community_file(shared, tmp_path):
    text = (shared / "seeds" / "000_b2576c3321903650.txt").read_text(encoding="utf-8")
    first_doc = text.split("\n\n\n38. Editorial Note")[0]
    path = tmp_path / "twice.txt"
    twice = first_doc + "\n\n\n" + first_doc.split("\n\n", 1)[1]
    path.write_text(twice, encoding="utf-8")
    second = twice.split("\n").index("37. Memorandum From Secretary of State Rusk to President Kennedy/1/", 5) + 1
    result = run("convert", str(path), "-o", str(tmp_path / "out"), "--volume-id", "frus1961-63v05")
    assert result.exit_code == 2, result.output
    assert f"{path}:{second}: error [document-repeated] document 37 is here and also at {path}:3" in result.output


def test_document_with_a_heading_only_is_reported_and_kept(tmp_path):
    path = tmp_path / "cut.txt"
    path.write_text("5. Editorial Note\n", encoding="utf-8")
    result = run("convert", str(path), "-o", str(tmp_path / "out"), "--volume-id", "frus1961-63v05")
    assert result.exit_code == 1, result.output
    assert f"{path}:1: error [empty-document] document 5 has a heading but no text" in result.output
    root = etree.parse(str(tmp_path / "out" / "frus1961-63v05.xml")).getroot()
    assert "".join(root.find(f".//{TEI}div/{TEI}head").itertext()) == "5. Editorial Note"


def test_registers_import_writes_lists_that_convert_reads_back(shared, tmp_path):
    gold_v09 = tmp_path / "frus1961-63v09.xml"
    front = "".join((shared / "registers" / f"frus1961-63v09-{k}.xml").read_text(encoding="utf-8")
                    for k in ("persons", "terms"))
    gold_v09.write_text(f'<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="frus1961-63v09"><text><front>{front}'
                        f'</front><body/></text></TEI>', encoding="utf-8")
    result = run("registers", "import", str(gold_v09), "-o", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    assert "frus1961-63v09-persons.xml (109 persons)" in result.output
    assert "frus1961-63v09-terms.xml (177 terms)" in result.output
    sample = ROOT / "converters" / "samples" / "004_433d4cec5cde79d2.txt"
    result = run("convert", str(sample), "-o", str(tmp_path / "tei"),
                 "--persons", str(tmp_path / "out" / "frus1961-63v09-persons.xml"),
                 "--terms", str(tmp_path / "out" / "frus1961-63v09-terms.xml"))
    assert result.exit_code == 0, result.output
    root = etree.parse(str(tmp_path / "tei" / "frus1961-63v09.xml")).getroot()
    assert {p.get("corresp") for p in root.iter(f"{TEI}persName") if p.get("corresp")} >= {"#p_RD3", "#p_HLH1"}


def test_registers_as_tables_and_from_texts(tmp_path):
    result = run("registers", "discover", "-o", str(tmp_path), "--format", "csv")
    assert result.exit_code == 0, result.output
    table = (tmp_path / "frus1961-63v05-persons.csv").read_text(encoding="utf-8").splitlines()
    assert table[0] == "id,name,description,variants"
    assert any(line.startswith("p_MMA1,\"Menshikov, Mikhail A.\",Soviet Ambassador") for line in table), table
    result = run("registers", "import", str(ROOT / "tei" / "frus1961-63v05.xml"), "-o", str(tmp_path),
                 "--format", "json")
    assert result.exit_code == 0, result.output
    rows = json.loads((tmp_path / "frus1961-63v05-persons.json").read_text(encoding="utf-8"))
    assert {"id", "name", "description", "variants"} == set(rows[0])


def test_registers_import_of_a_file_without_lists_says_so(tmp_path):
    path = tmp_path / "plain.xml"
    path.write_text('<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body/></text></TEI>', encoding="utf-8")
    result = run("registers", "import", str(path))
    assert result.exit_code == 2
    assert "plain.xml:1: error [no-register]" in result.output


def test_volumes_toml_names_each_volumes_registers(shared, tmp_path):
    sample = ROOT / "converters" / "samples" / "004_433d4cec5cde79d2.txt"
    (tmp_path / "d317.txt").write_bytes(sample.read_bytes())
    lists = shared / "registers"
    (tmp_path / "volumes.toml").write_text(
        '[volumes]\n"d317.txt" = "frus1961-63v09"\n[note-base]\n"frus1961-63v09" = 0\n'
        f'[registers]\n"frus1961-63v09" = {{ persons = "{lists / "frus1961-63v09-persons.xml"}", '
        f'terms = "{lists / "frus1961-63v09-terms.xml"}" }}\n', encoding="utf-8")
    result = run("convert", str(tmp_path / "d317.txt"), "-o", str(tmp_path / "tei"))
    assert result.exit_code == 0, result.output
    root = etree.parse(str(tmp_path / "tei" / "frus1961-63v09.xml")).getroot()
    assert "#p_RD3" in {p.get("corresp") for p in root.iter(f"{TEI}persName")}
    (tmp_path / "volumes.toml").write_text(
        '[volumes]\n"d317.txt" = "frus1961-63v09"\n[registers]\n"frus1961-63v09" = { persons = "nowhere.xml" }\n',
        encoding="utf-8")
    result = run("convert", str(tmp_path / "d317.txt"), "-o", str(tmp_path / "tei2"))
    assert result.exit_code == 2 and "nowhere.xml" in result.output and "bad-register" in result.output
