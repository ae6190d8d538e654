"""The page model's quote: built as a frozen dataclass is, whatever way its fields are given."""

from __future__ import annotations

import dataclasses
import inspect

import pytest

from parsing.model import Quote


def test_quote_takes_the_fields_in_order_with_their_defaults() -> None:
    names = [f.name for f in dataclasses.fields(Quote)]
    assert list(inspect.signature(Quote).parameters) == names
    quote = Quote("HUBC", 120.5, -1.25, -1.03, "down", "stock")
    assert dataclasses.astuple(quote) == ("HUBC", 120.5, -1.25, -1.03, "down", "stock", None, None, None, None, None,
                                          None, None, False)
    assert Quote(symbol="BR - Cement", price=1.0, change=0.5, percent=100.0, direction="up", kind="sector",
                 volume=3, percent_computed=True).volume == 3


def test_quote_is_frozen_and_hashable() -> None:
    quote = Quote("HUBC", 120.5, -1.25, -1.03, "down", "stock")
    with pytest.raises(dataclasses.FrozenInstanceError):
        quote.price = 1.0  # type: ignore[misc]
    assert quote == Quote("HUBC", 120.5, -1.25, -1.03, "down", "stock") and len({quote, quote}) == 1
    with pytest.raises(TypeError):
        Quote("HUBC", 120.5)  # type: ignore[call-arg]
