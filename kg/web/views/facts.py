"""Facts about an entity or in an article, read by index lookups (kg.web.views.reads) and merged into claims.

A claim is what several articles may report: roles merge on (person, post, organization),
events and sanctions on kg:claimKey. Each claim keeps every source (article, sentence).
Events whose sources disagree on kg:status are kept as one claim marked `contested`,
each status listed with the articles that state it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from markupsafe import Markup

from kg.store import GraphReader, Term
from kg.timeline import When, format_when, parse_date, sort_key, year_of
from kg.web.views.reads import FactReader, Row

SHOUTED = re.compile(r"\b[A-Z][A-Z'-]{3,}\b")  # a dateline's capitals: "talks in NAIROBI"
DATE_PREPOSITION = re.compile(r"\s+(?:on|in|at|of|from)$", re.IGNORECASE)

REQUIRED = {
    "Role": ("claim", "sentence", "person", "title"),
    "Event": ("claim", "sentence", "label"),
    "Sanction": ("claim", "sentence", "authority", "target"),
}


class Dated:
    """A report, claim or row with a typed date (`date`, `datatype`) and that date as written (`date_text`)."""

    date: str
    datatype: str
    date_text: str

    @property
    def when(self) -> When | None:
        """The parsed date, or None when there is no resolved date."""
        return parse_date(self.date, self.datatype) if self.date else None

    @property
    def date_label(self) -> str:
        """The date at its precision ("Aug 2025"), else the phrase as written."""
        when = self.when
        return format_when(when) if when else self.date_text


@dataclass
class Source(Dated):
    """One article's report of a claim: where, and the sentence that says it."""

    article: str  # IRI
    doc_id: str
    headline: str
    publisher: str
    published: str
    sentence: str
    start: int
    end: int
    fact: str  # IRI of this article's fact node
    status: str = ""
    boilerplate: bool = False
    told: str = ""  # what this article calls the fact: the event's label or the title, as written
    date_text: str = ""  # the date as this article writes it
    date: str = ""  # the date this article's report resolves to (typed literal's value)
    datatype: str = ""
    marker: Callable[[Source], Markup] | None = field(default=None, repr=False, compare=False)
    _highlighted: Markup | None = field(default=None, repr=False, compare=False)

    @property
    def highlighted(self) -> Markup:
        """The sentence as escaped HTML with its entities marked, worked out when first shown."""
        if self._highlighted is None:
            self._highlighted = self.marker(self) if self.marker is not None else Markup("")
        return self._highlighted


@dataclass
class Claim(Dated):
    """A fact as reported by one or more articles."""

    kind: str  # Role, Event or Sanction
    key: tuple[str, ...]
    via: str  # how the page's entity takes part: member, organization, participant, location, ...
    title: str = ""  # role title or event label
    qualifiers: set[str] = field(default_factory=set)
    person: str = ""
    org: str = ""
    event_type: str = ""
    place: str = ""
    participants: set[str] = field(default_factory=set)
    authority: str = ""
    target: str = ""
    issuer: str = ""  # the government body that acted for the authority
    program: str = ""
    date: str = ""
    datatype: str = ""
    date_text: str = ""
    sources: list[Source] = field(default_factory=list)

    @property
    def entities(self) -> set[str]:
        """The entities the claim links ("" where a slot is empty)."""
        return {self.person, self.org, self.place, self.authority, self.target, self.issuer, *self.participants}

    @property
    def articles(self) -> list[str]:
        """Distinct reporting articles, in the order met."""
        return list(dict.fromkeys(s.article for s in self.sources))

    @property
    def statuses(self) -> dict[str, list[Source]]:
        """Sources by the event status they state ("" when none)."""
        by_status: dict[str, list[Source]] = {}
        for source in self.sources:
            by_status.setdefault(source.status, []).append(source)
        return by_status

    @property
    def contested(self) -> bool:
        """Whether articles state different statuses for the same event."""
        return len([s for s in self.statuses if s]) > 1

    @property
    def dates_disagree(self) -> bool:
        """Whether the reporting articles resolve the date to different days (or months, or years)."""
        return len({s.date for s in self.sources if s.date}) > 1

    @property
    def node(self) -> str:
        """The first fact node (for events: an entity IRI to link to)."""
        return self.sources[0].fact if self.sources else ""

    def timeline_key(self) -> tuple[int, int, int]:
        """Order on a timeline, borrowing the publication year for a month-day."""
        when = self.when
        assert when is not None
        published = next((s.published for s in self.sources if s.published), None)
        return sort_key(when, year_of(published))


