"""Getting bytes in: files, URLs, stdin, bytes; size limits, binary sniffing, compression and decoding.

Everything here fails with a one-line :class:`~accords.errors.InputError` (or
:class:`~accords.errors.FetchError` for URLs) that names the input, the cause and the fix.
"""

from __future__ import annotations

import codecs
import gzip
import re
import time
import zlib
from dataclasses import dataclass, field
from pathlib import Path

from accords.config import Settings
from accords.errors import FetchError, InputError

HTML_SUFFIXES = {".html", ".htm", ".xhtml", ".shtml", ".php", ".asp", ".aspx", ".jsp"}
TEXT_SUFFIXES = {".txt", ".text", ".md", ".markdown", ".mdown", ".mkd", ".rst"}
MARKDOWN_SUFFIXES = {".md", ".markdown", ".mdown", ".mkd"}

# File signatures of formats that are certainly not a page or a text.
_MAGIC = (
    (b"%PDF", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"GIF8", "a GIF image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"PK\x03\x04", "a ZIP archive (or a Word/Excel/EPUB file)"),
    (b"\xd0\xcf\x11\xe0", "an old Microsoft Office document"),
    (b"\x7fELF", "an executable"),
    (b"MZ", "a Windows executable"),
    (b"RIFF", "a RIFF media file"),
    (b"\x00\x00\x00", "a binary media file"),
    (b"ID3", "an MP3 file"),
    (b"OggS", "an Ogg media file"),
    (b"Rar!", "a RAR archive"),
    (b"7z\xbc\xaf", "a 7-Zip archive"),
    (b"BZh", "a bzip2 archive"),
    (b"\xfd7zXZ", "an xz archive"),
    (b"SQLite format 3", "an SQLite database"),
)
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_:.\-]+)""",
    re.IGNORECASE,
)
_HEADER_CHARSET = re.compile(r"""charset\s*=\s*["']?([A-Za-z0-9_:.\-]+)""", re.IGNORECASE)
# Per the WHATWG encoding standard, these labels mean windows-1252 in a web page.
_WEB_ALIASES = {"latin_1": "cp1252", "iso8859-1": "cp1252", "ascii": "cp1252", "iso8859_1": "cp1252"}
_URL = re.compile(r"^https?://", re.IGNORECASE)


@dataclass
class Loaded:
    """The raw input of one source, before extraction."""

    data: bytes
    name: str | None = None  # path, URL or '-'
    url: str | None = None  # final URL after redirects, for URLs
    suffix: str = ""  # file or URL path suffix, lower case
    content_type: str | None = None  # HTTP Content-Type (media type only)
    charset: str | None = None  # charset from the HTTP header
    warnings: list[str] = field(default_factory=list)


def is_url(value: str) -> bool:
    return bool(_URL.match(value.strip()))


def _too_large(name: str, size: int, settings: Settings) -> str:
    return (
        f"{name}: {size:,} bytes is over the limit of {settings.max_bytes:,} bytes; "
        "raise it with ACCORDS_MAX_BYTES if this really is one article"
    )


def read_file(path: Path, settings: Settings) -> Loaded:
    name = str(path)
    if not path.exists():
        raise InputError(f"{name}: no such file; check the path, or give a URL or '-' for stdin")
    if path.is_dir():
        raise InputError(f"{name}: is a folder, not a file; give one page (or use 'accords corpus' for many)")
    size = path.stat().st_size
    if size > settings.max_bytes:
        raise InputError(_too_large(name, size, settings))
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{name}: cannot be read ({exc.strerror or exc}); check its permissions") from exc
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] in (".gz", ".gzip") and len(suffixes) > 1:
        suffix = suffixes[-2]
    else:
        suffix = suffixes[-1] if suffixes else ""
    return Loaded(data=data, name=name, suffix=suffix)


def read_stdin(settings: Settings) -> Loaded:
    import sys

    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:  # a text stream (e.g. under a test runner)
        data = sys.stdin.read(settings.max_bytes + 1).encode("utf-8")
    else:
        data = stream.read(settings.max_bytes + 1)
    if len(data) > settings.max_bytes:
        raise InputError(
            f"stdin: more than the limit of {settings.max_bytes:,} bytes; "
            "raise it with ACCORDS_MAX_BYTES if this really is one article"
        )
    return Loaded(data=data, name="-")


