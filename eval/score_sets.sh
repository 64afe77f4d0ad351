#!/usr/bin/env bash
# Build one graph from ../shared (seeds, corpus, dev) and eval/fresh, serve it, and print the score of each
#   set: seeds, dev+corpus (the figure the project is judged by), the two fixed halves of dev
#   (eval/dev_split.tsv: rules are tuned on "tune" and the corpus; "held" is only measured), and fresh
#   (eval/fresh, fresh2, ...: invented articles of our own, see their README.md) and sealed, sealed2, ... (eval/sealed*:
#   invented articles that nobody writing rules reads; only their scores are looked at, see their README.md).
#   Every eval/fresh* and eval/sealed* folder is a set, in the order of its number.
# Usage: eval/score_sets.sh [-v SET]   (-v SET lists the extra and missing facts of one set)
set -euo pipefail
cd "$(dirname "$0")/.."
shared=${SHARED:-../shared}
kg=${KG:-.venv/bin/kg}
# eval/fresh, eval/fresh2, ..., eval/fresh10: the folders of one kind, by their number.
# A folder without its gold.jsonl yet (a set being written) is left out, with a word.
sets_of() {
  for folder in eval/"$1"*/; do
    [ -f "$folder/gold.jsonl" ] || { echo "score_sets.sh: $folder has no gold.jsonl yet: left out" >&2; continue; }
    echo "$folder"
  done | sed 's|eval/||; s|/$||' | awk -v kind="$1" '{ n = substr($0, length(kind) + 1); print (n == "" ? 1 : n) "\t" $0 }' | sort -n | cut -f2; }
fresh_sets=$(sets_of fresh | tr '\n' ' ')
sealed_sets=$(sets_of sealed | tr '\n' ' ')
verbose=""
if [ "${1:-}" = "-v" ]; then verbose=${2:?"-v needs a set: seeds, dev+corpus, corpus, tune, held, or one of: $fresh_sets"}; fi
case "$verbose" in sealed*) echo "score_sets.sh: a sealed set is only scored, never listed" >&2; exit 2;; esac

work=$(mktemp -d)
trap 'kill ${server:-} 2>/dev/null || true; rm -rf "$work"' EXIT
# shellcheck disable=SC2046  # one argument per set
"$kg" ingest "$shared/seeds" "$shared/corpus" "$shared/dev/texts" $(for set in $fresh_sets $sealed_sets; do echo "eval/$set/texts"; done) --store "$work/store" >"$work/ingest.log" 2>&1 \
  || { cat "$work/ingest.log"; exit 1; }
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$kg" serve --store "$work/store" --port "$port" >"$work/serve.log" 2>&1 &
server=$!
for _ in $(seq 1 120); do
  curl -fsS "http://127.0.0.1:$port/sparql?query=ASK%7B%7D" >/dev/null 2>&1 && break
  sleep 0.5
done

# The gold of one half of dev: its doc lines and fact lines.
half() {
  python3 - "$1" "$shared/dev/gold.jsonl" eval/dev_split.tsv <<'PY'
import json, sys
half, gold, split = sys.argv[1:]
docs = {line.split("\t")[1].strip() for line in open(split) if line.startswith(half + "\t")}
for line in open(gold):
    if json.loads(line)["doc"] in docs:
        print(line, end="")
PY
}
cp "$shared/gold/seeds.jsonl" "$work/seeds.jsonl"
cp "$shared/gold/corpus.jsonl" "$work/corpus.jsonl"
cat "$shared/dev/gold.jsonl" "$shared/gold/corpus.jsonl" >"$work/dev+corpus.jsonl"
half tune >"$work/tune.jsonl"
half held >"$work/held.jsonl"
for set in $fresh_sets $sealed_sets; do cp "eval/$set/gold.jsonl" "$work/$set.jsonl"; done

for set in seeds dev+corpus corpus tune held $fresh_sets $sealed_sets; do
  flags=""
  [ "$set" = "$verbose" ] && flags="-v"
  python3 "$shared/eval/score.py" --endpoint "http://127.0.0.1:$port/sparql" --queries queries \
    --gold "$work/$set.jsonl" $flags >"$work/$set.txt"
  [ -n "$flags" ] && cat "$work/$set.txt"
  printf '%-11s %s\n' "$set" "$(grep -E '^(role|event|sanction|score)' "$work/$set.txt" | tr '\n' ' ')"
done
