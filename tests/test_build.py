"""`frus-tei build`: every volume to TEI and HTML (PDF aside here), incremental, parallel, safe when killed."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from click.testing import CliRunner
from lxml import etree, html

from converters.cli import main

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "converters" / "samples"
WEB = sorted(p for p in SAMPLES.glob("*.txt") if p.name[:3] in {"001", "003", "004"})


def run(*args: str, cwd: Path):
    old = os.getcwd()
    os.chdir(cwd)
    try:
        return CliRunner().invoke(main, list(args))
    finally:
        os.chdir(old)


def corpus(folder: Path, volumes: int) -> Path:
    """Web-copy texts spread over ``volumes`` volumes (frus1961-63v01…), named in a volumes.toml."""
    folder.mkdir()
    lines = ["[volumes]"]
    for v in range(1, volumes + 1):
        for text in WEB:
            name = f"v{v:02d}-{text.name}"
            (folder / name).write_bytes(text.read_bytes())
            lines.append(f'"{name}" = "frus1961-63v{v:02d}"')
    (folder / "volumes.toml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


def test_build_the_samples_then_skip_them(tmp_path):
    first = run("build", "--no-pdf", "-j", "2", cwd=tmp_path)
    assert first.exit_code == 0, first.output
    assert "2 volume(s) built, 0 unchanged, 0 failed; 9 documents" in first.output
    for volume in ("frus1961-63v05", "frus1961-63v09"):
        assert (tmp_path / "tei" / f"{volume}.xml").is_file()
        assert (tmp_path / "out" / "html" / volume / "index.html").is_file()
    assert (tmp_path / "tei" / "frus1961-63v05.xml").read_bytes() == (ROOT / "tei" / "frus1961-63v05.xml").read_bytes()
    start = time.perf_counter()
    second = run("build", "--no-pdf", cwd=tmp_path)
    assert time.perf_counter() - start < 1.0
    assert second.exit_code == 0 and "0 volume(s) built, 2 unchanged" in second.output, second.output
    forced = run("build", "--no-pdf", "--force", "-j", "1", cwd=tmp_path)
    assert "2 volume(s) built, 0 unchanged" in forced.output, forced.output


def test_a_changed_text_rebuilds_its_volume_only(tmp_path):
    texts = corpus(tmp_path / "texts", 2)
    assert run("build", str(texts), "--no-pdf", cwd=tmp_path).exit_code == 0
    changed = next(texts.glob("v02-001*"))
    changed.write_text(changed.read_text(encoding="utf-8").replace("crabmeat", "crab meat"), encoding="utf-8")
    again = run("build", str(texts), "--no-pdf", "-v", cwd=tmp_path)
    assert again.exit_code == 0 and "1 volume(s) built, 1 unchanged" in again.output, again.output
    assert "built frus1961-63v02" in again.output


def test_a_volume_that_fails_is_reported_and_the_others_are_built(tmp_path):
    texts = corpus(tmp_path / "texts", 2)
    bad = next(texts.glob("v01-001*"))
    text = bad.read_text(encoding="utf-8")
    (texts / "v01-repeat.txt").write_text(text, encoding="utf-8")  # the same document twice in v01
    with (texts / "volumes.toml").open("a", encoding="utf-8") as toml:
        toml.write('"v01-repeat.txt" = "frus1961-63v01"\n')
    result = run("build", str(texts), "--no-pdf", cwd=tmp_path)
    assert result.exit_code == 2
    assert "document-repeated" in result.output and "frus1961-63v01: not built" in result.output
    assert (tmp_path / "out" / "html" / "frus1961-63v02" / "index.html").is_file()
    assert not (tmp_path / "tei" / "frus1961-63v01.xml").exists()


def test_a_build_killed_midway_leaves_no_truncated_file(tmp_path):
    texts = corpus(tmp_path / "texts", 30)
    first = run("build", str(texts), "--no-pdf", "-j", "2", cwd=tmp_path)
    assert first.exit_code == 0, first.output
    command = [sys.executable, "-m", "converters", "build", str(texts), "--no-pdf", "--force", "-j", "2"]
    process = subprocess.Popen(command, cwd=tmp_path, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                               start_new_session=True)
    started = time.time()
    while process.poll() is None and not any(p.stat().st_mtime > started for p in (tmp_path / "tei").glob("*.xml")):
        time.sleep(0.005)  # until the first volume is rewritten: the build is under way
    os.killpg(process.pid, signal.SIGKILL)
    assert process.wait() == -signal.SIGKILL, "the build ended before it was killed: give it more volumes"
    outputs = [p for p in [*(tmp_path / "tei").glob("*.xml"), *(tmp_path / "out").rglob("*.html")]
               if not any(part.startswith(".") for part in p.relative_to(tmp_path).parts)]  # temporaries aside
    assert len(outputs) >= 30 * 2
    for path in outputs:
        if path.suffix == ".xml":
            etree.parse(str(path))  # a truncated file would not parse
        else:
            page = path.read_text(encoding="utf-8")
            assert page.rstrip().endswith("</html>"), path
            html.fromstring(page)
    again = run("build", str(texts), "--no-pdf", cwd=tmp_path)
    assert again.exit_code == 0, again.output
    leftovers = [p for p in tmp_path.rglob(".*") if p.name != ".frus-tei-build.json"]
    assert not leftovers, leftovers  # the next build cleans what the killed one left half-done
