"""One post, however its title is written: "spokesman", "spokesperson" and "spokeswoman" of the Kremlin are
one post; "US President" and "President" of the United States are one post.

Each role fact keeps its title as written (kg:roleTitle); `post` names the post it is of, in lower case,
gendered and spelling variants made one (kg/data/posts.tsv), a leading name or nationality of the post's
own country left out. The ontology makes one node per post of an organization (kg:post, an org:Post).
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

from kg.extractors.lexicon import DATA_DIR, Lexicon
from kg.model import Entity, Extraction, RoleFact


@lru_cache(maxsize=1)
def post_words() -> dict[str, str]:
    """Word as written -> word of the post, from kg/data/posts.tsv."""
    rows = [line.split("\t") for line in (DATA_DIR / "posts.tsv").read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")]
    return {written: post for written, post in rows}


def post_of(title: str, country: str | None, lexicon: Lexicon) -> str:
    """The post a title names ("US President" of the United States -> "president")."""
    words = [post_words().get(word, word) for word in title.lower().split()]
    if country:
        for size in (2, 1):  # "United States President", "US President", "Russian President"
            lead = " ".join(words[:size])
            if len(words) > size and (lexicon.country(lead) == country or lexicon.demonym(lead) == country):
                words = words[size:]
                break
    return " ".join(words)


def name_posts(extraction: Extraction, lexicon: Lexicon) -> Extraction:
    """The extraction with each role fact's post named."""
    labels = {entity.key: entity for entity in extraction.entities}
    facts = []
    for fact in extraction.facts:
        if isinstance(fact, RoleFact):
            org: Entity | None = labels.get(fact.org) if fact.org else None
            country = lexicon.country(org.label) if org is not None else None
            fact = replace(fact, post=post_of(fact.role, country, lexicon))
        facts.append(fact)
    return replace(extraction, facts=tuple(facts))