def fetch_url(url: str, settings: Settings) -> Loaded:
    """GET ``url`` with a timeout, a size limit enforced while streaming, and bounded redirects."""
    import httpx

    timeout = settings.fetch_timeout
    deadline = time.monotonic() + 3 * timeout  # whole download, against servers that drip bytes
    headers = {
        "User-Agent": settings.user_agent,
        "Accept": "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.5",
    }
    try:
        with (
            httpx.Client(
                follow_redirects=True, max_redirects=settings.max_redirects, timeout=timeout, headers=headers
            ) as client,
            client.stream("GET", url) as resp,
        ):
            if resp.status_code >= 400:
                reason = resp.reason_phrase or "error"
                raise FetchError(f"{url}: HTTP {resp.status_code} {reason}; check the address")
            length = resp.headers.get("content-length")
            if length and length.isdigit() and int(length) > settings.max_bytes:
                raise FetchError(_too_large(url, int(length), settings))
            chunks: list[bytes] = []
            total = 0
            for chunk in resp.iter_raw():
                total += len(chunk)
                if total > settings.max_bytes:
                    raise FetchError(
                        _too_large(url, total, settings).replace(f"{total:,} bytes is", "the page is")
                    )
                if time.monotonic() > deadline:
                    raise FetchError(f"{url}: download took longer than {3 * timeout:g} s; try again later")
                chunks.append(chunk)
            raw = b"".join(chunks)
            data = _decompress_http(raw, resp.headers.get("content-encoding", ""), url, settings)
            ctype = resp.headers.get("content-type", "")
            m = _HEADER_CHARSET.search(ctype)
            final = str(resp.url)
    except httpx.TimeoutException as exc:
        raise FetchError(
            f"{url}: no answer within {timeout:g} s ({type(exc).__name__}); "
            "try again later or raise ACCORDS_FETCH_TIMEOUT"
        ) from exc
    except httpx.TooManyRedirects as exc:
        raise FetchError(f"{url}: more than {settings.max_redirects} redirects; the site loops") from exc
    except httpx.InvalidURL as exc:
        raise FetchError(f"{url}: not a valid URL ({exc})") from exc
    except httpx.HTTPError as exc:
        raise FetchError(
            f"{url}: cannot be fetched ({type(exc).__name__}: {exc}); check the address"
        ) from exc
    path = final.split("?", 1)[0].split("#", 1)[0]
    last = path.rsplit("/", 1)[-1]
    suffix = ("." + last.rsplit(".", 1)[-1].lower()) if "." in last else ""
    return Loaded(
        data=data,
        name=url,
        url=final,
        suffix=suffix,
        content_type=ctype.split(";", 1)[0].strip().lower() or None,
        charset=m.group(1) if m else None,
    )


def _decompress_http(raw: bytes, encoding: str, url: str, settings: Settings) -> bytes:
    encoding = encoding.strip().lower()
    if encoding in ("gzip", "x-gzip", "deflate"):
        wbits = 31 if "gzip" in encoding else 15
        try:
            dec = zlib.decompressobj(wbits)
            out = dec.decompress(raw, settings.max_bytes + 1)
        except zlib.error as exc:
            raise FetchError(f"{url}: the server sent corrupt {encoding} data") from exc
        if len(out) > settings.max_bytes:
            raise FetchError(
                _too_large(url, len(out), settings).replace(f"{len(out):,} bytes is", "the page is")
            )
        return out
    return raw


def maybe_gunzip(data: bytes, name: str, settings: Settings) -> bytes:
    """Transparently decompress a gzip file (e.g. ``page.html.gz``), within the size limit."""
    if not data.startswith(b"\x1f\x8b"):
        return data
    try:
        with gzip.GzipFile(fileobj=__import__("io").BytesIO(data)) as fh:
            out = fh.read(settings.max_bytes + 1)
    except (OSError, EOFError, zlib.error) as exc:
        raise InputError(f"{name}: a damaged gzip file; decompress it first") from exc
    if len(out) > settings.max_bytes:
        raise InputError(
            _too_large(name, len(out), settings).replace(f"{len(out):,} bytes is", "it decompresses to")
        )
    return out


def bom_encoding(data: bytes) -> str | None:
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return enc
    return None


# Control bytes that text never holds: below TAB, and 14-31 except ESC (27). Deleted in C by bytes.translate.
_CONTROL_BYTES = bytes(b for b in range(32) if b < 9 or (13 < b and b != 27))


def check_binary(data: bytes, name: str) -> None:
    """Raise InputError when ``data`` is evidently not text (a PDF, an image, an archive...)."""
    if bom_encoding(data):
        return
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise InputError(
                f"{name}: looks like {what}, not a web page or text; give an HTML, text or Markdown file"
            )
    head = data[:8192]
    if not head:
        return
    if b"\x00" in head:
        zeros = head.count(b"\x00") / len(head)
        # UTF-16 without a BOM has a zero in every other byte of ASCII text.
        if not (0.3 < zeros < 0.6 and _utf16_guess(head)):
            raise InputError(f"{name}: is a binary file (it contains NUL bytes), not a web page or text")
    control = len(head) - len(head.translate(None, _CONTROL_BYTES))
    if control / len(head) > 0.05:
        raise InputError(f"{name}: is a binary file (many control bytes), not a web page or text")


