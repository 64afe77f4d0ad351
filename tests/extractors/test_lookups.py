"""The indexed lookups of the extractors (titles by their words, entities read once per Doc) agree with plain scans."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from kg.extractors.entities import EntityTable, doc_ents, ents_within, match_title, title_ending
from kg.extractors.lexicon import Lexicon, load_lexicon, word_list
from kg.extractors.roles import match_title_around

TEXT = (
    "Deputy Prime Minister Lena Harrow of Estonia met the Shadow Home Secretary in Tallinn on 3 March.\n"
    "The foreign minister, who chairs the council, said the Secretary of State would visit Riga next week. "
    "A spokesperson for the Ministry of Defence declined to comment on the talks in Vilnius."
)


def _scan_ending(doc: Doc, end: int, lexicon: Lexicon) -> int | None:
    """The longest title ending before `end`, by trying every known title."""
    for words in lexicon.titles:
        start = end - len(words)
        if start >= 0 and end <= len(doc) and [t.lower_ for t in doc[start:end]] == list(words):
            return start
    return None


def _scan_around(doc: Doc, head: int, lexicon: Lexicon) -> tuple[int, int] | None:
    """The first title (longest first) covering token `head`, by trying every known title."""
    for words in lexicon.titles:
        for start in range(head - len(words) + 1, head + 1):
            if start >= 0 and start + len(words) <= len(doc) and \
                    [t.lower_ for t in doc[start : start + len(words)]] == list(words):
                return start, start + len(words)
    return None


def test_lexicon_title_ranks_give_each_title_its_place_in_titles() -> None:
    lexicon = load_lexicon()
    assert len(lexicon.title_ranks) == len(lexicon.titles)
    assert all(lexicon.titles[rank] == words for words, rank in lexicon.title_ranks.items())


@pytest.mark.model
def test_match_title_indexed_lookups_equal_scans_of_every_title(nlp: Language) -> None:
    doc = nlp(TEXT)
    lexicon = load_lexicon()
    table = EntityTable(doc, lexicon)
    for end in range(len(doc) + 2):
        expected = _scan_ending(doc, end, lexicon) if end >= 1 else None
        assert title_ending(table.lowers, end, lexicon) == expected
        assert match_title(doc, end, lexicon) == expected
    found = [match_title_around(doc, i, table) for i in range(len(doc))]
    assert found == [_scan_around(doc, i, lexicon) for i in range(len(doc))]
    assert any(found)


@pytest.mark.model
def test_ents_within_equals_span_ents(nlp: Language) -> None:
    doc = nlp(TEXT)
    for sent in doc.sents:
        assert [(e.start, e.end, e.label_) for e in ents_within(sent)] == \
               [(e.start, e.end, e.label_) for e in sent.ents]
    assert [(e.start, e.end, e.label_) for e in ents_within(doc[0:4])] == \
           [(e.start, e.end, e.label_) for e in doc[0:4].ents]


@pytest.mark.model
def test_doc_ents_are_those_of_the_doc_asked(nlp: Language) -> None:
    first, second = nlp("Talks opened in Oslo."), nlp("Maria Olsen flew to Bergen and then to Trondheim.")
    assert [e.text for e in doc_ents(first)] == [e.text for e in first.ents]
    assert [e.text for e in doc_ents(second)] == [e.text for e in second.ents]
    assert [e.text for e in doc_ents(first)] == [e.text for e in first.ents]


def test_word_lists_come_from_the_data_table_and_a_missing_one_is_named() -> None:
    assert "former" in word_list("qualifiers")
    assert "chief of staff" in word_list("personal_posts")  # words of a list may hold spaces
    with pytest.raises(KeyError, match="words.tsv has no word list 'no_such_list'"):
        word_list("no_such_list")


def test_a_word_list_written_twice_is_refused_not_silently_replaced(tmp_path) -> None:
    from kg.extractors.lexicon import DATA_DIR

    rows = (DATA_DIR / "words.tsv").read_text(encoding="utf-8")
    (tmp_path / "words.tsv").write_text(rows + "qualifiers\tbrand-new\n", encoding="utf-8")
    with pytest.raises(ValueError, match="words.tsv: the word list 'qualifiers' is written twice"):
        word_list("qualifiers", tmp_path)
    assert "former" in word_list("qualifiers")  # the shipped table holds each list once


def test_lexicon_refuses_an_event_verb_rule_written_twice(tmp_path) -> None:
    from kg.extractors.lexicon import DATA_DIR

    for table in DATA_DIR.iterdir():
        (tmp_path / table.name).write_bytes(table.read_bytes())
    rows = (DATA_DIR / "event_verbs.tsv").read_text(encoding="utf-8")
    twice = rows + "uphold\t-\truling\tcourt\truling\tsubject=court\n"
    (tmp_path / "event_verbs.tsv").write_text(twice, encoding="utf-8")
    with pytest.raises(ValueError, match="event_verbs.tsv: the rule for events.verb.uphold"):
        load_lexicon(tmp_path)
    assert load_lexicon(DATA_DIR).event_verbs["uphold"]  # the shipped table holds each rule once
