"""HTML pages: home, search, entity, article, type index and timeline; linked data by content negotiation.

Routes stay thin: they validate identifiers, pick a representation and hand over to
kg.web.views (which reads the store with bound variables) and the templates (which
escape everything). Every HTML response gets the security headers of kg.web.security.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from typing import Any, TypeVar
from urllib.parse import urlencode

from flask import Blueprint, Response, current_app, g, jsonify, redirect, render_template, request
from flask.blueprints import BlueprintSetupState
from pyoxigraph import Triple, serialize

from kg.errors import InvalidInput, NotAcceptable, UnknownEntity
from kg.formats import GRAPH_FORMATS, HTML, Format, choose_format
from kg.ontology import PREFIXES, is_entity_key, is_local_id
from kg.search import IndexCache, IndexedEntity, LabelIndex
from kg.stats import graph_stats, recent_articles
from kg.store import Term, rdf_format
from kg.web.context import AppContext, kg_context
from kg.web.security import CSP
from kg.web.views.article import gather_article
from kg.web.views.cache import Rebuilt, VersionCache
from kg.web.views.dated import (
    TimelineFilter,
    by_year_known,
    date_bound,
    entry_claims,
    timeline_entries,
    timeline_places,
)
from kg.web.views.described import describe_entity, describe_fact
from kg.web.views.entity import ARTICLES_SECTION, SECTIONS, event_title, gather, mark_sources
from kg.web.views.facts import Claim, fact_claims
from kg.web.views.geo import check_tiles, lay_out_map, map_places, tile_origin
from kg.web.views.listing import SORTS as LIST_SORTS
from kg.web.views.listing import check_sort, entity_items, role_items, role_rows
from kg.web.views.oneline import Describer, type_name
from kg.web.views.sanctions import SORTS as SANCTION_SORTS
from kg.web.views.sanctions import TARGET_TYPES, authorities, choose, sanction_rows, to_csv
from kg.web.views.tables import GraphTables, build_tables

bp = Blueprint("pages", __name__)
T = TypeVar("T")

ENTITY_TYPES = ("Person", "Organization", "Place", "Event", "GovernmentBody", "Company", "MediaOrganization", "Country")
TYPES = (*ENTITY_TYPES, "Role", "Article")
PAGE_SIZE = 50
FACT_DIGEST = re.compile(r"[0-9a-f]{16}")  # kg.ontology.digest
SECTION_CAP = 10  # claims per section on the entity page before a "more" link
SEARCH_LIMIT = 50
AUTOCOMPLETE_LIMIT = 8
TIMELINE_PLACES = 40  # places offered in the timeline's place filter (any place key works in the URL)


@bp.record_once
def _make_caches(state: BlueprintSetupState) -> None:
    """One label index cache and one page-value cache per app, made when the pages are registered."""
    context: AppContext = state.app.extensions["kg"]
    if context.settings.map_tiles:
        check_tiles(context.settings.map_tiles)
    state.app.extensions["kg_search"] = IndexCache(context.store, context.namer)
    state.app.extensions["kg_pages"] = VersionCache()
    state.app.extensions["kg_tables"] = Rebuilt(lambda: build_tables(context.store), "tables")


def label_index() -> LabelIndex:
    """The app's label index, rebuilt when the store has changed; one index for the whole of a request."""
    if "kg_index" not in g:
        g.kg_index = current_app.extensions["kg_search"].index()
    index: LabelIndex = g.kg_index
    return index


def cached(name: str, compute: Callable[[], T]) -> T:
    """`compute()` once per store version (the label index's), shared by every request of the app."""
    value: T = current_app.extensions["kg_pages"].get(label_index(), name, compute)
    return value


def tables() -> GraphTables:
    """The whole-graph tables (article titles, mentions, fact counts): of the current store version, or of the
    one before while the current one is built in the background (kg.web.views.cache.Rebuilt)."""
    if "kg_tables" not in g:
        g.kg_tables = current_app.extensions["kg_tables"].get(label_index())
    known: GraphTables = g.kg_tables
    return known


def describer() -> Describer:
    """One-line descriptions of entities, kept for the current store version."""
    store = kg_context().store
    return cached("describer", lambda: Describer(store, label_index(), tables()))


@bp.app_context_processor
def _rdf_formats() -> dict[str, Any]:
    """For templates: the RDF formats every entity, article and fact page is offered in."""
    return {"rdf_formats": GRAPH_FORMATS}


@bp.app_template_global("claim_title")
def claim_title(claim: Claim) -> str:
    """For templates: an event's label as a heading ("Talks in Nairobi"), or a role's title as written."""
    return event_title(claim, label_index()) if claim.kind == "Event" else claim.title


@bp.app_template_global("article_title")
def article_title(iri: str) -> str:
    """For templates: an article's headline, else its first sentence, else its id."""
    return tables().article(iri).title