def _utf16_guess(head: bytes) -> str | None:
    even = head[0::2].count(0)
    odd = head[1::2].count(0)
    if odd > 3 * max(even, 1):
        return "utf-16-le"
    if even > 3 * max(odd, 1):
        return "utf-16-be"
    return None


def _normalise_charset(label: str | None) -> str | None:
    if not label:
        return None
    try:
        name = codecs.lookup(label.strip().strip("\"'")).name
    except LookupError:
        return None
    return _WEB_ALIASES.get(name, name)


def declared_charset(data: bytes) -> str | None:
    """The charset a page declares in its first bytes (``<meta charset>`` or ``http-equiv``)."""
    m = _META_CHARSET.search(data[:4096])
    return _normalise_charset(m.group(1).decode("ascii", "ignore")) if m else None


def _cp1252_fallback(err: UnicodeError) -> tuple[str, int]:
    """Codec error handler: bytes that are not UTF-8 are read as windows-1252 (the usual other half of a
    page pasted together from two encodings)."""
    if not isinstance(err, UnicodeDecodeError):
        raise err
    bad = err.object[err.start : err.end]
    return bytes(bad).decode("cp1252", errors="replace"), err.end


codecs.register_error("accords-cp1252", _cp1252_fallback)


def _mostly_utf8(data: bytes) -> bool:
    """True when valid multi-byte UTF-8 outnumbers the bytes that are not UTF-8: a mixed page, not a legacy one."""
    text = data.decode("utf-8", errors="surrogateescape")
    invalid = sum(1 for ch in text if "\udc80" <= ch <= "\udcff")
    valid = sum(1 for ch in text if ord(ch) > 127) - invalid
    return valid > 0 and valid >= invalid


def decode(data: bytes, *, header_charset: str | None = None, html: bool = True) -> tuple[str, str, bool]:
    """Decode bytes to text. Returns (text, encoding used, whether bytes had to be replaced).

    Order: byte-order mark; valid UTF-8; the charset of the HTTP header or the page's ``<meta>``;
    mostly valid UTF-8 with some windows-1252 (a mixed page); charset detection (charset_normalizer);
    windows-1252 with replacement as the last resort.
    """
    bom = bom_encoding(data)
    if bom:
        return data.decode(bom, errors="replace").lstrip("\ufeff"), bom, False
    if b"\x00" in data[:8192]:
        guess = _utf16_guess(data[:8192])
        if guess:
            return data.decode(guess, errors="replace"), guess, False
    try:
        return data.decode("utf-8"), "utf-8", False
    except UnicodeDecodeError:
        pass
    candidates = [_normalise_charset(header_charset)]
    if html:
        candidates.append(declared_charset(data))
    for enc in candidates:
        if enc and enc not in ("utf-8", "utf_8"):
            try:
                return data.decode(enc), enc, False
            except (UnicodeDecodeError, LookupError):
                continue
    if _mostly_utf8(data):
        return data.decode("utf-8", errors="accords-cp1252"), "utf-8 (with windows-1252 parts)", True
    try:
        from charset_normalizer import from_bytes

        sample = data if len(data) <= 200_000 else data[:100_000] + data[-100_000:]
        best = from_bytes(sample).best()
        if best is not None and best.encoding:
            enc = _WEB_ALIASES.get(best.encoding, best.encoding)
            try:
                return data.decode(enc), enc, False
            except (UnicodeDecodeError, LookupError):
                pass
    except ImportError:  # pragma: no cover - charset_normalizer comes with requests/trafilatura
        pass
    for enc in candidates:
        if enc:
            try:
                return data.decode(enc, errors="replace"), enc, True
            except LookupError:
                continue
    return data.decode("cp1252", errors="replace"), "cp1252", True


_HTML_START = re.compile(
    r"^\s*(<\?xml[^>]*>\s*)?(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body|meta|title)\b", re.I | re.S
)
_TAG = re.compile(
    r"</?(p|div|span|a|br|h[1-6]|article|section|table|li|ul|body|script|style|meta|link)\b[^>]*>", re.I
)


def looks_like_html(text: str, suffix: str = "", content_type: str | None = None) -> bool:
    """Sniff HTML against plain text / Markdown: the content type, the suffix, then the content."""
    if content_type:
        if "html" in content_type or "xml" in content_type:
            return True
        if content_type.startswith("text/plain") or content_type == "text/markdown":
            return False
    if suffix in HTML_SUFFIXES:
        return True
    head = text[:5000]
    if _HTML_START.match(head):
        return True
    if suffix in TEXT_SUFFIXES:
        return False
    tags = len(_TAG.findall(head))
    words = max(1, len(head.split()))
    return tags >= 3 and tags / words > 0.02
