import { Organization } from '../modules/organization/organization.entity.js';

/** Every entity, listed rather than discovered from folders (works the same from src/ and dist/). */
export const entities = [Organization];
