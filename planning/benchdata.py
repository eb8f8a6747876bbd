"""Only for planning/benchmarks/reminders.py (`from ..benchdata import rolled_back`), which the
reminders app takes over; the benchmark data and helpers live in demo.benchdata. Delete this
module once that benchmark has moved."""

from demo.benchdata import rolled_back  # noqa: F401
