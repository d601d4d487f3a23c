"""Nesting a block's text, its standoff spans and its points into TEI elements.

Annotators only say "characters 10–17 are a persName"; this is the one place
that turns such ranges into well-nested XML. A span that overlaps another is
split at the boundary, so any mix of spans yields a valid tree.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from lxml import etree

from ..model import Inline, Point, Span
from .names import TEI


@dataclass
class _Node:
    span: Span | None
    start: int
    end: int
    children: list["_Node"] = field(default_factory=list)


def _tree(spans: list[Span], length: int) -> _Node:
    root = _Node(None, 0, length)
    queue = sorted((s for s in spans if 0 <= s.start < s.end <= length), key=lambda s: (s.start, -s.end))
    stack = [root]
    while queue:
        span = queue.pop(0)
        while span.start >= stack[-1].end:
            stack.pop()
        parent = stack[-1]
        end = span.end
        if end > parent.end:  # overlap: keep the part inside, queue the rest
            rest = Span(parent.end, end, span.kind, dict(span.attrs))
            queue.append(rest)
            queue.sort(key=lambda s: (s.start, -s.end))
            end = parent.end
        node = _Node(span, span.start, end)
        parent.children.append(node)
        stack.append(node)
    return root


def _add_text(el: etree._Element, text: str) -> None:
    if not text:
        return
    if len(el):
        el[-1].tail = (el[-1].tail or "") + text
    else:
        el.text = (el.text or "") + text


def fill(el: etree._Element, inline: Inline, point_element: Callable[[Point], etree._Element]) -> None:
    """Append ``inline`` to ``el`` as text, span elements and point elements."""
    text = inline.text
    points = sorted(inline.points, key=lambda p: p.offset)  # stable: equal offsets keep their order

    def emit(parent: etree._Element, node: _Node) -> None:
        inner = [p for p in points if (node.start < p.offset < node.end) or
                 (node.span is None and node.start <= p.offset <= node.end)]
        pos = node.start
        children = list(node.children)
        for p in inner + [None]:
            limit = node.end if p is None else p.offset
            while children and children[0].start < limit or (children and p is None):
                child = children.pop(0)
                _add_text(parent, text[pos:child.start])
                sub = etree.SubElement(parent, f"{{{TEI}}}{child.span.kind}", child.span.attrs)
                emit(sub, child)
                pos = child.end
            if p is None:
                break
            if any(c.start < p.offset < c.end for c in node.children):
                continue  # emitted inside that child
            _add_text(parent, text[pos:p.offset])
            pos = p.offset
            parent.append(point_element(p))
        _add_text(parent, text[pos:node.end])

    emit(el, _tree(inline.spans, len(text)))
