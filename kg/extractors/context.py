"""Who an article speaks for and where it is written from: its publisher's body and its dateline.

A government's own release (its URL host is listed in kg/data/publishers.tsv) speaks as that
body: "the Department", "we" and an unqualified "Spokesperson" refer to it. A dateline
("WARSAW —") names the city, hence the country, the article is written from. Role titles of a
national government without a stated country ("Foreign Minister X") are read as that country's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlparse

from kg.extractors.entities import EntityTable
from kg.model import COUNTRY, GOVERNMENT_BODY, PLACE, Document

# "WARSAW —", "LONDON, July 8 —", "NAIROBI (Reuters) -": an upper-case place, then a dash, starting a line.
DATELINE = re.compile(r"^\s*([A-Z][A-Z.'\- ]{2,30}?)(?:,[^\n—–-]{0,30})?(?:\s*\([^)\n]{0,30}\))?\s*[—–-]{1,2}\s",
                      re.MULTILINE)
DATELINE_WITHIN = 300  # characters from the start of the text: a byline or a kicker may come before the dateline


@dataclass(frozen=True)
class HomeContext:
    """The publishing body and home country of one article, as entity keys (None: unknown)."""

    body: str | None = None
    country: str | None = None
    release: bool = False  # a government's own release (its publisher is listed), whether or not it names a body
    dateline: str | None = None  # the place its dateline names ("BANNU, Pakistan (AP) —": Bannu)


def read_home(document: Document, table: EntityTable) -> HomeContext:
    """The publisher body (from the URL host) and home country (publisher, else dateline)."""
    body = country = None
    release = False
    host = urlparse(document.url or "").hostname or ""
    for domain, name, kind, country_name in table.lexicon.publishers:
        if host == domain or host.endswith("." + domain):
            body = table.ensure(name, kind) if name else None
            country = table.ensure(country_name, COUNTRY) if country_name else None
            release = kind == GOVERNMENT_BODY
            break
    dateline = DATELINE.search(document.text[:DATELINE_WITHIN])
    if country is None and dateline:
        country = _dateline_country(dateline, table)
    return HomeContext(body, country, release, _dateline_place(dateline, table) if dateline else None)


def _dateline_country(dateline: re.Match[str], table: EntityTable) -> str | None:
    place = dateline.group(1).strip().title()
    name = table.lexicon.city_country(place) or table.lexicon.country(place)
    return table.ensure(name, COUNTRY) if name else None


def _dateline_place(dateline: re.Match[str], table: EntityTable) -> str | None:
    """The town or country a dateline names: the entity its first word belongs to, else a town of that name
    ("KISUMU, Kenya (AP) —": Kisumu, which the model may not tag in capitals)."""
    first = next((t for t in table.tokens if t.idx >= dateline.start(1)), None)
    key = table.key_at(first) if first is not None and first.idx < dateline.end(1) else None
    if key is None:
        return table.ensure(dateline.group(1).strip().title(), PLACE)
    return key if table.kind(key) in (PLACE, COUNTRY) else None
