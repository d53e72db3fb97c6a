from django.http import HttpResponse


def city_detail(request, slug):
    return HttpResponse(slug)
