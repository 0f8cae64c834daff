"""Refresh the vendored JavaScript under docs/assets/vendor/ from the npm registry.

The site makes no request to any other host, so Mermaid and KaTeX live in the repo.
This script fetches the pinned versions with `npm pack`, copies only the files the
site loads plus each package's licence, and writes a manifest with checksums.

    python scripts/vendor_assets.py            # refresh to the pinned versions
    python scripts/vendor_assets.py --check    # exit 1 if the files differ from the manifest
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENDOR = ROOT / "docs" / "assets" / "vendor"

# folder under VENDOR -> (npm package, version, {path inside the package: path under the folder})
PACKAGES: dict[str, tuple[str, str, dict[str, str]]] = {
    # Mermaid's "tiny" build: the same release as the mermaid package, in one file, without
    # the mindmap and architecture diagrams and without KaTeX in labels. 672 KB with gzip -9,
    # against 976 KB for mermaid's own mermaid.min.js. Flowcharts, which the roadmap draws,
    # are in it; the lesson lint rejects the diagram types that are not.
    "mermaid": (
        "@mermaid-js/tiny",
        "11.17.2",
        {
            "dist/mermaid.tiny.js": "mermaid.tiny.js",
            "LICENSE": "LICENSE",
        },
    ),
    "katex": (
        "katex",
        "0.19.1",
        {
            "dist/katex.min.js": "katex.min.js",
            "dist/katex.min.css": "katex.min.css",
            "LICENSE": "LICENSE",
        },
    ),
}
# KaTeX's fonts: only the woff2 files, which every browser the site supports loads first.
KATEX_FONT_SUFFIX = ".woff2"


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def npm_pack(spec: str, dest: Path) -> Path:
    out = subprocess.run(["npm", "pack", spec, "--silent"], cwd=dest, check=True, capture_output=True, text=True)
    return dest / out.stdout.strip().splitlines()[-1]


def extract(tarball: Path, name: str, files: dict[str, str], into: Path) -> None:
    target = into / name
    if target.exists():
        shutil.rmtree(target)
    (target / "fonts").mkdir(parents=True) if name == "katex" else target.mkdir(parents=True)
    with tarfile.open(tarball) as tar:
        for member in tar.getmembers():
            inner = member.name.removeprefix("package/")
            if inner in files:
                dest = target / files[inner]
            elif name == "katex" and inner.startswith("dist/fonts/") and inner.endswith(KATEX_FONT_SUFFIX):
                dest = target / "fonts" / Path(inner).name
            else:
                continue
            source = tar.extractfile(member)
            assert source is not None
            dest.write_bytes(source.read())
    missing = [f for f in files.values() if not (target / f).exists()]
    if missing:
        raise SystemExit(f"{name}: the package has no {', '.join(missing)}; update PACKAGES")


def manifest() -> dict[str, object]:
    return {
        "packages": {folder: f"{package}@{version}" for folder, (package, version, _) in PACKAGES.items()},
        "files": {
            str(p.relative_to(VENDOR)): sha256(p)
            for p in sorted(VENDOR.rglob("*"))
            if p.is_file() and p.name != "manifest.json"
        },
    }


def refresh() -> None:
    VENDOR.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        for folder, (package, version, files) in PACKAGES.items():
            tarball = npm_pack(f"{package}@{version}", Path(tmp))
            extract(tarball, folder, files, VENDOR)
            print(f"vendored {package}@{version} into {folder}/")
    (VENDOR / "manifest.json").write_text(json.dumps(manifest(), indent=2) + "\n")


def check() -> int:
    recorded = json.loads((VENDOR / "manifest.json").read_text())
    if recorded != manifest():
        print("docs/assets/vendor/ differs from manifest.json; run python scripts/vendor_assets.py")
        return 1
    print("vendored assets match manifest.json")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="verify instead of refreshing")
    args = parser.parse_args()
    if args.check:
        return check()
    refresh()
    return 0


if __name__ == "__main__":
    sys.exit(main())
