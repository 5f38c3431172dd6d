"""Benchmarks and the gold-evaluation harnesses they share with the tests (``bench.compare_gold``,
``bench.panel_gold``); kept out of the installed package, imported from a checkout's root."""