bp.app_template_global("type_name")(type_name)


@bp.app_template_global("entity_link")
def entity_link(iri: str) -> dict[str, str] | None:
    """For templates: {"href", "label", "type"} of an entity IRI of this graph, or None."""
    key = kg_context().namer.key_of(iri) if iri else None
    if key is None:
        return None
    known = label_index().get(iri)
    return {"href": f"/entity/{key}", "label": known.label if known else key, "type": known.general if known else ""}


def _page() -> int:
    raw = request.args.get("page", "1")
    if not raw.isdigit() or not 1 <= int(raw) <= 1_000_000:
        raise InvalidInput(f"page={raw[:20]!r} is not a page number; expected a whole number from 1.")
    return int(raw)


def _paginate(items: list[Any], page: int, size: int = PAGE_SIZE) -> tuple[list[Any], int]:
    pages = max(1, math.ceil(len(items) / size))
    if page > pages:
        raise UnknownEntity(f"Page {page} does not exist; there are {pages}.")
    return items[(page - 1) * size : page * size], pages


def _rdf_requested() -> Format | None:
    """The RDF format asked for by ?format= or Accept, or None for the HTML page.

    A browser's Accept header names text/html first; one that accepts none of our formats gets the page too.
    """
    try:
        fmt = choose_format((HTML, *GRAPH_FORMATS), request.args.getlist("format"), request.headers.get("Accept"))
    except NotAcceptable:
        if request.args.get("format"):
            raise
        return None
    return None if fmt is HTML else fmt


def _rdf_response(triples: list[Triple], fmt: Format) -> Response:
    body = serialize(triples, format=rdf_format(fmt.name), prefixes=PREFIXES)
    response = Response(body, mimetype=fmt.media_type)
    response.vary.add("Accept")
    return response


def _html(body: str, alternates: str | None = None) -> Response:
    """An HTML page; with `alternates` (the page's path), a Link header to each of its RDF forms."""
    response = Response(body, mimetype="text/html")
    if alternates:
        response.vary.add("Accept")
        response.headers["Link"] = ", ".join(
            f'<{alternates}?format={f.name}>; rel="alternate"; type="{f.media_type}"' for f in GRAPH_FORMATS)
    return response


@bp.route("/")
def home() -> Response:
    """What the graph holds, a search box and the newest articles."""
    store = kg_context().store
    stats, articles = cached("home", lambda: (graph_stats(store, quads=False), recent_articles(store, 10)))
    known = tables()
    for item in articles:
        item["doc_id"] = item["a"].rsplit("/", 1)[-1]
        item["title"] = item.get("headline") or known.article(item["a"]).title
    return _html(render_template("index.html", stats=stats, articles=articles))


@bp.route("/search")
def search() -> Response:
    """Entities whose label or alias matches ?q=, optionally of one ?type=."""
    query = request.args.get("q", "").strip()[:200]
    type_ = request.args.get("type") or None
    if type_ is not None and type_ not in ENTITY_TYPES:
        raise InvalidInput(f"Unknown type {type_[:40]!r}. Available: {', '.join(ENTITY_TYPES)}.")
    hits = label_index().search(query, type_, SEARCH_LIMIT) if query else []
    lines = describer()
    described = [(hit, lines.line(hit.entity)) for hit in hits]
    return _html(render_template("search.html", query=query, type_=type_, hits=described, types=ENTITY_TYPES))


@bp.route("/search.json")
def search_json() -> Response:
    """Autocomplete: the best few matches for ?q= as JSON."""
    query = request.args.get("q", "").strip()[:200]
    type_ = request.args.get("type") or None
    hits = label_index().search(query, type_, AUTOCOMPLETE_LIMIT) if query else []
    results = [{"key": h.entity.key, "label": h.entity.label, "type": h.entity.kind, "matched": h.name,
                "match": h.match, "url": f"/entity/{h.entity.key}"} for h in hits]
    return jsonify(query=query, results=results)


def _entity(key: str) -> tuple[IndexedEntity, Term]:
    if not is_entity_key(key):
        raise UnknownEntity(f"No entity {key[:80]!r}: keys look like person/anna-keller (a kind, '/', a slug).")
    node = kg_context().namer.entity(key)
    entity = label_index().get(node.value)
    if entity is None:
        raise UnknownEntity(f"No entity {key!r} in the graph.")
    return entity, node


