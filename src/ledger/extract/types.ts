import type { Category } from '../model.js';
import type { CategoryInput } from './category-model.js';

export interface ExtractContext {
  /** The message day, YYYY-MM-DD in Asia/Shanghai; relative dates resolve against it. */
  today: string;
  /** Enterprises the team (group chat) is bound to: canonical names. */
  teamEnterprises?: string[];
  /** The deployment's known enterprises (data/enterprises.json): canonical names. */
  knownEnterprises?: string[];
  /**
   * The names an LLM prompt may list besides the team's own: the deployment's curated list, never another team's
   * bound names (those are user input). Default: knownEnterprises.
   */
  promptEnterprises?: string[];
  /**
   * The category of each issue after the lexicon (default: the learned back-off of data/ledger/category-model.json,
   * category-model.ts). bench/category-model.ts passes one that records what the lexicon read.
   */
  categoryBackoff?: (issue: CategoryInput) => Category;
}
