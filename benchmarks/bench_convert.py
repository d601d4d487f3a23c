"""Conversion throughput on the development set, run on demand (not a pytest test).

    python benchmarks/bench_convert.py [--target-mb 5] [--shared ../shared] [--repeat 3]

The dev-set texts (``gold/devset/webcopy/*.txt``, one document a file, and
``gold/devset/e2/*.txt``, several documents a file) are repeated in memory to
about ``--target-mb`` MB of text (half per style) and written into a temporary
folder. Each copy is renumbered so that no document number repeats within the
volume: the reader itself finds the heading lines (``Document.where.line``) and
the number at the start of each is offset; "[Page N]" markers are offset too,
since a page marked twice in a volume is reported as an error.

Timed, best of ``--repeat`` wall-clock runs, per style and in total:

* ``read + parse``: ``read_text`` and ``read_text_as`` on every file;
* ``convert_files``: the whole library call (read, model, TEI tree, serialize,
  word check), one volume per style.

Memory is measured after the timings, in a fresh process per row: the
process's max RSS after one run (``resource.getrusage``), then the tracemalloc
peak of a second run (Python allocations only: lxml/libxml2 memory is not seen
by tracemalloc, only by the RSS). The output is a Markdown table.
"""
from __future__ import annotations

import argparse
import gc
import math
import multiprocessing
import platform
import re
import resource
import sys
import tempfile
import time
import tracemalloc
from dataclasses import dataclass
from pathlib import Path

import lxml.etree

from converters.pipeline import ConvertOptions, convert_files
from converters.readers import read_text_as
from converters.textio import read_text

STYLES = ("webcopy", "e2")
MB = 1_000_000
MAX_NUMBER = 9999  # the readers take at most four digits of a document number
_LEADING_NUMBER = re.compile(r"^(\s*)(\d+)(\.\s)")
_PAGE = re.compile(r"(\[\s*Page\s+)(\d+)(?=[A-Za-z]?\s*\])")  # "[Page 12]", as the readers mark pages


@dataclass
class Row:
    phase: str
    style: str
    files: int
    documents: int
    size: int  # bytes of text
    best: float  # seconds
    problems: int
    traced_peak: int | None = None  # bytes
    max_rss: int | None = None  # bytes


# -- corpus --------------------------------------------------------------------

def renumber(text: str, headings: dict[int, int], offset: int, page_offset: int) -> str:
    """``text`` with each heading line (1-based line -> document number) renumbered by ``offset``,
    and each "[Page N]" marker by ``page_offset`` (a page marked twice in a volume is an error)."""
    if page_offset:
        text = _PAGE.sub(lambda m: f"{m.group(1)}{int(m.group(2)) + page_offset}", text)
    lines = text.split("\n")
    for line_no, n in headings.items():
        line = lines[line_no - 1]
        m = _LEADING_NUMBER.match(line)
        if not m or int(m.group(2)) != n:
            raise SystemExit(f"line {line_no} is not the heading of document {n}: {line[:60]!r}")
        lines[line_no - 1] = f"{m.group(1)}{n + offset}{m.group(3)}{line[m.end():]}"
    return "\n".join(lines)


def build_corpus(devset: Path, out: Path, target_bytes: int) -> dict[str, list[Path]]:
    """Write renumbered copies of the dev-set texts, about ``target_bytes`` in all; files per style."""
    corpus: dict[str, list[Path]] = {}
    for style in STYLES:
        sources = []
        for path in sorted((devset / style).glob("*.txt")):
            text, _ = read_text(path)
            _, read = read_text_as(text, str(path), style)
            if not read.documents:
                raise SystemExit(f"{path}: the {style} reader finds no document")
            sources.append((path.name, text, {d.where.line: d.n for d in read.documents}))
        if not sources:
            raise SystemExit(f"no .txt files in {devset / style}")
        size = sum(len(text.encode("utf-8")) for _, text, _ in sources)
        copies = max(1, math.ceil(target_bytes / len(STYLES) / size))
        step = max(n for _, _, heads in sources for n in heads.values())
        page_step = max((int(m.group(2)) for _, text, _ in sources for m in _PAGE.finditer(text)), default=0)
        if copies * step > MAX_NUMBER:
            raise SystemExit(f"--target-mb too large: {copies} copies of {style} would need document "
                             f"numbers above {MAX_NUMBER}")
        folder = out / style
        folder.mkdir()
        corpus[style] = []
        for k in range(copies):
            for name, text, heads in sources:
                path = folder / f"c{k:04d}-{name}"
                path.write_bytes(renumber(text, heads, k * step, k * page_step).encode("utf-8"))
                corpus[style].append(path)
    return corpus


# -- the measured work -----------------------------------------------------------

def parse_all(files: list[Path], style: str, volume_id: str) -> tuple[int, int]:
    """Read and parse every file; (documents, problems)."""
    documents = problems = 0
    numbers: set[int] = set()
    for path in files:
        text, _ = read_text(path)
        _, read = read_text_as(text, str(path), style)
        documents += len(read.documents)
        problems += len(read.problems)
        numbers.update(d.n for d in read.documents)
    assert len(numbers) == documents, "document numbers repeat: the corpus was not renumbered"
    return documents, problems


def convert_all(files: list[Path], style: str, volume_id: str) -> tuple[int, int]:
    """The whole library conversion of the files as one volume; (documents, problems)."""
    report = convert_files(files, ConvertOptions(volume_id=volume_id, style=style))
    assert report.exit_code != 2, f"conversion failed: {[str(p) for p in report.problems[:5]]}"
    assert len(report.outputs) == 1 and report.outputs[0].xml
    return len(report.outputs[0].volume.documents), len(report.problems)


PHASES = {"read + parse": parse_all, "convert_files": convert_all}


