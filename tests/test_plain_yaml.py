"""The fast frontmatter reader must agree with PyYAML whenever it answers at all."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import pytest
import yaml
from roadmap import plain_yaml
from roadmap.load import FRONTMATTER, SAFE_LOADER

DOCS = Path(__file__).resolve().parent.parent / "docs"


def typed(value: Any) -> Any:
    """A value with its types spelled out, so that 1, 1.0 and True compare unequal."""
    if isinstance(value, dict):
        return ("dict", [(typed(k), typed(v)) for k, v in value.items()])
    if isinstance(value, list):
        return ("list", [typed(v) for v in value])
    return (type(value).__name__, repr(value))


def pyyaml(text: str) -> tuple[str, Any]:
    try:
        return "ok", yaml.load(text, Loader=SAFE_LOADER)
    except yaml.YAMLError:
        return "error", None


def agrees(text: str) -> bool:
    """The fast reader declines, or returns exactly what PyYAML returns."""
    fast = plain_yaml.load(text)
    if fast is None:
        return True
    status, slow = pyyaml(text)
    return status == "ok" and typed(fast) == typed(slow)


def frontmatters() -> list[tuple[str, str]]:
    found = []
    for path in sorted(DOCS.rglob("*.md")):
        match = FRONTMATTER.match(path.read_text(encoding="utf-8"))
        if match:
            found.append((path.relative_to(DOCS).as_posix(), match.group(1) or ""))
    return found


@pytest.mark.parametrize(("name", "text"), frontmatters(), ids=lambda v: v if v.endswith(".md") else "")
def test_every_page_in_docs_reads_the_same(name: str, text: str) -> None:
    assert agrees(text), name
    # The fast reader is the one that reads real lessons: none of them should need PyYAML.
    assert plain_yaml.load(text) is not None, f"{name} falls back to PyYAML"


def test_the_subset_it_reads() -> None:
    text = (
        "title: Vectors, the dot product and norms (ratio 3:1)\n"
        'summary: "Quoted: with # and ---"\n'
        "note: 'single # quoted'\n"
        "priority: essential\n"
        "prerequisites: [vectors, chain-rule]\n"
        "empty: []\n"
        "estimated_hours: 4\n"
        "half: 2.5\n"
        "\n"
        "outcomes:\n"
        "  - Derive x², and \u03c3(wx + b).\n"
        '  - "Quoted item"\n'
        "  - C# and http://example.org\n"
    )
    assert agrees(text)
    assert plain_yaml.load(text) == {
        "title": "Vectors, the dot product and norms (ratio 3:1)",
        "summary": "Quoted: with # and ---",
        "note": "single # quoted",
        "priority": "essential",
        "prerequisites": ["vectors", "chain-rule"],
        "empty": [],
        "estimated_hours": 4,
        "half": 2.5,
        "outcomes": ["Derive x², and \u03c3(wx + b).", "Quoted item", "C# and http://example.org"],
    }


@pytest.mark.parametrize(
    "text",
    [
        "a: yes",  # a boolean to PyYAML
        "a: Off",
        "a: ~",
        "a: null",
        "a: 0x1F",
        "a: 1_000",
        "a: 017",
        "a: 1.",
        "a: .5",
        "a: 1e3",  # a string to PyYAML (no dot), still left to it
        "a: 2024-01-01",
        "a: -1",
        "a: =",
        "a: [yes, b]",
        "a: [1, 2]",
        "a: [a, ]",
        "a: [[a]]",
        'a: ["a"]',
        "a: b # comment",
        "# comment\na: b",
        "a: b:",
        "a: b: c",
        "a:  two spaces",
        "a: &anchor b",
        "a: *alias",
        "a: !!str 1",
        "a: |\n  text",
        "a: >\n  text",
        "a: {b: c}",
        "a:\n- item",
        "a:\n  -",
        "a:\n  - b: c",
        "a:\n  - b\n    continued",
        "a: b\n  continued",
        "a:",
        "a:\nb: c",
        "a: b\na: c",
        "yes: b",
        "1: b",
        "a:b",
        "a: 'it''s'",
        'a: "tab\\t"',
        "a: b\tc",
        "a: b\r\nc: d",
        "a: b\u00a0c",
        "a: b\u2028c",
        "a: ? b",
        "a: @b",
        "a: `b`",
        "",
        "\n\n",
        "- a\n- b",
        "just text",
        "a: b\n  - x",  # an item after a scalar continues the scalar
        "  - x\na: b",  # an item before any key
        "a: 'x\x85y'",  # NEL is a line break inside YAML quotes
        'a: "x\x7fy"',  # DEL is not allowed in YAML
        "k" * 1024 + ": b",  # the longest key libyaml accepts
        "k" * 1025 + ": b",  # one character too long for libyaml
        "a: b\n" + "k" * 1025 + ": c",
    ],
)
def test_outside_the_subset_it_declines_or_agrees(text: str) -> None:
    assert agrees(text)


def test_it_declines_what_pyyaml_types_otherwise() -> None:
    for text in ("a: yes", "a: ~", "a: 0x1F", "a: 2024-01-01", "a: [yes]", "a:", "a: b\na: c", "a: b # c"):
        assert plain_yaml.load(text) is None, text


# Pieces of values: words the fast reader accepts, and characters and pairs that mean
# something else in YAML (indicators, comments, booleans, numbers, dates, tabs, odd spaces).
SAFE = ["word", "two words", "x-y", "é \u03c3", "3:1", "C#", "a.b", "(x)", "1", "25", "2.5", "yes", "no", "on"]
RISKY = [*list("ab yYnNoOtTfF01279._+-eExX?:,[]{}#&*!|>'\"%@`~\\\t\u00a0é"), ": ", " #", "  - ", "\n", "2024-01-02"]


QUOTES = ['"', "'"]


def random_value(rng: random.Random, pieces: list[str]) -> str:
    return "".join(rng.choice(pieces) for _ in range(rng.randint(0, 4)))


def random_document(rng: random.Random) -> str:
    """A document in the subset, one with a random piece spliced in, or a jumble of lines."""
    keys = rng.sample(["a", "b", "title", "x_y", "c", "d"], rng.randint(1, 4))
    if rng.random() < 0.1:
        keys.append(rng.choice(["yes", "1", "on", "null", "a"]))  # typed by PyYAML, or a duplicate
    lines = []
    for key in keys:
        kind = rng.random()
        if kind < 0.5:
            lines.append(f"{key}: {random_value(rng, SAFE)}")
        elif kind < 0.7:
            lines.append(f"{key}: [{', '.join(random_value(rng, SAFE) for _ in range(rng.randint(0, 3)))}]")
        elif kind < 0.8:
            opening, closing = rng.choice(QUOTES), rng.choice(QUOTES)
            lines.append(f"{key}: {opening}{random_value(rng, SAFE + RISKY)}{closing}")
        else:
            lines.append(f"{key}:")
            lines += [f"  - {random_value(rng, SAFE)}" for _ in range(rng.randint(0, 3))]
    text = "\n".join(lines) + rng.choice(["", "\n"])
    mode = rng.random()
    if mode < 0.4:
        return text
    if mode < 0.8:
        at = rng.randint(0, len(text))
        return text[:at] + rng.choice(RISKY) + text[at:]
    jumble = [rng.choice(["", "    more", " - x", "- x", "#c", "a:b", f"a: {random_value(rng, RISKY)}"])]
    return "\n".join(lines[: rng.randint(0, len(lines))] + jumble)


def test_thousands_of_generated_documents_agree() -> None:
    rng = random.Random(20261127)
    answered = 0
    for _ in range(20000):
        text = random_document(rng)
        assert agrees(text), repr(text)
        answered += plain_yaml.load(text) is not None
    # The generator must also produce documents the fast reader accepts, or this proves nothing.
    assert answered > 2000
