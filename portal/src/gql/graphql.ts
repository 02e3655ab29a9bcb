/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** Why an action was not taken: what a client translates. */
export type ActionErrorCode =
  /** The problem was reviewed, decided or resolved: an action is withdrawn only before that (ask the district to reopen it). */
  | 'ALREADY_REVIEWED'
  /** The record was changed, deleted, restored or moved after this action: only the latest action on a record is withdrawn. */
  | 'CHANGED_SINCE'
  /** A new value is not valid (or a bulk action names no record, or too many); `field` names it and `message` says why. */
  | 'INVALID_VALUE'
  /** A change or corroboration needs at least one supporting material. */
  | 'MATERIAL_REQUIRED'
  /** A change that changes no field (to say the record is right, corroborate it). */
  | 'NOTHING_CHANGED'
  /** Your school has no action on this record in this problem to withdraw (or withdrew it already). */
  | 'NOTHING_TO_WITHDRAW'
  /** The record is not one of the problem’s members. */
  | 'NOT_A_MEMBER'
  /** The problem is not open for schools to act on (waiting for review, escalated or resolved). */
  | 'NOT_OPEN'
  /** A deletion takes no materials, only a reason. */
  | 'NO_MATERIALS_FOR_DELETE'
  /** A deletion needs its reason. */
  | 'REASON_REQUIRED'
  /** The problem changed since it was read (someone else acted first): read it again. */
  | 'STALE_VERSION'
  /** The comment or reason is over its limit. */
  | 'TOO_LONG'
  /** A material does not exist or was not uploaded by the school. */
  | 'UNKNOWN_MATERIAL';

/** An answer to the other school's proposal. */
export type AnswerProposalInput = {
  /** True to accept, false to reject. */
  accept: boolean;
  /** The message that carries the proposal. */
  messageId: string | number;
  /** Required to reject. */
  reason?: string | null | undefined;
};

/** The old school’s answer (or, once overdue, its district’s decision). */
export type AnswerTransferInput = {
  /** True to confirm, false to refuse. */
  accept: boolean;
  /** Required to refuse. */
  reason?: string | null | undefined;
  /** The transfer. */
  transferId: string | number;
  /** The transfer version you saw. */
  version: number;
};

/** A district’s approval of a move out of or into it. */
export type ApproveTransferInput = {
  /** True to approve, false to refuse. */
  approve: boolean;
  /** Required to refuse. */
  reason?: string | null | undefined;
  /** The transfer. */
  transferId: string | number;
  /** The transfer version you saw. */
  version: number;
};

/** The same action on up to 200 of your school's records, all or nothing. */
export type BulkActionInput = {
  /** Corroborate or delete. */
  action: BulkActionKind;
  /** A note kept in each problem’s history. */
  comment?: string | null | undefined;
  /** For DELETE: one reason for all. */
  deleteReason?: DeleteReason | null | undefined;
  /** The records, each in its problem. */
  items: Array<BulkItemInput>;
  /** For CORROBORATE: the materials cited for every record (from POST /materials). */
  materialIds?: Array<string | number> | null | undefined;
};

/** The actions taken on many records at once (a change differs per record). */
export type BulkActionKind =
  /** Keep each record as it is, all with the same materials. */
  | 'CORROBORATE'
  /** Delete each record, all with the same reason. */
  | 'DELETE';

/** One record of a bulk action, in its problem as you saw it. */
export type BulkItemInput = {
  /** The problem. */
  problemId: string | number;
  /** Your school’s record in it. */
  studentId: string | number;
  /** The problem version you saw. */
  version: number;
};

/** The same decision on up to 200 problems waiting for review, all or nothing. */
export type BulkReviewInput = {
  /** Approve or reject them all. */
  decision: ReviewDecision;
  /** The problems. */
  items: Array<BulkReviewItemInput>;
  /** Required to reject; kept with each. */
  reason?: string | null | undefined;
};

/** One problem of a bulk review, as you saw it. */
export type BulkReviewItemInput = {
  /** The problem. */
  problemId: string | number;
  /** The problem version you saw. */
  version: number;
};

/** Whether schools still confirm their classes. */
export type CampaignStatus =
  /** Closed by district staff. */
  | 'CLOSED'
  /** Schools confirm their classes. */
  | 'OPEN';

/** The pupil a school is about to enrol, as on their documents. */
export type CheckPupilInput = {
  /** 出生日期: YYYY-MM-DD (also YYYYMMDD, YYYY/M/D). */
  birthDate: string;
  /** 性别. */
  gender: Gender;
  /** The document number; without one, only name, gender and birth date are compared. */
  idNumber?: string | null | undefined;
  /** The kind of document; RESIDENT_ID when left out. */
  idType?: IdType | null | undefined;
  /** 姓名. */
  name: string;
};

/** One class of your school confirmed: every active pupil of it is there, except those marked. */
export type ConfirmClassInput = {
  /** The campaign. */
  campaignId: string | number;
  /** 班级 as the records have it (empty for none). */
  className: string;
  /** 年级 as the records have it (empty for none). */
  grade: string;
  /** The pupils who left or whose details changed. */
  marks?: Array<PupilMarkInput>;
};

/** A suggested pair confirmed as one pupil. */
export type ConfirmPossibleDuplicateInput = {
  /** The suggestion. */
  id: string | number;
  /** A note for the schools (at most 500 characters). */
  note?: string | null | undefined;
};

/** A correction of one of your school’s records found in a campaign. */
export type CorrectRecordInput = {
  /** The campaign it was found in. */
  campaignId: string | number;
  /** The new values. */
  changes: StudentChangesInput;
  /** A note kept in the record’s history. */
  comment?: string | null | undefined;
  /** At least one material (from POST /materials): the corrected household register or ID card. */
  materialIds: Array<string | number>;
  /** The record. */
  studentId: string | number;
  /** The record’s version you saw. */
  version: number;
};

/** The district's decision on a held import. */
export type DecideHeldImportInput = {
  /** True imports the file now, as its importer; false deletes it. */
  approve: boolean;
  /** The held import. */
  id: string | number;
  /** Why; required to reject (at most 500 characters). The school sees it. */
  reason?: string | null | undefined;
};

/** Arbitration: every current record of the problem, to keep or to delete. */
export type DecisionInput = {
  /** Records to delete, each with its reason. */
  deletions: Array<DeletionInput>;
  /** Records to keep. */
  keepStudentIds: Array<string | number>;
  /** The reasoning, kept in the problem history. */
  note?: string | null | undefined;
  /** The escalated problem. */
  problemId: string | number;
  /** The problem version you saw; a newer one means someone acted in between. */
  version: number;
};

/** Why a record is deleted. */
export type DeleteReason =
  /** The pupil studies at another school, which keeps the record. */
  | 'NOT_STUDYING_HERE'
  /** Imported twice: the school has another record of the same pupil. */
  | 'REDUNDANT';

/** A record to delete in a decision, and why. */
export type DeletionInput = {
  /** Why it is deleted. */
  reason: DeleteReason;
  /** The record to delete. */
  studentId: string | number;
};

/** How much of a problem member you may see (README, "Disclosure model"). */
export type Disclosure =
  /** Another school's record: its name partly masked, and gender, birth date and ID number only as a comparison with your record. */
  | 'COMPARED'
  /** The record is in your scope: its values as imported (the ID number still masked; reveal it with student(id) { idNumber }). */
  | 'FULL';

/** A suggested pair dismissed as two pupils. */
export type DismissPossibleDuplicateInput = {
  /** The suggestion. */
  id: string | number;
  /** Why they are two pupils (at most 500 characters). */
  reason: string;
};

/** Hands a cross-school problem to the district to decide. */
export type EscalateInput = {
  /** The problem. */
  problemId: string | number;
  /** Why the schools could not agree; the district reads it. */
  reason: string;
  /** The problem version you saw; a newer one means someone acted in between. */
  version: number;
};

/** 性别 as recorded: M 男, F 女. */
export type Gender =
  /** 女: female. */
  | 'F'
  /** 男: male. */
  | 'M';

/** Where a held import stands. */
export type HeldImportStatus =
  /** The district approved it and the file was imported (see result). */
  | 'APPROVED'
  /** Waiting for the district: nothing of the file is imported. */
  | 'HELD'
  /** The district rejected it; the file was deleted and nothing was imported. */
  | 'REJECTED';

/** A part of an 18-character resident ID number (GB 11643). */
export type IdNumberPart =
  /** Characters 1–6: where the number was issued. */
  | 'ADDRESS_CODE'
  /** Characters 7–14: the birth date. */
  | 'BIRTH_DATE'
  /** Character 18: the check digit or X. */
  | 'CHECK_CHARACTER'
  /** Characters 15–17: the sequence; the 17th is odd for males, even for females. */
  | 'SEQUENCE';

/** Why a resident ID number is invalid (GB 11643): format, check character, embedded birth date or gender digit. */
export type IdProblemReason =
  /** Digits 7–14 are not the record's birth date. */
  | 'BIRTH_DATE_MISMATCH'
  /** The check character (MOD 11-2) does not match the first 17 digits. */
  | 'CHECKSUM'
  /** Not 17 digits followed by a digit or X. */
  | 'FORMAT'
  /** The 17th digit (odd male, even female) does not match the record's gender. */
  | 'GENDER_MISMATCH'
  /** 公安核查: the public security office says the name does not match the ID number. */
  | 'POLICE_NAME_MISMATCH'
  /** 公安核查: the public security office found no such ID number. */
  | 'POLICE_NOT_FOUND';

/** 身份证件类型: the kind of identity document the ID number belongs to. */
export type IdType =
  /** 外国人永久居留身份证. */
  | 'FOREIGN_PERMANENT'
  /** 香港特区护照/身份证明. */
  | 'HK_PASS'
  /** 澳门特区护照/身份证明. */
  | 'MO_PASS'
  /** 其他: any other document. */
  | 'OTHER'
  /** 护照: passport. */
  | 'PASSPORT'
  /** 居民身份证: 18 characters, checked (GB 11643). */
  | 'RESIDENT_ID'
  /** 台湾居民来往大陆通行证. */
  | 'TW_PASS';

/** Which rule held an import. */
export type ImportHoldReason =
  /** With this file, the user’s imports today would match other schools’ pupils more than IMPORT_DAILY_MATCH_CAP times. */
  | 'DAILY_CAP'
  /** The file alone matched other schools’ pupils at least IMPORT_HOLD_MATCHES times, or at least IMPORT_HOLD_SHARE of its rows (from 5 matches). */
  | 'THRESHOLD';

/** FAILED means an internal error; a refused file is DONE with result.ok false. */
export type ImportJobStatus =
  /** Finished: the result says what was imported or why the file was refused. */
  | 'DONE'
  /** Stopped by an internal error; nothing was imported. */
  | 'FAILED'
  /** Still reading, saving or detecting; see progress. */
  | 'RUNNING';

/** The step an import is at, in order. */
export type ImportPhase =
  /** Looking for problem records (问题学籍) among the new records and the existing ones. */
  | 'DETECTING'
  /** Finished. */
  | 'DONE'
  /** Reading and checking the rows of the file. */
  | 'READING'
  /** Writing the records. */
  | 'SAVING';

/** A police verification file (公安核查结果) uploaded with POST /uploads. */
export type ImportPoliceResultsInput = {
  /** From POST /uploads. */
  uploadId: string | number;
};

/** Why a file, a row or a cell was refused: a stable code for clients to say in their language, with `params`. */
export type ImportRowErrorCode =
  /** In English: "gender must be 男 or 女 (or M / F)". */
  | 'BAD_GENDER'
  /** In English: "the file ends in the middle of a character". */
  | 'CUT_CHARACTER'
  /** In English: "the same column as {other}". */
  | 'DUPLICATE_COLUMN'
  /** In English: "the same school code is already on row {row}". */
  | 'DUPLICATE_SCHOOL_CODE'
  /** In English: "the file is empty". */
  | 'EMPTY_FILE'
  /** In English: "the ID number is stored as a number, and Excel keeps only 15 significant digits, so the last digits may already be lost; format the 身份证件号 column as text and type the numbers again". */
  | 'ID_NUMBER_AS_NUMBER'
  /** In English: "required column {header} is missing (accepted headers: {accepted})". */
  | 'MISSING_COLUMN'
  /** In English: "the file mixes encodings: it starts as UTF-8 but has bytes further on that are not; save it again as "CSV UTF-8"". */
  | 'MIXED_ENCODING'
  /** In English: "not a date: write it as 2014-03-05, 20140305 or 2014/3/5, or use a date cell". */
  | 'NOT_A_DATE'
  /** In English: "not a month: write it as 2020-09 or 202009". */
  | 'NOT_A_MONTH'
  /** In English: "this is not a spreadsheet: expected an .xlsx workbook or a .csv text file". */
  | 'NOT_A_SPREADSHEET'
  /** In English: "the file has no header row". */
  | 'NO_HEADER'
  /** In English: "the file has a header row but no pupils under it". */
  | 'NO_ROWS'
  /** In English: "this is an old Excel 97–2003 (.xls) workbook: open it in Excel or WPS and save it as .xlsx, then import that". */
  | 'OLD_XLS'
  /** In English: "region code must be six digits (GB/T 2260)". */
  | 'REGION_CODE_FORMAT'
  /** In English: "{header} is required". */
  | 'REQUIRED'
  /** In English: "school code must be exactly 10 digits". */
  | 'SCHOOL_CODE_FORMAT'
  /** In English: "too long: {length} characters, at most {max}". */
  | 'TOO_LONG'
  /** In English: "this row has {cells} cells; the template has 11 columns (at most {max} are read)". */
  | 'TOO_MANY_CELLS'
  /** In English: "the file has more than {max} rows: split it into several files". */
  | 'TOO_MANY_ROWS'
  /** In English: "unknown column; the template's columns are {columns}". */
  | 'UNKNOWN_COLUMN'
  /** In English: "unknown document type; expected one of {expected}". */
  | 'UNKNOWN_ID_TYPE'
  /** In English: "unknown verification result; expected one of {expected}". */
  | 'UNKNOWN_POLICE_RESULT'
  /** In English: "no region has this code". */
  | 'UNKNOWN_REGION'
  /** In English: "{detail}". */
  | 'UNREADABLE_CELL'
  /** In English: "not a readable CSV file: {detail}". */
  | 'UNREADABLE_CSV'
  /** In English: "not a readable .xlsx workbook ({detail})". */
  | 'UNREADABLE_WORKBOOK';

/** Which upload to import into which school, and how strictly. */
export type ImportStudentsInput = {
  /** Check the file and report per row the problems it would open, writing nothing. */
  dryRun?: boolean;
  /** Import even if this school already imported the same file. */
  force?: boolean;
  /** The school the records belong to; a registrar imports into its own school only. */
  schoolId: string | number;
  /** Import the valid rows and report the rest. */
  skipInvalid?: boolean;
  /** From POST /uploads. */
  uploadId: string | number;
};

/** A field the matching model compares. */
export type MatchField =
  /** 出生日期. */
  | 'BIRTH_DATE'
  /** 性别. */
  | 'GENDER'
  /** 年级. */
  | 'GRADE'
  /** 身份证件号. */
  | 'ID_NUMBER'
  /** 姓名. */
  | 'NAME'
  /** Where the pupil studies: the same school, county or city. */
  | 'SCHOOL';

/** Why a message, answer or escalation was not accepted: what a client translates. */
export type NegotiationErrorCode =
  /** The message is empty. */
  | 'EMPTY_MESSAGE'
  /** The record to keep is not one of the problem’s members. */
  | 'NOT_A_MEMBER'
  /** Only problems between schools are negotiated. */
  | 'NOT_CROSS_SCHOOL'
  /** The problem is not open for negotiation. */
  | 'NOT_OPEN'
  /** The proposal was already answered. */
  | 'NOT_PENDING'
  /** A problem is escalated only after a proposal was rejected or its deadline passed. */
  | 'NO_DISAGREEMENT'
  /** A proposal is answered by the other school, not the one that made it. */
  | 'OWN_PROPOSAL'
  /** A rejection or an escalation needs its reason. */
  | 'REASON_REQUIRED'
  /** The problem changed since it was read: read it again. */
  | 'STALE_VERSION'
  /** A text is over its limit; `field` names it. */
  | 'TOO_LONG';

