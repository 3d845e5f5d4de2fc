"""Domain errors: services raise them, views turn them into clear messages or 4xx answers."""


class DomainError(Exception):
    """A rule of the domain refused the operation; `message` is safe to show to the user."""

    code = "invalid"

    def __init__(self, message: str, *, field: str | None = None):
        super().__init__(message)
        self.message = message
        self.field = field


class ValidationFailed(DomainError):
    """Input was bad; `errors` maps field names to messages. Nothing was written."""

    code = "validation_failed"

    def __init__(self, errors: dict[str, str]):
        self.errors = errors
        super().__init__("; ".join(f"{k}: {v}" for k, v in errors.items()))


class NotFound(DomainError):
    """The record does not exist (or is not the caller's to know about)."""

    code = "not_found"


class PermissionRefused(DomainError):
    code = "forbidden"


class TransitionRefused(DomainError):
    code = "transition_refused"


class ConcurrentChange(DomainError):
    """Someone else changed the record since the user loaded it (optimistic lock)."""

    code = "conflict"
