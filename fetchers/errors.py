"""The fetchers' own errors: each carries one sentence a user can read."""

from __future__ import annotations


class FetchError(Exception):
    """Base of every error a fetcher raises. `str(error)` is the user-facing sentence."""


class NotFound(FetchError):
    """The site says the thing asked for does not exist."""


class Unreachable(FetchError):
    """The site could not be reached (refused, timed out, DNS, TLS...)."""


class BadResponse(FetchError):
    """The site answered with something that is not what its API promises."""


class BadTarget(FetchError):
    """What the user typed is not a thread we know how to open."""
