"""The last twelve weeks at a glance, drawn with QPainter (no QtCharts): 批次 and 人次 side by side per
week, the week under view darker, the figures over the bars, the weeks under them, in the window's font.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from app.tally import TrendPoint

BATCHES_COLOR, PERSONS_COLOR = QColor("#4472C4"), QColor("#ED7D31")
CURRENT_BATCHES, CURRENT_PERSONS = QColor("#1F3864"), QColor("#A0441A")
GRID = QColor("#DDDDDD")


def axis_top(largest: int) -> int:
    """A round maximum above ``largest``: five steps of 1, 2 or 5 times a power of ten."""
    magnitude = 1
    while True:
        for factor in (1, 2, 5):
            if factor * magnitude * 5 >= largest * 1.1:
                return factor * magnitude * 5
        magnitude *= 10


def week_label(point: TrendPoint) -> str:
    period = point.period
    if period.iso_week is None:
        return f"{period.first.month}/{period.first.day}"
    return QCoreApplication.translate("TrendChart", "第%1周").replace("%1", str(period.iso_week[1]))


class TrendChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._points: tuple[TrendPoint, ...] = ()
        self.setMinimumHeight(200)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)

    @property
    def points(self) -> tuple[TrendPoint, ...]:
        return self._points

    def set_points(self, points: Sequence[TrendPoint]) -> None:
        self._points = tuple(points)
        self.setToolTip(
            "\n".join(
                self.tr("{week}（{key}）：{batches}批 {persons}人次").format(
                    week=week_label(p), key=p.period.key, batches=p.batches, persons=p.persons
                )
                for p in self._points
            )
        )
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        return QSize(800, 240)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt's name)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("#FFFFFF"))
        metrics = painter.fontMetrics()
        line = metrics.height()
        title = self.tr("近%1周来访趋势").replace("%1", str(len(self._points) or 12))
        painter.setPen(QColor("#000000"))
        painter.drawText(QRectF(0, 4, self.width(), line), Qt.AlignmentFlag.AlignCenter, title)
        self._legend(painter, line)
        if not self._points:
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.tr("暂无数据"))
            return
        top = axis_top(max([1, *(p.batches for p in self._points), *(p.persons for p in self._points)]))
        left = metrics.horizontalAdvance(str(top)) + 12
        plot = QRectF(left, line * 2 + 12, self.width() - left - 12, self.height() - line * 4 - 20)
        self._grid(painter, plot, top, line)
        slot = plot.width() / len(self._points)
        bar = max(2.0, min(28.0, slot * 0.32))
        last = len(self._points) - 1
        for i, point in enumerate(self._points):
            middle = plot.left() + slot * (i + 0.5)
            colors = (CURRENT_BATCHES, CURRENT_PERSONS) if i == last else (BATCHES_COLOR, PERSONS_COLOR)
            pair = ((point.batches, middle - bar, colors[0]), (point.persons, middle, colors[1]))
            for value, x, color in pair:
                height = plot.height() * value / top
                rect = QRectF(x, plot.bottom() - height, bar, height)
                painter.fillRect(rect, color)
                painter.setPen(QColor("#333333"))
                label = QRectF(x - 10, rect.top() - line - 1, bar + 20, line)
                painter.drawText(label, Qt.AlignmentFlag.AlignCenter, str(value))
            painter.setPen(QColor("#000000"))
            below = QRectF(middle - slot / 2, plot.bottom() + 4, slot, line)
            painter.drawText(below, Qt.AlignmentFlag.AlignCenter, week_label(point))
        painter.setPen(QPen(QColor("#666666"), 1))
        painter.drawLine(plot.bottomLeft(), plot.bottomRight())
        painter.end()

    def _grid(self, painter: QPainter, plot: QRectF, top: int, line: int) -> None:
        for step in range(6):
            y = plot.bottom() - plot.height() * step / 5
            painter.setPen(QPen(GRID, 1))
            painter.drawLine(int(plot.left()), int(y), int(plot.right()), int(y))
            painter.setPen(QColor("#666666"))
            text = QRectF(0, y - line / 2, plot.left() - 6, line)
            align = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
            painter.drawText(text, align, str(top * step // 5))

    def _legend(self, painter: QPainter, line: int) -> None:
        x = self.width() - 170
        for name, color in ((self.tr("批次"), BATCHES_COLOR), (self.tr("人次"), PERSONS_COLOR)):
            painter.fillRect(QRectF(x, line + 8, 12, 12), color)
            painter.setPen(QColor("#000000"))
            painter.drawText(QRectF(x + 16, line + 4, 60, line + 4), Qt.AlignmentFlag.AlignVCenter, name)
            x += 80
