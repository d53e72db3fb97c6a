import re
from html.parser import HTMLParser

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.urls import reverse

from educities.accounts.models import User
from tests.accounts.helpers import PASSWORD, make_verified_user

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

NEW_PASSWORD = "another-long-passphrase-42"


def _link_in(body: str) -> str:
    return re.search(r"http://testserver(/\S+)", body).group(1)


def _logged_in_user_id(client) -> str | None:
    return client.session.get("_auth_user_id")


class _FormControls(HTMLParser):
    """Collects visible inputs/selects/textareas and the ``for`` of every label on a page."""

    def __init__(self) -> None:
        super().__init__()
        self.controls: list[str] = []
        self.labels: set[str] = set()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "label" and attrs.get("for"):
            self.labels.add(attrs["for"])
        if tag in {"input", "select", "textarea"} and attrs.get("type") not in {"hidden", "submit"}:
            self.controls.append(attrs.get("id", ""))


def _unlabelled_controls(html: str) -> list[str]:
    parser = _FormControls()
    parser.feed(html)
    return [control for control in parser.controls if control not in parser.labels]


# --- Login ------------------------------------------------------------------------------------------------


def test_login_with_email_signs_in(client):
    user = make_verified_user(email="tecnic@granollers.cat")

    response = client.post(reverse("account_login"), {"login": "Tecnic@Granollers.cat", "password": PASSWORD})

    assert response.status_code == 302
    assert response["Location"] == reverse("home")
    assert _logged_in_user_id(client) == str(user.pk)


def test_login_with_wrong_password_shows_error_and_stays_anonymous(client):
    make_verified_user(email="tecnic@granollers.cat")

    response = client.post(reverse("account_login"), {"login": "tecnic@granollers.cat", "password": "wrong"})

    assert response.status_code == 200
    assert "The email address and/or password you specified are not correct." in response.content.decode()
    assert _logged_in_user_id(client) is None


@pytest.mark.parametrize(
    "login",
    ["", "not-an-email", "a@b", "x" * 300 + "@example.org", "' OR 1=1 --"],
    ids=["empty", "not-email", "no-tld", "too-long", "sql"],
)
def test_login_with_hostile_input_is_refused_without_error(client, login):
    response = client.post(reverse("account_login"), {"login": login, "password": "x"})

    assert response.status_code == 200
    assert _logged_in_user_id(client) is None


# --- Signup and e-mail verification ------------------------------------------------------------------------


