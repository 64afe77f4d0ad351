"""`python -m kg` runs the same command line as the `kg` script."""

import sys

from kg.cli import main

sys.exit(main())
