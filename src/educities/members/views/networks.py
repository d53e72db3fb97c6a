from django.http import HttpResponse


def network_list(request):
    return HttpResponse("networks")


def network_detail(request, slug):
    return HttpResponse(slug)
