"""A progress bar for long ingests, shown only on a terminal."""

from __future__ import annotations

import os
import sys
from types import TracebackType

from tqdm import tqdm


class ProgressBar:
    """Counts articles with their rate (articles/s) on standard error, and the workers of a Dask cluster;
    silent when not enabled."""

    def __init__(self, enabled: bool) -> None:
        # tqdm hides the bar on a terminal that reports no size (a bare pty, `script` without a terminal).
        sized = enabled and _columns() > 0
        shape = {"dynamic_ncols": True} if sized else {"ncols": 80, "nrows": 24}
        self._bar = tqdm(unit=" articles", file=sys.stderr, mininterval=0.25, **shape) if enabled else None
        self._workers = ""

    def update(self, source: str, done: int) -> None:
        """Record that `done` articles are finished, the last one read from `source`.

        Redraws at most every quarter second (tqdm's `mininterval`), so a fast skip of
        unchanged articles is not slowed down by the terminal.
        """
        if self._bar is not None and done > self._bar.n:
            self._bar.set_postfix_str(f"{self._workers}{source[-40:]}", refresh=False)
            self._bar.update(done - self._bar.n)

    def show_workers(self, workers: int) -> None:
        """Show from now on how many workers parse (those of a Dask cluster, which come and go)."""
        self._workers = f"{workers} workers, "

    def __enter__(self) -> ProgressBar:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        if self._bar is not None:
            self._bar.close()


def _columns() -> int:
    """The width of the terminal on standard error, 0 when unknown."""
    try:
        return os.get_terminal_size(sys.stderr.fileno()).columns
    except (OSError, ValueError):
        return 0
