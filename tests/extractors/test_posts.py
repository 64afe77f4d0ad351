"""One post, however its title is written (kg/extractors/posts.py), and its node in the graph."""

from __future__ import annotations

import pytest

from kg import ontology
from kg.extractors.lexicon import load_lexicon
from kg.extractors.posts import name_posts, post_of
from kg.model import Document, Entity, Evidence, Extraction, RoleFact


@pytest.mark.parametrize(("title", "country", "post"), [
    ("spokesman", None, "spokesperson"), ("Spokeswoman", None, "spokesperson"), ("spokesperson", None, "spokesperson"),
    ("US President", "United States", "president"), ("President", "United States", "president"),
    ("Russian President", "Russia", "president"), ("Defence Minister", "Portugal", "defense minister"),
    ("Russian President", "United States", "russian president"),  # not the post's own country: kept
    ("Chairman", None, "chair"),
])
def test_posts_one_post_however_written(title: str, country: str | None, post: str) -> None:
    assert post_of(title, country, load_lexicon()) == post


def test_posts_titles_as_written_stay_and_name_one_post_node() -> None:
    kremlin = Entity("organization/kremlin", "Kremlin", "GovernmentBody", (), ((0, 7),))
    people = [Entity(f"person/{name.lower()}", name, "Person", (), ((9, 14),)) for name in ("Orlov", "Belova")]
    evidence = (Evidence("s", 0, 1, "roles.title_before_name", 0.9),)
    facts = (RoleFact(people[0].key, "spokesman", kremlin.key, evidence),
             RoleFact(people[1].key, "spokeswoman", kremlin.key, evidence))
    doc = Document(id="posts", text="Kremlin, Orlov, Belova", source="posts.txt")
    extraction = name_posts(Extraction(doc, (kremlin, *people), facts), load_lexicon())
    namer = ontology.Namer()
    quads = ontology.to_quads(extraction, namer)
    titles = {q.object.value for q in quads if q.predicate == ontology.ROLE_TITLE}
    posts = {q.object for q in quads if q.predicate == ontology.POST}
    assert titles == {"spokesman", "spokeswoman"}
    assert posts == {ontology.NamedNode(f"{namer.entity(kremlin.key).value}#post-spokesperson")}
