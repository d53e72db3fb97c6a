"""The public page of the association's governing bodies."""

from django.shortcuts import render
from django.views.decorators.http import require_safe

from educities.members.domain.queries_governance import executive_committee_seats, general_assemblies


@require_safe
def governance(request):
    return render(
        request,
        "members/governance.html",
        {"seats": executive_committee_seats(), "assemblies": general_assemblies()},
    )
