import re
from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest
from django import forms
from django.core.exceptions import ValidationError
from django.template import engines

from educities.core.richtext import (
    RICHTEXT_MAX_CHARS,
    RICHTEXT_TAGS,
    RichTextField,
    richtext_sanitize,
    richtext_to_plain,
)

pytestmark = [pytest.mark.unit]

# OWASP XSS filter evasion cheat sheet, PortSwigger's cheat sheet and published mutation-XSS (mXSS) vectors.
XSS_PAYLOADS = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=https://xss.example/xss.js></SCRIPT>",
    '<SCRIPT/XSS SRC="https://xss.example/xss.js"></SCRIPT>',
    '<<SCRIPT>alert("XSS");//<</SCRIPT>',
    "<scr<script>ipt>alert(1)</scr</script>ipt>",
    "<scr\x00ipt>alert(1)</scr\x00ipt>",
    '<IMG """><SCRIPT>alert("XSS")</SCRIPT>"\\>',
    "<IMG SRC=\"javascript:alert('XSS');\">",
    "<IMG SRC=JaVaScRiPt:alert('XSS')>",
    "<img src=x onerror=alert(1)>",
    (
        "<IMG SRC=&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;"
        "&#97;&#108;&#101;&#114;&#116;&#40;&#39;&#88;&#83;&#83;&#39;&#41;>"
    ),
    "<svg onload=alert(1)>",
    "<svg><script>alert(1)</script></svg>",
    '<svg><a xlink:href="javascript:alert(1)"><text x="20" y="20">XSS</text></a></svg>',
    '<math href="javascript:alert(1)">CLICKME</math>',
    '<a href="javascript:alert(1)">x</a>',
    '<a href="JaVaScRiPt&#x3A;alert(1)">x</a>',
    '<a href="  javascript:alert(1)">x</a>',
    '<a href=" &#14; javascript:alert(1)">x</a>',
    '<a href="jav&#x09;ascript:alert(1)">x</a>',
    '<a href="jav&#x0A;ascript:alert(1)">x</a>',
    '<a href="javascript&colon;alert(1)">x</a>',
    '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">x</a>',
    '<a href="javascript://%0aalert(1)">x</a>',
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
    '<a href="data:text/html,<script>alert(1)</script>">x</a>',
    '<a href="vbscript:msgbox(1)">x</a>',
    '<p style="background:url(javascript:alert(1))">x</p>',
    '<div style="width: expression(alert(1));">x</div>',
    "<style>@import 'https://xss.example/x.css';</style><p>x</p>",
    '<iframe src="javascript:alert(1)"></iframe>',
    '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
    '<object data="javascript:alert(1)"></object>',
    '<embed src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+">',
    '<form action="javascript:alert(1)"><input type=submit value=go></form>',
    '<button formaction="javascript:alert(1)">x</button>',
    '<p onclick="alert(1)">x</p>',
    '<a href="https://example.org" onmouseover="alert(1)">x</a>',
    '<a title="&quot; onmouseover=&quot;alert(1)" href="https://example.org">x</a>',
    '<table background="javascript:alert(1)"><tr><td onmouseover=alert(1)>x</td></tr></table>',
    "<abbr title=x onfocus=alert(1) tabindex=1 autofocus>x</abbr>",
    '<h2 style="position:fixed;top:0;left:0;width:100%;height:100%">overlay</h2>',
    '<BODY onload!#$%&()*~+-_.,:;?@[/|\\]^`=alert("XSS")>',
    '<!--<img src="--><img src=x onerror=alert(1)//">',
    "<![CDATA[<script>alert(1)</script>]]>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    '<svg></p><style><a id="</style><img src=1 onerror=alert(1)>">',
    '<math><mi><mglyph><svg><mtext><textarea><path id="</textarea><img onerror=alert(1) src=1>">',
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
    "<form><math><mtext></form><form><mglyph><style></math><img src onerror=alert(1)>",
    '<META HTTP-EQUIV="refresh" CONTENT="0;url=javascript:alert(1);">',
    '<base href="javascript:alert(1)//">',
    '<link rel="stylesheet" href="javascript:alert(1)">',
    "<details open ontoggle=alert(1)>",
    '<video><source onerror="alert(1)">',
    "<template><script>alert(1)</script></template>",
    '<a href="https://example.org/"><img src=x onerror=alert(1)></a>',
    "<xmp><script>alert(1)</script></xmp>",
    "<isindex type=image src=1 onerror=alert(1)>",
    '<ul><li><a href="javascript:alert(1)" rel="opener" target="_blank">x</a></li></ul>',
]

