"""Helpers of the tests of a city's award pages (no test here): the cast, uploads, the state of an
application, messages.

``cast()`` gives an open edition with one required question, two member cities in different countries
and every role of the permission matrix: an anonymous visitor, a signed-in user without a city, the
editors of city A and city B, a juror with no tie to either city, a juror from city A (conflicted with
its applications) and the Secretariat.
"""

import io
from dataclasses import dataclass

from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from educities.awards.enums import EditionPhase
from educities.awards.models import Application, Edition
from educities.members.models import City
from educities.reviews.domain.jury import assignments_bulk
from educities.reviews.models import Reviewer
from tests.awards.factories import make_edition, make_juror
from tests.factories import (
    CityFactory,
    CountryFactory,
    StaffFactory,
    UserFactory,
    make_city_editor,
    make_pdf_bytes,
)

ROLES = ("anonymous", "user", "editor_a", "editor_b", "juror", "conflicted", "staff")


@dataclass
class Cast:
    edition: Edition
    city_a: City
    city_b: City
    users: dict
    juror: Reviewer
    conflicted: Reviewer


def cast(*, phase: str = EditionPhase.OPEN, **edition_values) -> Cast:
    edition = make_edition(phase=phase, **edition_values)
    city_a = CityFactory(name="Granollers", country=CountryFactory(code="ES"))
    city_b = CityFactory(name="Lyon", country=CountryFactory(code="FR"))
    juror_user, conflicted_user = UserFactory(), UserFactory()
    juror = make_juror(edition=edition, user=juror_user, country=CountryFactory(code="KR"))
    conflicted = make_juror(edition=edition, user=conflicted_user, city=city_a)
    users = {
        "anonymous": None,
        "user": UserFactory(),
        "editor_a": make_city_editor(city_a),
        "editor_b": make_city_editor(city_b),
        "juror": juror_user,
        "conflicted": conflicted_user,
        "staff": StaffFactory(),
    }
    return Cast(edition, city_a, city_b, users, juror, conflicted)


def assign_jurors(the_cast: Cast, application: Application) -> None:
    """Assign both jurors to the application's review item (the conflicted one is skipped)."""
    application.refresh_from_db()
    assignments_bulk(
        process=the_cast.edition.review_process,
        reviewers=[the_cast.juror, the_cast.conflicted],
        items=[application.review_item],
        actor=None,
    )


def login(client, user) -> None:
    if user is not None:
        client.force_login(user)


def flash(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


def pdf_file(name: str = "letter.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, make_pdf_bytes("Letter of the mayor"), content_type="application/pdf")


def png_bytes() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (4, 3), (200, 30, 30)).save(buffer, format="PNG")
    return buffer.getvalue()


def state(application: Application) -> dict:
    """Everything the city can change, read fresh from the database."""
    fresh = Application.objects.get(pk=application.pk)
    return {
        "status": fresh.status,
        "language": fresh.language,
        "experience": fresh.experience_id,
        "letter": fresh.mayor_letter.name,
        "updated_at": fresh.updated_at,
        "answers": sorted(fresh.answers.values_list("question_id", "text")),
    }
