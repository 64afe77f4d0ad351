"""`kg eval`: precision, recall and F1 of the stored facts against a gold file.

The gold format is JSON Lines: `{"kind": "doc", "doc": FILE_NAME, ...}` lines name
the articles; `role` lines have person/role/org, `event` lines event/date/place,
`sanction` lines authority/target/date. Each slot is a list of accepted answers
(null: not scored); `optional: true` facts count neither as found nor as missed.
Facts are read from the store with queries/roles.rq, events.rq and sanctions.rq,
and matched one-to-one per article after normalising case, accents and articles.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from pyoxigraph import QuerySolutions

from kg.errors import InvalidInput
from kg.store import ReadableStore

COLUMNS = {
    "role": ("roles.rq", ("personLabel", "roleLabel", "orgLabel")),
    "event": ("events.rq", ("eventLabel", "eventTypeLabel", "date", "placeLabel")),
    "sanction": ("sanctions.rq", ("authorityLabel", "targetLabel", "date")),
}
# The rules (extractor names) that read each fact, for `kg eval --by-rule`.
RULES_QUERY = """
PREFIX kg: <https://w3id.org/kg-news/ns#>
SELECT ?fact ?extractor WHERE { GRAPH ?g { ?fact kg:evidence/kg:extractor ?extractor } }
"""
Row = dict[str, str]


def normalise(text: str | None) -> str:
    """Lowercase ASCII words, "U.S." as "us", without a leading article."""
    if not text:
        return ""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    text = re.sub(r"[^a-z0-9]+", " ", text.replace("u.s.", "us")).strip()
    return re.sub(r"^(the|a|an) ", "", text)


def _equal_any(value: str | None, accepted: list[str] | None) -> bool:
    return accepted is None or (bool(normalise(value)) and normalise(value) in {normalise(a) for a in accepted})


def _date_ok(value: str | None, accepted: str | list[str] | None) -> bool:
    if accepted is None:
        return True
    return value is not None and value.strip() in ([accepted] if isinstance(accepted, str) else accepted)


def matches(gold: dict[str, object], row: Row) -> bool:
    """Whether a stored fact row states the gold fact."""
    g = gold
    if g["kind"] == "role":
        return all(_equal_any(row.get(c), g[s]) for c, s in  # type: ignore[arg-type]
                   (("personLabel", "person"), ("roleLabel", "role"), ("orgLabel", "org")))
    if g["kind"] == "event":
        label = normalise(f"{row.get('eventLabel', '')} {row.get('eventTypeLabel', '')}")
        return (any(normalise(k) in label for k in g["event"])  # type: ignore[attr-defined]
                and _date_ok(row.get("date"), g.get("date"))  # type: ignore[arg-type]
                and _equal_any(row.get("placeLabel"), g.get("place")))  # type: ignore[arg-type]
    return (_equal_any(row.get("authorityLabel"), g["authority"])  # type: ignore[arg-type]
            and _equal_any(row.get("targetLabel"), g["target"])  # type: ignore[arg-type]
            and _date_ok(row.get("date"), g.get("date")))  # type: ignore[arg-type]


@dataclass
class KindScore:
    """Counts for one fact kind, with the facts that were extra or missing."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    extra: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    rules: dict[str, list[int]] = field(default_factory=dict)  # rule -> [facts read, of them right]

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class EvalReport:
    """Scores per kind and overall (micro-averaged)."""

    kinds: dict[str, KindScore]

    @property
    def overall(self) -> KindScore:
        total = KindScore()
        for score in self.kinds.values():
            total.tp, total.fp, total.fn = total.tp + score.tp, total.fp + score.fp, total.fn + score.fn
        return total

    def render(self, verbose: bool = False, by_rule: bool = False) -> str:
        """A table of P/R/F1 per kind, then the extra and missing facts when verbose, and with `by_rule`
        how many facts each rule read and how many of them the gold holds."""
        lines = []
        if by_rule:
            lines.append(f"{'rule':40} {'facts':>6} {'right':>6} {'share':>6}")
            for score in self.kinds.values():
                for rule, (read, right) in sorted(score.rules.items(), key=lambda item: -item[1][0]):
                    lines.append(f"{rule:40} {read:6d} {right:6d} {right / read:6.2f}")
            lines.append("")
        for name, score in [*self.kinds.items(), ("all", self.overall)]:
            lines.append(f"{name:9} P={score.precision:.3f} R={score.recall:.3f} F1={score.f1:.3f} "
                         f"(tp={score.tp} fp={score.fp} fn={score.fn})")
            if verbose and name != "all":
                lines += [f"  extra   {fact}" for fact in score.extra]
                lines += [f"  missing {fact}" for fact in score.missing]
        return "\n".join(lines)


