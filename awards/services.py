"""Changing dossiers: saving, files, every step of the status path (each logged), and the council.

Every step is a function here that checks what the step needs and refuses otherwise with a
TransitionError carrying a message for the user; a view offers only the steps
`available_actions` lists, and the functions refuse the others all the same.
"""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from congress.models import Person

from . import eligibility
from .models import Attendance, Ballot, CouncilMember, CouncilSession, Nomination, NominationEvent, NominationFile, Vote

Status = Nomination.Status
# A dossier's content (its fields and files) changes only until its appraisal is complete,
# whoever asks, the superuser included; the permission layer narrows this further per role.
CHANGEABLE = Nomination.EDITABLE + Nomination.UNDER_REVIEW


class TransitionError(ValidationError):
    """A step the dossier's state does not allow; the message says why."""


class IneligibleError(TransitionError):
    """The nominee does not meet the award type's conditions; going ahead needs a recorded reason."""


def log(nomination, *, by, from_status, comment="", eligibility_override=""):
    return NominationEvent.objects.create(
        nomination=nomination,
        actor=by,
        from_status=from_status,
        to_status=nomination.status,
        comment=comment,
        eligibility_override=eligibility_override,
    )


def unmet_conditions(nomination):
    """The reasons the nominee does not meet the award type's conditions; empty when they do."""
    eligibility.annotate([nomination])
    return [reason.text for reason in nomination.eligibility.reasons if not reason.met]


def _check_eligibility(nomination, override):
    """Refuse to move an ineligible dossier forward unless someone gives the reason to go ahead."""
    unmet = unmet_conditions(nomination)
    if unmet and not override.strip():
        raise IneligibleError(
            _(
                "The nominee does not meet the award type's conditions (%(reasons)s). To go ahead all the same, "
                "confirm and write why; your name and reason are kept in the dossier's history."
            )
            % {"reasons": "; ".join(unmet)}
        )
    return override.strip() if unmet else ""


@transaction.atomic
def save_nomination(nomination, *, by, new_person=None):
    """Save a dossier in one transaction; a new one starts as a draft, and its history says who created it.

    new_person: the cleaned full_name, gender and position of a nominee not yet in the directory;
    they are added to the directory under the proposing unit, together with the dossier or not at all.
    """
    creating = nomination.pk is None
    if not creating:
        _locked(nomination, CHANGEABLE, refusal=_CLOSED)
    if new_person:
        nomination.person = Person.objects.create(**new_person, organization=nomination.proposing_organization)
    if creating:
        nomination.created_by = by
        nomination.status = Status.DRAFT
    nomination.save()
    if creating:
        log(nomination, by=by, from_status="", comment=_("Dossier created."))
    return nomination


def is_changeable(nomination):
    return nomination.status in CHANGEABLE


@transaction.atomic
def attach_file(nomination, *, requirement, upload, by):
    """Store a checked upload (awards.files.check_file) as one of the dossier's files, while it may change."""
    _locked(nomination, CHANGEABLE, refusal=_CLOSED)
    return NominationFile.objects.create(
        nomination=nomination,
        requirement=requirement,
        file=upload,
        name=upload.name[:255],
        size=upload.size,
        content_type=upload.content_type,
        uploaded_by=by,
    )


@transaction.atomic
def remove_file(dossier_file):
    _locked(dossier_file.nomination, CHANGEABLE, refusal=_CLOSED)
    storage, path = dossier_file.file.storage, dossier_file.file.name
    dossier_file.delete()
    transaction.on_commit(lambda: storage.delete(path))


def missing_documents(nomination):
    """The mandatory documents of the award type that have no file in the dossier yet."""
    present = set(nomination.files.values_list("requirement_id", flat=True))
    return [doc for doc in nomination.award_type.documents.all() if doc.mandatory and doc.pk not in present]


_CLOSED = gettext_lazy("A dossier that is “%(status)s” can no longer be changed.")


def _locked(nomination, allowed, *, refusal=None):
    """The dossier re-read under a row lock; refused unless its status is one of `allowed`."""
    current = Nomination.objects.select_for_update().get(pk=nomination.pk)
    if current.status not in allowed:
        message = refusal or _("This step is not possible for a dossier that is “%(status)s”.")
        raise TransitionError(str(message) % {"status": current.get_status_display()})
    nomination.status = current.status
    return nomination


def _move(nomination, to_status, *, by, comment="", eligibility_override="", **fields):
    from_status = nomination.status
    nomination.status = to_status
    for name, value in fields.items():
        setattr(nomination, name, value)
    Nomination.objects.filter(pk=nomination.pk).update(status=to_status, updated_at=timezone.now(), **fields)
    log(nomination, by=by, from_status=from_status, comment=comment, eligibility_override=eligibility_override)
    return nomination


