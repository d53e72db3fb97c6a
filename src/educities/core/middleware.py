from django.http import HttpResponseBadRequest, JsonResponse
from django.utils.translation import gettext as _


class RejectNullCharactersMiddleware:
    """Answer 400 to a query string with a NUL character.

    PostgreSQL refuses NUL in text, so a filter that reaches the database unvalidated (the admin's list
    filters, for one) would otherwise fail with a 500. Forms already refuse NUL in what they validate.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if any(
            "\x00" in key or any("\x00" in value for value in values) for key, values in request.GET.lists()
        ):
            message = _("The address contains a character that is not allowed (NUL).")
            if request.path.startswith("/api/"):
                # The API answers its errors as JSON, like its other 4xx responses.
                return JsonResponse({"detail": message}, status=400)
            return HttpResponseBadRequest(message, content_type="text/plain")
        return self.get_response(request)
