"""`revmentor archive`, and what `unarchive` shares with it."""

from __future__ import annotations

from revmentor.cli._common import pairing_argument
from revmentor.cli._help import Command, commands

app = commands()


@app.command(cls=Command)
def archive(pairing: str = pairing_argument("The pairing to archive.", required=True)) -> None:
    """Hide a pairing from `list` and `status`, keeping everything in it.

    An archived pairing still opens by name (`show`, `status PAIRING`, `export`);
    `revmentor list --all` lists it, and `revmentor unarchive PAIRING` brings it back.

    Example: revmentor archive helen-sam
    """
    set_archived(pairing, archive=True)


def set_archived(pairing: str, *, archive: bool) -> None:
    from revmentor import clock
    from revmentor.cli._common import pick_pairing, store
    from revmentor.views.console import out
    from revmentor.views.text import esc

    st = store()
    slug = pick_pairing(st, pairing, command="revmentor archive", ask=False)
    st.read(slug)  # a file that does not read is reported before anything is locked
    with st.update(slug, allow_concluded=True) as p:
        was = p.archived
        if archive and was is None:
            p.archived = clock.today()
        elif not archive:
            p.archived = None
    name = esc(slug)
    if archive:
        out().print(
            f"'{name}' was already archived on {was}." if was else
            f"Archived '{name}': `revmentor list --all` shows it; "
            f"`revmentor unarchive {name}` brings it back."
        )
    else:
        out().print(f"Unarchived '{name}'." if was else f"'{name}' is not archived.")
