from django.http import HttpResponse


def directory_view(request):  # placeholder until the directory is built
    return HttpResponse("directory")


def directory_export(request):
    return HttpResponse("export")
