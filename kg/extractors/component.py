"""The kg_facts spaCy component: the last pipe of the pipeline, it reads the parse of an article and
assigns its entities and facts to `doc._.kg_extraction`.

The article itself (its id, publication date and URL, which the facts need) is given to the pipe on
the Doc before the pipeline runs: `doc._.kg_document`. A Doc without one is parsed and left alone,
so the pipeline still serves as plain spaCy (the ingest benchmark's baseline).
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from kg.extractors.article import extract_parsed
from kg.model import Document, Extraction

FACTS_PIPE = "kg_facts"

if not Doc.has_extension("kg_document"):
    Doc.set_extension("kg_document", default=None)  # the kg.model.Document the Doc is the text of
if not Doc.has_extension("kg_extraction"):
    Doc.set_extension("kg_extraction", default=None)  # the kg.model.Extraction kg_facts assigned


@Language.factory(
    FACTS_PIPE,
    requires=["doc.ents", "doc.sents", "token.dep", "token.lemma", "token.pos", "token.tag", "token.ent_type"],
    assigns=["doc._.kg_extraction"],
)
def make_facts_pipe(nlp: Language, name: str) -> FactsPipe:
    """The factory spaCy calls for `nlp.add_pipe("kg_facts")`."""
    return FactsPipe()


class FactsPipe:
    """Extracts the entities and facts of a Doc that carries its article (`doc._.kg_document`)."""

    def __call__(self, doc: Doc) -> Doc:
        document = doc._.kg_document
        if document is not None:
            doc._.kg_extraction = extract_parsed(document, doc)
        return doc


def extract(document: Document, nlp: Language) -> Extraction:
    """Run the pipeline `nlp` (with kg_facts, as build_nlp makes it) on one article: its extraction.

    Raises: ValueError when `nlp` has no kg_facts pipe.
    """
    if FACTS_PIPE not in nlp.pipe_names:
        raise ValueError(f"the pipeline has no {FACTS_PIPE} pipe: build it with kg.extractors.pipeline.build_nlp")
    return nlp(article_doc(nlp, document))._.kg_extraction


def article_doc(nlp: Language, document: Document) -> Doc:
    """The unparsed Doc of an article's text, carrying the article for kg_facts."""
    doc = nlp.make_doc(document.text)
    doc._.kg_document = document
    return doc
