"""预警阈值 (for an administrator): when a hotspot row is marked, when several visitors make a 集访风险
warning, and what counts as 积案. The service checks every value against its range and saves all or none.
"""

from __future__ import annotations

from dataclasses import asdict

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QSpinBox, QVBoxLayout, QWidget

from app.errors import DeskError, ValidationError
from app.sources.hotspots import HotspotService
from app.sources.thresholds import LABELS
from ui.app_messages import app_message

ERROR_STYLE = "color: #C0392B;"


class ThresholdDialog(QDialog):
    def __init__(self, hotspots: HotspotService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("预警阈值"))
        self._hotspots = hotspots
        self.spins: dict[str, QSpinBox] = {}
        form = QFormLayout()
        current = asdict(hotspots.thresholds())
        for key, (label, low, high) in LABELS.items():
            spin = QSpinBox(self)
            spin.setRange(low, high)
            spin.setValue(int(current[key]))
            self.spins[key] = spin
            form.addRow(self.tr(label), spin)
        self.error = QLabel(self)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        column = QVBoxLayout(self)
        column.addLayout(form)
        column.addWidget(self.error)
        column.addWidget(buttons)

    def values(self) -> dict[str, int]:
        return {key: spin.value() for key, spin in self.spins.items()}

    def save(self) -> None:
        try:
            self._hotspots.set_thresholds(self.values())
        except ValidationError as error:
            self.error.setText("\n".join(app_message(e.message) for e in error.errors))
            self.error.show()
            return
        except DeskError as error:
            self.error.setText(app_message(error.message))
            self.error.show()
            return
        self.accept()
