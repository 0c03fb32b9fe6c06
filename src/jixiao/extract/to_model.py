"""ReportFacts → the domain model (Evaluation), with each node's Location taken from its facts.

An Evaluation needs a year and a department name; without them there is no model, only a finding.
"""

from __future__ import annotations

from decimal import Decimal

from ..model import Evaluation, Finding, Indicator, Location, Money, Paragraph, Task
from ..model.catalogue import finding
from ..model.evaluation import ByNature, BySource, Department, Finance, FundLine, Kind, Level1, TaskSources
from ..model.money import MoneyUnit
from ..model.values import parse_quantity
from .facts import Fact, IndicatorFacts, ProjectFacts, ReportFacts

# 其中 rows of a project form → TaskSources fields
_TASK_SOURCES = (("current_year", ("本年财政拨款", "当年财政拨款", "财政拨款", "财政资金", "中央财政资金")),
                 ("carried_over", ("上年结转资金", "上年结转")), ("other", ("其他资金",)))
_LINE_FIELDS = (("initial_budget", "initial"), ("budget", "budget"), ("executed", "executed"))
# extract/finance.py files each source row under the model's own label
_SOURCE_FIELDS = {label: key for key, label in BySource.LABELS.items()}


def model_sources(report: ReportFacts) -> dict[str, Fact]:
    """The fact behind each field of the Evaluation `to_evaluation` builds, by model path
    (`finance.budget`, `tasks[0].indicators[2].target` …), so a check can ask how a value was found."""
    out: dict[str, Fact] = {}

    def put(path: str, fact: Fact | None) -> None:
        if fact is not None:
            out[path] = fact

    put("department.name", report.department)
    put("year", report.year)
    put("kind", report.report_type)
    put("unit", report.unit)
    for field in ("budget", "executed", "execution_rate", "carryover"):
        put(f"finance.{field}", getattr(report, field))
    for label, fact in report.by_source.items():
        if label in _SOURCE_FIELDS:
            put(f"finance.by_source.{_SOURCE_FIELDS[label]}", fact)
    put("finance.by_nature.basic", report.basic)
    project_form = _form_on_task(report)
    for path, fact in (("initial_budget", report.initial), ("execution_weight", report.execution_weight),
                       ("execution_score", report.execution_score)):
        put(f"tasks[0].{path}" if project_form else f"finance.{path}", fact)
    if project_form:
        for field, label, values in _task_source_rows(report):
            for model_field, kind in _LINE_FIELDS:
                put(f"tasks[0].by_source.{field}.{model_field}", values.get(kind))
    put("finance.by_nature.project", report.project)
    put("declared_score", report.score)
    put("declared_grade", report.grade)
    tasks = [p for p in report.projects if p.name is not None]
    for ti, p in enumerate(tasks):
        for field in ("name", "budget", "executed", "execution_rate", "outcome"):
            put(f"tasks[{ti}].{field}", getattr(p, field))
        for ii, ind in enumerate(i for i in p.indicators if i.name is not None):
            for field in ("name", "level1", "level2", "period_target", "target", "actual", "met", "weight", "score",
                          "deviation"):
                put(f"tasks[{ti}].indicators[{ii}].{field}", getattr(ind, field))
    for name, facts in (("problems", report.problems), ("measures", report.measures),
                        ("goals", report.narrative.get("goals")), ("conclusion", report.narrative.get("conclusion")),
                        ("achievements", report.narrative.get("achievements")),
                        ("department.functions", report.narrative.get("functions"))):
        for i, fact in enumerate(f for f in facts or [] if f.value):
            put(f"{name}[{i}]", fact)
    return out


def to_evaluation(report: ReportFacts, file: str | None) -> tuple[Evaluation | None, list[Finding]]:
    missing = [label for label, fact in (("年度", report.year), ("单位名称", report.department)) if fact is None]
    if missing:
        return None, [finding("JX-E006", location=Location(file=file), fields="、".join(missing))]
    unit = _money_unit(report.unit)
    if unit is None:  # a unit the model does not have yet (亿元): no amount is written in a wrong unit
        return None, [finding("JX-E006", location=Location(file=file), fields=f"本工具支持的金额单位（报告用的是{report.unit.value}）")]
    kind = Kind.PROJECT if report.report_type and report.report_type.value == "项目" else Kind.DEPARTMENT
    evaluation = Evaluation(
        kind=kind,
        year=report.year.value,
        unit=unit,
        department=Department(name=report.department.value, location=report.department.location,
                              functions=_paragraphs(report.narrative.get("functions"))),
        finance=_finance(report, unit),
        tasks=_tasks(report, unit),
        goals=_paragraphs(report.narrative.get("goals")),
        conclusion=_paragraphs(report.narrative.get("conclusion")),
        achievements=_paragraphs(report.narrative.get("achievements")),
        problems=_paragraphs(report.problems),
        measures=_paragraphs(report.measures),
        declared_score=_value(report.score),
        declared_grade=_value(report.grade),
        source=file,
        location=Location(file=file, line=1),
    )
    return evaluation, []


def _money_unit(fact: Fact | None) -> MoneyUnit | None:
    if fact is None:
        return MoneyUnit.WAN
    try:
        return MoneyUnit(fact.value)
    except ValueError:
        return None


