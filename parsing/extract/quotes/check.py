"""Direction from the sign, word, glyph or class, and the consistency checks; a problem is a flag, never a drop.

When the ways a quote states its direction disagree, the printed sign of the change decides (then the sign of
the percent): the numbers are what the grid sorts and the chart draws, so the arrow and colour follow them, and
the flag says what disagrees. ``OGDC 213.07 Increased By ▲ -13.70 (-6.04%)`` is down, flagged.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from parsing.extract.quotes.figures import Hint, Num
from parsing.model import Direction

_SOURCES = {"word": "the word", "glyph": "the arrow", "class": "the colour class"}  # as the flag names them


class Resolved(NamedTuple):
    """A quote's signed change and percent, its direction, and the disagreements found on the way."""

    change: float
    percent: float | None
    direction: Direction
    problems: tuple[str, ...]


def resolve(change: Num, percent: Num | None, hints: Sequence[Hint], numbers: Direction | None = None) -> Resolved:
    """Sign the change and percent and give the direction.

    A printed sign is the numbers' own statement and wins; a bare change takes the percent's sign, else the
    first hint (word, then glyph, then class), else the direction its numbers allow alone (``numbers``: see
    ``bare_direction``), else up. A zero change is unchanged whatever the glyph or class
    says (sites draw ▼ beside "No Change"); only a word saying up or down is then a problem.
    """
    problems: list[str] = []
    p_value = percent.value if percent is not None else None
    if change.value == 0:
        problems += [f"{_SOURCES[source]} says {said} but the change is zero" for source, said in hints
                     if source == "word" and said != "unchanged"]
        return Resolved(0.0, p_value, "unchanged", tuple(problems))
    p_signed = percent is not None and bool(percent.signed) and percent.value != 0
    if change.signed and percent is not None and p_signed and (change.value > 0) != (percent.value > 0):
        problems.append("the percent's sign disagrees with the change's")
    direction: Direction
    if change.signed:
        direction = "up" if change.value > 0 else "down"
    elif percent is not None and p_signed:
        direction = "up" if percent.value > 0 else "down"
    else:
        direction = next((said for _source, said in hints if said != "unchanged"), numbers or "up")
    c_value = change.value if change.signed else (abs(change.value) if direction == "up" else -abs(change.value))
    if percent is not None and not percent.signed:
        p_value = abs(percent.value) if direction == "up" else -abs(percent.value)
    for source, said in hints:
        if said != direction:
            problems.append(f"{_SOURCES[source]} says {said} but the change is {direction}")
            break
    return Resolved(c_value, p_value, direction, tuple(problems))


_BOTH_WAYS: tuple[tuple[Direction, float], ...] = (("up", 1.0), ("down", -1.0))


def bare_direction(price: Num, change: Num, percent: Num | None, previous: Num | None) -> Direction | None:
    """The one direction in which a change printed without a sign (and a percent without one) agrees with the
    price and the percent or previous close: a page that shows a loss only by colour, copied as text, prints
    ``22.09 1.66 6.99%``, which is 1.66 below 23.75 (6.99%), not above 20.43 (8.13%). None when the numbers fit
    both directions within their rounding (a small change) or neither, or when a sign is printed.

    The other direction must miss by well over its rounding (twice): a percent taken over today's price
    instead of the previous close lies between the two directions' and may just reach the wrong one."""
    if change.signed or change.value == 0 or (percent is not None and percent.signed):
        return None
    if percent is None and previous is None:
        return None
    near: list[tuple[Direction, float]] = [
        (direction, sign) for direction, sign in _BOTH_WAYS
        if numbers_problem(price, change, percent, previous, sign * abs(change.value),
                           None if percent is None else sign * abs(percent.value), _NEAR) is None]
    if len(near) != 1:
        return None
    direction, sign = near[0]
    fits = numbers_problem(price, change, percent, previous, sign * abs(change.value),
                           None if percent is None else sign * abs(percent.value)) is None
    return direction if fits else None


_NEAR = 2.0  # how many times its rounding a direction must miss by to be ruled out


def numbers_problem(price: Num, change: Num, percent: Num | None, previous: Num | None, change_value: float,
                    percent_value: float | None, widen: float = 1.0) -> str | None:
    """Previous close = price − change (or the printed LDCP); percent = change / previous close × 100.

    Each comparison allows the rounding of the printed digits (half a unit of each last digit, carried through
    the division), so a percent printed as ``-4%`` for -4.06 passes and one a tenth off does not. ``widen``
    multiplies the allowance.
    """
    base = price.value - change_value
    if previous is not None:
        slack = (previous.half_unit + change.half_unit + price.half_unit) * widen + 1e-9
        if abs(previous.value + change_value - price.value) > slack:
            return f"the previous close {previous.text} plus the change {change_value:g} is not the price {price.text}"
        base = previous.value
    if base <= 0:
        return "the previous close (price minus change) is not positive"
    if previous is None and base <= price.half_unit + change.half_unit:
        return "the previous close (price minus change) is lost in the rounding"  # ("2024 2023": no base to check)
    if percent is None or percent_value is None:
        return None
    wanted = change_value / base * 100
    slack = (percent.half_unit + 100 * price.value / (base * base) * change.half_unit
             + 100 * abs(change_value) / (base * base) * price.half_unit) * widen + 1e-9
    if abs(wanted - percent_value) > slack:
        return f"the percent ({percent.text}%) does not match price and change ({wanted:.2f}%)"
    return None


def range_problem(price: Num, open_: Num | None, high: Num | None, low: Num | None) -> str | None:
    """The day's range holds the price and the open: low ≤ open, price ≤ high (within the printed rounding)."""
    if high is None or low is None:
        return None
    slack = high.half_unit + low.half_unit + 1e-9
    if low.value > high.value + slack:
        return "the low is above the high"
    for name, num in (("price", price), ("open", open_)):
        if num is not None and not low.value - slack <= num.value <= high.value + slack:
            return f"the {name} {num.text} is outside the day's range {low.text}–{high.text}"
    return None


def computed_percent(price: float, change: float) -> float | None:
    """The percent a page did not print: change / (price − change) × 100, to two decimals (None if undefined)."""
    base = price - change
    return round(change / base * 100, 2) if base > 0 else None
