import { noteReplyText } from './slack-incident.listener';

describe('noteReplyText', () => {
  it('names the author and keeps the note as typed, line breaks included', () => {
    expect(noteReplyText('Ada Lovelace', 'Rolled back\nwatching')).toBe(':memo: *Note from Ada Lovelace:*\nRolled back\nwatching');
  });

  it("escapes Slack's control characters, so a note cannot mention @channel or forge a link", () => {
    expect(noteReplyText('ops <bot>', 'see <!channel> & <https://evil.example|docs>')).toBe(
      ':memo: *Note from ops &lt;bot&gt;:*\nsee &lt;!channel&gt; &amp; &lt;https://evil.example|docs&gt;',
    );
  });

  it('an author without a name is "someone"', () => {
    expect(noteReplyText(null, 'x')).toBe(':memo: *Note from someone:*\nx');
  });
});
