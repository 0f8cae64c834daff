"""Synthetic roadmaps for the benchmark: many lessons with realistic frontmatter.

The shape follows a real curriculum. Lessons come in tracks of about twenty (a topic
such as "linear algebra"). Each track builds on one related track of the tier before it.
A lesson needs one or two earlier lessons of its own track and, often, one lesson of the
related track. Every lesson ends up with two or three prerequisites, and its ancestors stay
bounded (at most six tracks' worth), as in a real roadmap, whatever the total size.
"""

from __future__ import annotations

import random
from pathlib import Path

TIERS = [
    ("math", "Mathematical foundations"),
    ("programming", "Programming fundamentals"),
    ("classical-ml", "Classical machine learning"),
    ("deep-learning", "Deep learning"),
    ("modern-architectures", "Modern architectures"),
    ("research", "Research and the frontier"),
]
TRACK = 20
PRIORITIES = ["essential", "essential", "recommended", "optional"]
BODY = """
## Why this matters

A short body: the benchmark measures the roadmap, not the prose.

## The idea

Some math, $\\mathbf{{x}}^\\top \\mathbf{{y}}$, and a list:

- one
- two

## Worked example

Lesson {number} of track {track}.
"""


def plan(count: int, seed: int = 0) -> list[tuple[int, str, str, list[str]]]:
    """(tier, id, priority, prerequisites) for `count` lessons, in a valid order."""
    rng = random.Random(seed)
    per_tier = -(-count // len(TIERS))
    lessons: list[tuple[int, str, str, list[str]]] = []
    tracks_by_tier: dict[int, list[list[str]]] = {}
    related: dict[int, list[str]] = {}  # id(track) -> the earlier track it builds on
    for index in range(count):
        tier = min(index // per_tier, len(TIERS) - 1)
        tracks = tracks_by_tier.setdefault(tier, [])
        if not tracks or len(tracks[-1]) == TRACK:
            tracks.append([])
            if tracks_by_tier.get(tier - 1):
                related[id(tracks[-1])] = rng.choice(tracks_by_tier[tier - 1])
        track = tracks[-1]
        lesson_id = f"lesson-{index:05d}"
        prereqs = track[-2:] if len(track) >= 2 and rng.random() < 0.7 else track[-1:]
        base = related.get(id(track))
        if base and (rng.random() < 0.8 or not prereqs):
            prereqs = [*prereqs, rng.choice(base)]
        priority = rng.choice(PRIORITIES)
        lessons.append((tier, lesson_id, priority, prereqs))
        track.append(lesson_id)
    # An essential lesson may only require essential ones: promote prerequisites as needed.
    essential = {lid for _, lid, p, _ in lessons if p == "essential"}
    for _tier, lid, _priority, prereqs in reversed(lessons):
        if lid in essential:
            essential.update(prereqs)
    return [(t, lid, "essential" if lid in essential else p, pre) for t, lid, p, pre in lessons]


def write(docs: Path, count: int, seed: int = 0) -> None:
    """Write a synthetic docs/ folder: home page, six tiers, `count` lessons."""
    docs.mkdir(parents=True, exist_ok=True)
    (docs / "index.md").write_text("# Synthetic roadmap\n\n<!-- roadmap:tiers -->\n")
    for number, (folder, title) in enumerate(TIERS):
        (docs / folder).mkdir(exist_ok=True)
        (docs / folder / "index.md").write_text(f"---\ntier: {number}\ntitle: {title}\n---\n\n# {title}\n")
    for number, (tier, lesson_id, priority, prereqs) in enumerate(plan(count, seed)):
        frontmatter = "\n".join(
            [
                "---",
                f'title: "Lesson {number}: a synthetic topic"',
                f"priority: {priority}",
                f"prerequisites: [{', '.join(prereqs)}]",
                f"estimated_hours: {1 + number % 5}",
                "summary: A synthetic lesson for the benchmark.",
                "outcomes:",
                "  - Derive one thing.",
                "  - Implement another.",
                "  - Explain a third.",
                "---",
            ]
        )
        body = BODY.format(number=number, track=number // TRACK)
        (docs / TIERS[tier][0] / f"{lesson_id}.md").write_text(frontmatter + "\n" + body)
