"""The one error the API raises: views turn it into the spec's error list in the requested
format."""


class ApiError(Exception):
    """An Open311 error: HTTP status (400, 403, 404, 429...) and a description safe to show."""

    def __init__(self, status: int, description: str):
        super().__init__(description)
        self.status = status
        self.description = description
