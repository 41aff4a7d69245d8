import { planRateLimitedPages } from './rate-limit.planner';

describe('planRateLimitedPages', () => {
  it('sends everything alone within the budget', () => {
    expect(planRateLimitedPages([1, 2, 3], 2, 5)).toEqual({ sendAlone: [1, 2, 3], bundle: null, defer: [] });
  });

  it('bundles everything past the last free slot into one page', () => {
    expect(planRateLimitedPages([1, 2, 3, 4, 5, 6, 7, 8], 0, 5)).toEqual({
      sendAlone: [1, 2, 3, 4],
      bundle: { representative: 5, absorbed: [6, 7, 8] },
      defer: [],
    });
    expect(planRateLimitedPages([1, 2, 3], 4, 5)).toEqual({ sendAlone: [], bundle: { representative: 1, absorbed: [2, 3] }, defer: [] });
  });

  it('defers everything when the minute is used up', () => {
    expect(planRateLimitedPages([1, 2], 5, 5)).toEqual({ sendAlone: [], bundle: null, defer: [1, 2] });
    expect(planRateLimitedPages([1], 7, 5)).toEqual({ sendAlone: [], bundle: null, defer: [1] });
  });
});
