"""The register (家庭登记): townships and villages, households, members, income, assets and
payment accounts — one import for the GUI and the CLI.

Implementation lives in the modules of this package: ``places`` (villages), ``people``
(households, members, ID validation, search keys), ``money`` (income, assets), ``accounts``
(accounts, payees, 代管) and ``read`` (the household detail and the paged household list); the
vocabularies and frozen dataclasses in ``types``.
"""

from __future__ import annotations

from .accounts import add_account, deactivate_account
from .money import (add_asset, add_asset_in, add_income, add_income_in, delete_asset,
                    delete_income,
                             household_income_summary, income_summary_in)
from .people import (add_person, add_person_in, check_new_id_number, create_household,
                              create_household_in,
                              update_household, update_person, write_search_keys)
from .places import (add_village, add_village_in, list_townships, list_villages,
                              rename_village)
from .read import SORT_KEYS, get_household, get_household_in, household_summary_page
from .types import (ACCOUNT_KIND_LABELS, AREA_TYPES, ASSET_KINDS, COUNTED_INCOME,
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
    "add_account", "add_asset", "add_asset_in", "add_income", "add_income_in", "add_person", "add_person_in", "check_new_id_number", "add_village",
    "add_village_in", "create_household", "create_household_in", "deactivate_account",
    "delete_asset", "delete_income", "get_household", "get_household_in",
    "household_income_summary", "household_summary_page", "income_summary_in", "list_townships",
    "list_villages", "rename_village", "update_household", "update_person", "write_search_keys",
]
