"""Named errors. Each message gives the value, the cause and the fix; the CLI maps them to exit codes."""

from __future__ import annotations


class AccordsError(Exception):
    """Base class for every error accords raises on purpose."""

    exit_code = 1


class InputError(AccordsError):
    """The input cannot be read or is not a usable document (empty, binary, too large, unreachable)."""

    exit_code = 2


class FetchError(InputError):
    """A URL could not be fetched (timeout, HTTP error, too large, too many redirects)."""

    exit_code = 3


class ModelNotFound(AccordsError):
    """The spaCy pipeline named in the settings is not installed or lacks a needed component."""

    exit_code = 4


class DocTimeout(AccordsError):
    """One document took longer than ``doc_timeout``; a corpus run records it as ``timeout`` and goes on."""


class StoreError(AccordsError):
    """The store cannot be opened or written."""

    exit_code = 5


EXIT_CODES = {
    0: "success",
    1: "unexpected error (a bug: please report it)",
    2: "bad input: empty, binary, too large or unreadable",
    3: "a URL could not be fetched (timeout, HTTP error, size limit)",
    4: "the spaCy model is missing or unusable",
    5: "the store cannot be opened or written",
}
