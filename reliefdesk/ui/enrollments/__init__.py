"""在保对象 (enrollments) page: the list with filters and one screen per enrolled household."""
