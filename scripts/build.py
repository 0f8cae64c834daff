"""Build the site: validate the roadmap, then `mkdocs build --strict`.

    python scripts/build.py            # writes site/
    python scripts/build.py -d out/    # writes out/ instead

Validation runs first and lists every problem at once. MkDocs builds into a
temporary folder that replaces the output folder only on success, so a failed
build never leaves a half-written or emptied site behind.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from roadmap.load import load_roadmap  # noqa: E402
from roadmap.problems import RoadmapError  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Validate the roadmap, then build the site strictly.")
    parser.add_argument("-f", "--config-file", default=str(ROOT / "mkdocs.yml"), help="MkDocs config file")
    parser.add_argument("-d", "--site-dir", default=None, help="output folder (default: site/ beside the config)")
    args = parser.parse_args(argv)
    config = Path(args.config_file).resolve()
    docs = config.parent / "docs"
    site = Path(args.site_dir).resolve() if args.site_dir else config.parent / "site"
    try:
        roadmap = load_roadmap(docs)
    except RoadmapError as error:
        print(error, file=sys.stderr)
        print("The build stopped before writing anything; site/ is unchanged.", file=sys.stderr)
        return 1
    print(f"roadmap: {len(roadmap.lessons)} lessons in {len(roadmap.tiers)} tiers, valid")
    site.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=site.parent, prefix=".build-") as tmp:
        staging = Path(tmp) / "site"
        # Never `-q`: in MkDocs 1.6 it drops warnings before --strict counts them.
        command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config), "-d", str(staging)]
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
        if subprocess.run(command, env=env).returncode != 0:
            print(f"mkdocs build failed; {site} is unchanged.", file=sys.stderr)
            return 1
        if site.exists():
            shutil.rmtree(site)
        staging.rename(site)
    print(f"site written to {site}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
