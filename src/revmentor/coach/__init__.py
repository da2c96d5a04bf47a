"""The coach: pure functions over pairings. No I/O, no prompts, no clock of its own."""
