"""Project-level pages that combine several capabilities (the home page)."""

from django.shortcuts import render

from educities.members.domain.queries import headline_figures, networks_with_counts


def home(request):
    return render(
        request,
        "home.html",
        {"figures": headline_figures(), "networks": networks_with_counts()[:8]},
    )
