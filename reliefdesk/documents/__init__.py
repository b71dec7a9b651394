"""Pure document builders: plain data in, PDF or xlsx bytes out. No Qt, no database."""
