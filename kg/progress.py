"""A progress bar for long ingests, shown only on a terminal."""

from __future__ import annotations

import sys
from types import TracebackType

from tqdm import tqdm


class ProgressBar:
    """Counts articles with their rate (articles/s) on standard error; silent when not enabled."""

    def __init__(self, enabled: bool) -> None:
        self._bar = (
            tqdm(unit=" articles", file=sys.stderr, dynamic_ncols=True, mininterval=0.25) if enabled else None
        )

    def update(self, source: str, done: int) -> None:
        """Record that `done` articles are finished, the last one read from `source`.

        Redraws at most every quarter second (tqdm's `mininterval`), so a fast skip of
        unchanged articles is not slowed down by the terminal.
        """
        if self._bar is not None and done > self._bar.n:
            self._bar.set_postfix_str(source[-40:], refresh=False)
            self._bar.update(done - self._bar.n)

    def __enter__(self) -> ProgressBar:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        if self._bar is not None:
            self._bar.close()
