#!/usr/bin/env python3
"""Screenshots of the HTML edition, to look at it: the samples converted, rendered, photographed.

  .venv/bin/python docs/screenshots/take.py [--page d21.html] [--width 1200]

Writes html-document.png (a document page, whole) and html-index.png (the
contents page) next to this script, with Debian's Chromium through Playwright.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))

from playwright.sync_api import sync_playwright  # noqa: E402

from converters.pipeline import ConvertOptions, convert_files, write_outputs  # noqa: E402
from converters.render import render_html  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--page", default="d21.html", help="the document page (of the sample volume V)")
    ap.add_argument("--width", type=int, default=1200)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        volumes = write_outputs(convert_files([], ConvertOptions()), Path(folder) / "tei")
        site = Path(folder) / "html"
        render_html(next(v for v in volumes if v.name == "frus1961-63v05.xml"), site)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium")
            page = browser.new_page(viewport={"width": args.width, "height": 900})
            for name, shot in ((args.page, "html-document.png"), ("index.html", "html-index.png")):
                page.goto((site / name).as_uri())
                page.screenshot(path=str(HERE / shot), full_page=True)
                print(f"wrote {HERE / shot}")
            browser.close()


if __name__ == "__main__":
    main()