@bp.route("/entity/<path:key>")
def entity(key: str) -> Response:
    """An entity page; Turtle, N-Triples or JSON-LD by Accept header or ?format=."""
    context = kg_context()
    if is_entity_key(key) and (fmt := _rdf_requested()):
        return _rdf_response(describe_entity(context.store, context.namer.entity(key), context.namer), fmt)
    found, node = _entity(key)
    view = gather(context.store, context.namer, label_index(), tables(), describer(), found, node)
    section = request.args.get("section")
    page, pages = 1, 1
    if section is not None:
        if section not in SECTIONS:
            raise UnknownEntity(f"No section {section[:40]!r}. Available: {', '.join(SECTIONS)}.")
        page = _page()
        view.sections = [s for s in view.sections if s.id == section]
        if section == ARTICLES_SECTION:
            view.articles, pages = _paginate(view.articles, page)
        elif view.sections:
            view.sections[0].claims, pages = _paginate(view.sections[0].claims, page)
    body = render_template("entity.html", view=view, e=found, section=section, page=page, pages=pages,
                           cap=SECTION_CAP)
    return _html(body, alternates=f"/entity/{found.key}")


@bp.route("/article/<doc_id>")
def article(doc_id: str) -> Response:
    """An article page: metadata, text with mentions linked, and the facts drawn from it."""
    if not is_local_id(doc_id):
        raise UnknownEntity(f"No article {doc_id[:80]!r}: article ids are letters, digits, '.', '_' and '-'.")
    context = kg_context()
    node = context.namer.article(doc_id)
    fmt = _rdf_requested()
    if fmt:
        return _rdf_response(list(dict.fromkeys(q.triple for q in context.store.describe(node))), fmt)
    view = gather_article(context.store, context.namer, label_index(), doc_id, node)
    if view is None:
        raise UnknownEntity(f"No article {doc_id!r} in the graph.")
    return _html(render_template("article.html", view=view), alternates=f"/article/{doc_id}")


@bp.route("/fact/<doc_id>/<digest>")
def fact(doc_id: str, digest: str) -> Response:
    """A role, event or sanction as one article states it: a page, or RDF by Accept header or ?format=."""
    if not (is_local_id(doc_id) and FACT_DIGEST.fullmatch(digest)):
        raise UnknownEntity(f"No fact {doc_id[:80]!r}/{digest[:40]!r}: fact IRIs end in /fact/<article id>/"
                            "<16 hexadecimal digits>.")
    context = kg_context()
    node, article = context.namer.fact(doc_id, digest), context.namer.article(doc_id)
    fmt = _rdf_requested()
    if fmt:
        return _rdf_response(describe_fact(context.store, node, article, context.namer), fmt)
    claims = fact_claims(context.store, node, article)
    if not claims:
        raise UnknownEntity(f"No fact {node.value} in the graph.")
    mark_sources(context.store, context.namer, claims, None)
    path = f"/fact/{doc_id}/{digest}"
    body = render_template("fact.html", claim=claims[0], iri=node.value, path=path)
    return _html(body, alternates=path)


@bp.route("/type/<name>")
def type_index(name: str) -> Response:
    """Entities of one type (or articles, or roles) a page at a time, in the ?sort= order; /type/Sanction is the
    sanctions list."""
    if name == "Sanction":
        return redirect("/sanctions", code=302)
    if name not in TYPES:
        raise UnknownEntity(f"No type {name[:40]!r}. Available: {', '.join((*TYPES, 'Sanction'))}.")
    page = _page()
    sort = "date" if name == "Article" else check_sort(request.args.get("sort") or "name")
    reports = 0
    if name == "Article":
        everything = cached("type Article", lambda: tables().newest_first())
        total = len(everything)
        chosen, pages = _paginate(everything, page)
        items = [{"href": f"/article/{a.doc_id}", "label": a.title,
                  "detail": " · ".join(v for v in (a.published, a.publisher) if v)} for a in chosen]
    else:
        if name == "Role":
            store = kg_context().store
            everything = cached(f"type Role {sort}", lambda: role_items(role_rows(store), label_index(),
                                                                          kg_context().namer, sort))
        else:
            names = {kind: type_name(kind) for kind in ENTITY_TYPES}
            everything = cached(f"type {name} {sort}",
                                lambda: entity_items(label_index().of_type(name), tables(), name, names, sort))
        total = len(everything)
        if name == "Role":
            reports = sum(i.articles for i in everything)
        chosen, pages = _paginate(everything, page)
        items = [{"href": i.href, "label": i.label, "detail": i.detail} for i in chosen]
    query = "" if sort in ("name", "date") else f"sort={sort}"
    return _html(render_template("type.html", name=name, items=items, page=page, pages=pages, total=total,
                                 types=(*TYPES, "Sanction"), sorts=_list_sorts(name), sort=sort, query=query,
                                 reports=reports))


def _list_sorts(name: str) -> dict[str, str]:
    """The orders a type list offers: none for articles (newest first), no fact count for roles."""
    if name == "Article":
        return {}
    return {k: v for k, v in LIST_SORTS.items() if not (name == "Role" and k == "facts")}


