"""The assistance programmes: codes and their names — the one home of this vocabulary.

``PROGRAMME_LABELS`` are the short names used on screens, lists, rosters and the CLI
(城市低保…); ``PROGRAMME_NAMES`` the formal names printed on the statutory forms
(城市最低生活保障…). The English UI translates the codes itself (``ui/labels.py``).
"""

from __future__ import annotations

__all__ = ["DIBAO", "MONTHLY_PROGRAMMES", "PROGRAMMES", "PROGRAMME_LABELS", "PROGRAMME_NAMES"]

PROGRAMMES = ("urban_dibao", "rural_dibao", "tekun", "temporary_aid")
DIBAO = ("urban_dibao", "rural_dibao")
#: Programmes paid monthly through rosters (temporary aid is a one-off payment).
MONTHLY_PROGRAMMES = ("urban_dibao", "rural_dibao", "tekun")

PROGRAMME_LABELS: dict[str, str] = {
    "urban_dibao": "城市低保",
    "rural_dibao": "农村低保",
    "tekun": "特困供养",
    "temporary_aid": "临时救助",
}
PROGRAMME_NAMES: dict[str, str] = {
    "urban_dibao": "城市最低生活保障",
    "rural_dibao": "农村最低生活保障",
    "tekun": "特困人员救助供养",
    "temporary_aid": "临时救助",
}
