from django.http import HttpResponse


def application_queue(request):
    return HttpResponse("queue")


def application_detail(request, slug):
    return HttpResponse(slug)


def application_act(request, slug, action):
    return HttpResponse(slug)


def application_document(request, slug, pk, kind):
    return HttpResponse(slug)


def fee_status(request):
    return HttpResponse("fees")


def fee_mark_paid_view(request, pk):
    return HttpResponse("paid")


def import_view(request):
    return HttpResponse("import")


def network_create_view(request):
    return HttpResponse("network")
