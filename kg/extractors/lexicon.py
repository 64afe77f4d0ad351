"""Word lists the extractors read from kg/data: countries, demonyms, organizations, titles, events."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from kg.extractors.gazetteer import load_gazetteer

DATA_DIR = Path(__file__).resolve().parent.parent / "data"


@lru_cache(maxsize=1 << 16)
def normalize(text: str) -> str:
    """A comparison form of a name: ASCII, lowercase, no dots, no leading article."""
    text = text.replace("\u2019", "'")
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    text = text.replace(".", "")
    text = re.sub(r"[^a-z0-9']+", " ", text).strip()
    return re.sub(r"^the ", "", text)


# ranks that take another rank before them ("First Deputy ..."), and the ranks that go before them
STACKED_RANKS = ("deputy", "vice", "assistant", "chief")
OUTER_RANKS = ("senior", "first", "principal", "acting", "regional", "provincial", "detective")


@dataclass(frozen=True)
class VerbRule:
    """One row of event_verbs.tsv: a verb (with its particle) that tells an event, and when it does."""

    verb: str
    particle: str  # "-" when the verb has none
    event_type: str
    family: str
    word: str  # the label word: "travel in Peru"
    conditions: tuple[tuple[str, tuple[str, ...]], ...]  # (name, alternatives): ("subject", ("court",))

    @property
    def name(self) -> str:
        """The rule's name, as `kg eval --by-rule` shows it: "events.verb.blow_up"."""
        return f"events.verb.{self.verb}" + ("" if self.particle == "-" else f"_{self.particle}")


@dataclass(frozen=True)
class Lexicon:
    """The lookup tables the extractors share; build one with `load_lexicon`."""

    countries: dict[str, str] = field(default_factory=dict)  # normalized alias -> canonical
    demonyms: dict[str, str] = field(default_factory=dict)  # normalized demonym -> country
    organizations: dict[str, tuple[str, str]] = field(default_factory=dict)  # alias -> (name, kind)
    titles: tuple[tuple[str, ...], ...] = ()  # lowercase word tuples, longest first
    events: dict[str, tuple[str, str]] = field(default_factory=dict)  # lemma -> (type, family)
    event_verbs: dict[str, tuple[VerbRule, ...]] = field(default_factory=dict)  # lemma -> its rules
    event_words: dict[str, frozenset[str]] = field(default_factory=dict)  # the word lists of words.tsv, by name
    org_words: dict[str, str] = field(default_factory=dict)  # "shipping" -> "Company"
    cities: dict[str, str] = field(default_factory=dict)  # normalized city -> country
    known_cities: frozenset[str] = frozenset()  # normalized names of cities read as places when untagged
    publishers: tuple[tuple[str, str, str, str], ...] = ()  # (domain, body, kind, country)
    titles_by_last: dict[str, tuple[tuple[str, ...], ...]] = field(default_factory=dict)  # last word -> titles
    # the last two words of the titles of two words or more -> those titles, longest first
    titles_by_last_two: dict[tuple[str, str], tuple[tuple[str, ...], ...]] = field(default_factory=dict)
    title_words: frozenset[str] = frozenset()  # every word of a title, and "mr", "mrs", "ms", "dr"
    title_ranks: dict[tuple[str, ...], int] = field(default_factory=dict)  # title -> its place in `titles`
    capitals: dict[str, str] = field(default_factory=dict)  # normalized capital -> the body it stands for
    body_countries: dict[str, str] = field(default_factory=dict)  # a government body's name -> its country

    def country(self, text: str) -> str | None:
        """The canonical country named by `text` (alias or name), or None."""
        return self.countries.get(normalize(text))

    def demonym(self, text: str) -> str | None:
        """The country of a demonym ("Russian" -> "Russia"), or None."""
        return self.demonyms.get(normalize(text))

    def org_word(self, text: str) -> str | None:
        """The entity kind a name-ending word like "Shipping" or "Ministry" signals, or None."""
        return self.org_words.get(normalize(text))

    def city_country(self, text: str) -> str | None:
        """The country of a known city ("Warsaw" -> "Poland"), or None."""
        return self.cities.get(normalize(text))

    def known_city(self, text: str) -> bool:
        """Whether `text` names a city well known enough to be a place wherever it is written."""
        return normalize(text) in self.known_cities

    def capital_of(self, text: str) -> str | None:
        """The body a capital stands for when it acts ("Washington" -> "United States", "Brussels" ->
        "European Union", from seats.tsv), or None."""
        return self.capitals.get(normalize(text))

    def organization(self, text: str) -> tuple[str, str] | None:
        """The (canonical name, kind) of a known organization alias, or None."""
        return self.organizations.get(normalize(text))


