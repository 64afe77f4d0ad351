"""Photo captions are page furniture: facts read in them carry evidence marked boilerplate."""

from __future__ import annotations

import pytest

from kg.extractors.evidence import caption_ranges
from kg.model import RoleFact

CAPTION = "Foreign Minister Ana Duarte of Portugal waves in Lisbon on Monday. (Jane Roe/Getty Images)"
BODY = "Defence Minister Rui Matos of Portugal said the talks would go on."


@pytest.mark.parametrize(("text", "captions"), [
    (f"{CAPTION}\n{BODY}", [CAPTION]),
    ("Leaders met in Alaska. (Photo: Reuters) Hours later, talks began.", ["Leaders met in Alaska. (Photo: Reuters)"]),
    ("The minister (pictured) spoke in Rome (Italy) on Monday.", []),
])
def test_evidence_caption_ranges(text: str, captions: list[str]) -> None:
    assert [text[start:end] for start, end in caption_ranges(text)] == captions


@pytest.mark.model
def test_evidence_of_a_caption_is_boilerplate(run) -> None:
    extraction = run(f"{CAPTION}\n\n{BODY}")
    roles = {fact.role: fact for fact in extraction.facts if isinstance(fact, RoleFact)}
    assert [e.boilerplate for e in roles["Foreign Minister"].evidence] == [True]
    assert [e.boilerplate for e in roles["Defence Minister"].evidence] == [False]
