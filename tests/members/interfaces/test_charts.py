import pytest

from educities.members.interfaces.charts import Bar, horizontal_bar_chart, text_width, vertical_bar_chart

pytestmark = [pytest.mark.unit]


def test_vertical_bar_chart_places_bars_on_the_baseline_scaled_to_the_largest_value():
    chart = vertical_bar_chart([("2020", 2), ("2021", 4)], width=100, height=100, font_size=10)

    assert chart.bars == (
        Bar(
            label="2020", value=2, value_text="2", x=10.44, y=48.0, width=33.12, height=30.0,
            label_text="2020", label_x=27.0, label_y=92.0, value_x=27.0, value_y=44.0,
            show_label=True, show_value=True,
        ),
        Bar(
            label="2021", value=4, value_text="4", x=56.44, y=18.0, width=33.12, height=60.0,
            label_text="2021", label_x=73.0, label_y=92.0, value_x=73.0, value_y=14.0,
            show_label=True, show_value=True,
        ),
    )  # fmt: skip
    assert chart.baseline == (4.0, 78.0, 96.0, 78.0)
    assert (chart.orientation, chart.view_box, chart.max_value) == ("vertical", "0 0 100 100", 4)


def test_vertical_bar_chart_thins_labels_from_the_first_bar_and_values_from_the_last():
    items = [(str(2000 + i), 100 + i) for i in range(10)]

    chart = vertical_bar_chart(items, width=108, height=200, font_size=10)

    assert [bar.label for bar in chart.bars if bar.show_label] == ["2000", "2005"]
    assert [bar.value for bar in chart.bars if bar.show_value] == [104, 109]


def test_vertical_bar_chart_shows_every_label_when_there_is_room():
    chart = vertical_bar_chart([(str(1990 + i), i) for i in range(37)])

    assert all(bar.show_value for bar in chart.bars)
    assert [bar.label for bar in chart.bars if bar.show_label][:3] == ["1990", "1992", "1994"]


def test_vertical_bar_chart_uses_the_given_value_text():
    chart = vertical_bar_chart([("2026", 1234)], value_text=lambda value: f"{value:,}".replace(",", "\u202f"))

    assert chart.bars[0].value_text == "1\u202f234"


def test_vertical_bar_chart_with_only_zeros_draws_flat_bars():
    chart = vertical_bar_chart([("2025", 0), ("2026", 0)], width=100, height=100, font_size=10)

    assert [(bar.y, bar.height) for bar in chart.bars] == [(78.0, 0.0), (78.0, 0.0)]


def test_vertical_bar_chart_without_items_has_no_bars():
    chart = vertical_bar_chart([], width=100, height=100)

    assert (chart.bars, chart.max_value) == ((), 0)


def test_horizontal_bar_chart_puts_labels_left_and_values_after_the_bars():
    chart = horizontal_bar_chart(
        [("Europe", 300), ("Africa", 100)], width=200, bar_height=20, gap=10, font_size=10
    )

    assert chart.bars == (
        Bar(
            label="Europe", value=300, value_text="300", x=54.0, y=4.0, width=113.0, height=20.0,
            label_text="Europe", label_x=46.0, label_y=14.0, value_x=171.0, value_y=14.0,
            show_label=True, show_value=True,
        ),
        Bar(
            label="Africa", value=100, value_text="100", x=54.0, y=34.0, width=37.67, height=20.0,
            label_text="Africa", label_x=46.0, label_y=44.0, value_x=95.67, value_y=44.0,
            show_label=True, show_value=True,
        ),
    )  # fmt: skip
    assert (chart.height, chart.view_box, chart.baseline) == (58.0, "0 0 200 58", (54.0, 4.0, 54.0, 54.0))


def test_horizontal_bar_chart_shortens_labels_longer_than_their_share_of_the_width():
    chart = horizontal_bar_chart(
        [("Latin America and the Caribbean", 5)], width=100, font_size=10, max_label_share=0.4
    )

    bar = chart.bars[0]
    assert (bar.label, bar.label_text, bar.x) == ("Latin America and the Caribbean", "Lati…", 52.0)


def test_horizontal_bar_chart_keeps_the_longest_value_inside_the_width():
    chart = horizontal_bar_chart([("Spain", 160), ("Peru", 4)], width=400, font_size=14)

    longest = chart.bars[0]
    assert longest.value_x + text_width(longest.value_text, 14) <= chart.width - 4


def test_horizontal_bar_chart_without_items_is_empty():
    chart = horizontal_bar_chart([], width=200)

    assert (chart.bars, chart.height) == ((), 8.0)
