"""Key sequences for driving prompts in a pseudo-terminal."""

UP = "\x1b[A"
DOWN = "\x1b[B"
ENTER = "\r"
SPACE = " "
CTRL_C = "\x03"
BACKSPACE = "\x7f"