@bp.route("/timeline")
def timeline() -> Response:
    """Dated events and sanctions, oldest first, a page at a time; filtered by ?type=event|sanction, ?place= and
    ?entity= (entity keys), ?from= and ?to= (YYYY, YYYY-MM or YYYY-MM-DD). Month-days with no year to borrow
    from their article are listed apart, after the dated ones."""
    store = kg_context().store
    entries = every = cached("timeline", lambda: timeline_entries(store))
    place, place_key = _entity_filter("place")
    entity, entity_key = _entity_filter("entity")
    type_ = request.args.get("type", "")
    start, end = request.args.get("from", "").strip(), request.args.get("to", "").strip()
    chosen = TimelineFilter(TimelineFilter.of_type(type_), place, entity, date_bound("from", start, end=False),
                            date_bound("to", end, end=True))
    filters = {k: v for k, v in (("type", type_), ("place", place_key), ("entity", entity_key), ("from", start),
                                 ("to", end)) if v}
    if filters:
        entries = [e for e in entries if chosen.matches(e)]
        dated, apart = by_year_known(entries)
    else:
        dated, apart = cached("timeline-split", lambda: by_year_known(every))
    page = _page()
    shown, pages = _paginate(dated, page)
    known = tables().article_terms
    claims = entry_claims(store, shown, known)
    apart_claims = entry_claims(store, apart, known) if page == pages else []
    index = label_index()
    offered = cached("timeline-places", lambda: timeline_places(every, index, kg_context().namer, TIMELINE_PLACES))
    if place_key and place_key not in {key for key, _, _ in offered} and (chosen_place := index.get(place or "")):
        offered = [(place_key, chosen_place.label, len(entries)), *offered]
    body = render_template("timeline.html", claims=claims, apart=apart_claims, page=page, pages=pages,
                           total=len(entries), filters=filters, query=urlencode(filters), type_=type_,
                           place=index.get(place) if place else None, place_key=place_key,
                           entity=index.get(entity) if entity else None, entity_key=entity_key,
                           places=offered,
                           start=start, end=end)
    return _html(body)


def _entity_filter(name: str) -> tuple[str | None, str]:
    """The IRI of the entity key given as ?<name>= (None when absent) and the key as given."""
    key = request.args.get(name, "").strip()
    if not key:
        return None, ""
    if not is_entity_key(key):
        raise InvalidInput(f"{name}={key[:80]!r} is not an entity key; keys look like person/anna-keller.")
    return kg_context().namer.entity(key).value, key


@bp.route("/sanctions")
@bp.route("/sanctions.csv")
def sanctions() -> Response:
    """Every sanction: authority, target and its type, date, program, reason, articles; by ?authority=<entity key>
    and ?target_type=person|company|other, ?sort=, a page at a time, or all of them as CSV (/sanctions.csv)."""
    store = kg_context().store
    rows = cached("sanctions", lambda: sanction_rows(store, label_index(), tables()))
    authority, authority_key = _entity_filter("authority")
    target_kind = request.args.get("target_type") or None
    sort = request.args.get("sort") or "date"
    chosen = choose(rows, authority, target_kind, sort)
    filters = {k: v for k, v in (("authority", authority_key), ("target_type", target_kind or ""),
                                 ("sort", "" if sort == "date" else sort)) if v}
    if request.path.endswith(".csv"):
        response = Response(to_csv(chosen), mimetype="text/csv")
        response.headers["Content-Disposition"] = 'attachment; filename="sanctions.csv"'
        return response
    page = _page()
    shown, pages = _paginate(chosen, page)
    known = label_index().get(authority) if authority else None
    body = render_template("sanctions.html", rows=shown, total=len(chosen), all_rows=len(rows), page=page,
                           reports=sum(len(r.articles) for r in rows),
                           pages=pages, filters=filters, authority=known, authority_key=authority_key,
                           authorities=authorities(rows), target_types=TARGET_TYPES, target_type=target_kind,
                           sorts=SANCTION_SORTS, sort=sort, query=urlencode(filters), namer=kg_context().namer)
    return _html(body)


@bp.route("/map")
def map_page() -> Response:
    """Places with coordinates and the events at them, drawn offline (or over KG_MAP_TILES), with a list beside."""
    context = kg_context()
    places = cached("map", lambda: map_places(context.store, label_index(), tables(), context.namer))
    tiles = context.settings.map_tiles
    view = lay_out_map(places, tiles) if places else None
    response = _html(render_template("map.html", view=view, places=places, tiles=bool(tiles)))
    if tiles:
        # the tiles are the only images this page loads from elsewhere
        response.headers["Content-Security-Policy"] = CSP.replace("img-src 'self'",
                                                                  f"img-src 'self' {tile_origin(tiles)}")
    return response
