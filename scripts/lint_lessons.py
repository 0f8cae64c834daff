"""Check lessons against the lesson standard (docs/contributing.md).

    python scripts/lint_lessons.py                        # every lesson under docs/
    python scripts/lint_lessons.py docs/math/vectors.md   # just these

Prints one line per problem and exits 1 if there are any.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from roadmap.lint import lint_file  # noqa: E402
from roadmap.load import all_lesson_files  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Check lessons against the lesson standard.")
    parser.add_argument("files", nargs="*", type=Path, help="lesson files (default: every lesson)")
    parser.add_argument("--docs", type=Path, default=ROOT / "docs", help="the docs folder")
    args = parser.parse_args(argv)
    docs = args.docs.resolve()
    files = [f.resolve() for f in args.files] or all_lesson_files(docs)
    problems = [problem for path in files for problem in lint_file(path, docs)]
    for problem in sorted(problems):
        print(problem)
    print(f"{len(files)} lesson(s) checked, {len(problems)} problem(s)", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
