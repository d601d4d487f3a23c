"""What linking costs within a conversion of the development set, run on demand.

    python benchmarks/bench_link.py [--shared ../shared] [--repeat 20]

Linking is every step that exists only to find persons, terms and references:
reading the registers (``load_register``), building the matchers
(``PersonMatcher``, ``TermMatcher``), building a persons register from the
documents when none is given (``discover_persons``), and the annotators
themselves (``annotate``). Each is timed inside ``convert_files`` by wrapping
it; the share is their sum over the whole call's time, averaged over
``--repeat`` runs after a warm-up. Three settings per style: with the Volume V
registers (``--persons``/``--terms``), without registers (the persons found in
the documents), and each style's texts in one volume. The target of the
project (issue 4) is a share of at most 30%.
"""
from __future__ import annotations

import argparse
import time
from pathlib import Path

import converters.pipeline as pipeline

STEPS = ("load_register", "PersonMatcher", "TermMatcher", "discover_persons", "annotate")


def _timed(name: str, func, spent: dict[str, float]):
    def wrapper(*args, **kwargs):
        start = time.perf_counter()
        try:
            return func(*args, **kwargs)
        finally:
            spent[name] += time.perf_counter() - start
    return wrapper


def measure(texts: Path, options: pipeline.ConvertOptions, repeat: int) -> tuple[float, dict[str, float]]:
    """Mean seconds per conversion, and the mean seconds of each linking step within it."""
    spent = dict.fromkeys(STEPS, 0.0)
    originals = {name: getattr(pipeline, name) for name in STEPS}
    for name, func in originals.items():
        setattr(pipeline, name, _timed(name, func, spent))
    try:
        pipeline.convert_files([texts], options)  # warm-up: schemas, stylesheets, imports
        spent.update(dict.fromkeys(STEPS, 0.0))
        start = time.perf_counter()
        for _ in range(repeat):
            report = pipeline.convert_files([texts], options)
            if report.failed:
                raise SystemExit(f"conversion failed: {[str(p) for p in report.problems]}")
        total = (time.perf_counter() - start) / repeat
    finally:
        for name, func in originals.items():
            setattr(pipeline, name, func)
    return total, {k: v / repeat for k, v in spent.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=Path(__file__).resolve().parents[1].parent / "shared")
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    registers = args.shared / "registers"
    print("| texts | registers | conversion | linking | share |")
    print("|---|---|---:|---:|---:|")
    for style in ("webcopy", "e2"):
        texts = args.shared / "gold" / "devset" / style
        for label, extra in (("Volume V lists", {"persons": registers / "frus1961-63v05-persons.xml",
                                                  "terms": registers / "frus1961-63v05-terms.xml"}),
                             ("none (found)", {})):
            options = pipeline.ConvertOptions(volume_id="frus1961-63v05", **extra)
            total, steps = measure(texts, options, args.repeat)
            linking = sum(steps.values())
            print(f"| dev set, {style} | {label} | {total * 1000:.1f} ms | {linking * 1000:.1f} ms "
                  f"| {linking / total:.0%} |")


if __name__ == "__main__":
    main()
