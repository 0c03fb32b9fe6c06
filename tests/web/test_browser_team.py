"""The bureau's year around one evaluation, in a real browser: a task with a deadline and a 催报, 佐证材料,
the reviewer's 复核评分, a bulk 审核通过 from the queue and the year's ZIP. Screenshots in test-artifacts/."""

from __future__ import annotations

import datetime
import zipfile

import pytest

from .conftest import SEED
from .test_browser import ARTIFACTS, browser_page, login, logout, people, shot  # noqa: F401  (fixtures)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


def test_task_reminder_attachments_review_scores_and_bulk_accept(live_server, people, browser_page, tmp_path):
    from django.utils import timezone

    from jixiao.web.models import Attachment, ReviewScore, Status

    page, base, ev = browser_page, live_server.url, people
    deadline = timezone.localdate() + datetime.timedelta(days=3)

    login(page, base, "shenhe")
    page.goto(f"{base}/tasks/")
    page.fill("#issue-task input[name=title]", "2023年度部门整体支出绩效自评")
    page.fill("#issue-task input[name=deadline]", deadline.isoformat())
    page.check("#issue-task input[value=chosen]")
    page.check("#issue-task label:has-text('广州市荔湾区妇女联合会') input")
    page.check("#issue-task label:has-text('某区图书馆') input")
    page.fill("#issue-task textarea[name=note]", "请同时上传主要指标的佐证材料。")
    shot(page, "tasks-issue")
    page.click("#issue-task button:has-text('下达')")
    page.wait_for_selector("text=已向 2 个单位下达")
    page.check("#progress tr:has-text('广州市荔湾区妇女联合会') input[name=ids]")
    page.fill("#task-rows input[name=text]", "请于截止日期前提交本年度自评。")
    page.click("#remind")
    page.wait_for_selector("text=已向 1 个单位催报")
    shot(page, "task-progress")
    assert "未开始" in page.inner_text("#progress tr:has-text('广州市荔湾区妇女联合会')")
    logout(page)

    login(page, base, "tianbao")
    page.wait_for_selector("#home-tasks")
    assert "还剩 3 天" in page.inner_text("#my-tasks") and "请于截止日期前提交本年度自评" in page.inner_text("#home-tasks")
    shot(page, "home-tasks")
    page.click("#home-tasks button:has-text('知道了')")
    page.click("#my-tasks a:has-text('2023年度部门整体支出绩效自评')")
    page.set_input_files("input[name=file]", str(SEED))
    page.click("button:has-text('上传并预览')")
    page.click("#confirm-upload")
    page.wait_for_selector("text=保存为第1版")
    evidence = tmp_path / "妇女之家活动签到表.pdf"
    evidence.write_bytes(PDF)
    page.set_input_files("input[name=attachment]", str(evidence))
    page.fill("#attachments input[name=note]", "“三八”节系列活动签到表")
    page.click("button:has-text('上传佐证材料')")
    page.wait_for_selector("text=已上传佐证材料")
    page.locator("#attachments").scroll_into_view_if_needed()
    shot(page, "editor-attachments")
    page.click("button:has-text('提交审核')")
    page.wait_for_selector("#status:has-text('已提交')")
    logout(page)

    login(page, base, "shenhe")
    page.goto(f"{base}/e/{ev.pk}/")
    with page.expect_download() as info:
        page.click("#attachments a:has-text('妇女之家活动签到表.pdf')")
    assert info.value.suggested_filename == "妇女之家活动签到表.pdf"
    page.fill('[name="score.tasks[0].indicators[0]"]', "9")
    page.fill('[name="reason.tasks[0].indicators[0]"]', "办结率有台账支撑，来访记录缺 3 宗回访，酌情扣 1 分")
    page.fill('[name="score.tasks[0].indicators[2]"]', "10")
    page.fill('[name="reason.tasks[0].indicators[2]"]', "签到表与活动通知相符")
    page.click("#save-review-scores")
    page.wait_for_selector("text=已保存复核评分（2 行有变化）")
    page.locator("#review-scores").scroll_into_view_if_needed()
    shot(page, "review-scores")
    assert page.inner_text("#review-total") == "19.00"

    page.goto(f"{base}/review/?status=submitted")
    page.check("#queue tr:has-text('广州市荔湾区妇女联合会') input[name=ids]")
    page.select_option("#bulk select[name=action]", "accept")
    page.fill("#bulk input[name=comment]", "材料齐全，同意。")
    shot(page, "queue-bulk")
    page.click("#bulk-submit")
    page.wait_for_selector("text=已审核通过 1 份")
    ev.refresh_from_db()
    assert ev.status == Status.ACCEPTED

    page.goto(f"{base}/review/")
    with page.expect_download() as info:
        page.click("#archive button:has-text('下载压缩包')")
    target = ARTIFACTS / "web-year.zip"
    info.value.save_as(str(target))
    names = zipfile.ZipFile(target).namelist()
    assert "2023年度自评/2023年度汇总表.xlsx" in names and any(n.endswith("自评报告.docx") for n in names)

    page.goto(f"{base}/tasks/")
    page.click("a:has-text('2023年度部门整体支出绩效自评')")
    assert "审核通过" in page.inner_text("#progress tr:has-text('广州市荔湾区妇女联合会')")
    assert "按时提交" in page.inner_text("#progress tr:has-text('广州市荔湾区妇女联合会')")
    assert Attachment.objects.count() == 1 and ReviewScore.objects.count() == 2
