"""The score summary table as a PDF file, for a dossier's documents."""

from documents.layer import get_kind, letter_for, record_for, render_pdf


def summary_pdf(cluster_year):
    kind = get_kind("cluster-score-summary")
    data, _pages = render_pdf(letter_for(kind, cluster_year, record_for(kind, cluster_year)))
    return data
