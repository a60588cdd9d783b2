"""The FastAPI app: server-rendered pages and the JSON API behind them, over one :class:`~accords.store.Store`.

Every page ``/x`` has a JSON twin under ``/api/x`` (documented at ``/docs``, schema at ``/openapi.json``).
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.trustedhost import TrustedHostMiddleware

from accords._version import __version__
from accords.web.deps import HERE, TTLCache, WebConfig, is_loopback, templates

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; "
    "base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
# The /docs page is Swagger UI, vendored under static/vendor (no CDN); its one inline start-up script needs
# 'unsafe-inline' on that page only. It shows the API's own schema, never article text.
DOCS_CSP = (
    "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; object-src 'none'; frame-ancestors 'none'"
)


def open_store(db: str) -> Any:
    try:
        from accords.store import Store
    except ImportError:  # the package may not re-export it yet
        from accords.store.core import Store

    return Store(db)


def create_app(
    store: Any = None,
    *,
    db: str | None = None,
    config: WebConfig | None = None,
) -> FastAPI:
    """Build the app over ``store`` (or a Store opened from ``db``). ``config.check()`` runs first."""
    config = config or WebConfig()
    config.check()
    if store is None:
        from accords.config import get_settings

        store = open_store(db or get_settings().db)
    app = FastAPI(
        title="accords",
        version=__version__,
        docs_url=None,
        redoc_url=None,
        description=(
            "Read, check and correct the sourced record of conflict and diplomacy that accords extracts from "
            "news: articles, events (PLOVER), incidents, quotes, actors, dyads, full-text search and reviews. "
            "Each HTML page has a JSON twin here."
        ),
    )
    app.state.store = store
    app.state.config = config
    app.state.cache = TTLCache(config.cache_seconds)
    if is_loopback(config.host):
        # Listening on loopback: refuse other Host headers so a web page cannot reach us by DNS rebinding.
        app.add_middleware(
            TrustedHostMiddleware,
            allowed_hosts=["127.0.0.1", "localhost", "[::1]", "::1", "testserver"],
        )

    @app.middleware("http")
    async def security_headers(request: Request, call_next: Any) -> Any:
        response = await call_next(request)
        path = request.url.path
        response.headers["Content-Security-Policy"] = DOCS_CSP if path == "/docs" else CSP
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "same-origin"
        response.headers["X-Frame-Options"] = "DENY"
        return response

    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")

    from accords.web.routes import ROUTERS

    for router in ROUTERS:
        app.include_router(router)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Any:
        if request.url.path.startswith("/api/") or request.url.path.endswith(".json"):
            return JSONResponse({"detail": exc.detail}, status_code=exc.status_code, headers=exc.headers)
        return templates.TemplateResponse(
            request,
            "error.html",
            {"status": exc.status_code, "detail": exc.detail},
            status_code=exc.status_code,
        )

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return get_swagger_ui_html(
            openapi_url="/openapi.json",
            title="accords API",
            swagger_js_url="/static/vendor/swagger-ui/swagger-ui-bundle.js",
            swagger_css_url="/static/vendor/swagger-ui/swagger-ui.css",
            swagger_favicon_url="/static/favicon.svg",
        )

    @app.get("/healthz", include_in_schema=False)
    def healthz() -> dict[str, str]:
        return {"status": "ok", "version": __version__}

    return app
