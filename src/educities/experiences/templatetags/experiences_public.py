"""``{% load experiences_public %}``: the bank of experiences on pages of other capabilities.

``{% city_experiences city %}`` lists a city's published experiences (on the city page) in the reader's
language, in a fixed number of queries, so the members app needs no import of this one.
"""

from django import template
from django.urls import reverse
from django.utils.translation import get_language

from educities.core.domain.translations_queries import translations_prefetch
from educities.experiences.domain.queries import experiences_of_city_public

register = template.Library()


@register.inclusion_tag("experiences/public/partials/city_experiences.html", takes_context=True)
def city_experiences(context, city):
    experiences = list(experiences_of_city_public(city=city))
    return {
        "request": context.get("request"),
        "city": city,
        "experiences": experiences,
        "translations": translations_prefetch(
            objects=experiences, fields=["title", "summary"], language=get_language()
        ),
        "country_search_url": f"{reverse('experiences:search')}?country={city.country.code}",
    }
