"""Parsing on a Dask cluster (`kg ingest --cluster`): the only module that imports dask.distributed.

Only parsing and extraction (kg.parsing.extract_chunk) run on the workers. The ingest process sends
them chunks of articles, a bounded number ahead, and takes the extractions back in input order; entity
resolution against the graph and the writes stay in the ingest process (kg.ingest), one article after
another, so the graph is the same on any cluster. Each worker loads the spaCy model once, when it joins
(a worker plugin, also run by a worker that replaces one that died). Dask runs again the task of a
worker that dies.
"""

from __future__ import annotations

import asyncio
import logging
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import ExitStack, contextmanager

from distributed import Client, Future, KilledWorker, LocalCluster, WorkerPlugin
from distributed.worker import Worker

from kg.errors import InvalidInput, KGError
from kg.parsing import Item, Result, extract_chunk, pipeline_for

LOCAL = "local:"  # --cluster local:N starts a LocalCluster of N worker processes
CONNECT_SECONDS = 10  # how long to wait for a scheduler to answer
PLUGIN = "kg-model"


class ModelLoader(WorkerPlugin):
    """Loads the spaCy pipeline into a worker process as the worker starts, once for all its tasks."""

    name = PLUGIN

    def __init__(self, model: str | None) -> None:
        self.model = model

    async def setup(self, worker: Worker) -> None:
        """Load the model in a thread, so the worker keeps answering the scheduler meanwhile."""
        await asyncio.get_running_loop().run_in_executor(None, pipeline_for, self.model)


@contextmanager
def connect(address: str) -> Iterator[Client]:
    """A client of the scheduler at `address` (tcp://host:8786), or of a new LocalCluster for `local:N`.

    Raises:
        InvalidInput: `local:` is not followed by a number of workers of at least 1.
        KGError: no scheduler answers at `address`.
    """
    with ExitStack() as stack:
        if address.startswith(LOCAL):
            count = address[len(LOCAL):]
            if not count.isdigit() or int(count) < 1:
                raise InvalidInput(f"--cluster {address!r}: expected local:N with N worker processes (local:2), or "
                                   "the address of a Dask scheduler (tcp://host:8786).")
            cluster = stack.enter_context(LocalCluster(
                n_workers=int(count), threads_per_worker=1, processes=True, dashboard_address=":0",  # any free port
                silence_logs=logging.ERROR,
            ))
            client = stack.enter_context(Client(cluster))
        else:
            try:
                client = stack.enter_context(Client(address, timeout=CONNECT_SECONDS))
            except (OSError, ValueError) as err:  # TimeoutError is an OSError
                raise KGError(f"Cannot reach the Dask scheduler at {address} ({err}). Start one with "
                              "`dask scheduler` and workers with `dask worker ADDRESS`, or give --cluster local:N "
                              "(or KG_CLUSTER).") from err
        yield client


def workers_and_threads(client: Client) -> tuple[int, int]:
    """The cluster's workers now, and their task threads (0 and 0 while none has joined)."""
    workers = client.scheduler_info(n_workers=-1)["workers"].values()
    return len(workers), sum(int(worker.get("nthreads", 1)) for worker in workers)


def extract_on_cluster(
    chunks: Iterable[list[Item]], client: Client, model: str | None, chunks_in_flight: int,
    on_workers: Callable[[int], None] | None = None,
) -> Iterator[Result]:
    """Extractions of the chunks' items, in input order, parsed by the cluster's workers.

    At most `chunks_in_flight` chunks per worker thread are sent ahead of the one awaited (at least
    that many for one thread while no worker has joined yet); `on_workers` hears the number of workers
    whenever a chunk is sent.

    Raises:
        ModelNotFound: the model cannot be loaded on the workers.
        KGError: the cluster lost the task of a chunk more often than Dask retries it.
    """
    client.register_plugin(ModelLoader(model), name=PLUGIN)  # loads the model on every worker, now and later
    pending: deque[Future] = deque()
    for chunk in chunks:
        pending.append(client.submit(extract_chunk, chunk, model, pure=False))
        workers, threads = workers_and_threads(client)
        if on_workers:
            on_workers(workers)
        while len(pending) >= max(1, threads) * chunks_in_flight:
            yield from _result(pending.popleft())
    while pending:
        yield from _result(pending.popleft())


def _result(future: Future) -> list[Result]:
    """The extractions of one chunk's task, waited for."""
    try:
        results: list[Result] = future.result()
    except KilledWorker as err:
        raise KGError(f"the Dask cluster lost a chunk of articles on every worker it tried ({err}); "
                      "see the workers' logs (out of memory?)") from err
    return results
