"""The statistical categories and their labels (shared by the tables and the checks)."""

from __future__ import annotations

# Statistical categories: the three monthly programmes (tekun split 集中/分散) and 临时救助.
MONTHLY_KEYS = ("urban_dibao", "rural_dibao", "tekun_centralised", "tekun_dispersed")
CATEGORY_KEYS = (*MONTHLY_KEYS, "temporary_aid")
CATEGORY_LABELS = {
    "urban_dibao": "城市低保",
    "rural_dibao": "农村低保",
    "tekun_centralised": "特困（集中供养）",
    "tekun_dispersed": "特困（分散供养）",
    "temporary_aid": "临时救助",
    "tekun": "特困供养",
    "dibao": "低保",
    "total": "合计",
}
