"""A save racing 提交审核 never becomes the current version of the submitted evaluation.

The save scores the document before it takes the row lock; the submit can land in that window. Status and
version are read under the same lock as the write, so such a save is kept, but not made current.
"""

from __future__ import annotations

import threading
import time

import pytest
from django.db import connection

from jixiao.web import services
from jixiao.web.models import Evaluation, Revision, Status, Transition


def _doc(world, text: str) -> dict:
    return dict(world.seed_document, conclusion=[text])


@pytest.mark.django_db
def test_a_submit_inside_the_save_window_keeps_the_submitted_version(world, monkeypatch):
    ev = world.ev_a
    real = services.analyse

    def submit_while_scoring(doc):  # the other request submits while this one scores
        result = real(doc)
        services.apply_transition(Evaluation.objects.get(pk=ev.pk), "submit", world.filler_a)
        return result

    monkeypatch.setattr(services, "analyse", submit_while_scoring)
    saved = services.save_revision(ev, _doc(world, "提交后才到的修改"), world.filler_a, base_number=1)
    ev.refresh_from_db()
    assert ev.status == Status.SUBMITTED and ev.version == 1 and ev.current.number == 1
    assert saved.conflict and saved.read_only == "已提交"
    assert Revision.objects.get(evaluation=ev, number=2).document["conclusion"] == ["提交后才到的修改"]  # kept


@pytest.mark.django_db(transaction=True)
def test_saves_racing_a_submit_in_threads(world):
    """Real threads on PostgreSQL (row locks); on SQLite the writes are serialized by BEGIN IMMEDIATE."""
    if connection.vendor != "postgresql":
        pytest.skip("threads racing on row locks need PostgreSQL; the test above covers the same window")
    ev = world.ev_a
    start = threading.Barrier(9)
    errors: list[BaseException] = []

    def run(job):
        try:
            start.wait()
            job()
        except BaseException as exc:  # noqa: BLE001 — reported by the assertion below
            errors.append(exc)
        finally:
            connection.close()

    def save(n, base):
        return lambda: services.save_revision(Evaluation.objects.get(pk=ev.pk), _doc(world, f"并发修改{n}"),
                                              world.filler_a, base_number=base)

    def submit(delay):
        def job():
            time.sleep(delay)  # land while the saves are scoring, before they take the lock
            services.apply_transition(Evaluation.objects.get(pk=ev.pk), "submit", world.filler_a)
        return job

    for attempt in range(3):
        ev.refresh_from_db()
        threads = [threading.Thread(target=run, args=(save(n, ev.version),)) for n in range(8)]
        threads.append(threading.Thread(target=run, args=(submit(0.002 * attempt),)))
        for t in threads:
            t.start()
        for t in threads:
            t.join(60)
        assert not errors, errors
        ev.refresh_from_db()
        step = Transition.objects.filter(evaluation=ev, to_status=Status.SUBMITTED).latest("pk")
        assert ev.status == Status.SUBMITTED
        assert ev.version == step.revision_number  # the version submitted is still the current one
        assert ev.revision_count == 1 + 8 * (attempt + 1)  # every save kept
        Evaluation.objects.filter(pk=ev.pk).update(status=Status.DRAFT)  # next round
        start.reset()
