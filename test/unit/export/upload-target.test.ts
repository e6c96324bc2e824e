import { isAllowedUploadTarget } from '../../../bot/export/upload-target';

const connector = 'http://127.0.0.1:4310/';

describe('where a file may be uploaded', () => {
  it('when Teams gives an https upload session, then it is allowed, in local mode or not', () => {
    const url = 'https://hwb-my.sharepoint.com/personal/me/_api/v2.0/drive/items/upload?token=abc';
    expect(isAllowedUploadTarget(url, { localMode: false, serviceUrl: 'https://smba.trafficmanager.net/uk/' })).toBe(true);
    expect(isAllowedUploadTarget(url, { localMode: true, serviceUrl: connector })).toBe(true);
  });

  it('when the address is plain http, then only the local connector itself, in local mode, is allowed', () => {
    expect(isAllowedUploadTarget(`${connector}upload/1`, { localMode: true, serviceUrl: connector })).toBe(true);
    expect(isAllowedUploadTarget(`${connector}upload/1`, { localMode: false, serviceUrl: connector })).toBe(false);
    expect(isAllowedUploadTarget('http://127.0.0.1:4311/upload/1', { localMode: true, serviceUrl: connector })).toBe(false);
    expect(isAllowedUploadTarget('http://hwb-my.sharepoint.com/upload', { localMode: true, serviceUrl: connector })).toBe(false);
  });

  it('when the address is not a URL, another scheme, or carries credentials, then it is refused', () => {
    for (const url of ['not a url', 'ftp://files.example.org/x', 'file:///etc/passwd', 'https://user:pw@hwb-my.sharepoint.com/x', 'javascript:alert(1)']) {
      expect(isAllowedUploadTarget(url, { localMode: true, serviceUrl: connector })).toBe(false);
    }
  });
});
