"""Frozen entry point of reliefdesk-admin.exe."""

import sys

from reliefdesk.cli import main

sys.exit(main())
