"""demo's figures for `make bench`, after the page table that the command measures itself:
planning the reminders of 100,000 open tasks (`reminders`), printing the schedule of 1,000
tasks and the demo plan as PDF (`documents`), exporting a schedule of 10,000 tasks to Excel
(`exports`), creating the next congress from one of 1,000 tasks (`clone`), checking in and
printing badges for 2,000 delegates (`delegates`) and ranking a cluster of 60 members
(`clusters`). The dossier list (`dossiers`) is part of the page table."""

from . import clone, clusters, delegates, documents, exports, reminders

# Each section on its own, for `bench --only <section>` (e.g. `--only clusters`).
SECTIONS = {
    "reminders": reminders,
    "documents": documents,
    "exports": exports,
    "clone": clone,
    "delegates": delegates,
    "clusters": clusters,
}


def run(*, stdout, repeat, sections=None):
    results = {}
    for name, section in SECTIONS.items():
        if sections is None or name in sections:
            results.update(section.run(stdout=stdout, repeat=repeat))
    return results
