"""The full flow in a real browser (Playwright on Debian's chromium), with screenshots in test-artifacts/.

log in → upload the seed's department → fix a finding → submit; the reviewer comments and returns it;
the department fixes and resubmits; the reviewer accepts; the report is downloaded as DOCX.
"""

from __future__ import annotations

import io
import os
import shutil
from pathlib import Path

import pytest

from .conftest import ROOT, SEED

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CHROMIUM = "/usr/bin/chromium"
ARTIFACTS = ROOT / "test-artifacts"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--lang=zh-CN"]
PASSWORD = "Jx-test-pass-2024"


def _need_browser():
    try:
        from playwright.sync_api import sync_playwright  # noqa: F401
    except ImportError:
        reason = "playwright is not installed"
    else:
        reason = None if Path(CHROMIUM).exists() else f"chromium not found at {CHROMIUM}"
    if reason:
        if os.environ.get("JIXIAO_CI"):
            pytest.fail(f"{reason} (required in CI)")
        pytest.skip(reason)


@pytest.fixture
def browser_page(monkeypatch):
    _need_browser()
    # Playwright's sync API runs an event loop in this thread; the test's own ORM reads are still synchronous.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as p:
        # Chinese UI strings for native controls (选择文件), as on users' machines; needs chromium-l10n
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, env=dict(os.environ, LANGUAGE="zh_CN"))
        context = browser.new_context(viewport={"width": 1400, "height": 900}, accept_downloads=True, locale="zh-CN")
        page = context.new_page()
        page.set_default_timeout(15000)
        yield page
        browser.close()


@pytest.fixture
def people(transactional_db, settings):
    from django.contrib.auth import get_user_model

    from jixiao.web.models import Department, Evaluation, Profile, Role, Year

    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    User = get_user_model()
    dept = Department.objects.create(name="广州市荔湾区妇女联合会")
    year = Year.objects.create(year=2023)
    ev = Evaluation.objects.create(department=dept, year=year)
    for name, role, d in (("tianbao", Role.FILLER, dept), ("shenhe", Role.REVIEWER, None)):
        Profile.objects.create(user=User.objects.create_user(name, password=PASSWORD), role=role, department=d)
    _other_departments(year, User.objects.get(username="shenhe"))
    return ev


def _other_departments(year, author) -> None:
    """Two more departments in the reviewer's queue, one with last year's evaluation, as a bureau would have."""
    from jixiao.load import load_file
    from jixiao.web.analysis import document_of
    from jixiao.web.models import Department, Evaluation, Kind, Year
    from jixiao.web.services import save_revision

    examples = ROOT / "examples"
    library = Department.objects.create(name="某区图书馆")
    doc = document_of(load_file(examples / "clean-department-2024.yaml").evaluation)
    for y in (year, Year.objects.create(year=2022)):
        ev = Evaluation.objects.create(department=library, year=y)
        save_revision(ev, doc if y == year else dict(doc, tasks=doc["tasks"][:1]), author, 0, "示例数据")
    culture = Department.objects.create(name="青禾区文化广电旅游体育局")
    ev = Evaluation.objects.create(department=culture, year=year, kind=Kind.PROJECT)
    save_revision(ev, document_of(load_file(examples / "community-library-2024.yaml").evaluation), author, 0, "示例数据")


# Screenshots also shown in docs/web.md; JIXIAO_UPDATE_DOCS_IMAGES=1 copies them there as they are taken.
DOCS_IMAGES = {"editor-findings", "editor-indicators", "review-queue", "review-comment", "history-diff", "session-lost",
               "manage-years", "manage-users", "manage-user-password", "audit-log", "login-locked", "editor-1366", "dashboard", "public-list", "public-detail",
               "tasks-issue", "task-progress", "home-tasks", "editor-attachments", "review-scores", "queue-bulk", "results",
               # the whole year (test_browser_year.py)
               "year-targets-editor", "year-targets-indicators", "year-targets-queue", "year-prefilled", "year-adjusted",
               "year-task-overdue", "year-home-reminder", "year-review-scores", "year-public", "year-results",
               "year-rectification", "year-next-open-items", "year-rectification-done"}


