"""What the package declares: a license in SPDX form and its file, the platforms, floors
that CI installs (constraints-floors.txt pins each one), and an sdist that leaves the
repository-only test suite out rather than shipping it broken."""

from __future__ import annotations

import re

import pytest
from packaging.version import Version

from tests.conftest import ROOT

tomllib = pytest.importorskip("tomllib")  # Python 3.11 and later


def project() -> dict[str, object]:
    data: dict[str, object] = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
    return data


def _floors(requirements: list[str]) -> dict[str, str]:
    found = {}
    for line in requirements:
        m = re.match(r"^([A-Za-z0-9_.\-]+)(?:\[[^\]]*\])?>=([0-9][0-9.]*)", line)
        if m:
            found[m.group(1).lower()] = m.group(2)
    return found


def test_the_license_is_spdx_and_shipped() -> None:
    meta = project()
    proj = meta["project"]
    assert isinstance(proj, dict)
    assert proj["license"] == "MIT"
    assert proj["license-files"] == ["LICENSE"]
    assert (ROOT / "LICENSE").read_text("utf-8").startswith("MIT License")
    build = meta["build-system"]
    assert isinstance(build, dict)
    # setuptools reads the SPDX form from 77 on.
    (setuptools,) = [r for r in build["requires"] if r.startswith("setuptools")]
    assert int(setuptools.split(">=")[1].split(".")[0]) >= 77


def test_the_platforms_are_declared() -> None:
    proj = project()["project"]
    assert isinstance(proj, dict)
    systems = {c for c in proj["classifiers"] if c.startswith("Operating System ::")}
    assert systems == {
        "Operating System :: POSIX :: Linux",
        "Operating System :: MacOS",
        "Operating System :: Microsoft :: Windows",
    }


def test_ci_pins_every_declared_floor() -> None:
    proj = project()["project"]
    assert isinstance(proj, dict)
    extras = proj["optional-dependencies"]
    assert isinstance(extras, dict)
    declared = _floors([*proj["dependencies"], *extras["test"]])
    pins = {}
    for line in (ROOT / "constraints-floors.txt").read_text("utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            name, version = line.split("==")
            pins[name.strip().lower()] = version.strip()
    assert set(pins) == set(declared)
    for name, floor in declared.items():
        assert Version(pins[name]) == Version(floor), (name, pins[name], floor)
    assert "-c constraints-floors.txt" in (ROOT / ".ci" / "run").read_text("utf-8")


def test_the_sdist_leaves_the_test_suite_out() -> None:
    manifest = (ROOT / "MANIFEST.in").read_text("utf-8").splitlines()
    assert "prune tests" in manifest
