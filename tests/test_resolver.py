"""Cross-article resolution with EntityIndex, on records built by hand."""

from __future__ import annotations

import pytest

from kg.model import PERSON, Document, Entity, Evidence, Extraction, RoleFact
from kg.resolver import EntityIndex

EVIDENCE = (Evidence("s", 0, 1, "roles.title_before_name", 0.9),)


def _extraction(*entities: Entity, facts=()) -> Extraction:
    return Extraction(Document(id="n", text="x", source="n.txt"), tuple(entities), tuple(facts))


def test_resolver_maps_unique_surname_to_known_person() -> None:
    index = EntityIndex([Entity("person/carlos-mendes", "Carlos Mendes", PERSON)])
    fact = RoleFact("person/mendes", "President", None, EVIDENCE)
    new = index.reconcile(_extraction(Entity("person/mendes", "Mendes", PERSON, (), ((0, 6),)), facts=[fact]))
    assert [e.key for e in new.entities] == ["person/carlos-mendes"]
    assert new.entities[0].label == "Carlos Mendes" and "Mendes" in new.entities[0].aliases
    assert new.facts[0].person == "person/carlos-mendes"


def test_resolver_keeps_ambiguous_surname_apart() -> None:
    index = EntityIndex([Entity("person/ana-mendes", "Ana Mendes", PERSON),
                         Entity("person/carlos-mendes", "Carlos Mendes", PERSON)])
    new = index.reconcile(_extraction(Entity("person/mendes", "Mendes", PERSON)))
    assert [e.key for e in new.entities] == ["person/mendes"]


def test_resolver_merges_spelling_variant_with_same_initial() -> None:
    index = EntityIndex([Entity("person/sergey-ivanov", "Sergey Ivanov", PERSON)])
    new = index.reconcile(_extraction(Entity("person/sergei-ivanov", "Sergei Ivanov", PERSON)))
    assert new.entities[0].key == "person/sergey-ivanov"


def test_resolver_maps_later_name_part_of_long_name() -> None:
    index = EntityIndex([Entity("person/mike-sonara-gidion-kiome", "Mike Sonara Gidion Kiome", PERSON)])
    for label in ("Sonara", "Mike Sonara"):
        key = "person/" + label.lower().replace(" ", "-")
        new = index.reconcile(_extraction(Entity(key, label, PERSON)))
        assert new.entities[0].key == "person/mike-sonara-gidion-kiome", label


def test_resolver_later_name_part_needs_same_initial() -> None:
    index = EntityIndex([Entity("person/mike-sonara-gidion-kiome", "Mike Sonara Gidion Kiome", PERSON)])
    new = index.reconcile(_extraction(Entity("person/anna-sonara", "Anna Sonara", PERSON)))
    assert new.entities[0].key == "person/anna-sonara"


def test_resolver_keeps_two_first_names_with_one_initial_apart() -> None:
    index = EntityIndex([Entity("person/ali-bako", "Ali Bako", PERSON)])
    new = index.reconcile(_extraction(Entity("person/abdullahi-garba-bako", "Abdullahi Garba Bako", PERSON)))
    assert new.entities[0].key == "person/abdullahi-garba-bako"


def test_resolver_merges_a_known_initial_with_the_full_first_name() -> None:
    index = EntityIndex([Entity("person/j-bako", "J. Bako", PERSON)])
    new = index.reconcile(_extraction(Entity("person/jane-bako", "Jane Bako", PERSON)))
    assert new.entities[0].key == "person/j-bako"


def test_resolver_keeps_two_people_who_share_a_first_name_and_one_surname_apart() -> None:
    index = EntityIndex([Entity("person/tomas-ruiz-pardo", "Tomás Ruiz Pardo", PERSON)])
    new = index.reconcile(_extraction(Entity("person/tomas-luis-vega-ruiz", "Tomás Luis Vega Ruiz", PERSON)))
    assert new.entities[0].key == "person/tomas-luis-vega-ruiz"  # "Pardo" is not his, "Luis Vega" not the other's
    new = index.reconcile(_extraction(Entity("person/tomas-ruiz", "Tomás Ruiz", PERSON)))
    assert new.entities[0].key == "person/tomas-ruiz-pardo"  # a shorter form of the known name


@pytest.mark.parametrize(("known", "new", "same"), [
    ("Kwame Mensah-Darko", "Kwabena Mensah-Darko", False),  # two names that share letters are two people
    ("Aleksandr Volkov", "Alexander Volkov", True),  # one name written in two transliterations
    ("Yuriy Belov", "Yuri Belov", True),
    ("Lin Wenhao", "Liang Wenhao", False),  # two short names are one only when spelt alike once transliterated
    ("Dmitri Orlov", "Dmitry Orlov", True),
])
def test_resolver_first_names_alike_only_as_spellings_of_one_name(known, new, same) -> None:
    def key(name: str) -> str:
        return "person/" + name.lower().replace(" ", "-")

    index = EntityIndex([Entity(key(known), known, PERSON)])
    found = index.reconcile(_extraction(Entity(key(new), new, PERSON))).entities[0].key
    assert (found == key(known)) is same, found


def test_resolver_a_hyphenated_surname_is_one_name() -> None:
    index = EntityIndex([Entity("person/ama-boateng", "Ama Boateng", PERSON)])
    new = index.reconcile(_extraction(Entity("person/ama-owusu-boateng", "Ama Owusu-Boateng", PERSON)))
    assert new.entities[0].key == "person/ama-owusu-boateng"
    index = EntityIndex([Entity("person/ama-owusu-boateng", "Ama Owusu-Boateng", PERSON)])
    new = index.reconcile(_extraction(Entity("person/owusu-boateng", "Owusu-Boateng", PERSON)))
    assert new.entities[0].key == "person/ama-owusu-boateng"
