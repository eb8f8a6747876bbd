"""Login lockout: django-axes locks a username from one address; this also locks an address across usernames.

Password spraying tries a few passwords on many accounts, staying under the per-user limit on each.
The failures from one address, whatever the usernames, lock that address once they reach
AXES_ADDRESS_FAILURE_LIMIT within the cool-off time.
"""

from axes.attempts import get_cool_off_threshold
from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_failure_limit
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Sum


def address_failures(request):
    attempts = AccessAttempt.objects.filter(ip_address=request.axes_ip_address)
    if settings.AXES_COOLOFF_TIME is not None:
        attempts = attempts.filter(attempt_time__gte=get_cool_off_threshold(request))
    return attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0


class AddressLimitHandler(AxesDatabaseHandler):
    def get_failures(self, request, credentials=None):
        """The failures that count towards a lockout: the user's from this address, or, once the address
        has reached its own limit, at least the per-user limit (axes compares this number with it)."""
        failures = super().get_failures(request, credentials)
        if address_failures(request) >= settings.AXES_ADDRESS_FAILURE_LIMIT:
            return max(failures, get_failure_limit(request, credentials))
        return failures
