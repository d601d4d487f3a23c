"""Publishing: a FRUS TEI volume rendered through the XSLT stylesheets in ``xslt/``.

Python only orchestrates (which stylesheet, which parameters, where the files
go); everything a reader sees is decided by the stylesheets.
"""
from __future__ import annotations

from .html import RenderReport, render_html
from .xslt import XsltError

__all__ = ["RenderReport", "XsltError", "render_html"]
