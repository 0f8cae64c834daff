"""Start a new lesson: its frontmatter, checked like the build checks it, and the nine sections to fill in.

    python scripts/new_lesson.py math hessians --title "The Hessian and curvature" \\
        --priority recommended --prerequisites partial-derivatives,taylor-series --hours 3

Writes docs/<tier folder>/<lesson id>.md. Every place to write is marked 'FILL IN'; the
site builds with them, so `mkdocs serve` shows the lesson as you write it, and
`python scripts/lint_lessons.py <file>` lists each one still left. Prints one line per
problem and exits 1 if the lesson cannot be added as asked.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from roadmap.load import display_path  # noqa: E402
from roadmap.scaffold import new_lesson  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Start a new lesson from the lesson template.")
    parser.add_argument("tier", help="the tier folder under docs/, e.g. math")
    parser.add_argument("id", help="the lesson id: the file name without .md, e.g. hessians")
    parser.add_argument("--title", required=True, help="the lesson's title")
    parser.add_argument("--priority", default="essential", help="essential, recommended or optional")
    parser.add_argument("--prerequisites", default="", help="lesson ids, comma-separated")
    parser.add_argument("--hours", type=float, default=3, help="estimated hours for a learner working by hand")
    parser.add_argument("--docs", type=Path, default=ROOT / "docs", help="the docs folder")
    args = parser.parse_args(argv)
    prerequisites = [p.strip() for p in args.prerequisites.split(",") if p.strip()]
    result = new_lesson(args.docs.resolve(), args.tier, args.id, args.title, args.priority, prerequisites, args.hours)
    if isinstance(result, list):
        for problem in result:
            print(problem, file=sys.stderr)
        return 1
    path, text = result
    path.write_text(text, encoding="utf-8")
    shown = display_path(path)
    print(f"wrote {shown}: replace every 'FILL IN', then run python scripts/lint_lessons.py {shown}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