def word_list(name: str, data_dir: Path = DATA_DIR) -> frozenset[str]:
    """A word list of kg/data/words.tsv ("cancel_verbs", "qualifiers", ...).

    Raises: KeyError naming the list and the file when the file has no such list.
    """
    lists = _word_lists(data_dir)
    if name not in lists:
        raise KeyError(f"{data_dir / 'words.tsv'} has no word list {name!r}")
    return lists[name]


@lru_cache(maxsize=4)
def _word_lists(data_dir: Path) -> dict[str, frozenset[str]]:
    """The word lists of words.tsv by name. Raises: ValueError naming a list written twice (the second would
    silently replace the first)."""
    lists: dict[str, frozenset[str]] = {}
    for row in _rows("words.tsv", data_dir):
        if row[0] in lists:
            raise ValueError(f"{data_dir / 'words.tsv'}: the word list {row[0]!r} is written twice")
        lists[row[0]] = frozenset(_alternatives(row[1]))
    return lists


def lexicon_path(name: str, data_dir: Path = DATA_DIR) -> Path:
    """The path of a table of kg/data."""
    return data_dir / name


def read_rows(path: Path) -> list[list[str]]:
    """The tab-separated rows of a table, without comments and blank lines, padded to three cells."""
    return [row + [""] * (3 - len(row)) for row in _rows(path.name, path.parent)]


def _rows(name: str, data_dir: Path) -> list[list[str]]:
    path = data_dir / name
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append([cell.strip() for cell in line.split("\t")])
    return rows


def _alternatives(cell: str) -> list[str]:
    return [part.strip() for part in cell.split("|") if part.strip()]