def _form_on_task(report: ReportFacts) -> bool:
    """A project form's funding block belongs to its project (the first task), a department form's to finance."""
    return (report.report_type is not None and report.report_type.value == "项目" and bool(report.projects)
            and report.projects[0].name is not None)


def _task_source_rows(report: ReportFacts):
    """(TaskSources field, row label, values) of the 其中 rows a project form prints."""
    for field, labels in _TASK_SOURCES:
        label = next((label for label in labels if label in report.fund_rows), None)
        if label is not None:
            yield field, label, report.fund_rows[label]


def _fund_line(values: dict[str, Fact], unit: MoneyUnit) -> FundLine | None:
    money = {model_field: _money(values.get(kind), unit) for model_field, kind in _LINE_FIELDS}
    if not any(money.values()):
        return None
    return FundLine(**money, field_locations=_locations(**{f: values.get(k) for f, k in _LINE_FIELDS}))


def _value(fact: Fact | None):
    if fact is None:
        return None
    # a fresh Decimal: one fact shared by a report and its project must not become a YAML alias
    return Decimal(str(fact.value)) if isinstance(fact.value, Decimal) else fact.value


def _money(fact: Fact | None, unit: MoneyUnit) -> Money | None:
    if fact is None or not isinstance(fact.value, Decimal):
        return None
    return Money(amount=_value(fact), unit=unit)


def _locations(**facts: Fact | None) -> dict[str, Location]:
    return {k: f.location for k, f in facts.items() if f is not None and f.location is not None}


def _finance(r: ReportFacts, unit: MoneyUnit) -> Finance:
    sources = {_SOURCE_FIELDS[label]: fact for label, fact in r.by_source.items() if label in _SOURCE_FIELDS}
    by_source = BySource(**{k: _money(f, unit) for k, f in sources.items()}, field_locations=_locations(**sources)) \
        if sources else None
    by_nature = ByNature(basic=_money(r.basic, unit), project=_money(r.project, unit),
                         field_locations=_locations(basic=r.basic, project=r.project)) \
        if r.basic or r.project else None
    extras = {} if _form_on_task(r) else {"initial_budget": r.initial, "execution_weight": r.execution_weight,
                                          "execution_score": r.execution_score}
    return Finance(budget=_money(r.budget, unit), executed=_money(r.executed, unit),
                   execution_rate=_value(r.execution_rate), by_source=by_source, by_nature=by_nature,
                   carryover=_money(r.carryover, unit), initial_budget=_money(extras.get("initial_budget"), unit),
                   execution_weight=_value(extras.get("execution_weight")),
                   execution_score=_value(extras.get("execution_score")),
                   field_locations=_locations(budget=r.budget, executed=r.executed, execution_rate=r.execution_rate,
                                              carryover=r.carryover, **extras))


def _tasks(report: ReportFacts, unit: MoneyUnit) -> tuple[Task, ...]:
    tasks = [_task(p, unit) for p in report.projects if p.name is not None]
    if tasks and _form_on_task(report):
        lines = {field: _fund_line(values, unit) for field, _, values in _task_source_rows(report)}
        lines = {k: v for k, v in lines.items() if v is not None}
        tasks[0] = tasks[0].model_copy(update={
            "initial_budget": _money(report.initial, unit), "execution_weight": _value(report.execution_weight),
            "execution_score": _value(report.execution_score),
            "by_source": TaskSources(**lines) if lines else None,
            "field_locations": {**tasks[0].field_locations, **_locations(
                initial_budget=report.initial, execution_weight=report.execution_weight,
                execution_score=report.execution_score)}})
    return tuple(tasks)


def _task(p: ProjectFacts, unit: MoneyUnit) -> Task:
    return Task(name=p.name.value, budget=_money(p.budget, unit), executed=_money(p.executed, unit),
                execution_rate=_value(p.execution_rate), outcome=_value(p.outcome),
                indicators=tuple(_indicator(i) for i in p.indicators if i.name is not None),
                location=p.name.location,
                field_locations=_locations(name=p.name, budget=p.budget, executed=p.executed,
                                           execution_rate=p.execution_rate, outcome=p.outcome))


def _indicator(i: IndicatorFacts) -> Indicator:
    return Indicator(
        level1=_level1(i.level1), level2=_level2(i.level2), name=i.name.value,
        period_target=_quantity(i.period_target), target=_quantity(i.target), actual=_quantity(i.actual),
        met=_value(i.met), weight=_value(i.weight), score=_value(i.score), deviation=_value(i.deviation),
        location=i.name.location,
        field_locations=_locations(name=i.name, period_target=i.period_target, target=i.target,
                                   actual=i.actual, met=i.met, weight=i.weight, score=i.score,
                                   deviation=i.deviation),
    )


def _level1(fact: Fact | None) -> Level1 | None:
    if fact is None:
        return None
    return next((level for level in Level1 if str(fact.value).startswith(level.value[:2])), None)


def _level2(fact: Fact | None) -> str | None:
    if fact is None:
        return None
    text = str(fact.value)
    return text.split("(")[0] or None


def _quantity(fact: Fact | None):
    if fact is None:
        return None
    quantity, _ = parse_quantity(str(fact.value))
    return quantity


def _paragraphs(facts: list[Fact] | None) -> tuple[Paragraph, ...]:
    return tuple(Paragraph(text=f.value, location=f.location) for f in facts or [] if f.value)
