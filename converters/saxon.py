"""The process's one Saxon processor, shared by the rules (validation) and the stylesheets (render).

Saxon's processor owns a Java-like runtime; one per process is what saxonche
expects, and every compiled stylesheet must come from the same one.
"""
from __future__ import annotations

import threading
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from saxonche import PySaxonProcessor

_lock = threading.Lock()
_state: dict = {}


def processor() -> "PySaxonProcessor":
    """Created on first use; ImportError if saxonche is not installed."""
    with _lock:
        if "processor" not in _state:
            from saxonche import PySaxonProcessor
            _state["processor"] = PySaxonProcessor(license=False)
        return _state["processor"]
