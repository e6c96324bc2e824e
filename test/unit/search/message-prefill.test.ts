import { prefillFrom } from '../../../bot/message-extension/message-prefill';

const on = (content: string, contentType = 'html') => prefillFrom({ commandId: 'shareToPlc', messagePayload: { body: { content, contentType } } });

describe('the share form prefilled from a message', () => {
  test('when a plain-text message ends a sentence with a link, then the link is taken without the full stop', () => {
    expect(on('See https://example.org/a-b_c.', 'text')).toEqual({ title: 'See', url: 'https://example.org/a-b_c', note: 'See https://example.org/a-b_c.' });
  });

  test('when a message has only an http link, then no link is prefilled (https only)', () => {
    expect(on('<p>Old site http://example.org/x</p>').url).toBe('');
  });

  test('when a message holds hidden characters and markup, then the note is the text as a reader sees it', () => {
    const filled = on('<div>Line\u202Eone<br>Line &lt;two&gt;</div>');
    expect(filled.note).toBe('Lineone\nLine <two>');
    expect(filled.title).toBe('Lineone');
  });

  test('when the message is longer than a note may be, then the note is cut to 1,000 characters and the title to 200', () => {
    const filled = on(`<p>${'ŵ'.repeat(5000)}</p>`);
    expect(filled.note.length).toBeLessThanOrEqual(1000);
    expect(filled.title.length).toBeLessThanOrEqual(200);
  });

  test('when the action is started from the compose box (no message), then everything starts empty', () => {
    expect(prefillFrom({ commandId: 'shareToPlc', commandContext: 'compose' })).toEqual({ title: '', url: '', note: '' });
  });
});