def _max_rss() -> int:
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss if sys.platform == "darwin" else rss * 1024  # bytes on macOS, KiB elsewhere


def memory_child(phase: str, files: list[Path], style: str, volume_id: str) -> tuple[int, int, int]:
    """In a fresh process: (max RSS before, max RSS after one run, tracemalloc peak of another run)."""
    before = _max_rss()
    PHASES[phase](files, style, volume_id)
    after = _max_rss()
    gc.collect()
    tracemalloc.start()
    PHASES[phase](files, style, volume_id)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return before, after, peak


def _memory_worker(conn) -> None:
    job = conn.recv()  # waits, idle, until the timings are done
    if job is not None:
        conn.send(memory_child(*job))


class MemoryWorker:
    """A fresh process for one memory measurement.

    A child's getrusage max RSS starts from its parent's at the fork, so the
    workers are started while this process is still small, before the corpus
    and the timings; they get their job afterwards, so as not to disturb them.
    """

    def __init__(self):
        ctx = multiprocessing.get_context("spawn")
        self.conn, child = ctx.Pipe()
        self.proc = ctx.Process(target=_memory_worker, args=(child,), daemon=True)
        self.proc.start()

    def submit(self, *job) -> None:
        self.conn.send(job)

    def result(self) -> tuple[int, int, int]:
        try:
            return self.conn.recv()
        except EOFError:
            raise SystemExit(f"the memory measurement process failed (exit code {self.proc.exitcode})")
        finally:
            self.proc.join()

    def close(self) -> None:
        if self.proc.is_alive():
            try:
                self.conn.send(None)
            except OSError:
                pass
            self.proc.join(5)
            if self.proc.is_alive():
                self.proc.terminate()


def measure(phase: str, style: str, files: list[Path], volume_id: str, repeat: int) -> Row:
    work = PHASES[phase]
    best = math.inf
    for _ in range(repeat):
        gc.collect()
        start = time.perf_counter()
        documents, problems = work(files, style, volume_id)
        best = min(best, time.perf_counter() - start)
    size = sum(p.stat().st_size for p in files)
    return Row(phase, style, len(files), documents, size, best, problems)


# -- output ------------------------------------------------------------------------

def _mb(n: int | None) -> str:
    return "–" if n is None else f"{n / MB:.1f}"


def table(rows: list[Row]) -> str:
    out = ["| phase | style | files | docs | MB text | best s | MB/s | docs/s | ms / 100 docs "
           "| problems | tracemalloc peak MB | max RSS MB |",
           "|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|"]
    for r in rows:
        out.append(f"| {r.phase} | {r.style} | {r.files} | {r.documents} | {r.size / MB:.2f} | {r.best:.3f} "
                   f"| {r.size / MB / r.best:.2f} | {r.documents / r.best:.0f} "
                   f"| {r.best / r.documents * 100 * 1000:.1f} | {r.problems} "
                   f"| {_mb(r.traced_peak)} | {_mb(r.max_rss)} |")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    default_shared = Path(__file__).resolve().parents[2] / "shared"
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--target-mb", type=float, default=5.0, help="size of the corpus, both styles (default 5)")
    ap.add_argument("--shared", type=Path, default=default_shared,
                    help=f"the shared folder holding gold/devset (default {default_shared})")
    ap.add_argument("--repeat", type=int, default=3, help="timed runs per row; the best counts (default 3)")
    ap.add_argument("--volume-id", default="frus1961-63v05")
    ap.add_argument("--no-memory", action="store_true", help="skip the memory measurements")
    args = ap.parse_args(argv)
    devset = args.shared / "gold" / "devset"
    if not devset.is_dir():
        ap.error(f"no dev set at {devset}: give --shared")

    wall = time.perf_counter()
    memory = {} if args.no_memory else {(phase, style): MemoryWorker() for phase in PHASES for style in STYLES}
    try:
        with tempfile.TemporaryDirectory(prefix="frus-bench-") as tmp:
            corpus = build_corpus(devset, Path(tmp), int(args.target_mb * MB))
            rows: list[Row] = []
            for phase in PHASES:
                per_style = [measure(phase, style, corpus[style], args.volume_id, max(1, args.repeat))
                             for style in STYLES]
                rows += per_style + [Row(phase, "both (sum)", sum(r.files for r in per_style),
                                         sum(r.documents for r in per_style), sum(r.size for r in per_style),
                                         sum(r.best for r in per_style), sum(r.problems for r in per_style))]
            for (phase, style), worker in memory.items():
                worker.submit(phase, corpus[style], style, args.volume_id)
            baselines = []
            for row in rows:
                if (row.phase, row.style) in memory:
                    before, row.max_rss, row.traced_peak = memory[row.phase, row.style].result()
                    baselines.append(before)
    finally:
        for worker in memory.values():
            worker.close()
    for total in (r for r in rows if r.style not in STYLES and memory):
        same = [r for r in rows if r.phase == total.phase and r.style in STYLES]
        total.traced_peak = max(r.traced_peak for r in same)
        total.max_rss = max(r.max_rss for r in same)

    print(table(rows))
    print()
    print(f"Best of {args.repeat} runs; MB = 10^6 bytes of UTF-8 text; volume {args.volume_id}; "
          f"'both (sum)' adds the per-style times, its memory is the larger of the two.")
    if baselines:
        print(f"Memory per row from a fresh process; its max RSS before the run (interpreter, lxml, converters): "
              f"{min(baselines) / MB:.0f} MB. This process's max RSS: {_max_rss() / MB:.0f} MB.")
    print(f"Python {platform.python_version()}, lxml {'.'.join(map(str, lxml.etree.LXML_VERSION))}, "
          f"{platform.machine()} {platform.system()}; whole benchmark {time.perf_counter() - wall:.1f} s.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
