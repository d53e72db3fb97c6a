"""Shared steps of the end-to-end journeys: accounts that can sign in, signing in, waiting for maps."""

import re

from allauth.account.models import EmailAddress
from playwright.sync_api import Page, expect

from educities.accounts.models import User
from tests.factories import StaffFactory, UserFactory

PASSWORD = "correct-horse-battery"  # the factories' password


def verified_user(*, staff: bool = False, **kwargs) -> User:
    """A user whose e-mail address is verified, so that allauth lets them sign in."""
    user = (StaffFactory if staff else UserFactory)(**kwargs)
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    return user


def sign_in(page: Page, base_url: str, user: User, *, language: str = "en", next_url: str = "") -> None:
    """Signs in through the real allauth form; waits until the browser has left the login page."""
    login_url = f"{base_url}/{language}/accounts/login/"
    page.goto(f"{login_url}?next={next_url}" if next_url else login_url)
    page.locator("input[name=login]").fill(user.email)
    page.locator("input[name=password]").fill(PASSWORD)
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(lambda url: "/accounts/login/" not in url)


def wait_for_maps(page: Page) -> None:
    """Every map on the page has been drawn by map.js (it sets data-map-ready when done)."""
    for element in page.locator("[data-map]").all():
        expect(element).to_have_attribute("data-map-ready", re.compile(r"^\d+$"))
