"""The registry: every address a site recognises names a site the reader can load."""

from __future__ import annotations

import pytest

from fetchers.addresses import recognise
from fetchers.errors import BadTarget
from fetchers.sites import SITE_MODULES, site_named
from tests.test_import_direction import TARGETS


@pytest.mark.parametrize("address", [t for t in TARGETS if "an-article" not in t])
def test_every_recognised_address_names_a_site_that_loads(address: str) -> None:
    target = recognise(address)
    assert target is not None
    site = site_named(target.site)
    assert site.name == target.site and site.fetch is not None


def test_every_registered_site_is_found_by_its_name() -> None:
    for name in SITE_MODULES:
        assert site_named(name).name == name


def test_an_address_of_no_site_is_no_thread_and_an_unknown_site_one_sentence() -> None:
    assert recognise("https://example.org/an-article") is None
    with pytest.raises(BadTarget, match="cannot read 'usenet' threads"):
        site_named("usenet")
