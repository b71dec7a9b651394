"""Payment-roll workbooks (发放花名册, 银行代发文件, 汇总表, 回盘文件): the public entry point.

The implementation lives in ``reliefdesk.documents.xlsx``; this module keeps the import path
the services use stable.
"""

from __future__ import annotations

from reliefdesk.documents.xlsx import *  # noqa: F403
from reliefdesk.documents.xlsx import __all__  # noqa: F401  (re-exported)
