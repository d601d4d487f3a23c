"""frus-tei: plain-text FRUS documents to the Office of the Historian's TEI."""
from __future__ import annotations

__version__ = "0.1.0"

from .pipeline import ConvertOptions, ConvertReport, convert_files, convert_text  # noqa: E402
from .validation import Report, validate, validate_files  # noqa: E402

__all__ = ["__version__", "ConvertOptions", "ConvertReport", "convert_files", "convert_text", "Report",
           "validate", "validate_files"]