/** Where a problem stands for you: your turn (which step) or whom it waits for. */
export type NextStepKind =
  /** Your turn: a record of your school needs an action (suggestion says which fits). */
  | 'ACT_ON_RECORD'
  /** Your turn: the other school made a proposal; accept or reject it (with a reason). */
  | 'ANSWER_PROPOSAL'
  /** Your turn: the other school asks for your record as a transfer (the pupil moved to it); confirm or refuse with a reason. */
  | 'ANSWER_TRANSFER'
  /** Your turn: the problem was escalated; decide which records stay. */
  | 'DECIDE'
  /** Your turn: a school has not answered a transfer request in time; confirm or refuse it for that school. */
  | 'DECIDE_TRANSFER'
  /** Resolved: nothing left to do. */
  | 'DONE'
  /** Your turn: both schools stand by their records (or a proposal was rejected); propose which record stays, or escalate after a rejection. */
  | 'NEGOTIATE'
  /** Your turn: the schools settled the problem; approve or reject it. */
  | 'REVIEW'
  /** Your proposal waits for the other school's answer. */
  | 'WAIT_FOR_ANSWER'
  /** Escalated; district staff decide it. */
  | 'WAIT_FOR_DECISION'
  /** Your part is done; the other school still acts. */
  | 'WAIT_FOR_OTHER_SCHOOL'
  /** Settled; district staff review it. */
  | 'WAIT_FOR_REVIEW'
  /** The schools are settling their records. */
  | 'WAIT_FOR_SCHOOLS'
  /** Your transfer request waits for the other school (or, once overdue, its district). */
  | 'WAIT_FOR_TRANSFER';

/** A semester verification for your region. */
export type OpenCampaignInput = {
  /** The last day schools confirm (YYYY-MM-DD, China time). */
  dueDate: string;
  /** A region inside yours; your own when left out. */
  regionCode?: string | null | undefined;
  /** School year and term: 2026-2027-1 (autumn) or 2026-2027-2 (spring). */
  semester: string;
  /** A title; “<semester> 学期学籍核查” when left out. */
  title?: string | null | undefined;
};

/** Why a decision on a suggested pair was not taken: what a client translates. */
export type PossibleDuplicateErrorCode =
  /** The pair was already confirmed, dismissed, or is no longer suggested. */
  | 'NOT_OPEN'
  /** Say why the pair is dismissed. */
  | 'REASON_REQUIRED'
  /** One of the two records is no longer active (deleted, transferred or graduated). */
  | 'RECORD_INACTIVE'
  /** A text is over its limit; `field` names it. */
  | 'TOO_LONG';

/** Which suggested pairs to list. */
export type PossibleDuplicateFilter = {
  /** Only pairs scoring at least this. */
  minScore?: number | null | undefined;
  /** Only pairs whose two records are both in this region (GB/T 2260 code). */
  regionCode?: string | null | undefined;
  /** Only pairs in this status; OPEN when left out. */
  status?: PossibleDuplicateStatus | null | undefined;
};

/** Where a suggested pair stands. */
export type PossibleDuplicateStatus =
  /** One pupil: a DUPLICATE_IDENTITY problem holds the two records while both are active. */
  | 'CONFIRMED'
  /** Two pupils: not suggested again until a compared field (name, gender, birth date, ID number) of either changes. */
  | 'DISMISSED'
  /** No longer suggested: a record changed, left, or the exact rules now report the pair. */
  | 'EXPIRED'
  /** Waiting for staff to confirm or dismiss it. */
  | 'OPEN';

/** A message to the other school of a cross-school problem, optionally with a proposal. */
export type PostMessageInput = {
  /** The message text. */
  body: string;
  /** For KEEP_ONE. */
  keepStudentId?: string | number | null | undefined;
  /** The problem. */
  problemId: string | number;
  /** A proposal for settling the problem, if the message makes one. */
  proposal?: ProposalKind | null | undefined;
};

/** How a resolved problem was closed. */
export type ProblemClosure =
  /** The district decided an escalated problem. */
  | 'ARBITRATION'
  /** The district approved what the schools did. */
  | 'REVIEW'
  /** Detection: the records stopped colliding before any school acted. */
  | 'SYSTEM'
  /** The pupil moved: the old school’s record was transferred out to the new school’s. */
  | 'TRANSFERRED';

/** Narrows the problem list; all conditions must hold. */
export type ProblemFilter = {
  /** Only problems with a record of a school in this region subtree. */
  regionId?: string | number | null | undefined;
  /** Only problems with a record of this school. */
  schoolId?: string | number | null | undefined;
  /** Only within-school or only cross-school problems. */
  scope?: ProblemScope | null | undefined;
  /** Only problems in this status. */
  status?: ProblemStatus | null | undefined;
  /** Only problems of this type. */
  type?: ProblemType | null | undefined;
  /** Only problems waiting for you: to act, to answer a proposal, or to review. */
  waitingForMe?: boolean | null | undefined;
};

/** The order of the problem list. */
export type ProblemOrder =
  /** Oldest first: closest to its deadline. */
  | 'OPENED_ASC'
  /** Newest first. */
  | 'OPENED_DESC'
  /** Last acted on first. */
  | 'UPDATED_DESC';

/** Whether the records of a problem belong to one school or to several. */
export type ProblemScope =
  /** Records of two or more schools: the schools negotiate, or the district decides. */
  | 'CROSS_SCHOOL'
  /** All records belong to one school, which settles it alone. */
  | 'WITHIN_SCHOOL';

/** Which problems the statistics count; all conditions must hold. */
export type ProblemStatsFilter = {
  /** Opened on or after this day (YYYY-MM-DD, China time). */
  openedFrom?: string | null | undefined;
  /** Opened on or before this day (YYYY-MM-DD, China time). */
  openedTo?: string | null | undefined;
  /** Only problems with a school in this region subtree (GB/T 2260 code). */
  regionCode?: string | null | undefined;
  /** Only problems with a record of this school. */
  schoolId?: string | number | null | undefined;
  /** Only within-school or only cross-school problems. */
  scope?: ProblemScope | null | undefined;
  /** Only problems in this status. */
  status?: ProblemStatus | null | undefined;
  /** Only problems of this type. */
  type?: ProblemType | null | undefined;
};

/** Where a problem is in its lifecycle: OPEN → PENDING_REVIEW → RESOLVED, or ESCALATED to the district. */
export type ProblemStatus =
  /** The schools disagreed or the deadline passed; the district decides. */
  | 'ESCALATED'
  /** Waiting for the schools to act on their records. */
  | 'OPEN'
  /** Settled by the schools; waiting for the district to approve or reject. */
  | 'PENDING_REVIEW'
  /** Approved or decided; closed. */
  | 'RESOLVED';

/** DUPLICATE_ID 身份证件号重复, DUPLICATE_IDENTITY 姓名+性别+出生日期重复, INVALID_ID 身份证件号无效 */
export type ProblemType =
  /** 身份证件号重复: two or more active records share a resident ID number. */
  | 'DUPLICATE_ID'
  /** 姓名+性别+出生日期重复: active records share name, gender and birth date but not an ID number. */
  | 'DUPLICATE_IDENTITY'
  /** 身份证件号无效: one record whose resident ID number fails its checks; settled by a change. */
  | 'INVALID_ID';

/** KEEP_ONE: keepStudentId is the real record, the others should be deleted as NOT_STUDYING_HERE; DIFFERENT_PUPILS: each school corroborates its record. */
export type ProposalKind =
  /** Different pupils who happen to match: each school corroborates its own record. */
  | 'DIFFERENT_PUPILS'
  /** One pupil: keep the record keepStudentId; the other schools delete theirs as NOT_STUDYING_HERE. */
  | 'KEEP_ONE';

/** Where a proposal stands with the other school. */
export type ProposalStatus =
  /** The other school agreed. */
  | 'ACCEPTED'
  /** Waiting for the other school to answer. */
  | 'PENDING'
  /** The other school disagreed, with a reason; either school may now escalate. */
  | 'REJECTED';

/** Why a check before enrolling was not answered. */
export type PupilCheckErrorCode =
  /** You have learned of as many pupils at other schools today as the daily limit allows (IMPORT_DAILY_MATCH_CAP): ask your district, or check again tomorrow. */
  | 'DAILY_CAP'
  /** A value is missing or not valid; `field` names it. */
  | 'INVALID_VALUE';

/** What a school says of one pupil of the class. */
export type PupilMarkInput = {
  /** LEFT: the 10-digit code of the school the pupil went to, when known. */
  leftToSchoolCode?: string | null | undefined;
  /** Left, or details changed. */
  mark: PupilMarkKind;
  /** A note (where to, since when, what changed). */
  note?: string | null | undefined;
  /** The record. */
  studentId: string | number;
};

/** What a school says of a pupil when it confirms a class (unmarked pupils are present). */
export type PupilMarkKind =
  /** Details changed: correct the record with materials. */
  | 'CHANGED'
  /** No longer studying here: with the school it went to, that school is told to ask for the transfer; without one, the record is deleted as NOT_STUDYING_HERE. */
  | 'LEFT';

/** What a check before enrolling (新生查重) found, and so what to do next. */
export type PupilVerdict =
  /** Another school has an active record with this ID number and name: the pupil is enrolled there; request a transfer (转入申请) from that school. */
  | 'ACTIVE_ELSEWHERE'
  /** Your school already has an active record of this pupil (same ID number, or same name, gender and birth date): do not add another. */
  | 'ALREADY_HERE'
  /** Another school has an active record with this ID number under a different name: check the number against the household register; if it is right, enrol the pupil and the two schools settle the duplicate ID number. */
  | 'ID_ELSEWHERE_OTHER_NAME'
  /** No active record anywhere matches: enrol the pupil. */
  | 'NEW_PUPIL'
  /** Another school has an active record with the same name, gender and birth date but not this ID number: if it is the same pupil, ask the family for the old school and request a transfer; if not, enrol the pupil and corroborate them as different pupils when the problem opens. */
  | 'SAME_IDENTITY_ELSEWHERE';

/** wrong → CHANGE 修改, right → CORROBORATE 佐证, redundant or not studying here → DELETE 删除 */
export type RecordAction =
  /** 修改: correct the wrong fields, with at least one material. */
  | 'CHANGE'
  /** 佐证: keep the record as it is, with proof materials. */
  | 'CORROBORATE'
  /** 删除: remove a redundant record or one of a pupil not studying here (a soft delete). */
  | 'DELETE';

/** One action on one of your school's records in a problem. */
export type RecordActionInput = {
  /** Change, corroborate or delete. */
  action: RecordAction;
  /** For CHANGE. */
  changes?: StudentChangesInput | null | undefined;
  /** A note kept in the problem history. */
  comment?: string | null | undefined;
  /** For DELETE. */
  deleteReason?: DeleteReason | null | undefined;
  /** From POST /materials; at least one for CHANGE and CORROBORATE, none for DELETE. */
  materialIds?: Array<string | number> | null | undefined;
  /** The problem the record belongs to. */
  problemId: string | number;
  /** The record to act on; it must belong to your school. */
  studentId: string | number;
  /** The problem version you saw; a newer one means someone acted in between. */
  version: number;
};

/** GB/T 2260 level: province → city → district. */
export type RegionLevel =
  /** 市: prefecture-level city. */
  | 'CITY'
  /** 区县: district or county; schools belong to one. */
  | 'DISTRICT'
  /** 省: province, autonomous region or municipality. */
  | 'PROVINCE';

/** A resolved problem to reopen. */
export type ReopenInput = {
  /** The problem. */
  problemId: string | number;
  /** Why it is reopened; the schools read it. */
  reason: string;
  /** The problem version you saw. */
  version: number;
};

/** 转入申请: ask a named school for its pupil, identified by ID number and name. */
export type RequestTransferInInput = {
  /** The old school’s 10-digit code (学校标识码). */
  fromSchoolCode: string;
  /** The pupil’s resident ID number. */
  idNumber: string;
  /** The pupil’s name; it must match the old school’s record. */
  name: string;
  /** A note for the old school. */
  note?: string | null | undefined;
};

/** Inside a cross-school DUPLICATE_ID problem: the pupil moved to your school; ask the old school to transfer its record. */
export type RequestTransferInput = {
  /** The other school’s record (it becomes TRANSFERRED_OUT). */
  fromStudentId: string | number;
  /** A note for the old school. */
  note?: string | null | undefined;
  /** The problem. */
  problemId: string | number;
  /** Your school’s record of the pupil, which continues it. */
  toStudentId: string | number;
  /** The problem version you saw. */
  version: number;
};

/** The district's answer to a problem the schools have settled. */
export type ReviewDecision =
  /** Accept what the schools did: the problem is resolved. */
  | 'APPROVE'
  /** Send it back to the schools (OPEN) with a reason. */
  | 'REJECT';

/** Why a review, decision or restore was not taken: what a client translates. */
export type ReviewErrorCode =
  /** A decision must keep or delete each record of the problem. */
  | 'INVALID_DECISION'
  /** The record to restore is not deleted. */
  | 'NOT_DELETED'
  /** The problem is not escalated for a decision. */
  | 'NOT_ESCALATED'
  /** The problem is not waiting for review. */
  | 'NOT_PENDING_REVIEW'
  /** The problem is not resolved, so there is nothing to reopen. */
  | 'NOT_RESOLVED'
  /** A rejection or a restore needs its reason. */
  | 'REASON_REQUIRED'
  /** The problem changed since it was read: read it again. */
  | 'STALE_VERSION'
  /** A newer open problem has the same records’ collision: work on that one instead. */
  | 'SUPERSEDED'
  /** A reason or note is over its limit; `field` names it. */
  | 'TOO_LONG';

/** A review of a problem pending review. */
export type ReviewInput = {
  /** Approve or reject. */
  decision: ReviewDecision;
  /** The problem. */
  problemId: string | number;
  /** Required to reject: what the schools must do. */
  reason?: string | null | undefined;
  /** The problem version you saw; a newer one means someone acted in between. */
  version: number;
};

/** What a user may do, and over which schools or regions. */
export type Role =
  /** City staff: reads problems and statistics for the city; does not act or review. */
  | 'CITY_ADMIN'
  /** 区县学籍管理员: reviews and decides problems, restores deleted records and reads statistics in a region subtree. */
  | 'DISTRICT_ADMIN'
  /** Province staff: reads problems and statistics for the province; does not act or review. */
  | 'PROVINCE_ADMIN'
  /** 学籍管理员 of one school: acts on the school's own records, negotiates, imports. */
  | 'SCHOOL_REGISTRAR'
  /** Runs the system: every region and school; may also review, restore and import. */
  | 'SYSTEM_ADMIN';

/** A field of another school's record compared with your record's. */
export type Sameness =
  /** A different value. */
  | 'DIFFERS'
  /** One of the two records has no value. */
  | 'MISSING'
  /** The same value (ID numbers compared in their normalised form, legacy 15-digit numbers expanded). */
  | 'SAME';

/** A report to create, or the new state of one of yours. */
export type SaveReportInput = {
  /** What it shows. */
  description?: string | null | undefined;
  /** The GraphQL query: one query operation, valid against this API (no mutations). */
  document: string;
  /** Leave out to create a report. */
  id?: string | number | null | undefined;
  /** Its title. */
  name: string;
  /** Share with everyone whose scope lies inside this region (your own region or one inside it); leave out to keep it private. */
  sharedRegionCode?: string | null | undefined;
  /** The values of the query variables. */
  variables?: unknown;
  /** With id: the version you opened. */
  version?: number | null | undefined;
};

/** The fields to correct; leave out what stays. */
export type StudentChangesInput = {
  /** 出生日期: the corrected value, YYYY-MM-DD. */
  birthDate?: string | null | undefined;
  /** 班级: the corrected value. */
  className?: string | null | undefined;
  /** 入学年月: the corrected value, YYYY-MM. */
  enrollmentMonth?: string | null | undefined;
  /** 民族: the corrected value. */
  ethnicity?: string | null | undefined;
  /** 性别: the corrected value. */
  gender?: Gender | null | undefined;
  /** 年级: the corrected value. */
  grade?: string | null | undefined;
  /** 户口所在地: the corrected value. */
  householdRegion?: string | null | undefined;
  /** 身份证件号: the corrected value. */
  idNumber?: string | null | undefined;
  /** 身份证件类型: the corrected value. */
  idType?: IdType | null | undefined;
  /** 姓名: the corrected value. */
  name?: string | null | undefined;
  /** 联系电话: the corrected value. */
  phone?: string | null | undefined;
};