@lru_cache(maxsize=4)
def load_lexicon(data_dir: Path = DATA_DIR) -> Lexicon:
    """Read the TSV and text tables of `data_dir` into a Lexicon.

    Raises: FileNotFoundError when a table is missing from `data_dir`; ValueError naming the table and the
    row when a row is malformed or an event verb rule is written twice.
    """
    countries: dict[str, str] = {}
    demonyms: dict[str, str] = {}
    for row in _rows("countries.tsv", data_dir):
        row += [""] * (3 - len(row))
        name, aliases, demonym_cell = row[:3]
        for alias in [name, *_alternatives(aliases)]:
            countries[normalize(alias)] = name
        for demonym in _alternatives(demonym_cell):
            demonyms[normalize(demonym)] = name
    world = load_gazetteer()
    canonical: dict[str, str] = {}  # a gazetteer country name -> the name the tables use
    for name, others in world.countries.items():
        known = next((countries[normalize(n)] for n in (name, *others) if normalize(n) in countries), None)
        canonical[name] = known or name
        for alias in (name, *others):
            countries.setdefault(normalize(alias), canonical[name])
    organizations: dict[str, tuple[str, str]] = {}
    body_countries: dict[str, str] = {}
    for row in _rows("organizations.tsv", data_dir):
        row += [""] * (4 - len(row))
        name, kind, aliases, country = row[:4]
        for alias in [name, *_alternatives(aliases)]:
            organizations[normalize(alias)] = (name, kind)
        if country:
            body_countries[name] = country
    title_set = {tuple(line.lower().split()) for line in _lines("titles.txt", data_dir)}
    heads = _lines("title_heads.txt", data_dir)
    portfolios = _lines("portfolios.txt", data_dir)
    title_set |= {(portfolio.lower(), head.lower()) for portfolio in portfolios for head in heads}
    # "Secretary of Commerce", "Minister for Trade": the same posts written after the head
    title_set |= {(head.lower(), *joint, portfolio.lower()) for portfolio in portfolios for head in heads
                  for joint in (("of",), ("for",), ("of", "the"))}  # "Minister of the Interior"
    # the tokens spaCy reads a hyphenated title as: "Secretary-General" is "secretary", "-", "general";
    # a title of two words may be written with a hyphen too: "Director-General"
    title_set |= {tuple(part for word in words for part in re.split(r"(-)", word) if part)
                  for words in title_set if any("-" in word for word in words)}
    title_set |= {(words[0], "-", words[1]) for words in list(title_set) if len(words) == 2}
    cabinet = ("minister", "secretary", "chancellor")  # "Shadow Home Secretary"
    title_set |= {("shadow", *words) for words in list(title_set) if words[-1] in cabinet}
    title_set |= {("cabinet", *words) for words in list(title_set) if words[0] == "secretary"}  # Kenya's posts
    deputies = ("minister", "secretary", "director", "spokesperson", "spokesman", "spokeswoman", "chief", "head",
                "governor", "mayor", "chairman", "chair", "commander", "ambassador", "envoy", "representative",
                "adviser", "advisor", "counsel", "officer", "coordinator", "administrator", "president", "state",
                "general", "chancellor", "superintendent", "inspector", "leader", "editor", "economist", "analyst",
                "manager", "correspondent", "judge", "prosecutor", "coach", "captain", "commissioner")
    # ("Deputy Secretary General", "Deputy Attorney General", "Federal Chancellor", "Chief Superintendent", "deputy
    #  leader", "senior economist", "chief prosecutor", "assistant coach")
    ranks = [(row[0], row[1] if len(row) > 1 else None) for row in _rows("title_ranks.txt", data_dir)]
    title_set |= {(rank, *words) for words in list(title_set) for rank, first in ranks
                  if (words[-1] in deputies or words[1:2] in (("of",), ("for",)) and words[0] in deputies)
                  # ("Secretary of Commerce", "Secretary for Health")
                  and rank not in words and len(words) <= 4 and first in (None, words[0])}
    title_set |= {(rank, *words) for words in list(title_set) if words[0] in STACKED_RANKS and len(words) <= 3
                  for rank in OUTER_RANKS if rank not in words}  # "Senior Deputy Governor", "First Vice Minister"
    titles = sorted(title_set, key=lambda words: -len(words))
    events = {row[0].lower(): (row[1], row[2]) for row in _rows("event_types.tsv", data_dir)}
    event_verbs: dict[str, tuple[VerbRule, ...]] = {}
    for rule in map(_verb_rule, _rows("event_verbs.tsv", data_dir)):
        if rule in event_verbs.get(rule.verb, ()):
            raise ValueError(f"event_verbs.tsv: the rule for {rule.name} ({rule.event_type}) is written twice")
        event_verbs[rule.verb] = (*event_verbs.get(rule.verb, ()), rule)
    event_words = _word_lists(data_dir)
    org_words = {row[0].lower(): row[1] for row in _rows("org_words.tsv", data_dir)}
    cities = {normalize(city): canonical[country] for city, country in world.cities.items()}
    own_cities = {normalize(row[0]): row[1] for row in _rows("cities.tsv", data_dir)}
    cities.update(own_cities)
    famous = frozenset({normalize(c) for c in world.famous_cities} | set(own_cities))
    publishers = tuple((row + ["", "", "", ""])[:4] for row in _rows("publishers.tsv", data_dir))
    by_last: dict[str, list[tuple[str, ...]]] = {}
    for words in titles:  # longest first, as in `titles`
        by_last.setdefault(words[-1], []).append(words)
    by_last_two: dict[tuple[str, str], list[tuple[str, ...]]] = {}
    for words in titles:  # longest first, as in `titles`
        if len(words) > 1:
            by_last_two.setdefault((words[-2], words[-1]), []).append(words)
    return Lexicon(countries, demonyms, organizations, tuple(titles), events, event_verbs, event_words, org_words,
                   cities, famous,
                   tuple((d.lower(), b, k, c) for d, b, k, c in publishers),
                   {last: tuple(found) for last, found in by_last.items()},
                   {pair: tuple(found) for pair, found in by_last_two.items()},
                   frozenset({w for words in titles for w in words} | {"mr", "mrs", "ms", "dr"}),
                   {words: rank for rank, words in enumerate(titles)},
                   {**{normalize(city): canonical[country] for city, country in world.capitals.items()},
                    **{normalize(row[0]): row[1] for row in _rows("seats.tsv", data_dir)}},
                   body_countries)


def _verb_rule(row: list[str]) -> VerbRule:
    """A row of event_verbs.tsv.

    Raises: ValueError naming the row when it lacks a column.
    """
    if len(row) != 6:
        raise ValueError(f"event_verbs.tsv: row {row!r} has {len(row)} columns, not 6")
    verb, particle, event_type, family, word, conditions = row
    parsed = []
    for condition in conditions.split(","):
        name, _, classes = condition.strip().partition("=")
        if name and name != "-":
            parsed.append((name, tuple(classes.split("|")) if classes else ()))
    return VerbRule(verb.lower(), particle.lower(), event_type, family, word, tuple(parsed))


def _lines(name: str, data_dir: Path) -> list[str]:
    lines = (data_dir / name).read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]
