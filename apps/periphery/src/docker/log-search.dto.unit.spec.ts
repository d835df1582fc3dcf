import * as v from 'valibot';
import { SearchComposeLogDto } from '../compose/compose.dto';
import { badFields } from '../testing/bad-fields';
import { GetContainerLogSearchDto } from './docker.dto';

describe('log search schemas: the shared search fields beside each target', () => {
  it('accepts a search of a container and of a compose project, Or by default', () => {
    const container = v.parse(GetContainerLogSearchDto, { name: 'web', terms: ['error'] });
    expect(container).toMatchObject({ combinator: 'Or' });
    const project = v.parse(SearchComposeLogDto, {
      project: 'shop',
      services: ['api'],
      terms: ['error', 'warn'],
      combinator: 'And',
      invert: true,
    });
    expect(project).toMatchObject({ combinator: 'And', invert: true });
  });

  it('refuses bad search fields and bad target fields, each by name', () => {
    const bad = { terms: [], combinator: 'Xor', invert: 'yes' };
    expect(badFields(GetContainerLogSearchDto, { name: '', ...bad }).sort()).toEqual([
      'combinator',
      'invert',
      'name',
      'terms',
    ]);
    expect(
      badFields(SearchComposeLogDto, { project: 'shop', services: ['-x'], ...bad })
        .map((field) => field.replace(/\.\d+$/, ''))
        .sort(),
    ).toEqual(['combinator', 'invert', 'services', 'terms']);
  });
});
