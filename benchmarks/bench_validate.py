#!/usr/bin/env python3
"""How long validation takes on a volume-size file, stage by stage.

  python benchmarks/bench_validate.py [--docs 400] [--shared ../shared] [--repeat 3]

Builds a FRUS-shaped volume of --docs documents from the Office's gold
documents (../shared/eval/make_volume.py, with the vol. V registers; about
4 MB at 400 documents) and times: parsing with lxml; the XSD with lxml
(libxml2) and with xmlschema on the same tree; the Schematron rules through
saxonche; and the whole `validate()` call as `frus-tei validate` runs it.
It also checks that lxml and xmlschema give the same verdict on the volume
and on every schema fixture of the test suite, which is what allows lxml to
be the fast path.
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from lxml import etree

from converters.validation import parse, validate
from converters.validation.rules import _executable, check_rules
from converters.validation.schema import detailed_schema, fast_schema, instance

ROOT = Path(__file__).resolve().parents[1]


def best(fn, repeat: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return min(times), result


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=400)
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--repeat", type=int, default=3)
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

        t0 = time.perf_counter()
        fast_schema(), detailed_schema(), _executable()
        setup = time.perf_counter() - t0

        t_parse, (tree, _) = best(lambda: parse(volume), args.repeat)
        t_lxml, ok_lxml = best(lambda: fast_schema().validate(tree), args.repeat)
        t_xs, ok_xs = best(lambda: detailed_schema().is_valid(instance(tree)), max(1, args.repeat - 2))
        t_rules, found = best(lambda: check_rules(tree, str(volume)), args.repeat)
        t_all, report = best(lambda: validate(volume), args.repeat)

        fixtures = sorted((ROOT / "tests" / "validate" / "fixtures").rglob("*.xml"))
        disagree = []
        for fixture in fixtures:
            try:
                fx = etree.parse(str(fixture), etree.XMLParser(resolve_entities=False, no_network=True))
            except etree.XMLSyntaxError:
                continue
            if fx.docinfo.internalDTD is not None:
                continue  # refused before any schema runs
            if fast_schema().validate(fx) != detailed_schema().is_valid(instance(fx)):
                disagree.append(fixture.name)

    rows = [
        ("load schema (lxml + xmlschema) and compile rules, once per process", setup),
        ("parse (lxml)", t_parse),
        ("XSD, lxml / libxml2 (fast path)", t_lxml),
        ("XSD, xmlschema (detailed report)", t_xs),
        ("rules, Schematron → XSLT on saxonche", t_rules),
        ("validate(): parse + XSD (fast path) + rules", t_all),
    ]
    print(f"volume: {args.docs} documents, {size:.2f} MB; best of {args.repeat}")
    print("| stage | seconds | MB/s |\n|---|--:|--:|")
    for name, seconds in rows:
        print(f"| {name} | {seconds:.3f} | {size / seconds:.1f} |")
    print(f"\nverdicts: lxml {'valid' if ok_lxml else 'invalid'}, xmlschema {'valid' if ok_xs else 'invalid'}; "
          f"rules found {len(found)} problem(s) ({len([p for p in found if p.severity == 'error'])} errors); "
          f"validate() exit code {report.exit_code}")
    print(f"fixtures: {len(fixtures)} checked, lxml and xmlschema disagree on {len(disagree)}"
          + (f": {', '.join(disagree)}" if disagree else ""))


if __name__ == "__main__":
    main()
