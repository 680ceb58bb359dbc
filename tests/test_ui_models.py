"""The models fetch lazily, a page at a time; stale background results are dropped."""

from __future__ import annotations

import pytest

pytest.importorskip("pytestqt")

from factories import C, add_article, new_library  # noqa: E402

from sourcebook.store import queries  # noqa: E402
from sourcebook.store.records import ClaimFilter  # noqa: E402
from sourcebook.ui.article_model import ArticleListModel  # noqa: E402
from sourcebook.ui.claim_model import PAGE, ClaimModel, ClaimRow  # noqa: E402
from sourcebook.ui.history import History, Place  # noqa: E402
from sourcebook.ui.tasks import TaskRunner  # noqa: E402


@pytest.fixture(scope="module")
def big_library(tmp_path_factory):  # type: ignore[no-untyped-def]
    path = tmp_path_factory.mktemp("big") / "big.sqlite"
    lib = new_library(path)
    for a in range(5):
        sentences = " ".join(f"Unit{n} fires at range {n} km." for n in range(200))
        claims = [C(f"Unit{n}", "range", f"Unit{n} fires at range {n} km", object=f"{n} km") for n in range(200)]
        add_article(lib, f"art{a}", f"Article {a}\n\n{sentences}\n", claims)
    for a in range(5, 450):
        add_article(lib, f"art{a:03d}", f"Short {a}\n\nNothing here.\n")
    yield lib
    lib.close()


def test_claim_model_fetches_a_page_at_a_time(qtbot, big_library):  # type: ignore[no-untyped-def]
    lib = big_library
    assert queries.claim_count(lib) == 1000
    calls = []

    def fetch(offset, limit):  # type: ignore[no-untyped-def]
        calls.append((offset, limit))
        rows = queries.claims(lib, ClaimFilter(), offset=offset, limit=limit)
        return [ClaimRow(r) for r in rows], len(rows)

    model = ClaimModel()
    model.reset(fetch)
    assert model.rowCount() == 0 and model.canFetchMore()
    model.fetchMore()
    assert model.rowCount() == PAGE < 1000
    while model.canFetchMore():
        model.fetchMore()
    assert model.rowCount() == 1000
    assert calls[:2] == [(0, PAGE), (PAGE, PAGE)]


def test_sidebar_on_the_whole_library_lists_lazily(qtbot, big_library):  # type: ignore[no-untyped-def]
    from sourcebook.ui.fact_sidebar import FactSidebar

    sidebar = FactSidebar(TaskRunner())
    qtbot.addWidget(sidebar)
    sidebar.set_library(big_library, queries.predicates(big_library), ("system",))
    sidebar.scope.setCurrentIndex(sidebar.scope.findData("all"))
    assert sidebar.model.rowCount() == PAGE
    assert "1,000 claims in the library" == sidebar.count.text()
    sidebar.model.fetchMore()
    assert sidebar.model.rowCount() == 2 * PAGE


def test_article_list_fetches_lazily_and_filters(qtbot, big_library):  # type: ignore[no-untyped-def]
    model = ArticleListModel()
    model.set_library(big_library)
    assert model.rowCount() == 0 and model.canFetchMore()
    model.fetchMore()
    assert model.rowCount() == 200
    model.set_filter("Article")
    model.fetchMore()
    assert model.rowCount() == 5 and not model.canFetchMore()


def test_a_newer_task_drops_the_older_ones_result(qtbot):  # type: ignore[no-untyped-def]
    import threading

    runner = TaskRunner()
    gate = threading.Event()
    got = []
    runner.run(lambda: (gate.wait(5), "old")[1], got.append, key="search")
    runner.run(lambda: "new", got.append, key="search")
    qtbot.waitUntil(lambda: got == ["new"], timeout=5000)
    gate.set()
    runner.wait()
    qtbot.wait(50)
    assert got == ["new"]


def test_errors_in_tasks_reach_the_gui_thread(qtbot):  # type: ignore[no-untyped-def]
    runner = TaskRunner()
    errors = []
    runner.run(lambda: 1 / 0, lambda _r: None, errors.append)
    qtbot.waitUntil(lambda: len(errors) == 1, timeout=5000)
    assert isinstance(errors[0], ZeroDivisionError)


def test_history_walks_back_and_forward_and_forgets_the_forward_branch():  # type: ignore[no-untyped-def]
    h = History()
    for i in (1, 2, 3):
        h.visit(Place("claim", i))
    assert h.back() == Place("claim", 2) and h.back() == Place("claim", 1) and h.back() is None
    assert h.forward() == Place("claim", 2)
    h.visit(Place("article", 9))
    assert not h.can_forward() and h.current == Place("article", 9)
