"""Shared steps of the end-to-end journeys and accessibility checks of the International Day and the
congresses (no test here): accounts that can sign in, signing in without the form, submitting a form
and waiting for the answer, the page's flash messages and a page's axe-core problems.
"""

import re

from allauth.account.models import EmailAddress
from django.conf import settings as django_settings
from django.test import Client
from playwright.sync_api import Page, expect

from educities.accounts.models import User
from tests.e2e.conftest import axe_serious_violations


def can_sign_in(user: User) -> User:
    """Verifies the user's e-mail address, so that allauth lets them sign in through the form."""
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    return user


def sign_in_with_cookie(page: Page, base_url: str, user: User) -> None:
    """Signs ``user`` in by giving the browser a session cookie (for pages that are not the journey)."""
    client = Client()
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    name = django_settings.SESSION_COOKIE_NAME
    page.context.add_cookies([{"name": name, "value": client.cookies[name].value, "url": base_url}])


def submit(page: Page, button) -> None:
    """Clicks a submit button and waits until the page the server answers with has loaded."""
    with page.expect_navigation():
        button.click()


def success(page: Page, text: str | None = None) -> None:
    message = page.locator(".messages .message-success")
    expect(message).to_be_visible()
    if text is not None:
        expect(message).to_contain_text(text)


def maps_drawn(page: Page) -> None:
    """Every map of the page has been drawn by its script (the directory's and the activity's maps,
    the agenda's map and the place picker each set ``data-map-ready`` when done)."""
    for element in page.locator("[data-map], [data-agenda-map], [data-place-picker-map]").all():
        expect(element).to_have_attribute("data-map-ready", re.compile(r"^\d+$"))


def axe_check(page: Page, problems: dict, name: str) -> None:
    """Records the page's axe-core problems (serious or critical WCAG 2.1 A/AA violations) under
    ``name`` in ``problems``, once its one ``h1`` is there and its maps are drawn."""
    expect(page.locator("main h1")).to_have_count(1)
    maps_drawn(page)
    violations = axe_serious_violations(page)
    if violations:
        problems[name] = violations


def check_page(page: Page, url: str, problems: dict, name: str, *, status: int = 200) -> None:
    """Opens ``url``, checks its status and records its axe-core problems (``axe_check``)."""
    response = page.goto(url)
    assert response is not None
    assert response.status == status, f"{name}: {url} answered {response.status}"
    axe_check(page, problems, name)
