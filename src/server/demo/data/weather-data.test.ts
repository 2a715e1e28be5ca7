import { describe, expect, it } from 'vitest';
import { datasetDigest, datasetProfile, featureVector, loadWeather, parseWeather, splitWeather } from './weather-data';

describe('Seattle weather data preparation', () => {
  it('parses rows and drops incomplete or unknown ones', () => {
    const csv = 'date,precipitation,temp_max,temp_min,wind,weather\n2012-01-01,0.0,12.8,5.0,4.7,drizzle\n2012-01-02,,10.6,2.8,4.5,rain\n2012-01-03,0.8,x,7.2,2.3,rain\n2012-01-04,1,2,3,4,hail\n';
    expect(parseWeather(csv)).toEqual([{ date: '2012-01-01', precipitation: 0, temp_max: 12.8, temp_min: 5, wind: 4.7, weather: 'drizzle' }]);
  });

  it('splits by year: fit 2012–2013, validation 2014, held-out 2015', () => {
    const split = splitWeather(loadWeather());
    expect(split.fit).toHaveLength(731);
    expect(split.validation).toHaveLength(365);
    expect(split.training).toHaveLength(1096);
    expect(split.heldOut).toHaveLength(365);
    expect(split.fit.every((d) => d.date < '2014')).toBe(true);
    expect(split.heldOut.every((d) => d.date.startsWith('2015'))).toBe(true);
  });

  it('builds feature vectors in the requested order', () => {
    const [day] = loadWeather();
    expect(featureVector(day!, ['wind', 'temp_max'])).toEqual([4.7, 12.8]);
  });

  it('digests content (changes with any value) and profiles rows', () => {
    const days = loadWeather().slice(0, 10);
    const digest = datasetDigest(days);
    expect(digest).toMatch(/^[0-9a-f]{16}$/);
    expect(datasetDigest([{ ...days[0]!, wind: 9 }, ...days.slice(1)])).not.toBe(digest);
    const profile = datasetProfile(days) as { num_rows: number; classes: Record<string, number> };
    expect(profile.num_rows).toBe(10);
    expect(Object.values(profile.classes).reduce((a, b) => a + b, 0)).toBe(10);
  });
});
