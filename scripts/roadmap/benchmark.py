"""Measurements for scripts/bench.py. Each one runs beside its baseline in the same run.

- layer: the roadmap layer alone (load, validate, graph, render) on synthetic roadmaps;
- builds: the real site with and without the roadmap layer and mkdocs-mermaid2;
- figures: a build with a cold figure cache against a warm one;
- serve: time from saving a lesson to `mkdocs serve` serving the rebuilt page;
- browser: page weight and time until graphs and math are drawn, against the same page
  with its diagrams removed.
"""

from __future__ import annotations

import gzip
import http.server
import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SCRIPTS = ROOT / "scripts"
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(SCRIPTS)}


@dataclass
class Row:
    """One line of the results table: a measurement, its baseline, and a budget on their ratio."""

    name: str
    value: float
    baseline: float | None = None
    unit: str = "s"
    budget: float | None = None  # on value / baseline, or on the value itself when `absolute`
    note: str = ""
    absolute: bool = False

    @property
    def on_value(self) -> bool:
        return self.absolute or self.baseline is None

    @property
    def ratio(self) -> float | None:
        return self.value / self.baseline if self.baseline else None

    @property
    def met(self) -> bool | None:
        if self.budget is None:
            return None
        measured = self.value if self.on_value else self.ratio
        return measured is not None and measured <= self.budget


@dataclass
class Results:
    rows: list[Row] = field(default_factory=list)

    def add(self, row: Row) -> Row:
        self.rows.append(row)
        print(f"  {format_row(row)}", flush=True)
        return row


def format_value(value: float, unit: str) -> str:
    if unit == "s":
        return f"{value:.3f} s"
    if unit == "ms":
        return f"{value:.3f} ms"
    if unit == "KB":
        return f"{value:,.0f} KB"
    if unit == "MB":
        return f"{value:.1f} MB"
    return f"{value:g} {unit}"


def format_row(row: Row) -> str:
    base = format_value(row.baseline, row.unit) if row.baseline is not None else "-"
    ratio = f"{row.ratio:.2f}x" if row.ratio is not None else "-"
    budget = "-" if row.budget is None else (f"<= {row.budget:g}" + (f" {row.unit}" if row.on_value else "x"))
    verdict = {True: "met", False: "NOT met", None: ""}[row.met]
    value = format_value(row.value, row.unit)
    return f"{row.name:<52} {value:>12} {base:>12} {ratio:>7} {budget:>10} {verdict:>7} {row.note}"


def median_of(runs: int, measure: Callable[[], float]) -> float:
    return statistics.median(measure() for _ in range(runs))


def median_key(samples: list[dict[str, float]], key: str) -> float:
    return statistics.median(sample[key] for sample in samples)


# --- configurations -----------------------------------------------------------------------


def write_config(where: Path, docs: Path, *, hooks: bool, mermaid2: bool, nav: bool) -> Path:
    """A variant of mkdocs.yml for `docs`: the same theme and extensions, with parts switched off."""
    text = (ROOT / "mkdocs.yml").read_text()
    text = text.replace("docs_dir: docs", f"docs_dir: {docs}")
    text = text.replace("custom_dir: overrides", f"custom_dir: {ROOT / 'overrides'}")
    text = text.replace("  - scripts/roadmap/hooks.py", f"  - {SCRIPTS / 'roadmap' / 'hooks.py'}")
    text = re.sub(r"\nstrict: true\n", "\n", text)
    if not hooks:
        text = re.sub(r"\nhooks:\n(  - .*\n)+", "\n", text)
    if not mermaid2:
        text = re.sub(r"  - mermaid2:\n(      .*\n|        .*\n)+", "", text)
    if not nav:
        text = re.sub(r"\nnav:\n((  .*|\s*#.*)\n)+", "\n", text)
    name = f"mkdocs-{'hooks' if hooks else 'plain'}-{'mermaid2' if mermaid2 else 'nomermaid'}.yml"
    path = where / name
    path.write_text(text)
    return path


