"""Qt item models over library records: the page list, quote grids and small tables."""
