"""Storage: years, departments, roles, evaluations with immutable revisions, workflow, comments, audit log."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from .. import model as domain


class Role(models.TextChoices):
    FILLER = "filler", "填报人"
    REVIEWER = "reviewer", "审核人"
    ADMIN = "admin", "管理员"


class Status(models.TextChoices):
    DRAFT = "draft", "草稿"
    SUBMITTED = "submitted", "已提交"
    RETURNED = "returned", "退回修改"
    ACCEPTED = "accepted", "审核通过"
    PUBLISHED = "published", "已公开"


# accepted by the bureau (审核通过, then possibly 已公开): the year's record that 结果应用, 整改 and a 绩效目标表's 批复 rest on
ACCEPTED_STATUSES = (Status.ACCEPTED, Status.PUBLISHED)


class Kind(models.TextChoices):
    """The evaluation kinds of jixiao.model, with its Chinese labels."""

    DEPARTMENT = domain.Kind.DEPARTMENT.value, domain.Kind.DEPARTMENT.label
    PROJECT = domain.Kind.PROJECT.value, domain.Kind.PROJECT.label


class Stage(models.TextChoices):
    """The stages of jixiao.model: the 绩效目标表 declared at budget time, and the year-end self-evaluation."""

    SELF = domain.Stage.SELF.value, domain.Stage.SELF.label
    TARGET = domain.Stage.TARGET.value, domain.Stage.TARGET.label


class Year(models.Model):
    """评价年度: the year evaluated and the date the finance bureau wants the submissions by."""

    year = models.PositiveIntegerField("评价年度", unique=True)
    deadline = models.DateField("提交截止日期", null=True, blank=True)

    class Meta:
        ordering = ["-year"]

    def __str__(self) -> str:
        return f"{self.year}年度"


class Department(models.Model):
    name = models.CharField("单位名称", max_length=200, unique=True)
    code = models.CharField("预算编码", max_length=50, blank=True)
    # 分组: a bureau's own grouping (e.g. 教育系统, 街道), for issuing a task to a group of departments at once
    group = models.CharField("分组", max_length=100, blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Profile(models.Model):
    """The role of a user; a 填报人 belongs to exactly one department."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="profile")
    role = models.CharField("角色", max_length=20, choices=Role.choices, default=Role.FILLER)
    department = models.ForeignKey(Department, on_delete=models.PROTECT, null=True, blank=True, related_name="staff")

    def __str__(self) -> str:
        return f"{self.user.username}（{self.get_role_display()}）"


class Evaluation(models.Model):
    """One document per department, year, kind and stage (the 绩效目标表, the 绩效自评); its content lives in
    revisions. Both go through the same workflow; only self-evaluations are scored, published and counted."""

    department = models.ForeignKey(Department, on_delete=models.PROTECT, related_name="evaluations")
    year = models.ForeignKey(Year, on_delete=models.PROTECT, related_name="evaluations")
    kind = models.CharField("评价类型", max_length=20, choices=Kind.choices, default=Kind.DEPARTMENT)
    stage = models.CharField("文书类型", max_length=10, choices=Stage.choices, default=Stage.SELF)
    status = models.CharField("状态", max_length=20, choices=Status.choices, default=Status.DRAFT)
    # The number of the current revision: a save based on another number is a conflict (optimistic locking).
    version = models.PositiveIntegerField(default=0)
    revision_count = models.PositiveIntegerField(default=0)
    current = models.ForeignKey("Revision", on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["department", "year", "kind", "stage"],
                                               name="one_document_per_department_year_kind_stage")]
        ordering = ["department__name", "-year__year"]

    @property
    def is_targets(self) -> bool:
        """A 绩效目标表 (declared at budget time), not a self-evaluation."""
        return self.stage == Stage.TARGET

    @property
    def status_label(self) -> str:
        """The status as shown: an accepted 绩效目标表 is 已批复."""
        return "已批复" if self.is_targets and self.status == Status.ACCEPTED else self.get_status_display()

    def __str__(self) -> str:
        document = "绩效目标表" if self.is_targets else "绩效自评"
        return f"{self.year.year}年度{self.department.name}{self.get_kind_display()}{document}"


class Revision(models.Model):
    """An immutable save: the full input document as JSON, who saved it, and what scoring and checks said."""

    evaluation = models.ForeignKey(Evaluation, on_delete=models.CASCADE, related_name="revisions")
    number = models.PositiveIntegerField("版本号")
    base_number = models.PositiveIntegerField("基于版本", default=0)
    conflict = models.BooleanField("冲突版本", default=False)  # saved on a stale base; kept, not made current
    document = models.JSONField("自评数据")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    source = models.CharField("来源", max_length=200, blank=True)  # 网页编辑 / 上传 xxx.yaml / 演示数据
    score = models.DecimalField(max_digits=6, decimal_places=2, null=True, blank=True)
    grade = models.CharField(max_length=10, blank=True)
    execution_rate = models.DecimalField(max_digits=9, decimal_places=2, null=True, blank=True)
    errors = models.PositiveIntegerField(default=0)
    warnings = models.PositiveIntegerField(default=0)
    findings = models.JSONField(default=list)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["evaluation", "number"], name="unique_revision_number")]
        ordering = ["-number"]

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValueError("revisions are immutable")
        super().save(*args, **kwargs)


class Transition(models.Model):
    """A workflow step: who moved the evaluation from which status to which, when, and why."""

    evaluation = models.ForeignKey(Evaluation, on_delete=models.CASCADE, related_name="transitions")
    from_status = models.CharField(max_length=20, choices=Status.choices)
    to_status = models.CharField(max_length=20, choices=Status.choices)
    revision_number = models.PositiveIntegerField(default=0)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    comment = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]


