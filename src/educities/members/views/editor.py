from django.http import HttpResponse


def my_cities(request):
    return HttpResponse("mine")


def city_edit(request, slug):
    return HttpResponse(slug)


def contact_edit(request, slug, pk=None):
    return HttpResponse(slug)


def contact_delete(request, slug, pk):
    return HttpResponse(slug)
