"""Writing an import: the checked rows of a pasted table become tasks, in one transaction."""

from django.db import transaction

from congress.models import Organization

from ..models import Task, TaskEvent, TaskParty
from .tables import PartyKind, name_key


@transaction.atomic
def import_tasks(congress, *, rows, matched, created, by):
    """Create the tasks of checked rows (`CheckedRow`s, in the pasted order); returns them, sub-items included.

    `matched` maps an unknown name's key to the organisation it stands for; `created` maps a key to the name
    of an organisation to add to the directory. Steps: add those organisations; create each task in order
    (a sub-item under its task) with its parties, leads first, and a "created" history entry marked as
    imported; then let each task with sub-items but no deadline of its own take their latest date.
    """
    stands_for = {**matched, **_create_organizations(created)}
    tasks = {}
    for item in rows:
        task = Task(
            congress=congress,
            parent=tasks[item.parent.index] if item.parent else None,
            number=item.number,
            content=item.row.content,
        )
        task.set_deadline(item.row.deadline)
        task.save()
        tasks[item.index] = task
        TaskParty.objects.bulk_create(_parties(task, item, stands_for))
    TaskEvent.objects.bulk_create(
        TaskEvent(task=task, actor=by, kind=TaskEvent.Kind.CREATED, changes={"source": "import"})
        for task in tasks.values()
    )
    for item in rows:
        if item.subitems:
            tasks[item.index].save(update_fields=["due_date", "group_month"])
    return list(tasks.values())


def _create_organizations(names):
    """name key → a new organisation of that name, its kind guessed from the name's first words."""
    return {key: Organization.objects.create(name=name, kind=guess_kind(name)) for key, name in names.items()}


def _parties(task, item, stands_for):
    parties = []
    for order, (role, party) in enumerate(item.parties, start=1):
        organization = party.organization
        if party.kind == PartyKind.UNKNOWN:
            organization = stands_for.get(party.key)
        parties.append(
            TaskParty(
                task=task,
                role=role,
                order=order,
                organization=organization,
                subcommittee=party.subcommittee,
                phrase=party.text,
            )
        )
    return parties


# The directory's kinds by the first words of a name: a created organisation starts in the right list.
_KINDS = [
    (("ubnd xa", "ubnd phuong", "ubnd thi tran", "xa ", "phuong ", "thi tran "), Organization.Kind.COMMUNE),
    (("ubnd huyen", "ubnd thanh pho", "ubnd thi xa", "huyen ", "thanh pho ", "thi xa "), Organization.Kind.DISTRICT),
    (("ubnd",), Organization.Kind.PEOPLES_COMMITTEE),
    (("ldld", "cong doan"), Organization.Kind.UNION),
    (("bao ", "dai "), Organization.Kind.MEDIA),
    (("hoi ", "doan ", "mttq", "uy ban mttq", "tinh doan"), Organization.Kind.MASS_ORGANIZATION),
    (("cong ty", "tong cong ty", "tap doan", "ngan hang"), Organization.Kind.ENTERPRISE),
    (("so ", "ban ", "van phong", "phong ", "chi cuc", "cuc ", "trung tam", "thanh tra"), Organization.Kind.DEPARTMENT),
]


def guess_kind(name):
    key = name_key(name)
    for starts, kind in _KINDS:
        if key.startswith(starts):
            return kind
    return Organization.Kind.OTHER
