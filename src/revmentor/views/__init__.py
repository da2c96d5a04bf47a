"""Everything that turns pairings into something to read: terminal views and exporters."""
