"""Frozen entry point of reliefdesk.exe."""

import sys

from reliefdesk.app import main

sys.exit(main())
