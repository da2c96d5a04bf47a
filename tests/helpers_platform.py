"""Running the suite as on a system without the POSIX-only calls (Windows, mostly).

CI here is Linux. With REVMENTOR_TEST_NO_POSIX=1 the test run hides from revmentor's
file code what Windows lacks: `os.fchmod`, `os.O_NONBLOCK`, `O_NOFOLLOW`, `O_DIRECTORY`,
opening a folder to flush it, and its own platform switch says "not POSIX". Libraries
keep the real `os` (filelock's Windows lock is filelock's to test); that revmentor itself
imports no POSIX-only module is checked apart, in a process where none can be imported.
"""

from __future__ import annotations

import os
import sys
import types
from typing import Any

import pytest

ENV = "REVMENTOR_TEST_NO_POSIX"
ACTIVE = os.environ.get(ENV) == "1"
# What revmentor itself must do without; the tests' own helpers may use the rest.
HIDDEN_MODULES = ("fcntl",)
POSIX_ONLY_MODULES = ("fcntl", "termios", "tty", "pty", "pwd", "grp", "resource")
HIDDEN_OS = ("fchmod", "O_NONBLOCK", "O_NOFOLLOW", "O_DIRECTORY")


def hide_modules(names: tuple[str, ...] = HIDDEN_MODULES) -> None:
    """Make POSIX-only modules unimportable: to be done before anything imports them."""
    for name in names:
        sys.modules[name] = None  # type: ignore[assignment]


class WindowsLikeOs(types.ModuleType):
    """The `os` module less what Windows lacks, and with its refusal to open a folder."""

    def __init__(self) -> None:
        super().__init__("os")

    def __getattr__(self, name: str) -> Any:
        if name in HIDDEN_OS:
            raise AttributeError(f"module 'os' has no attribute '{name}'")
        return getattr(os, name)

    @staticmethod
    def open(path: Any, flags: int, *args: Any, **kwargs: Any) -> int:
        if os.path.isdir(path):
            raise PermissionError(13, "Permission denied", str(path))
        return os.open(path, flags, *args, **kwargs)


def hide_calls(monkeypatch: pytest.MonkeyPatch) -> None:
    import revmentor.files as files

    monkeypatch.setattr(files, "os", WindowsLikeOs())
    monkeypatch.setattr(files, "POSIX", False)
