"""Secretariat staff need an authenticator app (TOTP) for the back office and the Django admin."""

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import SECRET_SESSION_KEY
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import translation

from educities.core.models import AuditEntry
from educities.members.enums import MembershipStatus
from tests.accounts.helpers import PASSWORD, make_verified_staff, make_verified_user, totp_activate, totp_code
from tests.factories import CityFactory

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

ACTIVATE_URL = "/en/accounts/2fa/totp/activate/"
PROTECTED = [
    "/en/backoffice/",
    "/en/backoffice/fees/",
    "/en/admin/",
    "/en/admin/accounts/user/",
    "/fr/backoffice/",
]
STAFF_CITY_PERMISSIONS = [
    "members.view_city_private",
    "members.change_city",
    "members.change_contacts",
    "members.withdraw_membership",
    "members.review_membership",
    "members.download_certificate",
]
MFA_MESSAGE = (
    "Secretariat staff must protect their account with an authenticator app before using the back office. "
    "Set it up now, then open the page again."
)


@pytest.fixture
def _mfa_required(settings):
    settings.STAFF_MFA_REQUIRED = True


@pytest.mark.usefixtures("_mfa_required")
@pytest.mark.parametrize("path", PROTECTED)
def test_staff_without_totp_is_sent_to_authenticator_setup(client, path):
    client.force_login(make_verified_staff())

    response = client.get(path)

    assert response.status_code == 302
    assert response["Location"] == (
        ACTIVATE_URL if path.startswith("/en/") else "/fr/accounts/2fa/totp/activate/"
    )
    with translation.override(path[1:3]):
        expected = translation.gettext(MFA_MESSAGE)
    assert [str(message) for message in get_messages(response.wsgi_request)] == [expected]


@pytest.mark.usefixtures("_mfa_required")
def test_staff_without_totp_may_use_the_rest_of_the_site(client):
    client.force_login(make_verified_staff())

    statuses = [client.get(path).status_code for path in ("/en/", "/en/my-cities/", "/en/accounts/2fa/")]

    assert statuses == [200, 200, 200]


@pytest.mark.parametrize("path", PROTECTED)
def test_staff_without_totp_passes_when_requirement_is_off(client, settings, path):
    settings.STAFF_MFA_REQUIRED = False
    client.force_login(make_verified_staff(is_superuser=True))

    response = client.get(path)

    assert response.status_code == 200


@pytest.mark.usefixtures("_mfa_required")
def test_staff_with_totp_configured_passes(client):
    staff = make_verified_staff(is_superuser=True)
    totp_activate(staff)
    client.force_login(staff)

    statuses = [client.get(path).status_code for path in PROTECTED]

    assert statuses == [200, 200, 200, 200, 200]


@pytest.mark.usefixtures("_mfa_required")
def test_staff_with_recovery_codes_only_is_still_sent_to_setup(client):
    staff = make_verified_staff()
    Authenticator.objects.create(user=staff, type=Authenticator.Type.RECOVERY_CODES, data={"seed": "00"})
    client.force_login(staff)

    response = client.get("/en/backoffice/")

    assert response["Location"] == ACTIVATE_URL


@pytest.mark.usefixtures("_mfa_required")
def test_non_staff_user_is_not_asked_for_an_authenticator(client):
    client.force_login(make_verified_user())

    response = client.get("/en/admin/")

    assert response.get("Location") != ACTIVATE_URL


@pytest.mark.usefixtures("_mfa_required")
def test_anonymous_admin_login_goes_through_allauth_login(client):
    response = client.get("/en/admin/login/?next=/en/admin/accounts/user/")

    assert response.status_code == 302
    assert response["Location"] == "/en/accounts/login/?next=%2Fen%2Fadmin%2Faccounts%2Fuser%2F"


def test_anonymous_admin_login_redirect_does_not_depend_on_mfa_setting(client, settings):
    settings.STAFF_MFA_REQUIRED = False

    response = client.get("/en/admin/login/")

    assert response["Location"] == "/en/accounts/login/?next=%2Fen%2Fadmin%2F"


@pytest.mark.usefixtures("_mfa_required")
def test_staff_sets_up_totp_after_the_redirect_then_reaches_the_back_office(client):
    staff = make_verified_staff(email="staff@educities.localhost")
    client.post(reverse("account_login"), {"login": staff.email, "password": PASSWORD})
    reauthenticate_url = f"/en/accounts/reauthenticate/?next={ACTIVATE_URL.replace('/', '%2F')}"

    redirected = client.get("/en/backoffice/", follow=True)
    # allauth asks for the password once more before any change of authenticators.
    reauthenticated = client.post(reauthenticate_url, {"password": PASSWORD}, follow=True)
    secret = client.session[SECRET_SESSION_KEY]
    activated = client.post(ACTIVATE_URL, {"code": totp_code(secret)})
    back_office = client.get("/en/backoffice/")

    assert redirected.redirect_chain == [(ACTIVATE_URL, 302), (reauthenticate_url, 302)]
    assert MFA_MESSAGE in redirected.content.decode()
    assert reauthenticated.redirect_chain == [(ACTIVATE_URL, 302)]
    html = " ".join(reauthenticated.content.decode().split())
    assert '<label for="authenticator_secret"> Authenticator secret </label>' in html
    assert f'alt="{secret}"' in html
    assert '<label for="id_code">Authenticator code:</label>' in html
    assert activated.status_code == 302
    assert Authenticator.objects.filter(user=staff, type=Authenticator.Type.TOTP).count() == 1
    assert back_office.status_code == 200


