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
}
