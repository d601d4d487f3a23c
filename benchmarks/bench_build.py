"""A volume-size corpus through every stage of `frus-tei build`, next to the floors; run on demand.

    python benchmarks/bench_build.py [--shared ../shared] [--target-mb 2.5] [--jobs 2] [--no-pdf]

The dev set's texts are repeated to about ``--target-mb`` MB (about 400
documents, renumbered so none repeats; ``bench_convert.build_corpus``), the
web copies as one volume and the community texts as another. Each row runs in
a fresh process, so its wall time includes start-up and its peak memory is
that process's (and its workers') maximum resident set:

* ``build`` with ``--jobs``: convert + validate + HTML, then with the PDF too;
* each stage alone, one process: convert (with validation), HTML, PDF;
* the floors on the same data: lxml parse + serialise of the TEI written, a
  raw saxonche identity transform of it, and pandoc's markdown → TEI of the
  same text (if pandoc is installed);
* an estimate of the whole series (about 550 volumes) on one such machine,
  from the measured time per MB of text.
"""
from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from bench_convert import build_corpus  # noqa: E402

SERIES_VOLUMES = 550

_STAGE = r"""
import json, resource, sys, time
from pathlib import Path
stage, args = sys.argv[1], json.loads(sys.argv[2])
start = time.perf_counter()
if stage == "build":
    from converters.build import build
    from converters.pipeline import ConvertOptions
    report = build([Path(p) for p in args["sources"]], Path(args["out"]), Path(args["tei"]), ConvertOptions(),
                   jobs=args["jobs"], force=True, pdf=args["pdf"])
    assert report.exit_code < 2, [str(p) for v in report.volumes for p in v.problems if p.severity == "error"]
elif stage == "convert":
    from converters.pipeline import ConvertOptions, convert_files, write_outputs
    report = convert_files([Path(p) for p in args["sources"]], ConvertOptions())
    assert not report.failed
    write_outputs(report, Path(args["tei"]))
elif stage == "html":
    from converters.render.html import render_html
    for tei in sorted(Path(args["tei"]).glob("*.xml")):
        render_html(tei, Path(args["out"]) / "html" / tei.stem)
elif stage == "pdf":
    from converters.render.printed import render_pdf
    for tei in sorted(Path(args["tei"]).glob("*.xml")):
        render_pdf(tei, Path(args["out"]) / "pdf")
elif stage == "lxml":
    from lxml import etree
    for tei in sorted(Path(args["tei"]).glob("*.xml")):
        etree.tostring(etree.parse(str(tei)), encoding="UTF-8")
elif stage == "saxon":
    from saxonche import PySaxonProcessor
    proc = PySaxonProcessor(license=False)
    exe = proc.new_xslt30_processor().compile_stylesheet(stylesheet_text='''<xsl:stylesheet version="3.0"
        xmlns:xsl="http://www.w3.org/1999/XSL/Transform"><xsl:mode on-no-match="shallow-copy"/></xsl:stylesheet>''')
    for tei in sorted(Path(args["tei"]).glob("*.xml")):
        exe.transform_to_string(xdm_node=proc.parse_xml(xml_file_name=str(tei)))
seconds = time.perf_counter() - start
rss = max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
print(json.dumps({"seconds": seconds, "rss_mb": rss / 1024}))
"""


def run_stage(stage: str, **args) -> dict:
    """Run one stage in a fresh Python process; wall time as measured inside it, and peak memory."""
    wall = __import__("time").perf_counter()
    done = subprocess.run([sys.executable, "-c", _STAGE, stage, json.dumps(args)], capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"{stage} failed:\n{done.stderr[-3000:]}")
    result = json.loads(done.stdout.strip().splitlines()[-1])
    result["wall"] = __import__("time").perf_counter() - wall  # with Python's start-up
    return result


def pandoc_floor(files: list[Path], folder: Path) -> dict | None:
    """pandoc markdown → TEI on the same text, one call per file, as a user would run it."""
    pandoc = shutil.which("pandoc")
    if not pandoc:
        return None
    time = __import__("time")
    start = time.perf_counter()
    joined = folder / "all.md"
    joined.write_text("\n\n".join(p.read_text(encoding="utf-8") for p in files), encoding="utf-8")
    subprocess.run([pandoc, "-f", "markdown", "-t", "tei", "-o", str(folder / "all.tei.xml"), str(joined)],
                   check=True)
    return {"wall": time.perf_counter() - start, "rss_mb": None}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=HERE.parent.parent / "shared")
    parser.add_argument("--target-mb", type=float, default=2.5)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--no-pdf", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        (tmp / "texts").mkdir()
        corpus = build_corpus(args.shared / "gold" / "devset", tmp / "texts", int(args.target_mb * 1e6))
        web = tmp / "texts" / "webcopy"
        (web / "volumes.toml").write_text(
            "[volumes]\n" + "".join(f'"{p.name}" = "frus1961-63v98"\n' for p in corpus["webcopy"]), encoding="utf-8")
        files = [p for style in corpus.values() for p in style]
        sources = [str(web), str(tmp / "texts" / "e2")]
        megabytes = sum(p.stat().st_size for p in files) / 1e6
        rows = []

        def row(label: str, result: dict | None) -> None:
            if result is None:
                rows.append((label, None, None, None))
                return
            rows.append((label, result["wall"], megabytes / result["wall"], result.get("rss_mb")))

        common = {"sources": sources, "tei": str(tmp / "tei"), "out": str(tmp / "out"), "jobs": args.jobs}
        build_html = run_stage("build", **common, pdf=False)
        row(f"build, convert + validate + HTML, --jobs {args.jobs}", build_html)
        build_pdf = None
        if not args.no_pdf:
            build_pdf = run_stage("build", **common, pdf=True)
            row(f"build, with the PDF, --jobs {args.jobs}", build_pdf)
        row("convert + validate alone (one process)", run_stage("convert", **common))
        row("HTML alone (one process)", run_stage("html", **common))
        if not args.no_pdf:
            row("PDF alone (one process)", run_stage("pdf", **common))
        row("floor: lxml parse + serialise of the TEI", run_stage("lxml", **common))
        row("floor: saxonche identity transform of the TEI", run_stage("saxon", **common))
        row("pandoc markdown → TEI of the same text", pandoc_floor(files, tmp))
        tei_docs = sum(Path(t).read_bytes().count(b'type="document"') for t in (tmp / "tei").glob("*.xml"))
    print(f"corpus: {tei_docs} documents, {megabytes:.2f} MB of text in 2 volumes\n")
    print("| stage | seconds | MB/s of text | peak memory |")
    print("|---|--:|--:|--:|")
    for label, seconds, rate, rss in rows:
        if seconds is None:
            print(f"| {label} | not installed | | |")
        else:
            memory = f"{rss:.0f} MB" if rss else "–"
            print(f"| {label} | {seconds:.2f} | {rate:.2f} | {memory} |")
    per_mb = (build_pdf or build_html)["wall"] / megabytes
    hours = SERIES_VOLUMES * args.target_mb * per_mb / 3600
    what = "with the PDF" if build_pdf else "without the PDF"
    print(f"\nWhole series, {SERIES_VOLUMES} volumes of about {args.target_mb} MB of text each, {what}, "
          f"--jobs {args.jobs} on this machine: about {hours:.1f} hours ({per_mb:.2f} s per MB).")


if __name__ == "__main__":
    main()