def readable_title(title: str, date_text: str, place_label: str) -> str:
    """An event's label as a heading: the date phrase left to the date column ("phone call on Tuesday" ->
    "Phone call"), a place in dateline capitals spelled as the place is ("talks in NAIROBI" -> "Talks in
    Nairobi"), and a capital first letter."""
    text = title
    if date_text and date_text.casefold() in text.casefold() and len(date_text) < len(text):
        at = text.casefold().index(date_text.casefold())
        text = DATE_PREPOSITION.sub("", text[:at].rstrip()) + text[at + len(date_text):]
        text = " ".join(text.split()) or title
    spelled = {word.casefold(): word for word in place_label.split()}
    text = SHOUTED.sub(lambda m: spelled.get(m.group(0).casefold(), m.group(0)), text)
    return text[:1].upper() + text[1:]


def _text(row: dict[str, Any], name: str) -> str:
    term = row.get(name)
    return term.value if term is not None else ""


def _local(iri: str) -> str:
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def _source(row: dict[str, Any]) -> Source:
    article = _text(row, "article")
    return Source(
        article=article, doc_id=_local(article), headline=_text(row, "headline"), publisher=_text(row, "publisher"),
        published=_text(row, "published"), sentence=_text(row, "sentence"), start=int(_text(row, "start") or 0),
        end=int(_text(row, "end") or 0), fact=_text(row, "fact"), status=_local(_text(row, "status")),
        boilerplate=_text(row, "boiler") == "true", told=_text(row, "label") or _text(row, "title"),
        date_text=_text(row, "dateText"), date=_text(row, "date"),
        datatype=row["date"].datatype.value if "date" in row else "",
    )


def _merge(rows: Iterable[dict[str, Any]], kind: str, keyer: Callable[[dict[str, Any]], tuple[str, ...]],
           fill: Callable[[Claim, dict[str, Any]], None], via: str | None = None) -> list[Claim]:
    claims: dict[tuple[str, ...], Claim] = {}
    seen: set[tuple[str, str]] = set()
    for row in rows:
        link = via if via is not None else _text(row, "via")
        key = (link, *keyer(row))
        claim = claims.get(key)
        if claim is None:
            claim = claims[key] = Claim(kind=kind, key=key, via=link)
        fill(claim, row)
        # one source per sentence: two rules reading one sentence leave two evidence nodes of it
        evidence = (_text(row, "fact"), _text(row, "article"), _text(row, "start"), _text(row, "end"))
        if evidence not in seen:
            seen.add(evidence)
            claim.sources.append(_source(row))
    return list(claims.values())


def _fill_role(claim: Claim, row: dict[str, Any]) -> None:
    claim.title = claim.title or _text(row, "title")
    claim.person, claim.org = _text(row, "person"), _text(row, "org")
    if "qualifier" in row:
        claim.qualifiers.add(_text(row, "qualifier"))


def _fill_event(claim: Claim, row: dict[str, Any]) -> None:
    claim.title = claim.title or _text(row, "label")
    claim.event_type = claim.event_type or _text(row, "etype")
    claim.place = claim.place or _text(row, "place")
    _fill_date(claim, row)
    if "participant" in row:
        claim.participants.add(_text(row, "participant"))


def _fill_sanction(claim: Claim, row: dict[str, Any]) -> None:
    claim.authority, claim.target = _text(row, "authority"), _text(row, "target")
    claim.issuer = claim.issuer or _text(row, "issuer")
    claim.program = claim.program or _text(row, "program")
    _fill_date(claim, row)