FORBIDDEN_ELEMENTS = {"script", "iframe", "object", "embed", "form", "style", "svg", "math", "img", "base"}
ALLOWED_ATTRIBUTES = {"a": {"href", "title", "rel"}, "abbr": {"title"}, "th": {"scope"}}


class _Walker(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, attrs))

    handle_startendtag = handle_starttag


def _assert_inert(html: str) -> None:
    walker = _Walker()
    walker.feed(html)
    walker.close()
    assert "<script" not in html.lower()
    for tag, attrs in walker.elements:
        assert tag in RICHTEXT_TAGS
        assert tag not in FORBIDDEN_ELEMENTS
        for name, value in attrs:
            assert not re.match(r"on\w+", name)
            assert name in ALLOWED_ATTRIBUTES.get(tag, set())
            if name == "href":
                scheme = urlsplit(value.strip()).scheme.lower()
                assert scheme in {"http", "https", "mailto"}
                assert not value.lower().lstrip().startswith(("javascript:", "data:", "vbscript:"))
            if name == "rel":
                assert value == "noopener noreferrer nofollow"


def _render(value) -> str:
    return engines["django"].from_string("{% load richtext %}{{ value|richtext }}").render({"value": value})


def test_xss_corpus_is_large_enough():
    assert len(XSS_PAYLOADS) >= 40
    assert len(set(XSS_PAYLOADS)) == len(XSS_PAYLOADS)


@pytest.mark.parametrize(
    "raw",
    [
        "<img src=x onerror=alert(1)>",
        '<a href="javascript:alert(1)">x</a>',
        '<a href="data:text/html,x">x</a>',
        "<p onclick=x>y</p>",
        "<svg></svg>",
        "<math></math>",
        "<form></form>",
        '<a href="https://e.org" rel="opener">x</a>',
    ],
)
def test_inertness_check_catches_unsanitised_markup(raw):
    with pytest.raises(AssertionError):
        _assert_inert(raw)


@pytest.mark.parametrize("payload", XSS_PAYLOADS)
def test_richtext_sanitize_makes_xss_payload_inert(payload):
    cleaned = richtext_sanitize(payload)

    _assert_inert(cleaned)
    # Stable when sanitised again: what the parser made of it does not mutate on a second pass (mXSS).
    assert richtext_sanitize(cleaned) == cleaned


@pytest.mark.parametrize("payload", XSS_PAYLOADS)
def test_richtext_filter_renders_xss_payload_inert(payload):
    rendered = _render(payload)

    _assert_inert(rendered)
    assert rendered == richtext_sanitize(payload)


TABLE_IN = (
    '<table><tr><th scope="col">Year</th><th scope="sideways">Pupils</th></tr>'
    "<tr><td>2024</td><td>1 200</td></tr></table>"
)
TABLE_OUT = (
    '<table><tbody><tr><th scope="col">Year</th><th>Pupils</th></tr>'
    "<tr><td>2024</td><td>1 200</td></tr></tbody></table>"
)
TABLE_HEAD_IN = (
    '<table><thead><tr><th scope="row">A</th></tr></thead>'
    '<tbody><tr><td colspan="2" style="color:red">B</td></tr></tbody></table>'
)
TABLE_HEAD_OUT = (
    '<table><thead><tr><th scope="row">A</th></tr></thead><tbody><tr><td>B</td></tr></tbody></table>'
)
QUOTE = (
    "<blockquote><p>“A city is educating.”</p></blockquote>"
    '<p><abbr title="Educating Cities">IAEC</abbr> CO<sub>2</sub> 10<sup>3</sup></p>'
)
TITLED_LINK = '<a title="&quot; onmouseover=&quot;x" href="https://e.org">x</a>'
TITLED_LINK_OUT = (
    '<a title="&quot; onmouseover=&quot;x" href="https://e.org" rel="noopener noreferrer nofollow">x</a>'
)


