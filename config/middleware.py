from django.conf import settings
from django.utils import translation


class ChosenLanguageMiddleware:
    """Vietnamese unless the user chose otherwise with the language switcher.

    Django's LocaleMiddleware follows the browser's Accept-Language, and many browsers in
    Vietnamese offices are set to English; the app speaks Vietnamese to them all the same.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.supported = {code for code, _ in settings.LANGUAGES}

    def __call__(self, request):
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        language = chosen if chosen in self.supported else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        return response


class PrivatePagesMiddleware:
    """Pages for a signed-in user and every file download are neither stored nor shared by caches.

    A browser's back button or a shared proxy would otherwise keep a dossier, a task list or a
    downloaded file after the user has signed out.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        is_download = response.streaming or "attachment" in response.get("Content-Disposition", "")
        if (user is not None and user.is_authenticated) or is_download:
            response["Cache-Control"] = "private, no-store"
        return response
