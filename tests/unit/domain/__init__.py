"""Unit tests for the pure rules layer (reliefdesk.domain)."""
