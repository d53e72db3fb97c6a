from itertools import groupby

from educities.charter.models import CharterPrinciple, PrincipleGroup


def principles_by_group() -> list[tuple[str, list[CharterPrinciple]]]:
    principles = CharterPrinciple.objects.order_by("number")
    return [
        (PrincipleGroup(group).label, list(items))
        for group, items in groupby(principles, key=lambda p: p.group)
    ]