def build_seconds(config: Path, site: Path) -> float:
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(site)],
        capture_output=True,
        text=True,
        env=ENV,
    )
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        raise RuntimeError(f"build of {config.name} failed:\n{result.stderr[-2000:]}")
    return elapsed


@contextmanager
def real_docs() -> Iterator[tuple[Path, Path]]:
    """A temporary folder holding a copy of the real docs/: yields (folder, docs)."""
    with tempfile.TemporaryDirectory() as tmp:
        where = Path(tmp)
        shutil.copytree(ROOT / "docs", where / "docs")
        yield where, where / "docs"


# --- the roadmap layer alone --------------------------------------------------------------

LAYER_SCRIPT = """
import json, resource, sys, time
from pathlib import Path
from roadmap import pages
from roadmap.load import load_roadmap

docs = Path(sys.argv[1])
start, cpu = time.perf_counter(), time.process_time()
roadmap = load_roadmap(docs)
site = {p: p.removesuffix("index.md").removesuffix(".md") + ("" if p.endswith("index.md") else "/")
        for p in [l.path for l in roadmap.lessons.values()] + [t.index_path for t in roadmap.tiers]}
for tier in roadmap.tiers:
    pages.tier_section(roadmap, tier, pages.linker(site, site[tier.index_path]))
pages.overview_page(roadmap, pages.linker(site, "roadmap/"))
pages.tiers_block(roadmap, pages.linker(site, ""))
pages.roadmap_json(roadmap, site.__getitem__)
pages.lesson_views(roadmap, site)
elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"seconds": elapsed, "cpu": cpu, "peak_mb": peak}))
"""


def layer_run(docs: Path) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, "-c", LAYER_SCRIPT, str(docs)], capture_output=True, text=True, env=ENV, check=True
    )
    return json.loads(out.stdout)


