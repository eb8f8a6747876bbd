"""Every form of the project, fuzzed with hypothesis: no server error, nothing half-saved.

The forms are discovered, not listed: every URL pattern of the URL × role matrix is opened by a
superuser on a world with one of everything (tests/test_url_matrix.py), and every <form> on the
page is taken as a browser would submit it. Each example replaces some of its fields with hostile
values (long strings, null bytes, right-to-left and zero-width characters, markup, huge and
negative numbers, impossible dates, random Unicode) and submits it. Then:

- the answer is never a server error (the test client re-raises any exception a view lets out);
- a refused submission (4xx) changed no row anywhere: nothing half-saved.

Each example runs in a transaction rolled back afterwards, so one accepted save or deletion never
changes what the next example starts from. Examples per form: the hypothesis profile
("ci" by default, 6 examples per form; HYPOTHESIS_PROFILE=thorough for 50).
"""

import os
from collections import Counter
from urllib.parse import urljoin, urlsplit

import lxml.html
import pytest
from django.apps import apps
from django.db import connection, transaction
from django.forms import BaseForm, BaseFormSet
from django.test import Client
from django.urls import Resolver404, resolve
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from tests.factories import PersonFactory, UserFactory
from tests.test_url_matrix import build_congress, global_ids, reverse_url, url_patterns

hypothesis_settings.register_profile(
    "ci", max_examples=6, deadline=None, database=None, derandomize=True, suppress_health_check=list(HealthCheck)
)
hypothesis_settings.register_profile(
    "thorough", max_examples=50, deadline=None, database=None, suppress_health_check=list(HealthCheck)
)
hypothesis_settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

# Forms that end the session or leave the app: fuzzing them tests nothing of the app's own.
SKIPPED_ACTIONS = ("/accounts/logout/",)

HOSTILE = [
    "",
    " ",
    "\x00",
    "Tên\x00ẩn",
    "\u202eemag\u202c",  # right-to-left override
    "Đại\u200bhội\u200d\ufeff",  # zero-width characters
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "{{ request }}{% debug %}",
    "' OR 1=1 --",
    "x" * 20_000,
    "Đ" * 1_000,
    "\n" * 500,
    "2147483648",
    "-2147483649",
    "9" * 40,
    "-1",
    "0",
    "1e400",
    "NaN",
    "-inf",
    "3.5",
    "１２３",  # full-width digits
    "٣",
    "31/02/2024",
    "29/02/2023",
    "00/00/0000",
    "32/13/2024 25:61",
    "01/01/0001",
    "31/12/9999 23:59",
    "9999-99-99",
    "../../etc/passwd",
]
hostile_value = st.one_of(
    st.sampled_from(HOSTILE),
    st.text(st.characters(exclude_categories=("Cs",)), max_size=300),
    st.integers(min_value=-(2**70), max_value=2**70).map(str),
)


def discovered_forms(client, urls, classes):
    """{(method, action, field names): (url name, {name: [values]})} for every form on the pages;
    the Django form classes the pages rendered are added to `classes`."""
    found = {}
    for name, url in urls:
        response = client.get(url)
        if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
            continue
        for context in response.context or []:
            for values in context.dicts:
                for value in values.values():
                    if isinstance(value, BaseFormSet):
                        classes.update({type(value), value.form})
                    elif isinstance(value, BaseForm):
                        classes.add(type(value))
        page = lxml.html.fromstring(response.content.decode())
        for form in page.forms:
            method = (form.method or "get").lower()
            action = urljoin(url, form.get("action") or url)
            if urlsplit(action).netloc or urlsplit(action).path in SKIPPED_ACTIONS:
                continue
            values = {}
            for field, value in form.form_values():
                values.setdefault(field, []).append(value.removeprefix("\n"))
            for element in form.inputs:  # unticked boxes and empty selects are fuzzed too
                if element.name and element.name != "csrfmiddlewaretoken":
                    values.setdefault(element.name, [])
            values.pop("csrfmiddlewaretoken", None)
            if not values:
                continue
            key = (method, urlsplit(action).path, tuple(sorted(values)))
            found.setdefault(key, (name, values))
    return found


