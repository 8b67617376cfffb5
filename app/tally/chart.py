"""The chart of the PDF tally: 批次 as bars and 人次 as a line, week by week, in the embedded body font."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.charts.linecharts import HorizontalLineChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.graphics.widgets.markers import makeMarker
from reportlab.lib import colors

from app.documents.fonts import BODY
from app.tally.model import TrendPoint

BAR = colors.HexColor("#4472C4")
LINE = colors.HexColor("#C0504D")
CURRENT = colors.HexColor("#1F3864")


def week_label(point: TrendPoint) -> str:
    period = point.period
    return (
        f"{period.first.month}/{period.first.day}" if period.iso_week is None else f"第{period.iso_week[1]}周"
    )


def trend_chart(points: Sequence[TrendPoint], width: float, height: float, title: str) -> Drawing:
    """Bars of 批次 (this period's bar darker) and a line of 人次 on one axis, with a legend."""
    drawing = Drawing(width, height)
    drawing.initialFontName = BODY  # else the renderer starts in Helvetica, which would not be embedded
    drawing.add(String(width / 2, height - 14, title, fontName=BODY, fontSize=11, textAnchor="middle"))
    top = _axis_top(max([1, *(p.batches for p in points), *(p.persons for p in points)]))
    left, bottom, plot_w, plot_h = 40.0, 36.0, width - 60.0, height - 80.0
    bars = VerticalBarChart()
    lines = HorizontalLineChart()
    for chart in (bars, lines):
        chart.x, chart.y, chart.width, chart.height = left, bottom, plot_w, plot_h
        chart.valueAxis.valueMin, chart.valueAxis.valueMax = 0, top
        chart.valueAxis.valueStep = top / 5
        chart.categoryAxis.categoryNames = [week_label(p) for p in points]
        chart.categoryAxis.labels.fontName = chart.valueAxis.labels.fontName = BODY
        chart.categoryAxis.labels.fontSize = chart.valueAxis.labels.fontSize = 8
    bars.data = [[p.batches for p in points]]
    bars.bars[0].fillColor = BAR
    bars.bars[0].strokeColor = None
    bars.bars[(0, len(points) - 1)].fillColor = CURRENT
    bars.barLabelFormat = "%d"
    bars.barLabels.fontName, bars.barLabels.fontSize, bars.barLabels.nudge = BODY, 7, 6
    bars.valueAxis.visibleGrid = True
    bars.valueAxis.gridStrokeColor = colors.HexColor("#DDDDDD")
    lines.data = [[p.persons for p in points]]
    lines.lines[0].strokeColor, lines.lines[0].strokeWidth = LINE, 1.5
    lines.lines[0].symbol = makeMarker("FilledCircle", size=4, fillColor=LINE, strokeColor=LINE)
    lines.valueAxis.visible = lines.categoryAxis.visible = False
    drawing.add(bars)
    drawing.add(lines)
    drawing.add(_legend(width, height))
    return drawing


def _legend(width: float, height: float) -> Legend:
    legend = Legend()
    legend.x, legend.y = width - 150, height - 24
    legend.fontName, legend.fontSize = BODY, 8
    legend.alignment = "right"
    legend.columnMaximum = 1
    legend.deltax = 60
    legend.colorNamePairs = [(BAR, "批次"), (LINE, "人次")]
    return legend


def _axis_top(largest: int) -> int:
    """A round axis maximum with room above ``largest``: five steps of 1, 2 or 5 times a power of ten."""
    magnitude = 1
    while True:
        for factor in (1, 2, 5):
            if factor * magnitude * 5 >= largest * 1.1:
                return factor * magnitude * 5
        magnitude *= 10
