"""Medians of warm runs, and one result row: ours, the floor, their ratio against the target."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from typing import Any


def median_ms(work: Callable[[], Any], runs: int, warmup: int = 1) -> float:
    for _ in range(warmup):
        work()
    times = []
    for _ in range(max(runs, 1)):
        started = time.perf_counter()
        work()
        times.append((time.perf_counter() - started) * 1000)
    return round(statistics.median(times), 3)


def row(ours: float, floor: float, target: float, **extra: Any) -> dict[str, Any]:
    ratio = round(ours / floor, 2) if floor > 0 else float("inf")
    return {"ours": ours, "floor": floor, "ratio": ratio, "target": target, "pass": ratio <= target, **extra}
