const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** A readable local date and time for an ISO timestamp or epoch milliseconds. */
export function formatDateTime(value: string | number): string {
  return dateTime.format(new Date(value));
}
