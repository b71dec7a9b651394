"""Python's cyclic garbage collector runs on the GUI thread only (ui/gc_guard.py)."""

from __future__ import annotations

import gc
import threading

from reliefdesk.ui import gc_guard


class _Cycle:
    def __init__(self) -> None:
        self.me = self


def test_automatic_collection_is_off_and_the_timer_collects(qtbot, _gc_on_gui_thread):
    """With the guard on, automatic collection is off; cycles made on a worker thread are
    freed later by the GUI-thread timer, not by the worker."""
    assert not gc.isenabled() and _gc_on_gui_thread.is_active()
    collected_in: list[str] = []

    def callback(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            collected_in.append(threading.current_thread().name)

    gc.callbacks.append(callback)
    try:
        worker = threading.Thread(target=lambda: [_Cycle() for _ in range(5000)], name="worker")
        worker.start()
        worker.join()
        qtbot.waitUntil(lambda: bool(collected_in), timeout=5000)
    finally:
        gc.callbacks.remove(callback)
    assert "worker" not in collected_in
    assert set(collected_in) == {threading.main_thread().name}
    assert gc_guard.GarbageCollector.collect_if_due() >= 0
