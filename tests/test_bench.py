"""The benchmark runs on a tiny size and reports ratios. It never asserts how fast anything is."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from conftest import BuiltSite
from roadmap import synthetic
from roadmap.benchmark import Row, strip_diagrams
from roadmap.load import load_roadmap
from sitebuild import ROOT


def test_bench_runs_on_a_tiny_size() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "bench.py"), "--quick", "--only", "layer,synthetic"],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert any(line.startswith("layer, 60 lessons") for line in lines)
    assert any(line.startswith("whole build, 20 synthetic lessons") for line in lines)
    summary = next(line for line in lines if line.startswith("summary: "))
    assert "layer time per lesson, 60 vs 20 lessons" in summary and "x" in summary
    assert any(line.startswith("budgets: ") for line in lines)


def test_budget_verdicts() -> None:
    assert Row("r", 1.4, 1.0, budget=1.5).met is True
    assert Row("r", 1.6, 1.0, budget=1.5).met is False
    assert Row("w", 1400, 900, unit="KB", budget=1536, absolute=True).met is True
    assert Row("t", 2.5, budget=2.0).met is False
    assert Row("n", 1.0, 2.0).met is None


def test_synthetic_roadmaps_are_valid_and_shaped_like_real_ones(tmp_path) -> None:  # type: ignore[no-untyped-def]
    synthetic.write(tmp_path / "docs", 300)
    roadmap = load_roadmap(tmp_path / "docs")
    assert len(roadmap.lessons) == 300 and len(roadmap.tiers) == 6
    prereqs = sum(len(lesson.prerequisites) for lesson in roadmap.lessons.values()) / 300
    assert 2.0 <= prereqs <= 3.0
    deepest = max(len(roadmap.ancestors(lid)) for lid in roadmap.order)
    assert deepest <= 6 * synthetic.TRACK


def test_the_diagram_free_baseline_has_no_diagrams_and_loads_no_mermaid(real_site: BuiltSite, tmp_path: Path) -> None:
    tier = real_site.path / "math" / "index.html"
    assert "/vendor/mermaid/" in tier.read_text() and 'class="mermaid"' in tier.read_text()
    copy = tmp_path / "math" / "index.html"
    copy.parent.mkdir()
    shutil.copy(tier, copy)
    strip_diagrams(tmp_path)
    text = copy.read_text()
    assert "/vendor/mermaid/" not in text and 'class="mermaid"' not in text
    assert "Tier 0" in text  # the rest of the page is still there
