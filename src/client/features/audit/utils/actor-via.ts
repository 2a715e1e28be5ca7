/** How an actor authenticated, as people say it (`actor_via` values are documented in the contract). */
export function describeVia(via: string): string {
  const [method, id] = via.split(':');
  switch (method) {
    case 'session':
      return 'session';
    case 'token':
      return `API token #${id}`;
    case 'basic-token':
      return `API token #${id} (Basic)`;
    case 'basic-password':
      return 'password (Basic)';
    case 'proxy':
      return 'SSO';
    case 'cli':
      return 'command line';
    case 'system':
      return 'Sextant itself';
    case 'none':
      return 'not signed in';
    default:
      return via;
  }
}
