"""Applications, their workflow steps, home visits, enrollments and changes to them."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Base, utcnow

PROGRAMMES = ("urban_dibao", "rural_dibao", "tekun", "temporary_aid")


class Application(Base):
    """One application (申请) moving through the legal steps of its programme."""

    __tablename__ = "application"
    __table_args__ = (Index("ix_application_state_programme", "state", "programme"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    file_no: Mapped[str] = mapped_column(String(32), default="")
    household_id: Mapped[int] = mapped_column(ForeignKey("household.id"), index=True)
    applicant_id: Mapped[int] = mapped_column(ForeignKey("person.id"), index=True)
    programme: Mapped[str] = mapped_column(String(16))
    state: Mapped[str] = mapped_column(String(24), index=True)
    state_since: Mapped[date] = mapped_column(Date)
    due_on: Mapped[date | None] = mapped_column(Date, index=True)  # deadline of the current step
    accepted_on: Mapped[date] = mapped_column(Date)
    reason: Mapped[str] = mapped_column(Text, default="")
    single_person: Mapped[bool] = mapped_column(Boolean, default=False)  # 单人保
    # tekun
    care_mode: Mapped[str | None] = mapped_column(String(16))  # dispersed | centralised
    self_care: Mapped[dict[str, Any] | None] = mapped_column(JSON)  # six booleans
    care_tier: Mapped[str | None] = mapped_column(String(16))
    # temporary aid
    aid_type: Mapped[str | None] = mapped_column(String(16))  # emergency | expenditure
    aid_months: Mapped[int | None] = mapped_column(Integer)
    aid_persons: Mapped[int | None] = mapped_column(Integer)
    aid_cause: Mapped[str | None] = mapped_column(String(16))  # domain.admission.TEMP_AID_CAUSES
    green_channel: Mapped[bool] = mapped_column(Boolean, default=False)  # 先行救助 / 先行纳入
    paperwork_due: Mapped[date | None] = mapped_column(Date)
    # workflow facts
    info_check_requested_on: Mapped[date | None] = mapped_column(Date)
    info_check_result: Mapped[str | None] = mapped_column(Text)
    publicity_start: Mapped[date | None] = mapped_column(Date)
    publicity_end: Mapped[date | None] = mapped_column(Date)
    objection: Mapped[str | None] = mapped_column(Text)
    extended: Mapped[bool] = mapped_column(Boolean, default=False)
    proposed_fen: Mapped[int | None] = mapped_column(Integer)
    working: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    decision: Mapped[str | None] = mapped_column(String(16))  # approved | refused
    decision_reasons: Mapped[str | None] = mapped_column(Text)
    decided_on: Mapped[date | None] = mapped_column(Date)
    created_by: Mapped[int] = mapped_column(ForeignKey("app_user.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    version: Mapped[int] = mapped_column(Integer, default=1)
    __mapper_args__ = {"version_id_col": version}

    steps: Mapped[list[CaseStep]] = relationship(
        back_populates="application", order_by="CaseStep.id"
    )


class CaseStep(Base):
    """One transition of an application: who, role, when, decision, opinion."""

    __tablename__ = "case_step"
    id: Mapped[int] = mapped_column(primary_key=True)
    application_id: Mapped[int] = mapped_column(ForeignKey("application.id"), index=True)
    action: Mapped[str] = mapped_column(String(32))
    from_state: Mapped[str | None] = mapped_column(String(24))
    to_state: Mapped[str] = mapped_column(String(24))
    user_id: Mapped[int] = mapped_column(ForeignKey("app_user.id"))
    username: Mapped[str] = mapped_column(String(64))
    role: Mapped[str] = mapped_column(String(16))
    at: Mapped[datetime] = mapped_column(default=utcnow)
    on_date: Mapped[date] = mapped_column(Date)
    decision: Mapped[str] = mapped_column(String(32), default="")
    opinion: Mapped[str] = mapped_column(Text, default="")
    application: Mapped[Application] = relationship(back_populates="steps")


class Visit(Base):
    """入户调查 record (DOMAIN §2.9); list-shaped details are JSON."""

    __tablename__ = "visit"
    id: Mapped[int] = mapped_column(primary_key=True)
    household_id: Mapped[int] = mapped_column(ForeignKey("household.id"), index=True)
    application_id: Mapped[int | None] = mapped_column(ForeignKey("application.id"), index=True)
    visit_date: Mapped[date] = mapped_column(Date)
    mode: Mapped[str] = mapped_column(String(8), default="onsite")  # onsite | phone | video
    investigators: Mapped[list[Any]] = mapped_column(JSON)  # [{"name", "unit"}], at least 2
    members_present: Mapped[list[Any]] = mapped_column(JSON, default=list)
    housing: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    durable_goods: Mapped[str] = mapped_column(Text, default="")
    vehicles: Mapped[str] = mapped_column(Text, default="")
    livestock: Mapped[str] = mapped_column(Text, default="")
    land: Mapped[str] = mapped_column(Text, default="")
    member_details: Mapped[list[Any]] = mapped_column(JSON, default=list)
    supporters: Mapped[list[Any]] = mapped_column(JSON, default=list)
    spending: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    opinion: Mapped[str] = mapped_column(Text, default="")
    recommendation: Mapped[str] = mapped_column(String(32), default="")
    created_by: Mapped[int] = mapped_column(ForeignKey("app_user.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    version: Mapped[int] = mapped_column(Integer, default=1)
    __mapper_args__ = {"version_id_col": version}
    photos: Mapped[list[VisitPhoto]] = relationship(
        back_populates="visit", order_by="VisitPhoto.id"
    )


class VisitPhoto(Base):
    """A photo attached to a visit, kept inside the database with the record."""

    __tablename__ = "visit_photo"
    id: Mapped[int] = mapped_column(primary_key=True)
    visit_id: Mapped[int] = mapped_column(ForeignKey("visit.id", ondelete="CASCADE"), index=True)
    filename: Mapped[str] = mapped_column(String(256))
    mime: Mapped[str] = mapped_column(String(64), default="image/jpeg")
    sha256: Mapped[str] = mapped_column(String(64))
    data: Mapped[bytes] = mapped_column(LargeBinary)
    visit: Mapped[Visit] = relationship(back_populates="photos")


class Enrollment(Base):
    """在保: a confirmed benefit, paying from ``start_month`` (the month after confirmation)."""

    __tablename__ = "enrollment"
    __table_args__ = (
        Index("ix_enrollment_status_programme", "status", "programme"),
        # covering "paying in a month" (roster builds; migration 0012)
        Index("ix_enrollment_month", "start_month", "programme", "end_month", "household_id"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    household_id: Mapped[int] = mapped_column(ForeignKey("household.id"), index=True)
    application_id: Mapped[int] = mapped_column(ForeignKey("application.id"), unique=True)
    payee_id: Mapped[int] = mapped_column(ForeignKey("person.id"), index=True)
    programme: Mapped[str] = mapped_column(String(16))
    # active | phase_out | suspended | terminated; temporary aid: due | paid
    status: Mapped[str] = mapped_column(String(16))
    start_month: Mapped[date] = mapped_column(Date)
    end_month: Mapped[date | None] = mapped_column(Date)  # last month paid
    persons: Mapped[int] = mapped_column(Integer)
    amount_fen: Mapped[int] = mapped_column(Integer)  # monthly amount of the current assessment
    per_capita_income_fen: Mapped[int] = mapped_column(Integer, default=0)
    method: Mapped[str] = mapped_column(String(16), default="gap")  # gap|tier|single|tekun|fixed
    care_tier: Mapped[str | None] = mapped_column(String(16))
    care_mode: Mapped[str | None] = mapped_column(String(16))
    topup_categories: Mapped[list[Any]] = mapped_column(JSON, default=list)
    phase_out_start: Mapped[date | None] = mapped_column(Date)
    recheck_months: Mapped[int] = mapped_column(Integer, default=12)
    next_recheck: Mapped[date | None] = mapped_column(Date, index=True)
    terminated_reason: Mapped[str | None] = mapped_column(Text)
    working: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    # basis of the decided amount (stored at confirmation, changed only by recorded events)
    standard_fen: Mapped[int | None] = mapped_column(Integer)  # tekun: the basic standard
    income_fen: Mapped[int | None] = mapped_column(Integer)  # net counted monthly income
    policy_id: Mapped[int | None] = mapped_column(Integer)
    policy_name: Mapped[str | None] = mapped_column(String(128))
    # formula | manual (初审 amount) | adjusted (增发/减发) | legacy (before 0003)
    amount_source: Mapped[str] = mapped_column(
        String(16), default="formula", server_default="legacy"
    )
    amount_review: Mapped[str | None] = mapped_column(Text)  # a 调标 run left it for review
    # temporary aid (one-off): status due → paid, by bank list or cash against a receipt
    paid_on: Mapped[date | None] = mapped_column(Date)
    payment_method: Mapped[str | None] = mapped_column(String(8))  # bank | cash
    receipt_no: Mapped[str | None] = mapped_column(String(64))
    paid_roster_id: Mapped[int | None] = mapped_column(Integer)
    version: Mapped[int] = mapped_column(Integer, default=1)
    __mapper_args__ = {"version_id_col": version}
    members: Mapped[list[EnrollmentMember]] = relationship(back_populates="enrollment")
    changes: Mapped[list[EnrollmentChange]] = relationship(
        back_populates="enrollment", order_by="EnrollmentChange.id"
    )


class EnrollmentMember(Base):
    """Who an enrollment covers. The partial unique index enforces, in the database itself,
    that a person has at most one active dibao or tekun enrollment."""

    __tablename__ = "enrollment_member"
    __table_args__ = (
        Index(
            "uq_enrollment_member_active_person",
            "person_id",
            unique=True,
            sqlite_where=text("active = 1"),
            postgresql_where=text("active"),
        ),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    enrollment_id: Mapped[int] = mapped_column(ForeignKey("enrollment.id"), index=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id"), index=True)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    enrollment: Mapped[Enrollment] = relationship(back_populates="members")


class EnrollmentChange(Base):
    """增发/减发/停发/渐退/恢复/终止 decisions, effective from a month, with reasons."""

    __tablename__ = "enrollment_change"
    id: Mapped[int] = mapped_column(primary_key=True)
    enrollment_id: Mapped[int] = mapped_column(ForeignKey("enrollment.id"), index=True)
    kind: Mapped[str] = mapped_column(String(16))
    effective_month: Mapped[date] = mapped_column(Date)
    old_fen: Mapped[int] = mapped_column(Integer)
    new_fen: Mapped[int] = mapped_column(Integer)
    reason: Mapped[str] = mapped_column(Text)
    decided_by: Mapped[int] = mapped_column(ForeignKey("app_user.id"))
    role: Mapped[str] = mapped_column(String(16))
    at: Mapped[datetime] = mapped_column(default=utcnow)
    enrollment: Mapped[Enrollment] = relationship(back_populates="changes")


class CaseRecord(Base):
    """A recorded decision or authorisation attached to an application (DOMAIN §2.12, §4.2):

    - ``county_approval``: the county's approval of temporary aid above the township limit
      (``body`` 审批机关, ``participants`` 审批人, ``reference`` 文号, ``amount_fen``);
    - ``case_by_case``: a 一事一议 decision of the county's coordination mechanism (``body``,
      ``participants``, ``reference`` = minutes, ``amount_fen``);
    - ``green_channel``: a dibao 特事特办/先行纳入 authorisation (``participants`` = who
      authorised, ``note`` = why, ``due_on`` = 调查/公示/确认 to be completed by);
    - ``county_visit``: the county's own home visit of a near-relative case (``participants``
      = county investigators, ``body`` = unit, ``note`` = findings);
    - ``self_care_report`` / ``self_care_reassessed``: a reported change in a tekun person's
      self-care and the county's re-assessment (``due_on`` = 10 working days).
    """

    __tablename__ = "case_record"
    id: Mapped[int] = mapped_column(primary_key=True)
    application_id: Mapped[int] = mapped_column(ForeignKey("application.id"), index=True)
    kind: Mapped[str] = mapped_column(String(24))
    on_date: Mapped[date] = mapped_column(Date)
    body: Mapped[str] = mapped_column(String(128), default="")
    participants: Mapped[str] = mapped_column(Text, default="")
    reference: Mapped[str] = mapped_column(String(128), default="")
    amount_fen: Mapped[int | None] = mapped_column(Integer)
    due_on: Mapped[date | None] = mapped_column(Date)
    note: Mapped[str] = mapped_column(Text, default="")
    recorded_by: Mapped[int] = mapped_column(ForeignKey("app_user.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class TerminationProposal(Base):
    """特困 终止救助供养 procedure (民发〔2021〕43号 第二十四—二十七条; DOMAIN §3.7): the
    proposed termination is published for 7 days; an objection is decided within 15 working
    days; then the termination takes effect from the following month, with written reasons and
    a note of the referral to other programmes.

    ``status``: publicity | objection | terminated | withdrawn."""

    __tablename__ = "termination_proposal"
    id: Mapped[int] = mapped_column(primary_key=True)
    enrollment_id: Mapped[int] = mapped_column(ForeignKey("enrollment.id"), index=True)
    grounds: Mapped[str] = mapped_column(String(24))
    reasons: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(16), default="publicity")
    publicity_start: Mapped[date] = mapped_column(Date)
    publicity_end: Mapped[date] = mapped_column(Date)
    objection: Mapped[str | None] = mapped_column(Text)
    objection_on: Mapped[date | None] = mapped_column(Date)
    objection_due: Mapped[date | None] = mapped_column(Date)
    objection_decision: Mapped[str | None] = mapped_column(Text)
    objection_decided_on: Mapped[date | None] = mapped_column(Date)
    referral: Mapped[str] = mapped_column(Text, default="")
    decided_on: Mapped[date | None] = mapped_column(Date)
    proposed_by: Mapped[int] = mapped_column(ForeignKey("app_user.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    version: Mapped[int] = mapped_column(Integer, default=1)
    __mapper_args__ = {"version_id_col": version}


class RecipientEvent(Base):
    """A dated event in an enrolled household's life (issue 9, DOMAIN §2.3, §2.15): birth,
    death, marriage, moving in or out, prison or military service, transfer between
    townships, re-check result. The enrollment effects are EnrollmentChange rows; this row
    keeps what happened, when, why and who recorded it."""

    __tablename__ = "recipient_event"
    id: Mapped[int] = mapped_column(primary_key=True)
    household_id: Mapped[int] = mapped_column(ForeignKey("household.id"), index=True)
    person_id: Mapped[int | None] = mapped_column(ForeignKey("person.id"), index=True)
    enrollment_id: Mapped[int | None] = mapped_column(ForeignKey("enrollment.id"), index=True)
    kind: Mapped[str] = mapped_column(String(24))
    event_date: Mapped[date] = mapped_column(Date)
    effective_month: Mapped[date | None] = mapped_column(Date)
    reason: Mapped[str] = mapped_column(Text, default="")
    detail: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    username: Mapped[str] = mapped_column(String(64), default="")
    at: Mapped[datetime] = mapped_column(default=utcnow)
