"""Interactive flows: sequences of questions that produce the same data the flags do."""
