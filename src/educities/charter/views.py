from django.shortcuts import render

from educities.charter.queries import principles_by_group


def principles(request):
    return render(request, "charter/principles.html", {"groups": principles_by_group()})
