"""Build a site for the tests: the real docs/ or a fixture docs/ with the real config and theme."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURE_DOCS = ROOT / "tests" / "fixtures" / "site" / "docs"


def fixture_project(where: Path) -> Path:
    """A project folder: the fixture docs plus the real assets, config, hooks and theme. Returns its mkdocs.yml."""
    project = where / "project"
    shutil.copytree(FIXTURE_DOCS, project / "docs")
    shutil.copytree(ROOT / "docs" / "assets", project / "docs" / "assets")
    config = (ROOT / "mkdocs.yml").read_text()
    for relative in ("scripts/roadmap/hooks.py", "overrides"):
        assert relative in config, relative
        config = config.replace(f" {relative}\n", f" {ROOT / relative}\n")
    (project / "mkdocs.yml").write_text(config)
    return project / "mkdocs.yml"


def build(config: Path, site_dir: Path, site_url: str | None = None) -> subprocess.CompletedProcess[str]:
    """Run scripts/build.py, the same entry point the README gives."""
    env = dict(os.environ)
    if site_url:
        env["SITE_URL"] = site_url
    return subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "build.py"), "-f", str(config), "-d", str(site_dir)],
        capture_output=True,
        text=True,
        env=env,
        cwd=config.parent,
    )
