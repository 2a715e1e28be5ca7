import { describe, expect, it } from 'vitest';
import { Admission } from './admission';

describe('admission', () => {
  it('lets maxActive in, queues up to maxWaiting in arrival order and refuses the rest', async () => {
    const admission = new Admission(2, 2);
    const first = await admission.enter();
    const second = await admission.enter();
    const order: string[] = [];
    const third = admission.enter().then((release) => (order.push('third'), release));
    const fourth = admission.enter().then((release) => (order.push('fourth'), release));
    expect(await admission.enter()).toBeNull();
    expect([admission.running, admission.waiting]).toEqual([2, 2]);

    first?.();
    first?.(); // a second release gives back nothing more
    const thirdRelease = await third;
    expect(order).toEqual(['third']);
    expect([admission.running, admission.waiting]).toEqual([2, 1]);

    second?.();
    const fourthRelease = await fourth;
    expect(order).toEqual(['third', 'fourth']);
    thirdRelease?.();
    fourthRelease?.();
    expect([admission.running, admission.waiting]).toEqual([0, 0]);
  });
});
