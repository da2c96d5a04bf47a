"""The small styled-text writer behind `revmentor status`: wrapping, widths and styles.

rich draws every other view, so rich is the reference: lines break where rich breaks
them, and styles reach the terminal only where rich would send them.
"""

from __future__ import annotations

import io

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from revmentor.views.styled import Screen, Styled, cells, terminal_width, wrap

# Letters and symbols whose width this module and rich agree on: Latin, Greek, Cyrillic,
# combining accents, CJK, kana, Hangul, emoji, punctuation, and spaces between them.
RANGES = [
    (0x20, 0x7E),
    (0xC0, 0x17F),
    (0x391, 0x3C9),
    (0x410, 0x44F),
    (0x300, 0x36F),
    (0x4E00, 0x4EFF),
    (0x3041, 0x3096),
    (0xAC00, 0xAD00),
    (0x1F300, 0x1F64F),
    (0x2010, 0x2027),
]
CHARS = st.one_of(*[st.integers(low, high).map(chr) for low, high in RANGES])
TEXTS = st.text(st.one_of(CHARS, st.sampled_from(" \n\t")), max_size=200)
# Emoji sequences: joined by U+200D, or common symbols widened by U+FE0F.
JOINED = st.lists(
    st.one_of(CHARS, st.sampled_from(["\u200d", "\u2764\ufe0f", "\u2600\ufe0f", "\xad"]))
).map("".join)


def rich_lines(text: str, width: int) -> list[str]:
    from rich.console import Console
    from rich.text import Text

    console = Console(file=io.StringIO(), width=200, _environ={})
    return [line.plain.rstrip() for line in Text(text).wrap(console, width)]


@settings(max_examples=300, deadline=None)
@given(TEXTS, st.integers(2, 60))
def test_lines_break_where_rich_breaks_them(text: str, width: int) -> None:
    # (At a width of 1 rich drops a wide character; here it overflows instead.)
    assert [line.plain for line in wrap(Styled(text), width)] == rich_lines(text, width)


@settings(max_examples=200, deadline=None)
@given(st.one_of(st.text(CHARS, max_size=40), JOINED))
def test_widths_agree_with_rich(text: str) -> None:
    from rich.cells import cell_len

    assert cells(text) == cell_len(text)


def test_wide_and_combining_characters() -> None:
    assert cells("abc") == 3
    assert cells("漢字") == 4
    assert cells("é") == 1  # e and a combining accent
    assert cells("👩\u200d💻") == 2  # one glyph made of two emoji
    assert cells("❤\ufe0f") == 2  # a symbol drawn as an emoji


def test_tabs_stop_every_eight_cells_from_the_start_of_the_line() -> None:
    text = Styled("ab", "bold").append("c\td\n漢\te")
    assert [line.plain for line in wrap(text, 40)] == ["abc     d", "漢      e"]


def test_wrapping_keeps_each_runs_style() -> None:
    text = Styled("alpha beta ", "bold").append("gamma delta", "red")
    lines = wrap(text, 12)
    assert [line.plain for line in lines] == ["alpha beta", "gamma delta"]
    assert lines[0].runs == [("alpha beta", "bold")]
    assert lines[1].runs == [("gamma delta", "red")]


def test_a_word_longer_than_the_line_is_cut() -> None:
    assert [line.plain for line in wrap(Styled("see https://example.org/a/long/path"), 10)] == [
        "see",
        "https://ex",
        "ample.org/",
        "a/long/pat",
        "h",
    ]


def test_hanging_indent_and_no_trailing_spaces() -> None:
    buf = io.StringIO()
    screen = Screen(buf, width=30, styles=False)
    screen.hanging("• ", Styled("one two three four five six seven eight nine   "), 2)
    screen.hanging(Styled("Label   "), "", 8)
    screen.hanging("• ", "a\n\nb", 2)
    assert buf.getvalue() == (
        "• one two three four five six\n  seven eight nine\nLabel\n• a\n\n  b\n"
    )


def test_styles_become_escape_codes_only_when_styling() -> None:
    line = Styled("due", "bold yellow").append(" (soon)").append("!", "dim")
    styled = Screen(io.StringIO(), width=80, styles=True)
    plain = Screen(io.StringIO(), width=80, styles=False)
    uncoloured = Screen(io.StringIO(), width=80, styles=True, colours=False)
    assert styled.render(line) == "\x1b[1;33mdue\x1b[0m (soon)\x1b[2m!\x1b[0m"
    assert uncoloured.render(line) == "\x1b[1mdue\x1b[0m (soon)\x1b[2m!\x1b[0m"
    assert plain.render(line) == "due (soon)!"


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(
    ("env", "tty", "styles", "colours"),
    [
        ({}, False, False, False),
        ({}, True, True, True),
        ({"NO_COLOR": "1"}, True, True, False),
        ({"TERM": "dumb"}, True, False, False),
        ({"FORCE_COLOR": "1"}, False, True, True),
    ],
    ids=["pipe", "terminal", "NO_COLOR", "dumb terminal", "FORCE_COLOR"],
)
def test_styling_follows_the_environment_as_rich_does(
    monkeypatch: pytest.MonkeyPatch, env: dict[str, str], tty: bool, styles: bool, colours: bool
) -> None:
    from rich.console import Console

    for name in ("NO_COLOR", "FORCE_COLOR", "TERM", "TTY_COMPATIBLE", "TTY_INTERACTIVE"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    stream = FakeTerminal() if tty else io.StringIO()
    screen = Screen(stream, width=80)
    assert (screen.styles, screen.colours) == (styles, colours)
    console = Console(file=FakeTerminal() if tty else io.StringIO(), width=80)
    rich_styles = console.color_system is not None
    assert rich_styles == styles
    assert (rich_styles and not console.no_color) == colours


def test_width_from_columns(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "57")
    assert terminal_width() == 57
    assert Screen(io.StringIO()).width == 57
