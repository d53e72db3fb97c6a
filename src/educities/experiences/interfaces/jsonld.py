"""schema.org JSON-LD of an experience page: a CreativeWork by the city (a GovernmentOrganization).

Built as a dict and written into ``<script type="application/ld+json">`` with ``<``, ``>`` and ``&``
escaped as JSON unicode escapes, so no text (a title with ``</script>`` in it) can end the element.
"""

import json
from collections.abc import Sequence

from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html
from django.utils.safestring import SafeString

from educities.experiences.models import Experience

_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def experience_jsonld(
    *,
    experience: Experience,
    url: str,
    name: str,
    description: str,
    language: str,
    keywords: Sequence[str],
    city_url: str,
    country_name: str,
    image_urls: Sequence[str] = (),
) -> dict:
    """The JSON-LD of ``experience`` (city and country loaded) as shown: ``name`` and ``description``
    in ``language``. ``url`` and ``city_url`` are absolute."""
    city = experience.city
    data: dict = {
        "@context": "https://schema.org",
        "@type": "CreativeWork",
        "@id": url,
        "url": url,
        "name": name,
        "description": description,
        "inLanguage": language,
        "author": {
            "@type": "GovernmentOrganization",
            "name": city.name,
            "url": city_url,
            "address": {
                "@type": "PostalAddress",
                "addressLocality": city.name,
                "addressCountry": str(city.country.code),
            },
        },
        "spatialCoverage": {
            "@type": "Place",
            "name": f"{city.name}, {country_name}",
            "geo": {"@type": "GeoCoordinates", "latitude": city.latitude, "longitude": city.longitude},
        },
        "keywords": ", ".join(keywords),
        "publisher": {"@type": "Organization", "name": "International Association of Educating Cities"},
    }
    if experience.start_date:
        data["dateCreated"] = experience.start_date.isoformat()
    if experience.published_at:
        data["datePublished"] = experience.published_at.date().isoformat()
    if experience.last_published_at:
        data["dateModified"] = experience.last_published_at.date().isoformat()
    if experience.start_date or experience.end_date:
        start = experience.start_date.isoformat() if experience.start_date else ""
        end = experience.end_date.isoformat() if experience.end_date else ""
        data["temporalCoverage"] = f"{start}/{end or '..'}"
    if experience.is_award_winning:
        data["award"] = "Educating Cities Award"
    if image_urls:
        data["image"] = list(image_urls)
    return data


def jsonld_script(data: dict) -> SafeString:
    """``data`` as a ``<script type="application/ld+json">`` element that no value can break out of."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(_SCRIPT_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', SafeString(text))
