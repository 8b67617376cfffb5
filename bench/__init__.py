"""The benchmark suite of issue 5: our code against the bare floor, on a 1M and a 10k visit database.

Run: python -m bench --db-1m /tmp/bench-1m.sqlite --db-10k /tmp/bench-10k.sqlite --out bench/results.json
"""
