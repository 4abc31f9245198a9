"""Packaging glue that pyproject.toml cannot express: the top-level ``resources/``
folder (fonts, format profiles, and whatever is added there later) is installed as
the data-only package ``tgdesk.resources`` (its files are listed in pyproject.toml's
package-data), so an installed tgdesk never reads the checkout. Everything else is
configured in pyproject.toml."""

from setuptools import find_packages, setup

setup(
    packages=find_packages(include=["tgdesk*"]) + ["tgdesk.resources"],
    package_dir={"tgdesk.resources": "resources"},
)
