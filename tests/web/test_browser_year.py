"""The finance bureau's whole year in a real browser, as a county bureau and one department live it:

declare the 绩效目标表 → the bureau approves (批复) it → the bureau issues the self-evaluation task → the
self-evaluation starts pre-filled from the approved targets → the deadline passes, a 催报, a late submission →
复核评分 → 审核通过 → 公开 → the public page shows it → 结果应用 → a 整改 item, closed the next year.
Screenshots in test-artifacts/ (and docs/images/ with JIXIAO_UPDATE_DOCS_IMAGES=1).
"""

from __future__ import annotations

import datetime
import io

import openpyxl
import pytest

from .conftest import ROOT
from .test_browser import PASSWORD, browser_page, login, logout, shot  # noqa: F401  (fixtures)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TARGETS = ROOT / "examples" / "community-library-2025-targets.yaml"
DEPARTMENT = "青禾区文化广电旅游体育局"
TASK = "2025年度项目支出绩效自评"
# what the department reports at the year's end, indicator by indicator (the targets come from the approved table)
ACTUALS = ("2个", "15600册", "0.8%", "2025年9月20日", "23.8万元", "19.2万人次", "50场", "达成年度指标", "94%")
PROBLEMS = ("年中压减预算后阅读推广活动场次相应调减，部分社区活动未能按原计划开展。",
            "图书采购合同签订偏晚，资金支付集中在第四季度。")
MEASURES = ("下年度按调减后的预算重新测算活动场次目标，并提前报批。",
            "提前启动图书采购，按季度制定用款计划。")


@pytest.fixture
def bureau(transactional_db, settings):
    """A county bureau: years 2025 and 2026, the culture bureau with its 填报人, a 审核人, and another department
    whose 2025 self-evaluation is already in, as a bureau's lists would have."""
    from django.contrib.auth import get_user_model

    from jixiao.load import load_file
    from jixiao.web.analysis import document_of
    from jixiao.web.models import Department, Evaluation, Profile, Role, Year
    from jixiao.web.services import save_revision

    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    User = get_user_model()
    culture = Department.objects.create(name=DEPARTMENT, group="文化系统")
    library = Department.objects.create(name="某区图书馆", group="文化系统")
    for y in (2025, 2026):
        Year.objects.create(year=y)
    for name, role, d in (("tianbao", Role.FILLER, culture), ("shenhe", Role.REVIEWER, None)):
        Profile.objects.create(user=User.objects.create_user(name, password=PASSWORD, first_name=name), role=role,
                               department=d)
    other = Evaluation.objects.create(department=library, year=Year.objects.get(year=2025))
    doc = document_of(load_file(ROOT / "examples" / "clean-department-2024.yaml").evaluation)
    save_revision(other, doc, User.objects.get(username="shenhe"), 0, "示例数据")
    return culture


def _new(page, base, year: int, stage: str) -> None:
    page.goto(f"{base}/")
    page.select_option("select[name=year]", label=str(year))
    page.select_option("select[name=kind]", "project")
    page.select_option("select[name=stage]", stage)
    page.click("button:has-text('新建')")
    page.wait_for_selector("#editor")


def _to_top(page, selector: str) -> None:
    """Scroll so that the element starts at the top of the window (its header in view)."""
    page.locator(selector).first.evaluate("el => el.scrollIntoView({block: 'start'})")


