"""The Qt window over the library: models, panes, windows, and the one background helper."""
