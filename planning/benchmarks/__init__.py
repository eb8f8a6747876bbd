"""planning's figures for `make bench`: each section is a module here with its own run()."""

from importlib import import_module
from importlib.util import find_spec

SECTIONS = ("planning.benchmarks.reminders", "planning.benchmarks.documents", "planning.benchmarks.exports")


def run(*, stdout, repeat):
    results = {}
    for name in SECTIONS:
        if find_spec(name) is not None:
            results.update(import_module(name).run(stdout=stdout, repeat=repeat))
    return results
