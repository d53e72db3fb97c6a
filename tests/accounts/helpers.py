"""Helpers for the accounts tests: verified users and TOTP codes computed like an authenticator app."""

from allauth.account.models import EmailAddress
from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, hotp_value, yield_hotp_counters_from_time

from tests.factories import StaffFactory, UserFactory

PASSWORD = "correct-horse-battery"
TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"


def verified(user):
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    return user


def make_verified_user(**kwargs):
    return verified(UserFactory(**kwargs))


def make_verified_staff(**kwargs):
    return verified(StaffFactory(**kwargs))


def totp_activate(user, secret: str = TOTP_SECRET):
    return TOTP.activate(user, secret).instance


def totp_code(secret: str = TOTP_SECRET) -> str:
    counters = list(yield_hotp_counters_from_time())
    return format_hotp_value(hotp_value(secret, counters[len(counters) // 2]))
