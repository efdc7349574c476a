// A writeup as a list of sections, and the rule for shrinking it to a length limit. Shrinking happens in a
// fixed order: per-finding detail goes first, then every long list (table rows, checklist groups, …) is cut to
// the same number of items, each cut announced in a line that says how many items are missing and where the
// full report is. Headings that must survive (the checklist's) are never removed.

/** A list that may be cut to its first items. */
export interface TruncatableList {
  /** Lines that precede the items and only make sense with at least one (a table's header). */
  head?: string;
  items: string[];
  separator: '\n' | '\n\n';
  /** The line shown in place of the items left out. */
  overflow: (left: number) => string;
}

export interface Section {
  heading: string;
  blocks: string[];
  list?: TruncatableList;
  /** Blocks after the list. */
  after?: string[];
  /** Per-finding detail: the first thing dropped when the document is too long. */
  detail?: boolean;
  /** Kept, at least as its heading, however short the limit (the verification checklist). */
  essential?: boolean;
}

export interface Document {
  /** The title line and the summary paragraph. */
  opening: string[];
  sections: Section[];
}

export interface Shrinking {
  /** Sentence shown in place of dropped detail. */
  detailDropped: string;
  /** Sentence shown under an essential section's heading when nothing else of the document fits. */
  nothingFits: string;
}

interface Limits {
  includeDetail: boolean;
  /** Most items any list may show. */
  maxItems: number;
}

function renderList(list: TruncatableList, maxItems: number): string[] {
  const shown = list.items.slice(0, maxItems);
  const left = list.items.length - shown.length;
  const parts: string[] = [];
  if (shown.length > 0)
    parts.push([...(list.head === undefined ? [] : [list.head]), shown.join(list.separator)].join('\n'));
  if (left > 0) parts.push(list.overflow(left));
  return parts;
}

function renderSection(section: Section, limits: Limits): string[] {
  return [
    section.heading,
    ...section.blocks,
    ...(section.list === undefined ? [] : renderList(section.list, limits.maxItems)),
    ...(section.after ?? []),
  ];
}

function render(document: Document, limits: Limits, shrinking: Shrinking): string {
  const parts = [...document.opening];
  let noteShown = false;
  for (const section of document.sections) {
    if (section.detail === true && !limits.includeDetail) {
      // One note for all dropped detail, where the first dropped section was.
      if (!noteShown) parts.push(shrinking.detailDropped);
      noteShown = true;
      continue;
    }
    parts.push(...renderSection(section, limits));
  }
  return `${parts.join('\n\n')}\n`;
}

/** The whole document, with every list in full. */
export function renderDocument(document: Document, shrinking: Shrinking): string {
  return render(document, { includeDetail: true, maxItems: Infinity }, shrinking);
}

/**
 * The longest rendering that fits in `maxLength` UTF-16 code units (never fewer code points than GitHub
 * counts). If even the smallest form is too long, the opening and the essential headings are all that is kept.
 */
export function renderDocumentWithin(document: Document, shrinking: Shrinking, maxLength: number): string {
  const full = renderDocument(document, shrinking);
  if (full.length <= maxLength) return full;

  const withoutDetail: Limits = { includeDetail: false, maxItems: Infinity };
  const text = render(document, withoutDetail, shrinking);
  if (text.length <= maxLength) return text;

  // Lengths grow with maxItems, so the largest cap that fits is found by bisection.
  const longest = Math.max(0, ...document.sections.map((section) => section.list?.items.length ?? 0));
  let fits = -1;
  let low = 0;
  let high = longest;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (render(document, { includeDetail: false, maxItems: middle }, shrinking).length <= maxLength) {
      fits = middle;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  if (fits >= 0) return render(document, { includeDetail: false, maxItems: fits }, shrinking);
  return renderSkeleton(document, shrinking, maxLength);
}

function renderSkeleton(document: Document, shrinking: Shrinking, maxLength: number): string {
  const essentials = document.sections
    .filter((section) => section.essential === true)
    .flatMap((section) => [section.heading, shrinking.nothingFits]);
  const withOpening = `${[...document.opening, ...essentials].join('\n\n')}\n`;
  if (withOpening.length <= maxLength) return withOpening;
  return `${[...document.opening.slice(0, 1), ...essentials].join('\n\n')}\n`;
}
