"""Who is reminded of a task or a meeting, read in bulk for a whole planning run.

A task reminds its assignees, the focal points of its lead organisations and the head of its
lead sub-committee (the sub-committee's head member, and users with the sub-committee-head
role); with the policy's consent, the focal points of its coordinating organisations too. A
sub-item without parties of its own answers through its parent's. Escalations go to the heads
of the lead organisations and to the board's standing deputy.

A meeting reminds its participants and chair, and the members of the body that meets (the
board, or the sub-committee).
"""

from collections import defaultdict

from congress.models import BoardMember, CongressRole, Organization, Person, SubcommitteeMember

from .models import Meeting, Task, TaskParty

Role = CongressRole.Role
LEAD = TaskParty.Role.LEAD


class RoleHolders:
    """The people behind organisations, sub-committees and boards of some congresses."""

    def __init__(self, congress_ids):
        self.focal_points = defaultdict(set)  # (congress id, organisation id) → person ids
        self.subcommittee_heads = defaultdict(set)  # sub-committee id → person ids
        self.standing_deputies = defaultdict(set)  # congress id → person ids
        self.board_members = defaultdict(set)  # congress id → person ids
        self.subcommittee_members = defaultdict(set)  # sub-committee id → person ids
        self.organization_heads = {}  # organisation id → person id, filled as needed
        roles = (
            CongressRole.objects.filter(
                congress_id__in=congress_ids,
                role__in=[Role.FOCAL_POINT, Role.SUBCOMMITTEE_HEAD],
                user__person__isnull=False,
            )
            .values_list("congress_id", "role", "organization_id", "subcommittee_id", "user__person__id")
            .order_by()
        )
        for congress_id, role, organization_id, subcommittee_id, person_id in roles:
            if role == Role.FOCAL_POINT:
                self.focal_points[(congress_id, organization_id)].add(person_id)
            else:
                self.subcommittee_heads[subcommittee_id].add(person_id)
        members = (
            SubcommitteeMember.objects.filter(subcommittee__congress_id__in=congress_ids)
            .values_list("subcommittee_id", "role", "person_id")
            .order_by()
        )
        for subcommittee_id, role, person_id in members:
            self.subcommittee_members[subcommittee_id].add(person_id)
            if role == SubcommitteeMember.Role.HEAD:
                self.subcommittee_heads[subcommittee_id].add(person_id)
        board = (
            BoardMember.objects.filter(board__congress_id__in=congress_ids)
            .values_list("board__congress_id", "role", "person_id")
            .order_by()
        )
        for congress_id, role, person_id in board:
            self.board_members[congress_id].add(person_id)
            if role == BoardMember.Role.STANDING_DEPUTY:
                self.standing_deputies[congress_id].add(person_id)
        self.inactive = set(Person.objects.filter(is_active=False).values_list("pk", flat=True).order_by())

    def learn_heads(self, organization_ids):
        missing = set(organization_ids) - self.organization_heads.keys()
        if missing:
            heads = Organization.objects.filter(pk__in=missing).values_list("pk", "head_id").order_by()
            self.organization_heads.update(dict(heads))
            self.organization_heads.update({pk: None for pk in missing - self.organization_heads.keys()})


class TaskPeople:
    """Recipients of a batch of tasks: `regular(task)`, `coordinating(task)` and `escalation(task)`
    as person-id sets."""

    def __init__(self, directory, rows):
        """`rows`: (task id, congress id, parent id) of the batch."""
        self.directory = directory
        self.congress_of = {task_id: congress_id for task_id, congress_id, _ in rows}
        self.parent_of = {task_id: parent_id for task_id, _, parent_id in rows}
        ids = set(self.congress_of) | {parent for parent in self.parent_of.values() if parent}
        self.parties = defaultdict(list)
        parties = TaskParty.objects.filter(task_id__in=ids).values_list(
            "task_id", "role", "organization_id", "subcommittee_id"
        )
        for task_id, role, organization_id, subcommittee_id in parties.order_by():
            self.parties[task_id].append((role, organization_id, subcommittee_id))
        self.assignees = defaultdict(set)
        assignees = Task.assignees.through.objects.filter(task_id__in=self.congress_of).values_list(
            "task_id", "person_id"
        )
        for task_id, person_id in assignees.order_by():
            self.assignees[task_id].add(person_id)
        directory.learn_heads(
            {org for parties in self.parties.values() for role, org, _ in parties if org and role == LEAD}
        )

    def _parties(self, task_id):
        return self.parties.get(task_id) or self.parties.get(self.parent_of[task_id], [])

    def regular(self, task_id):
        congress_id, directory = self.congress_of[task_id], self.directory
        people = set(self.assignees.get(task_id, ()))
        for role, organization_id, subcommittee_id in self._parties(task_id):
            if organization_id and role == LEAD:
                people |= directory.focal_points.get((congress_id, organization_id), set())
            if subcommittee_id and role == LEAD:
                people |= directory.subcommittee_heads.get(subcommittee_id, set())
        return people - directory.inactive

    def coordinating(self, task_id):
        """The focal points of the coordinating organisations (reminded when the policy says so)."""
        congress_id, directory = self.congress_of[task_id], self.directory
        people = set()
        for role, organization_id, _ in self._parties(task_id):
            if organization_id and role != LEAD:
                people |= directory.focal_points.get((congress_id, organization_id), set())
        return people - directory.inactive

    def escalation(self, task_id):
        directory = self.directory
        people = set(directory.standing_deputies.get(self.congress_of[task_id], ()))
        for role, organization_id, _ in self._parties(task_id):
            if organization_id and role == LEAD and directory.organization_heads.get(organization_id):
                people.add(directory.organization_heads[organization_id])
        return people - directory.inactive


def meeting_people(directory, meetings):
    """{meeting id: person ids} for a batch of Meeting rows (chair and body read from the row)."""
    participants = defaultdict(set)
    for meeting_id, person_id in (
        Meeting.participants.through.objects.filter(meeting_id__in=[meeting.pk for meeting in meetings])
        .values_list("meeting_id", "person_id")
        .order_by()
    ):
        participants[meeting_id].add(person_id)
    found = {}
    for meeting in meetings:
        people = set(participants.get(meeting.pk, ()))
        if meeting.chair_id:
            people.add(meeting.chair_id)
        if meeting.subcommittee_id:
            people |= directory.subcommittee_members.get(meeting.subcommittee_id, set())
        else:
            people |= directory.board_members.get(meeting.congress_id, set())
        found[meeting.pk] = people - directory.inactive
    return found
