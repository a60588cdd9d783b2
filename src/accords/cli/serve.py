"""``accords serve``: the web UI and JSON API over a store."""

from __future__ import annotations

from typing import Annotated

import typer

from accords.cli.app import app, console, handle_errors


@app.command()
@handle_errors
def serve(
    db: Annotated[
        str | None, typer.Option("--db", help="Store: SQLite path or postgresql:// URL (env ACCORDS_DB).")
    ] = None,
    host: Annotated[
        str, typer.Option("--host", help="Address to listen on. Beyond loopback, writes need a token.")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="Port to listen on.")] = 8000,
    token: Annotated[
        str | None,
        typer.Option(
            "--token", help="Token required for review writes (env ACCORDS_TOKEN).", envvar="ACCORDS_TOKEN"
        ),
    ] = None,
    read_only: Annotated[bool, typer.Option("--read-only", help="Disable review writes.")] = False,
) -> None:
    """Serve the web UI and JSON API: read, check and correct the record in a browser.

    Example: accords serve --db accords.db   (then open http://127.0.0.1:8000; API docs at /docs)
    """
    import uvicorn

    from accords.config import get_settings
    from accords.web.app import create_app
    from accords.web.deps import WebConfig

    settings = get_settings(db=db)
    config = WebConfig(host=host, token=token or settings.token, writes=not read_only)
    config.check()  # refuse a public address with writes and no token, before opening anything
    web = create_app(db=settings.db, config=config)
    shown = f"[{host}]" if ":" in host else host
    console.print(
        f"accords serving [bold]{settings.db}[/] on http://{shown}:{port}  "
        f"(writes: {'off' if read_only else 'token required' if config.token_required else 'on, loopback only'}; "
        f"API docs at /docs)"
    )
    uvicorn.run(web, host=host, port=port, log_level="warning", proxy_headers=False)
