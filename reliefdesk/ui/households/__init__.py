"""家庭档案 (the household register): the big household list with search, and one household's
page with members, income and assets, accounts, applications, visits, payments and history."""
