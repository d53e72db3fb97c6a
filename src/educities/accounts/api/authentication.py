"""``Authorization: Bearer <token>`` for the REST API, with personal tokens (``accounts.ApiToken``).

A request without a Bearer header is left to the next authentication class (the session, for the
browsable documentation); a Bearer header that is malformed, unknown, revoked or expired is refused with
a 401 that says why, whatever else the request carries.
"""

from django.utils.translation import gettext as _
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from rest_framework import exceptions
from rest_framework.authentication import BaseAuthentication, get_authorization_header

from educities.accounts.domain.tokens import TokenRefused, api_token_authenticate

KEYWORD = b"bearer"
HEADER_MAX_LENGTH = 200


class BearerTokenAuthentication(BaseAuthentication):
    def authenticate(self, request):
        header = get_authorization_header(request)
        parts = header.split()
        if not parts or parts[0].lower() != KEYWORD:
            return None
        if len(parts) == 1:
            raise exceptions.AuthenticationFailed(_("Invalid token header: no token given."))
        if len(parts) > 2 or len(header) > HEADER_MAX_LENGTH:
            raise exceptions.AuthenticationFailed(_("Invalid token header: the token has no spaces."))
        try:
            secret = parts[1].decode("ascii")
        except UnicodeDecodeError:
            raise exceptions.AuthenticationFailed(_("Invalid token header: unexpected characters.")) from None
        try:
            user, token = api_token_authenticate(secret=secret)
        except TokenRefused as refused:
            raise exceptions.AuthenticationFailed(refused.message) from None
        return user, token

    def authenticate_header(self, request) -> str:
        # Makes an unauthenticated request a 401 (with this challenge) rather than a 403.
        return 'Bearer realm="api"'


class BearerTokenScheme(OpenApiAuthenticationExtension):
    target_class = "educities.accounts.api.authentication.BearerTokenAuthentication"
    name = "bearerAuth"

    def get_security_definition(self, auto_schema):
        return {
            "type": "http",
            "scheme": "bearer",
            "description": _(
                "A personal API token, made on the “API tokens” page of your account: "
                "Authorization: Bearer edu_…"
            ),
        }
