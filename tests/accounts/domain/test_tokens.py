import datetime
import hashlib

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from educities.accounts.domain.queries import api_tokens_for
from educities.accounts.domain.tokens import (
    TOKENS_PER_USER,
    TokenRefused,
    api_token_authenticate,
    api_token_create,
    api_token_revoke,
)
from educities.accounts.models import ApiToken
from educities.core.domain.errors import DomainError, PermissionRefused
from educities.core.models import AuditEntry
from tests.factories import StaffFactory, UserFactory

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def test_api_token_create_returns_the_secret_once_and_keeps_only_its_digest():
    user = UserFactory()

    created = api_token_create(user=user, name="  Sync script  ")

    token = ApiToken.objects.get()
    assert created.token == token
    assert created.secret.startswith("edu_")
    assert len(created.secret) == 47
    assert token.name == "Sync script"
    assert token.prefix == created.secret[:12]
    assert token.key_digest == hashlib.sha256(created.secret.encode()).hexdigest()
    assert created.secret not in str(ApiToken.objects.values().get())
    assert token.last_used_at is None
    assert token.revoked_at is None
    assert token.expires_at is None
    assert list(AuditEntry.objects.values_list("action", "actor_id", "comment")) == [
        ("create", user.pk, "Sync script")
    ]


def test_api_token_create_gives_a_different_secret_each_time():
    user = UserFactory()

    secrets = {api_token_create(user=user, name=f"t{n}").secret for n in range(5)}

    assert len(secrets) == 5


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("", "Give the token a name, such as the program that will use it."),
        ("   ", "Give the token a name, such as the program that will use it."),
        ("x" * 101, "A token name is one line of at most 100 characters."),
        ("two\nlines", "A token name is one line of at most 100 characters."),
        ("nul\x00", "A token name is one line of at most 100 characters."),
    ],
)
def test_api_token_create_refuses_a_bad_name(name, message):
    user = UserFactory()

    with pytest.raises(DomainError) as error:
        api_token_create(user=user, name=name)

    assert error.value.message == message
    assert ApiToken.objects.count() == 0


def test_api_token_create_refuses_an_expiry_in_the_past():
    with pytest.raises(DomainError) as error:
        api_token_create(
            user=UserFactory(), name="old", expires_at=timezone.now() - datetime.timedelta(seconds=1)
        )

    assert error.value.message == "The expiry date must be in the future."
    assert ApiToken.objects.count() == 0


def test_api_token_create_refuses_anonymous_and_inactive_users():
    with pytest.raises(PermissionRefused):
        api_token_create(user=AnonymousUser(), name="x")
    with pytest.raises(PermissionRefused):
        api_token_create(user=UserFactory(is_active=False), name="x")

    assert ApiToken.objects.count() == 0


def test_api_token_create_refuses_more_than_the_limit_of_active_tokens():
    user = UserFactory()
    for number in range(TOKENS_PER_USER):
        api_token_create(user=user, name=f"t{number}")

    with pytest.raises(DomainError) as error:
        api_token_create(user=user, name="one too many")

    assert error.value.message == "You have 20 active tokens: revoke one before making another."
    api_token_revoke(token=ApiToken.objects.filter(user=user).first(), actor=user)
    api_token_create(user=user, name="now it fits")
    assert ApiToken.objects.filter(user=user).count() == TOKENS_PER_USER + 1


def test_api_token_authenticate_finds_the_user_and_notes_the_use():
    user = UserFactory()
    created = api_token_create(user=user, name="script")

    found_user, token = api_token_authenticate(secret=created.secret)

    assert found_user == user
    assert token == created.token
    assert ApiToken.objects.get().last_used_at is not None


def test_api_token_authenticate_writes_last_use_at_most_once_a_minute(django_assert_num_queries):
    created = api_token_create(user=UserFactory(), name="script")
    api_token_authenticate(secret=created.secret)
    first = ApiToken.objects.get().last_used_at

    with django_assert_num_queries(1):  # the look-up only, no update
        api_token_authenticate(secret=created.secret)

    assert ApiToken.objects.get().last_used_at == first
    ApiToken.objects.update(last_used_at=first - datetime.timedelta(minutes=2))
    api_token_authenticate(secret=created.secret)
    assert ApiToken.objects.get().last_used_at > first


@pytest.mark.parametrize(
    "secret",
    [
        "",
        "edu_",
        "edu_" + "A" * 43,  # well formed, unknown
        "edu_" + "A" * 44,
        "abc_" + "A" * 43,
        "edu_" + "é" * 43,
        "edu_" + "A" * 42 + "\x00",
        "x" * 100_000,
    ],
)
def test_api_token_authenticate_refuses_an_unknown_or_malformed_secret(secret):
    api_token_create(user=UserFactory(), name="script")

    with pytest.raises(TokenRefused) as error:
        api_token_authenticate(secret=secret)

    assert error.value.message == "Invalid token."


def test_api_token_authenticate_refuses_a_revoked_token():
    user = UserFactory()
    created = api_token_create(user=user, name="script")
    api_token_revoke(token=created.token, actor=user)

    with pytest.raises(TokenRefused) as error:
        api_token_authenticate(secret=created.secret)

    assert error.value.message == "This token has been revoked."


def test_api_token_authenticate_refuses_an_expired_token():
    created = api_token_create(
        user=UserFactory(), name="script", expires_at=timezone.now() + datetime.timedelta(days=1)
    )
    ApiToken.objects.update(expires_at=timezone.now() - datetime.timedelta(seconds=1))

    with pytest.raises(TokenRefused) as error:
        api_token_authenticate(secret=created.secret)

    assert error.value.message == "This token has expired."
    assert ApiToken.objects.get().last_used_at is None


def test_api_token_authenticate_refuses_the_token_of_a_disabled_account():
    user = UserFactory()
    created = api_token_create(user=user, name="script")
    user.is_active = False
    user.save()

    with pytest.raises(TokenRefused) as error:
        api_token_authenticate(secret=created.secret)

    assert error.value.message == "This account is disabled."


def test_api_token_revoke_by_its_owner_is_audited_once():
    user = UserFactory()
    token = api_token_create(user=user, name="script").token

    api_token_revoke(token=token, actor=user)
    first = ApiToken.objects.get().revoked_at
    api_token_revoke(token=token, actor=user)

    assert first is not None
    assert ApiToken.objects.get().revoked_at == first
    assert list(AuditEntry.objects.values_list("action", flat=True).order_by("id")) == ["create", "revoke"]


def test_api_token_revoke_by_staff_is_allowed():
    token = api_token_create(user=UserFactory(), name="script").token

    api_token_revoke(token=token, actor=StaffFactory())

    assert ApiToken.objects.get().revoked_at is not None


@pytest.mark.parametrize("actor", ["other", "anonymous"])
def test_api_token_revoke_by_someone_else_is_refused(actor):
    token = api_token_create(user=UserFactory(), name="script").token
    someone = UserFactory() if actor == "other" else AnonymousUser()

    with pytest.raises(PermissionRefused):
        api_token_revoke(token=token, actor=someone)

    assert ApiToken.objects.get().revoked_at is None


def test_api_tokens_for_lists_only_the_users_tokens_newest_first():
    user = UserFactory()
    first = api_token_create(user=user, name="first").token
    second = api_token_create(user=user, name="second").token
    api_token_create(user=UserFactory(), name="someone else's")

    assert list(api_tokens_for(user=user)) == [second, first]
