"""Small roadmaps written into a temporary docs/ folder, for unit tests."""

from __future__ import annotations

from pathlib import Path

import yaml

TIERS = {0: ("t0", "Foundations"), 1: ("t1", "Programming")}


def lesson_text(
    title: str = "A lesson",
    priority: str = "essential",
    prerequisites: list[str] | None = None,
    hours: float = 2,
    **extra: object,
) -> str:
    data: dict[str, object] = {
        "title": title,
        "priority": priority,
        "prerequisites": prerequisites or [],
        "estimated_hours": hours,
        "summary": "One sentence.",
        "outcomes": ["Derive a thing.", "Implement a thing.", "Explain a thing."],
    }
    data.update(extra)
    data = {k: v for k, v in data.items() if v is not DROP}
    return "---\n" + yaml.safe_dump(data, sort_keys=False, allow_unicode=True) + "---\n\nBody.\n"


DROP = object()  # pass as a field's value to leave the field out


def write_docs(root: Path, lessons: dict[str, str | bytes], tiers: dict[int, tuple[str, str]] = TIERS) -> Path:
    """lessons maps 'folder/id.md' to file content. Returns the docs folder."""
    docs = root / "docs"
    for number, (folder, title) in tiers.items():
        (docs / folder).mkdir(parents=True, exist_ok=True)
        (docs / folder / "index.md").write_text(f"---\ntier: {number}\ntitle: {title}\n---\n\n# {title}\n")
    for rel, content in lessons.items():
        path = docs / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return docs
