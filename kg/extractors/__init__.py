"""Extractors: a parsed article -> entities and role, event and sanction facts.

    extract(document, nlp)            run the pipeline (kg.extractors.pipeline.build_nlp) on one article
    extract_parsed(document, parsed)  the extractors alone, on a Doc already parsed

The extractors run as the pipeline's last pipe, kg_facts (kg/extractors/component.py).
"""

from __future__ import annotations

from kg.extractors.article import extract_parsed
from kg.extractors.component import extract

__all__ = ["extract", "extract_parsed"]