def _require_documents(nomination):
    missing = missing_documents(nomination)
    if missing:
        raise TransitionError(
            _("The dossier lacks mandatory documents: %(names)s.") % {"names": "; ".join(doc.name for doc in missing)}
        )


@transaction.atomic
def submit(nomination, *, by, comment=""):
    """Draft → submitted, or returned → resubmitted; refused while a mandatory document has no file."""
    _locked(nomination, Nomination.EDITABLE)
    _require_documents(nomination)
    if nomination.status == Status.DRAFT:
        return _move(nomination, Status.SUBMITTED, by=by, comment=comment, submitted_at=timezone.now())
    return _move(nomination, Status.RESUBMITTED, by=by, comment=comment)


def _require_comment(comment, message):
    if not comment.strip():
        raise TransitionError(message)


@transaction.atomic
def return_for_revision(nomination, *, by, comment):
    """Submitted or resubmitted → returned, with what the proposing unit must add or correct."""
    _require_comment(comment, _("Write what the unit must add or correct."))
    _locked(nomination, Nomination.UNDER_REVIEW)
    return _move(nomination, Status.RETURNED, by=by, comment=comment)


@transaction.atomic
def accept(nomination, *, by, comment="", eligibility_override=""):
    """Submitted or resubmitted → complete: the standing office found the dossier complete.

    A nominee who does not meet the conditions goes ahead only with a reason, kept in the history.
    """
    _locked(nomination, Nomination.UNDER_REVIEW)
    _require_documents(nomination)
    override = _check_eligibility(nomination, eligibility_override)
    return _move(nomination, Status.COMPLETE, by=by, comment=comment, eligibility_override=override)


@transaction.atomic
def propose(nomination, *, by, comment="", eligibility_override=""):
    """Approved by the council → proposed to the authority that decides (the conditions checked again)."""
    _locked(nomination, (Status.APPROVED,))
    override = _check_eligibility(nomination, eligibility_override)
    return _move(nomination, Status.PROPOSED, by=by, comment=comment, eligibility_override=override)


@transaction.atomic
def decide(nomination, *, by, decision_number, decision_date, comment="", eligibility_override=""):
    """Proposed → decided, with the decision's number and date, which cannot precede the submission."""
    if not decision_number.strip() or decision_date is None:
        raise TransitionError(_("Enter the decision number and date."))
    submitted_on = timezone.localdate(nomination.submitted_at) if nomination.submitted_at else None
    if submitted_on and decision_date < submitted_on:
        raise TransitionError(
            _("The decision date (%(decided)s) is before the dossier was submitted (%(submitted)s).")
            % {"decided": decision_date.strftime("%d/%m/%Y"), "submitted": submitted_on.strftime("%d/%m/%Y")}
        )
    _locked(nomination, (Status.PROPOSED,))
    override = _check_eligibility(nomination, eligibility_override)
    return _move(
        nomination,
        Status.DECIDED,
        by=by,
        comment=comment,
        eligibility_override=override,
        decision_number=decision_number.strip(),
        decision_date=decision_date,
    )


@transaction.atomic
def decline(nomination, *, by, comment):
    """Proposed → declined by the higher level, with its reason."""
    _require_comment(comment, _("Write why the higher level declined."))
    _locked(nomination, (Status.PROPOSED,))
    return _move(nomination, Status.DECLINED, by=by, comment=comment)


@dataclass(frozen=True)
class Action:
    name: str
    label: str
    perm: str
    sources: tuple
    style: str = "primary"
    needs_comment: bool = False
    needs_decision: bool = False
    checks_eligibility: bool = False


ACTIONS = {
    action.name: action
    for action in [
        Action("submit", gettext_lazy("Submit"), "awards.submit_nomination", Nomination.EDITABLE),
        Action(
            "accept",
            gettext_lazy("Accept as complete"),
            "awards.appraise_nomination",
            Nomination.UNDER_REVIEW,
            checks_eligibility=True,
        ),
        Action(
            "return",
            gettext_lazy("Return for revision"),
            "awards.appraise_nomination",
            Nomination.UNDER_REVIEW,
            style="outline-danger",
            needs_comment=True,
        ),
        Action(
            "propose",
            gettext_lazy("Propose to the higher level"),
            "awards.appraise_nomination",
            (Status.APPROVED,),
            checks_eligibility=True,
        ),
        Action(
            "decide",
            gettext_lazy("Record the decision"),
            "awards.appraise_nomination",
            (Status.PROPOSED,),
            needs_decision=True,
            checks_eligibility=True,
        ),
        Action(
            "decline",
            gettext_lazy("Record a refusal"),
            "awards.appraise_nomination",
            (Status.PROPOSED,),
            style="outline-danger",
            needs_comment=True,
        ),
    ]
}
STEPS = {
    "submit": submit,
    "accept": accept,
    "return": return_for_revision,
    "propose": propose,
    "decide": decide,
    "decline": decline,
}


