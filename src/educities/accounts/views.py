"""Account pages of this project (allauth has the rest): the person's API tokens.

The secret of a new token is shown once, in the answer to the form that made it, never stored and never
cached; the list shows each token's name, prefix, dates and whether it still works.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from educities.accounts.domain.queries import api_tokens_for
from educities.accounts.domain.tokens import api_token_create, api_token_revoke
from educities.accounts.interfaces.forms import ApiTokenForm
from educities.accounts.models import ApiToken
from educities.core.domain.errors import DomainError

USE_API_TOKEN = "experiences.use_api_token"  # noqa: S105 - a permission name


@never_cache
@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def api_tokens(request):
    if not request.user.has_perm(USE_API_TOKEN):
        raise PermissionDenied
    created = None
    if request.method == "POST":
        form = ApiTokenForm(request.POST)
        if form.is_valid():
            try:
                created = api_token_create(
                    user=request.user, name=form.cleaned_data["name"], expires_at=form.expires_at()
                )
            except DomainError as error:
                form.add_error(None, error.message)
            else:
                form = ApiTokenForm()
    else:
        form = ApiTokenForm()
    return render(
        request,
        "accounts/api_tokens.html",
        {"form": form, "created": created, "tokens": list(api_tokens_for(user=request.user))},
    )


@login_required
@require_POST
def api_token_revoke_view(request, pk: int):
    # Another person's token is not found: its existence is none of the visitor's business.
    token = get_object_or_404(ApiToken, pk=pk, user=request.user)
    try:
        api_token_revoke(token=token, actor=request.user)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("The token “%(name)s” is revoked.") % {"name": token.name})
    return redirect("accounts:api_tokens")
