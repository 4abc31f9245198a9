"""The dependency locks reproduce: written by uv (scripts/lock.sh) from pyproject.toml,
runtime and development kept apart at the same versions, every package with its
hashes and, where it applies, its platform marker; no package index named anywhere."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.specifiers import SpecifierSet
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[1]
LOCKS = ROOT / "requirements"
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def entries(lock: Path) -> dict[str, tuple[str, str, list[str]]]:
    """name -> (version, marker, hashes) of each requirement in a lock."""
    text = lock.read_text(encoding="utf-8")
    found: dict[str, tuple[str, str, list[str]]] = {}
    for block in re.split(r"\n(?=[A-Za-z0-9])", text):
        first = block.split("\n", 1)[0]
        if first.startswith("#") or not first.strip():
            continue
        match = re.match(r"([A-Za-z0-9_.-]+)==([^ ;\\]+)\s*(?:;\s*([^\\]+))?", first)
        assert match, f"{lock.name}: not a pinned requirement: {first!r}"
        name, version, marker = match.groups()
        hashes = re.findall(r"--hash=sha256:([0-9a-f]{64})", block)
        found[canonicalize_name(name)] = (version, (marker or "").strip(), hashes)
    return found


RUNTIME = entries(LOCKS / "runtime.txt")
DEV = entries(LOCKS / "dev.txt")


def declared(group: list[str]) -> list[Requirement]:
    return [Requirement(r) for r in group]


@pytest.mark.parametrize("lock", ["runtime.txt", "dev.txt"])
def test_every_package_is_pinned_with_hashes(lock):
    packages = entries(LOCKS / lock)
    assert len(packages) >= 10
    assert not [n for n, (_, _, hashes) in packages.items() if not hashes]


@pytest.mark.parametrize("lock", ["runtime.txt", "dev.txt"])
def test_a_lock_names_no_index_or_address(lock):
    text = (LOCKS / lock).read_text(encoding="utf-8")
    assert not re.search(r"https?://|^--?(index-url|extra-index-url|find-links|i|f)\b", text,
                         re.MULTILINE)
    assert "bash scripts/lock.sh" in text.splitlines()[1], "written by scripts/lock.sh"


def test_runtime_lock_holds_what_the_program_declares_and_nothing_for_development():
    for req in declared(PYPROJECT["project"]["dependencies"]):
        version = RUNTIME[canonicalize_name(req.name)][0]
        assert req.specifier.contains(version), (req, version)
    for req in declared(PYPROJECT["project"]["optional-dependencies"]["dev"]):
        assert canonicalize_name(req.name) not in RUNTIME, req.name


def test_development_lock_is_the_runtime_lock_plus_tools_at_the_same_versions():
    for name, (version, marker, _) in RUNTIME.items():
        assert DEV[name][:2] == (version, marker), name
    for req in declared(PYPROJECT["project"]["optional-dependencies"]["dev"]):
        assert req.specifier.contains(DEV[canonicalize_name(req.name)][0]), req


def test_platform_only_dependencies_carry_their_markers():
    # pytest needs colorama on Windows and PyInstaller pefile: a Linux-only freeze
    # would leave them out and the Windows build would fail.
    assert DEV["colorama"][1] == "sys_platform == 'win32'"
    assert DEV["pefile"][1] == "sys_platform == 'win32'"


def test_project_metadata_is_bounded():
    project = PYPROJECT["project"]
    python = SpecifierSet(project["requires-python"])
    assert "3.11" in python and "3.15" not in python     # what PySide6 6.11 supports
    assert isinstance(project["license"], str)           # an SPDX expression
    (backend,) = PYPROJECT["build-system"]["requires"]
    assert len(Requirement(backend).specifier) == 2, "a bounded build backend"
