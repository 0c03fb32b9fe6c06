from django.urls import path

from .views import (
    attachments, auth, dashboard, downloads, editor, errors, history, home, manage, public, rectification, results,
    review, tasks, upload,
)

urlpatterns = [
    path("login/", auth.LoginView.as_view(), name="login"),
    path("logout/", auth.logout_view, name="logout"),
    path("healthz", home.healthz, name="healthz"),
    path("session/", auth.session_status, name="session"),
    path("relogged/", auth.relogged, name="relogged"),
    path("", home.my_evaluations, name="home"),
    path("new/", home.create_evaluation, name="create"),
    path("e/<int:pk>/", editor.edit, name="edit"),
    path("e/<int:pk>/upload/", upload.upload, name="upload"),
    path("e/<int:pk>/upload/confirm/", upload.confirm, name="upload_confirm"),
    path("e/<int:pk>/download/<str:fmt>/", downloads.download, name="download"),
    path("e/<int:pk>/step/<str:action>/", review.step, name="step"),
    path("e/<int:pk>/comment/", review.comment, name="comment"),
    path("e/<int:pk>/review-scores/", review.scores, name="review_scores"),
    path("e/<int:pk>/attachments/", attachments.upload, name="attachment_upload"),
    path("e/<int:pk>/attachments/<int:aid>/", attachments.download, name="attachment_download"),
    path("e/<int:pk>/attachments/<int:aid>/delete/", attachments.delete, name="attachment_delete"),
    path("e/<int:pk>/history/", history.history, name="history"),
    path("e/<int:pk>/history/diff/", history.diff, name="diff"),
    path("e/<int:pk>/revision/<int:number>/", history.revision, name="revision"),
    path("e/<int:pk>/revision/<int:number>/restore/", history.restore, name="restore"),
    path("review/", review.queue, name="queue"),
    path("review/bulk/", review.bulk, name="queue_bulk"),
    path("review/archive/", review.archive, name="queue_archive"),
    path("dashboard/", dashboard.index, name="dashboard"),
    path("results/", results.index, name="results"),
    path("results/export/", results.export, name="results_export"),
    path("results/<int:pk>/", results.adjust, name="results_adjust"),
    path("rectification/", rectification.index, name="rectification"),
    path("rectification/generate/", rectification.generate, name="rectification_generate"),
    path("rectification/<int:rid>/", rectification.update, name="rectification_update"),
    path("tasks/", tasks.index, name="tasks"),
    path("tasks/<int:tid>/", tasks.detail, name="task"),
    path("tasks/<int:tid>/remind/", tasks.remind, name="task_remind"),
    path("tasks/<int:tid>/extend/", tasks.extend, name="task_extend"),
    path("reminders/<int:rid>/read/", tasks.reminder_read, name="reminder_read"),
    path("public/", public.index, name="public"),
    path("public/<int:pk>/", public.detail, name="public_detail"),
    path("public/<int:pk>/<str:fmt>/", public.download, name="public_download"),
    path("audit/", manage.audit_log, name="audit"),
    path("manage/years/", manage.years, name="manage_years"),
    path("manage/years/<int:pk>/deadline/", manage.year_deadline, name="manage_year_deadline"),
    path("manage/departments/", manage.departments, name="manage_departments"),
    path("manage/departments/<int:pk>/", manage.department, name="manage_department"),
    path("manage/users/", manage.users, name="manage_users"),
    path("manage/users/<int:pk>/", manage.user, name="manage_user"),
    path("manage/users/<int:pk>/active/", manage.user_active, name="manage_user_active"),
    path("manage/users/<int:pk>/password/", manage.user_password, name="manage_user_password"),
    path("manage/users/<int:pk>/unlock/", manage.user_unlock, name="manage_user_unlock"),
]

handler400 = "jixiao.web.views.errors.bad_request"
handler403 = "jixiao.web.views.errors.forbidden"
handler404 = "jixiao.web.views.errors.not_found"
handler500 = "jixiao.web.views.errors.server_error"
