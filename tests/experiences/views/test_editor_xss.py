"""A corpus of XSS payloads written into every text field of the editor's form is shown inert on every
editor page (the steps, the preview, the manage page, "My experiences")."""

from html.parser import HTMLParser

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from educities.experiences.enums import RICH_FIELDS
from educities.experiences.models import Experience, ExperienceAttachment
from tests.experiences.factories import make_experience
from tests.experiences.views.helpers import login, make_png_bytes
from tests.factories import StaffFactory, make_city_editor

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

XSS_PAYLOADS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    '<a href="javascript:alert(1)">click</a>',
    "<svg onload=alert(1)>",
    '"><script>alert(1)</script>',
    "'><img src=x onerror=alert(1)>",
    "<iframe src=javascript:alert(1)></iframe>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    '<a href="jav&#x09;ascript:alert(1)">tab</a>',
    "</textarea><script>alert(1)</script>",
    '<p style="background:url(javascript:alert(1))" onmouseover="alert(1)">x</p>',
    "<details open ontoggle=alert(1)>",
    "{{ request }}{% debug %}",
]
# The one inline handler of the site's own layout (the language menu submits itself).
OWN_HANDLERS = {("select", "onchange")}
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "data", "poster", "xlink:href"}
DANGEROUS_TAGS = {"script", "svg", "math", "iframe", "object", "embed", "style", "details", "template"}


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


class _Walker(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.attributes: list[tuple[str, str, str]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attributes += [(tag, name, value or "") for name, value in attrs]

    handle_startendtag = handle_starttag


def assert_inert(html: str) -> None:
    walker = _Walker()
    walker.feed(html)
    walker.close()
    assert "<script" not in html.lower()
    assert DANGEROUS_TAGS.isdisjoint(walker.tags), DANGEROUS_TAGS & set(walker.tags)
    handlers = {(tag, name) for tag, name, _value in walker.attributes if name.startswith("on")}
    assert handlers <= OWN_HANDLERS, handlers
    for tag, name, value in walker.attributes:
        if name in URL_ATTRIBUTES:
            squeezed = "".join(value.split()).lower()
            assert not squeezed.startswith(("javascript:", "data:", "vbscript:")), (tag, name, value)
        assert name != "style", (tag, value)


def _write_everywhere(client, experience, payload: str) -> None:
    edit = lambda step: reverse("experiences:edit", kwargs={"slug": experience.slug, "step": step})  # noqa: E731
    responses = [
        client.post(
            edit("basics"),
            {
                "original_language": "en",
                "title": payload,
                "summary": f"Summary {payload}",
                "start_date": "2019-09-01",
            },
        ),
        client.post(edit("description"), {key: f"<p>{key}</p>{payload}" for key in RICH_FIELDS}),
        client.post(
            edit("people"),
            {
                "partner_0_name": payload,
                "partner_0_kind": "school",
                "link_0_url": "https://example.org/a",
                "link_0_label": payload,
            },
        ),
        client.post(
            reverse("experiences:attachment_add", kwargs={"slug": experience.slug}),
            {
                "kind": "image",
                "title": payload,
                "alt_text": payload,
                "file": SimpleUploadedFile("photo.png", make_png_bytes()),
            },
        ),
        client.post(
            reverse("experiences:attachment_add", kwargs={"slug": experience.slug}),
            {
                "kind": "document",
                "title": payload,
                "file": SimpleUploadedFile(
                    "report.pdf", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n%%EOF\n"
                ),
            },
        ),
    ]
    assert [response.status_code for response in responses] == [302, 302, 302, 302, 302], [
        response.context["form"].errors if response.status_code == 200 else "" for response in responses
    ]


def _pages(experience) -> list[str]:
    slug = experience.slug
    return [
        *[
            reverse("experiences:edit", kwargs={"slug": slug, "step": step})
            for step in ("basics", "description", "people", "files", "review")
        ],
        reverse("experiences:manage", kwargs={"slug": slug}),
        reverse("experiences:mine"),
    ]


@pytest.mark.parametrize("payload", XSS_PAYLOADS)
def test_xss_payload_in_every_text_field_is_inert_on_every_editor_page(client, payload):
    experience = make_experience()
    login(client, make_city_editor(experience.city))

    _write_everywhere(client, experience, payload)

    saved = Experience.objects.get(pk=experience.pk)
    # Plain texts are kept as written (and escaped on the way out); rich texts are sanitised on the way in.
    assert saved.title == payload.strip()
    assert saved.partners.get().name == payload.strip()
    assert saved.links.get().label == payload.strip()
    assert sorted(ExperienceAttachment.objects.values_list("title", flat=True)) == [payload.strip()] * 2
    for key in RICH_FIELDS:
        text = getattr(saved, key).lower()
        assert "<script" not in text
        assert "onerror" not in text
        assert "javascript:" not in text
    for url in _pages(experience):
        response = client.get(url)
        assert response.status_code == 200, url
        assert_inert(response.content.decode())


def test_xss_payload_in_a_comment_of_the_secretariat_is_inert(client):
    from educities.experiences.domain.workflow import experience_transition

    experience = make_experience()
    from educities.experiences.domain.workflow import experience_submit

    experience_submit(experience=experience, actor=None)
    experience_transition(
        experience=experience,
        action="request_changes",
        actor=StaffFactory(),
        comment="<script>alert(1)</script><img src=x onerror=alert(1)>",
    )
    login(client, make_city_editor(experience.city))

    for url in _pages(experience):
        response = client.get(url)
        assert response.status_code == 200
        assert_inert(response.content.decode())
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in client.get(_pages(experience)[0]).content.decode()


@pytest.mark.parametrize("payload", XSS_PAYLOADS[:5])
def test_xss_payload_in_a_revision_of_a_published_experience_is_inert(client, payload):
    from educities.experiences.enums import ExperienceStatus

    experience = make_experience(status=ExperienceStatus.PUBLISHED)
    login(client, make_city_editor(experience.city))

    _write_everywhere(client, experience, payload)

    assert Experience.objects.get(pk=experience.pk).title != payload
    for url in _pages(experience):
        response = client.get(url)
        assert response.status_code == 200
        assert_inert(response.content.decode())


@pytest.mark.parametrize(
    "html",
    [
        "<p><script>alert(1)</script></p>",
        "<img src=x onerror=alert(1)>",
        '<a href=" java script:alert(1)">x</a>',
        "<svg><a>x</a></svg>",
        '<p style="color:red">x</p>',
    ],
)
def test_assert_inert_catches_live_markup(html):
    with pytest.raises(AssertionError):
        assert_inert(html)