def score_rows(gold: list[dict[str, object]], rows: dict[str, list[Row]],
               rules: dict[str, list[str]] | None = None) -> EvalReport:
    """Match rows of each kind one-to-one against the gold facts of the same article; with `rules`
    (fact IRI -> the rules that read it), count for each rule the facts it read and how many were right."""
    rules = rules or {}
    docs = [str(g["doc"]) for g in gold if g["kind"] == "doc"]
    urls = {str(g["doc"]): list(g.get("urls") or []) for g in gold if g["kind"] == "doc"}  # type: ignore[call-overload]
    report = EvalReport({})
    for kind, (_, columns) in COLUMNS.items():
        golds = [g for g in gold if g["kind"] == kind]
        score = report.kinds.setdefault(kind, KindScore())
        used: set[int] = set()
        seen: set[tuple[str, ...]] = set()
        for row in rows.get(kind, []):
            doc = _doc_of(row.get("source", ""), docs, urls)
            key = (doc or "", *(normalise(row.get(c)) for c in columns))
            if doc is None or key in seen:
                continue
            seen.add(key)
            candidates = [i for i, g in enumerate(golds) if i not in used and g["doc"] == doc and matches(g, row)]
            for rule in rules.get(row.get(kind, ""), []):  # each query names its fact node after the kind
                counts = score.rules.setdefault(rule, [0, 0])
                counts[0] += 1
                counts[1] += bool(candidates)
            if not candidates:
                score.fp += 1
                score.extra.append(f"{doc}: " + ", ".join(f"{c}={row.get(c)}" for c in columns))
                continue
            best = min(candidates, key=lambda i: bool(golds[i].get("optional")))
            used.add(best)
            score.tp += 0 if golds[best].get("optional") else 1
        for i, g in enumerate(golds):
            if i not in used and not g.get("optional"):
                score.fn += 1
                score.missing.append(f"{g['doc']}: " + json.dumps({k: v for k, v in g.items()
                                                                     if k not in ("doc", "kind", "optional")}))
    return report


def _doc_of(source: str, docs: list[str], urls: dict[str, list[str]]) -> str | None:
    for doc in docs:
        stem = doc.rsplit("/", 1)[-1].rsplit(".", 1)[0]
        if source.endswith(doc) or stem in source or source in urls[doc]:
            return doc
    return None


def read_gold(path: Path) -> list[dict[str, object]]:
    """The gold facts of a JSON Lines file.

    Raises:
        InvalidInput: the file is missing or a line is not a JSON object with a "kind".
    """
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as err:
        raise InvalidInput(f"Cannot read gold file {path}: {err.strerror}") from err
    gold = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as err:
            raise InvalidInput(f"{path}:{number}: not JSON ({err.msg})") from err
        if not isinstance(item, dict) or item.get("kind") not in ("doc", *COLUMNS):
            raise InvalidInput(f"{path}:{number}: expected an object with kind doc, role, event or sanction")
        gold.append(item)
    return gold


def evaluate_store(store: ReadableStore, queries: Path, gold_path: Path, by_rule: bool = False) -> EvalReport:
    """Score the facts in `store`, read with the stored queries in `queries`, against a gold file;
    with `by_rule`, also per extraction rule."""
    rows: dict[str, list[Row]] = {}
    for kind, (file_name, _) in COLUMNS.items():
        result = store.query((queries / file_name).read_text(encoding="utf-8"))
        assert isinstance(result, QuerySolutions)
        names = [v.value for v in result.variables]
        rows[kind] = [{n: s[n].value for n in names if s[n] is not None} for s in result]
    rules: dict[str, list[str]] = {}
    if by_rule:
        result = store.query(RULES_QUERY)
        assert isinstance(result, QuerySolutions)
        for solution in result:
            found = rules.setdefault(solution["fact"].value, [])
            if solution["extractor"].value not in found:
                found.append(solution["extractor"].value)
    return score_rows(read_gold(gold_path), rows, rules)
