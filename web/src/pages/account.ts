// Signing up and in. After either, the shopper goes back where they were (`next`).

import { api, session } from '../api';
import { h, replace } from '../dom';
import { navigate, type View } from '../router';
import { alertBox, field, heading, input, submitting, toast } from '../ui';

/** Whether a hash is the sign-in or sign-up form: never a page to come back to after signing in. */
export function isSignInForm(hash: string): boolean {
  return /^#\/(login|signup)(\?|$)/.test(hash);
}

/** Only a hash of this shop's own (#/…) is followed after signing in: never another site. */
function nextOf(view: View): string {
  const next = view.query.get('next') ?? '';
  const ours = /^#\/[^/]/.test(next) || next === '#/';
  // Back to the sign-in or sign-up form would be a loop.
  return ours && !isSignInForm(next) ? next : '#/';
}

export function loginPage(view: View): void {
  const alert = alertBox();
  const email = input({ type: 'email', name: 'email', autocomplete: 'username', required: true });
  const password = input({ type: 'password', name: 'password', autocomplete: 'current-password', required: true });
  const form = h(
    'form',
    { class: 'narrow', novalidate: true },
    alert,
    field('Email', email, '/email').wrapper,
    field('Password', password, '/password').wrapper,
    h('button', { type: 'submit' }, 'Sign in'),
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const done = await submitting(form, alert, () => session.signIn(email.value, password.value));
    if (done) {
      toast(`Signed in as ${session.profile?.name ?? email.value}`);
      navigate(nextOf(view));
    }
  });
  const signup = `#/signup${view.query.get('next') ? `?next=${encodeURIComponent(nextOf(view))}` : ''}`;
  replace(view.main, heading('Sign in'), form, h('p', null, 'New here? ', h('a', { href: signup }, 'Create an account')));
}

export function signupPage(view: View): void {
  const alert = alertBox();
  const name = input({ name: 'name', autocomplete: 'name', required: true, maxlength: 100 });
  const email = input({ type: 'email', name: 'email', autocomplete: 'email', required: true, maxlength: 254 });
  const password = input({ type: 'password', name: 'password', autocomplete: 'new-password', required: true, minlength: 12, maxlength: 128 });
  const form = h(
    'form',
    { class: 'narrow', novalidate: true },
    alert,
    field('Your name', name, '/name').wrapper,
    field('Email', email, '/email').wrapper,
    field('Password', password, '/password', 'At least 12 characters, and not an easy one to guess: a few unrelated words work well.').wrapper,
    h('button', { type: 'submit' }, 'Create account'),
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const done = await submitting(form, alert, async () => {
      await api.post('/auth/signup', { name: name.value, email: email.value, password: password.value });
      await session.signIn(email.value, password.value);
    });
    if (done) {
      toast(`Welcome, ${session.profile?.name ?? name.value}`);
      navigate(nextOf(view));
    }
  });
  replace(view.main, heading('Create an account'), form, h('p', null, 'Have one? ', h('a', { href: '#/login' }, 'Sign in')));
}
