"""Every formset builds at most a few rows, whatever TOTAL_FORMS a request claims."""

import pytest
from django.urls import reverse

from awards.forms import RequiredDocumentFormSet
from awards.models import AwardType
from congress.forms import ConnectionPointFormSet
from congress.models import CongressSession
from planning.forms import TaskPartyFormSet
from planning.imports.forms import ImportRowFormSet, UnknownNameFormSet
from planning.models import Task
from tests.planning.test_task_views import task_data

HUGE = "100000"
QUERIES_PER_ROW = 3  # a party row's model checks (its check constraints) run queries
# The task page answering 422: its own queries, then per party row its checks (a savepoint and a
# constraint check) and, as the row is drawn again, its lists of agencies and sub-committees.
PAGE_QUERIES = 20
QUERIES_PER_DRAWN_ROW = 5


def claimed(prefix, total=HUGE):
    return {f"{prefix}-TOTAL_FORMS": total, f"{prefix}-INITIAL_FORMS": "0"}


def formsets(congress):
    return [
        TaskPartyFormSet(claimed("parties"), instance=Task(congress=congress), congress=congress, prefix="parties"),
        ConnectionPointFormSet(claimed("points"), instance=CongressSession(congress=congress), prefix="points"),
        RequiredDocumentFormSet(claimed("documents"), instance=AwardType(), prefix="documents"),
        ImportRowFormSet(claimed("rows"), prefix="rows"),
        UnknownNameFormSet(
            claimed("names"), prefix="names", form_kwargs={"organization_choices": [], "may_create": False}
        ),
    ]


@pytest.mark.parametrize("index", range(5))
def test_a_formset_claiming_100000_rows_is_refused_quickly(congress, index, django_assert_max_num_queries):
    formset = formsets(congress)[index]

    # What a hostile request costs, counted rather than timed (a timer fails on a busy machine):
    # the rows built, and the queries, which the model's check constraints run per row at most.
    with django_assert_max_num_queries(QUERIES_PER_ROW * formset.absolute_max):
        valid = formset.is_valid()

    assert valid is False
    assert len(formset.forms) == formset.total_form_count() <= formset.absolute_max <= 2000
    assert formset.non_form_errors()


def test_the_task_form_claiming_100000_party_rows_answers_422_quickly(
    client_for, secretariat, congress, django_assert_max_num_queries
):
    client = client_for(secretariat)

    # Counted rather than timed: at most the rows the formset allows are checked and drawn.
    with django_assert_max_num_queries(PAGE_QUERIES + QUERIES_PER_DRAWN_ROW * TaskPartyFormSet.absolute_max):
        response = client.post(
            reverse("planning:task_create", args=[congress.pk]), task_data(**{"parties-TOTAL_FORMS": HUGE})
        )

    assert response.status_code == 422
    assert not Task.objects.exists()
    assert response.context["formset"].non_form_errors() == ["Vui lòng gửi tối đa 40 dòng."]


def project_formsets():
    """Every formset class defined in the project's apps, the apps to come included."""
    import importlib
    import pkgutil

    from django.apps import apps
    from django.conf import settings
    from django.forms import BaseFormSet

    found = {}
    for config in apps.get_app_configs():
        if not str(config.path).startswith(str(settings.BASE_DIR)) or ".venv" in str(config.path):
            continue
        for module_info in pkgutil.walk_packages([config.path], prefix=f"{config.name}."):
            if ".migrations" in module_info.name or ".management" in module_info.name:
                continue
            module = importlib.import_module(module_info.name)
            for name, value in vars(module).items():
                if isinstance(value, type) and issubclass(value, BaseFormSet) and hasattr(value, "form"):
                    found[f"{value.__module__}.{name}"] = value
    return found


def test_the_project_has_the_formsets_tested_above():
    assert {cls.__name__ for cls in project_formsets().values()} >= {
        "TaskPartyFormSet",
        "ConnectionPointFormSet",
        "RequiredDocumentFormSet",
        "ImportRowFormSet",
        "UnknownNameFormSet",
    }


@pytest.mark.parametrize("name", sorted(project_formsets()))
def test_every_formset_refuses_more_rows_than_a_small_bound(name):
    formset = project_formsets()[name]

    assert formset.validate_max, f"{name} must refuse, not silently cut, a posted TOTAL_FORMS above max_num"
    assert formset.max_num <= formset.absolute_max <= 2000, name
