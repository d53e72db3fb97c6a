"""The registry of review subjects: how the jury pages show what an item is about."""

import pytest
from django.test import RequestFactory

from educities.members.models import City
from educities.reviews.subjects import (
    FALLBACK_TEMPLATE,
    FIELDS_TEMPLATE,
    subject_display,
    subject_html,
    subject_kind_for,
    subject_register,
    subject_type,
    subject_unregister,
    subject_url,
)
from tests.factories import CityFactory, UserFactory
from tests.reviews.factories import make_item, make_process
from tests.reviews.subjects_support import city_subject

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


@pytest.fixture
def request_():
    request = RequestFactory().get("/en/jury/items/1/")
    request.user = UserFactory()
    return request


def test_subject_display_uses_the_registered_template_and_context(request_):
    city = CityFactory(name="Granollers")
    item = make_item(make_process(), subject=city, city=city)

    with city_subject():
        display = subject_display(item=item, request=request_)
        html = subject_html(display=display, request=request_)

    assert display.template == FIELDS_TEMPLATE
    assert display.is_registered is True
    assert display.context["item"] == item
    assert display.url == f"/en/cities/{city.slug}/"
    assert display.kind_label == "city"
    assert "<dt>City</dt><dd>Granollers</dd>" in html


def test_subject_of_an_unregistered_model_falls_back_to_the_title(request_):
    item = make_item(make_process(), subject=UserFactory())

    display = subject_display(item=item, request=request_)

    assert display.template == FALLBACK_TEMPLATE
    assert display.is_registered is False
    assert display.context == {"item": item, "subject_missing": False}
    assert display.url is None
    assert subject_url(item=item, request=request_) is None
    assert subject_type(item) == "accounts.user"


def test_subject_deleted_since_shows_that_it_is_missing(request_):
    user = UserFactory()
    item = make_item(make_process(), subject=user)
    user.delete()
    item.refresh_from_db()

    subject_register(type(user), template=FIELDS_TEMPLATE, context=lambda subject, request: {})
    try:
        display = subject_display(item=item, request=request_)
    finally:
        subject_unregister(type(user))

    assert display.template == FALLBACK_TEMPLATE
    assert display.context["subject_missing"] is True
    assert "no longer available" in subject_html(display=display, request=request_)


def test_subject_register_again_replaces_and_unregister_forgets():
    with city_subject():
        subject_register(City, template="other.html", context=lambda subject, request: {})
        replaced = subject_kind_for(City).template
    assert replaced == "other.html"
    assert subject_kind_for(City) is None


@pytest.mark.parametrize(
    "arguments",
    [
        {"model": "members.City", "template": FIELDS_TEMPLATE, "context": dict},
        {"model": City, "template": FIELDS_TEMPLATE, "context": "not callable"},
        {"model": City, "template": FIELDS_TEMPLATE, "context": dict, "url": "/x/"},
    ],
)
def test_subject_register_refuses_what_is_not_a_model_or_callables(arguments):
    model = arguments.pop("model")

    with pytest.raises(TypeError):
        subject_register(model, **arguments)

    assert subject_kind_for(City) is None
