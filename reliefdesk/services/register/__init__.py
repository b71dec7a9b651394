"""The register (家庭登记): townships and villages, households, members, income, assets and
payment accounts — one import for the GUI and the CLI.

Implementation lives in ``register_places`` (villages), ``register_people`` (households,
members, ID validation, search keys), ``register_money`` (income, assets), ``register_accounts`` (accounts, payees, 代管) and
``register_read`` (the household detail and the paged household list); the vocabularies and
frozen dataclasses in ``register_types``.
"""

from __future__ import annotations

from .register_accounts import add_account, deactivate_account
from .register_money import (add_asset, add_income, delete_asset, delete_income,
                             household_income_summary, income_summary_in)
from .register_people import (add_person, add_person_in, check_new_id_number, create_household,
                              create_household_in,
                              update_household, update_person, write_search_keys)
from .register_places import (add_village, add_village_in, list_townships, list_villages,
                              rename_village)
from .register_read import SORT_KEYS, get_household, get_household_in, household_summary_page
from .register_types import (ACCOUNT_KIND_LABELS, AREA_TYPES, ASSET_KINDS, COUNTED_INCOME,
                             DISABILITY_CATEGORIES, ETHNICITIES, EXCLUSION_LABELS,
                             EXCLUSION_REASONS, HEALTH, HUKOU_TYPES, INCOME_CATEGORIES, LABOUR, RELATION_LABELS, RELATIONS, AccountResult,
                             AccountView, AssetView, HouseholdDetail, HouseholdInput, HouseholdRow,
                             HouseholdSummaryPage, HouseholdView, IncomeSummary, IncomeView,
                             PersonInput, PersonView, TownshipView, VillageView)

__all__ = [
    "ACCOUNT_KIND_LABELS", "AREA_TYPES", "ASSET_KINDS", "COUNTED_INCOME", "DISABILITY_CATEGORIES",
    "ETHNICITIES", "EXCLUSION_LABELS", "EXCLUSION_REASONS", "HEALTH", "HUKOU_TYPES",
    "INCOME_CATEGORIES", "LABOUR", "RELATIONS",
    "RELATION_LABELS", "SORT_KEYS", "AccountResult", "AccountView", "AssetView",
    "HouseholdDetail", "HouseholdInput", "HouseholdRow", "HouseholdSummaryPage", "HouseholdView",
    "IncomeSummary", "IncomeView", "PersonInput", "PersonView", "TownshipView", "VillageView",
    "add_account", "add_asset", "add_income", "add_person", "add_person_in", "check_new_id_number", "add_village",
    "add_village_in", "create_household", "create_household_in", "deactivate_account",
    "delete_asset", "delete_income", "get_household", "get_household_in",
    "household_income_summary", "household_summary_page", "income_summary_in", "list_townships",
    "list_villages", "rename_village", "update_household", "update_person", "write_search_keys",
]
