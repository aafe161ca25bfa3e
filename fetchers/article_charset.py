"""Bytes of a web page to text, deciding the encoding as browsers do.

Order (the HTML standard's, simplified): a byte-order mark, then the `charset` of the
Content-Type header, then a `<meta charset>` / `http-equiv` declaration near the start,
then `charset_normalizer`'s guess (the detector httpx itself uses), then UTF-8. Bytes that
do not decode become U+FFFD rather than an error.
"""

from __future__ import annotations

import codecs
import re

import charset_normalizer

META_SCAN_BYTES = 4096  # the standard says 1024; real pages put scripts first
_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.I)
_HEADER_CHARSET = re.compile(r"""charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.I)
# Labels that browsers read as another encoding (WHATWG Encoding: latin1 and ascii are
# windows-1252; a UTF-16 meta in an ASCII-compatible document cannot be true).
_BROWSER_ALIASES = {
    "latin1": "cp1252",
    "iso8859-1": "cp1252",
    "ascii": "cp1252",
    "utf-16": "utf-8",
    "utf-16-le": "utf-8",
    "utf-16-be": "utf-8",
}


def _codec(label: str | bytes | None) -> str | None:
    """The Python codec for a charset label, or `None` when it names none."""
    if not label:
        return None
    text = label.decode("ascii", "replace") if isinstance(label, bytes) else label
    try:
        name = codecs.lookup(text.strip()).name
    except LookupError:
        return None
    return _BROWSER_ALIASES.get(name, name)


def header_charset(content_type: str | None) -> str | None:
    """The codec named by a Content-Type header's `charset` parameter."""
    match = _HEADER_CHARSET.search(content_type or "")
    return _codec(match.group(1)) if match else None


def meta_charset(body: bytes) -> str | None:
    """The codec a `<meta>` near the start of the page declares."""
    match = _META_CHARSET.search(body[:META_SCAN_BYTES])
    return _codec(match.group(1)) if match else None


def detect_encoding(body: bytes, content_type: str | None) -> tuple[str, int]:
    """The codec to decode `body` with, and how many leading bytes (a BOM) to skip."""
    for bom, name in _BOMS:
        if body.startswith(bom):
            return name, len(bom)
    declared = header_charset(content_type) or meta_charset(body)
    if declared:
        return declared, 0
    guess = charset_normalizer.from_bytes(body[: 256 * 1024]).best()
    return (_codec(guess.encoding) or "utf-8") if guess else "utf-8", 0


def decode_page(body: bytes, content_type: str | None) -> str:
    """The page as text (see the module docstring for how the encoding is chosen)."""
    encoding, skip = detect_encoding(body, content_type)
    return body[skip:].decode(encoding, errors="replace")
