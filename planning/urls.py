from django.urls import path

from .views import bulk, calendar, clone, dashboard, exports, imports, lower_levels, meetings, schedule, tasks, timeline

app_name = "planning"

congress = "congresses/<int:pk>/"

urlpatterns = [
    path("my-work/", schedule.my_work, name="my_work"),
    path("tasks/bulk/", bulk.task_bulk, name="task_bulk"),
    path(f"{congress}schedule/", schedule.schedule, name="schedule"),
    path(f"{congress}schedule/organisations.json", schedule.party_options, name="party_options"),
    path(f"{congress}schedule/export.xlsx", exports.schedule_export, name="schedule_export"),
    path("my-work/export.xlsx", exports.my_work_export, name="my_work_export"),
    path(f"{congress}dashboard/export.xlsx", exports.dashboard_export, name="dashboard_export"),
    path(f"{congress}lower-levels/export.xlsx", exports.lower_level_export, name="lower_level_export"),
    path(f"{congress}meetings/export.xlsx", exports.meeting_export, name="meeting_export"),
    path(f"{congress}dashboard/", dashboard.dashboard, name="dashboard"),
    path(f"{congress}timeline/", timeline.timeline, name="timeline"),
    path(f"{congress}month/", timeline.deadline_month, name="deadline_month"),
    path(f"{congress}next/", clone.congress_clone, name="congress_clone"),
    path(f"{congress}tasks/new/", tasks.task_edit, name="task_create"),
    path(f"{congress}tasks/import/", imports.task_import, name="task_import"),
    path(f"{congress}tasks/import/template.xlsx", imports.task_import_template, name="task_import_template"),
    path(f"{congress}tasks/<int:task_pk>/", tasks.task_detail, name="task_detail"),
    path(f"{congress}tasks/<int:task_pk>/edit/", tasks.task_edit, name="task_edit"),
    path(f"{congress}tasks/<int:task_pk>/delete/", tasks.task_delete, name="task_delete"),
    path(f"{congress}tasks/<int:task_pk>/progress/", tasks.progress_create, name="task_progress"),
    path(f"{congress}attachments/<int:attachment_pk>/", tasks.attachment_download, name="attachment"),
    path(f"{congress}meetings/", meetings.meeting_list, name="meeting_list"),
    path(f"{congress}meetings/new/", meetings.meeting_edit, name="meeting_create"),
    path(f"{congress}meetings/<int:meeting_pk>/", meetings.meeting_detail, name="meeting_detail"),
    path(f"{congress}meetings/<int:meeting_pk>/edit/", meetings.meeting_edit, name="meeting_edit"),
    path(f"{congress}meetings/<int:meeting_pk>/delete/", meetings.meeting_delete, name="meeting_delete"),
    path(
        f"{congress}meetings/<int:meeting_pk>/conclusions/new/",
        meetings.conclusion_edit,
        name="conclusion_create",
    ),
    path(
        f"{congress}meetings/<int:meeting_pk>/conclusions/<int:conclusion_pk>/edit/",
        meetings.conclusion_edit,
        name="conclusion_edit",
    ),
    path(
        f"{congress}meetings/<int:meeting_pk>/conclusions/<int:conclusion_pk>/delete/",
        meetings.conclusion_delete,
        name="conclusion_delete",
    ),
    path(
        f"{congress}meetings/<int:meeting_pk>/conclusions/<int:conclusion_pk>/task/",
        meetings.conclusion_to_task,
        name="conclusion_task",
    ),
    path(f"{congress}lower-levels/", lower_levels.lower_level_list, name="lower_levels"),
    path(f"{congress}lower-levels/new/", lower_levels.lower_level_edit, name="lower_level_create"),
    path(f"{congress}lower-levels/<int:item_pk>/edit/", lower_levels.lower_level_edit, name="lower_level_edit"),
    path(f"{congress}lower-levels/<int:item_pk>/delete/", lower_levels.lower_level_delete, name="lower_level_delete"),
    path("calendar/", calendar.calendar_link, name="calendar"),
    path("calendar/<str:token>.ics", calendar.calendar_feed, name="calendar_feed"),
    path(f"{congress}tasks/<int:task_pk>/reminders/", tasks.task_reminders, name="task_reminders"),
]
