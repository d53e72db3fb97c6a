class DomainError(Exception):
    """A request the domain refuses; ``message`` is shown to the user as is (already translated)."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class TransitionNotAllowed(DomainError):
    pass


class PermissionRefused(DomainError):
    pass
