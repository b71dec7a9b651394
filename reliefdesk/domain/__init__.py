"""Pure rules, stdlib only (plus pypinyin for search keys): no SQLAlchemy, no Qt."""
