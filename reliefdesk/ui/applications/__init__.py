"""申请审批: the applications list, the new-application wizard, the case page and its dialogs."""