/** Narrows the student list. */
export type StudentFilter = {
  /** Only records of this school (it must be in your scope). */
  schoolId?: string | number | null | undefined;
  /** Part of a name, or a whole resident ID number (ID numbers are encrypted at rest and match only in full, by their blind index). */
  search?: string | null | undefined;
};

/** 学籍状态: a record's standing. Only ENROLLED and SUSPENDED records are active and can collide. */
export type StudentStatus =
  /** Deleted by its school (soft delete); can be restored. */
  | 'DELETED'
  /** 在籍: studying at the school. */
  | 'ENROLLED'
  /** 毕业: graduated. */
  | 'GRADUATED'
  /** 休学: on leave; still active. */
  | 'SUSPENDED'
  /** 转出: moved to another school. */
  | 'TRANSFERRED_OUT';

/** Why an action is the one that fits a record. */
export type SuggestionReason =
  /** The schools agreed to keep the other school's record: delete this one (not studying here). */
  | 'AGREED_KEEP_OTHER'
  /** The ID number fails its checks: change it to the number on the household register. */
  | 'ID_NUMBER_INVALID'
  /** The first record of your school with this ID number: corroborate it once the copies are gone. */
  | 'KEEP_FIRST'
  /** A later copy of a record of your school with the same ID number: delete it as redundant. */
  | 'LATER_COPY'
  /** Different pupils who share a name, gender and birth date: corroborate with the household register. */
  | 'SAME_IDENTITY'
  /** If the pupil studies at your school, corroborate with a school certificate; if not, delete the record. */
  | 'STUDIES_HERE';

/** Which side of a transfer your scope is on. */
export type TransferDirection =
  /** 转入: pupils coming to a school of your scope. */
  | 'INCOMING'
  /** 转出: pupils leaving a school of your scope. */
  | 'OUTGOING';

/** Why a transfer step was not taken: what a client translates. */
export type TransferErrorCode =
  /** Your school already has an active record with this ID number: request the transfer inside its problem. */
  | 'ALREADY_HERE'
  /** A transfer of this record is already waiting for an answer. */
  | 'ALREADY_REQUESTED'
  /** A record of the transfer is no longer active (deleted or moved), so it cannot complete. */
  | 'NOT_ACTIVE'
  /** The records named are not an active record of yours and one of the other school’s in this problem. */
  | 'NOT_A_MEMBER'
  /** The old school may answer until the deadline; its district decides only after it passed. */
  | 'NOT_DUE'
  /** Only a duplicate ID number between two schools can be one pupil who moved. */
  | 'NOT_DUPLICATE_ID'
  /** The problem is not open: a transfer is requested while the schools settle it. */
  | 'NOT_OPEN'
  /** The transfer is not waiting for this step (it was answered, withdrawn or completed). */
  | 'NOT_WAITING'
  /** The school named has no active record with this ID number and name. */
  | 'NO_SUCH_PUPIL'
  /** The school named is your own school. */
  | 'SAME_SCHOOL'
  /** The transfer or its problem changed since it was read: read it again. */
  | 'STALE_VERSION'
  /** A text is over its limit; `field` names it. */
  | 'TOO_LONG'
  /** No school has this code. */
  | 'UNKNOWN_SCHOOL'
  /** A value this step needs is empty; `field` names it. */
  | 'VALUE_REQUIRED';

/** Narrows the transfer list; all conditions must hold. */
export type TransferFilter = {
  /** Incoming or outgoing; both when left out. */
  direction?: TransferDirection | null | undefined;
  /** Only the transfers requested in this problem. */
  problemId?: string | number | null | undefined;
  /** Only transfers in these statuses. */
  statuses?: Array<TransferStatus> | null | undefined;
};

/** 学籍转接: where a transfer between schools stands. */
export type TransferStatus =
  /** Done: the old record is TRANSFERRED_OUT and linked to the record that continues it. */
  | 'COMPLETED'
  /** Confirmed by the old school; waiting for the approval of the districts it leaves and enters. */
  | 'CONFIRMED'
  /** Refused by the old school or a district, with a reason. */
  | 'REJECTED'
  /** Asked for by the new school; waiting for the old school (or, once overdue, its district). */
  | 'REQUESTED'
  /** Taken back by the new school, with a reason. */
  | 'WITHDRAWN';

/** What you may do with a transfer now. */
export type TransferStep =
  /** Confirm or refuse it, as the old school (answerTransfer). */
  | 'ANSWER'
  /** Approve or refuse a move out of or into your district (approveTransfer). */
  | 'APPROVE'
  /** Confirm or refuse it for the old school, whose answer is overdue (answerTransfer). */
  | 'DECIDE'
  /** Take your request back (withdrawTransfer). */
  | 'WITHDRAW';

/** What became of an import with many cross-school matches. */
export type UnusualImportStatus =
  /** Held, then approved and imported. */
  | 'APPROVED'
  /** Held: waiting for the district. */
  | 'HELD'
  /** Imported without a hold (by a system admin or the operator’s CLI, who are not screened). */
  | 'LANDED'
  /** Held, then rejected; nothing was imported. */
  | 'REJECTED';

/** Why a campaign step was not taken: what a client translates. */
export type VerificationErrorCode =
  /** This class was confirmed already in this campaign. */
  | 'ALREADY_CONFIRMED'
  /** A campaign for this semester is already open in this region. */
  | 'ALREADY_OPEN'
  /** A value is missing or not valid; `field` names it. */
  | 'INVALID_VALUE'
  /** A correction needs at least one material of your school: the corrected household register or ID card. */
  | 'MATERIAL_REQUIRED'
  /** A correction that changes no field. */
  | 'NOTHING_CHANGED'
  /** A marked record is not an active pupil of this class; `field` says which mark. */
  | 'NOT_IN_CLASS'
  /** The campaign is closed. */
  | 'NOT_OPEN'
  /** Your school has no active pupil in this grade and class. */
  | 'NO_SUCH_CLASS'
  /** A pupil who left for your own school has not left. */
  | 'SAME_SCHOOL'
  /** The record changed since it was read: read it again. */
  | 'STALE_VERSION'
  /** A text is over its limit; `field` names it. */
  | 'TOO_LONG'
  /** No school has the code a pupil left for. */
  | 'UNKNOWN_SCHOOL';

/** Withdraw your school's latest action on one of its records in a problem, before the district reviews it. */
export type WithdrawActionInput = {
  /** The problem. */
  problemId: string | number;
  /** Why; kept in the problem history. */
  reason: string;
  /** Your school’s record whose latest action is withdrawn. */
  studentId: string | number;
  /** The problem version you saw. */
  version: number;
};

/** The new school takes its open request back. */
export type WithdrawTransferInput = {
  /** Why; kept in the history. */
  reason: string;
  /** The transfer. */
  transferId: string | number;
  /** The transfer version you saw. */
  version: number;
};

export type CursorPager_PageInfoFragment = { hasNextPage: boolean, hasPreviousPage: boolean, startCursor: string | null, endCursor: string | null };

export type RecordChangeForm_StudentQueryVariables = Exact<{
  id: string | number;
}>;


export type RecordChangeForm_StudentQuery = { student: { id: string, name: string, gender: Gender, birthDate: string, idType: IdType, idNumber: string | null, version: number } };

export type RegionLevelSelect_RegionsQueryVariables = Exact<{
  parentCode?: string | number | null | undefined;
}>;


export type RegionLevelSelect_RegionsQuery = { regions: Array<{ code: string, name: string, level: RegionLevel }> };

export type TransferInDialog_RequestMutationVariables = Exact<{
  input: RequestTransferInInput;
}>;


export type TransferInDialog_RequestMutation = { requestTransferIn: { ok: boolean, transferId: string | null, error: { code: TransferErrorCode, message: string, field: string | null } | null } };

export type TransferStepDialog_TransferFragment = { id: string, version: number, pupilName: string, note: string | null, approvalsNeeded: Array<string>, fromSchool: { id: string, name: string }, toSchool: { id: string, name: string } };

export type TransferStepDialog_AnswerMutationVariables = Exact<{
  input: AnswerTransferInput;
}>;


export type TransferStepDialog_AnswerMutation = { answerTransfer: { ok: boolean, transferId: string | null, error: { code: TransferErrorCode, message: string, field: string | null } | null } };

export type TransferStepDialog_ApproveMutationVariables = Exact<{
  input: ApproveTransferInput;
}>;


export type TransferStepDialog_ApproveMutation = { approveTransfer: { ok: boolean, transferId: string | null, error: { code: TransferErrorCode, message: string, field: string | null } | null } };

export type TransferStepDialog_WithdrawMutationVariables = Exact<{
  input: WithdrawTransferInput;
}>;


export type TransferStepDialog_WithdrawMutation = { withdrawTransfer: { ok: boolean, transferId: string | null, error: { code: TransferErrorCode, message: string, field: string | null } | null } };

export type TransferSteps_TransferFragment = { id: string, pupilName: string, steps: Array<TransferStep> };

export type SignOut_LogoutMutationVariables = Exact<{ [key: string]: never; }>;


export type SignOut_LogoutMutation = { logout: { ok: boolean } };

export type ChangePasswordDialog_ChangePasswordMutationVariables = Exact<{
  currentPassword: string;
  newPassword: string;
}>;


export type ChangePasswordDialog_ChangePasswordMutation = { changePassword: { token: string | null, expiresAt: string | null, error: { code: string, message: string, field: string | null } | null } };

export type LoginForm_LoginMutationVariables = Exact<{
  username: string;
  password: string;
}>;


export type LoginForm_LoginMutation = { login: { token: string | null, expiresAt: string | null, user: { id: string, username: string, displayName: string, role: Role } | null, error: { code: string, message: string, field: string | null } | null } };

export type DashboardPage_MeQueryVariables = Exact<{ [key: string]: never; }>;


export type DashboardPage_MeQuery = { me: { id: string, role: Role, region: { code: string, name: string, level: RegionLevel } | null } | null };

export type DashboardPage_StatsQueryVariables = Exact<{
  filter?: ProblemStatsFilter | null | undefined;
}>;


export type DashboardPage_StatsQuery = { totals: Array<{ count: number, unresolved: number, overdue: number, graduating: number, resolved: number, medianDaysToResolve: number | null, medianOpenAgeDays: number | null }>, byTypeAndStatus: Array<{ type: ProblemType | null, status: ProblemStatus | null, count: number }>, bySchool: Array<{ schoolId: string | null, unresolved: number, graduating: number, school: { id: string, name: string } | null }>, byWeek: Array<{ openedWeek: string | null, count: number, unresolved: number }> };

export type DashboardPage_ResolvedQueryVariables = Exact<{
  regionId?: string | number | null | undefined;
  after?: string | null | undefined;
}>;


export type DashboardPage_ResolvedQuery = { problems: { nodes: Array<{ id: string, resolvedAt: string | null, updatedAt: string }>, pageInfo: { endCursor: string | null, hasNextPage: boolean } } };

export type UnusualImportsCard_ImportsQueryVariables = Exact<{ [key: string]: never; }>;


export type UnusualImportsCard_ImportsQuery = { unusualImports: Array<{ id: string, importedBy: string | null, at: string, rows: number, crossSchoolMatches: number, matchRate: number, status: UnusualImportStatus, school: { id: string, name: string } }> };

export type DecidePairDialog_ConfirmMutationVariables = Exact<{
  input: ConfirmPossibleDuplicateInput;
}>;


export type DecidePairDialog_ConfirmMutation = { confirmPossibleDuplicate: { ok: boolean, problemId: string | null, error: { code: PossibleDuplicateErrorCode, message: string, field: string | null } | null } };

export type DecidePairDialog_DismissMutationVariables = Exact<{
  input: DismissPossibleDuplicateInput;
}>;


export type DecidePairDialog_DismissMutation = { dismissPossibleDuplicate: { ok: boolean, problemId: string | null, error: { code: PossibleDuplicateErrorCode, message: string, field: string | null } | null } };

export type PossibleDuplicatePair_PairFragment = { id: string, score: number, probability: number, status: PossibleDuplicateStatus, suggestedAt: string, decidedAt: string | null, reason: string | null, explanation: Array<{ field: MatchField, level: string, weight: number }>, records: Array<{ id: string, name: string, gender: Gender, birthDate: string, idNumberMasked: string | null, grade: string | null, className: string | null, school: { id: string, name: string } }> };

export type PossibleDuplicatesPage_MeQueryVariables = Exact<{ [key: string]: never; }>;


export type PossibleDuplicatesPage_MeQuery = { me: { id: string, role: Role } | null };

export type PossibleDuplicatesPage_PairsQueryVariables = Exact<{
  filter: PossibleDuplicateFilter;
  first: number;
  after?: string | null | undefined;
}>;


export type PossibleDuplicatesPage_PairsQuery = { possibleDuplicates: { totalCount: number, edges: Array<{ cursor: string, node: { id: string, score: number, probability: number, status: PossibleDuplicateStatus, suggestedAt: string, decidedAt: string | null, reason: string | null, explanation: Array<{ field: MatchField, level: string, weight: number }>, records: Array<{ id: string, name: string, gender: Gender, birthDate: string, idNumberMasked: string | null, grade: string | null, className: string | null, school: { id: string, name: string } }> } }>, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean, startCursor: string | null, endCursor: string | null } } };

export type HeldImportsList_HeldImportsQueryVariables = Exact<{
  first: number;
}>;


export type HeldImportsList_HeldImportsQuery = { heldImports: { totalCount: number, nodes: Array<{ id: string, fileName: string, status: HeldImportStatus, createdAt: string, decidedAt: string | null, decisionReason: string | null, result: { ok: boolean, rowsImported: number } | null }> } };

export type ImportPage_MeQueryVariables = Exact<{ [key: string]: never; }>;


export type ImportPage_MeQuery = { me: { id: string, role: Role, school: { id: string, code: string, name: string } | null } | null };

export type ImportPage_SchoolsQueryVariables = Exact<{
  first: number;
  after?: string | null | undefined;
}>;


