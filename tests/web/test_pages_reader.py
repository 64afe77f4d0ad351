"""What a returning reader relies on, on the sample graph: shareable URLs (filters, sorts), titles and
descriptions, Link headers to the RDF forms, the sanctions list and its CSV, the timeline's filters."""

from __future__ import annotations

import csv
import io

import lxml.html
from flask.testing import FlaskClient

from kg.web.views.facts import readable_title
from kg.web.views.picture import Neighbour, lay_out, wrap
from kg.web.views.sanctions import SanctionRow, to_csv
from kg.web.views.tables import title_from_text


def _doc(client: FlaskClient, path: str) -> lxml.html.HtmlElement:
    response = client.get(path)
    assert response.status_code == 200, (path, response.status_code)
    return lxml.html.fromstring(response.get_data(as_text=True))


def test_reader_entity_page_names_its_rdf_forms_in_link_headers(client: FlaskClient) -> None:
    response = client.get("/entity/person/anna-keller")
    links = response.headers["Link"]
    assert '</entity/person/anna-keller?format=turtle>; rel="alternate"; type="text/turtle"' in links
    assert 'type="application/ld+json"' in links
    assert '</article/keller-vienna?format=ntriples>; rel="alternate"' in client.get(
        "/article/keller-vienna").headers["Link"]
    assert "Link" not in client.get("/timeline").headers  # a list has no RDF form


def test_reader_every_page_has_a_title_and_a_description(client: FlaskClient) -> None:
    for path, title, words in [
        ("/entity/person/anna-keller", "Anna Keller · Person · kg", "Anna Keller: Person · Chancellor of Germany"),
        ("/sanctions", "Sanctions · kg", "2 sanctions"),
        ("/timeline?type=event", "Timeline · kg", "dated events"),
        ("/type/GovernmentBody", "Government bodies · kg", "government bodies"),
        ("/map", "Map of places and events · kg", "places with coordinates"),
    ]:
        doc = _doc(client, path)
        assert doc.findtext(".//title") == title
        assert words in doc.xpath("//meta[@name='description']/@content")[0], path


def test_reader_entity_page_lists_where_it_is_mentioned_and_with_whom(client: FlaskClient) -> None:
    doc = _doc(client, "/entity/person/anna-keller")
    assert doc.xpath("string(//p[@class='description'])") == "Person · Chancellor of Germany · 2 articles"
    assert [a.text for a in doc.xpath("//section[@id='articles']//li/a")] == [
        "Keller meets Berg in Vienna", "Keller <b>speaks</b>"]  # dated first, newest first; escaped
    assert doc.xpath("string(//dd[@class='first-seen'])") == "2025-03-14"
    co = [" ".join(li.text_content().split()) for li in doc.xpath("//ol[@class='co-mentions']/li")]
    assert co[0] == "Germany 2 shared articles"
    assert "Jonas Berg 1 shared article" in co


def test_reader_sanctions_filter_sort_and_csv(client: FlaskClient) -> None:
    doc = _doc(client, "/sanctions?authority=organization/treasury-department&target_type=company&sort=target")
    assert [td.text_content() for td in doc.xpath("//td[@class='target']")] == ["Baltica Shipping", "Nordlicht Energy"]
    assert _doc(client, "/sanctions?target_type=person").xpath("//tr[@class='sanction']") == []
    assert client.get("/sanctions?target_type=ship").status_code == 400
    assert client.get("/sanctions?authority=no%20key").status_code == 400
    answer = client.get("/sanctions.csv?target_type=company")
    assert answer.mimetype == "text/csv"
    rows = list(csv.DictReader(io.StringIO(answer.get_data(as_text=True))))
    assert {(r["target"], r["date"]) for r in rows} == {("Nordlicht Energy", "2025-03"), ("Baltica Shipping", "")}
    assert "/sanctions.csv?target_type=company" in client.get("/sanctions?target_type=company").get_data(as_text=True)


def test_reader_csv_cells_that_look_like_formulas_are_defused() -> None:
    row = SanctionRow("c", "http://x/a", "http://x/t", "=HYPERLINK(\"http://evil\")", "+cmd", programs={"@SUM(1)"})
    cells = next(csv.DictReader(io.StringIO(to_csv([row]))))
    assert cells["authority"] == "'=HYPERLINK(\"http://evil\")"
    assert cells["target"] == "'+cmd" and cells["program"] == "'@SUM(1)"


