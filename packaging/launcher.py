"""Entry script of the bundled application: the same as the `market-reader` command."""

import sys

from desktop.app import main

if __name__ == "__main__":
    sys.exit(main())
