// Schema version 1, as shipped: the ledger, diagnostics, quarantine, and one typed table and current view per dataset.
// Frozen: this text is what every warehouse at version 1 was built from. Never edit it; add a migration instead
// (see README.md in this folder). test/warehouse/migrations.test.ts pins its hash.
import type { Migration } from './Migration.js';

export const v1: Migration = {
  version: 1,
  description: 'submission ledger, diagnostics, quarantine, one typed table and current view per dataset',
  statements: [
    `CREATE SEQUENCE submission_id_seq START 1`,
    `CREATE TABLE submission (
  id INTEGER PRIMARY KEY DEFAULT nextval('submission_id_seq'),
  partner VARCHAR NOT NULL,
  period VARCHAR NOT NULL CHECK (regexp_full_match(period, '\\d{4}-(0[1-9]|1[0-2])')),
  dataset VARCHAR,
  file_name VARCHAR NOT NULL,
  sha256 VARCHAR,
  bytes BIGINT,
  encoding VARCHAR,
  delimiter VARCHAR,
  received_at TIMESTAMP,
  loaded_at TIMESTAMP NOT NULL DEFAULT current_timestamp,
  rows_read INTEGER NOT NULL DEFAULT 0,
  rows_loaded INTEGER NOT NULL DEFAULT 0,
  rows_rejected INTEGER NOT NULL DEFAULT 0,
  blank_rows INTEGER NOT NULL DEFAULT 0,
  warnings INTEGER NOT NULL DEFAULT 0,
  status VARCHAR NOT NULL CHECK (status IN ('loaded', 'superseded', 'held', 'rejected')),
  superseded_by INTEGER,
  accepted_partial BOOLEAN NOT NULL DEFAULT false,
  note VARCHAR
)`,
    `CREATE TABLE diagnostic (
  submission_id INTEGER NOT NULL,
  file VARCHAR NOT NULL,
  dataset VARCHAR,
  line INTEGER,
  excel_row INTEGER,
  column_letter VARCHAR,
  header VARCHAR,
  field VARCHAR,
  value VARCHAR,
  rule VARCHAR NOT NULL,
  severity VARCHAR NOT NULL CHECK (severity IN ('file_error', 'row_error', 'warning', 'hold')),
  message VARCHAR NOT NULL
)`,
    `CREATE TABLE quarantine (
  submission_id INTEGER NOT NULL,
  line INTEGER NOT NULL,
  excel_row INTEGER,
  raw VARCHAR[] NOT NULL,
  headers VARCHAR[] NOT NULL
)`,
    `CREATE VIEW current_submission AS
SELECT * EXCLUDE (rn) FROM (
  SELECT *, row_number() OVER (PARTITION BY partner, period, dataset ORDER BY id DESC) AS rn
  FROM submission WHERE status = 'loaded' AND dataset IS NOT NULL
) WHERE rn = 1`,
    `CREATE TABLE "children" (
  "submission_id" INTEGER NOT NULL,
  "partner" VARCHAR NOT NULL,
  "period" VARCHAR NOT NULL,
  "source_line" INTEGER NOT NULL,
  "child_id" VARCHAR NOT NULL,
  "family_id" VARCHAR,
  "gender" VARCHAR NOT NULL,
  "ethnicity" VARCHAR NOT NULL,
  "dob" DATE,
  "age" INTEGER,
  "disability" BOOLEAN NOT NULL,
  "entered_care" DATE NOT NULL,
  "adm_decision_date" DATE NOT NULL,
  "placement_order_date" DATE,
  "matched_date" DATE,
  "placed_date" DATE,
  "adoption_order_date" DATE,
  "reversal_date" DATE,
  "reversal_reason" VARCHAR,
  "ffa_placed_date" DATE
)`,
    `CREATE VIEW "current_children" AS
SELECT t.* FROM "children" t
WHERE t.submission_id IN (SELECT id FROM current_submission WHERE dataset = 'children')`,
    `CREATE TABLE "adopters" (
  "submission_id" INTEGER NOT NULL,
  "partner" VARCHAR NOT NULL,
  "period" VARCHAR NOT NULL,
  "source_line" INTEGER NOT NULL,
  "adopter_id" VARCHAR NOT NULL,
  "family_id" VARCHAR,
  "gender" VARCHAR NOT NULL,
  "ethnicity" VARCHAR NOT NULL,
  "disability" BOOLEAN NOT NULL,
  "ffa" BOOLEAN NOT NULL,
  "enquiry_date" DATE NOT NULL,
  "stage1_start" DATE,
  "stage1_end" DATE,
  "stage2_start" DATE,
  "stage2_end" DATE,
  "application_date" DATE,
  "approval_date" DATE,
  "matched_date" DATE,
  "placed_date" DATE,
  "children_placed" INTEGER,
  "adoption_order_date" DATE,
  "left_date" DATE,
  "left_reason" VARCHAR
)`,
    `CREATE VIEW "current_adopters" AS
SELECT t.* FROM "adopters" t
WHERE t.submission_id IN (SELECT id FROM current_submission WHERE dataset = 'adopters')`,
    `CREATE TABLE "support" (
  "submission_id" INTEGER NOT NULL,
  "partner" VARCHAR NOT NULL,
  "period" VARCHAR NOT NULL,
  "source_line" INTEGER NOT NULL,
  "request_id" VARCHAR NOT NULL,
  "family_id" VARCHAR,
  "requester" VARCHAR NOT NULL,
  "request_type" VARCHAR NOT NULL,
  "received_date" DATE NOT NULL,
  "allocated_date" DATE,
  "assessed_date" DATE,
  "asf_applied_date" DATE,
  "asf_amount" DECIMAL(12,2),
  "provider" VARCHAR,
  "closed_date" DATE,
  "closure_reason" VARCHAR,
  "score_start" INTEGER,
  "score_end" INTEGER
)`,
    `CREATE VIEW "current_support" AS
SELECT t.* FROM "support" t
WHERE t.submission_id IN (SELECT id FROM current_submission WHERE dataset = 'support')`,
    `CREATE TABLE "concerns" (
  "submission_id" INTEGER NOT NULL,
  "partner" VARCHAR NOT NULL,
  "period" VARCHAR NOT NULL,
  "source_line" INTEGER NOT NULL,
  "concern_id" VARCHAR NOT NULL,
  "raised_date" DATE NOT NULL,
  "source" VARCHAR NOT NULL,
  "category" VARCHAR NOT NULL,
  "severity" VARCHAR NOT NULL,
  "related_id" VARCHAR,
  "action_agreed_date" DATE,
  "action_due_date" DATE,
  "action_completed_date" DATE,
  "closed_date" DATE,
  "outcome" VARCHAR,
  "learning_to" VARCHAR[],
  "learning_date" DATE
)`,
    `CREATE VIEW "current_concerns" AS
SELECT t.* FROM "concerns" t
WHERE t.submission_id IN (SELECT id FROM current_submission WHERE dataset = 'concerns')`,
    `CREATE TABLE "workforce" (
  "submission_id" INTEGER NOT NULL,
  "partner" VARCHAR NOT NULL,
  "period" VARCHAR NOT NULL,
  "source_line" INTEGER NOT NULL,
  "month" VARCHAR NOT NULL,
  "team" VARCHAR NOT NULL,
  "sw_fte" DOUBLE NOT NULL,
  "vacant_fte" DOUBLE,
  "agency_fte" DOUBLE
)`,
    `CREATE VIEW "current_workforce" AS
SELECT t.* FROM "workforce" t
WHERE t.submission_id IN (SELECT id FROM current_submission WHERE dataset = 'workforce')`,
  ],
};
