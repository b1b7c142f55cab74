import { session } from '../api';
import { h, replace } from '../dom';
import { here, type View } from '../router';
import { heading } from '../ui';

/**
 * Whether to draw an admin page. The API refuses non-admins anyway (403 from the authorizer);
 * this only spares them a page of errors and tells them why.
 */
export function adminOnly(view: View): boolean {
  if (!session.signedIn) {
    replace(view.main, heading('Admin'), h('p', null, h('a', { href: `#/login?next=${encodeURIComponent(here())}` }, 'Sign in'), ' with an admin account to continue.'));
    return false;
  }
  if (!session.isAdmin) {
    replace(view.main, heading('Admin'), h('p', { role: 'alert' }, 'This part of the shop is for admins only.'));
    return false;
  }
  return true;
}
