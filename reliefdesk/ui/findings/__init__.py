"""比对线索 (findings of the department data comparison, issue 14): the queue page, the
resolve dialog, the department-file import dialog with its mapping step, and the workbench
link "待核实比对线索 N"."""