def measure_layer(results: Results, sizes: list[int], runs: int) -> None:
    from roadmap import synthetic

    print("The roadmap layer alone (load, validate, graph, render), synthetic roadmaps:", flush=True)
    per_lesson: dict[int, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for size in sizes:
            docs = Path(tmp) / f"docs-{size}"
            synthetic.write(docs, size)
            samples = [layer_run(docs) for _ in range(runs)]
            # CPU time of the one process: the layer is single-threaded, and CPU time does not
            # count time spent waiting for a core that another process holds. Wall time beside it.
            cpu = [s["cpu"] for s in samples]
            seconds = statistics.median(cpu)
            wall = statistics.median(s["seconds"] for s in samples)
            peak = max(s["peak_mb"] for s in samples)
            per_lesson[size] = seconds / size
            budget = 2.0 if size == 5000 else None
            spread = f"median of {runs}, {min(cpu):.3f}-{max(cpu):.3f} s" if runs > 1 else "one run"
            note = f"CPU time, {spread}; wall {wall:.3f} s; peak memory {peak:.0f} MB"
            results.add(Row(f"layer, {size} lessons", seconds, budget=budget, note=note))
        small, large = min(sizes), max(sizes)
        if large > small:
            results.add(
                Row(
                    f"layer time per lesson, {large} vs {small} lessons",
                    per_lesson[large] * 1000,
                    per_lesson[small] * 1000,
                    unit="ms",
                    budget=1.5,
                )
            )


def measure_synthetic_builds(results: Results, sizes: list[int], runs: int) -> None:
    from roadmap import synthetic

    print("Whole builds of synthetic roadmaps (roadmap layer and mermaid2 against plain MkDocs):", flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        for size in sizes:
            where = Path(tmp) / str(size)
            where.mkdir()
            docs = where / "docs"
            synthetic.write(docs, size)
            shutil.copytree(ROOT / "docs" / "assets", docs / "assets")
            full = write_config(where, docs, hooks=True, mermaid2=True, nav=False)
            plain = write_config(where, docs, hooks=False, mermaid2=False, nav=False)
            times = {full: [], plain: []}
            for _ in range(runs):
                for config in (full, plain):
                    times[config].append(build_seconds(config, where / "site"))
            value, base = statistics.median(times[full]), statistics.median(times[plain])
            note = f"{value / size * 1000:.1f} ms/lesson"
            results.add(Row(f"whole build, {size} synthetic lessons", value, base, note=note))


# --- the real site ------------------------------------------------------------------------


def measure_builds(results: Results, runs: int) -> None:
    print("Builds of the real site, median of alternating runs:", flush=True)
    with real_docs() as (where, docs):
        variants = {
            "full": write_config(where, docs, hooks=True, mermaid2=True, nav=True),
            "hooks": write_config(where, docs, hooks=True, mermaid2=False, nav=True),
            "plain": write_config(where, docs, hooks=False, mermaid2=False, nav=False),
        }
        build_seconds(variants["full"], where / "site")  # warm the figure cache and the OS
        times: dict[str, list[float]] = {name: [] for name in variants}
        for _ in range(runs):
            for name, config in variants.items():
                times[name].append(build_seconds(config, where / "site"))
        med = {name: statistics.median(values) for name, values in times.items()}
        results.add(Row("whole build: roadmap layer + mermaid2 vs plain", med["full"], med["plain"], budget=1.5))
        results.add(Row("roadmap layer's share (mermaid2 off in both)", med["hooks"], med["plain"], budget=1.10))


def measure_figures(results: Results, runs: int) -> None:
    print("Figures: a build with a cold figure cache against a warm one:", flush=True)
    with real_docs() as (where, docs):
        config = write_config(where, docs, hooks=True, mermaid2=True, nav=True)
        cache = where / ".cache"
        build_seconds(config, where / "site")

        def cold() -> float:
            shutil.rmtree(cache, ignore_errors=True)
            return build_seconds(config, where / "site")

        cold_time = median_of(runs, cold)
        build_seconds(config, where / "site")
        warm_time = median_of(runs, lambda: build_seconds(config, where / "site"))
        count = len(list(cache.rglob("*.svg")))
        results.add(Row("build with a cold figure cache vs a warm one", cold_time, warm_time, note=f"{count} figures"))


# --- live edit under mkdocs serve ---------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8", "replace")
    except OSError:
        return None


@contextmanager
def serving(config: Path, flags: list[str] | None = None) -> Iterator[str]:
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", *(flags or []), "-f", str(config), "-a", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=ENV,
    )
    url = f"http://127.0.0.1:{port}/"
    try:
        deadline = time.monotonic() + 180
        while fetch(url) is None:
            if time.monotonic() > deadline or process.poll() is not None:
                raise RuntimeError(f"mkdocs serve did not start for {config.name}")
            time.sleep(0.2)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=30)


def edit_seconds(url: str, lesson: Path, page: str, n: int) -> float:
    marker = f"bench-edit-marker-{n}-{time.time_ns()}"
    start = time.perf_counter()
    lesson.write_text(lesson.read_text() + f"\n\n{marker}\n")
    deadline = time.monotonic() + 120
    while marker not in (fetch(url + page) or ""):
        if time.monotonic() > deadline:
            raise RuntimeError("the edited page was not served within 120 s")
        time.sleep(0.05)
    return time.perf_counter() - start


def measure_serve(results: Results, runs: int) -> None:
    print("Live edit: save a lesson, wait until mkdocs serve serves the new page:", flush=True)
    with real_docs() as (where, docs):
        lesson = sorted((docs / "math").glob("[!i]*.md"))[0]
        page = f"math/{lesson.stem}/"
        full = write_config(where, docs, hooks=True, mermaid2=True, nav=True)
        plain = write_config(where, docs, hooks=False, mermaid2=False, nav=False)
        times: dict[str, float] = {}
        for name, config, flags in [("full", full, []), ("plain", plain, []), ("dirty", full, ["--dirty"])]:
            with serving(config, flags) as url:
                time.sleep(1.0)
                times[name] = statistics.median(edit_seconds(url, lesson, page, n) for n in range(runs))
        results.add(Row("live edit: saved lesson to served page", times["full"], times["plain"]))
        results.add(Row("live edit with mkdocs serve --dirty, vs a full rebuild", times["dirty"], times["full"]))