export type ImportPage_SchoolsQuery = { schools: { totalCount: number, edges: Array<{ cursor: string, node: { id: string, code: string, name: string, region: { code: string, name: string } } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type ImportPage_JobFieldsFragment = { id: string, schoolId: string, fileName: string, status: ImportJobStatus, progress: { phase: ImportPhase, rowsDone: number, rowsTotal: number | null }, result: { dryRun: boolean, importId: string | null, ok: boolean, failure: string | null, message: string, format: string | null, encoding: string | null, rowsRead: number, rowsImported: number, rowsSkipped: number, errorCount: number, heldImportId: string | null, preview: Array<{ row: number, problemType: string, scope: string, opens: boolean }> | null, failureParams: Array<{ name: string, value: string }>, errors: Array<{ row: number, column: string, value: string, code: ImportRowErrorCode, reason: string, params: Array<{ name: string, value: string }> }>, problems: { opened: number, closed: number, joined: number, left: number } | null } | null };

export type ImportPage_StartImportMutationVariables = Exact<{
  input: ImportStudentsInput;
}>;


export type ImportPage_StartImportMutation = { importStudents: { id: string, schoolId: string, fileName: string, status: ImportJobStatus, progress: { phase: ImportPhase, rowsDone: number, rowsTotal: number | null }, result: { dryRun: boolean, importId: string | null, ok: boolean, failure: string | null, message: string, format: string | null, encoding: string | null, rowsRead: number, rowsImported: number, rowsSkipped: number, errorCount: number, heldImportId: string | null, preview: Array<{ row: number, problemType: string, scope: string, opens: boolean }> | null, failureParams: Array<{ name: string, value: string }>, errors: Array<{ row: number, column: string, value: string, code: ImportRowErrorCode, reason: string, params: Array<{ name: string, value: string }> }>, problems: { opened: number, closed: number, joined: number, left: number } | null } | null } };

export type ImportPage_JobQueryVariables = Exact<{
  id: string | number;
}>;


export type ImportPage_JobQuery = { importJob: { id: string, schoolId: string, fileName: string, status: ImportJobStatus, progress: { phase: ImportPhase, rowsDone: number, rowsTotal: number | null }, result: { dryRun: boolean, importId: string | null, ok: boolean, failure: string | null, message: string, format: string | null, encoding: string | null, rowsRead: number, rowsImported: number, rowsSkipped: number, errorCount: number, heldImportId: string | null, preview: Array<{ row: number, problemType: string, scope: string, opens: boolean }> | null, failureParams: Array<{ name: string, value: string }>, errors: Array<{ row: number, column: string, value: string, code: ImportRowErrorCode, reason: string, params: Array<{ name: string, value: string }> }>, problems: { opened: number, closed: number, joined: number, left: number } | null } | null } };

export type LaterCopies_CopiesQueryVariables = Exact<{
  importId: string | number;
}>;


export type LaterCopies_CopiesQuery = { importCopies: Array<{ studentId: string, problemId: string, version: number, row: number | null, name: string }> };

export type LaterCopies_DeleteMutationVariables = Exact<{
  input: BulkActionInput;
}>;


export type LaterCopies_DeleteMutation = { bulkActOnRecords: { ok: boolean, done: number, failedIndex: number | null, error: { code: ActionErrorCode, message: string, field: string | null } | null } };

export type PolicePage_MeQueryVariables = Exact<{ [key: string]: never; }>;


export type PolicePage_MeQuery = { me: { id: string, role: Role } | null };

export type PolicePage_ImportMutationVariables = Exact<{
  input: ImportPoliceResultsInput;
}>;


export type PolicePage_ImportMutation = { importPoliceResults: { ok: boolean, rowsRead: number, matched: number, consistent: number, notFound: number, nameMismatch: number, unmatchedRows: Array<number>, problemsOpened: number, errors: Array<{ row: number, column: string, value: string, code: ImportRowErrorCode, reason: string, params: Array<{ name: string, value: string }> }> } };

export type DecisionPanel_DecideMutationVariables = Exact<{
  input: DecisionInput;
}>;


export type DecisionPanel_DecideMutation = { decideProblem: { ok: boolean, problemStatus: ProblemStatus | null, version: number | null, error: { code: ReviewErrorCode, message: string, field: string | null } | null } };

export type EscalateDialog_EscalateMutationVariables = Exact<{
  input: EscalateInput;
}>;


export type EscalateDialog_EscalateMutation = { escalateProblem: { ok: boolean, id: string | null, error: { code: NegotiationErrorCode, message: string, field: string | null } | null } };

export type MemberComparison_MemberFragment = { studentId: string, disclosure: Disclosure, name: string, gender: Gender | null, birthDate: string | null, idType: IdType, idNumberMasked: string | null, corroborated: boolean, grade: string | null, className: string | null, enrollmentMonth: string | null, importedAt: string, importFile: string | null, lastChangedAt: string, leftAt: string | null, allowedActions: Array<RecordAction>, suggestedAction: { action: RecordAction, reason: SuggestionReason, deleteReason: DeleteReason | null } | null, comparison: { against: string, name: Sameness, gender: Sameness, birthDate: Sameness, idType: Sameness, idNumber: Sameness, idNumberDiffersIn: Array<IdNumberPart>, grade: Sameness, enrollmentMonth: Sameness } | null, idCheck: { valid: boolean, reasons: Array<IdProblemReason>, messages: Array<string>, addressCodeKnown: boolean } | null, school: { id: string, name: string, code: string, region: { code: string, name: string } }, student: { id: string, status: StudentStatus } | null };

export type NegotiationCompose_PostMutationVariables = Exact<{
  input: PostMessageInput;
}>;


export type NegotiationCompose_PostMutation = { postMessage: { ok: boolean, id: string | null, error: { code: NegotiationErrorCode, message: string, field: string | null } | null } };

export type NegotiationThread_MessageFragment = { id: string, authorName: string, body: string, proposal: ProposalKind | null, keepStudentId: string | null, proposalStatus: ProposalStatus | null, answerReason: string | null, answeredAt: string | null, createdAt: string, school: { id: string, name: string } };

export type NextStepAlert_NextStepFragment = { kind: NextStepKind, yourTurn: boolean, since: string, waitingFor: Array<string>, suggestion: { studentId: string, action: RecordAction, reason: SuggestionReason, deleteReason: DeleteReason | null } | null };

export type ProblemHistory_EventFragment = { id: string, type: string, occurredAt: string, actorName: string | null, data: unknown };

export type ProblemHistory_FormerMemberFragment = { studentId: string, name: string, leftAt: string | null, school: { id: string, name: string } };

export type ProblemPage_ProblemQueryVariables = Exact<{
  id: string | number;
}>;


export type ProblemPage_ProblemQuery = { me: { id: string, role: Role, school: { id: string } | null } | null, problem: { id: string, type: ProblemType, scope: ProblemScope, status: ProblemStatus, reasons: Array<IdProblemReason>, version: number, openedAt: string, updatedAt: string, resolvedAt: string | null, closedBy: ProblemClosure | null, deadlineAt: string, overdue: boolean, graduating: boolean, daysToGraduation: number | null, nextStep: { kind: NextStepKind, yourTurn: boolean, since: string, waitingFor: Array<string>, suggestion: { studentId: string, action: RecordAction, reason: SuggestionReason, deleteReason: DeleteReason | null } | null }, viewerCan: { negotiate: boolean, escalate: boolean, review: boolean, decide: boolean, reopen: boolean }, members: Array<{ inMyScope: boolean, joinedAt: string, studentId: string, disclosure: Disclosure, name: string, gender: Gender | null, birthDate: string | null, idType: IdType, idNumberMasked: string | null, corroborated: boolean, grade: string | null, className: string | null, enrollmentMonth: string | null, importedAt: string, importFile: string | null, lastChangedAt: string, leftAt: string | null, allowedActions: Array<RecordAction>, suggestedAction: { action: RecordAction, reason: SuggestionReason, deleteReason: DeleteReason | null } | null, comparison: { against: string, name: Sameness, gender: Sameness, birthDate: Sameness, idType: Sameness, idNumber: Sameness, idNumberDiffersIn: Array<IdNumberPart>, grade: Sameness, enrollmentMonth: Sameness } | null, idCheck: { valid: boolean, reasons: Array<IdProblemReason>, messages: Array<string>, addressCodeKnown: boolean } | null, school: { id: string, name: string, code: string, region: { code: string, name: string } }, student: { id: string, status: StudentStatus } | null }>, formerMembers: Array<{ inMyScope: boolean, joinedAt: string, studentId: string, name: string, leftAt: string | null, disclosure: Disclosure, gender: Gender | null, birthDate: string | null, idType: IdType, idNumberMasked: string | null, corroborated: boolean, grade: string | null, className: string | null, enrollmentMonth: string | null, importedAt: string, importFile: string | null, lastChangedAt: string, allowedActions: Array<RecordAction>, school: { id: string, name: string, code: string, region: { code: string, name: string } }, suggestedAction: { action: RecordAction, reason: SuggestionReason, deleteReason: DeleteReason | null } | null, comparison: { against: string, name: Sameness, gender: Sameness, birthDate: Sameness, idType: Sameness, idNumber: Sameness, idNumberDiffersIn: Array<IdNumberPart>, grade: Sameness, enrollmentMonth: Sameness } | null, idCheck: { valid: boolean, reasons: Array<IdProblemReason>, messages: Array<string>, addressCodeKnown: boolean } | null, student: { id: string, status: StudentStatus } | null }>, messages: Array<{ id: string, authorName: string, body: string, proposal: ProposalKind | null, keepStudentId: string | null, proposalStatus: ProposalStatus | null, answerReason: string | null, answeredAt: string | null, createdAt: string, school: { id: string, name: string } }>, history: Array<{ id: string, type: string, occurredAt: string, actorName: string | null, data: unknown }>, transfers: Array<{ id: string, status: TransferStatus, requestedAt: string, dueAt: string, overdue: boolean, note: string | null, answerReason: string | null, pupilName: string, steps: Array<TransferStep>, version: number, approvalsNeeded: Array<string>, fromSchool: { id: string, name: string }, toSchool: { id: string, name: string } }> } };

export type ProblemTable_ProblemFragment = { id: string, type: ProblemType, scope: ProblemScope, status: ProblemStatus, openedAt: string, updatedAt: string, deadlineAt: string, overdue: boolean, graduating: boolean, daysToGraduation: number | null, nextStep: { kind: NextStepKind, yourTurn: boolean }, members: Array<{ studentId: string, name: string, school: { id: string, name: string } }> };

export type ProblemsPage_ProblemsQueryVariables = Exact<{
  filter?: ProblemFilter | null | undefined;
  orderBy?: ProblemOrder | null | undefined;
  first: number;
  after?: string | null | undefined;
}>;


export type ProblemsPage_ProblemsQuery = { me: { id: string, school: { id: string } | null } | null, problems: { totalCount: number, edges: Array<{ cursor: string, node: { id: string, type: ProblemType, scope: ProblemScope, status: ProblemStatus, openedAt: string, updatedAt: string, deadlineAt: string, overdue: boolean, graduating: boolean, daysToGraduation: number | null, nextStep: { kind: NextStepKind, yourTurn: boolean }, members: Array<{ studentId: string, name: string, school: { id: string, name: string } }> } }>, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean, startCursor: string | null, endCursor: string | null } } };

export type ProblemsPage_CountsQueryVariables = Exact<{
  type?: ProblemType | null | undefined;
  scope?: ProblemScope | null | undefined;
  status?: ProblemStatus | null | undefined;
  waitingForMe?: boolean | null | undefined;
  schoolId?: string | number | null | undefined;
  regionId?: string | number | null | undefined;
}>;


export type ProblemsPage_CountsQuery = { all: { totalCount: number }, duplicateId: { totalCount: number }, duplicateIdentity: { totalCount: number }, invalidId: { totalCount: number }, waiting: { totalCount: number } };

export type ProposalAnswer_AnswerMutationVariables = Exact<{
  input: AnswerProposalInput;
}>;


export type ProposalAnswer_AnswerMutation = { answerProposal: { ok: boolean, id: string | null, error: { code: NegotiationErrorCode, message: string, field: string | null } | null } };

export type RecordActionDialog_ActMutationVariables = Exact<{
  input: RecordActionInput;
}>;


export type RecordActionDialog_ActMutation = { actOnRecord: { ok: boolean, problemStatus: ProblemStatus | null, version: number | null, error: { code: ActionErrorCode, message: string, field: string | null } | null } };

export type ReviewPanel_ReviewMutationVariables = Exact<{
  input: ReviewInput;
}>;


export type ReviewPanel_ReviewMutation = { reviewProblem: { ok: boolean, problemStatus: ProblemStatus | null, version: number | null, error: { code: ReviewErrorCode, message: string, field: string | null } | null } };

export type TransferPanel_TransferFragment = { id: string, status: TransferStatus, requestedAt: string, dueAt: string, overdue: boolean, note: string | null, answerReason: string | null, pupilName: string, steps: Array<TransferStep>, version: number, approvalsNeeded: Array<string>, fromSchool: { id: string, name: string }, toSchool: { id: string, name: string } };

export type TransferRequestDialog_RequestMutationVariables = Exact<{
  input: RequestTransferInput;
}>;


export type TransferRequestDialog_RequestMutation = { requestTransfer: { ok: boolean, transferId: string | null, error: { code: TransferErrorCode, message: string, field: string | null } | null } };

export type UndoPanel_WithdrawMutationVariables = Exact<{
  input: WithdrawActionInput;
}>;


export type UndoPanel_WithdrawMutation = { withdrawAction: { ok: boolean, problemStatus: ProblemStatus | null, version: number | null, error: { code: ActionErrorCode, message: string, field: string | null } | null } };

export type UndoPanel_ReopenMutationVariables = Exact<{
  input: ReopenInput;
}>;


export type UndoPanel_ReopenMutation = { reopenProblem: { ok: boolean, problemStatus: ProblemStatus | null, version: number | null, error: { code: ReviewErrorCode, message: string, field: string | null } | null } };

export type ReportsPage_MeQueryVariables = Exact<{ [key: string]: never; }>;


export type ReportsPage_MeQuery = { me: { id: string, role: Role, region: { code: string, name: string, level: RegionLevel } | null } | null };

export type ReportsPage_ReportQueryVariables = Exact<{
  id: string | number;
}>;


export type ReportsPage_ReportQuery = { savedReport: { document: string, variables: unknown, id: string, name: string, description: string, ownerName: string, mine: boolean, sharedRegionCode: string | null, version: number, updatedAt: string, sharedWithRegion: { code: string, name: string } | null } };

export type SaveReportDialog_SaveMutationVariables = Exact<{
  input: SaveReportInput;
}>;


export type SaveReportDialog_SaveMutation = { saveReport: { ok: boolean, error: { code: string, message: string, field: string | null } | null, report: { document: string, variables: unknown, id: string, name: string, description: string, ownerName: string, mine: boolean, sharedRegionCode: string | null, version: number, updatedAt: string, sharedWithRegion: { code: string, name: string } | null } | null } };

export type SavedReportList_ReportFragment = { id: string, name: string, description: string, ownerName: string, mine: boolean, sharedRegionCode: string | null, version: number, updatedAt: string, sharedWithRegion: { code: string, name: string } | null };

export type SavedReportList_ReportsQueryVariables = Exact<{ [key: string]: never; }>;


export type SavedReportList_ReportsQuery = { savedReports: Array<{ id: string, name: string, description: string, ownerName: string, mine: boolean, sharedRegionCode: string | null, version: number, updatedAt: string, sharedWithRegion: { code: string, name: string } | null }> };

export type SavedReportList_DeleteMutationVariables = Exact<{
  id: string | number;
}>;


export type SavedReportList_DeleteMutation = { deleteReport: { ok: boolean } };

export type BulkApproveBar_ReviewMutationVariables = Exact<{
  input: BulkReviewInput;
}>;


export type BulkApproveBar_ReviewMutation = { bulkReviewProblems: { ok: boolean, done: number, failedIndex: number | null, error: { code: ReviewErrorCode, message: string, field: string | null } | null } };

export type HeldImportsPanel_HeldImportsQueryVariables = Exact<{
  first: number;
}>;


export type HeldImportsPanel_HeldImportsQuery = { heldImports: { totalCount: number, nodes: Array<{ id: string, fileName: string, importedBy: string, rowsRead: number, crossSchoolMatches: number | null, reason: ImportHoldReason | null, createdAt: string, school: { id: string, name: string } | null }> } };

export type HeldImportsPanel_DecideMutationVariables = Exact<{
  input: DecideHeldImportInput;
}>;


export type HeldImportsPanel_DecideMutation = { decideHeldImport: { ok: boolean, error: { code: string, message: string, field: string | null } | null, heldImport: { id: string, status: HeldImportStatus, result: { ok: boolean, rowsImported: number } | null } | null } };

export type ReviewPage_MeQueryVariables = Exact<{ [key: string]: never; }>;


export type ReviewPage_MeQuery = { me: { id: string, role: Role } | null };

export type ReviewPage_CountsQueryVariables = Exact<{ [key: string]: never; }>;


export type ReviewPage_CountsQuery = { toReview: { totalCount: number }, escalated: { totalCount: number } };

export type ReviewPage_QueueQueryVariables = Exact<{
  status: ProblemStatus;
  first: number;
  after?: string | null | undefined;
}>;


export type ReviewPage_QueueQuery = { problems: { totalCount: number, edges: Array<{ cursor: string, node: { id: string, type: ProblemType, scope: ProblemScope, status: ProblemStatus, version: number, openedAt: string, updatedAt: string, overdue: boolean, members: Array<{ studentId: string, name: string, school: { id: string, name: string } }> } }>, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean, startCursor: string | null, endCursor: string | null } } };

export type ReviewQueueTable_ProblemFragment = { id: string, type: ProblemType, scope: ProblemScope, status: ProblemStatus, version: number, openedAt: string, updatedAt: string, overdue: boolean, members: Array<{ studentId: string, name: string, school: { id: string, name: string } }> };

export type CheckPupil_MeQueryVariables = Exact<{ [key: string]: never; }>;


export type CheckPupil_MeQuery = { me: { id: string, role: Role } | null };

export type CheckPupil_CheckQueryVariables = Exact<{
  input: CheckPupilInput;
}>;


export type CheckPupil_CheckQuery = { checkPupil: { check: { verdict: PupilVerdict, idProblems: Array<IdProblemReason>, studentId: string | null, school: { id: string, name: string, code: string } | null } | null, error: { code: PupilCheckErrorCode, message: string, field: string | null } | null } };

export type RestoreRecord_MeQueryVariables = Exact<{ [key: string]: never; }>;


export type RestoreRecord_MeQuery = { me: { id: string, role: Role } | null };

export type RestoreRecord_RestoreMutationVariables = Exact<{
  studentId: string | number;
  reason: string;
}>;


export type RestoreRecord_RestoreMutation = { restoreStudent: { ok: boolean, error: { code: ReviewErrorCode, message: string, field: string | null } | null } };

export type StudentPage_StudentQueryVariables = Exact<{
  id: string | number;
}>;


export type StudentPage_StudentQuery = { student: { id: string, name: string, gender: Gender, birthDate: string, idType: IdType, idNumberMasked: string | null, ethnicity: string | null, grade: string | null, className: string | null, enrollmentMonth: string | null, householdRegion: string | null, phone: string | null, status: StudentStatus, transferredTo: string | null, transferredAt: string | null, createdAt: string, school: { id: string, code: string, name: string, region: { code: string, name: string, parent: { code: string, name: string } | null } }, problems: Array<{ id: string, type: ProblemType, scope: ProblemScope, status: ProblemStatus, openedAt: string }> } };

export type StudentPage_IdNumberQueryVariables = Exact<{
  id: string | number;
}>;


export type StudentPage_IdNumberQuery = { student: { id: string, idNumber: string | null } };

export type StudentPage_ContinuationQueryVariables = Exact<{
  id: string | number;
}>;


export type StudentPage_ContinuationQuery = { student: { id: string, name: string, school: { id: string, name: string } } };

export type StudentTable_StudentFragment = { id: string, name: string, gender: Gender, birthDate: string, idNumberMasked: string | null, grade: string | null, className: string | null, status: StudentStatus, school: { id: string, name: string, region: { code: string, name: string } } };

export type StudentsPage_StudentsQueryVariables = Exact<{
  filter?: StudentFilter | null | undefined;
  first: number;
  after?: string | null | undefined;
}>;


export type StudentsPage_StudentsQuery = { students: { totalCount: number, edges: Array<{ cursor: string, node: { id: string, name: string, gender: Gender, birthDate: string, idNumberMasked: string | null, grade: string | null, className: string | null, status: StudentStatus, school: { id: string, name: string, region: { code: string, name: string } } } }>, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean, startCursor: string | null, endCursor: string | null } } };

