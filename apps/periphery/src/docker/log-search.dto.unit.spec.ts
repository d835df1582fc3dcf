import { validateDto } from '@monitor/contracts';
import { SearchComposeLogDto } from '../compose/compose.dto';
import { GetContainerLogSearchDto } from './docker.dto';

const fields = (result: ReturnType<typeof validateDto>) =>
  result.ok ? [] : [...new Set(result.errors.map((e) => e.field))].sort();

describe('log search DTOs: the shared search fields beside each target', () => {
  it('accepts a search of a container and of a compose project, Or by default', () => {
    const container = validateDto(GetContainerLogSearchDto, { name: 'web', terms: ['error'] });
    expect(container).toMatchObject({ ok: true, value: { combinator: 'Or' } });
    const project = validateDto(SearchComposeLogDto, {
      project: 'shop',
      services: ['api'],
      terms: ['error', 'warn'],
      combinator: 'And',
      invert: true,
    });
    expect(project).toMatchObject({ ok: true, value: { combinator: 'And', invert: true } });
  });

  it('refuses bad search fields and bad target fields, each by name', () => {
    const bad = { terms: [], combinator: 'Xor', invert: 'yes' };
    expect(fields(validateDto(GetContainerLogSearchDto, { name: '', ...bad }))).toEqual([
      'combinator',
      'invert',
      'name',
      'terms',
    ]);
    expect(
      fields(validateDto(SearchComposeLogDto, { project: 'shop', services: ['-x'], ...bad })),
    ).toEqual(['combinator', 'invert', 'services', 'terms']);
  });
});
