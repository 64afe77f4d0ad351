"""The kg web app: SPARQL endpoint at /sparql, entity pages at /.

`python server.py` serves the store named by KG_STORE on KG_HOST:KG_PORT with
the production WSGI server, the same as `kg serve`.
"""

from __future__ import annotations

import sys

from kg.cli import serve
from kg.settings import settings_from_env
from kg.web.app import create_app

__all__ = ["create_app"]


def main() -> int:
    """Serve the store named by the environment, like `kg serve`."""
    return serve(settings_from_env())


if __name__ == "__main__":
    sys.exit(main())
