import datetime

import pytest
from django.utils import timezone

from educities.accounts.domain.tokens import api_token_create, api_token_revoke
from educities.accounts.models import ApiToken
from tests.factories import UserFactory

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

URL = "/en/accounts/api-tokens/"


def test_api_tokens_page_asks_anonymous_visitors_to_sign_in(client):
    response = client.get(URL)

    assert response.status_code == 302
    assert response["Location"] == "/en/accounts/login/?next=/en/accounts/api-tokens/"


def test_api_tokens_page_lists_the_users_tokens_only(client):
    user = UserFactory()
    api_token_create(user=user, name="Nightly export")
    revoked = api_token_create(user=user, name="Old laptop").token
    api_token_revoke(token=revoked, actor=user)
    api_token_create(user=UserFactory(), name="Someone else's")
    client.force_login(user)

    response = client.get(URL)

    assert response.status_code == 200
    page = response.content.decode()
    assert "Nightly export" in page
    assert "Old laptop" in page
    assert "revoked" in page
    assert "Someone else" not in page
    assert "no-cache" in response["Cache-Control"]


def test_api_tokens_page_creates_a_token_and_shows_the_secret_once(client):
    user = UserFactory()
    client.force_login(user)

    response = client.post(URL, {"name": "Sync <script>", "expires": "30"})

    assert response.status_code == 200
    token = ApiToken.objects.get(user=user)
    secret = response.context["created"].secret
    page = response.content.decode()
    assert secret in page
    assert "Sync &lt;script&gt;" in page
    assert "no-store" in response["Cache-Control"]
    assert token.name == "Sync <script>"
    assert token.prefix == secret[:12]
    expected = timezone.now() + datetime.timedelta(days=30)
    assert abs((token.expires_at - expected).total_seconds()) < 60
    assert secret not in client.get(URL).content.decode()


def test_api_tokens_page_never_expiring_token(client):
    user = UserFactory()
    client.force_login(user)

    client.post(URL, {"name": "forever", "expires": "never"})

    assert ApiToken.objects.get(user=user).expires_at is None


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"name": "", "expires": "30"}, "name", "This field is required."),
        (
            {"name": "x" * 101, "expires": "30"},
            "name",
            "Ensure this value has at most 100 characters (it has 101).",
        ),
        (
            {"name": "a\tb", "expires": "30"},
            "name",
            "Remove the control characters (line breaks, tabs and the like) from this text.",
        ),
        (
            {"name": "ok", "expires": "7000"},
            "expires",
            "Select a valid choice. 7000 is not one of the available choices.",
        ),
    ],
)
def test_api_tokens_page_refuses_bad_input_and_makes_nothing(client, data, field, message):
    client.force_login(UserFactory())

    response = client.post(URL, data)

    assert response.status_code == 200
    assert response.context["form"].errors[field] == [message]
    assert response.context["created"] is None
    assert ApiToken.objects.count() == 0


def test_api_tokens_page_revokes_the_users_token(client):
    user = UserFactory()
    token = api_token_create(user=user, name="script").token
    client.force_login(user)

    response = client.post(f"{URL}{token.pk}/revoke/", follow=True)

    assert response.redirect_chain == [("/en/accounts/api-tokens/", 302)]
    assert "The token “script” is revoked." in response.content.decode()
    assert ApiToken.objects.get().revoked_at is not None


def test_api_tokens_page_cannot_revoke_another_users_token(client):
    token = api_token_create(user=UserFactory(), name="script").token
    client.force_login(UserFactory())

    response = client.post(f"{URL}{token.pk}/revoke/")

    assert response.status_code == 404
    assert ApiToken.objects.get().revoked_at is None


def test_api_tokens_page_revoke_needs_post(client):
    user = UserFactory()
    token = api_token_create(user=user, name="script").token
    client.force_login(user)

    response = client.get(f"{URL}{token.pk}/revoke/")

    assert response.status_code == 405
    assert ApiToken.objects.get().revoked_at is None


def test_my_account_links_to_the_api_tokens_page(client):
    client.force_login(UserFactory())

    response = client.get("/en/my-cities/")

    assert 'href="/en/accounts/api-tokens/"' in response.content.decode()
