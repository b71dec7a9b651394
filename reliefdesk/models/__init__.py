"""SQLAlchemy 2.x typed ORM models (no Qt, no services)."""

from .base import Base, utcnow
from .casework import (PROGRAMMES, Application, CaseRecord, CaseStep, Enrollment,
                       EnrollmentChange, EnrollmentMember, RecipientEvent, TerminationProposal,
                       Visit, VisitPhoto)
from .materials import ApplicationMaterial, MaterialAttachment
from .importing import ImportBatch, ImportRecord
from .office import Holiday, Office, PolicyVersion, Setting, Township, Village
from .register import (EXCLUSION_REASONS, RELATIONS, Asset, BankAccount, Household, IncomeItem,
                       Person, PersonSearchKey)
from .roster import (ADJUSTMENT_KINDS, CHANGE_FLAGS, BankReturn, Roster, RosterAdjustment, RosterExport, RosterLine, RosterProblemAck)
from .security import AuditEvent, AuditHead, User

__all__ = [
    "Base", "utcnow", "PROGRAMMES", "Application", "CaseRecord", "TerminationProposal",
    "CaseStep", "Enrollment", "EnrollmentChange", "EnrollmentMember", "RecipientEvent", "Visit",
    "VisitPhoto", "Holiday", "Office", "PolicyVersion", "Setting", "ApplicationMaterial",
    "MaterialAttachment",
    "Township", "Village", "EXCLUSION_REASONS", "RELATIONS", "Asset", "BankAccount", "Household",
    "IncomeItem", "Person", "PersonSearchKey", "AuditEvent", "AuditHead", "User",
    "ImportBatch", "ImportRecord",
    "ADJUSTMENT_KINDS", "CHANGE_FLAGS", "BankReturn", "Roster", "RosterAdjustment", "RosterExport", "RosterLine", "RosterProblemAck",
]
