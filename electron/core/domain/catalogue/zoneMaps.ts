import body from '../../../../resources/zone-maps/body.json';
import face from '../../../../resources/zone-maps/face.json';
import scalp from '../../../../resources/zone-maps/scalp.json';
import type { ZoneMap } from '../../contract';

/** The zone maps shipped in resources/zone-maps, keyed by id. */
export const ZONE_MAP_LIST: ZoneMap[] = [face as ZoneMap, scalp as ZoneMap, body as ZoneMap];

export function zoneLabel(code: string): string {
  for (const map of ZONE_MAP_LIST) {
    const zone = map.zones.find((z) => z.code === code);
    if (zone) return zone.label;
  }
  return code;
}
