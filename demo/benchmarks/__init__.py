"""demo's figures for `make bench`, after the page table that the command measures itself:
printing the schedule of 1,000 tasks and the demo plan as PDF (`documents`). The dossier list
(`dossiers`) is part of the page table."""

from . import documents


def run(*, stdout, repeat):
    return documents.run(stdout=stdout, repeat=repeat)
