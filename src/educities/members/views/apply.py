from django.http import HttpResponse


def membership_apply_view(request):
    return HttpResponse("apply")


def certificate_download(request, slug):
    return HttpResponse(slug)


def membership_withdraw_view(request, slug):
    return HttpResponse(slug)
