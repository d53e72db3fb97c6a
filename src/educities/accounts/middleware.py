"""Two-factor authentication is required of Secretariat staff in the back office and the Django admin.

A staff user (``is_staff``) without an active TOTP authenticator who opens a back-office or admin page is
sent to allauth's authenticator set-up page with a message. (Elsewhere such a user simply has no Secretariat
permission: see ``educities.members.rules.is_secretariat``.) ``settings.STAFF_MFA_REQUIRED`` (environment
``EDUCITIES_STAFF_MFA_REQUIRED``, on by default) turns the requirement off, for the local demo only.

The admin's own login form would skip allauth's e-mail verification and its MFA step, so it is replaced by
allauth's login page (the same thing ``allauth.account.decorators.secure_admin_login`` does).
"""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.http import HttpResponseRedirect
from django.shortcuts import resolve_url
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from educities.members.rules import staff_mfa_satisfied

PROTECTED_NAMESPACES = frozenset({"admin", "backoffice"})


class StaffMFAMiddleware:
    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if match is None or not PROTECTED_NAMESPACES.intersection(match.namespaces):
            return None
        user = request.user
        if not user.is_authenticated:
            if match.view_name == "admin:login":
                next_url = request.GET.get(REDIRECT_FIELD_NAME) or reverse("admin:index")
                login_url = resolve_url(settings.LOGIN_URL)
                return HttpResponseRedirect(f"{login_url}?{urlencode({REDIRECT_FIELD_NAME: next_url})}")
            return None
        if not user.is_staff or staff_mfa_satisfied(user):
            return None
        messages.warning(
            request,
            _(
                "Secretariat staff must protect their account with an authenticator app before using "
                "the back office. Set it up now, then open the page again."
            ),
        )
        return HttpResponseRedirect(reverse("mfa_activate_totp"))