def shot(page, name: str) -> None:
    path = ARTIFACTS / f"web-{name}.png"
    page.screenshot(path=str(path), full_page=False)
    if os.environ.get("JIXIAO_UPDATE_DOCS_IMAGES") and name in DOCS_IMAGES:
        shutil.copy(path, ROOT / "docs" / "images" / path.name)


def login(page, base: str, username: str) -> None:
    page.goto(f"{base}/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.click("button:has-text('登录')")
    page.wait_for_selector("text=我的自评")


def logout(page) -> None:
    page.click("button:has-text('退出')")
    page.wait_for_selector("text=登录")


def errors_shown(page) -> int:
    return int(page.inner_text("#errors"))


def warnings_shown(page) -> int:
    """The 警告 count beside the error count (错误 N · 警告 M)."""
    return int(page.locator("#errors").locator("xpath=..").inner_text().split("警告")[1])


def test_full_flow_in_a_browser(live_server, people, browser_page):
    page, base, ev = browser_page, live_server.url, people
    login(page, base, "tianbao")
    shot(page, "login-home")
    page.click("a:has-text('广州市荔湾区妇女联合会')")
    page.set_input_files("input[name=file]", str(SEED))
    page.click("button:has-text('上传并预览')")
    page.wait_for_selector("#confirm-upload")
    shot(page, "upload-preview")
    page.click("#confirm-upload")
    page.wait_for_selector("text=保存为第1版")
    # Since issue 12 the seed's missing actuals are warnings (scored as the unit states, not verifiable)
    before = warnings_shown(page)
    assert before >= 1 and errors_shown(page) == 0
    shot(page, "editor-findings")

    # fix a finding: the missing 实际完成值 of the second indicator; and add a row with the script
    page.fill('[name="tasks[0].indicators[1].actual"]', "100%")
    page.locator("[data-add=indicators]").first.click()
    page.fill('[name="tasks[0].indicators[4].name"]', "普法讲座场次")
    page.select_option('[name="tasks[0].indicators[4].level1"]', "产出指标")
    page.fill('[name="tasks[0].indicators[4].target"]', "≥8场")
    page.fill('[name="tasks[0].indicators[4].actual"]', "9场")
    page.click("#save")
    page.wait_for_selector("text=已保存为第2版")
    assert warnings_shown(page) < before
    ev.refresh_from_db()
    assert ev.current.document["tasks"][0]["indicators"][4]["name"] == "普法讲座场次"
    page.click("button:has-text('提交审核')")
    page.wait_for_selector("#status:has-text('已提交')")
    assert page.locator("#save").count() == 0  # read-only now
    logout(page)

    login(page, base, "shenhe")
    page.goto(f"{base}/review/")
    shot(page, "review-queue")
    page.click("#queue a:has-text('广州市荔湾区妇女联合会')")
    # a click on the field opens the comment box under it with the field chosen
    page.click('[name="tasks[0].indicators[2].actual"]', force=True)
    page.wait_for_selector("#comment-card.floating")
    assert page.input_value("select[name=path]") == "tasks[0].indicators[2].actual"
    assert page.inner_text("#comment-card [data-where]").endswith("绩效指标3「“三八”节系列活动」 › 实际完成值")
    shot(page, "review-comment")
    page.fill(".comment-form textarea", "“三八”节系列活动缺少实际完成值，请补充。")
    page.click("button:has-text('添加意见')")
    page.wait_for_selector("text=已添加意见")
    page.fill(".action-return textarea", "请补充缺少的实际完成值后重新提交。")
    page.click(".action-return button")
    page.wait_for_selector("#status:has-text('退回修改')")
    shot(page, "review-returned")
    logout(page)

    login(page, base, "tianbao")
    page.click("a:has-text('广州市荔湾区妇女联合会')")
    page.wait_for_selector("text=请补充缺少的实际完成值后重新提交")
    page.locator(".note.comment").first.scroll_into_view_if_needed()
    shot(page, "editor-indicators")
    page.fill('[name="tasks[0].indicators[2].actual"]', "1次")
    page.fill('[name="tasks[0].indicators[3].actual"]', "96%")
    page.click("#save")
    page.wait_for_selector("text=已保存为第3版")
    assert errors_shown(page) == 0
    page.click("button:has-text('提交审核')")
    page.wait_for_selector("#status:has-text('已提交')")
    logout(page)

    login(page, base, "shenhe")
    page.goto(f"{base}/e/{ev.pk}/")
    page.click(".action-accept button")
    page.wait_for_selector("#status:has-text('审核通过')")
    shot(page, "accepted")
    with page.expect_download() as info:
        page.click("a:has-text('DOCX 报告')")
    target = ARTIFACTS / "web-report.docx"
    info.value.save_as(str(target))
    from docx import Document

    text = "\n".join(p.text for p in Document(io.BytesIO(target.read_bytes())).paragraphs)
    assert "广州市荔湾区妇女联合会" in text

    page.goto(f"{base}/e/{ev.pk}/history/")
    page.click("button:has-text('比较所选两版')")
    page.wait_for_selector("#diff")
    shot(page, "history-diff")
    assert page.locator("#diff td.new:has-text('96%')").count() == 1
    ev.refresh_from_db()
    assert ev.status == "accepted" and ev.version == 3


def test_a_save_after_the_session_expired_keeps_the_typed_form(live_server, people, browser_page):
    """The login runs out while someone is typing: the save is held, they log in again in another tab,
    and the same click then saves everything they typed."""
    from django.contrib.auth import get_user_model
    from django.contrib.sessions.models import Session

    from jixiao.web.services import save_revision

    page, base, ev = browser_page, live_server.url, people
    author = get_user_model().objects.get(username="tianbao")
    save_revision(ev, {"department": {"name": "广州市荔湾区妇女联合会"}, "conclusion": ["初稿"]}, author, 0, "测试")
    login(page, base, "tianbao")
    page.goto(f"{base}/e/{ev.pk}/")
    page.fill('textarea[name="conclusion"]', "会话过期前写下的结论")
    Session.objects.all().delete()  # the session expires on the server
    page.click("#save")
    page.wait_for_selector("#session-lost:not([hidden])")
    assert page.url == f"{base}/e/{ev.pk}/" and "登录已过期" in page.inner_text("#session-lost")
    assert page.input_value('textarea[name="conclusion"]') == "会话过期前写下的结论"
    shot(page, "session-lost")
    with page.context.expect_page() as tab_info:
        page.click("#session-lost a")
    tab = tab_info.value
    tab.wait_for_selector("input[name=username]")
    tab.fill("input[name=username]", "tianbao")
    tab.fill("input[name=password]", PASSWORD)
    tab.click("button:has-text('登录')")
    tab.wait_for_selector("text=已重新登录")
    tab.close()
    page.click("#save")
    page.wait_for_selector("text=已保存为第2版")
    ev.refresh_from_db()
    assert ev.current.document["conclusion"] == ["会话过期前写下的结论"]


def test_administrator_pages_and_the_lockout_in_a_browser(live_server, people, browser_page, settings):
    """An administrator sets up a year, a department and a 填报人; a wrong password five times locks the login."""
    from django.contrib.auth import get_user_model

    from jixiao.web.models import Profile, Role

    page, base = browser_page, live_server.url
    admin = get_user_model().objects.create_user("guanli", password=PASSWORD, first_name="系统管理员", is_superuser=True)
    Profile.objects.create(user=admin, role=Role.ADMIN)
    login(page, base, "guanli")
    page.click("a:has-text('系统管理')")
    page.fill("#year-form input[name=year]", "2025")
    page.fill("#year-form input[name=deadline]", "2026-03-31")
    page.click("#year-form button")
    page.wait_for_selector("text=已新建 2025 年度")
    shot(page, "manage-years")
    page.click(".subnav a:has-text('单位')")
    page.fill("#department-form input[name=name]", "青禾区农业农村局")
    page.fill("#department-form input[name=code]", "208001")
    page.click("#department-form button")
    page.wait_for_selector("text=已新建单位")
    page.click(".subnav a:has-text('用户')")
    page.fill("#user-form input[name=username]", "nongye")
    page.fill("#user-form input[name=full_name]", "王五")
    page.select_option("#user-form select[name=role]", "filler")
    page.select_option("#user-form select[name=department]", label="青禾区农业农村局")
    page.click("#user-form button")
    page.wait_for_selector("#new-password")
    password = page.inner_text("code.password").strip()
    shot(page, "manage-user-password")
    page.click(".subnav a:has-text('用户')")
    shot(page, "manage-users")
    logout(page)

    for _ in range(settings.AXES_FAILURE_LIMIT):
        page.goto(f"{base}/login/")
        page.fill("input[name=username]", "nongye")
        page.fill("input[name=password]", "wrong-password")
        page.click("button:has-text('登录')")
    page.wait_for_selector("#locked")
    assert "登录已暂时锁定" in page.inner_text("#locked")
    shot(page, "login-locked")

    login(page, base, "guanli")
    page.goto(f"{base}/audit/")
    page.select_option("select[name=action]", "login_locked")
    page.click("#audit-filter button")
    page.wait_for_selector("#audit td:has-text('登录被锁定')")
    page.goto(f"{base}/audit/")
    shot(page, "audit-log")
    assert password


def test_the_indicator_table_fits_a_1366_screen(live_server, people, browser_page):
    from django.contrib.auth import get_user_model

    from jixiao.load import load_file
    from jixiao.web.analysis import document_of
    from jixiao.web.services import save_revision

    page, base, ev = browser_page, live_server.url, people
    save_revision(ev, document_of(load_file(SEED).evaluation), get_user_model().objects.get(username="tianbao"), 0, "测试")
    page.set_viewport_size({"width": 1366, "height": 768})
    login(page, base, "tianbao")
    page.goto(f"{base}/e/{ev.pk}/")
    table = page.locator("table.indicators").first
    table.scroll_into_view_if_needed()
    wrap = page.locator(".table-wrap").first
    assert wrap.evaluate("w => w.scrollWidth <= w.clientWidth + 1")  # no horizontal scrolling
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    shot(page, "editor-1366")


def test_the_dashboard_draws_its_charts_and_opens_an_evaluation(live_server, people, browser_page):
    """Chart.js from the app's static files under the CSP: five charts drawn, a bar opens its evaluation."""
    page, base = browser_page, live_server.url
    problems = []
    page.on("console", lambda m: problems.append((m.text, m.location.get("url"))) if m.type == "error"
            and not m.location.get("url", "").endswith("/favicon.ico") else None)
    page.on("pageerror", lambda e: problems.append(str(e)))
    login(page, base, "shenhe")
    page.goto(f"{base}/dashboard/?year=2023")
    page.wait_for_selector("body[data-charts-drawn='5']")
    painted = page.evaluate("""() => [...document.querySelectorAll('canvas')].map(c => {
        const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
        let n = 0; for (let i = 3; i < d.length; i += 4) if (d[i]) n++; return n; })""")
    assert len(painted) == 5 and all(n > 500 for n in painted), painted
    assert not problems, problems  # no CSP violation, no script error
    shot(page, "dashboard")
    # the execution-rate bar of the first (lowest) department opens that evaluation
    target = page.evaluate("""() => { const chart = Chart.getChart('chart-rates'); const bar = chart.getDatasetMeta(0).data[0];
        const box = chart.canvas.getBoundingClientRect(); return {x: box.left + bar.x, y: bar.y + (bar.base - bar.y) / 2 + box.top,
        link: JSON.parse(document.getElementById('dashboard-data').textContent).rates.links[0]}; }""")
    page.mouse.click(target["x"], target["y"])
    page.wait_for_url(f"{base}/e/{target['link']}/")
    assert "绩效自评" in page.inner_text("main")


def test_the_public_pages_open_without_an_account(live_server, people, browser_page):
    from django.contrib.auth import get_user_model

    from jixiao.web.models import Evaluation
    from jixiao.web.services import apply_transition

    page, base = browser_page, live_server.url
    reviewer = get_user_model().objects.get(username="shenhe")
    for ev in Evaluation.objects.exclude(current=None).filter(year__year=2023):
        for action in ("submit", "accept", "publish"):
            apply_transition(ev, action, reviewer)
    page.goto(f"{base}/public/")
    assert "已公开的绩效自评" in page.inner_text("h1") and "登录" not in page.inner_text("h1")
    assert page.locator("#public-list tbody tr").count() == 2
    shot(page, "public-list")
    page.click("#public-list a:has-text('某区图书馆')")
    page.wait_for_selector("#public-files")
    shot(page, "public-detail")
    with page.expect_download() as info:
        page.click("#public-files a:has-text('自评表')")
    assert info.value.suggested_filename.endswith("自评表.xlsx")
