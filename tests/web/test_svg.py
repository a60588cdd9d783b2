"""Server-drawn charts: data labels escaped, shapes counted right."""

from __future__ import annotations

from collections import Counter

from accords.web.svg import actor_graph, edges_from_events, timeline_chart


def test_svg_timeline_escapes_labels_and_draws_one_bar_per_count() -> None:
    rows = [
        {"period": "2025-05", "event": "ACCUSE", "count": 3},
        {"period": "2025-05", "event": "AGREE", "count": 1},
        {"period": "<script>x</script>", "event": "<img onerror=y>", "count": 2},
    ]
    out = str(timeline_chart(rows))
    assert out.count("<rect") == 3
    assert "<script>" not in out and "<img" not in out and "&lt;script&gt;" in out


def test_svg_graph_edges_follow_direction_and_escape_codes() -> None:
    rows = [
        {"event": "ACCUSE", "actor_list": ["UKR"], "recipient_list": ["RUS"]},
        {"event": "ACCUSE", "actor_list": ["UKR"], "recipient_list": ["RUS"]},
        {"event": "AGREE", "actor_list": ["RUS"], "recipient_list": ["<b>"]},
    ]
    edges = edges_from_events(rows)
    assert edges == Counter({("UKR", "RUS", "verbal conflict"): 2, ("RUS", "<b>", "verbal cooperation"): 1})
    out = str(actor_graph("RUS", edges))
    assert out.count("<line") == 2 and "<b>" not in out and "&lt;b&gt;" in out
    assert "UKR → RUS: 2 events" in out