@pytest.mark.parametrize(
    ("payload", "expected"),
    [
        ("<script>alert(1)</script>after", "after"),
        ("<style>p{display:none}</style><p>shown</p>", "<p>shown</p>"),
        ("<img src=x onerror=alert(1)>text", "text"),
        ('<a href="javascript:alert(1)">x</a>', '<a rel="noopener noreferrer nofollow">x</a>'),
        ('<p onclick="alert(1)">x</p>', "<p>x</p>"),
        ("<iframe src=https://example.org></iframe><p>x</p>", "<p>x</p>"),
        ("<svg><p>breaks out</p></svg>", "<p>breaks out</p>"),
        (TITLED_LINK, TITLED_LINK_OUT),
    ],
)
def test_richtext_sanitize_exact_output_for_hostile_input(payload, expected):
    assert richtext_sanitize(payload) == expected


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        (
            "<p>Hello <strong>world</strong> and <em>you</em></p>",
            "<p>Hello <strong>world</strong> and <em>you</em></p>",
        ),
        (
            "<ul><li>One</li><li>Two <b>bold</b></li></ul>",
            "<ul><li>One</li><li>Two <b>bold</b></li></ul>",
        ),
        (
            "<ol><li>First<ol><li>Nested</li></ol></li></ol>",
            "<ol><li>First<ol><li>Nested</li></ol></li></ol>",
        ),
        (
            '<a href="https://www.edcities.org/en/" title="IAEC">IAEC</a>',
            '<a href="https://www.edcities.org/en/" title="IAEC" rel="noopener noreferrer nofollow">IAEC</a>',
        ),
        (
            '<a href="http://example.org/?a=1&b=2" target="_blank" rel="opener" class="x">site</a>',
            '<a href="http://example.org/?a=1&amp;b=2" rel="noopener noreferrer nofollow">site</a>',
        ),
        (
            '<a href="mailto:education@example.org">write</a>',
            '<a href="mailto:education@example.org" rel="noopener noreferrer nofollow">write</a>',
        ),
        ('<a href="/en/cities/">relative</a>', '<a rel="noopener noreferrer nofollow">relative</a>'),
        (TABLE_IN, TABLE_OUT),
        (TABLE_HEAD_IN, TABLE_HEAD_OUT),
        (
            "<h1>Title</h1><h2>Context</h2><h3>Goals</h3><h4>Detail</h4><h5>Small</h5>",
            "Title<h2>Context</h2><h3>Goals</h3><h4>Detail</h4>Small",
        ),
        (
            '<p class="MsoNormal" style="margin:0"><span lang="FR" style="font-size:11pt">Texte</span></p>',
            "<p>Texte</p>",
        ),
        (
            "<p></p><p>One</p><p> </p><p><br></p><p>&nbsp;</p><p><strong> </strong></p><p>Two</p>",
            "<p>One</p><p>Two</p>",
        ),
        (QUOTE, QUOTE),
        ("A & B < C > D", "A &amp; B &lt; C &gt; D"),
        ("<div><p>in a div</p></div><span>span</span>", "<p>in a div</p>span"),
        ("  \n<p>x</p>\r\n\r\n\r\n\r\n<p>y</p>   \n", "<p>x</p>\n\n<p>y</p>"),
        ("<p>line<br>break</p>", "<p>line<br>break</p>"),
        ("<p>bell\x07 and escape\x1b</p>", "<p>bell and escape</p>"),
        ("<!-- a comment --><p>x</p>", "<p>x</p>"),
        ("", ""),
    ],
)
def test_richtext_sanitize_exact_output_for_benign_input(html, expected):
    assert richtext_sanitize(html) == expected