def test_reader_timeline_filters_and_their_errors(client: FlaskClient) -> None:
    def items(path: str) -> list[str]:
        return [" ".join(li.text_content().split()) for li in _doc(client, path).xpath("//main/ol/li")]

    assert len(items("/timeline")) == 2
    assert items("/timeline?type=sanction") == [
        "Mar 2025 Sanction Treasury Department sanctioned Nordlicht Energy (1 article)"]
    assert items("/timeline?place=place/vienna")[0].startswith("11 Mar 2025 Event Meeting in Vienna")
    assert items("/timeline?entity=person/jonas-berg&from=2025-03-01&to=2025-03-31") == items(
        "/timeline?place=place/vienna")
    assert items("/timeline?from=2025-04") == []
    for bad in ("type=war", "from=March", "to=2025-13", "place=Vienna"):
        assert client.get(f"/timeline?{bad}").status_code == 400, bad


def test_reader_type_lists_have_human_names_counts_and_sorts(client: FlaskClient) -> None:
    doc = _doc(client, "/type/Company?sort=name")
    assert doc.xpath("string(//h1)").startswith("Companies")
    assert [" ".join(li.text_content().split()) for li in doc.xpath("//ul[@class='type-list']/li")] == [
        "Baltica Shipping 1 fact · 1 article", "Nordlicht Energy 1 fact · 1 article"]
    people = _doc(client, "/type/Person?sort=facts").xpath("//ul[@class='type-list']/li/a/text()")
    assert people[0] == "Anna Keller"
    assert client.get("/type/Person?sort=shoe").status_code == 400
    assert client.get("/type/Sanction").headers["Location"] == "/sanctions"
    roles = _doc(client, "/type/Role").xpath("//ul[@class='type-list']/li/a/text()")
    assert "Anna Keller — Chancellor of Germany" in roles
    home = _doc(client, "/")
    for href in home.xpath("//dl[@class='counts']//a/@href"):
        assert client.get(href).status_code in (200, 302), href


def test_reader_article_title_from_text_skips_datelines_and_captions() -> None:
    text = ("ISTANBUL\nUS President meeting Russian President in Alaska. (Photo: Reuters) Hours after Moscow "
            "played down hopes, the White House said no meeting is expected. More text.")
    assert title_from_text(text) == "Hours after Moscow played down hopes, the White House said no meeting is expected."
    assert title_from_text("word " * 60).endswith("…")
    assert title_from_text("Short\nlines\nonly") == ""


def test_reader_event_labels_read_as_headings() -> None:
    assert readable_title("talks in NAIROBI", "", "Nairobi") == "Talks in Nairobi"
    assert readable_title("phone call on Tuesday", "on Tuesday", "") == "Phone call"
    assert readable_title("47th ASEAN Summit", "", "Malaysia") == "47th ASEAN Summit"


def test_reader_picture_is_as_tall_as_its_neighbours_and_wraps_labels() -> None:
    one = lay_out("Dmitry Peskov", [Neighbour("Kremlin", "/entity/organization/kremlin", "Organization", 1, 5)])
    many = lay_out("Vladimir Putin", [Neighbour(f"Neighbour {i}", f"/entity/person/n{i}", "Person", 1, 1)
                                      for i in range(12)])
    assert one is not None and many is not None and one.height < many.height / 3
    assert lay_out("Nobody", []) is None
    assert wrap("phone call between Vladimir Putin and Donald Trump about a summit", 27) == (
        "phone call between Vladimir", "Putin and Donald Trump abo…")


def test_reader_a_sanction_fact_page_is_titled_by_who_sanctioned_whom(client: FlaskClient) -> None:
    store = client.application.extensions["kg"].store
    target = "<http://127.0.0.1:5000/entity/organization/nordlicht-energy>"
    (row,) = store.select(f"SELECT ?f WHERE {{ ?f kg:target {target} }}")
    path = "/fact/" + row["f"].value.split("/fact/", 1)[1]
    doc = _doc(client, path)
    assert doc.findtext(".//h1") == "Sanction by Treasury Department on Nordlicht Energy"
    assert doc.findtext(".//title") == "Sanction by Treasury Department on Nordlicht Energy · kg"
