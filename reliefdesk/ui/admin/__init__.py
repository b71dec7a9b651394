"""系统设置 (settings): office, users and roles, policy versions, holidays, security and the
audit log. The page is ``reliefdesk.ui.admin.page.SettingsPage``."""
