"""Where the documents of membership applications are stored: outside MEDIA_ROOT and with no URL.

The files (the mayor's form, the plenary approval) are private. They live under
``settings.PRIVATE_MEDIA_ROOT``, which no URL pattern serves (not even the DEBUG media view); the back
office hands them out after a permission check (``members.views.backoffice.application_document``).
"""

import os

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.utils.functional import cached_property


class PrivateFileSystemStorage(FileSystemStorage):
    """A file system storage rooted at ``settings.PRIVATE_MEDIA_ROOT`` (read when first used)."""

    @cached_property
    def base_location(self):
        return self._value_or_setting(self._location, settings.PRIVATE_MEDIA_ROOT)

    @cached_property
    def location(self):
        return os.path.abspath(self.base_location)

    def _clear_cached_properties(self, setting, **kwargs):
        super()._clear_cached_properties(setting, **kwargs)
        if setting == "PRIVATE_MEDIA_ROOT":
            self.__dict__.pop("base_location", None)
            self.__dict__.pop("location", None)

    def url(self, name):
        raise ValueError("Private files have no URL: serve them through a view that checks permissions.")


_private_storage = PrivateFileSystemStorage()


def private_storage() -> PrivateFileSystemStorage:
    """The storage of application documents (a callable, so migrations name it instead of its settings)."""
    return _private_storage
