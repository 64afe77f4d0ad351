"""Evidence records: the sentence a fact was read in, by which rule, with what confidence.

Page furniture is no evidence. The trailing furniture of an article (tag lists, "Read more", teasers:
Document.boilerplate_from) is not read at all. Photo captions, the text of a line up to a photo credit in
brackets ("... in the Oval Office. (Chip Somodevilla/Getty Images)", "... in Alaska. (Photo: Reuters)"),
are read, but their evidence is marked boilerplate (kg:boilerplate): it does not count as a report in
corroboration, and pages show it as furniture.
"""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Span

from kg.model import Document, Evidence

# A photo credit in brackets: "(Photo: Reuters)", "(AP Photo/Jane Doe)", "(Jane Doe/Getty Images)", "(File photo)"
PHOTO_CREDIT = re.compile(
    r"\((?:[^()\n]{0,80}?\b(?:photo|photograph|image|getty images|afp|reuters|credit)\b[^()\n]{0,80})\)",
    re.IGNORECASE)


@lru_cache(maxsize=16)
def caption_ranges(text: str) -> tuple[tuple[int, int], ...]:
    """(start, end) character ranges of the photo captions of a text: each line's text up to a photo credit."""
    ranges = []
    for credit in PHOTO_CREDIT.finditer(text):
        line_start = text.rfind("\n", 0, credit.start()) + 1
        ranges.append((line_start, credit.end()))
    return tuple(ranges)


def in_caption(sentence: Span, document: Document) -> bool:
    """Whether most of a sentence lies in a photo caption."""
    start, end = sentence.start_char, sentence.end_char
    inside = sum(max(0, min(end, e) - max(start, s)) for s, e in caption_ranges(document.text))
    return inside * 2 > end - start


def in_boilerplate(sentence: Span, document: Document) -> bool:
    """Whether a sentence starts in the trailing page furniture of the document."""
    return document.boilerplate_from is not None and sentence.start_char >= document.boilerplate_from


def make_evidence(sentence: Span, document: Document, extractor: str, confidence: float) -> Evidence:
    """The evidence of a fact read in `sentence` by `extractor`. `sentence` is of the parse of `document.text`
    (as extract_parsed checks): its text is cut from the document's, not joined from a Token built for each of
    its words."""
    start, end = sentence.start_char, sentence.end_char
    return Evidence(
        sentence=document.text[start:end].strip(),
        start=start,
        end=end,
        extractor=extractor,
        confidence=confidence,
        boilerplate=in_boilerplate(sentence, document) or in_caption(sentence, document),
    )