def test_signup_sends_verification_email_and_unverified_user_cannot_sign_in(client):
    response = client.post(
        reverse("account_signup"),
        {"email": "nova@rosario.example.org", "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    )

    assert response.status_code == 302
    assert response["Location"] == reverse("account_email_verification_sent")
    assert _logged_in_user_id(client) is None
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["nova@rosario.example.org"]
    assert mail.outbox[0].subject.startswith("[educities] ")
    assert User.objects.filter(email="nova@rosario.example.org").count() == 1

    login = client.post(
        reverse("account_login"), {"login": "nova@rosario.example.org", "password": NEW_PASSWORD}
    )

    assert login.status_code == 302
    assert login["Location"] == reverse("account_email_verification_sent")
    assert _logged_in_user_id(client) is None


def test_verification_link_confirms_address_and_then_login_works(client):
    client.post(
        reverse("account_signup"),
        {"email": "nova@rosario.example.org", "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    )
    confirm_url = _link_in(mail.outbox[0].body)

    page = client.get(confirm_url)
    confirmed = client.post(confirm_url)
    login = client.post(
        reverse("account_login"), {"login": "nova@rosario.example.org", "password": NEW_PASSWORD}
    )

    assert page.status_code == 200
    assert confirmed.status_code == 302
    assert EmailAddress.objects.get(email="nova@rosario.example.org").verified is True
    assert login.status_code == 302
    assert login["Location"] == reverse("home")
    assert _logged_in_user_id(client) == str(User.objects.get(email="nova@rosario.example.org").pk)


def test_signup_with_existing_email_creates_no_second_account(client):
    make_verified_user(email="tecnic@granollers.cat")

    client.post(
        reverse("account_signup"),
        {"email": "TECNIC@granollers.cat", "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    )

    assert User.objects.filter(email__iexact="tecnic@granollers.cat").count() == 1
    assert _logged_in_user_id(client) is None


@pytest.mark.parametrize(
    ("email", "password1", "password2", "error"),
    [
        ("bad-address", NEW_PASSWORD, NEW_PASSWORD, "Enter a valid email address."),
        (
            "nova@rosario.example.org",
            NEW_PASSWORD,
            "different-passphrase-99",
            "You must type the same password each time.",
        ),
        (
            "nova@rosario.example.org",
            "short",
            "short",
            "This password is too short. It must contain at least 8 characters.",
        ),
        ("nova@rosario.example.org", "12345678901", "12345678901", "This password is entirely numeric."),
    ],
    ids=["bad-email", "mismatch", "short", "numeric"],
)
def test_signup_with_bad_input_shows_error_and_creates_nothing(client, email, password1, password2, error):
    response = client.post(
        reverse("account_signup"), {"email": email, "password1": password1, "password2": password2}
    )

    assert response.status_code == 200
    assert error in response.content.decode()
    assert User.objects.count() == 0
    assert mail.outbox == []


# --- Password reset -----------------------------------------------------------------------------------------


def test_password_reset_sends_email_and_link_sets_new_password(client):
    user = make_verified_user(email="tecnic@granollers.cat")

    response = client.post(reverse("account_reset_password"), {"email": "tecnic@granollers.cat"})

    assert response.status_code == 302
    assert response["Location"] == reverse("account_reset_password_done")
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["tecnic@granollers.cat"]
    key_page = client.get(_link_in(mail.outbox[0].body), follow=True)
    assert key_page.status_code == 200
    set_password_url = key_page.redirect_chain[-1][0]

    done = client.post(set_password_url, {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD})

    assert done.status_code == 302
    assert done["Location"] == reverse("account_reset_password_from_key_done")
    user.refresh_from_db()
    assert user.check_password(NEW_PASSWORD) is True
    login = client.post(
        reverse("account_login"), {"login": "tecnic@granollers.cat", "password": NEW_PASSWORD}
    )
    assert login.status_code == 302
    assert _logged_in_user_id(client) == str(user.pk)


def test_password_reset_link_with_bad_key_changes_nothing(client):
    user = make_verified_user(email="tecnic@granollers.cat")

    response = client.get(f"/en/accounts/password/reset/key/{user.pk:x}-forged-key/", follow=True)

    assert response.status_code == 200
    assert "The password reset link was invalid" in response.content.decode()
    user.refresh_from_db()
    assert user.check_password(PASSWORD) is True


def test_password_reset_for_unknown_address_reveals_nothing(client):
    response = client.post(reverse("account_reset_password"), {"email": "nobody@example.org"})

    assert response.status_code == 302
    assert response["Location"] == reverse("account_reset_password_done")


# --- Pages in the site's layout, labelled and translated ---------------------------------------------------


@pytest.mark.parametrize(
    "url_name",
    ["account_login", "account_signup", "account_reset_password", "account_email_verification_sent"],
)
def test_account_pages_use_the_site_layout_with_labelled_fields(client, url_name):
    response = client.get(reverse(url_name))

    html = response.content.decode()
    assert response.status_code == 200
    assert 'class="skip-link"' in html
    assert 'href="/static/educities/css/accounts.css"' in html
    assert html.count("<h1>") == 1
    assert _unlabelled_controls(html.split('id="main"', 1)[1]) == []


def test_login_page_in_french_uses_allauths_translation(client):
    response = client.get("/fr/accounts/login/")

    html = " ".join(response.content.decode().split())
    assert '<html lang="fr">' in html
    assert "<h1> Connexion </h1>" in html
    assert "<title> Connexion · educities</title>" in html
    assert '<label for="id_password">Mot de passe :</label>' in html


def test_login_page_in_spanish_uses_allauths_translation(client):
    response = client.get("/es/accounts/login/")

    assert "<h1> Iniciar sesión </h1>" in " ".join(response.content.decode().split())


def test_account_management_pages_render_for_signed_in_user(client):
    client.force_login(make_verified_user())

    statuses = {
        name: client.get(reverse(name)).status_code
        for name in ("account_email", "account_change_password", "mfa_index")
    }

    assert statuses == {"account_email": 200, "account_change_password": 200, "mfa_index": 200}
