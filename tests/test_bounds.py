"""Every number a form can send fits its column: bounds on the model, Vietnamese messages, no 500."""

import pytest
from django.apps import apps
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.backends.postgresql.operations import DatabaseOperations
from django.urls import reverse


def project_app_labels():
    """The project's own apps (the apps to come included), not Django's or the packages'."""
    from django.conf import settings

    base = str(settings.BASE_DIR)
    return {
        config.label
        for config in apps.get_app_configs()
        if str(config.path).startswith(base) and ".venv" not in str(config.path)
    }


# Written by code, never by a form: file sizes, counters, ids of other rows, versions and page counts.
SET_BY_CODE = {
    "Attachment.size",
    "NominationFile.size",
    "OutboxMail.attempts",
    "Document.owner_id",
    "Document.version",
    "IssuedVersion.version",
    "IssuedVersion.year",
    "IssuedVersion.page_count",
    "RenderJob.progress",
    "RenderJob.page_count",
}


def number_fields():
    for model in apps.get_models():
        if model._meta.app_label not in project_app_labels():
            continue
        for field in model._meta.concrete_fields:
            if isinstance(field, models.IntegerField) and field.editable and not field.primary_key:
                yield f"{model.__name__}.{field.name}", field


def limits(field, validator_class):
    return [validator.limit_value for validator in field._validators if isinstance(validator, validator_class)]


@pytest.mark.parametrize(("name", "field"), [item for item in number_fields() if item[0] not in SET_BY_CODE])
def test_every_number_field_a_form_may_send_has_bounds_its_column_holds(name, field):
    column_min, column_max = DatabaseOperations.integer_field_ranges[field.get_internal_type()]
    highest, lowest = limits(field, MaxValueValidator), limits(field, MinValueValidator) or [0]

    assert highest, f"{name} has no MaxValueValidator"
    assert max(highest) <= column_max and min(lowest) >= column_min, name


def test_the_project_apps_are_found():
    assert project_app_labels() >= {"congress", "planning", "awards", "documents"}


def test_the_list_of_fields_set_by_code_names_only_real_fields():
    assert {name for name, _field in number_fields()} >= SET_BY_CODE


def test_a_task_number_past_the_column_is_a_form_error_in_vietnamese(client_for, secretariat, congress):
    from tests.planning.test_task_views import task_data

    response = client_for(secretariat).post(
        reverse("planning:task_create", args=[congress.pk]), task_data(number="2147483648")
    )

    assert response.status_code == 422
    assert response.context["form"].errors["number"] == ["Giá trị phải nhỏ hơn hoặc bằng 9999."]
