"""``python -m reliefdesk.cli`` runs ``reliefdesk-admin``."""

import sys

from . import main

sys.exit(main())
