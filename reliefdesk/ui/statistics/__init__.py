"""统计 page: monthly statistics, the year report, charts and exports."""
