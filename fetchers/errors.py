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


class NotAnArticle(FetchError):
    """The address answered, but with nothing reader mode can show: a PDF, an image, a
    video, a login wall, or a page whose main text came out empty."""

    def __init__(self, message: str, url: str, kind: str) -> None:
        super().__init__(message)
        self.url = url
        """The address, so the UI can offer to open or copy it instead."""
        self.kind = kind
        """`pdf`, `image`, `video`, `audio`, `login`, `empty` or `other`."""
