import { describe, expect, it } from 'vitest';
import { mapConfig } from './MapView';

function doc(head: string): Document {
  return new DOMParser().parseFromString(`<html><head>${head}</head><body></body></html>`, 'text/html');
}

describe('mapConfig', () => {
  it("takes the server's tile URL and attribution from the index", () => {
    expect(
      mapConfig(
        doc(
          '<meta name="sehub:map-tiles" content="https://tiles.example/{z}/{x}/{y}.png"><meta name="sehub:map-attribution" content="© Example">',
        ),
      ),
    ).toEqual({ tileUrl: 'https://tiles.example/{z}/{x}/{y}.png', attribution: '© Example' });
  });

  it('turns the map off when the server says so (empty), and uses OpenStreetMap without the tag', () => {
    expect(mapConfig(doc('<meta name="sehub:map-tiles" content="">')).tileUrl).toBe('');
    expect(mapConfig(doc('')).tileUrl).toBe('https://tile.openstreetmap.org/{z}/{x}/{y}.png');
  });
});