def project_form_classes():
    """The project's own form classes that a page can show (abstract bases and formset rows left out)."""

    def subclasses(cls):
        for sub in cls.__subclasses__():
            yield sub
            yield from subclasses(sub)

    own = ("congress.", "planning.", "awards.", "documents.", "delegates.", "clusters.", "reminders.")
    return {cls for cls in subclasses(BaseForm) if cls.__module__.startswith(own) and "Mixin" not in cls.__name__}


def row_counts():
    """The number of rows of every table, in one query."""
    tables = sorted({model._meta.db_table for model in apps.get_models() if model._meta.managed})
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        cursor.execute("SELECT " + ", ".join(f"(SELECT COUNT(*) FROM {quote(table)})" for table in tables))
        return dict(zip(tables, cursor.fetchone(), strict=True))


@pytest.fixture
def fuzz_world(db, settings):
    from awards.models import AwardType

    settings.AXES_ENABLED = False
    from awards.models import CouncilSession

    ids, users = build_congress(standing_office=True)
    # The matrix's dossier is not on its council session's agenda; the ballot form needs it there.
    CouncilSession.objects.get(pk=ids["council_session_pk"]).nominations.add(ids["nomination_pk"])
    world = {"A": (ids, users), "catalogue_pk": AwardType.objects.first().pk}
    shared = global_ids(world)
    urls = []
    for name, route, pattern in url_patterns():
        try:
            urls.append((name, reverse_url(name, route, pattern, ids, shared)))
        except Exception:  # noqa: BLE001 - a pattern the matrix cannot fill has no page to find forms on
            continue
    return urls


def test_every_form_survives_hostile_input(fuzz_world, capsys):
    user = UserFactory(is_superuser=True, is_staff=True, username="fuzz")
    PersonFactory(user=user)  # a person of the directory has reminder preferences to set
    client = Client()
    client.force_login(user)
    rendered = set()
    forms = discovered_forms(client, fuzz_world, rendered)
    examples, statuses, failures = Counter(), Counter(), []

    for (method, action, _names), (url_name, base) in sorted(forms.items()):
        try:
            resolve(action)
        except Resolver404:
            continue
        label = f"{method.upper()} {action} ({url_name})"
        fields = st.fixed_dictionaries(
            {
                name: st.one_of(st.just(values), hostile_value.map(lambda value: [value]), st.just([]))
                for name, values in base.items()
            }
        )

        def one_example(data, method=method, action=action, label=label):
            examples[label] += 1
            with transaction.atomic():
                client.force_login(user)
                before = row_counts() if method == "post" else None
                data = {name: values for name, values in data.items() if values}
                response = getattr(client, method)(action, data)
                statuses[response.status_code // 100] += 1
                assert response.status_code < 500, label
                if 400 <= response.status_code < 500 and method == "post":
                    assert row_counts() == before, f"{label}: a refused submission changed rows"
                transaction.set_rollback(True)

        try:
            given(data=fields)(lambda data: one_example(data))()
        except Exception as error:  # noqa: BLE001 - every form is tried; all failures are reported at once
            failures.append(f"{label}: {type(error).__name__}: {str(error)[:500]}")

    with capsys.disabled():
        total = sum(examples.values())
        print(f"\nForm fuzzing: {len(examples)} forms, {total} examples, answers by class {dict(statuses)}")
        for label, count in sorted(examples.items()):
            print(f"  {count:4d}  {label}")
        unseen = sorted(
            f"{cls.__module__}.{cls.__name__}"
            for cls in project_form_classes()
            if not any(issubclass(shown, cls) for shown in rendered)
        )
        print(f"  Form classes on no page of the matrix's world (fuzzed only where a page shows them): {unseen}")
    assert failures == [], "\n".join(failures)
    assert len(examples) >= 60  # the discovery found the project's forms, not a login page only


@pytest.mark.django_db
def test_a_number_no_column_holds_matches_no_row_in_a_list():
    from congress.models import Organization

    organization = Organization.objects.create(name="Sở Nội vụ")

    assert list(Organization.objects.filter(pk__in=[2**70, organization.pk, -(2**70)])) == [organization]
    assert list(Organization.objects.filter(pk__in=[2**63])) == []
