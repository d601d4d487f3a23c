"""``frus-tei build``: texts to validated TEI, the HTML edition and the PDF, one volume at a time.

Each volume is a job: convert (which validates before it writes), render the
site, render the PDF. Jobs run in worker processes (``jobs``), each worker
setting up Saxon and the schemas once. A manifest in the output folder keeps a
hash of each volume's inputs and options; an unchanged volume whose outputs
are all there is skipped. Every file is written through a temporary file and
a rename, so an interrupted build leaves every output whole: the old one or
the new one. A volume that fails is reported and the others go on.
"""
from __future__ import annotations

import hashlib
import json
import os
import shutil
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Callable, Iterator

from . import __version__
from .pipeline import ConvertOptions, ConvertReport, _read_one, convert_files, input_files, write_atomic
from .problems import ConversionError, Problem

MANIFEST = ".frus-tei-build.json"


@dataclass
class VolumeResult:
    """What one volume's job did; plain data, so it crosses process boundaries."""

    volume: str
    skipped: bool = False
    documents: int = 0
    notes: int = 0
    pages: int = 0
    persons: int = 0
    outputs: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    failed: bool = False
    key: str = ""

    @property
    def warnings(self) -> int:
        return sum(p.severity == "warning" for p in self.problems)

    @property
    def errors(self) -> int:
        return sum(p.severity == "error" for p in self.problems)


@dataclass
class BuildReport:
    volumes: list[VolumeResult] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)  # before any volume: unreadable input

    @property
    def exit_code(self) -> int:
        if any(v.failed for v in self.volumes) or any(p.severity == "error" for p in self.problems):
            return 2
        return 1 if any(v.errors for v in self.volumes) else 0


def group_by_volume(paths: list[Path], options: ConvertOptions) -> tuple[dict[str, list[Path]], ConvertReport]:
    """The input files of each volume (a text names its volume, or volumes.toml / --volume-id does)."""
    report = ConvertReport()
    manifests: dict = {}
    groups: dict[str, list[Path]] = {}
    try:
        files = input_files(paths)
    except ConversionError as exc:
        report.problems.append(exc.problem)
        report.failed = True
        return groups, report
    for path in files:
        source = _read_one(path, options, manifests, report)
        if source is not None:
            groups.setdefault(source.volume_id, []).append(path)
    return groups, report


def input_key(files: list[Path], options: ConvertOptions, pdf: bool) -> str:
    """A hash of everything a volume's outputs depend on: the texts, the lists, the options, the tool."""
    digest = hashlib.sha256(f"frus-tei {__version__} pdf={pdf}".encode())
    settings = {k: str(v) for k, v in asdict(options).items() if k not in ("volume_id",)}
    digest.update(json.dumps(settings, sort_keys=True).encode())
    extra = [p for p in (options.persons, options.terms) if p]
    for path in sorted(files) + extra + sorted({p.parent / "volumes.toml" for p in files}):
        digest.update(str(path.name).encode())
        digest.update(path.read_bytes() if path.is_file() else b"-")
    return digest.hexdigest()


def build_volume(volume: str, files: list[Path], options: ConvertOptions, out: Path, tei_dir: Path,
                 pdf: bool) -> VolumeResult:
    """Convert, render HTML and (if asked) PDF for one volume; never raises for bad input."""
    from .render.html import render_html
    from .render.xslt import XsltError
    result = VolumeResult(volume)
    report = convert_files(files, replace(options, volume_id=options.volume_id or volume))
    result.problems += report.problems
    converted = [c for c in report.outputs if c.volume.info.id == volume]
    if not converted:
        result.failed = True
        return result
    item = converted[0]
    tei = tei_dir / f"{volume}.xml"
    write_atomic(tei, item.xml)
    result.outputs.append(str(tei))
    docs = item.volume.documents
    result.documents = len(docs)
    result.notes = sum(len(d.notes()) for d in docs)
    result.pages = item.xml.count(b"<pb ")
    result.persons = sum(len(r.entries) for r in item.volume.registers if r.kind == "persons")
    try:
        site = render_html(tei, out / "html" / volume)
        result.problems += site.problems
        result.outputs.append(str(out / "html" / volume / "index.html"))
        if pdf:
            from .render.printed import pdf_report
            printed = pdf_report(tei, out / "pdf")
            result.problems += printed.problems
            result.outputs += [str(p) for p in printed.pages]
    except XsltError as exc:
        result.problems += exc.problems
        result.failed = True
    return result


