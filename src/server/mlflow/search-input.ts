import { invalidParameter } from '../errors';
import { SearchSyntaxError } from '../../shared/search/search-syntax-error';

/** Runs a search-grammar parse, answering a syntax error as INVALID_PARAMETER_VALUE with its position. */
export function parsedOrInvalid<T>(parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    if (error instanceof SearchSyntaxError) throw invalidParameter(error.message, [{ path: 'filter', message: error.reason, start: error.start, end: error.end }]);
    throw error;
  }
}
