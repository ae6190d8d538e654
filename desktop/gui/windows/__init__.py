"""Windows opened from the main window: a symbol's history, a comparison, strip changes."""
