// Where a report file may be uploaded (issue 19): Teams', SharePoint's and OneDrive's hosts over https, and
// this machine only in the local mode.
import assert from 'node:assert/strict';
import { provaUppladdningsadress } from '../../src/domain/uppladdning.js';

describe('uppladdningsadressen: bara Teams värdar, och loopback lokalt', () => {
  it('tar SharePoint och OneDrive över https', () => {
    for (const adress of [
      'https://contoso-my.sharepoint.com/personal/alex_contoso_com/_api/v2.0/drive/items/x/uploadSession?guid=1',
      'https://CONTOSO-MY.SharePoint.com/personal/a/upload',
      'https://contoso-my.sharepoint.com:443/x',
      'https://contoso.sharepoint.us/x',
      'https://contoso-my.sharepoint.com./x',
      'https://api.onedrive.com/v1.0/drive/x',
    ])
      assert.equal(provaUppladdningsadress(adress, false).ok, true, adress);
  });

  it('vägrar allt annat, med en orsak på svenska', () => {
    for (const [adress, orsak] of [
      ['https://sharepoint.com.evil.example/x', /inte en av Teams/],
      ['https://evilsharepoint.com/x', /inte en av Teams/],
      ['https://example.com/x', /inte en av Teams/],
      ['http://contoso-my.sharepoint.com/x', /inte krypterad/],
      ['ftp://contoso-my.sharepoint.com/x', /inte krypterad/],
      ['https://contoso-my.sharepoint.com:8443/x', /porten 8443/],
      ['https://a:b@contoso-my.sharepoint.com/x', /inloggningsuppgifter/],
      ['https://169.254.169.254/latest/meta-data', /inte en av Teams/],
      ['', /ingen adress/],
      ['sharepoint.com', /går inte att läsa/],
    ] as const) {
      const prov = provaUppladdningsadress(adress, false);
      assert.equal(prov.ok, false, adress);
      if (!prov.ok) assert.match(prov.orsak, orsak, adress);
    }
    assert.equal(provaUppladdningsadress(undefined, true).ok, false);
    assert.equal(provaUppladdningsadress(42, true).ok, false);
  });

  it('den här datorn bara i lokalt läge (Playground och tester)', () => {
    for (const adress of ['http://127.0.0.1:56150/upload', 'http://localhost:3000/x', 'http://[::1]:8080/x', 'https://127.0.0.1/x']) {
      assert.equal(provaUppladdningsadress(adress, true).ok, true, adress);
      const prov = provaUppladdningsadress(adress, false);
      assert.equal(prov.ok, false, adress);
      if (!prov.ok) assert.match(prov.orsak, /bara tar emot filer i lokalt läge/);
    }
    assert.equal(provaUppladdningsadress('http://10.0.0.5/x', true).ok, false, 'another machine on the network is not loopback');
  });
});
