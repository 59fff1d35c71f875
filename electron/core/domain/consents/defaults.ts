import dermaplaning from '../../../../resources/consent/dermaplaning.json';
import body from '../../../../resources/consent/microneedling-body.json';
import face from '../../../../resources/consent/microneedling-face.json';
import prp from '../../../../resources/consent/microneedling-prp.json';
import scalp from '../../../../resources/consent/microneedling-scalp.json';
import photography from '../../../../resources/consent/photography.json';

/**
 * The clinic's starting consent forms, one file per form in resources/consent/, validated with the same
 * schema as a form saved in the app when they are seeded. Their codes are the ones the default treatment
 * types name (resources/catalogue/treatment-types.json).
 */
export const DEFAULT_CONSENT_TEMPLATES: readonly unknown[] = [
  face,
  prp,
  scalp,
  body,
  dermaplaning,
  photography,
];
