"""Every public and signed-in page of the member registry passes axe-core (WCAG 2.1 AA), in en and fr.

A page passes when axe reports no serious or critical violation once it has loaded (and its map has
been drawn). Signed-in pages get their session cookie directly (the sign-in form itself is checked as a
page, and the journeys sign in through it).
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

import pytest
from django.conf import settings as django_settings
from django.test import Client
from playwright.sync_api import expect

from educities.charter.models import CharterPrinciple, PrincipleGroup
from educities.core.domain.translations import translation_save_machine
from educities.experiences.domain.search import experience_index
from educities.experiences.models import Experience
from educities.members.domain.roles import role_grant_city_editor
from educities.members.enums import MembershipStatus, NetworkKind, NetworkRole, SeatRole
from educities.members.models import ExecutiveCommitteeSeat
from tests.e2e.conftest import axe_serious_violations
from tests.e2e.helpers import verified_user, wait_for_maps
from tests.experiences.factories import make_experience
from tests.factories import (
    ApplicationFactory,
    CharterPrincipleFactory,
    CityFactory,
    ContactFactory,
    CountryFactory,
    FeeRecordFactory,
    GeneralAssemblyFactory,
    NetworkFactory,
    NetworkMembershipFactory,
)

pytestmark = [pytest.mark.django_db(transaction=True)]

LOCALES = {"en": "en-GB", "fr": "fr-FR"}


@dataclass(frozen=True)
class Screen:
    name: str
    path: str  # "{lang}" is replaced by the language code
    who: str = "anonymous"  # anonymous, editor or staff
    ready: str = "main h1"  # a selector that shows the page has rendered
    act: Callable | None = None  # what the visitor does on the page before it is checked


def _send_empty_application(page) -> None:
    page.locator("main form[enctype='multipart/form-data'] button[type=submit]").click()


def _sign_in_with_wrong_password(page) -> None:
    page.locator("input[name=login]").fill("nobody@example.org")
    page.locator("input[name=password]").fill("not-the-password")
    page.locator("main form button[type=submit]").click()


SCREENS = [
    Screen("home", "/{lang}/"),
    Screen("directory", "/{lang}/cities/"),
    Screen("directory-filtered", "/{lang}/cities/?country=ES&population=3&ordering=-population"),
    Screen("directory-filter-error", "/{lang}/cities/?population=9&page=x"),
    Screen("city", "/{lang}/cities/girona/"),
    Screen("network-list", "/{lang}/networks/"),
    Screen("network", "/{lang}/networks/rece/"),
    Screen("charter", "/{lang}/charter/"),
    Screen("governance", "/{lang}/governance/"),
    Screen("figures", "/{lang}/figures/"),
    Screen("join-anonymous", "/{lang}/join/"),
    Screen("login", "/{lang}/accounts/login/"),
    Screen(
        "login-error", "/{lang}/accounts/login/", act=_sign_in_with_wrong_password, ready="main [role=alert]"
    ),
    Screen("signup", "/{lang}/accounts/signup/"),
    Screen("password-reset", "/{lang}/accounts/password/reset/"),
    Screen("join-signed-in", "/{lang}/join/", who="editor"),
    Screen(
        "join-errors", "/{lang}/join/", who="editor", act=_send_empty_application, ready="[aria-invalid=true]"
    ),
    Screen("my-cities", "/{lang}/my-cities/", who="editor"),
    Screen("city-edit", "/{lang}/my-cities/girona/", who="editor"),
    Screen("contact-new", "/{lang}/my-cities/girona/contacts/new/", who="editor"),
    Screen("backoffice-queue", "/{lang}/backoffice/", who="staff"),
    Screen("backoffice-application", "/{lang}/backoffice/applications/lleida/", who="staff"),
    Screen("backoffice-fees", "/{lang}/backoffice/fees/", who="staff"),
    Screen("backoffice-import", "/{lang}/backoffice/import/", who="staff"),
    Screen("backoffice-network-create", "/{lang}/backoffice/networks/new/", who="staff"),
    Screen("network-manage", "/{lang}/networks/rece/manage/", who="staff"),
    # The public side of the bank of experiences (helper "public").
    Screen("experiences-search", "/{lang}/experiences/"),
    Screen(
        "experiences-search-filtered",
        "/{lang}/experiences/?q=council&country=ES&theme=children_participation&sort=date&page=x",
    ),
    Screen("experience", "/{lang}/experiences/girona-council/"),
    Screen("experience-fallback", "/{lang}/experiences/cadiz-gardens/"),
    Screen("experience-original", "/{lang}/experiences/girona-council/?original=1"),
]


def _world() -> dict:
    spain = CountryFactory(code="ES")
    france = CountryFactory(code="FR")
    girona = CityFactory(
        name="Girona",
        slug="girona",
        country=spain,
        latitude=41.98,
        longitude=2.82,
        population=103_000,
        website="https://www.girona.cat",
        description="A city on the Onyar river.",
    )
    cadiz = CityFactory(name="Cádiz", slug="cadiz", country=spain, latitude=36.53, longitude=-6.29)
    lyon = CityFactory(name="Lyon", slug="lyon", country=france, latitude=45.76, longitude=4.84)
    ApplicationFactory(
        city__name="Lleida",
        city__slug="lleida",
        city__country=spain,
        city__member_since=None,
        city__membership_status=MembershipStatus.APPLIED,
        motivation="We want to learn from other cities.",
    )
    contact = ContactFactory(city=girona, full_name="Anna Puig", position="Head of education")
    FeeRecordFactory(city=girona, year=2026, amount=400)
    network = NetworkFactory(
        name="Red Estatal de Ciudades Educadoras", slug="rece", kind=NetworkKind.TERRITORIAL
    )
    NetworkMembershipFactory(network=network, city=girona, role=NetworkRole.COORDINATOR)
    NetworkMembershipFactory(network=network, city=cadiz)
    NetworkFactory(name="Réseau Français", slug="rfve", kind=NetworkKind.TERRITORIAL)
    NetworkMembershipFactory(network__name="Thematic network", network__kind=NetworkKind.THEMATIC, city=lyon)
    for group in PrincipleGroup:
        CharterPrincipleFactory(group=group)
    GeneralAssemblyFactory(place="Granollers")
    ExecutiveCommitteeSeat.objects.create(
        city=girona, role=SeatRole.PRESIDENT, term_start=date(2024, 1, 1), term_end=date(2099, 1, 1)
    )
    _experiences(girona=girona, cadiz=cadiz, contact=contact)
    editor = verified_user(email="editor@girona.example.org")
    role_grant_city_editor(user=editor, city=girona)
    return {"editor": editor, "staff": verified_user(staff=True, email="staff@example.org")}


def _experiences(*, girona, cadiz, contact) -> None:
    """A published experience of Girona (English, machine-translated into French) and one of Cádiz
    (Spanish only, so both languages read it with the "not yet translated" notice)."""
    council = make_experience(
        city=girona,
        status="published",
        title="Children's council of Girona",
        themes=["children_participation", "participation"],
        principles=list(CharterPrinciple.objects.values_list("number", flat=True)[:2]),
        contact=contact.pk,
    )
    translation_save_machine(
        obj=council, field="title", language="fr", text="Conseil des enfants de Gérone", engine="deepl"
    )
    translation_save_machine(
        obj=council, field="summary", language="fr", text="Les enfants conseillent la ville.", engine="deepl"
    )
    experience_index(experience=council)
    gardens = make_experience(
        city=cadiz,
        status="published",
        original_language="es",
        title="Huertos escolares de Cádiz",
        summary="Huertos en las escuelas para aprender a cuidar la tierra.",
        themes=["sustainability"],
    )
    Experience.objects.filter(pk=council.pk).update(slug="girona-council", is_featured=True)
    Experience.objects.filter(pk=gardens.pk).update(slug="cadiz-gardens")


def _sign_in_with_cookie(page, base_url: str, user) -> None:
    client = Client()
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    name = django_settings.SESSION_COOKIE_NAME
    page.context.add_cookies([{"name": name, "value": client.cookies[name].value, "url": base_url}])


@pytest.mark.parametrize("lang", list(LOCALES))
@pytest.mark.parametrize("screen", SCREENS, ids=[screen.name for screen in SCREENS])
def test_page_has_no_serious_accessibility_violation(live_server, page_factory, settings, screen, lang):
    settings.STAFF_MFA_REQUIRED = False
    users = _world()
    page = page_factory(locale=LOCALES[lang])
    if screen.who != "anonymous":
        _sign_in_with_cookie(page, live_server.url, users[screen.who])

    response = page.goto(live_server.url + screen.path.format(lang=lang))

    assert response.status == 200
    if screen.act is not None:
        screen.act(page)
    expect(page.locator("html")).to_have_attribute("lang", lang)
    expect(page.locator(screen.ready).first).to_be_visible()
    page.wait_for_load_state()  # after an action, the page it led to has finished loading
    wait_for_maps(page)
    assert axe_serious_violations(page) == []


def test_api_docs_page_has_no_serious_accessibility_violation(live_server, page):
    # The page as it opens (operations folded). An unfolded operation still shows Swagger UI's own
    # markup problems (a parameter <select> without a name, a scrollable example without keyboard
    # focus), which only Swagger UI itself can fix.
    response = page.goto(f"{live_server.url}/api/v1/docs/")

    assert response.status == 200
    expect(page.locator(".swagger-ui .info .title")).to_contain_text("educities API")
    expect(page.locator(".swagger-ui .opblock").first).to_be_visible()
    assert axe_serious_violations(page) == []
