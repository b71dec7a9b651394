"""Widgets and dialogs shared by several pages (pages never import each other): small input
helpers, the payee/account dialog, the 拟终止 procedure dialog."""
