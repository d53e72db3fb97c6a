"""The Bearer authentication class, on its own (the API tests use it through real endpoints)."""

import pytest
from rest_framework import exceptions
from rest_framework.request import Request
from rest_framework.test import APIRequestFactory

from educities.accounts.api.authentication import BearerTokenAuthentication
from educities.accounts.domain.tokens import api_token_create, api_token_revoke
from tests.factories import UserFactory

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def _authenticate(header: str | bytes | None):
    extra = {} if header is None else {"HTTP_AUTHORIZATION": header}
    request = Request(APIRequestFactory().get("/api/v1/me/experiences/", **extra))
    return BearerTokenAuthentication().authenticate(request)


def test_bearer_authentication_finds_the_tokens_user():
    user = UserFactory()
    created = api_token_create(user=user, name="script")

    assert _authenticate(f"Bearer {created.secret}") == (user, created.token)
    assert _authenticate(f"bearer  {created.secret}") == (user, created.token)


@pytest.mark.parametrize("header", [None, "", "Basic dXNlcjpwYXNz", "Token abc", "Bearerx abc"])
def test_bearer_authentication_leaves_other_schemes_to_the_next_class(header):
    assert _authenticate(header) is None


@pytest.mark.parametrize(
    ("header", "message"),
    [
        ("Bearer", "Invalid token header: no token given."),
        ("Bearer ", "Invalid token header: no token given."),
        ("Bearer a b", "Invalid token header: the token has no spaces."),
        ("Bearer " + "A" * 500, "Invalid token header: the token has no spaces."),
        ("Bearer edu_abc", "Invalid token."),
        ("Bearer edu_" + "A" * 43, "Invalid token."),
        ("Bearer ' OR 1=1 --", "Invalid token header: the token has no spaces."),
        ("Bearer %00%00", "Invalid token."),
    ],
)
def test_bearer_authentication_refuses_a_malformed_or_unknown_token(header, message):
    api_token_create(user=UserFactory(), name="script")

    with pytest.raises(exceptions.AuthenticationFailed) as error:
        _authenticate(header)

    assert str(error.value.detail) == message


def test_bearer_authentication_refuses_non_ascii_bytes():
    with pytest.raises(exceptions.AuthenticationFailed) as error:
        _authenticate("Bearer edu_\u00e9\u00e9".encode().decode("latin-1"))

    assert str(error.value.detail) == "Invalid token header: unexpected characters."


def test_bearer_authentication_refuses_a_revoked_token():
    user = UserFactory()
    created = api_token_create(user=user, name="script")
    api_token_revoke(token=created.token, actor=user)

    with pytest.raises(exceptions.AuthenticationFailed) as error:
        _authenticate(f"Bearer {created.secret}")

    assert str(error.value.detail) == "This token has been revoked."


def test_bearer_authentication_challenge_makes_refusals_401():
    request = Request(APIRequestFactory().get("/"))

    assert BearerTokenAuthentication().authenticate_header(request) == 'Bearer realm="api"'
