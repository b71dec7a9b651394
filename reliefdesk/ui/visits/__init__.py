"""入户调查: home-visit records and their editor."""
