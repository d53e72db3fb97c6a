"""A small French catalog for tests that check which language a text is rendered in.

The project's compiled catalogs are rebuilt at release time (``compilemessages``), so a test cannot rely
on them holding a recent message: ``french_catalog`` writes its own ``django.mo`` with the messages the
test names and points ``LOCALE_PATHS`` at it (Django clears its translation caches when that setting
changes).
"""

import struct
from pathlib import Path

HEADER = "Content-Type: text/plain; charset=UTF-8\nPlural-Forms: nplurals=2; plural=(n > 1);\n"


def write_mo(path: Path, messages: dict[str, str]) -> None:
    """A GNU gettext ``.mo`` file with ``messages`` ({msgid: msgstr}; "context\\x04msgid" for pgettext)."""
    entries = sorted({"": HEADER, **messages}.items())
    ids = [key.encode() for key, _value in entries]
    strs = [value.encode() for _key, value in entries]
    count = len(entries)
    ids_start = 7 * 4 + 16 * count
    strs_start = ids_start + sum(len(item) + 1 for item in ids)
    offsets, position = [], ids_start
    for item in ids:
        offsets += [len(item), position]
        position += len(item) + 1
    position = strs_start
    for item in strs:
        offsets += [len(item), position]
        position += len(item) + 1
    header = struct.pack("Iiiiiii", 0x950412DE, 0, count, 7 * 4, 7 * 4 + 8 * count, 0, 0)
    table = struct.pack(f"{len(offsets)}i", *offsets)
    body = b"".join(item + b"\0" for item in ids) + b"".join(item + b"\0" for item in strs)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(header + table + body)


def french_catalog(settings, tmp_path: Path, messages: dict[str, str]) -> None:
    write_mo(tmp_path / "locale" / "fr" / "LC_MESSAGES" / "django.mo", messages)
    settings.LOCALE_PATHS = [tmp_path / "locale"]
