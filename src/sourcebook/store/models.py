"""The library's tables: articles with their exact text, and claims tied to sentences of it."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, CheckConstraint, Float, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

SCHEMA_VERSION = 1
CLAIM_STATUSES = ("extracted", "verified", "rejected")


class Base(DeclarativeBase):
    pass


class Meta(Base):
    """Key/value facts about the file itself: its schema version, what made it."""

    __tablename__ = "meta"
    key: Mapped[str] = mapped_column(String, primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class Article(Base):
    __tablename__ = "article"
    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String, unique=True)
    title: Mapped[str] = mapped_column(Text)
    credits: Mapped[list[str]] = mapped_column(JSON, default=list)
    text: Mapped[str] = mapped_column(Text)
    sha256: Mapped[str] = mapped_column(String(64))
    ingested_at: Mapped[datetime]
    source_path: Mapped[str | None] = mapped_column(Text)

    blocks: Mapped[list[Block]] = relationship(
        back_populates="article", order_by="Block.ordinal", cascade="all, delete-orphan"
    )
    sentences: Mapped[list[Sentence]] = relationship(
        back_populates="article", order_by="Sentence.ordinal", cascade="all, delete-orphan"
    )
    claims: Mapped[list[Claim]] = relationship(back_populates="article", cascade="all, delete-orphan")


class Block(Base):
    __tablename__ = "block"
    __table_args__ = (CheckConstraint('start >= 0 AND start <= "end"'),)
    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("article.id", ondelete="CASCADE"), index=True)
    ordinal: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(16))  # title | paragraph | credit
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)

    article: Mapped[Article] = relationship(back_populates="blocks")


class Sentence(Base):
    __tablename__ = "sentence"
    __table_args__ = (
        CheckConstraint('start >= 0 AND start < "end"'),
        Index("ix_sentence_article", "article_id", "ordinal"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("article.id", ondelete="CASCADE"))
    block_id: Mapped[int] = mapped_column(ForeignKey("block.id", ondelete="CASCADE"), index=True)
    ordinal: Mapped[int] = mapped_column(Integer)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)  # == article.text[start:end], kept for search and export

    article: Mapped[Article] = relationship(back_populates="sentences")


class Entity(Base):
    __tablename__ = "entity"
    __table_args__ = (UniqueConstraint("kind", "key"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))
    name: Mapped[str] = mapped_column(Text)
    key: Mapped[str] = mapped_column(String, index=True)  # name folded: case, spaces and dashes ignored

    aliases: Mapped[list[Alias]] = relationship(back_populates="entity", cascade="all, delete-orphan")


class Alias(Base):
    __tablename__ = "alias"
    __table_args__ = (UniqueConstraint("entity_id", "key"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    entity_id: Mapped[int] = mapped_column(ForeignKey("entity.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(Text)
    key: Mapped[str] = mapped_column(String, index=True)

    entity: Mapped[Entity] = relationship(back_populates="aliases")


class Mention(Base):
    __tablename__ = "mention"
    id: Mapped[int] = mapped_column(primary_key=True)
    entity_id: Mapped[int] = mapped_column(ForeignKey("entity.id", ondelete="CASCADE"), index=True)
    sentence_id: Mapped[int] = mapped_column(ForeignKey("sentence.id", ondelete="CASCADE"), index=True)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)


class Claim(Base):
    __tablename__ = "claim"
    __table_args__ = (
        CheckConstraint("quote_start < quote_end"),
        CheckConstraint("status IN ('extracted', 'verified', 'rejected')"),
        Index("ix_claim_subject", "subject_id", "predicate"),
        Index("ix_claim_article", "article_id", "sentence_id"),
        Index("ix_claim_predicate", "predicate", "id"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("article.id", ondelete="CASCADE"))
    sentence_id: Mapped[int] = mapped_column(ForeignKey("sentence.id", ondelete="CASCADE"), index=True)
    subject_id: Mapped[int] = mapped_column(ForeignKey("entity.id"))
    predicate: Mapped[str] = mapped_column(String(32))
    object_id: Mapped[int | None] = mapped_column(ForeignKey("entity.id"), index=True)
    object_text: Mapped[str] = mapped_column(Text, default="")
    object_list: Mapped[list[str] | None] = mapped_column(JSON)
    value: Mapped[float | None] = mapped_column(Float)
    unit: Mapped[str | None] = mapped_column(String)
    qualifiers: Mapped[dict] = mapped_column(JSON, default=dict)
    quote_start: Mapped[int] = mapped_column(Integer)
    quote_end: Mapped[int] = mapped_column(Integer)
    quote: Mapped[str] = mapped_column(Text)  # == article.text[quote_start:quote_end]
    rule: Mapped[str] = mapped_column(String)
    status: Mapped[str] = mapped_column(String(10), default="extracted")

    article: Mapped[Article] = relationship(back_populates="claims")
    sentence: Mapped[Sentence] = relationship()
    subject: Mapped[Entity] = relationship(foreign_keys=[subject_id])
    object: Mapped[Entity | None] = relationship(foreign_keys=[object_id])
