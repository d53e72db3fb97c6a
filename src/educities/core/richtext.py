"""Rich text written by members (case studies, descriptions): sanitised on the way in, re-sanitised on output.

The allow-list is small on purpose: what a municipal technician needs to structure a case study (paragraphs,
headings, lists, quotes, simple tables, links) and nothing that can run code or restyle the page. Everything
else is stripped and its text kept, except the content of elements that hold code or markup that is not
text (``script``, ``style``, ``svg``, ``math``, ``iframe``...), which is removed entirely.
"""

import re
from html import unescape as html_unescape

import nh3
from django import forms
from django.core.exceptions import ValidationError
from django.utils.formats import number_format
from django.utils.translation import gettext as _

# The longest sanitised text a field may hold (a long case study is about 30 000 characters of HTML).
RICHTEXT_MAX_CHARS = 100_000

RICHTEXT_TAGS = frozenset(
    {
        "p",
        "br",
        "strong",
        "em",
        "b",
        "i",
        "u",
        "ul",
        "ol",
        "li",
        "blockquote",
        "h2",
        "h3",
        "h4",
        "a",
        "table",
        "thead",
        "tbody",
        "tr",
        "th",
        "td",
        "abbr",
        "sub",
        "sup",
    }
)
RICHTEXT_ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}}
# Attributes allowed with a fixed set of values only.
RICHTEXT_ATTRIBUTE_VALUES = {"th": {"scope": {"row", "col", "rowgroup", "colgroup"}}}
RICHTEXT_URL_SCHEMES = frozenset({"http", "https", "mailto"})
RICHTEXT_LINK_REL = "noopener noreferrer nofollow"
# Elements removed with everything inside them: their content is code, or markup that is not prose.
RICHTEXT_DROPPED_WITH_CONTENT = frozenset(
    {
        "script",
        "style",
        "template",
        "iframe",
        "frame",
        "frameset",
        "object",
        "embed",
        "applet",
        "noscript",
        "noembed",
        "noframes",
        "xmp",
        "svg",
        "math",
        "title",
        "select",
        "textarea",
    }
)

_CLEANER = nh3.Cleaner(
    tags=set(RICHTEXT_TAGS),
    clean_content_tags=set(RICHTEXT_DROPPED_WITH_CONTENT),
    attributes={tag: set(names) for tag, names in RICHTEXT_ATTRIBUTES.items()},
    tag_attribute_values={
        tag: {name: set(values) for name, values in attrs.items()}
        for tag, attrs in RICHTEXT_ATTRIBUTE_VALUES.items()
    },
    strip_comments=True,
    link_rel=RICHTEXT_LINK_REL,
    url_schemes=set(RICHTEXT_URL_SCHEMES),
    # A relative link means nothing once the text is shown elsewhere (e-mail, API, another site): drop it.
    url_relative="deny",
)

# C0 controls other than tab, line feed and carriage return, and DEL: never meant in prose.
_CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_INLINE = r"(?:strong|em|b|i|u|sub|sup|abbr)"
# A paragraph holding only whitespace, no-break spaces, line breaks and empty inline formatting.
_EMPTY_PARAGRAPH = re.compile(rf"<p>(?:\s|&nbsp;|<br>|<{_INLINE}>|</{_INLINE}>)*</p>")
_TRAILING_SPACES = re.compile(r"[ \t]+\n")
_BLANK_LINES = re.compile(r"\n{3,}")


def _clean(html: str) -> str:
    """Sanitise without the length limit (for output, where refusing is not an option)."""
    if not html:
        return ""
    cleaned = _CLEANER.clean(_CONTROL_CHARACTERS.sub("", str(html)))
    cleaned = _EMPTY_PARAGRAPH.sub("", cleaned)
    cleaned = cleaned.replace("\r\n", "\n").replace("\r", "\n")
    cleaned = _TRAILING_SPACES.sub("\n", cleaned)
    cleaned = _BLANK_LINES.sub("\n\n", cleaned)
    return cleaned.strip()


def richtext_sanitize(html: str) -> str:
    """Return ``html`` reduced to the allow-list; raise ValidationError when the result is too long."""
    cleaned = _clean(html)
    if len(cleaned) > RICHTEXT_MAX_CHARS:
        raise ValidationError(
            _("The text is too long (%(length)s characters). The maximum is %(limit)s characters."),
            code="richtext_too_long",
            params={
                "length": number_format(len(cleaned), force_grouping=True),
                "limit": number_format(RICHTEXT_MAX_CHARS, force_grouping=True),
            },
        )
    return cleaned


# Block and cell boundaries become separator characters that sanitised text cannot contain (control
# characters are removed first), so a boundary is never confused with a line break typed in a paragraph.
_LINE, _CELL = "\x1e", "\x1f"
_BLOCK_TAG = re.compile(r"</?(?:p|blockquote|h2|h3|h4|ul|ol|li|table|thead|tbody|tr)\b[^>]*>|<br\s*/?>", re.I)
_CELL_TAG = re.compile(r"</?(?:td|th)\b[^>]*>", re.I)
_ANY_TAG = re.compile(r"<[^>]*>")
# Runs of whitespace, or any whitespace but a plain space: rewriting every single space costs time.
_WHITESPACE = re.compile(r"\s{2,}|[^\S ]")


def richtext_to_plain(html: str, *, sanitised: bool = False) -> str:
    """The text of ``html`` (sanitised first), for search indexing and translation character counts.

    Blocks are separated by a line break, table cells by a tab; entities are unescaped and runs of
    whitespace inside a block become one space. Regular expressions on the sanitised HTML (whose tags
    are the allow-list's, well formed) rather than a parser: indexing runs this on every text.
    ``sanitised=True`` skips the sanitiser for text that went through it on the way in (stored
    values): its control characters are already gone.
    """
    source = (html or "") if sanitised else _clean(html)
    text = _CELL_TAG.sub(_CELL, _BLOCK_TAG.sub(_LINE, str(source)))
    text = html_unescape(_ANY_TAG.sub("", text))
    lines = []
    for block in text.split(_LINE):
        cells = [_WHITESPACE.sub(" ", cell).strip() for cell in block.split(_CELL)]
        line = "\t".join(cell for cell in cells if cell)
        if line:
            lines.append(line)
    return "\n".join(lines)


class RichTextField(forms.CharField):
    """A text area whose value is sanitised by ``richtext_sanitize`` when the form is cleaned.

    A value that is empty once sanitised (only a script, say) counts as empty for ``required``.
    """

    widget = forms.Textarea

    def __init__(self, **kwargs):
        kwargs.setdefault("strip", True)
        super().__init__(**kwargs)

    def clean(self, value):
        value = super().clean(value)
        if value in self.empty_values:
            return value
        cleaned = richtext_sanitize(value)
        if not cleaned and self.required:
            raise ValidationError(self.error_messages["required"], code="required")
        return cleaned
