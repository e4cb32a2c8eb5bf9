import { describe, expect, it } from 'vitest';
import { hrefOf, parseRoute, sectionOf } from '../../../renderer/src/app/routes.js';
import { channelUpdateOf, channelValues } from '../../../renderer/src/channels/channelSettingsValues.js';
import { channelSettingsUpdateInput, type ChannelSettingsView } from '../../../shared/api/channels.js';
import { DEFAULT_CHANNEL_SETTINGS } from '../../../shared/channels/settings.js';

describe('routes of the channel screens', () => {
  it('Settings → Email & SMS and Calls have their fragments and sections', () => {
    expect(parseRoute('#/settings/channels')).toEqual({ name: 'channelSettings' });
    expect(hrefOf({ name: 'channelSettings' })).toBe('#/settings/channels');
    expect(sectionOf({ name: 'channelSettings' })).toBe('settings');
    expect(parseRoute('#/calls')).toEqual({ name: 'calls' });
    expect(hrefOf({ name: 'calls' })).toBe('#/calls');
    expect(sectionOf({ name: 'calls' })).toBe('calls');
    expect(parseRoute('#/calls/x')).toEqual({ name: 'clients' });
  });
});

describe('the Email & SMS form', () => {
  const view: ChannelSettingsView = {
    email: { ...DEFAULT_CHANNEL_SETTINGS.email, host: 'smtp.example.com', hasPassword: true },
    sms: { ...DEFAULT_CHANNEL_SETTINGS.sms, headers: [{ name: 'X-Api-Key', secret: true, value: '', hasValue: true }] },
    secretStore: 'memory',
  };

  it('keeps a stored password and secret header when their boxes are left empty', () => {
    const update = channelUpdateOf(channelValues(view));
    expect(update.email).not.toHaveProperty('password');
    expect(update.sms?.headers).toEqual([{ name: 'X-Api-Key', secret: true }]);
    expect(channelSettingsUpdateInput.safeParse(update).success).toBe(true);
  });

  it('sends a new password, removes one on request, and leaves a mistyped number for the backend to name', () => {
    const values = channelValues(view);
    expect(channelUpdateOf({ ...values, password: 'n3w' }).email).toMatchObject({ password: 'n3w' });
    expect(channelUpdateOf({ ...values, removePassword: true }).email).toMatchObject({ password: null });
    const wrong = channelSettingsUpdateInput.safeParse(JSON.parse(JSON.stringify(channelUpdateOf({ ...values, port: '25a' }))));
    expect(wrong.success).toBe(false);
    expect(wrong.error?.issues[0]?.path).toEqual(['email', 'port']);
  });
});
