#!/usr/bin/env python3
"""How long the HTML edition of a volume takes, cold and warm, stage by stage.

  python benchmarks/bench_render.py [--docs 100] [--shared ../shared] [--repeat 5]

Builds a FRUS-shaped volume of --docs documents from the Office's gold
documents of vol. V (../shared/eval/make_volume.py, renumbered, with the vol.
V registers) and times: a whole `render_html` in a fresh process (interpreter
start, imports, Saxon start, compiling the stylesheets, the transform, the
files written: what `frus-tei render` costs); then, in this process, compiling
html.xsl, parsing the volume with lxml, the transform alone, and warm
`render_html` calls. The budget is 2 s for 100 documents, cold.
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from converters.render import render_html  # noqa: E402
from converters.render import xslt as runner  # noqa: E402
from converters.render.html import html_stylesheet  # noqa: E402

COLD = "import sys, pathlib; from converters.render import render_html; " \
       "render_html(pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2]))"


def best(fn, repeat: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return min(times), result


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=100)
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    gold = sorted((args.shared / "gold" / "seeds").glob("d*.xml")) + sorted((args.shared / "gold" / "devset" / "v05").glob("d*.xml"))
    gold = [g for g in gold if g.name != "d317.xml"]  # vol. IX: its persons are not in vol. V's register
    regs = args.shared / "registers"
    with tempfile.TemporaryDirectory() as folder:
        volume = Path(folder) / "volume.xml"
        subprocess.run([sys.executable, str(args.shared / "eval" / "make_volume.py"), str(volume), "--docs", str(args.docs),
                        "--persons", str(regs / "frus1961-63v05-persons.xml"),
                        "--terms", str(regs / "frus1961-63v05-terms.xml"), *map(str, gold)], check=True)
        size = volume.stat().st_size / 1e6

        def cold() -> None:
            subprocess.run([sys.executable, "-c", COLD, str(volume), str(Path(folder) / "cold")], check=True, cwd=ROOT)

        t_cold, _ = best(cold, args.repeat)
        t_start, _ = best(lambda: subprocess.run([sys.executable, "-c", "import converters.render, saxonche; "
                                                  "saxonche.PySaxonProcessor(license=False)"], check=True, cwd=ROOT),
                          args.repeat)
        start = time.perf_counter()
        runner.executable(html_stylesheet())
        t_compile = time.perf_counter() - start
        t_parse, tree = best(lambda: runner.parse_source(volume), args.repeat)
        out = Path(folder) / "warm"
        t_transform, _ = best(lambda: runner.transform(html_stylesheet(), tree, str(volume), params={"css": "edition.css"},
                                                       output_dir=Path(tempfile.mkdtemp(dir=folder))), args.repeat)
        t_warm, report = best(lambda: render_html(volume, out), args.repeat)
        pages = [p for p in report.pages if p.suffix == ".html"]
        written = sum(p.stat().st_size for p in report.pages) / 1e6

    rows = [
        ("`render_html` in a fresh process (all of the below, plus Python start)", t_cold),
        ("  of which: Python start, imports, Saxon processor", t_start),
        ("compile html.xsl + common.xsl (once per process)", t_compile),
        ("parse the volume (lxml, safe parser)", t_parse),
        ("transform: every page via xsl:result-document", t_transform),
        ("`render_html` warm: parse + transform + move pages + css", t_warm),
    ]
    print(f"volume: {args.docs} documents, {size:.2f} MB -> {len(pages)} pages, {written:.2f} MB; best of {args.repeat}")
    print("| stage | seconds | documents/s |\n|---|--:|--:|")
    for name, seconds in rows:
        print(f"| {name} | {seconds:.3f} | {args.docs / seconds:.0f} |")
    verdict = "within" if t_cold <= 2.0 else "OVER"
    print(f"\nbudget: 2 s for 100 documents, cold; this run: {t_cold:.2f} s for {args.docs} ({verdict} budget); "
          f"{len(report.problems)} warning(s) from the stylesheet")


if __name__ == "__main__":
    main()