export type TransferTable_TransferFragment = { id: string, status: TransferStatus, pupilName: string, problemId: string | null, note: string | null, requestedAt: string, dueAt: string, overdue: boolean, answeredAt: string | null, answerReason: string | null, approvalsNeeded: Array<string>, approved: Array<string>, steps: Array<TransferStep>, version: number, fromSchool: { id: string, name: string, code: string, region: { code: string, name: string } }, toSchool: { id: string, name: string, code: string, region: { code: string, name: string } }, history: Array<{ id: string, type: string, occurredAt: string, actorName: string | null, reason: string | null }> };

export type TransfersPage_MeQueryVariables = Exact<{ [key: string]: never; }>;


export type TransfersPage_MeQuery = { me: { id: string, role: Role, school: { id: string } | null } | null };

export type TransfersPage_TransfersQueryVariables = Exact<{
  filter: TransferFilter;
  first: number;
}>;


export type TransfersPage_TransfersQuery = { transfers: Array<{ id: string, status: TransferStatus, pupilName: string, problemId: string | null, note: string | null, requestedAt: string, dueAt: string, overdue: boolean, answeredAt: string | null, answerReason: string | null, approvalsNeeded: Array<string>, approved: Array<string>, steps: Array<TransferStep>, version: number, fromSchool: { id: string, name: string, code: string, region: { code: string, name: string } }, toSchool: { id: string, name: string, code: string, region: { code: string, name: string } }, history: Array<{ id: string, type: string, occurredAt: string, actorName: string | null, reason: string | null }> }> };

export type ConfirmClassDialog_RosterQueryVariables = Exact<{
  grade: string;
  className: string;
}>;


export type ConfirmClassDialog_RosterQuery = { verificationCampaigns: Array<{ id: string, classRoster: Array<{ id: string, name: string, gender: Gender, birthDate: string }> }> };

export type ConfirmClassDialog_ConfirmMutationVariables = Exact<{
  input: ConfirmClassInput;
}>;


export type ConfirmClassDialog_ConfirmMutation = { confirmClass: { ok: boolean, campaignId: string | null, error: { code: VerificationErrorCode, message: string, field: string | null } | null } };

export type CorrectRecordDialog_CorrectMutationVariables = Exact<{
  input: CorrectRecordInput;
}>;


export type CorrectRecordDialog_CorrectMutation = { correctRecord: { ok: boolean, campaignId: string | null, error: { code: VerificationErrorCode, message: string, field: string | null } | null } };

export type ExpectedArrivals_ListQueryVariables = Exact<{ [key: string]: never; }>;


export type ExpectedArrivals_ListQuery = { expectedArrivals: Array<{ campaignId: string, pupilName: string, note: string | null, markedAt: string, fromSchool: { id: string, name: string, code: string } }> };

export type OpenCampaignDialog_OpenMutationVariables = Exact<{
  input: OpenCampaignInput;
}>;


export type OpenCampaignDialog_OpenMutation = { openVerificationCampaign: { ok: boolean, campaignId: string | null, error: { code: VerificationErrorCode, message: string, field: string | null } | null } };

export type VerificationPage_MeQueryVariables = Exact<{ [key: string]: never; }>;


export type VerificationPage_MeQuery = { me: { id: string, role: Role, school: { id: string } | null } | null };

export type VerificationPage_CampaignsQueryVariables = Exact<{
  registrar: boolean;
}>;


export type VerificationPage_CampaignsQuery = { verificationCampaigns: Array<{ id: string, semester: string, title: string, dueAt: string, status: CampaignStatus, openedAt: string, closedAt: string | null, overdue: boolean, schools?: Array<{ classes: number, classesDone: number, pupils: number, left: number, changed: number, done: boolean, overdue: boolean, escalatedAt: string | null, school: { id: string, name: string, code: string } }>, myClasses?: Array<{ grade: string, className: string, pupils: number, confirmedAt: string | null, left: number, changed: number }>, changedPupils?: Array<{ note: string | null, markedAt: string, correctedAt: string | null, student: { id: string, name: string, gender: Gender, birthDate: string, idType: IdType, grade: string | null, className: string | null } }> }> };

export type VerificationPage_CloseMutationVariables = Exact<{
  campaignId: string | number;
}>;


export type VerificationPage_CloseMutation = { closeVerificationCampaign: { ok: boolean, campaignId: string | null, error: { code: VerificationErrorCode, message: string, field: string | null } | null } };

export type AppHeader_WaitingQueryVariables = Exact<{ [key: string]: never; }>;


export type AppHeader_WaitingQuery = { problems: { totalCount: number } };

export type AppLayout_MeQueryVariables = Exact<{ [key: string]: never; }>;


export type AppLayout_MeQuery = { me: { id: string, username: string, displayName: string, role: Role, school: { id: string, name: string, code: string } | null, region: { code: string, name: string } | null } | null };

