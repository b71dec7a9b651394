"""存量导入 screens: the settings section listing import batches and the import wizard."""

from reliefdesk.ui.admin.importing.section import ImportSection
from reliefdesk.ui.admin.importing.wizard import ImportWizard

__all__ = ["ImportSection", "ImportWizard"]
