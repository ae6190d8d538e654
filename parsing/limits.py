"""Size limits that keep every parsing pass bounded, in one place."""

from __future__ import annotations

MAX_FILE_BYTES = 128 * 1024 * 1024  # no saved page is larger
MAX_TEXT_BYTES = 32 * 1024 * 1024  # a text copy
MAX_HTML_BYTES = 32 * 1024 * 1024  # HTML after decoding (lexbor needs about 16 times this in memory)
MAX_LINE_CHARS = 20_000  # no paragraph is longer; longer lines are cut so later passes stay cheap
MAX_RESOURCE_BYTES = 10 * 1024 * 1024  # one image of a page (NAME_files/, a data: URI, a zip member, a WARC record)

# Files that hold several pages or resources (zip, WACZ, WARC, Safari web archive), checked before anything is
# decompressed. Real saved pages stay far below these.
MAX_ZIP_MEMBERS = 10_000
MAX_ZIP_TOTAL_BYTES = 512 * 1024 * 1024  # declared uncompressed size of all members together
MAX_ZIP_RATIO = 200  # deflate reaches about 1,032:1 on zeros; pages and images stay below 100:1
ZIP_RATIO_FLOOR = 1024 * 1024  # members smaller than this may have any ratio
MAX_WARC_HEADER = 64 * 1024  # one record's header block
MAX_WARC_BLOCK = 64 * 1024 * 1024  # one record's content is kept only up to this
MAX_WARC_RECORDS = 200_000
MAX_INFLATE_BYTES = 1024 * 1024 * 1024  # all of a .warc.gz inflated...
INFLATE_RATIO = 50  # ...or this many times its size (text WARCs inflate 5-15 times), whichever is smaller,
MIN_INFLATE_BYTES = 64 * 1024 * 1024  # but never less than this
MAX_WEBARCHIVE_RESOURCES = 10_000
MAX_PDF_PAGES = 500  # a printed news page has a handful; a 300-page PDF reads in about 3 s
