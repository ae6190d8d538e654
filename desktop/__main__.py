"""`python -m desktop` is the same as the `market-reader` command."""

import sys

from desktop.app import main

sys.exit(main())
