"""Text saved with its lines broken at a fixed width, joined back into the lines a copy gives.

Firefox's "Save Page As… Text Files" breaks every line at 80 columns (lynx and w3m dumps and mail clients do the
same at 72–80), so a paragraph arrives as several lines and a headline of more than one line as two. A copy made
with select-all keeps each paragraph on one line; the text-copy reader expects that. A line was broken by the
wrapping exactly when the next line's first word would not have fitted on it, which is what ``unwrap`` tests.
"""

from __future__ import annotations

WIDEST_WRAP = 100  # a text with a longer line (one holding a space) was not wrapped
MIN_BREAKS = 3  # lines ended by the wrapping, at the least, before a text is taken as wrapped
FULL_SHARE = 0.6  # of the lines followed by a line ending in the wrapping: otherwise short lines that happen to be long
_LIST_MARKS = frozenset({"* ", "- ", "• ", "+ ", "o ", "# "})  # a bullet and its space (not "-0.45")


def unwrap(text: str) -> str:
    """``text`` with each run of wrapped lines joined into one line; unchanged when it was not wrapped."""
    lines = text.split("\n")
    width = wrap_width(lines)
    if width is None:
        return text
    joined = [lines[0]]
    for before, line in zip(lines, lines[1:], strict=False):
        if _broken(before, line, width):  # the line as saved, not what it has been joined into
            joined[-1] = joined[-1].rstrip() + " " + line.strip()
        else:
            joined.append(line)
    return "\n".join(joined)


def wrap_width(lines: list[str]) -> int | None:
    """The width ``lines`` were wrapped at, or None when they were not wrapped."""
    # a table's rows (cells apart by tabs) are laid out by the table, not wrapped; a line without a space can overflow
    spaced = [len(line.rstrip()) for line in lines if " " in line.strip() and "\t" not in line]
    if not spaced:
        return None
    width = max(spaced)
    if width > WIDEST_WRAP:
        return None
    long_before_text = 0  # lines in the last quarter of the width with a line of text after them
    breaks = 0
    for line, after in zip(lines, lines[1:], strict=False):
        if len(line.rstrip()) < width * 3 // 4 or not after.strip() or "\t" in line:
            continue
        long_before_text += 1
        breaks += _broken(line, after, width)
    return width if breaks >= MIN_BREAKS and breaks >= FULL_SHARE * long_before_text else None


def _broken(line: str, after: str, width: int) -> bool:
    """Whether the wrapping ended ``line``: the first word of the text line ``after`` would not have fitted."""
    words, head = after.split(), line.rstrip()
    if not words or not head.strip() or "\t" in line or "\t" in after:
        return False
    if after.lstrip()[:2] in _LIST_MARKS or after[:1].isspace() and not line[:1].isspace():
        return False  # a list item or an indented block begins
    return len(head) + 1 + len(words[0]) > width >= len(head)  # a longer line overflowed: nothing broke it
