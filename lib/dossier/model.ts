/**
 * The dossier as the domain sees it. Every module speaks these types; nothing here touches the DOM,
 * the browser or the database.
 */

/** The fields a dossier list column can hold (docs/domain.md, "What the reader must do", step 2). */
export const DOSSIER_FIELDS = [
  'code',
  'procedure',
  'sector',
  'applicant',
  'received',
  'due',
  'closed',
  'status',
  'unit',
  'handler',
  'overdue',
] as const;
export type DossierField = (typeof DOSSIER_FIELDS)[number];

/** A calendar day as `yyyy-MM-dd` (Vietnam time), with the time of day when the portal shows one. */
export interface PortalDate {
  /** `yyyy-MM-dd`; compares correctly as a string. */
  day: string;
  /** `HH:mm` or `HH:mm:ss` when the cell had a time, else undefined. */
  time?: string;
}

/**
 * The fields a read may not show (no column, a column scrolled out of view, no labelled value): only the
 * code makes a dossier. The appointment is unknown on a list read with the portal's verdict alone.
 */
export const OPTIONAL_FIELDS = ['procedure', 'sector', 'applicant', 'received', 'closed', 'status', 'unit', 'handler', 'due'] as const;
export type OptionalField = (typeof OPTIONAL_FIELDS)[number];

/** One dossier as read from a portal row: text fields already normalised (NFC, single spaces). */
export interface ReadDossier {
  code: string;
  procedure: string;
  sector: string;
  applicant: string;
  /** null where the page has no receipt column (or the cell is empty). */
  received: PortalDate | null;
  /**
   * The appointment; null where the page does not show it (a list read with the portal's verdict, such
   * as an overdue-days list without dates): `unmapped` then holds 'due', and a stored appointment stays.
   */
  due: PortalDate | null;
  /** null when not closed, or when the page has no closing-date column. */
  closed: PortalDate | null;
  status: string;
  unit: string;
  /** The staff member handling it, where the list has such a column (absent where it never had one). */
  handler?: string;
  /**
   * The portal's own verdict where the row shows one (a status such as "Trễ hạn", "Đã quá hạn 3 ngày",
   * an overdue-days cell above 0); absent where it shows none. See docs/domain.md, "The portal's own verdict".
   */
  verdict?: PortalVerdict;
  /**
   * The fields the row's table has no column for. Their values above are empty or null because the
   * page does not show them, not because they are empty: the store keeps what it already knows.
   */
  unmapped?: OptionalField[];
}

/** Why a row could not be read; the UI turns it into a sentence in the user's language. */
export type UnreadableReason =
  | { kind: 'bad-date'; field: 'received' | 'due' | 'closed'; text: string }
  | { kind: 'missing-due'; text: string }
  | { kind: 'missing-code' };

/** A row that looks like a dossier but cannot be trusted; kept with its raw text, never classified. */
export interface UnreadableRow {
  /** 0-based index of the row among the table's body rows. */
  rowIndex: number;
  /** The code if one could be read, else ''. */
  code: string;
  reason: UnreadableReason;
  /** The row's cells as text (normalised), by field where mapped. */
  raw: Partial<Record<DossierField, string>>;
}

/** The portal's own verdict on a row: late on the system, or not. */
export type PortalVerdict = 'late' | 'not-late';

/** System state (docs/domain.md, "Lateness on the system"). */
export type SystemState = 'late-unclosed' | 'late-closed' | 'not-late';

/** Real outcome of a tagged dossier (docs/domain.md). */
export type RealOutcome = 'early' | 'on-time' | 'late';

/** A staff tag: the day the citizen really received the result, and why the system shows it late. */
export interface DossierTag {
  /** `yyyy-MM-dd`. */
  realReturn: string;
  /** `HH:mm` where staff gave the time of day of the return; absent for a bare day. */
  time?: string;
  /** Staff reason; empty means "use the default sentence for the system state". */
  reason: string;
  note: string;
  /** Staff name from options at the time of tagging. */
  by: string;
  /** Epoch milliseconds. */
  at: number;
}

/** What staff give when tagging (the background adds who and when): the one shape of a tag request. */
export type TagInput = Pick<DossierTag, 'realReturn' | 'reason' | 'note' | 'time'>;

/** A dossier as the extension stores it: the latest values read, when and where, and the staff tag. */
export interface StoredDossier extends ReadDossier {
  /** Epoch milliseconds of the first and the latest read. */
  firstSeen: number;
  lastSeen: number;
  /** The portal page (URL without query noise) where it was last read. */
  pageUrl: string;
  tag?: DossierTag;
  /** The latest tag decision (a tag or its removal: a tombstone), stamped by the background; see docs/architecture.md. */
  decision?: { id: string; at: number };
  /** A later read whose appointment or closing differs from a tagged dossier's: kept aside, not written over it. */
  pendingRead?: { due: PortalDate | null; closed: PortalDate | null; at: number };
}

/**
 * What a page learns of a stored dossier besides its tag: the id of its latest decision (so that an
 * edit can name the decision it started from), and a read kept aside with the stored dates it differs
 * from (so that the row can say which dates the tag was decided against).
 */
export interface DecisionState {
  /** The latest decision's id (a tag or a removal); null when no decision was ever made. */
  decision: string | null;
  pendingRead?: NonNullable<StoredDossier['pendingRead']> & { stored: { due: PortalDate | null; closed: PortalDate | null } };
}

/** The decision state of a stored dossier, or null when there is nothing to tell (never decided, nothing kept aside). */
export function decisionStateOf(dossier: Pick<StoredDossier, 'decision' | 'pendingRead' | 'due' | 'closed'>): DecisionState | null {
  if (!dossier.decision && !dossier.pendingRead) return null;
  const state: DecisionState = { decision: dossier.decision?.id ?? null };
  if (dossier.pendingRead) state.pendingRead = { ...dossier.pendingRead, stored: { due: dossier.due, closed: dossier.closed } };
  return state;
}