def _fill_date(claim: Claim, row: dict[str, Any]) -> None:
    if not claim.date and "date" in row:
        claim.date, claim.datatype = row["date"].value, row["date"].datatype.value
    claim.date_text = claim.date_text or _text(row, "dateText")


def _role_key(row: dict[str, Any]) -> tuple[str, ...]:
    # the post, not the title as written: "spokesman" and "spokesperson" of the Kremlin are one claim
    return _text(row, "person"), _text(row, "post") or _text(row, "title").casefold(), _text(row, "org")


def _claim_key(row: dict[str, Any]) -> tuple[str, ...]:
    return (_text(row, "claim"),)


def _complete(rows: list[Row], kind: str) -> list[Row]:
    """The rows of `kind` that have every part a claim of that kind needs."""
    wanted = f"#{kind}"
    return [r for r in rows if "class" in r and r["class"].value.endswith(wanted)
            and all(name in r for name in REQUIRED[kind])]


def _claims(read: Callable[[str], list[Row]], via: str | None = None) -> list[Claim]:
    return [*_merge(_complete(read("Role"), "Role"), "Role", _role_key, _fill_role, via),
            *_merge(_complete(read("Event"), "Event"), "Event", _claim_key, _fill_event, via),
            *_merge(_complete(read("Sanction"), "Sanction"), "Sanction", _claim_key, _fill_sanction, via)]


def _by_kind(rows: list[Row]) -> Callable[[str], list[Row]]:
    return lambda kind: [r for r in rows if r["class"].value.endswith(f"#{kind}")]


def entity_claims(store: GraphReader, entity: Term, reader: FactReader | None = None) -> list[Claim]:
    """Every role, event and sanction the entity takes part in, merged across articles."""
    reader = reader or FactReader(store)
    return _claims(lambda kind: reader.entity_rows(entity, kind))  # type: ignore[arg-type]


def event_reports(store: GraphReader, event: Term, reader: FactReader | None = None) -> list[Claim]:
    """The event node's claim as reported by every article that states it (same kg:claimKey)."""
    reader = reader or FactReader(store)
    rows = _complete(reader.claim_rows(event), "Event")  # type: ignore[arg-type]
    return _merge(rows, "Event", _claim_key, _fill_event, via="self")


def article_claims(store: GraphReader, article: Term, reader: FactReader | None = None) -> list[Claim]:
    """Every fact drawn from one article."""
    reader = reader or FactReader(store)
    return _claims(_by_kind(reader.article_rows(article)))  # type: ignore[arg-type]


def claims_of_facts(reader: FactReader, kind: str, facts: Iterable[tuple[Any, Any]]) -> list[Claim]:
    """The claims stated by (fact node, article graph) pairs of one kind, merged on kg:claimKey."""
    rows = [row for fact, graph in facts for row in reader.rows(fact, graph, (kind,))]
    fill = {"Event": _fill_event, "Sanction": _fill_sanction}[kind]
    return _merge(_complete(rows, kind), kind, _claim_key, fill)


def timeline(claims: Iterable[Claim]) -> list[Claim]:
    """The dated claims among `claims`, oldest first."""
    dated = [c for c in claims if c.when is not None]
    return sorted(dated, key=lambda c: (c.timeline_key(), c.kind, c.title))


def article_mentions(store: GraphReader, article: Term, reader: FactReader | None = None) -> list[tuple[int, int, str]]:
    """(start, end, entity IRI) of every entity mention in the article's text."""
    return (reader or FactReader(store)).mentions(article)  # type: ignore[arg-type]


def fact_claims(store: GraphReader, fact: Term, article: Term, reader: FactReader | None = None) -> list[Claim]:
    """The claim one fact node states in its article (empty when the article states no such fact)."""
    reader = reader or FactReader(store)
    return _claims(_by_kind(reader.rows(fact, article)))
