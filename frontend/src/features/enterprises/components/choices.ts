import type { Schemas } from '../../../lib/api-client';

export const KINDS: Schemas['EnterpriseKindEnum'][] = [
  'village',
  'social',
  'pre_social',
  'incubated',
  'cooperative',
  'social_cooperative',
  'self_sufficiency',
];
export const DISTRICTS: Schemas['DistrictEnum'][] = ['deogyang', 'ilsandong', 'ilsanseo'];
export const SECTORS: Schemas['SectorEnum'][] = [
  'food',
  'manufacturing',
  'education',
  'care',
  'health',
  'environment',
  'culture',
  'tourism',
  'agriculture',
  'housing',
  'cleaning',
  'it',
  'retail',
  'finance',
  'other',
];
export const CATEGORIES: Schemas['ProductCategoryEnum'][] = [
  'food',
  'crafts',
  'household',
  'clothing',
  'agriculture',
  'services',
  'education',
  'culture',
  'care',
  'other',
];