def available_actions(user, nomination):
    return [
        action
        for action in ACTIONS.values()
        if nomination.status in action.sources and user.has_perm(action.perm, nomination)
    ]


# The council ----------------------------------------------------------------------------------


@transaction.atomic
def open_session(session):
    """Save a new session and list every council member of the congress as absent until marked present."""
    session.save()
    members = CouncilMember.objects.filter(congress_id=session.round.congress_id)
    Attendance.objects.bulk_create(Attendance(session=session, member=member) for member in members)
    return session


def _require_open(session):
    if not session.is_open:
        raise TransitionError(_("The session is closed; its attendance and ballots can no longer change."))


@transaction.atomic
def record_attendance(session, *, present_ids):
    _require_open(session)
    session.attendance.update(present=False)
    session.attendance.filter(member_id__in=present_ids).update(present=True)


@transaction.atomic
def add_to_session(session, nominations, *, by):
    """Complete dossiers go before the council: each one moves to “in council”."""
    _require_open(session)
    for nomination in nominations:
        _locked(nomination, (Status.COMPLETE,))
        session.nominations.add(nomination)
        _move(
            nomination,
            Status.IN_COUNCIL,
            by=by,
            comment=_("On the agenda of council session %(n)s.") % {"n": session.number},
        )


def attendance_counts(session):
    """(members of the council, members present) as the session recorded them."""
    rows = list(session.attendance.values_list("present", flat=True))
    return len(rows), sum(rows)


@transaction.atomic
def record_ballot(session, nomination, *, by, counts, votes):
    """Enter or correct the ballot on one dossier.

    counts: for / against / abstain of the members present (a secret ballot); votes: {member id:
    (choice, written)} for named votes, an open ballot's and the written opinions of absent members.
    Refused when the session lacks its quorum or there are more votes than members present.
    """
    _require_open(session)
    total, present = attendance_counts(session)
    award_type = nomination.award_type
    if present < award_type.quorum_needed(total):
        raise TransitionError(
            _("The session lacks its quorum: %(present)s of %(total)s members present, %(needed)s needed.")
            % {"present": present, "total": total, "needed": award_type.quorum_needed(total)}
        )
    named_present = {key: choice for key, (choice, written) in votes.items() if not written}
    tally = dict(counts)
    for choice in named_present.values():
        tally[choice] = tally.get(choice, 0) + 1
    if sum(tally.values()) > present:
        raise TransitionError(
            _("The ballot counts %(votes)s votes but only %(present)s members are present.")
            % {"votes": sum(tally.values()), "present": present}
        )
    written = [choice for choice, is_written in votes.values() if is_written]
    ballot, _created = Ballot.objects.update_or_create(
        session=session,
        nomination=nomination,
        defaults={
            "votes_for": tally.get(Vote.Choice.FOR, 0),
            "votes_against": tally.get(Vote.Choice.AGAINST, 0),
            "abstentions": tally.get(Vote.Choice.ABSTAIN, 0),
            "written_for": written.count(Vote.Choice.FOR),
            "written_against": written.count(Vote.Choice.AGAINST),
            "members_total": total,
            "members_present": present,
            "entered_by": by,
        },
    )
    ballot.votes.all().delete()
    Vote.objects.bulk_create(
        Vote(ballot=ballot, member_id=member_id, choice=choice, written=is_written)
        for member_id, (choice, is_written) in votes.items()
    )
    return ballot


def result_comment(ballot):
    return _("Council session %(n)s: %(approvals)s of %(total)s members for (%(share)s%%), %(needed)s needed.") % {
        "n": ballot.session.number,
        "approvals": ballot.approvals,
        "total": ballot.members_total,
        "share": f"{ballot.approval_share:.1f}".replace(".", ","),
        "needed": ballot.votes_needed,
    }


@transaction.atomic
def close_session(session, *, by):
    """Close the session: every dossier on its agenda needs a ballot; each becomes approved or not."""
    _require_open(session)
    ballots = {ballot.nomination_id: ballot for ballot in session.ballots.select_related("nomination__award_type")}
    nominations = list(session.nominations.select_related("award_type"))
    unvoted = [nomination for nomination in nominations if nomination.pk not in ballots]
    if unvoted:
        raise TransitionError(
            _("Enter the ballot of every dossier first: %(names)s.")
            % {"names": "; ".join(nomination.nominee_name for nomination in unvoted)}
        )
    for nomination in nominations:
        ballot = ballots[nomination.pk]
        ballot.session = session
        if nomination.status == Status.IN_COUNCIL:
            outcome = Status.APPROVED if ballot.approved else Status.NOT_APPROVED
            _move(nomination, outcome, by=by, comment=result_comment(ballot))
    session.status = CouncilSession.Status.CLOSED
    session.save(update_fields=["status"])
    return session
