import { describe, expect, it } from 'vitest';
import { createI18n } from '../i18n/createI18n.ts';
import { ApiError } from './apiError.ts';
import { errorMessage } from './errorMessage.ts';

const zh = createI18n('zh-CN');
const context = { t: zh.t, serverNowMs: 1_000_000, formatTime: (ms: number) => `T${ms}` };

describe('error messages', () => {
  it('says wrong password, locked until when, and how long to wait, each in its own words', () => {
    expect(errorMessage(new ApiError('TWIN_ERR_AUTH_LOGIN_FAILED', 'wrong', 401), context)).toBe('用户名或密码错误。');
    expect(errorMessage(new ApiError('TWIN_ERR_AUTH_LOCKED', 'locked', 423, { lockedUntilMs: 1_000_000 + 14 * 60_000 + 1 }), context)).toBe(
      '账户因连续登录失败已被锁定，将于 T1840001 解锁（约 15 分钟后）。',
    );
    expect(errorMessage(new ApiError('TWIN_ERR_AUTH_RATE_LIMITED', 'slow down', 429, { retryAfterS: 42 }), context)).toBe('尝试过于频繁，请 42 秒后再试。');
    expect(errorMessage(new ApiError('TWIN_ERR_AUTH_DISABLED', 'disabled', 403), context)).toBe('该账户已被停用，请联系系统管理员。');
  });

  it('falls back to the code when the details are missing', () => {
    expect(errorMessage(new ApiError('TWIN_ERR_AUTH_LOCKED', 'locked', 423), context)).toBe('账户因连续登录失败已被锁定，请稍后再试。');
  });

  it('speaks English when asked', () => {
    const en = createI18n('en');
    expect(errorMessage(new ApiError('NETWORK', 'fetch failed', 0), { ...context, t: en.t })).toBe('Cannot reach the server. Please check the network.');
  });

  it('names what went wrong for failures that are not the server’s', () => {
    expect(errorMessage(new Error('boom'), context)).toBe('发生意外错误：boom');
  });
});