def _remove_leftovers(volume: str, out: Path, tei_dir: Path) -> None:
    """Temporary files a killed build left behind (never a finished output: those are renamed into place)."""
    stale = [*tei_dir.glob(f".{volume}.xml.*.tmp"), *(out / "pdf").glob(f".{volume}.pdf.*.tmp")]
    site = out / "html" / volume
    stale += [*site.glob(".*.tmp"), *site.glob(".render-*")]
    for path in stale:
        if path.is_dir():
            shutil.rmtree(path, ignore_errors=True)
        else:
            path.unlink(missing_ok=True)


def _load_manifest(out: Path) -> dict:
    try:
        return json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def _warm_up() -> None:
    """A worker's set-up, once: the schemas and rules, and the edition's stylesheets."""
    from .render.html import html_stylesheet
    from .render.xslt import executable
    from .validation.rules import _executable
    try:
        _executable()
        executable(html_stylesheet())
    except Exception:  # noqa: BLE001 - a set-up failure shows again, with its message, in the job itself
        pass


def build(sources: list[Path], out: Path, tei_dir: Path, options: ConvertOptions, *, jobs: int = 1,
          force: bool = False, pdf: bool = True,
          progress: Callable[[Iterator[VolumeResult], int], Iterator[VolumeResult]] | None = None) -> BuildReport:
    """Build every volume of ``sources``; ``progress`` wraps the stream of finished volumes (a progress bar)."""
    report = BuildReport()
    groups, grouping = group_by_volume(sources, options)
    report.problems += [p for p in grouping.problems if p.severity == "error" and grouping.failed]
    manifest = _load_manifest(out)
    todo: list[tuple[str, list[Path], str]] = []
    for volume in sorted(groups):
        _remove_leftovers(volume, out, tei_dir)
        key = input_key(groups[volume], options, pdf)
        known = manifest.get(volume, {})
        if not force and known.get("key") == key and all(Path(p).is_file() for p in known.get("outputs", [])):
            report.volumes.append(VolumeResult(volume, skipped=True, key=key, outputs=known["outputs"],
                                               **known.get("counts", {})))
        else:
            todo.append((volume, groups[volume], key))

    def finished() -> Iterator[VolumeResult]:
        if jobs <= 1 or len(todo) <= 1:
            for volume, files, key in todo:
                yield replace(build_volume(volume, files, options, out, tei_dir, pdf), key=key)
            return
        with ProcessPoolExecutor(max_workers=min(jobs, len(todo)), initializer=_warm_up) as pool:
            futures = {pool.submit(build_volume, volume, files, options, out, tei_dir, pdf): key
                       for volume, files, key in todo}
            try:
                for future in as_completed(futures):
                    yield replace(future.result(), key=futures[future])
            except BaseException:
                pool.shutdown(wait=False, cancel_futures=True)
                raise

    stream = finished()
    try:
        for result in (progress(stream, len(todo)) if progress else stream):
            report.volumes.append(result)
            if not result.failed:
                manifest[result.volume] = {"key": result.key, "outputs": result.outputs,
                                           "counts": {k: getattr(result, k) for k in
                                                      ("documents", "notes", "pages", "persons")}}
            else:
                manifest.pop(result.volume, None)
    finally:  # what finished is remembered even when the build is interrupted
        out.mkdir(parents=True, exist_ok=True)
        write_atomic(out / MANIFEST, (json.dumps(manifest, indent=1, sort_keys=True) + "\n").encode())
    report.volumes.sort(key=lambda v: v.volume)
    return report


def default_jobs() -> int:
    return os.cpu_count() or 1
