"""Base URLs of the sites' APIs, overridable from the environment (tests, mirrors)."""

from __future__ import annotations

import os

HN_ALGOLIA_DEFAULT = "https://hn.algolia.com/api/v1"
HN_FIREBASE_DEFAULT = "https://hacker-news.firebaseio.com/v0"
LOBSTERS_DEFAULT = "https://lobste.rs"


def hn_algolia_url() -> str:
    """Base of the HN Algolia API (`THREADREADER_HN_ALGOLIA_URL`)."""
    return os.environ.get("THREADREADER_HN_ALGOLIA_URL", HN_ALGOLIA_DEFAULT).rstrip("/")


def hn_firebase_url() -> str:
    """Base of the HN Firebase API (`THREADREADER_HN_FIREBASE_URL`)."""
    return os.environ.get("THREADREADER_HN_FIREBASE_URL", HN_FIREBASE_DEFAULT).rstrip("/")


def lobsters_url() -> str:
    """Base of the Lobsters site (`THREADREADER_LOBSTERS_URL`)."""
    return os.environ.get("THREADREADER_LOBSTERS_URL", LOBSTERS_DEFAULT).rstrip("/")
