"""demo's figures for `make bench`, after the page table that the command measures itself:
planning the reminders of 100,000 open tasks (`reminders`), printing the schedule of 1,000
tasks and the demo plan as PDF (`documents`), exporting a schedule of 10,000 tasks to Excel
(`exports`) and creating the next congress from one of 1,000 tasks (`clone`). The dossier
list (`dossiers`) is part of the page table."""

from . import clone, documents, exports, reminders


def run(*, stdout, repeat):
    results = {}
    for section in (reminders, documents, exports, clone):
        results.update(section.run(stdout=stdout, repeat=repeat))
    return results
