"""One regular expression for many literal names, shaped as a trie.

Python's ``re`` tries the alternatives of ``A|B|C…`` one by one at every
position, so a pattern of a few hundred register names costs hundreds of
comparisons per character. Factoring common prefixes ("Kennedy|Kohler|Kozlov"
→ "K(?:ennedy|ohler|ozlov)") lets it reject a position after one character.
"""
from __future__ import annotations

import re
from functools import lru_cache


def alternation(words: list[str] | set[str]) -> str:
    """A non-capturing pattern matching exactly ``words``, longest first at each branch."""
    return _alternation(frozenset(words))


@lru_cache(maxsize=64)  # the same register serves every volume of a run
def _alternation(words: frozenset[str]) -> str:
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _pattern(trie) if trie else r"(?!x)x"


def _pattern(node: dict) -> str:
    ends = "" in node
    branches = [re.escape(ch) + _pattern(child) for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends:  # the word may stop here; prefer the longer continuation
        body = f"(?:{body})?" if len(branches) > 1 or len(body) > 1 else f"{body}?"
    return body
