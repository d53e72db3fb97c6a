"""Project-level pages that combine several capabilities (the home page)."""

from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import get_language

from educities.core.domain.translations_queries import translations_prefetch
from educities.experiences.domain.queries import experience_featured_for_home, experience_image
from educities.members.domain.queries import headline_figures, networks_with_counts


def home(request):
    focus = experience_featured_for_home(day=timezone.localdate())
    return render(
        request,
        "home.html",
        {
            "figures": headline_figures(),
            "networks": networks_with_counts()[:8],
            "focus": focus,
            "focus_image": experience_image(focus) if focus else None,
            "translations": (
                translations_prefetch(objects=[focus], fields=["title", "summary"], language=get_language())
                if focus
                else {}
            ),
        },
    )
