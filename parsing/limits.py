"""Size limits that keep every parsing pass bounded, in one place."""

from __future__ import annotations

MAX_FILE_BYTES = 128 * 1024 * 1024  # no saved page is larger
MAX_TEXT_BYTES = 32 * 1024 * 1024  # a text copy
MAX_HTML_BYTES = 32 * 1024 * 1024  # HTML after decoding (lexbor needs about 16 times this in memory)
MAX_LINE_CHARS = 20_000  # no paragraph is longer; longer lines are cut so later passes stay cheap
