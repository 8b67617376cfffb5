"""Weighted choices for the demo generator."""

from __future__ import annotations

import random
from collections.abc import Sequence
from itertools import accumulate

Weighted = Sequence[tuple[str, float]]


class Choice:
    """A weighted choice, with the cumulative weights worked out once (random.choices bisects them)."""

    def __init__(self, table: Weighted) -> None:
        self.items = [name for name, _ in table]
        self.cum = list(accumulate(weight for _, weight in table))

    def pick(self, rng: random.Random) -> str:
        return rng.choices(self.items, cum_weights=self.cum)[0]
