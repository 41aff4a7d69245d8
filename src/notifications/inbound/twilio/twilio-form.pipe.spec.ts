import { ValidationError } from '../../../common/errors';
import { readTwilioForm } from './twilio-form.pipe';

describe('readTwilioForm', () => {
  it('returns the named fields and ignores the others', () => {
    expect(readTwilioForm({ MessageSid: 'SM1', From: '+1', Body: 'ack', NumMedia: ['0', '1'] }, ['MessageSid', 'From'], ['Body'])).toEqual({
      MessageSid: 'SM1',
      From: '+1',
      Body: 'ack',
    });
    expect(readTwilioForm({ MessageSid: 'SM1' }, ['MessageSid'], ['Body'])).toEqual({ MessageSid: 'SM1' });
  });

  it('names every repeated or missing field in one 400', () => {
    let thrown: unknown;
    try {
      readTwilioForm({ Body: ['a', 'b'], From: { x: '1' } }, ['MessageSid', 'From'], ['Body']);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(ValidationError);
    expect((thrown as ValidationError).errors).toEqual([
      { field: 'MessageSid', message: 'is required' },
      { field: 'From', message: 'must be sent once, as text' },
      { field: 'Body', message: 'must be sent once, as text' },
    ]);
  });

  it('reads nothing from the prototype', () => {
    expect(() => readTwilioForm({}, ['constructor'])).toThrow(ValidationError);
    expect(readTwilioForm(undefined, [], ['toString'])).toEqual({});
  });
});