def test_richtext_sanitize_accepts_the_maximum_length():
    assert richtext_sanitize("a" * RICHTEXT_MAX_CHARS) == "a" * RICHTEXT_MAX_CHARS


def test_richtext_sanitize_refuses_more_than_the_maximum_length():
    with pytest.raises(ValidationError) as error:
        richtext_sanitize("<p>" + "a" * RICHTEXT_MAX_CHARS + "</p>")

    assert (error.value.code, error.value.messages) == (
        "richtext_too_long",
        ["The text is too long (100,007 characters). The maximum is 100,000 characters."],
    )


def test_richtext_sanitize_counts_the_length_after_sanitising():
    noise = '<span style="font-family:Calibri">' * 5_000
    text = "<p>" + "a" * 1_000 + "</p>"

    assert richtext_sanitize(noise + text) == text


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ("<p>Hello <strong>world</strong></p>", "Hello world"),
        ("<h2>Title</h2><p>First</p><p>Second</p>", "Title\nFirst\nSecond"),
        ("<ul><li>One</li><li>Two</li></ul><p>After</p>", "One\nTwo\nAfter"),
        ("<p>Line<br>break</p>", "Line\nbreak"),
        ("<p>A &amp; B &lt; C &quot;D&quot; &eacute;t&eacute; caf&#233;</p>", 'A & B < C "D" été café'),
        ("<p>  lots   of\n\n  space </p>", "lots of space"),
        (
            "<table><tr><th>Year</th><th>Pupils</th></tr><tr><td>2024</td><td>1 200</td></tr></table>",
            "Year\tPupils\n2024\t1 200",
        ),
        ("<p>shown</p><script>hidden()</script><style>p{}</style>", "shown"),
        ('<p>See <a href="https://example.org">the site</a>.</p>', "See the site."),
        ("<blockquote><p>Quoted</p></blockquote>tail", "Quoted\ntail"),
        ("plain text", "plain text"),
        ("", ""),
    ],
)
def test_richtext_to_plain_exact_output(html, expected):
    assert richtext_to_plain(html) == expected


def test_richtext_to_plain_never_raises_on_long_text():
    assert richtext_to_plain("a" * (RICHTEXT_MAX_CHARS + 1)) == "a" * (RICHTEXT_MAX_CHARS + 1)


@pytest.mark.parametrize(("value", "expected"), [(None, ""), ("", ""), (5, "5")])
def test_richtext_filter_renders_empty_and_non_text_values(value, expected):
    assert _render(value) == expected


def test_richtext_filter_shows_an_overlong_value_rather_than_failing():
    value = "<p>" + "a" * RICHTEXT_MAX_CHARS + "</p>"

    assert _render(value) == value


class _CaseForm(forms.Form):
    body = RichTextField()
    summary = RichTextField(required=False)


def test_richtext_field_sanitises_on_clean():
    form = _CaseForm({"body": '<p onclick="x()">Text<script>x()</script></p>', "summary": ""})

    assert form.is_valid()
    assert form.cleaned_data == {"body": "<p>Text</p>", "summary": ""}


def test_richtext_field_required_refuses_what_sanitises_to_nothing():
    form = _CaseForm({"body": "<script>alert(1)</script><p> </p>"})

    assert form.errors == {"body": ["This field is required."]}


def test_richtext_field_optional_accepts_what_sanitises_to_nothing():
    form = _CaseForm({"body": "<p>x</p>", "summary": "<iframe src=x></iframe>"})

    assert form.is_valid()
    assert form.cleaned_data["summary"] == ""


def test_richtext_field_refuses_an_overlong_text():
    form = _CaseForm({"body": "a" * (RICHTEXT_MAX_CHARS + 1)})

    assert form.errors == {
        "body": ["The text is too long (100,001 characters). The maximum is 100,000 characters."]
    }


def test_richtext_field_uses_a_textarea():
    assert isinstance(_CaseForm().fields["body"].widget, forms.Textarea)
