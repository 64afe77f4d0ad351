"""The map: places with coordinates and the events at them, drawn as SVG by the server.

Offline by default: a Web Mercator projection of the box around the places, with a graticule of
meridians and parallels, and nothing fetched from anywhere. When KG_MAP_TILES names a tile URL
template ("https://tile.example/{z}/{x}/{y}.png"), the same projection is laid over those tiles, so
dots and tiles agree; the map page then allows images from that tile server only.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from kg import ontology as o
from kg.errors import InvalidInput
from kg.search import LabelIndex
from kg.store import GraphReader, NamedNode
from kg.web.views.tables import GraphTables

WIDTH = 720  # viewBox width; the height follows the box of the places
MAX_HEIGHT = 520
PAD = 36  # room around the outermost dots for their labels
TILE = 256
MAX_LAT = 85.05112878  # Web Mercator's edge
GRATICULE_STEPS = (1, 2, 5, 10, 15, 30)  # degrees between lines; the first giving at most ~8 lines is used


@dataclass
class MapPlace:
    """A place on the map: where, and what happened there."""

    iri: str
    key: str
    label: str
    lat: float
    lon: float
    articles: int = 0
    events: list[tuple[str, str]] = field(default_factory=list)  # (href, label)
    x: float = 0.0
    y: float = 0.0

    @property
    def radius(self) -> float:
        """4 to 12 units with the number of articles naming it."""
        return round(min(4 + 2 * math.sqrt(self.articles), 12), 1)


@dataclass(frozen=True)
class Line:
    """A meridian or parallel of the graticule, with its label."""

    x1: float
    y1: float
    x2: float
    y2: float
    label: str


@dataclass(frozen=True)
class Tile:
    """A map tile placed in the picture."""

    href: str
    x: float
    y: float
    size: float


@dataclass
class MapView:
    """The laid-out map."""

    width: int
    height: int
    places: list[MapPlace]
    lines: list[Line] = field(default_factory=list)
    tiles: list[Tile] = field(default_factory=list)


def _mercator(lat: float, lon: float) -> tuple[float, float]:
    """World coordinates from 0 to 1 (x east, y south)."""
    lat = max(-MAX_LAT, min(MAX_LAT, lat))
    sin = math.sin(math.radians(lat))
    return (lon + 180) / 360, 0.5 - math.log((1 + sin) / (1 - sin)) / (4 * math.pi)


def _latitude(y: float) -> float:
    return math.degrees(math.atan(math.sinh(math.pi * (1 - 2 * y))))


def map_places(store: GraphReader, index: LabelIndex, tables: GraphTables, namer: o.Namer) -> list[MapPlace]:
    """Every place with coordinates, with the events located there and the articles naming it."""
    places: dict[str, MapPlace] = {}
    for quad in store.quads_of_predicate(o.LATITUDE):
        iri = quad.subject.value
        known, key = index.get(iri), namer.key_of(iri)
        if iri in places or known is None or key is None:
            continue
        longitude = store.quads_about(NamedNode(iri), o.LONGITUDE)
        try:
            lat, lon = float(quad.object.value), float(longitude[0].object.value) if longitude else math.nan
        except ValueError:
            continue
        if math.isfinite(lat) and math.isfinite(lon) and -90 <= lat <= 90 and -180 <= lon <= 180:
            places[iri] = MapPlace(iri, key, known.label, lat, lon, len(tables.mentioned_in.get(iri, ())))
    for quad in store.quads_of_predicate(o.LOCATION):
        place = places.get(quad.object.value)
        event = index.get(quad.subject.value)
        if place is not None and event is not None and event.general == "Event":
            link = (f"/entity/{event.key}", event.label[:1].upper() + event.label[1:])
            if link not in place.events:
                place.events.append(link)
    return sorted(places.values(), key=lambda p: (-p.articles, p.label.casefold()))


def lay_out_map(places: list[MapPlace], tiles: str | None) -> MapView:
    """Project `places` into a picture WIDTH wide around their box; with a tile template, lay tiles under them."""
    points = [_mercator(p.lat, p.lon) for p in places]
    xs, ys = [x for x, _ in points], [y for _, y in points]
    span = max(max(xs) - min(xs), max(ys) - min(ys), 0.02)  # at least ~7 degrees across
    cx, cy = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
    width_world = max(max(xs) - min(xs), span * 0.6) * 1.2
    scale = (WIDTH - 2 * PAD) / width_world  # picture units per world unit
    height_world = max(ys) - min(ys)
    height = int(min(MAX_HEIGHT, max(240, height_world * scale + 2 * PAD)))
    if height_world * scale > height - 2 * PAD:
        scale = (height - 2 * PAD) / height_world
    left, top = cx - WIDTH / 2 / scale, cy - height / 2 / scale
    for place, (x, y) in zip(places, points, strict=True):
        place.x, place.y = round((x - left) * scale, 1), round((y - top) * scale, 1)
    view = MapView(WIDTH, height, places)
    view.lines = _graticule(left, top, scale, height)
    if tiles:
        view.tiles = _tiles(tiles, left, top, scale, height)
    return view


def _graticule(left: float, top: float, scale: float, height: int) -> list[Line]:
    west, east = left * 360 - 180, (left + WIDTH / scale) * 360 - 180
    north, south = _latitude(top), _latitude(top + height / scale)
    step = next((s for s in GRATICULE_STEPS if (east - west) / s <= 8), 30)
    lines = []
    for lon in range(math.ceil(west / step) * step, math.floor(east / step) * step + 1, step):
        x = round(((lon + 180) / 360 - left) * scale, 1)
        lines.append(Line(x, 0, x, height, f"{abs(lon)}°{'E' if lon > 0 else 'W' if lon < 0 else ''}"))
    for lat in range(math.ceil(south / step) * step, math.floor(north / step) * step + 1, step):
        y = round((_mercator(lat, 0)[1] - top) * scale, 1)
        lines.append(Line(0, y, WIDTH, y, f"{abs(lat)}°{'N' if lat > 0 else 'S' if lat < 0 else ''}"))
    return lines


def _tiles(template: str, left: float, top: float, scale: float, height: int) -> list[Tile]:
    zoom = max(0, min(18, round(math.log2(scale / TILE))))
    n = 2 ** zoom
    size = scale / n  # picture units per tile
    placed = []
    for tx in range(math.floor(left * n), math.floor((left + WIDTH / scale) * n) + 1):
        for ty in range(max(0, math.floor(top * n)), min(n - 1, math.floor((top + height / scale) * n)) + 1):
            href = template.replace("{z}", str(zoom)).replace("{x}", str(tx % n)).replace("{y}", str(ty))
            placed.append(Tile(href, round((tx / n - left) * scale, 1), round((ty / n - top) * scale, 1),
                               round(size, 1)))
    return placed


def check_tiles(template: str) -> None:
    """Refuse a KG_MAP_TILES that is not an http(s) URL template with {z}, {x} and {y}.

    Raises:
        InvalidInput: naming the setting and what is wrong.
    """
    parts = urlsplit(template)
    missing = [p for p in ("{z}", "{x}", "{y}") if p not in template]
    if parts.scheme not in ("http", "https") or not parts.netloc or missing:
        raise InvalidInput(f"KG_MAP_TILES={template[:120]!r} is not a tile URL template: expected http(s)://host/…"
                           f"/{{z}}/{{x}}/{{y}}.png{' (missing ' + ', '.join(missing) + ')' if missing else ''}.")


def tile_origin(template: str) -> str:
    """scheme://host[:port] of a tile URL template, for the map page's Content-Security-Policy."""
    parts = urlsplit(template)
    return f"{parts.scheme}://{parts.netloc}"
