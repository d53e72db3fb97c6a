"""Joining the association (the application form), the certificate and withdrawing."""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.text import slugify
from django.utils.translation import gettext as _

from educities.core.domain.errors import DomainError
from educities.members.domain.membership import (
    membership_apply,
    membership_can_reapply,
    membership_can_withdraw,
    membership_withdraw,
)
from educities.members.enums import MembershipStatus
from educities.members.interfaces.certificate import membership_certificate_pdf
from educities.members.interfaces.forms import MembershipApplicationForm, WithdrawForm
from educities.members.models import City

# The steps of joining, in order, as the page shows them.
APPLICATION_STEPS = [
    MembershipStatus.APPLIED,
    MembershipStatus.UNDER_REVIEW,
    MembershipStatus.INVOICED,
    MembershipStatus.PAID,
    MembershipStatus.MEMBER,
]


def membership_apply_view(request):
    if not request.user.is_authenticated:
        return render(request, "members/apply/anonymous.html", {"steps": APPLICATION_STEPS})
    if not request.user.has_perm("members.apply_membership"):
        raise PermissionDenied
    form = MembershipApplicationForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            city = membership_apply(
                actor=request.user,
                name=data["name"],
                country=data["country"],
                population=data["population"],
                latitude=data["latitude"],
                longitude=data["longitude"],
                mayor_form=data["mayor_form"],
                plenary_approval=data["plenary_approval"],
                region=data["region"],
                website=data["website"],
                motivation=data["motivation"],
            )
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            if city.reapplied_from:
                text = _(
                    "Thank you: %(city)s, whose membership was closed (%(status)s), applies again. "
                    "The new application has been sent to the Secretariat and you are now an editor "
                    "of the city. You will receive an e-mail at each step."
                )
            else:
                text = _(
                    "Thank you: the application of %(city)s has been sent to the Secretariat. "
                    "You will receive an e-mail at each step."
                )
            status = MembershipStatus(city.reapplied_from).label if city.reapplied_from else ""
            messages.success(request, text % {"city": city.name, "status": status})
            return redirect("members:my_cities")
    return render(request, "members/apply/form.html", {"form": form, "steps": APPLICATION_STEPS})


def certificate_download(request, slug):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    city = get_object_or_404(City.objects.select_related("country", "ratified_at"), slug=slug)
    if not request.user.has_perm("members.download_certificate", city):
        raise PermissionDenied
    if city.membership_status != MembershipStatus.MEMBER:
        raise Http404(_("Only member cities have a membership certificate."))
    response = HttpResponse(membership_certificate_pdf(city), content_type="application/pdf")
    filename = f"certificate-{slugify(city.name) or city.pk}.pdf"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def membership_withdraw_view(request, slug):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    city = get_object_or_404(City.objects.select_related("country"), slug=slug)
    if not request.user.has_perm("members.withdraw_membership", city):
        raise PermissionDenied
    form = WithdrawForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            membership_withdraw(city=city, actor=request.user, comment=form.cleaned_data["comment"])
        except DomainError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("%(city)s has withdrawn from the association.") % {"city": city.name})
        return redirect("members:my_cities")
    return render(
        request,
        "members/apply/withdraw.html",
        {
            "city": city,
            "form": form,
            "can_withdraw": membership_can_withdraw(city=city),
            "can_reapply": membership_can_reapply(city=city),
        },
    )