class Comment(models.Model):
    """A reviewer's (or author's) remark on one field, by its model path: tasks[0].indicators[2].target."""

    evaluation = models.ForeignKey(Evaluation, on_delete=models.CASCADE, related_name="comments")
    path = models.CharField("字段", max_length=200, blank=True)
    text = models.TextField("意见")
    revision_number = models.PositiveIntegerField(default=0)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]


class AuditLog(models.Model):
    """Logins, failed logins, saves, uploads, workflow steps, downloads: who, what, when, from where."""

    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    username = models.CharField(max_length=150, blank=True)
    action = models.CharField(max_length=40)
    evaluation = models.ForeignKey(Evaluation, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    detail = models.TextField(blank=True)
    ip = models.GenericIPAddressField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]


class ReviewScore(models.Model):
    """The reviewer's own 复核评分 of one indicator row of one revision, with the reason, beside the unit's 得分.

    Kept per revision: a resubmitted draft is a new revision and is scored afresh; the earlier scores stay with
    the revision they judged."""

    evaluation = models.ForeignKey(Evaluation, on_delete=models.CASCADE, related_name="review_scores")
    revision_number = models.PositiveIntegerField("版本号")
    path = models.CharField("指标", max_length=200)  # tasks[0].indicators[2]
    score = models.DecimalField("复核评分", max_digits=6, decimal_places=2)
    reason = models.TextField("理由")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["evaluation", "revision_number", "path"],
                                               name="one_review_score_per_row")]
        ordering = ["revision_number", "pk"]


class Attachment(models.Model):
    """A 佐证材料 file of an evaluation. Stored under a generated name; the user's file name is only shown."""

    evaluation = models.ForeignKey(Evaluation, on_delete=models.PROTECT, related_name="attachments")
    stored_name = models.CharField(max_length=80, unique=True)  # <uuid hex><suffix>, generated, never the user's
    name = models.CharField("文件名", max_length=150)  # as uploaded, for display and the download's name only
    suffix = models.CharField(max_length=10)
    size = models.PositiveIntegerField("大小")
    sha256 = models.CharField(max_length=64)
    note = models.CharField("说明", max_length=200, blank=True)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]


class Task(models.Model):
    """A self-evaluation task the finance bureau issues for a year and kind to chosen departments, with a deadline."""

    year = models.ForeignKey(Year, on_delete=models.PROTECT, related_name="tasks")
    kind = models.CharField("评价类型", max_length=20, choices=Kind.choices, default=Kind.DEPARTMENT)
    title = models.CharField("任务名称", max_length=200)
    deadline = models.DateField("截止日期")
    note = models.TextField("要求", blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-year__year", "-created_at", "-pk"]

    def __str__(self) -> str:
        return self.title


class Assignment(models.Model):
    """One department's part of a task; its deadline starts as the task's and may be extended for it alone."""

    task = models.ForeignKey(Task, on_delete=models.CASCADE, related_name="assignments")
    department = models.ForeignKey(Department, on_delete=models.PROTECT, related_name="assignments")
    deadline = models.DateField("截止日期")
    extended = models.BooleanField("已延期", default=False)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["task", "department"], name="one_assignment_per_department")]
        ordering = ["department__name"]


class Reminder(models.Model):
    """催报: the bureau's reminder to a department about a task, shown in the app until read."""

    assignment = models.ForeignKey(Assignment, on_delete=models.CASCADE, related_name="reminders")
    text = models.TextField("催报内容")
    sent_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    read_at = models.DateTimeField(null=True, blank=True)
    read_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                related_name="+")

    class Meta:
        ordering = ["-created_at", "-pk"]


class BudgetAdvice(models.Model):
    """结果应用: the bureau's own budget advice for one evaluation, where it departs from what the grade gives
    (jixiao.rules.result_use), with the reason. The advice the rules give is computed, not stored."""

    evaluation = models.OneToOneField(Evaluation, on_delete=models.CASCADE, related_name="budget_advice")
    action = models.CharField("意见", max_length=60)
    budget = models.CharField("预算安排", max_length=200)
    reason = models.TextField("调整理由")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    updated_at = models.DateTimeField(auto_now=True)


class Rectification(models.Model):
    """整改: a problem a self-evaluation or a review recorded, to be put right by a deadline, with its progress.

    The department reports progress and, when done, asks for it to be closed; only the bureau closes it (销号).
    Items not closed, earlier years', show in the department's next self-evaluation."""

    class State(models.TextChoices):
        OPEN = "open", "未整改"
        DOING = "doing", "整改中"
        REPORTED = "reported", "单位报完成，待销号"  # the department says it is done; the bureau has not confirmed
        DONE = "done", "已完成（已销号）"  # closed by the bureau (整改销号)

    department = models.ForeignKey(Department, on_delete=models.PROTECT, related_name="rectifications")
    evaluation = models.ForeignKey(Evaluation, on_delete=models.SET_NULL, null=True, blank=True,
                                   related_name="rectifications")  # where the problem was recorded
    year = models.PositiveIntegerField("发现年度")
    origin = models.CharField("来源", max_length=20)  # 单位自评 / 审核意见 / 财政局
    problem = models.TextField("问题")
    measure = models.TextField("整改措施", blank=True)
    owner = models.CharField("责任人", max_length=50, blank=True)
    deadline = models.DateField("整改期限", null=True, blank=True)
    state = models.CharField("状态", max_length=10, choices=State.choices, default=State.OPEN)
    progress = models.TextField("整改进展", blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-year", "department__name", "pk"]
        constraints = [models.UniqueConstraint(fields=["evaluation", "problem"], name="one_item_per_problem")]
