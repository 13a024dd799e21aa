/**
 * Set while the user signs out on purpose, so the requests that fail with 401 in the meantime do
 * not redirect to `/login?next=…` (which would bring them back to the page they just left).
 */
let signingOut = false;

export function beginSignOut(): void {
  signingOut = true;
}

export function isSigningOut(): boolean {
  return signingOut;
}
