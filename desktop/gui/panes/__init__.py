"""The main window's panes: page list, quote grid with its chart, market view, article panel."""