@pytest.mark.usefixtures("_mfa_required")
def test_staff_with_totp_signs_in_with_code_then_reaches_admin(client):
    staff = make_verified_staff(email="staff@educities.localhost")
    totp_activate(staff)

    login = client.post(reverse("account_login"), {"login": staff.email, "password": PASSWORD})
    wrong = client.post(
        reverse("mfa_authenticate"), {"code": "000000" if totp_code() != "000000" else "111111"}
    )
    right = client.post(reverse("mfa_authenticate"), {"code": totp_code()})
    admin = client.get("/en/admin/")

    assert login["Location"] == reverse("mfa_authenticate")
    assert wrong.status_code == 200
    assert "Incorrect code." in wrong.content.decode()
    assert right.status_code == 302
    assert client.session["_auth_user_id"] == str(staff.pk)
    assert admin.status_code == 200


# Staff without an authenticator app have no Secretariat power anywhere, not only in the back office:
# the editor pages of any city and its withdrawal are refused to them (members.rules.is_secretariat).


@pytest.mark.usefixtures("_mfa_required")
def test_staff_without_totp_cannot_edit_or_withdraw_any_city(client):
    city = CityFactory(slug="granollers", name="Granollers", membership_status=MembershipStatus.MEMBER)
    staff = make_verified_staff()
    client.force_login(staff)

    allowed = {name: staff.has_perm(name, city) for name in STAFF_CITY_PERMISSIONS}
    edit = client.get(reverse("members:city_edit", kwargs={"slug": city.slug}))
    withdraw = client.post(reverse("members:withdraw", kwargs={"slug": city.slug}), {"confirm": "on"})

    assert allowed == dict.fromkeys(STAFF_CITY_PERMISSIONS, False)
    assert (edit.status_code, withdraw.status_code) == (403, 403)
    city.refresh_from_db()
    assert city.membership_status == MembershipStatus.MEMBER
    assert AuditEntry.objects.filter(action="withdraw").count() == 0


@pytest.mark.usefixtures("_mfa_required")
def test_staff_with_totp_may_edit_and_withdraw_any_city(client):
    city = CityFactory(slug="granollers", name="Granollers", membership_status=MembershipStatus.MEMBER)
    staff = make_verified_staff()
    totp_activate(staff)
    client.force_login(staff)

    allowed = {name: staff.has_perm(name, city) for name in STAFF_CITY_PERMISSIONS}
    edit = client.get(reverse("members:city_edit", kwargs={"slug": city.slug}))
    withdraw = client.post(reverse("members:withdraw", kwargs={"slug": city.slug}), {"confirm": "on"})

    assert allowed == dict.fromkeys(STAFF_CITY_PERMISSIONS, True)
    assert (edit.status_code, withdraw.status_code) == (200, 302)
    city.refresh_from_db()
    assert city.membership_status == MembershipStatus.WITHDRAWN


@pytest.mark.usefixtures("_mfa_required")
def test_staff_with_recovery_codes_only_has_no_secretariat_permission():
    staff = make_verified_staff()
    Authenticator.objects.create(user=staff, type=Authenticator.Type.RECOVERY_CODES, data={"seed": "00"})

    assert staff.has_perm("members.change_city", CityFactory()) is False


def test_staff_without_totp_keeps_staff_powers_when_requirement_is_off(settings):
    settings.STAFF_MFA_REQUIRED = False

    assert make_verified_staff().has_perm("members.change_city", CityFactory()) is True


@pytest.mark.usefixtures("_mfa_required")
def test_staff_totp_lookup_is_one_query_however_many_checks(django_assert_num_queries):
    staff = make_verified_staff()
    totp_activate(staff)
    city = CityFactory()
    staff = type(staff).objects.get(pk=staff.pk)

    with django_assert_num_queries(1):
        answers = [staff.has_perm(name, city) for name in STAFF_CITY_PERMISSIONS * 3]

    assert set(answers) == {True}


@pytest.mark.parametrize(
    ("value", "expected"),
    [(None, True), ("", True), ("1", True), ("true", True), ("0", False), ("no", False)],
)
def test_staff_mfa_setting_is_on_unless_turned_off(monkeypatch, value, expected):
    from educities.settings import env_bool

    if value is None:
        monkeypatch.delenv("EDUCITIES_STAFF_MFA_REQUIRED", raising=False)
    else:
        monkeypatch.setenv("EDUCITIES_STAFF_MFA_REQUIRED", value)

    assert env_bool("STAFF_MFA_REQUIRED", default=True) is expected
