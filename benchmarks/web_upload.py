"""What one upload costs the server: time and peak memory of the upload request, by file kind and size.

    .venv/bin/python benchmarks/web_upload.py                  # this checkout
    .venv/bin/python benchmarks/web_upload.py --src /tmp/old/src   # another checkout's code, to compare

Each case runs in a fresh process (SQLite in a temporary directory): one department, one 填报人, the bundled
example saved as version 1. The timed part is the upload request as the browser sends it (parse, preview
with the score the upload would get and every changed field) and, when the upload is accepted, the confirm
(the save, rescored) and the editor page that follows. Memory is the process's peak resident size above what
it was just before the upload. Cases: the bundled example (the normal path), and 2–3 MB files made from it by
repeating its tasks and indicators (YAML, JSON, Excel template). For the example it also prints the CPU time
of an editor page and of a save (median of 30), the figures the upload bounds must not make worse.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "liwan-fulian-2023.yaml"

CHILD = r'''
import json, os, sys, time
src = sys.argv[1]
if src:
    sys.path.insert(0, src)
os.environ["DJANGO_SETTINGS_MODULE"] = "jixiao.web.settings"
import django
django.setup()
from django.core.management import call_command
call_command("migrate", verbosity=0)
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from jixiao.load import load_file
from jixiao.web.analysis import document_of
from jixiao.web.models import Department, Evaluation, Profile, Role, Year
from jixiao.web.services import save_revision

example, upload, name = sys.argv[2], sys.argv[3], sys.argv[4]
model = load_file(example).evaluation
dept = Department.objects.create(name=model.department.name)
year = Year.objects.create(year=model.year)
user = get_user_model().objects.create_user("bench", password="x")
Profile.objects.create(user=user, role=Role.FILLER, department=dept)
ev = Evaluation.objects.create(department=dept, year=year, kind=model.kind.value)
save_revision(ev, document_of(model), user, 0, "bench")
client = Client()
client.force_login(user)
data = open(upload, "rb").read()
def status(key):
    for line in open("/proc/self/status"):
        if line.startswith(key + ":"):
            return int(line.split()[1])
try:
    with open("/proc/self/clear_refs", "w") as f:
        f.write("5")  # resets the peak (VmHWM) to the current size
except OSError:
    pass
rss0 = status("VmRSS")
start = time.perf_counter()
page = client.post(f"/e/{ev.pk}/upload/", {"file": SimpleUploadedFile(name, data)})
accepted = page.status_code == 200 and b"confirm-upload" in page.content
upload_s = time.perf_counter() - start
if accepted:
    client.post(f"/e/{ev.pk}/upload/confirm/", {"confirm": "yes"})
    editor = client.get(f"/e/{ev.pk}/")
    editor_bytes = len(editor.content)
else:
    editor = client.get(f"/e/{ev.pk}/")
    editor_bytes = 0
total_s = time.perf_counter() - start
message = ""
text = editor.content.decode()
if "msg-error" in text:
    message = text.split('class="msg-error">', 1)[1].split("<", 1)[0]
rss = status("VmHWM")
cpu = {}
if sys.argv[5] == "1":  # the normal path: CPU time of one editor page and one save, as the load test makes them
    from bs4 import BeautifulSoup
    def fields(html):
        form = BeautifulSoup(html, "html.parser").find("form", id="editor")
        data = {}
        for el in form.find_all(["input", "textarea", "select"]):
            if el.find_parent("template") or not el.get("name"):
                continue
            if el.name == "textarea":
                data[el["name"]] = el.text
            elif el.name == "select":
                chosen = el.find("option", selected=True)
                data[el["name"]] = chosen["value"] if chosen else ""
            elif el.get("type") != "checkbox" or el.has_attr("checked"):
                data[el["name"]] = el.get("value", "on")
        return data
    pages, saves = [], []
    for n in range(30):
        t = time.process_time()
        html = client.get(f"/e/{ev.pk}/").content.decode()
        pages.append(time.process_time() - t)
        data = fields(html)
        data["conclusion"] = f"第{n}次保存"
        t = time.process_time()
        client.post(f"/e/{ev.pk}/", data)
        saves.append(time.process_time() - t)
    cpu = {"page_ms": sorted(pages)[15] * 1000, "save_ms": sorted(saves)[15] * 1000}
print(json.dumps({"accepted": accepted, "upload_s": upload_s, "total_s": total_s, "peak_mb": (rss - rss0) / 1024,
                  "editor_mb": editor_bytes / 1e6, "message": message, **cpu}, ensure_ascii=False))
'''


XLSX_INDICATORS = 40000  # an Excel file compresses well: this many rows make a 2–3 MB file


def _big_document(indicators: int) -> dict:
    import yaml

    doc = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    task, per = doc["tasks"][0], 100
    doc["tasks"] = [dict(task, name=f"{task['name']}（{t + 1}）",
                         indicators=[dict(task["indicators"][i % len(task["indicators"])], name=f"指标{t + 1}-{i + 1}")
                                     for i in range(per)]) for t in range(indicators // per)]
    return doc


def _files(tmp: Path) -> list[tuple[str, Path]]:
    import yaml

    cases = [("示例（正常路径）", EXAMPLE)]
    big = _big_document(14000)
    y = tmp / "big.yaml"
    y.write_text(yaml.safe_dump(big, allow_unicode=True, sort_keys=False), encoding="utf-8")
    j = tmp / "big.json"
    j.write_text(json.dumps(big, ensure_ascii=False), encoding="utf-8")
    edge = tmp / "limit.yaml"
    edge.write_text(yaml.safe_dump(_big_document(1000), allow_unicode=True, sort_keys=False), encoding="utf-8")
    cases += [(f"YAML {edge.stat().st_size / 1e6:.1f} MB，1000 个指标（上限）", edge),
              (f"YAML {y.stat().st_size / 1e6:.1f} MB，14000 个指标", y),
              (f"JSON {j.stat().st_size / 1e6:.1f} MB，14000 个指标", j)]
    sys.path.insert(0, str(ROOT / "src"))
    from jixiao.load import load_text
    from jixiao.load.xlsx_write import write_xlsx

    x = tmp / "big.xlsx"
    write_xlsx(load_text(json.dumps(_big_document(XLSX_INDICATORS), ensure_ascii=False), "json", "x.json").evaluation, x)
    cases.append((f"Excel {x.stat().st_size / 1e6:.1f} MB，{XLSX_INDICATORS} 个指标", x))
    return cases


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--src", default="", help="import jixiao from this src/ directory instead of this checkout")
    parser.add_argument("--only-example", action="store_true", help="only the normal path (quick)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="jixiao-upload-bench-") as tmp:
        tmp = Path(tmp)
        cases = _files(tmp) if not args.only_example else [("示例（正常路径）", EXAMPLE)]
        print(f"代码：{args.src or ROOT / 'src'}")
        print(f"{'文件':<34}{'结果':<8}{'上传请求':>10}{'合计':>10}{'峰值内存':>12}{'编辑页':>10}")
        for n, (label, path) in enumerate(cases):
            data_dir = tmp / f"data-{n}"
            env = dict(os.environ, JIXIAO_DATA_DIR=str(data_dir))
            env.pop("JIXIAO_DATABASE_URL", None)
            run = subprocess.run([sys.executable, "-c", CHILD, args.src, str(EXAMPLE), str(path), path.name,
                                  "1" if n == 0 else "0"],
                                 env=env, capture_output=True, text=True, timeout=1800, cwd=tmp)
            if run.returncode != 0:
                print(f"{label:<34}失败：{run.stderr.strip().splitlines()[-1] if run.stderr.strip() else run.returncode}")
                continue
            r = json.loads(run.stdout.strip().splitlines()[-1])
            result = "接受" if r["accepted"] else "拒绝"
            print(f"{label:<34}{result:<8}{r['upload_s']:>9.2f}s{r['total_s']:>9.2f}s{r['peak_mb']:>10.0f} MB"
                  f"{r['editor_mb']:>8.1f} MB")
            if r["message"]:
                print(f"{'':<34}提示：{r['message']}")
            if "page_ms" in r:
                print(f"{'':<34}此后每次请求的 CPU 时间（中位数，30 次）：编辑页 {r['page_ms']:.0f} ms，保存 {r['save_ms']:.0f} ms")


if __name__ == "__main__":
    main()
