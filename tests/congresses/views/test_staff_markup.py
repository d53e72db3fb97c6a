"""The markup of every Secretariat event page: one h1, headings in order, every control labelled, ids
unique, table headers with a scope, scrollable regions focusable and named (WCAG 2.1 AA basics)."""

from html.parser import HTMLParser

import pytest

from educities.congresses.enums import RegistrationStatus
from tests.congresses.factories import RegistrationFactory
from tests.congresses.views.test_staff_permissions import staff_world, url
from tests.factories import StaffFactory

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

CONTROLS = {"input", "select", "textarea"}
UNLABELLED_INPUTS = {"hidden", "submit", "button"}


class Page(HTMLParser):
    def __init__(self):
        super().__init__()
        self.headings: list[int] = []
        self.ids: list[str] = []
        self.label_for: set[str] = set()
        self.controls: list[tuple[str, dict]] = []
        self.label_depth = 0
        self.wrapped: set[str] = set()
        self.headers_without_scope = 0
        self.thead_depth = 0
        self.regions: list[dict] = []
        self.in_main = False

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "main":
            self.in_main = True
        if attributes.get("id"):
            self.ids.append(attributes["id"])
        if not self.in_main:
            return
        if tag in {"h1", "h2", "h3", "h4", "h5", "h6"}:
            self.headings.append(int(tag[1]))
        if tag == "label":
            self.label_depth += 1
            if attributes.get("for"):
                self.label_for.add(attributes["for"])
        if tag in CONTROLS and attributes.get("type") not in UNLABELLED_INPUTS:
            self.controls.append((tag, attributes))
            if self.label_depth and attributes.get("id"):
                self.wrapped.add(attributes["id"])
        if tag == "th" and "scope" not in attributes:
            self.headers_without_scope += 1
        if attributes.get("tabindex") == "0" and "table-wrap" in attributes.get("class", ""):
            self.regions.append(attributes)

    def handle_endtag(self, tag):
        if tag == "label":
            self.label_depth -= 1
        if tag == "main":
            self.in_main = False


PAGES = [
    ("events", False, {}),
    ("event_new", False, {}),
    ("event", True, {}),
    ("types", True, {}),
    ("questions", True, {}),
    ("rooms", True, {}),
    ("sessions", True, {}),
    ("session_new", True, {}),
    ("registrations", True, {}),
    ("check_in", True, {}),
]


@pytest.fixture
def pages(client):
    world = staff_world()
    RegistrationFactory(event=world.event, type=world.type, status=RegistrationStatus.CANCELLED)
    client.force_login(StaffFactory())
    responses = {}
    for name, of_event, query in PAGES:
        responses[name] = client.get(url(name, world.event if of_event else None), query)
    responses["session"] = client.get(url("session", world.event, pk=world.session.pk))
    responses["session_delete"] = client.get(url("session_delete", world.event, pk=world.session.pk))
    responses["check_in_card"] = client.get(url("check_in", world.event), {"code": world.confirmed.code})
    responses["check_in_search"] = client.get(url("check_in", world.event), {"q": "a"})
    return responses


def test_every_page_is_well_formed_for_assistive_technology(pages):
    for name, response in pages.items():
        assert response.status_code == 200, name
        page = Page()
        page.feed(response.content.decode())
        assert page.headings.count(1) == 1, name
        assert page.headings[0] == 1, name
        for before, after in zip(page.headings, page.headings[1:], strict=False):
            assert after <= before + 1, (name, page.headings)
        duplicates = {value for value in page.ids if page.ids.count(value) > 1}
        assert duplicates == set(), name
        for tag, attributes in page.controls:
            control_id = attributes.get("id")
            assert control_id, (name, tag, attributes)
            assert control_id in page.label_for or control_id in page.wrapped, (name, control_id)
        assert page.headers_without_scope == 0, name
        for region in page.regions:
            assert region.get("role") == "region", name
            assert region.get("aria-labelledby") or region.get("aria-label"), name
