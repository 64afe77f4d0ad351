"""Entity hygiene (kg/extractors/hygiene.py): names that are no things of their type, on sentences of our own."""

from __future__ import annotations

import pytest

from kg.extractors.hygiene import ordinary_spelling, what_it_is
from kg.extractors.lexicon import load_lexicon


@pytest.mark.parametrize(("name", "what"), [
    ("Air Force One", "vehicle"), ("Space Shuttle Discovery", "vehicle"), ("STS-134", "vehicle"),
    ("Oval Office", "room"), ("47th ASEAN Summit", "event"), ("U.S.-Spain Cybersecurity Dialogue", "event"),
    ("Abraham Accords", "document"), ("Trump Announces Presidential Delegation", "headline"),
    ("European Commission", None), ("Ministry of Defence", None),
    ("Inauguration of His Excellency", "event"), ("State Funeral", "event"), ("Presidential Delegation to", "fragment"),
    ("Minister of Trade and Industry", "title"), ("Bank of Ghana", None),
])
def test_hygiene_listed_non_entities(name: str, what: str | None) -> None:
    assert what_it_is(name) == what


@pytest.mark.parametrize(("name", "spelling"), [
    ("MOSCOW", "Moscow"), ("NEW YORK", "New York"), ("Moscow", "Moscow"), ("NATO", "NATO"), ("KYIV", "Kyiv"),
])
def test_hygiene_dateline_capitals_get_ordinary_spelling(name: str, spelling: str) -> None:
    assert ordinary_spelling(name, load_lexicon()) == spelling


@pytest.mark.model
@pytest.mark.parametrize(("text", "absent", "present"), [
    ("MOSCOW — Foreign Minister Sergey Lavrov spoke to reporters in Moscow on Tuesday.",
     {"MOSCOW"}, {"Moscow", "Sergey Lavrov"}),
    ("The Trump-Putin summit will not take place, President Donald Trump told reporters.",
     {"Trump-Putin"}, {"Donald Trump"}),
    ("President Donald Trump flew to Ohio on Air Force One and later spoke in the Oval Office.",
     {"Air Force One", "Oval Office"}, {"Donald Trump", "Ohio"}),
    ("Ukrainian officials said the talks with Poland went well.", {"Ukrainian"}, {"Poland"}),
    ("The Commission said on Friday that it would study the plan.", {"Commission"}, set()),
    ("Shelling continued in Zaporizhzhia Oblast overnight, officials said.", set(), {"Zaporizhzhia Oblast"}),
])
def test_hygiene_names_that_are_no_things_are_dropped(run, text: str, absent: set[str], present: set[str]) -> None:
    names = {e.label for e in run(text).entities}
    assert not names & absent and present <= names, names


@pytest.mark.model
def test_hygiene_bare_head_joins_the_full_name_the_article_gives(run) -> None:
    extraction = run("The European Commission proposed new rules on Monday. The Commission said they would "
                     "take effect in May.")
    (commission,) = [e for e in extraction.entities if "Commission" in e.label]
    assert commission.label == "European Commission" and len(commission.mentions) == 2


@pytest.mark.model
def test_hygiene_region_is_a_place(run) -> None:
    kinds = {e.label: e.kind for e in run("Olena, a retiree from Zaporizhzhia Oblast, crossed the border.").entities}
    assert kinds.get("Zaporizhzhia Oblast") == "Place"


@pytest.mark.model
def test_hygiene_a_name_told_of_by_who_is_a_persons(run) -> None:
    text = "Ramiro Quispe Vargas, who served as trade minister, died in Cusco on Monday."
    kinds = {e.label: e.kind for e in run(text, "2027-03-10").entities}
    assert kinds.get("Ramiro Quispe Vargas") == "Person", kinds
    text = "Andes Copper Holdings, which employs 900 people, closed the mine on Monday."
    assert {e.label: e.kind for e in run(text, "2027-03-10").entities}.get("Andes Copper Holdings") != "Person"
