"""Command line: ``accords COMMAND``. Each module registers one group of commands on the shared app."""

from __future__ import annotations

import importlib

from accords.cli.app import app

# One module per command group; each registers its commands on `app` when imported.
COMMAND_MODULES = ("extract", "quotes", "events", "corpus", "serve")


def _load() -> None:
    for name in COMMAND_MODULES:
        try:
            importlib.import_module(f"accords.cli.{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"accords.cli.{name}":
                raise


_load()


def main() -> None:
    app()


__all__ = ["app", "main"]
