"""发放名册 (monthly payment rosters) page: generate, validate, acknowledge, lock, export,
import the bank's return file, print; ``page.RostersPage`` is the entry point."""
