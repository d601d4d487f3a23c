"""What a reader returns for one file."""
from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Document, VolumeInfo
from ..problems import Problem


@dataclass
class Read:
    documents: list[Document]
    problems: list[Problem] = field(default_factory=list)
    info: VolumeInfo | None = None  # the volume, where the text names it
    content: str = ""  # the text that belongs to documents (site lines removed), for the word check
