import { isImageReference } from './runtime-syntax';

describe('image references', () => {
  it.each([
    'busybox',
    'library/busybox:1.36',
    'ghcr.io/owner/app:v1.2.3',
    '127.0.0.1:5000/team/app_name:latest',
    'localhost/app',
    `registry.example.com/app@sha256:${'a'.repeat(64)}`,
    `app:1@sha256:${'b'.repeat(64)}`,
  ])('accepts %s', (image) => expect(isImageReference(image)).toBe(true));

  it.each([
    '',
    'app name',
    'app;rm -rf /',
    '$(id)',
    'app?x=1',
    'app#x',
    'a/../../containers/x',
    '../x',
    './x',
    'a//b',
    '-app',
    'app:',
    'x'.repeat(513),
  ])('refuses %j', (image) => expect(isImageReference(image)).toBe(false));
});
