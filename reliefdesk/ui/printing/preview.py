"""PDF preview dialog: the document on screen (all pages, zoom), 打印… and 另存为 PDF….

The PDF bytes come from :mod:`reliefdesk.services.printing` (already audited there). Printing
renders each page with ``QPdfDocument.render`` at the printer's resolution (capped at
``MAX_PRINT_DPI`` to bound memory) and paints it full-page into the printer, so what comes out
is exactly the PDF, margins included.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, QSize, Qt, Slot
from PySide6.QtGui import QGuiApplication, QKeySequence, QPageLayout, QPainter, QShortcut
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reliefdesk.paths import write_private
from reliefdesk.ui.ops import QueryOp

__all__ = ["MAX_PRINT_DPI", "PdfPreviewDialog"]

# Pages are rasterised for the printer at most at this resolution (600 dpi A4 ≈ 140 MB/page).
MAX_PRINT_DPI = 300
ZOOMS = (0.5, 0.75, 1.0, 1.25, 1.5, 2.0)


TITLE_BAR = 40  # the window frame and title above the dialog's client area


def preview_size(wanted: tuple[int, int] = (900, 760)) -> tuple[int, int]:
    """The preview's size, kept inside the screen's free area (above the taskbar, with room
    for the title bar): 1366×768 with a 40-pixel taskbar leaves 688 pixels."""
    screen = QGuiApplication.primaryScreen()
    if screen is None:
        return wanted
    free = screen.availableGeometry()
    return min(wanted[0], free.width()), min(wanted[1], free.height() - TITLE_BAR)


class PdfPreviewDialog(QDialog):
    """Shows a PDF; prints it or saves it. ``saved`` path is kept in ``last_saved``."""

    def __init__(
        self,
        pdf_bytes: bytes,
        title: str,
        parent: QWidget | None = None,
        suggested_file_name: str = "",
    ) -> None:
        super().__init__(parent)
        self.setObjectName("pdfPreviewDialog")
        self.setWindowTitle(title)
        self.resize(*preview_size())
        self._bytes = pdf_bytes
        self._suggested = suggested_file_name or f"{title}.pdf"
        self.last_saved: Path | None = None
        self._data = QByteArray(pdf_bytes)
        self._buffer = QBuffer(self._data, self)
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document = QPdfDocument(self)
        self.document.load(self._buffer)

        self.view = QPdfView(self)
        self.view.setObjectName("pdfView")
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setDocument(self.document)

        self.zoom = QComboBox(self)
        self.zoom.setObjectName("zoomCombo")
        self.zoom.addItem(self.tr("Fit width"), 0.0)
        self.zoom.addItem(self.tr("Whole page"), -1.0)
        for z in ZOOMS:
            self.zoom.addItem(f"{round(z * 100)}%", z)
        self.zoom.currentIndexChanged.connect(self._on_zoom_changed)
        self.pages_label = QLabel(self.tr("%n page(s)", "", self.page_count()), self)
        self.pages_label.setObjectName("pagesLabel")
        self.print_button = QPushButton(self.tr("&Print..."), self)
        self.print_button.setObjectName("printButton")
        self.print_button.clicked.connect(self._on_print_clicked)
        self.save_button = QPushButton(self.tr("&Save as PDF..."), self)
        self.save_button.setObjectName("saveButton")
        self.save_button.clicked.connect(self._on_save_clicked)
        self.close_button = QPushButton(self.tr("Close"), self)
        self.close_button.setObjectName("closeButton")
        self.close_button.clicked.connect(self.reject)
        self.print_button.setDefault(True)

        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Zoom:"), self))
        bar.addWidget(self.zoom)
        bar.addWidget(self.pages_label)
        bar.addStretch(1)
        bar.addWidget(self.print_button)
        bar.addWidget(self.save_button)
        bar.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addLayout(bar)
        QShortcut(QKeySequence.StandardKey.Print, self).activated.connect(self._on_print_clicked)
        QShortcut(QKeySequence.StandardKey.Save, self).activated.connect(self._on_save_clicked)
        QShortcut(QKeySequence.StandardKey.ZoomIn, self).activated.connect(
            lambda: self._step_zoom(1)
        )
        QShortcut(QKeySequence.StandardKey.ZoomOut, self).activated.connect(
            lambda: self._step_zoom(-1)
        )

    # ------------------------------------------------------------------ document
    def page_count(self) -> int:
        return int(self.document.pageCount())

    def pdf_bytes(self) -> bytes:
        return self._bytes

    @Slot(int)
    def _on_zoom_changed(self, index: int) -> None:
        value = float(self.zoom.itemData(index))
        if value == 0.0:
            self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        elif value < 0:
            self.view.setZoomMode(QPdfView.ZoomMode.FitInView)
        else:
            self.view.setZoomMode(QPdfView.ZoomMode.Custom)
            self.view.setZoomFactor(value)

    def _step_zoom(self, step: int) -> None:
        self.zoom.setCurrentIndex(
            max(0, min(self.zoom.count() - 1, self.zoom.currentIndex() + step))
        )

    # ------------------------------------------------------------------ saving
    @Slot()
    def _on_save_clicked(self) -> None:
        start = str(Path.home() / self._suggested)
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save as PDF"), start, self.tr("PDF files (*.pdf)")
        )
        if path:
            self.save_to(path)

    def save_to(self, path: str | Path) -> None:
        """Write the PDF to ``path`` atomically, off the GUI thread (the "save as" slot)."""
        target = Path(path)
        if target.suffix.lower() != ".pdf":
            target = target.with_name(target.name + ".pdf")
        data = self._bytes
        self.save_button.setEnabled(False)
        QueryOp(
            parent=self,
            op=lambda: write_private(target, data),
            success=lambda _: self._saved(target),
        ).always(lambda: self.save_button.setEnabled(True)).with_progress(
            self.tr("Saving...")
        ).run_in_background()

    def _saved(self, target: Path) -> None:
        self.last_saved = target
        self.setWindowTitle(f"{self.windowTitle().split(' — ')[0]} — {target.name}")

    # ------------------------------------------------------------------ printing
    @Slot()
    def _on_print_clicked(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        self.prepare_printer(printer)
        dialog = QPrintDialog(printer, self)
        dialog.setObjectName("printDialog")
        dialog.setWindowTitle(self.tr("Print"))
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.print_to(printer)

    def prepare_printer(self, printer: QPrinter) -> None:
        """Document name, full-page mode and the orientation of the first page."""
        printer.setDocName(self.windowTitle())
        printer.setFullPage(True)
        if self.page_count():
            size = self.document.pagePointSize(0)
            landscape = size.width() > size.height()
            printer.setPageOrientation(
                QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait
            )
        printer.setFromTo(0, 0)

    def print_to(self, printer: QPrinter) -> int:
        """Render every page (or the printer's from–to range) into ``printer``; returns the
        number of pages printed."""
        count = self.page_count()
        first, last = 0, count - 1
        if printer.fromPage() > 0:
            first = printer.fromPage() - 1
            last = min(count - 1, max(first, printer.toPage() - 1))
        painter = QPainter()
        if not painter.begin(printer):
            QMessageBox.warning(
                self, self.tr("Print"), self.tr("The printer could not be started.")
            )
            return 0
        printed = 0
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            dpi = min(printer.resolution(), MAX_PRINT_DPI)
            for index in range(first, last + 1):
                if printed:
                    printer.newPage()
                size_pt = self.document.pagePointSize(index)
                pixels = QSize(
                    max(1, round(size_pt.width() * dpi / 72)),
                    max(1, round(size_pt.height() * dpi / 72)),
                )
                image = self.document.render(index, pixels)
                target = QRectF(painter.viewport())
                scale = min(target.width() / pixels.width(), target.height() / pixels.height())
                w, h = pixels.width() * scale, pixels.height() * scale
                painter.drawImage(
                    QRectF(
                        target.x() + (target.width() - w) / 2,
                        target.y() + (target.height() - h) / 2,
                        w,
                        h,
                    ),
                    image,
                )
                printed += 1
        finally:
            painter.end()
            QApplication.restoreOverrideCursor()
        return printed
