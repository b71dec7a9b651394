"""Money and masking rules used by the builders, re-exported from ``reliefdesk.domain``.

``domain.money`` owns 大写金额 and 2-decimal yuan; ``domain.masking`` owns the DOMAIN §10.3
masking patterns.  Keeping the imports in one place lets the builders stay short.
"""

from __future__ import annotations

from reliefdesk.domain.masking import mask_account, mask_id, mask_name, mask_phone
from reliefdesk.domain.money import fen_to_yuan, to_capital

__all__ = ["fen_to_yuan", "mask_account", "mask_id", "mask_name", "mask_phone", "to_capital"]
