import { loadConfig, isLocalMode } from '../../bot/config';

describe('settings from the environment', () => {
  it('when nothing is set, then Cefnogi runs locally on port 3978 with the embedded store in ./.data', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ PORT: 3978, DATA_DIR: './.data', COSMOS_DATABASE: 'cefnogi', ALLOWED_TENANT_IDS: [] });
    expect(config.COSMOS_ENDPOINT).toBeUndefined();
    expect(isLocalMode(config)).toBe(true);
  });

  it('when the allow-list and admin ids are given with spaces and capitals, then they are read as lower-case lists', () => {
    const config = loadConfig({
      ALLOWED_TENANT_IDS: ' AAAAAAAA-0000-4000-8000-000000000001 , bbbbbbbb-0000-4000-8000-000000000002',
      ADMIN_AAD_OBJECT_IDS: 'CCCCCCCC-0000-4000-8000-000000000003',
    });
    expect(config.ALLOWED_TENANT_IDS).toEqual(['aaaaaaaa-0000-4000-8000-000000000001', 'bbbbbbbb-0000-4000-8000-000000000002']);
    expect(config.ADMIN_AAD_OBJECT_IDS).toEqual([{ objectId: 'cccccccc-0000-4000-8000-000000000003' }]);
  });

  const APP = { BOT_ID: '0b5e3c1a-1111-4222-8333-944445555666', BOT_PASSWORD: 'x' };

  it('when BOT_ID is set and ALLOWED_TENANT_IDS is empty or unset, then start-up stops naming ALLOWED_TENANT_IDS and saying how to serve any tenant', () => {
    for (const env of [APP, { ...APP, ALLOWED_TENANT_IDS: '' }, { ...APP, ALLOWED_TENANT_IDS: ' , ' }]) {
      expect(() => loadConfig(env)).toThrow(/ALLOWED_TENANT_IDS: is required when BOT_ID is set.*write \* to serve any tenant/);
    }
  });

  it('when BOT_ID is set and ALLOWED_TENANT_IDS is *, then Cefnogi starts and serves any tenant', () => {
    const config = loadConfig({ ...APP, ALLOWED_TENANT_IDS: ' * ' });
    expect(isLocalMode(config)).toBe(false);
    expect(config.ALLOWED_TENANT_IDS).toEqual([]);
  });

  it('when BOT_ID is set and ALLOWED_TENANT_IDS lists a tenant, then only that tenant is served', () => {
    expect(loadConfig({ ...APP, ALLOWED_TENANT_IDS: 'AAAAAAAA-0000-4000-8000-000000000001' }).ALLOWED_TENANT_IDS).toEqual(['aaaaaaaa-0000-4000-8000-000000000001']);
  });

  it('when BOT_ID is unset, then an empty allow-list or * both serve any tenant (local mode)', () => {
    expect(loadConfig({ ALLOWED_TENANT_IDS: '' }).ALLOWED_TENANT_IDS).toEqual([]);
    expect(loadConfig({ ALLOWED_TENANT_IDS: '*' }).ALLOWED_TENANT_IDS).toEqual([]);
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ BOT_TYPE: 'Anyone' }, 'BOT_TYPE'],
    [{ BOT_ID: 'my-bot' }, 'BOT_ID'],
    [{ BOT_ID: '0b5e3c1a-1111-4222-8333-944445555666' }, 'BOT_PASSWORD'],
    [{ BOT_ID: '0b5e3c1a-1111-4222-8333-944445555666', BOT_PASSWORD: 'x', BOT_TYPE: 'SingleTenant' }, 'BOT_TENANT_ID'],
    [{ COSMOS_ENDPOINT: 'cosmos.example' }, 'COSMOS_ENDPOINT'],
    [{ COSMOS_DATABASE: 'bad name!' }, 'COSMOS_DATABASE'],
    [{ ALLOWED_TENANT_IDS: 'contoso' }, 'ALLOWED_TENANT_IDS'],
    [{ ALLOWED_TENANT_IDS: '*,aaaaaaaa-0000-4000-8000-000000000001' }, 'ALLOWED_TENANT_IDS'],
    [{ ALLOWED_TENANT_IDS: '**' }, 'ALLOWED_TENANT_IDS'],
    [{ ADMIN_AAD_OBJECT_IDS: 'x,y' }, 'ADMIN_AAD_OBJECT_IDS'],
  ])('when %j is set, then start-up stops with a message naming %s', (env, name) => {
    expect(() => loadConfig(env)).toThrow(new RegExp(`\\b${name}\\b`));
  });

  it('when a secret is set and a setting is bad, then the message does not contain the secret', () => {
    try {
      loadConfig({ BOT_PASSWORD: 'sup3r-s3cret', PORT: 'x' });
      throw new Error('expected a ConfigError');
    } catch (err) {
      expect((err as Error).message).not.toContain('sup3r-s3cret');
    }
  });
});
