import { Navigate } from 'react-router';
import { paths } from '../../../config/paths';

export function Component() {
  return <Navigate to={paths.settings.profile.href()} replace />;
}
