"""Generate a news corpus of any size at run time by recombining paragraphs of the sample articles.

Paragraphs come from examples/ and ../shared/{seeds,corpus}; every article gets its own
people (each person named in the sources is renamed consistently within the article),
its own years and publication date, so entities and facts keep growing with the corpus.
The output is written to a folder given by the caller (a temp folder), never committed.

    .venv/bin/python -m bench.corpus OUT_DIR --articles 400 [--paragraphs 3-8] [--seed 7]
"""

from __future__ import annotations

import argparse
import random
import re
from collections.abc import Iterator
from functools import cache
from pathlib import Path

from kg.articles import iter_articles
from kg.model import Document

ROOT = Path(__file__).resolve().parent.parent
SOURCES = [ROOT / "examples", ROOT.parent / "shared" / "seeds", ROOT.parent / "shared" / "corpus"]
FIRST = ("Anna Boris Carla Dmitri Elena Farid Greta Hassan Ines Jonas Kira Luis Marta Nikolai Olga Pavel "
         "Rosa Stefan Tamara Viktor Yusuf Zofia Amir Beata Chen Dana Emil Fatima Goran Hana").split()
SYLLABLES = "ba ko ri den sal mor vik tan lo per shi gar nov ul ez ha min dra sto kel var bin".split()
MONTHS = "January February March April May June July August September October November December".split()
YEAR = re.compile(r"\b(19[89]\d|20[0-2]\d)\b")


@cache
def source_paragraphs() -> tuple[str, ...]:
    """Body paragraphs (8 words or more) of every source article, in a fixed order."""
    paragraphs: list[str] = []
    for item in iter_articles([p for p in SOURCES if p.exists()]):
        if isinstance(item, Document):
            body = item.text[: item.boilerplate_from] if item.boilerplate_from else item.text
            paragraphs += [p.strip() for p in body.split("\n\n") if len(p.split()) >= 8]
    return tuple(paragraphs)


@cache
def person_names() -> tuple[str, ...]:
    """Person names found in the source paragraphs by the spaCy model, longest first."""
    from kg.extractors.pipeline import build_nlp

    nlp = build_nlp()
    names = {
        ent.text
        for doc in nlp.pipe(source_paragraphs())
        for ent in doc.ents
        if ent.label_ == "PERSON" and ent.text.replace(" ", "").isalpha() and ent.text[0].isupper()
    }
    return tuple(sorted(names, key=lambda n: (-len(n), n)))


def _surname(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()


def make_article(n: int, rng: random.Random, paragraphs: tuple[int, int]) -> str:
    """One article in the plain-text header layout: renamed people, shifted years, its own date."""
    chosen = rng.sample(source_paragraphs(), rng.randint(*paragraphs))
    body = "\n\n".join(chosen)
    renames: dict[str, str] = {}
    for name in person_names():
        if name in body:
            if name in renames:
                continue
            new_last = _surname(rng)
            renames[name] = f"{rng.choice(FIRST)} {new_last}" if " " in name else new_last
            renames.setdefault(name.split()[-1], new_last)
    if renames:
        pattern = re.compile(r"\b(" + "|".join(map(re.escape, renames)) + r")\b")
        body = pattern.sub(lambda m: renames[m.group(1)], body)
    shift = rng.randint(-6, 3)
    body = YEAR.sub(lambda m: str(min(2026, int(m.group(1)) + shift)), body)
    year, month, day = rng.randint(2016, 2026), rng.randint(1, 12), rng.randint(1, 28)
    title = " ".join(chosen[0].split()[:10]).rstrip(".,;:")
    return (
        f"title: {title}\ndate: {year}-{month:02d}-{day:02d}\n"
        f"source: https://news.example.org/{year}/{month:02d}/{day:02d}/story-{n}\n"
        f"publisher: Example Wire\n\n{MONTHS[month - 1]} {day}, {year}\n\n{body}\n"
    )


def iter_corpus(articles: int, seed: int = 7, paragraphs: tuple[int, int] = (3, 8)) -> Iterator[tuple[str, str]]:
    """(file name, text) of `articles` generated articles, the same for the same seed."""
    rng = random.Random(seed)
    for n in range(articles):
        yield f"story-{n:06d}.txt", make_article(n, rng, paragraphs)


def write_corpus(out: Path, articles: int, seed: int = 7, paragraphs: tuple[int, int] = (3, 8)) -> int:
    """Write the corpus into `out` (a folder of .txt files); returns the number of words written."""
    out.mkdir(parents=True, exist_ok=True)
    words = 0
    for name, text in iter_corpus(articles, seed, paragraphs):
        (out / name).write_text(text, encoding="utf-8")
        words += len(text.split())
    return words


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--articles", type=int, default=400)
    parser.add_argument("--paragraphs", default="3-8", help="paragraphs per article, MIN-MAX")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    low, high = map(int, args.paragraphs.split("-"))
    words = write_corpus(args.out, args.articles, args.seed, (low, high))
    print(f"{args.articles} articles, {words} words in {args.out}")


if __name__ == "__main__":
    main()
