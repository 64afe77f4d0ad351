"""The kg app for granian, to compare WSGI servers (bench/request_cost.py --http); settings from the environment.

    KG_STORE=/tmp/kgb/store-1000000 .venv/bin/granian --interface wsgi --workers 1 --blocking-threads 32 \\
        bench.granian_app:app
"""

from kg.settings import settings_from_env
from kg.web.app import create_app

app = create_app(settings_from_env())
