"""Planning's models, one module per subject."""

from .calendar import CalendarFeed, CalendarFeedQuerySet, new_calendar_token
from .lower_levels import LowerLevelCongress, LowerLevelCongressQuerySet
from .meetings import AgendaItem, Conclusion, Meeting
from .progress import Attachment, ProgressUpdate
from .tallies import LeadCount, LeadItem, MonthCount, TopLevelCount, WorkItem
from .tasks import DEADLINE_PARTS, Task, TaskEvent, TaskParty, TaskQuerySet

__all__ = [
    "DEADLINE_PARTS",
    "AgendaItem",
    "Attachment",
    "CalendarFeed",
    "CalendarFeedQuerySet",
    "Conclusion",
    "LeadCount",
    "LeadItem",
    "LowerLevelCongress",
    "LowerLevelCongressQuerySet",
    "Meeting",
    "MonthCount",
    "ProgressUpdate",
    "Task",
    "TaskEvent",
    "TaskParty",
    "TaskQuerySet",
    "TopLevelCount",
    "WorkItem",
    "new_calendar_token",
]
