"""Generate a realistic news graph of any size, in our own shape (kg.ontology.to_quads of synthetic Extractions).

Entities are drawn from skewed pools (a few people, organizations and places are named in
hundreds of articles, most in one or two), so hub entities carry a few hundred facts, as
heads of state and ministries do in real news.

    .venv/bin/python -m bench.graph OUT.nq --quads 1000000    # N-Quads file (then `kg load` it)
"""

from __future__ import annotations

import argparse
import random
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

from pyoxigraph import Quad, RdfFormat, serialize

from kg import ontology
from kg.model import (
    COMPANY,
    COUNTRY,
    GOVERNMENT_BODY,
    PERSON,
    DateValue,
    Document,
    Entity,
    EventFact,
    Evidence,
    Extraction,
    RoleFact,
    SanctionFact,
)

SYLLABLES = "ba ko ri den sal mor vik tan lo per shi gar nov ul ez ha min dra sto kel var bin cas tel".split()
FIRST = "Anna Boris Carla Dmitri Elena Farid Greta Hassan Ines Jonas Kira Luis Marta Olga Pavel Rosa".split()
ROLES = ("Foreign Minister", "Prime Minister", "spokesperson", "chief executive", "President", "ambassador")
EVENTS = ("summit", "meeting", "phone call", "visit", "talks", "conference")
STAMP = datetime(2025, 1, 1, tzinfo=UTC)


def _word(rng: random.Random, n: int = 2) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(n))


def _pool(rng: random.Random, size: int, kind: str) -> list[Entity]:
    entities, keys = [], set()
    while len(entities) < size:
        if kind == PERSON:
            label = f"{rng.choice(FIRST)} {_word(rng, rng.randint(2, 3)).capitalize()}"
        elif kind == COMPANY:
            label = f"{_word(rng, 3).capitalize()} {rng.choice(('Holdings', 'Energy', 'Bank', 'Shipping'))}"
        elif kind == GOVERNMENT_BODY:
            label = f"Ministry of {_word(rng, 3).capitalize()}"
        else:
            label = _word(rng, rng.randint(2, 3)).capitalize()
        key = ontology.entity_key(kind, label)
        if key not in keys:
            keys.add(key)
            entities.append(Entity(key, label, kind, aliases=(label.split()[-1],) if kind == PERSON else ()))
    return entities


class NewsGraph:
    """Synthetic articles with entities, mentions, roles, events and sanctions, reproducible by seed."""

    def __init__(self, seed: int = 3, people: int = 30_000, orgs: int = 4_000, places: int = 800) -> None:
        self.rng = random.Random(seed)
        self.people = _pool(self.rng, people, PERSON)
        self.orgs = _pool(self.rng, orgs // 2, COMPANY) + _pool(self.rng, orgs // 2, GOVERNMENT_BODY)
        self.places = _pool(self.rng, places, COUNTRY)
        self.namer = ontology.Namer()

    def _pick(self, pool: list[Entity]) -> Entity:
        return pool[int(len(pool) * self.rng.random() ** 3)]  # skewed: low indices are hubs

    def extraction(self, n: int) -> Extraction:
        """The n-th article's Extraction."""
        rng = self.rng
        people = list({e.key: e for e in (self._pick(self.people) for _ in range(rng.randint(3, 8)))}.values())
        orgs = list({e.key: e for e in (self._pick(self.orgs) for _ in range(rng.randint(2, 4)))}.values())
        places = list({e.key: e for e in (self._pick(self.places) for _ in range(rng.randint(1, 3)))}.values())
        sentences = [f"{p.label} {_word(rng, 3)} {_word(rng)} {o.label} in {pl.label} on Monday."
                     for p, o, pl in zip(people, orgs * 4, places * 8, strict=False)]
        sentences += [" ".join(_word(rng) for _ in range(rng.randint(12, 25))).capitalize() + "."
                      for _ in range(rng.randint(10, 20))]
        text = " ".join(sentences)
        offsets, at = [], 0
        for sentence in sentences:
            offsets.append((at, at + len(sentence)))
            at += len(sentence) + 1
        year, month, day = rng.randint(2016, 2026), rng.randint(1, 12), rng.randint(1, 28)
        doc = Document(id=f"gen-{n:07d}", text=text, source=f"generated/{n}.txt", title=sentences[0][:60],
                       url=f"https://news.example.org/{year}/{month:02d}/gen-{n}",
                       published=f"{year}-{month:02d}-{day:02d}", publisher="Example Wire",
                       content_hash=ontology.digest("gen", n))

        def evidence(i: int, extractor: str) -> tuple[Evidence, ...]:
            start, end = offsets[i % len(offsets)]
            return (Evidence(text[start:end], start, end, extractor, round(rng.uniform(0.6, 0.95), 2)),)

        facts: list[RoleFact | EventFact | SanctionFact] = []
        for i, person in enumerate(people[: rng.randint(2, 4)]):
            facts.append(RoleFact(person.key, rng.choice(ROLES), orgs[i % len(orgs)].key, evidence(i, "roles.bench")))
        for i in range(rng.randint(1, 2)):
            kind = rng.choice(EVENTS)
            facts.append(EventFact(f"{kind} in {places[0].label}", kind, evidence(i + 3, "events.bench"),
                                   DateValue(f"{month}/{day}", f"{year}-{month:02d}-{day:02d}", "date"),
                                   places[0].key, tuple(p.key for p in people[:2]), "Happened"))
        if rng.random() < 0.4:
            facts.append(SanctionFact(orgs[-1].key, self._pick(self.people).key, evidence(5, "sanctions.bench"),
                                      DateValue(str(year), str(year), "gYear")))
        targets = {f.target for f in facts if isinstance(f, SanctionFact)}
        entities = []
        for entity in people + orgs + places + [e for e in self.people if e.key in targets]:
            where = text.find(entity.label)
            mentions = ((where, where + len(entity.label)),) if where >= 0 else ()
            entities.append(Entity(entity.key, entity.label, entity.kind, entity.aliases, mentions))
        entities = list({e.key: e for e in entities}.values())
        return Extraction(doc, tuple(entities), tuple(facts))

    def iter_graphs(self, quads: int) -> Iterator[list[Quad]]:
        """Article graphs until about `quads` quads are produced."""
        total, n = 0, 0
        while total < quads:
            graph = ontology.to_quads(self.extraction(n), self.namer, STAMP)
            total += len(graph)
            n += 1
            yield graph


def write_nquads(path: Path, quads: int, seed: int = 3) -> tuple[int, int]:
    """Write the graph as N-Quads; returns (articles, quads)."""
    articles = written = 0
    with path.open("wb") as out:
        for graph in NewsGraph(seed).iter_graphs(quads):
            serialize(graph, out, RdfFormat.N_QUADS)
            articles += 1
            written += len(graph)
    return articles, written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="N-Quads file to write")
    parser.add_argument("--quads", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=3)
    args = parser.parse_args()
    articles, quads = write_nquads(args.out, args.quads, args.seed)
    print(f"{articles} articles, {quads} quads in {args.out}")


if __name__ == "__main__":
    main()
