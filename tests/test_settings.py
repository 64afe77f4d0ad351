"""Settings from the environment: types, booleans, overrides, and the README documents each one."""

from __future__ import annotations

from dataclasses import fields
from pathlib import Path

import pytest

from kg.errors import InvalidInput
from kg.settings import Settings, settings_from_env

README = Path(__file__).resolve().parent.parent / "README.md"


def test_settings_parse_types_and_overrides() -> None:
    settings = settings_from_env({"KG_PORT": "8080", "KG_QUERY_TIMEOUT": "2.5", "KG_STORE": "x"}, store="y")
    assert (settings.port, settings.query_timeout, settings.store) == (8080, 2.5, "y")


@pytest.mark.parametrize(("raw", "value"), [("1", True), ("yes", True), ("0", False), ("off", False)])
def test_settings_parse_booleans(raw: str, value: bool) -> None:
    assert settings_from_env({"KG_ALLOW_FEDERATION": raw}).allow_federation is value


@pytest.mark.parametrize(("name", "raw"), [("KG_PORT", "eighty"), ("KG_ALLOW_FEDERATION", "maybe")])
def test_settings_reject_bad_values_naming_the_variable(name: str, raw: str) -> None:
    with pytest.raises(InvalidInput, match=name):
        settings_from_env({name: raw})


def test_settings_every_setting_is_in_the_readme() -> None:
    text = README.read_text(encoding="utf-8")
    missing = [f"KG_{f.name.upper()}" for f in fields(Settings) if f"`KG_{f.name.upper()}`" not in text]
    assert missing == []
