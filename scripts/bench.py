"""Benchmark the site against baselines measured in the same run, and check the budgets.

    python scripts/bench.py            # everything (about 10 minutes on 2 cores)
    python scripts/bench.py --quick    # a tiny version of every measurement, for the tests
    python scripts/bench.py --only layer,builds

Prints a table (measurement, its baseline, their ratio, the budget) and a one-line
summary of the ratios. Exits 0 even when a budget is missed: it measures, it does not test.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from roadmap import benchmark

PARTS = ("layer", "builds", "synthetic", "figures", "serve", "browser")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Benchmark the site against same-run baselines.")
    parser.add_argument("--quick", action="store_true", help="tiny sizes and one run each")
    parser.add_argument("--only", default=",".join(PARTS), help=f"comma-separated parts: {', '.join(PARTS)}")
    args = parser.parse_args(argv)
    parts = [p for p in args.only.split(",") if p]
    unknown = sorted(set(parts) - set(PARTS))
    if unknown:
        parser.error(f"unknown part(s): {', '.join(unknown)}")
    runs = 1 if args.quick else 5
    results = benchmark.Results()
    if "layer" in parts:
        benchmark.measure_layer(results, [20, 60] if args.quick else [100, 1000, 5000], 1 if args.quick else 5)
    if "builds" in parts:
        benchmark.measure_builds(results, runs)
    if "synthetic" in parts:
        benchmark.measure_synthetic_builds(results, [20] if args.quick else [100, 1000], 1 if args.quick else 3)
    if "figures" in parts:
        benchmark.measure_figures(results, 1 if args.quick else 3)
    if "serve" in parts:
        benchmark.measure_serve(results, 1 if args.quick else 5)
    if "browser" in parts:
        benchmark.measure_browser(results, 1 if args.quick else 3)
    print()
    print(f"{'measurement':<52} {'value':>12} {'baseline':>12} {'ratio':>7} {'budget':>10} {'':>7}")
    for row in results.rows:
        print(benchmark.format_row(row))
    ratios = ", ".join(f"{row.name} {row.ratio:.2f}x" for row in results.rows if row.ratio is not None)
    missed = [row.name for row in results.rows if row.met is False]
    print()
    print(f"summary: {ratios}")
    print(
        f"budgets: {sum(row.met is True for row in results.rows)} met, {len(missed)} not met"
        + (f" ({'; '.join(missed)})" if missed else "")
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
