/** Every format of an access review, from the one model (review.ts); docs/rbac-review.md describes the JSON. */
import type { AccessReview } from './review.js';
import { renderReviewCsv } from './render-csv.js';
import { renderReviewHtml } from './render-html.js';
import { renderReviewTable } from './render-table.js';

export const REVIEW_FORMATS = ['table', 'json', 'csv', 'html'] as const;
export type ReviewFormat = (typeof REVIEW_FORMATS)[number];

export interface RenderOptions {
  /** For the table: colours, and the screen's width in columns. */
  color?: boolean;
  width?: number;
}

export function renderReviewJson(review: AccessReview): string {
  return `${JSON.stringify(review, null, 2)}\n`;
}

export function renderReview(review: AccessReview, format: ReviewFormat, options: RenderOptions = {}): string {
  switch (format) {
    case 'table':
      return renderReviewTable(review, { color: options.color ?? false, ...(options.width === undefined ? {} : { width: options.width }) });
    case 'json':
      return renderReviewJson(review);
    case 'csv':
      return renderReviewCsv(review);
    case 'html':
      return renderReviewHtml(review);
  }
}
