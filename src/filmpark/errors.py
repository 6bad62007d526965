"""One error tree for all of filmpark.

Engine code raises these; only the edges (CLI, API, pages, jobs) choose an exit code or an
HTTP status, from the exception's class (see :data:`EXIT_CODES` and :data:`HTTP_STATUS`)::

    FilmparkError                      anything filmpark itself refuses or cannot do
    ├── InputError                     the user's input cannot be used as given  (exit 2, HTTP 400/422)
    │   ├── ScreenplayError            a screenplay file cannot be read at all (file + cause)
    │   ├── ConfigError                a production config is malformed (key + line)
    │   └── ValidationError            a value is out of range or of the wrong kind (field)
    ├── Infeasible                     hard rules that cannot all hold; carries the conflicting
    │                                  rules in words                             (exit 3, HTTP 422)
    ├── NotFound                       no such object, or not visible to you      (exit 4, HTTP 404)
    ├── PermissionDenied               visible, but not allowed for your role     (exit 5, HTTP 403)
    ├── AuthenticationError            not signed in, wrong password, expired     (exit 5, HTTP 401)
    ├── Conflict                       a stale version, a double booking, a duplicate (exit 6, HTTP 409)
    ├── RateLimited                    too many attempts                          (exit 6, HTTP 429)
    └── ExternalServiceError           an outside service (AI endpoint, broker) failed (exit 7, HTTP 502)

Every error has a one-line, user-facing ``str()`` that names the cause; none of them carries
a traceback to the user. The message is a :class:`~filmpark.text.Text`: its ``str()`` is
English, and :meth:`FilmparkError.localized` renders it in the reader's language (``"vi"``),
which is what every edge shows.
"""

from __future__ import annotations

from collections.abc import Sequence

from filmpark.text import Text, compose, join, localize, t


class FilmparkError(Exception):
    """Base of every error filmpark raises on purpose."""

    def __init__(self, message: Text) -> None:
        super().__init__(message)
        self.message: Text = message

    def __str__(self) -> str:
        return self.message

    def localized(self, lang: str) -> str:
        """The one-line message in ``lang`` (``"en"`` or ``"vi"``)."""
        return localize(self.message, lang)


class InputError(FilmparkError):
    """The user's input (file, config, request body) cannot be used as given."""


class ScreenplayError(InputError):
    """A screenplay file cannot be read at all (binary, empty, truncated, encrypted...)."""

    def __init__(self, source: str, cause: Text) -> None:
        super().__init__(compose("{source}: {cause}", source=source, cause=cause))
        self.source = source
        self.cause = cause


class ConfigError(InputError):
    """A production config is malformed: names the key and, where known, the line."""

    def __init__(
        self, message: Text, *, key: str | None = None, line: int | None = None, source: str = ""
    ) -> None:
        where = ":".join(part for part in (source, str(line) if line else "") if part)
        template = ("{where}: " if where else "") + ("'{key}': " if key else "") + "{detail}"
        super().__init__(compose(template, where=where, key=key, detail=message))
        self.detail = message
        self.key = key
        self.line = line
        self.source = source


class ValidationError(InputError):
    """A value is out of range or of the wrong kind."""

    def __init__(self, field: str, message: Text) -> None:
        super().__init__(compose("{field}: {detail}", field=field, detail=message))
        self.field = field
        self.detail = message


class Infeasible(FilmparkError):
    """Hard rules that cannot all hold at once; ``reasons`` states each conflicting rule."""

    def __init__(self, reasons: Sequence[Text], message: Text | None = None) -> None:
        self.reasons: tuple[Text, ...] = tuple(reasons)
        text = message or t("schedule.infeasible", reasons=join("; ", self.reasons))
        super().__init__(text)

    def localized_reasons(self, lang: str) -> list[str]:
        """Each conflicting rule in ``lang``."""
        return [localize(reason, lang) for reason in self.reasons]


class NotFound(FilmparkError):
    """No such object, or one the caller may not know exists."""


class PermissionDenied(FilmparkError):
    """The object is visible to the caller, but their role does not allow this."""


class AuthenticationError(FilmparkError):
    """Not signed in, a wrong password, or an expired token."""


class Conflict(FilmparkError):
    """A stale version, a double booking or a duplicate."""


class RateLimited(FilmparkError):
    """Too many attempts in too short a time."""


class ExternalServiceError(FilmparkError):
    """An outside service (AI endpoint, broker, database) failed or did not answer."""


EXIT_CODES: dict[type[FilmparkError], int] = {
    InputError: 2,
    Infeasible: 3,
    NotFound: 4,
    PermissionDenied: 5,
    AuthenticationError: 5,
    Conflict: 6,
    RateLimited: 6,
    ExternalServiceError: 7,
}

HTTP_STATUS: dict[type[FilmparkError], int] = {
    InputError: 422,
    Infeasible: 422,
    NotFound: 404,
    PermissionDenied: 403,
    AuthenticationError: 401,
    Conflict: 409,
    RateLimited: 429,
    ExternalServiceError: 502,
}


def _lookup(table: dict[type[FilmparkError], int], error: FilmparkError, default: int) -> int:
    for cls in type(error).__mro__:
        if cls in table:
            return table[cls]
    return default


def exit_code(error: FilmparkError) -> int:
    """The process exit code for ``error`` (1 when no more specific code applies)."""
    return _lookup(EXIT_CODES, error, 1)


def http_status(error: FilmparkError) -> int:
    """The HTTP status for ``error`` (500 only for an unclassified FilmparkError)."""
    return _lookup(HTTP_STATUS, error, 500)
