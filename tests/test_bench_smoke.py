"""A smoke run of the benchmark suite on a tiny generated database: every benchmark reports numbers."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from bench.__main__ import BENCHMARKS


def test_the_suite_runs_on_a_tiny_database_and_reports_every_benchmark(tmp_path: Path) -> None:
    small = tmp_path / "small.sqlite"
    out = tmp_path / "results.json"
    # the same tiny database plays both sizes: this checks the suite runs, not the figures
    command = [
        sys.executable,
        "-m",
        "bench",
        "--db-1m",
        str(small),
        "--db-10k",
        str(small),
        "--small-visits",
        "300",
        "--runs",
        "1",
        "--window-runs",
        "1",
        "--out",
        str(out),
    ]
    subprocess.run(command, check=True, timeout=600, capture_output=True)
    report = json.loads(out.read_text(encoding="utf-8"))
    for size in ("1m", "10k"):
        for name in BENCHMARKS:
            result = report[size][name]
            assert isinstance(result["ours"], float | int) and result["ours"] > 0, (size, name)
            assert isinstance(result["floor"], float | int) and result["floor"] > 0, (size, name)
            assert "ratio" in result and "pass" in result
    assert set(report["growth"]) == set(BENCHMARKS)
    # memory is read with the matters list and the board shown, their rows loaded
    assert report["1m"]["memory"]["rows_shown"]["matters"] > 0
    assert report["1m"]["memory"]["rows_shown"]["board"] > 0
