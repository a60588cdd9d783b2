"""What every route shares: the web settings, the store, templates, and the write guard."""

from __future__ import annotations

import hmac
import ipaddress
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlencode, urlsplit

from fastapi import HTTPException, Request
from fastapi.templating import Jinja2Templates

from accords.errors import AccordsError

HERE = Path(__file__).resolve().parent
templates = Jinja2Templates(directory=str(HERE / "templates"))
# Autoescape is on for .html templates (Starlette's default via select_autoescape); make it explicit.
templates.env.autoescape = True

LOOPBACK_NAMES = {"localhost", "localhost.localdomain", "ip6-localhost"}


class UnsafeServe(AccordsError):
    """Refused to serve: writes would be open to the network without a token."""

    exit_code = 2


def is_loopback(host: str) -> bool:
    """True when ``host`` (a bind address or a name) only reaches this machine."""
    h = host.strip().strip("[]").lower()
    if h in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(h).is_loopback
    except ValueError:
        return False


@dataclass
class WebConfig:
    """How the web app runs. ``host`` is the address the server listens on."""

    host: str = "127.0.0.1"
    token: str | None = None
    writes: bool = True
    page_size: int = 50
    max_page_size: int = 500
    export_limit: int = 100_000
    cache_seconds: float = 30.0  # how long read results are reused; 0 turns the cache off

    @property
    def token_required(self) -> bool:
        """A token is needed for writes whenever one is set, and always beyond loopback."""
        return bool(self.token) or not is_loopback(self.host)

    def check(self) -> None:
        """Refuse a public address with writes enabled and no token."""
        if self.writes and not is_loopback(self.host) and not self.token:
            raise UnsafeServe(
                f"refusing to listen on {self.host} with review writes enabled and no token: set ACCORDS_TOKEN "
                "(or --token), or serve read-only with --read-only, or listen on 127.0.0.1"
            )


class TTLCache:
    """Read results reused for ``seconds`` (the store is read-mostly); cleared on every write through the app.

    Articles ingested by another process appear within ``seconds``. Thread-safe enough for uvicorn's thread pool:
    a race only computes a value twice.
    """

    def __init__(self, seconds: float, size: int = 512) -> None:
        self.seconds = seconds
        self.size = size
        self._data: OrderedDict[Any, tuple[float, Any]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: Any, compute: Callable[[], Any]) -> Any:
        if self.seconds <= 0:
            return compute()
        now = time.monotonic()
        with self._lock:
            hit = self._data.get(key)
            if hit is not None and hit[0] > now:
                self._data.move_to_end(key)
                return hit[1]
        value = compute()
        with self._lock:
            self._data[key] = (now + self.seconds, value)
            self._data.move_to_end(key)
            while len(self._data) > self.size:
                self._data.popitem(last=False)
        return value

    def clear(self) -> None:
        with self._lock:
            self._data.clear()


def cached(request: Request, key: Any, compute: Callable[[], Any]) -> Any:
    cache: TTLCache = request.app.state.cache
    return cache.get(key, compute)


def get_config(request: Request) -> WebConfig:
    cfg: WebConfig = request.app.state.config
    return cfg


def get_store(request: Request) -> Any:
    return request.app.state.store


def _same_origin(request: Request) -> bool:
    """Browsers send Origin (or Referer) on cross-site form posts; refuse those (CSRF)."""
    origin = request.headers.get("origin") or request.headers.get("referer")
    if not origin or origin == "null":
        return origin != "null"
    host = request.headers.get("host", "")
    return urlsplit(origin).netloc == host


def require_write(request: Request, token: str | None = None) -> None:
    """Guard for every write: writes enabled, same origin, and the token when one is needed.

    The token comes as ``Authorization: Bearer TOKEN``, an ``X-Accords-Token`` header, or a ``token`` form field.
    """
    cfg = get_config(request)
    if not cfg.writes:
        raise HTTPException(403, "this server is read-only")
    if not _same_origin(request):
        raise HTTPException(403, "cross-origin write refused")
    if not cfg.token_required:
        return
    given = token or request.headers.get("x-accords-token")
    auth = request.headers.get("authorization", "")
    if not given and auth.lower().startswith("bearer "):
        given = auth[7:].strip()
    if not cfg.token or not given or not hmac.compare_digest(given.encode(), cfg.token.encode()):
        raise HTTPException(401, "a valid token is required for writes (ACCORDS_TOKEN)")


def query_url(request: Request, **changes: Any) -> str:
    """The current URL's query with some parameters changed (None removes one)."""
    params: list[tuple[str, str]] = [
        (k, v) for k, v in request.query_params.multi_items() if k not in changes
    ]
    for k, v in changes.items():
        if v is None or v == "":
            continue
        if isinstance(v, list | tuple):
            params.extend((k, str(x)) for x in v)
        else:
            params.append((k, str(v)))
    qs = urlencode(params)
    return f"{request.url.path}?{qs}" if qs else request.url.path


def wants_json(request: Request) -> bool:
    return request.url.path.endswith(".json")


templates.env.globals["query_url"] = query_url
