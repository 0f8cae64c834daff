"""One escaping function per output format. Titles and summaries are data, never markup."""

from __future__ import annotations

import html
import json
import re
from functools import lru_cache
from typing import Any
from urllib.parse import quote

# Mermaid entity codes, applied in this order: '#' first, since every code starts with it.
_MERMAID_ENTITIES = (("#", "#35;"), ("&", "#amp;"), ('"', "#quot;"), ("<", "#lt;"), (">", "#gt;"), ("`", "#96;"))
_ID_KEY = re.compile(r"^[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*$")


@lru_cache(maxsize=262144)
def html_text(text: str) -> str:
    """Text for HTML element content or a double-quoted attribute."""
    return html.escape(text, quote=True)


@lru_cache(maxsize=65536)
def mermaid_label(text: str) -> str:
    """Text for a double-quoted Mermaid node label: one line, entity-coded."""
    folded = " ".join(text.split())
    for char, code in _MERMAID_ENTITIES:
        folded = folded.replace(char, code)
    return f'"{folded}"'


@lru_cache(maxsize=65536)
def mermaid_id(prefix: str, key: str) -> str:
    """A Mermaid node id from a validated lesson id ([a-z0-9-]) or tier number.

    The fixed prefix keeps ids such as `end` or `graph` from being read as keywords,
    and '-' maps to '_', which lesson ids cannot contain, so distinct keys stay distinct.
    """
    if not prefix.isalpha() or not _ID_KEY.match(key):
        raise ValueError(f"cannot make a Mermaid id from {key!r}: lesson ids are [a-z0-9] joined by '-'")
    return f"{prefix}_{key.replace('-', '_')}"


def mermaid_url(url: str) -> str:
    """A relative URL for a Mermaid `click ... href` line, double-quoted."""
    return '"' + quote(url, safe="/.-_~#") + '"'


def json_text(data: Any) -> str:
    """Compact JSON for a file served as application/json (compact keeps the fast C encoder)."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"
