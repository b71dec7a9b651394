"""Use cases: take a Session, enforce rules, write audit, return frozen dataclasses."""
