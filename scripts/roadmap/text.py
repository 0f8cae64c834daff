"""Small text helpers shared by the renderers and the error messages."""

from __future__ import annotations


def plural(count: int, noun: str) -> str:
    """'1 lesson', '2 lessons'."""
    return f"{count} {noun}{'' if count == 1 else 's'}"
