export { CATEGORY_LEXICON, type CategoryWords } from './categories.js';
export {
  DEPARTMENTS,
  DEPARTMENT_CATEGORIES,
  departmentAliases,
  normalizeDepartment,
  type DepartmentEntry,
} from './departments.js';
export * from './statuses.js';
export * from './signals.js';
export {
  COMPANY_SUFFIXES,
  PLACE_PREFIX,
  NAME_STOPWORDS,
  PERSON_AFTER,
  defaultEnterprisesFile,
  loadKnownEnterprises,
} from './enterprises.js';