# --- pages in the browser -----------------------------------------------------------------

CHROMIUM = "/usr/bin/chromium"  # Debian's; Playwright's own browser download does not work here
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
DRAWN = "() => [...document.querySelectorAll('div.mermaid')].every(d => d.querySelector('svg'))"
TYPESET = "() => [...document.querySelectorAll('.arithmatex')].every(m => m.querySelector('.katex'))"


def strip_diagrams(site: Path) -> None:
    """The same pages with their diagrams (and the Mermaid loader mermaid2 adds) removed."""
    for page in site.rglob("*.html"):
        text = page.read_text()
        text = re.sub(r'<div class="mermaid">.*?</div>', "", text, flags=re.DOTALL)
        text = re.sub(r"<script[^>]*/vendor/mermaid/[^>]*></script>", "", text)
        text = re.sub(r"<script>mermaid\.initialize\(.*?</script>", "", text, flags=re.DOTALL)
        page.write_text(text)


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def static_server(site: Path) -> Iterator[str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), partial(Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()


def page_load(browser, url: str) -> dict[str, float]:  # type: ignore[no-untyped-def]
    """Bytes (gzip-compressed, as a static host sends them) and times, with an empty cache."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    session = context.new_cdp_session(page)
    session.send("Network.enable")
    session.send("Network.setCacheDisabled", {"cacheDisabled": True})
    sizes: list[int] = []

    def on_response(response) -> None:  # type: ignore[no-untyped-def]
        if 200 <= response.status < 300:  # redirects have no body
            sizes.append(len(gzip.compress(response.body(), 9)))

    page.on("response", on_response)
    page.goto(url, wait_until="load")
    page.wait_for_function(DRAWN, timeout=60_000)
    # A page whose only graph is drawn at build time (a lesson's neighbourhood SVG) has it
    # with the HTML: its graph time is its load time.
    drawn_by_script = page.locator("div.mermaid").count() > 0
    graphs = page.evaluate("performance.now()") if drawn_by_script else 0.0
    page.wait_for_function(TYPESET, timeout=60_000)
    math = page.evaluate("performance.now()")
    load = page.evaluate("performance.getEntriesByType('navigation')[0].loadEventEnd")
    page.wait_for_timeout(300)  # let late responses (fonts) land
    context.close()
    return {"kb": sum(sizes) / 1024, "graphs": max(graphs, load), "math": max(math, load), "load": load}


def measure_browser(results: Results, runs: int) -> None:
    from playwright.sync_api import sync_playwright

    print("Pages in Chromium, empty cache (bytes gzip-compressed):", flush=True)
    with real_docs() as (where, docs):
        config = write_config(where, docs, hooks=True, mermaid2=True, nav=True)
        site = where / "site"
        build_seconds(config, site)
        bare = where / "bare"
        shutil.copytree(site, bare)
        strip_diagrams(bare)
        pages_to_load = {"home": "", "tier page": "math/", "lesson page": "math/vectors/"}
        with (
            static_server(site) as url,
            static_server(bare) as bare_url,
            sync_playwright() as playwright,
        ):
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            for name, path in pages_to_load.items():
                full = [page_load(browser, url + path) for _ in range(runs)]
                plain = [page_load(browser, bare_url + path) for _ in range(runs)]

                lesson = name == "lesson page"
                results.add(
                    Row(
                        f"{name}: weight",
                        median_key(full, "kb"),
                        median_key(plain, "kb"),
                        unit="KB",
                        budget=1536 if lesson else None,
                        absolute=True,
                    )
                )
                results.add(
                    Row(
                        f"{name}: graphs drawn vs diagram-free page loaded",
                        median_key(full, "graphs"),
                        median_key(plain, "load"),
                        unit="ms",
                        budget=1.5 if lesson else None,
                    )
                )
                results.add(
                    Row(f"{name}: math typeset", median_key(full, "math"), median_key(plain, "math"), unit="ms")
                )
            browser.close()
