"""Geometry of server-rendered bar charts (inline SVG, no JavaScript).

Pure functions: from a list of (label, value) pairs to the coordinates of each bar and of its labels,
in the units of the SVG's viewBox. The template draws them; the page scales them with the viewBox.
Text widths are estimated (an average character is ``CHAR_WIDTH`` × the font size), which is enough
to leave room for labels and to thin out labels that would overlap.
"""

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

CHAR_WIDTH = 0.7  # width of a character in font sizes: a bold digit, generous for letters
LABEL_STEPS = (1, 2, 5, 10, 20, 25, 50, 100)
ELLIPSIS = "…"


@dataclass(frozen=True)
class Bar:
    label: str  # the full label (also in the bar's tooltip)
    value: int
    value_text: str  # the value as the reader reads it ("1,234" / "1 234")
    x: float
    y: float
    width: float
    height: float
    label_text: str  # the label as drawn (shortened with "…" if it would not fit)
    label_x: float
    label_y: float
    value_x: float
    value_y: float
    show_label: bool
    show_value: bool


@dataclass(frozen=True)
class BarChart:
    orientation: str  # "vertical" or "horizontal"
    width: float
    height: float
    font_size: float
    bars: tuple[Bar, ...]
    baseline: tuple[float, float, float, float]  # x1, y1, x2, y2 of the axis the bars stand on

    @property
    def view_box(self) -> str:
        return f"0 0 {_n(self.width)} {_n(self.height)}"

    @property
    def max_value(self) -> int:
        return max((bar.value for bar in self.bars), default=0)


def _n(number: float) -> str:
    return f"{number:g}"


def _r(number: float) -> float:
    return round(number, 2)


def text_width(text: str, font_size: float) -> float:
    return len(text) * CHAR_WIDTH * font_size


def _step(slot: float, needed: float) -> int:
    """The smallest step in ``LABEL_STEPS`` so that every step-th label gets ``needed`` room."""
    for step in LABEL_STEPS:
        if slot * step >= needed:
            return step
    return math.ceil(needed / slot) if slot > 0 else 1


def vertical_bar_chart(
    items: Sequence[tuple[str, int]],
    *,
    width: float = 1000,
    height: float = 320,
    font_size: float = 11,
    value_text: Callable[[int], str] = str,
) -> BarChart:
    """Columns side by side (years, editions): value above each bar, label under it.

    When labels would overlap, only every 2nd, 5th, 10th... label is shown, counted from the first
    bar; values are thinned the same way counted from the last bar, so the latest value always shows.
    """
    side, gap = 4.0, 3.0
    top = font_size + 8  # room for the value above the tallest bar
    bottom = font_size + 12  # room for the labels under the baseline
    plot_width = width - 2 * side
    plot_height = height - top - bottom
    baseline_y = top + plot_height
    count = len(items)
    slot = plot_width / count if count else plot_width
    bar_width = slot * 0.72
    texts = [value_text(value) for _, value in items]
    longest_value = max((text_width(text, font_size) for text in texts), default=0)
    longest_label = max((text_width(label, font_size) for label, _ in items), default=0)
    value_step = _step(slot, longest_value + gap)
    label_step = _step(slot, longest_label + 2 * gap)
    top_value = max((value for _, value in items), default=0)
    bars = []
    for index, ((label, value), text) in enumerate(zip(items, texts, strict=True)):
        bar_height = plot_height * value / top_value if top_value > 0 else 0.0
        x = side + index * slot + (slot - bar_width) / 2
        centre = side + index * slot + slot / 2
        y = baseline_y - bar_height
        bars.append(
            Bar(
                label=label,
                value=value,
                value_text=text,
                x=_r(x),
                y=_r(y),
                width=_r(bar_width),
                height=_r(bar_height),
                label_text=label,
                label_x=_r(centre),
                label_y=_r(baseline_y + font_size + 4),
                value_x=_r(centre),
                value_y=_r(y - 4),
                show_label=index % label_step == 0,
                show_value=(count - 1 - index) % value_step == 0,
            )
        )
    return BarChart(
        orientation="vertical",
        width=width,
        height=height,
        font_size=font_size,
        bars=tuple(bars),
        baseline=(side, _r(baseline_y), _r(width - side), _r(baseline_y)),
    )


def _shorten(label: str, room: float, font_size: float) -> str:
    if text_width(label, font_size) <= room:
        return label
    keep = max(int(room / (CHAR_WIDTH * font_size)) - 1, 1)
    return label[:keep].rstrip() + ELLIPSIS


def horizontal_bar_chart(
    items: Sequence[tuple[str, int]],
    *,
    width: float = 720,
    bar_height: float = 24,
    gap: float = 10,
    font_size: float = 14,
    max_label_share: float = 0.45,
    value_text: Callable[[int], str] = str,
) -> BarChart:
    """Rows one under the other (regions, countries): label on the left, value after the bar.

    The label column is as wide as the longest label, at most ``max_label_share`` of the width
    (longer labels are shortened with "…"); the chart is as tall as its rows need.
    """
    padding, text_gap = 4.0, 8.0
    texts = [value_text(value) for _, value in items]
    longest_label = max((text_width(label, font_size) for label, _ in items), default=0)
    label_room = min(longest_label, width * max_label_share)
    bars_x = padding + label_room + text_gap
    value_room = max((text_width(text, font_size) for text in texts), default=0) + text_gap
    plot_width = width - bars_x - value_room - padding
    top_value = max((value for _, value in items), default=0)
    bars = []
    for index, ((label, value), text) in enumerate(zip(items, texts, strict=True)):
        y = padding + index * (bar_height + gap)
        length = plot_width * value / top_value if top_value > 0 else 0.0
        middle = y + bar_height / 2
        bars.append(
            Bar(
                label=label,
                value=value,
                value_text=text,
                x=_r(bars_x),
                y=_r(y),
                width=_r(length),
                height=_r(bar_height),
                label_text=_shorten(label, label_room, font_size),
                label_x=_r(bars_x - text_gap),
                label_y=_r(middle),
                value_x=_r(bars_x + length + text_gap / 2),
                value_y=_r(middle),
                show_label=True,
                show_value=True,
            )
        )
    rows_height = len(items) * (bar_height + gap) - gap if items else 0
    height = _r(2 * padding + rows_height)
    return BarChart(
        orientation="horizontal",
        width=width,
        height=height,
        font_size=font_size,
        bars=tuple(bars),
        baseline=(_r(bars_x), padding, _r(bars_x), _r(height - padding)),
    )
