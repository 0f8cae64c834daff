"""A fast reader for the plain YAML that frontmatter is written in; PyYAML reads everything else.

PyYAML, even with libyaml, builds a tree of nodes and then Python objects for every
document. For thousands of lessons that is the largest single cost of the roadmap layer.
This reader accepts only a narrow subset of YAML, in which every line means one thing:

    key: plain text
    key: "double-quoted text without backslashes"
    key: 'single-quoted text without quotes'
    key: [plain, flow, items]
    key: []
    key:
      - plain or quoted text      (items indented by exactly two spaces)

and blank lines between them. It returns None for anything else (comments, tabs,
multi-line scalars, anchors, escapes, nested mappings, duplicate keys, an empty
document, ...), and the caller hands that text to PyYAML, which also reports errors.

What a plain scalar means is decided by PyYAML's own resolver, so `yes`, `~`, `0x1F`,
`1_000` or `2024-01-01` resolve exactly as PyYAML resolves them. Only strings, whole
numbers written as plain digits and decimals written as digits.digits are converted here;
any other type falls back to PyYAML. tests/test_plain_yaml.py compares the two readers on
every lesson and on thousands of generated documents.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from yaml.nodes import ScalarNode
from yaml.resolver import Resolver

# libyaml refuses a simple key longer than 1,024 characters; so does this reader.
_KEY_LINE = re.compile(r"([A-Za-z_][A-Za-z0-9_]{0,1023}):(?: (.*))?")
_INT = re.compile(r"0|[1-9][0-9]*")
_FLOAT = re.compile(r"[0-9]+\.[0-9]+")
# Characters that give a plain scalar's first character another meaning in YAML.
_INDICATORS = frozenset("-?:,[]{}#&*!|>'\"%@`")
_FLOW_INDICATORS = frozenset(",[]{}:#")
_STR = "tag:yaml.org,2002:str"
_INT_TAG = "tag:yaml.org,2002:int"
_FLOAT_TAG = "tag:yaml.org,2002:float"
_resolver = Resolver()
# The resolver only types a plain scalar whose first character starts one of its patterns
# (a key of None would mean "any first character"): every other scalar is a string.
_TYPED_FIRST = frozenset(Resolver.yaml_implicit_resolvers)
_ANY_TYPED = None in _TYPED_FIRST


class NotPlain(Exception):
    """The text uses YAML outside the subset: PyYAML must read it."""


def load(text: str) -> dict[str, Any] | None:
    """The mapping `text` holds, or None when it is not plain YAML (then use PyYAML)."""
    if "\t" in text or "\r" in text:
        return None
    try:
        return _mapping(text.split("\n"))
    except NotPlain:
        return None


def _mapping(lines: list[str]) -> dict[str, Any]:
    data: dict[str, Any] = {}
    items: list[Any] | None = None  # the block list being filled, if any
    for raw in lines:
        line = raw.rstrip(" ")
        if not line:
            continue
        if line.startswith("  - "):
            if items is None:
                raise NotPlain
            items.append(_value(line[4:]))
            continue
        if items == []:
            raise NotPlain  # 'key:' followed by no items is null, not a list
        key_line = _KEY_LINE.fullmatch(line)
        if not key_line:
            raise NotPlain
        key = _key(key_line.group(1))
        if key is None or key in data:
            raise NotPlain
        value = key_line.group(2)
        if value is None:
            items = data[key] = []
        else:
            items = None
            data[key] = _value(value)
    if not data or items == []:
        raise NotPlain
    return data


@lru_cache(maxsize=256)
def _key(text: str) -> str | None:
    """A key as PyYAML reads it, when that is a string: the same few keys recur in every file."""
    try:
        key = _plain(text)
    except NotPlain:
        return None
    return key if isinstance(key, str) else None


def _value(text: str) -> Any:
    if text.startswith("[") and text.endswith("]"):
        inner = text[1:-1].strip(" ")
        return [_plain(part.strip(" "), flow=True) for part in inner.split(",")] if inner else []
    if len(text) >= 2 and text[0] == text[-1] and text[0] in "\"'":
        content = text[1:-1]
        if text[0] in content or "\\" in content or not content.isprintable():
            raise NotPlain
        return content
    return _plain(text)


def _plain(text: str, *, flow: bool = False) -> Any:
    """A one-line plain scalar, typed as PyYAML would type it."""
    if (
        not text
        or text[0] in _INDICATORS
        or text[0] == " "
        or text.endswith(":")
        or ": " in text
        or " #" in text
        or not text.isprintable()
        or (flow and not _FLOW_INDICATORS.isdisjoint(text))
    ):
        raise NotPlain
    if text[0] not in _TYPED_FIRST and not _ANY_TYPED:
        return text
    tag = _resolver.resolve(ScalarNode, text, (True, False))
    if tag == _STR:
        return text
    if tag == _INT_TAG and _INT.fullmatch(text):
        return int(text)
    if tag == _FLOAT_TAG and _FLOAT.fullmatch(text):
        return float(text)
    raise NotPlain
