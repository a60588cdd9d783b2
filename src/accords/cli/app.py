"""The Typer app shared by every command module, and the one place errors become exit codes."""

from __future__ import annotations

import sys
from collections.abc import Callable
from functools import wraps
from typing import Annotated, Any, TypeVar

import typer
from rich.console import Console

from accords.errors import EXIT_CODES, AccordsError

_codes = "\n".join(f"  {code}  {what}" for code, what in EXIT_CODES.items())
app = typer.Typer(
    name="accords",
    help=(
        "News reports of conflict and diplomacy turned into a sourced record: article, entities, quotes and "
        f"PLOVER events, each tied to the sentence it came from.\n\nExit codes:\n\n{_codes}"
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
console = Console()
err_console = Console(stderr=True)

F = TypeVar("F", bound=Callable[..., Any])

# Options that several commands share, declared once so their names and help stay the same everywhere.
ModelOption = Annotated[
    str | None, typer.Option("--model", help="spaCy pipeline to use (env ACCORDS_MODEL).")
]
ActorsOption = Annotated[
    str | None, typer.Option("--actors", help="Extra actor dictionary (YAML) merged over the starter one.")
]
DbOption = Annotated[
    str | None, typer.Option("--db", help="Query a corpus store instead of reading a page (env ACCORDS_DB).")
]
PageArgument = Annotated[
    str | None, typer.Argument(help="An HTML or text file, a URL, or '-' for stdin; none with --db.")
]


def fail(message: str, code: int = 1) -> None:
    """Print a one-line error and exit with ``code``."""
    err_console.print(f"[bold red]Error:[/] {message}", highlight=False, soft_wrap=True)
    raise typer.Exit(code)


def handle_errors(fn: F) -> F:
    """Turn AccordsError into a one-line message and its exit code; anything else is a bug (exit 1)."""

    @wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except AccordsError as exc:
            fail(str(exc), exc.exit_code)
        except KeyboardInterrupt:
            fail("interrupted", 130)
        except (typer.Exit, typer.Abort, SystemExit):
            raise
        except Exception as exc:  # noqa: BLE001 - the edge: no traceback reaches a user
            if "--debug" in sys.argv:
                raise
            fail(f"unexpected {type(exc).__name__}: {exc} (a bug: please report it)", 1)
        return None

    return wrapper  # type: ignore[return-value]