export const CursorPager_PageInfoFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CursorPager_PageInfo"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PageInfo"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"hasPreviousPage"}},{"kind":"Field","name":{"kind":"Name","value":"startCursor"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]} as unknown as DocumentNode<CursorPager_PageInfoFragment, unknown>;
export const PossibleDuplicatePair_PairFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PossibleDuplicatePair_Pair"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PossibleDuplicate"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"probability"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"suggestedAt"}},{"kind":"Field","name":{"kind":"Name","value":"decidedAt"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"explanation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"level"}},{"kind":"Field","name":{"kind":"Name","value":"weight"}}]}},{"kind":"Field","name":{"kind":"Name","value":"records"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"gender"}},{"kind":"Field","name":{"kind":"Name","value":"birthDate"}},{"kind":"Field","name":{"kind":"Name","value":"idNumberMasked"}},{"kind":"Field","name":{"kind":"Name","value":"grade"}},{"kind":"Field","name":{"kind":"Name","value":"className"}},{"kind":"Field","name":{"kind":"Name","value":"school"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<PossibleDuplicatePair_PairFragment, unknown>;
export const ImportPage_JobFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ImportPage_JobFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ImportJob"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"schoolId"}},{"kind":"Field","name":{"kind":"Name","value":"fileName"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"progress"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"phase"}},{"kind":"Field","name":{"kind":"Name","value":"rowsDone"}},{"kind":"Field","name":{"kind":"Name","value":"rowsTotal"}}]}},{"kind":"Field","name":{"kind":"Name","value":"result"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dryRun"}},{"kind":"Field","name":{"kind":"Name","value":"preview"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"row"}},{"kind":"Field","name":{"kind":"Name","value":"problemType"}},{"kind":"Field","name":{"kind":"Name","value":"scope"}},{"kind":"Field","name":{"kind":"Name","value":"opens"}}]}},{"kind":"Field","name":{"kind":"Name","value":"importId"}},{"kind":"Field","name":{"kind":"Name","value":"ok"}},{"kind":"Field","name":{"kind":"Name","value":"failure"}},{"kind":"Field","name":{"kind":"Name","value":"failureParams"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"format"}},{"kind":"Field","name":{"kind":"Name","value":"encoding"}},{"kind":"Field","name":{"kind":"Name","value":"rowsRead"}},{"kind":"Field","name":{"kind":"Name","value":"rowsImported"}},{"kind":"Field","name":{"kind":"Name","value":"rowsSkipped"}},{"kind":"Field","name":{"kind":"Name","value":"errorCount"}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"row"}},{"kind":"Field","name":{"kind":"Name","value":"column"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"params"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}},{"kind":"Field","name":{"kind":"Name","value":"problems"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"opened"}},{"kind":"Field","name":{"kind":"Name","value":"closed"}},{"kind":"Field","name":{"kind":"Name","value":"joined"}},{"kind":"Field","name":{"kind":"Name","value":"left"}}]}},{"kind":"Field","name":{"kind":"Name","value":"heldImportId"}}]}}]}}]} as unknown as DocumentNode<ImportPage_JobFieldsFragment, unknown>;
export const MemberComparison_MemberFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MemberComparison_Member"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ProblemMember"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"studentId"}},{"kind":"Field","name":{"kind":"Name","value":"disclosure"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"gender"}},{"kind":"Field","name":{"kind":"Name","value":"birthDate"}},{"kind":"Field","name":{"kind":"Name","value":"idType"}},{"kind":"Field","name":{"kind":"Name","value":"idNumberMasked"}},{"kind":"Field","name":{"kind":"Name","value":"corroborated"}},{"kind":"Field","name":{"kind":"Name","value":"grade"}},{"kind":"Field","name":{"kind":"Name","value":"className"}},{"kind":"Field","name":{"kind":"Name","value":"enrollmentMonth"}},{"kind":"Field","name":{"kind":"Name","value":"importedAt"}},{"kind":"Field","name":{"kind":"Name","value":"importFile"}},{"kind":"Field","name":{"kind":"Name","value":"lastChangedAt"}},{"kind":"Field","name":{"kind":"Name","value":"leftAt"}},{"kind":"Field","name":{"kind":"Name","value":"allowedActions"}},{"kind":"Field","name":{"kind":"Name","value":"suggestedAction"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"deleteReason"}}]}},{"kind":"Field","name":{"kind":"Name","value":"comparison"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"against"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"gender"}},{"kind":"Field","name":{"kind":"Name","value":"birthDate"}},{"kind":"Field","name":{"kind":"Name","value":"idType"}},{"kind":"Field","name":{"kind":"Name","value":"idNumber"}},{"kind":"Field","name":{"kind":"Name","value":"idNumberDiffersIn"}},{"kind":"Field","name":{"kind":"Name","value":"grade"}},{"kind":"Field","name":{"kind":"Name","value":"enrollmentMonth"}}]}},{"kind":"Field","name":{"kind":"Name","value":"idCheck"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"valid"}},{"kind":"Field","name":{"kind":"Name","value":"reasons"}},{"kind":"Field","name":{"kind":"Name","value":"messages"}},{"kind":"Field","name":{"kind":"Name","value":"addressCodeKnown"}}]}},{"kind":"Field","name":{"kind":"Name","value":"school"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"region"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"student"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<MemberComparison_MemberFragment, unknown>;
export const NegotiationThread_MessageFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"NegotiationThread_Message"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ProblemMessage"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"authorName"}},{"kind":"Field","name":{"kind":"Name","value":"body"}},{"kind":"Field","name":{"kind":"Name","value":"proposal"}},{"kind":"Field","name":{"kind":"Name","value":"keepStudentId"}},{"kind":"Field","name":{"kind":"Name","value":"proposalStatus"}},{"kind":"Field","name":{"kind":"Name","value":"answerReason"}},{"kind":"Field","name":{"kind":"Name","value":"answeredAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"school"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<NegotiationThread_MessageFragment, unknown>;
export const NextStepAlert_NextStepFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"NextStepAlert_NextStep"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"NextStep"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"yourTurn"}},{"kind":"Field","name":{"kind":"Name","value":"since"}},{"kind":"Field","name":{"kind":"Name","value":"waitingFor"}},{"kind":"Field","name":{"kind":"Name","value":"suggestion"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"studentId"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"deleteReason"}}]}}]}}]} as unknown as DocumentNode<NextStepAlert_NextStepFragment, unknown>;
export const ProblemHistory_EventFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ProblemHistory_Event"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ProblemEvent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"occurredAt"}},{"kind":"Field","name":{"kind":"Name","value":"actorName"}},{"kind":"Field","name":{"kind":"Name","value":"data"}}]}}]} as unknown as DocumentNode<ProblemHistory_EventFragment, unknown>;
export const ProblemHistory_FormerMemberFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ProblemHistory_FormerMember"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ProblemMember"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"studentId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"leftAt"}},{"kind":"Field","name":{"kind":"Name","value":"school"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<ProblemHistory_FormerMemberFragment, unknown>;
export const ProblemTable_ProblemFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ProblemTable_Problem"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Problem"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"scope"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"openedAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"deadlineAt"}},{"kind":"Field","name":{"kind":"Name","value":"overdue"}},{"kind":"Field","name":{"kind":"Name","value":"graduating"}},{"kind":"Field","name":{"kind":"Name","value":"daysToGraduation"}},{"kind":"Field","name":{"kind":"Name","value":"nextStep"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"yourTurn"}}]}},{"kind":"Field","name":{"kind":"Name","value":"members"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"studentId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"school"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<ProblemTable_ProblemFragment, unknown>;
export const TransferSteps_TransferFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TransferSteps_Transfer"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Transfer"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"pupilName"}},{"kind":"Field","name":{"kind":"Name","value":"steps"}}]}}]} as unknown as DocumentNode<TransferSteps_TransferFragment, unknown>;
export const TransferStepDialog_TransferFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TransferStepDialog_Transfer"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Transfer"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"pupilName"}},{"kind":"Field","name":{"kind":"Name","value":"note"}},{"kind":"Field","name":{"kind":"Name","value":"approvalsNeeded"}},{"kind":"Field","name":{"kind":"Name","value":"fromSchool"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"toSchool"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<TransferStepDialog_TransferFragment, unknown>;
export const TransferPanel_TransferFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TransferPanel_Transfer"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Transfer"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"requestedAt"}},{"kind":"Field","name":{"kind":"Name","value":"dueAt"}},{"kind":"Field","name":{"kind":"Name","value":"overdue"}},{"kind":"Field","name":{"kind":"Name","value":"note"}},{"kind":"Field","name":{"kind":"Name","value":"answerReason"}},{"kind":"Field","name":{"kind":"Name","value":"fromSchool"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"toSchool"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"TransferSteps_Transfer"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"TransferStepDialog_Transfer"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TransferSteps_Transfer"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Transfer"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"pupilName"}},{"kind":"Field","name":{"kind":"Name","value":"steps"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TransferStepDialog_Transfer"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Transfer"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"pupilName"}},{"kind":"Field","name":{"kind":"Name","value":"note"}},{"kind":"Field","name":{"kind":"Name","value":"approvalsNeeded"}},{"kind":"Field","name":{"kind":"Name","value":"fromSchool"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"toSchool"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<TransferPanel_TransferFragment, unknown>;
export const SavedReportList_ReportFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SavedReportList_Report"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SavedReport"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"ownerName"}},{"kind":"Field","name":{"kind":"Name","value":"mine"}},{"kind":"Field","name":{"kind":"Name","value":"sharedRegionCode"}},{"kind":"Field","name":{"kind":"Name","value":"sharedWithRegion"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]} as unknown as DocumentNode<SavedReportList_ReportFragment, unknown>;
export const ReviewQueueTable_ProblemFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ReviewQueueTable_Problem"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Problem"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"scope"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"openedAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"overdue"}},{"kind":"Field","name":{"kind":"Name","value":"members"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"studentId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"school"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<ReviewQueueTable_ProblemFragment, unknown>;
export const StudentTable_StudentFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"StudentTable_Student"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Student"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"gender"}},{"kind":"Field","name":{"kind":"Name","value":"birthDate"}},{"kind":"Field","name":{"kind":"Name","value":"idNumberMasked"}},{"kind":"Field","name":{"kind":"Name","value":"grade"}},{"kind":"Field","name":{"kind":"Name","value":"className"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"school"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"region"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<StudentTable_StudentFragment, unknown>;
export const TransferTable_TransferFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TransferTable_Transfer"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Transfer"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"pupilName"}},{"kind":"Field","name":{"kind":"Name","value":"problemId"}},{"kind":"Field","name":{"kind":"Name","value":"note"}},{"kind":"Field","name":{"kind":"Name","value":"requestedAt"}},{"kind":"Field","name":{"kind":"Name","value":"dueAt"}},{"kind":"Field","name":{"kind":"Name","value":"overdue"}},{"kind":"Field","name":{"kind":"Name","value":"answeredAt"}},{"kind":"Field","name":{"kind":"Name","value":"answerReason"}},{"kind":"Field","name":{"kind":"Name","value":"approvalsNeeded"}},{"kind":"Field","name":{"kind":"Name","value":"approved"}},{"kind":"Field","name":{"kind":"Name","value":"fromSchool"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"region"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"toSchool"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"region"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"history"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"occurredAt"}},{"kind":"Field","name":{"kind":"Name","value":"actorName"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"TransferSteps_Transfer"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"TransferStepDialog_Transfer"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TransferSteps_Transfer"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Transfer"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"pupilName"}},{"kind":"Field","name":{"kind":"Name","value":"steps"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TransferStepDialog_Transfer"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Transfer"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"pupilName"}},{"kind":"Field","name":{"kind":"Name","value":"note"}},{"kind":"Field","name":{"kind":"Name","value":"approvalsNeeded"}},{"kind":"Field","name":{"kind":"Name","value":"fromSchool"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"toSchool"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<TransferTable_TransferFragment, unknown>;
export const RecordChangeForm_StudentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RecordChangeForm_Student"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"student"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"gender"}},{"kind":"Field","name":{"kind":"Name","value":"birthDate"}},{"kind":"Field","name":{"kind":"Name","value":"idType"}},{"kind":"Field","name":{"kind":"Name","value":"idNumber"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]}}]} as unknown as DocumentNode<RecordChangeForm_StudentQuery, RecordChangeForm_StudentQueryVariables>;
export const RegionLevelSelect_RegionsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RegionLevelSelect_Regions"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"parentCode"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"regions"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"parentCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"parentCode"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"level"}}]}}]}}]} as unknown as DocumentNode<RegionLevelSelect_RegionsQuery, RegionLevelSelect_RegionsQueryVariables>;
export const TransferInDialog_RequestDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"TransferInDialog_Request"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RequestTransferInInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requestTransferIn"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ok"}},{"kind":"Field","name":{"kind":"Name","value":"transferId"}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"field"}}]}}]}}]}}]} as unknown as DocumentNode<TransferInDialog_RequestMutation, TransferInDialog_RequestMutationVariables>;
export const TransferStepDialog_AnswerDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"TransferStepDialog_Answer"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AnswerTransferInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"answerTransfer"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ok"}},{"kind":"Field","name":{"kind":"Name","value":"transferId"}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"field"}}]}}]}}]}}]} as unknown as DocumentNode<TransferStepDialog_AnswerMutation, TransferStepDialog_AnswerMutationVariables>;
export const TransferStepDialog_ApproveDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"TransferStepDialog_Approve"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ApproveTransferInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"approveTransfer"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ok"}},{"kind":"Field","name":{"kind":"Name","value":"transferId"}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"field"}}]}}]}}]}}]} as unknown as DocumentNode<TransferStepDialog_ApproveMutation, TransferStepDialog_ApproveMutationVariables>;
export const TransferStepDialog_WithdrawDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"TransferStepDialog_Withdraw"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"WithdrawTransferInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"withdrawTransfer"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ok"}},{"kind":"Field","name":{"kind":"Name","value":"transferId"}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"field"}}]}}]}}]}}]} as unknown as DocumentNode<TransferStepDialog_WithdrawMutation, TransferStepDialog_WithdrawMutationVariables>;
export const SignOut_LogoutDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SignOut_Logout"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"logout"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ok"}}]}}]}}]} as unknown as DocumentNode<SignOut_LogoutMutation, SignOut_LogoutMutationVariables>;
export const ChangePasswordDialog_ChangePasswordDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ChangePasswordDialog_ChangePassword"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"currentPassword"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"newPassword"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"changePassword"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"currentPassword"},"value":{"kind":"Variable","name":{"kind":"Name","value":"currentPassword"}}},{"kind":"Argument","name":{"kind":"Name","value":"newPassword"},"value":{"kind":"Variable","name":{"kind":"Name","value":"newPassword"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"token"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"field"}}]}}]}}]}}]} as unknown as DocumentNode<ChangePasswordDialog_ChangePasswordMutation, ChangePasswordDialog_ChangePasswordMutationVariables>;
export const LoginForm_LoginDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"LoginForm_Login"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"username"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"password"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"login"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"username"},"value":{"kind":"Variable","name":{"kind":"Name","value":"username"}}},{"kind":"Argument","name":{"kind":"Name","value":"password"},"value":{"kind":"Variable","name":{"kind":"Name","value":"password"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"token"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"role"}}]}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"field"}}]}}]}}]}}]} as unknown as DocumentNode<LoginForm_LoginMutation, LoginForm_LoginMutationVariables>;
export const DashboardPage_MeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DashboardPage_Me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"region"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"level"}}]}}]}}]}}]} as unknown as DocumentNode<DashboardPage_MeQuery, DashboardPage_MeQueryVariables>;
export const DashboardPage_StatsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DashboardPage_Stats"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ProblemStatsFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","alias":{"kind":"Name","value":"totals"},"name":{"kind":"Name","value":"problemStats"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"unresolved"}},{"kind":"Field","name":{"kind":"Name","value":"overdue"}},{"kind":"Field","name":{"kind":"Name","value":"graduating"}},{"kind":"Field","name":{"kind":"Name","value":"resolved"}},{"kind":"Field","name":{"kind":"Name","value":"medianDaysToResolve"}},{"kind":"Field","name":{"kind":"Name","value":"medianOpenAgeDays"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"byTypeAndStatus"},"name":{"kind":"Name","value":"problemStats"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"groupBy"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"TYPE"},{"kind":"EnumValue","value":"STATUS"}]}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"count"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"bySchool"},"name":{"kind":"Name","value":"problemStats"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"groupBy"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"SCHOOL"}]}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"schoolId"}},{"kind":"Field","name":{"kind":"Name","value":"school"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"unresolved"}},{"kind":"Field","name":{"kind":"Name","value":"graduating"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"byWeek"},"name":{"kind":"Name","value":"problemStats"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"groupBy"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"OPENED_WEEK"}]}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"openedWeek"}},{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"unresolved"}}]}}]}}]} as unknown as DocumentNode<DashboardPage_StatsQuery, DashboardPage_StatsQueryVariables>;
export const DashboardPage_ResolvedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DashboardPage_Resolved"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"regionId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"problems"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"status"},"value":{"kind":"EnumValue","value":"RESOLVED"}},{"kind":"ObjectField","name":{"kind":"Name","value":"regionId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"regionId"}}}]}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"EnumValue","value":"UPDATED_DESC"}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"200"}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"resolvedAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"endCursor"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}}]}}]}}]}}]} as unknown as DocumentNode<DashboardPage_ResolvedQuery, DashboardPage_ResolvedQueryVariables>;
export const UnusualImportsCard_ImportsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"UnusualImportsCard_Imports"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"unusualImports"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"importedBy"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"rows"}},{"kind":"Field","name":{"kind":"Name","value":"crossSchoolMatches"}},{"kind":"Field","name":{"kind":"Name","value":"matchRate"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"school"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<UnusualImportsCard_ImportsQuery, UnusualImportsCard_ImportsQueryVariables>;
export const DecidePairDialog_ConfirmDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DecidePairDialog_Confirm"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ConfirmPossibleDuplicateInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"confirmPossibleDuplicate"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ok"}},{"kind":"Field","name":{"kind":"Name","value":"problemId"}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"field"}}]}}]}}]}}]} as unknown as DocumentNode<DecidePairDialog_ConfirmMutation, DecidePairDialog_ConfirmMutationVariables>;
export const DecidePairDialog_DismissDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DecidePairDialog_Dismiss"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DismissPossibleDuplicateInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dismissPossibleDuplicate"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ok"}},{"kind":"Field","name":{"kind":"Name","value":"problemId"}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"field"}}]}}]}}]}}]} as unknown as DocumentNode<DecidePairDialog_DismissMutation, DecidePairDialog_DismissMutationVariables>;
export const PossibleDuplicatesPage_MeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PossibleDuplicatesPage_Me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"role"}}]}}]}}]} as unknown as DocumentNode<PossibleDuplicatesPage_MeQuery, PossibleDuplicatesPage_MeQueryVariables>;
export const PossibleDuplicatesPage_PairsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PossibleDuplicatesPage_Pairs"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"PossibleDuplicateFilter"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"possibleDuplicates"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PossibleDuplicatePair_Pair"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CursorPager_PageInfo"}}]}},{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PossibleDuplicatePair_Pair"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PossibleDuplicate"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"probability"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"suggestedAt"}},{"kind":"Field","name":{"kind":"Name","value":"decidedAt"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"explanation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"level"}},{"kind":"Field","name":{"kind":"Name","value":"weight"}}]}},{"kind":"Field","name":{"kind":"Name","value":"records"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"gender"}},{"kind":"Field","name":{"kind":"Name","value":"birthDate"}},{"kind":"Field","name":{"kind":"Name","value":"idNumberMasked"}},{"kind":"Field","name":{"kind":"Name","value":"grade"}},{"kind":"Field","name":{"kind":"Name","value":"className"}},{"kind":"Field","name":{"kind":"Name","value":"school"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CursorPager_PageInfo"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PageInfo"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"hasPreviousPage"}},{"kind":"Field","name":{"kind":"Name","value":"startCursor"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]} as unknown as DocumentNode<PossibleDuplicatesPage_PairsQuery, PossibleDuplicatesPage_PairsQueryVariables>;
export const HeldImportsList_HeldImportsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"HeldImportsList_HeldImports"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"heldImports"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"fileName"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"decidedAt"}},{"kind":"Field","name":{"kind":"Name","value":"decisionReason"}},{"kind":"Field","name":{"kind":"Name","value":"result"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ok"}},{"kind":"Field","name":{"kind":"Name","value":"rowsImported"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}}]}}]} as unknown as DocumentNode<HeldImportsList_HeldImportsQuery, HeldImportsList_HeldImportsQueryVariables>;
export const ImportPage_MeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ImportPage_Me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"school"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<ImportPage_MeQuery, ImportPage_MeQueryVariables>;
export const ImportPage_SchoolsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ImportPage_Schools"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"schools"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"region"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}}]}}]} as unknown as DocumentNode<ImportPage_SchoolsQuery, ImportPage_SchoolsQueryVariables>;
export const ImportPage_StartImportDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ImportPage_StartImport"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ImportStudentsInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"importStudents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ImportPage_JobFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ImportPage_JobFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ImportJob"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"schoolId"}},{"kind":"Field","name":{"kind":"Name","value":"fileName"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"progress"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"phase"}},{"kind":"Field","name":{"kind":"Name","value":"rowsDone"}},{"kind":"Field","name":{"kind":"Name","value":"rowsTotal"}}]}},{"kind":"Field","name":{"kind":"Name","value":"result"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dryRun"}},{"kind":"Field","name":{"kind":"Name","value":"preview"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"row"}},{"kind":"Field","name":{"kind":"Name","value":"problemType"}},{"kind":"Field","name":{"kind":"Name","value":"scope"}},{"kind":"Field","name":{"kind":"Name","value":"opens"}}]}},{"kind":"Field","name":{"kind":"Name","value":"importId"}},{"kind":"Field","name":{"kind":"Name","value":"ok"}},{"kind":"Field","name":{"kind":"Name","value":"failure"}},{"kind":"Field","name":{"kind":"Name","value":"failureParams"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"format"}},{"kind":"Field","name":{"kind":"Name","value":"encoding"}},{"kind":"Field","name":{"kind":"Name","value":"rowsRead"}},{"kind":"Field","name":{"kind":"Name","value":"rowsImported"}},{"kind":"Field","name":{"kind":"Name","value":"rowsSkipped"}},{"kind":"Field","name":{"kind":"Name","value":"errorCount"}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"row"}},{"kind":"Field","name":{"kind":"Name","value":"column"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"params"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}},{"kind":"Field","name":{"kind":"Name","value":"problems"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"opened"}},{"kind":"Field","name":{"kind":"Name","value":"closed"}},{"kind":"Field","name":{"kind":"Name","value":"joined"}},{"kind":"Field","name":{"kind":"Name","value":"left"}}]}},{"kind":"Field","name":{"kind":"Name","value":"heldImportId"}}]}}]}}]} as unknown as DocumentNode<ImportPage_StartImportMutation, ImportPage_StartImportMutationVariables>;
export const ImportPage_JobDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ImportPage_Job"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"importJob"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ImportPage_JobFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ImportPage_JobFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ImportJob"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"schoolId"}},{"kind":"Field","name":{"kind":"Name","value":"fileName"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"progress"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"phase"}},{"kind":"Field","name":{"kind":"Name","value":"rowsDone"}},{"kind":"Field","name":{"kind":"Name","value":"rowsTotal"}}]}},{"kind":"Field","name":{"kind":"Name","value":"result"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dryRun"}},{"kind":"Field","name":{"kind":"Name","value":"preview"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"row"}},{"kind":"Field","name":{"kind":"Name","value":"problemType"}},{"kind":"Field","name":{"kind":"Name","value":"scope"}},{"kind":"Field","name":{"kind":"Name","value":"opens"}}]}},{"kind":"Field","name":{"kind":"Name","value":"importId"}},{"kind":"Field","name":{"kind":"Name","value":"ok"}},{"kind":"Field","name":{"kind":"Name","value":"failure"}},{"kind":"Field","name":{"kind":"Name","value":"failureParams"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"format"}},{"kind":"Field","name":{"kind":"Name","value":"encoding"}},{"kind":"Field","name":{"kind":"Name","value":"rowsRead"}},{"kind":"Field","name":{"kind":"Name","value":"rowsImported"}},{"kind":"Field","name":{"kind":"Name","value":"rowsSkipped"}},{"kind":"Field","name":{"kind":"Name","value":"errorCount"}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"row"}},{"kind":"Field","name":{"kind":"Name","value":"column"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"params"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}},{"kind":"Field","name":{"kind":"Name","value":"problems"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"opened"}},{"kind":"Field","name":{"kind":"Name","value":"closed"}},{"kind":"Field","name":{"kind":"Name","value":"joined"}},{"kind":"Field","name":{"kind":"Name","value":"left"}}]}},{"kind":"Field","name":{"kind":"Name","value":"heldImportId"}}]}}]}}]} as unknown as DocumentNode<ImportPage_JobQuery, ImportPage_JobQueryVariables>;
export const LaterCopies_CopiesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"LaterCopies_Copies"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"importId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"importCopies"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"importId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"importId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"studentId"}},{"kind":"Field","name":{"kind":"Name","value":"problemId"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"row"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<LaterCopies_CopiesQuery, LaterCopies_CopiesQueryVariables>;
export const LaterCopies_DeleteDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"LaterCopies_Delete"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"BulkActionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"bulkActOnRecords"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ok"}},{"kind":"Field","name":{"kind":"Name","value":"done"}},{"kind":"Field","name":{"kind":"Name","value":"failedIndex"}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"field"}}]}}]}}]}}]} as unknown as DocumentNode<LaterCopies_DeleteMutation, LaterCopies_DeleteMutationVariables>;
export const PolicePage_MeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PolicePage_Me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"role"}}]}}]}}]} as unknown as DocumentNode<PolicePage_MeQuery, PolicePage_MeQueryVariables>;
export const PolicePage_ImportDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PolicePage_Import"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ImportPoliceResultsInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"importPoliceResults"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ok"}},{"kind":"Field","name":{"kind":"Name","value":"rowsRead"}},{"kind":"Field","name":{"kind":"Name","value":"matched"}},{"kind":"Field","name":{"kind":"Name","value":"consistent"}},{"kind":"Field","name":{"kind":"Name","value":"notFound"}},{"kind":"Field","name":{"kind":"Name","value":"nameMismatch"}},{"kind":"Field","name":{"kind":"Name","value":"unmatchedRows"}},{"kind":"Field","name":{"kind":"Name","value":"problemsOpened"}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"row"}},{"kind":"Field","name":{"kind":"Name","value":"column"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"params"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}}]}}]}}]} as unknown as DocumentNode<PolicePage_ImportMutation, PolicePage_ImportMutationVariables>;
export const DecisionPanel_DecideDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DecisionPanel_Decide"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DecisionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"decideProblem"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ok"}},{"kind":"Field","name":{"kind":"Name","value":"problemStatus"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"field"}}]}}]}}]}}]} as unknown as DocumentNode<DecisionPanel_DecideMutation, DecisionPanel_DecideMutationVariables>;
export const EscalateDialog_EscalateDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"EscalateDialog_Escalate"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"EscalateInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"escalateProblem"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ok"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"field"}}]}}]}}]}}]} as unknown as DocumentNode<EscalateDialog_EscalateMutation, EscalateDialog_EscalateMutationVariables>;
export const NegotiationCompose_PostDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"NegotiationCompose_Post"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"PostMessageInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"postMessage"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ok"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"field"}}]}}]}}]}}]} as unknown as DocumentNode<NegotiationCompose_PostMutation, NegotiationCompose_PostMutationVariables>;
export const ProblemPage_ProblemDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ProblemPage_Problem"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"school"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"problem"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"scope"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"reasons"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"openedAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"resolvedAt"}},{"kind":"Field","name":{"kind":"Name","value":"closedBy"}},{"kind":"Field","name":{"kind":"Name","value":"deadlineAt"}},{"kind":"Field","name":{"kind":"Name","value":"overdue"}},{"kind":"Field","name":{"kind":"Name","value":"graduating"}},{"kind":"Field","name":{"kind":"Name","value":"daysToGraduation"}},{"kind":"Field","name":{"kind":"Name","value":"nextStep"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"NextStepAlert_NextStep"}}]}},{"kind":"Field","name":{"kind":"Name","value":"viewerCan"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"negotiate"}},{"kind":"Field","name":{"kind":"Name","value":"escalate"}},{"kind":"Field","name":{"kind":"Name","value":"review"}},{"kind":"Field","name":{"kind":"Name","value":"decide"}},{"kind":"Field","name":{"kind":"Name","value":"reopen"}}]}},{"kind":"Field","name":{"kind":"Name","value":"members"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MemberComparison_Member"}},{"kind":"Field","name":{"kind":"Name","value":"inMyScope"}},{"kind":"Field","name":{"kind":"Name","value":"joinedAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"formerMembers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ProblemHistory_FormerMember"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"MemberComparison_Member"}},{"kind":"Field","name":{"kind":"Name","value":"inMyScope"}},{"kind":"Field","name":{"kind":"Name","value":"joinedAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"messages"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"NegotiationThread_Message"}}]}},{"kind":"Field","name":{"kind":"Name","value":"history"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ProblemHistory_Event"}}]}},{"kind":"Field","name":{"kind":"Name","value":"transfers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"TransferPanel_Transfer"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TransferSteps_Transfer"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Transfer"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"pupilName"}},{"kind":"Field","name":{"kind":"Name","value":"steps"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TransferStepDialog_Transfer"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Transfer"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"pupilName"}},{"kind":"Field","name":{"kind":"Name","value":"note"}},{"kind":"Field","name":{"kind":"Name","value":"approvalsNeeded"}},{"kind":"Field","name":{"kind":"Name","value":"fromSchool"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"toSchool"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"NextStepAlert_NextStep"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"NextStep"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"yourTurn"}},{"kind":"Field","name":{"kind":"Name","value":"since"}},{"kind":"Field","name":{"kind":"Name","value":"waitingFor"}},{"kind":"Field","name":{"kind":"Name","value":"suggestion"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"studentId"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"deleteReason"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MemberComparison_Member"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ProblemMember"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"studentId"}},{"kind":"Field","name":{"kind":"Name","value":"disclosure"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"gender"}},{"kind":"Field","name":{"kind":"Name","value":"birthDate"}},{"kind":"Field","name":{"kind":"Name","value":"idType"}},{"kind":"Field","name":{"kind":"Name","value":"idNumberMasked"}},{"kind":"Field","name":{"kind":"Name","value":"corroborated"}},{"kind":"Field","name":{"kind":"Name","value":"grade"}},{"kind":"Field","name":{"kind":"Name","value":"className"}},{"kind":"Field","name":{"kind":"Name","value":"enrollmentMonth"}},{"kind":"Field","name":{"kind":"Name","value":"importedAt"}},{"kind":"Field","name":{"kind":"Name","value":"importFile"}},{"kind":"Field","name":{"kind":"Name","value":"lastChangedAt"}},{"kind":"Field","name":{"kind":"Name","value":"leftAt"}},{"kind":"Field","name":{"kind":"Name","value":"allowedActions"}},{"kind":"Field","name":{"kind":"Name","value":"suggestedAction"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"deleteReason"}}]}},{"kind":"Field","name":{"kind":"Name","value":"comparison"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"against"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"gender"}},{"kind":"Field","name":{"kind":"Name","value":"birthDate"}},{"kind":"Field","name":{"kind":"Name","value":"idType"}},{"kind":"Field","name":{"kind":"Name","value":"idNumber"}},{"kind":"Field","name":{"kind":"Name","value":"idNumberDiffersIn"}},{"kind":"Field","name":{"kind":"Name","value":"grade"}},{"kind":"Field","name":{"kind":"Name","value":"enrollmentMonth"}}]}},{"kind":"Field","name":{"kind":"Name","value":"idCheck"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"valid"}},{"kind":"Field","name":{"kind":"Name","value":"reasons"}},{"kind":"Field","name":{"kind":"Name","value":"messages"}},{"kind":"Field","name":{"kind":"Name","value":"addressCodeKnown"}}]}},{"kind":"Field","name":{"kind":"Name","value":"school"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"region"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"student"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ProblemHistory_FormerMember"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ProblemMember"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"studentId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"leftAt"}},{"kind":"Field","name":{"kind":"Name","value":"school"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"NegotiationThread_Message"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ProblemMessage"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"authorName"}},{"kind":"Field","name":{"kind":"Name","value":"body"}},{"kind":"Field","name":{"kind":"Name","value":"proposal"}},{"kind":"Field","name":{"kind":"Name","value":"keepStudentId"}},{"kind":"Field","name":{"kind":"Name","value":"proposalStatus"}},{"kind":"Field","name":{"kind":"Name","value":"answerReason"}},{"kind":"Field","name":{"kind":"Name","value":"answeredAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"school"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ProblemHistory_Event"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ProblemEvent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"occurredAt"}},{"kind":"Field","name":{"kind":"Name","value":"actorName"}},{"kind":"Field","name":{"kind":"Name","value":"data"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TransferPanel_Transfer"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Transfer"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"requestedAt"}},{"kind":"Field","name":{"kind":"Name","value":"dueAt"}},{"kind":"Field","name":{"kind":"Name","value":"overdue"}},{"kind":"Field","name":{"kind":"Name","value":"note"}},{"kind":"Field","name":{"kind":"Name","value":"answerReason"}},{"kind":"Field","name":{"kind":"Name","value":"fromSchool"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"toSchool"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"TransferSteps_Transfer"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"TransferStepDialog_Transfer"}}]}}]} as unknown as DocumentNode<ProblemPage_ProblemQuery, ProblemPage_ProblemQueryVariables>;
export const ProblemsPage_ProblemsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ProblemsPage_Problems"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ProblemFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ProblemOrder"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"school"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"problems"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ProblemTable_Problem"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CursorPager_PageInfo"}}]}},{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ProblemTable_Problem"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Problem"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"scope"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"openedAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"deadlineAt"}},{"kind":"Field","name":{"kind":"Name","value":"overdue"}},{"kind":"Field","name":{"kind":"Name","value":"graduating"}},{"kind":"Field","name":{"kind":"Name","value":"daysToGraduation"}},{"kind":"Field","name":{"kind":"Name","value":"nextStep"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"yourTurn"}}]}},{"kind":"Field","name":{"kind":"Name","value":"members"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"studentId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"school"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CursorPager_PageInfo"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PageInfo"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"hasPreviousPage"}},{"kind":"Field","name":{"kind":"Name","value":"startCursor"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]} as unknown as DocumentNode<ProblemsPage_ProblemsQuery, ProblemsPage_ProblemsQueryVariables>;
export const ProblemsPage_CountsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ProblemsPage_Counts"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"type"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ProblemType"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"scope"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ProblemScope"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"status"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ProblemStatus"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"waitingForMe"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"schoolId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"regionId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","alias":{"kind":"Name","value":"all"},"name":{"kind":"Name","value":"problems"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"scope"},"value":{"kind":"Variable","name":{"kind":"Name","value":"scope"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"status"},"value":{"kind":"Variable","name":{"kind":"Name","value":"status"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"waitingForMe"},"value":{"kind":"Variable","name":{"kind":"Name","value":"waitingForMe"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"schoolId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"schoolId"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"regionId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"regionId"}}}]}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"1"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"duplicateId"},"name":{"kind":"Name","value":"problems"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"type"},"value":{"kind":"EnumValue","value":"DUPLICATE_ID"}},{"kind":"ObjectField","name":{"kind":"Name","value":"scope"},"value":{"kind":"Variable","name":{"kind":"Name","value":"scope"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"status"},"value":{"kind":"Variable","name":{"kind":"Name","value":"status"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"waitingForMe"},"value":{"kind":"Variable","name":{"kind":"Name","value":"waitingForMe"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"schoolId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"schoolId"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"regionId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"regionId"}}}]}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"1"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"duplicateIdentity"},"name":{"kind":"Name","value":"problems"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"type"},"value":{"kind":"EnumValue","value":"DUPLICATE_IDENTITY"}},{"kind":"ObjectField","name":{"kind":"Name","value":"scope"},"value":{"kind":"Variable","name":{"kind":"Name","value":"scope"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"status"},"value":{"kind":"Variable","name":{"kind":"Name","value":"status"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"waitingForMe"},"value":{"kind":"Variable","name":{"kind":"Name","value":"waitingForMe"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"schoolId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"schoolId"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"regionId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"regionId"}}}]}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"1"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"invalidId"},"name":{"kind":"Name","value":"problems"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"type"},"value":{"kind":"EnumValue","value":"INVALID_ID"}},{"kind":"ObjectField","name":{"kind":"Name","value":"scope"},"value":{"kind":"Variable","name":{"kind":"Name","value":"scope"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"status"},"value":{"kind":"Variable","name":{"kind":"Name","value":"status"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"waitingForMe"},"value":{"kind":"Variable","name":{"kind":"Name","value":"waitingForMe"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"schoolId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"schoolId"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"regionId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"regionId"}}}]}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"1"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"waiting"},"name":{"kind":"Name","value":"problems"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"type"},"value":{"kind":"Variable","name":{"kind":"Name","value":"type"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"scope"},"value":{"kind":"Variable","name":{"kind":"Name","value":"scope"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"status"},"value":{"kind":"Variable","name":{"kind":"Name","value":"status"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"waitingForMe"},"value":{"kind":"BooleanValue","value":true}},{"kind":"ObjectField","name":{"kind":"Name","value":"schoolId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"schoolId"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"regionId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"regionId"}}}]}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"1"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}}]}}]} as unknown as DocumentNode<ProblemsPage_CountsQuery, ProblemsPage_CountsQueryVariables>;
export const ProposalAnswer_AnswerDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ProposalAnswer_Answer"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AnswerProposalInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"answerProposal"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ok"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"field"}}]}}]}}]}}]} as unknown as DocumentNode<ProposalAnswer_AnswerMutation, ProposalAnswer_AnswerMutationVariables>;
export const RecordActionDialog_ActDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RecordActionDialog_Act"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RecordActionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"actOnRecord"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ok"}},{"kind":"Field","name":{"kind":"Name","value":"problemStatus"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"field"}}]}}]}}]}}]} as unknown as DocumentNode<RecordActionDialog_ActMutation, RecordActionDialog_ActMutationVariables>;
export const ReviewPanel_ReviewDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ReviewPanel_Review"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ReviewInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reviewProblem"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ok"}},{"kind":"Field","name":{"kind":"Name","value":"problemStatus"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"field"}}]}}]}}]}}]} as unknown as DocumentNode<ReviewPanel_ReviewMutation, ReviewPanel_ReviewMutationVariables>;
export const TransferRequestDialog_RequestDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"TransferRequestDialog_Request"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RequestTransferInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requestTransfer"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ok"}},{"kind":"Field","name":{"kind":"Name","value":"transferId"}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"field"}}]}}]}}]}}]} as unknown as DocumentNode<TransferRequestDialog_RequestMutation, TransferRequestDialog_RequestMutationVariables>;
export const UndoPanel_WithdrawDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UndoPanel_Withdraw"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"WithdrawActionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"withdrawAction"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ok"}},{"kind":"Field","name":{"kind":"Name","value":"problemStatus"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"field"}}]}}]}}]}}]} as unknown as DocumentNode<UndoPanel_WithdrawMutation, UndoPanel_WithdrawMutationVariables>;
export const UndoPanel_ReopenDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UndoPanel_Reopen"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ReopenInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reopenProblem"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ok"}},{"kind":"Field","name":{"kind":"Name","value":"problemStatus"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"field"}}]}}]}}]}}]} as unknown as DocumentNode<UndoPanel_ReopenMutation, UndoPanel_ReopenMutationVariables>;
export const ReportsPage_MeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ReportsPage_Me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"region"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"level"}}]}}]}}]}}]} as unknown as DocumentNode<ReportsPage_MeQuery, ReportsPage_MeQueryVariables>;
export const ReportsPage_ReportDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ReportsPage_Report"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"savedReport"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SavedReportList_Report"}},{"kind":"Field","name":{"kind":"Name","value":"document"}},{"kind":"Field","name":{"kind":"Name","value":"variables"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SavedReportList_Report"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SavedReport"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"ownerName"}},{"kind":"Field","name":{"kind":"Name","value":"mine"}},{"kind":"Field","name":{"kind":"Name","value":"sharedRegionCode"}},{"kind":"Field","name":{"kind":"Name","value":"sharedWithRegion"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]} as unknown as DocumentNode<ReportsPage_ReportQuery, ReportsPage_ReportQueryVariables>;
export const SaveReportDialog_SaveDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SaveReportDialog_Save"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SaveReportInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"saveReport"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ok"}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"field"}}]}},{"kind":"Field","name":{"kind":"Name","value":"report"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SavedReportList_Report"}},{"kind":"Field","name":{"kind":"Name","value":"document"}},{"kind":"Field","name":{"kind":"Name","value":"variables"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SavedReportList_Report"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SavedReport"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"ownerName"}},{"kind":"Field","name":{"kind":"Name","value":"mine"}},{"kind":"Field","name":{"kind":"Name","value":"sharedRegionCode"}},{"kind":"Field","name":{"kind":"Name","value":"sharedWithRegion"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]} as unknown as DocumentNode<SaveReportDialog_SaveMutation, SaveReportDialog_SaveMutationVariables>;
export const SavedReportList_ReportsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SavedReportList_Reports"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"savedReports"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SavedReportList_Report"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SavedReportList_Report"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SavedReport"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"ownerName"}},{"kind":"Field","name":{"kind":"Name","value":"mine"}},{"kind":"Field","name":{"kind":"Name","value":"sharedRegionCode"}},{"kind":"Field","name":{"kind":"Name","value":"sharedWithRegion"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]} as unknown as DocumentNode<SavedReportList_ReportsQuery, SavedReportList_ReportsQueryVariables>;
export const SavedReportList_DeleteDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SavedReportList_Delete"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteReport"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ok"}}]}}]}}]} as unknown as DocumentNode<SavedReportList_DeleteMutation, SavedReportList_DeleteMutationVariables>;
export const BulkApproveBar_ReviewDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"BulkApproveBar_Review"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"BulkReviewInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"bulkReviewProblems"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ok"}},{"kind":"Field","name":{"kind":"Name","value":"done"}},{"kind":"Field","name":{"kind":"Name","value":"failedIndex"}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"field"}}]}}]}}]}}]} as unknown as DocumentNode<BulkApproveBar_ReviewMutation, BulkApproveBar_ReviewMutationVariables>;
export const HeldImportsPanel_HeldImportsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"HeldImportsPanel_HeldImports"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"heldImports"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"EnumValue","value":"HELD"}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"fileName"}},{"kind":"Field","name":{"kind":"Name","value":"importedBy"}},{"kind":"Field","name":{"kind":"Name","value":"rowsRead"}},{"kind":"Field","name":{"kind":"Name","value":"crossSchoolMatches"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"school"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}}]}}]} as unknown as DocumentNode<HeldImportsPanel_HeldImportsQuery, HeldImportsPanel_HeldImportsQueryVariables>;
export const HeldImportsPanel_DecideDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"HeldImportsPanel_Decide"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DecideHeldImportInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"decideHeldImport"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ok"}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"field"}}]}},{"kind":"Field","name":{"kind":"Name","value":"heldImport"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"result"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ok"}},{"kind":"Field","name":{"kind":"Name","value":"rowsImported"}}]}}]}}]}}]}}]} as unknown as DocumentNode<HeldImportsPanel_DecideMutation, HeldImportsPanel_DecideMutationVariables>;
export const ReviewPage_MeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ReviewPage_Me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"role"}}]}}]}}]} as unknown as DocumentNode<ReviewPage_MeQuery, ReviewPage_MeQueryVariables>;
export const ReviewPage_CountsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ReviewPage_Counts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","alias":{"kind":"Name","value":"toReview"},"name":{"kind":"Name","value":"problems"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"waitingForMe"},"value":{"kind":"BooleanValue","value":true}},{"kind":"ObjectField","name":{"kind":"Name","value":"status"},"value":{"kind":"EnumValue","value":"PENDING_REVIEW"}}]}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"1"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"escalated"},"name":{"kind":"Name","value":"problems"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"waitingForMe"},"value":{"kind":"BooleanValue","value":true}},{"kind":"ObjectField","name":{"kind":"Name","value":"status"},"value":{"kind":"EnumValue","value":"ESCALATED"}}]}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"1"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}}]}}]} as unknown as DocumentNode<ReviewPage_CountsQuery, ReviewPage_CountsQueryVariables>;
export const ReviewPage_QueueDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ReviewPage_Queue"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"status"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ProblemStatus"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"problems"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"waitingForMe"},"value":{"kind":"BooleanValue","value":true}},{"kind":"ObjectField","name":{"kind":"Name","value":"status"},"value":{"kind":"Variable","name":{"kind":"Name","value":"status"}}}]}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"EnumValue","value":"OPENED_ASC"}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ReviewQueueTable_Problem"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CursorPager_PageInfo"}}]}},{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ReviewQueueTable_Problem"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Problem"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"scope"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"openedAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"overdue"}},{"kind":"Field","name":{"kind":"Name","value":"members"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"studentId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"school"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CursorPager_PageInfo"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PageInfo"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"hasPreviousPage"}},{"kind":"Field","name":{"kind":"Name","value":"startCursor"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]} as unknown as DocumentNode<ReviewPage_QueueQuery, ReviewPage_QueueQueryVariables>;
export const CheckPupil_MeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CheckPupil_Me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"role"}}]}}]}}]} as unknown as DocumentNode<CheckPupil_MeQuery, CheckPupil_MeQueryVariables>;
export const CheckPupil_CheckDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CheckPupil_Check"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CheckPupilInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"checkPupil"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"check"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"verdict"}},{"kind":"Field","name":{"kind":"Name","value":"idProblems"}},{"kind":"Field","name":{"kind":"Name","value":"studentId"}},{"kind":"Field","name":{"kind":"Name","value":"school"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"field"}}]}}]}}]}}]} as unknown as DocumentNode<CheckPupil_CheckQuery, CheckPupil_CheckQueryVariables>;
export const RestoreRecord_MeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RestoreRecord_Me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"role"}}]}}]}}]} as unknown as DocumentNode<RestoreRecord_MeQuery, RestoreRecord_MeQueryVariables>;
export const RestoreRecord_RestoreDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RestoreRecord_Restore"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"studentId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"reason"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"restoreStudent"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"studentId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"studentId"}}},{"kind":"Argument","name":{"kind":"Name","value":"reason"},"value":{"kind":"Variable","name":{"kind":"Name","value":"reason"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ok"}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"field"}}]}}]}}]}}]} as unknown as DocumentNode<RestoreRecord_RestoreMutation, RestoreRecord_RestoreMutationVariables>;
export const StudentPage_StudentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"StudentPage_Student"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"student"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"gender"}},{"kind":"Field","name":{"kind":"Name","value":"birthDate"}},{"kind":"Field","name":{"kind":"Name","value":"idType"}},{"kind":"Field","name":{"kind":"Name","value":"idNumberMasked"}},{"kind":"Field","name":{"kind":"Name","value":"ethnicity"}},{"kind":"Field","name":{"kind":"Name","value":"grade"}},{"kind":"Field","name":{"kind":"Name","value":"className"}},{"kind":"Field","name":{"kind":"Name","value":"enrollmentMonth"}},{"kind":"Field","name":{"kind":"Name","value":"householdRegion"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"transferredTo"}},{"kind":"Field","name":{"kind":"Name","value":"transferredAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"school"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"region"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"parent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"problems"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"scope"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"openedAt"}}]}}]}}]}}]} as unknown as DocumentNode<StudentPage_StudentQuery, StudentPage_StudentQueryVariables>;
export const StudentPage_IdNumberDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"StudentPage_IdNumber"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"student"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"idNumber"}}]}}]}}]} as unknown as DocumentNode<StudentPage_IdNumberQuery, StudentPage_IdNumberQueryVariables>;
export const StudentPage_ContinuationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"StudentPage_Continuation"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"student"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"school"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<StudentPage_ContinuationQuery, StudentPage_ContinuationQueryVariables>;
export const StudentsPage_StudentsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"StudentsPage_Students"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"StudentFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"students"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"StudentTable_Student"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CursorPager_PageInfo"}}]}},{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"StudentTable_Student"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Student"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"gender"}},{"kind":"Field","name":{"kind":"Name","value":"birthDate"}},{"kind":"Field","name":{"kind":"Name","value":"idNumberMasked"}},{"kind":"Field","name":{"kind":"Name","value":"grade"}},{"kind":"Field","name":{"kind":"Name","value":"className"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"school"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"region"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CursorPager_PageInfo"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PageInfo"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"hasPreviousPage"}},{"kind":"Field","name":{"kind":"Name","value":"startCursor"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]} as unknown as DocumentNode<StudentsPage_StudentsQuery, StudentsPage_StudentsQueryVariables>;
export const TransfersPage_MeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TransfersPage_Me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"school"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]} as unknown as DocumentNode<TransfersPage_MeQuery, TransfersPage_MeQueryVariables>;
export const TransfersPage_TransfersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TransfersPage_Transfers"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"TransferFilter"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"transfers"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"TransferTable_Transfer"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TransferSteps_Transfer"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Transfer"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"pupilName"}},{"kind":"Field","name":{"kind":"Name","value":"steps"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TransferStepDialog_Transfer"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Transfer"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"pupilName"}},{"kind":"Field","name":{"kind":"Name","value":"note"}},{"kind":"Field","name":{"kind":"Name","value":"approvalsNeeded"}},{"kind":"Field","name":{"kind":"Name","value":"fromSchool"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"toSchool"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TransferTable_Transfer"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Transfer"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"pupilName"}},{"kind":"Field","name":{"kind":"Name","value":"problemId"}},{"kind":"Field","name":{"kind":"Name","value":"note"}},{"kind":"Field","name":{"kind":"Name","value":"requestedAt"}},{"kind":"Field","name":{"kind":"Name","value":"dueAt"}},{"kind":"Field","name":{"kind":"Name","value":"overdue"}},{"kind":"Field","name":{"kind":"Name","value":"answeredAt"}},{"kind":"Field","name":{"kind":"Name","value":"answerReason"}},{"kind":"Field","name":{"kind":"Name","value":"approvalsNeeded"}},{"kind":"Field","name":{"kind":"Name","value":"approved"}},{"kind":"Field","name":{"kind":"Name","value":"fromSchool"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"region"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"toSchool"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"region"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"history"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"occurredAt"}},{"kind":"Field","name":{"kind":"Name","value":"actorName"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"TransferSteps_Transfer"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"TransferStepDialog_Transfer"}}]}}]} as unknown as DocumentNode<TransfersPage_TransfersQuery, TransfersPage_TransfersQueryVariables>;
export const ConfirmClassDialog_RosterDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConfirmClassDialog_Roster"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"grade"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"className"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"verificationCampaigns"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"EnumValue","value":"OPEN"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"classRoster"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"grade"},"value":{"kind":"Variable","name":{"kind":"Name","value":"grade"}}},{"kind":"Argument","name":{"kind":"Name","value":"className"},"value":{"kind":"Variable","name":{"kind":"Name","value":"className"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"gender"}},{"kind":"Field","name":{"kind":"Name","value":"birthDate"}}]}}]}}]}}]} as unknown as DocumentNode<ConfirmClassDialog_RosterQuery, ConfirmClassDialog_RosterQueryVariables>;
export const ConfirmClassDialog_ConfirmDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConfirmClassDialog_Confirm"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ConfirmClassInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"confirmClass"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ok"}},{"kind":"Field","name":{"kind":"Name","value":"campaignId"}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"field"}}]}}]}}]}}]} as unknown as DocumentNode<ConfirmClassDialog_ConfirmMutation, ConfirmClassDialog_ConfirmMutationVariables>;
export const CorrectRecordDialog_CorrectDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CorrectRecordDialog_Correct"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CorrectRecordInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"correctRecord"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ok"}},{"kind":"Field","name":{"kind":"Name","value":"campaignId"}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"field"}}]}}]}}]}}]} as unknown as DocumentNode<CorrectRecordDialog_CorrectMutation, CorrectRecordDialog_CorrectMutationVariables>;
export const ExpectedArrivals_ListDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ExpectedArrivals_List"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"expectedArrivals"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"campaignId"}},{"kind":"Field","name":{"kind":"Name","value":"pupilName"}},{"kind":"Field","name":{"kind":"Name","value":"note"}},{"kind":"Field","name":{"kind":"Name","value":"markedAt"}},{"kind":"Field","name":{"kind":"Name","value":"fromSchool"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}}]} as unknown as DocumentNode<ExpectedArrivals_ListQuery, ExpectedArrivals_ListQueryVariables>;
export const OpenCampaignDialog_OpenDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"OpenCampaignDialog_Open"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"OpenCampaignInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"openVerificationCampaign"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ok"}},{"kind":"Field","name":{"kind":"Name","value":"campaignId"}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"field"}}]}}]}}]}}]} as unknown as DocumentNode<OpenCampaignDialog_OpenMutation, OpenCampaignDialog_OpenMutationVariables>;
export const VerificationPage_MeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"VerificationPage_Me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"school"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]} as unknown as DocumentNode<VerificationPage_MeQuery, VerificationPage_MeQueryVariables>;
export const VerificationPage_CampaignsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"VerificationPage_Campaigns"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"registrar"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"verificationCampaigns"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"semester"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"dueAt"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"openedAt"}},{"kind":"Field","name":{"kind":"Name","value":"closedAt"}},{"kind":"Field","name":{"kind":"Name","value":"overdue"}},{"kind":"Field","name":{"kind":"Name","value":"schools"},"directives":[{"kind":"Directive","name":{"kind":"Name","value":"skip"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"if"},"value":{"kind":"Variable","name":{"kind":"Name","value":"registrar"}}}]}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"school"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"Field","name":{"kind":"Name","value":"classes"}},{"kind":"Field","name":{"kind":"Name","value":"classesDone"}},{"kind":"Field","name":{"kind":"Name","value":"pupils"}},{"kind":"Field","name":{"kind":"Name","value":"left"}},{"kind":"Field","name":{"kind":"Name","value":"changed"}},{"kind":"Field","name":{"kind":"Name","value":"done"}},{"kind":"Field","name":{"kind":"Name","value":"overdue"}},{"kind":"Field","name":{"kind":"Name","value":"escalatedAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"myClasses"},"directives":[{"kind":"Directive","name":{"kind":"Name","value":"include"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"if"},"value":{"kind":"Variable","name":{"kind":"Name","value":"registrar"}}}]}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"grade"}},{"kind":"Field","name":{"kind":"Name","value":"className"}},{"kind":"Field","name":{"kind":"Name","value":"pupils"}},{"kind":"Field","name":{"kind":"Name","value":"confirmedAt"}},{"kind":"Field","name":{"kind":"Name","value":"left"}},{"kind":"Field","name":{"kind":"Name","value":"changed"}}]}},{"kind":"Field","name":{"kind":"Name","value":"changedPupils"},"directives":[{"kind":"Directive","name":{"kind":"Name","value":"include"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"if"},"value":{"kind":"Variable","name":{"kind":"Name","value":"registrar"}}}]}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"student"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"gender"}},{"kind":"Field","name":{"kind":"Name","value":"birthDate"}},{"kind":"Field","name":{"kind":"Name","value":"idType"}},{"kind":"Field","name":{"kind":"Name","value":"grade"}},{"kind":"Field","name":{"kind":"Name","value":"className"}}]}},{"kind":"Field","name":{"kind":"Name","value":"note"}},{"kind":"Field","name":{"kind":"Name","value":"markedAt"}},{"kind":"Field","name":{"kind":"Name","value":"correctedAt"}}]}}]}}]}}]} as unknown as DocumentNode<VerificationPage_CampaignsQuery, VerificationPage_CampaignsQueryVariables>;
export const VerificationPage_CloseDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"VerificationPage_Close"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"campaignId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"closeVerificationCampaign"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"campaignId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"campaignId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ok"}},{"kind":"Field","name":{"kind":"Name","value":"campaignId"}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"field"}}]}}]}}]}}]} as unknown as DocumentNode<VerificationPage_CloseMutation, VerificationPage_CloseMutationVariables>;
export const AppHeader_WaitingDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AppHeader_Waiting"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"problems"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"waitingForMe"},"value":{"kind":"BooleanValue","value":true}}]}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"1"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}}]}}]} as unknown as DocumentNode<AppHeader_WaitingQuery, AppHeader_WaitingQueryVariables>;
export const AppLayout_MeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AppLayout_Me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"school"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"Field","name":{"kind":"Name","value":"region"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<AppLayout_MeQuery, AppLayout_MeQueryVariables>;