def test_the_bureaus_year_from_targets_to_rectification(live_server, bureau, browser_page):
    from jixiao.web.models import Assignment, Evaluation, Rectification, Stage, Status

    page, base = browser_page, live_server.url
    today = datetime.date.today()

    # 1. budget time: the department declares its 绩效目标表 by uploading it, and submits it
    login(page, base, "tianbao")
    _new(page, base, 2025, "target")
    page.set_input_files("input[name=file]", str(TARGETS))
    page.click("button:has-text('上传并预览')")
    page.click("#confirm-upload")
    page.wait_for_selector("text=保存为第1版")
    assert "不评分" in page.inner_text("#targets-note") and page.locator("#score").count() == 0
    assert not page.locator("td.col-actual").first.is_visible()  # no 实际完成值 in a 绩效目标表
    shot(page, "year-targets-editor")
    _to_top(page, "table.indicators")
    shot(page, "year-targets-indicators")
    page.click("button:has-text('提交审核')")
    page.wait_for_selector("#status:has-text('已提交')")
    logout(page)

    # 2. the bureau approves it from the 绩效目标 queue
    login(page, base, "shenhe")
    page.goto(f"{base}/review/")
    page.select_option("select[name=stage]", "target")
    page.click("button:has-text('筛选')")
    page.wait_for_selector("h1:has-text('绩效目标表')")
    assert page.locator("#queue tbody tr").count() == 1
    shot(page, "year-targets-queue")
    page.click(f"#queue a:has-text('{DEPARTMENT}')")
    page.fill(".action-accept textarea", "指标设置合理，同意。")
    page.click("button:has-text('批复')")
    page.wait_for_selector("#status:has-text('已批复')")
    targets = Evaluation.objects.get(stage=Stage.TARGET)
    assert targets.status == Status.ACCEPTED

    # 3. the year's end: the bureau issues the self-evaluation task with a deadline
    page.goto(f"{base}/tasks/")
    page.fill("#issue-task input[name=title]", TASK)
    page.select_option("#issue-task select[name=year]", label="2025")
    page.select_option("#issue-task select[name=kind]", "project")
    page.fill("#issue-task input[name=deadline]", (today + datetime.timedelta(days=1)).isoformat())
    page.check("#issue-task input[value=chosen]")
    page.check(f"#issue-task label:has-text('{DEPARTMENT}') input")
    page.click("#issue-task button:has-text('下达')")
    page.wait_for_selector("text=已向 1 个单位下达")
    logout(page)

    # 4. the self-evaluation starts from the approved targets
    login(page, base, "tianbao")
    assert "还剩 1 天" in page.inner_text("#my-tasks")
    _new(page, base, 2025, "self")
    assert "以批复的绩效目标表（第1版）为起点" in page.inner_text("main")
    assert page.input_value('[name="tasks[0].indicators[5].target"]') == "≥18万人次"
    assert page.input_value('[name="tasks[0].indicators[5].approved_target"]') == "≥18万人次"
    shot(page, "year-prefilled")
    ev = Evaluation.objects.get(stage=Stage.SELF, department=bureau)
    # the year's results; one target was lowered in the year, with its reason
    for i, actual in enumerate(ACTUALS):
        page.fill(f'[name="tasks[0].indicators[{i}].actual"]', actual)
    page.fill('[name="tasks[0].indicators[6].target"]', "≥48场")
    page.fill('[name="tasks[0].indicators[6].adjust_reason"]', "年中压减预算 12 万元，活动场次相应调减，已报财政局备案。")
    page.fill('[name="tasks[0].executed"]', "90.50")
    page.fill('[name="finance.executed"]', "90.50")
    page.fill('[name="tasks[0].outcome"]', "新建 2 个分馆于 9 月开放，全年借阅 19.2 万人次，举办阅读推广活动 50 场。")
    page.fill('[name="conclusion"]', "项目总体完成年度绩效目标，借阅量高于预期；活动场次按调整后的目标完成。")
    page.fill('[name="problems"]', "\n".join(PROBLEMS))
    page.fill('[name="measures"]', "\n".join(MEASURES))
    page.click("#save")
    page.wait_for_selector("text=已保存为第2版")
    adjusted = page.locator("table.indicators tr.adjusted")
    assert adjusted.count() == 1 and "调整" in adjusted.locator("td.col-target").inner_text()
    _to_top(page, "table.indicators")
    shot(page, "year-adjusted")
    ev.refresh_from_db()
    assert ev.current.score is not None and not [f for f in ev.current.findings if f["code"] == "JX-I021"]
    logout(page)

    # 5. the deadline goes by without a submission: overdue, and the bureau sends a 催报
    Assignment.objects.filter(department=bureau).update(deadline=today - datetime.timedelta(days=2))
    login(page, base, "shenhe")
    page.goto(f"{base}/tasks/")
    page.click(f"a:has-text('{TASK}')")
    assert "已逾期" in page.inner_text(f"#progress tr:has-text('{DEPARTMENT}')")
    page.check(f"#progress tr:has-text('{DEPARTMENT}') input[name=ids]")
    page.fill("#task-rows input[name=text]", "已超过截止日期，请尽快提交 2025 年度项目支出自评。")
    page.click("#remind")
    page.wait_for_selector("text=已向 1 个单位催报")
    shot(page, "year-task-overdue")
    logout(page)

    login(page, base, "tianbao")
    assert "已超过截止日期" in page.inner_text("#home-tasks") and "已逾期 2 天" in page.inner_text("#my-tasks")
    shot(page, "year-home-reminder")
    page.click("#home-tasks button:has-text('知道了')")
    page.click(f"#my-tasks a:has-text('{TASK}')")
    page.click("button:has-text('提交审核')")
    page.wait_for_selector("#status:has-text('已提交')")
    logout(page)

    # 6. review: 复核评分 on two rows, 审核通过, 公开
    login(page, base, "shenhe")
    page.goto(f"{base}/tasks/")
    page.click(f"a:has-text('{TASK}')")
    assert "逾期提交" in page.inner_text(f"#progress tr:has-text('{DEPARTMENT}')")
    page.goto(f"{base}/e/{ev.pk}/")
    page.fill('[name="score.tasks[0].indicators[6]"]', "8")
    page.fill('[name="reason.tasks[0].indicators[6]"]', "调减目标有备案，但仍少于原批复的 60 场，酌情扣分")
    page.fill('[name="score.tasks[0].indicators[1]"]', "10")
    page.fill('[name="reason.tasks[0].indicators[1]"]', "入藏清单与验收单一致")
    page.click("#save-review-scores")
    page.wait_for_selector("text=已保存复核评分（2 行有变化）")
    page.locator("#review-scores").scroll_into_view_if_needed()
    shot(page, "year-review-scores")
    with page.expect_download() as info:
        page.click("a:has-text('XLSX 自评表')")
    form = openpyxl.load_workbook(io.BytesIO(info.value.path().read_bytes()))
    assert "复核评分说明" in form.sheetnames
    page.fill(".action-accept textarea", "材料齐全，同意。")
    page.click(".action-accept button")
    page.wait_for_selector("#status:has-text('审核通过')")
    page.click(".action-publish button")
    page.wait_for_selector("#status:has-text('已公开')")
    logout(page)

    # 7. anyone on the network: the public page, without an account
    page.goto(f"{base}/public/")
    assert page.locator("#public-list tbody tr").count() == 1
    assert DEPARTMENT in page.inner_text("#public-list") and "绩效目标" not in page.inner_text("#public-list")
    page.click(f"#public-list a:has-text('{DEPARTMENT}')")
    page.wait_for_selector("#public-files")
    assert "复核评分" not in page.inner_text("main")  # nothing internal
    shot(page, "year-public")

    # 8. 结果应用: the grade gives next year's budget advice; the table exports to Excel
    login(page, base, "shenhe")
    page.goto(f"{base}/results/?year=2025")
    row = page.locator(f"#advice-{ev.pk}")
    ev.refresh_from_db()
    assert ev.current.grade in row.inner_text() and "：" in row.locator("td").nth(4).inner_text()
    assert page.locator("#advice-rows tbody tr").count() == 2  # the two self-evaluations, not the 绩效目标表
    shot(page, "year-results")
    with page.expect_download() as info:
        page.click("a:has-text('导出 Excel')")
    assert info.value.suggested_filename.endswith(".xlsx")

    # 9. 整改: the year's problems become items with an owner and a deadline
    page.goto(f"{base}/rectification/")
    page.select_option("#generate select[name=year]", "2025")
    page.click("#generate button")
    page.wait_for_selector("text=已生成 2 项整改事项")
    item = Rectification.objects.get(problem=PROBLEMS[1])
    form = page.locator(f"#rect-{item.pk} form")
    form.locator("input[name=owner]").fill("计财股 王敏")
    form.locator("input[name=deadline]").fill("2026-06-30")
    form.locator("select[name=state]").select_option("doing")
    form.locator("button").click()
    page.wait_for_selector("text=已保存整改事项")
    shot(page, "year-rectification")
    logout(page)

    # 10. the next year: the open item shows in the department's 2026 self-evaluation and in its checks,
    # until the department reports it done and the bureau closes it
    login(page, base, "tianbao")
    _new(page, base, 2026, "self")
    page.click("#save")
    page.wait_for_selector("text=已保存为第1版")
    assert "（含整改 2 条）" in page.inner_text("ul.messages")  # the save's message counts what the page shows
    banner = page.inner_text("#open-rectifications")
    assert PROBLEMS[1][:10] in banner and "2026-06-30" in banner
    assert "JX-Z001" in page.inner_text("#findings")
    shot(page, "year-next-open-items")
    page.goto(f"{base}/rectification/")
    form = page.locator(f"#rect-{item.pk} form")
    form.locator("select[name=state]").select_option("reported")
    form.locator("textarea[name=progress]").fill("已于 2026 年 3 月签订全年采购框架协议，按季度用款。")
    form.locator("button").click()
    page.wait_for_selector("text=待财政局确认销号")
    next_year = Evaluation.objects.get(department=bureau, year__year=2026)
    page.goto(f"{base}/e/{next_year.pk}/")
    assert "单位报完成，待销号" in page.inner_text("#open-rectifications")  # open until the bureau closes it
    logout(page)

    login(page, base, "shenhe")  # the bureau checks the progress and closes the item (销号)
    page.goto(f"{base}/rectification/")
    form = page.locator(f"#rect-{item.pk} form")
    form.locator("select[name=state]").select_option("done")
    form.locator("button").click()
    page.wait_for_selector("text=已保存整改事项")
    shot(page, "year-rectification-done")
    logout(page)

    login(page, base, "tianbao")
    page.goto(f"{base}/e/{next_year.pk}/")
    assert PROBLEMS[1][:10] not in page.inner_text("main")
    assert "（1 项）" in page.inner_text("#open-rectifications")  # the other item of 2025 is still open
    assert "JX-Z001" not in (page.inner_text("#findings") if page.locator("#findings").count() else "")
    item.refresh_from_db()
    assert item.state == Rectification.State.DONE
