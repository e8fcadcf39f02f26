/** What each read of the API answers, as the OpenAPI document describes it. */
export const READ_SUMMARIES = {
  '/api/events': 'Merged events, newest first',
  '/api/events/{id}': 'One merged event with every report and its evidence',
  '/api/documents': 'Stored documents',
  '/api/documents/{id}': 'A document: clean text, removed spans, sources',
  '/api/search': 'Full-text search',
  '/api/entities': 'Resolved organizations (or people)',
  '/api/entities/{id}': 'The profile of an organization or person',
  '/api/graph': 'The cooperation network: around an entity, or filtered by segment, region and dates',
  '/api/chain': 'The chain tree with organization and event counts per node',
  '/api/diagnosis': "A region's chain diagnosis: weak links, concentration, single points, partners",
} as const;

export type ReadPath = keyof typeof READ_SUMMARIES;
